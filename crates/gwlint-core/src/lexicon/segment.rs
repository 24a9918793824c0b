//! The most probable split of a run of Han characters into lexicon words (jieba's unigram model:
//! the product of the words' probabilities; a character no word covers counts as a rare word).

use std::ops::Range;

use super::FreqRank;

/// The longest word the lexicon holds, in characters.
pub const MAX_WORD: usize = 7;

/// A split of a text into words.
#[derive(Clone, Debug, PartialEq)]
pub struct Segmentation {
    /// Natural log of the split's probability.
    pub score: f64,
    /// Byte ranges of the words, in order.
    pub words: Vec<Range<usize>>,
    /// The lexicon frequency of each word (0 for a single character the lexicon lacks).
    pub freqs: Vec<u32>,
}

/// The most probable split of `text` (best read as a run of Han characters).
pub fn segment(text: &str) -> Segmentation {
    let bounds: Vec<usize> = text.char_indices().map(|(i, _)| i).chain(std::iter::once(text.len())).collect();
    segment_at(text, &bounds)
}

/// [`segment`] of a text whose character offsets (and its length at the end) the caller has
/// already worked out.
pub fn segment_at(text: &str, bounds: &[usize]) -> Segmentation {
    let (mut words, mut freqs) = (Vec::new(), Vec::new());
    let score = segment_into(text, bounds, &mut words, &mut freqs);
    Segmentation { score, words, freqs }
}

/// [`segment_at`], appending the words and their frequencies to lists the caller keeps (the
/// runs of a document share one pair); returns the split's score.
pub fn segment_into(text: &str, bounds: &[usize], words: &mut Vec<Range<usize>>, freqs: &mut Vec<u32>) -> f64 {
    SCRATCH.with(|scratch| match scratch.try_borrow_mut() {
        Ok(mut scratch) => {
            let score = split_with(text, bounds, &mut scratch, words, freqs);
            scratch.keep_small();
            score
        }
        Err(_) => split_with(text, bounds, &mut Scratch::default(), words, freqs),
    })
}

/// The lists a split works in, kept between splits (a split of every run of every document
/// allocated and freed them each time).
#[derive(Default)]
struct Scratch {
    /// For each end: the best score of a split up to it, where its last word starts, and that
    /// word's frequency (none: a character the lexicon lacks).
    at: Vec<(f64, usize, Option<FreqRank>)>,
    bytes: Vec<u8>,
    at_byte: Vec<usize>,
}

impl Scratch {
    /// Characters of the longest run whose lists are kept: a longer one (a document of one
    /// endless line) gives its memory back.
    const KEEP: usize = 1 << 14;

    fn keep_small(&mut self) {
        if self.at.capacity() > Self::KEEP {
            *self = Scratch::default();
        }
    }
}

thread_local! {
    static SCRATCH: std::cell::RefCell<Scratch> = std::cell::RefCell::new(Scratch::default());
}

fn split_with(
    text: &str,
    bounds: &[usize],
    scratch: &mut Scratch,
    words: &mut Vec<Range<usize>>,
    freqs: &mut Vec<u32>,
) -> f64 {
    let n = bounds.len() - 1;
    let Scratch { at, bytes, at_byte } = scratch;
    at.clear();
    at.resize(n + 1, (f64::NEG_INFINITY, 0usize, None));
    let unknown = super::log_prob(0);
    at[0].0 = 0.0;
    // The run as the trie of words reads it (a byte or two a character), and where each
    // character starts there.
    bytes.clear();
    at_byte.clear();
    for i in 0..n {
        at_byte.push(bytes.len());
        text[bounds[i]..bounds[i + 1]].chars().for_each(|c| super::trie_bytes(c, bytes));
    }
    at_byte.push(bytes.len());
    // Forward: from each reachable start, every word that starts there (one walk of the
    // trie, shortest first). A character no word covers counts as a rare word (jieba's
    // frequency 1).
    for start in 0..n {
        let best_start = at[start].0;
        if best_start == f64::NEG_INFINITY {
            continue;
        }
        let mut relax = |end: usize, log_prob: f64, f: Option<FreqRank>| {
            let s = best_start + log_prob;
            if s > at[end].0 {
                at[end] = (s, start, f);
            }
        };
        let (from, mut end, mut one) = (at_byte[start], start, false);
        for (f, len) in super::ranked_words_starting(&bytes[from..]) {
            // A word ends where a character does: its bytes are whole characters' codes.
            while at_byte[end] - from < len {
                end += 1;
            }
            if end - start > MAX_WORD {
                break;
            }
            one |= end == start + 1;
            relax(end, f.log_prob(), Some(f));
        }
        if !one {
            relax(start + 1, unknown, None);
        }
    }
    // Back from the end: count the words first, so that the lists grow once.
    let mut count = 0;
    let mut end = n;
    while end > 0 {
        count += 1;
        end = at[end].1;
    }
    let first = words.len();
    words.resize(first + count, 0..0);
    freqs.resize(first + count, 0);
    let mut end = n;
    for i in (first..first + count).rev() {
        let (_, start, f) = at[end];
        words[i] = bounds[start]..bounds[end];
        freqs[i] = f.map_or(0, FreqRank::freq);
        end = start;
    }
    at[n].0
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(text: &str) -> Vec<&str> {
        segment(text).words.into_iter().map(|r| &text[r]).collect()
    }

    #[test]
    fn splits_into_the_most_probable_words() {
        assert_eq!(split("制定行业标准"), ["制定", "行业标准"]);
        assert_eq!(split("土地地上附着物"), ["土地", "地上", "附着物"]);
        assert_eq!(split("合作社发展"), ["合作社", "发展"]);
        assert!(segment("经济社会发展").score > segment("经济社发展").score);
        assert_eq!(split(""), Vec::<&str>::new());
    }
}
