//! One referent per session: an advisory lock on a sidecar file (`NAME.session.ron.lock`)
//! that holds the owner's process id. The kernel drops the lock when its process dies, so
//! a stale lock file of a crashed or killed referent is simply taken over.

use std::fs::{self, File, OpenOptions, TryLockError};
use std::io::{self, Read, Seek, Write};
use std::path::{Path, PathBuf};

use super::{file_id, open_plain, private};

/// The lock on a session, held until dropped; dropping it removes the lock file.
#[derive(Debug)]
pub struct SessionLock {
    file: File,
    path: PathBuf,
}

#[derive(Debug)]
pub enum LockProblem {
    /// Another process holds the lock; its id if the lock file names one.
    Held {
        pid: Option<u32>,
    },
    Io(io::Error),
}

impl From<io::Error> for LockProblem {
    fn from(e: io::Error) -> LockProblem {
        LockProblem::Io(e)
    }
}

/// `møte.session.ron` → `møte.session.ron.lock`.
pub fn lock_path(session: &Path) -> PathBuf {
    let mut name = session.file_name().map(std::ffi::OsStr::to_os_string).unwrap_or_default();
    name.push(".lock");
    session.with_file_name(name)
}

/// Locks `session` for this process, or says who holds it.
pub fn acquire(session: &Path) -> Result<SessionLock, LockProblem> {
    let path = lock_path(session);
    // The holder removes its lock file on the way out; if that happens between our open
    // and our lock, the file we locked is no longer the one at `path`: try again.
    for _ in 0..5 {
        let mut file = open(&path)?;
        match file.try_lock() {
            Ok(()) => {}
            Err(TryLockError::WouldBlock) => {
                let mut text = String::new();
                let _ = file.read_to_string(&mut text);
                return Err(LockProblem::Held { pid: text.trim().parse().ok() });
            }
            // A file system without locks (some network folders): run unguarded.
            Err(TryLockError::Error(e)) if e.kind() == io::ErrorKind::Unsupported => {}
            Err(TryLockError::Error(e)) => return Err(e.into()),
        }
        if is_same_file(&file, &path) {
            file.set_len(0)?;
            file.rewind()?;
            writeln!(file, "{}", std::process::id())?;
            return Ok(SessionLock { file, path });
        }
    }
    Err(io::Error::other("the lock file keeps changing").into())
}

impl SessionLock {
    #[cfg(test)]
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The file we hold locked is still the lock file at its path: not removed, nor its
    /// folder removed and made again.
    pub fn is_in_place(&self) -> bool {
        is_same_file(&self.file, &self.path)
    }
}

impl Drop for SessionLock {
    fn drop(&mut self) {
        // Removed while still locked, so nobody can lock the old file and believe it
        // current; and only if it is still ours, never another referent's lock file.
        if self.is_in_place() {
            let _ = fs::remove_file(&self.path);
        }
        let _ = self.file.unlock();
    }
}

/// The lock file, made if need be; never through a link planted in its place (the lock
/// file is written to: the file it points to would be).
fn open(path: &Path) -> io::Result<File> {
    open_plain(private(OpenOptions::new().read(true).write(true).create(true).truncate(false)), path)
}

/// The file we hold is still the one at `path`.
fn is_same_file(file: &File, path: &Path) -> bool {
    match (file.metadata(), fs::metadata(path)) {
        (Ok(a), Ok(b)) => file_id(&a) == file_id(&b),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_second_lock_is_refused_and_names_the_holder() {
        let dir = tempfile::tempdir().unwrap();
        let session = dir.path().join("møte.session.ron");
        let first = acquire(&session).unwrap();
        assert_eq!(first.path(), dir.path().join("møte.session.ron.lock"));
        let written = fs::read_to_string(first.path()).unwrap();
        assert_eq!(written, format!("{}\n", std::process::id()));
        match acquire(&session) {
            Err(LockProblem::Held { pid }) => assert_eq!(pid, Some(std::process::id())),
            other => panic!("expected the lock to be held, got {other:?}"),
        }
        drop(first);
        assert!(!dir.path().join("møte.session.ron.lock").exists(), "removed on the way out");
        assert!(acquire(&session).is_ok(), "free again");
    }

    #[test]
    fn a_stale_lock_file_is_taken_over() {
        let dir = tempfile::tempdir().unwrap();
        let session = dir.path().join("møte.session.ron");
        // A referent that was killed leaves its file, but no lock.
        fs::write(lock_path(&session), "4194303\nrest of an old and longer file\n").unwrap();
        let lock = acquire(&session).unwrap();
        assert_eq!(fs::read_to_string(lock.path()).unwrap(), format!("{}\n", std::process::id()));
    }

    /// A link planted where the lock file goes is not followed: the file it points to
    /// stays as it was, and the lock is refused, saying so.
    #[test]
    fn a_link_at_the_lock_file_is_refused_never_followed() {
        let dir = tempfile::tempdir().unwrap();
        let session = dir.path().join("møte.session.ron");
        let victim = dir.path().join("victim");
        fs::write(&victim, "keep me").unwrap();
        std::os::unix::fs::symlink(&victim, lock_path(&session)).unwrap();
        match acquire(&session) {
            Err(LockProblem::Io(e)) => assert!(crate::store::is_link_refused(&e), "{e}"),
            other => panic!("expected a refusal, got {other:?}"),
        }
        assert_eq!(fs::read_to_string(&victim).unwrap(), "keep me");
        // Nor a named pipe: never waited on.
        fs::remove_file(lock_path(&session)).unwrap();
        let made = std::process::Command::new("mkfifo").arg(lock_path(&session)).status().unwrap();
        assert!(made.success());
        assert!(matches!(acquire(&session), Err(LockProblem::Io(_))));
    }

    #[test]
    fn an_unwritable_folder_is_an_error() {
        let session = Path::new("/proc/referent-no-such-folder/møte.session.ron");
        assert!(matches!(acquire(session), Err(LockProblem::Io(_))));
    }
}
