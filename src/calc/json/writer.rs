//! The writer: the core's answers ([`ToJson`]: objects, lists, options, strings, integers
//! and one-decimal-place numbers) and [`Value`]s as JSON text. Hand-written for size and
//! speed (see `docs/decisions.md`): runs between escapes are copied whole, and integers are
//! written without `to_string`.

use super::value::Value;

/// Writes a value read by the parser, numbers as they were read.
pub(super) fn write_value(out: &mut String, value: &Value) {
    match value {
        Value::Null => out.push_str("null"),
        Value::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
        Value::Int(i) => write_integer(out, *i),
        Value::Number(literal) => out.push_str(literal),
        Value::String(s) => write_string(out, s),
        Value::Array(items) => {
            out.push('[');
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                write_value(out, item);
            }
            out.push(']');
        }
        Value::Object(fields) => {
            out.push('{');
            for (i, (key, value)) in fields.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                write_string(out, key);
                out.push(':');
                write_value(out, value);
            }
            out.push('}');
        }
    }
}

/// Writes `s` as a JSON string.
pub(super) fn write_string(out: &mut String, s: &str) {
    out.push('"');
    let bytes = s.as_bytes();
    let mut start = 0;
    // Every byte that needs escaping is ASCII, so every cut falls on a character boundary;
    // the runs between are copied whole.
    while let Some(i) = next_escape(bytes, start) {
        out.push_str(&s[start..i]);
        let b = bytes[i];
        let escape = match b {
            b'"' => "\\\"",
            b'\\' => "\\\\",
            b'\n' => "\\n",
            b'\r' => "\\r",
            b'\t' => "\\t",
            _ => "",
        };
        if escape.is_empty() {
            const HEX: &[u8; 16] = b"0123456789abcdef";
            out.push_str("\\u00");
            out.push(char::from(HEX[usize::from(b >> 4)]));
            out.push(char::from(HEX[usize::from(b & 0xf)]));
        } else {
            out.push_str(escape);
        }
        start = i + 1;
    }
    out.push_str(&s[start..]);
    out.push('"');
}

/// Whether a byte must be escaped in a JSON string: `"`, `\` and the control characters.
fn must_escape(b: u8) -> bool {
    b < 0x20 || b == b'"' || b == b'\\'
}

/// The index of the first byte from `from` that must be escaped. Eight bytes at a time
/// (a 67 MB answer of 700,000 errors is almost all text with nothing to escape): a word has
/// such a byte exactly when one of its bytes is below 0x20, or is `"` or `\` (each found as
/// a zero byte after an xor), by the classic test for a byte below n, exact for n ≤ 0x80.
fn next_escape(bytes: &[u8], from: usize) -> Option<usize> {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let below = |w: u64, n: u64| w.wrapping_sub(ONES * n) & !w & HIGH;
    let mut i = from;
    while let Some(chunk) = bytes.get(i..i + 8) {
        let mut word = [0u8; 8];
        word.copy_from_slice(chunk);
        let w = u64::from_le_bytes(word);
        if below(w, 0x20) | below(w ^ (ONES * u64::from(b'"')), 1) | below(w ^ (ONES * u64::from(b'\\')), 1) != 0 {
            break;
        }
        i += 8;
    }
    bytes[i..].iter().position(|&b| must_escape(b)).map(|at| i + at)
}

/// Writes an integer in decimal without allocating (`to_string` would, once per number).
pub(super) fn write_integer(out: &mut String, v: i128) {
    let mut digits = [0u8; 40];
    let mut at = digits.len();
    let mut wide = v.unsigned_abs();
    // 128-bit division is slow in WebAssembly: use it only for the digits a u64 cannot hold.
    while wide > u128::from(u64::MAX) {
        at -= 1;
        digits[at] = b'0' + (wide % 10) as u8;
        wide /= 10;
    }
    let mut rest = wide as u64;
    loop {
        at -= 1;
        digits[at] = b'0' + (rest % 10) as u8;
        rest /= 10;
        if rest == 0 {
            break;
        }
    }
    if v < 0 {
        out.push('-');
    }
    // Only ASCII digits were written.
    out.push_str(std::str::from_utf8(&digits[at..]).unwrap_or_default());
}

/// A value the writer can write: the core's answers (see `answers.rs`), made of objects,
/// lists, options, strings, integers and one-decimal-place numbers. Written straight into the
/// text: nothing can fail, so there is no error to carry through every field.
pub trait ToJson {
    fn write_json(&self, out: &mut String);
}

/// The API's answer as JSON text.
pub fn to_json_text<T: ToJson + ?Sized>(value: &T) -> String {
    // Room for one person's whole result without growing.
    let mut out = String::with_capacity(1024);
    value.write_json(&mut out);
    out
}

/// `impl ToJson` for a struct, its fields in order under their own names:
/// `json_object!(Type { a, b })` writes `{"a":…,"b":…}`.
macro_rules! json_object {
    ($ty:ty { $first:ident $(, $field:ident)* $(,)? }) => {
        impl $crate::calc::json::ToJson for $ty {
            fn write_json(&self, out: &mut String) {
                out.push_str(concat!("{\"", stringify!($first), "\":"));
                self.$first.write_json(out);
                $(
                    out.push_str(concat!(",\"", stringify!($field), "\":"));
                    self.$field.write_json(out);
                )*
                out.push('}');
            }
        }
    };
}
pub(crate) use json_object;

impl ToJson for bool {
    fn write_json(&self, out: &mut String) {
        out.push_str(if *self { "true" } else { "false" });
    }
}

impl ToJson for i64 {
    fn write_json(&self, out: &mut String) {
        write_integer(out, i128::from(*self));
    }
}

impl ToJson for u32 {
    fn write_json(&self, out: &mut String) {
        write_integer(out, i128::from(*self));
    }
}

impl ToJson for usize {
    fn write_json(&self, out: &mut String) {
        write_integer(out, *self as i128);
    }
}

/// A one-decimal-place number (a percentage), or anything finer to 6 places.
impl ToJson for f64 {
    fn write_json(&self, out: &mut String) {
        write_number(out, *self);
    }
}

impl ToJson for str {
    fn write_json(&self, out: &mut String) {
        write_string(out, self);
    }
}

impl ToJson for String {
    fn write_json(&self, out: &mut String) {
        write_string(out, self);
    }
}

/// `null` when `None`.
impl<T: ToJson> ToJson for Option<T> {
    fn write_json(&self, out: &mut String) {
        match self {
            Some(value) => value.write_json(out),
            None => out.push_str("null"),
        }
    }
}

impl<T: ToJson> ToJson for [T] {
    fn write_json(&self, out: &mut String) {
        out.push('[');
        for (i, item) in self.iter().enumerate() {
            if i > 0 {
                out.push(',');
            }
            item.write_json(out);
        }
        out.push(']');
    }
}

impl<T: ToJson> ToJson for Vec<T> {
    fn write_json(&self, out: &mut String) {
        self.as_slice().write_json(out);
    }
}

/// Writes a one-decimal-place number from whole tenths (a percentage); anything finer to 6
/// places; non-finite numbers as `null`. No float formatting code is needed for either.
fn write_number(out: &mut String, v: f64) {
    if !v.is_finite() {
        out.push_str("null");
        return;
    }
    for places in [1u32, 6] {
        let scale = 10f64.powi(places as i32);
        let units = (v * scale).round();
        if units / scale == v || places == 6 {
            let units = units as i64;
            let sign = if units < 0 { "-" } else { "" };
            let abs = units.unsigned_abs();
            let scale = 10u64.pow(places);
            let fraction = format!("{:0width$}", abs % scale, width = places as usize);
            out.push_str(&format!("{sign}{}.{fraction}", abs / scale));
            return;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    #[test]
    fn writes_integers_of_every_size() {
        for n in [
            0,
            7,
            -1,
            10,
            29523,
            -29523,
            i128::from(i64::MIN),
            i128::from(u64::MAX),
            i128::from(u64::MAX) + 1,
            i128::MAX,
            i128::MIN,
        ] {
            let mut out = String::new();
            write_integer(&mut out, n);
            assert_eq!(out, n.to_string());
        }
        assert_eq!(to_json_text(&vec![i64::MIN, 0, i64::MAX]), format!("[{},0,{}]", i64::MIN, i64::MAX));
    }

    #[test]
    fn escapes_exactly_the_bytes_json_needs_wherever_they_fall() {
        // Every byte value, at every offset within and across the eight-byte words.
        let plain = |s: &str| {
            let mut out = String::from('"');
            for c in s.chars() {
                match c {
                    '"' => out.push_str("\\\""),
                    '\\' => out.push_str("\\\\"),
                    '\n' => out.push_str("\\n"),
                    '\r' => out.push_str("\\r"),
                    '\t' => out.push_str("\\t"),
                    c if (c as u32) < 0x20 => out.push_str(&format!("\\u{:04x}", c as u32)),
                    c => out.push(c),
                }
            }
            out.push('"');
            out
        };
        for c in (0u8..0x80).map(char::from).chain(['£', 'é', '\u{7f}', '\u{2028}', '😀']) {
            for at in 0..20 {
                let s: String =
                    "abcdefghijklmnopqrstu".chars().take(at).chain([c]).chain("xyz0123456789".chars()).collect();
                assert_eq!(to_json_text(s.as_str()), plain(&s), "{c:?} at {at}");
            }
        }
    }

    #[test]
    fn writes_control_characters_as_escapes() {
        assert_eq!(to_json_text("a\u{1}\u{1f}£\t\"\\"), "\"a\\u0001\\u001f£\\t\\\"\\\\\"");
    }

    #[test]
    fn writes_percentages_from_tenths() {
        assert_eq!(to_json_text(&vec![100.0, -2.4, 37.5, 0.0]), "[100.0,-2.4,37.5,0.0]");
        assert_eq!(to_json_text(&Some(f64::NAN)), "null");
    }

    #[test]
    fn writes_objects_lists_and_options() {
        struct Answer {
            ok: bool,
            counts: Vec<usize>,
            percent: Option<f64>,
            name: String,
        }
        json_object!(Answer { ok, counts, percent, name });
        let answer = Answer { ok: true, counts: vec![1, 2], percent: None, name: "a\"b".into() };
        assert_eq!(to_json_text(&answer), r#"{"ok":true,"counts":[1,2],"percent":null,"name":"a\"b"}"#);
        assert_eq!(to_json_text(&Vec::<u32>::new()), "[]");
    }
}
