//! The notes of the shown sak: innspill og kommentarer, then its oppfølging.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};

use super::cells;
use crate::app::{App, Mode};
use crate::domain::notes::{Note, NoteKind};

/// How a note reads in a list: "10:12 Helse Nord RHF: Spørsmål: ...".
fn note_line<'a>(app: &App, note: &'a Note) -> Vec<Span<'a>> {
    let (w, t) = (app.words, &app.theme);
    let mut spans = vec![Span::styled(format!("{} ", note.at.hm()), t.muted)];
    if let Some(s) = &note.speaker {
        spans.push(Span::styled(format!("{}: ", s.label()), t.accent));
    }
    match note.kind {
        NoteKind::Comment => {}
        NoteKind::Question => spans.push(Span::styled(format!("{} ", w.question_prefix), t.key)),
        NoteKind::Answer => spans.push(Span::styled(format!("{} ", w.answer_prefix), t.key)),
    }
    spans.push(Span::styled(note.text.as_str(), t.text));
    spans
}

pub fn draw(frame: &mut Frame, area: Rect, app: &App) {
    if area.height == 0 {
        return;
    }
    let (w, t) = (app.words, &app.theme);
    let item = app.selected.min(app.session.agenda.items.len().saturating_sub(1));
    let Some(record) = app.session.record_of(item) else { return };
    let focused = matches!(app.mode, Mode::Notes);
    let title = format!(" {} ", (w.notes_title)(record.notes.len()));
    let inner = cells::rule(frame.buffer_mut(), area, &title, t.title, if focused { t.border_focus } else { t.border });

    let selected = focused.then_some(app.note_selected.min(record.notes.len().saturating_sub(1)));
    let mut lines: Vec<Line> = Vec::new();
    let mut selected_line = 0;
    for (i, note) in record.notes.iter().enumerate() {
        let mut line = Line::from(note_line(app, note));
        for text in note.text.split('\n').skip(1) {
            lines.push(std::mem::take(&mut line));
            line = Line::from(Span::styled(format!("      {text}"), t.text));
        }
        if selected == Some(i) {
            line = line.style(t.selected);
            selected_line = lines.len();
        }
        lines.push(line);
    }
    if let Some(draft) = &record.draft
        && draft.editing.is_none()
        && !matches!(app.mode, Mode::Editor(_))
        && !draft.note.text.is_empty()
    {
        lines.push(Line::from(vec![Span::styled("… ", t.warning), Span::styled(draft.note.text.as_str(), t.muted)]));
    }
    for f in &record.followups {
        let mut spans = vec![Span::styled(format!("{}: ", w.followup_title), t.accent), Span::raw(f.what.as_str())];
        if let Some(who) = &f.who {
            spans.push(Span::styled(format!(" · {who}"), t.muted));
        }
        if let Some(frist) = f.frist.map(crate::domain::time::Day::short).or(f.frist_text.clone()) {
            spans.push(Span::styled(format!(" · {} {frist}", w.followup_fields[2]), t.muted));
        }
        lines.push(Line::from(spans));
    }
    // Keep the newest (or the selected) note in view, counting wrapped rows.
    let width = usize::from(inner.width.max(1));
    let rows = |l: &Line| l.width().max(1).div_ceil(width);
    let focus_line = if focused { selected_line } else { lines.len().saturating_sub(1) };
    let rows_to_focus: usize = lines.iter().take(focus_line + 1).map(rows).sum();
    let mut scroll = rows_to_focus.saturating_sub(usize::from(inner.height));
    // Only the lines in view are wrapped and drawn: a sak may hold hundreds of notes.
    let mut first = 0;
    while first < lines.len() && rows(&lines[first]) <= scroll {
        scroll -= rows(&lines[first]);
        first += 1;
    }
    let mut shown = 0;
    let visible: Vec<Line> = lines
        .into_iter()
        .skip(first)
        .take_while(|l| {
            let fits = shown < scroll + usize::from(inner.height);
            shown += rows(l);
            fits
        })
        .collect();
    frame.render_widget(
        Paragraph::new(visible).wrap(Wrap { trim: false }).scroll((super::cells::to_u16(scroll), 0)),
        inner,
    );
}
