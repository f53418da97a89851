//! Where the editor's text falls on screen: each line wrapped into rows of a width after its
//! spaces (a word longer than a row is broken anywhere), the cells each grapheme takes, and
//! the row and column of a place in the text. One computation serves drawing the editor,
//! its height, and moving up and down by rows.

use std::str::CharIndices;

use ratatui::buffer::CellWidth;
use unicode_segmentation::{GraphemeIndices, UnicodeSegmentation};

/// One row on screen: bytes `start..end` of line `line`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Row {
    pub line: usize,
    pub start: usize,
    pub end: usize,
}

/// A char that is a grapheme of its own, one cell wide, whatever follows it: printable
/// ASCII and the Latin letters up to the combining marks (æ, ø, å, é, ...). A line of only
/// these (most text typed in a meeting) is wrapped char by char, without segmentation.
fn simple(c: char) -> bool {
    matches!(c, ' '..='~' | '\u{a0}'..='\u{2ff}') && c != '\u{ad}'
}

/// The graphemes of a line: (byte offset, text, cells). A control char (a pasted tab) takes
/// one cell and is drawn as a space; nothing takes less than one cell.
pub enum Graphemes<'a> {
    Simple(CharIndices<'a>),
    Full(GraphemeIndices<'a>),
}

pub fn graphemes(line: &str) -> Graphemes<'_> {
    if line.chars().all(simple) {
        Graphemes::Simple(line.char_indices())
    } else {
        Graphemes::Full(line.grapheme_indices(true))
    }
}

impl<'a> Iterator for Graphemes<'a> {
    type Item = (usize, &'a str, u16);

    fn next(&mut self) -> Option<Self::Item> {
        match self {
            Graphemes::Simple(chars) => {
                let s = chars.as_str();
                let (at, c) = chars.next()?;
                Some((at, &s[..c.len_utf8()], 1))
            }
            Graphemes::Full(graphemes) => {
                let (at, g) = graphemes.next()?;
                Some((at, g, cells(g)))
            }
        }
    }
}

/// What a grapheme is drawn as when not as itself: a control char (a pasted tab) as a
/// space, a bidi override as "�", a mark that takes no cell of its own (an accent left alone at the start of a
/// line) on a dotted circle, as typographers show it; one cell either way.
pub fn drawn(g: &str) -> Option<String> {
    if g.len() == 1 && !g.contains(char::is_control) {
        None
    } else if g.contains(char::is_control) {
        Some(" ".into())
    } else if g.contains(crate::domain::text::hidden) {
        // (A mark that turns the text's direction is shown, never obeyed.)
        Some("\u{fffd}".into())
    } else if g.cell_width() == 0 {
        Some(format!("\u{25cc}{g}"))
    } else {
        None
    }
}

/// The cells a grapheme takes on screen.
pub fn cells(g: &str) -> u16 {
    if g.contains(char::is_control) { 1 } else { g.cell_width().max(1) }
}

/// The rows of `lines` on a screen `width` cells wide. Every line has at least one row; a
/// line whose last row is full gets an empty one after it, for the cursor at its end.
pub fn rows(lines: &[String], width: u16) -> Vec<Row> {
    let mut rows = Vec::with_capacity(lines.len());
    for (n, line) in lines.iter().enumerate() {
        wrap_line(n, line, width.max(1), &mut rows);
    }
    rows
}

fn wrap_line(n: usize, line: &str, width: u16, rows: &mut Vec<Row>) {
    if line.chars().all(simple) {
        wrap_cells(n, line, width, rows, line.char_indices().map(|(at, c)| (at, c == ' ', 1)));
    } else {
        wrap_cells(n, line, width, rows, graphemes(line).map(|(at, g, w)| (at, g == " ", w)));
    }
}

/// Wraps a line given as its graphemes: (byte offset, is a space, cells).
fn wrap_cells(n: usize, line: &str, width: u16, rows: &mut Vec<Row>, cells: impl Iterator<Item = (usize, bool, u16)>) {
    let mut start = 0;
    let mut x = 0u16;
    // The last place in the row a word begins after a space: (byte, cells before it).
    let mut after_space: Option<(usize, u16)> = None;
    for (at, space, w) in cells {
        if x + w > width && at > start {
            let cut = match after_space {
                Some((b, bx)) if !space && b > start => (b, bx),
                _ => (at, x),
            };
            rows.push(Row { line: n, start, end: cut.0 });
            start = cut.0;
            x -= cut.1;
            after_space = None;
        }
        x += w;
        if space {
            after_space = Some((at + 1, x));
        }
    }
    rows.push(Row { line: n, start, end: line.len() });
    if x >= width {
        rows.push(Row { line: n, start: line.len(), end: line.len() });
    }
}

/// The row and cell of byte `at` of line `line`: the row it begins, or for the end of a
/// line its last row.
pub fn locate(rows: &[Row], lines: &[String], line: usize, at: usize) -> (usize, u16) {
    let first = rows.partition_point(|r| r.line < line);
    let mut index = first;
    while let Some(next) = rows.get(index + 1)
        && next.line == line
        && next.start <= at
    {
        index += 1;
    }
    let x = match (rows.get(index), lines.get(line)) {
        (Some(row), Some(text)) => width_of(&text[row.start..at.clamp(row.start, row.end)]),
        _ => 0,
    };
    (index, x)
}

/// The byte of `row` whose cell is at `x`, or the row's end when it is shorter. (The end
/// of a row that is not its line's last is the next row's beginning: one before it, then.)
pub fn byte_at(rows: &[Row], lines: &[String], row: usize, x: u16) -> Option<usize> {
    let r = rows.get(row)?;
    let text = lines.get(r.line)?;
    let mut cx = 0;
    for (at, _, w) in graphemes(&text[r.start..r.end]) {
        if cx + w > x {
            return Some(r.start + at);
        }
        cx += w;
    }
    let continues = rows.get(row + 1).is_some_and(|next| next.line == r.line);
    match graphemes(&text[r.start..r.end]).last() {
        Some((at, _, _)) if continues => Some(r.start + at),
        _ => Some(r.end),
    }
}

/// Cells taken by `text`.
pub fn width_of(text: &str) -> u16 {
    match graphemes(text) {
        Graphemes::Simple(chars) => u16::try_from(chars.count()).unwrap_or(u16::MAX),
        full @ Graphemes::Full(_) => full.map(|(_, _, w)| w).sum(),
    }
}

/// Cells taken by the graphemes `a` and `b` begin with alike.
pub fn common_width(a: &str, b: &str) -> u16 {
    match (graphemes(a), graphemes(b)) {
        (Graphemes::Simple(a), Graphemes::Simple(b)) => {
            u16::try_from(a.zip(b).take_while(|((_, x), (_, y))| x == y).count()).unwrap_or(u16::MAX)
        }
        (a, b) => a.zip(b).take_while(|((_, x, _), (_, y, _))| x == y).map(|((_, _, w), _)| w).sum(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(text: &str, width: u16) -> Vec<String> {
        let lines: Vec<String> = text.split('\n').map(String::from).collect();
        rows(&lines, width).iter().map(|r| lines[r.line][r.start..r.end].to_string()).collect()
    }

    #[test]
    fn lines_wrap_after_spaces_and_long_words_anywhere() {
        assert_eq!(texts("Vi lar den stå uforandret", 10), ["Vi lar den", " stå ", "uforandret", ""]);
        assert_eq!(texts("Taushetserklæringen", 8), ["Taushets", "erklærin", "gen"]);
        assert_eq!(texts("", 8), [""]);
        assert_eq!(texts("ab\n\ncd", 8), ["ab", "", "cd"]);
        // A full last row leaves room for the cursor after it.
        assert_eq!(texts("abcd", 4), ["abcd", ""]);
    }

    #[test]
    fn wide_and_combined_graphemes_take_their_cells() {
        // Two cells each: four fit in a row of eight.
        assert_eq!(texts("漢字漢字漢字", 8), ["漢字漢字", "漢字"]);
        // "e" with a combining accent is one grapheme, one cell.
        assert_eq!(texts("e\u{301}e\u{301}e\u{301}", 2), ["e\u{301}e\u{301}", "e\u{301}"]);
        assert_eq!(width_of("e\u{301}漢ø\t"), 5);
        assert_eq!(width_of("Støtte"), 6);
        assert_eq!(drawn("\u{301}").as_deref(), Some("\u{25cc}\u{301}"));
        assert_eq!(drawn("\t").as_deref(), Some(" "));
        assert_eq!(drawn("ø"), None);
        assert_eq!(common_width("Støtte", "Støttes"), 6);
        assert_eq!(common_width("Støtte", "Stø"), 3);
        // A letter that gets an accent is no longer alike.
        assert_eq!(common_width("ae", "ae\u{301}"), 1);
        assert_eq!(common_width("漢字", "漢x"), 2);
    }

    #[test]
    fn a_place_in_the_text_has_a_row_and_a_cell() {
        let lines = vec!["Vi lar den stå uforandret".to_string(), "ok".to_string()];
        let rows = rows(&lines, 10);
        assert_eq!(locate(&rows, &lines, 0, 0), (0, 0));
        assert_eq!(locate(&rows, &lines, 0, 3), (0, 3));
        // The end of a row that goes on is the start of the next.
        assert_eq!(locate(&rows, &lines, 0, 10), (1, 0));
        // "stå" has a two-byte å: the cell after it is 4.
        assert_eq!(locate(&rows, &lines, 0, 15), (1, 4));
        // The end of a line whose last row is full is on the empty row after it.
        assert_eq!(locate(&rows, &lines, 0, lines[0].len()), (3, 0));
        assert_eq!(locate(&rows, &lines, 1, 2), (4, 2));
    }

    #[test]
    fn a_cell_of_a_row_has_a_byte() {
        let lines = vec!["Vi lar den stå uforandret".to_string(), "ok".to_string()];
        let rows = rows(&lines, 10);
        assert_eq!(byte_at(&rows, &lines, 0, 3), Some(3));
        // Past the end of a row that goes on: its last grapheme.
        assert_eq!(byte_at(&rows, &lines, 0, 40), Some(9));
        assert_eq!(byte_at(&rows, &lines, 1, 3), Some(13));
        // Past the end of a line: its end.
        assert_eq!(byte_at(&rows, &lines, 4, 9), Some(2));
        assert_eq!(byte_at(&rows, &lines, 9, 0), None);
    }
}
