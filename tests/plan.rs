//! A plan at the welcome visit (issue 21, `calc::plan`): while no goal is achieved or not
//! achieved yet, what the package would cost if these goals are achieved — the same scenario
//! with every goal taken as achieved and the after derived. The contract's `calculate()` result
//! is untouched: same fields, same figures.
#![cfg(not(target_arch = "wasm32"))]

mod common;
use common::*;
use proptest::prelude::*;
use reablement_calculator::calc::plan::{is_plan, plan};
use reablement_calculator::calc::{calculate, Pence, Scenario};
use serde_json::{json, Value as Json};

fn read(input: &Json) -> Scenario {
    Scenario::from_json(&value(input)).unwrap_or_else(|e| panic!("{input}: {e:?}"))
}

/// Visits as (minutes, carers, days a week, the goals each is for), at £22.50 an hour.
fn welcome(statuses: &[&str], visits: &[(u32, u32, u32, Vec<usize>)], weeks: Option<u32>) -> Json {
    let goals: Vec<Json> = statuses
        .iter()
        .enumerate()
        .map(|(i, s)| json!({ "id": format!("g{i}"), "description": "Something I want to do", "outcome": "nutrition", "status": s }))
        .collect();
    let visits: Vec<Json> = visits
        .iter()
        .map(|(m, c, d, g)| {
            let goals: Vec<String> = g.iter().map(|i| format!("g{i}")).collect();
            json!({ "label": "", "minutes": m, "carers": c, "days_per_week": d, "hourly_rate": "22.50", "goals": goals })
        })
        .collect();
    json!({
        "format": "reablement-outcome-scenario", "version": 1, "reference": "WV-0001", "settings": {},
        "goals": goals, "before": { "visits": visits, "other_costs": [] }, "after": null,
        "reablement_weeks": weeks
    })
}

/// Pence a week, worked out here: carer-minutes × £22.50 an hour ÷ 60, rounded once, half up.
fn pence_a_week(visits: &[&(u32, u32, u32, Vec<usize>)]) -> i64 {
    let carer_minutes: i64 = visits.iter().map(|(m, c, d, _)| (*m * *c * *d) as i64).sum();
    (2 * carer_minutes * 2250 + 60) / 120
}

#[test]
fn the_welcome_visit_plans_the_visits_linked_to_goals_away_and_the_rest_carries_on() {
    let visits = [(45, 1, 7, vec![0]), (30, 1, 7, vec![1]), (15, 2, 5, vec![]), (30, 1, 7, vec![0, 1])];
    let input = welcome(&["not_started", "in_progress"], &visits, Some(6));
    let s = read(&input);
    assert!(is_plan(&s));
    let planned = plan(&s).unwrap();
    let now = pence_a_week(&visits.iter().collect::<Vec<_>>());
    let carries_on = pence_a_week(&[&visits[2]]);
    assert_eq!(
        (now, carries_on),
        (33188, 5625),
        "885 carer-minutes at £22.50 an hour is £331.875, so £331.88 now, £56.25 for the bedtime call alone"
    );
    assert_eq!(planned.before.weekly_pence, Pence(now));
    assert_eq!(planned.after.weekly_pence, Pence(carries_on));
    assert_eq!(planned.after.withdrawn_visits, [0, 1, 3]);
    assert_eq!(planned.change_pence, Pence(carries_on - now));
    assert_eq!(planned.after_vs_baseline_pence, Pence(carries_on - 3813));
    assert_eq!(planned.annual_change_pence, Pence((carries_on - now) * 52));
    assert_eq!(planned.episode, None, "goals taken as achieved have no week, so no week by week");

    // Today's result, through the path the JS API takes, is as the contract says: nothing
    // achieved yet, so the after is the before, and the weeks are as they are.
    let answer = scenario(input.clone());
    let today = &answer["result"];
    assert_eq!(today["before"]["weekly_pence"], json!(now));
    assert_eq!(today["after"]["weekly_pence"], json!(now));
    assert_eq!(today["goals"]["achieved"], json!(0));
    assert_eq!(today["episode"]["weeks"], json!(6));
}

#[test]
fn the_contract_result_keeps_exactly_its_fields_at_a_welcome_visit() {
    let (_, arthur) = examples().into_iter().find(|(f, _)| f == "arthur.json").unwrap();
    let mut input = arthur["input"].clone();
    for goal in input["goals"].as_array_mut().unwrap() {
        goal["status"] = json!("not_started");
        goal["achieved_week"] = Json::Null;
    }
    assert!(is_plan(&read(&input)));
    let keys = |v: &Json| {
        let mut k: Vec<String> = v.as_object().unwrap().keys().cloned().collect();
        k.sort();
        k
    };
    let expected = &arthur["expected"]["result"];
    let answer = scenario(input);
    assert_eq!(answer["ok"], json!(true));
    let welcome = &answer["result"];
    assert_eq!(keys(welcome), keys(expected), "a field added to or missing from the contract's result");
    assert_eq!(keys(&welcome["after"]), keys(&expected["after"]));
    assert_eq!(welcome["after"]["weekly_pence"], welcome["before"]["weekly_pence"]);
}

#[test]
fn no_plan_once_a_goal_has_an_outcome_when_the_after_is_entered_or_without_goals() {
    let visits = [(45, 1, 7, vec![0]), (30, 1, 7, vec![1])];
    for statuses in [["achieved", "not_started"], ["in_progress", "not_achieved"]] {
        let s = read(&welcome(&statuses, &visits, None));
        assert!(!is_plan(&s) && plan(&s).is_none(), "{statuses:?}");
    }
    let mut entered = welcome(&["not_started", "not_started"], &visits, None);
    entered["after"] = json!({ "visits": [{ "minutes": 15, "carers": 1, "days_per_week": 7 }], "other_costs": [] });
    assert!(plan(&read(&entered)).is_none(), "an after entered by hand is the worker's own figure");
    let no_goals = welcome(&[], &[(45, 1, 7, vec![])], None);
    assert!(plan(&read(&no_goals)).is_none());
}

fn visits_strategy(goals: usize) -> impl Strategy<Value = Vec<(u32, u32, u32, Vec<usize>)>> {
    prop::collection::vec((5u32..=180, 1u32..=2, 1u32..=7, prop::collection::vec(0..goals, 0..=goals.min(3))), 1..=8)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    /// The plan is exactly the outcome of the same scenario with every goal really achieved,
    /// and its after is the visits linked to no goal, worked out here.
    #[test]
    fn the_plan_is_the_outcome_with_every_goal_achieved(
        (statuses, visits) in (1usize..=5).prop_flat_map(|n| (
            prop::collection::vec(prop::sample::select(vec!["not_started", "in_progress"]), n),
            visits_strategy(n),
        )),
        weeks in prop::option::of(1u32..=12),
    ) {
        let input = welcome(&statuses, &visits, weeks);
        let planned = plan(&read(&input)).expect("every goal open: a plan");
        let achieved: Vec<&str> = statuses.iter().map(|_| "achieved").collect();
        let all_achieved = calculate(&read(&welcome(&achieved, &visits, None))).outcome;
        prop_assert_eq!(&planned.after, &all_achieved.after);
        prop_assert_eq!(planned.change_pence, all_achieved.change_pence);
        let today = calculate(&read(&input)).outcome;
        prop_assert_eq!(&planned.before, &today.before);
        let unlinked: Vec<_> = visits.iter().filter(|v| v.3.is_empty()).collect();
        prop_assert_eq!(planned.after.weekly_pence, Pence(pence_a_week(&unlinked)));
        prop_assert_eq!(today.after.weekly_pence, today.before.weekly_pence, "today: nothing achieved yet");
    }
}
