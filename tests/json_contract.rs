//! `--format json` follows the DESIGN.md contract exactly: these structs reject any key the
//! contract does not name, and every position is checked against the source file.

use serde::Deserialize;

use crate::support::{fixture, gwlint};

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
#[allow(dead_code)]
struct Report {
    version: u32,
    tool: Tool,
    files: Vec<File>,
    diagnostics: Vec<Diag>,
    summary: Summary,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
#[allow(dead_code)]
struct Tool {
    name: String,
    version: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
#[allow(dead_code)]
struct File {
    path: String,
    kind: String,
    encoding: String,
    genre: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
#[allow(dead_code)]
struct Diag {
    path: String,
    code: String,
    name: String,
    severity: String,
    message: String,
    help: Option<String>,
    source: Option<String>,
    line: usize,
    column: usize,
    end_line: usize,
    end_column: usize,
    start_byte: usize,
    end_byte: usize,
    fix: Option<FixJ>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
#[allow(dead_code)]
struct FixJ {
    applicability: String,
    title: String,
    edits: Vec<EditJ>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
#[allow(dead_code)]
struct EditJ {
    start_byte: usize,
    end_byte: usize,
    replacement: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Summary {
    files: usize,
    error: usize,
    warning: usize,
    info: usize,
}

#[test]
fn json_output_matches_the_contract() {
    let o = gwlint(&["check", "--format", "json", "fixtures/documents"]);
    assert_eq!(o.status.code(), Some(1));
    let r: Report = serde_json::from_slice(&o.stdout).expect("contract");
    assert_eq!(r.version, 1);
    assert_eq!(r.tool.name, "gwlint");
    assert_eq!(r.summary.files, r.files.len());
    assert_eq!(r.summary.error + r.summary.warning + r.summary.info, r.diagnostics.len());
    for f in &r.files {
        assert!(["txt", "md", "docx"].contains(&f.kind.as_str()));
    }
    let mut last: Option<(String, usize, usize, String)> = None;
    for d in &r.diagnostics {
        assert!(["error", "warning", "info"].contains(&d.severity.as_str()));
        assert!(d.code.starts_with("GW") && d.code.len() == 5);
        assert!(d.line >= 1 && d.column >= 1 && (d.end_line, d.end_column) >= (d.line, d.column));
        assert!(d.start_byte <= d.end_byte);
        if let Some(f) = &d.fix {
            assert!(["safe", "unsafe", "display-only"].contains(&f.applicability.as_str()));
            assert!(!f.edits.is_empty());
        }
        // Deterministic order: path, then position, then code.
        let key = (d.path.clone(), d.line, d.column, d.code.clone());
        if let Some(prev) = &last {
            assert!(prev <= &key, "unsorted: {prev:?} then {key:?}");
        }
        last = Some(key);
    }
}

/// line/column count characters in the source file; the text they point at is the text
/// the byte span covers (checked on a UTF-8 file, a CRLF file and a Markdown file).
#[test]
fn positions_point_at_the_reported_text() {
    for name in ["03_baogao_errors.txt", "12_huibao_crlf.txt", "06_yijian.md", "07_tongbao_errors.txt"] {
        let path = format!("fixtures/documents/{name}");
        let o = gwlint(&["check", "--format", "json", &path]);
        let r: Report = serde_json::from_slice(&o.stdout).unwrap();
        let source = std::fs::read_to_string(fixture(&format!("documents/{name}"))).unwrap().replace("\r\n", "\n");
        let doc = gwlint_core::Document::parse(
            name,
            &std::fs::read(fixture(&format!("documents/{name}"))).unwrap(),
            &Default::default(),
        )
        .unwrap();
        for d in &r.diagnostics {
            let line = source.lines().nth(d.line - 1).unwrap();
            let at: String = line.chars().skip(d.column - 1).take(d.end_column - d.column).collect();
            assert_eq!(at, doc.text[d.start_byte..d.end_byte], "{name}:{}:{}", d.line, d.column);
        }
    }
}
