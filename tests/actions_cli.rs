//! `referent actions FOLDER` through the real binary: the follow-ups still open in a
//! folder's sessions, sorted by frist, overdue marked; every bad input's message.

mod common;

use common::referent;

const FIXTURE: &str = "tests/fixtures/normen-2025-06-03.session.ron";

#[test]
fn the_open_follow_ups_of_a_folder_are_listed_by_frist_with_the_overdue_marked() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::copy(FIXTURE, dir.path().join("normen-2025-06-03.session.ron")).unwrap();
    std::fs::write(dir.path().join("ødelagt.session.ron"), "Session(").unwrap();
    let folder = dir.path().to_str().unwrap();
    let run = referent(&["actions", folder]);
    assert_eq!(run.code, 0, "{}", run.err);
    let lines: Vec<&str> = run.out.lines().collect();
    assert_eq!(lines.len(), 5, "{}", run.out);
    assert!(lines[0].starts_with("Frist") && lines[0].ends_with("Hva"), "{}", run.out);
    // (The frist of 18 August 2025 has passed whenever this runs.)
    assert!(lines[1].starts_with("18.08.25 (forfalt)") && lines[1].contains("møte 03.06.25, sak 03/25"), "{}", run.out);
    assert!(lines[2].starts_with("18.08.25 (forfalt)") && lines[2].contains("sak 05/25"), "{}", run.out);
    assert!(lines[3].starts_with("i løpet av sommeren") && lines[4].starts_with("september"), "{}", run.out);
    assert!(
        lines[4].contains("Sekretariatet")
            && lines[4].ends_with("Nytt forslag om dokumentfrist: flere og kortere møter")
    );
    assert!(run.err.contains("ødelagt.session.ron: hoppet over, sesjonen kan ikke leses"), "{}", run.err);

    let md = referent(&["actions", folder, "--format", "md"]);
    assert!(md.out.starts_with("| Hva | Ansvarlig | Frist | Møte |\n|---|---|---|---|\n"), "{}", md.out);
    assert!(md.out.contains("| Alle | **18.08.25 (forfalt)** | møte 03.06.25, sak 03/25 |"), "{}", md.out);
    let csv = referent(&["--lang", "en", "actions", folder, "--format", "csv"]);
    assert!(csv.out.starts_with("What,Responsible,Due,Meeting,overdue\r\n"), "{}", csv.out);
    assert!(csv.out.contains(",Alle,2025-08-18,\"meeting of 03.06.25, item 03/25\",overdue\r\n"), "{}", csv.out);
}

#[test]
fn every_bad_input_is_said() {
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().to_str().unwrap();
    let run = referent(&["actions", folder]);
    assert_eq!((run.code, run.out.as_str()), (0, "Ingen åpne oppfølgingspunkter.\n"));
    let run = referent(&["actions", folder, "--format", "pdf"]);
    assert_eq!(run.code, 1);
    assert!(run.err.contains("ukjent format «pdf»: velg text, md eller csv"), "{}", run.err);
    let missing = dir.path().join("borte");
    let run = referent(&["actions", missing.to_str().unwrap()]);
    assert_eq!(run.code, 1);
    assert!(run.err.contains("borte: feil: kan ikke lese mappen: "), "{}", run.err);
}
