//! The agenda (saksliste) as the secretariat writes it: meeting header, roster, items.

use std::fmt;
use std::str::FromStr;
use std::sync::Arc;

use serde::{Deserialize, Deserializer, Serialize, Serializer, de};

use super::attendance::Attendance;
use super::session::ItemRecord;
use super::time::{Day, Hm};

/// The agenda format this version of referent writes and reads.
pub const AGENDA_FORMAT: u32 = 1;

/// One meeting's agenda: what a secretariat writes in `agendas/*.ron`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Agenda {
    #[serde(default = "default_format")]
    pub format: u32,
    /// The body that meets ("Til" in the referat): Styringsgruppen for ...
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub body: String,
    pub title: String,
    pub date: Day,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub start: Option<Hm>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub end: Option<Hm>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub place: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub link: Option<String>,
    /// The language of the referat.
    #[serde(default)]
    pub language: Lang,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub numbering: Option<Numbering>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub quorum: Option<Quorum>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub people: Vec<Person>,
    /// Standard phrases of this body, offered beside the built-in ones.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub phrases: Vec<String>,
    /// How this body writes its referat, where it differs from the usual.
    #[serde(default, skip_serializing_if = "ReferatStyle::is_usual")]
    pub referat: ReferatStyle,
    /// The session of the meeting before, as a path from this file's folder: its
    /// follow-ups still open are taken up in this meeting (`referent next` writes it).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub previous: Option<String>,
    #[serde(default)]
    pub items: Vec<Item>,
}

fn default_format() -> u32 {
    AGENDA_FORMAT
}

/// The language of the referat and, on request, of the screen. Written "nb" or "en".
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Lang {
    /// Norwegian bokmål.
    #[default]
    Nb,
    En,
}

impl Lang {
    pub fn code(self) -> &'static str {
        match self {
            Lang::Nb => "nb",
            Lang::En => "en",
        }
    }
}

impl Serialize for Lang {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.code())
    }
}

impl<'de> Deserialize<'de> for Lang {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Lang, D::Error> {
        match String::deserialize(d)?.as_str() {
            "nb" | "no" => Ok(Lang::Nb),
            "en" => Ok(Lang::En),
            other => Err(de::Error::unknown_variant(other, &["nb", "en"])),
        }
    }
}

/// How a body writes its referat: the form of its attendance and the words its vedtak
/// are written with. Each left out is as the seed meeting's referat has it.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename = "Referat", deny_unknown_fields)]
pub struct ReferatStyle {
    /// A list (til stede, fraværende, fra sekretariatet) or a table by organisation;
    /// left out, a table when the roster names an organisation without a person.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub attendance: Option<AttendanceForm>,
    /// What introduces a vedtak that is not the forslag as written ("Vedtak",
    /// "Styringsgruppens vedtak").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub vedtak: Option<String>,
    /// A forslag adopted as written is printed again as the vedtak (after "Forslag til
    /// vedtak: ..." comes "Vedtak: ..." with the same text), not only once.
    #[serde(default, skip_serializing_if = "is_false")]
    pub repeat_adopted: bool,
    /// The word for a vedtak adopted ("Vedtatt", "Vedtas"); the others keep theirs.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub adopted: Option<String>,
}

impl ReferatStyle {
    fn is_usual(&self) -> bool {
        *self == ReferatStyle::default()
    }
}

/// The form of the attendance in the referat.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum AttendanceForm {
    /// Til stede, forfall, fraværende, each a list; "Fra sekretariatet: ..." on a line.
    List,
    /// Virksomhet | Representant | Til stede / forfall: members first, then observers.
    Table,
}

/// Where automatic sak numbers start: `(first: 1, year: 25)` numbers from 01/25.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Numbering {
    #[serde(default = "one")]
    pub first: u32,
    /// Two-digit year; the meeting's year when left out.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub year: Option<u32>,
}

fn one() -> u32 {
    1
}

/// How many members must be present for the meeting to decide.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Quorum {
    /// More than half of the members.
    Majority,
    /// At least this many members.
    AtLeast(u32),
}

/// Someone on the roster: a named person, an organisation, or both.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Person {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// The organisation (virksomhet) the person represents.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub org: Option<String>,
    #[serde(default)]
    pub role: Role,
    /// Forfall: apologies sent before the meeting.
    #[serde(default, skip_serializing_if = "is_false")]
    pub apologies: bool,
    /// Initials or a short name the referat may name them by ("GE").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub short: Option<String>,
    /// Their attendance at the meeting (as the roster has it, in an agenda file). A
    /// session file keeps it in a list of its own (`SessionFile`).
    #[serde(skip)]
    pub attendance: Attendance,
}

impl Person {
    /// The same entry on the roster, whatever their attendance.
    pub fn same_plan(&self, other: &Person) -> bool {
        let Person { name, org, role, apologies, short, attendance: _ } = self;
        (name, org, role, apologies, short) == (&other.name, &other.org, &other.role, &other.apologies, &other.short)
    }
}

#[allow(clippy::trivially_copy_pass_by_ref)] // serde's skip_serializing_if passes a reference
pub(crate) fn is_false(b: &bool) -> bool {
    !*b
}

#[allow(clippy::trivially_copy_pass_by_ref)] // as is_false
fn is_true(b: &bool) -> bool {
    *b
}

fn yes() -> bool {
    true
}

/// A person's role in the body.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum Role {
    /// Leder.
    Chair,
    /// Nestleder.
    ViceChair,
    /// Medlem.
    #[default]
    Member,
    /// Vara.
    Deputy,
    /// Observatør.
    Observer,
    /// Sekretariat.
    Secretariat,
    /// Gjest.
    Guest,
}

impl Role {
    pub const ALL: [Role; 7] =
        [Role::Chair, Role::ViceChair, Role::Member, Role::Deputy, Role::Observer, Role::Secretariat, Role::Guest];

    /// The roles of someone not on the list who comes to the meeting, the likeliest
    /// first: a guest, a deputy standing in, ...
    pub const ADDED: [Role; 7] =
        [Role::Guest, Role::Deputy, Role::Member, Role::Observer, Role::Secretariat, Role::Chair, Role::ViceChair];

    /// The role after this one among `ADDED`, round again after the last.
    pub fn next_added(self) -> Role {
        let i = Role::ADDED.iter().position(|r| *r == self).unwrap_or(0);
        Role::ADDED[(i + 1) % Role::ADDED.len()]
    }

    /// Members decide and count towards the quorum; deputies count when they attend.
    pub fn is_member(self) -> bool {
        matches!(self, Role::Chair | Role::ViceChair | Role::Member | Role::Deputy)
    }
}

/// An agenda item: a numbered sak or a break.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum Item {
    Sak(Sak),
    Break(Break),
}

impl Item {
    pub fn title(&self) -> &str {
        match self {
            Item::Sak(s) => &s.title,
            Item::Break(b) => &b.title,
        }
    }

    /// The planned start, when the agenda gives one.
    pub fn at(&self) -> Option<Hm> {
        match self {
            Item::Sak(s) => s.at,
            Item::Break(b) => b.at,
        }
    }

    /// The timebox, when the agenda gives one.
    pub fn minutes(&self) -> Option<u32> {
        match self {
            Item::Sak(s) => s.minutes,
            Item::Break(b) => b.minutes,
        }
    }

    /// The same item, whatever happened to it in the meeting (its record).
    pub fn same_plan(&self, other: &Item) -> bool {
        match (self, other) {
            (Item::Sak(a), Item::Sak(b)) => {
                let Sak {
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
                    record: _,
                } = a;
                (kind, title, number, numbered, at, minutes)
                    == (&b.kind, &b.title, &b.number, &b.numbered, &b.at, &b.minutes)
                    && (presenter, documents, background, proposal)
                        == (&b.presenter, &b.documents, &b.background, &b.proposal)
            }
            (Item::Break(a), Item::Break(b)) => {
                let Break { title, at, minutes, record: _ } = a;
                (title, at, minutes) == (&b.title, &b.at, &b.minutes)
            }
            _ => false,
        }
    }

    /// What happened to the item in the meeting.
    pub fn record(&self) -> &ItemRecord {
        match self {
            Item::Sak(s) => &s.record,
            Item::Break(b) => &b.record,
        }
    }

    pub fn record_mut(&mut self) -> &mut ItemRecord {
        match self {
            Item::Sak(s) => Arc::make_mut(&mut s.record),
            Item::Break(b) => Arc::make_mut(&mut b.record),
        }
    }
}

/// A sak: one numbered matter for the meeting.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Sak {
    #[serde(default)]
    pub kind: SakKind,
    pub title: String,
    /// An explicit number ("49/21"); otherwise numbered from `numbering`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub number: Option<SakNumber>,
    /// `false` for an item that gets no number, such as a welcome round.
    #[serde(default = "yes", skip_serializing_if = "is_true")]
    pub numbered: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub at: Option<Hm>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub minutes: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub presenter: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub documents: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub background: Option<String>,
    /// Forslag til vedtak, prepared before the meeting.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub proposal: Option<String>,
    /// What happened to it in the meeting (nothing, in an agenda file). A session file
    /// keeps it in a list of its own (`SessionFile`). Shared, so that a copy of the
    /// session (for undo, for saving) copies no notes until one sak's are changed.
    #[serde(skip)]
    pub record: Arc<ItemRecord>,
}

/// A break (Pause, Lunsj): on the agenda, but not a sak and never numbered.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Break {
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub title: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub at: Option<Hm>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub minutes: Option<u32>,
    /// What happened to it in the meeting, as for a sak.
    #[serde(skip)]
    pub record: Arc<ItemRecord>,
}

/// What kind of sak this is.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum SakKind {
    /// Godkjenning (of the agenda, of the minutes).
    Approval,
    /// Orienteringssak.
    #[default]
    Information,
    /// Drøftingssak.
    Discussion,
    /// Beslutningssak.
    Decision,
    /// Valg.
    Election,
    /// Eventuelt.
    Aob,
}

impl SakKind {
    pub const ALL: [SakKind; 6] = [
        SakKind::Approval,
        SakKind::Information,
        SakKind::Discussion,
        SakKind::Decision,
        SakKind::Election,
        SakKind::Aob,
    ];
}

/// A sak number, `NN/YY`: the count within the year and the two-digit year.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct SakNumber {
    pub year: u32,
    pub n: u32,
}

/// Why a written sak number could not be read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BadSakNumber(pub String);

const SAK_NUMBER_CODE: &str = "referent-bad-sak-number:";

impl BadSakNumber {
    /// A string form that survives `serde::de::Error::custom`.
    pub fn code(&self) -> String {
        format!("{SAK_NUMBER_CODE}{}", self.0)
    }

    pub fn from_code(message: &str) -> Option<BadSakNumber> {
        message.strip_prefix(SAK_NUMBER_CODE).map(|v| BadSakNumber(v.to_string()))
    }
}

impl FromStr for SakNumber {
    type Err = BadSakNumber;

    fn from_str(text: &str) -> Result<SakNumber, BadSakNumber> {
        let bad = || BadSakNumber(text.to_string());
        let (n, year) = text.trim().split_once('/').ok_or_else(bad)?;
        let number = |s: &str| {
            if s.is_empty() || !s.bytes().all(|b| b.is_ascii_digit()) { None } else { s.parse::<u32>().ok() }
        };
        let (n, year) = (number(n).ok_or_else(bad)?, number(year).ok_or_else(bad)?);
        if n == 0 || year > 99 {
            return Err(bad());
        }
        Ok(SakNumber { year, n })
    }
}

impl SakNumber {
    /// How many characters it is written with ("04/25": 5), without writing it.
    pub fn width(self) -> usize {
        let digits = |n: u32| n.checked_ilog10().map_or(1, |d| d as usize + 1).max(2);
        digits(self.n) + 1 + digits(self.year)
    }
}

impl fmt::Display for SakNumber {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:02}/{:02}", self.n, self.year)
    }
}

impl Serialize for SakNumber {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for SakNumber {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<SakNumber, D::Error> {
        let text = String::deserialize(d)?;
        text.parse().map_err(|e: BadSakNumber| de::Error::custom(e.code()))
    }
}

impl Agenda {
    /// The same agenda, whatever happened in the meeting (its items' records, the
    /// attendance).
    pub fn same_plan(&self, other: &Agenda) -> bool {
        // (Taken apart whole, so that a field added later is compared too.)
        let Agenda {
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
        } = self;
        (format, body, title, date, start, end)
            == (&other.format, &other.body, &other.title, &other.date, &other.start, &other.end)
            && previous == &other.previous
            && (place, link, language, numbering, quorum, phrases, referat)
                == (
                    &other.place,
                    &other.link,
                    &other.language,
                    &other.numbering,
                    &other.quorum,
                    &other.phrases,
                    &other.referat,
                )
            && people.len() == other.people.len()
            && people.iter().zip(&other.people).all(|(a, b)| a.same_plan(b))
            && items.len() == other.items.len()
            && items.iter().zip(&other.items).all(|(a, b)| a.same_plan(b))
    }

    /// The numbers of the saker, in item order; `None` for breaks and unnumbered saker.
    ///
    /// Automatic numbers count on from `numbering.first` in the meeting's year; a sak with
    /// a higher explicit number of that year moves the count on past it (a lower one, a sak
    /// carried over from an earlier meeting, leaves the count where it is).
    pub fn sak_numbers(&self) -> Vec<Option<SakNumber>> {
        let year = self.numbering.as_ref().and_then(|n| n.year).unwrap_or_else(|| self.date.short_year());
        let mut next = self.numbering.as_ref().map_or(1, |n| n.first);
        self.items
            .iter()
            .map(|item| match item {
                Item::Sak(sak) if sak.numbered => {
                    let number = sak.number.unwrap_or(SakNumber { year, n: next });
                    if number.year == year {
                        next = next.max(number.n.saturating_add(1));
                    }
                    Some(number)
                }
                _ => None,
            })
            .collect()
    }

    /// The number a sak added during the meeting gets: one past the highest of the year.
    pub fn next_free_number(&self) -> SakNumber {
        let numbers = self.sak_numbers();
        let year = self.numbering.as_ref().and_then(|n| n.year).unwrap_or_else(|| self.date.short_year());
        let first = self.numbering.as_ref().map_or(1, |n| n.first);
        let n =
            numbers.iter().flatten().filter(|s| s.year == year).map(|s| s.n.saturating_add(1)).max().unwrap_or(first);
        SakNumber { year, n }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::fixtures::{agenda, sak};

    #[test]
    fn numbers_saker_from_the_first_of_the_meeting_year_and_skips_breaks() {
        let a = agenda(
            Some("10:00"),
            Some("15:00"),
            vec![sak("a", None, None), Item::Break(Break::default()), sak("b", None, None)],
        );
        let shown: Vec<_> = a.sak_numbers().iter().map(|n| n.map(|n| n.to_string())).collect();
        assert_eq!(shown, [Some("01/25".into()), None, Some("02/25".into())]);
    }

    #[test]
    fn numbering_may_start_later_in_the_year_and_respects_explicit_numbers() {
        let mut a = agenda(
            Some("10:00"),
            Some("15:00"),
            vec![sak("a", None, None), sak("b", None, None), sak("c", None, None), sak("d", None, None)],
        );
        a.numbering = Some(Numbering { first: 17, year: Some(25) });
        if let Item::Sak(s) = &mut a.items[1] {
            s.number = Some("30/25".parse().unwrap());
        }
        if let Item::Sak(s) = &mut a.items[2] {
            s.number = Some("49/21".parse().unwrap());
        }
        let shown: Vec<_> = a.sak_numbers().iter().flatten().map(ToString::to_string).collect();
        assert_eq!(shown, ["17/25", "30/25", "49/21", "31/25"]);
        assert_eq!(a.next_free_number().to_string(), "32/25");
    }

    #[test]
    fn a_sak_carried_over_keeps_its_number_without_rewinding_the_count() {
        let mut a = agenda(
            Some("10:00"),
            Some("15:00"),
            vec![sak("a", None, None), sak("utsatt fra juni", None, None), sak("c", None, None)],
        );
        a.numbering = Some(Numbering { first: 16, year: None });
        if let Item::Sak(s) = &mut a.items[1] {
            s.number = Some("10/25".parse().unwrap());
        }
        let shown: Vec<_> = a.sak_numbers().iter().flatten().map(ToString::to_string).collect();
        assert_eq!(shown, ["16/25", "10/25", "17/25"]);
    }

    #[test]
    fn the_language_is_written_as_a_text() {
        let read = |s: &str| ron::from_str::<Lang>(s);
        assert_eq!(read("\"nb\"").unwrap(), Lang::Nb);
        assert_eq!(read("\"en\"").unwrap(), Lang::En);
        assert!(read("\"de\"").is_err());
        assert_eq!(ron::to_string(&Lang::En).unwrap(), "\"en\"");
    }

    #[test]
    fn unnumbered_saker_get_no_number() {
        let mut a =
            agenda(Some("10:00"), Some("15:00"), vec![sak("Velkommen", None, None), sak("Godkjenning", None, None)]);
        if let Item::Sak(s) = &mut a.items[0] {
            s.numbered = false;
        }
        assert_eq!(a.sak_numbers()[0], None);
        assert_eq!(a.sak_numbers()[1].map(|n| n.to_string()), Some("01/25".into()));
    }

    #[test]
    fn reads_sak_numbers() {
        assert_eq!("04/25".parse(), Ok(SakNumber { year: 25, n: 4 }));
        assert_eq!("4/25".parse::<SakNumber>().map(|n| n.to_string()), Ok("04/25".into()));
        assert_eq!("0/25".parse::<SakNumber>(), Err(BadSakNumber("0/25".into())));
        assert_eq!("sak 4".parse::<SakNumber>(), Err(BadSakNumber("sak 4".into())));
        assert_eq!("4/2025".parse::<SakNumber>(), Err(BadSakNumber("4/2025".into())));
    }

    #[test]
    fn the_roles_of_someone_added_go_round_from_guest_through_every_role() {
        let mut role = Role::Guest;
        let mut seen = vec![role];
        for _ in 1..Role::ALL.len() {
            role = role.next_added();
            seen.push(role);
        }
        assert_eq!(seen[1], Role::Deputy, "a deputy standing in comes next");
        assert_eq!(role.next_added(), Role::Guest, "round again");
        seen.sort_by_key(|r| Role::ALL.iter().position(|a| a == r));
        assert_eq!(seen, Role::ALL);
    }

    #[test]
    fn a_sak_number_knows_how_wide_it_is_written() {
        for (n, year) in [(1, 25), (9, 5), (10, 25), (99, 0), (100, 25), (285, 26), (1000, 25), (u32::MAX, 99)] {
            let number = SakNumber { year, n };
            assert_eq!(number.width(), number.to_string().chars().count(), "{number}");
        }
    }
}
