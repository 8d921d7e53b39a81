//! Reading stored JSON into the app's own types: the core's JSON parser (`calc::json`, in
//! every module already) gives a [`Value`], and this serde `Deserializer` walks it.
//!
//! It replaced `JSON.parse` and serde-wasm-bindgen for this job because of what an error costs
//! in the first screen's WebAssembly: serde-wasm-bindgen writes each error out as text, which
//! keeps Rust's float formatting (serde describes an unexpected `1.5` with it) and the rest
//! of the message machinery in the module, about 12 KB with brotli. Here an error carries no
//! text at all (every `de::Error` constructor is overridden, so serde's messages are never
//! built): a draft that does not read is set aside as before, and no one reads why.

use crate::calc::json::Value;
use serde::de::{self, DeserializeSeed, IntoDeserializer, Visitor};
use std::fmt;

/// The stored text is not the type expected.
#[derive(Debug, PartialEq)]
pub struct Error;

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("not the JSON expected")
    }
}

impl std::error::Error for Error {}

impl de::Error for Error {
    fn custom<T: fmt::Display>(_: T) -> Self {
        Error
    }
    fn invalid_type(_: de::Unexpected, _: &dyn de::Expected) -> Self {
        Error
    }
    fn invalid_value(_: de::Unexpected, _: &dyn de::Expected) -> Self {
        Error
    }
    fn invalid_length(_: usize, _: &dyn de::Expected) -> Self {
        Error
    }
    fn unknown_variant(_: &str, _: &'static [&'static str]) -> Self {
        Error
    }
    fn unknown_field(_: &str, _: &'static [&'static str]) -> Self {
        Error
    }
    fn missing_field(_: &'static str) -> Self {
        Error
    }
    fn duplicate_field(_: &'static str) -> Self {
        Error
    }
}

/// JSON text as a `T`; `None` when it is not JSON or not a `T`.
pub fn from_text<T: de::DeserializeOwned>(text: &str) -> Option<T> {
    T::deserialize(Walk(crate::calc::json::parse(text).ok()?)).ok()
}

/// A number that is not a plain integer, as the browser reads it (`parseFloat`), or as Rust
/// does natively in the tests; no float parser is compiled in for the browser.
fn float(literal: &str) -> f64 {
    #[cfg(target_arch = "wasm32")]
    {
        js_sys::Number::parse_float(literal)
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        literal.parse().unwrap_or(f64::NAN)
    }
}

struct Walk(Value);

impl<'de> de::Deserializer<'de> for Walk {
    type Error = Error;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        match self.0 {
            Value::Null => visitor.visit_unit(),
            Value::Bool(b) => visitor.visit_bool(b),
            Value::Int(i) => match (u64::try_from(i), i64::try_from(i)) {
                (Ok(n), _) => visitor.visit_u64(n),
                (_, Ok(n)) => visitor.visit_i64(n),
                _ => visitor.visit_f64(i as f64),
            },
            Value::Number(literal) => visitor.visit_f64(float(&literal)),
            Value::String(s) => visitor.visit_string(s),
            Value::Array(items) => visitor.visit_seq(Items(items.into_iter())),
            Value::Object(fields) => visitor.visit_map(Fields { fields: fields.into_iter(), value: None }),
        }
    }

    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        match self.0 {
            Value::Null => visitor.visit_none(),
            value => visitor.visit_some(Walk(value)),
        }
    }

    fn deserialize_newtype_struct<V: Visitor<'de>>(self, _: &'static str, visitor: V) -> Result<V::Value, Error> {
        visitor.visit_newtype_struct(self)
    }

    /// A unit variant is its name as text; another variant is an object of one field.
    fn deserialize_enum<V: Visitor<'de>>(
        self,
        _: &'static str,
        _: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Error> {
        match self.0 {
            Value::String(name) => visitor.visit_enum(name.into_deserializer()),
            Value::Object(mut fields) if fields.len() == 1 => {
                let (name, value) = fields.pop().expect("one field");
                visitor.visit_enum(Variant(name.into_owned(), value))
            }
            _ => Err(Error),
        }
    }

    serde::forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string bytes byte_buf unit
        unit_struct seq tuple tuple_struct map struct identifier ignored_any
    }
}

struct Items(std::vec::IntoIter<Value>);

impl<'de> de::SeqAccess<'de> for Items {
    type Error = Error;

    fn next_element_seed<T: DeserializeSeed<'de>>(&mut self, seed: T) -> Result<Option<T::Value>, Error> {
        self.0.next().map(|v| seed.deserialize(Walk(v))).transpose()
    }
}

struct Fields {
    fields: std::vec::IntoIter<(crate::calc::json::value::Key, Value)>,
    value: Option<Value>,
}

impl<'de> de::MapAccess<'de> for Fields {
    type Error = Error;

    fn next_key_seed<K: DeserializeSeed<'de>>(&mut self, seed: K) -> Result<Option<K::Value>, Error> {
        let Some((key, value)) = self.fields.next() else { return Ok(None) };
        self.value = Some(value);
        seed.deserialize(Walk(Value::String(key.into_owned()))).map(Some)
    }

    fn next_value_seed<V: DeserializeSeed<'de>>(&mut self, seed: V) -> Result<V::Value, Error> {
        seed.deserialize(Walk(self.value.take().ok_or(Error)?))
    }
}

struct Variant(String, Value);

impl<'de> de::EnumAccess<'de> for Variant {
    type Error = Error;
    type Variant = Walk;

    fn variant_seed<V: DeserializeSeed<'de>>(self, seed: V) -> Result<(V::Value, Walk), Error> {
        let name = seed.deserialize(Walk(Value::String(self.0)))?;
        Ok((name, Walk(self.1)))
    }
}

impl<'de> de::VariantAccess<'de> for Walk {
    type Error = Error;

    fn unit_variant(self) -> Result<(), Error> {
        match self.0 {
            Value::Null => Ok(()),
            _ => Err(Error),
        }
    }

    fn newtype_variant_seed<T: DeserializeSeed<'de>>(self, seed: T) -> Result<T::Value, Error> {
        seed.deserialize(self)
    }

    fn tuple_variant<V: Visitor<'de>>(self, _: usize, visitor: V) -> Result<V::Value, Error> {
        de::Deserializer::deserialize_any(self, visitor)
    }

    fn struct_variant<V: Visitor<'de>>(self, _: &'static [&'static str], visitor: V) -> Result<V::Value, Error> {
        de::Deserializer::deserialize_any(self, visitor)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde::Deserialize;

    #[derive(Debug, Default, PartialEq, Deserialize)]
    #[serde(default)]
    struct Stored {
        version: u32,
        name: String,
        at: f64,
        weeks: Option<u32>,
        items: Vec<Item>,
        kind: Kind,
    }

    #[derive(Debug, PartialEq, Deserialize)]
    struct Item {
        minutes: u32,
        label: Option<String>,
    }

    #[derive(Debug, Default, PartialEq, Deserialize)]
    #[serde(rename_all = "snake_case")]
    enum Kind {
        #[default]
        Plain,
        WithWeeks,
        Rate(u32),
    }

    #[test]
    fn stored_json_reads_into_its_types() {
        let text = r#"{"version":1,"name":"A \"q\"\n","at":1764791234567.5,"weeks":null,
            "items":[{"minutes":30,"label":null},{"minutes":45,"label":"Tea"}],"kind":"with_weeks","extra":[1,{"a":2}]}"#;
        let stored: Stored = from_text(text).expect("reads");
        assert_eq!(
            stored,
            Stored {
                version: 1,
                name: "A \"q\"\n".into(),
                at: 1_764_791_234_567.5,
                weeks: None,
                items: vec![Item { minutes: 30, label: None }, Item { minutes: 45, label: Some("Tea".into()) }],
                kind: Kind::WithWeeks,
            }
        );
        assert_eq!(from_text::<Stored>(r#"{"kind":{"rate":7}}"#).unwrap().kind, Kind::Rate(7));
        assert_eq!(from_text::<Stored>("{}"), Some(Stored::default()), "missing fields take their defaults");
    }

    #[test]
    fn text_that_is_not_the_type_is_none() {
        for text in
            ["", "[", r#"{"version":-1}"#, r#"{"version":"1"}"#, r#"{"items":[{"label":"x"}]}"#, r#"{"kind":"odd"}"#]
        {
            assert_eq!(from_text::<Stored>(text), None, "{text}");
        }
    }
}
