//! Drawing the live meeting: named areas of the screen, each drawn by its own module.

mod current;
mod footer;
mod header;
mod overlay;
mod saksliste;
mod status;

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout};

use super::app::{App, Mode};
use crate::domain::time::Stamp;

/// Draws the whole screen for `now`.
pub fn draw(frame: &mut Frame, app: &mut App, now: Stamp) {
    let area = frame.area();
    frame.render_widget(ratatui::widgets::Block::new().style(app.theme.text), area);
    let current_height = match area.height {
        h if h >= 22 => 9,
        h if h >= 16 => 6,
        h if h >= 10 => 3,
        _ => 0,
    };
    let message_width = app.message.as_ref().map_or(0, |m| m.chars().count() + 2);
    let footer_height = if message_width > usize::from(area.width) { 2 } else { 1 };
    let [header, list, current, status, footer] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Min(1),
        Constraint::Length(current_height),
        Constraint::Length(1),
        Constraint::Length(footer_height),
    ])
    .areas(area);
    header::draw(frame, header, app, now);
    saksliste::draw(frame, list, app, now);
    current::draw(frame, current, app, now);
    status::draw(frame, status, app, now);
    footer::draw(frame, footer, app);
    match &app.mode {
        Mode::Normal => {}
        Mode::Help => overlay::help(frame, area, app),
        Mode::Confirm(c) => overlay::confirm(frame, area, app, *c),
        Mode::Prompt(p) => overlay::prompt(frame, area, app, p),
    }
}

/// "12:34", or "1:02:03" from an hour on, for a number of seconds (no sign).
pub fn duration(seconds: i64) -> String {
    let s = seconds.abs();
    if s >= 3600 {
        format!("{}:{:02}:{:02}", s / 3600, (s / 60) % 60, s % 60)
    } else {
        format!("{:02}:{:02}", s / 60, s % 60)
    }
}

#[cfg(test)]
mod tests {
    use super::duration;

    #[test]
    fn durations_read_like_a_stopwatch() {
        assert_eq!(duration(0), "00:00");
        assert_eq!(duration(754), "12:34");
        assert_eq!(duration(-150), "02:30");
        assert_eq!(duration(3723), "1:02:03");
    }
}
