//! Calendar dates without a date crate: a day is a count of days since 1970-01-01 (the
//! proleptic Gregorian calendar, Howard Hinnant's `days_from_civil`), which makes ISO weeks
//! and calendar months a little integer arithmetic. Only 2000-01-01 to 2099-12-31 is read
//! (contract 1.2), but the arithmetic holds for any year.

/// A calendar day: days since 1970-01-01 (a Thursday).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Day(pub i32);

/// The first and last days a cohort row's `ended` may be (contract 1.2).
pub const FIRST_YEAR: i32 = 2000;
pub const LAST_YEAR: i32 = 2099;

pub fn is_leap(year: i32) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

/// Days in a month (1–12) of a year.
pub fn days_in_month(year: i32, month: u32) -> u32 {
    match month {
        2 if is_leap(year) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

impl Day {
    /// A real date, or `None` (31 February, month 13, day 0).
    pub fn from_ymd(year: i32, month: u32, day: u32) -> Option<Day> {
        if !(1..=12).contains(&month) || day == 0 || day > days_in_month(year, month) {
            return None;
        }
        // days_from_civil: years start in March, so the leap day is the year's last.
        let y = if month <= 2 { year - 1 } else { year };
        let era = y.div_euclid(400);
        let yoe = y.rem_euclid(400);
        let m = month as i32;
        let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + day as i32 - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        Some(Day(era * 146_097 + doe - 719_468))
    }

    /// The date's year, month (1–12) and day (1–31).
    pub fn ymd(self) -> (i32, u32, u32) {
        let z = self.0 + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z.rem_euclid(146_097);
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = (doy - (153 * mp + 2) / 5 + 1) as u32;
        let month = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
        let year = yoe + era * 400 + i32::from(month <= 2);
        (year, month, day)
    }

    /// Monday of the ISO week holding this day.
    pub fn monday(self) -> Day {
        // 1970-01-01 was a Thursday: (days + 3) mod 7 is 0 on a Monday.
        Day(self.0 - (self.0 + 3).rem_euclid(7))
    }

    /// `YYYY-MM-DD`.
    pub fn iso(self) -> String {
        let (y, m, d) = self.ymd();
        format!("{y:04}-{m:02}-{d:02}")
    }

    /// `DD/MM/YYYY`, as a UK spreadsheet writes it.
    pub fn uk(self) -> String {
        let (y, m, d) = self.ymd();
        format!("{d:02}/{m:02}/{y:04}")
    }

    /// Reads exactly `YYYY-MM-DD` (the JSON format), a real date in 2000–2099.
    pub fn parse_iso(text: &str) -> Option<Day> {
        let b = text.as_bytes();
        if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
            return None;
        }
        let year = digits(&b[0..4])?;
        let month = digits(&b[5..7])?;
        let day = digits(&b[8..10])?;
        in_range(year as i32, month, day)
    }

    /// Reads a date as a CSV cell may hold it (contract 1.2, "From a CSV file"): `YYYY-MM-DD`,
    /// or day first, `D/M/YYYY` or `DD/MM/YYYY` with `/`, `-` or `.` between the parts;
    /// optionally followed by a space and a time, which is ignored. A four-figure year only.
    pub fn parse_cell(text: &str) -> Option<Day> {
        let text = text.trim();
        let date = match text.split_once(' ') {
            Some((date, time)) if is_time(time.trim()) => date,
            Some(_) => return None,
            None => text.split_once('T').filter(|(_, time)| is_time(time)).map_or(text, |(date, _)| date),
        };
        if let Some(day) = Day::parse_iso(date) {
            return Some(day);
        }
        let separator = date.bytes().find(|b| matches!(b, b'/' | b'-' | b'.'))?;
        let mut parts = date.split(separator as char);
        let (d, m, y) = (parts.next()?, parts.next()?, parts.next()?);
        if parts.next().is_some() || !(1..=2).contains(&d.len()) || !(1..=2).contains(&m.len()) || y.len() != 4 {
            return None;
        }
        in_range(digits(y.as_bytes())? as i32, digits(m.as_bytes())?, digits(d.as_bytes())?)
    }
}

fn in_range(year: i32, month: u32, day: u32) -> Option<Day> {
    if !(FIRST_YEAR..=LAST_YEAR).contains(&year) {
        return None;
    }
    Day::from_ymd(year, month, day)
}

fn digits(b: &[u8]) -> Option<u32> {
    if b.is_empty() || !b.iter().all(u8::is_ascii_digit) {
        return None;
    }
    Some(b.iter().fold(0, |n, d| n * 10 + u32::from(d - b'0')))
}

/// A time of day as spreadsheets export it after a date: `00:00`, `9:30`, `00:00:00`,
/// optionally with fractions of a second or a `Z`.
fn is_time(text: &str) -> bool {
    let text = text.strip_suffix('Z').unwrap_or(text);
    let text = text.split_once('.').map_or(text, |(t, fraction)| {
        if !fraction.is_empty() && fraction.bytes().all(|b| b.is_ascii_digit()) {
            t
        } else {
            "x"
        }
    });
    let parts: Vec<&str> = text.split(':').collect();
    (2..=3).contains(&parts.len())
        && parts.iter().enumerate().all(|(i, p)| {
            (if i == 0 { 1..=2 } else { 2..=2 }).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_digit())
        })
        && digits(parts[0].as_bytes()).is_some_and(|h| h < 24)
        && parts[1..].iter().all(|p| digits(p.as_bytes()).is_some_and(|n| n < 60))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(text: &str) -> Day {
        Day::parse_iso(text).unwrap()
    }

    #[test]
    fn days_round_trip_over_the_whole_range() {
        assert_eq!(Day::from_ymd(1970, 1, 1), Some(Day(0)));
        let (first, last) = (day("2000-01-01"), day("2099-12-31"));
        let mut expected = (2000, 1, 1);
        for n in first.0..=last.0 {
            assert_eq!(Day(n).ymd(), expected);
            assert_eq!(Day::parse_iso(&Day(n).iso()), Some(Day(n)));
            let (y, m, d) = expected;
            expected = if d < days_in_month(y, m) {
                (y, m, d + 1)
            } else if m < 12 {
                (y, m + 1, 1)
            } else {
                (y + 1, 1, 1)
            };
        }
    }

    #[test]
    fn months_have_28_to_31_days() {
        assert_eq!(days_in_month(2025, 2), 28);
        assert_eq!(days_in_month(2024, 2), 29);
        assert_eq!(days_in_month(2000, 2), 29, "2000 is a leap year (divisible by 400)");
        assert_eq!(days_in_month(2100, 2), 28, "2100 is not");
        assert_eq!(days_in_month(2025, 4), 30);
        assert_eq!(days_in_month(2025, 12), 31);
        assert_eq!(Day::from_ymd(2025, 2, 29), None);
        assert_eq!(Day::from_ymd(2024, 2, 29).map(Day::iso).as_deref(), Some("2024-02-29"));
        assert_eq!(Day::from_ymd(2025, 4, 31), None);
    }

    #[test]
    fn iso_weeks_start_on_monday_across_a_new_year() {
        // Thursday 1 January 2026 is in the week of Monday 29 December 2025 (ISO week 1 of 2026).
        assert_eq!(day("2026-01-01").monday().iso(), "2025-12-29");
        assert_eq!(day("2026-01-04").monday().iso(), "2025-12-29", "Sunday ends the week");
        assert_eq!(day("2026-01-05").monday().iso(), "2026-01-05", "a Monday is its own week's start");
        assert_eq!(day("2021-01-03").monday().iso(), "2020-12-28");
        assert_eq!(day("2000-01-01").monday().iso(), "1999-12-27", "the first readable day is a Saturday");
    }

    #[test]
    fn json_dates_are_strict_iso_in_2000_to_2099() {
        for bad in
            ["2025-02-29", "24/09/2019", "1999-12-31", "2100-01-01", "2025-9-24", "2025-09-24 ", "", "2025-13-01"]
        {
            assert_eq!(Day::parse_iso(bad), None, "{bad}");
        }
        assert_eq!(day("2019-09-24").uk(), "24/09/2019");
    }

    #[test]
    fn csv_cells_take_iso_and_day_first_dates_with_or_without_a_time() {
        let iso = |t: &str| Day::parse_cell(t).map(Day::iso);
        for (text, expected) in [
            ("24/09/2019", "2019-09-24"),
            ("4/9/2019", "2019-09-04"),
            ("04-09-2019", "2019-09-04"),
            ("4.9.2019", "2019-09-04"),
            ("24/09/2019 00:00", "2019-09-24"),
            ("24/09/2019 13:45:10", "2019-09-24"),
            ("2019-09-24", "2019-09-24"),
            ("2019-09-24 00:00:00", "2019-09-24"),
            ("2019-09-24T00:00:00.000Z", "2019-09-24"),
            (" 24/09/2019 ", "2019-09-24"),
        ] {
            assert_eq!(iso(text).as_deref(), Some(expected), "{text}");
        }
        for bad in [
            "31/02/2025",
            "09/24/2019",
            "24/09/19",
            "24/9",
            "2019/09/24",
            "24/09-2019",
            "24/09/2019 noon",
            "24/09/2019 25:00",
            "Tuesday",
            "45559",
            "1/1/1999",
        ] {
            assert_eq!(iso(bad), None, "{bad}");
        }
    }
}
