//! The single-person calculator: the form on one side, the result beside it (below it on a
//! narrow screen), then the working.

use self::print::print_summary;
use crate::ui::calculator::after::AfterPackage;
use crate::ui::calculator::error_summary::ErrorSummary;
use crate::ui::calculator::goals::{Goals, ReablementWeeks};
use crate::ui::calculator::keep::KeepAndShare;
use crate::ui::calculator::package::PackageEditor;
use crate::ui::calculator::result_bar::result_bar;
use crate::ui::calculator::results::{results, Props as ResultProps};
use crate::ui::calculator::settings::Settings;
use crate::ui::calculator::weeks::{weeks_in_brief, weeks_result};
use crate::ui::calculator::working::working;
use crate::ui::examples::data::load_example;
use crate::ui::examples::data::ARTHUR;
use crate::ui::state::computed::Computed;
use crate::ui::state::context::use_form;
use crate::ui::state::draft::Which;
use crate::ui::state::{FormAction, NavAction};
use crate::ui::state::{Setting, State};
use crate::ui::widgets::fields::Input;
use std::rc::Rc;
use yew::prelude::*;

pub mod after;
pub mod error_summary;
pub mod goals;
pub mod keep;
pub mod package;
pub mod print;
pub mod result_bar;
pub mod results;
pub mod settings;
pub mod weeks;
pub mod working;

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
            dispatch.dispatch(FormAction::Submit.into());
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
                { print_summary(&state.draft, calc, &state.council, computed.plan.as_deref()) }
            }
            if has_errors {
                <ErrorSummary errors={computed.errors.clone()} node={props.summary.clone()} draft={draft.clone()} />
            }
            <div class="rc-layout">
                <form class="rc-form" novalidate=true {onsubmit} aria-label="Case details">
                    <section class="section" aria-labelledby="case-heading">
                        <h2 class="heading-m" id="case-heading">{ "1. About this case" }</h2>
                        <Input field={form.field("reference")} label={html!{ "Case reference (optional)" }} width="w-10"
                            hint={html!{ "Your team's case or referral number, for example AB-1234. Not a name or NHS number." }}
                            value={state.draft.reference.clone()} oninput={form.on_text(|t| FormAction::Set(Setting::Reference, t).into())} />
                        <ReablementWeeks value={state.draft.reablement_weeks.clone()} />
                    </section>
                    <Goals goals={state.draft.goals.clone()} />
                    <section class="section" id="f-before" tabindex="-1" aria-labelledby="before-heading">
                        <h2 class="heading-m" id="before-heading">{ "3. Care package before reablement" }</h2>
                        <PackageEditor which={Which::Before} package={state.draft.before.clone()} goals={state.draft.goals.clone()}
                            settings_rate={state.draft.hourly_rate.clone()} />
                    </section>
                    <AfterPackage draft={draft.clone()} calculation={computed.calculation.clone()} />
                    <Settings draft={draft.clone()} council={state.council.clone()} />
                    <div class="button-group no-print">
                        <button type="submit" class="button">{ "Show the result" }</button>
                    </div>
                </form>
                if !blank {
                    { result_bar(computed.calculation.as_ref().map(|c| &c.outcome), computed.plan.as_deref()) }
                }
                <aside class="rc-results" aria-label="Result">
                    { results(ResultProps {
                        outcome: computed.calculation.as_ref().map(|c| &c.outcome), plan: computed.plan.as_deref(),
                        error_count: computed.errors.len(), show_errors: state.show_errors, blank,
                        heading: props.results_heading.clone(),
                    }) }
                    { weeks_in_brief(computed.weeks.as_ref().filter(|_| !blank).map(|w| w.sentence.as_str()), computed.plan.is_none()) }
                    if computed.calculation.is_some() && !blank {
                        <button type="button" class="button button--secondary no-print" id="present-working"
                            onclick={form.on_click(NavAction::Present { from: crate::ui::state::View::Calculator, button: "present-working".into() }.into())}>
                            { "Present the working step by step" }
                        </button>
                    }
                </aside>
            </div>
            // In a plan no goal has a week yet: the week by week waits for them.
            if let (Some(calc), Some(weeks), false, None) = (&computed.calculation, &computed.weeks, blank, &computed.plan) {
                { weeks_result(weeks, &calc.outcome) }
            }
            if computed.calculation.is_some() && !blank {
                { working(computed.plan_sections.as_deref().unwrap_or(&computed.sections), computed.plan.is_some()) }
            }
            <KeepAndShare draft={draft.clone()} outcome={computed.calculation.as_ref().filter(|_| !blank).map(|c| Rc::new(c.outcome.clone()))}
                weeks={computed.weeks.clone().filter(|_| !blank)} standalone={props.standalone} state={state.clone()} />
        </>
    }
}
