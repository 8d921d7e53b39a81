//! The host: where the app runs and how it is mounted. The standalone page's first screen
//! is prerendered into `#reablement-app` at build time ([`prerender`]) and taken over by the
//! first screen's module ([`mount`]), and by the whole app when another screen opens
//! ([`mount_app`]); `www/embed.js` mounts one calculator into a
//! custom element's shadow root ([`mount_embed`]), as the explainer or the whole shell.

use crate::ui::embed::explainer::Explainer;
use crate::ui::embed::{Attributes, Mode, Options};
#[cfg(any(feature = "start", feature = "app"))]
use crate::ui::shell::App;
#[cfg(feature = "app")]
use std::rc::Rc;
#[cfg(feature = "embed")]
use wasm_bindgen::prelude::*;
use yew::prelude::*;

/// The element the standalone page mounts into.
pub const MOUNT_ID: &str = "reablement-app";

/// The first screen's module (`start`): mounts the app into `#reablement-app` when there is a
/// document with that element, replacing the prerendered HTML there. Yew renders in a
/// microtask of the same task, so no frame shows the element empty.
#[cfg(feature = "start")]
pub fn mount() {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else { return };
    if let Some(root) = document.get_element_by_id(MOUNT_ID) {
        // Unmarked first: the page's script then takes the focus leaving the removed fields
        // for the app's doing, and keeps the field to focus again.
        let _ = root.remove_attribute("data-prerendered");
        root.set_inner_html("");
        let on_handover = Some(Callback::from(keep_for_handover));
        let props = crate::ui::shell::AppProps { on_handover, ..Default::default() };
        let app = yew::Renderer::<App>::with_root_and_props(root, props).render();
        MOUNTED.with(|mounted| mounted.replace(Some(app)));
    }
}

#[cfg(feature = "start")]
thread_local! {
    static MOUNTED: std::cell::RefCell<Option<yew::AppHandle<App>>> = const { std::cell::RefCell::new(None) };
    static HANDOVER: std::cell::RefCell<Option<crate::ui::state::Handover>> = const { std::cell::RefCell::new(None) };
}

/// What the first screen's app holds in memory, kept current by the app for [`unmount_app`].
#[cfg(feature = "start")]
fn keep_for_handover(handover: crate::ui::state::Handover) {
    HANDOVER.with(|kept| kept.replace(Some(handover)));
}

/// Takes the first screen's app off the page, so that the whole app can take over (the
/// page then mounts it into a new element with `mountApp`); returns what the app had in
/// memory (the form, answers an example replaced, the notice), for `mountApp`.
#[cfg(feature = "start")]
#[wasm_bindgen::prelude::wasm_bindgen(js_name = unmountApp)]
pub fn unmount_app() -> wasm_bindgen::JsValue {
    if let Some(app) = MOUNTED.with(|mounted| mounted.take()) {
        app.destroy();
    }
    HANDOVER
        .with(|kept| kept.take())
        .and_then(|handover| serde_wasm_bindgen::to_value(&handover).ok())
        .unwrap_or(wasm_bindgen::JsValue::NULL)
}

/// The whole app's module (`app`): mounts every screen into `root` (an empty element),
/// opening on the screen named `view` (`calculator`, `examples`, `present`, `service`,
/// `saved`); `requested` when the user asked for it on the first screen (it then gets its
/// address and its heading takes focus), not when the address named it at start-up.
/// `handover` is what `unmountApp` returned (the first screen's form and what it had in
/// memory); the saved list comes from the device.
#[cfg(feature = "app")]
#[wasm_bindgen::prelude::wasm_bindgen(js_name = mountApp)]
pub fn mount_app(root: web_sys::Element, view: Option<String>, requested: bool, handover: wasm_bindgen::JsValue) {
    let view = view.as_deref().and_then(crate::ui::state::View::from_name).unwrap_or_default();
    let handover = serde_wasm_bindgen::from_value::<crate::ui::state::Handover>(handover).ok().map(Rc::new);
    let props = crate::ui::shell::AppProps { view, requested, handover, ..Default::default() };
    yew::Renderer::<App>::with_root_and_props(root, props).render();
}

/// The first screen as HTML, rendered natively at build time by the `prerender` binary:
/// the same empty form the app renders first in the browser.
#[cfg(feature = "ssr")]
pub async fn prerender() -> String {
    yew::ServerRenderer::<App>::new().hydratable(false).render().await
}

/// The element with these attributes as Yew's server renderer writes it (no hydration marks),
/// natively at build time: the explainer's first paint (`ui::embed::first_paint`).
#[cfg(feature = "ssr")]
pub async fn prerender_embed(attributes: Attributes) -> String {
    yew::ServerRenderer::<Embed>::with_props(move || attributes).hydratable(false).render().await
}

/// The page with `html` inside its empty `<div id="reablement-app"></div>`, marked
/// `data-prerendered` until the app has started; `None` when the page has no such element.
pub fn insert_prerendered(page: &str, html: &str) -> Option<String> {
    let empty = format!("<div id=\"{MOUNT_ID}\"></div>");
    let full = format!("<div id=\"{MOUNT_ID}\" data-prerendered>{html}</div>");
    page.contains(&empty).then(|| page.replacen(&empty, &full, 1))
}

/// One embedded calculator: the notes about wrong attributes, then the explainer or the
/// full calculator, all inside the element's shadow root.
#[component]
pub fn Embed(attributes: &Attributes) -> Html {
    let options = use_memo(attributes.clone(), Options::from_attributes);
    let notes = (!options.notes.is_empty()).then(|| {
        html! {
            <div class="notice embed-notes" role="status">
                <p class="embed-notes__title">{ "A note for this page's editors" }</p>
                <ul class="embed-notes__list">
                    { for options.notes.iter().map(|note| html! { <li>{ note.clone() }</li> }) }
                </ul>
            </div>
        }
    });
    let body = match options.mode {
        Mode::Explainer => html! {
            <Explainer key={options.example.key} example={options.example.key}
                baseline={options.baseline} hourly_rate={options.hourly_rate} weeks={options.weeks}
                heading_level={options.heading_level} intro={options.intro} />
        },
        #[cfg(not(feature = "app"))]
        Mode::Full => html! {
            <Explainer key={options.example.key} example={options.example.key}
                baseline={options.baseline} hourly_rate={options.hourly_rate} weeks={options.weeks}
                heading_level={options.heading_level} intro={options.intro} />
        },
        #[cfg(feature = "app")]
        Mode::Full => html! { <App embedded={Some(Rc::new(options.start_draft()))} /> },
    };
    html! { <>{ notes }{ body }</> }
}

/// A mounted calculator, held by the custom element: `update` when its attributes change,
/// `destroy` when it leaves the page.
#[cfg(feature = "embed")]
#[wasm_bindgen]
pub struct EmbedHandle {
    app: Option<yew::AppHandle<Embed>>,
}

#[cfg(feature = "embed")]
#[wasm_bindgen]
impl EmbedHandle {
    /// Shows the calculator again with new attribute values: an object from each attribute's
    /// name to its value (`null` or missing: attribute absent).
    pub fn update(&mut self, attributes: &JsValue) {
        if let Some(app) = self.app.as_mut() {
            app.update(read_attributes(attributes));
        }
    }

    /// Removes the calculator from its element and frees it.
    pub fn destroy(mut self) {
        if let Some(app) = self.app.take() {
            app.destroy();
        }
    }
}

/// The element's attributes from an object like `{ mode: "full", "hourly-rate": null }`.
#[cfg(feature = "embed")]
fn read_attributes(attributes: &JsValue) -> Attributes {
    Attributes::from_lookup(|name| js_sys::Reflect::get(attributes, &JsValue::from_str(name)).ok()?.as_string())
}

/// Mounts one calculator into `root` (an element inside the custom element's shadow root),
/// replacing what is there. `attributes` maps each attribute's name to its value (`null`
/// when absent), as `www/embed.js` passes them.
#[cfg(feature = "embed")]
#[wasm_bindgen(js_name = mountEmbed)]
pub fn mount_embed(root: web_sys::Element, attributes: &JsValue) -> EmbedHandle {
    root.set_inner_html("");
    let app = yew::Renderer::<Embed>::with_root_and_props(root, read_attributes(attributes)).render();
    EmbedHandle { app: Some(app) }
}
