//! Share links: the scenario, compressed, in the URL fragment (`#s=…`), which browsers never
//! send to a server. Compression is the browser's own (`CompressionStream`, deflate-raw);
//! opening a link is capped, so a crafted link cannot fill the device's memory.

use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;

/// The fragment that marks a share link.
pub const PREFIX: &str = "#s=";
/// A scenario file is far smaller than this; anything larger is not one.
pub const MAX_TEXT_BYTES: usize = 1_000_000;

#[wasm_bindgen(inline_js = r#"
export async function pack(text) {
  const stream = new Blob([text]).stream().pipeThrough(new CompressionStream('deflate-raw'));
  const bytes = new Uint8Array(await new Response(stream).arrayBuffer());
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}
export async function unpack(code, limit) {
  try {
    const binary = atob(code.replace(/-/g, '+').replace(/_/g, '/'));
    const bytes = Uint8Array.from(binary, (c) => c.charCodeAt(0));
    const reader = new Blob([bytes]).stream().pipeThrough(new DecompressionStream('deflate-raw')).getReader();
    const parts = [];
    let size = 0;
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.length;
      if (size > limit) { await reader.cancel(); return null; }
      parts.push(value);
    }
    return await new Blob(parts).text();
  } catch (error) {
    return null;
  }
}"#)]
extern "C" {
    fn pack(text: &str) -> js_sys::Promise;
    fn unpack(code: &str, limit: u32) -> js_sys::Promise;
}

/// `text`, compressed, as URL-safe base64.
pub async fn compress(text: &str) -> Option<String> {
    JsFuture::from(pack(text)).await.ok()?.as_string()
}

/// The text a share code holds; `None` for anything that is not one (or is too large).
pub async fn decompress(code: &str) -> Option<String> {
    JsFuture::from(unpack(code, MAX_TEXT_BYTES as u32)).await.ok()?.as_string()
}

/// The page's address without its fragment, for building a link.
pub fn page_address() -> Option<String> {
    let location = web_sys::window()?.location();
    let href = location.href().ok()?;
    Some(href.split('#').next().unwrap_or(&href).to_string())
}

/// The share code in this page's address, if it has one.
pub fn code_in_address() -> Option<String> {
    let hash = web_sys::window()?.location().hash().ok()?;
    hash.strip_prefix(PREFIX).filter(|c| !c.is_empty()).map(str::to_string)
}

/// Takes the share code out of the address bar (so a reload does not ask again), without
/// adding a history entry.
pub fn clear_address() {
    if let Some(window) = web_sys::window() {
        if let (Ok(history), Ok(path), Ok(search)) =
            (window.history(), window.location().pathname(), window.location().search())
        {
            let _ = history.replace_state_with_url(&JsValue::NULL, "", Some(&format!("{path}{search}")));
        }
    }
}
