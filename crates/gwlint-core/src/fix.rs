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
    /// The edits made, in order: the replaced range of the input and the replacement's length.
    pub edits: Vec<(Span, usize)>,
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
    let mut edits = Vec::new();
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
            edits.push((e.span, e.replacement.len()));
        }
        last_end = Some(cursor);
        applied += 1;
    }
    out.push_str(&text[cursor..]);
    FixOutcome { text: out, applied, skipped, edits }
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
    /// Findings that only appeared after earlier fixes (so the report before the fix did not show
    /// them) and were fixed by a later pass: the caller tells the user.
    pub follow_ons: Vec<FollowOn>,
    /// The ranges of the original source that the fixes replaced (for a follow-on, the range its
    /// edit maps back to).
    pub changed: Vec<Span>,
    /// The document re-read from the fixed source, and what is left to report on it.
    pub document: Document,
    pub remaining: Vec<Diagnostic>,
}

/// A finding fixed by a later pass that the first report did not show.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FollowOn {
    pub code: String,
    pub message: String,
    /// The characters it flagged (before its fix).
    pub flagged: String,
    /// Its 1-based source line.
    pub line: usize,
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
    Some(Fix {
        title: fix.title.clone(),
        applicability: fix.applicability,
        edits,
        safe_as_revision: fix.safe_as_revision,
    })
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
    let applicable = |d: &Diagnostic| d.fix.as_ref().is_some_and(|f| f.applicability >= min.max(Applicability::Unsafe));
    // What the user was shown: each fixable finding's rule and the source ranges of its span and
    // its edits. Later passes (for fixes that overlapped an applied one) may only edit there.
    let reported: Vec<(String, Span)> = diags
        .iter()
        .filter(|d| applicable(d))
        .flat_map(|d| {
            let fix = d.fix.as_ref().map(|f| f.edits.as_slice()).unwrap_or_default();
            std::iter::once(d.span).chain(fix.iter().map(|e| e.span)).map(|s| {
                let range = Span::new(current.source_offset(s.start), current.source_offset(s.end));
                (d.code.to_string(), range)
            })
        })
        .collect();
    // The edits of each pass, in that pass's source coordinates.
    let mut history: Vec<Vec<(Span, usize)>> = Vec::new();
    let mut follow_ons = Vec::new();
    for _ in 0..max_passes.max(1) {
        let mut unmappable = 0;
        let source_fixes: Vec<Diagnostic> = diags
            .iter()
            .filter(|d| applicable(d))
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
        // A later pass fixes what overlapped an applied fix (shown in the report) and what the
        // earlier edits brought about (not shown): the latter are reported as follow-ons.
        if !history.is_empty() {
            for d in &source_fixes {
                let first = d.fix.as_ref().and_then(|f| f.edits.first()).map(|e| e.span);
                let was_applied = first.is_some_and(|s| out.edits.iter().any(|(e, _)| *e == s));
                if was_applied && !within_reported(d, &history, &reported) {
                    let flagged = current.slice(d.span).to_string();
                    let line = current.position(d.span.start).line;
                    follow_ons.push(FollowOn { code: d.code.to_string(), message: d.message.clone(), flagged, line });
                }
            }
        }
        history.push(out.edits);
        let decoded = Decoded::new(out.text, current.encoding, current.bom, current.encoding_guessed);
        current = Document::from_decoded(&current.path, current.kind, decoded)?;
        diags = linter.check_ignoring(&current, ignore);
    }
    // Every edit made, as a range of the original source.
    let changed = history
        .iter()
        .enumerate()
        .flat_map(|(k, pass)| {
            let earlier = &history[..k];
            pass.iter().map(move |(span, _)| earlier.iter().rev().fold(*span, |s, p| map_back(s, p)))
        })
        .collect();
    Ok(FixedDocument {
        source: current.source.clone(),
        applied,
        skipped,
        follow_ons,
        changed,
        document: current,
        remaining: diags,
    })
}

/// Is every edit of a later pass's fix inside a range the first report showed for a finding of
/// the same rule (mapped back through the edits made since)?
fn within_reported(d: &Diagnostic, history: &[Vec<(Span, usize)>], reported: &[(String, Span)]) -> bool {
    let Some(fix) = &d.fix else { return false };
    fix.edits.iter().all(|e| {
        let original = history.iter().rev().fold(e.span, |s, pass| map_back(s, pass));
        reported.iter().any(|(code, r)| *code == d.code.as_ref() && r.start <= original.start && original.end <= r.end)
    })
}

/// A range after one pass of edits, as a range before it. A position inside a replacement
/// stands for the whole range that replacement replaced.
fn map_back(span: Span, edits: &[(Span, usize)]) -> Span {
    let back = |p: usize, start_side: bool| -> usize {
        let mut delta: isize = 0;
        for &(replaced, len) in edits {
            let new_start = (replaced.start as isize + delta) as usize;
            let new_end = new_start + len;
            let (before, inside) =
                if start_side { (p < new_start, p < new_end) } else { (p <= new_start, p <= new_end) };
            if before {
                break;
            }
            if inside {
                return if start_side { replaced.start } else { replaced.end };
            }
            delta += len as isize - replaced.len() as isize;
        }
        (p as isize - delta) as usize
    };
    let (a, b) = (back(span.start, true), back(span.end, false));
    Span::new(a.min(b), a.max(b))
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
        other => crate::document::encoding_named(other).encode(text).0.into_owned(),
    }
}

/// Are the bytes a fix would write read back as the same encoding and text? A file whose
/// encoding was a guess (a short or unusual text) may be read differently once changed: such a
/// fix must not be written.
pub fn reads_back(doc: &Document, fixed_source: &str, opts: &crate::ParseOptions) -> bool {
    let bytes = encode(fixed_source, doc.encoding, doc.bom);
    Document::parse(&doc.path, &bytes, opts)
        .is_ok_and(|again| again.encoding == doc.encoding && again.source == fixed_source)
}

/// Decode bytes of a file stored in `encoding` (a `Document::encoding` name), without a BOM:
/// the inverse of `encode`, for reading a range of a file back.
pub fn decode_as(bytes: &[u8], encoding: &str) -> String {
    crate::document::encoding_named(encoding).decode_without_bom_handling(bytes).0.into_owned()
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
    fn ranges_map_back_through_edits() {
        // "[25]" → "〔25〕": the year keeps its place between the new brackets.
        let edits = vec![(Span::new(3, 4), 3), (Span::new(6, 7), 3)];
        assert_eq!(map_back(Span::new(6, 8), &edits), Span::new(4, 6));
        assert_eq!(map_back(Span::new(3, 6), &edits), Span::new(3, 4));
        assert_eq!(map_back(Span::new(11, 11), &edits), Span::new(7, 7));
        // A deletion: positions after it shift back.
        let edits = vec![(Span::new(2, 5), 0)];
        assert_eq!(map_back(Span::new(4, 6), &edits), Span::new(7, 9));
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
