//! The JavaScript API: `calculate`, `calculateCohort` and `version`, plain objects in and
//! out (serde-wasm-bindgen's JSON-compatible serializer: `null` stays `null`, maps are plain
//! objects). Never throws: bad input, of any shape, comes back as `{ok: false, errors}`.

use crate::calc::{self, FieldMessage, Value};
use serde::Serialize;
use wasm_bindgen::prelude::*;

/// `{ok: true, result}` or `{ok: false, errors: [{path, message}]}`.
#[derive(Serialize)]
#[serde(untagged)]
pub enum Response<T> {
    Ok { ok: bool, result: T },
    Err { ok: bool, errors: Vec<FieldMessage> },
}

impl<T> From<Result<T, Vec<FieldMessage>>> for Response<T> {
    fn from(result: Result<T, Vec<FieldMessage>>) -> Self {
        match result {
            Ok(result) => Response::Ok { ok: true, result },
            Err(errors) => Response::Err { ok: false, errors },
        }
    }
}

/// Reads a JavaScript value into the core's JSON value. Anything that is not JSON-shaped
/// (a function, a symbol, nesting deeper than the core allows) reads as `None`.
fn read(input: JsValue) -> Option<Value> {
    serde_wasm_bindgen::from_value(input).ok()
}

fn to_js<T: Serialize>(response: &Response<T>) -> JsValue {
    response
        .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .unwrap_or(JsValue::NULL)
}

/// Calculates one person's outcome from a scenario object (contract v1).
#[wasm_bindgen(js_name = calculate)]
pub fn calculate(scenario: JsValue) -> JsValue {
    let response: Response<calc::Outcome> = match read(scenario) {
        Some(value) => calc::calculate_scenario(&value).map(|c| c.outcome).into(),
        None => Err(vec![FieldMessage::new("format", calc::scenario::msg::FORMAT)]).into(),
    };
    to_js(&response)
}

/// Calculates a cohort's outcome from `{rows, baseline_weekly, people_per_week, package_weeks, weeks_per_year}`.
#[wasm_bindgen(js_name = calculateCohort)]
pub fn calculate_cohort(input: JsValue) -> JsValue {
    let response: Response<calc::CohortResult> = match read(input) {
        Some(value) => calc::calculate_cohort_json(&value).into(),
        None => Err(vec![FieldMessage::new("", calc::cohort::msg::INPUT)]).into(),
    };
    to_js(&response)
}

/// The calculator's version string.
#[wasm_bindgen(js_name = version)]
pub fn version() -> String {
    calc::VERSION.to_string()
}
