//! Many people at once, for trainers and service managers: means before and after, the
//! share with no ongoing care, and the yearly effect against the baseline by Little's law.
//!
//! - [`csv`]: the CSV reader for cohort rows, which keeps the good rows when some are bad;
//!   [`headings`] finds its delimiter and columns from the heading line.
//! - [`chunked`]: the same reader a piece at a time, for a page reading a large file.
//! - [`bands`]: the bands of weekly cost that the whole-service histogram counts.
//!
//! The fast reader of cohort JSON is `json::cohort_fast`.

pub mod bands;
pub mod chunked;
pub mod csv;
pub mod headings;
pub mod over_time;

pub use self::chunked::ChunkedCsv;
pub use self::csv::{
    lines_with_problems, read_cohort_csv, read_cohort_csv_with, records_at, Columns, CsvNote, CsvProblem, CsvRows,
    NoteKind,
};
pub use self::headings::{Column, Delimiter};
pub use self::over_time::{Day, OverTime, Period};

use super::json::{self, Value};
use super::money::{div_round, parse_plain_decimal, percent_one_place, Pence};
use super::scenario::{msg as scenario_msg, Checker, FieldMessage, Path, DEFAULT_BASELINE, DEFAULT_WEEKS_PER_YEAR};

pub const MAX_ROWS: usize = crate::calc::limits::MAX_COHORT_ROWS;
pub const DEFAULT_PEOPLE_PER_WEEK_HUNDREDTHS: i64 = 5800;
pub const DEFAULT_PACKAGE_WEEKS: u32 = 52;
/// A row amount is money from £0.00 to £100,000.00.
const MAX_ROW_PENCE: i64 = 10_000_000;

pub mod msg {
    pub const ROWS: &str = "Enter 100,000 rows or fewer";
    pub const ROW: &str = "Each row needs a before_weekly and an after_weekly amount";
    pub const INPUT: &str = "Enter the cohort as rows, each with before_weekly and after_weekly";
    pub const PEOPLE_PER_WEEK: &str = "People a week must be a number between 0 and 1,000";
    pub const PACKAGE_WEEKS: &str = "Package length must be a whole number of weeks between 1 and 520";
    pub const BEFORE: &str = "Before must be an amount in pounds, like 38.13";
    pub const AFTER: &str = "After must be an amount in pounds, like 29.98";
    pub const CSV_TOTAL_LINE: &str = "looks like a total row and was left out";
    pub const CSV_ENDED: &str = "End date must be a date, like 24/09/2019";
    pub const CSV_UNREADABLE: &str = "This line could not be read as CSV text";
    pub const CSV_CHOSEN: &str = "Choose a different column of the file for each of reference, before and after";
    pub const CSV_EMPTY: &str =
        "The file is empty: it needs the headings reference,before_weekly,after_weekly and one line per person";

    /// A line with `found` cells under `headings` headings.
    pub fn csv_cells(headings: usize, found: usize) -> String {
        format!(
            "Each line needs one value under each heading: this line has {found} value{} for {headings} heading{}",
            if found == 1 { "" } else { "s" },
            if headings == 1 { "" } else { "s" }
        )
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CohortRow {
    pub reference: String,
    pub before_weekly: Pence,
    pub after_weekly: Pence,
    /// The day reablement ended (contract 1.2), if the row has one.
    pub ended: Option<Day>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Cohort {
    pub rows: Vec<CohortRow>,
    pub baseline_weekly: Pence,
    /// People starting reablement a week, in hundredths (77.25 → 7725).
    pub people_per_week_hundredths: i64,
    /// How many weeks an ongoing package lasts on average.
    pub package_weeks: u32,
    pub weeks_per_year: u32,
    /// Weeks or months for the service over time (contract 1.2).
    pub period: Period,
    /// The volume chart's target, people a week in hundredths.
    pub target_per_week_hundredths: Option<i64>,
}

impl Cohort {
    pub fn with_defaults(rows: Vec<CohortRow>) -> Cohort {
        Cohort {
            rows,
            baseline_weekly: DEFAULT_BASELINE,
            people_per_week_hundredths: DEFAULT_PEOPLE_PER_WEEK_HUNDREDTHS,
            package_weeks: DEFAULT_PACKAGE_WEEKS,
            weeks_per_year: DEFAULT_WEEKS_PER_YEAR,
            period: Period::Week,
            target_per_week_hundredths: None,
        }
    }

    /// Reads a cohort from JSON text. When every row is a flat object of valid `reference`,
    /// `before_weekly` and `after_weekly` (as the JS API is given them), the rows are read
    /// straight from the text, with no value tree: at 100,000 rows that tree was most of the
    /// time. Anything else (an error, an unknown or repeated field, an escape) hands the
    /// whole text to [`Cohort::from_json`], which reports every error with its path. So both
    /// readers give one answer by construction, and a test checks they agree.
    pub fn from_json_text(text: &str) -> Result<Cohort, Vec<FieldMessage>> {
        if let Some(cohort) = json::cohort_fast::read_flat(text) {
            return Ok(cohort);
        }
        match json::parse(text) {
            Ok(value) => Cohort::from_json(value),
            Err(_) => Err(vec![FieldMessage::new("", msg::INPUT)]),
        }
    }

    /// Reads and validates a cohort; all or nothing, with every bad row's error. Takes the
    /// value, so each row's reference moves into the cohort rather than being copied.
    pub fn from_json(mut value: Value) -> Result<Cohort, Vec<FieldMessage>> {
        if !matches!(value, Value::Object(_)) {
            return Err(vec![FieldMessage::new("", msg::INPUT)]);
        }
        let mut rows_value = match &mut value {
            Value::Object(fields) => {
                fields.iter_mut().rev().find(|(k, _)| k == "rows").map(|(_, v)| std::mem::replace(v, Value::Null))
            }
            _ => None,
        };
        let value = &value;
        let root = Path::Root;
        let mut check = Checker::default();
        check.unknown_fields(value, &root, &COHORT_FIELDS);
        let rows = match rows_value.as_mut() {
            None | Some(Value::Null) => Some(Vec::new()),
            Some(Value::Array(items)) => {
                if items.len() > MAX_ROWS {
                    check.error("rows", msg::ROWS);
                }
                let mut rows = Some(Vec::with_capacity(items.len().min(MAX_ROWS)));
                for (i, item) in items.iter_mut().enumerate() {
                    match row(&mut check, item, i) {
                        Some(row) => {
                            if let Some(rows) = rows.as_mut() {
                                rows.push(row)
                            }
                        }
                        None => rows = None,
                    }
                }
                rows.filter(|_| items.len() <= MAX_ROWS)
            }
            Some(_) => {
                check.error("rows", msg::ROWS);
                None
            }
        };
        let baseline_weekly = check.baseline_weekly(value.get("baseline_weekly"), &root.key("baseline_weekly"));
        let people_per_week_hundredths = match value.get("people_per_week") {
            None | Some(Value::Null) => Some(DEFAULT_PEOPLE_PER_WEEK_HUNDREDTHS),
            Some(v) => match people_per_week(v) {
                Some(n) if (0..=crate::calc::limits::MAX_PEOPLE_PER_WEEK_HUNDREDTHS).contains(&n) => Some(n),
                _ => {
                    check.error("people_per_week", msg::PEOPLE_PER_WEEK);
                    None
                }
            },
        };
        let package_weeks = check.whole_or(
            value.get("package_weeks"),
            &root.key("package_weeks"),
            1,
            crate::calc::limits::MAX_PACKAGE_WEEKS,
            DEFAULT_PACKAGE_WEEKS,
            msg::PACKAGE_WEEKS,
        );
        let weeks_per_year = check.weeks_per_year(value.get("weeks_per_year"), &root.key("weeks_per_year"));
        let period = match value.get("period") {
            None | Some(Value::Null) => Some(Period::Week),
            Some(Value::String(s)) if Period::parse(s).is_some() => Period::parse(s),
            Some(_) => {
                check.error("period", over_time::msg::PERIOD);
                None
            }
        };
        let target_per_week_hundredths = match value.get("target_per_week") {
            None | Some(Value::Null) => Some(None),
            Some(v) => match people_per_week(v) {
                Some(n) if (0..=crate::calc::limits::MAX_PEOPLE_PER_WEEK_HUNDREDTHS).contains(&n) => Some(Some(n)),
                _ => {
                    check.error("target_per_week", over_time::msg::TARGET);
                    None
                }
            },
        };
        // The span is checked only when every date is right (contract 1.2).
        if let (true, Some(rows), Some(period)) = (check.errors.is_empty(), rows.as_deref(), period) {
            if let Some(message) = over_time::span_error(rows, period) {
                check.error("period", message);
            }
        }
        match (
            check.errors.is_empty(),
            rows,
            baseline_weekly,
            people_per_week_hundredths,
            package_weeks,
            weeks_per_year,
            period,
            target_per_week_hundredths,
        ) {
            (
                true,
                Some(rows),
                Some(baseline_weekly),
                Some(people_per_week_hundredths),
                Some(package_weeks),
                Some(weeks_per_year),
                Some(period),
                Some(target_per_week_hundredths),
            ) => Ok(Cohort {
                rows,
                baseline_weekly,
                people_per_week_hundredths,
                package_weeks,
                weeks_per_year,
                period,
                target_per_week_hundredths,
            }),
            _ => Err(check.errors),
        }
    }
}

/// A row's fields.
pub(crate) const ROW_FIELDS: [&str; 4] = ["reference", "before_weekly", "after_weekly", "ended"];

/// The cohort's fields: its rows, then its settings.
pub(crate) const COHORT_FIELDS: [&str; 7] =
    ["rows", "baseline_weekly", "people_per_week", "package_weeks", "weeks_per_year", "period", "target_per_week"];

/// A row amount is money from £0.00 to £100,000.00.
pub(crate) fn row_amount(pence: Option<Pence>) -> Option<Pence> {
    pence.filter(|p| (0..=MAX_ROW_PENCE).contains(&p.0))
}

/// One row. Paths are only written for errors: a good row costs no formatting, which matters
/// at 100,000 rows.
fn row(check: &mut Checker, item: &mut Value, i: usize) -> Option<CohortRow> {
    let reference = match item {
        Value::Object(fields) => {
            fields.iter_mut().rev().find(|(k, _)| k == "reference").map(|(_, v)| std::mem::replace(v, Value::Null))
        }
        _ => None,
    };
    let item = &*item;
    let root = Path::Root;
    let rows = root.key("rows");
    let path = rows.index(i);
    let Value::Object(fields) = item else {
        check.error(path, msg::ROW);
        return None;
    };
    if fields.iter().any(|(k, _)| !ROW_FIELDS.contains(&k.as_ref())) {
        check.unknown_fields(item, &path, &ROW_FIELDS);
    }
    let reference = match reference {
        None | Some(Value::Null) => Some(String::new()),
        Some(Value::String(s)) if s.chars().count() <= 100 => Some(s),
        Some(_) => {
            check.error(path.key("reference"), scenario_msg::REFERENCE);
            None
        }
    };
    let mut amount = |field: &'static str, message: &'static str| {
        let pence = row_amount(item.get(field).and_then(Pence::from_json));
        if pence.is_none() {
            check.error(path.key(field), message);
        }
        pence
    };
    let before = amount("before_weekly", msg::BEFORE);
    let after = amount("after_weekly", msg::AFTER);
    let ended = match item.get("ended") {
        None | Some(Value::Null) => Some(None),
        Some(Value::String(s)) if Day::parse_iso(s).is_some() => Some(Day::parse_iso(s)),
        Some(_) => {
            check.error(path.key("ended"), over_time::msg::ENDED);
            None
        }
    };
    Some(CohortRow { reference: reference?, before_weekly: before?, after_weekly: after?, ended: ended? })
}

/// People a week, in hundredths: a JSON number or text of digits with at most 2 places.
fn people_per_week(value: &Value) -> Option<i64> {
    match value {
        Value::String(s) => parse_plain_decimal(s.trim(), 2),
        Value::Int(_) | Value::Number(_) => value.scaled(2).and_then(|n| i64::try_from(n).ok()),
        _ => None,
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct CohortResult {
    pub count: usize,
    pub mean_before_pence: Option<Pence>,
    pub mean_after_pence: Option<Pence>,
    pub after_vs_baseline_pence: Option<Pence>,
    pub no_ongoing_care_count: usize,
    pub no_ongoing_care_percent: Option<f64>,
    pub annual_effect_pence: Option<Pence>,
    /// Contract 1.2: the service over time, or `None` (JSON `null`) when no row has a date.
    pub over_time: Option<OverTime>,
}

pub fn calculate_cohort(cohort: &Cohort) -> CohortResult {
    let over_time =
        over_time::over_time(&cohort.rows, cohort.period, cohort.baseline_weekly, cohort.target_per_week_hundredths);
    let count = cohort.rows.len();
    let no_ongoing_care_count = cohort.rows.iter().filter(|r| r.after_weekly == Pence::ZERO).count();
    if count == 0 {
        return CohortResult {
            count,
            mean_before_pence: None,
            mean_after_pence: None,
            after_vs_baseline_pence: None,
            no_ongoing_care_count,
            no_ongoing_care_percent: None,
            annual_effect_pence: None,
            over_time,
        };
    }
    let n = count as i128;
    let sum_before: i128 = cohort.rows.iter().map(|r| i128::from(r.before_weekly.0)).sum();
    let sum_after: i128 = cohort.rows.iter().map(|r| i128::from(r.after_weekly.0)).sum();
    let mean_before = div_round(sum_before, n) as i64;
    let mean_after = div_round(sum_after, n) as i64;
    let baseline = cohort.baseline_weekly.0;
    // Little's law: people with an ongoing package at any time = arrivals a week × weeks a
    // package lasts; each costs (baseline − mean after) less a week. One rounding, at the end.
    let annual_effect = div_round(
        i128::from(cohort.people_per_week_hundredths)
            * i128::from(cohort.package_weeks)
            * i128::from(baseline - mean_after)
            * i128::from(cohort.weeks_per_year),
        100,
    ) as i64;
    CohortResult {
        count,
        mean_before_pence: Some(Pence(mean_before)),
        mean_after_pence: Some(Pence(mean_after)),
        after_vs_baseline_pence: Some(Pence(mean_after - baseline)),
        no_ongoing_care_count,
        no_ongoing_care_percent: Some(percent_one_place(no_ongoing_care_count as i128, n)),
        annual_effect_pence: Some(Pence(annual_effect)),
        over_time,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn empty_cohort_has_only_counts() {
        let r = calculate_cohort(&Cohort::with_defaults(vec![]));
        assert_eq!(r.count, 0);
        assert_eq!(r.no_ongoing_care_count, 0);
        assert_eq!((r.mean_before_pence, r.mean_after_pence, r.annual_effect_pence), (None, None, None));
        assert_eq!(r.no_ongoing_care_percent, None);
    }

    #[test]
    fn annual_effect_is_negative_when_mean_after_is_above_baseline() {
        let rows = vec![CohortRow {
            reference: String::new(),
            before_weekly: Pence(10000),
            after_weekly: Pence(4813),
            ended: None,
        }];
        let r = calculate_cohort(&Cohort::with_defaults(rows));
        // 58 people a week × 52 weeks × (3813 − 4813) × 52 weeks a year
        assert_eq!(r.annual_effect_pence, Some(Pence(-58 * 52 * 1000 * 52)));
        assert_eq!(r.after_vs_baseline_pence, Some(Pence(1000)));
    }
}
