//! `referent FILE`: open an agenda (new or resumed session) or a session, then run it live.

use std::io::Write;
use std::path::{Path, PathBuf};

use super::check::diagnostic;
use crate::domain::check::Severity;
use crate::domain::session::Session;
use crate::i18n::Words;
use crate::store::agenda_file;
use crate::store::lock::{self, LockProblem, SessionLock};
use crate::store::session_file::{self, FileKind};

/// A session opened for the live meeting: locked for this process.
pub struct Opened {
    pub session: Session,
    pub path: PathBuf,
    pub lock: SessionLock,
}

/// The session to run, where it is saved, and its lock; or the problems already written
/// to `err`.
pub fn open(file: &Path, session_path: Option<PathBuf>, w: &Words, err: &mut impl Write) -> Option<Opened> {
    let name = file.display().to_string();
    let text = match agenda_file::read_text(file) {
        Ok(t) => t,
        Err(e) => {
            let _ = diagnostic(err, &name, "", e.at, w.error, &(w.read_problem)(&e.what));
            return None;
        }
    };
    if session_file::kind_of(&text) == FileKind::Session {
        let path = session_path.unwrap_or_else(|| file.to_path_buf());
        let lock = lock_session(&path, w, err)?;
        // Read again under the lock: the holder we waited for may have saved since.
        let text = if path == file { agenda_file::read_text(file).unwrap_or(text) } else { text };
        return match session_file::parse(&text) {
            Ok(session) => Some(Opened { session, path, lock }),
            Err(e) => {
                let _ = diagnostic(err, &name, &text, e.at, w.error, &(w.read_problem)(&e.what));
                None
            }
        };
    }
    let checked = match agenda_file::parse(&text) {
        Ok(c) => c,
        Err(e) => {
            let _ = diagnostic(err, &name, &text, e.at, w.error, &(w.read_problem)(&e.what));
            return None;
        }
    };
    let errors: Vec<_> = checked.findings.iter().filter(|f| f.what.problem.severity() == Severity::Error).collect();
    if !errors.is_empty() {
        for f in &errors {
            let _ = diagnostic(err, &name, &text, f.at, w.error, &(w.problem)(&f.what.problem));
        }
        let _ = writeln!(err, "{name}: {}", (w.check_failed)(errors.len(), 0));
        return None;
    }
    let path = session_path.unwrap_or_else(|| session_file::default_path(file));
    let lock = lock_session(&path, w, err)?;
    if path.exists() {
        let shown = path.display().to_string();
        return match session_file::load(&path) {
            Ok(session) => Some(Opened { session, path, lock }),
            Err(e) => {
                let text = agenda_file::read_text(&path).unwrap_or_default();
                let _ = diagnostic(err, &shown, &text, e.at, w.error, &(w.read_problem)(&e.what));
                None
            }
        };
    }
    let session = Session::new(checked.agenda);
    if let Err(e) = session_file::save(&path, &session) {
        let _ = writeln!(err, "{}: {}: {}", path.display(), w.error, (w.cannot_save)(&e.to_string()));
        return None;
    }
    Some(Opened { session, path, lock })
}

fn lock_session(path: &Path, w: &Words, err: &mut impl Write) -> Option<SessionLock> {
    match lock::acquire(path) {
        Ok(lock) => Some(lock),
        Err(LockProblem::Held { pid }) => {
            let _ = writeln!(err, "{}: {}: {}", path.display(), w.error, (w.session_in_use)(pid));
            None
        }
        Err(LockProblem::Io(e)) => {
            let shown = lock::lock_path(path).display().to_string();
            let _ = writeln!(err, "{}: {}: {}", path.display(), w.error, (w.cannot_lock)(&shown, &e.to_string()));
            None
        }
    }
}
