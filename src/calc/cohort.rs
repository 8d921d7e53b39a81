//! Many people at once, for trainers and service managers: means before and after, the
//! share with no ongoing care, and the yearly effect against the baseline by Little's law.
//! Also the CSV reader for cohort rows, which keeps the good rows when some are bad.

use super::json::{self, Key, Parser, Scalar, Value};
use super::money::{div_round, parse_plain_decimal, percent_one_place, Pence};
use super::scenario::{msg as scenario_msg, Checker, FieldMessage, Path, DEFAULT_BASELINE, DEFAULT_WEEKS_PER_YEAR};
use serde::Serialize;

pub const MAX_ROWS: usize = 100_000;
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
    pub const CSV_HEADER: &str = "The first line must be the headings reference,before_weekly,after_weekly";
    pub const CSV_FIELDS: &str =
        "Each line needs one value under each heading, starting with reference, before_weekly and after_weekly";
    pub const CSV_EMPTY: &str =
        "The file is empty: it needs the headings reference,before_weekly,after_weekly and one line per person";
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CohortRow {
    pub reference: String,
    pub before_weekly: Pence,
    pub after_weekly: Pence,
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
}

impl Cohort {
    pub fn with_defaults(rows: Vec<CohortRow>) -> Cohort {
        Cohort {
            rows,
            baseline_weekly: DEFAULT_BASELINE,
            people_per_week_hundredths: DEFAULT_PEOPLE_PER_WEEK_HUNDREDTHS,
            package_weeks: DEFAULT_PACKAGE_WEEKS,
            weeks_per_year: DEFAULT_WEEKS_PER_YEAR,
        }
    }

    /// Reads a cohort from JSON text. When every row is a flat object of valid `reference`,
    /// `before_weekly` and `after_weekly` (as the JS API is given them), the rows are read
    /// straight from the text, with no value tree: at 100,000 rows that tree was most of the
    /// time. Anything else (an error, an unknown or repeated field, an escape) hands the
    /// whole text to [`Cohort::from_json`], which reports every error with its path. So both
    /// readers give one answer by construction, and a test checks they agree.
    pub fn from_json_text(text: &str) -> Result<Cohort, Vec<FieldMessage>> {
        if let Some(cohort) = read_flat(text) {
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
                Some(n) if (0..=100_000).contains(&n) => Some(n),
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
            520,
            DEFAULT_PACKAGE_WEEKS,
            msg::PACKAGE_WEEKS,
        );
        let weeks_per_year = check.weeks_per_year(value.get("weeks_per_year"), &root.key("weeks_per_year"));
        match (
            check.errors.is_empty(),
            rows,
            baseline_weekly,
            people_per_week_hundredths,
            package_weeks,
            weeks_per_year,
        ) {
            (
                true,
                Some(rows),
                Some(baseline_weekly),
                Some(people_per_week_hundredths),
                Some(package_weeks),
                Some(weeks_per_year),
            ) => Ok(Cohort { rows, baseline_weekly, people_per_week_hundredths, package_weeks, weeks_per_year }),
            _ => Err(check.errors),
        }
    }
}

const ROW_FIELDS: [&str; 3] = ["reference", "before_weekly", "after_weekly"];

/// The cohort's fields: its rows, then its settings.
const COHORT_FIELDS: [&str; 5] = ["rows", "baseline_weekly", "people_per_week", "package_weeks", "weeks_per_year"];

/// The fast reader: `None` as soon as anything is not a flat, valid row or a known setting.
/// The settings (a few values) go through [`Cohort::from_json`] as usual.
fn read_flat(text: &str) -> Option<Cohort> {
    let mut p = Parser::new(text);
    if !p.eat(b'{') {
        return None;
    }
    let mut rows = None;
    let mut settings: Vec<(Key, Value)> = Vec::new();
    if !p.eat(b'}') {
        loop {
            let key = p.key()?;
            if key == "rows" {
                if rows.is_some() {
                    return None;
                }
                rows = Some(flat_rows(&mut p)?);
            } else {
                if !COHORT_FIELDS[1..].contains(&key.as_ref()) || settings.iter().any(|(k, _)| *k == key) {
                    return None;
                }
                let value = p.any()?;
                settings.push((key, value));
            }
            if p.eat(b'}') {
                break;
            }
            if !p.eat(b',') {
                return None;
            }
        }
    }
    if !p.at_end() {
        return None;
    }
    let mut cohort = Cohort::from_json(Value::Object(settings)).ok()?;
    cohort.rows = rows.unwrap_or_default();
    Some(cohort)
}

fn flat_rows(p: &mut Parser) -> Option<Vec<CohortRow>> {
    if !p.eat(b'[') {
        return None;
    }
    let mut rows = Vec::new();
    if p.eat(b']') {
        return Some(rows);
    }
    loop {
        if rows.len() == MAX_ROWS {
            return None;
        }
        rows.push(flat_row(p)?);
        if p.eat(b']') {
            return Some(rows);
        }
        if !p.eat(b',') {
            return None;
        }
    }
}

fn flat_row(p: &mut Parser) -> Option<CohortRow> {
    if !p.eat(b'{') {
        return None;
    }
    let mut cells: [Option<Scalar>; 3] = [None; 3];
    if !p.eat(b'}') {
        loop {
            let name = p.field_name()?;
            let field = ROW_FIELDS.iter().position(|f| *f == name)?;
            if cells[field].is_some() {
                return None;
            }
            cells[field] = Some(p.scalar()?);
            if p.eat(b'}') {
                break;
            }
            if !p.eat(b',') {
                return None;
            }
        }
    }
    let reference = match cells[0] {
        None | Some(Scalar::Null) => String::new(),
        Some(Scalar::Text(s)) if s.chars().count() <= 100 => s.to_string(),
        Some(_) => return None,
    };
    Some(CohortRow { reference, before_weekly: flat_amount(cells[1])?, after_weekly: flat_amount(cells[2])? })
}

/// A row's amount as [`Pence::from_json`] reads it, within a row's range.
fn flat_amount(cell: Option<Scalar>) -> Option<Pence> {
    row_amount(match cell? {
        Scalar::Text(text) => Pence::parse(text),
        Scalar::Number(literal) => Pence::from_number_literal(literal),
        Scalar::Null => None,
    })
}

/// A row amount is money from £0.00 to £100,000.00.
fn row_amount(pence: Option<Pence>) -> Option<Pence> {
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
    let Value::Object(fields) = item else {
        check.error(format!("rows[{i}]"), msg::ROW);
        return None;
    };
    if fields.iter().any(|(k, _)| !ROW_FIELDS.contains(&k.as_ref())) {
        let root = Path::Root;
        let rows = root.key("rows");
        check.unknown_fields(item, &rows.index(i), &ROW_FIELDS);
    }
    let reference = match reference {
        None | Some(Value::Null) => Some(String::new()),
        Some(Value::String(s)) if s.chars().count() <= 100 => Some(s),
        Some(_) => {
            check.error(format!("rows[{i}].reference"), scenario_msg::REFERENCE);
            None
        }
    };
    let mut amount = |field: &str, message: &str| {
        let pence = row_amount(item.get(field).and_then(Pence::from_json));
        if pence.is_none() {
            check.error(format!("rows[{i}].{field}"), message);
        }
        pence
    };
    let before = amount("before_weekly", msg::BEFORE);
    let after = amount("after_weekly", msg::AFTER);
    Some(CohortRow { reference: reference?, before_weekly: before?, after_weekly: after? })
}

/// People a week, in hundredths: a JSON number or text of digits with at most 2 places.
fn people_per_week(value: &Value) -> Option<i64> {
    match value {
        Value::String(s) => parse_plain_decimal(s.trim(), 2),
        Value::Int(_) | Value::Number(_) => value.scaled(2).and_then(|n| i64::try_from(n).ok()),
        _ => None,
    }
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct CohortResult {
    pub count: usize,
    pub mean_before_pence: Option<i64>,
    pub mean_after_pence: Option<i64>,
    pub after_vs_baseline_pence: Option<i64>,
    pub no_ongoing_care_count: usize,
    pub no_ongoing_care_percent: Option<f64>,
    pub annual_effect_pence: Option<i64>,
}

pub fn calculate_cohort(cohort: &Cohort) -> CohortResult {
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
        mean_before_pence: Some(mean_before),
        mean_after_pence: Some(mean_after),
        after_vs_baseline_pence: Some(mean_after - baseline),
        no_ongoing_care_count,
        no_ongoing_care_percent: Some(percent_one_place(no_ongoing_care_count as i128, n)),
        annual_effect_pence: Some(annual_effect),
    }
}

/// What the CSV reader found: the good rows, and a `Line N: …` message for each problem.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct CsvRows {
    pub rows: Vec<CohortRow>,
    pub problems: Vec<String>,
}

/// Reads `reference,before_weekly,after_weekly` rows from CSV text (quoted fields, CRLF or
/// LF, an optional UTF-8 byte order mark). Bad rows are reported by line number and skipped;
/// the good ones are kept. Lines with every cell empty (spreadsheet left-overs) are skipped.
/// Further columns after the three are allowed and ignored, so a results file exported by
/// the calculator (those three first) reads as it is.
pub fn read_cohort_csv(text: &str) -> CsvRows {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut out = CsvRows::default();
    let mut reader = csv::ReaderBuilder::new().has_headers(false).flexible(true).from_reader(text.as_bytes());
    let mut record = csv::StringRecord::new();
    let mut header_seen = false;
    let mut columns = 3;
    let mut lines = LineCounter::new(text.as_bytes());
    loop {
        match reader.read_record(&mut record) {
            Ok(false) => break,
            Ok(true) => {}
            Err(e) => {
                let line = lines.line_at(e.position().map_or(0, |p| p.byte()));
                out.problems.push(format!("Line {line}: This line could not be read as CSV text"));
                continue;
            }
        }
        let line = lines.line_at(record.position().map_or(0, |p| p.byte()));
        if record.iter().all(|cell| cell.trim().is_empty()) {
            continue;
        }
        if !header_seen {
            header_seen = true;
            let headings: Vec<&str> = record.iter().map(str::trim).collect();
            if headings.get(..3) != Some(&["reference", "before_weekly", "after_weekly"][..]) {
                out.problems.push(format!("Line {line}: {}", msg::CSV_HEADER));
                return out;
            }
            columns = headings.len();
            continue;
        }
        if record.len() != columns {
            out.problems.push(format!("Line {line}: {}", msg::CSV_FIELDS));
            continue;
        }
        if out.rows.len() == MAX_ROWS {
            out.problems.push(format!("Line {line}: {} — only the first 100,000 rows were read", msg::ROWS));
            break;
        }
        let reference = record[0].trim();
        let before = Pence::parse(&record[1]).filter(|p| (0..=MAX_ROW_PENCE).contains(&p.0));
        let after = Pence::parse(&record[2]).filter(|p| (0..=MAX_ROW_PENCE).contains(&p.0));
        let reference_ok = reference.chars().count() <= 100;
        if !reference_ok {
            out.problems.push(format!("Line {line}: {}", scenario_msg::REFERENCE));
        }
        if before.is_none() {
            out.problems.push(format!("Line {line}: {}", msg::BEFORE));
        }
        if after.is_none() {
            out.problems.push(format!("Line {line}: {}", msg::AFTER));
        }
        if let (true, Some(before_weekly), Some(after_weekly)) = (reference_ok, before, after) {
            out.rows.push(CohortRow { reference: reference.to_string(), before_weekly, after_weekly });
        }
    }
    if !header_seen {
        out.problems.push(format!("Line 1: {}", msg::CSV_EMPTY));
    }
    out
}

/// Line numbers from byte offsets. The csv crate's own line count is one short after a CRLF
/// line ending, and spreadsheets write CRLF, so lines are counted here instead; offsets only
/// grow, so counting is incremental.
struct LineCounter<'t> {
    text: &'t [u8],
    offset: usize,
    line: u64,
}

impl<'t> LineCounter<'t> {
    fn new(text: &'t [u8]) -> Self {
        LineCounter { text, offset: 0, line: 1 }
    }

    /// The line on which the record starting at `byte` begins (a record's reported start may
    /// fall on the line break before it, which is skipped).
    fn line_at(&mut self, byte: u64) -> u64 {
        let mut start = (byte as usize).min(self.text.len());
        while start < self.text.len() && matches!(self.text[start], b'\r' | b'\n') {
            start += 1;
        }
        if start > self.offset {
            self.line += self.text[self.offset..start].iter().filter(|b| **b == b'\n').count() as u64;
            self.offset = start;
        }
        self.line
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_keeps_good_rows_and_reports_bad_ones_by_line() {
        let text = "\u{feff}reference,before_weekly,after_weekly\r\nA-1,295.23,0\r\n\"B-2, flat 3\",\"£1,850.00\",abc\r\nC-3,1.234,10\r\n\r\nD-4,100,29.98\r\n";
        let read = read_cohort_csv(text);
        assert_eq!(read.rows.len(), 2);
        assert_eq!(
            read.rows[0],
            CohortRow { reference: "A-1".into(), before_weekly: Pence(29523), after_weekly: Pence(0) }
        );
        assert_eq!(read.rows[1].after_weekly, Pence(2998));
        assert_eq!(
            read.problems,
            vec![
                "Line 3: After must be an amount in pounds, like 29.98".to_string(),
                "Line 4: Before must be an amount in pounds, like 38.13".to_string(),
            ]
        );
    }

    #[test]
    fn csv_quoted_field_with_newline_counts_lines_from_its_start() {
        let text = "reference,before_weekly,after_weekly\n\"two\nlines\",10,x\nB,1,1\n";
        let read = read_cohort_csv(text);
        assert_eq!(read.problems, vec!["Line 2: After must be an amount in pounds, like 29.98".to_string()]);
        assert_eq!(read.rows.len(), 1);
    }

    #[test]
    fn csv_line_numbers_are_right_with_lf_crlf_and_blank_lines() {
        for ending in ["\n", "\r\n"] {
            let text = ["reference,before_weekly,after_weekly", "A,1,1", "", "B,x,1", "", "", "C,1,y", ""].join(ending);
            let read = read_cohort_csv(&text);
            assert_eq!(
                read.problems,
                vec![format!("Line 4: {}", msg::BEFORE), format!("Line 7: {}", msg::AFTER)],
                "ending {ending:?}"
            );
        }
    }

    #[test]
    fn csv_wrong_headings_are_reported_and_nothing_is_read() {
        let read = read_cohort_csv("ref,before,after\nA,1,1\n");
        assert!(read.rows.is_empty());
        assert_eq!(read.problems, vec![format!("Line 1: {}", msg::CSV_HEADER)]);
        assert_eq!(read_cohort_csv("").problems, vec![format!("Line 1: {}", msg::CSV_EMPTY)]);
    }

    #[test]
    fn csv_wrong_number_of_cells() {
        let read = read_cohort_csv("reference,before_weekly,after_weekly\nA,1\nB,1,1,1\nC,2,0\n");
        assert_eq!(read.rows.len(), 1);
        assert_eq!(read.problems.len(), 2);
        assert!(read.problems[0].starts_with("Line 2: Each line needs one value under each heading"));
        assert!(read.problems[1].starts_with("Line 3: "));
    }

    #[test]
    fn csv_further_columns_after_the_three_are_ignored() {
        let read =
            read_cohort_csv("reference,before_weekly,after_weekly,change_weekly\nA,295.23,0.00,-295.23\nB,1,1\n");
        assert_eq!(
            read.rows,
            vec![CohortRow { reference: "A".into(), before_weekly: Pence(29523), after_weekly: Pence(0) }]
        );
        assert_eq!(read.problems.len(), 1, "a line short of the headings is reported");
        assert!(
            read_cohort_csv("before_weekly,reference,after_weekly\n").problems[0].contains("The first line must be")
        );
    }

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
        let rows = vec![CohortRow { reference: String::new(), before_weekly: Pence(10000), after_weekly: Pence(4813) }];
        let r = calculate_cohort(&Cohort::with_defaults(rows));
        // 58 people a week × 52 weeks × (3813 − 4813) × 52 weeks a year
        assert_eq!(r.annual_effect_pence, Some(-58 * 52 * 1000 * 52));
        assert_eq!(r.after_vs_baseline_pence, Some(1000));
    }
}

/// Which reader answers. That both always give the same answer is a property test in
/// `tests/properties.rs`.
#[cfg(test)]
mod flat_reader {
    use super::*;

    #[test]
    fn ordinary_rows_take_the_fast_path() {
        let text = r#" { "rows" : [ {"reference":"A-1","before_weekly":"295.23","after_weekly":0},
            {"before_weekly":26.5,"after_weekly":"£1,850.00","reference":null}, {"after_weekly":"0","before_weekly":1e2} ],
            "baseline_weekly":"38.13", "people_per_week": 77.25, "package_weeks": 52 } "#;
        let fast = read_flat(text).expect("flat, valid rows are read by the fast reader");
        assert_eq!(
            fast.rows[1],
            CohortRow { reference: String::new(), before_weekly: Pence(2650), after_weekly: Pence(185_000) }
        );
        assert_eq!(fast.rows[2].before_weekly, Pence(10_000));
        assert_eq!(fast.people_per_week_hundredths, 7725);
        assert_eq!(Ok(fast), Cohort::from_json(json::parse(text).unwrap()));
    }

    #[test]
    fn anything_unusual_goes_to_the_general_reader() {
        for text in [
            r#"{"rows":[{"reference":"A","before_weekly":"1","after_weekly":"x"}]}"#,
            r#"{"rows":[{"reference":"A\n","before_weekly":"1","after_weekly":"1"}]}"#,
            r#"{"rows":[{"before_weekly":"1","before_weekly":"2","after_weekly":"1"}]}"#,
            r#"{"rows":[{"before_weekly":"1","after_weekly":"1","note":1}]}"#,
            r#"{"rows":[],"rows":[]}"#,
            r#"{"rows":null}"#,
            r#"{"rows":[],"baseline_weekly":"abc"}"#,
            r#"{"rows":[]} x"#,
        ] {
            assert_eq!(read_flat(text), None, "{text}");
        }
        // The general reader still answers, with its errors.
        let text = r#"{"rows":[{"reference":"A","before_weekly":"1","after_weekly":"x"}]}"#;
        assert_eq!(Cohort::from_json_text(text), Err(vec![FieldMessage::new("rows[0].after_weekly", msg::AFTER)]));
    }
}
