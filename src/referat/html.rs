//! The referat as one standalone HTML5 file: embedded CSS for the screen and for A4 print,
//! the two-column sak table, every user text escaped, no script and no external resource.

use super::document::{Document, Para, Table};
use super::rich::{self, Block, Inline};
use crate::domain::agenda::Lang;

const STYLE: &str = include_str!("html.css");

pub fn render(doc: &Document, lang: Lang) -> String {
    let mut out = String::from("<!DOCTYPE html>\n");
    out += &format!("<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n", lang.code());
    out += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n";
    out += &format!("<title>{}</title>\n<style>\n{STYLE}</style>\n</head>\n<body>\n<main>\n", escape(&doc.title));
    out += &format!("<h1>{}</h1>\n", escape(&doc.title));
    if !doc.header.is_empty() {
        out += "<table class=\"header\">\n";
        for (label, value) in &doc.header {
            out += &format!("<tr><th scope=\"row\">{}:</th><td>{}</td></tr>\n", escape(label), value_html(value));
        }
        out += "</table>\n";
    }
    for group in &doc.attendance {
        if group.inline {
            out += &format!(
                "<p class=\"inline-group\"><strong>{}:</strong> {}</p>\n",
                escape(&group.heading),
                escape(&group.people.join(", "))
            );
        } else {
            out += &format!("<h2>{}</h2>\n<ul class=\"people\">\n", escape(&group.heading));
            for p in &group.people {
                out += &format!("<li>{}</li>\n", escape(p));
            }
            out += "</ul>\n";
        }
    }
    if let Some(t) = &doc.org_table {
        out += &table(t);
    }
    out += "<table class=\"saker\">\n<thead>\n<tr>";
    out += &format!(
        "<th scope=\"col\">{}</th><th scope=\"col\">{}</th>",
        escape(&doc.columns[0]),
        escape(&doc.columns[1])
    );
    out += "</tr>\n</thead>\n<tbody>\n";
    for row in &doc.rows {
        let left: Vec<String> = row.left.iter().map(|l| escape(l)).collect();
        out += &format!("<tr>\n<td class=\"sak\">{}</td>\n<td>\n", left.join("<br>"));
        for para in &row.right {
            out += &match para {
                Para::Heading(h) => format!("<h3>{}</h3>\n", escape(h)),
                Para::Text(t) => rich_html(t, None),
                Para::Label(l) => format!("<p class=\"label\"><strong>{}</strong></p>\n", escape(l)),
                Para::Labeled(l, t) => rich_html(t, Some(l)),
            };
        }
        out += "</td>\n</tr>\n";
    }
    out += "</tbody>\n</table>\n";
    for t in &doc.tables {
        out += &table(t);
    }
    out + "</main>\n</body>\n</html>\n"
}

fn table(t: &Table) -> String {
    let mut out = format!("<h2>{}</h2>\n<table class=\"grid\">\n<thead>\n<tr>", escape(&t.heading));
    for c in &t.columns {
        out += &format!("<th scope=\"col\">{}</th>", escape(c));
    }
    out += "</tr>\n</thead>\n<tbody>\n";
    for (k, row) in t.rows.iter().enumerate() {
        for (_, heading) in t.groups.iter().filter(|(at, _)| *at == k) {
            out += &format!(
                "<tr class=\"group\"><th scope=\"rowgroup\" colspan=\"{}\">{}</th></tr>\n",
                t.columns.len(),
                escape(heading)
            );
        }
        out += "<tr>";
        for c in row {
            out += &format!("<td>{}</td>", escape(c));
        }
        out += "</tr>\n";
    }
    out + "</tbody>\n</table>\n"
}

/// A text with its light structure (`rich`): paragraphs with line breaks, nested lists,
/// emphasis and links; a label, bold, before its first paragraph.
fn rich_html(text: &str, label: Option<&str>) -> String {
    let mut out = String::new();
    let mut label = label.map(|l| format!("<strong>{}</strong> ", escape(l)));
    let text = crate::domain::text::clean(text);
    for block in rich::blocks(&text) {
        match block {
            Block::Lines(lines) => {
                let lines: Vec<String> = lines.iter().map(|l| inline_html(l)).collect();
                out += &format!("<p>{}{}</p>\n", label.take().unwrap_or_default(), lines.join("<br>\n"));
            }
            Block::Bullets(items) => {
                if let Some(l) = label.take() {
                    out += &format!("<p>{}</p>\n", l.trim_end());
                }
                out += &bullets_html(&items);
            }
        }
    }
    out
}

/// Bullets as nested lists, a level at a time however deep the indent jumps.
fn bullets_html(items: &[(usize, Vec<Inline>)]) -> String {
    let mut out = String::from("<ul>\n");
    let mut depth = 0;
    for (k, (wanted, inlines)) in items.iter().enumerate() {
        if k > 0 {
            if *wanted > depth {
                out += "\n<ul>\n";
                depth += 1;
            } else {
                out += "</li>\n";
                while depth > *wanted {
                    out += "</ul>\n</li>\n";
                    depth -= 1;
                }
            }
        }
        out += &format!("<li>{}", inline_html(inlines));
    }
    out += "</li>\n";
    for _ in 0..depth {
        out += "</ul>\n</li>\n";
    }
    out + "</ul>\n"
}

fn inline_html(inlines: &[Inline]) -> String {
    inlines
        .iter()
        .enumerate()
        .map(|(k, i)| match i {
            Inline::Text(t) => escape_from(t, k == 0),
            Inline::Emphasis(t) => format!("<em>{}</em>", escape(t)),
            Inline::Link { text, href } => format!("<a href=\"{}\">{}</a>", escape(href), escape(text)),
        })
        .collect()
}

/// A header value; a bare web address becomes a link to itself.
fn value_html(value: &str) -> String {
    let web = value.starts_with("https://") || value.starts_with("http://");
    if web && !value.contains(char::is_whitespace) {
        let v = escape(value);
        format!("<a href=\"{v}\">{v}</a>")
    } else {
        escape(value)
    }
}

/// Text that HTML shows as typed, in element content and in quoted attributes; line
/// breaks stay line breaks and the indentation of a line stays.
pub fn escape(text: &str) -> String {
    escape_from(text, true)
}

/// `escape` for text that goes on from other text on its line (`line_start` false): its
/// leading spaces are spaces.
fn escape_from(text: &str, mut line_start: bool) -> String {
    let text = crate::domain::text::clean(text);
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if line_start && (c == ' ' || c == '\t') {
            out += if c == ' ' { "&nbsp;" } else { "&nbsp;&nbsp;&nbsp;&nbsp;" };
            continue;
        }
        line_start = c == '\n';
        match c {
            '&' => out += "&amp;",
            '<' => out += "&lt;",
            '>' => out += "&gt;",
            '"' => out += "&quot;",
            '\'' => out += "&#39;",
            '\n' => out += "<br>\n",
            '\r' => {}
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn user_text_shows_as_typed() {
        assert_eq!(escape("<script>alert('x')</script>"), "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;");
        assert_eq!(escape("A & B \"sitat\""), "A &amp; B &quot;sitat&quot;");
        assert_eq!(escape("to\r\nlinjer"), "to<br>\nlinjer");
        assert_eq!(escape("Blåbær – Ørsta"), "Blåbær – Ørsta");
        assert_eq!(escape("- a\n  - b c"), "- a<br>\n&nbsp;&nbsp;- b c");
    }

    #[test]
    fn only_a_bare_web_address_becomes_a_link() {
        assert_eq!(
            value_html("https://x.invalid/a?b=1&c=2"),
            "<a href=\"https://x.invalid/a?b=1&amp;c=2\">https://x.invalid/a?b=1&amp;c=2</a>"
        );
        assert_eq!(value_html("javascript:alert(1)"), "javascript:alert(1)");
        assert_eq!(value_html("https://x.invalid \"onmouseover"), "https://x.invalid &quot;onmouseover");
    }
}
