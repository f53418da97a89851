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

/// Where a box of `width` by `height` goes in `area`: in its middle, or on the plain
/// screen the whole of `area` (it is all there is below the lines of the meeting).
pub(super) fn placed(app: &App, area: Rect, width: u16, height: u16) -> Rect {
    if app.plain { area } else { centered(area, width, height) }
}

/// A box with a rounded frame and `title`; on the plain screen, no frame: the title is
/// the box's first line.
pub(super) fn framed<'a>(app: &App, title: &str) -> Block<'a> {
    if app.plain {
        // (A question's box has no name: its text is the question.)
        let block = Block::new().style(app.theme.text);
        return if title.trim() == "?" {
            block
        } else {
            block.title(Span::styled(format!("{title}:"), app.theme.title))
        };
    }
    Block::bordered()
        .border_type(BorderType::Rounded)
        .border_style(app.theme.border_focus)
        .style(app.theme.text)
        .title(Span::styled(format!(" {title} "), app.theme.title))
}

/// Every key of every screen, written from the keymap.
pub fn help(frame: &mut Frame, area: Rect, app: &App) {
    let box_area = placed(app, area, 86, area.height.saturating_sub(2).max(3));
    let lines = help_lines(app, box_area.width.saturating_sub(2));
    let inner_height = box_area.height.saturating_sub(2);
    let max_scroll = super::cells::to_u16(lines.len()).saturating_sub(inner_height);
    let paragraph =
        Paragraph::new(lines).block(framed(app, app.words.help_title)).scroll((app.help_scroll.min(max_scroll), 0));
    frame.render_widget(Clear, box_area);
    frame.render_widget(paragraph, box_area);
}

/// The help screen's lines, `width` columns wide: each context's name, then its keys in a
/// column as wide as the widest (at most a third of the width) with two spaces after it,
/// and what they do beside them, wrapped under itself. Keys wider than the column have
/// what they do on the line below: the two never run together.
pub(super) fn help_lines(app: &App, width: u16) -> Vec<Line<'static>> {
    let (w, t) = (app.words, &app.theme);
    let indent = 2;
    let widest = Context::ALL
        .into_iter()
        .flat_map(|c| app.keymap.bindings(c))
        .map(|b| Span::raw(keymap::keys_label(&b.keys)).width())
        .max()
        .unwrap_or(0);
    let column = widest.min(usize::from(width / 3)).max(1);
    let text_at = indent + column + 2;
    let text_width = super::cells::to_u16(usize::from(width).saturating_sub(text_at).max(8));
    let mut lines = Vec::new();
    // Where the web pages are, first: to read out to the chair.
    for url in &app.web {
        lines.push(Line::from(Span::styled(url.clone(), t.accent)));
    }
    if !app.web.is_empty() {
        lines.push(Line::default());
    }
    // (Dark on light, as a phone reads it best, whatever the theme.)
    let code = ratatui::style::Style::new().fg(ratatui::style::Color::Black).bg(ratatui::style::Color::White);
    for row in &app.web_code {
        lines.push(Line::from(vec![Span::raw("  "), Span::styled(row.clone(), code)]));
    }
    if !app.web_code.is_empty() {
        lines.push(Line::default());
    }
    for (n, context) in Context::ALL.into_iter().enumerate() {
        let name = vec![w.contexts[n].to_string()];
        for text in crate::app::wrap::rows(&name, width.max(1)).iter().map(|r| name[0][r.start..r.end].trim()) {
            if !text.is_empty() {
                lines.push(Line::from(Span::styled(text.to_string(), t.accent)));
            }
        }
        for b in app.keymap.bindings(context) {
            let label = keymap::keys_label(&b.keys);
            let label_width = Span::raw(label.as_str()).width();
            let action = vec![(w.action)(b.action).to_string()];
            let rows = crate::app::wrap::rows(&action, text_width);
            let mut texts = rows.iter().map(|r| action[0][r.start..r.end].trim().to_string()).filter(|t| !t.is_empty());
            let keys = Span::styled(format!("{:indent$}{label}", ""), t.key);
            if label_width > column {
                lines.push(Line::from(keys));
            } else {
                let pad = Span::raw(" ".repeat(column - label_width + 2));
                lines.push(Line::from(vec![keys, pad, Span::styled(texts.next().unwrap_or_default(), t.text)]));
            }
            for text in texts {
                lines.push(Line::from(vec![Span::raw(" ".repeat(text_at)), Span::styled(text, t.text)]));
            }
        }
        lines.push(Line::default());
    }
    lines
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
    let box_area = placed(app, area, 100, area.height.saturating_sub(2).max(3));
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
    let box_area = placed(app, area, 70, 6);
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
    let box_area = placed(app, area, 60, 9);
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::agenda::Lang;

    fn app(lang: Lang) -> App {
        let text = include_str!("../../../agendas/normen-2025-06-03.ron");
        let agenda = crate::store::agenda_file::parse(text).unwrap().agenda;
        App::new(crate::domain::session::Session::new(agenda), crate::i18n::words(lang), crate::theme::Theme::default())
    }

    fn plain(line: &Line) -> String {
        line.spans.iter().map(|s| s.content.as_ref()).collect()
    }

    /// At any width, every key stands apart from what it does (two spaces at least, or
    /// the line below), nothing is wider than the box, and every word of the action is there.
    #[test]
    fn the_help_columns_never_run_together() {
        for lang in [Lang::Nb, Lang::En] {
            let app = app(lang);
            for width in [24, 30, 38, 40, 56, 78, 84] {
                let lines: Vec<String> = help_lines(&app, width).iter().map(plain).collect();
                for line in &lines {
                    assert!(
                        Span::raw(line.as_str()).width() <= usize::from(width.max(8 + 2 + 2 + 8)),
                        "{width}: {line:?}"
                    );
                }
                let mut at = 0;
                for context in Context::ALL {
                    while !lines[at].starts_with(' ') {
                        at += 1; // the context's name
                    }
                    for b in app.keymap.bindings(context) {
                        let label = keymap::keys_label(&b.keys);
                        let line = &lines[at];
                        let rest = line.strip_prefix(&format!("  {label}")).unwrap_or_else(|| panic!("{line:?}"));
                        assert!(rest.is_empty() || rest.starts_with("  "), "{width}: {line:?} runs together");
                        let mut said = rest.trim().to_string();
                        at += 1;
                        while lines.get(at).is_some_and(|l| l.starts_with("   ") && !l.trim().is_empty()) {
                            said = format!("{said} {}", lines[at].trim()).trim().to_string();
                            at += 1;
                        }
                        // (A word longer than the column is cut where it must be.)
                        let letters = |s: &str| s.split_whitespace().collect::<String>();
                        assert_eq!(letters(&said), letters((app.words.action)(b.action)), "{width}: {label}");
                    }
                    at += 1; // the empty line
                }
            }
        }
    }
}
