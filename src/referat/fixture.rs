//! A session that re-enacts the seed meeting of 3 June 2025 (shared/seeds): its
//! attendance, a selection of its innspill, its partial decisions and vedtak, utsatt and
//! trukket saker, and follow-ups. Kept as tests/fixtures/normen-2025-06-03.session.ron
//! for the CLI tests; `REFERENT_BLESS=1 cargo test` writes that file anew.

use crate::domain::attendance::Presence;
use crate::domain::followup::FollowUp;
use crate::domain::notes::{NoteKind, Speaker};
use crate::domain::session::Session;
use crate::domain::time::{Day, Stamp};
use crate::domain::vedtak::Outcome;
use crate::store::agenda_file;

fn at(clock: &str) -> Stamp {
    Stamp::parse(&format!("2025-06-03 {clock}")).unwrap()
}

#[allow(clippy::unnecessary_wraps)] // where it is used, a speaker is optional
fn org(name: &str) -> Option<Speaker> {
    Some(Speaker { name: None, org: Some(name.into()) })
}

fn note(s: &mut Session, item: usize, clock: &str, kind: NoteKind, speaker: Option<Speaker>, text: &str) {
    s.open_draft(item, at(clock)).unwrap();
    let d = s.draft_mut(item).unwrap();
    d.note.kind = kind;
    d.note.speaker = speaker;
    d.note.text = text.into();
    s.commit_draft(item);
}

pub fn seed_session() -> Session {
    let agenda = agenda_file::parse(include_str!("../../agendas/normen-2025-06-03.ron")).unwrap().agenda;
    let mut s = Session::new(agenda);
    s.start(at("10:00:00")).unwrap();
    for who in 0..19 {
        s.set_presence(who, Presence::Present, at("10:02:00")).unwrap();
    }
    for who in 19..24 {
        s.set_presence(who, Presence::Absent, at("10:02:00")).unwrap();
    }
    for who in 24..30 {
        s.set_presence(who, Presence::Present, at("10:02:00")).unwrap();
    }
    s.set_presence(2, Presence::Absent, at("10:03:00")).unwrap();
    s.next(at("10:04:00")).unwrap(); // 01/25
    s.adopt_proposal(1, at("10:05:00")).unwrap();
    s.next(at("10:06:00")).unwrap(); // 02/25
    s.adopt_proposal(2, at("10:07:00")).unwrap();
    note(
        &mut s,
        2,
        "10:08:00",
        NoteKind::Comment,
        None,
        "Før vi går til orienteringssaken takker vi av Petter Hurlen, som har sitt siste styringsgruppemøte i dag.",
    );
    s.next(at("10:10:00")).unwrap(); // 03/25
    note(
        &mut s,
        3,
        "10:12:00",
        NoteKind::Comment,
        None,
        "Valgkomiteen orienterer: Marius og Pål er med i komiteen.\nBer om kandidater.",
    );
    note(&mut s, 3, "10:18:00", NoteKind::Comment, None, "Ingen kommentarer fra SG.");
    s.next(at("10:20:00")).unwrap(); // 04/25
    note(&mut s, 4, "10:21:00", NoteKind::Heading, None, "Innspill og kommentarer fra SG (kap. 1.3):");
    note(
        &mut s,
        4,
        "10:22:00",
        NoteKind::Comment,
        org("Helse Nord RHF"),
        "Riktig tekst, men bør ikke blande inn annet enn det som gjelder informasjonssikkerhet.",
    );
    note(&mut s, 4, "10:24:00", NoteKind::Comment, org("Legeforeningen"), "Tydeliggjør det selvfølgelige.");
    s.decide(
        4,
        Some("Beslutning kap. 1.3"),
        "Vi lar den stå uforandret. Tar den med videre inn i revisjon av Normen.",
        Outcome::Adopted,
        at("10:26:00"),
    )
    .unwrap();
    note(&mut s, 4, "10:27:00", NoteKind::Heading, None, "Innspill og kommentarer fra SG (kap 1.5):");
    note(&mut s, 4, "10:28:00", NoteKind::Comment, org("KS"), "Bør er sterkt nok.");
    s.decide(4, Some("Beslutning kap. 1.5"), "Beholdes uforandret.", Outcome::Adopted, at("10:30:00")).unwrap();
    note(&mut s, 4, "10:31:00", NoteKind::Heading, None, "Innspill og kommentarer fra SG:");
    note(&mut s, 4, "10:33:00", NoteKind::Comment, None, "Meldingsutveksling i sanntid er vanlig.");
    s.set_presence(2, Presence::Present, at("10:35:00")).unwrap(); // Camilla arrives
    let amended = "Styringsgruppen godkjenner versjon 7.0 av Normen. Publiseres når forskriften til Lov om digital sikkerhet trer i kraft, forutsatt at det ikke er endringer som krever ytterligere tilpasninger.\n\nEventuelle endringer godkjennes pr. epost, med 14 dagers frist (unntatt juli).";
    s.decide(4, None, amended, Outcome::Adopted, at("10:41:00")).unwrap();
    let frist = Day::parse("2025-08-18").ok();
    let f = FollowUp {
        at: at("10:42:00"),
        what: "Sende kommentarer om manglende referanser".into(),
        who: Some("Legeforeningen".into()),
        frist,
        frist_text: None,
    };
    s.add_followup(4, f).unwrap();
    s.next(at("10:44:00")).unwrap(); // 05/25
    note(&mut s, 5, "10:45:00", NoteKind::Question, None, "Er dette tenkt til neste SG-møte?");
    note(
        &mut s,
        5,
        "10:46:00",
        NoteKind::Answer,
        None,
        "Nei, det vil være snakk om at vi starter arbeidet nå. Kan ha noe klart i løpet av høsten.",
    );
    let f = FollowUp {
        at: at("10:58:00"),
        what: "Innspill til områder som bør forenkles".into(),
        who: Some("Alle".into()),
        frist,
        frist_text: None,
    };
    s.add_followup(5, f).unwrap();
    s.next(at("11:02:00")).unwrap(); // Pause
    s.next(at("11:17:00")).unwrap(); // 06/25
    s.decide(7, None, "Sekretariatet utarbeider faktaark digital beredskap med bistand fra sektoren. Både store og små helsevirksomheter bistår i arbeidet.", Outcome::Adopted, at("11:30:00")).unwrap();
    s.next(at("11:32:00")).unwrap(); // 07/25
    note(
        &mut s,
        8,
        "11:50:00",
        NoteKind::Comment,
        None,
        "Trefaktormodellen – NIS sier at du skal si noe om sannsynlighet.",
    );
    s.decide(8, None, "", Outcome::Noted, at("12:10:00")).unwrap();
    s.next(at("12:15:00")).unwrap(); // Lunsj
    s.next(at("13:00:00")).unwrap(); // 08/25
    s.adopt_proposal(10, at("13:08:00")).unwrap();
    s.next(at("13:10:00")).unwrap(); // 09/25
    s.next(at("13:20:00")).unwrap(); // 10/25
    s.decide(12, None, "", Outcome::Postponed, at("13:21:00")).unwrap();
    s.set_outcome(12, 0, Outcome::Postponed, Some("septembermøtet")).unwrap();
    s.next(at("13:50:00")).unwrap(); // 11/25
    s.adopt_proposal(13, at("14:08:00")).unwrap();
    s.next(at("14:10:00")).unwrap(); // 12/25
    note(
        &mut s,
        14,
        "14:12:00",
        NoteKind::Comment,
        org("Legeforeningen"),
        "For Legeforeningen vil en slik frist ikke være mulig.",
    );
    s.decide(14, None, "", Outcome::Withdrawn, at("14:19:00")).unwrap();
    let f = FollowUp {
        at: at("14:19:00"),
        what: "Nytt forslag: flere og kortere møter".into(),
        who: Some("Sekretariatet".into()),
        frist: None,
        frist_text: Some("septembermøtet".into()),
    };
    s.add_followup(14, f).unwrap();
    s.next(at("14:20:00")).unwrap(); // 13/25
    let ge = Some(Speaker { name: Some("Geir-Erlend".into()), org: None });
    note(&mut s, 15, "14:24:00", NoteKind::Comment, ge, "Ikke veldig arbeidskrevende. Ett møte i måneden kanskje.");
    s.decide(
        15,
        None,
        "Styringsgruppen utpeker Jon Berge Holden som leder av utvalget.",
        Outcome::Adopted,
        at("14:29:00"),
    )
    .unwrap();
    let vedtak = s.record_of(15).unwrap().last_decision().unwrap();
    s.set_votes(15, vedtak, crate::domain::vedtak::Votes::parse("17 0 1")).unwrap();
    s.next(at("14:30:00")).unwrap(); // 14/25
    s.next(at("14:40:00")).unwrap(); // 15/25
    s.toggle_left(5, at("14:45:00")).unwrap(); // the chair leaves early
    s.next(at("14:55:00")).unwrap(); // Eventuelt
    note(&mut s, 18, "14:56:00", NoteKind::Comment, None, "Ingen saker.");
    s.close(at("15:02:00")).unwrap();
    s
}

#[test]
fn the_fixture_file_is_the_seed_session() {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/normen-2025-06-03.session.ron");
    let text = crate::store::session_file::to_text(&seed_session());
    if std::env::var_os("REFERENT_BLESS").is_some() {
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, &text).unwrap();
    }
    assert_eq!(std::fs::read_to_string(&path).unwrap_or_default(), text, "REFERENT_BLESS=1 cargo test writes it anew");
}
