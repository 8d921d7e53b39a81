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
        if let Some((_, example)) = shared.iter().find(|(f, _)| *f == file) {
            assert_eq!(built_in, example["input"], "{file} differs from tests/examples/{file}");
            checked += 1;
        }
    }
    assert_eq!(checked, 4, "Arthur and three more come from the shared examples");
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
