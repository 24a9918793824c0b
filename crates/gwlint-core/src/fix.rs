//! Applying fixes to a text: sorted, never overlapping, each fix all or nothing.

use crate::diagnostic::{Applicability, Diagnostic, Fix};

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
