//! The user's config file, `config.ron` in the config folder (`store::dirs`): what it
//! may say, every field optional, and reading it with every problem placed at its line
//! and column in plain words (as an agenda's).

use std::path::{Path, PathBuf};

use serde::Deserialize;

use super::export::Format;
use crate::domain::agenda::Lang;
use crate::referat::document::{Attribution, Times};
use crate::store::agenda_file::{self, IoProblem, ReadError, ReadProblem};

/// What the config file says; whatever it leaves out is the built-in default.
#[derive(Debug, Default, Clone, PartialEq, Eq, Deserialize)]
#[serde(rename = "Config", deny_unknown_fields)]
pub struct Config {
    /// Of the screen and the messages: "nb" or "en".
    #[serde(default)]
    pub language: Option<Lang>,
    /// A built-in theme's name or a theme file's path.
    #[serde(default)]
    pub theme: Option<String>,
    /// The plain screen for screen readers and braille displays.
    #[serde(default)]
    pub plain: Option<bool>,
    /// Who is named before a comment in the referat.
    #[serde(default)]
    pub attribution: Option<Attribution>,
    /// Which Kl. times the referat shows.
    #[serde(default)]
    pub times: Option<Times>,
    /// The export's format when neither `--format` nor `--out`'s extension says.
    #[serde(default)]
    pub format: Option<Format>,
    /// The minute-taker's name, written in the referat's header ("Referent: ...").
    #[serde(default)]
    pub minute_taker: Option<String>,
    /// Where the web view listens ("127.0.0.1:8080"), for `--serve`.
    #[serde(default)]
    pub serve: Option<String>,
}

/// The config file's path: `config.ron` in the config folder; `None` without a home.
pub fn path() -> Option<PathBuf> {
    crate::store::dirs::config_dir().map(|d| d.join("config.ron"))
}

/// The config in `path`: `Ok(None)` when there is no such file; otherwise its text and
/// what it says, or why it cannot be read, placed (with the text, for the excerpt).
pub fn read(path: &Path) -> Result<Option<Config>, Box<(String, ReadError)>> {
    match agenda_file::read_text(path) {
        Err(e) if e.what == ReadProblem::Io(IoProblem::NotFound) => Ok(None),
        Err(e) => Err(Box::new((String::new(), e))),
        Ok(text) => parse(&text).map(Some).map_err(|e| Box::new((text, e))),
    }
}

/// The config written in `text`.
pub fn parse(text: &str) -> Result<Config, ReadError> {
    agenda_file::ron_options().from_str(text).map_err(agenda_file::from_ron)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::locate::Position;

    #[test]
    fn every_setting_reads_and_none_is_needed() {
        assert_eq!(parse("()").unwrap(), Config::default());
        assert_eq!(parse("Config()").unwrap(), Config::default());
        let text = r#"// mine
Config(
    language: "en",
    theme: "light",
    plain: true,
    attribution: Org,
    times: Both,
    format: Html,
    minute_taker: "Max",
    serve: "127.0.0.1:8080",
)"#;
        let config = parse(text).unwrap();
        assert_eq!(
            config,
            Config {
                language: Some(Lang::En),
                theme: Some("light".into()),
                plain: Some(true),
                attribution: Some(Attribution::Org),
                times: Some(Times::Both),
                format: Some(Format::Html),
                minute_taker: Some("Max".into()),
                serve: Some("127.0.0.1:8080".into()),
            }
        );
    }

    #[test]
    fn the_readme_example_reads() {
        let readme = include_str!("../../README.md");
        let start = readme.find("```ron\nConfig(").expect("a config example in README.md") + 7;
        let end = start + readme[start..].find("```").unwrap();
        let config = parse(&readme[start..end]).unwrap();
        assert_eq!(config.minute_taker.as_deref(), Some("Max"));
        assert_eq!(config.format, Some(Format::Html));
    }

    #[test]
    fn a_bad_config_is_placed_and_named_in_plain_words() {
        let e = parse("(\n  language: \"en\",\n  colour: \"red\",\n)").unwrap_err();
        assert_eq!(e.at, Some(Position { line: 3, col: 3 }));
        let ReadProblem::UnknownField { found, known, .. } = &e.what else { panic!("{e:?}") };
        assert_eq!(found, "colour");
        assert!(known.contains(&"theme") && known.contains(&"minute_taker"), "{known:?}");
        let e = parse("(attribution: Everyone)").unwrap_err();
        assert_eq!(e.at.map(|p| p.line), Some(1));
        assert!(matches!(&e.what, ReadProblem::UnknownVariant { found, .. } if found == "Everyone"), "{e:?}");
        let e = parse("(language: \"de\")").unwrap_err();
        let nb = (crate::i18n::words(Lang::Nb).read_problem)(&e.what);
        let en = (crate::i18n::words(Lang::En).read_problem)(&e.what);
        assert!(nb.contains("«de»") && nb.contains("nb"), "{nb}");
        assert!(en.contains("\"de\"") && en.contains("en"), "{en}");
        let e = parse("(format: 3)").unwrap_err();
        assert_eq!(e.at, Some(Position { line: 1, col: 10 }), "at the 3");
    }

    #[test]
    fn no_file_is_no_config_and_a_folder_is_a_problem() {
        let dir = tempfile::tempdir().unwrap();
        assert_eq!(read(&dir.path().join("config.ron")), Ok(None));
        let (_, e) = *read(dir.path()).unwrap_err();
        assert_eq!(e.what, ReadProblem::Io(IoProblem::IsFolder));
        std::fs::write(dir.path().join("config.ron"), "(theme: \"light\"").unwrap();
        let (text, e) = *read(&dir.path().join("config.ron")).unwrap_err();
        assert_eq!(text, "(theme: \"light\"");
        assert!(matches!(e.what, ReadProblem::Expected(_)), "{e:?}");
    }
}
