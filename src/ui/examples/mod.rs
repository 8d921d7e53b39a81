//! The worked examples: their data (JSON beside it, also read by the embed's explainer), the
//! trainers' list of examples, and presentation mode (the working one step at a time).

pub mod data;
pub mod present_controls;
pub mod present_weeks;
pub mod presentation;
pub mod view;
