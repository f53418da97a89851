//! Boxes drawn over the screen: help (from the keymap), a prompt, a yes/no question.

use crate::store::autosave::SaveState;
use ratatui::Frame;
use ratatui::layout::{Constraint, Flex, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Clear, Paragraph, Wrap};

use crate::app::keymap::{self, Context};
use crate::app::{App, Confirm, Prompt, Purpose};

pub(super) fn centered(area: Rect, width: u16, height: u16) -> Rect {
    let [v] = Layout::vertical([Constraint::Length(height.min(area.height))]).flex(Flex::Center).areas(area);
    let [h] = Layout::horizontal([Constraint::Length(width.min(area.width))]).flex(Flex::Center).areas(v);
    h
}

pub(super) fn framed<'a>(app: &App, title: &str) -> Block<'a> {
    Block::bordered()
        .border_type(BorderType::Rounded)
        .border_style(app.theme.border_focus)
        .style(app.theme.text)
        .title(Span::styled(format!(" {title} "), app.theme.title))
}

/// Every key of every screen, written from the keymap.
pub fn help(frame: &mut Frame, area: Rect, app: &App) {
    let (w, t) = (app.words, &app.theme);
    let mut lines = Vec::new();
    for (n, context) in Context::ALL.into_iter().enumerate() {
        let name = w.contexts[n];
        lines.push(Line::from(Span::styled(name, t.accent)));
        for b in keymap::bindings(context) {
            lines.push(Line::from(vec![
                Span::styled(format!("  {:<16}", keymap::keys_label(b)), t.key),
                Span::styled((w.action)(b.action), t.text),
            ]));
        }
        lines.push(Line::default());
    }
    let box_area = centered(area, 86, area.height.saturating_sub(2).max(3));
    let inner_height = box_area.height.saturating_sub(2);
    let max_scroll = super::cells::to_u16(lines.len()).saturating_sub(inner_height);
    let paragraph = Paragraph::new(lines).block(framed(app, w.help_title)).scroll((app.help_scroll.min(max_scroll), 0));
    frame.render_widget(Clear, box_area);
    frame.render_widget(paragraph, box_area);
}

/// The selected sak's papers as the agenda gives them, to read live: presenter,
/// documents, background, forslag til vedtak (scrolled by `scroll` rows).
pub fn sak(frame: &mut Frame, area: Rect, app: &App, scroll: u16) {
    let (w, t, session) = (app.words, &app.theme, &app.session);
    let Some(item) = session.agenda.items.get(app.selected) else { return };
    let number = session.agenda.sak_numbers()[app.selected].map(|n| format!("{n} ")).unwrap_or_default();
    // Each line with its style, wrapped below as the editor wraps (so that scrolling
    // stops at the last row).
    let mut lines: Vec<(String, ratatui::style::Style)> = Vec::new();
    if let crate::domain::agenda::Item::Sak(sak) = item {
        if let Some(p) = &sak.presenter {
            lines.push((format!("{}: {p}", w.presenter), t.text));
        }
        if !sak.documents.is_empty() {
            lines.push((format!("{}: {}", w.documents, sak.documents.join(", ")), t.text));
        }
        for (label, text) in [(w.background, &sak.background), (w.proposal, &sak.proposal)] {
            if let Some(text) = text {
                lines.push((String::new(), t.text));
                lines.push((format!("{label}:"), t.accent));
                lines.extend(text.lines().map(|l| (l.to_string(), t.text)));
            }
        }
    }
    if lines.is_empty() {
        lines.push((w.nothing_prepared.to_string(), t.muted));
    }
    let box_area = centered(area, 100, area.height.saturating_sub(2).max(3));
    let texts: Vec<String> = lines.iter().map(|(text, _)| text.clone()).collect();
    let rows: Vec<Line> = crate::app::wrap::rows(&texts, box_area.width.saturating_sub(2))
        .into_iter()
        .map(|r| Line::from(Span::styled(texts[r.line][r.start..r.end].to_string(), lines[r.line].1)))
        .collect();
    let max_scroll = super::cells::to_u16(rows.len()).saturating_sub(box_area.height.saturating_sub(2));
    let title = format!("{number}{}", item.title());
    let paragraph = Paragraph::new(rows).block(framed(app, &title)).scroll((scroll.min(max_scroll), 0));
    frame.render_widget(Clear, box_area);
    frame.render_widget(paragraph, box_area);
}

pub fn prompt(frame: &mut Frame, area: Rect, app: &App, prompt: &Prompt) {
    let (w, t) = (app.words, &app.theme);
    let title = match prompt.purpose {
        Purpose::AddSak => w.prompt_add,
        Purpose::Title(_) => w.prompt_title,
        Purpose::Timebox(_) => w.prompt_timebox,
        Purpose::Label(_) => w.prompt_label,
        Purpose::Until(..) => w.prompt_until,
        Purpose::Votes(..) => w.prompt_votes,
        Purpose::Times(_) => w.prompt_times,
        Purpose::AddPerson => w.prompt_person,
        Purpose::SaveElsewhere => w.prompt_save_elsewhere,
    };
    let box_area = centered(area, 70, 6);
    let block = framed(app, title);
    let inner = block.inner(box_area);
    frame.render_widget(Clear, box_area);
    frame.render_widget(block, box_area);
    let [input, kind, error] =
        Layout::vertical([Constraint::Length(1), Constraint::Length(1), Constraint::Length(2)]).areas(inner);
    frame.render_widget(&prompt.input, input);
    let choice = match prompt.purpose {
        Purpose::AddSak => Some((w.prompt_kind)(w.kind(prompt.kind))),
        Purpose::AddPerson => Some((w.prompt_role)(w.role(prompt.role))),
        _ => None,
    };
    if let Some(choice) = choice {
        let line = Line::from(vec![Span::styled(choice, t.accent), Span::styled("  (Tab)", t.muted)]);
        frame.render_widget(line, kind);
    }
    if let Some(e) = &prompt.error {
        frame.render_widget(Paragraph::new(Span::styled(e.clone(), t.warning)).wrap(Wrap { trim: true }), error);
    }
}

pub fn confirm(frame: &mut Frame, area: Rect, app: &App, confirm: Confirm, now: crate::domain::time::Stamp) {
    let (w, t) = (app.words, &app.theme);
    let question = match (confirm, &app.saved) {
        (Confirm::Quit, SaveState::Failed(reason)) => (w.confirm_quit_unsaved)(&w.failure(reason)),
        (Confirm::Quit, SaveState::Saved) => w.confirm_quit.to_string(),
        (Confirm::CloseMeeting, _) => {
            let untreated = app.session.untreated();
            if untreated.is_empty() {
                w.confirm_close.to_string()
            } else {
                (w.confirm_close_untreated)(&saker(app, &untreated))
            }
        }
        (Confirm::PassUntreated, _) => (w.confirm_pass_untreated)(&saker(app, &app.left_behind())),
        (Confirm::StartToday { .. }, _) => {
            let agenda_day = app.session.agenda.date;
            let day =
                |d: crate::domain::time::Day| format!("{} {}", w.weekdays[d.weekday_index()].to_lowercase(), d.short());
            (w.confirm_start_today)(&day(agenda_day), &day(now.day()))
        }
        (Confirm::WhileTyping { action, key }, _) => (w.confirm_while_typing)(&key.to_string(), (w.action)(action)),
    };
    let answers = if matches!(confirm, Confirm::WhileTyping { .. }) { w.while_typing_keys } else { w.yes_no };
    let box_area = centered(area, 60, 9);
    let lines = vec![Line::from(question), Line::default(), Line::from(Span::styled(answers, t.key))];
    let paragraph = Paragraph::new(lines).wrap(Wrap { trim: true }).block(framed(app, "?"));
    frame.render_widget(Clear, box_area);
    frame.render_widget(paragraph, box_area);
}

/// The saker named in a question: the first few by number (or title), and how many more,
/// so that the question fits its box.
fn saker(app: &App, items: &[usize]) -> String {
    let numbers = app.session.agenda.sak_numbers();
    let mut named: Vec<String> = items
        .iter()
        .take(8)
        .map(|&i| numbers[i].map_or_else(|| app.session.agenda.items[i].title().to_string(), |n| n.to_string()))
        .collect();
    if items.len() > 8 {
        named.push(format!("… (+{})", items.len() - 8));
    }
    named.join(", ")
}
