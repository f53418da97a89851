//! What docx-rs cannot say, put into the package it wrote: the document's language (so
//! Word's spell check is right), the header row of each table repeated on every page,
//! and who wrote it. Each part is read, changed where docx-rs writes a known mark, and the
//! package written again with fixed dates, so the same document gives the same bytes.

use std::io::{Cursor, Read, Write};

use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, DateTime, ZipArchive, ZipWriter};

/// What to put into the package.
pub struct Amend<'a> {
    /// "nb-NO", "en-GB".
    pub language: &'a str,
    pub author: &'a str,
    /// Which table of the document is the sak table (0 for the first): its second row is
    /// a place kept for the saker's rows,
    pub sak_table: usize,
    /// which this writes, one at a time, straight into the package.
    pub sak_rows: &'a dyn Fn(&mut dyn Write) -> std::io::Result<()>,
}

/// `package` (a .docx docx-rs wrote) with `amend` put in.
pub fn amend(package: &[u8], amend: &Amend) -> std::io::Result<Vec<u8>> {
    let mut zip = ZipArchive::new(Cursor::new(package)).map_err(std::io::Error::other)?;
    let mut out = ZipWriter::new(Cursor::new(Vec::new()));
    let options = SimpleFileOptions::default()
        .compression_method(CompressionMethod::Deflated)
        .last_modified_time(DateTime::default());
    for k in 0..zip.len() {
        let mut file = zip.by_index(k).map_err(std::io::Error::other)?;
        let name = file.name().to_string();
        let mut bytes = Vec::new();
        file.read_to_end(&mut bytes)?;
        if name == "word/document.xml" {
            // (No paragraph ids: docx-rs counts them on in each thread, so they would
            // differ from one export to the next, and rows built apart would repeat them.)
            let xml = String::from_utf8(without_para_ids(&bytes)).map_err(std::io::Error::other)?;
            let xml = header_rows(&xml);
            let (before, after) = around_the_rows(&xml, amend.sak_table)
                .ok_or_else(|| std::io::Error::other("no place for the saker in the document"))?;
            out.start_file(name, options).map_err(std::io::Error::other)?;
            out.write_all(before.as_bytes())?;
            (amend.sak_rows)(&mut out)?;
            out.write_all(after.as_bytes())?;
            continue;
        }
        let bytes = match name.as_str() {
            "word/styles.xml" => text(bytes, |t| language(&t, amend.language))?,
            "docProps/core.xml" => text(bytes, |t| core(&t, amend))?,
            // (The footer's paragraph too.)
            _ if std::path::Path::new(&name).extension().is_some_and(|e| e.eq_ignore_ascii_case("xml")) => {
                without_para_ids(&bytes)
            }
            _ => bytes,
        };
        out.start_file(name, options).map_err(std::io::Error::other)?;
        out.write_all(&bytes)?;
    }
    Ok(out.finish().map_err(std::io::Error::other)?.into_inner())
}

fn text(bytes: Vec<u8>, change: impl Fn(String) -> String) -> std::io::Result<Vec<u8>> {
    let text = String::from_utf8(bytes).map_err(std::io::Error::other)?;
    Ok(change(text).into_bytes())
}

/// The document's XML before and after the second row of its `table`-th table (the
/// place kept for the saker). (User text is escaped: no `<w:tbl>` or `<w:tr>` of its own.)
fn around_the_rows(xml: &str, table: usize) -> Option<(&str, &str)> {
    let mut from = 0;
    for _ in 0..=table {
        from += xml[from..].find("<w:tbl>")? + "<w:tbl>".len();
    }
    let first = from + xml[from..].find("<w:tr>")? + "<w:tr>".len();
    let start = first + xml[first..].find("<w:tr>")?;
    let end = start + xml[start..].find("</w:tr>")? + "</w:tr>".len();
    Some((&xml[..start], &xml[end..]))
}

/// `xml` without its paragraphs' ids (`w14:paraId`, optional in Word's XML).
pub fn without_para_ids(xml: &[u8]) -> Vec<u8> {
    const ID: &[u8] = b" w14:paraId=\"";
    let mut out = Vec::with_capacity(xml.len());
    let mut rest = xml;
    while let Some(at) = rest.windows(ID.len()).position(|w| w == ID) {
        out.extend_from_slice(&rest[..at]);
        let value = &rest[at + ID.len()..];
        let Some(end) = value.iter().position(|&b| b == b'"') else {
            rest = &rest[at..];
            break;
        };
        rest = &value[end + 1..];
    }
    out.extend_from_slice(rest);
    out
}

/// The first row of every table is its header row: repeated at the top of each page.
fn header_rows(xml: &str) -> String {
    let mut out = String::with_capacity(xml.len() + 256);
    let mut rest = xml;
    while let Some(at) = rest.find("<w:tbl>") {
        let (before, table) = rest.split_at(at);
        out.push_str(before);
        // The first row's properties, as docx-rs writes them: empty, or with cantSplit.
        let row = table.find("<w:tr>").map(|r| r + "<w:tr>".len());
        match row {
            Some(r) if table[r..].starts_with("<w:trPr />") => {
                out.push_str(&table[..r]);
                out.push_str("<w:trPr><w:tblHeader /></w:trPr>");
                rest = &table[r + "<w:trPr />".len()..];
            }
            Some(r) if table[r..].starts_with("<w:trPr>") => {
                let r = r + "<w:trPr>".len();
                out.push_str(&table[..r]);
                out.push_str("<w:tblHeader />");
                rest = &table[r..];
            }
            _ => {
                out.push_str("<w:tbl>");
                rest = &table["<w:tbl>".len()..];
            }
        }
    }
    out.push_str(rest);
    out
}

/// The language of every run, unless it says otherwise.
fn language(xml: &str, lang: &str) -> String {
    let mark = format!("<w:lang w:val=\"{lang}\" w:eastAsia=\"{lang}\" w:bidi=\"ar-SA\" />");
    if xml.contains("<w:rPrDefault><w:rPr />") {
        xml.replacen("<w:rPrDefault><w:rPr />", &format!("<w:rPrDefault><w:rPr>{mark}</w:rPr>"), 1)
    } else {
        xml.replacen("<w:rPrDefault><w:rPr>", &format!("<w:rPrDefault><w:rPr>{mark}"), 1)
    }
}

/// Who wrote it, and in what language, instead of docx-rs's "unknown".
fn core(xml: &str, amend: &Amend) -> String {
    let author = escape(amend.author);
    xml.replacen("<dc:creator>unknown</dc:creator>", &format!("<dc:creator>{author}</dc:creator>"), 1).replacen(
        "<cp:lastModifiedBy>unknown</cp:lastModifiedBy>",
        &format!("<cp:lastModifiedBy>{author}</cp:lastModifiedBy><dc:language>{}</dc:language>", amend.language),
        1,
    )
}

fn escape(text: &str) -> String {
    text.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_first_row_of_each_table_is_its_header() {
        let xml = "<w:tbl><w:tr><w:trPr /><w:tc/></w:tr><w:tr><w:trPr /></w:tr></w:tbl>\
                   <w:tbl><w:tr><w:trPr><w:cantSplit /></w:trPr></w:tr></w:tbl>";
        assert_eq!(
            header_rows(xml),
            "<w:tbl><w:tr><w:trPr><w:tblHeader /></w:trPr><w:tc/></w:tr><w:tr><w:trPr /></w:tr></w:tbl>\
             <w:tbl><w:tr><w:trPr><w:tblHeader /><w:cantSplit /></w:trPr></w:tr></w:tbl>"
        );
        assert_eq!(header_rows("<w:tbl>"), "<w:tbl>", "a table with no rows is left alone");
    }

    #[test]
    fn the_language_and_the_author_are_said() {
        let styles = "<w:docDefaults><w:rPrDefault><w:rPr><w:sz w:val=\"22\" /></w:rPr></w:rPrDefault>";
        assert!(
            language(styles, "nb-NO")
                .contains("<w:rPr><w:lang w:val=\"nb-NO\" w:eastAsia=\"nb-NO\" w:bidi=\"ar-SA\" /><w:sz")
        );
        let core_xml = "<dc:creator>unknown</dc:creator><cp:lastModifiedBy>unknown</cp:lastModifiedBy>";
        let rows = |_: &mut dyn Write| Ok(());
        let amend = Amend { language: "nb-NO", author: "Styringsgruppen <SG> & co", sak_table: 0, sak_rows: &rows };
        let amended = core(core_xml, &amend);
        assert!(amended.contains("<dc:creator>Styringsgruppen &lt;SG&gt; &amp; co</dc:creator>"), "{amended}");
        assert!(amended.contains("<dc:language>nb-NO</dc:language>"), "{amended}");
    }

    #[test]
    fn the_saker_go_in_the_place_kept_for_them_in_the_right_table() {
        let xml = "<w:p>a &lt;w:tbl&gt;</w:p><w:tbl><w:tr>org</w:tr><w:tr>x</w:tr></w:tbl>\
                   <w:tbl><w:tr>head</w:tr><w:tr>place</w:tr><w:tr>after</w:tr></w:tbl>";
        assert_eq!(
            around_the_rows(xml, 1),
            Some((
                "<w:p>a &lt;w:tbl&gt;</w:p><w:tbl><w:tr>org</w:tr><w:tr>x</w:tr></w:tbl><w:tbl><w:tr>head</w:tr>",
                "<w:tr>after</w:tr></w:tbl>"
            ))
        );
        assert_eq!(around_the_rows(xml, 0).map(|(b, _)| b.len()), Some(xml.find("<w:tr>x").unwrap()));
        assert_eq!(around_the_rows(xml, 2), None, "no such table");
        assert_eq!(around_the_rows("<w:tbl><w:tr>head</w:tr></w:tbl>", 0), None, "no place kept");
    }

    #[test]
    fn a_row_built_apart_carries_no_paragraph_ids() {
        let row = br#"<w:tr><w:p w14:paraId="0000002a"><w:r/></w:p><w:p w14:paraId="0000002b" /></w:tr>"#;
        assert_eq!(without_para_ids(row), b"<w:tr><w:p><w:r/></w:p><w:p /></w:tr>".to_vec());
        assert_eq!(without_para_ids(b"<w:p w14:paraId=\"cut"), b"<w:p w14:paraId=\"cut".to_vec());
    }
}
