//! Colour themes: the semantic style roles, the built-in themes, user themes read from RON
//! files (sparse overrides of the default) and the colourless theme for `NO_COLOR`.

use std::fmt;
use std::str::FromStr;

use ratatui::style::{Color, Modifier, Style};
use ron::extensions::Extensions;
use serde::Deserialize;
use serde::de::{self, Deserializer, Visitor};

/// Declares `Theme` (one `Style` per role) and `ThemeFile` (the same roles, each optional),
/// so a role is named once.
macro_rules! roles {
    ($($(#[$doc:meta])* $role:ident,)*) => {
        /// The style of every semantic role the views draw with.
        #[derive(Debug, Clone, Copy, PartialEq, Eq)]
        pub struct Theme {
            $($(#[$doc])* pub $role: Style,)*
        }

        /// A theme file: every role optional; a missing role keeps the default's style.
        #[derive(Deserialize)]
        #[serde(rename = "Theme", deny_unknown_fields)]
        struct ThemeFile {
            $(#[serde(default)] $role: Option<StyleSpec>,)*
        }

        impl ThemeFile {
            /// `base` with the roles this file sets replaced (whole role, not field by field).
            fn over(self, base: Theme) -> Theme {
                Theme {
                    $($role: self.$role.map_or(base.$role, StyleSpec::style),)*
                }
            }

            /// The roles this file leaves out.
            #[cfg(test)]
            fn missing(&self) -> Vec<&'static str> {
                let mut missing = Vec::new();
                $(if self.$role.is_none() { missing.push(stringify!($role)); })*
                missing
            }
        }

        impl Theme {
            /// Every role with its name.
            #[cfg(test)]
            fn roles(&self) -> Vec<(&'static str, Style)> {
                vec![$((stringify!($role), self.$role),)*]
            }
        }
    };
}

roles! {
    /// Ordinary text.
    text,
    /// Less important text: hints, notes, times of saker not yet reached.
    muted,
    /// Something to catch the eye without meaning good or bad.
    accent,
    /// Titles of panes and of the meeting.
    title,
    /// The selection highlight in lists.
    selected,
    /// The sak being discussed.
    current,
    /// Saker that are finished.
    done,
    /// Within the timebox; saved.
    ok,
    /// From 80 % of the timebox.
    warning,
    /// Past the timebox; not saved.
    overrun,
    /// Pane borders.
    border,
    /// The border of the pane that has the focus.
    border_focus,
    /// The top bar.
    header,
    /// The key hints bar.
    footer,
    /// Key names in hints and help.
    key,
    /// The big timer digits.
    clock,
}

/// The names of the built-in themes (what `--theme` accepts besides a path), the default first.
pub fn builtin_names() -> &'static [&'static str] {
    &["dark", "light", "high-contrast"]
}

/// The RON text of a built-in theme (name compared without regard to case).
fn builtin_text(name: &str) -> Option<&'static str> {
    match name.to_ascii_lowercase().as_str() {
        "dark" => Some(include_str!("../themes/dark.ron")),
        "light" => Some(include_str!("../themes/light.ron")),
        "high-contrast" => Some(include_str!("../themes/high-contrast.ron")),
        _ => None,
    }
}

impl Default for Theme {
    /// The dark theme.
    fn default() -> Theme {
        let text = builtin_text(builtin_names()[0]).unwrap_or_default();
        // The built-in themes are tested to parse; should one not, still show something.
        parse(text, Theme::no_color()).unwrap_or_else(|_| Theme::no_color())
    }
}

impl Theme {
    /// The built-in theme called `name`, over the default for any role it leaves out.
    pub fn builtin(name: &str) -> Option<Theme> {
        let text = builtin_text(name)?;
        Some(parse(text, Theme::default()).unwrap_or_default())
    }

    /// No colours at all, only modifiers: for `NO_COLOR` and monochrome terminals.
    pub fn no_color() -> Theme {
        let plain = Style::new();
        let bold = plain.add_modifier(Modifier::BOLD);
        let dim = plain.add_modifier(Modifier::DIM);
        let reversed = plain.add_modifier(Modifier::REVERSED);
        Theme {
            text: plain,
            muted: dim,
            accent: bold,
            title: bold,
            selected: reversed,
            current: bold,
            done: dim,
            ok: plain,
            warning: bold,
            overrun: bold.add_modifier(Modifier::REVERSED),
            border: plain,
            border_focus: bold,
            header: reversed,
            footer: plain,
            key: bold,
            clock: bold,
        }
    }
}

/// Why the theme asked for could not be used (the default is used instead).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ThemeProblem {
    /// Neither a built-in theme nor an existing file.
    NotFound { spec: String, builtins: Vec<&'static str> },
    /// The file exists but could not be read; `reason` in the system's words.
    Unreadable { path: String, reason: String },
    /// The file's text is not a valid theme; `reason` in ron's (English) words.
    Invalid { path: String, line: usize, col: usize, reason: String },
}

/// The theme for `--theme NAME|PATH` (`None`: the default). `spec` is first looked up
/// among the built-in names, then read as a file. Without a `spec`, `no_color` (the caller
/// found `NO_COLOR` set and non-empty) gives the colourless theme; an explicit `--theme`
/// overrides `NO_COLOR`, as no-color.org asks. On any problem: the default theme and why.
pub fn load(spec: Option<&str>, no_color: bool) -> (Theme, Option<ThemeProblem>) {
    let Some(spec) = spec else {
        let theme = if no_color { Theme::no_color() } else { Theme::default() };
        return (theme, None);
    };
    if let Some(theme) = Theme::builtin(spec) {
        return (theme, None);
    }
    match read_file(spec) {
        Ok(theme) => (theme, None),
        Err(problem) => (Theme::default(), Some(problem)),
    }
}

/// Reads the theme file at `path` over the default theme.
fn read_file(path: &str) -> Result<Theme, ThemeProblem> {
    let text = std::fs::read_to_string(path).map_err(|e| match e.kind() {
        std::io::ErrorKind::NotFound => {
            ThemeProblem::NotFound { spec: path.to_string(), builtins: builtin_names().to_vec() }
        }
        _ => ThemeProblem::Unreadable { path: path.to_string(), reason: e.to_string() },
    })?;
    parse(&text, Theme::default()).map_err(|e| ThemeProblem::Invalid {
        path: path.to_string(),
        line: e.span.start.line,
        col: e.span.start.col,
        reason: e.code.to_string(),
    })
}

/// Parses theme RON text over `base`.
fn parse(text: &str, base: Theme) -> Result<Theme, ron::error::SpannedError> {
    let file: ThemeFile = ron::Options::default().with_default_extension(Extensions::IMPLICIT_SOME).from_str(text)?;
    Ok(file.over(base))
}

/// One role in a theme file: `(fg: COLOUR, bg: COLOUR, bold: true, ...)`, all optional.
#[derive(Deserialize, Default)]
#[serde(rename = "Style", deny_unknown_fields)]
#[allow(clippy::struct_excessive_bools)] // bold, italic, underline, ...: as a theme file writes them
struct StyleSpec {
    fg: Option<ColorSpec>,
    bg: Option<ColorSpec>,
    #[serde(default)]
    bold: bool,
    #[serde(default)]
    dim: bool,
    #[serde(default)]
    italic: bool,
    #[serde(default)]
    underline: bool,
    #[serde(default)]
    reversed: bool,
}

impl StyleSpec {
    fn style(self) -> Style {
        let mut style = Style::new();
        if let Some(ColorSpec(fg)) = self.fg {
            style = style.fg(fg);
        }
        if let Some(ColorSpec(bg)) = self.bg {
            style = style.bg(bg);
        }
        for (on, modifier) in [
            (self.bold, Modifier::BOLD),
            (self.dim, Modifier::DIM),
            (self.italic, Modifier::ITALIC),
            (self.underline, Modifier::UNDERLINED),
            (self.reversed, Modifier::REVERSED),
        ] {
            if on {
                style = style.add_modifier(modifier);
            }
        }
        style
    }
}

/// What a colour may be written as, for error messages.
const VALID_COLORS: &str = "black, red, green, yellow, blue, magenta, cyan, gray, darkgray, \
    lightred, lightgreen, lightyellow, lightblue, lightmagenta, lightcyan, white, reset, \
    \"#rrggbb\" or a number 0-255";

/// A colour in a theme file: a name, `"#rrggbb"`, or a palette index 0–255.
struct ColorSpec(Color);

impl<'de> Deserialize<'de> for ColorSpec {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(ColorVisitor)
    }
}

struct ColorVisitor;

impl Visitor<'_> for ColorVisitor {
    type Value = ColorSpec;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        write!(f, "a colour: {VALID_COLORS}")
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<ColorSpec, E> {
        // ratatui's parser: names in any case, with or without '-', '_' or ' ', and "#rrggbb".
        Color::from_str(v)
            .map(ColorSpec)
            .map_err(|_| E::custom(format!("unknown colour \"{v}\"; valid: {VALID_COLORS}")))
    }

    fn visit_u64<E: de::Error>(self, v: u64) -> Result<ColorSpec, E> {
        u8::try_from(v)
            .map(|i| ColorSpec(Color::Indexed(i)))
            .map_err(|_| E::custom(format!("colour number {v} is not between 0 and 255")))
    }

    fn visit_i64<E: de::Error>(self, v: i64) -> Result<ColorSpec, E> {
        u64::try_from(v)
            .map_err(|_| E::custom(format!("colour number {v} is not between 0 and 255")))
            .and_then(|v| self.visit_u64(v))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn message(problem: &ThemeProblem, english: bool) -> String {
        let lang = if english { crate::domain::agenda::Lang::En } else { crate::domain::agenda::Lang::Nb };
        (crate::i18n::words(lang).theme_problem)(problem)
    }

    fn file(text: &str) -> ThemeFile {
        ron::Options::default().with_default_extension(Extensions::IMPLICIT_SOME).from_str(text).unwrap()
    }

    /// Writes `text` to a fresh theme file and loads it.
    fn load_text(name: &str, text: &str) -> (Theme, Option<ThemeProblem>, String) {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join(name);
        std::fs::write(&path, text).unwrap();
        let path = path.to_str().unwrap().to_string();
        let (theme, problem) = load(Some(&path), false);
        (theme, problem, path)
    }

    fn invalid(name: &str, text: &str) -> (usize, usize, String) {
        let (theme, problem, path) = load_text(name, text);
        assert_eq!(theme, Theme::default());
        match problem {
            Some(ThemeProblem::Invalid { path: p, line, col, reason }) => {
                assert_eq!(p, path);
                (line, col, reason)
            }
            other => panic!("expected Invalid, got {other:?}"),
        }
    }

    #[test]
    fn every_builtin_parses_and_sets_every_role() {
        for name in builtin_names() {
            let text = builtin_text(name).unwrap();
            let spec = file(text);
            assert_eq!(spec.missing(), Vec::<&str>::new(), "{name}");
            assert!(parse(text, Theme::no_color()).is_ok(), "{name}");
            assert!(Theme::builtin(name).is_some());
        }
        assert_eq!(builtin_names()[0], "dark");
        assert_eq!(Theme::builtin("DARK"), Theme::builtin("dark"));
    }

    #[test]
    fn builtins_differ_where_they_should() {
        let dark = Theme::default();
        let light = Theme::builtin("light").unwrap();
        let high = Theme::builtin("high-contrast").unwrap();
        assert_eq!(Theme::builtin("dark").unwrap(), dark);
        assert_ne!(dark.text, light.text);
        assert_ne!(dark.muted, light.muted);
        assert_ne!(high, dark);
        assert_ne!(high, light);
        assert_ne!(dark, Theme::no_color());
        for theme in [dark, light, high] {
            assert_ne!(theme.warning, theme.overrun);
            // (Apart in their colours too, not only in their modifiers.)
            assert_ne!((theme.warning.fg, theme.warning.bg), (theme.overrun.fg, theme.overrun.bg));
            assert_ne!(theme.ok, theme.warning);
            assert_ne!(theme.selected, theme.current);
            assert_ne!(theme.text, theme.muted);
            assert_ne!(theme.border, theme.border_focus);
        }
    }

    #[test]
    fn high_contrast_is_bold_on_pure_colours() {
        let high = Theme::builtin("high-contrast").unwrap();
        let pure = [16, 231, 226, 196, 46, 51].map(Color::Indexed);
        for (role, style) in high.roles() {
            for colour in [style.fg, style.bg].into_iter().flatten() {
                assert!(pure.contains(&colour), "{role}: {colour}");
            }
        }
        assert!(high.text.add_modifier.contains(Modifier::BOLD));
        assert!(high.overrun.add_modifier.contains(Modifier::BOLD));
    }

    #[test]
    fn sparse_override_keeps_defaults() {
        let (theme, problem, _) = load_text(
            "sparse.ron",
            "// only two roles\nTheme(\n  overrun: (fg: \"White\", bg: \"dark-gray\", bold: true),\n  key: (fg: 208, underline: true),\n)\n",
        );
        assert_eq!(problem, None);
        let default = Theme::default();
        assert_eq!(theme.overrun, Style::new().fg(Color::White).bg(Color::DarkGray).add_modifier(Modifier::BOLD));
        assert_eq!(theme.key, Style::new().fg(Color::Indexed(208)).add_modifier(Modifier::UNDERLINED));
        assert_eq!(Theme { overrun: default.overrun, key: default.key, ..theme }, default);
    }

    #[test]
    fn colours_in_every_form() {
        let theme = parse(
            r##"(text: (fg: "#1a2B3c", bg: "dark_gray"), muted: (fg: 0), title: (fg: "LightBlue"), clock: Style(fg: "reset"))"##,
            Theme::no_color(),
        )
        .unwrap();
        assert_eq!(theme.text, Style::new().fg(Color::Rgb(0x1a, 0x2b, 0x3c)).bg(Color::DarkGray));
        assert_eq!(theme.muted, Style::new().fg(Color::Indexed(0)));
        assert_eq!(theme.title, Style::new().fg(Color::LightBlue));
        assert_eq!(theme.clock, Style::new().fg(Color::Reset));
        assert_eq!(theme.ok, Theme::no_color().ok);
    }

    #[test]
    fn bad_colour_names_the_value_and_the_valid_ones() {
        let (line, col, reason) = invalid("colour.ron", "Theme(\n  text: (fg: \"purple\"),\n)\n");
        assert_eq!(line, 2);
        assert!(col >= 9, "{col}");
        assert!(reason.contains("\"purple\""), "{reason}");
        assert!(reason.contains("lightmagenta") && reason.contains("#rrggbb"), "{reason}");
        let (line, _, reason) = invalid("number.ron", "Theme(\n\n  text: (bg: 256),\n)");
        assert_eq!(line, 3);
        assert!(reason.contains("256"), "{reason}");
        let (_, _, reason) = invalid("negative.ron", "Theme(text: (bg: -1))");
        assert!(reason.contains("-1"), "{reason}");
        let (_, _, reason) = invalid("short.ron", "Theme(text: (bg: \"#fff\"))");
        assert!(reason.contains("\"#fff\""), "{reason}");
    }

    #[test]
    fn unknown_role_and_unknown_style_field() {
        let (line, _, reason) = invalid("role.ron", "Theme(\n  text: (),\n  txet: (bold: true),\n)");
        assert_eq!(line, 3);
        assert!(reason.contains("txet") && reason.contains("text"), "{reason}");
        let (line, _, reason) = invalid("field.ron", "Theme(\n  text: (blod: true),\n)");
        assert_eq!(line, 2);
        assert!(reason.contains("blod") && reason.contains("bold"), "{reason}");
    }

    #[test]
    fn syntax_error_gives_line_and_column() {
        let (_, problem, path) = load_text("syntax.ron", "Theme(\n  text: (fg: \"red\"\n  muted: (),\n)");
        let problem = problem.unwrap();
        let ThemeProblem::Invalid { line, col, .. } = problem else { panic!("{problem:?}") };
        assert_eq!((line, col), (3, 3));
        let nb = message(&problem, false);
        let en = message(&problem, true);
        assert!(nb.starts_with(&format!("Feil i temafilen {path}:3:3: ")), "{nb}");
        assert!(en.starts_with(&format!("Error in the theme file {path}:3:3: ")), "{en}");
        assert!(!en.contains(".."), "{en}");
    }

    #[test]
    fn missing_file_and_unknown_name_list_the_builtins() {
        for spec in ["solarized", "/no/such/folder/theme.ron"] {
            let (theme, problem) = load(Some(spec), false);
            assert_eq!(theme, Theme::default());
            let problem = problem.unwrap();
            assert_eq!(
                problem,
                ThemeProblem::NotFound { spec: spec.into(), builtins: vec!["dark", "light", "high-contrast"] }
            );
            let en = message(&problem, true);
            assert!(en.contains(&format!("\"{spec}\"")), "{en}");
            assert!(en.contains("dark, light, high-contrast"), "{en}");
            let nb = message(&problem, false);
            assert!(nb.contains(&format!("«{spec}»")), "{nb}");
            assert!(nb.contains("dark, light, high-contrast"), "{nb}");
        }
    }

    #[test]
    fn a_folder_is_unreadable() {
        let dir = std::env::temp_dir();
        let dir = dir.to_str().unwrap();
        let (theme, problem) = load(Some(dir), false);
        assert_eq!(theme, Theme::default());
        let Some(problem @ ThemeProblem::Unreadable { .. }) = problem else { panic!("{problem:?}") };
        assert!(message(&problem, true).contains(dir));
        assert!(message(&problem, false).starts_with("Kunne ikke lese temafilen"));
    }

    #[test]
    fn builtin_names_and_default() {
        assert_eq!(load(None, false), (Theme::default(), None));
        assert_eq!(load(Some("light"), false).0, Theme::builtin("light").unwrap());
        assert_eq!(load(Some("High-Contrast"), false).1, None);
    }

    #[test]
    fn no_color_has_no_colours_but_can_be_overridden() {
        let (theme, problem) = load(None, true);
        assert_eq!(problem, None);
        assert_eq!(theme, Theme::no_color());
        for (role, style) in theme.roles() {
            assert_eq!((style.fg, style.bg), (None, None), "{role}");
        }
        assert_ne!(theme.warning, theme.overrun);
        assert_ne!(theme.selected, theme.text);
        assert_eq!(load(Some("dark"), true).0, Theme::default());
    }

    /// The colour xterm shows for `c` (its default palette for the sixteen names).
    fn rgb(c: Color) -> Option<(u8, u8, u8)> {
        const SIXTEEN: [(u8, u8, u8); 16] = [
            (0, 0, 0),
            (205, 0, 0),
            (0, 205, 0),
            (205, 205, 0),
            (0, 0, 238),
            (205, 0, 205),
            (0, 205, 205),
            (229, 229, 229),
            (127, 127, 127),
            (255, 0, 0),
            (0, 255, 0),
            (255, 255, 0),
            (92, 92, 255),
            (255, 0, 255),
            (0, 255, 255),
            (255, 255, 255),
        ];
        let indexed = |i: u8| match i {
            0..=15 => SIXTEEN[usize::from(i)],
            16..=231 => {
                let level = |n: u8| if n == 0 { 0 } else { 55 + 40 * n };
                let n = i - 16;
                (level(n / 36), level((n / 6) % 6), level(n % 6))
            }
            _ => {
                let grey = 8 + 10 * (i - 232);
                (grey, grey, grey)
            }
        };
        Some(match c {
            Color::Reset => return None,
            Color::Rgb(r, g, b) => (r, g, b),
            Color::Indexed(i) => indexed(i),
            Color::Black => indexed(0),
            Color::Red => indexed(1),
            Color::Green => indexed(2),
            Color::Yellow => indexed(3),
            Color::Blue => indexed(4),
            Color::Magenta => indexed(5),
            Color::Cyan => indexed(6),
            Color::Gray => indexed(7),
            Color::DarkGray => indexed(8),
            Color::LightRed => indexed(9),
            Color::LightGreen => indexed(10),
            Color::LightYellow => indexed(11),
            Color::LightBlue => indexed(12),
            Color::LightMagenta => indexed(13),
            Color::LightCyan => indexed(14),
            Color::White => indexed(15),
        })
    }

    /// WCAG 2's relative luminance.
    fn luminance((r, g, b): (u8, u8, u8)) -> f64 {
        let channel = |c: u8| {
            let c = f64::from(c) / 255.0;
            if c <= 0.039_28 { c / 12.92 } else { ((c + 0.055) / 1.055).powf(2.4) }
        };
        0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)
    }

    /// WCAG 2's contrast ratio of two colours, 1 to 21.
    fn contrast(a: (u8, u8, u8), b: (u8, u8, u8)) -> f64 {
        let (a, b) = (luminance(a), luminance(b));
        (a.max(b) + 0.05) / (a.min(b) + 0.05)
    }

    #[test]
    fn the_contrast_arithmetic_is_wcag_s() {
        assert!((contrast((0, 0, 0), (255, 255, 255)) - 21.0).abs() < 1e-9);
        assert!((contrast((118, 118, 118), (255, 255, 255)) - 4.54).abs() < 0.01);
        assert_eq!(rgb(Color::Indexed(117)), Some((135, 215, 255)));
        assert_eq!(rgb(Color::Indexed(245)), Some((138, 138, 138)));
        assert_eq!(rgb(Color::Indexed(16)), Some((0, 0, 0)));
    }

    /// Every text on its background reads at WCAG AA (4.5:1; lines, 3:1), in every
    /// built-in theme: each role on its own background or, without one, on the screen's
    /// (the theme's `text` background; a theme that sets none is drawn on a dark
    /// terminal's, black or dark grey); the roles the header and the footer draw on
    /// theirs; the selected row, whose every span takes its colours.
    #[test]
    fn every_text_in_every_theme_reads_at_wcag_aa() {
        let mut failed = Vec::new();
        for name in builtin_names() {
            let theme = Theme::builtin(name).unwrap();
            let screens: Vec<Color> =
                theme.text.bg.map_or_else(|| vec![Color::Indexed(16), Color::Indexed(235)], |bg| vec![bg]);
            for screen in screens {
                let mut pairs: Vec<(String, Style, Color, f64)> = Vec::new();
                for (role, style) in theme.roles() {
                    let least = if role.starts_with("border") { 3.0 } else { 4.5 };
                    pairs.push((role.to_string(), style, style.bg.unwrap_or(screen), least));
                }
                for (bar, on, roles) in [
                    ("header", theme.header, &["title", "muted", "ok", "overrun", "clock"][..]),
                    ("footer", theme.footer, &["key", "accent", "overrun"][..]),
                ] {
                    for (role, style) in theme.roles().into_iter().filter(|(r, _)| roles.contains(r)) {
                        let bg = style.bg.or(on.bg).unwrap_or(screen);
                        pairs.push((format!("{role} on the {bar}"), style, bg, 4.5));
                    }
                }
                for (what, style, bg, least) in pairs {
                    let fg = style.fg.unwrap_or(theme.text.fg.unwrap_or(Color::Reset));
                    let (Some(fg), Some(bg)) = (rgb(fg), rgb(bg)) else { continue };
                    let ratio = contrast(fg, bg);
                    if ratio < least {
                        failed.push(format!("{name}: {what} {fg:?} on {bg:?}: {ratio:.2}"));
                    }
                }
            }
        }
        assert!(failed.is_empty(), "{}", failed.join("\n"));
    }
}
