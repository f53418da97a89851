//! Damaged agendas and sessions kept from fuzzing (`tests/fixtures/bad/`), through the
//! real binary: `check`, `export` and the live program each refuse them with the same
//! placed message, in bokmål and in English, and none of them panics.

mod common;

use std::path::Path;

use common::{Term, run};

/// Each damaged file, where its problem is, and the start of its message in bokmål and
/// in English.
const CASES: &[(&str, &str, &str, &str)] = &[
    (
        "current-past-the-agenda.session.ron",
        "19:9",
        "sesjonen er ødelagt: record.current er 2, men agendaen har 2 punkter, nummerert fra 0 til 1",
        "the session is damaged: record.current is 2, but the agenda has 2 items, numbered from 0 to 1",
    ),
    (
        "running-but-not-current.session.ron",
        "24:21",
        "sesjonen er ødelagt: punkt 1 «Godkjenning av innkalling» (record.items[0]) har en tidsperiode uten slutt, men er ikke under behandling",
        "the session is damaged: item 1 \"Godkjenning av innkalling\" (record.items[0]) has a stretch of time with no end, but it is not under way",
    ),
    (
        "paused-after-the-end.session.ron",
        "19:9",
        "sesjonen er ødelagt: klokken er stoppet (record.paused), men møtet er avsluttet (record.ended)",
        "the session is damaged: the clock is stopped (record.paused), but the meeting has ended (record.ended)",
    ),
    (
        "a-record-missing.session.ron",
        "18:9",
        "sesjonen er ødelagt: record.items skal ha én post per punkt på agendaen, i samme rekkefølge, 2 i alt, men har 1",
        "the session is damaged: record.items should have one record per agenda item, in the same order, 2 in all, but has 1",
    ),
    (
        "a-moment-without-seconds.session.ron",
        "17:19",
        "«2025-06-03 10:00» er ikke et tidspunkt: skriv ÅÅÅÅ-MM-DD TT:MM:SS",
        "\"2025-06-03 10:00\" is not a moment: write YYYY-MM-DD HH:MM:SS",
    ),
    (
        "unknown-extension.ron",
        "2:11",
        "det finnes ingen utvidelse som heter «implicit_sum»: referent bruker implicit_some og unwrap_variant_newtypes",
        "there is no extension called \"implicit_sum\": referent uses implicit_some and unwrap_variant_newtypes",
    ),
    (
        "a-bad-escape.ron",
        "7:25",
        "en omvendt skråstrek (\\) i en tekst må følges av n, t, \", \\ eller u{...}: skriv \\\\ for én skråstrek",
        "a backslash (\\) in a text must be followed by n, t, \", \\ or u{...}: write \\\\ for one backslash",
    ),
];

/// A folder with a copy of the damaged file `name`.
fn copy(name: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/bad").join(name);
    std::fs::copy(src, dir.path().join(name)).unwrap();
    dir
}

#[test]
fn check_export_and_the_live_program_refuse_each_damaged_file_in_the_same_words() {
    for &(name, at, nb, en) in CASES {
        let dir = copy(name);
        let before = std::fs::read(dir.path().join(name)).unwrap();
        for (lang, said, severity) in [("nb", nb, "feil"), ("en", en, "error")] {
            let placed = format!("{name}:{at}: {severity}: {said}");
            // (An agenda exports as its innkalling: it needs no session beside it.)
            let export: &[&str] = if name.ends_with(".session.ron") {
                &["export", name, "-o", "-"]
            } else {
                &["export", name, "--innkalling", "-o", "-"]
            };
            for args in [&["check", name][..], export, &[name][..]] {
                let args: Vec<&str> = args.iter().copied().chain(["--lang", lang]).collect();
                let (code, out, err) = run(dir.path(), &args);
                assert_eq!(code, 1, "{args:?}: {err}");
                assert!(err.contains(&placed), "{args:?}:\n{err}");
                assert!(!err.contains("panicked") && !err.contains("Expected"), "{args:?}: {err}");
                assert!(!out.contains("# "), "nothing exported: {out}");
            }
        }
        assert_eq!(std::fs::read(dir.path().join(name)).unwrap(), before, "{name} is left as it was");
    }
}

/// The crash itself: in a terminal, the session whose current item is past its agenda is
/// refused before the first frame (exit 1, the message on screen), not a panic (101).
#[test]
fn the_session_that_crashed_the_live_meeting_is_refused_in_a_terminal() {
    let name = "current-past-the-agenda.session.ron";
    let dir = copy(name);
    let mut term = Term::start(dir.path(), &[name], 120, 30);
    assert_eq!(term.wait_exit(), 1);
    let shown = term.text();
    assert!(shown.contains(&format!("{name}:19:9: feil: sesjonen er ødelagt: record.current er 2")), "{shown}");
    let left: Vec<_> = std::fs::read_dir(dir.path()).unwrap().map(|e| e.unwrap().file_name()).collect();
    assert!(left.iter().all(|n| n == name || n == ".state"), "no journal, lock or copy left: {left:?}");
}
