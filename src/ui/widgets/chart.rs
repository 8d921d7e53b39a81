//! A bar chart of the weekly cost before, after and the baseline, with its text alternative.
//! Bar lengths are whole pixels of drawing, worked out in integers; the amounts shown are
//! `calc`'s own.

use crate::calc::Pence;
use yew::prelude::*;

#[derive(Clone, PartialEq)]
pub struct Bar {
    pub label: AttrValue,
    pub pence: Pence,
    pub class: &'static str,
}

#[derive(Properties, PartialEq)]
pub struct Props {
    pub bars: Vec<Bar>,
    pub title: AttrValue,
    pub id: AttrValue,
}

const WIDTH: i64 = 320;
const ROW_H: i64 = 34;
/// Room after the longest bar for its amount ("£1,234.56").
const VALUE_ROOM: i64 = 84;

/// The label column: wide enough for the longest label at 14px (about 8 units a character).
fn label_width(bars: &[Bar]) -> i64 {
    let longest = bars.iter().map(|b| b.label.chars().count() as i64).max().unwrap_or(0);
    (longest * 8 + 10).clamp(60, 170)
}

/// The length of a bar for `amount` when the largest is `max` and may be `room` long: at
/// least `least` units when above zero, so a small amount still shows. Every chart's bars
/// (this one, the histogram, the explainer's) are measured here.
pub fn bar_length(amount: i64, max: i64, room: i64, least: i64) -> i64 {
    if amount <= 0 || max <= 0 {
        return 0;
    }
    ((i128::from(amount) * i128::from(room) / i128::from(max)) as i64).max(least)
}

#[component]
pub fn BarChart(props: &Props) -> Html {
    let max = props.bars.iter().map(|b| b.pence.0).max().unwrap_or(0);
    let label_w = label_width(&props.bars);
    let room = WIDTH - label_w - VALUE_ROOM;
    let height = ROW_H * props.bars.len() as i64 + 8;
    let description =
        props.bars.iter().map(|b| format!("{}: {} a week", b.label, b.pence.display())).collect::<Vec<_>>().join("; ");
    let title_id = format!("{}-title", props.id);
    let desc_id = format!("{}-desc", props.id);
    html! {
        <figure class="chart">
            <svg viewBox={format!("0 0 {WIDTH} {height}")} role="img" aria-labelledby={format!("{title_id} {desc_id}")} focusable="false">
                <title id={title_id}>{ props.title.clone() }</title>
                <desc id={desc_id}>{ format!("{description}.") }</desc>
                { for props.bars.iter().enumerate().map(|(i, b)| {
                    let y = 6 + i as i64 * ROW_H;
                    let w = bar_length(b.pence.0, max, room, 2);
                    html! {
                        <g class={b.class}>
                            <text class="chart__label" x="0" y={(y + 17).to_string()}>{ b.label.clone() }</text>
                            <rect class="chart__bar" x={label_w.to_string()} y={y.to_string()} width={w.to_string()} height="24" rx="2" />
                            <text class="chart__value" x={(label_w + w + 5).to_string()} y={(y + 17).to_string()}>{ b.pence.display() }</text>
                        </g>
                    }
                }) }
            </svg>
        </figure>
    }
}
