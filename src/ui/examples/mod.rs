//! The worked examples: their data (JSON beside it, also read by the embed's explainer), the
//! trainers' list of examples, and presentation mode (the story, the working one step at a
//! time, the ending) and a worked example's one-page handout. Only the whole app (`views`)
//! builds the slides, the handout and the examples page. The keys and the weeks' bars build
//! everywhere, as before: unused, they leave the smaller modules, and gating them too made the
//! explainer's module 75 B larger with brotli (its data laid out differently).

pub mod data;
#[cfg(any(test, feature = "views"))]
pub mod handout;
pub mod present_controls;
#[cfg(any(test, feature = "views"))]
pub mod present_story;
pub mod present_weeks;
#[cfg(any(test, feature = "views"))]
pub mod presentation;
#[cfg(any(test, feature = "views"))]
pub mod view;
