//! Every occurrence of a list of phrases in a text, overlapping ones too: the finder under the
//! packs' shared pass ([`crate::pack_set`]) and the rules' name lists
//! (`rules::common::Occurrences`).
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
//! character at a time: the places of the phrases' first two characters (of their first
//! characters alone, where the pairs are more than a packed search takes) are searched for with
//! a vectorised multi-string search (`aho_corasick::packed`, Teddy), which passes over the text
//! between them many bytes at a step, and over the places of a first character that no
//! phrase's second follows.
//!
//! A document's Han characters are decoded once ([`HanChars`]): read from there
//! ([`PhraseFinder::for_each_in`]), the places of the Han first characters are found without
//! decoding the text again, and only the few first characters that are not Han are searched
//! for in the text.

use crate::char_sets::{CharSet, FxMap, PairFilter};
use crate::spelling::HanChars;
use crate::text::is_han;

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
    /// Where a phrase may start, searched for as strings, for a list that starts with at most
    /// [`PACKED_FIRSTS`] characters: the phrases' first two characters (a one-character
    /// phrase's character), or their first characters where those are more than
    /// [`PACKED_FIRSTS`].
    first_places: Option<aho_corasick::packed::Searcher>,
    /// How the first characters that are not Han characters are found where the Han ones are
    /// read from a document's runs.
    other_firsts: OtherFirsts,
}

/// The first characters of a list's phrases that are not Han characters ([`is_han`]).
enum OtherFirsts {
    None,
    /// Their places, searched for as strings.
    Packed(aho_corasick::packed::Searcher),
    /// More than a packed search takes: the text is read a character at a time.
    Many,
}

/// The most first characters (or first two characters) a list's places are searched for with a
/// packed search (Teddy, the search under it, takes up to 64 strings).
const PACKED_FIRSTS: usize = 64;

/// A packed search for `strings`, if they are at most [`PACKED_FIRSTS`] (asked before they are
/// made: the packs' lists have thousands).
fn packed(strings: impl ExactSizeIterator<Item = String>) -> Option<aho_corasick::packed::Searcher> {
    (strings.len() <= PACKED_FIRSTS).then(|| aho_corasick::packed::Config::new().builder().extend(strings).build())?
}

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
        // The places of a short list are searched for by the phrases' first two characters
        // (or the one of a one-character phrase): the search passes over the places where a
        // first character stands before another (国 before 务 for 国家…), which a search for the
        // first characters alone stopped at.
        let heads = by_start.keys().map(|&(c, n)| n.map_or_else(|| c.to_string(), |n| format!("{c}{n}")));
        let first_places = packed(heads).or_else(|| packed(starts.iter().map(char::to_string)));
        let others: Vec<char> = starts.iter().copied().filter(|&c| !is_han(c)).collect();
        let other_firsts = match packed(others.iter().map(char::to_string)) {
            _ if others.is_empty() => OtherFirsts::None,
            Some(searcher) => OtherFirsts::Packed(searcher),
            None => OtherFirsts::Many,
        };
        PhraseFinder { phrases, by_start, firsts, pairs, singles, first_places, other_firsts }
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
            self.at_places(text, searcher, &mut found);
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

    /// Whether [`PhraseFinder::for_each_in`] reads the runs of Han characters it is given (a
    /// list of few first characters, or of many that are not Han, is searched for in the text).
    pub fn reads_runs(&self) -> bool {
        self.first_places.is_none() && !matches!(self.other_firsts, OtherFirsts::Many)
    }

    /// [`PhraseFinder::for_each`] over a text whose runs of Han characters are `han` (read
    /// from it): the phrases that start with a Han character are found from the runs, those that
    /// start with another from a search of the text. Each phrase's occurrences are found by
    /// start, and all those starting with a Han character before the others. A list that starts
    /// with few characters is searched for in the text as [`PhraseFinder::for_each`] does: the
    /// vectorised search passes over the text faster than the runs' characters are read.
    pub fn for_each_in(&self, text: &str, han: &HanChars, mut found: impl FnMut(usize, usize)) {
        if self.phrases.is_empty() {
            return;
        }
        if !self.reads_runs() {
            return self.for_each(text, found);
        }
        let others = match &self.other_firsts {
            OtherFirsts::Packed(searcher) => Some(searcher),
            OtherFirsts::None | OtherFirsts::Many => None,
        };
        for run in han.runs() {
            let last = run.chars.len() - 1;
            // Inside the run, a place is read only if a phrase of one character starts with its
            // character, or its pair with the next may start one (one bit each, of the tables
            // `at` reads first).
            for (k, pair) in run.chars.windows(2).enumerate() {
                let (c, n) = (pair[0], pair[1]);
                if u32::from(c) <= 0xFFFF && !self.singles.contains(c) && !self.pairs.may_contain(c, n) {
                    continue;
                }
                let i = run.start + run.bounds[k];
                self.at(&text[i..], i, c, Some(n), &mut found);
            }
            // After the run's last character, the text's next one.
            let c = run.chars[last];
            if u32::from(c) > 0xFFFF || self.firsts.contains(c) {
                let i = run.start + run.bounds[last];
                self.at(&text[i..], i, c, text[run.end..].chars().next(), &mut found);
            }
        }
        if let Some(searcher) = others {
            self.at_places(text, searcher, &mut found);
        }
    }

    /// Calls `found` for the phrases at the places `searcher` finds (whole first characters).
    fn at_places(&self, text: &str, searcher: &aho_corasick::packed::Searcher, found: &mut impl FnMut(usize, usize)) {
        // Each match starts with a whole first character (a character's encoding starts only
        // where a character does), and the search goes on after that character, not after the
        // match: a match of two characters does not hide one starting at its second.
        let mut from = 0;
        while let Some(m) = searcher.find_in(text, aho_corasick::Span::from(from..text.len())) {
            let rest = &text[m.start()..];
            let mut chars = rest.chars();
            let Some(c) = chars.next() else { break };
            self.at(rest, m.start(), c, chars.next(), found);
            from = m.start() + c.len_utf8();
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
        let phrases = [
            "国务院",
            "国务院总理",
            "总理",
            "王",
            "王某",
            "某某",
            "𠀀𠀁",
            "𠀀",
            "a",
            "ab",
            "b",
            "期期",
            "，截止",
            "国家",
            "家庭",
        ];
        // Phrases that overlap (国家 and 家庭, 期期 with itself) are all found.
        let texts =
            ["国务院总理王某某王𠀀𠀁𠀀王某ab王", "期期期期", "aab，截止，截止日期", "", "𠀀", "无关的文字", "国家庭"];
        // Searched for by the places of their first two characters, and read a character at a
        // time.
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

    /// Read from a text's runs of Han characters, a list finds what a search of the text for
    /// each phrase alone finds, each phrase's occurrences in order: a list of first characters
    /// that are all Han, one with a few others (searched for in the text), one with more others
    /// than a packed search takes (the text read a character at a time), and a list of few first
    /// characters (searched for in the text as a whole).
    #[test]
    fn the_runs_of_a_text_give_what_the_text_gives() {
        let han: Vec<String> = (0..100u32).map(|k| format!("{}期", char::from_u32(0x4E00 + k * 37).unwrap())).collect();
        let base = [
            "国务院",
            "国务院总理",
            "总理",
            "王",
            "王某",
            "某某",
            "某a",
            "𠀀𠀁",
            "𠀀",
            "a",
            "ab",
            "b",
            "期期",
            "，截止",
            "“关于",
            "截止",
        ];
        let many: Vec<String> = (0..70u32).map(|k| format!("{}x", char::from_u32(0x100 + k).unwrap())).collect();
        let with = |extra: &[&[String]], base: &[&str]| -> Vec<String> {
            base.iter().map(|p| p.to_string()).chain(extra.iter().flat_map(|e| e.iter().cloned())).collect()
        };
        let lists = [with(&[&han], &[]), with(&[&han], &base), with(&[&han, &many], &base), with(&[], &base)];
        let long = crate::spelling::misspelt_words_text("“关于国务院总理王某某，截止𠀀𠀁𠀀", |_, chars| Some(chars));
        let texts = [
            "国务院总理王某某王𠀀𠀁𠀀王某ab王",
            "aab，截止，截止日期“关于一期期期",
            "ĀxāxĂx期期𠀀",
            "",
            "𠀀",
            "无关的文字",
            &long,
        ];
        let mut runs_read = 0;
        for (l, list) in lists.iter().enumerate() {
            let finder = PhraseFinder::new(list.iter().map(String::as_str));
            let expected_others = ["none", "packed", "many", "packed"][l];
            let others = match finder.other_firsts {
                OtherFirsts::None => "none",
                OtherFirsts::Packed(_) => "packed",
                OtherFirsts::Many => "many",
            };
            assert_eq!((others, finder.first_places.is_some()), (expected_others, l == 3), "list {l}");
            let phrases: Vec<&str> = list.iter().map(String::as_str).collect();
            for text in texts {
                let mut found = Vec::new();
                finder.for_each_in(text, &HanChars::read(text), |k, i| found.push((k, i)));
                for (k, phrase) in phrases.iter().enumerate() {
                    let starts: Vec<usize> = found.iter().filter(|f| f.0 == k).map(|f| f.1).collect();
                    assert!(starts.windows(2).all(|w| w[0] < w[1]), "list {l}, {phrase}: by start");
                }
                found.sort_by_key(|&(k, i)| (i, k));
                assert_eq!(found, by_search(&phrases, text), "list {l}: {text}");
                runs_read += usize::from(l < 2) * found.len();
            }
        }
        // The lists read from the runs found this many occurrences in all.
        assert_eq!(runs_read, 93);
    }
}
