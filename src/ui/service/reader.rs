//! Reading cohort CSV text a piece at a time, so a 100,000-row file never holds the page
//! for long. Pure: no browser calls (the view schedules the pieces). It gives exactly what
//! `calc::read_cohort_csv` gives for the whole text, so it can later be replaced by a call
//! into `calc`.

use crate::calc::cohort::{msg as cohort_msg, CsvRows, MAX_ROWS};
use crate::calc::read_cohort_csv;

/// How much of a file is read between chances for the browser to paint and take input:
/// about 11,000 rows, 15–20 ms on a busy 2-core machine (the whole 100,000 rows in one go
/// held the page for 100–140 ms there, more on an older laptop).
pub const CHUNK_BYTES: usize = 256 * 1024;

/// Reads cohort CSV text a piece at a time with `calc`'s own reader, giving exactly what
/// `read_cohort_csv` gives for the whole text: each piece ends at a line break outside a
/// quoted cell, pieces after the first get the file's own headings line in front, and the
/// `Line N` of each problem is moved on by the lines before the piece. Where pieces cannot
/// give the same answer (no headings in the first piece; over 100,000 rows, where the reader
/// stops at an exact line), the whole text is read in one go instead.
pub struct ChunkedCsv {
    text: String,
    /// Where the next piece starts (a byte offset just after a line break), and its line.
    pos: usize,
    line: u64,
    /// The start of the text up to the end of the headings line, and its line breaks.
    headings_end: usize,
    headings_lines: u64,
    read: CsvRows,
    done: bool,
}

impl ChunkedCsv {
    pub fn new(text: String) -> Self {
        ChunkedCsv { text, pos: 0, line: 1, headings_end: 0, headings_lines: 0, read: CsvRows::default(), done: false }
    }

    fn read_all_at_once(&mut self) -> bool {
        self.read = read_cohort_csv(&self.text);
        self.pos = self.text.len();
        self.done = true;
        true
    }

    /// Reads the next piece of about `bytes`. True when the whole text has been read.
    pub fn step(&mut self, bytes: usize) -> bool {
        if self.done {
            return true;
        }
        let end = cut(&self.text, self.pos, bytes.max(1));
        let piece = &self.text[self.pos..end];
        let first = self.pos == 0;
        let read = if first {
            read_cohort_csv(piece)
        } else {
            read_cohort_csv(&format!("{}{piece}", &self.text[..self.headings_end]))
        };
        let at_end = end == self.text.len();
        if first && read.problems.iter().any(|p| p.ends_with(cohort_msg::CSV_HEADER)) {
            // Wrong headings: the reader reads nothing more, whatever follows.
            self.read = read;
            self.pos = self.text.len();
            self.done = true;
            return true;
        }
        if first && !at_end {
            match headings_end(&self.text) {
                Some(h) if h <= end && !read.problems.iter().any(|p| p.ends_with(cohort_msg::CSV_EMPTY)) => {
                    self.headings_end = h;
                    self.headings_lines = self.text.as_bytes()[..h].iter().filter(|b| **b == b'\n').count() as u64;
                }
                // No headings in the first piece: read it all at once.
                _ => return self.read_all_at_once(),
            }
        }
        if self.read.rows.len() + read.rows.len() > MAX_ROWS
            || read.problems.iter().any(|p| p.contains(cohort_msg::ROWS))
        {
            return self.read_all_at_once();
        }
        // In the piece as read, its first line comes after the headings put in front.
        let shift = if first { 0 } else { self.line - (1 + self.headings_lines) };
        self.read.rows.extend(read.rows);
        self.read.problems.extend(read.problems.into_iter().map(|p| shift_line(p, shift)));
        self.line += self.text.as_bytes()[self.pos..end].iter().filter(|b| **b == b'\n').count() as u64;
        self.pos = end;
        self.done = at_end;
        self.done
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
        self.read
    }
}

/// Where the headings line ends (just after its line break): the first record with a cell
/// that is not blank, read with the same settings as `calc`'s reader.
fn headings_end(text: &str) -> Option<usize> {
    let bom = if text.starts_with('\u{feff}') { '\u{feff}'.len_utf8() } else { 0 };
    let mut reader = csv::ReaderBuilder::new().has_headers(false).flexible(true).from_reader(&text.as_bytes()[bom..]);
    let mut record = csv::StringRecord::new();
    loop {
        match reader.read_record(&mut record) {
            Ok(true) if record.iter().all(|cell| cell.trim().is_empty()) => continue,
            Ok(true) => return Some(bom + reader.position().byte() as usize),
            _ => return None,
        }
    }
}

/// `Line 3: …` → `Line 3+shift: …`.
fn shift_line(problem: String, shift: u64) -> String {
    if shift == 0 {
        return problem;
    }
    let number = problem.strip_prefix("Line ").and_then(|rest| rest.split_once(':'));
    match number.and_then(|(n, rest)| n.parse::<u64>().ok().map(|n| (n, rest))) {
        Some((n, rest)) => format!("Line {}:{rest}", n + shift),
        None => problem,
    }
}

/// Where a piece starting at `start` should end: just after the first line break at or
/// past `start + bytes` that is outside a quoted cell (quoting as the `csv` crate reads it: a
/// `"` opens a quoted cell only as the cell's first character; `""` inside is a quote), or
/// the end of the text.
fn cut(text: &str, start: usize, bytes: usize) -> usize {
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
            (_, b'\n' | b'\r' | b',') => Q::CellStart,
            (Q::CellStart, b'"') => Q::Quoted,
            _ => Q::Unquoted,
        };
    }
    b.len()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ui::service::state::EXAMPLE_CSV;

    /// Texts that the piece-by-piece reader must read exactly as the whole-text reader does.
    fn awkward_texts() -> Vec<String> {
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
        ]
        .iter()
        .map(|s| s.to_string())
        .collect();
        texts.push(EXAMPLE_CSV.replace('\n', "\r\n"));
        let mut long = String::from("reference,before_weekly,after_weekly\n");
        for i in 0..400 {
            long.push_str(&match i % 7 {
                0 => format!("\"R-{i},\nx\",{i}.5,0\n"),
                3 => format!("R-{i},bad,{i}\n"),
                5 => "\n".to_string(),
                _ => format!("R-{i},{i},{}\n", i % 3),
            });
        }
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
                assert!(steps <= text.len());
                assert_eq!(chunked.percent(), 100);
                assert_eq!(chunked.finish(), whole, "pieces of {bytes} bytes of {text:?}");
            }
        }
    }

    #[test]
    fn over_100000_rows_is_read_at_once_with_the_readers_own_limit() {
        let mut text = String::from("reference,before_weekly,after_weekly\n");
        for i in 0..100_003 {
            text.push_str(if i == 50 { "X,bad,1\n" } else { "A,1,0\n" });
        }
        let mut chunked = ChunkedCsv::new(text.clone());
        while !chunked.step(CHUNK_BYTES) {}
        let read = chunked.finish();
        assert_eq!(read, read_cohort_csv(&text));
        assert_eq!(read.rows.len(), MAX_ROWS);
        assert_eq!(read.problems.len(), 2);
        assert!(read.problems[1].starts_with("Line 100003: Enter 100,000 rows or fewer"), "{:?}", read.problems);
    }

    #[test]
    fn pieces_end_after_line_breaks_outside_quotes() {
        let text = "a,\"x\ny\",1\nb,2,2\n";
        assert_eq!(cut(text, 0, 1), 10); // not at the break inside the quoted cell
        assert_eq!(cut(text, 0, 100), text.len());
        assert_eq!(cut(text, 10, 1), text.len());
        assert_eq!(shift_line("Line 3: After must be".into(), 10), "Line 13: After must be");
        assert_eq!(shift_line("odd".into(), 10), "odd");
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod properties {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(400))]

        /// Any text made of CSV's awkward characters reads the same in pieces as at once.
        #[test]
        fn pieces_read_like_the_whole(
            body in proptest::collection::vec(prop::sample::select(vec!["a", "1", "2.5", ",", ",", "\"", "\"\"", "\n", "\n", "\r\n", "\r", " ", "£", "x"]), 0..120),
            headings in prop::sample::select(vec!["", "reference,before_weekly,after_weekly\n", "\u{feff}\n reference , before_weekly,after_weekly,note\r\n"]),
            bytes in 1usize..48,
        ) {
            let mut text = String::from(headings);
            text.extend(body);
            let mut chunked = ChunkedCsv::new(text.clone());
            while !chunked.step(bytes) {}
            prop_assert_eq!(chunked.finish(), read_cohort_csv(&text));
        }
    }
}
