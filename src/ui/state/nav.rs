//! Navigation and the page's own messages: which screen shows, the notice at the top, the
//! question before something is lost, and a share link waiting for an answer.

use super::draft::Draft;
use super::saved::SavedScenario;
use super::{Confirm, State, View};

#[derive(Clone, Debug, PartialEq)]
pub enum NavAction {
    /// Ask before something that loses the form.
    Ask(Confirm),
    CancelConfirm,
    DismissNotice,
    Show(View),
    /// A share link's scenario arrived: ask before it replaces the form.
    Incoming(Box<Draft>),
    AcceptIncoming,
    RejectIncoming,
    /// A message for the top of the page.
    Notice(String),
    /// What the device has kept, read once the app has started: the draft (if any, over
    /// the empty form), the saved list, and what to say about them.
    Restore {
        draft: Option<Box<Draft>>,
        saved: Vec<SavedScenario>,
        notice: Option<String>,
    },
}

pub(super) fn reduce(state: &mut State, action: NavAction) {
    match action {
        NavAction::Incoming(draft) => state.incoming = Some(draft),
        NavAction::AcceptIncoming => {
            if let Some(draft) = state.incoming.take() {
                state.replace_draft(*draft, "The scenario from the link is open.".into());
                state.view = View::Calculator;
            }
        }
        NavAction::RejectIncoming => {
            state.incoming = None;
            state.notice = Some("Your form is as it was. The link's scenario was not opened.".into());
        }
        NavAction::Notice(notice) => state.notice = Some(notice),
        NavAction::Show(view) => {
            state.view = view;
            state.notice = None;
        }
        NavAction::Ask(confirm) => state.confirm = Some(confirm),
        NavAction::CancelConfirm => state.confirm = None,
        NavAction::DismissNotice => state.notice = None,
        NavAction::Restore { draft, saved, notice } => {
            if let Some(draft) = draft {
                state.draft = *draft;
            }
            state.saved = saved;
            if notice.is_some() {
                state.notice = notice;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ui::state::{apply, FormAction, Setting};
    use std::rc::Rc;

    #[test]
    fn a_share_link_asks_before_replacing_the_form() {
        let s = apply(Rc::new(State::default()), vec![FormAction::Set(Setting::Reference, "MINE".into()).into()]);
        let link = Draft::from_json_text(include_str!("../examples/data/arthur.json")).unwrap();
        let s = apply(s, vec![NavAction::Incoming(Box::new(link.clone())).into()]);
        assert_eq!(s.draft.reference, "MINE", "nothing changes until the user says so");
        let kept = apply(s.clone(), vec![NavAction::RejectIncoming.into()]);
        assert_eq!((kept.draft.reference.as_str(), kept.incoming.is_none()), ("MINE", true));
        let opened = apply(s, vec![NavAction::AcceptIncoming.into()]);
        assert_eq!(opened.draft, link);
        assert!(opened.replaced.is_some(), "the replaced form can be put back");
    }
}
