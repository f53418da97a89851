//! The emergency copy: when the session cannot be saved where it lives, everything in
//! memory goes to the state folder on the way out (`rescued/` in it), under a name of its
//! own that never replaces another file.

use std::io::Write;
use std::path::{Path, PathBuf};

use super::dirs::state_dir;
use super::log::private_dir;
use super::session_file;
use crate::domain::session::Session;
use crate::domain::time::Stamp;

/// Writes `session` (whose file is `path`) as an emergency copy, stamped `at`, in the
/// state folder `$XDG_STATE_HOME/referent/rescued`; where it went.
pub fn rescue(session: &Session, path: &Path, at: Stamp) -> std::io::Result<PathBuf> {
    let home = state_dir()
        .ok_or_else(|| std::io::Error::new(std::io::ErrorKind::NotFound, "no state folder (HOME is not set)"))?;
    rescue_in(&home.join("rescued"), session, path, at)
}

/// `rescue`, in the folder `dir`.
pub fn rescue_in(dir: &Path, session: &Session, path: &Path, at: Stamp) -> std::io::Result<PathBuf> {
    private_dir(dir)?;
    let file = path.file_name().map_or_else(|| "møte.session.ron".into(), |n| n.to_string_lossy().into_owned());
    let stem = file.strip_suffix(".session.ron").or_else(|| file.strip_suffix(".ron")).unwrap_or(&file);
    let when = at.compact();
    let text = session_file::to_text(session);
    for n in 1..1000 {
        let name = if n == 1 { format!("{stem}.{when}.session.ron") } else { format!("{stem}.{when}-{n}.session.ron") };
        let target = dir.join(name);
        // (create_new: never a file that is there, nor one a link points to.)
        match super::private(std::fs::OpenOptions::new().write(true).create_new(true)).open(&target) {
            Ok(mut f) => {
                f.write_all(text.as_bytes())?;
                f.sync_all()?;
                super::sync_dir(&target);
                return Ok(target);
            }
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {}
            Err(e) => return Err(e),
        }
    }
    Err(std::io::Error::new(std::io::ErrorKind::AlreadyExists, "a thousand emergency copies of this second"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::agenda_file;

    #[test]
    fn an_emergency_copy_is_the_session_and_never_replaces_a_file() {
        let agenda = agenda_file::parse(include_str!("../../agendas/normen-2025-06-03.ron")).unwrap().agenda;
        let session = Session::new(agenda);
        let state = tempfile::tempdir().unwrap();
        let dir = state.path().join("rescued");
        let at = Stamp::parse("2025-06-03 10:41:07").unwrap();
        let path = Path::new("/borte/normen-2025-06-03.session.ron");
        let first = rescue_in(&dir, &session, path, at).unwrap();
        assert_eq!(first, dir.join("normen-2025-06-03.20250603-104107.session.ron"));
        assert_eq!(session_file::parse(&std::fs::read_to_string(&first).unwrap()).unwrap(), session);
        let second = rescue_in(&dir, &session, path, at).unwrap();
        assert_eq!(second, dir.join("normen-2025-06-03.20250603-104107-2.session.ron"), "the first is kept");
        // A link planted where the copy would go is not followed.
        let planted = dir.join("normen-2025-06-03.20250603-104107-3.session.ron");
        std::fs::write(state.path().join("victim"), "keep me").unwrap();
        std::os::unix::fs::symlink(state.path().join("victim"), &planted).unwrap();
        let third = rescue_in(&dir, &session, path, at).unwrap();
        assert_eq!(third, dir.join("normen-2025-06-03.20250603-104107-4.session.ron"));
        assert_eq!(std::fs::read_to_string(state.path().join("victim")).unwrap(), "keep me");
        assert!(std::fs::symlink_metadata(&planted).unwrap().file_type().is_symlink(), "left as it was");
        // And one pointing nowhere: not made through either.
        let dangling = dir.join("normen-2025-06-03.20250603-104107-5.session.ron");
        std::os::unix::fs::symlink(state.path().join("nowhere"), &dangling).unwrap();
        let fifth = rescue_in(&dir, &session, path, at).unwrap();
        assert_eq!(fifth, dir.join("normen-2025-06-03.20250603-104107-6.session.ron"));
        assert!(!state.path().join("nowhere").exists());
        use std::os::unix::fs::PermissionsExt;
        assert_eq!(std::fs::metadata(&first).unwrap().permissions().mode() & 0o777, 0o600);
    }
}
