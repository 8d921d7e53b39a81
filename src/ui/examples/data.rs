//! Worked examples for training: each a short story and a scenario that loads in one click.
//! Arthur is the contract's worked case; three more are the shared contract examples; the
//! last two are everyday cases written for training (needs that grew; short calls).

use crate::calc::{Scenario, Value};
use crate::ui::state::draft::Draft;
use crate::ui::state::FormAction;
use yew::prelude::*;

pub struct Example {
    pub key: &'static str,
    pub name: &'static str,
    pub title: &'static str,
    pub story: &'static str,
    pub json: &'static str,
}

pub const ARTHUR: Example = Example {
    key: "arthur",
    name: "Arthur",
    title: "All goals achieved: no further care",
    story: "Arthur had 3 calls a day: personal care and dressing in the morning, making lunch, and undressing in the evening. At his welcome visit he set 3 goals. Equipment was ordered. He could dress and undress himself in the first week, so the evening call stopped after it; in the second week he could wash and make his own lunch, so the morning and lunch calls stopped too. He needed no more care.",
    json: include_str!("data/arthur.json"),
};

pub const EXAMPLES: [Example; 6] = [
    ARTHUR,
    Example {
        key: "partial-goals",
        name: "Beryl",
        title: "Some goals achieved: some calls carry on",
        story: "Beryl had 5 calls a day and telecare. She can now strip wash and heat up her own meals, so her lunch and tea calls stop. Dressing is still in progress, so her morning and bedtime calls carry on, as does a night check that is not linked to any goal. Her reablement cost £1,250.",
        json: include_str!("data/partial-goals.json"),
    },
    Example {
        key: "double-handed",
        name: "Dev",
        title: "Double-handed calls at a higher rate",
        story: "Dev needs two carers and a hoist to get up and go to bed, at an agency rate of £26.50 an hour for each carer. He learned to make his own lunch, so that call stops. Getting to the toilet with one carer is still in progress, so the hoist calls carry on.",
        json: include_str!("data/double-handed.json"),
    },
    Example {
        key: "explicit-after-telecare",
        name: "Cora",
        title: "The package after, entered directly, with telecare",
        story: "Cora had 4 calls a day. Twenty-eight days after reablement she still has a shorter morning call, and telecare at £4.50 a week. Her package after reablement was entered as it is, rather than worked out from her goals. Her reablement cost £1,850.",
        json: include_str!("data/explicit-after-telecare.json"),
    },
    Example {
        key: "needs-grew",
        name: "Doris",
        title: "Needs that grew: the package after costs more",
        story: "Doris had a fall during reablement and her memory got worse. She did not achieve her goals in her 6 weeks of reablement, so no call stopped, and 28 days later she needs 3 longer calls a day and a falls sensor. Her care costs more than before. This happens, and the calculator says so: it is not a mistake in the working.",
        json: include_str!("data/needs-grew.json"),
    },
    Example {
        key: "short-calls",
        name: "Ken",
        title: "Short calls for tablets replaced by a pill dispenser",
        story: "Ken had three 15-minute calls a day to prompt his tablets, and a weekly shopping trip. The automatic pill dispenser came in his first week of reablement, so the lunchtime call stopped after it; once he could make his own hot drinks, in week 2, the breakfast and teatime calls stopped too. After 4 weeks, getting to the shop is still in progress, so the shopping trip carries on, and so does the dispenser.",
        json: include_str!("data/short-calls.json"),
    },
];

/// The examples without their titles and stories, which only the worked examples screen
/// shows: the embed reads these, so its module carries none of those words (about 2 KB).
pub const UNTOLD: [Example; 6] = untold(EXAMPLES);

const fn untold(mut examples: [Example; 6]) -> [Example; 6] {
    let mut i = 0;
    while i < examples.len() {
        examples[i].title = "";
        examples[i].story = "";
        i += 1;
    }
    examples
}

impl Example {
    pub fn scenario(&self) -> Scenario {
        // Not `expect`: it would print the error with `Debug`, whose code every module would
        // carry for a panic the tests rule out (every example is read in them).
        let value: Value = crate::calc::json::parse(self.json).unwrap_or_else(|_| panic!("built-in examples are JSON"));
        Scenario::from_json(&value).unwrap_or_else(|_| panic!("built-in examples are valid scenarios"))
    }

    pub fn draft(&self) -> Draft {
        Draft::from_scenario(&self.scenario())
    }
}

/// A click handler that loads a worked example into the form (the draft is built on click).
pub fn load_example(
    dispatch: &UseReducerDispatcher<crate::ui::state::State>,
    example: &'static Example,
) -> Callback<MouseEvent> {
    let dispatch = dispatch.clone();
    Callback::from(move |_| {
        dispatch.dispatch(
            FormAction::Load(
                Box::new(example.draft()),
                format!("{}'s example is loaded. Change any answer to see how the result changes.", example.name),
            )
            .into(),
        )
    })
}
