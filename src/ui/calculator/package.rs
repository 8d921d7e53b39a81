//! A care package: its visits (length, carers, days, own rate, the goals each supports) and
//! its other weekly costs. Used for the package before reablement and an entered after one.

use crate::calc::limits::hourly_rate_in_range;
use crate::calc::scenario::{MAX_OTHER_COSTS, MAX_VISITS};
use crate::ui::state::context::use_form;
use crate::ui::state::draft::{GoalDraft, PackageDraft, Which};
use crate::ui::state::FormAction;
use crate::ui::state::{CostField, VisitField};
use crate::ui::widgets::fields::{field_id, Input, InputKind};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub which: Which,
    pub package: PackageDraft,
    pub goals: Vec<GoalDraft>,
    /// The settings rate as typed, for the hint on each visit's own rate.
    pub settings_rate: AttrValue,
}

const QUICK_MINUTES: [&str; 4] = ["15", "30", "45", "60"];

#[component]
pub fn PackageEditor(props: &Props) -> Html {
    let form = use_form();
    let which = props.which;
    let base = which.path();
    let list_error = |path: String| {
        form.error(&path)
            .map(|e| html! { <p class="error-message"><span class="visually-hidden">{ "Error: " }</span>{ e }</p> })
    };
    html! {
        <div class="package">
            <h3 class="heading-s" id={field_id(&format!("{base}.visits"))} tabindex="-1">{ "Visits" }</h3>
            { list_error(format!("{base}.visits")).unwrap_or_default() }
            if props.package.visits.is_empty() {
                <p class="hint">{ "No visits yet." }</p>
            }
            { for props.package.visits.iter().enumerate().map(|(i, visit)| {
                let key = visit.key;
                let path = |field: &str| AttrValue::from(format!("{base}.visits[{i}].{field}"));
                let edit = |field: VisitField| form.on_text(move |t| FormAction::EditVisit(which, key, field, t).into());
                let goals_id = field_id(&format!("{base}.visits[{i}].goals"));
                html! {
                    <fieldset class="card" key={key}>
                        <legend class="card__title">{ format!("Visit {}", i + 1) }</legend>
                        <Input field={form.field(&path("label"))} label={html!{ "Name (optional)" }} hint={html!{ "For example, “Morning: washing and dressing”" }}
                            value={visit.label.clone()} oninput={edit(VisitField::Label)} />
                        <div class="field-row">
                            <Input field={form.field(&path("minutes"))} label={html!{ "Length" }} kind={InputKind::Whole} width="w-4"
                                suffix="minutes" value={visit.minutes.clone()} oninput={edit(VisitField::Minutes)}>
                                <div class="quick no-print" role="group" aria-label={format!("Quick choices for the length of visit {}", i + 1)}>
                                    { for QUICK_MINUTES.iter().map(|m| {
                                        let pressed = visit.minutes.trim() == *m;
                                        html! {
                                            <button type="button" class="button button--quick" aria-pressed={pressed.to_string()}
                                                onclick={form.on_click(FormAction::EditVisit(which, key, VisitField::Minutes, m.to_string()).into())}>
                                                { *m }<span class="visually-hidden">{ " minutes" }</span>
                                            </button>
                                        }
                                    }) }
                                </div>
                            </Input>
                            <Input field={form.field(&path("carers"))} label={html!{ "Carers" }} kind={InputKind::Whole} width="w-2"
                                value={visit.carers.clone()} oninput={edit(VisitField::Carers)} />
                            <Input field={form.field(&path("days_per_week"))} label={html!{ "Days a week" }} kind={InputKind::Whole} width="w-2"
                                value={visit.days_per_week.clone()} oninput={edit(VisitField::DaysPerWeek)} />
                        </div>
                        <Input field={form.field(&path("hourly_rate"))} label={html!{ "Own hourly rate (optional)" }} kind={InputKind::Money} width="w-5"
                            hint={html!{ { rate_hint(&props.settings_rate) } }}
                            suffix="an hour" value={visit.hourly_rate.clone()} oninput={edit(VisitField::HourlyRate)} />
                        if !props.goals.is_empty() {
                            <fieldset class={crate::ui::widgets::format::class_names(&[Some("fieldset field"), form.error(&format!("{base}.visits[{i}].goals")).is_some().then_some("field--error")])}
                                id={goals_id} tabindex="-1">
                                <legend class="legend legend--small">{ "Goals this visit helps with" }</legend>
                                <div class="checkboxes">
                                    { for props.goals.iter().enumerate().map(|(g, goal)| {
                                        let id = format!("{}-{}", field_id(&format!("{base}.visits[{i}].goal")), goal.key);
                                        let checked = visit.goals.contains(&goal.id);
                                        let words = if goal.description.trim().is_empty() { format!("Goal {}", g + 1) } else { format!("Goal {}: {}", g + 1, goal.description.trim()) };
                                        html! {
                                            <div class="checkbox">
                                                <input class="checkbox__input" type="checkbox" id={id.clone()} checked={checked}
                                                    onchange={form.on_text({ let gid = goal.id.clone(); move |_| FormAction::ToggleVisitGoal(which, key, gid.clone()).into() }).reform(|_: Event| String::new())} />
                                                <label class="checkbox__label" for={id}>{ words }</label>
                                            </div>
                                        }
                                    }) }
                                </div>
                            </fieldset>
                        }
                        <button type="button" class="button button--link no-print" onclick={form.on_click(FormAction::RemoveVisit(which, key).into())}>
                            { "Remove" }<span class="visually-hidden">{ format!(" visit {}", i + 1) }</span>
                        </button>
                    </fieldset>
                }
            }) }
            if props.package.visits.len() < MAX_VISITS {
                <button type="button" class="button button--secondary no-print" onclick={form.on_click(FormAction::AddVisit(which).into())}>
                    { if props.package.visits.is_empty() { "Add a visit" } else { "Add another visit" } }
                </button>
            }

            <h3 class="heading-s" id={field_id(&format!("{base}.other_costs"))} tabindex="-1">{ "Other weekly costs" }</h3>
            <p class="hint">{ "For example telecare, equipment hire or meals." }</p>
            { list_error(format!("{base}.other_costs")).unwrap_or_default() }
            { for props.package.other_costs.iter().enumerate().map(|(i, cost)| {
                let key = cost.key;
                let path = |field: &str| AttrValue::from(format!("{base}.other_costs[{i}].{field}"));
                html! {
                    <fieldset class="card card--compact" key={key}>
                        <legend class="card__title">{ format!("Cost {}", i + 1) }</legend>
                        <div class="field-row">
                            <Input field={form.field(&path("label"))} label={html!{ "What it is" }} width="w-12" value={cost.label.clone()}
                                oninput={form.on_text(move |t| FormAction::EditCost(which, key, CostField::Label, t).into())} />
                            <Input field={form.field(&path("weekly"))} label={html!{ "Cost a week" }} kind={InputKind::Money} width="w-5" value={cost.weekly.clone()}
                                oninput={form.on_text(move |t| FormAction::EditCost(which, key, CostField::Weekly, t).into())} />
                        </div>
                        <button type="button" class="button button--link no-print" onclick={form.on_click(FormAction::RemoveCost(which, key).into())}>
                            { "Remove" }<span class="visually-hidden">{ format!(" cost {}", i + 1) }</span>
                        </button>
                    </fieldset>
                }
            }) }
            if props.package.other_costs.len() < MAX_OTHER_COSTS {
                <button type="button" class="button button--secondary no-print" onclick={form.on_click(FormAction::AddCost(which).into())}>
                    { "Add a weekly cost" }
                </button>
            }
        </div>
    }
}

/// The hint on a visit's own rate: names the settings rate only when it is a valid amount.
fn rate_hint(settings_rate: &str) -> String {
    match crate::calc::Pence::parse(settings_rate).filter(|p| hourly_rate_in_range(*p)) {
        Some(rate) => format!("Leave empty to use the hourly rate in the settings ({})", rate.display()),
        None => "Leave empty to use the hourly rate in the settings".to_string(),
    }
}
