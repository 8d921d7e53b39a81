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
    /// When the form is a saved entry ([`updating`]) that entry is updated (as the newest).
    /// Otherwise, when a saved scenario already has that name: `replace` puts this one in its
    /// place (as the newest), or it is kept beside it under the next free name ("AR-0001 (2)").
    /// The form is then the entry saved.
    Save {
        name: String,
        scenario: String,
        now: f64,
        replace: bool,
    },
    /// Ask "Replace it or keep both?" (`true`), or answer it with Cancel (`false`).
    AskReplace(bool),
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

/// The saved entry that saving this form updates: the one it was opened from or last saved as,
/// while that is still in the list and the form's case reference is still the one it had then
/// (compared as [`saved_named`] does). A different reference is a different scenario.
pub fn updating<'a>(state: &'a State, reference: &str) -> Option<&'a SavedScenario> {
    let (id, was) = state.saved_as.as_ref()?;
    let same = was.trim().eq_ignore_ascii_case(reference.trim());
    state.saved.iter().find(|s| same && s.id == *id)
}

/// Whether saving must first ask "Replace it or keep both?": a different saved scenario has
/// this reference. That saved scenario, if so.
pub fn asks_first<'a>(state: &'a State, reference: &str) -> Option<&'a SavedScenario> {
    match updating(state, reference) {
        Some(_) => None,
        None => saved_named(&state.saved, reference),
    }
}

fn next_id(saved: &[SavedScenario]) -> u32 {
    saved.iter().map(|s| s.id).max().unwrap_or(0) + 1
}

pub(super) fn reduce(state: &mut State, action: SavedAction) {
    match action {
        // No notice at the top of the page: the save button confirms beside itself.
        SavedAction::Save { name: reference, scenario, now, replace } => {
            let (replaced, name) = match updating(state, &reference) {
                Some(entry) => (Some(entry.id), entry.name.clone()),
                None => (
                    saved_named(&state.saved, &reference).filter(|_| replace).map(|s| s.id),
                    name_to_save(&state.saved, &reference, replace),
                ),
            };
            let id = replaced.unwrap_or_else(|| next_id(&state.saved));
            state.saved.retain(|s| Some(s.id) != replaced);
            state.saved.insert(0, SavedScenario { id, name, saved_at: now, scenario });
            state.saved_as = Some((id, reference));
            state.asking_replace = false;
        }
        SavedAction::AskReplace(ask) => state.asking_replace = ask,
        SavedAction::OpenSaved(id) => {
            if let Some(saved) = state.saved.iter().find(|s| s.id == id).cloned() {
                if let Some(draft) = Draft::from_json_text(&saved.scenario) {
                    let reference = draft.reference.trim().to_string();
                    state.replace_draft(
                        draft,
                        format!("“{}” is open. Changes are not saved until you save again.", saved.name),
                    );
                    state.saved_as = Some((id, reference));
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
    use crate::ui::state::{apply, Action, FormAction, Handover, NavAction, Setting};
    use std::rc::Rc;

    /// A new form (so not a saved entry), saved as AR-0001 with Arthur's scenario.
    fn saved_arthur(s: Rc<State>) -> Rc<State> {
        let arthur = include_str!("../examples/data/arthur.json").to_string();
        apply(
            s,
            vec![
                new_form(),
                SavedAction::Save { name: "AR-0001".into(), scenario: arthur, now: 1.0, replace: false }.into(),
            ],
        )
    }

    /// Another form than the one saved: an empty one, as from a file.
    fn new_form() -> Action {
        FormAction::Opened(Box::default()).into()
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
        let both = apply(s, vec![new_form(), save("AR-0001", "{}", false), new_form(), save("AR-0001", "{}", false)]);
        let names: Vec<&str> = both.saved.iter().map(|x| x.name.as_str()).collect();
        assert_eq!(names, ["AR-0001 (3)", "AR-0001 (2)", "AR-0001"]);
        assert_eq!(name_to_save(&both.saved, "", false), "Scenario 4");
        assert!(both.notice.is_none(), "no message at the top of the page: the button confirms beside itself");
        assert!(saved_named(&both.saved, "AR-0002").is_none());
        assert!(saved_named(&both.saved, " ar-0001").is_some(), "a reference is the same in capitals or not");
    }

    fn save(reference: &str, scenario: &str, replace: bool) -> Action {
        SavedAction::Save { name: reference.into(), scenario: scenario.into(), now: 9.0, replace }.into()
    }

    #[test]
    fn a_scenario_opened_from_the_saved_list_is_updated_without_a_question() {
        let mk_0412 = include_str!("../examples/data/arthur.json").replace("AR-0002", "MK-0412");
        let s = saved_arthur(Rc::new(State::default()));
        let s = apply(s, vec![new_form(), save("MK-0412", &mk_0412, false), new_form()]);
        let (arthur, mk) = (s.saved[1].id, s.saved[0].id);
        assert!(s.saved_as.is_none() && asks_first(&s, "MK-0412").is_some(), "a new form asks first");
        // Opened from the list, a goal ticked: saving updates it, even renamed in the list.
        let s = apply(
            s,
            vec![SavedAction::RenameSaved(mk, "MK-0412 at review".into()).into(), SavedAction::OpenSaved(mk).into()],
        );
        assert_eq!(s.draft.reference, "MK-0412");
        assert_eq!(updating(&s, " mk-0412").map(|e| e.id), Some(mk));
        assert!(asks_first(&s, "MK-0412").is_none(), "no question for the scenario opened");
        let s = apply(s, vec![save("MK-0412", "{\"b\": 2}", false)]);
        let entries: Vec<(u32, &str, &str)> =
            s.saved.iter().map(|e| (e.id, e.name.as_str(), e.scenario.as_str())).collect();
        assert_eq!(entries[0], (mk, "MK-0412 at review", "{\"b\": 2}"), "updated in place, as the newest");
        assert_eq!(entries.len(), 2);
        // Saved once more: still that entry (the form is the entry it was saved as).
        let s = apply(s, vec![save("MK-0412", "{\"b\": 3}", false)]);
        assert_eq!((s.saved.len(), s.saved[0].id, s.saved[0].scenario.as_str()), (2, mk, "{\"b\": 3}"));

        // Another reference is another scenario: a saved one with that reference asks first.
        assert_eq!(asks_first(&s, "AR-0001").map(|e| e.id), Some(arthur));
        assert!(updating(&s, "AR-0001").is_none());
        // A form that is not a saved entry (an example loaded) asks about the same reference.
        let fresh = apply(s.clone(), vec![new_form()]);
        assert!(fresh.saved_as.is_none());
        assert_eq!(asks_first(&fresh, "AR-0001").map(|e| e.id), Some(arthur));
        // Deleted from the list: saving saves it anew.
        let gone = apply(s, vec![SavedAction::DeleteSaved(mk).into()]);
        assert!(updating(&gone, "MK-0412").is_none() && asks_first(&gone, "MK-0412").is_none());
    }

    #[test]
    fn an_unanswered_question_stays_until_it_is_answered() {
        let s = saved_arthur(Rc::new(State::default()));
        let s = apply(
            s,
            vec![
                new_form(),
                SavedAction::AskReplace(true).into(),
                NavAction::Show(View::Examples).into(),
                FormAction::Set(Setting::Reference, "AR-0001".into()).into(),
                NavAction::Show(View::Calculator).into(),
            ],
        );
        assert!(s.asking_replace, "moving on and typing leave the question waiting");
        let handed = Handover::from_state(&s).into_state(View::Saved);
        assert!(handed.asking_replace, "the whole app taking over keeps it");
        let cancelled = apply(s.clone(), vec![SavedAction::AskReplace(false).into()]);
        assert!(!cancelled.asking_replace && cancelled.saved.len() == 1);
        let replaced = apply(s, vec![save("AR-0001", "{}", true)]);
        assert!(!replaced.asking_replace);
        assert_eq!(replaced.saved_as, Some((replaced.saved[0].id, "AR-0001".into())));
        assert_eq!(replaced.saved.len(), 1);
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
