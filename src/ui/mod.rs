//! The Yew app.
pub fn mount() {}
