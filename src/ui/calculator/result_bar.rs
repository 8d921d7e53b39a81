//! The result in view: before, after and the change in one compact strip that stays on screen
//! while the form scrolls. On a wide screen it sits behind the full result at the top of the
//! right-hand column, so it shows only once the result has scrolled away, then stays at the top
//! of the window; on a phone it is at the bottom of the window (sticky, landing above the full
//! result at the end of the form). It shows what `calc` returned and announces nothing itself:
//! the result's one polite live region (`results.rs`) does that, so nothing is read out twice.

use crate::calc::Outcome;
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct Props {
    /// `None` while the answers have errors.
    pub outcome: Option<Rc<Outcome>>,
}

/// `£295.23 less`, `£12.00 more`, `No change`: the weekly change in two or three words.
fn change(o: &Outcome) -> String {
    match o.change_pence.signum() {
        -1 => format!("{} less", (-o.change_pence).display()),
        1 => format!("{} more", o.change_pence.display()),
        _ => "No change".to_string(),
    }
}

#[component]
pub fn ResultBar(props: &Props) -> Html {
    html! {
        <div class="result-bar no-print" data-testid="result-bar" aria-label="Result so far, a week" role="region">
            { match &props.outcome {
                Some(o) => html! {
                    <dl class="result-bar__figures">
                        <div><dt>{ "Before" }</dt><dd data-testid="bar-before">{ o.before.weekly_pence.display() }</dd></div>
                        <div><dt>{ "After 28 days" }</dt><dd data-testid="bar-after">{ o.after.weekly_pence.display() }</dd></div>
                        <div><dt>{ "Change" }</dt><dd data-testid="bar-change">{ change(o) }</dd></div>
                    </dl>
                },
                None => html! { <p class="result-bar__pending">{ "The result shows here when the answers are complete." }</p> },
            } }
        </div>
    }
}
