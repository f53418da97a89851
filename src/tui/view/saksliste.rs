//! The saksliste: every item with its state, number, Kl., timebox, kind and title, and
//! what it took (done) or when it is now expected to start (to come).

use std::cell::Cell;

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;

use super::cells::{self, Align};
use super::duration;
use crate::app::App;
use crate::domain::agenda::Item;
use crate::domain::schedule::Length;
use crate::domain::session::ItemState;
use crate::domain::time::Stamp;

/// Draws the saksliste, scrolled from where it was (`offset`) so that the selected item is
/// in view.
pub fn draw(buf: &mut Buffer, area: Rect, app: &App, offset_kept: &Cell<usize>, now: Stamp) {
    let (w, t) = (app.words, &app.theme);
    let session = &app.session;
    let projection = session.projection(&app.schedule, now);
    let numbers = session.agenda.sak_numbers();
    let current = session.record.current;
    // Only the rows in view are built: a long saksliste costs no more than a short one.
    let height = usize::from(area.height.saturating_sub(1)).max(1);
    let len = session.agenda.items.len();
    let selected = app.selected.min(len.saturating_sub(1));
    let mut offset = offset_kept.get();
    if selected < offset {
        offset = selected;
    } else if selected >= offset + height {
        offset = selected + 1 - height;
    }
    offset = offset.min(len.saturating_sub(height));
    let narrow = area.width < 60;
    // Once the meeting has started, Kl. is the plan as it stood then (an item added since
    // has none); live changes move the projections on the right, not the plan.
    let kept = session.record.started.is_some() && session.agenda.items.iter().any(|i| i.record().planned.is_some());
    // When the meeting runs behind, the timeboxes the proposal to end on time shortens:
    // "25→18 min".
    let cuts = session.catch_up_offer(&app.schedule, now).map(|c| c.cuts).unwrap_or_default();
    let cut = |i: usize| cuts.iter().find(|c| c.item == i).map(|c| c.to);
    // "20 min", or wider for a timebox of 100 minutes or more, or one being cut.
    let timebox_width = app
        .schedule
        .slots
        .iter()
        .enumerate()
        .map(|(i, s)| s.minutes.to_string().len() + 4 + cut(i).map_or(0, |to| to.to_string().len() + 1))
        .max()
        .unwrap_or(0)
        .max(6);
    // "04/25", or wider for a sak numbered past 99 ("123/25").
    let number_width = numbers.iter().flatten().map(|n| n.width()).max().unwrap_or(0).max(5);
    let inner = cells::rule(buf, area, &format!(" {} ", w.saksliste), t.title, t.border);
    offset_kept.set(offset);
    if inner.is_empty() {
        return;
    }
    let columns = Layout::horizontal([
        Constraint::Length(1),
        Constraint::Length(cells::to_u16(number_width)),
        Constraint::Length(5),
        Constraint::Length(if narrow { 0 } else { cells::to_u16(timebox_width) }),
        Constraint::Length(if narrow { 0 } else { 9 }),
        Constraint::Fill(1),
        Constraint::Length(8),
    ])
    .spacing(1)
    .split(Rect { x: inner.x, width: inner.width, y: 0, height: 1 });
    let session = &app.session;
    for (row, (i, item)) in session.agenda.items.iter().enumerate().skip(offset).take(height).enumerate() {
        let record = &session.agenda.items[i].record();
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
        let timebox = match (slot.length, cut(i)) {
            (Length::Unknown, _) => "–".to_string(),
            (_, Some(to)) => format!("{}→{to} {}", slot.minutes, w.minutes_short),
            _ => format!("{} {}", slot.minutes, w.minutes_short),
        };
        let (kind, title) = match item {
            Item::Sak(s) => (w.kind_short(s.kind), s.title.as_str()),
            Item::Break(b) => ("", if b.title.is_empty() { w.a_break } else { b.title.as_str() }),
        };
        let elapsed = session.elapsed(i, now);
        let (right, right_style) = match (is_current, record.state) {
            (true, _) => (duration(elapsed), t.current),
            (false, _) if record.comes_back => (w.state_comes_back.to_string(), t.muted),
            (false, ItemState::Postponed) => (w.state_postponed.to_string(), t.muted),
            (false, ItemState::Withdrawn) => (w.state_withdrawn.to_string(), t.muted),
            (false, ItemState::Done) => {
                let over = slot.minutes > 0 && elapsed > i64::from(slot.minutes) * 60;
                // (Over its timebox: a mark as well as the colour.)
                let mark = if over { w.home.warning_mark } else { "" };
                let taken = format!("{mark}{} {}", (elapsed + 30) / 60, w.minutes_short);
                (taken, if over { t.warning } else { t.done })
            }
            (false, ItemState::Pending) => match projection.starts[i] {
                Some(at) if session.record.started.is_some() => (format!("~{}", at.hm()), t.muted),
                _ => (String::new(), t.muted),
            },
        };
        let title_style = match record.state {
            ItemState::Postponed | ItemState::Withdrawn if !is_current => t.muted.crossed_out(),
            _ if matches!(item, Item::Break(_)) => t.muted,
            _ => t.text,
        };
        let y = inner.y + cells::to_u16(row);
        let line = Rect { y, height: 1, ..inner };
        if is_current {
            cells::fill(buf, line, t.current);
        }
        let start = match (kept, record.planned) {
            (true, Some(p)) => p.at.to_string(),
            (true, None) => String::new(),
            (false, _) => slot.start.to_string(),
        };
        let texts = [
            (marker, state_style, Align::Left),
            (number.as_str(), t.accent, Align::Left),
            (start.as_str(), Style::default(), Align::Left),
            (timebox.as_str(), if cut(i).is_some() { t.warning } else { Style::default() }, Align::Right),
            (kind, t.muted, Align::Left),
            (title, title_style, Align::Left),
            (right.as_str(), right_style, Align::Right),
        ];
        for (column, (text, style, align)) in columns.iter().zip(texts) {
            cells::put(buf, Rect { y, ..*column }, text, style, align);
        }
        if i == selected {
            cells::fill(buf, line, t.selected);
        }
    }
}
