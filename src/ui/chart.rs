//! A bar chart of the weekly cost before, after and the baseline, with its text alternative.
//! Bar lengths are drawing geometry, not money: the amounts shown are `calc`'s own.

use crate::calc::Pence;
use yew::prelude::*;

#[derive(Clone, PartialEq)]
pub struct Bar {
    pub label: AttrValue,
    pub pence: i64,
    pub class: &'static str,
}

#[derive(Properties, PartialEq)]
pub struct Props {
    pub bars: Vec<Bar>,
    /// A dashed line across all bars at this amount (the baseline), if any.
    #[prop_or_default]
    pub marker: Option<(AttrValue, i64)>,
    pub title: AttrValue,
    pub id: AttrValue,
}

const LABEL_W: f64 = 92.0;
const BAR_MAX: f64 = 150.0;
const ROW_H: f64 = 34.0;

#[component]
pub fn BarChart(props: &Props) -> Html {
    let max = props.bars.iter().map(|b| b.pence).chain(props.marker.iter().map(|m| m.1)).max().unwrap_or(0).max(1) as f64;
    let width = |p: i64| (p.max(0) as f64 / max * BAR_MAX).max(if p > 0 { 1.5 } else { 0.0 });
    let height = ROW_H * props.bars.len() as f64 + 22.0;
    let description = props
        .bars
        .iter()
        .map(|b| format!("{}: {} a week", b.label, Pence(b.pence).display()))
        .collect::<Vec<_>>()
        .join("; ");
    let title_id = format!("{}-title", props.id);
    let desc_id = format!("{}-desc", props.id);
    html! {
        <figure class="chart">
            <svg viewBox={format!("0 0 320 {height}")} role="img" aria-labelledby={format!("{title_id} {desc_id}")} focusable="false">
                <title id={title_id}>{ props.title.clone() }</title>
                <desc id={desc_id}>{ format!("{description}.") }</desc>
                { for props.bars.iter().enumerate().map(|(i, b)| {
                    let y = 6.0 + i as f64 * ROW_H;
                    let w = width(b.pence);
                    html! {
                        <g class={b.class}>
                            <text class="chart__label" x="0" y={(y + 17.0).to_string()}>{ b.label.clone() }</text>
                            <rect class="chart__bar" x={LABEL_W.to_string()} y={y.to_string()} width={w.to_string()} height="24" rx="2" />
                            <text class="chart__value" x={(LABEL_W + w + 5.0).to_string()} y={(y + 17.0).to_string()}>{ Pence(b.pence).display() }</text>
                        </g>
                    }
                }) }
                if let Some((label, pence)) = &props.marker {
                    <g class="chart__marker">
                        <line x1={(LABEL_W + width(*pence)).to_string()} x2={(LABEL_W + width(*pence)).to_string()} y1="2" y2={(height - 18.0).to_string()} />
                        <text x={(LABEL_W + width(*pence)).to_string()} y={(height - 4.0).to_string()} text-anchor="middle">{ label.clone() }</text>
                    </g>
                }
            </svg>
        </figure>
    }
}
