//! The fuzzy picker box: the query, then the best matches, then free text if offered.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Paragraph};

use super::overlay::{framed, placed};

use crate::app::App;
use crate::app::picker::{PickFor, Picker};

pub fn draw(frame: &mut Frame, area: Rect, app: &App, picker: &Picker) {
    let (w, t) = (app.words, &app.theme);
    let title = match picker.purpose {
        PickFor::Speaker => w.pick_speaker,
        PickFor::Phrase => w.pick_phrase,
        PickFor::Outcome(..) => w.pick_outcome,
        PickFor::Who => w.pick_who,
    };
    let height = super::cells::to_u16(picker.rows().saturating_add(4))
        .clamp(5.min(area.height.saturating_sub(2).max(3)), area.height.saturating_sub(2).max(3));
    let box_area = placed(app, area, 64, height);
    let block = framed(app, title);
    let inner = block.inner(box_area);
    frame.render_widget(Clear, box_area);
    frame.render_widget(block, box_area);
    if inner.height == 0 {
        return;
    }
    let [query, list] = Layout::vertical([Constraint::Length(1), Constraint::Fill(1)]).areas(inner);
    frame.render_widget(&picker.query, query);
    let mut labels: Vec<String> = picker.shown.iter().map(|&i| picker.choices[i].label.clone()).collect();
    if let Some(free) = picker.free_text() {
        labels.push((w.free_text)(&free));
    }
    let visible = usize::from(list.height.max(1));
    let first = (picker.selected + 1).saturating_sub(visible);
    let lines: Vec<Line> = labels
        .iter()
        .enumerate()
        .skip(first)
        .take(visible)
        .map(|(i, l)| {
            let style = if i == picker.selected { t.selected } else { t.text };
            Line::from(Span::styled(format!(" {l}"), style))
        })
        .collect();
    frame.render_widget(Paragraph::new(lines), list);
}
