//! Golden files of the referat of the seed meeting, and the innkalling.

use super::document::{self, Attribution, Options, Times};
use super::fixture::seed_session;
use super::{html, markdown};
use crate::domain::agenda::{Item, Lang};
use crate::domain::notes::Speaker;
use crate::domain::session::Session;
use crate::domain::timeline::Entry;
use crate::i18n;

#[test]
fn the_referat_as_markdown() {
    let doc = document::referat(&seed_session(), i18n::words(Lang::Nb), Options::default());
    insta::assert_snapshot!(markdown::render(&doc));
}

#[test]
fn the_referat_with_organisations_and_both_times() {
    let options = Options { attribution: Attribution::Org, times: Times::Both };
    let doc = document::referat(&seed_session(), i18n::words(Lang::Nb), options);
    let md = markdown::render(&doc);
    assert!(md.contains("**Helse Nord RHF:** Støttes også av Helse-Nord."), "{md}");
    assert!(md.contains("**Valgkomiteen:** Marius og Pål er med i komiteen."), "a free name as typed: {md}");
    assert!(md.contains("### 04/25 · Kl. 10:20 (10:20–10:47) · Beslutningssak: Normen 7.0"), "{md}");
    assert!(md.contains("## Tidsbruk"), "{md}");
    assert!(md.contains("| 04/25 | Normen 7.0 | 10:20 (20 min) | 10:20 (27 min) | +7 |"), "{md}");
    assert!(md.contains("**Møtetidspunkt:** Tirsdag 03.06.25 10:00 – 15:00 (10:00 – 14:58)"), "{md}");
}

#[test]
fn a_speaker_named_by_the_initials_the_roster_gives() {
    let options = Options { attribution: Attribution::Short, times: Times::Planned };
    let md = markdown::render(&document::referat(&seed_session(), i18n::words(Lang::Nb), options));
    assert!(md.contains("**GE:** Ikke veldig arbeidskrevende."), "{md}");
    assert!(
        md.contains("**Helse Nord RHF:** Støttes også av Helse-Nord."),
        "no initials: the organisation, as the note has it: {md}"
    );
}

#[test]
fn the_referat_in_english() {
    let doc = document::referat(&seed_session(), i18n::words(Lang::En), Options::default());
    let md = markdown::render(&doc);
    assert!(md.starts_with("# Minutes: Styringsgruppemøte i Normen"), "{md}");
    assert!(md.contains("## Present"), "{md}");
}

#[test]
fn the_innkalling_as_markdown() {
    let doc = document::innkalling(&seed_session().agenda, i18n::words(Lang::Nb));
    insta::assert_snapshot!(markdown::render(&doc));
}

#[test]
fn the_same_session_gives_the_same_bytes() {
    let render = || markdown::render(&document::referat(&seed_session(), i18n::words(Lang::Nb), Options::default()));
    assert_eq!(render(), render());
}

#[test]
fn the_referat_as_html() {
    let doc = document::referat(&seed_session(), i18n::words(Lang::Nb), Options::default());
    insta::assert_snapshot!(html::render(&doc, Lang::Nb));
}

#[test]
fn the_innkalling_as_html() {
    let doc = document::innkalling(&seed_session().agenda, i18n::words(Lang::Nb));
    let page = html::render(&doc, Lang::Nb);
    assert!(page.starts_with("<!DOCTYPE html>\n<html lang=\"nb\">"), "{page}");
    assert!(page.contains("<td class=\"sak\">01/25<br>Kl. 10:04<br>(3 min)</td>"), "{page}");
    assert!(page.contains("<p class=\"label\"><strong>Forslag til vedtak:</strong></p>"), "{page}");
}

#[test]
fn the_html_is_one_file_without_scripts_or_outside_resources() {
    let page = html::render(&document::referat(&seed_session(), i18n::words(Lang::En), Options::default()), Lang::En);
    assert!(page.starts_with("<!DOCTYPE html>\n<html lang=\"en\">"));
    for banned in ["<script", "<link", "<img", "<iframe", "src=", "@import", "url("] {
        assert!(!page.contains(banned), "{banned} in the page");
    }
    assert!(page.contains("@media print"));
    assert!(page.contains("size: A4"));
}

#[test]
fn the_same_session_gives_the_same_html() {
    let render =
        || html::render(&document::referat(&seed_session(), i18n::words(Lang::Nb), Options::default()), Lang::Nb);
    assert_eq!(render(), render());
}

/// Markup in every text a user can type: titles, people, notes, speakers, vedtak,
/// follow-ups. It must come out as typed in Markdown and in HTML.
const HOSTILE: &str = "# Overskrift <script>alert(1)</script> | *fet* _kursiv_ & [lenke](javascript:x) \"q\" 'a'\n\
- liste\n1. punkt\n> sitat";

fn hostile_session() -> Session {
    let mut s = seed_session();
    let h = || Some(HOSTILE.to_string());
    let a = &mut s.agenda;
    (a.title, a.body, a.place, a.link) = (HOSTILE.into(), HOSTILE.into(), h(), h());
    for p in &mut a.people {
        (p.name, p.org) = (h(), h());
    }
    for item in &mut a.items {
        match item {
            Item::Sak(sak) => {
                sak.title = HOSTILE.into();
                (sak.presenter, sak.background, sak.proposal) = (h(), h(), h());
                sak.documents = vec![HOSTILE.into()];
            }
            Item::Break(b) => b.title = HOSTILE.into(),
        }
    }
    for record in s.agenda.items.iter_mut().map(Item::record_mut) {
        for entry in &mut record.entries {
            match entry {
                Entry::Note(note) => {
                    note.text = HOSTILE.into();
                    note.speaker = Some(Speaker { name: h(), org: h() });
                }
                Entry::Decision(d) => {
                    d.text = HOSTILE.into();
                    d.label = d.label.as_ref().and(h());
                    d.until = h();
                }
                Entry::FollowUp(f) => (f.what, f.who, f.frist, f.frist_text) = (HOSTILE.into(), h(), None, h()),
                Entry::Presence(_) => {}
            }
        }
    }
    s
}

#[test]
fn hostile_texts_show_as_typed_in_markdown() {
    for options in [Options::default(), Options { attribution: Attribution::Name, times: Times::Both }] {
        let session = hostile_session();
        for doc in [
            document::referat(&session, i18n::words(Lang::Nb), options),
            document::innkalling(&session.agenda, i18n::words(Lang::Nb)),
        ] {
            let md = markdown::render(&doc);
            assert_eq!(md.matches("<script").count(), md.matches("\\<script").count(), "{md}");
            assert_eq!(md.matches("*fet*").count(), 0, "{md}");
            assert!(md.contains("\\*fet\\*"));
            for line in md.lines() {
                for start in ["# Overskrift", "- liste", "1. punkt", "> sitat"] {
                    assert!(!line.starts_with(start), "{line:?} starts a block");
                }
            }
        }
    }
}

#[test]
fn hostile_texts_show_as_typed_in_html() {
    let allowed = [
        "!DOCTYPE", "html", "head", "meta", "title", "style", "body", "main", "h1", "h2", "h3", "table", "thead",
        "tbody", "tr", "th", "td", "ul", "li", "p", "strong", "em", "br", "a",
    ];
    for options in [Options::default(), Options { attribution: Attribution::Org, times: Times::Actual }] {
        let session = hostile_session();
        for doc in [
            document::referat(&session, i18n::words(Lang::Nb), options),
            document::innkalling(&session.agenda, i18n::words(Lang::Nb)),
        ] {
            let page = html::render(&doc, Lang::Nb);
            assert!(page.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
            for tag in page.split('<').skip(1) {
                let name: String = tag
                    .trim_start_matches('/')
                    .chars()
                    .take_while(|c| *c == '!' || c.is_ascii_alphanumeric())
                    .collect();
                assert!(allowed.contains(&name.as_str()), "<{name}> in the page");
            }
            assert!(!page.contains("href=\"javascript"), "a script link");
        }
    }
}

#[test]
fn hostile_texts_are_escaped_in_docx() {
    use std::io::Read;
    let session = hostile_session();
    for doc in [
        document::referat(
            &session,
            i18n::words(Lang::Nb),
            Options { attribution: Attribution::Name, times: Times::Both },
        ),
        document::innkalling(&session.agenda, i18n::words(Lang::Nb)),
    ] {
        let bytes = super::docx::render(&doc, Lang::Nb).unwrap();
        let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
        let mut xml = String::new();
        zip.by_name("word/document.xml").unwrap().read_to_string(&mut xml).unwrap();
        assert!(!xml.contains("<script>"), "raw markup in the document");
        assert!(xml.matches("&lt;script&gt;alert(1)&lt;/script&gt;").count() > 10, "{xml}");
    }
}

#[test]
fn the_attendance_as_a_table_by_organisation_is_printed_once_each_with_their_own_status() {
    use crate::domain::agenda::{AttendanceForm, Person, Role};
    use crate::domain::attendance::Presence;
    let mut s = seed_session();
    s.agenda.referat.attendance = Some(AttendanceForm::Table);
    // A second KS representative, who sent apologies; an organisation with no one named.
    let ks = Person { name: Some("Kari KS".into()), org: Some("KS".into()), role: Role::Member, ..Person::default() };
    let who = s.add_person(ks);
    s.set_presence(who, Presence::Apologies, crate::domain::time::Stamp::parse("2025-06-03 10:03:00").unwrap())
        .unwrap();
    s.add_person(Person { name: None, org: Some("Norsk Helsenett".into()), role: Role::Observer, ..Person::default() });
    let md = markdown::render(&document::referat(&s, i18n::words(Lang::Nb), Options::default()));
    assert_eq!(md.matches("Suhail Mushtaq").count(), 1, "once: {md}");
    assert!(!md.contains("## Til stede"), "no list beside the table: {md}");
    assert!(md.contains("| Helse Nord RHF | Ida-Kristin Martinussen (leder) | Til stede |"), "{md}");
    assert!(md.contains("| KS | Suhail Mushtaq | Til stede |"), "{md}");
    assert!(md.contains("| KS | Kari KS | Forfall |"), "each their own status: {md}");
    assert!(md.contains("| Norsk Helsenett |  | Oppmøte ikke registrert |"), "{md}");
    let observers = md.find("| **Observatører** | | |").expect("the observers under their heading");
    assert!(md.find("Kari KS").unwrap() < observers, "members first");
    assert!(md.contains("| **Fra sekretariatet** | | |"), "{md}");
    // The same table in HTML, its groups across it.
    let page = html::render(&document::referat(&s, i18n::words(Lang::Nb), Options::default()), Lang::Nb);
    assert!(page.contains("<tr class=\"group\"><th scope=\"rowgroup\" colspan=\"3\">Observatører</th></tr>"), "{page}");
    // Asked for a list, a list it is, even with an organisation on the roster.
    s.agenda.referat.attendance = Some(AttendanceForm::List);
    let md = markdown::render(&document::referat(&s, i18n::words(Lang::Nb), Options::default()));
    assert!(md.contains("## Til stede") && !md.contains("| Virksomhet |"), "{md}");
    assert_eq!(md.matches("Suhail Mushtaq").count(), 1, "once: {md}");
}

#[test]
fn the_body_s_own_words_for_its_vedtak() {
    let mut s = seed_session();
    s.agenda.referat.vedtak = Some("Styringsgruppens vedtak".into());
    s.agenda.referat.adopted = Some("Vedtas.".into());
    let md = markdown::render(&document::referat(&s, i18n::words(Lang::Nb), Options::default()));
    assert!(md.contains("**Styringsgruppens vedtak:** Styringsgruppen utpeker Jon Berge Holden"), "{md}");
    assert!(
        md.contains("Styringsgruppen godkjenner innkalling og dagsorden\n\nVedtas.\n"),
        "adopted as proposed, once: {md}"
    );
    assert!(!md.contains("Vedtatt."), "{md}");
    assert!(
        md.contains("Utsatt til septembermøte.") && md.contains("Saken trekkes."),
        "the other outcomes keep their words: {md}"
    );
    s.agenda.referat.repeat_adopted = true;
    let md = markdown::render(&document::referat(&s, i18n::words(Lang::Nb), Options::default()));
    assert!(
        md.contains("Styringsgruppen godkjenner innkalling og dagsorden\n\n**Styringsgruppens vedtak:** Styringsgruppen godkjenner innkalling og dagsorden\n\nVedtas.\n"),
        "printed twice when the body does: {md}"
    );
}

#[test]
fn the_referat_is_dated_the_day_the_meeting_ran_and_both_days_over_midnight() {
    use crate::domain::agenda::Item;
    use crate::domain::time::Stamp;
    let agenda = seed_session().agenda;
    let mut s = Session::new(agenda);
    let at = |t: &str| Stamp::parse(t).unwrap();
    s.start(at("2025-06-04 22:00:00")).unwrap();
    s.pause(at("2025-06-04 22:10:00")).unwrap();
    s.resume(at("2025-06-04 22:15:00")).unwrap();
    s.close(at("2025-06-05 00:30:00")).unwrap();
    let header = |times| {
        let doc = document::referat(&s, i18n::words(Lang::Nb), Options { attribution: Attribution::None, times });
        doc.header.iter().find(|(label, _)| label == "Møtetidspunkt").unwrap().1.clone()
    };
    assert_eq!(header(Times::Planned), "Onsdag 04.06.25 – torsdag 05.06.25 10:00 – 15:00");
    assert_eq!(header(Times::Actual), "Onsdag 04.06.25 22:00 – torsdag 05.06.25 00:30");
    assert_eq!(header(Times::Both), "Onsdag 04.06.25 10:00 – 15:00 (22:00 – torsdag 05.06.25 00:30)");
    // Every stretch of the clock on a sak, with its end, when the actual times are asked for.
    let md = markdown::render(&document::referat(
        &s,
        i18n::words(Lang::Nb),
        Options { attribution: Attribution::None, times: Times::Actual },
    ));
    assert!(md.contains("### Kl. 22:00–22:10, 22:15–00:30 · Velkommen"), "{md}");
    assert!(matches!(s.agenda.items[0], Item::Sak(_)));
}

/// A note with light structure: a list with a nested item, emphasis, a web address and an
/// e-mail address.
fn structured_session() -> Session {
    let mut s = seed_session();
    let text = "Tre innspill:\n- Datadeling i sanntid\n  - neste versjon\n- Se *presentasjonen* på https://ehelse.no/normen.\nSkriv til post@ehelse.no.";
    s.open_draft(4, crate::domain::time::Stamp::parse("2025-06-03 10:40:00").unwrap()).unwrap();
    s.draft_mut(4).unwrap().note.text = text.into();
    s.commit_draft(4);
    s
}

#[test]
fn light_structure_in_a_note_is_a_list_emphasis_and_links_in_html() {
    let page =
        html::render(&document::referat(&structured_session(), i18n::words(Lang::Nb), Options::default()), Lang::Nb);
    assert!(
        page.contains(
            "<p>Tre innspill:</p>\n<ul>\n<li>Datadeling i sanntid\n<ul>\n<li>neste versjon</li>\n</ul>\n</li>\n\
             <li>Se <em>presentasjonen</em> på <a href=\"https://ehelse.no/normen\">https://ehelse.no/normen</a>.</li>\n</ul>\n\
             <p>Skriv til <a href=\"mailto:post@ehelse.no\">post@ehelse.no</a>.</p>"
        ),
        "{page}"
    );
    // The agenda's background, written with bullets, is a list too.
    assert!(page.contains("<li>Kamp. 1.3 Hvem gjelder Normen for?"), "{page}");
}

#[test]
fn light_structure_in_a_note_reads_as_typed_in_markdown() {
    let md = markdown::render(&document::referat(&structured_session(), i18n::words(Lang::Nb), Options::default()));
    assert!(md.contains("Tre innspill:\\\n\\- Datadeling i sanntid\\\n  \\- neste versjon\\\n\\- Se \\*presentasjonen\\* på https://ehelse.no/normen.\\\nSkriv til post@ehelse.no."), "{md}");
}

#[test]
fn control_characters_from_a_paste_never_break_a_referat() {
    let mut s = seed_session();
    s.agenda.title = "Møte\rmed CR".into();
    if let Item::Sak(sak) = &mut s.agenda.items[4] {
        sak.title = "Normen\r\n7.0".into();
    }
    s.open_draft(4, crate::domain::time::Stamp::parse("2025-06-03 10:40:00").unwrap()).unwrap();
    s.draft_mut(4).unwrap().note.text = "PowerPoint\u{b}linje\u{c}side\u{1}\u{1b}[2J\u{7}slutt".into();
    s.commit_draft(4);
    let doc = document::referat(&s, i18n::words(Lang::Nb), Options::default());
    let md = markdown::render(&doc);
    assert!(!md.contains('\r') && !md.chars().any(|c| c.is_control() && c != '\n'), "{md:?}");
    assert!(md.contains("### 04/25 · Kl. 10:20 · Beslutningssak: Normen 7.0\n"), "a heading on one line: {md}");
    assert!(md.contains("PowerPoint\\\nlinje\\\nside\\[2Jslutt"), "{md}");
    let page = html::render(&doc, Lang::Nb);
    assert!(!page.chars().any(|c| c.is_control() && c != '\n'), "html");
    let docx = super::docx::render(&doc, Lang::Nb).unwrap();
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(docx)).unwrap();
    let mut xml = String::new();
    std::io::Read::read_to_string(&mut zip.by_name("word/document.xml").unwrap(), &mut xml).unwrap();
    // XML 1.0 allows no control character but tab, LF and CR.
    assert!(!xml.chars().any(|c| c.is_control() && !matches!(c, '\t' | '\n' | '\r')), "the DOCX stays XML");
    assert!(xml.contains(">PowerPoint<"), "the paste's line breaks are line breaks");
}

/// Live changes (a sak added, timeboxes changed) move projections, never the plan the
/// referat prints: Eventuelt keeps its planned Kl., the end stays after it, and the
/// sak added in the meeting has the time it was taken up.
#[test]
fn the_plan_in_the_referat_is_the_plan_as_the_meeting_started() {
    use crate::domain::agenda::SakKind;
    use crate::domain::command::Command;
    use crate::domain::time::Stamp;
    let agenda = crate::store::agenda_file::parse(include_str!("../../agendas/normen-2025-06-03.ron")).unwrap().agenda;
    let mut s = Session::new(agenda);
    let at = |clock: &str| Stamp::parse(&format!("2025-06-03 {clock}")).unwrap();
    s.apply(Command::Next, at("10:00:00")).unwrap();
    let open_mic = s.agenda.items.len() - 2;
    let add = Command::AddSak { after: Some(open_mic), title: "Ny sak i møtet".into(), kind: SakKind::Information };
    let added = s.apply(add, at("10:01:00")).unwrap().made.unwrap();
    s.apply(Command::SetMinutes { item: added, minutes: Some(30) }, at("10:01:00")).unwrap();
    s.apply(Command::SetMinutes { item: 5, minutes: Some(60) }, at("10:02:00")).unwrap();
    assert!(
        s.schedule().slots[added + 1].start > crate::domain::time::Hm::parse("15:00").unwrap(),
        "the plan as it stands"
    );
    s.apply(Command::GoTo(added), at("14:41:00")).unwrap();
    s.apply(Command::Next, at("14:55:00")).unwrap();
    let md = markdown::render(&document::referat(&s, i18n::words(Lang::Nb), Options::default()));
    let eventuelt = md.find("### Kl. 14:50 · Eventuelt").unwrap_or_else(|| panic!("{md}"));
    let end = md.find("### 15:00 · Slutt").unwrap_or_else(|| panic!("{md}"));
    assert!(eventuelt < end, "{md}");
    assert!(md.contains("### 16/25 · Kl. 14:41–14:55 · Orienteringssak: Ny sak i møtet"), "{md}");
    assert!(md.contains("### 04/25 · Kl. 10:20 · Beslutningssak: Normen 7.0"), "{md}");
    let both = Options { times: Times::Both, ..Options::default() };
    let md = markdown::render(&document::referat(&s, i18n::words(Lang::Nb), both));
    assert!(md.contains("| 16/25 | Ny sak i møtet |  | 14:41 (14 min) |  |"), "no planned time for it: {md}");
    assert!(md.contains("| 04/25 | Normen 7.0 | 10:20 (20 min) |"), "the timebox as planned: {md}");
}
