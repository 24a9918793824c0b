//! A character dropped from a word or a 公文 phrase (经济社发展 for 经济社会发展, 绩效考 for
//! 绩效考核, 乡村振战略 for 乡村振兴战略).
//!
//! A stretch of a run is reported when all of these hold:
//! - with one character put back it is a phrase seen often in clean 公文 text or a common word
//!   of three to six characters (the lexicon's dropped-character index finds it);
//! - the stretch is whole words of the run's best split and is itself no common word;
//! - the characters on either side of the gap are seen together in clean text at most
//!   [`MAX_GAP_COUNT`] times, and the put-back character is seen beside each of them more than
//!   [`GAP_FACTOR`] (fifteen) times as often (合作社发展 makes 社发 attested, but rare beside
//!   社会 and 会发); at the end of a run, before punctuation, a phrase of five or more
//!   characters is the evidence itself when the stretch ends with a character the split leaves
//!   alone (高质量发。); at the end of the stretch inside the run, the
//!   gap is read against the common word after it when the stretch ends with a lone character
//!   that is no function word and the word put back has four or more characters (绩效考内容);
//!   a gap at the start of the stretch shows
//!   nothing (经国务院批准 is not 已经国务院), and one after its first character counts only when
//!   that character follows a word of the split (not a lone character it may pair with, as in
//!   药监部门 and 雄安标准, and not the start of the run, as in 经企业自评);
//! - the character before the gap does not close an organ name (交通运输部根据 is not
//!   部门根据);
//! - no numeral is involved (二〇二二年 written 二○二二年 splits around the ○), and no lone
//!   character beside the gap is a very common word of its own (可根据, 实现同步);
//! - the caller does not protect the stretch as a name, and it is not part of a place name.

use super::{closes_organ_name, Run, Split};
use crate::lexicon::{self, PairSlot};

/// The least count in clean text of a phrase offered as the correction (phrases are kept from 6).
/// Phrases seen 8 to 11 times (污染物排放 8, 示范区建设 10, 服务能力 8, 需要及时 9) stood against
/// shorter forms clean text writes as well (污染排放, 示范建设, 需及时): all seven findings they made
/// in the clean negatives and the benchmarks were false.
pub const MIN_PHRASE_COUNT: u32 = 12;

/// The most times the two characters on either side of the gap may be seen together in clean
/// text: 社发 (合作社发展) is seen 4 times, 应依 (应依法) 17 and 海建 (上海建设) 6 — a pair
/// seen that often is written on purpose, however often the put-back character is seen.
pub const MAX_GAP_COUNT: u32 = 4;

/// A lone character beside the gap at least this frequent as a word (jieba's counts: 可 95,892,
/// 同 37,578) is taken as written.
pub const COMMON_LONE: u32 = 30_000;

/// One suspected dropped character.
#[derive(Clone, Debug, PartialEq)]
pub struct Dropped {
    /// Byte range (in the text the run came from) of the written stretch.
    pub span: std::ops::Range<usize>,
    pub written: String,
    pub right: String,
    /// The character left out.
    pub missing: char,
}

/// The dropped characters of a run; `protected` says which written forms are names.
///
/// The evidence of a gap is a pair of characters seldom seen together ([`MAX_GAP_COUNT`]) inside
/// the stretch or across its end, or the end of the run after a stretch of four or more: a
/// stretch without either is passed over before its put-back forms are looked up (two in three
/// stretches of 公文 text).
pub fn dropped(run: &Run<'_>, protected: &dyn Fn(&str) -> bool) -> Vec<Dropped> {
    dropped_where(run, protected, true)
}

/// A stretch of a run whose put-back forms are looked up: its start and end (characters) and the
/// key of its written form.
type Stretch = (usize, usize, u64);

thread_local! {
    /// The list of stretches, kept between runs (each run's list grew from nothing, a
    /// reallocation every few stretches).
    static STRETCHES: std::cell::RefCell<Vec<Stretch>> = const { std::cell::RefCell::new(Vec::new()) };
}

/// [`dropped`], with the stretches without evidence of a gap passed over (`skip`) or read.
fn dropped_where(run: &Run<'_>, protected: &dyn Fn(&str) -> bool, skip: bool) -> Vec<Dropped> {
    if skip && !may_find(run) {
        return Vec::new();
    }
    run.with_split(|run| {
        // Every stretch read needs a rare pair, or the end of a run that ends in a lone
        // character (`dropped_with`).
        let n = run.chars.len();
        if skip && run.least_pair_count > MAX_GAP_COUNT && !(n > 0 && ends_lone(&run.split, n)) {
            return Vec::new();
        }
        crate::scratch::with_scratch(&STRETCHES, |list| {
            let out = dropped_with(run, protected, skip, list);
            if list.capacity() > 1 << 14 {
                *list = Vec::new();
            }
            out
        })
    })
}

/// Whether [`dropped`] may find anything in `run`: a run the store left unsplit is one it reads
/// nothing of (the store splits every run `may_read` says it may read, `split_wanted`).
/// Asked by a rule before it weighs what else keeps the run from being read.
pub fn may_find(run: &Run<'_>) -> bool {
    debug_assert!(run.has_split || !may_read(run.chars, run.pairs, run.least_pair_count), "{}", run.text);
    run.has_split
}

/// Whether [`dropped`] may find a gap in the run of `chars`, whose pairs' slots are `pairs` and
/// whose pairs' least count is `least_count` (and so read its split). A gap is reported where
/// the evidence `best_insertion` reads holds, and that needs one of:
/// - a pair seen together at most [`MAX_GAP_COUNT`] times with the character put back between
///   its two, inside the form: a pair some form of the lexicon's index has where its character
///   was left out ([`lexicon::may_drop_between`]);
/// - such a pair whose first character is the run's third or a later one and ends a form of
///   three or more characters whose last character was left out ([`lexicon::dropped_after`]),
///   that character seen beside both as `gap_evident` asks (beside the second, for a gap seen
///   at all, a pair seen often: [`lexicon::may_be_seen_often`]); its second character is another
///   and starts a common word of two or more (`gap_at_end` inside the run), so the pair after
///   the gap may start a word;
/// - a stretch of four or five characters at the end of the run with a character to put back
///   (`gap_at_end`), which the lexicon's filter of such stretches rules out for most runs.
///
/// Of the runs of 公文 text with a rare pair that the swap detector does not read, nine in ten
/// have none of these, and are not split for this one.
pub(super) fn may_read(chars: &[char], pairs: &[PairSlot], least_count: u32) -> bool {
    let n = chars.len();
    let gap_may_be_at = |j: usize| {
        let (gap, before, after) = (pairs[j].count(), chars[j], chars[j + 1]);
        gap <= MAX_GAP_COUNT
            && (lexicon::may_drop_between(before, after)
                || (j >= 2
                    && after != before
                    && pairs.get(j + 1).is_some_and(|next| next.may_start_word())
                    && lexicon::dropped_after(before).any(|(c, seen_before)| {
                        seen_before > gap * GAP_FACTOR
                            && (gap == 0 || lexicon::may_be_seen_often(c, after))
                            && gap_evident(gap, seen_before, lexicon::pair_count(c, after))
                    })))
    };
    (least_count <= MAX_GAP_COUNT && (0..n.saturating_sub(1)).any(gap_may_be_at))
        || (n >= 4
            && (n.saturating_sub(5)..=n - 4).any(|s| {
                let key = chars[s..]
                    .iter()
                    .fold(lexicon::format::KEY_START, |key, &c| lexicon::format::extend_key_char(key, c));
                lexicon::with_one_more_keyed(key).next().is_some()
            }))
}

/// How many times as often as the two characters around a gap are seen together the character
/// put back must be seen beside each of them, at the least (`gap_evident`).
pub const GAP_FACTOR: u32 = 15;

// A gap seen once or more needs the character put back seen more than GAP_FACTOR times beside
// each neighbour, so more than OFTEN_SEEN times: in the filter `may_read` asks first.
const _: () = assert!(GAP_FACTOR >= lexicon::format::OFTEN_SEEN);

/// Whether a gap between two characters seen together `gap` times is evidence that a character
/// seen `seen_before` times after the first and `seen_after` times before the second was left
/// out between them: the two are seen together at most [`MAX_GAP_COUNT`] times, and the
/// character beside each more than [`GAP_FACTOR`] times as often.
fn gap_evident(gap: u32, seen_before: u32, seen_after: u32) -> bool {
    gap <= MAX_GAP_COUNT && gap * GAP_FACTOR < seen_before.min(seen_after)
}

/// [`dropped_where`], gathering the stretches in `stretches` (emptied first).
fn dropped_with(
    run: &Run<'_>,
    protected: &dyn Fn(&str) -> bool,
    skip: bool,
    stretches: &mut Vec<Stretch>,
) -> Vec<Dropped> {
    debug_assert!(run.has_split);
    stretches.clear();
    let n = run.chars.len();
    let split = run.split;
    // The stretches whose put-back forms are looked up, in the order they are read (from each
    // start, longest first: 经济社发展 before 社发展), with their keys, gathered first: most
    // stretches have no put-back form and are done with one read of the filter of forms (which
    // stays in the caches: asking for it ahead with a prefetch cost more than it saved).
    // A gap needs the evidence `best_insertion` reads, and a stretch that cannot have it is not
    // looked up: a pair of the run seen together at most MAX_GAP_COUNT times inside the stretch
    // (after its second character, or after its first where a word of the split ends right
    // before it), or the split's shape at its end (`gap_at_end`: a rare pair across it, or the
    // end of the run). A stretch is at most five characters, so only a start at most four places
    // before a rare pair, or five from the end of a run that ends in a lone character, can have
    // one: the places between are passed over at once.
    let rare_pair = |j: usize| j + 1 < n && run.pairs[j].count() <= MAX_GAP_COUNT;
    // Whether the run ends in a character the split leaves alone, as a stretch read at the
    // run's end needs (`gap_at_end`).
    let lone_end = n.checked_sub(1).is_some_and(|last| ends_lone(&split, last + 1));
    // The first rare pair at or after `s` (`n - 1`: none).
    let mut rare = 0;
    let mut s = 0;
    while s < n {
        rare = rare.max(s);
        while rare + 1 < n && !rare_pair(rare) {
            rare += 1;
        }
        if skip {
            let by_rare = if rare + 1 < n { rare.saturating_sub(4) } else { n };
            let by_end = if lone_end { n.saturating_sub(5) } else { n };
            let first = by_rare.min(by_end);
            if first > s {
                s = first;
                continue;
            }
        }
        if split.starts[s] {
            let gap_after_first = s > 0 && split.in_common_word[s - 1] && rare_pair(s);
            // The first rare pair after the stretch's second character, if one is close enough.
            let inner = (s + 1..s + 4).find(|&j| rare_pair(j));
            for e in (s + 2..=(s + 5).min(n)).rev() {
                let gap_possible =
                    !skip || gap_after_first || inner.is_some_and(|j| j + 2 <= e) || gap_at_end(run, s, e);
                if split.ends[e] && gap_possible {
                    let key = lexicon::form_key(run.slice(s, e));
                    stretches.push((s, e, key));
                }
            }
        }
        s += 1;
    }
    let mut out: Vec<Dropped> = Vec::new();
    for &(s, e, key) in stretches.iter() {
        // A stretch from inside one reported already is not read (nor the shorter ones from
        // the start of one reported).
        if out.last().is_some_and(|d| d.span.end > run.start + run.bounds[s]) {
            continue;
        }
        let written = run.slice(s, e);
        // The words and phrases the stretch may be with a character put back (most stretches
        // have none, and are done with one lookup).
        let mut insertions = lexicon::with_one_more_keyed(key).peekable();
        if insertions.peek().is_none() || lexicon::word_by_key(key).is_some_and(|w| w.freq >= super::substitution::RARE)
        {
            continue;
        }
        if let Some(d) = best_insertion(run, &split, s, e, written, insertions).filter(|_| !protected(written)) {
            out.push(d);
        }
    }
    out
}

/// The put-back character (of `insertions`, the lexicon's) that makes `run[s..e]` a phrase or
/// common word, if the evidence holds.
fn best_insertion(
    run: &Run<'_>,
    split: &Split<'_>,
    s: usize,
    e: usize,
    written: &str,
    insertions: impl Iterator<Item = (char, usize)>,
) -> Option<Dropped> {
    let n = run.chars.len();
    let chars = &run.chars[s..e];
    for (c, at) in insertions {
        // Most put-back forms are no common word, and need no string.
        let key = key_put_back(written, run.bounds[s + at] - run.bounds[s], c);
        let common = lexicon::phrase_count_by_key(key).is_some_and(|k| k >= MIN_PHRASE_COUNT)
            || lexicon::word_by_key(key)
                .is_some_and(|w| w.freq >= lexicon::format::DROP_TARGET_FREQ && !w.kind.is_name());
        if !common {
            continue;
        }
        let right = super::inserted(chars, at, c);
        // 二〇二二年, 第十二条: numbers are not words with a gap.
        const NUMERALS: &str = "〇零一二三四五六七八九十百千万两";
        if NUMERALS.contains(c) || chars.iter().any(|ch| NUMERALS.contains(*ch)) {
            continue;
        }
        // A gap at the start of the stretch shows nothing (经国务院批准 is not 已经国务院); one
        // right after its first character needs that character to stand alone, not after a
        // character it may pair with (药监部门, 雄安标准 are abbreviations, not 药监管部门) and
        // not at the start of the run (，经企业自评 is 经 + 企业).
        if at == 0 || (at == 1 && (s == 0 || !split.in_common_word[s - 1])) {
            continue;
        }
        // A lone character beside the gap that is a very common word of its own (可根据 is 可 +
        // 根据, not 可以根据; 实现同步) is more likely right than a word with a gap.
        let lone_common = |i: usize| {
            i >= s && i < e && !split.in_common_word[i] && {
                let ch = &run.text[run.bounds[i]..run.bounds[i + 1]];
                lexicon::word(ch).is_some_and(|w| w.freq >= COMMON_LONE)
            }
        };
        if lone_common(s + at - 1) || lone_common(s + at) || closes_organ_name(run, split, s + at - 1) {
            continue;
        }
        // The gap between characters `j` and `j + 1` of the run.
        let gap_evidence = |j: usize| {
            let (b, a) = (run.chars[j], run.chars[j + 1]);
            gap_evident(run.pairs[j].count(), lexicon::pair_count(b, c), lexicon::pair_count(c, a))
        };
        let gap_ok = if at < chars.len() {
            gap_evidence(s + at - 1)
        } else if e < n {
            // At the end of the stretch, inside the run (see `gap_at_end`); the lone character is
            // no function word (可以依|法).
            gap_at_end(run, s, e) && !lone_function_word(chars[at - 1]) && gap_evidence(e - 1)
        } else {
            gap_at_end(run, s, e)
        };
        if !gap_ok || super::names::ends_name(&run.text[run.bounds[e.min(n)]..]) {
            continue;
        }
        return Some(Dropped {
            span: run.start + run.bounds[s]..run.start + run.bounds[e],
            written: written.to_string(),
            right,
            missing: c,
        });
    }
    None
}

/// Whether the split around the end of the stretch `s..e` of a run lets a character put back
/// there be read as dropped (what `best_insertion` asks of a gap at the end, before the put-back
/// character is known).
///
/// Inside the run, the gap lies between the stretch's last character, one the split leaves
/// alone, and a common word after it (绩效考|内容; not 依法治|统 or 省政|土, abbreviations of lone
/// characters, and not 推进共|共建, a doubled character), and the two are seen together at most
/// [`MAX_GAP_COUNT`] times. Short words end in a lone word too often (不太|方便, 很难|坚持): the
/// word put back has four or more characters, so the stretch three or more.
///
/// At the end of the run (before punctuation), a long phrase is the evidence itself when the
/// stretch ends with a character the split leaves alone (高质量发。): the word put back has five
/// or more characters.
fn gap_at_end(run: &Run<'_>, s: usize, e: usize) -> bool {
    let (n, split) = (run.chars.len(), &run.split);
    let lone_last = ends_lone(split, e);
    if e < n {
        e - s >= 3
            && lone_last
            && split.in_common_word[e]
            && run.chars[e] != run.chars[e - 1]
            && run.pairs[e - 1].count() <= MAX_GAP_COUNT
    } else {
        e - s >= 4 && lone_last
    }
}

/// Whether the character before place `e` is one the split leaves alone: a word starts at it,
/// and it is in no common word.
fn ends_lone(split: &Split<'_>, e: usize) -> bool {
    !split.in_common_word[e - 1] && split.starts[e - 1]
}

/// The lexicon key ([`lexicon::format::word_key`]) of `written` with `c` put in at byte `at`,
/// hashed in pieces instead of from a string built for it.
fn key_put_back(written: &str, at: usize, c: char) -> u64 {
    let (before, after) = written.split_at(at);
    let key = lexicon::format::extend_key_char(lexicon::format::word_key(before), c);
    lexicon::format::extend_key(key, after)
}

/// Whether a character standing alone is a function word (依, 很, 的) by the lexicon's tag.
fn lone_function_word(c: char) -> bool {
    let mut buf = [0u8; 4];
    lexicon::word(c.encode_utf8(&mut buf)).is_some_and(|w| super::substitution::is_function_word(w.tag))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::spelling::OwnedRuns;

    /// The gaps found in `text`, the same from a store of runs all split and from one that
    /// splits only the runs a detector may read (`may_read`), as documents keep.
    fn found(text: &str) -> Vec<String> {
        let all: Vec<Dropped> = OwnedRuns::of(text).iter().flat_map(|r| dropped(&r, &|_| false)).collect();
        assert_eq!(from_wanted(text), all, "{text}");
        all.iter().map(|d| format!("{}→{}", d.written, d.right)).collect()
    }

    /// [`dropped`] over the runs of `text` as the store of a document holds them
    /// ([`HanRuns::of_wanted`](crate::spelling::HanRuns::of_wanted)).
    fn from_wanted(text: &str) -> Vec<Dropped> {
        let han = crate::spelling::HanChars::read(text);
        let runs = crate::spelling::HanRuns::of_wanted(&han);
        runs.iter(text, &han).flat_map(|r| dropped(&r, &|_| false)).collect()
    }

    #[test]
    fn finds_a_dropped_character() {
        assert_eq!(found("推动街道经济社发展"), ["经济社发展→经济社会发展"]);
        assert_eq!(found("压实安全生产主体任，"), ["主体任→主体责任"]);
        // The gap at the end of the stretch, before a common word.
        assert_eq!(found("纳入全所人员绩效考内容"), ["绩效考→绩效考核"]);
        // At the end of the run, a phrase of five or more is the evidence itself.
        assert_eq!(found("推动经济高质量发。"), ["高质量发→高质量发展"]);
        assert_eq!(found("推动经济高质量发展。"), Vec::<String>::new());
    }

    #[test]
    fn stretches_without_evidence_of_a_gap_are_passed_over_with_the_same_findings() {
        // Words and idioms of four or more characters with one character left out, at every
        // place, between ordinary words and at the ends of runs, and real documents.
        let mut text = crate::spelling::misspelt_words_text("", |k, mut chars| {
            (chars.len() >= 4).then(|| {
                chars.remove(k % chars.len());
                chars
            })
        });
        // The lexicon's phrases of five and six characters, each with every character left out,
        // before and after common words and at the ends of runs: the longest stretches, whose
        // gap may be at their end.
        let phrases = include_str!("../../../../rules/lexicon/phrases.txt");
        for phrase in phrases.lines().filter(|l| !l.starts_with('#')).filter_map(|l| l.split('\t').next()) {
            let chars: Vec<char> = phrase.chars().collect();
            if chars.len() < 5 {
                continue;
            }
            for at in 0..chars.len() {
                for (before, after) in [("推动", "工作"), ("", "。"), ("各部门要", "内容"), ("加强", "，")]
                {
                    text.push_str(before);
                    text.extend(chars[..at].iter().chain(&chars[at + 1..]));
                    text.push_str(after);
                }
            }
        }
        let (mut skipping, mut reading) = (Vec::new(), Vec::new());
        for run in OwnedRuns::of(&text).iter() {
            skipping.extend(dropped_where(&run, &|_| false, true));
            reading.extend(dropped_where(&run, &|_| false, false));
        }
        assert!(skipping.len() > 100, "{}", skipping.len());
        assert_eq!(skipping, reading);
        // The store of a document left unsplit no run with a gap of these.
        assert_eq!(from_wanted(&text), skipping);
    }

    /// A gap at the end of a form inside a run, before a common word (就业创|发展), is the one a
    /// store of runs reads only from the ends of the lexicon's forms (`lexicon::dropped_after`):
    /// every phrase and common word of four to six characters, its last character left out,
    /// before common words that start with characters seldom seen after the form's last, finds
    /// the same gaps from the store of a document as from runs all split.
    #[test]
    fn gaps_at_the_end_of_a_form_are_found_in_the_store_of_a_document() {
        let lexicon_rows = |text: &'static str| {
            text.lines().filter(|l| !l.starts_with('#')).filter_map(|l| {
                let mut f = l.split('\t');
                Some((f.next()?, f.next()?.parse::<u32>().ok()?))
            })
        };
        let phrases = lexicon_rows(include_str!("../../../../rules/lexicon/phrases.txt")).map(|(p, _)| p);
        let words = lexicon_rows(include_str!("../../../../rules/lexicon/words.txt"))
            .filter(|&(w, freq)| (4..=6).contains(&w.chars().count()) && freq >= lexicon::format::DROP_TARGET_FREQ)
            .map(|(w, _)| w);
        let mut text = String::new();
        for form in phrases.chain(words) {
            let chars: Vec<char> = form.chars().collect();
            if chars.len() < 4 {
                continue;
            }
            for after in ["发展", "成长", "公开", "内容"] {
                text.push_str("推进");
                text.extend(&chars[..chars.len() - 1]);
                text.push_str(after);
                text.push('。');
            }
        }
        let all: Vec<Dropped> = OwnedRuns::of(&text).iter().flat_map(|r| dropped(&r, &|_| false)).collect();
        assert_eq!(from_wanted(&text), all);
        assert_eq!(all.len(), 2_118);
    }

    #[test]
    fn the_key_hashed_in_pieces_is_the_key_of_the_word_put_back() {
        let chars: Vec<char> = "经济社发展".chars().collect();
        let written: String = chars.iter().collect();
        for at in 0..=chars.len() {
            let pieces = key_put_back(&written, chars[..at].iter().map(|c| c.len_utf8()).sum(), '会');
            assert_eq!(pieces, lexicon::format::word_key(&super::super::inserted(&chars, at, '会')), "{at}");
        }
    }

    #[test]
    fn a_lone_character_before_a_word_is_not_a_gap() {
        for s in [
            "坚持依法统计、依法治统",
            "经省人民政府批准（省政土",
            "推进共共建共治共享",
            "有些不太一样",
            "也可以依法申请",
        ] {
            assert!(found(s).is_empty(), "{s}: {:?}", found(s));
        }
    }

    #[test]
    fn whole_phrases_are_silent() {
        for s in [
            "推动街道经济社会发展",
            "压实安全生产主体责任",
            "推动合作社发展壮大",
            "全面推进乡村振兴",
            "由交通运输部根据本通知精神",
        ] {
            assert!(found(s).is_empty(), "{s}: {:?}", found(s));
        }
    }
}
