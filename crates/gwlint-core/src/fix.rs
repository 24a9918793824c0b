//! Applying fixes to a text: sorted, never overlapping, each fix all or nothing.

use crate::diagnostic::{Applicability, Diagnostic, Edit, Fix};
use crate::document::{Decoded, Document, ReadError};
use crate::linter::Linter;
use crate::span::Span;

/// The outcome of applying fixes once.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct FixOutcome {
    pub text: String,
    /// Fixes applied.
    pub applied: usize,
    /// Fixes at the requested applicability skipped because they overlap an applied one.
    pub skipped: usize,
}

/// Apply every fix whose applicability is at least `min` (Safe > Unsafe > DisplayOnly never
/// applies). Fixes are taken in position order; one that overlaps an earlier applied fix is
/// skipped (a second run picks it up).
pub fn apply_fixes(text: &str, diagnostics: &[Diagnostic], min: Applicability) -> FixOutcome {
    let min = min.max(Applicability::Unsafe);
    let mut fixes: Vec<&Fix> = diagnostics
        .iter()
        .filter_map(|d| d.fix.as_ref())
        .filter(|f| f.applicability >= min && !f.edits.is_empty())
        .collect();
    fixes.sort_by_key(|f| f.span().map(|s| (s.start, s.end)));
    let mut out = String::with_capacity(text.len());
    let mut cursor = 0;
    let (mut applied, mut skipped) = (0, 0);
    let mut last_end: Option<usize> = None;
    for fix in fixes {
        let first = fix.edits[0].span.start;
        let valid = fix.edits.iter().all(|e| {
            e.span.start <= e.span.end
                && e.span.end <= text.len()
                && text.is_char_boundary(e.span.start)
                && text.is_char_boundary(e.span.end)
        });
        let overlaps = last_end.is_some_and(|end| first < end || (first == end && fix.edits[0].span.is_empty()));
        if !valid || overlaps || first < cursor {
            skipped += 1;
            continue;
        }
        for e in &fix.edits {
            out.push_str(&text[cursor..e.span.start]);
            out.push_str(&e.replacement);
            cursor = e.span.end;
        }
        last_end = Some(cursor);
        applied += 1;
    }
    out.push_str(&text[cursor..]);
    FixOutcome { text: out, applied, skipped }
}

/// The result of fixing a document until no applicable fix is left.
#[derive(Debug, Clone)]
pub struct FixedDocument {
    /// The new source text (line endings, markup and everything not fixed kept as they were).
    pub source: String,
    /// Fixes applied over all passes.
    pub applied: usize,
    /// Fixes skipped (overlapping another fix, or not expressible in the source, such as an
    /// edit across Markdown markup).
    pub skipped: usize,
    /// The document re-read from the fixed source, and what is left to report on it.
    pub document: Document,
    pub remaining: Vec<Diagnostic>,
}

/// Translate a fix on `Document::text` into the same fix on `Document::source`. None when an
/// edit covers text that is not a plain copy of the source (markup, a normalised line break).
fn to_source(doc: &Document, fix: &Fix) -> Option<Fix> {
    let edits = fix
        .edits
        .iter()
        .map(|e| {
            doc.source_edit(e)
                .map(|s| Edit { span: Span::new(s.range.start.offset, s.range.end.offset), replacement: s.replacement })
        })
        .collect::<Option<Vec<_>>>()?;
    Some(Fix { title: fix.title.clone(), applicability: fix.applicability, edits })
}

/// Lint, apply every fix at or above `min`, re-read and repeat until nothing applies (at most
/// `max_passes` times). Fixes are made on the decoded source, so markup and line endings stay.
pub fn fix_document(
    doc: &Document,
    linter: &Linter,
    min: Applicability,
    max_passes: usize,
) -> Result<FixedDocument, ReadError> {
    fix_document_ignoring(doc, linter, &[], min, max_passes)
}

/// `fix_document` without the rules named by `ignore` (per-file ignores).
pub fn fix_document_ignoring(
    doc: &Document,
    linter: &Linter,
    ignore: &[String],
    min: Applicability,
    max_passes: usize,
) -> Result<FixedDocument, ReadError> {
    let mut current = doc.clone();
    let (mut applied, mut skipped) = (0, 0);
    let mut diags = linter.check_ignoring(&current, ignore);
    for _ in 0..max_passes.max(1) {
        let mut unmappable = 0;
        let source_fixes: Vec<Diagnostic> = diags
            .iter()
            .filter(|d| d.fix.as_ref().is_some_and(|f| f.applicability >= min.max(Applicability::Unsafe)))
            .filter_map(|d| match d.fix.as_ref().and_then(|f| to_source(&current, f)) {
                Some(f) => Some(Diagnostic { fix: Some(f), ..d.clone() }),
                None => {
                    unmappable += 1;
                    None
                }
            })
            .collect();
        let out = apply_fixes(&current.source, &source_fixes, min);
        if out.applied == 0 {
            skipped += out.skipped + unmappable;
            break;
        }
        applied += out.applied;
        let decoded =
            Decoded { text: out.text, encoding: current.encoding, bom: current.bom, guessed: current.encoding_guessed };
        current = Document::from_decoded(&current.path, current.kind, decoded)?;
        diags = linter.check_ignoring(&current, ignore);
    }
    Ok(FixedDocument { source: current.source.clone(), applied, skipped, document: current, remaining: diags })
}

/// Encode text for writing back in the encoding it was read in (a GBK file stays GBK, a BOM
/// stays). GB18030 is used for GBK files, so every character can be written.
pub fn encode(text: &str, encoding: &str, bom: bool) -> Vec<u8> {
    match encoding {
        "UTF-16LE" | "UTF-16BE" => {
            let le = encoding == "UTF-16LE";
            let mut out = Vec::with_capacity(text.len() * 2 + 2);
            if bom {
                out.extend_from_slice(if le { &[0xFF, 0xFE] } else { &[0xFE, 0xFF] });
            }
            for u in text.encode_utf16() {
                out.extend_from_slice(&if le { u.to_le_bytes() } else { u.to_be_bytes() });
            }
            out
        }
        "UTF-8" => {
            let mut out = Vec::with_capacity(text.len() + 3);
            if bom {
                out.extend_from_slice(b"\xEF\xBB\xBF");
            }
            out.extend_from_slice(text.as_bytes());
            out
        }
        other => {
            let enc = encoding_rs::Encoding::for_label(other.as_bytes()).unwrap_or(encoding_rs::GB18030);
            let (bytes, _, _) = enc.encode(text);
            bytes.into_owned()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostic::{Diagnostic, Severity};
    use crate::span::Span;
    use std::borrow::Cow;

    fn diag(start: usize, end: usize, with: &str, a: Applicability) -> Diagnostic {
        Diagnostic {
            code: Cow::Borrowed("GW000"),
            name: Cow::Borrowed("t"),
            severity: Severity::Error,
            message: String::new(),
            span: Span::new(start, end),
            label: None,
            labels: vec![],
            help: None,
            source: None,
            fix: Some(Fix::replace("t", a, Span::new(start, end), with)),
        }
    }

    #[test]
    fn fixes_keep_markup_and_line_endings() {
        use crate::document::SourceKind;
        let linter = Linter::with_defaults();
        let src = "# 关于开展检查的通知\r\n\r\n各单位：\r\n经研究,决定**开展**检查.\r\n";
        let doc = Document::from_text("a.md", SourceKind::Md, src).unwrap();
        let fixed = fix_document(&doc, &linter, Applicability::Safe, 5).unwrap();
        assert_eq!(fixed.source, "# 关于开展检查的通知\r\n\r\n各单位：\r\n经研究，决定**开展**检查。\r\n");
        assert_eq!(fixed.applied, 2);
        let again = fix_document(&fixed.document, &linter, Applicability::Safe, 5).unwrap();
        assert_eq!(again.applied, 0);
    }

    #[test]
    fn encodes_back_to_the_original_encoding() {
        assert_eq!(encode("通知", "GB18030", false), vec![0xCD, 0xA8, 0xD6, 0xAA]);
        assert_eq!(encode("a", "UTF-16LE", true), vec![0xFF, 0xFE, b'a', 0]);
        assert_eq!(encode("a", "UTF-8", true), vec![0xEF, 0xBB, 0xBF, b'a']);
    }

    #[test]
    fn applies_safe_and_skips_overlaps_and_unsafe() {
        let text = "经研究,决定如下:";
        let c1 = text.find(',').unwrap();
        let c2 = text.find(':').unwrap();
        let d = vec![
            diag(c1, c1 + 1, "，", Applicability::Safe),
            diag(c1, c1 + 1, "、", Applicability::Safe),
            diag(c2, c2 + 1, "：", Applicability::Safe),
            diag(0, 3, "X", Applicability::Unsafe),
        ];
        let out = apply_fixes(text, &d, Applicability::Safe);
        assert_eq!(out.text, "经研究，决定如下：");
        assert_eq!((out.applied, out.skipped), (2, 1));
    }
}
