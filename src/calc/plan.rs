//! A plan at the welcome visit. While no goal has an outcome yet (every goal is not started or
//! in progress), the package after reablement is still to come: the screens then show the
//! package now and what it would cost if these goals are achieved. That figure is worked out
//! here, by the same calculation, from the same scenario with every goal taken as achieved and
//! the after package derived from the goals.
//!
//! It is not part of the contract's result: `calculate()` answers exactly as before (its
//! after package, at a welcome visit, is the package before, since nothing is achieved yet).

use super::outcome::{calculate, Outcome};
use super::scenario::{GoalStatus, Scenario};

/// True while the scenario is a plan: it has goals, none of them achieved or not achieved yet,
/// and its after package is to be worked out from them (an after package entered by hand is
/// the worker's own figure for 28 days after, so the result stays as it is).
pub fn is_plan(scenario: &Scenario) -> bool {
    scenario.after.is_none()
        && !scenario.goals.is_empty()
        && scenario.goals.iter().all(|g| matches!(g.status, GoalStatus::NotStarted | GoalStatus::InProgress))
}

/// What the package would cost if every goal were achieved: the outcome of the same scenario
/// with each goal achieved (in no particular week, so without the weeks of reablement) and the
/// after package derived. `None` when the scenario is not a plan ([`is_plan`]).
pub fn plan(scenario: &Scenario) -> Option<Outcome> {
    planned(scenario).map(|planned| calculate(&planned).outcome)
}

/// The scenario the plan is worked out from: the same one with each goal achieved (in no
/// particular week, so without the weeks of reablement), for the working to explain the plan's
/// figures step by step. `None` when the scenario is not a plan ([`is_plan`]).
pub fn planned(scenario: &Scenario) -> Option<Scenario> {
    if !is_plan(scenario) {
        return None;
    }
    let mut planned = scenario.clone();
    for goal in &mut planned.goals {
        goal.status = GoalStatus::Achieved;
        goal.achieved_week = None;
    }
    planned.reablement_weeks = None;
    Some(planned)
}

/// The weeks of reablement in a plan, in the future tense (the outcome's sentence,
/// `explain::episode_sentence`, says what they cost once goals are achieved).
pub fn weeks_sentence(weeks: u32) -> String {
    format!(
        "Reablement is planned to last {}. Each visit stops once the goals it is for are achieved.",
        super::explain::plural(weeks, "week", "weeks")
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::calc::money::Pence;

    /// Arthur (£295.23 a week: morning, lunch and evening calls, each linked to goals) with his
    /// goals' statuses and weeks as given, his 2 weeks of reablement, and `extra` fields.
    fn arthur(statuses: [&str; 3], extra: &str) -> Scenario {
        let goal = |id: &str, status: &str| {
            format!(r#"{{"id": "{id}", "description": "{id}", "outcome": "other", "status": "{status}"}}"#)
        };
        let text = format!(
            r#"{{"format": "reablement-outcome-scenario", "version": 1, "reference": "AR-0002", "settings": {{}},
            "goals": [{}, {}, {}],
            "before": {{"visits": [
                {{"label": "Morning", "minutes": 45, "carers": 1, "days_per_week": 7, "goals": ["wash", "dress"]}},
                {{"label": "Lunch", "minutes": 30, "carers": 1, "days_per_week": 7, "goals": ["lunch"]}},
                {{"label": "Evening", "minutes": 30, "carers": 1, "days_per_week": 7, "goals": ["dress"]}}
            ], "other_costs": []}},
            "reablement_weeks": 2 {extra}}}"#,
            goal("wash", statuses[0]),
            goal("dress", statuses[1]),
            goal("lunch", statuses[2]),
        );
        Scenario::from_json(&crate::calc::json::parse(&text).unwrap()).unwrap()
    }

    #[test]
    fn at_the_welcome_visit_the_plan_takes_every_goal_as_achieved_and_derives_the_after() {
        let welcome = arthur(["not_started", "not_started", "in_progress"], "");
        // The contract's result is as before: nothing achieved, so the after is the before.
        let today = calculate(&welcome).outcome;
        assert_eq!((today.before.weekly_pence, today.after.weekly_pence), (Pence(29523), Pence(29523)));
        assert!(today.after.withdrawn_visits.is_empty());

        let planned = plan(&welcome).expect("a welcome visit is a plan");
        assert_eq!(planned.before, today.before, "the package now is today's");
        assert_eq!(planned.after.weekly_pence, Pence(0));
        assert!(planned.after.derived);
        assert_eq!(planned.after.withdrawn_visits, [0, 1, 2]);
        assert_eq!(planned.change_pence, Pence(-29523));
        assert_eq!(planned.after_vs_baseline_pence, Pence(-3813));
        assert_eq!(planned.annual_change_pence, Pence(-29523 * 52));
        assert_eq!(planned.reduction_percent, Some(100.0));
        assert_eq!((planned.goals.achieved, planned.goals.total), (3, 3));
        assert_eq!(planned.episode, None, "goals taken as achieved have no week");
        // Exactly what the same scenario gives with the goals really achieved.
        let achieved = arthur(["achieved", "achieved", "achieved"], "");
        assert_eq!(planned.after, calculate(&achieved).outcome.after);
    }

    #[test]
    fn a_visit_linked_to_no_goal_carries_on_in_the_plan_and_a_cost_gives_its_break_even() {
        let mut welcome = arthur(["not_started"; 3], r#", "reablement_cost": "1850.00""#);
        welcome.before.visits[1].goals.clear();
        let planned = plan(&welcome).unwrap();
        assert_eq!(planned.after.withdrawn_visits, [0, 2], "the lunch call is linked to nothing");
        // Lunch: 30 minutes × 7 days at £24.10 an hour = £84.35 a week.
        assert_eq!(planned.after.weekly_pence, Pence(8435));
        assert_eq!(planned.change_pence, Pence(8435 - 29523));
        // £1,850.00 ÷ £210.88 saved a week = 8.77…, so 9 weeks.
        assert_eq!(planned.break_even_weeks, Some(9));
    }

    #[test]
    fn once_a_goal_has_an_outcome_or_the_after_is_entered_there_is_no_plan() {
        assert!(plan(&arthur(["not_started", "achieved", "in_progress"], "")).is_none());
        assert!(plan(&arthur(["not_started", "not_achieved", "not_started"], "")).is_none());
        let entered = arthur(
            ["not_started"; 3],
            r#", "after": {"visits": [{"minutes": 15, "carers": 1, "days_per_week": 7}], "other_costs": []}"#,
        );
        assert!(!is_plan(&entered) && plan(&entered).is_none(), "an after package entered by hand is kept");
        let mut no_goals = arthur(["not_started"; 3], "");
        no_goals.goals.clear();
        for visit in &mut no_goals.before.visits {
            visit.goals.clear();
        }
        assert!(plan(&no_goals).is_none(), "no goals, nothing to plan");
    }

    #[test]
    fn the_weeks_of_a_plan_are_in_the_future_tense() {
        assert_eq!(
            weeks_sentence(6),
            "Reablement is planned to last 6 weeks. Each visit stops once the goals it is for are achieved."
        );
        assert!(weeks_sentence(1).starts_with("Reablement is planned to last 1 week."));
    }
}
