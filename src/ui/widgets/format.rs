//! Text as the page shows it.

/// A minus sign and the amount after it stay on one line (a word joiner between them), so a
/// wrapped line never shows "−" at its end and a positive-looking amount on the next.
pub fn keep_sign_with_amount(text: &str) -> String {
    text.replace("\u{2212}£", "\u{2212}\u{2060}£")
}

/// Class names joined by spaces, those not given (`None`) left out: the class attribute
/// `classes!` gives for different names (an empty one stays, as there), without its code (a
/// `Classes` built by pushing, its `Rc` copied on write) in the modules.
pub fn class_names(names: &[Option<&str>]) -> String {
    let mut out = String::new();
    for (i, name) in names.iter().flatten().enumerate() {
        if i > 0 {
            out.push(' ');
        }
        out.push_str(name);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn class_names_as_classes_writes_them() {
        let none: Option<&'static str> = None;
        let cases = [
            (class_names(&[Some("field"), none]), yew::classes!("field", none)),
            (class_names(&[Some("field"), Some("field--error")]), yew::classes!("field", Some("field--error"))),
            (
                class_names(&[Some("input"), Some(""), Some("input--error")]),
                yew::classes!("input", "", Some("input--error")),
            ),
            (class_names(&[Some("input"), Some(""), none]), yew::classes!("input", "", none)),
            (class_names(&[Some("input"), Some("w-5"), none]), yew::classes!("input", "w-5", none)),
            (
                class_names(&[Some("fieldset field"), Some("field--error")]),
                yew::classes!("fieldset", "field", "field--error"),
            ),
        ];
        for (ours, theirs) in cases {
            assert_eq!(ours, theirs.to_string());
        }
        assert_eq!(class_names(&[Some("input"), Some("w-5"), Some("input--error")]), "input w-5 input--error");
        assert_eq!(class_names(&[none, none]), "");
        assert_eq!(class_names(&[Some("input"), Some(""), none]), "input ");
    }
}
