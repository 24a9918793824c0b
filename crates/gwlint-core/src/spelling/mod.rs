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
mod homophone;
pub mod names;
pub mod substitution;

use crate::document::elements::ORGAN_ENDINGS;
use crate::lexicon::segment::{segment_at, Segmentation};
use crate::text::is_han;

/// A run of Han characters of a text, read once: its characters, their offsets and its best
/// split. Kept by the [`Document`](crate::Document) (see `Document::han_runs`) so that every
/// detector reads the same split; [`Run`] is the view the detectors take.
#[derive(Clone, Debug)]
pub struct RunData {
    start: usize,
    end: usize,
    chars: Vec<char>,
    bounds: Vec<usize>,
    seg: Segmentation,
    split: Split,
}

impl RunData {
    pub(crate) fn new(start: usize, text: &str) -> Self {
        // A run of Han characters has three bytes to a character (four outside the Basic
        // Multilingual Plane): the lists are allocated once.
        let mut chars: Vec<char> = Vec::with_capacity(text.len() / 3);
        let mut bounds: Vec<usize> = Vec::with_capacity(text.len() / 3 + 1);
        for (i, c) in text.char_indices() {
            chars.push(c);
            bounds.push(i);
        }
        bounds.push(text.len());
        let seg = segment_at(text, &bounds);
        let split = Split::new(&bounds, &seg);
        RunData { start, end: start + text.len(), chars, bounds, seg, split }
    }

    /// The run as a view of `text`, the text it was read from.
    pub fn view<'a>(&'a self, text: &'a str) -> Run<'a> {
        Run {
            start: self.start,
            text: &text[self.start..self.end],
            chars: &self.chars,
            bounds: &self.bounds,
            seg: &self.seg,
            split: &self.split,
        }
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
    pub seg: &'a Segmentation,
    /// The split by character.
    pub split: &'a Split,
}

impl<'a> Run<'a> {
    /// The text of characters `from..to`.
    pub fn slice(&self, from: usize, to: usize) -> &'a str {
        &self.text[self.bounds[from]..self.bounds[to]]
    }
}

/// The maximal runs of Han characters in `text`, each read (split) once.
pub fn read_runs(text: &str) -> Vec<RunData> {
    let mut out = Vec::new();
    let mut rest = text.char_indices().peekable();
    while let Some((start, _)) = rest.find(|(_, c)| is_han(*c)) {
        let mut end = text.len();
        while let Some(&(i, c)) = rest.peek() {
            if !is_han(c) {
                end = i;
                break;
            }
            rest.next();
        }
        out.push(RunData::new(start, &text[start..end]));
    }
    out
}

/// Runs read from a text outside a document, with the text they were read from (for tests and
/// the explain tools): `for run in runs.iter()`.
pub struct OwnedRuns<'a> {
    text: &'a str,
    runs: Vec<RunData>,
}

impl<'a> OwnedRuns<'a> {
    pub fn of(text: &'a str) -> Self {
        OwnedRuns { text, runs: read_runs(text) }
    }

    pub fn iter(&self) -> impl Iterator<Item = Run<'_>> {
        self.runs.iter().map(|r| r.view(self.text))
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

/// The best split of a run, by character: where words start and end, and which characters are
/// inside a common word of two or more characters.
#[derive(Clone, Debug)]
pub struct Split {
    pub starts: Vec<bool>,
    pub ends: Vec<bool>,
    pub in_common_word: Vec<bool>,
}

impl Split {
    /// The split of a run whose characters start at `bounds` (and end at its last entry).
    fn new(bounds: &[usize], seg: &Segmentation) -> Self {
        let n = bounds.len() - 1;
        let index = |byte: usize| bounds.partition_point(|&b| b < byte);
        let (mut starts, mut ends, mut in_common_word) = (vec![false; n + 1], vec![false; n + 1], vec![false; n]);
        ends[0] = true;
        for (w, &freq) in seg.words.iter().zip(&seg.freqs) {
            let (s, e) = (index(w.start), index(w.end));
            starts[s] = true;
            ends[e] = true;
            if e - s > 1 && freq >= substitution::RARE {
                in_common_word[s..e].iter_mut().for_each(|c| *c = true);
            }
        }
        Split { starts, ends, in_common_word }
    }
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
    run.seg.words.iter().zip(&run.seg.freqs).filter(|(w, _)| w.start < to && w.end > from).all(|(w, &freq)| {
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
pub(crate) fn closes_organ_name(run: &Run<'_>, split: &Split, i: usize) -> bool {
    let ch = &run.text[run.bounds[i]..run.bounds[i + 1]];
    i > 0
        && !split.in_common_word[i]
        && split.in_common_word[i - 1]
        && ORGAN_ENDINGS.iter().any(|e| e.chars().count() == 1 && *e == ch)
}
