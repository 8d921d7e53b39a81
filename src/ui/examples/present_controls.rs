//! How presentation mode is driven, apart from what the slides say: the keys a presenter's
//! clicker or keyboard sends (pure: [`key_move`], [`step_after`]), heard wherever focus is
//! inside presentation mode ([`use_present_keys`]), and full screen ([`use_fullscreen`]).

use crate::ui::browser::fullscreen;
use crate::ui::browser::keys::{self, KeyPress};
use yew::prelude::*;

/// What a key asks presentation mode to do.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Move {
    Next,
    Previous,
    First,
    Last,
    Leave,
}

/// The move a key asks for. Clickers send Page Down and Page Up (some send → and ←). Space and
/// Enter on a button, link or `<summary>` are that control's own (Space on "Previous step"
/// goes back); held with Ctrl, Alt or Meta a key is the browser's (Alt+← is Back).
pub fn key_move(press: &KeyPress) -> Option<Move> {
    if press.modified {
        return None;
    }
    match press.key {
        "ArrowRight" | "PageDown" => Some(Move::Next),
        " " | "Spacebar" if !press.on_control => Some(Move::Next),
        "ArrowLeft" | "PageUp" => Some(Move::Previous),
        "Home" => Some(Move::First),
        "End" => Some(Move::Last),
        "Escape" | "Esc" => Some(Move::Leave),
        _ => None,
    }
}

/// The step shown after `to` from step `current` (0-based) when the last is `last`; `None`
/// for [`Move::Leave`].
pub fn step_after(to: Move, current: usize, last: usize) -> Option<usize> {
    match to {
        Move::Next => Some((current + 1).min(last)),
        Move::Previous => Some(current.saturating_sub(1).min(last)),
        Move::First => Some(0),
        Move::Last => Some(last),
        Move::Leave => None,
    }
}

/// Sends the moves the keys ask for to `on_move` while the element `root` is in the page:
/// wherever focus is inside it, and on the standalone page also when focus is on the page's
/// body (an embed hears only its own element).
#[hook]
pub fn use_present_keys(root: NodeRef, standalone: bool, on_move: Callback<Move>) {
    use_effect_with((root, standalone, on_move), |(root, standalone, on_move)| {
        let on_move = on_move.clone();
        let listener = root.cast::<web_sys::Element>().and_then(|el| {
            keys::listen_within(&el, *standalone, move |press| match key_move(&press) {
                Some(to) => {
                    on_move.emit(to);
                    true
                }
                None => false,
            })
        });
        move || drop(listener)
    });
}

/// Full screen for the element `root`: whether it is available on this page, whether `root`
/// fills the screen now, and a callback that toggles it. Going into full screen moves focus
/// to `focus_on_enter` (the slide), off the button just pressed: its label is now "Leave full
/// screen", and a clicker's Space would press it. Full screen ends when `root` leaves the page.
#[hook]
pub fn use_fullscreen(root: NodeRef, focus_on_enter: NodeRef) -> (bool, bool, Callback<MouseEvent>) {
    let showing = use_state_eq(|| false);
    let available = use_state_eq(|| false);
    {
        let (root, showing, available) = (root.clone(), showing.clone(), available.clone());
        use_effect_with((), move |_| {
            available.set(fullscreen::available());
            let listener = fullscreen::listen(move || {
                let now = root.cast::<web_sys::Element>().is_some_and(|el| fullscreen::is_showing(&el));
                if now {
                    if let Some(el) = focus_on_enter.cast::<web_sys::HtmlElement>() {
                        let _ = el.focus();
                    }
                }
                showing.set(now);
            });
            move || {
                drop(listener);
                fullscreen::exit();
            }
        });
    }
    let toggle = Callback::from(move |_: MouseEvent| {
        if let Some(el) = root.cast::<web_sys::Element>() {
            fullscreen::toggle(&el);
        }
    });
    (*available, *showing, toggle)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn press(key: &str) -> KeyPress<'_> {
        KeyPress { key, modified: false, on_control: false }
    }

    #[test]
    fn a_clicker_and_the_keyboard_move_through_the_steps() {
        assert_eq!(key_move(&press("PageDown")), Some(Move::Next));
        assert_eq!(key_move(&press("PageUp")), Some(Move::Previous));
        assert_eq!(key_move(&press("ArrowRight")), Some(Move::Next));
        assert_eq!(key_move(&press("ArrowLeft")), Some(Move::Previous));
        assert_eq!(key_move(&press(" ")), Some(Move::Next));
        assert_eq!(key_move(&press("Home")), Some(Move::First));
        assert_eq!(key_move(&press("End")), Some(Move::Last));
        assert_eq!(key_move(&press("Escape")), Some(Move::Leave));
        assert_eq!(key_move(&press("a")), None);
        assert_eq!(key_move(&press("Tab")), None);
    }

    #[test]
    fn the_browsers_keys_and_a_buttons_own_keys_are_left_alone() {
        assert_eq!(key_move(&KeyPress { key: "ArrowLeft", modified: true, on_control: false }), None);
        // Space on a button presses it (Space on "Previous step" goes back, once).
        assert_eq!(key_move(&KeyPress { key: " ", modified: false, on_control: true }), None);
        // The arrows and Page keys work on a button too: after a click on "Next step".
        assert_eq!(key_move(&KeyPress { key: "PageDown", modified: false, on_control: true }), Some(Move::Next));
        assert_eq!(key_move(&KeyPress { key: "Escape", modified: false, on_control: true }), Some(Move::Leave));
    }

    #[test]
    fn steps_stay_between_the_first_and_the_last() {
        assert_eq!(step_after(Move::Next, 3, 10), Some(4));
        assert_eq!(step_after(Move::Next, 10, 10), Some(10));
        assert_eq!(step_after(Move::Previous, 0, 10), Some(0));
        assert_eq!(step_after(Move::Previous, 5, 10), Some(4));
        assert_eq!(step_after(Move::First, 5, 10), Some(0));
        assert_eq!(step_after(Move::Last, 5, 10), Some(10));
        assert_eq!(step_after(Move::Leave, 5, 10), None);
    }
}
