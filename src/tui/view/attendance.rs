//! The attendance screen: the roster grouped as members, observers, secretariat, guests,
//! each with til stede / forfall / fraværende and arrival or departure times.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph};

use crate::app::App;
use crate::app::roster::{Group, order};
use crate::domain::attendance::Presence;

pub fn draw(frame: &mut Frame, area: Rect, app: &App, selected: usize) {
    let (w, t, s) = (app.words, &app.theme, &app.session);
    let q = s.quorum();
    let title =
        format!(" {} · {} ", w.attendance_title, (w.quorum_line)(s.present_count(), q.present, q.members, q.quorate()));
    let block = Block::new()
        .borders(Borders::TOP)
        .border_style(t.border_focus)
        .style(t.text)
        .title(Span::styled(title, t.title));
    let inner = block.inner(area);
    frame.render_widget(Clear, area);
    frame.render_widget(block, area);
    let mut lines = Vec::new();
    let mut selected_line = 0;
    let mut group = None;
    for who in order(s) {
        let person = &s.agenda.people[who];
        let g = Group::of(person.role);
        if group != Some(g) {
            group = Some(g);
            let n = Group::ALL.iter().position(|x| *x == g).unwrap_or(0);
            lines.push(Line::from(Span::styled(w.groups[n], t.accent)));
        }
        let a = &person.attendance;
        let (mark, style) = match a.presence {
            Presence::Unmarked => ("?", t.muted),
            Presence::Present if a.left.is_some() => ("←", t.muted),
            Presence::Present => ("✓", t.ok),
            Presence::Apologies => ("F", t.warning),
            Presence::Absent => ("✗", t.overrun),
        };
        let presence = w.presences[match a.presence {
            Presence::Unmarked => 0,
            Presence::Present => 1,
            Presence::Apologies => 2,
            Presence::Absent => 3,
        }];
        // An organisation with no named person is listed by its name.
        let (name, org) = match (&person.name, &person.org) {
            (Some(n), o) => (n.clone(), o.clone().unwrap_or_default()),
            (None, o) => (o.clone().unwrap_or_default(), String::new()),
        };
        let mut spans = vec![
            Span::styled(format!(" {mark} "), style),
            // Without an organisation, the name may use its column too.
            Span::styled(if org.is_empty() { format!("{name:<43.43} ") } else { format!("{name:<22.22} ") }, t.text),
            Span::styled(if org.is_empty() { String::new() } else { format!("{org:<20.20} ") }, t.muted),
            Span::styled(format!("{:<11.11} ", w.role(person.role)), t.muted),
        ];
        // Present with times: the times say it; "til stede" would only push them off screen.
        let times: Vec<String> =
            [a.arrived.map(|at| (w.arrived)(&at.hm().to_string())), a.left.map(|at| (w.left)(&at.hm().to_string()))]
                .into_iter()
                .flatten()
                .collect();
        if times.is_empty() {
            spans.push(Span::styled(presence, style));
        } else {
            spans.push(Span::styled(times.join(" "), style));
        }
        let mut line = Line::from(spans);
        if who == selected {
            line = line.style(t.selected);
            selected_line = lines.len();
        }
        lines.push(line);
    }
    let scroll = super::cells::to_u16((selected_line + 2).saturating_sub(usize::from(inner.height)));
    frame.render_widget(Paragraph::new(lines).scroll((scroll, 0)), inner);
}
