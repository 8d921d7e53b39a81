//! The figures the calculation uses, each with its source and year, all changeable.

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
}

#[component]
pub fn Settings(props: &Props) -> Html {
    let form = use_form();
    let set = |setting: Setting| form.on_text(move |t| FormAction::Set(setting, t).into());
    let d = &props.draft;
    html! {
        <section class="section section--sources" aria-labelledby="settings-heading">
            <h2 class="heading-m" id="settings-heading">{ "5. Figures used" }</h2>
            <p class="hint">{ "The defaults come from the sources shown. Change them to match your council." }</p>
            <Input field={form.field("settings.baseline_weekly")} label={html!{ "Baseline cost per person per week" }} kind={InputKind::Money} width="w-5"
                hint={html!{ <>{ "Default £38.13: Leicestershire County Council, adult social care target operating model update, November 2019. It is the average over everyone leaving reablement. The redesigned service reached £29.98." }</> }}
                value={d.baseline.clone()} oninput={set(Setting::Baseline)} />
            <Input field={form.field("settings.hourly_rate")} label={html!{ "Hourly rate for home care" }} kind={InputKind::Money} width="w-5" suffix="an hour"
                hint={html!{ <>{ "Default £24.10: Homecare Association, average fee rate paid by councils for home care in 2025-26 (June 2025). For comparison, its minimum sustainable rate for 2025/26 is £32.14." }</> }}
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
