//! The fixer changes text only where a finding was reported, keeps encodings, BOMs, line
//! endings and permissions, and a second run changes nothing.

use std::path::{Path, PathBuf};

use gwlint_core::fix::fix_document;
use gwlint_core::{Applicability, Document, Linter, ParseOptions, Span};

use crate::fixtures::walk;
use crate::support::{fixture, gwlint_in, linter_for, root, stderr, stdout};

/// Every changed region of `old` (in the fixer's output) lies inside a reported span.
fn assert_changes_inside_findings(name: &str, doc: &Document, linter: &Linter) {
    let diags = linter.check(doc);
    let fixed = fix_document(doc, linter, Applicability::Unsafe, 1).unwrap();
    let mut allowed: Vec<Span> = Vec::new();
    for d in &diags {
        let mut spans = vec![d.span];
        spans.extend(d.labels.iter().map(|l| l.span));
        if let Some(f) = &d.fix {
            spans.extend(f.edits.iter().map(|e| e.span));
        }
        for s in spans {
            allowed.push(Span::new(doc.source_offset(s.start), doc.source_offset(s.end)));
        }
    }
    for c in &fixed.changed {
        assert!(
            allowed.iter().any(|s| s.start <= c.start && c.end <= s.end),
            "{name}: the fixer changed {c:?} ({:?}) outside every reported span",
            &doc.source[c.start..c.end]
        );
    }
    let full = fix_document(doc, linter, Applicability::Unsafe, 8).unwrap();
    let again = fix_document(&full.document, linter, Applicability::Unsafe, 8).unwrap();
    assert_eq!(again.applied, 0, "{name}: a second fix run changed the text again");
}

fn documents_under(dir: &Path) -> Vec<PathBuf> {
    walk(dir).into_iter().filter(|p| p.extension().is_some_and(|e| e == "txt" || e == "md")).collect()
}

#[test]
fn fixer_property_on_every_fixture() {
    for path in documents_under(&fixture("documents")).into_iter().chain(documents_under(&fixture("rules"))) {
        let name = path.display().to_string();
        let doc = Document::parse(&name, &std::fs::read(&path).unwrap(), &ParseOptions::default()).unwrap();
        assert_changes_inside_findings(&name, &doc, &linter_for(&path));
    }
}

/// On the shared corpus when it is present (CI has it beside the clone; a bare clone skips).
#[test]
fn fixer_property_on_the_corpus() {
    let corpus = root().join("../shared/corpus/gongwen");
    if !corpus.is_dir() {
        eprintln!("skipped: {} not found", corpus.display());
        return;
    }
    let linter = Linter::with_defaults();
    let docs = documents_under(&corpus);
    for path in &docs {
        let name = path.display().to_string();
        let Ok(doc) = Document::parse(&name, &std::fs::read(path).unwrap(), &ParseOptions::default()) else { continue };
        assert_changes_inside_findings(&name, &doc, &linter);
    }
}

#[test]
fn fix_keeps_encoding_bom_line_endings_and_permissions() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path();
    let text = "关于开展检查的通知\r\n\r\n各单位：\r\n经研究,决定开展检查.\r\n";
    let (gbk, _, _) = encoding_rs::GB18030.encode(text);
    std::fs::write(p.join("gbk.txt"), &gbk).unwrap();
    std::fs::write(p.join("bom.txt"), [&b"\xEF\xBB\xBF"[..], text.as_bytes()].concat()).unwrap();
    let mut utf16 = vec![0xFF, 0xFE];
    for u in text.encode_utf16() {
        utf16.extend_from_slice(&u.to_le_bytes());
    }
    std::fs::write(p.join("utf16.txt"), &utf16).unwrap();
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(p.join("gbk.txt"), std::fs::Permissions::from_mode(0o640)).unwrap();
    }
    let o = gwlint_in(p, &["check", "--fix", "--format", "concise", "."], None);
    assert!(stderr(&o).contains("已修复 6 处问题（3 个文件）"), "{}", stderr(&o));
    let expected = "关于开展检查的通知\r\n\r\n各单位：\r\n经研究，决定开展检查。\r\n";
    let (gbk_fixed, _, _) = encoding_rs::GB18030.encode(expected);
    assert_eq!(std::fs::read(p.join("gbk.txt")).unwrap(), gbk_fixed.to_vec());
    assert_eq!(std::fs::read(p.join("bom.txt")).unwrap(), [&b"\xEF\xBB\xBF"[..], expected.as_bytes()].concat());
    let mut utf16_fixed = vec![0xFF, 0xFE];
    for u in expected.encode_utf16() {
        utf16_fixed.extend_from_slice(&u.to_le_bytes());
    }
    assert_eq!(std::fs::read(p.join("utf16.txt")).unwrap(), utf16_fixed);
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(p.join("gbk.txt")).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o640);
    }
    let names: Vec<String> =
        std::fs::read_dir(p).unwrap().map(|e| e.unwrap().file_name().to_string_lossy().into_owned()).collect();
    assert!(names.iter().all(|n| !n.contains("gwlint")), "temporary files left behind: {names:?}");
    let o = gwlint_in(p, &["check", "--fix", "."], None);
    assert!(stderr(&o).contains("已修复 0 处问题"), "{}", stderr(&o));
}

#[test]
fn diff_shows_changes_and_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let original = "关于开展检查的通知\n\n各单位：\n经研究,决定开展检查。\n";
    std::fs::write(dir.path().join("a.txt"), original).unwrap();
    let o = gwlint_in(dir.path(), &["check", "--diff", "a.txt"], None);
    assert_eq!(o.status.code(), Some(1));
    let out = stdout(&o);
    assert!(out.contains("-经研究,决定开展检查。") && out.contains("+经研究，决定开展检查。"), "{out}");
    assert_eq!(std::fs::read_to_string(dir.path().join("a.txt")).unwrap(), original);
}

#[test]
fn unsafe_fixes_only_with_the_flag_and_stdin_prints_the_fixed_text() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("gwlint.toml"), "[lint]\npacks = [\"p.toml\"]\n").unwrap();
    std::fs::write(
        dir.path().join("p.toml"),
        "[rule]\ncode = \"GW690\"\nname = \"house\"\ncategory = \"wording\"\nseverity = \"warning\"\nmessage = \"“{wrong}”应为“{right}”\"\nfix = \"unsafe\"\nsummary = \"s\"\ndocs = \"d\"\n\n[[entries]]\nwrong = \"市府\"\nright = \"市政府\"\n",
    )
    .unwrap();
    let input = "关于开展检查的通知\n\n各单位：\n报市府审定,请支持。\n";
    let o = gwlint_in(dir.path(), &["check", "--fix", "-"], Some(input.as_bytes()));
    assert_eq!(stdout(&o), "关于开展检查的通知\n\n各单位：\n报市府审定，请支持。\n");
    let o = gwlint_in(dir.path(), &["check", "--fix", "--unsafe-fixes", "-"], Some(input.as_bytes()));
    assert_eq!(stdout(&o), "关于开展检查的通知\n\n各单位：\n报市政府审定，请支持。\n");
}

/// The mutation fuzzer's minimised inputs (first byte: bit 0 = Markdown, bit 1 = unsafe fixes)
/// and the hand-made cases: every change `--fix` makes outside the spans the report showed is a
/// follow-on that it announces; a safe fix never removes the nesting of a forwarding title; the
/// fixed text is read back in the same encoding; and a second run changes nothing.
#[test]
fn fixes_outside_the_report_are_announced() {
    let dir = fixture("attacks/fix");
    let mut checked = 0;
    for path in walk(&dir).into_iter().filter(|p| p.extension().is_none_or(|e| e == "txt")) {
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        let raw = std::fs::read(&path).unwrap();
        let (mode, bytes) = if name.starts_with("min-") { (raw[0], raw[1..].to_vec()) } else { (0, raw) };
        let file = if mode & 1 == 1 { "a.md" } else { "a.txt" };
        let min = if mode & 2 == 2 || name.contains("unsafe") { Applicability::Unsafe } else { Applicability::Safe };
        let Ok(doc) = Document::parse(file, &bytes, &ParseOptions::default()) else { continue };
        let linter = Linter::with_defaults();
        let diags = linter.check(&doc);
        let mut allowed: Vec<Span> = Vec::new();
        for d in diags.iter().filter(|d| d.fix.as_ref().is_some_and(|f| f.applicability >= min)) {
            let fix = d.fix.as_ref().unwrap();
            for s in std::iter::once(d.span).chain(fix.edits.iter().map(|e| e.span)) {
                allowed.push(Span::new(doc.source_offset(s.start), doc.source_offset(s.end)));
            }
        }
        let fixed = fix_document(&doc, &linter, min, 8).unwrap();
        let outside = fixed.changed.iter().any(|c| !allowed.iter().any(|s| s.start <= c.start && c.end <= s.end));
        if outside {
            assert!(!fixed.follow_ons.is_empty(), "{name}: changed outside the report without saying so");
        }
        // A fix that would change how the file is read (a guessed encoding, damaged bytes) is
        // never written (the CLI says why); the rest must read back the same.
        if !doc.round_trips || !gwlint_core::fix::reads_back(&doc, &fixed.source, &ParseOptions::default()) {
            assert!(name.starts_with("min-fuzz-"), "{name}: an expected input cannot be written back");
            checked += 1;
            continue;
        }
        // Encoding stays what it was when the fixed bytes are read again.
        let written = gwlint_core::fix::encode(&fixed.source, doc.encoding, doc.bom);
        let reread = Document::parse(file, &written, &ParseOptions::default()).unwrap();
        assert_eq!(reread.encoding, doc.encoding, "{name}");
        let again = fix_document(&reread, &linter, min, 8).unwrap();
        assert_eq!(again.applied, 0, "{name}: a second run changed the text");
        checked += 1;
    }
    assert_eq!(checked, 38);
    // The nested forwarding title keeps its 的通知的通知的通知 (GW104 reports it; no safe fix).
    let text = std::fs::read_to_string(dir.join("FIX_outside_span_nested_title.txt")).unwrap();
    let doc = Document::from_text("t.txt", gwlint_core::SourceKind::Txt, &text).unwrap();
    let fixed = fix_document(&doc, &Linter::with_defaults(), Applicability::Safe, 8).unwrap();
    assert!(fixed.source.lines().next().unwrap().ends_with("的通知的通知的通知"), "{}", fixed.source);
}
