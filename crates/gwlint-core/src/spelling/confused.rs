//! A real word written for its look-alike (形式 for 形势, 有利 for 有力, 调解 for 调节), decided
//! from the words around it, not from a list of fixed phrases.
//!
//! For each word of a confused pair (the pairs of `rules/lexicon/confused-words.txt`), the
//! lexicon holds how often it is a word of the best split of clean text and how often each other
//! word stands within three words of it. An occurrence is scored for both words of its pair by
//! naive Bayes over its neighbours (the word's count as the prior, each neighbour's count with
//! it, smoothed; a neighbour seen with neither word is left out); it is reported when the other word reads at least e^[`MIN_MARGIN`] times more
//! probably, the other word was seen at least [`MIN_OTHER`] times, and at least [`MIN_SUPPORT`] of
//! the neighbours (words of two or more characters) were seen with it at least [`MIN_SEEN`] times.

use super::Run;
use crate::lexicon;

/// The least log ratio of the two readings.
pub const MIN_MARGIN: f64 = 5.0;
/// The least number of neighbours seen with the other word.
pub const MIN_SUPPORT: usize = 2;
/// How often a neighbour must have been seen with the other word to support it (the counts are
/// thin: the pair words occur a few dozen to a few hundred times in clean text).
pub const MIN_SEEN: u32 = 1;
/// How often the other word must have been seen at all (a rare word's few contexts say little).
pub const MIN_OTHER: u32 = 10;
/// Words on either side that count as the context.
const NEIGHBOURHOOD: usize = 3;
/// Smoothing of the neighbour counts.
const SMOOTHING: f64 = 0.1;

/// One real word that reads as its look-alike.
#[derive(Clone, Debug, PartialEq)]
pub struct Confused {
    /// Byte range (in the text the run came from) of the written word.
    pub span: std::ops::Range<usize>,
    pub written: &'static str,
    pub right: &'static str,
    /// The neighbours seen with the right word.
    pub support: Vec<String>,
}

/// The log probability of `word` with these neighbours.
fn score(word: &str, neighbours: &[&str]) -> f64 {
    let n = f64::from(lexicon::near_count(word, ""));
    let mut s = (n + 1.0).ln();
    for c in neighbours {
        let k = f64::from(lexicon::near_count(word, c));
        s += ((k + SMOOTHING) / (n + SMOOTHING * 20.0)).ln();
    }
    s
}

/// The confused words of a run.
pub fn confused(run: &Run<'_>) -> Vec<Confused> {
    if !lexicon::CONFUSED_PAIRS.iter().any(|(a, b)| run.text.contains(a) || run.text.contains(b)) {
        return Vec::new();
    }
    let seg = run.seg;
    let toks: Vec<&str> = seg.words.iter().map(|w| &run.text[w.clone()]).collect();
    let mut out = Vec::new();
    for (i, tok) in toks.iter().enumerate() {
        let Some((written, other)) = lexicon::confused_with(tok) else { continue };
        if lexicon::near_count(other, "") < MIN_OTHER {
            continue;
        }
        let mut neighbours: Vec<&str> = toks[i.saturating_sub(NEIGHBOURHOOD)..i]
            .iter()
            .chain(&toks[i + 1..(i + 1 + NEIGHBOURHOOD).min(toks.len())])
            .copied()
            .collect();
        neighbours.sort_unstable();
        neighbours.dedup();
        // A neighbour neither word was seen with says nothing; smoothed, it would favour the rarer
        // word (its unseen share is larger) — 必须更加突出 read as 必需.
        neighbours.retain(|c| lexicon::near_count(written, c) + lexicon::near_count(other, c) > 0);
        let support: Vec<String> = neighbours
            .iter()
            .filter(|c| c.chars().count() >= 2 && lexicon::near_count(other, c) >= MIN_SEEN)
            .map(|c| c.to_string())
            .collect();
        if support.len() < MIN_SUPPORT || score(other, &neighbours) - score(written, &neighbours) < MIN_MARGIN {
            continue;
        }
        out.push(Confused {
            span: run.start + seg.words[i].start..run.start + seg.words[i].end,
            written,
            right: other,
            support,
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::spelling::OwnedRuns;

    fn found(text: &str) -> Vec<String> {
        OwnedRuns::of(text).iter().flat_map(|r| confused(&r)).map(|c| format!("{}→{}", c.written, c.right)).collect()
    }

    #[test]
    fn reads_the_word_the_context_wants() {
        assert_eq!(found("当前面临的形式较为严峻"), ["形式→形势"]);
        assert_eq!(found("为项目建设提供了有利保障"), ["有利→有力"]);
    }

    #[test]
    fn right_words_are_silent() {
        for s in [
            "当前面临的形势较为严峻",
            "为项目建设提供了有力保障",
            "采取多种形式开展宣传",
            "创造有利条件",
            "区域发展必须围绕精准扶贫",
            "必须更加突出发展理念",
        ] {
            assert!(found(s).is_empty(), "{s}: {:?}", found(s));
        }
    }
}
