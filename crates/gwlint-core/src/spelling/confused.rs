//! A real word written for its look-alike (形式 for 形势, 有利 for 有力, 调解 for 调节), decided
//! from the words around it, not from a list of fixed phrases.
//!
//! For each word of a confused pair (the pairs of `rules/lexicon/confused-words.txt`), the
//! lexicon holds how often it is a word of the best split of clean text, how often each other
//! word stands within three words of it, and how often each part of speech stands right before
//! and right after it (the class of a neighbour: 必须 comes before verbs and prepositions, 必需
//! before 的 or at the end: a neighbour seen with neither word, or too rarely to tell, no longer
//! leaves the decision to the prior).
//!
//! An occurrence is scored for both words of its pair by naive Bayes over its neighbours and the
//! classes of the two words beside it (the word's count as the prior, each feature's count with
//! it, smoothed; a feature seen with neither word is left out). It is reported when the other
//! word reads at least e^[`MIN_MARGIN`] times more probably, the other word was seen at least
//! [`MIN_OTHER`] times, and at least [`MIN_SUPPORT`] features support it, one of them a
//! neighbouring word: a word of two or more characters seen with it at least [`MIN_SEEN`] times,
//! or a one-character word or a class seen with it at least [`CLASS_SEEN`] times and
//! [`CLASS_RATIO`] times more often, for its count, than with the written word (向…反映). The
//! classes alone never decide: 因为反应时刻更短 has no neighbour seen with 反映. They can keep the
//! written word, though: when the word right before or after it is of a class the written word
//! takes [`CLASS_RATIO`] times more often (seen [`CLASS_SEEN`] times), nothing is reported (必须
//! before a verb in 所必须具有的).

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
/// How much more often (for each word's count) a class of neighbour or a one-character
/// neighbour must be seen beside the other word to support it.
pub const CLASS_RATIO: f64 = 4.0;
/// How often a class of neighbour or a one-character neighbour must have been seen beside the
/// other word to support it.
pub const CLASS_SEEN: u32 = 20;
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
    /// The classes of the words beside it that the right word takes, described for the reader
    /// (后接介词, 位于句首).
    pub classes: Vec<String>,
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

/// The class of the word before word `i` of a run's split: "<" and its part of speech (jieba's
/// tag, "x" for a character no word holds), "<|" at the start of the run.
fn left_class(toks: &[&str], i: usize) -> String {
    format!("<{}", i.checked_sub(1).map_or("|", |j| tag_of(toks[j])))
}

/// The class of the word after word `i`: ">" and its part of speech, ">|" at the end of the run.
fn right_class(toks: &[&str], i: usize) -> String {
    format!(">{}", toks.get(i + 1).map_or("|", |t| tag_of(t)))
}

/// Whether a feature is a class of neighbour ("<n", ">p") rather than a neighbouring word.
fn is_class(feature: &str) -> bool {
    feature.starts_with(['<', '>'])
}

fn tag_of(tok: &str) -> &'static str {
    lexicon::word(tok).map_or("x", |w| w.tag)
}

/// A class of neighbour as the reader is told it: 前接名词, 后接介词, 位于句首.
fn describe_class(class: &str) -> String {
    match class {
        "<|" => "位于句首或分句开头".to_string(),
        ">|" => "位于句末或分句末尾".to_string(),
        _ if class.starts_with('<') => format!("前接{}", tag_name(&class[1..])),
        _ => format!("后接{}", tag_name(&class[1..])),
    }
}

/// The name of one of jieba's parts of speech.
fn tag_name(tag: &str) -> &'static str {
    match tag {
        "n" | "ng" | "nrt" | "nrfg" | "nr" | "ns" | "nt" | "nz" => "名词",
        "v" | "vg" | "vi" | "vq" => "动词",
        "vn" => "名动词",
        "vd" => "副动词",
        "a" | "ag" => "形容词",
        "ad" => "副形词",
        "an" => "名形词",
        "d" | "dg" => "副词",
        "p" => "介词",
        "c" => "连词",
        "uj" => "助词“的”",
        "ud" => "助词“得”",
        "uv" => "助词“地”",
        "ul" => "助词“了”",
        "uz" => "助词“着”",
        "ug" => "助词“过”",
        "u" => "助词",
        "r" | "rr" | "rz" => "代词",
        "m" | "mq" => "数词",
        "q" => "量词",
        "f" => "方位词",
        "t" | "tg" => "时间词",
        "s" => "处所词",
        "l" | "i" => "固定短语",
        "z" | "zg" => "状态词",
        "b" => "区别词",
        "x" => "单字",
        _ => "其他词",
    }
}

/// Whether a class of neighbour (or a one-character neighbour, too common for one sighting to
/// count) is seen at least [`CLASS_RATIO`] times more often (relative to each word's count)
/// beside the other word than beside the written one, and at least [`CLASS_SEEN`] times.
fn class_favours(written: &str, other: &str, class: &str) -> bool {
    let (nw, no) = (f64::from(lexicon::near_count(written, "")), f64::from(lexicon::near_count(other, "")));
    let (kw, ko) = (lexicon::near_count(written, class), lexicon::near_count(other, class));
    ko >= CLASS_SEEN && f64::from(ko) / no >= CLASS_RATIO * (f64::from(kw) + 1.0) / (nw + 1.0)
}

/// The confused words of a run (split here if the store left it unsplit).
pub fn confused(run: &Run<'_>) -> Vec<Confused> {
    run.with_split(confused_in)
}

/// The runs of `runs` (the runs of Han characters of `text`, in order) that hold a word of a
/// pair, as characters side by side (and so may hold one in their split): most runs hold none,
/// and most documents few. The words' places come from one vectorised search of the text for
/// all of them.
pub fn runs_holding_pair_words<'a, 't>(
    text: &'t str,
    runs: impl Iterator<Item = Run<'a>> + 't,
) -> impl Iterator<Item = Run<'a>> + 't {
    let mut places = PAIR_WORD_SEARCH.starts(text).peekable();
    runs.filter(move |run| {
        // A word's characters are Han characters side by side: a word that starts in a run lies
        // in it. One overlapping another is not found, but the other lies in the same run.
        while places.next_if(|&p| p < run.start).is_some() {}
        places.peek().is_some_and(|&p| p < run.start + run.text.len())
    })
}

/// The words of [`lexicon::CONFUSED_PAIRS`], as characters.
#[cfg(test)]
static PAIR_WORDS: std::sync::LazyLock<Vec<Vec<char>>> = std::sync::LazyLock::new(|| {
    lexicon::CONFUSED_PAIRS.iter().flat_map(|(a, b)| [a, b]).map(|w| w.chars().collect()).collect()
});

/// The search for the words of [`lexicon::CONFUSED_PAIRS`]: the vectorised search of few
/// strings (Teddy) where the processor has one, else an automaton (WebAssembly).
enum PairWordSearch {
    Packed(aho_corasick::packed::Searcher),
    Automaton(aho_corasick::AhoCorasick),
}

impl PairWordSearch {
    /// Where a word of a pair starts in `text`, in order (one overlapping another left out).
    fn starts<'t>(&'t self, text: &'t str) -> Box<dyn Iterator<Item = usize> + 't> {
        match self {
            PairWordSearch::Packed(s) => Box::new(s.find_iter(text).map(|m| m.start())),
            PairWordSearch::Automaton(s) => Box::new(s.find_iter(text).map(|m| m.start())),
        }
    }

    /// The vectorised search, if the processor has one.
    fn packed() -> Option<Self> {
        aho_corasick::packed::Config::new().builder().extend(Self::words()).build().map(PairWordSearch::Packed)
    }

    fn automaton() -> Self {
        let automaton = aho_corasick::AhoCorasick::builder()
            .match_kind(aho_corasick::MatchKind::LeftmostFirst)
            .build(Self::words())
            .expect("the pairs' words");
        PairWordSearch::Automaton(automaton)
    }

    fn words() -> impl Iterator<Item = &'static &'static str> {
        lexicon::CONFUSED_PAIRS.iter().flat_map(|(a, b)| [a, b])
    }
}

static PAIR_WORD_SEARCH: std::sync::LazyLock<PairWordSearch> =
    std::sync::LazyLock::new(|| PairWordSearch::packed().unwrap_or_else(PairWordSearch::automaton));

/// [`confused`] of a split run that holds a word of a pair.
fn confused_in(run: &Run<'_>) -> Vec<Confused> {
    debug_assert!(run.has_split);
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
        // The features: the neighbouring words, then the classes of the two words beside it.
        let classes = [left_class(&toks, i), right_class(&toks, i)];
        let mut features = neighbours;
        features.extend(classes.iter().map(String::as_str));
        // A feature neither word was seen with says nothing; smoothed, it would favour the rarer
        // word (its unseen share is larger) — 必须更加突出 read as 必需.
        features.retain(|c| lexicon::near_count(written, c) + lexicon::near_count(other, c) > 0);
        // A word of two or more characters supports the other word once seen with it; a
        // one-character word, like a class, only when seen with it often enough to tell.
        let word_supports = |c: &str| {
            if c.chars().count() >= 2 {
                lexicon::near_count(other, c) >= MIN_SEEN
            } else {
                class_favours(written, other, c)
            }
        };
        let (mut support, mut classes_for) = (Vec::new(), Vec::new());
        for c in &features {
            if is_class(c) {
                if class_favours(written, other, c) {
                    classes_for.push(describe_class(c));
                }
            } else if word_supports(c) {
                support.push(c.to_string());
            }
        }
        // The word right before or after it is of a class the written word takes far more often
        // (必须 before a verb: 所必须具有的 is 必须, however much 所 … 的 around it speaks for 必需):
        // the frame the word stands in outweighs the words nearby.
        let frame_for_written = classes.iter().any(|c| class_favours(other, written, c));
        if frame_for_written
            || support.is_empty()
            || support.len() + classes_for.len() < MIN_SUPPORT
            || score(other, &features) - score(written, &features) < MIN_MARGIN
        {
            continue;
        }
        out.push(Confused {
            span: run.start + seg.words[i].start..run.start + seg.words[i].end,
            written,
            right: other,
            support,
            classes: classes_for,
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::spelling::OwnedRuns;

    fn found(text: &str) -> Vec<String> {
        let runs = OwnedRuns::of(text);
        runs_holding_pair_words(text, runs.iter())
            .flat_map(|r| confused(&r))
            .map(|c| format!("{}→{}", c.written, c.right))
            .collect()
    }

    #[test]
    fn reads_the_word_the_context_wants() {
        assert_eq!(found("当前面临的形式较为严峻"), ["形式→形势"]);
        assert_eq!(found("为项目建设提供了有利保障"), ["有利→有力"]);
    }

    #[test]
    fn the_class_of_the_next_word_tells_an_adverb_from_an_adjective() {
        // 于 and 严格 were seen with neither word often enough to decide alone; a preposition
        // or an adverb after the word is what 必须 takes.
        assert_eq!(found("各单位必需于月底前报送"), ["必需→必须"]);
        assert_eq!(found("各地必需严格落实"), ["必需→必须"]);
    }

    #[test]
    fn a_one_character_neighbour_supports_when_it_is_seen_often_with_one_word() {
        assert_eq!(found("群众多次向街道反应"), ["反应→反映"]);
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
            "这是开展工作所必需的条件",
            "这些设备都是必需",
            "因为反应时间更短",
            "学生反应很快",
            "必须于月底前报送",
            "居民向社区反映",
            // 所 … 的 around it speaks for 必需, the verb after it for 必须.
            "做好领导工作所必须具有的辩证思维",
        ] {
            assert!(found(s).is_empty(), "{s}: {:?}", found(s));
        }
    }

    /// A run is read exactly when it holds a word of a pair as characters: over every run of
    /// the pairs' words written among ordinary words, of other two-character words of the same
    /// frequencies (words alike to the lexicon) and of two real documents, the runs the search
    /// gives are those where comparing the words at every character finds one.
    #[test]
    fn runs_are_read_exactly_where_a_word_of_a_pair_stands() {
        assert_eq!(PAIR_WORDS.len(), 2 * lexicon::CONFUSED_PAIRS.len());
        let mut text = String::new();
        for (k, w) in PAIR_WORDS.iter().enumerate() {
            let word: String = w.iter().collect();
            text += ["推动", "。", "各部门要", "加强"][k % 4];
            text += &word;
            text += ["工作", "，", "内容", ""][k % 4];
            text.push('\n');
        }
        // Two pair words overlapping (有利 and 利…: 有利益), and back to back.
        text += "有利益形式形势\n";
        let freqs: Vec<u32> =
            PAIR_WORDS.iter().filter_map(|w| lexicon::word(&w.iter().collect::<String>())).map(|w| w.freq).collect();
        let words = include_str!("../../../../rules/lexicon/words.txt");
        let mut alike = 0;
        for line in words.lines().filter(|l| !l.starts_with('#')) {
            let mut fields = line.split('\t');
            let (Some(word), Some(freq)) = (fields.next(), fields.next().and_then(|f| f.parse::<u32>().ok())) else {
                continue;
            };
            let chars: Vec<char> = word.chars().collect();
            if chars.len() == 2 && freqs.contains(&freq) && !PAIR_WORDS.contains(&chars) {
                text += &format!("推动{word}工作\n");
                alike += 1;
            }
        }
        assert_eq!(alike, 96);
        text += include_str!("../../../../fixtures/documents/03_baogao_errors.txt");
        text += include_str!("../../../../fixtures/documents/01_tongzhi_formal_clean.txt");
        let runs = OwnedRuns::of(&text);
        let read: Vec<&str> = runs_holding_pair_words(&text, runs.iter()).map(|r| r.text).collect();
        let holding: Vec<&str> = runs
            .iter()
            .filter(|run| (0..run.chars.len()).any(|i| PAIR_WORDS.iter().any(|w| run.chars[i..].starts_with(w))))
            .map(|r| r.text)
            .collect();
        assert_eq!(read, holding);
        assert_eq!((read.len(), runs.iter().count()), (25, 216));
        // Both searches find the same places (the automaton is what a processor without the
        // vectorised one gets).
        let automaton: Vec<usize> = PairWordSearch::automaton().starts(&text).collect();
        assert_eq!(automaton.len(), 27);
        if let Some(packed) = PairWordSearch::packed() {
            assert_eq!(packed.starts(&text).collect::<Vec<_>>(), automaton);
        }
    }
}
