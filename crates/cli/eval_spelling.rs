//! `gwlint-eval --csc`: the typo rules measured on Chinese spelling-check benchmarks.
//!
//! Every sentence of every `*.jsonl` under the benchmark directory (test and dev splits, and the
//! error-free negatives) is linted with the wording rules that look for wrong characters
//! (GW601, GW602, GW606). Detection is scored at two levels:
//!
//! - sentence: a flagged sentence is a true positive when one finding covers a gold error;
//!   precision = true positives / flagged sentences, recall = true positives / sentences with errors;
//! - character: flagged character positions against gold error positions.
//!
//! Then the false alarms per 10,000 characters of the clean real 公文.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use gwlint_core::{Document, Linter, Registry, Selection, Severity, SourceKind};

/// The rules that look for wrong characters. GW604 (duplicated words) is not among them: the
/// benchmarks do not label duplications.
const TYPO_RULES: &[&str] = &["GW601", "GW602", "GW606"];

#[derive(Default)]
struct Score {
    sentences: usize,
    with_errors: usize,
    flagged: usize,
    flagged_correct: usize,
    detected: usize,
    gold_chars: usize,
    pred_chars: usize,
    hit_chars: usize,
}

fn prf(tp: usize, pred: usize, gold: usize) -> (f64, f64, f64) {
    let p = if pred == 0 { 0.0 } else { tp as f64 / pred as f64 };
    let r = if gold == 0 { 0.0 } else { tp as f64 / gold as f64 };
    let f = if p + r == 0.0 { 0.0 } else { 2.0 * p * r / (p + r) };
    (p, r, f)
}

fn files(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let Ok(rd) = std::fs::read_dir(dir) else { return out };
    let mut entries: Vec<PathBuf> = rd.flatten().map(|e| e.path()).collect();
    entries.sort();
    for p in entries {
        if p.is_dir() {
            out.extend(files(&p));
        } else if p.extension().is_some_and(|e| e == "jsonl") {
            // Training splits were used to filter the generated pack: evaluate on the rest.
            if !p.file_name().is_some_and(|n| n.to_string_lossy().contains("train")) {
                out.push(p);
            }
        }
    }
    out
}

pub fn run(csc_dir: &Path, corpus: &Path, show: bool) -> ExitCode {
    let benchmarks = files(csc_dir);
    if benchmarks.is_empty() {
        eprintln!("gwlint-eval: no benchmark files under {}", csc_dir.display());
        return ExitCode::from(2);
    }
    let sel = Selection { select: Some(TYPO_RULES.iter().map(|s| s.to_string()).collect()), ..Default::default() };
    let linter = Linter::new(Registry::builtin(), &sel).expect("typo rules");
    println!("## Spelling benchmarks (rules {})\n", TYPO_RULES.join(", "));
    println!("| benchmark | sentences | with errors | flagged | sentence P | sentence R | sentence F1 | char P | char R | char F1 |");
    println!("|---|---|---|---|---|---|---|---|---|---|");
    // The 公文-domain (law) set first, as the issue asks.
    let mut ordered = benchmarks.clone();
    ordered.sort_by_key(|p| (!p.to_string_lossy().contains("law"), p.clone()));
    let mut total = Score::default();
    for path in &ordered {
        let s = score_file(path, &linter, show);
        print_row(&path.strip_prefix(csc_dir).unwrap_or(path).display().to_string(), &s);
        total.sentences += s.sentences;
        total.with_errors += s.with_errors;
        total.flagged += s.flagged;
        total.flagged_correct += s.flagged_correct;
        total.detected += s.detected;
        total.gold_chars += s.gold_chars;
        total.pred_chars += s.pred_chars;
        total.hit_chars += s.hit_chars;
    }
    print_row("**all**", &total);

    // False alarms on the clean 公文.
    let mut chars = 0usize;
    let mut alarms = Vec::new();
    for dir in std::fs::read_dir(corpus).into_iter().flatten().flatten() {
        for f in std::fs::read_dir(dir.path().join("docs")).into_iter().flatten().flatten() {
            let Ok(bytes) = std::fs::read(f.path()) else { continue };
            let name = f.path().display().to_string();
            let Ok(doc) = Document::parse(&name, &bytes, &Default::default()) else { continue };
            chars += doc.text.chars().count();
            for d in linter.check(&doc).into_iter().filter(|d| d.severity >= Severity::Warning) {
                alarms.push(format!("{name}: {} {}", d.code, d.message));
            }
        }
    }
    println!(
        "\nClean 公文 ({}): {} warnings or errors in {:.0}k characters = {:.2} per 10,000 characters (target ≤ 0.5).",
        corpus.display(),
        alarms.len(),
        chars as f64 / 1000.0,
        alarms.len() as f64 * 10_000.0 / chars.max(1) as f64
    );
    for a in &alarms {
        println!("- {a}");
    }
    ExitCode::SUCCESS
}

fn print_row(name: &str, s: &Score) {
    let (sp, sr, sf) = prf(s.flagged_correct, s.flagged, s.with_errors);
    let (cp, cr, cf) = prf(s.hit_chars, s.pred_chars, s.gold_chars);
    println!(
        "| {name} | {} | {} | {} | {sp:.3} | {sr:.3} | {sf:.3} | {cp:.3} | {cr:.3} | {cf:.3} |",
        s.sentences, s.with_errors, s.flagged
    );
}

fn score_file(path: &Path, linter: &Linter, show: bool) -> Score {
    let mut s = Score::default();
    let Ok(text) = std::fs::read_to_string(path) else { return s };
    for line in text.lines().filter(|l| !l.trim().is_empty()) {
        let Ok(v) = serde_json::from_str::<serde_json::Value>(line) else { continue };
        let Some(sentence) = v["text"].as_str() else { continue };
        let gold: Vec<usize> = v["errors"].as_array().map_or(Vec::new(), |e| {
            e.iter()
                .filter_map(|x| {
                    x["pos"].as_u64().map(|p| (p as usize, x["wrong"].as_str().map_or(1, |w| w.chars().count().max(1))))
                })
                .flat_map(|(p, n)| p..p + n)
                .collect()
        });
        s.sentences += 1;
        if !gold.is_empty() {
            s.with_errors += 1;
        }
        s.gold_chars += gold.len();
        let Ok(doc) = Document::from_text("sentence.txt", SourceKind::Txt, sentence) else { continue };
        let diags = linter.check(&doc);
        if diags.is_empty() {
            continue;
        }
        let char_of = |byte: usize| doc.text[..byte.min(doc.text.len())].chars().count();
        let mut pred: Vec<usize> = diags.iter().flat_map(|d| char_of(d.span.start)..char_of(d.span.end)).collect();
        pred.sort_unstable();
        pred.dedup();
        s.flagged += 1;
        let hits = pred.iter().filter(|p| gold.contains(p)).count();
        s.pred_chars += pred.len();
        s.hit_chars += hits;
        if hits > 0 {
            s.flagged_correct += 1;
            s.detected += 1;
        } else if show {
            for d in &diags {
                eprintln!("false alarm {} {}: {} «{}»", path.display(), d.code, d.message, sentence);
            }
        }
    }
    s
}
