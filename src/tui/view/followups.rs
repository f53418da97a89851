//! Every follow-up of the meeting, sak by sak.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph};

use crate::app::App;
use crate::domain::followup::FollowUp;

/// A follow-up as a line reads it: "what · who · frist 18.08.25".
pub fn followup_spans<'a>(app: &App, f: &'a FollowUp) -> Vec<Span<'a>> {
    let (w, t) = (app.words, &app.theme);
    let mut spans = vec![Span::raw(f.what.as_str())];
    if let Some(who) = &f.who {
        spans.push(Span::styled(format!(" · {who}"), t.text));
    }
    if let Some(frist) = f.frist.map(crate::domain::time::Day::short).or(f.frist_text.clone()) {
        spans.push(Span::styled(format!(" · {} {frist}", w.followup_fields[2]), t.muted));
    }
    spans
}

pub fn draw(frame: &mut Frame, area: Rect, app: &App, selected: usize) {
    let (w, t) = (app.words, &app.theme);
    let block = Block::new()
        .borders(if app.plain { Borders::NONE } else { Borders::TOP })
        .border_style(t.border_focus)
        .style(t.text)
        .title(Span::styled(format!(" {} ", w.followups_title), t.title));
    let inner = block.inner(area);
    frame.render_widget(Clear, area);
    frame.render_widget(block, area);
    let all = app.session.followups();
    if all.is_empty() {
        frame.render_widget(Span::styled(format!(" {}", w.no_followups), t.muted), inner);
        return;
    }
    let numbers = app.session.agenda.sak_numbers();
    let selected = selected.min(all.len() - 1);
    let mut lines = vec![Line::from(Span::styled(format!(" {}", w.followups_header), t.muted))];
    for (n, (item, _, f)) in all.iter().enumerate() {
        let number = numbers[*item].map_or_else(|| "–".into(), |n| n.to_string());
        let mut spans = vec![Span::styled(format!(" {number:<7}"), t.accent)];
        spans.extend(followup_spans(app, f));
        let line = Line::from(spans);
        lines.push(if n == selected { super::cells::selected(line, t.selected) } else { line });
    }
    let scroll = super::cells::to_u16((selected + 2).saturating_sub(usize::from(inner.height)));
    frame.render_widget(Paragraph::new(lines).scroll((scroll, 0)), inner);
}
