//! The form as typed: every field kept as the text the user entered, so a half-typed value
//! never wipes anything else. `to_value` turns it into a scenario for `calc`, which does all
//! the checking; `from_scenario` fills the form from a valid scenario (an example or a file).

use crate::calc::council::Figures;
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
    /// The week of reablement it was achieved in, as typed. Kept while the goal is not marked
    /// achieved (and then left out of the scenario), so it comes back when it is again.
    pub achieved_week: String,
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
    /// How many weeks reablement lasted (contract 1.1), as typed; empty: no week-by-week view.
    pub reablement_weeks: String,
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
            reablement_weeks: String::new(),
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

/// `value` without its field `key` when that field is `null` (the same as missing).
fn omit_if_null(mut value: Value, key: &str) -> Value {
    if let Value::Object(fields) = &mut value {
        fields.retain(|(k, v)| k != key || !v.is_null());
    }
    value
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
    /// decides, and its error paths name the form's fields). Without weeks it is a contract
    /// 1.0 scenario: the 1.1 fields are left out rather than written as `null`.
    pub fn to_value(&self) -> Value {
        let value = Value::object([
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
                            // The week only goes with an achieved goal: a week kept aside while
                            // the goal is marked otherwise is not an error the user made.
                            let week = if g.status == "achieved" { whole(&g.achieved_week) } else { Value::Null };
                            omit_if_null(
                                Value::object([
                                    ("id", Value::string(&g.id)),
                                    ("description", Value::string(g.description.trim())),
                                    ("outcome", Value::string(&g.outcome)),
                                    ("status", Value::string(&g.status)),
                                    ("achieved_week", week),
                                ]),
                                "achieved_week",
                            )
                        })
                        .collect(),
                ),
            ),
            ("before", self.before.to_value()),
            ("after", self.after.as_ref().map_or(Value::Null, PackageDraft::to_value)),
            ("reablement_cost", money(&self.reablement_cost)),
            ("reablement_weeks", whole(&self.reablement_weeks)),
        ]);
        omit_if_null(value, "reablement_weeks")
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
                    achieved_week: g.achieved_week.map(|w| w.to_string()).unwrap_or_default(),
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
            reablement_weeks: scenario.reablement_weeks.map(|w| w.to_string()).unwrap_or_default(),
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

    /// A new form that starts from these figures (a council's own, or the calculator's).
    pub fn with_figures(figures: &Figures) -> Draft {
        Draft {
            baseline: figures.baseline_weekly.decimal(),
            hourly_rate: figures.hourly_rate.decimal(),
            ..Draft::default()
        }
    }

    /// True when nothing has been entered beyond the defaults or these figures.
    pub fn is_blank_with(&self, figures: &Figures) -> bool {
        self.is_blank() || *self == Draft { next_key: self.next_key, ..Draft::with_figures(figures) }
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
    fn without_weeks_the_form_writes_a_1_0_scenario_and_with_them_1_1() {
        let arthur = include_str!("../../../tests/examples/arthur.json");
        let arthur: serde_json::Value = serde_json::from_str(arthur).unwrap();
        let value: Value = crate::calc::json::parse(&arthur["input"].to_string()).unwrap();
        let draft = Draft::from_scenario(&Scenario::from_json(&value).unwrap());
        let text = draft.to_value().to_json_text();
        assert!(
            !text.contains("achieved_week") && !text.contains("reablement_weeks"),
            "no 1.1 field in a 1.0 scenario: {text}"
        );
        let weeks = include_str!("../../../tests/examples/arthur-weeks.json");
        let weeks: serde_json::Value = serde_json::from_str(weeks).unwrap();
        let value: Value = crate::calc::json::parse(&weeks["input"].to_string()).unwrap();
        let scenario = Scenario::from_json(&value).unwrap();
        let draft = Draft::from_scenario(&scenario);
        assert_eq!((draft.reablement_weeks.as_str(), draft.goals[1].achieved_week.as_str()), ("2", "1"));
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
