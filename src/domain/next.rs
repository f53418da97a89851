//! From one meeting to the next: the draft of the next agenda from a session (header and
//! roster carried, numbering continued, the godkjenning saker, the saker postponed or
//! coming back, the follow-ups still open, eventuelt), each item with where it came from.

use super::agenda::{Agenda, Item, Numbering, Person, Sak, SakKind, SakNumber};
use super::followup::FollowUp;
use super::previous::{Status, TakenUp};
use super::session::{ItemState, Session};
use super::time::Day;
#[cfg(test)]
use super::time::Hm;

/// The timebox of a godkjenning sak when the meeting before gives none.
pub const APPROVAL_MINUTES: u32 = 5;
/// The timebox of the sak that lists the follow-ups still open.
pub const FOLLOWUPS_MINUTES: u32 = 10;

/// The words a draft is written with (bokmål or English, from `i18n`).
pub struct DraftWords {
    pub innkalling_title: &'static str,
    pub innkalling_proposal: &'static str,
    /// "Godkjenning av referat fra møte 03.06.25".
    pub referat_title: fn(day: &str) -> String,
    pub referat_proposal: &'static str,
    /// The first paragraph of a postponed sak's background: "Utsatt fra møte 03.06.25, sak 10/25."
    pub postponed_from: fn(day: &str, number: &str) -> String,
    /// The same for a sak that was to come back.
    pub comes_back_from: fn(day: &str, number: &str) -> String,
    /// The title of the sak listing the follow-ups still open.
    pub followups_title: &'static str,
    /// One follow-up in that sak's background: what, who, frist (as written), from.
    pub followup_line: fn(what: &str, who: Option<&str>, frist: Option<&str>, from: &str) -> String,
    /// "møte 03.06.25, sak 03/25" (the number left out when the sak has none).
    pub from_meeting: fn(day: &str, number: Option<&str>) -> String,
    pub aob: &'static str,
}

/// Where an item of the draft came from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Origin {
    /// Godkjenning av innkalling og dagsorden.
    Innkalling,
    /// Godkjenning av referat from the meeting of that day.
    Referat(Day),
    /// A sak of that meeting (its number, if it had one), as it stood there: postponed,
    /// or marked to come back (`state` what became of it).
    Carried { day: Day, number: Option<SakNumber>, state: ItemState, comes_back: bool },
    /// The follow-ups still open (how many).
    FollowUps { count: usize },
    /// Eventuelt.
    Aob,
}

/// The next meeting's agenda, and where each of its items came from (one per item).
#[derive(Clone, Debug, PartialEq)]
pub struct Draft {
    pub agenda: Agenda,
    pub origins: Vec<Origin>,
}

/// A follow-up still open, with the meeting and sak it came from.
#[derive(Clone, Debug, PartialEq)]
pub struct OpenFollowUp {
    pub followup: FollowUp,
    /// The day of the meeting it was agreed in.
    pub meeting: Day,
    /// The sak it was agreed under.
    pub sak: Option<SakNumber>,
}

impl OpenFollowUp {
    /// The frist as the referat writes it: "18.08.25", or as typed.
    pub fn frist(&self) -> Option<String> {
        self.followup.frist.map(Day::short).or_else(|| self.followup.frist_text.clone())
    }

    /// Overdue on `today`: a frist (a date) before it.
    pub fn overdue(&self, today: Day) -> bool {
        self.followup.frist.is_some_and(|f| f < today)
    }
}

/// The day a session's meeting was held: the day it started, else its agenda's date.
pub fn meeting_day(session: &Session) -> Day {
    session.record.started.map_or(session.agenda.date, super::time::Stamp::day)
}

/// Every follow-up of the session still open: those of earlier meetings it took up and
/// did not mark done or dropped, then those agreed in it, in agenda order.
pub fn open_followups(session: &Session) -> Vec<OpenFollowUp> {
    let day = meeting_day(session);
    let numbers = session.agenda.sak_numbers();
    let earlier = session.record.previous.iter().filter(|t| Status::is_open(t.status)).map(TakenUp::open);
    let own = session.followups().into_iter().map(|(item, _, f)| OpenFollowUp {
        followup: f.clone(),
        meeting: day,
        sak: numbers[item],
    });
    earlier.chain(own).collect()
}

/// The same follow-up, wherever it is listed: what, who, frist, and where it was agreed.
fn same(a: &OpenFollowUp, b: &OpenFollowUp) -> bool {
    let key = |o: &OpenFollowUp| {
        (
            o.meeting,
            o.sak,
            o.followup.what.clone(),
            o.followup.who.clone(),
            o.followup.frist,
            o.followup.frist_text.clone(),
        )
    };
    key(a) == key(b)
}

/// Every follow-up still open across `sessions` (a folder's): each once, as the last
/// session that took it up left it (a follow-up another session took up is that one's to
/// say, the meeting held before it having taken it up too), sorted by frist (those with none last), then by meeting. With the index of the
/// session it is listed from.
pub fn open_across(sessions: &[&Session]) -> Vec<(usize, OpenFollowUp)> {
    let mut open: Vec<(usize, OpenFollowUp)> = Vec::new();
    for (i, session) in sessions.iter().enumerate() {
        for o in open_followups(session) {
            let held = (meeting_day(session), i);
            let taken_up_later = sessions.iter().enumerate().any(|(j, other)| {
                (meeting_day(other), j) > held && other.record.previous.iter().any(|t| same(&t.open(), &o))
            });
            if !taken_up_later && !open.iter().any(|(_, seen)| same(seen, &o)) {
                open.push((i, o));
            }
        }
    }
    open.sort_by_key(|(_, o)| (o.followup.frist.is_none(), o.followup.frist, o.meeting));
    open
}

/// Numbering of the meeting on `date` after `agenda`: on after the last number of that
/// year used in it, or from 01 in a new year.
pub fn continued_numbering(agenda: &Agenda, date: Day) -> Numbering {
    let year = date.short_year();
    let last = agenda.sak_numbers().into_iter().flatten().filter(|n| n.year == year).map(|n| n.n).max();
    Numbering { first: last.map_or(1, |n| n.saturating_add(1)), year: Some(year) }
}

/// The draft agenda of the meeting on `date` after `session`'s; `previous` is the path
/// from the draft's folder to the session.
pub fn draft(session: &Session, date: Day, previous: Option<String>, w: &DraftWords) -> Draft {
    let old = &session.agenda;
    let day = meeting_day(session);
    let numbers = old.sak_numbers();
    let saker = || old.items.iter().filter_map(|i| if let Item::Sak(s) = i { Some(s) } else { None });
    let approvals: Vec<&Sak> = saker().filter(|s| s.kind == SakKind::Approval).collect();
    let minutes_of = |item: &Item| item.record().planned.map(|p| p.minutes).or(item.minutes());
    let mut items = Vec::new();
    let mut origins = Vec::new();
    let approval = |title: String, proposal: &str, like: Option<&&Sak>| Sak {
        kind: SakKind::Approval,
        title,
        numbered: true,
        minutes: Some(like.and_then(|s| s.minutes).unwrap_or(APPROVAL_MINUTES)),
        proposal: Some(like.and_then(|s| s.proposal.clone()).unwrap_or_else(|| proposal.to_string())),
        ..Sak::default()
    };
    items.push(Item::Sak(approval(w.innkalling_title.to_string(), w.innkalling_proposal, approvals.first())));
    origins.push(Origin::Innkalling);
    items.push(Item::Sak(approval((w.referat_title)(&day.short()), w.referat_proposal, approvals.get(1))));
    origins.push(Origin::Referat(day));
    for (i, item) in old.items.iter().enumerate() {
        let Item::Sak(sak) = item else { continue };
        let record = item.record();
        let postponed = record.state == ItemState::Postponed;
        if !(postponed || record.comes_back) {
            continue;
        }
        let number = numbers[i];
        let said = number.map(|n| n.to_string()).unwrap_or_default();
        let from =
            if postponed { (w.postponed_from)(&day.short(), &said) } else { (w.comes_back_from)(&day.short(), &said) };
        let background = match sak.background.as_deref().map(str::trim).filter(|b| !b.is_empty()) {
            Some(b) => format!("{from}\n\n{b}"),
            None => from,
        };
        items.push(Item::Sak(Sak {
            kind: sak.kind,
            title: sak.title.clone(),
            numbered: true,
            minutes: minutes_of(item),
            presenter: sak.presenter.clone(),
            documents: sak.documents.clone(),
            background: Some(background),
            proposal: sak.proposal.clone(),
            ..Sak::default()
        }));
        origins.push(Origin::Carried { day, number, state: record.state, comes_back: record.comes_back });
    }
    let open = open_followups(session);
    if !open.is_empty() {
        let lines: Vec<String> = open
            .iter()
            .map(|o| {
                let sak = o.sak.map(|n| n.to_string());
                let from = (w.from_meeting)(&o.meeting.short(), sak.as_deref());
                (w.followup_line)(&o.followup.what, o.followup.who.as_deref(), o.frist().as_deref(), &from)
            })
            .collect();
        items.push(Item::Sak(Sak {
            kind: SakKind::Information,
            title: w.followups_title.to_string(),
            numbered: true,
            minutes: Some(FOLLOWUPS_MINUTES),
            background: Some(lines.join("\n")),
            ..Sak::default()
        }));
        origins.push(Origin::FollowUps { count: open.len() });
    }
    let aob = old.items.iter().rev().find(|i| matches!(i, Item::Sak(s) if s.kind == SakKind::Aob));
    items.push(Item::Sak(match aob {
        Some(item @ Item::Sak(s)) => Sak {
            kind: SakKind::Aob,
            title: s.title.clone(),
            numbered: s.numbered,
            minutes: minutes_of(item),
            ..Sak::default()
        },
        _ => Sak { kind: SakKind::Aob, title: w.aob.to_string(), numbered: false, ..Sak::default() },
    }));
    origins.push(Origin::Aob);
    let mut agenda = Agenda {
        date,
        start: super::schedule::plan(old).start,
        numbering: Some(continued_numbering(old, date)),
        people: old
            .people
            .iter()
            .map(|p| Person { apologies: false, attendance: super::attendance::Attendance::default(), ..p.clone() })
            .collect(),
        previous,
        items,
        ..old.clone()
    };
    fit(&mut agenda);
    Draft { agenda, origins }
}

/// Leaves the timeboxes off when together they run past the meeting's end: the saker then
/// share the time there is, and the secretariat sets them.
fn fit(agenda: &mut Agenda) {
    let (Some(start), Some(end)) = (agenda.start, agenda.end) else { return };
    let total: i64 = agenda.items.iter().filter_map(Item::minutes).map(i64::from).sum();
    if total > end.since(start) {
        for item in &mut agenda.items {
            if let Item::Sak(s) = item {
                s.minutes = None;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::agenda::Break;
    use crate::domain::fixtures::{agenda, sak};
    use crate::domain::session::tests::at;

    fn words() -> &'static DraftWords {
        &crate::i18n::words(crate::domain::agenda::Lang::Nb).next.draft
    }

    fn day(text: &str) -> Day {
        Day::parse(text).unwrap()
    }

    /// A meeting of 3 June 2025 numbered from 07/25: a, b (postponed), a break, c (withdrawn,
    /// comes back), d with a follow-up.
    fn held() -> Session {
        let mut a = agenda(
            None,
            Some("15:00"),
            vec![sak("a", Some("10:00"), Some(10)), sak("b", None, Some(20)), Item::Break(Break::default())],
        );
        a.items.push(sak("c", None, Some(15)));
        a.items.push(sak("d", None, Some(15)));
        a.numbering = Some(Numbering { first: 7, year: None });
        a.people.push(Person { name: Some("Kari".into()), apologies: true, ..Person::default() });
        let mut s = Session::new(a);
        s.agenda.items[1].record_mut().state = ItemState::Postponed;
        s.agenda.items[3].record_mut().state = ItemState::Withdrawn;
        s.agenda.items[3].record_mut().comes_back = true;
        let f = FollowUp {
            at: at("11:00:00"),
            what: "Svar".into(),
            who: Some("Ola".into()),
            frist: None,
            frist_text: None,
        };
        s.add_followup(4, f).unwrap();
        s
    }

    #[test]
    fn numbering_goes_on_after_the_last_number_of_the_year() {
        let s = held();
        assert_eq!(continued_numbering(&s.agenda, day("2025-09-16")), Numbering { first: 11, year: Some(25) });
    }

    #[test]
    fn a_new_year_numbers_from_one_again() {
        let mut s = held();
        s.agenda.date = day("2025-12-09");
        let next = draft(&s, day("2026-01-13"), None, words());
        assert_eq!(next.agenda.numbering, Some(Numbering { first: 1, year: Some(26) }));
        let numbers: Vec<String> = next.agenda.sak_numbers().into_iter().flatten().map(|n| n.to_string()).collect();
        assert_eq!(numbers[..2], ["01/26", "02/26"]);
    }

    #[test]
    fn the_draft_carries_postponed_saker_and_those_that_come_back_and_lists_the_follow_ups() {
        let next = draft(&held(), day("2025-09-16"), Some("m.session.ron".into()), words());
        let titles: Vec<&str> = next.agenda.items.iter().map(Item::title).collect();
        assert_eq!(
            titles,
            [
                "Godkjenning av innkalling og dagsorden",
                "Godkjenning av referat fra møte 03.06.25",
                "b",
                "c",
                "Oppfølgingspunkter fra tidligere møter",
                "Eventuelt"
            ]
        );
        let background = |i: usize| match &next.agenda.items[i] {
            Item::Sak(s) => s.background.clone().unwrap_or_default(),
            Item::Break(_) => String::new(),
        };
        assert_eq!(background(2), "Utsatt fra møte 03.06.25, sak 08/25.");
        assert_eq!(background(3), "Kommer tilbake fra møte 03.06.25, sak 09/25.");
        assert_eq!(background(4), "- Svar (ansvarlig: Ola) – møte 03.06.25, sak 10/25");
        assert_eq!(
            next.origins[2],
            Origin::Carried {
                day: day("2025-06-03"),
                number: "08/25".parse().ok(),
                state: ItemState::Postponed,
                comes_back: false
            }
        );
        assert_eq!(next.origins[4], Origin::FollowUps { count: 1 });
        assert_eq!(next.agenda.previous.as_deref(), Some("m.session.ron"));
        assert!(next.agenda.people.iter().all(|p| !p.apologies), "forfall is asked anew");
        assert_eq!(next.agenda.start, Hm::new(10, 0));
        let numbers: Vec<String> = next.agenda.sak_numbers().into_iter().flatten().map(|n| n.to_string()).collect();
        assert_eq!(numbers, ["11/25", "12/25", "13/25", "14/25", "15/25"], "eventuelt made without a number");
    }

    #[test]
    fn timeboxes_that_would_run_past_the_end_are_left_for_the_secretariat() {
        let mut s = held();
        s.agenda.end = Hm::new(10, 30);
        let next = draft(&s, day("2025-09-16"), None, words());
        assert!(next.agenda.items.iter().all(|i| i.minutes().is_none()));
    }

    #[test]
    fn with_nothing_open_there_is_no_follow_up_sak_and_eventuelt_is_made() {
        let mut s = held();
        s.agenda.items.retain(|i| i.record().followups().next().is_none() && i.title() != "d");
        let next = draft(&s, day("2025-09-16"), None, words());
        assert!(!next.origins.contains(&Origin::FollowUps { count: 0 }));
        assert_eq!(next.agenda.items.last().map(Item::title), Some("Eventuelt"));
    }

    #[test]
    fn across_a_folder_each_follow_up_is_listed_once_as_the_last_meeting_left_it_by_frist() {
        let first = held();
        let mut second = Session::new(agenda(Some("10:00"), Some("12:00"), vec![sak("x", None, Some(10))]));
        second.agenda.date = day("2025-09-16");
        let later = FollowUp {
            at: at("10:30:00"),
            what: "Skriv".into(),
            who: None,
            frist: Some(day("2025-10-01")),
            frist_text: None,
        };
        second.add_followup(0, later).unwrap();
        second.record.previous = open_followups(&first).into_iter().map(TakenUp::from_open).collect();
        let whats = |list: Vec<(usize, OpenFollowUp)>| -> Vec<(usize, String)> {
            list.into_iter().map(|(i, o)| (i, o.followup.what)).collect()
        };
        assert_eq!(whats(open_across(&[&first, &second])), [(1, "Skriv".into()), (1, "Svar".into())]);
        second.mark_taken_up(0, Some(Status::Done)).unwrap();
        assert_eq!(whats(open_across(&[&first, &second])), [(1, "Skriv".into())], "done in the second meeting");
        assert_eq!(whats(open_across(&[&first])), [(0, "Svar".into())]);
        second.mark_taken_up(0, Some(Status::Carried)).unwrap();
        let mut third = Session::new(agenda(Some("10:00"), Some("12:00"), vec![sak("y", None, Some(10))]));
        third.agenda.date = day("2025-10-21");
        third.record.previous = open_followups(&second).into_iter().map(TakenUp::from_open).collect();
        assert_eq!(whats(open_across(&[&third, &first, &second])), [(0, "Skriv".into()), (0, "Svar".into())]);
        third.mark_taken_up(1, Some(Status::Done)).unwrap();
        assert_eq!(whats(open_across(&[&third, &first, &second])), [(0, "Svar".into())], "Skriv done in the third");
        let o = &open_across(&[&second])[0].1;
        assert!(o.overdue(day("2025-10-02")) && !o.overdue(day("2025-10-01")), "overdue the day after its frist");
    }
}
