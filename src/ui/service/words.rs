//! The whole-service view's wording: amounts against the baseline, people, lines.

use crate::calc::money::group_thousands;
use crate::calc::wording::AgainstBaseline;
use crate::calc::Pence;

/// `£8.15 below the £38.13 baseline`.
pub fn gap_words(gap: Pence, baseline: Pence) -> String {
    AgainstBaseline::from_gap(gap).words(baseline)
}

/// `£1,702,404.60 a year less than at the baseline`.
pub fn year_words(annual: Pence) -> String {
    match annual.0.signum() {
        1 => format!("{} a year less than at the baseline", annual.display()),
        -1 => format!("{} a year more than at the baseline", (-annual).display()),
        _ => "The same as at the baseline".to_string(),
    }
}

pub fn people(n: usize) -> String {
    if n == 1 {
        "1 person".into()
    } else {
        format!("{} people", group_thousands(n as u64))
    }
}

/// People a week from hundredths: `58`, `77.25`, `0.50`.
pub fn hundredths(h: i64) -> String {
    if h % 100 == 0 {
        (h / 100).to_string()
    } else {
        format!("{}.{:02}", h / 100, h % 100)
    }
}

pub fn lines_could_not_be_used(lines: usize) -> String {
    if lines == 1 {
        "1 line could not be used".into()
    } else {
        format!("{} lines could not be used", group_thousands(lines as u64))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hundredths_are_written_without_floats() {
        assert_eq!(hundredths(5800), "58");
        assert_eq!(hundredths(7725), "77.25");
        assert_eq!(hundredths(50), "0.50");
        assert_eq!(hundredths(0), "0");
    }
}
