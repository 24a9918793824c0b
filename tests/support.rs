//! Helpers shared by the integration tests.

use std::fmt::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

use gwlint_core::fix::apply_fixes;
use gwlint_core::{Applicability, Document, Linter, ParseOptions};

/// The JSON values of a helper program's output, one per line (the node and Python helpers).
pub fn json_lines(out: &Output) -> Vec<serde_json::Value> {
    std::str::from_utf8(&out.stdout).unwrap().lines().map(|l| serde_json::from_str(l).unwrap()).collect()
}

pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

pub fn fixture(rel: &str) -> PathBuf {
    root().join("fixtures").join(rel)
}

/// Run the built binary in `dir` with `args` and optional stdin.
pub fn gwlint_in(dir: &Path, args: &[&str], stdin: Option<&[u8]>) -> Output {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_gwlint"));
    cmd.current_dir(dir).args(args).env_remove("GWLINT_FORMAT").env_remove("GWLINT_JSON_VERSION").env("NO_COLOR", "1");
    cmd.stdin(if stdin.is_some() { Stdio::piped() } else { Stdio::null() });
    cmd.stdout(Stdio::piped()).stderr(Stdio::piped());
    let mut child = cmd.spawn().expect("spawn gwlint");
    if let Some(bytes) = stdin {
        use std::io::Write as _;
        let mut s = child.stdin.take().unwrap();
        s.write_all(bytes).unwrap();
    }
    child.wait_with_output().expect("wait gwlint")
}

pub fn gwlint(args: &[&str]) -> Output {
    gwlint_in(&root(), args, None)
}

pub fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

pub fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// The default linter, or one configured by a `gwlint.toml` beside the fixture (rules that
/// need an `[organization]` profile keep theirs next to their fixtures).
pub fn linter_for(path: &Path) -> Linter {
    Linter::new(gwlint_core::Registry::builtin(), &selection_for(path)).unwrap()
}

fn selection_for(path: &Path) -> gwlint_core::Selection {
    let cfg = path.parent().map(|d| d.join("gwlint.toml")).filter(|p| p.is_file());
    match cfg {
        Some(c) => {
            let text = std::fs::read_to_string(&c).unwrap();
            let config = gwlint_core::Config::from_toml("gwlint.toml", &text).unwrap();
            gwlint_core::Selection::from(&config)
        }
        None => gwlint_core::Selection::default(),
    }
}

/// The snapshot of a rule fixture (`fixtures/rules/GWxxx/…`): the rule run alone on it, every
/// finding in full — range, severity, message, label, help, related locations, and its fix as a
/// before/after of the lines it changes. GW001 (unused suppression comments) needs the other
/// rules' findings to judge, so it runs with all rules and only its findings are shown.
pub fn rule_snapshot_of(path: &Path) -> String {
    let code = path.parent().unwrap().file_name().unwrap().to_string_lossy().into_owned();
    let bytes = std::fs::read(path).unwrap();
    let name = path.file_name().unwrap().to_string_lossy().into_owned();
    let doc = Document::parse(&name, &bytes, &ParseOptions::default()).unwrap();
    let mut sel = selection_for(path);
    if code != "GW001" {
        sel.select = Some(vec![code.clone()]);
        sel.extend_select.clear();
    }
    let linter = Linter::new(gwlint_core::Registry::builtin(), &sel).unwrap();
    let diags: Vec<_> = linter.check(&doc).into_iter().filter(|d| d.code == code.as_str()).collect();
    let mut s = String::new();
    if diags.is_empty() {
        s.push_str("(no findings)\n");
    }
    let range = |span: gwlint_core::Span| {
        let (a, b) = (doc.position(span.start), doc.position(span.end));
        format!("{}:{}-{}:{}", a.line, a.column, b.line, b.column)
    };
    for d in &diags {
        writeln!(s, "{} {} {} {}", range(d.span), d.code, d.severity, d.message).unwrap();
        if let Some(l) = &d.label {
            writeln!(s, "  label: {l}").unwrap();
        }
        for l in &d.labels {
            writeln!(s, "  related {}: {}", range(l.span), l.message).unwrap();
        }
        if let Some(h) = &d.help {
            writeln!(s, "  help: {h}").unwrap();
        }
        if let Some(f) = &d.fix {
            writeln!(s, "  fix ({}): {}", f.applicability.as_str(), f.title).unwrap();
            let fixed = apply_fixes(&doc.text, std::slice::from_ref(d), Applicability::DisplayOnly);
            let before: Vec<&str> = doc.text.lines().collect();
            let after: Vec<&str> = fixed.text.lines().collect();
            let first = before.iter().zip(&after).take_while(|(a, b)| a == b).count();
            let tail = before.iter().rev().zip(after.iter().rev()).take_while(|(a, b)| a == b).count();
            for l in &before[first..before.len() - tail.min(before.len() - first)] {
                writeln!(s, "    -{l}").unwrap();
            }
            for l in &after[first..after.len() - tail.min(after.len() - first)] {
                writeln!(s, "    +{l}").unwrap();
            }
        }
    }
    s
}

/// The snapshot of a document: how it was understood, what was found, what the safe fixes give.
pub fn snapshot_of(path: &Path) -> String {
    let bytes = std::fs::read(path).unwrap();
    let name = path.file_name().unwrap().to_string_lossy().into_owned();
    let doc = Document::parse(&name, &bytes, &ParseOptions::default()).unwrap();
    let diags = linter_for(path).check(&doc);
    let mut s = String::new();
    let f = &doc.facts;
    writeln!(s, "encoding: {}  class: {:?}  genre: {}", doc.encoding, f.class, f.genre.map_or("-", |g| g.as_str()))
        .unwrap();
    writeln!(
        s,
        "title: {}\ndoc_number: {}  issuer: {}  date: {}\nrecipients: {:?}  attachments: {:?}  copy_to: {:?}",
        f.title.as_deref().unwrap_or("-"),
        f.doc_number.as_deref().unwrap_or("-"),
        f.issuer.as_deref().unwrap_or("-"),
        f.date_value
            .map_or_else(|| f.date.as_ref().map_or("-".to_string(), |d| format!("{d} (day unfilled)")), |d| d.iso()),
        f.recipients,
        f.attachments,
        f.copy_to
    )
    .unwrap();
    if f.era != gwlint_core::document::facts::Era::Current {
        writeln!(s, "era: {:?} (judged by {})", f.era, f.era.layout_standard()).unwrap();
    }
    writeln!(s, "--- structure ---").unwrap();
    for p in &doc.paragraphs {
        let level = p.heading.map(|h| format!(" L{}", h.level)).unwrap_or_default();
        let text: String = doc.content(p).chars().take(16).collect();
        writeln!(s, "{:>3} {}{} | {}", doc.position(p.span.start).line, p.part.name_zh(), level, text).unwrap();
    }
    writeln!(s, "--- diagnostics ---").unwrap();
    for d in &diags {
        let a = doc.position(d.span.start);
        let b = doc.position(d.span.end);
        let fix = d.fix.as_ref().map(|f| format!(" [{}: {}]", f.applicability.as_str(), f.title)).unwrap_or_default();
        writeln!(s, "{}:{}-{}:{} {} {} {}{}", a.line, a.column, b.line, b.column, d.code, d.severity, d.message, fix)
            .unwrap();
    }
    let fixed = apply_fixes(&doc.text, &diags, Applicability::Safe);
    if fixed.applied > 0 {
        writeln!(s, "--- after safe fixes ({} applied) ---", fixed.applied).unwrap();
        s.push_str(&fixed.text);
    }
    s
}
