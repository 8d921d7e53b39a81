//! Reading a cohort's CSV text a piece at a time, so a page can paint and take input between
//! pieces of a 100,000-row file. It gives exactly what [`read_cohort_csv`] (or
//! [`read_cohort_csv_with`]) gives for the whole text: the heading line is read once, and
//! each piece, which ends at a line break outside a quoted cell, is read as the rest of the
//! file would be, from the line it starts on.
//!
//! [`read_cohort_csv`]: super::csv::read_cohort_csv
//! [`read_cohort_csv_with`]: super::csv::read_cohort_csv_with

use super::csv::{Body, Columns, CsvRows};

/// A CSV text being read in pieces.
pub struct ChunkedCsv {
    text: String,
    /// The columns given, or `None` to find them from the headings.
    columns: Option<Columns>,
    /// How the lines after the headings are read, once the heading line has been.
    body: Option<Body>,
    /// Where the next piece starts (a byte offset just after a line break), and its line.
    pos: usize,
    line: u64,
    read: CsvRows,
    done: bool,
}

impl ChunkedCsv {
    /// Reads `text` finding its columns from the headings, as [`super::read_cohort_csv`].
    pub fn new(text: String) -> Self {
        ChunkedCsv { text, columns: None, body: None, pos: 0, line: 1, read: CsvRows::default(), done: false }
    }

    /// Reads `text` from the columns given, as [`super::read_cohort_csv_with`].
    pub fn with_columns(text: String, columns: Columns) -> Self {
        ChunkedCsv { columns: Some(columns), ..ChunkedCsv::new(text) }
    }

    /// Reads the next piece of about `bytes` (the heading line first). True when the whole
    /// text has been read, or the reader has stopped (at 100,000 rows, or for headings that
    /// cannot be read).
    pub fn step(&mut self, bytes: usize) -> bool {
        if self.done {
            return true;
        }
        let Some(body) = &self.body else {
            match Body::start(&self.text, self.columns, &mut self.read) {
                Some(body) => {
                    self.pos = body.start;
                    self.line = body.line;
                    self.body = Some(body);
                }
                None => {
                    self.pos = self.text.len();
                    self.done = true;
                }
            }
            return self.done;
        };
        let end = cut(&self.text, self.pos, bytes.max(1), body.delimiter.byte());
        let piece = &self.text[self.pos..end];
        let going_on = body.read(piece, self.line, &mut self.read);
        self.line += piece.bytes().filter(|b| *b == b'\n').count() as u64;
        self.pos = if going_on { end } else { self.text.len() };
        self.done = self.pos == self.text.len();
        self.done
    }

    /// Whether the columns were given rather than found from the headings.
    pub fn columns_given(&self) -> bool {
        self.columns.is_some()
    }

    /// How much of the text has been read, in whole percent.
    pub fn percent(&self) -> u32 {
        if self.text.is_empty() {
            100
        } else {
            (self.pos as u128 * 100 / self.text.len() as u128) as u32
        }
    }

    pub fn finish(self) -> CsvRows {
        self.into_parts().0
    }

    /// What was read, and the text (a page keeps it to read again with chosen columns).
    pub fn into_parts(mut self) -> (CsvRows, String) {
        self.read.settle();
        (self.read, self.text)
    }
}

/// Where a piece starting at `start` should end: just after the first line break at or
/// past `start + bytes` that is outside a quoted cell (quoting as the `csv` crate reads it: a
/// `"` opens a quoted cell only as the cell's first character; `""` inside is a quote), or
/// the end of the text.
fn cut(text: &str, start: usize, bytes: usize, delimiter: u8) -> usize {
    #[derive(Clone, Copy)]
    enum Q {
        CellStart,
        Unquoted,
        Quoted,
        QuoteInQuoted,
    }
    let b = text.as_bytes();
    let target = start.saturating_add(bytes);
    if target >= b.len() {
        return b.len();
    }
    let mut q = Q::CellStart;
    for (i, &c) in b.iter().enumerate().skip(start) {
        q = match (q, c) {
            (Q::Quoted, b'"') => Q::QuoteInQuoted,
            (Q::Quoted, _) => Q::Quoted,
            (Q::QuoteInQuoted, b'"') => Q::Quoted,
            (_, b'\n') if i + 1 >= target => return i + 1,
            (_, b'\n' | b'\r') => Q::CellStart,
            (_, c) if c == delimiter => Q::CellStart,
            (Q::CellStart, b'"') => Q::Quoted,
            _ => Q::Unquoted,
        };
    }
    b.len()
}

#[cfg(test)]
mod tests {
    use super::super::csv::read_cohort_csv;
    use super::*;
    use crate::calc::cohort::MAX_ROWS;

    /// Texts that the piece-by-piece reader must read exactly as the whole-text reader does.
    pub(crate) fn awkward_texts() -> Vec<String> {
        let mut texts: Vec<String> = [
            "",
            "\n\n",
            "reference,before_weekly,after_weekly",
            "reference,before_weekly,after_weekly\n",
            "\u{feff}reference,before_weekly,after_weekly\r\nA-1,295.23,0\r\n\"B-2, flat 3\",\"£1,850.00\",abc\r\nC-3,1.234,10\r\n\r\nD-4,100,29.98\r\n",
            "reference,before_weekly,after_weekly\n\"two\nlines\",10,x\nB,1,1\n\"three\r\nline\r\n\"\"cell\"\"\",1,y\nC,2,2",
            "ref,before,after\nA,1,1\nB,2,2\n",
            "\n\n\n\nreference,before_weekly,after_weekly\nA,1,1\n,,\nB,x,1\n",
            "reference,before_weekly,after_weekly\nA,1\nB,1,1,1\nC,2,0\n ,, \nD,3,3\n",
            // Stray quotes: inside an unquoted cell (literal), after a closing quote, never closed.
            "reference,before_weekly,after_weekly\na\"b,1,2\nc\"d,1,2\n\"e\"f,1,2\nG,1,1\n\"open,1,2\nH,1,1\nI,2,2\n",
            "reference,before_weekly,after_weekly\r\nA,1,1\rB,2,2\rC,x,3\r\nD,4,4\n",
            "\u{feff}\r\n,,\r\nreference,before_weekly,after_weekly,note\r\nA,1,1,x\r\nB,2,2\r\nC,3,3,\"y\nz\"\r\nD,4,x,w\r\n",
            "\"reference\",\"before_weekly\",\"after_weekly\"\nA,1,1\nB,2,2\n",
            // Semicolons, decimal commas, tabs, headings in another order, one quoted over two lines.
            "Case ref;Cost before;Cost after\r\nR-1;38,13;0\r\n\"R;2\";£1.850,00;4,5\r\nR-3;1,850;x\r\n",
            "after\tID\tbefore\n0\tA\t1,234.50\n\"1\n\"\tB\t2\n",
            "\"Case\nref\",before,after\nA,1,1\nB,x,2\n",
        ]
        .iter()
        .map(|s| s.to_string())
        .collect();
        let mut long = String::from("reference,before_weekly,after_weekly\n");
        for i in 0..400 {
            long.push_str(&match i % 7 {
                0 => format!("\"R-{i},\nx\",{i}.5,0\n"),
                3 => format!("R-{i},bad,{i}\n"),
                5 => "\n".to_string(),
                _ => format!("R-{i},{i},{}\n", i % 3),
            });
        }
        texts.push(long.replace(',', ";"));
        texts.push(long);
        texts
    }

    #[test]
    fn reading_in_pieces_gives_what_reading_at_once_gives() {
        for text in awkward_texts() {
            let whole = read_cohort_csv(&text);
            for bytes in [1, 2, 5, 13, 40, 64, 1_000, 1 << 20] {
                let mut chunked = ChunkedCsv::new(text.clone());
                let mut steps = 0;
                while !chunked.step(bytes) {
                    steps += 1;
                    assert!(chunked.percent() <= 100);
                }
                assert!(steps <= text.len() + 1);
                assert_eq!(chunked.percent(), 100);
                assert_eq!(chunked.finish(), whole, "pieces of {bytes} bytes of {text:?}");
            }
        }
    }

    #[test]
    fn over_100000_rows_stops_at_the_same_line_in_pieces() {
        let mut text = String::from("reference,before_weekly,after_weekly\n");
        for i in 0..100_003 {
            text.push_str(if i == 50 { "X,bad,1\n" } else { "A,1,0\n" });
        }
        let mut chunked = ChunkedCsv::new(text.clone());
        while !chunked.step(256 * 1024) {}
        let read = chunked.finish();
        assert_eq!(read, read_cohort_csv(&text));
        assert_eq!(read.rows.len(), MAX_ROWS);
        assert_eq!(read.problems.len(), 2);
        assert_eq!(
            read.problems[1].to_string(),
            "Line 100003: Enter 100,000 rows or fewer — only the first 100,000 rows were read"
        );
    }

    #[test]
    fn pieces_end_after_line_breaks_outside_quotes() {
        let text = "a,\"x\ny\",1\nb,2,2\n";
        assert_eq!(cut(text, 0, 1, b','), 10); // not at the break inside the quoted cell
        assert_eq!(cut(text, 0, 100, b','), text.len());
        assert_eq!(cut(text, 10, 1, b','), text.len());
        // With semicolons, a quote after a comma is inside an unquoted cell: the break is free.
        let text = "a,\"x\ny;1\nb;2;2\n";
        assert_eq!(cut(text, 0, 1, b';'), 5);
        assert_eq!(cut(text, 0, 1, b','), text.len());
    }

    #[test]
    fn columns_given_are_read_in_pieces_too() {
        let text = "Name,Was,Now\nA,1,2\nB,x,3\n".repeat(3);
        let columns = Columns { reference: Some(0), before: 1, after: 2, ended: None };
        let mut chunked = ChunkedCsv::with_columns(text.clone(), columns);
        while !chunked.step(7) {}
        let read = chunked.finish();
        assert_eq!(read, super::super::csv::read_cohort_csv_with(&text, columns));
        assert_eq!(read.rows.len(), 3);
    }
}
