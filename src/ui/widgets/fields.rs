//! Form fields in the GOV.UK style: label, hint, inline error, and the input. Each field is
//! named by its JSON path in the scenario, so `calc`'s error paths find their field.

use super::format::class_names;
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

/// The element id of the field at a JSON path: `before.visits[0].minutes` → `f-before-visits-0-minutes`.
pub fn field_id(path: &str) -> String {
    let mut id = String::with_capacity(path.len() + 2);
    id.push_str("f-");
    for c in path.chars() {
        match c {
            '.' | '[' => id.push('-'),
            ']' => {}
            c => id.push(c),
        }
    }
    id
}

/// A field's element id and the error to show beside it (if any): what a screen tells each
/// widget about its own state.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct FieldState {
    pub id: AttrValue,
    pub error: Option<AttrValue>,
}

impl FieldState {
    pub fn new(id: impl Into<AttrValue>, error: Option<impl Into<AttrValue>>) -> FieldState {
        FieldState { id: id.into(), error: error.map(Into::into) }
    }
}

#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub enum InputKind {
    #[default]
    Text,
    /// Pounds and pence: a `£` prefix and the decimal keypad.
    Money,
    /// A number that may have decimals (not money): the decimal keypad.
    Decimal,
    /// A whole number: the numeric keypad.
    Whole,
}

#[derive(Properties, PartialEq)]
pub struct InputProps {
    pub field: FieldState,
    pub label: Html,
    pub value: AttrValue,
    pub oninput: Callback<String>,
    #[prop_or_default]
    pub hint: Option<Html>,
    #[prop_or_default]
    pub kind: InputKind,
    /// A width class: `w-3` (3 characters), `w-5`, `w-10`, `w-20`; full width when empty.
    #[prop_or_default]
    pub width: &'static str,
    #[prop_or_default]
    pub suffix: Option<AttrValue>,
    #[prop_or_default]
    pub autocomplete: Option<AttrValue>,
    /// Shown under the input (quick choices).
    #[prop_or_default]
    pub children: Html,
}

/// What every labelled field shows above its control: the label, the hint and the error,
/// and the ids the control's `aria-describedby` names.
struct FieldHead {
    id: String,
    error: Option<AttrValue>,
    described_by: Option<String>,
    html: Html,
}

fn field_head(field: &FieldState, label: &Html, hint: Option<&Html>) -> FieldHead {
    let id = field.id.to_string();
    let error = field.error.clone();
    let hint_id = format!("{id}-hint");
    let error_id = format!("{id}-error");
    let described_by: Vec<&str> =
        [hint.map(|_| hint_id.as_str()), error.as_ref().map(|_| error_id.as_str())].into_iter().flatten().collect();
    let described_by = (!described_by.is_empty()).then(|| described_by.join(" "));
    let html = html! {
        <>
            <label class="label" for={id.clone()}>{ label.clone() }</label>
            if let Some(hint) = hint {
                <div class="hint" id={hint_id}>{ hint.clone() }</div>
            }
            if let Some(error) = &error {
                <p class="error-message" id={error_id}>
                    <span class="visually-hidden">{ "Error: " }</span>{ error.clone() }
                </p>
            }
        </>
    };
    FieldHead { id, error, described_by, html }
}

#[component]
pub fn Input(props: &InputProps) -> Html {
    let FieldHead { id, error, described_by, html: head } = field_head(&props.field, &props.label, props.hint.as_ref());
    let oninput = {
        let cb = props.oninput.clone();
        Callback::from(move |e: InputEvent| cb.emit(e.target_unchecked_into::<HtmlInputElement>().value()))
    };
    let inputmode = match props.kind {
        InputKind::Text => None,
        InputKind::Money | InputKind::Decimal => Some("decimal"),
        InputKind::Whole => Some("numeric"),
    };
    html! {
        <div class={class_names(&[Some("field"), error.is_some().then_some("field--error")])}>
            { head }
            <div class="input-wrap">
                if props.kind == InputKind::Money {
                    <span class="prefix" aria-hidden="true">{ "£" }</span>
                }
                <input
                    class={class_names(&[Some("input"), Some(props.width), error.is_some().then_some("input--error")])}
                    id={id.clone()}
                    name={id}
                    type="text"
                    inputmode={inputmode}
                    spellcheck="false"
                    autocomplete={props.autocomplete.clone().unwrap_or_else(|| AttrValue::from("off"))}
                    value={props.value.clone()}
                    aria-describedby={described_by}
                    aria-invalid={error.is_some().then_some("true")}
                    {oninput}
                />
                if let Some(suffix) = &props.suffix {
                    <span class="suffix">{ suffix.clone() }</span>
                }
            </div>
            { props.children.clone() }
        </div>
    }
}

#[derive(Properties, PartialEq)]
pub struct SelectProps {
    pub field: FieldState,
    pub label: Html,
    pub value: AttrValue,
    /// `(code, words)` for each choice.
    pub options: Vec<(AttrValue, AttrValue)>,
    pub onchange: Callback<String>,
    #[prop_or_default]
    pub hint: Option<Html>,
}

/// A select's choices from fixed `(code, words)` pairs.
pub fn choices(pairs: Vec<(&'static str, &'static str)>) -> Vec<(AttrValue, AttrValue)> {
    pairs.into_iter().map(|(code, words)| (AttrValue::Static(code), AttrValue::Static(words))).collect()
}

#[component]
pub fn Select(props: &SelectProps) -> Html {
    let FieldHead { id, error, described_by, html: head } = field_head(&props.field, &props.label, props.hint.as_ref());
    let onchange = {
        let cb = props.onchange.clone();
        Callback::from(move |e: Event| cb.emit(e.target_unchecked_into::<HtmlSelectElement>().value()))
    };
    html! {
        <div class={class_names(&[Some("field"), error.is_some().then_some("field--error")])}>
            { head }
            <select
                class={class_names(&[Some("select"), error.is_some().then_some("input--error")])}
                id={id}
                aria-describedby={described_by}
                aria-invalid={error.is_some().then_some("true")}
                {onchange}
            >
                <option value="" selected={props.value.is_empty()} disabled=true>{ "Choose…" }</option>
                { for props.options.iter().map(|(code, words)| html! {
                    <option value={code.clone()} selected={props.value == *code}>{ words.clone() }</option>
                }) }
            </select>
            // A long choice is cut off in a select on a narrow screen: there, its whole
            // wording is shown underneath (hidden from screen readers, which read the select).
            if let Some((_, words)) = props.options.iter().find(|(code, words)| props.value == *code && words.chars().count() > 24) {
                <p class="select__chosen" aria-hidden="true">{ words.clone() }</p>
            }
        </div>
    }
}

#[derive(Properties, PartialEq)]
pub struct RadiosProps {
    pub field: FieldState,
    pub legend: Html,
    pub value: AttrValue,
    pub options: Vec<(&'static str, &'static str)>,
    pub onchange: Callback<String>,
    #[prop_or_default]
    pub inline: bool,
    #[prop_or_default]
    pub small: bool,
}

/// Radios in a fieldset; the first radio carries the field's id so error links reach it.
#[component]
pub fn Radios(props: &RadiosProps) -> Html {
    let id = props.field.id.to_string();
    let error = props.field.error.clone();
    html! {
        <div class={class_names(&[Some("field"), error.is_some().then_some("field--error")])}>
            <fieldset class="fieldset" aria-describedby={error.as_ref().map(|_| format!("{id}-error"))}>
                <legend class={class_names(&[Some("legend"), props.small.then_some("legend--small")])}>{ props.legend.clone() }</legend>
                if let Some(error) = &error {
                    <p class="error-message" id={format!("{id}-error")}>
                        <span class="visually-hidden">{ "Error: " }</span>{ error.clone() }
                    </p>
                }
                <div class={class_names(&[Some("radios"), props.inline.then_some("radios--inline")])}>
                    { for props.options.iter().enumerate().map(|(i, (code, words))| {
                        let radio_id = if i == 0 { id.clone() } else { format!("{id}-{code}") };
                        let onchange = {
                            let cb = props.onchange.clone();
                            let code = code.to_string();
                            Callback::from(move |_: Event| cb.emit(code.clone()))
                        };
                        html! {
                            <div class="radio">
                                <input class="radio__input" type="radio" id={radio_id.clone()} name={id.clone()}
                                    value={*code} checked={props.value.as_str() == *code} {onchange} />
                                <label class="radio__label" for={radio_id}>{ *words }</label>
                            </div>
                        }
                    }) }
                </div>
            </fieldset>
        </div>
    }
}
