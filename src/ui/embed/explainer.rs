//! The public explainer: what reablement is and how the council measures what it achieved,
//! in short sentences (a reading age of about 9 to 11), then one worked example the reader
//! can change by ticking the goals the person has done. Every amount comes from
//! `calc::calculate`: the explainer only decides which goals are done.

use crate::calc::explain::hours_and_minutes;
use crate::calc::money::display_exact_pounds;
use crate::calc::outcome::{Calculation, VisitFate};
use crate::calc::scenario::GoalStatus;
use crate::calc::wording::AgainstBaseline;
use crate::calc::{calculate, Pence, Scenario};
use crate::ui::embed::layout::heading;
use crate::ui::embed::weeks::ExplainerWeeks;
use crate::ui::embed::{ARTHUR, EXAMPLES};
use crate::ui::examples::data::Example;
use crate::ui::widgets::chart;
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct Props {
    /// The key of the worked example (Arthur's when it is not one).
    pub example: AttrValue,
    /// The baseline to compare with; the example's own when `None`.
    #[prop_or_default]
    pub baseline: Option<Pence>,
    /// The hourly rate for care; the example's own when `None`.
    #[prop_or_default]
    pub hourly_rate: Option<Pence>,
    /// Show the example's weeks of reablement after the worked example (`weeks="on"`).
    #[prop_or_default]
    pub weeks: bool,
    /// The level of the first headings (2 to 6, `heading-level`); subheadings go one lower.
    #[prop_or(super::layout::DEFAULT_HEADING_LEVEL)]
    pub heading_level: u8,
    /// Whether to start with "What is reablement?" and "How do we know if it worked?".
    #[prop_or(true)]
    pub intro: bool,
}

pub fn find(key: &str) -> &'static Example {
    EXAMPLES.iter().find(|e| e.key == key).unwrap_or(ARTHUR)
}

/// The example as the explainer starts it: no goal done yet, the package after worked out
/// from the goals, and the element's baseline and rate where it gives them.
pub fn start_scenario(example: &Example, baseline: Option<Pence>, hourly_rate: Option<Pence>) -> Scenario {
    let mut scenario = with_figures(example, baseline, hourly_rate);
    scenario.after = None;
    // The reader ticks what is done; when is the weeks' part (`weeks="on"`), not this one.
    scenario.reablement_weeks = None;
    for goal in &mut scenario.goals {
        goal.status = GoalStatus::NotAchieved;
        goal.achieved_week = None;
    }
    scenario
}

/// The example as it is, with the element's baseline and hourly rate where it gives them.
pub fn with_figures(example: &Example, baseline: Option<Pence>, hourly_rate: Option<Pence>) -> Scenario {
    let mut scenario = example.scenario();
    if let Some(baseline) = baseline {
        scenario.settings.baseline_weekly = baseline;
    }
    if let Some(rate) = hourly_rate {
        scenario.settings.hourly_rate = rate;
    }
    scenario
}

/// `scenario` with the goals ticked in `done` achieved, and the others not.
pub fn with_done(scenario: &Scenario, done: &[bool]) -> Scenario {
    let mut scenario = scenario.clone();
    for (goal, done) in scenario.goals.iter_mut().zip(done) {
        goal.status = if *done { GoalStatus::Achieved } else { GoalStatus::NotAchieved };
    }
    scenario
}

/// The person's situation before reablement, in plain words.
fn intro(example: &Example) -> &'static str {
    match example.key {
        "arthur" => "Before reablement, carers visited Arthur 3 times a day. In the morning they helped him wash and get dressed. At lunchtime they made his lunch. In the evening they helped him get undressed.",
        "partial-goals" => "Before reablement, carers visited Beryl 5 times a day. She also has telecare: an alarm she can press to call for help.",
        "double-handed" => "Before reablement, Dev needed 2 carers at a time to get up and to go to bed. They used a hoist: a machine that lifts him safely. Another carer made his lunch.",
        "explicit-after-telecare" => "Before reablement, carers visited Cora 4 times a day: in the morning, at lunchtime, at teatime and at bedtime.",
        "needs-grew" => "Before reablement, carers visited Doris twice a day: in the morning to help her wash, and in the evening to make a meal.",
        "short-calls" => "Before reablement, carers visited Ken 3 times a day, just to remind him to take his tablets. Once a week, a carer took him shopping. He also has a pill box that opens by itself at the right times.",
        _ => "Before reablement, carers visited this person at home.",
    }
}

fn how_often(days: u32) -> String {
    match days {
        7 => "every day".to_string(),
        1 => "once a week".to_string(),
        2 => "twice a week".to_string(),
        d => format!("{d} days a week"),
    }
}

/// "“Wash myself” and “Make my own lunch”".
fn goal_names(scenario: &Scenario, ids: &[String]) -> String {
    let names: Vec<String> = ids
        .iter()
        .filter_map(|id| scenario.goals.iter().find(|g| &g.id == id))
        .map(|g| format!("“{}”", g.description))
        .collect();
    match names.as_slice() {
        [] => String::new(),
        [one] => one.clone(),
        [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
    }
}

/// Which goals are ticked, and how many ticks there have been (each brings the cost sentence
/// into sight).
#[derive(Clone, Debug, PartialEq)]
struct Done(Vec<bool>, u32);

impl Reducible for Done {
    type Action = usize;
    fn reduce(self: Rc<Self>, index: usize) -> Rc<Self> {
        let mut done = self.0.clone();
        if let Some(d) = done.get_mut(index) {
            *d = !*d;
        }
        Rc::new(Done(done, self.1 + 1))
    }
}

/// The length of a bar, in thousandths of the longest: at least 8 when above zero, so a small
/// amount still shows.
fn bar_length(pence: i64, longest: i64) -> i64 {
    chart::bar_length(pence, longest, 1000, 8)
}

/// The sentence read out when the cost changes.
fn cost_sentence(name: &str, calculation: &Calculation) -> String {
    let o = &calculation.outcome;
    let after = o.after.weekly_pence.display();
    let saving = -o.change_pence;
    if o.change_pence == Pence::ZERO {
        format!("{name}'s care still costs {after} a week, the same as before reablement.")
    } else if o.after.weekly_pence == Pence::ZERO {
        format!(
            "{name} needs no more care, so the cost is now {after} a week. That is {} a week less than before.",
            saving.display()
        )
    } else if o.change_pence < Pence::ZERO {
        format!("{name}'s care now costs {after} a week. That is {} a week less than before.", saving.display())
    } else {
        format!("{name}'s care now costs {after} a week. That is {} a week more than before.", o.change_pence.display())
    }
}

fn baseline_sentence(name: &str, calculation: &Calculation) -> String {
    match AgainstBaseline::from_gap(calculation.outcome.after_vs_baseline_pence) {
        AgainstBaseline::Same => format!("{name}'s care now costs the same as the baseline."),
        AgainstBaseline::Above(p) => format!("{name}'s care now costs {} a week more than the baseline.", p.display()),
        AgainstBaseline::Below(p) => format!("{name}'s care now costs {} a week less than the baseline.", p.display()),
    }
}

#[component]
pub fn Explainer(props: &Props) -> Html {
    let example = find(&props.example);
    let name = example.name;
    let start = start_scenario(example, props.baseline, props.hourly_rate);
    let done = use_reducer({
        let goals = start.goals.len();
        move || Done(vec![false; goals], 0)
    });
    // After each tick, the cost sentence is scrolled into sight if it is not (on a phone it
    // can be below the fold).
    let cost_now = use_node_ref();
    {
        let cost_now = cost_now.clone();
        use_effect_with(done.1, move |count| {
            if *count > 0 {
                if let Some(el) = cost_now.cast::<web_sys::Element>() {
                    crate::ui::browser::focus::reveal(&el);
                }
            }
        });
    }
    let (h, sub) = (props.heading_level, super::layout::sub_level(props.heading_level));
    let scenario = with_done(&start, &done.0);
    let calculation = calculate(&scenario);
    let outcome = &calculation.outcome;
    let settings = &scenario.settings;

    let goals = scenario.goals.iter().enumerate().map(|(i, goal)| {
        let id = format!("explainer-goal-{i}");
        let onchange = {
            let done = done.dispatcher();
            Callback::from(move |_: Event| done.dispatch(i))
        };
        html! {
            <div class="checkbox explainer__goal">
                <input class="checkbox__input" type="checkbox" id={id.clone()} checked={done.0[i]} {onchange} />
                <label class="checkbox__label" for={id}>{ goal.description.clone() }</label>
            </div>
        }
    });

    let visits = scenario.before.visits.iter().enumerate().map(|(i, visit)| {
        let fate = calculation.working.fates.get(i);
        let stops = fate == Some(&VisitFate::Withdrawn);
        let why = match fate {
            Some(VisitFate::Withdrawn) => {
                let all: Vec<String> = visit.goals.clone();
                format!("Stops: {} {} done.", goal_names(&scenario, &all), if all.len() == 1 { "is" } else { "are" })
            }
            Some(VisitFate::ContinuesGoalsOpen(open)) => {
                format!("Carries on: {} {} not done yet.", goal_names(&scenario, open), if open.len() == 1 { "is" } else { "are" })
            }
            _ => "Carries on: it is not linked to a goal.".to_string(),
        };
        let label = if visit.label.trim().is_empty() { format!("Visit {}", i + 1) } else { visit.label.trim().to_string() };
        let carers = if visit.carers > 1 { format!(", {} carers", visit.carers) } else { String::new() };
        html! {
            <li class={if stops { "explainer__visit explainer__visit--stops" } else { "explainer__visit explainer__visit--carries-on" }}>
                <span class="explainer__visit-name">{ label }</span>
                <span class="explainer__visit-detail">{ format!("{} minutes{carers}, {}", visit.minutes, how_often(visit.days_per_week)) }</span>
                <span class="explainer__fate">{ why }</span>
            </li>
        }
    });
    let other_costs = scenario.before.other_costs.iter().map(|cost| {
        html! {
            <li class="explainer__visit explainer__visit--carries-on">
                <span class="explainer__visit-name">{ cost.label.clone() }</span>
                <span class="explainer__visit-detail">{ format!("{} a week", cost.weekly.display()) }</span>
                <span class="explainer__fate">{ "Carries on: it is not a visit from carers." }</span>
            </li>
        }
    });

    let longest = outcome.before.weekly_pence.max(outcome.after.weekly_pence).max(outcome.baseline_pence);
    let bar = |label: &'static str, pence: Pence, class: &'static str| {
        html! {
            <div class={class}>
                <dt class="explainer__bar-label">{ label }</dt>
                <dd class="explainer__bar-value">
                    <span class="explainer__bar-amount">{ format!("{} a week", pence.display()) }</span>
                    <svg class="explainer__bar-track" viewBox="0 0 1000 24" preserveAspectRatio="none" aria-hidden="true" focusable="false">
                        <rect class="explainer__bar-fill" x="0" y="0" width={bar_length(pence.0, longest.0).to_string()} height="24" />
                    </svg>
                </dd>
            </div>
        }
    };

    let working = {
        let after = &calculation.working.after;
        let lines = after.visits.iter().map(|v| {
            let name =
                if v.label.trim().is_empty() { format!("Visit {}", v.index + 1) } else { v.label.trim().to_string() };
            let carers = if v.carers > 1 { format!(" × {} carers", v.carers) } else { String::new() };
            html! {
                <li>{ format!(
                    "{name}: {} minutes{carers} × {} = {} a week. At {} an hour, that costs {}.",
                    v.minutes,
                    if v.days_per_week == 1 { "1 day".to_string() } else { format!("{} days", v.days_per_week) },
                    hours_and_minutes(v.minutes_per_week),
                    v.rate.display(),
                    display_exact_pounds(v.cost_sixtieths, 60),
                ) }</li>
            }
        });
        let costs = after
            .other_costs
            .iter()
            .map(|(label, weekly)| html! { <li>{ format!("{label}: {} a week.", weekly.display()) }</li> });
        html! {
            <details class="explainer__working">
                <summary class="explainer__summary">{ "How the cost is worked out" }</summary>
                <div class="explainer__working-body">
                    <p>{ format!("Carers cost the council {} an hour each.", settings.hourly_rate.display()) }</p>
                    if after.visits.is_empty() && after.other_costs.is_empty() {
                        <p>{ "Nothing is left to pay for." }</p>
                    } else {
                        <ul class="explainer__lines">{ for lines }{ for costs }</ul>
                    }
                    <p>{ format!("Added up and rounded to the nearest penny, that is {} a week.", outcome.after.weekly_pence.display()) }</p>
                </div>
            </details>
        }
    };

    html! {
        <div class="rc-explainer">
            if props.intro {
                <section class="explainer__part">
                    { heading(h, "explainer__heading", Some("explainer-what"), "What is reablement?".into()) }
                    <p>{ "Reablement is help at home for a short time. It is for people who find everyday things hard after an illness, a fall or a stay in hospital." }</p>
                    <p>{ "For up to 6 weeks, a team visits you at home. It is free. They help you learn to do things for yourself again, like washing, getting dressed or making a meal." }</p>
                </section>
                <section class="explainer__part">
                    { heading(h, "explainer__heading", Some("explainer-measure"), "How do we know if it worked?".into()) }
                    <p>
                        { "Some people still need carers to visit them after reablement. The council pays for these visits. We call this help a " }
                        <strong>{ "care package" }</strong>{ "." }
                    </p>
                    <p>{ "28 days after reablement ends, we look at how much the care package costs each week. When a person can do more for themselves, they need fewer visits, so it costs less." }</p>
                </section>
            }
            <section class="explainer__part explainer__try">
                { heading(h, "explainer__heading", Some("explainer-try"), format!("Try it: {name}'s story")) }
                <p>{ intro(example) }</p>
                <p>{ format!("{name} worked on {} with the reablement team.", if scenario.goals.len() == 1 { "1 goal".to_string() } else { format!("{} goals", scenario.goals.len()) }) }</p>
                <fieldset class="fieldset explainer__goals" aria-describedby="explainer-goals-hint">
                    <legend class="legend explainer__legend">{ format!("Which goals has {name} done?") }</legend>
                    <p class="hint" id="explainer-goals-hint">{ format!("Tick a goal when {name} can do it without help. Then see what the care costs, and which visits stop.") }</p>
                    { for goals }
                </fieldset>
                // Right after the goals, so the cost is in sight while they are ticked.
                <div class="explainer__result">
                    { heading(sub, "explainer__subheading explainer__subheading--result", None, "What the care costs each week".into()) }
                    <p class="explainer__now" role="status" aria-atomic="true" ref={cost_now}>{ cost_sentence(name, &calculation) }</p>
                    <dl class="explainer__bars">
                        { bar("Before reablement", outcome.before.weekly_pence, "explainer__bar explainer__bar--before") }
                        { bar("28 days after", outcome.after.weekly_pence, "explainer__bar explainer__bar--after") }
                        { bar("Baseline", outcome.baseline_pence, "explainer__bar explainer__bar--baseline") }
                    </dl>
                    <p>
                        { "The council compares the cost with a " }<strong>{ "baseline" }</strong>
                        { format!(" of {} a week. The baseline is an average for everyone who had reablement, including the people who need no more care at all. That is why it is low.", outcome.baseline_pence.display()) }
                    </p>
                    <p class="explainer__gap">{ baseline_sentence(name, &calculation) }</p>
                </div>
                { heading(sub, "explainer__subheading", None, format!("{name}'s care")) }
                <ul class="explainer__visits">{ for visits }{ for other_costs }</ul>
                { working }
            </section>
            if props.weeks {
                <ExplainerWeeks example={props.example.clone()} baseline={props.baseline} hourly_rate={props.hourly_rate} heading_level={h} />
            }
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn arthur(done: &[bool]) -> Calculation {
        calculate(&with_done(&start_scenario(ARTHUR, None, None), done))
    }

    #[test]
    fn arthur_starts_with_every_visit_and_loses_them_goal_by_goal() {
        assert_eq!(arthur(&[false, false, false]).outcome.after.weekly_pence, Pence(29_523));
        // Lunch done: the lunch visit (30 × 7 at £24.10) stops.
        assert_eq!(arthur(&[false, false, true]).outcome.after.weekly_pence, Pence(29_523 - 8435));
        // Dressing done, washing not: the evening visit stops, the morning one carries on.
        let c = arthur(&[false, true, false]);
        assert_eq!(c.working.fates[2], VisitFate::Withdrawn);
        assert_eq!(c.working.fates[0], VisitFate::ContinuesGoalsOpen(vec!["wash".into()]));
        assert_eq!(arthur(&[true, true, true]).outcome.after.weekly_pence, Pence::ZERO);
    }

    #[test]
    fn the_elements_figures_replace_the_examples() {
        let s = start_scenario(ARTHUR, Some(Pence(5000)), Some(Pence(3000)));
        let c = calculate(&s);
        assert_eq!(c.outcome.baseline_pence, Pence(5000));
        assert_eq!(c.outcome.before.weekly_pence, Pence(36_750)); // 735 minutes at £30.00
    }

    #[test]
    fn every_example_starts_with_no_goal_done_and_the_after_worked_out() {
        for example in EXAMPLES {
            let s = start_scenario(example, None, None);
            assert!(s.after.is_none());
            let c = calculate(&s);
            assert_eq!(c.outcome.after.weekly_pence, c.outcome.before.weekly_pence, "{}", example.key);
            assert_ne!(intro(example), intro(&Example { key: "?", ..*ARTHUR }), "{} has its own intro", example.key);
        }
    }

    #[test]
    fn sentences() {
        assert_eq!(
            cost_sentence("Arthur", &arthur(&[false; 3])),
            "Arthur's care still costs £295.23 a week, the same as before reablement."
        );
        assert_eq!(
            cost_sentence("Arthur", &arthur(&[false, false, true])),
            "Arthur's care now costs £210.88 a week. That is £84.35 a week less than before."
        );
        assert_eq!(
            cost_sentence("Arthur", &arthur(&[true; 3])),
            "Arthur needs no more care, so the cost is now £0.00 a week. That is £295.23 a week less than before."
        );
        assert_eq!(
            baseline_sentence("Arthur", &arthur(&[true; 3])),
            "Arthur's care now costs £38.13 a week less than the baseline."
        );
        assert_eq!(
            baseline_sentence("Arthur", &arthur(&[false; 3])),
            "Arthur's care now costs £257.10 a week more than the baseline."
        );
    }

    #[test]
    fn bars() {
        assert_eq!(bar_length(0, 100), 0);
        assert_eq!(bar_length(100, 100), 1000);
        assert_eq!(bar_length(1, 100_000), 8);
        assert_eq!(bar_length(3813, 29_523), 129);
    }

    #[test]
    fn goal_lists_read_as_english() {
        let s = start_scenario(ARTHUR, None, None);
        assert_eq!(goal_names(&s, &["wash".into()]), "“Wash myself”");
        assert_eq!(goal_names(&s, &["wash".into(), "dress".into()]), "“Wash myself” and “Get dressed and undressed”");
        assert_eq!(how_often(7), "every day");
        assert_eq!(how_often(3), "3 days a week");
    }
}
