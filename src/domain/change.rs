//! Small self-contained changes of a session: what typing a note, writing a vedtak or
//! recording on one sak changed, found by comparing two states. Each change says what a
//! part of the session *is* (not what was done to it), so replaying one twice is harmless.

use serde::{Deserialize, Serialize};

use super::notes::Draft;
use super::session::{ItemRecord, Session};
use super::vedtak::VedtakDraft;

/// More items than this changed at once: the whole session is the smaller record.
const MOST_ITEMS: usize = 3;

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum Change {
    /// The note being written on item `item`.
    Draft { item: usize, draft: Option<Draft> },
    /// The vedtak being written on item `item`.
    VedtakDraft { item: usize, draft: Option<VedtakDraft> },
    /// Everything recorded on item `item`.
    Item { item: usize, record: ItemRecord },
}

/// The changes that turn `before` into `after`: empty when they are equal, `None` when
/// more changed than what is recorded on a few items (the agenda, the attendance, which
/// item is current, ...).
pub fn changes(before: &Session, after: &Session) -> Option<Vec<Change>> {
    let (b, a) = (&before.record, &after.record);
    let same_frame = before.format == after.format
        && b.started == a.started
        && b.ended == a.ended
        && b.current == a.current
        && b.paused == a.paused
        && b.interruptions == a.interruptions
        && b.items.len() == a.items.len()
        && b.attendance == a.attendance
        && before.agenda == after.agenda;
    if !same_frame {
        return None;
    }
    let mut out = Vec::new();
    for (item, (old, new)) in b.items.iter().zip(&a.items).enumerate() {
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

/// Applies `change`; false (and nothing changed) when its item does not exist.
pub fn apply(session: &mut Session, change: Change) -> bool {
    let item = match &change {
        Change::Draft { item, .. } | Change::VedtakDraft { item, .. } | Change::Item { item, .. } => *item,
    };
    let Some(record) = session.record.items.get_mut(item) else { return false };
    match change {
        Change::Draft { draft, .. } => record.draft = draft,
        Change::VedtakDraft { draft, .. } => record.vedtak_draft = draft,
        Change::Item { record: new, .. } => *record = new,
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
}
