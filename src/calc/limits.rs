//! The contract's money ranges and defaults, for the interface to ask for rather than restate
//! (an embed's attributes, a hint naming the settings rate, the whole-service form).
//!
//! The ranges here are the ones the scenario's validation uses (`scenario/checker.rs` reads
//! them from here), so a limit is written once; the defaults are the ones `scenario` and
//! `cohort` apply.

use super::money::Pence;

pub use super::cohort::{DEFAULT_PACKAGE_WEEKS, DEFAULT_PEOPLE_PER_WEEK_HUNDREDTHS};
pub use super::scenario::{DEFAULT_BASELINE, DEFAULT_HOURLY_RATE, DEFAULT_WEEKS_PER_YEAR};

/// `settings.baseline_weekly` and a cohort's `baseline_weekly`: £0.00 to £10,000.00.
pub const MIN_BASELINE: Pence = Pence::ZERO;
pub const MAX_BASELINE: Pence = Pence(1_000_000);

/// `settings.hourly_rate` and a visit's own `hourly_rate`: £0.01 to £999.99.
pub const MIN_HOURLY_RATE: Pence = Pence(1);
pub const MAX_HOURLY_RATE: Pence = Pence(99_999);

/// `other_costs[].weekly`: £0.00 to £10,000.00.
pub const MAX_WEEKLY_COST: Pence = Pence(1_000_000);
/// `reablement_cost`: £0.00 to £100,000.00.
pub const MAX_REABLEMENT_COST: Pence = Pence(10_000_000);

/// `settings.weeks_per_year`: 1 to 53.
pub const MAX_WEEKS_PER_YEAR: u32 = 53;
/// A visit: 1 to 720 minutes, 1 to 4 carers, 1 to 7 days a week.
pub const MAX_VISIT_MINUTES: u32 = 720;
pub const MAX_CARERS: u32 = 4;
pub const MAX_DAYS_PER_WEEK: u32 = 7;

/// Lists: at most 30 goals, 50 visits and 20 other costs.
pub const MAX_GOALS: usize = 30;
pub const MAX_VISITS: usize = 50;
pub const MAX_OTHER_COSTS: usize = 20;
/// Contract 1.1: `reablement_weeks` and `goals[].achieved_week`, 1 to 12.
pub const MAX_REABLEMENT_WEEKS: u32 = 12;

/// Text lengths, in characters (Unicode code points).
pub const MAX_REFERENCE_CHARS: usize = 100;
pub const MAX_GOAL_ID_CHARS: usize = 20;
pub const MAX_GOAL_DESCRIPTION_CHARS: usize = 200;
pub const MAX_LABEL_CHARS: usize = 80;

/// The cohort (the whole-service view): rows, people a week (in hundredths: 1,000 people),
/// and how many weeks an ongoing package lasts.
pub const MAX_COHORT_ROWS: usize = 100_000;
pub const MAX_PEOPLE_PER_WEEK_HUNDREDTHS: i64 = 100_000;
pub const MAX_PACKAGE_WEEKS: u32 = 520;
/// The service over time: at most this many weeks or months (contract 1.2).
pub const MAX_PERIODS: usize = 520;

/// True when `rate` is an hourly rate the contract accepts.
pub fn hourly_rate_in_range(rate: Pence) -> bool {
    (MIN_HOURLY_RATE..=MAX_HOURLY_RATE).contains(&rate)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::calc::scenario::msg;

    #[test]
    fn the_ranges_are_the_ones_the_messages_state() {
        assert!(msg::HOURLY_RATE.contains(&MIN_HOURLY_RATE.display()));
        assert!(msg::HOURLY_RATE.contains(&MAX_HOURLY_RATE.display()));
        assert!(hourly_rate_in_range(Pence(2410)) && !hourly_rate_in_range(Pence(100_000)));
        assert!(!hourly_rate_in_range(Pence::ZERO));
    }

    #[test]
    fn every_message_states_the_limit_the_reader_applies() {
        let states = |message: &str, limit: String| assert!(message.contains(&limit), "{message:?} says {limit}");
        states(msg::WEEKS_PER_YEAR, format!("between 1 and {MAX_WEEKS_PER_YEAR}"));
        states(msg::MINUTES, format!("between 1 and {MAX_VISIT_MINUTES}"));
        states(msg::CARERS, format!("between 1 and {MAX_CARERS}"));
        states(msg::DAYS, format!("between 1 and {MAX_DAYS_PER_WEEK}"));
        states(msg::GOALS, format!("Enter {MAX_GOALS} goals"));
        states(msg::VISITS, format!("Enter {MAX_VISITS} visits"));
        states(msg::OTHER_COSTS, format!("Enter {MAX_OTHER_COSTS} other costs"));
        states(msg::REABLEMENT_WEEKS, format!("between 1 and {MAX_REABLEMENT_WEEKS}"));
        states(msg::ACHIEVED_WEEK, format!("between 1 and {MAX_REABLEMENT_WEEKS}"));
        states(msg::REFERENCE, format!("{MAX_REFERENCE_CHARS} characters"));
        states(msg::VISIT_LABEL, format!("{MAX_LABEL_CHARS} characters"));
        states(msg::OTHER_COST_LABEL, format!("{MAX_LABEL_CHARS} characters"));
        use crate::calc::cohort::msg as cohort;
        states(cohort::ROWS, format!("Enter {} rows", crate::calc::money::group_thousands(MAX_COHORT_ROWS as u64)));
        states(
            cohort::PEOPLE_PER_WEEK,
            format!(
                "between 0 and {}",
                crate::calc::money::group_thousands(MAX_PEOPLE_PER_WEEK_HUNDREDTHS as u64 / 100)
            ),
        );
        states(cohort::PACKAGE_WEEKS, format!("between 1 and {MAX_PACKAGE_WEEKS}"));
        use crate::calc::cohort::over_time::msg as over_time;
        states(over_time::TOO_MANY_WEEKS, format!("more than {MAX_PERIODS} weeks"));
        states(over_time::TOO_MANY_MONTHS, format!("more than {MAX_PERIODS} months"));
        states(
            over_time::TARGET,
            format!(
                "between 0 and {}",
                crate::calc::money::group_thousands(MAX_PEOPLE_PER_WEEK_HUNDREDTHS as u64 / 100)
            ),
        );
    }
}
