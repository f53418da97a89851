//! The settings in effect and where each came from: a flag, the config file, the agenda
//! (for the language), else the built-in default. `referent config` prints them.

use std::io::Write;
use std::path::PathBuf;

use super::config_file::{self, Config};
use super::export::Format;
use crate::domain::agenda::Lang;
use crate::i18n::Words;
use crate::referat::document::{Attribution, Times};
use crate::store::agenda_file::ReadError;

/// Where a setting's value came from, strongest first.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Source {
    Flag,
    ConfigFile,
    /// The agenda's `language`.
    Agenda,
    /// `LC_ALL`, `LC_MESSAGES` or `LANG` (the language, when no agenda says).
    Locale,
    Default,
}

/// A setting's value and where it came from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Setting<T> {
    pub value: T,
    pub from: Source,
}

impl<T> Setting<T> {
    fn of(flag: Option<T>, config: Option<T>, default: T) -> Setting<T> {
        match (flag, config) {
            (Some(value), _) => Setting { value, from: Source::Flag },
            (None, Some(value)) => Setting { value, from: Source::ConfigFile },
            (None, None) => Setting { value: default, from: Source::Default },
        }
    }
}

/// What the command line says about the settings (`None`: not given).
#[derive(Clone, Debug, Default)]
pub struct Flags {
    pub lang: Option<Lang>,
    pub theme: Option<String>,
    pub plain: bool,
    pub attribution: Option<Attribution>,
    pub times: Option<Times>,
    pub serve: Option<String>,
}

/// Every setting in effect.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Settings {
    pub language: Setting<Lang>,
    /// `None`: the default theme (colourless under `NO_COLOR`).
    pub theme: Setting<Option<String>>,
    pub plain: Setting<bool>,
    pub attribution: Setting<Attribution>,
    pub times: Setting<Times>,
    /// When neither `--format` nor `--out`'s extension says.
    pub format: Setting<Format>,
    pub minute_taker: Setting<Option<String>>,
    /// Where the live meeting serves its web pages (`--serve`); none when not set.
    pub serve: Setting<Option<String>>,
}

impl Settings {
    /// The settings of `flags` over `config` over the defaults; the language, when neither
    /// says, from the locale in `env`.
    pub fn resolve(flags: Flags, config: &Config, env: impl Fn(&str) -> Option<String>) -> Settings {
        let language = match Setting::of(flags.lang, config.language, Lang::Nb) {
            Setting { from: Source::Default, .. } => {
                let locale = crate::i18n::ui_lang(None, env);
                let from = if locale == Lang::En { Source::Locale } else { Source::Default };
                Setting { value: locale, from }
            }
            given => given,
        };
        Settings {
            language,
            theme: Setting::of(flags.theme.map(Some), config.theme.clone().map(Some), None),
            plain: Setting::of(flags.plain.then_some(true), config.plain, false),
            attribution: Setting::of(flags.attribution, config.attribution, Attribution::None),
            times: Setting::of(flags.times, config.times, Times::Planned),
            format: Setting::of(None, config.format, Format::Markdown),
            minute_taker: Setting::of(None, config.minute_taker.clone().map(Some), None),
            serve: Setting::of(flags.serve.map(Some), config.serve.clone().map(Some), None),
        }
    }

    /// With the language of an agenda: it decides unless a flag or the config file did.
    pub fn with_agenda(mut self, agenda: Lang) -> Settings {
        if !matches!(self.language.from, Source::Flag | Source::ConfigFile) {
            self.language = Setting { value: agenda, from: Source::Agenda };
        }
        self
    }
}

/// The config file as found: where it is, what it says (empty when it is not there or
/// cannot be read), and why not, with its text.
#[derive(Debug)]
pub struct Loaded {
    pub path: Option<PathBuf>,
    pub config: Config,
    pub problem: Option<(String, ReadError)>,
}

/// Reads the config file at its place (none there: the defaults).
pub fn load() -> Loaded {
    let path = config_file::path();
    load_from(path)
}

/// Reads the config file at `path`.
pub fn load_from(path: Option<PathBuf>) -> Loaded {
    let read = path.as_deref().map_or(Ok(None), config_file::read);
    match read {
        Ok(config) => Loaded { path, config: config.unwrap_or_default(), problem: None },
        Err(problem) => Loaded { path, config: Config::default(), problem: Some(*problem) },
    }
}

impl Loaded {
    /// Says on `err` what is wrong with the config file, placed, with the excerpt.
    pub fn report(&self, w: &Words, err: &mut impl Write) -> std::io::Result<()> {
        let (Some(path), Some((text, e))) = (&self.path, &self.problem) else { return Ok(()) };
        let message = (w.home.config_ignored)(&(w.read_problem)(&e.what));
        super::check::diagnostic(err, &path.display().to_string(), text, e.at, w.error, &message)
    }

    /// What is wrong with the config file, on one line (for the footer).
    pub fn problem_line(&self, w: &Words) -> Option<String> {
        let (path, (_, e)) = (self.path.as_ref()?, self.problem.as_ref()?);
        let place = match e.at {
            Some(at) => format!("{}:{}:{}", path.display(), at.line, at.col),
            None => path.display().to_string(),
        };
        let line = format!("{place}: {}", (w.home.config_ignored)(&(w.read_problem)(&e.what)));
        // (What the file says is shown, never obeyed by the terminal.)
        Some(crate::domain::text::visible(&line).into_owned())
    }
}

/// `referent config`: where the files are, and every setting in effect written as a
/// config file would say it, with where it came from.
pub fn print(loaded: &Loaded, settings: &Settings, w: &Words, out: &mut impl Write) -> std::io::Result<()> {
    let h = w.home;
    let shown = |p: Option<PathBuf>| p.map_or_else(|| h.no_home.to_string(), |p| p.display().to_string());
    let state = match (&loaded.path, &loaded.problem) {
        (Some(p), None) if !p.exists() => format!(" ({})", h.config_absent),
        (Some(_), Some(_)) => format!(" ({})", h.config_bad),
        _ => String::new(),
    };
    writeln!(out, "// {}: {}{state}", h.config_file, shown(loaded.path.clone()))?;
    writeln!(out, "// {}: {}", h.keys_file, shown(super::keys_file::path()))?;
    writeln!(out, "// {}: {}", h.log_file, shown(crate::store::log::path()))?;
    writeln!(out, "Config(")?;
    let from = |s: Source| match s {
        Source::Flag => h.from_flag,
        Source::ConfigFile => h.from_config,
        Source::Agenda => h.from_agenda,
        Source::Locale => h.from_locale,
        Source::Default => h.from_default,
    };
    let text = |v: &str| format!("{v:?}");
    let rows: [(&str, Option<String>, Source); 8] = [
        ("language", Some(text(settings.language.value.code())), settings.language.from),
        ("theme", Some(text(settings.theme.value.as_deref().unwrap_or("dark"))), settings.theme.from),
        ("plain", Some(settings.plain.value.to_string()), settings.plain.from),
        ("attribution", Some(format!("{:?}", settings.attribution.value)), settings.attribution.from),
        ("times", Some(format!("{:?}", settings.times.value)), settings.times.from),
        ("format", Some(format!("{:?}", settings.format.value)), settings.format.from),
        ("minute_taker", settings.minute_taker.value.as_deref().map(text), settings.minute_taker.from),
        ("serve", settings.serve.value.as_deref().map(text), settings.serve.from),
    ];
    for (name, value, source) in rows {
        match value {
            Some(value) => writeln!(out, "    {:<28}// {}", format!("{name}: {value},"), from(source))?,
            None => writeln!(out, "    // {name}: {},", h.not_set)?,
        }
    }
    writeln!(out, ")")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn env(pairs: &'static [(&'static str, &'static str)]) -> impl Fn(&str) -> Option<String> {
        move |k: &str| pairs.iter().find(|(n, _)| *n == k).map(|(_, v)| (*v).to_string())
    }

    fn config(text: &str) -> Config {
        config_file::parse(text).unwrap()
    }

    #[test]
    fn a_flag_beats_the_config_which_beats_the_default() {
        let c = config(
            "(language: \"en\", theme: \"light\", plain: true, attribution: Org, times: Both, serve: \"0.0.0.0:80\")",
        );
        let flags = Flags {
            lang: Some(Lang::Nb),
            theme: Some("high-contrast".into()),
            plain: true,
            attribution: Some(Attribution::Short),
            times: Some(Times::Actual),
            serve: Some("9000".into()),
        };
        let s = Settings::resolve(flags, &c, env(&[]));
        assert_eq!(s.language, Setting { value: Lang::Nb, from: Source::Flag });
        assert_eq!(s.theme, Setting { value: Some("high-contrast".into()), from: Source::Flag });
        assert_eq!(s.plain, Setting { value: true, from: Source::Flag });
        assert_eq!(s.attribution, Setting { value: Attribution::Short, from: Source::Flag });
        assert_eq!(s.times, Setting { value: Times::Actual, from: Source::Flag });
        assert_eq!(s.serve, Setting { value: Some("9000".into()), from: Source::Flag });
        let s = Settings::resolve(Flags::default(), &c, env(&[("LANG", "nb_NO.UTF-8")]));
        assert_eq!(s.language, Setting { value: Lang::En, from: Source::ConfigFile });
        assert_eq!(s.theme, Setting { value: Some("light".into()), from: Source::ConfigFile });
        assert_eq!(s.plain, Setting { value: true, from: Source::ConfigFile });
        assert_eq!(s.attribution, Setting { value: Attribution::Org, from: Source::ConfigFile });
        assert_eq!(s.times, Setting { value: Times::Both, from: Source::ConfigFile });
        assert_eq!(s.serve, Setting { value: Some("0.0.0.0:80".into()), from: Source::ConfigFile });
        let s = Settings::resolve(Flags::default(), &Config::default(), env(&[]));
        assert_eq!(s.language, Setting { value: Lang::Nb, from: Source::Default });
        assert_eq!(s.theme, Setting { value: None, from: Source::Default });
        assert_eq!(s.plain, Setting { value: false, from: Source::Default });
        assert_eq!(s.attribution, Setting { value: Attribution::None, from: Source::Default });
        assert_eq!(s.times, Setting { value: Times::Planned, from: Source::Default });
        assert_eq!(s.format, Setting { value: Format::Markdown, from: Source::Default });
        let s = Settings::resolve(Flags::default(), &config("(format: Docx, minute_taker: \"Max\")"), env(&[]));
        assert_eq!(s.format, Setting { value: Format::Docx, from: Source::ConfigFile });
        assert_eq!(s.minute_taker, Setting { value: Some("Max".into()), from: Source::ConfigFile });
    }

    #[test]
    fn the_language_flag_then_config_then_agenda_then_locale() {
        let english = config("(language: \"en\")");
        let with = |flag, c: &Config, agenda: Option<Lang>| {
            let flags = Flags { lang: flag, ..Flags::default() };
            let s = Settings::resolve(flags, c, env(&[("LANG", "en_GB.UTF-8")]));
            agenda.map_or(s.clone(), |a| s.with_agenda(a)).language
        };
        assert_eq!(with(Some(Lang::Nb), &english, Some(Lang::En)), Setting { value: Lang::Nb, from: Source::Flag });
        assert_eq!(with(None, &english, Some(Lang::Nb)), Setting { value: Lang::En, from: Source::ConfigFile });
        let none = Config::default();
        assert_eq!(with(None, &none, Some(Lang::Nb)), Setting { value: Lang::Nb, from: Source::Agenda });
        assert_eq!(with(None, &none, Some(Lang::En)), Setting { value: Lang::En, from: Source::Agenda });
        assert_eq!(with(None, &none, None), Setting { value: Lang::En, from: Source::Locale });
    }

    #[test]
    fn a_bad_config_file_is_said_with_its_place_and_the_defaults_are_used() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("config.ron");
        std::fs::write(&path, "(\n  theme: \"light\",\n  language: \"de\",\n)\n").unwrap();
        let loaded = load_from(Some(path.clone()));
        assert_eq!(loaded.config, Config::default());
        let (nb, en) = (crate::i18n::words(Lang::Nb), crate::i18n::words(Lang::En));
        let mut err = Vec::new();
        loaded.report(nb, &mut err).unwrap();
        let err = String::from_utf8(err).unwrap();
        let shown = path.display();
        assert!(err.starts_with(&format!("{shown}:3:14: feil: ")), "{err}");
        assert!(err.contains("«de»") && err.contains("standardinnstillingene brukes"), "{err}");
        assert!(err.contains(" 3 |   language: \"de\","), "{err}");
        let line = loaded.problem_line(en).unwrap();
        assert!(line.starts_with(&format!("{shown}:3:14: ")), "{line}");
        assert!(line.contains("\"de\"") && line.contains("the defaults are used"), "{line}");
        assert!(load_from(Some(dir.path().join("none.ron"))).problem.is_none());
    }

    #[test]
    fn config_prints_a_config_file_with_where_each_came_from() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("config.ron");
        std::fs::write(&path, "(theme: \"light\", serve: \"127.0.0.1:8080\")").unwrap();
        let loaded = load_from(Some(path.clone()));
        let flags = Flags { times: Some(Times::Both), ..Flags::default() };
        let settings = Settings::resolve(flags, &loaded.config, env(&[]));
        let mut out = Vec::new();
        print(&loaded, &settings, crate::i18n::words(Lang::En), &mut out).unwrap();
        let out = String::from_utf8(out).unwrap();
        assert!(out.starts_with(&format!("// config file: {}\n", path.display())), "{out}");
        for line in [
            "    language: \"nb\",             // default\n",
            "    theme: \"light\",             // config file\n",
            "    times: Both,                // flag\n",
            "    serve: \"127.0.0.1:8080\",    // config file\n",
            "    // minute_taker: not set,\n",
        ] {
            assert!(out.contains(line), "{line:?} in\n{out}");
        }
        // What it prints reads back as the same settings.
        let body: String = out.lines().filter(|l| !l.starts_with("//")).collect::<Vec<_>>().join("\n");
        let again = config_file::parse(&body).unwrap();
        assert_eq!(Settings::resolve(Flags::default(), &again, env(&[])).times.value, Times::Both);
        assert_eq!(again.theme.as_deref(), Some("light"));
    }
}
