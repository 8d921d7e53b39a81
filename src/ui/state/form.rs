//! The form: one person's goals, package and settings as typed, and what happens to them
//! (typing, adding, removing, loading an example or a file, starting again).

use super::draft::{CostDraft, Draft, GoalDraft, VisitDraft, Which};
use super::State;
use crate::calc::council::CouncilFile;
use std::rc::Rc;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Setting {
    Reference,
    Baseline,
    HourlyRate,
    WeeksPerYear,
    ReablementCost,
    /// How many weeks reablement lasted (contract 1.1).
    ReablementWeeks,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum GoalField {
    Description,
    Outcome,
    Status,
    /// The week it was achieved in: kept while the goal is marked otherwise.
    AchievedWeek,
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
pub enum FormAction {
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
    /// Empty the form. (Clearing stored data is done by the caller first.)
    StartAgain(String),
    /// Put back the answers replaced by the last `Load`.
    Undo,
    /// The council's own figures arrived (after start-up): a blank form takes them.
    Council(Rc<CouncilFile>),
    /// The draft from a scenario file the caller parsed. No notice at the top of the page: the
    /// file field confirms beside itself (with "Put back my previous answers").
    Opened(Box<Draft>),
}

pub(super) fn reduce(state: &mut State, action: FormAction) {
    let draft = &mut state.draft;
    match action {
        FormAction::Set(setting, value) => {
            let field = match setting {
                Setting::Reference => &mut draft.reference,
                Setting::Baseline => &mut draft.baseline,
                Setting::HourlyRate => &mut draft.hourly_rate,
                Setting::WeeksPerYear => &mut draft.weeks_per_year,
                Setting::ReablementCost => &mut draft.reablement_cost,
                Setting::ReablementWeeks => &mut draft.reablement_weeks,
            };
            *field = value;
        }
        FormAction::AddGoal => {
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
        FormAction::EditGoal(key, field, value) => {
            if let Some(goal) = draft.goals.iter_mut().find(|g| g.key == key) {
                match field {
                    GoalField::Description => goal.description = value,
                    GoalField::Outcome => goal.outcome = value,
                    GoalField::Status => goal.status = value,
                    GoalField::AchievedWeek => goal.achieved_week = value,
                }
            }
        }
        FormAction::RemoveGoal(key) => {
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
        FormAction::AddVisit(which) => {
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
        FormAction::EditVisit(which, key, field, value) => {
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
        FormAction::ToggleVisitGoal(which, key, goal_id) => {
            if let Some(visit) = visit_mut(draft, which, key) {
                if let Some(pos) = visit.goals.iter().position(|g| *g == goal_id) {
                    visit.goals.remove(pos);
                } else {
                    visit.goals.push(goal_id);
                }
            }
        }
        FormAction::RemoveVisit(which, key) => {
            if let Some(package) = draft.package_mut(which) {
                package.visits.retain(|v| v.key != key);
                state.focus_on(format!("{}.visits", which.path()));
            }
        }
        FormAction::AddCost(which) => {
            let key = draft.take_key();
            if let Some(package) = draft.package_mut(which) {
                package.other_costs.push(CostDraft { key, ..CostDraft::default() });
                let path = format!("{}.other_costs[{}].label", which.path(), package.other_costs.len() - 1);
                state.focus_on(path);
            }
        }
        FormAction::EditCost(which, key, field, value) => {
            if let Some(cost) = draft.package_mut(which).and_then(|p| p.other_costs.iter_mut().find(|c| c.key == key)) {
                match field {
                    CostField::Label => cost.label = value,
                    CostField::Weekly => cost.weekly = value,
                }
            }
        }
        FormAction::RemoveCost(which, key) => {
            if let Some(package) = draft.package_mut(which) {
                package.other_costs.retain(|c| c.key != key);
                state.focus_on(format!("{}.other_costs", which.path()));
            }
        }
        FormAction::SetAfterExplicit(explicit) => {
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
        FormAction::Submit => {
            state.show_errors = true;
            state.submit_count += 1;
        }
        FormAction::Load(new_draft, notice) => state.replace_draft(*new_draft, notice),
        FormAction::Opened(new_draft) => {
            state.replace_draft(*new_draft, String::new());
            state.notice = None;
        }
        FormAction::Undo => {
            if let Some(previous) = state.replaced.take() {
                state.replace_draft(*previous, "Your previous answers are back.".into());
                state.replaced = None;
            }
        }
        FormAction::StartAgain(notice) => {
            let saved = std::mem::take(&mut state.saved);
            let council = state.council.clone();
            *state = State::new(Draft::with_figures(&council.figures()), Some(notice));
            state.saved = saved;
            state.council = council;
        }
        FormAction::Council(file) => {
            if state.draft.is_blank_with(&state.council.figures()) {
                let next_key = state.draft.next_key;
                state.draft = Draft { next_key, ..Draft::with_figures(&file.figures()) };
            }
            state.council = file;
        }
    }
}

fn visit_mut(draft: &mut Draft, which: Which, key: u32) -> Option<&mut VisitDraft> {
    draft.package_mut(which)?.visits.iter_mut().find(|v| v.key == key)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::calc::calculate_scenario;
    use crate::ui::state::apply;
    use std::rc::Rc;

    fn after_weekly(state: &State) -> i64 {
        calculate_scenario(&state.draft.to_value()).unwrap().outcome.after.weekly_pence.0
    }

    #[test]
    fn achieving_the_goal_a_visit_supports_withdraws_the_visit() {
        let s = apply(
            Rc::new(State::default()),
            vec![FormAction::AddGoal.into(), FormAction::AddVisit(Which::Before).into()],
        );
        let goal = s.draft.goals[0].clone();
        let visit = s.draft.before.visits[0].key;
        let s = apply(
            s,
            vec![
                FormAction::EditGoal(goal.key, GoalField::Description, "Make lunch".into()).into(),
                FormAction::EditGoal(goal.key, GoalField::Outcome, "nutrition".into()).into(),
                FormAction::ToggleVisitGoal(Which::Before, visit, goal.id.clone()).into(),
            ],
        );
        assert_eq!(after_weekly(&s), 8435);
        let s = apply(s, vec![FormAction::EditGoal(goal.key, GoalField::Status, "achieved".into()).into()]);
        assert_eq!(after_weekly(&s), 0);
    }

    #[test]
    fn removing_a_goal_unlinks_it_from_visits() {
        let s = apply(
            Rc::new(State::default()),
            vec![FormAction::AddGoal.into(), FormAction::AddVisit(Which::Before).into()],
        );
        let (goal, visit) = (s.draft.goals[0].clone(), s.draft.before.visits[0].key);
        let s = apply(
            s,
            vec![
                FormAction::ToggleVisitGoal(Which::Before, visit, goal.id).into(),
                FormAction::RemoveGoal(goal.key).into(),
            ],
        );
        assert!(s.draft.before.visits[0].goals.is_empty());
    }

    #[test]
    fn switching_to_an_explicit_after_package_and_back_keeps_both() {
        let s = apply(
            Rc::new(State::default()),
            vec![FormAction::AddVisit(Which::Before).into(), FormAction::SetAfterExplicit(true).into()],
        );
        let after = s.draft.after.clone().unwrap();
        assert_eq!(after.visits.len(), 1);
        assert_ne!(after.visits[0].key, s.draft.before.visits[0].key, "the copy has its own keys");
        let key = after.visits[0].key;
        let s = apply(
            s,
            vec![
                FormAction::EditVisit(Which::After, key, VisitField::Minutes, "15".into()).into(),
                FormAction::SetAfterExplicit(false).into(),
            ],
        );
        assert!(s.draft.after.is_none());
        let s = apply(s, vec![FormAction::SetAfterExplicit(true).into()]);
        assert_eq!(s.draft.after.as_ref().unwrap().visits[0].minutes, "15", "the entered package comes back");
    }

    #[test]
    fn loading_an_example_over_answers_can_be_undone() {
        let s = apply(Rc::new(State::default()), vec![FormAction::Set(Setting::Reference, "AB-1".into()).into()]);
        let s = apply(s, vec![FormAction::Load(Box::default(), "loaded".into()).into()]);
        assert_eq!(s.draft.reference, "");
        let s = apply(s, vec![FormAction::Undo.into()]);
        assert_eq!(s.draft.reference, "AB-1");
        assert!(s.replaced.is_none());
    }

    #[test]
    fn a_goals_week_is_kept_aside_while_it_is_not_achieved_and_comes_back() {
        let s = apply(
            Rc::new(State::default()),
            vec![
                FormAction::AddGoal.into(),
                FormAction::AddVisit(Which::Before).into(),
                FormAction::Set(Setting::ReablementWeeks, "2".into()).into(),
            ],
        );
        let (goal, visit) = (s.draft.goals[0].clone(), s.draft.before.visits[0].key);
        let s = apply(
            s,
            vec![
                FormAction::EditGoal(goal.key, GoalField::Description, "Make lunch".into()).into(),
                FormAction::EditGoal(goal.key, GoalField::Outcome, "nutrition".into()).into(),
                FormAction::ToggleVisitGoal(Which::Before, visit, goal.id.clone()).into(),
                FormAction::EditGoal(goal.key, GoalField::Status, "achieved".into()).into(),
                FormAction::EditGoal(goal.key, GoalField::AchievedWeek, "1".into()).into(),
            ],
        );
        let weekly = |s: &State| -> Vec<i64> {
            let episode = calculate_scenario(&s.draft.to_value()).unwrap().outcome.episode.unwrap();
            episode.timeline.iter().map(|w| w.weekly_pence.0).collect()
        };
        assert_eq!(weekly(&s), [8435, 0], "the lunch visit stops from week 2");
        // Marked in progress: no error about the week, which is kept aside, not sent.
        let s = apply(s, vec![FormAction::EditGoal(goal.key, GoalField::Status, "in_progress".into()).into()]);
        assert_eq!(weekly(&s), [8435, 8435]);
        assert_eq!(s.draft.goals[0].achieved_week, "1");
        // Achieved again: the week is back.
        let s = apply(s, vec![FormAction::EditGoal(goal.key, GoalField::Status, "achieved".into()).into()]);
        assert_eq!(weekly(&s), [8435, 0]);
    }

    #[test]
    fn a_week_without_the_weeks_of_reablement_asks_for_them() {
        let s = apply(Rc::new(State::default()), vec![FormAction::AddGoal.into()]);
        let key = s.draft.goals[0].key;
        let s = apply(
            s,
            vec![
                FormAction::EditGoal(key, GoalField::Status, "achieved".into()).into(),
                FormAction::EditGoal(key, GoalField::AchievedWeek, "3".into()).into(),
            ],
        );
        let errors = calculate_scenario(&s.draft.to_value()).unwrap_err();
        assert!(errors
            .iter()
            .any(|e| e.path == "reablement_weeks" && e.message == "Enter how many weeks reablement lasted"));
        let s = apply(s, vec![FormAction::Set(Setting::ReablementWeeks, "2".into()).into()]);
        let errors = calculate_scenario(&s.draft.to_value()).unwrap_err();
        assert!(errors.iter().any(|e| e.path == "goals[0].achieved_week"
            && e.message == "Week achieved must be within the weeks of reablement"));
    }

    #[test]
    fn a_councils_figures_start_a_blank_form_and_start_again_but_change_nothing_typed() {
        let rutland = crate::calc::council::read_council(
            r#"{"council": "Rutland", "baseline_weekly": "35.20", "baseline_source": "A", "hourly_rate": "26.40", "hourly_rate_source": "B"}"#,
        );
        let s = apply(Rc::new(State::default()), vec![FormAction::Council(Rc::new(rutland.clone())).into()]);
        assert_eq!((s.draft.baseline.as_str(), s.draft.hourly_rate.as_str()), ("35.20", "26.40"));
        assert!(s.draft.is_blank_with(&s.council.figures()), "still a blank form");
        let s = apply(s, vec![FormAction::Load(Box::default(), "loaded".into()).into()]);
        assert!(s.replaced.is_none(), "nothing to put back over a blank form");
        assert_eq!(s.draft.baseline, "38.13", "an example or a file keeps its own figures");
        let s = apply(s, vec![FormAction::StartAgain("emptied".into()).into()]);
        assert_eq!(s.draft.baseline, "35.20", "start again starts from the council's figures");

        let typed = apply(Rc::new(State::default()), vec![FormAction::Set(Setting::Reference, "AB-1".into()).into()]);
        let typed = apply(typed, vec![FormAction::Council(Rc::new(rutland)).into()]);
        assert_eq!(typed.draft.baseline, "38.13", "a form with answers keeps its figures");
        let invalid = crate::calc::council::read_council("{}");
        let s = apply(Rc::new(State::default()), vec![FormAction::Council(Rc::new(invalid)).into()]);
        assert_eq!(s.draft.baseline, "38.13");
    }

    #[test]
    fn opening_a_file_can_be_undone_and_leaves_the_top_of_the_page_alone() {
        let s = apply(Rc::new(State::default()), vec![FormAction::Set(Setting::Reference, "AB-1".into()).into()]);
        let file = Draft { reference: "AR-0002".into(), ..Draft::default() };
        let s = apply(s, vec![FormAction::Opened(Box::new(file)).into()]);
        assert_eq!((s.draft.reference.as_str(), s.notice.is_none()), ("AR-0002", true));
        let s = apply(s, vec![FormAction::Undo.into()]);
        assert_eq!(s.draft.reference, "AB-1");
    }

    #[test]
    fn typing_over_a_value_keeps_everything_else() {
        let s = apply(
            Rc::new(State::default()),
            vec![
                FormAction::AddVisit(Which::Before).into(),
                FormAction::AddVisit(Which::Before).into(),
                FormAction::Set(Setting::Reference, "AB-1".into()).into(),
            ],
        );
        let key = s.draft.before.visits[0].key;
        let s = apply(s, vec![FormAction::EditVisit(Which::Before, key, VisitField::Minutes, "4x".into()).into()]);
        assert_eq!(s.draft.before.visits.len(), 2);
        assert_eq!(s.draft.reference, "AB-1");
        assert_eq!(s.draft.before.visits[0].minutes, "4x");
        assert!(calculate_scenario(&s.draft.to_value()).is_err());
    }
}
