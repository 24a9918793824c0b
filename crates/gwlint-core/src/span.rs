//! Byte spans into `Document::text` and the line/column positions shown to users.

use serde::Serialize;

/// A half-open byte range `start..end` into `Document::text`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

impl Span {
    pub const fn new(start: usize, end: usize) -> Self {
        Span { start, end }
    }

    pub const fn empty(at: usize) -> Self {
        Span { start: at, end: at }
    }

    pub fn len(&self) -> usize {
        self.end - self.start
    }

    pub fn is_empty(&self) -> bool {
        self.start == self.end
    }

    /// Shift a span that is relative to some base offset into absolute coordinates.
    pub fn offset(self, base: usize) -> Span {
        Span::new(self.start + base, self.end + base)
    }

    pub fn contains(&self, offset: usize) -> bool {
        self.start <= offset && offset < self.end
    }

    pub fn overlaps(&self, other: &Span) -> bool {
        self.start < other.end && other.start < self.end
    }

    /// Clamp the span to `text` and to char boundaries, so slicing never panics.
    pub fn clamp_to(self, text: &str) -> Span {
        let end = text.floor_char_boundary(self.end.min(text.len()));
        let start = text.floor_char_boundary(self.start.min(end));
        Span::new(start, end.max(start))
    }
}

impl From<std::ops::Range<usize>> for Span {
    fn from(r: std::ops::Range<usize>) -> Self {
        Span::new(r.start, r.end)
    }
}

/// A 1-based position. `column` counts Unicode scalar values (chars), which is what people,
/// SARIF (`unicodeCodePoints`) and GitHub annotations expect; `utf16_column` is for LSP clients.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize)]
pub struct Position {
    pub line: usize,
    pub column: usize,
    pub utf16_column: usize,
}

/// Start offsets of every line of a text, for offset → line/column conversion.
#[derive(Clone, Debug, Default)]
pub struct LineIndex {
    starts: Vec<usize>,
}

impl LineIndex {
    pub fn new(text: &str) -> Self {
        let mut starts = Vec::with_capacity(text.len() / 40 + 1);
        starts.push(0);
        starts.extend(memchr_newlines(text.as_bytes()).map(|i| i + 1));
        LineIndex { starts }
    }

    pub fn line_count(&self) -> usize {
        self.starts.len()
    }

    /// 0-based line number containing `offset`.
    pub fn line_of(&self, offset: usize) -> usize {
        self.starts.partition_point(|&s| s <= offset).saturating_sub(1)
    }

    pub fn line_start(&self, line: usize) -> usize {
        self.starts[line.min(self.starts.len() - 1)]
    }

    /// Position of `offset` in `text` (which must be the text this index was built from).
    pub fn position(&self, text: &str, offset: usize) -> Position {
        let offset = text.floor_char_boundary(offset.min(text.len()));
        let line = self.line_of(offset);
        let prefix = &text[self.starts[line]..offset];
        let prefix = prefix.strip_suffix('\r').unwrap_or(prefix);
        Position { line: line + 1, column: prefix.chars().count() + 1, utf16_column: prefix.encode_utf16().count() + 1 }
    }
}

fn memchr_newlines(bytes: &[u8]) -> impl Iterator<Item = usize> + '_ {
    bytes.iter().enumerate().filter(|(_, &b)| b == b'\n').map(|(i, _)| i)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn positions_count_chars_not_bytes() {
        let text = "标题\n　　正文，内容\n";
        let idx = LineIndex::new(text);
        let off = text.find('，').unwrap();
        let p = idx.position(text, off);
        assert_eq!((p.line, p.column), (2, 5));
        assert_eq!(idx.position(text, 0), Position { line: 1, column: 1, utf16_column: 1 });
    }

    #[test]
    fn astral_chars_take_two_utf16_units() {
        let text = "𠮷野家，";
        let idx = LineIndex::new(text);
        let p = idx.position(text, text.find('，').unwrap());
        assert_eq!((p.column, p.utf16_column), (4, 5));
    }

    #[test]
    fn clamp_never_splits_a_char() {
        let text = "贯彻落实";
        assert_eq!(Span::new(1, 5).clamp_to(text), Span::new(0, 3));
        assert_eq!(Span::new(2, 100).clamp_to(text), Span::new(0, 12));
    }
}
