//! A council's own figures: an optional `council.json` beside `index.html` that sets the
//! baseline and the hourly rate a new scenario starts with, and the sources shown for them,
//! once for everyone who uses that copy of the calculator. Read here, with the core's money
//! rules and ranges (`limits`); the interface only fetches the text and shows what this says.
//!
//! ```json
//! { "council": "Rutland County Council",
//!   "baseline_weekly": "35.20", "baseline_source": "…",
//!   "hourly_rate": "26.40", "hourly_rate_source": "…" }
//! ```
//!
//! `make dist` writes one that says "use the calculator's own figures" ([`OWN_FIGURES`]), so a
//! default deployment asks for nothing that is not there; a council replaces it with its own.

use super::json::{self, Value};
use super::limits::{hourly_rate_in_range, MAX_BASELINE, MAX_HOURLY_RATE, MIN_BASELINE, MIN_HOURLY_RATE};
use super::money::Pence;
use super::scenario::{msg::unknown_field, FieldMessage, DEFAULT_BASELINE, DEFAULT_HOURLY_RATE};

/// The file's name, beside `index.html`.
pub const FILE: &str = "council.json";
/// The longest council name and source the page shows.
pub const MAX_NAME: usize = 100;
pub const MAX_SOURCE: usize = 300;

/// The `council.json` `make dist` writes: the calculator's own figures, as if there were no
/// file. Read as [`CouncilFile::Absent`]; `comment` says what to do with it.
pub const OWN_FIGURES: &str = r#"{
  "figures": "the calculator's own",
  "comment": "No council figures are set, so the calculator uses its own (the Leicestershire 2019 baseline of £38.13 a week and an hourly rate of £24.10). To set your council's, replace this file with one that gives council, baseline_weekly, baseline_source, hourly_rate and hourly_rate_source (see the README)."
}
"#;
/// The value of `figures` in a file that asks for the calculator's own figures.
const OWN: &str = "the calculator's own";

const FIELDS: [&str; 5] = ["council", "baseline_weekly", "baseline_source", "hourly_rate", "hourly_rate_source"];

/// The figures a new scenario starts with, and where they come from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Figures {
    /// The council that set them; `None` for the calculator's own defaults.
    pub council: Option<String>,
    pub baseline_weekly: Pence,
    pub baseline_source: String,
    pub hourly_rate: Pence,
    pub hourly_rate_source: String,
}

impl Default for Figures {
    /// The calculator's own: the contract's defaults and their sources.
    fn default() -> Self {
        Figures {
            council: None,
            baseline_weekly: DEFAULT_BASELINE,
            baseline_source: "Leicestershire County Council, adult social care target operating model update, November 2019. It is the average over everyone leaving reablement. The redesigned service reached £29.98.".into(),
            hourly_rate: DEFAULT_HOURLY_RATE,
            hourly_rate_source: "Homecare Association, average fee rate paid by councils for home care in 2025-26 (June 2025). For comparison, its minimum sustainable rate for 2025/26 is £32.14.".into(),
        }
    }
}

/// What `council.json` did: nothing there, figures to use, or why it could not be used.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CouncilFile {
    Absent,
    Used(Figures),
    /// Every problem, each at its field's name; the calculator's own figures are used.
    Invalid(Vec<FieldMessage>),
}

impl CouncilFile {
    /// The figures in use: the council's, or the calculator's own.
    pub fn figures(&self) -> Figures {
        match self {
            CouncilFile::Used(figures) => figures.clone(),
            _ => Figures::default(),
        }
    }

    /// For an invalid file, what to tell the page: which fields are wrong, and how to fix them.
    pub fn note(&self) -> Option<String> {
        let CouncilFile::Invalid(errors) = self else { return None };
        let problems: Vec<&str> = errors.iter().map(|e| e.message.as_ref()).collect();
        Some(format!(
            "The council's own figures ({FILE}) could not be used, so the calculator's own are shown. {}.",
            problems.join(". ")
        ))
    }
}

/// Reads the text of `council.json`: every field is required and checked, and any problem
/// means the whole file is set aside (half a council's figures beside half of another's
/// sources would mislead).
pub fn read_council(text: &str) -> CouncilFile {
    let Ok(value) = json::parse(text) else {
        return CouncilFile::Invalid(vec![FieldMessage::new("", msg::NOT_AN_OBJECT)]);
    };
    let Value::Object(fields) = &value else {
        return CouncilFile::Invalid(vec![FieldMessage::new("", msg::NOT_AN_OBJECT)]);
    };
    // "The calculator's own figures": `figures` (and a `comment`), and nothing else.
    if let Some(figures) = value.get("figures") {
        let others: Vec<FieldMessage> = fields
            .iter()
            .filter(|(key, _)| !matches!(key.as_ref(), "figures" | "comment"))
            .map(|(key, _)| FieldMessage::new(key.to_string(), msg::OWN_AND_COUNCIL))
            .collect();
        return match (figures.as_str(), others.is_empty()) {
            (Some(OWN), true) => CouncilFile::Absent,
            (Some(OWN), false) => CouncilFile::Invalid(others),
            _ => CouncilFile::Invalid(vec![FieldMessage::new("figures", msg::OWN_FIGURES)]),
        };
    }
    let mut errors: Vec<FieldMessage> = fields
        .iter()
        .filter(|(key, _)| !FIELDS.contains(&key.as_ref()))
        .map(|(key, _)| FieldMessage::new(key.to_string(), format!("{} in {FILE}", unknown_field(key))))
        .collect();
    let mut text_field =
        |name: &str, max: usize, message: &'static str| match value.get(name).and_then(Value::as_str).map(str::trim) {
            Some(t) if !t.is_empty() && t.chars().count() <= max => Some(t.to_string()),
            _ => {
                errors.push(FieldMessage::new(name, message));
                None
            }
        };
    let council = text_field("council", MAX_NAME, msg::COUNCIL);
    let baseline_source = text_field("baseline_source", MAX_SOURCE, msg::BASELINE_SOURCE);
    let hourly_rate_source = text_field("hourly_rate_source", MAX_SOURCE, msg::HOURLY_RATE_SOURCE);
    let money = |name: &str| value.get(name).and_then(Pence::from_json);
    let baseline_weekly = money("baseline_weekly").filter(|p| (MIN_BASELINE..=MAX_BASELINE).contains(p));
    if baseline_weekly.is_none() {
        errors.push(FieldMessage::new("baseline_weekly", msg::baseline()));
    }
    let hourly_rate = money("hourly_rate").filter(|p| hourly_rate_in_range(*p));
    if hourly_rate.is_none() {
        errors.push(FieldMessage::new("hourly_rate", msg::hourly_rate()));
    }
    match (council, baseline_weekly, baseline_source, hourly_rate, hourly_rate_source) {
        (Some(council), Some(baseline_weekly), Some(baseline_source), Some(hourly_rate), Some(hourly_rate_source))
            if errors.is_empty() =>
        {
            CouncilFile::Used(Figures {
                council: Some(council),
                baseline_weekly,
                baseline_source,
                hourly_rate,
                hourly_rate_source,
            })
        }
        _ => CouncilFile::Invalid(errors),
    }
}

/// What is wrong with a field of `council.json`, and how to put it right.
pub mod msg {
    use super::*;

    pub const NOT_AN_OBJECT: &str =
        "It must be a JSON object such as {\"council\": \"…\", \"baseline_weekly\": \"38.13\", …}";
    pub const OWN_FIGURES: &str =
        "“figures” must be \"the calculator's own\", or leave it out and give the council's figures";
    pub const OWN_AND_COUNCIL: &str =
        "Remove “figures” to use the council's figures, or remove this field to use the calculator's own";
    pub const COUNCIL: &str = "“council” must be the council's name, 100 characters or fewer";
    pub const BASELINE_SOURCE: &str =
        "“baseline_source” must say where the baseline comes from, in 300 characters or fewer";
    pub const HOURLY_RATE_SOURCE: &str =
        "“hourly_rate_source” must say where the hourly rate comes from, in 300 characters or fewer";

    pub fn baseline() -> String {
        format!(
            "“baseline_weekly” must be an amount in pounds from {} to {}, like \"38.13\"",
            MIN_BASELINE.display(),
            MAX_BASELINE.display()
        )
    }

    pub fn hourly_rate() -> String {
        format!(
            "“hourly_rate” must be an amount in pounds from {} to {}, like \"24.10\"",
            MIN_HOURLY_RATE.display(),
            MAX_HOURLY_RATE.display()
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const RUTLAND: &str = r#"{"council": "Rutland County Council", "baseline_weekly": "35.20",
        "baseline_source": "Rutland reablement review, 2025", "hourly_rate": 26.4,
        "hourly_rate_source": "Rutland home care framework, April 2025"}"#;

    fn paths(file: &CouncilFile) -> Vec<&str> {
        match file {
            CouncilFile::Invalid(errors) => errors.iter().map(|e| e.path.as_str()).collect(),
            _ => vec![],
        }
    }

    #[test]
    fn the_file_make_dist_writes_uses_the_calculators_own_figures_and_says_nothing() {
        let file = read_council(OWN_FIGURES);
        assert_eq!(file, CouncilFile::Absent);
        assert_eq!(file.figures(), Figures::default());
        assert_eq!(file.note(), None);
        assert_eq!(read_council(r#"{"figures": "the calculator's own"}"#), CouncilFile::Absent);
    }

    #[test]
    fn own_figures_beside_a_councils_or_a_wrong_value_is_a_file_to_fix() {
        let both =
            r#"{"figures": "the calculator's own", "council": "Rutland County Council", "hourly_rate": "26.40"}"#;
        assert_eq!(paths(&read_council(both)), ["council", "hourly_rate"]);
        assert!(read_council(both).note().unwrap().contains("Remove “figures” to use the council's figures"));
        let wrong = read_council(r#"{"figures": "default"}"#);
        assert_eq!(paths(&wrong), ["figures"]);
        assert!(wrong.note().unwrap().contains("“figures” must be \"the calculator's own\""));
        assert_eq!(wrong.figures(), Figures::default());
    }

    #[test]
    fn a_valid_file_gives_the_councils_figures_and_sources() {
        let file = read_council(RUTLAND);
        let figures = file.figures();
        assert_eq!(figures.council.as_deref(), Some("Rutland County Council"));
        assert_eq!((figures.baseline_weekly, figures.hourly_rate), (Pence(3520), Pence(2640)));
        assert_eq!(figures.baseline_source, "Rutland reablement review, 2025");
        assert_eq!(file.note(), None);
        // Money as text, with a £ and commas, is read as the form reads it.
        let text = RUTLAND.replace("\"35.20\"", "\"£1,035.20\"");
        assert_eq!(read_council(&text).figures().baseline_weekly, Pence(103_520));
    }

    #[test]
    fn the_limits_are_the_cores() {
        let with = |field: &str, value: &str| {
            let mut v = json::parse(RUTLAND).unwrap();
            if let Value::Object(fields) = &mut v {
                fields.iter_mut().find(|(k, _)| k == field).unwrap().1 = json::parse(value).unwrap();
            }
            read_council(&v.to_json_text())
        };
        assert_eq!(with("baseline_weekly", "\"0\"").figures().baseline_weekly, Pence::ZERO);
        assert_eq!(with("baseline_weekly", "\"10000.00\"").figures().baseline_weekly, MAX_BASELINE);
        assert_eq!(paths(&with("baseline_weekly", "\"10000.01\"")), ["baseline_weekly"]);
        assert_eq!(paths(&with("baseline_weekly", "\"35.205\"")), ["baseline_weekly"]);
        assert_eq!(paths(&with("baseline_weekly", "-1")), ["baseline_weekly"]);
        assert_eq!(paths(&with("baseline_weekly", "null")), ["baseline_weekly"]);
        assert_eq!(paths(&with("hourly_rate", "0")), ["hourly_rate"]);
        assert_eq!(paths(&with("hourly_rate", "\"1000\"")), ["hourly_rate"]);
        assert_eq!(with("hourly_rate", "\"999.99\"").figures().hourly_rate, MAX_HOURLY_RATE);
        assert_eq!(paths(&with("council", "\"  \"")), ["council"]);
        assert_eq!(paths(&with("baseline_source", &format!("\"{}\"", "x".repeat(301)))), ["baseline_source"]);
        assert_eq!(paths(&with("hourly_rate_source", "7")), ["hourly_rate_source"]);
    }

    #[test]
    fn an_invalid_file_says_which_field_is_wrong_and_uses_the_calculators_own_figures() {
        let file = read_council(&RUTLAND.replace("\"35.20\"", "\"35,20\"").replace("\"council\"", "\"councill\""));
        assert_eq!(paths(&file), ["councill", "council", "baseline_weekly"]);
        assert_eq!(file.figures(), Figures::default());
        let note = file.note().unwrap();
        assert!(note.starts_with("The council's own figures (council.json) could not be used"), "{note}");
        assert!(note.contains("Unknown field 'councill' in council.json"), "{note}");
        assert!(note.contains("“baseline_weekly” must be an amount in pounds from £0.00 to £10,000.00"), "{note}");
        for text in ["", "[1]", "{", "\"Rutland\"", "null"] {
            assert_eq!(paths(&read_council(text)), [""], "{text:?}");
        }
        assert_eq!(CouncilFile::Absent.figures(), Figures::default());
        assert_eq!(CouncilFile::Absent.note(), None);
    }
}
