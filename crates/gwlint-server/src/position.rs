//! Positions on the wire: the encoding negotiated at initialize, and the conversion of gwlint's
//! file positions (1-based line, column in characters and in UTF-16 units) to LSP positions.

use gwlint_core::resolved::{FilePosition, FileRange};
use lsp_types::{Position, PositionEncodingKind, Range};

/// How the client counts characters in a line.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Encoding {
    Utf8,
    Utf16,
    Utf32,
}

impl Encoding {
    /// The client's preference among those it offers (LSP 3.17 `general.positionEncodings`):
    /// UTF-8 first (no conversion for us), then UTF-32, else the mandatory UTF-16.
    pub fn negotiate(offered: Option<&[PositionEncodingKind]>) -> Encoding {
        let offered = offered.unwrap_or_default();
        if offered.contains(&PositionEncodingKind::UTF8) {
            Encoding::Utf8
        } else if offered.contains(&PositionEncodingKind::UTF32) {
            Encoding::Utf32
        } else {
            Encoding::Utf16
        }
    }

    pub fn kind(self) -> PositionEncodingKind {
        match self {
            Encoding::Utf8 => PositionEncodingKind::UTF8,
            Encoding::Utf16 => PositionEncodingKind::UTF16,
            Encoding::Utf32 => PositionEncodingKind::UTF32,
        }
    }
}

/// A text with its line starts, to count a column in UTF-8 bytes.
pub struct LineIndex<'a> {
    text: &'a str,
    starts: Vec<usize>,
    encoding: Encoding,
}

impl<'a> LineIndex<'a> {
    /// `text` is what the client shows (for a .docx, its paragraphs one per line).
    pub fn new(text: &'a str, encoding: Encoding) -> LineIndex<'a> {
        let starts = std::iter::once(0).chain(text.match_indices('\n').map(|(i, _)| i + 1)).collect();
        LineIndex { text, starts, encoding }
    }

    pub fn position(&self, p: FilePosition) -> Position {
        let line = p.line.saturating_sub(1);
        let character = match self.encoding {
            Encoding::Utf16 => p.utf16_column.saturating_sub(1),
            Encoding::Utf32 => p.column.saturating_sub(1),
            Encoding::Utf8 => {
                let start = self.starts.get(line).copied().unwrap_or(self.text.len());
                let end = self.starts.get(line + 1).copied().unwrap_or(self.text.len());
                self.text[start..end].chars().take(p.column.saturating_sub(1)).map(char::len_utf8).sum()
            }
        };
        Position::new(line as u32, character as u32)
    }

    /// The position of a byte offset of the text (on a character boundary).
    pub fn offset_position(&self, offset: usize) -> Position {
        let line = self.starts.partition_point(|&s| s <= offset) - 1;
        let before = &self.text[self.starts[line]..offset];
        let character = match self.encoding {
            Encoding::Utf8 => before.len(),
            Encoding::Utf16 => before.encode_utf16().count(),
            Encoding::Utf32 => before.chars().count(),
        };
        Position::new(line as u32, character as u32)
    }

    pub fn range(&self, r: FileRange) -> Range {
        Range::new(self.position(r.start), self.position(r.end))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(line: usize, column: usize, utf16_column: usize) -> FilePosition {
        FilePosition { line, column, utf16_column, byte: None }
    }

    #[test]
    fn a_character_outside_the_bmp_counts_once_twice_or_four_times() {
        let text = "第一行\n𠀀，后\n";
        // The comma: third character of line 2 counted in characters, second in UTF-16 units.
        let comma = at(2, 2, 3);
        assert_eq!(LineIndex::new(text, Encoding::Utf32).position(comma), Position::new(1, 1));
        assert_eq!(LineIndex::new(text, Encoding::Utf16).position(comma), Position::new(1, 2));
        assert_eq!(LineIndex::new(text, Encoding::Utf8).position(comma), Position::new(1, 4));
    }

    #[test]
    fn byte_offsets_become_positions_in_each_encoding() {
        let text = "甲\r\n𠀀乙\n";
        let yi = "甲\r\n𠀀".len();
        assert_eq!(LineIndex::new(text, Encoding::Utf16).offset_position(yi), Position::new(1, 2));
        assert_eq!(LineIndex::new(text, Encoding::Utf32).offset_position(yi), Position::new(1, 1));
        assert_eq!(LineIndex::new(text, Encoding::Utf8).offset_position(yi), Position::new(1, 4));
        assert_eq!(LineIndex::new(text, Encoding::Utf8).offset_position(text.len()), Position::new(2, 0));
    }

    #[test]
    fn the_client_preference_picks_utf8_then_utf32_else_utf16() {
        let k = |s: &[&str]| s.iter().map(|e| PositionEncodingKind::from(e.to_string())).collect::<Vec<_>>();
        assert_eq!(Encoding::negotiate(Some(&k(&["utf-16", "utf-8"]))), Encoding::Utf8);
        assert_eq!(Encoding::negotiate(Some(&k(&["utf-32", "utf-16"]))), Encoding::Utf32);
        assert_eq!(Encoding::negotiate(Some(&k(&["utf-16"]))), Encoding::Utf16);
        assert_eq!(Encoding::negotiate(None), Encoding::Utf16);
    }
}
