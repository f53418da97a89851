//! English.

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
    weekdays: ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"],
    kinds: ["Approval", "Information", "Discussion", "Decision", "Election", "Any other business"],
    kinds_short: ["Approval", "Info", "Discuss.", "Decision", "Election", "AOB"],
    a_break: "Break",
    col_sak: "Item",
    col_kl: "Time",
    col_time: "Length",
    col_kind: "Kind",
    col_title: "Title",
    end_of_meeting: "End",
    minutes_short: "min",
    error: "error",
    warning: "warning",
    roster: |people, members, apologies| {
        format!("Roster: {people} ({members} {}), {apologies} sent apologies", plural(members, "member", "members"))
    },
    check_ok: |saker, breaks, warnings| {
        let mut s = format!(
            "OK: {saker} {} and {breaks} {}.",
            plural(saker, "item", "items"),
            plural(breaks, "break", "breaks")
        );
        if warnings > 0 {
            s += &format!(" {warnings} {}.", plural(warnings, "warning", "warnings"));
        }
        s
    },
    check_failed: |errors, warnings| {
        format!(
            "{errors} {} and {warnings} {}: fix the errors and run \"referent check\" again.",
            plural(errors, "error", "errors"),
            plural(warnings, "warning", "warnings")
        )
    },
    problem,
    read_problem,
    action: |a| match a {
        Action::Next => "Finish the item, start the next (first time: the meeting)",
        Action::GoToSelected => "Go to the selected item (take it up again)",
        Action::Pause => "Stop the clock for an interruption / start it again",
        Action::Break => "A break now / end it (back to the sak it interrupted)",
        Action::CloseMeeting => "Close the meeting",
        Action::SelectUp => "Select the item above",
        Action::SelectDown => "Select the item below",
        Action::SelectFirst => "Select the first item",
        Action::SelectLast => "Select the last item",
        Action::SelectCurrent => "Select the item under discussion",
        Action::AddSak => "Add an item after the selected one",
        Action::EditTitle => "Change the selected item's title",
        Action::EditTimebox => "Change the selected item's timebox",
        Action::MoveUp => "Move the selected item up",
        Action::MoveDown => "Move the selected item down",
        Action::Postpone => "Mark the selected item postponed / not postponed",
        Action::Withdraw => "Mark the selected item withdrawn / not withdrawn",
        Action::ComesBack => "Mark the selected item: comes back to a later meeting / not",
        Action::Help => "Show this help",
        Action::Quit => "Quit (everything is saved)",
        Action::SaveElsewhere => "Save the session elsewhere (when saving fails)",
        Action::ForceQuit => "Quit at once (everything is saved)",
        Action::OpenNote => "Write a comment on the selected item",
        Action::FocusNotes => "Go to the item's comments (select, change, delete, move)",
        Action::Undo => "Undo the last change",
        Action::Redo => "Redo",
        Action::AdoptProposal => "Adopt the proposed decision unchanged",
        Action::AmendProposal => "Amend the proposed decision and adopt it",
        Action::PartialDecision => "Write a partial decision with a label (\"Decision ch. 1.3\")",
        Action::SetOutcome => "Set the outcome: adopted, rejected, postponed, withdrawn, ...",
        Action::SetVotes => "Record the votes: for, against, abstaining",
        Action::AddFollowUp => "Add a follow-up: what, who, deadline",
        Action::ShowFollowUps => "Show all follow-ups of the meeting",
        Action::ShowAttendance => "Attendance: present, apologies, absent",
        Action::ShowSak => "Read the item: background, documents and proposed decision",
        Action::CatchUp => "Catch up: shorten the timeboxes still to come, as proposed (again: the breaks)",
        Action::EditNote => "Change the comment",
        Action::DeleteNote => "Delete the comment (z undoes)",
        Action::SaveAndNext => "Save the comment and start the next",
        Action::Newline => "New line in the comment",
        Action::CycleKind => "Switch between comment, question and answer",
        Action::PickSpeaker => "Pick who says it (type e.g. \"hn\" for Helse Nord)",
        Action::PickPhrase => "Insert a standard phrase",
        Action::CloseEditor => "Save and close",
        Action::NextField => "Next field",
        Action::PreviousField => "Previous field",
        Action::MarkPresent => "Present (arrived now if it is running; came back if left)",
        Action::MarkApologies => "Sent apologies",
        Action::MarkAbsent => "Absent",
        Action::ToggleLeft => "Left now / came back now (z undoes)",
        Action::EditTimes => "Correct the times: arrived, away, left",
        Action::AddPerson => "Add someone who is not on the roster",
        Action::AllPresent => "Everyone not yet marked is present",
        Action::Search => "Search by name or organisation (\"hn\"): Enter is present",
        Action::EditFollowUp => "Change the follow-up",
        Action::DeleteFollowUp => "Delete the follow-up (z undoes)",
        Action::MarkDone => "From the meeting before: done",
        Action::MarkCarried => "From the meeting before: still open (carried)",
        Action::MarkDropped => "From the meeting before: dropped",
        Action::Unmark => "From the meeting before: not marked",
        Action::Submit => "Save",
        Action::Cancel => "Close / cancel",
        Action::NextKind => "Change the kind of item or the role",
        Action::ClearInput => "Clear the line",
        Action::Yes => "Yes",
        Action::No => "No",
    },
    action_short: |a| match a {
        Action::Next => "next",
        Action::GoToSelected => "go to",
        Action::Pause => "stop clock",
        Action::Break => "break",
        Action::AddSak => "add item",
        Action::Help => "help",
        Action::Quit => "quit",
        Action::SaveElsewhere => "save elsewhere",
        Action::OpenNote => "comment",
        Action::AdoptProposal => "adopt",
        Action::ShowAttendance => "attendance",
        Action::ShowSak => "item",
        Action::CatchUp => "catch up",
        Action::EditNote => "change",
        Action::DeleteNote => "delete",
        Action::SaveAndNext => "save+next",
        Action::Newline => "line",
        Action::CycleKind => "kind",
        Action::PickSpeaker => "who",
        Action::PickPhrase => "phrase",
        Action::CloseEditor => "close",
        Action::NextField => "field",
        Action::MarkPresent => "present",
        Action::MarkApologies => "apologies",
        Action::MarkAbsent => "absent",
        Action::ToggleLeft => "left",
        Action::AddPerson => "add",
        Action::Search => "search",
        Action::EditFollowUp => "change",
        Action::DeleteFollowUp => "delete",
        Action::MarkDone => "done",
        Action::MarkCarried => "carried",
        Action::MarkDropped => "dropped",
        Action::Undo => "undo",
        Action::SelectUp => "select",
        Action::Submit => "save",
        Action::Cancel => "cancel",
        Action::NextKind => "kind/role",
        Action::ClearInput => "clear",
        Action::Yes => "yes",
        Action::No => "no",
        _ => "",
    },
    refusal: |r| match r {
        Refusal::NotStarted => "The meeting has not started: press n to start it.",
        Refusal::AlreadyStarted => "The meeting is already running.",
        Refusal::Ended => "The meeting is closed.",
        Refusal::NoSuchItem => "There is no such item.",
        Refusal::NothingLeft => "No items left: press x to close the meeting.",
        Refusal::Paused => "The clock is already stopped.",
        Refusal::NotPaused => "The clock is already running.",
        Refusal::NotASak => "Only items, not breaks, can be postponed, withdrawn or decided.",
        Refusal::NoProposal => "The item has no proposed decision: write the decision with V.",
        Refusal::NotPresent => "Only someone present can leave or have times.",
        Refusal::TimesOutOfOrder => "The times must come in order: arrived, left, came back, left.",
        Refusal::UnfinishedDraft => "A note is being written on this sak: finish it first.",
    },
    contexts: [
        "Meeting",
        "Comments on the item",
        "Writing a comment",
        "Picking from a list",
        "Follow-up (form)",
        "Follow-ups",
        "Attendance",
        "The item",
        "Attendance (search)",
        "Input",
        "Question",
        "While typing (letters are text; n, g, b, x, p, v, u, w ask)",
        "Help",
        "Following the meeting (referent follow)",
    ],
    help_title: "Help: keys",
    saksliste: "Agenda",
    now_title: "Now",
    no_current: "No item under discussion",
    not_started: "The meeting has not started: n starts it",
    ended: |at| format!("The meeting closed at {at}"),
    saved: "saved",
    not_saved: |reason| format!("NOT SAVED: {reason}"),
    save_failing: |reason| {
        format!(
            "The session is not being saved ({reason}). Everything is in memory and retried every second. Ctrl+S: save elsewhere"
        )
    },
    replaced_on_disk: "the file was changed by another program; it is not overwritten",
    prompt_save_elsewhere: "Save the session elsewhere (a file or a folder)",
    cannot_save_there: |r| format!("Cannot save there: {r}"),
    saved_at: |p| format!("Saved in {p}. The session is saved there from now on."),
    paused: "CLOCK STOPPED",
    state_postponed: "postponed",
    state_withdrawn: "withdrawn",
    state_comes_back: "comes back",
    background: "Background",
    nothing_prepared: "The agenda has nothing more on this item.",
    read_all: "B",
    presenter: "Presenter",
    documents: "Documents",
    proposal: "Proposed decision",
    of_timebox: |t| format!("of {t}"),
    time_left: |t| format!("{t} left"),
    time_over: |t| format!("+{t} over"),
    no_timebox: "no timebox",
    behind: |m| match m {
        0 => "on time".into(),
        m if m > 0 => format!("{m} min behind"),
        m => format!("{} min ahead", -m),
    },
    catch_up_hint: |found, over, short, breaks| match (short, breaks) {
        (0, false) => "c: catch up".into(),
        (0, true) => "c: catch up with shorter breaks".into(),
        (_, false) => format!("c: catch up {found} of {over} min"),
        (_, true) => format!("c: catch up {found} of {over} min with shorter breaks"),
    },
    caught_up: |found, short, breaks| {
        let what = if breaks { "The breaks" } else { "The timeboxes still to come" };
        match short {
            0 => format!("{what} are {found} min shorter: the meeting can end on time (z undoes)."),
            s => format!("{what} are {found} min shorter; the meeting runs {s} min over even so (z undoes)."),
        }
    },
    cannot_catch_up: |s| format!("{s} min over: nothing left to shorten"),
    presence_in_attendance: "Comings and goings are corrected in attendance (m), where their times are; here the line can be moved (J/K).",
    nothing_to_catch_up: "The meeting is not behind: nothing to catch up.",
    projected_end: |p, planned| format!("ends ~{p} (plan {planned})"),
    meeting_ended: |planned| format!("planned end {planned}"),
    prompt_add: "New item (after the selected one)",
    prompt_title: "New title",
    prompt_timebox: "Timebox in minutes (empty: as planned)",
    prompt_kind: |k| format!("Kind: {k}"),
    prompt_role: |r| format!("Role: {r}"),
    title_needed: "Write a title (Esc cancels).",
    not_minutes: |t| format!("\"{t}\" is not a number of minutes: write a number, like 15."),
    confirm_quit: "The meeting is running. Quit? Everything is saved, and the meeting goes on when you open it again.",
    confirm_quit_unsaved: |reason| {
        format!(
            "The last changes are NOT saved ({reason}). Quit anyway? An emergency copy is written, and where is said. Ctrl+S: save elsewhere."
        )
    },
    rescued_at: |p| {
        format!("The last changes are not saved in the session; an emergency copy of everything is written to {p}")
    },
    not_rescued: |r| format!("The last changes are not saved, and the emergency copy could not be written: {r}"),
    confirm_close: "Close the meeting now? The end time goes into the minutes.",
    planned_for: |day, times| format!("planned for {day} {times}").trim_end().to_string(),
    not_today: |today| format!("not today (today is {today})"),
    confirm_close_untreated: |s| {
        format!("Not dealt with yet: {s}. Close the meeting anyway? The end time goes into the minutes.")
    },
    yes_no: "y = yes, n = no",
    confirm_start_today: |day, today| {
        format!(
            "The agenda is for {day}, but today is {today}. Hold the meeting today? The referat is dated the day it is held."
        )
    },
    confirm_pass_untreated: |s| format!("Not taken up: {s}. Move on anyway? (u postpones a sak, g takes it up now.)"),
    confirm_while_typing: |key, action| format!("You were typing. \"{key}\" means \"{action}\": do it now?"),
    while_typing_keys: "Enter = yes, Esc = no, keep typing = a new note",
    taken_as_text: "You were still typing, so the key became text in a new note. Pause a moment before a command.",
    session_at: |p| format!("The session is saved in {p}"),
    cannot_save: |r| format!("cannot save the session: {r}. Choose another place with --session PATH"),
    theme_problem: |p| {
        let what = match p {
            ThemeProblem::NotFound { spec, builtins } => format!(
                "There is no built-in theme or theme file called \"{spec}\". Built-in themes: {}.",
                builtins.join(", ")
            ),
            ThemeProblem::Unreadable { path, reason } => format!("Could not read the theme file {path}: {reason}."),
            ThemeProblem::Invalid { path, line, col, reason } => {
                format!("Error in the theme file {path}:{line}:{col}: {}.", reason.trim_end_matches('.'))
            }
        };
        format!("{what} Using the default theme.")
    },
    secretariat: "The secretariat",
    phrases: &[
        "No comments.",
        "See the presentation.",
        "The item is withdrawn.",
        "The item is postponed.",
        "Noted.",
        "Adopted.",
        "Adopted unanimously.",
        "The secretariat follows up.",
    ],
    outcomes: ["Adopted", "Adopted with amendments", "Not adopted", "Postponed", "Withdrawn", "Noted"],
    note_kinds: ["Comment", "Question", "Answer", "Heading"],
    question_prefix: "Question:",
    answer_prefix: "Answer:",
    notes_title: |n| format!("Comments ({n})"),
    new_note: "New comment",
    change_note: "Change comment",
    decision_title: |l| match l {
        Some(l) => format!("Decision: {l}"),
        None => "Decision".into(),
    },
    vedtak: "Decision",
    until: |u| if u.starts_with("until ") || u.starts_with("to ") { u.to_string() } else { format!("until {u}") },
    votes: |f, m, a| format!("{f} for, {m} against, {a} abstaining"),
    no_speaker: "no speaker",
    no_notes: "No comments on this item yet: i writes one.",
    previous_not_edited: "A follow-up of the meeting before is not changed here: mark it done (d), carried (c) or dropped (u).",
    only_previous_marked: "Only the meeting before's follow-ups are marked done, carried or dropped; this meeting's are changed (e) or deleted (x).",
    previous_heading: "From earlier meetings",
    this_meeting_heading: "From this meeting",
    status_marks: ["[✓ done   ]", "[→ carried]", "[✗ dropped]", "[  open   ]"],
    no_decision: "The item has no decision yet: v adopts the proposal, o sets an outcome.",
    deleted: [
        "The comment is deleted (z undoes).",
        "The decision is deleted (z undoes).",
        "The follow-up is deleted (z undoes).",
    ],
    decision_needed: "Write the decision (Esc cancels).",
    undone: "Undone.",
    nothing_to_undo: "Nothing to undo.",
    redone: "Redone.",
    nothing_to_redo: "Nothing to redo.",
    votes_warning: |problem| match problem {
        VoteProblem::MoreThanPresent { votes, present } => {
            format!("Warning: {votes} votes, but only {present} voting members present. The votes are recorded.")
        }
        VoteProblem::AdoptedAgainst { in_favour, against } => {
            format!(
                "Warning: adopted with {against} against and only {in_favour} for. The votes are recorded (o changes the outcome)."
            )
        }
    },
    not_quorate_warning: |p, n| {
        format!("Warning: the meeting is not quorate ({p} members present, {n} needed). The decision is recorded.")
    },
    presence_line: |present, q| match q {
        Some(true) => format!("{present} present · quorate"),
        Some(false) => format!("{present} present · not quorate"),
        None => format!("{present} present"),
    },
    quorum_line: |present, mp, m, d, q| {
        let mut s = match d {
            0 => format!("present {present} ({mp} of {m} members)"),
            d => format!("present {present} ({mp} of {m} members, {d} of them deputies)"),
        };
        match q {
            Some(true) => s += " · quorate",
            Some(false) => s += " · NOT quorate",
            None => {}
        }
        s
    },
    person_needed: "Write a name, or \"Name, Organisation\" (Esc cancels).",
    not_votes: |t| format!("\"{t}\" are not votes: write for, against and abstaining, like \"9 2 1\"."),
    not_times: |t| {
        format!(
            "\"{t}\" are not times: write arrival and departure, like \"10:35 14:00\", \"10:35 -\" or \"- 14:00\", \
             and times away between them, like \"10:35 11:00-12:15 14:00\"."
        )
    },
    prompt_label: "Label of the partial decision (like \"Decision ch. 1.3\")",
    prompt_until: "Postponed until (like \"the September meeting\"; may be empty)",
    prompt_votes: "Votes: for against abstaining (like \"9 2 1\"; empty removes)",
    prompt_times: "Arrived, away and left (HH:MM HH:MM-HH:MM HH:MM; - for none)",
    prompt_person: "New participant: Name, Organisation",
    pick_speaker: "Who says it? (type to search)",
    pick_phrase: "Standard phrase",
    pick_outcome: "Outcome",
    pick_who: "Who is responsible?",
    free_text: |t| format!("✎ \"{t}\" (free text)"),
    followup_title: "Follow-up",
    followup_fields: ["What", "Who", "Deadline"],
    followup_nothing: "Write what is to be done.",
    frist_problem: |p| match p {
        FristProblem::Empty => "The deadline is empty.".into(),
        FristProblem::NotADate(t) => format!("\"{t}\" is not a date: write e.g. 18.08, 18.08.25 or 18 August."),
        FristProblem::NoSuchDay(t) => format!("There is no such date as \"{t}\"."),
        FristProblem::UnknownMonth(m) => format!("\"{m}\" is not a month."),
    },
    frist_reads_as: |d| format!("= {d}"),
    frist_keep_hint: "Enter again saves the deadline as text, as typed.",
    followups_title: "Follow-ups",
    no_followups: "No follow-ups yet: f on an item adds one.",
    followups_header: "Item    What / who / deadline",
    attendance_title: "Attendance",
    groups: ["Members", "Observers", "Secretariat", "Guests"],
    presences: ["not marked", "present", "apologies", "absent"],
    arrived: |t| format!("came {t}"),
    left: |t| format!("left {t}"),
    away: |l, b| format!("away {l}–{b}"),
    search_label: "Search: ",
    search_hint: "name or organisation",
    no_one_matches: |q| format!("No one on the roster matches \"{q}\": Backspace corrects, Esc closes the search."),
    roles: ["Chair", "Vice chair", "Member", "Deputy", "Observer", "Secretariat", "Guest"],
    unknown_format: |f| format!("unknown format \"{f}\": choose md, html or docx"),
    agenda_without_session: |s| {
        format!(
            "this is an agenda, and it has no session ({s} does not exist): use --innkalling for the notice, or export the session file"
        )
    },
    exported: |p| format!("Written to {p}"),
    cannot_write: |r| format!("cannot write the file: {r}"),
    cannot_write_output: |r| format!("cannot write to standard output: {r}"),
    journal_replayed: |n| {
        format!("Recovered {n} changes from the journal: everything typed before the interruption is here.")
    },
    journal_set_aside: |p| format!("A journal that did not belong to this session file was set aside as {p}."),
    session_is_link: "the session file is a link, and referent does not write through links: remove it, or choose another place with --session PATH",
    session_moved: |was, is| {
        format!("The session was saved elsewhere: the newest is {is}, and it is open (the old one is {was}).")
    },
    session_moved_gone: |is| {
        format!("The session was saved elsewhere ({is}), but it is no longer there: the old one is open.")
    },
    journal_damaged: |n, k, p| {
        format!(
            "Recovered {n} changes from the journal, but {k} could not be read: check what you wrote last. The journal is kept as {p}."
        )
    },
    docx_not_to_stdout: "docx cannot be written to standard output; give a file name with --out",
    unknown_extension: |e| {
        format!(
            "cannot tell the format from \".{e}\": referent writes md, html or docx; choose one with --format, or give --out one of those extensions"
        )
    },
    export_changed: |n| {
        format!(
            "the file was changed after referent wrote it (or was not written by referent), and is not replaced: use --force to write it anyway (the old one is kept as {n}.bak), or choose another name with --out"
        )
    },
    export_is_link: "the file is a link, and referent does not write through links: remove it, or choose another name with --out",
    export_not_a_file: "this is not a plain file (a folder?), and it is not replaced: choose another name with --out",
    exported_kept: |p, k| format!("Written to {p}; the old one is kept as {k}"),
    previous_unreadable: |p, r| {
        format!("the previous meeting's session {p} cannot be read ({r}): its follow-ups are not shown")
    },
    will_not_overwrite: "the file exists already and is not overwritten; choose another name",
    session_in_use: |pid| match pid {
        Some(p) => format!("the session is already open in another referent (process {p}). Close that one first"),
        None => "the session is already open in another referent. Close that one first".to_string(),
    },
    crashed: |m, log| match log {
        Some(l) => format!("a bug in referent stopped the program: {m}. Details in {l}"),
        None => format!("a bug in referent stopped the program: {m}"),
    },
    cannot_lock: |f, r| format!("cannot create the lock file {f}: {r}. Choose another place with --session PATH"),
    lock_is_link: |f| {
        format!(
            "the lock file {f} is a link, and referent does not write through links: remove it, or choose another place with --session PATH"
        )
    },
    cannot_start: |r| format!("cannot start the screen: {r}"),
    needs_terminal: "the live meeting needs a terminal (standard input and output); `referent export` and `referent check` work without one",
    home: &HOME,
    chair: &CHAIR,
};

fn plural(n: usize, one: &'static str, many: &'static str) -> &'static str {
    if n == 1 { one } else { many }
}

fn problem(p: &Problem) -> String {
    match p {
        Problem::NewerFormat { found, known } => format!(
            "the file was written for a newer version of referent (format {found}; this version reads format {known}): update referent"
        ),
        Problem::NoStart => "the meeting has no start time: write start: \"10:00\" (or at: on the first item)".into(),
        Problem::EndBeforeStart { start, end } if start == end => {
            format!("the meeting ends at {end}, as it begins: write a later end")
        }
        Problem::EndBeforeStart { start, end } => format!("the meeting ends at {end}, before it starts at {start}"),
        Problem::NoEnd => {
            "the meeting has no end time (end: \"15:00\"), so the agenda cannot be checked against it".into()
        }
        Problem::NoItems => "the agenda is empty: write the items in items: [ ... ]".into(),
        Problem::NumberingFromZero => "sak numbers count from 1: write numbering: (first: 1) or higher".into(),
        Problem::NumberingTooHigh { first } => {
            format!("sak numbers go up to {MOST_SAKER}: write numbering: (first: {MOST_SAKER}) or lower, not {first}")
        }
        Problem::TimeboxTooLong { minutes } => format!(
            "the timebox is {minutes} minutes, more than a day: write minutes: in minutes (at most {DAY_MINUTES})"
        ),
        Problem::NumberingYear { year } => {
            format!("the year of a sak number has two digits: write numbering: (year: {:02}), not {year}", year % 100)
        }
        Problem::EmptyTitle => "the item has an empty title".into(),
        Problem::NumbersUsedElsewhere { session, numbers, free } => format!(
            "item numbers {} are used already in {session}: numbers go on through the year, so write numbering: (first: {}, year: {:02})",
            numbers.iter().map(ToString::to_string).collect::<Vec<_>>().join(", "),
            free.n,
            free.year
        ),
        Problem::NobodyNamed => "this person has neither a name nor an organisation (org)".into(),
        Problem::RanOnAnotherDay { ran, planned } => format!(
            "the meeting was held on {}, but the agenda is for {}: the minutes are dated the day it was held",
            ran.short(),
            planned.short()
        ),
        Problem::DuplicateNumber { number, first_title } => {
            format!("item number {number} is used twice (also by \"{first_title}\")")
        }
        Problem::BeforeMeetingStart { at, start } => {
            format!("planned to start at {at}, before the meeting starts at {start}")
        }
        Problem::StartsBeforePreviousEnds { at, previous_end, previous } => format!(
            "planned to start at {at}, but \"{previous}\" above runs until {previous_end}: move at: or shorten minutes: above"
        ),
        Problem::Gap { minutes, after } => format!("{minutes} min with nothing planned after \"{after}\""),
        Problem::NoTimebox => {
            "the item has no timebox: write minutes:, at: on the next item, or end: for the meeting".into()
        }
        Problem::RunsPastEnd { ends, end } => {
            format!("the agenda runs until {ends}, but the meeting ends at {end} ({} min too much)", ends.since(*end))
        }
    }
}

fn read_problem(p: &ReadProblem) -> String {
    let within = |w: &Option<String>| w.clone().unwrap_or_else(|| "the agenda".into());
    match p {
        ReadProblem::Io(IoProblem::NotFound) => "there is no such file".into(),
        ReadProblem::Io(IoProblem::NoPermission) => "no permission to read the file".into(),
        ReadProblem::Io(IoProblem::IsFolder) => "this is a folder, not a file".into(),
        ReadProblem::Io(IoProblem::Other(e)) => format!("cannot read the file ({e})"),
        ReadProblem::Time(TimeProblem::NotATime(v)) => {
            format!("\"{v}\" is not a time: write HH:MM, like \"10:20\"")
        }
        ReadProblem::Time(TimeProblem::NoSuchTime(v)) => {
            format!("\"{v}\" is not a time of day: hours go from 00 to 23 and minutes from 00 to 59")
        }
        ReadProblem::Time(TimeProblem::NotADate(v)) => {
            format!("\"{v}\" is not a date: write YYYY-MM-DD, like \"2025-06-03\"")
        }
        ReadProblem::Time(TimeProblem::NoSuchDate(v)) => {
            format!("there is no such date as \"{v}\"")
        }
        ReadProblem::Time(TimeProblem::NotAMoment(v)) => {
            format!("\"{v}\" is not a moment: write YYYY-MM-DD HH:MM:SS, like \"2025-06-03 10:20:00\"")
        }
        ReadProblem::SakNumber(n) => format!("\"{}\" is not an item number: write NN/YY, like \"04/25\"", n.0),
        ReadProblem::UnknownField { found, known, within: w } => {
            let hint = closest(found, known).map(|k| format!("Did you mean \"{k}\"? ")).unwrap_or_default();
            format!("unknown field \"{found}\" in {}. {hint}Known fields: {}", within(w), known.join(", "))
        }
        ReadProblem::MissingField { field, within: w } => {
            format!("{} lacks the field \"{field}\"", within(w))
        }
        ReadProblem::DuplicateField { field, within: w } => {
            format!("the field \"{field}\" appears twice in {}", within(w))
        }
        ReadProblem::UnknownVariant { found, known, within: w } => {
            let hint = closest(found, known).map(|k| format!("Did you mean \"{k}\"? ")).unwrap_or_default();
            let place = w.as_ref().map(|w| format!(" for {w}")).unwrap_or_default();
            format!("unknown value \"{found}\"{place}. {hint}Valid values: {}", known.join(", "))
        }
        ReadProblem::Expected(Expected::Comma) => {
            "a comma is missing before this: write a comma between two fields or values".into()
        }
        ReadProblem::Expected(e) => format!("expected {} here", expected(*e)),
        ReadProblem::UnexpectedEnd => "the file ends in the middle: is a ) or ] missing?".into(),
        ReadProblem::UnclosedComment => "the comment /* is never closed with */".into(),
        ReadProblem::UnclosedText => "the text in quotes is never closed with \"".into(),
        ReadProblem::TrailingText => {
            "there is something after the end of the agenda (one ) too many?): everything goes inside the outermost parentheses"
                .into()
        }
        ReadProblem::UnexpectedChar(c) => format!(
            "the character '{}' does not belong here: is a comma, a quote or a parenthesis missing?",
            c.escape_debug()
        ),
        ReadProblem::NumberOutOfRange => "the number is too large, or negative".into(),
        ReadProblem::NotText => "the file is not text (UTF-8)".into(),
        ReadProblem::NewerSession { found, known } => format!(
            "the session was written by a newer version of referent (format {found}; this version reads format {known}): update referent. The file is left as it is"
        ),
        ReadProblem::RecordMismatch => {
            "the session is damaged: record.items does not have one entry per agenda item. The file is left as it is"
                .into()
        }
        ReadProblem::RecordCount { list: RecordList::Items, found, expected } => format!(
            "the session is damaged: record.items should have one record per agenda item, in the same order, {expected} in all, but has {found}. The file is left as it is"
        ),
        ReadProblem::RecordCount { list: RecordList::Attendance, found, expected } => format!(
            "the session is damaged: record.attendance should have one entry per person in agenda.people, in the same order, {expected} in all, but has {found}. The file is left as it is"
        ),
        ReadProblem::Inconsistent(b) => format!("the session is damaged: {}. The file is left as it is", broken(b)),
        ReadProblem::WrongValue { expected: Some(e), found: Some(f) } => {
            format!("{} belongs here, but this is {}", capital(expected(*e)), found(*f))
        }
        ReadProblem::WrongValue { expected: Some(e), found: None } => {
            format!("{} belongs here", capital(expected(*e)))
        }
        ReadProblem::WrongValue { expected: None, found: Some(f) } => {
            format!("{} does not belong here", capital(found(*f)))
        }
        ReadProblem::WrongValue { expected: None, found: None } => {
            "the value here is of the wrong kind for the field".into()
        }
        ReadProblem::WrongName { found, expected } => {
            format!("\"{found}\" is the wrong name here: write {expected}( ... )")
        }
        ReadProblem::MissingName(name) => format!("the name is missing before the parenthesis: write {name}( ... )"),
        ReadProblem::BadEscape => {
            "a backslash (\\) in a text must be followed by n, t, \", \\ or u{...}: write \\\\ for one backslash".into()
        }
        ReadProblem::UnknownExtension(name) => {
            format!(
                "there is no extension called \"{name}\": referent uses implicit_some and unwrap_variant_newtypes; correct the name, or remove the line"
            )
        }
        ReadProblem::TooDeep => {
            "the parentheses and brackets are nested too deeply: is a ) or ] missing somewhere above?".into()
        }
        ReadProblem::WrongCount => "the value has too many or too few parts for the field".into(),
        ReadProblem::Unreadable => "the file cannot be read here: the value does not have the form the field takes".into(),
        ReadProblem::Other(m) => format!("the file cannot be read: {m}"),
    }
}

/// `text` with its first letter a capital.
fn capital(text: &str) -> String {
    let mut chars = text.chars();
    chars.next().map(|c| c.to_uppercase().chain(chars).collect()).unwrap_or_default()
}

/// A session rule that does not hold, in words.
fn broken(b: &Broken) -> String {
    let item = |n: &Named| format!("item {} \"{}\" (record.items[{}])", n.place, n.title, n.place - 1);
    let what = |spot: &Spot| match spot {
        Spot::Paused => "the clock is stopped (record.paused)",
        Spot::Ended => "the meeting has ended (record.ended)",
        _ => "an item is under way (record.current)",
    };
    match b {
        Broken::CurrentNotOnAgenda { current, items: 0 } => {
            format!("record.current is {current}, but the agenda has no items: remove the line")
        }
        Broken::CurrentNotOnAgenda { current, items } => format!(
            "record.current is {current}, but the agenda has {items} items, numbered from 0 to {}: write the number of the item under way, or remove the line",
            items - 1
        ),
        Broken::InterruptedNotOnAgenda { interrupted, items } => format!(
            "record.interrupted is {interrupted}, but the agenda has {items} items, numbered from 0: write the number of the sak the break interrupted, or remove the line"
        ),
        Broken::NotStarted(spot) => format!(
            "{}, but the meeting never started (record.started is missing): write when it started, or remove the line",
            what(spot)
        ),
        Broken::AlreadyEnded(spot) => format!(
            "{}, but the meeting has ended (record.ended): remove the line, or remove record.ended to go on with the meeting",
            what(spot)
        ),
        Broken::InterruptionWithoutEnd => {
            "a past interruption in record.interruptions has no end: write when it ended, like end: \"2025-06-03 10:20:00\""
                .into()
        }
        Broken::RunningButNotCurrent(n) => format!(
            "{} has a stretch of time with no end, but it is not under way: write when the stretch ended (end: ...), or make it the item under way (record.current: {})",
            item(n),
            n.place - 1
        ),
        Broken::RunningNotLast(n) => format!(
            "{} has a stretch of time with no end before another one: only the last stretch may lack an end; write when it ended (end: ...)",
            item(n)
        ),
        Broken::RunningWhilePaused(n) => format!(
            "{} has a stretch of time with no end while the clock is stopped (record.paused): write when the stretch ended (end: ...), or remove record.paused",
            item(n)
        ),
    }
}

/// What the reader found, in words.
fn found(f: Found) -> &'static str {
    match f {
        Found::Text => "a text",
        Found::Number => "a number",
        Found::TrueFalse => "true or false",
        Found::List => "a list",
        Found::Map => "braces { ... }",
        Found::Struct => "a parenthesis ( ... )",
        Found::Name => "a name",
        Found::Nothing => "no value",
    }
}

fn expected(e: Expected) -> &'static str {
    match e {
        Expected::Text => "a text in quotes (\"...\")",
        Expected::Number => "a number",
        Expected::TrueFalse => "true or false",
        Expected::List => "a list in square brackets: [ ... ]",
        Expected::ListEnd => "a comma, or ] to close the list",
        Expected::Comma => "a comma",
        Expected::StructEnd => "a comma, or ) to close the parenthesis",
        Expected::Struct => "a parenthesis: ( ... )",
        Expected::Name => "a name, such as a field name or a value like Decision",
        Expected::Colon => "a colon after the field name",
        Expected::Attribute => "a line like #![enable(implicit_some)]",
        Expected::AttributeEnd => ")] to close #![enable(...",
        Expected::Map => "braces: { ... }",
        Expected::MapEnd => "a comma, or } to close the braces",
        Expected::Unit => "()",
        Expected::Value => "a value (or None)",
        Expected::OptionEnd => ") to close Some(...",
    }
}

pub static REFERAT: ReferatWords = ReferatWords {
    referat: "Minutes:",
    innkalling: "Notice of meeting:",
    to: "To",
    when: "Time",
    place: "Place",
    link: "Link",
    present: "Present",
    apologies: "Apologies",
    absent: "Absent",
    unmarked: "Attendance not recorded",
    invited: "Invited",
    observers: "Observers",
    from_secretariat: "From the secretariat",
    by_organisation: "Attendance by organisation",
    org_columns: ["Organisation", "Representative", "Present / apologies"],
    columns: ["Item", "Title / comments / proposed decision"],
    kl: "At",
    presenter: "Presenter",
    comments: "Comments:",
    proposal: "Proposed decision",
    vedtak: "Decision",
    continued: "continued",
    page: "Page",
    of: "of",
    withdrawn: "The item is withdrawn.",
    followup: "Follow-up",
    responsible: "responsible",
    frist: "deadline",
    end: "End",
    followups: "Follow-ups",
    previous_followups: "Follow-up actions from earlier meetings",
    previous_groups: ["Done", "Still open", "Dropped"],
    followup_columns: ["Item", "What", "Who", "Deadline"],
    timing: "Time used",
    timing_columns: ["Item", "Title", "Planned", "Actual", "Difference (min)"],
    came: |t| format!("arrived at {t}"),
    went: |t| format!("left at {t}"),
    came_back: |t| format!("came back at {t}"),
    minute_taker: "Minute-taker",
};

pub static HOME: HomeWords = HomeWords {
    config_ignored: |p| format!("{p}; the defaults are used"),
    config_file: "config file",
    log_file: "log",
    no_home: "(no home folder)",
    config_absent: "not there: the defaults",
    config_bad: "not read: the defaults are used",
    from_flag: "flag",
    from_config: "config file",
    from_agenda: "agenda",
    from_locale: "LANG",
    from_default: "default",
    not_set: "not set",
    keys_ignored: |p| format!("{p}; the built-in keys are used"),
    keys_file: "keys file",
    keys_unknown_context: |f, k| format!("unknown screen \"{f}\". The screens are: {k}"),
    keys_unknown_action: |c, f, k| format!("unknown action \"{f}\" in {c}. The actions there are: {k}"),
    keys_bad_key: |k| format!("\"{k}\" is not a key: write a character, or <name> such as <ret>, <up> or <C-s>"),
    keys_no_key: |a| format!("{a} gets no key: write at least one"),
    keys_clash: |c, k, a, b| format!("\"{k}\" in {c} would mean both {a} and {b}: give one of them another key"),
    warning_mark: "⚠",
    plain_next: "Next",
    plain_selected: "Selected",
    plain_notes: "Comments",
    plain_said: "Said",
    said_started: |item, m| {
        if m == 0 { format!("Now: {item}, no timebox.") } else { format!("Now: {item}, timebox {m} min.") }
    },
    said_warning: |m| format!("Warning: 80 % of the time is used, {m} min left."),
    said_overrun: "Time is up: the item is past its timebox.",
    said_paused: "The clock is stopped.",
    said_resumed: "The clock runs again.",
    said_filed: |what, item| format!("{what} filed on {item}."),
    said_note: "Comment",
    said_vedtak: "Decision",
    said_followup: "Follow-up",
    said_taken_up: |what, status| {
        let word = match status {
            Some(Status::Done) => "done",
            Some(Status::Carried) => "still open, on to the next meeting",
            Some(Status::Dropped) => "dropped",
            None => "not marked",
        };
        format!("From an earlier meeting, \"{what}\": {word}.")
    },
    said_saved_again: "Everything is saved again.",
};

pub static NEXT: NextWords = NextWords {
    draft: DraftWords {
        innkalling_title: "Approval of the notice and agenda",
        innkalling_proposal: "The notice and agenda are approved.",
        referat_title: |d| format!("Approval of the minutes of the meeting of {d}"),
        referat_proposal: "The minutes are approved.",
        postponed_from: |d, n| {
            if n.is_empty() {
                format!("Postponed from the meeting of {d}.")
            } else {
                format!("Postponed from the meeting of {d}, item {n}.")
            }
        },
        comes_back_from: |d, n| {
            if n.is_empty() {
                format!("Comes back from the meeting of {d}.")
            } else {
                format!("Comes back from the meeting of {d}, item {n}.")
            }
        },
        followups_title: "Follow-up actions from earlier meetings",
        followup_line: |what, who, frist, from| {
            let mut line = format!("- {what}");
            if let Some(who) = who {
                line.push_str(&format!(" (responsible: {who})"));
            }
            if let Some(frist) = frist {
                line.push_str(&format!(", due {frist}"));
            }
            line.push_str(&format!(" – {from}"));
            line
        },
        from_meeting: |d, n| match n {
            Some(n) => format!("meeting of {d}, item {n}"),
            None => format!("meeting of {d}"),
        },
        aob: "Any other business",
    },
    header: |s, d| {
        format!(
            "Draft agenda of the next meeting, made by `referent next` from {s} (the meeting of {d}). Read it, edit it and run `referent check` before the notice goes out."
        )
    },
    roster: |d| {
        format!(
            "The roster of the meeting of {d}, with those who joined during it; attendance and apologies are reset."
        )
    },
    numbering: |d| format!("Item numbers go on after the last one used in the meeting of {d}."),
    origin: |o| match o {
        Origin::Innkalling | Origin::Aob => "standing item".to_string(),
        Origin::Referat(d) => format!("the minutes of the meeting of {}", d.short()),
        Origin::Carried { day, number, state, comes_back } => {
            let what = match (state, comes_back) {
                (ItemState::Postponed, _) => "postponed",
                (ItemState::Withdrawn, true) => "withdrawn, comes back",
                (_, _) => "comes back",
            };
            match number {
                Some(n) => format!("from the meeting of {}, item {n} ({what})", day.short()),
                None => format!("from the meeting of {} ({what})", day.short()),
            }
        }
        Origin::FollowUps { count } => format!("follow-up actions still open: {count}"),
    },
    written: |p| format!("Written to {p}: read it, edit it and run `referent check {p}`"),
    bad_date: |t| format!("\"{t}\" is not a date: write YYYY-MM-DD, like 2025-09-16"),
    date_not_after: |d, m| format!("the next meeting ({d}) must be after the session's meeting ({m}): give --date"),
    not_a_session: |s| format!("this is an agenda, not a session: give the meeting's session (like {s})"),
    out_is_link: "a symbolic link is where the draft would be written; it is not followed: choose another name",
    no_folder: |r| format!("cannot read the folder: {r}"),
    skipped: |f| format!("{f}: skipped, the session cannot be read (see `referent check {f}`)"),
    none_open: "No open follow-up actions.",
    columns: ["What", "Responsible", "Due", "Meeting"],
    overdue: "overdue",
    unknown_format: |f| format!("unknown format \"{f}\": choose text, md or csv"),
};

pub static CHAIR: ChairWords = ChairWords {
    not_started: "The meeting has not started",
    next: "Next",
    break_ends: |at| format!("the break ends at {at}"),
    break_over: |at| format!("the break should have ended at {at}"),
    catch_up: |found, over, short, breaks, cuts| {
        let pauses = if breaks { ", the breaks too" } else { "" };
        match short {
            0 => format!("To end on time: shorten {cuts}{pauses}"),
            s => format!("Shorten {cuts}{pauses}: {found} of {over} min caught up, still {s} min over"),
        }
    },
    done: "done",
    now: "now",
    postponed: "postponed",
    withdrawn: "withdrawn",
    read_only: "view only: changes nothing",
    gone: |p| format!("The meeting is gone: {p} is no longer there (waiting for it to come back)"),
    unreadable: |p, why| format!("{p} cannot be read: {why}"),
    moved: |to| format!("The meeting moved to {to}"),
    no_session: |p| format!("{p}: no meeting file to follow (a meeting that has started has NAME.session.ron)"),
    chair_page: "Chair",
    room_page: "Room",
    saksliste: "Agenda",
    reconnecting: "Connection lost: reconnecting …",
    serving: |page, url| format!("Web view, {page}: {url}"),
    bad_address: |a| {
        format!(
            "\"{a}\" is not an address to listen on: write PORT, ADDRESS:PORT or [IPv6]:PORT, such as 8080 or 0.0.0.0:8080"
        )
    },
    cannot_serve: |a, why| format!("cannot listen on {a}: {why}"),
};
