//! Formatting facts of a .docx, with the style cascade resolved.

use serde::Serialize;

/// Page size and margins in twips (1 mm = 56.7 twips).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct PageSetup {
    pub width: i64,
    pub height: i64,
    pub top: i64,
    pub bottom: i64,
    pub left: i64,
    pub right: i64,
}

/// One run of text with its effective formatting; offsets are bytes within the paragraph text.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct RunFormat {
    pub start: usize,
    pub end: usize,
    /// The East Asian font (w:eastAsia), theme fonts resolved.
    pub east_asia_font: Option<String>,
    /// Size in half-points (32 = 16 pt = 三号).
    pub size: Option<u32>,
    pub bold: bool,
}

/// One Word paragraph (= one line of `Document::text`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ParagraphFormat {
    pub style: Option<String>,
    pub alignment: Option<String>,
    /// First-line indent in twips, when given that way.
    pub first_line_twips: Option<i64>,
    /// First-line indent in hundredths of a character (200 = two characters).
    pub first_line_chars: Option<i64>,
    /// Left (start) indent of the whole paragraph in twips, when given that way.
    pub left_twips: Option<i64>,
    /// Left (start) indent in hundredths of a character.
    pub left_chars: Option<i64>,
    /// The paragraph stands outside the body flow: in a table (版记 rows, attachment tables) or
    /// in a text box.
    pub in_table: bool,
    pub runs: Vec<RunFormat>,
}

/// The page-number footer, if any.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Footer {
    /// The footer's text with each field shown as its cached value ("— 1 —").
    pub text: String,
    /// The footer holds a PAGE field.
    pub page_field: bool,
}

/// Everything the layout rules read. `paragraphs[i]` is line `i` of `Document::text`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct DocFormat {
    pub page: Option<PageSetup>,
    /// The default footer of the last section.
    pub footer: Option<Footer>,
    pub paragraphs: Vec<ParagraphFormat>,
}
