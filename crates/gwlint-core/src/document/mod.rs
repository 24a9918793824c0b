//! The 公文 document model: one `Document` per input file, whatever its format.
//!
//! Readers (`txt`, `markdown`) turn bytes into a plain `text` with one 公文 paragraph per line
//! and a `SourceMap` back to the decoded source; `structure` then assigns every paragraph its
//! part (标题, 主送机关, 正文, 署名 …) and outline level and derives the facts (文种, 行文方向 …).

pub mod calendar;
pub mod char_summary;
mod decode;
mod docx;
pub mod docx_map;
pub mod docx_preflight;
pub mod elements;
pub mod facts;
pub mod format;
mod markdown;
pub mod outline;
mod source_map;
pub mod structure;
pub mod suppress;
mod txt;

use serde::Serialize;
use std::fmt;

pub use decode::{encoding_for_label, encoding_named, Decoded, InvalidBytes};
pub use elements::Elements;
pub use facts::{Direction, DocClass, Era, Facts, Genre};
pub use format::{DocFormat, PageSetup, ParagraphFormat, RunFormat};
pub use outline::{Heading, MarkerStyle};
pub use source_map::SourceMap;

use crate::diagnostic::Edit;
use crate::span::{FileEncoding, LineIndex, Point, Position, Span};

/// The largest input accepted by default (a long 公文 is well under 1 MB).
pub const DEFAULT_MAX_BYTES: usize = 10 * 1024 * 1024;

/// Input format.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum SourceKind {
    Txt,
    Md,
    Docx,
}

impl SourceKind {
    /// The reader for a file name, by extension. None for formats gwlint does not read.
    pub fn from_path(path: &str) -> Option<SourceKind> {
        let ext = path.rsplit_once('.').map(|(_, e)| e.to_ascii_lowercase())?;
        match ext.as_str() {
            "txt" | "text" => Some(SourceKind::Txt),
            "md" | "markdown" => Some(SourceKind::Md),
            "docx" => Some(SourceKind::Docx),
            _ => None,
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            SourceKind::Txt => "txt",
            SourceKind::Md => "md",
            SourceKind::Docx => "docx",
        }
    }
}

/// Why a file could not be read. Messages are shown to drafters, so they are Chinese.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ReadError {
    #[error("文件为空")]
    Empty,
    #[error("文件只含空白字符，没有可检查的文字")]
    Blank,
    #[error("文件看起来是二进制数据，不是文本文件")]
    Binary,
    #[error("无法按 {encoding} 解码：第 {offset} 字节处有无效字节（可用 --encoding 指定编码，如 --encoding gbk）")]
    Undecodable { encoding: String, offset: usize },
    #[error("文件过大（{size} 字节，上限 {limit} 字节）")]
    TooLarge { size: usize, limit: usize },
    #[error("不支持的文件类型“{0}”：gwlint 检查 .txt、.md、.docx 文件")]
    Unsupported(String),
    #[error("{0}")]
    Legacy(String),
    #[error("{0}")]
    Docx(String),
}

/// Options for reading a document.
#[derive(Clone, Debug)]
pub struct ParseOptions {
    /// Force this encoding instead of detecting it.
    pub encoding: Option<&'static encoding_rs::Encoding>,
    pub max_bytes: usize,
    /// Read a .docx's formatting with docx-rs (for the layout rules). Off, the text is read from
    /// document.xml alone: the browser turns it off for a file on which docx-rs stopped the
    /// module (a panic cannot be caught in WebAssembly).
    pub docx_layout: bool,
}

impl Default for ParseOptions {
    fn default() -> Self {
        ParseOptions { encoding: None, max_bytes: DEFAULT_MAX_BYTES, docx_layout: true }
    }
}

/// The structural parts of a 公文 (GB/T 9704—2012 §7), plus the parts of non-公文 texts.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Part {
    /// 份号
    CopyNumber,
    /// 密级和保密期限
    Secrecy,
    /// 紧急程度
    Urgency,
    /// 发文机关标志
    IssuerMark,
    /// 发文字号
    DocNumber,
    /// 签发人
    Signer,
    /// 标题
    Title,
    /// 题注 (the 通过/施行 line under a 决定 or 决议 title)
    TitleNote,
    /// 主送机关
    Addressee,
    /// 称呼 of a speech (同志们：)
    Salutation,
    /// 正文
    Body,
    /// 附件说明
    AttachmentNote,
    /// 发文机关署名
    Signature,
    /// 成文日期
    Date,
    /// 附注
    Annotation,
    /// 附件 (appended after the 主体)
    Attachment,
    /// 抄送机关
    CopyTo,
    /// 印发机关和印发日期
    Printed,
}

impl Part {
    pub fn name_zh(self) -> &'static str {
        match self {
            Part::CopyNumber => "份号",
            Part::Secrecy => "密级和保密期限",
            Part::Urgency => "紧急程度",
            Part::IssuerMark => "发文机关标志",
            Part::DocNumber => "发文字号",
            Part::Signer => "签发人",
            Part::Title => "标题",
            Part::TitleNote => "题注",
            Part::Addressee => "主送机关",
            Part::Salutation => "称呼",
            Part::Body => "正文",
            Part::AttachmentNote => "附件说明",
            Part::Signature => "发文机关署名",
            Part::Date => "成文日期",
            Part::Annotation => "附注",
            Part::Attachment => "附件",
            Part::CopyTo => "抄送机关",
            Part::Printed => "印发机关和印发日期",
        }
    }

    /// Parts of the 版头 (above the red separator line).
    pub fn is_masthead(self) -> bool {
        matches!(
            self,
            Part::CopyNumber | Part::Secrecy | Part::Urgency | Part::IssuerMark | Part::DocNumber | Part::Signer
        )
    }

    /// Parts of the 版记.
    pub fn is_colophon(self) -> bool {
        matches!(self, Part::CopyTo | Part::Printed)
    }
}

impl fmt::Display for Part {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name_zh())
    }
}

/// One 公文 paragraph: a non-empty line of `Document::text`.
#[derive(Clone, Debug, Serialize)]
pub struct Paragraph {
    /// 0-based position among the paragraphs.
    pub index: usize,
    /// The whole line in `Document::text`, without its line break.
    pub line: Span,
    /// 0-based line of `Document::text` (for a .docx, the Word paragraph number, empty
    /// paragraphs counted).
    pub text_line: usize,
    /// The content: the line without leading indentation and trailing whitespace.
    pub span: Span,
    /// Whether a blank line precedes this paragraph.
    pub blank_before: bool,
    pub part: Part,
    /// Outline level in the 正文 (一、（一）1.（1）), if the paragraph starts with a marker.
    pub heading: Option<Heading>,
}

/// A document ready to be checked.
#[derive(Clone, Debug)]
pub struct Document {
    /// Display path (as given by the user) or a stdin name.
    pub path: String,
    pub kind: SourceKind,
    /// Encoding the input was decoded from ("UTF-8", "GB18030", …).
    pub encoding: &'static str,
    /// The input had a byte-order mark.
    pub bom: bool,
    /// The encoding was guessed among several plausible ones.
    pub encoding_guessed: bool,
    /// Encoding the decoded text again gives the file's bytes exactly (false for a rare GBK
    /// file with bytes GB18030 maps to other characters): only then are file byte offsets
    /// reported and fixes written back.
    pub round_trips: bool,
    /// Bytes of a damaged file that the encoding cannot decode, each read as U+FFFD (reported by
    /// GW418; such a file is never rewritten).
    pub invalid_bytes: Vec<InvalidBytes>,
    /// The decoded source, exactly as in the file (line endings kept).
    pub source: String,
    /// Plain text the rules see: one paragraph per line, `\n` line breaks, markup removed.
    pub text: String,
    pub paragraphs: Vec<Paragraph>,
    /// The typed, positioned 公文 elements (发文字号, 密级, dates, organs, 附件, quotations …).
    pub elements: Elements,
    pub facts: Facts,
    /// Formatting facts (.docx only), line by line.
    pub format: Option<DocFormat>,
    /// Where each paragraph's characters stand in word/document.xml (.docx only).
    pub docx_map: Option<docx_map::DocxMap>,
    /// Notes about how the file was read (a .docx read as plain text only).
    pub notes: Vec<String>,
    /// Suppression comments found in the source.
    pub suppressions: Vec<suppress::Directive>,
    map: SourceMap,
    /// Lines and checkpoints of `source`, with file byte offsets: made when a position is first
    /// asked (a document without findings never asks).
    source_lines: std::sync::OnceLock<LineIndex>,
    /// How `source`'s characters are stored in the file (what its file byte offsets count).
    source_encoding: FileEncoding,
    /// The runs of Han characters of `text`: read by the structure pass with the paragraphs'
    /// summaries, and again from the text when a rule asks after [`Document::drop_caches`].
    han_chars: std::sync::OnceLock<crate::spelling::HanChars>,
    /// Those runs with their best split, read when a rule first asks.
    han_runs: std::sync::OnceLock<crate::spelling::HanRuns>,
    /// Each paragraph's characters summarised: made by the structure pass (its date patterns
    /// ask them), and again when a rule asks after [`Document::drop_caches`].
    summaries: std::sync::OnceLock<Vec<char_summary::CharSummary>>,
    /// The summaries of all the paragraphs in one ([`Document::paragraphs_summary`]).
    paragraphs_summary: std::sync::OnceLock<char_summary::CharSummary>,
}

/// A range of the source file: start and end points (line, columns, source and file bytes).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct SourceRange {
    pub start: Point,
    pub end: Point,
}

/// An edit of the source file: the range it replaces and the replacement.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct SourceEdit {
    pub range: SourceRange,
    pub replacement: String,
}

impl Document {
    /// Read a document from the bytes of a file named `path` (the extension picks the reader).
    pub fn parse(path: &str, bytes: &[u8], opts: &ParseOptions) -> Result<Document, ReadError> {
        let kind = Document::kind_for_path(path)?;
        if bytes.len() > opts.max_bytes {
            return Err(ReadError::TooLarge { size: bytes.len(), limit: opts.max_bytes });
        }
        match kind {
            SourceKind::Txt | SourceKind::Md => {
                let decoded = decode::decode(bytes, opts.encoding)?;
                let mut doc = Document::from_decoded(path, kind, decoded)?;
                // GB18030 decoding maps a few unassigned bytes to characters that encode back
                // differently: then file byte offsets cannot be derived from the text, and a
                // fix could not be written back byte for byte.
                if !matches!(doc.encoding, "UTF-8" | "UTF-16LE" | "UTF-16BE")
                    && crate::fix::encode(&doc.source, doc.encoding, doc.bom) != bytes
                {
                    doc.round_trips = false;
                    doc.source_encoding = FileEncoding::None;
                    doc.source_lines = std::sync::OnceLock::new();
                }
                Ok(doc)
            }
            SourceKind::Docx => Document::from_docx(path, bytes, opts.docx_layout),
        }
    }

    /// The reader for a path, or the reason gwlint cannot read it (legacy .doc/.wps/.pdf get
    /// a "save as .docx" message).
    pub fn kind_for_path(path: &str) -> Result<SourceKind, ReadError> {
        SourceKind::from_path(path).ok_or_else(|| unsupported(path))
    }

    /// Build a document from text already in memory (tests, editors, embedding).
    pub fn from_text(path: &str, kind: SourceKind, text: &str) -> Result<Document, ReadError> {
        let decoded = Decoded::new(text.to_string(), "UTF-8", false, false);
        Document::from_decoded(path, kind, decoded)
    }

    /// The runs of Han characters of the text, with their pairs' counts and best splits into
    /// lexicon words: read once, when a rule first asks, and shared by every rule that reads
    /// words. A run no detector is likely to read the split of is not split; a detector reads a
    /// split through [`crate::spelling::Run::with_split`], which makes one then.
    pub fn han_runs(&self) -> impl Iterator<Item = crate::spelling::Run<'_>> {
        self.runs_store().iter(&self.text, self.han_chars())
    }

    /// How many Han characters the text's runs hold.
    pub fn han_char_count(&self) -> usize {
        self.han_chars().char_count()
    }

    /// How many times the Han character `c` occurs in the text (a count of the runs' characters:
    /// asked for few characters of a document, so none is counted before it is asked).
    pub fn han_char_occurrences(&self, c: char) -> usize {
        self.han_chars().occurrences(c)
    }

    /// The lines of `source`, indexed on first use.
    fn lines(&self) -> &LineIndex {
        self.source_lines.get_or_init(|| LineIndex::with_encoding(&self.source, self.source_encoding))
    }

    fn runs_store(&self) -> &crate::spelling::HanRuns {
        self.han_runs.get_or_init(|| crate::spelling::HanRuns::of_wanted(self.han_chars()))
    }

    /// The runs of Han characters of the text, decoded once: by the structure pass, with the
    /// paragraphs' summaries (read again from the text if asked after [`Document::drop_caches`]).
    pub fn han_chars(&self) -> &crate::spelling::HanChars {
        self.han_chars.get_or_init(|| crate::spelling::HanChars::read(&self.text))
    }

    /// What characters paragraph `p` holds (see [`char_summary`]): read once for every
    /// paragraph, so that rules rule paragraphs out without searching.
    pub fn summary(&self, p: &Paragraph) -> char_summary::CharSummary {
        self.summaries().get(p.index).copied().unwrap_or_else(|| char_summary::CharSummary::of(self.content(p)))
    }

    /// The summaries of every paragraph, in order ([`Document::summary`]: paragraph `p`'s is at
    /// `p.index`).
    pub fn summaries(&self) -> &[char_summary::CharSummary] {
        self.summaries
            .get_or_init(|| self.paragraphs.iter().map(|q| char_summary::CharSummary::of(self.content(q))).collect())
    }

    /// What characters the paragraphs hold between them: every paragraph's summary in one
    /// ([`char_summary::CharSummary::union`]). A needle this summary rules out is in no
    /// paragraph, so a rule that gates its paragraphs on one passes none of them.
    pub fn paragraphs_summary(&self) -> char_summary::CharSummary {
        *self
            .paragraphs_summary
            .get_or_init(|| self.summaries().iter().fold(char_summary::CharSummary::default(), |all, s| all.union(*s)))
    }

    /// Frees what the rules read lazily (the runs and their split, the paragraphs' summaries),
    /// once checking is done: a report keeps its documents until it is written, and they need
    /// only their text.
    pub fn drop_caches(&mut self) {
        self.han_runs.take();
        self.han_chars.take();
        self.summaries.take();
        self.paragraphs_summary.take();
    }

    /// Frees the lines of the source that positions are read from (made again if a position is
    /// asked): a report that has written a document's findings drops them on its own thread,
    /// before the document goes back to be freed by the thread that read it.
    pub fn drop_positions(&mut self) {
        self.source_lines.take();
    }

    pub(crate) fn from_decoded(path: &str, kind: SourceKind, decoded: Decoded) -> Result<Document, ReadError> {
        if decoded.text.trim_matches(|c: char| c.is_whitespace() || c == '\u{feff}').is_empty() {
            return Err(if decoded.text.is_empty() { ReadError::Empty } else { ReadError::Blank });
        }
        let (directives, remove) = match kind {
            SourceKind::Docx => (Vec::new(), Vec::new()),
            _ => suppress::find(&decoded.text, kind == SourceKind::Txt),
        };
        let (text, map) = match kind {
            SourceKind::Md => markdown::to_plain(&decoded.text),
            _ => txt::to_plain(&decoded.text, &remove),
        };
        let damaged = !decoded.invalid.is_empty();
        let mut doc = Document {
            path: path.to_string(),
            kind,
            encoding: decoded.encoding,
            bom: decoded.bom,
            encoding_guessed: decoded.guessed,
            round_trips: !damaged,
            invalid_bytes: decoded.invalid,
            source_lines: std::sync::OnceLock::new(),
            // A damaged file's bytes are not the text's: no file byte offsets.
            source_encoding: if !damaged {
                file_encoding(kind, decoded.encoding, decoded.bom)
            } else {
                FileEncoding::None
            },
            source: decoded.text,
            text,
            paragraphs: Vec::new(),
            elements: Elements::default(),
            facts: Facts::default(),
            format: None,
            docx_map: None,
            notes: Vec::new(),
            suppressions: directives,
            map,
            han_chars: std::sync::OnceLock::new(),
            han_runs: std::sync::OnceLock::new(),
            summaries: std::sync::OnceLock::new(),
            paragraphs_summary: std::sync::OnceLock::new(),
        };
        structure::analyse(&mut doc);
        Ok(doc)
    }

    /// Read a .docx: one line of text per Word paragraph (table cells included, in order), so
    /// that `line` in reports is the paragraph number.
    fn from_docx(path: &str, bytes: &[u8], layout: bool) -> Result<Document, ReadError> {
        if bytes.is_empty() {
            return Err(ReadError::Empty);
        }
        let content = docx::read(bytes, layout).map_err(ReadError::Docx)?;
        // The map's paragraphs have no line breaks inside: one paragraph, one line.
        let text = content.paragraphs.join("\n");
        let decoded = Decoded::new(text, "UTF-8", false, false);
        let mut doc = Document::from_decoded(path, SourceKind::Docx, decoded)?;
        doc.format = content.format;
        doc.docx_map = Some(content.map);
        doc.notes.extend(content.note);
        doc.suppressions = content.suppressions;
        Ok(doc)
    }

    /// Formatting of the Word paragraph on `line` (0-based), for .docx documents.
    pub fn paragraph_format(&self, line: usize) -> Option<&ParagraphFormat> {
        self.format.as_ref()?.paragraphs.get(line)
    }

    /// Formatting of paragraph `p` (only for .docx read by docx-rs).
    pub fn format_of(&self, p: &Paragraph) -> Option<&ParagraphFormat> {
        self.paragraph_format(p.text_line)
    }

    /// The offset in `self.text` where source line `line` (1-based) starts, or where the text
    /// continues when that line's start was removed (markup, a suppression comment).
    pub fn text_offset_of_source_line(&self, line: usize) -> usize {
        if line > self.lines().line_count() {
            return self.text.len();
        }
        self.map.to_text(self.lines().line_start(line.saturating_sub(1))).min(self.text.len())
    }

    /// The text of a span of `self.text`.
    pub fn slice(&self, span: Span) -> &str {
        // A span within the text, on character boundaries (the usual case), is itself clamped:
        // one check instead of finding the boundaries at or before its ends.
        if let Some(s) = self.text.get(span.start..span.end) {
            return s;
        }
        let s = span.clamp_to(&self.text);
        &self.text[s.start..s.end]
    }

    /// The content of a paragraph (without indentation).
    pub fn content(&self, p: &Paragraph) -> &str {
        self.slice(p.span)
    }

    /// Paragraphs of one part, in order.
    pub fn parts(&self, part: Part) -> impl Iterator<Item = &Paragraph> {
        self.paragraphs.iter().filter(move |p| p.part == part)
    }

    /// The paragraph containing a text offset.
    pub fn paragraph_at(&self, offset: usize) -> Option<&Paragraph> {
        let i = self.paragraphs.partition_point(|p| p.line.start <= offset);
        let p = self.paragraphs.get(i.checked_sub(1)?)?;
        (offset <= p.line.end).then_some(p)
    }

    /// Byte offset in `self.source` of a byte offset in `self.text`.
    pub fn source_offset(&self, offset: usize) -> usize {
        self.map.to_source(offset.min(self.text.len())).min(self.source.len())
    }

    /// Byte offset in `self.text` of a byte offset in `self.source` (the inverse of
    /// `source_offset`; removed source bytes map to where the text continues).
    pub fn text_offset(&self, source_offset: usize) -> usize {
        self.map.to_text(source_offset.min(self.source.len())).min(self.text.len())
    }

    /// The source point (line, columns, file byte) of a byte offset in `self.text`.
    pub fn source_point(&self, offset: usize) -> Point {
        self.lines().point(&self.source, self.source_offset(offset))
    }

    /// The source offset where a range of `self.text` ending at `offset` ends: after its last
    /// character, before any markup that follows it in the source.
    pub fn source_end_offset(&self, offset: usize) -> usize {
        self.map.to_source_end(offset.min(self.text.len())).min(self.source.len())
    }

    /// The source range of a span of `self.text`: what every front end reports.
    pub fn source_range(&self, span: Span) -> SourceRange {
        let start = self.source_point(span.start);
        let end = if span.is_empty() {
            start
        } else {
            self.lines().point(&self.source, self.source_end_offset(span.end).max(start.offset))
        };
        SourceRange { start, end }
    }

    /// An edit of `self.text` as an edit of the source file. None when the edit covers text that
    /// is not a plain copy of the source (markup, a normalised line break), so it cannot be
    /// made in the file as it is.
    pub fn source_edit(&self, edit: &Edit) -> Option<SourceEdit> {
        let a = self.source_offset(edit.span.start);
        let b = if edit.span.is_empty() { a } else { self.source_end_offset(edit.span.end) };
        let text = self.text.get(edit.span.start..edit.span.end)?;
        if b < a || self.source.get(a..b)? != text {
            return None;
        }
        let start = self.lines().point(&self.source, a);
        let end = self.lines().point(&self.source, b);
        Some(SourceEdit { range: SourceRange { start, end }, replacement: edit.replacement.clone() })
    }

    /// Where a byte offset of `self.text` stands in word/document.xml (.docx only): the `w:p`,
    /// the run, the text node and the offset in it.
    pub fn docx_location(&self, offset: usize) -> Option<docx_map::DocxLocation> {
        let map = self.docx_map.as_ref()?;
        let p = self.paragraph_at(offset)?;
        map.locate(p.text_line, offset - p.line.start)
    }

    /// 1-based line and char column in the source file of a byte offset in `self.text`.
    pub fn position(&self, offset: usize) -> Position {
        self.source_point(offset).position()
    }

    /// 0-based line and 0-based char column of a byte offset in `self.source`.
    pub fn source_position(&self, source_offset: usize) -> (usize, usize) {
        let p = self.lines().position(&self.source, source_offset);
        (p.line - 1, p.column - 1)
    }

    /// Byte range of the source line containing `source_offset`, without its line break.
    pub fn source_line_range(&self, source_offset: usize) -> std::ops::Range<usize> {
        let line = self.lines().line_of(source_offset.min(self.source.len()));
        self.lines().line_range(&self.source, line)
    }

    /// The whole source line (1-based) for rendering.
    pub fn source_line(&self, line: usize) -> &str {
        &self.source[self.lines().line_range(&self.source, line.saturating_sub(1))]
    }
}

/// How a document's source is stored in its file.
fn file_encoding(kind: SourceKind, encoding: &str, bom: bool) -> FileEncoding {
    match kind {
        SourceKind::Docx => FileEncoding::None,
        _ => FileEncoding::of(encoding_named(encoding), bom),
    }
}

fn unsupported(path: &str) -> ReadError {
    let ext = path.rsplit_once('.').map(|(_, e)| e.to_ascii_lowercase()).unwrap_or_default();
    match ext.as_str() {
        "doc" | "wps" | "pdf" | "ofd" | "rtf" => {
            ReadError::Legacy(format!("不支持 .{ext} 文件：请在 Word 或 WPS 中“另存为” .docx，或导出为 .txt 后再检查"))
        }
        "" => ReadError::Unsupported("（无扩展名）".into()),
        _ => ReadError::Unsupported(format!(".{ext}")),
    }
}

/// Two real documents of the fixtures, for the tests that compare a fast search with the one it
/// replaced over real text.
#[cfg(test)]
pub(crate) const SAMPLE_DOCUMENTS: [&str; 2] = [
    include_str!("../../../../fixtures/documents/01_tongzhi_formal_clean.txt"),
    include_str!("../../../../fixtures/documents/07_tongbao_errors.txt"),
];

/// [`SAMPLE_DOCUMENTS`] whole, then each of their lines.
#[cfg(test)]
pub(crate) fn sample_texts() -> impl Iterator<Item = String> {
    SAMPLE_DOCUMENTS.iter().flat_map(|doc| std::iter::once(*doc).chain(doc.lines())).map(str::to_string)
}

/// Calls `f` with every three of `parts` in turn (each part as often as it comes, in every
/// order): the short texts of chosen pieces those tests compare the two searches over.
#[cfg(test)]
pub(crate) fn each_triple(parts: &[&str], mut f: impl FnMut(&str, &str, &str)) {
    for a in parts {
        for b in parts {
            for c in parts {
                f(a, b, c);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Paragraph lines are lines of the text, whatever the source looks like: in Markdown the
    /// markup before a paragraph shifts its text offsets away from its source offsets.
    #[test]
    fn text_lines_of_markdown_paragraphs() {
        let src = "# **关于**开展检查的**通知**\n\n<!-- 注释 -->\n各单位：\n\n**经研究**，决定开展检查。\n";
        let doc = Document::from_text("a.md", SourceKind::Md, src).unwrap();
        let lines: Vec<usize> = doc.paragraphs.iter().map(|p| p.text_line).collect();
        assert_eq!(lines, vec![0, 3, 5]);
        let body = &doc.paragraphs[2];
        assert_eq!(doc.text[..body.line.start].matches('\n').count(), 5);
        assert_eq!(doc.position(body.span.start).line, 6);
        assert_eq!(doc.text_offset_of_source_line(6), body.line.start);
    }

    /// A CR-only file: one line per CR, positions and source lines agree.
    #[test]
    fn cr_only_positions() {
        let src = "关于开展检查的请示\r\r市政府：\r经研究,拟开展检查。\r";
        let doc = Document::from_text("a.txt", SourceKind::Txt, src).unwrap();
        let comma = doc.text.find(',').unwrap();
        let p = doc.position(comma);
        assert_eq!((p.line, p.column), (4, 4));
        assert_eq!(doc.source_line(4), "经研究,拟开展检查。");
        assert_eq!(doc.text_offset(doc.source_offset(comma)), comma);
    }
}

#[cfg(test)]
mod round_trip_tests {
    use super::*;

    /// A GBK file whose bytes do not survive decoding and encoding again: no file byte offsets
    /// (they could be wrong), and the document says so.
    #[test]
    fn bytes_that_do_not_round_trip_give_no_file_offsets() {
        let (mut bytes, _, _) = encoding_rs::GB18030.encode("关于开展检查的通知\n各单位：\n经研究,决定");
        let mut raw = bytes.to_vec();
        raw.insert(raw.len() - 4, 0x80); // a lone 0x80: decoded as €, encoded back as two bytes
        bytes = std::borrow::Cow::Owned(raw.clone());
        let doc = Document::parse("a.txt", &bytes, &ParseOptions::default()).unwrap();
        assert_eq!(doc.encoding, "GB18030");
        assert!(!doc.round_trips);
        assert_eq!(doc.source_point(doc.text.find(',').unwrap()).file_byte, None);
        let (clean, _, _) = encoding_rs::GB18030.encode("关于开展检查的通知\n经研究,决定");
        let doc = Document::parse("a.txt", &clean, &ParseOptions::default()).unwrap();
        assert!(doc.round_trips);
    }
}

#[cfg(test)]
mod cache_tests {
    use super::*;

    /// What a document reads lazily and frees when asked (its runs, summaries and source lines)
    /// is read again, the same, when asked after it was freed.
    #[test]
    fn freed_caches_are_read_again_the_same() {
        let text = "关于开展检查的通知\n各单位：\n经研究，决定于2025年3月开展安全生产检查。\n";
        let mut doc = Document::parse("a.txt", text.as_bytes(), &ParseOptions::default()).unwrap();
        let at = doc.text.find("检查").unwrap();
        let span = Span::new(at, at + "检查".len());
        let (range, runs) = (doc.source_range(span), doc.han_char_count());
        let summaries: Vec<_> = doc.paragraphs.iter().map(|p| doc.summary(p)).collect();
        doc.drop_positions();
        doc.drop_caches();
        assert_eq!(doc.source_range(span), range);
        assert_eq!(doc.han_char_count(), runs);
        assert_eq!(doc.paragraphs.iter().map(|p| doc.summary(p)).collect::<Vec<_>>(), summaries);
    }

    /// The runs of Han characters the structure pass reads with the paragraphs' summaries are
    /// those of the whole text read alone: no run goes past a paragraph, and what lies between
    /// the paragraphs' contents holds no Han character. Over every document fixture (plain text
    /// in four encodings, Markdown, .docx), every rule's fixture and texts of odd line breaks and
    /// spaces.
    #[test]
    fn the_han_characters_read_with_the_summaries_are_the_texts() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../fixtures");
        let mut files = Vec::new();
        let mut dirs = vec![root.join("documents"), root.join("docx"), root.join("rules")];
        while let Some(dir) = dirs.pop() {
            for entry in std::fs::read_dir(&dir).unwrap() {
                let path = entry.unwrap().path();
                if path.is_dir() {
                    dirs.push(path);
                } else {
                    files.push(path);
                }
            }
        }
        let mut docs = Vec::new();
        for path in &files {
            let bytes = std::fs::read(path).unwrap();
            if let Ok(doc) = Document::parse(&path.to_string_lossy(), &bytes, &ParseOptions::default()) {
                docs.push(doc);
            }
        }
        let texts = [
            "关于开展检查的通知\r\n\r\n各单位：\r\n　　经研究，决定开展检查。\r\n",
            "关于开展检查的请示\r\r市政府：\r经研究,拟开展检查。",
            "  \t　一、总体要求　\u{3000}\n\n\u{3000}\u{3000}\n结尾没有换行𠀀𠀁",
            "# **关于**开展检查的**通知**\n\n<!-- 注释 -->\n各单位：\n\n**经研究**，决定开展检查。\n",
            "\u{feff}甲乙\u{200b}丙丁 戊己\n〇一二\n",
        ];
        for (k, text) in texts.iter().enumerate() {
            let kind = if k == 3 { SourceKind::Md } else { SourceKind::Txt };
            docs.push(Document::from_text("a", kind, text).unwrap());
        }
        assert_eq!(docs.len(), 285, "{}", docs.len());
        let mut chars = 0;
        for mut doc in docs {
            let read = doc.han_chars().clone();
            doc.drop_caches();
            assert_eq!(read, *doc.han_chars(), "{}", doc.text);
            chars += read.char_count();
        }
        assert_eq!(chars, 21_009, "{chars}");
    }
}
