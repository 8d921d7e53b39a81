//! The form as typed: every field kept as the text the user entered, so a half-typed value
//! never wipes anything else. `to_value` turns it into a scenario for `calc`, which does all
//! the checking; `from_scenario` fills the form from a valid scenario (an example or a file).

use crate::calc::scenario::{Package, Scenario, DEFAULT_BASELINE, DEFAULT_HOURLY_RATE, DEFAULT_WEEKS_PER_YEAR, FORMAT};
use crate::calc::Value;
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct GoalDraft {
    /// Stable key for rendering; the goal's id in the scenario is `g{key}` unless imported.
    pub key: u32,
    pub id: String,
    pub description: String,
    pub outcome: String,
    pub status: String,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct VisitDraft {
    pub key: u32,
    pub label: String,
    pub minutes: String,
    pub carers: String,
    pub days_per_week: String,
    pub hourly_rate: String,
    pub goals: Vec<String>,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct CostDraft {
    pub key: u32,
    pub label: String,
    pub weekly: String,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct PackageDraft {
    pub visits: Vec<VisitDraft>,
    pub other_costs: Vec<CostDraft>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Draft {
    pub reference: String,
    pub baseline: String,
    pub hourly_rate: String,
    pub weeks_per_year: String,
    pub reablement_cost: String,
    pub goals: Vec<GoalDraft>,
    pub before: PackageDraft,
    /// `None`: the after package is worked out from the goals.
    pub after: Option<PackageDraft>,
    pub next_key: u32,
}

impl Default for Draft {
    fn default() -> Self {
        Draft {
            reference: String::new(),
            baseline: DEFAULT_BASELINE.decimal(),
            hourly_rate: DEFAULT_HOURLY_RATE.decimal(),
            weeks_per_year: DEFAULT_WEEKS_PER_YEAR.to_string(),
            reablement_cost: String::new(),
            goals: Vec::new(),
            before: PackageDraft::default(),
            after: None,
            next_key: 1,
        }
    }
}

/// Which package a visit or cost belongs to.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Which {
    Before,
    After,
}

impl Which {
    pub fn path(self) -> &'static str {
        match self {
            Which::Before => "before",
            Which::After => "after",
        }
    }
}

/// Whole-number text as JSON: digits become a number; anything else stays text so that
/// `calc` reports it with the field's own message; empty is missing.
fn whole(text: &str) -> Value {
    let t = text.trim();
    if t.is_empty() {
        Value::Null
    } else if t.len() <= 9 && t.bytes().all(|b| b.is_ascii_digit()) {
        Value::Int(t.parse::<i128>().unwrap_or_default())
    } else {
        Value::String(t.to_string())
    }
}

/// Money text as JSON: empty is missing, anything else is passed on for `calc` to read.
fn money(text: &str) -> Value {
    if text.trim().is_empty() {
        Value::Null
    } else {
        Value::String(text.to_string())
    }
}

impl PackageDraft {
    fn to_value(&self) -> Value {
        Value::object([
            (
                "visits",
                Value::Array(
                    self.visits
                        .iter()
                        .map(|v| {
                            Value::object([
                                ("label", Value::string(&v.label)),
                                ("minutes", whole(&v.minutes)),
                                ("carers", whole(&v.carers)),
                                ("days_per_week", whole(&v.days_per_week)),
                                ("hourly_rate", money(&v.hourly_rate)),
                                ("goals", Value::Array(v.goals.iter().map(Value::string).collect())),
                            ])
                        })
                        .collect(),
                ),
            ),
            (
                "other_costs",
                Value::Array(
                    self.other_costs
                        .iter()
                        .map(|c| Value::object([("label", Value::string(&c.label)), ("weekly", money(&c.weekly))]))
                        .collect(),
                ),
            ),
        ])
    }

    fn from_package(package: &Package, next_key: &mut u32) -> PackageDraft {
        let mut key = || {
            *next_key += 1;
            *next_key - 1
        };
        PackageDraft {
            visits: package
                .visits
                .iter()
                .map(|v| VisitDraft {
                    key: key(),
                    label: v.label.clone(),
                    minutes: v.minutes.to_string(),
                    carers: v.carers.to_string(),
                    days_per_week: v.days_per_week.to_string(),
                    hourly_rate: v.hourly_rate.map(|p| p.decimal()).unwrap_or_default(),
                    goals: v.goals.clone(),
                })
                .collect(),
            other_costs: package
                .other_costs
                .iter()
                .map(|c| CostDraft { key: key(), label: c.label.clone(), weekly: c.weekly.decimal() })
                .collect(),
        }
    }
}

impl Draft {
    /// The scenario this form describes, in the contract's format (valid or not: `calc`
    /// decides, and its error paths name the form's fields).
    pub fn to_value(&self) -> Value {
        Value::object([
            ("format", Value::string(FORMAT)),
            ("version", Value::Int(1)),
            ("reference", Value::string(self.reference.trim())),
            (
                "settings",
                Value::object([
                    ("baseline_weekly", money(&self.baseline)),
                    ("hourly_rate", money(&self.hourly_rate)),
                    ("weeks_per_year", whole(&self.weeks_per_year)),
                ]),
            ),
            (
                "goals",
                Value::Array(
                    self.goals
                        .iter()
                        .map(|g| {
                            Value::object([
                                ("id", Value::string(&g.id)),
                                ("description", Value::string(g.description.trim())),
                                ("outcome", Value::string(&g.outcome)),
                                ("status", Value::string(&g.status)),
                            ])
                        })
                        .collect(),
                ),
            ),
            ("before", self.before.to_value()),
            ("after", self.after.as_ref().map_or(Value::Null, PackageDraft::to_value)),
            ("reablement_cost", money(&self.reablement_cost)),
        ])
    }

    /// The form filled from a valid scenario.
    pub fn from_scenario(scenario: &Scenario) -> Draft {
        let mut next_key = 1;
        let goals = scenario
            .goals
            .iter()
            .map(|g| {
                next_key += 1;
                GoalDraft {
                    key: next_key - 1,
                    id: g.id.clone(),
                    description: g.description.clone(),
                    outcome: g.outcome.code().to_string(),
                    status: g.status.code().to_string(),
                }
            })
            .collect();
        let before = PackageDraft::from_package(&scenario.before, &mut next_key);
        let after = scenario.after.as_ref().map(|p| PackageDraft::from_package(p, &mut next_key));
        Draft {
            reference: scenario.reference.clone(),
            baseline: scenario.settings.baseline_weekly.decimal(),
            hourly_rate: scenario.settings.hourly_rate.decimal(),
            weeks_per_year: scenario.settings.weeks_per_year.to_string(),
            reablement_cost: scenario.reablement_cost.map(|p| p.decimal()).unwrap_or_default(),
            goals,
            before,
            after,
            next_key,
        }
    }

    /// The form filled from a scenario file's text; `None` unless it is a valid scenario.
    pub fn from_json_text(text: &str) -> Option<Draft> {
        let value = crate::calc::json::parse(text).ok()?;
        crate::calc::Scenario::from_json(&value).ok().map(|s| Draft::from_scenario(&s))
    }

    pub fn package(&self, which: Which) -> Option<&PackageDraft> {
        match which {
            Which::Before => Some(&self.before),
            Which::After => self.after.as_ref(),
        }
    }

    pub fn package_mut(&mut self, which: Which) -> Option<&mut PackageDraft> {
        match which {
            Which::Before => Some(&mut self.before),
            Which::After => self.after.as_mut(),
        }
    }

    /// True when nothing has been entered beyond the defaults.
    pub fn is_blank(&self) -> bool {
        *self == Draft { next_key: self.next_key, ..Draft::default() }
    }

    pub fn take_key(&mut self) -> u32 {
        self.next_key += 1;
        self.next_key - 1
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::calc::{calculate_scenario, Scenario};

    #[test]
    fn a_scenario_survives_the_form_round_trip() {
        let text = include_str!("../examples/data/arthur.json");
        let value: Value = crate::calc::json::parse(text).unwrap();
        let scenario = Scenario::from_json(&value).unwrap();
        let draft = Draft::from_scenario(&scenario);
        assert_eq!(Scenario::from_json(&draft.to_value()).unwrap(), scenario);
    }

    #[test]
    fn half_typed_whole_numbers_get_the_fields_own_message() {
        let mut draft = Draft::default();
        draft.before.visits.push(VisitDraft {
            key: 1,
            minutes: "4x".into(),
            carers: "1".into(),
            days_per_week: "".into(),
            ..Default::default()
        });
        let errors = calculate_scenario(&draft.to_value()).unwrap_err();
        let paths: Vec<&str> = errors.iter().map(|e| e.path.as_str()).collect();
        assert_eq!(paths, ["before.visits[0].minutes", "before.visits[0].days_per_week"]);
    }
}
