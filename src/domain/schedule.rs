//! The planned schedule: when each item starts and how long it may take.
//!
//! Rules (DESIGN.md): an item starts at its `at`, else where the item before ends. Its
//! length is `minutes`, else the time up to the next item's `at`, else up to the
//! meeting's `end`. Items without `minutes` that follow one another share that time
//! equally, so "Velkommen", 01/25 and 02/25 between 10:00 and 10:10 get 4, 3 and 3 minutes.

use super::agenda::Agenda;
use super::time::Hm;

/// One item's place in the planned day.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Slot {
    pub start: Hm,
    pub minutes: u32,
    /// How the length was found; `Unknown` when nothing bounds it (length 0).
    pub length: Length,
}

/// Where an item's length comes from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Length {
    /// `minutes` in the agenda.
    Given,
    /// The time up to the next `at` or the meeting's end.
    Derived,
    /// No `minutes`, no later `at`, no `end`.
    Unknown,
}

impl Slot {
    pub fn end(&self) -> Hm {
        self.start.plus(i64::from(self.minutes))
    }
}

/// The planned day of an agenda.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Schedule {
    /// The meeting's start: `start`, else the first item's `at`.
    pub start: Option<Hm>,
    /// One slot per agenda item, in order.
    pub slots: Vec<Slot>,
}

impl Schedule {
    /// When the last item ends (the start when there are no items).
    pub fn planned_end(&self) -> Option<Hm> {
        self.slots.last().map(Slot::end).or(self.start)
    }
}

/// Plans an agenda. Never fails: what does not add up is for `check` to report.
pub fn plan(agenda: &Agenda) -> Schedule {
    let start = agenda.start.or_else(|| agenda.items.iter().find_map(super::agenda::Item::at));
    let mut cursor = start.unwrap_or(Hm::from_minutes(0));
    let mut shares: Vec<Option<(u32, Length)>> = vec![None; agenda.items.len()];
    let mut slots = Vec::with_capacity(agenda.items.len());

    for (i, item) in agenda.items.iter().enumerate() {
        let begin = item.at().unwrap_or(cursor);
        let (minutes, length) = if let Some(m) = item.minutes() {
            (m, Length::Given)
        } else {
            if shares[i].is_none() {
                share_run(agenda, i, begin, &mut shares);
            }
            shares[i].unwrap_or((0, Length::Unknown))
        };
        let slot = Slot { start: begin, minutes, length };
        cursor = slot.end();
        slots.push(slot);
    }
    Schedule { start, slots }
}

/// Shares the time from `begin` up to the next anchor (the next `at`, else `end`) among
/// the items of the run starting at `first` that have no `minutes`.
fn share_run(agenda: &Agenda, first: usize, begin: Hm, shares: &mut [Option<(u32, Length)>]) {
    let items = &agenda.items;
    let after = items[first + 1..].iter().position(|i| i.at().is_some()).map_or(items.len(), |p| first + 1 + p);
    let anchor = items.get(after).and_then(super::agenda::Item::at).or(agenda.end);
    let run = first..after;
    let open: Vec<usize> = run.clone().filter(|&k| items[k].minutes().is_none()).collect();
    let Some(anchor) = anchor else {
        for k in open {
            shares[k] = Some((0, Length::Unknown));
        }
        return;
    };
    let given: i64 = run.filter_map(|k| items[k].minutes()).map(i64::from).sum();
    let free = (anchor.since(begin) - given).max(0);
    let count = i64::try_from(open.len()).unwrap_or(i64::MAX);
    for (nth, k) in open.into_iter().enumerate() {
        let extra = i64::from(i64::try_from(nth).unwrap_or(i64::MAX) < free % count);
        shares[k] = Some((u32::try_from(free / count + extra).unwrap_or(0), Length::Derived));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::agenda::{Break, Item};
    use crate::domain::fixtures::{agenda, hm, sak};

    fn shown(s: &Schedule) -> Vec<String> {
        s.slots.iter().map(|s| format!("{} {}", s.start, s.minutes)).collect()
    }

    #[test]
    fn an_item_starts_where_the_one_before_ends() {
        let a = agenda(Some("10:00"), Some("11:00"), vec![sak("sak", None, Some(5)), sak("sak", None, Some(20))]);
        assert_eq!(shown(&plan(&a)), ["10:00 5", "10:05 20"]);
    }

    #[test]
    fn without_minutes_an_item_lasts_until_the_next_at() {
        let a = agenda(Some("10:00"), None, vec![sak("sak", None, None), sak("sak", Some("10:20"), Some(20))]);
        let s = plan(&a);
        assert_eq!(shown(&s), ["10:00 20", "10:20 20"]);
        assert_eq!(s.slots[0].length, Length::Derived);
        assert_eq!(s.slots[1].length, Length::Given);
    }

    #[test]
    fn the_last_item_without_minutes_lasts_until_the_end() {
        let a = agenda(Some("14:40"), Some("15:00"), vec![sak("sak", None, None)]);
        assert_eq!(shown(&plan(&a)), ["14:40 20"]);
    }

    #[test]
    fn items_without_minutes_share_the_time_to_the_next_at() {
        let a = agenda(
            Some("10:00"),
            Some("15:00"),
            vec![
                sak("sak", Some("10:00"), None),
                sak("sak", None, None),
                sak("sak", None, None),
                sak("sak", Some("10:10"), Some(10)),
            ],
        );
        assert_eq!(shown(&plan(&a)), ["10:00 4", "10:04 3", "10:07 3", "10:10 10"]);
    }

    #[test]
    fn given_minutes_are_kept_when_sharing() {
        let a = agenda(
            Some("10:00"),
            Some("11:00"),
            vec![sak("sak", None, None), sak("sak", None, Some(50)), sak("sak", None, None)],
        );
        assert_eq!(shown(&plan(&a)), ["10:00 5", "10:05 50", "10:55 5"]);
    }

    #[test]
    fn breaks_take_their_place_in_the_day() {
        let items = vec![
            sak("sak", Some("10:40"), None),
            Item::Break(Break { title: "Pause".into(), at: Some(hm("11:00")), minutes: Some(15), ..Break::default() }),
            sak("sak", None, Some(15)),
        ];
        let a = agenda(Some("10:40"), Some("12:00"), items);
        let s = plan(&a);
        assert_eq!(shown(&s), ["10:40 20", "11:00 15", "11:15 15"]);
        assert_eq!(s.planned_end(), Some(hm("11:30")));
    }

    #[test]
    fn with_nothing_to_bound_it_the_length_is_unknown() {
        let a = agenda(Some("10:00"), None, vec![sak("sak", None, Some(10)), sak("sak", None, None)]);
        let s = plan(&a);
        assert_eq!(shown(&s), ["10:00 10", "10:10 0"]);
        assert_eq!(s.slots[1].length, Length::Unknown);
    }

    #[test]
    fn the_start_defaults_to_the_first_at() {
        let a = agenda(None, None, vec![sak("sak", Some("09:00"), Some(30))]);
        assert_eq!(plan(&a).start, Some(hm("09:00")));
    }

    #[test]
    fn an_overfull_run_gets_no_time_rather_than_negative_time() {
        let a = agenda(
            Some("10:00"),
            None,
            vec![sak("sak", None, Some(30)), sak("sak", None, None), sak("sak", Some("10:20"), Some(5))],
        );
        assert_eq!(shown(&plan(&a)), ["10:00 30", "10:30 0", "10:20 5"]);
    }
}
