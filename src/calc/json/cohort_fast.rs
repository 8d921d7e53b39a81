//! The fast cohort reader: cohort rows that are flat and valid (as the JS API is given them)
//! are read straight from the text into [`CohortRow`]s, with no value tree; at 100,000 rows
//! that tree was most of the time. It answers `None` as soon as anything is unusual, and
//! [`Cohort::from_json_text`] then hands the whole text to the general reader, so the errors
//! and paths cannot differ. That both readers agree is a property test in
//! `tests/properties.rs`.

use super::parser::{Parser, Scalar};
use super::value::{Key, Value};
use crate::calc::cohort::{over_time, row_amount, Cohort, CohortRow, Day, COHORT_FIELDS, MAX_ROWS, ROW_FIELDS};
use crate::calc::money::Pence;

/// The fast reader: `None` as soon as anything is not a flat, valid row or a known setting.
/// The settings (a few values) go through [`Cohort::from_json`] as usual.
pub fn read_flat(text: &str) -> Option<Cohort> {
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
    // Dates covering too many periods: the general reader reports it.
    if over_time::span_error(&cohort.rows, cohort.period).is_some() {
        return None;
    }
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
    let mut cells: [Option<Scalar>; 4] = [None; 4];
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
    let ended = match cells[3] {
        None | Some(Scalar::Null) => None,
        Some(Scalar::Text(text)) => Some(Day::parse_iso(text)?),
        Some(Scalar::Number(_)) => return None,
    };
    Some(CohortRow { reference, before_weekly: flat_amount(cells[1])?, after_weekly: flat_amount(cells[2])?, ended })
}

/// A row's amount as [`Pence::from_json`] reads it, within a row's range.
fn flat_amount(cell: Option<Scalar>) -> Option<Pence> {
    row_amount(match cell? {
        Scalar::Text(text) => Pence::parse(text),
        Scalar::Number(literal) => Pence::from_number_literal(literal),
        Scalar::Null => None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::calc::cohort::msg;
    use crate::calc::json;
    use crate::calc::scenario::FieldMessage;

    #[test]
    fn ordinary_rows_take_the_fast_path() {
        let text = r#" { "rows" : [ {"reference":"A-1","before_weekly":"295.23","after_weekly":0},
            {"before_weekly":26.5,"after_weekly":"£1,850.00","reference":null}, {"after_weekly":"0","before_weekly":1e2} ],
            "baseline_weekly":"38.13", "people_per_week": 77.25, "package_weeks": 52 } "#;
        let fast = read_flat(text).expect("flat, valid rows are read by the fast reader");
        assert_eq!(
            fast.rows[1],
            CohortRow {
                reference: String::new(),
                before_weekly: Pence(2650),
                after_weekly: Pence(185_000),
                ended: None
            }
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
