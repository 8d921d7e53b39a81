//! The calculator as a guest in someone else's page: the checking of the
//! `<reablement-calculator>` element's attributes ([`Options`]) and the public explainer.
//! What `www/embed.js` calls to mount one into the element's shadow root is in `ui::host`, which
//! imports this module (never the other way).
//!
//! An embed never touches storage or the page title (the shell's `AppProps::embedded`), never
//! reads or changes the URL or history, and renders only inside the element it is given.
//! Wrong attribute values never stop it: each gets a polite note inside the element and the
//! default is used instead.

use crate::calc::limits::{MAX_BASELINE, MAX_HOURLY_RATE, MIN_BASELINE, MIN_HOURLY_RATE};
use crate::calc::scenario::msg;
use crate::calc::Pence;
use crate::ui::examples::data::{Example, UNTOLD};
use crate::ui::state::draft::Draft;
use yew::prelude::*;

pub mod explainer;
// Build time only (the `prerender` binary) and its tests: nothing of it is in a module.
#[cfg(any(test, feature = "ssr"))]
pub mod first_paint;
pub mod layout;
pub mod weeks;

/// The worked examples as the embed reads them: without the titles and stories it never shows.
pub(crate) const EXAMPLES: &[Example; 6] = &UNTOLD;
/// Arthur's, the example shown when the element names none.
pub(crate) const ARTHUR: &Example = &EXAMPLES[0];

/// What the element shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mode {
    /// A plain-English page for the public with one interactive example.
    Explainer,
    /// The whole calculator, as on the standalone page.
    Full,
}

/// The element's attributes as written on the page (`None`: attribute absent).
#[derive(Clone, Debug, Default, PartialEq, Properties)]
pub struct Attributes {
    #[prop_or_default]
    pub mode: Option<String>,
    #[prop_or_default]
    pub baseline: Option<String>,
    #[prop_or_default]
    pub hourly_rate: Option<String>,
    #[prop_or_default]
    pub example: Option<String>,
    /// `"on"`: the explainer shows the example's weeks of reablement too (contract 1.1).
    #[prop_or_default]
    pub weeks: Option<String>,
    #[prop_or_default]
    pub heading_level: Option<String>,
    #[prop_or_default]
    pub intro: Option<String>,
}

impl Attributes {
    /// The attributes as `value_of` gives them, by their names on the element.
    pub fn from_lookup(value_of: impl Fn(&str) -> Option<String>) -> Attributes {
        Attributes {
            mode: value_of("mode"),
            baseline: value_of("baseline"),
            hourly_rate: value_of("hourly-rate"),
            example: value_of("example"),
            heading_level: value_of("heading-level"),
            intro: value_of("intro"),
            weeks: value_of("weeks"),
        }
    }
}

/// The attributes once checked: every value usable, and a note for each one that was not.
#[derive(Clone)]
pub struct Options {
    pub mode: Mode,
    /// The baseline given on the element, if it was valid (otherwise the example's own).
    pub baseline: Option<Pence>,
    /// The hourly rate given on the element, if it was valid (otherwise the example's own).
    pub hourly_rate: Option<Pence>,
    pub example: &'static Example,
    /// True when the element named a (known) example.
    pub example_given: bool,
    /// Show the example's weeks of reablement (`weeks="on"`, and the example has weeks).
    pub weeks: bool,
    /// The level of the explainer's first headings (2 to 6).
    pub heading_level: u8,
    /// Whether the explainer starts with its introduction.
    pub intro: bool,
    pub notes: Vec<String>,
}

/// An attribute value quoted in a note: at most 40 characters, control characters dropped.
/// An "on" or "off" attribute, in any case: `None` when it is absent, else `Ok(on)`, or the
/// trimmed value when it is neither.
pub(crate) fn on_or_off(value: Option<&str>) -> Option<Result<bool, &str>> {
    value.map(str::trim).map(|v| match v {
        _ if v.eq_ignore_ascii_case("on") => Ok(true),
        _ if v.eq_ignore_ascii_case("off") => Ok(false),
        _ => Err(v),
    })
}

pub(crate) fn quoted(value: &str) -> String {
    let clean: String = value.chars().filter(|c| !c.is_control()).collect();
    let mut shown: String = clean.chars().take(40).collect();
    if clean.chars().count() > 40 {
        shown.push('…');
    }
    format!("“{shown}”")
}

/// Money typed into an attribute, within `min..=max`. `Err` says why not, in a few words.
fn money_in_range(value: &str, min: Pence, max: Pence) -> Result<Pence, &'static str> {
    match Pence::parse(value) {
        None => Err("is not an amount in pounds"),
        Some(p) if p < min => Err("is too small"),
        Some(p) if p > max => Err("is too large"),
        Some(p) => Ok(p),
    }
}

fn find_example(value: &str) -> Option<&'static Example> {
    let wanted = value.trim();
    EXAMPLES.iter().find(|e| e.key.eq_ignore_ascii_case(wanted) || e.name.eq_ignore_ascii_case(wanted))
}

/// The `weeks` attribute: `"on"` or `"off"` (the default). Shown only when the example has
/// weeks of reablement; a note says why not otherwise.
fn weeks_option(value: Option<&str>, example: &Example, notes: &mut Vec<String>) -> bool {
    let on = match on_or_off(value) {
        None => false,
        Some(Ok(on)) => on,
        Some(Err(v)) => {
            notes.push(format!(
                "The weeks option {} is not one this calculator knows, so the weeks are not shown. Write weeks=\"on\" to show them.",
                quoted(v)
            ));
            false
        }
    };
    if on && example.scenario().reablement_weeks.is_none() {
        let with: Vec<String> = EXAMPLES
            .iter()
            .filter(|e| e.scenario().reablement_weeks.is_some())
            .map(|e| format!("“{}”", e.key))
            .collect();
        notes.push(format!(
            "{}'s example has no weeks of reablement, so the weeks are not shown. The examples with weeks are {}.",
            example.name,
            with.join(", ")
        ));
        return false;
    }
    on
}

impl Options {
    /// Checks the attributes. Never fails: a wrong value gets a note and the default.
    pub fn from_attributes(attributes: &Attributes) -> Options {
        let mut notes = Vec::new();

        let mode = match attributes.mode.as_deref().map(str::trim) {
            None => Mode::Explainer,
            Some(m) if m.eq_ignore_ascii_case("explainer") => Mode::Explainer,
            Some(m) if m.eq_ignore_ascii_case("full") => Mode::Full,
            Some(m) => {
                notes.push(format!(
                    "The mode {} is not one this calculator knows, so the explainer is shown. The modes are “explainer” and “full”.",
                    quoted(m)
                ));
                Mode::Explainer
            }
        };

        let (example, example_given) = match attributes.example.as_deref() {
            None => (ARTHUR, false),
            Some(name) => match find_example(name) {
                Some(example) => (example, true),
                None => {
                    let keys: Vec<String> = EXAMPLES.iter().map(|e| format!("“{}”", e.key)).collect();
                    notes.push(format!(
                        "There is no worked example called {}, so Arthur's example is shown. The examples are {}.",
                        quoted(name),
                        keys.join(", ")
                    ));
                    (ARTHUR, false)
                }
            },
        };
        // The value used instead of a wrong one: the example's own, which is the default
        // unless the example sets its own.
        let settings = example.scenario().settings;

        let baseline =
            attributes.baseline.as_deref().and_then(|value| match money_in_range(value, MIN_BASELINE, MAX_BASELINE) {
                Ok(p) => Some(p),
                Err(why) => {
                    notes.push(format!(
                        "The baseline {} {why}, so the default {} is used. {} (up to {}).",
                        quoted(value),
                        settings.baseline_weekly.display(),
                        msg::BASELINE,
                        MAX_BASELINE.display(),
                    ));
                    None
                }
            });
        let hourly_rate = attributes.hourly_rate.as_deref().and_then(|value| {
            match money_in_range(value, MIN_HOURLY_RATE, MAX_HOURLY_RATE) {
                Ok(p) => Some(p),
                Err(why) => {
                    notes.push(format!(
                        "The hourly rate {} {why}, so the default {} is used. {}.",
                        quoted(value),
                        settings.hourly_rate.display(),
                        msg::HOURLY_RATE,
                    ));
                    None
                }
            }
        });

        let weeks = weeks_option(attributes.weeks.as_deref(), example, &mut notes);
        let heading_level = layout::heading_level(attributes.heading_level.as_deref(), &mut notes);
        let intro = layout::intro(attributes.intro.as_deref(), &mut notes);

        Options { mode, baseline, hourly_rate, example, example_given, weeks, heading_level, intro, notes }
    }

    /// The draft the full calculator starts from: the named example (or an empty form) with
    /// the element's baseline and hourly rate.
    pub fn start_draft(&self) -> Draft {
        let mut draft = if self.example_given { self.example.draft() } else { Draft::default() };
        if let Some(baseline) = self.baseline {
            draft.baseline = baseline.decimal();
        }
        if let Some(rate) = self.hourly_rate {
            draft.hourly_rate = rate.decimal();
        }
        draft
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn options(mode: Option<&str>, baseline: Option<&str>, rate: Option<&str>, example: Option<&str>) -> Options {
        Options::from_attributes(&Attributes {
            mode: mode.map(String::from),
            baseline: baseline.map(String::from),
            hourly_rate: rate.map(String::from),
            example: example.map(String::from),
            ..Attributes::default()
        })
    }

    #[test]
    fn the_weeks_are_shown_on_request_for_an_example_with_weeks() {
        let weeks = |value: Option<&str>, example: Option<&str>| {
            Options::from_attributes(&Attributes {
                weeks: value.map(String::from),
                example: example.map(String::from),
                ..Attributes::default()
            })
        };
        assert!(!weeks(None, None).weeks);
        let on = weeks(Some(" ON "), None);
        assert!(on.weeks && on.notes.is_empty(), "{:?}", on.notes);
        assert!(!weeks(Some("off"), None).weeks);
        let odd = weeks(Some("yes please"), None);
        assert!(!odd.weeks);
        assert!(odd.notes[0].starts_with("The weeks option “yes please” is not one"), "{}", odd.notes[0]);
        let beryl = weeks(Some("on"), Some("partial-goals"));
        assert!(!beryl.weeks);
        assert_eq!(
            beryl.notes,
            ["Beryl's example has no weeks of reablement, so the weeks are not shown. The examples with weeks are “arthur”, “needs-grew”, “short-calls”."]
        );
        assert!(weeks(Some("on"), Some("short-calls")).weeks);
    }

    #[test]
    fn the_embeds_examples_are_the_worked_examples_without_their_words() {
        use crate::ui::examples::data;
        assert_eq!(EXAMPLES.len(), data::EXAMPLES.len());
        for (embed, full) in EXAMPLES.iter().zip(&data::EXAMPLES) {
            assert_eq!((embed.key, embed.name, embed.json), (full.key, full.name, full.json));
            assert_eq!(embed.scenario(), full.scenario());
            assert_eq!((embed.title, embed.story), ("", ""));
        }
        assert_eq!(ARTHUR.key, data::ARTHUR.key);
    }

    #[test]
    fn no_attributes_is_the_explainer_with_arthur_and_no_notes() {
        let o = options(None, None, None, None);
        assert_eq!(o.mode, Mode::Explainer);
        assert_eq!(o.example.key, "arthur");
        assert_eq!((o.baseline, o.hourly_rate), (None, None));
        assert!(o.notes.is_empty());
    }

    #[test]
    fn good_values_are_used() {
        let o = options(Some(" Full "), Some("£1,234.50"), Some("25"), Some("partial-goals"));
        assert_eq!(o.mode, Mode::Full);
        assert_eq!(o.baseline, Some(Pence(123_450)));
        assert_eq!(o.hourly_rate, Some(Pence(2500)));
        assert_eq!(o.example.name, "Beryl");
        assert!(o.example_given);
        assert!(o.notes.is_empty(), "{:?}", o.notes);
        assert_eq!(options(None, None, None, Some("Ken")).example.key, "short-calls");
        assert_eq!(options(None, Some("0"), Some("999.99"), None).notes, Vec::<String>::new());
    }

    #[test]
    fn wrong_values_get_a_note_and_the_default() {
        let o = options(Some("kiosk"), Some("abc"), Some("0"), Some("zed"));
        assert_eq!(o.mode, Mode::Explainer);
        assert_eq!((o.baseline, o.hourly_rate), (None, None));
        assert_eq!(o.example.key, "arthur");
        assert!(!o.example_given);
        assert_eq!(o.notes.len(), 4);
        assert!(o.notes[0].starts_with("The mode “kiosk” is not one"), "{}", o.notes[0]);
        assert!(
            o.notes[1].starts_with("There is no worked example called “zed”, so Arthur's example is shown."),
            "{}",
            o.notes[1]
        );
        assert!(
            o.notes[2].starts_with("The baseline “abc” is not an amount in pounds, so the default £38.13 is used."),
            "{}",
            o.notes[2]
        );
        assert!(o.notes[3].contains(msg::HOURLY_RATE), "{}", o.notes[3]);
        assert!(
            o.notes[3].starts_with("The hourly rate “0” is too small, so the default £24.10 is used."),
            "{}",
            o.notes[3]
        );
        let big = options(None, Some("10000.01"), Some("1000"), None);
        assert_eq!(big.notes.len(), 2);
        assert!(big.notes[0].contains("is too large"), "{}", big.notes[0]);
        assert!(options(None, Some("-3"), None, None).notes[0].contains("is not an amount in pounds"));
        assert!(options(None, Some(""), None, None).notes[0].contains("“”"));
    }

    #[test]
    fn the_default_named_is_the_examples_own() {
        // Dev's example has its own hourly rate, £23.50.
        let o = options(None, None, Some("lots"), Some("double-handed"));
        assert!(o.notes[0].contains("so the default £23.50 is used"), "{}", o.notes[0]);
    }

    #[test]
    fn long_or_odd_values_are_shortened_in_notes() {
        let long = "x".repeat(500);
        let o = options(Some(&long), None, None, None);
        assert!(o.notes[0].contains(&format!("“{}…”", "x".repeat(40))));
        let o = options(Some("a\u{0}b\nc"), None, None, None);
        assert!(o.notes[0].contains("“abc”"));
    }

    #[test]
    fn full_mode_starts_from_the_example_with_the_elements_figures() {
        let draft = options(Some("full"), Some("40"), Some("25.5"), Some("arthur")).start_draft();
        assert_eq!(draft.goals.len(), 3);
        assert_eq!((draft.baseline.as_str(), draft.hourly_rate.as_str()), ("40.00", "25.50"));
        let blank = options(Some("full"), None, None, None).start_draft();
        assert_eq!(blank, Draft::default());
    }
}
