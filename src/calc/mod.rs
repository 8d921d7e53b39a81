//! The calculation core: pure Rust with csv only — no DOM, no Yew, no JavaScript.
//! Input arrives as a [`json::Value`] (from JSON text or a JavaScript object), is parsed into
//! a valid [`scenario::Scenario`] or [`cohort::Cohort`] (or every error at once), and is then
//! calculated in exact integer pence.

pub mod cohort;
pub mod council;
pub mod explain;
pub mod json;
pub mod limits;
pub mod money;
pub mod outcome;
pub mod plan;
pub mod scenario;
pub mod wording;

pub use cohort::{calculate_cohort, read_cohort_csv, Cohort, CohortResult, CohortRow};
pub use json::Value;
pub use money::Pence;
pub use outcome::{calculate, Calculation, Episode, EpisodeWeek, Outcome};
pub use scenario::{FieldMessage, Scenario};

/// A scenario as JSON → its calculation, or every error.
pub fn calculate_scenario(value: &Value) -> Result<Calculation, Vec<FieldMessage>> {
    Scenario::from_json(value).map(|s| calculate(&s))
}

/// A cohort as JSON → its result, or every error.
pub fn calculate_cohort_json(value: Value) -> Result<CohortResult, Vec<FieldMessage>> {
    Cohort::from_json(value).map(|c| calculate_cohort(&c))
}

/// The API's answer to a scenario given as JSON text: `{ok: true, result}` or
/// `{ok: false, errors}`. Text that is not JSON (or is nested too deeply) is not a scenario
/// file.
pub fn scenario_response(text: &str) -> Response<Outcome> {
    let result = match json::parse(text) {
        Ok(value) => calculate_scenario(&value).map(|c| c.outcome),
        Err(_) => Err(vec![FieldMessage::new("format", scenario::msg::FORMAT)]),
    };
    Response::from(result)
}

/// The API's answer to a cohort given as JSON text.
pub fn cohort_response(text: &str) -> Response<CohortResult> {
    Response::from(Cohort::from_json_text(text).map(|c| calculate_cohort(&c)))
}

/// [`scenario_response`] as JSON text.
pub fn calculate_json_text(text: &str) -> String {
    json::to_json_text(&scenario_response(text))
}

/// [`cohort_response`] as JSON text.
pub fn calculate_cohort_json_text(text: &str) -> String {
    json::to_json_text(&cohort_response(text))
}

/// `{ok: true, result}` or `{ok: false, errors: [{path, message}]}`.
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

/// The version of this calculator, as in Cargo.toml.
pub const VERSION: &str = env!("CARGO_PKG_VERSION");
