//! Every exit code in the README's table, through the real binary. Elsewhere: 101 (a bug)
//! and 3 for a meeting left unsaved in `durability_pty.rs` (they need a terminal), 3 for
//! standard output that cannot be written in `check_cli.rs`.

mod common;

use std::path::Path;

use common::run;

const FIXTURE: &str = common::SEED_SESSION;

fn names(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> =
        std::fs::read_dir(dir).unwrap().map(|e| e.unwrap().file_name().to_string_lossy().into_owned()).collect();
    names.sort();
    names
}

#[test]
fn zero_when_done() {
    let dir = common::seed_session_copy().0;
    assert_eq!(run(dir.path(), &["export", FIXTURE]).0, 0);
    assert_eq!(run(dir.path(), &["check", FIXTURE]).0, 0);
    assert_eq!(run(dir.path(), &["--help"]).0, 0);
}

#[test]
fn one_when_refused() {
    let dir = common::seed_session_copy().0;
    let (code, _, err) = run(dir.path(), &["export", "finnes-ikke.session.ron"]);
    assert_eq!(code, 1, "{err}");
    let (code, _, err) = run(dir.path(), &["export", FIXTURE, "-o", "referat.pdf"]);
    assert_eq!(code, 1, "{err}");
    std::fs::write(dir.path().join("dyrebart.session.ron"), "x").unwrap();
    let (code, _, err) = run(dir.path(), &["demo", "dyrebart.session.ron", "--saker", "2", "--notes", "2"]);
    assert_eq!(code, 1, "{err}");
}

/// With no terminal the live meeting is refused (1) and leaves the files as they were:
/// a session with no journal gets none, nor a lock.
#[test]
fn one_for_a_live_run_with_no_terminal_and_no_journal_is_left() {
    let dir = common::seed_session_copy().0;
    let before = names(dir.path());
    let (code, out, err) = run(dir.path(), &[FIXTURE]);
    assert_eq!(code, 1, "{err}");
    assert!(out.is_empty(), "{out}");
    assert!(err.contains("referent: feil: møtet kjøres i en terminal"), "{err}");
    let mut after = names(dir.path());
    after.retain(|n| n != ".state");
    assert_eq!(after, before, "no journal, lock or temp file");
    let (code, _, err) = run(dir.path(), &["--lang", "en", FIXTURE]);
    assert_eq!(code, 1);
    assert!(err.contains("referent: error: the live meeting needs a terminal"), "{err}");
}

#[test]
fn two_for_usage() {
    let dir = tempfile::tempdir().unwrap();
    let (code, out, _) = run(dir.path(), &[]);
    assert_eq!(code, 2);
    assert!(out.contains("Usage"), "{out}");
    let (code, _, err) = run(dir.path(), &["export", "x.session.ron", "--no-such-option"]);
    assert_eq!(code, 2, "{err}");
    let (code, _, err) = run(dir.path(), &["check"]);
    assert_eq!(code, 2, "{err}");
}

#[test]
fn three_when_the_result_cannot_be_written() {
    let dir = common::seed_session_copy().0;
    let (code, _, err) = run(dir.path(), &["export", FIXTURE, "-o", "ingen/mappe/referat.md"]);
    assert_eq!(code, 3, "{err}");
    let (code, _, err) = run(dir.path(), &["demo", "ingen/mappe/x.session.ron", "--saker", "2", "--notes", "2"]);
    assert_eq!(code, 3, "{err}");
}
