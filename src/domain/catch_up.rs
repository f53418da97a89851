//! What it takes to end on time: when the meeting runs behind, which of the timeboxes
//! still to come to shorten and by how much, or by how much it will run over anyway.
//!
//! The rule: the minutes the projected end lies past the planned end are taken from the
//! items still to come, in proportion to the time each has above its floor (a godkjenning
//! keeps 2 minutes, a beslutningssak 5, ...), never below it. Breaks keep their time unless
//! the chair chooses to shorten them too (by accepting a second proposal once the saker can
//! give no more). What the floors cannot give is said as the time the meeting will still
//! run over.

use super::agenda::{Item, SakKind};
use super::schedule::Schedule;
use super::session::Session;
use super::time::Stamp;

/// One timebox shortened: item `item` from `from` to `to` minutes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Cut {
    pub item: usize,
    pub from: u32,
    pub to: u32,
}

/// A proposal to end on time.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CatchUp {
    /// Minutes the meeting is projected to run past its planned end.
    pub over: u32,
    /// The timeboxes to shorten, in agenda order (none when nothing can give).
    pub cuts: Vec<Cut>,
    /// Minutes it runs over even with every cut (0: it ends on time).
    pub short: u32,
    /// Whether breaks are shortened too.
    pub breaks: bool,
}

impl CatchUp {
    /// Whether the cuts bring the meeting back to its planned end.
    pub fn ends_on_time(&self) -> bool {
        self.short == 0
    }
}

/// The least time an item keeps when it is shortened.
pub fn floor(item: &Item) -> u32 {
    match item {
        Item::Sak(s) => match s.kind {
            SakKind::Approval | SakKind::Aob => 2,
            SakKind::Information | SakKind::Election => 3,
            SakKind::Discussion | SakKind::Decision => 5,
        },
        Item::Break(_) => 5,
    }
}

impl Session {
    /// What it takes to end on time at `now`, when the running meeting is projected to end
    /// after its planned end; `None` before the start, after the end and when on time.
    /// `breaks`: breaks may be shortened too.
    pub fn catch_up(&self, schedule: &Schedule, now: Stamp, breaks: bool) -> Option<CatchUp> {
        if self.record.started.is_none() || self.record.ended.is_some() {
            return None;
        }
        let projection = self.projection(schedule, now);
        let late = projection.end.seconds_since(projection.planned_end);
        if late <= 0 {
            return None;
        }
        // Whole minutes, rounded up: 30 s late is a minute to find.
        let over = u32::try_from((late + 59) / 60).unwrap_or(u32::MAX);
        // Items still to come (those the projection starts), with what each can give.
        let room: Vec<(usize, u32, u32)> = projection
            .starts
            .iter()
            .enumerate()
            .filter(|(_, start)| start.is_some())
            .filter_map(|(i, _)| {
                let item = &self.agenda.items[i];
                let minutes = schedule.slots.get(i)?.minutes;
                let keeps = if matches!(item, Item::Break(_)) && !breaks { minutes } else { floor(item).min(minutes) };
                Some((i, minutes, minutes - keeps))
            })
            .filter(|&(_, _, room)| room > 0)
            .collect();
        let total: u64 = room.iter().map(|&(_, _, r)| u64::from(r)).sum();
        let take = u64::from(over).min(total);
        let shares = shares(&room.iter().map(|&(_, _, r)| u64::from(r)).collect::<Vec<_>>(), take);
        let cuts = room
            .iter()
            .zip(shares)
            .filter(|&(_, share)| share > 0)
            .map(|(&(item, from, _), share)| Cut { item, from, to: from - u32::try_from(share).unwrap_or(from) })
            .collect();
        let short = u32::try_from(u64::from(over) - take).unwrap_or(u32::MAX);
        Some(CatchUp { over, cuts, short, breaks })
    }

    /// The proposal the chair is offered: the saker still to come shortened, breaks kept;
    /// once the saker can give no more, the breaks too (so the chair chooses them by
    /// accepting again). `None` when not behind or nothing can give.
    pub fn catch_up_offer(&self, schedule: &Schedule, now: Stamp) -> Option<CatchUp> {
        [false, true].into_iter().filter_map(|breaks| self.catch_up(schedule, now, breaks)).find(|c| !c.cuts.is_empty())
    }
}

/// `take` shared out in proportion to `room`, in whole minutes that add up to it: each its
/// rounded-down share, the minutes left over to the largest remainders (the first of equal
/// ones). No share is above its room, since `take` is at most their sum.
fn shares(room: &[u64], take: u64) -> Vec<u64> {
    let total: u64 = room.iter().sum();
    if total == 0 {
        return vec![0; room.len()];
    }
    let mut shares: Vec<u64> = room.iter().map(|&r| r * take / total).collect();
    let mut rest: Vec<(usize, u64)> = room.iter().enumerate().map(|(i, &r)| (i, r * take % total)).collect();
    rest.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    let left = take - shares.iter().sum::<u64>();
    for &(i, _) in rest.iter().take(usize::try_from(left).unwrap_or(usize::MAX)) {
        shares[i] += 1;
    }
    shares
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::agenda::{Break, Sak};
    use crate::domain::fixtures::{agenda, hm};
    use crate::domain::session::tests::at;
    use proptest::prelude::*;

    fn sak(kind: SakKind, minutes: u32) -> Item {
        Item::Sak(Sak { title: "sak".into(), numbered: true, kind, minutes: Some(minutes), ..Sak::default() })
    }

    fn pause(minutes: u32) -> Item {
        Item::Break(Break { title: "Pause".into(), minutes: Some(minutes), ..Break::default() })
    }

    /// 10:00–11:15: a godkjenning (5), a beslutningssak (20), a pause (15), a drøftingssak
    /// (25), eventuelt (10).
    fn session() -> Session {
        Session::new(agenda(
            Some("10:00"),
            Some("11:15"),
            vec![
                sak(SakKind::Approval, 5),
                sak(SakKind::Decision, 20),
                pause(15),
                sak(SakKind::Discussion, 25),
                sak(SakKind::Aob, 10),
            ],
        ))
    }

    fn shown(c: &CatchUp) -> Vec<(usize, u32, u32)> {
        c.cuts.iter().map(|c| (c.item, c.from, c.to)).collect()
    }

    #[test]
    fn on_time_before_the_start_and_after_the_end_there_is_nothing_to_catch_up() {
        let mut s = session();
        let plan = s.schedule();
        assert_eq!(s.catch_up(&plan, at("10:30:00"), false), None, "before the start");
        s.next(at("10:00:00")).unwrap();
        assert_eq!(s.catch_up(&plan, at("10:04:00"), false), None, "on time");
        s.close(at("12:00:00")).unwrap();
        assert_eq!(s.catch_up(&plan, at("12:01:00"), false), None, "after the end");
    }

    #[test]
    fn the_minutes_behind_come_from_the_saker_still_to_come_in_proportion_to_their_room() {
        let mut s = session();
        let plan = s.schedule();
        s.next(at("10:00:00")).unwrap();
        // The godkjenning took 15 minutes instead of 5: 10 behind.
        s.next(at("10:15:00")).unwrap();
        // The beslutningssak runs; 03 (25 min, room 20) and eventuelt (10, room 8) give 10.
        let c = s.catch_up(&plan, at("10:16:00"), false).unwrap();
        assert_eq!(c.over, 10);
        assert!(c.ends_on_time());
        // 10 × 20/28 = 7.14 and 10 × 8/28 = 2.86: 7 and 2, the minute left to the larger
        // remainder (2.86).
        assert_eq!(shown(&c), [(3, 25, 18), (4, 10, 7)], "the pause is kept");
    }

    #[test]
    fn the_chair_may_shorten_the_breaks_too() {
        let mut s = session();
        let plan = s.schedule();
        s.next(at("10:00:00")).unwrap();
        s.next(at("10:15:00")).unwrap();
        let c = s.catch_up(&plan, at("10:16:00"), true).unwrap();
        // Room: pause 10, 03 20, eventuelt 8 (38): 2.63, 5.26, 2.1 → 2, 5, 2 and one to the pause.
        assert_eq!(shown(&c), [(2, 15, 12), (3, 25, 20), (4, 10, 8)]);
        assert_eq!(c.cuts.iter().map(|c| c.from - c.to).sum::<u32>(), 10);
    }

    #[test]
    fn the_breaks_are_offered_once_the_saker_can_give_no_more() {
        let mut s = session();
        s.next(at("10:00:00")).unwrap();
        s.next(at("10:15:00")).unwrap();
        let c = s.catch_up_offer(&s.schedule(), at("10:16:00")).unwrap();
        assert!(!c.breaks, "first the saker");
        for cut in &c.cuts {
            s.set_minutes(cut.item, Some(cut.to)).unwrap();
        }
        // Later, further behind: the saker are at their floors; the pause can give.
        s.set_minutes(3, Some(5)).unwrap();
        s.set_minutes(4, Some(2)).unwrap();
        let c = s.catch_up_offer(&s.schedule(), at("11:10:00")).unwrap();
        assert!(c.breaks);
        assert_eq!(shown(&c), [(2, 15, 5)]);
        s.set_minutes(2, Some(5)).unwrap();
        assert_eq!(s.catch_up_offer(&s.schedule(), at("11:11:00")), None, "nothing left to give");
        assert!(s.catch_up(&s.schedule(), at("11:11:00"), true).is_some_and(|c| c.short > 0), "still behind");
    }

    #[test]
    fn when_the_floors_cannot_give_enough_it_says_how_far_over_it_runs() {
        let mut s = session();
        let plan = s.schedule();
        s.next(at("10:00:00")).unwrap();
        s.next(at("10:05:00")).unwrap();
        // The beslutningssak, planned to end 10:25, runs at 11:00: 35 minutes behind; the
        // rest can give 28.
        let c = s.catch_up(&plan, at("11:00:00"), false).unwrap();
        assert_eq!(c.over, 35);
        assert_eq!(shown(&c), [(3, 25, 5), (4, 10, 2)], "every sak at its floor");
        assert_eq!(c.short, 7);
        assert!(!c.ends_on_time());
    }

    #[test]
    fn half_a_minute_behind_is_a_minute_to_find() {
        let mut s = session();
        let plan = s.schedule();
        s.next(at("10:00:00")).unwrap();
        s.next(at("10:05:30")).unwrap();
        let c = s.catch_up(&plan, at("10:06:00"), false).unwrap();
        assert_eq!(c.over, 1);
        assert_eq!(shown(&c), [(3, 25, 24)]);
    }

    #[test]
    fn a_timebox_below_its_floor_gives_nothing() {
        let mut s = Session::new(agenda(
            Some("10:00"),
            Some("10:04"),
            vec![sak(SakKind::Approval, 2), sak(SakKind::Decision, 1), sak(SakKind::Aob, 1)],
        ));
        let plan = s.schedule();
        s.next(at("10:00:00")).unwrap();
        let c = s.catch_up(&plan, at("10:10:00"), false).unwrap();
        assert_eq!(c.cuts, [], "nothing above a floor");
        assert_eq!(c.short, c.over);
        assert_eq!(hm("10:04"), plan.planned_end().unwrap());
    }

    proptest! {
        /// Over any timeboxes and any lateness: the cuts add up to what is found, none goes
        /// below its floor or touches a kept break, and what is left over is said.
        #[test]
        fn cuts_add_up_and_keep_the_floors(
            minutes in prop::collection::vec((0u32..90, 0usize..7), 1..40),
            late in 0i64..600,
            breaks in any::<bool>(),
        ) {
            let items: Vec<Item> = minutes
                .iter()
                .map(|&(m, k)| if k == 6 { pause(m) } else { sak(SakKind::ALL[k], m) })
                .collect();
            let total: u32 = minutes.iter().map(|&(m, _)| m).sum();
            let end = hm("08:00").plus(i64::from(total));
            let mut s = Session::new(agenda(Some("08:00"), Some(&end.to_string()), items));
            let plan = s.schedule();
            s.next(at("08:00:00")).unwrap();
            let now = at("08:00:00").plus_seconds(late * 60 + i64::from(minutes[0].0) * 60);
            let Some(c) = s.catch_up(&plan, now, breaks) else { return Ok(()) };
            let found: u32 = c.cuts.iter().map(|c| c.from - c.to).sum();
            prop_assert_eq!(found + c.short, c.over);
            for cut in &c.cuts {
                let item = &s.agenda.items[cut.item];
                prop_assert!(cut.item > 0, "not the running item");
                prop_assert!(cut.to >= floor(item).min(cut.from) && cut.to < cut.from);
                prop_assert!(breaks || !matches!(item, Item::Break(_)));
            }
        }
    }
}
