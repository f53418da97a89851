//! The meeting line: behind or ahead of plan, projected end against planned end, who is
//! present, and what it takes to end on time (the saksliste shows the cuts).

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

use crate::app::App;
use crate::domain::time::Stamp;

pub fn draw(buf: &mut Buffer, area: Rect, app: &App, now: Stamp) {
    line(app, now).render(area, buf);
}

/// The meeting line's text, with its styles.
pub fn line(app: &App, now: Stamp) -> Line<'static> {
    let (w, t, session) = (app.words, &app.theme, &app.session);
    let p = session.projection(&app.schedule, now);
    let mut spans = vec![Span::raw(" ")];
    if session.record.started.is_none() {
        // Before the start: the plan, on the agenda's day; ahead or behind means nothing yet.
        let a = &session.agenda;
        let day = format!("{} {}", w.weekdays[a.date.weekday_index()].to_lowercase(), a.date.short());
        let times = match (app.schedule.start, a.end.or(app.schedule.planned_end())) {
            (Some(s), Some(e)) => format!("{s}–{e}"),
            (Some(s), None) => s.to_string(),
            _ => String::new(),
        };
        spans.push(Span::styled((w.planned_for)(&day, &times), t.text));
        if a.date != now.day() {
            spans.push(Span::styled(format!(" · {}", (w.not_today)(&now.day().short())), t.warning));
        }
    } else if let Some(ended) = session.record.ended {
        spans.push(Span::styled((w.ended)(&ended.hm().to_string()), t.text));
        spans.push(Span::styled(format!(" · {}", (w.meeting_ended)(&p.planned_end.hm().to_string())), t.muted));
    } else {
        let style = match p.behind {
            b if b > 5 => t.overrun,
            b if b > 0 => t.warning,
            _ => t.ok,
        };
        spans.push(Span::styled((w.behind)(p.behind), style));
        let end = (w.projected_end)(&p.end.hm().to_string(), &p.planned_end.hm().to_string());
        spans.push(Span::styled(format!(" · {end}"), t.text));
        if session.record.paused.is_some() {
            spans.push(Span::styled(format!(" · {}", w.paused), t.warning));
        }
    }
    if !session.agenda.people.is_empty() {
        let q = session.quorum();
        let style = if q.quorate() == Some(false) { t.warning } else { t.muted };
        let line = (w.presence_line)(session.present_count(), q.quorate());
        spans.push(Span::styled(format!(" · {line}"), style));
    }
    // Last: the saksliste shows which timeboxes the proposal cuts.
    if let Some(c) = session.catch_up_offer(&app.schedule, now) {
        let found = c.cuts.iter().map(|c| c.from - c.to).sum();
        spans.push(Span::styled(format!(" · {}", (w.catch_up_hint)(found, c.over, c.short, c.breaks)), t.warning));
    } else if let Some(c) = session.catch_up(&app.schedule, now, true).filter(|c| c.short > 0) {
        spans.push(Span::styled(format!(" · {}", (w.cannot_catch_up)(c.short)), t.overrun));
    }
    Line::from(spans)
}
