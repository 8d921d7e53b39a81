//! The draft kept on this device (localStorage), so a reload or a flat battery loses nothing.
//! Every key starts with [`PREFIX`] so "Clear data on this device" can find them all.
//! Stored data carries a format version; unreadable data is set aside, never thrown away.

use super::draft::Draft;
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

pub enum Loaded {
    Nothing,
    Draft(Draft),
    /// Something was stored but could not be read; it has been kept under another key.
    SetAside,
}

pub fn load_draft() -> Loaded {
    let Some(store) = storage() else { return Loaded::Nothing };
    let Ok(Some(text)) = store.get_item(DRAFT_KEY) else { return Loaded::Nothing };
    match super::json_text::parse::<StoredDraft>(&text) {
        Some(stored) if stored.version == STORED_VERSION => Loaded::Draft(stored.draft),
        _ => {
            let _ = store.set_item(SET_ASIDE_KEY, &text);
            let _ = store.remove_item(DRAFT_KEY);
            Loaded::SetAside
        }
    }
}

/// Saves the draft, or removes it when the form is blank (so a cleared form leaves nothing).
pub fn save_draft(draft: &Draft) {
    let Some(store) = storage() else { return };
    if draft.is_blank() {
        let _ = store.remove_item(DRAFT_KEY);
        return;
    }
    if let Some(text) = super::json_text::stringify(&StoredDraft { version: STORED_VERSION, draft: draft.clone() }, 0) {
        let _ = store.set_item(DRAFT_KEY, &text);
    }
}

/// Removes everything this app has stored on the device; returns how many items.
pub fn clear_all() -> u32 {
    let Some(store) = storage() else { return 0 };
    let length = store.length().unwrap_or(0);
    let keys: Vec<String> = (0..length).filter_map(|i| store.key(i).ok().flatten()).filter(|k| k.starts_with(PREFIX)).collect();
    for key in &keys {
        let _ = store.remove_item(key);
    }
    keys.len() as u32
}

const SAVED_KEY: &str = "reablement-calculator:saved";
const SAVED_SET_ASIDE_KEY: &str = "reablement-calculator:unreadable-saved";

/// A scenario saved on this device: its case reference as a name, when it was saved, and the
/// scenario itself in the contract's file format (so it opens, exports and imports alike).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SavedScenario {
    pub id: u32,
    pub name: String,
    /// Milliseconds since 1970, from the device's clock.
    pub saved_at: f64,
    /// The scenario as JSON text, valid when saved.
    pub scenario: String,
}

#[derive(Serialize, Deserialize)]
struct StoredSaved {
    version: u32,
    scenarios: Vec<SavedScenario>,
}

pub enum LoadedSaved {
    List(Vec<SavedScenario>),
    /// Something was stored but could not be read; it has been kept under another key.
    SetAside,
}

pub fn load_saved() -> LoadedSaved {
    let Some(store) = storage() else { return LoadedSaved::List(Vec::new()) };
    let Ok(Some(text)) = store.get_item(SAVED_KEY) else { return LoadedSaved::List(Vec::new()) };
    match super::json_text::parse::<StoredSaved>(&text) {
        Some(stored) if stored.version == STORED_VERSION => LoadedSaved::List(stored.scenarios),
        _ => {
            let _ = store.set_item(SAVED_SET_ASIDE_KEY, &text);
            let _ = store.remove_item(SAVED_KEY);
            LoadedSaved::SetAside
        }
    }
}

/// Keeps the list on the device; `false` when it could not be stored (storage full or refused).
pub fn save_saved(scenarios: &[SavedScenario]) -> bool {
    let Some(store) = storage() else { return false };
    if scenarios.is_empty() {
        return store.remove_item(SAVED_KEY).is_ok();
    }
    match super::json_text::stringify(&StoredSaved { version: STORED_VERSION, scenarios: scenarios.to_vec() }, 0) {
        Some(text) => store.set_item(SAVED_KEY, &text).is_ok(),
        None => false,
    }
}
