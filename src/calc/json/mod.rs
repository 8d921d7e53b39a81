//! JSON for the core, hand-written (see `docs/decisions.md`: one string each way across the
//! JS boundary, and a parser and writer small and fast enough for 100,000 cohort rows):
//!
//! - [`value`]: the [`Value`] that input is read into, so it can be validated field by field
//!   (with paths and "unknown field" errors); numbers keep their literal text, so money
//!   written as a JSON number is read exactly, as a decimal, with no float.
//! - [`parser`]: the strict parser ([`parse`]), nesting at most [`MAX_DEPTH`], and
//!   [`Parser`]'s piece-at-a-time reading.
//! - [`cohort_fast`]: the fast cohort reader, straight from the text with no value tree.
//! - [`writer`]: answers and values as JSON text ([`to_json_text`], [`ToJson`]).
//! - [`answers`]: the API's answers, field for field as the contract names them.

pub mod answers;
pub mod cohort_fast;
pub mod parser;
pub mod value;
pub mod writer;

pub use parser::{parse, ParseError, Parser, Scalar, MAX_DEPTH};
pub use value::{decimal_scaled, Key, Value};
pub use writer::{to_json_text, ToJson};
