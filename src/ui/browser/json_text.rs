//! JSON text in the browser: read with the core's own JSON parser (in every module for the
//! API) and [`super::value_de`]; written through serde-wasm-bindgen and the browser's
//! `JSON.stringify`.

use serde::de::DeserializeOwned;
use serde::Serialize;

/// Parses JSON text into `T`; `None` for text that is not JSON or not a `T`.
pub fn parse<T: DeserializeOwned>(text: &str) -> Option<T> {
    super::value_de::from_text(text)
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
