//! Drawing straight into cells what ratatui's widgets would draw: a piece of text in one
//! row, as a one-line `Line` draws it (style patched over the cells', cut to the width,
//! right-aligned text cut on the left); a style over an area; a rule with a title, as a
//! `Block` with a top border. The parts that show the time are drawn once a second, and
//! this costs a tenth of the widgets. (Text with anything but simple letters in it is
//! left to a `Line`.)

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

use crate::app::wrap;

/// A count of cells or rows as a coordinate: a screen is never wider or higher than u16
/// can say, and anything past it is off the screen anyway.
pub fn to_u16(n: usize) -> u16 {
    u16::try_from(n).unwrap_or(u16::MAX)
}

/// Where in its cells a piece of text goes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Align {
    Left,
    Right,
}

/// Draws `text` in `style` into the first row of `area` (the cells `buf` holds).
pub fn put(buf: &mut Buffer, area: Rect, text: &str, style: Style, align: Align) {
    if area.is_empty() {
        return;
    }
    // Text of only simple letters (most of it) is drawn here, a cell a char; any other,
    // by ratatui itself.
    if !matches!(wrap::graphemes(text), wrap::Graphemes::Simple(_)) {
        let line = Line::from(Span::styled(text, style));
        let line = if align == Align::Right { line.right_aligned() } else { line };
        line.render(area, buf);
        return;
    }
    let width = usize::from(area.width);
    let chars = text.chars().count();
    // Right-aligned text too long for its cells loses its start.
    let (x, skip) = match align {
        Align::Left => (area.x, 0),
        Align::Right if chars <= width => (area.right() - to_u16(chars), 0),
        Align::Right => (area.x, chars - width),
    };
    for (k, c) in text.char_indices().skip(skip).take(width).enumerate() {
        if let Some(cell) = buf.cell_mut((x + to_u16(k), area.y)) {
            cell.set_symbol(&text[c.0..c.0 + c.1.len_utf8()]).set_style(style);
        }
    }
}

/// `line` as the selected row: every span in the colours of `selected` (a span's own
/// colour would otherwise stand on the selection's background, where it may not read).
pub fn selected(line: Line<'_>, selected: Style) -> Line<'_> {
    let mut line = line.style(selected);
    for span in &mut line.spans {
        span.style = span.style.patch(selected);
    }
    line
}

/// Patches `style` over the cells of `area` (those `buf` holds), as `Buffer::set_style`.
pub fn fill(buf: &mut Buffer, area: Rect, style: Style) {
    let area = area.intersection(buf.area);
    if area.is_empty() {
        return;
    }
    for y in area.top()..area.bottom() {
        let from = buf.index_of(area.x, y);
        for cell in &mut buf.content[from..from + usize::from(area.width)] {
            cell.set_style(style);
        }
    }
}

/// Draws a rule across the top row of `area` in `border`, `title` over its left end, as
/// a `Block` with a top border and a title does; the rest of `area` is its inside.
pub fn rule(buf: &mut Buffer, area: Rect, title: &str, title_style: Style, border: Style) -> Rect {
    if area.is_empty() {
        return area;
    }
    let top = Rect { height: 1, ..area };
    for x in top.left()..top.right() {
        if let Some(cell) = buf.cell_mut((x, top.y)) {
            cell.set_symbol("─").set_style(border);
        }
    }
    put(buf, top, title, title_style, Align::Left);
    Rect { y: area.y + 1, height: area.height - 1, ..area }
}

#[cfg(test)]
mod tests {
    use ratatui::style::Stylize;

    use super::*;

    /// What `put` draws is what a ratatui `Line` draws, for text that fits, text that is
    /// cut, wide letters and Norwegian ones, tabs, soft hyphens, zero-width spaces and
    /// accents, on either side.
    #[test]
    fn text_is_drawn_as_a_line_draws_it() {
        let area = Rect::new(2, 1, 7, 1);
        let texts = [
            "",
            "møte",
            "Godkjenning",
            "~10:04",
            "漢字漢字",
            "a漢字漢字",
            "120 min",
            "æøå æøå",
            "a\tb tab",
            "line\nbreak",
            "Taushets\u{ad}erklæring",
            "zero\u{200b}width",
            "\u{301}aksent",
            "e\u{301}e\u{301}e\u{301}e\u{301}",
        ];
        for text in texts {
            for align in [Align::Left, Align::Right] {
                let mut ours = Buffer::empty(Rect::new(0, 0, 12, 3));
                let mut theirs = ours.clone();
                put(&mut ours, area, text, Style::new().red(), align);
                let line = Line::from(text.red());
                let line = if align == Align::Right { line.right_aligned() } else { line };
                line.render(area, &mut theirs);
                assert_eq!(ours, theirs, "{text:?} {align:?}");
            }
        }
    }

    /// A rule is a `Block` with a top border and a title, and its inside the same.
    #[test]
    fn a_rule_is_a_block_with_a_top_border() {
        use ratatui::widgets::{Block, Borders};
        for (width, title) in [(20, " Saksliste "), (6, " Saksliste "), (20, "")] {
            let area = Rect::new(1, 1, width, 3);
            let mut ours = Buffer::empty(Rect::new(0, 0, 24, 5));
            let mut theirs = ours.clone();
            let inside = rule(&mut ours, area, title, Style::new().bold(), Style::new().dark_gray());
            let block = Block::new()
                .borders(Borders::TOP)
                .border_style(Style::new().dark_gray())
                .title(ratatui::text::Span::styled(title, Style::new().bold()));
            assert_eq!(inside, block.inner(area));
            block.render(area, &mut theirs);
            assert_eq!(ours, theirs, "{width} {title:?}");
        }
    }

    #[test]
    fn a_style_over_an_area_is_set_style() {
        let mut ours = Buffer::with_lines(["abcdef", "ghijkl", "mnopqr"]);
        let mut theirs = ours.clone();
        for area in [Rect::new(1, 1, 3, 2), Rect::new(4, 0, 9, 9), Rect::new(0, 0, 0, 2)] {
            fill(&mut ours, area, Style::new().on_blue().italic());
            theirs.set_style(area, Style::new().on_blue().italic());
        }
        assert_eq!(ours, theirs);
    }
}
