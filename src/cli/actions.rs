//! `referent actions FOLDER`: every follow-up still open across the sessions of a folder,
//! with who, frist and the meeting it came from, the overdue ones marked, sorted by frist;
//! as text, Markdown or CSV.

use std::io::Write;
use std::path::Path;

use super::Outcome;
use crate::domain::next::{self, OpenFollowUp};
use crate::domain::text::visible;
use crate::domain::time::Day;
use crate::i18n::Words;

/// The forms `actions` writes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    Text,
    Markdown,
    Csv,
}

impl Format {
    /// `text`, `md` or `csv` (as `--format` takes them).
    pub fn parse(name: &str) -> Option<Format> {
        match name.to_ascii_lowercase().as_str() {
            "text" | "txt" => Some(Format::Text),
            "md" | "markdown" => Some(Format::Markdown),
            "csv" => Some(Format::Csv),
            _ => None,
        }
    }
}

/// One line of the list, as written: every text read from a file made visible.
struct Row {
    what: String,
    who: String,
    frist: String,
    /// The frist as a date, ISO (for CSV), or as typed.
    frist_iso: String,
    meeting: String,
    overdue: bool,
}

fn row(open: &OpenFollowUp, today: Day, w: &Words) -> Row {
    let seen = |s: &str| visible(s).replace(['\n', '\r'], " ");
    let sak = open.sak.map(|n| n.to_string());
    Row {
        what: seen(&open.followup.what),
        who: seen(open.followup.who.as_deref().unwrap_or_default()),
        frist: seen(&open.frist().unwrap_or_default()),
        frist_iso: seen(
            &open
                .followup
                .frist
                .map(|d| d.to_string())
                .or_else(|| open.followup.frist_text.clone())
                .unwrap_or_default(),
        ),
        meeting: (w.next.draft.from_meeting)(&open.meeting.short(), sak.as_deref()),
        overdue: open.overdue(today),
    }
}

/// Lists the follow-ups still open in `folder` on `today`, in `format` (a name).
pub fn run(
    folder: &Path,
    format: Option<&str>,
    today: Day,
    w: &Words,
    out: &mut impl Write,
    err: &mut impl Write,
) -> std::io::Result<Outcome> {
    let shown = folder.display().to_string();
    let format = match format.map(|f| (f, Format::parse(f))) {
        None => Format::Text,
        Some((_, Some(f))) => f,
        Some((name, None)) => {
            writeln!(err, "--format: {}: {}", w.error, (w.next.unknown_format)(&visible(name)))?;
            return Ok(Outcome::Reported);
        }
    };
    let found = match crate::store::folder::sessions(folder, &[]) {
        Ok(found) => found,
        Err(e) => {
            writeln!(err, "{shown}: {}: {}", w.error, (w.next.no_folder)(&e.to_string()))?;
            return Ok(Outcome::Reported);
        }
    };
    let mut sessions = Vec::new();
    for f in found {
        match f.session {
            Ok(s) => sessions.push(s),
            Err(_) => writeln!(err, "{}: {}", w.warning, (w.next.skipped)(&visible(&f.path.display().to_string())))?,
        }
    }
    let refs: Vec<_> = sessions.iter().collect();
    let rows: Vec<Row> = next::open_across(&refs).iter().map(|(_, o)| row(o, today, w)).collect();
    out.write_all(render(&rows, format, w).as_bytes())?;
    Ok(Outcome::Done)
}

fn render(rows: &[Row], format: Format, w: &Words) -> String {
    let [what, who, frist, meeting] = w.next.columns;
    match format {
        Format::Text if rows.is_empty() => format!("{}\n", w.next.none_open),
        Format::Text => {
            let frist_of =
                |r: &Row| if r.overdue { format!("{} ({})", r.frist, w.next.overdue) } else { r.frist.clone() };
            let width = |title: &str, f: &dyn Fn(&Row) -> String| {
                rows.iter().map(|r| f(r).chars().count()).chain([title.chars().count()]).max().unwrap_or(0)
            };
            let (wf, ww, wm) =
                (width(frist, &frist_of), width(who, &|r| r.who.clone()), width(meeting, &|r| r.meeting.clone()));
            let pad = |s: &str, n: usize| format!("{s}{}", " ".repeat(n.saturating_sub(s.chars().count())));
            let line = |f: &str, h: &str, m: &str, x: &str| {
                format!("{}  {}  {}  {x}\n", pad(f, wf), pad(h, ww), pad(m, wm)).trim_end().to_string() + "\n"
            };
            let mut text = line(frist, who, meeting, what);
            for r in rows {
                text.push_str(&line(&frist_of(r), &r.who, &r.meeting, &r.what));
            }
            text
        }
        Format::Markdown => {
            let cell = |s: &str| s.replace('|', "\\|");
            let mut text = format!("| {what} | {who} | {frist} | {meeting} |\n|---|---|---|---|\n");
            for r in rows {
                let f = if r.overdue { format!("**{} ({})**", cell(&r.frist), w.next.overdue) } else { cell(&r.frist) };
                text.push_str(&format!("| {} | {} | {f} | {} |\n", cell(&r.what), cell(&r.who), cell(&r.meeting)));
            }
            text
        }
        Format::Csv => {
            let field = |s: &str| {
                if s.contains([',', '"', '\n', '\r']) {
                    format!("\"{}\"", s.replace('"', "\"\""))
                } else {
                    s.to_string()
                }
            };
            let mut text = [what, who, frist, meeting, w.next.overdue].map(field).join(",") + "\r\n";
            for r in rows {
                let overdue = if r.overdue { w.next.overdue } else { "" };
                text.push_str(&([&r.what, &r.who, &r.frist_iso, &r.meeting, overdue].map(&field).join(",") + "\r\n"));
            }
            text
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::agenda::Lang;

    fn rows() -> Vec<Row> {
        vec![
            Row {
                what: "Svar, \"snart\"".into(),
                who: "Ola | Kari".into(),
                frist: "18.08.25".into(),
                frist_iso: "2025-08-18".into(),
                meeting: "møte 03.06.25, sak 03/25".into(),
                overdue: true,
            },
            Row {
                what: "Les".into(),
                who: String::new(),
                frist: "september".into(),
                frist_iso: "september".into(),
                meeting: "møte 03.06.25".into(),
                overdue: false,
            },
        ]
    }

    #[test]
    fn the_list_is_written_as_text_markdown_and_csv_with_the_overdue_marked() {
        let w = crate::i18n::words(Lang::Nb);
        let text = render(&rows(), Format::Text, w);
        let expected = [
            "Frist               Ansvarlig   Møte                      Hva",
            "18.08.25 (forfalt)  Ola | Kari  møte 03.06.25, sak 03/25  Svar, \"snart\"",
            "september                       møte 03.06.25             Les",
        ];
        assert_eq!(text, expected.map(|l| format!("{l}\n")).concat());
        let md = render(&rows(), Format::Markdown, w);
        assert!(
            md.contains("| Svar, \"snart\" | Ola \\| Kari | **18.08.25 (forfalt)** | møte 03.06.25, sak 03/25 |"),
            "{md}"
        );
        let csv = render(&rows(), Format::Csv, w);
        assert_eq!(
            csv,
            "Hva,Ansvarlig,Frist,Møte,forfalt\r\n\"Svar, \"\"snart\"\"\",Ola | Kari,2025-08-18,\"møte 03.06.25, sak 03/25\",forfalt\r\nLes,,september,møte 03.06.25,\r\n"
        );
        assert_eq!(render(&[], Format::Text, w), "Ingen åpne oppfølgingspunkter.\n");
        assert_eq!(Format::parse("MD"), Some(Format::Markdown));
        assert_eq!(Format::parse("pdf"), None);
    }
}
