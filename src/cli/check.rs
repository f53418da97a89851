//! `referent check`: the saksliste as a secretariat reads it, or what to fix and where.

use std::io::Write;
use std::path::Path;

use crate::domain::agenda::{Item, Role};
use crate::domain::check::{self, Severity};
use crate::domain::schedule::Length;
use crate::domain::text::visible;
use crate::i18n::Words;
use crate::store::agenda_file::{self, Checked, Placed};
use crate::store::locate::Position;
use crate::store::session_file::{self, FileKind};

/// Checks each file; true when none has an error. Listings go to `out`, problems to `err`.
pub fn run(files: &[impl AsRef<Path>], w: &Words, out: &mut impl Write, err: &mut impl Write) -> std::io::Result<bool> {
    let mut all_ok = true;
    for (n, file) in files.iter().enumerate() {
        if n > 0 {
            writeln!(out)?;
        }
        all_ok &= check_one(file.as_ref(), w, out, err)?;
    }
    Ok(all_ok)
}

fn check_one(path: &Path, w: &Words, out: &mut impl Write, err: &mut impl Write) -> std::io::Result<bool> {
    let name = path.display();
    let text = match agenda_file::read_text(path) {
        Ok(text) => text,
        Err(e) => {
            diagnostic(err, &name.to_string(), "", e.at, w.error, &(w.read_problem)(&e.what))?;
            return Ok(false);
        }
    };
    let parsed = if session_file::kind_of(&text) == FileKind::Session {
        session_file::parse(&text).map(|s| {
            let found = check::session(&s);
            let mut checked = agenda_file::checked(s.agenda, &text, "agenda.");
            let map = crate::store::locate::SourceMap::of(&text);
            checked.findings.extend(found.into_iter().map(|f| Placed { at: map.find("agenda.date"), what: f }));
            checked
        })
    } else {
        agenda_file::parse(&text)
    };
    let mut checked = match parsed {
        Ok(c) => c,
        Err(e) => {
            diagnostic(err, &name.to_string(), &text, e.at, w.error, &(w.read_problem)(&e.what))?;
            return Ok(false);
        }
    };
    let at = crate::store::locate::SourceMap::of(&text).find("numbering");
    checked.findings.extend(used_elsewhere(path, &checked.agenda).into_iter().map(|what| Placed { at, what }));
    writeln!(out, "{name}")?;
    saksliste(&checked, w, out)?;
    let (mut errors, mut warnings) = (0, 0);
    for Placed { at, what } in &checked.findings {
        let severity = what.problem.severity();
        let word = if severity == Severity::Error { w.error } else { w.warning };
        match severity {
            Severity::Error => errors += 1,
            Severity::Warning => warnings += 1,
        }
        diagnostic(err, &name.to_string(), &text, *at, word, &(w.problem)(&what.problem))?;
    }
    if errors > 0 {
        writeln!(err, "{name}: {}", (w.check_failed)(errors, warnings))?;
        return Ok(false);
    }
    let saker = checked.agenda.items.iter().filter(|i| matches!(i, Item::Sak(_))).count();
    writeln!(out, "{}", (w.check_ok)(saker, checked.agenda.items.len() - saker, warnings))?;
    Ok(true)
}

/// The numbers of `agenda` (in the file at `path`) that other sessions in its folder used
/// already: one warning for each such session. (The agenda's own session is not another.)
fn used_elsewhere(path: &Path, agenda: &crate::domain::agenda::Agenda) -> Vec<check::Finding> {
    let folder = path.parent().filter(|d| !d.as_os_str().is_empty()).unwrap_or(Path::new("."));
    let own = session_file::default_path(path);
    let Ok(found) = crate::store::folder::sessions(folder, &[path, &own]) else { return Vec::new() };
    found
        .into_iter()
        .filter_map(|f| {
            let other = f.session.ok()?;
            let numbers = check::numbers_used_by(agenda, &other.agenda);
            let session = f.path.file_name()?.to_string_lossy().into_owned();
            (!numbers.is_empty()).then_some(check::Finding {
                spot: check::Spot::Header("numbering"),
                problem: check::Problem::NumbersUsedElsewhere {
                    session,
                    numbers,
                    free: other.agenda.next_free_number(),
                },
            })
        })
        .collect()
}

/// `file:line:col: feil: message`, then the line and a caret under the column.
pub fn diagnostic(
    err: &mut impl Write,
    name: &str,
    text: &str,
    at: Option<Position>,
    severity: &str,
    message: &str,
) -> std::io::Result<()> {
    let message = readable(message);
    let Some(at) = at else {
        return writeln!(err, "{name}: {severity}: {message}");
    };
    writeln!(err, "{name}:{}:{}: {severity}: {message}", at.line, at.col)?;
    if let Some(line) = text.lines().nth(at.line - 1) {
        let number = at.line.to_string();
        let pad = " ".repeat(number.len());
        let (shown, before) = excerpt(line, at.col);
        writeln!(err, " {number} | {shown}")?;
        writeln!(err, " {pad} | {before}^")?;
    }
    Ok(())
}

/// How much of a source line is shown under a message, in characters.
const SHOWN: usize = 100;
/// How long a quoted value in a message may be, in characters.
const QUOTED: usize = 80;

/// The part of `line` shown under a message: at most `SHOWN` characters around column
/// `col` ("…" where it is cut), what a terminal would obey shown (`text::visible`);
/// and what goes before the caret under column `col`.
fn excerpt(line: &str, col: usize) -> (String, String) {
    let chars: Vec<char> = line.chars().collect();
    let at = col.saturating_sub(1).min(chars.len());
    let start = if chars.len() <= SHOWN { 0 } else { at.saturating_sub(SHOWN * 2 / 3).min(chars.len() - SHOWN) };
    let end = (start + SHOWN).min(chars.len());
    let cut: String = chars[start..end].iter().map(|&c| if c == '\n' { ' ' } else { c }).collect();
    let mut shown = visible(&cut).into_owned();
    let mut before: String = chars[start..at].iter().map(|&c| if c == '\t' { '\t' } else { ' ' }).collect();
    if start > 0 {
        shown.insert(0, '…');
        before.insert(0, ' ');
    }
    if end < chars.len() {
        shown.push('…');
    }
    (shown, before)
}

/// `message` with every quoted value («...» or "...") longer than `QUOTED` characters cut
/// in the middle, and what a terminal would obey shown: a message is read, not obeyed.
fn readable(message: &str) -> String {
    let mut out = String::with_capacity(message.len().min(1024));
    let mut rest = message;
    while let Some(open) = rest.find(['«', '"']) {
        let quote = if rest[open..].starts_with('«') { '»' } else { '"' };
        let inner_start = open + rest[open..].chars().next().map_or(1, char::len_utf8);
        let Some(len) = rest[inner_start..].find(quote) else { break };
        out.push_str(&rest[..inner_start]);
        let inner = &rest[inner_start..inner_start + len];
        let count = inner.chars().count();
        if count > QUOTED {
            let head: String = inner.chars().take(QUOTED - 20).collect();
            let tail: String = inner.chars().skip(count - 10).collect();
            out.push_str(&format!("{head} … {tail}"));
        } else {
            out.push_str(inner);
        }
        out.push(quote);
        rest = &rest[inner_start + len + quote.len_utf8()..];
    }
    out.push_str(rest);
    crate::domain::text::visible(&out).into_owned()
}

/// The header and the saksliste with number, Kl., timebox, kind and title.
fn saksliste(c: &Checked, w: &Words, out: &mut impl Write) -> std::io::Result<()> {
    let a = &c.agenda;
    // (Texts on one line, their control characters gone: a terminal escape in a title is
    // not sent to the terminal.)
    writeln!(out, "  {}", shown(&a.title))?;
    if !a.body.is_empty() {
        writeln!(out, "  {}", shown(&a.body))?;
    }
    let mut when = format!("{} {}", w.weekdays[a.date.weekday_index()], a.date.short());
    if let Some(start) = c.schedule.start {
        when += &format!(" {start}");
        if let Some(end) = a.end {
            when += &format!("–{end}");
        }
    }
    if let Some(place) = &a.place {
        when += &format!(" · {}", shown(place));
    }
    writeln!(out, "  {when}")?;
    if !a.people.is_empty() {
        let members = a.people.iter().filter(|p| p.role.is_member() && p.role != Role::Deputy).count();
        let apologies = a.people.iter().filter(|p| p.apologies).count();
        writeln!(out, "  {}", (w.roster)(a.people.len(), members, apologies))?;
    }
    writeln!(out)?;

    let kinds: Vec<&str> = a
        .items
        .iter()
        .map(|i| match i {
            Item::Sak(s) => w.kind(s.kind),
            Item::Break(_) => "",
        })
        .collect();
    let kind_width = kinds.iter().map(|k| k.chars().count()).max().unwrap_or(0).max(w.col_kind.chars().count());
    writeln!(
        out,
        "  {:<6} {:<5} {:>7}  {:<kind_width$}  {}",
        w.col_sak, w.col_kl, w.col_time, w.col_kind, w.col_title
    )?;
    let numbers = a.sak_numbers();
    for (i, item) in a.items.iter().enumerate() {
        let slot = c.schedule.slots[i];
        let number = numbers[i].map(|n| n.to_string()).unwrap_or_default();
        let length = if slot.length == Length::Unknown {
            "–".to_string()
        } else {
            format!("{} {}", slot.minutes, w.minutes_short)
        };
        let title = match item {
            Item::Break(b) if b.title.is_empty() => w.a_break.to_string(),
            _ => shown(item.title()),
        };
        writeln!(out, "  {number:<6} {:<5} {length:>7}  {:<kind_width$}  {title}", slot.start.to_string(), kinds[i])?;
    }
    if let Some(end) = c.schedule.planned_end() {
        writeln!(out, "  {:<6} {end:<5} {:>7}  {:<kind_width$}  {}", "", "", "", w.end_of_meeting)?;
    }
    writeln!(out)
}

/// A text of the agenda as the listing shows it: on one line, and what a terminal would
/// obey (an escape, a bidi override) shown (`text::visible`).
fn shown(text: &str) -> String {
    visible(&text.replace("\r\n", "\n").replace('\r', "\n")).replace('\n', " ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_long_line_is_shown_around_the_column_and_a_long_value_cut() {
        let line = format!("Agenda(phrases: [{}], titel: \"x\")", "r\"d\",".repeat(10_000));
        let col = line.find("titel").unwrap() + 1;
        let (shown, before) = excerpt(&line, col);
        assert!(shown.chars().count() <= SHOWN + 2, "{shown}");
        assert!(shown.starts_with('…') && shown.contains("titel: \"x\")"), "{shown}");
        assert_eq!(shown.chars().nth(before.chars().count()), Some('t'), "the caret under the field");
        let (short, before) = excerpt("Sak(at: \"25:70\")", 9);
        assert_eq!((short.as_str(), before.as_str()), ("Sak(at: \"25:70\")", "        "));
        let message = format!("ukjent verdi «{}»", "x".repeat(26_000_000 / 1000));
        let cut = readable(&message);
        assert!(cut.len() < 200 && cut.starts_with("ukjent verdi «xxx") && cut.ends_with("xxx»"), "{cut}");
        assert_eq!(readable("«kort» og \"også\""), "«kort» og \"også\"");
        assert_eq!(readable("tittel «\u{1b}[2J»"), "tittel «␛[2J»", "no terminal escapes");
        let (escaped, _) = excerpt("title: \"\u{1b}]0;pwned\u{7}\"", 1);
        assert!(!escaped.contains('\u{1b}') && !escaped.contains('\u{7}'), "{escaped:?}");
    }
}
