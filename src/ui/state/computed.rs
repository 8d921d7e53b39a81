//! What one render needs from `calc`, worked out once per change of the draft.

use crate::calc::explain::{explain, Section};
use crate::calc::{calculate, Calculation, FieldMessage, Scenario};
use crate::ui::state::draft::Draft;
use std::rc::Rc;

/// What one render needs from `calc`, worked out once per change of the draft.
#[derive(PartialEq)]
pub struct Computed {
    pub calculation: Option<Rc<Calculation>>,
    pub sections: Rc<Vec<Section>>,
    pub errors: Rc<Vec<FieldMessage>>,
}

pub fn compute(draft: &Draft) -> Computed {
    match Scenario::from_json(&draft.to_value()) {
        Ok(scenario) => {
            let calculation = calculate(&scenario);
            let sections = explain(&scenario, &calculation);
            Computed { calculation: Some(Rc::new(calculation)), sections: Rc::new(sections), errors: Rc::default() }
        }
        Err(errors) => Computed { calculation: None, sections: Rc::default(), errors: Rc::new(errors) },
    }
}
