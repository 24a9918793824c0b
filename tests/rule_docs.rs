//! Every rule documents itself, and the examples in its docs are tests: the 示例 block
//! triggers the rule, the 应改为 block does not.

use gwlint_core::{Config, Document, Linter, Registry, Selection, SourceKind};

#[test]
fn every_rule_has_complete_chinese_docs() {
    let reg = Registry::builtin();
    for m in reg.metas() {
        let docs = m.docs_text();
        for section in ["## 作用", "## 原因", "## 示例", "## 应改为", "## 依据"] {
            assert!(docs.contains(section), "{} docs lack {section}", m.code);
        }
        assert!(!m.summary.is_empty() && !m.source.is_empty(), "{} lacks summary or source", m.code);
    }
}

#[test]
fn doc_examples_trigger_and_corrections_do_not() {
    let reg = Registry::builtin();
    let codes: Vec<String> = reg.metas().map(|m| m.code.to_string()).collect();
    for code in codes {
        let meta = reg.find(&code).unwrap().meta().clone();
        // Layout rules read .docx formatting: their examples are tested on generated .docx files
        // in tests/docx.rs.
        if meta.category == gwlint_core::Category::Layout {
            continue;
        }
        // A rule about something invisible in text (line endings) says so in its example; its
        // fixtures test it.
        if meta.doc_examples().iter().any(|(s, b)| s == "示例" && b.contains("无法用文本示例展示")) {
            continue;
        }
        let examples = meta.doc_examples();
        // A rule that needs configuration shows it in a "配置示例" block; the examples use it.
        let config = examples
            .iter()
            .find(|(s, _)| s == "配置示例")
            .map(|(_, b)| Config::from_toml("配置示例", b).unwrap_or_else(|e| panic!("{code}: {e}")))
            .unwrap_or_default();
        let sel = Selection { select: Some(vec![code.clone()]), ..Selection::from(&config) };
        let linter = Linter::new(Registry::builtin(), &sel).unwrap();
        let bad: Vec<&String> = examples.iter().filter(|(s, _)| s == "示例").map(|(_, b)| b).collect();
        let good: Vec<&String> = examples.iter().filter(|(s, _)| s == "应改为").map(|(_, b)| b).collect();
        assert!(!bad.is_empty() && !good.is_empty(), "{code}: docs need a 示例 and an 应改为 block");
        for b in bad {
            let doc = Document::from_text("example.txt", SourceKind::Txt, b).unwrap();
            assert!(!linter.check(&doc).is_empty(), "{code}: the 示例 does not trigger the rule:\n{b}");
        }
        for g in good {
            let doc = Document::from_text("example.txt", SourceKind::Txt, g).unwrap();
            let d = linter.check(&doc);
            assert!(
                d.is_empty(),
                "{code}: the 应改为 text still triggers the rule: {:?}",
                d.first().map(|d| &d.message)
            );
        }
    }
}

#[test]
fn the_rule_pages_in_docs_are_generated_from_the_rules() {
    // `cargo run -p gwlint-dev --bin gwlint-docs` writes them.
    let pages = Registry::builtin().doc_pages();
    let mut on_disk: Vec<String> = std::fs::read_dir("docs/rules")
        .expect("docs/rules exists")
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    on_disk.sort();
    let mut expected: Vec<String> = pages.iter().map(|(n, _)| n.clone()).collect();
    expected.sort();
    assert_eq!(on_disk, expected, "run gwlint-docs");
    for (name, text) in &pages {
        let committed = std::fs::read_to_string(format!("docs/rules/{name}")).unwrap();
        assert!(committed == *text, "docs/rules/{name} is stale: run cargo run -p gwlint-dev --bin gwlint-docs");
    }
    assert_eq!(pages.len(), Registry::builtin().metas().count() + 1);
}
