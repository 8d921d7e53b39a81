//! The working: every step of the calculation, as lines a trainer could read aloud.

use crate::calc::explain::Section;
use crate::ui::widgets::format::keep_sign_with_amount;
use yew::prelude::*;

/// A plain function, not a component: it has no state (see `result_bar`).
/// `plan`: the sections are a plan's (every goal taken as achieved), and the working says so.
pub fn working(sections: &[Section], plan: bool) -> Html {
    html! {
        <section class="section working" aria-labelledby="working-heading">
            <h2 class="heading-m" id="working-heading">{ "How this was worked out" }</h2>
            if plan {
                <p class="hint" data-testid="working-plan">{ "A plan: this is worked out with every goal taken as achieved, so each visit linked to goals stops." }</p>
            }
            <p class="hint">{ "Money is worked out in exact pence and rounded once, at the end of each total, to the nearest penny (half a penny rounds up)." }</p>
            { for sections.iter().map(|s| html! {
                <>
                    <h3 class="heading-s">{ s.title.clone() }</h3>
                    <ol class="steps">
                        { for s.steps.iter().map(|step| html! { <li>{ keep_sign_with_amount(step) }</li> }) }
                    </ol>
                </>
            }) }
        </section>
    }
}
