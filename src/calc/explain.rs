//! The working, in words a trainer could read aloud: each visit's minutes, hours, rate and
//! exact cost, the one rounding, the withdrawn visits and why, then every result line.
//! Built from the same [`Calculation`] as the figures, so words and figures always agree.

use super::money::{display_exact_pounds, one_place, Pence};
use super::outcome::{Calculation, Episode, Outcome, PackageWorking, VisitFate};
use super::scenario::{GoalStatus, Scenario};

/// A titled group of steps ("Before reablement", "After", "The result").
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Section {
    pub title: String,
    pub steps: Vec<String>,
}

/// `735` → `12 hours 15 minutes`; `60` → `1 hour`; `45` → `45 minutes`.
pub fn hours_and_minutes(minutes: i64) -> String {
    let (h, m) = (minutes / 60, minutes % 60);
    let hours = match h {
        0 => String::new(),
        1 => "1 hour".to_string(),
        h => format!("{h} hours"),
    };
    let mins = match m {
        0 => String::new(),
        1 => "1 minute".to_string(),
        m => format!("{m} minutes"),
    };
    match (hours.is_empty(), mins.is_empty()) {
        (true, true) => "0 minutes".to_string(),
        (false, true) => hours,
        (true, false) => mins,
        (false, false) => format!("{hours} {mins}"),
    }
}

/// The care a figure stands for: `No care` for 0 minutes, else `2 hours 30 minutes of care a week`.
pub fn care_a_week(minutes: i64) -> String {
    if minutes == 0 {
        "No care".to_string()
    } else {
        format!("{} of care a week", hours_and_minutes(minutes))
    }
}

/// Why a visit carries on, from its open goals' real statuses (each goal's description and
/// status, in the visit's order): `“Make my own lunch” is not achieved`, `“Wash” is in progress;
/// “Dress” and “Cook” are not started`. With no goals at all: `no goals linked`.
pub fn carries_on_reason(open: &[(&str, GoalStatus)]) -> String {
    if open.is_empty() {
        return "no goals linked".to_string();
    }
    let mut parts = Vec::new();
    for status in [GoalStatus::NotAchieved, GoalStatus::InProgress, GoalStatus::NotStarted, GoalStatus::Achieved] {
        let names: Vec<String> =
            open.iter().filter(|(_, s)| *s == status).map(|(d, _)| format!("“{}”", d.trim())).collect();
        if names.is_empty() {
            continue;
        }
        let verb = if names.len() == 1 { "is" } else { "are" };
        let list = match names.split_last() {
            Some((last, rest)) if !rest.is_empty() => format!("{} and {last}", rest.join(", ")),
            _ => names.concat(),
        };
        parts.push(format!("{list} {verb} {}", status.plain_words().to_ascii_lowercase()));
    }
    parts.join("; ")
}

/// [`carries_on_reason`] for a visit of a valid scenario, from its open goals' ids.
fn open_goals_reason(scenario: &Scenario, open: &[String]) -> String {
    let goals: Vec<(&str, GoalStatus)> = open
        .iter()
        .filter_map(|id| scenario.goals.iter().find(|g| &g.id == id))
        .map(|g| (g.description.as_str(), g.status))
        .collect();
    carries_on_reason(&goals)
}

pub(crate) fn plural(n: impl Into<i64>, one: &str, many: &str) -> String {
    let n = n.into();
    if n == 1 {
        format!("1 {one}")
    } else {
        format!("{n} {many}")
    }
}

fn visit_name(label: &str, index: usize) -> String {
    if label.trim().is_empty() {
        format!("Visit {}", index + 1)
    } else {
        label.trim().to_string()
    }
}

fn package_steps(package: &PackageWorking, steps: &mut Vec<String>, total_name: &str, no_visits: &str) {
    if package.visits.is_empty() {
        steps.push(no_visits.to_string());
    }
    for v in &package.visits {
        steps.push(format!(
            "{}: {} × {} × {} = {} a week ({}). At {} an hour{}: {} ÷ 60 × {} = {}.",
            visit_name(&v.label, v.index),
            plural(v.minutes, "minute", "minutes"),
            plural(v.carers, "carer", "carers"),
            plural(v.days_per_week, "day", "days"),
            plural(v.minutes_per_week, "minute", "minutes"),
            hours_and_minutes(v.minutes_per_week),
            v.rate.display(),
            if v.own_rate { " (this visit's own rate)" } else { "" },
            v.minutes_per_week,
            v.rate.display(),
            display_exact_pounds(v.cost_sixtieths, 60),
        ));
    }
    let cost = &package.cost;
    if !package.visits.is_empty() {
        let exact = display_exact_pounds(package.care_sixtieths, 60);
        let rounded = cost.care_pence.display();
        let half = package.care_sixtieths % 60 == 30;
        steps.push(if exact == rounded {
            format!("Care in total: {exact} a week, {} of care.", hours_and_minutes(cost.minutes_per_week))
        } else {
            format!(
                "Care in total: {exact} a week, rounded once to the nearest penny{}: {rounded}.",
                if half { " (exactly half a penny rounds up)" } else { "" }
            )
        });
    }
    for (label, weekly) in &package.other_costs {
        let label = if label.trim().is_empty() { "Other cost" } else { label.trim() };
        steps.push(format!("{label}: {} a week.", weekly.display()));
    }
    steps.push(format!(
        "{total_name}: {} care + {} other costs = {} a week.",
        cost.care_pence.display(),
        cost.other_pence.display(),
        cost.weekly_pence.display()
    ));
}

/// Every step of the working, in order.
pub fn explain(scenario: &Scenario, calculation: &Calculation) -> Vec<Section> {
    let outcome = &calculation.outcome;
    let working = &calculation.working;
    let mut before = Vec::new();
    package_steps(&working.before, &mut before, "Cost before reablement", "No visits.");

    let mut after = Vec::new();
    if outcome.after.derived {
        after.push("Worked out from the goals: a visit is withdrawn when it supports at least one goal and all its goals are achieved.".to_string());
        for (i, fate) in working.fates.iter().enumerate() {
            let visit = &scenario.before.visits[i];
            let name = visit_name(&visit.label, i);
            let goal_names = |ids: &[String]| {
                ids.iter()
                    .filter_map(|id| scenario.goals.iter().find(|g| &g.id == id))
                    .map(|g| format!("“{}”", g.description))
                    .collect::<Vec<_>>()
                    .join(", ")
            };
            after.push(match fate {
                VisitFate::Withdrawn => {
                    format!("{name} is withdrawn: all its goals achieved ({}).", goal_names(&visit.goals))
                }
                VisitFate::ContinuesGoalsOpen(open) => {
                    format!("{name} carries on: {}.", open_goals_reason(scenario, open))
                }
                VisitFate::ContinuesNoGoals => format!("{name} carries on: {}.", carries_on_reason(&[])),
            });
        }
        if !scenario.before.other_costs.is_empty() {
            after.push("Other weekly costs carry on unchanged.".to_string());
        }
    } else {
        after.push("Entered as the package the person still has 28 days after reablement ended.".to_string());
    }
    let no_visits = if outcome.after.derived { "No visits carry on." } else { "No visits." };
    package_steps(&working.after, &mut after, "Cost 28 days after reablement", no_visits);

    let before_w = outcome.before.weekly_pence;
    let after_w = outcome.after.weekly_pence;
    let baseline = outcome.baseline_pence;
    let mut result = vec![format!(
        "Change: {} − {} = {} a week{}.",
        after_w.display(),
        before_w.display(),
        outcome.change_pence.display(),
        if outcome.change_pence < Pence::ZERO { " (a saving)" } else { "" }
    )];
    match outcome.reduction_percent {
        Some(p) => result.push(format!(
            "Reduction: ({} − {}) ÷ {} × 100 = {}%.",
            before_w.display(),
            after_w.display(),
            before_w.display(),
            one_place(p)
        )),
        None => result.push("Reduction: none to work out, because the package before cost nothing.".to_string()),
    }
    result.push(format!(
        "Against the baseline: {} − {} = {} a week.",
        after_w.display(),
        baseline.display(),
        outcome.after_vs_baseline_pence.display()
    ));
    result.push(format!(
        "Over a year: {} × {} weeks = {}.",
        outcome.change_pence.display(),
        outcome.weeks_per_year,
        outcome.annual_change_pence.display()
    ));
    if let (Some(weeks), Some(cost)) = (outcome.break_even_weeks, scenario.reablement_cost) {
        result.push(format!(
            "Break-even: {} ÷ {} saved a week = {}, rounded up to whole weeks.",
            cost.display(),
            (-outcome.change_pence).display(),
            plural(weeks, "week", "weeks")
        ));
    }
    let mut sections = vec![Section { title: "Before reablement".to_string(), steps: before }];
    if let Some(episode) = &outcome.episode {
        sections.push(Section {
            title: "Week by week during reablement".to_string(),
            steps: week_steps(scenario, episode),
        });
    }
    sections.push(Section { title: "28 days after reablement".to_string(), steps: after });
    sections.push(Section { title: "The result".to_string(), steps: result });
    sections
}

/// The visits that stop in `week` of the episode (withdrawn that week, not the week before),
/// by name.
pub fn stopped_in_week(scenario: &Scenario, episode: &Episode, week: usize) -> Vec<String> {
    let earlier: &[usize] = if week == 0 { &[] } else { &episode.timeline[week - 1].withdrawn_visits };
    episode.timeline[week]
        .withdrawn_visits
        .iter()
        .filter(|i| !earlier.contains(i))
        .map(|&i| visit_name(&scenario.before.visits[i].label, i))
        .collect()
}

fn week_steps(scenario: &Scenario, episode: &Episode) -> Vec<String> {
    let mut steps = vec![
        "Each week is the package before, less the visits whose goals were all achieved in an earlier week (a goal achieved in week 1 stops its visits from week 2).".to_string(),
    ];
    for (w, week) in episode.timeline.iter().enumerate() {
        let stopped = stopped_in_week(scenario, episode, w);
        let change = match (w, stopped.is_empty()) {
            (0, _) => "the package before".to_string(),
            (_, true) => "no change".to_string(),
            (_, false) => format!("{} stopped", stopped.join(", ")),
        };
        steps.push(format!(
            "Week {}: {change}; {} a week ({}): {}.",
            week.week,
            plural(week.minutes_per_week, "minute", "minutes"),
            hours_and_minutes(week.minutes_per_week),
            week.weekly_pence.display()
        ));
    }
    let weekly: Vec<String> = episode.timeline.iter().map(|w| w.weekly_pence.display()).collect();
    steps.push(format!(
        "The {}: {} = {}.",
        plural(episode.weeks, "week", "weeks"),
        weekly.join(" + "),
        episode.total_pence.display()
    ));
    steps.push(format!(
        "Had nothing changed: {} × {} = {}.",
        Pence(episode.unchanged_pence.0 / i64::from(episode.weeks)).display(),
        plural(episode.weeks, "week", "weeks"),
        episode.unchanged_pence.display()
    ));
    steps.push(format!(
        "Saved during reablement: {} − {} = {}.",
        episode.unchanged_pence.display(),
        episode.total_pence.display(),
        episode.saving_pence.display()
    ));
    steps
}

/// The weeks in one sentence, for the result, the print summary and the explainer:
/// "During the 2 weeks of reablement the package cost £506.11, £84.35 less than if nothing
/// had changed; after it, £0.00 a week." `None` without weeks.
pub fn episode_sentence(outcome: &Outcome) -> Option<String> {
    let episode = outcome.episode.as_ref()?;
    let less = if episode.saving_pence.0 == 0 {
        "the same as if nothing had changed".to_string()
    } else {
        format!("{} less than if nothing had changed", episode.saving_pence.display())
    };
    Some(format!(
        "During the {} of reablement the package cost {}, {less}; after it, {} a week.",
        plural(episode.weeks, "week", "weeks"),
        episode.total_pence.display(),
        outcome.after.weekly_pence.display()
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hours_and_minutes_in_words() {
        assert_eq!(hours_and_minutes(735), "12 hours 15 minutes");
        assert_eq!(hours_and_minutes(60), "1 hour");
        assert_eq!(hours_and_minutes(61), "1 hour 1 minute");
        assert_eq!(hours_and_minutes(45), "45 minutes");
        assert_eq!(hours_and_minutes(0), "0 minutes");
        assert_eq!(care_a_week(0), "No care");
        assert_eq!(care_a_week(735), "12 hours 15 minutes of care a week");
    }

    #[test]
    fn a_visit_carries_on_for_its_goals_real_statuses() {
        use GoalStatus::*;
        assert_eq!(carries_on_reason(&[("Make my own lunch", NotAchieved)]), "“Make my own lunch” is not achieved");
        assert_eq!(carries_on_reason(&[("Wash", InProgress)]), "“Wash” is in progress");
        assert_eq!(
            carries_on_reason(&[
                ("Wash", NotStarted),
                ("Dress", InProgress),
                ("Cook", NotStarted),
                ("Shop", NotStarted)
            ]),
            "“Dress” is in progress; “Wash”, “Cook” and “Shop” are not started"
        );
        assert_eq!(carries_on_reason(&[]), "no goals linked");
    }

    #[test]
    fn the_working_gives_each_visit_its_own_reason() {
        let text = include_str!("../../tests/examples/arthur.json")
            .replace("\"status\": \"achieved\"", "\"status\": \"not_achieved\"");
        let example = crate::calc::json::parse(&text).unwrap();
        let scenario = Scenario::from_json(example.get("input").unwrap()).unwrap();
        let calculation = crate::calc::calculate(&scenario);
        let after = &explain(&scenario, &calculation)[1];
        let lunch = after.steps.iter().find(|s| s.starts_with("Lunch")).unwrap();
        assert_eq!(lunch, "Lunch: meal preparation carries on: “Make my own lunch” is not achieved.");
        assert!(!after.steps.iter().any(|s| s.contains("not yet achieved")));
    }
}
