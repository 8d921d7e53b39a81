//! The draft kept on this device (localStorage), so a reload or a flat battery loses nothing.
//! Every key starts with [`PREFIX`] so "Clear data on this device" can find them all.
//! Stored data carries a format version; unreadable data is set aside, never thrown away.

use crate::ui::state::draft::Draft;
use crate::ui::state::SavedScenario;
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};

pub const PREFIX: &str = "reablement-calculator:";
const DRAFT_KEY: &str = "reablement-calculator:draft";
const SET_ASIDE_KEY: &str = "reablement-calculator:unreadable-draft";
const STORED_VERSION: u32 = 1;

#[derive(Serialize, Deserialize)]
struct StoredDraft {
    version: u32,
    draft: Draft,
}

/// The browser's local storage, when there is one and it may be used (it can be missing or
/// refused, for example in a sandboxed frame).
fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok()?
}

/// What was found under a key.
pub enum Stored<T> {
    Nothing,
    Found(T),
    /// Something was stored but could not be read; it has been kept under another key.
    SetAside,
}

/// Reads the JSON stored under `key` when it is readable and of this version (`version`
/// says which it is); anything else is moved to `aside_key`, never thrown away.
fn read<W: DeserializeOwned>(key: &str, aside_key: &str, version: impl Fn(&W) -> u32) -> Stored<W> {
    let Some(store) = storage() else { return Stored::Nothing };
    let Ok(Some(text)) = store.get_item(key) else { return Stored::Nothing };
    match crate::ui::browser::json_text::parse::<W>(&text) {
        Some(stored) if version(&stored) == STORED_VERSION => Stored::Found(stored),
        _ => {
            let _ = store.set_item(aside_key, &text);
            let _ = store.remove_item(key);
            Stored::SetAside
        }
    }
}

/// Stores `value` as JSON under `key`, or removes the key when `empty`; `false` when the
/// device would not store it (storage missing, refused or full).
fn write<W: Serialize>(key: &str, value: &W, empty: bool) -> bool {
    let Some(store) = storage() else { return false };
    if empty {
        return store.remove_item(key).is_ok();
    }
    match crate::ui::browser::json_text::stringify(value, 0) {
        Some(text) => store.set_item(key, &text).is_ok(),
        None => false,
    }
}

pub fn load_draft() -> Stored<Draft> {
    match read::<StoredDraft>(DRAFT_KEY, SET_ASIDE_KEY, |s| s.version) {
        Stored::Found(stored) => Stored::Found(stored.draft),
        Stored::Nothing => Stored::Nothing,
        Stored::SetAside => Stored::SetAside,
    }
}

/// Saves the draft, or removes it when the form is blank — nothing but the defaults or the
/// council's `figures` — so a cleared form leaves nothing.
pub fn save_draft(draft: &Draft, figures: &crate::calc::council::Figures) {
    write(DRAFT_KEY, &StoredDraft { version: STORED_VERSION, draft: draft.clone() }, draft.is_blank_with(figures));
}

/// Removes everything this app has stored on the device; returns how many items.
pub fn clear_all() -> u32 {
    let Some(store) = storage() else { return 0 };
    let length = store.length().unwrap_or(0);
    let keys: Vec<String> =
        (0..length).filter_map(|i| store.key(i).ok().flatten()).filter(|k| k.starts_with(PREFIX)).collect();
    for key in &keys {
        let _ = store.remove_item(key);
    }
    keys.len() as u32
}

const SAVED_KEY: &str = "reablement-calculator:saved";
const SAVED_SET_ASIDE_KEY: &str = "reablement-calculator:unreadable-saved";

#[derive(Serialize, Deserialize)]
struct StoredSaved {
    version: u32,
    scenarios: Vec<SavedScenario>,
}

/// The saved list; empty when nothing is stored.
pub fn load_saved() -> Stored<Vec<SavedScenario>> {
    match read::<StoredSaved>(SAVED_KEY, SAVED_SET_ASIDE_KEY, |s| s.version) {
        Stored::Found(stored) => Stored::Found(stored.scenarios),
        Stored::Nothing => Stored::Found(Vec::new()),
        Stored::SetAside => Stored::SetAside,
    }
}

/// Keeps the list on the device; `false` when it could not be stored (storage full or refused).
pub fn save_saved(scenarios: &[SavedScenario]) -> bool {
    write(SAVED_KEY, &StoredSaved { version: STORED_VERSION, scenarios: scenarios.to_vec() }, scenarios.is_empty())
}

// ---------------------------------------------------------------- the whole-service view

const COHORT_KEY: &str = "reablement-calculator:service-rows";
const COLUMNS_KEY: &str = "reablement-calculator:service-columns";
/// How many files' column choices are remembered (the latest first).
const MAX_COLUMN_CHOICES: usize = 20;

/// The last cohort read from a file: where it came from, and its rows as CSV in the layout
/// this page reads (reference, amounts and end date: not the file's other columns, which may
/// hold what should not be kept).
#[derive(Serialize, Deserialize)]
struct StoredCohort {
    version: u32,
    source: String,
    rows: String,
}

/// The last cohort read, as `(source, CSV of its rows)`.
pub fn load_cohort() -> Option<(String, String)> {
    match read::<StoredCohort>(COHORT_KEY, "reablement-calculator:unreadable-service-rows", |s| s.version) {
        Stored::Found(stored) => Some((stored.source, stored.rows)),
        _ => None,
    }
}

/// Keeps the cohort's rows on the device; `false` when they could not be kept (too many for
/// the browser's storage, or storage refused).
pub fn save_cohort(source: &str, rows_csv: &str) -> bool {
    let stored = StoredCohort { version: STORED_VERSION, source: source.to_string(), rows: rows_csv.to_string() };
    write(COHORT_KEY, &stored, false) || {
        // A file too large to keep leaves no older one behind to come back instead.
        let _ = storage().map(|s| s.remove_item(COHORT_KEY));
        false
    }
}

/// Which column is which, as chosen for a file whose headings are `headings`.
#[derive(Clone, Serialize, Deserialize)]
struct ColumnChoice {
    headings: Vec<String>,
    reference: Option<usize>,
    before: usize,
    after: usize,
    ended: Option<usize>,
}

#[derive(Serialize, Deserialize)]
struct StoredColumns {
    version: u32,
    choices: Vec<ColumnChoice>,
}

fn column_choices() -> Vec<ColumnChoice> {
    match read::<StoredColumns>(COLUMNS_KEY, "reablement-calculator:unreadable-service-columns", |s| s.version) {
        Stored::Found(stored) => stored.choices,
        _ => Vec::new(),
    }
}

/// The columns chosen before for a file with exactly these headings.
pub fn load_columns(headings: &[String]) -> Option<crate::calc::cohort::Columns> {
    column_choices().into_iter().find(|c| c.headings == headings).map(|c| crate::calc::cohort::Columns {
        reference: c.reference,
        before: c.before,
        after: c.after,
        ended: c.ended,
    })
}

/// Remembers the columns chosen for a file with these headings (the headings are the key).
pub fn save_columns(headings: &[String], columns: crate::calc::cohort::Columns) {
    let mut choices = column_choices();
    choices.retain(|c| c.headings != headings);
    choices.insert(
        0,
        ColumnChoice {
            headings: headings.to_vec(),
            reference: columns.reference,
            before: columns.before,
            after: columns.after,
            ended: columns.ended,
        },
    );
    choices.truncate(MAX_COLUMN_CHOICES);
    write(COLUMNS_KEY, &StoredColumns { version: STORED_VERSION, choices }, false);
}
