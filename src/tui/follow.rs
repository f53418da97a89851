//! `referent follow`: a read-only view of a meeting run by another referent. It looks at
//! the session file and its journal four times a second (never locks, never writes),
//! follows the session where it moves, and says when it is gone or cannot be read.

use std::io;
use std::panic;
use std::path::{Path, PathBuf};
use std::time::Duration;

use crossterm::event::{self, Event, KeyEventKind};
use crossterm::terminal::{EnterAlternateScreen, enable_raw_mode};
use ratatui::Terminal;
use ratatui::backend::CrosstermBackend;

use super::view::chair::{self, Footer};
use crate::app::chair::{ChairView, Tone};
use crate::app::keymap::{self, Action, Context, Keymap};
use crate::domain::session::Session;
use crate::domain::text::visible;
use crate::i18n::Words;
use crate::store::peek::{self, Look, Mark};
use crate::theme::Theme;

/// How often the files are looked at: a key in the live meeting shows within a second.
const LOOK_EVERY: Duration = Duration::from_millis(250);

/// Notes saying where a session went, followed one after another in one look.
const MOST_MOVES: usize = 8;

/// What the follower knows of the session: the last one read, and how the file stands.
pub struct Followed {
    path: PathBuf,
    mark: Option<Mark>,
    /// The session file as last read: a journal that grew is replayed onto it.
    base: peek::Base,
    session: Option<Box<Session>>,
    notice: Option<(String, Tone)>,
    moved: Option<PathBuf>,
}

impl Followed {
    pub fn new(path: PathBuf) -> Followed {
        Followed { path, mark: None, base: peek::Base::default(), session: None, notice: None, moved: None }
    }

    /// Looks again if the files changed since the last look; whether anything did.
    pub fn refresh(&mut self, w: &Words) -> bool {
        let mut mark = peek::mark(&self.path);
        // Saved elsewhere: followed there (a few notes at most, never round in a circle).
        for _ in 0..MOST_MOVES {
            let Some(target) = mark.moved().filter(|t| t.exists() && *t != self.path).map(Path::to_path_buf) else {
                break;
            };
            self.moved = Some(target.clone());
            self.path = target;
            self.mark = None;
            mark = peek::mark(&self.path);
        }
        if self.mark.as_ref() == Some(&mark) {
            return false;
        }
        let shown = visible(&self.path.display().to_string()).into_owned();
        let look = peek::look_again(&self.path, &mut self.base);
        self.mark = Some(mark);
        self.notice = match look {
            Look::Session(session) => {
                self.session = Some(session);
                self.moved.as_ref().map(|to| ((w.chair.moved)(&visible(&to.display().to_string())), Tone::Normal))
            }
            Look::Gone => Some(((w.chair.gone)(&shown), Tone::Overrun)),
            Look::Unreadable(e) => {
                // (Also while the minute-taker's referent writes it: the next look tells.)
                let why = (w.read_problem)(&e.what);
                let at = e.at.map(|p| format!(":{}:{}", p.line, p.col)).unwrap_or_default();
                Some(((w.chair.unreadable)(&format!("{shown}{at}"), &why), Tone::Overrun))
            }
        };
        true
    }

    pub fn session(&self) -> Option<&Session> {
        self.session.as_deref()
    }

    pub fn notice(&self) -> Option<(&str, Tone)> {
        self.notice.as_ref().map(|(n, t)| (n.as_str(), *t))
    }
}

/// Follows the session at `path` until the user quits.
pub fn run(path: PathBuf, w: &'static Words, theme: &Theme, keymap: &Keymap) -> io::Result<()> {
    let previous_hook = panic::take_hook();
    panic::set_hook(Box::new(move |info| {
        super::terminal::leave();
        previous_hook(info);
    }));
    let entered = (|| {
        enable_raw_mode()?;
        crossterm::execute!(io::stdout(), EnterAlternateScreen)?;
        Terminal::new(CrosstermBackend::new(io::stdout()))
    })();
    let result = entered.and_then(|mut terminal| follow(&mut terminal, path, w, theme, keymap));
    super::terminal::leave();
    result
}

fn follow(
    terminal: &mut Terminal<CrosstermBackend<io::Stdout>>,
    path: PathBuf,
    w: &'static Words,
    theme: &Theme,
    keymap: &Keymap,
) -> io::Result<()> {
    let mut followed = Followed::new(path);
    let keys: Vec<(String, &'static str)> = keymap
        .bindings(Context::Follow)
        .filter(|b| b.footer)
        .filter_map(|b| Some((keymap::key_name(*b.keys.first()?), (w.action_short)(b.action))))
        .collect();
    let mut shown: Option<(ChairView, Option<(String, Tone)>)> = None;
    let mut resized = true;
    loop {
        followed.refresh(w);
        let now = super::now();
        let view = followed.session().map_or_else(
            || ChairView { clock: now.hm().to_string(), ..ChairView::default() },
            |s| ChairView::of(s, &s.schedule(), now, w),
        );
        let state = (view, followed.notice.clone());
        if resized || shown.as_ref() != Some(&state) {
            let footer = Footer { notice: followed.notice(), keys: &keys, read_only: w.chair.read_only };
            terminal.draw(|frame| chair::draw(frame, &state.0, &footer, theme, w.chair.next))?;
            shown = Some(state);
            resized = false;
        }
        if !event::poll(LOOK_EVERY)? {
            continue;
        }
        match event::read()? {
            Event::Key(key) if key.kind != KeyEventKind::Release => {
                let Some(key) = super::keys::from_crossterm(key) else { continue };
                if matches!(keymap.action(Context::Follow, key), Some(Action::Quit | Action::ForceQuit)) {
                    return Ok(());
                }
            }
            Event::Resize(..) => {
                terminal.autoresize()?;
                resized = true;
            }
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::agenda::Lang;
    use crate::domain::session::tests::session;
    use crate::store::session_file;

    fn nb() -> &'static Words {
        crate::i18n::words(Lang::Nb)
    }

    #[test]
    fn a_session_saved_elsewhere_is_followed_there() {
        let dir = tempfile::tempdir().unwrap();
        let (old, new) = (dir.path().join("a.session.ron"), dir.path().join("b.session.ron"));
        session_file::save(&old, &session()).unwrap();
        let mut followed = Followed::new(old.clone());
        assert!(followed.refresh(nb()));
        assert!(followed.notice().is_none());
        assert!(!followed.refresh(nb()), "nothing changed, nothing read");
        let mut moved = session();
        moved.agenda.title = "Flyttet".into();
        session_file::save(&new, &moved).unwrap();
        session_file::leave_pointer(&old, &new).unwrap();
        assert!(followed.refresh(nb()));
        assert_eq!(followed.session().unwrap().agenda.title, "Flyttet");
        let (notice, _) = followed.notice().unwrap();
        assert!(notice.starts_with("Møtet er flyttet til ") && notice.ends_with("b.session.ron"), "{notice}");
    }

    #[test]
    fn notes_that_point_round_in_a_circle_are_followed_a_few_steps() {
        let dir = tempfile::tempdir().unwrap();
        let (a, b) = (dir.path().join("a.session.ron"), dir.path().join("b.session.ron"));
        session_file::save(&a, &session()).unwrap();
        session_file::save(&b, &session()).unwrap();
        std::fs::write(session_file::pointer_path(&a), format!("{}\n", b.display())).unwrap();
        std::fs::write(session_file::pointer_path(&b), format!("{}\n", a.display())).unwrap();
        let mut followed = Followed::new(a);
        assert!(followed.refresh(nb()));
        assert!(followed.session().is_some());
        followed.refresh(nb());
        assert!(followed.session().is_some());
    }

    #[test]
    fn what_a_file_would_have_the_terminal_do_is_shown_not_done() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a\u{1b}[2J.session.ron");
        let mut s = session();
        s.agenda.title = "Møte\u{1b}]0;tittel\u{7}".into();
        session_file::save(&path, &s).unwrap();
        let mut followed = Followed::new(path.clone());
        followed.refresh(nb());
        let title = &followed.session().unwrap().agenda.title;
        assert!(!title.contains('\u{1b}') && !title.contains('\u{7}'), "{title:?}");
        std::fs::remove_file(&path).unwrap();
        followed.refresh(nb());
        let (notice, _) = followed.notice().unwrap();
        assert!(notice.starts_with("Møtet finnes ikke lenger: ") && !notice.contains('\u{1b}'), "{notice:?}");
    }
}
