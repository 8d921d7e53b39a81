//! Shared by the native test files: the example scenarios in `tests/examples` (the project's copy of the contract's examples) and the
//! comparison rule from its README (numbers exactly, errors and warnings as sets, everything
//! else an exact deep match with no missing or extra fields).
#![allow(dead_code)]

use reablement_calculator::calc::{self, Value};
use serde_json::Value as Json;
use std::path::PathBuf;

pub fn examples_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/examples")
}

/// Every example file, as (file name, parsed JSON). Fails loudly when the folder is missing,
/// so a run without the contract's examples can never pass by testing nothing.
pub fn examples() -> Vec<(String, Json)> {
    let dir = examples_dir();
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("the contract's examples must be at {}: {e}", dir.display()))
        .map(|entry| entry.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .collect();
    files.sort();
    assert!(files.len() >= 8, "expected the 8 shared examples, found {}", files.len());
    files
        .into_iter()
        .map(|p| {
            let text = std::fs::read_to_string(&p).unwrap();
            (p.file_name().unwrap().to_string_lossy().into_owned(), serde_json::from_str(&text).unwrap())
        })
        .collect()
}

/// Runs an input through the core exactly as the JS API does (JSON text in, JSON text out),
/// giving the API's answer.
pub fn run(kind: &str, input: &Json) -> Json {
    let text = serde_json::to_string(input).unwrap();
    let answer = match kind {
        "scenario" => calc::calculate_json_text(&text),
        "cohort" => calc::calculate_cohort_json_text(&text),
        other => panic!("unknown example kind {other}"),
    };
    serde_json::from_str(&answer).unwrap_or_else(|e| panic!("the answer is not JSON ({e}): {answer}"))
}

/// A value as the core reads it.
pub fn value(input: &Json) -> Value {
    calc::json::parse(&input.to_string()).unwrap()
}

pub fn scenario(input: Json) -> Json {
    run("scenario", &input)
}

/// Asserts `actual` matches `expected` by the examples README's rule; `at` names the place.
pub fn assert_matches(actual: &Json, expected: &Json, at: &str) {
    match (actual, expected) {
        (Json::Number(a), Json::Number(e)) => {
            assert_eq!(a.as_f64(), e.as_f64(), "{at}: number differs: got {a}, expected {e}")
        }
        (Json::Object(a), Json::Object(e)) => {
            let mut a_keys: Vec<_> = a.keys().collect();
            let mut e_keys: Vec<_> = e.keys().collect();
            a_keys.sort();
            e_keys.sort();
            assert_eq!(a_keys, e_keys, "{at}: fields differ");
            for (k, ev) in e {
                let path = format!("{at}.{k}");
                if k == "errors" || k == "warnings" {
                    assert_same_set(&a[k], ev, &path);
                } else {
                    assert_matches(&a[k], ev, &path);
                }
            }
        }
        (Json::Array(a), Json::Array(e)) => {
            assert_eq!(a.len(), e.len(), "{at}: length differs: got {actual}, expected {expected}");
            for (i, (av, ev)) in a.iter().zip(e).enumerate() {
                assert_matches(av, ev, &format!("{at}[{i}]"));
            }
        }
        _ => assert_eq!(actual, expected, "{at}"),
    }
}

fn assert_same_set(actual: &Json, expected: &Json, at: &str) {
    let sorted = |v: &Json| {
        let mut items: Vec<String> =
            v.as_array().unwrap_or_else(|| panic!("{at} must be a list")).iter().map(|x| x.to_string()).collect();
        items.sort();
        items
    };
    assert_eq!(sorted(actual), sorted(expected), "{at}: differs as a set");
}

/// The `errors` of a failed call, as sorted `(path, message)` pairs.
pub fn errors(response: &Json) -> Vec<(String, String)> {
    assert_eq!(response["ok"], Json::Bool(false), "expected errors, got {response}");
    let mut errors: Vec<(String, String)> = response["errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| (e["path"].as_str().unwrap().to_string(), e["message"].as_str().unwrap().to_string()))
        .collect();
    errors.sort();
    errors
}

/// The `result` of a successful call.
pub fn result(response: &Json) -> &Json {
    assert_eq!(response["ok"], Json::Bool(true), "expected a result, got {response}");
    &response["result"]
}

/// The smallest valid scenario: one 30-minute visit a day, no goals.
pub fn minimal() -> Json {
    serde_json::json!({
        "format": "reablement-outcome-scenario",
        "version": 1,
        "before": { "visits": [ { "minutes": 30, "carers": 1, "days_per_week": 7 } ] }
    })
}
