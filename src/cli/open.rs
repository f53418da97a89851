//! `referent FILE`: open an agenda (new or resumed session) or a session, then run it live.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use super::check::diagnostic;
use crate::app::App;
use crate::domain::check::Severity;
use crate::domain::session::Session;
use crate::i18n::Words;
use crate::store::journal::{self, Journal, Replayed};
use crate::store::lock::{self, LockProblem, SessionLock};
use crate::store::session_file::{self, FileKind, LaterEntries};
use crate::store::{agenda_file, atomic};

/// A session opened for the live meeting: locked for this process, its journal open.
pub struct Opened {
    pub session: Session,
    pub path: PathBuf,
    pub lock: SessionLock,
    pub journal: Journal,
    /// What the journal came to, for the minute-taker: changes recovered, or a journal
    /// of another file set aside.
    pub notice: Option<String>,
    /// The notes still being read after a first look at a large session.
    pub later: Option<LaterEntries>,
}

/// Reads `file` (and an agenda's session, when it has one) as `open` would, and says what
/// is wrong with them or whether the session can be locked, but leaves everything as it
/// was: no journal, no session written, the lock let go at once. True when they would
/// open.
pub fn look(file: &Path, session_path: Option<PathBuf>, w: &Words, err: &mut impl Write) -> bool {
    let read = |file: &Path, err: &mut _| -> Option<FileKind> {
        let text = super::read_text(file, w, err)?;
        let name = file.display().to_string();
        let kind = session_file::kind_of(&text);
        match kind {
            FileKind::Session => super::parse_session(&name, text, w, err).map(|_| kind),
            FileKind::Agenda => checked_agenda(&name, &text, w, err).map(|_| kind),
        }
    };
    let session = match read(file, err) {
        None => return false,
        Some(FileKind::Session) => session_path.unwrap_or_else(|| file.to_path_buf()),
        Some(FileKind::Agenda) => {
            let session = session_path.unwrap_or_else(|| session_file::default_path(file));
            if session.exists() && read(&session, err).is_none() {
                return false;
            }
            session
        }
    };
    lock_session(&session, w, err).is_some()
}

/// The agenda in `text`, when it reads and `check` finds no errors; otherwise what is
/// wrong, written to `err`.
fn checked_agenda(name: &str, text: &str, w: &Words, err: &mut impl Write) -> Option<agenda_file::Checked> {
    let checked = match agenda_file::parse(text) {
        Ok(c) => c,
        Err(e) => {
            let _ = diagnostic(err, name, text, e.at, w.error, &(w.read_problem)(&e.what));
            return None;
        }
    };
    let errors: Vec<_> = checked.findings.iter().filter(|f| f.what.problem.severity() == Severity::Error).collect();
    if !errors.is_empty() {
        for f in &errors {
            let _ = diagnostic(err, name, text, f.at, w.error, &(w.problem)(&f.what.problem));
        }
        let _ = writeln!(err, "{name}: {}", (w.check_failed)(errors.len(), 0));
        return None;
    }
    Some(checked)
}

/// The session to run, where it is saved, and its lock; or the problems already written
/// to `err`.
pub fn open(file: &Path, session_path: Option<PathBuf>, w: &Words, err: &mut impl Write) -> Option<Opened> {
    open_following(file, session_path, w, err, 0)
}

/// `open`, following the note a session saved elsewhere left behind (`depth` notes so far).
fn open_following(
    file: &Path,
    session_path: Option<PathBuf>,
    w: &Words,
    err: &mut impl Write,
    depth: usize,
) -> Option<Opened> {
    let name = file.display().to_string();
    let read_at = session_file::on_disk(file);
    let text = super::read_text(file, w, err)?;
    // The session was saved elsewhere (Ctrl+S): that is where it goes on, unless a place
    // to save it is given.
    let beside = if session_file::kind_of(&text) == FileKind::Session {
        file.to_path_buf()
    } else {
        session_file::default_path(file)
    };
    let mut moved_notice = None;
    if session_path.is_none()
        && depth < 5
        && let Some(target) = session_file::moved_to(&beside)
    {
        if target.exists() {
            let mut opened = open_following(&target, None, w, err, depth + 1)?;
            let told = (w.session_moved)(&beside.display().to_string(), &target.display().to_string());
            opened.notice = Some(match opened.notice.take() {
                Some(more) => format!("{told} {more}"),
                None => told,
            });
            return Some(opened);
        }
        moved_notice = Some((w.session_moved_gone)(&target.display().to_string()));
    }
    let mut opened = open_here(file, &name, read_at, text, session_path, w, err)?;
    if let Some(told) = moved_notice {
        opened.notice = Some(match opened.notice.take() {
            Some(more) => format!("{told} {more}"),
            None => told,
        });
    }
    Some(opened)
}

/// `open` of `file` itself, whose text is `text` (read when it was at `read_at`).
fn open_here(
    file: &Path,
    name: &str,
    read_at: Option<session_file::OnDisk>,
    text: String,
    session_path: Option<PathBuf>,
    w: &Words,
    err: &mut impl Write,
) -> Option<Opened> {
    let name = name.to_string();
    if session_file::kind_of(&text) == FileKind::Session {
        let path = session_path.unwrap_or_else(|| file.to_path_buf());
        let lock = lock_session(&path, w, err)?;
        atomic::remove_stale_temps(&path);
        // Read again under the lock if the file changed since: its last holder may have
        // saved on the way out.
        let changed = path == file && session_file::on_disk(file) != read_at;
        let text = if changed { agenda_file::read_text(file).unwrap_or(text) } else { text };
        if path != file {
            // Saved elsewhere from the start: written there whole at once.
            let (session, _) = super::parse_session(&name, text, w, err)?;
            return continue_at(session, None, path, lock, w, err);
        }
        return open_session(&name, path, text, lock, w, err);
    }
    let checked = checked_agenda(&name, &text, w, err)?;
    let path = session_path.unwrap_or_else(|| session_file::default_path(file));
    let lock = lock_session(&path, w, err)?;
    atomic::remove_stale_temps(&path);
    if path.exists() {
        let text = super::read_text(&path, w, err)?;
        return open_session(&path.display().to_string(), path, text, lock, w, err);
    }
    let mut session = Session::new(checked.agenda);
    let notice = take_up_previous(&mut session, file, w);
    let mut opened = continue_at(session, None, path, lock, w, err)?;
    opened.notice = notice;
    Some(opened)
}

/// A new session of an agenda that names the meeting before: the follow-ups still open
/// there, taken up unmarked (the old session only read). Why they could not be, if so.
fn take_up_previous(session: &mut Session, agenda: &Path, w: &Words) -> Option<String> {
    let previous = session.agenda.previous.clone()?;
    match crate::store::folder::previous(agenda, &previous) {
        Ok(before) => {
            session.record.previous = crate::domain::next::open_followups(&before)
                .into_iter()
                .map(crate::domain::previous::TakenUp::from_open)
                .collect();
            None
        }
        Err(e) => Some((w.previous_unreadable)(&crate::domain::text::visible(&previous), &(w.read_problem)(&e.what))),
    }
}

/// Opens the session file `path` (called `name`), whose text is `text`, to go on with it.
/// With no journal to replay, a large session shows its first frame from a first look;
/// the notes of the saker not on screen are read meanwhile.
fn open_session(
    name: &str,
    path: PathBuf,
    text: String,
    lock: SessionLock,
    w: &Words,
    err: &mut impl Write,
) -> Option<Opened> {
    let no_journal = std::fs::metadata(journal::journal_path(&path)).map_or(true, |m| m.len() == 0);
    let text = Arc::new(text);
    if no_journal {
        match session_file::first_look(Arc::clone(&text), App::first_shown) {
            Some(Ok((session, later))) => {
                let mut opened = continue_at(session, Some(&text), path, lock, w, err)?;
                opened.later = Some(later);
                return Some(opened);
            }
            Some(Err(e)) => {
                let _ = diagnostic(err, name, &text, e.at, w.error, &(w.read_problem)(&e.what));
                return None;
            }
            None => {}
        }
    }
    let text = Arc::try_unwrap(text).unwrap_or_else(|shared| shared.as_ref().clone());
    let (session, text) = super::parse_session(name, text, w, err)?;
    continue_at(session, Some(&text), path, lock, w, err)
}

/// Goes on with `session` at `path`: when `base` is the text read from `path`, its journal
/// is replayed and continued; otherwise the session is written there whole first.
fn continue_at(
    mut session: Session,
    base: Option<&str>,
    path: PathBuf,
    lock: SessionLock,
    w: &Words,
    err: &mut impl Write,
) -> Option<Opened> {
    let cannot_save = |err: &mut dyn Write, e: std::io::Error| {
        let _ = writeln!(err, "{}: {}: {}", path.display(), w.error, (w.cannot_save)(&e.to_string()));
    };
    // (A terminal escape in a title is shown, never sent to the terminal: after the
    // journal too, below.)
    session.make_visible();
    let Some(base) = base else {
        let text = session_file::to_text(&session);
        let started = atomic::write(&path, text.as_bytes()).and_then(|()| Journal::start(&path, text.as_bytes()));
        return match started {
            Ok(journal) => Some(Opened { session, path, lock, journal, notice: None, later: None }),
            Err(e) => {
                cannot_save(err, e);
                None
            }
        };
    };
    let (journal, notice) = match journal::replay(&path, base.as_bytes(), &mut session) {
        Ok(Replayed::Applied(n)) => (Journal::resume(&path), (n > 0).then(|| (w.journal_replayed)(n))),
        Ok(Replayed::None) => (Journal::start(&path, base.as_bytes()), None),
        Ok(Replayed::Damaged { applied, skipped }) => {
            // Never appended to: kept whole beside the session, which is written anew with
            // what could be recovered, on a fresh journal.
            let aside = match journal::set_aside(&path) {
                Ok(aside) => aside,
                Err(e) => {
                    cannot_save(err, e);
                    return None;
                }
            };
            let text = session_file::to_text(&session);
            let started = atomic::write(&path, text.as_bytes()).and_then(|()| Journal::start(&path, text.as_bytes()));
            let notice = (w.journal_damaged)(applied, skipped, &aside.display().to_string());
            (started, Some(notice))
        }
        Ok(Replayed::Foreign) => match journal::set_aside(&path) {
            Ok(aside) => {
                (Journal::start(&path, base.as_bytes()), Some((w.journal_set_aside)(&aside.display().to_string())))
            }
            Err(e) => (Err(e), None),
        },
        Err(e) => (Err(e), None),
    };
    session.make_visible();
    match journal {
        Ok(journal) => Some(Opened { session, path, lock, journal, notice, later: None }),
        Err(e) => {
            cannot_save(err, e);
            None
        }
    }
}

fn lock_session(path: &Path, w: &Words, err: &mut impl Write) -> Option<SessionLock> {
    // A link where the session is to be written is neither followed nor replaced.
    if std::fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_symlink()) {
        let _ = writeln!(err, "{}: {}: {}", path.display(), w.error, w.session_is_link);
        return None;
    }
    match lock::acquire(path) {
        Ok(lock) => Some(lock),
        Err(LockProblem::Held { pid }) => {
            let _ = writeln!(err, "{}: {}: {}", path.display(), w.error, (w.session_in_use)(pid));
            None
        }
        Err(LockProblem::Io(e)) => {
            let shown = lock::lock_path(path).display().to_string();
            let why = if crate::store::is_link_refused(&e) {
                (w.lock_is_link)(&shown)
            } else {
                (w.cannot_lock)(&shown, &e.to_string())
            };
            let _ = writeln!(err, "{}: {}: {why}", path.display(), w.error);
            None
        }
    }
}
