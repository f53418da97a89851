//! The timeline of the shown sak: innspill og kommentarer, the headings of their groups,
//! vedtak and oppfølging, in the order they were written.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};

use super::cells;
use crate::app::{App, Mode};
use crate::domain::notes::{Note, NoteKind};
use crate::domain::timeline::Entry;
use crate::domain::vedtak::Decision;

/// How a note's first line reads in a list: "10:12 Helse Nord RHF: Spørsmål: ..."; a
/// heading stands out.
fn note_line<'a>(app: &App, note: &'a Note, first: &'a str) -> Vec<Span<'a>> {
    let (w, t) = (app.words, &app.theme);
    let mut spans = vec![Span::styled(format!("{} ", note.at.hm()), t.muted)];
    if let Some(s) = &note.speaker {
        spans.push(Span::styled(format!("{}: ", s.label()), t.accent));
    }
    match note.kind {
        NoteKind::Comment => {}
        NoteKind::Question => spans.push(Span::styled(format!("{} ", w.question_prefix), t.key)),
        NoteKind::Answer => spans.push(Span::styled(format!("{} ", w.answer_prefix), t.key)),
        NoteKind::Heading => {
            spans.push(Span::styled(first, t.title));
            return spans;
        }
    }
    spans.push(Span::styled(first, t.text));
    spans
}

/// How a decision reads: "Vedtak: Vedtatt (9 for, 2 mot). text", a partial one by its label.
pub fn decision_spans<'a>(app: &App, d: &'a Decision) -> Vec<Span<'a>> {
    let (w, t) = (app.words, &app.theme);
    let head = match &d.label {
        Some(l) => format!("{l}: "),
        None => format!("{}: ", w.vedtak),
    };
    let mut outcome = w.outcome(d.outcome).to_string();
    if let Some(until) = &d.until {
        outcome = format!("{outcome} {}", (w.until)(until));
    }
    if let Some(v) = d.votes {
        outcome = format!("{outcome} ({})", (w.votes)(v.in_favour, v.against, v.abstaining));
    }
    // (On one line: the paragraphs of a vedtak run on, a space between them.)
    let text = d.text.split_whitespace().collect::<Vec<_>>().join(" ");
    vec![Span::styled(head, t.accent), Span::styled(format!("{outcome}. "), t.ok), Span::raw(text)]
}

/// The lines of one entry of the timeline: a note's further lines under its first.
fn entry_lines<'a>(app: &App, entry: &'a Entry) -> Vec<Line<'a>> {
    let (w, t) = (app.words, &app.theme);
    match entry {
        Entry::Note(note) => {
            let mut lines = note.text.split('\n');
            let first = Line::from(note_line(app, note, lines.next().unwrap_or_default()));
            let style = if note.kind == NoteKind::Heading { t.title } else { t.text };
            std::iter::once(first).chain(lines.map(|l| Line::from(Span::styled(format!("      {l}"), style)))).collect()
        }
        Entry::Decision(d) => {
            let mut spans = vec![Span::styled(format!("{} ", d.at.hm()), t.muted)];
            spans.extend(decision_spans(app, d));
            vec![Line::from(spans)]
        }
        Entry::FollowUp(f) => {
            let mut spans = vec![
                Span::styled(format!("{} ", f.at.hm()), t.muted),
                Span::styled(format!("{}: ", w.followup_title), t.accent),
            ];
            spans.extend(super::followups::followup_spans(app, f));
            vec![Line::from(spans)]
        }
        Entry::Presence(m) => {
            let said = w.referat.presence(&app.session, m);
            vec![Line::from(vec![Span::styled(format!("{} ", m.at.hm()), t.muted), Span::styled(said, t.muted)])]
        }
    }
}

pub fn draw(frame: &mut Frame, area: Rect, app: &App) {
    if area.height == 0 {
        return;
    }
    let (w, t) = (app.words, &app.theme);
    let item = app.selected.min(app.session.agenda.items.len().saturating_sub(1));
    let Some(record) = app.session.record_of(item) else { return };
    let focused = matches!(app.mode, Mode::Notes);
    let title = format!(" {} ", (w.notes_title)(record.entries.len()));
    let inner = cells::rule(frame.buffer_mut(), area, &title, t.title, if focused { t.border_focus } else { t.border });
    timeline(frame, inner, app);
}

/// The title of the shown sak's timeline: "Innspill og kommentarer (3)".
pub fn title(app: &App) -> String {
    let item = app.selected.min(app.session.agenda.items.len().saturating_sub(1));
    app.session.record_of(item).map_or_else(String::new, |r| (app.words.notes_title)(r.entries.len()))
}

/// The shown sak's timeline in `inner`, the newest (or the selected) entry in view.
pub fn timeline(frame: &mut Frame, inner: Rect, app: &App) {
    let t = &app.theme;
    let item = app.selected.min(app.session.agenda.items.len().saturating_sub(1));
    let Some(record) = app.session.record_of(item) else { return };
    let focused = matches!(app.mode, Mode::Notes);
    let selected = focused.then_some(app.note_selected.min(record.entries.len().saturating_sub(1)));
    let mut lines: Vec<Line> = Vec::new();
    let mut selected_line = 0;
    for (i, entry) in record.entries.iter().enumerate() {
        let mut entry_lines = entry_lines(app, entry);
        if selected == Some(i) {
            selected_line = lines.len();
            for line in &mut entry_lines {
                *line = cells::selected(std::mem::take(line), t.selected);
            }
        }
        lines.extend(entry_lines);
    }
    if let Some(draft) = &record.draft
        && draft.editing.is_none()
        && !matches!(app.mode, Mode::Editor(_))
        && !draft.note.text.is_empty()
    {
        lines.push(Line::from(vec![Span::styled("… ", t.warning), Span::styled(draft.note.text.as_str(), t.muted)]));
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
