//! `referent export` through the real binary: formats, options, defaults, errors, and
//! files it never writes over.

mod common;

use std::path::Path;

use common::run;

const FIXTURE: &str = common::SEED_SESSION;

#[test]
fn markdown_beside_the_session_by_default() {
    let (dir, _) = common::seed_session_copy();
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
    let (dir, _) = common::seed_session_copy();
    let (code, out, _) = run(dir.path(), &["export", FIXTURE, "--out", "-", "--attribution", "org", "--times", "both"]);
    assert_eq!(code, 0);
    assert!(out.contains("**Helse Nord RHF:** Støttes også av Helse-Nord."), "{out}");
    assert!(out.contains("## Tidsbruk"), "{out}");
    let (_, out, _) = run(dir.path(), &["export", FIXTURE, "-o", "-", "--attribution", "name", "--times", "actual"]);
    assert!(out.contains("### 04/25 · Kl. 10:20–10:47 · Beslutningssak"), "{out}");
    assert!(out.contains("### 05/25 · Kl. 10:47–11:01 ·"), "actual times, with their ends: {out}");
    assert!(!dir.path().join("normen-2025-06-03.referat.md").exists(), "stdout only");
}

#[test]
fn in_english_on_request() {
    let (dir, _) = common::seed_session_copy();
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
    let (dir, _) = common::seed_session_copy();
    let (code, _, err) = run(dir.path(), &["export", "finnes-ikke.session.ron"]);
    assert_eq!(code, 1);
    assert!(err.contains("finnes-ikke.session.ron: feil: filen finnes ikke"), "{err}");

    let (code, _, err) = run(dir.path(), &["export", FIXTURE, "--format", "pdf"]);
    assert_eq!(code, 1);
    assert!(err.contains("feil: ukjent format «pdf»: velg md, html eller docx"), "{err}");

    let (code, _, err) = run(dir.path(), &["export", FIXTURE, "--out", "ingen/mappe/referat.md"]);
    assert_eq!(code, 3, "not written");
    assert!(err.contains("ingen/mappe/referat.md: feil: kan ikke skrive filen"), "{err}");

    // An extension referent does not write is refused, never written as Markdown.
    let (code, _, err) = run(dir.path(), &["export", FIXTURE, "--out", "referat.pdf"]);
    assert_eq!(code, 1);
    assert!(
        err.contains(
            "referat.pdf: feil: kan ikke se formatet av «.pdf»: referent skriver md, html eller docx; velg med --format"
        ),
        "{err}"
    );

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
    let (dir, _) = common::seed_session_copy();
    let (code, _, err) = run(dir.path(), &["export", FIXTURE, "--out", "utkast.markdown"]);
    assert_eq!(code, 0, "{err}");
    assert!(std::fs::read_to_string(dir.path().join("utkast.markdown")).unwrap().starts_with("# Referat"));
}

#[test]
fn html_by_name_or_by_extension() {
    let (dir, _) = common::seed_session_copy();
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
    let (dir, _) = common::seed_session_copy();
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

#[test]
fn an_out_without_an_extension_is_markdown_and_with_format_any_name_goes() {
    let (dir, _) = common::seed_session_copy();
    let (code, _, err) = run(dir.path(), &["export", FIXTURE, "--out", "utkast"]);
    assert_eq!(code, 0, "{err}");
    assert!(std::fs::read_to_string(dir.path().join("utkast")).unwrap().starts_with("# Referat"));
    let (code, _, err) = run(dir.path(), &["export", FIXTURE, "--out", "utkast.txt", "--format", "md"]);
    assert_eq!(code, 0, "{err}");
    assert!(std::fs::read_to_string(dir.path().join("utkast.txt")).unwrap().starts_with("# Referat"));
    let (code, _, err) = run(dir.path(), &["--lang", "en", "export", FIXTURE, "--out", "utkast.odt"]);
    assert_eq!(code, 1);
    assert!(
        err.contains("utkast.odt: error: cannot tell the format from \".odt\": referent writes md, html or docx"),
        "{err}"
    );
    assert!(!dir.path().join("utkast.odt").exists());
}

/// The normal workflow: the draft is exported again after fixes to the session, over the
/// export referent wrote before, without asking.
#[test]
fn an_untouched_export_is_written_again_after_the_session_changed() {
    let (dir, session) = common::seed_session_copy();
    let (code, _, err) = run(dir.path(), &["export", FIXTURE, "-f", "docx"]);
    assert_eq!(code, 0, "{err}");
    let docx = dir.path().join("normen-2025-06-03.referat.docx");
    let first = std::fs::read(&docx).unwrap();
    let text = std::fs::read_to_string(&session).unwrap();
    assert!(text.contains("Normen 7.0"));
    std::fs::write(&session, text.replace("Normen 7.0", "Normen 7.0 (rettet)")).unwrap();
    let (code, out, err) = run(dir.path(), &["export", FIXTURE, "-f", "docx"]);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("Skrevet til normen-2025-06-03.referat.docx"), "{out}");
    assert_ne!(std::fs::read(&docx).unwrap(), first, "the new draft");
    assert!(!dir.path().join("normen-2025-06-03.referat.docx.bak").exists(), "nothing to keep");
}

/// The secretariat's edits (in Word, or by hand) are never lost: a changed export is not
/// replaced, and the message names --force; with it the old file is kept as NAME.bak,
/// never over an earlier copy.
#[test]
fn a_changed_export_is_refused_and_kept_as_bak_with_force() {
    let (dir, _) = common::seed_session_copy();
    let md = dir.path().join("normen-2025-06-03.referat.md");
    let (code, _, err) = run(dir.path(), &["export", FIXTURE]);
    assert_eq!(code, 0, "{err}");
    let written = std::fs::read_to_string(&md).unwrap();
    std::fs::write(&md, format!("{written}\nRettet av sekretariatet.\n")).unwrap();
    let edited = std::fs::read_to_string(&md).unwrap();
    let (code, out, err) = run(dir.path(), &["export", FIXTURE]);
    assert_eq!(code, 1);
    assert!(out.is_empty(), "{out}");
    assert!(
        err.contains(
            "normen-2025-06-03.referat.md: feil: filen er endret etter at referent skrev den (eller er ikke skrevet av referent), og blir ikke erstattet: bruk --force for å skrive likevel (den gamle blir tatt vare på som normen-2025-06-03.referat.md.bak)"
        ),
        "{err}"
    );
    assert_eq!(std::fs::read_to_string(&md).unwrap(), edited, "left as it was");
    let (_, _, err) = run(dir.path(), &["--lang", "en", "export", FIXTURE]);
    assert!(err.contains("error: the file was changed after referent wrote it"), "{err}");
    assert!(err.contains("use --force to write it anyway"), "{err}");

    let (code, out, err) = run(dir.path(), &["export", FIXTURE, "--force"]);
    assert_eq!(code, 0, "{err}");
    assert!(
        out.contains(
            "Skrevet til normen-2025-06-03.referat.md; den gamle er tatt vare på som normen-2025-06-03.referat.md.bak"
        ),
        "{out}"
    );
    assert_eq!(std::fs::read_to_string(dir.path().join("normen-2025-06-03.referat.md.bak")).unwrap(), edited);
    assert_eq!(std::fs::read_to_string(&md).unwrap(), written);
    // Edited again: the first copy stays, the second goes beside it.
    std::fs::write(&md, "Nok en rettelse.\n").unwrap();
    let (code, out, _) = run(dir.path(), &["export", FIXTURE, "--force"]);
    assert_eq!(code, 0);
    assert!(out.contains("tatt vare på som normen-2025-06-03.referat.md.1.bak"), "{out}");
    assert_eq!(std::fs::read_to_string(dir.path().join("normen-2025-06-03.referat.md.bak")).unwrap(), edited);
    assert_eq!(
        std::fs::read_to_string(dir.path().join("normen-2025-06-03.referat.md.1.bak")).unwrap(),
        "Nok en rettelse.\n"
    );
    // A file referent never wrote is not replaced either.
    std::fs::write(dir.path().join("notater.md"), "mine").unwrap();
    let (code, _, _) = run(dir.path(), &["export", FIXTURE, "-o", "notater.md"]);
    assert_eq!(code, 1);
    assert_eq!(std::fs::read_to_string(dir.path().join("notater.md")).unwrap(), "mine");
}

/// A link planted where the export goes, where its record goes, or where the old one
/// would be kept is never followed: the file it points to stays as it was.
#[cfg(unix)]
#[test]
fn links_planted_at_the_export_are_never_followed() {
    use std::os::unix::fs::symlink;
    let (dir, _) = common::seed_session_copy();
    let victim = dir.path().join("victim.txt");
    std::fs::write(&victim, "keep me").unwrap();
    let md = dir.path().join("normen-2025-06-03.referat.md");
    symlink(&victim, &md).unwrap();
    for force in [false, true] {
        let args: &[&str] = if force { &["export", FIXTURE, "--force"] } else { &["export", FIXTURE] };
        let (code, _, err) = run(dir.path(), args);
        assert_eq!(code, 1, "{err}");
        assert!(
            err.contains(
                "normen-2025-06-03.referat.md: feil: filen er en lenke, og referent skriver ikke gjennom lenker"
            ),
            "{err}"
        );
    }
    assert_eq!(std::fs::read_to_string(&victim).unwrap(), "keep me");
    std::fs::remove_file(&md).unwrap();
    symlink(&victim, dir.path().join(".normen-2025-06-03.referat.md.referent")).unwrap();
    symlink(&victim, dir.path().join("normen-2025-06-03.referat.md.bak")).unwrap();
    let (code, _, err) = run(dir.path(), &["export", FIXTURE]);
    assert_eq!(code, 0, "{err}");
    std::fs::write(&md, "rettet").unwrap();
    let (code, out, err) = run(dir.path(), &["export", FIXTURE, "--force"]);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("normen-2025-06-03.referat.md.1.bak"), "{out}");
    assert_eq!(std::fs::read_to_string(&victim).unwrap(), "keep me");
    // A folder where the export goes.
    std::fs::create_dir(dir.path().join("mappe.md")).unwrap();
    let (code, _, err) = run(dir.path(), &["export", FIXTURE, "-o", "mappe.md", "--force"]);
    assert_eq!(code, 1);
    assert!(err.contains("mappe.md: feil: dette er ikke en vanlig fil"), "{err}");
}

/// A terminal escape or a bidi override in an agenda is shown in the referat, never
/// passed on to whoever opens it (a bidi override would make a title read backwards).
#[test]
fn escapes_and_bidi_overrides_in_an_agenda_are_shown_in_the_export() {
    let dir = tempfile::tempdir().unwrap();
    let src = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("agendas/normen-2025-06-03.ron");
    let text = std::fs::read_to_string(src).unwrap();
    let hostile = text.replacen("title: \"Normen 7.0\"", "title: \"Normen \\u{1b}[2J\\u{202e}0.7\"", 1);
    std::fs::write(dir.path().join("normen.ron"), hostile).unwrap();
    let (code, md, err) = run(dir.path(), &["export", "--innkalling", "normen.ron", "-o", "-"]);
    assert_eq!(code, 0, "{err}");
    assert!(md.contains("Normen ␛\\[2J�0.7"), "{md}");
    assert!(!md.contains('\u{1b}') && !md.contains('\u{202e}'), "{md}");
}
