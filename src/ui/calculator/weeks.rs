//! The result week by week during reablement (contract 1.1): shown under the result when the
//! form says how many weeks reablement lasted. Every figure is `calc`'s.

use crate::calc::Outcome;
use crate::ui::browser::focus::focus_link;
use crate::ui::state::computed::Weeks;
use crate::ui::widgets::weeks::WeekByWeek;
use yew::prelude::*;

/// The weeks under the result. Plain functions here, not components: they have no state, and
/// a component costs the first screen's module Yew's generic code once more.
pub fn weeks_result(weeks: &Weeks, o: &Outcome) -> Html {
    html! {
        <div class="section weeks-result">
            <WeekByWeek id="weeks" heading_level={2}
                episode={weeks.episode.clone()} stopped={weeks.stopped.clone()}
                before_pence={o.before.weekly_pence} after_pence={o.after.weekly_pence}
                baseline_pence={o.baseline_pence} sentence={weeks.sentence.clone()} />
        </div>
    }
}

/// Beside the result: the weeks in one sentence, and a link to the week-by-week view below
/// the form (on a wide screen it is a long way down). The sentence is announced politely when
/// it changes, as the result is: a week entered changes the weeks and nothing else. The live
/// region is always there, so that its first sentence is announced too.
/// `sentence`: the weeks in one sentence; `None` without weeks (or while the answers have errors).
/// `link`: to the week by week, which a plan has not (no goal has a week yet).
pub fn weeks_in_brief(sentence: Option<&str>, link: bool) -> Html {
    html! {
        <div class="weeks-brief no-print">
            <div aria-live="polite" aria-atomic="true">
                if let Some(sentence) = sentence {
                    <h3 class="heading-s">{ "During reablement" }</h3>
                    <p data-testid="weeks-brief">{ sentence.to_string() }</p>
                }
            </div>
            if sentence.is_some() && link {
                <p><a href="#weeks-heading" onclick={focus_link("weeks-heading".to_string())}>{ "See the cost week by week" }</a></p>
            }
        </div>
    }
}
