//! The whole-service results as CSV files.
// `'`, plain numbers such as -8.15 stay numbers; RFC 4180 quoting), shared with the
// single-person results file.

use super::state::Figures;
use super::words::hundredths;
use crate::calc::money::one_place;
use crate::calc::{CohortRow, Pence};
use crate::ui::browser::files::csv_text;

/// The results as a two-column table (`figure,value`): what was read, the figures used and
/// every result, amounts as plain decimals (`29.98`, `-8.15`) so a spreadsheet can sum them.
pub fn summary_csv(figures: &Figures, source: Option<&str>, lines_not_used: usize) -> String {
    let c = &figures.cohort;
    let r = &figures.result;
    let amount = |p: Option<Pence>| p.map(Pence::decimal).unwrap_or_default();
    let rows: Vec<(&str, String)> = vec![
        ("Rows from", source.unwrap_or("").to_string()),
        ("People (rows used)", r.count.to_string()),
        ("Lines of the file that could not be used", lines_not_used.to_string()),
        ("Baseline per person per week (£)", c.baseline_weekly.decimal()),
        ("People starting reablement a week", hundredths(c.people_per_week_hundredths)),
        ("Weeks an ongoing package lasts on average", c.package_weeks.to_string()),
        ("Weeks in a year", c.weeks_per_year.to_string()),
        ("Mean before reablement per person per week (£)", amount(r.mean_before_pence)),
        ("Mean 28 days after reablement per person per week (£)", amount(r.mean_after_pence)),
        ("Mean after minus the baseline (£)", amount(r.after_vs_baseline_pence)),
        ("People with no ongoing care", r.no_ongoing_care_count.to_string()),
        ("People with no ongoing care (%)", r.no_ongoing_care_percent.map(one_place).unwrap_or_default()),
        ("Saved a year against the baseline (£; negative is more spent)", amount(r.annual_effect_pence)),
        ("Calculator version", crate::calc::VERSION.to_string()),
    ];
    csv_text(
        std::iter::once(vec!["figure".to_string(), "value".to_string()])
            .chain(rows.into_iter().map(|(figure, value)| vec![figure.to_string(), value])),
    )
}

/// The rows used, in the layout this page reads (`reference,before_weekly,after_weekly,ended`,
/// amounts like `295.23`): for rows that did not come from a file (the presets).
pub fn rows_csv(rows: &[CohortRow]) -> String {
    csv_text(std::iter::once(["reference", "before_weekly", "after_weekly", "ended"].map(String::from).to_vec()).chain(
        rows.iter().map(|r| {
            vec![
                r.reference.clone(),
                r.before_weekly.decimal(),
                r.after_weekly.decimal(),
                r.ended.map(|d| d.iso()).unwrap_or_default(),
            ]
        }),
    ))
}

/// The rows used from a file, with all its columns as the file has them (its dates, its
/// other columns), in the file's order: the file without its bad lines, its totals and its
/// rows not yet reviewed. Cells a spreadsheet would run as formulas are neutralised.
pub fn file_rows_csv(text: &str, lines: &[u64]) -> Option<String> {
    let (headings, records) = crate::calc::cohort::records_at(text, lines)?;
    Some(csv_text(std::iter::once(headings).chain(records)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::calc::read_cohort_csv;
    use crate::ui::service::state::tests::reduce;
    use crate::ui::service::state::{Action, Preset, State};

    #[test]
    fn summary_csv_has_every_figure_as_a_plain_number() {
        let s = reduce(State::default(), Action::Preset(Preset::LeicestershireRedesigned));
        let f = s.figures.as_ref().as_ref().unwrap();
        let text = summary_csv(f, Some("=evil.csv"), 0);
        assert!(
            text.starts_with("\u{feff}figure,value\r\nRows from,'=evil.csv\r\nPeople (rows used),10\r\n"),
            "{text}"
        );
        for line in [
            "Baseline per person per week (£),38.13",
            "People starting reablement a week,77.25",
            "Mean before reablement per person per week (£),202.44",
            "Mean 28 days after reablement per person per week (£),29.98",
            "Mean after minus the baseline (£),-8.15",
            "People with no ongoing care,5",
            "People with no ongoing care (%),50.0",
            "Saved a year against the baseline (£; negative is more spent),1702404.60",
        ] {
            assert!(text.contains(&format!("{line}\r\n")), "missing {line:?} in {text}");
        }
    }

    #[test]
    fn rows_csv_reads_back_and_is_safe() {
        let rows = vec![
            CohortRow {
                reference: "=cmd|' /C calc'!A0".into(),
                before_weekly: Pence(29523),
                after_weekly: Pence(0),
                ended: None,
            },
            CohortRow {
                reference: "B-2, flat \"3\"".into(),
                before_weekly: Pence(185_000),
                after_weekly: Pence(2998),
                ended: None,
            },
            CohortRow { reference: "".into(), before_weekly: Pence(5), after_weekly: Pence(10_000_000), ended: None },
        ];
        let text = rows_csv(&rows);
        assert_eq!(
            text,
            "\u{feff}reference,before_weekly,after_weekly,ended\r\n'=cmd|' /C calc'!A0,295.23,0.00,\r\n\"B-2, flat \"\"3\"\"\",1850.00,29.98,\r\n,0.05,100000.00,\r\n"
        );
        let back = read_cohort_csv(&text);
        assert!(back.problems.is_empty(), "{:?}", back.problems);
        assert_eq!(back.rows.len(), 3);
        assert_eq!(back.rows[0].reference, "'=cmd|' /C calc'!A0");
        assert_eq!(back.rows[1], rows[1]);
        assert_eq!(back.rows[2], rows[2]);
    }

    #[test]
    fn the_rows_used_from_a_file_keep_its_columns_and_are_safe() {
        let text = "Client ID,Team,Discharge date,before_weekly,after_weekly\r\n=HYPERLINK(\"x\"),North,24/09/2019,100,0\r\nB,South,25/09/2019,x,0\r\nTotal,,,100,0\r\n";
        let read = read_cohort_csv(text);
        let out = file_rows_csv(text, &read.lines).unwrap();
        assert_eq!(
            out,
            "\u{feff}Client ID,Team,Discharge date,before_weekly,after_weekly\r\n\"'=HYPERLINK(\"\"x\"\")\",North,24/09/2019,100,0\r\n"
        );
    }
}
