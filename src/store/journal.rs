//! The journal beside a session file (`NAME.session.ron.journal`): while the meeting runs,
//! each keystroke's change is appended as one short RON line instead of rewriting the whole
//! session, and the journal is folded into the session file now and then and on quit.
//! Its first line names the session file it continues (length and hash), so a journal is
//! never replayed onto another file. A journal with a line that cannot be read (torn by a
//! crash, damaged on disk) is replayed as far as is safe and then set aside whole, never
//! appended to.

use std::fs::{self, File, OpenOptions};
use std::io::{self, Write};
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use super::{atomic, file_id, fingerprint, open_plain, private, sync_dir, syncer};
use crate::domain::change::{self, Change};
use crate::domain::session::Session;

/// One line of the journal. Short-lived, one at a time: its size does not matter.
#[allow(clippy::large_enum_variant)]
#[derive(Debug, PartialEq, Serialize, Deserialize)]
enum Line {
    /// The session file this journal continues.
    Base {
        len: u64,
        hash: u64,
    },
    Change(Change),
    /// The session file is being written whole with everything above: a text of this
    /// length and hash. Beside that file, this journal holds nothing it does not.
    Folded {
        len: u64,
        hash: u64,
    },
    /// A fold off the live loop begins: the session as it stands here is being written
    /// whole on a thread of its own; the lines below are not in it.
    Folding {
        mark: u32,
    },
    /// The session file is being written whole with everything above the `Folding` line
    /// of the same mark nearest above: a text of this length and hash. Beside that file,
    /// this journal holds only the lines below that mark.
    FoldedFrom {
        len: u64,
        hash: u64,
        mark: u32,
    },
}

/// `møte.session.ron` → `møte.session.ron.journal`.
pub fn journal_path(session: &Path) -> PathBuf {
    let mut name = session.file_name().map(std::ffi::OsStr::to_os_string).unwrap_or_default();
    name.push(".journal");
    session.with_file_name(name)
}

/// An open journal, appended to after every change.
#[derive(Debug)]
pub struct Journal {
    file: File,
    path: PathBuf,
    /// Bytes written, the base line included.
    pub len: u64,
    /// Bytes of the base line: more than that means changes not yet in the session file.
    base_len: u64,
    /// Lines written since the last fsync.
    unsynced: bool,
    /// The journal is new: its folder entry is not yet synced.
    entry_unsynced: bool,
    /// Which file we append to (device, inode), to notice it being removed or replaced.
    id: Option<(u64, u64)>,
}

impl Journal {
    /// Starts an empty journal continuing the session file whose bytes are `base`. It
    /// goes to the device with the first `sync`, as the lines after it do: until there
    /// are lines it holds nothing the session file does not (and the meeting's first
    /// frame does not wait for a disk).
    pub fn start(session: &Path, base: &[u8]) -> io::Result<Journal> {
        Journal::start_after(session, base.len() as u64, fingerprint(base), &[])
    }

    /// Starts the journal anew on a session file that a fold off the live loop wrote
    /// (`len` bytes hashing to `hash`), holding from the start the changes made while it
    /// was written: they are in the new journal before it replaces the old one.
    pub fn start_after(session: &Path, len: u64, hash: u64, changes: &[Change]) -> io::Result<Journal> {
        let path = journal_path(session);
        // Made anew beside it and renamed over the journal there (one folded, or a link
        // planted in its place: replaced, never followed).
        let mut temp = atomic::temp_beside(&path)?;
        let base = line(&Line::Base { len, hash })?;
        let mut text = base.clone();
        for c in changes {
            text.push_str(&line(&Line::Change(c.clone()))?);
        }
        temp.as_file_mut().write_all(text.as_bytes())?;
        let file = temp.persist(&path).map_err(|e| e.error)?;
        let id = file_id(&file.metadata()?);
        let len = text.len() as u64;
        Ok(Journal { file, path, len, base_len: base.len() as u64, unsynced: true, entry_unsynced: true, id })
    }

    /// Goes on appending to the journal already beside `session` (after a replay).
    pub fn resume(session: &Path) -> io::Result<Journal> {
        let path = journal_path(session);
        // (Never through a link planted where the journal was.)
        let file = open_plain(private(OpenOptions::new().append(true)), &path)?;
        let meta = file.metadata()?;
        // Whatever it holds was replayed but is not in the session file yet.
        Ok(Journal {
            file,
            path,
            len: meta.len(),
            base_len: 0,
            unsynced: false,
            entry_unsynced: false,
            id: file_id(&meta),
        })
    }

    /// Appends `change` as one line: on disk for any later reader at once (the page
    /// cache survives the process being killed); flushed to the device by `sync`.
    pub fn append(&mut self, change: &Change) -> io::Result<()> {
        self.append_line(&Line::Change(change.clone()))
    }

    /// Says that the session file is about to be written whole as `text`: should the
    /// program stop before this journal is started anew, it is known to be folded.
    pub fn folding(&mut self, text: &[u8]) -> io::Result<()> {
        self.append_line(&Line::Folded { len: text.len() as u64, hash: fingerprint(text) })
    }

    /// Says that a fold off the live loop takes the session as it stands now: the lines
    /// appended after this are not in the file it writes.
    pub fn folding_from(&mut self, mark: u32) -> io::Result<()> {
        self.append_line(&Line::Folding { mark })
    }

    /// Says that the fold begun at `mark` is about to put its text (`len` bytes hashing
    /// to `hash`) in place of the session file: should the program stop before the
    /// journal is started anew, the lines after the mark are replayed onto that file.
    pub fn folded_from(&mut self, len: u64, hash: u64, mark: u32) -> io::Result<()> {
        self.append_line(&Line::FoldedFrom { len, hash, mark })
    }

    /// Appends one line: on disk for any later reader at once (the page cache survives
    /// the process being killed); flushed to the device by `sync`.
    fn append_line(&mut self, l: &Line) -> io::Result<()> {
        let text = line(l)?;
        if let Err(e) = self.file.write_all(text.as_bytes()) {
            // A disk that filled up mid-line: cut the torn line off again, so that what
            // is appended after it is not lost behind it.
            let _ = self.file.set_len(self.len);
            return Err(e);
        }
        self.len += text.len() as u64;
        self.unsynced = true;
        Ok(())
    }

    /// Holds changes that the session file does not.
    pub fn has_changes(&self) -> bool {
        self.len > self.base_len
    }

    /// The file we append to is still the one at its path (the folder was not removed or
    /// replaced under us): otherwise appending would write to nowhere.
    pub fn is_in_place(&self) -> bool {
        fs::metadata(&self.path).is_ok_and(|m| file_id(&m) == self.id)
    }

    /// Has what was appended flushed to the device (every second or so), and a new
    /// journal's folder entry: by the sync thread, so that no key waits for the disk.
    pub fn sync(&mut self) -> io::Result<()> {
        if self.unsynced {
            syncer::data(&self.file)?;
            self.unsynced = false;
        }
        if self.entry_unsynced {
            syncer::folder(&self.path);
            self.entry_unsynced = false;
        }
        Ok(())
    }

    /// The journal is folded into the session file: it goes.
    pub fn remove(self) -> io::Result<()> {
        fs::remove_file(&self.path)?;
        sync_dir(&self.path);
        Ok(())
    }
}

fn line(line: &Line) -> io::Result<String> {
    let mut text = ron::to_string(line).map_err(io::Error::other)?;
    text.push('\n');
    Ok(text)
}

/// What a journal found beside a session came to.
#[derive(Debug, PartialEq, Eq)]
pub enum Replayed {
    /// No journal.
    None,
    /// This many changes were replayed onto the session.
    Applied(usize),
    /// The journal belongs to another version of the session file (it was replaced or
    /// restored); it was not replayed.
    Foreign,
    /// Some of its lines could not be read or done again (torn by a crash, damaged on
    /// disk): `applied` were replayed, `skipped` were not. Never appended to: it is set
    /// aside whole and the session written anew.
    Damaged { applied: usize, skipped: usize },
}

/// Replays the journal beside `session_path` (if any) onto `session`, read from `base`.
pub fn replay(session_path: &Path, base: &[u8], session: &mut Session) -> io::Result<Replayed> {
    let path = journal_path(session_path);
    // (A link, a named pipe or a folder where the journal goes is no journal of this
    // file: never read through, never waited on; set aside like a foreign one.)
    let read = open_plain(OpenOptions::new().read(true), &path).and_then(|mut f| {
        let mut bytes = Vec::new();
        io::Read::read_to_end(&mut f, &mut bytes).map(|_| bytes)
    });
    let text = match read {
        Ok(bytes) => String::from_utf8_lossy(&bytes).into_owned(),
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(Replayed::None),
        Err(e) if super::is_link_refused(&e) || e.kind() == io::ErrorKind::InvalidInput => {
            return Ok(Replayed::Foreign);
        }
        Err(e) => return Err(e),
    };
    // Empty: made just before a power cut took its first line.
    if text.is_empty() {
        return Ok(Replayed::None);
    }
    let all: Vec<&str> = text.split_inclusive('\n').collect();
    let expected = Line::Base { len: base.len() as u64, hash: fingerprint(base) };
    let parsed = |l: &str| ron::from_str::<Line>(l.trim_end()).ok();
    let matches = all.first().and_then(|l| parsed(l)) == Some(expected);
    let lines = if matches {
        &all[1..]
    } else {
        // Stopped between writing the session file whole and starting the journal anew:
        // what follows the fold that wrote this file is still to do.
        let (len, hash) = (base.len() as u64, fingerprint(base));
        let Some(from) = after_the_fold(&all, len, hash) else { return Ok(Replayed::Foreign) };
        let marks =
            |l: &&str| matches!(parsed(l), Some(Line::Folding { .. } | Line::Folded { .. } | Line::FoldedFrom { .. }));
        if all[from..].iter().all(marks) {
            // Everything in it is in the file.
            return Ok(Replayed::None);
        }
        &all[from..]
    };
    let (mut applied, mut skipped) = (0, 0);
    // After a line that is not done again, an edit of a text (bytes cut and put) is only
    // safe once that text has been written whole again: which items those are.
    let mut unsure: Option<std::collections::HashSet<usize>> = None;
    for l in lines {
        // (A last line without its newline was cut off mid-write.)
        let line = l.strip_suffix('\n').map(ron::from_str::<Line>);
        if matches!(line, Some(Ok(Line::Folded { .. } | Line::Folding { .. } | Line::FoldedFrom { .. }))) {
            // (A fold that did not get as far as the file: the lines above are still to do.)
            continue;
        }
        let change = match line {
            Some(Ok(Line::Change(c))) => Some(c),
            _ => None,
        };
        let Some(change) = change else {
            skipped += 1;
            unsure = Some(std::collections::HashSet::new());
            continue;
        };
        if let Some(sure) = &mut unsure {
            match &change {
                Change::DraftText { item, .. } | Change::VedtakText { item, .. } if !sure.contains(item) => {
                    skipped += 1;
                    continue;
                }
                Change::Draft { item, .. } | Change::VedtakDraft { item, .. } | Change::Item { item, .. } => {
                    sure.insert(*item);
                }
                _ => {}
            }
        }
        if change::apply(session, change) {
            applied += 1;
        } else {
            skipped += 1;
            unsure.get_or_insert_with(std::collections::HashSet::new);
        }
    }
    Ok(if skipped == 0 { Replayed::Applied(applied) } else { Replayed::Damaged { applied, skipped } })
}

/// Where the lines not yet in the session file (`len` bytes hashing to `hash`) begin,
/// when a fold recorded in `lines` wrote that file: after a `Folded` line, or after the
/// `Folding` line nearest above a `FoldedFrom` one. The last such fold counts.
fn after_the_fold(lines: &[&str], len: u64, hash: u64) -> Option<usize> {
    let parsed = |l: &str| ron::from_str::<Line>(l.trim_end()).ok();
    let (at, line) = lines.iter().enumerate().rev().find_map(|(i, l)| match parsed(l) {
        Some(f @ Line::Folded { len: l, hash: h }) if (l, h) == (len, hash) => Some((i, f)),
        Some(f @ Line::FoldedFrom { len: l, hash: h, .. }) if (l, h) == (len, hash) => Some((i, f)),
        _ => None,
    })?;
    match line {
        Line::FoldedFrom { mark, .. } => {
            (0..at).rev().find(|&i| parsed(lines[i]) == Some(Line::Folding { mark })).map(|i| i + 1)
        }
        _ => Some(at + 1),
    }
}

/// Moves the journal beside `session` out of the way, keeping it: `NAME.journal.1`, ...
pub fn set_aside(session: &Path) -> io::Result<PathBuf> {
    let path = journal_path(session);
    let mut n = 1;
    loop {
        let mut name = path.file_name().map(std::ffi::OsStr::to_os_string).unwrap_or_default();
        name.push(format!(".{n}"));
        let aside = path.with_file_name(name);
        // (Nothing there, not even a link pointing nowhere.)
        if fs::symlink_metadata(&aside).is_err() {
            fs::rename(&path, &aside)?;
            return Ok(aside);
        }
        n += 1;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::time::Stamp;
    use crate::store::{agenda_file, session_file};

    fn at(clock: &str) -> Stamp {
        Stamp::parse(&format!("2025-06-03 {clock}")).unwrap()
    }

    fn running() -> Session {
        let agenda = agenda_file::parse(include_str!("../../agendas/normen-2025-06-03.ron")).unwrap().agenda;
        let mut s = Session::new(agenda);
        s.start(at("10:00:00")).unwrap();
        s
    }

    /// A session saved in `dir`, with a journal started on it; its bytes.
    fn saved(dir: &Path, s: &Session) -> (PathBuf, Vec<u8>, Journal) {
        let path = dir.join("møte.session.ron");
        session_file::save(&path, s).unwrap();
        let base = fs::read(&path).unwrap();
        let journal = Journal::start(&path, &base).unwrap();
        (path, base, journal)
    }

    fn typed(s: &mut Session, text: &str) -> Change {
        if s.agenda.items[0].record().draft.is_none() {
            s.open_draft(0, at("10:01:00")).unwrap();
        }
        s.draft_mut(0).unwrap().note.text = text.into();
        Change::Draft { item: 0, draft: s.agenda.items[0].record().draft.clone() }
    }

    #[test]
    fn what_was_appended_is_replayed() {
        let dir = tempfile::tempdir().unwrap();
        let mut live = running();
        let (path, base, mut journal) = saved(dir.path(), &live);
        for text in ["I", "In", "Inn"] {
            journal.append(&typed(&mut live, text)).unwrap();
        }
        drop(journal); // killed: nothing more written, not even a sync
        let mut loaded = session_file::load(&path).unwrap();
        assert_eq!(replay(&path, &base, &mut loaded).unwrap(), Replayed::Applied(3));
        assert_eq!(loaded, live);
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = fs::metadata(journal_path(&path)).unwrap().permissions().mode();
            assert_eq!(mode & 0o777, 0o600);
        }
        // And on it goes after the restart.
        let mut journal = Journal::resume(&path).unwrap();
        journal.append(&typed(&mut live, "Innspill")).unwrap();
        journal.sync().unwrap();
        let mut loaded = session_file::load(&path).unwrap();
        assert_eq!(replay(&path, &base, &mut loaded).unwrap(), Replayed::Applied(4));
        assert_eq!(loaded.agenda.items[0].record().draft.as_ref().unwrap().note.text, "Innspill");
        journal.remove().unwrap();
        assert_eq!(replay(&path, &base, &mut loaded).unwrap(), Replayed::None);
    }

    /// A link planted where the journal goes: starting a journal replaces the link, never
    /// writes through it; going on with one that is a link is refused. What it points to
    /// stays as it was.
    #[test]
    fn a_fold_off_the_live_loop_cut_off_at_any_step_loses_nothing_and_repeats_nothing() {
        let dir = tempfile::tempdir().unwrap();
        let mut live = running();
        let (path, first, mut journal) = saved(dir.path(), &live);
        let one = typed(&mut live, "en");
        journal.append(&one).unwrap();
        // The fold takes the session as it stands here.
        journal.folding_from(7).unwrap();
        let folded = session_file::to_text(&live);
        let two = typed(&mut live, "en to");
        journal.append(&two).unwrap();
        journal.folded_from(folded.len() as u64, fingerprint(folded.as_bytes()), 7).unwrap();
        let three = typed(&mut live, "en to tre");
        journal.append(&three).unwrap();
        let replayed = |file: &[u8]| {
            let mut back = session_file::parse(std::str::from_utf8(file).unwrap()).unwrap();
            (replay(&path, file, &mut back).unwrap(), back)
        };
        // Stopped before the new file was in place: the old one and the whole journal.
        assert_eq!(replayed(&first), (Replayed::Applied(3), live.clone()));
        // Stopped with the new file in place, before the journal started anew: the lines
        // after the fold's mark, and only those.
        fs::write(&path, &folded).unwrap();
        assert_eq!(replayed(folded.as_bytes()), (Replayed::Applied(2), live.clone()));
        // The journal started anew with them: as after any fold.
        let again = Journal::start_after(&path, folded.len() as u64, fingerprint(folded.as_bytes()), &[two, three]);
        drop(again.unwrap());
        assert_eq!(replayed(folded.as_bytes()), (Replayed::Applied(2), live.clone()));
    }

    #[test]
    fn a_fold_that_did_not_write_is_no_mark_for_the_one_that_did() {
        let dir = tempfile::tempdir().unwrap();
        let mut live = running();
        let (path, _, mut journal) = saved(dir.path(), &live);
        journal.append(&typed(&mut live, "en")).unwrap();
        // A fold off the live loop that never got its file written (a full disk) ...
        journal.folding_from(1).unwrap();
        let lost = session_file::to_text(&live);
        journal.append(&typed(&mut live, "en to")).unwrap();
        journal.folded_from(lost.len() as u64, fingerprint(lost.as_bytes()), 1).unwrap();
        journal.append(&typed(&mut live, "en to tre")).unwrap();
        // ... then one in the live loop that did: everything above it is in its file.
        let whole = session_file::to_text(&live);
        journal.folding(whole.as_bytes()).unwrap();
        fs::write(&path, &whole).unwrap();
        let mut back = session_file::parse(&whole).unwrap();
        assert_eq!(replay(&path, whole.as_bytes(), &mut back).unwrap(), Replayed::None);
        assert_eq!(back, live);
        // A file the journal names nowhere is another's.
        let mut restored = running();
        restored.agenda.title = "Et annet møte".into();
        let other = session_file::to_text(&restored);
        let mut back = session_file::parse(&other).unwrap();
        assert_eq!(replay(&path, other.as_bytes(), &mut back).unwrap(), Replayed::Foreign);
    }

    #[test]
    fn a_link_at_the_journal_is_never_followed() {
        let dir = tempfile::tempdir().unwrap();
        let live = running();
        let path = dir.path().join("møte.session.ron");
        session_file::save(&path, &live).unwrap();
        let victim = dir.path().join("victim");
        fs::write(&victim, "keep me").unwrap();
        std::os::unix::fs::symlink(&victim, journal_path(&path)).unwrap();
        let err = Journal::resume(&path).unwrap_err();
        assert!(crate::store::is_link_refused(&err), "{err}");
        let base = fs::read(&path).unwrap();
        // Not read through either, even to a journal that would match: not this file's.
        let other = dir.path().join("annet.session.ron");
        drop(Journal::start(&other, &base).unwrap());
        fs::remove_file(journal_path(&path)).unwrap();
        std::os::unix::fs::symlink(journal_path(&other), journal_path(&path)).unwrap();
        let mut loaded = session_file::load(&path).unwrap();
        assert_eq!(replay(&path, &base, &mut loaded).unwrap(), Replayed::Foreign);
        assert_eq!(replay(&other, &base, &mut loaded).unwrap(), Replayed::Applied(0), "it would match");
        fs::remove_file(journal_path(&path)).unwrap();
        std::os::unix::fs::symlink(&victim, journal_path(&path)).unwrap();
        let journal = Journal::start(&path, &base).unwrap();
        assert_eq!(fs::read_to_string(&victim).unwrap(), "keep me");
        assert!(fs::symlink_metadata(journal_path(&path)).unwrap().file_type().is_file());
        assert!(journal.is_in_place());
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = fs::metadata(journal_path(&path)).unwrap().permissions().mode();
            assert_eq!(mode & 0o777, 0o600);
        }
        // Set aside: never over a link pointing nowhere at the first free name.
        std::os::unix::fs::symlink(dir.path().join("nowhere"), dir.path().join("møte.session.ron.journal.1")).unwrap();
        drop(journal);
        assert_eq!(set_aside(&path).unwrap(), dir.path().join("møte.session.ron.journal.2"));
        assert!(!dir.path().join("nowhere").exists());
    }

    #[test]
    fn an_empty_journal_is_no_journal() {
        let dir = tempfile::tempdir().unwrap();
        let live = running();
        let (path, base, journal) = saved(dir.path(), &live);
        drop(journal);
        fs::write(journal_path(&path), "").unwrap();
        let mut loaded = session_file::load(&path).unwrap();
        assert_eq!(replay(&path, &base, &mut loaded).unwrap(), Replayed::None);
        assert_eq!(loaded, live);
    }

    #[test]
    fn a_torn_last_line_is_not_replayed_and_said() {
        let dir = tempfile::tempdir().unwrap();
        let mut live = running();
        let (path, base, mut journal) = saved(dir.path(), &live);
        journal.append(&typed(&mut live, "Hel")).unwrap();
        let mut file = OpenOptions::new().append(true).open(journal_path(&path)).unwrap();
        file.write_all(b"Change(Draft(item: 0, draft: Some(Draft(note: Note(at: \"2025-06").unwrap();
        let mut loaded = session_file::load(&path).unwrap();
        assert_eq!(replay(&path, &base, &mut loaded).unwrap(), Replayed::Damaged { applied: 1, skipped: 1 });
        assert_eq!(loaded.agenda.items[0].record().draft.as_ref().unwrap().note.text, "Hel");
    }

    /// A damaged line in the middle: replay goes on past it with what is safe, an edit of
    /// a text only once that text has been written whole again.
    #[test]
    fn replay_goes_on_past_a_damaged_line_with_what_is_safe() {
        let dir = tempfile::tempdir().unwrap();
        let mut live = running();
        let (path, base, mut journal) = saved(dir.path(), &live);
        journal.append(&typed(&mut live, "Hel")).unwrap();
        // (The damaged line goes in after these are written: see below.)
        // An edit of the text after the damage: not safe (the damaged line may have been one).
        journal.append(&Change::DraftText { item: 0, at: 3, cut: 0, put: "lo".into() }).unwrap();
        // The whole draft again: safe, and edits after it too.
        let whole = live.agenda.items[0].record().draft.clone().map(|mut d| {
            d.note.text = "Hallo".into();
            d
        });
        journal.append(&Change::Draft { item: 0, draft: whole }).unwrap();
        journal.append(&Change::DraftText { item: 0, at: 5, cut: 0, put: "!".into() }).unwrap();
        let text = fs::read_to_string(journal_path(&path)).unwrap();
        let mut lines: Vec<&str> = text.split_inclusive('\n').collect();
        lines.insert(2, "Change(broken\n");
        fs::write(journal_path(&path), lines.concat()).unwrap();
        let mut loaded = session_file::load(&path).unwrap();
        assert_eq!(replay(&path, &base, &mut loaded).unwrap(), Replayed::Damaged { applied: 3, skipped: 2 });
        assert_eq!(loaded.agenda.items[0].record().draft.as_ref().unwrap().note.text, "Hallo!");
    }

    /// Stopped between writing the session file whole and starting its journal anew: the
    /// journal's changes are all in the file, and it is known to be so.
    #[test]
    fn a_journal_already_folded_is_known_as_such() {
        let dir = tempfile::tempdir().unwrap();
        let mut live = running();
        let (path, _, mut journal) = saved(dir.path(), &live);
        journal.append(&typed(&mut live, "Hel")).unwrap();
        let text = session_file::to_text(&live);
        journal.folding(text.as_bytes()).unwrap();
        crate::store::atomic::write(&path, text.as_bytes()).unwrap();
        // (Killed here: the journal is not started anew.)
        let mut loaded = session_file::load(&path).unwrap();
        assert_eq!(replay(&path, text.as_bytes(), &mut loaded).unwrap(), Replayed::None, "not a foreign journal");
        assert_eq!(loaded, live);
        // Killed before the file was written: the fold line is passed over, the rest done.
        let dir = tempfile::tempdir().unwrap();
        let mut live = running();
        let (path, base, mut journal) = saved(dir.path(), &live);
        journal.append(&typed(&mut live, "Hel")).unwrap();
        journal.folding(session_file::to_text(&live).as_bytes()).unwrap();
        let mut loaded = session_file::load(&path).unwrap();
        assert_eq!(replay(&path, &base, &mut loaded).unwrap(), Replayed::Applied(1));
    }

    #[test]
    fn a_journal_of_another_session_file_is_set_aside_not_replayed() {
        let dir = tempfile::tempdir().unwrap();
        let mut live = running();
        let (path, _, mut journal) = saved(dir.path(), &live);
        journal.append(&typed(&mut live, "Fra før")).unwrap();
        // The session file is restored from a backup: another file.
        live.next(at("10:05:00")).unwrap();
        session_file::save(&path, &live).unwrap();
        let base = fs::read(&path).unwrap();
        let mut loaded = session_file::load(&path).unwrap();
        assert_eq!(replay(&path, &base, &mut loaded).unwrap(), Replayed::Foreign);
        assert_eq!(loaded, live, "untouched");
        let aside = set_aside(&path).unwrap();
        assert_eq!(aside, dir.path().join("møte.session.ron.journal.1"));
        assert!(fs::read_to_string(aside).unwrap().contains("Fra før"), "kept");
        assert!(!journal_path(&path).exists());
    }
}
