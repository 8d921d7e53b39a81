//! Money: whole pence in an `i64`, parsing `"£1,234.56"`, formatting, and the one rounding
//! rule (half away from zero) used wherever a sum is divided.

use super::json::{decimal_scaled, Value};

/// An amount of money in whole pence. Never a float.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Pence(pub i64);

// Whole pence add, subtract and scale by whole numbers exactly; there is no division here,
// because every division in the contract rounds once, with `div_round`.
impl std::ops::Add for Pence {
    type Output = Pence;
    fn add(self, other: Pence) -> Pence {
        Pence(self.0 + other.0)
    }
}

impl std::ops::Sub for Pence {
    type Output = Pence;
    fn sub(self, other: Pence) -> Pence {
        Pence(self.0 - other.0)
    }
}

impl std::ops::Neg for Pence {
    type Output = Pence;
    fn neg(self) -> Pence {
        Pence(-self.0)
    }
}

impl std::ops::Mul<i64> for Pence {
    type Output = Pence;
    fn mul(self, times: i64) -> Pence {
        Pence(self.0 * times)
    }
}

impl std::iter::Sum for Pence {
    fn sum<I: Iterator<Item = Pence>>(iter: I) -> Pence {
        Pence(iter.map(|p| p.0).sum())
    }
}

impl Pence {
    /// -1, 0 or 1: a saving, no change or a cost.
    pub fn signum(self) -> i64 {
        self.0.signum()
    }

    pub fn abs(self) -> Pence {
        Pence(self.0.abs())
    }
}

/// The minus sign the screens use (U+2212); CSV and JSON strings use `-`.
pub const UI_MINUS: &str = "\u{2212}";

impl Pence {
    pub const ZERO: Pence = Pence(0);

    /// Parses money typed as text: optional leading `£`, digits with optional thousands
    /// commas (each followed by exactly three digits), at most 2 decimal places, spaces at
    /// the ends ignored. No sign. `None` when the text is not money.
    pub fn parse(text: &str) -> Option<Pence> {
        let text = text.trim();
        let text = text.strip_prefix('£').unwrap_or(text);
        let (whole, fraction) = match text.split_once('.') {
            Some((whole, fraction)) => (whole, Some(fraction)),
            None => (text, None),
        };
        let pounds = parse_grouped_digits(whole)?;
        let pence = match fraction {
            None => 0,
            Some(f) => parse_fraction(f)?,
        };
        pounds.checked_mul(100)?.checked_add(pence).map(Pence)
    }

    /// Money as a JSON value: text as in [`Pence::parse`], or a number that is not negative
    /// and has at most 2 decimal places (`26.5` yes, `4.567` no). The number is read from
    /// its literal, exactly, as a decimal: no float is involved.
    pub fn from_json(value: &Value) -> Option<Pence> {
        match value {
            Value::String(s) => Pence::parse(s),
            Value::Int(_) | Value::Number(_) => Pence::from_scaled(value.scaled(2)?),
            _ => None,
        }
    }

    /// Money written as a JSON number's literal (`26.5`), read as [`Pence::from_json`] reads
    /// a number: for readers that keep the literal rather than a [`Value`].
    pub fn from_number_literal(literal: &str) -> Option<Pence> {
        Pence::from_scaled(decimal_scaled(literal, 2)?)
    }

    /// Whole pence that are not negative and fit an `i64`.
    fn from_scaled(pence: i128) -> Option<Pence> {
        i64::try_from(pence).ok().filter(|p| *p >= 0).map(Pence)
    }

    /// `£1,234.56`, negative as `−£12.30` with the UI's minus sign.
    pub fn display(self) -> String {
        self.format_with(UI_MINUS, true)
    }

    /// `£1,234.56`, negative as `-£12.30`: for CSV cells and JSON strings.
    pub fn display_ascii(self) -> String {
        self.format_with("-", true)
    }

    /// `1234.56` / `-12.30`: plain decimal that `Pence::parse` reads back (no commas, no £).
    pub fn decimal(self) -> String {
        let sign = if self.0 < 0 { "-" } else { "" };
        let abs = self.0.unsigned_abs();
        format!("{sign}{}.{:02}", abs / 100, abs % 100)
    }

    fn format_with(self, minus: &str, pound: bool) -> String {
        let abs = self.0.unsigned_abs();
        let sign = if self.0 < 0 { minus } else { "" };
        let pound = if pound { "£" } else { "" };
        format!("{sign}{pound}{}.{:02}", group_thousands(abs / 100), abs % 100)
    }
}

/// `1234567` → `"1,234,567"`.
pub fn group_thousands(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// Integer division rounded half away from zero. `denominator` must be positive.
pub fn div_round(numerator: i128, denominator: i128) -> i128 {
    debug_assert!(denominator > 0);
    let quotient = numerator / denominator;
    let remainder = numerator % denominator;
    if 2 * remainder.abs() >= denominator {
        quotient + numerator.signum()
    } else {
        quotient
    }
}

/// Ceiling of `numerator ÷ denominator` for a non-negative numerator and positive denominator.
pub fn div_ceil(numerator: i128, denominator: i128) -> i128 {
    debug_assert!(numerator >= 0 && denominator > 0);
    (numerator + denominator - 1) / denominator
}

/// A ratio as a percentage with one decimal place: the whole number of tenths is computed
/// and rounded in integers, then divided by 10 only to give the JSON number.
pub fn percent_one_place(numerator: i128, denominator: i128) -> f64 {
    div_round(numerator * 1000, denominator) as f64 / 10.0
}

/// A one-decimal-place number (such as a percentage from [`percent_one_place`]) as text:
/// `37.5`, `-2.4`, `100.0`. Written from whole tenths, without float formatting.
pub fn one_place(value: f64) -> String {
    let tenths = (value * 10.0).round() as i64;
    let sign = if tenths < 0 { "-" } else { "" };
    let abs = tenths.unsigned_abs();
    format!("{sign}{}.{}", abs / 10, abs % 10)
}

/// An exact amount of pence given as a fraction, written in pounds to as many places as it
/// needs (up to 4, then `…`): `2952250/100` → `£295.225`. For showing working, not for sums.
pub fn display_exact_pounds(pence_numerator: i128, pence_denominator: i128) -> String {
    debug_assert!(pence_denominator > 0);
    // Work in ten-thousandths of a pound (hundredths of a penny).
    let scaled = pence_numerator * 100;
    let whole = scaled / pence_denominator;
    let inexact = scaled % pence_denominator != 0;
    let abs = whole.unsigned_abs();
    let pounds = (abs / 10_000) as u64;
    // Formatted as a u64 (it is under 10,000): a u128 would bring its own formatting code.
    let mut fraction = format!("{:04}", (abs % 10_000) as u64);
    while fraction.len() > 2 && fraction.ends_with('0') {
        fraction.pop();
    }
    let sign = if pence_numerator < 0 { UI_MINUS } else { "" };
    let ellipsis = if inexact { "…" } else { "" };
    format!("{sign}£{}.{fraction}{ellipsis}", group_thousands(pounds))
}

/// Digits with optional thousands commas: `1,234,567` or `1234567`.
fn parse_grouped_digits(text: &str) -> Option<i64> {
    let mut groups = text.split(',');
    let first = groups.next()?;
    let grouped = text.contains(',');
    if first.is_empty() || (grouped && first.len() > 3) {
        return None;
    }
    let mut value = digits_value(first, 0)?;
    for group in groups {
        if group.len() != 3 {
            return None;
        }
        value = digits_value(group, value)?;
    }
    Some(value)
}

fn digits_value(digits: &str, start: i64) -> Option<i64> {
    digits.bytes().try_fold(start, |acc, b| {
        if b.is_ascii_digit() {
            acc.checked_mul(10)?.checked_add(i64::from(b - b'0'))
        } else {
            None
        }
    })
}

/// One or two digits after the point, as pence.
fn parse_fraction(fraction: &str) -> Option<i64> {
    match fraction.len() {
        1 => digits_value(fraction, 0).map(|d| d * 10),
        2 => digits_value(fraction, 0),
        _ => None,
    }
}

/// Digits, optionally a point and 1..=`places` digits; no sign, no commas. Returns the value
/// in units of 10^-places (e.g. hundredths for `places = 2`).
pub fn parse_plain_decimal(text: &str, places: u32) -> Option<i64> {
    let (whole, fraction) = match text.split_once('.') {
        Some((w, f)) => (w, Some(f)),
        None => (text, None),
    };
    if whole.is_empty() || whole.contains(',') {
        return None;
    }
    let whole = digits_value(whole, 0)?;
    let scale = 10i64.pow(places);
    let fraction = match fraction {
        None => 0,
        Some(f) if !f.is_empty() && f.len() <= places as usize => {
            digits_value(f, 0)? * 10i64.pow(places - f.len() as u32)
        }
        Some(_) => return None,
    };
    whole.checked_mul(scale)?.checked_add(fraction)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(text: &str) -> Option<i64> {
        Pence::parse(text).map(|p| p.0)
    }

    #[test]
    fn accepts_the_contract_examples() {
        assert_eq!(p("38.13"), Some(3813));
        assert_eq!(p("£1,850"), Some(185_000));
        assert_eq!(p("4.5"), Some(450));
        assert_eq!(p("1,234,567.89"), Some(123_456_789));
        assert_eq!(p("  £0.01 "), Some(1));
        assert_eq!(p("0"), Some(0));
        assert_eq!(p("007"), Some(700));
    }

    #[test]
    fn rejects_the_contract_counter_examples() {
        for bad in [
            "1,85",
            "18,50",
            ".5",
            "5.",
            "-3",
            "1.234",
            "abc",
            "",
            "£",
            "£-3",
            "+3",
            "1,2345",
            "12,345,67",
            "1 000",
            "£ 5",
            "5..0",
            "1.2.3",
            "1,000.5.0",
            "٣",
        ] {
            assert_eq!(p(bad), None, "{bad:?} must be rejected");
        }
    }

    #[test]
    fn huge_text_amounts_are_rejected_not_wrapped() {
        assert_eq!(p("99999999999999999999"), None);
        assert_eq!(p("92233720368547758.07"), Some(i64::MAX));
        assert_eq!(p("92233720368547758.08"), None);
    }

    #[test]
    fn json_numbers_with_at_most_two_places() {
        let number = |n: &str| Pence::from_json(&super::super::json::parse(n).unwrap());
        assert_eq!(number("4.5"), Some(Pence(450)));
        assert_eq!(number("26.5"), Some(Pence(2650)));
        assert_eq!(number("379.58"), Some(Pence(37958)));
        assert_eq!(number("0.07"), Some(Pence(7)));
        assert_eq!(number("1234567.89"), Some(Pence(123_456_789)));
        assert_eq!(number("0.30000000000000004"), None);
        assert_eq!(number("4.567"), None);
        assert_eq!(number("4.560"), Some(Pence(456)));
        assert_eq!(number("-1"), None);
        assert_eq!(number("-0.0"), Some(Pence(0)));
        assert_eq!(number("0"), Some(Pence(0)));
        assert_eq!(number("1e300"), None);
        assert_eq!(number("1e-7"), None);
        assert_eq!(number("92233720368547758.07"), Some(Pence(i64::MAX)));
        assert_eq!(number("92233720368547758.08"), None);
        assert_eq!(Pence::from_json(&Value::Bool(true)), None);
        assert_eq!(Pence::from_json(&Value::Null), None);
    }

    #[test]
    fn formats_pounds_with_thousands_and_minus_sign() {
        assert_eq!(Pence(123_456).display(), "£1,234.56");
        assert_eq!(Pence(-1230).display(), "\u{2212}£12.30");
        assert_eq!(Pence(-1230).display_ascii(), "-£12.30");
        assert_eq!(Pence(5).display(), "£0.05");
        assert_eq!(Pence(0).display(), "£0.00");
        assert_eq!(Pence(100_000_000).display(), "£1,000,000.00");
        assert_eq!(Pence(-1230).decimal(), "-12.30");
        assert_eq!(Pence(i64::MIN).display_ascii(), "-£92,233,720,368,547,758.08");
    }

    #[test]
    fn rounding_is_half_away_from_zero() {
        assert_eq!(div_round(29_522 * 2 + 1, 2), 29_523); // 29522.5 → 29523
        assert_eq!(div_round(-(29_522 * 2 + 1), 2), -29_523);
        assert_eq!(div_round(5, 10), 1);
        assert_eq!(div_round(4, 10), 0);
        assert_eq!(div_round(-4, 10), 0);
        assert_eq!(div_round(-5, 10), -1);
        assert_eq!(div_round(0, 7), 0);
    }

    #[test]
    fn percent_is_whole_tenths_then_divided() {
        assert_eq!(percent_one_place(1, 3), 33.3);
        assert_eq!(percent_one_place(2, 3), 66.7);
        assert_eq!(percent_one_place(-4218, 177_135), -2.4);
        assert_eq!(percent_one_place(1, 2000), 0.1); // 0.05 → 0.1, half away from zero
        assert_eq!(percent_one_place(-1, 2000), -0.1);
        assert_eq!(one_place(percent_one_place(1, 3)), "33.3");
        assert_eq!(one_place(-2.4), "-2.4");
        assert_eq!(one_place(100.0), "100.0");
        assert_eq!(one_place(0.0), "0.0");
    }

    #[test]
    fn exact_working_amounts() {
        assert_eq!(display_exact_pounds(29_522 * 2 + 1, 2), "£295.225");
        assert_eq!(display_exact_pounds(2410 * 45 * 7, 60), "£126.525");
        assert_eq!(display_exact_pounds(2410, 60), "£0.4016…");
        assert_eq!(display_exact_pounds(3000, 1), "£30.00");
    }
}
