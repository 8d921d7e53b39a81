//! The v1 scenario format: defaults, and validation that reports every error at once, each
//! with its JSON path and the contract's message. Parse, don't validate: once a
//! [`Scenario`] exists it is valid, so the calculation never checks its input again.

use super::json::Value;
use super::money::Pence;
use serde::Serialize;
use std::fmt;

pub const FORMAT: &str = "reablement-outcome-scenario";
pub const VERSION: i128 = 1;

pub const DEFAULT_BASELINE: Pence = Pence(3813);
pub const DEFAULT_HOURLY_RATE: Pence = Pence(2410);
pub const DEFAULT_WEEKS_PER_YEAR: u32 = 52;

pub const MAX_GOALS: usize = 30;
pub const MAX_VISITS: usize = 50;
pub const MAX_OTHER_COSTS: usize = 20;
/// Contract 1.1: the longest reablement the week-by-week view covers, and the range of
/// `goals[].achieved_week`.
pub const MAX_REABLEMENT_WEEKS: u32 = 12;

/// The contract's messages, one per rule, so the screens and the core say the same thing.
pub mod msg {
    pub const FORMAT: &str = "This is not a reablement outcome scenario file";
    pub const NEWER: &str = "This file was made by a newer version of the calculator";
    pub const REFERENCE: &str = "Reference must be 100 characters or fewer";
    pub const BASELINE: &str = "Baseline must be an amount in pounds, like 38.13";
    pub const HOURLY_RATE: &str = "Hourly rate must be between £0.01 and £999.99";
    pub const WEEKS_PER_YEAR: &str = "Weeks in a year must be a whole number between 1 and 53";
    pub const SETTINGS: &str = "Settings must be a group of named values: baseline_weekly, hourly_rate, weeks_per_year";
    pub const GOALS: &str = "Enter 30 goals or fewer";
    pub const GOAL: &str = "Each goal needs an id, what the person wants to be able to do, an outcome and a status";
    pub const GOAL_ID: &str = "Each goal needs its own short id";
    pub const GOAL_DESCRIPTION: &str = "Enter what the person wants to be able to do";
    pub const GOAL_OUTCOME: &str = "Choose which outcome this goal is about";
    pub const GOAL_STATUS: &str = "Choose the goal's status";
    pub const BEFORE: &str = "Enter the care package before reablement";
    pub const AFTER: &str =
        "The package after reablement must be a care package, or empty to work it out from the goals";
    pub const VISITS: &str = "Enter 50 visits or fewer";
    pub const VISIT: &str = "Each visit needs its length in minutes, number of carers and days a week";
    pub const VISIT_LABEL: &str = "Visit name must be 80 characters or fewer";
    pub const MINUTES: &str = "Visit length must be a whole number of minutes between 1 and 720";
    pub const CARERS: &str = "Number of carers must be between 1 and 4";
    pub const DAYS: &str = "Days a week must be between 1 and 7";
    pub const VISIT_GOAL: &str = "This visit refers to a goal that does not exist";
    pub const OTHER_COSTS: &str = "Enter 20 other costs or fewer";
    pub const OTHER_COST_LABEL: &str = "Cost name must be 80 characters or fewer";
    pub const WEEKLY: &str = "Weekly cost must be an amount in pounds, like 4.50";
    pub const REABLEMENT_COST: &str = "Reablement cost must be an amount in pounds, like 1850.00";
    pub const REABLEMENT_WEEKS: &str = "Weeks of reablement must be a whole number between 1 and 12";
    pub const REABLEMENT_WEEKS_NEEDED: &str = "Enter how many weeks reablement lasted";
    pub const ACHIEVED_WEEK: &str = "Week achieved must be a whole number between 1 and 12";
    pub const ACHIEVED_WEEK_NOT_ACHIEVED: &str = "Only an achieved goal can have a week it was achieved in";
    pub const ACHIEVED_WEEK_LATE: &str = "Week achieved must be within the weeks of reablement";

    pub fn unknown_field(name: &str) -> String {
        format!("Unknown field '{name}'")
    }
}

/// An error or a warning: where (a JSON path such as `before.visits[2].minutes`) and what.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
pub struct FieldMessage {
    pub path: String,
    pub message: String,
}

impl FieldMessage {
    pub fn new(path: impl Into<String>, message: impl Into<String>) -> Self {
        FieldMessage { path: path.into(), message: message.into() }
    }
}

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

impl fmt::Display for Path<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Path::Root => Ok(()),
            Path::Key(Path::Root, key) => f.write_str(key),
            Path::Key(parent, key) => write!(f, "{parent}.{key}"),
            Path::Index(parent, index) => write!(f, "{parent}[{index}]"),
        }
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

/// The Care Act 2014 eligibility outcomes, plus `Other`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum OutcomeArea {
    Nutrition,
    PersonalHygiene,
    ToiletNeeds,
    Clothing,
    HomeSafety,
    HabitableHome,
    Relationships,
    WorkEducationVolunteering,
    CommunityServices,
    CaringForChild,
    Other,
}

impl OutcomeArea {
    pub const ALL: [OutcomeArea; 11] = [
        OutcomeArea::Nutrition,
        OutcomeArea::PersonalHygiene,
        OutcomeArea::ToiletNeeds,
        OutcomeArea::Clothing,
        OutcomeArea::HomeSafety,
        OutcomeArea::HabitableHome,
        OutcomeArea::Relationships,
        OutcomeArea::WorkEducationVolunteering,
        OutcomeArea::CommunityServices,
        OutcomeArea::CaringForChild,
        OutcomeArea::Other,
    ];

    pub fn code(self) -> &'static str {
        match self {
            OutcomeArea::Nutrition => "nutrition",
            OutcomeArea::PersonalHygiene => "personal_hygiene",
            OutcomeArea::ToiletNeeds => "toilet_needs",
            OutcomeArea::Clothing => "clothing",
            OutcomeArea::HomeSafety => "home_safety",
            OutcomeArea::HabitableHome => "habitable_home",
            OutcomeArea::Relationships => "relationships",
            OutcomeArea::WorkEducationVolunteering => "work_education_volunteering",
            OutcomeArea::CommunityServices => "community_services",
            OutcomeArea::CaringForChild => "caring_for_child",
            OutcomeArea::Other => "other",
        }
    }

    /// The outcome in plain words, as the Care Act eligibility regulations put it.
    pub fn plain_words(self) -> &'static str {
        match self {
            OutcomeArea::Nutrition => "Managing and maintaining nutrition",
            OutcomeArea::PersonalHygiene => "Maintaining personal hygiene",
            OutcomeArea::ToiletNeeds => "Managing toilet needs",
            OutcomeArea::Clothing => "Being appropriately clothed",
            OutcomeArea::HomeSafety => "Being able to make use of the home safely",
            OutcomeArea::HabitableHome => "Maintaining a habitable home environment",
            OutcomeArea::Relationships => "Developing and maintaining family or other personal relationships",
            OutcomeArea::WorkEducationVolunteering => {
                "Accessing and engaging in work, training, education or volunteering"
            }
            OutcomeArea::CommunityServices => "Making use of necessary facilities or services in the local community",
            OutcomeArea::CaringForChild => "Carrying out any caring responsibilities for a child",
            OutcomeArea::Other => "Something else",
        }
    }

    pub fn from_code(code: &str) -> Option<OutcomeArea> {
        OutcomeArea::ALL.into_iter().find(|o| o.code() == code)
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum GoalStatus {
    NotStarted,
    InProgress,
    Achieved,
    NotAchieved,
}

impl GoalStatus {
    pub const ALL: [GoalStatus; 4] =
        [GoalStatus::NotStarted, GoalStatus::InProgress, GoalStatus::Achieved, GoalStatus::NotAchieved];

    pub fn code(self) -> &'static str {
        match self {
            GoalStatus::NotStarted => "not_started",
            GoalStatus::InProgress => "in_progress",
            GoalStatus::Achieved => "achieved",
            GoalStatus::NotAchieved => "not_achieved",
        }
    }

    pub fn plain_words(self) -> &'static str {
        match self {
            GoalStatus::NotStarted => "Not started",
            GoalStatus::InProgress => "In progress",
            GoalStatus::Achieved => "Achieved",
            GoalStatus::NotAchieved => "Not achieved",
        }
    }

    pub fn from_code(code: &str) -> Option<GoalStatus> {
        GoalStatus::ALL.into_iter().find(|s| s.code() == code)
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
        let known_ids: Option<Vec<&str>> = match value.get("goals") {
            Some(Value::Array(items)) => {
                Some(items.iter().filter_map(|g| g.get("id").and_then(Value::as_str)).collect())
            }
            Some(Value::Null) | None => Some(Vec::new()),
            Some(_) => None,
        };
        let before = match value.get("before") {
            None | Some(Value::Null) => {
                check.error("before", msg::BEFORE);
                None
            }
            Some(v @ Value::Object(_)) => check.package(v, &root.key("before"), known_ids.as_deref()),
            Some(_) => {
                check.error("before", msg::BEFORE);
                None
            }
        };
        let after = match value.get("after") {
            None | Some(Value::Null) => Some(None),
            Some(v @ Value::Object(_)) => check.package(v, &root.key("after"), known_ids.as_deref()).map(Some),
            Some(_) => {
                check.error("after", msg::AFTER);
                None
            }
        };
        let reablement_cost = check.optional_money(
            value.get("reablement_cost"),
            &root.key("reablement_cost"),
            0,
            10_000_000,
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

/// A whole number given as a JSON number (`7` or `7.0`), never as text.
pub fn whole_number(value: &Value) -> Option<i128> {
    value.scaled(0)
}

/// Collects errors while reading; each reader returns `None` when its part is invalid.
#[derive(Default)]
pub(crate) struct Checker {
    pub errors: Vec<FieldMessage>,
}

impl Checker {
    pub fn error(&mut self, path: impl fmt::Display, message: impl Into<String>) {
        self.errors.push(FieldMessage::new(path.to_string(), message));
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
        message: &str,
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
    fn required_text(&mut self, value: Option<&Value>, path: &Path<'_>, max: usize, message: &str) -> Option<String> {
        match value {
            Some(Value::String(s)) if (1..=max).contains(&s.chars().count()) => Some(s.clone()),
            _ => {
                self.error(path, message);
                None
            }
        }
    }

    pub fn reference(&mut self, value: Option<&Value>, path: &Path<'_>) -> Option<String> {
        self.optional_text(value, path, 100, msg::REFERENCE)
    }

    /// A required whole number in `min..=max`.
    pub fn whole(&mut self, value: Option<&Value>, path: &Path<'_>, min: u32, max: u32, message: &str) -> Option<u32> {
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
        message: &str,
    ) -> Option<Option<u32>> {
        match value {
            None | Some(Value::Null) => Some(None),
            Some(v) => self.whole(Some(v), path, min, max, message).map(Some),
        }
    }

    /// A whole number in `min..=max`, or `default` when null or missing.
    pub fn whole_or(
        &mut self,
        value: Option<&Value>,
        path: &Path<'_>,
        min: u32,
        max: u32,
        default: u32,
        message: &str,
    ) -> Option<u32> {
        match value {
            None | Some(Value::Null) => Some(default),
            Some(v) => self.whole(Some(v), path, min, max, message),
        }
    }

    /// Required money within `min..=max` pence.
    pub fn money(
        &mut self,
        value: Option<&Value>,
        path: &Path<'_>,
        min: i64,
        max: i64,
        message: &str,
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
        message: &str,
    ) -> Option<Option<Pence>> {
        match value {
            None | Some(Value::Null) => Some(None),
            Some(v) => self.money(Some(v), path, min, max, message).map(Some),
        }
    }

    /// Money within `min..=max` pence, or `default` when null or missing.
    pub fn money_or(
        &mut self,
        value: Option<&Value>,
        path: &Path<'_>,
        min: i64,
        max: i64,
        default: Pence,
        message: &str,
    ) -> Option<Pence> {
        self.optional_money(value, path, min, max, message).map(|p| p.unwrap_or(default))
    }

    /// The baseline a week: money from £0.00 to £10,000.00, default £38.13 (scenario and cohort).
    pub fn baseline_weekly(&mut self, value: Option<&Value>, path: &Path<'_>) -> Option<Pence> {
        self.money_or(value, path, 0, 1_000_000, DEFAULT_BASELINE, msg::BASELINE)
    }

    /// Weeks in a year: a whole number from 1 to 53, default 52 (scenario and cohort).
    pub fn weeks_per_year(&mut self, value: Option<&Value>, path: &Path<'_>) -> Option<u32> {
        self.whole_or(value, path, 1, 53, DEFAULT_WEEKS_PER_YEAR, msg::WEEKS_PER_YEAR)
    }

    fn settings(&mut self, value: Option<&Value>) -> Option<Settings> {
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
            1,
            99_999,
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
        message: &str,
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
    fn goals(&mut self, value: Option<&Value>, reablement_weeks: Option<Option<u32>>) -> Option<Vec<Goal>> {
        let root = Path::Root;
        let goals_path = root.key("goals");
        let (mut ok, items) = self.list(value, &goals_path, MAX_GOALS, msg::GOALS);
        let mut goals = Vec::with_capacity(items.len());
        let mut seen: Vec<&str> = Vec::with_capacity(items.len());
        let mut any_week_given = false;
        for (i, item) in items.iter().enumerate() {
            let path = goals_path.index(i);
            if !matches!(item, Value::Object(_)) {
                self.error(path, msg::GOAL);
                ok = None;
                continue;
            }
            self.unknown_fields(item, &path, &["id", "description", "outcome", "status", "achieved_week"]);
            let mut id = self.required_text(item.get("id"), &path.key("id"), 20, msg::GOAL_ID);
            if let Some(this) = item.get("id").and_then(Value::as_str) {
                if seen.contains(&this) && id.is_some() {
                    self.error(path.key("id"), msg::GOAL_ID);
                    id = None;
                }
                seen.push(this);
            }
            let description =
                self.required_text(item.get("description"), &path.key("description"), 200, msg::GOAL_DESCRIPTION);
            let outcome =
                self.code(item.get("outcome"), &path.key("outcome"), OutcomeArea::from_code, msg::GOAL_OUTCOME);
            let status = self.code(item.get("status"), &path.key("status"), GoalStatus::from_code, msg::GOAL_STATUS);
            let week_path = path.key("achieved_week");
            let week_value = item.get("achieved_week");
            any_week_given |= week_value.is_some_and(|v| !v.is_null());
            let achieved_week =
                match self.optional_whole(week_value, &week_path, 1, MAX_REABLEMENT_WEEKS, msg::ACHIEVED_WEEK) {
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
        message: &str,
    ) -> Option<T> {
        let parsed = value.and_then(Value::as_str).and_then(parse);
        if parsed.is_none() {
            self.error(path, message);
        }
        parsed
    }

    /// A package at `path` (`before` or `after`). `known_ids` is `None` when the goals list
    /// itself is unreadable, so links to goals cannot be checked.
    fn package(&mut self, value: &Value, path: &Path<'_>, known_ids: Option<&[&str]>) -> Option<Package> {
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
            let label = self.optional_text(item.get("label"), &path.key("label"), 80, msg::OTHER_COST_LABEL);
            let weekly = self.money(item.get("weekly"), &path.key("weekly"), 0, 1_000_000, msg::WEEKLY);
            match (label, weekly) {
                (Some(label), Some(weekly)) => other_costs.push(OtherCost { label, weekly }),
                _ => ok = None,
            }
        }
        ok.map(|_| Package { visits, other_costs })
    }

    fn visit(&mut self, value: &Value, path: &Path<'_>, known_ids: Option<&[&str]>) -> Option<Visit> {
        if !matches!(value, Value::Object(_)) {
            self.error(path, msg::VISIT);
            return None;
        }
        self.unknown_fields(value, path, &["label", "minutes", "carers", "days_per_week", "hourly_rate", "goals"]);
        let label = self.optional_text(value.get("label"), &path.key("label"), 80, msg::VISIT_LABEL);
        let minutes = self.whole(value.get("minutes"), &path.key("minutes"), 1, 720, msg::MINUTES);
        let carers = self.whole(value.get("carers"), &path.key("carers"), 1, 4, msg::CARERS);
        let days_per_week = self.whole(value.get("days_per_week"), &path.key("days_per_week"), 1, 7, msg::DAYS);
        let hourly_rate =
            self.optional_money(value.get("hourly_rate"), &path.key("hourly_rate"), 1, 99_999, msg::HOURLY_RATE);
        let goals_path = path.key("goals");
        let goals = match value.get("goals") {
            None | Some(Value::Null) => Some(Vec::new()),
            Some(Value::Array(items)) => {
                let mut ids = Some(Vec::with_capacity(items.len()));
                for (i, item) in items.iter().enumerate() {
                    let exists = match (item.as_str(), known_ids) {
                        (Some(id), Some(known)) => known.contains(&id),
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
