//! The attendance screen: the roster grouped as members, observers, secretariat, guests,
//! each with til stede / forfall / fraværende and arrival, away and departure times, its
//! columns as wide as the terminal allows; with the search line open, only who matches.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph};

use crate::app::App;
use crate::app::roster::{self, Group, Search, order};
use crate::app::wrap;
use crate::domain::agenda::Person;
use crate::domain::attendance::Presence;
use crate::i18n::Words;
use crate::theme::Theme;

/// Below this width the role column gives its room to the names.
const ROLE_FROM_WIDTH: usize = 60;
/// The room kept for the status at the end of a row (longer ones run to the edge).
const STATUS_ROOM: [usize; 2] = [11, 24];

pub fn draw(frame: &mut Frame, area: Rect, app: &App, search: Option<&Search>) {
    let (w, t, s) = (app.words, &app.theme, &app.session);
    let q = s.quorum();
    let quorum = (w.quorum_line)(s.present_count(), q.present, q.members, q.deputies, q.quorate());
    let title = format!(" {} · {quorum} ", w.attendance_title);
    let block = Block::new()
        .borders(if app.plain { Borders::NONE } else { Borders::TOP })
        .border_style(t.border_focus)
        .style(t.text)
        .title(Span::styled(title, t.title));
    let inner = block.inner(area);
    frame.render_widget(Clear, area);
    frame.render_widget(block, area);
    let mut lines = Vec::new();
    let (shown, selected) = match search {
        Some(search) => {
            let query = search.query_text();
            let typed = if query.is_empty() {
                Span::styled(w.search_hint, t.muted)
            } else {
                Span::styled(format!("{query}▏"), t.text)
            };
            lines.push(Line::from(vec![Span::styled(w.search_label, t.accent), typed]));
            (search.shown.clone(), search.picked())
        }
        None => (order(s), roster::selected(s, app.roster_selected)),
    };
    let columns = Columns::new(&shown.iter().map(|&p| &s.agenda.people[p]).collect::<Vec<_>>(), w, inner.width);
    let mut selected_line = 0;
    let mut group = None;
    for who in shown {
        let person = &s.agenda.people[who];
        let g = Group::of(person.role);
        if search.is_none() && group != Some(g) {
            group = Some(g);
            let n = Group::ALL.iter().position(|x| *x == g).unwrap_or(0);
            lines.push(Line::from(Span::styled(w.groups[n], t.accent)));
        }
        let mut line = columns.row(person, w, t);
        if Some(who) == selected {
            line = super::cells::selected(line, t.selected);
            selected_line = lines.len();
        }
        lines.push(line);
    }
    let scroll = super::cells::to_u16((selected_line + 2).saturating_sub(usize::from(inner.height)));
    frame.render_widget(Paragraph::new(lines).scroll((scroll, 0)), inner);
}

/// How many cells each column of a row takes: the names and organisations as wide as the
/// longest shown, as far as the width allows (the names first, up to half of what is left
/// when both are long).
struct Columns {
    width: usize,
    name: usize,
    org: usize,
    role: usize,
}

impl Columns {
    fn new(people: &[&Person], w: &Words, width: u16) -> Columns {
        let width = usize::from(width);
        let longest = |texts: &mut dyn Iterator<Item = String>| texts.map(|t| cells(&t)).max().unwrap_or(0);
        let role =
            if width >= ROLE_FROM_WIDTH { longest(&mut people.iter().map(|p| w.role(p.role).to_string())) } else { 0 };
        let status = longest(&mut people.iter().map(|p| status(p, w))).clamp(STATUS_ROOM[0], STATUS_ROOM[1]);
        // The mark, a space after each column.
        let room = width.saturating_sub(3 + role + usize::from(role > 0) + status + 2);
        let name_needs = longest(&mut people.iter().map(|p| label(p).0));
        let org_needs = longest(&mut people.iter().map(|p| label(p).1));
        let name = name_needs.min((room / 2).max(room.saturating_sub(org_needs)));
        let org = org_needs.min(room - name);
        Columns { width, name, org, role }
    }

    fn row<'a>(&self, person: &Person, w: &Words, t: &Theme) -> Line<'a> {
        let a = &person.attendance;
        let (mark, style) = match a.presence {
            Presence::Unmarked => ("?", t.muted),
            Presence::Present if a.left.is_some() => ("←", t.muted),
            Presence::Present => ("✓", t.ok),
            Presence::Apologies => ("F", t.warning),
            Presence::Absent => ("✗", t.overrun),
        };
        let (name, org) = label(person);
        let mut spans = vec![Span::styled(format!(" {mark} "), style)];
        if org.is_empty() {
            // Without an organisation, the name may use its column too.
            spans.push(Span::styled(fit(&name, self.name + 1 + self.org) + " ", t.text));
        } else {
            spans.push(Span::styled(fit(&name, self.name) + " ", t.text));
            spans.push(Span::styled(fit(&org, self.org) + " ", t.muted));
        }
        if self.role > 0 {
            spans.push(Span::styled(fit(w.role(person.role), self.role) + " ", t.muted));
        }
        // A status too long for what is left of the row ends in "…".
        let used = 3 + self.name + 1 + self.org + 1 + if self.role > 0 { self.role + 1 } else { 0 };
        let room = self.width.saturating_sub(used);
        let status = status(person, w);
        let status = if cells(&status) > room && room > 0 { fit(&status, room - 1) + "…" } else { status };
        spans.push(Span::styled(status, style));
        Line::from(spans)
    }
}

/// The name and the organisation shown; an organisation with no named person is listed
/// by its name.
fn label(person: &Person) -> (String, String) {
    match (&person.name, &person.org) {
        (Some(n), o) => (n.clone(), o.clone().unwrap_or_default()),
        (None, o) => (o.clone().unwrap_or_default(), String::new()),
    }
}

/// "til stede", or the times when there are any: they say it, and "til stede" would only
/// push them off the screen.
fn status(person: &Person, w: &Words) -> String {
    let a = &person.attendance;
    let hm = |s: crate::domain::time::Stamp| s.hm().to_string();
    let times: Vec<String> = a
        .arrived
        .map(|at| (w.arrived)(&hm(at)))
        .into_iter()
        .chain(a.absences.iter().map(|b| (w.away)(&hm(b.left), &hm(b.back))))
        .chain(a.left.map(|at| (w.left)(&hm(at))))
        .collect();
    if times.is_empty() {
        let n = match a.presence {
            Presence::Unmarked => 0,
            Presence::Present => 1,
            Presence::Apologies => 2,
            Presence::Absent => 3,
        };
        w.presences[n].to_string()
    } else {
        times.join(" ")
    }
}

fn cells(text: &str) -> usize {
    usize::from(wrap::width_of(text))
}

/// `text` in exactly `width` cells: cut, or filled with spaces.
fn fit(text: &str, width: usize) -> String {
    let mut out = String::new();
    let mut used = 0;
    for (_, g, cells) in wrap::graphemes(text) {
        let cells = usize::from(cells);
        if used + cells > width {
            break;
        }
        used += cells;
        out += &wrap::drawn(g).unwrap_or_else(|| g.to_string());
    }
    out + &" ".repeat(width - used)
}

#[cfg(test)]
mod tests {
    use super::fit;

    #[test]
    fn a_column_is_cut_or_filled_to_its_cells() {
        assert_eq!(fit("Helse Nord RHF", 5), "Helse");
        assert_eq!(fit("KS", 4), "KS  ");
        assert_eq!(fit("漢字漢", 5), "漢字 ", "a wide letter that does not fit is left out");
        assert_eq!(fit("a\tb", 3), "a b");
        assert_eq!(fit("x", 0), "");
    }
}
