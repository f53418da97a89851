//! `referent check` through the real binary: listings, every bad input's message, exit codes.

use std::path::PathBuf;

use assert_cmd::Command;

mod common;

use common::{NO_CONFIG, Run};

const GOOD: &str = r#"#![enable(implicit_some)]
Agenda(
    title: "Styringsgruppemøte",
    body: "Styringsgruppen",
    date: "2025-06-03",
    start: "10:00",
    end: "11:00",
    place: "Teams",
    people: [(name: "Ida", org: "Helse Nord RHF", role: Chair), (org: "FHI", apologies: true)],
    items: [
        Sak(kind: Approval, title: "Godkjenning av innkalling og dagsorden", minutes: 5),
        Sak(kind: Decision, title: "Normen 7.0", at: "10:05", minutes: 25),
        Break(title: "Pause", at: "10:30", minutes: 10),
        Sak(kind: Aob, title: "Eventuelt"),
    ],
)
"#;

fn write(dir: &tempfile::TempDir, name: &str, text: &str) -> PathBuf {
    let path = dir.path().join(name);
    std::fs::write(&path, text).unwrap();
    path
}

fn check(args: &[&std::ffi::OsStr]) -> Run {
    let mut all = vec![std::ffi::OsStr::new("check")];
    all.extend_from_slice(args);
    let run = common::referent(&all);
    assert!(!run.err.contains("Error {") && !run.err.contains("SpannedError"), "a debug dump: {}", run.err);
    run
}

/// Checks `GOOD` with `from` replaced by `to`.
fn check_changed(from: &str, to: &str) -> Run {
    assert!(GOOD.contains(from), "the fixture has no {from:?}");
    let dir = tempfile::tempdir().unwrap();
    let path = write(&dir, "møte.ron", &GOOD.replacen(from, to, 1));
    check(&[path.as_os_str()])
}

#[test]
fn a_good_agenda_prints_its_saksliste_and_exits_0() {
    let r = check_changed("", "");
    assert_eq!(r.code, 0, "{}", r.err);
    assert_eq!(r.err, "");
    assert!(r.out.contains("Tirsdag 03.06.25 10:00–11:00 · Teams"), "{}", r.out);
    assert!(
        r.out.contains("01/25  10:00   5 min  Godkjenning     Godkjenning av innkalling og dagsorden"),
        "{}",
        r.out
    );
    assert!(r.out.contains("02/25  10:05  25 min  Beslutningssak  Normen 7.0"), "{}", r.out);
    assert!(r.out.contains("       10:30  10 min                  Pause"), "{}", r.out);
    assert!(r.out.contains("03/25  10:40  20 min  Eventuelt       Eventuelt"), "{}", r.out);
    assert!(r.out.contains("       11:00                          Slutt"), "{}", r.out);
    assert!(r.out.contains("OK: 3 saker og 1 pause."), "{}", r.out);
}

#[test]
fn a_syntax_error_names_file_line_and_column() {
    let r = check_changed("minutes: 5),", "minutes: 5)");
    assert_eq!(r.code, 1);
    assert!(r.err.contains("møte.ron:12:9: feil: det mangler et komma foran dette"), "{}", r.err);
    assert!(r.err.contains(" 12 |         Sak(kind: Decision"), "{}", r.err);
}

#[test]
fn an_unknown_field_is_named_with_the_known_ones() {
    let r = check_changed("title: \"Normen 7.0\"", "titel: \"Normen 7.0\"");
    assert_eq!(r.code, 1);
    assert!(r.err.contains("møte.ron:12:29: feil: ukjent felt «titel» i Sak. Mente du «title»? Kjente felt: kind, title, number, numbered, at, minutes, presenter, documents, background, proposal"), "{}", r.err);
}

#[test]
fn how_the_body_writes_its_referat_is_read_and_checked() {
    let style = "referat: (attendance: Table, vedtak: \"Styringsgruppens vedtak\", repeat_adopted: true, adopted: \"Vedtas\"),\n    items: [";
    let r = check_changed("items: [", style);
    assert_eq!(r.code, 0, "{}", r.err);
    let r = check_changed("items: [", "referat: (attendance: Tabell),\n    items: [");
    assert_eq!(r.code, 1);
    assert!(r.err.contains("feil: ukjent verdi «Tabell»"), "{}", r.err);
    assert!(r.err.contains("List, Table"), "{}", r.err);
    let r = check_changed("items: [", "referat: (vedtaket: \"Vedtak\"),\n    items: [");
    assert_eq!(r.code, 1);
    assert!(r.err.contains("ukjent felt «vedtaket» i Referat. Mente du «vedtak»?"), "{}", r.err);
}

#[test]
fn a_session_held_on_another_day_than_its_agenda_s_is_warned_about() {
    let dir = tempfile::tempdir().unwrap();
    let fixture = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/normen-2025-06-03.session.ron");
    let text = std::fs::read_to_string(fixture).unwrap().replace("\"2025-06-03 ", "\"2025-06-04 ");
    let path = write(&dir, "møte.session.ron", &text);
    let r = check(&[path.as_os_str()]);
    assert_eq!(r.code, 0, "a warning: {}", r.err);
    assert!(
        r.err.contains(
            "advarsel: møtet ble holdt 04.06.25, men saklista er for 03.06.25: referatet dateres dagen møtet ble holdt"
        ),
        "{}",
        r.err
    );
}

#[test]
fn a_file_cut_off_in_a_raw_string_is_refused_not_a_crash() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(&dir, "møte.ron", "Agenda(title: \"x\", date: \"2025-06-03\") r#");
    let r = check(&[path.as_os_str()]);
    assert_eq!(r.code, 1);
    assert!(r.err.contains("møte.ron:1:39: feil: det står noe etter slutten av agendaen"), "{}", r.err);
    assert!(!r.err.contains("panicked"), "{}", r.err);
}

#[test]
fn values_past_what_a_meeting_can_hold_are_refused_where_they_are() {
    let r = check_changed("minutes: 5),", "minutes: 4294967295),");
    assert_eq!(r.code, 1);
    assert!(r.err.contains("feil: tidsrammen er 4294967295 minutter, mer enn et døgn"), "{}", r.err);
    let r = check_changed("items: [", "numbering: (first: 4294967295),\n    items: [");
    assert_eq!(r.code, 1);
    assert!(
        r.err.contains("feil: saksnumrene går opp til 9999: skriv numbering: (first: 9999) eller lavere"),
        "{}",
        r.err
    );
    assert!(!r.err.contains("brukt to ganger"), "no duplicate numbers said for it: {}", r.err);
}

#[test]
fn a_meeting_that_ends_as_it_begins_is_said_so() {
    let r = check_changed("end: \"11:00\"", "end: \"10:00\"");
    assert_eq!(r.code, 1);
    assert!(
        r.err.contains("feil: møtet slutter kl. 10:00, samtidig som det begynner: skriv en senere end"),
        "{}",
        r.err
    );
}

#[test]
fn terminal_escapes_in_an_agenda_never_reach_the_terminal() {
    let r = check_changed("title: \"Normen 7.0\"", "title: \"Normen \\u{1b}]0;pwned\\u{7}\\u{1b}[2J7.0\"");
    assert_eq!(r.code, 0, "{}", r.err);
    assert!(!r.out.contains('\u{1b}') && !r.out.contains('\u{7}'), "{:?}", r.out);
    assert!(r.out.contains("Normen ␛]0;pwned␇␛[2J7.0"), "shown, not obeyed: {}", r.out);
    // A bidi override would make the title read backwards: shown too.
    let r = check_changed("title: \"Normen 7.0\"", "title: \"Normen \u{202e}0.7\"");
    assert!(!r.out.contains('\u{202e}') && r.out.contains("Normen �0.7"), "{}", r.out);
}

#[test]
fn an_unknown_kind_lists_the_valid_ones() {
    let r = check_changed("kind: Decision", "kind: Beslutning");
    assert_eq!(r.code, 1);
    assert!(r.err.contains("feil: ukjent verdi «Beslutning»"), "{}", r.err);
    assert!(r.err.contains("Approval, Information, Discussion, Decision, Election, Aob"), "{}", r.err);
}

#[test]
fn a_time_that_does_not_exist_is_refused() {
    let r = check_changed("at: \"10:05\"", "at: \"25:70\"");
    assert_eq!(r.code, 1);
    assert!(
        r.err.contains(
            "møte.ron:12:55: feil: «25:70» er ikke et klokkeslett: timer går fra 00 til 23 og minutter fra 00 til 59"
        ),
        "{}",
        r.err
    );
}

#[test]
fn a_time_in_another_shape_is_refused() {
    let r = check_changed("start: \"10:00\"", "start: \"ti\"");
    assert_eq!(r.code, 1);
    assert!(
        r.err.contains("møte.ron:6:13: feil: «ti» er ikke et klokkeslett: skriv TT:MM, for eksempel \"10:20\""),
        "{}",
        r.err
    );
}

#[test]
fn a_bad_date_is_refused() {
    let r = check_changed("2025-06-03", "03.06.2025");
    assert_eq!(r.code, 1);
    assert!(r.err.contains("feil: «03.06.2025» er ikke en dato: skriv ÅÅÅÅ-MM-DD"), "{}", r.err);
}

#[test]
fn a_missing_title_is_named() {
    let r = check_changed("Sak(kind: Aob, title: \"Eventuelt\")", "Sak(kind: Aob)");
    assert_eq!(r.code, 1);
    assert!(r.err.contains("møte.ron:14:"), "{}", r.err);
    assert!(r.err.contains("feil: Sak mangler feltet «title»"), "{}", r.err);
}

#[test]
fn an_empty_title_is_an_error() {
    let r = check_changed("title: \"Eventuelt\"", "title: \"\"");
    assert_eq!(r.code, 1);
    assert!(r.err.contains("møte.ron:14:24: feil: saken har tom tittel"), "{}", r.err);
}

#[test]
fn a_duplicate_number_names_both_saker() {
    let r = check_changed("title: \"Eventuelt\"", "title: \"Eventuelt\", number: \"01/25\"");
    assert_eq!(r.code, 1);
    assert!(r.err.contains("møte.ron:14:44: feil: saksnummer 01/25 er brukt to ganger (også av «Godkjenning av innkalling og dagsorden»)"), "{}", r.err);
}

#[test]
fn numbering_from_zero_or_with_a_four_digit_year_is_refused() {
    let r = check_changed("    place: \"Teams\",", "    place: \"Teams\",\n    numbering: (first: 0),");
    assert_eq!(r.code, 1);
    assert!(
        r.err.contains("møte.ron:9:5: feil: saksnumrene teller fra 1: skriv numbering: (first: 1) eller høyere"),
        "{}",
        r.err
    );
    let r = check_changed("    place: \"Teams\",", "    place: \"Teams\",\n    numbering: (year: 2025),");
    assert_eq!(r.code, 1);
    assert!(
        r.err.contains("feil: året i et saksnummer har to sifre: skriv numbering: (year: 25), ikke 2025"),
        "{}",
        r.err
    );
}

#[test]
fn a_bad_sak_number_is_refused() {
    let r = check_changed("title: \"Eventuelt\"", "title: \"Eventuelt\", number: \"sak 3\"");
    assert_eq!(r.code, 1);
    assert!(r.err.contains("feil: «sak 3» er ikke et saksnummer: skriv NN/ÅÅ"), "{}", r.err);
}

#[test]
fn a_sak_starting_before_the_one_above_ends_is_an_error() {
    let r = check_changed("minutes: 25", "minutes: 30");
    assert_eq!(r.code, 1);
    assert!(
        r.err.contains("møte.ron:13:31: feil: planlagt start kl. 10:30, men «Normen 7.0» over varer til kl. 10:35"),
        "{}",
        r.err
    );
    assert!(r.err.contains("1 feil og 0 advarsler"), "{}", r.err);
    // The saksliste is still shown, so the times can be read.
    assert!(r.out.contains("02/25  10:05  30 min"), "{}", r.out);
}

#[test]
fn running_past_the_end_is_an_error() {
    let r = check_changed("Sak(kind: Aob, title: \"Eventuelt\")", "Sak(kind: Aob, title: \"Eventuelt\", minutes: 30)");
    assert_eq!(r.code, 1);
    assert!(
        r.err.contains(
            "møte.ron:14:44: feil: saklista varer til kl. 11:10, men møtet skal slutte kl. 11:00 (10 min for mye)"
        ),
        "{}",
        r.err
    );
}

#[test]
fn no_end_and_a_gap_are_warnings_only() {
    let dir = tempfile::tempdir().unwrap();
    let text = GOOD.replace("    end: \"11:00\",\n", "").replace("at: \"10:30\"", "at: \"10:45\"");
    let path = write(&dir, "møte.ron", &text);
    let r = check(&[path.as_os_str()]);
    assert_eq!(r.code, 0, "{}", r.err);
    assert!(r.err.contains("advarsel: møtet har ikke noe sluttidspunkt"), "{}", r.err);
    assert!(r.err.contains("møte.ron:12:31: advarsel: 15 min uten noe på saklista etter «Normen 7.0»"), "{}", r.err);
    assert!(r.err.contains("punktet har ingen tidsramme"), "{}", r.err);
    assert!(r.out.contains("OK: 3 saker og 1 pause. 3 advarsler."), "{}", r.out);
}

#[test]
fn a_person_needs_a_name_or_an_organisation() {
    let r = check_changed("(org: \"FHI\", apologies: true)", "(apologies: true)");
    assert_eq!(r.code, 1);
    assert!(
        r.err.contains("møte.ron:9:65: feil: deltakeren har verken navn (name) eller virksomhet (org)"),
        "{}",
        r.err
    );
}

#[test]
fn an_unclosed_comment_and_a_truncated_file_are_explained() {
    let r = check_changed("    items: [", "    /* items: [");
    assert_eq!(r.code, 1);
    assert!(r.err.contains("feil: kommentaren /* blir aldri avsluttet med */"), "{}", r.err);
    let dir = tempfile::tempdir().unwrap();
    let path = write(&dir, "kort.ron", &GOOD[..GOOD.find("Break").unwrap()]);
    let r = check(&[path.as_os_str()]);
    assert_eq!(r.code, 1);
    assert!(r.err.contains("feil: filen slutter midt i"), "{}", r.err);
}

#[test]
fn a_file_from_a_newer_version_is_refused() {
    let r = check_changed("Agenda(\n", "Agenda(\n    format: 2,\n");
    assert_eq!(r.code, 1);
    assert!(
        r.err.contains("møte.ron:3:5: feil: filen er skrevet for en nyere versjon av referent (format 2"),
        "{}",
        r.err
    );
}

#[test]
fn a_missing_file_and_a_folder_are_explained() {
    let dir = tempfile::tempdir().unwrap();
    let missing = dir.path().join("finnes-ikke.ron");
    let r = check(&[missing.as_os_str()]);
    assert_eq!(r.code, 1);
    assert!(r.err.contains("finnes-ikke.ron: feil: filen finnes ikke"), "{}", r.err);
    let r = check(&[dir.path().as_os_str()]);
    assert_eq!(r.code, 1);
    assert!(r.err.contains("feil: dette er en mappe, ikke en fil"), "{}", r.err);
}

#[test]
fn a_file_that_is_not_text_is_explained() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("bilde.ron");
    std::fs::write(&path, b"Agenda(title: \"\xff\xfe\")").unwrap();
    let r = check(&[path.as_os_str()]);
    assert_eq!(r.code, 1);
    assert!(r.err.contains("bilde.ron:1:16: feil: filen er ikke tekst (UTF-8)"), "{}", r.err);
}

#[test]
fn several_files_are_each_reported_and_one_failure_fails_all() {
    let dir = tempfile::tempdir().unwrap();
    let good = write(&dir, "god.ron", GOOD);
    let bad = write(&dir, "dårlig.ron", &GOOD.replace("\"10:05\"", "\"25:70\""));
    let r = check(&[good.as_os_str(), bad.as_os_str()]);
    assert_eq!(r.code, 1);
    assert!(r.out.contains("god.ron") && r.out.contains("OK: 3 saker"), "{}", r.out);
    assert!(r.err.contains("dårlig.ron:12:55: feil"), "{}", r.err);
    let r = check(&[good.as_os_str(), good.as_os_str()]);
    assert_eq!(r.code, 0);
}

#[test]
fn english_on_request() {
    let dir = tempfile::tempdir().unwrap();
    let bad = write(&dir, "m.ron", &GOOD.replace("title: \"Normen 7.0\"", "titel: \"Normen 7.0\""));
    let out = Command::cargo_bin("referent")
        .unwrap()
        .env("XDG_CONFIG_HOME", NO_CONFIG)
        .args(["--lang", "en", "check"])
        .arg(&bad)
        .output()
        .unwrap();
    let err = String::from_utf8(out.stderr).unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(err.contains("m.ron:12:29: error: unknown field \"titel\" in Sak. Did you mean \"title\"?"), "{err}");
    let out = Command::cargo_bin("referent")
        .unwrap()
        .env("XDG_CONFIG_HOME", NO_CONFIG)
        .env("LANG", "en_GB.UTF-8")
        .env_remove("LC_ALL")
        .arg("check")
        .arg(&bad)
        .output()
        .unwrap();
    assert!(String::from_utf8(out.stderr).unwrap().contains("error: unknown field"));
}

#[test]
fn check_without_files_is_a_usage_error() {
    let out = Command::cargo_bin("referent").unwrap().env("XDG_CONFIG_HOME", NO_CONFIG).arg("check").output().unwrap();
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn every_example_agenda_checks_clean() {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("agendas");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "ron"))
        .collect();
    files.sort();
    assert!(files.len() >= 3, "agendas/ should hold the seed meeting, mal.ron and an English example");
    for file in files {
        let r = check(&[file.as_os_str()]);
        assert_eq!(r.code, 0, "{}: {}", file.display(), r.err);
        assert_eq!(r.err, "", "{} should check without warnings", file.display());
    }
}

#[test]
fn the_readme_example_agenda_checks_clean() {
    let readme = include_str!("../README.md");
    let start = readme.find("```ron\nAgenda(").expect("an agenda example in README.md") + 7;
    let end = start + readme[start..].find("```").unwrap();
    let dir = tempfile::tempdir().unwrap();
    let path = write(&dir, "readme.ron", &readme[start..end]);
    let r = check(&[path.as_os_str()]);
    assert_eq!(r.code, 0, "{}", r.err);
    assert_eq!(r.err, "");
}

#[test]
fn output_that_cannot_be_written_is_said_and_fails() {
    let full = || std::process::Stdio::from(std::fs::File::create("/dev/full").unwrap());
    let agenda = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("agendas/normen-2025-06-03.ron");
    let session = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/normen-2025-06-03.session.ron");
    let runs: [&[&std::ffi::OsStr]; 2] = [
        &["check".as_ref(), agenda.as_os_str()],
        &["export".as_ref(), session.as_os_str(), "--out".as_ref(), "-".as_ref()],
    ];
    for args in runs {
        let out = std::process::Command::new(assert_cmd::cargo::cargo_bin("referent"))
            .env("XDG_CONFIG_HOME", NO_CONFIG)
            .env_remove("LC_ALL")
            .env("LANG", "C.UTF-8")
            .args(args)
            .stdout(full())
            .output()
            .unwrap();
        let err = String::from_utf8(out.stderr).unwrap();
        assert_eq!(out.status.code(), Some(3), "{args:?}: {err}");
        assert!(err.contains("referent: feil: kan ikke skrive til standard ut:"), "{args:?}: {err}");
    }
}

#[test]
fn no_file_and_no_command_prints_the_usage_and_exits_2() {
    let out = Command::cargo_bin("referent").unwrap().env("XDG_CONFIG_HOME", NO_CONFIG).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8(out.stdout).unwrap().contains("Usage: referent"));
}

#[test]
fn numbers_another_session_in_the_folder_used_are_a_warning_naming_it() {
    let dir = tempfile::tempdir().unwrap();
    let fixture = std::fs::read_to_string("tests/fixtures/normen-2025-06-03.session.ron").unwrap();
    write(&dir, "normen-2025-06-03.session.ron", &fixture);
    let overlapping =
        GOOD.replace("    place: \"Teams\",", "    place: \"Teams\",\n    numbering: (first: 14, year: 25),");
    let path = write(&dir, "september.ron", &overlapping);
    let run = check(&[path.as_os_str()]);
    assert_eq!(run.code, 0, "a warning, not an error: {}", run.err);
    assert!(
        run.err.contains(
            "september.ron:9:5: advarsel: saksnummer 14/25, 15/25 er allerede brukt i normen-2025-06-03.session.ron: numrene fortsetter gjennom året, så skriv numbering: (first: 16, year: 25)"
        ),
        "{}",
        run.err
    );
    // Its own session is not another meeting's.
    write(&dir, "september.session.ron", &fixture);
    assert_eq!(check(&[path.as_os_str()]).err.matches("allerede brukt").count(), 1);
    let clean = write(
        &dir,
        "oktober.ron",
        &GOOD.replace("    place: \"Teams\",", "    place: \"Teams\",\n    numbering: (first: 16),"),
    );
    assert_eq!(check(&[clean.as_os_str()]).err, "");
}
