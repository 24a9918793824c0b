//! Times the reading of Han runs (`HanChars::read`, the decoding, then `HanRuns::of`: the pair
//! lookups and the split into words) over the corpus, and a pair count lookup alone, in one thread; best of several rounds.
//!
//! Usage: cargo run --release -p gwlint-dev --example split_timing -- [DIR] [ROUNDS]
//! (DIR defaults to ../shared/corpus/gongwen; its .txt and .md files are read.)

use gwlint_core::{
    lexicon,
    spelling::{HanChars, HanRuns},
    text::is_han,
};
use std::time::Instant;

fn main() {
    let dir = std::env::args().nth(1).unwrap_or_else(|| "../shared/corpus/gongwen".into());
    let rounds: usize = std::env::args().nth(2).and_then(|s| s.parse().ok()).unwrap_or(7);
    let mut texts = Vec::new();
    let mut stack = vec![std::path::PathBuf::from(&dir)];
    while let Some(p) = stack.pop() {
        if p.is_dir() {
            match std::fs::read_dir(&p) {
                Ok(entries) => stack.extend(entries.filter_map(|e| e.ok().map(|e| e.path()))),
                Err(e) => eprintln!("split_timing: {}: {e}", p.display()),
            }
        } else if p.extension().is_some_and(|e| e == "txt" || e == "md") {
            if let Ok(s) = std::fs::read_to_string(&p) {
                texts.push(s);
            }
        }
    }
    if texts.is_empty() {
        eprintln!("split_timing: no .txt or .md files under {dir}");
        std::process::exit(2);
    }
    texts.sort();
    let han: usize = texts.iter().map(|t| t.chars().filter(|&c| is_han(c)).count()).sum();
    let pairs: Vec<(char, char)> = texts
        .iter()
        .flat_map(|t| {
            let cs: Vec<char> = t.chars().collect();
            cs.windows(2).filter(|w| is_han(w[0]) && is_han(w[1])).map(|w| (w[0], w[1])).collect::<Vec<_>>()
        })
        .collect();
    let best = |f: &dyn Fn()| {
        (0..rounds)
            .map(|_| {
                let t = Instant::now();
                f();
                t.elapsed().as_secs_f64()
            })
            .fold(f64::MAX, f64::min)
    };
    let read = best(&|| {
        for t in &texts {
            let chars = HanChars::read(t);
            std::hint::black_box(HanRuns::of(&chars));
            std::hint::black_box(chars.char_count());
        }
    });
    let lookups = best(&|| {
        std::hint::black_box(pairs.iter().map(|&(a, b)| u64::from(lexicon::pair_count(a, b))).sum::<u64>());
    });
    println!(
        "{} texts, {han} Han characters: HanChars::read and HanRuns::of {:.1} ms ({:.1} ns a Han character); {} pair lookups {:.1} ns each",
        texts.len(),
        read * 1e3,
        read * 1e9 / han as f64,
        pairs.len(),
        lookups * 1e9 / pairs.len() as f64
    );
}
