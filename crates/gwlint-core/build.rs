//! Generates the rule modules and the built-in rule list from the rule files themselves:
//! every `src/rules/<family>/<file>.rs` becomes `rules::<family>::<file>`, and every
//! `impl Rule for X` in those files is registered. Adding a rule touches only its own file (and
//! its fixtures); nothing is listed by hand.

use std::fmt::Write;
use std::path::Path;

#[path = "src/lexicon/format.rs"]
#[allow(dead_code)]
mod format;

#[path = "src/pack_file.rs"]
#[allow(dead_code)]
mod pack_file;

#[path = "src/rules/wording/near_miss_format.rs"]
mod near_miss_format;

fn main() {
    rule_modules();
    lexicon_tables();
    near_miss_pairs();
    near_miss_tables();
    builtin_packs();
}

/// The built-in packs (every `rules/*.toml`), read from TOML here and written as Rust values
/// (`BUILTIN_PACKS`: path and text; `BUILTIN_PACK_DATA`: the parsed values), so gwlint parses
/// no TOML when it starts. A pack that does not parse fails the build.
fn builtin_packs() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../rules");
    println!("cargo::rerun-if-changed={}", dir.display());
    let mut paths: Vec<_> = std::fs::read_dir(&dir)
        .expect("rules/")
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "toml"))
        .collect();
    paths.sort();
    let lit = |s: &str| format!("{s:?}");
    let opt = |s: &Option<String>| s.as_deref().map_or("None".to_string(), |s| format!("Some({s:?})"));
    let mut texts = String::from("/// The built-in packs: path (as shown in messages) and TOML text.\npub const BUILTIN_PACKS: &[(&str, &str)] = &[\n");
    let mut data = String::from("/// The built-in packs, parsed when gwlint was built, in the order of [`BUILTIN_PACKS`].\nstatic BUILTIN_PACK_DATA: &[crate::pack_file::StaticPack] = &[\n");
    for path in &paths {
        println!("cargo::rerun-if-changed={}", path.display());
        let name = format!("rules/{}", path.file_name().unwrap().to_string_lossy());
        let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{name}: {e}"));
        let file: pack_file::PackFile = toml::from_str(&text).unwrap_or_else(|e| panic!("{name}: {e}"));
        writeln!(texts, "    ({}, include_str!({})),", lit(&name), lit(&path.display().to_string())).unwrap();
        let r = &file.rule;
        let rule = [&r.code, &r.name, &r.category, &r.severity, &r.message, &r.fix, &r.summary, &r.source, &r.docs];
        writeln!(data, "    crate::pack_file::StaticPack {{").unwrap();
        writeln!(data, "        allow: &[{}],", file.allow.iter().map(|a| lit(a)).collect::<Vec<_>>().join(", "))
            .unwrap();
        writeln!(data, "        rule: [{}],", rule.iter().map(|s| lit(s)).collect::<Vec<_>>().join(", ")).unwrap();
        writeln!(
            data,
            "        skip_book_titles: {},\n        skip_quotations: {},",
            r.skip_book_titles, r.skip_quotations
        )
        .unwrap();
        writeln!(data, "        entries: &[").unwrap();
        for e in &file.entries {
            writeln!(data, "            ({}, {}, {}, {}),", lit(&e.wrong), opt(&e.right), opt(&e.note), opt(&e.fix))
                .unwrap();
        }
        writeln!(data, "        ],\n    }},").unwrap();
    }
    texts.push_str("];\n\n");
    data.push_str("];\n\n/// The built-in packs' values as read from TOML (the tests compare them with their files).\n#[cfg(test)]\nfn builtin_pack_files() -> Vec<crate::pack_file::PackFile> {\n    BUILTIN_PACK_DATA.iter().map(|p| p.to_file()).collect()\n}\n");
    let out = std::path::PathBuf::from(std::env::var("OUT_DIR").unwrap());
    std::fs::write(out.join("builtin_packs.rs"), texts + &data).unwrap();
}

/// GW609's attested character pairs (`rules/near-miss/bigrams.txt`: a character and the
/// characters seen after it) as keys (first << 32 | second), sorted and once each.
fn near_miss_bigrams() -> Vec<u64> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../rules/near-miss/bigrams.txt");
    println!("cargo::rerun-if-changed={}", path.display());
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let mut keys: Vec<u64> = Vec::new();
    for (first, followers) in near_miss_format::data_lines(&text) {
        if let Some(a) = first.chars().next() {
            keys.extend(followers.chars().map(|b| (u64::from(a) << 32) | u64::from(b)));
        }
    }
    keys.sort_unstable();
    keys.dedup();
    keys
}

/// The slot key ([`format::pair_slot_key`]) of a pair key (first << 32 | second), if the pair
/// has one.
fn slot_key(key: u64) -> Option<u32> {
    let (a, b) = (char::from_u32((key >> 32) as u32), char::from_u32(key as u32));
    a.filter(|_| key >> 32 != 0).zip(b).and_then(|(a, b)| format::pair_slot_key(a, b))
}

/// GW609's attested pairs that have no slot among the pair counts (a character above the Basic
/// Multilingual Plane) as a hashed table of keys without values: the keys mixed and sorted, with
/// their bucket index. The others are marked in the pair counts' slots (see `lexicon`).
fn near_miss_pairs() {
    let out = std::path::PathBuf::from(std::env::var("OUT_DIR").unwrap());
    write_hashed_keys(&out, "near_miss_pairs", near_miss_bigrams().into_iter().filter(|&k| slot_key(k).is_none()));
}

/// A hashed table of keys without values (`Table::hashed_keys`): the keys mixed and sorted as
/// `name.keys`, their bucket index as `name.index`.
fn write_hashed_keys(out: &Path, name: &str, keys: impl Iterator<Item = u64>) {
    let mut stored: Vec<u64> = keys.map(format::mix).collect();
    stored.sort_unstable();
    std::fs::write(out.join(format!("{name}.index")), format::bucket_index(&stored)).unwrap();
    std::fs::write(out.join(format!("{name}.keys")), stored.iter().flat_map(|k| k.to_le_bytes()).collect::<Vec<u8>>())
        .unwrap();
}

/// GW609's tables, compiled from `rules/near-miss/words.txt` and `confusion.txt` so that nothing
/// is parsed when the rule first runs (building them took about half of a one-line check):
/// - `near_miss_masked.bin`: the four-character targets by their characters with one left open
///   ('\0'), sorted by that form and then by the target's index (its place among the targets,
///   `near_miss_format::targets`), 24 bytes each: the form as a little-endian `u128`
///   (`near_miss_format::form_key`), the target's index and the open place as `u32`s;
/// - `near_miss_masked.buckets`: where those entries stand by character (`u32`s): the number of
///   forms open at their first place (they sort first), then for each character below U+10000
///   and one past, the first of them whose second character is it or above, then the same for
///   the other forms by their first character;
/// - `near_miss_masked.filter`: the forms' bits (`near_miss_format::masked_bit`), bit `b` in
///   byte `b / 8`;
/// - `near_miss_words.keys` and `.index`: every word of the list (targets and known words) as a
///   hashed table of word keys (`format::word_key`);
/// - `near_miss_data.rs`: the targets' characters and kinds, which characters stand at each
///   place of a four-character target, the longer targets by first and last character and
///   length, and where each character's confusables are in `confusion.txt`.
///
/// `near_miss_tables` checks each against the lists in tests.
fn near_miss_tables() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../rules/near-miss");
    let read = |name: &str| {
        let path = dir.join(name);
        println!("cargo::rerun-if-changed={}", path.display());
        std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
    };
    let (words, confusion) = (read("words.txt"), read("confusion.txt"));
    let out = std::path::PathBuf::from(std::env::var("OUT_DIR").unwrap());
    let targets: Vec<(Vec<char>, char)> =
        near_miss_format::targets(&words).map(|(w, flag)| (w.chars().collect(), flag)).collect();

    // The four-character forms, their buckets and their filter.
    let mut entries: Vec<(u128, u32, u32)> = Vec::new();
    for (index, (chars, _)) in targets.iter().enumerate() {
        let Ok(four) = <[char; 4]>::try_from(chars.as_slice()) else { continue };
        for open in 0..4 {
            let mut form = four;
            form[open] = '\0';
            entries.push((near_miss_format::form_key(form), index as u32, open as u32));
        }
    }
    entries.sort_unstable();
    let mut bytes = Vec::with_capacity(entries.len() * 24);
    for &(form, target, open) in &entries {
        bytes.extend_from_slice(&form.to_le_bytes());
        bytes.extend_from_slice(&target.to_le_bytes());
        bytes.extend_from_slice(&open.to_le_bytes());
    }
    std::fs::write(out.join("near_miss_masked.bin"), bytes).unwrap();
    let first = |form: u128| (form >> 96) as u32;
    let second = |form: u128| (form >> 64) as u32;
    let open_first = entries.iter().position(|e| first(e.0) != 0).unwrap_or(entries.len());
    let mut buckets: Vec<u32> = vec![open_first as u32];
    for (part, key) in [(0..open_first, &second as &dyn Fn(u128) -> u32), (open_first..entries.len(), &first)] {
        let mut i = part.start;
        for c in 0..=near_miss_format::BUCKET_CHARS as u32 {
            while i < part.end && key(entries[i].0) < c {
                i += 1;
            }
            buckets.push(i as u32);
        }
    }
    std::fs::write(
        out.join("near_miss_masked.buckets"),
        buckets.iter().flat_map(|b| b.to_le_bytes()).collect::<Vec<u8>>(),
    )
    .unwrap();
    let mut filter = vec![0u8; (1 << near_miss_format::MASKED_FILTER_BITS) / 8];
    for &(form, _, _) in &entries {
        let b = near_miss_format::masked_bit(form);
        filter[b / 8] |= 1 << (b % 8);
    }
    std::fs::write(out.join("near_miss_masked.filter"), filter).unwrap();

    // Every word of the list, by its key.
    let mut keys: Vec<u64> = near_miss_format::data_lines(&words).map(|(w, _)| format::word_key(w)).collect();
    keys.sort_unstable();
    keys.dedup();
    let distinct: std::collections::BTreeSet<&str> = near_miss_format::data_lines(&words).map(|(w, _)| w).collect();
    assert_eq!(keys.len(), distinct.len(), "two words of rules/near-miss/words.txt share a key");
    write_hashed_keys(&out, "near_miss_words", keys.into_iter());

    // The targets, and what the scan asks of them.
    let ch = |c: char| format!("'\\u{{{:x}}}'", u32::from(c));
    let bits = |set: &std::collections::BTreeSet<u32>| {
        let mut words = vec![0u64; near_miss_format::BUCKET_CHARS / 64];
        for &c in set.iter().filter(|&&c| (c as usize) < near_miss_format::BUCKET_CHARS) {
            words[c as usize / 64] |= 1 << (c % 64);
        }
        format!("[{}]", words.iter().map(|w| format!("{w:#x}")).collect::<Vec<_>>().join(", "))
    };
    let mut rs = String::new();
    let longest = targets.iter().map(|t| t.0.len()).max().unwrap_or(4).max(4);
    writeln!(rs, "// Generated by build.rs from rules/near-miss/words.txt and confusion.txt.\n").unwrap();
    writeln!(rs, "const LONGEST: usize = {longest};").unwrap();
    let all: Vec<char> = targets.iter().flat_map(|t| t.0.iter().copied()).collect();
    writeln!(
        rs,
        "static TARGET_CHARS: [char; {}] = [{}];",
        all.len(),
        all.iter().map(|&c| ch(c)).collect::<Vec<_>>().join(", ")
    )
    .unwrap();
    let mut at = 0;
    let rows: Vec<String> = targets
        .iter()
        .map(|(chars, flag)| {
            let row = format!("({at}, {}, WordKind::{})", chars.len(), if *flag == 'I' { "Idiom" } else { "Compound" });
            at += chars.len();
            row
        })
        .collect();
    writeln!(rs, "static TARGETS: [(u32, u8, WordKind); {}] = [{}];", rows.len(), rows.join(", ")).unwrap();
    let mut at_position = vec![std::collections::BTreeSet::new(); 4];
    let mut long_first = std::collections::BTreeSet::new();
    let mut long_lengths: std::collections::BTreeMap<char, Vec<usize>> = Default::default();
    let mut long: std::collections::BTreeMap<(char, char, usize), Vec<usize>> = Default::default();
    for (index, (chars, _)) in targets.iter().enumerate() {
        if chars.len() == 4 {
            for (set, &c) in at_position.iter_mut().zip(chars) {
                set.insert(u32::from(c));
            }
        } else {
            let (first, last, n) = (chars[0], chars[chars.len() - 1], chars.len());
            long.entry((first, last, n)).or_default().push(index);
            let lengths = long_lengths.entry(first).or_default();
            if !lengths.contains(&n) {
                lengths.push(n);
            }
            long_first.insert(u32::from(first));
        }
    }
    writeln!(
        rs,
        "static AT_POSITION: [[u64; {}]; 4] = [{}];",
        near_miss_format::BUCKET_CHARS / 64,
        at_position.iter().map(bits).collect::<Vec<_>>().join(", ")
    )
    .unwrap();
    writeln!(rs, "static LONG_FIRST: [u64; {}] = {};", near_miss_format::BUCKET_CHARS / 64, bits(&long_first)).unwrap();
    let rows: Vec<String> = long_lengths
        .iter_mut()
        .map(|(&c, lengths)| {
            lengths.sort_unstable_by(|a, b| b.cmp(a));
            format!("({}, &[{}])", ch(c), lengths.iter().map(|n| n.to_string()).collect::<Vec<_>>().join(", "))
        })
        .collect();
    writeln!(rs, "static LONG_LENGTHS: [(char, &[u8]); {}] = [{}];", rows.len(), rows.join(", ")).unwrap();
    let rows: Vec<String> = long
        .iter()
        .map(|(&(a, b, n), ts)| {
            format!(
                "(({}, {}, {n}), &[{}])",
                ch(a),
                ch(b),
                ts.iter().map(|t| t.to_string()).collect::<Vec<_>>().join(", ")
            )
        })
        .collect();
    writeln!(rs, "static LONG: [(LongKey, &[u32]); {}] = [{}];", rows.len(), rows.join(", ")).unwrap();
    // A character's confusables as the byte range of its line's value in confusion.txt (the last
    // line of a character counts).
    let mut confusables: std::collections::BTreeMap<char, (usize, usize)> = Default::default();
    for (key, value) in near_miss_format::data_lines(&confusion) {
        if let Some(c) = key.chars().next() {
            let start = value.as_ptr() as usize - confusion.as_ptr() as usize;
            confusables.insert(c, (start, start + value.len()));
        }
    }
    let rows: Vec<String> = confusables.iter().map(|(&c, (s, e))| format!("({}, {s}, {e})", ch(c))).collect();
    writeln!(rs, "static CONFUSABLES: [(char, u32, u32); {}] = [{}];", rows.len(), rows.join(", ")).unwrap();
    std::fs::write(out.join("near_miss_data.rs"), rs).unwrap();
}

fn rule_modules() {
    let rules = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/rules");
    println!("cargo::rerun-if-changed={}", rules.display());
    let mut families: Vec<_> =
        std::fs::read_dir(&rules).expect("src/rules").flatten().map(|e| e.path()).filter(|p| p.is_dir()).collect();
    families.sort();
    let mut modules = String::new();
    let mut list = Vec::new();
    for family in &families {
        println!("cargo::rerun-if-changed={}", family.display());
        let fam = family.file_name().unwrap().to_str().unwrap().to_string();
        let mut files: Vec<_> = std::fs::read_dir(family)
            .unwrap()
            .flatten()
            .map(|e| e.path())
            .filter(|p| p.extension().is_some_and(|e| e == "rs"))
            .collect();
        files.sort();
        writeln!(modules, "pub mod {fam} {{").unwrap();
        for file in files {
            println!("cargo::rerun-if-changed={}", file.display());
            let module = file.file_stem().unwrap().to_str().unwrap().to_string();
            writeln!(modules, "    #[path = {:?}]\n    pub mod {module};", file.display().to_string()).unwrap();
            let text = std::fs::read_to_string(&file).unwrap();
            for line in text.lines() {
                if let Some(rest) = line.trim().strip_prefix("impl Rule for ") {
                    let ty: String = rest.chars().take_while(|c| c.is_alphanumeric() || *c == '_').collect();
                    list.push(format!("{fam}::{module}::{ty}"));
                }
            }
        }
        writeln!(modules, "}}").unwrap();
    }
    writeln!(modules, "\n/// Every built-in code rule (generated from the rule files).").unwrap();
    writeln!(modules, "pub fn builtin() -> Vec<Box<dyn crate::rule::Rule>> {{\n    vec![").unwrap();
    for ty in &list {
        writeln!(modules, "        Box::new({ty}),").unwrap();
    }
    writeln!(modules, "    ]\n}}").unwrap();
    let out = Path::new(&std::env::var("OUT_DIR").unwrap()).join("rules.rs");
    std::fs::write(out, modules).unwrap();
}

/// The lexicon tables of `rules/lexicon/` as sorted binary arrays in OUT_DIR (see
/// `src/lexicon/format.rs`).
fn lexicon_tables() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../rules/lexicon");
    let out = std::path::PathBuf::from(std::env::var("OUT_DIR").unwrap());
    let read = |name: &str| {
        let path = dir.join(name);
        println!("cargo::rerun-if-changed={}", path.display());
        std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
    };
    let rows = |text: &str| -> Vec<(String, String, String)> {
        text.lines()
            .filter(|l| !l.starts_with('#') && !l.is_empty())
            .map(|l| {
                let mut f = l.split('\t');
                let a = f.next().unwrap_or_default().to_string();
                let b = f.next().unwrap_or_default().to_string();
                let c = f.next().unwrap_or_default().to_string();
                (a, b, c)
            })
            .collect()
    };

    // Words: key, frequency, tag.
    let word_rows = rows(&read("words.txt"));
    let mut words: Vec<(u64, u32, u8)> = word_rows
        .iter()
        .map(|(w, f, t)| (format::word_key(w), f.parse().expect("word frequency"), format::tag_code(t)))
        .collect();
    words.sort_unstable();
    assert!(words.windows(2).all(|w| w[0].0 != w[1].0), "two lexicon words share a key");
    let total: u64 = words.iter().map(|w| u64::from(w.1)).sum();
    write_hashed_table(&out, "words", words.iter().map(|w| (w.0, w.1)), Some(words.iter().map(|w| w.2).collect()));
    // A one-hash filter over the word keys: most strings that are no word are ruled out with one
    // memory read instead of a binary search.
    let filter = format::filter_of(words.iter().map(|w| format::filter_bit(w.0)));
    std::fs::write(out.join("words.filter"), filter).unwrap();
    // A double-array trie over the words with each word's frequency: the split walks it once
    // from each start and learns every word that starts there (and where no word goes on)
    // without hashing or a table lookup per candidate. Its alphabet is the characters of the
    // words, commonest first (weighted by the words' frequencies), a byte or two each
    // (`format::trie_code_bytes`): a walk reads a unit per byte, and most characters are one.
    let mut weight: std::collections::HashMap<char, u64> = std::collections::HashMap::new();
    for (w, f, _) in &word_rows {
        for c in w.chars() {
            *weight.entry(c).or_default() += f.parse::<u64>().expect("word frequency") + 1;
        }
    }
    let mut ranked: Vec<(char, u64)> = weight.into_iter().collect();
    ranked.sort_unstable_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    assert!(ranked.len() as u32 <= format::TRIE_MAX_CODE, "more characters than trie codes");
    let code: std::collections::HashMap<char, u32> =
        ranked.iter().enumerate().map(|(i, &(c, _))| (c, i as u32 + 1)).collect();
    // The trie's value is the rank of the word's frequency among the distinct frequencies (a
    // few thousand): the split reads the frequency and its logarithm from tables by the rank
    // instead of taking a logarithm for every word it weighs.
    let mut freqs: Vec<u32> = word_rows.iter().map(|(_, f, _)| f.parse::<u32>().expect("word frequency")).collect();
    freqs.sort_unstable();
    freqs.dedup();
    std::fs::write(out.join("word-freqs"), freqs.iter().flat_map(|f| f.to_le_bytes()).collect::<Vec<u8>>()).unwrap();
    let rank =
        |f: &str| freqs.binary_search(&f.parse::<u32>().expect("word frequency")).expect("a listed frequency") as u32;
    // Each character's entry: its code and its rank as a word of one character.
    let single: std::collections::HashMap<char, u32> = word_rows
        .iter()
        .filter(|(w, _, _)| w.chars().count() == 1)
        .map(|(w, f, _)| (w.chars().next().expect("a character"), rank(f)))
        .collect();
    let mut dense = vec![0u8; (format::TRIE_DENSE.end() - format::TRIE_DENSE.start() + 1) as usize * 4];
    let mut sparse: Vec<(u32, u32)> = Vec::new();
    for (&c, &k) in &code {
        let cp = u32::from(c);
        let entry = format::trie_entry(k, single.get(&c).copied());
        if format::TRIE_DENSE.contains(&cp) {
            let i = (cp - format::TRIE_DENSE.start()) as usize * 4;
            dense[i..i + 4].copy_from_slice(&entry.to_le_bytes());
        } else {
            sparse.push((cp, entry));
        }
    }
    sparse.sort_unstable();
    std::fs::write(out.join("trie-codes.dense"), dense).unwrap();
    std::fs::write(
        out.join("trie-codes.sparse"),
        sparse.iter().flat_map(|&(c, k)| [c, k]).flat_map(u32::to_le_bytes).collect::<Vec<u8>>(),
    )
    .unwrap();
    let encoded: Vec<Vec<u8>> = word_rows
        .iter()
        .map(|(w, _, _)| {
            let mut bytes = Vec::new();
            w.chars().for_each(|c| format::trie_code_bytes(code[&c], &mut bytes));
            bytes
        })
        .collect();
    let mut trie_keys: Vec<(&[u8], u32)> =
        encoded.iter().zip(&word_rows).map(|(e, (_, f, _))| (e.as_slice(), rank(f))).collect();
    trie_keys.sort_unstable();
    assert!(trie_keys.windows(2).all(|k| k[0].0 != k[1].0), "two words share trie bytes");
    assert!(trie_keys.iter().all(|k| k.1 < 1 << 31 && !k.0.contains(&0)), "a trie value takes 31 bits, a key no NUL");
    let trie = yada::builder::DoubleArrayBuilder::build(&trie_keys).expect("the words' double-array trie");
    std::fs::write(out.join("words.trie"), &trie).unwrap();

    // Character n-grams: key, count.
    let grams: Vec<(u64, u32)> = rows(&read("char-ngrams.txt"))
        .iter()
        .map(|(g, n, _)| {
            let mut cs = g.chars();
            let a = cs.next().expect("n-gram");
            (format::ngram_key(a, cs.next()), n.parse().expect("n-gram count"))
        })
        .collect();
    let chars: u64 = grams.iter().filter(|g| g.0 >> 32 == 0).map(|g| u64::from(g.1)).sum();
    // The pairs of the Basic Multilingual Plane (all of them, as the lexicon stands) in slots
    // of their own, each marked if GW609 attests it (a pair it attests and the counts lack gets
    // a slot with count 0); the characters, and any other pair, in the hashed table with its
    // filter.
    // Each pair's count, as `lexicon::pair_count` reads it (for the dropped characters below).
    let pair_counts: std::collections::HashMap<u64, u32> = grams.iter().filter(|g| g.0 >> 32 != 0).copied().collect();
    let (pairs, grams): (Vec<_>, Vec<_>) = grams.into_iter().partition(|g| slot_key(g.0).is_some());
    let mut slotted: std::collections::BTreeMap<u32, (u32, bool)> = std::collections::BTreeMap::new();
    for (k, n) in pairs {
        slotted.insert(slot_key(k).expect("a pair key"), (n, false));
    }
    for k in near_miss_bigrams().into_iter().filter_map(slot_key) {
        slotted.entry(k).or_insert((0, false)).1 = true;
    }
    // Each slot also tells the split the words its pair starts: the pair as a word of two
    // characters (its frequency rank) and whether a longer word starts with it.
    let mut starts: std::collections::HashMap<u32, (Option<u32>, bool)> = std::collections::HashMap::new();
    for (w, f, _) in &word_rows {
        let mut cs = w.chars();
        if let (Some(a), Some(b)) = (cs.next(), cs.next()) {
            if let Some(k) = format::pair_slot_key(a, b) {
                let e = starts.entry(k).or_default();
                match cs.next() {
                    None => e.0 = Some(rank(f)),
                    Some(_) => e.1 = true,
                }
            }
        }
    }
    // And whether the pair stands inside a longer word after its first character: the split's
    // walk of the trie does not go on over a pair that does not.
    let mut inner: std::collections::HashSet<u32> = std::collections::HashSet::new();
    for (w, _, _) in &word_rows {
        let cs: Vec<char> = w.chars().collect();
        for pair in cs.get(1..).unwrap_or_default().windows(2) {
            if let Some(k) = format::pair_slot_key(pair[0], pair[1]) {
                inner.insert(k);
            }
        }
    }
    // And, for a pair a longer word starts with, where the trie goes on after it: the split
    // walks on from there instead of from the root.
    let base_after = |k: u32| -> u32 {
        let (a, b) = (char::from_u32(k >> 16).expect("a character"), char::from_u32(k & 0xFFFF).expect("a character"));
        let mut bytes = Vec::new();
        format::trie_code_bytes(code[&a], &mut bytes);
        format::trie_code_bytes(code[&b], &mut bytes);
        let root = format::trie_unit(&trie, 0).expect("the trie's root");
        bytes.iter().fold(format::trie_base(0, root), |base, &byte| {
            let (index, unit) = format::trie_child(&trie, base, byte).expect("a word's pair in the trie");
            format::trie_base(index, unit)
        })
    };
    let mut slotted: Vec<(u32, u32, u32)> = slotted
        .into_iter()
        .map(|(k, (n, attested))| {
            let (word, longer) = starts.get(&k).copied().unwrap_or_default();
            let value = format::pair_value(n, attested, word, longer, inner.contains(&k));
            (k, value, if longer { base_after(k) } else { 0 })
        })
        .collect();
    // The commonest pairs first: each takes the slot its search starts at, so that most pairs
    // of running text are found at the first slot read (a search that reads on past it is a
    // branch the processor guesses wrong).
    slotted.sort_by_key(|&(k, v, _)| (std::cmp::Reverse(v & format::PAIR_COUNT), k));
    std::fs::write(out.join("pairs.slots"), format::pair_slots(&slotted)).unwrap();
    let filter = format::filter_of(grams.iter().map(|g| format::ngram_bit(g.0)));
    std::fs::write(out.join("ngrams.filter"), filter).unwrap();
    write_hashed_table(&out, "ngrams", grams.into_iter(), None);

    // Phrases: key, count in clean text.
    let phrase_rows = rows(&read("phrases.txt"));
    let mut phrases: Vec<(u64, u32)> =
        phrase_rows.iter().map(|(g, n, _)| (format::word_key(g), n.parse().expect("phrase count"))).collect();
    phrases.sort_unstable();
    phrases.dedup_by_key(|p| p.0);
    write_hashed_table(&out, "phrases", phrases.into_iter(), None);

    // Dropped characters: for every phrase and every common lexicon word of three to six
    // characters, the form with one character left out -> the character and where it goes.
    let mut dropped: Vec<(u64, u32)> = Vec::new();
    let targets = phrase_rows.iter().map(|r| r.0.as_str()).chain(
        word_rows
            .iter()
            .filter(|(w, f, _)| {
                (3..=6).contains(&w.chars().count()) && f.parse::<u32>().unwrap_or(0) >= format::DROP_TARGET_FREQ
            })
            .map(|r| r.0.as_str()),
    );
    // Where the character goes in each form, as the store of runs asks before it splits a run
    // (`dropped::may_read`): the two characters on either side of a gap inside a form, and the
    // last character of a form of three or more whose word goes on after it, with that character.
    let (mut gaps, mut ends): (Vec<u64>, Vec<(u64, u32)>) = (Vec::new(), Vec::new());
    for target in targets {
        let chars: Vec<char> = target.chars().collect();
        for (at, &c) in chars.iter().enumerate() {
            let rest: Vec<char> = chars.iter().enumerate().filter(|&(i, _)| i != at).map(|(_, ch)| *ch).collect();
            dropped.push((format::word_key(&rest.iter().collect::<String>()), format::drop_value(c, at)));
            if (1..rest.len()).contains(&at) {
                gaps.push(format::ngram_key(rest[at - 1], Some(rest[at])));
            } else if at == rest.len() && rest.len() >= 3 {
                let count = pair_counts.get(&format::ngram_key(rest[at - 1], Some(c))).copied().unwrap_or(0);
                ends.push((u64::from(rest[at - 1]), format::drop_end_value(c, count)));
            }
        }
    }
    dropped.sort_unstable();
    dropped.dedup();
    // Most stretches of text are no word with a character left out: the filter rules them out
    // with one bit instead of a read of the table.
    let keys: Vec<u64> = dropped.iter().map(|d| d.0).collect();
    std::fs::write(out.join("dropped.filter"), format::blocked_filter_of(&keys)).unwrap();
    write_hashed_table(&out, "dropped", dropped.into_iter(), None);
    // The pairs seen often enough to stand beside a character put back in a gap seen once or
    // more: the filter `lexicon::may_be_seen_often` asks before it looks a pair up.
    // (A filter is the same in any order of its keys.)
    let often: Vec<u64> = pair_counts.iter().filter(|&(_, &n)| n > format::OFTEN_SEEN).map(|(&k, _)| k).collect();
    std::fs::write(out.join("pairs-often.filter"), format::blocked_filter_of(&often)).unwrap();
    gaps.sort_unstable();
    gaps.dedup();
    std::fs::write(out.join("dropped-gaps.filter"), format::blocked_filter_of(&gaps)).unwrap();
    ends.sort_unstable();
    ends.dedup();
    write_hashed_table(&out, "dropped-ends", ends.into_iter(), None);

    // Swap targets: every word a swapped character may be read as, by its form with each
    // character left open -> that character (标? -> 准, 水, 批 ...).
    let mut swaps: Vec<(u64, u32)> = Vec::new();
    for (w, f, t) in &word_rows {
        let chars: Vec<char> = w.chars().collect();
        let freq: u32 = f.parse().expect("word frequency");
        if (2..=4).contains(&chars.len()) && freq >= format::SWAP_TARGET_FREQ && format::swap_target_tag(t) {
            for (at, &c) in chars.iter().enumerate() {
                swaps.push((format::wildcard_key(&chars, at), u32::from(c)));
            }
        }
    }
    swaps.sort_unstable();
    swaps.dedup();
    // Most forms with a place left open are no word's: the filter rules them out with one read
    // of a table small enough to stay in the cache.
    let mut keys: Vec<u64> = swaps.iter().map(|s| s.0).collect();
    keys.dedup();
    std::fs::write(out.join("swaps.filter"), format::blocked_filter_of(&keys)).unwrap();
    write_hashed_table(&out, "swaps", swaps.into_iter(), None);

    // Readings: key = the character, rows = the numbers of its readings without tones (the
    // readings sorted); homophones: key = two reading numbers, rows = the two-character words
    // that sound so (as the two characters' code points, 16 bits each), for the swap check's
    // words written with two characters of the same sound (鱼蒜 for 预算).
    let reading_rows = rows(&read("pinyin.txt"));
    let mut syllables: Vec<&str> = reading_rows.iter().flat_map(|(_, r, _)| r.split(' ')).collect();
    syllables.sort_unstable();
    syllables.dedup();
    let number = |r: &str| syllables.binary_search(&r).expect("a listed reading") as u32;
    let mut readings: std::collections::HashMap<char, Vec<u32>> = std::collections::HashMap::new();
    let mut reading_table: Vec<(u64, u32)> = Vec::new();
    for (c, r, _) in &reading_rows {
        let c = c.chars().next().expect("a character");
        let numbers: Vec<u32> = r.split(' ').map(number).collect();
        reading_table.extend(numbers.iter().map(|&n| (u64::from(c), n)));
        readings.insert(c, numbers);
    }
    write_hashed_table(&out, "readings", reading_table.into_iter(), None);
    let mut homophones: Vec<(u64, u32)> = Vec::new();
    for (w, f, t) in &word_rows {
        let chars: Vec<char> = w.chars().collect();
        let freq: u32 = f.parse().expect("word frequency");
        let [a, b] = chars[..] else { continue };
        if freq < format::SWAP_TARGET_FREQ || !format::swap_target_tag(t) {
            continue;
        }
        let (Ok(a16), Ok(b16)) = (u16::try_from(u32::from(a)), u16::try_from(u32::from(b))) else { continue };
        let (Some(ra), Some(rb)) = (readings.get(&a), readings.get(&b)) else { continue };
        for &x in ra {
            for &y in rb {
                homophones.push((format::sound_key(x, y), (u32::from(a16) << 16) | u32::from(b16)));
            }
        }
    }
    homophones.sort_unstable();
    homophones.dedup();
    write_hashed_table(&out, "homophones", homophones.into_iter(), None);

    // Real words confused with each other: the pairs as code, the counts as a table keyed by
    // "word<TAB>neighbour" (the word's own count under "word<TAB>").
    let mut pairs_code = String::from("/// Real words confused with each other (rules/lexicon/confused-words.txt).\npub const CONFUSED_PAIRS: &[(&str, &str)] = &[\n");
    let mut near: Vec<(u64, u32)> = Vec::new();
    for line in read("confused-words.txt").lines().filter(|l| !l.starts_with('#') && !l.is_empty()) {
        if let Some(pair) = line.strip_prefix('=') {
            let (a, b) = pair.split_once('\t').expect("pair");
            writeln!(pairs_code, "    ({a:?}, {b:?}),").unwrap();
        } else {
            let mut f = line.split('\t');
            let (w, n, c) = (f.next().unwrap_or_default(), f.next().unwrap_or_default(), f.next().unwrap_or_default());
            near.push((format::word_key(&format!("{w}\t{n}")), c.parse().expect("count")));
        }
    }
    pairs_code.push_str("];\n");
    std::fs::write(out.join("confused_pairs.rs"), pairs_code).unwrap();
    near.sort_unstable();
    write_hashed_table(&out, "near", near.into_iter(), None);

    // Confusion: key = the character, value = offset of its run in a flat array of characters.
    let mut confusion = rows(&read("confusion.txt"));
    confusion.sort_by_key(|r| r.0.chars().next().map(u32::from));
    let mut flat: Vec<u8> = Vec::new();
    let mut index = Vec::new();
    for (c, others, _) in &confusion {
        let c = c.chars().next().expect("confusion character");
        index.push((u64::from(c), (flat.len() / 4) as u32));
        for o in others.chars() {
            flat.extend_from_slice(&u32::from(o).to_le_bytes());
        }
    }
    index.push((u64::MAX, (flat.len() / 4) as u32));
    // For the characters of the dense range, where the runs of the characters from each one on
    // begin (a run is from its character's place to the next): one read instead of a binary
    // search over every character with confusables.
    let dense = format::TRIE_DENSE;
    let mut at = 0;
    let mut runs_from: Vec<u8> = Vec::new();
    for cp in *dense.start()..=*dense.end() + 1 {
        while at < index.len() && index[at].0 < u64::from(cp) {
            at += 1;
        }
        runs_from.extend_from_slice(&index[at].1.to_le_bytes());
    }
    std::fs::write(out.join("confusion.dense"), runs_from).unwrap();
    write_table(&out, "confusion", index.into_iter(), None);
    std::fs::write(out.join("confusion.chars"), flat).unwrap();

    std::fs::write(
        out.join("lexicon_totals.rs"),
        format!("/// Sum of the lexicon's word frequencies.\npub const TOTAL_FREQ: u64 = {total};\n/// Han characters of clean text counted.\npub const CLEAN_CHARS: u64 = {chars};\n"),
    )
    .unwrap();
}

/// A table looked up by hashed key: the rows sorted by mixed key (rows with equal keys keep
/// their order), the mixed keys stored, and the bucket index beside them.
fn write_hashed_table(out: &Path, name: &str, rows: impl Iterator<Item = (u64, u32)>, tags: Option<Vec<u8>>) {
    let mut rows: Vec<(u64, u32, usize)> = rows.enumerate().map(|(i, (k, v))| (format::mix(k), v, i)).collect();
    rows.sort_unstable_by_key(|r| (r.0, r.2));
    let tags = tags.map(|t| rows.iter().map(|r| t[r.2]).collect());
    let stored: Vec<u64> = rows.iter().map(|r| r.0).collect();
    std::fs::write(out.join(format!("{name}.index")), format::bucket_index(&stored)).unwrap();
    write_table(out, name, rows.into_iter().map(|r| (r.0, r.1)), tags);
}

fn write_table(out: &Path, name: &str, rows: impl Iterator<Item = (u64, u32)>, tags: Option<Vec<u8>>) {
    let (mut keys, mut values) = (Vec::new(), Vec::new());
    for (k, v) in rows {
        keys.extend_from_slice(&k.to_le_bytes());
        values.extend_from_slice(&v.to_le_bytes());
    }
    std::fs::write(out.join(format!("{name}.keys")), keys).unwrap();
    std::fs::write(out.join(format!("{name}.values")), values).unwrap();
    if let Some(tags) = tags {
        std::fs::write(out.join(format!("{name}.tags")), tags).unwrap();
    }
}
