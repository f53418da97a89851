//! `referent demo` through the real binary: a large session that opens and exports.

mod common;

use common::run;

#[test]
fn a_demo_session_is_written_once_and_can_be_exported() {
    let dir = tempfile::tempdir().unwrap();
    let (code, out, err) = run(dir.path(), &["demo", "stor.session.ron", "--saker", "40", "--notes", "900"]);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("Skrevet til stor.session.ron"), "{out}");
    let text = std::fs::read_to_string(dir.path().join("stor.session.ron")).unwrap();
    assert_eq!(text.matches("Note(at:").count(), 900 + 1, "900 notes and the draft being typed");
    let (code, _, err) = run(dir.path(), &["demo", "stor.session.ron"]);
    assert_eq!(code, 1);
    assert!(err.contains("stor.session.ron: feil: filen finnes allerede, og blir ikke overskrevet"), "{err}");
    let (code, out, err) = run(dir.path(), &["export", "stor.session.ron", "-o", "-"]);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("### 40/25 · Kl."), "{out}");
    let (code, _, err) = run(dir.path(), &["demo", "ingen/mappe/x.session.ron"]);
    assert_eq!(code, 3, "not written");
    assert!(err.contains("ingen/mappe/x.session.ron: feil: kan ikke skrive filen"), "{err}");
}
