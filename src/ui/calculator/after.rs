//! The package 28 days after reablement: worked out from the goals (the default), with each
//! visit's fate and the reason, or entered directly starting from a copy of before.

use crate::calc::explain::carries_on_reason;
use crate::calc::outcome::{Calculation, VisitFate};
use crate::calc::scenario::GoalStatus;
use crate::ui::calculator::package::PackageEditor;
use crate::ui::state::context::use_form;
use crate::ui::state::draft::{Draft, Which};
use crate::ui::state::FormAction;

use crate::ui::widgets::fields::{field_id, Radios};
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub draft: Rc<Draft>,
    pub calculation: Option<Rc<Calculation>>,
}

#[component]
pub fn AfterPackage(props: &Props) -> Html {
    let form = use_form();
    let draft = &props.draft;
    let explicit = draft.after.is_some();
    let onchange = {
        let dispatch = form.dispatch.clone();
        Callback::from(move |choice: String| {
            dispatch.dispatch(FormAction::SetAfterExplicit(choice == "entered").into())
        })
    };
    let visit_name = |i: usize| {
        let label = draft.before.visits.get(i).map(|v| v.label.trim().to_string()).unwrap_or_default();
        if label.is_empty() {
            format!("Visit {}", i + 1)
        } else {
            label
        }
    };
    // The open goals' descriptions and statuses, for the reason a visit carries on (the
    // calculation exists, so every linked goal is valid).
    let reason = |ids: &[String]| {
        let open: Vec<(&str, GoalStatus)> = ids
            .iter()
            .filter_map(|id| draft.goals.iter().find(|g| &g.id == id))
            .filter_map(|g| Some((g.description.as_str(), GoalStatus::from_code(&g.status)?)))
            .collect();
        carries_on_reason(&open)
    };
    html! {
        <section class="section" id={field_id("after")} tabindex="-1" aria-labelledby="after-heading">
            <h2 class="heading-m" id="after-heading">{ "4. Care package 28 days after reablement" }</h2>
            <Radios field={form.field("after-choice")} legend={html!{ "How should the calculator get this package?" }}
                value={if explicit { "entered" } else { "derived" }}
                options={vec![("derived", "Work it out from the goals"), ("entered", "Enter it myself (starting from a copy of the package before)")]}
                {onchange} />
            if explicit {
                <PackageEditor which={Which::After} package={draft.after.clone().unwrap_or_default()}
                    goals={draft.goals.clone()} settings_rate={draft.hourly_rate.clone()} />
            } else {
                <p class="hint">{ "A visit is withdrawn when it helps with at least one goal and all its goals are achieved. Every other visit and every other cost carries on." }</p>
                if let Some(calc) = &props.calculation {
                    if calc.working.fates.is_empty() {
                        <p>{ "There are no visits in the package before reablement yet." }</p>
                    } else {
                        <ul class="fates">
                            { for calc.working.fates.iter().enumerate().map(|(i, fate)| match fate {
                                VisitFate::Withdrawn => html! {
                                    <li class="fate fate--stops"><strong>{ visit_name(i) }</strong>{ " is withdrawn: all its goals achieved" }</li>
                                },
                                VisitFate::ContinuesGoalsOpen(open) => html! {
                                    <li class="fate"><strong>{ visit_name(i) }</strong>{ format!(" carries on: {}", reason(open)) }</li>
                                },
                                VisitFate::ContinuesNoGoals => html! {
                                    <li class="fate"><strong>{ visit_name(i) }</strong>{ format!(" carries on: {}", carries_on_reason(&[])) }</li>
                                },
                            }) }
                        </ul>
                    }
                } else {
                    <p class="hint">{ "This shows when all the answers are complete." }</p>
                }
            }
        </section>
    }
}
