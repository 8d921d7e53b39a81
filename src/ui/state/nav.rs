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
    /// Go to a view (a tab, a button, Back or Forward).
    Show(View),
    /// The address named this view when the app started: show it, keeping the notice and
    /// focus where they are.
    Arrive(View),
    /// Start presentation mode from `from`, whose button with this id gets focus back when it ends.
    Present {
        from: View,
        button: String,
    },
    /// End presentation mode (Esc, or "Leave presentation"): back where it was started.
    LeavePresentation,
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

/// The notice on returning to the calculator while replaced answers can still be put back.
pub const PUT_BACK: &str = "The answers you had before are kept: you can still put them back.";

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
            // Back from presentation mode to where it started: focus its button again.
            let started = state.presented_from.take();
            if state.view == View::Present {
                state.return_focus = started.filter(|(from, _)| *from == view).map(|(_, button)| button);
            }
            state.view = view;
            // A notice is about the view it was shown on; but answers an example or a file
            // replaced can still be put back, so the calculator says so again on return.
            state.notice = (view == View::Calculator && state.replaced.is_some()).then(|| PUT_BACK.to_string());
        }
        NavAction::Arrive(view) => state.view = view,
        NavAction::Present { from, button } => {
            // The notice stays (hidden while presenting): "Put back my previous answers"
            // is still there afterwards when an example replaced the form.
            state.presented_from = Some((from, button));
            state.view = View::Present;
        }
        NavAction::LeavePresentation => {
            let (view, button) = match state.presented_from.take() {
                Some((view, button)) => (view, Some(button)),
                // Opened from its address: the calculator holds the scenario presented.
                None => (View::Calculator, None),
            };
            state.view = view;
            state.return_focus = button;
        }
        NavAction::Ask(confirm) => state.confirm = Some(confirm),
        NavAction::CancelConfirm => state.confirm = None,
        // "Hide this message" beside "Put back my previous answers" declines the offer too.
        NavAction::DismissNotice => {
            state.notice = None;
            state.replaced = None;
        }
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

    #[test]
    fn replaced_answers_can_be_put_back_after_visiting_another_view() {
        let s = apply(Rc::new(State::default()), vec![FormAction::Set(Setting::Reference, "MINE".into()).into()]);
        let arthur = Draft::from_json_text(include_str!("../examples/data/arthur.json")).unwrap();
        let s = apply(s, vec![FormAction::Load(Box::new(arthur), "Arthur's example is loaded.".into()).into()]);
        let away = apply(s, vec![NavAction::Show(View::Service).into()]);
        assert_eq!(away.notice, None, "the example's notice is not the service view's");
        let back = apply(away, vec![NavAction::Show(View::Calculator).into()]);
        assert_eq!(back.notice.as_deref(), Some(PUT_BACK));
        let put_back = apply(back.clone(), vec![FormAction::Undo.into()]);
        assert_eq!(put_back.draft.reference, "MINE");
        let declined = apply(back, vec![NavAction::DismissNotice.into()]);
        assert!(declined.replaced.is_none(), "hiding the offer declines it");
        let again =
            apply(declined, vec![NavAction::Show(View::Examples).into(), NavAction::Show(View::Calculator).into()]);
        assert_eq!(again.notice, None);
    }

    fn present_from_examples() -> Rc<State> {
        let s = apply(Rc::new(State::default()), vec![NavAction::Show(View::Examples).into()]);
        assert_eq!((s.view_seq, s.return_focus.as_deref()), (1, None));
        let load = FormAction::Load(
            Box::new(Draft::from_json_text(include_str!("../examples/data/arthur.json")).unwrap()),
            "Arthur's example is loaded.".into(),
        );
        apply(s, vec![load.into(), NavAction::Present { from: View::Examples, button: "present-arthur".into() }.into()])
    }

    #[test]
    fn leaving_presentation_goes_back_where_it_started_and_focuses_its_button() {
        let s = present_from_examples();
        assert_eq!((s.view, s.view_seq), (View::Present, 2));
        assert!(s.notice.is_some(), "the notice (with its undo) waits until presentation ends");
        let left = apply(s, vec![NavAction::LeavePresentation.into()]);
        assert_eq!((left.view, left.view_seq), (View::Examples, 3));
        assert_eq!(left.return_focus.as_deref(), Some("present-arthur"));
        assert!(left.notice.is_some());
        // The focus target is for that change of view only.
        let typed = apply(left, vec![FormAction::Set(Setting::Reference, "X".into()).into()]);
        assert_eq!(typed.return_focus, None);
    }

    #[test]
    fn back_from_presentation_to_where_it_started_also_focuses_its_button() {
        let back = apply(present_from_examples(), vec![NavAction::Show(View::Examples).into()]);
        assert_eq!(back.return_focus.as_deref(), Some("present-arthur"));
        let elsewhere = apply(present_from_examples(), vec![NavAction::Show(View::Service).into()]);
        assert_eq!((elsewhere.view, elsewhere.return_focus.clone()), (View::Service, None));
        assert_eq!(elsewhere.presented_from, None);
    }

    #[test]
    fn leaving_a_presentation_opened_from_its_address_goes_to_the_calculator() {
        let s = apply(Rc::new(State::default()), vec![NavAction::Arrive(View::Present).into()]);
        assert_eq!((s.view, s.view_seq), (View::Present, 0), "arriving by address moves no focus");
        let left = apply(s, vec![NavAction::LeavePresentation.into()]);
        assert_eq!((left.view, left.view_seq, left.return_focus.clone()), (View::Calculator, 1, None));
    }

    #[test]
    fn the_same_view_again_is_no_change_of_view() {
        let s = apply(Rc::new(State::default()), vec![NavAction::Show(View::Calculator).into()]);
        assert_eq!(s.view_seq, 0);
    }
}
