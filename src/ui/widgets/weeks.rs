//! The reablement weeks (contract 1.1), week by week: a step chart of the weekly cost through
//! the weeks and after them, with the package before and the baseline marked and a text
//! alternative; a table (week, what stopped that week, care, cost); and the one sentence.
//! Values and names come in as props: it knows no screen. The amounts are `calc`'s own; the
//! drawing's coordinates are worked out in integers.

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

/// The drawing's size and margins. Two layouts are drawn and CSS shows one: the wide one
/// names the markers in a margin on the right; the narrow one (phones) names them above their
/// lines, so its words stay readable at 320 px.
#[derive(Clone, Copy)]
struct Layout {
    width: i64,
    left: i64,
    right: i64,
    suffix: &'static str,
}

const WIDE: Layout = Layout { width: 640, left: 8, right: 150, suffix: "wide" };
const NARROW: Layout = Layout { width: 320, left: 4, right: 4, suffix: "narrow" };
const HEIGHT: i64 = 250;
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

/// The step chart in one layout: the weeks, then the package after, as steps; the package
/// before and the baseline as dashed lines; a title and a description in words.
fn step_chart(props: &Props, layout: Layout) -> Html {
    let episode = &props.episode;
    let Layout { width, left, right, suffix } = layout;
    let short = episode.timeline.len() > if layout.width < 400 { 3 } else { 6 };
    let levels: Vec<(String, i64)> = episode
        .timeline
        .iter()
        .map(|w| (week_label(w.week, short), w.weekly_pence.0))
        .chain([(if short { "After" } else { "28 days after" }.to_string(), props.after_pence.0)])
        .collect();
    let steps = levels.len() as i64;
    let step_w = (width - left - right) / steps;
    let max = levels.iter().map(|(_, p)| *p).chain([props.before_pence.0, props.baseline_pence.0]).max().unwrap_or(0);
    let mut path = String::new();
    for (i, (_, pence)) in levels.iter().enumerate() {
        let x = left + i as i64 * step_w;
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
    let title_id = format!("{}-title-{suffix}", props.id);
    let desc_id = format!("{}-desc-{suffix}", props.id);
    let end = left + steps * step_w;
    let marker = |class: &'static str, pence: Pence, words: &str| {
        let y = y_of(pence.0, max);
        let words = format!("{words} {}", pence.display());
        html! {
            <g class={class}>
                <line x1={left.to_string()} x2={end.to_string()} y1={y.to_string()} y2={y.to_string()} />
                if right > 100 {
                    <text x={(end + 6).to_string()} y={(y + 5).to_string()}>{ words }</text>
                } else {
                    <text x={end.to_string()} y={(y - 5).max(12).to_string()} text-anchor="end">{ words }</text>
                }
            </g>
        }
    };
    html! {
        <svg class={format!("stepchart__svg stepchart__svg--{suffix}")} viewBox={format!("0 0 {width} {HEIGHT}")}
            role="img" aria-labelledby={format!("{title_id} {desc_id}")} focusable="false">
            <title id={title_id}>{ "The weekly cost of care, week by week during reablement and after it" }</title>
            <desc id={desc_id}>{ description }</desc>
            { marker("stepchart__marker stepchart__marker--before", props.before_pence, "Before") }
            { marker("stepchart__marker stepchart__marker--baseline", props.baseline_pence, "Baseline") }
            <path class="stepchart__line" d={path} />
            { for levels.iter().enumerate().map(|(i, (label, pence))| {
                let x = left + i as i64 * step_w;
                let y = y_of(*pence, max);
                let after = i == levels.len() - 1;
                html! {
                    <g class={format!("stepchart__step stepchart__step--{i}{}", if after { " stepchart__step--after" } else { "" })}>
                        <rect class="stepchart__area" x={(x + 2).to_string()} y={y.to_string()} width={(step_w - 4).to_string()} height={(HEIGHT - BOTTOM - y).to_string()} />
                        if !short {
                            <text class="stepchart__value" x={(x + step_w / 2).to_string()} y={(y - 6).max(12).to_string()} text-anchor="middle">{ Pence(*pence).display() }</text>
                        }
                        <text class="stepchart__label" x={(x + step_w / 2).to_string()} y={(HEIGHT - BOTTOM + 20).to_string()} text-anchor="middle">{ label.clone() }</text>
                    </g>
                }
            }) }
        </svg>
    }
}

#[component]
pub fn WeekByWeek(props: &Props) -> Html {
    let episode = &props.episode;
    let heading_tag = format!("h{}", props.heading_level.clamp(2, 6));
    let heading_id = format!("{}-heading", props.id);
    html! {
        <section class="weeks" aria-labelledby={heading_id.clone()} data-testid="weeks">
            <@{heading_tag} class={if props.heading_level <= 2 { "heading-m" } else { "heading-s" }} id={heading_id.clone()} tabindex="-1">{ "Week by week during reablement" }</@>
            <p class="weeks__sentence" data-testid="weeks-sentence"><strong>{ props.sentence.clone() }</strong></p>
            <figure class={if props.animate { "stepchart stepchart--animate" } else { "stepchart" }}>
                { step_chart(props, WIDE) }
                { step_chart(props, NARROW) }
            </figure>
            <div class="table-wrap" role="region" aria-labelledby={heading_id} tabindex="0">
                <table class="weeks__table" data-testid="weeks-table">
                    <caption class="visually-hidden">{ "The cost of each week of reablement" }</caption>
                    <thead>
                        <tr><th scope="col">{ "Week" }</th><th scope="col">{ "What stopped that week" }</th><th scope="col" class="num">{ "Minutes a week" }</th><th scope="col" class="num">{ "Cost a week" }</th></tr>
                    </thead>
                    <tbody>
                        { for episode.timeline.iter().enumerate().map(|(i, w)| html! {
                            <tr>
                                <th scope="row">{ format!("Week {}", w.week) }</th>
                                <td>{ stopped_words(i, props.stopped.get(i).map(Vec::as_slice).unwrap_or(&[])) }</td>
                                <td class="num">{ w.minutes_per_week }</td>
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
