//! Reading cohort rows from a CSV file, as staff save them: the good rows are kept when some
//! are bad, and each bad line is reported by its number, its reference and the bad value.
//!
//! The contract's file is `reference,before_weekly,after_weekly` with commas; the reader is
//! more forgiving (see `docs/decisions.md`, "CSV rows"):
//!
//! - the delimiter (comma, semicolon or tab) is found from the heading line;
//! - headings are matched ignoring case, spaces, `_` and `-`, with common names accepted
//!   ([`Column::of_heading`]), in any order, further columns ignored;
//! - headings that cannot be matched read no rows, and say which headings were found, so a
//!   person can choose which column is which ([`read_cohort_csv_with`]);
//! - in a semicolon file, a comma in an amount with no point is its decimal comma (`38,13`).
//!
//! A plain comma file with the contract's headings reads exactly as the contract says.
//! [`super::chunked::ChunkedCsv`] reads the same text a piece at a time with the same parts.

use super::headings::{csv_reader, Headings};
pub use super::headings::{Column, Delimiter};
use super::{msg, row_amount, CohortRow, Day, MAX_ROWS};
use crate::calc::money::Pence;
use std::fmt;

/// A file to start from: the contract's headings (with the optional end date of contract 1.2)
/// and two example lines to replace, as the calculator writes CSV (a byte order mark for
/// spreadsheets, CRLF line ends).
pub const TEMPLATE: &str = "\u{feff}reference,before_weekly,after_weekly,ended\r\nEXAMPLE-1,295.23,0.00,2019-09-24\r\nEXAMPLE-2,144.62,29.98,2019-09-26\r\n";

/// How long a value quoted in a problem may be before it is cut short.
const QUOTE_CHARS: usize = 30;

/// Which column of the file (counted from 0) holds each of a row's values. A file may have
/// no reference column: its rows then have an empty reference.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Columns {
    pub reference: Option<usize>,
    pub before: usize,
    pub after: usize,
    /// The end date's column (contract 1.2), when the file has one.
    pub ended: Option<usize>,
}

/// A line of the file that could not be used, or the reason none could.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CsvProblem {
    /// The line of the file, counted from 1 (a quoted cell with a line break counts its
    /// lines); the heading line for a problem with the whole file.
    pub line: u64,
    /// The value at fault, when one is.
    pub field: Option<Column>,
    /// The line's reference, when it has one (cut short when long).
    pub reference: Option<String>,
    /// What is wrong, quoting the bad value: `After "abc" must be an amount in pounds, like 29.98`.
    pub message: String,
}

impl CsvProblem {
    fn new(line: u64, message: impl Into<String>) -> Self {
        CsvProblem { line, field: None, reference: None, message: message.into() }
    }
}

/// `Line 9: After "abc" must be an amount in pounds, like 29.98`.
impl fmt::Display for CsvProblem {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        write!(f, "Line {}", self.line)?;
        if let Some(reference) = &self.reference {
            write!(f, " ({reference})")?;
        }
        write!(f, ": {}", self.message)
    }
}

/// What the reader found.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct CsvRows {
    /// The good rows, in the file's order.
    pub rows: Vec<CohortRow>,
    /// The line of the file each row is on (so a download can give the rows used with all
    /// the file's columns: [`records_at`]).
    pub lines: Vec<u64>,
    /// Every problem, in line order.
    pub problems: Vec<CsvProblem>,
    /// The heading line's cells, trimmed; empty when the file has no heading line.
    pub headings: Vec<String>,
    /// The columns the rows were read from; `None` when the headings could not be matched
    /// (then no row is read: [`read_cohort_csv_with`] can be given the columns).
    pub columns: Option<Columns>,
    pub delimiter: Delimiter,
    /// Lines that are not errors but that a person should know of, in line order: a summary
    /// line left out, a cost to check, a row not yet reviewed (see [`NoteKind`]).
    pub notes: Vec<CsvNote>,
    /// Rows whose only fault is their end date, kept aside until the whole file is read: see
    /// [`CsvRows::settle`].
    pub(super) date_only: Vec<CohortRow>,
    pub(super) date_only_lines: Vec<u64>,
    /// How many rows have an end date that could be read.
    pub(super) dated: usize,
    /// Sums so far, for telling a spreadsheet's total line from a person: before and after
    /// over the rows counted, and before and the count over those and the rows not yet
    /// reviewed (a spreadsheet's SUM and AVERAGE take them in).
    pub(super) sums: Sums,
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(super) struct Sums {
    before: i64,
    after: i64,
    before_all: i64,
    all: i64,
}

/// What a note says of its line.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NoteKind {
    /// A spreadsheet's total or average line: left out, never counted as a person.
    Total,
    /// A weekly cost over the nursing-home threshold: counted, but worth checking.
    Check,
    /// The after cost is empty (the 28-day review has not happened): counted apart.
    NotReviewed,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CsvNote {
    pub kind: NoteKind,
    pub problem: CsvProblem,
}

/// The words a spreadsheet puts in a total or average line.
const SUMMARY_WORDS: [&str; 9] =
    ["total", "totals", "grand total", "sub total", "subtotal", "sum", "average", "mean", "overall"];

impl CsvRows {
    /// Once the whole file is read: when not one end date could be read, the dates are not
    /// ones the reader understands (a spreadsheet's serial numbers, say), so the rows whose
    /// only fault was the date are used without one, and one note says why there are no
    /// charts over time. Otherwise those rows stay out, each with its own problem.
    pub fn settle(&mut self) {
        if self.dated > 0 || self.date_only.is_empty() {
            self.date_only.clear();
            self.date_only_lines.clear();
            return;
        }
        let example = self.problems.iter().find(|p| p.field == Some(Column::Ended)).map(|p| p.message.clone());
        let first = self.problems.iter().find(|p| p.field == Some(Column::Ended)).map_or(1, |p| p.line);
        self.problems.retain(|p| p.field != Some(Column::Ended));
        let quoted = example.and_then(|m| m.split('"').nth(1).map(str::to_string)).unwrap_or_default();
        self.rows.append(&mut self.date_only);
        self.lines.append(&mut self.date_only_lines);
        self.notes.push(CsvNote {
            kind: NoteKind::Check,
            problem: CsvProblem::new(
                first,
                format!("None of the end dates could be read (for example “{quoted}”), so the rows are used without them and there are no charts over time. Save the dates like 24/09/2019 or 2019-09-24 and choose the file again."),
            ),
        });
    }
}

/// Whether a line is a spreadsheet's summary: a summary word in any cell, or no reference and
/// amounts equal to the sum, or the mean, of the rows above it.
fn is_summary(
    record: &::csv::StringRecord,
    reference: &str,
    amounts: (Option<Pence>, Option<Pence>),
    out: &CsvRows,
) -> bool {
    let word = |cell: &str| {
        let cell = cell.trim().trim_end_matches(':').to_ascii_lowercase();
        SUMMARY_WORDS.contains(&cell.as_str())
    };
    if record.iter().any(word) {
        return true;
    }
    let s = out.sums;
    let n = out.rows.len() as i64;
    match amounts {
        (Some(before), Some(after)) if reference.is_empty() && n >= 2 => {
            let mean = |sum: i64, n: i64| crate::calc::money::div_round(i128::from(sum), i128::from(n)) as i64;
            let befores = [s.before, s.before_all, mean(s.before, n), mean(s.before_all, s.all)];
            let afters = [s.after, s.after, mean(s.after, n), mean(s.after, n)];
            befores.iter().zip(afters).any(|(b, a)| (before.0, after.0) == (*b, a))
        }
        _ => false,
    }
}
/// How many different lines `problems` are about (a line with a bad before and a bad after
/// has two). The reader gives them in line order.
pub fn lines_with_problems(problems: &[CsvProblem]) -> usize {
    let mut last = None;
    problems.iter().filter(|p| last.replace(p.line) != Some(p.line)).count()
}

/// Reads cohort rows from CSV text (quoted cells, CRLF or LF, an optional UTF-8 byte order
/// mark), finding the delimiter and the columns from the heading line. Bad lines are
/// reported and skipped; lines whose cells are all empty (spreadsheet left-overs) are
/// skipped silently; after 100,000 good rows the reader stops and says so.
pub fn read_cohort_csv(text: &str) -> CsvRows {
    read(text, None)
}

/// Reads cohort rows as [`read_cohort_csv`] does, from the columns given rather than those
/// the headings name: for a file whose headings could not be matched.
pub fn read_cohort_csv_with(text: &str, columns: Columns) -> CsvRows {
    read(text, Some(columns))
}

fn read(text: &str, columns: Option<Columns>) -> CsvRows {
    let mut out = CsvRows::default();
    if let Some(body) = Body::start(text, columns, &mut out) {
        body.read(&text[body.start..], body.line, &mut out);
    }
    out.settle();
    out
}

/// How the lines after the headings are read: found from the heading line by
/// [`Body::start`], then used for the rest of the file, at once or a piece at a time.
#[derive(Clone, Debug)]
pub(super) struct Body {
    pub delimiter: Delimiter,
    columns: Columns,
    /// The after column's own heading, for saying which cell is empty.
    after_heading: Option<String>,
    /// How many cells each line must have: as many as there are headings.
    cells: usize,
    /// Where the lines after the headings start (a byte offset into the text), and its line.
    pub start: usize,
    pub line: u64,
}

impl Body {
    /// Reads the heading line ([`Headings::find`]) and decides the columns, from the headings
    /// or as given. `None`, with the reason in `out.problems`, when no rows can be read.
    pub(super) fn start(text: &str, columns: Option<Columns>, out: &mut CsvRows) -> Option<Body> {
        let Some(headings) = Headings::find(text) else {
            out.problems.push(CsvProblem::new(1, msg::CSV_EMPTY));
            return None;
        };
        out.delimiter = headings.delimiter;
        out.headings = headings.cells.clone();
        let columns = match columns {
            Some(c) => {
                let chosen = [c.reference, Some(c.before), Some(c.after), c.ended];
                let in_file = chosen.iter().flatten().all(|i| *i < headings.cells.len());
                let mut seen: Vec<usize> = chosen.iter().flatten().copied().collect();
                seen.sort_unstable();
                let different = seen.windows(2).all(|w| w[0] != w[1]);
                if !(in_file && different) {
                    out.problems.push(CsvProblem::new(headings.line, msg::CSV_CHOSEN));
                    return None;
                }
                c
            }
            None => match headings.found {
                [reference @ Some(_), Some(before), Some(after), ended] => Columns { reference, before, after, ended },
                _ => {
                    out.problems.extend(headings.problems().into_iter().map(|m| CsvProblem::new(headings.line, m)));
                    return None;
                }
            },
        };
        out.columns = Some(columns);
        // The line the rest starts on (the break ending the headings may be on either side).
        let line = 1 + text.as_bytes()[..headings.end].iter().filter(|b| **b == b'\n').count() as u64;
        Some(Body {
            delimiter: headings.delimiter,
            columns,
            after_heading: headings.cells.get(columns.after).cloned(),
            cells: headings.cells.len(),
            start: headings.end,
            line,
        })
    }

    /// Reads the lines of `piece`, which starts at a line break outside a quoted cell (or at
    /// [`Body::start`]) on line `first_line`, into `out`. False when it stopped at the
    /// 100,000-row limit.
    pub(super) fn read(&self, piece: &str, first_line: u64, out: &mut CsvRows) -> bool {
        let mut reader = csv_reader(piece.as_bytes(), self.delimiter);
        let mut record = ::csv::StringRecord::new();
        let mut lines = LineCounter::new(piece.as_bytes(), first_line);
        let decimal_comma = self.delimiter == Delimiter::Semicolon;
        loop {
            match reader.read_record(&mut record) {
                Ok(false) => return true,
                Ok(true) => {}
                Err(e) => {
                    let line = lines.line_at(e.position().map_or(0, |p| p.byte()));
                    out.problems.push(CsvProblem::new(line, msg::CSV_UNREADABLE));
                    continue;
                }
            }
            let line = lines.line_at(record.position().map_or(0, |p| p.byte()));
            if record.iter().all(|cell| cell.trim().is_empty()) {
                continue;
            }
            let reference = self.columns.reference.and_then(|i| record.get(i)).map(str::trim).unwrap_or("");
            let quoted_reference = (!reference.is_empty()).then(|| cut_short(reference));
            if record.len() != self.cells {
                out.problems.push(CsvProblem {
                    reference: quoted_reference,
                    ..CsvProblem::new(line, msg::csv_cells(self.cells, record.len()))
                });
                continue;
            }
            if out.rows.len() == MAX_ROWS {
                out.problems
                    .push(CsvProblem::new(line, format!("{} — only the first 100,000 rows were read", msg::ROWS)));
                return false;
            }
            let before = amount(&record[self.columns.before], decimal_comma);
            let after_cell = record[self.columns.after].trim();
            let after = amount(after_cell, decimal_comma);
            if is_summary(&record, reference, (before, after), out) {
                out.notes.push(CsvNote { kind: NoteKind::Total, problem: CsvProblem::new(line, msg::CSV_TOTAL_LINE) });
                continue;
            }
            let mut bad = |column: Column, value: &str| {
                out.problems.push(CsvProblem {
                    line,
                    field: Some(column),
                    reference: quoted_reference.clone(),
                    message: quote_value(column.message(), value),
                })
            };
            let reference_ok = reference.chars().count() <= 100;
            if !reference_ok {
                bad(Column::Reference, "");
            }
            if before.is_none() {
                bad(Column::Before, &record[self.columns.before]);
            }
            // An empty after: the review 28 days after has not happened yet, which is no error.
            let not_reviewed = after_cell.is_empty();
            if after.is_none() && !not_reviewed {
                bad(Column::After, after_cell);
            }
            let ended = match self.columns.ended.map(|i| record[i].trim()) {
                None | Some("") => Some(None),
                Some(cell) => {
                    let day = Day::parse_cell(cell);
                    if day.is_none() {
                        bad(Column::Ended, cell);
                    }
                    day.map(Some)
                }
            };
            if let (true, true, Some(before)) = (not_reviewed, reference_ok, before) {
                out.sums.before_all += before.0;
                out.sums.all += 1;
                let heading = self.after_heading.as_deref().unwrap_or("");
                let what = if heading.is_empty() || heading == Column::After.heading() {
                    "the after cost is empty".to_string()
                } else {
                    format!("“{}” is empty", cut_short(heading))
                };
                out.notes.push(CsvNote {
                    kind: NoteKind::NotReviewed,
                    problem: CsvProblem {
                        reference: quoted_reference.clone(),
                        ..CsvProblem::new(line, format!("{what} — has the 28-day review happened?"))
                    },
                });
                continue;
            }
            let (Some(before_weekly), Some(after_weekly)) = (before, after) else { continue };
            if !reference_ok {
                continue;
            }
            for (cost, words) in [(before_weekly, "before"), (after_weekly, "after")] {
                if cost > crate::calc::outcome::NURSING_HOME_WEEKLY {
                    out.notes.push(CsvNote {
                        kind: NoteKind::Check,
                        problem: CsvProblem {
                            field: Some(if words == "before" { Column::Before } else { Column::After }),
                            reference: quoted_reference.clone(),
                            ..CsvProblem::new(line, format!(
                                "the weekly cost {words} ({}) is more than an average nursing home place ({}): it is counted, but check it",
                                cost.display(),
                                crate::calc::outcome::NURSING_HOME_WEEKLY.display()
                            ))
                        },
                    });
                }
            }
            let row =
                CohortRow { reference: reference.to_string(), before_weekly, after_weekly, ended: ended.flatten() };
            match ended {
                Some(ended) => {
                    out.dated += usize::from(ended.is_some());
                    out.sums.before += before_weekly.0;
                    out.sums.after += after_weekly.0;
                    out.sums.before_all += before_weekly.0;
                    out.sums.all += 1;
                    out.rows.push(row);
                    out.lines.push(line);
                }
                // Only the date is wrong: kept aside until the file is read (`settle`).
                None => {
                    out.date_only.push(row);
                    out.date_only_lines.push(line);
                }
            }
        }
    }
}

/// The file's headings and its records on `lines` (every cell as the file has it), in the
/// file's order: the rows used, with the file's other columns. `None` without headings.
pub fn records_at(text: &str, lines: &[u64]) -> Option<(Vec<String>, Vec<Vec<String>>)> {
    let headings = Headings::find(text)?;
    let wanted: std::collections::HashSet<u64> = lines.iter().copied().collect();
    let first_line = 1 + text.as_bytes()[..headings.end].iter().filter(|b| **b == b'\n').count() as u64;
    let body = &text[headings.end..];
    let mut reader = csv_reader(body.as_bytes(), headings.delimiter);
    let mut counter = LineCounter::new(body.as_bytes(), first_line);
    let mut record = ::csv::StringRecord::new();
    let mut out = Vec::with_capacity(lines.len());
    while let Ok(true) = reader.read_record(&mut record) {
        let line = counter.line_at(record.position().map_or(0, |p| p.byte()));
        if wanted.contains(&line) {
            out.push(record.iter().map(str::to_string).collect());
        }
    }
    Some((headings.cells, out))
}

/// A row's amount: money as the contract writes it, from £0.00 to £100,000.00. In a
/// semicolon file a comma in a cell without a point is the decimal comma (`38,13`, `£4,5`),
/// so `1,850` there is not an amount: it could be £1.85 or £1,850.
fn amount(cell: &str, decimal_comma: bool) -> Option<Pence> {
    if decimal_comma && cell.contains(',') && !cell.contains('.') {
        row_amount(Pence::parse(&cell.replace(',', ".")))
    } else if decimal_comma && dot_thousands(cell) {
        // `1.035,20`: dots between groups of three, then the decimal comma.
        row_amount(Pence::parse(&cell.replace('.', "").replace(',', ".")))
    } else {
        row_amount(Pence::parse(cell))
    }
}

/// `1.035,20`, `£12.345,6`: digits in groups of three between dots, then a comma and 1 or 2
/// digits. Anything else with both a dot and a comma is left to be read as the contract reads
/// money (`1,035.20`), or refused.
fn dot_thousands(cell: &str) -> bool {
    let digits = cell.trim().trim_start_matches('£').trim();
    let Some((whole, fraction)) = digits.rsplit_once(',') else { return false };
    let mut groups = whole.split('.');
    let first = groups.next().unwrap_or("");
    let rest: Vec<&str> = groups.collect();
    !rest.is_empty()
        && (1..=3).contains(&first.len())
        && first.bytes().all(|b| b.is_ascii_digit())
        && rest.iter().all(|g| g.len() == 3 && g.bytes().all(|b| b.is_ascii_digit()))
        && (1..=2).contains(&fraction.len())
        && fraction.bytes().all(|b| b.is_ascii_digit())
}

/// `After must be …` with the value → `After "abc" must be …` (`End date "x" must be …`); an
/// empty value leaves the message as it is.
fn quote_value(message: &str, value: &str) -> String {
    let value = value.trim();
    // The value goes after the message's subject: the words before " must ", else its first word.
    let at = message.find(" must ").or_else(|| message.find(' '));
    match at.map(|i| (&message[..i], &message[i + 1..])) {
        Some((subject, rest)) if !value.is_empty() => format!("{subject} \"{}\" {rest}", cut_short(value)),
        _ => message.to_string(),
    }
}

/// The text, or its first characters and `…` when it is long.
fn cut_short(text: &str) -> String {
    match text.char_indices().nth(QUOTE_CHARS) {
        Some((at, _)) => format!("{}…", &text[..at]),
        None => text.to_string(),
    }
}

/// Line numbers from byte offsets. The csv crate's own line count is one short after a CRLF
/// line ending, and spreadsheets write CRLF, so lines are counted here instead; offsets only
/// grow, so counting is incremental.
pub(super) struct LineCounter<'t> {
    text: &'t [u8],
    offset: usize,
    line: u64,
}

impl<'t> LineCounter<'t> {
    pub(super) fn new(text: &'t [u8], first_line: u64) -> Self {
        LineCounter { text, offset: 0, line: first_line }
    }

    /// The line on which the record starting at `byte` begins (a record's reported start may
    /// fall on the line break before it, which is skipped).
    pub(super) fn line_at(&mut self, byte: u64) -> u64 {
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

    fn shown(read: &CsvRows) -> Vec<String> {
        read.problems.iter().map(CsvProblem::to_string).collect()
    }

    fn row(reference: &str, before: i64, after: i64) -> CohortRow {
        CohortRow { reference: reference.into(), before_weekly: Pence(before), after_weekly: Pence(after), ended: None }
    }

    #[test]
    fn keeps_good_rows_and_reports_bad_ones_by_line_reference_and_value() {
        let text = "\u{feff}reference,before_weekly,after_weekly\r\nA-1,295.23,0\r\n\"B-2, flat 3\",\"£1,850.00\",abc\r\nC-3,1.234,10\r\n\r\nD-4,100,29.98\r\n,x,\r\n";
        let read = read_cohort_csv(text);
        assert_eq!(read.rows, vec![row("A-1", 29523, 0), row("D-4", 10000, 2998)]);
        assert_eq!(
            shown(&read),
            [
                "Line 3 (B-2, flat 3): After \"abc\" must be an amount in pounds, like 29.98",
                "Line 4 (C-3): Before \"1.234\" must be an amount in pounds, like 38.13",
                "Line 7: Before \"x\" must be an amount in pounds, like 38.13",
            ]
        );
        assert_eq!(read.problems[0].field, Some(Column::After));
        assert_eq!(read.problems[0].reference.as_deref(), Some("B-2, flat 3"));
        assert_eq!(read.problems[1].field, Some(Column::Before));
        assert_eq!(lines_with_problems(&read.problems), 3);
        assert!(read.notes.is_empty(), "an empty after beside a bad before is no review to wait for");
        assert_eq!(read.delimiter, Delimiter::Comma);
        assert_eq!(read.columns, Some(Columns { reference: Some(0), before: 1, after: 2, ended: None }));
    }

    #[test]
    fn an_end_date_column_gives_each_row_its_date_and_a_bad_date_leaves_the_row_out() {
        let text = "Client ID;Discharge date;Weekly cost at start;Weekly cost at 28 days\r\n\
            R-001;24/09/2019 00:00;295,23;0\r\n\
            R-002;4.9.2019;144,62;29,98\r\n\
            R-003;;100;10\r\n\
            R-004;2019-09-30;100;10\r\n\
            R-005;31/02/2025;100;10\r\n\
            R-006;09/24/2019;100;10\r\n";
        let read = read_cohort_csv(text);
        assert_eq!(read.columns, Some(Columns { reference: Some(0), before: 2, after: 3, ended: Some(1) }));
        let dates: Vec<Option<String>> = read.rows.iter().map(|r| r.ended.map(Day::iso)).collect();
        assert_eq!(dates, [Some("2019-09-24".into()), Some("2019-09-04".into()), None, Some("2019-09-30".into())]);
        assert_eq!(read.rows[1].after_weekly, Pence(2998));
        assert_eq!(
            shown(&read),
            [
                "Line 6 (R-005): End date \"31/02/2025\" must be a date, like 24/09/2019",
                "Line 7 (R-006): End date \"09/24/2019\" must be a date, like 24/09/2019",
            ]
        );
        assert_eq!(read.problems[0].field, Some(Column::Ended));
        // Chosen by hand, the same column reads the same dates.
        let chosen = read_cohort_csv_with(text, Columns { reference: None, before: 2, after: 3, ended: Some(1) });
        assert_eq!(chosen.rows.len(), 4);
        assert_eq!(chosen.rows[0].ended, Day::parse_iso("2019-09-24"));
        // A file without the column reads as before: no dates.
        let read = read_cohort_csv("reference,before_weekly,after_weekly\nA,1,0\n");
        assert_eq!(read.rows[0].ended, None);
    }

    #[test]
    fn a_managers_real_export_its_total_line_its_dear_rows_and_its_rows_not_yet_reviewed() {
        let text = "Client ID;Discharge date;Weekly cost at start;Weekly cost at 28 days\r\n\
            RB1;24/09/2019;1.035,20;0\r\n\
            RB2;25/09/2019;100,00;20,00\r\n\
            RB3;26/09/2019;1.300,00;1.270,50\r\n\
            RB4;27/09/2019;200,00;\r\n\
            ;;2.635,20;1.290,50\r\n\
            Total;;2.635,20;1.290,50\r\n";
        let read = read_cohort_csv(text);
        assert_eq!(read.rows.len(), 3, "the total lines and the row not yet reviewed are not people counted");
        assert_eq!(read.rows[0].before_weekly, Pence(103_520));
        assert!(read.problems.is_empty(), "{:?}", read.problems);
        let notes: Vec<(NoteKind, String)> = read.notes.iter().map(|n| (n.kind, n.problem.to_string())).collect();
        assert_eq!(
            notes,
            [
                (NoteKind::Check, "Line 4 (RB3): the weekly cost before (£1,300.00) is more than an average nursing home place (£1,267.00): it is counted, but check it".to_string()),
                (NoteKind::Check, "Line 4 (RB3): the weekly cost after (£1,270.50) is more than an average nursing home place (£1,267.00): it is counted, but check it".to_string()),
                (NoteKind::NotReviewed, "Line 5 (RB4): “Weekly cost at 28 days” is empty — has the 28-day review happened?".to_string()),
                (NoteKind::Total, "Line 6: looks like a total row and was left out".to_string()),
                (NoteKind::Total, "Line 7: looks like a total row and was left out".to_string()),
            ]
        );
        // The mean of the rows above, with no reference, is a summary too; one person's row is not.
        let read = read_cohort_csv("reference,before_weekly,after_weekly\nA,10,0\nB,30,20\n,20,10\n,20,11\n");
        assert_eq!(read.rows.len(), 3);
        assert_eq!(read.notes.len(), 1);
        // A dot-thousands amount that cannot be read one way only is still refused.
        let read = read_cohort_csv("reference;before_weekly;after_weekly\nA;1.03,20;0\nB;1.035.20;0\n");
        assert_eq!(read.rows.len(), 0);
        assert_eq!(read.problems.len(), 2);
    }

    #[test]
    fn the_rows_used_can_be_given_back_with_all_the_files_columns() {
        let text = "Client ID;Team;Discharge date;Weekly cost at start;Weekly cost at 28 days\r\n\
            RB1;North;24/09/2019;100,00;0\r\n\
            RB2;South;25/09/2019;abc;0\r\n\
            \"RB3\";\"East; coast\";26/09/2019;50,00;10,00\r\n";
        let read = read_cohort_csv(text);
        assert_eq!(read.lines, [2, 4]);
        let (headings, records) = records_at(text, &read.lines).unwrap();
        assert_eq!(headings[1], "Team");
        assert_eq!(
            records,
            [
                vec!["RB1", "North", "24/09/2019", "100,00", "0"],
                vec!["RB3", "East; coast", "26/09/2019", "50,00", "10,00"]
            ]
        );
    }

    #[test]
    fn a_file_whose_dates_cannot_be_read_at_all_keeps_its_rows_and_says_why() {
        let text = "reference,before_weekly,after_weekly,ended\nA,100,0,45559\nB,200,10,45560\n";
        let read = read_cohort_csv(text);
        assert_eq!(read.rows.len(), 2, "every row counts, without a date");
        assert!(read.rows.iter().all(|r| r.ended.is_none()));
        assert!(read.problems.is_empty());
        assert_eq!(read.notes.len(), 1);
        assert!(read.notes[0].problem.message.starts_with("None of the end dates could be read (for example “45559”)"));
        // One readable date: the others are each a line problem, and their rows are left out.
        let read = read_cohort_csv("reference,before_weekly,after_weekly,ended\nA,100,0,45559\nB,200,10,2019-09-24\n");
        assert_eq!(read.rows.len(), 1);
        assert_eq!(read.problems.len(), 1);
        // In pieces, the same.
        let mut chunked = crate::calc::cohort::ChunkedCsv::new(text.to_string());
        while !chunked.step(16) {}
        assert_eq!(chunked.finish(), read_cohort_csv(text));
    }

    #[test]
    fn long_references_and_values_are_cut_short_in_messages() {
        let long = "R".repeat(101);
        let read = read_cohort_csv(&format!("reference,before_weekly,after_weekly\n{long},{},1\n", "9".repeat(40)));
        assert!(read.rows.is_empty());
        let cut = format!("{}…", "R".repeat(30));
        assert_eq!(
            shown(&read),
            [
                format!("Line 2 ({cut}): Reference must be 100 characters or fewer"),
                format!("Line 2 ({cut}): Before \"{}…\" must be an amount in pounds, like 38.13", "9".repeat(30)),
            ]
        );
    }

    #[test]
    fn quoted_cell_with_a_line_break_counts_lines_from_its_start() {
        let read = read_cohort_csv("reference,before_weekly,after_weekly\n\"two\nlines\",10,x\nB,1,1\n");
        assert_eq!(shown(&read), ["Line 2 (two\nlines): After \"x\" must be an amount in pounds, like 29.98"]);
        assert_eq!(read.rows, vec![row("B", 100, 100)]);
    }

    #[test]
    fn line_numbers_are_right_with_lf_crlf_and_blank_lines() {
        for ending in ["\n", "\r\n"] {
            let text = ["reference,before_weekly,after_weekly", "A,1,1", "", "B,x,1", "", "", "C,1,y", ""].join(ending);
            let lines: Vec<u64> = read_cohort_csv(&text).problems.iter().map(|p| p.line).collect();
            assert_eq!(lines, [4, 7], "ending {ending:?}");
        }
    }

    #[test]
    fn wrong_number_of_cells_says_how_many() {
        let read = read_cohort_csv("reference,before_weekly,after_weekly\nA,1\nB,1,1,1\nC,2,0\n");
        assert_eq!(read.rows, vec![row("C", 200, 0)]);
        assert_eq!(
            shown(&read),
            [
                "Line 2 (A): Each line needs one value under each heading: this line has 2 values for 3 headings",
                "Line 3 (B): Each line needs one value under each heading: this line has 4 values for 3 headings",
            ]
        );
    }

    #[test]
    fn further_columns_are_ignored_and_the_columns_may_come_in_any_order() {
        let read =
            read_cohort_csv("reference,before_weekly,after_weekly,change_weekly\nA,295.23,0.00,-295.23\nB,1,1\n");
        assert_eq!(read.rows, vec![row("A", 29523, 0)]);
        assert_eq!(read.problems.len(), 1, "a line short of the headings is reported");
        let read = read_cohort_csv("after_weekly,note,before_weekly,reference\n0,x,295.23,A\n");
        assert_eq!(read.rows, vec![row("A", 29523, 0)]);
        assert_eq!(read.columns, Some(Columns { reference: Some(3), before: 2, after: 0, ended: None }));
    }

    #[test]
    fn a_semicolon_file_with_decimal_commas_reads_right() {
        let text = "Case ref;Cost before;Cost after\r\nR-001;38,13;0\r\nR-002;£295,23;29,98\r\nR-003;4,5;£1.850,00\r\nR-004;1,850;0,123\r\nR-005;120.50;£1,850.00\r\n";
        let read = read_cohort_csv(text);
        assert_eq!(read.delimiter, Delimiter::Semicolon);
        assert_eq!(read.headings, ["Case ref", "Cost before", "Cost after"]);
        // `£1.850,00`: dots between thousands, a decimal comma (issue 21): £1,850.00.
        assert_eq!(
            read.rows,
            vec![
                row("R-001", 3813, 0),
                row("R-002", 29523, 2998),
                row("R-003", 450, 185_000),
                row("R-005", 12050, 185_000)
            ]
        );
        assert_eq!(
            shown(&read),
            [
                "Line 5 (R-004): Before \"1,850\" must be an amount in pounds, like 38.13",
                "Line 5 (R-004): After \"0,123\" must be an amount in pounds, like 29.98",
            ]
        );
    }

    #[test]
    fn decimal_commas_are_read_only_in_semicolon_files() {
        let read = read_cohort_csv("reference\tbefore_weekly\tafter_weekly\nA\t38,13\t1,850\n");
        assert_eq!(read.delimiter, Delimiter::Tab);
        assert!(read.rows.is_empty());
        assert_eq!(shown(&read), ["Line 2 (A): Before \"38,13\" must be an amount in pounds, like 38.13"]);
        let read = read_cohort_csv("reference\tbefore_weekly\tafter_weekly\nA\t1,850\t0\n");
        assert_eq!(read.rows, vec![row("A", 185_000, 0)]);
    }

    #[test]
    fn the_delimiter_is_the_one_whose_headings_fit() {
        // A semicolon file whose headings hold commas, and a comma file whose cells hold semicolons.
        let read = read_cohort_csv("ref;before (£, weekly);before;after\nA;x;1;2\n");
        assert_eq!(read.delimiter, Delimiter::Semicolon);
        assert_eq!(read.rows, vec![row("A", 100, 200)]);
        let read = read_cohort_csv("reference,before_weekly,after_weekly\n\"A;B\",1,2\n");
        assert_eq!(read.delimiter, Delimiter::Comma);
        assert_eq!(read.rows, vec![row("A;B", 100, 200)]);
    }

    #[test]
    fn unmatched_headings_read_nothing_and_say_what_was_found() {
        let read = read_cohort_csv("\n\nName,Was,Now\nA,1,1\n");
        assert!(read.rows.is_empty());
        assert_eq!(read.columns, None);
        assert_eq!(read.headings, ["Name", "Was", "Now"]);
        assert_eq!(
            shown(&read),
            ["Line 3: No heading names the reference, before_weekly or after_weekly columns, so which column is which must be chosen"]
        );
        let read = read_cohort_csv("ID;Case ref;Before;Was after\nA;B;1;2\n");
        assert_eq!(read.delimiter, Delimiter::Semicolon);
        assert_eq!(
            shown(&read),
            [
                "Line 1: No heading names the after_weekly column, so which column is which must be chosen",
                "Line 1: More than one heading names the reference column (ID, Case ref), so which one to use must be chosen",
            ]
        );
        assert_eq!(shown(&read_cohort_csv("")), [format!("Line 1: {}", msg::CSV_EMPTY)]);
        assert_eq!(shown(&read_cohort_csv(" ,\n;;\n")), [format!("Line 1: {}", msg::CSV_EMPTY)]);
    }

    #[test]
    fn columns_can_be_given_for_headings_that_do_not_match() {
        let text = "Name;Was;Now\nA;1;1,5\nB;x;1\n";
        let columns = Columns { reference: Some(0), before: 1, after: 2, ended: None };
        let read = read_cohort_csv_with(text, columns);
        assert_eq!(read.rows, vec![row("A", 100, 150)]);
        assert_eq!(shown(&read), ["Line 3 (B): Before \"x\" must be an amount in pounds, like 38.13"]);
        assert_eq!(read.columns, Some(columns));
        // No reference column: the rows have none.
        let read = read_cohort_csv_with(text, Columns { reference: None, before: 2, after: 1, ended: None });
        assert_eq!(read.rows, vec![row("", 150, 100)]);
        assert_eq!(shown(&read), ["Line 3: After \"x\" must be an amount in pounds, like 29.98"]);
        // The same column twice, or one past the last, reads nothing.
        for columns in [
            Columns { reference: None, before: 1, after: 1, ended: None },
            Columns { reference: Some(1), before: 1, after: 2, ended: None },
            Columns { reference: None, before: 1, after: 3, ended: None },
        ] {
            let read = read_cohort_csv_with(text, columns);
            assert!(read.rows.is_empty());
            assert_eq!(shown(&read), [format!("Line 1: {}", msg::CSV_CHOSEN)]);
        }
    }

    #[test]
    fn the_template_reads_back_as_its_example_rows() {
        let read = read_cohort_csv(TEMPLATE);
        assert!(read.problems.is_empty(), "{:?}", read.problems);
        let dated = |r: CohortRow, date: &str| CohortRow { ended: Day::parse_iso(date), ..r };
        assert_eq!(
            read.rows,
            vec![dated(row("EXAMPLE-1", 29523, 0), "2019-09-24"), dated(row("EXAMPLE-2", 14462, 2998), "2019-09-26")]
        );
        assert!(TEMPLATE.starts_with("\u{feff}reference,before_weekly,after_weekly,ended\r\n"));
    }

    #[test]
    fn problems_are_counted_by_line() {
        let problems: Vec<CsvProblem> = [3, 3, 4, 12].iter().map(|line| CsvProblem::new(*line, "x")).collect();
        assert_eq!(lines_with_problems(&problems), 3);
        assert_eq!(lines_with_problems(&[]), 0);
    }
}
