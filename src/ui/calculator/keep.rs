//! Keep and share one scenario: save it on this device, download it as a file in the
//! contract's format, open such a file, copy a share link, or download the result as CSV.
//! A file is checked by `calc` before anything changes: a bad one changes nothing.

use crate::calc::{json, Outcome, Scenario};
use crate::ui::browser::files::{download, file_name, results_csv, weeks_csv};
use crate::ui::browser::share;
use crate::ui::state::computed::Weeks;
use crate::ui::state::context::use_form;
use crate::ui::state::draft::Draft;
use crate::ui::state::{FormAction, SavedAction};

use std::rc::Rc;
use web_sys::HtmlInputElement;
use yew::prelude::*;

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
                    e.message
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
    // The scenario as a file's text, made only when a button needs it (not on every keystroke).
    let scenario_text = {
        let draft = props.draft.clone();
        move || draft.to_value().to_json_text()
    };
    let reference = props.draft.reference.trim().to_string();

    let save = {
        let (dispatch, text, reference) = (form.dispatch.clone(), scenario_text.clone(), reference.clone());
        Callback::from(move |_: MouseEvent| {
            dispatch.dispatch(
                SavedAction::Save { name: reference.clone(), scenario: text(), now: js_sys::Date::now() }.into(),
            )
        })
    };
    let download_file = {
        let (text, reference) = (scenario_text.clone(), reference.clone());
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
            download(&file_name(&reference, "json"), "application/json", &format!("{pretty}\n"));
        })
    };
    let download_csv = {
        let (outcome, reference) = (props.outcome.clone(), reference.clone());
        Callback::from(move |_: MouseEvent| {
            if let Some(o) = &outcome {
                download(
                    &file_name(&reference, "csv"),
                    "text/csv;charset=utf-8",
                    &results_csv([(reference.as_str(), o.as_ref())]),
                );
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
        let (dispatch, problem) = (form.dispatch.clone(), problem.clone());
        Callback::from(move |e: Event| {
            let input: HtmlInputElement = e.target_unchecked_into();
            let Some(file) = input.files().and_then(|files| files.get(0)) else { return };
            input.set_value("");
            let name = file.name();
            if file.size() > MAX_FILE_BYTES {
                problem.set(FileProblem::Problems {
                    file: name,
                    lines: vec!["It is too large to be a scenario file (more than 1 MB).".into()],
                });
                return;
            }
            let (dispatch, problem) = (dispatch.clone(), problem.clone());
            wasm_bindgen_futures::spawn_local(async move {
                let text = wasm_bindgen_futures::JsFuture::from(file.text()).await.ok().and_then(|t| t.as_string());
                match text.as_deref().map(read_scenario_file) {
                    Some(Ok(draft)) => {
                        problem.set(FileProblem::None);
                        dispatch.dispatch(FormAction::Opened(Box::new(draft), format!("“{name}” is open.")).into());
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
    let valid = props.outcome.is_some();
    html! {
        <section class="section keep no-print" aria-labelledby="keep-heading">
            <h2 class="heading-m" id="keep-heading">{ "Keep or share this scenario" }</h2>
            if !valid {
                <p class="hint">{ "Saving, downloading and sharing are ready when the answers are complete." }</p>
            }
            <div class="button-group">
                if props.standalone {
                    <button type="button" class="button button--secondary" onclick={save} disabled={!valid}>{ "Save on this device" }</button>
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
            <p class="visually-hidden" role="status">{ (*status).clone() }</p>
            if let Some(url) = &*link {
                <div class="field">
                    <label class="label" for="share-link">{ "Share link" }</label>
                    <div class="hint" id="share-link-hint">{ (*status).clone() }{ " The scenario is inside the link itself, after the #: it is never sent to a server." }</div>
                    <input class="input" id="share-link" type="text" readonly=true value={url.clone()} aria-describedby="share-link-hint"
                        onfocus={Callback::from(|e: FocusEvent| e.target_unchecked_into::<HtmlInputElement>().select())} />
                </div>
            }
            <div class="field">
                <label class="label" for="open-file">{ "Open a scenario file" }</label>
                <div class="hint" id="open-file-hint">{ "A .json file downloaded from this calculator. It replaces the form; you can put your answers back afterwards." }</div>
                <input class="file-upload" id="open-file" type="file" accept=".json,application/json" aria-describedby="open-file-hint" onchange={open_file} />
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
