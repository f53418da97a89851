//! What changed, said as a sentence: the state of the meeting is watched from frame to
//! frame (the item under way, the clock stopped, the timebox's 80 % and its end, what was
//! filed on a sak, whether everything is saved), and each change becomes a sentence in
//! `App::said`, which the plain screen shows as its last line for a screen reader to read.

use super::App;
use crate::domain::agenda::Item;
use crate::domain::previous::Status;
use crate::domain::session::Phase;
use crate::domain::time::Stamp;
use crate::domain::timeline::Entry;
use crate::store::autosave::SaveState;

/// How many sentences are kept.
const KEPT: usize = 3;

/// What is watched, as it was at the last look.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Watched {
    current: Option<usize>,
    ended: bool,
    paused: bool,
    phase: Option<Phase>,
    /// How many entries each item's timeline has.
    entries: Vec<usize>,
    saved: bool,
    /// What became of each follow-up of earlier meetings.
    previous: Vec<Option<Status>>,
}

impl Watched {
    fn of(app: &App, now: Stamp) -> Watched {
        let s = &app.session;
        Watched {
            current: s.record.current,
            ended: s.record.ended.is_some(),
            paused: s.record.paused.is_some(),
            phase: s.timer(&app.schedule, now).filter(|t| t.timebox > 0).map(|t| t.phase),
            entries: s.agenda.items.iter().map(|i| i.record().entries.len()).collect(),
            saved: matches!(app.saved, SaveState::Saved),
            previous: s.record.previous.iter().map(|t| t.status).collect(),
        }
    }
}

impl App {
    /// Looks at the meeting at `now` and says what changed since the last look (the
    /// first look says nothing: it is what the screen shows).
    pub fn observe(&mut self, now: Stamp) {
        let seen = Watched::of(self, now);
        if let Some(was) = &self.watched {
            let said = self.sentences(was, &seen, now);
            self.said.extend(said);
            let extra = self.said.len().saturating_sub(KEPT);
            self.said.drain(..extra);
        }
        self.watched = Some(seen);
    }

    /// The sentences that say the change from `was` to `is`.
    fn sentences(&self, was: &Watched, is: &Watched, now: Stamp) -> Vec<String> {
        let (w, s) = (self.words, &self.session);
        let h = w.home;
        let mut said = Vec::new();
        if is.current != was.current {
            if let Some(i) = is.current {
                let minutes = self.schedule.slots.get(i).map_or(0, |slot| slot.minutes);
                said.push((h.said_started)(&self.item_name(i), minutes));
            } else if is.ended && !was.ended {
                let at = s.record.ended.map(|e| e.hm().to_string()).unwrap_or_default();
                said.push(format!("{}.", (w.ended)(&at)));
            }
        } else if is.phase != was.phase {
            match (is.phase, s.timer(&self.schedule, now)) {
                // (Whole minutes left, rounded up: what a listener needs.)
                (Some(Phase::Warning), Some(t)) => said.push((h.said_warning)((t.left() + 59) / 60)),
                (Some(Phase::Overrun), _) => said.push(h.said_overrun.to_string()),
                _ => {}
            }
        }
        if is.paused != was.paused && is.current.is_some() {
            said.push((if is.paused { h.said_paused } else { h.said_resumed }).to_string());
        }
        if is.entries.len() == was.entries.len() {
            for (i, (&n, &before)) in is.entries.iter().zip(&was.entries).enumerate() {
                if n > before
                    && let Some(entry) = s.agenda.items[i].record().entries.last()
                {
                    let what = match entry {
                        Entry::Note(_) => h.said_note,
                        Entry::Decision(_) => h.said_vedtak,
                        Entry::FollowUp(_) => h.said_followup,
                        Entry::Presence(m) => {
                            said.push(w.referat.presence(s, m));
                            continue;
                        }
                    };
                    said.push((h.said_filed)(what, &self.item_name(i)));
                }
            }
        }
        if is.previous.len() == was.previous.len() {
            for (i, (now, before)) in is.previous.iter().zip(&was.previous).enumerate() {
                if now != before {
                    said.push((h.said_taken_up)(&s.record.previous[i].followup.what, *now));
                }
            }
        }
        if is.saved != was.saved {
            said.push(match &self.saved {
                SaveState::Saved => h.said_saved_again.to_string(),
                SaveState::Failed(reason) => format!("{}.", (w.not_saved)(&w.failure(reason))),
            });
        }
        said
    }

    /// "04/25 Normen 7.0", or a break's or an unnumbered item's title.
    pub fn item_name(&self, i: usize) -> String {
        let s = &self.session;
        let number = s.agenda.sak_numbers().get(i).copied().flatten().map(|n| format!("{n} ")).unwrap_or_default();
        match s.agenda.items.get(i) {
            Some(Item::Break(b)) if b.title.is_empty() => self.words.a_break.to_string(),
            Some(item) => format!("{number}{}", item.title()),
            None => String::new(),
        }
    }
}
