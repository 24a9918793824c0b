//! Every finding on the shared corpus and the planted drafts, as one snapshot: work on speed
//! (issue 21) must leave these byte-identical, and a change to a rule shows here what it does to
//! real documents (review the new snapshot with `cargo insta review`). CI has `../shared` beside
//! the clone; a bare clone skips.

use std::fmt::Write;
use std::path::{Path, PathBuf};

use gwlint_core::{Document, Linter, ParseOptions};

use crate::support::root;

/// The documents under `dir`, sorted (the sets' README and SOURCE files are not documents).
fn documents_under(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for entry in std::fs::read_dir(&d).unwrap().flatten() {
            let p = entry.path();
            if p.is_dir() {
                stack.push(p);
            } else if p.extension().is_some_and(|e| e == "txt" || e == "md")
                && !p.file_name().is_some_and(|n| n == "README.md" || n == "SOURCE.md")
            {
                out.push(p);
            }
        }
    }
    out.sort();
    out
}

#[test]
fn corpus_findings_are_unchanged() {
    let shared = root().join("../shared");
    let sets = ["corpus/gongwen", "eval/planted-v2", "eval/planted"];
    if !sets.iter().all(|s| shared.join(s).is_dir()) {
        eprintln!("skipped: {} not found", shared.display());
        return;
    }
    let linter = Linter::with_defaults();
    let mut out = String::new();
    let mut files = 0;
    for set in sets {
        for path in documents_under(&shared.join(set)) {
            let name = path.strip_prefix(&shared).unwrap().display().to_string();
            files += 1;
            match Document::parse(&name, &std::fs::read(&path).unwrap(), &ParseOptions::default()) {
                Ok(doc) => {
                    for d in linter.check(&doc) {
                        let p = doc.position(d.span.start);
                        writeln!(out, "{name}:{}:{} {} {}", p.line, p.column, d.code, d.message).unwrap();
                    }
                }
                Err(e) => writeln!(out, "{name}: {e}").unwrap(),
            }
        }
    }
    assert!(files > 300, "only {files} documents under {}", shared.display());
    insta::assert_snapshot!(out);
}
