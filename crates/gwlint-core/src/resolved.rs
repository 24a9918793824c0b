//! Diagnostics resolved to file coordinates: what every front end reports (JSON contract v2,
//! SARIF, the editor server, the Python package). A rule reports spans of `Document::text`;
//! here they become ranges and edits of the file as stored.

use serde::Serialize;

use crate::diagnostic::{Applicability, Diagnostic, Severity};
use crate::document::{Document, SourceKind, SourceRange};
use crate::span::{Point, Span};

/// A position in the file: 1-based line, 1-based column in characters and in UTF-16 code units,
/// and the byte offset in the file as stored (its encoding and byte-order mark included). For a
/// .docx, `line` is the Word paragraph (empty paragraphs counted), `column` the character in it,
/// and `byte` is absent.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, schemars::JsonSchema)]
pub struct FilePosition {
    pub line: usize,
    pub column: usize,
    pub utf16_column: usize,
    pub byte: Option<usize>,
}

impl From<Point> for FilePosition {
    fn from(p: Point) -> Self {
        FilePosition { line: p.line, column: p.column, utf16_column: p.utf16_column, byte: p.file_byte }
    }
}

/// A half-open range of the file.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, schemars::JsonSchema)]
pub struct FileRange {
    pub start: FilePosition,
    pub end: FilePosition,
}

impl From<SourceRange> for FileRange {
    fn from(r: SourceRange) -> Self {
        FileRange { start: r.start.into(), end: r.end.into() }
    }
}

/// A replacement of a file range.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, schemars::JsonSchema)]
pub struct FileEdit {
    pub range: FileRange,
    pub replacement: String,
}

/// A fix in file coordinates.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, schemars::JsonSchema)]
pub struct ResolvedFix {
    pub applicability: Applicability,
    pub title: String,
    /// Empty when an edit cannot be made in the file as stored (it would cross Markdown markup);
    /// such a fix is then display-only.
    pub edits: Vec<FileEdit>,
}

/// A secondary location.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, schemars::JsonSchema)]
pub struct ResolvedLabel {
    pub message: String,
    pub range: FileRange,
}

/// One finding in file coordinates.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, schemars::JsonSchema)]
pub struct ResolvedDiagnostic {
    pub path: String,
    pub code: String,
    pub name: String,
    pub severity: Severity,
    pub message: String,
    /// The short text under the flagged characters.
    pub label: Option<String>,
    pub help: Option<String>,
    /// The clause the rule enforces.
    pub source: Option<String>,
    pub range: FileRange,
    pub related: Vec<ResolvedLabel>,
    /// The stable fingerprint (`crate::fingerprint`), for baselines and code-scanning tools.
    pub fingerprint: String,
    pub fix: Option<ResolvedFix>,
}

impl ResolvedDiagnostic {
    pub fn new(path: &str, doc: &Document, d: &Diagnostic) -> ResolvedDiagnostic {
        let range = |span: Span| FileRange::from(doc.source_range(span));
        let fix = d.fix.as_ref().map(|f| {
            let edits: Option<Vec<FileEdit>> = f
                .edits
                .iter()
                .map(|e| match doc.kind {
                    // A .docx is not rewritten: its edits are advice in paragraph coordinates.
                    SourceKind::Docx => Some(FileEdit { range: range(e.span), replacement: e.replacement.clone() }),
                    _ => doc.source_edit(e).map(|s| FileEdit { range: s.range.into(), replacement: s.replacement }),
                })
                .collect();
            match edits {
                Some(edits) => ResolvedFix { applicability: f.applicability, title: f.title.clone(), edits },
                None => {
                    ResolvedFix { applicability: Applicability::DisplayOnly, title: f.title.clone(), edits: vec![] }
                }
            }
        });
        ResolvedDiagnostic {
            path: path.to_string(),
            code: d.code.to_string(),
            name: d.name.to_string(),
            severity: d.severity,
            message: d.message.clone(),
            label: d.label.clone(),
            help: d.help.clone(),
            source: d.source.as_deref().map(str::to_string),
            range: range(d.span),
            related: d
                .labels
                .iter()
                .map(|l| ResolvedLabel { message: l.message.clone(), range: range(l.span) })
                .collect(),
            fingerprint: crate::fingerprint::finding(path, doc, d),
            fix,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Linter, ParseOptions};

    fn resolved(name: &str, bytes: &[u8]) -> (Vec<ResolvedDiagnostic>, Document) {
        let doc = Document::parse(name, bytes, &ParseOptions::default()).unwrap();
        let out = Linter::with_defaults().check(&doc).iter().map(|d| ResolvedDiagnostic::new(name, &doc, d)).collect();
        (out, doc)
    }

    #[test]
    fn gbk_ranges_and_edits_are_file_bytes() {
        let text = "关于开展检查的请示\r\n\r\n市政府：\r\n经研究,拟开展检查。\r\n";
        let (bytes, _, _) = encoding_rs::GB18030.encode(text);
        let (diags, doc) = resolved("a.txt", &bytes);
        assert_eq!(doc.encoding, "GB18030");
        let d = diags.iter().find(|d| d.code == "GW401").unwrap();
        let (a, b) = (d.range.start.byte.unwrap(), d.range.end.byte.unwrap());
        assert_eq!(&bytes[a..b], b",");
        assert_eq!((d.range.start.line, d.range.start.column), (4, 4));
        let e = &d.fix.as_ref().unwrap().edits[0];
        assert_eq!((e.range.start.byte, e.range.end.byte), (Some(a), Some(b)));
    }

    #[test]
    fn markdown_ranges_are_source_ranges() {
        let src = "# 关于开展**检查**的请示\n\n市政府：\n\n**经研究**,拟开展检查。\n";
        let (diags, _) = resolved("a.md", src.as_bytes());
        let d = diags.iter().find(|d| d.code == "GW401").unwrap();
        let at = src.find(',').unwrap();
        assert_eq!((d.range.start.byte, d.range.end.byte), (Some(at), Some(at + 1)));
        assert_eq!((d.range.start.line, d.range.start.column), (5, 8));
        assert_eq!(d.fix.as_ref().unwrap().edits[0].range, d.range);
    }
}
