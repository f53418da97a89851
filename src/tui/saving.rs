//! Saving the live session after every change: small changes to the journal, the rest
//! (and the journal, now and then) into the session file; the red "not saved" state with
//! its reason, the retry, a session file replaced under us left alone, saving elsewhere.

use std::path::{Path, PathBuf};
use std::time::Duration;

use super::app::{App, SaveState};
use crate::domain::change::{self, Change};
use crate::domain::command::Touched;
use crate::store::journal::Journal;
use crate::store::lock::{self, LockProblem, SessionLock};
use crate::store::session_file;

/// How bytes reach the disk; tests put a failing writer here.
pub type Writer = fn(&Path, &[u8]) -> std::io::Result<()>;

/// Past this size the journal is folded into the session file at the next change.
const JOURNAL_LIMIT: u64 = 4 << 20;
/// After this long without a key, pending journal lines are folded into the session file.
pub const FOLD_WHEN_IDLE: Duration = Duration::from_secs(3);

impl App {
    /// Starts saving to the session file it was opened from: its lock, its journal (already
    /// replayed), and the file as it is on disk now.
    ///
    /// The copy of the session as written is taken after the first frame (see
    /// `remember_written`): a large session shows a few milliseconds sooner.
    pub fn attach(&mut self, lock: SessionLock, journal: Journal) {
        self.lock = Some(lock);
        self.journal = Some(journal);
        self.written = None;
        self.written_pending = true;
        self.on_disk = session_file::on_disk(&self.path);
    }

    /// Takes the copy of the session as the file and journal hold it, if `attach` left
    /// that for later. Nothing may have changed since `attach`.
    pub fn remember_written(&mut self) {
        if std::mem::take(&mut self.written_pending) {
            self.written = Some(self.session.clone());
        }
    }

    /// Saves what changed: a change on a sak or two (a keystroke in a note) as a line in
    /// the journal, anything else by writing the whole session anew. A failure is shown
    /// and retried, never fatal, and never truncates what is on disk. A file that another
    /// program replaced since our last write is not overwritten: the minute-taker is
    /// offered to save elsewhere.
    pub fn save(&mut self) {
        let result = self.write_changes(None);
        self.settle(result);
    }

    /// On quit: everything into the session file, and the journal gone.
    pub fn close(&mut self) {
        if !self.complete() {
            return;
        }
        let result = self.fold();
        if result.is_ok()
            && let Some(journal) = self.journal.take()
            && let Err(e) = journal.remove()
        {
            tracing::warn!("{}: the journal stays: {e}", self.path.display());
        }
        self.settle(result);
    }

    /// Every second: what the journal got goes to the device; after `idle` without a key
    /// the journal is folded into the session file.
    pub fn tick(&mut self, idle: Duration) {
        if let Some(journal) = &mut self.journal
            && let Err(e) = journal.sync()
        {
            tracing::warn!("{}: the journal did not sync: {e}", self.path.display());
        }
        let pending = self.journal.as_ref().is_some_and(Journal::has_changes);
        if (pending && idle >= FOLD_WHEN_IDLE) || matches!(self.saved, SaveState::Failed(_)) {
            let result = self.fold();
            self.settle(result);
        }
    }

    /// Saves after a change the app could name: typing into a draft goes to the journal
    /// as the edit it made to the text as written (no comparing of whole sessions);
    /// anything else as `save`.
    pub fn save_touched(&mut self, touched: Touched) {
        let now = &self.session.record.items;
        let before = self.written.as_ref().map(|w| &w.record.items);
        let change = match touched {
            Touched::Nothing => return,
            Touched::Draft(item) => now.get(item).map(|r| {
                let written = before.and_then(|b| b.get(item)).and_then(|r| r.draft.as_ref());
                change::typed_note(item, written, r.draft.as_ref())
            }),
            Touched::VedtakDraft(item) => now.get(item).map(|r| {
                let written = before.and_then(|b| b.get(item)).and_then(|r| r.vedtak_draft.as_ref());
                change::typed_vedtak(item, written, r.vedtak_draft.as_ref())
            }),
            Touched::Item(item) => now.get(item).map(|r| Change::Item { item, record: r.clone() }),
            Touched::Everything => None,
        };
        let result = self.write_changes(change);
        self.settle(result);
    }

    fn settle(&mut self, result: Result<(), String>) {
        let failing = matches!(self.saved, SaveState::Failed(_));
        self.saved = match result {
            Ok(()) => {
                if failing {
                    tracing::info!("{}: saved again", self.path.display());
                }
                SaveState::Saved
            }
            Err(reason) => {
                if !failing {
                    tracing::warn!("{}: not saved: {reason}", self.path.display());
                }
                SaveState::Failed(reason)
            }
        };
    }

    /// Writes what changed since the last save: `known`, or what comparing with the
    /// written session finds. Into the journal while the session file and the journal
    /// are where we left them; else (and while saving fails) the whole session.
    fn write_changes(&mut self, known: Option<Change>) -> Result<(), String> {
        if !self.complete() {
            return Ok(());
        }
        let file = session_file::on_disk(&self.path);
        if self.on_disk.is_some() && file.is_some() && self.on_disk != file {
            return Err(self.words.replaced_on_disk.to_string());
        }
        let failing = matches!(self.saved, SaveState::Failed(_));
        if let (Some(written), Some(journal), Some(_), false) = (&mut self.written, &mut self.journal, file, failing)
            && journal.is_in_place()
            && journal.len < JOURNAL_LIMIT
            && let Some(changes) = known.map(|c| vec![c]).or_else(|| change::changes(written, &self.session))
        {
            for c in changes {
                journal.append(&c).map_err(|e| e.to_string())?;
                change::apply(written, c);
            }
            return Ok(());
        }
        self.write_whole()
    }

    /// Whether the session in memory is all there is: not while the notes left out by a
    /// first look are being read, nor when they turned out not to read (nothing can
    /// have changed then, and writing would lose them).
    fn complete(&self) -> bool {
        self.later.is_none() && self.unreadable.is_none()
    }

    /// Writes the whole session to its file, unless another program replaced the file.
    fn fold(&mut self) -> Result<(), String> {
        if let (Some(ours), Some(now)) = (self.on_disk, session_file::on_disk(&self.path))
            && ours != now
        {
            return Err(self.words.replaced_on_disk.to_string());
        }
        self.write_whole()
    }

    /// Writes the whole session to its file and starts a fresh journal on it.
    fn write_whole(&mut self) -> Result<(), String> {
        if !self.complete() {
            return Ok(());
        }
        let text = session_file::to_text(&self.session);
        (self.write)(&self.path, text.as_bytes()).map_err(|e| e.to_string())?;
        self.on_disk = session_file::on_disk(&self.path);
        self.written = Some(self.session.clone());
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

    /// Saves the session at `target` from now on (a folder gets the session's file name);
    /// the message to show when that is not possible.
    pub fn save_elsewhere(&mut self, target: &str) -> Result<(), String> {
        let w = self.words;
        let path = self.elsewhere_path(target);
        let same = path == self.path;
        let new_lock = if same {
            None
        } else {
            match lock::acquire(&path) {
                Ok(l) => Some(l),
                Err(LockProblem::Held { pid }) => return Err((w.session_in_use)(pid)),
                Err(LockProblem::Io(e)) => return Err(e.to_string()),
            }
        };
        // Chosen by hand, so written even over a file that was replaced under us.
        let (old_path, old_disk) = (std::mem::replace(&mut self.path, path), self.on_disk.take());
        if let Err(e) = self.fold() {
            (self.path, self.on_disk) = (old_path, old_disk);
            return Err(e);
        }
        tracing::info!("{}: saved elsewhere, at {}", old_path.display(), self.path.display());
        if let Some(l) = new_lock {
            self.lock = Some(l);
        }
        self.saved = SaveState::Saved;
        self.message = Some((w.saved_at)(&self.path.display().to_string()));
        Ok(())
    }

    /// The journal, taken away (to remove it when nothing of the session may be kept).
    pub fn take_journal(&mut self) -> Option<Journal> {
        self.journal.take()
    }

    /// What to offer when asking where to save: the session's file name in the home folder.
    pub fn elsewhere_suggestion(&self) -> String {
        let name = self.path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
        match std::env::var("HOME") {
            Ok(home) if !home.is_empty() => Path::new(&home).join(name).display().to_string(),
            _ => name,
        }
    }

    fn elsewhere_path(&self, target: &str) -> PathBuf {
        let target = target.trim();
        let mut path = match (target.strip_prefix("~/"), std::env::var("HOME")) {
            (Some(rest), Ok(home)) => Path::new(&home).join(rest),
            _ => PathBuf::from(target),
        };
        if path.is_dir() {
            path = path.join(self.path.file_name().unwrap_or_default());
        }
        path
    }
}

#[cfg(test)]
mod tests {
    use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
    use ratatui::Terminal;
    use ratatui::backend::TestBackend;

    use super::*;
    use crate::domain::agenda::Lang;
    use crate::domain::session::Session;
    use crate::domain::time::Stamp;
    use crate::i18n;
    use crate::store::agenda_file;
    use crate::tui::app::Mode;
    use crate::tui::{theme, view};

    fn at() -> Stamp {
        Stamp::parse("2025-06-03 10:00:00").unwrap()
    }

    /// An app whose session lives in a temp folder and has been saved once.
    fn saved_app(dir: &Path) -> App {
        let agenda = agenda_file::parse(include_str!("../../agendas/normen-2025-06-03.ron")).unwrap().agenda;
        let (theme, _) = theme::load(None, false);
        let mut app = App::new(Session::new(agenda), dir.join("møte.session.ron"), i18n::words(Lang::Nb), theme);
        app.save();
        assert_eq!(app.saved, SaveState::Saved);
        app
    }

    fn screen(app: &mut App) -> String {
        let mut terminal = Terminal::new(TestBackend::new(100, 24)).unwrap();
        terminal.draw(|f| view::draw(f, app, at())).unwrap();
        terminal.backend().to_string()
    }

    fn press(app: &mut App, code: KeyCode, mods: KeyModifiers) {
        app.key(KeyEvent::new(code, mods), at());
    }

    fn type_text(app: &mut App, text: &str) {
        for c in text.chars() {
            press(app, KeyCode::Char(c), KeyModifiers::NONE);
        }
    }

    fn disk_full(_: &Path, _: &[u8]) -> std::io::Result<()> {
        Err(std::io::Error::new(std::io::ErrorKind::StorageFull, "disken er full"))
    }

    #[test]
    fn a_failing_save_is_shown_retried_and_leaves_the_file_alone() {
        let dir = tempfile::tempdir().unwrap();
        let mut app = saved_app(dir.path());
        let before = std::fs::read_to_string(&app.path).unwrap();
        app.write = disk_full;
        press(&mut app, KeyCode::Char('n'), KeyModifiers::NONE);
        app.save();
        assert_eq!(app.saved, SaveState::Failed("disken er full".into()));
        let shown = screen(&mut app);
        assert!(shown.contains("● IKKE LAGRET: disken er full"), "{shown}");
        assert!(shown.contains("Sesjonen blir ikke lagret (disken er full)"), "{shown}");
        assert!(shown.contains("Ctrl+S:") && shown.contains("lagre et annet sted"), "{shown}");
        assert_eq!(std::fs::read_to_string(&app.path).unwrap(), before, "the file on disk is untouched");
        // The disk has room again: the next retry saves everything held in memory.
        app.write = session_file::write_atomic;
        app.save();
        assert_eq!(app.saved, SaveState::Saved);
        assert!(std::fs::read_to_string(&app.path).unwrap().contains("current: 0,"));
    }

    #[test]
    fn a_session_file_removed_while_typing_is_written_anew_before_the_journal_is_used() {
        use crate::store::journal;
        let dir = tempfile::tempdir().unwrap();
        let mut app = saved_app(dir.path());
        let base = std::fs::read(&app.path).unwrap();
        app.attach(lock::acquire(&app.path).unwrap(), Journal::start(&app.path, &base).unwrap());
        app.remember_written();
        press(&mut app, KeyCode::Char('n'), KeyModifiers::NONE);
        app.save();
        press(&mut app, KeyCode::Char('i'), KeyModifiers::NONE);
        std::fs::remove_file(&app.path).unwrap();
        type_text(&mut app, "Ny");
        let touched = app.take_touched();
        app.save_touched(touched);
        assert_eq!(app.saved, SaveState::Saved);
        // What a restart after a crash would read: the file, and its journal.
        let text = std::fs::read_to_string(&app.path).unwrap();
        let mut back = session_file::parse(&text).unwrap();
        journal::replay(&app.path, text.as_bytes(), &mut back).unwrap();
        assert_eq!(back, app.session);
    }

    #[test]
    fn a_file_replaced_by_another_program_is_not_overwritten() {
        let dir = tempfile::tempdir().unwrap();
        let mut app = saved_app(dir.path());
        std::fs::write(&app.path, "Session(format: 1) // edited elsewhere\n").unwrap();
        press(&mut app, KeyCode::Char('n'), KeyModifiers::NONE);
        app.save();
        let reason = "filen er endret av et annet program; den blir ikke overskrevet".to_string();
        assert_eq!(app.saved, SaveState::Failed(reason));
        assert_eq!(std::fs::read_to_string(&app.path).unwrap(), "Session(format: 1) // edited elsewhere\n");
    }

    #[test]
    fn saving_elsewhere_moves_the_session_and_its_lock() {
        let dir = tempfile::tempdir().unwrap();
        let mut app = saved_app(dir.path());
        app.lock = Some(lock::acquire(&app.path).unwrap());
        app.write = disk_full;
        app.save();
        app.write = session_file::write_atomic;
        press(&mut app, KeyCode::Char('s'), KeyModifiers::CONTROL);
        assert!(matches!(&app.mode, Mode::Prompt(_)));
        assert!(screen(&mut app).contains("Lagre sesjonen et annet sted (fil eller mappe)"));
        // The home folder is offered; a folder that does not exist is refused.
        let home = std::env::var("HOME").unwrap_or_default();
        assert!(screen(&mut app).contains(&format!("{home}/møte.session.ron")), "{}", screen(&mut app));
        type_text(&mut app, "/finnes/ikke/møte.session.ron");
        press(&mut app, KeyCode::Enter, KeyModifiers::NONE);
        assert!(screen(&mut app).contains("Kan ikke lagre der:"), "{}", screen(&mut app));
        while let Mode::Prompt(p) = &app.mode
            && !p.input.lines()[0].is_empty()
        {
            press(&mut app, KeyCode::Backspace, KeyModifiers::NONE);
        }
        let other = tempfile::tempdir().unwrap();
        type_text(&mut app, &other.path().display().to_string());
        press(&mut app, KeyCode::Enter, KeyModifiers::NONE);
        let moved = other.path().join("møte.session.ron");
        assert!(matches!(app.mode, Mode::Normal));
        assert_eq!(app.path, moved);
        assert_eq!(app.saved, SaveState::Saved);
        assert!(moved.exists());
        assert!(screen(&mut app).contains("Lagret i"), "{}", screen(&mut app));
        assert!(!lock::lock_path(&dir.path().join("møte.session.ron")).exists(), "the old lock is let go");
        assert!(lock::lock_path(&moved).exists(), "the new file is locked");
    }

    #[test]
    fn a_place_held_by_another_referent_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        let mut app = saved_app(dir.path());
        let other = tempfile::tempdir().unwrap();
        let target = other.path().join("møte.session.ron");
        let _held = lock::acquire(&target).unwrap();
        assert!(app.elsewhere_suggestion().ends_with("møte.session.ron"));
        let refused = app.save_elsewhere(&target.display().to_string()).unwrap_err();
        assert!(refused.starts_with("sesjonen er allerede åpen i en annen referent (prosess "), "{refused}");
        assert_eq!(app.path, dir.path().join("møte.session.ron"));
    }
}
