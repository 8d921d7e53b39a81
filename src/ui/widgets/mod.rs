//! Shared widgets: form fields in the GOV.UK style, the bar chart, the week-by-week chart and
//! text formatting. They take values and callbacks as props and import no screen.

pub mod chart;
pub mod fields;
pub mod format;
pub mod weeks;
