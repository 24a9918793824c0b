//! Renderers, one per `--format`.

pub mod concise;
pub mod human;
pub mod json;
pub mod machine;

use gwlint_core::{Diagnostic, Document, Severity};

use crate::check::FileResult;

/// Counts per severity.
#[derive(Debug, Default, Clone, Copy, serde::Serialize)]
pub struct Summary {
    pub files: usize,
    pub error: usize,
    pub warning: usize,
    pub info: usize,
}

impl Summary {
    pub fn of(results: &[FileResult]) -> Summary {
        let mut s = Summary { files: results.iter().filter(|r| r.outcome.is_ok()).count(), ..Summary::default() };
        for d in results.iter().filter_map(|r| r.outcome.as_ref().ok()).flat_map(|(_, d)| d) {
            match d.severity {
                Severity::Error => s.error += 1,
                Severity::Warning => s.warning += 1,
                Severity::Info => s.info += 1,
            }
        }
        s
    }

    pub fn total(&self) -> usize {
        self.error + self.warning + self.info
    }
}

/// Successfully read documents with their diagnostics.
pub fn checked(results: &[FileResult]) -> impl Iterator<Item = (&str, &Document, &[Diagnostic])> {
    results.iter().filter_map(|r| r.outcome.as_ref().ok().map(|(doc, d)| (r.path.as_str(), doc, d.as_slice())))
}

/// "第3段" style location words for a diagnostic, used by the plain renderers.
pub fn location(doc: &Document, d: &Diagnostic) -> (gwlint_core::Position, gwlint_core::Position) {
    (doc.position(d.span.start), doc.position(d.span.end))
}
