//! The referat: a session (or an agenda, for the innkalling) as a document, and that
//! document as Markdown, HTML and DOCX.

pub mod document;
pub mod docx;
mod docx_package;
pub mod html;
pub mod markdown;
mod rich;
mod told;

#[cfg(test)]
pub(crate) mod fixture;
#[cfg(test)]
mod tests;
