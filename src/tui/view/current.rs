//! The sak under discussion: its timer, large enough to read across the table, and
//! what the chair needs of it (presenter, documents, forslag til vedtak; B reads its
//! background).

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget, Wrap};
use tui_big_text::{BigText, PixelSize};

use super::cells;
use super::duration;
use crate::app::App;
use crate::domain::agenda::Item;
use crate::domain::session::{Phase, Timer};
use crate::domain::time::Stamp;

/// Width the large digits need: "+12:34" in quadrant pixels, 4 columns a character.
const BIG_WIDTH: u16 = 26;

pub fn draw(buf: &mut Buffer, area: Rect, app: &App, now: Stamp) {
    if area.height == 0 {
        return;
    }
    let (w, t, session) = (app.words, &app.theme, &app.session);
    let shown = app.selected;
    let numbers = session.agenda.sak_numbers();
    let timer = session.timer(&app.schedule, now);
    let title = match session.record.current {
        Some(i) => {
            let what = match &session.agenda.items[i] {
                Item::Sak(s) => w.kind(s.kind).to_string(),
                Item::Break(_) => w.a_break.to_string(),
            };
            let number = numbers[i].map(|n| format!("{n} ")).unwrap_or_default();
            format!(" {}: {number}{what} ", w.now_title)
        }
        None if session.record.ended.is_some() => {
            format!(" {} ", (w.ended)(&session.record.ended.map(|e| e.hm().to_string()).unwrap_or_default()))
        }
        None if session.record.started.is_none() => format!(" {} ", w.not_started),
        None => format!(" {} ", w.no_current),
    };
    // The sak shown has a background: the rule says how to read it (always in view,
    // however long its forslag til vedtak).
    let has_background = matches!(session.agenda.items.get(shown), Some(Item::Sak(s)) if s.background.is_some());
    let title = if has_background { format!("{title}· {} ({}) ", w.background, w.read_all) } else { title };
    let inner = cells::rule(buf, area, &title, t.title, if timer.is_some() { t.border_focus } else { t.border });
    if inner.height == 0 {
        return;
    }

    let big = inner.height >= 5 && inner.width >= BIG_WIDTH + 30;
    let timer_width = if timer.is_none() {
        0
    } else if big {
        BIG_WIDTH + 2
    } else {
        30.min(inner.width / 2)
    };
    let [timer_area, info_area] =
        Layout::horizontal([Constraint::Length(timer_width), Constraint::Fill(1)]).areas(inner);
    if let Some(timer) = timer {
        draw_timer(buf, timer_area, app, timer, big);
    }

    let Some(item) = session.agenda.items.get(shown) else { return };
    let mut lines = vec![Line::from(Span::styled(item.title().to_string(), t.title))];
    if let Item::Sak(sak) = item {
        if let Some(p) = &sak.presenter {
            lines.push(Line::from(vec![Span::styled(format!("{}: ", w.presenter), t.muted), Span::raw(p.clone())]));
        }
        if !sak.documents.is_empty() {
            let docs = sak.documents.join(", ");
            lines.push(Line::from(vec![Span::styled(format!("{}: ", w.documents), t.muted), Span::raw(docs)]));
        }
        let record = session.agenda.items[shown].record();
        lines.extend(record.decisions().map(|d| Line::from(super::notes::decision_spans(app, d))));
        if record.comes_back {
            lines.push(Line::from(Span::styled(format!("↺ {}", w.state_comes_back), t.accent)));
        }
        if let Some(p) = sak.proposal.as_ref().filter(|_| record.last_decision().is_none()) {
            lines.push(Line::from(Span::styled(format!("{}:", w.proposal), t.accent)));
            lines.extend(p.lines().map(|l| Line::from(l.to_string())));
        }
    }
    let info = Paragraph::new(lines).style(t.text).wrap(Wrap { trim: true });
    info.render(info_area, buf);
}

fn draw_timer(buf: &mut Buffer, area: Rect, app: &App, timer: Timer, big: bool) {
    let (w, t) = (app.words, &app.theme);
    let style = match timer.phase {
        Phase::Within => t.ok,
        Phase::Warning => t.warning,
        Phase::Overrun => t.overrun,
    };
    let elapsed = duration(timer.elapsed);
    let detail = if timer.timebox == 0 {
        Line::from(Span::styled(w.no_timebox, t.muted))
    } else if timer.left() >= 0 {
        // From 80 %: a mark as well as the colour.
        let mark = if timer.phase == Phase::Warning { format!("{} ", w.home.warning_mark) } else { String::new() };
        Line::from(vec![
            Span::styled(format!("{} · ", (w.of_timebox)(&duration(timer.timebox))), t.muted),
            Span::styled(format!("{mark}{}", (w.time_left)(&duration(timer.left()))), style),
        ])
    } else {
        Line::from(vec![
            Span::styled(format!("{} · ", (w.of_timebox)(&duration(timer.timebox))), t.muted),
            Span::styled((w.time_over)(&duration(timer.left())), t.overrun),
        ])
    };
    let paused = app.session.record.paused.is_some().then(|| Line::from(Span::styled(w.paused, t.warning)));
    if big {
        let [digits, below] = Layout::vertical([Constraint::Length(4), Constraint::Fill(1)]).areas(area);
        let digits_style = if timer.phase == Phase::Within { t.clock } else { style.patch(Style::default()) };
        let text = BigText::builder()
            .pixel_size(PixelSize::Quadrant)
            .style(digits_style)
            .lines(vec![Line::from(elapsed)])
            .build();
        text.render(digits, buf);
        let mut lines = vec![detail];
        lines.extend(paused);
        Paragraph::new(lines).render(below, buf);
    } else {
        let mut lines = vec![Line::from(Span::styled(elapsed, style.bold())), detail];
        lines.extend(paused);
        Paragraph::new(lines).wrap(Wrap { trim: true }).render(area, buf);
    }
}
