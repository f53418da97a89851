//! `referent next` through the real binary: the draft of the seed meeting's next agenda as
//! a golden file that `check` passes, a year boundary, and every bad input's message.

use std::path::{Path, PathBuf};

mod common;

use common::referent;

const FIXTURE: &str = "tests/fixtures/normen-2025-06-03.session.ron";
const GOLDEN: &str = "tests/fixtures/normen-2025-09-16.next.ron";

fn seed_in(dir: &tempfile::TempDir) -> PathBuf {
    let path = dir.path().join("normen-2025-06-03.session.ron");
    std::fs::copy(FIXTURE, &path).unwrap();
    path
}

fn s(p: &Path) -> &str {
    p.to_str().unwrap()
}

#[test]
fn the_seed_meeting_s_next_agenda_is_the_golden_draft_and_check_passes_on_it() {
    let dir = tempfile::tempdir().unwrap();
    let session = seed_in(&dir);
    let run = referent(&["next", s(&session), "--date", "2025-09-16"]);
    assert_eq!(run.code, 0, "{}", run.err);
    let written = dir.path().join("normen-2025-09-16.ron");
    assert!(run.out.contains(&format!("Skrevet til {}", written.display())), "{}", run.out);
    let text = std::fs::read_to_string(&written).unwrap();
    if std::env::var_os("REFERENT_BLESS").is_some() {
        std::fs::write(GOLDEN, &text).unwrap();
    }
    assert_eq!(text, std::fs::read_to_string(GOLDEN).unwrap_or_default(), "REFERENT_BLESS=1 writes it anew");
    for needed in [
        "numbering: Numbering(\n        first: 16,\n        year: 25,",
        "title: \"Godkjenning av referat fra møte 03.06.25\"",
        "// fra møte 03.06.25, sak 10/25 (utsatt)",
        "Utsatt fra møte 03.06.25, sak 10/25.",
        "// fra møte 03.06.25, sak 12/25 (trukket, kommer tilbake)",
        "Nytt forslag om dokumentfrist: flere og kortere møter (ansvarlig: Sekretariatet), frist september",
        "previous: \"normen-2025-06-03.session.ron\"",
    ] {
        assert!(text.contains(needed), "{needed:?} in\n{text}");
    }
    let check = referent(&["check", s(&written)]);
    assert_eq!((check.code, check.err.as_str()), (0, ""), "check is clean");
    let shown = referent(&["next", s(&session), "--date", "2025-09-16", "--out", "-"]);
    assert_eq!(shown.out, text.replace("    previous: \"normen-2025-06-03.session.ron\",\n", ""), "to standard output");
    assert!(check.out.contains("16/25") && check.out.contains("20/25"), "{}", check.out);
}

#[test]
fn a_draft_is_never_written_over_a_file_or_through_a_link() {
    let dir = tempfile::tempdir().unwrap();
    let session = seed_in(&dir);
    let out = dir.path().join("neste.ron");
    std::fs::write(&out, "mitt eget").unwrap();
    let run = referent(&["next", s(&session), "--date", "2025-09-16", "--out", s(&out)]);
    assert_eq!(run.code, 1);
    assert!(run.err.contains("filen finnes allerede, og blir ikke overskrevet"), "{}", run.err);
    assert_eq!(std::fs::read_to_string(&out).unwrap(), "mitt eget");
    let link = dir.path().join("lenke.ron");
    std::os::unix::fs::symlink(dir.path().join("mål.ron"), &link).unwrap();
    let run = referent(&["next", s(&session), "--date", "2025-09-16", "--out", s(&link)]);
    assert_eq!(run.code, 1);
    assert!(run.err.contains("står en symbolsk lenke; den følges ikke"), "{}", run.err);
    assert!(!dir.path().join("mål.ron").exists());
}

#[test]
fn every_bad_input_is_said() {
    let dir = tempfile::tempdir().unwrap();
    let session = seed_in(&dir);
    let missing = dir.path().join("borte.session.ron");
    let run = referent(&["next", s(&missing), "--date", "2025-09-16"]);
    assert_eq!(run.code, 1);
    assert!(run.err.contains("borte.session.ron: feil: ") && run.err.contains("finnes ikke"), "{}", run.err);
    let garbage = dir.path().join("rot.session.ron");
    std::fs::write(&garbage, "Session(format: 2, agenda: 7)").unwrap();
    let run = referent(&["next", s(&garbage), "--date", "2025-09-16"]);
    assert_eq!(run.code, 1);
    assert!(run.err.contains("rot.session.ron:1:"), "placed: {}", run.err);
    let agenda = dir.path().join("juni.ron");
    std::fs::copy("agendas/normen-2025-06-03.ron", &agenda).unwrap();
    let run = referent(&["next", s(&agenda), "--date", "2025-09-16"]);
    assert_eq!(run.code, 1);
    assert!(
        run.err.contains("juni.ron: feil: dette er en saksliste, ikke en sesjon: gi sesjonen fra møtet (som "),
        "{}",
        run.err
    );
    assert!(run.err.contains("juni.session.ron)"), "{}", run.err);
    let run = referent(&["next", s(&session), "--date", "16.09.25"]);
    assert_eq!(run.code, 1);
    assert!(run.err.contains("«16.09.25» er ikke en dato: skriv ÅÅÅÅ-MM-DD"), "{}", run.err);
    let run = referent(&["next", s(&session), "--date", "2025-06-03"]);
    assert_eq!(run.code, 1);
    assert!(run.err.contains("neste møte (2025-06-03) må være etter møtet i sesjonen (2025-06-03)"), "{}", run.err);
    let run = referent(&["--lang", "en", "next", s(&session), "--date", "2025-02-30"]);
    assert!(run.err.contains("\"2025-02-30\" is not a date"), "{}", run.err);
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 3, "nothing written");
}

#[test]
fn a_december_meeting_is_followed_by_01_of_the_new_year() {
    let dir = tempfile::tempdir().unwrap();
    let session = dir.path().join("sg-2025-12-09.session.ron");
    std::fs::write(&session, std::fs::read_to_string(FIXTURE).unwrap().replace("2025-06-03", "2025-12-09")).unwrap();
    let run = referent(&["next", s(&session), "--date", "2026-01-13"]);
    assert_eq!(run.code, 0, "{}", run.err);
    let written = dir.path().join("sg-2026-01-13.ron");
    let text = std::fs::read_to_string(&written).unwrap();
    assert!(text.contains("first: 1,\n        year: 26,"), "{text}");
    assert!(text.contains("Godkjenning av referat fra møte 09.12.25"), "{text}");
    let check = referent(&["check", s(&written)]);
    assert_eq!(check.code, 0, "{}", check.err);
    assert!(check.out.contains("01/26") && !check.out.contains("/25 "), "{}", check.out);
}

/// Opens the agenda at `agenda` as the live meeting opens it (its session beside it) and
/// presses `keys` (each after a pause) on `day` at 10:00; then saves the session.
fn meet(agenda: &Path, day: &str, keys: &str) -> PathBuf {
    use referent::app::{App, Input, key::Key};
    let w = referent::i18n::words(referent::domain::agenda::Lang::Nb);
    let mut err = Vec::new();
    let opened = referent::cli::open::open(agenda, None, w, &mut err)
        .unwrap_or_else(|| panic!("{}", String::from_utf8_lossy(&err)));
    let now = referent::domain::time::Stamp::parse(&format!("{day} 10:00:00")).unwrap();
    let (theme, _) = referent::theme::load(None, false);
    let mut app = App::new(opened.session, w, theme);
    for key in Key::parse_seq(keys).unwrap() {
        app.update(Input::Quiet, now);
        app.update(Input::Key(key), now);
    }
    assert_eq!(app.message, None);
    referent::store::session_file::save(&opened.path, &app.session).unwrap();
    opened.path
}

#[test]
fn a_follow_up_is_carried_through_two_meetings_and_closed_in_the_third() {
    let dir = tempfile::tempdir().unwrap();
    let june = seed_in(&dir);
    let folder = s(dir.path());
    let valgkomiteen = "Synspunkter på valgkomiteens retningslinjer";
    // September: the valgkomité's follow-up carried, the Normen one done, the one on
    // representatives dropped, the dokumentfrist one left unmarked (so still open).
    assert_eq!(referent(&["next", s(&june), "--date", "2025-09-16"]).code, 0);
    let september = meet(&dir.path().join("normen-2025-09-16.ron"), "2025-09-16", "n F c j d j u <esc>");
    let run = referent(&["next", s(&september), "--date", "2025-10-21"]);
    assert_eq!(run.code, 0, "{}", run.err);
    let october = dir.path().join("normen-2025-10-21.ron");
    let text = std::fs::read_to_string(&october).unwrap();
    assert!(text.contains("previous: \"normen-2025-09-16.session.ron\""), "{text}");
    assert!(text.contains(valgkomiteen) && text.contains("Nytt forslag om dokumentfrist"), "{text}");
    assert!(!text.contains("Innspill til områder i Normen"), "done in September: {text}");
    assert!(!text.contains("Forslag til representanter"), "dropped in September: {text}");
    assert!(text.contains("first: 21,"), "after September's 16/25–20/25: {text}");
    assert!(text.contains("Godkjenning av referat fra møte 16.09.25"), "{text}");
    let open = referent(&["actions", folder]);
    assert_eq!(open.out.matches(valgkomiteen).count(), 1, "once, from September: {}", open.out);
    assert!(!open.out.contains("Innspill til områder i Normen"), "{}", open.out);
    // October: the valgkomité's follow-up (first on the list) done.
    let october = meet(&october, "2025-10-21", "n F d <esc>");
    let open = referent(&["actions", folder]);
    assert!(!open.out.contains(valgkomiteen), "closed in October: {}", open.out);
    assert_eq!(open.out.matches("Nytt forslag om dokumentfrist").count(), 1, "{}", open.out);
    let referat = dir.path().join("oktober.md");
    assert_eq!(referent(&["export", s(&october), "--out", s(&referat)]).code, 0);
    let md = std::fs::read_to_string(&referat).unwrap();
    let (done, still) = (md.find("Utført").unwrap(), md.find("Fortsatt åpne").unwrap());
    assert!(md[done..still].contains(valgkomiteen), "{md}");
    assert!(md[still..].contains("Nytt forslag om dokumentfrist"), "{md}");
}

#[test]
fn a_meeting_before_that_cannot_be_read_is_said_and_the_meeting_goes_on_without_it() {
    let dir = tempfile::tempdir().unwrap();
    let session = seed_in(&dir);
    assert_eq!(referent(&["next", s(&session), "--date", "2025-09-16"]).code, 0);
    let agenda = dir.path().join("normen-2025-09-16.ron");
    std::fs::remove_file(&session).unwrap();
    let w = referent::i18n::words(referent::domain::agenda::Lang::Nb);
    let mut err = Vec::new();
    let opened = referent::cli::open::open(&agenda, None, w, &mut err).expect("the meeting opens");
    let notice = opened.notice.unwrap_or_default();
    assert!(
        notice.starts_with("forrige møtes sesjon normen-2025-06-03.session.ron kan ikke leses (")
            && notice.ends_with("): oppfølgingspunktene derfra vises ikke"),
        "{notice}"
    );
    assert!(opened.session.record.previous.is_empty());
}
