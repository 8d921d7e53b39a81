//! The calculation core: pure Rust with serde and csv only — no DOM, no Yew, no JavaScript.
//! Input arrives as a [`json::Value`] (from JSON text or a JavaScript object), is parsed into
//! a valid [`scenario::Scenario`] or [`cohort::Cohort`] (or every error at once), and is then
//! calculated in exact integer pence.

pub mod cohort;
pub mod explain;
pub mod json;
pub mod money;
pub mod outcome;
pub mod scenario;

pub use cohort::{calculate_cohort, read_cohort_csv, Cohort, CohortResult, CohortRow};
pub use json::Value;
pub use money::Pence;
pub use outcome::{calculate, Calculation, Outcome};
pub use scenario::{FieldMessage, Scenario};

/// A scenario as JSON → its calculation, or every error.
pub fn calculate_scenario(value: &Value) -> Result<Calculation, Vec<FieldMessage>> {
    Scenario::from_json(value).map(|s| calculate(&s))
}

/// A cohort as JSON → its result, or every error.
pub fn calculate_cohort_json(value: &Value) -> Result<CohortResult, Vec<FieldMessage>> {
    Cohort::from_json(value).map(|c| calculate_cohort(&c))
}

/// The version of this calculator, as in Cargo.toml.
pub const VERSION: &str = env!("CARGO_PKG_VERSION");
