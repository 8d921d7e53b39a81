//! Reablement outcome calculator: the cost of a person's care per week before reablement
//! and 28 days after it, in exact pence, compared with a service baseline.
//!
//! - [`calc`]: the calculation core (pure Rust; serde and csv only).
//! - [`api`]: the JavaScript API (`calculate`, `calculateCohort`, `version`).
//! - [`ui`]: the Yew app, mounted by [`start`] only where its mount point exists.

pub mod api;
pub mod calc;
pub mod ui;

/// The first screen's module mounts the app into `#reablement-app` when there is a document
/// with that element; every other module, and any module in Node, mounts nothing here (the
/// whole app is mounted by `mountApp`, embeds by `mountEmbed`).
pub fn start() {
    #[cfg(feature = "start")]
    ui::mount();
}
