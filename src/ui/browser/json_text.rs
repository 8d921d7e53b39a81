//! JSON text in the browser, through the browser's own `JSON.parse` / `JSON.stringify` and
//! serde-wasm-bindgen (already needed by the API), rather than shipping a second JSON parser.

use serde::de::DeserializeOwned;
use serde::Serialize;

/// Parses JSON text into `T`; `None` for text that is not JSON or not a `T`.
pub fn parse<T: DeserializeOwned>(text: &str) -> Option<T> {
    let value = js_sys::JSON::parse(text).ok()?;
    serde_wasm_bindgen::from_value(value).ok()
}

/// `value` as JSON text (`indent` spaces, or none for 0).
pub fn stringify<T: Serialize>(value: &T, indent: u32) -> Option<String> {
    let js = value.serialize(&serde_wasm_bindgen::Serializer::json_compatible()).ok()?;
    let text = if indent == 0 {
        js_sys::JSON::stringify(&js)
    } else {
        js_sys::JSON::stringify_with_replacer_and_space(&js, &wasm_bindgen::JsValue::NULL, &indent.into())
    };
    text.ok()?.as_string()
}
