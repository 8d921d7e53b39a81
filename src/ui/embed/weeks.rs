//! The explainer's week-by-week part (`weeks="on"`): the worked example's own weeks of
//! reablement in plain words, then the step chart drawn one step after another (not when the
//! reader prefers less motion: the CSS says so) with its table. Every amount is `calc`'s.

use crate::calc::scenario::GoalStatus;
use crate::calc::{calculate, Pence, Scenario};
use crate::ui::embed::explainer::{find, with_figures};
use crate::ui::state::computed::Weeks;
use crate::ui::widgets::weeks::WeekByWeek;
use yew::prelude::*;

/// The worked example by its key, with the element's baseline and hourly rate where it gives
/// them: compared field by field, so a new render of the explainer compares a few values
/// rather than two whole scenarios (and the module needs no scenario comparison at all).
#[derive(Properties, PartialEq)]
pub struct Props {
    /// The key of the worked example.
    pub example: AttrValue,
    #[prop_or_default]
    pub baseline: Option<Pence>,
    #[prop_or_default]
    pub hourly_rate: Option<Pence>,
    /// The level of its heading (the explainer's `heading-level`); the chart's go one lower.
    #[prop_or(super::layout::DEFAULT_HEADING_LEVEL)]
    pub heading_level: u8,
}

/// "“A”", "“A” and “B”", "“A”, “B” and “C”".
fn quoted_list(items: &[String]) -> String {
    let quoted: Vec<String> = items.iter().map(|s| format!("“{}”", s.trim())).collect();
    match quoted.as_slice() {
        [] => String::new(),
        [one] => one.clone(),
        [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
    }
}

/// One week in plain words: what the person had learned to do the week before, and which
/// visits stopped because of it.
pub fn week_words(name: &str, scenario: &Scenario, weeks: &Weeks, index: usize) -> String {
    let week = &weeks.episode.timeline[index];
    let cost = format!("The care cost {} that week.", week.weekly_pence.display());
    if index == 0 {
        return format!("Week 1: carers came for every visit, as before. {cost}");
    }
    let stopped = &weeks.stopped[index];
    if stopped.is_empty() {
        return format!("Week {}: no more visits stopped. {cost}", week.week);
    }
    let done: Vec<String> = scenario
        .goals
        .iter()
        .filter(|g| g.status == GoalStatus::Achieved && g.achieved_week == Some(week.week - 1))
        .map(|g| g.description.clone())
        .collect();
    format!(
        "Week {}: {name} could now do {} without help, so the {} {} stopped. {cost}",
        week.week,
        quoted_list(&done),
        quoted_list(stopped),
        if stopped.len() == 1 { "visit" } else { "visits" }
    )
}

#[component]
pub fn ExplainerWeeks(props: &Props) -> Html {
    let example = find(&props.example);
    let name = example.name;
    // The worked example as it happened (not as the explainer starts it), with the figures.
    let scenario = &with_figures(example, props.baseline, props.hourly_rate);
    let calculation = calculate(scenario);
    let Some(weeks) = Weeks::of(scenario, &calculation) else {
        return html! {};
    };
    let o = &calculation.outcome;
    let after = if o.after.weekly_pence == Pence(0) {
        format!("After reablement, {name} needed no more care: £0.00 a week.")
    } else {
        format!("28 days after reablement, {name}'s care cost {} a week.", o.after.weekly_pence.display())
    };
    html! {
        <section class="explainer__part explainer__weeks" aria-labelledby="explainer-weeks-title">
            { super::layout::heading(props.heading_level, "explainer__heading", Some("explainer-weeks-title"), format!("Week by week: how {name}'s care changed")) }
            <p>{ format!("The team checks every week how {name} is doing. When {name} can do something without help, the visits for it stop the next week.") }</p>
            <ol class="explainer__week-list">
                { for (0..weeks.episode.timeline.len()).map(|i| html! { <li>{ week_words(name, scenario, &weeks, i) }</li> }) }
            </ol>
            <p>{ after }</p>
            <WeekByWeek id="explainer-weeks" heading_level={super::layout::sub_level(props.heading_level)} animate=true
                episode={weeks.episode.clone()} stopped={weeks.stopped.clone()}
                before_pence={o.before.weekly_pence} after_pence={o.after.weekly_pence}
                baseline_pence={o.baseline_pence} sentence={weeks.sentence.clone()} />
        </section>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ui::examples::data::{ARTHUR, EXAMPLES};

    fn words(key: &str) -> Vec<String> {
        let example = EXAMPLES.iter().find(|e| e.key == key).unwrap();
        let scenario = with_figures(example, None, None);
        let weeks = Weeks::of(&scenario, &calculate(&scenario)).unwrap();
        (0..weeks.episode.timeline.len()).map(|i| week_words(example.name, &scenario, &weeks, i)).collect()
    }

    #[test]
    fn arthurs_weeks_in_plain_words() {
        assert_eq!(
            words("arthur"),
            [
                "Week 1: carers came for every visit, as before. The care cost £295.23 that week.",
                "Week 2: Arthur could now do “Get dressed and undressed” without help, so the “Evening: undressing” visit stopped. The care cost £210.88 that week.",
            ]
        );
    }

    #[test]
    fn weeks_with_nothing_new_and_two_visits_at_once() {
        let ken = words("short-calls");
        assert_eq!(ken.len(), 4);
        assert!(ken[2].contains("so the “Breakfast tablets” and “Teatime tablets” visits stopped"), "{}", ken[2]);
        assert!(ken[3].starts_with("Week 4: no more visits stopped."), "{}", ken[3]);
        assert!(words("needs-grew").iter().skip(1).all(|w| w.contains("no more visits stopped")));
    }

    #[test]
    fn the_elements_figures_apply_to_the_weeks() {
        let s = with_figures(&ARTHUR, Some(Pence(5000)), Some(Pence(3000)));
        let weeks = Weeks::of(&s, &calculate(&s)).unwrap();
        assert_eq!(weeks.episode.timeline[0].weekly_pence, Pence(36_750)); // 735 minutes at £30.00
    }
}
