//! The chart of presentation mode, step by step: the package before once its total is
//! reached, then one bar per week of reablement as the working reaches that week, then the
//! package after and the baseline. Kept apart from the presentation's keys and layout.

use crate::calc::explain::Section;
use crate::calc::Outcome;
use crate::ui::widgets::chart::Bar;

/// The bars to show when the presentation is at step `current` (counted over every section's
/// steps in order). The working's sections are: before, the weeks (when there are weeks:
/// an opening line, then one line per week, then the totals), 28 days after, the result.
pub fn bars_so_far(sections: &[Section], outcome: &Outcome, current: usize) -> Vec<Bar> {
    let starts: Vec<usize> = sections
        .iter()
        .scan(0, |start, s| {
            let this = *start;
            *start += s.steps.len();
            Some(this)
        })
        .collect();
    // A section is done once its last step (its total) has been shown.
    let done = |s: usize| sections.get(s).is_some_and(|sec| current + 1 >= starts[s] + sec.steps.len());
    let n = sections.len();
    let mut bars = Vec::new();
    if done(0) {
        bars.push(Bar { label: "Before".into(), pence: outcome.before.weekly_pence, class: "chart--before" });
    }
    if let (Some(episode), true) = (&outcome.episode, n == 4) {
        for week in &episode.timeline {
            // Week k's line is step k of the weeks section (step 0 says how the weeks work).
            if current >= starts[1] + week.week as usize {
                bars.push(Bar {
                    label: format!("Week {}", week.week).into(),
                    pence: week.weekly_pence,
                    class: "chart--week",
                });
            }
        }
    }
    if n >= 2 && done(n - 2) {
        bars.push(Bar { label: "After 28 days".into(), pence: outcome.after.weekly_pence, class: "chart--after" });
    }
    if n >= 3 && done(n - 1) {
        bars.push(Bar { label: "Baseline".into(), pence: outcome.baseline_pence, class: "chart--baseline" });
    }
    bars
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::calc::explain::explain;
    use crate::ui::examples::data::ARTHUR;

    fn labels(bars: &[Bar]) -> Vec<String> {
        bars.iter().map(|b| format!("{} {}", b.label, b.pence.display())).collect()
    }

    #[test]
    fn arthurs_weeks_come_in_one_by_one_between_before_and_after() {
        let scenario = ARTHUR.scenario();
        let calculation = crate::calc::calculate(&scenario);
        let sections = explain(&scenario, &calculation);
        assert_eq!(sections.len(), 4);
        let o = &calculation.outcome;
        let before_end = sections[0].steps.len() - 1;
        assert!(bars_so_far(&sections, o, before_end - 1).is_empty());
        assert_eq!(labels(&bars_so_far(&sections, o, before_end)), ["Before £295.23"]);
        // The weeks section: its opening line, then week 1, then week 2.
        assert_eq!(labels(&bars_so_far(&sections, o, before_end + 1)), ["Before £295.23"]);
        assert_eq!(labels(&bars_so_far(&sections, o, before_end + 2)), ["Before £295.23", "Week 1 £295.23"]);
        assert_eq!(
            labels(&bars_so_far(&sections, o, before_end + 3)),
            ["Before £295.23", "Week 1 £295.23", "Week 2 £210.88"]
        );
        let last = sections.iter().map(|s| s.steps.len()).sum::<usize>() - 1;
        assert_eq!(
            labels(&bars_so_far(&sections, o, last)),
            ["Before £295.23", "Week 1 £295.23", "Week 2 £210.88", "After 28 days £0.00", "Baseline £38.13"]
        );
    }

    #[test]
    fn without_weeks_the_chart_is_before_after_and_baseline() {
        let mut scenario = ARTHUR.scenario();
        scenario.reablement_weeks = None;
        for goal in &mut scenario.goals {
            goal.achieved_week = None;
        }
        let calculation = crate::calc::calculate(&scenario);
        let sections = explain(&scenario, &calculation);
        assert_eq!(sections.len(), 3);
        let last = sections.iter().map(|s| s.steps.len()).sum::<usize>() - 1;
        assert_eq!(
            labels(&bars_so_far(&sections, &calculation.outcome, last)),
            ["Before £295.23", "After 28 days £0.00", "Baseline £38.13"]
        );
    }
}
