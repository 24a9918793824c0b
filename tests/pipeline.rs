//! Pipeline features: output formats, suppressions, baselines, per-file ignores, file lists,
//! `init`, and the README's CI commands run as written.

use crate::support::{fixture, gwlint, gwlint_in, root, stderr, stdout};

const ONE: &str = "fixtures/documents/07_tongbao_errors.txt";

#[test]
fn every_format_renders_the_same_findings() {
    for format in ["concise", "json", "json-lines", "github", "gitlab", "junit", "checkstyle", "sarif"] {
        let o = gwlint(&["check", "--format", format, ONE]);
        assert_eq!(o.status.code(), Some(1), "{format}");
        insta::assert_snapshot!(format!("format-{format}"), stdout(&o));
    }
}

#[test]
fn sarif_has_the_required_structure() {
    let o = gwlint(&["check", "--format", "sarif", "fixtures/documents"]);
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(v["version"], "2.1.0");
    let run = &v["runs"][0];
    assert_eq!(run["columnKind"], "unicodeCodePoints");
    let rules = run["tool"]["driver"]["rules"].as_array().unwrap();
    assert_eq!(rules.len(), gwlint_core::Registry::builtin().metas().count());
    for r in rules {
        assert!(
            r["id"].is_string()
                && r["shortDescription"]["text"].is_string()
                && r["fullDescription"]["text"].is_string()
        );
        assert!(["error", "warning", "note"].contains(&r["defaultConfiguration"]["level"].as_str().unwrap()));
    }
    let results = run["results"].as_array().unwrap();
    assert!(!results.is_empty());
    for res in results {
        let i = res["ruleIndex"].as_u64().unwrap() as usize;
        assert_eq!(rules[i]["id"], res["ruleId"]);
        assert!(res["message"]["text"].is_string());
        let region = &res["locations"][0]["physicalLocation"]["region"];
        for k in ["startLine", "startColumn", "endLine", "endColumn"] {
            assert!(region[k].as_u64().unwrap() >= 1, "{k}");
        }
        if let Some(fixes) = res["fixes"].as_array() {
            for f in fixes {
                assert!(!f["artifactChanges"][0]["replacements"].as_array().unwrap().is_empty());
            }
        }
    }
}

#[test]
fn gitlab_junit_and_checkstyle_are_well_formed() {
    let o = gwlint(&["check", "--format", "gitlab", "fixtures/documents"]);
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    for issue in v.as_array().unwrap() {
        for k in ["description", "check_name", "fingerprint", "severity"] {
            assert!(issue[k].is_string(), "{k}");
        }
        assert!(["info", "minor", "major", "critical", "blocker"].contains(&issue["severity"].as_str().unwrap()));
        // GitLab publishes the format as prose, not a JSON schema: these are its required fields.
        assert!(issue["location"]["path"].as_str().is_some_and(|p| p.starts_with("fixtures/documents/")));
        assert!(issue["location"]["positions"]["begin"]["line"].as_u64().unwrap() >= 1);
    }
    let fingerprints: std::collections::HashSet<&str> =
        v.as_array().unwrap().iter().map(|i| i["fingerprint"].as_str().unwrap()).collect();
    assert_eq!(fingerprints.len(), v.as_array().unwrap().len(), "fingerprints are unique");
    for format in ["junit", "checkstyle"] {
        let o = gwlint(&["check", "--format", format, "fixtures/documents"]);
        let mut reader = quick_xml::Reader::from_reader(o.stdout.as_slice());
        let mut buf = Vec::new();
        let mut depth = 0i32;
        loop {
            match reader.read_event_into(&mut buf).unwrap_or_else(|e| panic!("{format}: {e}")) {
                quick_xml::events::Event::Start(_) => depth += 1,
                quick_xml::events::Event::End(_) => depth -= 1,
                quick_xml::events::Event::Eof => break,
                _ => {}
            }
            buf.clear();
        }
        assert_eq!(depth, 0, "{format}");
    }
}

#[test]
fn output_file_and_statistics() {
    let dir = tempfile::tempdir().unwrap();
    let report = dir.path().join("report.json");
    let o = gwlint(&["check", "--format", "json", "-o", report.to_str().unwrap(), ONE]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stdout(&o).is_empty());
    let v: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(&report).unwrap()).unwrap();
    assert_eq!(v["summary"]["error"], 3);
    let o = gwlint(&["check", "--format", "concise", "--statistics", ONE]);
    assert!(stdout(&o).contains("     2  GW601  common-typos（2 处可安全修复）"), "{}", stdout(&o));
}

#[test]
fn files_from_standard_input() {
    let list = format!("{ONE}\nfixtures/documents/02_qingshi_clean.txt\n");
    let o = gwlint_in(&root(), &["check", "--format", "concise", "--files-from", "-"], Some(list.as_bytes()));
    assert!(stdout(&o).contains("检查了 2 个文件"), "{}", stdout(&o));
}

#[test]
fn suppression_comments_in_txt_and_md() {
    let dir = tempfile::tempdir().unwrap();
    let text = "平安市审计局关于开展市级部门预算执行审计的请示\n\n<!-- gwlint-disable-next-line GW204 -- 市长直接交办 -->\n王市长：\n　　我局拟开展审计。<!-- gwlint-disable-next-line GW605 -->\n<!-- gwlint-disable GW401 -->\n　　审计范围为46个部门,涉及XX家单位。\n<!-- gwlint-enable GW401 -->\n　　妥否,请批示。\n\n平安市审计局\n2025年4月25日\n";
    std::fs::write(dir.path().join("a.txt"), text).unwrap();
    std::fs::write(dir.path().join("a.md"), text).unwrap();
    let txt_only = text
        .replace("<!-- gwlint-disable GW401 -->", "// gwlint-disable GW401")
        .replace("<!-- gwlint-enable GW401 -->", "# gwlint-enable GW401");
    std::fs::write(dir.path().join("b.txt"), txt_only).unwrap();
    let o = gwlint_in(dir.path(), &["check", "--format", "concise", "a.txt", "a.md", "b.txt"], None);
    let out = stdout(&o);
    for f in ["a.txt", "a.md", "b.txt"] {
        // Only the comma outside the disabled range is left; the comments did not become paragraphs.
        let lines: Vec<&str> = out.lines().filter(|l| l.starts_with(&format!("{f}:"))).collect();
        assert_eq!(
            lines,
            vec![format!("{f}:9:5: GW401 [错误] 中文语境中使用了半角逗号“,”，应使用全角“，”")],
            "{f}: {out}"
        );
    }
    let o = gwlint_in(dir.path(), &["inspect", "--format", "json", "a.txt"], None);
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(v["paragraphs"][1]["part"], "addressee");
    // A comment that suppresses nothing is reported.
    std::fs::write(
        dir.path().join("c.txt"),
        "关于开展检查的通知\n\n各单位：\n<!-- gwlint-disable-next-line GW601 -->\n经研究，决定开展检查。\n",
    )
    .unwrap();
    let o = gwlint_in(dir.path(), &["check", "--format", "concise", "c.txt"], None);
    assert!(stdout(&o).contains("c.txt:4:"), "{}", stdout(&o));
    assert!(stdout(&o).contains("GW001 [警告] 第4行的抑制注释（GW601）没有抑制任何问题"), "{}", stdout(&o));
}

#[test]
fn baseline_records_then_reports_only_new_findings() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::copy(fixture("documents/03_baogao_errors.txt"), dir.path().join("a.txt")).unwrap();
    let o = gwlint_in(dir.path(), &["check", "--baseline", "base.json", "a.txt"], None);
    assert_eq!(o.status.code(), Some(0));
    assert!(stderr(&o).contains("已把当前的 8 个问题写入基线 base.json"), "{}", stderr(&o));
    // An edit elsewhere in the file does not bring the recorded findings back.
    let text = std::fs::read_to_string(dir.path().join("a.txt")).unwrap();
    let edited = text.replace("二、存在问题", "二、存在的问题").replace("特此报告。", "特此报告,请批示。");
    std::fs::write(dir.path().join("a.txt"), edited).unwrap();
    let o = gwlint_in(dir.path(), &["check", "--format", "concise", "--baseline", "base.json", "a.txt"], None);
    assert_eq!(o.status.code(), Some(1));
    let out = stdout(&o);
    let codes: Vec<&str> = out.lines().filter_map(|l| l.split(' ').nth(1)).filter(|c| c.starts_with("GW")).collect();
    assert_eq!(codes, vec!["GW401", "GW202"], "{out}");
    let o = gwlint_in(dir.path(), &["check", "--baseline", "base.json", "--update-baseline", "a.txt"], None);
    assert_eq!(o.status.code(), Some(0));
    let o = gwlint_in(dir.path(), &["check", "--baseline", "base.json", "a.txt"], None);
    assert_eq!(o.status.code(), Some(0));
}

/// Baselines store the specified, toolchain-independent fingerprint (version 2); an old
/// version 1 file is still read and the user is asked to rewrite it; an unknown version fails.
#[test]
fn baseline_versions() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("a.txt"), "关于开展检查的请示\n\n市政府：\n经研究,拟开展检查。\n").unwrap();
    let o = gwlint_in(dir.path(), &["check", "--select", "GW401", "--baseline", "base.json", "a.txt"], None);
    assert_eq!(o.status.code(), Some(0));
    let written: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(dir.path().join("base.json")).unwrap()).unwrap();
    assert_eq!(written["version"], 2);
    // The value pinned in gwlint_core::fingerprint's unit test, through the CLI.
    assert_eq!(written["findings"][0]["fingerprint"], "8b6a5e0ca0793c28");

    let mut old = written.clone();
    old["version"] = serde_json::json!(1);
    std::fs::write(dir.path().join("old.json"), old.to_string()).unwrap();
    let o = gwlint_in(dir.path(), &["check", "--select", "GW401", "--baseline", "old.json", "a.txt"], None);
    assert!(stderr(&o).contains("旧格式（version 1"), "{}", stderr(&o));

    old["version"] = serde_json::json!(7);
    std::fs::write(dir.path().join("bad.json"), old.to_string()).unwrap();
    let o = gwlint_in(dir.path(), &["check", "--baseline", "bad.json", "a.txt"], None);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("基线文件版本 7 无法识别"), "{}", stderr(&o));
}

#[test]
fn per_file_ignores_and_exclude() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(dir.path().join("模板")).unwrap();
    std::fs::create_dir_all(dir.path().join("归档")).unwrap();
    let doc = "关于开展检查的通知\n\n各单位：\n　　共组织活动XX场。\n";
    std::fs::write(dir.path().join("模板/a.txt"), doc).unwrap();
    std::fs::write(dir.path().join("b.txt"), doc).unwrap();
    std::fs::write(dir.path().join("归档/old.txt"), doc).unwrap();
    std::fs::write(
        dir.path().join("gwlint.toml"),
        "[lint.per-file-ignores]\n\"模板/**\" = [\"GW605\"]\n\n[files]\nexclude = [\"归档/**\"]\n",
    )
    .unwrap();
    let o = gwlint_in(dir.path(), &["check", "--format", "concise", "."], None);
    let out = stdout(&o);
    assert!(out.contains("b.txt:4:8: GW605"), "{out}");
    assert!(!out.contains("模板/a.txt:4:8: GW605"), "{out}");
    assert!(!out.contains("归档"), "{out}");
    assert!(out.contains("检查了 2 个文件"), "{out}");
}

#[test]
fn init_writes_a_valid_commented_config() {
    let dir = tempfile::tempdir().unwrap();
    let o = gwlint_in(dir.path(), &["init"], None);
    assert_eq!(o.status.code(), Some(0));
    let text = std::fs::read_to_string(dir.path().join("gwlint.toml")).unwrap();
    gwlint_core::Config::from_toml("gwlint.toml", &text).unwrap();
    // Every commented key is a real key: uncommented, the file still loads.
    let uncommented: String = text
        .lines()
        .map(|l| l.strip_prefix("# ").filter(|r| r.starts_with('[') || r.contains(" = ")).unwrap_or(l))
        .map(|l| l.split("   #").next().unwrap_or(l).to_string() + "\n")
        .collect();
    gwlint_core::Config::from_toml("gwlint.toml", &uncommented).unwrap_or_else(|e| panic!("{e}\n{uncommented}"));
    assert_eq!(gwlint_in(dir.path(), &["init"], None).status.code(), Some(2), "no overwrite without --force");
}

/// The commands in the README's CI section, run as written against a folder of drafts.
#[test]
fn readme_ci_commands_work_as_written() {
    let readme = std::fs::read_to_string(root().join("README.md")).unwrap();
    let commands: Vec<String> = readme
        .lines()
        .map(|l| l.trim().trim_start_matches("- run: ").trim_start_matches("- ").to_string())
        .filter(|l| l.starts_with("gwlint check") && l.contains("公文/"))
        .collect();
    assert_eq!(commands.len(), 6, "{commands:?}");
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("公文")).unwrap();
    for f in ["03_baogao_errors.txt", "02_qingshi_clean.txt"] {
        std::fs::copy(fixture(&format!("documents/{f}")), dir.path().join("公文").join(f)).unwrap();
    }
    for cmd in commands {
        let cmd = cmd.split("  #").next().unwrap().trim().to_string();
        let args: Vec<&str> = cmd.split_whitespace().skip(1).collect();
        let o = gwlint_in(dir.path(), &args, None);
        assert!(matches!(o.status.code(), Some(0 | 1)), "{cmd}: {}", stderr(&o));
        if cmd.contains("--format github") {
            assert!(stdout(&o).lines().all(|l| l.starts_with("::")), "{cmd}");
        }
        if let Some(out) = cmd.split("-o ").nth(1).and_then(|r| r.split_whitespace().next()) {
            let text = std::fs::read_to_string(dir.path().join(out)).unwrap();
            serde_json::from_str::<serde_json::Value>(&text).unwrap_or_else(|e| panic!("{cmd}: {e}"));
        }
    }
    // The pre-commit hook definition runs the same binary.
    let hooks = std::fs::read_to_string(root().join(".pre-commit-hooks.yaml")).unwrap();
    assert!(hooks.contains("entry: gwlint check --format concise"));
}

#[test]
fn profiles_and_extend() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("sub")).unwrap();
    std::fs::write(dir.path().join("base.toml"), "[lint]\nprofile = \"template\"\n").unwrap();
    std::fs::write(dir.path().join("sub/gwlint.toml"), "extend = \"../base.toml\"\n[lint]\nignore = [\"GW401\"]\n")
        .unwrap();
    let doc = "关于开展检查的请示\n\n市人民政府：\n　　共组织活动XX场,妥否，请批示。\n";
    std::fs::write(dir.path().join("sub/a.txt"), doc).unwrap();
    let sub = dir.path().join("sub");
    let run = |args: &[&str]| stdout(&gwlint_in(&sub, args, None));
    // The base's template profile hides the placeholder and the missing date; the child ignores GW401.
    let out = run(&["check", "--format", "concise", "a.txt"]);
    assert!(out.contains("未发现问题"), "{out}");
    let out = run(&["check", "--format", "concise", "--profile", "formal", "a.txt"]);
    assert!(out.contains("GW605") && out.contains("GW312") && !out.contains("GW401"), "{out}");
    let out = run(&["check", "--format", "concise", "--profile", "draft", "a.txt"]);
    assert!(out.contains("GW605") && !out.contains("GW312"), "{out}");
    std::fs::write(dir.path().join("base.toml"), "extend = \"sub/gwlint.toml\"\n").unwrap();
    let o = gwlint_in(&sub, &["check", "a.txt"], None);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("extend 形成循环"), "{}", stderr(&o));
}

/// docs/gwlint.schema.json is generated from the configuration types and kept current.
#[test]
fn config_schema_is_current() {
    let o = gwlint(&["config-schema"]);
    let generated = stdout(&o);
    let committed = std::fs::read_to_string(root().join("docs/gwlint.schema.json")).unwrap();
    assert_eq!(generated, committed, "run: cargo run -- config-schema > docs/gwlint.schema.json");
    let v: serde_json::Value = serde_json::from_str(&generated).unwrap();
    assert_eq!(v["additionalProperties"], false);
    for key in
        ["select", "extend-select", "ignore", "fail-on", "profile", "packs", "severity", "options", "per-file-ignores"]
    {
        assert!(v["$defs"]["LintConfig"]["properties"].get(key).is_some(), "{key}");
    }
}

/// `--format sarif` validates against the SARIF 2.1.0 schema (tests/data).
#[test]
fn sarif_validates_against_the_schema() {
    let mut schema: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(root().join("tests/data/sarif-2.1.0-rtm.5.json")).unwrap())
            .unwrap();
    // The published rtm.5 schema has one pattern its own meta-schema rejects (run.language has a
    // stray "]"); use the corrected pattern of the final 2.1.0 schema. gwlint does not emit it.
    fn fix_patterns(v: &mut serde_json::Value) {
        match v {
            serde_json::Value::Object(m) => {
                if m.get("pattern").and_then(|p| p.as_str()) == Some("^[a-zA-Z]{2}|^[a-zA-Z]{2}-[a-zA-Z]{2}]?$") {
                    m.insert("pattern".into(), serde_json::json!("^[a-zA-Z]{2}(-[a-zA-Z]{2})?$"));
                }
                m.values_mut().for_each(fix_patterns);
            }
            serde_json::Value::Array(a) => a.iter_mut().for_each(fix_patterns),
            _ => {}
        }
    }
    fix_patterns(&mut schema);
    let validator = jsonschema::validator_for(&schema).expect("schema compiles");
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("a.docx"),
        crate::docx::build_docx(&[crate::docx::para("关于开展检查的通知", "宋体", 24, false)], None),
    )
    .unwrap();
    for target in ["fixtures/documents", "fixtures/rules"] {
        let o = gwlint(&["check", "--format", "sarif", target]);
        let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
        let errors: Vec<String> =
            validator.iter_errors(&v).map(|e| format!("{} at {}", e, e.instance_path())).take(5).collect();
        assert!(errors.is_empty(), "{target}: {errors:#?}");
    }
    let o = gwlint_in(dir.path(), &["check", "--format", "sarif", "a.docx"], None);
    let mut v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert!(validator.is_valid(&v));
    // The validator does reject a broken log.
    v["runs"][0]["results"][0]["level"] = serde_json::json!("fatal");
    assert!(!validator.is_valid(&v));
}

#[test]
fn baseline_works_on_markdown_and_docx() {
    use crate::docx::{build_docx, para};
    let dir = tempfile::tempdir().unwrap();
    let md = "# 关于开展检查的通知\n\n各单位：\n\n　　经研究,决定开展检查。\n";
    std::fs::write(dir.path().join("a.md"), md).unwrap();
    let docx = |extra: &str| {
        let mut paras =
            vec![para("关于开展检查的通知", "方正小标宋简体", 44, false), para("各单位：", "仿宋_GB2312", 32, false)];
        paras.push(para("经研究,决定开展检查。", "仿宋_GB2312", 32, true));
        if !extra.is_empty() {
            paras.push(para(extra, "仿宋_GB2312", 32, true));
        }
        build_docx(&paras, None)
    };
    std::fs::write(dir.path().join("b.docx"), docx("")).unwrap();
    let o = gwlint_in(dir.path(), &["check", "--baseline", "base.json", "a.md", "b.docx"], None);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    std::fs::write(dir.path().join("a.md"), format!("{md}\n　　请认真贯澈落实。\n")).unwrap();
    std::fs::write(dir.path().join("b.docx"), docx("请认真贯澈落实。")).unwrap();
    let o = gwlint_in(dir.path(), &["check", "--format", "concise", "--baseline", "base.json", "a.md", "b.docx"], None);
    let out = stdout(&o);
    // (GW312 is anchored to the last paragraph, which the edit changed: it is "new" too.)
    let found: Vec<&str> = out.lines().filter(|l| l.contains(": GW") && !l.contains("GW312")).collect();
    assert_eq!(found.len(), 2, "{out}");
    assert!(found.iter().all(|l| l.contains("GW601")), "only the new typo is reported: {out}");
}

/// An unreadable input is in every machine report (not only on stderr); `--statistics` never
/// breaks a machine report; a closed pipe ends quietly.
#[test]
fn machine_reports_carry_unreadable_inputs_and_stay_parseable() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::copy(fixture("documents/03_baogao_errors.txt"), dir.path().join("a.txt")).unwrap();
    std::fs::write(dir.path().join("b.txt"), [0u8, 1, 2, 0, 0xFF]).unwrap();
    let run = |fmt: &str| gwlint_in(dir.path(), &["check", "--statistics", "--format", fmt, "a.txt", "b.txt"], None);
    let o = run("sarif");
    assert_eq!(o.status.code(), Some(2));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).expect("SARIF stays JSON with --statistics");
    let inv = &v["runs"][0]["invocations"][0];
    assert_eq!(inv["executionSuccessful"], false);
    assert_eq!(
        inv["toolExecutionNotifications"][0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"],
        "b.txt"
    );
    assert!(stderr(&o).contains("GW601"), "the statistics go to stderr: {}", stderr(&o));
    let o = run("gitlab");
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert!(v
        .as_array()
        .unwrap()
        .iter()
        .any(|i| i["check_name"] == "gwlint-read-error" && i["location"]["path"] == "b.txt"));
    let o = run("junit");
    assert!(stdout(&o).contains(r#"errors="1""#) && stdout(&o).contains(r#"<error message="#), "{}", stdout(&o));
    assert!(stdout(&o).trim_end().ends_with("</testsuites>"));
    let o = run("checkstyle");
    assert!(stdout(&o).contains(r#"source="gwlint.read-error""#) && stdout(&o).trim_end().ends_with("</checkstyle>"));
    let o = run("github");
    assert!(stdout(&o).contains("::error file=b.txt,title=gwlint::"), "{}", stdout(&o));
    let o = run("json");
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(v["errors"][0]["path"], "b.txt");
    // A reader that stops early: no "Broken pipe", the exit code is the findings' one.
    for fmt in ["json", "json-lines", "sarif"] {
        let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_gwlint"))
            .current_dir(root())
            .args(["check", "--format", fmt, "fixtures/documents"])
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .unwrap();
        let mut first = [0u8; 10];
        std::io::Read::read_exact(child.stdout.as_mut().unwrap(), &mut first).unwrap();
        drop(child.stdout.take());
        let o = child.wait_with_output().unwrap();
        assert_eq!(o.status.code(), Some(1), "{fmt}: {}", String::from_utf8_lossy(&o.stderr));
        assert!(!String::from_utf8_lossy(&o.stderr).contains("Broken pipe"), "{fmt}");
    }
}

/// A baseline records paths relative to itself: the same files checked from another directory
/// or by absolute path are still recognised.
#[test]
fn baselines_match_however_the_path_is_typed() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("drafts")).unwrap();
    std::fs::copy(fixture("documents/03_baogao_errors.txt"), dir.path().join("drafts/a.txt")).unwrap();
    let o = gwlint_in(dir.path(), &["check", "--baseline", "base.json", "drafts/a.txt"], None);
    assert_eq!(o.status.code(), Some(0));
    let base: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(dir.path().join("base.json")).unwrap()).unwrap();
    assert_eq!(base["findings"][0]["path"], "drafts/a.txt");
    let abs = dir.path().join("drafts/a.txt");
    let o = gwlint_in(dir.path(), &["check", "--baseline", "base.json", abs.to_str().unwrap()], None);
    assert_eq!(o.status.code(), Some(0), "absolute path: {}", stdout(&o));
    let o = gwlint_in(&dir.path().join("drafts"), &["check", "--baseline", "../base.json", "a.txt"], None);
    assert_eq!(o.status.code(), Some(0), "another directory: {}", stdout(&o));
}

/// Findings are written file by file as the files are checked, in input order whatever the
/// number of worker threads (a large first file finishes after the ones behind it), with
/// standard input in its place.
#[test]
fn streamed_reports_keep_the_input_order() {
    let dir = tempfile::tempdir().unwrap();
    let body = std::fs::read_to_string(fixture("documents/03_baogao_errors.txt")).unwrap();
    let mut names = Vec::new();
    for i in 0..40 {
        let name = format!("f{i:02}.txt");
        // A long first file, so later ones finish first on other threads.
        let text = if i == 0 { body.repeat(60) } else { body.replacen("报告", &format!("报告{i}"), 1) };
        std::fs::write(dir.path().join(&name), text).unwrap();
        names.push(name);
    }
    let mut args: Vec<&str> = vec!["check", "--format", "concise"];
    args.extend(names[..20].iter().map(String::as_str));
    args.push("-");
    args.extend(names[20..].iter().map(String::as_str));
    let run = |threads: &str, format: &str| {
        let mut args = args.clone();
        args[2] = format;
        let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_gwlint"))
            .current_dir(dir.path())
            .args(&args)
            .env("RAYON_NUM_THREADS", threads)
            .env("NO_COLOR", "1")
            .env_remove("GWLINT_FORMAT")
            .stdin(std::process::Stdio::piped())
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .unwrap();
        std::io::Write::write_all(&mut child.stdin.take().unwrap(), body.as_bytes()).unwrap();
        let o = child.wait_with_output().unwrap();
        assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
        stdout(&o)
    };
    let one = run("1", "concise");
    // The files in their sorted order, standard input (named stdin.txt) last.
    let mut order: Vec<String> = Vec::new();
    for line in one.lines().filter(|l| l.contains(": GW")) {
        let file = line.split(':').next().unwrap().to_string();
        if order.last() != Some(&file) {
            order.push(file);
        }
    }
    let mut expected = names.clone();
    expected.push("stdin.txt".to_string());
    assert_eq!(order, expected);
    for threads in ["2", "4"] {
        assert_eq!(run(threads, "concise"), one, "{threads} threads");
    }
    for format in ["json", "sarif", "junit"] {
        assert_eq!(run("1", format), run("4", format), "{format}");
    }
}
