//! The phrases of every pack in one finder, so a document is read once for all packs (typos'
//! dictionaries, ruff's single pass), not once per pack.
//!
//! Each pack matches leftmost-longest: at the leftmost place where any of its phrases starts,
//! the longest of them, then on from its end. The shared [`PhraseFinder`] finds every
//! occurrence of every phrase (overlapping); each pack's leftmost-longest matches are then
//! chosen from the occurrences of its own phrases, which gives exactly what an automaton of that
//! pack alone would find. Occurrences are few (a few hundred over the whole corpus), so the
//! choice costs next to nothing.

use crate::char_sets::FxMap;
use crate::phrase_finder::PhraseFinder;
use crate::spelling::HanChars;

/// One match of a pack's phrase: its byte range and the phrase's value in its pack.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PackMatch {
    pub start: usize,
    pub end: usize,
    pub value: u32,
}

/// The phrases of several packs, each pack numbered by its place in the list it was built from.
pub struct PackSet {
    /// The distinct phrases of all packs.
    finder: PhraseFinder,
    /// The packs holding phrase `v`: `owners[first_owner[v]..first_owner[v + 1]]`, each (pack,
    /// value of the phrase in that pack).
    first_owner: Vec<u32>,
    owners: Vec<(u32, u32)>,
    packs: usize,
}

impl PackSet {
    /// The set of `packs`, each given as its phrases with their values (phrases unique within a
    /// pack and not empty).
    pub fn new<'a>(packs: &[Vec<(&'a str, u32)>]) -> Result<PackSet, String> {
        if packs.iter().flatten().any(|(phrase, _)| phrase.is_empty()) {
            return Err("词条不能为空".to_string());
        }
        let mut ids: FxMap<&'a str, u32> = FxMap::default();
        let mut phrases: Vec<&'a str> = Vec::new();
        // (phrase, pack, value), in the order of the packs.
        let mut owned: Vec<(u32, u32, u32)> = Vec::new();
        for (pack, patterns) in packs.iter().enumerate() {
            for &(phrase, value) in patterns {
                let id = *ids.entry(phrase).or_insert_with(|| {
                    phrases.push(phrase);
                    phrases.len() as u32 - 1
                });
                owned.push((id, pack as u32, value));
            }
        }
        // Grouped by phrase, each phrase's packs kept in their order.
        owned.sort_by_key(|&(id, _, _)| id);
        let mut first_owner = Vec::with_capacity(phrases.len() + 1);
        for (i, &(id, _, _)) in owned.iter().enumerate() {
            while first_owner.len() <= id as usize {
                first_owner.push(i as u32);
            }
        }
        first_owner.resize(phrases.len() + 1, owned.len() as u32);
        let owners = owned.iter().map(|&(_, pack, value)| (pack, value)).collect();
        Ok(PackSet { finder: PhraseFinder::new(phrases), first_owner, owners, packs: packs.len() })
    }

    /// Each pack's leftmost-longest matches in `text`, left to right (indexed as the packs
    /// were given).
    pub fn find(&self, text: &str) -> Vec<Vec<PackMatch>> {
        self.matches(|found| self.finder.for_each(text, found))
    }

    /// [`PackSet::find`] in a text whose runs of Han characters are `han` (read from it: see
    /// [`PhraseFinder::for_each_in`]).
    pub fn find_in(&self, text: &str, han: &HanChars) -> Vec<Vec<PackMatch>> {
        self.matches(|found| self.finder.for_each_in(text, han, found))
    }

    /// Each pack's leftmost-longest matches among the occurrences `search` gives (in any order:
    /// they are sorted).
    fn matches(&self, search: impl FnOnce(&mut dyn FnMut(usize, usize))) -> Vec<Vec<PackMatch>> {
        let mut found: Vec<Vec<PackMatch>> = vec![Vec::new(); self.packs];
        search(&mut |v, start| {
            let end = start + self.finder.phrase(v).len();
            let (from, to) = (self.first_owner[v] as usize, self.first_owner[v + 1] as usize);
            for &(pack, value) in &self.owners[from..to] {
                found[pack as usize].push(PackMatch { start, end, value });
            }
        });
        for matches in &mut found {
            leftmost_longest(matches);
        }
        found
    }
}

/// Keeps, of all occurrences, the leftmost-longest ones: the longest of those starting
/// leftmost, then the same after its end.
fn leftmost_longest(matches: &mut Vec<PackMatch>) {
    matches.sort_unstable_by_key(|m| (m.start, std::cmp::Reverse(m.end)));
    let mut from = 0;
    matches.retain(|m| {
        let keep = m.start >= from;
        if keep {
            from = m.end;
        }
        keep
    });
}

#[cfg(test)]
mod tests {
    use super::*;
    use daachorse::{CharwiseDoubleArrayAhoCorasick, CharwiseDoubleArrayAhoCorasickBuilder, MatchKind};

    /// What an automaton of one pack alone finds.
    fn alone(patterns: &[(&str, u32)], text: &str) -> Vec<PackMatch> {
        let a: CharwiseDoubleArrayAhoCorasick<u32> = CharwiseDoubleArrayAhoCorasickBuilder::new()
            .match_kind(MatchKind::LeftmostLongest)
            .build_with_values(patterns.iter().copied())
            .unwrap();
        a.leftmost_find_iter(text).map(|m| PackMatch { start: m.start(), end: m.end(), value: m.value() }).collect()
    }

    #[test]
    fn each_pack_finds_what_it_would_find_alone() {
        let packs: Vec<Vec<(&str, u32)>> = vec![
            vec![("截止", 0), ("截止日期", 1), ("止日", 2), ("贯澈", 3)],
            vec![("日期", 0), ("截止", 1), ("期不", 2), ("不变", 3), ("截止日期不变", 4)],
            vec![("期", 7), ("期期", 8), ("期期期", 9)],
            vec![],
        ];
        let set = PackSet::new(&packs).unwrap();
        assert!(PackSet::new(&[vec![], vec![]]).unwrap().find("截止").iter().all(Vec::is_empty));
        let texts = [
            "截止3月15日；截止日期不变。请贯澈落实。",
            "截止日期不变截止日期截止止日期期期期期期",
            "",
            "无关的文字",
            "期期期期期期期",
            "贯澈贯澈截截止止",
        ];
        for text in texts {
            let found = set.find(text);
            assert_eq!(found.len(), packs.len());
            for (pack, patterns) in packs.iter().enumerate() {
                let expected = if patterns.is_empty() { Vec::new() } else { alone(patterns, text) };
                assert_eq!(found[pack], expected, "pack {pack} in {text}");
            }
        }
    }

    /// Read from a document's runs of Han characters, the packs find what they find in its
    /// text: packs of more first characters than a packed search takes, one with phrases that
    /// start with a quotation mark and a Latin letter, over two real documents and a text of many
    /// words.
    #[test]
    fn the_runs_of_a_text_give_the_matches_the_text_gives() {
        let words = include_str!("../../../rules/near-miss/words.txt");
        let phrases: Vec<&str> = words.lines().filter_map(|l| l.split('\t').next()).collect();
        let packs: Vec<Vec<(&str, u32)>> = vec![
            phrases.iter().step_by(2).enumerate().map(|(k, &p)| (p, k as u32)).collect(),
            phrases
                .iter()
                .skip(1)
                .step_by(3)
                .chain(&["“关于", "GB", "工作"])
                .enumerate()
                .map(|(k, &p)| (p, k as u32))
                .collect(),
        ];
        let set = PackSet::new(&packs).unwrap();
        let text = crate::spelling::misspelt_words_text("关于GB/T 9704的“关于”", |_, chars| Some(chars));
        let han = HanChars::read(&text);
        let found = set.find_in(&text, &han);
        assert_eq!(found, set.find(&text));
        for (pack, patterns) in packs.iter().enumerate() {
            assert_eq!(found[pack], alone(patterns, &text), "pack {pack}");
        }
        assert_eq!(found.iter().map(Vec::len).collect::<Vec<_>>(), [7451, 8606]);
    }

    #[test]
    fn a_phrase_of_two_packs_is_reported_to_both_with_each_value() {
        let set = PackSet::new(&[vec![("发改委", 5)], vec![("国家发改委", 0), ("发改委", 9)]]).unwrap();
        let found = set.find("国家发改委和省发改委");
        assert_eq!(found[0].iter().map(|m| (m.start, m.value)).collect::<Vec<_>>(), [(6, 5), (21, 5)]);
        assert_eq!(found[1].iter().map(|m| (m.start, m.end, m.value)).collect::<Vec<_>>(), [(0, 15, 0), (21, 30, 9)]);
    }
}
