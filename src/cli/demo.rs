//! `referent demo`: a large, realistic session in bokmål for benchmarks and tests: the
//! example meeting's people, many saker with background and forslag til vedtak, notes
//! with speakers, questions and answers, vedtak and follow-ups, the last sak still open.
//! The same numbers always give the same session.

use crate::domain::agenda::{Item, Sak, SakKind};
use crate::domain::attendance::Presence;
use crate::domain::followup::FollowUp;
use crate::domain::notes::{NoteKind, Speaker};
use crate::domain::session::Session;
use crate::domain::time::{Hm, Stamp};
use crate::store::agenda_file;

const OPENERS: &[&str] = &[
    "Sekretariatet orienterte om",
    "Det ble spurt om status for",
    "Flere medlemmer pekte på",
    "Det ble vist til erfaringene med",
    "Styringsgruppen drøftet",
    "Det ble påpekt at det er uklart hva som ligger i",
    "Det er ønskelig med en felles forståelse av",
    "Representanten viste til høringsinnspillene om",
];
const TOPICS: &[&str] = &[
    "tilgangsstyring i journalsystemet",
    "logganalyse og oppfølging av avvik",
    "risikovurderinger ved bruk av skytjenester",
    "taushetsplikt ved bruk av KI-verktøy",
    "kravene til sikkerhetstiltak for medarbeidere",
    "opplæring av nyansatte og innleid personell",
    "databehandleravtaler med leverandører",
    "faktaarket om digital beredskap",
    "forenkling av teksten i kapittel 5",
    "personvernkonsekvensvurderinger (DPIA)",
    "samarbeidet med Datatilsynet",
    "rammeverket for trygg digitalisering i kommunene",
];
const TAILS: &[&str] = &[
    "Sekretariatet ble bedt om å følge opp til neste møte.",
    "Dette må tydeliggjøres i neste versjon av Normen.",
    "Styringsgruppen støttet forslaget.",
    "Saken tas opp igjen i septembermøtet.",
    "Det er behov for en veileder som er enklere å bruke for de små virksomhetene.",
    "Flere virksomheter har allerede gode erfaringer med dette.",
    "Det er viktig at endringene ikke gir økt rapporteringsbyrde.",
    "Sekretariatet tar med seg innspillene i det videre arbeidet.",
];
const KINDS: &[SakKind] = &[SakKind::Information, SakKind::Decision, SakKind::Discussion];

/// A small deterministic generator (xorshift): the same seed, the same session.
struct Dice(u64);

impl Dice {
    fn below(&mut self, n: usize) -> usize {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        usize::try_from(self.0 % u64::try_from(n.max(1)).unwrap_or(u64::MAX)).unwrap_or(0)
    }

    fn pick<'a, T>(&mut self, from: &'a [T]) -> &'a T {
        &from[self.below(from.len())]
    }
}

/// A session of the example meeting with `saker` saker and about `notes` notes, all but
/// the last sak done; the last is current with a note being typed. `None` only if the
/// example agenda built into the program did not read, which its tests rule out.
pub fn session(saker: usize, notes: usize) -> Option<Session> {
    let mut agenda = agenda_file::parse(include_str!("../../agendas/normen-2025-06-03.ron")).ok()?.agenda;
    let mut dice = Dice(0x5eed_2025_0603);
    let saker = saker.max(1);
    let minutes = u32::try_from(((16 * 60) / saker).clamp(1, 30)).unwrap_or(30);
    agenda.start = Hm::new(7, 0);
    agenda.end = None;
    agenda.items = (0..saker)
        .map(|i| {
            let kind = *dice.pick(KINDS);
            let topic = dice.pick(TOPICS);
            let mut title = format!("{}{}", topic[..1].to_uppercase(), &topic[1..]);
            if i % 7 == 3 {
                title += " – oppfølging";
            }
            let proposal = (kind == SakKind::Decision)
                .then(|| format!("Styringsgruppen slutter seg til sekretariatets forslag om {topic}."));
            Item::Sak(Sak {
                kind,
                title,
                minutes: Some(minutes),
                presenter: Some("Sekretariatet".into()),
                background: Some(format!("{} {topic}. {}", dice.pick(OPENERS), dice.pick(TAILS))),
                documents: if i % 3 == 0 { vec!["Se vedlagt notat".into()] } else { Vec::new() },
                proposal,
                numbered: true,
                ..Sak::default()
            })
        })
        .collect();
    let speakers: Vec<Speaker> = agenda
        .people
        .iter()
        .filter(|p| p.role.is_member())
        .map(|p| Speaker { name: p.name.clone(), org: p.org.clone() })
        .collect();
    let people = agenda.people.len();
    let mut s = Session::new(agenda);
    let mut now = Stamp::new(s.agenda.date.date().and_hms_opt(7, 0, 0)?);
    let _ = s.start(now);
    for who in 0..people {
        let presence = if who % 9 == 8 { Presence::Absent } else { Presence::Present };
        let _ = s.set_presence(who, presence, now.plus_seconds(60));
    }
    let per_sak = notes / saker;
    let mut extra = notes % saker;
    for i in 0..saker {
        let count = per_sak + usize::from(extra > 0);
        extra = extra.saturating_sub(1);
        let step = (i64::from(minutes) * 60 / (i64::try_from(count).unwrap_or(i64::MAX - 2) + 2)).max(1);
        for n in 0..count {
            now = now.plus_seconds(step);
            let kind = match n % 11 {
                4 => NoteKind::Question,
                5 => NoteKind::Answer,
                _ => NoteKind::Comment,
            };
            let speaker = (n % 3 == 1).then(|| dice.pick(&speakers).clone());
            // Mostly short, as typed in the moment; now and then a longer one.
            let text = match n % 4 {
                0 | 2 => format!("{} {}.", dice.pick(OPENERS), dice.pick(TOPICS)),
                1 => dice.pick(TAILS).to_string(),
                _ => format!("{} {}. {}", dice.pick(OPENERS), dice.pick(TOPICS), dice.pick(TAILS)),
            };
            if s.open_draft(i, now).is_ok()
                && let Some(d) = s.draft_mut(i)
            {
                d.note.kind = kind;
                d.note.speaker = speaker;
                d.note.text = text;
                s.commit_draft(i);
            }
        }
        if i + 1 == saker {
            // The last sak is under way: a note is being typed.
            if s.open_draft(i, now).is_ok()
                && let Some(d) = s.draft_mut(i)
            {
                d.note.text = "Styringsgruppen ber om at".into();
            }
            break;
        }
        if s.proposal(i).is_some() {
            let _ = s.adopt_proposal(i, now);
        }
        if i % 5 == 2 {
            let who = dice.pick(&speakers).org.clone().or(Some("Sekretariatet".into()));
            let what = format!("Følge opp {}", dice.pick(TOPICS));
            let _ =
                s.add_followup(i, FollowUp { at: now, what, who, frist: None, frist_text: Some("neste møte".into()) });
        }
        now = now.plus_seconds(30);
        let _ = s.next(now);
    }
    Some(s)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::session_file;

    #[test]
    fn a_large_session_is_realistic_and_the_same_every_time() {
        let s = session(300, 20_000).unwrap();
        assert_eq!(s.agenda.items.len(), 300);
        let notes: usize = s.agenda.items.iter().map(Item::record).map(|r| r.notes().count()).sum();
        assert_eq!(notes, 20_000);
        assert_eq!(s.record.current, Some(299));
        assert!(s.agenda.items[299].record().draft.is_some());
        assert!(s.agenda.items.iter().map(Item::record).any(|r| r.last_decision().is_some()));
        assert!(s.agenda.items.iter().map(Item::record).any(|r| r.followups().next().is_some()));
        let text = session_file::to_text(&s);
        assert!((2_500_000..4_500_000).contains(&text.len()), "{} bytes", text.len());
        assert_eq!(text, session_file::to_text(&session(300, 20_000).unwrap()));
        assert_eq!(session_file::parse(&text).unwrap(), s, "it round-trips");
    }

    #[test]
    fn a_small_one_too() {
        let s = session(1, 0).unwrap();
        assert_eq!(s.agenda.items.len(), 1);
        assert_eq!(s.record.current, Some(0));
    }
}
