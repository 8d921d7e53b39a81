//! How the explainer fits into the page around it: the level its headings start at
//! (`heading-level`, so it can sit under the page's own `<h2>` or `<h3>`), and whether it
//! repeats the introduction (`intro="off"` for a second explainer on one page). Like every
//! attribute, a wrong value gets a note for the page's editors and the default.

use super::{on_or_off, quoted};
use yew::prelude::*;

/// Headings start at `<h2>` unless the element says otherwise.
pub const DEFAULT_HEADING_LEVEL: u8 = 2;
/// The levels an explainer's first headings may take (its subheadings go one lower, at most 6).
pub const HEADING_LEVELS: std::ops::RangeInclusive<u8> = 2..=6;

/// The `heading-level` attribute: a whole number from 2 to 6.
pub fn heading_level(value: Option<&str>, notes: &mut Vec<String>) -> u8 {
    let Some(value) = value else { return DEFAULT_HEADING_LEVEL };
    let wanted = value.trim();
    let wanted = wanted.strip_prefix(['h', 'H']).unwrap_or(wanted);
    match wanted.parse::<u8>() {
        Ok(level) if HEADING_LEVELS.contains(&level) => level,
        _ => {
            notes.push(format!(
                "The heading level {} is not a number from {} to {}, so the headings start at level {DEFAULT_HEADING_LEVEL} (<h{DEFAULT_HEADING_LEVEL}>).",
                quoted(value),
                HEADING_LEVELS.start(),
                HEADING_LEVELS.end(),
            ));
            DEFAULT_HEADING_LEVEL
        }
    }
}

/// The `intro` attribute: "on" (the default) shows "What is reablement?" and "How do we know
/// if it worked?" before the example; "off" leaves them out.
pub fn intro(value: Option<&str>, notes: &mut Vec<String>) -> bool {
    match on_or_off(value) {
        None => true,
        Some(Ok(on)) => on,
        Some(Err(v)) => {
            notes.push(format!(
                "The intro {} is not “on” or “off”, so the introduction is shown. Use intro=\"off\" to leave it out.",
                quoted(v)
            ));
            true
        }
    }
}

/// The level of a subheading under a heading at `level`: one lower, and never below 6.
pub fn sub_level(level: u8) -> u8 {
    (level + 1).min(6)
}

/// A heading at `level` (2 to 6).
pub fn heading(level: u8, class: &'static str, id: Option<&'static str>, text: String) -> Html {
    let tag = format!("h{}", level.clamp(2, 6));
    html! { <@{tag} class={class} id={id}>{ text }</@> }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn heading_levels_from_2_to_6() {
        let mut notes = Vec::new();
        assert_eq!(heading_level(None, &mut notes), 2);
        assert_eq!(heading_level(Some("3"), &mut notes), 3);
        assert_eq!(heading_level(Some(" 6 "), &mut notes), 6);
        assert_eq!(heading_level(Some("h4"), &mut notes), 4, "written as the tag");
        assert!(notes.is_empty(), "{notes:?}");
        for wrong in ["1", "7", "0", "-2", "2.5", "three", ""] {
            let mut notes = Vec::new();
            assert_eq!(heading_level(Some(wrong), &mut notes), 2, "{wrong}");
            assert_eq!(notes.len(), 1, "{wrong}");
        }
        let mut notes = Vec::new();
        heading_level(Some("7"), &mut notes);
        assert_eq!(
            notes[0],
            "The heading level “7” is not a number from 2 to 6, so the headings start at level 2 (<h2>)."
        );
    }

    #[test]
    fn subheadings_go_one_lower_and_stop_at_6() {
        assert_eq!(sub_level(2), 3);
        assert_eq!(sub_level(5), 6);
        assert_eq!(sub_level(6), 6);
    }

    #[test]
    fn intro_on_or_off() {
        let mut notes = Vec::new();
        assert!(intro(None, &mut notes));
        assert!(intro(Some("on"), &mut notes));
        assert!(!intro(Some("off"), &mut notes));
        assert!(!intro(Some(" OFF "), &mut notes));
        assert!(notes.is_empty());
        assert!(intro(Some("no"), &mut notes));
        assert_eq!(
            notes[0],
            "The intro “no” is not “on” or “off”, so the introduction is shown. Use intro=\"off\" to leave it out."
        );
    }
}
