//! Writing a file whole or not at all: a temp file with a name no one can guess, created
//! anew beside the target (never a file or link already there), flushed, renamed over the
//! target; and clearing away the temp files a killed referent left.

use std::fs;
use std::io::Write;
use std::path::Path;

/// How many random letters and digits a temp file's name holds.
const RANDOM: usize = 10;

/// Writes `bytes` to a new temp file beside `path` (`.NAME.RANDOM.tmp`), flushes it to
/// disk and renames it over `path`: a reader sees the old file or the new one, never a
/// half-written one. The temp file is created exclusively (a file or a link planted at
/// its name is never opened), readable by its owner only (minutes hold personal data);
/// the rename replaces a link at `path` itself, never what it points to.
pub fn write(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let mut file = temp_beside(path)?;
    // (On the file itself: the system's own error, said as it is, without the temp path.)
    file.as_file_mut().write_all(bytes)?;
    file.as_file().sync_all()?;
    // (On failure the temp file is removed as it is dropped.)
    file.persist(path).map_err(|e| e.error)?;
    // The rename is durable once the folder is flushed too.
    super::sync_dir(path);
    Ok(())
}

/// Writes `bytes` as a new file at `path`, as `write` does, but never over anything there:
/// a file, a folder or a link at `path` (even one pointing nowhere) is left as it is and
/// the error is `AlreadyExists`.
pub fn write_new(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let mut file = temp_beside(path)?;
    file.as_file_mut().write_all(bytes)?;
    file.as_file().sync_all()?;
    // (A hard link made anew, then the temp name removed: it never replaces a name.)
    file.persist_noclobber(path).map_err(|e| e.error)?;
    super::sync_dir(path);
    Ok(())
}

/// A new, empty temp file beside `path`, named `.NAME.RANDOM.tmp`, created exclusively
/// (another name is tried when one is taken), readable by its owner only; removed when
/// dropped unless persisted. Its errors are the system's own, as the minute-taker is told
/// them ("No space left on device").
pub fn temp_beside(path: &Path) -> std::io::Result<tempfile::NamedTempFile> {
    let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    let prefix = format!(".{name}.");
    tempfile::Builder::new().prefix(&prefix).suffix(".tmp").rand_bytes(RANDOM).make_in(super::folder_of(path), |temp| {
        super::private(fs::OpenOptions::new().read(true).write(true).create_new(true)).open(temp)
    })
}

/// Removes the temp files `write` leaves beside the session at `path`, and beside its
/// journal and its note of a move, when it is killed mid-write (`.NAME.RANDOM.tmp`, or
/// `.NAME.PID.tmp` as earlier versions named them). Only for a session this process
/// holds the lock of: no one else is writing them. How many went.
pub fn remove_stale_temps(path: &Path) -> usize {
    let Some(name) = path.file_name().map(|n| n.to_string_lossy().into_owned()) else { return 0 };
    let prefix = format!(".{name}.");
    let Ok(entries) = fs::read_dir(super::folder_of(path)) else { return 0 };
    let mut removed = 0;
    for entry in entries.flatten() {
        let file = entry.file_name().to_string_lossy().into_owned();
        let rest = file.strip_prefix(&prefix).and_then(|rest| rest.strip_suffix(".tmp"));
        let rest = rest.map(|r| r.strip_prefix("journal.").or_else(|| r.strip_prefix("moved.")).unwrap_or(r));
        // (Ours only: a name `write` gives, a file and not a link.)
        let ours = rest.is_some_and(is_temp_part) && entry.file_type().is_ok_and(|t| t.is_file());
        if ours && fs::remove_file(entry.path()).is_ok() {
            removed += 1;
        }
    }
    removed
}

/// What `write` puts between the name and `.tmp`: its random letters and digits, or a
/// process id (earlier versions).
fn is_temp_part(part: &str) -> bool {
    let pid = !part.is_empty() && part.bytes().all(|b| b.is_ascii_digit());
    let random = part.len() == RANDOM && part.bytes().all(|b| b.is_ascii_alphanumeric());
    pid || random
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::os::unix::fs::{PermissionsExt, symlink};

    fn names(dir: &Path) -> Vec<String> {
        let mut names: Vec<String> =
            fs::read_dir(dir).unwrap().map(|e| e.unwrap().file_name().to_string_lossy().into_owned()).collect();
        names.sort();
        names
    }

    #[test]
    fn a_new_file_never_replaces_a_file_or_a_link() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("neste.ron");
        write_new(&path, b"one").unwrap();
        assert_eq!(write_new(&path, b"two").unwrap_err().kind(), std::io::ErrorKind::AlreadyExists);
        assert_eq!(fs::read(&path).unwrap(), b"one");
        let link = dir.path().join("link.ron");
        symlink(dir.path().join("nowhere"), &link).unwrap();
        assert_eq!(write_new(&link, b"x").unwrap_err().kind(), std::io::ErrorKind::AlreadyExists);
        assert!(!dir.path().join("nowhere").exists(), "the link is not followed");
        assert_eq!(names(dir.path()), ["link.ron", "neste.ron"], "no temp file left");
    }

    #[test]
    fn writes_are_atomic_and_private() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("m.session.ron");
        write(&path, b"one").unwrap();
        write(&path, b"two").unwrap();
        assert_eq!(fs::read(&path).unwrap(), b"two");
        assert_eq!(names(dir.path()), ["m.session.ron"], "no temp file left behind");
        assert_eq!(fs::metadata(&path).unwrap().permissions().mode() & 0o777, 0o600);
        let missing = dir.path().join("no-such-folder").join("m.session.ron");
        let e = write(&missing, b"x").unwrap_err();
        assert_eq!(e.to_string(), "No such file or directory (os error 2)", "as the system says it");
    }

    /// The temp file is never one already there: not a file at the name earlier versions
    /// used (`.NAME.PID.tmp`), not a link planted there or at the target. A link at the
    /// target is replaced by the file, and what it pointed to stays as it was.
    #[test]
    fn a_planted_link_or_file_is_never_followed_or_clobbered() {
        let dir = tempfile::tempdir().unwrap();
        let victim = dir.path().join("victim");
        fs::write(&victim, "keep me").unwrap();
        let path = dir.path().join("m.session.ron");
        let old_temp = dir.path().join(format!(".m.session.ron.{}.tmp", std::process::id()));
        fs::write(&old_temp, "someone else's").unwrap();
        let linked_temp = dir.path().join(format!(".m.session.ron.{}.tmp", std::process::id() + 1));
        symlink(&victim, &linked_temp).unwrap();
        symlink(&victim, &path).unwrap();
        write(&path, b"the session").unwrap();
        assert_eq!(fs::read_to_string(&victim).unwrap(), "keep me");
        assert_eq!(fs::read_to_string(&old_temp).unwrap(), "someone else's");
        assert!(fs::symlink_metadata(&linked_temp).unwrap().file_type().is_symlink());
        assert!(fs::symlink_metadata(&path).unwrap().file_type().is_file(), "the link itself was replaced");
        assert_eq!(fs::read(&path).unwrap(), b"the session");
    }

    #[test]
    fn temp_names_cannot_be_guessed() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("m.session.ron");
        let (a, b) = (temp_beside(&path).unwrap(), temp_beside(&path).unwrap());
        assert_ne!(a.path(), b.path());
        for t in [&a, &b] {
            let name = t.path().file_name().unwrap().to_string_lossy().into_owned();
            let part = name.strip_prefix(".m.session.ron.").and_then(|r| r.strip_suffix(".tmp")).unwrap();
            assert!(is_temp_part(part) && part.len() == RANDOM, "{name}");
            assert_eq!(fs::metadata(t.path()).unwrap().permissions().mode() & 0o777, 0o600);
        }
    }

    #[test]
    fn temp_files_left_by_a_kill_are_removed_and_nothing_else() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("møte.session.ron");
        for name in [
            ".møte.session.ron.4242.tmp",
            ".møte.session.ron.17.tmp",
            ".møte.session.ron.a1B2c3D4e5.tmp",
            ".møte.session.ron.journal.Zz09Zz09Zz.tmp",
            ".møte.session.ron.moved.0123456789.tmp",
            ".møte.session.ron.x.tmp",
            ".møte.session.ron.a1B2c3D4e5f.tmp",
            ".møte.session.ron.a1B2-3D4e5.tmp",
            ".annet.session.ron.1.tmp",
            "møte.session.ron",
        ] {
            fs::write(dir.path().join(name), "x").unwrap();
        }
        symlink("/etc/passwd", dir.path().join(".møte.session.ron.9.tmp")).unwrap();
        assert_eq!(remove_stale_temps(&path), 5);
        assert_eq!(
            names(dir.path()),
            [
                ".annet.session.ron.1.tmp",
                ".møte.session.ron.9.tmp",
                ".møte.session.ron.a1B2-3D4e5.tmp",
                ".møte.session.ron.a1B2c3D4e5f.tmp",
                ".møte.session.ron.x.tmp",
                "møte.session.ron"
            ]
        );
    }
}
