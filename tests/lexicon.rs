//! The statistical spelling tables (rules/lexicon/) are generated data: they must match the
//! checksums their generator recorded, and the compiled tables must say what the text says.

use sha2::{Digest, Sha256};
use std::path::Path;

fn lexicon_dir() -> &'static Path {
    Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/rules/lexicon"))
}

/// Checks every table of `dir` against the sha256 its generator recorded in `dir/CHECKSUMS`;
/// returns how many tables and sources the file lists.
fn check_recorded_checksums(dir: &Path, generator: &str) -> (usize, usize) {
    let sums = std::fs::read_to_string(dir.join("CHECKSUMS")).unwrap();
    let (mut tables, mut sources) = (0, 0);
    for line in sums.lines().filter(|l| !l.starts_with('#')) {
        let fields: Vec<&str> = line.split('\t').collect();
        assert_eq!(fields.len(), 3, "{line}");
        assert_eq!(fields[2].len(), 64, "{line}");
        match fields[0] {
            "table" => {
                let bytes = std::fs::read(dir.join(fields[1])).unwrap();
                let sum: String = Sha256::digest(&bytes).iter().map(|b| format!("{b:02x}")).collect();
                assert_eq!(sum, fields[2], "{} differs from what {generator} wrote", fields[1]);
                tables += 1;
            }
            "source" => sources += 1,
            other => panic!("unknown CHECKSUMS line kind {other}"),
        }
    }
    (tables, sources)
}

#[test]
fn committed_tables_match_their_recorded_checksums() {
    // jieba's dictionary, the clean text, the statutes, five confusion sets, Unihan's phonetic
    // series and pypinyin's two dictionaries.
    assert_eq!(check_recorded_checksums(lexicon_dir(), "scripts/build-lexicon.py"), (6, 11));
}

#[test]
fn gw609_tables_match_their_recorded_checksums() {
    let dir = Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/rules/near-miss"));
    // The clean text, three word lists and six confusion sets.
    assert_eq!(check_recorded_checksums(dir, "scripts/build-near-miss-data.py"), (3, 10));
}

#[test]
fn the_sources_and_their_licences_are_named() {
    let sources = std::fs::read_to_string(lexicon_dir().join("SOURCES.md")).unwrap();
    for name in ["jieba", "pypinyin", "pycorrector", "ECSpell", "kPhonetic", "LawRefBook"] {
        assert!(sources.contains(name), "SOURCES.md does not name {name}");
    }
    // The Unicode licence asks for its notice with the data derived from Unihan.
    assert!(sources.contains("SPDX-License-Identifier: Unicode-3.0"));
}

#[test]
fn compiled_tables_say_what_the_text_tables_say() {
    let words = std::fs::read_to_string(lexicon_dir().join("words.txt")).unwrap();
    let mut checked = 0;
    for line in words.lines().filter(|l| !l.starts_with('#')).step_by(997) {
        let mut f = line.split('\t');
        let (w, freq, tag) = (f.next().unwrap(), f.next().unwrap(), f.next().unwrap());
        let found = gwlint_core::lexicon::word(w).unwrap_or_else(|| panic!("{w} not in the compiled lexicon"));
        assert_eq!(found.freq.to_string(), freq, "{w}");
        if gwlint_core::lexicon::format::TAGS.contains(&tag) {
            assert_eq!(found.tag, tag, "{w}");
        }
        checked += 1;
    }
    assert!(checked > 300);
    let grams = std::fs::read_to_string(lexicon_dir().join("char-ngrams.txt")).unwrap();
    for line in grams.lines().filter(|l| !l.starts_with('#')).step_by(499) {
        let (g, n) = line.split_once('\t').unwrap();
        let cs: Vec<char> = g.chars().collect();
        let count = match cs[..] {
            [a] => gwlint_core::lexicon::char_count(a),
            [a, b] => gwlint_core::lexicon::pair_count(a, b),
            _ => panic!("{line}"),
        };
        assert_eq!(count.to_string(), n, "{g}");
    }
    let phrases = std::fs::read_to_string(lexicon_dir().join("phrases.txt")).unwrap();
    for line in phrases.lines().filter(|l| !l.starts_with('#')).step_by(53) {
        let (g, n) = line.split_once('\t').unwrap();
        assert_eq!(gwlint_core::lexicon::phrase_count(g).map(|c| c.to_string()).as_deref(), Some(n), "{g}");
        // Every phrase is found again from each form with one character left out.
        let chars: Vec<char> = g.chars().collect();
        for at in 0..chars.len() {
            let rest: String = chars.iter().enumerate().filter(|&(i, _)| i != at).map(|(_, c)| *c).collect();
            assert!(
                gwlint_core::lexicon::with_one_more(&rest).any(|x| x == (chars[at], at)),
                "{g} without {}",
                chars[at]
            );
        }
    }
    let confused = std::fs::read_to_string(lexicon_dir().join("confused-words.txt")).unwrap();
    let mut pairs = 0;
    for line in confused.lines().filter(|l| !l.starts_with('#')) {
        if let Some(pair) = line.strip_prefix('=') {
            let (a, b) = pair.split_once('\t').unwrap();
            assert_eq!(gwlint_core::lexicon::confused_with(a), Some((a, b)));
            assert_eq!(gwlint_core::lexicon::confused_with(b), Some((b, a)));
            pairs += 1;
        } else {
            let f: Vec<&str> = line.split('\t').collect();
            assert_eq!(gwlint_core::lexicon::near_count(f[0], f[1]).to_string(), f[2], "{line}");
        }
    }
    assert_eq!(pairs, gwlint_core::lexicon::CONFUSED_PAIRS.len());
    let confusion = std::fs::read_to_string(lexicon_dir().join("confusion.txt")).unwrap();
    for line in confusion.lines().filter(|l| !l.starts_with('#')).step_by(97) {
        let (c, others) = line.split_once('\t').unwrap();
        let got: String = gwlint_core::lexicon::confusables(c.chars().next().unwrap()).collect();
        assert_eq!(got, others, "{c}");
    }
    // Readings: every common two-character word whose characters have listed readings is found
    // by its own sound, and by the sound of two characters read as its characters are.
    let pinyin = std::fs::read_to_string(lexicon_dir().join("pinyin.txt")).unwrap();
    let readings: std::collections::HashMap<char, Vec<&str>> = pinyin
        .lines()
        .filter(|l| !l.starts_with('#'))
        .map(|l| {
            let (c, r) = l.split_once('\t').unwrap();
            (c.chars().next().unwrap(), r.split(' ').collect())
        })
        .collect();
    let mut sounded = 0;
    for line in words.lines().filter(|l| !l.starts_with('#')).step_by(101) {
        let f: Vec<&str> = line.split('\t').collect();
        let cs: Vec<char> = f[0].chars().collect();
        let [a, b] = cs[..] else { continue };
        let freq: u32 = f[1].parse().unwrap();
        if freq < gwlint_core::lexicon::format::SWAP_TARGET_FREQ
            || !gwlint_core::lexicon::format::swap_target_tag(f[2])
            || u32::from(a) > 0xFFFF
            || u32::from(b) > 0xFFFF
            || !(readings.contains_key(&a) && readings.contains_key(&b))
        {
            continue;
        }
        assert!(gwlint_core::lexicon::homophones(a, b).contains(&[a, b]), "{}", f[0]);
        sounded += 1;
    }
    assert!(sounded > 100, "{sounded}");
}
