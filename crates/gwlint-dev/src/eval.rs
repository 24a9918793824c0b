//! `gwlint-eval`: quality numbers on the real 公文 corpus (not a test: it needs ../shared).
//!
//! Usage: cargo run --release -p gwlint-dev --bin gwlint-eval -- [--corpus DIR] [--show-findings]
//!        cargo run --release -p gwlint-dev --bin gwlint-eval -- --csc [--csc-dir DIR] [--corpus DIR]
//!        cargo run --release -p gwlint-dev --bin gwlint-eval -- --requests [--corpus DIR]
//!
//! `--requests` lists every request the request model reads in the 正文 of the corpus, with the
//! document's 文种, for reading by hand (real 通知 and 意见 rarely ask their addressees to approve
//! anything, so what it finds there shows where the model reads too much).
//!
//! For every document under DIR/*/docs with metadata in DIR/*/index.jsonl it reports whether
//! `inspect` recognised the title and the 文种 that the metadata gives, how documents were
//! classified, and the findings per rule and severity — how many, per 10,000 characters, and in
//! how many documents — (with --show-findings, every error and warning with its text, for
//! reading by hand). Output is Markdown for docs/quality.md.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use gwlint_core::text::strip_spaces;

#[path = "eval_spelling.rs"]
mod spelling;
use gwlint_core::{Document, Linter, ParseOptions, Severity};

fn main() -> ExitCode {
    let mut corpus = PathBuf::from("../shared/corpus/gongwen");
    let mut csc_dir = PathBuf::from("../shared/corpus/csc");
    let mut show = false;
    let mut csc = false;
    let mut list_requests = false;
    let mut it = std::env::args().skip(1);
    while let Some(a) = it.next() {
        match a.as_str() {
            "--corpus" => corpus = it.next().map(PathBuf::from).unwrap_or(corpus),
            "--csc-dir" => csc_dir = it.next().map(PathBuf::from).unwrap_or(csc_dir),
            "--show-findings" => show = true,
            "--csc" => csc = true,
            "--explain-typos" => {
                for line in gwlint_core::spelling::substitution::explain(&it.next().unwrap_or_default()) {
                    println!("{line}");
                }
                return ExitCode::SUCCESS;
            }
            "--lookup" => {
                for form in it.by_ref() {
                    println!("{}", lookup(&form));
                }
                return ExitCode::SUCCESS;
            }
            "--requests" => list_requests = true,
            _ => {
                eprintln!("usage: gwlint-eval [--corpus DIR] [--show-findings] | --csc [--csc-dir DIR] [--corpus DIR] | --requests [--corpus DIR] | --explain-typos TEXT | --lookup FORM...");
                return ExitCode::from(2);
            }
        }
    }
    if csc {
        return spelling::run(&csc_dir, &corpus, show);
    }
    let entries = match metadata(&corpus) {
        Ok(e) if !e.is_empty() => e,
        Ok(_) | Err(_) => {
            eprintln!("gwlint-eval: no index.jsonl under {} (the shared corpus is not here?)", corpus.display());
            return ExitCode::from(2);
        }
    };
    if list_requests {
        return requests(&entries);
    }
    let linter = Linter::with_defaults();
    let (mut title_ok, mut genre_ok, mut genre_total) = (0, 0, 0);
    let mut classes: BTreeMap<String, usize> = BTreeMap::new();
    let mut per_rule: BTreeMap<(String, Severity), usize> = BTreeMap::new();
    let mut misses = Vec::new();
    let mut findings = Vec::new();
    let mut chars = 0;
    // Documents with any error or warning, per rule and in all.
    let mut docs_per_rule: BTreeMap<String, usize> = BTreeMap::new();
    let mut docs_with_any = 0;
    for (path, title, genre) in &entries {
        let bytes = std::fs::read(path).unwrap_or_default();
        let name = path.display().to_string();
        let doc = match Document::parse(&name, &bytes, &ParseOptions::default()) {
            Ok(d) => d,
            Err(e) => {
                misses.push(format!("{name}: 无法读取：{e}"));
                continue;
            }
        };
        chars += doc.text.chars().count();
        *classes.entry(doc.facts.class.as_zh().to_string()).or_default() += 1;
        let got_title = doc.facts.title.as_deref().map(strip_spaces).unwrap_or_default();
        if got_title == strip_spaces(title) {
            title_ok += 1;
        } else {
            misses.push(format!("{name}: 标题 “{got_title}” ≠ “{title}”"));
        }
        if let Some(g) = genre {
            genre_total += 1;
            let got = doc.facts.genre.map(|g| g.as_str()).unwrap_or("-");
            if got == g {
                genre_ok += 1;
            } else {
                misses.push(format!("{name}: 文种 {got} ≠ {g}"));
            }
        }
        let diags = linter.check(&doc);
        let mut codes: Vec<String> =
            diags.iter().filter(|d| d.severity >= Severity::Warning).map(|d| d.code.to_string()).collect();
        codes.sort();
        codes.dedup();
        docs_with_any += usize::from(!codes.is_empty());
        for c in codes {
            *docs_per_rule.entry(c).or_default() += 1;
        }
        for d in diags {
            *per_rule.entry((d.code.to_string(), d.severity)).or_default() += 1;
            if d.severity >= Severity::Warning {
                let p = doc.position(d.span.start);
                let ctx: String = doc.text[doc.text.floor_char_boundary(d.span.start.saturating_sub(24))..]
                    .chars()
                    .take(20)
                    .collect();
                findings.push(format!(
                    "{name}:{}:{} {} {} «{}»",
                    p.line,
                    p.column,
                    d.code,
                    d.message,
                    ctx.replace('\n', "⏎")
                ));
            }
        }
    }
    let n = entries.len();
    println!("## Corpus: {} ({n} documents, {:.0}k chars)\n", corpus.display(), chars as f64 / 1000.0);
    println!("| measure | result |\n|---|---|");
    println!("| title recognised exactly | {title_ok}/{n} ({:.0}%) |", pct(title_ok, n));
    println!(
        "| 文种 recognised (documents whose title or 发文字号 shows one) | {genre_ok}/{genre_total} ({:.0}%) |",
        pct(genre_ok, genre_total)
    );
    for (c, k) in &classes {
        println!("| classified as {c} | {k} |");
    }
    let per_10k = |k: usize| k as f64 * 10_000.0 / chars.max(1) as f64;
    println!("\n| rule | severity | findings | per 10,000 chars | documents |\n|---|---|---|---|---|");
    for ((code, sev), k) in &per_rule {
        let docs = if *sev >= Severity::Warning { docs_per_rule.get(code).copied().unwrap_or(0) } else { 0 };
        println!("| {code} | {sev} | {k} | {:.2} | {docs} |", per_10k(*k));
    }
    let errwarn: usize = per_rule.iter().filter(|((_, s), _)| *s >= Severity::Warning).map(|(_, k)| k).sum();
    println!(
        "\nErrors and warnings: {errwarn} ({:.2} per 10,000 chars); documents with any: {docs_with_any}/{n} ({:.0}%).",
        per_10k(errwarn),
        pct(docs_with_any, n)
    );
    if !misses.is_empty() {
        println!("\nRecognition misses:\n");
        for m in &misses {
            println!("- {m}");
        }
    }
    if show {
        println!("\nFindings at warning level and above:\n");
        for f in &findings {
            println!("- {f}");
        }
    }
    ExitCode::SUCCESS
}

/// Every request read in the 正文 of the corpus documents.
fn requests(entries: &[(PathBuf, String, Option<String>)]) -> ExitCode {
    let mut n = 0;
    for (path, _, _) in entries {
        let Ok(doc) = Document::parse(
            &path.display().to_string(),
            &std::fs::read(path).unwrap_or_default(),
            &ParseOptions::default(),
        ) else {
            continue;
        };
        let genre = doc.facts.genre.map_or("-", |g| g.as_str());
        for p in doc.parts(gwlint_core::Part::Body) {
            for r in gwlint_core::requests::requests(doc.content(p), p.span.start) {
                n += 1;
                let clause_start = doc.text.floor_char_boundary(r.span.start.saturating_sub(30));
                println!(
                    "{genre}\t{}\t{}\t«{}»",
                    path.display(),
                    doc.slice(r.span),
                    &doc.text[clause_start..r.span.end]
                );
            }
        }
    }
    eprintln!("{n} requests");
    ExitCode::SUCCESS
}

fn pct(a: usize, b: usize) -> f64 {
    100.0 * a as f64 / b.max(1) as f64
}

/// (document path, title, 文种 if the title or the 发文字号 shows one) from every index.jsonl.
fn metadata(corpus: &Path) -> std::io::Result<Vec<(PathBuf, String, Option<String>)>> {
    let mut out = Vec::new();
    let mut dirs: Vec<PathBuf> =
        std::fs::read_dir(corpus)?.flatten().map(|e| e.path()).filter(|p| p.is_dir()).collect();
    dirs.sort();
    for d in dirs {
        let Ok(index) = std::fs::read_to_string(d.join("index.jsonl")) else {
            continue;
        };
        for line in index.lines().filter(|l| !l.trim().is_empty()) {
            let Ok(v) = serde_json::from_str::<serde_json::Value>(line) else {
                continue;
            };
            let (Some(file), Some(title)) = (v["file"].as_str(), v["title"].as_str()) else {
                continue;
            };
            // The 文种 the title shows, or else the one the 发文字号's 机关代字 shows (国办函 → 函).
            let from_number = || {
                let n = v["doc_number"].as_str()?;
                let d = gwlint_core::document::elements::DocNumber::parse(n, 0)?;
                gwlint_core::document::Genre::from_doc_number_code(&n[d.code.start..d.code.end])
            };
            let genre =
                gwlint_core::document::Genre::from_title(title).or_else(from_number).map(|g| g.as_str().to_string());
            out.push((d.join(file), title.to_string(), genre));
        }
    }
    Ok(out)
}

/// What the lexicon knows of `form`: its word entry, its count as a phrase, the counts of its
/// adjacent character pairs and the forms it is with one character left out.
fn lookup(form: &str) -> String {
    use gwlint_core::lexicon;
    let word = lexicon::word(form).map_or("no word".to_string(), |w| format!("word {} {}", w.freq, w.tag));
    let phrase = lexicon::phrase_count(form).map_or("no phrase".to_string(), |k| format!("phrase {k}"));
    let chars: Vec<char> = form.chars().collect();
    let pairs: Vec<String> =
        chars.windows(2).map(|p| format!("{}{} {}", p[0], p[1], lexicon::pair_count(p[0], p[1]))).collect();
    let more: Vec<String> =
        lexicon::with_one_more(form).map(|(c, at)| gwlint_core::spelling::inserted(&chars, at, c)).collect();
    format!("{form}: {word}; {phrase}; pairs {}; one more: {}", pairs.join(", "), more.join(" "))
}
