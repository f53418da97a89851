//! The referat as Markdown for a web page or a git forge. Every user text is escaped,
//! so a note that starts with "#", "-" or "1." or holds "|", "*" or "<" shows as typed.

use super::document::{Document, Para, Table};
use crate::domain::text::{clean, one_line};

pub fn render(doc: &Document) -> String {
    let mut out = format!("# {}\n\n", escape(&one_line(&doc.title)));
    for (label, value) in &doc.header {
        out += &format!("**{}:** {}  \n", escape(label), escape(value));
    }
    out += "\n";
    for group in &doc.attendance {
        if group.inline {
            out += &format!("**{}:** {}\n\n", escape(&group.heading), escape(&group.people.join(", ")));
        } else {
            out += &format!("## {}\n\n", escape(&one_line(&group.heading)));
            for p in &group.people {
                out += &format!("- {}\n", escape(p));
            }
            out += "\n";
        }
    }
    if let Some(t) = &doc.org_table {
        out += &table(t);
    }
    out += &format!("## {}\n\n", escape(&one_line(&doc.columns[1])));
    for row in &doc.rows {
        let mut head: Vec<String> = row.left.iter().map(|l| escape(&one_line(l))).collect();
        let mut rest = row.right.as_slice();
        if let Some((Para::Heading(h), tail)) = row.right.split_first() {
            head.push(escape(&one_line(h)));
            rest = tail;
        }
        out += &format!("### {}\n\n", head.join(" · "));
        for para in rest {
            out += &match para {
                Para::Heading(h) => format!("**{}**\n\n", escape(h)),
                Para::Text(t) => format!("{}\n\n", escape(t)),
                Para::Label(l) => format!("**{}**\n\n", escape(l)),
                Para::Labeled(l, t) => format!("**{}** {}\n\n", escape(l), escape(t)),
            };
        }
    }
    for t in &doc.tables {
        out += &table(t);
    }
    out.truncate(out.trim_end().len());
    out + "\n"
}

fn table(t: &Table) -> String {
    let cell = |c: &str| escape_inline(&one_line(c));
    let mut out = format!("## {}\n\n", escape(&one_line(&t.heading)));
    out += &format!("| {} |\n", t.columns.iter().map(|c| cell(c)).collect::<Vec<_>>().join(" | "));
    out += &format!("|{}\n", "---|".repeat(t.columns.len()));
    for (k, row) in t.rows.iter().enumerate() {
        for (_, heading) in t.groups.iter().filter(|(at, _)| *at == k) {
            out += &format!("| **{}** |{}\n", cell(heading), " |".repeat(t.columns.len().saturating_sub(1)));
        }
        out += &format!("| {} |\n", row.iter().map(|c| cell(c)).collect::<Vec<_>>().join(" | "));
    }
    out + "\n"
}

/// Text that Markdown shows as typed: inline markup characters are backslash-escaped,
/// and so is whatever would start a heading, list, quote or rule at the start of a line.
/// Line breaks stay line breaks.
pub fn escape(text: &str) -> String {
    escape_with(text, true)
}

/// Escaped for a table cell: one line, where nothing starts a block.
fn escape_inline(text: &str) -> String {
    escape_with(text, false)
}

fn escape_with(text: &str, block: bool) -> String {
    clean(text)
        .split('\n')
        .map(|line| {
            let mut out = String::new();
            let trimmed = line.trim_start();
            out.push_str(&line[..line.len() - trimmed.len()].replace('\t', " "));
            let digits = trimmed.chars().take_while(char::is_ascii_digit).count();
            for (i, c) in trimmed.chars().enumerate() {
                let starts_block = block && i == 0 && matches!(c, '#' | '-' | '+' | '=' | '>');
                let ends_number = block && i == digits && digits > 0 && matches!(c, '.' | ')');
                if starts_block
                    || ends_number
                    || matches!(c, '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '|' | '~' | '&' | '!')
                {
                    out.push('\\');
                }
                out.push(c);
            }
            out
        })
        .collect::<Vec<_>>()
        .join("\\\n")
}

#[cfg(test)]
mod tests {
    use super::escape;

    #[test]
    fn user_text_shows_as_typed() {
        assert_eq!(escape("# ikke en overskrift"), "\\# ikke en overskrift");
        assert_eq!(escape("- ikke en liste"), "\\- ikke en liste");
        assert_eq!(escape("1. ikke nummerert"), "1\\. ikke nummerert");
        assert_eq!(escape("a | b * c <script>"), "a \\| b \\* c \\<script\\>");
        assert_eq!(escape("_x_ `y` [z](u) &amp;"), "\\_x\\_ \\`y\\` \\[z\\](u) \\&amp;");
        assert_eq!(escape("to\nlinjer"), "to\\\nlinjer");
        assert_eq!(escape("Kl. 10.00 – vanlig tekst, 18. august"), "Kl. 10.00 – vanlig tekst, 18. august");
        assert_eq!(escape("> sitat"), "\\> sitat");
        assert_eq!(super::escape_inline("+4 | 18.08.25"), "+4 \\| 18.08.25");
    }
}
