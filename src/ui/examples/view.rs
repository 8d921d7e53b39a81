//! Worked examples for trainers: each a short story, its before and after figures, and
//! buttons to open it in the calculator (as an editable copy) or present it step by step.

use crate::calc::calculate;
use crate::ui::examples::data::load_example;
use crate::ui::examples::data::EXAMPLES;
use crate::ui::state::context::use_form;
use crate::ui::state::NavAction;
use crate::ui::state::View;
use yew::prelude::*;

#[component]
pub fn ExamplesView() -> Html {
    let form = use_form();
    html! {
        <>
            <h1 class="heading-l">{ "Worked examples" }</h1>
            <p class="lead">{ "Everyday reablement cases for training. Open one in the calculator to change it, or present its working one step at a time." }</p>
            <ul class="examples">
                { for EXAMPLES.iter().map(|example| {
                    let outcome = calculate(&example.scenario()).outcome;
                    let present_id = format!("present-{}", example.key);
                    let present = {
                        let load = load_example(&form.dispatch, example);
                        let (dispatch, button) = (form.dispatch.clone(), present_id.clone());
                        Callback::from(move |e: MouseEvent| {
                            load.emit(e);
                            dispatch.dispatch(NavAction::Present { from: View::Examples, button: button.clone() }.into());
                        })
                    };
                    // The view first, then the example: its notice (with "Put back my previous
                    // answers") is the calculator's, and a change of view would clear it.
                    let open = {
                        let load = load_example(&form.dispatch, example);
                        let dispatch = form.dispatch.clone();
                        Callback::from(move |e: MouseEvent| {
                            dispatch.dispatch(NavAction::Show(View::Calculator).into());
                            load.emit(e);
                        })
                    };
                    let heading_id = format!("example-{}", example.key);
                    html! {
                        <li class="example card" aria-labelledby={heading_id.clone()}>
                            <h2 class="heading-m" id={heading_id}>{ format!("{}: {}", example.name, example.title) }</h2>
                            <p>{ example.story }</p>
                            <p class="example__figures">
                                { format!("Before {} a week, after {} a week.", outcome.before.weekly_pence.display(), outcome.after.weekly_pence.display()) }
                            </p>
                            <div class="button-group">
                                <button type="button" class="button button--secondary" onclick={open}>
                                    { "Open in the calculator" }<span class="visually-hidden">{ format!(" for {}", example.name) }</span>
                                </button>
                                <button type="button" class="button button--secondary" id={present_id} onclick={present}>
                                    { "Present step by step" }<span class="visually-hidden">{ format!(" for {}", example.name) }</span>
                                </button>
                            </div>
                        </li>
                    }
                }) }
            </ul>
        </>
    }
}
