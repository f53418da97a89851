//! `referent follow` end to end: the real binary in pseudo-terminals beside a live meeting
//! in another; what the minute-taker does shows in every follower within a second, the
//! followers take no lock and write nothing, and a session that goes is said to be gone.

mod common;

use std::path::Path;
use std::time::{Duration, Instant};

use common::{Term, agenda_copy, run};

const AGENDA: &str = "normen-2025-06-03.ron";
const SESSION: &str = "normen-2025-06-03.session.ron";

/// Waits until `term` shows `what`, and says how long that took (panics after 10 s).
fn seen_after(term: &Term, what: &str) -> Duration {
    let start = Instant::now();
    term.wait_for(what);
    start.elapsed()
}

/// Every file under `dir` with its bytes, in order.
fn files(dir: &Path) -> Vec<(String, Vec<u8>)> {
    let mut all = Vec::new();
    let mut folders = vec![dir.to_path_buf()];
    while let Some(folder) = folders.pop() {
        for entry in std::fs::read_dir(&folder).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                folders.push(path);
            } else {
                all.push((path.display().to_string(), std::fs::read(&path).unwrap_or_default()));
            }
        }
    }
    all.sort();
    all
}

#[test]
fn followers_see_the_live_meeting_move_within_a_second() {
    let (dir, _) = agenda_copy(AGENDA);
    let mut live = Term::start(dir.path(), &[AGENDA], 100, 30);
    live.wait_for("Møtet har ikke startet");
    // Two at once, while the live meeting holds its lock: the smallest size and a large one.
    let mut small = Term::start(dir.path(), &["follow", SESSION], 40, 12);
    let mut large = Term::start(dir.path(), &["follow", AGENDA], 160, 50);
    for follower in [&small, &large] {
        follower.wait_for("Møtet har ikke startet");
        follower.wait_for("bare visning");
        follower.wait_for("Neste: ");
    }

    live.type_keys("n");
    live.wait_for("Nå: Orienteringssak");
    for follower in [&small, &large] {
        let took = seen_after(follower, "Nå: Orienteringssak");
        assert!(took < Duration::from_secs(1), "{took:?}:\n{}", follower.text());
    }
    large.wait_for("Velkommen til møtet og presentasjonsrunde");
    large.wait_for("igjen");
    large.wait_for("01/25 Godkjenning av innkalling og dagsorden");

    live.type_keys("n");
    live.wait_for("Nå: 01/25 Godkjenning");
    let took = seen_after(&small, "Nå: 01/25 Godkjenning");
    assert!(took < Duration::from_secs(1), "{took:?}:\n{}", small.text());

    // The meeting finished, and the live program gone: the followers say so.
    live.type_keys("x");
    live.wait_for("j = ja");
    live.type_keys("j");
    live.wait_for("Møtet ble avsluttet");
    large.wait_for("Møtet ble avsluttet kl.");
    live.type_keys("q");
    assert_eq!(live.wait_exit(), 0);
    large.wait_for("Møtet ble avsluttet kl.");

    // Alone, a follower writes nothing: not a lock, not a journal, not a log.
    let before = files(dir.path());
    assert!(!dir.path().join(format!("{SESSION}.lock")).exists());
    let mut again = Term::start(dir.path(), &["follow", SESSION], 80, 24);
    again.wait_for("Møtet ble avsluttet kl.");
    assert_eq!(files(dir.path()), before, "the followers wrote nothing");

    // The session goes: said plainly, and the follower stays.
    std::fs::rename(dir.path().join(SESSION), dir.path().join("elsewhere.ron")).unwrap();
    again.wait_for("Møtet finnes ikke lenger");
    // It comes back.
    std::fs::rename(dir.path().join("elsewhere.ron"), dir.path().join(SESSION)).unwrap();
    again.wait_for("bare visning");

    small.type_keys("q");
    assert_eq!(small.wait_exit(), 0);
    large.send(b"\x1b");
    assert_eq!(large.wait_exit(), 0);
    again.send(&[3]);
    assert_eq!(again.wait_exit(), 0);
}

#[test]
fn a_session_that_cannot_be_read_is_said_with_its_place() {
    let (dir, _) = agenda_copy(AGENDA);
    std::fs::write(dir.path().join(SESSION), "Session(\n  format: 1,\n  oops\n").unwrap();
    let mut term = Term::start(dir.path(), &["follow", SESSION], 100, 20);
    term.wait_for("kan ikke leses");
    term.wait_for(&format!("{SESSION}:"));
    term.type_keys("q");
    assert_eq!(term.wait_exit(), 0);
}

#[test]
fn nothing_to_follow_is_said_and_refused() {
    let (dir, _) = agenda_copy(AGENDA);
    let (code, _, err) = run(dir.path(), &["follow", AGENDA]);
    assert_eq!(code, 1);
    assert!(err.contains(&format!("{AGENDA}: finner ingen møtefil å følge")), "{err}");
}
