//! The referat as a Word document (docx-rs): A4, real heading styles (Heading 1–3, so
//! Word's navigation pane and table of contents see them), the header and attendance,
//! and the two-column sak table. docx-rs escapes the XML; the zip carries fixed dates,
//! so the same session gives the same bytes.

use docx_rs::{
    AlignmentType, BreakType, BuildXML, Docx, FieldCharType, Footer, InstrText, LineSpacing, NumPages, PageMargin,
    PageNum, Paragraph, Run, RunFonts, SpecialIndentType, Style, StyleType, Table, TableCell, TableRow, WidthType,
};

use super::document::{Document, Para, Table as DocTable};
use super::docx_package;
use super::rich::{self, Block, Inline};
use crate::domain::agenda::Lang;
use crate::domain::text::clean;

/// A4 in twentieths of a point, with 2 cm margins.
const PAGE: (u32, u32) = (11_906, 16_838);
const MARGIN: i32 = 1_134;
const TEXT_WIDTH: usize = 11_906 - 2 * 1_134;
/// The sak column: number and Kl.
const LEFT: usize = 1_700;

/// Space after a paragraph, and around a heading (twentieths of a point).
const AFTER: u32 = 120;
const BEFORE_HEADING: u32 = 240;

/// The document in `lang` (its spell check, its footer's words).
pub fn render(doc: &Document, lang: Lang) -> std::io::Result<Vec<u8>> {
    let (first, last) = doc.meta.days;
    let footer = Footer::new().add_paragraph(
        Paragraph::new()
            .align(AlignmentType::Center)
            .add_run(Run::new().add_text(format!("{} ", doc.meta.page[0])))
            .add_page_num(PageNum::new())
            .add_run(Run::new().add_text(format!(" {} ", doc.meta.page[1])))
            .add_num_pages(NumPages::new()),
    );
    let mut docx = Docx::new()
        .created_at(&first.to_string())
        .updated_at(&last.to_string())
        .footer(footer)
        .page_size(PAGE.0, PAGE.1)
        .page_margin(PageMargin::new().top(MARGIN).bottom(MARGIN).left(MARGIN).right(MARGIN))
        .default_fonts(RunFonts::new().ascii("Calibri").hi_ansi("Calibri").cs("Calibri").east_asia("Calibri"))
        .default_size(22)
        .add_style(heading("Heading1", "heading 1", 32, 0))
        .add_style(heading("Heading2", "heading 2", 26, 1))
        .add_style(heading("Heading3", "heading 3", 22, 2))
        .add_paragraph(text_paragraph(&doc.title).style("Heading1"));
    for (label, value) in &doc.header {
        docx = docx.add_paragraph(labeled(&format!("{label}:"), value));
    }
    for group in &doc.attendance {
        if group.inline {
            docx = docx.add_paragraph(labeled(&format!("{}:", group.heading), &group.people.join(", ")));
        } else {
            docx = docx.add_paragraph(text_paragraph(&group.heading).style("Heading2"));
            for person in &group.people {
                docx = docx.add_paragraph(text_paragraph(person));
            }
        }
    }
    if let Some(t) = &doc.org_table {
        docx = grid(docx, t);
    }
    let mut rows = vec![
        TableRow::new(vec![
            cell(LEFT).add_paragraph(bold_paragraph(&doc.columns[0])),
            cell(TEXT_WIDTH - LEFT).add_paragraph(bold_paragraph(&doc.columns[1])),
        ])
        .cant_split(),
    ];
    // The saker's rows are written one at a time into the package (`sak_row`), in the
    // place of this empty one: a long meeting is never all in memory as Word's XML (1.1 GB
    // for a 36 MB session, before).
    rows.push(TableRow::new(vec![cell(LEFT)]));
    docx = docx
        .add_paragraph(Paragraph::new())
        .add_table(Table::new(rows).set_grid(vec![LEFT, TEXT_WIDTH - LEFT]).width(TEXT_WIDTH, WidthType::Dxa));
    for t in &doc.tables {
        docx = grid(docx, t);
    }
    let mut bytes = std::io::Cursor::new(Vec::new());
    docx.build().pack(&mut bytes).map_err(std::io::Error::other)?;
    let language = match lang {
        Lang::Nb => "nb-NO",
        Lang::En => "en-GB",
    };
    let write_rows = |out: &mut dyn std::io::Write| -> std::io::Result<()> {
        for row in &doc.rows {
            out.write_all(&docx_package::without_para_ids(&sak_row(row).build()))?;
        }
        Ok(())
    };
    let amend = docx_package::Amend {
        language,
        author: &doc.meta.author,
        sak_table: usize::from(doc.org_table.is_some()),
        sak_rows: &write_rows,
    };
    docx_package::amend(&bytes.into_inner(), &amend)
}

/// One sak's row of the sak table: its number and time, and what was said and decided.
fn sak_row(row: &super::document::Row) -> TableRow {
    let mut left = cell(LEFT);
    for line in &row.left {
        left = left.add_paragraph(bold_paragraph(line));
    }
    if row.left.is_empty() {
        left = left.add_paragraph(Paragraph::new());
    }
    let mut right = cell(TEXT_WIDTH - LEFT);
    for para in &row.right {
        let paragraphs = match para {
            Para::Heading(h) => vec![text_paragraph(h).style("Heading3")],
            Para::Text(t) => rich_paragraphs(t, None),
            Para::Label(l) => vec![bold_paragraph(l)],
            Para::Labeled(l, t) => rich_paragraphs(t, Some(l)),
        };
        for p in paragraphs {
            right = right.add_paragraph(p);
        }
    }
    TableRow::new(vec![left, right]).cant_split()
}

/// A heading style Word knows as a heading (its outline level), with space before it and
/// kept with what follows.
fn heading(id: &str, name: &str, half_points: usize, level: usize) -> Style {
    Style::new(id, StyleType::Paragraph)
        .name(name)
        .based_on("Normal")
        .next("Normal")
        .size(half_points)
        .bold()
        .outline_lvl(level)
        .line_spacing(LineSpacing::new().before(BEFORE_HEADING).after(AFTER))
}

/// A table with a heading and a bold header row (repeated on each page), no row split
/// across pages, the columns as wide as their texts need.
fn grid(docx: Docx, t: &DocTable) -> Docx {
    let widths = column_widths(t);
    let header =
        TableRow::new(t.columns.iter().zip(&widths).map(|(c, &w)| cell(w).add_paragraph(bold_paragraph(c))).collect())
            .cant_split();
    let mut rows = vec![header];
    for (k, r) in t.rows.iter().enumerate() {
        for (_, heading) in t.groups.iter().filter(|(at, _)| *at == k) {
            let across = cell(TEXT_WIDTH).grid_span(t.columns.len()).add_paragraph(bold_paragraph(heading));
            rows.push(TableRow::new(vec![across]).cant_split());
        }
        let cells = r.iter().zip(&widths).map(|(c, &w)| cell(w).add_paragraph(text_paragraph(c))).collect();
        rows.push(TableRow::new(cells).cant_split());
    }
    docx.add_paragraph(text_paragraph(&t.heading).style("Heading2").keep_next(true))
        .add_table(Table::new(rows).set_grid(widths).width(TEXT_WIDTH, WidthType::Dxa))
}

/// Each column's share of the page by the longest text in it (its heading's words too),
/// none narrower than a short word, together the width of the page.
fn column_widths(t: &DocTable) -> Vec<usize> {
    let n = t.columns.len().max(1);
    let longest = |k: usize| {
        let heading =
            t.columns.get(k).map_or(0, |c| c.split_whitespace().map(|w| w.chars().count()).max().unwrap_or(0));
        let cells = t.rows.iter().filter_map(|r| r.get(k)).map(|c| c.chars().count()).max().unwrap_or(0);
        // (A long text wraps: it asks for at most 40 characters' room.)
        heading.max(cells).clamp(6, 40)
    };
    let wants: Vec<usize> = (0..n).map(longest).collect();
    let total: usize = wants.iter().sum::<usize>().max(1);
    let mut widths: Vec<usize> = wants.iter().map(|w| TEXT_WIDTH * w / total).collect();
    let given: usize = widths.iter().sum();
    if let Some(last) = widths.last_mut() {
        *last += TEXT_WIDTH - given;
    }
    widths
}

fn cell(width: usize) -> TableCell {
    TableCell::new().width(width, WidthType::Dxa)
}

/// Text as a run, its line breaks kept as line breaks.
fn run(text: &str) -> Run {
    let text = clean(text);
    let mut run = Run::new();
    for (i, line) in text.split('\n').enumerate() {
        if i > 0 {
            run = run.add_break(BreakType::TextWrapping);
        }
        run = run.add_text(line);
    }
    run
}

/// A paragraph with the space after it that every paragraph has.
fn paragraph() -> Paragraph {
    Paragraph::new().line_spacing(LineSpacing::new().after(AFTER))
}

fn text_paragraph(text: &str) -> Paragraph {
    paragraph().add_run(run(text)).align(AlignmentType::Left)
}

fn bold_paragraph(text: &str) -> Paragraph {
    paragraph().add_run(run(text).bold())
}

/// A text with its light structure (`rich`): paragraphs with line breaks, bullets
/// indented by their depth, emphasis in italics, links as Word's HYPERLINK fields (no
/// relationship ids, so the same text gives the same bytes); a label, bold, first.
fn rich_paragraphs(text: &str, label: Option<&str>) -> Vec<Paragraph> {
    let mut out = Vec::new();
    let mut label = label.map(|l| Run::new().add_text(format!("{l} ")).bold());
    let text = clean(text);
    for block in rich::blocks(&text) {
        match block {
            Block::Lines(lines) => {
                let mut p = paragraph().align(AlignmentType::Left);
                if let Some(l) = label.take() {
                    p = p.add_run(l);
                }
                for (k, line) in lines.iter().enumerate() {
                    if k > 0 {
                        p = p.add_run(Run::new().add_break(BreakType::TextWrapping));
                    }
                    p = inline_runs(p, line);
                }
                out.push(p);
            }
            Block::Bullets(items) => {
                if let Some(l) = label.take() {
                    out.push(paragraph().add_run(l));
                }
                for (depth, line) in &items {
                    let left = i32::try_from(360 * (depth + 1)).unwrap_or(i32::MAX);
                    let mark = if *depth == 0 { "•\t" } else { "◦\t" };
                    let p = paragraph()
                        .indent(Some(left), Some(SpecialIndentType::Hanging(360)), None, None)
                        .add_run(Run::new().add_text(mark));
                    out.push(inline_runs(p, line));
                }
            }
        }
    }
    out
}

/// Text for XML that docx-rs writes as it is (a field's instruction): `&`, `<`, `>` and
/// `"` as entities.
fn xml_text(text: &str) -> String {
    text.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;")
}

fn inline_runs(mut p: Paragraph, inlines: &[Inline]) -> Paragraph {
    for inline in inlines {
        p = match inline {
            Inline::Text(t) => p.add_run(Run::new().add_text(*t)),
            Inline::Emphasis(t) => p.add_run(Run::new().add_text(*t).italic()),
            Inline::Link { text, href } => p
                .add_run(Run::new().add_field_char(FieldCharType::Begin, false))
                .add_run(
                    Run::new().add_instr_text(InstrText::Unsupported(format!(" HYPERLINK \"{}\" ", xml_text(href)))),
                )
                .add_run(Run::new().add_field_char(FieldCharType::Separate, false))
                .add_run(Run::new().add_text(*text).color("0563C1").underline("single"))
                .add_run(Run::new().add_field_char(FieldCharType::End, false)),
        };
    }
    p
}

/// "Vedtak: Styringsgruppen godkjenner ...": the label bold.
fn labeled(label: &str, text: &str) -> Paragraph {
    paragraph().add_run(run(label).bold()).add_run(run(&format!(" {text}")))
}

#[cfg(test)]
mod tests {
    use std::io::Read;

    use super::*;
    use crate::domain::agenda::Lang;
    use crate::i18n;
    use crate::referat::document::{self, Options};
    use crate::referat::fixture::seed_session;

    fn part(docx: &[u8], name: &str) -> String {
        let mut zip = zip::ZipArchive::new(std::io::Cursor::new(docx)).unwrap();
        let mut text = String::new();
        zip.by_name(name).unwrap().read_to_string(&mut text).unwrap();
        text
    }

    fn seed_docx() -> Vec<u8> {
        render(&document::referat(&seed_session(), i18n::words(Lang::Nb), Options::default()), Lang::Nb).unwrap()
    }

    #[test]
    fn the_referat_is_a_word_document_with_headings_and_the_sak_table() {
        let docx = seed_docx();
        let xml = part(&docx, "word/document.xml");
        assert!(xml.contains("Referat Styringsgruppemøte i Normen"));
        assert!(xml.contains("<w:pStyle w:val=\"Heading1\" />"), "{xml}");
        assert!(xml.contains("<w:pStyle w:val=\"Heading3\" />"));
        assert!(xml.contains("Møtetidspunkt:"));
        assert!(xml.contains("Tirsdag 03.06.25 10:00 – 15:00"));
        assert!(xml.contains("<w:tbl>"));
        assert!(xml.contains("Beslutningssak: Normen 7.0"));
        assert!(xml.contains("Christian Cato Bülow-Larsen, Fürst"));
        assert!(!xml.contains("<w:br w:type=\"textWrapping\" />"), "the seed has no line broken in a paragraph");
        let mut session = seed_session();
        session.open_draft(4, crate::domain::time::Stamp::parse("2025-06-03 10:40:00").unwrap()).unwrap();
        session.draft_mut(4).unwrap().note.text = "Beslutning kap. 1.5:\nBeholdes uforandret.".into();
        session.commit_draft(4);
        let docx = render(&document::referat(&session, i18n::words(Lang::Nb), Options::default()), Lang::Nb).unwrap();
        let xml = part(&docx, "word/document.xml");
        assert!(xml.contains("<w:br w:type=\"textWrapping\" />"), "line breaks kept");
        let styles = part(&docx, "word/styles.xml");
        assert!(styles.contains("w:styleId=\"Heading1\""), "{styles}");
        assert!(styles.contains("<w:outlineLvl w:val=\"0\" />"), "{styles}");
    }

    #[test]
    fn light_structure_is_bullets_italics_and_hyperlink_fields() {
        let mut session = seed_session();
        session.open_draft(4, crate::domain::time::Stamp::parse("2025-06-03 10:40:00").unwrap()).unwrap();
        session.draft_mut(4).unwrap().note.text = "- Se *presentasjonen*\n  - på https://ehelse.no/a?b=1&c=2".into();
        session.commit_draft(4);
        let docx = render(&document::referat(&session, i18n::words(Lang::Nb), Options::default()), Lang::Nb).unwrap();
        let xml = part(&docx, "word/document.xml");
        let near = |what: &str| {
            xml.find("presentasjonen")
                .map_or(String::new(), |at| xml[at.saturating_sub(900)..].chars().take(2400).collect())
                + what
        };
        assert!(xml.contains("<w:t xml:space=\"preserve\">•\t</w:t>"), "{}", near("a bullet"));
        assert!(xml.contains("<w:t xml:space=\"preserve\">◦\t</w:t>"), "{}", near("a nested bullet"));
        assert!(
            xml.contains("<w:ind w:left=\"720\" w:right=\"0\" w:hanging=\"360\" />"),
            "{}",
            near("indented by its depth")
        );
        assert!(xml.contains("<w:i />"), "{}", near("emphasis in italics"));
        assert!(
            xml.contains("<w:instrText> HYPERLINK \"https://ehelse.no/a?b=1&amp;c=2\" </w:instrText>"),
            "{}",
            near("a link, escaped")
        );
        assert!(xml.contains("<w:fldChar w:fldCharType=\"begin\" w:dirty=\"false\" />"), "{}", near("a field"));
    }

    #[test]
    fn a_document_a_secretariat_sends_as_it_is() {
        let docx = seed_docx();
        let xml = part(&docx, "word/document.xml");
        let count = |what: &str| xml.matches(what).count();
        assert!(count("<w:tblHeader />") >= 2, "the header row of each table repeated on every page");
        assert!(count("<w:cantSplit />") > 20, "no row split across pages");
        assert!(xml.contains("<w:spacing w:after=\"120\" />"), "space after paragraphs");
        let footer = part(&docx, "word/footer1.xml");
        assert!(footer.contains("Side ") && footer.contains(" av "), "{footer}");
        assert!(footer.contains("PAGE") && footer.contains("NUMPAGES"), "{footer}");
        let styles = part(&docx, "word/styles.xml");
        assert!(styles.contains("<w:lang w:val=\"nb-NO\""), "the document's language");
        assert!(styles.contains("<w:spacing w:before=\"240\" w:after=\"120\" />"), "space around headings");
        let core = part(&docx, "docProps/core.xml");
        assert!(core.contains("<dc:creator>Styringsgruppen for Norm for informasjonssikkerhet"), "{core}");
        assert!(core.contains("2025-06-03") && !core.contains("1970"), "{core}");
        assert!(core.contains("<dc:language>nb-NO</dc:language>"), "{core}");
        let english =
            render(&document::referat(&seed_session(), i18n::words(Lang::En), Options::default()), Lang::En).unwrap();
        assert!(part(&english, "word/styles.xml").contains("<w:lang w:val=\"en-GB\""));
        assert!(part(&english, "word/footer1.xml").contains("Page "));
    }

    #[test]
    fn columns_are_as_wide_as_their_texts_need() {
        let table = DocTable {
            heading: "Oppfølgingspunkter".into(),
            columns: vec!["Sak".into(), "Hva".into(), "Hvem".into(), "Frist".into()],
            rows: vec![vec![
                "04/25".into(),
                "Sende kommentarer om manglende referanser".into(),
                "Legeforeningen".into(),
                "18.08.25".into(),
            ]],
            groups: Vec::new(),
        };
        let widths = column_widths(&table);
        assert_eq!(widths.iter().sum::<usize>(), TEXT_WIDTH);
        assert!(widths[1] > 2 * widths[0] && widths[1] > widths[2] && widths[2] > widths[3], "{widths:?}");
    }

    #[test]
    fn user_text_is_escaped() {
        let mut session = seed_session();
        session.agenda.title = "<script>alert('x')</script> & \"Ørsta\"".into();
        let docx = render(&document::referat(&session, i18n::words(Lang::Nb), Options::default()), Lang::Nb).unwrap();
        let xml = part(&docx, "word/document.xml");
        assert!(!xml.contains("<script>"), "{xml}");
        assert!(xml.contains("&lt;script&gt;"), "{xml}");
        assert!(xml.contains("&amp;"));
    }

    #[test]
    fn the_same_session_gives_the_same_bytes() {
        let first = seed_docx();
        std::thread::sleep(std::time::Duration::from_millis(1100));
        assert_eq!(first, seed_docx());
    }
}
