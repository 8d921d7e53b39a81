//! Scenarios saved on this device: newest first with their before and after figures; open,
//! duplicate, rename, delete (with undo); and 2 to 4 of them compared side by side.

use crate::calc::{calculate, json, Outcome, Scenario};
use crate::ui::browser::files::{download, results_csv};
use crate::ui::browser::lasting::{self, Lasting};
use crate::ui::state::context::use_form;
use crate::ui::state::SavedAction;
use crate::ui::state::SavedScenario;
use crate::ui::state::MAX_COMPARE;
use crate::ui::widgets::chart::{Bar, BarChart};
use web_sys::HtmlInputElement;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub saved: Vec<SavedScenario>,
    pub compare: Vec<u32>,
}

/// A saved scenario's outcome and, at a welcome visit (`calc::plan`), what it would cost if
/// its goals are achieved, from one reading of its text (`None` only if the stored text no
/// longer reads as a scenario).
fn figures(saved: &SavedScenario) -> Option<(Outcome, Option<Outcome>)> {
    let value = json::parse(&saved.scenario).ok()?;
    let scenario = Scenario::from_json(&value).ok()?;
    Some((calculate(&scenario).outcome, crate::calc::plan::plan(&scenario)))
}

/// "23 November 2026 at 14:05", from the device's clock and locale.
fn when(ms: f64) -> String {
    let date = js_sys::Date::new(&ms.into());
    let options = js_sys::Object::new();
    for (key, value) in
        [("day", "numeric"), ("month", "long"), ("year", "numeric"), ("hour", "2-digit"), ("minute", "2-digit")]
    {
        let _ = js_sys::Reflect::set(&options, &key.into(), &value.into());
    }
    date.to_locale_string("en-GB", &options).into()
}

#[component]
pub fn SavedView(props: &Props) -> Html {
    let form = use_form();
    let renaming = use_state(|| None::<(u32, String)>);
    // Whether the browser will keep them (asked on the first save), read again as the list changes.
    let lasting = use_state(|| None::<Lasting>);
    {
        let lasting = lasting.clone();
        use_effect_with(props.saved.len(), move |_| {
            wasm_bindgen_futures::spawn_local(async move { lasting.set(Some(lasting::now().await)) });
        });
    }
    type Read = (SavedScenario, Option<Outcome>);
    let (outcomes, plans): (Vec<Read>, Vec<Option<Outcome>>) = props
        .saved
        .iter()
        .map(|s| {
            let (outcome, plan) = figures(s).unzip();
            ((s.clone(), outcome), plan.flatten())
        })
        .unzip();
    let download_all = {
        let outcomes = outcomes.clone();
        Callback::from(move |_: MouseEvent| {
            let rows: Vec<(&str, &Outcome)> =
                outcomes.iter().filter_map(|(s, o)| o.as_ref().map(|o| (s.name.as_str(), o))).collect();
            download("saved-scenarios.csv", "text/csv;charset=utf-8", &results_csv(rows));
        })
    };
    let compared: Vec<(String, Outcome)> = props
        .compare
        .iter()
        .filter_map(|id| {
            outcomes.iter().find(|(s, _)| s.id == *id).and_then(|(s, o)| Some((s.name.clone(), o.clone()?)))
        })
        .collect();
    html! {
        <>
            <h1 class="heading-l" id="f-saved" tabindex="-1">{ "Saved on this device" }</h1>
            <p class="lead">{ "Scenarios you save stay in this browser, on this device. Nothing is sent anywhere." }</p>
            if props.saved.is_empty() {
                <p>{ "Nothing is saved yet. On the “One person” page, use “Save on this device”." }</p>
            } else {
                if let Some(lasting) = *lasting {
                    <p class="saved-lasting" id="saved-lasting">{ lasting.words() }</p>
                }
                <p class="hint">{ format!("Tick 2 to {MAX_COMPARE} scenarios to compare them side by side.") }</p>
                <ul class="saved-list">
                    { for outcomes.iter().zip(&plans).map(|((saved, outcome), plan)| {
                        let id = saved.id;
                        let ticked = props.compare.contains(&id);
                        let full = props.compare.len() >= MAX_COMPARE && !ticked;
                        let heading = format!("saved-{id}");
                        let is_renaming = renaming.as_ref().filter(|(r, _)| *r == id).map(|(_, name)| name.clone());
                        html! {
                            <li class="card saved" key={id}>
                                if let Some(name) = is_renaming {
                                    <form class="rename" onsubmit={{
                                        let (renaming, dispatch) = (renaming.clone(), form.dispatch.clone());
                                        Callback::from(move |e: SubmitEvent| {
                                            e.prevent_default();
                                            if let Some((id, name)) = (*renaming).clone() {
                                                dispatch.dispatch(SavedAction::RenameSaved(id, name).into());
                                            }
                                            renaming.set(None);
                                        })
                                    }}>
                                        <div class="field">
                                            <label class="label" for={format!("rename-{id}")}>{ "New name" }<span class="visually-hidden">{ format!(" for {}", saved.name) }</span></label>
                                            <input class="input w-12" id={format!("rename-{id}")} type="text" value={name} autocomplete="off"
                                                oninput={{
                                                    let renaming = renaming.clone();
                                                    Callback::from(move |e: InputEvent| renaming.set(Some((id, e.target_unchecked_into::<HtmlInputElement>().value()))))
                                                }} />
                                        </div>
                                        <div class="button-group">
                                            <button type="submit" class="button">{ "Save the name" }</button>
                                            <button type="button" class="button button--secondary" onclick={{ let renaming = renaming.clone(); Callback::from(move |_| renaming.set(None)) }}>{ "Cancel" }</button>
                                        </div>
                                    </form>
                                } else {
                                    <h2 class="heading-s saved__name" id={heading}>{ saved.name.clone() }</h2>
                                }
                                <p class="hint">{ format!("Saved {}", when(saved.saved_at)) }</p>
                                { match outcome {
                                    Some(o) => html! { <p class="saved__figures">{ match plan {
                                        Some(p) => format!("A plan: {} a week now, {} a week if the goals are achieved", p.before.weekly_pence.display(), p.after.weekly_pence.display()),
                                        None => format!("Before {} a week, after {} a week", o.before.weekly_pence.display(), o.after.weekly_pence.display()),
                                    } }</p> },
                                    None => html! { <p class="error-message">{ "This saved scenario can no longer be read." }</p> },
                                } }
                                <div class="checkbox">
                                    <input class="checkbox__input" type="checkbox" id={format!("compare-{id}")} checked={ticked} disabled={full || outcome.is_none()}
                                        onchange={form.on_text(move |_| SavedAction::ToggleCompare(id).into()).reform(|_: Event| String::new())} />
                                    <label class="checkbox__label" for={format!("compare-{id}")}>{ "Compare" }<span class="visually-hidden">{ format!(" {}", saved.name) }</span></label>
                                </div>
                                <div class="button-group">
                                    <button type="button" class="button button--secondary" onclick={form.on_click(SavedAction::OpenSaved(id).into())}>
                                        { "Open" }<span class="visually-hidden">{ format!(" {}", saved.name) }</span></button>
                                    <button type="button" class="button button--secondary" onclick={{ let d = form.dispatch.clone(); Callback::from(move |_| d.dispatch(SavedAction::DuplicateSaved(id, js_sys::Date::now()).into())) }}>
                                        { "Duplicate" }<span class="visually-hidden">{ format!(" {}", saved.name) }</span></button>
                                    <button type="button" class="button button--secondary" onclick={{ let (r, name) = (renaming.clone(), saved.name.clone()); Callback::from(move |_| r.set(Some((id, name.clone())))) }}>
                                        { "Rename" }<span class="visually-hidden">{ format!(" {}", saved.name) }</span></button>
                                    <button type="button" class="button button--warning" onclick={form.on_click(SavedAction::DeleteSaved(id).into())}>
                                        { "Delete" }<span class="visually-hidden">{ format!(" {}", saved.name) }</span></button>
                                </div>
                            </li>
                        }
                    }) }
                </ul>
                <button type="button" class="button button--secondary" onclick={download_all}>{ "Download all as CSV" }</button>
            }
            if compared.len() >= 2 {
                <Compare scenarios={compared} />
            }
        </>
    }
}

/// A name short enough for a chart label (the table has it in full).
fn short(name: &str) -> String {
    let mut chars = name.chars();
    let head: String = chars.by_ref().take(8).collect();
    if chars.next().is_some() {
        format!("{head}…")
    } else {
        head
    }
}

/// The weeks' saving (contract 1.1): "£84.35 over 2 weeks", or why there is none.
fn weeks_saving(o: &Outcome) -> String {
    match &o.episode {
        Some(e) => format!(
            "{} over {}",
            e.saving_pence.display(),
            if e.weeks == 1 { "1 week".to_string() } else { format!("{} weeks", e.weeks) }
        ),
        None => "Weeks not entered".to_string(),
    }
}

#[derive(Properties, PartialEq)]
struct CompareProps {
    scenarios: Vec<(String, Outcome)>,
}

/// 2 to 4 scenarios side by side: one table and one chart.
#[component]
fn Compare(props: &CompareProps) -> Html {
    let row = |label: &str, value: &dyn Fn(&Outcome) -> String| {
        html! {
            <tr><th scope="row">{ label.to_string() }</th>{ for props.scenarios.iter().map(|(_, o)| html! { <td>{ value(o) }</td> }) }</tr>
        }
    };
    let bars: Vec<Bar> = props
        .scenarios
        .iter()
        .flat_map(|(name, o)| {
            [
                Bar {
                    label: format!("{} before", short(name)).into(),
                    pence: o.before.weekly_pence,
                    class: "chart--before",
                },
                Bar {
                    label: format!("{} after", short(name)).into(),
                    pence: o.after.weekly_pence,
                    class: "chart--after",
                },
            ]
        })
        .collect();
    html! {
        <section class="section compare" aria-labelledby="compare-heading">
            <h2 class="heading-m" id="compare-heading">{ "Side by side" }</h2>
            <div class="table-wrap" role="region" aria-labelledby="compare-heading" tabindex="0">
                <table class="table">
                    <thead><tr><td></td>{ for props.scenarios.iter().map(|(name, _)| html! { <th scope="col">{ name.clone() }</th> }) }</tr></thead>
                    <tbody>
                        { row("Before, a week", &|o| o.before.weekly_pence.display()) }
                        { row("28 days after, a week", &|o| o.after.weekly_pence.display()) }
                        { row("Change, a week", &|o| o.change_pence.display()) }
                        { row("Reduction", &|o| o.reduction_percent.map(|p| format!("{}%", crate::calc::money::one_place(p))).unwrap_or_else(|| "–".into())) }
                        { row("Against the baseline", &|o| o.after_vs_baseline_pence.display()) }
                        { row("Over a year", &|o| o.annual_change_pence.display()) }
                        { row("Goals achieved", &|o| format!("{} of {}", o.goals.achieved, o.goals.total)) }
                        { row("Less during reablement", &weeks_saving) }
                    </tbody>
                </table>
            </div>
            <BarChart id="compare-chart" title="Weekly cost before and after reablement, side by side" bars={bars} />
        </section>
    }
}
