//! The person's goals: what they want to be able to do, the Care Act outcome it is about,
//! and how it is going.

use crate::calc::scenario::{GoalStatus, OutcomeArea, MAX_GOALS};
use crate::ui::state::context::use_form;
use crate::ui::state::draft::GoalDraft;
use crate::ui::state::FormAction;
use crate::ui::state::GoalField;
use crate::ui::widgets::fields::{field_id, Input, Radios, Select};
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
                            value={goal.outcome.clone()} options={outcome_options()}
                            onchange={form.on_text(move |t| FormAction::EditGoal(key, GoalField::Outcome, t).into())} />
                        <Radios field={form.field(&path("status"))} legend={html!{ "How is it going?" }} inline=true small=true
                            value={goal.status.clone()} options={status_options()}
                            onchange={form.on_text(move |t| FormAction::EditGoal(key, GoalField::Status, t).into())} />
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
