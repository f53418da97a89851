//! The live meeting at home on a user's machine, in a pseudo-terminal: the screen's
//! language from the agenda unless the config file or a flag says otherwise, and a bad
//! config file said in the footer while the meeting runs with the defaults.

mod common;

use std::path::Path;

use common::{Term, agenda_copy};

const ENGLISH: &str = "example-en.ron";

/// Writes `text` as the config file the live meeting finds (`DIR/.config/referent`).
fn config(dir: &Path, text: &str) -> std::path::PathBuf {
    let folder = dir.join(".config/referent");
    std::fs::create_dir_all(&folder).unwrap();
    std::fs::write(folder.join("config.ron"), text).unwrap();
    folder.join("config.ron")
}

#[test]
fn an_english_agenda_opens_in_english() {
    let (dir, _) = agenda_copy(ENGLISH);
    let mut term = Term::start(dir.path(), &[ENGLISH], 80, 24);
    term.wait_for("The meeting has not started");
    assert!(term.text().contains(" Agenda "), "{}", term.text());
    term.send(b"q");
    term.wait_exit();
}

#[test]
fn the_config_file_and_the_flag_say_more_than_the_agenda() {
    let (dir, _) = agenda_copy(ENGLISH);
    config(dir.path(), "(language: \"nb\")");
    let mut term = Term::start(dir.path(), &[ENGLISH], 80, 24);
    term.wait_for("Møtet har ikke startet");
    term.send(b"q");
    term.wait_exit();
    let mut term = Term::start(dir.path(), &["--lang", "en", ENGLISH], 80, 24);
    term.wait_for("The meeting has not started");
    term.send(b"q");
    term.wait_exit();
}

#[test]
fn a_bad_config_file_is_said_in_the_footer_and_the_meeting_runs() {
    let (dir, _) = agenda_copy("normen-2025-06-03.ron");
    let path = config(dir.path(), "(\n  theme: 7,\n)");
    let mut term = Term::start(dir.path(), &["normen-2025-06-03.ron"], 120, 30);
    term.wait_for(&format!("{}:2:9:", path.display()));
    assert!(term.text().contains("standardinnstillingene brukes"), "{}", term.text());
    term.wait_for("Møtet har ikke startet");
    term.send(b"q");
    term.wait_exit();
}

/// The plain screen for a screen reader, from the flag or the config file: lines of text,
/// no box drawing, and each change said as a sentence on the last line.
#[test]
fn the_plain_screen_says_what_changes() {
    let (dir, _) = agenda_copy("normen-2025-06-03.ron");
    let mut term = Term::start(dir.path(), &["--plain", "normen-2025-06-03.ron"], 80, 24);
    term.wait_for("Møtet har ikke startet");
    let boxes = |t: &str| t.chars().any(|c| ('\u{2500}'..='\u{259F}').contains(&c));
    assert!(!boxes(&term.text()), "{}", term.text());
    term.type_keys("n");
    term.wait_for("Sagt: Nå: Velkommen til møtet og presentasjonsrunde, tidsramme 4 min.");
    assert!(!boxes(&term.text()), "{}", term.text());
    term.send(b"q");
    term.wait_for("j = ja");
    term.send(b"j");
    term.wait_exit();
    config(dir.path(), "(plain: true)");
    let mut term = Term::start(dir.path(), &["normen-2025-06-03.ron"], 80, 24);
    term.wait_for("Nå: Velkommen til møtet og presentasjonsrunde · ");
    assert!(!boxes(&term.text()), "{}", term.text());
    term.send(b"\x03");
    term.wait_exit();
}
