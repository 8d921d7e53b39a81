//! All of the calculator's state in one place: one [`Action`] enum and one reducer. Every
//! figure the page shows is derived from `draft` by one call into `calc` per render.

use super::draft::{CostDraft, Draft, GoalDraft, PackageDraft, VisitDraft, Which};
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
}

impl State {
    fn focus_on(&mut self, path: String) {
        self.focus = Some(path);
        self.focus_seq += 1;
    }
}

impl State {
    pub fn new(draft: Draft, notice: Option<String>) -> State {
        State { draft, show_errors: false, submit_count: 0, confirm: None, notice, parked_after: None, focus: None, focus_seq: 0, view: View::Calculator, replaced: None }
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
                if let Some(cost) = draft.package_mut(which).and_then(|p| p.other_costs.iter_mut().find(|c| c.key == key)) {
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
            Action::Load(new_draft, notice) => {
                let replaced = (!state.draft.is_blank() && state.draft != *new_draft).then(|| Box::new(state.draft.clone()));
                let view = state.view;
                state = State::new(*new_draft, Some(notice));
                state.view = view;
                state.replaced = replaced;
            }
            Action::Undo => {
                if let Some(previous) = state.replaced.take() {
                    let view = state.view;
                    state = State::new(*previous, Some("Your previous answers are back.".into()));
                    state.view = view;
                }
            }
            Action::Show(view) => {
                state.view = view;
                state.notice = None;
            }
            Action::Ask(confirm) => state.confirm = Some(confirm),
            Action::CancelConfirm => state.confirm = None,
            Action::StartAgain(notice) => state = State::new(Draft::default(), Some(notice)),
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
        let s = apply(s, vec![Action::EditVisit(Which::After, key, VisitField::Minutes, "15".into()), Action::SetAfterExplicit(false)]);
        assert!(s.draft.after.is_none());
        let s = apply(s, vec![Action::SetAfterExplicit(true)]);
        assert_eq!(s.draft.after.as_ref().unwrap().visits[0].minutes, "15", "the entered package comes back");
    }

    #[test]
    fn loading_an_example_over_answers_can_be_undone() {
        let s = apply(Rc::new(State::default()), vec![Action::Set(Setting::Reference, "AB-1".into())]);
        let s = apply(s, vec![Action::Load(Box::new(Draft::default()), "loaded".into())]);
        assert_eq!(s.draft.reference, "");
        let s = apply(s, vec![Action::Undo]);
        assert_eq!(s.draft.reference, "AB-1");
        assert!(s.replaced.is_none());
    }

    #[test]
    fn typing_over_a_value_keeps_everything_else() {
        let s = apply(Rc::new(State::default()), vec![Action::AddVisit(Which::Before), Action::AddVisit(Which::Before), Action::Set(Setting::Reference, "AB-1".into())]);
        let key = s.draft.before.visits[0].key;
        let s = apply(s, vec![Action::EditVisit(Which::Before, key, VisitField::Minutes, "4x".into())]);
        assert_eq!(s.draft.before.visits.len(), 2);
        assert_eq!(s.draft.reference, "AB-1");
        assert_eq!(s.draft.before.visits[0].minutes, "4x");
        assert!(calculate_scenario(&s.draft.to_value()).is_err());
    }
}
