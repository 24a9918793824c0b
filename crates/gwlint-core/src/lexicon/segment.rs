//! The most probable split of a run of Han characters into lexicon words (jieba's unigram model:
//! the product of the words' probabilities; a character no word covers counts as a rare word).

use std::ops::Range;

use super::{FreqRank, PairSlot};

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
    let (chars, bounds): (Vec<char>, Vec<usize>) = text.char_indices().map(|(i, c)| (c, i)).unzip();
    let bounds: Vec<usize> = bounds.into_iter().chain(std::iter::once(text.len())).collect();
    let pairs: Vec<PairSlot> =
        chars.windows(2).map(|w| super::pair_slot(w[0], w[1]).unwrap_or(PairSlot::NONE)).collect();
    let (mut words, mut freqs) = (Vec::new(), Vec::new());
    let score = segment_into(&chars, &bounds, &pairs, &mut words, &mut freqs);
    Segmentation { score, words, freqs }
}

/// The split of the characters `chars`, whose byte offsets in their text (and the text's
/// length after them) are `bounds` and whose adjacent pairs have the slots `pairs` (one fewer
/// than the characters; [`super::pair_slot`], [`PairSlot::NONE`] for a pair without one): the
/// words (byte ranges) and their frequencies are appended to lists the caller keeps (the runs of
/// a document share one pair); returns the split's score.
pub fn segment_into(
    chars: &[char],
    bounds: &[usize],
    pairs: &[PairSlot],
    words: &mut Vec<Range<usize>>,
    freqs: &mut Vec<u32>,
) -> f64 {
    debug_assert_eq!(chars.len() + 1, bounds.len());
    debug_assert_eq!(chars.len().saturating_sub(1), pairs.len());
    crate::scratch::with_scratch(&SCRATCH, |scratch| {
        let score = split_with(chars, bounds, pairs, scratch, words, freqs);
        scratch.keep_small();
        score
    })
}

/// The lists a split works in, kept between splits (a split of every run of every document
/// allocated and freed them each time).
#[derive(Default)]
struct Scratch {
    /// For each end: the best split up to it.
    at: Vec<Best>,
    bytes: Vec<u8>,
    at_byte: Vec<usize>,
    /// At each byte offset where a character's bytes end: how many characters the run's bytes
    /// up to there hold (where a word ends, in characters, from where it ends in bytes).
    chars_to: Vec<u32>,
    /// Each character's frequency rank as a word of one character, plus one (0: no word).
    singles: Vec<u32>,
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

/// The best split of a run up to a place: its score, where its last word starts, and that word's
/// frequency rank ([`Best::NO_WORD`]: a character the lexicon lacks). Sixteen bytes: the list is
/// read and written at every word of every place.
#[derive(Clone, Copy)]
struct Best {
    score: f64,
    start: u32,
    rank: u32,
}

impl Best {
    const NO_WORD: u32 = u32::MAX;
}

/// Makes `list` at least `len` long (new places zero); what it holds is left.
pub(crate) fn grow<T: Copy + Default>(list: &mut Vec<T>, len: usize) {
    if list.len() < len {
        list.resize(len, T::default());
    }
}

thread_local! {
    static SCRATCH: std::cell::RefCell<Scratch> = std::cell::RefCell::new(Scratch::default());
}

fn split_with(
    chars: &[char],
    bounds: &[usize],
    pairs: &[PairSlot],
    scratch: &mut Scratch,
    words: &mut Vec<Range<usize>>,
    freqs: &mut Vec<u32>,
) -> f64 {
    let n = chars.len();
    let Scratch { at, bytes, at_byte, chars_to, singles } = scratch;
    at.clear();
    at.resize(n + 1, Best { score: f64::NEG_INFINITY, start: 0, rank: Best::NO_WORD });
    let unknown = super::log_prob(0);
    let logs = super::log_probs();
    at[0].score = 0.0;
    // The run as the trie of words reads it (a byte or two a character), and where each
    // character starts there. Written in place before they are read (a character is at most
    // two bytes; `chars_to` is read only where a character ends): the lists only grow, and
    // what an earlier run left in them is never read.
    grow(bytes, 2 * n);
    grow(at_byte, n + 1);
    grow(chars_to, 2 * n + 1);
    grow(singles, n);
    // Cut to the lengths this run uses: the places a character's index gives need no checks.
    let (at, at_byte, chars_to, singles) =
        (&mut at[..=n], &mut at_byte[..=n], &mut chars_to[..=2 * n], &mut singles[..n]);
    let mut w = 0;
    for (i, &c) in chars.iter().enumerate() {
        at_byte[i] = w;
        let (code, len, single) = super::trie_char_and_word(c);
        singles[i] = single.map_or(0, |r| r.0 + 1);
        bytes[w] = code[0];
        bytes[w + 1] = code[1];
        w += len;
        chars_to[w] = i as u32 + 1;
    }
    at_byte[n] = w;
    let bytes = &bytes[..w];
    // Forward: from each reachable start, every word that starts there. A character no word
    // covers counts as a rare word (jieba's frequency 1). The character's own word comes with
    // its code, the pair's from its slot; the trie of words is walked only where the slot says
    // a longer word starts, from where the trie is after the pair (or from the root where the
    // pair has no slot: all its words from one walk, shortest first).
    for start in 0..n {
        let best_start = at[start].score;
        if best_start == f64::NEG_INFINITY {
            continue;
        }
        let mut relax = |end: usize, log_prob: f64, rank: u32| {
            let s = best_start + log_prob;
            let best = &mut at[end];
            if s > best.score {
                *best = Best { score: s, start: start as u32, rank };
            }
        };
        // The pair from here (none at the run's last character), and whether what it says of
        // words is known: then the character's own word is read from its code.
        let pair = pairs.get(start).copied();
        if pair.is_none_or(PairSlot::knows_words) {
            match singles[start].checked_sub(1) {
                Some(r) => relax(start + 1, logs[r as usize], r),
                None => relax(start + 1, unknown, Best::NO_WORD),
            }
        }
        // The longer words: walked on from where the trie is after the pair (its slot says),
        // or all the words from the root where the pair has no slot. A word goes on over the
        // pair of characters `j` and `j + 1` after its first character only where the pair's
        // slot says a word may (`stop`: the end of the longest stretch from here whose pairs
        // after the first all may): the walk reads no further, where its next node would hold
        // no word.
        let stop = || {
            let mut stop = (start + 2).min(n);
            while stop < n && stop - start < MAX_WORD && pairs[stop - 1].may_be_inner() {
                stop += 1;
            }
            stop
        };
        let from = at_byte[start];
        let (walk, walked) = match pair {
            Some(pair) if pair.knows_words() => {
                if let Some(FreqRank(r)) = pair.word() {
                    relax(start + 2, logs[r as usize], r);
                }
                let Some(base) = pair.trie_base() else { continue };
                let stop = stop();
                if stop <= start + 2 {
                    continue;
                }
                let after = at_byte[start + 2];
                (super::ranked_words_after(base, &bytes[after..at_byte[stop]]), after)
            }
            Some(_) => (super::ranked_words_starting(&bytes[from..at_byte[stop()]]), from),
            None => continue,
        };
        let mut one = walked > from;
        for (f, len) in walk {
            // A word ends where a character does: its bytes are whole characters' codes.
            let end = chars_to[walked + len] as usize;
            if end - start > MAX_WORD {
                break;
            }
            one |= end == start + 1;
            relax(end, logs[f.0 as usize], f.0);
        }
        if !one {
            relax(start + 1, unknown, Best::NO_WORD);
        }
    }
    // Back from the end: count the words first, so that the lists grow once.
    let mut count = 0;
    let mut end = n;
    while end > 0 {
        count += 1;
        end = at[end].start as usize;
    }
    let first = words.len();
    words.resize(first + count, 0..0);
    freqs.resize(first + count, 0);
    let mut end = n;
    for i in (first..first + count).rev() {
        let Best { start, rank, .. } = at[end];
        let start = start as usize;
        words[i] = bounds[start]..bounds[end];
        freqs[i] = if rank == Best::NO_WORD { 0 } else { FreqRank(rank).freq() };
        end = start;
    }
    at[n].score
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(text: &str) -> Vec<&str> {
        segment(text).words.into_iter().map(|r| &text[r]).collect()
    }

    /// The split weighed from the lexicon's table of words alone, as jieba builds its graph:
    /// every stretch of up to [`MAX_WORD`] characters looked up (no trie, no pair slots), a
    /// character no word covers as a rare word.
    fn split_by_lookup(text: &str) -> Segmentation {
        let bounds: Vec<usize> = text.char_indices().map(|(i, _)| i).chain([text.len()]).collect();
        let n = bounds.len() - 1;
        let mut at: Vec<(f64, usize, u32)> = vec![(f64::NEG_INFINITY, 0, 0); n + 1];
        at[0].0 = 0.0;
        for start in 0..n {
            for end in start + 1..=(start + MAX_WORD).min(n) {
                let freq = match crate::lexicon::word(&text[bounds[start]..bounds[end]]) {
                    Some(w) => w.freq,
                    None if end == start + 1 => 0,
                    None => continue,
                };
                let s = at[start].0 + crate::lexicon::log_prob(freq);
                if s > at[end].0 {
                    at[end] = (s, start, freq);
                }
            }
        }
        let (mut words, mut freqs, mut end) = (Vec::new(), Vec::new(), n);
        while end > 0 {
            let (_, start, freq) = at[end];
            words.push(bounds[start]..bounds[end]);
            freqs.push(freq);
            end = start;
        }
        words.reverse();
        freqs.reverse();
        Segmentation { score: at[n].0, words, freqs }
    }

    /// The split reads the trie only as far as the pair slots say a word may go on: it finds
    /// the words every lookup finds, over the words of the near-miss list (as written, and with
    /// two characters swapped) between ordinary words, and two real documents.
    #[test]
    fn the_split_is_the_split_of_every_stretch_looked_up() {
        let text = crate::spelling::misspelt_words_text("", |_, chars| Some(chars))
            + &crate::spelling::misspelt_words_text("", |k, mut chars| {
                let len = chars.len();
                chars.swap(k % len, (k + 1) % len);
                Some(chars)
            });
        let mut runs = 0;
        for run in text.split(|c: char| !crate::text::is_han(c)).filter(|r| !r.is_empty()) {
            assert_eq!(segment(run), split_by_lookup(run), "{run}");
            runs += 1;
        }
        assert!(runs > 2000, "{runs}");
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
