//! Worked examples for trainers: each a short story, its before and after figures, and
//! buttons to open it in the calculator (as an editable copy), present it step by step, or
//! print it as a one-page handout (the browser's print dialog, with the handout alone).

use crate::calc::calculate;
use crate::ui::examples::data::load_example;
use crate::ui::examples::data::EXAMPLES;
use crate::ui::examples::handout::Handout;
use crate::ui::state::context::use_form;
use crate::ui::state::NavAction;
use crate::ui::state::View;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct Props {
    /// A handout prints the page, so only on the standalone page: embedded, the council's
    /// own page around it would print too.
    #[prop_or(true)]
    pub standalone: bool,
}

#[component]
pub fn ExamplesView(props: &Props) -> Html {
    let form = use_form();
    let standalone = props.standalone;
    // The example whose handout is printing: rendered (for print only) and printed once it is
    // in the page; gone again after the print dialog, so printing the page prints the list.
    let handout = use_state_eq(|| None::<usize>);
    {
        let handout = handout.clone();
        use_effect_with(*handout, move |printing| {
            let listener = printing.and_then(|_| {
                let window = web_sys::window()?;
                // Listening first: Chromium's print() returns only after the dialog has closed.
                let listener = gloo::events::EventListener::once(&window, "afterprint", move |_| handout.set(None));
                let _ = window.print();
                Some(listener)
            });
            move || drop(listener)
        });
    }
    html! {
        <>
            <div class={classes!(handout.is_some().then_some("no-print"))}>
            <h1 class="heading-l">{ "Worked examples" }</h1>
            <p class="lead">{ if standalone {
                "Everyday reablement cases for training. Open one in the calculator to change it, present its working one step at a time, or print it as a one-page handout."
            } else {
                "Everyday reablement cases for training. Open one in the calculator to change it, or present its working one step at a time."
            } }</p>
            <ul class="examples">
                { for EXAMPLES.iter().enumerate().map(|(index, example)| {
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
                    let print = {
                        let handout = handout.clone();
                        Callback::from(move |_: MouseEvent| handout.set(Some(index)))
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
                                if standalone {
                                    <button type="button" class="button button--secondary" onclick={print}>
                                        { "Print a handout" }<span class="visually-hidden">{ format!(" for {}", example.name) }</span>
                                    </button>
                                }
                            </div>
                        </li>
                    }
                }) }
            </ul>
            </div>
            if let Some(example) = *handout {
                <Handout {example} />
            }
        </>
    }
}
