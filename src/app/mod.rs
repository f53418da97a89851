//! The app core: the live meeting's state on screen and what each key does to it. No
//! terminal, no files, no clock: `App::update(Input, now)` turns keys into commands on the
//! session (`Session::apply`), keeps the mode stack, selection, messages and undo, and
//! says what it asks of the shell (`Effects`).

pub mod chair;
pub mod editor;
pub mod forms;
pub mod herald;
pub mod history;
pub mod key;
pub mod keymap;
pub mod picker;
pub mod roster;
pub mod typing;
pub mod wrap;

use std::path::PathBuf;

use crate::store::autosave::{Failure, SaveState};

use key::Key;
use ratatui_textarea::TextArea;

use crate::domain::agenda::{Person, Role, SakKind};
use crate::domain::attendance::{Attendance, Presence};
use crate::domain::command::{Applied, Changes, Command, Touched};
use crate::domain::previous::Status;
use crate::domain::schedule::Schedule;
use crate::domain::session::{Refusal, Session};
use crate::domain::time::Stamp;
use crate::domain::timeline::Entry;
use crate::domain::vedtak::{Outcome, Votes};
use crate::i18n::Words;
use crate::theme::Theme;
use editor::{Editor, Target};
use forms::FollowUpForm;
use history::History;
use keymap::{Action, Context};
use picker::{PickFor, Picker, Value};

/// What has the keys.
pub enum Mode {
    Normal,
    /// The notes of the selected sak, one selected.
    Notes,
    Help,
    Confirm(Confirm),
    Prompt(Box<Prompt>),
    Editor(Box<Editor>),
    Picker(Box<Picker>),
    Form(Box<FollowUpForm>),
    FollowUps {
        selected: usize,
    },
    /// The selected sak's papers, scrolled this many rows.
    Sak {
        scroll: u16,
    },
    /// The roster; the person selected is `App::roster_selected`.
    Attendance,
    /// The roster's search line: the list narrowed to who matches.
    RosterSearch(Box<roster::Search>),
}

/// A question that needs a yes before it is done.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Confirm {
    Quit,
    CloseMeeting,
    /// Starting the meeting on a day that is not the agenda's (`go_to`: at that item).
    StartToday {
        go_to: Option<usize>,
    },
    /// `n` would leave saker behind that were never taken up.
    PassUntreated,
    /// A key that moves the meeting on, pressed in the middle of typing (`key` is what
    /// it would have written).
    WhileTyping {
        action: Action,
        key: char,
    },
}

/// A one-line input.
pub struct Prompt {
    pub purpose: Purpose,
    pub input: TextArea<'static>,
    /// The kind of a new sak, changed with Tab.
    pub kind: SakKind,
    /// The role of a person added, changed with Tab.
    pub role: Role,
    pub error: Option<String>,
    /// Opened from the timeline (the votes of a decision chosen there): back to it after.
    pub from_notes: bool,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Purpose {
    AddSak,
    Title(usize),
    Timebox(usize),
    /// The label of a partial decision on a sak.
    Label(usize),
    /// What a decision is postponed to: (item, decision).
    Until(usize, usize),
    Votes(usize, usize),
    /// Arrival and departure of a person.
    Times(usize),
    AddPerson,
    /// Another place for the session file, when saving fails.
    SaveElsewhere,
}

/// What comes in from the user.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Input {
    Key(Key),
    /// Text pasted into the terminal (bracketed paste).
    Paste(String),
    /// The terminal is this many columns wide now (at the start, and when it changes):
    /// the editor's text is wrapped, and moved through by rows, at that width.
    Width(u16),
    /// No key for `typing::QUIET_AFTER`: whatever was being typed is over.
    Quiet,
}

/// What an input asks of the shell. (What it changed in the session the app keeps until
/// the shell records it: `Recorded::record`, the only way to a frame.)
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Effects {
    pub quit: bool,
    /// Save the session at this place from now on (empty: the place offered); the
    /// shell answers with `App::moved`.
    pub save_elsewhere: Option<String>,
}

pub struct App {
    pub session: Session,
    /// The plan of the agenda as it stands; recomputed when the agenda changes.
    pub schedule: Schedule,
    /// The item shown: its notes, its vedtak; follows the current item as the meeting walks.
    pub selected: usize,
    /// The person selected on the attendance screen (an index into the agenda's people),
    /// kept while the screen is closed.
    pub roster_selected: usize,
    pub note_selected: usize,
    pub mode: Mode,
    /// How saving goes, as the shell last said.
    pub saved: SaveState,
    /// Where to offer to save the session when saving fails (set by the shell).
    pub elsewhere: String,
    /// The web pages being served (`--serve`): where, as said on the help screen.
    pub web: Vec<String>,
    /// The chair's page as a QR code, for a phone (when the pages are on the network).
    pub web_code: Vec<String>,
    /// A short message for the footer (a refusal, a warning, a hint).
    pub message: Option<String>,
    pub words: &'static Words,
    pub theme: Theme,
    /// The keys in effect: the table, with a user's overrides.
    pub keymap: keymap::Keymap,
    /// The plain screen, for screen readers and braille displays.
    pub plain: bool,
    /// The last changes of state, each said as a sentence (`herald`), the last last.
    pub said: Vec<String>,
    /// The state of the meeting as `observe` last saw it.
    watched: Option<herald::Watched>,
    pub quit: bool,
    pub help_scroll: u16,
    /// How wide the terminal is, as the shell last said.
    width: u16,
    history: History,
    /// What changed since the shell last recorded it.
    changes: Changes,
    /// A place asked for in the save-elsewhere prompt, for the shell.
    move_to: Option<String>,
    /// In the middle of typing: letters are text, keys that move the meeting on ask.
    typing: bool,
    /// The saker not taken up that `n` was last told to leave behind (not asked again).
    passed: Vec<usize>,
}

impl App {
    pub fn new(session: Session, words: &'static Words, theme: Theme) -> App {
        let schedule = session.schedule();
        let selected = App::first_shown(&session);
        App {
            session,
            schedule,
            selected,
            roster_selected: 0,
            note_selected: 0,
            mode: Mode::Normal,
            saved: SaveState::Saved,
            elsewhere: String::new(),
            web: Vec::new(),
            web_code: Vec::new(),
            message: None,
            words,
            theme,
            keymap: keymap::Keymap::default(),
            plain: false,
            said: Vec::new(),
            watched: None,
            quit: false,
            help_scroll: 0,
            width: u16::MAX,
            history: History::default(),
            changes: Changes::default(),
            move_to: None,
            typing: false,
            passed: Vec::new(),
        }
    }

    /// The item shown when a session opens: the one under way, else the first.
    pub fn first_shown(session: &Session) -> usize {
        session.record.current.unwrap_or(0)
    }

    /// What changed since the shell last recorded it.
    pub fn peek_touched(&self) -> Touched {
        self.changes.touched
    }

    /// What changed since it was last asked: the shell saves it before drawing.
    pub fn take_touched(&mut self) -> Touched {
        self.take_changes().touched
    }

    /// What changed since it was last asked, and the commands that did it: for the shell
    /// to save before drawing.
    pub fn take_changes(&mut self) -> Changes {
        std::mem::take(&mut self.changes)
    }

    /// True once after every change of the session.
    #[cfg(test)]
    pub fn take_changed(&mut self) -> bool {
        self.take_touched() != Touched::Nothing
    }

    /// Whether `action` means something where the keys are now: the footer shows only
    /// those (Tab changes a kind or role only in the prompts that have one; the vedtak
    /// editor has no note kind and no speaker).
    pub fn offers(&self, action: Action) -> bool {
        match (&self.mode, action) {
            (Mode::Prompt(p), Action::NextKind) => matches!(p.purpose, Purpose::AddSak | Purpose::AddPerson),
            (Mode::Editor(e), Action::CycleKind | Action::PickSpeaker) => matches!(e.target, Target::Note { .. }),
            _ => true,
        }
    }

    pub fn context(&self) -> Context {
        match self.mode {
            Mode::Normal => Context::Main,
            Mode::Notes => Context::Notes,
            Mode::Help => Context::Help,
            Mode::Confirm(Confirm::WhileTyping { .. }) => Context::Typing,
            Mode::Confirm(_) => Context::Confirm,
            Mode::Prompt(_) => Context::Prompt,
            Mode::Editor(_) => Context::Editor,
            Mode::Picker(_) => Context::Picker,
            Mode::Form(_) => Context::Form,
            Mode::FollowUps { .. } => Context::FollowUps,
            Mode::Sak { .. } => Context::Sak,
            Mode::Attendance => Context::Attendance,
            Mode::RosterSearch(_) => Context::RosterSearch,
        }
    }

    /// Handles one input: what it asks of the shell.
    pub fn update(&mut self, input: Input, now: Stamp) -> Effects {
        match input {
            Input::Key(key) => self.key(key, now),
            Input::Paste(text) => self.paste(&text, now),
            Input::Quiet => self.quiet(),
            Input::Width(width) => {
                self.width = width;
                if let Mode::Editor(e) = &mut self.mode {
                    e.width = width;
                }
                if let Mode::Picker(p) = &mut self.mode
                    && let Mode::Editor(e) = &mut p.back
                {
                    e.width = width;
                }
            }
        }
        Effects { quit: std::mem::take(&mut self.quit), save_elsewhere: self.move_to.take() }
    }

    /// The shell's answer to `Effects::save_elsewhere`: where the session is saved now,
    /// or why not (the prompt stays open to try another place).
    pub fn moved(&mut self, result: Result<PathBuf, Failure>) {
        match result {
            Ok(path) => {
                self.saved = SaveState::Saved;
                if matches!(&self.mode, Mode::Prompt(p) if p.purpose == Purpose::SaveElsewhere) {
                    self.mode = Mode::Normal;
                }
                self.message = Some((self.words.saved_at)(&path.display().to_string()));
            }
            Err(reason) => {
                let reason = self.words.failure(&reason);
                if let Mode::Prompt(prompt) = &mut self.mode {
                    prompt.error = Some((self.words.cannot_save_there)(&reason));
                }
            }
        }
    }

    /// Handles one key press.
    pub fn key(&mut self, key: Key, now: Stamp) {
        if self.typed(key, now) {
            return;
        }
        match self.keymap.action(self.context(), key) {
            Some(action) => self.act(action, now),
            None => self.type_key(key, now),
        }
    }

    /// A key that is no action: text for whatever input has the keys.
    fn type_key(&mut self, key: Key, now: Stamp) {
        match &mut self.mode {
            Mode::Prompt(p) => {
                p.input.input(ratatui_textarea::Input::from(key));
                p.error = None;
            }
            Mode::Editor(e) => {
                let typed = e.input(key);
                if typed {
                    self.typing = true;
                    self.sync_draft(now);
                }
            }
            Mode::Picker(p) => {
                let typed = p.query.input(ratatui_textarea::Input::from(key));
                if typed {
                    p.refresh();
                }
            }
            Mode::RosterSearch(search) => {
                let typed = search.query.input(ratatui_textarea::Input::from(key));
                if typed {
                    search.refresh(&self.session);
                }
            }
            Mode::Form(f) => {
                let focus = f.focus;
                if f.fields[focus].input(ratatui_textarea::Input::from(key)) {
                    f.problem = None;
                }
            }
            _ => {}
        }
    }

    /// Text pasted into the terminal (bracketed paste): one edit in whatever has the keys.
    pub fn paste(&mut self, text: &str, now: Stamp) {
        let one_line = || crate::domain::text::one_line(text);
        match &mut self.mode {
            Mode::Prompt(p) => {
                p.input.insert_str(one_line());
            }
            Mode::Editor(e) => {
                e.area.insert_str(crate::domain::text::clean(text));
                self.sync_draft(now);
            }
            Mode::Picker(p) => {
                p.query.insert_str(one_line());
                p.refresh();
            }
            Mode::RosterSearch(search) => {
                search.query.insert_str(one_line());
                search.refresh(&self.session);
            }
            Mode::Form(f) => {
                let focus = f.focus;
                f.fields[focus].insert_str(one_line());
            }
            _ => {}
        }
    }

    fn len(&self) -> usize {
        self.session.agenda.items.len()
    }

    /// The selected item, within bounds.
    fn sel(&self) -> usize {
        self.selected.min(self.len().saturating_sub(1))
    }

    pub fn act(&mut self, action: Action, now: Stamp) {
        self.message = None;
        match self.context() {
            Context::Main => self.act_main(action, now),
            Context::Notes => self.act_notes(action, now),
            Context::Help => self.act_help(action),
            Context::Confirm | Context::Typing => self.act_confirm(action, now),
            Context::Prompt => self.act_prompt(action, now),
            Context::Editor => self.act_editor(action, now),
            Context::Picker => self.act_picker(action, now),
            Context::Form => self.act_form(action, now),
            Context::FollowUps => self.act_followups(action, now),
            Context::Attendance => self.act_attendance(action, now),
            Context::Sak => self.act_sak(action),
            Context::RosterSearch => self.act_roster_search(action, now),
            // (`referent follow` has its own loop: the live app is never in it.)
            Context::Follow => {}
        }
    }

    fn act_main(&mut self, action: Action, now: Stamp) {
        let (len, sel) = (self.len(), self.sel());
        match action {
            Action::Next => self.next(now),
            Action::GoToSelected if len > 0 => self.go_to(sel, now),
            Action::Pause => self.walk(Command::TogglePause, now),
            Action::Break => self.walk(Command::Break { title: self.words.a_break.to_string() }, now),
            Action::CloseMeeting => {
                if self.session.is_running() {
                    self.mode = Mode::Confirm(Confirm::CloseMeeting);
                } else {
                    self.refuse(if self.session.record.started.is_none() {
                        Refusal::NotStarted
                    } else {
                        Refusal::Ended
                    });
                }
            }
            Action::SelectUp => self.select(sel.saturating_sub(1)),
            Action::SelectDown => self.select((sel + 1).min(len.saturating_sub(1))),
            Action::SelectFirst => self.select(0),
            Action::SelectLast => self.select(len.saturating_sub(1)),
            Action::SelectCurrent => self.select(self.session.record.current.unwrap_or(sel)),
            Action::AddSak => self.open_prompt(Purpose::AddSak, String::new()),
            Action::SaveElsewhere => {
                let suggestion = self.elsewhere.clone();
                self.open_prompt(Purpose::SaveElsewhere, String::new());
                if let Mode::Prompt(p) = &mut self.mode {
                    // Enter on an empty line takes it.
                    p.input.set_placeholder_text(suggestion);
                }
            }
            Action::EditTitle if len > 0 => {
                let title = self.session.agenda.items[sel].title().to_string();
                self.open_prompt(Purpose::Title(sel), title);
            }
            Action::EditTimebox if len > 0 => {
                let minutes = self.session.agenda.items[sel].minutes().map(|m| m.to_string()).unwrap_or_default();
                self.open_prompt(Purpose::Timebox(sel), minutes);
            }
            Action::MoveUp | Action::MoveDown if len > 0 => {
                let command = Command::MoveItem { item: sel, up: action == Action::MoveUp };
                if let Some(Applied { made: Some(to), .. }) = self.run(command, now) {
                    self.selected = to;
                }
            }
            Action::Postpone => {
                self.run(Command::TogglePostponed(sel), now);
            }
            Action::ComesBack => {
                self.run(Command::ToggleComesBack(sel), now);
            }
            Action::Withdraw => {
                self.run(Command::ToggleWithdrawn(sel), now);
            }
            Action::OpenNote if len > 0 => self.open_note_editor(sel, now),
            Action::FocusNotes if len > 0 => {
                let count = self.session.agenda.items[sel].record().entries.len();
                if count == 0 {
                    self.message = Some(self.words.no_notes.to_string());
                } else {
                    self.note_selected = count - 1;
                    self.mode = Mode::Notes;
                }
            }
            Action::AdoptProposal if len > 0 => self.decide(Command::AdoptProposal(sel), now),
            Action::AmendProposal if len > 0 => {
                let text = self.session.proposal(sel).unwrap_or_default().to_string();
                self.open_vedtak_editor(sel, None, &text, now);
            }
            Action::PartialDecision if self.is_sak(sel) => {
                if self.session.agenda.items[sel].record().vedtak_draft.is_some() {
                    self.open_vedtak_editor(sel, None, "", now);
                } else {
                    self.open_prompt(Purpose::Label(sel), String::new());
                }
            }
            Action::SetOutcome if self.is_sak(sel) => {
                let choices = picker::outcomes(self.words);
                self.mode = Mode::Picker(Box::new(Picker::new(PickFor::Outcome(sel, None), choices, Mode::Normal)));
            }
            Action::SetVotes if len > 0 => match self.session.agenda.items[sel].record().last_decision() {
                None => self.message = Some(self.words.no_decision.to_string()),
                Some(index) => self.open_votes(sel, index, false),
            },
            Action::AddFollowUp if len > 0 => self.mode = Mode::Form(Box::new(FollowUpForm::new(sel))),
            Action::ShowFollowUps => self.mode = Mode::FollowUps { selected: 0 },
            Action::ShowSak if len > 0 => self.mode = Mode::Sak { scroll: 0 },
            Action::CatchUp => self.catch_up(now),
            Action::ShowAttendance => self.mode = Mode::Attendance,
            Action::Undo => self.undo(),
            Action::Redo => self.redo(),
            Action::Help => {
                self.help_scroll = 0;
                self.mode = Mode::Help;
            }
            Action::Quit => {
                if self.session.is_running() || matches!(self.saved, SaveState::Failed(_)) {
                    self.mode = Mode::Confirm(Confirm::Quit);
                } else {
                    self.quit = true;
                }
            }
            Action::ForceQuit => self.quit = true,
            _ => {}
        }
    }

    fn act_notes(&mut self, action: Action, now: Stamp) {
        let sel = self.sel();
        let Some(record) = self.session.record_of(sel) else {
            // The sak went (an undo took it): nothing to look at.
            self.mode = Mode::Normal;
            return;
        };
        let count = record.entries.len();
        let i = self.note_selected.min(count.saturating_sub(1));
        let entry = record.entries.get(i).cloned();
        match action {
            Action::SelectUp => self.note_selected = i.saturating_sub(1),
            Action::SelectDown => self.note_selected = (i + 1).min(count.saturating_sub(1)),
            Action::EditNote => match entry {
                Some(Entry::Note(_)) => {
                    // (Refused when another note is half written: that one is opened.)
                    self.run(Command::EditNote { item: sel, index: i }, now);
                    self.open_editor_on_draft(sel);
                }
                Some(Entry::Decision(_)) => {
                    // (Refused when another vedtak is half written: that one is opened.)
                    self.run(Command::EditDecision { item: sel, index: i }, now);
                    self.open_editor_on_vedtak_draft(sel);
                }
                Some(Entry::FollowUp(f)) => {
                    let mut form = FollowUpForm::editing(sel, i, &f);
                    form.from_notes = true;
                    self.mode = Mode::Form(Box::new(form));
                }
                Some(Entry::Presence(_)) => self.message = Some(self.words.presence_in_attendance.to_string()),
                None => {}
            },
            Action::DeleteNote => {
                let Some(entry) = entry else { return };
                if matches!(entry, Entry::Presence(_)) {
                    // (The attendance has the times; the entry says where they are told.)
                    self.message = Some(self.words.presence_in_attendance.to_string());
                    return;
                }
                if self.run(Command::DeleteEntry { item: sel, index: i }, now).is_some() {
                    let kind = match entry {
                        Entry::Note(_) => 0,
                        Entry::Decision(_) => 1,
                        Entry::FollowUp(_) | Entry::Presence(_) => 2,
                    };
                    self.message = Some(self.words.deleted[kind].to_string());
                    if count == 1 {
                        self.mode = Mode::Normal;
                    }
                }
            }
            // The outcome of the decision chosen in the timeline, not only the last.
            Action::SetOutcome if matches!(entry, Some(Entry::Decision(_))) => {
                let choices = picker::outcomes(self.words);
                self.mode = Mode::Picker(Box::new(Picker::new(PickFor::Outcome(sel, Some(i)), choices, Mode::Notes)));
            }
            // The votes of the decision chosen in the timeline, shown to be corrected.
            Action::SetVotes if matches!(entry, Some(Entry::Decision(_))) => self.open_votes(sel, i, true),
            Action::MoveUp | Action::MoveDown if count > 0 => {
                let command = Command::MoveEntry { item: sel, index: i, up: action == Action::MoveUp };
                if let Some(Applied { made: Some(to), .. }) = self.run(command, now) {
                    self.note_selected = to;
                }
            }
            Action::OpenNote => self.open_note_editor(sel, now),
            Action::Undo => self.undo(),
            Action::Cancel => self.mode = Mode::Normal,
            Action::ForceQuit => self.quit = true,
            _ => {}
        }
    }

    fn act_sak(&mut self, action: Action) {
        let Mode::Sak { scroll } = &mut self.mode else { return };
        match action {
            Action::SelectUp => *scroll = scroll.saturating_sub(1),
            Action::SelectDown => *scroll = scroll.saturating_add(1),
            Action::Cancel => self.mode = Mode::Normal,
            Action::ForceQuit => self.quit = true,
            _ => {}
        }
    }

    fn act_help(&mut self, action: Action) {
        match action {
            Action::SelectUp => self.help_scroll = self.help_scroll.saturating_sub(1),
            Action::SelectDown => self.help_scroll = self.help_scroll.saturating_add(1),
            Action::Cancel => self.mode = Mode::Normal,
            Action::ForceQuit => self.quit = true,
            _ => {}
        }
    }

    fn act_confirm(&mut self, action: Action, now: Stamp) {
        let Mode::Confirm(confirm) = self.mode else { return };
        match action {
            Action::Yes => {
                self.mode = Mode::Normal;
                match confirm {
                    Confirm::Quit => self.quit = true,
                    Confirm::CloseMeeting => self.walk(Command::Close, now),
                    Confirm::StartToday { go_to: None } => self.walk(Command::Next, now),
                    Confirm::StartToday { go_to: Some(i) } => self.walk(Command::GoTo(i), now),
                    Confirm::PassUntreated => {
                        self.passed = self.left_behind();
                        self.walk(Command::Next, now);
                    }
                    Confirm::WhileTyping { action, .. } => {
                        self.typing = false;
                        self.act_main(action, now);
                    }
                }
            }
            Action::No => self.mode = Mode::Normal,
            Action::SaveElsewhere => {
                self.mode = Mode::Normal;
                self.act_main(Action::SaveElsewhere, now);
            }
            Action::ForceQuit => self.quit = true,
            _ => {}
        }
    }

    fn act_prompt(&mut self, action: Action, now: Stamp) {
        match action {
            Action::Submit => self.submit_prompt(now),
            Action::ClearInput => {
                if let Mode::Prompt(p) = &mut self.mode {
                    p.input.clear();
                    p.error = None;
                }
            }
            Action::Cancel => self.mode = self.prompt_return(),
            Action::NextKind => match &mut self.mode {
                Mode::Prompt(p) if p.purpose == Purpose::AddSak => {
                    let i = SakKind::ALL.iter().position(|k| *k == p.kind).unwrap_or(0);
                    p.kind = SakKind::ALL[(i + 1) % SakKind::ALL.len()];
                }
                Mode::Prompt(p) if p.purpose == Purpose::AddPerson => p.role = p.role.next_added(),
                _ => {}
            },
            Action::ForceQuit => self.quit = true,
            _ => {}
        }
    }

    /// Where a prompt goes back to.
    fn prompt_return(&self) -> Mode {
        match &self.mode {
            Mode::Prompt(p) if matches!(p.purpose, Purpose::Times(_) | Purpose::AddPerson) => Mode::Attendance,
            Mode::Prompt(p) if p.from_notes => Mode::Notes,
            _ => Mode::Normal,
        }
    }

    fn act_editor(&mut self, action: Action, now: Stamp) {
        let Mode::Editor(editor) = &mut self.mode else { return };
        match action {
            Action::Newline => {
                editor.area.insert_newline();
                self.sync_draft(now);
            }
            Action::CycleKind => {
                if matches!(editor.target, Target::Note { .. }) {
                    editor.kind = editor.kind.next();
                    self.sync_draft(now);
                }
            }
            Action::Undo => {
                editor.area.undo();
                self.sync_draft(now);
            }
            Action::Redo => {
                editor.area.redo();
                self.sync_draft(now);
            }
            Action::PickSpeaker if matches!(editor.target, Target::Note { .. }) => {
                let choices = picker::speakers(&self.session, self.words);
                let back = std::mem::replace(&mut self.mode, Mode::Normal);
                self.mode = Mode::Picker(Box::new(Picker::new(PickFor::Speaker, choices, back)));
            }
            Action::PickPhrase => {
                let choices = picker::phrases(&self.session, self.words);
                let back = std::mem::replace(&mut self.mode, Mode::Normal);
                self.mode = Mode::Picker(Box::new(Picker::new(PickFor::Phrase, choices, back)));
            }
            Action::SaveAndNext => match editor.target.clone() {
                Target::Note { item } => {
                    let was_edit = editor.editing.is_some();
                    self.sync_draft(now);
                    if let Some(Applied { made: Some(i), .. }) = self.run(Command::CommitDraft(item), now) {
                        self.note_selected = i;
                    }
                    if was_edit {
                        self.mode = Mode::Notes;
                    } else {
                        self.open_note_editor(item, now);
                    }
                }
                Target::Decision { item, label } => {
                    let text = editor.text();
                    if text.trim().is_empty() {
                        self.message = Some(self.words.decision_needed.to_string());
                        return;
                    }
                    let editing =
                        self.session.record_of(item).and_then(|r| r.vedtak_draft.as_ref()).and_then(|d| d.editing);
                    if let Some(index) = editing {
                        self.mode = Mode::Notes;
                        self.run(Command::ReviseDecision { item, index, text }, now);
                    } else {
                        self.mode = Mode::Normal;
                        self.decide(Command::Decide { item, label, text, outcome: Outcome::Adopted }, now);
                    }
                }
            },
            Action::CloseEditor => match editor.target.clone() {
                Target::Note { item } => {
                    let was_edit = editor.editing.is_some();
                    self.sync_draft(now);
                    self.run(Command::CommitDraft(item), now);
                    self.mode = if was_edit { Mode::Notes } else { Mode::Normal };
                }
                Target::Decision { item, .. } => {
                    // (A decision being changed is left as it was, among the notes.)
                    let editing =
                        self.session.record_of(item).and_then(|r| r.vedtak_draft.as_ref()).and_then(|d| d.editing);
                    self.mode = if editing.is_some() { Mode::Notes } else { Mode::Normal };
                    self.run(Command::CloseVedtakDraft(item), now);
                }
            },
            Action::ForceQuit => {
                self.sync_draft(now);
                self.quit = true;
            }
            _ => {}
        }
    }

    fn act_picker(&mut self, action: Action, now: Stamp) {
        let Mode::Picker(picker) = &mut self.mode else { return };
        match action {
            Action::ClearInput => {
                picker.query.clear();
                picker.refresh();
            }
            Action::SelectUp => picker.selected = picker.selected.saturating_sub(1),
            Action::SelectDown => picker.selected = (picker.selected + 1).min(picker.rows().saturating_sub(1)),
            Action::Cancel => {
                let picker = self.take_picker();
                self.mode = picker.back;
            }
            Action::Submit => {
                let picker = self.take_picker();
                let value = picker.picked();
                self.mode = picker.back;
                if let Some(value) = value {
                    self.use_picked(picker.purpose, value, now);
                }
            }
            Action::ForceQuit => self.quit = true,
            _ => {}
        }
    }

    fn take_picker(&mut self) -> Picker {
        match std::mem::replace(&mut self.mode, Mode::Normal) {
            Mode::Picker(p) => *p,
            other => {
                self.mode = other;
                Picker::new(PickFor::Phrase, Vec::new(), Mode::Normal)
            }
        }
    }

    fn use_picked(&mut self, purpose: PickFor, value: Value, now: Stamp) {
        match (purpose, value, &mut self.mode) {
            (PickFor::Speaker, Value::Speaker(s), Mode::Editor(e)) => {
                e.speaker = Some(s);
                self.sync_draft(now);
            }
            (PickFor::Phrase, Value::Text(t), Mode::Editor(e)) => {
                e.area.insert_str(t);
                self.sync_draft(now);
            }
            (PickFor::Who, Value::Text(t), Mode::Form(f)) => f.set_value(forms::WHO, &t),
            (PickFor::Outcome(item, chosen), Value::Outcome(outcome), _) => {
                let command = match chosen.or_else(|| self.session.agenda.items[item].record().last_decision()) {
                    None => {
                        let text = self.session.proposal(item).unwrap_or_default().to_string();
                        Command::Decide { item, label: None, text, outcome }
                    }
                    Some(index) => Command::SetOutcome { item, index, outcome, until: None },
                };
                let Some(applied) = self.run(command, now) else { return };
                if outcome == Outcome::Postponed
                    && let Some(index) = applied.made.or(self.session.agenda.items[item].record().last_decision())
                {
                    self.open_prompt(Purpose::Until(item, index), String::new());
                }
                if matches!(outcome, Outcome::Adopted | Outcome::AdoptedAmended | Outcome::Rejected) {
                    self.warn_quorum();
                }
                if let Some(index) = chosen.or_else(|| self.session.agenda.items[item].record().last_decision()) {
                    self.warn_votes(item, index);
                }
            }
            _ => {}
        }
    }

    fn act_form(&mut self, action: Action, now: Stamp) {
        let Mode::Form(form) = &mut self.mode else { return };
        match action {
            Action::NextField => form.focus = (form.focus + 1) % 3,
            Action::ClearInput => {
                let focus = form.focus;
                form.fields[focus].clear();
                form.problem = None;
            }
            Action::PreviousField => form.focus = (form.focus + 2) % 3,
            Action::PickSpeaker => {
                let choices = picker::responsible(&self.session, self.words);
                let back = std::mem::replace(&mut self.mode, Mode::Normal);
                self.mode = Mode::Picker(Box::new(Picker::new(PickFor::Who, choices, back)));
            }
            Action::Submit => {
                let today = self.session.record.started.map_or(self.session.agenda.date, Stamp::day);
                match form.submit(today, now) {
                    Ok(followup) => {
                        let (item, editing) = (form.item, form.editing);
                        self.mode = form.back();
                        self.run(
                            match editing {
                                Some(index) => Command::ReplaceFollowUp { item, index, followup },
                                None => Command::AddFollowUp { item, followup },
                            },
                            now,
                        );
                    }
                    Err(problem) => form.problem = Some(problem),
                }
            }
            Action::Cancel => {
                self.mode = form.back();
            }
            Action::ForceQuit => self.quit = true,
            _ => {}
        }
    }

    fn act_followups(&mut self, action: Action, now: Stamp) {
        let Mode::FollowUps { selected } = self.mode else { return };
        // The follow-ups of the meeting before first, then this meeting's.
        let earlier = self.session.record.previous.len();
        let all: Vec<(usize, usize)> = self.session.followups().into_iter().map(|(i, k, _)| (i, k)).collect();
        let count = earlier + all.len();
        let i = selected.min(count.saturating_sub(1));
        let own = i.checked_sub(earlier).and_then(|k| all.get(k).copied());
        let mark = match action {
            Action::MarkDone => Some(Some(Status::Done)),
            Action::MarkCarried => Some(Some(Status::Carried)),
            Action::MarkDropped => Some(Some(Status::Dropped)),
            Action::Unmark => Some(None),
            _ => None,
        };
        match action {
            Action::SelectUp => self.mode = Mode::FollowUps { selected: i.saturating_sub(1) },
            Action::SelectDown => self.mode = Mode::FollowUps { selected: (i + 1).min(count.saturating_sub(1)) },
            Action::EditFollowUp | Action::DeleteFollowUp if i < earlier => {
                self.message = Some(self.words.previous_not_edited.to_string());
            }
            Action::EditFollowUp => {
                if let Some((item, k)) = own
                    && let Some(f) = self.session.agenda.items[item].record().entries[k].followup()
                {
                    self.mode = Mode::Form(Box::new(FollowUpForm::editing(item, k, f)));
                }
            }
            Action::DeleteFollowUp => {
                if let Some((item, index)) = own {
                    self.run(Command::DeleteFollowUp { item, index }, now);
                }
            }
            _ if mark.is_some() && i < earlier => {
                self.run(Command::MarkTakenUp { index: i, status: mark.flatten() }, now);
            }
            _ if mark.is_some() && own.is_some() => self.message = Some(self.words.only_previous_marked.to_string()),
            Action::Undo => self.undo(),
            Action::Cancel => self.mode = Mode::Normal,
            Action::ForceQuit => self.quit = true,
            _ => {}
        }
    }

    fn act_attendance(&mut self, action: Action, now: Stamp) {
        let order = roster::order(&self.session);
        let selected = roster::selected(&self.session, self.roster_selected);
        let pos = order.iter().position(|&p| Some(p) == selected).unwrap_or(0);
        match action {
            Action::SelectUp if !order.is_empty() => self.roster_selected = order[pos.saturating_sub(1)],
            Action::SelectDown if !order.is_empty() => self.roster_selected = order[(pos + 1).min(order.len() - 1)],
            Action::Search => {
                let search = roster::Search::new(&self.session, self.roster_selected);
                self.mode = Mode::RosterSearch(Box::new(search));
            }
            Action::AddPerson => self.open_prompt(Purpose::AddPerson, String::new()),
            Action::AllPresent => {
                self.run(Command::AllPresent, now);
            }
            Action::Undo => self.undo(),
            Action::Cancel => self.mode = Mode::Normal,
            Action::ForceQuit => self.quit = true,
            _ => {
                if let Some(&who) = order.get(pos) {
                    self.act_on_person(action, who, now);
                }
            }
        }
    }

    /// `n`: the next item, asking first when the meeting would start on another day than
    /// the agenda's, or when saker never taken up would be left behind.
    fn next(&mut self, now: Stamp) {
        if self.asked_to_start_today(None, now) {
            return;
        }
        let behind = self.left_behind();
        if self.session.is_running() && behind.iter().any(|i| !self.passed.contains(i)) {
            self.mode = Mode::Confirm(Confirm::PassUntreated);
            return;
        }
        self.walk(Command::Next, now);
    }

    /// `g`: takes up item `i`, asking first when the meeting would start on another day.
    fn go_to(&mut self, i: usize, now: Stamp) {
        if !self.asked_to_start_today(Some(i), now) {
            self.walk(Command::GoTo(i), now);
        }
    }

    /// Before the start, on a day that is not the agenda's: asks (true) whether to run the
    /// meeting today.
    fn asked_to_start_today(&mut self, go_to: Option<usize>, now: Stamp) -> bool {
        let ask = self.session.record.started.is_none() && self.session.agenda.date != now.day();
        if ask {
            self.mode = Mode::Confirm(Confirm::StartToday { go_to });
        }
        ask
    }

    /// The saker never taken up that `n` would leave behind it, in agenda order.
    pub fn left_behind(&self) -> Vec<usize> {
        if !self.session.is_running() {
            return Vec::new();
        }
        let to = self.session.next_item().unwrap_or(self.len());
        self.session.untreated().into_iter().filter(|&i| i < to).collect()
    }

    /// The search line: the keys that mark act on the person selected among those who
    /// match, and the search closes with them selected on the roster.
    fn act_roster_search(&mut self, action: Action, now: Stamp) {
        let Mode::RosterSearch(search) = &mut self.mode else { return };
        match action {
            Action::SelectUp => search.selected = search.selected.saturating_sub(1),
            Action::SelectDown => search.selected = (search.selected + 1).min(search.shown.len().saturating_sub(1)),
            Action::Cancel => {
                if let Some(who) = search.picked() {
                    self.roster_selected = who;
                }
                self.mode = Mode::Attendance;
            }
            Action::ForceQuit => self.quit = true,
            _ => match search.picked() {
                None => self.message = Some((self.words.no_one_matches)(&search.query_text())),
                Some(who) => {
                    self.roster_selected = who;
                    self.mode = Mode::Attendance;
                    self.act_on_person(action, who, now);
                }
            },
        }
    }

    /// What the attendance screen's keys do to person `who`.
    fn act_on_person(&mut self, action: Action, who: usize, now: Stamp) {
        let presence = match action {
            Action::MarkPresent => Presence::Present,
            Action::MarkApologies => Presence::Apologies,
            Action::MarkAbsent => Presence::Absent,
            Action::ToggleLeft => {
                self.run(Command::ToggleLeft(who), now);
                return;
            }
            Action::EditTimes => {
                let a = &self.session.agenda.people[who].attendance;
                if a.presence != Presence::Present {
                    return self.refuse(Refusal::NotPresent);
                }
                let text = roster::times_text(a);
                return self.open_prompt(Purpose::Times(who), text);
            }
            _ => return,
        };
        self.run(Command::SetPresence { who, presence }, now);
    }

    /// Whether item `i` is a sak; says why not when it is not.
    fn is_sak(&mut self, i: usize) -> bool {
        let sak = matches!(self.session.agenda.items.get(i), Some(crate::domain::agenda::Item::Sak(_)));
        if !sak {
            self.refuse(Refusal::NotASak);
        }
        sak
    }

    fn select(&mut self, i: usize) {
        if i != self.selected {
            self.note_selected = usize::MAX;
        }
        self.selected = i;
    }

    fn open_note_editor(&mut self, item: usize, now: Stamp) {
        if self.run(Command::OpenDraft(item), now).is_some() {
            self.open_editor_on_draft(item);
        }
    }

    /// On opening a session that was cut off while something was being written: the
    /// editor opens on it again (on the item shown first, else the first that has one).
    pub fn take_up_draft(&mut self) {
        if self.len() == 0 {
            return;
        }
        let written = |i: usize| {
            let record = self.session.agenda.items[i].record();
            (record.draft.is_some(), record.vedtak_draft.is_some())
        };
        let Some(i) = std::iter::once(self.sel()).chain(0..self.len()).find(|&i| written(i) != (false, false)) else {
            return;
        };
        self.selected = i;
        if written(i).0 {
            self.open_editor_on_draft(i);
        } else {
            self.open_editor_on_vedtak_draft(i);
        }
    }

    /// The editor on the note being written on `item`.
    fn open_editor_on_draft(&mut self, item: usize) {
        if let Some(draft) = self.session.record_of(item).and_then(|r| r.draft.as_ref()) {
            let mut editor = Editor::for_note(item, draft);
            editor.width = self.width;
            self.mode = Mode::Editor(Box::new(editor));
        }
    }

    /// A vedtak editor on item `item`, taking up a vedtak already begun there.
    fn open_vedtak_editor(&mut self, item: usize, label: Option<String>, text: &str, now: Stamp) {
        if self.run(Command::OpenVedtakDraft { item, label, text: text.to_string() }, now).is_some() {
            self.open_editor_on_vedtak_draft(item);
        }
    }

    /// The editor on the vedtak being written on `item`.
    fn open_editor_on_vedtak_draft(&mut self, item: usize) {
        if let Some(draft) = self.session.record_of(item).and_then(|r| r.vedtak_draft.as_ref()) {
            let mut editor = Editor::for_decision(item, draft.label.clone(), &draft.text);
            editor.width = self.width;
            self.mode = Mode::Editor(Box::new(editor));
        }
    }

    /// Copies the editor's text into the session's draft (saved before the next draw).
    fn sync_draft(&mut self, now: Stamp) {
        let Mode::Editor(editor) = &self.mode else { return };
        let command = match editor.target {
            Target::Note { item } => {
                Command::WriteDraft { item, text: editor.text(), kind: editor.kind, speaker: editor.speaker.clone() }
            }
            Target::Decision { item, .. } => Command::WriteVedtakDraft { item, text: editor.text() },
        };
        self.run(command, now);
    }

    /// Applies `command` to the session: the one place where the meeting changes. Undo is
    /// taken around it, what it touched is kept for the shell to save and draw, and a
    /// refusal is said in the footer (the session is then as it was).
    fn run(&mut self, command: Command, now: Stamp) -> Option<Applied> {
        let before = command.undoable().then(|| self.session.clone());
        let done = command.clone();
        match self.session.apply(command, now) {
            Ok(applied) => {
                if let Some(before) = before {
                    self.history.remember(before);
                }
                self.changes.applied(done, now, applied.touched);
                self.changed(applied.touched);
                Some(applied)
            }
            Err(refusal) => {
                self.refuse(refusal);
                None
            }
        }
    }

    /// A decision: deciding without a quorum is warned about.
    fn decide(&mut self, command: Command, now: Stamp) {
        if self.run(command, now).is_some() {
            self.warn_quorum();
        }
    }

    /// A step in the course of the meeting: the item now under way is shown.
    fn walk(&mut self, command: Command, now: Stamp) {
        let next = command == Command::Next;
        if self.run(command, now).is_none() {
            return;
        }
        match self.session.record.current {
            Some(c) => self.select(c),
            // The last item was finished by `n`: nothing is left to start.
            None if next && self.session.is_running() => self.refuse(Refusal::NothingLeft),
            None => {}
        }
    }

    /// The plan is made again when the agenda may have changed.
    fn changed(&mut self, touched: Touched) {
        if touched.agenda() {
            self.schedule = self.session.schedule();
            self.selected = self.sel();
        }
    }

    fn undo(&mut self) {
        if self.history.undo(&mut self.session) {
            self.changes.replaced();
            self.changed(Touched::Everything);
            self.leave_what_went();
            self.message = Some(self.words.undone.to_string());
        } else {
            self.message = Some(self.words.nothing_to_undo.to_string());
        }
    }

    fn redo(&mut self) {
        if self.history.redo(&mut self.session) {
            self.changes.replaced();
            self.changed(Touched::Everything);
            self.leave_what_went();
            self.message = Some(self.words.redone.to_string());
        } else {
            self.message = Some(self.words.nothing_to_redo.to_string());
        }
    }

    /// After an undo or redo: a list of notes that is no longer there is left.
    fn leave_what_went(&mut self) {
        let notes = self.session.record_of(self.sel()).map_or(0, |r| r.entries.len());
        if matches!(self.mode, Mode::Notes) && notes == 0 {
            self.mode = Mode::Normal;
        }
    }

    fn refuse(&mut self, refusal: Refusal) {
        self.message = Some((self.words.refusal)(refusal).to_string());
    }

    /// A warning, never a block: deciding without a quorum.
    /// A warning, never a block: votes that do not add up.
    fn warn_votes(&mut self, item: usize, index: usize) {
        if let Some(problem) = self.session.vote_problem(item, index) {
            self.message = Some((self.words.votes_warning)(problem));
        }
    }

    fn warn_quorum(&mut self) {
        let q = self.session.quorum();
        if let (Some(false), Some(needed)) = (q.quorate(), q.needed) {
            self.message = Some((self.words.not_quorate_warning)(q.present, needed));
        }
    }

    /// Accepts the proposal to end on time (as the screen shows it now): the timeboxes
    /// still to come shortened, as one step undo takes back.
    fn catch_up(&mut self, now: Stamp) {
        let Some(proposal) = self.session.catch_up_offer(&self.schedule, now) else {
            self.message = Some(match self.session.catch_up(&self.schedule, now, true) {
                Some(c) if c.short > 0 => (self.words.cannot_catch_up)(c.short),
                _ => self.words.nothing_to_catch_up.to_string(),
            });
            return;
        };
        // Every item still to come gets its timebox as a number, cut or not: a timebox
        // the schedule shared out would otherwise take back what the cuts freed.
        let cut = |i: usize| proposal.cuts.iter().find(|c| c.item == i).map(|c| c.to);
        let projection = self.session.projection(&self.schedule, now);
        let timeboxes = (0..self.session.agenda.items.len())
            .filter(|&i| projection.starts[i].is_some())
            .map(|i| (i, cut(i).unwrap_or(self.schedule.slots[i].minutes)))
            .collect();
        if self.run(Command::SetTimeboxes(timeboxes), now).is_some() {
            let found = proposal.cuts.iter().map(|c| c.from - c.to).sum();
            self.message = Some((self.words.caught_up)(found, proposal.short, proposal.breaks));
        }
    }

    /// The votes prompt for the decision at `index` of item `item`, holding its votes.
    fn open_votes(&mut self, item: usize, index: usize, from_notes: bool) {
        let record = self.session.agenda.items[item].record();
        let votes = record.entries.get(index).and_then(Entry::decision).and_then(|d| d.votes);
        self.open_prompt(Purpose::Votes(item, index), votes.map(|v| v.as_text()).unwrap_or_default());
        if let Mode::Prompt(p) = &mut self.mode {
            p.from_notes = from_notes;
            // (Selected: typing writes new votes over them, arrows keep and correct them.)
            p.input.select_all();
        }
    }

    fn open_prompt(&mut self, purpose: Purpose, text: String) {
        let mut input = TextArea::new(vec![text]);
        input.move_cursor(ratatui_textarea::CursorMove::End);
        let prompt =
            Prompt { purpose, input, kind: SakKind::Information, role: Role::Guest, error: None, from_notes: false };
        self.mode = Mode::Prompt(Box::new(prompt));
    }

    fn submit_prompt(&mut self, now: Stamp) {
        let Mode::Prompt(prompt) = &mut self.mode else { return };
        let text = prompt.input.lines().join(" ").trim().to_string();
        let purpose = prompt.purpose;
        let w = self.words;
        let fail = |prompt: &mut Prompt, message: String| prompt.error = Some(message);
        match purpose {
            Purpose::AddSak | Purpose::Title(_) if text.is_empty() => return fail(prompt, w.title_needed.to_string()),
            Purpose::AddPerson if text.is_empty() => return fail(prompt, w.person_needed.to_string()),
            Purpose::Timebox(_) if !text.is_empty() && !matches!(text.parse::<u32>(), Ok(m) if m <= 24 * 60) => {
                return fail(prompt, (w.not_minutes)(&text));
            }
            Purpose::Votes(..) if Votes::parse(&text).is_none() && !text.is_empty() => {
                return fail(prompt, (w.not_votes)(&text));
            }
            Purpose::Times(_) => match roster::read_times(&text, now) {
                None => return fail(prompt, (w.not_times)(&text)),
                Some((arrived, absences, left)) if !Attendance::times_in_order(arrived, &absences, left) => {
                    return fail(prompt, (w.refusal)(Refusal::TimesOutOfOrder).to_string());
                }
                Some(_) => {}
            },
            _ => {}
        }
        if purpose == Purpose::SaveElsewhere {
            // The shell tries it and answers (`moved`); the prompt stays open till then.
            self.move_to = Some(if text.is_empty() { self.elsewhere.clone() } else { text });
            return;
        }
        let (kind, role) = (prompt.kind, prompt.role);
        self.mode = self.prompt_return();
        match purpose {
            Purpose::Label(item) => {
                let label = Some(text).filter(|l| !l.is_empty());
                self.open_vedtak_editor(item, label, "", now);
            }
            Purpose::AddSak => {
                let after = (self.len() > 0).then_some(self.selected);
                if let Some(Applied { made: Some(i), .. }) = self.run(Command::AddSak { after, title: text, kind }, now)
                {
                    self.select(i);
                }
            }
            Purpose::Title(item) => {
                self.run(Command::SetTitle { item, title: text }, now);
            }
            Purpose::Timebox(item) => {
                self.run(Command::SetMinutes { item, minutes: text.parse().ok() }, now);
            }
            Purpose::Until(item, index) => {
                let until = Some(text);
                self.run(Command::SetOutcome { item, index, outcome: Outcome::Postponed, until }, now);
            }
            Purpose::Votes(item, index) => {
                if self.run(Command::SetVotes { item, index, votes: Votes::parse(&text) }, now).is_some() {
                    self.warn_votes(item, index);
                }
            }
            Purpose::Times(who) => {
                let day = self.session.record.started.unwrap_or(now);
                let (arrived, absences, left) = roster::read_times(&text, day).unwrap_or_default();
                self.run(Command::SetTimes { who, arrived, left, absences }, now);
            }
            Purpose::SaveElsewhere => {}
            Purpose::AddPerson => {
                let mut parts = text.splitn(2, ',').map(str::trim).filter(|s| !s.is_empty());
                let name = parts.next().map(String::from);
                let org = parts.next().map(String::from);
                let person = Person { name, org, role, ..Person::default() };
                if let Some(Applied { made: Some(who), .. }) = self.run(Command::AddPerson(person), now) {
                    self.roster_selected = who;
                }
            }
        }
    }
}
