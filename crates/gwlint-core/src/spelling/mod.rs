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
pub mod names;
pub mod substitution;

use crate::document::elements::ORGAN_ENDINGS;
use crate::lexicon::segment::Segmentation;
use crate::text::is_han;

/// A run of Han characters: its byte offset in the text and its characters with their offsets.
pub struct Run<'a> {
    pub start: usize,
    pub text: &'a str,
    pub chars: Vec<char>,
    /// Byte offset (in `text`) of each character, and `text.len()` at the end.
    pub bounds: Vec<usize>,
}

impl<'a> Run<'a> {
    fn new(start: usize, text: &'a str) -> Self {
        let chars = text.chars().collect();
        let bounds = text.char_indices().map(|(i, _)| i).chain(std::iter::once(text.len())).collect();
        Run { start, text, chars, bounds }
    }

    /// The text of characters `from..to`.
    pub fn slice(&self, from: usize, to: usize) -> &'a str {
        &self.text[self.bounds[from]..self.bounds[to]]
    }
}

/// The maximal runs of Han characters in `text`.
pub fn han_runs(text: &str) -> impl Iterator<Item = Run<'_>> {
    let mut rest = text.char_indices().peekable();
    std::iter::from_fn(move || {
        let (start, _) = rest.find(|(_, c)| is_han(*c))?;
        let mut end = text.len();
        while let Some(&(i, c)) = rest.peek() {
            if !is_han(c) {
                end = i;
                break;
            }
            rest.next();
        }
        Some(Run::new(start, &text[start..end]))
    })
}

/// `chars` with the character at `at` replaced by `with`, as a string.
pub(crate) fn replaced(chars: &[char], at: usize, with: char) -> String {
    chars.iter().enumerate().map(|(i, &c)| if i == at { with } else { c }).collect()
}

/// The best split of a run, by character: where words start and end, and which characters are
/// inside a common word of two or more characters.
pub struct Split {
    pub starts: Vec<bool>,
    pub ends: Vec<bool>,
    pub in_common_word: Vec<bool>,
}

impl Split {
    pub fn of(run: &Run<'_>, seg: &Segmentation) -> Self {
        let n = run.chars.len();
        let index = |byte: usize| run.bounds.partition_point(|&b| b < byte);
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
