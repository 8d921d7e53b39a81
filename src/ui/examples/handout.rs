//! A worked example as a one-page A4 handout for a classroom: the story, the goals and which
//! visit serves which goal, the result in plain words, and the working. Hidden on screen and
//! printed alone (www/app.css, "handout"); the words are presentation mode's (`present_story`),
//! so the handout and the slides always agree.

use crate::calc::explain::explain;
use crate::ui::examples::data::EXAMPLES;
use crate::ui::examples::present_story::{ending, goal_lines, visit_lines};
use crate::ui::widgets::format::keep_sign_with_amount;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct Props {
    /// The worked example (an index into `EXAMPLES`).
    pub example: usize,
}

fn list(lines: &[String]) -> Html {
    html! { <ul>{ for lines.iter().map(|l| html! { <li>{ keep_sign_with_amount(l) }</li> }) }</ul> }
}

#[component]
pub fn Handout(props: &Props) -> Html {
    let Some(example) = EXAMPLES.get(props.example) else { return html! {} };
    let scenario = example.scenario();
    let calculation = crate::calc::calculate(&scenario);
    let sections = explain(&scenario, &calculation);
    let (headline, detail) = ending(Some(example), None, &calculation.outcome);
    let visits = visit_lines(&scenario);
    html! {
        <article class="handout print-only" aria-label={format!("Handout for {}", example.name)}>
            <h2 class="handout__title">{ format!("{}: {}", example.name, example.title) }</h2>
            <p class="handout__story">{ example.story }</p>
            <div class="handout__columns">
                <section>
                    <h3>{ format!("{}'s goals", example.name) }</h3>
                    { list(&goal_lines(&scenario)) }
                </section>
                if !visits.is_empty() {
                    <section>
                        <h3>{ "Which visit serves which goal" }</h3>
                        { list(&visits) }
                    </section>
                }
            </div>
            <section class="handout__result">
                <h3>{ "The result" }</h3>
                <p class="handout__headline">{ keep_sign_with_amount(&headline) }</p>
                <p>{ keep_sign_with_amount(&detail) }</p>
            </section>
            <section class="handout__working">
                <h3>{ "The working" }</h3>
                { for sections.iter().map(|section| html! {
                    <>
                        <h4>{ section.title.clone() }</h4>
                        <ol>{ for section.steps.iter().map(|s| html! { <li>{ keep_sign_with_amount(s) }</li> }) }</ol>
                    </>
                }) }
            </section>
            <p class="handout__foot">{ "Reablement outcome calculator: a worked example for training. Every amount is exact to the penny, rounded once, as the calculator works it out." }</p>
        </article>
    }
}
