//! Contract 1.1, "The reablement weeks", rule by rule and as properties: the two new optional
//! fields, their messages, and the `episode` result, through the path the JS API takes.
#![cfg(not(target_arch = "wasm32"))]

mod common;
use common::*;
use proptest::prelude::*;
use serde_json::{json, Value as Json};

const WEEKS: &str = "Weeks of reablement must be a whole number between 1 and 12";
const WEEKS_NEEDED: &str = "Enter how many weeks reablement lasted";
const WEEK: &str = "Week achieved must be a whole number between 1 and 12";
const ONLY_ACHIEVED: &str = "Only an achieved goal can have a week it was achieved in";
const WITHIN: &str = "Week achieved must be within the weeks of reablement";

fn err(path: &str, message: &str) -> (String, String) {
    (path.to_string(), message.to_string())
}

fn goal(id: &str, status: &str, week: Json) -> Json {
    json!({ "id": id, "description": "Something I want to do", "outcome": "nutrition", "status": status, "achieved_week": week })
}

fn visit(minutes: u32, goals: &[&str]) -> Json {
    json!({ "label": "", "minutes": minutes, "carers": 1, "days_per_week": 7, "goals": goals })
}

fn with_weeks(weeks: Json, goals: Vec<Json>, visits: Vec<Json>) -> Json {
    json!({
        "format": "reablement-outcome-scenario", "version": 1, "reablement_weeks": weeks,
        "goals": goals, "before": { "visits": visits, "other_costs": [] }
    })
}

fn arthur_weeks() -> Json {
    let (_, example) = examples().into_iter().find(|(f, _)| f == "arthur-weeks.json").expect("arthur-weeks.json");
    example["input"].clone()
}

fn timeline_pence(result: &Json) -> Vec<i64> {
    result["episode"]["timeline"].as_array().unwrap().iter().map(|w| w["weekly_pence"].as_i64().unwrap()).collect()
}

// ---- reading: a 1.0 file is read as before ----

#[test]
fn a_scenario_without_weeks_has_no_episode() {
    let (_, arthur) = examples().into_iter().find(|(f, _)| f == "arthur.json").unwrap();
    assert_eq!(result(&scenario(arthur["input"].clone()))["episode"], Json::Null);
    let mut nulls = arthur["input"].clone();
    nulls["reablement_weeks"] = Json::Null;
    nulls["goals"][0]["achieved_week"] = Json::Null;
    assert_eq!(result(&scenario(nulls))["episode"], Json::Null);
}

// ---- validation ----

#[test]
fn reablement_weeks_is_a_whole_number_from_1_to_12() {
    for bad in [json!(0), json!(13), json!(2.5), json!("2"), json!(-1), json!(true), json!([2])] {
        let s = with_weeks(bad.clone(), vec![], vec![visit(30, &[])]);
        assert_eq!(errors(&scenario(s)), vec![err("reablement_weeks", WEEKS)], "{bad}");
    }
    for good in [json!(1), json!(12), json!(6.0)] {
        let s = with_weeks(good.clone(), vec![], vec![visit(30, &[])]);
        assert!(result(&scenario(s))["episode"].is_object(), "{good}");
    }
}

#[test]
fn achieved_week_is_a_whole_number_from_1_to_12() {
    for bad in [json!(0), json!(13), json!(1.5), json!("1"), json!({})] {
        let s = with_weeks(json!(12), vec![goal("g", "achieved", bad.clone())], vec![visit(30, &["g"])]);
        assert_eq!(errors(&scenario(s)), vec![err("goals[0].achieved_week", WEEK)], "{bad}");
    }
}

#[test]
fn only_an_achieved_goal_has_a_week() {
    for status in ["not_started", "in_progress", "not_achieved"] {
        let s = with_weeks(json!(4), vec![goal("g", status, json!(2))], vec![visit(30, &["g"])]);
        assert_eq!(errors(&scenario(s)), vec![err("goals[0].achieved_week", ONLY_ACHIEVED)], "{status}");
    }
}

#[test]
fn a_week_on_a_goal_whose_status_is_wrong_reports_only_the_status() {
    let s = with_weeks(json!(4), vec![goal("g", "done", json!(2))], vec![visit(30, &["g"])]);
    assert_eq!(errors(&scenario(s)), vec![err("goals[0].status", "Choose the goal's status")]);
}

#[test]
fn a_week_after_the_last_week_of_reablement_is_an_error() {
    let s = with_weeks(json!(2), vec![goal("g", "achieved", json!(3))], vec![visit(30, &["g"])]);
    assert_eq!(errors(&scenario(s)), vec![err("goals[0].achieved_week", WITHIN)]);
    let last = with_weeks(json!(2), vec![goal("g", "achieved", json!(2))], vec![visit(30, &["g"])]);
    assert!(result(&scenario(last))["episode"].is_object());
}

#[test]
fn a_week_is_not_compared_with_weeks_of_reablement_that_are_themselves_wrong() {
    let s = with_weeks(json!(20), vec![goal("g", "achieved", json!(3))], vec![visit(30, &["g"])]);
    assert_eq!(errors(&scenario(s)), vec![err("reablement_weeks", WEEKS)]);
}

#[test]
fn weeks_achieved_without_the_weeks_of_reablement_are_reported_once_at_the_weeks() {
    for weeks in [Json::Null, json!("missing")] {
        let mut s = with_weeks(
            weeks.clone(),
            vec![goal("a", "achieved", json!(1)), goal("b", "achieved", json!(2)), goal("c", "achieved", Json::Null)],
            vec![visit(30, &["a", "b"])],
        );
        if weeks == json!("missing") {
            s.as_object_mut().unwrap().remove("reablement_weeks");
        }
        assert_eq!(errors(&scenario(s)), vec![err("reablement_weeks", WEEKS_NEEDED)], "{weeks}");
    }
}

#[test]
fn a_wrong_week_achieved_counts_as_no_week_for_the_weeks_of_reablement() {
    // Contract 1.2: only the week's own error, not "Enter how many weeks reablement lasted".
    for week in [json!(0), json!(13), json!("two"), json!(1.5)] {
        let s = with_weeks(Json::Null, vec![goal("a", "achieved", week.clone())], vec![visit(30, &["a"])]);
        assert_eq!(errors(&scenario(s)), vec![err("goals[0].achieved_week", WEEK)], "{week}");
    }
    // One right week beside a wrong one still needs the weeks.
    let s = with_weeks(
        Json::Null,
        vec![goal("a", "achieved", json!(0)), goal("b", "achieved", json!(2))],
        vec![visit(30, &["a", "b"])],
    );
    assert_eq!(errors(&scenario(s)), vec![err("goals[0].achieved_week", WEEK), err("reablement_weeks", WEEKS_NEEDED)]);
}

#[test]
fn every_weeks_error_is_reported_with_every_other_error() {
    let s = with_weeks(
        json!(3),
        vec![goal("a", "achieved", json!(5)), goal("b", "in_progress", json!(1)), goal("c", "achieved", json!(0))],
        vec![visit(721, &["a"])],
    );
    assert_eq!(
        errors(&scenario(s)),
        vec![
            err("before.visits[0].minutes", "Visit length must be a whole number of minutes between 1 and 720"),
            err("goals[0].achieved_week", WITHIN),
            err("goals[1].achieved_week", ONLY_ACHIEVED),
            err("goals[2].achieved_week", WEEK),
        ]
    );
}

// ---- the weeks ----

#[test]
fn arthurs_weeks_step_down_as_his_case_study_tells() {
    let r = scenario(arthur_weeks());
    let episode = &result(&r)["episode"];
    assert_eq!(timeline_pence(result(&r)), vec![29523, 21088]);
    assert_eq!(episode["timeline"][0]["withdrawn_visits"], json!([]));
    assert_eq!(episode["timeline"][1]["withdrawn_visits"], json!([2]), "the evening call stops from week 2");
    assert_eq!(episode["timeline"][1]["minutes_per_week"], 525);
    assert_eq!((episode["total_pence"].clone(), episode["saving_pence"].clone()), (json!(50611), json!(8435)));
}

#[test]
fn a_goal_achieved_in_a_week_stops_its_visits_from_the_next_week() {
    // Both goals of the visit must be achieved: it stops the week after the later of the two.
    let s = with_weeks(
        json!(4),
        vec![goal("a", "achieved", json!(1)), goal("b", "achieved", json!(2))],
        vec![visit(60, &["a", "b"]), visit(60, &["a"])],
    );
    let r = scenario(s);
    // 420 minutes a week at £24.10 is £168.70; two such visits £337.40.
    assert_eq!(timeline_pence(result(&r)), vec![33740, 16870, 0, 0]);
}

#[test]
fn an_achieved_goal_without_a_week_stops_nothing_during_the_weeks_but_its_visit_still_ends() {
    let s = with_weeks(json!(3), vec![goal("g", "achieved", Json::Null)], vec![visit(60, &["g"])]);
    let r = scenario(s);
    assert_eq!(timeline_pence(result(&r)), vec![16870, 16870, 16870]);
    assert_eq!(result(&r)["episode"]["saving_pence"], 0);
    assert_eq!(result(&r)["after"]["weekly_pence"], 0, "it still counts for the derived after");
}

#[test]
fn the_weeks_follow_the_package_before_even_when_after_is_entered_and_other_costs_carry_on() {
    let mut s = with_weeks(json!(2), vec![goal("g", "achieved", json!(1))], vec![visit(60, &["g"])]);
    s["before"]["other_costs"] = json!([{ "label": "Telecare", "weekly": "4.50" }]);
    s["after"] = json!({ "visits": [visit(600, &[])], "other_costs": [] });
    let r = scenario(s);
    assert_eq!(timeline_pence(result(&r)), vec![16870 + 450, 450]);
    assert_eq!(result(&r)["episode"]["unchanged_pence"], (16870 + 450) * 2);
}

#[test]
fn each_week_is_rounded_once() {
    // 3 × 10 minutes at £24.10: 401.666…p each, 1205p together (not 3 × 402); then one visit gone:
    // 803.33…p → 803p.
    let s = with_weeks(
        json!(2),
        vec![goal("g", "achieved", json!(1))],
        vec![
            json!({ "minutes": 10, "carers": 1, "days_per_week": 1, "goals": ["g"] }),
            json!({ "minutes": 10, "carers": 1, "days_per_week": 1 }),
            json!({ "minutes": 10, "carers": 1, "days_per_week": 1 }),
        ],
    );
    assert_eq!(timeline_pence(result(&scenario(s))), vec![1205, 803]);
}

// ---- properties ----

/// A valid scenario with weeks: goals of any status (an achieved one maybe with a week within
/// the weeks), visits linked to any of them, and other costs.
fn scenario_with_weeks() -> impl Strategy<Value = Json> {
    (1u32..=12).prop_flat_map(|weeks| {
        let goal_of = (0usize..4, prop::option::of(1..=weeks));
        let visit =
            (1u32..=720, 1u32..=4, 1u32..=7, prop::option::of(1i64..=99_999), prop::collection::vec(any::<bool>(), 6));
        (
            Just(weeks),
            prop::collection::vec(goal_of, 0..6),
            prop::collection::vec(visit, 0..6),
            prop::collection::vec(0i64..=1_000_000, 0..3),
        )
            .prop_map(|(weeks, goals, visits, costs)| {
                let statuses = ["not_started", "in_progress", "achieved", "not_achieved"];
                let goals: Vec<Json> = goals
                    .iter()
                    .enumerate()
                    .map(|(i, (status, week))| {
                        let status = statuses[*status];
                        let week = if status == "achieved" { json!(week) } else { Json::Null };
                        goal(&format!("g{i}"), status, week)
                    })
                    .collect();
                let visits: Vec<Json> = visits
                    .iter()
                    .map(|(minutes, carers, days, rate, links)| {
                        let ids: Vec<String> =
                            (0..goals.len()).filter(|i| links[*i]).map(|i| format!("g{i}")).collect();
                        json!({ "minutes": minutes, "carers": carers, "days_per_week": days,
                                "hourly_rate": rate.map(|p| format!("{}.{:02}", p / 100, p % 100)), "goals": ids })
                    })
                    .collect();
                let mut s = with_weeks(json!(weeks), goals, visits);
                s["before"]["other_costs"] = costs
                    .iter()
                    .map(|p| json!({ "weekly": format!("{}.{:02}", p / 100, p % 100) }))
                    .collect::<Vec<_>>()
                    .into();
                s
            })
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(500))]

    #[test]
    fn the_weeks_add_up_and_their_saving_is_never_negative(s in scenario_with_weeks()) {
        let r = scenario(s.clone());
        let r = result(&r);
        let episode = &r["episode"];
        let weeks = s["reablement_weeks"].as_i64().unwrap();
        let pence = timeline_pence(r);
        prop_assert_eq!(pence.len() as i64, weeks);
        prop_assert_eq!(episode["total_pence"].as_i64().unwrap(), pence.iter().sum::<i64>());
        prop_assert_eq!(episode["unchanged_pence"].as_i64().unwrap(), r["before"]["weekly_pence"].as_i64().unwrap() * weeks);
        prop_assert!(episode["saving_pence"].as_i64().unwrap() >= 0);
        // A week only ever loses visits: the cost never goes up from one week to the next.
        prop_assert!(pence.windows(2).all(|w| w[1] <= w[0]), "{:?}", pence);
        prop_assert_eq!(pence[0], r["before"]["weekly_pence"].as_i64().unwrap(), "nothing stops in week 1");
    }

    #[test]
    fn with_no_weeks_achieved_every_week_costs_what_the_package_before_costs(mut s in scenario_with_weeks()) {
        for goal in s["goals"].as_array_mut().unwrap() {
            goal["achieved_week"] = Json::Null;
        }
        let r = scenario(s);
        let before = result(&r)["before"]["weekly_pence"].as_i64().unwrap();
        prop_assert!(timeline_pence(result(&r)).iter().all(|&p| p == before));
        prop_assert_eq!(result(&r)["episode"]["saving_pence"].as_i64().unwrap(), 0);
    }

    #[test]
    fn when_every_goal_is_achieved_before_the_last_week_that_week_costs_the_derived_after(mut s in scenario_with_weeks()) {
        let weeks = s["reablement_weeks"].as_i64().unwrap();
        prop_assume!(weeks >= 2);
        for goal in s["goals"].as_array_mut().unwrap() {
            if goal["status"] == "achieved" {
                let week = goal["achieved_week"].as_i64().unwrap_or(1).min(weeks - 1);
                goal["achieved_week"] = json!(week);
            }
        }
        let r = scenario(s);
        let last = *timeline_pence(result(&r)).last().unwrap();
        prop_assert_eq!(last, result(&r)["after"]["weekly_pence"].as_i64().unwrap());
        prop_assert_eq!(&result(&r)["episode"]["timeline"][(weeks - 1) as usize]["withdrawn_visits"], &result(&r)["after"]["withdrawn_visits"]);
    }
}

// ---- the working, in words ----

#[test]
fn arthurs_working_tells_his_weeks_and_the_one_sentence() {
    use reablement_calculator::calc::{calculate, explain, Scenario};
    let scenario = Scenario::from_json(&value(&arthur_weeks())).unwrap();
    let calculation = calculate(&scenario);
    let sections = explain::explain(&scenario, &calculation);
    let titles: Vec<&str> = sections.iter().map(|s| s.title.as_str()).collect();
    assert_eq!(
        titles,
        ["Before reablement", "Week by week during reablement", "28 days after reablement", "The result"]
    );
    let weeks = &sections[1].steps;
    assert_eq!(weeks[1], "Week 1: the package before; 735 minutes a week (12 hours 15 minutes): £295.23.");
    assert_eq!(weeks[2], "Week 2: Evening: undressing stopped; 525 minutes a week (8 hours 45 minutes): £210.88.");
    assert_eq!(weeks[3], "The 2 weeks: £295.23 + £210.88 = £506.11.");
    assert_eq!(weeks[4], "Had nothing changed: £295.23 × 2 weeks = £590.46.");
    assert_eq!(weeks[5], "Saved during reablement: £590.46 − £506.11 = £84.35.");
    assert_eq!(
        explain::episode_sentence(&calculation.outcome).unwrap(),
        "During the 2 weeks of reablement the package cost £506.11, £84.35 less than if nothing had changed; after it, £0.00 a week."
    );
    let without =
        Scenario::from_json(&value(&examples().into_iter().find(|(f, _)| f == "arthur.json").unwrap().1["input"]))
            .unwrap();
    let plain = calculate(&without);
    assert!(explain::episode_sentence(&plain.outcome).is_none());
    assert!(!explain::explain(&without, &plain).iter().any(|s| s.title.contains("Week")));
}
