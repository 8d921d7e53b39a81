//! The service over time (contract 1.2): each dated row in its ISO week or calendar month,
//! every period from the first to the last (gaps included), and the two XmR charts: the
//! outcome (mean cost after, lower is better, the baseline as target) and the volume (people
//! a week, higher is better, an optional target).
//!
//! - [`dates`]: days, ISO weeks and months without a date crate, and the date readers.
//! - [`xmr`]: one chart's mean, limits, point types and assurance, exactly.

pub mod dates;
pub mod xmr;

pub use self::dates::Day;
pub use self::xmr::{Assurance, Better, Chart, PointType, Rule};

use super::CohortRow;
use crate::calc::money::{div_round, percent_one_place, Pence};

/// At most this many periods (contract 1.2).
pub const MAX_PERIODS: usize = crate::calc::limits::MAX_PERIODS;

pub mod msg {
    pub const ENDED: &str = "End date must be a real date, like 2019-09-24";
    pub const PERIOD: &str = "Period must be week or month";
    pub const TARGET: &str = "Target a week must be a number between 0 and 1,000";
    pub const TOO_MANY_WEEKS: &str =
        "The dates cover more than 520 weeks: choose months, or use rows from a shorter time";
    pub const TOO_MANY_MONTHS: &str = "The dates cover more than 520 months: use rows from a shorter time";
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Period {
    #[default]
    Week,
    Month,
}

impl Period {
    /// `"week"` or `"month"`, as the contract writes it.
    pub fn parse(text: &str) -> Option<Period> {
        match text {
            "week" => Some(Period::Week),
            "month" => Some(Period::Month),
            _ => None,
        }
    }

    /// A number for the period holding `day`, consecutive periods having consecutive keys.
    fn key(self, day: Day) -> i32 {
        match self {
            Period::Week => day.monday().0.div_euclid(7),
            Period::Month => {
                let (y, m, _) = day.ymd();
                y * 12 + m as i32 - 1
            }
        }
    }

    /// The first day of the period with this key.
    fn start(self, key: i32) -> Day {
        match self {
            Period::Week => Day(key * 7 + MONDAY),
            Period::Month => Day::from_ymd(key.div_euclid(12), key.rem_euclid(12) as u32 + 1, 1)
                .expect("the first of a month is a date"),
        }
    }

    /// The period's length in days.
    fn days(self, key: i32) -> u32 {
        match self {
            Period::Week => 7,
            Period::Month => dates::days_in_month(key.div_euclid(12), key.rem_euclid(12) as u32 + 1),
        }
    }

    /// The error when dates cover more than [`MAX_PERIODS`] of these.
    pub fn too_many(self) -> &'static str {
        match self {
            Period::Week => msg::TOO_MANY_WEEKS,
            Period::Month => msg::TOO_MANY_MONTHS,
        }
    }

    /// How many periods the days from `first` to `last` cover.
    pub fn span(self, first: Day, last: Day) -> usize {
        (self.key(last) - self.key(first)) as usize + 1
    }
}

/// Mondays are the day numbers 7q + 4 (1970-01-05 is day 4): a week's key is q, its
/// Monday's number divided by 7, and its Monday is key × 7 + 4.
const MONDAY: i32 = 4;

#[derive(Clone, Debug, PartialEq)]
pub struct PeriodResult {
    pub start: Day,
    pub count: usize,
    pub mean_before_pence: Option<Pence>,
    pub mean_after_pence: Option<Pence>,
    pub no_ongoing_care_count: usize,
    pub no_ongoing_care_percent: Option<f64>,
    /// People a week in hundredths (exact); written to JSON as a number to 2 places.
    pub people_per_week: i64,
}

#[derive(Clone, Debug, PartialEq)]
pub struct OverTime {
    pub period: Period,
    pub undated_count: usize,
    pub periods: Vec<PeriodResult>,
    pub after_chart: Option<Chart>,
    pub volume_chart: Option<Chart>,
}

/// The span of dates in `rows`, if any row has one.
pub fn date_span<'a>(rows: impl IntoIterator<Item = &'a CohortRow>) -> Option<(Day, Day)> {
    rows.into_iter().filter_map(|r| r.ended).fold(None, |span, d| match span {
        None => Some((d, d)),
        Some((first, last)) => Some((first.min(d), last.max(d))),
    })
}

/// The error for rows whose dates cover too many periods, if they do.
pub fn span_error(rows: &[CohortRow], period: Period) -> Option<&'static str> {
    let (first, last) = date_span(rows)?;
    (period.span(first, last) > MAX_PERIODS).then(|| period.too_many())
}

/// The service over time; `None` when no row has a date, or (for rows that were not checked)
/// when the dates cover more than [`MAX_PERIODS`] periods.
pub fn over_time(
    rows: &[CohortRow],
    period: Period,
    baseline: Pence,
    target_per_week_hundredths: Option<i64>,
) -> Option<OverTime> {
    let (first, last) = date_span(rows)?;
    let span = period.span(first, last);
    if span > MAX_PERIODS {
        return None;
    }
    let first_key = period.key(first);
    #[derive(Clone, Copy, Default)]
    struct Sums {
        count: usize,
        // At most 100,000 rows of at most 10⁷ pence: under 10¹², inside i64.
        before: i64,
        after: i64,
        none_after: usize,
    }
    let mut sums = vec![Sums::default(); span];
    let mut undated_count = 0;
    for row in rows {
        let Some(day) = row.ended else {
            undated_count += 1;
            continue;
        };
        let s = &mut sums[(period.key(day) - first_key) as usize];
        s.count += 1;
        s.before += row.before_weekly.0;
        s.after += row.after_weekly.0;
        s.none_after += usize::from(row.after_weekly == Pence::ZERO);
    }
    let periods: Vec<PeriodResult> = sums
        .iter()
        .enumerate()
        .map(|(i, s)| {
            let key = first_key + i as i32;
            let n = s.count as i128;
            let mean = |sum: i64| (n > 0).then(|| Pence(div_round(i128::from(sum), n) as i64));
            PeriodResult {
                start: period.start(key),
                count: s.count,
                mean_before_pence: mean(s.before),
                mean_after_pence: mean(s.after),
                no_ongoing_care_count: s.none_after,
                no_ongoing_care_percent: (n > 0).then(|| percent_one_place(s.none_after as i128, n)),
                people_per_week: div_round(n * 700, i128::from(period.days(key))) as i64,
            }
        })
        .collect();
    let after: Vec<Option<i64>> = periods.iter().map(|p| p.mean_after_pence.map(|m| m.0)).collect();
    let volume: Vec<Option<i64>> = periods.iter().map(|p| Some(p.people_per_week)).collect();
    Some(OverTime {
        period,
        undated_count,
        after_chart: xmr::chart(&after, Better::Lower, Some(baseline.0)),
        volume_chart: xmr::chart(&volume, Better::Higher, target_per_week_hundredths),
        periods,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(ended: &str, before: i64, after: i64) -> CohortRow {
        CohortRow {
            reference: String::new(),
            before_weekly: Pence(before),
            after_weekly: Pence(after),
            ended: Day::parse_iso(ended),
        }
    }

    #[test]
    fn week_keys_are_consecutive_and_start_on_mondays() {
        for text in ["2025-12-29", "2026-01-04", "2026-01-05", "2000-01-01", "2099-12-31"] {
            let day = Day::parse_iso(text).unwrap();
            let key = Period::Week.key(day);
            assert_eq!(Period::Week.start(key), day.monday(), "{text}");
            assert_eq!(Period::Week.start(key + 1).0, day.monday().0 + 7);
        }
    }

    #[test]
    fn weeks_across_a_new_year_and_an_empty_week_between() {
        // Wed 31 Dec 2025 and Thu 1 Jan 2026 are in one ISO week; nothing in the week of 5 Jan.
        let rows = [row("2025-12-31", 100, 0), row("2026-01-01", 300, 50), row("2026-01-14", 200, 20)];
        let t = over_time(&rows, Period::Week, Pence(3813), None).unwrap();
        let starts: Vec<String> = t.periods.iter().map(|p| p.start.iso()).collect();
        assert_eq!(starts, ["2025-12-29", "2026-01-05", "2026-01-12"]);
        assert_eq!(t.periods[0].count, 2);
        assert_eq!(t.periods[0].mean_after_pence, Some(Pence(25)));
        assert_eq!(t.periods[0].no_ongoing_care_percent, Some(50.0));
        assert_eq!((t.periods[1].count, t.periods[1].mean_after_pence, t.periods[1].people_per_week), (0, None, 0));
        assert_eq!(t.periods[2].people_per_week, 100);
        // The outcome chart joins weeks 1 and 3; the volume chart has the real 0 of week 2.
        let after = t.after_chart.unwrap();
        assert_eq!(after.points, 2);
        assert_eq!(after.point_types[1], None);
        assert_eq!(t.volume_chart.unwrap().points, 3);
    }

    #[test]
    fn months_of_28_to_31_days_give_people_a_week() {
        // 10 people: ×7 ÷ 28 = 2.5, ÷ 29 = 2.41379… → 2.41, ÷ 30 = 2.333… → 2.33, ÷ 31 = 2.258… → 2.26.
        let mut rows = Vec::new();
        for month in ["2025-02-10", "2024-02-10", "2025-04-10", "2025-05-10"] {
            rows.extend((0..10).map(|_| row(month, 100, 0)));
        }
        let t = |year_rows: &[CohortRow]| over_time(year_rows, Period::Month, Pence(3813), None).unwrap();
        assert_eq!(t(&rows[..10]).periods[0].people_per_week, 250);
        assert_eq!(t(&rows[10..20]).periods[0].people_per_week, 241);
        let spring = t(&rows[20..]);
        assert_eq!(spring.periods.iter().map(|p| p.start.iso()).collect::<Vec<_>>(), ["2025-04-01", "2025-05-01"]);
        assert_eq!(spring.periods.iter().map(|p| p.people_per_week).collect::<Vec<_>>(), [233, 226]);
        // Half a hundredth rounds away from zero: 1 person × 7 ÷ 28 = 0.25 exactly; 3 × 7 ÷ 28 = 0.75.
        assert_eq!(t(&rows[..1]).periods[0].people_per_week, 25);
    }

    #[test]
    fn undated_rows_count_apart_and_no_dates_is_no_over_time() {
        let mut rows = vec![row("2025-09-01", 100, 0)];
        rows.push(CohortRow { ended: None, ..row("2025-09-01", 5, 5) });
        let t = over_time(&rows, Period::Week, Pence(3813), None).unwrap();
        assert_eq!((t.undated_count, t.periods.len(), t.after_chart.is_none()), (1, 1, true));
        assert_eq!(over_time(&rows[1..], Period::Week, Pence(3813), None), None);
    }

    #[test]
    fn more_than_520_periods_is_the_contracts_error() {
        // 520 weeks (3,640 days) from Monday 2000-01-03 end on Sunday 2009-12-20.
        let ok = [row("2000-01-03", 1, 1), row("2009-12-20", 1, 1)];
        assert_eq!(span_error(&ok, Period::Week), None);
        assert_eq!(over_time(&ok, Period::Week, Pence(0), None).unwrap().periods.len(), 520);
        let over = [row("2000-01-03", 1, 1), row("2009-12-21", 1, 1)];
        assert_eq!(span_error(&over, Period::Week), Some(msg::TOO_MANY_WEEKS));
        assert_eq!(over_time(&over, Period::Week, Pence(0), None), None);
        assert_eq!(span_error(&over, Period::Month), None);
        let centuries = [row("2000-01-01", 1, 1), row("2099-12-31", 1, 1)];
        assert_eq!(span_error(&centuries, Period::Month), Some(msg::TOO_MANY_MONTHS));
    }
}
