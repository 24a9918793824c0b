//! Renderers, one per `--format`. A report is written file by file as the results arrive (in
//! input order), so a document is dropped as soon as its findings are written and memory does
//! not grow with the input; what a format can only write at the end (totals, the inputs that
//! could not be read, a JSON or XML array that comes after them) is gathered in a [`Tally`] or
//! spooled as text.

pub mod concise;
pub mod human;
pub mod json;
mod json_finding;
pub mod machine;
pub mod spool;

use std::borrow::Cow;
use std::collections::BTreeMap;
use std::io::{self, Write};

use gwlint_core::{Applicability, Diagnostic, Document, Registry, Severity};

use crate::args::Format;
use crate::check::FileResult;
pub use spool::{Spool, Store};

/// Counts per severity.
#[derive(Debug, Default, Clone, Copy, serde::Serialize)]
pub struct Summary {
    pub files: usize,
    pub error: usize,
    pub warning: usize,
    pub info: usize,
}

impl Summary {
    pub fn total(&self) -> usize {
        self.error + self.warning + self.info
    }
}

/// What the end of a report needs, gathered as the results pass.
#[derive(Debug, Default)]
pub struct Tally {
    pub summary: Summary,
    /// Findings with a safe fix.
    pub safe_fixes: usize,
    /// Inputs that were not checked, in input order: path, reason, and whether it is only a
    /// notice (an empty file is nothing to check, not a failure).
    pub unchecked: Vec<(String, String, bool)>,
    /// Findings per rule (code, name), and how many of them have a safe fix.
    pub per_rule: BTreeMap<(Cow<'static, str>, Cow<'static, str>), (usize, usize)>,
    /// The most severe finding.
    pub worst: Option<Severity>,
}

impl Tally {
    pub fn add(&mut self, r: &FileResult) {
        match &r.outcome {
            Ok((_, diags)) => {
                self.summary.files += 1;
                for d in diags {
                    match d.severity {
                        Severity::Error => self.summary.error += 1,
                        Severity::Warning => self.summary.warning += 1,
                        Severity::Info => self.summary.info += 1,
                    }
                    let safe = d.fix.as_ref().is_some_and(|f| f.applicability == Applicability::Safe);
                    self.safe_fixes += usize::from(safe);
                    let e = self.per_rule.entry((d.code.clone(), d.name.clone())).or_default();
                    e.0 += 1;
                    e.1 += usize::from(safe);
                    self.worst = self.worst.max(Some(d.severity));
                }
            }
            Err(message) => self.unchecked.push((r.path.clone(), message.clone(), r.notice)),
        }
    }

    /// The inputs that could not be read (not the notices), with the reason, in input order.
    pub fn failed(&self) -> impl Iterator<Item = (&str, &str)> {
        self.unchecked.iter().filter(|u| !u.2).map(|(path, message, _)| (path.as_str(), message.as_str()))
    }
}

/// One report format, written a file at a time.
pub trait Renderer {
    /// The findings of one checked document (called in input order).
    fn file(&mut self, out: &mut dyn Write, path: &str, doc: &Document, diags: &[Diagnostic]) -> io::Result<()>;
    /// The end of the report, once every input has passed.
    fn finish(&mut self, out: &mut dyn Write, tally: &Tally) -> io::Result<()>;
}

/// The renderer of a `--format`.
pub fn renderer<'a>(format: Format, color: bool, json_version: u32, registry: &'a Registry) -> Box<dyn Renderer + 'a> {
    match format {
        Format::Human => Box::new(human::Human::new(color)),
        Format::Concise => Box::new(concise::Concise),
        Format::Json => Box::new(json::Json::new(json_version)),
        Format::JsonLines => Box::new(machine::JsonLines { version: json_version }),
        Format::Sarif => Box::new(machine::Sarif::new(registry)),
        Format::Github => Box::new(machine::Github),
        Format::Gitlab => Box::new(machine::Gitlab::default()),
        Format::Junit => Box::new(machine::Junit::default()),
        Format::Checkstyle => Box::new(machine::Checkstyle::default()),
    }
}

/// "第3段" style location words for a diagnostic, used by the plain renderers.
pub fn location(doc: &Document, d: &Diagnostic) -> (gwlint_core::Position, gwlint_core::Position) {
    (doc.position(d.span.start), doc.position(d.span.end))
}
