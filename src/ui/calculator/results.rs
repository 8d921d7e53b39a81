//! The result: before and after per week, the change, the comparison with the baseline in
//! plain words, the year, break-even, goals, warnings, and the chart. Announced politely.

use crate::calc::explain::care_a_week;
use crate::calc::money::one_place;
use crate::calc::wording::AgainstBaseline;
use crate::calc::Outcome;
use crate::ui::browser::focus::focus_link;
use crate::ui::widgets::chart::{Bar, BarChart};
use crate::ui::widgets::fields::field_id;
use yew::prelude::*;

/// One sentence for screen readers, announced when it changes.
fn announcement(o: &Outcome, plan: bool) -> String {
    if plan {
        return format!(
            "A plan. The package now {} a week. If these goals are achieved, {} a week. {}",
            o.before.weekly_pence.display(),
            o.after.weekly_pence.display(),
            baseline_words(o, plan)
        );
    }
    format!(
        "Before reablement {} a week. After {} a week. {}",
        o.before.weekly_pence.display(),
        o.after.weekly_pence.display(),
        baseline_words(o, plan)
    )
}

/// `£8.15 below the £38.13 baseline.`, `The same as the £38.13 baseline.`; in a plan,
/// `It would be £38.13 below the £38.13 baseline.`
fn baseline_words(o: &Outcome, plan: bool) -> String {
    let words = AgainstBaseline::from_gap(o.after_vs_baseline_pence).words(o.baseline_pence);
    if plan {
        return format!("It would be {words}.");
    }
    let mut chars = words.chars();
    let first = chars.next().map(|c| c.to_uppercase().collect::<String>()).unwrap_or_default();
    format!("{first}{}.", chars.as_str())
}

/// What the result needs from the calculator.
pub struct Props<'a> {
    /// `None` while the answers have errors.
    pub outcome: Option<&'a Outcome>,
    /// At a welcome visit: what the package would cost if these goals are achieved
    /// (`calc::plan`). The result is then a plan, in the future tense, beside today's package.
    pub plan: Option<&'a Outcome>,
    pub error_count: usize,
    pub show_errors: bool,
    pub blank: bool,
    pub heading: NodeRef,
}

/// The result. A plain function, not a component: it has no state, and a component costs the
/// first screen's module Yew's generic code once more.
pub fn results(props: Props) -> Html {
    // Nothing is announced for an empty form: sighted users see "Add the visits…" there.
    let shown = props.plan.or(props.outcome).filter(|_| !props.blank);
    let live = shown.map(|o| announcement(o, props.plan.is_some())).unwrap_or_default();
    html! {
        <section class="results" aria-labelledby="results-heading">
            <h2 class="heading-m" id="results-heading" tabindex="-1" ref={props.heading}>{ "Result" }</h2>
            <p class="visually-hidden" aria-live="polite" aria-atomic="true" data-testid="result-live">{ live }</p>
            { match props.outcome {
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
                Some(o) => outcome_view(o, props.plan),
            } }
        </section>
    }
}

/// Today's outcome, or, at a welcome visit, the plan: the same figures from the planned
/// outcome (the package now is today's before), in the future tense. The goals and the
/// warnings are always today's.
fn outcome_view(today: &Outcome, plan: Option<&Outcome>) -> Html {
    let planned = plan.is_some();
    let o = plan.unwrap_or(today);
    let saving = -o.change_pence;
    let change_words = match (saving.signum(), planned) {
        (1, false) => format!("{} a week less", saving.display()),
        (-1, false) => format!("{} a week more", (-saving).display()),
        (1, true) => format!("Would be {} a week less", saving.display()),
        (-1, true) => format!("Would be {} a week more", (-saving).display()),
        (_, false) => "No change".to_string(),
        (_, true) => "Would not change".to_string(),
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
    let would = if planned { " would be" } else { "" };
    let year = match o.annual_change_pence.signum() {
        -1 => format!("{}{would} saved over {} weeks", (-o.annual_change_pence).display(), o.weeks_per_year),
        1 => format!("{}{would} more over {} weeks", o.annual_change_pence.display(), o.weeks_per_year),
        _ => format!("No change over {} weeks", o.weeks_per_year),
    };
    let after_note = match (o.after.derived, o.after.withdrawn_visits.len(), planned) {
        (false, _, _) => "As entered".to_string(),
        (_, 0, false) => "Worked out from the goals: no visit withdrawn yet".to_string(),
        (_, 1, false) => "Worked out from the goals: 1 visit withdrawn".to_string(),
        (_, n, false) => format!("Worked out from the goals: {n} visits withdrawn"),
        (_, 0, true) => "Worked out from the goals: no visit is linked to a goal, so none would stop".to_string(),
        (_, 1, true) => "Worked out from the goals: 1 visit would stop".to_string(),
        (_, n, true) => format!("Worked out from the goals: {n} visits would stop"),
    };
    let (now, after, after_bar) = match planned {
        true => ("The package now", "If these goals are achieved", "If achieved"),
        false => ("Before reablement", "28 days after", "After 28 days"),
    };
    let bars = vec![
        Bar {
            label: if planned { "Now" } else { "Before" }.into(),
            pence: o.before.weekly_pence,
            class: "chart--before",
        },
        Bar { label: after_bar.into(), pence: o.after.weekly_pence, class: "chart--after" },
        Bar { label: "Baseline".into(), pence: o.baseline_pence, class: "chart--baseline" },
    ];
    html! {
        <>
            if planned {
                <p class="plan-note" data-testid="plan-note">{ "A plan: no goal is achieved or not achieved yet. These figures say what the care would cost if these goals are achieved." }</p>
            }
            <dl class="figures">
                <div class="figure">
                    <dt>{ now }</dt>
                    <dd><span class="figure__value" data-testid="before-weekly">{ o.before.weekly_pence.display() }</span>{ " a week" }
                        <span class="figure__note">{ care_a_week(o.before.minutes_per_week) }</span></dd>
                </div>
                <div class="figure figure--after">
                    <dt>{ after }</dt>
                    <dd><span class="figure__value" data-testid="after-weekly">{ o.after.weekly_pence.display() }</span>{ " a week" }
                        <span class="figure__note">{ format!("{}. {after_note}", care_a_week(o.after.minutes_per_week)) }</span></dd>
                </div>
                <div class="figure">
                    <dt>{ "Change" }</dt>
                    <dd><span class="figure__value figure__value--small" data-testid="change">{ change_words }</span>
                        if let Some(p) = percent { <span class="figure__note">{ p }</span> }</dd>
                </div>
            </dl>
            <BarChart id="result-chart" title={if planned { "Weekly cost of care now and if these goals are achieved, and the baseline" } else { "Weekly cost of care before and after reablement, and the baseline" }} bars={bars} />
            <h3 class="heading-s">{ "Compared with the baseline" }</h3>
            <p class="baseline-gap" data-testid="baseline-gap"><strong>{ baseline_words(o, planned) }</strong></p>
            if o.after_vs_baseline_pence.0 > 0 {
                <p class="note" data-testid="baseline-note">{ format!("The baseline of {} is an average over everyone leaving reablement, including the many people who need no further care at all (£0.00). So one person whose care still costs more than the baseline is not a failure: what matters is the average across the whole service.", o.baseline_pence.display()) }</p>
            }
            <dl class="summary-list">
                <div class="summary-list__row"><dt>{ "Over a year" }</dt><dd data-testid="annual">{ year }</dd></div>
                if let Some(weeks) = o.break_even_weeks {
                    <div class="summary-list__row"><dt>{ "Break-even" }</dt><dd data-testid="break-even">{
                        format!("The saving {} the cost of reablement in {}", if planned { "would cover" } else { "covers" }, if weeks == 1 { "1 week".to_string() } else { format!("{weeks} weeks") })
                    }</dd></div>
                }
                <div class="summary-list__row"><dt>{ "Goals achieved" }</dt><dd data-testid="goals">{ format!("{} of {}", today.goals.achieved, today.goals.total) }</dd></div>
            </dl>
            if !today.warnings.is_empty() {
                <div class="warnings">
                    <h3 class="heading-s">{ "Check these answers" }</h3>
                    <ul class="warning-list">
                        { for today.warnings.iter().map(|w| {
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
