//! The live meeting's state on screen and what each action does to it. No terminal,
//! no files, no clock: keys and `now` come in, the session and the screen state change.

use std::path::PathBuf;

use crossterm::event::KeyEvent;
use ratatui_textarea::TextArea;

use super::keymap::{self, Action, Context};
use super::theme::Theme;
use crate::domain::agenda::SakKind;
use crate::domain::schedule::Schedule;
use crate::domain::session::{Refusal, Session};
use crate::domain::time::Stamp;
use crate::i18n::Words;

/// What has the keys.
pub enum Mode {
    Normal,
    Help,
    Confirm(Confirm),
    Prompt(Box<Prompt>),
}

/// A question that needs a yes before it is done.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Confirm {
    Quit,
    CloseMeeting,
}

/// A one-line input: a new sak's title, a changed title or timebox.
pub struct Prompt {
    pub purpose: Purpose,
    pub input: TextArea<'static>,
    /// The kind of a new sak, changed with Tab.
    pub kind: SakKind,
    pub error: Option<String>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Purpose {
    AddSak,
    Title(usize),
    Timebox(usize),
}

/// Whether what is on screen is on disk.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SaveState {
    Saved,
    Failed(String),
}

pub struct App {
    pub session: Session,
    /// The plan of the agenda as it stands; recomputed when the agenda changes.
    pub schedule: Schedule,
    pub path: PathBuf,
    pub selected: usize,
    pub mode: Mode,
    pub saved: SaveState,
    /// A short message for the status line (a refusal, a hint).
    pub message: Option<String>,
    pub words: &'static Words,
    pub theme: Theme,
    pub quit: bool,
    /// Scroll position of the saksliste, kept between frames.
    pub list_state: ratatui::widgets::TableState,
    pub help_scroll: u16,
    changed: bool,
}

impl App {
    pub fn new(session: Session, path: PathBuf, words: &'static Words, theme: Theme) -> App {
        let schedule = session.schedule();
        let selected = session.record.current.unwrap_or(0);
        App {
            session,
            schedule,
            path,
            selected,
            mode: Mode::Normal,
            saved: SaveState::Saved,
            message: None,
            words,
            theme,
            quit: false,
            list_state: ratatui::widgets::TableState::default(),
            help_scroll: 0,
            changed: false,
        }
    }

    /// True once after every change of the session: the shell saves it before drawing.
    pub fn take_changed(&mut self) -> bool {
        std::mem::take(&mut self.changed)
    }

    fn context(&self) -> Context {
        match self.mode {
            Mode::Normal => Context::Main,
            Mode::Help => Context::Help,
            Mode::Confirm(_) => Context::Confirm,
            Mode::Prompt(_) => Context::Prompt,
        }
    }

    /// Handles one key press.
    pub fn key(&mut self, key: KeyEvent, now: Stamp) {
        match keymap::action(self.context(), key) {
            Some(action) => self.act(action, now),
            None => {
                if let Mode::Prompt(prompt) = &mut self.mode {
                    prompt.input.input(key);
                    prompt.error = None;
                }
            }
        }
    }

    /// Text pasted into the terminal (bracketed paste): goes into an open prompt.
    pub fn paste(&mut self, text: &str) {
        if let Mode::Prompt(prompt) = &mut self.mode {
            prompt.input.insert_str(text.replace(['\r', '\n'], " "));
        }
    }

    pub fn act(&mut self, action: Action, now: Stamp) {
        self.message = None;
        let len = self.session.agenda.items.len();
        let sel = self.selected.min(len.saturating_sub(1));
        match action {
            Action::Next => {
                let r = self.session.next(now);
                self.after_walk(r);
            }
            Action::GoToSelected if len > 0 => {
                let r = if self.session.record.started.is_none() {
                    self.session.start(now).and_then(|()| self.session.go_to(sel, now))
                } else {
                    self.session.go_to(sel, now)
                };
                self.after_walk(r);
            }
            Action::Pause => {
                let r = if self.session.record.paused.is_some() {
                    self.session.resume(now)
                } else {
                    self.session.pause(now)
                };
                self.after_walk(r);
            }
            Action::Break => {
                let r = self.session.start_break(now, self.words.a_break);
                self.after_walk(r);
            }
            Action::CloseMeeting => match self.session.is_running() {
                true => self.mode = Mode::Confirm(Confirm::CloseMeeting),
                false => self.refuse(if self.session.record.started.is_none() {
                    Refusal::NotStarted
                } else {
                    Refusal::Ended
                }),
            },
            Action::SelectUp if matches!(self.mode, Mode::Help) => {
                self.help_scroll = self.help_scroll.saturating_sub(1)
            }
            Action::SelectDown if matches!(self.mode, Mode::Help) => {
                self.help_scroll = self.help_scroll.saturating_add(1)
            }
            Action::SelectUp => self.selected = sel.saturating_sub(1),
            Action::SelectDown => self.selected = (sel + 1).min(len.saturating_sub(1)),
            Action::SelectFirst => self.selected = 0,
            Action::SelectLast => self.selected = len.saturating_sub(1),
            Action::SelectCurrent => self.selected = self.session.record.current.unwrap_or(sel),
            Action::AddSak => self.open_prompt(Purpose::AddSak, String::new()),
            Action::EditTitle if len > 0 => {
                let title = self.session.agenda.items[sel].title().to_string();
                self.open_prompt(Purpose::Title(sel), title);
            }
            Action::EditTimebox if len > 0 => {
                let minutes = self.session.agenda.items[sel].minutes().map(|m| m.to_string()).unwrap_or_default();
                self.open_prompt(Purpose::Timebox(sel), minutes);
            }
            Action::MoveUp | Action::MoveDown if len > 0 => {
                if let Ok(to) = self.session.move_item(sel, action == Action::MoveUp) {
                    self.selected = to;
                    self.agenda_changed();
                }
            }
            Action::Postpone | Action::Withdraw if len > 0 => {
                let r = if action == Action::Postpone {
                    self.session.toggle_postponed(sel)
                } else {
                    self.session.toggle_withdrawn(sel)
                };
                match r {
                    Ok(()) => self.changed = true,
                    Err(e) => self.refuse(e),
                }
            }
            Action::Help => {
                self.help_scroll = 0;
                self.mode = Mode::Help;
            }
            Action::Quit => {
                if self.session.is_running() {
                    self.mode = Mode::Confirm(Confirm::Quit);
                } else {
                    self.quit = true;
                }
            }
            Action::ForceQuit => self.quit = true,
            Action::Submit => self.submit(),
            Action::Cancel | Action::No => self.mode = Mode::Normal,
            Action::NextKind => {
                if let Mode::Prompt(p) = &mut self.mode
                    && p.purpose == Purpose::AddSak
                {
                    let i = SakKind::ALL.iter().position(|k| *k == p.kind).unwrap_or(0);
                    p.kind = SakKind::ALL[(i + 1) % SakKind::ALL.len()];
                }
            }
            Action::Yes => {
                let confirm = match self.mode {
                    Mode::Confirm(c) => c,
                    _ => return,
                };
                self.mode = Mode::Normal;
                match confirm {
                    Confirm::Quit => self.quit = true,
                    Confirm::CloseMeeting => {
                        let r = self.session.close(now);
                        self.after_walk(r);
                    }
                }
            }
            _ => {}
        }
    }

    fn after_walk(&mut self, result: Result<(), Refusal>) {
        // Even a refused step may have changed something (the last sak finished).
        self.changed = true;
        self.schedule = self.session.schedule();
        if let Some(c) = self.session.record.current {
            self.selected = c;
        }
        if let Err(e) = result {
            self.refuse(e);
        }
    }

    fn agenda_changed(&mut self) {
        self.changed = true;
        self.schedule = self.session.schedule();
    }

    fn refuse(&mut self, refusal: Refusal) {
        self.message = Some((self.words.refusal)(refusal).to_string());
    }

    fn open_prompt(&mut self, purpose: Purpose, text: String) {
        let mut input = TextArea::new(vec![text]);
        input.move_cursor(ratatui_textarea::CursorMove::End);
        self.mode = Mode::Prompt(Box::new(Prompt { purpose, input, kind: SakKind::Information, error: None }));
    }

    fn submit(&mut self) {
        let Mode::Prompt(prompt) = &mut self.mode else { return };
        let text = prompt.input.lines().join(" ").trim().to_string();
        let purpose = prompt.purpose;
        match purpose {
            Purpose::AddSak | Purpose::Title(_) if text.is_empty() => {
                prompt.error = Some(self.words.title_needed.to_string());
                return;
            }
            Purpose::AddSak => {
                let kind = prompt.kind;
                let after = (!self.session.agenda.items.is_empty()).then_some(self.selected);
                self.selected = self.session.add_sak(after, &text, kind);
            }
            Purpose::Title(i) => {
                let _ = self.session.set_title(i, &text);
            }
            Purpose::Timebox(i) => {
                let minutes = if text.is_empty() {
                    None
                } else {
                    match text.parse::<u32>() {
                        Ok(m) if m <= 24 * 60 => Some(m),
                        _ => {
                            prompt.error = Some((self.words.not_minutes)(&text));
                            return;
                        }
                    }
                };
                let _ = self.session.set_minutes(i, minutes);
            }
        }
        self.mode = Mode::Normal;
        self.agenda_changed();
    }
}
