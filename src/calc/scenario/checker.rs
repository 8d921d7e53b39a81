//! Reading with every error at once: where a value sits ([`Path`], formatted only when an
//! error needs it) and the [`Checker`] that collects errors while each reader returns `None`
//! for a part that is invalid. Shared by the scenario and the cohort.

use super::super::json::Value;
use super::super::limits::*;
use super::super::money::Pence;
use super::codes::{GoalStatus, OutcomeArea};
use super::{msg, FieldMessage, Goal, OtherCost, Package, Settings, Visit};
use super::{DEFAULT_BASELINE, DEFAULT_HOURLY_RATE, DEFAULT_WEEKS_PER_YEAR};
use std::collections::HashSet;

/// Where a value sits in the input (`before.visits[2].minutes`), written out only when an
/// error needs it: reading a valid scenario formats no paths and allocates none.
#[derive(Clone, Copy)]
pub enum Path<'a> {
    Root,
    Key(&'a Path<'a>, &'a str),
    Index(&'a Path<'a>, usize),
}

impl<'a> Path<'a> {
    pub fn key(&'a self, key: &'a str) -> Path<'a> {
        Path::Key(self, key)
    }

    pub fn index(&'a self, index: usize) -> Path<'a> {
        Path::Index(self, index)
    }
}

impl Path<'_> {
    /// Writes the path (`before.visits[2].minutes`) onto `out`, by hand: at 700,000 errors
    /// the formatting machinery was a third of the time spent checking.
    pub fn write_to(&self, out: &mut String) {
        match self {
            Path::Root => {}
            Path::Key(Path::Root, key) => out.push_str(key),
            Path::Key(parent, key) => {
                parent.write_to(out);
                out.push('.');
                out.push_str(key);
            }
            Path::Index(parent, index) => {
                parent.write_to(out);
                out.push('[');
                write_index(out, *index);
                out.push(']');
            }
        }
    }
}

fn write_index(out: &mut String, mut n: usize) {
    let mut digits = [0u8; 20];
    let mut at = digits.len();
    loop {
        at -= 1;
        digits[at] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    out.extend(digits[at..].iter().map(|&d| char::from(d)));
}

/// Where an error is: a [`Path`], or a top-level field's name.
pub trait ErrorAt {
    fn path_text(&self) -> String;
}

impl ErrorAt for Path<'_> {
    fn path_text(&self) -> String {
        let mut out = String::with_capacity(32);
        self.write_to(&mut out);
        out
    }
}

impl ErrorAt for &Path<'_> {
    fn path_text(&self) -> String {
        (*self).path_text()
    }
}

impl ErrorAt for &str {
    fn path_text(&self) -> String {
        self.to_string()
    }
}

/// A whole number given as a JSON number (`7` or `7.0`), never as text.
pub fn whole_number(value: &Value) -> Option<i128> {
    value.scaled(0)
}

/// Collects errors while reading; each reader returns `None` when its part is invalid.
#[derive(Default)]
pub(crate) struct Checker {
    pub errors: Vec<FieldMessage>,
}

/// An optional field: `Some(None)` when it is null or missing, else what `read` makes of it
/// (`None` when `read` found it wrong and said so).
fn unless_null<T>(value: Option<&Value>, read: impl FnOnce(&Value) -> Option<T>) -> Option<Option<T>> {
    match value {
        None | Some(Value::Null) => Some(None),
        Some(v) => read(v).map(Some),
    }
}

impl Checker {
    pub fn error(&mut self, path: impl ErrorAt, message: impl Into<std::borrow::Cow<'static, str>>) {
        self.errors.push(FieldMessage::new(path.path_text(), message));
    }

    /// Reports every field of an object that is not in `allowed`, at its own path.
    pub fn unknown_fields(&mut self, object: &Value, path: &Path<'_>, allowed: &[&str]) {
        if let Value::Object(fields) = object {
            for (key, _) in fields {
                if !allowed.contains(&key.as_ref()) {
                    self.error(path.key(key), msg::unknown_field(key));
                }
            }
        }
    }

    /// Optional text of at most `max` characters; null or missing is `""`.
    pub fn optional_text(
        &mut self,
        value: Option<&Value>,
        path: &Path<'_>,
        max: usize,
        message: &'static str,
    ) -> Option<String> {
        match value {
            None | Some(Value::Null) => Some(String::new()),
            Some(Value::String(s)) if s.chars().count() <= max => Some(s.clone()),
            Some(_) => {
                self.error(path, message);
                None
            }
        }
    }

    /// Required text of 1..=`max` characters.
    fn required_text(
        &mut self,
        value: Option<&Value>,
        path: &Path<'_>,
        max: usize,
        message: &'static str,
    ) -> Option<String> {
        match value {
            Some(Value::String(s)) if (1..=max).contains(&s.chars().count()) => Some(s.clone()),
            _ => {
                self.error(path, message);
                None
            }
        }
    }

    pub fn reference(&mut self, value: Option<&Value>, path: &Path<'_>) -> Option<String> {
        self.optional_text(value, path, MAX_REFERENCE_CHARS, msg::REFERENCE)
    }

    /// A required whole number in `min..=max`.
    pub fn whole(
        &mut self,
        value: Option<&Value>,
        path: &Path<'_>,
        min: u32,
        max: u32,
        message: &'static str,
    ) -> Option<u32> {
        match value.and_then(whole_number) {
            Some(n) if (i128::from(min)..=i128::from(max)).contains(&n) => Some(n as u32),
            _ => {
                self.error(path, message);
                None
            }
        }
    }

    /// A whole number in `min..=max`, or `None` (inside the `Some`) when null or missing.
    pub fn optional_whole(
        &mut self,
        value: Option<&Value>,
        path: &Path<'_>,
        min: u32,
        max: u32,
        message: &'static str,
    ) -> Option<Option<u32>> {
        unless_null(value, |v| self.whole(Some(v), path, min, max, message))
    }

    /// A whole number in `min..=max`, or `default` when null or missing.
    pub fn whole_or(
        &mut self,
        value: Option<&Value>,
        path: &Path<'_>,
        min: u32,
        max: u32,
        default: u32,
        message: &'static str,
    ) -> Option<u32> {
        self.optional_whole(value, path, min, max, message).map(|n| n.unwrap_or(default))
    }

    /// Required money within `min..=max` pence.
    pub fn money(
        &mut self,
        value: Option<&Value>,
        path: &Path<'_>,
        min: i64,
        max: i64,
        message: &'static str,
    ) -> Option<Pence> {
        match value.and_then(Pence::from_json) {
            Some(p) if (min..=max).contains(&p.0) => Some(p),
            _ => {
                self.error(path, message);
                None
            }
        }
    }

    /// Money within `min..=max` pence, or `None` (inside the `Some`) when null or missing.
    pub fn optional_money(
        &mut self,
        value: Option<&Value>,
        path: &Path<'_>,
        min: i64,
        max: i64,
        message: &'static str,
    ) -> Option<Option<Pence>> {
        unless_null(value, |v| self.money(Some(v), path, min, max, message))
    }

    /// Money within `min..=max` pence, or `default` when null or missing.
    pub fn money_or(
        &mut self,
        value: Option<&Value>,
        path: &Path<'_>,
        min: i64,
        max: i64,
        default: Pence,
        message: &'static str,
    ) -> Option<Pence> {
        self.optional_money(value, path, min, max, message).map(|p| p.unwrap_or(default))
    }

    /// The baseline a week: money from £0.00 to £10,000.00, default £38.13 (scenario and cohort).
    pub fn baseline_weekly(&mut self, value: Option<&Value>, path: &Path<'_>) -> Option<Pence> {
        self.money_or(value, path, MIN_BASELINE.0, MAX_BASELINE.0, DEFAULT_BASELINE, msg::BASELINE)
    }

    /// Weeks in a year: a whole number from 1 to 53, default 52 (scenario and cohort).
    pub fn weeks_per_year(&mut self, value: Option<&Value>, path: &Path<'_>) -> Option<u32> {
        self.whole_or(value, path, 1, MAX_WEEKS_PER_YEAR, DEFAULT_WEEKS_PER_YEAR, msg::WEEKS_PER_YEAR)
    }

    pub(super) fn settings(&mut self, value: Option<&Value>) -> Option<Settings> {
        let value = match value {
            None | Some(Value::Null) => return Some(Settings::default()),
            Some(v @ Value::Object(_)) => v,
            Some(_) => {
                self.error("settings", msg::SETTINGS);
                return None;
            }
        };
        let root = Path::Root;
        let path = root.key("settings");
        self.unknown_fields(value, &path, &["baseline_weekly", "hourly_rate", "weeks_per_year"]);
        let baseline_weekly = self.baseline_weekly(value.get("baseline_weekly"), &path.key("baseline_weekly"));
        let hourly_rate = self.money_or(
            value.get("hourly_rate"),
            &path.key("hourly_rate"),
            MIN_HOURLY_RATE.0,
            MAX_HOURLY_RATE.0,
            DEFAULT_HOURLY_RATE,
            msg::HOURLY_RATE,
        );
        let weeks_per_year = self.weeks_per_year(value.get("weeks_per_year"), &path.key("weeks_per_year"));
        Some(Settings { baseline_weekly: baseline_weekly?, hourly_rate: hourly_rate?, weeks_per_year: weeks_per_year? })
    }

    /// A list that may be null or missing (empty), at most `max` long. Returns the items to
    /// check, even when over the limit, so that their own errors are reported too.
    fn list<'v>(
        &mut self,
        value: Option<&'v Value>,
        path: &Path<'_>,
        max: usize,
        message: &'static str,
    ) -> (Option<()>, &'v [Value]) {
        match value {
            None | Some(Value::Null) => (Some(()), &[]),
            Some(Value::Array(items)) if items.len() <= max => (Some(()), items),
            Some(Value::Array(items)) => {
                self.error(path, message);
                (None, items)
            }
            Some(_) => {
                self.error(path, message);
                (None, &[])
            }
        }
    }

    /// The goals. `reablement_weeks` is the scenario's, as read: `None` when it is itself
    /// wrong (so weeks achieved are not compared with it), `Some(None)` when missing.
    pub(super) fn goals(&mut self, value: Option<&Value>, reablement_weeks: Option<Option<u32>>) -> Option<Vec<Goal>> {
        let root = Path::Root;
        let goals_path = root.key("goals");
        let (mut ok, items) = self.list(value, &goals_path, MAX_GOALS, msg::GOALS);
        let mut goals = Vec::with_capacity(items.len());
        // A set, so 100,000 goals take 100,000 look-ups, not 5 × 10⁹ comparisons.
        let mut seen: HashSet<&str> = HashSet::with_capacity(items.len());
        let mut any_week_given = false;
        for (i, item) in items.iter().enumerate() {
            let path = goals_path.index(i);
            if !matches!(item, Value::Object(_)) {
                self.error(path, msg::GOAL);
                ok = None;
                continue;
            }
            self.unknown_fields(item, &path, &["id", "description", "outcome", "status", "achieved_week"]);
            let mut id = self.required_text(item.get("id"), &path.key("id"), MAX_GOAL_ID_CHARS, msg::GOAL_ID);
            if let Some(this) = item.get("id").and_then(Value::as_str) {
                if !seen.insert(this) && id.is_some() {
                    self.error(path.key("id"), msg::GOAL_ID);
                    id = None;
                }
            }
            let description = self.required_text(
                item.get("description"),
                &path.key("description"),
                MAX_GOAL_DESCRIPTION_CHARS,
                msg::GOAL_DESCRIPTION,
            );
            let outcome =
                self.code(item.get("outcome"), &path.key("outcome"), OutcomeArea::from_code, msg::GOAL_OUTCOME);
            let status = self.code(item.get("status"), &path.key("status"), GoalStatus::from_code, msg::GOAL_STATUS);
            let week_path = path.key("achieved_week");
            let week_value = item.get("achieved_week");
            let week = self.optional_whole(week_value, &week_path, 1, MAX_REABLEMENT_WEEKS, msg::ACHIEVED_WEEK);
            // A wrong week counts as no week for "Enter how many weeks" (contract 1.2).
            any_week_given |= matches!(week, Some(Some(_)));
            let achieved_week = match week {
                // A week on a goal whose status is itself wrong: only the status's error.
                Some(Some(_)) if status.is_none() => None,
                Some(Some(_)) if status != Some(GoalStatus::Achieved) => {
                    self.error(week_path, msg::ACHIEVED_WEEK_NOT_ACHIEVED);
                    None
                }
                Some(Some(week)) if matches!(reablement_weeks, Some(Some(weeks)) if week > weeks) => {
                    self.error(week_path, msg::ACHIEVED_WEEK_LATE);
                    None
                }
                read => read,
            };
            match (id, description, outcome, status, achieved_week) {
                (Some(id), Some(description), Some(outcome), Some(status), Some(achieved_week)) => {
                    goals.push(Goal { id, description, outcome, status, achieved_week })
                }
                _ => ok = None,
            }
        }
        // Weeks achieved without the number of weeks: reported once, where the weeks belong.
        if any_week_given && reablement_weeks == Some(None) {
            self.error("reablement_weeks", msg::REABLEMENT_WEEKS_NEEDED);
            ok = None;
        }
        ok.map(|_| goals)
    }

    fn code<T>(
        &mut self,
        value: Option<&Value>,
        path: &Path<'_>,
        parse: fn(&str) -> Option<T>,
        message: &'static str,
    ) -> Option<T> {
        let parsed = value.and_then(Value::as_str).and_then(parse);
        if parsed.is_none() {
            self.error(path, message);
        }
        parsed
    }

    /// A package at `path` (`before` or `after`). `known_ids` is `None` when the goals list
    /// itself is unreadable, so links to goals cannot be checked.
    pub(super) fn package(
        &mut self,
        value: &Value,
        path: &Path<'_>,
        known_ids: Option<&HashSet<&str>>,
    ) -> Option<Package> {
        self.unknown_fields(value, path, &["visits", "other_costs"]);
        let visits_path = path.key("visits");
        let (mut ok, items) = self.list(value.get("visits"), &visits_path, MAX_VISITS, msg::VISITS);
        let mut visits = Vec::with_capacity(items.len());
        for (i, item) in items.iter().enumerate() {
            match self.visit(item, &visits_path.index(i), known_ids) {
                Some(visit) => visits.push(visit),
                None => ok = None,
            }
        }
        let costs_path = path.key("other_costs");
        let (costs_ok, items) = self.list(value.get("other_costs"), &costs_path, MAX_OTHER_COSTS, msg::OTHER_COSTS);
        ok = ok.and(costs_ok);
        let mut other_costs = Vec::with_capacity(items.len());
        for (i, item) in items.iter().enumerate() {
            let path = costs_path.index(i);
            if !matches!(item, Value::Object(_)) {
                self.error(path, msg::WEEKLY);
                ok = None;
                continue;
            }
            self.unknown_fields(item, &path, &["label", "weekly"]);
            let label =
                self.optional_text(item.get("label"), &path.key("label"), MAX_LABEL_CHARS, msg::OTHER_COST_LABEL);
            let weekly = self.money(item.get("weekly"), &path.key("weekly"), 0, MAX_WEEKLY_COST.0, msg::WEEKLY);
            match (label, weekly) {
                (Some(label), Some(weekly)) => other_costs.push(OtherCost { label, weekly }),
                _ => ok = None,
            }
        }
        ok.map(|_| Package { visits, other_costs })
    }

    fn visit(&mut self, value: &Value, path: &Path<'_>, known_ids: Option<&HashSet<&str>>) -> Option<Visit> {
        if !matches!(value, Value::Object(_)) {
            self.error(path, msg::VISIT);
            return None;
        }
        self.unknown_fields(value, path, &["label", "minutes", "carers", "days_per_week", "hourly_rate", "goals"]);
        let label = self.optional_text(value.get("label"), &path.key("label"), MAX_LABEL_CHARS, msg::VISIT_LABEL);
        let minutes = self.whole(value.get("minutes"), &path.key("minutes"), 1, MAX_VISIT_MINUTES, msg::MINUTES);
        let carers = self.whole(value.get("carers"), &path.key("carers"), 1, MAX_CARERS, msg::CARERS);
        let days_per_week =
            self.whole(value.get("days_per_week"), &path.key("days_per_week"), 1, MAX_DAYS_PER_WEEK, msg::DAYS);
        let hourly_rate = self.optional_money(
            value.get("hourly_rate"),
            &path.key("hourly_rate"),
            MIN_HOURLY_RATE.0,
            MAX_HOURLY_RATE.0,
            msg::HOURLY_RATE,
        );
        let goals_path = path.key("goals");
        let goals = match value.get("goals") {
            None | Some(Value::Null) => Some(Vec::new()),
            Some(Value::Array(items)) => {
                let mut ids = Some(Vec::with_capacity(items.len()));
                for (i, item) in items.iter().enumerate() {
                    let exists = match (item.as_str(), known_ids) {
                        (Some(id), Some(known)) => known.contains(id),
                        (Some(_), None) => true, // the goals list is already reported
                        (None, _) => false,
                    };
                    if exists {
                        if let (Some(ids), Some(id)) = (ids.as_mut(), item.as_str()) {
                            ids.push(id.to_string());
                        }
                    } else {
                        self.error(goals_path.index(i), msg::VISIT_GOAL);
                        ids = None;
                    }
                }
                ids
            }
            Some(_) => {
                self.error(goals_path, msg::VISIT_GOAL);
                None
            }
        };
        Some(Visit {
            label: label?,
            minutes: minutes?,
            carers: carers?,
            days_per_week: days_per_week?,
            hourly_rate: hourly_rate?,
            goals: goals?,
        })
    }
}
