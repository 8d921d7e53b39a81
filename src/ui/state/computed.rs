//! What one render needs from `calc`, worked out once per change of the draft.

use crate::calc::explain::{episode_sentence, explain, stopped_in_week, Section};
use crate::calc::{calculate, Calculation, Episode, FieldMessage, Scenario};
use crate::ui::state::draft::Draft;
use std::rc::Rc;

/// What one render needs from `calc`, worked out once per change of the draft.
#[derive(PartialEq)]
pub struct Computed {
    pub calculation: Option<Rc<Calculation>>,
    pub sections: Rc<Vec<Section>>,
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
            let weeks = Weeks::of(&scenario, &calculation).map(Rc::new);
            Computed {
                calculation: Some(Rc::new(calculation)),
                sections: Rc::new(sections),
                errors: Rc::default(),
                weeks,
            }
        }
        Err(errors) => Computed { calculation: None, sections: Rc::default(), errors: Rc::new(errors), weeks: None },
    }
}
