//! The printed page: the answers in a few lines instead of the form.

use crate::ui::browser::dates::today;
use yew::prelude::*;

/// Whose figure this is, for the printed page: the council's or the calculator's default
/// source when it is theirs, else "entered for this case".
fn credit(
    value: Option<crate::calc::Pence>,
    council: (crate::calc::Pence, Option<&str>),
    default: (crate::calc::Pence, &str),
) -> String {
    match (value, council) {
        (Some(v), (c, Some(name))) if v == c => name.to_string(),
        (Some(v), _) if v == default.0 => default.1.to_string(),
        _ => "entered for this case".to_string(),
    }
}

/// On paper, the answers in a few lines instead of the form: the case, the figures used with
/// their sources, the goals, and the visits (marked when withdrawn; at a welcome visit, when
/// they would stop if the goals in `plan` are achieved). A plain function, not a component: it
/// has no state, and a component costs the first screen's module Yew's generic code once more.
pub fn print_summary(
    d: &crate::ui::state::draft::Draft,
    calculation: &crate::calc::Calculation,
    council: &crate::calc::council::CouncilFile,
    plan: Option<&crate::calc::Outcome>,
) -> Html {
    use crate::calc::scenario::{GoalStatus, OutcomeArea};
    let o = &calculation.outcome;
    let words = |code: &str, all: &[(&'static str, &'static str)]| {
        all.iter().find(|(c, _)| *c == code).map(|(_, w)| *w).unwrap_or("")
    };
    let outcomes: Vec<(&str, &str)> = OutcomeArea::ALL.iter().map(|a| (a.code(), a.plain_words())).collect();
    let statuses: Vec<(&str, &str)> = GoalStatus::ALL.iter().map(|s| (s.code(), s.plain_words())).collect();
    let visits = &calculation.working.before.visits;
    let figures = council.figures();
    let (after_heading, stops, after) = match plan {
        Some(plan) => ("If these goals are achieved", "Would stop", &plan.after),
        None => ("28 days after", "Withdrawn", &o.after),
    };
    html! {
        <section class="print-only print-summary" aria-hidden="true">
            <h2 class="heading-s">{ format!("Case {}", if d.reference.trim().is_empty() { "(no reference)" } else { d.reference.trim() }) }</h2>
            <p class="print-note">{ format!("Printed on {}. An estimate only, worked out on this device by the reablement outcome calculator {}.", today(), crate::calc::VERSION) }</p>
            <p>{ format!("Figures used: baseline {} a week ({}); hourly rate {} ({}); {} weeks a year{}{}.",
                o.baseline_pence.display(),
                credit(Some(o.baseline_pence), (figures.baseline_weekly, figures.council.as_deref()), (crate::calc::limits::DEFAULT_BASELINE, "Leicestershire County Council, 2019")),
                crate::calc::Pence::parse(&d.hourly_rate).map(|p| p.display()).unwrap_or_default(),
                credit(crate::calc::Pence::parse(&d.hourly_rate), (figures.hourly_rate, figures.council.as_deref()), (crate::calc::limits::DEFAULT_HOURLY_RATE, "Homecare Association, 2025-26")),
                o.weeks_per_year,
                crate::calc::Pence::parse(&d.reablement_cost).map(|p| format!("; reablement cost {}", p.display())).unwrap_or_default(),
                o.episode.as_ref().map(|e| format!("; reablement lasted {}", if e.weeks == 1 { "1 week".to_string() } else { format!("{} weeks", e.weeks) })).unwrap_or_default()) }</p>
            <table class="table">
                <caption class="visually-hidden">{ "Goals" }</caption>
                <thead><tr><th>{ "Goal" }</th><th>{ "Outcome" }</th><th>{ "Status" }</th></tr></thead>
                <tbody>{ for d.goals.iter().map(|g| {
                    let week = g.achieved_week.trim().parse::<u32>().ok().filter(|_| g.status == GoalStatus::Achieved.code());
                    let status = match week {
                        Some(week) => format!("{} in week {week}", words(&g.status, &statuses)),
                        None => words(&g.status, &statuses).to_string(),
                    };
                    html! {
                        <tr><td>{ g.description.clone() }</td><td>{ words(&g.outcome, &outcomes) }</td><td>{ status }</td></tr>
                    }
                }) }</tbody>
            </table>
            <table class="table">
                <caption class="visually-hidden">{ "Visits before reablement" }</caption>
                <thead><tr><th>{ "Visit before reablement" }</th><th>{ "Minutes × carers × days" }</th><th>{ "Rate" }</th><th>{ after_heading }</th></tr></thead>
                <tbody>{ for visits.iter().map(|v| html! {
                    <tr>
                        <td>{ if v.label.trim().is_empty() { format!("Visit {}", v.index + 1) } else { v.label.clone() } }</td>
                        <td>{ format!("{} × {} × {}", v.minutes, v.carers, v.days_per_week) }</td>
                        <td>{ v.rate.display() }</td>
                        <td>{ if after.withdrawn_visits.contains(&v.index) { stops } else if after.derived { "Carries on" } else { "See the package after" } }</td>
                    </tr>
                }) }</tbody>
            </table>
        </section>
    }
}
