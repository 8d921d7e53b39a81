//! Presentation mode for a projector: the working one step at a time in large type, moved on
//! by keyboard (→, Space or Page Down; ← or Page Up; Home; End) or buttons, with the chart
//! building up as each package's total (and each week of reablement) is reached.

use crate::calc::explain::Section;
use crate::calc::Outcome;
use crate::ui::examples::present_weeks::bars_so_far;
use crate::ui::state::context::use_form;
use crate::ui::state::NavAction;
use crate::ui::state::View;
use crate::ui::widgets::chart::BarChart;
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub sections: Rc<Vec<Section>>,
    pub outcome: Option<Rc<Outcome>>,
}

#[component]
pub fn Presentation(props: &Props) -> Html {
    let form = use_form();
    let step = use_state(|| 0usize);
    let stage = use_node_ref();
    {
        let stage = stage.clone();
        use_effect_with((), move |_| {
            if let Some(el) = stage.cast::<web_sys::HtmlElement>() {
                let _ = el.focus();
            }
        });
    }
    let leave = form.on_click(NavAction::Show(View::Calculator).into());
    let Some(outcome) = props.outcome.clone() else {
        return html! {
            <>
                <h1 class="heading-l">{ "Presentation" }</h1>
                <p>{ "There is no complete scenario to present. Load a worked example or finish the answers first." }</p>
                <button type="button" class="button" onclick={leave}>{ "Back to the calculator" }</button>
            </>
        };
    };
    // Every step in order, with the section it belongs to; a section's last step is its total.
    let steps: Vec<(usize, &str)> = props
        .sections
        .iter()
        .enumerate()
        .flat_map(|(s, section)| section.steps.iter().map(move |t| (s, t.as_str())))
        .collect();
    let last = steps.len().saturating_sub(1);
    let current = (*step).min(last);
    let go = |to: usize| {
        let step = step.clone();
        Callback::from(move |_: MouseEvent| step.set(to.min(last)))
    };
    let onkeydown = {
        let step = step.clone();
        Callback::from(move |e: KeyboardEvent| {
            let next = match e.key().as_str() {
                "ArrowRight" | "PageDown" | " " => Some((current + 1).min(last)),
                "ArrowLeft" | "PageUp" => Some(current.saturating_sub(1)),
                "Home" => Some(0),
                "End" => Some(last),
                _ => None,
            };
            if let Some(next) = next {
                e.prevent_default();
                step.set(next);
            }
        })
    };
    let bars = bars_so_far(&props.sections, &outcome, current);
    let (section, text) = steps.get(current).copied().unwrap_or((0, ""));
    html! {
        <div class="present">
            <div class="present__bar no-print">
                <h1 class="heading-m">{ "Presentation: how the outcome is worked out" }</h1>
                <button type="button" class="button button--secondary" onclick={leave}>{ "Leave presentation" }</button>
            </div>
            <div class="present__stage" tabindex="0" ref={stage} {onkeydown}
                aria-roledescription="presentation" aria-label="Working, one step at a time. Use the arrow keys to move.">
                <p class="present__section">{ props.sections.get(section).map(|s| s.title.clone()).unwrap_or_default() }</p>
                <p class="present__step" aria-live="polite">{ crate::ui::widgets::format::keep_sign_with_amount(text) }</p>
                <p class="present__count">{ format!("Step {} of {}", current + 1, steps.len()) }</p>
            </div>
            <div class="button-group present__controls">
                <button type="button" class="button button--secondary" onclick={go(current.saturating_sub(1))} disabled={current == 0}>{ "Previous step" }</button>
                <button type="button" class="button" onclick={go(current + 1)} disabled={current == last}>{ "Next step" }</button>
            </div>
            if !bars.is_empty() {
                <BarChart id="present-chart" title="Weekly cost so far" bars={bars} />
            }
        </div>
    }
}
