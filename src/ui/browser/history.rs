//! The page's address and the browser's history, for the standalone page only (an embed never
//! reads or changes them): each view has its own fragment (`state::route`), and Back and
//! Forward move between views.

use gloo::events::EventListener;

/// The address's fragment, with its `#` (empty when there is none).
pub fn hash() -> String {
    web_sys::window().and_then(|w| w.location().hash().ok()).unwrap_or_default()
}

/// Adds a history entry for `hash` (a route from `state::route`; empty for the app's own
/// address), keeping the path and query as they are, so the app works under any path.
pub fn push(hash: &str) {
    let Some(window) = web_sys::window() else { return };
    let location = window.location();
    let (Ok(path), Ok(search), Ok(history)) = (location.pathname(), location.search(), window.history()) else {
        return;
    };
    let _ = history.push_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&format!("{path}{search}{hash}")));
}

/// Calls `on_change` with the new fragment each time Back, Forward or an edited address
/// changes it. Dropping the listener stops it.
pub fn listen(on_change: impl Fn(String) + 'static) -> Option<EventListener> {
    let window = web_sys::window()?;
    Some(EventListener::new(&window, "popstate", move |_| on_change(hash())))
}
