//! What presentation mode says, slide by slide, for a classroom: who the person is (a worked
//! example's own story), their goals, which visit serves which goal, then every step of the
//! working, an ending in plain words, and the next example. Pure (no Yew), so the slides and
//! the printed handout (`handout`) say the same, and the words are tested natively.

use crate::calc::explain::{hours_and_minutes, Section};
use crate::calc::scenario::GoalStatus;
use crate::calc::wording::AgainstBaseline;
use crate::calc::{Outcome, Scenario};
use crate::ui::examples::data::{Example, EXAMPLES};

/// What one slide shows below its section's name.
#[derive(Clone, Debug, PartialEq)]
pub enum Body {
    /// One paragraph (the story, or a step of the working).
    Text(String),
    /// A list (the goals; the visits and the goals each one serves).
    List(Vec<String>),
    /// The ending: a plain-words sentence, then what it is compared with.
    Ending { headline: String, detail: String },
    /// The offer of the next worked example (an index into [`EXAMPLES`]).
    Next(usize),
}

#[derive(Clone, Debug, PartialEq)]
pub struct Slide {
    pub section: String,
    pub body: Body,
    /// The step of the working (counted over every section) whose chart this slide shows.
    pub chart_step: Option<usize>,
}

/// The worked example `draft`'s scenario is, unchanged (its index in [`EXAMPLES`]).
pub fn example_index(scenario: &Scenario) -> Option<usize> {
    EXAMPLES.iter().position(|example| example.scenario() == *scenario)
}

/// Whose working it is: a worked example's own name while the scenario is that example
/// unchanged, otherwise the scenario's case reference (nothing when it has none).
pub fn who(example: Option<&Example>, scenario: &Scenario) -> Option<String> {
    match example {
        Some(example) => Some(example.name.to_string()),
        None => Some(scenario.reference.trim()).filter(|r| !r.is_empty()).map(str::to_string),
    }
}

/// `Arthur's goals`, `The goals of TRAIN-42`, `The goals`: a name's possessive only for a
/// person's name (a worked example's), never for a case reference.
fn whose(thing: &str, example: Option<&Example>, who: Option<&str>) -> String {
    match (example, who) {
        (Some(example), _) => format!("{}'s {thing}", example.name),
        (None, Some(reference)) => format!("The {thing} of {reference}"),
        (None, None) => format!("The {thing}"),
    }
}

fn goal_line(description: &str, status: GoalStatus, week: Option<u32>) -> String {
    let status = match (status, week) {
        (GoalStatus::Achieved, Some(week)) => format!("achieved in week {week}"),
        (status, _) => status.plain_words().to_ascii_lowercase(),
    };
    format!("{}: {status}.", description.trim())
}

fn days(days: u32) -> String {
    match days {
        7 => "every day".to_string(),
        1 => "once a week".to_string(),
        n => format!("{n} days a week"),
    }
}

/// `“Wash”`, `“Wash” and “Dress”`, `“Wash”, “Dress” and “Cook”`.
fn quoted_list(names: &[&str]) -> String {
    let quoted: Vec<String> = names.iter().map(|n| format!("“{}”", n.trim())).collect();
    match quoted.split_last() {
        Some((last, rest)) if !rest.is_empty() => format!("{} and {last}", rest.join(", ")),
        _ => quoted.concat(),
    }
}

/// Each goal and how it went: `Wash myself: achieved in week 2.`
pub fn goal_lines(scenario: &Scenario) -> Vec<String> {
    scenario.goals.iter().map(|g| goal_line(&g.description, g.status, g.achieved_week)).collect()
}

/// Each visit before reablement, how long and how often, and the goals it serves.
pub fn visit_lines(scenario: &Scenario) -> Vec<String> {
    let mut lines: Vec<String> = scenario
        .before
        .visits
        .iter()
        .enumerate()
        .map(|(i, visit)| {
            let name =
                if visit.label.trim().is_empty() { format!("Visit {}", i + 1) } else { visit.label.trim().to_string() };
            let carers = if visit.carers == 1 { String::new() } else { format!(", {} carers", visit.carers) };
            let goals: Vec<&str> = visit
                .goals
                .iter()
                .filter_map(|id| scenario.goals.iter().find(|g| &g.id == id))
                .map(|g| g.description.as_str())
                .collect();
            let serves =
                if goals.is_empty() { "no goal linked".to_string() } else { format!("for {}", quoted_list(&goals)) };
            format!(
                "{name} — {}{carers}, {} — {serves}.",
                hours_and_minutes(i64::from(visit.minutes)),
                days(visit.days_per_week)
            )
        })
        .collect();
    for cost in &scenario.before.other_costs {
        let label = if cost.label.trim().is_empty() { "Other cost" } else { cost.label.trim() };
        lines.push(format!("{label} — {} a week — not a visit, so no goal stops it.", cost.weekly.display()));
    }
    lines
}

/// The ending in plain words: "Arthur's care now costs £0.00 a week: £38.13 below the
/// baseline." and what it was before.
pub fn ending(example: Option<&Example>, who: Option<&str>, outcome: &Outcome) -> (String, String) {
    let care = match (example, who) {
        (Some(example), _) => format!("{}'s care", example.name),
        (None, Some(reference)) => format!("The care for {reference}"),
        (None, None) => "The care".to_string(),
    };
    let after = outcome.after.weekly_pence;
    let against = match AgainstBaseline::from_gap(outcome.after_vs_baseline_pence) {
        AgainstBaseline::Below(p) => format!("{} below the baseline", p.display()),
        AgainstBaseline::Above(p) => format!("{} above the baseline", p.display()),
        AgainstBaseline::Same => "the same as the baseline".to_string(),
    };
    let headline = format!("{care} now costs {} a week: {against}.", after.display());
    let before = outcome.before.weekly_pence;
    let change = outcome.change_pence;
    let than_before = match change.signum() {
        -1 => format!("{} a week less now", (-change).display()),
        1 => format!("{} a week more now", change.display()),
        _ => "the same now".to_string(),
    };
    let detail = format!(
        "Before reablement it cost {} a week: {than_before}. The baseline, {} a week, is the average for everyone who had reablement, including the people who need no more care at all.",
        before.display(),
        outcome.baseline_pence.display()
    );
    (headline, detail)
}

/// The example offered after `example`: the next in the list, the first after the last, and
/// the first when the scenario is not a worked example.
pub fn next_example(example: Option<usize>) -> usize {
    example.map_or(0, |i| (i + 1) % EXAMPLES.len())
}

/// Every slide, in order: the story (a worked example only), the goals, the visits and their
/// goals, each step of the working, the ending, the next example.
pub fn slides(scenario: &Scenario, example: Option<usize>, sections: &[Section], outcome: &Outcome) -> Vec<Slide> {
    let ex = example.and_then(|i| EXAMPLES.get(i));
    let who = who(ex, scenario);
    let who = who.as_deref();
    let mut slides = Vec::new();
    let slide = |section: String, body: Body| Slide { section, body, chart_step: None };
    if let Some(ex) = ex {
        slides.push(slide(format!("Who {} is", ex.name), Body::Text(ex.story.to_string())));
    }
    let goals = goal_lines(scenario);
    if goals.is_empty() {
        slides.push(slide(whose("goals", ex, who), Body::Text("No goals are recorded.".to_string())));
    } else {
        slides.push(slide(whose("goals", ex, who), Body::List(goals)));
    }
    if !scenario.goals.is_empty() && !scenario.before.visits.is_empty() {
        slides.push(slide("Which visit serves which goal".to_string(), Body::List(visit_lines(scenario))));
    }
    let mut step = 0;
    for section in sections {
        for text in &section.steps {
            slides.push(Slide {
                section: section.title.clone(),
                body: Body::Text(text.clone()),
                chart_step: Some(step),
            });
            step += 1;
        }
    }
    let (headline, detail) = ending(ex, who, outcome);
    slides.push(Slide {
        section: "In plain words".to_string(),
        body: Body::Ending { headline, detail },
        chart_step: step.checked_sub(1),
    });
    slides.push(slide("Next example".to_string(), Body::Next(next_example(example))));
    slides
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::calc::explain::explain;
    use crate::calc::Pence;

    fn slides_of(i: usize) -> Vec<Slide> {
        let scenario = EXAMPLES[i].scenario();
        let calculation = crate::calc::calculate(&scenario);
        let sections = explain(&scenario, &calculation);
        slides(&scenario, example_index(&scenario), &sections, &calculation.outcome)
    }

    fn text(slide: &Slide) -> String {
        match &slide.body {
            Body::Text(t) => t.clone(),
            Body::List(lines) => lines.join(" | "),
            Body::Ending { headline, detail } => format!("{headline} {detail}"),
            Body::Next(i) => format!("next {}", EXAMPLES[*i].name),
        }
    }

    #[test]
    fn arthur_opens_with_his_story_and_goals_and_ends_in_plain_words() {
        let s = slides_of(0);
        assert_eq!(s[0].section, "Who Arthur is");
        assert_eq!(text(&s[0]), EXAMPLES[0].story);
        assert_eq!(s[1].section, "Arthur's goals");
        assert_eq!(
            text(&s[1]),
            "Wash myself: achieved in week 2. | Get dressed and undressed: achieved in week 1. | Make my own lunch: achieved in week 2."
        );
        assert_eq!(s[2].section, "Which visit serves which goal");
        assert_eq!(
            text(&s[2]),
            "Morning: personal care and dressing — 45 minutes, every day — for “Wash myself” and “Get dressed and undressed”. \
             | Lunch: meal preparation — 30 minutes, every day — for “Make my own lunch”. \
             | Evening: undressing — 30 minutes, every day — for “Get dressed and undressed”."
        );
        assert_eq!(s[3].section, "Before reablement");
        assert_eq!(s[3].chart_step, Some(0));
        let ending = &s[s.len() - 2];
        assert_eq!(ending.section, "In plain words");
        assert_eq!(
            text(ending),
            "Arthur's care now costs £0.00 a week: £38.13 below the baseline. Before reablement it cost £295.23 a week: \
             £295.23 a week less now. The baseline, £38.13 a week, is the average for everyone who had reablement, \
             including the people who need no more care at all."
        );
        // The ending shows the whole chart: the working's last step.
        assert_eq!(ending.chart_step, s[s.len() - 3].chart_step);
        assert_eq!(s.last().unwrap().body, Body::Next(1));
    }

    #[test]
    fn every_step_of_the_working_is_a_slide_in_order() {
        for (i, example) in EXAMPLES.iter().enumerate() {
            let scenario = example.scenario();
            let calculation = crate::calc::calculate(&scenario);
            let sections = explain(&scenario, &calculation);
            let s = slides_of(i);
            let working: Vec<String> = sections.iter().flat_map(|sec| sec.steps.clone()).collect();
            let shown: Vec<String> =
                s.iter().filter(|sl| sl.chart_step.is_some() && matches!(sl.body, Body::Text(_))).map(text).collect();
            assert_eq!(shown, working, "{}", example.name);
        }
    }

    #[test]
    fn a_visit_with_no_goal_other_costs_and_two_carers_are_said_so() {
        let beryl = slides_of(1);
        let visits = text(&beryl[2]);
        assert!(visits.contains("Night check — 15 minutes, every day — no goal linked."), "{visits}");
        assert!(visits.contains("Telecare — £4.50 a week — not a visit, so no goal stops it."), "{visits}");
        assert!(text(&beryl[1]).contains("Use the toilet at night: not started."));
        let dev = slides_of(2);
        assert!(text(&dev[2]).starts_with(
            "Morning (hoist) — 45 minutes, 2 carers, every day — for “Get to the toilet with one carer”."
        ));
        let ken = slides_of(5);
        assert!(text(&ken[2])
            .contains("Shopping trip — 1 hour, once a week — for “Get to the shop at the end of the road”."));
        assert_eq!(ken.last().unwrap().body, Body::Next(0), "after the last example, the first");
    }

    #[test]
    fn needs_that_grew_end_above_the_baseline_and_more_than_before() {
        let doris = slides_of(4);
        let ending = text(&doris[doris.len() - 2]);
        assert!(ending.starts_with("Doris's care now costs £"), "{ending}");
        assert!(ending.contains("above the baseline."), "{ending}");
        assert!(ending.contains("a week more now."), "{ending}");
    }

    #[test]
    fn a_changed_scenario_is_not_an_example_and_uses_its_reference() {
        let mut scenario = EXAMPLES[0].scenario();
        scenario.reference = "TRAIN-42".into();
        assert_eq!(example_index(&scenario), None);
        let calculation = crate::calc::calculate(&scenario);
        let sections = explain(&scenario, &calculation);
        let s = slides(&scenario, None, &sections, &calculation.outcome);
        assert_eq!(s[0].section, "The goals of TRAIN-42", "no story to tell");
        assert!(text(&s[s.len() - 2]).starts_with("The care for TRAIN-42 now costs £0.00 a week"));
        assert_eq!(s.last().unwrap().body, Body::Next(0));
        scenario.reference = " ".into();
        let s = slides(&scenario, None, &sections, &calculation.outcome);
        assert_eq!(s[0].section, "The goals");
        assert!(text(&s[s.len() - 2]).starts_with("The care now costs"));
    }

    #[test]
    fn the_same_as_the_baseline_and_no_change_are_said_in_words() {
        let scenario = EXAMPLES[0].scenario();
        let mut outcome = crate::calc::calculate(&scenario).outcome;
        outcome.after_vs_baseline_pence = Pence::ZERO;
        outcome.change_pence = Pence::ZERO;
        let (headline, detail) = ending(None, None, &outcome);
        assert!(headline.ends_with(": the same as the baseline."), "{headline}");
        assert!(detail.contains(": the same now."), "{detail}");
    }
}
