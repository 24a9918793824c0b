//! Hostile inputs (fixtures/attacks and generated ones): each used to hang gwlint, abort it or
//! exhaust memory. Run through the built binary as a user would, each within a deadline that
//! guards against a hang (speed itself is recorded in BENCHMARKS.md, not asserted here).

use std::io::Write;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::Duration;

use crate::docx::{build_docx, document_xml, good_paragraphs, parts_of, rezip, zip_with};
use crate::support::fixture;

/// `gwlint check --format json FILE`: (exit code, report, stderr). Fails the test when the
/// program runs past the deadline (it is killed first).
fn check(path: &Path) -> (i32, serde_json::Value, String) {
    let child = Command::new(env!("CARGO_BIN_EXE_gwlint"))
        .args(["check", "--no-config", "--format", "json"])
        .arg(path)
        .env("NO_COLOR", "1")
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn gwlint");
    let pid = child.id();
    // The output is drained on another thread (a full pipe would block the child).
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let _ = tx.send(child.wait_with_output());
    });
    let out = match rx.recv_timeout(Duration::from_secs(120)) {
        Ok(out) => out.expect("output"),
        Err(_) => {
            let _ = Command::new("kill").arg("-9").arg(pid.to_string()).status();
            panic!("{}: no answer within 120 s", path.display());
        }
    };
    let report = serde_json::from_slice(&out.stdout).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    (out.status.code().expect("exit code, not a signal"), report, String::from_utf8_lossy(&out.stderr).into_owned())
}

/// The text-only note (GW700) of a report.
fn note(report: &serde_json::Value) -> String {
    report["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["code"] == "GW700")
        .map(|d| d["message"].as_str().unwrap().to_string())
        .unwrap_or_default()
}

#[test]
fn docx_parts_that_hung_or_overflowed_are_read_as_text() {
    let cases = [
        ("HANG_empty_styles_xml.docx", "word/styles.xml"),
        ("HANG_min_empty_styles.docx", "word/styles.xml"),
        ("HANG_styles_xml_wrong_root.docx", "根元素应为 styles"),
        ("HANG_empty_document_rels.docx", "document.xml.rels"),
        ("HANG_min_empty_document_rels.docx", "document.xml.rels"),
        ("HANG_document_rels_wrong_root.docx", "根元素应为 Relationships"),
        ("HANG_truncated_styles_named_bin.docx", "XML"),
        ("ABORT_min_stackoverflow_footer_bin.docx", "嵌套达"),
        ("ABORT_stackoverflow_1000_tables_in_footer_bin.docx", "嵌套达"),
        ("ABORT_stackoverflow_nested_tables_main_part_bin.docx", "嵌套达"),
    ];
    for (name, why) in cases {
        let (code, report, err) = check(&fixture(&format!("attacks/docx/{name}")));
        assert!(code == 0 || code == 1, "{name}: exit {code}: {err}");
        assert_eq!(report["files"].as_array().unwrap().len(), 1, "{name}");
        let note = note(&report);
        assert!(note.contains("已改用纯文本提取") && note.contains(why), "{name}: {note}");
    }
}

#[test]
fn an_encrypted_docx_says_so() {
    let (code, report, err) = check(&fixture("attacks/docx/MSG_encrypted.docx"));
    assert_eq!(code, 2);
    assert!(report["errors"][0]["message"].as_str().unwrap().contains("加密的 Word 文档"), "{err}");
}

/// Patch the uncompressed size an entry's local and central headers claim.
fn lie_about_size(mut zip: Vec<u8>, name: &str, claimed: u32) -> Vec<u8> {
    let mut patched = 0;
    let mut i = 0;
    while i + 46 < zip.len() {
        let sig = u32::from_le_bytes(zip[i..i + 4].try_into().unwrap());
        let (size_at, name_len_at, name_at) = match sig {
            0x0403_4b50 => (22, 26, 30),
            0x0201_4b50 => (24, 28, 46),
            _ => {
                i += 1;
                continue;
            }
        };
        let len = u16::from_le_bytes(zip[i + name_len_at..i + name_len_at + 2].try_into().unwrap()) as usize;
        if zip.get(i + name_at..i + name_at + len) == Some(name.as_bytes()) {
            zip[i + size_at..i + size_at + 4].copy_from_slice(&claimed.to_le_bytes());
            patched += 1;
        }
        i += 4;
    }
    assert_eq!(patched, 2, "local and central header of {name}");
    zip
}

/// A generated document with one more part: `extra` under `name` (deflated).
fn with_part(name: &str, extra: &[u8]) -> Vec<u8> {
    let mut parts = parts_of(build_docx(&good_paragraphs(), None));
    parts.push((name.to_string(), extra.to_vec()));
    rezip(&parts)
}

#[test]
fn zip_bombs_whose_headers_lie_are_bounded() {
    let dir = tempfile::tempdir().unwrap();
    // An image that claims 1 KB and inflates to 100 MB: never inflated, never handed on.
    let image =
        lie_about_size(with_part("word/media/image1.png", &vec![0u8; 100 << 20]), "word/media/image1.png", 1000);
    std::fs::write(dir.path().join("image.docx"), image).unwrap();
    let (code, report, err) = check(&dir.path().join("image.docx"));
    assert!(code == 0 || code == 1, "{err}");
    assert!(note(&report).is_empty(), "read with its formatting: {}", note(&report));
    // The main part itself: XML that claims 1 KB and inflates past every limit.
    let mut body = b"<w:document xmlns:w=\"x\"><w:body>".to_vec();
    body.resize(100 << 20, b' ');
    let bomb = lie_about_size(zip_with(&[("word/document.xml", &body)], true), "word/document.xml", 1000);
    std::fs::write(dir.path().join("bomb.docx"), bomb).unwrap();
    let (code, report, _) = check(&dir.path().join("bomb.docx"));
    assert_eq!(code, 2);
    assert!(report["errors"][0]["message"].as_str().unwrap().contains("压缩炸弹"), "{report}");
}

#[test]
fn a_huge_document_part_is_read_as_text_without_the_layout_reader() {
    let dir = tempfile::tempdir().unwrap();
    let para = "<w:p><w:r><w:t>各地要严格落实防汛责任制,做好准备工作。</w:t></w:r></w:p>";
    let body = para.repeat(8 << 20 >> 7);
    let mut parts = parts_of(build_docx(&good_paragraphs(), None));
    for (name, data) in parts.iter_mut() {
        if name == "word/document.xml" {
            *data = document_xml(&body);
        }
    }
    let path = dir.path().join("big.docx");
    std::fs::write(&path, rezip(&parts)).unwrap();
    let (code, report, err) = check(&path);
    assert_eq!(code, 1, "{err}");
    assert!(note(&report).contains("文档正文部件较大"), "{}", note(&report));
    let commas = report["diagnostics"].as_array().unwrap().iter().filter(|d| d["code"] == "GW401").count();
    assert_eq!(commas, 8 << 20 >> 7);
}

#[test]
fn many_styles_and_paragraphs_are_linear() {
    // 20,000 styles, each paragraph naming one: the style lookup is a map, not a scan.
    let styles: String = (0..20_000)
        .map(|i| format!("<w:style w:type=\"paragraph\" w:styleId=\"S{i}\"><w:name w:val=\"S{i}\"/></w:style>"))
        .collect();
    let styles = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?><w:styles xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">{styles}</w:styles>"
    );
    let body: String = (0..8_000)
        .map(|i| format!("<w:p><w:pPr><w:pStyle w:val=\"S{}\"/></w:pPr><w:r><w:t>第{i}段。</w:t></w:r></w:p>", i * 2))
        .collect();
    let mut parts = parts_of(build_docx(&good_paragraphs(), None));
    for (name, data) in parts.iter_mut() {
        if name == "word/styles.xml" {
            *data = styles.clone().into_bytes();
        }
        if name == "word/document.xml" {
            let s = String::from_utf8(data.clone()).unwrap();
            let at = s.find("<w:sectPr").unwrap();
            *data = format!("{}{body}{}", &s[..at], &s[at..]).into_bytes();
        }
    }
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("styles.docx");
    std::fs::write(&path, rezip(&parts)).unwrap();
    let (code, report, err) = check(&path);
    assert!(code == 0 || code == 1, "{err}");
    assert!(note(&report).is_empty(), "read with its formatting: {}", note(&report));
}

#[test]
fn pathological_texts_finish() {
    // 256 KB each: linear code answers in about a second even in a debug build; the quadratic
    // code these replace took minutes at this size (BENCHMARKS.md has the 1 MB timings).
    let dir = tempfile::tempdir().unwrap();
    let head = "关于开展安全检查的通知\n\n各单位：\n";
    let cases: Vec<(&str, String)> = vec![
        ("halfwidth.txt", format!("{head}{}\n", "经研究,决定开展安全检查.为此,现通知如下:".repeat(1 << 18 >> 6))),
        ("quotes.txt", format!("{head}{}\n", "“".repeat(1 << 18 >> 2))),
        ("parens.txt", format!("{head}{}\n", "（".repeat(1 << 18 >> 2))),
        (
            "short_names.txt",
            format!(
                "{head}{}",
                (0..8000)
                    .map(|i| format!("第{i}工作领导小组办公室（以下简称“办{i}”）负责统筹，办{i}要加强协调，领导小组办公室要落实。\n"))
                    .collect::<String>()
                    // One full name written again: reported once, against the nearest introduction.
                    + "　　各单位要配合第7999工作领导小组办公室开展工作。\n"
            ),
        ),
    ];
    for (name, text) in cases {
        let path = dir.path().join(name);
        std::fs::File::create(&path).unwrap().write_all(text.as_bytes()).unwrap();
        let (code, report, err) = check(&path);
        assert_eq!(code, 1, "{name}: {err}");
        assert!(!report["diagnostics"].as_array().unwrap().is_empty(), "{name}");
        if name == "short_names.txt" {
            let gw608: Vec<&serde_json::Value> =
                report["diagnostics"].as_array().unwrap().iter().filter(|d| d["code"] == "GW608").collect();
            assert_eq!(gw608.len(), 1, "{gw608:?}");
            assert!(gw608[0]["message"].as_str().unwrap().contains("已简称为“办7999”"), "{gw608:?}");
        }
    }
}

#[test]
fn fifos_and_devices_are_refused_with_a_message() {
    #[cfg(unix)]
    {
        let dir = tempfile::tempdir().unwrap();
        let fifo = dir.path().join("pipe.txt");
        assert!(Command::new("mkfifo").arg(&fifo).status().unwrap().success());
        let (code, report, _) = check(&fifo);
        assert_eq!(code, 2);
        assert!(report["errors"][0]["message"].as_str().unwrap().contains("命名管道"), "{report}");
        let zero = dir.path().join("zero.txt");
        std::os::unix::fs::symlink("/dev/zero", &zero).unwrap();
        let (code, report, _) = check(&zero);
        assert_eq!(code, 2);
        assert!(report["errors"][0]["message"].as_str().unwrap().contains("设备"), "{report}");
        // inspect too: it used to block on the pipe and read /dev/zero without end.
        for p in [&fifo, &zero] {
            let o = Command::new(env!("CARGO_BIN_EXE_gwlint")).arg("inspect").arg(p).output().unwrap();
            assert_eq!(o.status.code(), Some(2));
            assert!(String::from_utf8_lossy(&o.stderr).contains("不是普通文件"));
        }
    }
}

/// The default human output on a paragraph of 120,000 characters with findings in it and over
/// all of it (the attack notes saw a panic inside miette at 100,000).
#[test]
fn human_output_on_a_very_long_line() {
    let dir = tempfile::tempdir().unwrap();
    let line = "各单位要认真贯彻落实".repeat(6000);
    let text = format!("关于开展检查的通知\n\n各单位：\n{line},现通知如下{line}。\n");
    let path = dir.path().join("long.txt");
    std::fs::write(&path, text).unwrap();
    let o = Command::new(env!("CARGO_BIN_EXE_gwlint")).arg("check").arg(&path).env("NO_COLOR", "1").output().unwrap();
    assert_eq!(o.status.code(), Some(1), "{}", String::from_utf8_lossy(&o.stderr));
    let out = String::from_utf8_lossy(&o.stdout);
    assert!(out.contains("GW401") && out.contains("long.txt:4:60001"), "{}", &out[..out.len().min(2000)]);
}
