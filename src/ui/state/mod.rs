//! All of the calculator's state in one place: one [`Action`] enum and one reducer. Every
//! figure the page shows is derived from `draft` by one call into `calc` per render.

pub mod computed;
pub mod context;
pub mod draft;

use self::draft::{CostDraft, Draft, GoalDraft, PackageDraft, VisitDraft, Which};
use crate::ui::browser::storage::SavedScenario;
use std::rc::Rc;
use yew::Reducible;

/// Which screen is showing.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum View {
    /// One person's goals, package and outcome.
    #[default]
    Calculator,
    /// Worked examples for training, each with its story.
    Examples,
    /// The working of the current scenario, one step at a time, for a projector.
    Present,
    /// A whole cohort against the baseline.
    Service,
    /// Scenarios saved on this device, and comparing them.
    Saved,
}

/// What a confirmation question is about.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Confirm {
    StartAgain,
    ClearDevice,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Setting {
    Reference,
    Baseline,
    HourlyRate,
    WeeksPerYear,
    ReablementCost,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum GoalField {
    Description,
    Outcome,
    Status,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum VisitField {
    Label,
    Minutes,
    Carers,
    DaysPerWeek,
    HourlyRate,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CostField {
    Label,
    Weekly,
}

#[derive(Clone, Debug, PartialEq)]
pub enum Action {
    Set(Setting, String),
    AddGoal,
    EditGoal(u32, GoalField, String),
    RemoveGoal(u32),
    AddVisit(Which),
    EditVisit(Which, u32, VisitField, String),
    ToggleVisitGoal(Which, u32, String),
    RemoveVisit(Which, u32),
    AddCost(Which),
    EditCost(Which, u32, CostField, String),
    RemoveCost(Which, u32),
    /// `true`: enter the after package directly, starting from a copy of before.
    /// `false`: work it out from the goals again (the entered package is kept aside).
    SetAfterExplicit(bool),
    /// The user asked for the result: show every error, and move focus to the summary.
    Submit,
    /// Replace the whole form (an example, a restored draft, an imported file).
    Load(Box<Draft>, String),
    /// Ask before something that loses the form.
    Ask(Confirm),
    CancelConfirm,
    /// Empty the form. (Clearing stored data is done by the caller first.)
    StartAgain(String),
    DismissNotice,
    Show(View),
    /// Put back the answers replaced by the last `Load`.
    Undo,
    /// Save the current scenario (valid JSON text, made by the caller from `calc`) under a name.
    Save {
        name: String,
        scenario: String,
        now: f64,
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
    /// The draft after opening a saved scenario or a file: the caller parsed it.
    Opened(Box<Draft>, String),
    /// A share link's scenario arrived: ask before it replaces the form.
    Incoming(Box<Draft>),
    AcceptIncoming,
    RejectIncoming,
    /// A message for the top of the page.
    Notice(String),
}

#[derive(Clone, Debug, PartialEq)]
pub struct State {
    pub draft: Draft,
    /// Errors show (inline and in the summary) once the user has asked for the result.
    pub show_errors: bool,
    /// Bumped on each submit so the page can move focus to the error summary.
    pub submit_count: u32,
    /// A question waiting for "yes" before the form is emptied.
    pub confirm: Option<Confirm>,
    /// A short message at the top of the page ("Arthur's example loaded").
    pub notice: Option<String>,
    /// An explicit after package put aside when switching back to "work it out".
    pub parked_after: Option<PackageDraft>,
    /// Where keyboard focus goes after an add or remove (a field's JSON path), and a counter
    /// that changes each time, so the page moves focus once per request.
    pub focus: Option<String>,
    pub focus_seq: u32,
    pub view: View,
    /// The answers a `Load` replaced, so that loading an example never loses work.
    pub replaced: Option<Box<Draft>>,
    /// Scenarios saved on this device, newest first.
    pub saved: Vec<SavedScenario>,
    /// The last deleted saved scenario and where it was, for "Undo".
    pub deleted: Option<(usize, SavedScenario)>,
    /// Saved scenarios ticked for comparing, in the order ticked.
    pub compare: Vec<u32>,
    /// A scenario from a share link, waiting for "Open it" or "Keep my form".
    pub incoming: Option<Box<Draft>>,
}

/// At most this many scenarios side by side.
pub const MAX_COMPARE: usize = 4;

impl State {
    /// A new form (an example, a saved scenario, a file), keeping what is not the form: the
    /// screen, the saved list, and the replaced answers for "Put back my previous answers".
    fn replace_draft(&mut self, draft: Draft, notice: String) {
        let replaced = (!self.draft.is_blank() && self.draft != draft).then(|| Box::new(self.draft.clone()));
        let mut next = State::new(draft, Some(notice));
        next.view = self.view;
        next.saved = std::mem::take(&mut self.saved);
        next.compare = std::mem::take(&mut self.compare);
        next.replaced = replaced;
        *self = next;
    }

    fn focus_on(&mut self, path: String) {
        self.focus = Some(path);
        self.focus_seq += 1;
    }
}

impl State {
    pub fn new(draft: Draft, notice: Option<String>) -> State {
        State {
            draft,
            show_errors: false,
            submit_count: 0,
            confirm: None,
            notice,
            parked_after: None,
            focus: None,
            focus_seq: 0,
            view: View::Calculator,
            replaced: None,
            saved: Vec::new(),
            deleted: None,
            compare: Vec::new(),
            incoming: None,
        }
    }
}

impl Default for State {
    fn default() -> Self {
        State::new(Draft::default(), None)
    }
}

impl Reducible for State {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut state = (*self).clone();
        let draft = &mut state.draft;
        match action {
            Action::Set(setting, value) => {
                let field = match setting {
                    Setting::Reference => &mut draft.reference,
                    Setting::Baseline => &mut draft.baseline,
                    Setting::HourlyRate => &mut draft.hourly_rate,
                    Setting::WeeksPerYear => &mut draft.weeks_per_year,
                    Setting::ReablementCost => &mut draft.reablement_cost,
                };
                *field = value;
            }
            Action::AddGoal => {
                let key = draft.take_key();
                draft.goals.push(GoalDraft {
                    key,
                    id: format!("g{key}"),
                    status: "not_started".into(),
                    ..GoalDraft::default()
                });
                let path = format!("goals[{}].description", draft.goals.len() - 1);
                state.focus_on(path);
            }
            Action::EditGoal(key, field, value) => {
                if let Some(goal) = draft.goals.iter_mut().find(|g| g.key == key) {
                    match field {
                        GoalField::Description => goal.description = value,
                        GoalField::Outcome => goal.outcome = value,
                        GoalField::Status => goal.status = value,
                    }
                }
            }
            Action::RemoveGoal(key) => {
                if let Some(pos) = draft.goals.iter().position(|g| g.key == key) {
                    let id = draft.goals.remove(pos).id;
                    state.focus_on("goals".into());
                    let draft = &mut state.draft;
                    // A visit must never point at a goal that is gone.
                    for package in [Some(&mut draft.before), draft.after.as_mut()].into_iter().flatten() {
                        for visit in &mut package.visits {
                            visit.goals.retain(|g| *g != id);
                        }
                    }
                }
            }
            Action::AddVisit(which) => {
                let key = draft.take_key();
                if let Some(package) = draft.package_mut(which) {
                    package.visits.push(VisitDraft {
                        key,
                        minutes: "30".into(),
                        carers: "1".into(),
                        days_per_week: "7".into(),
                        ..VisitDraft::default()
                    });
                    let path = format!("{}.visits[{}].label", which.path(), package.visits.len() - 1);
                    state.focus_on(path);
                }
            }
            Action::EditVisit(which, key, field, value) => {
                if let Some(visit) = visit_mut(draft, which, key) {
                    match field {
                        VisitField::Label => visit.label = value,
                        VisitField::Minutes => visit.minutes = value,
                        VisitField::Carers => visit.carers = value,
                        VisitField::DaysPerWeek => visit.days_per_week = value,
                        VisitField::HourlyRate => visit.hourly_rate = value,
                    }
                }
            }
            Action::ToggleVisitGoal(which, key, goal_id) => {
                if let Some(visit) = visit_mut(draft, which, key) {
                    if let Some(pos) = visit.goals.iter().position(|g| *g == goal_id) {
                        visit.goals.remove(pos);
                    } else {
                        visit.goals.push(goal_id);
                    }
                }
            }
            Action::RemoveVisit(which, key) => {
                if let Some(package) = draft.package_mut(which) {
                    package.visits.retain(|v| v.key != key);
                    state.focus_on(format!("{}.visits", which.path()));
                }
            }
            Action::AddCost(which) => {
                let key = draft.take_key();
                if let Some(package) = draft.package_mut(which) {
                    package.other_costs.push(CostDraft { key, ..CostDraft::default() });
                    let path = format!("{}.other_costs[{}].label", which.path(), package.other_costs.len() - 1);
                    state.focus_on(path);
                }
            }
            Action::EditCost(which, key, field, value) => {
                if let Some(cost) =
                    draft.package_mut(which).and_then(|p| p.other_costs.iter_mut().find(|c| c.key == key))
                {
                    match field {
                        CostField::Label => cost.label = value,
                        CostField::Weekly => cost.weekly = value,
                    }
                }
            }
            Action::RemoveCost(which, key) => {
                if let Some(package) = draft.package_mut(which) {
                    package.other_costs.retain(|c| c.key != key);
                    state.focus_on(format!("{}.other_costs", which.path()));
                }
            }
            Action::SetAfterExplicit(explicit) => {
                if explicit && draft.after.is_none() {
                    let mut copy = state.parked_after.take().unwrap_or_else(|| draft.before.clone());
                    for visit in &mut copy.visits {
                        visit.key = draft.take_key();
                    }
                    for cost in &mut copy.other_costs {
                        cost.key = draft.take_key();
                    }
                    draft.after = Some(copy);
                } else if !explicit {
                    if let Some(after) = draft.after.take() {
                        state.parked_after = Some(after);
                    }
                }
            }
            Action::Submit => {
                state.show_errors = true;
                state.submit_count += 1;
            }
            Action::Load(new_draft, notice) | Action::Opened(new_draft, notice) => {
                state.replace_draft(*new_draft, notice);
            }
            Action::Undo => {
                if let Some(previous) = state.replaced.take() {
                    state.replace_draft(*previous, "Your previous answers are back.".into());
                    state.replaced = None;
                }
            }
            Action::Save { name, scenario, now } => {
                let id = state.saved.iter().map(|s| s.id).max().unwrap_or(0) + 1;
                let name = if name.trim().is_empty() { format!("Scenario {id}") } else { name.trim().to_string() };
                state.notice = Some(format!("“{name}” is saved on this device."));
                state.saved.insert(0, SavedScenario { id, name, saved_at: now, scenario });
            }
            Action::OpenSaved(id) => {
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
            Action::DuplicateSaved(id, now) => {
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
            Action::RenameSaved(id, name) => {
                if let Some(saved) = state.saved.iter_mut().find(|s| s.id == id) {
                    if !name.trim().is_empty() {
                        saved.name = name.trim().to_string();
                    }
                }
            }
            Action::DeleteSaved(id) => {
                if let Some(pos) = state.saved.iter().position(|s| s.id == id) {
                    let removed = state.saved.remove(pos);
                    state.compare.retain(|c| *c != id);
                    state.notice = Some(format!("“{}” is deleted.", removed.name));
                    state.deleted = Some((pos, removed));
                    state.focus_on("saved".into());
                }
            }
            Action::UndoDelete => {
                if let Some((pos, saved)) = state.deleted.take() {
                    state.notice = Some(format!("“{}” is back.", saved.name));
                    state.saved.insert(pos.min(state.saved.len()), saved);
                }
            }
            Action::Incoming(draft) => state.incoming = Some(draft),
            Action::AcceptIncoming => {
                if let Some(draft) = state.incoming.take() {
                    state.replace_draft(*draft, "The scenario from the link is open.".into());
                    state.view = View::Calculator;
                }
            }
            Action::RejectIncoming => {
                state.incoming = None;
                state.notice = Some("Your form is as it was. The link's scenario was not opened.".into());
            }
            Action::Notice(notice) => state.notice = Some(notice),
            Action::ToggleCompare(id) => {
                if let Some(pos) = state.compare.iter().position(|c| *c == id) {
                    state.compare.remove(pos);
                } else if state.compare.len() < MAX_COMPARE {
                    state.compare.push(id);
                }
            }
            Action::Show(view) => {
                state.view = view;
                state.notice = None;
            }
            Action::Ask(confirm) => state.confirm = Some(confirm),
            Action::CancelConfirm => state.confirm = None,
            Action::StartAgain(notice) => {
                let saved = std::mem::take(&mut state.saved);
                state = State::new(Draft::default(), Some(notice));
                state.saved = saved;
            }
            Action::DismissNotice => state.notice = None,
        }
        Rc::new(state)
    }
}

fn visit_mut(draft: &mut Draft, which: Which, key: u32) -> Option<&mut VisitDraft> {
    draft.package_mut(which)?.visits.iter_mut().find(|v| v.key == key)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::calc::calculate_scenario;

    fn apply(state: Rc<State>, actions: Vec<Action>) -> Rc<State> {
        actions.into_iter().fold(state, |s, a| s.reduce(a))
    }

    fn after_weekly(state: &State) -> i64 {
        calculate_scenario(&state.draft.to_value()).unwrap().outcome.after.weekly_pence
    }

    #[test]
    fn achieving_the_goal_a_visit_supports_withdraws_the_visit() {
        let s = apply(Rc::new(State::default()), vec![Action::AddGoal, Action::AddVisit(Which::Before)]);
        let goal = s.draft.goals[0].clone();
        let visit = s.draft.before.visits[0].key;
        let s = apply(
            s,
            vec![
                Action::EditGoal(goal.key, GoalField::Description, "Make lunch".into()),
                Action::EditGoal(goal.key, GoalField::Outcome, "nutrition".into()),
                Action::ToggleVisitGoal(Which::Before, visit, goal.id.clone()),
            ],
        );
        assert_eq!(after_weekly(&s), 8435);
        let s = apply(s, vec![Action::EditGoal(goal.key, GoalField::Status, "achieved".into())]);
        assert_eq!(after_weekly(&s), 0);
    }

    #[test]
    fn removing_a_goal_unlinks_it_from_visits() {
        let s = apply(Rc::new(State::default()), vec![Action::AddGoal, Action::AddVisit(Which::Before)]);
        let (goal, visit) = (s.draft.goals[0].clone(), s.draft.before.visits[0].key);
        let s = apply(s, vec![Action::ToggleVisitGoal(Which::Before, visit, goal.id), Action::RemoveGoal(goal.key)]);
        assert!(s.draft.before.visits[0].goals.is_empty());
    }

    #[test]
    fn switching_to_an_explicit_after_package_and_back_keeps_both() {
        let s = apply(Rc::new(State::default()), vec![Action::AddVisit(Which::Before), Action::SetAfterExplicit(true)]);
        let after = s.draft.after.clone().unwrap();
        assert_eq!(after.visits.len(), 1);
        assert_ne!(after.visits[0].key, s.draft.before.visits[0].key, "the copy has its own keys");
        let key = after.visits[0].key;
        let s = apply(
            s,
            vec![
                Action::EditVisit(Which::After, key, VisitField::Minutes, "15".into()),
                Action::SetAfterExplicit(false),
            ],
        );
        assert!(s.draft.after.is_none());
        let s = apply(s, vec![Action::SetAfterExplicit(true)]);
        assert_eq!(s.draft.after.as_ref().unwrap().visits[0].minutes, "15", "the entered package comes back");
    }

    #[test]
    fn loading_an_example_over_answers_can_be_undone() {
        let s = apply(Rc::new(State::default()), vec![Action::Set(Setting::Reference, "AB-1".into())]);
        let s = apply(s, vec![Action::Load(Box::default(), "loaded".into())]);
        assert_eq!(s.draft.reference, "");
        let s = apply(s, vec![Action::Undo]);
        assert_eq!(s.draft.reference, "AB-1");
        assert!(s.replaced.is_none());
    }

    fn saved_arthur(s: Rc<State>) -> Rc<State> {
        let arthur = include_str!("../examples/data/arthur.json").to_string();
        apply(s, vec![Action::Save { name: "AR-0001".into(), scenario: arthur, now: 1.0 }])
    }

    #[test]
    fn saved_scenarios_open_duplicate_rename_and_delete_with_undo() {
        let s = saved_arthur(Rc::new(State::default()));
        let id = s.saved[0].id;
        let s = apply(s, vec![Action::DuplicateSaved(id, 2.0), Action::RenameSaved(id, "Arthur at 28 days".into())]);
        assert_eq!(
            s.saved.iter().map(|x| x.name.as_str()).collect::<Vec<_>>(),
            ["Copy of AR-0001", "Arthur at 28 days"]
        );
        let s = apply(s, vec![Action::DeleteSaved(id)]);
        assert_eq!(s.saved.len(), 1);
        let s = apply(s, vec![Action::UndoDelete]);
        assert_eq!(s.saved[1].name, "Arthur at 28 days", "back where it was");
        let s = apply(s, vec![Action::OpenSaved(id)]);
        assert_eq!(s.view, View::Calculator);
        assert_eq!(s.draft.goals.len(), 3);
        assert_eq!(s.saved.len(), 2, "opening keeps the list");
    }

    #[test]
    fn a_share_link_asks_before_replacing_the_form() {
        let s = apply(Rc::new(State::default()), vec![Action::Set(Setting::Reference, "MINE".into())]);
        let link = Draft::from_json_text(include_str!("../examples/data/arthur.json")).unwrap();
        let s = apply(s, vec![Action::Incoming(Box::new(link.clone()))]);
        assert_eq!(s.draft.reference, "MINE", "nothing changes until the user says so");
        let kept = apply(s.clone(), vec![Action::RejectIncoming]);
        assert_eq!((kept.draft.reference.as_str(), kept.incoming.is_none()), ("MINE", true));
        let opened = apply(s, vec![Action::AcceptIncoming]);
        assert_eq!(opened.draft, link);
        assert!(opened.replaced.is_some(), "the replaced form can be put back");
    }

    #[test]
    fn at_most_four_scenarios_are_compared() {
        let mut s = Rc::new(State::default());
        for _ in 0..5 {
            s = saved_arthur(s);
        }
        let ids: Vec<u32> = s.saved.iter().map(|x| x.id).collect();
        let s = apply(s, ids.iter().map(|id| Action::ToggleCompare(*id)).collect());
        assert_eq!(s.compare, ids[..4]);
        let s = apply(s, vec![Action::ToggleCompare(ids[0]), Action::ToggleCompare(ids[4])]);
        assert_eq!(s.compare, [ids[1], ids[2], ids[3], ids[4]]);
    }

    #[test]
    fn typing_over_a_value_keeps_everything_else() {
        let s = apply(
            Rc::new(State::default()),
            vec![
                Action::AddVisit(Which::Before),
                Action::AddVisit(Which::Before),
                Action::Set(Setting::Reference, "AB-1".into()),
            ],
        );
        let key = s.draft.before.visits[0].key;
        let s = apply(s, vec![Action::EditVisit(Which::Before, key, VisitField::Minutes, "4x".into())]);
        assert_eq!(s.draft.before.visits.len(), 2);
        assert_eq!(s.draft.reference, "AB-1");
        assert_eq!(s.draft.before.visits[0].minutes, "4x");
        assert!(calculate_scenario(&s.draft.to_value()).is_err());
    }
}
