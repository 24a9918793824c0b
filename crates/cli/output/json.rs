//! `--format json`: the versioned contract of docs/json-output.md. Other tools rely on it:
//! change only by adding a new version. Version 2 (the default) reports ranges and edits in
//! file coordinates; version 1 (`--json-version 1`, kept for one release) reports the old shape.

use serde::Serialize;
use std::io::{self, Write};

use gwlint_core::resolved::ResolvedDiagnostic;
use gwlint_core::{Diagnostic, Document};

use super::spool::{placeholder, write_with_arrays};
use super::{Renderer, Spool, Summary, Tally};
use serde_json::value::RawValue;

/// The report of contract version 1.
#[derive(Serialize)]
pub struct JsonReport {
    pub version: u32,
    pub tool: Tool,
    pub files: Box<RawValue>,
    pub diagnostics: Box<RawValue>,
    pub summary: Summary,
}

#[derive(Serialize)]
pub struct Tool {
    pub name: &'static str,
    pub version: &'static str,
}

#[derive(Serialize)]
pub struct JsonFile<'a> {
    pub path: &'a str,
    pub kind: &'static str,
    pub encoding: &'static str,
    pub genre: Option<&'static str>,
}

#[derive(Serialize)]
pub struct JsonDiagnostic<'a> {
    pub path: &'a str,
    pub code: &'a str,
    pub name: &'a str,
    pub severity: &'static str,
    pub message: &'a str,
    pub help: Option<&'a str>,
    pub source: Option<&'a str>,
    pub line: usize,
    pub column: usize,
    pub end_line: usize,
    pub end_column: usize,
    pub start_byte: usize,
    pub end_byte: usize,
    pub fix: Option<JsonFix<'a>>,
}

#[derive(Serialize)]
pub struct JsonFix<'a> {
    pub applicability: &'static str,
    pub title: &'a str,
    pub edits: Vec<JsonEdit<'a>>,
}

#[derive(Serialize)]
pub struct JsonEdit<'a> {
    pub start_byte: usize,
    pub end_byte: usize,
    pub replacement: &'a str,
}

pub fn diagnostic<'a>(path: &'a str, doc: &Document, d: &'a Diagnostic) -> JsonDiagnostic<'a> {
    let start = doc.position(d.span.start);
    let end = doc.position(d.span.end);
    JsonDiagnostic {
        path,
        code: &d.code,
        name: &d.name,
        severity: d.severity.as_str(),
        message: &d.message,
        help: d.help.as_deref(),
        source: d.source.as_deref(),
        line: start.line,
        column: start.column,
        end_line: end.line,
        end_column: end.column,
        start_byte: d.span.start,
        end_byte: d.span.end,
        fix: d.fix.as_ref().map(|f| JsonFix {
            applicability: f.applicability.as_str(),
            title: &f.title,
            edits: f
                .edits
                .iter()
                .map(|e| JsonEdit { start_byte: e.span.start, end_byte: e.span.end, replacement: &e.replacement })
                .collect(),
        }),
    }
}

/// The report of contract version 2.
#[derive(Serialize)]
pub struct JsonReportV2<'a> {
    pub version: u32,
    pub tool: Tool,
    pub files: Box<RawValue>,
    /// Inputs that could not be read, with the reason (they count in no summary).
    pub errors: Vec<JsonError<'a>>,
    pub diagnostics: Box<RawValue>,
    pub summary: Summary,
}

#[derive(Serialize)]
pub struct JsonFileV2<'a> {
    pub path: &'a str,
    pub kind: &'static str,
    pub encoding: &'static str,
    pub bom: bool,
    /// "gongwen", "speech" or "other": structural and routing rules only judge 公文.
    pub class: gwlint_core::document::DocClass,
    pub genre: Option<&'static str>,
}

#[derive(Serialize)]
pub struct JsonError<'a> {
    pub path: &'a str,
    pub message: &'a str,
}

/// The JSON report: the files and the findings are spooled as they pass (the files' array
/// comes first in the report, the findings' after the inputs that could not be read).
pub struct Json {
    version: u32,
    files: Spool,
    diagnostics: Spool,
}

impl Json {
    pub fn new(version: u32) -> Json {
        Json { version, files: Spool::at_depth(2), diagnostics: Spool::at_depth(2) }
    }
}

impl Renderer for Json {
    fn file(&mut self, _out: &mut dyn Write, path: &str, doc: &Document, diags: &[Diagnostic]) -> io::Result<()> {
        if self.version == 1 {
            self.files.push(&JsonFile {
                path,
                kind: doc.kind.as_str(),
                encoding: doc.encoding,
                genre: doc.facts.genre.map(|g| g.as_str()),
            })?;
            for d in diags {
                self.diagnostics.push(&diagnostic(path, doc, d))?;
            }
        } else {
            self.files.push(&JsonFileV2 {
                path,
                kind: doc.kind.as_str(),
                encoding: doc.encoding,
                bom: doc.bom,
                class: doc.facts.class,
                genre: doc.facts.genre.map(|g| g.as_str()),
            })?;
            for d in diags {
                let d = ResolvedDiagnostic::new(path, doc, d);
                self.diagnostics.push_written(|out, depth| {
                    super::json_finding::write(out, &d, depth);
                    Ok(())
                })?;
            }
        }
        Ok(())
    }

    fn finish(&mut self, out: &mut dyn Write, tally: &Tally) -> io::Result<()> {
        let tool = Tool { name: "gwlint", version: env!("CARGO_PKG_VERSION") };
        let arrays = &mut [("files", &mut self.files), ("diagnostics", &mut self.diagnostics)];
        if self.version == 1 {
            let report = JsonReport {
                version: 1,
                tool,
                files: placeholder(),
                diagnostics: placeholder(),
                summary: tally.summary,
            };
            write_with_arrays(out, &report, arrays)?;
        } else {
            let mut errors: Vec<JsonError<'_>> =
                tally.failed().map(|(path, message)| JsonError { path, message }).collect();
            errors.sort_by(|a, b| a.path.cmp(b.path));
            let report = JsonReportV2 {
                version: 2,
                tool,
                files: placeholder(),
                errors,
                diagnostics: placeholder(),
                summary: tally.summary,
            };
            write_with_arrays(out, &report, arrays)?;
        }
        writeln!(out)
    }
}
