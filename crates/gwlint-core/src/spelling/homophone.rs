//! A two-character word written with two other characters of the same sound (鱼蒜 for 预算,
//! 尖关 for 监管, 才聊 for 材料): a pinyin input method offers every word of a sound, and a
//! drafter who picks the wrong one changes both characters at once, so the one-character swap
//! check cannot see it.
//!
//! The written pair may be a real word out of place as well (罐车落实 for 贯彻落实, 联席悔意 for
//! 联席会议, 起夜破产法 for 企业破产法): the input method offers 罐车 as readily as 贯彻.
//!
//! Two characters are read as a word of their sound only when all of these hold:
//! - the split keeps them apart from their neighbours: either each stands alone in the best
//!   split of its run, together they are no lexicon word at all (not even a rare one) and they
//!   are (almost) never seen side by side in clean text; or the split reads them as one
//!   two-character word that is no name of a person, place or organisation (豫北, 平谷); the two
//!   are not the same character;
//! - a common two-character word (no function word, no person's name) sounds as they do, tones
//!   aside, and differs from them in both places (one place is the swap check's);
//! - the neighbours outside stand beside the word's characters at least as often as beside the
//!   written ones, and on one side at least the written character is (almost) never seen beside
//!   its neighbour while the word's character often is (鱼蒜管理: 算管 is common, 蒜管 unseen);
//!   a written real word needs neighbours on both sides and that evidence on both;
//! - the run reads far more probably with the word (the gain in log probability of its best
//!   split, plus the log ratio of the two pairs, at least
//!   [`MIN_SCORE`](super::substitution::MIN_SCORE)): a written word's own probability is part
//!   of the split it is measured against, so a common word (攻城, 惊艳) needs a context that
//!   all but excludes it;
//! - the two are not inside a place or organisation name, not a surname and a given name (李勇,
//!   沈浩: names are where the lexicon is weakest) nor the given name after a surname (王才聊),
//!   and not a form the document protects as a name.
//!
//! Measured on the spelling benchmarks, the reading is precise in 公文 and news text (ECSpell's
//! 公文 and law sets, the clean negatives, the corpus) and weak in fiction, product and medical
//! text, where unknown names and new words (剑意, 钜惠, 疖肿) stand where it expects words.

use super::substitution::{
    after_post_title, in_proper_name, log_ratio, pair_evidence, Substitution, SwapKind, CONTEXT, MIN_SCORE, UNSEEN,
};
use super::{closes_organ_name, names, Run};
use crate::lexicon;
use crate::lexicon::segment::segment;

/// Whether characters `k` and `k + 1` may be read as a word of their sound at all: a word of
/// the split starts at `k` and one ends at `k + 2` (they are one two-character word, or two
/// single ones). Most places are neither, so callers ask this before [`word_at`].
pub(super) fn may_be_at(run: &Run<'_>, k: usize) -> bool {
    k + 2 <= run.chars.len() && run.split.starts[k] && run.split.ends[k + 2]
}

/// The most probable word of the sound of characters `k` and `k + 1`, if one passes every test.
pub(super) fn word_at(run: &Run<'_>, k: usize, protected: &dyn Fn(&str) -> bool) -> Option<Substitution> {
    let (n, split) = (run.chars.len(), run.split);
    if !may_be_at(run, k) {
        return None;
    }
    let (a, b) = (run.chars[k], run.chars[k + 1]);
    if a == b || names::is_surname(a) {
        return None;
    }
    // Two characters alone in the split (a word boundary between them), or one two-character
    // word of the split.
    let alone = split.starts[k + 1];
    let prev = k.checked_sub(1).map(|i| run.chars[i]);
    let next = run.chars.get(k + 2).copied();
    // How often the written characters stand beside their neighbours outside. The evidence
    // below needs a written pair (almost) unseen: on one side, on both for a real word. Read
    // first, as most words fail it.
    let outside = [k.checked_sub(1).map(|i| run.pairs[i].count()), run.pairs.get(k + 1).map(|p| p.count())];
    let unseen = |w: &Option<u32>| w.is_some_and(|w| w <= UNSEEN);
    if alone && !outside.iter().any(unseen) || !alone && !outside.iter().all(unseen) {
        return None;
    }
    let written = run.slice(k, k + 2);
    let word = lexicon::word(written);
    let written_inside = run.pairs[k].count();
    // Alone, they make no word and are (almost) never seen together; a word is no name.
    if alone && (word.is_some() || written_inside > UNSEEN) || !alone && word.is_none_or(|w| w.kind.is_name()) {
        return None;
    }
    // 应急局要: a one-character organ ending closes the name before it.
    if closes_organ_name(run, &split, k) {
        return None;
    }
    // The given name after a surname standing alone (王才聊): names are where the lexicon is
    // weakest.
    if k > 0 && !split.in_common_word[k - 1] && names::is_surname(run.chars[k - 1]) {
        return None;
    }
    if in_proper_name(run, k + 1, k + 2) || after_post_title(run, k) {
        return None;
    }
    let (lo, hi) = (k.saturating_sub(CONTEXT), (k + CONTEXT + 2).min(n));
    let local = &run.chars[lo..hi];
    let mut before = None;
    let mut best: Option<Substitution> = None;
    for [x, y] in lexicon::homophones(a, b) {
        if x == a || y == b {
            continue;
        }
        // Beside the neighbour before and after: (written, word).
        let sides = [
            prev.zip(outside[0]).map(|(p, w)| (w, lexicon::pair_count(p, x))),
            next.zip(outside[1]).map(|(q, w)| (w, lexicon::pair_count(y, q))),
        ];
        let fits = sides.iter().flatten().all(|&(w, r)| r >= w);
        // Outside evidence on one side at least; for a real word out of place, which the context
        // has to rule out, on both sides (攻城 closing a clause has one neighbour, and says too
        // little).
        let mut evident = sides.iter().flatten().map(|&(w, r)| pair_evidence(w, r));
        let evidence = if alone { evident.any(|e| e) } else { sides.iter().all(Option::is_some) && evident.all(|e| e) };
        if !(fits && evidence) {
            continue;
        }
        let right: String = [x, y].iter().collect();
        let before = *before.get_or_insert_with(|| segment(&local.iter().collect::<String>()).score);
        let mut fixed = local.to_vec();
        fixed[k - lo..k + 2 - lo].copy_from_slice(&[x, y]);
        let fixed: String = fixed.into_iter().collect();
        let score = segment(&fixed).score - before + log_ratio(lexicon::pair_count(x, y), written_inside);
        if score >= MIN_SCORE && best.as_ref().is_none_or(|s| score > s.score) {
            let at = run.start + run.bounds[k]..run.start + run.bounds[k + 2];
            best = Some(Substitution {
                at: at.clone(),
                word: at,
                written: written.to_string(),
                right,
                kind: SwapKind::Homophone { real_word: !alone },
                score,
                elsewhere: false,
            });
        }
    }
    // Last: whether the document protects the form is the costliest question (it reads the text).
    best.filter(|_| !protected(written))
}

#[cfg(test)]
mod tests {
    use crate::spelling::substitution::tests::found;

    #[test]
    fn a_word_written_with_two_characters_of_its_sound_is_found() {
        let pair = |w: &str, r: &str| vec![(w.to_string(), r.to_string())];
        assert_eq!(found("各部门要加强鱼蒜管理。"), pair("鱼蒜", "预算"));
        assert_eq!(found("请于本周内提交申请才聊。"), pair("才聊", "材料"));
        assert_eq!(found("要加强事中事后尖关。"), pair("尖关", "监管"));
    }

    #[test]
    fn a_real_word_of_the_same_sound_out_of_place_is_found() {
        let pair = |w: &str, r: &str| vec![(w.to_string(), r.to_string())];
        assert_eq!(found("请各有关淡味认真落实。"), pair("淡味", "单位"));
        assert_eq!(found("各单位要认真罐车落实。"), pair("罐车", "贯彻"));
    }

    #[test]
    fn names_real_words_in_place_and_correct_text_are_silent() {
        for s in [
            "各部门要加强预算管理。",
            "请于本周内提交申请材料。",
            "要加强事中事后监管。",
            // A surname with a given name, and a given name after a surname.
            "请李勇同志认真学习",
            "请王才聊同志认真学习",
            // A real word: a name (豫北), one without neighbours on both sides in its run (攻城
            // closing the clause), and one its neighbours fit (城建).
            "豫北地区要加强预备工作",
            "古代打仗一定要攻城。",
            "要加快推进重大攻城建设",
        ] {
            assert!(found(s).is_empty(), "{s}: {:?}", found(s));
        }
    }
}
