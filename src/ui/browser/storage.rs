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
