//! Text read from a file as it is shown: every text of an agenda or a session (titles,
//! names, notes, vedtak) with what a terminal would obey (escapes, control characters,
//! bidi overrides) made visible as "�" (`text::visible`), done once as a file is read.

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
            item.record_mut().make_visible();
        }
    }
}

impl ItemRecord {
    /// Makes every text written on the item visible: its timeline and its drafts.
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
            }
        }
        if let Some(d) = &mut self.draft {
            make_visible(&mut d.note.text);
            if let Some(s) = &mut d.note.speaker {
                s.name.iter_mut().chain(s.org.iter_mut()).for_each(make_visible);
            }
        }
        if let Some(d) = &mut self.vedtak_draft {
            make_visible(&mut d.text);
            d.label.iter_mut().for_each(make_visible);
        }
    }
}

impl Session {
    /// Makes every text of the session visible.
    pub fn make_visible(&mut self) {
        self.agenda.make_visible();
    }
}
