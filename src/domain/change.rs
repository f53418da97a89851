//! Small changes of a session: what typing a note, writing a vedtak or recording on one
//! sak changed, found by comparing two states. Most say what a part of the session *is*;
//! a keystroke in a text says what it did to the text (bytes cut, text put), so that it
//! costs the same in a long note as in a short one: those follow the change before them
//! and are replayed in order onto the state they were made on.

use serde::{Deserialize, Serialize};

use super::command::Command;
use super::notes::Draft;
use super::session::{ItemRecord, Session};
use super::time::Stamp;
use super::vedtak::VedtakDraft;

/// More items than this changed at once: the whole session is the smaller record.
const MOST_ITEMS: usize = 3;

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum Change {
    /// The note being written on item `item`.
    Draft { item: usize, draft: Option<Draft> },
    /// The vedtak being written on item `item`.
    VedtakDraft { item: usize, draft: Option<VedtakDraft> },
    /// The text of the note being written on item `item`: bytes `at..at + cut` replaced
    /// by `put`.
    DraftText { item: usize, at: usize, cut: usize, put: String },
    /// The text of the vedtak being written on item `item`, as `DraftText`.
    VedtakText { item: usize, at: usize, cut: usize, put: String },
    /// Everything recorded on item `item`.
    Item { item: usize, record: ItemRecord },
    /// `command` applied at `at`: a change to the agenda, the walk or the attendance,
    /// done again on replay.
    Applied { command: Command, at: Stamp },
}

/// The changes that turn `before` into `after`: empty when they are equal, `None` when
/// more changed than what is recorded on a few items (the agenda, the attendance, which
/// item is current, ...).
pub fn changes(before: &Session, after: &Session) -> Option<Vec<Change>> {
    let same_frame = before.format == after.format
        && before.record == after.record
        && before.agenda.people.iter().map(|p| &p.attendance).eq(after.agenda.people.iter().map(|p| &p.attendance))
        && before.agenda.people.iter().map(|p| &p.attendance).eq(after.agenda.people.iter().map(|p| &p.attendance))
        && before.agenda.same_plan(&after.agenda);
    if !same_frame {
        return None;
    }
    let mut out = Vec::new();
    for (item, (old, new)) in before.agenda.items.iter().zip(&after.agenda.items).enumerate() {
        let (old, new) = (old.record(), new.record());
        if old == new {
            continue;
        }
        if out.len() >= MOST_ITEMS {
            return None;
        }
        let only_draft = old.draft != new.draft && ItemRecord { draft: new.draft.clone(), ..old.clone() } == *new;
        let only_vedtak = old.vedtak_draft != new.vedtak_draft
            && ItemRecord { vedtak_draft: new.vedtak_draft.clone(), ..old.clone() } == *new;
        out.push(if only_draft {
            Change::Draft { item, draft: new.draft.clone() }
        } else if only_vedtak {
            Change::VedtakDraft { item, draft: new.vedtak_draft.clone() }
        } else {
            Change::Item { item, record: new.clone() }
        });
    }
    Some(out)
}

/// What typing changed in the note being written on item `item`: the edit of its text
/// when nothing else of it changed, else the whole draft.
pub fn typed_note(item: usize, before: Option<&Draft>, after: Option<&Draft>) -> Change {
    match (before, after) {
        (Some(b), Some(a))
            if b.editing == a.editing
                && b.note.at == a.note.at
                && b.note.kind == a.note.kind
                && b.note.speaker == a.note.speaker =>
        {
            let (at, cut, put) = edit(&b.note.text, &a.note.text);
            Change::DraftText { item, at, cut, put: put.to_string() }
        }
        _ => Change::Draft { item, draft: after.cloned() },
    }
}

/// What typing changed in the vedtak being written on item `item`, as `typed_note`.
pub fn typed_vedtak(item: usize, before: Option<&VedtakDraft>, after: Option<&VedtakDraft>) -> Change {
    match (before, after) {
        (Some(b), Some(a)) if b.label == a.label => {
            let (at, cut, put) = edit(&b.text, &a.text);
            Change::VedtakText { item, at, cut, put: put.to_string() }
        }
        _ => Change::VedtakDraft { item, draft: after.cloned() },
    }
}

/// The one edit that turns `before` into `after`: bytes `at..at + cut` of `before` replaced
/// by `put`, a slice of `after` (their common start and end kept, on char boundaries).
fn edit<'a>(before: &str, after: &'a str) -> (usize, usize, &'a str) {
    let (b, a) = (before.as_bytes(), after.as_bytes());
    let mut start = b.iter().zip(a).take_while(|(x, y)| x == y).count();
    while !before.is_char_boundary(start) || !after.is_char_boundary(start) {
        start -= 1;
    }
    let mut end = b[start..].iter().rev().zip(a[start..].iter().rev()).take_while(|(x, y)| x == y).count();
    while !before.is_char_boundary(b.len() - end) || !after.is_char_boundary(a.len() - end) {
        end -= 1;
    }
    (start, b.len() - end - start, &after[start..a.len() - end])
}

/// Puts `put` in place of bytes `at..at + cut` of `text`; false (and nothing changed) when
/// those bytes are not there.
fn splice(text: &mut String, at: usize, cut: usize, put: &str) -> bool {
    let fits = at.checked_add(cut).is_some_and(|end| text.get(at..end).is_some());
    if fits {
        text.replace_range(at..at + cut, put);
    }
    fits
}

/// Applies `change`; false (and nothing changed) when its item, or the text it edits,
/// does not exist, or its command is refused.
pub fn apply(session: &mut Session, change: Change) -> bool {
    let change = match change {
        Change::Applied { command, at } => return session.apply(command, at).is_ok(),
        other => other,
    };
    let item = match &change {
        Change::Applied { .. } => return false,
        Change::Draft { item, .. }
        | Change::VedtakDraft { item, .. }
        | Change::DraftText { item, .. }
        | Change::VedtakText { item, .. }
        | Change::Item { item, .. } => *item,
    };
    let Some(record) = session.record_of_mut(item) else { return false };
    match change {
        Change::Draft { draft, .. } => record.draft = draft,
        Change::VedtakDraft { draft, .. } => record.vedtak_draft = draft,
        Change::DraftText { at, cut, put, .. } => {
            return record.draft.as_mut().is_some_and(|d| splice(&mut d.note.text, at, cut, &put));
        }
        Change::VedtakText { at, cut, put, .. } => {
            return record.vedtak_draft.as_mut().is_some_and(|d| splice(&mut d.text, at, cut, &put));
        }
        Change::Item { record: new, .. } => *record = new,
        Change::Applied { .. } => return false,
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::agenda::SakKind;
    use crate::domain::fixtures::{agenda, sak};
    use crate::domain::time::Stamp;

    fn at(clock: &str) -> Stamp {
        Stamp::parse(&format!("2025-06-03 {clock}")).unwrap()
    }

    fn running() -> Session {
        let mut s =
            Session::new(agenda(Some("10:00"), Some("11:00"), vec![sak("A", None, Some(20)), sak("B", None, None)]));
        s.start(at("10:00:00")).unwrap();
        s
    }

    #[test]
    fn typing_a_note_is_a_draft_change_and_replays() {
        let before = running();
        let mut after = before.clone();
        after.open_draft(0, at("10:01:00")).unwrap();
        after.draft_mut(0).unwrap().note.text = "Innspill".into();
        let changes = changes(&before, &after).unwrap();
        assert!(matches!(changes.as_slice(), [Change::Draft { item: 0, draft: Some(_) }]), "{changes:?}");
        let mut replayed = before.clone();
        for c in changes.clone() {
            assert!(apply(&mut replayed, c));
        }
        assert_eq!(replayed, after);
        // Twice is the same as once.
        for c in changes {
            apply(&mut replayed, c);
        }
        assert_eq!(replayed, after);
    }

    #[test]
    fn a_committed_note_is_an_item_change() {
        let mut before = running();
        before.open_draft(0, at("10:01:00")).unwrap();
        before.draft_mut(0).unwrap().note.text = "Innspill".into();
        let mut after = before.clone();
        after.commit_draft(0);
        let changes = changes(&before, &after).unwrap();
        assert!(matches!(changes.as_slice(), [Change::Item { item: 0, .. }]), "{changes:?}");
    }

    #[test]
    fn a_vedtak_being_written_is_a_vedtak_change() {
        let before = running();
        let mut after = before.clone();
        after.open_vedtak_draft(0, None, "Vedtatt").unwrap();
        let changes = changes(&before, &after).unwrap();
        assert!(matches!(changes.as_slice(), [Change::VedtakDraft { item: 0, draft: Some(_) }]), "{changes:?}");
    }

    #[test]
    fn the_agenda_or_the_walk_changing_is_not_item_local() {
        let before = running();
        let mut after = before.clone();
        after.add_sak(Some(0), "Ny sak", SakKind::Information);
        assert_eq!(changes(&before, &after), None);
        let mut after = before.clone();
        after.next(at("10:05:00")).unwrap();
        assert_eq!(changes(&before, &after), None);
        assert_eq!(changes(&before, &before), Some(Vec::new()));
    }

    #[test]
    fn a_change_to_a_missing_item_is_refused() {
        let mut s = running();
        assert!(!apply(&mut s, Change::Draft { item: 9, draft: None }));
    }

    #[test]
    fn typing_is_the_edit_it_made_and_replays_in_order() {
        let mut live = running();
        live.open_draft(0, at("10:01:00")).unwrap();
        let mut written = live.clone();
        for text in
            ["S", "St", "Støtte", "Støttes", "Støttes", "Det støttes", "Det støttes.", "Det støtte.", "Det støtté."]
        {
            let before = written.agenda.items[0].record().draft.clone();
            live.draft_mut(0).unwrap().note.text = text.into();
            let c = typed_note(0, before.as_ref(), live.agenda.items[0].record().draft.as_ref());
            assert!(matches!(c, Change::DraftText { .. }), "{c:?}");
            assert!(apply(&mut written, c));
            assert_eq!(written, live, "after {text:?}");
        }
        // An edit says only what changed: a letter typed in a long note is one letter.
        let before = written.agenda.items[0].record().draft.clone();
        live.draft_mut(0).unwrap().note.text = "Det støttes helt.".into();
        let c = typed_note(0, before.as_ref(), live.agenda.items[0].record().draft.as_ref());
        assert_eq!(c, Change::DraftText { item: 0, at: 10, cut: 2, put: "es helt".into() });
        // A new speaker is more than the text: the whole draft.
        let before = written.agenda.items[0].record().draft.clone();
        live.draft_mut(0).unwrap().note.speaker =
            Some(crate::domain::notes::Speaker { name: Some("Ola".into()), org: None });
        let c = typed_note(0, before.as_ref(), live.agenda.items[0].record().draft.as_ref());
        assert!(matches!(c, Change::Draft { item: 0, draft: Some(_) }), "{c:?}");
    }

    #[test]
    fn an_edit_keeps_to_char_boundaries() {
        // é and è share their first byte: the edit is the whole letter.
        assert_eq!(edit("aé", "aè"), (1, 2, "è"));
        assert_eq!(edit("ab", "abab"), (2, 0, "ab"));
        assert_eq!(edit("aa", "a"), (1, 1, ""));
        assert_eq!(edit("samme", "samme"), (5, 0, ""));
        assert_eq!(edit("🎉x", "x"), (0, 4, ""));
    }

    #[test]
    fn an_edit_of_a_text_that_is_not_there_is_refused() {
        let mut s = running();
        let edit = |at, cut| Change::DraftText { item: 0, at, cut, put: "x".into() };
        assert!(!apply(&mut s, edit(0, 0)), "no draft");
        s.open_draft(0, at("10:01:00")).unwrap();
        s.draft_mut(0).unwrap().note.text = "æ".into();
        assert!(!apply(&mut s, edit(1, 0)), "inside a letter");
        assert!(!apply(&mut s, edit(0, 3)), "past the end");
        assert!(!apply(&mut s, edit(usize::MAX, 1)));
        assert_eq!(s.agenda.items[0].record().draft.as_ref().unwrap().note.text, "æ");
        assert!(apply(&mut s, edit(2, 0)));
        assert_eq!(s.agenda.items[0].record().draft.as_ref().unwrap().note.text, "æx");
        let vedtak = Change::VedtakText { item: 0, at: 0, cut: 0, put: "V".into() };
        assert!(!apply(&mut s, vedtak.clone()), "no vedtak being written");
        s.open_vedtak_draft(0, None, "edtatt").unwrap();
        assert!(apply(&mut s, vedtak));
        assert_eq!(s.agenda.items[0].record().vedtak_draft.as_ref().unwrap().text, "Vedtatt");
    }
}
