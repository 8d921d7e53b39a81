//! The council's own figures: `council.json` beside the page, fetched once after start-up
//! (never while rendering, so the first screen can be prerendered with today's defaults). Read
//! by `calc::council`; no file, or no network and no kept copy, is [`CouncilFile::Absent`].

use crate::calc::council::{read_council, CouncilFile, FILE};
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

/// `council.json` as the calculator will use it. Relative to the page, so any folder works.
pub async fn load() -> CouncilFile {
    let Some(window) = web_sys::window() else { return CouncilFile::Absent };
    let init = web_sys::RequestInit::new();
    // Ask the server each time (the service worker answers offline).
    init.set_cache(web_sys::RequestCache::NoCache);
    let Ok(response) = JsFuture::from(window.fetch_with_str_and_init(FILE, &init)).await else {
        return CouncilFile::Absent;
    };
    let Some(response) = response.dyn_into::<web_sys::Response>().ok().filter(|r| r.ok()) else {
        return CouncilFile::Absent;
    };
    let text = match response.text() {
        Ok(promise) => JsFuture::from(promise).await.ok().and_then(|t| t.as_string()),
        Err(_) => None,
    };
    match text {
        Some(text) => read_council(&text),
        None => CouncilFile::Absent,
    }
}
