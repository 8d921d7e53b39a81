//! The result: before and after per week, the change, the comparison with the baseline in
//! plain words, the year, break-even, goals, warnings, and the chart. Announced politely.

use crate::calc::explain::care_a_week;
use crate::calc::money::one_place;
use crate::calc::wording::AgainstBaseline;
use crate::calc::Outcome;
use crate::ui::browser::focus::focus_link;
use crate::ui::widgets::chart::{Bar, BarChart};
use crate::ui::widgets::fields::field_id;
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct Props {
    /// `None` while the answers have errors.
    pub outcome: Option<Rc<Outcome>>,
    pub error_count: usize,
    pub show_errors: bool,
    pub blank: bool,
    pub heading: NodeRef,
}

/// One sentence for screen readers, announced when it changes.
fn announcement(o: &Outcome) -> String {
    format!(
        "Before reablement {} a week. After {} a week. {}",
        o.before.weekly_pence.display(),
        o.after.weekly_pence.display(),
        baseline_words(o)
    )
}

/// `£8.15 below the £38.13 baseline.`, `The same as the £38.13 baseline.`
fn baseline_words(o: &Outcome) -> String {
    let words = AgainstBaseline::from_gap(o.after_vs_baseline_pence).words(o.baseline_pence);
    let mut chars = words.chars();
    let first = chars.next().map(|c| c.to_uppercase().collect::<String>()).unwrap_or_default();
    format!("{first}{}.", chars.as_str())
}

#[component]
pub fn Results(props: &Props) -> Html {
    let live = props.outcome.as_ref().map(|o| announcement(o)).unwrap_or_default();
    html! {
        <section class="results" aria-labelledby="results-heading">
            <h2 class="heading-m" id="results-heading" tabindex="-1" ref={props.heading.clone()}>{ "Result" }</h2>
            <p class="visually-hidden" aria-live="polite" aria-atomic="true">{ live }</p>
            { match &props.outcome {
                _ if props.blank => html! {
                    <p class="hint">{ "Add the visits in the care package before reablement, or load Arthur's example, to see the result here." }</p>
                },
                None => html! {
                    <div class="results__pending">
                        <p>{ "The result will show when the answers are complete." }</p>
                        if props.show_errors {
                            <p>{ format!("{} to fix: see “There is a problem” at the top.", if props.error_count == 1 { "1 answer".to_string() } else { format!("{} answers", props.error_count) }) }</p>
                        } else {
                            <p class="hint">{ "Select “Show the result” to see what needs fixing." }</p>
                        }
                    </div>
                },
                Some(o) => outcome_view(o),
            } }
        </section>
    }
}

fn outcome_view(o: &Outcome) -> Html {
    let saving = -o.change_pence;
    let change_words = match saving.signum() {
        1 => format!("{} a week less", saving.display()),
        -1 => format!("{} a week more", (-saving).display()),
        _ => "No change".to_string(),
    };
    // No percentage beside "No change"; a change too small for one decimal place is "less
    // than 0.1%", never "0.0% lower".
    let percent = o.reduction_percent.filter(|_| o.change_pence.0 != 0).map(|p| {
        let (size, direction) = if p >= 0.0 { (one_place(p), "lower") } else { (one_place(-p), "higher") };
        if size == "0.0" {
            format!("Less than 0.1% {direction}")
        } else {
            format!("{size}% {direction}")
        }
    });
    let year = match o.annual_change_pence.signum() {
        -1 => format!("{} saved over {} weeks", (-o.annual_change_pence).display(), o.weeks_per_year),
        1 => format!("{} more over {} weeks", o.annual_change_pence.display(), o.weeks_per_year),
        _ => format!("No change over {} weeks", o.weeks_per_year),
    };
    let after_note = if o.after.derived {
        match o.after.withdrawn_visits.len() {
            0 => "Worked out from the goals: no visit withdrawn yet".to_string(),
            1 => "Worked out from the goals: 1 visit withdrawn".to_string(),
            n => format!("Worked out from the goals: {n} visits withdrawn"),
        }
    } else {
        "As entered".to_string()
    };
    let bars = vec![
        Bar { label: "Before".into(), pence: o.before.weekly_pence, class: "chart--before" },
        Bar { label: "After 28 days".into(), pence: o.after.weekly_pence, class: "chart--after" },
        Bar { label: "Baseline".into(), pence: o.baseline_pence, class: "chart--baseline" },
    ];
    html! {
        <>
            <dl class="figures">
                <div class="figure">
                    <dt>{ "Before reablement" }</dt>
                    <dd><span class="figure__value" data-testid="before-weekly">{ o.before.weekly_pence.display() }</span>{ " a week" }
                        <span class="figure__note">{ care_a_week(o.before.minutes_per_week) }</span></dd>
                </div>
                <div class="figure figure--after">
                    <dt>{ "28 days after" }</dt>
                    <dd><span class="figure__value" data-testid="after-weekly">{ o.after.weekly_pence.display() }</span>{ " a week" }
                        <span class="figure__note">{ format!("{}. {after_note}", care_a_week(o.after.minutes_per_week)) }</span></dd>
                </div>
                <div class="figure">
                    <dt>{ "Change" }</dt>
                    <dd><span class="figure__value figure__value--small" data-testid="change">{ change_words }</span>
                        if let Some(p) = percent { <span class="figure__note">{ p }</span> }</dd>
                </div>
            </dl>
            <BarChart id="result-chart" title="Weekly cost of care before and after reablement, and the baseline" bars={bars} />
            <h3 class="heading-s">{ "Compared with the baseline" }</h3>
            <p class="baseline-gap" data-testid="baseline-gap"><strong>{ baseline_words(o) }</strong></p>
            if o.after_vs_baseline_pence.0 > 0 {
                <p class="note" data-testid="baseline-note">{ format!("The baseline of {} is an average over everyone leaving reablement, including the many people who need no further care at all (£0.00). So one person whose care still costs more than the baseline is not a failure: what matters is the average across the whole service.", o.baseline_pence.display()) }</p>
            }
            <dl class="summary-list">
                <div class="summary-list__row"><dt>{ "Over a year" }</dt><dd data-testid="annual">{ year }</dd></div>
                if let Some(weeks) = o.break_even_weeks {
                    <div class="summary-list__row"><dt>{ "Break-even" }</dt><dd data-testid="break-even">{
                        if weeks == 1 { "The saving covers the cost of reablement in 1 week".to_string() } else { format!("The saving covers the cost of reablement in {weeks} weeks") }
                    }</dd></div>
                }
                <div class="summary-list__row"><dt>{ "Goals achieved" }</dt><dd data-testid="goals">{ format!("{} of {}", o.goals.achieved, o.goals.total) }</dd></div>
            </dl>
            if !o.warnings.is_empty() {
                <div class="warnings">
                    <h3 class="heading-s">{ "Check these answers" }</h3>
                    <ul class="warning-list">
                        { for o.warnings.iter().map(|w| {
                            let id = field_id(&w.path);
                            let onclick = focus_link(id.clone());
                            html! {
                                <li class="warning-text"><span class="warning-text__icon" aria-hidden="true">{ "!" }</span>
                                    <span class="visually-hidden">{ "Warning: " }</span>
                                    <a href={format!("#{id}")} {onclick}>{ w.message.clone() }</a></li>
                            }
                        }) }
                    </ul>
                </div>
            }
        </>
    }
}
