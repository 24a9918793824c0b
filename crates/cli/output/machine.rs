//! Formats for CI systems: SARIF 2.1.0, GitHub workflow commands, GitLab Code Quality, JUnit XML,
//! JSON Lines and Checkstyle XML.

use gwlint_core::text::xml_escape as xml;
use serde_json::json;
use std::io::{self, Write};

use gwlint_core::resolved::{FileRange, ResolvedDiagnostic};
use gwlint_core::{Diagnostic, Document, Registry, Severity};

use super::json::diagnostic as json_diagnostic;
use super::spool::{placeholder, write_with_arrays};
use super::{Renderer, Spool, Store, Tally};

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

/// SARIF 2.1.0: the results are spooled; the rules and the invocation are written at the end.
pub struct Sarif<'a> {
    registry: &'a Registry,
    results: Spool,
}

impl<'a> Sarif<'a> {
    pub fn new(registry: &'a Registry) -> Sarif<'a> {
        // runs[0].results: the run stands at depth 2, its results at depth 4.
        Sarif { registry, results: Spool::at_depth(4) }
    }
}

/// The SARIF log around the results (fields in the order `serde_json` sorts an object's keys,
/// as the whole log was written before the results were spooled).
#[derive(serde::Serialize)]
struct SarifLog {
    #[serde(rename = "$schema")]
    schema: &'static str,
    runs: [SarifRun; 1],
    version: &'static str,
}

#[derive(serde::Serialize)]
#[serde(rename_all = "camelCase")]
struct SarifRun {
    column_kind: &'static str,
    invocations: serde_json::Value,
    results: Box<serde_json::value::RawValue>,
    tool: serde_json::Value,
}

impl Renderer for Sarif<'_> {
    fn file(&mut self, _out: &mut dyn Write, path: &str, doc: &Document, diags: &[Diagnostic]) -> io::Result<()> {
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
            if let Some(i) = self.registry.metas().position(|m| m.code == r.code) {
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
            self.results.push(&result)?;
        }
        Ok(())
    }

    fn finish(&mut self, out: &mut dyn Write, tally: &Tally) -> io::Result<()> {
        let rules: Vec<_> = self
            .registry
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
        let log = SarifLog {
            schema: "https://json.schemastore.org/sarif-2.1.0.json",
            runs: [SarifRun {
                column_kind: "unicodeCodePoints",
                invocations: json!([{
                    "executionSuccessful": tally.failed().next().is_none(),
                    "toolExecutionNotifications": tally.failed().map(|(path, message)| json!({
                        "level": "error",
                        "message": { "text": message },
                        "locations": [{ "physicalLocation": { "artifactLocation": { "uri": path } } }]
                    })).collect::<Vec<_>>()
                }]),
                results: placeholder(),
                tool: json!({ "driver": {
                    "name": "gwlint",
                    "version": env!("CARGO_PKG_VERSION"),
                    "informationUri": "https://github.com/gwlint/gwlint",
                    "rules": rules
                }}),
            }],
            version: "2.1.0",
        };
        write_with_arrays(out, &log, &mut [("results", &mut self.results)])?;
        writeln!(out)
    }
}

/// GitHub Actions workflow commands: `::error file=…,line=…::message`.
pub struct Github;

fn esc_data(s: &str) -> String {
    s.replace('%', "%25").replace('\r', "%0D").replace('\n', "%0A")
}

fn esc_prop(s: &str) -> String {
    esc_data(s).replace(':', "%3A").replace(',', "%2C")
}

impl Renderer for Github {
    fn file(&mut self, out: &mut dyn Write, path: &str, doc: &Document, diags: &[Diagnostic]) -> io::Result<()> {
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
        Ok(())
    }

    fn finish(&mut self, out: &mut dyn Write, tally: &Tally) -> io::Result<()> {
        for (path, message) in tally.failed() {
            writeln!(out, "::error file={},title=gwlint::{}", esc_prop(path), esc_data(message))?;
        }
        Ok(())
    }
}

/// GitLab Code Quality report (a JSON array).
pub struct Gitlab {
    issues: Spool,
}

impl Default for Gitlab {
    fn default() -> Self {
        Gitlab { issues: Spool::at_depth(1) }
    }
}

impl Renderer for Gitlab {
    fn file(&mut self, _out: &mut dyn Write, path: &str, doc: &Document, diags: &[Diagnostic]) -> io::Result<()> {
        for d in diags {
            let (a, b) = (doc.position(d.span.start), doc.position(d.span.end));
            self.issues.push(&json!({
                "description": format!("{} {}", d.code, d.message),
                "check_name": d.code,
                "fingerprint": fingerprint(path, doc, d),
                "severity": match d.severity { Severity::Error => "major", Severity::Warning => "minor", Severity::Info => "info" },
                "location": {
                    "path": path,
                    "positions": { "begin": { "line": a.line, "column": a.column }, "end": { "line": b.line, "column": b.column } }
                }
            }))?;
        }
        Ok(())
    }

    fn finish(&mut self, out: &mut dyn Write, tally: &Tally) -> io::Result<()> {
        for (path, message) in tally.failed() {
            self.issues.push(&json!({
                "description": format!("无法读取：{message}"),
                "check_name": "gwlint-read-error",
                "fingerprint": format!("{:016x}", gwlint_core::fingerprint::fnv1a64([path.as_bytes(), message.as_bytes()])),
                "severity": "blocker",
                "location": { "path": path, "lines": { "begin": 1 } }
            }))?;
        }
        self.issues.drain_into(out)?;
        writeln!(out)
    }
}

/// One JSON object per finding, one per line (the `json` format's diagnostic objects, in the
/// requested contract version).
pub struct JsonLines {
    pub version: u32,
}

impl Renderer for JsonLines {
    fn file(&mut self, out: &mut dyn Write, path: &str, doc: &Document, diags: &[Diagnostic]) -> io::Result<()> {
        for d in diags {
            if self.version == 1 {
                serde_json::to_writer(&mut *out, &json_diagnostic(path, doc, d))
            } else {
                serde_json::to_writer(&mut *out, &ResolvedDiagnostic::new(path, doc, d))
            }
            .map_err(io::Error::from)?;
            writeln!(out)?;
        }
        Ok(())
    }

    fn finish(&mut self, _out: &mut dyn Write, _tally: &Tally) -> io::Result<()> {
        Ok(())
    }
}

/// JUnit XML: one test case per file, one failure per finding. The totals open the report, so
/// the test cases are spooled.
#[derive(Default)]
pub struct Junit {
    cases: Store,
}

impl Renderer for Junit {
    fn file(&mut self, _out: &mut dyn Write, path: &str, doc: &Document, diags: &[Diagnostic]) -> io::Result<()> {
        let out = &mut self.cases;
        if diags.is_empty() {
            writeln!(out, r#"    <testcase name="{p}" classname="{p}"/>"#, p = xml(path))?;
            return Ok(());
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
        writeln!(out, "    </testcase>")
    }

    fn finish(&mut self, out: &mut dyn Write, tally: &Tally) -> io::Result<()> {
        let failures = tally.summary.total();
        let errors = tally.failed().count();
        let tests = tally.summary.files + errors;
        writeln!(out, r#"<?xml version="1.0" encoding="UTF-8"?>"#)?;
        writeln!(out, r#"<testsuites name="gwlint" tests="{tests}" failures="{failures}" errors="{errors}">"#)?;
        writeln!(out, r#"  <testsuite name="gwlint" tests="{tests}" failures="{failures}" errors="{errors}">"#)?;
        for (path, message) in tally.failed() {
            writeln!(out, r#"    <testcase name="{p}" classname="{p}">"#, p = xml(path))?;
            writeln!(out, r#"      <error message="{m}" type="read-error">{m}</error>"#, m = xml(message))?;
            writeln!(out, "    </testcase>")?;
        }
        self.cases.drain_into(out)?;
        writeln!(out, "  </testsuite>\n</testsuites>")
    }
}

/// Checkstyle XML.
#[derive(Default)]
pub struct Checkstyle {
    started: bool,
}

impl Checkstyle {
    fn start(&mut self, out: &mut dyn Write) -> io::Result<()> {
        if !self.started {
            self.started = true;
            writeln!(out, r#"<?xml version="1.0" encoding="UTF-8"?>"#)?;
            writeln!(out, r#"<checkstyle version="4.3">"#)?;
        }
        Ok(())
    }
}

impl Renderer for Checkstyle {
    fn file(&mut self, out: &mut dyn Write, path: &str, doc: &Document, diags: &[Diagnostic]) -> io::Result<()> {
        self.start(out)?;
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
        writeln!(out, "  </file>")
    }

    fn finish(&mut self, out: &mut dyn Write, tally: &Tally) -> io::Result<()> {
        self.start(out)?;
        for (path, message) in tally.failed() {
            writeln!(out, r#"  <file name="{}">"#, xml(path))?;
            writeln!(out, r#"    <error severity="error" message="{}" source="gwlint.read-error"/>"#, xml(message))?;
            writeln!(out, "  </file>")?;
        }
        writeln!(out, "</checkstyle>")
    }
}

/// `--statistics`: findings per rule.
pub fn statistics(out: &mut (impl Write + ?Sized), tally: &Tally) -> io::Result<()> {
    for ((code, name), (n, fixable)) in &tally.per_rule {
        let fix = if *fixable > 0 { format!("（{fixable} 处可安全修复）") } else { String::new() };
        writeln!(out, "{n:>6}  {code}  {name}{fix}")?;
    }
    Ok(())
}
