//! The heading line of a cohort's CSV file: which delimiter the file uses, and which column
//! holds each value a row needs (see `docs/decisions.md`, "CSV rows").

use super::csv::LineCounter;
use super::msg;
use crate::calc::scenario::msg as scenario_msg;

/// One of the values a row has: the three it needs, and its end date (contract 1.2), which
/// a file may leave out.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Column {
    Reference,
    Before,
    After,
    Ended,
}

impl Column {
    /// The columns a file must have.
    pub const ALL: [Column; 3] = [Column::Reference, Column::Before, Column::After];

    /// The contract's heading: `reference`, `before_weekly`, `after_weekly`.
    pub fn heading(self) -> &'static str {
        match self {
            Column::Reference => "reference",
            Column::Before => "before_weekly",
            Column::After => "after_weekly",
            Column::Ended => "ended",
        }
    }

    /// The column a heading names, if any: compared ignoring (ASCII) case, spaces, `_` and `-`
    /// (`Case ref`, `BEFORE_WEEKLY`, `weekly-cost-after`), with the headings councils' own
    /// exports use (`Client ID`, `Weekly cost at start`, `Weekly cost at 28 days`,
    /// `Discharge date`). An identifier that may identify a person (an NHS number) is not
    /// taken as the reference.
    pub fn of_heading(heading: &str) -> Option<Column> {
        let key: String = heading
            .chars()
            .filter(|c| !(c.is_whitespace() || *c == '_' || *c == '-'))
            .map(|c| c.to_ascii_lowercase())
            .collect();
        match key.as_str() {
            "reference" | "ref" | "caseref" | "casereference" | "id" | "clientid" | "clientref" | "clientreference"
            | "personid" | "personref" | "serviceuserid" | "caseid" | "referralid" | "referencenumber" => {
                Some(Column::Reference)
            }
            "beforeweekly"
            | "before"
            | "costbefore"
            | "weeklycostbefore"
            | "weeklycostatstart"
            | "costatstart"
            | "weeklycoststart"
            | "startweeklycost"
            | "weeklycostbeforereablement"
            | "costbeforereablement"
            | "weeklycostonreferral"
            | "packagecostbefore"
            | "weeklypackagebefore" => Some(Column::Before),
            "afterweekly"
            | "after"
            | "costafter"
            | "weeklycostafter"
            | "weeklycostat28days"
            | "costat28days"
            | "weeklycost28days"
            | "weeklycostafterreablement"
            | "costafterreablement"
            | "weeklycostatreview"
            | "packagecostafter"
            | "weeklypackageafter"
            | "weeklycostatend"
            | "costatend" => Some(Column::After),
            "ended"
            | "enddate"
            | "dateended"
            | "dischargedate"
            | "dateofdischarge"
            | "discharged"
            | "reablementenddate"
            | "reablementended"
            | "datereablementended"
            | "enddateofreablement"
            | "reablementdischargedate"
            | "closuredate"
            | "dateclosed" => Some(Column::Ended),
            _ => None,
        }
    }

    /// The contract's message for a bad value in this column (`After must be …`).
    pub(super) fn message(self) -> &'static str {
        match self {
            Column::Reference => scenario_msg::REFERENCE,
            Column::Before => msg::BEFORE,
            Column::After => msg::AFTER,
            Column::Ended => msg::CSV_ENDED,
        }
    }
}

/// What separates the cells of a line.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Delimiter {
    #[default]
    Comma,
    Semicolon,
    Tab,
}

impl Delimiter {
    pub(super) const ALL: [Delimiter; 3] = [Delimiter::Comma, Delimiter::Semicolon, Delimiter::Tab];

    pub fn byte(self) -> u8 {
        match self {
            Delimiter::Comma => b',',
            Delimiter::Semicolon => b';',
            Delimiter::Tab => b'\t',
        }
    }
}

/// The heading line as read with one delimiter.
pub(super) struct Headings {
    pub delimiter: Delimiter,
    pub cells: Vec<String>,
    pub line: u64,
    /// Just after the heading line's record.
    pub end: usize,
    /// Each column's heading, when exactly one heading names it.
    pub found: [Option<usize>; 4],
    /// Columns that more than one heading names.
    repeated: Vec<Column>,
}

impl Headings {
    /// Reads the heading line (the first line with a cell that is not blank, past a byte
    /// order mark), choosing the delimiter whose headings fit best (comma first when they
    /// fit alike). `None` when the text has no such line.
    pub(super) fn find(text: &str) -> Option<Headings> {
        let offset = if text.starts_with('\u{feff}') { '\u{feff}'.len_utf8() } else { 0 };
        let mut best: Option<Headings> = None;
        for delimiter in Delimiter::ALL {
            let Some(headings) = Headings::read(text, offset, delimiter) else { continue };
            if best.as_ref().is_none_or(|b| headings.score() > b.score()) {
                best = Some(headings);
            }
        }
        best
    }

    fn read(text: &str, offset: usize, delimiter: Delimiter) -> Option<Headings> {
        let bytes = &text.as_bytes()[offset..];
        let mut reader = csv_reader(bytes, delimiter);
        let mut record = ::csv::StringRecord::new();
        // A line of nothing but delimiters and spaces (with any of the three) is not the headings.
        let blank = |record: &::csv::StringRecord| {
            record.iter().all(|cell| cell.trim_matches(|c: char| c.is_whitespace() || ",;\t".contains(c)).is_empty())
        };
        loop {
            match reader.read_record(&mut record) {
                Ok(true) if blank(&record) => continue,
                Ok(true) => break,
                Ok(false) | Err(_) => return None,
            }
        }
        let start = record.position().map_or(0, |p| p.byte() as usize);
        let line = LineCounter::new(bytes, 1).line_at(start as u64);
        let cells: Vec<String> = record.iter().map(|c| c.trim().to_string()).collect();
        let mut found = [None; 4];
        let mut repeated = Vec::new();
        for (i, cell) in cells.iter().enumerate() {
            if let Some(column) = Column::of_heading(cell) {
                let slot = &mut found[column as usize];
                match slot {
                    None if !repeated.contains(&column) => *slot = Some(i),
                    _ => {
                        *slot = None;
                        if !repeated.contains(&column) {
                            repeated.push(column);
                        }
                    }
                }
            }
        }
        Some(Headings { delimiter, cells, line, end: offset + reader.position().byte() as usize, found, repeated })
    }

    /// How well these headings fit: all three columns a row needs named, then how many
    /// columns are, then cells.
    fn score(&self) -> (bool, usize, usize) {
        let named = self.found.iter().flatten().count();
        (self.found[..3].iter().all(Option::is_some), named, self.cells.len())
    }

    /// Why these headings cannot be read on their own.
    pub(super) fn problems(&self) -> Vec<String> {
        let mut problems = Vec::new();
        let missing: Vec<&str> = Column::ALL
            .iter()
            .filter(|c| self.found[**c as usize].is_none() && !self.repeated.contains(c))
            .map(|c| c.heading())
            .collect();
        if !missing.is_empty() {
            problems.push(format!(
                "No heading names the {} column{}, so which column is which must be chosen",
                join_words(&missing, "or"),
                if missing.len() > 1 { "s" } else { "" }
            ));
        }
        for column in &self.repeated {
            let names: Vec<&str> = self
                .cells
                .iter()
                .filter(|cell| Column::of_heading(cell) == Some(*column))
                .map(String::as_str)
                .collect();
            problems.push(format!(
                "More than one heading names the {} column ({}), so which one to use must be chosen",
                column.heading(),
                names.join(", ")
            ));
        }
        problems
    }
}

/// `a`, `a or b`, `a, b or c`.
fn join_words(words: &[&str], and: &str) -> String {
    match words {
        [] => String::new(),
        [one] => one.to_string(),
        [rest @ .., last] => format!("{} {and} {last}", rest.join(", ")),
    }
}

/// A `csv` reader of records (no headings of its own, any number of cells a line).
pub(super) fn csv_reader(bytes: &[u8], delimiter: Delimiter) -> ::csv::Reader<&[u8]> {
    ::csv::ReaderBuilder::new().has_headers(false).flexible(true).delimiter(delimiter.byte()).from_reader(bytes)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headings_match_ignoring_case_spaces_underscores_and_hyphens() {
        for (heading, column) in [
            ("reference", Column::Reference),
            ("Ref", Column::Reference),
            ("Case ref", Column::Reference),
            ("CASE_REFERENCE", Column::Reference),
            ("id", Column::Reference),
            ("before_weekly", Column::Before),
            ("Before", Column::Before),
            ("cost-before", Column::Before),
            ("Weekly cost before", Column::Before),
            ("after_weekly", Column::After),
            ("AFTER", Column::After),
            ("Cost after", Column::After),
            (" weekly_cost_after ", Column::After),
            ("Client ID", Column::Reference),
            ("Weekly cost at start", Column::Before),
            ("Weekly cost at 28 days", Column::After),
            ("ended", Column::Ended),
            ("End date", Column::Ended),
            ("Date ended", Column::Ended),
            ("Discharge date", Column::Ended),
            ("Reablement end date", Column::Ended),
        ] {
            assert_eq!(Column::of_heading(heading), Some(column), "{heading:?}");
        }
        for heading in ["", "NHS number", "before £", "after 28 days", "weekly", "cost", "start date", "date"] {
            assert_eq!(Column::of_heading(heading), None, "{heading:?}");
        }
    }
}
