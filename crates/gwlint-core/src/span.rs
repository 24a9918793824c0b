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
        // A span within the text on character boundaries (the usual case) is itself: one check.
        if text.get(self.start..self.end).is_some() {
            return self;
        }
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

/// How many characters `text` has, and how many UTF-16 units, counted over its bytes (every
/// byte but a continuation byte starts a character, which the standard library counts a word
/// of bytes at a time; one of four bytes, from a lead byte of 0xF0 up, takes two units): two
/// counts the compiler vectorises (one fold of both was not; the lead bytes are summed in
/// bytes, 16 or 32 to an instruction, over 1,020 bytes at a time: at most every fourth byte of
/// UTF-8 leads four, so no count passes 255).
fn char_and_utf16_len(text: &str) -> (usize, usize) {
    let chars = text.chars().count();
    let wide: usize = text
        .as_bytes()
        .chunks(1020)
        .map(|chunk| usize::from(chunk.iter().fold(0u8, |n, &b| n + u8::from(b >= 0xF0))))
        .sum();
    (chars, chars + wide)
}

/// The one definition of a line break in gwlint: `\r\n`, a lone `\r` or `\n`. Returns the
/// length of the break starting at byte `i`, or 0 when none starts there.
pub fn line_break_len(bytes: &[u8], i: usize) -> usize {
    match bytes.get(i) {
        Some(b'\n') => 1,
        Some(b'\r') if bytes.get(i + 1) == Some(&b'\n') => 2,
        Some(b'\r') => 1,
        _ => 0,
    }
}

/// How characters of the indexed text are stored in the file, to give byte offsets into the
/// file as stored (a GBK or UTF-16 file has other offsets than the decoded text).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum FileEncoding {
    /// The text is the file (UTF-8).
    #[default]
    Utf8,
    /// UTF-8 after a three-byte byte-order mark.
    Utf8Bom,
    /// UTF-16 (either byte order), with or without a byte-order mark.
    Utf16 { bom: bool },
    /// Another encoding: GB18030 (also used for files read as GBK), or one a detector chose
    /// (Big5, Shift_JIS …).
    Legacy(&'static encoding_rs::Encoding),
    /// The text has no byte representation of its own (a .docx paragraph text).
    None,
}

impl FileEncoding {
    /// How a file read in `encoding`, with or without a byte-order mark, stores its text.
    pub fn of(encoding: &'static encoding_rs::Encoding, bom: bool) -> FileEncoding {
        if encoding == encoding_rs::UTF_8 {
            if bom {
                FileEncoding::Utf8Bom
            } else {
                FileEncoding::Utf8
            }
        } else if encoding == encoding_rs::UTF_16LE || encoding == encoding_rs::UTF_16BE {
            FileEncoding::Utf16 { bom }
        } else {
            FileEncoding::Legacy(encoding)
        }
    }

    /// Is every file byte the text's own byte (after the BOM)?
    fn is_text_bytes(self) -> bool {
        matches!(self, FileEncoding::Utf8 | FileEncoding::Utf8Bom | FileEncoding::None)
    }

    fn start(self) -> Option<usize> {
        match self {
            FileEncoding::Utf8 | FileEncoding::Legacy(_) | FileEncoding::Utf16 { bom: false } => Some(0),
            FileEncoding::Utf8Bom => Some(3),
            FileEncoding::Utf16 { bom: true } => Some(2),
            FileEncoding::None => None,
        }
    }

    /// Bytes `s` takes in the file.
    fn encoded_len(self, s: &str) -> usize {
        match self {
            FileEncoding::Utf8 | FileEncoding::Utf8Bom | FileEncoding::None => s.len(),
            FileEncoding::Utf16 { .. } => 2 * s.chars().map(char::len_utf16).sum::<usize>(),
            FileEncoding::Legacy(enc) => {
                if s.is_ascii() {
                    return s.len();
                }
                let mut encoder = enc.new_encoder();
                let mut buf = [0u8; 1024];
                let (mut total, mut rest) = (0, s);
                loop {
                    let (result, read, written) = encoder.encode_from_utf8_without_replacement(rest, &mut buf, true);
                    total += written;
                    rest = &rest[read..];
                    match result {
                        encoding_rs::EncoderResult::InputEmpty => return total,
                        encoding_rs::EncoderResult::OutputFull => {}
                        // GB18030 encodes every scalar value; others may not (the document then
                        // does not round-trip and reports no file bytes); count one byte.
                        encoding_rs::EncoderResult::Unmappable(_) => total += 1,
                    }
                }
            }
        }
    }
}

/// A point of an indexed text: 1-based line and column (chars and UTF-16 units), the byte offset
/// in the indexed text and, where the text has one, the byte offset in the file as stored.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize)]
pub struct Point {
    pub line: usize,
    pub column: usize,
    pub utf16_column: usize,
    /// Byte offset in the indexed (decoded) text.
    pub offset: usize,
    /// Byte offset in the file as stored (encoding and byte-order mark included); None for
    /// texts that are not stored as such (.docx).
    pub file_byte: Option<usize>,
}

impl Point {
    pub fn position(&self) -> Position {
        Position { line: self.line, column: self.column, utf16_column: self.utf16_column }
    }
}

/// A checkpoint inside a long line: everything known about one offset, so a position query
/// scans at most `MARK_EVERY` bytes whatever the length of the line.
#[derive(Clone, Copy, Debug, Default)]
struct Mark {
    offset: usize,
    column: usize,
    utf16_column: usize,
    file_byte: usize,
}

const MARK_EVERY: usize = 256;

/// Line starts (and, in long lines, column checkpoints) of a text, for offset → line, columns
/// and file byte. Line breaks follow `line_break_len` (CRLF, lone CR, LF). Memory is one word
/// per line (two when the file's bytes differ from the text's: GB18030, UTF-16), plus a
/// checkpoint every 256 bytes of lines longer than that.
#[derive(Clone, Debug, Default)]
pub struct LineIndex {
    starts: Vec<usize>,
    /// File byte of each line start, when it cannot be derived from the text offset.
    file_starts: Vec<usize>,
    marks: Vec<Mark>,
    encoding: FileEncoding,
}

impl LineIndex {
    pub fn new(text: &str) -> Self {
        LineIndex::with_encoding(text, FileEncoding::Utf8)
    }

    /// An index that also knows the file's byte offsets.
    pub fn with_encoding(text: &str, encoding: FileEncoding) -> Self {
        let bytes = text.as_bytes();
        let stored = !encoding.is_text_bytes();
        let lines = memchr::memchr_iter(b'\n', bytes).count() + 1;
        let mut starts = Vec::with_capacity(lines);
        let mut file_starts = Vec::with_capacity(if stored { lines } else { 0 });
        let mut marks = Vec::new();
        let file_start = encoding.start().unwrap_or(0);
        starts.push(0);
        if stored {
            file_starts.push(file_start);
        }
        // The last checkpoint: the line start or a mark inside the line.
        let mut last = Mark { file_byte: file_start, ..Mark::default() };
        let mut i = 0;
        while i < bytes.len() {
            let brk = line_break_len(bytes, i);
            if brk > 0 {
                i += brk;
                if stored {
                    let file_byte = last.file_byte + encoding.encoded_len(&text[last.offset..i]);
                    file_starts.push(file_byte);
                    last = Mark { offset: i, column: 0, utf16_column: 0, file_byte };
                } else {
                    last = Mark { offset: i, ..Mark::default() };
                }
                starts.push(i);
                continue;
            }
            // Jump ahead to the next line break or checkpoint distance, on a char boundary.
            let limit = (last.offset + MARK_EVERY).min(bytes.len());
            match memchr::memchr2(b'\n', b'\r', &bytes[i..limit]) {
                Some(p) => i += p,
                None => {
                    i = text.ceil_char_boundary(limit);
                    if i < bytes.len() && line_break_len(bytes, i) == 0 {
                        let chunk = &text[last.offset..i];
                        let (chars, utf16) = char_and_utf16_len(chunk);
                        last = Mark {
                            offset: i,
                            column: last.column + chars,
                            utf16_column: last.utf16_column + utf16,
                            file_byte: if stored { last.file_byte + encoding.encoded_len(chunk) } else { 0 },
                        };
                        marks.push(last);
                    }
                }
            }
        }
        LineIndex { starts, file_starts, marks, encoding }
    }

    pub fn line_count(&self) -> usize {
        self.starts.len()
    }

    /// 0-based line number containing `offset`.
    pub fn line_of(&self, offset: usize) -> usize {
        self.starts.partition_point(|&s| s <= offset).saturating_sub(1)
    }

    /// Byte offset of the start of a 0-based line (the last line for lines past the end).
    pub fn line_start(&self, line: usize) -> usize {
        self.starts[line.min(self.starts.len() - 1)]
    }

    /// Byte range of a 0-based line in `text`, without its line break.
    pub fn line_range(&self, text: &str, line: usize) -> std::ops::Range<usize> {
        let start = self.line_start(line);
        let end = self.starts.get(line + 1).copied().unwrap_or(text.len());
        let mut end = end.max(start);
        while end > start && matches!(text.as_bytes()[end - 1], b'\n' | b'\r') {
            end -= 1;
        }
        start..end
    }

    /// The point of `offset` in `text` (which must be the text this index was built from).
    /// An offset inside a line break is the end of that line.
    pub fn point(&self, text: &str, offset: usize) -> Point {
        let offset = text.floor_char_boundary(offset.min(text.len()));
        let line = self.line_of(offset);
        let line_start = self.starts[line];
        let stored = !self.encoding.is_text_bytes();
        // The nearest checkpoint at or before the offset on this line.
        let k = self.marks.partition_point(|m| m.offset <= offset);
        let base = match k.checked_sub(1).map(|k| self.marks[k]) {
            Some(m) if m.offset > line_start => m,
            _ => Mark {
                offset: line_start,
                column: 0,
                utf16_column: 0,
                file_byte: if stored { self.file_starts[line] } else { 0 },
            },
        };
        let line_end = self.line_range(text, line).end;
        let prefix = &text[base.offset..offset.min(line_end).max(base.offset)];
        let file_byte = self.encoding.start().map(|start| {
            if stored {
                base.file_byte + self.encoding.encoded_len(&text[base.offset..offset])
            } else {
                start + offset
            }
        });
        let (chars, utf16) = char_and_utf16_len(prefix);
        Point {
            line: line + 1,
            column: base.column + chars + 1,
            utf16_column: base.utf16_column + utf16 + 1,
            offset,
            file_byte,
        }
    }

    /// Position of `offset` in `text` (which must be the text this index was built from).
    pub fn position(&self, text: &str, offset: usize) -> Position {
        self.point(text, offset).position()
    }

    /// The byte offset of a 1-based line and char column (clamped to the line).
    pub fn offset_of(&self, text: &str, line: usize, column: usize) -> usize {
        let range = self.line_range(text, line.saturating_sub(1));
        let line_text = &text[range.clone()];
        range.start + line_text.char_indices().nth(column.saturating_sub(1)).map_or(line_text.len(), |(i, _)| i)
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn characters_and_utf16_units_are_counted_over_bytes() {
        // Texts longer than the bytes counted at a time, four-byte characters among them (300 of
        // them side by side: 255 in the first count).
        let long = ["𠀀a公".repeat(100), "𠀀".repeat(64), "𠀀".repeat(300) + "é"];
        let short = ["", "abc", "公文，。", "𠀀a𠀁é\r\n", "\u{FEFF}x\u{10FFFF}"];
        for text in short.into_iter().chain(long.iter().map(String::as_str)) {
            let expected = (text.chars().count(), text.chars().map(char::len_utf16).sum::<usize>());
            assert_eq!(super::char_and_utf16_len(text), expected, "{text}");
        }
        assert_eq!(super::char_and_utf16_len(&long[2]), (301, 601));
    }

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
    fn every_line_break_counts_once() {
        let text = "一\r二\r\n三\n四";
        let idx = LineIndex::new(text);
        assert_eq!(idx.line_count(), 4);
        for (ch, line) in [('一', 1), ('二', 2), ('三', 3), ('四', 4)] {
            let p = idx.position(text, text.find(ch).unwrap());
            assert_eq!((p.line, p.column), (line, 1), "{ch}");
        }
        // The end of a line (its break) is the column after its last char.
        let p = idx.position(text, text.find('\r').unwrap());
        assert_eq!((p.line, p.column), (1, 2));
        assert_eq!(idx.line_range(text, 1), 4..7);
        assert_eq!(idx.offset_of(text, 3, 1), text.find('三').unwrap());
    }

    #[test]
    fn long_lines_use_checkpoints_and_agree_with_a_rescan() {
        let text: String = "中文,𠮷a".repeat(400) + "\r\n尾\n" + &"短行\n".repeat(3) + &"长行。".repeat(200);
        for enc in
            [FileEncoding::Legacy(encoding_rs::GB18030), FileEncoding::Utf8Bom, FileEncoding::Utf16 { bom: false }]
        {
            let idx = LineIndex::with_encoding(&text, enc);
            for (off, _) in text.char_indices().step_by(37) {
                let p = idx.point(&text, off);
                let line_start = text[..off].rfind('\n').map_or(0, |i| i + 1);
                let prefix = text[line_start..off].trim_end_matches('\r');
                assert_eq!(p.line, text[..off].matches('\n').count() + 1);
                assert_eq!(p.column, prefix.chars().count() + 1);
                assert_eq!(p.utf16_column, prefix.encode_utf16().count() + 1);
                let bytes = match enc {
                    FileEncoding::Legacy(_) => encoding_rs::GB18030.encode(&text[..off]).0.len(),
                    FileEncoding::Utf8Bom => 3 + off,
                    _ => 2 * text[..off].encode_utf16().count(),
                };
                assert_eq!(p.file_byte, Some(bytes), "{enc:?} at {off}");
            }
        }
    }

    #[test]
    fn file_bytes_follow_the_stored_encoding() {
        let text = "标题\n正文，";
        let off = text.find('，').unwrap();
        let at = |e| LineIndex::with_encoding(text, e).point(text, off).file_byte;
        assert_eq!(at(FileEncoding::Utf8), Some(off));
        assert_eq!(at(FileEncoding::Utf8Bom), Some(off + 3));
        assert_eq!(at(FileEncoding::Utf16 { bom: true }), Some(2 + 2 * 5));
        assert_eq!(at(FileEncoding::Legacy(encoding_rs::GB18030)), Some(2 * 4 + 1));
        assert_eq!(at(FileEncoding::None), None);
    }

    #[test]
    fn clamp_never_splits_a_char() {
        let text = "贯彻落实";
        assert_eq!(Span::new(1, 5).clamp_to(text), Span::new(0, 3));
        assert_eq!(Span::new(2, 100).clamp_to(text), Span::new(0, 12));
    }
}
