//! The contract's messages, one per rule, so the screens and the core say the same thing.

pub const FORMAT: &str = "This is not a reablement outcome scenario file";
pub const NEWER: &str = "This file was made by a newer version of the calculator";
pub const REFERENCE: &str = "Reference must be 100 characters or fewer";
pub const BASELINE: &str = "Baseline must be an amount in pounds, like 38.13";
pub const HOURLY_RATE: &str = "Hourly rate must be between £0.01 and £999.99";
pub const WEEKS_PER_YEAR: &str = "Weeks in a year must be a whole number between 1 and 53";
pub const SETTINGS: &str = "Settings must be a group of named values: baseline_weekly, hourly_rate, weeks_per_year";
pub const GOALS: &str = "Enter 30 goals or fewer";
pub const GOAL: &str = "Each goal needs an id, what the person wants to be able to do, an outcome and a status";
pub const GOAL_ID: &str = "Each goal needs its own short id";
pub const GOAL_DESCRIPTION: &str = "Enter what the person wants to be able to do";
pub const GOAL_OUTCOME: &str = "Choose which outcome this goal is about";
pub const GOAL_STATUS: &str = "Choose the goal's status";
pub const BEFORE: &str = "Enter the care package before reablement";
pub const AFTER: &str = "The package after reablement must be a care package, or empty to work it out from the goals";
pub const VISITS: &str = "Enter 50 visits or fewer";
pub const VISIT: &str = "Each visit needs its length in minutes, number of carers and days a week";
pub const VISIT_LABEL: &str = "Visit name must be 80 characters or fewer";
pub const MINUTES: &str = "Visit length must be a whole number of minutes between 1 and 720";
pub const CARERS: &str = "Number of carers must be between 1 and 4";
pub const DAYS: &str = "Days a week must be between 1 and 7";
pub const VISIT_GOAL: &str = "This visit refers to a goal that does not exist";
pub const OTHER_COSTS: &str = "Enter 20 other costs or fewer";
pub const OTHER_COST_LABEL: &str = "Cost name must be 80 characters or fewer";
pub const WEEKLY: &str = "Weekly cost must be an amount in pounds, like 4.50";
pub const REABLEMENT_COST: &str = "Reablement cost must be an amount in pounds, like 1850.00";
pub const REABLEMENT_WEEKS: &str = "Weeks of reablement must be a whole number between 1 and 12";
pub const REABLEMENT_WEEKS_NEEDED: &str = "Enter how many weeks reablement lasted";
pub const ACHIEVED_WEEK: &str = "Week achieved must be a whole number between 1 and 12";
pub const ACHIEVED_WEEK_NOT_ACHIEVED: &str = "Only an achieved goal can have a week it was achieved in";
pub const ACHIEVED_WEEK_LATE: &str = "Week achieved must be within the weeks of reablement";

pub fn unknown_field(name: &str) -> String {
    format!("Unknown field '{name}'")
}
