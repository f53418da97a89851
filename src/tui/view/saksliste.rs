//! The saksliste: every item with its state, number, Kl., timebox, kind and title, and
//! what it took (done) or when it is now expected to start (to come).

use ratatui::Frame;
use ratatui::layout::{Constraint, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Cell, Row, Table};

use super::duration;
use crate::domain::agenda::Item;
use crate::domain::schedule::Length;
use crate::domain::session::ItemState;
use crate::domain::time::Stamp;
use crate::tui::app::App;

pub fn draw(frame: &mut Frame, area: Rect, app: &mut App, now: Stamp) {
    let (w, t) = (app.words, &app.theme);
    let session = &app.session;
    let projection = session.projection(&app.schedule, now);
    let numbers = session.agenda.sak_numbers();
    let current = session.record.current;
    // Only the rows in view are built: a long saksliste costs no more than a short one.
    let height = usize::from(area.height.saturating_sub(1)).max(1);
    let len = session.agenda.items.len();
    let selected = app.selected.min(len.saturating_sub(1));
    let mut offset = app.list_state.offset();
    if selected < offset {
        offset = selected;
    } else if selected >= offset + height {
        offset = selected + 1 - height;
    }
    offset = offset.min(len.saturating_sub(height));
    let rows: Vec<Row> = session
        .agenda
        .items
        .iter()
        .enumerate()
        .skip(offset)
        .take(height)
        .map(|(i, item)| {
            let record = &session.record.items[i];
            let slot = app.schedule.slots[i];
            let is_current = current == Some(i);
            let (marker, state_style) = match (is_current, record.state) {
                (true, _) => ("▶", t.current),
                (false, ItemState::Done) => ("✓", t.done),
                (false, ItemState::Postponed) => ("↷", t.muted),
                (false, ItemState::Withdrawn) => ("✗", t.muted),
                (false, ItemState::Pending) => (" ", t.text),
            };
            let number = numbers[i].map(|n| n.to_string()).unwrap_or_default();
            let timebox = match slot.length {
                Length::Unknown => "–".to_string(),
                _ => format!("{} {}", slot.minutes, w.minutes_short),
            };
            let (kind, title) = match item {
                Item::Sak(s) => (w.kind_short(s.kind), s.title.as_str()),
                Item::Break(b) => ("", if b.title.is_empty() { w.a_break } else { b.title.as_str() }),
            };
            let elapsed = session.elapsed(i, now);
            let (right, right_style) = match (is_current, record.state) {
                (true, _) => (duration(elapsed), t.current),
                (false, ItemState::Postponed) => (w.state_postponed.to_string(), t.muted),
                (false, ItemState::Withdrawn) => (w.state_withdrawn.to_string(), t.muted),
                (false, ItemState::Done) => {
                    let over = slot.minutes > 0 && elapsed > i64::from(slot.minutes) * 60;
                    let taken = format!("{} {}", (elapsed + 30) / 60, w.minutes_short);
                    (taken, if over { t.warning } else { t.done })
                }
                (false, ItemState::Pending) => match projection.starts[i] {
                    Some(at) if session.record.started.is_some() => (format!("~{}", at.hm()), t.muted),
                    _ => (String::new(), t.muted),
                },
            };
            let row_style = if is_current { t.current } else { Style::default() };
            let title_style = match record.state {
                ItemState::Postponed | ItemState::Withdrawn if !is_current => t.muted.crossed_out(),
                _ if matches!(item, Item::Break(_)) => t.muted,
                _ => t.text,
            };
            Row::new(vec![
                Cell::from(Span::styled(marker, state_style)),
                Cell::from(Span::styled(number, t.accent)),
                Cell::from(slot.start.to_string()),
                Cell::from(Line::from(timebox).right_aligned()),
                Cell::from(Span::styled(kind, t.muted)),
                Cell::from(Span::styled(title, title_style)),
                Cell::from(Line::from(Span::styled(right, right_style)).right_aligned()),
            ])
            .style(row_style)
        })
        .collect();
    let narrow = area.width < 60;
    // "04/25", or wider for a sak numbered past 99 ("123/25").
    let number_width = numbers.iter().flatten().map(|n| n.to_string().chars().count()).max().unwrap_or(0).max(5);
    let widths = [
        Constraint::Length(1),
        Constraint::Length(number_width as u16),
        Constraint::Length(5),
        Constraint::Length(if narrow { 0 } else { 6 }),
        Constraint::Length(if narrow { 0 } else { 9 }),
        Constraint::Fill(1),
        Constraint::Length(8),
    ];
    let block = Block::new()
        .borders(Borders::TOP)
        .border_style(t.border)
        .title(Span::styled(format!(" {} ", w.saksliste), t.title));
    let table = Table::new(rows, widths).block(block).column_spacing(1).style(t.text).row_highlight_style(t.selected);
    let mut window = ratatui::widgets::TableState::default().with_selected(Some(selected - offset));
    frame.render_stateful_widget(table, area, &mut window);
    *app.list_state.offset_mut() = offset;
}
