//! The DOCX referat as a word processor lays it out: `LibreOffice` turns it into a PDF and
//! pdftotext reads that back, page by page. Needs `soffice` and `pdftotext` (CI installs
//! libreoffice-writer-nogui and poppler-utils); without them the test says so and passes,
//! except on CI, where it fails.

mod common;

use std::path::Path;
use std::process::Command;

use common::run;

const FIXTURE: &str = "normen-2025-06-03.session.ron";

/// Whether `program` runs (asked for its version with `flag`).
fn have(program: &str, flag: &str) -> bool {
    Command::new(program).arg(flag).output().is_ok_and(|o| o.status.success())
}

#[test]
fn libreoffice_lays_the_docx_out_as_a_referat() {
    if !(have("soffice", "--version") && have("pdftotext", "-v")) {
        assert!(std::env::var_os("CI").is_none(), "CI must install soffice and pdftotext (see .ci/run)");
        eprintln!("soffice or pdftotext is not installed: the DOCX is not laid out here");
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures").join(FIXTURE);
    std::fs::copy(src, dir.path().join(FIXTURE)).unwrap();
    let (code, _, err) = run(dir.path(), &["export", FIXTURE, "--out", "referat.docx"]);
    assert_eq!(code, 0, "{err}");

    // A profile of its own, so that a LibreOffice already running is not asked.
    let profile = format!("-env:UserInstallation=file://{}", dir.path().join("lo-profile").display());
    let converted = Command::new("soffice")
        .current_dir(dir.path())
        .args([profile.as_str(), "--headless", "--convert-to", "pdf", "--outdir", "."])
        .arg("referat.docx")
        .output()
        .unwrap();
    assert!(converted.status.success(), "{}", String::from_utf8_lossy(&converted.stderr));
    let text =
        Command::new("pdftotext").current_dir(dir.path()).args(["-layout", "referat.pdf", "-"]).output().unwrap();
    assert!(text.status.success());
    let text = String::from_utf8_lossy(&text.stdout);
    let pages: Vec<&str> = text.split('\u{c}').filter(|p| !p.trim().is_empty()).collect();
    assert!(pages.len() >= 3, "a referat of several pages: {}", pages.len());
    assert!(pages[0].contains("Referat Styringsgruppemøte i Normen"), "{}", pages[0]);
    let total = pages.len();
    for (n, page) in pages.iter().enumerate() {
        assert!(
            page.contains(&format!("Side {} av {total}", n + 1)),
            "page numbers in the footer, page {}:\n{page}",
            n + 1
        );
    }
    // The sak table goes on over pages with its header row on each.
    let with_table: Vec<usize> =
        (0..total).filter(|&n| pages[n].contains("Beslutningssak") || pages[n].contains("Orienteringssak")).collect();
    assert!(with_table.len() >= 2, "the sak table runs over pages");
    for n in with_table {
        assert!(
            pages[n].contains("Sakstittel / kommentar / forslag til vedtak"),
            "the header row on page {}:\n{}",
            n + 1,
            pages[n]
        );
    }
    // The order of a sak as it happened.
    let at = |what: &str| text.find(what).unwrap_or_else(|| panic!("{what} is not in the PDF"));
    assert!(at("Innspill og kommentarer fra SG (kap. 1.3):") < at("Beslutning kap. 1.3:"));
    assert!(at("Beslutning kap. 1.3:") < at("Innspill og kommentarer fra SG (kap 1.5):"));
}
