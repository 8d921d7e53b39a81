//! The explainer's first paint (issue 20): before its WebAssembly has arrived, `www/embed.js`
//! puts the explainer into the element's shadow root as HTML that Yew's server renderer wrote
//! at build time, so the reader can read it (and tick its goals) one round trip after
//! `embed.js`. The WebAssembly then renders the same explainer and takes over.
//!
//! `make dist` runs the native `prerender` binary (feature `ssr`), which renders [`Embed`]
//! for each worked example and writes, into `dist/embed.js`, the parts the script puts
//! together: the introduction (the same for every example), each example's worked example
//! ("Try it: …") and, for the examples that have them, its weeks of reablement; with the text
//! of the explainer's stylesheets. [`FirstPaint::build`] checks that every combination of
//! `intro` and `weeks` put together from the parts is exactly what Yew renders, or fails the
//! build. `heading-level` is applied by the script (every heading one level lower per level);
//! the end-to-end test `tests/e2e/explainer-first-paint.test.mjs` compares the first paint
//! with the WebAssembly's rendering for every combination, heading levels included.
//!
//! Only the element's defaults and the values that give no note get a first paint: a
//! `baseline` or `hourly-rate` (other figures), `mode="full"`, or any value the explainer
//! would write a note about keeps today's loading message until the WebAssembly starts.
//!
//! The pure parts (splitting, checking, writing JavaScript) are here for every build and
//! tested natively; rendering needs the `ssr` feature ([`render`]).

use crate::ui::embed::Attributes;
use crate::ui::examples::data::{ARTHUR, EXAMPLES};

/// How Yew's rendering of the explainer begins and ends (`Embed` with no notes).
pub const OPEN: &str = "<div class=\"rc-explainer\">";
pub const CLOSE: &str = "</div>";

/// The marker in `www/embed.js` that `make dist` replaces with the first paint's data.
pub const MARKER: &str = "/* __FIRST_PAINT__ */ null";

/// One worked example's parts.
#[derive(Clone, Debug, PartialEq)]
pub struct ExamplePaint {
    pub key: &'static str,
    /// The names the `example` attribute may give it, in lower case: its key and its name.
    pub names: Vec<String>,
    /// "Try it: …'s story": the story, the goals, the cost and the care.
    pub try_it: String,
    /// "Week by week: …" (`weeks="on"`), for the examples that have weeks of reablement.
    pub weeks: Option<String>,
}

/// Everything the script needs for a first paint.
#[derive(Clone, Debug, PartialEq)]
pub struct FirstPaint {
    /// "What is reablement?" and "How do we know if it worked?" (left out with `intro="off"`).
    pub intro: String,
    pub examples: Vec<ExamplePaint>,
    /// The explainer's stylesheets' text, in order (`app.css`, `embed.css`).
    pub css: String,
}

/// The attributes of one combination: an example with `intro` and `weeks` on or off, at the
/// default heading level.
pub fn attributes(key: &str, intro: bool, weeks: bool) -> Attributes {
    Attributes {
        example: Some(key.to_string()),
        intro: (!intro).then(|| "off".to_string()),
        weeks: weeks.then(|| "on".to_string()),
        ..Attributes::default()
    }
}

/// The first paint put together as `www/embed.js` does it (before the heading level).
pub fn assemble(intro: Option<&str>, try_it: &str, weeks: Option<&str>) -> String {
    format!("{OPEN}{}{try_it}{}{CLOSE}", intro.unwrap_or_default(), weeks.unwrap_or_default())
}

impl FirstPaint {
    /// Splits Yew's renderings into parts and checks that the parts give back every rendering.
    /// `render(attributes)` is Yew's HTML for the element with those attributes.
    pub fn build(mut render: impl FnMut(&Attributes) -> String, css: String) -> Result<FirstPaint, String> {
        let mut intro: Option<String> = None;
        let mut examples = Vec::new();
        for example in &EXAMPLES {
            let has_weeks = example.scenario().reablement_weeks.is_some();
            let key = example.key;
            let bare = render(&attributes(key, false, false));
            let full = render(&attributes(key, true, has_weeks));
            let try_it = bare
                .strip_prefix(OPEN)
                .and_then(|rest| rest.strip_suffix(CLOSE))
                .ok_or_else(|| {
                    format!("{key}: the explainer does not start with {OPEN} and end with {CLOSE}: {bare:.200}")
                })?
                .to_string();
            let inner = full.strip_prefix(OPEN).and_then(|rest| rest.strip_suffix(CLOSE)).unwrap_or_default();
            let at = inner
                .find(&try_it)
                .ok_or_else(|| format!("{key}: the worked example is not in the whole explainer"))?;
            let (this_intro, weeks) = (&inner[..at], &inner[at + try_it.len()..]);
            match &intro {
                None => intro = Some(this_intro.to_string()),
                Some(first) if first == this_intro => {}
                Some(_) => return Err(format!("{key}: the introduction is not the same as the first example's")),
            }
            if has_weeks == weeks.is_empty() {
                return Err(format!("{key}: weeks of reablement {has_weeks}, but their part is {:?}", weeks.get(..80)));
            }
            let mut names = vec![key.to_ascii_lowercase(), example.name.to_ascii_lowercase()];
            names.dedup();
            examples.push(ExamplePaint { key, names, try_it, weeks: has_weeks.then(|| weeks.to_string()) });
        }
        let paint = FirstPaint { intro: intro.unwrap_or_default(), examples, css };
        // Every combination, rendered again, against the parts put together.
        for example in &paint.examples {
            for intro in [true, false] {
                for weeks in [false, true] {
                    if weeks && example.weeks.is_none() {
                        continue;
                    }
                    let rendered = render(&attributes(example.key, intro, weeks));
                    let assembled = assemble(
                        intro.then_some(paint.intro.as_str()),
                        &example.try_it,
                        example.weeks.as_deref().filter(|_| weeks),
                    );
                    if rendered != assembled {
                        return Err(format!(
                            "{} with intro {intro} and weeks {weeks}: the parts put together are not what Yew renders",
                            example.key
                        ));
                    }
                }
            }
        }
        Ok(paint)
    }

    /// The data as a JavaScript object literal, for `www/embed.js`: how the explainer opens
    /// and closes, the example shown without `example`, then
    /// `{…,"css":"…","intro":"…","examples":{"arthur":{"try":"…","weeks":"…"|null},…},"names":{"arthur":"arthur","beryl":"partial-goals",…}}`.
    pub fn to_js(&self) -> String {
        let examples: Vec<String> = self
            .examples
            .iter()
            .map(|e| {
                let weeks = e.weeks.as_deref().map_or_else(|| "null".to_string(), js_string);
                format!("{}:{{\"try\":{},\"weeks\":{weeks}}}", js_string(e.key), js_string(&e.try_it))
            })
            .collect();
        let names: Vec<String> = self
            .examples
            .iter()
            .flat_map(|e| e.names.iter().map(move |name| format!("{}:{}", js_string(name), js_string(e.key))))
            .collect();
        format!(
            "{{\"open\":{},\"close\":{},\"default\":{},\"css\":{},\"intro\":{},\"examples\":{{{}}},\"names\":{{{}}}}}",
            js_string(OPEN),
            js_string(CLOSE),
            js_string(ARTHUR.key),
            js_string(&self.css),
            js_string(&self.intro),
            examples.join(","),
            names.join(",")
        )
    }
}

/// `text` as a JavaScript (and JSON) string literal. `<` is escaped too, so no `</script>`
/// can appear however the file is used.
pub fn js_string(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '<' => out.push_str("\\u003c"),
            c if (c as u32) < 0x20 || c == '\u{2028}' || c == '\u{2029}' => {
                out.push_str(&format!("\\u{:04x}", c as u32));
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// A stylesheet without its comments (a comment is no white space: `.a/**/.b` is `.a.b`), and
/// with each run of white space outside strings made one space (none next to `{`, `}` and `;`): less to send and to parse before the first
/// paint. What the rules say is unchanged.
pub fn compact_css(css: &str) -> String {
    let mut out = String::with_capacity(css.len());
    let mut chars = css.chars().peekable();
    let mut space = false;
    let push = |out: &mut String, space: &mut bool, c: char| {
        if *space && !out.is_empty() && !out.ends_with(['{', '}', ';']) && !matches!(c, '{' | '}' | ';') {
            out.push(' ');
        }
        *space = false;
        out.push(c);
    };
    while let Some(c) = chars.next() {
        match c {
            '/' if chars.peek() == Some(&'*') => {
                chars.next();
                let mut last = ' ';
                for c in chars.by_ref() {
                    if last == '*' && c == '/' {
                        break;
                    }
                    last = c;
                }
            }
            '"' | '\'' => {
                push(&mut out, &mut space, c);
                while let Some(inner) = chars.next() {
                    out.push(inner);
                    if inner == '\\' {
                        if let Some(escaped) = chars.next() {
                            out.push(escaped);
                        }
                    } else if inner == c {
                        break;
                    }
                }
            }
            c if c.is_ascii_whitespace() => space = true,
            c => push(&mut out, &mut space, c),
        }
    }
    out
}

/// `script` (the text of `www/embed.js`) with the first paint's data in place of [`MARKER`].
pub fn insert(script: &str, paint: &FirstPaint) -> Option<String> {
    (script.matches(MARKER).count() == 1).then(|| script.replacen(MARKER, &paint.to_js(), 1))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A stand-in for Yew: the introduction, the example's part and its weeks as the
    /// explainer lays them out.
    fn fake(attributes: &Attributes) -> String {
        let key = attributes.example.as_deref().unwrap();
        let intro = if attributes.intro.is_some() { "" } else { "<section>What is reablement?</section>" };
        let weeks =
            if attributes.weeks.is_some() { format!("<section>{key}'s weeks</section>") } else { String::new() };
        format!("{OPEN}{intro}<section>Try it: {key}</section>{weeks}{CLOSE}")
    }

    #[test]
    fn the_parts_give_back_every_rendering() {
        let paint = FirstPaint::build(fake, "p{}".into()).unwrap();
        assert_eq!(paint.intro, "<section>What is reablement?</section>");
        let arthur = &paint.examples[0];
        assert_eq!((arthur.key, arthur.names.as_slice()), ("arthur", ["arthur".to_string()].as_slice()));
        assert_eq!(arthur.try_it, "<section>Try it: arthur</section>");
        assert_eq!(arthur.weeks.as_deref(), Some("<section>arthur's weeks</section>"));
        let beryl = paint.examples.iter().find(|e| e.key == "partial-goals").unwrap();
        assert_eq!(beryl.names, ["partial-goals", "beryl"]);
        assert_eq!(beryl.weeks, None, "Beryl's example has no weeks");
        let with_weeks: Vec<&str> = paint.examples.iter().filter(|e| e.weeks.is_some()).map(|e| e.key).collect();
        assert_eq!(with_weeks, ["arthur", "needs-grew", "short-calls"]);
    }

    #[test]
    fn a_rendering_the_parts_do_not_give_back_fails_the_build() {
        // An explainer whose introduction names the example cannot be shared between examples.
        let named = |a: &Attributes| fake(a).replace("What is reablement?", a.example.as_deref().unwrap());
        assert!(FirstPaint::build(named, String::new()).unwrap_err().contains("introduction is not the same"));
        // Anything around the explainer (a note) is not a first paint.
        let noted = |a: &Attributes| format!("<div class=\"notice\"></div>{}", fake(a));
        assert!(FirstPaint::build(noted, String::new()).unwrap_err().contains("does not start with"));
        // Weeks that change the worked example's part when shown.
        let moved = |a: &Attributes| {
            if a.weeks.is_some() && a.intro.is_some() {
                fake(a).replace("Try", "try")
            } else {
                fake(a)
            }
        };
        assert!(FirstPaint::build(moved, String::new()).is_err());
    }

    #[test]
    fn stylesheets_lose_comments_and_spaces_but_not_their_meaning() {
        let css = "/* The brand. */\n:root, :host {\n  --rc-brand: #1d4f91;   /* buttons */\n  --rc-font: system-ui, \"Segoe UI\", sans-serif;\n}\n\n.a :hover > b  { content: \"/* not a comment */\"; }\n@media (min-width: 480px) { .b { margin: 0 0 .5em; } }\n.c::before { content: '\\'  x'; }\n";
        assert_eq!(
            compact_css(css),
            ":root, :host{--rc-brand: #1d4f91;--rc-font: system-ui, \"Segoe UI\", sans-serif;}.a :hover > b{content: \"/* not a comment */\";}@media (min-width: 480px){.b{margin: 0 0 .5em;}}.c::before{content: '\\'  x';}"
        );
    }

    #[test]
    fn javascript_strings() {
        assert_eq!(js_string("a\"b\\c\nd</script>\u{2028}\u{1}£"), "\"a\\\"b\\\\c\\nd\\u003c/script>\\u2028\\u0001£\"");
        let paint = FirstPaint::build(fake, "a { content: \"x\" }".into()).unwrap();
        let js = paint.to_js();
        assert!(
            js.starts_with("{\"open\":\"\\u003cdiv class=\\\"rc-explainer\\\">\",\"close\":\"\\u003c/div>\",\"default\":\"arthur\",\"css\":\"a { content: \\\"x\\\" }\",\"intro\":\"\\u003csection>"),
            "{js:.180}"
        );
        assert!(js.contains(
            "\"partial-goals\":{\"try\":\"\\u003csection>Try it: partial-goals\\u003c/section>\",\"weeks\":null}"
        ));
        assert!(js.ends_with(",\"names\":{\"arthur\":\"arthur\",\"partial-goals\":\"partial-goals\",\"beryl\":\"partial-goals\",\"double-handed\":\"double-handed\",\"dev\":\"double-handed\",\"explicit-after-telecare\":\"explicit-after-telecare\",\"cora\":\"explicit-after-telecare\",\"needs-grew\":\"needs-grew\",\"doris\":\"needs-grew\",\"short-calls\":\"short-calls\",\"ken\":\"short-calls\"}}"), "{js}");
        assert_eq!(insert("const P = /* __FIRST_PAINT__ */ null;", &paint), Some(format!("const P = {js};")));
        assert_eq!(insert("const P = null;", &paint), None);
    }
}
