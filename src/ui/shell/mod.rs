//! The app shell, the only module that knows the screens: it holds the state (`ui::state`),
//! keeps the draft and the saved list on the device, moves focus where a user expects it, and
//! navigates between the calculator, the saved list, the worked examples, the presentation
//! and the whole-service view. Everything shown comes from one `calc` call per change of the
//! draft.

use crate::ui::browser::focus::{focus_by_id, focus_new_view};
use crate::ui::browser::storage::{self, Stored};
use crate::ui::browser::{history, share};
use crate::ui::calculator::Calculator;
#[cfg(feature = "views")]
use crate::ui::examples::presentation::Presentation;
#[cfg(feature = "views")]
use crate::ui::examples::view::ExamplesView;
#[cfg(feature = "views")]
use crate::ui::saved::SavedView;
#[cfg(feature = "views")]
use crate::ui::service::ServiceView;
use crate::ui::state::computed::compute;
use crate::ui::state::context::{use_form, Form};
use crate::ui::state::draft::Draft;
use crate::ui::state::route;
use crate::ui::state::saved::SavedScenario;
use crate::ui::state::{Action, Confirm, State, View};
use crate::ui::state::{FormAction, NavAction, SavedAction};
use crate::ui::widgets::fields::field_id;
use std::rc::Rc;
use yew::prelude::*;

mod skip;

const TITLE: &str = "Reablement outcome calculator";

/// What the app renders first: an empty form on the screen asked for (the same on the server,
/// which prerenders it, as in the browser), or, embedded, what the element asked for.
fn initial_state(
    embedded: Option<&Draft>,
    view: View,
    requested: bool,
    handover: Option<&crate::ui::state::Handover>,
) -> State {
    if let Some(draft) = embedded {
        // Embedded: start from what the element asked for (its example, baseline, rate).
        return State::new(draft.clone(), None);
    }
    let state = match handover {
        Some(handover) => handover.clone().into_state(view),
        None => State { view, ..State::default() },
    };
    State { view_seq: u32::from(requested), ..state }
}

/// What this device has kept (the draft and the saved list), as an action applied after
/// start-up. `quiet`: no notice that the draft is back (the whole app taking over from the
/// first screen reads the draft the first screen has just stored).
fn stored_on_device(quiet: bool) -> NavAction {
    let (draft, mut notice) = match storage::load_draft() {
        Stored::Nothing => (None, None),
        Stored::Found(draft) => (Some(Box::new(draft)), Some("Your draft from this device has been restored.".into())),
        Stored::SetAside => (
            None,
            Some("A draft stored on this device could not be read, so it has been kept aside and a new form started. “Clear data on this device” removes it.".into()),
        ),
    };
    if quiet {
        notice = None;
    }
    let saved = match storage::load_saved() {
        Stored::Found(saved) => saved,
        Stored::Nothing => Vec::new(),
        Stored::SetAside => {
            notice = Some("The scenarios saved on this device could not be read, so they have been kept aside. “Clear data on this device” removes them.".into());
            Vec::new()
        }
    };
    NavAction::Restore { draft, saved, notice }
}

#[derive(Properties, PartialEq, Default)]
pub struct AppProps {
    /// The screen to open on (the whole app taking over from the first screen opens the one
    /// asked for there).
    #[prop_or_default]
    pub view: View,
    /// The user asked for `view` on the first screen (rather than the address naming it at
    /// start-up): it gets its address and its heading takes focus, as any change of view does.
    #[prop_or_default]
    pub requested: bool,
    /// What the first screen's app had in memory, when the whole app takes over from it.
    #[prop_or_default]
    pub handover: Option<Rc<crate::ui::state::Handover>>,
    /// Embedded in another site's page, starting from this form (an element's example,
    /// baseline and rate): the app then never touches the device's storage, the address or
    /// the page's title. `None`: the app is the page.
    #[prop_or_default]
    pub embedded: Option<Rc<Draft>>,
    /// Told what the app holds in memory whenever it changes (the form, answers an example
    /// replaced, the notice), for whoever may take the app off the page and mount another in
    /// its place (the first screen's module, handing over to the whole app's).
    #[prop_or_default]
    pub on_handover: Option<Callback<crate::ui::state::Handover>>,
}

#[component]
pub fn App(props: &AppProps) -> Html {
    let standalone = props.embedded.is_none();
    let state = use_reducer({
        let embedded = props.embedded.clone();
        let (view, requested, handover) = (props.view, props.requested, props.handover.clone());
        move || initial_state(embedded.as_deref(), view, requested, handover.as_deref())
    });
    let computed = use_memo(state.draft.clone(), compute);
    let summary = use_node_ref();
    let results_heading = use_node_ref();
    let page = use_node_ref();

    // What the device has kept is applied once the app has started, never rendered on the
    // server: the first render is the same empty form as the prerendered page. `on_device`
    // is the saved list as the device has it, so reading it is not taken for a change.
    let on_device = use_mut_ref(Vec::<SavedScenario>::new);
    {
        // Taking over from the first screen: its draft came along, only the saved list is read.
        let handed_over = props.handover.is_some();
        let quiet = props.view != View::Calculator || handed_over;
        let dispatch = state.dispatcher();
        let on_device = on_device.clone();
        use_effect_with((), move |_| {
            if standalone {
                let mut action = stored_on_device(quiet);
                if let (NavAction::Restore { draft, .. }, true) = (&mut action, handed_over) {
                    *draft = None;
                }
                if let NavAction::Restore { saved, .. } = &action {
                    *on_device.borrow_mut() = saved.clone();
                }
                dispatch.dispatch(Action::Nav(action));
            }
        });
    }
    // Keep the draft on the device (standalone page only; an embed never touches storage),
    // from the first change on: the empty first render must not remove a stored draft.
    {
        let first = use_mut_ref(|| true);
        use_effect_with((state.draft.clone(), state.council.clone()), move |(draft, council)| {
            if standalone && !first.replace(false) {
                storage::save_draft(draft, &council.figures());
            }
        });
    }
    // The council's own figures (council.json), read once after start-up: standalone only (an
    // embed gets its figures from its attributes).
    {
        let dispatch = state.dispatcher();
        use_effect_with((), move |_| {
            if standalone {
                wasm_bindgen_futures::spawn_local(async move {
                    let file = crate::ui::browser::council::load().await;
                    if file != crate::calc::council::CouncilFile::Absent {
                        dispatch.dispatch(FormAction::Council(Rc::new(file)).into());
                    }
                });
            }
        });
    }
    // What the whole app needs if it takes over from this first screen's module.
    #[cfg(feature = "start")]
    {
        let handover = crate::ui::state::Handover::from_state(&state);
        let on_handover = props.on_handover.clone();
        use_effect_with(handover, move |handover| {
            if let Some(on_handover) = on_handover {
                on_handover.emit(handover.clone());
            }
        });
    }
    // Keep the saved list on the device when it changes.
    {
        let dispatch = state.dispatcher();
        use_effect_with(state.saved.clone(), move |saved| {
            if !standalone || *on_device.borrow() == *saved {
                return;
            }
            *on_device.borrow_mut() = saved.clone();
            if !storage::save_saved(saved) {
                dispatch.dispatch(NavAction::Notice("This device would not store the saved scenarios (its storage may be full). Download them as a file to keep them.".into()).into());
            } else if !saved.is_empty() {
                // The first save: ask the browser to keep them (said on the saved list).
                crate::ui::browser::lasting::ask_once();
            }
        });
    }
    // A share link: read the scenario in the address, then ask before it replaces the form.
    // Then the address names the view: show it (the first render is the calculator's, and
    // the address is read here, not while rendering); Back and Forward change the view.
    {
        let dispatch = state.dispatcher();
        use_effect_with((), move |_| {
            // Until this app is taken off the page: a link read just before the whole app takes
            // over is left in the address for the whole app to read, not lost with this one.
            let alive = Rc::new(std::cell::Cell::new(true));
            let on_page = alive.clone();
            let listener = standalone.then(|| {
                let hash = history::hash();
                match share::code_in_address() {
                    Some(code) => open_share_link(code, dispatch.clone(), on_page.clone()),
                    None => match route::view_for_hash(&hash) {
                        Some(View::Calculator) | None => {}
                        Some(view) => dispatch.dispatch(NavAction::Arrive(view).into()),
                    },
                }
                history::listen(move |hash| match share::code_in_address() {
                    Some(code) => open_share_link(code, dispatch.clone(), on_page.clone()),
                    None => {
                        if let Some(view) = route::view_for_hash(&hash) {
                            dispatch.dispatch(NavAction::Show(view).into());
                        }
                    }
                })
            });
            move || {
                alive.set(false);
                drop(listener)
            }
        });
    }
    // A change of view the user made: its own address in the history (standalone), the top
    // of the page, and focus on its heading (or back on the button that started presentation).
    {
        let (page, view, return_focus) = (page.clone(), state.view, state.return_focus.clone());
        use_effect_with(state.view_seq, move |seq| {
            if *seq > 0 {
                if standalone && route::view_for_hash(&history::hash()) != Some(view) {
                    history::push(route::hash_for(view));
                }
                if let Some(page) = page.cast::<web_sys::Element>() {
                    focus_new_view(&page, return_focus.as_deref(), standalone);
                }
            }
        });
    }
    // "Error: " in the page title while errors show: the calculator's once it has been
    // submitted, the whole-service view's figures as they are typed.
    let service_errors = use_state_eq(|| false);
    let has_errors = (state.show_errors && !computed.errors.is_empty() && state.view == View::Calculator)
        || (*service_errors && state.view == View::Service);
    {
        use_effect_with((has_errors, state.view), move |(has_errors, view)| {
            if standalone {
                let title = match route::title_for(*view) {
                    Some(view) => format!("{view} – {TITLE}"),
                    None => TITLE.to_string(),
                };
                let title = if *has_errors { format!("Error: {title}") } else { title };
                gloo::utils::document().set_title(&title);
            }
        });
    }
    // After an add or remove: focus the new field, or the list it was removed from.
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
                let target = if has_errors {
                    summary.cast::<web_sys::HtmlElement>()
                } else {
                    results_heading.cast::<web_sys::HtmlElement>()
                };
                if let Some(el) = target {
                    let _ = el.focus();
                    el.scroll_into_view_with_bool(true);
                }
            }
        });
    }

    let form = Form { dispatch: state.dispatcher(), errors: computed.errors.clone(), show_errors: state.show_errors };
    let tab = |view: View, words: &'static str| {
        let current = state.view == view || (view == View::Examples && state.view == View::Present);
        html! {
            <li><button type="button" class={if current { "nav__item nav__item--current" } else { "nav__item" }}
                aria-current={current.then_some("page")} onclick={form.on_click(NavAction::Show(view).into())}>{ words }</button></li>
        }
    };
    let state_rc = Rc::new((*state).clone());
    // The service view keeps its file and figures while another tab is open: once opened,
    // it stays mounted and is only hidden (a service manager switching to one person and
    // back should not have to choose the file again).
    let service_opened = use_mut_ref(|| false);
    if state.view == View::Service {
        *service_opened.borrow_mut() = true;
    }
    let service_opened = *service_opened.borrow();
    html! {
        <ContextProvider<Form> context={form.clone()}>
            <div class="rc-page" ref={page.clone()}>
                if standalone && state.view == View::Calculator {
                    <skip::SkipLink />
                }
                <nav class="nav no-print" aria-label="Calculator">
                    <ul class="nav__list">
                        { tab(View::Calculator, "One person") }
                        if standalone {
                            { tab(View::Saved, "Saved") }
                        }
                        { tab(View::Examples, "Worked examples") }
                        { tab(View::Service, "Whole service") }
                    </ul>
                </nav>
                if let Some(notice) = state.notice.as_ref().filter(|_| state.view != View::Present) {
                    <div class="notice no-print" role="status">
                        <p>{ notice.clone() }</p>
                        <div class="button-group">
                            if state.replaced.is_some() {
                                <button type="button" class="button button--link" onclick={form.on_click(FormAction::Undo.into())}>{ "Put back my previous answers" }</button>
                            }
                            if state.deleted.is_some() {
                                <button type="button" class="button button--link" onclick={form.on_click(SavedAction::UndoDelete.into())}>{ "Undo" }</button>
                            }
                            <button type="button" class="button button--link" onclick={form.on_click(NavAction::DismissNotice.into())}>{ "Hide this message" }</button>
                        </div>
                    </div>
                }
                if let Some(incoming) = &state.incoming {
                    <IncomingLink draft={(**incoming).clone()} />
                }
                { match state.view {
                    View::Calculator => html! {
                        <>
                            <Calculator state={state_rc} computed={computed.clone()} summary={summary} results_heading={results_heading} standalone={standalone} />
                            <PageActions confirm={state.confirm} standalone={standalone} />
                        </>
                    },
                    #[cfg(feature = "views")]
                    View::Examples => html! { <ExamplesView /> },
                    #[cfg(feature = "views")]
                    View::Present => html! {
                        <Presentation sections={computed.sections.clone()} outcome={computed.calculation.as_ref().map(|c| Rc::new(c.outcome.clone()))}
                            who={who_is_presented(&state.draft)} standalone={standalone} />
                    },
                    #[cfg(feature = "views")]
                    View::Service => html! {},
                    #[cfg(feature = "views")]
                    View::Saved => html! { <SavedView saved={state.saved.clone()} compare={state.compare.clone()} /> },
                    #[cfg(not(feature = "views"))]
                    other => html! { <OpenView view={other} requested={state.view_seq > 0} page={page.clone()} /> },
                } }
                if service_opened {
                    <div hidden={state.view != View::Service}>
                        { service_view(&service_errors, Rc::new(state.council.figures())) }
                    </div>
                }
            </div>
        </ContextProvider<Form>>
    }
}
/// The whole-service view, which stays mounted once opened.
#[cfg(feature = "views")]
fn service_view(errors: &UseStateHandle<bool>, council: Rc<crate::calc::council::Figures>) -> Html {
    let errors = errors.setter();
    html! { <ServiceView {council} on_errors={Callback::from(move |e| errors.set(e))} /> }
}

#[cfg(not(feature = "views"))]
fn service_view(_errors: &UseStateHandle<bool>, _council: Rc<crate::calc::council::Figures>) -> Html {
    html! {}
}

#[cfg(not(feature = "views"))]
#[derive(Properties, PartialEq)]
struct OpenViewProps {
    view: View,
    /// The user asked for the view (not the address at start-up): the whole app then gives
    /// it its address and focuses its heading.
    requested: bool,
    page: NodeRef,
}

/// The first screen's module has only the calculator: any other screen asks the page to load
/// the whole app, which takes over (`index.html`). The page's element gets `data-view` and a
/// `reablement:open` event (and `data-requested` when the user asked for the view, not the
/// address at start-up); meanwhile this says what is happening.
#[cfg(not(feature = "views"))]
#[component]
fn OpenView(props: &OpenViewProps) -> Html {
    {
        let page = props.page.clone();
        use_effect_with((props.view, props.requested), move |(view, requested)| {
            let root = page.cast::<web_sys::Element>().and_then(|p| p.parent_element());
            if let Some(root) = root {
                let _ = root.set_attribute("data-view", view.name());
                let _ = match requested {
                    true => root.set_attribute("data-requested", ""),
                    false => root.remove_attribute("data-requested"),
                };
                let init = web_sys::EventInit::new();
                init.set_bubbles(true);
                if let Ok(event) = web_sys::Event::new_with_event_init_dict("reablement:open", &init) {
                    let _ = root.dispatch_event(&event);
                }
            }
        });
    }
    html! {
        <p class="notice" role="status" data-testid="opening">{ "Opening…" }</p>
    }
}

/// A share link's scenario, read from the address: then a question before it replaces the form.
/// `alive` is false once this app is off the page: the link then stays in the address.
fn open_share_link(code: String, dispatch: UseReducerDispatcher<State>, alive: Rc<std::cell::Cell<bool>>) {
    wasm_bindgen_futures::spawn_local(async move {
        let draft = share::decompress(&code).await.and_then(|text| Draft::from_json_text(&text));
        if !alive.get() {
            return;
        }
        share::clear_address();
        let action: Action = match draft {
            Some(draft) => NavAction::Incoming(Box::new(draft)).into(),
            None => NavAction::Notice(
                "This link could not be opened: it does not hold a scenario from this calculator.".into(),
            )
            .into(),
        };
        dispatch.dispatch(action);
    });
}

#[cfg(feature = "views")]
/// Whose working presentation mode shows: a worked example's own name while the form is that
/// example unchanged, otherwise the scenario's case reference (nothing when it has none).
fn who_is_presented(draft: &Draft) -> Option<AttrValue> {
    crate::ui::examples::data::EXAMPLES
        .iter()
        .find(|example| example.draft() == *draft)
        .map(|example| AttrValue::from(example.name))
        .or_else(|| Some(draft.reference.trim()).filter(|r| !r.is_empty()).map(|r| AttrValue::from(r.to_string())))
}

#[derive(Properties, PartialEq)]
struct IncomingProps {
    draft: Draft,
}

/// "This link contains a scenario": what is in it, and a choice before the form changes.
#[component]
fn IncomingLink(props: &IncomingProps) -> Html {
    let form = use_form();
    let node = use_node_ref();
    {
        let node = node.clone();
        use_effect_with((), move |_| {
            if let Some(el) = node.cast::<web_sys::HtmlElement>() {
                let _ = el.focus();
            }
        });
    }
    let d = &props.draft;
    let figures = compute(d).calculation.map(|c| {
        format!(
            " Before {} a week, after {} a week.",
            c.outcome.before.weekly_pence.display(),
            c.outcome.after.weekly_pence.display()
        )
    });
    let reference = if d.reference.trim().is_empty() {
        "no case reference".to_string()
    } else {
        format!("case reference {}", d.reference.trim())
    };
    html! {
        <div class="confirm incoming" role="alertdialog" aria-labelledby="incoming-title" aria-describedby="incoming-body">
            <h2 class="heading-s" id="incoming-title" tabindex="-1" ref={node}>{ "This link contains a scenario. Open it?" }</h2>
            <p id="incoming-body">{ format!("It has {reference}, {} goals and {} visits before reablement.{} Opening it replaces the form on this page.", d.goals.len(), d.before.visits.len(), figures.unwrap_or_default()) }</p>
            <div class="button-group">
                <button type="button" class="button" onclick={form.on_click(NavAction::AcceptIncoming.into())}>{ "Open it" }</button>
                <button type="button" class="button button--secondary" onclick={form.on_click(NavAction::RejectIncoming.into())}>{ "Keep my form" }</button>
            </div>
        </div>
    }
}

#[derive(Properties, PartialEq)]
struct PageActionsProps {
    confirm: Option<Confirm>,
    standalone: bool,
}

/// Print, start again and clear data, with a question before anything is lost. Focus moves
/// into the question when it opens, and back to the button that opened it after "Cancel".
#[component]
fn PageActions(props: &PageActionsProps) -> Html {
    let form = use_form();
    let question = use_node_ref();
    let start_again = use_node_ref();
    let clear_device = use_node_ref();
    let asked = use_mut_ref(|| None::<Confirm>);
    {
        let (question, start_again, clear_device) = (question.clone(), start_again.clone(), clear_device.clone());
        use_effect_with(props.confirm, move |confirm| {
            let previous = asked.replace(*confirm);
            let target = match (confirm, previous) {
                (Some(_), _) => question.cast::<web_sys::HtmlElement>(),
                (None, Some(Confirm::StartAgain)) => start_again.cast::<web_sys::HtmlElement>(),
                (None, Some(Confirm::ClearDevice)) => clear_device.cast::<web_sys::HtmlElement>(),
                (None, None) => None,
            };
            if let Some(el) = target {
                let _ = el.focus();
            }
        });
    }
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
                dispatch.dispatch(
                    FormAction::StartAgain(format!(
                        "Everything this calculator stored on this device has been removed ({removed} {}).",
                        if removed == 1 { "item" } else { "items" }
                    ))
                    .into(),
                );
            }
            _ => dispatch.dispatch(FormAction::StartAgain("The form has been emptied.".into()).into()),
        })
    };
    html! {
        <div class="page-actions no-print">
            if let Some(confirm) = props.confirm {
                <div class="confirm" role="alertdialog" aria-labelledby="confirm-title">
                    <h2 class="heading-s" id="confirm-title" tabindex="-1" ref={question}>{ match confirm {
                        Confirm::StartAgain => "Start again? Everything entered in the form will be removed.",
                        Confirm::ClearDevice => "Clear data on this device? Your draft and anything else this calculator stored here will be removed.",
                    } }</h2>
                    <div class="button-group">
                        <button type="button" class="button button--warning" onclick={yes}>{ match confirm {
                            Confirm::StartAgain => "Yes, start again",
                            Confirm::ClearDevice => "Yes, clear data",
                        } }</button>
                        <button type="button" class="button button--secondary" onclick={form.on_click(NavAction::CancelConfirm.into())}>{ "Cancel" }</button>
                    </div>
                </div>
            } else {
                <div class="button-group">
                    if props.standalone {
                        // In someone else's page, printing would print their whole page.
                        <button type="button" class="button button--secondary" onclick={print}>{ "Print or save as PDF" }</button>
                    }
                    <button type="button" class="button button--secondary" ref={start_again} onclick={form.on_click(NavAction::Ask(Confirm::StartAgain).into())}>{ "Start again" }</button>
                    if props.standalone {
                        <button type="button" class="button button--secondary" ref={clear_device} onclick={form.on_click(NavAction::Ask(Confirm::ClearDevice).into())}>{ "Clear data on this device" }</button>
                    }
                </div>
            }
        </div>
    }
}
