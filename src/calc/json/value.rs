//! The value a JSON text is read into: what the scenario and cohort checks walk, field by
//! field, with paths. Numbers that are not plain integers keep their literal text, so money
//! written as a JSON number (`26.5`) is read exactly, as a decimal, with no float.

use super::writer::write_value;
use std::borrow::Cow;

/// An object's key. The contract's field names are borrowed, not allocated: 100,000 cohort
/// rows then cost no allocation for their keys (see `parser::key`).
pub type Key = Cow<'static, str>;

#[derive(Clone, Debug, PartialEq)]
pub enum Value {
    Null,
    Bool(bool),
    /// A number written without a fraction or exponent that fits an `i128`.
    Int(i128),
    /// Any other number, as its literal text (`26.5`, `1e+21`, `-0.5`).
    Number(String),
    String(String),
    Array(Vec<Value>),
    /// Fields in the order given. Duplicate keys: the last one wins, as in JavaScript.
    Object(Vec<(Key, Value)>),
}

impl Value {
    /// The field `key` of an object (`None` when missing or when `self` is not an object).
    pub fn get(&self, key: &str) -> Option<&Value> {
        match self {
            Value::Object(fields) => fields.iter().rev().find(|(k, _)| k == key).map(|(_, v)| v),
            _ => None,
        }
    }

    pub fn as_str(&self) -> Option<&str> {
        match self {
            Value::String(s) => Some(s),
            _ => None,
        }
    }

    pub fn is_null(&self) -> bool {
        matches!(self, Value::Null)
    }

    /// Builds an object from `(key, value)` pairs.
    pub fn object<const N: usize>(fields: [(&'static str, Value); N]) -> Value {
        Value::Object(fields.into_iter().map(|(k, v)| (Cow::Borrowed(k), v)).collect())
    }

    pub fn string(s: impl Into<String>) -> Value {
        Value::String(s.into())
    }

    /// The number × 10^`places`, when that is a whole number: `26.5` with 2 places is 2650;
    /// `4.567` with 2 places is `None`. `None` for anything that is not a number.
    pub fn scaled(&self, places: u32) -> Option<i128> {
        match self {
            Value::Int(i) => times_ten(*i, places),
            Value::Number(literal) => decimal_scaled(literal, places),
            _ => None,
        }
    }

    /// The value as JSON text, numbers written as they were read.
    pub fn to_json_text(&self) -> String {
        let mut out = String::new();
        write_value(&mut out, self);
        out
    }
}

/// A decimal literal (JSON number grammar) × 10^`places`, when that is a whole number that
/// fits an `i128`. Exact: digits are shifted, never multiplied as floats.
pub fn decimal_scaled(literal: &str, places: u32) -> Option<i128> {
    let (negative, rest) = match literal.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, literal),
    };
    let (mantissa, exponent) = match rest.split_once(['e', 'E']) {
        Some((mantissa, exponent)) => (mantissa, exponent.trim_start_matches('+')),
        None => (rest, "0"),
    };
    let (whole, fraction) = mantissa.split_once('.').unwrap_or((mantissa, ""));
    if whole.is_empty() || !whole.bytes().chain(fraction.bytes()).all(|b| b.is_ascii_digit()) {
        return None;
    }
    // The significant digits: the whole part's and the fraction's, leading zeros left out.
    let digits = || whole.bytes().chain(fraction.bytes()).skip_while(|b| *b == b'0');
    let count = digits().count();
    if count == 0 {
        return Some(0);
    }
    // An exponent too long to read is far outside any amount: out of range either way.
    let exponent: i64 = exponent.parse().ok().filter(|e: &i64| e.abs() < 10_000)?;
    let shift = exponent + i64::from(places) - fraction.len() as i64;
    // The digits kept (all of them, or all but the zeros a negative shift drops): at most 38,
    // which always fit an `i128`.
    let kept = if shift >= 0 {
        if count as i64 + shift > 38 {
            return None;
        }
        count
    } else {
        let drop = (-shift) as usize;
        if drop >= count || !digits().skip(count - drop).all(|b| b == b'0') || count - drop > 38 {
            return None;
        }
        count - drop
    };
    let magnitude = digits().take(kept).fold(0i128, |n, b| n * 10 + i128::from(b - b'0'));
    let magnitude = times_ten(magnitude, shift.max(0) as u32)?;
    Some(if negative { -magnitude } else { magnitude })
}

/// `n` × 10^`times`, when that fits an `i128`. Each step is compared with the bound before it
/// is multiplied: 128-bit multiplication with an overflow check is a routine of its own in
/// WebAssembly, and so is `str::parse` for an `i128`.
fn times_ten(n: i128, times: u32) -> Option<i128> {
    // 10^39 is more than an `i128` holds, whatever it multiplies (as `checked_pow` says).
    if times > 38 {
        return None;
    }
    (0..times).try_fold(n, |n, _| (i128::MIN / 10..=i128::MAX / 10).contains(&n).then(|| n * 10))
}

/// A plain integer's digits (its sign apart) as an `i128`, or `None` when it does not fit,
/// as `str::parse` reads them.
pub(super) fn integer(digits: &[u8], negative: bool) -> Option<i128> {
    digits.iter().try_fold(0i128, |n, &b| {
        let digit = i128::from(b - b'0');
        let n = times_ten(n, 1)?;
        if negative {
            n.checked_sub(digit)
        } else {
            n.checked_add(digit)
        }
    })
}
