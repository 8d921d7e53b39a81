//! Placeholder until the whole-service view lands (being written now).
use yew::prelude::*;

#[component]
pub fn ServiceView() -> Html {
    html! { <p>{ "The whole-service view is being built." }</p> }
}
