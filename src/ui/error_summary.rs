//! "There is a problem": every error at once, each a link that moves focus to its field.

use super::fields::{field_id, focus_by_id};
use crate::calc::FieldMessage;
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub errors: Rc<Vec<FieldMessage>>,
    pub node: NodeRef,
}

/// The field an error path points at: a missing goal link points at the visit's goal list.
fn target(path: &str) -> String {
    match path.rfind(".goals[") {
        Some(i) if path.starts_with("before") || path.starts_with("after") => field_id(&path[..i + ".goals".len()]),
        _ => field_id(path),
    }
}

#[component]
pub fn ErrorSummary(props: &Props) -> Html {
    html! {
        <div class="error-summary" ref={props.node.clone()} tabindex="-1" role="alert" aria-labelledby="error-summary-title">
            <h2 class="error-summary__title" id="error-summary-title">{ "There is a problem" }</h2>
            <ul class="error-summary__list">
                { for props.errors.iter().map(|e| {
                    let id = target(&e.path);
                    let onclick = {
                        let id = id.clone();
                        Callback::from(move |ev: MouseEvent| {
                            ev.prevent_default();
                            let node = ev.target().and_then(|t| wasm_bindgen::JsCast::dyn_into::<web_sys::Node>(t).ok());
                            focus_by_id(node.as_ref(), &id);
                        })
                    };
                    html! { <li><a href={format!("#{id}")} {onclick}>{ e.message.clone() }</a></li> }
                }) }
            </ul>
        </div>
    }
}
