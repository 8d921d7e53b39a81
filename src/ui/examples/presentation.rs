//! Presentation mode for a projector and a classroom: who the person is and their goals,
//! which visit serves which goal, then the working one step at a time in large type, an
//! ending in plain words and the next example (the slides are `present_story`'s). Moved on
//! by a clicker or the keyboard (→, Space or Page Down; ← or Page Up; Home; End; Esc leaves)
//! or buttons, with the chart building up as each package's total (and each week of
//! reablement) is reached. In full screen each slide fits the screen, the chart taking the
//! room left (www/app.css). The keys and full screen are in `present_controls`.

use crate::calc::explain::Section;
use crate::calc::{Outcome, Scenario};
use crate::ui::examples::data::{load_example, EXAMPLES};
use crate::ui::examples::present_controls::{step_after, use_fullscreen, use_present_keys, Move};
use crate::ui::examples::present_story::{example_index, slides, who, Body, Slide};
use crate::ui::examples::present_weeks::bars_so_far;
use crate::ui::state::context::use_form;
use crate::ui::state::draft::Draft;
use crate::ui::state::{NavAction, View};
use crate::ui::widgets::chart::BarChart;
use crate::ui::widgets::format::keep_sign_with_amount;
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub sections: Rc<Vec<Section>>,
    pub outcome: Option<Rc<Outcome>>,
    /// The form's answers: whose working it is (a worked example unchanged, or the case
    /// reference), the goals and the visits.
    pub draft: Draft,
    /// On the standalone page the keys work also while focus is on the page's body.
    #[prop_or(true)]
    pub standalone: bool,
}

/// Whose working is presented (a worked example's name, else the case reference) and its slides.
#[derive(PartialEq)]
struct Presented {
    who: Option<String>,
    slides: Vec<Slide>,
}

fn presented(draft: &Draft, sections: &[Section], outcome: Option<&Outcome>) -> Presented {
    let Some(scenario) = Scenario::from_json(&draft.to_value()).ok() else {
        return Presented { who: None, slides: Vec::new() };
    };
    let example = example_index(&scenario);
    Presented {
        who: who(example.map(|i| &EXAMPLES[i]), &scenario),
        slides: outcome.map(|o| slides(&scenario, example, sections, o)).unwrap_or_default(),
    }
}

#[component]
pub fn Presentation(props: &Props) -> Html {
    let form = use_form();
    let step = use_state(|| 0usize);
    let root = use_node_ref();
    let stage = use_node_ref();
    let leave = form.on_click(NavAction::LeavePresentation.into());
    // Going full screen puts focus on the slide, so Space goes on (not "Leave full screen").
    let (can_fill_screen, filling_screen, toggle_full_screen) = use_fullscreen(root.clone(), stage.clone());
    let presented =
        use_memo((props.draft.clone(), props.sections.clone(), props.outcome.clone()), |(draft, sections, outcome)| {
            presented(draft, sections, outcome.as_deref())
        });
    let all = &presented.slides;
    let last = all.len().saturating_sub(1);
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
    let (Some(outcome), Some(slide)) = (props.outcome.clone(), all.get(current)) else {
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
    let bars = slide.chart_step.map(|s| bars_so_far(&props.sections, &outcome, s)).unwrap_or_default();
    let body = match &slide.body {
        Body::Text(text) => {
            let class = if slide.chart_step.is_none() { "present__step present__step--long" } else { "present__step" };
            html! { <p {class}>{ keep_sign_with_amount(text) }</p> }
        }
        Body::List(lines) => html! {
            <ul class="present__list">{ for lines.iter().map(|line| html! { <li>{ keep_sign_with_amount(line) }</li> }) }</ul>
        },
        Body::Ending { headline, detail } => html! {
            <>
                <p class="present__step present__ending">{ keep_sign_with_amount(headline) }</p>
                <p class="present__detail">{ keep_sign_with_amount(detail) }</p>
            </>
        },
        Body::Next(i) => {
            let example = &EXAMPLES[*i];
            // The next example replaces the form (its notice offers the previous answers
            // back), from its first slide; Esc then returns to the worked examples, on its
            // "Present step by step" button.
            let present_next = {
                let load = load_example(&form.dispatch, example);
                let (dispatch, step, stage) = (form.dispatch.clone(), step.clone(), stage.clone());
                Callback::from(move |e: MouseEvent| {
                    load.emit(e);
                    let button = format!("present-{}", example.key);
                    dispatch.dispatch(NavAction::Present { from: View::Examples, button }.into());
                    step.set(0);
                    if let Some(stage) = stage.cast::<web_sys::HtmlElement>() {
                        let _ = stage.focus();
                    }
                })
            };
            html! {
                <>
                    <p class="present__step">{ format!("{}: {}.", example.name, example.title) }</p>
                    <button type="button" class="button" onclick={present_next}>{ format!("Present {}'s example", example.name) }</button>
                </>
            }
        }
    };
    html! {
        <div class="present" ref={root}>
            { bar }
            <div class="present__stage" tabindex="0" ref={stage}
                aria-roledescription="presentation" aria-label="Slides, one at a time. Use the arrow keys, Space or Page Up and Page Down to move, and Esc to leave.">
                <p class="present__meta">
                    if let Some(who) = &presented.who {
                        <span class="present__who">{ who.clone() }</span>
                    }
                    <span class="present__count">{ format!("Step {} of {}", current + 1, all.len()) }</span>
                </p>
                <p class="present__section">{ slide.section.clone() }</p>
                <div class="present__body" aria-live="polite">{ body }</div>
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
