//! The writer: the core's answers (any `Serialize` type made of structs, lists, options,
//! strings, integers and one-decimal-place numbers) and [`Value`]s as JSON text. Hand-written
//! for size and speed (see `docs/decisions.md`): runs between escapes are copied whole, and
//! integers are written without `to_string`.

use super::value::Value;
use serde::ser::{self, Impossible, Serialize};
use std::fmt;

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

/// Any serde-serializable value as JSON text (structs, lists, options, strings, integers,
/// and one-decimal-place numbers such as the percentages), or what could not be written
/// (bytes, a tuple struct, an enum variant with data, or a `Serialize` impl's own error).
pub fn try_to_json_text<T: Serialize + ?Sized>(value: &T) -> Result<String, WriteError> {
    // Room for one person's whole result without growing.
    let mut out = String::with_capacity(1024);
    value.serialize(Writer { out: &mut out })?;
    Ok(out)
}

/// The API's answer as JSON text. Its answers are made only of what the writer writes, so
/// this is [`try_to_json_text`]; should one ever hold something it cannot write (a mistake
/// in the code, not in the input), the answer is `{ok: false, errors: [{path: "", message}]}`
/// saying so, never half-written JSON.
pub fn to_json_text<T: Serialize + ?Sized>(value: &T) -> String {
    try_to_json_text(value).unwrap_or_else(|error| {
        let mut out = String::from("{\"ok\":false,\"errors\":[{\"path\":\"\",\"message\":");
        write_string(&mut out, &format!("The calculator could not write its answer: {error}"));
        out.push_str("}]}");
        out
    })
}

/// What the writer could not write.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct WriteError(pub String);

impl WriteError {
    fn unsupported(what: &str) -> Self {
        WriteError(format!("{what} cannot be written as JSON"))
    }
}

impl fmt::Display for WriteError {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for WriteError {}

impl ser::Error for WriteError {
    fn custom<T: fmt::Display>(message: T) -> Self {
        WriteError(message.to_string())
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
        Err(WriteError::unsupported("Bytes"))
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
        Err(WriteError::unsupported("An enum variant with a value"))
    }
    fn serialize_seq(self, _: Option<usize>) -> Result<Compound<'o>, WriteError> {
        self.out.push('[');
        Ok(Compound { out: self.out, first: true, close: ']' })
    }
    fn serialize_tuple(self, len: usize) -> Result<Compound<'o>, WriteError> {
        self.serialize_seq(Some(len))
    }
    fn serialize_tuple_struct(self, _: &'static str, _: usize) -> Result<Self::SerializeTupleStruct, WriteError> {
        Err(WriteError::unsupported("A tuple struct"))
    }
    fn serialize_tuple_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeTupleVariant, WriteError> {
        Err(WriteError::unsupported("An enum variant with a tuple"))
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
        Err(WriteError::unsupported("An enum variant with fields"))
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

    #[test]
    fn what_cannot_be_written_is_an_error_not_half_written_json() {
        #[derive(serde::Serialize)]
        enum Shape {
            Circle { radius: u32 },
        }
        #[derive(serde::Serialize)]
        struct Answer {
            ok: bool,
            shape: Shape,
        }
        let answer = Answer { ok: true, shape: Shape::Circle { radius: 2 } };
        let error = try_to_json_text(&answer).unwrap_err();
        assert_eq!(error.to_string(), "An enum variant with fields cannot be written as JSON");
        assert_eq!(
            to_json_text(&answer),
            r#"{"ok":false,"errors":[{"path":"","message":"The calculator could not write its answer: An enum variant with fields cannot be written as JSON"}]}"#
        );
        assert_eq!(try_to_json_text(&[1u8, 2]).as_deref(), Ok("[1,2]"));
    }
}
