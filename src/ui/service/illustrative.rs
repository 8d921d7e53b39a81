//! Made-up dated rows for showing the charts of the service over time without a file of
//! one's own: 26 weeks of people leaving a reablement service, with a change from week 14
//! that leaves more people with no ongoing care and smaller packages for the rest. Every
//! figure is invented (a fixed pseudo-random sequence, the same on every device), and the
//! page says so wherever they are in use.

use crate::calc::cohort::{CohortRow, Day};
use crate::calc::Pence;

/// Where the rows came from, in the page's words.
pub const SOURCE: &str = "made-up example rows (not real people)";
/// The first week's Monday.
const FIRST_MONDAY: (i32, u32, u32) = (2025, 3, 3);
pub const WEEKS: i32 = 26;
/// The week (from 1) from which the made-up service is redesigned.
pub const CHANGE_WEEK: i32 = 14;

/// A small linear congruential generator: enough to scatter made-up figures, and the same
/// sequence everywhere.
struct Sequence(u32);

impl Sequence {
    /// A whole number from `low` to `high`.
    fn next(&mut self, low: i64, high: i64) -> i64 {
        self.0 = self.0.wrapping_mul(1_664_525).wrapping_add(1_013_904_223);
        low + i64::from(self.0 >> 8) % (high - low + 1)
    }
}

/// The rows, week by week: 7 to 12 people a week, each ending on a day of that week.
pub fn rows() -> Vec<CohortRow> {
    let (y, m, d) = FIRST_MONDAY;
    let first = Day::from_ymd(y, m, d).expect("a date");
    let mut random = Sequence(20_250_303);
    let mut rows = Vec::new();
    for week in 0..WEEKS {
        let redesigned = week + 1 >= CHANGE_WEEK;
        for _ in 0..random.next(7, 12) {
            let day = Day(first.0 + week * 7 + random.next(0, 6) as i32);
            let before = random.next(8_000, 42_000);
            let (no_care_percent, low, high) = if redesigned { (62, 1_500, 7_000) } else { (45, 3_000, 11_000) };
            let after = if random.next(1, 100) <= no_care_percent { 0 } else { random.next(low, high) };
            rows.push(CohortRow {
                reference: format!("EX-{:04}", rows.len() + 1),
                before_weekly: Pence(before),
                after_weekly: Pence(after),
                ended: Some(day),
            });
        }
    }
    rows
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::calc::cohort::over_time::{over_time, Period, PointType};

    #[test]
    fn the_made_up_service_shows_its_change_as_special_cause() {
        let rows = rows();
        assert!((26 * 7..=26 * 12).contains(&rows.len()));
        let t = over_time(&rows, Period::Week, Pence(3813), Some(1000)).expect("dated rows");
        assert_eq!(t.periods.len(), WEEKS as usize);
        assert_eq!(t.periods[0].start.iso(), "2025-03-03");
        let after = t.after_chart.expect("an outcome chart");
        assert!(!after.short);
        assert_eq!(after.variation, PointType::Improvement, "{:?}", after.point_types);
        // Months: February is not there, March to September is.
        let months = over_time(&rows, Period::Month, Pence(3813), None).unwrap();
        assert_eq!(months.periods.first().unwrap().start.iso(), "2025-03-01");
    }
}
