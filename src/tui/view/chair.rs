//! The chair's view in a terminal (`referent follow`): the current sak and its timer in
//! digits as large as the terminal allows, the time left or over, the plan, the next two
//! items, what it takes to end on time; a line for how the session file stands.

use ratatui::Frame;
use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph, Widget, Wrap};
use tui_big_text::{BigText, PixelSize};

use crate::app::chair::{ChairView, Tone};
use crate::theme::Theme;

/// A line under the view: how the followed file stands (gone, unreadable, moved), else the
/// keys.
pub struct Footer<'a> {
    pub notice: Option<(&'a str, Tone)>,
    /// (key, what it does), from the keymap.
    pub keys: &'a [(String, &'static str)],
    pub read_only: &'a str,
}

fn tone_style(t: &Theme, tone: Tone) -> Style {
    match tone {
        Tone::Normal => t.ok,
        Tone::Warning => t.warning,
        Tone::Overrun => t.overrun,
    }
}

pub fn draw(frame: &mut Frame, view: &ChairView, footer: &Footer, t: &Theme, next_word: &str) {
    let area = frame.area();
    frame.render_widget(Block::new().style(t.text), area);
    let buf = frame.buffer_mut();
    let rows = |n: usize| u16::try_from(n).unwrap_or(u16::MAX);
    let width = usize::from(area.width.max(1));
    // (In a small terminal one line, with what matters most: never at the cost of the digits.)
    let small = area.height < 16;
    let detail = detail_line(view, t, small.then_some(width));
    let detail_rows = if detail.width() == 0 { 0 } else { detail.width().div_ceil(width) };
    let next: Vec<Line> = view
        .next
        .iter()
        .enumerate()
        .map(|(i, n)| {
            let label = if i == 0 { format!("{next_word}: ") } else { " ".repeat(next_word.chars().count() + 2) };
            Line::from(vec![
                Span::styled(label, t.muted),
                Span::styled(format!("{}  ", n.at), t.accent),
                Span::styled(n.label.clone(), t.text),
            ])
        })
        .collect();
    let catch_up =
        view.catch_up.as_ref().map(|c| Line::from(Span::styled(c.clone(), tone_style(t, view.catch_up_tone))));
    // What it takes to end on time: as many lines as it needs (3 at most) that leave the
    // digits 4 rows, and never less than one.
    let fixed = 3 + usize::from(!view.title.is_empty()) + detail_rows + next.len();
    let spare = usize::from(area.height).saturating_sub(fixed + 4).clamp(1, 3);
    let catch_up_rows = catch_up.as_ref().map_or(0, |c| c.width().div_ceil(width).min(spare));
    let [top, title, digits, details, plan, catch, upcoming, bottom] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(u16::from(!view.title.is_empty())),
        Constraint::Fill(1),
        Constraint::Length(rows(detail_rows)),
        Constraint::Length(1),
        Constraint::Length(rows(catch_up_rows)),
        Constraint::Length(rows(next.len())),
        Constraint::Length(1),
    ])
    .areas(area);
    // The heading, the wall clock at the right.
    let clock = format!(" {} ", view.clock);
    let [heading, clock_area] =
        Layout::horizontal([Constraint::Fill(1), Constraint::Length(rows(clock.chars().count()))]).areas(top);
    Line::from(Span::styled(format!(" {}", view.heading), t.title.add_modifier(Modifier::BOLD))).render(heading, buf);
    Line::from(Span::styled(clock, t.clock)).render(clock_area, buf);
    Line::from(Span::styled(format!(" {}", view.title), t.title)).render(title, buf);
    // No item under way: the wall clock, for the room.
    match &view.timer {
        Some(timer) => {
            let style = if view.tone == Tone::Normal { t.clock } else { tone_style(t, view.tone) };
            big_digits(buf, digits, timer, style);
        }
        None => big_digits(buf, digits, &view.clock, t.muted),
    }
    Paragraph::new(detail).centered().wrap(Wrap { trim: true }).render(details, buf);
    let mut plan_spans = Vec::new();
    if view.plan.is_empty() {
        plan_spans.push(Span::raw(" "));
    } else {
        plan_spans.push(Span::styled(format!(" {}", view.plan), tone_style(t, view.plan_tone)));
        plan_spans.push(Span::styled(" · ", t.muted));
    }
    plan_spans.push(Span::styled(view.end.clone(), t.text));
    Line::from(plan_spans).render(plan, buf);
    if let Some(c) = catch_up {
        Paragraph::new(c).wrap(Wrap { trim: true }).render(catch, buf);
    }
    Paragraph::new(next).render(upcoming, buf);
    footer_line(footer, t).render(bottom, buf);
}

/// The time left or over, a break's end, that the clock is stopped, the timebox: each in
/// words, coloured by its tone, on one line (wrapped where it must be). Within `fit`
/// columns, the parts that matter least are left out first (the timebox, then the break's
/// end).
fn detail_line(view: &ChairView, t: &Theme, fit: Option<usize>) -> Line<'static> {
    // (Shown in this order; the number says which goes first when there is no room.)
    let mut parts: Vec<(u8, String, Style)> = Vec::new();
    if view.timer.is_some() {
        parts.push((1, view.timebox.clone(), t.muted));
        if !view.left.is_empty() {
            parts.push((4, view.left.clone(), tone_style(t, view.tone).add_modifier(Modifier::BOLD)));
        }
    }
    if let Some(b) = &view.break_left {
        parts.push((2, b.clone(), tone_style(t, view.tone)));
    }
    if let Some(p) = &view.paused {
        parts.push((3, p.clone(), t.warning.add_modifier(Modifier::BOLD)));
    }
    let width = |parts: &[(u8, String, Style)]| {
        parts.iter().map(|(_, text, _)| text.chars().count()).sum::<usize>() + 3 * parts.len().saturating_sub(1)
    };
    while let Some(fit) = fit
        && parts.len() > 1
        && width(&parts) > fit
    {
        let least = parts.iter().enumerate().min_by_key(|(_, p)| p.0).map_or(0, |(i, _)| i);
        parts.remove(least);
    }
    let mut spans = Vec::new();
    for (_, text, style) in parts {
        if !spans.is_empty() {
            spans.push(Span::styled(" · ", t.muted));
        }
        spans.push(Span::styled(text, style));
    }
    Line::from(spans)
}

fn footer_line<'a>(footer: &Footer<'a>, t: &Theme) -> Line<'a> {
    if let Some((notice, tone)) = footer.notice {
        return Line::from(Span::styled(format!(" {notice}"), tone_style(t, tone).add_modifier(Modifier::BOLD)));
    }
    let mut spans = vec![Span::raw(" ")];
    for (key, what) in footer.keys {
        spans.push(Span::styled(key.clone(), t.key));
        spans.push(Span::styled(format!(" {what}  "), t.footer));
    }
    spans.push(Span::styled(footer.read_only, t.muted));
    Line::from(spans)
}

/// `text` in the largest digits that fit `area`, centred: the 8×8 font with each pixel a
/// block of cells (as many as fit), else in half or quarter cells, else as plain text.
fn big_digits(buf: &mut Buffer, area: Rect, text: &str, style: Style) {
    let n = u16::try_from(text.chars().count()).unwrap_or(u16::MAX);
    let (w, h) = (area.width, area.height);
    let scale = (1..=8u16).rev().find(|k| n.saturating_mul(8 * k) <= w && 8 * k <= h);
    let (size, cols, lines) = match scale {
        Some(_) => (PixelSize::Full, 8, 8),
        None if n * 8 <= w && h >= 4 => (PixelSize::HalfHeight, 8, 4),
        None if n * 4 <= w && h >= 4 => (PixelSize::Quadrant, 4, 4),
        None => {
            let plain = Line::from(Span::styled(text.to_string(), style.add_modifier(Modifier::BOLD))).centered();
            plain.render(Rect { height: h.min(1), y: area.y + h / 2, ..area }, buf);
            return;
        }
    };
    let k = scale.unwrap_or(1);
    let small = Rect::new(0, 0, n * cols, lines);
    let mut drawn = Buffer::empty(small);
    BigText::builder()
        .pixel_size(size)
        .style(style)
        .lines(vec![Line::from(text.to_string())])
        .build()
        .render(small, &mut drawn);
    let (big_w, big_h) = (small.width * k, small.height * k);
    let x0 = area.x + (w - big_w) / 2;
    let y0 = area.y + (h - big_h) / 2;
    for y in 0..small.height {
        for x in 0..small.width {
            let Some(cell) = drawn.cell((x, y)) else { continue };
            for dy in 0..k {
                for dx in 0..k {
                    if let Some(to) = buf.cell_mut((x0 + x * k + dx, y0 + y * k + dy)) {
                        to.set_symbol(cell.symbol()).set_style(cell.style());
                    }
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::chair::ChairView;
    use crate::domain::agenda::Lang;
    use crate::domain::session::tests::{at, session};
    use ratatui::Terminal;
    use ratatui::backend::TestBackend;

    fn drawn(width: u16, height: u16, view: &ChairView, notice: Option<(&str, Tone)>) -> String {
        let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
        let keys = [("q".to_string(), "avslutt")];
        let footer = Footer { notice, keys: &keys, read_only: "bare visning" };
        terminal.draw(|f| draw(f, view, &footer, &crate::theme::Theme::default(), "Neste")).unwrap();
        let buf = terminal.backend().buffer();
        (0..height)
            .map(|y| (0..width).map(|x| buf.cell((x, y)).map_or(" ", |c| c.symbol())).collect::<String>())
            .collect::<Vec<_>>()
            .join("\n")
    }

    fn behind() -> ChairView {
        let mut s = session();
        s.next(at("10:00:00")).unwrap();
        ChairView::of(&s, &s.schedule(), at("10:16:00"), crate::i18n::words(Lang::Nb))
    }

    #[test]
    fn the_smallest_terminal_shows_everything_the_chair_needs() {
        let text = drawn(40, 12, &behind(), None);
        for what in ["Nå: 01/25", "10:16", "+06:00 over", "6 min etter plan", "Neste:", "02/25 b", "q avslutt"] {
            assert!(text.contains(what), "{what:?} missing:\n{text}");
        }
    }

    #[test]
    fn a_large_terminal_gets_larger_digits() {
        let count = |text: &str| text.chars().filter(|c| *c == '█').count();
        let small = count(&drawn(60, 16, &behind(), None));
        let large = count(&drawn(200, 60, &behind(), None));
        assert!(large > small * 4, "{small} → {large}");
        assert!(drawn(200, 60, &behind(), None).contains("+06:00 over"));
    }

    #[test]
    fn a_break_in_the_smallest_terminal_keeps_the_time_left_and_the_digits() {
        let mut s = session();
        s.next(at("10:00:00")).unwrap();
        s.go_to(2, at("10:30:00")).unwrap();
        s.pause(at("10:31:00")).unwrap();
        let view = ChairView::of(&s, &s.schedule(), at("10:34:00"), crate::i18n::words(Lang::Nb));
        let text = drawn(40, 12, &view, None);
        assert!(text.contains("14:00 igjen · KLOKKA STÅR"), "{text}");
        assert!(text.contains('▀') || text.contains('▄') || text.contains('█'), "large digits:\n{text}");
        let text = drawn(80, 24, &view, None);
        assert!(text.contains("av 15:00 · 14:00 igjen · pausen slutter kl. 10:48 · KLOKKA STÅR"), "{text}");
    }

    #[test]
    fn a_notice_takes_the_footer() {
        let text = drawn(80, 12, &behind(), Some(("Møtet finnes ikke lenger", Tone::Overrun)));
        assert!(text.contains("Møtet finnes ikke lenger"), "{text}");
        assert!(!text.contains("q avslutt"), "{text}");
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(32))]

        /// On generated agendas walked at random times, the chair is always told the time
        /// left or over in words as well as by colour, at most two items come next, and the
        /// view draws at the smallest size and a large one.
        #[test]
        fn the_chair_is_told_in_words_on_any_agenda(
            agenda in crate::domain::arbitrary::agenda(),
            steps in proptest::collection::vec((0i64..900, proptest::bool::ANY), 1..30),
        ) {
            let mut session = crate::domain::session::Session::new(agenda);
            session.agenda.date = at("10:00:00").day();
            let mut now = at("09:50:00");
            let w = crate::i18n::words(Lang::Nb);
            for (seconds, next) in steps {
                now = now.plus_seconds(seconds);
                if next {
                    let _ = session.apply(crate::domain::command::Command::Next, now);
                }
                let view = ChairView::of(&session, &session.schedule(), now, w);
                proptest::prop_assert!(view.next.len() <= 2);
                match view.tone {
                    Tone::Overrun => proptest::prop_assert!(view.left.starts_with('+') && view.left.ends_with(" over"), "{}", view.left),
                    Tone::Warning => proptest::prop_assert!(view.left.starts_with('⚠'), "{}", view.left),
                    Tone::Normal => proptest::prop_assert!(view.left.is_empty() || view.left.ends_with(" igjen"), "{}", view.left),
                }
                let large = drawn(120, 40, &view, None);
                proptest::prop_assert!(large.contains(view.left.as_str()), "{large}");
                drawn(40, 12, &view, None);
            }
        }
    }
}
