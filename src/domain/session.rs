//! A live meeting: the agenda as it stands, what happened when, and the walker's rules.

use serde::{Deserialize, Serialize};

use super::agenda::{Agenda, Break, Item, Sak, SakKind};
use super::attendance::Attendance;
use super::followup::FollowUp;
use super::notes::{Draft, Note};
use super::previous::TakenUp;
use super::schedule::{self, Length, Schedule};
use super::time::{Day, Hm, Stamp};
use super::timeline::{self, Entry};
use super::vedtak::{Decision, VedtakDraft};

/// The session format this version writes; older ones are read and migrated.
/// Format 2 keeps what was written on an item in one timeline (`ItemRecord::entries`).
pub const SESSION_FORMAT: u32 = 2;

/// The timebox of a sak or break added during the meeting, until someone changes it.
pub const ADDED_MINUTES: u32 = 10;

/// A meeting in progress or done: self-contained, written after every change. Each
/// item of the agenda carries what happened to it (`Item::record`); moving, adding or
/// removing an item moves its record with it.
#[derive(Clone, Debug, PartialEq)]
pub struct Session {
    pub format: u32,
    /// The agenda as it stands: items added, moved, retitled during the meeting, each
    /// with its record.
    pub agenda: Agenda,
    pub record: Record,
}

/// What happened to the meeting as a whole, beside its items.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Record {
    pub started: Option<Stamp>,
    pub ended: Option<Stamp>,
    /// The item being dealt with now (index into the agenda's items).
    pub current: Option<usize>,
    /// The clock is stopped for an interruption since then.
    pub paused: Option<Stamp>,
    /// Interruptions of the clock, past ones.
    pub interruptions: Vec<Segment>,
    /// The sak a break now under way interrupted: taken up again when the break ends.
    pub interrupted: Option<usize>,
    /// The follow-ups still open from the meeting before (`agenda.previous`), as this
    /// meeting took them up.
    pub previous: Vec<TakenUp>,
}

/// A session as its file has it: the agenda as an agenda file writes it, then the items'
/// records and the people's attendance in lists of their own, one per item and one per
/// person in the same order (`I` and `P` are the values, or references to them when
/// writing). Reading and writing a session go through it; nowhere else are the lists side
/// by side.
#[derive(Serialize, Deserialize)]
#[serde(rename = "Session", deny_unknown_fields)]
#[serde(bound(deserialize = "A: Deserialize<'de>, I: Deserialize<'de> + Default, P: Deserialize<'de> + Default"))]
pub struct SessionFile<A = Agenda, I = ItemRecord, P = Attendance> {
    pub format: u32,
    pub agenda: A,
    #[serde(default)]
    pub record: RecordFile<I, P>,
}

/// `Record` as the file has it, with the items' records and the people's attendance
/// (`P`, as `I`).
#[derive(Default, Serialize, Deserialize)]
#[serde(rename = "Record", deny_unknown_fields)]
pub struct RecordFile<I = ItemRecord, P = Attendance> {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub started: Option<Stamp>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ended: Option<Stamp>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub current: Option<usize>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub paused: Option<Stamp>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub interruptions: Vec<Segment>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub interrupted: Option<usize>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub previous: Vec<TakenUp>,
    #[serde(default)]
    pub items: Vec<I>,
    #[serde(default)]
    pub attendance: Vec<P>,
}

/// A session file whose records do not match its agenda: not one per item, or not one
/// per person.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct RecordMismatch;

impl SessionFile {
    /// The session: each record put with its item.
    pub fn into_session(self) -> Result<Session, RecordMismatch> {
        let SessionFile { format, mut agenda, record } = self;
        let RecordFile { started, ended, current, paused, interruptions, interrupted, previous, items, attendance } =
            record;
        if items.len() != agenda.items.len() || attendance.len() != agenda.people.len() {
            return Err(RecordMismatch);
        }
        for (item, record) in agenda.items.iter_mut().zip(items) {
            *item.record_mut() = record;
        }
        for (person, attendance) in agenda.people.iter_mut().zip(attendance) {
            person.attendance = attendance;
        }
        // An older format is read into this one, and written as this one.
        let format = format.max(SESSION_FORMAT);
        Ok(Session {
            format,
            agenda,
            record: Record { started, ended, current, paused, interruptions, interrupted, previous },
        })
    }
}

impl Serialize for Session {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let Record { started, ended, current, paused, interruptions, interrupted, previous } = &self.record;
        let record = RecordFile {
            started: *started,
            ended: *ended,
            current: *current,
            paused: *paused,
            interruptions: interruptions.clone(),
            interrupted: *interrupted,
            previous: previous.clone(),
            items: self.agenda.items.iter().map(Item::record).collect(),
            attendance: self.agenda.people.iter().map(|p| &p.attendance).collect(),
        };
        SessionFile { format: self.format, agenda: &self.agenda, record }.serialize(serializer)
    }
}

impl<'de> Deserialize<'de> for Session {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        SessionFile::deserialize(deserializer)?.into_session().map_err(|RecordMismatch| {
            serde::de::Error::custom("the session's records do not match its agenda (record.items, record.attendance)")
        })
    }
}

/// What happened to one agenda item.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(from = "ItemRecordFile")]
pub struct ItemRecord {
    pub state: ItemState,
    /// When the item was dealt with; several when it was left and resumed.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub segments: Vec<Segment>,
    /// Everything written on it, in the order it was written: innspill og kommentarer,
    /// the headings of their groups, vedtak, oppfølging (`timeline`).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub entries: Vec<Entry>,
    /// The note being written, saved with every key.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub draft: Option<Draft>,
    /// The vedtak being written, saved with every key.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub vedtak_draft: Option<VedtakDraft>,
    /// When the item was planned as the meeting started: the plan the referat prints,
    /// whatever was changed live. `None` for an item added during the meeting.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub planned: Option<Planned>,
    /// The sak comes back to a later meeting ("kommer med nytt forslag"): `referent next`
    /// carries it to the next agenda, whatever its state.
    #[serde(default, skip_serializing_if = "super::agenda::is_false")]
    pub comes_back: bool,
}

/// An item's place in the plan as it stood when the meeting started.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Planned {
    /// (Written "HH:MM" with the hours counted on past midnight, "25:10": a plan that
    /// runs late keeps its order.)
    #[serde(with = "hours_past_midnight")]
    pub at: Hm,
    pub minutes: u32,
}

/// A planned time as "HH:MM" whose hours may pass 23.
mod hours_past_midnight {
    use serde::{Deserialize, Deserializer, Serializer, de};

    use crate::domain::time::Hm;

    #[allow(clippy::trivially_copy_pass_by_ref)] // (serde's `with` passes a reference)
    pub fn serialize<S: Serializer>(at: &Hm, s: S) -> Result<S::Ok, S::Error> {
        let minutes = at.since(Hm::from_minutes(0));
        s.collect_str(&format_args!("{:02}:{:02}", minutes / 60, minutes % 60))
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Hm, D::Error> {
        let text = String::deserialize(d)?;
        let read = |t: &str| t.parse::<u32>().ok().filter(|_| !t.is_empty() && t.len() <= 3);
        match text.split_once(':').map(|(h, m)| (read(h), read(m))) {
            Some((Some(h), Some(m))) if m < 60 => Ok(Hm::from_minutes(h * 60 + m)),
            _ => Err(de::Error::custom(format!("«{text}» is not a planned time (HH:MM)"))),
        }
    }
}

/// An item record as files have it: format 1 kept the notes, decisions and follow-ups in
/// lists of their own; they are read into one timeline, in the order of their times.
#[derive(Deserialize)]
#[serde(rename = "ItemRecord", deny_unknown_fields)]
struct ItemRecordFile {
    #[serde(default)]
    state: ItemState,
    #[serde(default)]
    segments: Vec<Segment>,
    #[serde(default)]
    entries: Vec<Entry>,
    #[serde(default)]
    draft: Option<Draft>,
    #[serde(default)]
    vedtak_draft: Option<VedtakDraft>,
    #[serde(default)]
    planned: Option<Planned>,
    #[serde(default)]
    comes_back: bool,
    #[serde(default)]
    notes: Vec<Note>,
    #[serde(default)]
    decisions: Vec<Decision>,
    #[serde(default)]
    followups: Vec<FollowUp>,
}

impl From<ItemRecordFile> for ItemRecord {
    fn from(file: ItemRecordFile) -> ItemRecord {
        let ItemRecordFile {
            state,
            segments,
            mut entries,
            mut draft,
            vedtak_draft,
            planned,
            comes_back,
            notes,
            decisions,
            followups,
        } = file;
        if !(notes.is_empty() && decisions.is_empty() && followups.is_empty()) {
            let before = entries.len();
            entries.extend(timeline::merged(notes, decisions, followups));
            // A note being changed was named by its place among the notes.
            if let Some(d) = draft.as_mut() {
                d.editing = d.editing.and_then(|n| {
                    entries.iter().enumerate().skip(before).filter(|(_, e)| e.note().is_some()).nth(n).map(|(i, _)| i)
                });
            }
        }
        ItemRecord { state, segments, entries, draft, vedtak_draft, planned, comes_back }
    }
}

/// Where an item stands. Whether it is the current one is `Record::current`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum ItemState {
    #[default]
    Pending,
    Done,
    /// Utsatt.
    Postponed,
    /// Trukket.
    Withdrawn,
}

/// A stretch of time; `end` is `None` while it runs.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Segment {
    pub start: Stamp,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub end: Option<Stamp>,
}

/// Why the walker refused an action.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Refusal {
    NotStarted,
    AlreadyStarted,
    Ended,
    NoSuchItem,
    NothingLeft,
    Paused,
    NotPaused,
    /// Only saker, not breaks, can be postponed, withdrawn or decided.
    NotASak,
    /// The sak has no forslag til vedtak to adopt.
    NoProposal,
    /// Only someone present can leave or have times.
    NotPresent,
    /// Arrival, times away and departure must come in the order they happened.
    TimesOutOfOrder,
    /// A note is being written on the sak (left open by a crash): finish it first.
    UnfinishedDraft,
}

/// How far into its timebox the current item is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Phase {
    Within,
    /// From 80 % of the timebox.
    Warning,
    Overrun,
}

/// The current item's clock.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Timer {
    pub item: usize,
    pub elapsed: i64,
    /// The timebox in seconds; 0 when the item has none.
    pub timebox: i64,
    pub phase: Phase,
}

impl Timer {
    /// Seconds left in the timebox; negative past it.
    pub fn left(&self) -> i64 {
        self.timebox - self.elapsed
    }
}

/// How the meeting is running against its plan.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Projection {
    /// Minutes behind plan; negative when ahead.
    pub behind: i64,
    /// Projected start of each item still to come (`None` for the rest).
    pub starts: Vec<Option<Stamp>>,
    pub end: Stamp,
    pub planned_end: Stamp,
}

type Outcome = Result<(), Refusal>;

impl Session {
    /// A new session for `agenda`. Sak numbers and timeboxes are fixed now, so adding or
    /// moving saker during the meeting never renumbers them or shrinks another's time.
    pub fn new(mut agenda: Agenda) -> Session {
        let numbers = agenda.sak_numbers();
        let plan = schedule::plan(&agenda);
        for ((item, number), slot) in agenda.items.iter_mut().zip(numbers).zip(&plan.slots) {
            let minutes = (slot.length != Length::Unknown).then_some(slot.minutes);
            match item {
                Item::Sak(sak) => {
                    sak.number = number;
                    sak.minutes = minutes;
                }
                Item::Break(b) => b.minutes = minutes,
            }
        }
        for item in &mut agenda.items {
            *item.record_mut() = ItemRecord::default();
        }
        for person in &mut agenda.people {
            person.attendance = Attendance::from_roster(person);
        }
        Session { format: SESSION_FORMAT, agenda, record: Record::default() }
    }

    /// What happened to item `i`.
    pub fn record_of(&self, i: usize) -> Option<&ItemRecord> {
        self.agenda.items.get(i).map(Item::record)
    }

    pub fn record_of_mut(&mut self, i: usize) -> Option<&mut ItemRecord> {
        self.agenda.items.get_mut(i).map(Item::record_mut)
    }

    /// The days the meeting ran: the day it started and the day it ended (or the latest
    /// day anything was recorded, while it runs); `None` before it started.
    pub fn days_ran(&self) -> Option<(Day, Day)> {
        let started = self.record.started?;
        let last = self.record.ended.into_iter().chain(
            self.agenda
                .items
                .iter()
                .flat_map(|i| i.record().segments.iter().flat_map(|s| [Some(s.start), s.end]).flatten()),
        );
        let last = last.max().unwrap_or(started).max(started);
        Some((started.day(), last.day()))
    }

    /// The saker not yet dealt with (never taken up, not postponed or withdrawn), but the
    /// one under way: what closing the meeting now would leave untreated.
    pub fn untreated(&self) -> Vec<usize> {
        (0..self.agenda.items.len())
            .filter(|&i| Some(i) != self.record.current)
            .filter(|&i| matches!(self.agenda.items[i], Item::Sak(_)))
            .filter(|&i| self.agenda.items[i].record().state == ItemState::Pending)
            .collect()
    }

    pub fn schedule(&self) -> Schedule {
        schedule::plan(&self.agenda)
    }

    /// The plan as agreed: for each item, where the plan had it when the meeting started
    /// (`None` for an item added since); before the start, the plan as it stands. A
    /// session started before plans were kept has the plan as it stands too.
    pub fn agreed_plan(&self) -> Vec<Option<Planned>> {
        if self.agenda.items.iter().any(|i| i.record().planned.is_some()) {
            self.agenda.items.iter().map(|i| i.record().planned).collect()
        } else {
            self.schedule().slots.iter().map(|s| Some(Planned { at: s.start, minutes: s.minutes })).collect()
        }
    }

    /// When the meeting was planned to end: the agenda's `end`, else where the agreed
    /// plan ends.
    pub fn agreed_end(&self) -> Option<Hm> {
        self.agenda.end.or_else(|| {
            let plan = self.agreed_plan();
            let last = plan.iter().flatten().map(|p| p.at.plus(i64::from(p.minutes))).max();
            last.or(self.schedule().start)
        })
    }

    pub fn is_running(&self) -> bool {
        self.record.started.is_some() && self.record.ended.is_none()
    }

    fn running(&self) -> Outcome {
        match (self.record.started, self.record.ended) {
            (None, _) => Err(Refusal::NotStarted),
            (_, Some(_)) => Err(Refusal::Ended),
            _ => Ok(()),
        }
    }

    /// Opens the meeting and its first item.
    pub fn start(&mut self, now: Stamp) -> Outcome {
        match (self.record.started, self.record.ended) {
            (Some(_), None) => return Err(Refusal::AlreadyStarted),
            (Some(_), Some(_)) => return Err(Refusal::Ended),
            _ => {}
        }
        self.record.started = Some(now);
        // The plan as it stands now is the plan: live changes move projections, not it.
        let plan = self.schedule();
        for (item, slot) in self.agenda.items.iter_mut().zip(plan.slots) {
            item.record_mut().planned = Some(Planned { at: slot.start, minutes: slot.minutes });
        }
        if let Some(first) = self.next_pending_after(None) {
            self.enter(first, now);
        }
        Ok(())
    }

    /// Finishes the current item and starts the next one still to be dealt with.
    /// Before the meeting this starts it.
    pub fn next(&mut self, now: Stamp) -> Outcome {
        if self.record.started.is_none() {
            return self.start(now);
        }
        self.running()?;
        let next = self.next_item();
        self.record.interrupted = None;
        self.leave(now);
        match next {
            Some(i) => {
                self.enter(i, now);
                Ok(())
            }
            None => Err(Refusal::NothingLeft),
        }
    }

    /// The item `next` would take up: after a break that interrupted a sak, that sak
    /// again; else the first item after the current one still to be dealt with.
    pub fn next_item(&self) -> Option<usize> {
        let after = self.record.current;
        let back = self.record.interrupted.filter(|&i| {
            after.is_some_and(|c| matches!(self.agenda.items[c], Item::Break(_)))
                && self.agenda.items.get(i).is_some_and(|item| item.record().state == ItemState::Pending)
        });
        back.or_else(|| self.next_pending_after(after))
    }

    /// Leaves the current item and takes up item `i` (again).
    pub fn go_to(&mut self, i: usize, now: Stamp) -> Outcome {
        self.running()?;
        if i >= self.agenda.items.len() {
            return Err(Refusal::NoSuchItem);
        }
        // Going anywhere by hand ends an interruption: nothing is taken up on its own.
        self.record.interrupted = None;
        if self.record.current != Some(i) {
            self.leave(now);
            self.enter(i, now);
        }
        Ok(())
    }

    /// A break, with one key. During a break: it ends (back to the sak it interrupted).
    /// When the planned break comes next: the current item is done and the break starts.
    /// Otherwise an unplanned break starts where it happens, right after the current item,
    /// which it interrupts: when the break ends, that sak is taken up again. No sak is
    /// ever passed over.
    pub fn start_break(&mut self, now: Stamp, title: &str) -> Outcome {
        self.running()?;
        let from = self.record.current;
        if let Some(c) = from
            && matches!(self.agenda.items[c], Item::Break(_))
        {
            return self.next(now).or(Ok(()));
        }
        let after = from.map_or(self.agenda.items.len(), |c| c + 1);
        let planned_next = self
            .agenda
            .items
            .get(after)
            .is_some_and(|i| matches!(i, Item::Break(_)) && i.record().state == ItemState::Pending);
        if planned_next {
            return self.go_to(after, now);
        }
        let item =
            Item::Break(Break { title: title.to_string(), at: None, minutes: Some(ADDED_MINUTES), ..Break::default() });
        self.insert(after, item);
        // The sak goes on after the break: left, not done.
        self.leave_unfinished(now);
        self.enter(after, now);
        self.record.interrupted = from.filter(|&c| self.agenda.items[c].record().state == ItemState::Pending);
        Ok(())
    }

    /// Closes the meeting.
    pub fn close(&mut self, now: Stamp) -> Outcome {
        self.running()?;
        if self.record.paused.is_some() {
            self.resume(now)?;
        }
        self.leave(now);
        self.record.ended = Some(now);
        Ok(())
    }

    /// Stops the clock for an interruption.
    pub fn pause(&mut self, now: Stamp) -> Outcome {
        self.running()?;
        if self.record.paused.is_some() {
            return Err(Refusal::Paused);
        }
        self.close_segment(now);
        self.record.paused = Some(now);
        Ok(())
    }

    /// Starts the clock again after an interruption.
    pub fn resume(&mut self, now: Stamp) -> Outcome {
        self.running()?;
        let since = self.record.paused.take().ok_or(Refusal::NotPaused)?;
        self.record.interruptions.push(Segment { start: since, end: Some(now) });
        if let Some(c) = self.record.current {
            self.agenda.items[c].record_mut().segments.push(Segment { start: now, end: None });
        }
        Ok(())
    }

    /// Marks a sak utsatt, or takes the mark back.
    pub fn toggle_postponed(&mut self, i: usize) -> Outcome {
        self.toggle_state(i, ItemState::Postponed)
    }

    /// Marks a sak as one that comes back to a later meeting, or takes the mark back.
    pub fn toggle_comes_back(&mut self, i: usize) -> Outcome {
        let item = self.agenda.items.get_mut(i).ok_or(Refusal::NoSuchItem)?;
        if matches!(item, Item::Break(_)) {
            return Err(Refusal::NotASak);
        }
        let record = item.record_mut();
        record.comes_back = !record.comes_back;
        Ok(())
    }

    /// Marks a sak trukket, or takes the mark back.
    pub fn toggle_withdrawn(&mut self, i: usize) -> Outcome {
        self.toggle_state(i, ItemState::Withdrawn)
    }

    fn toggle_state(&mut self, i: usize, state: ItemState) -> Outcome {
        let item = self.agenda.items.get(i).ok_or(Refusal::NoSuchItem)?;
        if !matches!(item, Item::Sak(_)) {
            return Err(Refusal::NotASak);
        }
        let record = self.agenda.items[i].record_mut();
        record.state = if record.state == state {
            if record.segments.is_empty() || self.record.current == Some(i) {
                ItemState::Pending
            } else {
                ItemState::Done
            }
        } else {
            state
        };
        Ok(())
    }

    /// Adds a sak after item `after` (at the end when `None`), with the next free number
    /// and a timebox of `ADDED_MINUTES`.
    pub fn add_sak(&mut self, after: Option<usize>, title: &str, kind: SakKind) -> usize {
        let number = self.agenda.next_free_number();
        let sak = Sak {
            kind,
            title: title.to_string(),
            number: Some(number),
            numbered: true,
            minutes: Some(ADDED_MINUTES),
            ..Sak::default()
        };
        let at = after.map_or(self.agenda.items.len(), |a| (a + 1).min(self.agenda.items.len()));
        self.insert(at, Item::Sak(sak));
        at
    }

    fn insert(&mut self, at: usize, item: Item) {
        self.agenda.items.insert(at, item);
        for c in [self.record.current.as_mut(), self.record.interrupted.as_mut()].into_iter().flatten() {
            if *c >= at {
                *c += 1;
            }
        }
    }

    /// Moves item `i` one place up (`-1`) or down (`1`); returns where it went.
    pub fn move_item(&mut self, i: usize, up: bool) -> Result<usize, Refusal> {
        let len = self.agenda.items.len();
        if i >= len {
            return Err(Refusal::NoSuchItem);
        }
        let j = if up { i.checked_sub(1) } else { Some(i + 1).filter(|&j| j < len) };
        let Some(j) = j else { return Ok(i) };
        self.agenda.items.swap(i, j);
        // A moved item loses its fixed start: it now starts where the one above ends.
        for k in [i, j] {
            match &mut self.agenda.items[k] {
                Item::Sak(s) => s.at = None,
                Item::Break(b) => b.at = None,
            }
        }
        let swapped = |c: usize| {
            if c == i {
                j
            } else if c == j {
                i
            } else {
                c
            }
        };
        self.record.current = self.record.current.map(swapped);
        self.record.interrupted = self.record.interrupted.map(swapped);
        Ok(j)
    }

    pub fn set_title(&mut self, i: usize, title: &str) -> Outcome {
        match self.agenda.items.get_mut(i).ok_or(Refusal::NoSuchItem)? {
            Item::Sak(s) => s.title = title.to_string(),
            Item::Break(b) => b.title = title.to_string(),
        }
        Ok(())
    }

    /// Sets the timebox; `None` lets the schedule derive it.
    pub fn set_minutes(&mut self, i: usize, minutes: Option<u32>) -> Outcome {
        match self.agenda.items.get_mut(i).ok_or(Refusal::NoSuchItem)? {
            Item::Sak(s) => s.minutes = minutes,
            Item::Break(b) => b.minutes = minutes,
        }
        Ok(())
    }

    fn next_pending_after(&self, after: Option<usize>) -> Option<usize> {
        let from = after.map_or(0, |a| a + 1);
        (from..self.agenda.items.len()).find(|&i| self.agenda.items[i].record().state == ItemState::Pending)
    }

    fn enter(&mut self, i: usize, now: Stamp) {
        self.record.current = Some(i);
        if self.record.paused.is_none() {
            self.agenda.items[i].record_mut().segments.push(Segment { start: now, end: None });
        }
    }

    /// Leaves the current item as it stands (its state as it is).
    fn leave_unfinished(&mut self, now: Stamp) {
        self.close_segment(now);
        self.record.current = None;
    }

    fn leave(&mut self, now: Stamp) {
        self.close_segment(now);
        if let Some(c) = self.record.current.take() {
            let record = self.agenda.items[c].record_mut();
            if record.state == ItemState::Pending {
                record.state = ItemState::Done;
            }
        }
    }

    fn close_segment(&mut self, now: Stamp) {
        if let Some(c) = self.record.current
            && let Some(open) = self.agenda.items[c].record_mut().segments.last_mut().filter(|s| s.end.is_none())
        {
            open.end = Some(now);
        }
    }

    /// Seconds spent on item `i`, all segments together.
    pub fn elapsed(&self, i: usize, now: Stamp) -> i64 {
        self.agenda.items[i].record().segments.iter().map(|s| s.end.unwrap_or(now).seconds_since(s.start).max(0)).sum()
    }

    /// The current item's clock, if there is a current item.
    pub fn timer(&self, schedule: &Schedule, now: Stamp) -> Option<Timer> {
        let item = self.record.current?;
        let elapsed = self.elapsed(item, now);
        let timebox = i64::from(schedule.slots.get(item)?.minutes) * 60;
        let phase = if timebox == 0 {
            Phase::Within
        } else if elapsed > timebox {
            Phase::Overrun
        } else if elapsed * 5 >= timebox * 4 {
            Phase::Warning
        } else {
            Phase::Within
        };
        Some(Timer { item, elapsed, timebox, phase })
    }

    /// Projected starts and end given how the meeting runs, and how far behind it is.
    pub fn projection(&self, schedule: &Schedule, now: Stamp) -> Projection {
        let day = self.record.started.unwrap_or(now);
        let planned = |hm: Hm| day.on_same_day(hm);
        let planned_end = planned(self.agenda.end.or(schedule.planned_end()).unwrap_or(now.hm()));
        let mut starts = vec![None; self.agenda.items.len()];
        if self.record.ended.is_some() {
            let end = self.record.ended.unwrap_or(now);
            return Projection { behind: end.seconds_since(planned_end) / 60, starts, end, planned_end };
        }
        let (mut cursor, behind, from) = match (self.record.started, self.timer(schedule, now)) {
            (None, _) => {
                let start = planned(schedule.start.unwrap_or(now.hm()));
                let cursor = start.max(now);
                (cursor, cursor.seconds_since(start), 0)
            }
            (Some(_), Some(t)) => {
                let end = now.plus_seconds(t.left().max(0));
                (end, end.seconds_since(planned(schedule.slots[t.item].end())), t.item + 1)
            }
            (Some(_), None) => {
                let next = self.next_pending_after(None);
                let behind = next.map_or(0, |n| now.seconds_since(planned(schedule.slots[n].start)));
                (now, behind, 0)
            }
        };
        for (i, start) in starts.iter_mut().enumerate().skip(from) {
            if self.agenda.items[i].record().state == ItemState::Pending && self.record.current != Some(i) {
                *start = Some(cursor);
                cursor = cursor.plus_seconds(i64::from(schedule.slots[i].minutes) * 60);
            }
        }
        Projection { behind: div_floor_minutes(behind), starts, end: cursor, planned_end }
    }
}

/// Whole minutes, rounding towards zero so "30 s behind" is not "1 min behind".
fn div_floor_minutes(seconds: i64) -> i64 {
    seconds / 60
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::domain::fixtures::{agenda, hm, sak};

    pub(crate) fn at(clock: &str) -> Stamp {
        Stamp::parse(&format!("2025-06-03 {clock}")).unwrap()
    }

    fn sak_of(item: &Item) -> Option<&Sak> {
        match item {
            Item::Sak(s) => Some(s),
            Item::Break(_) => None,
        }
    }

    /// 10:00 01/25 (10 min), 02/25 (20 min), Pause (15 min), 03/25 (15 min); ends 11:00.
    pub(crate) fn session() -> Session {
        Session::new(agenda(
            Some("10:00"),
            Some("11:00"),
            vec![
                sak("a", None, Some(10)),
                sak("b", None, Some(20)),
                Item::Break(Break { title: "Pause".into(), at: None, minutes: Some(15), ..Break::default() }),
                sak("c", None, Some(15)),
            ],
        ))
    }

    #[test]
    fn numbers_are_fixed_when_the_session_begins() {
        let mut s = session();
        let numbers: Vec<_> = s.agenda.items.iter().filter_map(sak_of).map(|s| s.number.unwrap().to_string()).collect();
        assert_eq!(numbers, ["01/25", "02/25", "03/25"]);
        s.move_item(0, false).unwrap();
        assert_eq!(sak_of(&s.agenda.items[1]).unwrap().number.unwrap().to_string(), "01/25");
        let i = s.add_sak(Some(3), "Eventuelt", SakKind::Aob);
        assert_eq!(i, 4);
        assert_eq!(sak_of(&s.agenda.items[4]).unwrap().number.unwrap().to_string(), "04/25");
    }

    #[test]
    fn walking_the_agenda_records_segments_and_states() {
        let mut s = session();
        assert_eq!(s.next(at("10:02:00")), Ok(()));
        assert_eq!(s.record.started, Some(at("10:02:00")));
        assert_eq!(s.record.current, Some(0));
        s.next(at("10:10:30")).unwrap();
        assert_eq!(s.agenda.items[0].record().state, ItemState::Done);
        assert_eq!(s.elapsed(0, at("10:30:00")), 8 * 60 + 30);
        assert_eq!(s.record.current, Some(1));
        assert_eq!(s.elapsed(1, at("10:11:00")), 30);
    }

    #[test]
    fn a_sak_taken_up_again_keeps_its_time_in_one_record() {
        let mut s = session();
        s.start(at("10:00:00")).unwrap();
        s.next(at("10:10:00")).unwrap(); // b
        s.next(at("10:30:00")).unwrap(); // pause
        s.go_to(1, at("10:45:00")).unwrap(); // back to b
        s.next(at("10:50:00")).unwrap(); // c
        assert_eq!(s.agenda.items[1].record().segments.len(), 2);
        assert_eq!(s.elapsed(1, at("11:00:00")), 25 * 60);
        assert_eq!(s.record.current, Some(3));
    }

    #[test]
    fn pausing_stops_the_sak_clock_and_resuming_starts_it() {
        let mut s = session();
        s.start(at("10:00:00")).unwrap();
        s.pause(at("10:05:00")).unwrap();
        assert_eq!(s.pause(at("10:06:00")), Err(Refusal::Paused));
        assert_eq!(s.elapsed(0, at("10:09:00")), 5 * 60);
        s.resume(at("10:09:00")).unwrap();
        assert_eq!(s.elapsed(0, at("10:10:00")), 6 * 60);
        assert_eq!(s.record.interruptions, [Segment { start: at("10:05:00"), end: Some(at("10:09:00")) }]);
        assert_eq!(s.resume(at("10:11:00")), Err(Refusal::NotPaused));
    }

    #[test]
    fn the_timer_warns_from_80_percent_and_overruns_past_the_timebox() {
        let mut s = session();
        let plan = s.schedule();
        s.start(at("10:00:00")).unwrap();
        let phase = |now| s.timer(&plan, at(now)).unwrap().phase;
        assert_eq!(phase("10:07:59"), Phase::Within);
        assert_eq!(phase("10:08:00"), Phase::Warning);
        assert_eq!(phase("10:10:00"), Phase::Warning);
        assert_eq!(phase("10:10:01"), Phase::Overrun);
        assert_eq!(s.timer(&plan, at("10:12:30")).unwrap().left(), -150);
    }

    #[test]
    fn the_projection_shifts_what_is_left_by_the_overrun() {
        let mut s = session();
        let plan = s.schedule();
        s.start(at("10:00:00")).unwrap();
        s.next(at("10:13:00")).unwrap(); // a took 13 of 10 minutes
        let p = s.projection(&plan, at("10:20:00"));
        // b: 7 of 20 minutes gone, 13 left → ends 10:33 instead of 10:30.
        assert_eq!(p.behind, 3);
        assert_eq!(p.starts[2], Some(at("10:33:00")));
        assert_eq!(p.starts[3], Some(at("10:48:00")));
        assert_eq!(p.end, at("11:03:00"));
        assert_eq!(p.planned_end, at("11:00:00"));
        assert_eq!(p.starts[0], None);
    }

    #[test]
    fn an_overrunning_sak_pushes_the_end_as_the_clock_runs() {
        let mut s = session();
        let plan = s.schedule();
        s.start(at("10:00:00")).unwrap();
        assert_eq!(s.projection(&plan, at("10:15:00")).behind, 5);
        assert_eq!(s.projection(&plan, at("10:15:00")).end, at("11:05:00"));
    }

    #[test]
    fn ahead_of_plan_is_negative() {
        let mut s = session();
        let plan = s.schedule();
        s.start(at("10:00:00")).unwrap();
        s.next(at("10:04:00")).unwrap();
        assert_eq!(s.projection(&plan, at("10:04:00")).behind, -6);
    }

    #[test]
    fn before_the_start_the_plan_is_the_projection() {
        let s = session();
        let plan = s.schedule();
        let p = s.projection(&plan, at("09:50:00"));
        assert_eq!((p.behind, p.end), (0, at("11:00:00")));
        let late = s.projection(&plan, at("10:05:00"));
        assert_eq!((late.behind, late.end), (5, at("11:05:00")));
    }

    #[test]
    fn postponed_and_withdrawn_saker_are_skipped() {
        let mut s = session();
        s.toggle_postponed(1).unwrap();
        s.toggle_withdrawn(3).unwrap();
        assert_eq!(s.toggle_postponed(2), Err(Refusal::NotASak));
        s.start(at("10:00:00")).unwrap();
        s.next(at("10:10:00")).unwrap();
        assert_eq!(s.record.current, Some(2)); // the pause, b skipped
        assert_eq!(s.next(at("10:25:00")), Err(Refusal::NothingLeft));
        assert_eq!(s.record.current, None);
        s.toggle_postponed(1).unwrap();
        assert_eq!(s.agenda.items[1].record().state, ItemState::Pending);
    }

    /// 10:00 01/25 a, 02/25 b, Pause, 03/25 c.
    #[test]
    fn a_break_never_passes_a_sak_over() {
        let mut s = session();
        s.start(at("10:00:00")).unwrap();
        // During 01/25, with 02/25 still to come: an unplanned break where it happens.
        s.start_break(at("10:05:00"), "Pause").unwrap();
        assert_eq!(s.record.current, Some(1));
        assert_eq!(s.agenda.items[1].title(), "Pause");
        assert_eq!(s.agenda.items[0].record().state, ItemState::Pending, "01/25 is interrupted, not done");
        // Its end takes 01/25 up again, whichever key ends it.
        s.start_break(at("10:15:00"), "Pause").unwrap();
        assert_eq!(s.record.current, Some(0));
        assert_eq!(s.agenda.items[0].record().segments.len(), 2);
        // Then on: the break that is behind is not taken again, 02/25 is next.
        s.next(at("10:20:00")).unwrap();
        assert_eq!(s.record.current, Some(2));
        // With the planned break next: 02/25 is done, the break starts.
        s.start_break(at("10:30:00"), "Pause").unwrap();
        assert_eq!((s.record.current, s.agenda.items[2].record().state), (Some(3), ItemState::Done));
        s.next(at("10:45:00")).unwrap();
        assert_eq!(s.record.current, Some(4), "the planned break is followed by 03/25");
        assert_eq!(s.agenda.items.iter().filter(|i| i.title() == "Pause").count(), 2, "one pause added, no more");
    }

    #[test]
    fn going_elsewhere_during_a_break_ends_the_interruption() {
        let mut s = session();
        s.start(at("10:00:00")).unwrap();
        s.start_break(at("10:05:00"), "Pause").unwrap();
        s.go_to(4, at("10:15:00")).unwrap();
        assert_eq!(s.record.interrupted, None);
        // Moving the interrupted sak, or adding one before it, moves the mark with it.
        let mut s = session();
        s.start(at("10:00:00")).unwrap();
        s.start_break(at("10:05:00"), "Pause").unwrap();
        assert_eq!((s.record.current, s.record.interrupted), (Some(1), Some(0)));
        s.move_item(0, false).unwrap();
        assert_eq!((s.record.current, s.record.interrupted), (Some(0), Some(1)));
        s.add_sak(Some(0), "Ny", SakKind::Information);
        assert_eq!((s.record.current, s.record.interrupted), (Some(0), Some(2)));
        s.next(at("10:15:00")).unwrap();
        assert_eq!(s.agenda.items[s.record.current.unwrap()].title(), "a", "back to the interrupted sak");
    }

    #[test]
    fn closing_records_the_end_and_refuses_further_walking() {
        let mut s = session();
        assert_eq!(s.close(at("10:00:00")), Err(Refusal::NotStarted));
        s.start(at("10:00:00")).unwrap();
        s.pause(at("10:30:00")).unwrap();
        s.close(at("10:40:00")).unwrap();
        assert_eq!(s.record.ended, Some(at("10:40:00")));
        assert_eq!(s.record.paused, None);
        assert_eq!(s.agenda.items[0].record().state, ItemState::Done);
        assert_eq!(s.next(at("10:41:00")), Err(Refusal::Ended));
        assert_eq!(s.start(at("10:41:00")), Err(Refusal::Ended));
    }

    #[test]
    fn moving_keeps_the_current_item_and_its_record() {
        let mut s = session();
        s.start(at("10:00:00")).unwrap();
        assert_eq!(s.move_item(0, false), Ok(1));
        assert_eq!(s.record.current, Some(1));
        assert_eq!(s.agenda.items[1].title(), "a");
        assert_eq!(s.agenda.items[1].record().segments.len(), 1);
        assert_eq!(s.move_item(0, true), Ok(0));
    }

    #[test]
    fn adding_a_sak_never_shrinks_another_sak_s_timebox() {
        let mut a = session().agenda;
        for item in &mut a.items {
            if let Item::Sak(s) = item {
                s.minutes = None; // derived from the next `at`
            }
        }
        a.items[0] = Item::Sak(Sak { title: "a".into(), numbered: true, at: Some(hm("10:00")), ..Sak::default() });
        a.items[1] = Item::Sak(Sak { title: "b".into(), numbered: true, at: Some(hm("10:20")), ..Sak::default() });
        let mut s = Session::new(a);
        assert_eq!(s.schedule().slots[0].minutes, 20);
        s.add_sak(Some(0), "Ny", SakKind::Information);
        assert_eq!(s.schedule().slots[0].minutes, 20);
        assert_eq!(s.schedule().slots[1].minutes, ADDED_MINUTES);
    }

    #[test]
    fn adding_before_the_current_item_keeps_it_current() {
        let mut s = session();
        s.start(at("10:00:00")).unwrap();
        s.next(at("10:10:00")).unwrap();
        s.add_sak(None, "Ny sak", SakKind::Discussion);
        s.set_minutes(4, Some(5)).unwrap();
        s.set_title(4, "Ny sak fra Helse Vest").unwrap();
        assert_eq!(s.agenda.items[4].title(), "Ny sak fra Helse Vest");
        assert_eq!(s.schedule().slots[4].minutes, 5);
        let i = s.add_sak(Some(0), "Tidlig", SakKind::Information);
        assert_eq!(i, 1);
        assert_eq!(s.record.current, Some(2));
    }
}

#[cfg(test)]
mod planned_tests {
    use super::*;

    /// A plan that runs past midnight keeps its order in the file: "25:10", not "01:10".
    #[test]
    fn a_planned_time_past_midnight_is_written_and_read_back_as_it_is() {
        let late = Planned { at: Hm::from_minutes(25 * 60 + 10), minutes: 30 };
        let text = ron::to_string(&late).unwrap();
        assert_eq!(text, r#"(at:"25:10",minutes:30)"#);
        assert_eq!(ron::from_str::<Planned>(&text).unwrap(), late);
        for bad in [r#"(at:"10",minutes:1)"#, r#"(at:"10:75",minutes:1)"#, r#"(at:"x:10",minutes:1)"#] {
            let e = ron::from_str::<Planned>(bad).unwrap_err().to_string();
            assert!(e.contains("is not a planned time (HH:MM)"), "{bad}: {e}");
        }
    }
}
