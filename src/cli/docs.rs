//! What the shell and `man` learn about referent: `referent completions SHELL` and
//! `referent man`, both written from the one clap command, to standard output.

use std::io::Write;

use clap::CommandFactory;
use clap_complete::Shell;

use super::Cli;

/// Writes the completion script of `shell` for every command and option to `out`.
pub fn completions(shell: Shell, out: &mut impl Write) -> std::io::Result<()> {
    let mut command = Cli::command();
    clap_complete::generate(shell, &mut command, "referent", out);
    out.flush()
}

/// Writes the manual page, referent(1) in roff, to `out`: the commands as subsections.
pub fn man(out: &mut impl Write) -> std::io::Result<()> {
    let command = Cli::command();
    let page = clap_mangen::Man::new(command.clone());
    page.render_title(out)?;
    page.render_name_section(out)?;
    page.render_synopsis_section(out)?;
    page.render_description_section(out)?;
    page.render_options_section(out)?;
    render_commands(&command, out)?;
    page.render_version_section(out)?;
    out.flush()
}

/// One subsection per command, with its options: `referent man` is the whole manual.
fn render_commands(command: &clap::Command, out: &mut impl Write) -> std::io::Result<()> {
    let commands: Vec<&clap::Command> = command.get_subcommands().filter(|c| c.get_name() != "help").collect();
    if commands.is_empty() {
        return Ok(());
    }
    writeln!(out, ".SH COMMANDS")?;
    for sub in commands {
        let name = format!("referent {}", sub.get_name());
        let about = sub.get_about().map(ToString::to_string).unwrap_or_default();
        writeln!(out, ".SS {}", roff_text(&name))?;
        writeln!(out, "{}", roff_text(&about))?;
        for arg in sub.get_arguments().filter(|a| !a.is_hide_set() && a.get_id() != "help") {
            let flag = match (arg.get_short(), arg.get_long()) {
                (Some(s), Some(l)) => format!("-{s}, --{l}"),
                (None, Some(l)) => format!("--{l}"),
                (Some(s), None) => format!("-{s}"),
                (None, None) => arg
                    .get_value_names()
                    .and_then(|v| v.first())
                    .map_or_else(|| arg.get_id().to_string().to_uppercase(), ToString::to_string),
            };
            let help = arg.get_help().map(ToString::to_string).unwrap_or_default();
            writeln!(out, ".TP\n\\fB{}\\fR\n{}", roff_text(&flag), roff_text(&help))?;
        }
    }
    Ok(())
}

/// `text` safe on a roff line: backslashes doubled, a leading dot or quote escaped.
fn roff_text(text: &str) -> String {
    let text = text.replace('\\', "\\\\").replace('-', "\\-");
    if text.starts_with('.') || text.starts_with('\'') { format!("\\&{text}") } else { text }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(write: impl FnOnce(&mut Vec<u8>) -> std::io::Result<()>) -> String {
        let mut out = Vec::new();
        write(&mut out).unwrap();
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn completions_know_the_commands_and_options() {
        let bash = text(|o| completions(Shell::Bash, o));
        assert!(bash.contains("_referent()"), "{bash}");
        for word in ["check", "export", "demo", "completions", "man", "config", "--theme", "--plain", "--lang"] {
            assert!(bash.contains(word), "bash: {word}");
        }
        let zsh = text(|o| completions(Shell::Zsh, o));
        assert!(zsh.starts_with("#compdef referent"), "{zsh}");
        assert!(zsh.contains("'--attribution=[Who is named before a comment"), "{zsh}");
        let fish = text(|o| completions(Shell::Fish, o));
        assert!(fish.contains("complete -c referent"), "{fish}");
        assert!(fish.contains("-a \"export\""), "{fish}");
    }

    #[test]
    fn the_manual_page_has_every_command() {
        let page = text(man);
        assert!(page.starts_with(".ie \\n(.g .ds Aq \\(aq"), "{}", &page[..200]);
        assert!(page.contains(".TH referent 1"), "{page}");
        assert!(page.contains(".SH NAME\nreferent \\- Run a formal committee meeting live"), "{page}");
        assert!(page.contains(".SH COMMANDS"), "{page}");
        for command in ["check", "export", "demo", "completions", "man", "config", "keys"] {
            assert!(page.contains(&format!(".SS referent {command}\n")), "{command}: {page}");
        }
        assert!(page.contains("\\fB\\-\\-force\\fR\nWrite over a file changed since referent wrote it"), "{page}");
    }

    #[test]
    fn roff_lines_never_start_a_request() {
        assert_eq!(roff_text(".hidden"), "\\&.hidden");
        assert_eq!(roff_text("a\\b-c"), "a\\\\b\\-c");
    }
}
