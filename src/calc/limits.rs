//! The contract's money ranges and defaults, for the interface to ask for rather than restate
//! (an embed's attributes, a hint naming the settings rate, the whole-service form).
//!
//! The defaults are the ones `scenario` and `cohort` apply; the ranges are the ones their
//! validation uses (`scenario.rs` still writes them as literals: see docs/architecture.md).

use super::money::Pence;

pub use super::cohort::{DEFAULT_PACKAGE_WEEKS, DEFAULT_PEOPLE_PER_WEEK_HUNDREDTHS};
pub use super::scenario::{DEFAULT_BASELINE, DEFAULT_HOURLY_RATE, DEFAULT_WEEKS_PER_YEAR};

/// `settings.baseline_weekly` and a cohort's `baseline_weekly`: £0.00 to £10,000.00.
pub const MIN_BASELINE: Pence = Pence::ZERO;
pub const MAX_BASELINE: Pence = Pence(1_000_000);

/// `settings.hourly_rate` and a visit's own `hourly_rate`: £0.01 to £999.99.
pub const MIN_HOURLY_RATE: Pence = Pence(1);
pub const MAX_HOURLY_RATE: Pence = Pence(99_999);

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
}
