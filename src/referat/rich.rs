//! The light structure a minute-taker types into a text, read for HTML and DOCX: lines
//! that begin with "- " or "• " are bullets (indented ones nested, "o " too when
//! indented, as Word's second level writes it), `*words*` are emphasised, and web and
//! e-mail addresses are links. Markdown shows the text as typed.

/// A run of a text: plain, emphasised, or a link.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Inline<'a> {
    Text(&'a str),
    Emphasis(&'a str),
    /// `text` as written; `href` where it goes (`mailto:` for an e-mail address).
    Link {
        text: &'a str,
        href: String,
    },
}

/// A part of a text: lines that run together (kept as line breaks), or a list of bullets
/// with their depth from 0.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Block<'a> {
    Lines(Vec<Vec<Inline<'a>>>),
    Bullets(Vec<(usize, Vec<Inline<'a>>)>),
}

/// The blocks of `text`, in order.
pub fn blocks(text: &str) -> Vec<Block<'_>> {
    let mut out: Vec<Block> = Vec::new();
    for line in text.split('\n') {
        match bullet(line) {
            Some((depth, rest)) => match out.last_mut() {
                Some(Block::Bullets(items)) => items.push((depth, inlines(rest))),
                _ => out.push(Block::Bullets(vec![(depth, inlines(rest))])),
            },
            None => match out.last_mut() {
                Some(Block::Lines(lines)) => lines.push(inlines(line)),
                _ => out.push(Block::Lines(vec![inlines(line)])),
            },
        }
    }
    out
}

/// A bullet line: its depth (two spaces or a tab a level) and its text.
fn bullet(line: &str) -> Option<(usize, &str)> {
    let body = line.trim_start_matches([' ', '\t']);
    let indent: usize = line[..line.len() - body.len()].chars().map(|c| if c == '\t' { 2 } else { 1 }).sum();
    let depth = indent / 2;
    let rest = body.strip_prefix("- ").or_else(|| body.strip_prefix("• ")).or_else(|| {
        // Word's second level: "o" under a bullet, only where it is indented.
        (depth > 0).then(|| body.strip_prefix("o ")).flatten()
    })?;
    Some((depth, rest.trim_start()))
}

/// The runs of one line: links and `*emphasis*` picked out of the text.
fn inlines(line: &str) -> Vec<Inline<'_>> {
    let mut out = Vec::new();
    let mut plain_from = 0;
    let mut at = 0;
    let bytes = line.as_bytes();
    while at < line.len() {
        let starts_word = at == 0 || !is_word_byte(bytes[at - 1]);
        if let Some(found) = starts_word.then(|| link_at(line, at)).flatten() {
            if plain_from < at {
                out.push(Inline::Text(&line[plain_from..at]));
            }
            let (len, href) = found;
            out.push(Inline::Link { text: &line[at..at + len], href });
            at += len;
            plain_from = at;
            continue;
        }
        if bytes[at] == b'*'
            && starts_word
            && let Some(len) = emphasis_at(line, at)
        {
            if plain_from < at {
                out.push(Inline::Text(&line[plain_from..at]));
            }
            out.push(Inline::Emphasis(&line[at + 1..at + 1 + len]));
            at += len + 2;
            plain_from = at;
            continue;
        }
        at += line[at..].chars().next().map_or(1, char::len_utf8);
    }
    if plain_from < line.len() {
        out.push(Inline::Text(&line[plain_from..]));
    }
    out
}

fn is_word_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b >= 0x80 || b == b'_'
}

/// `*words*` at `at`: the length of the words (no space just inside the stars, no star
/// within, and not followed by a letter).
fn emphasis_at(line: &str, at: usize) -> Option<usize> {
    let rest = &line[at + 1..];
    let close = rest.find('*')?;
    let inner = &rest[..close];
    let after = rest.as_bytes().get(close + 1);
    let ok = !inner.is_empty()
        && !inner.starts_with(char::is_whitespace)
        && !inner.ends_with(char::is_whitespace)
        && after.is_none_or(|&b| !is_word_byte(b));
    ok.then_some(close)
}

/// A web address (http, https, www.) or an e-mail address at `at`: its length and
/// where it goes. Punctuation that ends a sentence is not part of it.
fn link_at(line: &str, at: usize) -> Option<(usize, String)> {
    let rest = &line[at..];
    let end = rest.find(|c: char| c.is_whitespace() || matches!(c, '<' | '>' | '"')).unwrap_or(rest.len());
    let word = rest[..end].trim_end_matches(['.', ',', ';', ':', '!', '?', ')', '\'']);
    let lower = word.to_ascii_lowercase();
    if (lower.starts_with("https://") || lower.starts_with("http://")) && word.len() > "https://".len() {
        return Some((word.len(), word.to_string()));
    }
    if lower.starts_with("www.") && word[4..].contains('.') {
        return Some((word.len(), format!("https://{word}")));
    }
    let (user, domain) = word.split_once('@')?;
    let looks_like_mail = !user.is_empty()
        && user.chars().all(|c| c.is_alphanumeric() || ".-_+".contains(c))
        && domain.contains('.')
        && !domain.starts_with('.')
        && !domain.ends_with('.')
        && domain.chars().all(|c| c.is_alphanumeric() || ".-".contains(c));
    looks_like_mail.then(|| (word.len(), format!("mailto:{word}")))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Whether `text` has no structure: no bullets, emphasis or links.
    fn is_plain(text: &str) -> bool {
        matches!(blocks(text).as_slice(), [Block::Lines(lines)] if lines.iter().flatten().all(|i| matches!(i, Inline::Text(_))))
    }

    #[test]
    fn bullets_nest_by_their_indent() {
        let text = "Tre innspill:\n- Datadeling i sanntid\n  - neste versjon\n• Ordlyden\n\to Helse Nord\nSlutt.";
        assert_eq!(
            blocks(text),
            [
                Block::Lines(vec![vec![Inline::Text("Tre innspill:")]]),
                Block::Bullets(vec![
                    (0, vec![Inline::Text("Datadeling i sanntid")]),
                    (1, vec![Inline::Text("neste versjon")]),
                    (0, vec![Inline::Text("Ordlyden")]),
                    (1, vec![Inline::Text("Helse Nord")]),
                ]),
                Block::Lines(vec![vec![Inline::Text("Slutt.")]]),
            ]
        );
        assert_eq!(blocks("o ikke en liste"), [Block::Lines(vec![vec![Inline::Text("o ikke en liste")]])]);
        assert_eq!(blocks("-ikke heller"), [Block::Lines(vec![vec![Inline::Text("-ikke heller")]])]);
    }

    #[test]
    fn emphasis_and_links_are_picked_out() {
        assert_eq!(
            inlines("Se *presentasjonen* på https://ehelse.no/normen. Skriv til post@ehelse.no!"),
            [
                Inline::Text("Se "),
                Inline::Emphasis("presentasjonen"),
                Inline::Text(" på "),
                Inline::Link { text: "https://ehelse.no/normen", href: "https://ehelse.no/normen".into() },
                Inline::Text(". Skriv til "),
                Inline::Link { text: "post@ehelse.no", href: "mailto:post@ehelse.no".into() },
                Inline::Text("!"),
            ]
        );
        assert_eq!(
            inlines("www.normen.no"),
            [Inline::Link { text: "www.normen.no", href: "https://www.normen.no".into() }]
        );
        for plain in ["2 * 3 * 4", "a*b*c", "* ikke *", "**", "navn@", "@x.no", "en e-post@", "3*4"] {
            assert!(is_plain(plain), "{plain}: {:?}", inlines(plain));
        }
    }

    #[test]
    fn odd_text_never_breaks_it() {
        for text in ["*", "**x", "*æ*ø", "x@y", "https://", "\t\t- ", "- ", "•", "🎉*🎉*", "*\u{301}*"] {
            let _ = blocks(text);
        }
        assert_eq!(inlines("*🎉*"), [Inline::Emphasis("🎉")]);
    }
}
