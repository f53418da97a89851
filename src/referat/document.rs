//! The referat as a document, before any format: a session (or, for the innkalling, an
//! agenda) turned into header fields, attendance, one two-column row per agenda item,
//! and the closing tables. Markdown, HTML and DOCX each render this.

use crate::domain::agenda::{Agenda, AttendanceForm, Item, Role};
use crate::domain::attendance::Presence;
use crate::domain::schedule;
use crate::domain::session::{Planned, Segment, Session};
use crate::domain::time::{Day, Hm, Stamp};
use crate::i18n::{ReferatWords, Words};

use super::told;

/// How speakers are named in front of their notes (as a config file writes it: `Org`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, serde::Deserialize)]
pub enum Attribution {
    /// No names: Norwegian referater usually list comments without them.
    #[default]
    None,
    /// "Helse Nord RHF: ..."
    Org,
    /// "Ida-Kristin Martinussen: ..."
    Name,
    /// By the initials or short name the roster gives ("GE: ..."), else by name.
    Short,
}

/// Which Kl. times the referat shows (as a config file writes it: `Both`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, serde::Deserialize)]
pub enum Times {
    #[default]
    Planned,
    Actual,
    Both,
}

#[derive(Clone, Copy, Debug, Default)]
pub struct Options {
    pub attribution: Attribution,
    pub times: Times,
}

/// A whole referat or innkalling.
#[derive(Clone, Debug, PartialEq)]
pub struct Document {
    pub title: String,
    /// "Til", "Møtetidspunkt", "Sted", ...: label and value.
    pub header: Vec<(String, String)>,
    pub attendance: Vec<Group>,
    /// Virksomhet / Representant / Til stede–forfall, when the roster is by organisation.
    pub org_table: Option<Table>,
    /// The headings of the two columns of the sak table.
    pub columns: [String; 2],
    pub rows: Vec<Row>,
    /// Oppfølgingspunkter, planned against actual times, ...
    pub tables: Vec<Table>,
    /// What a word processor keeps beside the text.
    pub meta: Meta,
}

/// Who wrote a document and when, and the words of its page footer.
#[derive(Clone, Debug, PartialEq)]
pub struct Meta {
    /// The body that met (else the meeting's title).
    pub author: String,
    /// The day the meeting began and the day it ended (or is planned for).
    pub days: (Day, Day),
    /// "Side", "av": "Side 2 av 5".
    pub page: [String; 2],
}

fn meta(agenda: &Agenda, days: (Day, Day), r: &ReferatWords) -> Meta {
    let author = if agenda.body.is_empty() { agenda.title.clone() } else { agenda.body.clone() };
    Meta { author, days, page: [r.page.to_string(), r.of.to_string()] }
}

/// A group of the attendance: "Til stede", "Forfall", "Fra sekretariatet".
#[derive(Clone, Debug, PartialEq)]
pub struct Group {
    pub heading: String,
    pub people: Vec<String>,
    /// Written on one line ("Fra sekretariatet: Max, Espen") rather than one per line.
    pub inline: bool,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Table {
    pub heading: String,
    pub columns: Vec<String>,
    pub rows: Vec<Vec<String>>,
    /// Headings of groups of rows, across the table: each before the row it names.
    pub groups: Vec<(usize, String)>,
}

/// One agenda item: number and Kl. on the left, everything else on the right.
#[derive(Clone, Debug, PartialEq)]
pub struct Row {
    pub left: Vec<String>,
    pub right: Vec<Para>,
}

/// A paragraph of the right-hand column.
#[derive(Clone, Debug, PartialEq)]
pub enum Para {
    /// Kind and title of the item: "Beslutningssak: Normen 7.0".
    Heading(String),
    /// Plain text: background, a document, a proposal, an arrival.
    Text(String),
    /// A label standing alone: "Innspill og kommentarer:".
    Label(String),
    /// A label and its text on one line: "Spørsmål: Er dette ...", "Vedtak: ...".
    Labeled(String, String),
}

/// The follow-ups of earlier meetings this one took up, in groups: done, still open
/// (carried, or not marked), dropped; none when it took up none.
fn previous_followups(session: &Session, r: &ReferatWords) -> Option<Table> {
    use crate::domain::previous::Status;
    let taken = &session.record.previous;
    if taken.is_empty() {
        return None;
    }
    let group = |status: Option<Status>| match status {
        Some(Status::Done) => 0,
        None | Some(Status::Carried) => 1,
        Some(Status::Dropped) => 2,
    };
    let (mut rows, mut groups) = (Vec::new(), Vec::new());
    for (g, heading) in r.previous_groups.iter().enumerate() {
        let mut these = taken.iter().filter(|t| group(t.status) == g).peekable();
        if these.peek().is_some() {
            groups.push((rows.len(), (*heading).to_string()));
        }
        for t in these {
            let sak = t.sak.map_or_else(|| t.meeting.short(), |n| format!("{n} ({})", t.meeting.short()));
            let f = &t.followup;
            rows.push(vec![sak, f.what.clone(), f.who.clone().unwrap_or_default(), told::frist(f).unwrap_or_default()]);
        }
    }
    Some(Table {
        heading: r.previous_followups.to_string(),
        columns: r.followup_columns.map(String::from).to_vec(),
        rows,
        groups,
    })
}

/// The referat of `session`.
pub fn referat(session: &Session, w: &Words, options: Options) -> Document {
    let r = w.referat;
    let agenda = &session.agenda;
    // The plan as it stood when the meeting started: live changes do not rewrite it.
    let plan = session.agreed_plan();
    let planned_end = session.agreed_end();
    let numbers = agenda.sak_numbers();
    // One row an item, in agenda order; an item taken up again after others gets a
    // continuation row after the item that ran just before.
    let mut placed: Vec<(usize, usize)> = (0..agenda.items.len()).map(|i| (i, 0)).collect();
    let mut parts: Vec<Vec<told::Part>> = (0..agenda.items.len()).map(|i| told::parts(session, i)).collect();
    let mut again: Vec<(Stamp, usize, usize)> = parts
        .iter()
        .enumerate()
        .flat_map(|(i, p)| p.iter().enumerate().skip(1).filter_map(move |(k, part)| Some((part.start?, i, k))))
        .collect();
    again.sort_unstable();
    for (start, i, k) in again {
        let before = agenda
            .items
            .iter()
            .enumerate()
            .filter(|(other, _)| *other != i)
            .flat_map(|(other, item)| item.record().segments.iter().filter_map(move |s| Some((s.end?, other))))
            .filter(|(end, _)| *end <= start)
            .max()
            .map_or(i, |(_, other)| other);
        let at = placed.iter().rposition(|(item, _)| *item == before).map_or(placed.len(), |p| p + 1);
        placed.insert(at, (i, k));
    }
    let mut rows = Vec::new();
    for (i, k) in placed {
        let item = &agenda.items[i];
        let part = std::mem::take(&mut parts[i][k]);
        let ends = (k == 0, k + 1 == parts[i].len());
        let mut left: Vec<String> = numbers[i].map(|n| n.to_string()).into_iter().collect();
        let mut right = Vec::new();
        if k == 0 {
            left.extend(kl(plan.get(i).copied().flatten().map(|p| p.at), &part.segments, options.times, r));
            right.push(Para::Heading(heading(item, w)));
        } else {
            // (Taken up again when it was: the plan had no time for it.)
            left.extend(match options.times {
                Times::Planned => part.start.map(|s| format!("{} {}", r.kl, s.hm())),
                Times::Actual | Times::Both => kl(None, &part.segments, Times::Actual, r),
            });
            right.push(Para::Heading(format!("{} ({})", heading(item, w), r.continued)));
        }
        right.extend(told::told(session, i, &part, ends, options.attribution, w));
        rows.push(Row { left, right });
    }
    let end = match (options.times, session.record.ended) {
        (Times::Planned, _) | (_, None) => planned_end.map(|e| e.to_string()),
        (Times::Actual, Some(e)) => Some(e.hm().to_string()),
        (Times::Both, Some(e)) => planned_end.map(|p| format!("{p} ({})", e.hm())),
    };
    rows.push(Row { left: end.into_iter().collect(), right: vec![Para::Heading(r.end.to_string())] });

    let mut tables = Vec::new();
    tables.extend(previous_followups(session, r));
    let followups = session.followups();
    if !followups.is_empty() {
        let rows = followups
            .iter()
            .map(|(i, _, f)| {
                vec![
                    numbers[*i].map(|n| n.to_string()).unwrap_or_default(),
                    f.what.clone(),
                    f.who.clone().unwrap_or_default(),
                    told::frist(f).unwrap_or_default(),
                ]
            })
            .collect();
        tables.push(Table {
            heading: r.followups.to_string(),
            columns: r.followup_columns.map(String::from).to_vec(),
            rows,
            groups: Vec::new(),
        });
    }
    if options.times != Times::Planned {
        tables.push(timing(session, &plan, r));
    }
    Document {
        title: format!("{} {}", r.referat, agenda.title),
        header: header(agenda, Some(session), options.times, w),
        attendance: if by_organisation(agenda) { Vec::new() } else { attendance(session, w) },
        org_table: by_organisation(agenda).then(|| org_table(session, w)),
        columns: r.columns.map(String::from),
        rows,
        tables,
        meta: meta(agenda, session.days_ran().unwrap_or((agenda.date, agenda.date)), r),
    }
}

/// The innkalling (notice) of `agenda`: header, saksliste with Kl. and timeboxes, kinds,
/// documents, background and forslag til vedtak.
pub fn innkalling(agenda: &Agenda, w: &Words) -> Document {
    let r = w.referat;
    let plan = schedule::plan(agenda);
    let numbers = agenda.sak_numbers();
    let mut rows: Vec<Row> = agenda
        .items
        .iter()
        .enumerate()
        .map(|(i, item)| {
            let slot = plan.slots[i];
            let mut left: Vec<String> = numbers[i].map(|n| n.to_string()).into_iter().collect();
            left.push(format!("{} {}", r.kl, slot.start));
            left.push(format!("({} min)", slot.minutes));
            let mut right = vec![Para::Heading(heading(item, w))];
            if let Item::Sak(sak) = item {
                right.extend(told::prepared(sak, r));
                if let Some(p) = &sak.proposal {
                    right.push(Para::Label(format!("{}:", r.proposal)));
                    right.extend(paragraphs(p));
                }
            }
            Row { left, right }
        })
        .collect();
    if let Some(end) = agenda.end.or(plan.planned_end()) {
        rows.push(Row { left: vec![end.to_string()], right: vec![Para::Heading(r.end.to_string())] });
    }
    let mut people = Vec::new();
    for role in [Role::Chair, Role::ViceChair, Role::Member, Role::Deputy, Role::Observer] {
        people.extend(agenda.people.iter().filter(|p| p.role == role).map(|p| person_line(p, w)));
    }
    let mut attendance = vec![Group { heading: r.invited.to_string(), people, inline: false }];
    let secretariat = names(agenda.people.iter().filter(|p| p.role == Role::Secretariat));
    if !secretariat.is_empty() {
        attendance.push(Group { heading: r.from_secretariat.to_string(), people: secretariat, inline: true });
    }
    let apologies = names(agenda.people.iter().filter(|p| p.apologies));
    if !apologies.is_empty() {
        attendance.push(Group { heading: r.apologies.to_string(), people: apologies, inline: false });
    }
    Document {
        title: format!("{} {}", r.innkalling, agenda.title),
        header: header(agenda, None, Times::Planned, w),
        attendance,
        org_table: None,
        columns: r.columns.map(String::from),
        rows,
        tables: Vec::new(),
        meta: meta(agenda, (agenda.date, agenda.date), r),
    }
}

/// "Beslutningssak: Normen 7.0"; approvals, AOB and breaks by their title alone, as
/// minutes write them.
fn heading(item: &Item, w: &Words) -> String {
    match item {
        Item::Sak(s) => {
            use crate::domain::agenda::SakKind;
            let kind = w.kind(s.kind);
            let plain = matches!(s.kind, SakKind::Approval | SakKind::Aob)
                || !s.numbered
                || s.title.to_lowercase().starts_with(&kind.to_lowercase());
            if plain { s.title.clone() } else { format!("{kind}: {}", s.title) }
        }
        Item::Break(b) if b.title.is_empty() => w.a_break.to_string(),
        Item::Break(b) => b.title.clone(),
    }
}

/// Text split at blank lines.
pub fn paragraphs(text: &str) -> Vec<Para> {
    text.split("\n\n").map(str::trim).filter(|p| !p.is_empty()).map(|p| Para::Text(p.to_string())).collect()
}

/// The Kl. of a row as the options ask: the planned start, when it actually ran (each
/// stretch from start to end: "10:22–10:31, 10:36–10:44"), or both.
fn kl(planned: Option<Hm>, segments: &[Segment], times: Times, r: &ReferatWords) -> Option<String> {
    let ran = (!segments.is_empty()).then(|| {
        let stretch = |s: &Segment| match s.end {
            Some(e) if e.hm() != s.start.hm() => format!("{}–{}", s.start.hm(), e.hm()),
            _ => s.start.hm().to_string(),
        };
        segments.iter().map(stretch).collect::<Vec<_>>().join(", ")
    });
    let show = |what: String| format!("{} {what}", r.kl);
    match (times, planned, ran) {
        (Times::Planned, Some(p), _) | (Times::Actual | Times::Both, Some(p), None) => Some(show(p.to_string())),
        (Times::Actual, _, Some(a)) => Some(show(a)),
        (Times::Both, Some(p), Some(a)) => Some(format!("{} ({a})", show(p.to_string()))),
        (_, None, a) => a.map(show),
    }
}

/// Til, Møtetidspunkt (the day the meeting ran, both days when it ran past midnight),
/// Sted, Lenke.
fn header(agenda: &Agenda, session: Option<&Session>, times: Times, w: &Words) -> Vec<(String, String)> {
    let r = w.referat;
    let mut out = Vec::new();
    if !agenda.body.is_empty() {
        out.push((r.to.to_string(), agenda.body.clone()));
    }
    let day = |d: Day| format!("{} {}", w.weekdays[d.weekday_index()], d.short());
    let (first, last) = session.and_then(Session::days_ran).unwrap_or((agenda.date, agenda.date));
    let planned = match (agenda.start, agenda.end) {
        (Some(s), Some(e)) => format!("{s} – {e}"),
        (Some(s), None) => s.to_string(),
        _ => String::new(),
    };
    let actual = session.and_then(|s| s.record.started.zip(s.record.ended));
    let when = match (times, actual) {
        (Times::Actual, Some((s, e))) if first != last => {
            format!("{} {} – {} {}", day(first), s.hm(), day(last).to_lowercase(), e.hm())
        }
        (Times::Actual, Some((s, e))) => format!("{} {} – {}", day(first), s.hm(), e.hm()),
        (Times::Both, Some((s, e))) if first != last => {
            format!("{} {planned} ({} – {} {})", day(first), s.hm(), day(last).to_lowercase(), e.hm())
        }
        (Times::Both, Some((s, e))) => format!("{} {planned} ({} – {})", day(first), s.hm(), e.hm()),
        _ if first != last => format!("{} – {} {planned}", day(first), day(last).to_lowercase()),
        _ => format!("{} {planned}", day(first)),
    };
    out.push((r.when.to_string(), when.trim().to_string()));
    if let Some(place) = &agenda.place {
        out.push((r.place.to_string(), place.clone()));
    }
    if let Some(link) = &agenda.link {
        out.push((r.link.to_string(), link.clone()));
    }
    out
}

/// "Name, Org (leder)"; an organisation alone by its name.
fn person_line(p: &crate::domain::agenda::Person, w: &Words) -> String {
    let mut s = match (&p.name, &p.org) {
        (Some(n), Some(o)) => format!("{n}, {o}"),
        (Some(n), None) => n.clone(),
        (None, Some(o)) => o.clone(),
        (None, None) => String::new(),
    };
    if matches!(p.role, Role::Chair | Role::ViceChair | Role::Deputy | Role::Observer) {
        s += &format!(" ({})", w.role(p.role).to_lowercase());
    }
    s
}

fn names<'a>(people: impl Iterator<Item = &'a crate::domain::agenda::Person>) -> Vec<String> {
    people.filter_map(|p| p.name.clone().or(p.org.clone())).collect()
}

/// Whether the attendance is the table by organisation: as the agenda says, else when
/// the roster names an organisation without a person.
fn by_organisation(agenda: &Agenda) -> bool {
    match agenda.referat.attendance {
        Some(form) => form == AttendanceForm::Table,
        None => agenda.people.iter().any(|p| p.name.is_none() && p.org.is_some()),
    }
}

/// The attendance as lists: til stede, forfall, fraværende (and anyone not marked), each
/// in roster order, then "Fra sekretariatet: ..." on a line. Arrivals and departures are
/// told at the sak they happened in.
fn attendance(session: &Session, w: &Words) -> Vec<Group> {
    let r = w.referat;
    let people = &session.agenda.people;
    let mut out = Vec::new();
    for (heading, presence) in [
        (r.present, Presence::Present),
        (r.apologies, Presence::Apologies),
        (r.absent, Presence::Absent),
        (r.unmarked, Presence::Unmarked),
    ] {
        let named: Vec<String> = people
            .iter()
            .filter(|p| p.attendance.presence == presence && p.role != Role::Secretariat)
            .map(|p| person_line(p, w))
            .collect();
        if !named.is_empty() {
            out.push(Group { heading: heading.to_string(), people: named, inline: false });
        }
    }
    let secretariat = names(people.iter().filter(|p| {
        p.role == Role::Secretariat && !matches!(p.attendance.presence, Presence::Apologies | Presence::Absent)
    }));
    if !secretariat.is_empty() {
        out.push(Group { heading: r.from_secretariat.to_string(), people: secretariat, inline: true });
    }
    out
}

/// Who belongs to a group of the attendance table.
type RoleGroup = fn(Role) -> bool;

/// The attendance as a table by organisation, one row a person (or an organisation with
/// no one named), each with their own status: the members first (the chair marked), then
/// observers and guests, then the secretariat, each group under its heading.
fn org_table(session: &Session, w: &Words) -> Table {
    let r = w.referat;
    let people = &session.agenda.people;
    let status = |p: &crate::domain::agenda::Person| match p.attendance.presence {
        Presence::Present => r.present,
        Presence::Apologies => r.apologies,
        Presence::Absent => r.absent,
        Presence::Unmarked => r.unmarked,
    };
    let row = |p: &crate::domain::agenda::Person| {
        let mut name = p.name.clone().unwrap_or_default();
        if !name.is_empty() && matches!(p.role, Role::Chair | Role::ViceChair | Role::Deputy) {
            name += &format!(" ({})", w.role(p.role).to_lowercase());
        }
        vec![p.org.clone().unwrap_or_default(), name, status(p).to_string()]
    };
    let mut rows = Vec::new();
    let mut groups = Vec::new();
    let parts: [(Option<&str>, RoleGroup); 3] = [
        (None, |role| role.is_member()),
        (Some(r.observers), |role| matches!(role, Role::Observer | Role::Guest)),
        (Some(r.from_secretariat), |role| role == Role::Secretariat),
    ];
    for (heading, wanted) in parts {
        let these: Vec<Vec<String>> = people.iter().filter(|p| wanted(p.role)).map(row).collect();
        if these.is_empty() {
            continue;
        }
        if let Some(h) = heading {
            groups.push((rows.len(), h.to_string()));
        }
        rows.extend(these);
    }
    Table { heading: r.by_organisation.to_string(), columns: r.org_columns.map(String::from).to_vec(), rows, groups }
}

/// Planned against actual: Kl. and minutes per item (an item added during the meeting
/// had no place in the plan).
fn timing(session: &Session, plan: &[Option<Planned>], r: &ReferatWords) -> Table {
    let numbers = session.agenda.sak_numbers();
    let now = last_moment(session);
    let rows = session
        .agenda
        .items
        .iter()
        .enumerate()
        .map(|(i, item)| {
            let planned = plan.get(i).copied().flatten();
            let first = session.agenda.items[i].record().segments.first();
            let minutes = (session.elapsed(i, now) + 30) / 60;
            let (actual, diff) = match (first, planned) {
                (Some(s), Some(p)) => {
                    (format!("{} ({minutes} min)", s.start.hm()), format!("{:+}", minutes - i64::from(p.minutes)))
                }
                (Some(s), None) => (format!("{} ({minutes} min)", s.start.hm()), String::new()),
                (None, _) => (String::new(), String::new()),
            };
            vec![
                numbers[i].map(|n| n.to_string()).unwrap_or_default(),
                item.title().to_string(),
                planned.map(|p| format!("{} ({} min)", p.at, p.minutes)).unwrap_or_default(),
                actual,
                diff,
            ]
        })
        .collect();
    Table {
        heading: r.timing.to_string(),
        columns: r.timing_columns.map(String::from).to_vec(),
        rows,
        groups: Vec::new(),
    }
}

/// The last moment the session knows of: its end, else the latest time recorded.
fn last_moment(session: &Session) -> Stamp {
    let recorded = session
        .agenda
        .items
        .iter()
        .map(Item::record)
        .flat_map(|r| &r.segments)
        .flat_map(|s| [Some(s.start), s.end])
        .flatten();
    session
        .record
        .ended
        .or_else(|| recorded.chain(session.record.started).max())
        .unwrap_or_else(|| Stamp::new(session.agenda.date.date().and_hms_opt(0, 0, 0).unwrap_or_default()))
}
