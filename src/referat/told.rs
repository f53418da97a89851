//! How one agenda item is told in the referat: what was written on it, in the order it
//! was written (notes under the heading of their group, partial decisions where they
//! were made, the vedtak, follow-ups, arrivals and departures at their time), and in
//! parts when it was left for other items and taken up again (a continuation row each).

use super::document::{Attribution, Para, paragraphs};
use crate::domain::agenda::{Item, Person, ReferatStyle, Sak};
use crate::domain::notes::{Note, NoteKind, Speaker};
use crate::domain::presence::Change;
use crate::domain::session::{ItemState, Segment, Session};
use crate::domain::time::Stamp;
use crate::domain::timeline::Entry;
use crate::domain::vedtak::{Decision, Outcome};
use crate::i18n::{ReferatWords, Words};

/// One stretch of an item: from when it was taken up (`start`) until other items came in
/// between; what was written then, and the segments of the clock it ran in.
#[derive(Debug, Default)]
pub struct Part<'a> {
    pub start: Option<Stamp>,
    pub segments: Vec<Segment>,
    entries: Vec<&'a Entry>,
}

/// Item `i` in the parts the referat tells it in: one, and one more each time it was
/// taken up again after other items and something was written then (a pause of the
/// clock within it is not a part, nor is a return that left nothing written: its time
/// goes with the part before). Each entry of the timeline is in the part it was written
/// in; entries keep their order (one moved above an earlier part's stays in that part).
pub fn parts(session: &Session, i: usize) -> Vec<Part<'_>> {
    let record = session.agenda.items[i].record();
    let others: Vec<Stamp> = session
        .agenda
        .items
        .iter()
        .enumerate()
        .filter(|(k, _)| *k != i)
        .flat_map(|(_, item)| item.record().segments.iter().map(|s| s.start))
        .collect();
    let mut parts =
        vec![Part { start: record.segments.first().map(|s| s.start), segments: Vec::new(), entries: Vec::new() }];
    let mut last_end: Option<Stamp> = None;
    for segment in &record.segments {
        let resumed = last_end.is_some_and(|end| others.iter().any(|&o| end <= o && o < segment.start));
        if resumed {
            parts.push(Part { start: Some(segment.start), segments: Vec::new(), entries: Vec::new() });
        }
        if let Some(part) = parts.last_mut() {
            part.segments.push(*segment);
        }
        last_end = segment.end;
    }
    let starts: Vec<Option<Stamp>> = parts.iter().map(|p| p.start).collect();
    let mut current = 0;
    for entry in &record.entries {
        let written_in = starts.iter().rposition(|s| s.is_some_and(|s| s <= entry.at())).unwrap_or(0);
        current = current.max(written_in);
        parts[current].entries.push(entry);
    }
    let mut told: Vec<Part> = Vec::with_capacity(parts.len());
    for part in parts {
        match told.last_mut() {
            Some(before) if part.entries.is_empty() => before.segments.extend(part.segments),
            _ => told.push(part),
        }
    }
    told
}

/// What the referat says of `part` of item `i`, after its heading: the first part begins
/// with what was prepared, the last ends with what the meeting came to.
pub fn told(
    session: &Session,
    i: usize,
    part: &Part,
    (first, last): (bool, bool),
    attribution: Attribution,
    w: &Words,
) -> Vec<Para> {
    let r = w.referat;
    let item = &session.agenda.items[i];
    let record = item.record();
    let sak = match item {
        Item::Sak(sak) => Some(sak),
        Item::Break(_) => None,
    };
    let mut out = Vec::new();
    if first && let Some(sak) = sak {
        out.extend(prepared(sak, r));
    }
    let mut comings = comings_and_goings(session, &part.segments, r).into_iter().peekable();
    // Whether the notes now being told are under a heading (their own, or the usual one).
    let mut grouped = false;
    let mut proposal_told = false;
    for entry in &part.entries {
        while let Some((_, para)) = comings.next_if(|(at, _)| *at <= entry.at()) {
            out.push(para);
        }
        match entry {
            Entry::Note(note) if note.kind == NoteKind::Heading => {
                out.push(Para::Label(note.text.clone()));
                grouped = true;
            }
            Entry::Note(note) => {
                // Comments on a sak stand under a heading; under a break they need none.
                if !grouped && sak.is_some() {
                    out.push(Para::Label(r.comments.to_string()));
                }
                grouped = true;
                out.push(note_para(note, attribution, &session.agenda.people, w));
            }
            Entry::Decision(d) => {
                grouped = false;
                let proposal = sak.and_then(|s| s.proposal.as_deref());
                if d.label.is_none() && !proposal_told {
                    out.extend(proposal_paras(proposal, r));
                    proposal_told = true;
                }
                out.extend(decision_paras(d, proposal, &session.agenda.referat, w));
            }
            Entry::FollowUp(f) => out.push(Para::Labeled(format!("{}:", r.followup), followup_line(f, r))),
            Entry::Presence(m) => out.push(Para::Text(r.presence(session, m))),
        }
    }
    out.extend(comings.map(|(_, para)| para));
    // The last part ends with what the meeting came to, as far as the entries did not say
    // (partial decisions, "Beslutning kap. 1.3: ...", are not what it came to).
    if last && let Some(sak) = sak {
        let decided = record.decisions().any(|d| d.label.is_none());
        if !proposal_told && !decided {
            out.extend(proposal_paras(sak.proposal.as_deref(), r));
        }
        if !decided {
            match record.state {
                ItemState::Postponed => out.push(Para::Text(format!("{}.", w.outcome(Outcome::Postponed)))),
                ItemState::Withdrawn => out.push(Para::Text(r.withdrawn.to_string())),
                _ => {}
            }
        }
    }
    out
}

/// What was prepared before the meeting: presenter, background, documents.
pub fn prepared(sak: &Sak, r: &ReferatWords) -> Vec<Para> {
    let mut out = Vec::new();
    if let Some(p) = &sak.presenter {
        out.push(Para::Labeled(format!("{}:", r.presenter), p.clone()));
    }
    if let Some(b) = &sak.background {
        out.extend(paragraphs(b));
    }
    out.extend(sak.documents.iter().map(|d| Para::Text(end_with_stop(d))));
    out
}

fn end_with_stop(text: &str) -> String {
    let t = text.trim_end();
    if t.ends_with(['.', '!', '?', ':']) { t.to_string() } else { format!("{t}.") }
}

/// A note: "Spørsmål: ...", "Helse Nord RHF: ...", or its text alone.
fn note_para(note: &Note, attribution: Attribution, people: &[Person], w: &Words) -> Para {
    let mut label = String::new();
    if let Some(s) = note.speaker.as_ref().and_then(|s| speaker(s, attribution, people)) {
        label += &format!("{s}:");
    }
    let space = if label.is_empty() { "" } else { " " };
    match note.kind {
        NoteKind::Comment | NoteKind::Heading => {}
        NoteKind::Question => label += &format!("{space}{}", w.question_prefix),
        NoteKind::Answer => label += &format!("{space}{}", w.answer_prefix),
    }
    if label.is_empty() { Para::Text(note.text.clone()) } else { Para::Labeled(label, note.text.clone()) }
}

fn speaker(s: &Speaker, attribution: Attribution, people: &[Person]) -> Option<String> {
    match attribution {
        Attribution::None => None,
        Attribution::Org => s.org.clone().or(s.name.clone()),
        Attribution::Name => s.name.clone().or(s.org.clone()),
        Attribution::Short => {
            let on_roster =
                people.iter().find(|p| s.name.is_some() && p.name == s.name && (s.org.is_none() || p.org == s.org));
            on_roster.and_then(|p| p.short.clone()).or(s.name.clone()).or(s.org.clone())
        }
    }
}

/// "Forslag til vedtak:" and its text.
fn proposal_paras(proposal: Option<&str>, r: &ReferatWords) -> Vec<Para> {
    let Some(p) = proposal else { return Vec::new() };
    let mut out = vec![Para::Label(format!("{}:", r.proposal))];
    out.extend(paragraphs(p));
    out
}

/// A partial decision with its label, or the vedtak (its text when it is not the
/// forslag's, or when the body repeats it) with its outcome, in the body's words.
fn decision_paras(d: &Decision, proposal: Option<&str>, style: &ReferatStyle, w: &Words) -> Vec<Para> {
    let r = w.referat;
    let mut out = Vec::new();
    if let Some(label) = &d.label {
        out.push(Para::Labeled(format!("{label}:"), d.text.clone()));
        if d.outcome != Outcome::Adopted {
            out.push(Para::Text(outcome_sentence(d, style, w)));
        }
        return out;
    }
    let same = proposal.is_some_and(|p| normalise(p) == normalise(&d.text));
    if (!same || style.repeat_adopted) && !d.text.trim().is_empty() {
        let label = style.vedtak.as_deref().map_or(r.vedtak, |v| v.trim_end_matches(':'));
        out.push(Para::Labeled(format!("{label}:"), d.text.clone()));
    }
    out.push(Para::Text(outcome_sentence(d, style, w)));
    out
}

fn normalise(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// "Vedtatt.", "Utsatt til septembermøtet.", "Saken trekkes.", with votes if counted.
fn outcome_sentence(d: &Decision, style: &ReferatStyle, w: &Words) -> String {
    let r = w.referat;
    let mut s = match d.outcome {
        Outcome::Adopted if style.adopted.is_some() => {
            style.adopted.as_deref().unwrap_or_default().trim_end_matches('.').to_string()
        }
        Outcome::Withdrawn => r.withdrawn.trim_end_matches('.').to_string(),
        Outcome::Postponed => match &d.until {
            Some(u) => format!("{} {}", w.outcome(Outcome::Postponed), (w.until)(u)),
            None => w.outcome(Outcome::Postponed).to_string(),
        },
        other => w.outcome(other).to_string(),
    };
    if let Some(v) = d.votes {
        s += &format!(" ({})", (w.votes)(v.in_favour, v.against, v.abstaining));
    }
    s + "."
}

pub fn frist(f: &crate::domain::followup::FollowUp) -> Option<String> {
    f.frist.map(crate::domain::time::Day::short).or(f.frist_text.clone())
}

fn followup_line(f: &crate::domain::followup::FollowUp, r: &ReferatWords) -> String {
    let mut s = f.what.clone();
    if let Some(who) = &f.who {
        s += &format!(" ({}: {who}", r.responsible);
        if let Some(fr) = frist(f) {
            s += &format!(", {}: {fr}", r.frist);
        }
        s += ")";
    } else if let Some(fr) = frist(f) {
        s += &format!(" ({}: {fr})", r.frist);
    }
    s
}

/// Arrivals, departures and returns in `segments` that no timeline entry tells (marked
/// when no item was under way, or in a session from before such entries), in the order
/// of their times; a time away that began and ended there in one: "gikk kl. 11:00, kom
/// tilbake kl. 11:20".
fn comings_and_goings(session: &Session, segments: &[Segment], r: &ReferatWords) -> Vec<(Stamp, Para)> {
    let during = |at: Stamp| segments.iter().any(|s| s.start <= at && s.end.is_none_or(|e| at < e));
    let hm = |at: Stamp| at.hm().to_string();
    let mut out = Vec::new();
    for (n, p) in session.agenda.people.iter().enumerate() {
        let untold = |change: Change, at: Stamp| during(at) && !session.is_told_in_timeline(n, change, at);
        let who = p.name.clone().or(p.org.clone()).unwrap_or_default();
        let mut told = |at: Stamp, what: String| out.push((at, Para::Text(format!("{who} {what}."))));
        let a = &p.attendance;
        if let Some(at) = a.arrived.filter(|&at| untold(Change::Arrived, at)) {
            told(at, (r.came)(&hm(at)));
        }
        for away in &a.absences {
            match (untold(Change::Left, away.left), untold(Change::Back, away.back)) {
                (true, true) => {
                    told(away.left, format!("{}, {}", (r.went)(&hm(away.left)), (r.came_back)(&hm(away.back))));
                }
                (true, false) => told(away.left, (r.went)(&hm(away.left))),
                (false, true) => told(away.back, (r.came_back)(&hm(away.back))),
                (false, false) => {}
            }
        }
        if let Some(at) = a.left.filter(|&at| untold(Change::Left, at)) {
            told(at, (r.went)(&hm(at)));
        }
    }
    out.sort_by_key(|(at, _)| *at);
    out
}

#[cfg(test)]
mod tests {
    use super::super::document::{self, Options, Row};
    use crate::domain::agenda::Lang;
    use crate::domain::notes::NoteKind;
    use crate::domain::session::Session;
    use crate::domain::session::tests::{at, session};
    use crate::domain::vedtak::Outcome;
    use crate::i18n;

    fn note(s: &mut Session, item: usize, clock: &str, kind: NoteKind, text: &str) {
        s.open_draft(item, at(clock)).unwrap();
        let d = s.draft_mut(item).unwrap();
        (d.note.kind, d.note.text) = (kind, text.into());
        s.commit_draft(item);
    }

    /// Each row as text: its left column, then each paragraph.
    fn rows(s: &Session) -> Vec<String> {
        let doc = document::referat(s, i18n::words(Lang::Nb), Options::default());
        doc.rows.iter().map(|Row { left, right }| format!("{} | {}", left.join(" "), paras(right))).collect()
    }

    fn paras(right: &[super::Para]) -> String {
        right
            .iter()
            .map(|p| match p {
                super::Para::Heading(t) => format!("# {t}"),
                super::Para::Text(t) => t.clone(),
                super::Para::Label(t) => format!("[{t}]"),
                super::Para::Labeled(l, t) => format!("[{l}] {t}"),
            })
            .collect::<Vec<_>>()
            .join(" / ")
    }

    #[test]
    fn a_sak_is_told_in_the_order_it_was_written_with_its_groups() {
        let mut s = session();
        s.start(at("10:00:00")).unwrap();
        note(&mut s, 0, "10:01:00", NoteKind::Heading, "Innspill og kommentarer fra SG (kap. 1.3):");
        note(&mut s, 0, "10:02:00", NoteKind::Comment, "Riktig tekst.");
        s.decide(0, Some("Beslutning kap. 1.3"), "Uforandret.", Outcome::Adopted, at("10:03:00")).unwrap();
        note(&mut s, 0, "10:04:00", NoteKind::Comment, "Bør er sterkt nok.");
        s.decide(0, None, "Godkjent.", Outcome::Adopted, at("10:05:00")).unwrap();
        note(&mut s, 0, "10:06:00", NoteKind::Question, "Når?");
        assert_eq!(
            rows(&s)[0],
            "01/25 Kl. 10:00 | # Orienteringssak: a / [Innspill og kommentarer fra SG (kap. 1.3):] / Riktig tekst. \
             / [Beslutning kap. 1.3:] Uforandret. / [Innspill og kommentarer:] / Bør er sterkt nok. \
             / [Vedtak:] Godkjent. / Vedtatt. / [Innspill og kommentarer:] / [Spørsmål:] Når?"
        );
        // Moved, an entry is told where it now is: in the group above the vedtak.
        s.move_entry(0, 5, true).unwrap();
        assert!(
            rows(&s)[0].contains("Bør er sterkt nok. / [Spørsmål:] Når? / [Vedtak:] Godkjent. / Vedtatt."),
            "{}",
            rows(&s)[0]
        );
    }

    #[test]
    fn a_sak_with_only_partial_decisions_ends_with_its_forslag_til_vedtak() {
        let mut s = session();
        if let crate::domain::agenda::Item::Sak(sak) = &mut s.agenda.items[0] {
            sak.proposal = Some("Godkjennes.".into());
        }
        s.start(at("10:00:00")).unwrap();
        note(&mut s, 0, "10:01:00", NoteKind::Comment, "Riktig tekst.");
        s.decide(0, Some("Beslutning kap. 1.3"), "Uforandret.", Outcome::Adopted, at("10:03:00")).unwrap();
        note(&mut s, 0, "10:04:00", NoteKind::Comment, "Bør er sterkt nok.");
        assert!(
            rows(&s)[0].ends_with(
                "[Beslutning kap. 1.3:] Uforandret. / [Innspill og kommentarer:] / Bør er sterkt nok. \
                 / [Forslag til vedtak:] / Godkjennes."
            ),
            "{}",
            rows(&s)[0]
        );
        s.agenda.items[0].record_mut().state = crate::domain::session::ItemState::Withdrawn;
        assert!(rows(&s)[0].ends_with("/ [Forslag til vedtak:] / Godkjennes. / Saken trekkes."), "{}", rows(&s)[0]);
    }

    #[test]
    fn a_note_written_during_a_break_is_told_under_the_break() {
        let mut s = session();
        s.start(at("10:00:00")).unwrap();
        s.go_to(2, at("10:30:00")).unwrap();
        note(&mut s, 2, "10:35:00", NoteKind::Comment, "Lenken legges i chatten.");
        assert_eq!(rows(&s)[2], "Kl. 10:30 | # Pause / Lenken legges i chatten.");
    }

    #[test]
    fn a_sak_taken_up_again_after_a_break_gets_a_continuation_row() {
        let mut s = session();
        s.start(at("10:00:00")).unwrap();
        s.go_to(1, at("10:10:00")).unwrap();
        note(&mut s, 1, "10:15:00", NoteKind::Comment, "Før pausen.");
        s.go_to(2, at("10:30:00")).unwrap();
        s.go_to(1, at("10:45:00")).unwrap();
        note(&mut s, 1, "10:50:00", NoteKind::Comment, "Etter pausen.");
        s.decide(1, None, "Godkjent.", Outcome::Adopted, at("10:55:00")).unwrap();
        s.go_to(3, at("11:00:00")).unwrap();
        let rows = rows(&s);
        assert_eq!(rows[1], "02/25 Kl. 10:10 | # Orienteringssak: b / [Innspill og kommentarer:] / Før pausen.");
        assert_eq!(rows[2], "Kl. 10:30 | # Pause");
        assert_eq!(
            rows[3],
            "02/25 Kl. 10:45 | # Orienteringssak: b (fortsetter) / [Innspill og kommentarer:] / Etter pausen. \
             / [Vedtak:] Godkjent. / Vedtatt."
        );
        assert!(rows[4].starts_with("03/25 "), "{rows:?}");
        // Taken up again with nothing written: no row of its own.
        s.go_to(1, at("11:05:00")).unwrap();
        s.go_to(3, at("11:06:00")).unwrap();
        assert_eq!(self::rows(&s).len(), rows.len());
    }

    #[test]
    fn someone_who_came_back_is_told_at_the_sak_of_each() {
        let mut s = session();
        s.add_person(crate::domain::agenda::Person { name: Some("Pål".into()), ..Default::default() });
        s.start(at("10:00:00")).unwrap();
        s.all_unmarked_present();
        s.toggle_left(0, at("10:05:00")).unwrap();
        s.toggle_left(0, at("10:08:00")).unwrap();
        s.toggle_left(0, at("10:09:00")).unwrap();
        s.go_to(1, at("10:10:00")).unwrap();
        s.set_presence(0, crate::domain::attendance::Presence::Present, at("10:15:00")).unwrap();
        s.toggle_left(0, at("10:20:00")).unwrap();
        let rows = rows(&s);
        assert_eq!(
            rows[0],
            "01/25 Kl. 10:00 | # Orienteringssak: a / Pål gikk kl. 10:05, kom tilbake kl. 10:08. / Pål gikk kl. 10:09."
        );
        assert_eq!(
            rows[1],
            "02/25 Kl. 10:10 | # Orienteringssak: b / Pål kom tilbake kl. 10:15. / Pål gikk kl. 10:20."
        );
        let en = document::referat(&s, i18n::words(Lang::En), Options::default());
        assert!(paras(&en.rows[0].right).contains("Pål left at 10:05, came back at 10:08."), "{:?}", en.rows[0]);
    }

    #[test]
    fn an_arrival_marked_live_is_told_where_it_stands_in_the_timeline_and_can_be_moved() {
        use crate::domain::attendance::Presence;
        use crate::domain::command::Command;
        let mut s = session();
        s.add_person(crate::domain::agenda::Person { name: Some("Bjørn".into()), ..Default::default() });
        s.apply(Command::Next, at("10:00:00")).unwrap();
        note(&mut s, 0, "10:20:00", NoteKind::Comment, "Først.");
        // Marked present at 10:31, and its time corrected to 10:30 (when he came in).
        s.apply(Command::SetPresence { who: 0, presence: Presence::Present }, at("10:31:00")).unwrap();
        let times = Command::SetTimes { who: 0, arrived: Some(at("10:30:00")), left: None, absences: Vec::new() };
        s.apply(times, at("10:32:00")).unwrap();
        note(&mut s, 0, "10:33:00", NoteKind::Comment, "Så.");
        assert_eq!(
            rows(&s)[0],
            "01/25 Kl. 10:00 | # Orienteringssak: a / [Innspill og kommentarer:] / Først. / Bjørn kom kl. 10:30. / Så."
        );
        // The minute-taker moves it to the top: the referat follows.
        s.move_entry(0, 1, true).unwrap();
        assert_eq!(
            rows(&s)[0],
            "01/25 Kl. 10:00 | # Orienteringssak: a / Bjørn kom kl. 10:30. / [Innspill og kommentarer:] / Først. / Så."
        );
    }

    #[test]
    fn a_pause_of_the_clock_within_a_sak_is_no_new_part() {
        let mut s = session();
        s.start(at("10:00:00")).unwrap();
        note(&mut s, 0, "10:02:00", NoteKind::Comment, "Før.");
        s.pause(at("10:03:00")).unwrap();
        s.resume(at("10:08:00")).unwrap();
        note(&mut s, 0, "10:09:00", NoteKind::Comment, "Etter.");
        let rows = rows(&s);
        assert_eq!(rows[0], "01/25 Kl. 10:00 | # Orienteringssak: a / [Innspill og kommentarer:] / Før. / Etter.");
        assert!(rows[1].starts_with("02/25 "), "{rows:?}");
    }
}
