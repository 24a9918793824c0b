//! Every occurrence of a list of phrases in a text, overlapping ones too: the finder under the
//! packs' shared pass ([`crate::pack_set`]) and the rules' name lists
//! ([`crate::rules::common::Occurrences`]).
//!
//! A phrase list is short next to the text (tens to a few thousand phrases), and most places of
//! a text start none of its phrases. The text is read a character at a time, and a place is
//! looked at only where its character starts a phrase (a set of first characters: a short list
//! passes most characters with this one test) and, with the next character, may start one (a
//! bit set of hashed character pairs, and a set of the one-character phrases): there the
//! phrases that start with those two characters are compared. An automaton would take a
//! transition (and often a few failure transitions) at every character instead.
//!
//! A list whose phrases start with few characters (the names of GW617 and GW618) is not read a
//! character at a time: the places of those characters are searched for with a vectorised
//! multi-string search (`aho_corasick::packed`, Teddy), which passes over the text between them
//! many bytes at a step.

use crate::char_sets::{CharSet, FxMap, PairFilter};

/// The phrases of a list, indexed by how they start.
pub struct PhraseFinder {
    phrases: Vec<String>,
    /// The phrases by their first two characters (a one-character phrase: its character and
    /// none).
    by_start: FxMap<(char, Option<char>), Vec<u32>>,
    /// The first characters of every phrase (below U+10000): a short list starts with few
    /// characters, and most places are passed with this one test.
    firsts: CharSet,
    /// The first two characters of every phrase of two or more.
    pairs: PairFilter,
    /// The one-character phrases below U+10000 (those above are looked up in `by_start`).
    singles: CharSet,
    /// The places of the first characters, searched for as strings, for a list that starts with
    /// at most [`PACKED_FIRSTS`] characters.
    first_places: Option<aho_corasick::packed::Searcher>,
}

/// The most first characters a list's places are searched for with a packed search (Teddy, the
/// search under it, takes up to 64 strings).
const PACKED_FIRSTS: usize = 64;

impl PhraseFinder {
    /// The finder of `phrases` (distinct and none empty), numbered in the order given.
    pub fn new<'a>(phrases: impl IntoIterator<Item = &'a str>) -> Self {
        let (mut by_start, mut firsts, mut pairs, mut singles) =
            (FxMap::<_, Vec<u32>>::default(), CharSet::default(), PairFilter::default(), CharSet::default());
        let phrases: Vec<String> = phrases.into_iter().map(str::to_string).collect();
        for (k, p) in phrases.iter().enumerate() {
            let mut chars = p.chars();
            let first = chars.next().expect("phrases are not empty");
            let second = chars.next();
            firsts.insert(first);
            match second {
                Some(second) => pairs.insert(first, second),
                None => singles.insert(first),
            }
            by_start.entry((first, second)).or_default().push(k as u32);
        }
        let mut starts: Vec<char> = by_start.keys().map(|&(c, _)| c).collect();
        starts.sort_unstable();
        starts.dedup();
        let first_places = (starts.len() <= PACKED_FIRSTS)
            .then(|| {
                let strings = starts.iter().map(|c| c.to_string());
                aho_corasick::packed::Config::new().builder().extend(strings).build()
            })
            .flatten();
        PhraseFinder { phrases, by_start, firsts, pairs, singles, first_places }
    }

    /// How many phrases the list holds.
    pub fn len(&self) -> usize {
        self.phrases.len()
    }

    /// Whether the list is empty.
    pub fn is_empty(&self) -> bool {
        self.phrases.is_empty()
    }

    /// Phrase `k`.
    pub fn phrase(&self, k: usize) -> &str {
        &self.phrases[k]
    }

    /// Calls `found(k, start)` for every occurrence of every phrase in `text` (phrase `k` at byte
    /// `start`), by start.
    pub fn for_each(&self, text: &str, mut found: impl FnMut(usize, usize)) {
        if self.phrases.is_empty() {
            return;
        }
        if let Some(searcher) = &self.first_places {
            // Each match is one whole first character (a character's encoding starts only where
            // a character does), so no place is passed over.
            for m in searcher.find_iter(text) {
                let rest = &text[m.start()..];
                let mut chars = rest.chars();
                if let Some(c) = chars.next() {
                    self.at(rest, m.start(), c, chars.next(), &mut found);
                }
            }
            return;
        }
        // Each character is read once: the one after a place is kept for the next place.
        let mut chars = text.char_indices().peekable();
        while let Some((i, c)) = chars.next() {
            let astral = u32::from(c) > 0xFFFF;
            if !astral && !self.firsts.contains(c) {
                continue;
            }
            let next = chars.peek().map(|&(_, n)| n);
            self.at(&text[i..], i, c, next, &mut found);
        }
    }

    /// Calls `found` for the phrases that start at byte `i` of the text, where `rest` (the text
    /// from there) starts with `c`, followed by `next`.
    #[inline(always)]
    fn at(&self, rest: &str, i: usize, c: char, next: Option<char>, found: &mut impl FnMut(usize, usize)) {
        let single = u32::from(c) > 0xFFFF || self.singles.contains(c);
        let pair = next.is_some_and(|n| self.pairs.may_contain(c, n));
        let mut look = |key| {
            for &k in self.by_start.get(&key).map_or(&[][..], Vec::as_slice) {
                if rest.as_bytes().starts_with(self.phrases[k as usize].as_bytes()) {
                    found(k as usize, i);
                }
            }
        };
        if single {
            look((c, None));
        }
        if pair {
            look((c, next));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every (phrase, start) `str::match_indices` finds for each phrase alone, overlapping
    /// occurrences of one phrase included.
    fn by_search(phrases: &[&str], text: &str) -> Vec<(usize, usize)> {
        let mut all: Vec<(usize, usize)> = Vec::new();
        for (k, p) in phrases.iter().enumerate() {
            let mut from = 0;
            while let Some(i) = text[from..].find(p) {
                all.push((k, from + i));
                from += i + p.chars().next().map_or(1, char::len_utf8);
            }
        }
        all.sort_by_key(|&(k, i)| (i, k));
        all
    }

    #[test]
    fn finds_every_occurrence_of_every_phrase() {
        let phrases =
            ["国务院", "国务院总理", "总理", "王", "王某", "某某", "𠀀𠀁", "𠀀", "a", "ab", "b", "期期", "，截止"];
        let texts = ["国务院总理王某某王𠀀𠀁𠀀王某ab王", "期期期期", "aab，截止，截止日期", "", "𠀀", "无关的文字"];
        // Searched for by their first characters' places, and read a character at a time.
        let packed = PhraseFinder::new(phrases);
        assert!(packed.first_places.is_some());
        let mut by_character = PhraseFinder::new(phrases);
        by_character.first_places = None;
        for finder in [&packed, &by_character] {
            for text in texts {
                let mut found = Vec::new();
                finder.for_each(text, |k, i| found.push((k, i)));
                assert!(found.windows(2).all(|w| w[0].1 <= w[1].1), "{text}: by start");
                found.sort_by_key(|&(k, i)| (i, k));
                assert_eq!(found, by_search(&phrases, text), "{text}");
            }
            let mut n = 0;
            finder.for_each("期期期期", |_, _| n += 1);
            assert_eq!(n, 3);
        }
        // A list that starts with more characters than a packed search takes is read a
        // character at a time.
        let many: Vec<String> =
            (0..PACKED_FIRSTS as u32 + 1).map(|k| format!("{}期", char::from_u32(0x4E00 + k).unwrap())).collect();
        assert!(PhraseFinder::new(many.iter().map(String::as_str)).first_places.is_none());
        PhraseFinder::new([]).for_each("任何文字", |_, _| panic!("no phrases"));
    }
}
