//! JSON for the core: a small value type, a strict parser and a writer.
//!
//! Input is validated field by field (with paths and "unknown field" errors), so it is read
//! into a [`Value`] first. Numbers keep their literal text when they are not plain integers,
//! so money written as a JSON number (`26.5`) is read exactly, as a decimal, with no float.
//! The JS API hands the core one JSON string (`JSON.stringify`) and takes one back
//! (`JSON.parse`): a hundred thousand cohort rows then cross between JavaScript and
//! WebAssembly as one string rather than millions of small values.
//!
//! Nesting is limited to [`MAX_DEPTH`], so hostile input is refused, never a stack overflow.

use serde::ser::{self, Impossible, Serialize};
use std::borrow::Cow;
use std::fmt;

/// An object's key. The contract's field names are borrowed, not allocated: 100,000 cohort
/// rows then cost no allocation for their keys.
pub type Key = Cow<'static, str>;

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

fn key(text: Cow<'_, str>) -> Key {
    // The length test first, inline: most candidates fail it without a string comparison.
    match KNOWN_KEYS.iter().find(|k| k.len() == text.len() && **k == text) {
        Some(known) => Cow::Borrowed(known),
        None => Cow::Owned(text.into_owned()),
    }
}

/// Deeper than any valid scenario (which nests 5 levels) by a wide margin.
pub const MAX_DEPTH: usize = 64;

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
            Value::Int(i) => i.checked_mul(10i128.checked_pow(places)?),
            Value::Number(literal) => decimal_scaled(literal, places),
            _ => None,
        }
    }

    /// The value as JSON text, numbers written as they were read.
    pub fn to_json_text(&self) -> String {
        let mut out = String::new();
        self.write(&mut out);
        out
    }

    fn write(&self, out: &mut String) {
        match self {
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
                    item.write(out);
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
                    value.write(out);
                }
                out.push('}');
            }
        }
    }
}

/// A decimal literal (JSON number grammar) × 10^`places`, when that is a whole number that
/// fits an `i128`. Exact: digits are shifted, never multiplied as floats.
pub fn decimal_scaled(literal: &str, places: u32) -> Option<i128> {
    let (negative, rest) = match literal.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, literal),
    };
    let (mantissa, exponent) = match rest.find(['e', 'E']) {
        Some(i) => (&rest[..i], rest[i + 1..].trim_start_matches('+')),
        None => (rest, "0"),
    };
    let (whole, fraction) = mantissa.split_once('.').unwrap_or((mantissa, ""));
    if whole.is_empty() || !whole.bytes().chain(fraction.bytes()).all(|b| b.is_ascii_digit()) {
        return None;
    }
    let digits: String = whole.chars().chain(fraction.chars()).skip_while(|c| *c == '0').collect();
    if digits.is_empty() {
        return Some(0);
    }
    // An exponent too long to read is far outside any amount: out of range either way.
    let exponent: i64 = exponent.parse().ok().filter(|e: &i64| e.abs() < 10_000)?;
    let shift = exponent + i64::from(places) - fraction.len() as i64;
    let magnitude = if shift >= 0 {
        if digits.len() as i64 + shift > 38 {
            return None;
        }
        let value: i128 = digits.parse().ok()?;
        value.checked_mul(10i128.checked_pow(shift as u32)?)?
    } else {
        let drop = (-shift) as usize;
        if drop >= digits.len() || !digits[digits.len() - drop..].bytes().all(|b| b == b'0') {
            return None;
        }
        let kept = &digits[..digits.len() - drop];
        if kept.len() > 38 {
            return None;
        }
        kept.parse().ok()?
    };
    Some(if negative { -magnitude } else { magnitude })
}

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
        Ok(match literal.parse::<i128>() {
            Ok(i) if plain => Value::Int(i),
            _ => Value::Number(literal.to_string()),
        })
    }

    fn digits(&mut self) {
        while matches!(self.peek(), Some(b'0'..=b'9')) {
            self.pos += 1;
        }
    }
}

fn write_string(out: &mut String, s: &str) {
    out.push('"');
    let mut start = 0;
    // Every byte that needs escaping is ASCII, so a byte scan finds them and every cut falls
    // on a character boundary; the runs between are copied whole.
    for (i, &b) in s.as_bytes().iter().enumerate() {
        let escape = match b {
            b'"' => "\\\"",
            b'\\' => "\\\\",
            b'\n' => "\\n",
            b'\r' => "\\r",
            b'\t' => "\\t",
            0..=0x1f => "",
            _ => continue,
        };
        out.push_str(&s[start..i]);
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

/// Writes an integer in decimal without allocating (`to_string` would, once per number).
fn write_integer(out: &mut String, v: i128) {
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

/// Any serde-serializable result as JSON text (structs, lists, options, strings, integers,
/// and one-decimal-place numbers such as the percentages).
pub fn to_json_text<T: Serialize + ?Sized>(value: &T) -> String {
    // Room for one person's whole result without growing.
    let mut out = String::with_capacity(1024);
    // Only the types below are ever written, none of which fail.
    let _ = value.serialize(Writer { out: &mut out });
    out
}

#[derive(Debug)]
pub struct WriteError;

impl fmt::Display for WriteError {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("cannot be written as JSON")
    }
}

impl std::error::Error for WriteError {}

impl ser::Error for WriteError {
    fn custom<T: fmt::Display>(_: T) -> Self {
        WriteError
    }
}

struct Writer<'o> {
    out: &'o mut String,
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

impl<'o> ser::Serializer for Writer<'o> {
    type Ok = ();
    type Error = WriteError;
    type SerializeSeq = Compound<'o>;
    type SerializeTuple = Compound<'o>;
    type SerializeTupleStruct = Impossible<(), WriteError>;
    type SerializeTupleVariant = Impossible<(), WriteError>;
    type SerializeMap = Compound<'o>;
    type SerializeStruct = Compound<'o>;
    type SerializeStructVariant = Impossible<(), WriteError>;

    fn serialize_bool(self, v: bool) -> Result<(), WriteError> {
        self.out.push_str(if v { "true" } else { "false" });
        Ok(())
    }
    fn serialize_i8(self, v: i8) -> Result<(), WriteError> {
        self.serialize_i64(v.into())
    }
    fn serialize_i16(self, v: i16) -> Result<(), WriteError> {
        self.serialize_i64(v.into())
    }
    fn serialize_i32(self, v: i32) -> Result<(), WriteError> {
        self.serialize_i64(v.into())
    }
    fn serialize_i64(self, v: i64) -> Result<(), WriteError> {
        write_integer(self.out, v.into());
        Ok(())
    }
    fn serialize_u8(self, v: u8) -> Result<(), WriteError> {
        self.serialize_u64(v.into())
    }
    fn serialize_u16(self, v: u16) -> Result<(), WriteError> {
        self.serialize_u64(v.into())
    }
    fn serialize_u32(self, v: u32) -> Result<(), WriteError> {
        self.serialize_u64(v.into())
    }
    fn serialize_u64(self, v: u64) -> Result<(), WriteError> {
        write_integer(self.out, v.into());
        Ok(())
    }
    fn serialize_f32(self, v: f32) -> Result<(), WriteError> {
        self.serialize_f64(v.into())
    }
    fn serialize_f64(self, v: f64) -> Result<(), WriteError> {
        write_number(self.out, v);
        Ok(())
    }
    fn serialize_char(self, v: char) -> Result<(), WriteError> {
        write_string(self.out, v.encode_utf8(&mut [0; 4]));
        Ok(())
    }
    fn serialize_str(self, v: &str) -> Result<(), WriteError> {
        write_string(self.out, v);
        Ok(())
    }
    fn serialize_bytes(self, _: &[u8]) -> Result<(), WriteError> {
        Err(WriteError)
    }
    fn serialize_none(self) -> Result<(), WriteError> {
        self.out.push_str("null");
        Ok(())
    }
    fn serialize_some<T: Serialize + ?Sized>(self, value: &T) -> Result<(), WriteError> {
        value.serialize(self)
    }
    fn serialize_unit(self) -> Result<(), WriteError> {
        self.serialize_none()
    }
    fn serialize_unit_struct(self, _: &'static str) -> Result<(), WriteError> {
        self.serialize_none()
    }
    fn serialize_unit_variant(self, _: &'static str, _: u32, variant: &'static str) -> Result<(), WriteError> {
        self.serialize_str(variant)
    }
    fn serialize_newtype_struct<T: Serialize + ?Sized>(self, _: &'static str, value: &T) -> Result<(), WriteError> {
        value.serialize(self)
    }
    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: &T,
    ) -> Result<(), WriteError> {
        Err(WriteError)
    }
    fn serialize_seq(self, _: Option<usize>) -> Result<Compound<'o>, WriteError> {
        self.out.push('[');
        Ok(Compound { out: self.out, first: true, close: ']' })
    }
    fn serialize_tuple(self, len: usize) -> Result<Compound<'o>, WriteError> {
        self.serialize_seq(Some(len))
    }
    fn serialize_tuple_struct(self, _: &'static str, _: usize) -> Result<Self::SerializeTupleStruct, WriteError> {
        Err(WriteError)
    }
    fn serialize_tuple_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeTupleVariant, WriteError> {
        Err(WriteError)
    }
    fn serialize_map(self, _: Option<usize>) -> Result<Compound<'o>, WriteError> {
        self.out.push('{');
        Ok(Compound { out: self.out, first: true, close: '}' })
    }
    fn serialize_struct(self, _: &'static str, _: usize) -> Result<Compound<'o>, WriteError> {
        self.serialize_map(None)
    }
    fn serialize_struct_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeStructVariant, WriteError> {
        Err(WriteError)
    }
}

struct Compound<'o> {
    out: &'o mut String,
    first: bool,
    close: char,
}

impl Compound<'_> {
    fn comma(&mut self) {
        if !self.first {
            self.out.push(',');
        }
        self.first = false;
    }
}

impl ser::SerializeSeq for Compound<'_> {
    type Ok = ();
    type Error = WriteError;
    fn serialize_element<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), WriteError> {
        self.comma();
        value.serialize(Writer { out: self.out })
    }
    fn end(self) -> Result<(), WriteError> {
        self.out.push(self.close);
        Ok(())
    }
}

impl ser::SerializeTuple for Compound<'_> {
    type Ok = ();
    type Error = WriteError;
    fn serialize_element<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), WriteError> {
        ser::SerializeSeq::serialize_element(self, value)
    }
    fn end(self) -> Result<(), WriteError> {
        ser::SerializeSeq::end(self)
    }
}

impl ser::SerializeMap for Compound<'_> {
    type Ok = ();
    type Error = WriteError;
    fn serialize_key<T: Serialize + ?Sized>(&mut self, key: &T) -> Result<(), WriteError> {
        self.comma();
        key.serialize(Writer { out: self.out })?;
        self.out.push(':');
        Ok(())
    }
    fn serialize_value<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), WriteError> {
        value.serialize(Writer { out: self.out })
    }
    fn end(self) -> Result<(), WriteError> {
        self.out.push(self.close);
        Ok(())
    }
}

impl ser::SerializeStruct for Compound<'_> {
    type Ok = ();
    type Error = WriteError;
    fn serialize_field<T: Serialize + ?Sized>(&mut self, key: &'static str, value: &T) -> Result<(), WriteError> {
        self.comma();
        write_string(self.out, key);
        self.out.push(':');
        value.serialize(Writer { out: self.out })
    }
    fn end(self) -> Result<(), WriteError> {
        self.out.push(self.close);
        Ok(())
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
        assert_eq!(to_json_text(&[i64::MIN, 0, i64::MAX]), format!("[{},0,{}]", i64::MIN, i64::MAX));
    }

    #[test]
    fn writes_control_characters_as_escapes() {
        assert_eq!(to_json_text("a\u{1}\u{1f}£\t\"\\"), "\"a\\u0001\\u001f£\\t\\\"\\\\\"");
    }

    #[test]
    fn writes_percentages_from_tenths() {
        assert_eq!(to_json_text(&[100.0, -2.4, 37.5, 0.0]), "[100.0,-2.4,37.5,0.0]");
        assert_eq!(to_json_text(&Some(f64::NAN)), "null");
    }
}
