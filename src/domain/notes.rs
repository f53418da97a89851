//! Innspill og kommentarer: the notes on a sak, each with its time, kind and an optional
//! speaker, and the draft being typed (kept in the session, so no keystroke is lost).

use serde::{Deserialize, Serialize};

use super::session::{Refusal, Session};
use super::time::Stamp;
use super::timeline::Entry;

/// One thing said, as the minute-taker wrote it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Note {
    /// When it was said (when the minute-taker started writing it).
    pub at: Stamp,
    #[serde(default, skip_serializing_if = "NoteKind::is_comment")]
    pub kind: NoteKind,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub speaker: Option<Speaker>,
    pub text: String,
}

/// Comment, one side of a question and its answer ("Spørsmål:" / "Svar:"), or the
/// heading that opens a group of notes ("Innspill og kommentarer fra SG (kap. 1.3):").
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum NoteKind {
    #[default]
    Comment,
    Question,
    Answer,
    Heading,
}

impl NoteKind {
    #[allow(clippy::trivially_copy_pass_by_ref)] // serde's skip_serializing_if passes a reference
    fn is_comment(&self) -> bool {
        *self == NoteKind::Comment
    }

    /// Comment → Question → Answer → Heading → Comment.
    pub fn next(self) -> NoteKind {
        match self {
            NoteKind::Comment => NoteKind::Question,
            NoteKind::Question => NoteKind::Answer,
            NoteKind::Answer => NoteKind::Heading,
            NoteKind::Heading => NoteKind::Comment,
        }
    }

    /// Its place in `next`'s order, from 0 (for word lists such as `note_kinds`).
    pub fn index(self) -> usize {
        match self {
            NoteKind::Comment => 0,
            NoteKind::Question => 1,
            NoteKind::Answer => 2,
            NoteKind::Heading => 3,
        }
    }
}

/// Who said it: a person, an organisation, or both; free text goes in `name`.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Speaker {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub org: Option<String>,
}

impl Speaker {
    /// "Name (Org)", "Name" or "Org".
    pub fn label(&self) -> String {
        match (&self.name, &self.org) {
            (Some(n), Some(o)) => format!("{n} ({o})"),
            (Some(n), None) => n.clone(),
            (None, Some(o)) => o.clone(),
            (None, None) => String::new(),
        }
    }
}

/// The note being written on a sak: a new one, or a change to `editing`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Draft {
    pub note: Note,
    /// The index of the note being changed; `None` for a new note.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub editing: Option<usize>,
}

impl Session {
    /// Starts writing a new note on item `item`, or takes up the draft already there.
    pub fn open_draft(&mut self, item: usize, now: Stamp) -> Result<&Draft, Refusal> {
        let record = self.record_of_mut(item).ok_or(Refusal::NoSuchItem)?;
        Ok(record.draft.get_or_insert_with(|| Draft {
            note: Note { at: now, kind: NoteKind::Comment, speaker: None, text: String::new() },
            editing: None,
        }))
    }

    /// Starts changing the note at `index` of item `item`'s timeline.
    pub fn edit_note(&mut self, item: usize, index: usize) -> Result<&Draft, Refusal> {
        let record = self.record_of_mut(item).ok_or(Refusal::NoSuchItem)?;
        let note = record.entries.get(index).and_then(Entry::note).ok_or(Refusal::NoSuchItem)?.clone();
        if record.draft.as_ref().is_some_and(|d| d.editing != Some(index) && !d.note.text.trim().is_empty()) {
            return Err(Refusal::UnfinishedDraft);
        }
        record.draft = Some(Draft { note, editing: Some(index) });
        record.draft.as_ref().ok_or(Refusal::NoSuchItem)
    }

    /// The draft on item `item`, to change as the minute-taker types.
    pub fn draft_mut(&mut self, item: usize) -> Option<&mut Draft> {
        self.record_of_mut(item)?.draft.as_mut()
    }

    /// Files the draft of item `item` as a note at the end of its timeline (or as the
    /// changed note, where it is); an empty new draft is dropped. Returns where it is.
    pub fn commit_draft(&mut self, item: usize) -> Option<usize> {
        let record = self.record_of_mut(item)?;
        let Draft { mut note, editing } = record.draft.take()?;
        note.text = note.text.trim_end().to_string();
        match editing.and_then(|i| record.entries.get_mut(i).map(|e| (i, e))) {
            Some((i, entry @ Entry::Note(_))) => {
                *entry = Entry::Note(note);
                Some(i)
            }
            _ if note.text.trim().is_empty() => None,
            _ => Some(record.push(Entry::Note(note))),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::session::tests::{at, session};

    #[test]
    fn a_note_is_typed_into_a_draft_and_filed_with_its_time() {
        let mut s = session();
        s.open_draft(1, at("10:12:00")).unwrap();
        let draft = s.draft_mut(1).unwrap();
        draft.note.text = "Bør ikke blande inn annet enn informasjonssikkerhet.  ".into();
        draft.note.speaker = Some(Speaker { name: None, org: Some("Helse Nord RHF".into()) });
        assert_eq!(s.commit_draft(1), Some(0));
        let note = &s.agenda.items[1].record().notes().next().unwrap();
        assert_eq!(note.at, at("10:12:00"));
        assert_eq!(note.text, "Bør ikke blande inn annet enn informasjonssikkerhet.");
        assert_eq!(note.speaker.as_ref().unwrap().label(), "Helse Nord RHF");
        assert_eq!(s.agenda.items[1].record().draft, None);
    }

    #[test]
    fn an_empty_draft_files_nothing() {
        let mut s = session();
        s.open_draft(0, at("10:00:00")).unwrap();
        s.draft_mut(0).unwrap().note.text = "  \n ".into();
        assert_eq!(s.commit_draft(0), None);
        assert!(s.agenda.items[0].record().notes().next().is_none());
    }

    #[test]
    fn reopening_takes_up_the_draft_already_there() {
        let mut s = session();
        s.open_draft(0, at("10:00:00")).unwrap();
        s.draft_mut(0).unwrap().note.text = "halv".into();
        assert_eq!(s.open_draft(0, at("10:05:00")).unwrap().note.text, "halv");
        assert_eq!(s.open_draft(0, at("10:05:00")).unwrap().note.at, at("10:00:00"));
    }

    #[test]
    fn a_half_written_note_is_not_overwritten_by_changing_another() {
        let mut s = session();
        s.open_draft(0, at("10:00:00")).unwrap();
        s.draft_mut(0).unwrap().note.text = "første".into();
        s.commit_draft(0);
        s.open_draft(0, at("10:01:00")).unwrap();
        s.draft_mut(0).unwrap().note.text = "halvskrevet".into();
        assert_eq!(s.edit_note(0, 0).err(), Some(Refusal::UnfinishedDraft));
        assert_eq!(s.agenda.items[0].record().draft.as_ref().unwrap().note.text, "halvskrevet");
        // An empty draft, or the same note's, gives way.
        s.draft_mut(0).unwrap().note.text = " ".into();
        assert_eq!(s.edit_note(0, 0).unwrap().note.text, "første");
        assert_eq!(s.edit_note(0, 0).unwrap().editing, Some(0));
    }

    #[test]
    fn notes_are_changed_deleted_and_moved() {
        let mut s = session();
        for (t, text) in [("10:01:00", "a"), ("10:02:00", "b"), ("10:03:00", "c")] {
            s.open_draft(0, at(t)).unwrap();
            s.draft_mut(0).unwrap().note.text = text.into();
            s.commit_draft(0);
        }
        s.edit_note(0, 1).unwrap();
        s.draft_mut(0).unwrap().note.text = "B".into();
        s.draft_mut(0).unwrap().note.kind = NoteKind::Question;
        assert_eq!(s.commit_draft(0), Some(1));
        assert_eq!(s.agenda.items[0].record().notes().nth(1).unwrap().kind, NoteKind::Question);
        assert_eq!(
            s.agenda.items[0].record().notes().nth(1).unwrap().at,
            at("10:02:00"),
            "a changed note keeps its time"
        );
        assert_eq!(s.move_entry(0, 2, true), Ok(1));
        let texts: Vec<_> = s.agenda.items[0].record().notes().map(|n| n.text.as_str()).collect();
        assert_eq!(texts, ["a", "c", "B"]);
        assert_eq!(s.delete_entry(0, 0).unwrap().note().unwrap().text, "a");
        assert_eq!(s.delete_entry(0, 5), Err(Refusal::NoSuchItem));
    }

    #[test]
    fn kinds_cycle() {
        assert_eq!(NoteKind::Comment.next(), NoteKind::Question);
        assert_eq!(NoteKind::Question.next(), NoteKind::Answer);
        assert_eq!(NoteKind::Answer.next(), NoteKind::Heading);
        assert_eq!(NoteKind::Heading.next(), NoteKind::Comment);
    }
}
