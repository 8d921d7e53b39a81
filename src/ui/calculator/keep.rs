//! Keep and share one scenario: save it on this device, download it as a file in the
//! contract's format, open such a file, copy a share link, or download the result as CSV.
//! A file is checked by `calc` before anything changes: a bad one changes nothing.
//! Each action confirms beside its own button (visibly, and to screen readers), not at the
//! top of the page; saving a reference that is already saved asks "Replace it or keep both?".

use crate::calc::{json, Outcome, Scenario};
use crate::ui::browser::files::{download, file_name, results_csv, weeks_csv};
use crate::ui::browser::share;
use crate::ui::state::computed::Weeks;
use crate::ui::state::context::use_form;
use crate::ui::state::draft::Draft;
use crate::ui::state::saved::{asks_first, name_to_save, saved_named, updating};
use crate::ui::state::{FormAction, NavAction, SavedAction, State};

use std::rc::Rc;
use web_sys::HtmlInputElement;
use yew::prelude::*;

/// Beside the save button while "Replace it or keep both?" waits, and after Cancel.
const NOT_SAVED: &str = "Not saved yet";

/// Larger than any real scenario file (50 visits, 30 goals) by far.
const MAX_FILE_BYTES: f64 = 1_000_000.0;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub draft: Rc<Draft>,
    pub outcome: Option<Rc<Outcome>>,
    /// The weeks of reablement, when the form has them: their own CSV, one line per week.
    #[prop_or_default]
    pub weeks: Option<Rc<Weeks>>,
    pub standalone: bool,
    /// For the saved list (is this reference saved already?) and "Put back my previous answers".
    pub state: Rc<State>,
}

/// What happened to a file someone chose, in words for the page.
#[derive(Clone, PartialEq)]
enum FileProblem {
    None,
    Problems { file: String, lines: Vec<String> },
}

/// Reads a chosen file as a scenario: every problem in plain words, or the form to open.
pub fn read_scenario_file(text: &str) -> Result<Draft, Vec<String>> {
    let value = json::parse(text).map_err(|_| {
        vec!["It is not a scenario file: its text is not JSON, or it is nested too deeply.".to_string()]
    })?;
    match Scenario::from_json(&value) {
        Ok(scenario) => Ok(Draft::from_scenario(&scenario)),
        Err(errors) => Err(errors
            .into_iter()
            .map(|e| {
                if e.path.is_empty() || e.path == "format" || e.path == "version" {
                    e.message.into_owned()
                } else {
                    format!("{} (at {})", e.message, e.path)
                }
            })
            .collect()),
    }
}

#[component]
pub fn KeepAndShare(props: &Props) -> Html {
    let form = use_form();
    let problem = use_state(|| FileProblem::None);
    let link = use_state(|| None::<String>);
    let status = use_state(String::new);
    let opened = use_state(|| None::<String>);
    // The scenario as a file's text, made only when a button needs it (not on every keystroke).
    let scenario_text = {
        let draft = props.draft.clone();
        move || draft.to_value().to_json_text()
    };
    let reference = props.draft.reference.trim().to_string();

    // Save: straight away when the form is a saved entry (opened from the list, or saved
    // already: it is updated) or its reference is new; otherwise ask first (replace, by
    // default). The question lives in the state, so it waits through other views.
    let state = &props.state;
    let conflict = asks_first(state, &reference).map(|s| s.name.clone());
    // Shown while the answers are complete (a half-typed form is never saved); it comes back
    // when they are.
    let asking = state.asking_replace && conflict.is_some() && props.outcome.is_some();
    let save_button = use_node_ref();
    let replace_button = use_node_ref();
    let save_as = {
        let (dispatch, text, reference, status) =
            (form.dispatch.clone(), scenario_text.clone(), reference.clone(), status.clone());
        let state = state.clone();
        Callback::from(move |replace: bool| {
            let updated = updating(&state, &reference).map(|s| s.name.clone());
            let name = name_to_save(&state.saved, &reference, replace);
            let was_saved = saved_named(&state.saved, &reference).is_some();
            dispatch.dispatch(
                SavedAction::Save { name: reference.clone(), scenario: text(), now: js_sys::Date::now(), replace }
                    .into(),
            );
            status.set(match (updated, was_saved, replace) {
                (Some(name), _, _) => format!("Updated “{name}” on this device."),
                (_, true, true) => format!("“{name}” is saved on this device, in place of the earlier one."),
                (_, true, false) => format!("Saved on this device as “{name}”, beside the earlier one."),
                _ => format!("“{name}” is saved on this device."),
            });
        })
    };
    let save = {
        let (save_as, dispatch, asks) = (save_as.clone(), form.dispatch.clone(), conflict.is_some());
        Callback::from(move |_: MouseEvent| match asks {
            true => dispatch.dispatch(SavedAction::AskReplace(true).into()),
            false => save_as.emit(false),
        })
    };
    let cancel = {
        let (dispatch, status) = (form.dispatch.clone(), status.clone());
        Callback::from(move |_: MouseEvent| {
            dispatch.dispatch(SavedAction::AskReplace(false).into());
            status.set(NOT_SAVED.into());
        })
    };
    // Focus into the question when it opens ("Replace it", the default), and back to the save
    // button when it closes; not when it was already open as this appeared (another view).
    {
        let (replace_button, save_button) = (replace_button.clone(), save_button.clone());
        let was_asking = use_mut_ref(|| asking);
        use_effect_with(asking, move |asking| {
            let target = match (*asking, was_asking.replace(*asking)) {
                (true, false) => replace_button.cast::<web_sys::HtmlElement>(),
                (false, true) => save_button.cast::<web_sys::HtmlElement>(),
                _ => None,
            };
            if let Some(button) = target {
                let _ = button.focus();
            }
        });
    }
    // A confirmation is brought into the window if its control was at the window's edge (or,
    // for a file, if the form above it changed length).
    let status_node = use_node_ref();
    let opened_node = use_node_ref();
    {
        let (status_node, opened_node) = (status_node.clone(), opened_node.clone());
        use_effect_with(((*status).clone(), (*opened).clone()), move |(status, opened)| {
            for (node, shown) in [(status_node, !status.is_empty()), (opened_node, opened.is_some())] {
                if let Some(el) = node.cast::<web_sys::Element>().filter(|_| shown) {
                    let options = web_sys::ScrollIntoViewOptions::new();
                    options.set_block(web_sys::ScrollLogicalPosition::Nearest);
                    el.scroll_into_view_with_scroll_into_view_options(&options);
                }
            }
        });
    }
    // A message about the form as it was, and a link to it, go once the form changes.
    {
        let (status, link) = (status.clone(), link.clone());
        use_effect_with(props.draft.clone(), move |_| {
            status.set(String::new());
            link.set(None);
        });
    }
    let downloaded = |status: &UseStateHandle<String>, name: String| {
        status.set(format!("“{name}” is downloaded to this device (usually into its Downloads folder)."))
    };
    let download_file = {
        let (text, reference, status) = (scenario_text.clone(), reference.clone(), status.clone());
        Callback::from(move |_: MouseEvent| {
            let text = text();
            // Indented for people who open it; the same scenario either way.
            let pretty = js_sys::JSON::parse(&text)
                .ok()
                .and_then(|v| {
                    js_sys::JSON::stringify_with_replacer_and_space(&v, &wasm_bindgen::JsValue::NULL, &2.into()).ok()
                })
                .and_then(|s| s.as_string())
                .unwrap_or_else(|| text.clone());
            let name = file_name(&reference, "json");
            download(&name, "application/json", &format!("{pretty}\n"));
            downloaded(&status, name);
        })
    };
    let download_csv = {
        let (outcome, reference, status) = (props.outcome.clone(), reference.clone(), status.clone());
        Callback::from(move |_: MouseEvent| {
            if let Some(o) = &outcome {
                let name = file_name(&reference, "csv");
                download(&name, "text/csv;charset=utf-8", &results_csv([(reference.as_str(), o.as_ref())]));
                downloaded(&status, name);
            }
        })
    };
    let download_weeks = {
        let (weeks, reference) = (props.weeks.clone(), reference.clone());
        Callback::from(move |_: MouseEvent| {
            if let Some(w) = &weeks {
                let stem =
                    if reference.is_empty() { "reablement-weeks".to_string() } else { format!("{reference}-weeks") };
                download(
                    &file_name(&stem, "csv"),
                    "text/csv;charset=utf-8",
                    &weeks_csv(&reference, &w.episode, &w.stopped),
                );
            }
        })
    };
    let open_file = {
        let (dispatch, problem, opened) = (form.dispatch.clone(), problem.clone(), opened.clone());
        Callback::from(move |e: Event| {
            let input: HtmlInputElement = e.target_unchecked_into();
            let Some(file) = input.files().and_then(|files| files.get(0)) else { return };
            input.set_value("");
            let name = file.name();
            opened.set(None);
            if file.size() > MAX_FILE_BYTES {
                problem.set(FileProblem::Problems {
                    file: name,
                    lines: vec!["It is too large to be a scenario file (more than 1 MB).".into()],
                });
                return;
            }
            let (dispatch, problem, opened) = (dispatch.clone(), problem.clone(), opened.clone());
            wasm_bindgen_futures::spawn_local(async move {
                let text = wasm_bindgen_futures::JsFuture::from(file.text()).await.ok().and_then(|t| t.as_string());
                match text.as_deref().map(read_scenario_file) {
                    Some(Ok(draft)) => {
                        problem.set(FileProblem::None);
                        dispatch.dispatch(FormAction::Opened(Box::new(draft)).into());
                        opened.set(Some(format!("“{name}” is open. Its answers are in the form above.")));
                    }
                    Some(Err(lines)) => problem.set(FileProblem::Problems { file: name, lines }),
                    None => problem
                        .set(FileProblem::Problems { file: name, lines: vec!["It could not be read as text.".into()] }),
                }
            });
        })
    };
    let make_link = {
        let (text, link, status) = (scenario_text.clone(), link.clone(), status.clone());
        Callback::from(move |_: MouseEvent| {
            let (text, link, status) = (text(), link.clone(), status.clone());
            wasm_bindgen_futures::spawn_local(async move {
                let (Some(code), Some(address)) = (share::compress(&text).await, share::page_address()) else {
                    status.set("A share link could not be made in this browser.".into());
                    return;
                };
                let url = format!("{address}{}{code}", share::PREFIX);
                let copied = match web_sys::window().map(|w| w.navigator().clipboard()) {
                    Some(clipboard) => wasm_bindgen_futures::JsFuture::from(clipboard.write_text(&url)).await.is_ok(),
                    None => false,
                };
                status.set(if copied {
                    "The link is copied. Anyone with the link can see this scenario.".into()
                } else {
                    "Copy the link below. Anyone with the link can see this scenario.".into()
                });
                link.set(Some(url));
            });
        })
    };
    // "Put back my previous answers", here beside the file field rather than at the top.
    let put_back = {
        let (dispatch, opened) = (form.dispatch.clone(), opened.clone());
        Callback::from(move |_: MouseEvent| {
            dispatch.dispatch(FormAction::Undo.into());
            // Undo also writes a notice for the top of the page; this field says it instead.
            dispatch.dispatch(NavAction::DismissNotice.into());
            opened.set(Some("Your previous answers are back in the form.".into()));
        })
    };
    let valid = props.outcome.is_some();
    html! {
        <section class="section keep no-print" aria-labelledby="keep-heading">
            <h2 class="heading-m" id="keep-heading">{ "Keep or share this scenario" }</h2>
            if !valid {
                <p class="hint">{ "Saving, downloading and sharing are ready when the answers are complete." }</p>
            }
            <div class="button-group">
                if props.standalone {
                    <button type="button" class="button button--secondary" ref={save_button} onclick={save} disabled={!valid || asking}>{ "Save on this device" }</button>
                }
                <button type="button" class="button button--secondary" onclick={download_file} disabled={!valid}>{ "Download as a file" }</button>
                <button type="button" class="button button--secondary" onclick={download_csv} disabled={!valid}>{ "Download the result as CSV" }</button>
                if valid && props.weeks.is_some() {
                    <button type="button" class="button button--secondary" onclick={download_weeks}>{ "Download the weeks as CSV" }</button>
                }
                if props.standalone {
                    <button type="button" class="button button--secondary" onclick={make_link} disabled={!valid}>{ "Copy a share link" }</button>
                }
            </div>
            <p class="keep__status" role="status" data-testid="keep-status" ref={status_node}>{
                if state.asking_replace { NOT_SAVED.to_string() } else { (*status).clone() }
            }</p>
            if let (true, Some(name)) = (asking, &conflict) {
                <div class="confirm confirm--question" role="alertdialog" aria-labelledby="replace-title" aria-describedby="replace-body">
                    <h3 class="heading-s" id="replace-title">{ format!("“{name}” is already saved on this device. Replace it or keep both?") }</h3>
                    <p id="replace-body">{ "Replace it to keep only this version. Keep both to save this one beside it, under a new name." }</p>
                    <div class="button-group">
                        <button type="button" class="button" ref={replace_button} onclick={save_as.reform(|_: MouseEvent| true)}>{ "Replace it" }</button>
                        <button type="button" class="button button--secondary" onclick={save_as.reform(|_: MouseEvent| false)}>{ "Keep both" }</button>
                        <button type="button" class="button button--link" onclick={cancel}>{ "Cancel" }</button>
                    </div>
                </div>
            }
            if let Some(url) = &*link {
                <div class="field">
                    <label class="label" for="share-link">{ "Share link" }</label>
                    <div class="hint" id="share-link-hint">{ "Anyone with the link can see this scenario. It is inside the link itself, after the #: it is never sent to a server." }</div>
                    <input class="input" id="share-link" type="text" readonly=true value={url.clone()} aria-describedby="share-link-hint"
                        onfocus={Callback::from(|e: FocusEvent| e.target_unchecked_into::<HtmlInputElement>().select())} />
                </div>
            }
            <div class="field">
                <label class="label" for="open-file">{ "Open a scenario file" }</label>
                <div class="hint" id="open-file-hint">{ "A .json file downloaded from this calculator. It replaces the form; you can put your answers back afterwards." }</div>
                <input class="file-upload" id="open-file" type="file" accept=".json,application/json" aria-describedby="open-file-hint" onchange={open_file} />
            </div>
            <div class="keep__status" role="status" data-testid="open-status" ref={opened_node}>
                if let Some(message) = &*opened {
                    <p>{ message.clone() }</p>
                    if props.state.replaced.is_some() {
                        <button type="button" class="button button--link" onclick={put_back}>{ "Put back my previous answers" }</button>
                    }
                }
            </div>
            if let FileProblem::Problems { file, lines } = &*problem {
                <div class="error-summary" role="alert" tabindex="-1">
                    <h3 class="error-summary__title">{ format!("“{file}” could not be opened") }</h3>
                    <p>{ "Nothing has changed. The problems:" }</p>
                    <ul class="error-summary__list plain">{ for lines.iter().take(20).map(|l| html! { <li>{ l.clone() }</li> }) }</ul>
                    if lines.len() > 20 { <p>{ format!("and {} more.", lines.len() - 20) }</p> }
                </div>
            }
        </section>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_file_is_read_only_when_it_is_a_valid_scenario() {
        assert!(read_scenario_file(include_str!("../examples/data/arthur.json")).is_ok());
        assert_eq!(read_scenario_file("<script>alert(1)</script>").unwrap_err().len(), 1);
        assert_eq!(
            read_scenario_file(&"[".repeat(100_000)).unwrap_err()[0],
            "It is not a scenario file: its text is not JSON, or it is nested too deeply."
        );
        let newer = include_str!("../examples/data/arthur.json").replace("\"version\": 1", "\"version\": 2");
        assert_eq!(
            read_scenario_file(&newer).unwrap_err(),
            ["This file was made by a newer version of the calculator"]
        );
        let bad = include_str!("../examples/data/arthur.json").replace("\"minutes\": 45", "\"minutes\": \"<b>45</b>\"");
        assert_eq!(
            read_scenario_file(&bad).unwrap_err(),
            ["Visit length must be a whole number of minutes between 1 and 720 (at before.visits[0].minutes)"]
        );
    }
}
