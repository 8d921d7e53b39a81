//! What one render needs from `calc`, worked out once per change of the draft.

use crate::calc::explain::{episode_sentence, explain, stopped_in_week, Section};
use crate::calc::scenario::msg;
use crate::calc::{calculate, Calculation, Episode, FieldMessage, Outcome, Scenario};
use crate::ui::state::draft::Draft;
use std::rc::Rc;

/// What one render needs from `calc`, worked out once per change of the draft.
#[derive(PartialEq)]
pub struct Computed {
    pub calculation: Option<Rc<Calculation>>,
    /// At a welcome visit (no goal achieved or not achieved yet): what the package would cost
    /// if these goals are achieved (`calc::plan`). The page then words the result as a plan.
    pub plan: Option<Rc<Outcome>>,
    /// Today's working (the contract's result, step by step: presentation mode shows it).
    pub sections: Rc<Vec<Section>>,
    /// In a plan, the working of the planned figures (every goal taken as achieved), which the
    /// calculator's "How this was worked out" shows beside the plan.
    pub plan_sections: Option<Rc<Vec<Section>>>,
    pub errors: Rc<Vec<FieldMessage>>,
    /// The weeks of reablement in words and figures, when `reablement_weeks` is given.
    pub weeks: Option<Rc<Weeks>>,
}

/// The reablement weeks as every view shows them: `calc`'s episode, the names of the visits
/// that stopped in each week, and the one sentence.
#[derive(Clone, Debug, PartialEq)]
pub struct Weeks {
    pub episode: Episode,
    /// One list per week of the timeline: the visits that stopped that week, by name.
    pub stopped: Vec<Vec<String>>,
    pub sentence: String,
}

impl Weeks {
    /// `None` when the scenario has no weeks of reablement.
    pub fn of(scenario: &Scenario, calculation: &Calculation) -> Option<Weeks> {
        let episode = calculation.outcome.episode.clone()?;
        let stopped = (0..episode.timeline.len()).map(|w| stopped_in_week(scenario, &episode, w)).collect();
        let sentence = episode_sentence(&calculation.outcome)?;
        Some(Weeks { episode, stopped, sentence })
    }
}

pub fn compute(draft: &Draft) -> Computed {
    match Scenario::from_json(&draft.to_value()) {
        Ok(scenario) => {
            let calculation = calculate(&scenario);
            let sections = explain(&scenario, &calculation);
            let planned = crate::calc::plan::planned(&scenario).map(|p| {
                let calculation = calculate(&p);
                let sections = explain(&p, &calculation);
                (Rc::new(calculation.outcome), Rc::new(sections))
            });
            let (plan, plan_sections) = planned.unzip();
            let mut weeks = Weeks::of(&scenario, &calculation);
            if let (Some(weeks), true) = (&mut weeks, plan.is_some()) {
                weeks.sentence = crate::calc::plan::weeks_sentence(weeks.episode.weeks);
            }
            Computed {
                calculation: Some(Rc::new(calculation)),
                plan,
                sections: Rc::new(sections),
                plan_sections,
                errors: Rc::default(),
                weeks: weeks.map(Rc::new),
            }
        }
        Err(mut errors) => {
            for error in &mut errors {
                on_the_page(error, &draft.reablement_weeks);
            }
            Computed {
                calculation: None,
                plan: None,
                sections: Rc::default(),
                plan_sections: None,
                errors: Rc::new(errors),
                weeks: None,
            }
        }
    }
}

/// The contract's message for a week achieved after the weeks of reablement stays at the API;
/// the page gives the range, with this scenario's own weeks: "Week achieved must be between 1
/// and 6, the weeks of reablement". (The core reports it only when the weeks are valid.)
fn on_the_page(error: &mut FieldMessage, reablement_weeks: &str) {
    if error.message == msg::ACHIEVED_WEEK_LATE {
        if let Ok(weeks) = reablement_weeks.trim().parse::<u32>() {
            error.message = match weeks {
                1 => "Week achieved must be 1, the one week of reablement".into(),
                _ => format!("Week achieved must be between 1 and {weeks}, the weeks of reablement").into(),
            };
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_week_after_the_weeks_of_reablement_gives_the_range_on_the_page_only() {
        let mut draft = Draft::from_json_text(include_str!("../examples/data/arthur.json")).unwrap();
        draft.reablement_weeks = " 6".into();
        for goal in [0, 2] {
            draft.goals[goal].achieved_week = "7".into();
        }
        let page: Vec<String> = compute(&draft).errors.iter().map(|e| format!("{}: {}", e.path, e.message)).collect();
        assert_eq!(
            page,
            [
                "goals[0].achieved_week: Week achieved must be between 1 and 6, the weeks of reablement",
                "goals[2].achieved_week: Week achieved must be between 1 and 6, the weeks of reablement"
            ]
        );
        // The API keeps the contract's message.
        let api = crate::calc::calculate_scenario(&draft.to_value()).unwrap_err();
        assert!(api.iter().all(|e| e.message == msg::ACHIEVED_WEEK_LATE), "{api:?}");
        let one = Draft { reablement_weeks: "1".into(), ..draft };
        assert!(compute(&one)
            .errors
            .iter()
            .any(|e| e.message == "Week achieved must be 1, the one week of reablement"));
    }

    #[test]
    fn a_welcome_visit_is_a_plan_with_its_weeks_in_the_future_tense() {
        let text = include_str!("../examples/data/arthur.json")
            .replace("\"status\": \"achieved\"", "\"status\": \"not_started\"")
            .replace("\"achieved_week\": 1", "\"achieved_week\": null")
            .replace("\"achieved_week\": 2", "\"achieved_week\": null");
        let computed = compute(&Draft::from_json_text(&text).unwrap());
        let today = &computed.calculation.as_ref().unwrap().outcome;
        assert_eq!(today.after.weekly_pence.display(), "£295.23", "the contract's result is as it was");
        assert_eq!(computed.plan.as_ref().unwrap().after.weekly_pence.display(), "£0.00");
        assert_eq!(
            computed.weeks.as_ref().unwrap().sentence,
            "Reablement is planned to last 2 weeks. Each visit stops once the goals it is for are achieved."
        );
        // The working is the plan's: no week by week (no goal has a week yet), the after £0.00.
        let working = computed.plan_sections.as_ref().expect("the plan's working");
        assert!(working.iter().all(|s| !s.title.contains("Week by week")), "{working:?}");
        assert_ne!(*working, computed.sections, "the working shown is today's");
        let arthur = compute(&Draft::from_json_text(include_str!("../examples/data/arthur.json")).unwrap());
        assert!(arthur.plan.is_none(), "goals with outcomes: the result as it is");
        assert!(arthur.plan_sections.is_none());
        assert!(arthur.weeks.unwrap().sentence.starts_with("During the 2 weeks of reablement"));
    }
}
