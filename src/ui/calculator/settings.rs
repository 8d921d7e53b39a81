//! The figures the calculation uses, each with its source and year, all changeable.

use crate::calc::council::CouncilFile;
use crate::ui::state::context::use_form;
use crate::ui::state::draft::Draft;
use crate::ui::state::FormAction;
use crate::ui::state::Setting;
use crate::ui::widgets::fields::{Input, InputKind};
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub draft: Rc<Draft>,
    /// Where the defaults come from: a council's own `council.json`, or the calculator's.
    pub council: Rc<CouncilFile>,
}

#[component]
pub fn Settings(props: &Props) -> Html {
    let form = use_form();
    let set = |setting: Setting| form.on_text(move |t| FormAction::Set(setting, t).into());
    let d = &props.draft;
    let figures = props.council.figures();
    let default = |amount: crate::calc::Pence, source: &str| match &figures.council {
        Some(council) => format!("Default {}, set by {council}: {source}", amount.display()),
        None => format!("Default {}: {source}", amount.display()),
    };
    let intro = match &figures.council {
        Some(council) => format!(
            "The defaults are {council}'s own figures, from the sources shown. Change them if this case needs others."
        ),
        None => "The defaults come from the sources shown. Change them to match your council.".to_string(),
    };
    html! {
        <section class="section section--sources" aria-labelledby="settings-heading">
            <h2 class="heading-m" id="settings-heading">{ "5. Figures used" }</h2>
            <p class="hint">{ intro }</p>
            if let Some(note) = props.council.note() {
                <div class="inset inset--warning" data-testid="council-note"><p>{ note }</p></div>
            }
            <Input field={form.field("settings.baseline_weekly")} label={html!{ "Baseline cost per person per week" }} kind={InputKind::Money} width="w-5"
                hint={html!{ { default(figures.baseline_weekly, &figures.baseline_source) } }}
                value={d.baseline.clone()} oninput={set(Setting::Baseline)} />
            <Input field={form.field("settings.hourly_rate")} label={html!{ "Hourly rate for home care" }} kind={InputKind::Money} width="w-5" suffix="an hour"
                hint={html!{ { default(figures.hourly_rate, &figures.hourly_rate_source) } }}
                value={d.hourly_rate.clone()} oninput={set(Setting::HourlyRate)} />
            <Input field={form.field("settings.weeks_per_year")} label={html!{ "Weeks in a year" }} kind={InputKind::Whole} width="w-2"
                hint={html!{ "Used for the yearly effect. Usually 52." }}
                value={d.weeks_per_year.clone()} oninput={set(Setting::WeeksPerYear)} />
            <Input field={form.field("reablement_cost")} label={html!{ "Cost of the reablement (optional)" }} kind={InputKind::Money} width="w-7"
                hint={html!{ "To work out how many weeks of savings pay for it. Reablement is free to the person for up to 6 weeks (Care and Support (Charging and Assessment of Resources) Regulations 2014)." }}
                value={d.reablement_cost.clone()} oninput={set(Setting::ReablementCost)} />
        </section>
    }
}
