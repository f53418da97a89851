//! Session files: stable pretty RON, written atomically (temp file, fsync, rename), 0600.

use std::fs;
use std::path::{Path, PathBuf};

use ron::extensions::Extensions;
use serde::Deserialize;

use super::agenda_file::{self, Placed, ReadError, ReadProblem, from_ron, ron_options};
use super::locate;
use super::session_rules;
use super::split;
use std::ops::Range;
use std::sync::Arc;
use std::thread::JoinHandle;

use crate::domain::session::{ItemRecord, RecordMismatch, SESSION_FORMAT, Session, SessionFile};
use crate::domain::timeline::Entry;

/// What kind of file a text is, from its first name: `Agenda(` or `Session(`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileKind {
    Agenda,
    Session,
}

pub fn kind_of(text: &str) -> FileKind {
    if locate::first_name(text).as_deref() == Some("Session") { FileKind::Session } else { FileKind::Agenda }
}

/// Where the session of an agenda lives by default: beside it, `<name>.session.ron`.
pub fn default_path(agenda: &Path) -> PathBuf {
    let stem = agenda.file_stem().map_or_else(|| "møte".into(), |s| s.to_string_lossy().into_owned());
    agenda.with_file_name(format!("{stem}.session.ron"))
}

/// The session as text: the same session always gives the same bytes.
pub fn to_text(session: &Session) -> String {
    let mut text = ron::ser::to_string_pretty(session, pretty()).unwrap_or_else(|e| {
        // Serializing plain data to a String cannot fail; keep the reason if it ever does.
        format!("// referent could not write this session: {e}\n")
    });
    text.push('\n');
    text
}

/// How session files are written.
fn pretty() -> ron::ser::PrettyConfig {
    ron::ser::PrettyConfig::new()
        .struct_names(true)
        .indentor("    ")
        .depth_limit(5)
        .extensions(Extensions::IMPLICIT_SOME | Extensions::UNWRAP_VARIANT_NEWTYPES)
}

/// Reads a session from its text; a newer format is refused, whatever else it holds.
pub fn parse(text: &str) -> Result<Session, ReadError> {
    checked(text, read_on_two_threads(text).map_or_else(|| ron_options().from_str(text), Ok))
}

/// What reading `text` came to (`read`), with the checks every session passes.
fn checked(text: &str, read: ron::error::SpannedResult<SessionFile>) -> Result<Session, ReadError> {
    let newer = |format: u32| {
        let at = locate::SourceMap::of(text).find("format");
        Placed { at, what: ReadProblem::NewerSession { found: format, known: SESSION_FORMAT } }
    };
    let file = match read {
        Ok(s) => s,
        Err(e) => {
            // A file that does not read may be from a newer referent: say that, not
            // what this version cannot make of it. (Only on failure: a second pass
            // over a large session costs as much as the first.)
            #[derive(Deserialize)]
            #[serde(rename = "Session")]
            struct Probe {
                #[serde(default)]
                format: u32,
            }
            return Err(match ron_options().from_str::<Probe>(text) {
                Ok(Probe { format }) if format > SESSION_FORMAT => newer(format),
                _ => from_ron(e),
            });
        }
    };
    if file.format > SESSION_FORMAT {
        return Err(newer(file.format));
    }
    if let Some(mismatch) = session_rules::count_mismatch(&file, text) {
        return Err(mismatch);
    }
    let session = file.into_session().map_err(|RecordMismatch| {
        let at = locate::SourceMap::of(text).find("record.items");
        Placed { at, what: ReadProblem::RecordMismatch }
    })?;
    // What the live meeting, `check` and `export` rely on, beyond what reads.
    session_rules::validated(session, text)
}

/// Reads a large session on two threads: the item records in two halves, each record
/// read where it is written (no copies of the text), one half beside the rest. None for
/// a small session, a text the split does not follow, or one that does not read: the
/// caller reads it in one piece (and reports what is wrong).
fn read_on_two_threads(text: &str) -> Option<SessionFile> {
    if text.len() < 256 * 1024 {
        return None;
    }
    let list = split::item_list(text)?;
    // Each record's text: from its start to the comma before the next one.
    let ends = list.starts.iter().skip(1).copied().chain([list.inside.end]);
    let records: Vec<&str> = list
        .starts
        .iter()
        .zip(ends)
        .map(|(&start, end)| {
            let record = text[start..end].trim_end();
            record.strip_suffix(',').unwrap_or(record)
        })
        .collect();
    let read = |records: &[&str]| -> Option<Vec<ItemRecord>> {
        records.iter().map(|r| ron_options().from_str::<ItemRecord>(r).ok()).collect()
    };
    // The other thread reads the records from about the middle on; this one the rest of
    // the session and the records before them: about as many bytes each.
    let (items, rest) = (list.inside.len(), text.len() - list.inside.len());
    let middle = list.inside.start + items.saturating_sub(rest) / 2;
    let cut = list.starts.iter().position(|&s| s >= middle).unwrap_or(records.len());
    let (first, second, rest) = std::thread::scope(|scope| {
        let second = std::thread::Builder::new().spawn_scoped(scope, || read(&records[cut..]));
        let rest = format!("{}{}", &text[..list.inside.start], &text[list.inside.end..]);
        let rest = ron_options().from_str::<SessionFile>(&rest).ok();
        let first = read(&records[..cut]);
        // (No thread to be had: this one reads the second half too.)
        let second = match second {
            Ok(thread) => thread.join().ok().flatten(),
            Err(_) => read(&records[cut..]),
        };
        (first, second, rest)
    });
    let (mut file, mut items) = (rest?, first?);
    items.extend(second?);
    file.record.items = items;
    Some(file)
}

/// The timelines (notes, decisions, follow-ups) of a large session that its first look
/// left out, being read on another thread (see `first_look`).
pub struct LaterEntries {
    text: Arc<String>,
    /// Each item's timeline, by item.
    lists: Vec<(usize, Range<usize>)>,
    /// Reads the first part of `lists`.
    first: JoinHandle<Option<Vec<Vec<Entry>>>>,
    half: usize,
}

impl LaterEntries {
    /// Waits for the timelines and puts them in `session` (the one `first_look` gave);
    /// the reason when one of them does not read.
    pub fn finish(self, session: &mut Session) -> Result<(), ReadError> {
        let second = read_entries(&self.text, &self.lists[self.half..]);
        let first = self.first.join().ok().flatten();
        let (Some(first), Some(second)) = (first, second) else { return Err(what_is_wrong(&self.text)) };
        for ((item, _), entries) in self.lists.iter().zip(first.into_iter().chain(second)) {
            if let Some(record) = session.record_of_mut(*item) {
                record.entries = entries;
                record.make_visible();
            }
        }
        Ok(())
    }
}

/// What is wrong with a session text that did not read in parts, and where, as reading
/// it in one piece says it.
fn what_is_wrong(text: &str) -> ReadError {
    parse(text).err().unwrap_or(Placed { at: None, what: ReadProblem::RecordMismatch })
}

fn read_entries(text: &str, lists: &[(usize, Range<usize>)]) -> Option<Vec<Vec<Entry>>> {
    lists.iter().map(|(_, r)| ron_options().from_str::<Vec<Entry>>(&text[r.clone()]).ok()).collect()
}

/// A first look at a large session, for its first frame: all of it but the timelines of items
/// other than the one `shown` picks (the item on screen), which go on being read on
/// another thread. None for a small session or one the split does not follow: `parse`
/// it. An error is what `parse` would say.
pub fn first_look(
    text: Arc<String>,
    shown: impl Fn(&Session) -> usize,
) -> Option<Result<(Session, LaterEntries), ReadError>> {
    if text.len() < 256 * 1024 {
        return None;
    }
    let list = split::item_list(&text)?;
    // The session with every item's timeline cut out ("entries: []").
    let mut skeleton = String::with_capacity(text.len() / 8);
    let mut at = 0;
    for entries in list.entries.iter().flatten() {
        skeleton.push_str(&text[at..entries.start]);
        skeleton.push_str("[]");
        at = entries.end;
    }
    skeleton.push_str(&text[at..]);
    // (Small: read in one piece, not looked over for its items again.)
    // (Cutting the timelines out cannot break a text that reads; when this one does not, its
    // error is what reading it whole says.)
    let Ok(mut session) = checked(&skeleton, ron_options().from_str(&skeleton)) else {
        return parse(&text).err().map(Err);
    };
    let lists: Vec<(usize, Range<usize>)> =
        list.entries.iter().enumerate().filter_map(|(item, entries)| Some((item, entries.clone()?))).collect();
    let shown = shown(&session);
    let (now, later): (Vec<_>, Vec<_>) = lists.into_iter().partition(|(item, _)| *item == shown);
    match (read_entries(&text, &now).and_then(|mut n| n.pop()), session.record_of_mut(shown)) {
        (Some(entries), Some(record)) => record.entries = entries,
        _ if !now.is_empty() => return Some(Err(what_is_wrong(&text))),
        _ => {}
    }
    let half = later.len() / 2;
    let first = {
        let (text, lists) = (Arc::clone(&text), later[..half].to_vec());
        // No thread to be had: the session is read whole instead.
        std::thread::Builder::new().name("timelines".into()).spawn(move || read_entries(&text, &lists)).ok()?
    };
    Some(Ok((session, LaterEntries { text, lists: later, first, half })))
}

/// Reads the session in `path`.
pub fn load(path: &Path) -> Result<Session, ReadError> {
    parse(&agenda_file::read_text(path)?)
}

/// Writes the session to `path` so that the file always holds a whole session.
pub fn save(path: &Path, session: &Session) -> std::io::Result<()> {
    super::atomic::write(path, to_text(session).as_bytes())
}

/// What a file on disk is: which file, how long, when last written. Kept after each save
/// to notice when another program replaces the session under us.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct OnDisk {
    id: Option<(u64, u64)>,
    len: u64,
    modified: Option<std::time::SystemTime>,
}

/// What is at `path` now, if anything.
pub fn on_disk(path: &Path) -> Option<OnDisk> {
    let m = fs::metadata(path).ok()?;
    Some(OnDisk { id: super::file_id(&m), len: m.len(), modified: m.modified().ok() })
}

/// Whether the file is no longer the one our last write left (`ours`): another program
/// replaced or changed it. (No file, or none written yet, is not that.)
pub fn replaced(ours: Option<OnDisk>, now: Option<OnDisk>) -> bool {
    matches!((ours, now), (Some(a), Some(b)) if a != b)
}

/// `møte.session.ron` → `møte.session.ron.moved`: beside a session saved elsewhere (Ctrl+S),
/// where it went.
pub fn pointer_path(session: &Path) -> PathBuf {
    let mut name = session.file_name().map(std::ffi::OsStr::to_os_string).unwrap_or_default();
    name.push(".moved");
    session.with_file_name(name)
}

/// Leaves a note beside the session at `old` that it is at `new` from now on; and takes
/// away a note beside `new` (the session is there now).
pub fn leave_pointer(old: &Path, new: &Path) -> std::io::Result<()> {
    let _ = fs::remove_file(pointer_path(new));
    let new = fs::canonicalize(new).unwrap_or_else(|_| new.to_path_buf());
    super::atomic::write(&pointer_path(old), format!("{}\n", new.display()).as_bytes())
}

/// Where the session at `session` went, when it was saved elsewhere and a note says so.
pub fn moved_to(session: &Path) -> Option<PathBuf> {
    let text = fs::read_to_string(pointer_path(session)).ok()?;
    let target = PathBuf::from(text.lines().next()?.trim());
    (!target.as_os_str().is_empty() && target != session).then_some(target)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::time::Stamp;
    use crate::store::session_rules::RecordList;

    fn seed_session() -> Session {
        let text = include_str!("../../agendas/normen-2025-06-03.ron");
        let agenda = agenda_file::parse(text).unwrap().agenda;
        Session::new(agenda)
    }

    /// A large session is read on two threads into exactly what reading it in one piece
    /// gives; a broken one still gets the one-piece reader's message.
    #[test]
    fn a_large_session_read_on_two_threads_is_the_same_session() {
        let session = crate::cli::demo::session(40, 2_000).unwrap();
        let text = to_text(&session);
        assert!(text.len() > 256 * 1024, "large enough to be split: {}", text.len());
        let one_piece: Session = ron_options().from_str(&text).unwrap();
        let two = read_on_two_threads(&text).map(|file| file.into_session().unwrap());
        assert_eq!(two, Some(one_piece), "read on two threads");
        assert_eq!(parse(&text).unwrap(), session);
        // A mistake in the second half of the items is reported where it is.
        let at = text.rfind("text: \"").unwrap();
        let broken = format!("{}tekst{}", &text[..at], &text[at + 4..]);
        assert!(read_on_two_threads(&broken).is_none());
        let error = parse(&broken).unwrap_err();
        assert!(format!("{:?}", error.what).contains("\"tekst\""), "{error:?}");
        assert_eq!(error.at.map(|p| p.line), Some(text[..at].lines().count()), "{error:?}");
    }

    /// The first look has all but the other items' notes; once they are read it is the
    /// session. A note that does not read is reported as reading it whole reports it.
    #[test]
    fn a_first_look_and_the_notes_after_it_are_the_session() {
        let session = crate::cli::demo::session(40, 2_000).unwrap();
        let text = Arc::new(to_text(&session));
        let current = session.record.current.unwrap();
        let (mut first, later) = first_look(Arc::clone(&text), |s| s.record.current.unwrap_or(0)).unwrap().unwrap();
        assert_eq!(first.record_of(current), session.record_of(current), "the item on screen is whole");
        assert!(first.record_of(0).unwrap().entries.is_empty() && !session.record_of(0).unwrap().entries.is_empty());
        assert!(first.agenda.same_plan(&session.agenda));
        later.finish(&mut first).unwrap();
        assert_eq!(first, session);

        // A note of the first item with notes, not the one on screen.
        let record = text.find("record: Record(").unwrap();
        let at = record + text[record..].find("text: \"").unwrap();
        let broken = Arc::new(format!("{}tekst{}", &text[..at], &text[at + 4..]));
        let (mut first, later) = first_look(Arc::clone(&broken), |s| s.agenda.items.len() - 1).unwrap().unwrap();
        let error = later.finish(&mut first).unwrap_err();
        assert_eq!(error, parse(&broken).unwrap_err());
        assert!(first_look(Arc::new(to_text(&seed_session())), |_| 0).is_none(), "a small session is read whole");
    }

    #[test]
    fn a_session_saved_loaded_and_saved_again_is_byte_identical() {
        let mut s = seed_session();
        let t = |c: &str| Stamp::parse(&format!("2025-06-03 {c}")).unwrap();
        s.start(t("10:01:00")).unwrap();
        s.next(t("10:05:30")).unwrap();
        s.pause(t("10:06:00")).unwrap();
        s.resume(t("10:07:00")).unwrap();
        s.set_title(2, "Tittel med \"sitat\", \\ og\nlinjeskift # r#\"").unwrap();
        let first = to_text(&s);
        let back = parse(&first).unwrap();
        assert_eq!(back, s);
        assert_eq!(to_text(&back), first);
        assert!(first.starts_with("#![enable(implicit_some)]\n#![enable(unwrap_variant_newtypes)]\nSession(\n"));
        assert!(first.contains("        title: \"Styringsgruppemøte i Normen\",\n"));
    }

    #[test]
    fn a_full_session_round_trips_byte_for_byte() {
        use crate::domain::agenda::Person;
        use crate::domain::attendance::Presence;
        use crate::domain::followup::FollowUp;
        use crate::domain::notes::{NoteKind, Speaker};
        use crate::domain::vedtak::{Outcome, Votes};
        let t = |c: &str| Stamp::parse(&format!("2025-06-03 {c}")).unwrap();
        let mut s = seed_session();
        s.start(t("10:00:00")).unwrap();
        s.set_presence(1, Presence::Apologies, t("10:01:00")).unwrap();
        s.set_presence(2, Presence::Absent, t("10:01:00")).unwrap();
        s.set_presence(2, Presence::Present, t("10:35:00")).unwrap();
        s.add_person(Person { name: Some("Kari «gjest» \"Nordmann\"".into()), ..Person::default() });
        for (kind, text) in [(NoteKind::Comment, "Ikke viktig.\nTo linjer, 🎉 og \\"), (NoteKind::Question, "Når?")]
        {
            s.open_draft(4, t("10:21:00")).unwrap();
            let d = s.draft_mut(4).unwrap();
            d.note.kind = kind;
            d.note.text = text.into();
            d.note.speaker = Some(Speaker { name: None, org: Some("Helse Nord RHF".into()) });
            s.commit_draft(4);
        }
        s.open_draft(4, t("10:22:00")).unwrap();
        s.draft_mut(4).unwrap().note.text = "halvskrevet".into();
        s.decide(4, Some("Beslutning kap. 1.3"), "Uforandret.", Outcome::Adopted, t("10:25:00")).unwrap();
        s.adopt_proposal(4, t("10:30:00")).unwrap();
        let vedtak = s.record_of(4).unwrap().last_decision().unwrap();
        s.set_votes(4, vedtak, Some(Votes { in_favour: 9, against: 2, abstaining: 1 })).unwrap();
        s.set_outcome(4, vedtak, Outcome::Postponed, Some("til septembermøtet")).unwrap();
        let frist = Some(crate::domain::time::Day::parse("2025-08-18").unwrap());
        let action =
            FollowUp { at: t("10:31:00"), what: "Sende".into(), who: Some("KS".into()), frist, frist_text: None };
        s.add_followup(4, action).unwrap();
        let first = to_text(&s);
        let back = parse(&first).unwrap();
        assert_eq!(back, s);
        assert_eq!(to_text(&back), first);
    }

    #[test]
    fn the_agenda_and_session_kinds_are_told_apart() {
        assert_eq!(kind_of("// x\n#![enable(implicit_some)]\nSession(format: 1)"), FileKind::Session);
        assert_eq!(kind_of("Agenda(title: \"x\")"), FileKind::Agenda);
        assert_eq!(kind_of("(title: \"x\")"), FileKind::Agenda);
    }

    #[test]
    fn a_newer_session_format_is_refused_with_its_place() {
        let err = parse("Session(\n  format: 7,\n  agenda: Whatever(new: true),\n)").unwrap_err();
        assert_eq!(err.what, ReadProblem::NewerSession { found: 7, known: SESSION_FORMAT });
        assert_eq!(err.at.map(|p| (p.line, p.col)), Some((2, 3)));
    }

    /// A session written by a referent of format 1 (notes, decisions and follow-ups in
    /// lists of their own) reads as one timeline per item, in the order of their times,
    /// and is written back as format 2.
    #[test]
    fn a_session_of_format_1_reads_into_timelines() {
        let old = include_str!("../../tests/fixtures/format-1.session.ron");
        assert!(old.contains("format: 1,") && old.contains("decisions: [") && !old.contains("entries:"));
        let s = parse(old).unwrap();
        let records = || s.agenda.items.iter().map(crate::domain::agenda::Item::record);
        assert_eq!(records().map(|r| r.notes().count()).sum::<usize>(), old.matches("Note(at:").count());
        assert_eq!(records().map(|r| r.decisions().count()).sum::<usize>(), old.matches("Decision(at:").count());
        assert_eq!(records().map(|r| r.followups().count()).sum::<usize>(), old.matches("FollowUp(at:").count());
        for (item, record) in records().enumerate() {
            let times: Vec<Stamp> = record.entries.iter().map(Entry::at).collect();
            assert!(times.is_sorted(), "item {item} in the order of its times: {times:?}");
        }
        // 04/25: the partial decisions between the notes they followed.
        let kinds: Vec<&str> = s.agenda.items[4]
            .record()
            .entries
            .iter()
            .map(|e| match e {
                Entry::Note(_) => "note",
                Entry::Decision(_) => "decision",
                Entry::FollowUp(_) => "follow-up",
                Entry::Presence(_) => "presence",
            })
            .collect();
        assert_eq!(kinds, ["note", "note", "decision", "note", "decision", "decision", "follow-up"]);
        let text = to_text(&s);
        assert!(text.contains("format: 2,") && text.contains("entries: [") && !text.contains("decisions: ["));
        assert_eq!(parse(&text).unwrap(), s);
    }

    /// A note being changed in a format-1 file is named by its place among the notes;
    /// in the timeline it is named by its place there.
    #[test]
    fn a_note_being_changed_in_format_1_stays_the_one_being_changed() {
        let old = r#"ItemRecord(
            notes: [Note(at: "2025-06-03 10:01:00", text: "a"), Note(at: "2025-06-03 10:03:00", text: "b")],
            decisions: [Decision(at: "2025-06-03 10:02:00", text: "v", outcome: Adopted)],
            draft: Draft(note: Note(at: "2025-06-03 10:03:00", text: "b endret"), editing: 1),
        )"#;
        let record: ItemRecord = ron_options().from_str(old).unwrap();
        assert_eq!(record.entries.len(), 3);
        assert_eq!(record.draft.as_ref().unwrap().editing, Some(2), "the second note is third in the timeline");
        assert_eq!(record.entries[2].note().unwrap().text, "b");
    }

    #[test]
    fn records_must_match_the_items() {
        // One record too few, as a hand edit could leave it.
        let mut file: SessionFile = ron_options().from_str(&to_text(&seed_session())).unwrap();
        file.record.items.pop();
        let text = ron::ser::to_string_pretty(&file, pretty()).unwrap();
        let err = parse(&text).unwrap_err();
        let items = file.agenda.items.len();
        assert_eq!(err.what, ReadProblem::RecordCount { list: RecordList::Items, found: items - 1, expected: items });
        assert!(err.at.is_some(), "said where: {err:?}");
        // And one attendance too few for the people.
        let mut file: SessionFile = ron_options().from_str(&to_text(&seed_session())).unwrap();
        file.record.attendance.pop();
        let text = ron::ser::to_string_pretty(&file, pretty()).unwrap();
        let people = file.agenda.people.len();
        let expected = ReadProblem::RecordCount { list: RecordList::Attendance, found: people - 1, expected: people };
        assert_eq!(parse(&text).unwrap_err().what, expected);
    }

    #[test]
    fn the_default_session_sits_beside_the_agenda() {
        assert_eq!(default_path(Path::new("agendas/normen.ron")), PathBuf::from("agendas/normen.session.ron"));
    }
}
