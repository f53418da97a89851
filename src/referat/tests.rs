//! Golden files of the referat of the seed meeting, and the innkalling.

use super::document::{self, Attribution, Options, Times};
use super::fixture::seed_session;
use super::markdown;
use crate::domain::agenda::Lang;
use crate::i18n;

#[test]
fn the_referat_as_markdown() {
    let doc = document::referat(&seed_session(), i18n::words(Lang::Nb), Options::default());
    insta::assert_snapshot!(markdown::render(&doc));
}

#[test]
fn the_referat_with_organisations_and_both_times() {
    let options = Options { attribution: Attribution::Org, times: Times::Both };
    let doc = document::referat(&seed_session(), i18n::words(Lang::Nb), options);
    let md = markdown::render(&doc);
    assert!(md.contains("**Helse Nord RHF:** Riktig tekst"), "{md}");
    assert!(md.contains("### 04/25 · Kl. 10:20 (10:20) · Beslutningssak: Normen 7.0"), "{md}");
    assert!(md.contains("## Tidsbruk"), "{md}");
    assert!(md.contains("| 04/25 | Normen 7.0 | 10:20 (20 min) | 10:20 (24 min) | +4 |"), "{md}");
    assert!(md.contains("**Møtetidspunkt:** Tirsdag 03.06.25 10:00 – 15:00 (10:00 – 15:02)"), "{md}");
}

#[test]
fn the_referat_in_english() {
    let doc = document::referat(&seed_session(), i18n::words(Lang::En), Options::default());
    let md = markdown::render(&doc);
    assert!(md.starts_with("# Minutes: Styringsgruppemøte i Normen"), "{md}");
    assert!(md.contains("## Present"), "{md}");
}

#[test]
fn the_innkalling_as_markdown() {
    let doc = document::innkalling(&seed_session().agenda, i18n::words(Lang::Nb));
    insta::assert_snapshot!(markdown::render(&doc));
}

#[test]
fn the_same_session_gives_the_same_bytes() {
    let render = || markdown::render(&document::referat(&seed_session(), i18n::words(Lang::Nb), Options::default()));
    assert_eq!(render(), render());
}
