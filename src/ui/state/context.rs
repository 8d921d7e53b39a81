//! The context every screen of the one-person calculator reads: a way to change the state,
//! and the errors `calc` found in the form (shown once the user has asked for the result).

use crate::calc::FieldMessage;
use crate::ui::state::{Action, State};
use crate::ui::widgets::fields::{field_id, FieldState};
use std::rc::Rc;
use yew::prelude::*;

/// What every field needs: a way to change the state, and the errors to show.
#[derive(Clone, PartialEq)]
pub struct Form {
    pub dispatch: UseReducerDispatcher<State>,
    pub errors: Rc<Vec<FieldMessage>>,
    pub show_errors: bool,
}

impl Form {
    pub fn error(&self, path: &str) -> Option<AttrValue> {
        if !self.show_errors {
            return None;
        }
        self.errors.iter().find(|e| e.path == path).map(|e| AttrValue::from(e.message.clone()))
    }

    /// What a widget needs to know about the field at `path`: its id and its error.
    pub fn field(&self, path: &str) -> FieldState {
        FieldState { id: field_id(path).into(), error: self.error(path) }
    }

    pub fn send(&self, action: Action) {
        self.dispatch.dispatch(action)
    }

    /// A callback that turns the new text into an action.
    pub fn on_text(&self, to_action: impl Fn(String) -> Action + 'static) -> Callback<String> {
        let dispatch = self.dispatch.clone();
        Callback::from(move |text| dispatch.dispatch(to_action(text)))
    }

    pub fn on_click(&self, action: Action) -> Callback<MouseEvent> {
        let dispatch = self.dispatch.clone();
        Callback::from(move |_| dispatch.dispatch(action.clone()))
    }
}

#[hook]
pub fn use_form() -> Form {
    use_context::<Form>().expect("fields live inside the calculator's form context")
}
