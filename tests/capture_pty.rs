//! Capturing a meeting end to end: notes with speakers, a question and its answer, an
//! amended vedtak, forfall and a late arrival, a follow-up with a frist; then quit,
//! restart, and find all of it on screen and in the session file.

mod common;

use common::{Term, agenda_copy};

const AGENDA: &str = "normen-2025-06-03.ron";
const SESSION: &str = "normen-2025-06-03.session.ron";

#[test]
fn capture_a_sak_quit_and_find_everything_again() {
    let (dir, _) = agenda_copy(AGENDA);
    let mut term = Term::start(dir.path(), &[AGENDA], 100, 32);
    term.wait_for("Møtet har ikke startet");
    term.type_keys("nnnnn");
    term.wait_for("Nå: 04/25 Beslutningssak");

    // Attendance: two forfall, one who was away and then arrives.
    term.type_keys("m");
    term.wait_for("Oppmøte");
    term.type_keys("jf");
    term.type_keys("jf");
    term.type_keys("ja");
    term.type_keys("t");
    term.wait_for("kom ");
    term.send(b"\x1b");
    term.wait_for("Nå: 04/25");

    // A note with a speaker picked by "hn", a question and its answer.
    term.type_keys("i");
    term.wait_for("Nytt innspill");
    term.type_keys("Riktig tekst, men bør ikke blande inn annet.");
    term.send(&[0x10]); // Ctrl+P
    term.wait_for("Hvem sier det?");
    term.type_keys("hn");
    term.send(b"\r");
    term.wait_for("Helse Nord RHF (Ctrl+P)");
    term.send(b"\r");
    term.send(b"\t");
    term.type_keys("Er dette tenkt til neste SG-møte?");
    term.send(b"\r");
    term.send(b"\t");
    term.send(b"\t");
    term.type_keys("Nei, vi starter nå.");
    term.send(b"\x1b\r"); // Alt+Enter: a second line
    term.type_keys("Kan ha noe klart til høsten.");
    term.send(b"\x1b");
    // (The arrival is a line of the timeline too, where it happened.)
    term.wait_for("Innspill og kommentarer (4)");
    term.wait_for(" kom kl. ");
    term.wait_for("Helse Nord RHF: Riktig tekst");
    term.wait_for("Spørsmål: Er dette tenkt til neste SG-møte?");

    // An amended vedtak.
    term.type_keys("V");
    term.wait_for("Vedtak");
    term.type_keys(" Med endret begrepsbruk.");
    term.send(b"\r");
    term.wait_for("Vedtak: Vedtatt med endringer.");
    term.pause();

    // A follow-up with a frist.
    term.type_keys("f");
    term.wait_for("Oppfølging");
    term.type_keys("Sende kommentarer om referanser");
    term.send(b"\t");
    term.type_keys("Legeforeningen");
    term.send(b"\t");
    term.type_keys("18.08.27");
    term.wait_for("= 18.08.27");
    term.send(b"\r");
    term.wait_for("Oppfølging: Sende kommentarer om referanser");

    term.type_keys("q");
    term.wait_for("Avslutte programmet?");
    term.type_keys("j");
    assert_eq!(term.wait_exit(), 0);

    let saved = std::fs::read_to_string(dir.path().join(SESSION)).unwrap();
    for expected in [
        "org: \"Helse Nord RHF\"",
        "text: \"Riktig tekst, men bør ikke blande inn annet.\"",
        "kind: Question",
        "kind: Answer",
        "text: \"Nei, vi starter nå.\\nKan ha noe klart til høsten.\"",
        "outcome: AdoptedAmended",
        "Med endret begrepsbruk.",
        "what: \"Sende kommentarer om referanser\"",
        "who: \"Legeforeningen\"",
        "frist: \"2027-08-18\"",
        "presence: Apologies",
        "arrived: \"",
        "change: Arrived",
    ] {
        assert!(saved.contains(expected), "the session lacks {expected}:\n{saved}");
    }
    assert_eq!(saved.matches("presence: Apologies").count(), 2, "{saved}");
    assert!(!saved.contains("draft:"), "no draft is left once the editor is closed");

    // Everything is there again after a restart.
    let mut term = Term::start(dir.path(), &[AGENDA], 100, 32);
    term.wait_for("Nå: 04/25 Beslutningssak");
    term.wait_for("Svar: Nei, vi starter nå.");
    term.wait_for("Vedtak: Vedtatt med endringer.");
    term.wait_for("Oppfølging: Sende kommentarer om referanser · Legeforeningen · Frist 18.08.27");
    // The sak's timeline in the order it was written: the first note is further up.
    term.send(b"\t");
    term.send(b"\x1b[A\x1b[A\x1b[A\x1b[A");
    term.wait_for("Helse Nord RHF: Riktig tekst");
    term.send(b"\x1b");
    term.type_keys("m");
    term.wait_for("forfall");
    term.wait_for("kom ");
    term.send(b"\x1b");
    term.type_keys("F");
    term.wait_for("04/25  Sende kommentarer om referanser · Legeforeningen · Frist 18.08.27");
    term.send(b"\x1b");
    term.send(&[3]);
    assert_eq!(term.wait_exit(), 0);
}

#[test]
fn a_note_being_typed_is_on_disk_when_the_program_is_killed() {
    let (dir, _) = agenda_copy(AGENDA);
    let mut term = Term::start(dir.path(), &[AGENDA], 80, 24);
    term.start_a_note();
    term.type_keys("Halvskrevet innspill");
    term.wait_for("Halvskrevet innspill");
    term.signal("KILL");
    term.wait_exit();
    let saved = common::session_text(&dir.path().join(SESSION));
    assert!(saved.contains("draft: Draft("), "{saved}");
    assert!(saved.contains("text: \"Halvskrevet innspill\""), "{saved}");
    // And the editor is open on it again, where it was.
    let mut term = Term::start(dir.path(), &[AGENDA], 80, 24);
    term.wait_for("Nytt innspill");
    term.wait_for("Halvskrevet innspill");
    term.type_keys(" igjen");
    term.send(b"\r");
    term.send(b"\x1b");
    term.wait_for("Innspill og kommentarer (1)");
    term.wait_for("Halvskrevet innspill igjen");
    term.send(&[3]);
    term.wait_exit();
}
