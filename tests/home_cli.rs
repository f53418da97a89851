//! referent at home on a user's machine, through the real binary: the config file (its
//! place, precedence under the flags, a bad one said with its place while the program goes
//! on with the defaults), the completions and the manual page.

mod common;

use std::path::Path;

use common::run;

const FIXTURE: &str = common::SEED_SESSION;

/// Writes `text` as the config file `run` finds (`XDG_CONFIG_HOME` is `DIR/.config`).
fn config(dir: &Path, text: &str) -> std::path::PathBuf {
    let folder = dir.join(".config/referent");
    std::fs::create_dir_all(&folder).unwrap();
    let path = folder.join("config.ron");
    std::fs::write(&path, text).unwrap();
    path
}

/// `referent ARGS` with only these folder variables set.
fn run_with(dir: &Path, env: &[(&str, &str)], args: &[&str]) -> (i32, String, String) {
    let mut cmd = assert_cmd::Command::cargo_bin("referent").unwrap();
    cmd.current_dir(dir).env("LANG", "C.UTF-8").env_remove("LC_ALL");
    for k in ["XDG_CONFIG_HOME", "XDG_STATE_HOME", "HOME"] {
        cmd.env_remove(k);
    }
    for (k, v) in env {
        cmd.env(k, v);
    }
    let out = cmd.args(args).output().unwrap();
    let text = |b: Vec<u8>| String::from_utf8_lossy(&b).into_owned();
    (out.status.code().unwrap_or(-1), text(out.stdout), text(out.stderr))
}

#[test]
fn the_config_and_state_folders_follow_xdg_then_home() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path().display().to_string();
    let (code, out, err) = run_with(
        dir.path(),
        &[("XDG_CONFIG_HOME", &format!("{d}/cfg")), ("XDG_STATE_HOME", &format!("{d}/st")), ("HOME", "/home/ida")],
        &["config"],
    );
    assert_eq!(code, 0, "{err}");
    assert!(out.starts_with(&format!("// konfigurasjonsfil: {d}/cfg/referent/config.ron (finnes ikke")), "{out}");
    assert!(out.contains(&format!("// logg: {d}/st/referent/referent.log\n")), "{out}");
    // Empty or relative: as if unset.
    let (_, out, _) = run_with(
        dir.path(),
        &[("XDG_CONFIG_HOME", ""), ("XDG_STATE_HOME", "relative"), ("HOME", "/home/ida")],
        &["config"],
    );
    assert!(out.contains("/home/ida/.config/referent/config.ron"), "{out}");
    assert!(out.contains("/home/ida/.local/state/referent/referent.log"), "{out}");
}

/// The value and the source `referent config` prints for `name`.
fn setting<'a>(out: &'a str, name: &str) -> (&'a str, &'a str) {
    let line = out.lines().find_map(|l| l.trim().strip_prefix(&format!("{name}: "))).unwrap_or_default();
    let (value, source) = line.split_once("//").unwrap_or_default();
    (value.trim().trim_end_matches(','), source.trim())
}

#[test]
fn config_shows_the_settings_and_where_each_came_from() {
    let dir = tempfile::tempdir().unwrap();
    let path = config(dir.path(), "// mine\n(language: \"en\", theme: \"light\", minute_taker: \"Max\")\n");
    let (code, out, err) = run(dir.path(), &["--theme", "high-contrast", "config"]);
    assert_eq!(code, 0, "{err}");
    assert!(err.is_empty(), "{err}");
    assert!(out.starts_with(&format!("// config file: {}\n", path.display())), "{out}");
    assert_eq!(setting(&out, "language"), ("\"en\"", "config file"), "{out}");
    assert_eq!(setting(&out, "theme"), ("\"high-contrast\"", "flag"), "{out}");
    assert_eq!(setting(&out, "minute_taker"), ("\"Max\"", "config file"), "{out}");
    assert_eq!(setting(&out, "attribution"), ("None", "default"), "{out}");
    let (_, out, _) = run(dir.path(), &["--lang", "nb", "config"]);
    assert_eq!(setting(&out, "language"), ("\"nb\"", "flagg"), "{out}");
}

#[test]
fn a_bad_config_is_said_with_its_place_and_the_defaults_are_used() {
    let dir = common::seed_session_copy().0;
    let path = config(dir.path(), "(\n    language: \"en\",\n    attribution: Everybody,\n)\n");
    let (code, out, err) = run(dir.path(), &["export", FIXTURE, "--out", "-"]);
    assert_eq!(code, 0, "{err}");
    let first = err.lines().next().unwrap_or_default();
    assert!(first.starts_with(&format!("{}:3:18: feil: ", path.display())), "{err}");
    assert!(first.contains("«Everybody»") && first.ends_with("standardinnstillingene brukes"), "{err}");
    assert!(err.contains(" 3 |     attribution: Everybody,"), "{err}");
    // The defaults: bokmål, no names before the comments.
    assert!(out.contains("Innspill og kommentarer"), "{out}");
    let (code, out, _) = run(dir.path(), &["config"]);
    assert_eq!(code, 0);
    assert!(out.contains("(feil: standardinnstillingene brukes)"), "{out}");
    assert!(out.contains("language: \"nb\""), "{out}");
}

#[test]
fn the_config_sets_the_export_and_a_flag_overrides_it() {
    let dir = common::seed_session_copy().0;
    config(dir.path(), "(attribution: Org, format: Html, minute_taker: \"Max Referent\")");
    let (code, out, err) = run(dir.path(), &["export", FIXTURE]);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("normen-2025-06-03.referat.html"), "{out}");
    let html = std::fs::read_to_string(dir.path().join("normen-2025-06-03.referat.html")).unwrap();
    assert!(html.contains("Max Referent"), "the minute-taker in the header");
    assert!(html.contains("Referent"), "{html}");
    // --out's extension and --format say more than the config file.
    let (_, md, _) = run(dir.path(), &["export", FIXTURE, "--out", "-", "--format", "md"]);
    assert!(md.contains("**Helse Nord RHF:** Støttes også av Helse-Nord."), "attribution from the config file");
    assert!(md.contains("**Referent:** Max Referent  \n"), "{md}");
    let (_, plain, _) = run(dir.path(), &["export", FIXTURE, "--out", "-", "--format", "md", "--attribution", "none"]);
    assert!(!plain.contains("**Helse Nord RHF:**"), "the flag beats the config file");
}

#[test]
fn completions_and_the_manual_page_are_printed() {
    let dir = tempfile::tempdir().unwrap();
    let (code, out, err) = run(dir.path(), &["completions", "bash"]);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("complete -F _referent"), "{out}");
    let (code, out, _) = run(dir.path(), &["completions", "zsh"]);
    assert_eq!(code, 0);
    assert!(out.starts_with("#compdef referent"));
    let (code, _, err) = run(dir.path(), &["completions", "tcsh"]);
    assert_eq!(code, 2, "{err}");
    let (code, out, _) = run(dir.path(), &["man"]);
    assert_eq!(code, 0);
    assert!(out.contains(".TH referent 1"), "{out}");
    assert!(out.contains(".SS referent export"), "{out}");
}

#[test]
fn keys_prints_the_keys_in_effect_and_a_clash_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let (code, out, _) = run(dir.path(), &["keys"]);
    assert_eq!(code, 0);
    assert!(out.contains("        \"next\": \"n\",\n"), "{out}");
    let folder = dir.path().join(".config/referent");
    std::fs::create_dir_all(&folder).unwrap();
    std::fs::write(folder.join("keys.ron"), "{ \"main\": { \"next\": \"<C-n>\" } }").unwrap();
    let (_, out, err) = run(dir.path(), &["keys"]);
    assert!(err.is_empty(), "{err}");
    assert!(out.contains("        \"next\": \"<C-n>\",\n"), "{out}");
    std::fs::write(folder.join("keys.ron"), "{\n  \"main\": { \"next\": \"q\" },\n}").unwrap();
    let (code, out, err) = run(dir.path(), &["keys"]);
    assert_eq!(code, 0);
    let keys = folder.join("keys.ron");
    assert!(err.starts_with(&format!("{}:2:13: ", keys.display())), "{err}");
    assert!(err.contains("«q» i main ville bety både next og quit"), "{err}");
    assert!(err.contains("de innebygde tastene brukes"), "{err}");
    assert!(out.contains("        \"next\": \"n\",\n"), "the built-in keys: {out}");
    let (_, out, _) = run(dir.path(), &["config"]);
    assert!(out.contains(&format!("// tastefil: {}\n", keys.display())), "{out}");
}
