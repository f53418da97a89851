//! Arbitrary agendas for property tests: a proptest strategy of varied agendas that can be
//! built (odd text, empty rosters, only breaks, 200 saker, times out of order, ...), and a
//! handful of hand-built edge agendas for deterministic regression tests.

use chrono::NaiveDate;
use proptest::collection::vec;
use proptest::prelude::*;
use proptest::sample::select;

use super::agenda::{
    Agenda, AttendanceForm, Break, Item, Lang, Numbering, Person, Quorum, ReferatStyle, Role, Sak, SakKind, SakNumber,
};
use super::time::{Day, Hm};

/// Plain words of agenda text, Norwegian and English.
const WORDS: &[&str] = &[
    "Godkjenning",
    "av",
    "innkalling",
    "og",
    "saksliste",
    "Referat",
    "fra",
    "forrige",
    "møte",
    "Økonomi",
    "årsrapport",
    "Eventuelt",
    "Helse Nord RHF",
    "Normen 7.0",
    "49/21",
    "Board",
    "meeting",
    "minutes",
    "budget",
    "Treasurer's report",
];

/// Text a terminal, a RON file or a line-breaker may trip over.
const ODD: &[&str] = &[
    "\u{1b}[2J",
    "\u{1b}]0;x\u{7}",
    "\u{1b}[31m",
    "\u{1b}[0m",
    "\u{9b}",
    "e\u{301}",
    "\u{301}",
    "\u{200b}",
    "\u{ad}",
    "\t",
    "\n",
    "\r\n",
    "\r",
    "שלום עולם",
    "مرحبا",
    "\u{202e}",
    "\u{200f}",
    "🎉",
    "👩\u{200d}👩\u{200d}👧",
    "🇳🇴",
    "会议纪要",
    "ｗｉｄｅ",
    "\u{feff}",
    "\u{2028}",
    "\u{0}",
    "\u{7f}",
    "\u{fffd}",
    "\u{10ffff}",
    "\"",
    "\\",
    "r#\"",
    "\"#",
    "/*",
    "*/",
    "//",
    "#![enable(implicit_some)]",
    "(",
    ")",
    "[",
    "]",
    "{",
    "}",
    ",",
    ":",
    "'",
    "items: [",
    "record: Record(",
    "Some(",
    "None",
];

/// Text that looks like nothing.
const BLANK: &[&str] = &["", " ", "  ", "\t", "\n", "\u{a0}", "\u{3000}", "\u{200b}", "\u{ad}"];

/// What long text is padded with.
const FILLER: &str = "Forslag til vedtak om ny finansieringsmodell for e-helse, ";

/// A few plain words.
fn words() -> impl Strategy<Value = String> {
    vec(select(WORDS), 1..6).prop_map(|w| w.join(" "))
}

/// Words mixed with odd pieces and any characters at all.
fn odd() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        3 => select(WORDS).prop_map(String::from),
        3 => select(ODD).prop_map(String::from),
        1 => select(BLANK).prop_map(String::from),
        1 => any::<char>().prop_map(String::from),
    ];
    vec(piece, 0..12).prop_map(|p| p.concat())
}

/// Empty, or only spaces, tabs, newlines and invisible characters.
fn blank() -> impl Strategy<Value = String> {
    vec(select(BLANK), 0..4).prop_map(|p| p.concat())
}

/// At least `least` characters: odd text padded with a sentence.
fn long(least: usize) -> impl Strategy<Value = String> {
    (odd(), least..least * 2).prop_map(|(mut s, n)| {
        while s.chars().count() < n {
            s.push_str(FILLER);
        }
        s
    })
}

/// Any text an agenda field may hold.
fn text() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => words(),
        3 => odd(),
        1 => blank(),
        1 => long(300),
    ]
}

fn maybe_text(probability: f64) -> impl Strategy<Value = Option<String>> {
    prop::option::weighted(probability, text())
}

fn hm() -> impl Strategy<Value = Hm> {
    (0u32..24 * 60).prop_map(Hm::from_minutes)
}

/// A timebox: mostly ordinary, sometimes none at all, sometimes absurd.
fn minutes() -> impl Strategy<Value = u32> {
    prop_oneof![
        1 => Just(0u32),
        6 => 1u32..=90,
        1 => 91u32..=10_000,
    ]
}

/// A meeting day, mostly these years, sometimes at the turn of a century or far off.
fn day() -> impl Strategy<Value = Day> {
    let year = prop_oneof![
        6 => 2020i32..=2030,
        2 => select(&[1999, 2000, 2099, 2100][..]),
        1 => 1i32..=9999,
    ];
    (year, 1u32..=12, 1u32..=31)
        .prop_filter_map("no such day", |(y, m, d)| NaiveDate::from_ymd_opt(y, m, d).map(Day::from_date))
}

/// A sak number as it can be written: `NN/YY` with NN at least 1 and YY at most 99. (NN
/// stops well short of `u32::MAX`, where the next sak would get the same number, which
/// `check` refuses: see `numbers_left_out_of_the_generator_are_refused_by_check`.)
fn sak_number() -> impl Strategy<Value = SakNumber> {
    (1u32..=300, 0u32..=99).prop_map(|(n, year)| SakNumber { year, n })
}

fn person() -> impl Strategy<Value = Person> {
    let who = prop_oneof![
        3 => (text(), text()).prop_map(|(n, o)| (Some(n), Some(o))),
        2 => text().prop_map(|n| (Some(n), None)),
        2 => text().prop_map(|o| (None, Some(o))),
        1 => Just((None, None)),
    ];
    (who, select(&Role::ALL[..]), prop::bool::weighted(0.2)).prop_map(|((name, org), role, apologies)| Person {
        name,
        org,
        role,
        apologies,
        ..Person::default()
    })
}

fn sak() -> impl Strategy<Value = Sak> {
    (
        select(&SakKind::ALL[..]),
        text(),
        prop::option::weighted(0.15, sak_number()),
        prop::bool::weighted(0.85),
        prop::option::weighted(0.3, hm()),
        prop::option::weighted(0.6, minutes()),
        maybe_text(0.2),
        prop_oneof![3 => Just(Vec::new()), 1 => vec(text(), 1..4)],
        maybe_text(0.2),
        maybe_text(0.3),
    )
        .prop_map(|(kind, title, number, numbered, at, minutes, presenter, documents, background, proposal)| Sak {
            kind,
            title,
            number,
            numbered,
            at,
            minutes,
            presenter,
            documents,
            background,
            proposal,
            ..Sak::default()
        })
}

fn a_break() -> impl Strategy<Value = Break> {
    let title = prop_oneof![
        1 => Just(String::new()),
        2 => select(&["Pause", "Lunsj", "Break", "Lunch"][..]).prop_map(String::from),
        1 => text(),
    ];
    (title, prop::option::weighted(0.4, hm()), prop::option::weighted(0.7, minutes()))
        .prop_map(|(title, at, minutes)| Break { title, at, minutes, ..Break::default() })
}

fn item() -> impl Strategy<Value = Item> {
    prop_oneof![
        4 => sak().prop_map(Item::Sak),
        1 => a_break().prop_map(Item::Break),
    ]
}

/// About 200 saker; sometimes each with a long background, which makes the session file
/// large enough (over 256 kB) to be read on two threads.
fn many_saker() -> impl Strategy<Value = Vec<Item>> {
    (vec(sak(), 195..=205), prop::bool::weighted(0.3), long(1400)).prop_map(|(saker, bulky, background)| {
        saker
            .into_iter()
            .map(|mut sak| {
                if bulky {
                    sak.background = Some(background.clone());
                }
                Item::Sak(sak)
            })
            .collect()
    })
}

fn items() -> impl Strategy<Value = Vec<Item>> {
    prop_oneof![
        1 => Just(Vec::new()),
        2 => vec(item(), 1..=1),
        1 => vec(a_break().prop_map(Item::Break), 1..6),
        6 => vec(item(), 2..20),
        1 => many_saker(),
    ]
}

fn people() -> impl Strategy<Value = Vec<Person>> {
    prop_oneof![
        1 => Just(Vec::new()),
        3 => vec(person(), 1..12),
    ]
}

fn numbering() -> impl Strategy<Value = Option<Numbering>> {
    // `first` from 1 and `year` up to 99 only: `(first: 0)` or `(year: 2025)` are errors
    // that `check` names, and no session is made of them (see
    // `numbers_left_out_of_the_generator_are_refused_by_check`).
    let numbering =
        (1u32..=500, prop::option::weighted(0.5, 0u32..=99)).prop_map(|(first, year)| Numbering { first, year });
    prop::option::weighted(0.4, numbering)
}

fn quorum() -> impl Strategy<Value = Option<Quorum>> {
    prop_oneof![
        2 => Just(None),
        1 => Just(Some(Quorum::Majority)),
        1 => (0u32..=20).prop_map(|n| Some(Quorum::AtLeast(n))),
    ]
}

/// Varied agendas that can be built: every kind of sak and role, odd text in every field,
/// times out of order, end before start, no people, no items, only breaks, 200 saker...
/// They need not pass `check`; they must be something a file could hold.
pub fn agenda() -> impl Strategy<Value = Agenda> {
    let header = (
        select(&[1u32, 1, 1, 1, 0, 2][..]),
        prop_oneof![1 => Just(String::new()), 2 => text()],
        text(),
        day(),
        prop::option::weighted(0.7, hm()),
        prop::option::weighted(0.6, hm()),
        maybe_text(0.4),
        maybe_text(0.2),
        select(&[Lang::Nb, Lang::En][..]),
    );
    let rest = (
        numbering(),
        quorum(),
        people(),
        prop_oneof![2 => Just(Vec::new()), 1 => vec(text(), 1..5)],
        referat_style(),
        prop_oneof![3 => Just(None), 1 => text().prop_map(Some)],
        items(),
    );
    (header, rest).prop_map(
        |(
            (format, body, title, date, start, end, place, link, language),
            (numbering, quorum, people, phrases, referat, previous, items),
        )| Agenda {
            format,
            body,
            title,
            date,
            start,
            end,
            place,
            link,
            language,
            numbering,
            quorum,
            people,
            phrases,
            referat,
            previous,
            items,
        },
    )
}

/// How the body writes its referat: mostly as usual, sometimes every choice.
fn referat_style() -> impl Strategy<Value = ReferatStyle> {
    let form =
        prop_oneof![3 => Just(None), 1 => Just(Some(AttendanceForm::List)), 1 => Just(Some(AttendanceForm::Table))];
    (form, maybe_text(0.2), prop::bool::weighted(0.2), maybe_text(0.2)).prop_map(
        |(attendance, vedtak, repeat_adopted, adopted)| ReferatStyle { attendance, vedtak, repeat_adopted, adopted },
    )
}

fn named_agenda(title: &str, items: Vec<Item>) -> Agenda {
    Agenda {
        format: 1,
        body: "Styringsgruppen".into(),
        title: title.into(),
        date: Day::from_date(NaiveDate::from_ymd_opt(2025, 6, 3).unwrap_or_default()),
        start: Some(Hm::from_minutes(10 * 60)),
        end: Some(Hm::from_minutes(15 * 60)),
        place: None,
        link: None,
        language: Lang::Nb,
        numbering: None,
        quorum: None,
        people: vec![Person { name: Some("Kari Nordmann".into()), role: Role::Chair, ..Person::default() }],
        phrases: vec![],
        referat: ReferatStyle::default(),
        previous: None,
        items,
    }
}

fn named_sak(title: &str, kind: SakKind, minutes: Option<u32>) -> Item {
    Item::Sak(Sak { kind, title: title.into(), numbered: true, minutes, ..Sak::default() })
}

fn named_break(title: &str, at: Option<u32>, minutes: Option<u32>) -> Item {
    Item::Break(Break { title: title.into(), at: at.map(Hm::from_minutes), minutes, ..Break::default() })
}

/// Hand-built edge agendas, each named for what it is, for deterministic regression tests:
/// "no people", "one item", "only breaks", "200 saker", "org without name", "every kind",
/// "every role", "odd text".
pub fn agendas_named() -> Vec<(&'static str, Agenda)> {
    let mut no_people = named_agenda("Ingen deltakere", vec![named_sak("a", SakKind::Approval, Some(10))]);
    no_people.people.clear();

    let mut one_item = named_agenda("Én sak", vec![named_sak("Eneste sak", SakKind::Decision, None)]);
    one_item.end = None;

    let only_breaks = named_agenda(
        "Bare pauser",
        vec![
            named_break("Pause", None, Some(15)),
            named_break("", Some(11 * 60), None),
            named_break("Lunsj", None, None),
        ],
    );

    let mut many = named_agenda(
        "200 saker",
        (1..=200)
            .map(|n| named_sak(&format!("Sak nummer {n}"), SakKind::ALL[n % SakKind::ALL.len()], Some(1)))
            .collect(),
    );
    many.numbering = Some(Numbering { first: 17, year: Some(25) });
    many.end = Some(Hm::from_minutes(11 * 60));

    let mut org_only = named_agenda("Virksomhet uten navn", vec![named_sak("a", SakKind::Information, Some(10))]);
    org_only.people.push(Person {
        name: None,
        org: Some("Helse Vest RHF".into()),
        role: Role::Observer,
        ..Person::default()
    });
    org_only.people.push(Person { name: Some("Ola uten virksomhet".into()), org: None, ..Person::default() });

    let mut every_kind = named_agenda(
        "Alle slags saker",
        SakKind::ALL.iter().map(|&kind| named_sak(&format!("{kind:?}"), kind, Some(10))).collect(),
    );
    every_kind.language = Lang::En;
    every_kind.quorum = Some(Quorum::Majority);

    let mut every_role = named_agenda("Alle roller", vec![named_sak("a", SakKind::Information, Some(10))]);
    every_role.people = Role::ALL
        .iter()
        .enumerate()
        .map(|(i, &role)| Person {
            name: Some(format!("{role:?}")),
            org: Some(format!("Virksomhet {i}")),
            role,
            apologies: i % 2 == 1,
            ..Person::default()
        })
        .collect();
    every_role.quorum = Some(Quorum::AtLeast(3));

    let mut odd_text = named_agenda(
        &ODD.concat(),
        ODD.iter().chain(BLANK).map(|&title| named_sak(title, SakKind::Discussion, Some(5))).collect(),
    );
    odd_text.body = BLANK.concat();
    odd_text.place = Some(ODD.concat());
    odd_text.phrases = ODD.iter().map(ToString::to_string).collect();
    odd_text.people = vec![Person { name: Some(ODD.concat()), org: Some(BLANK.concat()), ..Person::default() }];

    let empty = named_agenda("Ingen saker", Vec::new());

    vec![
        ("no items", empty),
        ("no people", no_people),
        ("one item", one_item),
        ("only breaks", only_breaks),
        ("200 saker", many),
        ("org without name", org_only),
        ("every kind", every_kind),
        ("every role", every_role),
        ("odd text", odd_text),
    ]
}

#[cfg(test)]
mod tests {
    use proptest::strategy::ValueTree;
    use proptest::test_runner::{TestCaseError, TestRunner};

    use super::*;
    use crate::domain::check;
    use crate::domain::schedule;
    use crate::domain::session::Session;
    use crate::store::{agenda_file, session_file};

    /// The agenda as an agenda file, in the dialect of session files.
    fn agenda_text(agenda: &Agenda) -> String {
        let config = ron::ser::PrettyConfig::new().struct_names(true).extensions(
            ron::extensions::Extensions::IMPLICIT_SOME | ron::extensions::Extensions::UNWRAP_VARIANT_NEWTYPES,
        );
        ron::ser::to_string_pretty(agenda, config).unwrap()
    }

    /// Everything the domain and the files do with an agenda before the meeting, without a
    /// panic, and both files read back as what was written.
    fn survives(agenda: &Agenda) -> Result<(), TestCaseError> {
        let findings = check::check(agenda, &schedule::plan(agenda));
        let _: Vec<check::Severity> = findings.iter().map(|f| f.problem.severity()).collect();

        let session = Session::new(agenda.clone());
        let plan = session.schedule();
        prop_assert_eq!(plan.slots.len(), session.agenda.items.len());
        let _ = plan.planned_end();
        let _: Vec<check::Severity> =
            check::check(&session.agenda, &plan).iter().map(|f| f.problem.severity()).collect();

        let text = agenda_text(agenda);
        let read = agenda_file::parse(&text).map_err(|e| TestCaseError::fail(format!("agenda file: {e:?}")))?;
        prop_assert_eq!(&read.agenda, agenda);
        let read_findings: Vec<&check::Finding> = read.findings.iter().map(|p| &p.what).collect();
        prop_assert_eq!(read_findings, findings.iter().collect::<Vec<_>>());

        let text = session_file::to_text(&session);
        let back = session_file::parse(&text).map_err(|e| TestCaseError::fail(format!("session file: {e:?}")))?;
        prop_assert_eq!(&back, &session);
        prop_assert_eq!(session_file::to_text(&back), text);
        Ok(())
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(64))]

        #[test]
        fn every_generated_agenda_survives_the_session_the_checks_and_both_files(agenda in agenda()) {
            survives(&agenda)?;
        }
    }

    #[test]
    fn the_named_agendas_survive_the_session_the_checks_and_both_files() {
        for (name, agenda) in agendas_named() {
            if let Err(e) = survives(&agenda) {
                panic!("{name}: {e}");
            }
        }
    }

    fn sakene(agenda: &Agenda) -> impl Iterator<Item = &Sak> {
        agenda.items.iter().filter_map(|i| match i {
            Item::Sak(s) => Some(s),
            Item::Break(_) => None,
        })
    }

    #[test]
    fn the_named_agendas_are_what_their_names_say() {
        let named = agendas_named();
        let get = |name: &str| &named.iter().find(|(n, _)| *n == name).unwrap().1;
        assert!(get("no people").people.is_empty());
        assert!(!get("no people").items.is_empty());
        assert_eq!(get("one item").items.len(), 1);
        let breaks = &get("only breaks").items;
        assert!(!breaks.is_empty() && breaks.iter().all(|i| matches!(i, Item::Break(_))));
        assert_eq!(sakene(get("200 saker")).count(), 200);
        assert!(get("org without name").people.iter().any(|p| p.name.is_none() && p.org.is_some()));
        let kinds: Vec<SakKind> = sakene(get("every kind")).map(|s| s.kind).collect();
        assert!(SakKind::ALL.iter().all(|k| kinds.contains(k)), "{kinds:?}");
        let roles: Vec<Role> = get("every role").people.iter().map(|p| p.role).collect();
        assert!(Role::ALL.iter().all(|r| roles.contains(r)), "{roles:?}");
        let titles: String = get("odd text").items.iter().map(Item::title).collect();
        assert!(ODD.iter().all(|o| titles.contains(o)));
        let names: Vec<&str> = named.iter().map(|(n, _)| *n).collect();
        let mut unique = names.clone();
        unique.sort_unstable();
        unique.dedup();
        assert_eq!(names.len(), unique.len(), "each name once: {names:?}");
    }

    /// Every text of an agenda: header, roster, items.
    fn texts(a: &Agenda) -> Vec<&str> {
        let mut t = vec![a.body.as_str(), a.title.as_str()];
        t.extend(a.place.as_deref().into_iter().chain(a.link.as_deref()));
        t.extend(a.phrases.iter().map(String::as_str));
        for p in &a.people {
            t.extend(p.name.as_deref().into_iter().chain(p.org.as_deref()));
        }
        for item in &a.items {
            t.push(item.title());
            if let Item::Sak(s) = item {
                t.extend(
                    s.presenter.as_deref().into_iter().chain(s.background.as_deref()).chain(s.proposal.as_deref()),
                );
                t.extend(s.documents.iter().map(String::as_str));
            }
        }
        t
    }

    /// Whether an agenda has some edge the generator promises.
    type Edge = Box<dyn Fn(&Agenda) -> bool>;

    /// The generator covers what it promises, each in a fair share of agendas (counted over
    /// a fixed sample, so the test is deterministic).
    #[test]
    fn the_generator_covers_each_edge_in_a_fair_share_of_agendas() {
        let mut runner = TestRunner::deterministic();
        let strategy = agenda();
        let sample: Vec<Agenda> = (0..256).map(|_| strategy.new_tree(&mut runner).unwrap().current()).collect();

        fn has(a: &Agenda, piece: &str) -> bool {
            texts(a).iter().any(|t| t.contains(piece))
        }
        fn saker(a: &Agenda) -> Vec<&Sak> {
            sakene(a).collect()
        }
        fn breaks(a: &Agenda) -> usize {
            a.items.iter().filter(|i| matches!(i, Item::Break(_))).count()
        }
        fn ats(a: &Agenda) -> Vec<Hm> {
            a.items.iter().filter_map(Item::at).collect()
        }
        let mut edges: Vec<(String, Edge)> = vec![
            ("no people".into(), Box::new(|a| a.people.is_empty())),
            ("no items".into(), Box::new(|a| a.items.is_empty())),
            ("one item".into(), Box::new(|a| a.items.len() == 1)),
            ("only breaks".into(), Box::new(|a| !a.items.is_empty() && breaks(a) == a.items.len())),
            ("~200 saker".into(), Box::new(|a| saker(a).len() >= 190)),
            ("a title of 300+ chars".into(), Box::new(|a| a.items.iter().any(|i| i.title().chars().count() >= 300))),
            ("a blank title".into(), Box::new(|a| a.items.iter().any(|i| i.title().trim().is_empty()))),
            (
                "an org without a name".into(),
                Box::new(|a| a.people.iter().any(|p| p.name.is_none() && p.org.is_some())),
            ),
            (
                "a name without an org".into(),
                Box::new(|a| a.people.iter().any(|p| p.name.is_some() && p.org.is_none())),
            ),
            ("apologies".into(), Box::new(|a| a.people.iter().any(|p| p.apologies))),
            ("an item with at".into(), Box::new(|a| a.items.iter().any(|i| i.at().is_some()))),
            ("an item without at".into(), Box::new(|a| a.items.iter().any(|i| i.at().is_none()))),
            ("at out of order".into(), Box::new(|a| ats(a).windows(2).any(|w| w[1] < w[0]))),
            ("minutes 0".into(), Box::new(|a| a.items.iter().any(|i| i.minutes() == Some(0)))),
            ("an item without minutes".into(), Box::new(|a| a.items.iter().any(|i| i.minutes().is_none()))),
            (
                "a break between saker".into(),
                Box::new(|a| {
                    a.items
                        .windows(3)
                        .any(|w| matches!((&w[0], &w[1], &w[2]), (Item::Sak(_), Item::Break(_), Item::Sak(_))))
                }),
            ),
            ("an unnumbered sak".into(), Box::new(|a| saker(a).iter().any(|s| !s.numbered))),
            ("an explicit number".into(), Box::new(|a| saker(a).iter().any(|s| s.number.is_some()))),
            ("a proposal".into(), Box::new(|a| saker(a).iter().any(|s| s.proposal.is_some()))),
            ("a background".into(), Box::new(|a| saker(a).iter().any(|s| s.background.is_some()))),
            ("documents".into(), Box::new(|a| saker(a).iter().any(|s| !s.documents.is_empty()))),
            ("a presenter".into(), Box::new(|a| saker(a).iter().any(|s| s.presenter.is_some()))),
            ("no start".into(), Box::new(|a| a.start.is_none())),
            ("no end".into(), Box::new(|a| a.end.is_none())),
            ("end before start".into(), Box::new(|a| matches!((a.start, a.end), (Some(s), Some(e)) if e < s))),
            ("no quorum".into(), Box::new(|a| a.quorum.is_none())),
            ("quorum majority".into(), Box::new(|a| a.quorum == Some(Quorum::Majority))),
            ("quorum at least".into(), Box::new(|a| matches!(a.quorum, Some(Quorum::AtLeast(_))))),
            ("numbering".into(), Box::new(|a| a.numbering.is_some())),
            ("no numbering".into(), Box::new(|a| a.numbering.is_none())),
            ("phrases".into(), Box::new(|a| !a.phrases.is_empty())),
            ("nb".into(), Box::new(|a| a.language == Lang::Nb)),
            ("en".into(), Box::new(|a| a.language == Lang::En)),
        ];
        for kind in SakKind::ALL {
            edges.push((format!("{kind:?}"), Box::new(move |a| sakene(a).any(|s| s.kind == kind))));
        }
        for role in Role::ALL {
            edges.push((format!("{role:?}"), Box::new(move |a| a.people.iter().any(|p| p.role == role))));
        }
        for piece in
            ["\u{1b}[2J", "\u{1b}]0;x\u{7}", "e\u{301}", "\u{200b}", "\u{ad}", "\t", "\n", "שלום", "🎉", "会议"]
        {
            edges.push((format!("{piece:?}"), Box::new(move |a| has(a, piece))));
        }

        let rare: Vec<(&str, usize)> = edges
            .iter()
            .map(|(name, edge)| (name.as_str(), sample.iter().filter(|a| edge(a)).count()))
            .filter(|(_, n)| *n < sample.len() / 50)
            .collect();
        assert_eq!(rare, [], "edges in fewer than 2 % of {} agendas", sample.len());
    }

    /// Numbers an agenda file may hold that cannot be written as `NN/YY`, or that run
    /// out of numbers, are errors `check` names: no session is made of them.
    #[test]
    fn numbers_left_out_of_the_generator_are_refused_by_check() {
        use crate::domain::check::{Problem, Severity};
        for (numbering, problem) in [
            ("numbering: (first: 0),", "NumberingFromZero"),
            ("numbering: (year: 2025),", "NumberingYear"),
            ("numbering: (first: 4294967295),", "NumberingTooHigh"),
        ] {
            let text = format!(
                r#"Agenda(title: "M", date: "2025-06-03", start: "10:00", end: "11:00", {numbering}
                items: [Sak(title: "a", minutes: 10), Sak(title: "b", minutes: 10)])"#
            );
            let checked = agenda_file::parse(&text).unwrap();
            let errors: Vec<&Problem> =
                checked.findings.iter().map(|f| &f.what.problem).filter(|p| p.severity() == Severity::Error).collect();
            assert!(errors.iter().any(|p| format!("{p:?}").starts_with(problem)), "{numbering}: {errors:?}");
        }
    }
}
