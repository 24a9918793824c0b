//! `gwlint annotate`: the findings as Word comments on exactly their characters, the rest of the
//! package untouched, the drafter's own comments kept; malformed input ends in a clean error.

use std::io::{Cursor, Read};

use docx_rs::{Comment, Docx, Paragraph, Run, RunFonts};
use gwlint_core::annotate::{annotate_docx, commented_text, AnnotateOptions, AUTHOR};
use gwlint_core::{Diagnostic, Document, Linter, ParseOptions};

use crate::support::{fixture, gwlint_in, json_lines, stderr, stdout};

fn body(text: &str) -> Paragraph {
    Paragraph::new().add_run(Run::new().add_text(text).fonts(RunFonts::new().east_asia("仿宋_GB2312")).size(32))
}

/// A 请示 with typography and wording errors, a paragraph in two runs, and a reviewer's comment.
fn draft() -> Vec<u8> {
    let reviewer =
        Comment::new(1).author("审核").add_paragraph(Paragraph::new().add_run(Run::new().add_text("请核对")));
    let split = Paragraph::new()
        .add_run(Run::new().add_text("我局拟于2025年6月").bold())
        .add_run(Run::new().add_text("开展审计,请予批准。"));
    let mut buf = Cursor::new(Vec::new());
    Docx::new()
        .add_paragraph(body("平安市审计局关于开展专项审计的请示"))
        .add_paragraph(body(""))
        .add_paragraph(body("市人民政府：").add_comment_start(reviewer).add_comment_end(1))
        .add_paragraph(split)
        .add_paragraph(body("以上请示妥否,请批示。"))
        .build()
        .pack(&mut buf)
        .unwrap();
    buf.into_inner()
}

fn lint(bytes: &[u8]) -> (Document, Vec<Diagnostic>) {
    let doc = Document::parse("draft.docx", bytes, &ParseOptions::default()).unwrap();
    let d = Linter::with_defaults().check(&doc);
    (doc, d)
}

/// Every entry of a package: name, the stored (compressed) bytes and the CRC.
fn raw_entries(bytes: &[u8]) -> Vec<(String, Vec<u8>, u32)> {
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes)).unwrap();
    (0..zip.len())
        .map(|i| {
            let mut f = zip.by_index_raw(i).unwrap();
            let mut data = Vec::new();
            f.read_to_end(&mut data).unwrap();
            (f.name().to_string(), data, f.crc32())
        })
        .collect()
}

fn part(bytes: &[u8], name: &str) -> String {
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes)).unwrap();
    let mut s = String::new();
    zip.by_name(name).unwrap().read_to_string(&mut s).unwrap();
    s
}

#[test]
fn each_finding_is_a_comment_on_its_characters_and_nothing_else_changes() {
    comments_on_characters_and_nothing_else(&draft());
}

/// A LibreOffice-saved document with a footnote, a table, an image, a reviewer's comment and
/// tracked insertion, and a page-number field in its footer: all of it stays.
#[test]
fn footnotes_images_tables_fields_comments_and_revisions_stay() {
    let original = std::fs::read(fixture("docx/libreoffice/rich.docx")).unwrap();
    let out = comments_on_characters_and_nothing_else(&original);
    let xml = part(&out, "word/document.xml");
    assert!(xml.contains("w:author=\"审核人\""), "the reviewer's tracked insertion");
    assert!(xml.contains("w:footnoteReference") && xml.contains("<w:drawing>") && xml.contains("<w:tbl>"));
    let names: Vec<String> = raw_entries(&out).into_iter().map(|e| e.0).collect();
    for kept in ["word/media/image1.png", "word/footnotes.xml", "word/footer1.xml"] {
        assert!(names.iter().any(|n| n == kept), "{kept}");
    }
    assert!(part(&out, "word/footer1.xml").contains("PAGE"));
}

/// Annotate `original` and check what every annotated copy must be; returns the copy.
fn comments_on_characters_and_nothing_else(original: &[u8]) -> Vec<u8> {
    let original = original.to_vec();
    let (doc, diags) = lint(&original);
    assert!(diags.len() >= 3, "the draft has findings to put in comments");
    let out = annotate_docx(&original, &doc, &diags, AnnotateOptions::default()).unwrap();
    assert_eq!(out.on_characters + out.on_paragraphs, diags.len());

    // The parts gwlint does not write are the same stored bytes.
    let changed = ["word/document.xml", "word/comments.xml"];
    let before = raw_entries(&original);
    let after = raw_entries(&out.bytes);
    for (name, data, crc) in &before {
        if changed.contains(&name.as_str()) {
            continue;
        }
        let (_, d, c) = after.iter().find(|(n, _, _)| n == name).unwrap_or_else(|| panic!("{name} is kept"));
        assert!(d == data && c == crc, "{name} is copied byte for byte");
    }
    assert_eq!(before.len(), after.len(), "no part added: the draft already had a comments part");

    // The reviewer's comment stays; one gwlint comment per finding, with code and help.
    let comments = part(&out.bytes, "word/comments.xml");
    assert!(comments.contains("w:author=\"审核") && comments.contains("请核对"));
    assert_eq!(comments.matches(&format!("w:author=\"{AUTHOR}\"")).count(), diags.len());
    for d in &diags {
        assert!(comments.contains(&*d.code), "{} in a comment", d.code);
    }

    // Each comment covers exactly the finding's characters.
    let covered = commented_text(part(&out.bytes, "word/document.xml").as_bytes());
    let first_id = *covered.keys().filter(|id| **id > 1).min().unwrap();
    let mut exact = 0;
    for (k, d) in diags.iter().enumerate() {
        let id = first_id + k as u32;
        let text = covered.get(&id).unwrap_or_else(|| panic!("comment {id} for {} is placed", d.code));
        let p = doc.paragraph_at(d.span.start).unwrap();
        if d.span.end > d.span.start {
            // A finding running over several paragraphs is marked in its first one.
            let end = d.span.end.min(p.line.end);
            assert_eq!(text, &doc.text[d.span.start..end], "{} covers its characters", d.code);
            exact += 1;
        } else {
            assert!(!text.is_empty(), "{} without characters is put on a paragraph", d.code);
        }
    }
    assert_eq!(exact, out.on_characters);

    // The annotated copy reads as the same document with the same findings.
    let (again, diags_again) = lint(&out.bytes);
    assert_eq!(again.text, doc.text);
    let key = |d: &Diagnostic| (d.code.to_string(), d.span);
    assert_eq!(diags_again.iter().map(key).collect::<Vec<_>>(), diags.iter().map(key).collect::<Vec<_>>());
    out.bytes
}

#[test]
fn a_package_without_comments_gets_a_comments_part_its_relationship_and_content_type() {
    let bytes = std::fs::read(fixture("docx/libreoffice/styles_from_html.docx")).unwrap();
    let (doc, diags) = lint(&bytes);
    assert!(!diags.is_empty());
    let out = annotate_docx(&bytes, &doc, &diags, AnnotateOptions::default()).unwrap();
    assert!(
        part(&out.bytes, "word/_rels/document.xml.rels").contains("relationships/comments\" Target=\"comments.xml\"")
    );
    assert!(part(&out.bytes, "[Content_Types].xml").contains("/word/comments.xml"));
    assert_eq!(part(&out.bytes, "word/comments.xml").matches("<w:comment ").count(), diags.len());
    // The layout rules still read it: the copy is a valid package for docx-rs too.
    let (again, _) = lint(&out.bytes);
    assert!(again.format.is_some(), "docx-rs reads the annotated copy");
}

#[test]
fn the_command_writes_a_copy_beside_the_draft_and_refuses_what_it_cannot_do() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("草稿.docx"), draft()).unwrap();
    let o = gwlint_in(dir.path(), &["annotate", "草稿.docx"], None);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(stdout(&o).starts_with("已写出 草稿-gwlint.docx："), "{}", stdout(&o));
    let written = std::fs::read(dir.path().join("草稿-gwlint.docx")).unwrap();
    assert!(part(&written, "word/comments.xml").contains("gwlint"));
    assert_eq!(std::fs::read(dir.path().join("草稿.docx")).unwrap(), draft(), "the draft itself is untouched");

    let o = gwlint_in(dir.path(), &["annotate", "草稿.docx", "--fix-as-revisions", "-o", "修订.docx"], None);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(stdout(&o).contains("2 处安全修复已写成修订"), "{}", stdout(&o));
    assert!(part(&std::fs::read(dir.path().join("修订.docx")).unwrap(), "word/document.xml").contains("<w:ins "));

    let o = gwlint_in(dir.path(), &["annotate", "草稿.docx", "-o", "草稿.docx"], None);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("草稿.docx：批注版不能覆盖原文件"), "{}", stderr(&o));

    std::fs::write(dir.path().join("a.txt"), "正文").unwrap();
    let o = gwlint_in(dir.path(), &["annotate", "a.txt", "--fix-as-revisions"], None);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("a.txt：修订只能写进 .docx"), "{}", stderr(&o));
    let o = gwlint_in(dir.path(), &["annotate", "missing.docx"], None);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("missing.docx："), "{}", stderr(&o));
}

#[test]
fn hostile_files_end_in_a_clean_error_naming_the_file() {
    let dir = tempfile::tempdir().unwrap();
    let attacks = fixture("attacks/docx");
    let mut seen = 0;
    for entry in std::fs::read_dir(&attacks).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_none_or(|e| e != "docx") {
            continue;
        }
        seen += 1;
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        std::fs::copy(&path, dir.path().join(&name)).unwrap();
        let o = gwlint_in(dir.path(), &["annotate", &name], None);
        let err = stderr(&o);
        assert!(!err.contains("panicked"), "{name}: {err}");
        match o.status.code() {
            Some(0) => assert!(stdout(&o).contains("已写出"), "{name}"),
            Some(2) => assert!(err.contains(&name), "{name}: {err}"),
            other => panic!("{name}: exit {other:?}"),
        }
    }
    assert!(seen >= 10, "the attack files are there");
}

#[test]
fn safe_fixes_become_tracked_changes_that_give_the_fixed_text_when_accepted() {
    let original = draft();
    let (doc, diags) = lint(&original);
    let safe: Vec<&Diagnostic> = diags.iter().filter(|d| d.fix.as_ref().is_some_and(|f| f.safe_as_revision)).collect();
    assert!(safe.len() >= 2, "the draft's half-width commas have safe fixes");
    let out = annotate_docx(&original, &doc, &diags, AnnotateOptions { fix_as_revisions: true }).unwrap();
    assert_eq!(out.revisions + out.fixes_as_advice, safe.len());
    assert_eq!(out.revisions, safe.len(), "each comma sits inside one run");
    let xml = part(&out.bytes, "word/document.xml");
    assert_eq!(xml.matches("<w:del ").count(), safe.len());
    assert_eq!(xml.matches("<w:ins ").count(), safe.len());
    assert!(xml.contains("<w:delText xml:space=\"preserve\">,</w:delText>"));
    // Accepting every revision (the text Word shows, which is what gwlint reads: deleted text is
    // not read) gives the draft with the fixes applied; the findings they fix are gone.
    let (accepted, after) = lint(&out.bytes);
    assert_eq!(accepted.text, doc.text.replace(',', "，"));
    // The same text as `--fix` gives on the draft's text as a .txt.
    let txt = Document::from_text("draft.txt", gwlint_core::SourceKind::Txt, &doc.text).unwrap();
    let txt_diags = Linter::with_defaults().check(&txt);
    let fixed = gwlint_core::fix::apply_fixes(&txt.text, &txt_diags, gwlint_core::Applicability::Safe);
    assert_eq!(accepted.text, fixed.text, "accepting the revisions is what --fix does");
    for d in &safe {
        assert!(!after.iter().any(|a| a.code == d.code && a.message == d.message), "{} is fixed", d.code);
    }
    // The comments are still on their characters (the deleted comma inside them).
    assert_eq!(commented_text(xml.as_bytes()).len() - 1, diags.len());
}

#[test]
fn a_text_draft_gets_a_page_with_its_findings_marked_and_explained() {
    let dir = tempfile::tempdir().unwrap();
    let draft =
        "平安市审计局关于开展审计的请示\n\n王市长：\n　　我局拟开展审计,请予批准<b>。\n\n平安市审计局\n2025年6月1日\n";
    std::fs::write(dir.path().join("请示.txt"), draft).unwrap();
    let o = gwlint_in(dir.path(), &["annotate", "请示.txt"], None);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let check = gwlint_in(dir.path(), &["check", "--format", "json", "--exit-zero", "请示.txt"], None);
    let findings =
        serde_json::from_str::<serde_json::Value>(&stdout(&check)).unwrap()["diagnostics"].as_array().unwrap().len();
    assert!(stdout(&o).starts_with(&format!("已写出 请示-gwlint.html：{findings} 条问题")), "{}", stdout(&o));
    let page = std::fs::read_to_string(dir.path().join("请示-gwlint.html")).unwrap();
    // Self-contained: no script, no request to any host; the text escaped.
    assert!(!page.contains("<script") && !page.contains("http://") && !page.contains("https://"));
    assert!(page.contains("&lt;b&gt;") && !page.contains("<b>"));
    // Every finding is numbered in the text and listed with its rule.
    assert_eq!(page.matches("class=\"ref ").count(), findings);
    assert_eq!(page.matches("<li id=\"f").count(), findings);
    assert!(
        page.contains("GW204") && page.contains("<mark class=\"warning\">,</mark>")
            || page.contains("<mark class=\"error\">,</mark>")
    );
    assert_eq!(page.matches("<p>").count(), draft.lines().count(), "one paragraph per line");
}

/// A program the interop tests need: found, or (outside CI) a note that the check did not run.
fn tool(program: &str, probe: &[&str]) -> Option<String> {
    let found = std::process::Command::new(program).args(probe).output().is_ok_and(|o| o.status.success());
    if !found {
        assert!(std::env::var_os("CI").is_none(), "CI installs {program} (.ci/run)");
        eprintln!("{program} is not available here: this interoperability check did not run");
    }
    found.then(|| program.to_string())
}

#[test]
fn annotated_copies_open_in_python_docx_and_libreoffice() {
    let python = std::env::var("GWLINT_PYTHON").unwrap_or_else(|_| "python3".into());
    let python = tool(&python, &["-c", "import docx"]);
    let soffice = tool("soffice", &["--version"]);
    if python.is_none() && soffice.is_none() {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let mut inputs: Vec<(String, Vec<u8>)> = vec![("draft.docx".into(), draft())];
    for name in ["good.docx", "body_songti_no_indent.docx", "styles_from_html.docx", "rich.docx"] {
        inputs.push((name.into(), std::fs::read(fixture(&format!("docx/libreoffice/{name}"))).unwrap()));
    }
    let mut written = Vec::new();
    let mut originals = Vec::new();
    for (name, bytes) in &inputs {
        let original = dir.path().join(name);
        std::fs::write(&original, bytes).unwrap();
        originals.push(original);
        let (doc, diags) = lint(bytes);
        for revisions in [false, true] {
            let out = annotate_docx(bytes, &doc, &diags, AnnotateOptions { fix_as_revisions: revisions }).unwrap();
            let path = dir.path().join(format!("{}-{revisions}.docx", name.trim_end_matches(".docx")));
            std::fs::write(&path, &out.bytes).unwrap();
            written.push((path, doc.text.clone(), diags.len(), revisions));
        }
    }
    if let Some(python) = python {
        let o = std::process::Command::new(python)
            .arg(crate::support::root().join("tests/interop/read_docx.py"))
            .args(written.iter().map(|w| &w.0))
            .args(&originals)
            .output()
            .unwrap();
        assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
        let all = json_lines(&o);
        let (lines, before) = all.split_at(written.len());
        for (k, ((path, _, findings, revisions), read)) in written.iter().zip(lines).enumerate() {
            let comments = read["comments"].as_array().unwrap();
            let ours = comments.iter().filter(|c| c["author"] == AUTHOR).count();
            assert_eq!(ours, *findings, "{}: one comment per finding", path.display());
            if !revisions {
                // Without revisions python-docx reads the same paragraphs as in the original.
                assert_eq!(read["paragraphs"], before[k / 2]["paragraphs"], "{}", path.display());
            }
        }
        assert!(lines[0]["comments"].as_array().unwrap().iter().any(|c| c["author"] == "审核"));
        assert!(lines.last().unwrap()["comments"].as_array().unwrap().iter().any(|c| c["author"] == "审核人"));
    }
    if let Some(soffice) = soffice {
        let profile = dir.path().join("lo-profile");
        let o = std::process::Command::new(soffice)
            .arg(format!("-env:UserInstallation=file://{}", profile.display()))
            .args(["--headless", "--convert-to", "txt:Text (encoded):UTF8", "--outdir"])
            .arg(dir.path().join("txt"))
            .args(written.iter().map(|w| &w.0))
            .output()
            .unwrap();
        assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
        for (path, text, _, _) in &written {
            let txt = dir.path().join("txt").join(path.with_extension("txt").file_name().unwrap());
            let converted = std::fs::read_to_string(&txt).unwrap_or_else(|e| panic!("{}: {e}", txt.display()));
            let first = text.lines().find(|l| !l.trim().is_empty()).unwrap();
            assert!(converted.contains(first.trim()), "{}: LibreOffice reads the text", path.display());
        }
    }
}
