//! The UI's one-way rule (docs/architecture.md, "The one-way rule"), checked on the source:
//! a change that makes two rooms import each other fails here, not in a review.
#![cfg(not(target_arch = "wasm32"))]

use std::collections::BTreeSet;
use std::fs;
use std::path::Path;

/// The rooms of `src/ui` that `room`'s files name as `crate::ui::ROOM` (or `super::ROOM` at
/// the top of the room), itself left out.
fn imports(room: &str) -> BTreeSet<String> {
    let mut found = BTreeSet::new();
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/ui");
    let mut files = Vec::new();
    let single = dir.join(format!("{room}.rs"));
    if single.is_file() {
        files.push(single);
    } else {
        collect(&dir.join(room), &mut files);
    }
    assert!(!files.is_empty(), "src/ui/{room} has no files");
    for file in files {
        let text = fs::read_to_string(&file).unwrap();
        for line in text.lines().filter(|l| !l.trim_start().starts_with("//")) {
            for (at, _) in line.match_indices("crate::ui::") {
                let name: String = line[at + "crate::ui::".len()..]
                    .chars()
                    .take_while(|c| c.is_ascii_lowercase() || *c == '_')
                    .collect();
                if !name.is_empty() && name != room {
                    found.insert(name);
                }
            }
        }
    }
    found
}

/// The room whose item `item` `src/ui/mod.rs` re-exports (`pub use host::{…, MOUNT_ID};`).
fn re_exported_from(item: &str) -> Option<String> {
    let text = fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("src/ui/mod.rs")).unwrap();
    text.lines().filter_map(|l| l.trim().strip_prefix("pub use ")).find_map(|rest| {
        let (room, items) = rest.split_once("::")?;
        let named =
            items.trim_end_matches(';').trim_matches(|c| c == '{' || c == '}').split(',').any(|i| i.trim() == item);
        named.then(|| room.to_string())
    })
}

fn collect(dir: &Path, files: &mut Vec<std::path::PathBuf>) {
    for entry in fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            collect(&path, files);
        } else if path.extension().is_some_and(|e| e == "rs") {
            files.push(path);
        }
    }
}

const ROOMS: [&str; 10] =
    ["host", "shell", "calculator", "saved", "examples", "service", "embed", "state", "widgets", "browser"];

#[test]
fn nothing_imports_the_host_so_the_shell_knows_nothing_of_how_it_was_mounted() {
    for room in ROOMS.iter().filter(|r| **r != "host") {
        assert!(
            !imports(room).contains("host"),
            "src/ui/{room} imports ui::host: the host mounts the shell with props instead"
        );
    }
}

#[test]
fn only_the_host_imports_the_shell_and_only_the_shell_imports_the_screens() {
    for room in ROOMS {
        let used = imports(room);
        if room != "host" {
            assert!(!used.contains("shell"), "src/ui/{room} imports ui::shell");
        }
        for screen in ["calculator", "saved", "service"] {
            if room != "shell" && room != screen {
                assert!(!used.contains(screen), "src/ui/{room} imports the screen ui::{screen}");
            }
        }
    }
}

#[test]
fn widgets_know_no_other_room_and_state_knows_only_widgets() {
    assert_eq!(imports("widgets"), BTreeSet::new());
    assert_eq!(imports("state"), BTreeSet::from(["widgets".to_string()]));
    assert!(imports("browser").iter().all(|r| r == "state"), "browser imports {:?}", imports("browser"));
}

#[test]
fn the_check_sees_an_import_when_there_is_one() {
    // The rule above passes on an empty answer too; this shows the reader finds real imports.
    assert!(imports("shell").contains("calculator"));
    assert!(imports("host").contains("shell"));
    assert_eq!(re_exported_from("MOUNT_ID").as_deref(), Some("host"));
}
