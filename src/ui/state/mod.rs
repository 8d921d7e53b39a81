//! The app's state and its reducer, split by feature: [`Action`] is a form, saved-list or
//! navigation action, each reduced (and tested) in its own file. Every figure the page shows
//! is derived from `draft` by one call into `calc` per render (`computed`).

pub mod computed;
pub mod context;
pub mod draft;
pub mod form;
pub mod nav;
pub mod route;
pub mod saved;

pub use self::form::{CostField, FormAction, GoalField, Setting, VisitField};
pub use self::nav::NavAction;
pub use self::saved::{SavedAction, SavedScenario};

use self::draft::{Draft, PackageDraft};
use crate::calc::council::CouncilFile;
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

impl View {
    pub const ALL: [View; 5] = [View::Calculator, View::Examples, View::Present, View::Service, View::Saved];

    /// The screen's name where the page and the app pass it on (`data-view`).
    pub fn name(self) -> &'static str {
        match self {
            View::Calculator => "calculator",
            View::Examples => "examples",
            View::Present => "present",
            View::Service => "service",
            View::Saved => "saved",
        }
    }

    pub fn from_name(name: &str) -> Option<View> {
        View::ALL.into_iter().find(|v| v.name() == name)
    }
}

/// What a confirmation question is about.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Confirm {
    StartAgain,
    ClearDevice,
}

/// Everything that can happen, by feature: each feature's actions and reducer are in its own
/// file ([`form`], [`saved`], [`nav`]), with its tests.
#[derive(Clone, Debug, PartialEq)]
pub enum Action {
    Form(FormAction),
    Saved(SavedAction),
    Nav(NavAction),
}

impl From<FormAction> for Action {
    fn from(action: FormAction) -> Action {
        Action::Form(action)
    }
}

impl From<SavedAction> for Action {
    fn from(action: SavedAction) -> Action {
        Action::Saved(action)
    }
}

impl From<NavAction> for Action {
    fn from(action: NavAction) -> Action {
        Action::Nav(action)
    }
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
    /// Bumped each time the view changes because of something the user did (a tab, a button,
    /// Back or Forward), not when the address names a view at start: the page then goes to
    /// the top and focus moves to the new view's heading (or to `return_focus`).
    pub view_seq: u32,
    /// The id of the element to focus after this change of view instead of the heading: the
    /// button that started presentation mode, when it ends.
    pub return_focus: Option<String>,
    /// Where presentation mode was started: the view to go back to, and the id of the button.
    pub presented_from: Option<(View, String)>,
    /// The answers a `Load` replaced, so that loading an example never loses work.
    pub replaced: Option<Box<Draft>>,
    /// Scenarios saved on this device, newest first.
    pub saved: Vec<SavedScenario>,
    /// The last deleted saved scenario and where it was, for "Undo".
    pub deleted: Option<(usize, SavedScenario)>,
    /// Saved scenarios ticked for comparing, in the order ticked.
    pub compare: Vec<u32>,
    /// The saved scenario this form is, when it was opened from the saved list or saved: its
    /// id, and the case reference the form had then. Saving again updates that entry (while
    /// the reference is the same) rather than asking "Replace it or keep both?".
    pub saved_as: Option<(u32, String)>,
    /// "Replace it or keep both?" is waiting for an answer. It stays, with "Not saved yet"
    /// beside the button, through other views, until it is answered.
    pub asking_replace: bool,
    /// A scenario from a share link, waiting for "Open it" or "Keep my form".
    pub incoming: Option<Box<Draft>>,
    /// The council's own figures (`council.json`), once read after start-up.
    pub council: Rc<CouncilFile>,
}

/// What the first screen's app hands to the whole app when that takes over (another view was
/// asked for): what is in memory only. The draft is on the device too, but not everywhere
/// (storage can be refused), so it comes along.
#[derive(Clone, Debug, Default, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Handover {
    pub draft: Draft,
    pub replaced: Option<Box<Draft>>,
    pub notice: Option<String>,
    pub show_errors: bool,
    pub incoming: Option<Box<Draft>>,
    /// Where presentation mode was started (the view's name, the button's id), so that leaving
    /// it in the whole app puts focus back on that button.
    pub presented_from: Option<(String, String)>,
    /// The saved entry this form is, and an unanswered "Replace it or keep both?".
    pub saved_as: Option<(u32, String)>,
    pub asking_replace: bool,
}

impl Handover {
    pub fn from_state(state: &State) -> Handover {
        Handover {
            draft: state.draft.clone(),
            replaced: state.replaced.clone(),
            notice: state.notice.clone(),
            show_errors: state.show_errors,
            incoming: state.incoming.clone(),
            presented_from: state
                .presented_from
                .as_ref()
                .map(|(view, button)| (view.name().to_string(), button.clone())),
            saved_as: state.saved_as.clone(),
            asking_replace: state.asking_replace,
        }
    }

    /// The whole app's first state, on `view`.
    pub fn into_state(self, view: View) -> State {
        let mut state = State::new(self.draft, self.notice);
        state.replaced = self.replaced;
        state.show_errors = self.show_errors;
        state.incoming = self.incoming;
        state.presented_from =
            self.presented_from.and_then(|(from, button)| View::from_name(&from).map(|from| (from, button)));
        state.saved_as = self.saved_as;
        state.asking_replace = self.asking_replace;
        state.view = view;
        state
    }
}

/// At most this many scenarios side by side.
pub const MAX_COMPARE: usize = 4;

impl State {
    /// A new form (an example, a saved scenario, a file), keeping what is not the form: the
    /// screen, the saved list, and the replaced answers for "Put back my previous answers".
    pub(super) fn replace_draft(&mut self, draft: Draft, notice: String) {
        let blank = self.draft.is_blank_with(&self.council.figures());
        let replaced = (!blank && self.draft != draft).then(|| Box::new(self.draft.clone()));
        let mut next = State::new(draft, Some(notice));
        next.view = self.view;
        next.view_seq = self.view_seq;
        next.presented_from = self.presented_from.take();
        next.saved = std::mem::take(&mut self.saved);
        next.compare = std::mem::take(&mut self.compare);
        next.replaced = replaced;
        next.council = self.council.clone();
        *self = next;
    }

    pub(super) fn focus_on(&mut self, path: String) {
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
            view_seq: 0,
            return_focus: None,
            presented_from: None,
            replaced: None,
            saved: Vec::new(),
            deleted: None,
            compare: Vec::new(),
            saved_as: None,
            asking_replace: false,
            incoming: None,
            council: Rc::new(CouncilFile::Absent),
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
        // A focus target is for the change of view it came with, never a later one.
        state.return_focus = None;
        let by_address = matches!(action, Action::Nav(NavAction::Arrive(_)));
        match action {
            Action::Form(action) => form::reduce(&mut state, action),
            Action::Saved(action) => saved::reduce(&mut state, action),
            Action::Nav(action) => nav::reduce(&mut state, action),
        }
        if state.view != self.view && !by_address {
            state.view_seq += 1;
        }
        Rc::new(state)
    }
}

/// Runs actions through the reducer, for the tests of each feature.
#[cfg(test)]
pub(super) fn apply(state: Rc<State>, actions: Vec<Action>) -> Rc<State> {
    actions.into_iter().fold(state, |s, a| s.reduce(a))
}
