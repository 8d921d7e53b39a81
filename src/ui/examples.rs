//! Worked examples that load in one click. Arthur is the contract's worked case.

use super::draft::Draft;
use crate::calc::{Scenario, Value};

pub struct Example {
    pub key: &'static str,
    pub name: &'static str,
    pub story: &'static str,
    pub json: &'static str,
}

pub const ARTHUR: Example = Example {
    key: "arthur",
    name: "Arthur",
    story: "Arthur had 3 calls a day for personal care, dressing and undressing, and making lunch. At his welcome visit he set 3 goals. Equipment was ordered, the evening call was withdrawn after a week, and all his goals were achieved within 2 weeks: his care closed with no further need.",
    json: include_str!("examples/arthur.json"),
};

impl Example {
    pub fn scenario(&self) -> Scenario {
        let value: Value = super::json_text::parse(self.json).expect("built-in examples are JSON");
        Scenario::from_json(&value).expect("built-in examples are valid scenarios")
    }

    pub fn draft(&self) -> Draft {
        Draft::from_scenario(&self.scenario())
    }
}
