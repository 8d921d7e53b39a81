//! The JavaScript API: `calculate`, `calculateCohort` and `version`. Plain objects in and
//! out (`null` stays `null`, maps are plain objects, numbers are numbers). Never throws: bad
//! input of any shape comes back as `{ok: false, errors}`.
//!
//! The input crosses into WebAssembly as one string (`JSON.stringify`) and a result comes
//! back as one (`JSON.parse`): for 100,000 cohort rows that is ~15× faster than converting
//! each value across the boundary. Errors come back as their paths in one string, their
//! distinct messages in another and which message each error has (see [`errors_answer`]). A value `JSON.stringify` refuses (a cycle, a BigInt) or
//! drops (a function, `undefined`) is not a scenario, and says so.

use crate::calc::{self, json::ToJson, FieldMessage, Response};
use std::borrow::Cow;
use wasm_bindgen::prelude::*;

// `JSON.stringify` would write NaN and ±Infinity as `null`, which the contract reads as
// "use the default": a silent wrong answer. They (and BigInts, which it cannot write at all)
// become text instead, so they get the field's own error message. A replacer costs a call
// from the engine per value (about 8 µs to write Arthur, whose input has real nulls, against
// 4.5 µs plain and 1 µs for the walk below), so it runs only when the plain text has a `null` and a quick walk of the input finds a number
// that is not finite, or something it cannot vouch for (an object that is not a plain object
// or array, which may have its own `toJSON`, or nesting deeper than any scenario), or when
// the plain call threw. A cycle still cannot be written: `undefined`.
#[wasm_bindgen(inline_js = r#"
// A boxed number reaches the replacer boxed (JSON.stringify unboxes it afterwards).
const replacer = (key, v) => {
  if (v instanceof Number || v instanceof BigInt) v = v.valueOf();
  return typeof v === 'number' ? (Number.isFinite(v) ? v : String(v)) : typeof v === 'bigint' ? String(v) : v;
};
const plainProto = Object.prototype;
function needsReplacer(v, depth) {
  if (typeof v === 'number') return !Number.isFinite(v);
  if (typeof v === 'bigint') return true;
  if (v === null || typeof v !== 'object') return false;
  if (depth > 100) return true;
  if (Array.isArray(v)) {
    for (let i = 0; i < v.length; i += 1) if (needsReplacer(v[i], depth + 1)) return true;
    return false;
  }
  const proto = Object.getPrototypeOf(v);
  if ((proto !== plainProto && proto !== null) || typeof v.toJSON === 'function') return true;
  for (const key in v) if (Object.hasOwn(v, key) && needsReplacer(v[key], depth + 1)) return true;
  return false;
}
export function errors_answer(paths, messages, which) {
  const at = paths.split('\n'), said = messages.split('\n'), errors = new Array(at.length);
  for (let i = 0; i < at.length; i += 1) errors[i] = { path: at[i], message: said[which[i]] };
  return { ok: false, errors };
}
export function to_json_text(value) {
  try {
    const plain = JSON.stringify(value);
    if (plain === undefined || !plain.includes('null') || !needsReplacer(value, 0)) return plain;
  } catch (error) {}
  try {
    return JSON.stringify(value, replacer);
  } catch (error) {
    return undefined;
  }
}"#)]
extern "C" {
    /// The input as JSON text; `None` when JavaScript cannot write it as JSON.
    fn to_json_text(value: &JsValue) -> Option<String>;
    /// `{ok: false, errors}` from the errors' paths and their distinct messages, each list
    /// joined by newlines, and the index of each error's message.
    fn errors_answer(paths: &str, messages: &str, which: &[u32]) -> JsValue;
}

fn answer<T: ToJson>(response: Response<T>) -> JsValue {
    if let Response::Err { errors, .. } = &response {
        if let Some(answer) = compact_errors(errors) {
            return answer;
        }
    }
    js_sys::JSON::parse(&calc::json::to_json_text(&response)).unwrap_or(JsValue::NULL)
}

/// The errors as [`errors_answer`] takes them, or `None` when a path or message has a
/// newline in it (an unknown field's name can), which then go as JSON. 700,000 errors are
/// 67 MB of JSON, most of it the same few messages: as JSON, decoding that text and parsing
/// it took longer than checking the input. This way each message crosses once and is shared.
fn compact_errors(errors: &[FieldMessage]) -> Option<JsValue> {
    let mut paths = String::with_capacity(errors.iter().map(|e| e.path.len() + 1).sum());
    let mut messages = String::new();
    let mut which = Vec::with_capacity(errors.len());
    let mut distinct = 0u32;
    // The contract's messages are borrowed constants: found again by where they are, in a
    // small table (a miss only means the same message crosses twice).
    let mut seen = [(0usize, 0usize, 0u32); 64];
    for (i, error) in errors.iter().enumerate() {
        if error.path.contains('\n') || error.message.contains('\n') {
            return None;
        }
        if i > 0 {
            paths.push('\n');
        }
        paths.push_str(&error.path);
        let key = (error.message.as_ptr() as usize, error.message.len());
        let slot = &mut seen[(key.0 >> 3) % 64];
        let index = match &error.message {
            Cow::Borrowed(_) if (slot.0, slot.1) == key && distinct > 0 => slot.2,
            message => {
                if distinct > 0 {
                    messages.push('\n');
                }
                messages.push_str(message);
                if let Cow::Borrowed(_) = message {
                    *slot = (key.0, key.1, distinct);
                }
                distinct += 1;
                distinct - 1
            }
        };
        which.push(index);
    }
    (!errors.is_empty()).then(|| errors_answer(&paths, &messages, &which))
}

/// Calculates one person's outcome from a scenario object (contract v1).
#[wasm_bindgen(js_name = calculate)]
pub fn calculate(scenario: JsValue) -> JsValue {
    // Text that is not JSON reads as "not a scenario file", whatever made it so.
    answer(calc::scenario_response(&to_json_text(&scenario).unwrap_or_default()))
}

/// Calculates a cohort's outcome from `{rows, baseline_weekly, people_per_week, package_weeks, weeks_per_year}`.
#[wasm_bindgen(js_name = calculateCohort)]
pub fn calculate_cohort(input: JsValue) -> JsValue {
    answer(calc::cohort_response(&to_json_text(&input).unwrap_or_default()))
}

/// The calculator's version string.
#[wasm_bindgen(js_name = version)]
pub fn version() -> String {
    calc::VERSION.to_string()
}
