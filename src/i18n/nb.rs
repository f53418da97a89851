//! Bokmål.

use super::{ChairWords, HomeWords, NextWords, ReferatWords, Words, closest};
use crate::app::keymap::Action;
use crate::domain::check::{DAY_MINUTES, MOST_SAKER, Problem};
use crate::domain::frist::FristProblem;
use crate::domain::invariants::{Broken, Named, Spot};
use crate::domain::next::{DraftWords, Origin};
use crate::domain::previous::Status;
use crate::domain::session::{ItemState, Refusal};
use crate::domain::time::TimeProblem;
use crate::domain::vedtak::VoteProblem;
use crate::store::agenda_file::{Expected, Found, IoProblem, ReadProblem};
use crate::store::session_rules::RecordList;
use crate::theme::ThemeProblem;

pub static WORDS: Words = Words {
    referat: &REFERAT,
    next: &NEXT,
    weekdays: ["Mandag", "Tirsdag", "Onsdag", "Torsdag", "Fredag", "Lørdag", "Søndag"],
    kinds: ["Godkjenning", "Orienteringssak", "Drøftingssak", "Beslutningssak", "Valg", "Eventuelt"],
    kinds_short: ["Godkj.", "Orient.", "Drøfting", "Beslutn.", "Valg", "Eventuelt"],
    a_break: "Pause",
    col_sak: "Sak",
    col_kl: "Kl.",
    col_time: "Tid",
    col_kind: "Type",
    col_title: "Sakstittel",
    end_of_meeting: "Slutt",
    minutes_short: "min",
    error: "feil",
    warning: "advarsel",
    roster: |people, members, apologies| {
        format!(
            "Deltakerliste: {people} ({members} {}), {apologies} med meldt forfall",
            plural(members, "medlem", "medlemmer")
        )
    },
    check_ok: |saker, breaks, warnings| {
        let mut s =
            format!("OK: {saker} {} og {breaks} {}.", plural(saker, "sak", "saker"), plural(breaks, "pause", "pauser"));
        if warnings > 0 {
            s += &format!(" {warnings} {}.", plural(warnings, "advarsel", "advarsler"));
        }
        s
    },
    check_failed: |errors, warnings| {
        format!(
            "{errors} feil og {warnings} {}: rett feilene og kjør «referent check» igjen.",
            plural(warnings, "advarsel", "advarsler")
        )
    },
    problem,
    read_problem,
    action: |a| match a {
        Action::Next => "Avslutt saken og start neste (starter møtet første gang)",
        Action::GoToSelected => "Gå til den valgte saken (ta den opp igjen)",
        Action::Pause => "Stopp klokka for et avbrudd / start den igjen",
        Action::Break => "Pause nå / avslutt pausen (tilbake til saken den avbrøt)",
        Action::CloseMeeting => "Avslutt møtet",
        Action::SelectUp => "Velg saken over",
        Action::SelectDown => "Velg saken under",
        Action::SelectFirst => "Velg første sak",
        Action::SelectLast => "Velg siste sak",
        Action::SelectCurrent => "Velg saken som pågår",
        Action::AddSak => "Legg til en sak etter den valgte",
        Action::EditTitle => "Endre tittelen på den valgte saken",
        Action::EditTimebox => "Endre tidsrammen på den valgte saken",
        Action::MoveUp => "Flytt den valgte saken opp",
        Action::MoveDown => "Flytt den valgte saken ned",
        Action::Postpone => "Merk den valgte saken utsatt / ikke utsatt",
        Action::Withdraw => "Merk den valgte saken trukket / ikke trukket",
        Action::ComesBack => "Merk den valgte saken: kommer igjen senere / ikke",
        Action::Help => "Vis denne hjelpen",
        Action::Quit => "Avslutt programmet (alt er lagret)",
        Action::SaveElsewhere => "Lagre sesjonen et annet sted (når lagringen feiler)",
        Action::ForceQuit => "Avslutt programmet straks (alt er lagret)",
        Action::OpenNote => "Skriv et innspill på den valgte saken",
        Action::FocusNotes => "Gå til innspillene på saken (velg, endre, slett, flytt)",
        Action::Undo => "Angre siste endring",
        Action::Redo => "Gjør om igjen",
        Action::AdoptProposal => "Vedta forslaget til vedtak uendret",
        Action::AmendProposal => "Endre forslaget til vedtak og vedta det",
        Action::PartialDecision => "Skriv et delvedtak («Beslutning kap. 1.3: ...»)",
        Action::SetOutcome => "Sett utfall: vedtatt, ikke vedtatt, utsatt, trukket, ...",
        Action::SetVotes => "Før stemmer: for, mot, avholdende",
        Action::AddFollowUp => "Legg til oppfølging: hva, hvem, frist",
        Action::ShowFollowUps => "Vis alle oppfølgingspunkter i møtet",
        Action::ShowAttendance => "Oppmøte: til stede, forfall, fraværende",
        Action::ShowSak => "Les saken: bakgrunn, dokumenter og forslag til vedtak",
        Action::CatchUp => "Ta igjen: kort ned resten som foreslått (igjen: pausene)",
        Action::EditNote => "Endre innspillet",
        Action::DeleteNote => "Slett innspillet (z angrer)",
        Action::SaveAndNext => "Lagre innspillet og start et nytt",
        Action::Newline => "Ny linje i innspillet",
        Action::CycleKind => "Bytt mellom kommentar, spørsmål og svar",
        Action::PickSpeaker => "Velg hvem som sier det («hn» finner Helse Nord)",
        Action::PickPhrase => "Sett inn en standardfrase",
        Action::CloseEditor => "Lagre og lukk",
        Action::NextField => "Neste felt",
        Action::PreviousField => "Forrige felt",
        Action::MarkPresent => "Til stede (kom nå, hvis møtet går; etter gikk: kom tilbake)",
        Action::MarkApologies => "Forfall",
        Action::MarkAbsent => "Fraværende",
        Action::ToggleLeft => "Gikk nå / kom tilbake nå (z angrer)",
        Action::EditTimes => "Rett klokkeslett for kom, borte og gikk",
        Action::AddPerson => "Legg til en som ikke står på lista",
        Action::AllPresent => "Alle som ikke er merket, er til stede",
        Action::Search => "Søk på navn eller virksomhet («hn»): Enter gir til stede",
        Action::EditFollowUp => "Endre oppfølgingspunktet",
        Action::DeleteFollowUp => "Slett oppfølgingspunktet (z angrer)",
        Action::MarkDone => "Fra forrige møte: utført",
        Action::MarkCarried => "Fra forrige møte: fortsatt åpent (videre)",
        Action::MarkDropped => "Fra forrige møte: utgår",
        Action::Unmark => "Fra forrige møte: ikke merket",
        Action::Submit => "Lagre",
        Action::Cancel => "Lukk / avbryt",
        Action::NextKind => "Bytt sakstype eller rolle",
        Action::ClearInput => "Tøm linjen",
        Action::Yes => "Ja",
        Action::No => "Nei",
    },
    action_short: |a| match a {
        Action::Next => "neste",
        Action::GoToSelected => "gå til",
        Action::Pause => "stopp klokka",
        Action::Break => "pause",
        Action::AddSak => "ny sak",
        Action::Help => "hjelp",
        Action::Quit => "avslutt",
        Action::SaveElsewhere => "lagre annet sted",
        Action::OpenNote => "innspill",
        Action::AdoptProposal => "vedta",
        Action::ShowAttendance => "oppmøte",
        Action::ShowSak => "saken",
        Action::CatchUp => "ta igjen",
        Action::EditNote => "endre",
        Action::DeleteNote => "slett",
        Action::SaveAndNext => "lagre+ny",
        Action::Newline => "linje",
        Action::CycleKind => "type",
        Action::PickSpeaker => "hvem",
        Action::PickPhrase => "frase",
        Action::CloseEditor => "lukk",
        Action::NextField => "felt",
        Action::MarkPresent => "til stede",
        Action::MarkApologies => "forfall",
        Action::MarkAbsent => "fraværende",
        Action::ToggleLeft => "gikk",
        Action::AddPerson => "ny",
        Action::Search => "søk",
        Action::EditFollowUp => "endre",
        Action::DeleteFollowUp => "slett",
        Action::MarkDone => "utført",
        Action::MarkCarried => "videre",
        Action::MarkDropped => "utgår",
        Action::Undo => "angre",
        Action::SelectUp => "velg",
        Action::Submit => "lagre",
        Action::Cancel => "avbryt",
        Action::NextKind => "type/rolle",
        Action::ClearInput => "tøm",
        Action::Yes => "ja",
        Action::No => "nei",
        _ => "",
    },
    refusal: |r| match r {
        Refusal::NotStarted => "Møtet har ikke startet: trykk n for å starte.",
        Refusal::AlreadyStarted => "Møtet er allerede i gang.",
        Refusal::Ended => "Møtet er avsluttet.",
        Refusal::NoSuchItem => "Det finnes ingen slik sak.",
        Refusal::NothingLeft => "Ingen saker igjen: trykk x for å avslutte møtet.",
        Refusal::Paused => "Klokka står allerede.",
        Refusal::NotPaused => "Klokka går allerede.",
        Refusal::NotASak => "Bare saker kan utsettes, trekkes eller få vedtak, ikke pauser.",
        Refusal::NoProposal => "Saken har ikke noe forslag til vedtak: skriv vedtaket med V.",
        Refusal::NotPresent => "Bare den som er til stede kan gå eller få klokkeslett.",
        Refusal::TimesOutOfOrder => "Klokkeslettene må komme i rekkefølge: kom, gikk, kom tilbake, gikk.",
        Refusal::UnfinishedDraft => "Et innspill er under arbeid på saken: gjør det ferdig først.",
    },
    contexts: [
        "Møtet",
        "Innspill på saken",
        "Innspill (skriving)",
        "Velg fra liste",
        "Oppfølging (skjema)",
        "Oppfølgingspunkter",
        "Oppmøte",
        "Saken",
        "Oppmøte (søk)",
        "Inndata",
        "Spørsmål",
        "Mens du skriver (bokstaver er tekst; n, g, b, x, p, v, u, w spør)",
        "Hjelp",
        "Følge møtet (referent follow)",
    ],
    help_title: "Hjelp: taster",
    saksliste: "Saksliste",
    now_title: "Nå",
    no_current: "Ingen sak pågår",
    not_started: "Møtet har ikke startet: n starter det",
    ended: |at| format!("Møtet ble avsluttet kl. {at}"),
    saved: "lagret",
    not_saved: |reason| format!("IKKE LAGRET: {reason}"),
    save_failing: |reason| {
        format!(
            "Sesjonen blir ikke lagret ({reason}). Alt er i minnet og prøves igjen hvert sekund. Ctrl+S: lagre et annet sted"
        )
    },
    replaced_on_disk: "filen er endret av et annet program; den blir ikke overskrevet",
    prompt_save_elsewhere: "Lagre sesjonen et annet sted (fil eller mappe)",
    cannot_save_there: |r| format!("Kan ikke lagre der: {r}"),
    saved_at: |p| format!("Lagret i {p}. Sesjonen lagres der fra nå av."),
    paused: "KLOKKA STÅR",
    state_postponed: "utsatt",
    state_withdrawn: "trukket",
    state_comes_back: "kommer igjen",
    background: "Bakgrunn",
    nothing_prepared: "Saklisten har ikke noe mer om denne saken.",
    read_all: "B",
    presenter: "Innleder",
    documents: "Dokumenter",
    proposal: "Forslag til vedtak",
    of_timebox: |t| format!("av {t}"),
    time_left: |t| format!("{t} igjen"),
    time_over: |t| format!("+{t} over"),
    no_timebox: "ingen tidsramme",
    behind: |m| match m {
        0 => "i rute".into(),
        m if m > 0 => format!("{m} min etter plan"),
        m => format!("{} min foran plan", -m),
    },
    projected_end: |p, planned| format!("slutt ~{p} (plan {planned})"),
    catch_up_hint: |found, over, short, breaks| match (short, breaks) {
        (0, false) => "c: ta igjen".into(),
        (0, true) => "c: ta igjen med kortere pauser".into(),
        (_, false) => format!("c: ta igjen {found} av {over} min"),
        (_, true) => format!("c: ta igjen {found} av {over} min med kortere pauser"),
    },
    caught_up: |found, short, breaks| {
        let what = if breaks { "Pausene" } else { "Tidsrammene som gjenstår" };
        match short {
            0 => format!("{what} er kortet ned med {found} min: møtet kan slutte i tide (z angrer)."),
            s => format!("{what} er kortet ned med {found} min; møtet går likevel {s} min over (z angrer)."),
        }
    },
    cannot_catch_up: |s| format!("{s} min over: ingenting mer å korte ned"),
    presence_in_attendance: "Kom og gikk rettes i oppmøtet (m), der tidene står; her kan linjen flyttes (J/K).",
    nothing_to_catch_up: "Møtet ligger ikke etter planen: ingenting å ta igjen.",
    meeting_ended: |planned| format!("planlagt slutt {planned}"),
    prompt_add: "Ny sak (legges etter den valgte)",
    prompt_title: "Ny tittel",
    prompt_timebox: "Tidsramme i minutter (tomt: etter planen)",
    prompt_kind: |k| format!("Type: {k}"),
    prompt_role: |r| format!("Rolle: {r}"),
    title_needed: "Skriv en tittel (Esc avbryter).",
    not_minutes: |t| format!("«{t}» er ikke et antall minutter: skriv et tall, f.eks. 15."),
    confirm_quit: "Møtet pågår. Avslutte programmet? Alt er lagret, og møtet fortsetter når du åpner det igjen.",
    confirm_quit_unsaved: |reason| {
        format!(
            "De siste endringene er IKKE lagret ({reason}). Avslutte likevel? Da skrives en nødkopi, og stedet sies. Ctrl+S: lagre et annet sted."
        )
    },
    rescued_at: |p| format!("De siste endringene er ikke lagret i sesjonen; en nødkopi av alt er skrevet til {p}"),
    not_rescued: |r| format!("De siste endringene er ikke lagret, og nødkopien kunne ikke skrives: {r}"),
    confirm_close: "Avslutte møtet nå? Sluttiden føres i referatet.",
    planned_for: |day, times| format!("planlagt {day} {times}").trim_end().to_string(),
    not_today: |today| format!("ikke i dag (i dag er {today})"),
    confirm_close_untreated: |s| {
        format!("Ikke behandlet ennå: {s}. Avslutte møtet likevel? Sluttiden føres i referatet.")
    },
    yes_no: "j = ja, n = nei",
    confirm_start_today: |day, today| {
        format!(
            "Saklisten er for {day}, men i dag er {today}. Holde møtet i dag? Referatet dateres dagen møtet holdes."
        )
    },
    confirm_pass_untreated: |s| {
        format!("Ikke tatt opp: {s}. Gå videre likevel? (u utsetter en sak, g tar den opp nå.)")
    },
    confirm_while_typing: |key, action| format!("Du skrev nettopp. «{key}» betyr «{action}»: gjøre det nå?"),
    while_typing_keys: "Enter = ja, Esc = nei, skriv videre = et nytt innspill",
    taken_as_text: "Du skrev fortsatt, så tasten ble tekst i et nytt innspill. Vent et øyeblikk før en kommando.",
    session_at: |p| format!("Sesjonen er lagret i {p}"),
    cannot_save: |r| format!("kan ikke lagre sesjonen: {r}. Velg et annet sted med --session STI"),
    theme_problem: |p| {
        let what = match p {
            ThemeProblem::NotFound { spec, builtins } => format!(
                "Fant verken et innebygd tema eller en temafil som heter «{spec}». Innebygde temaer: {}.",
                builtins.join(", ")
            ),
            ThemeProblem::Unreadable { path, reason } => format!("Kunne ikke lese temafilen {path}: {reason}."),
            ThemeProblem::Invalid { path, line, col, reason } => {
                format!("Feil i temafilen {path}:{line}:{col}: {}.", reason.trim_end_matches('.'))
            }
        };
        format!("{what} Bruker standardtemaet.")
    },
    secretariat: "Sekretariatet",
    phrases: &[
        "Ingen kommentarer.",
        "Se presentasjon.",
        "Saken trekkes.",
        "Saken utsettes.",
        "Tas til orientering.",
        "Vedtatt.",
        "Enstemmig vedtatt.",
        "Sekretariatet følger opp.",
    ],
    outcomes: ["Vedtatt", "Vedtatt med endringer", "Ikke vedtatt", "Utsatt", "Trukket", "Tatt til orientering"],
    note_kinds: ["Kommentar", "Spørsmål", "Svar", "Overskrift"],
    question_prefix: "Spørsmål:",
    answer_prefix: "Svar:",
    notes_title: |n| format!("Innspill og kommentarer ({n})"),
    new_note: "Nytt innspill",
    change_note: "Endre innspill",
    decision_title: |l| match l {
        Some(l) => format!("Vedtak: {l}"),
        None => "Vedtak".into(),
    },
    vedtak: "Vedtak",
    until: |u| if u.starts_with("til ") { u.to_string() } else { format!("til {u}") },
    votes: |f, m, a| format!("{f} for, {m} mot, {a} avholdende"),
    no_speaker: "ingen taler valgt",
    no_notes: "Ingen innspill på saken ennå: i skriver et.",
    previous_not_edited: "Et oppfølgingspunkt fra forrige møte endres ikke her: merk det utført (d), videre (c) eller utgår (u).",
    only_previous_marked: "Bare oppfølgingspunkter fra forrige møte merkes utført, videre eller utgår; dette møtets endres (e) eller slettes (x).",
    previous_heading: "Fra tidligere møter",
    this_meeting_heading: "Fra dette møtet",
    status_marks: ["[✓ utført]", "[→ videre]", "[✗ utgår ]", "[  åpent ]"],
    no_decision: "Saken har ikke noe vedtak ennå: v vedtar forslaget, o setter utfall.",
    deleted: [
        "Innspillet er slettet (z angrer).",
        "Vedtaket er slettet (z angrer).",
        "Oppfølgingspunktet er slettet (z angrer).",
    ],
    decision_needed: "Skriv vedtaket (Esc avbryter).",
    undone: "Angret.",
    nothing_to_undo: "Ingenting å angre.",
    redone: "Gjort om igjen.",
    nothing_to_redo: "Ingenting å gjøre om.",
    votes_warning: |problem| match problem {
        VoteProblem::MoreThanPresent { votes, present } => {
            format!("Advarsel: {votes} stemmer, men bare {present} stemmeberettigede til stede. Stemmene er ført.")
        }
        VoteProblem::AdoptedAgainst { in_favour, against } => {
            format!(
                "Advarsel: vedtatt med {against} mot og bare {in_favour} for. Stemmene er ført (o endrer utfallet)."
            )
        }
    },
    not_quorate_warning: |p, n| {
        format!("Advarsel: møtet er ikke vedtaksdyktig ({p} medlemmer til stede, {n} trengs). Vedtaket er ført.")
    },
    presence_line: |present, q| match q {
        Some(true) => format!("{present} til stede · vedtaksdyktig"),
        Some(false) => format!("{present} til stede · ikke vedtaksdyktig"),
        None => format!("{present} til stede"),
    },
    quorum_line: |present, mp, m, d, q| {
        let mut s = match d {
            0 => format!("til stede {present} ({mp} av {m} medlemmer)"),
            d => format!("til stede {present} ({mp} av {m} medlemmer, {d} av dem vara)"),
        };
        match q {
            Some(true) => s += " · vedtaksdyktig",
            Some(false) => s += " · IKKE vedtaksdyktig",
            None => {}
        }
        s
    },
    person_needed: "Skriv et navn, eventuelt «Navn, Virksomhet» (Esc avbryter).",
    not_votes: |t| format!("«{t}» er ikke stemmetall: skriv for, mot og avholdende, f.eks. «9 2 1»."),
    not_times: |t| {
        format!(
            "«{t}» er ikke klokkeslett: skriv kom og gikk, f.eks. «10:35 14:00», «10:35 -» eller «- 14:00», \
             og borte mellom dem, f.eks. «10:35 11:00-12:15 14:00»."
        )
    },
    prompt_label: "Overskrift for delvedtaket (f.eks. «Beslutning kap. 1.3»)",
    prompt_until: "Utsatt til (f.eks. «septembermøtet»; tomt går an)",
    prompt_votes: "Stemmer: for mot avholdende (f.eks. «9 2 1»; tomt fjerner)",
    prompt_times: "Kom, borte og gikk (TT:MM TT:MM-TT:MM TT:MM; - for ingen)",
    prompt_person: "Ny deltaker: Navn, Virksomhet",
    pick_speaker: "Hvem sier det? (skriv for å søke)",
    pick_phrase: "Standardfrase",
    pick_outcome: "Utfall",
    pick_who: "Hvem har ansvaret?",
    free_text: |t| format!("✎ «{t}» (fritekst)"),
    followup_title: "Oppfølging",
    followup_fields: ["Hva", "Hvem", "Frist"],
    followup_nothing: "Skriv hva som skal gjøres.",
    frist_problem: |p| match p {
        FristProblem::Empty => "Fristen er tom.".into(),
        FristProblem::NotADate(t) => format!("«{t}» er ikke en dato: skriv f.eks. 18.08, 18.08.25 eller 18. august."),
        FristProblem::NoSuchDay(t) => format!("Datoen «{t}» finnes ikke."),
        FristProblem::UnknownMonth(m) => format!("«{m}» er ikke en måned."),
    },
    frist_reads_as: |d| format!("= {d}"),
    frist_keep_hint: "Enter igjen lagrer fristen som tekst, slik den står.",
    followups_title: "Oppfølgingspunkter",
    no_followups: "Ingen oppfølgingspunkter ennå: f på en sak legger til ett.",
    followups_header: "Sak     Hva / hvem / frist",
    attendance_title: "Oppmøte",
    groups: ["Medlemmer", "Observatører", "Sekretariatet", "Gjester"],
    presences: ["ikke merket", "til stede", "forfall", "fraværende"],
    arrived: |t| format!("kom {t}"),
    left: |t| format!("gikk {t}"),
    away: |l, b| format!("borte {l}–{b}"),
    search_label: "Søk: ",
    search_hint: "navn eller virksomhet",
    no_one_matches: |q| format!("Ingen på lista passer til «{q}»: Backspace retter, Esc lukker søket."),
    roles: ["Leder", "Nestleder", "Medlem", "Vara", "Observatør", "Sekretariat", "Gjest"],
    unknown_format: |f| format!("ukjent format «{f}»: velg md, html eller docx"),
    agenda_without_session: |s| {
        format!(
            "dette er en agenda, og den har ingen sesjon ({s} finnes ikke): bruk --innkalling for innkallingen, eller eksporter sesjonsfilen"
        )
    },
    exported: |p| format!("Skrevet til {p}"),
    cannot_write: |r| format!("kan ikke skrive filen: {r}"),
    cannot_write_output: |r| format!("kan ikke skrive til standard ut: {r}"),
    journal_replayed: |n| format!("Hentet {n} endringer fra journalen: alt som ble skrevet før avbruddet, er med."),
    journal_set_aside: |p| format!("En journal som ikke hørte til denne sesjonsfilen, er lagt til side i {p}."),
    session_is_link: "sesjonsfilen er en lenke, og referent skriver ikke gjennom lenker: fjern den, eller velg et annet sted med --session STI",
    session_moved: |was, is| {
        format!("Sesjonen ble lagret et annet sted: den nyeste er {is}, og den er åpnet (den gamle er {was}).")
    },
    session_moved_gone: |is| {
        format!("Sesjonen ble lagret et annet sted ({is}), men den er ikke der lenger: den gamle er åpnet.")
    },
    journal_damaged: |n, k, p| {
        format!(
            "Hentet {n} endringer fra journalen, men {k} kunne ikke leses: se etter det siste du skrev. Journalen er tatt vare på i {p}."
        )
    },
    docx_not_to_stdout: "docx kan ikke skrives til standard ut; gi et filnavn med --out",
    unknown_extension: |e| {
        format!(
            "kan ikke se formatet av «.{e}»: referent skriver md, html eller docx; velg med --format, eller gi --out et av disse etternavnene"
        )
    },
    export_changed: |n| {
        format!(
            "filen er endret etter at referent skrev den (eller er ikke skrevet av referent), og blir ikke erstattet: bruk --force for å skrive likevel (den gamle blir tatt vare på som {n}.bak), eller velg et annet navn med --out"
        )
    },
    export_is_link: "filen er en lenke, og referent skriver ikke gjennom lenker: fjern den, eller velg et annet navn med --out",
    export_not_a_file: "dette er ikke en vanlig fil (en mappe?), og den blir ikke erstattet: velg et annet navn med --out",
    exported_kept: |p, k| format!("Skrevet til {p}; den gamle er tatt vare på som {k}"),
    previous_unreadable: |p, r| {
        format!("forrige møtes sesjon {p} kan ikke leses ({r}): oppfølgingspunktene derfra vises ikke")
    },
    will_not_overwrite: "filen finnes allerede, og blir ikke overskrevet; velg et annet navn",
    session_in_use: |pid| match pid {
        Some(p) => format!("sesjonen er allerede åpen i en annen referent (prosess {p}). Lukk den først"),
        None => "sesjonen er allerede åpen i en annen referent. Lukk den først".to_string(),
    },
    crashed: |m, log| match log {
        Some(l) => format!("en feil i referent stoppet programmet: {m}. Detaljer i {l}"),
        None => format!("en feil i referent stoppet programmet: {m}"),
    },
    cannot_lock: |f, r| format!("kan ikke lage låsefilen {f}: {r}. Velg et annet sted med --session STI"),
    lock_is_link: |f| {
        format!(
            "låsefilen {f} er en lenke, og referent skriver ikke gjennom lenker: fjern den, eller velg et annet sted med --session STI"
        )
    },
    cannot_start: |r| format!("kan ikke starte skjermbildet: {r}"),
    needs_terminal: "møtet kjøres i en terminal (standard inn og ut); `referent export` og `referent check` virker uten",
    home: &HOME,
    chair: &CHAIR,
};

fn plural(n: usize, one: &'static str, many: &'static str) -> &'static str {
    if n == 1 { one } else { many }
}

fn problem(p: &Problem) -> String {
    match p {
        Problem::NewerFormat { found, known } => format!(
            "filen er skrevet for en nyere versjon av referent (format {found}; denne versjonen leser format {known}): oppdater referent"
        ),
        Problem::NoStart => {
            "møtet har ikke noe starttidspunkt: skriv start: \"10:00\" (eller at: på første sak)".into()
        }
        Problem::EndBeforeStart { start, end } if start == end => {
            format!("møtet slutter kl. {end}, samtidig som det begynner: skriv en senere end")
        }
        Problem::EndBeforeStart { start, end } => format!("møtet slutter kl. {end}, før det begynner kl. {start}"),
        Problem::NoEnd => {
            "møtet har ikke noe sluttidspunkt (end: \"15:00\"), så det kan ikke sjekkes at saklista holder tiden".into()
        }
        Problem::NoItems => "saklista er tom: skriv sakene i items: [ ... ]".into(),
        Problem::EmptyTitle => "saken har tom tittel".into(),
        Problem::NumberingFromZero => "saksnumrene teller fra 1: skriv numbering: (first: 1) eller høyere".into(),
        Problem::NumberingTooHigh { first } => format!(
            "saksnumrene går opp til {MOST_SAKER}: skriv numbering: (first: {MOST_SAKER}) eller lavere, ikke {first}"
        ),
        Problem::TimeboxTooLong { minutes } => format!(
            "tidsrammen er {minutes} minutter, mer enn et døgn: skriv minutes: med minutter (høyst {DAY_MINUTES})"
        ),
        Problem::NumberingYear { year } => {
            format!("året i et saksnummer har to sifre: skriv numbering: (year: {:02}), ikke {year}", year % 100)
        }
        Problem::NumbersUsedElsewhere { session, numbers, free } => format!(
            "saksnummer {} er allerede brukt i {session}: numrene fortsetter gjennom året, så skriv numbering: (first: {}, year: {:02})",
            numbers.iter().map(ToString::to_string).collect::<Vec<_>>().join(", "),
            free.n,
            free.year
        ),
        Problem::NobodyNamed => "deltakeren har verken navn (name) eller virksomhet (org)".into(),
        Problem::RanOnAnotherDay { ran, planned } => format!(
            "møtet ble holdt {}, men saklista er for {}: referatet dateres dagen møtet ble holdt",
            ran.short(),
            planned.short()
        ),
        Problem::DuplicateNumber { number, first_title } => {
            format!("saksnummer {number} er brukt to ganger (også av «{first_title}»)")
        }
        Problem::BeforeMeetingStart { at, start } => {
            format!("planlagt start kl. {at} er før møtet begynner kl. {start}")
        }
        Problem::StartsBeforePreviousEnds { at, previous_end, previous } => format!(
            "planlagt start kl. {at}, men «{previous}» over varer til kl. {previous_end}: flytt at: eller kort ned minutes: over"
        ),
        Problem::Gap { minutes, after } => format!("{minutes} min uten noe på saklista etter «{after}»"),
        Problem::NoTimebox => {
            "punktet har ingen tidsramme: skriv minutes:, at: på neste sak eller end: for møtet".into()
        }
        Problem::RunsPastEnd { ends, end } => {
            format!("saklista varer til kl. {ends}, men møtet skal slutte kl. {end} ({} min for mye)", ends.since(*end))
        }
    }
}

fn read_problem(p: &ReadProblem) -> String {
    let within = |w: &Option<String>| w.clone().unwrap_or_else(|| "agendaen".into());
    match p {
        ReadProblem::Io(IoProblem::NotFound) => "filen finnes ikke".into(),
        ReadProblem::Io(IoProblem::NoPermission) => "mangler lesetilgang til filen".into(),
        ReadProblem::Io(IoProblem::IsFolder) => "dette er en mappe, ikke en fil".into(),
        ReadProblem::Io(IoProblem::Other(e)) => format!("kan ikke lese filen ({e})"),
        ReadProblem::Time(TimeProblem::NotATime(v)) => {
            format!("«{v}» er ikke et klokkeslett: skriv TT:MM, for eksempel \"10:20\"")
        }
        ReadProblem::Time(TimeProblem::NoSuchTime(v)) => {
            format!("«{v}» er ikke et klokkeslett: timer går fra 00 til 23 og minutter fra 00 til 59")
        }
        ReadProblem::Time(TimeProblem::NotADate(v)) => {
            format!("«{v}» er ikke en dato: skriv ÅÅÅÅ-MM-DD, for eksempel \"2025-06-03\"")
        }
        ReadProblem::Time(TimeProblem::NoSuchDate(v)) => format!("datoen «{v}» finnes ikke"),
        ReadProblem::Time(TimeProblem::NotAMoment(v)) => {
            format!("«{v}» er ikke et tidspunkt: skriv ÅÅÅÅ-MM-DD TT:MM:SS, for eksempel \"2025-06-03 10:20:00\"")
        }
        ReadProblem::SakNumber(n) => {
            format!("«{}» er ikke et saksnummer: skriv NN/ÅÅ, for eksempel \"04/25\"", n.0)
        }
        ReadProblem::UnknownField { found, known, within: w } => {
            let hint = closest(found, known).map(|k| format!("Mente du «{k}»? ")).unwrap_or_default();
            format!("ukjent felt «{found}» i {}. {hint}Kjente felt: {}", within(w), known.join(", "))
        }
        ReadProblem::MissingField { field, within: w } => {
            format!("{} mangler feltet «{field}»", within(w))
        }
        ReadProblem::DuplicateField { field, within: w } => {
            format!("feltet «{field}» står to ganger i {}", within(w))
        }
        ReadProblem::UnknownVariant { found, known, within: w } => {
            let hint = closest(found, known).map(|k| format!("Mente du «{k}»? ")).unwrap_or_default();
            let place = w.as_ref().map(|w| format!(" for {w}")).unwrap_or_default();
            format!("ukjent verdi «{found}»{place}. {hint}Gyldige verdier: {}", known.join(", "))
        }
        ReadProblem::Expected(Expected::Comma) => {
            "det mangler et komma foran dette: skriv komma mellom to felt eller verdier".into()
        }
        ReadProblem::Expected(e) => format!("her skulle det stått {}", expected(*e)),
        ReadProblem::UnexpectedEnd => "filen slutter midt i: mangler det en ) eller ]?".into(),
        ReadProblem::UnclosedComment => "kommentaren /* blir aldri avsluttet med */".into(),
        ReadProblem::UnclosedText => "teksten i anførselstegn blir aldri avsluttet med \"".into(),
        ReadProblem::TrailingText => {
            "det står noe etter slutten av agendaen (en ) for mye?): alt skal stå innenfor den ytterste parentesen"
                .into()
        }
        ReadProblem::UnexpectedChar(c) => format!(
            "tegnet «{}» hører ikke hjemme her: mangler det et komma, et anførselstegn eller en parentes?",
            c.escape_debug()
        ),
        ReadProblem::NumberOutOfRange => "tallet er for stort, eller negativt".into(),
        ReadProblem::NotText => "filen er ikke tekst (UTF-8)".into(),
        ReadProblem::NewerSession { found, known } => format!(
            "sesjonen er skrevet av en nyere versjon av referent (format {found}; denne versjonen leser format {known}): oppdater referent. Filen er ikke endret"
        ),
        ReadProblem::RecordMismatch => {
            "sesjonen er ødelagt: antall poster i record.items stemmer ikke med antall saker. Filen er ikke endret"
                .into()
        }
        ReadProblem::RecordCount { list: RecordList::Items, found, expected } => format!(
            "sesjonen er ødelagt: record.items skal ha én post per punkt på agendaen, i samme rekkefølge, {expected} i alt, men har {found}. Filen er ikke endret"
        ),
        ReadProblem::RecordCount { list: RecordList::Attendance, found, expected } => format!(
            "sesjonen er ødelagt: record.attendance skal ha én oppføring per person i agenda.people, i samme rekkefølge, {expected} i alt, men har {found}. Filen er ikke endret"
        ),
        ReadProblem::Inconsistent(b) => format!("sesjonen er ødelagt: {}. Filen er ikke endret", broken(b)),
        ReadProblem::WrongValue { expected: Some(e), found: Some(f) } => {
            format!("her skulle det stått {}, men her står {}", expected(*e), found(*f))
        }
        ReadProblem::WrongValue { expected: Some(e), found: None } => {
            format!("her skulle det stått {}", expected(*e))
        }
        ReadProblem::WrongValue { expected: None, found: Some(f) } => {
            format!("{} hører ikke hjemme her", found(*f))
        }
        ReadProblem::WrongValue { expected: None, found: None } => "verdien her er av feil slag for feltet".into(),
        ReadProblem::WrongName { found, expected } => {
            format!("«{found}» er feil navn her: skriv {expected}( ... )")
        }
        ReadProblem::MissingName(name) => format!("navnet mangler foran parentesen: skriv {name}( ... )"),
        ReadProblem::BadEscape => {
            "en omvendt skråstrek (\\) i en tekst må følges av n, t, \", \\ eller u{...}: skriv \\\\ for én skråstrek"
                .into()
        }
        ReadProblem::UnknownExtension(name) => {
            format!(
                "det finnes ingen utvidelse som heter «{name}»: referent bruker implicit_some og unwrap_variant_newtypes; rett navnet, eller fjern linjen"
            )
        }
        ReadProblem::TooDeep => {
            "parentesene og hakeparentesene er nøstet for dypt: mangler det en ) eller ] et sted over?".into()
        }
        ReadProblem::WrongCount => "verdien har for mange eller for få deler for feltet".into(),
        ReadProblem::Unreadable => "filen kan ikke leses her: verdien har ikke den formen feltet tar".into(),
        ReadProblem::Other(m) => format!("filen kan ikke leses: {m}"),
    }
}

/// A session rule that does not hold, in words.
fn broken(b: &Broken) -> String {
    let item = |n: &Named| format!("punkt {} «{}» (record.items[{}])", n.place, n.title, n.place - 1);
    let what = |spot: &Spot| match spot {
        Spot::Paused => "klokken er stoppet (record.paused)",
        Spot::Ended => "møtet er avsluttet (record.ended)",
        _ => "et punkt er under behandling (record.current)",
    };
    match b {
        Broken::CurrentNotOnAgenda { current, items: 0 } => {
            format!("record.current er {current}, men agendaen har ingen punkter: fjern linjen")
        }
        Broken::CurrentNotOnAgenda { current, items } => format!(
            "record.current er {current}, men agendaen har {items} punkter, nummerert fra 0 til {}: skriv nummeret på punktet som er under behandling, eller fjern linjen",
            items - 1
        ),
        Broken::InterruptedNotOnAgenda { interrupted, items } => format!(
            "record.interrupted er {interrupted}, men agendaen har {items} punkter, nummerert fra 0: skriv nummeret på saken pausen avbrøt, eller fjern linjen"
        ),
        Broken::NotStarted(spot) => format!(
            "{}, men møtet har ikke startet (record.started mangler): skriv når møtet startet, eller fjern linjen",
            what(spot)
        ),
        Broken::AlreadyEnded(spot) => format!(
            "{}, men møtet er avsluttet (record.ended): fjern linjen, eller fjern record.ended for å fortsette møtet",
            what(spot)
        ),
        Broken::InterruptionWithoutEnd => {
            "et tidligere avbrudd i record.interruptions mangler slutt: skriv når det sluttet, som end: \"2025-06-03 10:20:00\""
                .into()
        }
        Broken::RunningButNotCurrent(n) => format!(
            "{} har en tidsperiode uten slutt, men er ikke under behandling: skriv når perioden sluttet (end: ...), eller gjør punktet til det som er under behandling (record.current: {})",
            item(n),
            n.place - 1
        ),
        Broken::RunningNotLast(n) => format!(
            "{} har en tidsperiode uten slutt før en annen: bare den siste perioden kan mangle slutt; skriv når den sluttet (end: ...)",
            item(n)
        ),
        Broken::RunningWhilePaused(n) => format!(
            "{} har en tidsperiode uten slutt mens klokken er stoppet (record.paused): skriv når perioden sluttet (end: ...), eller fjern record.paused",
            item(n)
        ),
    }
}

/// What the reader found, in words.
fn found(f: Found) -> &'static str {
    match f {
        Found::Text => "en tekst",
        Found::Number => "et tall",
        Found::TrueFalse => "true eller false",
        Found::List => "en liste",
        Found::Map => "krøllparenteser { ... }",
        Found::Struct => "en parentes ( ... )",
        Found::Name => "et navn",
        Found::Nothing => "ingen verdi",
    }
}

fn expected(e: Expected) -> &'static str {
    match e {
        Expected::Text => "en tekst i anførselstegn (\"...\")",
        Expected::Number => "et tall",
        Expected::TrueFalse => "true eller false",
        Expected::List => "en liste i hakeparenteser: [ ... ]",
        Expected::ListEnd => "komma, eller ] som avslutter lista",
        Expected::Comma => "et komma",
        Expected::StructEnd => "komma, eller ) som avslutter parentesen",
        Expected::Struct => "en parentes: ( ... )",
        Expected::Name => "et navn, som et feltnavn eller en verdi som Decision",
        Expected::Colon => "et kolon etter feltnavnet",
        Expected::Attribute => "en linje som #![enable(implicit_some)]",
        Expected::AttributeEnd => ")] som avslutter #![enable(...",
        Expected::Map => "krøllparenteser: { ... }",
        Expected::MapEnd => "komma, eller } som avslutter krøllparentesen",
        Expected::Unit => "()",
        Expected::Value => "en verdi (eller None)",
        Expected::OptionEnd => ") som avslutter Some(...",
    }
}

pub static REFERAT: ReferatWords = ReferatWords {
    referat: "Referat",
    innkalling: "Innkalling til",
    to: "Til",
    when: "Møtetidspunkt",
    place: "Sted",
    link: "Lenke",
    present: "Til stede",
    apologies: "Forfall",
    absent: "Fraværende",
    unmarked: "Oppmøte ikke registrert",
    invited: "Innkalt",
    observers: "Observatører",
    from_secretariat: "Fra sekretariatet",
    by_organisation: "Oppmøte per virksomhet",
    org_columns: ["Virksomhet", "Representant", "Til stede / forfall"],
    columns: ["Sak", "Sakstittel / kommentar / forslag til vedtak"],
    kl: "Kl.",
    presenter: "Innleder",
    comments: "Innspill og kommentarer:",
    proposal: "Forslag til vedtak",
    vedtak: "Vedtak",
    continued: "fortsetter",
    page: "Side",
    of: "av",
    withdrawn: "Saken trekkes.",
    followup: "Oppfølging",
    responsible: "ansvarlig",
    frist: "frist",
    end: "Slutt",
    followups: "Oppfølgingspunkter",
    previous_followups: "Oppfølging fra tidligere møter",
    previous_groups: ["Utført", "Fortsatt åpne", "Utgår"],
    followup_columns: ["Sak", "Hva", "Hvem", "Frist"],
    timing: "Tidsbruk",
    timing_columns: ["Sak", "Tittel", "Planlagt", "Faktisk", "Avvik (min)"],
    came: |t| format!("kom kl. {t}"),
    went: |t| format!("gikk kl. {t}"),
    came_back: |t| format!("kom tilbake kl. {t}"),
    minute_taker: "Referent",
};

pub static HOME: HomeWords = HomeWords {
    config_ignored: |p| format!("{p}; standardinnstillingene brukes"),
    config_file: "konfigurasjonsfil",
    log_file: "logg",
    no_home: "(ingen hjemmemappe)",
    config_absent: "finnes ikke: standardinnstillingene",
    config_bad: "feil: standardinnstillingene brukes",
    from_flag: "flagg",
    from_config: "konfigurasjonsfilen",
    from_agenda: "agendaen",
    from_locale: "LANG",
    from_default: "standard",
    not_set: "ikke satt",
    keys_ignored: |p| format!("{p}; de innebygde tastene brukes"),
    keys_file: "tastefil",
    keys_unknown_context: |f, k| format!("ukjent skjermbilde «{f}». Skjermbildene heter: {k}"),
    keys_unknown_action: |c, f, k| format!("ukjent handling «{f}» i {c}. Handlingene der heter: {k}"),
    keys_bad_key: |k| format!("«{k}» er ikke en tast: skriv et tegn, eller <navn> som <ret>, <up> eller <C-s>"),
    keys_no_key: |a| format!("{a} får ingen tast: skriv minst én"),
    keys_clash: |c, k, a, b| format!("«{k}» i {c} ville bety både {a} og {b}: gi en av dem en annen tast"),
    warning_mark: "⚠",
    plain_next: "Neste",
    plain_selected: "Valgt",
    plain_notes: "Innspill",
    plain_said: "Sagt",
    said_started: |item, m| {
        if m == 0 { format!("Nå: {item}, uten tidsramme.") } else { format!("Nå: {item}, tidsramme {m} min.") }
    },
    said_warning: |m| format!("Advarsel: 80 % av tiden er brukt, {m} min igjen."),
    said_overrun: "Tiden er ute: saken er over tidsrammen.",
    said_paused: "Klokka er stoppet.",
    said_resumed: "Klokka går igjen.",
    said_filed: |what, item| format!("{what} lagret på {item}."),
    said_note: "Innspill",
    said_vedtak: "Vedtak",
    said_followup: "Oppfølging",
    said_taken_up: |what, status| {
        let word = match status {
            Some(Status::Done) => "utført",
            Some(Status::Carried) => "fortsatt åpent, videre til neste møte",
            Some(Status::Dropped) => "utgår",
            None => "ikke merket",
        };
        format!("Fra tidligere møte, «{what}»: {word}.")
    },
    said_saved_again: "Alt er lagret igjen.",
};

pub static NEXT: NextWords = NextWords {
    draft: DraftWords {
        innkalling_title: "Godkjenning av innkalling og dagsorden",
        innkalling_proposal: "Innkalling og dagsorden godkjennes.",
        referat_title: |d| format!("Godkjenning av referat fra møte {d}"),
        referat_proposal: "Referatet godkjennes.",
        postponed_from: |d, n| {
            if n.is_empty() { format!("Utsatt fra møte {d}.") } else { format!("Utsatt fra møte {d}, sak {n}.") }
        },
        comes_back_from: |d, n| {
            if n.is_empty() {
                format!("Kommer tilbake fra møte {d}.")
            } else {
                format!("Kommer tilbake fra møte {d}, sak {n}.")
            }
        },
        followups_title: "Oppfølgingspunkter fra tidligere møter",
        followup_line: |what, who, frist, from| {
            let mut line = format!("- {what}");
            if let Some(who) = who {
                line.push_str(&format!(" (ansvarlig: {who})"));
            }
            if let Some(frist) = frist {
                line.push_str(&format!(", frist {frist}"));
            }
            line.push_str(&format!(" – {from}"));
            line
        },
        from_meeting: |d, n| match n {
            Some(n) => format!("møte {d}, sak {n}"),
            None => format!("møte {d}"),
        },
        aob: "Eventuelt",
    },
    header: |s, d| {
        format!(
            "Utkast til saksliste for neste møte, laget av «referent next» fra {s} (møtet {d}). Les over, rett og kjør «referent check» før innkallingen sendes."
        )
    },
    roster: |d| {
        format!("Deltakerlisten fra møtet {d}, med dem som kom til underveis; oppmøte og forfall er nullstilt.")
    },
    numbering: |d| format!("Saksnumrene fortsetter etter det siste som ble brukt i møtet {d}."),
    origin: |o| match o {
        Origin::Innkalling | Origin::Aob => "fast sak".to_string(),
        Origin::Referat(d) => format!("referatet fra møtet {}", d.short()),
        Origin::Carried { day, number, state, comes_back } => {
            let what = match (state, comes_back) {
                (ItemState::Postponed, _) => "utsatt",
                (ItemState::Withdrawn, true) => "trukket, kommer tilbake",
                (_, _) => "kommer tilbake",
            };
            match number {
                Some(n) => format!("fra møte {}, sak {n} ({what})", day.short()),
                None => format!("fra møte {} ({what})", day.short()),
            }
        }
        Origin::FollowUps { count } => format!("oppfølgingspunkter som fortsatt er åpne: {count}"),
    },
    written: |p| format!("Skrevet til {p}: les over, rett og kjør «referent check {p}»"),
    bad_date: |t| format!("«{t}» er ikke en dato: skriv ÅÅÅÅ-MM-DD, som 2025-09-16"),
    date_not_after: |d, m| format!("neste møte ({d}) må være etter møtet i sesjonen ({m}): gi --date"),
    not_a_session: |s| format!("dette er en saksliste, ikke en sesjon: gi sesjonen fra møtet (som {s})"),
    out_is_link: "der utkastet skulle skrives, står en symbolsk lenke; den følges ikke: velg et annet navn",
    no_folder: |r| format!("kan ikke lese mappen: {r}"),
    skipped: |f| format!("{f}: hoppet over, sesjonen kan ikke leses (se «referent check {f}»)"),
    none_open: "Ingen åpne oppfølgingspunkter.",
    columns: ["Hva", "Ansvarlig", "Frist", "Møte"],
    overdue: "forfalt",
    unknown_format: |f| format!("ukjent format «{f}»: velg text, md eller csv"),
};

pub static CHAIR: ChairWords = ChairWords {
    not_started: "Møtet har ikke startet",
    next: "Neste",
    break_ends: |at| format!("pausen slutter kl. {at}"),
    break_over: |at| format!("pausen skulle sluttet kl. {at}"),
    catch_up: |found, over, short, breaks, cuts| {
        let pauses = if breaks { ", også pausene" } else { "" };
        match short {
            0 => format!("Slik slutter møtet i tide: kort ned {cuts}{pauses}"),
            s => format!("Kort ned {cuts}{pauses}: {found} av {over} min tatt igjen, {s} min over likevel"),
        }
    },
    done: "ferdig",
    now: "nå",
    postponed: "utsatt",
    withdrawn: "trukket",
    read_only: "bare visning: endrer ingenting",
    gone: |p| format!("Møtet finnes ikke lenger: {p} er borte (venter på at det kommer tilbake)"),
    unreadable: |p, why| format!("{p} kan ikke leses: {why}"),
    moved: |to| format!("Møtet er flyttet til {to}"),
    no_session: |p| format!("{p}: finner ingen møtefil å følge (et møte som er startet har NAVN.session.ron)"),
    chair_page: "Møteleder",
    room_page: "Salen",
    saksliste: "Saksliste",
    reconnecting: "Forbindelsen er brutt: kobler til igjen …",
    serving: |page, url| format!("Nettvisning, {page}: {url}"),
    bad_address: |a| {
        format!(
            "«{a}» er ikke en adresse å lytte på: skriv PORT, ADRESSE:PORT eller [IPv6]:PORT, som 8080 eller 0.0.0.0:8080"
        )
    },
    cannot_serve: |a, why| format!("kan ikke lytte på {a}: {why}"),
};
