//! Walking the runs of .docx paragraphs and reporting runs of identical findings once.

use crate::document::{Document, Paragraph};
use crate::rule::Context;
use crate::span::Span;

/// A finding about one run: the message decides what counts as "the same finding".
pub struct RunFinding {
    pub span: Span,
    pub message: String,
    pub label: String,
}

/// What a check says about one run.
pub enum Verdict {
    /// Not this rule's business (another rule judges it): does not end a run of findings.
    Skip,
    Fine,
    Finding(String, String),
}

/// For each paragraph in `paras`, call `check` with each run that has visible text; consecutive
/// runs with the same message (across paragraphs too) are reported once, over their extent.
pub fn report_runs(
    doc: &Document,
    cx: &mut Context<'_>,
    paras: &[&Paragraph],
    mut check: impl FnMut(&Paragraph, &crate::document::RunFormat, &str) -> Verdict,
) {
    let mut pending: Option<RunFinding> = None;
    let flush = |cx: &mut Context<'_>, f: Option<RunFinding>| {
        if let Some(f) = f {
            cx.report(f.span, f.message).with_label(f.label);
        }
    };
    for p in paras {
        let Some(fmt) = doc.format_of(p) else { continue };
        let base = p.line.start;
        for run in &fmt.runs {
            let text = doc.text.get(base + run.start..base + run.end).unwrap_or("");
            if text.trim_matches(|c: char| c.is_whitespace() || c == '\u{3000}').is_empty() {
                continue;
            }
            let span = Span::new(base + run.start, base + run.end);
            match check(p, run, text) {
                Verdict::Skip => {}
                Verdict::Finding(message, label) => match pending.as_mut() {
                    Some(f) if f.message == message => f.span.end = span.end,
                    _ => {
                        flush(cx, pending.take());
                        pending = Some(RunFinding { span, message, label });
                    }
                },
                Verdict::Fine => flush(cx, pending.take()),
            }
        }
    }
    flush(cx, pending.take());
}
