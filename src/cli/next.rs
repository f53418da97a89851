//! `referent next SESSION`: the draft of the next meeting's agenda, written beside the
//! session (or to `--out`) as commented RON, never over a file that is there.

use std::io::Write;
use std::path::{Component, Path, PathBuf};

use super::Outcome;
use crate::domain::next::{self, Draft};
use crate::domain::time::Day;
use crate::i18n::{self, Words};
use crate::store::agenda_writer::{self, Comments};

/// What `next` was asked for; `today` is the date when `--date` is left out.
pub struct Request<'a> {
    pub session: &'a Path,
    pub date: Option<&'a str>,
    pub out: Option<&'a Path>,
    pub today: Day,
}

/// Reads the session, drafts the next agenda and writes it.
pub fn run(request: &Request, w: &Words, out: &mut impl Write, err: &mut impl Write) -> std::io::Result<Outcome> {
    let Some(text) = super::read_text(request.session, w, err) else { return Ok(Outcome::Reported) };
    let name = request.session.display().to_string();
    if crate::store::session_file::kind_of(&text) == crate::store::session_file::FileKind::Agenda {
        let session = crate::store::session_file::default_path(request.session).display().to_string();
        writeln!(err, "{name}: {}: {}", w.error, (w.next.not_a_session)(&session))?;
        return Ok(Outcome::Reported);
    }
    let Some((mut session, text)) = super::parse_session(&name, text, w, err) else { return Ok(Outcome::Reported) };
    // (A meeting cut off or still running: what its journal holds is part of it.)
    crate::store::peek::replay_journal(request.session, &text, &mut session);
    let day = next::meeting_day(&session);
    let date = match request.date.map(|text| (text, Day::parse(text))) {
        None => request.today,
        Some((_, Ok(d))) => d,
        Some((text, Err(_))) => {
            writeln!(err, "--date: {}: {}", w.error, (w.next.bad_date)(text))?;
            return Ok(Outcome::Reported);
        }
    };
    if date <= day {
        writeln!(err, "--date: {}: {}", w.error, (w.next.date_not_after)(&date.to_string(), &day.to_string()))?;
        return Ok(Outcome::Reported);
    }
    // The draft speaks the meeting's language, whatever the screen's.
    let words = i18n::words(session.agenda.language).next;
    if request.out == Some(Path::new("-")) {
        let draft = next::draft(&session, date, None, &words.draft);
        out.write_all(to_text(&draft, file_name(request.session), day, words).as_bytes())?;
        return Ok(Outcome::Done);
    }
    let to = request.out.map_or_else(|| default_out(request.session, day, date), Path::to_path_buf);
    let shown = to.display().to_string();
    // (Said before the draft is made; `write_new` refuses both anyway.)
    if let Ok(there) = to.symlink_metadata() {
        let why = if there.file_type().is_symlink() { w.next.out_is_link } else { w.will_not_overwrite };
        writeln!(err, "{shown}: {}: {why}", w.error)?;
        return Ok(Outcome::Reported);
    }
    let previous = relative(&to, request.session).map(|p| p.to_string_lossy().into_owned());
    let draft = next::draft(&session, date, previous, &words.draft);
    let text = to_text(&draft, file_name(request.session), day, words);
    match crate::store::atomic::write_new(&to, text.as_bytes()) {
        Ok(()) => {
            writeln!(out, "{}", (w.next.written)(&shown))?;
            Ok(Outcome::Done)
        }
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {
            writeln!(err, "{shown}: {}: {}", w.error, w.will_not_overwrite)?;
            Ok(Outcome::Reported)
        }
        Err(e) => {
            writeln!(err, "{shown}: {}: {}", w.error, (w.cannot_write)(&e.to_string()))?;
            Ok(Outcome::NotWritten)
        }
    }
}

/// The draft as commented RON, in the words of its meeting.
pub fn to_text(draft: &Draft, session: &str, day: Day, words: &i18n::NextWords) -> String {
    let comments = Comments {
        header: vec![(words.header)(session, &day.short())],
        roster: (words.roster)(&day.short()),
        numbering: (words.numbering)(&day.short()),
        items: draft.origins.iter().map(words.origin).collect(),
    };
    agenda_writer::to_text(&draft.agenda, &comments)
}

fn file_name(path: &Path) -> &str {
    path.file_name().and_then(|n| n.to_str()).unwrap_or_default()
}

/// Beside the session, named as it is with the new date for the old one
/// (`normen-2025-06-03.session.ron` gives `normen-2025-09-16.ron`), else `NAME-DATE.ron`.
pub fn default_out(session: &Path, day: Day, date: Day) -> PathBuf {
    let name = file_name(session);
    let stem = name.strip_suffix(".ron").unwrap_or(name);
    let stem = stem.strip_suffix(".session").unwrap_or(stem);
    let (old, new) = (day.to_string(), date.to_string());
    let named = if stem.contains(&old) { stem.replace(&old, &new) } else { format!("{stem}-{new}") };
    session.with_file_name(format!("{named}.ron"))
}

/// The path from the folder of `from` (a file to be written) to `to`, when both folders
/// can be found.
fn relative(from: &Path, to: &Path) -> Option<PathBuf> {
    let folder = |p: &Path| {
        let parent = p.parent().filter(|d| !d.as_os_str().is_empty()).unwrap_or(Path::new("."));
        std::fs::canonicalize(parent).ok()
    };
    let (base, target) = (folder(from)?, folder(to)?);
    let (base, target): (Vec<Component>, Vec<Component>) = (base.components().collect(), target.components().collect());
    let common = base.iter().zip(&target).take_while(|(a, b)| a == b).count();
    let mut path: PathBuf = base[common..].iter().map(|_| Component::ParentDir).collect();
    path.extend(&target[common..]);
    path.push(to.file_name()?);
    Some(path)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_draft_of_the_seed_meeting_reads_back_as_the_same_agenda_and_checks_clean() {
        let session = crate::referat::fixture::seed_session();
        for lang in [crate::domain::agenda::Lang::Nb, crate::domain::agenda::Lang::En] {
            let words = i18n::words(lang).next;
            let draft = next::draft(&session, Day::parse("2025-09-16").unwrap(), None, &words.draft);
            let text = to_text(&draft, "m.session.ron", next::meeting_day(&session), words);
            let checked = crate::store::agenda_file::parse(&text).unwrap();
            assert!(checked.agenda.same_plan(&draft.agenda), "{text}");
            assert_eq!(checked.findings, [], "{text}");
        }
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(64))]

        /// Whatever the meeting before, its draft reads back as the same agenda and uses no
        /// number it used.
        #[test]
        fn any_draft_reads_back_the_same_and_uses_no_number_of_the_meeting_before(
            agenda in crate::domain::arbitrary::agenda(),
            marks in proptest::collection::vec(0u8..4, 0..40),
            later in 1u64..400,
        ) {
            let mut session = crate::domain::session::Session::new(agenda);
            for (item, mark) in session.agenda.items.iter_mut().zip(marks) {
                let record = item.record_mut();
                match mark {
                    1 => record.state = crate::domain::session::ItemState::Postponed,
                    2 => record.comes_back = true,
                    _ => {}
                }
            }
            let day = next::meeting_day(&session);
            let date = Day::from_date(day.date() + chrono::Days::new(later));
            let words = i18n::words(session.agenda.language).next;
            let draft = next::draft(&session, date, Some("før.session.ron".into()), &words.draft);
            let text = to_text(&draft, "før\u{1b}[2J.session.ron", day, words);
            let back = crate::store::agenda_file::parse(&text);
            proptest::prop_assert!(back.is_ok(), "{text}");
            let back = back.map_or_else(|_| draft.agenda.clone(), |c| c.agenda);
            proptest::prop_assert!(back.same_plan(&draft.agenda), "{text}");
            if session.agenda.numbering.as_ref().is_none_or(|n| n.first <= crate::domain::check::MOST_SAKER) {
                let used = crate::domain::check::numbers_used_by(&back, &session.agenda);
                proptest::prop_assert!(used.is_empty(), "{used:?}");
            }
        }
    }

    #[test]
    fn the_draft_is_named_from_the_session_with_the_new_date() {
        let (day, date) = (Day::parse("2025-06-03").unwrap(), Day::parse("2025-09-16").unwrap());
        let at = |s: &str| default_out(Path::new(s), day, date);
        assert_eq!(at("møter/normen-2025-06-03.session.ron"), Path::new("møter/normen-2025-09-16.ron"));
        assert_eq!(at("sg.session.ron"), Path::new("sg-2025-09-16.ron"));
    }

    #[test]
    fn the_previous_session_is_named_from_the_draft_s_folder() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir(dir.path().join("2025")).unwrap();
        std::fs::create_dir(dir.path().join("2026")).unwrap();
        let session = dir.path().join("2025/des.session.ron");
        assert_eq!(relative(&dir.path().join("2025/jan.ron"), &session), Some(PathBuf::from("des.session.ron")));
        assert_eq!(
            relative(&dir.path().join("2026/jan.ron"), &session),
            Some(PathBuf::from("../2025/des.session.ron"))
        );
    }
}
