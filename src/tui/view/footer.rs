//! The bottom line (two for a long message): the last message if there is one, else the main keys of the screen
//! that has the keys, from the keymap (as many whole hints as fit).

use ratatui::Frame;
use ratatui::layout::{Margin, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph, Wrap};

use crate::app::editor::Target;
use crate::app::keymap::{self, Action};
use crate::app::{App, Mode};
use crate::store::autosave::SaveState;

/// What the footer says instead of the keys: the last message, else why saving fails.
pub fn message(app: &App) -> Option<String> {
    match (&app.message, &app.saved) {
        (Some(m), _) => Some(m.clone()),
        (None, SaveState::Failed(reason)) => Some((app.words.save_failing)(&app.words.failure(reason))),
        (None, SaveState::Saved) => None,
    }
}

pub fn draw(frame: &mut Frame, area: Rect, app: &App) {
    let (w, t) = (app.words, &app.theme);
    frame.render_widget(Block::new().style(t.footer), area);
    if let Some(message) = message(app) {
        let style = if app.message.is_some() { t.accent } else { t.overrun };
        let text = Paragraph::new(Span::styled(message, style)).wrap(Wrap { trim: true });
        frame.render_widget(text, area.inner(Margin::new(1, 0)));
        return;
    }
    let context = app.context();
    let mut spans = vec![Span::raw(" ")];
    let mut width = 1;
    for b in app.keymap.bindings(context).filter(|b| b.footer && app.offers(b.action)) {
        let Some(&first) = b.keys.first() else { continue };
        let key = keymap::key_name(first);
        // (Enter in the vedtak editor files the vedtak: "lagre", not "lagre+ny".)
        let action = match (&app.mode, b.action) {
            (Mode::Editor(e), Action::SaveAndNext) if !matches!(e.target, Target::Note { .. }) => Action::Submit,
            (_, action) => action,
        };
        let label = format!(" {}  ", (w.action_short)(action));
        let hint_width = key.chars().count() + label.chars().count() - 2;
        if width + hint_width > usize::from(area.width) {
            break;
        }
        width += hint_width + 2;
        spans.push(Span::styled(key, t.key));
        spans.push(Span::styled(label, t.footer));
    }
    frame.render_widget(Line::from(spans), area);
}
