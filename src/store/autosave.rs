//! Autosave: the one owner of a live session's files. It holds the path, the lock, the
//! journal, the file as our last write left it and the session as written; the live loop
//! hands it each change (`record`) before the change is drawn. Small changes go to the
//! journal, the rest (and the journal, now and then) into the session file whole; a
//! failure is kept and retried, never fatal; a session file replaced by another program
//! is never overwritten; `move_to` saves elsewhere.

use std::path::{Path, PathBuf};
use std::time::Duration;

use super::agenda_file::ReadError;
use super::fold::{Fold, Step};
use super::journal::Journal;
use super::lock::{self, LockProblem, SessionLock};
use super::session_file::{self, LaterEntries, OnDisk};
use crate::domain::agenda::Item;
use crate::domain::change::{self, Change};
use crate::domain::command::{Changes, Touched};
use crate::domain::session::Session;

/// How bytes reach the disk; tests put a failing writer here.
pub type Writer = fn(&Path, &[u8]) -> std::io::Result<()>;

/// Past this size the journal is folded into the session file at the next change (off
/// the live loop, as when idle).
const JOURNAL_LIMIT: u64 = 4 << 20;
/// After this long without a key, pending journal lines are folded into the session file.
pub const FOLD_WHEN_IDLE: Duration = Duration::from_secs(3);

/// Whether what is in memory is on disk.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SaveState {
    Saved,
    Failed(Failure),
}

/// Why the session is not saved, or cannot be saved at another place.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Failure {
    /// Another program replaced the session file since our last write.
    Replaced,
    /// Another referent holds the place (its process id).
    Held(Option<u32>),
    /// What the system said.
    Io(String),
}

impl From<std::io::Error> for Failure {
    fn from(e: std::io::Error) -> Failure {
        Failure::Io(e.to_string())
    }
}

pub struct Autosave {
    path: PathBuf,
    /// This process's lock on the session file, moved along when saving elsewhere.
    lock: Option<SessionLock>,
    journal: Option<Journal>,
    /// The session file as our last write left it.
    on_disk: Option<OnDisk>,
    /// The session as the session file and its journal hold it (taken after the first
    /// frame: a large session shows a few milliseconds sooner).
    written: Option<Session>,
    written_pending: bool,
    /// The notes a first look at a large session left out, still being read: nothing is
    /// written until they are in.
    later: Option<LaterEntries>,
    /// What is wrong with the session file, found after its first look: nothing of this
    /// session is ever written then.
    unreadable: bool,
    state: SaveState,
    write: Writer,
    /// The lock was lost to another referent: this one writes nothing more to the session.
    taken_by: Option<LostTo>,
    /// The session being written whole on a thread of its own, when it is.
    fold: Option<Fold>,
    /// The last fold's mark in the journal.
    marks: u32,
}

/// Another referent that took the lock of this session (its process id, if it said).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct LostTo(Option<u32>);

impl Autosave {
    /// Saving to the session file at `path` as it is on disk now, with its lock and its
    /// journal (already replayed), and the notes a first look left to read.
    pub fn new(
        path: PathBuf,
        lock: Option<SessionLock>,
        journal: Option<Journal>,
        later: Option<LaterEntries>,
    ) -> Self {
        let on_disk = session_file::on_disk(&path);
        Autosave {
            path,
            lock,
            journal,
            on_disk,
            written: None,
            written_pending: true,
            later,
            unreadable: false,
            state: SaveState::Saved,
            write: super::atomic::write,
            taken_by: None,
            fold: None,
            marks: 0,
        }
    }

    /// Saving to `path`, where nothing has been written yet: the first `record` writes
    /// the session whole. No lock, no journal (tests and benches).
    pub fn unlocked(path: PathBuf) -> Self {
        let mut autosave = Autosave::new(path, None, None, None);
        autosave.written_pending = false;
        autosave
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    pub fn state(&self) -> &SaveState {
        &self.state
    }

    /// How bytes reach the disk from now on (tests: a disk that fails).
    pub fn set_writer(&mut self, write: Writer) {
        self.write = write;
    }

    /// Puts in the notes a first look left out (after the first frame, before the first
    /// key), then takes the copy of the session as the file and journal hold it. When
    /// the notes do not read, nothing of this session is ever written, and the reason is
    /// returned.
    pub fn finish_reading(&mut self, session: &mut Session) -> Result<(), ReadError> {
        if let Some(later) = self.later.take()
            && let Err(e) = later.finish(session)
        {
            self.unreadable = true;
            return Err(e);
        }
        if std::mem::take(&mut self.written_pending) {
            self.written = Some(session.clone());
        }
        Ok(())
    }

    /// Records what commands changed in `session`, as a line or a few in the journal:
    /// typing into a draft as the edit it made to the text as written, a change on one sak
    /// as that sak's record, a change to the agenda, the walk or the attendance as the
    /// commands that made it (replayed, they do it again), anything else by comparing with
    /// the session as written. The session is written whole when the journal cannot take
    /// it (no journal, a full one, a failing disk), and when idle (`tick`).
    pub fn record(&mut self, session: &Session, changes: Changes) -> &SaveState {
        let recorded = |item: usize| session.record_of(item);
        let written = |item: usize| self.written.as_ref().and_then(|w| w.agenda.items.get(item)).map(Item::record);
        let known = match changes.touched {
            Touched::Nothing => return &self.state,
            Touched::Draft(item) => recorded(item).map(|r| {
                vec![change::typed_note(item, written(item).and_then(|w| w.draft.as_ref()), r.draft.as_ref())]
            }),
            Touched::VedtakDraft(item) => recorded(item).map(|r| {
                let before = written(item).and_then(|w| w.vedtak_draft.as_ref());
                vec![change::typed_vedtak(item, before, r.vedtak_draft.as_ref())]
            }),
            Touched::Item(item) => recorded(item).map(|r| vec![Change::Item { item, record: r.clone() }]),
            Touched::Everything => changes
                .commands
                .map(|commands| commands.into_iter().map(|(command, at)| Change::Applied { command, at }).collect()),
        };
        let result = self.write_changes(session, known);
        self.settle(result)
    }

    /// Saves whatever differs from what is written (after a retry is due, or to be sure).
    pub fn save(&mut self, session: &Session) -> &SaveState {
        let result = self.write_changes(session, None);
        self.settle(result)
    }

    /// Every second: what the journal got goes to the device; after `idle` without a key
    /// the journal is folded into the session file; a failing save is retried.
    pub fn tick(&mut self, session: &Session, idle: Duration) -> &SaveState {
        self.keep_lock();
        if let Some(journal) = &mut self.journal
            && let Err(e) = journal.sync()
        {
            tracing::warn!("{}: the journal did not sync: {e}", self.path.display());
        }
        self.poll_fold();
        let pending = self.journal.as_ref().is_some_and(Journal::has_changes);
        if matches!(self.state, SaveState::Failed(_)) {
            // A retry, in the live loop: a failing disk answers quickly.
            let result = self.fold(session);
            self.settle(result);
        } else if pending && idle >= FOLD_WHEN_IDLE {
            self.start_fold();
        }
        &self.state
    }

    /// On quit: everything into the session file, and the journal gone.
    pub fn close(&mut self, session: &Session) -> &SaveState {
        if !self.complete() {
            return &self.state;
        }
        let result = self.fold(session);
        if result.is_ok()
            && let Some(journal) = self.journal.take()
            && let Err(e) = journal.remove()
        {
            tracing::warn!("{}: the journal stays: {e}", self.path.display());
        }
        self.settle(result)
    }

    /// Gives up the session: the journal goes, nothing is written (a session that did
    /// not read past its first look).
    pub fn abandon(&mut self) {
        self.end_fold();
        if let Some(journal) = self.journal.take() {
            let _ = journal.remove();
        }
    }

    /// Saves the session at `target` from now on (a folder gets the session's file name,
    /// `~/` is the home folder): where it went, or why not.
    pub fn move_to(&mut self, session: &Session, target: &str) -> Result<PathBuf, Failure> {
        self.end_fold();
        let path = self.elsewhere_path(target);
        let new_lock = if path == self.path {
            None
        } else {
            match lock::acquire(&path) {
                Ok(l) => Some(l),
                Err(LockProblem::Held { pid }) => return Err(Failure::Held(pid)),
                Err(LockProblem::Io(e)) => return Err(e.into()),
            }
        };
        // Chosen by hand, so written even over a file that was replaced under us.
        let (old_path, old_disk) = (std::mem::replace(&mut self.path, path), self.on_disk.take());
        // (A session lost to another referent may still be saved elsewhere.)
        let taken = if self.path == old_path { self.taken_by } else { self.taken_by.take() };
        if let Err(e) = self.fold(session) {
            (self.path, self.on_disk, self.taken_by) = (old_path, old_disk, taken);
            return Err(e);
        }
        tracing::info!("{}: saved elsewhere, at {}", old_path.display(), self.path.display());
        if old_path != self.path
            && let Err(e) = session_file::leave_pointer(&old_path, &self.path)
        {
            tracing::warn!("{}: no note of where the session went: {e}", old_path.display());
        }
        if let Some(l) = new_lock {
            self.lock = Some(l);
        }
        self.state = SaveState::Saved;
        Ok(self.path.clone())
    }

    /// What to offer when asking where to save: the session's file name in the home folder.
    pub fn suggestion(&self) -> String {
        let name = self.path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
        match std::env::var("HOME") {
            Ok(home) if !home.is_empty() => Path::new(&home).join(name).display().to_string(),
            _ => name,
        }
    }

    fn elsewhere_path(&self, target: &str) -> PathBuf {
        let target = target.trim();
        let target = if target.is_empty() { self.suggestion() } else { target.to_string() };
        let mut path = match (target.strip_prefix("~/"), std::env::var("HOME")) {
            (Some(rest), Ok(home)) => Path::new(&home).join(rest),
            _ => PathBuf::from(&target),
        };
        if path.is_dir() {
            path = path.join(self.path.file_name().unwrap_or_default());
        }
        path
    }

    fn settle(&mut self, result: Result<(), Failure>) -> &SaveState {
        let failing = matches!(self.state, SaveState::Failed(_));
        self.state = match result {
            Ok(()) => {
                if failing {
                    tracing::info!("{}: saved again", self.path.display());
                }
                SaveState::Saved
            }
            Err(reason) => {
                if !failing {
                    tracing::warn!("{}: not saved: {reason:?}", self.path.display());
                }
                SaveState::Failed(reason)
            }
        };
        &self.state
    }

    /// Writes what changed since the last save: `known`, or what comparing with the
    /// written session finds. Into the journal while the session file and the journal
    /// are where we left them; else (and while saving fails) the whole session.
    fn write_changes(&mut self, session: &Session, known: Option<Vec<Change>>) -> Result<(), Failure> {
        if !self.complete() {
            return Ok(());
        }
        if let Some(LostTo(pid)) = self.taken_by {
            return Err(Failure::Held(pid));
        }
        let file = session_file::on_disk(&self.path);
        // (A fold that was let write replaces the file itself; it checked it first.)
        let ours = self.fold.as_ref().is_some_and(Fold::went);
        if session_file::replaced(self.on_disk, file) && !ours {
            return Err(Failure::Replaced);
        }
        let failing = matches!(self.state, SaveState::Failed(_));
        if let (Some(written), Some(journal), Some(_), false) = (&mut self.written, &mut self.journal, file, failing)
            && journal.is_in_place()
            && let Some(changes) = known.or_else(|| change::changes(written, session))
        {
            for c in changes {
                journal.append(&c)?;
                if let Some(fold) = &mut self.fold {
                    fold.since.push(c.clone());
                }
                if !change::apply(written, c) {
                    // What the journal holds is not what is in memory: the file says it.
                    tracing::warn!("{}: a change did not apply to the session as written", self.path.display());
                    return self.write_whole(session);
                }
            }
            if journal.len >= JOURNAL_LIMIT {
                self.start_fold();
            }
            return Ok(());
        }
        self.write_whole(session)
    }

    /// The lock file went (the session's folder removed and made again, say): taken again,
    /// or, when another referent has taken it meanwhile, nothing more is written here.
    fn keep_lock(&mut self) {
        if self.taken_by.is_some() || self.lock.as_ref().is_none_or(SessionLock::is_in_place) {
            return;
        }
        match lock::acquire(&self.path) {
            Ok(lock) => {
                tracing::warn!("{}: the lock file went; taken again", self.path.display());
                self.lock = Some(lock);
            }
            Err(LockProblem::Held { pid }) => {
                tracing::error!(
                    "{}: the lock went and another referent has it: nothing more is written",
                    self.path.display()
                );
                self.taken_by = Some(LostTo(pid));
                self.state = SaveState::Failed(Failure::Held(pid));
                // (A fold still waiting to write is called off.)
                self.end_fold();
            }
            Err(LockProblem::Io(e)) => {
                tracing::warn!("{}: the lock went and cannot be taken again: {e}", self.path.display());
            }
        }
    }

    /// Whether the session in memory is all there is: not while the notes left out by a
    /// first look are being read, nor when they turned out not to read (nothing can
    /// have changed then, and writing would lose them).
    fn complete(&self) -> bool {
        self.later.is_none() && !self.unreadable
    }

    /// Begins writing the session whole on a thread of its own (the journal says where it
    /// began); the live loop goes on meanwhile, and `poll_fold` takes it further. What it
    /// writes is the session as the file and the journal hold it, to the line: a change
    /// not yet recorded is not in it, and goes to the journal after the mark.
    fn start_fold(&mut self) {
        if self.fold.is_some() || !self.complete() || self.taken_by.is_some() {
            return;
        }
        let (Some(journal), Some(written)) = (&mut self.journal, &self.written) else { return };
        let mark = self.marks.wrapping_add(1);
        if let Err(e) = journal.folding_from(mark) {
            tracing::warn!("{}: the journal did not take the start of a fold: {e}", self.path.display());
            return;
        }
        self.marks = mark;
        self.fold = Some(Fold::start(self.path.clone(), written.clone(), self.on_disk, self.write, mark));
    }

    /// Takes a fold under way a step further, as far as its thread has come: its text
    /// ready, the journal says which file is coming and lets it write; the file written,
    /// the journal starts anew with the changes made meanwhile.
    fn poll_fold(&mut self) {
        while let Some(fold) = &mut self.fold
            && let Some(step) = fold.poll()
        {
            match step {
                Step::Ready { len, hash } => {
                    let said = match (&mut self.journal, self.taken_by) {
                        (Some(journal), None) => journal.folded_from(len, hash, fold.mark).map_err(|e| e.to_string()),
                        _ => Err("the journal or the lock went".into()),
                    };
                    match said {
                        Ok(()) => fold.go(),
                        Err(e) => {
                            tracing::warn!("{}: a fold called off: {e}", self.path.display());
                            self.end_fold();
                        }
                    }
                }
                Step::Written(Ok(disk)) => {
                    let Some(mut fold) = self.fold.take() else { return };
                    let (since, ready) = (std::mem::take(&mut fold.since), fold.ready);
                    fold.end();
                    self.on_disk = disk;
                    if let Some((len, hash)) = ready {
                        self.journal = match Journal::start_after(&self.path, len, hash, &since) {
                            Ok(j) => Some(j),
                            Err(e) => {
                                tracing::warn!("{}: no journal: {e}", self.path.display());
                                None
                            }
                        };
                    }
                    self.settle(Ok(()));
                }
                Step::Written(Err(reason)) => {
                    self.end_fold();
                    self.settle(Err(reason));
                }
            }
        }
    }

    /// Ends a fold under way before the session is written whole in the live loop: one
    /// still waiting is called off, one writing waited for.
    fn end_fold(&mut self) {
        if let Some(fold) = self.fold.take()
            && let Some(disk) = fold.end()
        {
            self.on_disk = Some(disk);
        }
    }

    /// Writes the whole session to its file, unless another program replaced the file.
    fn fold(&mut self, session: &Session) -> Result<(), Failure> {
        self.end_fold();
        if let Some(LostTo(pid)) = self.taken_by {
            return Err(Failure::Held(pid));
        }
        if session_file::replaced(self.on_disk, session_file::on_disk(&self.path)) {
            return Err(Failure::Replaced);
        }
        self.write_whole(session)
    }

    /// Writes the whole session to its file and starts a fresh journal on it.
    fn write_whole(&mut self, session: &Session) -> Result<(), Failure> {
        self.end_fold();
        if !self.complete() {
            return Ok(());
        }
        if let Some(LostTo(pid)) = self.taken_by {
            // Another referent has the session now: writing would go over its work.
            return Err(Failure::Held(pid));
        }
        let text = session_file::to_text(session);
        if let Some(journal) = &mut self.journal
            && let Err(e) = journal.folding(text.as_bytes())
        {
            tracing::warn!("{}: the journal did not take the fold: {e}", self.path.display());
        }
        (self.write)(&self.path, text.as_bytes())?;
        self.on_disk = session_file::on_disk(&self.path);
        self.written = Some(session.clone());
        self.written_pending = false;
        self.journal = match Journal::start(&self.path, text.as_bytes()) {
            Ok(j) => Some(j),
            Err(e) => {
                // Every change is then written whole: slower, as safe.
                tracing::warn!("{}: no journal: {e}", self.path.display());
                None
            }
        };
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::agenda::SakKind;
    use crate::domain::command::Command;
    use crate::domain::notes::NoteKind;
    use crate::domain::time::Stamp;
    use crate::store::{agenda_file, journal};

    fn at() -> Stamp {
        Stamp::parse("2025-06-03 10:00:00").unwrap()
    }

    fn seed() -> Session {
        let agenda = agenda_file::parse(include_str!("../../agendas/normen-2025-06-03.ron")).unwrap().agenda;
        Session::new(agenda)
    }

    /// A session saved once in `dir`, and its autosave.
    fn saved(dir: &Path) -> (Session, Autosave) {
        let session = seed();
        let mut autosave = Autosave::unlocked(dir.join("møte.session.ron"));
        assert_eq!(autosave.save(&session), &SaveState::Saved);
        (session, autosave)
    }

    /// `command` applied to `session`: what the app hands its autosave.
    fn apply(session: &mut Session, command: Command) -> Changes {
        let mut changes = Changes::default();
        let applied = session.apply(command.clone(), at()).unwrap();
        changes.applied(command, at(), applied.touched);
        changes
    }

    fn disk_full(_: &Path, _: &[u8]) -> std::io::Result<()> {
        Err(std::io::Error::new(std::io::ErrorKind::StorageFull, "disken er full"))
    }

    /// What a restart after a crash would read: the file, and its journal.
    fn after_a_crash(path: &Path) -> Session {
        let text = std::fs::read_to_string(path).unwrap();
        let mut back = session_file::parse(&text).unwrap();
        journal::replay(path, text.as_bytes(), &mut back).unwrap();
        back
    }

    #[test]
    fn a_failing_save_is_kept_retried_and_leaves_the_file_alone() {
        let dir = tempfile::tempdir().unwrap();
        let (mut session, mut autosave) = saved(dir.path());
        let before = std::fs::read_to_string(autosave.path()).unwrap();
        autosave.set_writer(disk_full);
        session.apply(Command::Next, at()).unwrap();
        // (As after undo: the session whole, compared with what is written.)
        let mut changes = Changes::default();
        changes.replaced();
        assert_eq!(autosave.record(&session, changes), &SaveState::Failed(Failure::Io("disken er full".into())));
        assert_eq!(std::fs::read_to_string(autosave.path()).unwrap(), before, "the file on disk is untouched");
        // The disk has room again: the next retry saves everything held in memory.
        autosave.set_writer(crate::store::atomic::write);
        assert_eq!(autosave.tick(&session, Duration::ZERO), &SaveState::Saved);
        assert!(std::fs::read_to_string(autosave.path()).unwrap().contains("current: 0,"));
    }

    #[test]
    fn a_session_file_removed_while_typing_is_written_anew_before_the_journal_is_used() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("møte.session.ron");
        let mut session = seed();
        session_file::save(&path, &session).unwrap();
        let base = std::fs::read(&path).unwrap();
        let journal = Journal::start(&path, &base).unwrap();
        let mut autosave = Autosave::new(path.clone(), Some(lock::acquire(&path).unwrap()), Some(journal), None);
        autosave.finish_reading(&mut session).unwrap();
        let touched = apply(&mut session, Command::Next);
        autosave.record(&session, touched);
        let touched = apply(&mut session, Command::OpenDraft(0));
        autosave.record(&session, touched);
        std::fs::remove_file(&path).unwrap();
        let typed = Command::WriteDraft { item: 0, text: "Ny".into(), kind: NoteKind::Comment, speaker: None };
        let touched = apply(&mut session, typed);
        assert_eq!(autosave.record(&session, touched), &SaveState::Saved);
        assert_eq!(after_a_crash(&path), session);
    }

    #[test]
    fn typing_and_a_note_filed_go_to_the_journal_and_read_back() {
        let dir = tempfile::tempdir().unwrap();
        let (mut session, mut autosave) = saved(dir.path());
        for command in [
            Command::Next,
            Command::OpenDraft(0),
            Command::WriteDraft { item: 0, text: "Vel".into(), kind: NoteKind::Comment, speaker: None },
            Command::WriteDraft { item: 0, text: "Velkommen".into(), kind: NoteKind::Comment, speaker: None },
            Command::CommitDraft(0),
            Command::SetVotes { item: 0, index: 0, votes: None },
        ] {
            if let Ok(applied) = session.apply(command.clone(), at()) {
                let mut changes = Changes::default();
                changes.applied(command, at(), applied.touched);
                autosave.record(&session, changes);
            }
        }
        assert!(journal::journal_path(autosave.path()).exists());
        assert_eq!(after_a_crash(autosave.path()), session);
        assert_eq!(autosave.close(&session), &SaveState::Saved);
        assert!(!journal::journal_path(autosave.path()).exists());
        assert_eq!(session_file::load(autosave.path()).unwrap(), session);
    }

    /// A disk that writes only once the test opens the gate (`GATE`): a fold that the
    /// live loop waited for would never come back while it is shut.
    static GATE: std::sync::Mutex<bool> = std::sync::Mutex::new(false);
    static OPENED: std::sync::Condvar = std::sync::Condvar::new();
    static WRITING: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);

    fn gated(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
        WRITING.store(true, std::sync::atomic::Ordering::SeqCst);
        let mut open = GATE.lock().unwrap();
        while !*open {
            open = OPENED.wait(open).unwrap();
        }
        drop(open);
        crate::store::atomic::write(path, bytes)
    }

    fn typed(session: &mut Session, text: &str) -> Changes {
        apply(session, Command::WriteDraft { item: 0, text: text.into(), kind: NoteKind::Comment, speaker: None })
    }

    #[test]
    fn a_fold_runs_beside_the_keys_and_what_is_typed_meanwhile_is_kept_at_every_step() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("møte.session.ron");
        let mut session = seed();
        crate::store::session_file::save(&path, &session).unwrap();
        let base = std::fs::read(&path).unwrap();
        let journal = Journal::start(&path, &base).unwrap();
        let mut autosave = Autosave::new(path.clone(), None, Some(journal), None);
        autosave.finish_reading(&mut session).unwrap();
        for command in [Command::Next, Command::OpenDraft(0)] {
            let changes = apply(&mut session, command);
            autosave.record(&session, changes);
        }
        let changes = typed(&mut session, "Før folden");
        autosave.record(&session, changes);
        autosave.set_writer(gated);
        // (Should a key wait for the disk, the gate is opened after a while and the test
        // says so, rather than waiting for ever.)
        static LATE: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);
        std::thread::spawn(|| {
            std::thread::sleep(Duration::from_secs(20));
            LATE.store(true, std::sync::atomic::Ordering::SeqCst);
            *GATE.lock().unwrap() = true;
            OPENED.notify_all();
        });
        // Idle: the fold begins, and the live loop is back at once.
        autosave.tick(&session, FOLD_WHEN_IDLE);
        assert!(autosave.fold.is_some(), "a fold under way");
        // Its text ready, the journal says which file comes and lets it write.
        while !WRITING.load(std::sync::atomic::Ordering::SeqCst) {
            autosave.tick(&session, Duration::ZERO);
            std::thread::sleep(Duration::from_millis(5));
        }
        // The disk holds the fold at the gate; the keys go on.
        let changes = typed(&mut session, "Før folden, og mens den skrives");
        assert_eq!(autosave.record(&session, changes), &SaveState::Saved);
        assert!(!LATE.load(std::sync::atomic::Ordering::SeqCst), "the key waited for the disk");
        let written = session.clone();
        // A crash now: the old file and the journal hold it all.
        assert_eq!(after_a_crash(&path), written);
        let before = session_file::on_disk(&path);
        *GATE.lock().unwrap() = true;
        OPENED.notify_all();
        // The fold's file in place, not yet taken in by the live loop: a key then is
        // saved as ever, not taken for another program's doing.
        while session_file::on_disk(&path) == before {
            std::thread::sleep(Duration::from_millis(5));
        }
        let changes = typed(&mut session, "Før folden, og mens den skrives!");
        assert_eq!(autosave.record(&session, changes), &SaveState::Saved);
        let written = session.clone();
        while autosave.fold.is_some() {
            autosave.tick(&session, Duration::ZERO);
            std::thread::sleep(Duration::from_millis(5));
        }
        // The file has what came before the fold; the new journal what came after it.
        let file = session_file::load(&path).unwrap();
        assert_eq!(file.agenda.items[0].record().draft.as_ref().unwrap().note.text, "Før folden");
        assert_eq!(after_a_crash(&path), written);
        // And on from there, as ever.
        let changes = typed(&mut session, "Etter");
        autosave.record(&session, changes);
        assert_eq!(after_a_crash(&path), session);
        assert_eq!(autosave.close(&session), &SaveState::Saved);
        assert_eq!(session_file::load(&path).unwrap(), session);
    }

    #[test]
    fn a_fold_takes_the_session_as_written_so_a_change_not_yet_recorded_is_never_in_it_twice() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("møte.session.ron");
        let mut session = seed();
        crate::store::session_file::save(&path, &session).unwrap();
        let base = std::fs::read(&path).unwrap();
        let mut autosave = Autosave::new(path.clone(), None, Some(Journal::start(&path, &base).unwrap()), None);
        autosave.finish_reading(&mut session).unwrap();
        for command in [Command::Next, Command::OpenDraft(0)] {
            let changes = apply(&mut session, command);
            autosave.record(&session, changes);
        }
        let changes = typed(&mut session, "Skrevet");
        autosave.record(&session, changes);
        // A key made its change, the second ticks before it is recorded.
        let unrecorded = typed(&mut session, "Skrevet og så litt til");
        autosave.tick(&session, FOLD_WHEN_IDLE);
        autosave.record(&session, unrecorded);
        while autosave.fold.is_some() {
            autosave.tick(&session, Duration::ZERO);
            std::thread::sleep(Duration::from_millis(5));
        }
        assert_eq!(
            session_file::load(&path).unwrap().agenda.items[0].record().draft.as_ref().unwrap().note.text,
            "Skrevet"
        );
        assert_eq!(after_a_crash(&path), session);
    }

    #[test]
    fn the_walk_and_the_agenda_changing_go_to_the_journal_as_commands_and_replay() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("møte.session.ron");
        let mut session = seed();
        session_file::save(&path, &session).unwrap();
        let base = std::fs::read(&path).unwrap();
        let mut autosave = Autosave::new(path.clone(), None, Some(Journal::start(&path, &base).unwrap()), None);
        autosave.finish_reading(&mut session).unwrap();
        let mut before_break = session.clone();
        for command in [
            Command::Next,
            Command::AddSak { after: Some(0), title: "Ny sak".into(), kind: SakKind::Information },
            Command::MoveItem { item: 1, up: false },
            Command::AllPresent,
            Command::Next,
            Command::Break { title: "Pause".into() },
        ] {
            before_break = session.clone();
            let changes = apply(&mut session, command);
            assert_eq!(autosave.record(&session, changes), &SaveState::Saved);
        }
        assert_eq!(std::fs::read(&path).unwrap(), base, "the session file is not written anew on the key path");
        assert_eq!(after_a_crash(&path), session);
        // Undo replaces the session (here the break undone): what changed is found by
        // comparing, or written whole.
        let mut changes = Changes::default();
        changes.replaced();
        session = before_break;
        assert_eq!(autosave.record(&session, changes), &SaveState::Saved);
        assert_eq!(after_a_crash(&path), session);
    }

    #[test]
    fn a_file_replaced_by_another_program_is_not_overwritten() {
        let dir = tempfile::tempdir().unwrap();
        let (mut session, mut autosave) = saved(dir.path());
        std::fs::write(autosave.path(), "Session(format: 1) // edited elsewhere\n").unwrap();
        let touched = apply(&mut session, Command::Next);
        assert_eq!(autosave.record(&session, touched), &SaveState::Failed(Failure::Replaced));
        assert_eq!(std::fs::read_to_string(autosave.path()).unwrap(), "Session(format: 1) // edited elsewhere\n");
    }

    /// The session's folder is removed and made again under a running meeting: the lock is
    /// taken again; if another referent took it first, this one writes nothing more.
    #[test]
    fn a_lock_lost_with_its_folder_is_taken_again_or_given_up() {
        let root = tempfile::tempdir().unwrap();
        let folder = root.path().join("møte");
        std::fs::create_dir(&folder).unwrap();
        let path = folder.join("møte.session.ron");
        let mut session = seed();
        session_file::save(&path, &session).unwrap();
        let mut autosave = Autosave::new(path.clone(), Some(lock::acquire(&path).unwrap()), None, None);
        autosave.finish_reading(&mut session).unwrap();
        std::fs::remove_dir_all(&folder).unwrap();
        std::fs::create_dir(&folder).unwrap();
        autosave.tick(&session, Duration::ZERO);
        let held = std::fs::read_to_string(lock::lock_path(&path)).unwrap();
        assert_eq!(held.trim(), std::process::id().to_string(), "taken again");
        assert!(matches!(lock::acquire(&path), Err(LockProblem::Held { .. })), "a second referent is refused");

        // Again, and this time another referent is quicker.
        std::fs::remove_dir_all(&folder).unwrap();
        std::fs::create_dir(&folder).unwrap();
        let other = lock::acquire(&path).unwrap();
        std::fs::write(&path, "the other referent's session").unwrap();
        assert!(matches!(autosave.tick(&session, Duration::ZERO), SaveState::Failed(Failure::Held(_))));
        let touched = apply(&mut session, Command::Next);
        assert!(matches!(autosave.record(&session, touched), SaveState::Failed(Failure::Held(_))));
        assert!(matches!(autosave.close(&session), SaveState::Failed(Failure::Held(_))));
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "the other referent's session", "never written over");
        drop(autosave);
        assert!(lock::lock_path(&path).exists(), "and its lock file is not removed");
        drop(other);
    }

    #[test]
    fn saving_elsewhere_moves_the_session_and_its_lock() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("møte.session.ron");
        let mut session = seed();
        let mut autosave = Autosave::new(path.clone(), Some(lock::acquire(&path).unwrap()), None, None);
        autosave.finish_reading(&mut session).unwrap();
        autosave.set_writer(disk_full);
        autosave.save(&session);
        autosave.set_writer(crate::store::atomic::write);
        let home = std::env::var("HOME").unwrap_or_default();
        assert_eq!(autosave.suggestion(), format!("{home}/møte.session.ron"));
        assert!(matches!(autosave.move_to(&session, "/finnes/ikke/møte.session.ron"), Err(Failure::Io(_))));
        assert_eq!(autosave.path(), path);
        let other = tempfile::tempdir().unwrap();
        let moved = other.path().join("møte.session.ron");
        assert_eq!(autosave.move_to(&session, &other.path().display().to_string()), Ok(moved.clone()));
        assert_eq!((autosave.path(), autosave.state()), (moved.as_path(), &SaveState::Saved));
        assert!(moved.exists());
        assert!(!lock::lock_path(&path).exists(), "the old lock is let go");
        assert!(lock::lock_path(&moved).exists(), "the new file is locked");
    }

    #[test]
    fn a_place_held_by_another_referent_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        let (session, mut autosave) = saved(dir.path());
        let other = tempfile::tempdir().unwrap();
        let target = other.path().join("møte.session.ron");
        let _held = lock::acquire(&target).unwrap();
        let refused = autosave.move_to(&session, &target.display().to_string());
        assert_eq!(refused, Err(Failure::Held(Some(std::process::id()))));
        assert_eq!(autosave.path(), dir.path().join("møte.session.ron"));
    }
}
