//! `referent export` through the real binary: formats, options, defaults, errors.

mod common;

use std::path::{Path, PathBuf};

use common::run;

const FIXTURE: &str = "normen-2025-06-03.session.ron";

fn fixture_copy() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures").join(FIXTURE);
    let dst = dir.path().join(FIXTURE);
    std::fs::copy(src, &dst).unwrap();
    (dir, dst)
}

#[test]
fn markdown_beside_the_session_by_default() {
    let (dir, _) = fixture_copy();
    let (code, out, err) = run(dir.path(), &["export", FIXTURE]);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("Skrevet til normen-2025-06-03.referat.md"), "{out}");
    let md = std::fs::read_to_string(dir.path().join("normen-2025-06-03.referat.md")).unwrap();
    assert!(md.starts_with("# Referat Styringsgruppemøte i Normen\n"), "{md}");
    assert!(md.contains("### 04/25 · Kl. 10:20 · Beslutningssak: Normen 7.0"), "{md}");
    let golden = include_str!("../src/referat/snapshots/referent__referat__tests__the_referat_as_markdown.snap");
    let golden = golden.splitn(3, "---\n").nth(2).unwrap();
    assert_eq!(md.trim_end(), golden.trim_end(), "the CLI writes the golden referat");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(dir.path().join("normen-2025-06-03.referat.md")).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o600, "minutes hold personal data");
    }
}

#[test]
fn to_standard_output_with_options() {
    let (dir, _) = fixture_copy();
    let (code, out, _) = run(dir.path(), &["export", FIXTURE, "--out", "-", "--attribution", "org", "--times", "both"]);
    assert_eq!(code, 0);
    assert!(out.contains("**Helse Nord RHF:** Riktig tekst"), "{out}");
    assert!(out.contains("## Tidsbruk"), "{out}");
    let (_, out, _) = run(dir.path(), &["export", FIXTURE, "-o", "-", "--attribution", "name", "--times", "actual"]);
    assert!(out.contains("### 04/25 · Kl. 10:20–10:44 · Beslutningssak"), "{out}");
    assert!(out.contains("### 05/25 · Kl. 10:44–11:02 ·"), "actual times, with their ends: {out}");
    assert!(!dir.path().join("normen-2025-06-03.referat.md").exists(), "stdout only");
}

#[test]
fn in_english_on_request() {
    let (dir, _) = fixture_copy();
    let (code, out, _) = run(dir.path(), &["--lang", "en", "export", FIXTURE, "-o", "-"]);
    assert_eq!(code, 0);
    assert!(out.starts_with("# Minutes: Styringsgruppemøte i Normen"), "{out}");
}

#[test]
fn the_innkalling_of_an_agenda() {
    let dir = tempfile::tempdir().unwrap();
    let agenda = Path::new(env!("CARGO_MANIFEST_DIR")).join("agendas/normen-2025-06-03.ron");
    std::fs::copy(agenda, dir.path().join("normen.ron")).unwrap();
    let (code, out, err) = run(dir.path(), &["export", "--innkalling", "normen.ron"]);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("normen.innkalling.md"), "{out}");
    let md = std::fs::read_to_string(dir.path().join("normen.innkalling.md")).unwrap();
    assert!(md.starts_with("# Innkalling til Styringsgruppemøte i Normen"), "{md}");
    assert!(md.contains("### 04/25 · Kl. 10:20 · (20 min) · Beslutningssak: Normen 7.0"), "{md}");
}

#[test]
fn an_agenda_without_a_session_is_explained() {
    let dir = tempfile::tempdir().unwrap();
    let agenda = Path::new(env!("CARGO_MANIFEST_DIR")).join("agendas/normen-2025-06-03.ron");
    std::fs::copy(agenda, dir.path().join("normen.ron")).unwrap();
    let (code, _, err) = run(dir.path(), &["export", "normen.ron"]);
    assert_eq!(code, 1);
    assert!(
        err.contains("normen.ron: feil: dette er en agenda, og den har ingen sesjon (normen.session.ron finnes ikke)"),
        "{err}"
    );
}

#[test]
fn errors_say_what_is_wrong_and_leave_no_file() {
    let (dir, _) = fixture_copy();
    let (code, _, err) = run(dir.path(), &["export", "finnes-ikke.session.ron"]);
    assert_eq!(code, 1);
    assert!(err.contains("finnes-ikke.session.ron: feil: filen finnes ikke"), "{err}");

    let (code, _, err) = run(dir.path(), &["export", FIXTURE, "--format", "pdf"]);
    assert_eq!(code, 1);
    assert!(err.contains("feil: ukjent format «pdf»: velg md, html eller docx"), "{err}");

    let (code, _, err) = run(dir.path(), &["export", FIXTURE, "--out", "ingen/mappe/referat.md"]);
    assert_eq!(code, 1);
    assert!(err.contains("ingen/mappe/referat.md: feil: kan ikke skrive filen"), "{err}");

    std::fs::write(dir.path().join("ødelagt.session.ron"), "Session(format: 1, agenda: Agenda(").unwrap();
    let (code, _, err) = run(dir.path(), &["export", "ødelagt.session.ron"]);
    assert_eq!(code, 1);
    assert!(err.contains("ødelagt.session.ron:1:"), "{err}");
    assert!(err.contains("feil: filen slutter midt i"), "{err}");

    let names: Vec<_> = std::fs::read_dir(dir.path()).unwrap().map(|e| e.unwrap().file_name()).collect();
    assert_eq!(names.len(), 2, "no referat and no temp file left: {names:?}");
}

#[test]
fn the_output_format_follows_the_extension() {
    let (dir, _) = fixture_copy();
    let (code, _, err) = run(dir.path(), &["export", FIXTURE, "--out", "utkast.markdown"]);
    assert_eq!(code, 0, "{err}");
    assert!(std::fs::read_to_string(dir.path().join("utkast.markdown")).unwrap().starts_with("# Referat"));
}

#[test]
fn html_by_name_or_by_extension() {
    let (dir, _) = fixture_copy();
    let (code, out, err) = run(dir.path(), &["export", FIXTURE, "--format", "html"]);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("Skrevet til normen-2025-06-03.referat.html"), "{out}");
    let page = std::fs::read_to_string(dir.path().join("normen-2025-06-03.referat.html")).unwrap();
    let golden = include_str!("../src/referat/snapshots/referent__referat__tests__the_referat_as_html.snap");
    let golden = golden.splitn(3, "---\n").nth(2).unwrap();
    assert_eq!(page.trim_end(), golden.trim_end(), "the CLI writes the golden referat");

    let (code, _, err) = run(dir.path(), &["export", FIXTURE, "--out", "utkast.HTM", "--lang", "en"]);
    assert_eq!(code, 0, "{err}");
    let page = std::fs::read_to_string(dir.path().join("utkast.HTM")).unwrap();
    assert!(page.starts_with("<!DOCTYPE html>\n<html lang=\"en\">"), "{page}");
    assert!(page.contains("<title>Minutes: Styringsgruppemøte i Normen</title>"), "{page}");

    let (code, out, _) = run(dir.path(), &["export", "--innkalling", FIXTURE, "-f", "html", "-o", "-"]);
    assert_eq!(code, 0);
    assert!(out.contains("<h1>Innkalling til Styringsgruppemøte i Normen</h1>"), "{out}");
}

#[test]
fn docx_by_name_or_by_extension_never_to_standard_output() {
    let (dir, _) = fixture_copy();
    let (code, out, err) = run(dir.path(), &["export", FIXTURE, "--format", "docx"]);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("Skrevet til normen-2025-06-03.referat.docx"), "{out}");
    let bytes = std::fs::read(dir.path().join("normen-2025-06-03.referat.docx")).unwrap();
    assert!(bytes.starts_with(b"PK"), "a zip");
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    let mut xml = String::new();
    std::io::Read::read_to_string(&mut zip.by_name("word/document.xml").unwrap(), &mut xml).unwrap();
    assert!(xml.contains("Referat Styringsgruppemøte i Normen"));

    let (code, _, err) = run(dir.path(), &["export", "--innkalling", FIXTURE, "-o", "innkalling.docx", "--lang", "en"]);
    assert_eq!(code, 0, "{err}");
    assert!(dir.path().join("innkalling.docx").exists());

    let (code, out, err) = run(dir.path(), &["export", FIXTURE, "-f", "docx", "-o", "-"]);
    assert_eq!(code, 1);
    assert!(out.is_empty());
    assert!(err.contains("feil: docx kan ikke skrives til standard ut; gi et filnavn med --out"), "{err}");
}
