//! Reablement outcome calculator: the cost of a person's care per week before reablement
//! and 28 days after it, in exact pence, compared with a service baseline.
//!
//! - [`calc`]: the calculation core (pure Rust; serde and csv only).
//! - [`api`]: the JavaScript API (`calculate`, `calculateCohort`, `version`).
//! - [`ui`]: the Yew app, mounted by [`start`] only where its mount point exists.

pub mod api;
pub mod calc;
pub mod ui;

/// Mounts the app into `#reablement-app` when there is a document with that element;
/// does nothing otherwise (for example in Node, where only the API is used).
pub fn start() {
    #[cfg(feature = "app")]
    ui::mount();
}
