//! Text read from a file as it is shown: every text of an agenda or a session (titles,
//! names, notes, vedtak) with what a terminal would obey (escapes, control characters,
//! bidi overrides) made visible (`text::visible`: "␛" for ESC, "�" for a bidi override), done once as a file is read
//! (after its journal is replayed) for the live meeting and the referat.

use super::agenda::{Agenda, Item};
use super::session::{ItemRecord, Session};
use super::text::make_visible;
use super::timeline::Entry;

impl Agenda {
    /// Makes every text of the agenda (and of the records its items carry) visible.
    pub fn make_visible(&mut self) {
        make_visible(&mut self.body);
        make_visible(&mut self.title);
        for text in
            [&mut self.place, &mut self.link, &mut self.referat.vedtak, &mut self.referat.adopted].into_iter().flatten()
        {
            make_visible(text);
        }
        self.phrases.iter_mut().for_each(make_visible);
        for p in &mut self.people {
            for text in [&mut p.name, &mut p.org, &mut p.short].into_iter().flatten() {
                make_visible(text);
            }
        }
        for item in &mut self.items {
            match item {
                Item::Sak(s) => {
                    make_visible(&mut s.title);
                    for text in [&mut s.presenter, &mut s.background, &mut s.proposal].into_iter().flatten() {
                        make_visible(text);
                    }
                    s.documents.iter_mut().for_each(make_visible);
                }
                Item::Break(b) => make_visible(&mut b.title),
            }
            // (Only a record with something to show otherwise is changed: a record shared
            // with a copy of the session stays shared.)
            if item.record().hides_anything() {
                item.record_mut().make_visible();
            }
        }
    }
}

impl ItemRecord {
    /// Makes every text written on the item visible: its timeline. (Not the drafts: the
    /// journal's edits to them count bytes of the text as written; the editor shows what
    /// is hidden in them its own way, `app::wrap::drawn`.)
    pub fn make_visible(&mut self) {
        for entry in &mut self.entries {
            match entry {
                Entry::Note(n) => {
                    make_visible(&mut n.text);
                    if let Some(s) = &mut n.speaker {
                        s.name.iter_mut().chain(s.org.iter_mut()).for_each(make_visible);
                    }
                }
                Entry::Decision(d) => {
                    make_visible(&mut d.text);
                    d.label.iter_mut().chain(d.until.iter_mut()).for_each(make_visible);
                }
                Entry::FollowUp(f) => {
                    make_visible(&mut f.what);
                    f.who.iter_mut().chain(f.frist_text.iter_mut()).for_each(make_visible);
                }
                // (A place on the roster and a time: no text of its own.)
                Entry::Presence(_) => {}
            }
        }
    }
}

impl ItemRecord {
    /// Whether a text of its timeline holds something `make_visible` shows otherwise.
    fn hides_anything(&self) -> bool {
        let hides = |t: &String| matches!(super::text::visible(t), std::borrow::Cow::Owned(_));
        self.entries.iter().any(|entry| match entry {
            Entry::Note(n) => {
                hides(&n.text) || n.speaker.as_ref().is_some_and(|s| s.name.iter().chain(s.org.iter()).any(hides))
            }
            Entry::Decision(d) => hides(&d.text) || d.label.iter().chain(d.until.iter()).any(hides),
            Entry::FollowUp(f) => hides(&f.what) || f.who.iter().chain(f.frist_text.iter()).any(hides),
            Entry::Presence(_) => false,
        })
    }
}

impl Session {
    /// Makes every text of the session visible.
    pub fn make_visible(&mut self) {
        self.agenda.make_visible();
        self.agenda.previous.iter_mut().for_each(make_visible);
        for taken in &mut self.record.previous {
            let f = &mut taken.followup;
            make_visible(&mut f.what);
            f.who.iter_mut().chain(f.frist_text.iter_mut()).for_each(make_visible);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::fixtures::{agenda, sak};
    use crate::domain::notes::{Note, NoteKind, Speaker};
    use crate::domain::time::Stamp;

    #[test]
    fn a_record_with_nothing_to_show_otherwise_stays_shared_with_a_copy() {
        let mut s = Session::new(agenda(Some("10:00"), None, vec![sak("a", None, None), sak("b", None, None)]));
        let at = Stamp::parse("2025-06-03 10:00:00").unwrap();
        let note = Note { at, kind: NoteKind::Comment, speaker: None, text: "ESC \u{1b}[2J".into() };
        s.agenda.items[1].record_mut().entries.push(Entry::Note(note));
        let copy = s.clone();
        s.make_visible();
        let shared = |i: usize| match (&s.agenda.items[i], &copy.agenda.items[i]) {
            (Item::Sak(a), Item::Sak(b)) => std::sync::Arc::ptr_eq(&a.record, &b.record),
            _ => false,
        };
        assert!(shared(0), "nothing to change: not copied");
        assert!(!shared(1), "made visible in a copy of its own");
        assert_eq!(copy.agenda.items[1].record().notes().next().unwrap().text, "ESC \u{1b}[2J", "the copy untouched");
    }

    #[test]
    fn every_text_of_a_session_read_from_a_file_is_made_visible_but_the_drafts() {
        let mut s = Session::new(agenda(Some("10:00"), None, vec![sak("Tittel \u{1b}[2J", None, Some(5))]));
        s.agenda.body = "Til \u{202e}alle".into();
        let at = Stamp::parse("2025-06-03 10:00:00").unwrap();
        let speaker = Speaker { name: Some("Ola\u{7}".into()), org: None };
        let note = Note { at, kind: NoteKind::Comment, speaker: Some(speaker), text: "Innspill \u{9b}1m".into() };
        s.agenda.items[0].record_mut().entries.push(Entry::Note(note));
        s.open_draft(0, at).unwrap();
        s.draft_mut(0).unwrap().note.text = "halv \u{1b}".into();
        s.make_visible();
        assert_eq!(s.agenda.items[0].title(), "Tittel ␛[2J");
        assert_eq!(s.agenda.body, "Til �alle");
        let note = s.agenda.items[0].record().notes().next().unwrap().clone();
        assert_eq!((note.text.as_str(), note.speaker.unwrap().name.unwrap().as_str()), ("Innspill �1m", "Ola␇"));
        assert_eq!(s.agenda.items[0].record().draft.as_ref().unwrap().note.text, "halv \u{1b}", "the journal edits it");
    }
}
