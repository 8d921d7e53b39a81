//! Text as the page shows it.

/// A minus sign and the amount after it stay on one line (a word joiner between them), so a
/// wrapped line never shows "−" at its end and a positive-looking amount on the next.
pub fn keep_sign_with_amount(text: &str) -> String {
    text.replace("\u{2212}£", "\u{2212}\u{2060}£")
}
