//! Moving keyboard focus to a field, in the page or in an embed's shadow root.

use yew::prelude::*;

/// A click handler for a link to a field (error summary, warnings): moves focus to the field
/// without changing the page's URL (the page may be embedded in someone else's).
pub fn focus_link(id: String) -> Callback<MouseEvent> {
    Callback::from(move |ev: MouseEvent| {
        ev.prevent_default();
        let node = ev.target().and_then(|t| wasm_bindgen::JsCast::dyn_into::<web_sys::Node>(t).ok());
        focus_by_id(node.as_ref(), &id);
    })
}

/// Moves focus to the element with `id` in the same document or shadow root as `from`,
/// scrolling it into view: how the error summary's links and "Add" buttons move focus.
pub fn focus_by_id(from: Option<&web_sys::Node>, id: &str) {
    use wasm_bindgen::JsCast;
    let root = from.map(|n| n.get_root_node());
    let element = match root.as_ref().and_then(|r| r.dyn_ref::<web_sys::ShadowRoot>()) {
        Some(shadow) => shadow.get_element_by_id(id),
        None => gloo::utils::document().get_element_by_id(id),
    };
    if let Some(el) = element.and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok()) {
        let _ = el.focus();
        // Show the field from its label down (GOV.UK: the label, the message, then the input);
        // in a visit's or a cost's card, from the card's legend ("Visit 2"), when the legend and
        // the field fit in the window together. CSS keeps a margin above (scroll-margin-top)
        // and the result bar's height free below (scroll-padding-bottom).
        let field = el.closest(".field").ok().flatten().unwrap_or_else(|| el.clone().into());
        let legend =
            el.closest("fieldset.card").ok().flatten().and_then(|card| card.query_selector("legend").ok().flatten());
        let room = web_sys::window().and_then(|w| w.inner_height().ok()).and_then(|h| h.as_f64()).unwrap_or(0.0) * 0.6;
        let top = legend
            .filter(|legend| {
                field.get_bounding_client_rect().bottom() - legend.get_bounding_client_rect().top() <= room
            })
            .unwrap_or(field);
        top.scroll_into_view_with_bool(true);
    }
}

/// After a change of view: focus on the element `id` when it is given and there (the button
/// that started presentation mode), otherwise the page goes to its top (the standalone page)
/// or to the calculator's top (embedded, when that is out of sight) and focus moves to the
/// view's heading: its first visible `<h1>` (the whole-service view stays in the page,
/// hidden, while another view shows).
pub fn focus_new_view(page: &web_sys::Element, id: Option<&str>, standalone: bool) {
    use wasm_bindgen::JsCast;
    if let Some(id) = id {
        let root = page.get_root_node();
        let element = match root.dyn_ref::<web_sys::ShadowRoot>() {
            Some(shadow) => shadow.get_element_by_id(id),
            None => gloo::utils::document().get_element_by_id(id),
        };
        if let Some(el) = element.and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok()) {
            let _ = el.focus();
            return;
        }
    }
    if standalone {
        gloo::utils::window().scroll_to_with_x_and_y(0.0, 0.0);
    } else if page.get_bounding_client_rect().top() < 0.0 {
        page.scroll_into_view_with_bool(true);
    }
    let Ok(headings) = page.query_selector_all("h1") else { return };
    let visible = (0..headings.length())
        .filter_map(|i| headings.item(i))
        .filter_map(|n| n.dyn_into::<web_sys::HtmlElement>().ok())
        .find(|h| h.get_client_rects().length() > 0);
    if let Some(heading) = visible {
        if !heading.has_attribute("tabindex") {
            let _ = heading.set_attribute("tabindex", "-1");
        }
        let _ = heading.focus();
    }
}

/// Scrolls `element` into sight when it is not wholly in the viewport (smoothly, unless the
/// reader asks for reduced motion), moving the page as little as it can.
pub fn reveal(element: &web_sys::Element) {
    let window = gloo::utils::window();
    let rect = element.get_bounding_client_rect();
    let height = window.inner_height().ok().and_then(|h| h.as_f64()).unwrap_or(0.0);
    if rect.top() >= 0.0 && rect.bottom() <= height {
        return;
    }
    let reduced =
        window.match_media("(prefers-reduced-motion: reduce)").ok().flatten().is_some_and(|query| query.matches());
    let options = web_sys::ScrollIntoViewOptions::new();
    options.set_block(web_sys::ScrollLogicalPosition::Nearest);
    options.set_behavior(if reduced { web_sys::ScrollBehavior::Instant } else { web_sys::ScrollBehavior::Smooth });
    element.scroll_into_view_with_scroll_into_view_options(&options);
}
