//! The histogram of the costs 28 days after reablement, with the baseline marked. The bands
//! and their counts come from the core (`calc::cohort::bands`); the baseline is always a band
//! edge, so the marker sits between two rows: every row above it is at or below the
//! baseline, every row below it is above. Drawing is whole units of the viewBox.

use super::words::people;
use crate::calc::cohort::bands::Band;
use crate::calc::money::group_thousands;
use crate::calc::Pence;
use crate::ui::widgets::chart;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub bands: std::rc::Rc<Vec<Band>>,
    pub baseline: Pence,
    pub id: AttrValue,
}

/// Room for a label, in viewBox units: about 7 a character at the chart's 13 px text.
fn label_width(bands: &[Band]) -> i64 {
    7 * bands.iter().map(|b| b.label().chars().count() as i64).max().unwrap_or(0) + 8
}

const BAR_MAX: i64 = 96;
/// Room after the longest bar for its count (`100,000`).
const VALUE_W: i64 = 56;
const ROW_H: i64 = 27;
const BAR_H: i64 = 19;
const MARKER_H: i64 = 30;

/// The length of a bar for `count` when the largest is `max`: at least 2 units when above 0.
fn bar_length(count: usize, max: usize) -> i64 {
    chart::bar_length(count as i64, max as i64, BAR_MAX, 2)
}

/// The text alternative: every band's count, then where the baseline is.
pub fn describe(bands: &[Band], baseline: Pence) -> String {
    let mut text = bands.iter().map(|b| format!("{}: {}", b.label(), people(b.count))).collect::<Vec<_>>().join(". ");
    let at_or_below: usize = bands.iter().filter(|b| b.at_or_below(baseline)).map(|b| b.count).sum();
    let above: usize = bands.iter().filter(|b| !b.at_or_below(baseline)).map(|b| b.count).sum();
    text.push_str(&format!(
        ". The baseline is {}: {} at or below it, {} above it.",
        baseline.display(),
        people(at_or_below),
        people(above)
    ));
    text
}

#[component]
pub fn Histogram(props: &Props) -> Html {
    let bands = &props.bands;
    let max = bands.iter().map(|b| b.count).max().unwrap_or(0);
    let marker_after = bands.iter().rposition(|b| b.at_or_below(props.baseline));
    let height = 4 + ROW_H * bands.len() as i64 + MARKER_H;
    // As narrow as the labels allow, so the text stays near its 13 px on a 320 px screen.
    let label_w = label_width(bands);
    let width = label_w + BAR_MAX + VALUE_W;
    let title_id = format!("{}-title", props.id);
    let desc_id = format!("{}-desc", props.id);
    let mut y = 4;
    let mut parts: Vec<Html> = Vec::with_capacity(bands.len() + 1);
    for (i, band) in bands.iter().enumerate() {
        let w = bar_length(band.count, max);
        let class =
            if band.at_or_below(props.baseline) { "histogram__band histogram__band--below" } else { "histogram__band" };
        parts.push(html! {
            <g class={class}>
                <text class="chart__label" x="0" y={(y + 14).to_string()}>{ band.label() }</text>
                <rect class="histogram__bar" x={label_w.to_string()} y={y.to_string()} width={w.to_string()} height={BAR_H.to_string()} />
                <text class="chart__value" x={(label_w + w + 4).to_string()} y={(y + 14).to_string()}>{ group_thousands(band.count as u64) }</text>
            </g>
        });
        y += ROW_H;
        if marker_after == Some(i) {
            let line_y = y + 2;
            parts.push(html! {
                <g class="chart__marker">
                    <line x1="0" x2={width.to_string()} y1={line_y.to_string()} y2={line_y.to_string()} />
                    <text x="0" y={(line_y + 17).to_string()}>{ format!("Baseline {}", props.baseline.display()) }</text>
                </g>
            });
            y += MARKER_H;
        }
    }
    html! {
        <figure class="chart histogram">
            <svg viewBox={format!("0 0 {width} {height}")} role="img" aria-labelledby={format!("{title_id} {desc_id}")} focusable="false">
                <title id={title_id}>{ "Number of people in each band of weekly cost of care 28 days after reablement" }</title>
                <desc id={desc_id}>{ describe(bands, props.baseline) }</desc>
                { for parts }
            </svg>
        </figure>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::calc::cohort::bands::count_bands;

    fn p(pence: &[i64]) -> Vec<Pence> {
        pence.iter().map(|p| Pence(*p)).collect()
    }

    #[test]
    fn description_lists_every_band_and_the_baseline() {
        let bands = count_bands(p(&[0, 0, 0, 0, 0, 4410, 5140, 6027, 7228, 7175]), Pence(3813));
        let text = describe(&bands, Pence(3813));
        assert!(
            text.starts_with(
                "£0.00: 5 people. £0.01 to £25.00: 0 people. £25.01 to £38.13: 0 people. £38.14 to £50.00: 1 person."
            ),
            "{text}"
        );
        assert!(text.ends_with("The baseline is £38.13: 5 people at or below it, 5 people above it."), "{text}");
        assert_eq!(bar_length(1, 100_000), 2);
        assert_eq!(bar_length(100_000, 100_000), BAR_MAX);
        assert_eq!(bar_length(0, 5), 0);
        assert_eq!(label_width(&bands), 7 * "£175.01 to £200.00".chars().count() as i64 + 8);
    }
}
