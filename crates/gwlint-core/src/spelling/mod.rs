//! Typos found from the statistical data of [`crate::lexicon`]: a character swapped for one that
//! sounds or looks like it ([`substitution`]), a character dropped from a word ([`dropped`]), and
//! a character or word written twice ([`doubled`]).
//!
//! Every detector reads runs of Han characters and answers in byte ranges of the text it was
//! given; the rules decide which text to read and which forms a document protects as names
//! ([`names`]).

pub mod confused;
pub mod doubled;
pub mod dropped;
mod han_chars;
mod homophone;
pub mod names;
pub mod substitution;

use crate::document::elements::ORGAN_ENDINGS;
use std::ops::Range;

use crate::lexicon::{self, segment::segment_into, PairSlot};
pub use han_chars::{CharRun, HanChars, HanCharsReader};

/// The runs of Han characters of a text (their characters and offsets in [`HanChars`]), read
/// once: their pairs' counts and their best splits, all runs in one set of lists (a document's
/// runs are read and dropped together; lists per run cost two allocations and frees for each).
/// A store made with [`HanRuns::of_wanted`] leaves the runs unsplit that no detector is likely
/// to read the split of: their words are none, and [`Run::with_split`] splits them when read.
/// Kept by the [`Document`](crate::Document) (see `Document::han_runs`) so that every detector
/// reads the same split; [`Run`] is the view the detectors take of one run.
#[derive(Clone, Debug, Default)]
pub struct HanRuns {
    runs: Vec<RunPlace>,
    /// Every run's words (byte ranges in the run) and their lexicon frequencies.
    words: Vec<Range<usize>>,
    freqs: Vec<u32>,
    /// As the characters' offsets ([`HanChars`]: `n + 1` for a run of `n`): where the split's
    /// words start and end.
    starts: Vec<bool>,
    ends: Vec<bool>,
    /// As the characters: whether each character is inside a common word of two or more.
    in_common_word: Vec<bool>,
    /// As the characters: the slot of each character and the next of its run
    /// ([`lexicon::pair_slot`]; a pair outside the Basic Multilingual Plane has one made from its
    /// count, [`PairSlot::counted`]; [`PairSlot::NONE`] after a run's last character). What
    /// every detector asks of a pair (its count, GW609's mark, the words it may stand in) and
    /// what the split reads are bits of it: one store for each pair.
    pairs: Vec<PairSlot>,
}

/// How many pairs ahead of the run being read their slots are asked for ([`HanRuns::of`]):
/// enough to cover the wait for memory over a few runs.
const PREFETCH_PAIRS: usize = 16;

/// Where one run stands in the text and in the lists of [`HanRuns`].
#[derive(Clone, Debug)]
struct RunPlace {
    /// Byte range in the text.
    start: usize,
    end: usize,
    /// Its first character in [`HanChars`] (its first bound is `char_at + index of the run`).
    char_at: usize,
    len: usize,
    words: Range<usize>,
    score: f64,
    /// The least count of its pairs ([`Run::least_pair_count`]).
    least_count: u32,
    /// Whether every pair is attested ([`Run::all_attested`]).
    all_attested: bool,
    /// Whether it was split ([`Run::has_split`]).
    split: bool,
}

/// The length (characters) from which a run is split whether a detector wants it or not: a
/// reader that splits a run on demand ([`Run::with_split`]) may do so at every place it reads,
/// and a long run read at many places would be split again for each (a document of one
/// endless line). 公文 text breaks its runs every nine characters or so.
const ALWAYS_SPLIT: usize = 64;

/// Whether one of the detectors that read the splits of many runs may read the split of the
/// run of `chars`, whose pairs' slots are `pairs` and least count `least_count` (each says which
/// runs it may read: [`substitution`], [`dropped`]). The others read the split of a run seldom
/// (a doubled character, a word of a confused pair, a near miss of an organ's name) and split it
/// then ([`Run::with_split`]).
fn split_wanted(chars: &[char], pairs: &[PairSlot], least_count: u32) -> bool {
    substitution::may_read(chars, least_count) || dropped::may_read(chars, pairs, least_count)
}

/// Asks for the slots of the pairs of `chars[from..to]` ahead of their lookup
/// ([`lexicon::prefetch_pair_slot`]; a pair across two runs is asked for too, for nothing), and
/// for the characters' trie codes; returns where the next call goes on from.
fn prefetch_pairs(chars: &[char], from: usize, to: usize) -> usize {
    let len = chars.len();
    let to = to.min(len);
    // The pair that ends at `to` too: the next call starts there.
    for w in chars[from.min(to)..(to + 1).min(len)].windows(2) {
        lexicon::prefetch_pair_slot(w[0], w[1]);
        lexicon::prefetch_trie_code(w[0]);
    }
    to.max(from)
}

impl HanRuns {
    /// The runs of `chars` (the runs of Han characters of a text), each read (split) once.
    pub fn of(chars: &HanChars) -> Self {
        Self::read(chars, true)
    }

    /// [`HanRuns::of`], with only the runs split that a detector may read the split of
    /// (`split_wanted`): a run none reads (three in four of the characters of 公文 text) keeps its
    /// pairs alone, and is split if a detector reads it after all ([`Run::with_split`]).
    pub fn of_wanted(chars: &HanChars) -> Self {
        Self::read(chars, false)
    }

    /// The one run of `chars`, whose pairs' slots are `slots` (those a store of runs looked up
    /// for it: not looked up again), split.
    fn split_alone(chars: &HanChars, slots: &[PairSlot]) -> Self {
        debug_assert_eq!(chars.chars.len().saturating_sub(1), slots.len());
        Self::read_with(chars, true, Some(slots))
    }

    /// The runs of `chars`, every one split (`all`) or only those wanted.
    fn read(chars: &HanChars, all: bool) -> Self {
        Self::read_with(chars, all, None)
    }

    /// [`HanRuns::read`], with the slots of the pairs of `chars` given (`slots`, for characters
    /// of one run: [`HanRuns::split_alone`]) instead of looked up.
    fn read_with(chars: &HanChars, all: bool, slots: Option<&[PairSlot]>) -> Self {
        assert!(slots.is_none() || chars.places.len() <= 1, "slots are given for one run");
        let (n, bounds) = (chars.chars.len(), chars.bounds.len());
        let mut runs = HanRuns {
            // A word is at least one character.
            words: Vec::with_capacity(n),
            freqs: Vec::with_capacity(n),
            pairs: Vec::with_capacity(n),
            // Made zeroed at once (pages of zeros) instead of grown run by run.
            starts: vec![false; bounds],
            ends: vec![false; bounds],
            in_common_word: vec![false; n],
            runs: Vec::with_capacity(chars.places.len()),
        };
        // Each run is read (`close`), with the slots of the pairs up to PREFETCH_PAIRS beyond
        // it asked for first (`prefetch_pairs`).
        let mut ahead = 0;
        for &(start, end) in &chars.places {
            // Slots given are not looked up, nor asked for ahead.
            if slots.is_none() {
                ahead = prefetch_pairs(&chars.chars, ahead, end + PREFETCH_PAIRS);
            }
            runs.close(chars, start, end, all, slots);
        }
        // What `view` reads without checking each slice: every run's places lie inside the lists
        // (true of what `close` pushed; checked once here, so that the views rest on this check
        // alone), and the lists are as long as the characters and their offsets.
        let every_place_inside = runs.runs.iter().enumerate().all(|(i, r)| {
            r.char_at + r.len <= n
                && r.char_at + i + r.len < bounds
                && r.words.start <= r.words.end
                && r.words.end <= runs.words.len()
        });
        assert!(
            every_place_inside
                && (runs.pairs.len(), runs.in_common_word.len(), runs.freqs.len()) == (n, n, runs.words.len())
                && (runs.starts.len(), runs.ends.len()) == (bounds, bounds),
            "the runs' places lie inside their lists"
        );
        runs
    }

    /// Reads the next run of `han`, whose characters end at `end`: it starts at byte `start`
    /// of its text. Its pair counts (its pairs' slots `given`, or looked up), and its split and
    /// marks (if `all`, or if one is wanted), are made here.
    fn close(&mut self, han: &HanChars, start: usize, end: usize, all: bool, given: Option<&[PairSlot]>) {
        let char_at = self.runs.last().map_or(0, |r| r.char_at + r.len);
        let bound_at = char_at + self.runs.len();
        let word_at = self.words.len();
        let len = end - char_at;
        let len_bytes = han.bounds[bound_at + len];
        // Asked by every detector of every place (the gaps of GW612, the neighbours of GW611)
        // and by the split (the words a pair starts): looked up once each. The pair before the
        // run's first is the one after the last run (none).
        let run = &han.chars[char_at..end];
        let (mut least_count, mut all_attested) = (u32::MAX, true);
        for (k, w) in run.windows(2).enumerate() {
            let slot = match given {
                Some(slots) => slots[k],
                None => lexicon::pair_slot(w[0], w[1])
                    .unwrap_or_else(|| PairSlot::counted(lexicon::pair_count_and_mark(w[0], w[1]).0)),
            };
            // No node of the trie of words is asked for here ahead of the split: three runs in
            // four are not split (`split_wanted`), and asking for the nodes of every run cost
            // more than it saved (BENCHMARKS.md, twenty-sixth session).
            least_count = least_count.min(slot.count());
            all_attested &= slot.attested();
            self.pairs.push(slot);
        }
        let split = all || len >= ALWAYS_SPLIT || split_wanted(run, &self.pairs[char_at..], least_count);
        let score = if split { self.split_run(han, char_at, bound_at, len) } else { f64::NAN };
        self.pairs.push(PairSlot::NONE);
        let words = word_at..self.words.len();
        self.runs.push(RunPlace {
            start,
            end: start + len_bytes,
            char_at,
            len,
            words,
            score,
            least_count,
            all_attested,
            split,
        });
    }

    /// Splits the run of `len` characters whose first character is `char_at` and first offset
    /// `bound_at` (its pairs' slots made): its words go on the lists and its marks are set.
    /// Returns the split's score.
    fn split_run(&mut self, han: &HanChars, char_at: usize, bound_at: usize, len: usize) -> f64 {
        let word_at = self.words.len();
        let bounds = &han.bounds[bound_at..=bound_at + len];
        let score = segment_into(
            &han.chars[char_at..char_at + len],
            bounds,
            &self.pairs[char_at..char_at + len.saturating_sub(1)],
            &mut self.words,
            &mut self.freqs,
        );
        // The split by character, in marks `of` made zeroed ahead.
        self.ends[bound_at] = true;
        // The words cover the run in order: each starts where the one before ended, and its end
        // is found by walking on over the characters' offsets.
        let mut e = 0;
        for (w, &freq) in self.words[word_at..].iter().zip(&self.freqs[word_at..]) {
            let s = e;
            while bounds[e] < w.end {
                e += 1;
            }
            debug_assert_eq!((bounds[s], bounds[e]), (w.start, w.end));
            self.starts[bound_at + s] = true;
            self.ends[bound_at + e] = true;
            if e - s > 1 && freq >= substitution::RARE {
                // Most words are two characters: two stores, where a fill is a call to memset.
                match &mut self.in_common_word[char_at + s..char_at + e] {
                    [a, b] => (*a, *b) = (true, true),
                    word => word.fill(true),
                }
            }
        }
        score
    }

    /// The runs as views of `text`, the text they were read from, whose runs' characters are
    /// `han` (the characters they were read from).
    pub fn iter<'a>(&'a self, text: &'a str, han: &'a HanChars) -> impl Iterator<Item = Run<'a>> + 'a {
        // Characters and offsets as many as the lists were made for (`of`): every run's places
        // lie inside them.
        assert_eq!(
            (han.chars.len(), han.bounds.len()),
            (self.pairs.len(), self.starts.len()),
            "runs viewed with the characters they were read from"
        );
        Views { runs: self, han, text, next: 0 }
    }

    /// Run `i` (at `r`) as a view of `text`: made in the loop of each detector that reads the
    /// runs. A view is nine slices and a detector reads only some of them: checking both ends
    /// of each, for every detector and every run, was 1.7% of the instructions of a run over the
    /// corpus. Only the text is sliced with its checks (its places are the text's own); the
    /// lists' are known to lie inside them (see `of` and `iter`).
    #[inline(always)]
    fn view<'a>(&'a self, han: &'a HanChars, i: usize, r: &RunPlace, text: &'a str) -> Run<'a> {
        let (c, b) = (r.char_at..r.char_at + r.len, r.char_at + i..r.char_at + i + r.len + 1);
        Run {
            start: r.start,
            text: &text[r.start..r.end],
            chars: inside(&han.chars, c.clone()),
            bounds: inside(&han.bounds, b.clone()),
            seg: Words {
                score: r.score,
                words: inside(&self.words, r.words.clone()),
                freqs: inside(&self.freqs, r.words.clone()),
            },
            pairs: inside(&self.pairs, r.char_at..r.char_at + r.len.saturating_sub(1)),
            least_pair_count: r.least_count,
            all_attested: r.all_attested,
            has_split: r.split,
            split: Split {
                starts: inside(&self.starts, b.clone()),
                ends: inside(&self.ends, b),
                in_common_word: inside(&self.in_common_word, c),
            },
        }
    }
}

/// `list[range]` for a range known to lie inside the list: the places of a run in the lists of
/// [`HanRuns`], which `HanRuns::of` checks once for every run, and which `HanRuns::iter` checks
/// are read with lists of the lengths they were checked against.
#[inline(always)]
#[allow(unsafe_code)]
fn inside<T>(list: &[T], range: Range<usize>) -> &[T] {
    debug_assert!(range.start <= range.end && range.end <= list.len());
    // SAFETY: the range lies inside the list (above): every `RunPlace` of a store was checked
    // against its lists' lengths when the store was made (`HanRuns::of`), its own lists never
    // change after, and the characters and offsets viewed with them are checked to have the
    // lengths they were made for (`HanRuns::iter`).
    unsafe { list.get_unchecked(range) }
}

/// The views of a store's runs, in order ([`HanRuns::iter`]): its `next` is inlined into the
/// detectors' loops with the view it makes.
struct Views<'a> {
    runs: &'a HanRuns,
    han: &'a HanChars,
    text: &'a str,
    next: usize,
}

impl<'a> Iterator for Views<'a> {
    type Item = Run<'a>;

    #[inline(always)]
    fn next(&mut self) -> Option<Run<'a>> {
        let i = self.next;
        let r = self.runs.runs.get(i)?;
        self.next = i + 1;
        Some(self.runs.view(self.han, i, r, self.text))
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        let left = self.runs.runs.len() - self.next;
        (left, Some(left))
    }
}

/// The words of a run's best split: byte ranges in the run and their lexicon frequencies.
#[derive(Clone, Copy, Debug)]
pub struct Words<'a> {
    /// Natural log of the split's probability.
    pub score: f64,
    pub words: &'a [Range<usize>],
    /// The lexicon frequency of each word (0 for a single character the lexicon lacks).
    pub freqs: &'a [u32],
}

impl Words<'_> {
    /// The word covering byte `at`.
    pub fn word_at(&self, at: usize) -> Option<Range<usize>> {
        self.words.iter().find(|w| w.contains(&at)).cloned()
    }
}

/// A run of Han characters: its byte offset in the text, its characters with their offsets, and
/// its best split.
#[derive(Clone, Copy)]
pub struct Run<'a> {
    pub start: usize,
    pub text: &'a str,
    pub chars: &'a [char],
    /// Byte offset (in `text`) of each character, and `text.len()` at the end.
    pub bounds: &'a [usize],
    /// The run's most probable split into lexicon words.
    pub seg: Words<'a>,
    /// The slot of each character and the next (`chars.len() - 1` of them): how often the pair
    /// is seen side by side in clean text ([`PairSlot::count`], [`lexicon::pair_count`]; a
    /// count above [`PairSlot::counted`]'s bound is read as that bound), whether GW609 counts
    /// it as attested ([`PairSlot::attested`]: exact for pairs of the Basic Multilingual
    /// Plane, false for others, see [`lexicon::pair_count_and_mark`]), and what it says of the
    /// lexicon's words it may stand in ([`PairSlot::may_start_longer`],
    /// [`PairSlot::may_be_inner`]).
    pub pairs: &'a [PairSlot],
    /// The least [`PairSlot::count`] of `pairs` (`u32::MAX`: a run of one character): a
    /// detector that needs a pair seen at most so often passes over a run without one at once.
    pub least_pair_count: u32,
    /// Whether every pair of `pairs` is attested ([`PairSlot::attested`]; a pair outside the
    /// Basic Multilingual Plane never is): GW609 reads only windows holding a pair that is not.
    pub all_attested: bool,
    /// Whether `seg` and `split` were made: a detector reads them through
    /// [`Run::with_split`], which splits a run the store left unsplit.
    pub has_split: bool,
    /// The split by character.
    pub split: Split<'a>,
}

impl<'a> Run<'a> {
    /// `f` of this run with its split (`seg`, `split`): the store's, or one made now for a run
    /// the store did not split ([`HanRuns::of_wanted`]: the same split, as every run is split
    /// alone).
    pub fn with_split<R>(&self, f: impl FnOnce(&Run<'_>) -> R) -> R {
        if self.has_split {
            return f(self);
        }
        // From the view's characters and pairs' slots: not read again from the text.
        let owned = OwnedRuns::split_alone(self);
        let run = owned.iter().next().expect("a run of Han characters reads as one run");
        f(&Run { start: self.start, ..run })
    }

    /// The text of characters `from..to`.
    pub fn slice(&self, from: usize, to: usize) -> &'a str {
        &self.text[self.bounds[from]..self.bounds[to]]
    }
}

/// Runs read from a text outside a document, with the text they were read from (for tests and
/// the explain tools): `for run in runs.iter()`.
pub struct OwnedRuns<'a> {
    text: &'a str,
    chars: HanChars,
    runs: HanRuns,
}

impl<'a> OwnedRuns<'a> {
    pub fn of(text: &'a str) -> Self {
        let chars = HanChars::read(text);
        let runs = HanRuns::of(&chars);
        OwnedRuns { text, chars, runs }
    }

    /// `run` (a view of a store that left it unsplit) split alone, from its characters, their
    /// offsets and its pairs' slots, as a store of its text alone reads it.
    fn split_alone(run: &Run<'a>) -> Self {
        let chars = HanChars::of_run(run.chars, run.bounds);
        let runs = HanRuns::split_alone(&chars, run.pairs);
        OwnedRuns { text: run.text, chars, runs }
    }

    /// The run of Han characters `text[start..end]` alone.
    pub(crate) fn one(text: &'a str, start: usize, end: usize) -> Self {
        let chars = HanChars::one(start, &text[start..end]);
        let runs = HanRuns::of(&chars);
        OwnedRuns { text, chars, runs }
    }

    pub fn iter(&self) -> impl Iterator<Item = Run<'_>> {
        self.runs.iter(self.text, &self.chars)
    }
}

/// `chars` with `c` put in before place `at`, as a string (经济社发展 with 会 at 3).
pub fn inserted(chars: &[char], at: usize, c: char) -> String {
    chars[..at].iter().chain(std::iter::once(&c)).chain(&chars[at..]).collect()
}

/// `chars` with the character at `at` replaced by `with`, as a string.
pub(crate) fn replaced(chars: &[char], at: usize, with: char) -> String {
    chars.iter().enumerate().map(|(i, &c)| if i == at { with } else { c }).collect()
}

/// The best split of a run, by character: where words start and end (`n + 1` places), and which
/// characters are inside a common word of two or more characters.
#[derive(Clone, Copy, Debug)]
pub struct Split<'a> {
    pub starts: &'a [bool],
    pub ends: &'a [bool],
    pub in_common_word: &'a [bool],
}

/// The least lexicon frequency of a word that makes a stretch read as ordinary text (jieba's
/// counts: 部门 16,543, 格局 1,666; 委会 18 and 民用航空 3 are too rare to vouch for it).
pub const ORDINARY_WORD: u32 = 100;

/// Whether the bytes `range` (of the text `run` was read from) read, from byte `edit` on, as
/// common words in the run's best split: words of two or more characters seen at least
/// [`ORDINARY_WORD`] times in the lexicon or as often as a phrase offered as a correction in clean
/// 公文 text (生态环境 is rare in jieba's counts, frequent in 公文), and single characters that are
/// very common words of their own (等, 和). A word may reach past the range (交通运输等部 ends
/// inside 部门); before `edit` only a lone character counts (常委员会: 常 alone is no common
/// word). A form one character from a name that reads so where it differs is other text
/// (交通运输等部门, 国家全部, 中国人民进行), not the name miswritten.
pub fn reads_as_common_words(run: &Run<'_>, range: std::ops::Range<usize>, edit: usize) -> bool {
    let (from, to, edit) = (range.start - run.start, range.end - run.start, edit - run.start);
    run.with_split(|run| reads_as_common_words_in(run, from, to, edit))
}

/// [`reads_as_common_words`] of a split run, with bytes `from..to` and `edit` of the run.
fn reads_as_common_words_in(run: &Run<'_>, from: usize, to: usize, edit: usize) -> bool {
    debug_assert!(run.has_split);
    run.seg.words.iter().zip(run.seg.freqs).filter(|(w, _)| w.start < to && w.end > from).all(|(w, &freq)| {
        let word = &run.text[w.clone()];
        if word.chars().nth(1).is_none() {
            freq >= dropped::COMMON_LONE
        } else {
            w.end <= edit
                || freq >= ORDINARY_WORD
                || crate::lexicon::phrase_count(word).is_some_and(|k| k >= dropped::MIN_PHRASE_COUNT)
        }
    })
}

/// Whether character `i` stands alone after a word and is the one-character ending of an organ
/// name (交通运输部根据, 信息化部负责: the gap after 部 is the end of a name, not 部门 with 门
/// left out; 应急局要 is not 需要 with 局 written for 需).
pub(crate) fn closes_organ_name(run: &Run<'_>, split: &Split<'_>, i: usize) -> bool {
    i > 0 && !split.in_common_word[i] && split.in_common_word[i - 1] && ONE_CHARACTER_ENDINGS.contains(run.chars[i])
}

/// The organ-name endings of one character (部, 局, 委 …), as a set.
static ONE_CHARACTER_ENDINGS: std::sync::LazyLock<crate::char_sets::CharSet> = std::sync::LazyLock::new(|| {
    let mut set = crate::char_sets::CharSet::default();
    for e in ORGAN_ENDINGS {
        let mut chars = e.chars();
        if let (Some(c), None) = (chars.next(), chars.next()) {
            set.insert(c);
        }
    }
    set
});

/// The confusables of each character (`rules/near-miss/confusion.txt`), for the tests that
/// misspell words with them.
#[cfg(test)]
pub(crate) fn confusion_table() -> std::collections::HashMap<char, Vec<char>> {
    include_str!("../../../../rules/near-miss/confusion.txt")
        .lines()
        .filter_map(|l| l.split_once('\t'))
        .filter_map(|(c, others)| Some((c.chars().next()?, others.chars().collect())))
        .collect()
}

/// Text for the tests that compare a detector passing places over with one reading every place:
/// `start`, then each word of `rules/near-miss/words.txt` that `misspell` writes wrong (given
/// its number and characters; `None`: left out), among ordinary words and at the ends of runs,
/// then two real documents with errors.
#[cfg(test)]
pub(crate) fn misspelt_words_text(start: &str, misspell: impl Fn(usize, Vec<char>) -> Option<Vec<char>>) -> String {
    let words = include_str!("../../../../rules/near-miss/words.txt");
    let mut text = String::from(start);
    for (k, word) in words.lines().filter_map(|l| l.split('\t').next()).enumerate() {
        let Some(chars) = misspell(k, word.chars().collect()) else { continue };
        text.push_str(["推动", "", "各部门要", "加强"][k % 4]);
        text.extend(chars);
        text.push_str(["工作", "", "，", "。"][k % 4]);
    }
    for doc in [
        include_str!("../../../../fixtures/documents/03_baogao_errors.txt"),
        include_str!("../../../../fixtures/documents/07_tongbao_errors.txt"),
    ] {
        text.push_str(doc);
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lexicon::segment::segment;

    #[test]
    fn each_run_of_the_store_is_the_run_read_alone() {
        let text = "一、加强预算管理。Ab12各部门要认真贯彻落实，𠀀确保（2025年）经济社会发展！";
        let runs = OwnedRuns::of(text);
        let views: Vec<Run<'_>> = runs.iter().collect();
        let texts: Vec<&str> = views.iter().map(|r| r.text).collect();
        assert_eq!(texts, ["一", "加强预算管理", "各部门要认真贯彻落实", "𠀀确保", "年", "经济社会发展"]);
        assert_runs_read_alone(text, &views);
        assert_eq!(
            views[1].seg.words.iter().map(|w| &views[1].text[w.clone()]).collect::<Vec<_>>(),
            ["加强", "预算", "管理"]
        );
        // A long text of many runs (the store looks its pairs up ahead of the run it splits),
        // ending inside a run.
        let long = misspelt_words_text("", |_, chars| Some(chars)) + "结尾的一段文字";
        let runs = OwnedRuns::of(&long);
        let views: Vec<Run<'_>> = runs.iter().collect();
        assert!(views.len() > 1000, "{}", views.len());
        assert_eq!(views.last().map(|r| r.text), Some("结尾的一段文字"));
        assert_runs_read_alone(&long, &views);
    }

    /// A store that splits only the runs the swap and gap detectors may read
    /// ([`HanRuns::of_wanted`]) gives every detector what a store of split runs gives: over
    /// words misspelt three ways (a character swapped for one of its confusables, dropped,
    /// doubled) between ordinary words and at the ends of runs, words of the confused pairs,
    /// and two real documents; each run left unsplit splits as the run does in the other store.
    /// Misspelt words make rare pairs (few of their runs are left unsplit); of clean 公文 text,
    /// three in four of the characters are.
    #[test]
    fn runs_split_when_wanted_read_as_runs_all_split() {
        let confusion = confusion_table();
        let mut text = misspelt_words_text("由付镇长主持。", |k, mut chars| {
            let at = k % chars.len();
            chars[at] = *confusion.get(&chars[at])?.get(k % 3)?;
            Some(chars)
        });
        text += &misspelt_words_text("", |k, mut chars| {
            let at = k % chars.len();
            if k % 2 == 0 {
                chars.remove(at);
            } else {
                chars.insert(at, chars[at]);
            }
            Some(chars)
        });
        for (a, b) in lexicon::CONFUSED_PAIRS {
            text += &format!("要{a}实际工作，{b}会议精神，在在本地区{a}。");
        }
        let han = HanChars::read(&text);
        let (all, wanted) = (HanRuns::of(&han), HanRuns::of_wanted(&han));
        let none = |_: &str| substitution::InDocument::NONE;
        let (mut unsplit, mut runs, mut found) = (0, 0, 0);
        for (a, w) in all.iter(&text, &han).zip(wanted.iter(&text, &han)) {
            runs += 1;
            assert!(a.has_split && (a.start, a.text) == (w.start, w.text));
            assert_eq!(
                w.has_split,
                w.chars.len() >= ALWAYS_SPLIT || split_wanted(w.chars, w.pairs, w.least_pair_count),
                "{}",
                w.text
            );
            if !w.has_split {
                unsplit += 1;
                w.with_split(|s| {
                    assert!(s.has_split && s.start == a.start && s.text == a.text);
                    assert_eq!((s.chars, s.bounds, s.pairs), (a.chars, a.bounds, a.pairs));
                    assert_eq!((s.least_pair_count, s.all_attested), (a.least_pair_count, a.all_attested));
                    assert_eq!(
                        (s.seg.words, s.seg.freqs, s.split.starts, s.split.ends),
                        (a.seg.words, a.seg.freqs, a.split.starts, a.split.ends)
                    );
                    assert_eq!(s.split.in_common_word, a.split.in_common_word);
                });
            }
            let subs = substitution::substitutions(&a, &|_| false, &none);
            let gaps = dropped::dropped(&a, &|_| false);
            let pairs = confused::confused(&a);
            found += subs.len() + gaps.len() + pairs.len();
            assert_eq!(substitution::substitutions(&w, &|_| false, &none), subs, "{}", a.text);
            assert_eq!(dropped::dropped(&w, &|_| false), gaps, "{}", a.text);
            assert_eq!(confused::confused(&w), pairs, "{}", a.text);
            for k in 0..a.chars.len() {
                assert_eq!(doubled::is_doubled_char_in(&w, k), doubled::is_doubled_char_in(&a, k), "{} {k}", a.text);
                let (from, to) = (a.start + a.bounds[k], a.start + a.bounds[(k + 2).min(a.chars.len())]);
                assert_eq!(reads_as_common_words(&w, from..to, from), reads_as_common_words(&a, from..to, from));
            }
        }
        // Misspelt words make rare pairs: few of these runs are left unsplit.
        assert_eq!((runs, unsplit, found), (14_210, 743, 5_007));
        // Of clean 公文 text, half the characters here (three in four over the corpus).
        let clean = [
            include_str!("../../../../fixtures/documents/01_tongzhi_formal_clean.txt"),
            include_str!("../../../../fixtures/documents/04_pifu_clean.txt"),
            include_str!("../../../../fixtures/documents/08_jiyao_clean.txt"),
        ]
        .concat();
        let han = HanChars::read(&clean);
        let wanted = HanRuns::of_wanted(&han);
        let count = |split: bool| {
            wanted.iter(&clean, &han).filter(|r| r.has_split == split).map(|r| r.chars.len()).sum::<usize>()
        };
        assert_eq!((count(true), count(false)), (301, 330));
    }

    /// A run of [`ALWAYS_SPLIT`] characters or more is split whatever the detectors want (a
    /// reader splitting it on demand at each place it reads would split it again and again);
    /// a shorter one of the same words, with no rare pair, is not.
    #[test]
    fn long_runs_are_split_whatever_is_wanted() {
        let phrase = "发展的";
        let text = format!("{}。{phrase}。", phrase.repeat(ALWAYS_SPLIT / 3 + 1));
        let han = HanChars::read(&text);
        let runs: Vec<(usize, bool, u32)> = HanRuns::of_wanted(&han)
            .iter(&text, &han)
            .map(|r| (r.chars.len(), r.has_split, r.least_pair_count))
            .collect();
        assert!(runs.iter().all(|&(_, _, least)| least > dropped::MAX_GAP_COUNT), "{runs:?}");
        assert_eq!(runs.iter().map(|&(n, split, _)| (n, split)).collect::<Vec<_>>(), [(66, true), (3, false)]);
    }

    /// Runs are viewed only with the characters they were read from: other characters (of
    /// other lengths) are refused, not read past their ends.
    #[test]
    #[should_panic(expected = "runs viewed with the characters they were read from")]
    fn runs_are_not_viewed_with_other_characters() {
        let text = "加强预算管理，各部门要认真贯彻落实。";
        let runs = HanRuns::of(&HanChars::read(text));
        let other = HanChars::read("加强管理。");
        let _ = runs.iter(text, &other).count();
    }

    /// Each of `views` (the runs of `text`) holds what reading its text alone gives.
    fn assert_runs_read_alone(text: &str, views: &[Run<'_>]) {
        for run in views {
            assert_eq!(&text[run.start..run.start + run.text.len()], run.text);
            assert!(run.chars.iter().copied().eq(run.text.chars()));
            let bounds: Vec<usize> = run.text.char_indices().map(|(i, _)| i).chain([run.text.len()]).collect();
            assert_eq!(run.bounds, bounds.as_slice());
            let slots: Vec<PairSlot> = run
                .chars
                .windows(2)
                .map(|w| lexicon::pair_slot(w[0], w[1]).unwrap_or(PairSlot::counted(lexicon::pair_count(w[0], w[1]))))
                .collect();
            assert_eq!(run.pairs, slots.as_slice());
            let alone = segment(run.text);
            assert_eq!(
                (run.seg.score, run.seg.words, run.seg.freqs),
                (alone.score, &alone.words[..], &alone.freqs[..])
            );
            // The split by character agrees with the words.
            let n = run.chars.len();
            assert_eq!(
                (run.split.starts.len(), run.split.ends.len(), run.split.in_common_word.len()),
                (n + 1, n + 1, n)
            );
            let at = |byte: usize| bounds.iter().position(|&b| b == byte).expect("a character boundary");
            for (k, w) in run.seg.words.iter().enumerate() {
                assert!(run.split.starts[at(w.start)] && run.split.ends[at(w.end)]);
                let common = at(w.end) - at(w.start) > 1 && run.seg.freqs[k] >= substitution::RARE;
                assert!((at(w.start)..at(w.end)).all(|i| run.split.in_common_word[i] == common));
            }
            assert_eq!(run.split.starts.iter().filter(|&&s| s).count(), run.seg.words.len());
            let counts: Vec<u32> = run.chars.windows(2).map(|w| lexicon::pair_count(w[0], w[1])).collect();
            assert_eq!(run.pairs.iter().map(|s| s.count()).collect::<Vec<_>>(), counts);
            assert_eq!(run.least_pair_count, counts.iter().copied().min().unwrap_or(u32::MAX));
            let marks: Vec<bool> = run.chars.windows(2).map(|w| lexicon::pair_count_and_mark(w[0], w[1]).1).collect();
            assert_eq!(run.pairs.iter().map(|s| s.attested()).collect::<Vec<_>>(), marks);
            assert_eq!(run.all_attested, marks.iter().all(|&m| m));
        }
    }
}
