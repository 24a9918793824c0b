//! Invariants of the rule set: unique codes and names, codes in their family's range, every
//! rule file registered, every pack file embedded.

use std::collections::HashSet;

use gwlint_core::registry::BUILTIN_PACKS;
use gwlint_core::{Category, Registry};

use crate::support::root;

#[test]
fn codes_and_names_are_unique_and_well_formed() {
    let reg = Registry::builtin();
    let mut codes = HashSet::new();
    let mut names = HashSet::new();
    for m in reg.metas() {
        assert!(codes.insert(m.code.to_string()), "duplicate code {}", m.code);
        assert!(names.insert(m.name.to_string()), "duplicate name {}", m.name);
        let family = match m.category {
            Category::Meta => '0',
            Category::Structure => '1',
            Category::Routing => '2',
            Category::Format => '3',
            Category::Punctuation => '4',
            Category::Number => '5',
            Category::Wording => '6',
            Category::Layout => '7',
        };
        assert_eq!(m.code.as_bytes()[2] as char, family, "{} is outside its family's range", m.code);
        assert!(m.name.bytes().all(|b| b.is_ascii_lowercase() || b == b'-'), "{}", m.name);
    }
}

/// The built-in list is generated from the rule files: every rule a file declares is registered,
/// and nothing else is.
#[test]
fn every_declared_rule_is_registered() {
    let reg = Registry::builtin();
    let registered: HashSet<String> = reg.metas().map(|m| m.code.to_string()).collect();
    let mut declared = HashSet::new();
    let dir = root().join("crates/gwlint-core/src/rules");
    for path in crate::fixtures::walk(&dir) {
        let text = std::fs::read_to_string(&path).unwrap();
        for (i, _) in text.match_indices("declare_rule! {") {
            let code_at = text[i..].find("code: \"").unwrap() + i + 7;
            declared.insert(text[code_at..code_at + 5].to_string());
        }
    }
    let packs: HashSet<String> = BUILTIN_PACKS
        .iter()
        .filter_map(|(_, text)| text.lines().find_map(|l| l.strip_prefix("code = \"").map(|c| c[..5].to_string())))
        .collect();
    let code_rules: HashSet<String> = registered.difference(&packs).cloned().collect();
    assert_eq!(declared, code_rules);
    assert_eq!(declared.len(), 92);
}

#[test]
fn every_pack_in_rules_dir_is_embedded() {
    let embedded: HashSet<&str> = BUILTIN_PACKS.iter().map(|(p, _)| *p).collect();
    for e in std::fs::read_dir(root().join("rules")).unwrap().flatten() {
        let name = format!("rules/{}", e.file_name().to_string_lossy());
        if name.ends_with(".toml") {
            assert!(embedded.contains(name.as_str()), "{name} is not listed in BUILTIN_PACKS");
        }
    }
}

/// GW609 (near misses of idioms) defers to the curated pair lists: the same characters are
/// reported once, by the more specific rule; selected alone, GW609 still reports them.
#[test]
fn a_general_rule_defers_to_a_specific_one_on_the_same_characters() {
    use gwlint_core::{Document, Linter, Selection, SourceKind};
    let doc = Document::from_text("t.txt", SourceKind::Txt, "我们将一如继往地支持，营造公平竟争的环境。").unwrap();
    // (GW002 notes that the fragment is not read as a 公文.)
    let codes = |linter: &Linter| {
        linter.check(&doc).iter().map(|d| d.code.to_string()).filter(|c| c != "GW002").collect::<Vec<_>>()
    };
    assert_eq!(codes(&Linter::with_defaults()), ["GW601", "GW609"]);
    let only = Selection { select: Some(vec!["GW609".to_string()]), ..Default::default() };
    assert_eq!(codes(&Linter::new(Registry::builtin(), &only).unwrap()), ["GW609", "GW609"]);
}

/// GW413 (full-width letters and digits anywhere) defers to GW301 inside a 发文字号.
#[test]
fn full_width_digits_in_a_doc_number_are_reported_once() {
    use gwlint_core::{Document, Linter, SourceKind};
    let text = "平安市人民政府文件\n\n平政发〔２０２４〕１２号\n\n关于做好安全生产工作的通知\n\n各区人民政府：\n　　正文第１条。\n";
    let doc = Document::from_text("t.txt", SourceKind::Txt, text).unwrap();
    let codes: Vec<String> = Linter::with_defaults()
        .check(&doc)
        .iter()
        .filter(|d| d.code == "GW301" || d.code == "GW413")
        .map(|d| format!("{}@{}", d.code, doc.position(d.span.start).line))
        .collect();
    // The doc number's digits once each (GW301); the body's full-width digit still by GW413.
    assert_eq!(codes, ["GW301@3", "GW301@3", "GW413@8"]);
}

/// The README's rule table is the registry's: every rule once, with its name, default severity
/// and summary, in code order.
#[test]
fn readme_rule_table_matches_the_registry() {
    let readme = std::fs::read_to_string(root().join("README.md")).unwrap();
    let rows: Vec<Vec<String>> = readme
        .lines()
        .filter(|l| l.starts_with("| GW"))
        .map(|l| l.trim_matches('|').split(" | ").map(|c| c.trim().to_string()).collect())
        .collect();
    let expected: Vec<Vec<String>> = Registry::builtin()
        .metas()
        .map(|m| {
            vec![
                m.code.to_string(),
                m.name.to_string(),
                m.default_severity.label_zh().to_string(),
                m.summary.to_string(),
            ]
        })
        .collect();
    for (row, want) in rows.iter().zip(&expected) {
        assert_eq!(row, want, "README rule table row (run `gwlint rules` for the current list)");
    }
    assert_eq!(rows.len(), expected.len(), "README lists {} rules, the registry has {}", rows.len(), expected.len());
}
