//! Full screen (the Fullscreen API) for presentation mode: one element fills the screen, and
//! the rest of the page, the site's navigation with it, is out of sight until it ends.

use gloo::events::EventListener;
use wasm_bindgen::JsCast;

fn document() -> Option<web_sys::Document> {
    web_sys::window()?.document()
}

/// Whether this page may go full screen (not, for example, in an iframe without
/// `allow="fullscreen"`).
pub fn available() -> bool {
    document().is_some_and(|d| d.fullscreen_enabled())
}

/// Whether `element` is the one filling the screen (also inside a shadow root).
pub fn is_showing(element: &web_sys::Element) -> bool {
    let root = element.get_root_node();
    let full = match root.dyn_ref::<web_sys::ShadowRoot>() {
        Some(shadow) => shadow.fullscreen_element(),
        None => document().and_then(|d| d.fullscreen_element()),
    };
    full.is_some_and(|f| &f == element)
}

/// Fills the screen with `element`, or ends full screen when it already does.
pub fn toggle(element: &web_sys::Element) {
    if is_showing(element) {
        exit();
    } else {
        let _ = element.request_fullscreen();
    }
}

/// Ends full screen, if the page is in it.
pub fn exit() {
    if let Some(document) = document().filter(|d| d.fullscreen_element().is_some()) {
        document.exit_fullscreen();
    }
}

/// Calls `on_change` each time the page goes into or out of full screen (the Esc key, the
/// browser's own controls, or [`toggle`]).
pub fn listen(on_change: impl Fn() + 'static) -> Option<EventListener> {
    let document = document()?;
    Some(EventListener::new(&document, "fullscreenchange", move |_| on_change()))
}
