//! Hostile input (issue 19): the shapes `tests/bench/hostile.mjs` times through the JS API,
//! each the size of 100,000 of something, run through the core exactly as the API runs them
//! (JSON text in, JSON text out). Each answer is checked in full: every error's path and
//! message, as a set, against the list the case must give. The bench shows the time; this
//! shows that a fast answer is also the right one (and a path that went quadratic again would
//! show here as a test that takes minutes).
#![cfg(not(target_arch = "wasm32"))]

mod common;

use common::{errors, run};
use serde_json::{json, Value as Json};

const N: usize = 100_000;

fn scenario(fields: Json) -> Json {
    let mut s = json!({ "format": "reablement-outcome-scenario", "version": 1 });
    s.as_object_mut().unwrap().extend(fields.as_object().unwrap().clone());
    s
}

fn goal(id: &str) -> Json {
    json!({ "id": id, "description": "Get washed and dressed", "outcome": "personal_hygiene", "status": "achieved" })
}

fn visit(goals: &[String]) -> Json {
    json!({ "label": "Morning", "minutes": 30, "carers": 1, "days_per_week": 7, "hourly_rate": null, "goals": goals })
}

fn ids() -> Vec<String> {
    (0..N).map(|i| format!("g{i}")).collect()
}

/// `(path, message)` pairs, sorted, as `common::errors` gives them.
fn expected(pairs: impl IntoIterator<Item = (String, &'static str)>) -> Vec<(String, String)> {
    let mut pairs: Vec<(String, String)> = pairs.into_iter().map(|(p, m)| (p, m.to_string())).collect();
    pairs.sort();
    pairs
}

fn one(path: &str, message: &'static str) -> Vec<(String, &'static str)> {
    vec![(path.to_string(), message)]
}

const GOALS: &str = "Enter 30 goals or fewer";
const VISITS: &str = "Enter 50 visits or fewer";
const VISIT_GOAL: &str = "This visit refers to a goal that does not exist";

#[test]
fn goals_each_right_are_too_many_and_nothing_else() {
    let input =
        scenario(json!({ "goals": ids().iter().map(|id| goal(id)).collect::<Vec<_>>(), "before": { "visits": [] } }));
    assert_eq!(errors(&run("scenario", &input)), expected(one("goals", GOALS)));
}

#[test]
fn goals_sharing_one_id_each_say_so_after_the_first() {
    let input = scenario(json!({ "goals": vec![goal("g1"); N], "before": { "visits": [] } }));
    let mut want = one("goals", GOALS);
    want.extend((1..N).map(|i| (format!("goals[{i}].id"), "Each goal needs its own short id")));
    assert_eq!(errors(&run("scenario", &input)), expected(want));
}

#[test]
fn goals_with_every_field_wrong_give_every_error() {
    let bad = json!({ "id": 7, "description": "", "outcome": "happiness", "status": "done", "achieved_week": 99, "colour": "red" });
    let input = scenario(json!({ "goals": vec![bad; N], "before": { "visits": [] } }));
    let mut want = one("goals", GOALS);
    for i in 0..N {
        let at = |field: &str| format!("goals[{i}].{field}");
        want.extend([
            (at("colour"), "Unknown field 'colour'"),
            (at("id"), "Each goal needs its own short id"),
            (at("description"), "Enter what the person wants to be able to do"),
            (at("outcome"), "Choose which outcome this goal is about"),
            (at("status"), "Choose the goal's status"),
            (at("achieved_week"), "Week achieved must be a whole number between 1 and 12"),
        ]);
    }
    // A wrong week counts as no week, so "Enter how many weeks reablement lasted" is not among them.
    assert_eq!(errors(&run("scenario", &input)), expected(want));
}

#[test]
fn visits_each_right_are_too_many_and_nothing_else() {
    let input = scenario(json!({ "before": { "visits": vec![visit(&[]); N] } }));
    assert_eq!(errors(&run("scenario", &input)), expected(one("before.visits", VISITS)));
}

#[test]
fn visits_with_every_field_wrong_give_every_error() {
    let bad = json!({ "label": 12, "minutes": 0, "carers": 9, "days_per_week": 8, "hourly_rate": "0", "goals": "g1", "colour": "red" });
    let input = scenario(json!({ "before": { "visits": vec![bad; N] } }));
    let mut want = one("before.visits", VISITS);
    for i in 0..N {
        let at = |field: &str| format!("before.visits[{i}].{field}");
        want.extend([
            (at("colour"), "Unknown field 'colour'"),
            (at("label"), "Visit name must be 80 characters or fewer"),
            (at("minutes"), "Visit length must be a whole number of minutes between 1 and 720"),
            (at("carers"), "Number of carers must be between 1 and 4"),
            (at("days_per_week"), "Days a week must be between 1 and 7"),
            (at("hourly_rate"), "Hourly rate must be between £0.01 and £999.99"),
            (at("goals"), VISIT_GOAL),
        ]);
    }
    assert_eq!(errors(&run("scenario", &input)), expected(want));
}

#[test]
fn other_costs_half_wrong_give_the_wrong_halves_errors() {
    let costs: Vec<Json> = (0..N)
        .map(|i| {
            if i % 2 == 1 {
                json!({ "label": 3, "weekly": "lots", "colour": "red" })
            } else {
                json!({ "label": "Telecare", "weekly": "4.50" })
            }
        })
        .collect();
    let input = scenario(json!({ "before": { "visits": [], "other_costs": costs } }));
    let mut want = one("before.other_costs", "Enter 20 other costs or fewer");
    for i in (1..N).step_by(2) {
        let at = |field: &str| format!("before.other_costs[{i}].{field}");
        want.extend([
            (at("colour"), "Unknown field 'colour'"),
            (at("label"), "Cost name must be 80 characters or fewer"),
            (at("weekly"), "Weekly cost must be an amount in pounds, like 4.50"),
        ]);
    }
    assert_eq!(errors(&run("scenario", &input)), expected(want));
}

#[test]
fn links_to_every_goal_are_all_found() {
    let ids = ids();
    let input = scenario(json!({
        "goals": ids.iter().map(|id| goal(id)).collect::<Vec<_>>(),
        "before": { "visits": [visit(&ids)] },
        "after": { "visits": [visit(&ids)] },
    }));
    assert_eq!(errors(&run("scenario", &input)), expected(one("goals", GOALS)));
}

#[test]
fn links_to_goals_not_there_are_each_an_error() {
    let missing: Vec<String> = (0..N).map(|i| format!("missing-{i}")).collect();
    let input = scenario(json!({
        "goals": ids().iter().map(|id| goal(id)).collect::<Vec<_>>(),
        "before": { "visits": [visit(&missing)] },
    }));
    let mut want = one("goals", GOALS);
    want.extend((0..N).map(|i| (format!("before.visits[0].goals[{i}]"), VISIT_GOAL)));
    assert_eq!(errors(&run("scenario", &input)), expected(want));
}

#[test]
fn unknown_fields_are_each_an_error_at_their_own_name() {
    let mut input = scenario(json!({ "before": { "visits": [] } }));
    let fields = input.as_object_mut().unwrap();
    for i in 0..N {
        fields.insert(format!("field_{i}"), json!(i));
    }
    let names: Vec<String> = (0..N).map(|i| format!("field_{i}")).collect();
    let got = errors(&run("scenario", &input));
    let mut want: Vec<(String, String)> = names.iter().map(|n| (n.clone(), format!("Unknown field '{n}'"))).collect();
    want.sort();
    assert_eq!(got, want);
}

#[test]
fn cohort_rows_with_every_field_wrong_give_every_error() {
    let bad =
        json!({ "reference": 5, "before_weekly": "abc", "after_weekly": -1, "ended": "31/02/2025", "colour": "red" });
    let input = json!({ "rows": vec![bad; N] });
    let mut want = Vec::new();
    for i in 0..N {
        let at = |field: &str| format!("rows[{i}].{field}");
        want.extend([
            (at("colour"), "Unknown field 'colour'"),
            (at("reference"), "Reference must be 100 characters or fewer"),
            (at("before_weekly"), "Before must be an amount in pounds, like 38.13"),
            (at("after_weekly"), "After must be an amount in pounds, like 29.98"),
            (at("ended"), "End date must be a real date, like 2019-09-24"),
        ]);
    }
    assert_eq!(errors(&run("cohort", &input)), expected(want));
}

#[test]
fn cohort_rows_that_are_not_rows_are_each_an_error() {
    let input = json!({ "rows": (0..N).collect::<Vec<_>>() });
    let want = (0..N).map(|i| (format!("rows[{i}]"), "Each row needs a before_weekly and an after_weekly amount"));
    assert_eq!(errors(&run("cohort", &input)), expected(want));
}

#[test]
fn cohort_rows_one_too_many_are_refused_as_too_many() {
    let rows: Vec<Json> = (0..=N)
        .map(|i| json!({ "reference": format!("R-{i}"), "before_weekly": "100.00", "after_weekly": "0" }))
        .collect();
    assert_eq!(errors(&run("cohort", &json!({ "rows": rows }))), expected(one("rows", "Enter 100,000 rows or fewer")));
}
