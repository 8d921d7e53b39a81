//! Presentation mode for a projector: the working one step at a time in large type, moved on
//! by a clicker or the keyboard (→, Space or Page Down; ← or Page Up; Home; End; Esc leaves)
//! or buttons, with the chart building up as each package's total (and each week of
//! reablement) is reached. The keys and
//! full screen are in `present_controls`; this file is what the slides say.

use crate::calc::explain::Section;
use crate::calc::Outcome;
use crate::ui::examples::present_controls::{step_after, use_fullscreen, use_present_keys, Move};
use crate::ui::examples::present_weeks::bars_so_far;
use crate::ui::state::context::use_form;
use crate::ui::state::NavAction;
use crate::ui::widgets::chart::BarChart;
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub sections: Rc<Vec<Section>>,
    pub outcome: Option<Rc<Outcome>>,
    /// Whose working it is: a worked example's name or the scenario's case reference.
    #[prop_or_default]
    pub who: Option<AttrValue>,
    /// On the standalone page the keys work also while focus is on the page's body.
    #[prop_or(true)]
    pub standalone: bool,
}

#[component]
pub fn Presentation(props: &Props) -> Html {
    let form = use_form();
    let step = use_state(|| 0usize);
    let root = use_node_ref();
    let leave = form.on_click(NavAction::LeavePresentation.into());
    let (can_fill_screen, filling_screen, toggle_full_screen) = use_fullscreen(root.clone());
    // Every step in order, with the section it belongs to; a section's last step is its total.
    let steps: Vec<(usize, &str)> = props
        .sections
        .iter()
        .enumerate()
        .flat_map(|(s, section)| section.steps.iter().map(move |t| (s, t.as_str())))
        .collect();
    let last = steps.len().saturating_sub(1);
    let current = (*step).min(last);
    {
        let (step, dispatch) = (step.clone(), form.dispatch.clone());
        let on_move =
            use_callback((current, last), move |to: Move, (current, last)| match step_after(to, *current, *last) {
                Some(next) => step.set(next),
                None => dispatch.dispatch(NavAction::LeavePresentation.into()),
            });
        use_present_keys(root.clone(), props.standalone, on_move);
    }
    let bar = html! {
        <div class="present__bar no-print">
            <h1 class="heading-m">{ "Presentation: how the outcome is worked out" }</h1>
            <div class="button-group">
                if can_fill_screen {
                    <button type="button" class="button button--secondary" onclick={toggle_full_screen}>
                        { if filling_screen { "Leave full screen" } else { "Full screen" } }
                    </button>
                }
                <button type="button" class="button button--secondary" onclick={leave.clone()}>{ "Leave presentation" }</button>
            </div>
        </div>
    };
    let Some(outcome) = props.outcome.clone() else {
        return html! {
            <div class="present" ref={root}>
                { bar }
                <p>{ "There is no complete scenario to present. Load a worked example or finish the answers first." }</p>
            </div>
        };
    };
    // aria-disabled, not disabled: a button that had focus keeps it at the first or last step,
    // so the keys still work after a click on it.
    let go = |to: usize, inactive: bool| {
        let step = step.clone();
        Callback::from(move |_: MouseEvent| {
            if !inactive {
                step.set(to.min(last))
            }
        })
    };
    let bars = bars_so_far(&props.sections, &outcome, current);
    let (section, text) = steps.get(current).copied().unwrap_or((0, ""));
    html! {
        <div class="present" ref={root}>
            { bar }
            <div class="present__stage" tabindex="0"
                aria-roledescription="presentation" aria-label="Working, one step at a time. Use the arrow keys or Page Up and Page Down to move, and Esc to leave.">
                <p class="present__meta">
                    if let Some(who) = &props.who {
                        <span class="present__who">{ who.clone() }</span>
                    }
                    <span class="present__count">{ format!("Step {} of {}", current + 1, steps.len()) }</span>
                </p>
                <p class="present__section">{ props.sections.get(section).map(|s| s.title.clone()).unwrap_or_default() }</p>
                <p class="present__step" aria-live="polite">{ crate::ui::widgets::format::keep_sign_with_amount(text) }</p>
            </div>
            <div class="button-group present__controls">
                <button type="button" class="button button--secondary" onclick={go(current.saturating_sub(1), current == 0)}
                    aria-disabled={(current == 0).then_some("true")}>{ "Previous step" }</button>
                <button type="button" class="button" onclick={go(current + 1, current == last)}
                    aria-disabled={(current == last).then_some("true")}>{ "Next step" }</button>
            </div>
            if !bars.is_empty() {
                <BarChart id="present-chart" title="Weekly cost so far" bars={bars} />
            }
        </div>
    }
}
