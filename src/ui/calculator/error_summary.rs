//! "There is a problem": every error at once, each a link that moves focus to its field.

use crate::calc::FieldMessage;
use crate::ui::browser::focus::focus_link;
use crate::ui::state::draft::{Draft, Which};
use crate::ui::widgets::fields::field_id;
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub errors: Rc<Vec<FieldMessage>>,
    pub node: NodeRef,
    /// The form, for the names of the visits and costs the errors are about.
    pub draft: Rc<Draft>,
}

/// The field an error path points at: a missing goal link points at the visit's goal list.
fn target(path: &str) -> String {
    match path.rfind(".goals[") {
        Some(i) if path.starts_with("before") || path.starts_with("after") => field_id(&path[..i + ".goals".len()]),
        _ => field_id(path),
    }
}

/// Where a path's field comes on the page, so the summary lists errors in the form's order.
fn form_order(path: &str) -> u8 {
    const ORDER: [&str; 7] =
        ["reference", "reablement_weeks", "goals", "before", "after", "settings", "reablement_cost"];
    ORDER.iter().position(|p| path.starts_with(p)).unwrap_or(ORDER.len()) as u8
}

/// Which goal, visit or cost an error is about: the contract's message says what is wrong,
/// and with several visits the summary must also say which one — by the name the user gave
/// it ("Lunch: …"), or its number when it has none ("Visit 2: …").
fn context(path: &str, draft: &Draft) -> String {
    let index = |name: &str| -> Option<usize> {
        let start = path.find(name)? + name.len();
        path[start..].split(']').next()?.parse().ok()
    };
    let which = if path.starts_with("after") { Which::After } else { Which::Before };
    let package = draft.package(which);
    let name = |label: Option<&String>, fallback: String| {
        let label = label.map(|l| l.trim()).unwrap_or_default();
        match (label.is_empty(), which) {
            (true, Which::Before) => format!("{fallback}: "),
            (true, Which::After) => format!("{fallback} after reablement: "),
            (false, Which::Before) => format!("{label}: "),
            (false, Which::After) => format!("{label} (after reablement): "),
        }
    };
    if let Some(i) = index("goals[").filter(|_| path.starts_with("goals")) {
        format!("Goal {}: ", i + 1)
    } else if let Some(i) = index("visits[") {
        name(package.and_then(|p| p.visits.get(i)).map(|v| &v.label), format!("Visit {}", i + 1))
    } else if let Some(i) = index("other_costs[") {
        name(package.and_then(|p| p.other_costs.get(i)).map(|c| &c.label), format!("Cost {}", i + 1))
    } else {
        String::new()
    }
}

#[component]
pub fn ErrorSummary(props: &Props) -> Html {
    let mut errors: Vec<&FieldMessage> = props.errors.iter().collect();
    errors.sort_by_key(|e| form_order(&e.path));
    html! {
        <div class="error-summary" ref={props.node.clone()} tabindex="-1" role="alert" aria-labelledby="error-summary-title">
            <h2 class="error-summary__title" id="error-summary-title">{ "There is a problem" }</h2>
            <ul class="error-summary__list">
                { for errors.into_iter().map(|e| {
                    let id = target(&e.path);
                    let onclick = focus_link(id.clone());
                    html! { <li><a href={format!("#{id}")} {onclick}>{ format!("{}{}", context(&e.path, &props.draft), e.message) }</a></li> }
                }) }
            </ul>
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn summary_says_which_goal_visit_or_cost_by_its_name() {
        let mut draft = Draft::from_json_text(include_str!("../examples/data/arthur.json")).unwrap();
        draft.before.visits[2].label = "  ".into();
        draft.after = Some(draft.before.clone());
        let lunch = draft.before.visits[1].label.clone();
        assert_eq!(context("before.visits[1].minutes", &draft), format!("{lunch}: "));
        assert_eq!(context("after.visits[1].minutes", &draft), format!("{lunch} (after reablement): "));
        assert_eq!(context("before.visits[2].minutes", &draft), "Visit 3: ", "no name: its number");
        assert_eq!(context("after.other_costs[0].weekly", &draft), "Cost 1 after reablement: ");
        assert_eq!(context("goals[2].status", &draft), "Goal 3: ");
        assert_eq!(context("before.visits[0].goals[1]", &draft), format!("{}: ", draft.before.visits[0].label));
        assert_eq!(context("settings.hourly_rate", &draft), "");
    }

    #[test]
    fn summary_follows_the_form_order() {
        let mut paths = vec![
            "settings.hourly_rate",
            "before.visits[1].minutes",
            "goals[0].achieved_week",
            "reference",
            "reablement_weeks",
        ];
        paths.sort_by_key(|p| form_order(p));
        assert_eq!(
            paths,
            [
                "reference",
                "reablement_weeks",
                "goals[0].achieved_week",
                "before.visits[1].minutes",
                "settings.hourly_rate"
            ]
        );
    }
}
