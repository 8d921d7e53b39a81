//! The strict JSON parser (RFC 8259; nesting at most [`MAX_DEPTH`], so hostile input is
//! refused, never a stack overflow), and [`Parser`]'s piece-at-a-time reading for callers
//! that know the shape they expect (the fast cohort reader) and want no value tree.

use super::value::{Key, Value};
use std::borrow::Cow;

/// Every field name of the scenario and cohort formats.
const KNOWN_KEYS: [&str; 30] = [
    "format",
    "version",
    "reference",
    "settings",
    "baseline_weekly",
    "hourly_rate",
    "weeks_per_year",
    "goals",
    "id",
    "description",
    "outcome",
    "status",
    "before",
    "after",
    "visits",
    "label",
    "minutes",
    "carers",
    "days_per_week",
    "other_costs",
    "weekly",
    "reablement_cost",
    "rows",
    "before_weekly",
    "after_weekly",
    "people_per_week",
    "package_weeks",
    "ok",
    "result",
    "errors",
];

/// The key as a known field name (borrowed) when it is one, else owned.
fn key(text: Cow<'_, str>) -> Key {
    // The length test first, inline: most candidates fail it without a string comparison.
    match KNOWN_KEYS.iter().find(|k| k.len() == text.len() && **k == text) {
        Some(known) => Cow::Borrowed(known),
        None => Cow::Owned(text.into_owned()),
    }
}

/// Deeper than any valid scenario (which nests 5 levels) by a wide margin.
pub const MAX_DEPTH: usize = 64;

/// Where JSON text stopped making sense (a byte offset).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ParseError {
    pub offset: usize,
}

/// Parses JSON text (RFC 8259, strictly; nesting at most [`MAX_DEPTH`]).
pub fn parse(text: &str) -> Result<Value, ParseError> {
    let mut parser = Parser::new(text);
    parser.skip_whitespace();
    let value = parser.value(0)?;
    parser.skip_whitespace();
    if parser.pos != parser.bytes.len() {
        return Err(parser.error());
    }
    Ok(value)
}

/// A JSON scalar as written, borrowed from the text: what a flat record's fields can be.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Scalar<'t> {
    Null,
    /// A string that had no escapes.
    Text(&'t str),
    /// A number's literal (`26.5`, `7`, `-0`).
    Number(&'t str),
}

/// Reading JSON a piece at a time, for callers that know the shape they expect (the cohort's
/// rows) and want no value tree. Each method skips the whitespace before its piece and
/// returns `None` when the next piece is not the one asked for.
pub struct Parser<'t> {
    text: &'t str,
    bytes: &'t [u8],
    pos: usize,
}

impl<'t> Parser<'t> {
    pub fn new(text: &'t str) -> Self {
        Parser { text, bytes: text.as_bytes(), pos: 0 }
    }

    /// True, and past it, when the next byte is `byte`.
    pub fn eat(&mut self, byte: u8) -> bool {
        self.skip_whitespace();
        let found = self.peek() == Some(byte);
        if found {
            self.pos += 1;
        }
        found
    }

    /// True when only whitespace is left.
    pub fn at_end(&mut self) -> bool {
        self.skip_whitespace();
        self.pos == self.bytes.len()
    }

    /// An object's key and its colon.
    pub fn key(&mut self) -> Option<Key> {
        self.field_name().map(|name| key(name))
    }

    /// An object's key, as written (unescaped, not interned), and its colon.
    pub fn field_name(&mut self) -> Option<Cow<'t, str>> {
        self.skip_whitespace();
        if self.peek() != Some(b'"') {
            return None;
        }
        let name = self.string().ok()?;
        self.eat(b':').then_some(name)
    }

    /// A scalar: null, a string without escapes, or a number.
    pub fn scalar(&mut self) -> Option<Scalar<'t>> {
        self.skip_whitespace();
        match self.peek()? {
            b'"' => match self.string().ok()? {
                Cow::Borrowed(text) => Some(Scalar::Text(text)),
                Cow::Owned(_) => None,
            },
            b'n' => self.literal("null", Value::Null).ok().map(|_| Scalar::Null),
            b'-' | b'0'..=b'9' => {
                let start = self.pos;
                self.scan_number().ok()?;
                Some(Scalar::Number(&self.text[start..self.pos]))
            }
            _ => None,
        }
    }

    /// Any value, as [`parse`] reads it, nested at most [`MAX_DEPTH`] below here.
    pub fn any(&mut self) -> Option<Value> {
        self.skip_whitespace();
        self.value(1).ok()
    }

    fn error(&self) -> ParseError {
        ParseError { offset: self.pos }
    }

    #[inline(always)]
    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.pos).copied()
    }

    fn skip_whitespace(&mut self) {
        while matches!(self.peek(), Some(b' ' | b'\t' | b'\n' | b'\r')) {
            self.pos += 1;
        }
    }

    fn expect(&mut self, byte: u8) -> Result<(), ParseError> {
        if self.peek() == Some(byte) {
            self.pos += 1;
            Ok(())
        } else {
            Err(self.error())
        }
    }

    fn value(&mut self, depth: usize) -> Result<Value, ParseError> {
        if depth > MAX_DEPTH {
            return Err(self.error());
        }
        match self.peek() {
            Some(b'{') => self.object(depth),
            Some(b'[') => self.array(depth),
            Some(b'"') => self.string().map(|s| Value::String(s.into_owned())),
            Some(b't') => self.literal("true", Value::Bool(true)),
            Some(b'f') => self.literal("false", Value::Bool(false)),
            Some(b'n') => self.literal("null", Value::Null),
            Some(b'-' | b'0'..=b'9') => self.number(),
            _ => Err(self.error()),
        }
    }

    fn literal(&mut self, word: &str, value: Value) -> Result<Value, ParseError> {
        if self.bytes[self.pos..].starts_with(word.as_bytes()) {
            self.pos += word.len();
            Ok(value)
        } else {
            Err(self.error())
        }
    }

    fn object(&mut self, depth: usize) -> Result<Value, ParseError> {
        self.pos += 1;
        let mut fields = Vec::new();
        self.skip_whitespace();
        if self.peek() == Some(b'}') {
            self.pos += 1;
            return Ok(Value::Object(fields));
        }
        loop {
            self.skip_whitespace();
            if self.peek() != Some(b'"') {
                return Err(self.error());
            }
            let key = key(self.string()?);
            self.skip_whitespace();
            self.expect(b':')?;
            self.skip_whitespace();
            let value = self.value(depth + 1)?;
            fields.push((key, value));
            self.skip_whitespace();
            match self.peek() {
                Some(b',') => self.pos += 1,
                Some(b'}') => {
                    self.pos += 1;
                    return Ok(Value::Object(fields));
                }
                _ => return Err(self.error()),
            }
        }
    }

    fn array(&mut self, depth: usize) -> Result<Value, ParseError> {
        self.pos += 1;
        let mut items = Vec::new();
        self.skip_whitespace();
        if self.peek() == Some(b']') {
            self.pos += 1;
            return Ok(Value::Array(items));
        }
        loop {
            self.skip_whitespace();
            items.push(self.value(depth + 1)?);
            self.skip_whitespace();
            match self.peek() {
                Some(b',') => self.pos += 1,
                Some(b']') => {
                    self.pos += 1;
                    return Ok(Value::Array(items));
                }
                _ => return Err(self.error()),
            }
        }
    }

    /// A string, borrowed from the text when it has no escapes (the usual case).
    fn string(&mut self) -> Result<Cow<'t, str>, ParseError> {
        self.pos += 1;
        let start = self.pos;
        self.pos += self.plain_run();
        if self.peek() == Some(b'"') {
            self.pos += 1;
            return Ok(Cow::Borrowed(&self.text[start..self.pos - 1]));
        }
        self.pos = start;
        self.escaped_string().map(Cow::Owned)
    }

    fn escaped_string(&mut self) -> Result<String, ParseError> {
        let mut out = String::new();
        loop {
            let start = self.pos;
            self.pos += self.plain_run();
            // The run stops only at ASCII bytes, so these are character boundaries.
            out.push_str(&self.text[start..self.pos]);
            match self.peek() {
                Some(b'"') => {
                    self.pos += 1;
                    return Ok(out);
                }
                Some(b'\\') => {
                    self.pos += 1;
                    let escaped = match self.peek() {
                        Some(b'"') => '"',
                        Some(b'\\') => '\\',
                        Some(b'/') => '/',
                        Some(b'b') => '\u{8}',
                        Some(b'f') => '\u{c}',
                        Some(b'n') => '\n',
                        Some(b'r') => '\r',
                        Some(b't') => '\t',
                        Some(b'u') => {
                            self.pos += 1;
                            let unit = self.hex4()?;
                            let c = if (0xD800..0xDC00).contains(&unit) && self.bytes[self.pos..].starts_with(b"\\u") {
                                let save = self.pos;
                                self.pos += 2;
                                let low = self.hex4()?;
                                if (0xDC00..0xE000).contains(&low) {
                                    char::from_u32(0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00))
                                } else {
                                    self.pos = save;
                                    None
                                }
                            } else {
                                char::from_u32(unit)
                            };
                            // A lone surrogate cannot be a Rust character: it becomes U+FFFD.
                            out.push(c.unwrap_or('\u{FFFD}'));
                            continue;
                        }
                        _ => return Err(self.error()),
                    };
                    out.push(escaped);
                    self.pos += 1;
                }
                _ => return Err(self.error()),
            }
        }
    }

    /// How many bytes from here need no attention inside a string (no quote, backslash or
    /// control character).
    #[inline(always)]
    fn plain_run(&self) -> usize {
        // A plain loop: `position` with a closure is not inlined at opt-level "z", and this is
        // the parser's innermost loop.
        let mut end = self.pos;
        while end < self.bytes.len() {
            let b = self.bytes[end];
            if b == b'"' || b == b'\\' || b < 0x20 {
                break;
            }
            end += 1;
        }
        end - self.pos
    }

    fn hex4(&mut self) -> Result<u32, ParseError> {
        let digits = self.bytes.get(self.pos..self.pos + 4).ok_or(self.error())?;
        let mut unit = 0;
        for &b in digits {
            unit = unit * 16 + (b as char).to_digit(16).ok_or(self.error())?;
        }
        self.pos += 4;
        Ok(unit)
    }

    /// Moves past a number; true when it is a plain integer (no fraction or exponent).
    fn scan_number(&mut self) -> Result<bool, ParseError> {
        if self.peek() == Some(b'-') {
            self.pos += 1;
        }
        match self.peek() {
            Some(b'0') => self.pos += 1,
            Some(b'1'..=b'9') => self.digits(),
            _ => return Err(self.error()),
        }
        let mut plain = true;
        if self.peek() == Some(b'.') {
            self.pos += 1;
            plain = false;
            if !matches!(self.peek(), Some(b'0'..=b'9')) {
                return Err(self.error());
            }
            self.digits();
        }
        if matches!(self.peek(), Some(b'e' | b'E')) {
            self.pos += 1;
            plain = false;
            if matches!(self.peek(), Some(b'+' | b'-')) {
                self.pos += 1;
            }
            if !matches!(self.peek(), Some(b'0'..=b'9')) {
                return Err(self.error());
            }
            self.digits();
        }
        Ok(plain)
    }

    fn number(&mut self) -> Result<Value, ParseError> {
        let start = self.pos;
        let plain = self.scan_number()?;
        let literal = &self.text[start..self.pos];
        // A plain integer is `-?digits`; one too large for an `i128` keeps its literal.
        let integer = match literal.as_bytes() {
            _ if !plain => None,
            [b'-', digits @ ..] => super::value::integer(digits, true),
            digits => super::value::integer(digits, false),
        };
        Ok(match integer {
            Some(i) => Value::Int(i),
            None => Value::Number(literal.to_string()),
        })
    }

    fn digits(&mut self) {
        while matches!(self.peek(), Some(b'0'..=b'9')) {
            self.pos += 1;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    #[test]
    fn parses_numbers_keeping_decimals_exact() {
        assert_eq!(parse("7").unwrap(), Value::Int(7));
        assert_eq!(parse("-0").unwrap(), Value::Int(0));
        assert_eq!(parse("26.5").unwrap(), Value::Number("26.5".into()));
        assert_eq!(parse("7.0").unwrap().scaled(0), Some(7));
        assert_eq!(parse("7.5").unwrap().scaled(0), None);
        assert_eq!(parse("26.5").unwrap().scaled(2), Some(2650));
        assert_eq!(parse("4.567").unwrap().scaled(2), None);
        assert_eq!(parse("1e2").unwrap().scaled(2), Some(10_000));
        assert_eq!(parse("1.5E-1").unwrap().scaled(2), Some(15));
        assert_eq!(parse("1e+21").unwrap().scaled(2), Some(100_000_000_000_000_000_000_000));
        assert_eq!(parse("1e999999").unwrap().scaled(2), None);
        assert_eq!(parse("0.30000000000000004").unwrap().scaled(2), None);
        assert_eq!(parse("-0.50").unwrap().scaled(2), Some(-50));
        assert_eq!(parse("123456789012345678901234567890123456789012").unwrap().scaled(0), None);
        // The ends of an `i128` are integers; one past them keeps its literal.
        assert_eq!(parse(&i128::MAX.to_string()).unwrap(), Value::Int(i128::MAX));
        assert_eq!(parse(&i128::MIN.to_string()).unwrap(), Value::Int(i128::MIN));
        let past = "170141183460469231731687303715884105728";
        assert_eq!(parse(past).unwrap(), Value::Number(past.into()));
        assert_eq!(parse(&i128::MAX.to_string()).unwrap().scaled(1), None);
        assert_eq!(parse("17014118346046923173168730371588410572").unwrap().scaled(1), Some(i128::MAX / 10 * 10));
        assert_eq!(parse("0").unwrap().scaled(39), None);
        // A number of more than 38 digits is out of range, even one an `i128` could hold.
        assert_eq!(parse("1e37").unwrap().scaled(0), Some(10i128.pow(37)));
        assert_eq!(parse("1e38").unwrap().scaled(0), None);
    }

    #[test]
    fn rejects_what_is_not_json() {
        for bad in [
            "",
            "{",
            "[1,]",
            "{\"a\":1,}",
            "01",
            "1.",
            ".5",
            "+1",
            "NaN",
            "'x'",
            "\"\u{1}\"",
            "\"\\x\"",
            "[1] 2",
            "tru",
            "{a:1}",
            "\"\\u12\"",
        ] {
            assert!(parse(bad).is_err(), "{bad:?}");
        }
    }

    #[test]
    fn strings_and_escapes() {
        assert_eq!(parse(r#""a\"b\\c\/\n\u00e9\ud83d\ude00""#).unwrap(), Value::String("a\"b\\c/\né😀".into()));
        assert_eq!(parse(r#""\ud800x""#).unwrap(), Value::String("\u{FFFD}x".into()));
        let text = "{\"k\":\"line\\nbreak \\\"quoted\\\" \\u0001\",\"n\":[1,2.50,null,true]}";
        assert_eq!(parse(text).unwrap().to_json_text(), text);
    }

    #[test]
    fn nesting_is_limited() {
        assert!(parse(&("[".repeat(MAX_DEPTH + 1) + &"]".repeat(MAX_DEPTH + 1))).is_ok());
        assert!(parse(&("[".repeat(MAX_DEPTH + 2) + &"]".repeat(MAX_DEPTH + 2))).is_err());
        assert!(parse(&"[".repeat(100_000)).is_err());
    }

    #[test]
    fn duplicate_keys_last_one_wins() {
        assert_eq!(parse(r#"{"a":1,"a":2}"#).unwrap().get("a"), Some(&Value::Int(2)));
    }
}
