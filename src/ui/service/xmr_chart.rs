//! An XmR chart as Making Data Count draws one (contract 1.2): the points joined in order
//! (a break where a period has no point), the mean, the process limits and the target as
//! lines, and each point marked by its type in colour AND shape (common cause: a grey
//! circle; improvement: a blue square; concern: an orange diamond), on an axis from 0. The
//! figures are the core's (`calc::cohort::over_time`); this only places them, in whole units
//! of the drawing. Two drawings are made and CSS shows one: a wide one that names its lines
//! in a margin, and a narrow one for a phone, whose lines are named in the key below it.

use crate::calc::cohort::over_time::{Chart, PointType};
use crate::calc::cohort::{Day, Period};
use yew::prelude::*;

/// What a chart's numbers are.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Unit {
    /// Pence, shown as pounds.
    Pence,
    /// Hundredths of a person a week.
    Hundredths,
}

impl Unit {
    /// An axis or line label: `£38.13`, `£40`, `8.6`, `10`.
    pub fn label(self, value: i64) -> String {
        let (whole, part) = (value / 100, (value % 100).abs());
        let sign = if value < 0 { "\u{2212}" } else { "" };
        let whole = whole.abs();
        match (self, part) {
            (Unit::Pence, 0) => format!("{sign}£{}", crate::calc::money::group_thousands(whole as u64)),
            (Unit::Pence, _) => format!("{sign}£{}.{part:02}", crate::calc::money::group_thousands(whole as u64)),
            (Unit::Hundredths, 0) => format!("{sign}{whole}"),
            (Unit::Hundredths, p) if p % 10 == 0 => format!("{sign}{whole}.{}", p / 10),
            (Unit::Hundredths, _) => format!("{sign}{whole}.{part:02}"),
        }
    }
}

#[derive(Properties, PartialEq)]
pub struct Props {
    pub id: AttrValue,
    pub title: AttrValue,
    /// The text alternative's summary (the table below the chart has every figure).
    pub summary: AttrValue,
    pub chart: std::rc::Rc<Chart>,
    /// One per period; `None` where the period has no point.
    pub values: std::rc::Rc<Vec<Option<i64>>>,
    pub starts: std::rc::Rc<Vec<Day>>,
    pub period: Period,
    pub unit: Unit,
    /// "Baseline" or "Target".
    pub target_name: AttrValue,
}

struct Layout {
    width: i64,
    height: i64,
    left: i64,
    right: i64,
    top: i64,
    bottom: i64,
    /// How many periods may be named on the time axis.
    ticks: usize,
    suffix: &'static str,
}

const WIDE: Layout =
    Layout { width: 720, height: 300, left: 56, right: 150, top: 14, bottom: 36, ticks: 9, suffix: "wide" };
const NARROW: Layout =
    Layout { width: 340, height: 240, left: 46, right: 10, top: 12, bottom: 34, ticks: 4, suffix: "narrow" };

/// A round step for about `parts` ticks up to `max` (1, 2, 2.5 or 5 × a power of ten).
pub fn nice_step(max: i64, parts: i64) -> i64 {
    let rough = (max / parts).max(1);
    let mut power = 1;
    while power * 10 <= rough {
        power *= 10;
    }
    [1, 2, 5, 10].iter().map(|m| m * power).find(|step| *step >= rough).unwrap_or(10 * power)
}

/// The top of the axis: a whole number of steps at or above everything drawn.
fn axis_top(chart: &Chart, values: &[Option<i64>]) -> (i64, i64) {
    let highest = values
        .iter()
        .flatten()
        .copied()
        .chain([chart.upper_limit, chart.mean])
        .chain(chart.target)
        .max()
        .unwrap_or(0)
        .max(1);
    let step = nice_step(highest, 4);
    (step * ((highest + step - 1) / step), step)
}

/// The short name of a period on the time axis: `3 Mar` for a week, `Mar 2025` for a month.
pub fn short_name(start: Day, period: Period) -> String {
    const MONTHS: [&str; 12] = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
    let (y, m, d) = start.ymd();
    match period {
        Period::Week => format!("{d} {}", MONTHS[m as usize - 1]),
        Period::Month => format!("{} {y}", MONTHS[m as usize - 1]),
    }
}

fn marker(kind: Option<PointType>, x: i64, y: i64) -> Html {
    match kind {
        Some(PointType::Improvement) => html! {
            <rect class="xmr__point xmr__point--improvement" x={(x - 5).to_string()} y={(y - 5).to_string()} width="10" height="10" />
        },
        Some(PointType::Concern) => html! {
            <path class="xmr__point xmr__point--concern" d={format!("M{x} {}l6 6l-6 6l-6 -6z", y - 6)} />
        },
        _ => html! { <circle class="xmr__point xmr__point--common" cx={x.to_string()} cy={y.to_string()} r="4" /> },
    }
}

fn drawing(props: &Props, l: &Layout) -> Html {
    let chart = &props.chart;
    let values = &props.values;
    let n = values.len().max(2) as i64;
    let (top_value, step) = axis_top(chart, values);
    let plot_w = l.width - l.left - l.right;
    let plot_h = l.height - l.top - l.bottom;
    let x = |i: usize| l.left + i as i64 * plot_w / (n - 1);
    let y = |v: i64| l.top + plot_h - (i128::from(v.max(0)) * i128::from(plot_h) / i128::from(top_value)) as i64;
    // The line through the points, broken where a period has none.
    let mut path = String::new();
    let mut joined = false;
    for (i, v) in values.iter().enumerate() {
        match v {
            Some(v) => {
                path.push_str(&format!("{}{} {}", if joined { "L" } else { "M" }, x(i), y(*v)));
                joined = true;
            }
            None => joined = false,
        }
    }
    let line = |class: &'static str, value: i64| {
        let ly = y(value).to_string();
        html! {
            <line class={classes!("xmr__line", class)} x1={l.left.to_string()} x2={(l.left + plot_w).to_string()} y1={ly.clone()} y2={ly} />
        }
    };
    let unit = props.unit;
    let every = (values.len() as i64 + l.ticks as i64 - 1) / l.ticks as i64;
    let title_id = format!("{}-{}-title", props.id, l.suffix);
    let desc_id = format!("{}-{}-desc", props.id, l.suffix);
    // Lines named in the margin can collide; each name keeps at least 14 units from the one above.
    let mut named: Vec<(&'static str, i64, String)> = vec![
        ("xmr__line--upper", chart.upper_limit, format!("Upper limit {}", unit.label(chart.upper_limit))),
        ("xmr__line--mean", chart.mean, format!("Mean {}", unit.label(chart.mean))),
    ];
    if chart.lower_limit >= 0 {
        named.push(("xmr__line--lower", chart.lower_limit, format!("Lower limit {}", unit.label(chart.lower_limit))));
    }
    if let Some(target) = chart.target {
        named.push(("xmr__line--target", target, format!("{} {}", props.target_name, unit.label(target))));
    }
    named.sort_by_key(|(_, v, _)| -*v);
    let mut label_y = i64::MIN;
    let names: Vec<Html> = named
        .iter()
        .map(|(class, value, name)| {
            label_y = (y(*value) + 4).max(label_y + 14);
            html! { <text class={classes!("xmr__line-name", *class)} x={(l.left + plot_w + 6).to_string()} y={label_y.to_string()}>{ name.clone() }</text> }
        })
        .collect();
    html! {
        <svg class={format!("xmr__svg xmr__svg--{}", l.suffix)} viewBox={format!("0 0 {} {}", l.width, l.height)} role="img"
            aria-labelledby={format!("{title_id} {desc_id}")} focusable="false">
            <title id={title_id}>{ props.title.clone() }</title>
            <desc id={desc_id}>{ props.summary.clone() }</desc>
            <g class="xmr__axis" aria-hidden="true">
                { for (0..=top_value / step).map(|t| {
                    let v = t * step;
                    html! {
                        <g>
                            <line class="xmr__grid" x1={l.left.to_string()} x2={(l.left + plot_w).to_string()} y1={y(v).to_string()} y2={y(v).to_string()} />
                            <text class="xmr__tick" x={(l.left - 6).to_string()} y={(y(v) + 4).to_string()} text-anchor="end">{ unit.label(v) }</text>
                        </g>
                    }
                }) }
                { for props.starts.iter().enumerate().filter(|(i, _)| (*i as i64) % every.max(1) == 0).map(|(i, start)| html! {
                    <text class="xmr__tick" x={x(i).to_string()} y={(l.height - l.bottom + 18).to_string()} text-anchor="middle">{ short_name(*start, props.period) }</text>
                }) }
            </g>
            { line("xmr__line--upper", chart.upper_limit) }
            if chart.lower_limit >= 0 { { line("xmr__line--lower", chart.lower_limit) } }
            { line("xmr__line--mean", chart.mean) }
            if let Some(target) = chart.target { { line("xmr__line--target", target) } }
            if l.right > 40 { <g aria-hidden="true">{ for names }</g> }
            <path class="xmr__data" d={path} />
            { for values.iter().zip(chart.point_types.iter()).enumerate().filter_map(|(i, (v, kind))| {
                v.map(|v| marker(*kind, x(i), y(v)))
            }) }
        </svg>
    }
}

/// The key: every mark and line with its words (a phone's drawing names its lines here).
fn key(props: &Props) -> Html {
    let chart = &props.chart;
    let unit = props.unit;
    let swatch = |shape: Html| html! { <svg class="xmr__swatch" viewBox="0 0 20 20" aria-hidden="true" focusable="false">{ shape }</svg> };
    let line_swatch = |class: &'static str| {
        swatch(html! { <line class={classes!("xmr__line", class)} x1="0" x2="20" y1="10" y2="10" /> })
    };
    let lower = if chart.lower_limit < 0 {
        format!("Lower process limit {} (below zero, so not drawn)", unit.label(chart.lower_limit))
    } else {
        format!("Lower process limit {}", unit.label(chart.lower_limit))
    };
    html! {
        <ul class="xmr__key">
            <li>{ swatch(marker(Some(PointType::CommonCause), 10, 10)) }{ "Common cause: the usual ups and downs" }</li>
            <li>{ swatch(marker(Some(PointType::Improvement), 10, 10)) }{ "Special cause improvement" }</li>
            <li>{ swatch(marker(Some(PointType::Concern), 10, 10)) }{ "Special cause concern" }</li>
            <li>{ line_swatch("xmr__line--mean") }{ format!("Mean {}", unit.label(chart.mean)) }</li>
            <li>{ line_swatch("xmr__line--upper") }{ format!("Upper process limit {}", unit.label(chart.upper_limit)) }</li>
            <li>{ line_swatch("xmr__line--lower") }{ lower }</li>
            if let Some(target) = chart.target {
                <li>{ line_swatch("xmr__line--target") }{ format!("{} {}", props.target_name, unit.label(target)) }</li>
            }
        </ul>
    }
}

#[component]
pub fn XmrChart(props: &Props) -> Html {
    html! {
        <figure class="chart xmr" id={props.id.clone()}>
            { drawing(props, &WIDE) }
            { drawing(props, &NARROW) }
            <figcaption>{ key(props) }</figcaption>
        </figure>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_are_written_from_integers() {
        assert_eq!(Unit::Pence.label(3813), "£38.13");
        assert_eq!(Unit::Pence.label(4000), "£40");
        assert_eq!(Unit::Pence.label(-1675), "\u{2212}£16.75");
        assert_eq!(Unit::Pence.label(123_456_700), "£1,234,567");
        assert_eq!(Unit::Hundredths.label(860), "8.6");
        assert_eq!(Unit::Hundredths.label(1000), "10");
        assert_eq!(Unit::Hundredths.label(253), "2.53");
    }

    #[test]
    fn the_axis_steps_are_round() {
        assert_eq!(nice_step(7133, 4), 2000);
        assert_eq!(nice_step(1574, 4), 500);
        assert_eq!(nice_step(3, 4), 1);
        assert_eq!(nice_step(100_000, 4), 50_000);
    }

    #[test]
    fn periods_have_short_names() {
        let day = Day::parse_iso("2025-09-01").unwrap();
        assert_eq!(short_name(day, Period::Week), "1 Sep");
        assert_eq!(short_name(day, Period::Month), "Sep 2025");
    }
}
