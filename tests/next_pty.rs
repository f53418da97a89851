//! From one meeting to the next in the real binary: `next` drafts the agenda (for today),
//! the meeting opened on it shows the follow-ups of the meeting before, one is marked done
//! by key, and the session keeps it; the old session is only read.

mod common;

use common::{Term, run, session_text};

const BEFORE: &str = "normen-2025-06-03.session.ron";

#[test]
fn the_follow_ups_of_the_meeting_before_are_shown_and_marked_in_the_next_meeting() {
    let dir = tempfile::tempdir().unwrap();
    let fixture = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures").join(BEFORE);
    std::fs::copy(&fixture, dir.path().join(BEFORE)).unwrap();
    let (code, _, err) = run(dir.path(), &["next", BEFORE, "--out", "neste.ron"]);
    assert_eq!(code, 0, "{err}");

    let mut term = Term::start(dir.path(), &["neste.ron"], 120, 30);
    term.wait_for("Møtet har ikke startet");
    term.wait_for("Oppfølgingspunkter fra tidligere møter");
    term.type_keys("F");
    term.wait_for("Fra tidligere møter");
    term.wait_for("[  åpent ] 03/25 03.06.25  Synspunkter på valgkomiteens retningslinjer");
    term.wait_for("Fra dette møtet");
    term.wait_for("Ingen oppfølgingspunkter ennå: f på en sak legger til ett.");
    term.type_keys("d");
    term.wait_for("[✓ utført] 03/25 03.06.25");
    term.type_keys("jj");
    term.type_keys("u");
    term.wait_for("[✗ utgår ] 06/25 03.06.25");
    term.send(&[3]); // Ctrl+C: quits at once, nothing lost
    assert_eq!(term.wait_exit(), 0);

    let saved = session_text(&dir.path().join("neste.session.ron"));
    assert_eq!(saved.matches("status: Done").count(), 1, "{saved}");
    assert_eq!(saved.matches("status: Dropped").count(), 1, "{saved}");
    assert_eq!(std::fs::read(dir.path().join(BEFORE)).unwrap(), std::fs::read(&fixture).unwrap(), "only read");
    let beside: Vec<String> =
        std::fs::read_dir(dir.path()).unwrap().map(|e| e.unwrap().file_name().to_string_lossy().into_owned()).collect();
    assert!(!beside.iter().any(|n| n.starts_with(BEFORE) && n != BEFORE), "no lock or journal of it: {beside:?}");
}
