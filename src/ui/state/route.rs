//! Each view's address: a hash route (`#/examples`), so the app works from any path, from a
//! file the browser keeps offline, and without a server knowing its routes. Pure: the shell
//! reads the address in an effect (never while rendering) and `browser::history` writes it.
//!
//! A share link (`#s=…`) is not a route: `browser::share` reads it.

use super::View;

/// Every view and its route. The calculator's is the app's own address, with no fragment.
const ROUTES: [(View, &str); 5] = [
    (View::Calculator, ""),
    (View::Saved, "#/saved"),
    (View::Examples, "#/examples"),
    (View::Present, "#/present"),
    (View::Service, "#/service"),
];

/// The fragment for a view (empty for the calculator).
pub fn hash_for(view: View) -> &'static str {
    ROUTES.iter().find(|(v, _)| *v == view).map(|(_, hash)| *hash).unwrap_or("")
}

/// The view a fragment (`location.hash`, with its `#` or without) names; `None` when it names
/// none, such as a share link or a fragment a person typed. `#`, `#/` and no fragment are the
/// calculator; a trailing `/` and letter case do not matter.
pub fn view_for_hash(hash: &str) -> Option<View> {
    let path = hash.strip_prefix('#').unwrap_or(hash).trim();
    let path = path.strip_prefix('/').unwrap_or(path).trim_end_matches('/');
    if path.is_empty() {
        return Some(View::Calculator);
    }
    ROUTES
        .iter()
        .filter(|(_, h)| !h.is_empty())
        .find(|(_, h)| h.trim_start_matches("#/").eq_ignore_ascii_case(path))
        .map(|(view, _)| *view)
}

/// The title of a view's page, for the browser's tab and history list.
pub fn title_for(view: View) -> Option<&'static str> {
    match view {
        View::Calculator => None,
        View::Saved => Some("Saved on this device"),
        View::Examples => Some("Worked examples"),
        View::Present => Some("Presentation"),
        View::Service => Some("Whole service"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_view_reads_back_from_its_own_route() {
        for (view, _) in ROUTES {
            assert_eq!(view_for_hash(hash_for(view)), Some(view), "{view:?}");
        }
        assert_eq!(hash_for(View::Examples), "#/examples");
        assert_eq!(hash_for(View::Calculator), "");
    }

    #[test]
    fn forgiving_about_how_a_route_is_written() {
        for hash in ["", "#", "#/", "/", "  "] {
            assert_eq!(view_for_hash(hash), Some(View::Calculator), "{hash:?}");
        }
        for hash in ["#/examples", "#/examples/", "#/Examples", "/examples", "examples", "#examples"] {
            assert_eq!(view_for_hash(hash), Some(View::Examples), "{hash:?}");
        }
        assert_eq!(view_for_hash("#/service"), Some(View::Service));
        assert_eq!(view_for_hash("#/saved"), Some(View::Saved));
        assert_eq!(view_for_hash("#/present"), Some(View::Present));
    }

    #[test]
    fn a_share_link_or_another_fragment_is_no_route() {
        assert_eq!(view_for_hash("#s=q1aqVspLTS0qSc3LzEtXslIqSi0pLsnPS1WqBQA"), None);
        assert_eq!(view_for_hash("#top"), None);
        assert_eq!(view_for_hash("#/examples/arthur"), None);
        assert_eq!(view_for_hash("#/nowhere"), None);
    }

    #[test]
    fn titles() {
        assert_eq!(title_for(View::Calculator), None);
        assert_eq!(title_for(View::Examples), Some("Worked examples"));
    }
}
