//! The person's goals: what they want to be able to do, the Care Act outcome it is about,
//! and how it is going.

use crate::calc::scenario::{GoalStatus, OutcomeArea, MAX_GOALS, MAX_REABLEMENT_WEEKS};
use crate::ui::state::context::use_form;
use crate::ui::state::draft::GoalDraft;
use crate::ui::state::FormAction;
use crate::ui::state::GoalField;
use crate::ui::state::Setting;
use crate::ui::widgets::fields::{choices, field_id, Input, InputKind, Radios, Select};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub goals: Vec<GoalDraft>,
}

pub fn outcome_options() -> Vec<(&'static str, &'static str)> {
    OutcomeArea::ALL.iter().map(|o| (o.code(), o.plain_words())).collect()
}

pub fn status_options() -> Vec<(&'static str, &'static str)> {
    GoalStatus::ALL.iter().map(|s| (s.code(), s.plain_words())).collect()
}

#[component]
pub fn Goals(props: &Props) -> Html {
    let form = use_form();
    html! {
        <section class="section" id={field_id("goals")} tabindex="-1" aria-labelledby="goals-heading">
            <h2 class="heading-m" id="goals-heading">{ "2. The person's goals" }</h2>
            <p class="hint">{ "What the person wants to be able to do again, in their words. Link each visit to the goals it helps with: when all of a visit's goals are achieved, the visit can stop." }</p>
            if let Some(error) = form.error("goals") {
                <p class="error-message"><span class="visually-hidden">{ "Error: " }</span>{ error }</p>
            }
            { for props.goals.iter().enumerate().map(|(i, goal)| {
                let key = goal.key;
                let path = |field: &str| AttrValue::from(format!("goals[{i}].{field}"));
                html! {
                    <fieldset class="card" key={key}>
                        <legend class="card__title">{ format!("Goal {}", i + 1) }</legend>
                        <Input field={form.field(&path("description"))} label={html!{ "What does the person want to be able to do?" }}
                            hint={html!{ "For example, “Make my own lunch”" }}
                            value={goal.description.clone()}
                            oninput={form.on_text(move |t| FormAction::EditGoal(key, GoalField::Description, t).into())} />
                        <Select field={form.field(&path("outcome"))} label={html!{ "Which outcome is this about?" }}
                            value={goal.outcome.clone()} options={choices(outcome_options())}
                            onchange={form.on_text(move |t| FormAction::EditGoal(key, GoalField::Outcome, t).into())} />
                        <Radios field={form.field(&path("status"))} legend={html!{ "How is it going?" }} inline=true small=true
                            value={goal.status.clone()} options={status_options()}
                            onchange={form.on_text(move |t| FormAction::EditGoal(key, GoalField::Status, t).into())} />
                        if goal.status == GoalStatus::Achieved.code() {
                            <div class="conditional">
                                <Input field={form.field(&path("achieved_week"))} label={html!{ "In which week was it achieved? (optional)" }}
                                    kind={InputKind::Whole} width="w-2"
                                    hint={html!{ "For example, 1 for the first week of reablement. The visits it helps with stop from the week after." }}
                                    value={goal.achieved_week.clone()}
                                    oninput={form.on_text(move |t| FormAction::EditGoal(key, GoalField::AchievedWeek, t).into())} />
                            </div>
                        }
                        <button type="button" class="button button--link no-print" onclick={form.on_click(FormAction::RemoveGoal(key).into())}>
                            { "Remove" }<span class="visually-hidden">{ format!(" goal {}", i + 1) }</span>
                        </button>
                    </fieldset>
                }
            }) }
            if props.goals.len() < MAX_GOALS {
                <button type="button" class="button button--secondary no-print" onclick={form.on_click(FormAction::AddGoal.into())}>
                    { if props.goals.is_empty() { "Add a goal" } else { "Add another goal" } }
                </button>
            }
        </section>
    }
}

#[derive(Properties, PartialEq)]
pub struct WeeksProps {
    pub value: AttrValue,
}

/// "How many weeks did reablement last?" (contract 1.1): with it, the result shows the cost
/// week by week during reablement.
#[component]
pub fn ReablementWeeks(props: &WeeksProps) -> Html {
    let form = use_form();
    html! {
        <Input field={form.field("reablement_weeks")} label={html!{ "How many weeks did reablement last? (optional)" }}
            kind={InputKind::Whole} width="w-2" suffix="weeks"
            hint={html!{ format!("A whole number of weeks, up to {MAX_REABLEMENT_WEEKS}. Reablement is free to the person for up to 6 weeks. With it, the result shows the cost of care week by week.") }}
            value={props.value.clone()} oninput={form.on_text(|t| FormAction::Set(Setting::ReablementWeeks, t).into())} />
    }
}
