//! Test fixtures for the domain: a meeting on 3 June 2025, and saker in one line each.

use super::agenda::{Agenda, Item, Lang, Sak};
use super::time::{Day, Hm};

pub fn hm(s: &str) -> Hm {
    Hm::parse(s).unwrap()
}

/// "Møte" on Tuesday 3 June 2025 from `start` to `end`.
pub fn agenda(start: Option<&str>, end: Option<&str>, items: Vec<Item>) -> Agenda {
    Agenda {
        format: 1,
        body: String::new(),
        title: "Møte".into(),
        date: Day::parse("2025-06-03").unwrap(),
        start: start.map(hm),
        end: end.map(hm),
        place: None,
        link: None,
        language: Lang::Nb,
        numbering: None,
        quorum: None,
        people: vec![],
        phrases: vec![],
        referat: crate::domain::agenda::ReferatStyle::default(),
        previous: None,
        items,
    }
}

pub fn sak(title: &str, at: Option<&str>, minutes: Option<u32>) -> Item {
    Item::Sak(Sak { title: title.into(), numbered: true, at: at.map(hm), minutes, ..Sak::default() })
}
