//! Every example in `tests/examples` through the Rust core, compared with its
//! expected API output.
#![cfg(not(target_arch = "wasm32"))]

mod common;
use common::*;

#[test]
fn every_shared_example_gives_its_expected_result() {
    let examples = examples();
    for (file, example) in &examples {
        let actual = run(example["kind"].as_str().unwrap(), &example["input"]);
        assert_matches(&actual, &example["expected"], file);
    }
}

#[test]
fn the_examples_include_arthur_and_both_kinds() {
    let examples = examples();
    let names: Vec<&str> = examples.iter().map(|(_, e)| e["name"].as_str().unwrap()).collect();
    assert!(names.contains(&"arthur"));
    assert!(examples.iter().any(|(_, e)| e["kind"] == "cohort"));
}

#[test]
fn comparison_rule_can_fail() {
    // The matcher itself must notice a wrong penny, a missing field and an extra warning.
    let (_, arthur) = examples().into_iter().find(|(f, _)| f == "arthur.json").unwrap();
    let mut wrong = arthur["expected"].clone();
    wrong["result"]["before"]["weekly_pence"] = serde_json::json!(29522);
    let actual = run("scenario", &arthur["input"]);
    assert!(std::panic::catch_unwind(|| assert_matches(&actual, &wrong, "x")).is_err());
    let mut missing = arthur["expected"].clone();
    missing["result"].as_object_mut().unwrap().remove("goals");
    assert!(std::panic::catch_unwind(|| assert_matches(&actual, &missing, "x")).is_err());
    let mut extra = arthur["expected"].clone();
    extra["result"]["warnings"] = serde_json::json!([{ "path": "reference", "message": "x" }]);
    assert!(std::panic::catch_unwind(|| assert_matches(&actual, &extra, "x")).is_err());
}

#[test]
fn arthurs_working_shows_each_visit_the_one_rounding_and_why_visits_stop() {
    use reablement_calculator::calc::{explain::explain, Scenario, Value};
    let (_, arthur) = examples().into_iter().find(|(f, _)| f == "arthur.json").unwrap();
    let value: Value = common::value(&arthur["input"]);
    let scenario = Scenario::from_json(&value).unwrap();
    let sections = explain(&scenario, &reablement_calculator::calc::calculate(&scenario));
    let text: Vec<String> = sections.iter().flat_map(|s| s.steps.clone()).collect();
    assert_eq!(
        text[0],
        "Morning: personal care and dressing: 45 minutes × 1 carer × 7 days = 315 minutes a week (5 hours 15 minutes). At £24.10 an hour: 315 ÷ 60 × £24.10 = £126.525."
    );
    assert!(text.contains(&"Care in total: £295.225 a week, rounded once to the nearest penny (exactly half a penny rounds up): £295.23.".to_string()), "{text:#?}");
    assert!(text.contains(
        &"Evening: undressing is withdrawn: all its goals achieved (“Get dressed and undressed”).".to_string()
    ));
    assert!(text.contains(&"Change: £0.00 − £295.23 = \u{2212}£295.23 a week (a saving).".to_string()));
    assert!(text.contains(&"Over a year: \u{2212}£295.23 × 52 weeks = \u{2212}£15,351.96.".to_string()));
}

#[test]
fn built_in_examples_are_valid_and_the_shared_ones_are_unchanged_copies() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src/ui/examples/data");
    let shared = examples();
    let mut checked = 0;
    for entry in std::fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        let built_in: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
        let response = run("scenario", &built_in);
        assert_eq!(response["ok"], true, "{}: {response}", path.display());
        let file = path.file_name().unwrap().to_string_lossy().into_owned();
        // Arthur's built-in example is the contract's case told week by week (contract 1.1).
        let shared_file = if file == "arthur.json" { "arthur-weeks.json".to_string() } else { file.clone() };
        if let Some((_, example)) = shared.iter().find(|(f, _)| *f == shared_file) {
            assert_eq!(built_in, example["input"], "{file} differs from tests/examples/{shared_file}");
            checked += 1;
        }
    }
    assert_eq!(checked, 4, "Arthur (with his weeks) and three more come from the shared examples");
}

#[test]
fn the_training_cases_show_what_their_stories_say() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src/ui/examples/data");
    let load =
        |name: &str| run("scenario", &serde_json::from_str(&std::fs::read_to_string(dir.join(name)).unwrap()).unwrap());
    let grew = load("needs-grew.json");
    assert!(grew["result"]["change_pence"].as_i64().unwrap() > 0, "Doris's care costs more after");
    assert!(grew["result"]["warnings"].to_string().contains("costs more than before"));
    let ken = load("short-calls.json");
    assert_eq!(ken["result"]["after"]["withdrawn_visits"], serde_json::json!([0, 1, 2]));
    assert_eq!(ken["result"]["after"]["other_pence"], 320, "the pill dispenser carries on");
}

#[test]
fn the_worked_examples_with_weeks_step_down_as_their_stories_say() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src/ui/examples/data");
    let load =
        |name: &str| run("scenario", &serde_json::from_str(&std::fs::read_to_string(dir.join(name)).unwrap()).unwrap());
    let weekly = |result: &serde_json::Value| -> Vec<i64> {
        let timeline = result["result"]["episode"]["timeline"].as_array().unwrap();
        timeline.iter().map(|w| w["weekly_pence"].as_i64().unwrap()).collect()
    };
    // Arthur: the evening call stops after week 1, the rest after week 2 (tests/examples/arthur-weeks.json).
    let arthur = load("arthur.json");
    assert_eq!(weekly(&arthur), [29523, 21088]);
    assert_eq!(arthur["result"]["episode"]["saving_pence"], 8435);
    // Ken: the dispenser in week 1 stops the lunchtime call from week 2; hot drinks in week 2
    // stop the breakfast and teatime calls from week 3; the shop is never achieved, so the
    // shopping trip and the dispenser carry on every week.
    let ken = load("short-calls.json");
    let (short_call, trip, dispenser) = (15 * 7 * 2410, 60 * 2410, 320);
    let pence = |sixtieths: i64| (sixtieths + 30) / 60; // each week rounded once, as in the contract
    assert_eq!(
        weekly(&ken),
        [
            pence(3 * short_call + trip) + dispenser,
            pence(2 * short_call + trip) + dispenser,
            pence(trip) + dispenser,
            pence(trip) + dispenser
        ]
    );
    assert_eq!(weekly(&ken)[3], ken["result"]["after"]["weekly_pence"].as_i64().unwrap());
    // Doris: no goal achieved, so every week costs what the package before did: no saving.
    let doris = load("needs-grew.json");
    let before = doris["result"]["before"]["weekly_pence"].as_i64().unwrap();
    assert_eq!(weekly(&doris), vec![before; 6]);
    assert_eq!(doris["result"]["episode"]["saving_pence"], 0);
}
