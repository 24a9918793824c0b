//! What rules report: diagnostics with a primary span, secondary labels, help and fixes.

use serde::{Deserialize, Serialize};
use std::borrow::Cow;
use std::fmt;

use crate::span::Span;

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Info,
    Warning,
    Error,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Info => "info",
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }

    /// The Chinese label shown to drafters.
    pub fn label_zh(self) -> &'static str {
        match self {
            Severity::Info => "提示",
            Severity::Warning => "警告",
            Severity::Error => "错误",
        }
    }

    pub fn parse(s: &str) -> Option<Severity> {
        match s {
            "info" => Some(Severity::Info),
            "warning" => Some(Severity::Warning),
            "error" => Some(Severity::Error),
            _ => None,
        }
    }
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// How safe a fix is to apply without a human looking at it (ruff's model).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum Applicability {
    /// Advice only: shown, never applied (every .docx fix for now).
    DisplayOnly,
    /// May change meaning (wording): applied only with `--unsafe-fixes`.
    Unsafe,
    /// Cannot change meaning (full-width marks, 〔〕): applied by `--fix`.
    Safe,
}

impl Applicability {
    pub fn as_str(self) -> &'static str {
        match self {
            Applicability::DisplayOnly => "display-only",
            Applicability::Unsafe => "unsafe",
            Applicability::Safe => "safe",
        }
    }
}

/// Replace `span` of `Document::text` with `replacement` ("" deletes; an empty span inserts).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Edit {
    pub span: Span,
    pub replacement: String,
}

impl Edit {
    pub fn replace(span: Span, replacement: impl Into<String>) -> Edit {
        Edit { span, replacement: replacement.into() }
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Fix {
    pub title: String,
    pub applicability: Applicability,
    /// Sorted by position and non-overlapping.
    pub edits: Vec<Edit>,
    /// For a .docx (whose fixes are advice, never applied to the file): the rule's fix was safe,
    /// so `gwlint annotate --fix-as-revisions` may offer it as a tracked change.
    #[serde(skip)]
    pub safe_as_revision: bool,
}

impl Fix {
    pub fn new(title: impl Into<String>, applicability: Applicability, mut edits: Vec<Edit>) -> Fix {
        edits.sort_by_key(|e| (e.span.start, e.span.end));
        Fix { title: title.into(), applicability, edits, safe_as_revision: false }
    }

    pub fn replace(title: impl Into<String>, applicability: Applicability, span: Span, with: &str) -> Fix {
        Fix::new(title, applicability, vec![Edit::replace(span, with)])
    }

    pub fn span(&self) -> Option<Span> {
        let first = self.edits.first()?;
        let last = self.edits.last()?;
        Some(Span::new(first.span.start, last.span.end))
    }
}

/// A secondary span with its own short message.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Label {
    pub span: Span,
    pub message: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Diagnostic {
    /// Stable rule code, e.g. "GW401".
    pub code: Cow<'static, str>,
    /// Stable kebab-case rule name, e.g. "halfwidth-punctuation".
    pub name: Cow<'static, str>,
    pub severity: Severity,
    /// One Chinese sentence.
    pub message: String,
    /// Primary span.
    pub span: Span,
    /// Short text shown under the primary underline.
    pub label: Option<String>,
    pub labels: Vec<Label>,
    pub help: Option<String>,
    /// The clause the rule enforces, e.g. "GB/T 15834—2011 第4章".
    pub source: Option<Cow<'static, str>>,
    pub fix: Option<Fix>,
}

impl Diagnostic {
    /// Ordering used everywhere output must be deterministic: position, then code.
    pub fn sort_key(&self) -> (usize, usize, &str, &str) {
        (self.span.start, self.span.end, &self.code, &self.message)
    }
}

/// Sort diagnostics deterministically and drop exact duplicates.
pub fn sort_diagnostics(diags: &mut Vec<Diagnostic>) {
    diags.sort_by(|a, b| a.sort_key().cmp(&b.sort_key()));
    diags.dedup_by(|a, b| a.code == b.code && a.span == b.span && a.message == b.message);
}
