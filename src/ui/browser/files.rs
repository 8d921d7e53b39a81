//! Files the user takes away: a download from text, without a server and without adding
//! anything to the page (so it behaves inside someone else's page too), and CSV text whose
//! cells are safe to open in a spreadsheet.

/// A CSV cell that is safe to open in a spreadsheet. A cell starting with `=`, `+`, `-`, `@`,
/// a tab or a carriage return (after any spaces; full-width `＝＋－＠` too) could be run as a
/// formula, so it gets a leading `'` — except a plain number such as `-8.15`, which a
/// spreadsheet reads as the number it is and which cannot hold a formula. Then, per RFC 4180,
/// a cell with a comma, a double quote or a line break is quoted, inner quotes doubled.
pub fn csv_cell(text: &str) -> String {
    let first = text.trim_start_matches(' ').chars().next();
    let risky =
        matches!(first, Some('=' | '+' | '-' | '@' | '\t' | '\r' | '\u{FF1D}' | '\u{FF0B}' | '\u{FF0D}' | '\u{FF20}'))
            && !is_plain_number(text);
    let cell = if risky { format!("'{text}") } else { text.to_string() };
    if cell.contains([',', '"', '\r', '\n']) {
        format!("\"{}\"", cell.replace('"', "\"\""))
    } else {
        cell
    }
}

/// `-8.15`, `12`, `-0.5`: an optional minus, digits, and optionally a point and digits.
fn is_plain_number(text: &str) -> bool {
    let digits = text.strip_prefix('-').unwrap_or(text);
    let (whole, fraction) = match digits.split_once('.') {
        Some((w, f)) => (w, Some(f)),
        None => (digits, None),
    };
    let all_digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    all_digits(whole) && fraction.is_none_or(all_digits)
}

/// Offers `text` as a file called `file_name`.
pub fn download(file_name: &str, mime: &str, text: &str) {
    use wasm_bindgen::JsCast;
    let url = gloo::file::ObjectUrl::from(gloo::file::Blob::new_with_options(text, Some(mime)));
    if let Ok(a) = gloo::utils::document().create_element("a") {
        let a: web_sys::HtmlAnchorElement = a.unchecked_into();
        a.set_href(&url);
        a.set_download(file_name);
        a.click();
    }
    // Revoke the URL once the browser has had time to start the download.
    gloo::timers::callback::Timeout::new(30_000, move || drop(url)).forget();
}

/// CSV text: a byte order mark (so spreadsheets read `£` right), then CRLF lines of cells
/// made safe by [`csv_cell`] (no formulas; quoted where needed).
pub fn csv_text(records: impl IntoIterator<Item = Vec<String>>) -> String {
    let mut out = String::from("\u{feff}");
    for record in records {
        let cells: Vec<String> = record.iter().map(|c| csv_cell(c)).collect();
        out.push_str(&cells.join(","));
        out.push_str("\r\n");
    }
    out
}

/// A file name from a case reference: letters, digits and `-` only, never empty.
pub fn file_name(reference: &str, extension: &str) -> String {
    let stem: String = reference
        .trim()
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() || c == '-' { c } else { '-' })
        .collect::<String>()
        .trim_matches('-')
        .chars()
        .take(60)
        .collect();
    let stem = if stem.is_empty() { "reablement-scenario".to_string() } else { stem };
    format!("{stem}.{extension}")
}

/// The headings of a results CSV: the service view reads the first three columns as they are.
pub const RESULT_HEADINGS: [&str; 11] = [
    "reference",
    "before_weekly",
    "after_weekly",
    "change_weekly",
    "reduction_percent",
    "baseline_weekly",
    "after_vs_baseline_weekly",
    "annual_change",
    "break_even_weeks",
    "goals_achieved",
    "goals_total",
];

/// One row of a results CSV, amounts as plain decimals (`295.23`, `-295.23`).
pub fn result_row(reference: &str, o: &crate::calc::Outcome) -> Vec<String> {
    use crate::calc::money::one_place;
    vec![
        reference.to_string(),
        o.before.weekly_pence.decimal(),
        o.after.weekly_pence.decimal(),
        o.change_pence.decimal(),
        o.reduction_percent.map(one_place).unwrap_or_default(),
        o.baseline_pence.decimal(),
        o.after_vs_baseline_pence.decimal(),
        o.annual_change_pence.decimal(),
        o.break_even_weeks.map(|w| w.to_string()).unwrap_or_default(),
        o.goals.achieved.to_string(),
        o.goals.total.to_string(),
    ]
}

/// A results CSV: the headings, then one row per `(reference, outcome)`.
pub fn results_csv<'a>(rows: impl IntoIterator<Item = (&'a str, &'a crate::calc::Outcome)>) -> String {
    csv_text(
        std::iter::once(RESULT_HEADINGS.iter().map(|h| h.to_string()).collect())
            .chain(rows.into_iter().map(|(reference, outcome)| result_row(reference, outcome))),
    )
}

/// The headings of the week-by-week CSV (contract 1.1): one line per week of reablement.
pub const WEEK_HEADINGS: [&str; 5] = ["reference", "week", "weekly_cost", "minutes_per_week", "stopped_that_week"];

/// The weeks of one scenario as CSV: the headings, then one line per week, amounts as plain
/// decimals; `stopped` names the visits that stopped in each week (`;` between names).
pub fn weeks_csv(reference: &str, episode: &crate::calc::Episode, stopped: &[Vec<String>]) -> String {
    csv_text(std::iter::once(WEEK_HEADINGS.iter().map(|h| h.to_string()).collect()).chain(
        episode.timeline.iter().enumerate().map(|(i, w)| {
            vec![
                reference.to_string(),
                w.week.to_string(),
                w.weekly_pence.decimal(),
                w.minutes_per_week.to_string(),
                stopped.get(i).map(|names| names.join("; ")).unwrap_or_default(),
            ]
        }),
    ))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::calc::{calculate, json, read_cohort_csv, Scenario};

    fn arthur() -> crate::calc::Outcome {
        let value = json::parse(include_str!("../examples/data/arthur.json")).unwrap();
        calculate(&Scenario::from_json(&value).unwrap()).outcome
    }

    #[test]
    fn a_results_csv_goes_straight_into_the_service_view() {
        let o = arthur();
        let text = results_csv([("AR-0001", &o), ("=HYPERLINK(\"x\")", &o)]);
        assert!(text.starts_with("\u{feff}reference,before_weekly,after_weekly,change_weekly,"));
        assert!(text.contains("\r\nAR-0001,295.23,0.00,-295.23,100.0,38.13,-38.13,-15351.96,,3,3\r\n"), "{text}");
        assert!(text.contains("\"'=HYPERLINK(\"\"x\"\")\""), "formulas are made safe: {text}");
        // The service view's reader takes it as it is: the first three columns are its rows.
        let read = read_cohort_csv(&text);
        assert_eq!(read.problems, []);
        assert_eq!(read.rows.len(), 2);
        assert_eq!((read.rows[0].before_weekly.0, read.rows[0].after_weekly.0), (29523, 0));
    }

    #[test]
    fn the_weeks_csv_has_one_line_per_week() {
        let value = json::parse(include_str!("../examples/data/arthur.json")).unwrap();
        let scenario = Scenario::from_json(&value).unwrap();
        let calculation = calculate(&scenario);
        let episode = calculation.outcome.episode.unwrap();
        let stopped = vec![vec![], vec!["Evening: undressing".to_string()]];
        assert_eq!(
            weeks_csv("@AR-0002", &episode, &stopped),
            "\u{feff}reference,week,weekly_cost,minutes_per_week,stopped_that_week\r\n\
             '@AR-0002,1,295.23,735,\r\n\
             '@AR-0002,2,210.88,525,Evening: undressing\r\n"
        );
    }

    #[test]
    fn formula_cells_are_made_safe() {
        assert_eq!(csv_cell("=1+1"), "'=1+1");
        assert_eq!(csv_cell("+44 20 7946 0000"), "'+44 20 7946 0000");
        assert_eq!(csv_cell("-2+3+cmd|' /C calc'!A0"), "'-2+3+cmd|' /C calc'!A0");
        assert_eq!(csv_cell("@SUM(A1:A2)"), "'@SUM(A1:A2)");
        assert_eq!(csv_cell("\t=1"), "'\t=1");
        assert_eq!(csv_cell("\r=1"), "\"'\r=1\"");
        assert_eq!(csv_cell("  =1"), "'  =1");
        assert_eq!(csv_cell("\u{FF1D}1+1"), "'\u{FF1D}1+1");
        assert_eq!(csv_cell("-"), "'-");
        assert_eq!(csv_cell("-1+2"), "'-1+2");
        assert_eq!(csv_cell("-1e5"), "'-1e5");
        assert_eq!(csv_cell("+44 20"), "'+44 20");
        assert_eq!(csv_cell("@SUM(A1)"), "'@SUM(A1)");
        assert_eq!(csv_cell("  =cmd"), "'  =cmd");
        assert_eq!(csv_cell("-2+3"), "'-2+3");
    }

    #[test]
    fn formula_cells_with_commas_and_quotes_are_escaped_then_quoted() {
        assert_eq!(csv_cell("=HYPERLINK(\"http://x\",\"y\")"), "\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\"");
        assert_eq!(csv_cell("=1,2"), "\"'=1,2\"");
    }

    #[test]
    fn plain_cells_and_numbers_are_left_alone_or_quoted() {
        assert_eq!(csv_cell("L-001"), "L-001");
        assert_eq!(csv_cell("-8.15"), "-8.15");
        assert_eq!(csv_cell("-12"), "-12");
        assert_eq!(csv_cell("1702404.60"), "1702404.60");
        assert_eq!(csv_cell(""), "");
        assert_eq!(csv_cell("B-2, flat 3"), "\"B-2, flat 3\"");
        assert_eq!(csv_cell("say \"hi\""), "\"say \"\"hi\"\"\"");
        assert_eq!(csv_cell("two\nlines"), "\"two\nlines\"");
        assert_eq!(csv_cell("a=b"), "a=b");
        assert_eq!(csv_cell("-295.23"), "-295.23", "a plain negative amount stays a number");
        assert_eq!(csv_cell("a,b"), "\"a,b\"");
        assert_eq!(csv_cell("AB-1234"), "AB-1234");
    }

    #[test]
    fn file_names_from_references() {
        assert_eq!(file_name("AB-1234", "json"), "AB-1234.json");
        assert_eq!(file_name(" a/b\\c ", "csv"), "a-b-c.csv");
        assert_eq!(file_name("", "json"), "reablement-scenario.json");
        assert_eq!(file_name("../../etc", "json"), "etc.json");
    }
}
