//! Snapshot tests: every fixture document's structure, diagnostics and safely fixed text.

use crate::support::{rule_snapshot_of, snapshot_of};

#[test]
fn documents() {
    insta::glob!("../fixtures/documents", "*.{txt,md}", |path| {
        insta::assert_snapshot!(snapshot_of(path));
    });
}

/// Real documents of the layouts structure recognition must hold (fixtures/layouts/SOURCE.md):
/// every paragraph's part, the facts and the findings.
#[test]
fn layouts() {
    insta::glob!("../fixtures/layouts", "*.txt", |path| {
        insta::assert_snapshot!(snapshot_of(path));
    });
}

/// Each rule fixture with its rule alone: every finding in full (structure dumps are for the
/// whole-document fixtures above).
#[test]
fn rule_fixtures() {
    insta::glob!("../fixtures/rules", "**/*.{txt,md}", |path| {
        insta::assert_snapshot!(rule_snapshot_of(path));
    });
}

/// Fixing twice changes nothing the second time, on every fixture.
#[test]
fn fixing_twice_changes_nothing() {
    use gwlint_core::fix::fix_document;
    use gwlint_core::{Applicability, Document};
    for dir in ["documents", "layouts", "rules"] {
        for entry in walk(&crate::support::fixture(dir)).into_iter().filter(|p| is_document(p)) {
            let linter = crate::support::linter_for(&entry);
            let name = entry.file_name().unwrap().to_string_lossy().into_owned();
            let bytes = std::fs::read(&entry).unwrap();
            let doc = Document::parse(&name, &bytes, &Default::default()).unwrap();
            let once = fix_document(&doc, &linter, Applicability::Safe, 8).unwrap();
            let twice = fix_document(&once.document, &linter, Applicability::Safe, 8).unwrap();
            assert_eq!(twice.applied, 0, "{name}: a second fix run changed the text");
            assert_eq!(twice.source, once.source);
        }
    }
}

/// fixtures/rules/GWxxx/fires_*.txt must trigger GWxxx; silent_*.txt must not.
#[test]
fn rule_fixtures_fire_and_stay_silent() {
    use gwlint_core::Document;
    let dir = crate::support::fixture("rules");
    let mut checked = 0;
    for path in walk(&dir).into_iter().filter(|p| is_document(p)) {
        let linter = crate::support::linter_for(&path);
        let code = path.parent().unwrap().file_name().unwrap().to_string_lossy().into_owned();
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        let doc = Document::parse(&name, &std::fs::read(&path).unwrap(), &Default::default()).unwrap();
        let hits = linter.check(&doc).iter().filter(|d| d.code == code.as_str()).count();
        if name.starts_with("fires") {
            assert!(hits > 0, "{code}/{name} should trigger {code}");
        } else if name.starts_with("silent") {
            assert_eq!(hits, 0, "{code}/{name} must not trigger {code}");
        } else {
            panic!("{code}/{name}: rule fixtures are named fires_* or silent_*");
        }
        checked += 1;
    }
    let expected = walk(&dir).iter().filter(|p| is_document(p)).count();
    assert_eq!(checked, expected);
    assert_eq!(checked, 260, "fixtures/rules holds 260 rule fixtures");
}

fn is_document(p: &std::path::Path) -> bool {
    p.extension().is_some_and(|e| e == "txt" || e == "md")
}

pub fn walk(dir: &std::path::Path) -> Vec<std::path::PathBuf> {
    let mut out = Vec::new();
    let Ok(rd) = std::fs::read_dir(dir) else { return out };
    for e in rd.flatten() {
        let p = e.path();
        if p.is_dir() {
            out.extend(walk(&p));
        } else {
            out.push(p);
        }
    }
    out.sort();
    out
}
