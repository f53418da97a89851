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
        let bytes = match name.as_str() {
            "word/document.xml" => text(bytes, |t| header_rows(&t))?,
            "word/styles.xml" => text(bytes, |t| language(&t, amend.language))?,
            "docProps/core.xml" => text(bytes, |t| core(&t, amend))?,
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
        let amended = core(core_xml, &Amend { language: "nb-NO", author: "Styringsgruppen <SG> & co" });
        assert!(amended.contains("<dc:creator>Styringsgruppen &lt;SG&gt; &amp; co</dc:creator>"), "{amended}");
        assert!(amended.contains("<dc:language>nb-NO</dc:language>"), "{amended}");
    }
}
