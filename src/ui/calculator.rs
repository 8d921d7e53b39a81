//! The single-person calculator: the form on one side, the result beside it (below it on a
//! narrow screen), then the working.

use super::after::AfterPackage;
use super::app::{load_example, Computed};
use super::draft::Which;
use super::error_summary::ErrorSummary;
use super::examples::ARTHUR;
use super::fields::{use_form, Input};
use super::goals::Goals;
use super::keep::KeepAndShare;
use super::package::PackageEditor;
use super::results::Results;
use super::settings::Settings;
use super::state::{Action, Setting, State};
use super::working::Working;
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub state: Rc<State>,
    pub computed: Rc<Computed>,
    pub summary: NodeRef,
    pub results_heading: NodeRef,
    pub standalone: bool,
}

#[component]
pub fn Calculator(props: &Props) -> Html {
    let form = use_form();
    let state = &props.state;
    let computed = &props.computed;
    let onsubmit = {
        let dispatch = form.dispatch.clone();
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            dispatch.dispatch(Action::Submit);
        })
    };
    let draft = Rc::new(state.draft.clone());
    let blank = state.draft.before.visits.is_empty() && state.draft.before.other_costs.is_empty();
    let has_errors = state.show_errors && !computed.errors.is_empty();
    html! {
        <>
            <div class="rc-intro">
                <h1 class="heading-l">{ "Work out what reablement achieved" }</h1>
                <p class="lead">{ "Enter the person's goals and their care package. The calculator shows the cost of care per week before reablement and 28 days after it ends, and compares it with the baseline." }</p>
                <div class="inset">
                    <p>{ "Everything stays on this device: nothing is sent anywhere. Use a case reference only — do not type names or NHS numbers." }</p>
                </div>
                <div class="button-group no-print">
                    <button type="button" class="button button--secondary" onclick={load_example(&form.dispatch, &ARTHUR)}>
                        { "Load Arthur's example" }
                    </button>
                </div>
            </div>
            if let (Some(calc), false) = (&computed.calculation, blank) {
                <PrintSummary draft={draft.clone()} calculation={calc.clone()} />
            }
            if has_errors {
                <ErrorSummary errors={computed.errors.clone()} node={props.summary.clone()} />
            }
            <div class="rc-layout">
                <form class="rc-form" novalidate=true {onsubmit} aria-label="Case details">
                    <section class="section" aria-labelledby="case-heading">
                        <h2 class="heading-m" id="case-heading">{ "1. About this case" }</h2>
                        <Input path="reference" label={html!{ "Case reference (optional)" }} width="w-10"
                            hint={html!{ "Your team's case or referral number, for example AB-1234. Not a name or NHS number." }}
                            value={state.draft.reference.clone()} oninput={form.on_text(|t| Action::Set(Setting::Reference, t))} />
                    </section>
                    <Goals goals={state.draft.goals.clone()} />
                    <section class="section" id="f-before" tabindex="-1" aria-labelledby="before-heading">
                        <h2 class="heading-m" id="before-heading">{ "3. Care package before reablement" }</h2>
                        <PackageEditor which={Which::Before} package={state.draft.before.clone()} goals={state.draft.goals.clone()}
                            settings_rate={state.draft.hourly_rate.clone()} />
                    </section>
                    <AfterPackage draft={draft.clone()} calculation={computed.calculation.clone()} />
                    <Settings draft={draft.clone()} />
                    <div class="button-group no-print">
                        <button type="submit" class="button">{ "Show the result" }</button>
                    </div>
                </form>
                <aside class="rc-results" aria-label="Result">
                    <Results outcome={computed.calculation.as_ref().map(|c| Rc::new(c.outcome.clone()))}
                        error_count={computed.errors.len()} show_errors={state.show_errors} blank={blank}
                        heading={props.results_heading.clone()} />
                    if computed.calculation.is_some() && !blank {
                        <button type="button" class="button button--secondary no-print" onclick={form.on_click(Action::Show(super::state::View::Present))}>
                            { "Present the working step by step" }
                        </button>
                    }
                </aside>
            </div>
            if computed.calculation.is_some() && !blank {
                <Working sections={computed.sections.clone()} />
            }
            <KeepAndShare draft={draft.clone()} outcome={computed.calculation.as_ref().filter(|_| !blank).map(|c| Rc::new(c.outcome.clone()))} standalone={props.standalone} />

        </>
    }
}

/// Today's date in words ("23 November 2026"), for the printed page.
fn today() -> String {
    let date = js_sys::Date::new_0();
    let options = js_sys::Object::new();
    for (key, value) in [("day", "numeric"), ("month", "long"), ("year", "numeric")] {
        let _ = js_sys::Reflect::set(&options, &key.into(), &value.into());
    }
    date.to_locale_date_string("en-GB", &options).into()
}

#[derive(Properties, PartialEq)]
struct PrintSummaryProps {
    draft: Rc<super::draft::Draft>,
    calculation: Rc<crate::calc::Calculation>,
}

/// On paper, the answers in a few lines instead of the form: the case, the figures used with
/// their sources, the goals, and the visits (marked when withdrawn).
#[component]
fn PrintSummary(props: &PrintSummaryProps) -> Html {
    use crate::calc::scenario::{GoalStatus, OutcomeArea};
    use crate::calc::Pence;
    let d = &props.draft;
    let o = &props.calculation.outcome;
    let words = |code: &str, all: &[(&'static str, &'static str)]| {
        all.iter().find(|(c, _)| *c == code).map(|(_, w)| *w).unwrap_or("")
    };
    let outcomes: Vec<(&str, &str)> = OutcomeArea::ALL.iter().map(|a| (a.code(), a.plain_words())).collect();
    let statuses: Vec<(&str, &str)> = GoalStatus::ALL.iter().map(|s| (s.code(), s.plain_words())).collect();
    let visits = &props.calculation.working.before.visits;
    html! {
        <section class="print-only print-summary" aria-hidden="true">
            <h2 class="heading-s">{ format!("Case {}", if d.reference.trim().is_empty() { "(no reference)" } else { d.reference.trim() }) }</h2>
            <p class="print-note">{ format!("Printed on {}. An estimate only, worked out on this device by the reablement outcome calculator {}.", today(), crate::calc::VERSION) }</p>
            <p>{ format!("Figures used: baseline {} a week (Leicestershire County Council, 2019); hourly rate {} (Homecare Association, 2025-26); {} weeks a year{}.",
                Pence(o.baseline_pence).display(),
                crate::calc::Pence::parse(&d.hourly_rate).map(|p| p.display()).unwrap_or_default(),
                o.weeks_per_year,
                crate::calc::Pence::parse(&d.reablement_cost).map(|p| format!("; reablement cost {}", p.display())).unwrap_or_default()) }</p>
            <table class="table">
                <caption class="visually-hidden">{ "Goals" }</caption>
                <thead><tr><th>{ "Goal" }</th><th>{ "Outcome" }</th><th>{ "Status" }</th></tr></thead>
                <tbody>{ for d.goals.iter().map(|g| html! {
                    <tr><td>{ g.description.clone() }</td><td>{ words(&g.outcome, &outcomes) }</td><td>{ words(&g.status, &statuses) }</td></tr>
                }) }</tbody>
            </table>
            <table class="table">
                <caption class="visually-hidden">{ "Visits before reablement" }</caption>
                <thead><tr><th>{ "Visit before reablement" }</th><th>{ "Minutes × carers × days" }</th><th>{ "Rate" }</th><th>{ "28 days after" }</th></tr></thead>
                <tbody>{ for visits.iter().map(|v| html! {
                    <tr>
                        <td>{ if v.label.trim().is_empty() { format!("Visit {}", v.index + 1) } else { v.label.clone() } }</td>
                        <td>{ format!("{} × {} × {}", v.minutes, v.carers, v.days_per_week) }</td>
                        <td>{ v.rate.display() }</td>
                        <td>{ if o.after.withdrawn_visits.contains(&v.index) { "Withdrawn" } else if o.after.derived { "Carries on" } else { "See the package after" } }</td>
                    </tr>
                }) }</tbody>
            </table>
        </section>
    }
}
