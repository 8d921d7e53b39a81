//! Choosing which column is which, for a file whose headings the reader could not match
//! (`calc::cohort::read_cohort_csv_with` then reads it from the columns chosen). One select
//! per value a row needs, and an optional one for the end date (contract 1.2), each labelled,
//! each offering the file's own headings; the ones the reader could match are chosen already.

use crate::calc::cohort::{Column, Columns};
use crate::ui::widgets::fields::{FieldState, Select};
use std::rc::Rc;
use yew::prelude::*;

/// The reference and end date selects' choice for "this file has no such column".
const NONE: &str = "none";

/// The selects, in order: column, label, hint, message when nothing is chosen.
const SELECTS: [(Column, &str, &str, &str); 4] = [
    (
        Column::Reference,
        "Case reference",
        "The column that tells people apart, if there is one.",
        "Choose the column of case references, or “No reference column”",
    ),
    (
        Column::Before,
        "Weekly cost before reablement",
        "In pounds, like 295.23.",
        "Choose the column of weekly costs before reablement",
    ),
    (
        Column::After,
        "Weekly cost 28 days after reablement",
        "In pounds, like 29.98; 0 for no ongoing care.",
        "Choose the column of weekly costs 28 days after reablement",
    ),
    (
        Column::Ended,
        "End date (optional)",
        "The day reablement ended, like 24/09/2019: it shows the service week by week.",
        "",
    ),
];

/// The selects that may be left as "No … column", with that choice's words.
fn none_choice(column: Column) -> Option<&'static str> {
    match column {
        Column::Reference => Some("No reference column"),
        Column::Ended => Some("No end date column"),
        _ => None,
    }
}

pub const SAME_COLUMN: &str = "Choose a different column for each";

fn select_id(column: Column) -> &'static str {
    match column {
        Column::Reference => "service-column-reference",
        Column::Before => "service-column-before",
        Column::After => "service-column-after",
        Column::Ended => "service-column-ended",
    }
}

/// What each select starts with: the first heading that names its column, if any (the end
/// date: "No end date column" when none does).
pub fn guess(headings: &[String]) -> [String; 4] {
    SELECTS.map(|(column, ..)| match headings.iter().position(|h| Column::of_heading(h) == Some(column)) {
        Some(i) => i.to_string(),
        None if column == Column::Ended => NONE.to_string(),
        None => String::new(),
    })
}

/// The columns chosen (`""` for none yet, `"none"`, or a column's number from 0), or each
/// select's error.
pub fn check(chosen: &[String; 4], headings: usize) -> Result<Columns, [Option<&'static str>; 4]> {
    let column = |text: &str| text.parse::<usize>().ok().filter(|i| *i < headings);
    let picked: [Option<usize>; 4] = [0, 1, 2, 3].map(|i| column(&chosen[i]));
    let mut errors = [None; 4];
    for (i, (column, _, _, missing)) in SELECTS.iter().enumerate() {
        let none = none_choice(*column).is_some() && chosen[i] == NONE;
        if picked[i].is_none() && !none {
            errors[i] = Some(*missing);
        } else if picked[i].is_some() && picked[..i].contains(&picked[i]) {
            errors[i] = Some(SAME_COLUMN);
        }
    }
    match (errors, picked) {
        ([None, None, None, None], [reference, Some(before), Some(after), ended]) => {
            Ok(Columns { reference, before, after, ended })
        }
        _ => Err(errors),
    }
}

#[derive(Properties, PartialEq)]
pub struct Props {
    /// The file's name, and its heading line's cells.
    pub name: AttrValue,
    pub headings: Rc<Vec<String>>,
    pub onchoose: Callback<Columns>,
}

#[component]
pub fn ColumnChooser(props: &Props) -> Html {
    let chosen = use_state(|| guess(&props.headings));
    let errors = use_state(|| [None::<&'static str>; 4]);
    let options: Rc<Vec<(AttrValue, AttrValue)>> = use_memo(props.headings.clone(), |headings| {
        headings
            .iter()
            .enumerate()
            .map(|(i, h)| {
                let words = if h.is_empty() { format!("Column {}", i + 1) } else { format!("Column {}: {h}", i + 1) };
                (AttrValue::from(i.to_string()), AttrValue::from(words))
            })
            .collect()
    });
    let onsubmit = {
        let (chosen, errors, onchoose, count) =
            (chosen.clone(), errors.clone(), props.onchoose.clone(), props.headings.len());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            match check(&chosen, count) {
                Ok(columns) => {
                    errors.set([None; 4]);
                    onchoose.emit(columns);
                }
                Err(found) => {
                    errors.set(found);
                    // Focus the first select with an error, so it is announced and can be fixed.
                    if let Some(i) = found.iter().position(Option::is_some) {
                        crate::ui::browser::focus::focus_by_id(None, select_id(SELECTS[i].0));
                    }
                }
            }
        })
    };
    html! {
        <form class="service-columns" aria-labelledby="service-columns-heading" {onsubmit} novalidate=true>
            <h3 class="heading-s" id="service-columns-heading">{ "Which column is which?" }</h3>
            <p>{ format!("The headings of {} do not say which column is which. Choose the column that holds each value, then read the file again.", props.name) }</p>
            { for SELECTS.iter().enumerate().map(|(i, (column, label, hint, _))| {
                let mut options = (*options).clone();
                if let Some(words) = none_choice(*column) {
                    options.insert(0, (AttrValue::Static(NONE), AttrValue::Static(words)));
                }
                let onchange = {
                    let chosen = chosen.clone();
                    Callback::from(move |value: String| {
                        let mut next = (*chosen).clone();
                        next[i] = value;
                        chosen.set(next);
                    })
                };
                html! {
                    <Select field={FieldState::new(select_id(*column), errors[i])} label={html! { *label }}
                        hint={html! { *hint }} value={AttrValue::from(chosen[i].clone())} {options} {onchange} />
                }
            }) }
            <button type="submit" class="button">{ "Read the file with these columns" }</button>
        </form>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(a: &str, b: &str, c: &str, d: &str) -> [String; 4] {
        [a.to_string(), b.to_string(), c.to_string(), d.to_string()]
    }

    #[test]
    fn the_matched_headings_are_chosen_already() {
        let headings: Vec<String> = ["Name", "Cost before", "Now", "ID"].iter().map(|s| s.to_string()).collect();
        assert_eq!(guess(&headings), texts("3", "1", "", "none"));
        let headings: Vec<String> = ["Discharge date", "Cost before", "Now"].iter().map(|s| s.to_string()).collect();
        assert_eq!(guess(&headings), texts("", "1", "", "0"));
    }

    #[test]
    fn each_value_needs_its_own_column_and_the_end_date_is_optional() {
        let columns = |reference, before, after, ended| Columns { reference, before, after, ended };
        assert_eq!(check(&texts("0", "1", "2", "none"), 3), Ok(columns(Some(0), 1, 2, None)));
        assert_eq!(check(&texts("none", "2", "0", "1"), 3), Ok(columns(None, 2, 0, Some(1))));
        let missing = check(&texts("", "1", "", "none"), 3).unwrap_err();
        assert_eq!(missing, [Some(SELECTS[0].3), None, Some(SELECTS[2].3), None]);
        assert_eq!(
            check(&texts("1", "1", "1", "1"), 3).unwrap_err(),
            [None, Some(SAME_COLUMN), Some(SAME_COLUMN), Some(SAME_COLUMN)]
        );
        // A column the file does not have (a stale choice) is no choice.
        assert_eq!(check(&texts("none", "0", "5", "none"), 3).unwrap_err(), [None, None, Some(SELECTS[2].3), None]);
    }
}
