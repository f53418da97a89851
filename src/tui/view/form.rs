//! The follow-up form: what, who, frist, with the frist read back as it is typed.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Paragraph, Wrap};

use super::overlay::{framed, placed};

use crate::app::App;
use crate::app::forms::{FRIST, FollowUpForm, FormProblem};
use crate::domain::time::Stamp;

pub fn draw(frame: &mut Frame, area: Rect, app: &App, form: &FollowUpForm) {
    let (w, t) = (app.words, &app.theme);
    let box_area = placed(app, area, 72, 9);
    let block = framed(app, w.followup_title);
    let inner = block.inner(box_area);
    frame.render_widget(Clear, box_area);
    frame.render_widget(block, box_area);
    let rows = Layout::vertical([Constraint::Length(1); 3].into_iter().chain([Constraint::Fill(1)])).split(inner);
    for (i, name) in w.followup_fields.iter().enumerate() {
        let [label, field] = Layout::horizontal([Constraint::Length(8), Constraint::Fill(1)]).areas(rows[i]);
        let style = if form.focus == i { t.key } else { t.muted };
        frame.render_widget(Span::styled(format!(" {name}:"), style), label);
        frame.render_widget(&form.fields[i], field);
    }
    let today = app.session.record.started.map_or(app.session.agenda.date, Stamp::day);
    let below = match (&form.problem, form.frist_reading(today)) {
        (Some(FormProblem::NothingToDo), _) => Line::from(Span::styled(w.followup_nothing, t.warning)),
        (Some(FormProblem::Frist(p)), _) => {
            Line::from(Span::styled(format!("{} {}", (w.frist_problem)(p), w.frist_keep_hint), t.warning))
        }
        (None, Some(Ok(day))) => Line::from(Span::styled(
            format!("{}: {}", w.followup_fields[FRIST], (w.frist_reads_as)(&day.short())),
            t.ok,
        )),
        (None, Some(Err(p))) => Line::from(Span::styled((w.frist_problem)(&p), t.muted)),
        (None, None) => Line::default(),
    };
    frame.render_widget(Paragraph::new(below).wrap(Wrap { trim: true }), rows[3]);
}
