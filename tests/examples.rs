//! Every example in `../shared/spec/examples` through the Rust core, compared with its
//! expected API output.

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
