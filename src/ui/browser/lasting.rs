//! Whether the browser will keep what the calculator stores until the user clears it
//! (`navigator.storage.persist()`): asked once, on the first save; said on the saved list.
//! Where the browser refuses, or has no such question, nothing else changes: the scenarios
//! are stored all the same, and may be cleared only if the device runs short of space.

use js_sys::{Promise, Reflect};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

/// What the browser said about keeping the site's storage.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Lasting {
    /// It has agreed to keep it until the user clears it.
    Kept,
    /// It has not (yet) agreed: under pressure for space it may clear it.
    MayBeCleared,
    /// It has no way to ask (an older browser, or storage it does not offer to keep).
    NoAnswer,
}

impl Lasting {
    /// The sentence the saved list shows, in plain words.
    pub fn words(self) -> &'static str {
        match self {
            Lasting::Kept => "This browser has agreed to keep your saved scenarios until you clear them, even if the device runs short of space.",
            Lasting::MayBeCleared => "This browser has not agreed to keep your saved scenarios for certain: if the device runs very short of space it may clear them. To be sure of keeping one, open it and use “Download as a file”.",
            Lasting::NoAnswer => "This browser does not say whether it will keep your saved scenarios if the device runs short of space. To be sure of keeping one, open it and use “Download as a file”.",
        }
    }
}

/// The page's note that it has asked, on `window`: the first screen's module and the whole
/// app's (which takes over from it) are two instances, so a flag in either would be forgotten.
const ASKED: &str = "reablementAskedToKeep";

/// `navigator.storage`'s method `name` called, as a promise; `None` where there is none.
fn call(name: &str) -> Option<Promise> {
    let navigator: JsValue = web_sys::window()?.navigator().into();
    let manager = Reflect::get(&navigator, &"storage".into()).ok().filter(|m| m.is_object())?;
    let method = Reflect::get(&manager, &name.into()).ok()?.dyn_into::<js_sys::Function>().ok()?;
    method.call0(&manager).ok()?.dyn_into::<Promise>().ok()
}

async fn answer(name: &str) -> Lasting {
    let Some(promise) = call(name) else { return Lasting::NoAnswer };
    match JsFuture::from(promise).await.map(|v| v.as_bool()) {
        Ok(Some(true)) => Lasting::Kept,
        Ok(Some(false)) => Lasting::MayBeCleared,
        _ => Lasting::NoAnswer,
    }
}

/// What the browser says now, without asking it anything.
pub async fn now() -> Lasting {
    answer("persisted").await
}

/// After a save: asks the browser to keep the site's storage, once in the page's life (a
/// reload asks again, at the next save), and
/// only when it has not agreed already (a browser may show the person a question).
pub fn ask_once() {
    let Some(window) = web_sys::window() else { return };
    if Reflect::get(&window, &ASKED.into()).is_ok_and(|asked| asked.is_truthy()) {
        return;
    }
    let _ = Reflect::set(&window, &ASKED.into(), &true.into());
    wasm_bindgen_futures::spawn_local(async {
        if now().await == Lasting::MayBeCleared {
            let _ = answer("persist").await;
        }
    });
}
