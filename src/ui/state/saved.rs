//! The scenarios saved on this device: save, open, duplicate, rename, delete with undo, and
//! the ones ticked for comparing.

use super::draft::Draft;
use super::{State, View, MAX_COMPARE};
use serde::{Deserialize, Serialize};

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

#[derive(Clone, Debug, PartialEq)]
pub enum SavedAction {
    /// Save the current scenario (valid JSON text, made by the caller from `calc`) under a name.
    /// When a saved scenario already has that name: `replace` puts this one in its place (as
    /// the newest); otherwise it is kept beside it under the next free name ("AR-0001 (2)").
    Save {
        name: String,
        scenario: String,
        now: f64,
        replace: bool,
    },
    /// Open a saved scenario in the calculator.
    OpenSaved(u32),
    DuplicateSaved(u32, f64),
    RenameSaved(u32, String),
    DeleteSaved(u32),
    /// Put back the scenario deleted last.
    UndoDelete,
    /// Tick or untick a saved scenario for comparing (at most 4).
    ToggleCompare(u32),
}

/// The saved scenario with this name, if any (names compared as a person would: trimmed, and
/// "ar-0001" is "AR-0001"). Case is folded for ASCII letters only, as case references are
/// written: Unicode's case tables would add about 10 KB to the first screen's module.
pub fn saved_named<'a>(saved: &'a [SavedScenario], name: &str) -> Option<&'a SavedScenario> {
    let name = name.trim();
    saved.iter().find(|s| !name.is_empty() && s.name.trim().eq_ignore_ascii_case(name))
}

/// The name a scenario is saved under: its reference, or "Scenario 3" without one; when that
/// name is taken and both are kept, "AR-0001 (2)", "AR-0001 (3)", …
pub fn name_to_save(saved: &[SavedScenario], name: &str, replace: bool) -> String {
    let name = name.trim();
    if name.is_empty() {
        return format!("Scenario {}", next_id(saved));
    }
    if replace || saved_named(saved, name).is_none() {
        return name.to_string();
    }
    (2..).map(|n| format!("{name} ({n})")).find(|n| saved_named(saved, n).is_none()).unwrap_or_default()
}

fn next_id(saved: &[SavedScenario]) -> u32 {
    saved.iter().map(|s| s.id).max().unwrap_or(0) + 1
}

pub(super) fn reduce(state: &mut State, action: SavedAction) {
    match action {
        // No notice at the top of the page: the save button confirms beside itself.
        SavedAction::Save { name, scenario, now, replace } => {
            let replaced = saved_named(&state.saved, &name).filter(|_| replace).map(|s| s.id);
            let id = replaced.unwrap_or_else(|| next_id(&state.saved));
            let name = name_to_save(&state.saved, &name, replace);
            state.saved.retain(|s| Some(s.id) != replaced);
            state.saved.insert(0, SavedScenario { id, name, saved_at: now, scenario });
        }
        SavedAction::OpenSaved(id) => {
            if let Some(saved) = state.saved.iter().find(|s| s.id == id).cloned() {
                if let Some(draft) = Draft::from_json_text(&saved.scenario) {
                    state.replace_draft(
                        draft,
                        format!("“{}” is open. Changes are not saved until you save again.", saved.name),
                    );
                    state.view = View::Calculator;
                }
            }
        }
        SavedAction::DuplicateSaved(id, now) => {
            if let Some(pos) = state.saved.iter().position(|s| s.id == id) {
                let new_id = state.saved.iter().map(|s| s.id).max().unwrap_or(0) + 1;
                let mut copy = state.saved[pos].clone();
                copy.id = new_id;
                copy.name = format!("Copy of {}", copy.name);
                copy.saved_at = now;
                state.notice = Some(format!("“{}” is saved.", copy.name));
                state.saved.insert(0, copy);
            }
        }
        SavedAction::RenameSaved(id, name) => {
            if let Some(saved) = state.saved.iter_mut().find(|s| s.id == id) {
                if !name.trim().is_empty() {
                    saved.name = name.trim().to_string();
                }
            }
        }
        SavedAction::DeleteSaved(id) => {
            if let Some(pos) = state.saved.iter().position(|s| s.id == id) {
                let removed = state.saved.remove(pos);
                state.compare.retain(|c| *c != id);
                state.notice = Some(format!("“{}” is deleted.", removed.name));
                state.deleted = Some((pos, removed));
                state.focus_on("saved".into());
            }
        }
        SavedAction::UndoDelete => {
            if let Some((pos, saved)) = state.deleted.take() {
                state.notice = Some(format!("“{}” is back.", saved.name));
                state.saved.insert(pos.min(state.saved.len()), saved);
            }
        }
        SavedAction::ToggleCompare(id) => {
            if let Some(pos) = state.compare.iter().position(|c| *c == id) {
                state.compare.remove(pos);
            } else if state.compare.len() < MAX_COMPARE {
                state.compare.push(id);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ui::state::{apply, Action};
    use std::rc::Rc;

    fn saved_arthur(s: Rc<State>) -> Rc<State> {
        let arthur = include_str!("../examples/data/arthur.json").to_string();
        apply(s, vec![SavedAction::Save { name: "AR-0001".into(), scenario: arthur, now: 1.0, replace: false }.into()])
    }

    #[test]
    fn saving_a_saved_reference_again_replaces_it_or_keeps_both() {
        let s = saved_arthur(Rc::new(State::default()));
        let first = s.saved[0].id;
        let save = |name: &str, scenario: &str, replace: bool| -> Action {
            SavedAction::Save { name: name.into(), scenario: scenario.into(), now: 5.0, replace }.into()
        };
        // Replace: still one entry, the same one, now the newest, with the new scenario.
        let replaced = apply(s.clone(), vec![save(" AR-0001 ", "{}", true)]);
        assert_eq!(replaced.saved.len(), 1);
        assert_eq!((replaced.saved[0].id, replaced.saved[0].name.as_str()), (first, "AR-0001"));
        assert_eq!((replaced.saved[0].scenario.as_str(), replaced.saved[0].saved_at), ("{}", 5.0));
        // Keep both: a second entry, under a name of its own.
        let both = apply(s, vec![save("AR-0001", "{}", false), save("AR-0001", "{}", false)]);
        let names: Vec<&str> = both.saved.iter().map(|x| x.name.as_str()).collect();
        assert_eq!(names, ["AR-0001 (3)", "AR-0001 (2)", "AR-0001"]);
        assert_eq!(name_to_save(&both.saved, "", false), "Scenario 4");
        assert!(both.notice.is_none(), "no message at the top of the page: the button confirms beside itself");
        assert!(saved_named(&both.saved, "AR-0002").is_none());
        assert!(saved_named(&both.saved, " ar-0001").is_some(), "a reference is the same in capitals or not");
    }

    #[test]
    fn saved_scenarios_open_duplicate_rename_and_delete_with_undo() {
        let s = saved_arthur(Rc::new(State::default()));
        let id = s.saved[0].id;
        let s = apply(
            s,
            vec![
                SavedAction::DuplicateSaved(id, 2.0).into(),
                SavedAction::RenameSaved(id, "Arthur at 28 days".into()).into(),
            ],
        );
        assert_eq!(
            s.saved.iter().map(|x| x.name.as_str()).collect::<Vec<_>>(),
            ["Copy of AR-0001", "Arthur at 28 days"]
        );
        let s = apply(s, vec![SavedAction::DeleteSaved(id).into()]);
        assert_eq!(s.saved.len(), 1);
        let s = apply(s, vec![SavedAction::UndoDelete.into()]);
        assert_eq!(s.saved[1].name, "Arthur at 28 days", "back where it was");
        let s = apply(s, vec![SavedAction::OpenSaved(id).into()]);
        assert_eq!(s.view, View::Calculator);
        assert_eq!(s.draft.goals.len(), 3);
        assert_eq!(s.saved.len(), 2, "opening keeps the list");
    }

    #[test]
    fn at_most_four_scenarios_are_compared() {
        let mut s = Rc::new(State::default());
        for _ in 0..5 {
            s = saved_arthur(s);
        }
        let ids: Vec<u32> = s.saved.iter().map(|x| x.id).collect();
        let s = apply(s, ids.iter().map(|id| SavedAction::ToggleCompare(*id).into()).collect());
        assert_eq!(s.compare, ids[..4]);
        let s = apply(s, vec![SavedAction::ToggleCompare(ids[0]).into(), SavedAction::ToggleCompare(ids[4]).into()]);
        assert_eq!(s.compare, [ids[1], ids[2], ids[3], ids[4]]);
    }
}
