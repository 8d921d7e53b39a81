//! The worked examples: their data (JSON beside it, also read by the embed's explainer), the
//! trainers' list of examples, and presentation mode (the story, the working one step at a
//! time, the ending). Only the whole app presents: the first screen's module and the
//! explainer's never build presentation mode.

pub mod data;
#[cfg(any(test, feature = "views"))]
pub mod handout;
#[cfg(any(test, feature = "views"))]
pub mod present_controls;
#[cfg(any(test, feature = "views"))]
pub mod present_story;
#[cfg(any(test, feature = "views"))]
pub mod present_weeks;
#[cfg(any(test, feature = "views"))]
pub mod presentation;
#[cfg(any(test, feature = "views"))]
pub mod view;
