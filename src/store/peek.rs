//! A session as it stands on disk, for a reader that only looks (`referent follow`,
//! `export`): the session file with its journal replayed onto it, read without the lock
//! and writing nothing (a foreign or damaged journal is left where it is, for the live
//! meeting to deal with).

use std::fs;
use std::path::{Path, PathBuf};

use super::agenda_file::{IoProblem, ReadError, ReadProblem};
use super::journal::{self, Replayed};
use super::session_file::{self, OnDisk};
use crate::domain::session::Session;

/// What a look at a session's place found.
#[derive(Debug)]
pub enum Look {
    /// The session, journal replayed, every text made visible.
    Session(Box<Session>),
    /// Nothing there (removed, or not yet written).
    Gone,
    /// Something there that is not a session that can be read.
    Unreadable(ReadError),
}

/// The journal beside the session at `path`, replayed onto `session` read from `text`.
/// Reads only: what cannot be replayed is logged and left as it is.
pub fn replay_journal(path: &Path, text: &str, session: &mut Session) -> Replayed {
    match journal::replay(path, text.as_bytes(), session) {
        Ok(replayed) => replayed,
        Err(e) => {
            tracing::warn!("{}: the journal was not read: {e}", path.display());
            Replayed::None
        }
    }
}

/// The session in `text`, read from `path`, with its journal replayed: what a meeting cut
/// off or still running holds, for a reader that only looks.
pub fn parse(path: &Path, text: &str) -> Result<Session, ReadError> {
    let mut session = session_file::parse(text)?;
    replay_journal(path, text, &mut session);
    Ok(session)
}

/// The session file as it was last read and parsed, to replay a journal that grew onto
/// without reading the whole file again.
#[derive(Default)]
pub struct Base {
    read: Option<(OnDisk, String, Session)>,
}

/// Reads the session at `path` as the live meeting has it now.
pub fn look(path: &Path) -> Look {
    look_again(path, &mut Base::default())
}

/// `look`, the session file read and parsed only when it changed since `base` was.
pub fn look_again(path: &Path, base: &mut Base) -> Look {
    match fs::metadata(path) {
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Look::Gone,
        Err(e) => return Look::Unreadable(ReadError { at: None, what: ReadProblem::Io(e.into()) }),
        // (A named pipe or a device would never end, or never start: not read.)
        Ok(m) if m.is_dir() => {
            return Look::Unreadable(ReadError { at: None, what: ReadProblem::Io(IoProblem::IsFolder) });
        }
        Ok(m) if !m.is_file() => {
            let what = ReadProblem::Io(IoProblem::Other("not a regular file".into()));
            return Look::Unreadable(ReadError { at: None, what });
        }
        Ok(_) => {}
    }
    // (Taken before the file is read: should it change meanwhile, the next look reads it.)
    let disk = session_file::on_disk(path);
    if base.read.as_ref().is_none_or(|(was, _, _)| Some(*was) != disk) {
        base.read = None;
        let text = match super::agenda_file::read_text(path) {
            Ok(text) => text,
            Err(e) if e.what == ReadProblem::Io(IoProblem::NotFound) => return Look::Gone,
            Err(e) => return Look::Unreadable(e),
        };
        let session = match session_file::parse(&text) {
            Ok(session) => session,
            Err(e) => return Look::Unreadable(e),
        };
        let Some(disk) = disk else { return Look::Gone };
        base.read = Some((disk, text, session));
    }
    let Some((_, text, session)) = &base.read else { return Look::Gone };
    // (A copy shares the notes of every sak the journal does not touch.)
    let mut session = session.clone();
    replay_journal(path, text, &mut session);
    session.make_visible();
    Look::Session(Box::new(session))
}

/// What the files of a session are now: when this changes, it is worth a new look.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Mark {
    session: Option<OnDisk>,
    journal: Option<OnDisk>,
    moved: Option<PathBuf>,
}

/// The mark of the session at `path` and its journal.
pub fn mark(path: &Path) -> Mark {
    Mark {
        session: session_file::on_disk(path),
        journal: session_file::on_disk(&journal::journal_path(path)),
        // (A note that is no plain file, a named pipe say, is never read: it could hang.)
        moved: fs::metadata(session_file::pointer_path(path))
            .is_ok_and(|m| m.is_file())
            .then(|| session_file::moved_to(path))
            .flatten(),
    }
}

impl Mark {
    /// Where the session went, when it was saved elsewhere and left a note saying so.
    pub fn moved(&self) -> Option<&Path> {
        self.moved.as_deref()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::command::{Changes, Command};
    use crate::domain::session::tests::{at, session};
    use crate::store::autosave::Autosave;

    fn files(dir: &Path) -> Vec<(String, Vec<u8>)> {
        let mut all: Vec<_> = fs::read_dir(dir)
            .unwrap()
            .map(|e| {
                let e = e.unwrap();
                (e.file_name().to_string_lossy().into_owned(), fs::read(e.path()).unwrap())
            })
            .collect();
        all.sort();
        all
    }

    #[test]
    fn a_look_sees_the_journal_and_writes_nothing() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("m.session.ron");
        let mut s = session();
        session_file::save(&path, &s).unwrap();
        let base = fs::read(&path).unwrap();
        let mut autosave =
            Autosave::new(path.clone(), None, Some(journal::Journal::start(&path, &base).unwrap()), None);
        autosave.finish_reading(&mut s).unwrap();
        let before = mark(&path);
        let applied = s.apply(Command::Next, at("10:00:00")).unwrap();
        let mut changes = Changes::default();
        changes.applied(Command::Next, at("10:00:00"), applied.touched);
        autosave.record(&s, changes);
        assert_ne!(mark(&path), before, "the journal grew");
        let on_disk = files(dir.path());
        let Look::Session(seen) = look(&path) else { panic!("a session") };
        assert_eq!(seen.record.current, Some(0), "the journal's change is seen");
        assert_eq!(files(dir.path()), on_disk, "nothing written, no lock taken");
    }

    #[test]
    fn a_note_that_is_a_named_pipe_is_not_read() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("m.session.ron");
        session_file::save(&path, &session()).unwrap();
        let pipe = session_file::pointer_path(&path);
        let made = std::process::Command::new("mkfifo").arg(&pipe).status().is_ok_and(|s| s.success());
        assert!(made, "mkfifo");
        assert_eq!(mark(&path).moved(), None);
        assert!(matches!(look(&path), Look::Session(_)));
    }

    #[test]
    fn a_session_removed_is_gone_and_a_broken_one_unreadable() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("m.session.ron");
        assert!(matches!(look(&path), Look::Gone));
        fs::write(&path, "Session(").unwrap();
        assert!(matches!(look(&path), Look::Unreadable(_)));
        fs::create_dir(dir.path().join("d.session.ron")).unwrap();
        let Look::Unreadable(e) = look(&dir.path().join("d.session.ron")) else { panic!("a folder") };
        assert_eq!(e.what, ReadProblem::Io(IoProblem::IsFolder));
    }

    #[test]
    fn a_journal_that_grew_is_replayed_onto_the_file_as_read_and_a_new_file_is_read_anew() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("m.session.ron");
        let mut s = session();
        session_file::save(&path, &s).unwrap();
        let text = fs::read(&path).unwrap();
        let mut autosave =
            Autosave::new(path.clone(), None, Some(journal::Journal::start(&path, &text).unwrap()), None);
        autosave.finish_reading(&mut s).unwrap();
        let mut kept = Base::default();
        let Look::Session(first) = look_again(&path, &mut kept) else { panic!("a session") };
        assert_eq!(first.record.current, None);
        let read = kept.read.as_ref().map(|(disk, _, _)| *disk);
        // A key in the live meeting: the journal grows, the file stays as it was read.
        for (command, clock) in [(Command::Next, "10:00:00"), (Command::Next, "10:05:00")] {
            let applied = s.apply(command.clone(), at(clock)).unwrap();
            let mut changes = Changes::default();
            changes.applied(command, at(clock), applied.touched);
            autosave.record(&s, changes);
        }
        let Look::Session(seen) = look_again(&path, &mut kept) else { panic!("a session") };
        assert_eq!(seen.record.current, Some(1), "both of the journal's changes, once each");
        assert_eq!(kept.read.as_ref().map(|(disk, _, _)| *disk), read, "the file not read again");
        // Folded: the file is new, and read anew.
        assert_eq!(autosave.close(&s), &crate::store::autosave::SaveState::Saved);
        let Look::Session(folded) = look_again(&path, &mut kept) else { panic!("a session") };
        assert_eq!(folded.record.current, Some(1));
        assert_ne!(kept.read.as_ref().map(|(disk, _, _)| *disk), read, "the new file read");
    }
}
