//! Every word the program shows or writes, in bokmål (default) and English.

mod en;
mod nb;

use crate::app::keymap::Action;
use crate::domain::agenda::{Lang, Role, SakKind};
use crate::domain::check::Problem;
use crate::domain::frist::FristProblem;
use crate::domain::next::{DraftWords, Origin};
use crate::domain::previous::Status;
use crate::domain::session::Refusal;
use crate::domain::vedtak::Outcome;
use crate::store::agenda_file::ReadProblem;
use crate::store::autosave::Failure;
use crate::theme::ThemeProblem;

/// The words of the referat and the innkalling.
pub struct ReferatWords {
    pub referat: &'static str,
    pub innkalling: &'static str,
    pub to: &'static str,
    pub when: &'static str,
    pub place: &'static str,
    pub link: &'static str,
    pub present: &'static str,
    pub apologies: &'static str,
    pub absent: &'static str,
    pub unmarked: &'static str,
    pub invited: &'static str,
    /// The group of observers and guests in the attendance table.
    pub observers: &'static str,
    pub from_secretariat: &'static str,
    pub by_organisation: &'static str,
    /// Virksomhet, representant, til stede / forfall.
    pub org_columns: [&'static str; 3],
    /// The two columns of the sak table.
    pub columns: [&'static str; 2],
    pub kl: &'static str,
    pub presenter: &'static str,
    pub comments: &'static str,
    pub proposal: &'static str,
    pub vedtak: &'static str,
    /// After a sak's heading in the row that takes it up again after a break: "fortsetter".
    pub continued: &'static str,
    /// The page footer of a word-processor document: "Side" 2 "av" 5.
    pub page: &'static str,
    pub of: &'static str,
    pub withdrawn: &'static str,
    pub followup: &'static str,
    pub responsible: &'static str,
    pub frist: &'static str,
    pub end: &'static str,
    pub followups: &'static str,
    /// Sak, hva, hvem, frist.
    pub followup_columns: [&'static str; 4],
    /// The follow-ups of earlier meetings this one took up.
    pub previous_followups: &'static str,
    /// Their groups: done, still open, dropped.
    pub previous_groups: [&'static str; 3],
    pub timing: &'static str,
    /// Sak, tittel, planlagt, faktisk, avvik.
    pub timing_columns: [&'static str; 5],
    pub came: fn(at: &str) -> String,
    pub went: fn(at: &str) -> String,
    pub came_back: fn(at: &str) -> String,
    /// "Referent": who took the minutes, in the header.
    pub minute_taker: &'static str,
}

/// The words of `referent next` and `referent actions`: from one meeting to the next.
pub struct NextWords {
    /// The texts of the draft agenda.
    pub draft: DraftWords,
    /// The comment at the top of a draft: the session it came from, the day of its meeting.
    pub header: fn(session: &str, day: &str) -> String,
    /// Over the roster.
    pub roster: fn(day: &str) -> String,
    /// Over the numbering.
    pub numbering: fn(day: &str) -> String,
    /// Over an item: where it came from.
    pub origin: fn(&Origin) -> String,
    /// Written: where, and what to do next.
    pub written: fn(path: &str) -> String,
    /// `--date` that is not a date.
    pub bad_date: fn(text: &str) -> String,
    /// The next meeting's date is not after the session's.
    pub date_not_after: fn(date: &str, day: &str) -> String,
    /// `next` was given an agenda: its session, by default.
    pub not_a_session: fn(session: &str) -> String,
    /// A link is where the draft would be written.
    pub out_is_link: &'static str,
    /// `actions`: the folder could not be read.
    pub no_folder: fn(reason: &str) -> String,
    /// `actions`: a file in the folder that is a session but could not be read.
    pub skipped: fn(file: &str) -> String,
    /// `actions`: nothing open.
    pub none_open: &'static str,
    /// `actions`: the columns (what, who, frist, meeting).
    pub columns: [&'static str; 4],
    /// `actions`: the mark of an overdue follow-up.
    pub overdue: &'static str,
    /// `actions`: an unknown `--format`.
    pub unknown_format: fn(format: &str) -> String,
}

/// The words of one language. A field missing in one language does not compile.
pub struct Words {
    pub referat: &'static ReferatWords,
    pub next: &'static NextWords,
    /// Monday first.
    pub weekdays: [&'static str; 7],
    /// In the order of `SakKind::ALL`.
    pub kinds: [&'static str; 6],
    /// Short forms for narrow columns, same order.
    pub kinds_short: [&'static str; 6],
    /// The title of a break that has none.
    pub a_break: &'static str,
    pub col_sak: &'static str,
    pub col_kl: &'static str,
    pub col_time: &'static str,
    pub col_kind: &'static str,
    pub col_title: &'static str,
    pub end_of_meeting: &'static str,
    pub minutes_short: &'static str,
    pub error: &'static str,
    pub warning: &'static str,
    pub roster: fn(people: usize, members: usize, apologies: usize) -> String,
    pub check_ok: fn(saker: usize, breaks: usize, warnings: usize) -> String,
    pub check_failed: fn(errors: usize, warnings: usize) -> String,
    pub problem: fn(&Problem) -> String,
    pub read_problem: fn(&ReadProblem) -> String,

    // The live meeting.
    /// What an action does, for the help screen.
    pub action: fn(Action) -> &'static str,
    /// A word or two for the footer.
    pub action_short: fn(Action) -> &'static str,
    pub refusal: fn(Refusal) -> &'static str,
    /// Names of the key contexts, in the order of `keymap::Context::ALL`.
    pub contexts: [&'static str; 14],
    pub help_title: &'static str,
    pub saksliste: &'static str,
    pub now_title: &'static str,
    pub no_current: &'static str,
    pub not_started: &'static str,
    pub ended: fn(at: &str) -> String,
    pub saved: &'static str,
    pub not_saved: fn(reason: &str) -> String,
    /// The footer while saving fails: the reason, and the way out.
    pub save_failing: fn(reason: &str) -> String,
    /// Why a session file is not overwritten: another program replaced it.
    pub replaced_on_disk: &'static str,
    pub prompt_save_elsewhere: &'static str,
    pub cannot_save_there: fn(reason: &str) -> String,
    pub saved_at: fn(path: &str) -> String,
    pub paused: &'static str,
    pub state_postponed: &'static str,
    pub state_withdrawn: &'static str,
    /// A sak marked to come back to a later meeting.
    pub state_comes_back: &'static str,
    /// A sak's background, as the agenda gives it.
    pub background: &'static str,
    /// A sak with nothing prepared in the agenda.
    pub nothing_prepared: &'static str,
    /// How to read the whole of the sak's papers.
    pub read_all: &'static str,
    pub presenter: &'static str,
    pub documents: &'static str,
    pub proposal: &'static str,
    pub of_timebox: fn(timebox: &str) -> String,
    pub time_left: fn(left: &str) -> String,
    pub time_over: fn(over: &str) -> String,
    pub no_timebox: &'static str,
    pub behind: fn(minutes: i64) -> String,
    /// The proposal to end on time, on the meeting line (the saksliste shows the cuts):
    /// `found` of the `over` minutes behind can be taken back, `short` cannot; `breaks`:
    /// by shortening the breaks (the saker can give no more).
    pub catch_up_hint: fn(found: u32, over: u32, short: u32, breaks: bool) -> String,
    /// `c` accepted the proposal.
    pub caught_up: fn(found: u32, short: u32, breaks: bool) -> String,
    /// Behind, and nothing left to shorten: minutes over.
    pub cannot_catch_up: fn(short: u32) -> String,
    /// `c` when the meeting is not behind.
    pub nothing_to_catch_up: &'static str,
    /// Changing or deleting a presence entry in the timeline.
    pub presence_in_attendance: &'static str,
    pub projected_end: fn(projected: &str, planned: &str) -> String,
    pub meeting_ended: fn(planned: &str) -> String,
    pub prompt_add: &'static str,
    pub prompt_title: &'static str,
    pub prompt_timebox: &'static str,
    pub prompt_kind: fn(kind: &str) -> String,
    /// The role of a person added at the meeting: "Rolle: Vara".
    pub prompt_role: fn(role: &str) -> String,
    pub title_needed: &'static str,
    pub not_minutes: fn(text: &str) -> String,
    pub confirm_quit: &'static str,
    /// The quit question when the last changes are not on disk: why not.
    pub confirm_quit_unsaved: fn(reason: &str) -> String,
    /// On the way out with the last changes not saved: where the emergency copy is.
    pub rescued_at: fn(path: &str) -> String,
    /// ... and when even that could not be written.
    pub not_rescued: fn(reason: &str) -> String,
    pub confirm_close: &'static str,
    /// The meeting line before the start: the day and times of the plan.
    pub planned_for: fn(day: &str, times: &str) -> String,
    /// ... on another day than today (today's date).
    pub not_today: fn(today: &str) -> String,
    /// The close question when saker are not yet treated: which.
    pub confirm_close_untreated: fn(saker: &str) -> String,
    pub yes_no: &'static str,
    /// Starting on another day than the agenda's: the agenda's day, today.
    pub confirm_start_today: fn(agenda_day: &str, today: &str) -> String,
    /// `n` would leave saker behind that were never taken up: which.
    pub confirm_pass_untreated: fn(saker: &str) -> String,
    /// A key that moves the meeting on, pressed in the middle of typing: the key, what it does.
    pub confirm_while_typing: fn(key: &str, action: &str) -> String,
    /// The answers to that question.
    pub while_typing_keys: &'static str,
    /// A letter pressed in the middle of typing went into a new note.
    pub taken_as_text: &'static str,
    pub session_at: fn(path: &str) -> String,
    pub cannot_save: fn(reason: &str) -> String,
    pub theme_problem: fn(&ThemeProblem) -> String,

    // Capture: notes, vedtak, oppfølging, attendance.
    pub secretariat: &'static str,
    /// Built-in standard phrases.
    pub phrases: &'static [&'static str],
    /// In the order of `Outcome::ALL`.
    pub outcomes: [&'static str; 6],
    /// Comment, question, answer: the editor's kind names.
    pub note_kinds: [&'static str; 4],
    /// What a question and an answer start with in lists and the referat: "Spørsmål:", "Svar:".
    pub question_prefix: &'static str,
    pub answer_prefix: &'static str,
    pub notes_title: fn(count: usize) -> String,
    pub new_note: &'static str,
    pub change_note: &'static str,
    pub decision_title: fn(label: Option<&str>) -> String,
    pub vedtak: &'static str,
    /// "Utsatt" + this: "til septembermøtet" ("til" added unless typed).
    pub until: fn(text: &str) -> String,
    pub votes: fn(in_favour: u32, against: u32, abstaining: u32) -> String,
    pub no_speaker: &'static str,
    pub no_notes: &'static str,
    pub no_decision: &'static str,
    /// Edit or delete asked of a follow-up of the meeting before.
    pub previous_not_edited: &'static str,
    /// Done, carried or dropped asked of a follow-up of this meeting.
    pub only_previous_marked: &'static str,
    /// Over the follow-ups of earlier meetings on the follow-ups screen.
    pub previous_heading: &'static str,
    /// Over this meeting's follow-ups, when the meeting before's are shown too.
    pub this_meeting_heading: &'static str,
    /// The marks of done, carried, dropped and not yet marked, on that screen.
    pub status_marks: [&'static str; 4],
    /// A note, a decision, a follow-up deleted from a sak's timeline.
    pub deleted: [&'static str; 3],
    pub decision_needed: &'static str,
    pub undone: &'static str,
    pub nothing_to_undo: &'static str,
    pub redone: &'static str,
    pub nothing_to_redo: &'static str,
    /// Votes that do not add up, as a warning.
    pub votes_warning: fn(problem: crate::domain::vedtak::VoteProblem) -> String,
    pub not_quorate_warning: fn(present: u32, needed: u32) -> String,
    /// For the main screen: everyone present, and the quorum.
    pub presence_line: fn(present: usize, quorate: Option<bool>) -> String,
    /// For the attendance screen: everyone present, members present (with the deputies
    /// standing in) of all, the deputies among them, the quorum.
    pub quorum_line:
        fn(present: usize, members_present: u32, members: u32, deputies: u32, quorate: Option<bool>) -> String,
    pub person_needed: &'static str,
    pub not_votes: fn(text: &str) -> String,
    pub not_times: fn(text: &str) -> String,
    pub prompt_label: &'static str,
    pub prompt_until: &'static str,
    pub prompt_votes: &'static str,
    pub prompt_times: &'static str,
    pub prompt_person: &'static str,
    pub pick_speaker: &'static str,
    pub pick_phrase: &'static str,
    pub pick_outcome: &'static str,
    pub pick_who: &'static str,
    pub free_text: fn(text: &str) -> String,
    pub followup_title: &'static str,
    /// What, who, frist.
    pub followup_fields: [&'static str; 3],
    pub followup_nothing: &'static str,
    pub frist_problem: fn(&FristProblem) -> String,
    pub frist_reads_as: fn(date: &str) -> String,
    pub frist_keep_hint: &'static str,
    pub followups_title: &'static str,
    pub no_followups: &'static str,
    pub followups_header: &'static str,
    pub attendance_title: &'static str,
    /// Members, observers, secretariat, guests.
    pub groups: [&'static str; 4],
    /// Unmarked, til stede, forfall, fraværende.
    pub presences: [&'static str; 4],
    pub arrived: fn(at: &str) -> String,
    pub left: fn(at: &str) -> String,
    /// A time away that ended, on the attendance screen: "borte 11:00–12:15".
    pub away: fn(left: &str, back: &str) -> String,
    /// The search line of the attendance screen, before the query.
    pub search_label: &'static str,
    /// Said on the search line while nothing is typed.
    pub search_hint: &'static str,
    pub no_one_matches: fn(query: &str) -> String,
    /// In the order of `Role::ALL`.
    pub roles: [&'static str; 7],
    pub cannot_start: fn(reason: &str) -> String,
    /// The live meeting was asked for with no terminal to run it in.
    pub needs_terminal: &'static str,
    pub unknown_format: fn(format: &str) -> String,
    pub agenda_without_session: fn(session: &str) -> String,
    pub exported: fn(path: &str) -> String,
    pub cannot_write: fn(reason: &str) -> String,
    /// Standard output could not be written (closed, or a full disk).
    pub cannot_write_output: fn(reason: &str) -> String,
    pub will_not_overwrite: &'static str,
    /// The session of the meeting before, named by the agenda, could not be read: its
    /// follow-ups are not taken up. (Its path, why.)
    pub previous_unreadable: fn(path: &str, reason: &str) -> String,
    /// A docx cannot go to standard output.
    pub docx_not_to_stdout: &'static str,
    /// `--out` has an extension that names no format referent writes (and no --format).
    pub unknown_extension: fn(extension: &str) -> String,
    /// The export's file was changed since referent wrote it: its file name.
    pub export_changed: fn(name: &str) -> String,
    /// A link is where the export goes.
    pub export_is_link: &'static str,
    /// A folder (or a device) is where the export goes.
    pub export_not_a_file: &'static str,
    /// Written with --force over a changed file: where, and where the old one is kept.
    pub exported_kept: fn(path: &str, kept: &str) -> String,
    /// After a crash: this many changes were taken back from the journal.
    pub journal_replayed: fn(changes: usize) -> String,
    /// A journal that belonged to another version of the session file, kept here.
    pub journal_set_aside: fn(path: &str) -> String,
    /// The session's place is a symbolic link.
    pub session_is_link: &'static str,
    /// The session was saved elsewhere (Ctrl+S): where it was, where it is.
    pub session_moved: fn(was: &str, is: &str) -> String,
    /// ... to a place where it is no longer.
    pub session_moved_gone: fn(is: &str) -> String,
    /// A journal with lines that could not be read: how many were recovered, how many not,
    /// and where the journal is kept.
    pub journal_damaged: fn(applied: usize, skipped: usize, path: &str) -> String,
    /// The session is open in another referent, whose process id the lock file names.
    pub session_in_use: fn(pid: Option<u32>) -> String,
    /// A bug stopped the program: the panic's message, and the log with the details.
    pub crashed: fn(message: &str, log: Option<&str>) -> String,
    pub cannot_lock: fn(lock_file: &str, reason: &str) -> String,
    /// A link is where the lock file goes.
    pub lock_is_link: fn(lock_file: &str) -> String,
    /// The config file, key overrides and the plain screen.
    pub home: &'static HomeWords,
    /// The chair's views: `referent follow` and the web page.
    pub chair: &'static ChairWords,
}

/// The words of the chair's views (`referent follow`, the chair and room pages).
pub struct ChairWords {
    /// Before the start (no key to press: the chair only looks).
    pub not_started: &'static str,
    /// The heading of the next items.
    pub next: &'static str,
    /// A break under way: when it ends (the time left beside it), or should have.
    pub break_ends: fn(at: &str) -> String,
    pub break_over: fn(at: &str) -> String,
    /// What it takes to end on time: minutes found of those over, and the cuts ("03/25 20→15").
    pub catch_up: fn(found: u32, over: u32, short: u32, breaks: bool, cuts: &str) -> String,
    /// The states of an item on the room's saksliste.
    pub done: &'static str,
    pub now: &'static str,
    pub postponed: &'static str,
    pub withdrawn: &'static str,
    /// `referent follow`: that it only looks, and how the session file stands.
    pub read_only: &'static str,
    pub gone: fn(path: &str) -> String,
    pub unreadable: fn(path: &str, why: &str) -> String,
    pub moved: fn(to: &str) -> String,
    pub no_session: fn(path: &str) -> String,
    /// The web pages.
    pub chair_page: &'static str,
    pub room_page: &'static str,
    pub saksliste: &'static str,
    pub reconnecting: &'static str,
    /// `--serve`: where the pages are, and why they cannot be served.
    pub serving: fn(page: &str, url: &str) -> String,
    pub bad_address: fn(address: &str) -> String,
    pub cannot_serve: fn(address: &str, why: &str) -> String,
}

/// The words of referent at home on a user's machine: the config file, the key
/// overrides, the plain screen.
pub struct HomeWords {
    /// A config file that cannot be read: what is wrong, and that the defaults are used.
    pub config_ignored: fn(problem: &str) -> String,
    /// `referent config`: the config file, the log, and where a setting came from.
    pub config_file: &'static str,
    pub log_file: &'static str,
    pub no_home: &'static str,
    pub config_absent: &'static str,
    pub config_bad: &'static str,
    pub from_flag: &'static str,
    pub from_config: &'static str,
    pub from_agenda: &'static str,
    pub from_locale: &'static str,
    pub from_default: &'static str,
    pub not_set: &'static str,
    /// Key overrides that cannot be used: what is wrong, and that the built-in keys are.
    pub keys_ignored: fn(problem: &str) -> String,
    pub keys_file: &'static str,
    pub keys_unknown_context: fn(found: &str, known: &str) -> String,
    pub keys_unknown_action: fn(context: &str, found: &str, known: &str) -> String,
    pub keys_bad_key: fn(key: &str) -> String,
    pub keys_no_key: fn(action: &str) -> String,
    /// One key for two actions on one screen.
    pub keys_clash: fn(context: &str, key: &str, first: &str, second: &str) -> String,
    /// The mark beside the time left from 80 % of the timebox (not colour alone).
    pub warning_mark: &'static str,
    // The plain screen: the labels of its lines, and what it says when things change.
    pub plain_next: &'static str,
    pub plain_selected: &'static str,
    pub plain_notes: &'static str,
    pub plain_said: &'static str,
    /// An item started: its name and its timebox in minutes.
    pub said_started: fn(item: &str, minutes: u32) -> String,
    /// 80 % of the timebox gone: whole minutes left.
    pub said_warning: fn(minutes: i64) -> String,
    pub said_overrun: &'static str,
    pub said_paused: &'static str,
    pub said_resumed: &'static str,
    /// Something filed on an item: what (`said_note`, ...) and the item.
    pub said_filed: fn(what: &str, item: &str) -> String,
    pub said_note: &'static str,
    pub said_vedtak: &'static str,
    pub said_followup: &'static str,
    /// A follow-up of an earlier meeting marked (what it is, what became of it).
    pub said_taken_up: fn(what: &str, status: Option<Status>) -> String,
    pub said_saved_again: &'static str,
}

impl ReferatWords {
    /// What a presence entry of the timeline says: "Pål kom kl. 10:30."
    pub fn presence(
        &self,
        session: &crate::domain::session::Session,
        m: &crate::domain::presence::PresenceMark,
    ) -> String {
        use crate::domain::presence::Change;
        let person = session.agenda.people.get(m.who);
        let who = person.and_then(|p| p.name.clone().or(p.org.clone())).unwrap_or_default();
        let at = m.at.hm().to_string();
        let what = match m.change {
            Change::Arrived => (self.came)(&at),
            Change::Left => (self.went)(&at),
            Change::Back => (self.came_back)(&at),
        };
        format!("{who} {what}.").trim_start().to_string()
    }
}

impl Words {
    pub fn kind(&self, kind: SakKind) -> &'static str {
        let i = SakKind::ALL.iter().position(|k| *k == kind).unwrap_or(0);
        self.kinds[i]
    }

    pub fn outcome(&self, outcome: Outcome) -> &'static str {
        let i = Outcome::ALL.iter().position(|o| *o == outcome).unwrap_or(0);
        self.outcomes[i]
    }

    pub fn role(&self, role: Role) -> &'static str {
        let i = Role::ALL.iter().position(|r| *r == role).unwrap_or(0);
        self.roles[i]
    }

    pub fn kind_short(&self, kind: SakKind) -> &'static str {
        let i = SakKind::ALL.iter().position(|k| *k == kind).unwrap_or(0);
        self.kinds_short[i]
    }

    /// Why the session is not saved (or cannot be saved at a place), in words.
    pub fn failure(&self, failure: &Failure) -> String {
        match failure {
            Failure::Replaced => self.replaced_on_disk.to_string(),
            Failure::Held(pid) => (self.session_in_use)(*pid),
            Failure::Io(reason) => reason.clone(),
        }
    }
}

/// The words of `lang`.
pub fn words(lang: Lang) -> &'static Words {
    match lang {
        Lang::Nb => &nb::WORDS,
        Lang::En => &en::WORDS,
    }
}

/// The screen's language: `--lang` if given, else English when the locale
/// (`LC_ALL`, `LC_MESSAGES`, LANG, the first one set) is English, else bokmål.
pub fn ui_lang(flag: Option<Lang>, env: impl Fn(&str) -> Option<String>) -> Lang {
    if let Some(lang) = flag {
        return lang;
    }
    let locale =
        ["LC_ALL", "LC_MESSAGES", "LANG"].iter().filter_map(|k| env(k)).find(|v| !v.is_empty()).unwrap_or_default();
    if locale.starts_with("en") { Lang::En } else { Lang::Nb }
}

/// The closest of `known` to `found`, if one is close enough to be a typo.
pub fn closest<'a>(found: &str, known: &[&'a str]) -> Option<&'a str> {
    known
        .iter()
        .map(|k| (strsim::jaro_winkler(found, k), *k))
        .filter(|(score, _)| *score > 0.8)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, k)| k)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_kind_has_a_word() {
        for lang in [Lang::Nb, Lang::En] {
            let w = words(lang);
            assert!(SakKind::ALL.iter().all(|k| !w.kind(*k).is_empty() && !w.kind_short(*k).is_empty()));
        }
        assert_eq!(words(Lang::Nb).kind(SakKind::Decision), "Beslutningssak");
        assert_eq!(words(Lang::En).kind_short(SakKind::Aob), "AOB");
    }

    #[test]
    fn the_flag_wins_then_the_locale_then_bokmal() {
        let env = |vars: &'static [(&'static str, &'static str)]| {
            move |k: &str| vars.iter().find(|(n, _)| *n == k).map(|(_, v)| v.to_string())
        };
        assert_eq!(ui_lang(Some(Lang::Nb), env(&[("LANG", "en_GB.UTF-8")])), Lang::Nb);
        assert_eq!(ui_lang(None, env(&[("LANG", "en_GB.UTF-8")])), Lang::En);
        assert_eq!(ui_lang(None, env(&[("LC_ALL", "nb_NO.UTF-8"), ("LANG", "en_US")])), Lang::Nb);
        assert_eq!(ui_lang(None, env(&[("LC_ALL", ""), ("LANG", "en_US")])), Lang::En);
        assert_eq!(ui_lang(None, env(&[("LANG", "C.UTF-8")])), Lang::Nb);
        assert_eq!(ui_lang(None, env(&[])), Lang::Nb);
    }

    #[test]
    fn suggests_the_field_that_was_meant() {
        assert_eq!(closest("titel", &["kind", "title", "number"]), Some("title"));
        assert_eq!(closest("xyz", &["kind", "title", "number"]), None);
    }
}
