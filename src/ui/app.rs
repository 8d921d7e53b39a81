//! The single-person calculator page: the form on one side, the result beside it (below it on
//! a narrow screen), then the working. Everything shown comes from one `calc` call per change.

use super::after::AfterPackage;
use super::draft::{Draft, Which};
use super::error_summary::ErrorSummary;
use super::examples::ARTHUR;
use super::fields::{field_id, focus_by_id, use_form, Form, Input};
use super::goals::Goals;
use super::package::PackageEditor;
use super::results::Results;
use super::settings::Settings;
use super::state::{Action, Confirm, Setting, State};
use super::storage::{self, Loaded};
use super::working::Working;
use super::Host;
use crate::calc::explain::{explain, Section};
use crate::calc::{calculate, Calculation, FieldMessage, Scenario};
use std::rc::Rc;
use yew::prelude::*;

/// What one render needs from `calc`, worked out once per change of the draft.
#[derive(PartialEq)]
pub struct Computed {
    pub calculation: Option<Rc<Calculation>>,
    pub sections: Rc<Vec<Section>>,
    pub errors: Rc<Vec<FieldMessage>>,
}

pub fn compute(draft: &Draft) -> Computed {
    match Scenario::from_json(&draft.to_value()) {
        Ok(scenario) => {
            let calculation = calculate(&scenario);
            let sections = explain(&scenario, &calculation);
            Computed { calculation: Some(Rc::new(calculation)), sections: Rc::new(sections), errors: Rc::default() }
        }
        Err(errors) => Computed { calculation: None, sections: Rc::default(), errors: Rc::new(errors) },
    }
}

const TITLE: &str = "Reablement outcome calculator";

fn initial_state(host: &Host) -> State {
    if !host.standalone {
        return State::default();
    }
    match storage::load_draft() {
        Loaded::Nothing => State::default(),
        Loaded::Draft(draft) => State::new(draft, Some("Your draft from this device has been restored.".into())),
        Loaded::SetAside => State::new(
            Draft::default(),
            Some("A draft stored on this device could not be read, so it has been kept aside and a new form started. “Clear data on this device” removes it.".into()),
        ),
    }
}

#[component]
pub fn App() -> Html {
    let host = use_context::<Host>().unwrap_or_default();
    let state = use_reducer({
        let host = host.clone();
        move || initial_state(&host)
    });
    let computed = use_memo(state.draft.clone(), compute);
    let summary = use_node_ref();
    let results_heading = use_node_ref();

    // Keep the draft on the device (standalone page only; an embed never touches storage).
    {
        let standalone = host.standalone;
        use_effect_with(state.draft.clone(), move |draft| {
            if standalone {
                storage::save_draft(draft);
            }
        });
    }
    // "Error: " in the page title while errors show.
    let has_errors = state.show_errors && !computed.errors.is_empty();
    {
        let standalone = host.standalone;
        use_effect_with(has_errors, move |has_errors| {
            if standalone {
                let title = if *has_errors { format!("Error: {TITLE}") } else { TITLE.to_string() };
                gloo::utils::document().set_title(&title);
            }
        });
    }
    // After an add or remove: focus the new field, or the list it was removed from.
    let page = use_node_ref();
    {
        let page = page.clone();
        let target = state.focus.clone();
        use_effect_with(state.focus_seq, move |_| {
            if let Some(path) = target {
                focus_by_id(page.get().as_ref(), &field_id(&path));
            }
        });
    }
    // After "Show the result": focus the error summary, or the result.
    {
        let summary = summary.clone();
        let results_heading = results_heading.clone();
        let has_errors = !computed.errors.is_empty();
        use_effect_with(state.submit_count, move |count| {
            if *count > 0 {
                let target = if has_errors { summary.cast::<web_sys::HtmlElement>() } else { results_heading.cast::<web_sys::HtmlElement>() };
                if let Some(el) = target {
                    let _ = el.focus();
                    el.scroll_into_view_with_bool(true);
                }
            }
        });
    }

    let form = Form { dispatch: state.dispatcher(), errors: computed.errors.clone(), show_errors: state.show_errors };
    let onsubmit = {
        let dispatch = state.dispatcher();
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            dispatch.dispatch(Action::Submit);
        })
    };
    let draft = Rc::new(state.draft.clone());
    let blank = state.draft.before.visits.is_empty() && state.draft.before.other_costs.is_empty();
    html! {
        <ContextProvider<Form> context={form.clone()}>
            <div class="rc-page" ref={page}>
                <div class="rc-intro">
                    <h1 class="heading-l">{ "Work out what reablement achieved" }</h1>
                    <p class="lead">{ "Enter the person's goals and their care package. The calculator shows the cost of care per week before reablement and 28 days after it ends, and compares it with the baseline." }</p>
                    <div class="inset">
                        <p>{ "Everything stays on this device: nothing is sent anywhere. Use a case reference only — do not type names or NHS numbers." }</p>
                    </div>
                    <div class="button-group no-print">
                        <button type="button" class="button button--secondary"
                            onclick={form.on_click(Action::Load(Box::new(ARTHUR.draft()), "Arthur's example is loaded. Change any answer to see how the result changes.".into()))}>
                            { "Load Arthur's example" }
                        </button>
                    </div>
                    if let Some(notice) = &state.notice {
                        <div class="notice no-print" role="status">
                            <p>{ notice.clone() }</p>
                            <button type="button" class="button button--link" onclick={form.on_click(Action::DismissNotice)}>{ "Hide this message" }</button>
                        </div>
                    }
                </div>
                if has_errors {
                    <ErrorSummary errors={computed.errors.clone()} node={summary.clone()} />
                }
                <div class="rc-layout">
                    <form class="rc-form" novalidate=true {onsubmit} aria-label="Case details">
                        <section class="section" aria-labelledby="case-heading">
                            <h2 class="heading-m" id="case-heading">{ "1. About this case" }</h2>
                            <Input path="reference" label={html!{ "Case reference (optional)" }} width="w-10"
                                hint={html!{ "Your team's case or referral number, for example AB-1234. Not a name or NHS number." }}
                                value={state.draft.reference.clone()} oninput={form.on_text(|t| Action::Set(Setting::Reference, t))} />
                        </section>
                        <Goals goals={state.draft.goals.clone()} />
                        <section class="section" id="f-before" tabindex="-1" aria-labelledby="before-heading">
                            <h2 class="heading-m" id="before-heading">{ "3. Care package before reablement" }</h2>
                            <PackageEditor which={Which::Before} package={state.draft.before.clone()} goals={state.draft.goals.clone()}
                                settings_rate={state.draft.hourly_rate.clone()} />
                        </section>
                        <AfterPackage draft={draft.clone()} calculation={computed.calculation.clone()} />
                        <Settings draft={draft.clone()} />
                        <div class="button-group no-print">
                            <button type="submit" class="button">{ "Show the result" }</button>
                        </div>
                    </form>
                    <aside class="rc-results" aria-label="Result">
                        <Results outcome={computed.calculation.as_ref().map(|c| Rc::new(c.outcome.clone()))}
                            error_count={computed.errors.len()} show_errors={state.show_errors} blank={blank}
                            heading={results_heading} />
                    </aside>
                </div>
                if computed.calculation.is_some() && !blank {
                    <Working sections={computed.sections.clone()} />
                }
                <PageActions confirm={state.confirm} standalone={host.standalone} />
            </div>
        </ContextProvider<Form>>
    }
}

#[derive(Properties, PartialEq)]
struct PageActionsProps {
    confirm: Option<Confirm>,
    standalone: bool,
}

/// Print, start again and clear data, with a question before anything is lost.
#[component]
fn PageActions(props: &PageActionsProps) -> Html {
    let form = use_form();
    let print = Callback::from(|_| {
        if let Some(w) = web_sys::window() {
            let _ = w.print();
        }
    });
    let yes = {
        let dispatch = form.dispatch.clone();
        let confirm = props.confirm;
        Callback::from(move |_| match confirm {
            Some(Confirm::ClearDevice) => {
                let removed = storage::clear_all();
                dispatch.dispatch(Action::StartAgain(format!(
                    "Everything this calculator stored on this device has been removed ({removed} {}).",
                    if removed == 1 { "item" } else { "items" }
                )));
            }
            _ => dispatch.dispatch(Action::StartAgain("The form has been emptied.".into())),
        })
    };
    html! {
        <div class="page-actions no-print">
            if let Some(confirm) = props.confirm {
                <div class="confirm" role="alertdialog" aria-labelledby="confirm-title">
                    <h2 class="heading-s" id="confirm-title">{ match confirm {
                        Confirm::StartAgain => "Start again? Everything entered in the form will be removed.",
                        Confirm::ClearDevice => "Clear data on this device? Your draft and anything else this calculator stored here will be removed.",
                    } }</h2>
                    <div class="button-group">
                        <button type="button" class="button button--warning" onclick={yes}>{ match confirm {
                            Confirm::StartAgain => "Yes, start again",
                            Confirm::ClearDevice => "Yes, clear data",
                        } }</button>
                        <button type="button" class="button button--secondary" onclick={form.on_click(Action::CancelConfirm)}>{ "Cancel" }</button>
                    </div>
                </div>
            } else {
                <div class="button-group">
                    <button type="button" class="button button--secondary" onclick={print}>{ "Print or save as PDF" }</button>
                    <button type="button" class="button button--secondary" onclick={form.on_click(Action::Ask(Confirm::StartAgain))}>{ "Start again" }</button>
                    if props.standalone {
                        <button type="button" class="button button--secondary" onclick={form.on_click(Action::Ask(Confirm::ClearDevice))}>{ "Clear data on this device" }</button>
                    }
                </div>
            }
        </div>
    }
}
