//! `--format json`: the versioned contract of docs/json-output.md. Other tools rely on it:
//! change only by adding a new version. Version 2 (the default) reports ranges and edits in
//! file coordinates; version 1 (`--json-version 1`, kept for one release) reports the old shape.

use serde::Serialize;
use std::io::{self, Write};

use gwlint_core::resolved::ResolvedDiagnostic;
use gwlint_core::{Diagnostic, Document};

use super::Summary;
use crate::check::FileResult;

#[derive(Serialize)]
pub struct JsonReport<'a> {
    pub version: u32,
    pub tool: Tool,
    pub files: Vec<JsonFile<'a>>,
    pub diagnostics: Vec<JsonDiagnostic<'a>>,
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
    pub files: Vec<JsonFileV2<'a>>,
    /// Inputs that could not be read, with the reason (they count in no summary).
    pub errors: Vec<JsonError<'a>>,
    pub diagnostics: Vec<ResolvedDiagnostic>,
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

/// Render the report in the requested contract version.
pub fn render(out: &mut (impl Write + ?Sized), results: &[FileResult], version: u32) -> io::Result<()> {
    if version == 1 {
        return render_v1(out, results);
    }
    let mut files = Vec::new();
    let mut diagnostics = Vec::new();
    for (path, doc, diags) in super::checked(results) {
        files.push(JsonFileV2 {
            path,
            kind: doc.kind.as_str(),
            encoding: doc.encoding,
            bom: doc.bom,
            class: doc.facts.class,
            genre: doc.facts.genre.map(|g| g.as_str()),
        });
        diagnostics.extend(diags.iter().map(|d| ResolvedDiagnostic::new(path, doc, d)));
    }
    let mut errors: Vec<JsonError<'_>> = results
        .iter()
        .filter(|r| !r.notice)
        .filter_map(|r| r.outcome.as_ref().err().map(|e| JsonError { path: &r.path, message: e }))
        .collect();
    errors.sort_by(|a, b| a.path.cmp(b.path));
    let report = JsonReportV2 {
        version: 2,
        tool: Tool { name: "gwlint", version: env!("CARGO_PKG_VERSION") },
        files,
        errors,
        diagnostics,
        summary: Summary::of(results),
    };
    serde_json::to_writer_pretty(&mut *out, &report).map_err(io::Error::from)?;
    writeln!(out)
}

fn render_v1(out: &mut (impl Write + ?Sized), results: &[FileResult]) -> io::Result<()> {
    let mut files = Vec::new();
    let mut diagnostics = Vec::new();
    for (path, doc, diags) in super::checked(results) {
        files.push(JsonFile {
            path,
            kind: doc.kind.as_str(),
            encoding: doc.encoding,
            genre: doc.facts.genre.map(|g| g.as_str()),
        });
        diagnostics.extend(diags.iter().map(|d| diagnostic(path, doc, d)));
    }
    let report = JsonReport {
        version: 1,
        tool: Tool { name: "gwlint", version: env!("CARGO_PKG_VERSION") },
        files,
        diagnostics,
        summary: Summary::of(results),
    };
    serde_json::to_writer_pretty(&mut *out, &report).map_err(io::Error::from)?;
    writeln!(out)
}
