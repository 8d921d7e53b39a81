//! The reablement weeks (contract 1.1), week by week: a step chart of the weekly cost through
//! the weeks and after them, with the package before and the baseline marked and a text
//! alternative; a table (week, what stopped that week, care, cost); and the one sentence.
//! Values and names come in as props: it knows no screen. The amounts are `calc`'s own; the
//! drawing's coordinates are worked out in integers.

use crate::calc::explain::hours_and_minutes;
use crate::calc::{Episode, Pence};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub episode: Episode,
    /// The names of the visits that stopped in each week, one list per week of the timeline.
    pub stopped: Vec<Vec<String>>,
    pub before_pence: Pence,
    pub after_pence: Pence,
    pub baseline_pence: Pence,
    /// `calc::explain::episode_sentence`.
    pub sentence: AttrValue,
    /// Unique on the page: the chart's title and description are labelled by it.
    pub id: AttrValue,
    /// The heading's level (2–6), so it fits wherever it is placed.
    #[prop_or(3)]
    pub heading_level: u8,
    /// Draw the steps one after another (the explainer; none when the user prefers less motion).
    #[prop_or(false)]
    pub animate: bool,
}

const WIDTH: i64 = 640;
const HEIGHT: i64 = 250;
const LEFT: i64 = 8;
const RIGHT: i64 = 150;
const TOP: i64 = 30;
const BOTTOM: i64 = 40;

/// The y of `pence` on a scale whose top is `max`.
fn y_of(pence: i64, max: i64) -> i64 {
    let room = HEIGHT - TOP - BOTTOM;
    if max <= 0 {
        return HEIGHT - BOTTOM;
    }
    HEIGHT - BOTTOM - (i128::from(pence.max(0)) * i128::from(room) / i128::from(max)) as i64
}

fn week_label(week: u32, short: bool) -> String {
    if short {
        format!("W{week}")
    } else {
        format!("Week {week}")
    }
}

/// What stopped in a week, in words for the table.
fn stopped_words(index: usize, names: &[String]) -> String {
    match (index, names.is_empty()) {
        (0, _) => "Nothing yet: the package before".to_string(),
        (_, true) => "Nothing more".to_string(),
        (_, false) => names.join(", "),
    }
}

#[component]
pub fn WeekByWeek(props: &Props) -> Html {
    let episode = &props.episode;
    let steps = episode.timeline.len() as i64 + 1; // the weeks, then after reablement
    let step_w = (WIDTH - LEFT - RIGHT) / steps;
    let max = episode
        .timeline
        .iter()
        .map(|w| w.weekly_pence.0)
        .chain([props.before_pence.0, props.after_pence.0, props.baseline_pence.0])
        .max()
        .unwrap_or(0);
    let short = episode.timeline.len() > 6;
    let levels: Vec<(String, i64)> = episode
        .timeline
        .iter()
        .map(|w| (week_label(w.week, short), w.weekly_pence.0))
        .chain([("After".to_string(), props.after_pence.0)])
        .collect();
    let mut path = String::new();
    for (i, (_, pence)) in levels.iter().enumerate() {
        let x = LEFT + i as i64 * step_w;
        let y = y_of(*pence, max);
        if i == 0 {
            path.push_str(&format!("M{x} {y}"));
        } else {
            path.push_str(&format!(" V{y}"));
        }
        path.push_str(&format!(" H{}", x + step_w));
    }
    let description = format!(
        "{} After reablement: {} a week. The package before cost {} a week; the baseline is {} a week.",
        episode
            .timeline
            .iter()
            .map(|w| format!("Week {}: {} a week.", w.week, w.weekly_pence.display()))
            .collect::<Vec<_>>()
            .join(" "),
        props.after_pence.display(),
        props.before_pence.display(),
        props.baseline_pence.display()
    );
    let title_id = format!("{}-title", props.id);
    let desc_id = format!("{}-desc", props.id);
    let heading_tag = format!("h{}", props.heading_level.clamp(2, 6));
    let end = LEFT + steps * step_w;
    let marker = |class: &'static str, pence: Pence, words: &str| {
        let y = y_of(pence.0, max);
        html! {
            <g class={classes!("steps__marker", class)}>
                <line x1={LEFT.to_string()} x2={end.to_string()} y1={y.to_string()} y2={y.to_string()} />
                <text x={(end + 6).to_string()} y={(y + 5).to_string()}>{ format!("{words} {}", pence.display()) }</text>
            </g>
        }
    };
    html! {
        <section class="weeks" aria-labelledby={format!("{}-heading", props.id)} data-testid="weeks">
            <@{heading_tag} class="heading-s" id={format!("{}-heading", props.id)}>{ "Week by week during reablement" }</@>
            <p class="weeks__sentence" data-testid="weeks-sentence"><strong>{ props.sentence.clone() }</strong></p>
            <figure class={classes!("steps", props.animate.then_some("steps--animate"))}>
                <svg viewBox={format!("0 0 {WIDTH} {HEIGHT}")} role="img" aria-labelledby={format!("{title_id} {desc_id}")} focusable="false">
                    <title id={title_id}>{ "The weekly cost of care, week by week during reablement and after it" }</title>
                    <desc id={desc_id}>{ description }</desc>
                    { marker("steps__marker--before", props.before_pence, "Before") }
                    { marker("steps__marker--baseline", props.baseline_pence, "Baseline") }
                    <path class="steps__line" d={path} />
                    { for levels.iter().enumerate().map(|(i, (label, pence))| {
                        let x = LEFT + i as i64 * step_w;
                        let y = y_of(*pence, max);
                        let after = i == levels.len() - 1;
                        html! {
                            <g class={classes!("steps__step", after.then_some("steps__step--after"))} style={format!("--step: {i}")}>
                                <rect class="steps__area" x={(x + 2).to_string()} y={y.to_string()} width={(step_w - 4).to_string()} height={(HEIGHT - BOTTOM - y).to_string()} />
                                if !short {
                                    <text class="steps__value" x={(x + step_w / 2).to_string()} y={(y - 6).max(12).to_string()} text-anchor="middle">{ Pence(*pence).display() }</text>
                                }
                                <text class="steps__label" x={(x + step_w / 2).to_string()} y={(HEIGHT - BOTTOM + 20).to_string()} text-anchor="middle">{ label.clone() }</text>
                            </g>
                        }
                    }) }
                </svg>
            </figure>
            <div class="table-wrap">
                <table class="weeks__table" data-testid="weeks-table">
                    <caption class="visually-hidden">{ "The cost of each week of reablement" }</caption>
                    <thead>
                        <tr><th scope="col">{ "Week" }</th><th scope="col">{ "What stopped that week" }</th><th scope="col">{ "Care a week" }</th><th scope="col" class="num">{ "Cost a week" }</th></tr>
                    </thead>
                    <tbody>
                        { for episode.timeline.iter().enumerate().map(|(i, w)| html! {
                            <tr>
                                <th scope="row">{ format!("Week {}", w.week) }</th>
                                <td>{ stopped_words(i, props.stopped.get(i).map(Vec::as_slice).unwrap_or(&[])) }</td>
                                <td>{ if w.minutes_per_week == 0 { "No care".to_string() } else { hours_and_minutes(w.minutes_per_week) } }</td>
                                <td class="num">{ w.weekly_pence.display() }</td>
                            </tr>
                        }) }
                    </tbody>
                    <tfoot>
                        <tr><th scope="row" colspan="3">{ format!("The {} together", if episode.weeks == 1 { "week".to_string() } else { format!("{} weeks", episode.weeks) }) }</th><td class="num" data-testid="weeks-total">{ episode.total_pence.display() }</td></tr>
                        <tr><th scope="row" colspan="3">{ "Had nothing changed" }</th><td class="num">{ episode.unchanged_pence.display() }</td></tr>
                        <tr><th scope="row" colspan="3">{ "Less during reablement" }</th><td class="num" data-testid="weeks-saving">{ episode.saving_pence.display() }</td></tr>
                    </tfoot>
                </table>
            </div>
        </section>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_scale_puts_zero_on_the_axis_and_the_top_at_the_top() {
        assert_eq!(y_of(0, 29523), HEIGHT - BOTTOM);
        assert_eq!(y_of(29523, 29523), TOP);
        assert_eq!(y_of(0, 0), HEIGHT - BOTTOM);
        assert!(y_of(21088, 29523) > TOP && y_of(21088, 29523) < HEIGHT - BOTTOM);
    }

    #[test]
    fn the_table_says_what_stopped_in_plain_words() {
        assert_eq!(stopped_words(0, &[]), "Nothing yet: the package before");
        assert_eq!(stopped_words(1, &["Evening".to_string()]), "Evening");
        assert_eq!(stopped_words(2, &[]), "Nothing more");
    }
}
