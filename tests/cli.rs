//! End-to-end tests on the built binary: exit codes, formats, stdin, bad input, config.

use std::io::Read;
use std::process::{Command, Stdio};

use crate::support::{fixture, gwlint, gwlint_in, root, stderr, stdout};

#[test]
fn checking_the_fixture_documents_reports_findings_with_exit_1() {
    let o = gwlint(&["check", "fixtures/documents"]);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    let out = stdout(&o);
    assert!(out.contains("GW601 common-typos"), "{out}");
    assert!(out.contains("错别字：“贯澈”应为“贯彻”"), "{out}");
    assert!(out.contains("fixtures/documents/03_baogao_errors.txt:4:27"), "{out}");
    assert!(out.contains("检查了 15 个文件"), "{out}");
}

#[test]
fn a_clean_document_exits_0() {
    let o = gwlint(&["check", "fixtures/documents/02_qingshi_clean.txt"]);
    assert_eq!(o.status.code(), Some(0), "{}", stdout(&o));
    assert!(stdout(&o).contains("检查了 1 个文件，未发现问题。"));
}

#[test]
fn concise_format_is_one_line_per_finding() {
    let o = gwlint(&["check", "--format", "concise", "fixtures/documents/07_tongbao_errors.txt"]);
    let out = stdout(&o);
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(
        lines[0],
        "fixtures/documents/07_tongbao_errors.txt:4:20: GW401 [错误] 中文语境中使用了半角逗号“,”，应使用全角“，”"
    );
    assert_eq!(lines.len(), 4);
}

#[test]
fn exit_zero_and_fail_on() {
    let o = gwlint(&["check", "--exit-zero", "fixtures/documents/03_baogao_errors.txt"]);
    assert_eq!(o.status.code(), Some(0));
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("gwlint.toml"), "[lint.severity]\nGW401 = \"info\"\n").unwrap();
    std::fs::write(dir.path().join("a.txt"), "关于开展检查的通知\n\n各单位：\n经研究,决定开展检查。\n").unwrap();
    let o = gwlint_in(dir.path(), &["check", "a.txt"], None);
    assert_eq!(o.status.code(), Some(0), "info findings do not fail by default: {}", stdout(&o));
    let o = gwlint_in(dir.path(), &["check", "--fail-on", "info", "a.txt"], None);
    assert_eq!(o.status.code(), Some(1));
}

#[test]
fn select_and_ignore_by_code_prefix_and_name() {
    let f = "fixtures/documents/03_baogao_errors.txt";
    let codes = |args: &[&str]| -> Vec<String> {
        let mut a = vec!["check", "--format", "concise"];
        a.extend_from_slice(args);
        a.push(f);
        let o = gwlint(&a);
        let mut c: Vec<String> = stdout(&o)
            .lines()
            .filter_map(|l| l.split(' ').nth(1).map(String::from))
            .filter(|c| c.starts_with("GW"))
            .collect();
        c.dedup();
        c
    };
    assert_eq!(codes(&["--select", "GW6"]), vec!["GW601"]);
    assert!(!codes(&["--ignore", "common-typos"]).contains(&"GW601".to_string()));
    assert!(codes(&["--ignore", "GW4,GW6"]).is_empty());
    assert!(codes(&["--ignore", "GW4", "--extend-select", "GW401"]).contains(&"GW401".to_string()));
    let o = gwlint(&["check", "--select", "GW999", f]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("未知的规则代码、前缀或名称：“GW999”"), "{}", stderr(&o));
}

#[test]
fn stdin_with_a_file_name() {
    let o = gwlint_in(
        &root(),
        &["check", "--format", "concise", "--stdin-filename", "草稿.md", "-"],
        Some("# 关于开展检查的通知\n\n经研究,决定开展检查。\n".as_bytes()),
    );
    assert_eq!(o.status.code(), Some(1));
    assert!(stdout(&o).contains("草稿.md:3:4: GW401"), "{}", stdout(&o));
}

#[test]
fn gbk_files_are_detected_and_reported() {
    let o = gwlint(&["check", "--format", "json", "fixtures/documents/10_gbk_tongzhi.txt"]);
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(v["files"][0]["encoding"], "GB18030");
    assert_eq!(v["files"][0]["genre"], "通知");
    assert_eq!(v["diagnostics"][0]["range"]["start"]["line"], 4);
}

#[test]
fn bad_inputs_get_clear_errors_and_the_rest_is_still_checked() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path();
    std::fs::write(p.join("good.txt"), "关于开展检查的通知\n\n经研究,决定开展检查。\n").unwrap();
    std::fs::write(p.join("empty.txt"), "").unwrap();
    std::fs::write(p.join("blank.txt"), " \n\u{3000}\n").unwrap();
    std::fs::write(p.join("binary.txt"), b"PK\x03\x04\x00\x00\x00garbage").unwrap();
    std::fs::write(p.join("old.doc"), b"\xd0\xcf\x11\xe0").unwrap();
    std::fs::write(p.join("image.png"), b"\x89PNG").unwrap();
    let big = std::fs::File::create(p.join("huge.txt")).unwrap();
    big.set_len(50 * 1024 * 1024).unwrap();
    std::fs::create_dir(p.join("nothing")).unwrap();
    let o = gwlint_in(
        p,
        &[
            "check",
            "--format",
            "concise",
            "good.txt",
            "empty.txt",
            "blank.txt",
            "binary.txt",
            "old.doc",
            "image.png",
            "huge.txt",
            "missing.txt",
            "nothing",
        ],
        None,
    );
    assert_eq!(o.status.code(), Some(2));
    let err = stderr(&o);
    for expected in [
        "empty.txt：文件为空",
        "blank.txt：文件只含空白字符",
        "binary.txt：文件看起来是二进制数据",
        "old.doc：不支持 .doc 文件：请在 Word 或 WPS 中“另存为” .docx",
        "image.png：不支持的文件类型“.png”",
        "huge.txt：文件过大（52428800 字节，上限 10485760 字节）",
        "missing.txt：文件或目录不存在",
        "nothing：目录中没有可检查的文件",
    ] {
        assert!(err.contains(expected), "missing «{expected}» in:\n{err}");
    }
    assert!(!err.contains("panicked"));
    assert!(stdout(&o).contains("good.txt:3:4: GW401"), "{}", stdout(&o));
    assert!(err.contains("可用 --max-file-size 调整上限"), "{err}");
    // An empty or blank file is nothing to check, not a failure.
    let o = gwlint_in(p, &["check", "empty.txt", "blank.txt"], None);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(stderr(&o).contains("提示：empty.txt：文件为空，未检查"), "{}", stderr(&o));
    // Files gwlint cannot read are listed when a directory is checked, not skipped silently.
    std::fs::create_dir(p.join("folder")).unwrap();
    std::fs::copy(p.join("good.txt"), p.join("folder/good.txt")).unwrap();
    std::fs::write(p.join("folder/old.doc"), b"\xd0\xcf\x11\xe0").unwrap();
    let o = gwlint_in(p, &["check", "folder"], None);
    assert!(stderr(&o).contains("old.doc：gwlint 不读此格式，未检查"), "{}", stderr(&o));
}

#[test]
fn forced_encoding_errors_name_the_byte() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("a.txt"), "关于".as_bytes().iter().chain(b"\xff").copied().collect::<Vec<u8>>())
        .unwrap();
    let o = gwlint_in(dir.path(), &["check", "--encoding", "utf-8", "a.txt"], None);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("a.txt：无法按 UTF-8 解码：第 6 字节处有无效字节"), "{}", stderr(&o));
    let o = gwlint_in(dir.path(), &["check", "--encoding", "klingon", "a.txt"], None);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("未知的编码“klingon”"));
}

#[test]
fn bad_config_points_at_the_key() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("gwlint.toml"), "[lint]\nselect = [\"GW\"]\nignor = [\"GW601\"]\n").unwrap();
    std::fs::write(dir.path().join("a.txt"), "关于开展检查的通知\n").unwrap();
    let o = gwlint_in(dir.path(), &["check", "a.txt"], None);
    assert_eq!(o.status.code(), Some(2));
    let err = stderr(&o);
    assert!(err.contains("gwlint.toml 第3行") && err.contains("ignor"), "{err}");
}

#[test]
fn config_is_found_in_parent_directories_and_adds_packs() {
    let dir = tempfile::tempdir().unwrap();
    let sub = dir.path().join("drafts/2025");
    std::fs::create_dir_all(&sub).unwrap();
    std::fs::write(dir.path().join("gwlint.toml"), "[lint]\npacks = [\"our-words.toml\"]\n").unwrap();
    std::fs::write(
        dir.path().join("our-words.toml"),
        "[rule]\ncode = \"GW690\"\nname = \"house-style\"\ncategory = \"wording\"\nseverity = \"warning\"\nmessage = \"本单位用语：“{wrong}”应为“{right}”\"\nfix = \"unsafe\"\nsummary = \"本单位规范用语\"\ndocs = \"本单位用语\"\n\n[[entries]]\nwrong = \"市府\"\nright = \"市政府\"\n",
    )
    .unwrap();
    std::fs::write(sub.join("a.txt"), "关于开展检查的通知\n\n报市府审定。\n").unwrap();
    let o = gwlint_in(&sub, &["check", "--format", "concise", "a.txt"], None);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    assert!(stdout(&o).contains("a.txt:3:2: GW690 [警告] 本单位用语：“市府”应为“市政府”"), "{}", stdout(&o));
    let o = gwlint_in(&sub, &["rules"], None);
    assert!(stdout(&o).contains("GW690"));
}

#[test]
fn a_local_roster_in_the_config_checks_local_leaders() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("gwlint.toml"),
        "[lint.options.GW617]\nroster = [{ name = \"张明远\", post = \"市长\", from = \"2019-06-01\", to = \"2024-01-15\" }, { name = \"李文华\", post = \"市长\", from = \"2024-01-15\" }]\n",
    )
    .unwrap();
    let doc = "平安市人民政府办公室关于召开防汛工作会议的通知\n\n各县（市、区）人民政府：\n　　张明远市长将出席会议，市长李文华讲话，时任市长张明远曾部署。\n\n平安市人民政府办公室\n2025年5月6日\n";
    std::fs::write(dir.path().join("a.txt"), doc).unwrap();
    let o = gwlint_in(dir.path(), &["check", "--format", "concise", "--select", "GW617", "a.txt"], None);
    let out = stdout(&o);
    assert_eq!(out.matches("GW617").count(), 1, "{out}");
    assert!(out.contains("a.txt:4:3: GW617 [警告] 成文日期2025年5月6日时，张明远不任市长"), "{out}");
}

#[test]
fn a_closed_pipe_ends_quietly() {
    let mut child = Command::new(env!("CARGO_BIN_EXE_gwlint"))
        .current_dir(root())
        .args(["check", "--format", "json", "fixtures/documents", "fixtures/rules"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    drop(child.stdout.take());
    let mut err = String::new();
    child.stderr.take().unwrap().read_to_string(&mut err).unwrap();
    child.wait().unwrap();
    assert!(!err.contains("panicked"), "{err}");
}

#[test]
fn rules_and_explain() {
    let o = gwlint(&["rules"]);
    assert_eq!(o.status.code(), Some(0));
    let out = stdout(&o);
    assert!(out.contains("GW101  title-genre"), "{out}");
    assert!(out.contains("GW401") && out.contains("GW601"));
    let o = gwlint(&["rules", "--format", "json"]);
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert!(v.as_array().unwrap().iter().any(|r| r["code"] == "GW401" && r["fix"] == "always"));
    let o = gwlint(&["explain", "halfwidth-punctuation"]);
    let out = stdout(&o);
    assert!(out.starts_with("GW401 halfwidth-punctuation：中文语境应使用全角标点"), "{out}");
    assert!(out.contains("## 依据"));
    let o = gwlint(&["explain", "GW999"]);
    assert_eq!(o.status.code(), Some(2));
}

#[test]
fn inspect_shows_parts_and_genre() {
    let o = gwlint(&["inspect", "--format", "json", "fixtures/documents/02_qingshi_clean.txt"]);
    assert_eq!(o.status.code(), Some(0));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(v["genre"], "请示");
    assert_eq!(v["class"], "gongwen");
    assert_eq!(v["direction"], "上行文");
    assert_eq!(v["recipients"][0], "市人民政府");
    assert_eq!(v["issuer"], "平安市交通运输局");
    assert_eq!(v["date_iso"], "2025-03-03");
    assert_eq!(v["attachments"][0], "平安市区公交线网优化调整方案");
    let parts: Vec<&str> = v["paragraphs"].as_array().unwrap().iter().map(|p| p["part"].as_str().unwrap()).collect();
    assert_eq!(
        parts,
        ["title", "addressee", "body", "body", "body", "attachment-note", "signature", "date", "annotation"]
    );
    // The typed elements, each span as a file range with the text it covers.
    let item = &v["elements"]["attachment_note"]["items"][0]["name"];
    assert_eq!(item["text"], "平安市区公交线网优化调整方案");
    assert_eq!(item["range"]["start"]["line"], 8);
    assert_eq!(item["range"]["start"]["column"], 6);
    assert_eq!(v["elements"]["date"]["value"]["year"], 2025);
    assert_eq!(v["elements"]["addressees"][0]["name"], "市人民政府");
    let o = gwlint(&["inspect", "fixtures/documents/01_tongzhi_formal_clean.txt"]);
    assert!(stdout(&o).contains("  机关代字：平政办发    年份：2025    顺序号：12"), "{}", stdout(&o));
    let o = gwlint(&["inspect", "fixtures/documents/09_jianghua_speech.txt"]);
    assert!(stdout(&o).contains("类型：讲话稿"));
    let o = gwlint(&["inspect", "nope.txt"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(fixture("documents").is_dir());
}

#[test]
fn usage_errors_exit_2() {
    assert_eq!(gwlint(&["check", "--format", "xml", "."]).status.code(), Some(2));
    assert_eq!(gwlint(&["chek"]).status.code(), Some(2));
}

#[test]
fn organization_profile_in_config_enables_direction_rules() {
    let dir = tempfile::tempdir().unwrap();
    let doc = "平安市交通运输局关于追加公交补贴资金的请示\n\n市财政局：\n　　妥否，请批示。\n\n平安市交通运输局\n2025年6月3日\n";
    std::fs::write(dir.path().join("a.txt"), doc).unwrap();
    let o = gwlint_in(dir.path(), &["check", "--format", "concise", "a.txt"], None);
    assert!(!stdout(&o).contains("GW207"), "silent without a profile");
    std::fs::write(
        dir.path().join("gwlint.toml"),
        "[organization]\nsuperiors = [\"市人民政府\"]\npeers = [\"市财政局\"]\n",
    )
    .unwrap();
    let o = gwlint_in(dir.path(), &["check", "--format", "concise", "a.txt"], None);
    assert!(stdout(&o).contains("a.txt:3:1: GW207 [警告] 请示主送了同级或不相隶属机关“市财政局”"), "{}", stdout(&o));
}
