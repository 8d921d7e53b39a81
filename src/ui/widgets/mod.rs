//! Shared widgets: form fields in the GOV.UK style and the bar chart. They take values and
//! callbacks as props and import no screen.

pub mod chart;
pub mod fields;
pub mod weeks;
