//! Formats for CI systems: SARIF 2.1.0, GitHub workflow commands, GitLab Code Quality, JUnit XML,
//! JSON Lines and Checkstyle XML.

use gwlint_core::text::xml_escape as xml;
use serde_json::json;
use std::io::{self, Write};

use gwlint_core::resolved::{FileRange, ResolvedDiagnostic};
use gwlint_core::{Diagnostic, Document, Registry, Severity};

use super::checked;
use super::json::diagnostic as json_diagnostic;
use crate::check::FileResult;

fn level(s: Severity) -> &'static str {
    match s {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "note",
    }
}

/// A SARIF region: lines and char columns, plus the byte range in the file where it has one.
fn region(r: &FileRange) -> serde_json::Value {
    let mut region = json!({
        "startLine": r.start.line, "startColumn": r.start.column,
        "endLine": r.end.line, "endColumn": r.end.column
    });
    if let (Some(a), Some(b)) = (r.start.byte, r.end.byte) {
        region["byteOffset"] = json!(a);
        region["byteLength"] = json!(b - a);
    }
    region
}

/// The stable fingerprint of a finding (specified in `gwlint_core::fingerprint`).
pub fn fingerprint(path: &str, doc: &Document, d: &Diagnostic) -> String {
    gwlint_core::fingerprint::finding(path, doc, d)
}

pub fn sarif(out: &mut (impl Write + ?Sized), results: &[FileResult], registry: &Registry) -> io::Result<()> {
    let rules: Vec<_> = registry
        .metas()
        .map(|m| {
            json!({
                "id": m.code,
                "name": m.name,
                "shortDescription": { "text": m.summary },
                "fullDescription": { "text": m.docs_text() },
                "help": { "text": m.docs_text(), "markdown": m.docs_text() },
                "defaultConfiguration": { "level": level(m.default_severity) },
                "properties": { "category": m.category, "source": m.source }
            })
        })
        .collect();
    let index_of = |code: &str| registry.metas().position(|m| m.code == code);
    let mut sarif_results = Vec::new();
    for (path, doc, diags) in checked(results) {
        for d in diags {
            let r = ResolvedDiagnostic::new(path, doc, d);
            let mut result = json!({
                "ruleId": r.code,
                "level": level(r.severity),
                "message": { "text": r.message },
                "locations": [{ "physicalLocation": {
                    "artifactLocation": { "uri": path },
                    "region": region(&r.range)
                }}],
                "partialFingerprints": { "gwlint/v2": r.fingerprint }
            });
            if let Some(i) = index_of(&r.code) {
                result["ruleIndex"] = json!(i);
            }
            if let Some(f) = r.fix.as_ref().filter(|f| !f.edits.is_empty()) {
                result["fixes"] = json!([{
                    "description": { "text": f.title },
                    "artifactChanges": [{
                        "artifactLocation": { "uri": path },
                        "replacements": f.edits.iter().map(|e| json!({
                            "deletedRegion": region(&e.range),
                            "insertedContent": { "text": e.replacement }
                        })).collect::<Vec<_>>()
                    }]
                }]);
            }
            sarif_results.push(result);
        }
    }
    let log = json!({
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [{
            "tool": { "driver": {
                "name": "gwlint",
                "version": env!("CARGO_PKG_VERSION"),
                "informationUri": "https://github.com/gwlint/gwlint",
                "rules": rules
            }},
            "columnKind": "unicodeCodePoints",
            "invocations": [{
                "executionSuccessful": failed(results).next().is_none(),
                "toolExecutionNotifications": failed(results).map(|(path, message)| json!({
                    "level": "error",
                    "message": { "text": message },
                    "locations": [{ "physicalLocation": { "artifactLocation": { "uri": path } } }]
                })).collect::<Vec<_>>()
            }],
            "results": sarif_results
        }]
    });
    serde_json::to_writer_pretty(&mut *out, &log).map_err(io::Error::from)?;
    writeln!(out)
}

/// GitHub Actions workflow commands: `::error file=…,line=…::message`.
pub fn github(out: &mut (impl Write + ?Sized), results: &[FileResult]) -> io::Result<()> {
    let esc_data = |s: &str| s.replace('%', "%25").replace('\r', "%0D").replace('\n', "%0A");
    let esc_prop = |s: &str| esc_data(s).replace(':', "%3A").replace(',', "%2C");
    for (path, doc, diags) in checked(results) {
        for d in diags {
            let (a, b) = (doc.position(d.span.start), doc.position(d.span.end));
            let kind = match d.severity {
                Severity::Error => "error",
                Severity::Warning => "warning",
                Severity::Info => "notice",
            };
            writeln!(
                out,
                "::{kind} file={},line={},col={},endLine={},endColumn={},title={}::{}",
                esc_prop(path),
                a.line,
                a.column,
                b.line,
                b.column,
                esc_prop(&format!("{} {}", d.code, d.name)),
                esc_data(&d.message)
            )?;
        }
    }
    for (path, message) in failed(results) {
        writeln!(out, "::error file={},title=gwlint::{}", esc_prop(path), esc_data(message))?;
    }
    Ok(())
}

/// GitLab Code Quality report (a JSON array).
pub fn gitlab(out: &mut (impl Write + ?Sized), results: &[FileResult]) -> io::Result<()> {
    let mut issues = Vec::new();
    for (path, doc, diags) in checked(results) {
        for d in diags {
            let (a, b) = (doc.position(d.span.start), doc.position(d.span.end));
            issues.push(json!({
                "description": format!("{} {}", d.code, d.message),
                "check_name": d.code,
                "fingerprint": fingerprint(path, doc, d),
                "severity": match d.severity { Severity::Error => "major", Severity::Warning => "minor", Severity::Info => "info" },
                "location": {
                    "path": path,
                    "positions": { "begin": { "line": a.line, "column": a.column }, "end": { "line": b.line, "column": b.column } }
                }
            }));
        }
    }
    for (path, message) in failed(results) {
        issues.push(json!({
            "description": format!("无法读取：{message}"),
            "check_name": "gwlint-read-error",
            "fingerprint": format!("{:016x}", gwlint_core::fingerprint::fnv1a64([path.as_bytes(), message.as_bytes()])),
            "severity": "blocker",
            "location": { "path": path, "lines": { "begin": 1 } }
        }));
    }
    serde_json::to_writer_pretty(&mut *out, &issues).map_err(io::Error::from)?;
    writeln!(out)
}

/// One JSON object per finding, one per line (the `json` format's diagnostic objects, in the
/// requested contract version).
pub fn json_lines(out: &mut (impl Write + ?Sized), results: &[FileResult], version: u32) -> io::Result<()> {
    for (path, doc, diags) in checked(results) {
        for d in diags {
            if version == 1 {
                serde_json::to_writer(&mut *out, &json_diagnostic(path, doc, d))
            } else {
                serde_json::to_writer(&mut *out, &gwlint_core::resolved::ResolvedDiagnostic::new(path, doc, d))
            }
            .map_err(io::Error::from)?;
            writeln!(out)?;
        }
    }
    Ok(())
}

/// Inputs that could not be read, with the reason.
fn failed(results: &[FileResult]) -> impl Iterator<Item = (&str, &str)> {
    results.iter().filter(|r| !r.notice).filter_map(|r| r.outcome.as_ref().err().map(|e| (r.path.as_str(), e.as_str())))
}

/// JUnit XML: one test case per file, one failure per finding.
pub fn junit(out: &mut (impl Write + ?Sized), results: &[FileResult]) -> io::Result<()> {
    let files: Vec<_> = checked(results).collect();
    let failures: usize = files.iter().map(|(_, _, d)| d.len()).sum();
    let errors = failed(results).count();
    let tests = files.len() + errors;
    writeln!(out, r#"<?xml version="1.0" encoding="UTF-8"?>"#)?;
    writeln!(out, r#"<testsuites name="gwlint" tests="{tests}" failures="{failures}" errors="{errors}">"#)?;
    writeln!(out, r#"  <testsuite name="gwlint" tests="{tests}" failures="{failures}" errors="{errors}">"#)?;
    for (path, message) in failed(results) {
        writeln!(out, r#"    <testcase name="{p}" classname="{p}">"#, p = xml(path))?;
        writeln!(out, r#"      <error message="{m}" type="read-error">{m}</error>"#, m = xml(message))?;
        writeln!(out, "    </testcase>")?;
    }
    for (path, doc, diags) in files {
        if diags.is_empty() {
            writeln!(out, r#"    <testcase name="{p}" classname="{p}"/>"#, p = xml(path))?;
            continue;
        }
        writeln!(out, r#"    <testcase name="{p}" classname="{p}">"#, p = xml(path))?;
        for d in diags {
            let a = doc.position(d.span.start);
            writeln!(
                out,
                r#"      <failure message="{}" type="{}">{}:{}:{}: {} {}</failure>"#,
                xml(&d.message),
                d.code,
                xml(path),
                a.line,
                a.column,
                d.code,
                xml(&d.message)
            )?;
        }
        writeln!(out, "    </testcase>")?;
    }
    writeln!(out, "  </testsuite>\n</testsuites>")
}

/// Checkstyle XML.
pub fn checkstyle(out: &mut (impl Write + ?Sized), results: &[FileResult]) -> io::Result<()> {
    writeln!(out, r#"<?xml version="1.0" encoding="UTF-8"?>"#)?;
    writeln!(out, r#"<checkstyle version="4.3">"#)?;
    for (path, doc, diags) in checked(results) {
        writeln!(out, r#"  <file name="{}">"#, xml(path))?;
        for d in diags {
            let a = doc.position(d.span.start);
            let sev = match d.severity {
                Severity::Error => "error",
                Severity::Warning => "warning",
                Severity::Info => "info",
            };
            writeln!(
                out,
                r#"    <error line="{}" column="{}" severity="{sev}" message="{}" source="gwlint.{}"/>"#,
                a.line,
                a.column,
                xml(&d.message),
                d.code
            )?;
        }
        writeln!(out, "  </file>")?;
    }
    for (path, message) in failed(results) {
        writeln!(out, r#"  <file name="{}">"#, xml(path))?;
        writeln!(out, r#"    <error severity="error" message="{}" source="gwlint.read-error"/>"#, xml(message))?;
        writeln!(out, "  </file>")?;
    }
    writeln!(out, "</checkstyle>")
}

/// `--statistics`: findings per rule.
pub fn statistics(out: &mut (impl Write + ?Sized), results: &[FileResult]) -> io::Result<()> {
    let mut counts: std::collections::BTreeMap<(String, String), (usize, usize)> = Default::default();
    for d in checked(results).flat_map(|(_, _, d)| d) {
        let e = counts.entry((d.code.to_string(), d.name.to_string())).or_default();
        e.0 += 1;
        if d.fix.as_ref().is_some_and(|f| f.applicability == gwlint_core::Applicability::Safe) {
            e.1 += 1;
        }
    }
    for ((code, name), (n, fixable)) in counts {
        let fix = if fixable > 0 { format!("（{fixable} 处可安全修复）") } else { String::new() };
        writeln!(out, "{n:>6}  {code}  {name}{fix}")?;
    }
    Ok(())
}
