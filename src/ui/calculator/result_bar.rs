//! The result in view: before, after and the change in one compact strip that stays on screen
//! while the form scrolls. On a wide screen it sits behind the full result at the top of the
//! right-hand column, so it shows only once the result has scrolled away, then stays at the top
//! of the window; on a phone it is at the bottom of the window (sticky, landing above the full
//! result at the end of the form). It shows what `calc` returned and announces nothing itself:
//! the result's one polite live region (`results.rs`) does that, so nothing is read out twice.

use crate::calc::Outcome;
use yew::prelude::*;

/// `£295.23 less`, `£12.00 more`, `No change`: the weekly change in two or three words.
fn change(o: &Outcome) -> String {
    match o.change_pence.signum() {
        -1 => format!("{} less", (-o.change_pence).display()),
        1 => format!("{} more", o.change_pence.display()),
        _ => "No change".to_string(),
    }
}

/// The strip: `outcome` is `None` while the answers have errors; `plan`, at a welcome visit, is
/// what the package would cost if the goals are achieved (`calc::plan`). A plain function, not
/// a component: it has no state, and a component costs the first screen's module Yew's
/// generic code once more.
pub fn result_bar(outcome: Option<&Outcome>, plan: Option<&Outcome>) -> Html {
    let (before, after) = if plan.is_some() { ("Now", "If achieved") } else { ("Before", "After 28 days") };
    html! {
        <div class="result-bar no-print" data-testid="result-bar" aria-label="Result so far, a week" role="region">
            { match plan.or(outcome) {
                Some(o) => html! {
                    <dl class="result-bar__figures">
                        <div><dt>{ before }</dt><dd data-testid="bar-before">{ o.before.weekly_pence.display() }</dd></div>
                        <div><dt>{ after }</dt><dd data-testid="bar-after">{ o.after.weekly_pence.display() }</dd></div>
                        <div><dt>{ "Change" }</dt><dd data-testid="bar-change">{ change(o) }</dd></div>
                    </dl>
                },
                None => html! { <p class="result-bar__pending">{ "The result shows here when the answers are complete." }</p> },
            } }
        </div>
    }
}
