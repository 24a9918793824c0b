//! A character swapped for one that sounds or looks like it (标谁 for 标准, 式点 for 试点).
//!
//! A character is reported only when all of these hold:
//! - the best split of its run leaves it a word of its own (it forms no common word with a
//!   neighbour), and it is not doubled (一剂剂 is reduplication);
//! - a confusable character in its place makes a common word of two to four characters with its
//!   neighbours (whole words of the run's split: 堤身加固 is never read as 堤参加固), where the
//!   written characters make no word (or one too rare to count);
//! - the written character (almost) never stands next to that neighbour in clean text, and the
//!   confusable one often does, while the neighbour on the other side stands next to the
//!   confusable one at least as often as next to the written one (the character evidence on both
//!   sides of the change);
//! - the whole run reads far more probably with the change: the gain in log probability of its
//!   best split, plus the log ratio of the pairs inside the word, plus how much likelier a slip
//!   to a character of the same sound is than to one of another sound ([`SAME_SOUND`]: a pinyin
//!   input method offers every character of a sound), is at least [`MIN_SCORE`];
//! - where clean text has seen the word's pairs too rarely to tell (泄洪 twice), the document
//!   writing the word right elsewhere counts: its sightings are added to the pairs inside the
//!   word, and the word is read as more probable in this document ([`InDocument::bonus`], a
//!   cache model);
//! - the corrected word is not a person's name (names are where the lexicon is weakest) or a
//!   function word (因未 is 因 + 未, not 因为), the change is not inside a place or organisation
//!   name (贝塘乡, 一冶集团) or a numbered abbreviation (一淀、三带), and the caller does not
//!   protect the written form as a name;
//! - the written character is not one the document writes far more often than text at large (井
//!   in a notice on manhole covers, 尘 in a statute on dust: a word of its topic, not a slip, which
//!   is a one-off), and is not a surname before 某 (肖某, 石某某: a name withheld).
//!
//! Besides: 付 standing alone before a post title is read as 副 (付镇长 → 副镇长, `deputy_at`):
//! 副 joins any title, so the lexicon cannot list the compounds; and a two-character word
//! written with two characters of its sound (鱼蒜 for 预算) is read by the `homophone` module.

use super::{closes_organ_name, replaced, Run, Split};
use crate::lexicon::segment::segment;
use crate::lexicon::{self, WordKind};

/// The least frequency (jieba's counts) of a word offered as the correction.
pub const MIN_FREQ: u32 = lexicon::format::SWAP_TARGET_FREQ;
/// Below this frequency a lexicon word is too rare to stand against a correction (jieba lists
/// many forms seen a handful of times).
pub const RARE: u32 = 10;
/// The least score of a correction: the gain in log probability of the run's best split plus the
/// log ratio of the pairs the right and the written character make inside the word. Chosen on
/// held-out runs (character counts rebuilt without the 公文 corpus, then the corpus checked):
/// 11.5 gave 0.94 false findings per 10,000 characters of unseen 公文, 13.5 gives 0.30.
pub const MIN_SCORE: f64 = 13.5;
/// How much likelier (natural log, per candidate character) a slip is to a character of the
/// same sound, tones aside, than to one that only looks or sounds near it: writers type pinyin,
/// and the input method offers every character of the sound. Estimated from the gold errors of
/// the spelling benchmarks' training splits (ECSpell law and med, SIGHAN 2013–2015; never a test
/// split or ECSpell odw) against the confusables the tables offer each right character:
/// `gwlint-eval --csc` prints the estimate (2.51 pooled; 2.09 on law, 1.96 to 2.67 by split).
pub const SAME_SOUND: f64 = 2.5;
/// A character the document writes at least this many times, and [`TOPIC_RATIO`] times more
/// often than clean text would, is a word of its topic.
pub const TOPIC_TIMES: u32 = 3;
/// See [`TOPIC_TIMES`].
pub const TOPIC_RATIO: f64 = 20.0;
/// Characters on either side of the change that the gain is measured over.
pub(super) const CONTEXT: usize = 6;

/// One suspected swapped character.
#[derive(Clone, Debug, PartialEq)]
pub struct Substitution {
    /// Byte range (in the text the run came from) of the written character.
    pub at: std::ops::Range<usize>,
    /// Byte range of the written word.
    pub word: std::ops::Range<usize>,
    pub written: String,
    pub right: String,
    pub kind: SwapKind,
    /// The score the correction passed [`MIN_SCORE`] with.
    pub score: f64,
    /// Whether the document writes the right word elsewhere, and that was needed to tell.
    pub elsewhere: bool,
}

/// How the written form came about.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum SwapKind {
    /// One character for one that sounds or looks like it: `expected` is the word's character
    /// where the written one (range `at`) stands.
    Character { expected: char },
    /// Both characters of a two-character word for two of the same sound (鱼蒜 for 预算);
    /// `real_word`: the written two are a word themselves, out of place (罐车 for 贯彻).
    Homophone { real_word: bool },
}

/// The swapped characters of a run; `protected` says which written forms are names.
///
/// `in_document` says how often the document writes a form, and how many Han characters it has
/// (see [`InDocument`]): a word the document writes right elsewhere is more probable in it (泄洪
/// is seen twice in clean text; a report that writes 开闸泄洪 and 调度泻洪 has slipped).
pub fn substitutions(
    run: &Run<'_>,
    protected: &dyn Fn(&str) -> bool,
    in_document: &dyn Fn(&str) -> InDocument,
) -> Vec<Substitution> {
    substitutions_where(run, protected, in_document, true)
}

/// [`substitutions`], with the places that cannot be read passed over (`skip`) or read.
///
/// A swap at `k` needs a neighbour the written character is (almost) never seen beside
/// ([`UNSEEN`]; the edge of the run is none, see [`best_at`]); a homophone word at `k` needs
/// such a pair just outside it; [`deputy_at`] needs a 付. Pairs seen that rarely are few: the
/// reading goes from one place that may be read to the next.
fn substitutions_where(
    run: &Run<'_>,
    protected: &dyn Fn(&str) -> bool,
    in_document: &dyn Fn(&str) -> InDocument,
    skip: bool,
) -> Vec<Substitution> {
    if run.chars.len() < 2 || skip && !may_find(run) {
        return Vec::new();
    }
    run.with_split(|run| {
        crate::scratch::with_scratch(&READINGS, |readings| {
            let out = substitutions_with(run, protected, in_document, skip, readings);
            readings.clear();
            out
        })
    })
}

/// Whether [`substitutions`] may find anything in `run` (most runs have neither an unseen pair
/// nor a 付): asked by a rule before it weighs what else keeps the run from being read.
pub fn may_find(run: &Run<'_>) -> bool {
    may_read(run.chars, run.least_pair_count)
}

/// Whether [`substitutions`] may read a place of the run of `chars`, whose pairs' least count
/// is `least_count` (and so its split): every place read needs an unseen pair beside it or a 付
/// (`substitutions_with`).
pub(super) fn may_read(chars: &[char], least_count: u32) -> bool {
    chars.len() >= 2 && (least_count <= UNSEEN || chars.contains(&DEPUTY_WRITTEN))
}

thread_local! {
    /// The list the readings of a place are weighed in, kept from run to run (a list for each run
    /// was allocated and grown for most runs of every document).
    static READINGS: std::cell::RefCell<Vec<(char, usize, usize)>> = const { std::cell::RefCell::new(Vec::new()) };
}

/// [`substitutions_where`] with the readings of each place weighed in `readings` (emptied for
/// each place).
fn substitutions_with(
    run: &Run<'_>,
    protected: &dyn Fn(&str) -> bool,
    in_document: &dyn Fn(&str) -> InDocument,
    skip: bool,
    readings: &mut Vec<(char, usize, usize)>,
) -> Vec<Substitution> {
    debug_assert!(run.has_split);
    let n = run.chars.len();
    let split = run.split;
    let mut out: Vec<Substitution> = Vec::new();
    // The first pair from `k - 1` on seen at most UNSEEN times (`n - 1`: none).
    let mut unseen = 0;
    // The first 付 at or after `k` (`n`: none).
    let mut deputy = 0;
    let mut k = 0;
    while k < n {
        while unseen < n - 1 && (unseen + 1 < k || run.pairs[unseen].count() > UNSEEN) {
            unseen += 1;
        }
        if deputy < k {
            deputy = run.chars[k..].iter().position(|&c| c == DEPUTY_WRITTEN).map_or(n, |d| k + d);
        }
        let near_unseen = unseen + 1 < n && unseen <= k + 1;
        if skip && !near_unseen && k != deputy {
            // On to the next place that may be read: the one before the next unseen pair or the
            // next 付 (none: the run is done).
            let next_unseen = if unseen + 1 < n { unseen - 1 } else { n };
            k = next_unseen.min(deputy);
            continue;
        }
        // Inside a word of the split (one rarer than RARE does not count as a word); 一剂剂,
        // 层层: a doubled character is reduplication (or a doubling typo), not a swap.
        let doubled = (k > 0 && run.chars[k - 1] == run.chars[k]) || run.chars.get(k + 1) == Some(&run.chars[k]);
        let one = if split.in_common_word[k] || doubled {
            None
        } else {
            best_at(run, k, &split, protected, in_document, skip, readings)
                .or_else(|| deputy_at(run, k, &split, protected))
        };
        if let Some(s) = one {
            keep_likelier(&mut out, s);
        }
        // A two-character word of the sound (鱼蒜 for 预算).
        if super::homophone::may_be_at(run, k) {
            if let Some(s) = super::homophone::word_at(run, k, protected) {
                keep_likelier(&mut out, s);
            }
        }
        k += 1;
    }
    out
}

/// Adds `s` to the readings found so far, left to right; of two readings of one stretch (结续:
/// 持续 or 结局) the more probable one is kept.
fn keep_likelier(out: &mut Vec<Substitution>, s: Substitution) {
    match out.last_mut() {
        Some(last) if last.word.end > s.word.start => {
            if s.score > last.score {
                *last = s;
            }
        }
        _ => out.push(s),
    }
}

/// The best correction of character `k`, if one passes every test; `skip`: a place at an edge of
/// the run whose one pair is seen, and the stretches no word can be read in ([`may_be_word`]),
/// are passed over without a lookup. `readings` holds the
/// candidate readings while they are weighed (emptied first: one list serves every place).
fn best_at(
    run: &Run<'_>,
    k: usize,
    split: &Split<'_>,
    protected: &dyn Fn(&str) -> bool,
    in_document: &dyn Fn(&str) -> InDocument,
    skip: bool,
    readings: &mut Vec<(char, usize, usize)>,
) -> Option<Substitution> {
    let n = run.chars.len();
    let written = run.chars[k];
    let prev = k.checked_sub(1).map(|i| run.chars[i]);
    let next = run.chars.get(k + 1).copied();
    // How often the written character stands beside its neighbours in clean text. A word with
    // the change contains one of them; if the written character is common beside both, no
    // reading can pass the character evidence and nothing more is looked up.
    let written_left = if k > 0 { run.pairs[k - 1].count() } else { 0 };
    let written_right = run.pairs.get(k).map_or(0, |p| p.count());
    if written_left > UNSEEN && written_right > UNSEEN {
        return None;
    }
    // The evidence needs the written character (almost) unseen beside a neighbour the run has:
    // the right character's pair with a missing neighbour counts 0, never enough. At the run's
    // first place that is the one after it, at its last the one before (`skip`: an edge whose
    // one pair is seen is passed over here).
    let unseen_left = k > 0 && written_left <= UNSEEN;
    let unseen_right = k + 1 < n && written_right <= UNSEEN;
    if skip && !unseen_left && !unseen_right {
        return None;
    }
    // A word read with the change takes whole words of the original split: 堤身加固 is not
    // 堤参加固 (加 belongs to 加固), but 联席会义 may be 联席会议.
    let (lo, hi) = (k.saturating_sub(CONTEXT), (k + CONTEXT + 1).min(n));
    let local = &run.chars[lo..hi];
    let mut before = None;
    let mut topic = None;
    let mut best: Option<Substitution> = None;
    // The written character may end an organ name (应急局要): a word starting with its
    // replacement (需要) is not read.
    let ends_organ = closes_organ_name(run, split, k);
    // The readings: words of two to four characters over whole words of the split that a
    // confusable character in place k makes (looked up by the word with place k left open, not
    // by trying every confusable). Sorted as the confusables are (by code point), then by length
    // and start, so that the first of equal scores wins.
    // The stretches are gathered first, with their keys, then looked up. (What each lookup
    // reads first was asked for ahead with a prefetch until the twenty-sixth session: the
    // filter it reads stays in the caches, and asking cost more than it saved.)
    let mut stretches = [(0, 0, 0); 9];
    let mut count = 0;
    for len in 2..=4usize {
        for s in k.saturating_sub(len - 1)..=k {
            let e = s + len;
            if e > n {
                break;
            }
            if !(split.starts[s] && split.ends[e]) || (ends_organ && k == s) || (skip && !may_be_word(run, s, e, k)) {
                continue;
            }
            let key = lexicon::swap_key(&run.chars[s..e], k - s);
            stretches[count] = (len, s, key);
            count += 1;
        }
    }
    // Those whose character sounds or looks like the written one are kept: sorted first, they
    // are read against the written character's confusables (sorted too) in one pass.
    readings.clear();
    for &(len, s, key) in &stretches[..count] {
        readings.extend(lexicon::swap_targets_keyed(key).map(|right| (right, len, s)));
    }
    readings.sort_unstable();
    lexicon::retain_confusable(written, readings, |r| r.0);
    for &(right, len, s) in readings.iter() {
        let e = s + len;
        let seen_left = prev.map_or(0, |p| lexicon::pair_count(p, right));
        let seen_right = next.map_or(0, |x| lexicon::pair_count(right, x));
        // The neighbours inside the word: the written character is (almost) never seen beside
        // them, the right one often is; the neighbours outside the word are seen beside the right
        // one at least as often (evidence on both sides of the change). `extra` sightings of the
        // pairs inside the word: the times the document writes the word elsewhere.
        let counts =
            |extra: u32| (seen_left + if k > s { extra } else { 0 }, seen_right + if k + 1 < e { extra } else { 0 });
        let evident = |(right_left, right_right): (u32, u32)| {
            let inside_left = pair_evidence(written_left, right_left);
            let inside_right = pair_evidence(written_right, right_right);
            let left_ok = if k == s { right_left >= written_left } else { inside_left };
            let right_ok = if k + 1 == e { right_right >= written_right } else { inside_right };
            (inside_left || inside_right) && left_ok && right_ok
        };
        // Without the document's sightings, or with as many as it may have (the written character
        // seen beside a neighbour rules the reading out however often the document writes it).
        let evident_alone = evident(counts(0));
        if !evident_alone && !evident(counts(u32::MAX / 4)) {
            continue;
        }
        let window = &run.chars[s..e];
        let fixed = replaced(window, k - s, right);
        let Some(w) = lexicon::word(&fixed) else { continue };
        if w.freq < MIN_FREQ || w.kind == WordKind::Person || is_function_word(w.tag) {
            continue;
        }
        let written_form = run.slice(s, e);
        if lexicon::word(written_form).is_some_and(|x| x.freq >= RARE)
            || protected(written_form)
            || in_proper_name(run, k, e)
            || after_post_title(run, s)
            || (next == Some(WITHHELD_NAME) && super::names::is_surname(written))
            || *topic.get_or_insert_with(|| in_document(written.encode_utf8(&mut [0; 4])).is_topic_char(written))
        {
            continue;
        }
        // Where clean text alone is too thin, the document's own sightings of the word (asked
        // last: it reads the text).
        let doc = if evident_alone { InDocument::NONE } else { in_document(&fixed) };
        if !evident_alone && (doc.times == 0 || !evident(counts(doc.times))) {
            continue;
        }
        let before = *before.get_or_insert_with(|| segment(&local.iter().collect::<String>()).score);
        let after = segment(&replaced(local, k - lo, right)).score;
        // The run's gain in probability plus the evidence of the pairs inside the word.
        let score_with = |(right_left, right_right): (u32, u32)| {
            let mut score = after - before;
            if k > s {
                score += log_ratio(right_left, written_left);
            }
            if k + 1 < e {
                score += log_ratio(right_right, written_right);
            }
            score
        };
        let channel = if lexicon::same_sound(written, right) { SAME_SOUND } else { 0.0 };
        let score = score_with(counts(doc.times)) + doc.bonus(w.freq) + channel;
        if score >= MIN_SCORE && best.as_ref().is_none_or(|b| score > b.score) {
            best = Some(Substitution {
                at: run.start + run.bounds[k]..run.start + run.bounds[k + 1],
                word: run.start + run.bounds[s]..run.start + run.bounds[e],
                written: written_form.to_string(),
                right: fixed,
                kind: SwapKind::Character { expected: right },
                score,
                elsewhere: doc.times > 0,
            });
        }
    }
    best
}

/// Whether characters `s..e` of the run, with the one at `k` changed, may be a word of the
/// lexicon, as the pair slots tell without a lookup: a word keeps the stretch's pairs that do not
/// touch `k`, and the slots say whether a word of three characters or more may start with the
/// first of them and whether a word may go on over each other one (a stretch that fails here is
/// not looked up).
fn may_be_word(run: &Run<'_>, s: usize, e: usize, k: usize) -> bool {
    (s..e - 1).filter(|&j| j != k && j + 1 != k).all(|j| {
        let pair = run.pairs[j];
        if j == s {
            pair.may_start_longer()
        } else {
            pair.may_be_inner()
        }
    })
}

/// What [`deputy_at`] reads as 副.
const DEPUTY_WRITTEN: char = '付';

/// What stands for a withheld given name after a surname (肖某, 石某某).
const WITHHELD_NAME: char = '某';

/// Titles of posts that take 副 (deputy) before them. 副 joins any of them (副镇长, 副调研员), so
/// the lexicon lists few of the compounds, and a swap to 副 is read from the title instead.
const POST_TITLES: &[&str] = &[
    "书记",
    "主任",
    "主席",
    "秘书长",
    "省长",
    "市长",
    "县长",
    "区长",
    "镇长",
    "乡长",
    "州长",
    "旗长",
    "村长",
    "部长",
    "厅长",
    "局长",
    "处长",
    "科长",
    "司长",
    "署长",
    "院长",
    "校长",
    "所长",
    "站长",
    "馆长",
    "行长",
    "会长",
    "社长",
    "庭长",
    "检察长",
    "审判长",
    "理事长",
    "董事长",
    "总经理",
    "组长",
    "队长",
    "主编",
    "总编辑",
    "巡视员",
    "调研员",
    "指挥长",
    "总指挥",
];

/// 付 for 副, standing alone in the split right before a post title (由付镇长 → 副镇长). A 付
/// that makes a word with the character before it (支付, 交付) is not alone, so 支付院长年薪
/// stays silent. Only 付: the other characters like 副 in sound or shape that stand before a
/// title are the end of a name (傅局长, 张刚主任), and a 付 that is a surname in the document
/// (付强 … 付局长) is protected as a name by the caller.
fn deputy_at(run: &Run<'_>, k: usize, split: &Split<'_>, protected: &dyn Fn(&str) -> bool) -> Option<Substitution> {
    const DEPUTY: char = '副';
    if run.chars[k] != DEPUTY_WRITTEN || !split.starts[k] || !split.ends[k + 1] {
        return None;
    }
    let after = &run.chars[k + 1..];
    let title = POST_TITLES.iter().find(|t| {
        let n = t.chars().count();
        after.len() >= n && t.chars().zip(after).all(|(a, &b)| a == b) && split.ends[k + 1 + n]
    })?;
    let e = k + 1 + title.chars().count();
    let written_form = run.slice(k, e);
    if protected(written_form) {
        return None;
    }
    Some(Substitution {
        at: run.start + run.bounds[k]..run.start + run.bounds[k + 1],
        word: run.start + run.bounds[k]..run.start + run.bounds[e],
        written: written_form.to_string(),
        right: format!("{DEPUTY}{title}"),
        kind: SwapKind::Character { expected: DEPUTY },
        score: MIN_SCORE,
        elsewhere: false,
    })
}

/// Whether the change at `k` in the word ending at `e` falls inside a proper name, or in a
/// numbered abbreviation closing its run (一淀、三带、九片: 一 and a noun, not 一般).
pub(super) fn in_proper_name(run: &Run<'_>, k: usize, e: usize) -> bool {
    let s = e.saturating_sub(2);
    if e == run.chars.len() && e - s == 2 && k > s && "一二三四五六七八九十两".contains(run.chars[s]) {
        return true;
    }
    let ends_name = |from: usize| from < run.chars.len() && super::names::ends_name(&run.text[run.bounds[from]..]);
    // A name of one to three characters before its ending: 栗山镇, 岑阳市, 贝塘乡.
    (k + 1..=k + 2).any(ends_name) || (e..=e + 1).any(ends_name)
}

/// Whether the characters `s..e` start with the name of a person right after a post title
/// (总经理王体轩, 副总经理岳国峰: 公文 write the post before the name, and the lexicon does not
/// know the name).
pub(super) fn after_post_title(run: &Run<'_>, s: usize) -> bool {
    let c = run.chars;
    super::names::is_surname(c[s])
        && POST_TITLES.iter().any(|t| {
            let n = t.chars().count();
            s >= n && t.chars().eq(c[s - n..s].iter().copied())
        })
}

/// Conjunctions, prepositions, adverbs (and adjectives used as adverbs), pronouns, particles,
/// locatives, numerals and measure words (因为, 以前, 可以, 为了, 一次): two single words read as
/// one of these (因未, 依前, 可付) are more often right than wrong.
pub(crate) fn is_function_word(tag: &str) -> bool {
    lexicon::format::FUNCTION_TAGS.contains(&tag)
}

/// The log ratio of how often the right and the written character stand beside a neighbour.
pub(super) fn log_ratio(right: u32, written: u32) -> f64 {
    f64::from(right + 1).ln() - f64::from(written + 1).ln()
}

/// The best split of each run of `text` and the corrections read in it with their scores, for
/// `gwlint-eval --explain-typos`.
pub fn explain(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    for run in super::OwnedRuns::of(text).iter() {
        out.push(run.seg.words.iter().map(|w| &run.text[w.clone()]).collect::<Vec<_>>().join("|"));
        for s in substitutions(&run, &|_| false, &|_| InDocument::NONE) {
            out.push(format!("{} → {} score {:.1}", s.written, s.right, s.score));
        }
    }
    out
}

/// How often a document writes a form, and how long it is.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct InDocument {
    /// The times the document writes the form.
    pub times: u32,
    /// The Han characters of the document.
    pub han_chars: u32,
}

/// The weight of the document in a word's probability there (a cache model: the words a text
/// has used are likelier in it than in text at large).
pub const DOCUMENT_WEIGHT: f64 = 0.1;

impl InDocument {
    /// Outside a document.
    pub const NONE: InDocument = InDocument { times: 0, han_chars: 0 };

    /// How much more probable (in natural log) a word of lexicon frequency `freq` is in this
    /// document than in text at large: its probability there mixes the lexicon's with its share
    /// of the document's characters (a word per character, the least share it can have),
    /// [`DOCUMENT_WEIGHT`] to the document.
    pub fn bonus(self, freq: u32) -> f64 {
        if self.times == 0 || self.han_chars == 0 {
            return 0.0;
        }
        let general = lexicon::log_prob(freq).exp();
        let share = f64::from(self.times) / f64::from(self.han_chars);
        (((1.0 - DOCUMENT_WEIGHT) * general + DOCUMENT_WEIGHT * share) / general).ln()
    }

    /// Whether `c`, written `self.times` in the document, is a character of its topic: written at
    /// least [`TOPIC_TIMES`] and [`TOPIC_RATIO`] times more often than its share of clean text.
    pub fn is_topic_char(self, c: char) -> bool {
        let expected =
            f64::from(self.han_chars) * f64::from(lexicon::char_count(c).max(1)) / lexicon::CLEAN_CHARS as f64;
        self.times >= TOPIC_TIMES && f64::from(self.times) >= TOPIC_RATIO * expected
    }
}

/// Whether the written character's pair with a neighbour is (almost) unattested in clean text
/// and at least thirty times rarer than the right character's pair with it.
pub(super) fn pair_evidence(written: u32, right: u32) -> bool {
    written <= UNSEEN && right >= 3 && written * 30 < right
}

/// The most times a pair of characters may be seen in clean text and still count as unseen
/// (clean text holds the odd slip).
pub(super) const UNSEEN: u32 = 1;

#[cfg(test)]
pub(super) mod tests {
    use super::*;
    use crate::spelling::{OwnedRuns, Run};

    /// The swap readings of `text`, with no form protected and `in_document` for the counts.
    fn read(text: &str, in_document: &dyn Fn(&str) -> InDocument) -> Vec<Substitution> {
        OwnedRuns::of(text).iter().flat_map(|r| substitutions(&r, &|_| false, in_document)).collect()
    }

    /// The (written, right) forms the swap readings find in `text`, outside a document.
    pub(in crate::spelling) fn found(text: &str) -> Vec<(String, String)> {
        read(text, &|_| InDocument::NONE).into_iter().map(|s| (s.written, s.right)).collect()
    }

    #[test]
    fn places_far_from_an_unseen_pair_are_passed_over_with_the_same_findings() {
        // Words of four or more characters with one character swapped for one that sounds or
        // looks like it, at every place, among ordinary words; 付 before titles; two-character
        // words of the same sound; real documents.
        let confusion = crate::spelling::confusion_table();
        let start = "由付镇长主持，付主任讲话。各部门要加强鱼蒜管理，请于本周内提交申请才聊。";
        let text = crate::spelling::misspelt_words_text(start, |k, mut chars| {
            let at = k % chars.len();
            let others = confusion.get(&chars[at])?;
            chars[at] = others[k % others.len()];
            Some(chars)
        });
        let runs = OwnedRuns::of(&text);
        let none = |_: &str| InDocument::NONE;
        let (mut skipping, mut reading) = (Vec::new(), Vec::new());
        for run in runs.iter() {
            skipping.extend(substitutions_where(&run, &|_| false, &none, true));
            reading.extend(substitutions_where(&run, &|_| false, &none, false));
        }
        assert!(skipping.len() > 1000, "{}", skipping.len());
        assert!(skipping.iter().any(|s| matches!(s.kind, SwapKind::Homophone { .. })));
        assert!(skipping.iter().any(|s| s.right.starts_with('副')));
        assert_eq!(skipping, reading);
    }

    #[test]
    fn finds_a_swapped_character_in_a_common_word() {
        assert_eq!(found("严格执行国家标谁"), [("标谁".to_string(), "标准".to_string())]);
    }

    /// The forms read in `text` when the whole of `text` is the document.
    fn found_in_document(text: &str) -> Vec<(String, String)> {
        let han_chars = u32::try_from(text.chars().filter(|&c| crate::text::is_han(c)).count()).unwrap();
        let in_document =
            |form: &str| InDocument { times: u32::try_from(text.matches(form).count()).unwrap(), han_chars };
        read(text, &in_document).into_iter().map(|s| (s.written, s.right)).collect()
    }

    #[test]
    fn a_word_the_document_writes_right_elsewhere_is_more_probable_there() {
        // 泄洪 is seen twice in clean text: too rarely to tell alone.
        assert!(found("科学调度泻洪").is_empty());
        let text = "科学调度泻洪。水库超汛限水位，我局适时开闸泄洪。";
        assert_eq!(found_in_document(text), [("泻洪".to_string(), "泄洪".to_string())]);
        // The document has to write the word itself, not only its character.
        assert!(found_in_document("科学调度泻洪。我局适时开闸泄水。").is_empty());
    }

    #[test]
    fn the_document_bonus_grows_with_the_share_of_the_word() {
        let once = InDocument { times: 1, han_chars: 1_000 };
        let often = InDocument { times: 10, han_chars: 1_000 };
        assert_eq!(InDocument::NONE.bonus(73), 0.0);
        assert!(once.bonus(73) > 0.0 && often.bonus(73) > once.bonus(73));
        // A common word gains little from being written once more.
        assert!(once.bonus(50_000) < once.bonus(73));
    }

    #[test]
    fn a_surname_right_after_a_post_title_starts_a_name() {
        let runs = OwnedRuns::of("百度移动云副总经理岳国峰认为，公司总经理认真落实");
        let runs: Vec<_> = runs.iter().collect();
        let at = |r: &Run<'_>, c: char| r.chars.iter().position(|&x| x == c).unwrap();
        // 岳 (a surname) right after 总经理; 认 (no surname) after 总经理; 国 inside the name.
        assert!(after_post_title(&runs[0], at(&runs[0], '岳')));
        assert!(!after_post_title(&runs[1], at(&runs[1], '认')));
        assert!(!after_post_title(&runs[0], at(&runs[0], '国')));
    }

    #[test]
    fn a_lone_character_before_a_post_title_reads_as_deputy() {
        assert_eq!(found("由付镇长林志伟负责"), [("付镇长".to_string(), "副镇长".to_string())]);
        assert_eq!(found("会议由付秘书长主持"), [("付秘书长".to_string(), "副秘书长".to_string())]);
    }

    /// The reading of `text` with its score.
    fn scored(text: &str) -> Vec<(String, f64)> {
        read(text, &|_| InDocument::NONE).into_iter().map(|s| (s.right, s.score)).collect()
    }

    #[test]
    fn a_slip_to_a_character_of_the_same_sound_needs_less_evidence() {
        // 刑/型 and 盖/改 sound alike: the slip passes with the sound's prior, and would not without.
        for (text, right) in
            [("推动传统产业转刑升级", "转型"), ("督促问题整盖到位", "整改"), ("任区党委砖职副书记", "专职")]
        {
            let got = scored(text);
            assert_eq!(got.len(), 1, "{text}: {got:?}");
            assert_eq!(got[0].0, right);
            assert!(got[0].1 >= MIN_SCORE && got[0].1 - SAME_SOUND < MIN_SCORE, "{text}: {got:?}");
        }
        // 没/设 only look alike: as much evidence does not do.
        assert!(found("本单位已经没置专门机构").is_empty());
    }

    #[test]
    fn characters_of_one_phonetic_series_are_read() {
        assert_eq!(found("推行安全生产责任保剑制度"), [("保剑".to_string(), "保险".to_string())]);
        assert_eq!(found("区第二人民医浣党委"), [("医浣".to_string(), "医院".to_string())]);
    }

    #[test]
    fn a_character_of_the_documents_topic_is_not_a_slip() {
        // Alone, 减尘 (a term the lexicon lacks) reads as 减少; in a text on dust, where 尘 is
        // written again and again, it is a word of the topic.
        assert_eq!(found("企业应当采用减尘工艺和设备"), [("减尘".to_string(), "减少".to_string())]);
        let text = "施工工地应当采取扬尘防治措施，降低粉尘排放。矿山企业应当采用减尘工艺和设备，做好抑尘工作。";
        assert!(found_in_document(text).is_empty(), "{:?}", found_in_document(text));
        // Written once, the character is no topic.
        let once = InDocument { times: 1, han_chars: 40 };
        assert!(!once.is_topic_char('尘') && InDocument { times: 4, han_chars: 40 }.is_topic_char('尘'));
        // A common character is no topic however often it is written.
        assert!(!InDocument { times: 4, han_chars: 40 }.is_topic_char('的'));
    }

    #[test]
    fn a_surname_before_a_withheld_name_is_a_name() {
        // Without 某 the lexicon reads 有肖 as 有效 and 故石 as 故事; with it, 肖某 and 石某某 are
        // people whose names are withheld.
        assert_eq!(found("员工签名处有肖本人签名"), [("有肖".to_string(), "有效".to_string())]);
        assert_eq!(found("故石要求继受合同"), [("故石".to_string(), "故事".to_string())]);
        assert!(found("员工签名处有肖某本人签名").is_empty());
        assert!(found("故石某某要求继受合同").is_empty());
    }

    #[test]
    fn correct_text_is_silent() {
        for s in
            ["严格执行国家标准", "合作社发展壮大", "推进试点工作", "由副镇长林志伟负责", "支付院长年薪", "交付局长审阅"]
        {
            assert!(found(s).is_empty(), "{s}: {:?}", found(s));
        }
    }
}
