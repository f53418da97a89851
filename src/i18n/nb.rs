//! Bokmål.

use super::{Words, closest};
use crate::domain::check::Problem;
use crate::domain::session::Refusal;
use crate::domain::time::TimeProblem;
use crate::store::agenda_file::{Expected, IoProblem, ReadProblem};
use crate::tui::keymap::Action;
use crate::tui::theme::ThemeProblem;

pub static WORDS: Words = Words {
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
        Action::Break => "Start neste pause nå / avslutt pausen",
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
        Action::Help => "Vis denne hjelpen",
        Action::Quit => "Avslutt programmet (alt er lagret)",
        Action::ForceQuit => "Avslutt programmet straks (alt er lagret)",
        Action::Submit => "Lagre",
        Action::Cancel => "Lukk / avbryt",
        Action::NextKind => "Bytt sakstype",
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
        Action::Submit => "lagre",
        Action::Cancel => "avbryt",
        Action::NextKind => "type",
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
        Refusal::NotASak => "Bare saker kan utsettes eller trekkes, ikke pauser.",
    },
    contexts: ["Møtet", "Hjelp", "Inndata", "Spørsmål"],
    help_title: "Hjelp: taster",
    saksliste: "Saksliste",
    now_title: "Nå",
    no_current: "Ingen sak pågår",
    not_started: "Møtet har ikke startet: n starter det",
    ended: |at| format!("Møtet ble avsluttet kl. {at}"),
    saved: "lagret",
    not_saved: |reason| format!("IKKE LAGRET: {reason}"),
    paused: "KLOKKA STÅR",
    state_postponed: "utsatt",
    state_withdrawn: "trukket",
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
    projected_end: |p, planned| format!("slutt ca. {p} (plan {planned})"),
    meeting_ended: |planned| format!("planlagt slutt {planned}"),
    prompt_add: "Ny sak (legges etter den valgte)",
    prompt_title: "Ny tittel",
    prompt_timebox: "Tidsramme i minutter (tomt: etter planen)",
    prompt_kind: |k| format!("Type: {k}"),
    title_needed: "Skriv en tittel (Esc avbryter).",
    not_minutes: |t| format!("«{t}» er ikke et antall minutter: skriv et tall, f.eks. 15."),
    confirm_quit: "Møtet pågår. Avslutte programmet? Alt er lagret, og møtet fortsetter når du åpner det igjen.",
    confirm_close: "Avslutte møtet nå? Slutttiden føres i referatet.",
    yes_no: "j = ja, n = nei",
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
    cannot_start: |r| format!("kan ikke starte skjermbildet: {r}"),
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
        Problem::EndBeforeStart { start, end } => format!("møtet slutter kl. {end}, før det begynner kl. {start}"),
        Problem::NoEnd => {
            "møtet har ikke noe sluttidspunkt (end: \"15:00\"), så det kan ikke sjekkes at saklista holder tiden".into()
        }
        Problem::NoItems => "saklista er tom: skriv sakene i items: [ ... ]".into(),
        Problem::EmptyTitle => "saken har tom tittel".into(),
        Problem::NobodyNamed => "deltakeren har verken navn (name) eller virksomhet (org)".into(),
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
        ReadProblem::Expected(Expected::Comma) => "det mangler et komma foran dette".into(),
        ReadProblem::Expected(e) => format!("her skulle det stått {}", expected(*e)),
        ReadProblem::UnexpectedEnd => "filen slutter midt i: mangler det en ) eller ]?".into(),
        ReadProblem::UnclosedComment => "kommentaren /* blir aldri avsluttet med */".into(),
        ReadProblem::UnclosedText => "teksten i anførselstegn blir aldri avsluttet med \"".into(),
        ReadProblem::TrailingText => "det står noe etter slutten av agendaen (en ) for mye?)".into(),
        ReadProblem::UnexpectedChar(c) => format!("tegnet «{c}» hører ikke hjemme her"),
        ReadProblem::NumberOutOfRange => "tallet er for stort, eller negativt".into(),
        ReadProblem::NotText => "filen er ikke tekst (UTF-8)".into(),
        ReadProblem::NewerSession { found, known } => format!(
            "sesjonen er skrevet av en nyere versjon av referent (format {found}; denne versjonen leser format {known}): oppdater referent. Filen er ikke endret"
        ),
        ReadProblem::RecordMismatch => {
            "sesjonen er ødelagt: antall poster i record.items stemmer ikke med antall saker. Filen er ikke endret"
                .into()
        }
        ReadProblem::Other(m) => format!("filen kan ikke leses: {m}"),
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
        Expected::Name => "et feltnavn",
        Expected::Colon => "et kolon etter feltnavnet",
    }
}
