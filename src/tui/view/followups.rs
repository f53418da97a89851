//! Every follow-up of the meeting, sak by sak.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph};

use crate::app::App;
use crate::domain::followup::FollowUp;
use crate::domain::previous::Status;

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
    let earlier = &app.session.record.previous;
    if all.is_empty() && earlier.is_empty() {
        frame.render_widget(Span::styled(format!(" {}", w.no_followups), t.muted), inner);
        return;
    }
    let numbers = app.session.agenda.sak_numbers();
    let selected = selected.min(earlier.len() + all.len() - 1);
    let mut lines = Vec::new();
    // (The row of the selected one, to scroll to.)
    let mut at = 0;
    let mut push = |lines: &mut Vec<Line<'_>>, line: Line<'static>, chosen: bool| {
        if chosen {
            at = lines.len();
        }
        lines.push(if chosen { super::cells::selected(line, t.selected) } else { line });
    };
    if !earlier.is_empty() {
        lines.push(Line::from(Span::styled(format!(" {}", w.previous_heading), t.title)));
        for (n, taken) in earlier.iter().enumerate() {
            let mark = match taken.status {
                Some(Status::Done) => w.status_marks[0],
                Some(Status::Carried) => w.status_marks[1],
                Some(Status::Dropped) => w.status_marks[2],
                None => w.status_marks[3],
            };
            let from = taken.sak.map_or_else(|| taken.meeting.short(), |n| format!("{n} {}", taken.meeting.short()));
            let mut spans =
                vec![Span::styled(format!(" {mark} "), t.accent), Span::styled(format!("{from}  "), t.muted)];
            spans.extend(
                followup_spans(app, &taken.followup).into_iter().map(|s| Span::styled(s.content.into_owned(), s.style)),
            );
            push(&mut lines, Line::from(spans), n == selected);
        }
        lines.push(Line::from(Span::styled(format!(" {}", w.this_meeting_heading), t.title)));
    }
    if all.is_empty() {
        lines.push(Line::from(Span::styled(format!(" {}", w.no_followups), t.muted)));
    } else {
        lines.push(Line::from(Span::styled(format!(" {}", w.followups_header), t.muted)));
    }
    for (n, (item, _, f)) in all.iter().enumerate() {
        let number = numbers[*item].map_or_else(|| "–".into(), |n| n.to_string());
        let mut spans = vec![Span::styled(format!(" {number:<7}"), t.accent)];
        spans.extend(followup_spans(app, f).into_iter().map(|s| Span::styled(s.content.into_owned(), s.style)));
        push(&mut lines, Line::from(spans), earlier.len() + n == selected);
    }
    let scroll = super::cells::to_u16((at + 1).saturating_sub(usize::from(inner.height)));
    frame.render_widget(Paragraph::new(lines).scroll((scroll, 0)), inner);
}
