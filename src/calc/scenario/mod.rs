//! The v1 scenario format: defaults, and validation that reports every error at once, each
//! with its JSON path and the contract's message. Parse, don't validate: once a
//! [`Scenario`] exists it is valid, so the calculation never checks its input again.

use super::json::Value;
use super::money::Pence;
use std::borrow::Cow;

mod checker;
mod codes;
pub mod msg;

pub(crate) use checker::Checker;
pub use checker::{whole_number, Path};
pub use codes::{GoalStatus, OutcomeArea};

pub const FORMAT: &str = "reablement-outcome-scenario";
pub const VERSION: i128 = 1;

pub const DEFAULT_BASELINE: Pence = Pence(3813);
pub const DEFAULT_HOURLY_RATE: Pence = Pence(2410);
pub const DEFAULT_WEEKS_PER_YEAR: u32 = 52;

pub use super::limits::{MAX_GOALS, MAX_OTHER_COSTS, MAX_REABLEMENT_WEEKS, MAX_VISITS};

/// An error or a warning: where (a JSON path such as `before.visits[2].minutes`) and what.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct FieldMessage {
    pub path: String,
    /// Most messages are the contract's own text, borrowed: 700,000 errors allocate a path
    /// each, not a copy of the same sentence each too.
    pub message: Cow<'static, str>,
}

impl FieldMessage {
    pub fn new(path: impl Into<String>, message: impl Into<Cow<'static, str>>) -> Self {
        FieldMessage { path: path.into(), message: message.into() }
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Settings {
    pub baseline_weekly: Pence,
    pub hourly_rate: Pence,
    pub weeks_per_year: u32,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            baseline_weekly: DEFAULT_BASELINE,
            hourly_rate: DEFAULT_HOURLY_RATE,
            weeks_per_year: DEFAULT_WEEKS_PER_YEAR,
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Goal {
    pub id: String,
    pub description: String,
    pub outcome: OutcomeArea,
    pub status: GoalStatus,
    /// Contract 1.1: the week of reablement in which the goal was achieved (only on an
    /// achieved goal, and within `Scenario::reablement_weeks`).
    pub achieved_week: Option<u32>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Visit {
    pub label: String,
    pub minutes: u32,
    pub carers: u32,
    pub days_per_week: u32,
    /// The visit's own rate; `None` means the settings rate.
    pub hourly_rate: Option<Pence>,
    /// Ids of the goals this visit supports; every one exists in `Scenario::goals`.
    pub goals: Vec<String>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OtherCost {
    pub label: String,
    pub weekly: Pence,
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Package {
    pub visits: Vec<Visit>,
    pub other_costs: Vec<OtherCost>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Scenario {
    pub reference: String,
    pub settings: Settings,
    pub goals: Vec<Goal>,
    pub before: Package,
    /// `None`: derive the after package from the goals.
    pub after: Option<Package>,
    pub reablement_cost: Option<Pence>,
    /// Contract 1.1: how many weeks reablement lasted; `None`: no week-by-week view.
    pub reablement_weeks: Option<u32>,
}

impl Scenario {
    /// Reads and validates a scenario. Every error is returned at once, except that a wrong
    /// `format` or `version` is reported alone.
    pub fn from_json(value: &Value) -> Result<Scenario, Vec<FieldMessage>> {
        if value.get("format").and_then(Value::as_str) != Some(FORMAT) {
            return Err(vec![FieldMessage::new("format", msg::FORMAT)]);
        }
        match value.get("version").and_then(whole_number) {
            Some(VERSION) => {}
            Some(v) if v > VERSION => return Err(vec![FieldMessage::new("version", msg::NEWER)]),
            _ => return Err(vec![FieldMessage::new("version", msg::FORMAT)]),
        }

        let root = Path::Root;
        let mut check = Checker::default();
        check.unknown_fields(
            value,
            &root,
            &[
                "format",
                "version",
                "reference",
                "settings",
                "goals",
                "before",
                "after",
                "reablement_cost",
                "reablement_weeks",
            ],
        );
        let reference = check.reference(value.get("reference"), &root.key("reference"));
        let settings = check.settings(value.get("settings"));
        let reablement_weeks = check.optional_whole(
            value.get("reablement_weeks"),
            &root.key("reablement_weeks"),
            1,
            MAX_REABLEMENT_WEEKS,
            msg::REABLEMENT_WEEKS,
        );
        let goals = check.goals(value.get("goals"), reablement_weeks);
        // Visits may link any goal that has an id, even one with other errors: the missing-goal
        // message is kept for ids that really are not there.
        // A set: a visit's links are looked up in time independent of the number of goals
        // (100,000 goals linked from 100,000 visits must not be 10¹⁰ comparisons).
        let known_ids: Option<std::collections::HashSet<&str>> = match value.get("goals") {
            Some(Value::Array(items)) => {
                Some(items.iter().filter_map(|g| g.get("id").and_then(Value::as_str)).collect())
            }
            Some(Value::Null) | None => Some(std::collections::HashSet::new()),
            Some(_) => None,
        };
        let before = match value.get("before") {
            None | Some(Value::Null) => {
                check.error("before", msg::BEFORE);
                None
            }
            Some(v @ Value::Object(_)) => check.package(v, &root.key("before"), known_ids.as_ref()),
            Some(_) => {
                check.error("before", msg::BEFORE);
                None
            }
        };
        let after = match value.get("after") {
            None | Some(Value::Null) => Some(None),
            Some(v @ Value::Object(_)) => check.package(v, &root.key("after"), known_ids.as_ref()).map(Some),
            Some(_) => {
                check.error("after", msg::AFTER);
                None
            }
        };
        let reablement_cost = check.optional_money(
            value.get("reablement_cost"),
            &root.key("reablement_cost"),
            0,
            super::limits::MAX_REABLEMENT_COST.0,
            msg::REABLEMENT_COST,
        );

        match (check.errors.is_empty(), reference, settings, goals, before, after, reablement_cost, reablement_weeks) {
            (
                true,
                Some(reference),
                Some(settings),
                Some(goals),
                Some(before),
                Some(after),
                Some(reablement_cost),
                Some(reablement_weeks),
            ) => Ok(Scenario { reference, settings, goals, before, after, reablement_cost, reablement_weeks }),
            _ => Err(check.errors),
        }
    }
}
