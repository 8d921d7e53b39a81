//! The contract (`docs/contract.md`) rule by rule, through the same path the JS
//! API takes: JSON in, the API's `{ok, result | errors}` out.
#![cfg(not(target_arch = "wasm32"))]

mod common;
use common::*;
use serde_json::{json, Value as Json};

fn err(path: &str, message: &str) -> (String, String) {
    (path.to_string(), message.to_string())
}

/// `base` with the value at a JSON pointer set (the last key is added when missing).
fn with(mut base: Json, pointer: &str, value: Json) -> Json {
    let (parent, key) = pointer.rsplit_once('/').expect("a JSON pointer");
    match base.pointer_mut(parent).unwrap_or_else(|| panic!("no {parent}")) {
        Json::Object(map) => {
            map.insert(key.to_string(), value);
        }
        Json::Array(items) => items[key.parse::<usize>().unwrap()] = value,
        _ => panic!("{parent} holds no fields"),
    }
    base
}

fn visit(minutes: u32, goals: &[&str]) -> Json {
    json!({ "label": "", "minutes": minutes, "carers": 1, "days_per_week": 7, "hourly_rate": null, "goals": goals })
}

fn goal(id: &str, status: &str) -> Json {
    json!({ "id": id, "description": "Something I want to do", "outcome": "nutrition", "status": status })
}

fn with_goals_and_visits(goals: Vec<Json>, visits: Vec<Json>) -> Json {
    json!({
        "format": "reablement-outcome-scenario", "version": 1,
        "goals": goals, "before": { "visits": visits, "other_costs": [] }
    })
}

// ---- money and rounding ----

#[test]
fn care_cost_is_rounded_once_for_the_whole_sum_not_per_visit() {
    // Three 10-minute visits at £24.10: each is 401.67p, which per line would be 402 × 3 = 1206;
    // summed exactly it is 1205.0p.
    let s = with_goals_and_visits(
        vec![],
        (0..3).map(|_| json!({ "minutes": 10, "carers": 1, "days_per_week": 1 })).collect(),
    );
    assert_eq!(result(&scenario(s))["before"]["care_pence"], 1205);
}

#[test]
fn half_a_penny_rounds_away_from_zero() {
    // Arthur: 735 minutes × 2410 ÷ 60 = 29522.5p → 29523p, and the change is −29523.
    let s = with_goals_and_visits(vec![], vec![visit(105, &[])]);
    let r = scenario(s);
    assert_eq!(result(&r)["before"]["weekly_pence"], 29523);
}

#[test]
fn money_text_forms_are_accepted() {
    for (text, pence) in [("38.13", 3813), ("£1,850", 185_000), ("4.5", 450), (" 1,234.56 ", 123_456), ("0", 0)] {
        let s = with(minimal(), "/reablement_cost", json!(text));
        let s = with(s, "/settings", json!({ "baseline_weekly": "0" }));
        let r = scenario(with(s, "/before/other_costs", json!([{ "weekly": "0" }])));
        assert_eq!(result(&r)["baseline_pence"], 0);
        let r = scenario(with(minimal(), "/settings", json!({ "baseline_weekly": text })));
        if pence <= 1_000_000 {
            assert_eq!(result(&r)["baseline_pence"], pence, "{text}");
        }
    }
}

#[test]
fn money_text_counter_examples_are_errors() {
    for bad in ["1,85", "18,50", ".5", "5.", "-3", "1.234", "abc", "", "£-1", "1 000"] {
        let r = scenario(with(minimal(), "/settings", json!({ "baseline_weekly": bad })));
        assert_eq!(
            errors(&r),
            vec![err("settings.baseline_weekly", "Baseline must be an amount in pounds, like 38.13")],
            "{bad:?}"
        );
    }
}

#[test]
fn money_as_a_json_number_needs_at_most_two_places_and_no_sign() {
    let ok = scenario(with(minimal(), "/settings", json!({ "hourly_rate": 26.5 })));
    assert_eq!(result(&ok)["before"]["care_pence"], 9275); // 210 min × 2650 ÷ 60
    for bad in [json!(4.567), json!(-1), json!(0), json!(1000), json!(true), json!([]), json!({})] {
        let r = scenario(with(minimal(), "/settings", json!({ "hourly_rate": bad })));
        assert_eq!(
            errors(&r),
            vec![err("settings.hourly_rate", "Hourly rate must be between £0.01 and £999.99")],
            "{bad}"
        );
    }
}

#[test]
fn whole_number_fields_accept_7_or_7_0_but_not_7_5_or_text() {
    let r = scenario(with(minimal(), "/before/visits/0/days_per_week", json!(7.0)));
    assert_eq!(result(&r)["before"]["minutes_per_week"], 210);
    for bad in [json!(7.5), json!("7"), json!(0), json!(8), json!(null), json!(-1)] {
        let r = scenario(with(minimal(), "/before/visits/0/days_per_week", bad.clone()));
        assert_eq!(
            errors(&r),
            vec![err("before.visits[0].days_per_week", "Days a week must be between 1 and 7")],
            "{bad}"
        );
    }
}

// ---- format and version ----

#[test]
fn a_wrong_format_is_reported_alone() {
    let s = json!({ "format": "something-else", "version": 1, "colour": "blue", "before": 3 });
    assert_eq!(errors(&scenario(s)), vec![err("format", "This is not a reablement outcome scenario file")]);
    for not_a_scenario in [json!(null), json!([]), json!("text"), json!(42), json!({})] {
        assert_eq!(
            errors(&scenario(not_a_scenario)),
            vec![err("format", "This is not a reablement outcome scenario file")]
        );
    }
}

#[test]
fn a_newer_version_is_reported_alone() {
    let s = with(with(minimal(), "/version", json!(2)), "/before", json!("nonsense"));
    assert_eq!(errors(&scenario(s)), vec![err("version", "This file was made by a newer version of the calculator")]);
}

#[test]
fn a_missing_or_odd_version_gets_the_format_message() {
    for bad in [json!(null), json!(0), json!(1.5), json!("1"), json!(-3)] {
        let s = with(minimal(), "/version", bad.clone());
        assert_eq!(
            errors(&scenario(s)),
            vec![err("version", "This is not a reablement outcome scenario file")],
            "{bad}"
        );
    }
    let mut s = minimal();
    s.as_object_mut().unwrap().remove("version");
    assert_eq!(errors(&scenario(s)), vec![err("version", "This is not a reablement outcome scenario file")]);
    assert_eq!(result(&scenario(with(minimal(), "/version", json!(1.0))))["weeks_per_year"], 52);
}

// ---- defaults, nulls and unknown fields ----

#[test]
fn settings_default_when_empty_or_null() {
    for settings in
        [json!({}), json!(null), json!({ "baseline_weekly": null, "hourly_rate": null, "weeks_per_year": null })]
    {
        let r = scenario(with(minimal(), "/settings", settings));
        let r = result(&r);
        assert_eq!((r["baseline_pence"].as_i64(), r["weeks_per_year"].as_i64()), (Some(3813), Some(52)));
        assert_eq!(r["before"]["care_pence"], 8435); // 210 min at £24.10 = 8435p exactly
    }
}

#[test]
fn unknown_fields_are_errors_at_their_own_path_even_when_null() {
    let s =
        with(minimal(), "/before/visits/0", json!({ "minutes": 30, "carers": 1, "days_per_week": 7, "colour": null }));
    let s = with(s, "/settings", json!({ "rate": "1" }));
    let mut s = with(s, "/before/other_costs", json!([{ "weekly": "1", "vat": 0 }]));
    s["extra"] = json!(null);
    assert_eq!(
        errors(&scenario(s)),
        vec![
            err("before.other_costs[0].vat", "Unknown field 'vat'"),
            err("before.visits[0].colour", "Unknown field 'colour'"),
            err("extra", "Unknown field 'extra'"),
            err("settings.rate", "Unknown field 'rate'"),
        ]
    );
}

#[test]
fn a_missing_before_package_is_an_error() {
    let mut s = minimal();
    s.as_object_mut().unwrap().remove("before");
    assert_eq!(errors(&scenario(s.clone())), vec![err("before", "Enter the care package before reablement")]);
    assert_eq!(
        errors(&scenario(with(minimal(), "/before", json!(null)))),
        vec![err("before", "Enter the care package before reablement")]
    );
}

#[test]
fn missing_required_visit_fields_get_their_own_messages() {
    let s = with(minimal(), "/before/visits/0", json!({}));
    assert_eq!(
        errors(&scenario(s)),
        vec![
            err("before.visits[0].carers", "Number of carers must be between 1 and 4"),
            err("before.visits[0].days_per_week", "Days a week must be between 1 and 7"),
            err("before.visits[0].minutes", "Visit length must be a whole number of minutes between 1 and 720"),
        ]
    );
}

#[test]
fn every_error_is_reported_at_once() {
    let s = with_goals_and_visits(
        vec![goal("a", "achieved"), goal("a", "finished"), goal("a", "achieved")],
        vec![visit(0, &["a", "zz"]), json!({ "minutes": 30, "carers": 9, "days_per_week": 7, "hourly_rate": "0" })],
    );
    let s = with(s, "/before/other_costs", json!([{ "label": "x".repeat(81), "weekly": "10,000.01" }]));
    assert_eq!(
        errors(&scenario(s)),
        vec![
            err("before.other_costs[0].label", "Cost name must be 80 characters or fewer"),
            err("before.other_costs[0].weekly", "Weekly cost must be an amount in pounds, like 4.50"),
            err("before.visits[0].goals[1]", "This visit refers to a goal that does not exist"),
            err("before.visits[0].minutes", "Visit length must be a whole number of minutes between 1 and 720"),
            err("before.visits[1].carers", "Number of carers must be between 1 and 4"),
            err("before.visits[1].hourly_rate", "Hourly rate must be between £0.01 and £999.99"),
            err("goals[1].id", "Each goal needs its own short id"),
            err("goals[1].status", "Choose the goal's status"),
            err("goals[2].id", "Each goal needs its own short id"),
        ]
    );
}

#[test]
fn goal_fields_each_have_their_message() {
    let s = with_goals_and_visits(
        vec![
            json!({ "id": "", "description": "", "outcome": "walking", "status": null }),
            json!({ "id": "x".repeat(21), "description": "d".repeat(201), "outcome": 3, "status": "achieved" }),
        ],
        vec![],
    );
    assert_eq!(
        errors(&scenario(s)),
        vec![
            err("goals[0].description", "Enter what the person wants to be able to do"),
            err("goals[0].id", "Each goal needs its own short id"),
            err("goals[0].outcome", "Choose which outcome this goal is about"),
            err("goals[0].status", "Choose the goal's status"),
            err("goals[1].description", "Enter what the person wants to be able to do"),
            err("goals[1].id", "Each goal needs its own short id"),
            err("goals[1].outcome", "Choose which outcome this goal is about"),
        ]
    );
}

#[test]
fn every_outcome_code_is_accepted() {
    let codes = [
        "nutrition",
        "personal_hygiene",
        "toilet_needs",
        "clothing",
        "home_safety",
        "habitable_home",
        "relationships",
        "work_education_volunteering",
        "community_services",
        "caring_for_child",
        "other",
    ];
    let goals = codes
        .iter()
        .enumerate()
        .map(|(i, c)| json!({ "id": format!("g{i}"), "description": "d", "outcome": c, "status": "not_started" }))
        .collect();
    assert_eq!(result(&scenario(with_goals_and_visits(goals, vec![])))["goals"]["not_started"], 11);
}

#[test]
fn lengths_count_unicode_characters_not_bytes() {
    let s = with_goals_and_visits(vec![goal(&"é".repeat(20), "achieved")], vec![visit(30, &[&"é".repeat(20)])]);
    let s = with(s, "/reference", json!("😀".repeat(100)));
    assert_eq!(result(&scenario(s))["after"]["weekly_pence"], 0);
    let s = with(minimal(), "/reference", json!("😀".repeat(101)));
    assert_eq!(errors(&scenario(s)), vec![err("reference", "Reference must be 100 characters or fewer")]);
}

#[test]
fn lists_over_their_limits_are_reported_at_the_list() {
    let goals: Vec<Json> = (0..31).map(|i| goal(&format!("g{i}"), "achieved")).collect();
    let s = with_goals_and_visits(goals, (0..51).map(|_| visit(15, &[])).collect());
    let s = with(s, "/before/other_costs", json!((0..21).map(|_| json!({ "weekly": "1" })).collect::<Vec<_>>()));
    let s = with(s, "/after", json!({ "other_costs": (0..21).map(|_| json!({ "weekly": "1" })).collect::<Vec<_>>() }));
    assert_eq!(
        errors(&scenario(s)),
        vec![
            err("after.other_costs", "Enter 20 other costs or fewer"),
            err("before.other_costs", "Enter 20 other costs or fewer"),
            err("before.visits", "Enter 50 visits or fewer"),
            err("goals", "Enter 30 goals or fewer"),
        ]
    );
    let at_limit = with_goals_and_visits(
        (0..30).map(|i| goal(&format!("g{i}"), "achieved")).collect(),
        (0..50).map(|_| visit(15, &[])).collect(),
    );
    assert_eq!(result(&scenario(at_limit))["goals"]["total"], 30);
}

#[test]
fn nulls_mean_missing_for_optional_fields() {
    let s = with(
        minimal(),
        "/before/visits/0",
        json!({ "label": null, "minutes": 30, "carers": 1, "days_per_week": 7, "hourly_rate": null, "goals": null }),
    );
    let s = with(s, "/before/other_costs", json!(null));
    let mut s = with(s, "/reference", json!(null));
    s["goals"] = json!(null);
    s["after"] = json!(null);
    s["reablement_cost"] = json!(null);
    assert_eq!(result(&scenario(s))["after"]["withdrawn_visits"], json!([]));
}

// ---- the derived after package ----

#[test]
fn a_visit_is_withdrawn_only_when_all_its_goals_are_achieved() {
    let s = with_goals_and_visits(
        vec![goal("wash", "achieved"), goal("dress", "in_progress"), goal("meals", "achieved")],
        vec![visit(45, &["wash", "dress"]), visit(30, &["meals"]), visit(15, &[]), visit(30, &["meals", "wash"])],
    );
    let r = scenario(s);
    let r = result(&r);
    assert_eq!(r["after"]["withdrawn_visits"], json!([1, 3]));
    assert_eq!(r["after"]["derived"], true);
    assert_eq!(r["after"]["minutes_per_week"], (45 + 15) * 7);
}

#[test]
fn a_derived_after_package_keeps_every_other_cost() {
    let s = with_goals_and_visits(vec![goal("g", "achieved")], vec![visit(30, &["g"])]);
    let s = with(s, "/before/other_costs", json!([{ "label": "Telecare", "weekly": "4.50" }, { "weekly": 1 }]));
    let r = scenario(s);
    let after = &result(&r)["after"];
    assert_eq!(
        (after["care_pence"].as_i64(), after["other_pence"].as_i64(), after["weekly_pence"].as_i64()),
        (Some(0), Some(550), Some(550))
    );
}

#[test]
fn an_explicit_after_package_is_not_derived() {
    let s = with_goals_and_visits(vec![goal("g", "achieved")], vec![visit(30, &["g"])]);
    let s = with(s, "/after", json!({ "visits": [visit(30, &["g"])] }));
    let r = scenario(s);
    let after = &result(&r)["after"];
    assert_eq!(after["derived"], false);
    assert_eq!(after["withdrawn_visits"], json!([]));
    assert_eq!(after["weekly_pence"], 8435);
}

#[test]
fn an_after_package_that_is_not_an_object_is_an_error() {
    assert_eq!(errors(&scenario(with(minimal(), "/after", json!([])))).len(), 1);
}

// ---- result fields ----

#[test]
fn reduction_percent_is_null_when_before_is_zero() {
    let s = with(minimal(), "/before", json!({}));
    let r = scenario(s);
    let r = result(&r);
    assert_eq!(r["reduction_percent"], Json::Null);
    assert_eq!(r["change_pence"], 0);
}

#[test]
fn break_even_weeks_rounds_up_and_needs_a_saving_and_a_cost() {
    let achieved = with_goals_and_visits(vec![goal("g", "achieved")], vec![visit(30, &["g"])]); // saving 8435p
    let cost = |c: Json| scenario(with(achieved.clone(), "/reablement_cost", c));
    assert_eq!(result(&cost(json!("84.35")))["break_even_weeks"], 1);
    assert_eq!(result(&cost(json!("84.36")))["break_even_weeks"], 2);
    assert_eq!(result(&cost(json!(0)))["break_even_weeks"], 0);
    assert_eq!(result(&cost(json!(null)))["break_even_weeks"], Json::Null);
    let no_saving = with_goals_and_visits(vec![goal("g", "in_progress")], vec![visit(30, &["g"])]);
    let r = scenario(with(no_saving, "/reablement_cost", json!("100")));
    assert_eq!(result(&r)["break_even_weeks"], Json::Null);
    assert_eq!(
        errors(&cost(json!("100,000.01"))),
        vec![err("reablement_cost", "Reablement cost must be an amount in pounds, like 1850.00")]
    );
}

#[test]
fn annual_change_uses_the_settings_weeks() {
    let s = with_goals_and_visits(vec![goal("g", "achieved")], vec![visit(30, &["g"])]);
    let s = with(s, "/settings", json!({ "weeks_per_year": 53 }));
    assert_eq!(result(&scenario(s))["annual_change_pence"], -8435 * 53);
    let bad = scenario(with(minimal(), "/settings", json!({ "weeks_per_year": 54 })));
    assert_eq!(
        errors(&bad),
        vec![err("settings.weeks_per_year", "Weeks in a year must be a whole number between 1 and 53")]
    );
}

#[test]
fn per_visit_rate_overrides_the_settings_rate() {
    let s = with(minimal(), "/before/visits/0/hourly_rate", json!("£30"));
    assert_eq!(result(&scenario(s))["before"]["care_pence"], 10500);
}

// ---- warnings ----

#[test]
fn warnings_for_a_derived_after_are_never_repeated() {
    let s = with_goals_and_visits(vec![], vec![visit(600, &[]), visit(600, &[])]);
    let r = scenario(s);
    let warnings = result(&r)["warnings"].as_array().unwrap().clone();
    assert_eq!(warnings.len(), 3, "{warnings:?}"); // two long visits and the nursing-home cost, all on before
    assert!(warnings.iter().all(|w| w["path"].as_str().unwrap().starts_with("before")));
}

#[test]
fn the_nursing_home_threshold_is_strictly_above_1267_pounds() {
    // £126,700 pence exactly: 7 × 60 min... use another-cost amounts to hit it to the penny.
    let at =
        with(with(minimal(), "/before/visits", json!([])), "/before/other_costs", json!([{ "weekly": "1,267.00" }]));
    assert_eq!(result(&scenario(at.clone()))["warnings"], json!([]));
    let above = with(at, "/before/other_costs/0/weekly", json!("1,267.01"));
    assert_eq!(
        result(&scenario(above))["warnings"],
        json!([{ "path": "before", "message": "This package costs more a week than an average nursing home place" }])
    );
}

#[test]
fn reference_that_looks_identifiable_is_warned_about() {
    for reference in ["943 476 5919", "Mary O'Brien", "Arthur Smith"] {
        let r = scenario(with(minimal(), "/reference", json!(reference)));
        assert_eq!(
            result(&r)["warnings"],
            json!([{ "path": "reference", "message": "Use a case reference, not a name or NHS number" }])
        );
    }
    for reference in ["AB-1234", "HART team", "arthur smith"] {
        assert_eq!(result(&scenario(with(minimal(), "/reference", json!(reference))))["warnings"], json!([]));
    }
}

// ---- cohort ----

fn cohort(input: Json) -> Json {
    run("cohort", &input)
}

#[test]
fn an_empty_cohort_gives_null_figures_and_zero_counts() {
    let r = cohort(json!({ "rows": [] }));
    assert_eq!(
        *result(&r),
        json!({ "count": 0, "mean_before_pence": null, "mean_after_pence": null, "after_vs_baseline_pence": null,
                "no_ongoing_care_count": 0, "no_ongoing_care_percent": null, "annual_effect_pence": null,
                "over_time": null })
    );
}

#[test]
fn cohort_means_round_once_half_away_from_zero() {
    let r = cohort(
        json!({ "rows": [ { "before_weekly": "0.01", "after_weekly": "0" }, { "before_weekly": "0.02", "after_weekly": "0.01" } ] }),
    );
    let r = result(&r);
    assert_eq!(r["mean_before_pence"], 2); // 1.5 → 2
    assert_eq!(r["mean_after_pence"], 1); // 0.5 → 1
    assert_eq!(r["no_ongoing_care_percent"], 50.0);
}

#[test]
fn people_per_week_takes_text_or_a_number_with_two_places() {
    let base = json!({ "rows": [ { "reference": "x", "before_weekly": "100", "after_weekly": "29.98" } ] });
    let effect = |ppw: Json| cohort(with(base.clone(), "/people_per_week", ppw));
    assert_eq!(result(&effect(json!("77.25")))["annual_effect_pence"], 170_240_460);
    assert_eq!(result(&effect(json!(77.25)))["annual_effect_pence"], 170_240_460);
    assert_eq!(result(&effect(json!(0)))["annual_effect_pence"], 0);
    for bad in [json!("77.255"), json!(1000.01), json!(-1), json!("1,000"), json!("abc"), json!(true)] {
        assert_eq!(
            errors(&effect(bad.clone())),
            vec![err("people_per_week", "People a week must be a number between 0 and 1,000")],
            "{bad}"
        );
    }
}

#[test]
fn cohort_settings_are_validated_together() {
    let r =
        cohort(json!({ "rows": [], "package_weeks": 521, "weeks_per_year": 0, "baseline_weekly": "x", "colour": 1 }));
    assert_eq!(
        errors(&r),
        vec![
            err("baseline_weekly", "Baseline must be an amount in pounds, like 38.13"),
            err("colour", "Unknown field 'colour'"),
            err("package_weeks", "Package length must be a whole number of weeks between 1 and 520"),
            err("weeks_per_year", "Weeks in a year must be a whole number between 1 and 53"),
        ]
    );
}

#[test]
fn cohort_row_amounts_are_limited_to_100000_pounds() {
    let r = cohort(json!({ "rows": [ { "before_weekly": "100,000.00", "after_weekly": "100,000.01" } ] }));
    assert_eq!(errors(&r), vec![err("rows[0].after_weekly", "After must be an amount in pounds, like 29.98")]);
}

#[test]
fn more_than_100000_rows_is_an_error_at_rows() {
    let rows: Vec<Json> = (0..100_001).map(|_| json!({ "before_weekly": 1, "after_weekly": 0 })).collect();
    assert_eq!(errors(&cohort(json!({ "rows": rows }))), vec![err("rows", "Enter 100,000 rows or fewer")]);
}

#[test]
fn the_largest_cohort_stays_a_safe_javascript_integer() {
    let rows: Vec<Json> = (0..1000).map(|_| json!({ "before_weekly": "100,000", "after_weekly": "0" })).collect();
    let r = cohort(
        json!({ "rows": rows, "people_per_week": "1000", "package_weeks": 520, "weeks_per_year": 53, "baseline_weekly": "10,000" }),
    );
    let effect = result(&r)["annual_effect_pence"].as_i64().unwrap();
    assert_eq!(effect, 1000 * 520 * 1_000_000 * 53);
    assert!(effect < 1 << 53);
}

#[test]
fn a_scenario_of_100000_goals_and_links_is_answered_with_its_errors() {
    // Issue 19: the goal ids and a visit's links were searched in lists (quadratic: 32 s in
    // Node for this). Answered with the same errors as ever, now in time proportional to it.
    let goals: Vec<Json> = (0..100_000)
        .map(|i| json!({ "id": format!("g{}", if i == 99_999 { 0 } else { i }), "description": "Make a cup of tea", "outcome": "nutrition", "status": "achieved" }))
        .collect();
    let links: Vec<String> = (0..100_000).map(|i| format!("g{}", (i * 7) % 100_001)).collect();
    let mut s = minimal();
    s["goals"] = json!(goals);
    s["before"]["visits"][0]["goals"] = json!(links);
    let errors = errors(&scenario(s));
    assert!(errors.contains(&("goals".to_string(), "Enter 30 goals or fewer".to_string())), "{:?}", &errors[..3]);
    // The last goal repeats the first one's id: its own error, once.
    assert_eq!(
        errors.iter().filter(|(p, _)| p.ends_with("].id")).map(|(p, _)| p.as_str()).collect::<Vec<_>>(),
        ["goals[99999].id"]
    );
    // Two links name no goal: g99999 (its goal took g0's id) and g100000.
    let missing: Vec<&str> =
        errors.iter().filter(|(p, _)| p.starts_with("before.visits[0].goals[")).map(|(p, _)| p.as_str()).collect();
    assert_eq!(missing.len(), 2, "{missing:?}");
}
