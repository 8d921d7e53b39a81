//! `make dist`'s prerenderer: renders the app's first screen (the one-person calculator with
//! an empty form) to HTML with Yew's server renderer, natively, and writes it into the page.
//!
//!   cargo run --features ssr --bin prerender -- index.html www/app.css > dist/index.html
//!
//! The page's `<div id="reablement-app"></div>` gets the rendered HTML inside it, and the
//! page's `<link rel="stylesheet">` to the stylesheet named, if any, becomes a `<style>` with
//! its text (one round trip fewer before the first paint); everything else in the page is
//! copied as it is. What is stored on the device (a draft, saved scenarios) is never part of
//! it: the app applies that after it has started.
//!
//!   cargo run --features ssr --bin prerender -- embed www/embed.js www/app.css www/embed.css > dist/embed.js
//!
//! writes the embed script with the explainer's first paint in it (issue 20): the explainer
//! rendered for each worked example, in parts, with the stylesheets' text (see
//! `ui::embed::first_paint`). It fails when the parts do not give back what Yew renders.

use std::future::Future;
use std::pin::pin;
use std::sync::Arc;
use std::task::{Context, Poll, Wake, Waker};
use std::thread::{self, Thread};

/// Wakes the thread that waits in [`block_on`].
struct Unpark(Thread);

impl Wake for Unpark {
    fn wake(self: Arc<Self>) {
        self.0.unpark();
    }
}

/// Runs a future to completion on this thread (Yew's renderer does its work on its own runtime;
/// this only waits for the answer).
fn block_on<F: Future>(future: F) -> F::Output {
    let mut future = pin!(future);
    let waker = Waker::from(Arc::new(Unpark(thread::current())));
    let mut cx = Context::from_waker(&waker);
    loop {
        if let Poll::Ready(output) = future.as_mut().poll(&mut cx) {
            return output;
        }
        thread::park();
    }
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if let [command, script, stylesheets @ ..] = args.as_slice() {
        if command == "embed" {
            return embed(script, stylesheets);
        }
    }
    let (page, stylesheet) = match args.as_slice() {
        [page] => (page, None),
        [page, stylesheet] => (page, Some(stylesheet)),
        _ => {
            fail("usage: prerender PAGE.html [STYLESHEET.css]  (writes the page with the app rendered in it to stdout)")
        }
    };
    let mut html = read(page);
    if let Some(stylesheet) = stylesheet {
        let name = std::path::Path::new(stylesheet).file_name().and_then(|n| n.to_str()).unwrap_or_default();
        let link = format!("<link rel=\"stylesheet\" href=\"./{name}?v=__BUILD__\">");
        if !html.contains(&link) {
            fail(&format!("prerender: {page} has no {link}"));
        }
        html = html.replacen(&link, &format!("<style>\n{}</style>", read(stylesheet)), 1);
    }
    let rendered = block_on(reablement_calculator::ui::prerender());
    match reablement_calculator::ui::insert_prerendered(&html, &rendered) {
        Some(html) => print!("{html}"),
        None => {
            fail(&format!("prerender: {page} has no empty <div id=\"{}\"></div>", reablement_calculator::ui::MOUNT_ID))
        }
    }
}

/// The embed script with the explainer's first paint in place of its marker.
fn embed(script: &str, stylesheets: &[String]) {
    use reablement_calculator::ui::embed::first_paint::{compact_css, insert, FirstPaint, MARKER};
    use reablement_calculator::ui::host::prerender_embed as render;
    let css: String = stylesheets.iter().map(|path| compact_css(&read(path))).collect::<Vec<_>>().join("\n");
    let paint = FirstPaint::build(|attributes| block_on(render(attributes.clone())), css)
        .unwrap_or_else(|why| fail(&format!("prerender: the explainer's first paint: {why}")));
    match insert(&read(script), &paint) {
        Some(script) => print!("{script}"),
        None => fail(&format!("prerender: {script} must have {MARKER} once")),
    }
}

fn read(path: &str) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|e| fail(&format!("prerender: cannot read {path}: {e}")))
}

fn fail(message: &str) -> ! {
    eprintln!("{message}");
    std::process::exit(2);
}
