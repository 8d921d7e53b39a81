//! "Skip to the form": the first thing Tab reaches on the calculator, so a keyboard user goes
//! straight to the first field instead of through the navigation (GOV.UK's skip link).

use crate::ui::browser::focus::focus_link;
use crate::ui::widgets::fields::field_id;
use yew::prelude::*;

#[component]
pub fn SkipLink() -> Html {
    let first = field_id("reference");
    html! {
        <a class="skip-link no-print" href={format!("#{first}")} onclick={focus_link(first)}>{ "Skip to the form" }</a>
    }
}
