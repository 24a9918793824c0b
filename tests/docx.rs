//! .docx: reading, positions, layout rules on generated files, text-rule parity with .txt, and
//! a malformed set that must end in a clean error (never a panic, hang or abort).

use std::io::Write;
use std::time::Duration;

use docx_rs::{AlignmentType, Docx, PageMargin, Paragraph, Run, RunFonts, SpecialIndentType};
use gwlint_core::{Applicability, Diagnostic, Document, Linter, ParseOptions, SourceKind};

use crate::support::{fixture, gwlint_in, stdout};

/// One paragraph of a generated document: text, East Asian font, size, first-line indent.
pub struct Para<'a> {
    pub text: &'a str,
    pub font: &'a str,
    pub size: usize,
    pub indent: bool,
    pub center: bool,
    /// Right-aligned with a four-character right indent (署名, 成文日期).
    pub right: bool,
}

pub fn para<'a>(text: &'a str, font: &'a str, size: usize, indent: bool) -> Para<'a> {
    Para { text, font, size, indent, center: false, right: false }
}

/// Build a .docx with GB/T 9704 page setup unless `margins` overrides it (top, bottom, left,
/// right), and a "— 1 —" page number.
pub fn build_docx(paras: &[Para<'_>], margins: Option<(i32, i32, i32, i32)>) -> Vec<u8> {
    build_docx_with_footer(paras, margins, Some(("— ", " —")))
}

pub fn build_docx_with_footer(
    paras: &[Para<'_>],
    margins: Option<(i32, i32, i32, i32)>,
    page: Option<(&str, &str)>,
) -> Vec<u8> {
    let (t, b, l, r) = margins.unwrap_or((2098, 1984, 1587, 1474));
    let mut docx = Docx::new().page_size(11906, 16838).page_margin(PageMargin::new().top(t).bottom(b).left(l).right(r));
    if let Some((before, after)) = page {
        let footer = docx_rs::Footer::new().add_paragraph(
            Paragraph::new()
                .add_run(Run::new().add_text(before))
                .add_page_num(docx_rs::PageNum::new())
                .add_run(Run::new().add_text(after)),
        );
        docx = docx.footer(footer);
    }
    for p in paras {
        let run = Run::new().add_text(p.text).fonts(RunFonts::new().east_asia(p.font)).size(p.size);
        let mut paragraph = Paragraph::new().add_run(run);
        if p.indent {
            paragraph = paragraph.indent(None, Some(SpecialIndentType::FirstLine(640)), None, None);
        }
        if p.center {
            paragraph = paragraph.align(AlignmentType::Center);
        }
        if p.right {
            paragraph = paragraph.align(AlignmentType::Right).indent(None, None, Some(1280), None);
        }
        docx = docx.add_paragraph(paragraph);
    }
    let mut buf = std::io::Cursor::new(Vec::new());
    docx.build().pack(&mut buf).expect("pack");
    buf.into_inner()
}

pub fn good_paragraphs() -> Vec<Para<'static>> {
    let mut title = para("平安市人民政府办公室关于做好防汛工作的通知", "方正小标宋简体", 44, false);
    title.center = true;
    vec![
        title,
        para("", "仿宋_GB2312", 32, false),
        para("各县（市、区）人民政府：", "仿宋_GB2312", 32, false),
        para("为切实做好防汛工作，现就有关事项通知如下。", "仿宋_GB2312", 32, true),
        para("一、压实防汛责任", "黑体", 32, true),
        para("（一）落实行政首长负责制。", "楷体_GB2312", 32, true),
        para("各地要严格落实防汛责任制。", "仿宋_GB2312", 32, true),
        para("", "仿宋_GB2312", 32, false),
        Para { right: true, ..para("平安市人民政府办公室", "仿宋_GB2312", 32, false) },
        Para { right: true, ..para("2025年5月6日", "仿宋_GB2312", 32, false) },
    ]
}

fn lint(name: &str, bytes: &[u8]) -> (Document, Vec<Diagnostic>) {
    let doc = Document::parse(name, bytes, &ParseOptions::default()).unwrap();
    let d = Linter::with_defaults().check(&doc);
    (doc, d)
}

fn codes(d: &[Diagnostic]) -> Vec<String> {
    d.iter().map(|d| d.code.to_string()).collect()
}

#[test]
fn a_correct_document_passes_the_layout_rules() {
    let (doc, d) = lint("good.docx", &build_docx(&good_paragraphs(), None));
    assert_eq!(doc.kind, SourceKind::Docx);
    assert_eq!(doc.facts.genre.map(|g| g.as_str()), Some("通知"));
    assert_eq!(doc.facts.date.as_deref(), Some("2025年5月6日"));
    assert!(d.is_empty(), "{:?}", d.iter().map(|d| (&d.code, &d.message)).collect::<Vec<_>>());
}

#[test]
fn each_layout_error_is_reported_with_the_value_found() {
    let mut paras = good_paragraphs();
    paras[0] = para("平安市人民政府办公室关于做好防汛工作的通知", "宋体", 32, false);
    paras[3] = para("为切实做好防汛工作，现就有关事项通知如下。", "宋体", 24, false);
    paras[4] = para("一、压实防汛责任", "仿宋_GB2312", 32, true);
    paras[5] = para("（一）落实行政首长负责制。", "黑体", 32, true);
    let (_, d) = lint("bad.docx", &build_docx(&paras, Some((1440, 1440, 1800, 1800))));
    let messages: Vec<String> = d.iter().map(|d| format!("{} {}", d.code, d.message)).collect();
    for expected in [
        "GW701 上边距（天头）为 25.4 mm（应为 37 mm）",
        "GW701 左边距（订口）为 31.8 mm（应为 28 mm）",
        "GW702 标题字体为宋体（应为小标宋体）",
        "GW703 正文字体为宋体（应为仿宋_GB2312）",
        "GW704 一级标题字体为仿宋_GB2312（应为黑体）",
        "GW704 二级标题字体为黑体（应为楷体）",
        "GW705 正文段落首行未缩进两个字",
    ] {
        assert!(messages.iter().any(|m| m == expected), "missing «{expected}» in {messages:#?}");
    }
    // Fixes on a .docx are advice only: it is never rewritten.
    assert!(d.iter().filter_map(|d| d.fix.as_ref()).all(|f| f.applicability == Applicability::DisplayOnly));
}

#[test]
fn identical_findings_on_consecutive_runs_are_reported_once() {
    let mut paras = good_paragraphs();
    for p in paras.iter_mut().skip(2) {
        p.font = "宋体";
    }
    let (_, d) = lint("songti.docx", &build_docx(&paras, None));
    let body: Vec<&Diagnostic> = d.iter().filter(|d| d.code == "GW703").collect();
    // The headings between the paragraphs are GW704's: they do not split the finding.
    assert_eq!(body.len(), 1, "{:?}", body.iter().map(|d| &d.message).collect::<Vec<_>>());
}

/// Every text rule gives the same findings on a .docx as on the same text in a .txt.
#[test]
fn text_rules_find_the_same_on_docx_and_txt() {
    let linter = Linter::with_defaults();
    let dir = fixture("documents");
    let mut compared = 0;
    for entry in crate::fixtures::walk(&dir) {
        if entry.extension().is_none_or(|e| e != "txt") {
            continue;
        }
        let bytes = std::fs::read(&entry).unwrap();
        let txt = Document::parse("a.txt", &bytes, &ParseOptions::default()).unwrap();
        let lines: Vec<&str> = txt.text.trim_end_matches('\n').split('\n').collect();
        let paras: Vec<Para<'_>> = lines.iter().map(|l| para(l, "仿宋_GB2312", 32, false)).collect();
        let docx = Document::parse("a.docx", &build_docx(&paras, None), &ParseOptions::default()).unwrap();
        let key = |doc: &Document, d: &Diagnostic| {
            let p = doc.position(d.span.start);
            (d.code.to_string(), p.line, p.column, d.message.clone())
        };
        let from_txt: Vec<_> = linter.check(&txt).iter().map(|d| key(&txt, d)).collect();
        let from_docx: Vec<_> =
            linter.check(&docx).iter().filter(|d| !d.code.starts_with("GW7")).map(|d| key(&docx, d)).collect();
        assert_eq!(from_txt, from_docx, "{}", entry.display());
        compared += 1;
    }
    // Every .txt fixture document (13 of the 15; the other two are Markdown).
    assert_eq!(compared, 13);
}

/// The 行文规则 read addressees, signatures, requests and 版记 the same way in a .docx: every
/// routing rule fixture (fixtures/rules/GW2xx) gives the same findings as a .docx.
#[test]
fn routing_rules_find_the_same_on_docx_and_txt() {
    let mut compared = 0;
    for entry in crate::fixtures::walk(&fixture("rules")) {
        let code = entry.parent().and_then(|d| d.file_name()).map(|n| n.to_string_lossy().into_owned());
        if entry.extension().is_none_or(|e| e != "txt") || !code.is_some_and(|c| c.starts_with("GW2")) {
            continue;
        }
        let linter = crate::support::linter_for(&entry);
        let bytes = std::fs::read(&entry).unwrap();
        let txt = Document::parse("a.txt", &bytes, &ParseOptions::default()).unwrap();
        let lines: Vec<&str> = txt.text.trim_end_matches('\n').split('\n').collect();
        let paras: Vec<Para<'_>> = lines.iter().map(|l| para(l, "仿宋_GB2312", 32, false)).collect();
        let docx = Document::parse("a.docx", &build_docx(&paras, None), &ParseOptions::default()).unwrap();
        let routing = |doc: &Document| {
            linter
                .check(doc)
                .iter()
                .filter(|d| d.code.starts_with("GW2"))
                .map(|d| (d.code.to_string(), doc.position(d.span.start).line, d.message.clone()))
                .collect::<Vec<_>>()
        };
        assert_eq!(routing(&txt), routing(&docx), "{}", entry.display());
        compared += 1;
    }
    assert_eq!(compared, 43);
}

#[test]
fn positions_are_paragraph_numbers_in_json_and_human_output() {
    let dir = tempfile::tempdir().unwrap();
    let mut paras = good_paragraphs();
    paras[6] = para("各地要严格落实防汛责任制,做好准备。", "仿宋_GB2312", 32, true);
    std::fs::write(dir.path().join("a.docx"), build_docx(&paras, None)).unwrap();
    let o = gwlint_in(dir.path(), &["check", "--format", "json", "a.docx"], None);
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(v["files"][0]["kind"], "docx");
    let d = &v["diagnostics"][0];
    let start = &d["range"]["start"];
    assert_eq!(
        (d["code"].as_str(), start["line"].as_u64(), start["column"].as_u64()),
        (Some("GW401"), Some(7), Some(13))
    );
    assert!(start["byte"].is_null(), "a .docx paragraph has no file byte offset");
    assert_eq!(d["fix"]["applicability"], "display-only");
    let o = gwlint_in(dir.path(), &["check", "a.docx"], None);
    assert!(stdout(&o).contains("位置：第7段（“各地要严格落实防汛责…”）第13字"), "{}", stdout(&o));
    // --fix never rewrites a .docx.
    let before = std::fs::read(dir.path().join("a.docx")).unwrap();
    let _ = gwlint_in(dir.path(), &["check", "--fix", "a.docx"], None);
    assert_eq!(std::fs::read(dir.path().join("a.docx")).unwrap(), before);
}

pub fn zip_with(parts: &[(&str, &[u8])], deflate: bool) -> Vec<u8> {
    let mut buf = std::io::Cursor::new(Vec::new());
    {
        let mut z = zip::ZipWriter::new(&mut buf);
        let method = if deflate { zip::CompressionMethod::Deflated } else { zip::CompressionMethod::Stored };
        let opts = zip::write::SimpleFileOptions::default().compression_method(method);
        for (name, data) in parts {
            z.start_file(*name, opts).unwrap();
            z.write_all(data).unwrap();
        }
        z.finish().unwrap();
    }
    buf.into_inner()
}

const CONTENT_TYPES: &[u8] = br#"<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"></Types>"#;

pub fn document_xml(body: &str) -> Vec<u8> {
    format!(r#"<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>{body}</w:body></w:document>"#).into_bytes()
}

/// Parse in a thread with a deadline: a hang fails the test instead of blocking it. The deadline
/// is a hang guard, not a speed target (speed lives in BENCHMARKS.md), so it is generous enough
/// for a debug build on a loaded CI machine.
fn parse_within(name: &'static str, bytes: Vec<u8>) -> Result<Document, String> {
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::Builder::new()
        .stack_size(2 << 20)
        .spawn(move || {
            let _ = tx.send(Document::parse(name, &bytes, &ParseOptions::default()).map_err(|e| e.to_string()));
        })
        .unwrap();
    rx.recv_timeout(Duration::from_secs(60)).unwrap_or_else(|_| panic!("{name}: no answer within 60 s"))
}

#[test]
fn malformed_files_give_clean_errors() {
    let good = build_docx(&good_paragraphs(), None);
    let mut cases: Vec<(&'static str, Vec<u8>, &str)> = vec![
        ("truncated.docx", good[..good.len() / 2].to_vec(), "zip 结构损坏或文件被截断"),
        ("empty.docx", Vec::new(), "文件为空"),
        ("text.docx", "这是一段文字".as_bytes().to_vec(), "zip 结构损坏"),
        (
            "xlsx.docx",
            zip_with(&[("[Content_Types].xml", CONTENT_TYPES), ("xl/workbook.xml", b"<workbook/>")], true),
            "缺少正文部件 word/document.xml",
        ),
        (
            "truncated_xml.docx",
            zip_with(&[("word/document.xml", &document_xml("<w:p><w:r><w:t>文字</w:t></w:r></w:p>")[..120])], true),
            "XML",
        ),
        (
            "bomb.docx",
            zip_with(
                &[
                    ("word/document.xml", &document_xml("")),
                    ("word/media/zeros.xml", &[b"<a>".as_slice(), &vec![b' '; 20 << 20], b"</a>"].concat()),
                ],
                true,
            ),
            "压缩炸弹",
        ),
    ];
    // A corrupt deflate stream: damage the middle of a deflated document.xml.
    let mut corrupt = zip_with(
        &[("word/document.xml", &document_xml(&"<w:p><w:r><w:t>防汛工作通知</w:t></w:r></w:p>".repeat(200)))],
        true,
    );
    let mid = corrupt.len() / 3;
    for b in &mut corrupt[mid..mid + 40] {
        *b ^= 0x5A;
    }
    cases.push(("corrupt_deflate.docx", corrupt, ""));
    for (name, bytes, expected) in cases {
        let result = parse_within(name, bytes);
        let err = result.err().unwrap_or_else(|| panic!("{name} was accepted"));
        assert!(err.contains(expected), "{name}: {err}");
    }
    // Tables nested 400 deep: too deep for docx-rs, so the text is read without it (the text
    // reader is iterative) and the note says why.
    let deep = zip_with(
        &[(
            "word/document.xml",
            &document_xml(&format!(
                "{}<w:p><w:r><w:t>表格深处的文字,在此。</w:t></w:r></w:p>{}",
                "<w:tbl><w:tr><w:tc>".repeat(400),
                "</w:tc></w:tr></w:tbl>".repeat(400)
            )),
        )],
        true,
    );
    let doc = parse_within("deep.docx", deep).expect("read as text");
    assert!(doc.format.is_none());
    assert!(doc.notes.iter().any(|n| n.contains("嵌套达")), "{:?}", doc.notes);
    assert!(doc.text.contains("表格深处的文字,在此。"));
}

/// The parts of a generated document, to be changed and zipped again.
pub fn parts_of(docx: Vec<u8>) -> Vec<(String, Vec<u8>)> {
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(docx)).unwrap();
    let mut parts = Vec::new();
    for i in 0..archive.len() {
        let mut f = archive.by_index(i).unwrap();
        let mut data = Vec::new();
        std::io::Read::read_to_end(&mut f, &mut data).unwrap();
        parts.push((f.name().to_string(), data));
    }
    parts
}

pub fn rezip(parts: &[(String, Vec<u8>)]) -> Vec<u8> {
    let refs: Vec<(&str, &[u8])> = parts.iter().map(|(n, d)| (n.as_str(), d.as_slice())).collect();
    zip_with(&refs, true)
}

#[test]
fn a_file_docx_rs_cannot_read_falls_back_to_plain_text() {
    // One bad attribute value makes docx-rs reject the whole file; the text is still checked.
    let mut parts = parts_of(build_docx(&good_paragraphs(), None));
    for (name, data) in parts.iter_mut() {
        if name == "word/document.xml" {
            let s = String::from_utf8(data.clone()).unwrap();
            *data = s
                .replacen("<w:sz w:val=\"32\" />", "<w:sz w:val=\"abc\" />", 1)
                .replacen("<w:sz w:val=\"32\"/>", "<w:sz w:val=\"abc\"/>", 1)
                .into_bytes();
            assert!(String::from_utf8_lossy(data).contains("abc"), "the size attribute was not found");
        }
    }
    let doc = parse_within("bad_attribute.docx", rezip(&parts)).expect("read as plain text");
    assert_eq!(doc.facts.genre.map(|g| g.as_str()), Some("通知"));
    assert!(doc.format.is_none());
    let d = Linter::with_defaults().check(&doc);
    assert!(d.iter().any(|d| d.code == "GW700"), "{:?}", codes(&d));
}

#[test]
fn a_comment_without_id_never_panics() {
    let mut parts = parts_of(build_docx(&good_paragraphs(), None));
    let comments = br#"<?xml version="1.0" encoding="UTF-8"?><w:comments xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:comment w:author="a"><w:p><w:r><w:t>x</w:t></w:r></w:p></w:comment></w:comments>"#;
    match parts.iter_mut().find(|(n, _)| n == "word/comments.xml") {
        Some((_, data)) => *data = comments.to_vec(),
        None => parts.push(("word/comments.xml".into(), comments.to_vec())),
    }
    // Either read in full or read as plain text: never a panic or a hang.
    let doc = parse_within("comment.docx", rezip(&parts)).expect("readable");
    assert_eq!(doc.facts.genre.map(|g| g.as_str()), Some("通知"));
}

#[test]
fn legacy_formats_ask_to_save_as_docx_and_lock_files_are_skipped() {
    let dir = tempfile::tempdir().unwrap();
    for ext in ["doc", "wps", "pdf", "ofd"] {
        std::fs::write(dir.path().join(format!("old.{ext}")), b"\xd0\xcf\x11\xe0").unwrap();
    }
    std::fs::write(dir.path().join("~$new.docx"), b"lock").unwrap();
    std::fs::write(dir.path().join("new.docx"), build_docx(&good_paragraphs(), None)).unwrap();
    let o = gwlint_in(dir.path(), &["check", "."], None);
    assert_eq!(o.status.code(), Some(0), "the lock file is skipped: {}", crate::support::stderr(&o));
    let o = gwlint_in(dir.path(), &["check", "old.doc", "old.wps", "old.pdf", "old.ofd"], None);
    assert_eq!(o.status.code(), Some(2));
    let err = crate::support::stderr(&o);
    for ext in ["doc", "wps", "pdf", "ofd"] {
        assert!(err.contains(&format!("old.{ext}：不支持 .{ext} 文件：请在 Word 或 WPS 中“另存为” .docx")), "{err}");
    }
}

/// Writes the generated documents to $GWLINT_DOCX_OUT, to be saved again by a real word
/// processor (fixtures/docx/libreoffice/ holds LibreOffice's copies).
#[test]
#[ignore]
fn write_generated_docx() {
    let out = std::path::PathBuf::from(std::env::var("GWLINT_DOCX_OUT").expect("GWLINT_DOCX_OUT"));
    std::fs::write(out.join("good.docx"), build_docx(&good_paragraphs(), None)).unwrap();
    let mut paras = good_paragraphs();
    paras[3] = para("为切实做好防汛工作，现就有关事项通知如下。", "宋体", 24, false);
    std::fs::write(out.join("body_songti_no_indent.docx"), build_docx(&paras, Some((1440, 1440, 1800, 1800)))).unwrap();
}

#[test]
fn files_saved_by_libreoffice() {
    let dir = fixture("docx/libreoffice");
    let layout = |name: &str| -> Vec<String> {
        let bytes = std::fs::read(dir.join(name)).unwrap();
        let (doc, d) = lint(name, &bytes);
        assert!(doc.format.is_some(), "{name}: formatting was read");
        d.iter()
            .filter(|d| d.code.starts_with("GW7") && d.severity >= gwlint_core::Severity::Warning)
            .map(|d| format!("{} {}", d.code, d.message))
            .collect()
    };
    assert!(layout("good.docx").is_empty(), "{:?}", layout("good.docx"));
    let bad = layout("body_songti_no_indent.docx");
    assert!(bad.contains(&"GW703 正文字体为宋体（应为仿宋_GB2312）".to_string()), "{bad:?}");
    assert!(bad.iter().any(|m| m.starts_with("GW701 上边距（天头）为 25.4 mm")), "{bad:?}");
    // Fonts set only in basedOn paragraph styles are resolved: no font finding, but the indent
    // LibreOffice dropped is reported, and so are the 署名 and 日期 the HTML leaves at the left.
    let styled = layout("styles_from_html.docx");
    assert_eq!(
        styled,
        vec![
            "GW705 连续4个正文段落首行未缩进两个字".to_string(),
            "GW707 发文机关署名顶格排在左侧（应排在右侧，成文日期右空四字）".to_string(),
            "GW707 成文日期顶格排在左侧（应排在右侧，成文日期右空四字）".to_string(),
        ],
        "{styled:?}"
    );
}

#[test]
fn word_comments_suppress_rules_on_the_commented_paragraphs() {
    use docx_rs::Comment;
    let body = |text: &str| {
        Paragraph::new().add_run(Run::new().add_text(text).fonts(RunFonts::new().east_asia("仿宋_GB2312")).size(32))
    };
    let build = |comment: &str| {
        let c = Comment::new(1).author("审核").add_paragraph(Paragraph::new().add_run(Run::new().add_text(comment)));
        let addressee = body("王市长：").add_comment_start(c).add_comment_end(1);
        let mut buf = std::io::Cursor::new(Vec::new());
        Docx::new()
            .add_paragraph(body("平安市审计局关于开展审计的请示"))
            .add_paragraph(body(""))
            .add_paragraph(addressee)
            .add_paragraph(body("妥否，请批示。"))
            .build()
            .pack(&mut buf)
            .unwrap();
        buf.into_inner()
    };
    let (_, d) = lint("a.docx", &build("gwlint-disable GW204 -- 市长直接交办"));
    assert!(!codes(&d).contains(&"GW204".to_string()), "{:?}", codes(&d));
    let (_, d) = lint("b.docx", &build("请核对"));
    assert!(codes(&d).contains(&"GW204".to_string()), "an ordinary comment suppresses nothing");
    let (_, d) = lint("c.docx", &build("gwlint-disable GW601"));
    let unused: Vec<&str> = d.iter().filter(|d| d.code == "GW001").map(|d| d.message.as_str()).collect();
    assert_eq!(unused, vec!["第3段的 Word 抑制批注（GW601）没有抑制任何问题"]);
}

#[test]
fn page_numbers_in_the_footer() {
    let paras = good_paragraphs();
    let gw706 = |bytes: Vec<u8>| -> Vec<String> {
        let (_, d) = lint("p.docx", &bytes);
        d.iter().filter(|d| d.code == "GW706").map(|d| d.message.clone()).collect()
    };
    assert!(gw706(build_docx_with_footer(&paras, None, Some(("— ", " —")))).is_empty());
    assert_eq!(gw706(build_docx_with_footer(&paras, None, None)), vec!["页脚没有设置页码"]);
    assert_eq!(gw706(build_docx_with_footer(&paras, None, Some(("第", "页")))), vec!["页码写作“第1页”，应写作“— 1 —”"]);
}

/// A document with a Word text box whose DrawingML shape and VML fallback hold the same paragraph.
fn with_text_box(break_docx_rs: bool) -> Vec<u8> {
    let para = "<w:p><w:r><w:t>文本框中的说明文字。</w:t></w:r></w:p>";
    let text_box = format!(
        r#"<w:p><w:r><w:t>正文段落。</w:t></w:r><w:r><mc:AlternateContent xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"><mc:Choice Requires="wps"><w:drawing><wp:anchor xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" distT="0" distB="0" distL="0" distR="0" simplePos="0" relativeHeight="1" behindDoc="0" locked="0" layoutInCell="1" allowOverlap="1"><wp:simplePos x="0" y="0"/><wp:positionH relativeFrom="column"><wp:posOffset>0</wp:posOffset></wp:positionH><wp:positionV relativeFrom="paragraph"><wp:posOffset>0</wp:posOffset></wp:positionV><wp:extent cx="1000000" cy="500000"/><wp:docPr id="1" name="文本框 1"/><a:graphic xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"><a:graphicData uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"><wps:wsp xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"><wps:txbx><w:txbxContent>{para}</w:txbxContent></wps:txbx></wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing></mc:Choice><mc:Fallback><w:pict><v:shape xmlns:v="urn:schemas-microsoft-com:vml"><v:textbox><w:txbxContent>{para}</w:txbxContent></v:textbox></v:shape></w:pict></mc:Fallback></mc:AlternateContent></w:r><w:r><w:t>锚点后的文字,在此。</w:t></w:r></w:p>"#
    );
    let mut parts = parts_of(build_docx(&good_paragraphs(), None));
    for (name, data) in parts.iter_mut() {
        if name == "word/document.xml" {
            let mut s = String::from_utf8(data.clone()).unwrap();
            if break_docx_rs {
                s = s.replacen("<w:sz w:val=\"32\" />", "<w:sz w:val=\"abc\" />", 1).replacen(
                    "<w:sz w:val=\"32\"/>",
                    "<w:sz w:val=\"abc\"/>",
                    1,
                );
            }
            let at = s.find("<w:sectPr").expect("section properties");
            *data = format!("{}{text_box}{}", &s[..at], &s[at..]).into_bytes();
        }
    }
    rezip(&parts)
}

#[test]
fn text_box_paragraphs_are_read_once_after_their_anchor() {
    let doc = parse_within("text_box.docx", with_text_box(false)).expect("readable");
    assert!(doc.format.is_some(), "read by docx-rs, not by the plain-text fallback");
    assert_eq!(doc.text.matches("文本框中的说明文字").count(), 1, "{}", doc.text);
    let anchor = doc.text.find("正文段落。").expect("anchor paragraph");
    assert!(doc.text.find("文本框中的说明文字").unwrap() > anchor);
    // The anchor keeps its text after the box, and the box comes after the whole anchor.
    assert!(doc.text.contains("正文段落。锚点后的文字,在此。\n文本框中的说明文字。"), "{}", doc.text);
}

/// The plain-text fallback (docx-rs rejects the file) reads the same paragraphs as the normal
/// path: 第N段 and every position mean one thing on both paths.
#[test]
fn both_reading_paths_give_the_same_paragraphs_and_positions() {
    let normal = parse_within("box.docx", with_text_box(false)).expect("readable");
    let fallback = parse_within("box.docx", with_text_box(true)).expect("readable");
    assert!(normal.format.is_some() && fallback.format.is_none());
    assert_eq!(normal.text, fallback.text);
    let linter = Linter::with_defaults();
    let at = |doc: &Document| -> Vec<(String, usize, usize)> {
        linter
            .check(doc)
            .iter()
            .filter(|d| !d.code.starts_with("GW7"))
            .map(|d| {
                let p = doc.position(d.span.start);
                (d.code.to_string(), p.line, p.column)
            })
            .collect()
    };
    let found = at(&normal);
    assert!(found.iter().any(|(c, _, _)| c == "GW401"), "{found:?}");
    assert_eq!(found, at(&fallback));
    // The finding's characters are located in document.xml: the anchor paragraph's third run.
    let comma = normal.text.find("文字,").unwrap() + "文字".len();
    let loc = normal.docx_location(comma).unwrap();
    assert_eq!((loc.run, loc.node, loc.offset), (2, 0, "锚点后的文字".len()));
    assert_eq!(fallback.docx_location(comma), Some(loc));
}

#[test]
fn signature_and_date_at_the_left_margin() {
    let mut paras = good_paragraphs();
    let n = paras.len();
    paras[n - 1].right = false;
    paras[n - 2].right = false;
    let (_, d) = lint("left.docx", &build_docx(&paras, None));
    let found: Vec<&str> = d.iter().filter(|d| d.code == "GW707").map(|d| d.message.as_str()).collect();
    assert_eq!(
        found,
        vec![
            "发文机关署名顶格排在左侧（应排在右侧，成文日期右空四字）",
            "成文日期顶格排在左侧（应排在右侧，成文日期右空四字）"
        ]
    );
    // Placed with leading full-width spaces instead of alignment: accepted.
    let signature = format!("{}平安市人民政府办公室", "\u{3000}".repeat(12));
    let date = format!("{}2025年5月6日", "\u{3000}".repeat(13));
    paras[n - 2] = para(&signature, "仿宋_GB2312", 32, false);
    paras[n - 1] = para(&date, "仿宋_GB2312", 32, false);
    let (_, d) = lint("spaces.docx", &build_docx(&paras, None));
    assert!(!codes(&d).contains(&"GW707".to_string()), "{:?}", codes(&d));
}
