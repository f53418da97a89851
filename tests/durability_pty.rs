//! Durability through the real binary: kill -9 right after an echo, the terminal going
//! away, SIGTERM, files that must never be overwritten.

mod common;

use std::time::{Duration, Instant};

use common::{Term, agenda_copy};

const AGENDA: &str = "normen-2025-06-03.ron";
const SESSION: &str = "normen-2025-06-03.session.ron";

/// The session as the next start reads it: the session file and its journal.
fn saved(dir: &std::path::Path) -> String {
    common::session_text(&dir.join(SESSION))
}

#[test]
fn every_echoed_character_survives_kill_9() {
    let (dir, _) = agenda_copy(AGENDA);
    let text = "Vi ber om skriftlige innspill innen fristen";
    let mut typed = 0;
    for stop in [1, 9, text.chars().count()] {
        let mut term = Term::start(dir.path(), &[AGENDA], 100, 30);
        if typed == 0 {
            term.wait_for("Møtet har ikke startet");
            term.type_keys("n");
            term.wait_for("Nå: Orienteringssak");
            term.type_keys("i");
        } else {
            term.wait_for("endringer fra journalen: alt som ble skrevet før avbruddet, er med");
        }
        // (After a crash the editor is open again on the note being written.)
        term.wait_for("Nytt innspill");
        term.wait_for(&text[..typed]);
        for c in text.chars().skip(typed).take(stop - typed) {
            term.type_keys(&c.to_string());
            typed += 1;
            term.wait_for(&text[..typed]);
        }
        // The moment the screen shows it, it must be on disk.
        term.signal("KILL");
        term.wait_exit();
        let file = saved(dir.path());
        assert!(file.contains(&format!("text: \"{}\"", &text[..typed])), "after {typed} characters:\n{file}");
    }
}

#[test]
fn closing_the_terminal_saves_and_exits_within_a_second() {
    let (dir, _) = agenda_copy(AGENDA);
    let mut term = Term::start(dir.path(), &[AGENDA], 80, 24);
    term.start_a_note();
    term.type_keys("Siste ord");
    term.wait_for("Siste ord");
    let closed = term.hang_up();
    let code = term.wait_exit();
    assert!(closed.elapsed() < Duration::from_secs(1), "took {:?}", closed.elapsed());
    assert!(saved(dir.path()).contains("text: \"Siste ord\""));
    assert!(!dir.path().join(format!("{SESSION}.lock")).exists(), "a clean exit ({code})");
}

#[test]
fn sigterm_and_sighup_save_and_exit_within_a_second() {
    for signal in ["TERM", "HUP"] {
        let (dir, _) = agenda_copy(AGENDA);
        let mut term = Term::start(dir.path(), &[AGENDA], 80, 24);
        term.wait_for("Møtet har ikke startet");
        term.type_keys("n");
        term.wait_for("Nå: Orienteringssak");
        let sent = Instant::now();
        term.signal(signal);
        term.wait_exit();
        assert!(sent.elapsed() < Duration::from_secs(1), "{signal} took {:?}", sent.elapsed());
        assert!(saved(dir.path()).contains("current: 0,"), "{signal}");
    }
}

#[test]
fn ctrl_c_in_the_editor_is_a_key_not_a_kill() {
    let (dir, _) = agenda_copy(AGENDA);
    let mut term = Term::start(dir.path(), &[AGENDA], 80, 24);
    term.start_a_note();
    term.type_keys("Viktig");
    term.wait_for("Viktig");
    term.send(&[3]);
    term.wait_exit();
    assert!(saved(dir.path()).contains("text: \"Viktig\""), "whatever Ctrl+C does, the draft is kept");
}

#[test]
fn a_session_from_a_newer_referent_is_left_alone() {
    let (dir, _) = agenda_copy(AGENDA);
    let mut term = Term::start(dir.path(), &[AGENDA], 80, 24);
    term.wait_for("Møtet har ikke startet");
    term.send(&[3]);
    term.wait_exit();
    let newer = std::fs::read_to_string(dir.path().join(SESSION)).unwrap().replacen("format: 2,", "format: 99,", 1);
    std::fs::write(dir.path().join(SESSION), &newer).unwrap();
    let (code, _, err) = common::run(dir.path(), &[AGENDA]);
    assert_eq!(code, 1);
    assert!(err.contains(&format!("{SESSION}:4:5: feil: sesjonen er skrevet av en nyere versjon")), "{err}");
    assert_eq!(std::fs::read_to_string(dir.path().join(SESSION)).unwrap(), newer, "never overwritten");
}

#[test]
fn a_panic_restores_the_terminal_keeps_the_session_and_logs_the_backtrace() {
    let (dir, _) = agenda_copy(AGENDA);
    let mut term = Term::start_with(dir.path(), &[AGENDA], 80, 24, &[("REFERENT_TEST_PANIC", "1")]);
    term.start_a_note();
    term.type_keys("Før feilen");
    term.wait_for("Før feilen");
    term.send(b"\x1b[24~"); // F12
    let code = term.wait_exit();
    assert_eq!(code, 101);
    let screen = term.text();
    assert!(screen.contains("referent: en feil i referent stoppet programmet: a test panic"), "{screen}");
    assert!(screen.contains("Sesjonen er lagret i normen-2025-06-03.session.ron"), "{screen}");
    assert!(!screen.contains("Nytt innspill"), "the meeting screen is gone: {screen}");
    assert!(saved(dir.path()).contains("text: \"Før feilen\""));
    let log = std::fs::read_to_string(dir.path().join(".state/referent/referent.log")).unwrap();
    assert!(log.contains("panic: a test panic (REFERENT_TEST_PANIC) at src/tui/mod.rs"), "{log}");
    assert!(log.contains("event_loop"), "a backtrace: {log}");
    assert!(!dir.path().join(format!("{SESSION}.lock")).exists());
}

#[test]
fn when_saving_fails_everything_stays_in_memory_and_can_be_saved_elsewhere() {
    let (dir, _) = agenda_copy(AGENDA);
    let sub = dir.path().join("delt");
    std::fs::create_dir(&sub).unwrap();
    let mut term = Term::start(dir.path(), &[AGENDA, "--session", "delt/møte.session.ron"], 100, 30);
    term.wait_for("● lagret");
    // The folder disappears (an unmounted share, a removed USB stick).
    std::fs::remove_dir_all(&sub).unwrap();
    term.type_keys("ni");
    term.wait_for("Nytt innspill");
    term.type_keys("Skrevet uten disk");
    term.wait_for("IKKE LAGRET: No such file or directory");
    term.send(b"\x1b");
    term.wait_for("Sesjonen blir ikke lagret");
    // It comes back: the retry saves what was typed meanwhile.
    std::fs::create_dir(&sub).unwrap();
    term.wait_for("● lagret");
    let saved = common::session_text(&sub.join("møte.session.ron"));
    assert!(saved.contains("text: \"Skrevet uten disk\""), "{saved}");
    // Gone again, for good: save elsewhere.
    std::fs::remove_dir_all(&sub).unwrap();
    term.type_keys("i");
    term.type_keys("Enda mer");
    term.wait_for("IKKE LAGRET");
    term.send(b"\x1b");
    term.wait_for("Ctrl+S");
    term.send(&[0x13]); // Ctrl+S
    term.wait_for("Lagre sesjonen et annet sted");
    let elsewhere = dir.path().join("reserve");
    std::fs::create_dir(&elsewhere).unwrap();
    term.type_keys(&elsewhere.display().to_string());
    term.send(b"\r");
    term.wait_for("Lagret i");
    term.wait_for("● lagret");
    term.send(&[3]);
    assert_eq!(term.wait_exit(), 0);
    let saved = std::fs::read_to_string(elsewhere.join("møte.session.ron")).unwrap();
    assert!(!elsewhere.join("møte.session.ron.journal").exists(), "folded on quit");
    assert!(saved.contains("text: \"Enda mer\""), "{saved}");
    assert!(term.text().contains("Sesjonen er lagret i"), "{}", term.text());
    assert!(term.text().contains("reserve/møte.session.ron"), "{}", term.text());
}

#[test]
fn a_meeting_cut_off_by_kill_9_exports_with_everything_in_its_journal() {
    let (dir, _) = agenda_copy(AGENDA);
    let mut term = Term::start(dir.path(), &[AGENDA], 100, 30);
    term.start_a_note();
    term.type_keys("Ferdig innspill");
    term.send(b"\r");
    term.send(b"\x1b");
    term.wait_for("Innspill og kommentarer (1)");
    term.signal("KILL");
    term.wait_exit();
    assert!(dir.path().join(format!("{SESSION}.journal")).exists());
    let (code, out, err) = common::run(dir.path(), &["export", SESSION, "-o", "-"]);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("Ferdig innspill"), "{out}");
    assert!(!out.contains("Møtet har ikke startet"));
}

/// A real full disk (a small tmpfs; needs the right to mount, else it says so and stops).
#[test]
fn a_full_disk_is_shown_and_survived() {
    let (dir, _) = agenda_copy(AGENDA);
    let disk = dir.path().join("liten-disk");
    let Some(small) = common::SmallDisk::mount(&disk) else {
        eprintln!("a_full_disk_is_shown_and_survived: cannot mount a tmpfs here; not run");
        return;
    };
    let session = disk.join("møte.session.ron");
    let mut term = Term::start(dir.path(), &[AGENDA, "--session", session.to_str().unwrap()], 100, 30);
    term.wait_for("● lagret");
    term.type_keys("ni");
    term.wait_for("Nytt innspill");
    // Fill the disk to the last byte.
    small.fill();
    term.type_keys("Skrevet på full disk");
    term.wait_for("IKKE LAGRET: No space left on device");
    assert!(term.text().contains("Skrevet på full disk"), "still on screen: {}", term.text());
    let on_disk = common::session_text(&session);
    assert!(on_disk.contains("Session("), "the file on disk still reads");
    // Room again: the retry saves everything typed meanwhile.
    small.empty();
    term.wait_for("● lagret");
    assert!(common::session_text(&session).contains("text: \"Skrevet på full disk\""));
    term.send(b"\x1b");
    term.send(&[3]);
    let code = term.wait_exit();
    let saved = std::fs::read_to_string(&session).unwrap();
    assert_eq!(code, 0);
    assert!(saved.contains("Skrevet på full disk"), "{saved}");
}

#[test]
fn a_live_run_with_no_terminal_says_so_exits_non_zero_and_leaves_nothing() {
    let (dir, _) = agenda_copy(AGENDA);
    let before: Vec<_> = std::fs::read_dir(dir.path()).unwrap().map(|e| e.unwrap().file_name()).collect();
    let (code, _, err) = common::run(dir.path(), &[AGENDA]);
    assert_eq!(code, 1, "{err}");
    assert!(err.contains("møtet kjøres i en terminal"), "{err}");
    let mut after: Vec<_> = std::fs::read_dir(dir.path()).unwrap().map(|e| e.unwrap().file_name()).collect();
    after.retain(|name| name != ".state");
    assert_eq!(after, before, "no session, journal or lock is left behind");
    // A session there already is left as it was, and so is a journal with changes in it.
    let mut term = Term::start(dir.path(), &[AGENDA], 80, 24);
    term.start_a_note();
    term.type_keys("Halvskrevet");
    term.wait_for("Halvskrevet");
    term.signal("KILL");
    term.wait_exit();
    let session = std::fs::read(dir.path().join(SESSION)).unwrap();
    let journal = std::fs::read(dir.path().join(format!("{SESSION}.journal"))).unwrap();
    let (code, _, _) = common::run(dir.path(), &[AGENDA]);
    assert_eq!(code, 1);
    assert_eq!(std::fs::read(dir.path().join(SESSION)).unwrap(), session);
    assert_eq!(std::fs::read(dir.path().join(format!("{SESSION}.journal"))).unwrap(), journal);
    // Nor is a file named to save the session in overwritten, or the journal set aside.
    std::fs::write(dir.path().join("annet.ron"), "dyrebart").unwrap();
    let (code, _, err) = common::run(dir.path(), &[SESSION, "--session", "annet.ron"]);
    assert_eq!(code, 1, "{err}");
    assert!(err.contains("møtet kjøres i en terminal"), "{err}");
    assert_eq!(std::fs::read_to_string(dir.path().join("annet.ron")).unwrap(), "dyrebart");
    assert_eq!(std::fs::read(dir.path().join(format!("{SESSION}.journal"))).unwrap(), journal);
    // A file that does not read is said to be so first.
    std::fs::write(dir.path().join("ødelagt.ron"), "Agenda(").unwrap();
    let (code, _, err) = common::run(dir.path(), &["ødelagt.ron"]);
    assert_eq!(code, 1, "{err}");
    assert!(err.contains("ødelagt.ron:1"), "{err}");
    assert!(!err.contains("terminal"), "{err}");
}

/// The folder of the session goes while the meeting runs: whichever way the program is
/// left (quit and yes, Ctrl+C, SIGTERM), it never says the session is saved, and what was
/// typed since is in an emergency copy in the state folder, whose path is printed.
#[test]
fn leaving_while_saving_fails_says_so_and_writes_an_emergency_copy() {
    for how in ["quit", "ctrl-c", "sigterm"] {
        let dir = tempfile::tempdir().unwrap();
        let folder = dir.path().join("møte");
        std::fs::create_dir(&folder).unwrap();
        let src = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("agendas").join(AGENDA);
        std::fs::copy(src, folder.join(AGENDA)).unwrap();
        common::held_today(&folder.join(AGENDA));
        let mut term = Term::start(dir.path(), &[&format!("møte/{AGENDA}")], 100, 30);
        term.start_a_note();
        std::fs::remove_dir_all(&folder).unwrap();
        term.type_keys("LAST-WORDS");
        term.wait_for("IKKE LAGRET");
        match how {
            "quit" => {
                term.send(b"\x1b");
                term.type_keys("q");
                term.wait_for("De siste endringene er IKKE lagret");
                term.type_keys("j");
            }
            "ctrl-c" => term.send(&[3]),
            _ => term.signal("TERM"),
        }
        let code = term.wait_exit();
        let shown = term.text();
        assert_eq!(code, 3, "{how}: not saved, said: {shown}");
        assert!(!shown.contains("Sesjonen er lagret"), "{how}: never said saved when it is not:\n{shown}");
        assert!(shown.contains("en nødkopi av alt er skrevet til"), "{how}: {shown}");
        let rescued = dir.path().join(".state/referent/rescued");
        let copies: Vec<_> = std::fs::read_dir(&rescued).unwrap().map(|e| e.unwrap().path()).collect();
        assert_eq!(copies.len(), 1, "{how}: {copies:?}");
        let copy = std::fs::read_to_string(&copies[0]).unwrap();
        assert!(copy.contains("LAST-WORDS"), "{how}: the last words are in the copy");
        let name = copies[0].file_name().unwrap().to_string_lossy().into_owned();
        assert!(shown.replace('\n', "").contains(&name), "{how}: its path is printed: {shown}");
    }
}

/// A journal torn by a crash and cut short on disk: what could be read is back and the
/// rest is said to be missing; the journal is kept whole, never appended to, so that what
/// is typed after it survives a second crash.
#[test]
fn a_damaged_journal_is_set_aside_whole_and_what_is_typed_after_it_survives_a_second_crash() {
    let (dir, _) = agenda_copy(AGENDA);
    let journal = dir.path().join(format!("{SESSION}.journal"));
    let mut term = Term::start(dir.path(), &[AGENDA], 100, 30);
    term.start_a_note();
    term.type_keys("BRAVObravo");
    term.wait_for("BRAVObravo");
    term.signal("KILL");
    term.wait_exit();
    let len = std::fs::metadata(&journal).unwrap().len();
    std::fs::OpenOptions::new().write(true).open(&journal).unwrap().set_len(len - 12).unwrap();

    let mut term = Term::start(dir.path(), &[AGENDA], 100, 30);
    term.wait_for("kunne ikke leses");
    // (The editor is open again on the note, as it was.)
    term.wait_for("Nytt innspill");
    term.wait_for("BRAVObrav");
    term.type_keys("+MORE");
    term.wait_for("BRAVObrav+MORE");
    term.signal("KILL");
    term.wait_exit();
    let aside = dir.path().join(format!("{SESSION}.journal.1"));
    assert!(aside.exists(), "the damaged journal is kept");
    assert_eq!(std::fs::metadata(&aside).unwrap().len(), len - 12, "whole, as it was found");

    let mut term = Term::start(dir.path(), &[AGENDA], 100, 30);
    term.wait_for("Hentet");
    term.wait_for("Nytt innspill");
    term.wait_for("BRAVObrav+MORE");
    term.send(&[3]);
    term.wait_exit();
}

/// Saved elsewhere with Ctrl+S, the meeting is taken up again from its agenda: the newer
/// session is opened, and said so, not the old copy beside the agenda.
#[test]
fn opening_the_agenda_again_after_saving_elsewhere_opens_the_newer_session() {
    let (dir, _) = agenda_copy(AGENDA);
    let mut term = Term::start(dir.path(), &[AGENDA], 100, 30);
    term.start_a_note();
    term.type_keys("Før flyttingen");
    term.send(b"\x1b");
    term.send(&[0x13]); // Ctrl+S
    term.wait_for("Lagre sesjonen et annet sted");
    let elsewhere = dir.path().join("reserve");
    std::fs::create_dir(&elsewhere).unwrap();
    term.type_keys(&elsewhere.display().to_string());
    term.send(b"\r");
    term.wait_for("Lagret i");
    term.send(&[3]);
    assert_eq!(term.wait_exit(), 0);

    let mut term = Term::start(dir.path(), &[AGENDA], 100, 30);
    term.wait_for("Sesjonen ble lagret et annet sted");
    term.type_keys("i");
    term.type_keys("Etter flyttingen");
    term.send(b"\x1b");
    term.send(&[3]);
    assert_eq!(term.wait_exit(), 0);
    let newer = std::fs::read_to_string(elsewhere.join(SESSION)).unwrap();
    assert!(newer.contains("Før flyttingen") && newer.contains("Etter flyttingen"), "{newer}");
    let old = std::fs::read_to_string(dir.path().join(SESSION)).unwrap();
    assert!(!old.contains("Etter flyttingen"), "the old copy is left as it was");
}
