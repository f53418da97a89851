//! The plain screen, for screen readers and braille displays: a few lines of text in a
//! fixed order, no box drawing and no big digits. Top to bottom: the meeting line (the
//! clock, saved or not), the item under way with its clock, the next item, the selected
//! item when it is another, the plan, the selected item's notes, the editor, an open
//! screen's text (help, attendance, a question), the keys or the last message, and last
//! what was said: the last change of state as a sentence (`app::herald`). Times are in
//! whole minutes, so that the screen changes only when something does.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};

use crate::app::{App, Mode};
use crate::domain::session::Phase;
use crate::domain::time::Stamp;
use crate::store::autosave::SaveState;

/// The lines about the meeting's course: the item under way and its clock, the next one,
/// the selected one when it is another.
fn course(app: &App, now: Stamp) -> Vec<Line<'static>> {
    let (w, t, s) = (app.words, &app.theme, &app.session);
    let mut lines = Vec::new();
    let now_line = match (s.record.current, s.timer(&app.schedule, now)) {
        (Some(i), timer) => {
            let mut text = format!("{}: {}", w.now_title, app.item_name(i));
            let mut style = t.text;
            // (In whole minutes: the line changes once a minute, not every second, so
            // that a screen reader is not kept talking.)
            let minutes = |m: i64| format!("{m} {}", w.minutes_short);
            if let Some(timer) = timer {
                text += &format!(" · {}", minutes(timer.elapsed / 60));
                if timer.timebox > 0 {
                    text += &format!(" {}", (w.of_timebox)(&minutes(timer.timebox / 60)));
                    let left = (timer.left() + 59).div_euclid(60);
                    text += &match timer.phase {
                        Phase::Within => format!(" · {}", (w.time_left)(&minutes(left))),
                        Phase::Warning => {
                            style = t.warning;
                            format!(" · {} {}", w.home.warning_mark, (w.time_left)(&minutes(left)))
                        }
                        Phase::Overrun => {
                            style = t.overrun;
                            format!(" · {}", (w.time_over)(&minutes(-timer.left() / 60)))
                        }
                    };
                }
            }
            if s.record.paused.is_some() {
                text += &format!(" · {}", w.paused);
            }
            Line::from(Span::styled(text, style))
        }
        (None, _) if s.record.ended.is_some() => {
            Line::from((w.ended)(&s.record.ended.map(|e| e.hm().to_string()).unwrap_or_default()))
        }
        (None, _) if s.record.started.is_none() => Line::from(w.not_started.to_string()),
        (None, _) => Line::from(w.no_current.to_string()),
    };
    lines.push(now_line);
    // (What `n` takes up: the sak a break interrupted, when the break ends.)
    let next = s.next_item();
    if let Some(i) = next.filter(|_| s.record.ended.is_none()) {
        let slot = app.schedule.slots[i];
        lines.push(Line::from(format!(
            "{}: {} · {} · {} {}",
            w.home.plain_next,
            app.item_name(i),
            slot.start,
            slot.minutes,
            w.minutes_short
        )));
    }
    // (The keys act on the selected item: said when it is neither of those above.)
    if Some(app.selected) != s.record.current && Some(app.selected) != next && app.selected < s.agenda.items.len() {
        lines.push(Line::from(Span::styled(
            format!("{}: {}", w.home.plain_selected, app.item_name(app.selected)),
            t.accent,
        )));
    }
    lines
}

/// The meeting, its day, the clock and whether everything is saved, on one line.
fn meeting(app: &App, now: Stamp) -> Line<'static> {
    let (w, t, a) = (app.words, &app.theme, &app.session.agenda);
    let date = format!("{} {}", w.weekdays[a.date.weekday_index()], a.date.short());
    let save = match &app.saved {
        SaveState::Saved => Span::styled(w.saved.to_string(), t.ok),
        SaveState::Failed(reason) => Span::styled((w.not_saved)(&w.failure(reason)), t.overrun),
    };
    // (The clock to the minute, as the item's: see `course`.)
    Line::from(vec![Span::styled(format!("{} · {date} · {} · ", a.title, now.hm()), t.title), save])
}

/// Draws the whole plain screen for `now`.
pub fn draw(frame: &mut Frame, app: &App, now: Stamp) {
    let area = frame.area();
    frame.render_widget(ratatui::widgets::Block::new().style(app.theme.text), area);
    let mut top = vec![meeting(app, now)];
    top.extend(course(app, now));
    top.push(super::status::line(app, now));
    let top: Vec<Line> = top.iter().flat_map(|l| wrapped(l, area.width)).collect();
    let top_height = super::cells::to_u16(top.len());
    let main = matches!(app.mode, Mode::Normal | Mode::Notes | Mode::Editor(_));
    let editor_height = match &app.mode {
        Mode::Editor(e) => super::editor::height(e, area.width).min(area.height / 3),
        _ => 0,
    };
    let said = app.said.last().map(|s| format!("{}: {s}", app.words.home.plain_said));
    let said_height = said.as_ref().map_or(0, |s| rows(s, area.width));
    let footer_height = super::footer::message(app).map_or(1, |m| rows(&m, area.width.saturating_sub(2)).min(2));
    let [top_area, middle, editor, footer, said_area] = Layout::vertical([
        Constraint::Length(top_height),
        Constraint::Fill(1),
        Constraint::Length(editor_height),
        Constraint::Length(footer_height),
        Constraint::Length(said_height),
    ])
    .areas(area);
    frame.render_widget(Paragraph::new(top), top_area);
    if main {
        if middle.height > 0 {
            let [label, notes] = Layout::vertical([Constraint::Length(1), Constraint::Fill(1)]).areas(middle);
            frame.render_widget(Span::styled(super::notes::title(app), app.theme.title), label);
            super::notes::timeline(frame, notes, app);
        }
    } else {
        super::overlays(frame, middle, middle, app, now);
    }
    if let Mode::Editor(e) = &app.mode
        && editor.height > 0
    {
        let [title, text] = Layout::vertical([Constraint::Length(1), Constraint::Fill(1)]).areas(editor);
        frame.render_widget(super::editor::title(app, e), title);
        let top = std::cell::Cell::new(0);
        for (i, look) in super::editor::looks(e, &top, text).0.iter().enumerate() {
            let row = Rect { y: text.y + super::cells::to_u16(i), height: 1, ..text };
            super::editor::draw_row(frame.buffer_mut(), row, look, &app.theme);
        }
    }
    super::footer::draw(frame, footer, app);
    if let Some(said) = said {
        frame.render_widget(Paragraph::new(said).style(app.theme.text).wrap(Wrap { trim: true }), said_area);
    }
}

/// `line` wrapped at `width` as the editor wraps (after spaces, long words anywhere),
/// each row keeping the styles of its pieces.
fn wrapped(line: &Line<'static>, width: u16) -> Vec<Line<'static>> {
    let text: String = line.spans.iter().map(|s| s.content.as_ref()).collect();
    let lines = vec![text];
    crate::app::wrap::rows(&lines, width.max(1))
        .iter()
        .filter(|row| !lines[0][row.start..row.end].trim().is_empty())
        .enumerate()
        .map(|(n, row)| {
            // (A row after the first starts at its first word.)
            let text = &lines[0][row.start..row.end];
            let first = if n == 0 { row.start } else { row.start + text.len() - text.trim_start().len() };
            let mut spans = Vec::new();
            let mut at = 0;
            for span in &line.spans {
                let (from, to) = (at, at + span.content.len());
                at = to;
                let (start, end) = (first.max(from), row.end.min(to));
                if start < end {
                    spans.push(Span::styled(lines[0][start..end].to_string(), span.style));
                }
            }
            Line::from(spans)
        })
        .collect()
}

/// How many rows `text` takes at `width`.
fn rows(text: &str, width: u16) -> u16 {
    let lines = vec![text.to_string()];
    super::cells::to_u16(crate::app::wrap::rows(&lines, width.max(1)).len().max(1))
}
