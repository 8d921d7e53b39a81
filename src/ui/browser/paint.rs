//! Waiting for the browser to paint.

/// Runs `f` after the browser has painted (a frame, then a task), so a status shown just
/// before a long step is on screen while it runs.
pub fn after_paint(f: impl FnOnce() + 'static) {
    use wasm_bindgen::{closure::Closure, JsCast};
    let next_task = Closure::once_into_js(move || gloo::timers::callback::Timeout::new(0, f).forget());
    if let Some(window) = web_sys::window() {
        let _ = window.request_animation_frame(next_task.unchecked_ref());
    }
}
