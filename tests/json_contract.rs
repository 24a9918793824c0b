//! `--format json` follows the contract of docs/json-output.md exactly: these structs reject any
//! key the contract does not name, every report validates against docs/json-output.schema.json,
//! and every position, read back from the file's bytes, is the text the rule flagged.

use serde::Deserialize;

use crate::support::{fixture, gwlint, stdout};

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
#[allow(dead_code)]
struct ReportV1 {
    version: u32,
    tool: Tool,
    files: Vec<FileV1>,
    diagnostics: Vec<DiagV1>,
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
struct FileV1 {
    path: String,
    kind: String,
    encoding: String,
    genre: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
#[allow(dead_code)]
struct DiagV1 {
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
    fix: Option<FixJV1>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
#[allow(dead_code)]
struct FixJV1 {
    applicability: String,
    title: String,
    edits: Vec<EditJV1>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
#[allow(dead_code)]
struct EditJV1 {
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

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
#[allow(dead_code)]
struct Report {
    version: u32,
    tool: Tool,
    files: Vec<File>,
    errors: Vec<ReadErrorJ>,
    diagnostics: Vec<Diag>,
    summary: Summary,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
#[allow(dead_code)]
struct File {
    path: String,
    kind: String,
    encoding: String,
    bom: bool,
    class: String,
    genre: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
#[allow(dead_code)]
struct ReadErrorJ {
    path: String,
    message: String,
}

#[derive(Deserialize, Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
#[serde(deny_unknown_fields)]
struct Pos {
    line: usize,
    column: usize,
    utf16_column: usize,
    byte: Option<usize>,
}

#[derive(Deserialize, Clone, Copy, Debug, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
struct Range {
    start: Pos,
    end: Pos,
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
    label: Option<String>,
    help: Option<String>,
    source: Option<String>,
    range: Range,
    related: Vec<Related>,
    fingerprint: String,
    fix: Option<FixJ>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
#[allow(dead_code)]
struct Related {
    message: String,
    range: Range,
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
    range: Range,
    replacement: String,
}

fn schema() -> jsonschema::Validator {
    let text = std::fs::read_to_string(crate::support::root().join("docs/json-output.schema.json")).unwrap();
    jsonschema::validator_for(&serde_json::from_str(&text).unwrap()).expect("schema compiles")
}

fn assert_valid(json: &[u8]) {
    let value: serde_json::Value = serde_json::from_slice(json).unwrap();
    let v = schema();
    let errors: Vec<String> = v.iter_errors(&value).map(|e| format!("{e} at {}", e.instance_path())).collect();
    assert!(errors.is_empty(), "schema errors: {errors:?}");
}

#[test]
fn json_output_matches_the_contract() {
    let dir = tempfile::tempdir().unwrap();
    let binary = dir.path().join("binary.txt");
    std::fs::write(&binary, [0u8, 1, 2, 3, 0, 0, 0xFF]).unwrap();
    let o = gwlint(&[
        "check",
        "--format",
        "json",
        "fixtures/documents",
        "fixtures/docx/libreoffice",
        binary.to_str().unwrap(),
        "no-such.txt",
    ]);
    assert_eq!(o.status.code(), Some(2));
    assert_valid(&o.stdout);
    let r: Report = serde_json::from_slice(&o.stdout).expect("contract");
    assert_eq!(r.version, 2);
    assert_eq!(r.tool.name, "gwlint");
    assert_eq!(r.summary.files, r.files.len());
    let failed: Vec<&str> = r.errors.iter().map(|e| e.path.as_str()).collect();
    assert_eq!(failed, vec![binary.to_str().unwrap(), "no-such.txt"], "sorted by path");
    assert_eq!(r.summary.error + r.summary.warning + r.summary.info, r.diagnostics.len());
    for f in &r.files {
        assert!(["txt", "md", "docx"].contains(&f.kind.as_str()));
        assert!(["gongwen", "speech", "other"].contains(&f.class.as_str()));
    }
    let mut last: Option<(String, Pos, String)> = None;
    for d in &r.diagnostics {
        assert!(["error", "warning", "info"].contains(&d.severity.as_str()));
        assert!(d.code.starts_with("GW") && d.code.len() == 5);
        assert!(d.range.start.line >= 1 && d.range.start.column >= 1 && d.range.end >= d.range.start);
        assert_eq!(d.fingerprint.len(), 16);
        let docx = d.path.ends_with(".docx");
        assert_eq!(d.range.start.byte.is_none(), docx, "{}: file bytes exist for these text files", d.path);
        if let Some(f) = &d.fix {
            assert!(["safe", "unsafe", "display-only"].contains(&f.applicability.as_str()));
            assert!(!f.edits.is_empty() || f.applicability == "display-only");
            if docx {
                assert_eq!(f.applicability, "display-only");
            }
        }
        // Deterministic order: path, then position, then code.
        let key = (d.path.clone(), d.range.start, d.code.clone());
        if let Some(prev) = &last {
            assert!((&prev.0, prev.1.line, prev.1.column, &prev.2) <= (&key.0, key.1.line, key.1.column, &key.2));
        }
        last = Some(key);
    }
}

/// Decode file bytes in a document's encoding.
fn decode(bytes: &[u8], encoding: &str) -> String {
    gwlint_core::fix::decode_as(bytes, encoding)
}

/// The characters between two line/column positions of a decoded source, with line breaks as
/// gwlint defines them (CRLF, lone CR, LF), counting columns in chars or in UTF-16 units.
fn by_columns(source: &str, a: Pos, b: Pos, utf16: bool) -> String {
    let lines: Vec<&str> = gwlint_core::text::lines_with_breaks(source).collect();
    let col = |line: &str, c: usize| -> usize {
        let mut units = 1;
        for (i, ch) in line.char_indices() {
            if units >= c {
                return i;
            }
            units += if utf16 { ch.len_utf16() } else { 1 };
        }
        line.len()
    };
    let (ca, cb) = if utf16 { (a.utf16_column, b.utf16_column) } else { (a.column, b.column) };
    if a.line == b.line {
        let line = lines[a.line - 1].trim_end_matches(['\r', '\n']);
        return line[col(line, ca)..col(line, cb)].to_string();
    }
    let first = lines[a.line - 1];
    let mut out = first[col(first.trim_end_matches(['\r', '\n']), ca)..].to_string();
    for l in &lines[a.line..b.line - 1] {
        out.push_str(l);
    }
    let last = lines[b.line - 1].trim_end_matches(['\r', '\n']);
    out.push_str(&last[..col(last, cb)]);
    out
}

/// Every diagnostic's range, read back from the file — by bytes in the file's own encoding, by
/// line and char column, and by line and UTF-16 column — is the text the rule flagged; every
/// edit's range likewise covers the text it replaces. Checked on CR-only, CRLF, GBK, UTF-16 and
/// Markdown files (and a plain UTF-8 one).
#[test]
fn positions_point_at_the_reported_text() {
    // The CR-only fixture (with an astral character before a finding) in every stored form.
    let text = std::fs::read_to_string(fixture("documents/15_qingshi_cr.txt")).unwrap();
    let crlf = text.replace('\r', "\r\n");
    let utf16 = |le: bool, bom: bool| -> Vec<u8> {
        let mut out: Vec<u8> = if bom {
            if le {
                vec![0xFF, 0xFE]
            } else {
                vec![0xFE, 0xFF]
            }
        } else {
            vec![]
        };
        for u in crlf.encode_utf16() {
            out.extend(if le { u.to_le_bytes() } else { u.to_be_bytes() });
        }
        out
    };
    let dir = tempfile::tempdir().unwrap();
    let generated: Vec<(&str, Vec<u8>)> = vec![
        ("utf16le.txt", utf16(true, true)),
        ("utf16be.txt", utf16(false, true)),
        ("utf8bom.txt", [&b"\xEF\xBB\xBF"[..], crlf.as_bytes()].concat()),
        ("gbk.txt", encoding_rs::GB18030.encode(&text).0.into_owned()),
        ("mixed.md", format!("# {}", text.replacen('\r', "\n", 3)).into_bytes()),
        // Markdown escapes right after a finding (found by the fuzzer: the range ran over “\”).
        (
            "escapes.md",
            "# 关于开展检查的通知\n\n各单位：\n\n经研究:\\:决定,\\*开展检查.\\_请落实\n".as_bytes().to_vec(),
        ),
    ];
    let mut paths: Vec<std::path::PathBuf> = generated
        .iter()
        .map(|(name, bytes)| {
            let p = dir.path().join(name);
            std::fs::write(&p, bytes).unwrap();
            p
        })
        .collect();
    for name in [
        "03_baogao_errors.txt",
        "15_qingshi_cr.txt",
        "12_huibao_crlf.txt",
        "10_gbk_tongzhi.txt",
        "07_tongbao_errors.txt",
    ] {
        paths.push(fixture(&format!("documents/{name}")));
    }
    for path in paths {
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        let o = gwlint(&["check", "--format", "json", path.to_str().unwrap()]);
        assert_valid(&o.stdout);
        let r: Report = serde_json::from_slice(&o.stdout).unwrap();
        let bytes = std::fs::read(&path).unwrap();
        let doc = gwlint_core::Document::parse(&name, &bytes, &Default::default()).unwrap();
        let diags = gwlint_core::Linter::with_defaults().check(&doc);
        assert_eq!(r.diagnostics.len(), diags.len(), "{name}");
        assert!(!diags.is_empty(), "{name}: a position test needs findings");
        let encoding = r.files[0].encoding.clone();
        let source = &doc.source;
        for (d, lib) in r.diagnostics.iter().zip(&diags) {
            let flagged = doc.slice(lib.span);
            let (a, b) = (d.range.start.byte.unwrap(), d.range.end.byte.unwrap());
            let here = format!("{name}:{}:{} {}", d.range.start.line, d.range.start.column, d.code);
            // A span with Markdown markup inside covers that markup in the file: compare the
            // text with the markup taken out; a plain span must be exactly its bytes.
            let plain = doc.source_edit(&gwlint_core::Edit { span: lib.span, replacement: String::new() }).is_some();
            let in_file = decode(&bytes[a..b], &encoding);
            if plain {
                assert_eq!(in_file, flagged, "{here}: bytes");
            } else {
                assert_eq!(in_file.replace(['\\', '*', '_'], ""), flagged.replace(['*', '_'], ""), "{here}: bytes");
                continue;
            }
            if !flagged.contains('\n') {
                assert_eq!(by_columns(source, d.range.start, d.range.end, false), flagged, "{here}: columns");
                assert_eq!(by_columns(source, d.range.start, d.range.end, true), flagged, "{here}: UTF-16 columns");
            }
            for e in d.fix.iter().flat_map(|f| &f.edits) {
                let (ea, eb) = (e.range.start.byte.unwrap(), e.range.end.byte.unwrap());
                let replaced = decode(&bytes[ea..eb], &encoding);
                let lib_edit = lib.fix.as_ref().unwrap().edits.iter().find(|x| x.replacement == e.replacement).unwrap();
                assert_eq!(replaced, doc.slice(lib_edit.span), "{here}: edit");
            }
        }
    }
}

/// `--json-version 1` keeps the previous contract for one release.
#[test]
fn json_version_1_is_still_available() {
    let o = gwlint(&["check", "--format", "json", "--json-version", "1", "fixtures/documents"]);
    assert_eq!(o.status.code(), Some(1));
    assert_valid(&o.stdout);
    let r: ReportV1 = serde_json::from_slice(&o.stdout).expect("v1 contract");
    assert_eq!(r.version, 1);
    assert!(!r.diagnostics.is_empty());
    for d in &r.diagnostics {
        assert!(d.line >= 1 && d.column >= 1 && (d.end_line, d.end_column) >= (d.line, d.column));
        assert!(d.start_byte <= d.end_byte);
    }
    let o =
        gwlint(&["check", "--format", "json-lines", "--json-version", "1", "fixtures/documents/03_baogao_errors.txt"]);
    let first: serde_json::Value = serde_json::from_str(stdout(&o).lines().next().unwrap()).unwrap();
    assert!(first.get("start_byte").is_some());
    let o = gwlint(&["check", "--format", "json", "--json-version", "3", "fixtures/documents"]);
    assert_eq!(o.status.code(), Some(2));
    // Scripts that cannot change their command line pin the version in the environment.
    let o = std::process::Command::new(env!("CARGO_BIN_EXE_gwlint"))
        .current_dir(crate::support::root())
        .args(["check", "--format", "json", "fixtures/documents/03_baogao_errors.txt"])
        .env("GWLINT_JSON_VERSION", "1")
        .output()
        .unwrap();
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(v["version"], 1);
}

/// A file a detector reads as another legacy encoding (here Shift_JIS): byte offsets follow that
/// encoding, not GB18030 (found by the fuzzer).
#[test]
fn detected_legacy_encodings_get_their_own_byte_offsets() {
    let raw = std::fs::read(fixture("attacks/fix/min-fuzz-cbd466d2")).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("sjis.txt");
    std::fs::write(&path, &raw[1..]).unwrap();
    let o = gwlint(&["check", "--format", "json", path.to_str().unwrap()]);
    let r: Report = serde_json::from_slice(&o.stdout).unwrap();
    let encoding = r.files[0].encoding.clone();
    assert_ne!(encoding, "GB18030");
    let doc = gwlint_core::Document::parse("sjis.txt", &raw[1..], &Default::default()).unwrap();
    let diags = gwlint_core::Linter::with_defaults().check(&doc);
    assert_eq!(r.diagnostics.len(), diags.len());
    for (d, lib) in r.diagnostics.iter().zip(&diags) {
        if let (Some(a), Some(b)) = (d.range.start.byte, d.range.end.byte) {
            assert_eq!(decode(&raw[1..][a..b], &encoding), doc.slice(lib.span), "{}", d.code);
        }
    }
}
