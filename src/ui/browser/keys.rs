//! Keys for a part of the page that answers them wherever focus is inside it (presentation
//! mode): a `keydown` listener on the element, and on the standalone page also on the
//! document for keys pressed while focus is on the page's body (after a click on blank space,
//! or when a button that had focus went away).

use gloo::events::{EventListener, EventListenerOptions};
use wasm_bindgen::JsCast;

/// What `on_key` is told about a key press.
pub struct KeyPress<'a> {
    pub key: &'a str,
    /// Ctrl, Alt or Meta held: the browser's own shortcut (Alt+← is Back), never ours.
    pub modified: bool,
    /// Focus is on a control that answers Space and Enter itself (a button, link, input or
    /// `<summary>`).
    pub on_control: bool,
}

/// Listens for keys pressed inside `root` (and, with `also_body`, while focus is on the
/// document's body). `on_key` returns true when it used the key: its default (scrolling for
/// Space and Page Down) is then prevented. Dropping the listener stops it.
pub fn listen_within(
    root: &web_sys::Element,
    also_body: bool,
    on_key: impl Fn(KeyPress) -> bool + 'static,
) -> Option<EventListener> {
    let root = root.clone();
    let target: web_sys::EventTarget =
        if also_body { web_sys::window()?.document()?.into() } else { root.clone().into() };
    let options = EventListenerOptions::enable_prevent_default();
    Some(EventListener::new_with_options(&target, "keydown", options, move |event| {
        let Some(event) = event.dyn_ref::<web_sys::KeyboardEvent>() else { return };
        // Inside a shadow root the event's target outside it is the host: ask the path.
        let origin = event.composed_path().get(0).dyn_into::<web_sys::Element>().ok();
        let inside = origin.as_ref().is_some_and(|el| root.contains(Some(el)));
        let on_body = origin.as_ref().is_some_and(|el| matches!(el.tag_name().as_str(), "BODY" | "HTML"));
        if !(inside || (also_body && on_body)) || event.default_prevented() {
            return;
        }
        let on_control = origin.as_ref().is_some_and(|el| {
            matches!(el.tag_name().as_str(), "BUTTON" | "A" | "INPUT" | "SELECT" | "TEXTAREA" | "SUMMARY")
        });
        let modified = event.ctrl_key() || event.alt_key() || event.meta_key();
        if on_key(KeyPress { key: &event.key(), modified, on_control }) {
            event.prevent_default();
        }
    }))
}
