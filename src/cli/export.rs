//! `referent export`: a session as the referat, or an agenda as the innkalling, in
//! Markdown, HTML or DOCX, written whole or not at all, and never over a file changed
//! since referent wrote it (unless forced: then the old one is kept).

use std::io::Write;
use std::path::{Path, PathBuf};

use super::Outcome;
use super::check::diagnostic;
use crate::domain::agenda::Lang;
use crate::domain::session::Session;
use crate::i18n::{self, Words};
use crate::referat::document::{self, Document, Options};
use crate::referat::{docx, html, markdown};
use crate::store::agenda_file;
use crate::store::exported::{self, Refused, Written};
use crate::store::session_file::{self, FileKind};

/// The formats a referat can be written in (as a config file writes them: `Html`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Deserialize)]
pub enum Format {
    Markdown,
    Html,
    Docx,
}

impl Format {
    pub fn from_name(name: &str) -> Option<Format> {
        match name.to_ascii_lowercase().as_str() {
            "md" | "markdown" => Some(Format::Markdown),
            "html" | "htm" => Some(Format::Html),
            "docx" => Some(Format::Docx),
            _ => None,
        }
    }

    fn extension(self) -> &'static str {
        match self {
            Format::Markdown => "md",
            Format::Html => "html",
            Format::Docx => "docx",
        }
    }
}

/// What to export and how.
pub struct Request<'a> {
    pub file: &'a Path,
    pub format: Option<&'a str>,
    pub out: Option<&'a Path>,
    pub innkalling: bool,
    pub options: Options,
    /// The referat's language; the agenda's when `None`.
    pub lang: Option<Lang>,
    /// Write over a file changed since referent wrote it (it is kept as `NAME.bak`).
    pub force: bool,
    /// The format when neither `format` nor `out`'s extension says (the config file's).
    pub default_format: Format,
    /// Who took the minutes, for the referat's header (the config file's).
    pub minute_taker: Option<&'a str>,
}

/// Runs the export; messages in the words `w`. An error is standard output or error
/// failing.
pub fn run(req: &Request, w: &Words, stdout: &mut impl Write, err: &mut impl Write) -> std::io::Result<Outcome> {
    let Some(format) = format_asked(req, w, err)? else { return Ok(Outcome::Reported) };
    let to_stdout = req.out == Some(Path::new("-"));
    if to_stdout && format == Format::Docx {
        writeln!(err, "referent: {}: {}", w.error, w.docx_not_to_stdout)?;
        return Ok(Outcome::Reported);
    }
    let Some((mut session, source)) = read_input(req, w, err)? else { return Ok(Outcome::Reported) };
    // (A terminal escape or a bidi override read from the file is shown in the referat.)
    session.make_visible();
    let lang = req.lang.unwrap_or(session.agenda.language);
    let words = i18n::words(lang);
    let doc: Document = if req.innkalling {
        document::innkalling(&session.agenda, words)
    } else {
        let mut doc = document::referat(&session, words, req.options);
        if let Some(name) = req.minute_taker.filter(|n| !n.trim().is_empty()) {
            doc.header.push((words.referat.minute_taker.to_string(), crate::domain::text::visible(name).into_owned()));
        }
        doc
    };
    let bytes = match render(format, &doc, lang) {
        Ok(b) => b,
        Err(e) => {
            writeln!(err, "referent: {}: {}", w.error, (w.cannot_write)(&e.to_string()))?;
            return Ok(Outcome::NotWritten);
        }
    };
    if to_stdout {
        stdout.write_all(&bytes)?;
        return Ok(Outcome::Done);
    }
    let out = req.out.map_or_else(|| default_out(&source, req.innkalling, format), Path::to_path_buf);
    let shown = out.display().to_string();
    let refused = |err: &mut dyn Write, why: &str| writeln!(err, "{shown}: {}: {why}", w.error);
    match exported::write(&out, &bytes, req.force) {
        Ok(Written::Written) => writeln!(stdout, "{}", (w.exported)(&shown))?,
        Ok(Written::KeptOld(old)) => writeln!(stdout, "{}", (w.exported_kept)(&shown, &old.display().to_string()))?,
        Err(Refused::Link) => {
            refused(err, w.export_is_link)?;
            return Ok(Outcome::Reported);
        }
        Err(Refused::NotAFile) => {
            refused(err, w.export_not_a_file)?;
            return Ok(Outcome::Reported);
        }
        Err(Refused::Changed) => {
            let name = out.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
            refused(err, &(w.export_changed)(&name))?;
            return Ok(Outcome::Reported);
        }
        Err(Refused::Io(path, e)) => {
            writeln!(err, "{}: {}: {}", path.display(), w.error, (w.cannot_write)(&e.to_string()))?;
            return Ok(Outcome::NotWritten);
        }
    }
    Ok(Outcome::Done)
}

/// The format asked for: `--format`, else `--out`'s extension (none: Markdown); or why
/// not, said on `err`. An extension naming no format referent writes is refused, never
/// written as Markdown.
fn format_asked(req: &Request, w: &Words, err: &mut impl Write) -> std::io::Result<Option<Format>> {
    if let Some(f) = req.format {
        let format = Format::from_name(f);
        if format.is_none() {
            writeln!(err, "referent: {}: {}", w.error, (w.unknown_format)(f))?;
        }
        return Ok(format);
    }
    let Some(extension) = req.out.and_then(Path::extension) else { return Ok(Some(req.default_format)) };
    let extension = extension.to_string_lossy();
    let format = Format::from_name(&extension);
    if format.is_none() {
        let shown = req.out.map(|o| o.display().to_string()).unwrap_or_default();
        writeln!(err, "{shown}: {}: {}", w.error, (w.unknown_extension)(&extension))?;
    }
    Ok(format)
}

fn render(format: Format, doc: &Document, lang: Lang) -> std::io::Result<Vec<u8>> {
    Ok(match format {
        Format::Markdown => markdown::render(doc).into_bytes(),
        Format::Html => html::render(doc, lang).into_bytes(),
        Format::Docx => docx::render(doc, lang)?,
    })
}

/// The session to export and the file it came from: a session file, or for an agenda,
/// the agenda itself (innkalling) or its session beside it (referat).
fn read_input(req: &Request, w: &Words, err: &mut impl Write) -> std::io::Result<Option<(Session, PathBuf)>> {
    let name = req.file.display().to_string();
    let text = match agenda_file::read_text(req.file) {
        Ok(t) => t,
        Err(e) => {
            diagnostic(err, &name, "", e.at, w.error, &(w.read_problem)(&e.what))?;
            return Ok(None);
        }
    };
    if session_file::kind_of(&text) == FileKind::Session {
        return Ok(super::parse_session(&name, text, w, err).map(|(mut s, text)| {
            crate::store::peek::replay_journal(req.file, &text, &mut s);
            (s, req.file.to_path_buf())
        }));
    }
    let agenda = match agenda_file::parse(&text) {
        Ok(c) => c.agenda,
        Err(e) => {
            diagnostic(err, &name, &text, e.at, w.error, &(w.read_problem)(&e.what))?;
            return Ok(None);
        }
    };
    if req.innkalling {
        return Ok(Some((Session::new(agenda), req.file.to_path_buf())));
    }
    let session_path = session_file::default_path(req.file);
    if !session_path.exists() {
        writeln!(err, "{name}: {}: {}", w.error, (w.agenda_without_session)(&session_path.display().to_string()))?;
        return Ok(None);
    }
    Ok(super::read_session(&session_path, w, err).map(|(mut s, text)| {
        // (A meeting still running, or one cut off: the referat holds everything typed.)
        crate::store::peek::replay_journal(&session_path, &text, &mut s);
        (s, session_path)
    }))
}

/// Beside the input: `møte.session.ron` → `møte.referat.md`, `møte.ron` → `møte.innkalling.md`.
fn default_out(source: &Path, innkalling: bool, format: Format) -> PathBuf {
    let name = source.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    let stem = name.strip_suffix(".session.ron").or_else(|| name.strip_suffix(".ron")).unwrap_or(&name);
    let what = if innkalling { "innkalling" } else { "referat" };
    source.with_file_name(format!("{stem}.{what}.{}", format.extension()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_output_sits_beside_the_input() {
        let out = default_out(Path::new("agendas/møte.session.ron"), false, Format::Markdown);
        assert_eq!(out, PathBuf::from("agendas/møte.referat.md"));
        let out = default_out(Path::new("møte.ron"), true, Format::Markdown);
        assert_eq!(out, PathBuf::from("møte.innkalling.md"));
    }

    #[test]
    fn formats_are_read_from_names_and_extensions() {
        assert_eq!(Format::from_name("MD"), Some(Format::Markdown));
        assert_eq!(Format::from_name("htm"), Some(Format::Html));
        assert_eq!(Format::from_name("DOCX"), Some(Format::Docx));
        assert_eq!(Format::from_name("pdf"), None);
    }
}
