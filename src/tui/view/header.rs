//! The top line: meeting, date, wall clock, and whether everything is saved.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

use super::cells;
use crate::app::App;
use crate::domain::time::Stamp;
use crate::store::autosave::SaveState;

pub fn draw(buf: &mut Buffer, area: Rect, app: &App, now: Stamp) {
    let (w, t, a) = (app.words, &app.theme, &app.session.agenda);
    let save = match &app.saved {
        SaveState::Saved => Span::styled(format!("● {}", w.saved), t.ok),
        SaveState::Failed(reason) => Span::styled(format!("● {}", (w.not_saved)(&w.failure(reason))), t.overrun),
    };
    let clock = Span::styled(format!("  {} ", now.clock()), t.header);
    let right = Line::from(vec![clock, save, Span::raw(" ")]).right_aligned();
    let right_width = cells::to_u16(right.width()).min(area.width);
    let [left_area, right_area] = Layout::horizontal([Constraint::Min(0), Constraint::Length(right_width)]).areas(area);
    let date = format!("{} {}", w.weekdays[a.date.weekday_index()], a.date.short());
    let left = Line::from(vec![
        Span::styled(format!(" {} ", a.title), t.title),
        Span::styled(format!("· {date} "), t.header),
        Span::styled(format!("· {}", a.body), t.muted),
    ]);
    cells::fill(buf, area, t.header);
    left.render(left_area, buf);
    right.render(right_area, buf);
}
