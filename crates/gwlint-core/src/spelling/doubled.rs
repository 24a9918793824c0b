//! A character or a two-character word written twice, read with the lexicon: 在在, 仍仍, 将将,
//! 园区园区, 开展开展 — but never a reduplication the language has (常常, 天天, 看看, 研究研究,
//! 一个一个) or two words meeting at a shared character (土地|地上, 现在|在).

use super::{OwnedRuns, Run};
use crate::lexicon;
use crate::text::is_han;

/// Verbs whose ABAB form is ordinary speech (研究研究, 商量商量): a doubled one is not a typo.
const REDUPLICATING_VERBS: &[&str] = &[
    "研究", "讨论", "商量", "学习", "考虑", "了解", "检查", "打扫", "休息", "活动", "锻炼", "准备", "整理", "收拾",
    "交流", "沟通", "体验", "思考", "比较", "调查", "介绍", "修改", "清理", "放松", "熟悉", "关心", "提醒", "说明",
    "分析", "总结", "琢磨", "打听", "练习", "尝试", "感受", "复习", "宣传", "批评", "教育", "帮助", "照顾", "表扬",
    "鼓励", "汇报", "请示", "思量", "掂量", "比划", "认识", "见识", "考察", "走访", "议论", "合计", "盘算", "试验",
    "评评", "看看", "想想",
];

/// The run of Han characters of `text` that holds byte `at`, and the index of that character.
fn run_at(text: &str, at: usize) -> Option<(OwnedRuns<'_>, usize)> {
    if !text.is_char_boundary(at) || !text[at..].chars().next().is_some_and(is_han) {
        return None;
    }
    let start = text[..at].char_indices().rev().take_while(|&(_, c)| is_han(c)).last().map_or(at, |(i, _)| i);
    let end = text[at..].char_indices().find(|&(_, c)| !is_han(c)).map_or(text.len(), |(i, _)| at + i);
    let run = OwnedRuns::one(text, start, end);
    let k = text[start..at].chars().count();
    Some((run, k))
}

/// Whether the character at byte `at` of `text` and the one after it (the same character) are a
/// doubling typo: the pair is no word and in no word of the lexicon around it, the first stands
/// alone in the best split (现在|在 is two words meeting) and so does the second (在|在建 is
/// two words), and the character is common as a word of its own.
pub fn is_doubled_char(text: &str, at: usize) -> bool {
    let Some((data, k)) = run_at(text, at) else { return false };
    let doubled = data.iter().next().is_some_and(|run| is_doubled_char_in(&run, k));
    doubled
}

/// [`is_doubled_char`] of character `k` of `run` (a whole run of Han characters, read already).
pub fn is_doubled_char_in(run: &Run<'_>, k: usize) -> bool {
    let c = run.chars[k];
    // A name doubles its last character (陈成成, 王伟伟): after a surname it is not a slip.
    let after_surname = k > 0 && super::names::is_surname(run.chars[k - 1]);
    if run.chars.get(k + 1) != Some(&c) || "〇零一二三四五六七八九十".contains(c) || after_surname {
        return false;
    }
    // Only characters common as words of their own are typed twice by slip (在在, 仍仍, 将将);
    // a rarer one doubled is a name or a word meeting another (联联充电, 健康码码色).
    if lexicon::word(&run.text[run.bounds[k]..run.bounds[k + 1]]).is_none_or(|w| w.freq < 10_000) {
        return false;
    }
    // In a word of the lexicon with both copies: 常常, 天天, 的的确确, 三三两两, 绿油油.
    let n = run.chars.len();
    for s in k.saturating_sub(5)..=k {
        for e in (k + 2)..=(s + 7).min(n) {
            if lexicon::word(run.slice(s, e)).is_some() {
                return false;
            }
        }
    }
    // The split, read here only (and made here for a run the store left unsplit).
    run.with_split(|run| {
        let word_of = |i: usize| run.seg.word_at(run.bounds[i]).map_or(1, |w| run.text[w].chars().count());
        word_of(k) == 1 && word_of(k + 1) == 1
    })
}

/// Whether the two-character word at byte `at` of `text` is written twice with no reason: it is
/// a word of the lexicon, the four characters are not one, it is not a numeral and a measure word
/// (一个一个) or a verb whose ABAB form is ordinary speech (研究研究).
pub fn is_doubled_word(text: &str, at: usize) -> bool {
    let Some((data, k)) = run_at(text, at) else { return false };
    let doubled = data.iter().next().is_some_and(|run| is_doubled_word_in(&run, k));
    doubled
}

/// [`is_doubled_word`] of the word at character `k` of `run` (a whole run of Han characters,
/// read already).
pub fn is_doubled_word_in(run: &Run<'_>, k: usize) -> bool {
    if k + 4 > run.chars.len() || run.chars[k..k + 2] != run.chars[k + 2..k + 4] {
        return false;
    }
    let word = run.slice(k, k + 2);
    let Some(w) = lexicon::word(word) else { return false };
    let numeral = "一二三四五六七八九十两几每".contains(run.chars[k]);
    // The second copy begins a longer word or a name (工程|工程量, 园区|园区南路).
    let longer = (k + 5..=(k + 7).min(run.chars.len())).any(|e| lexicon::word(run.slice(k + 2, e)).is_some())
        || (k + 4..(k + 7).min(run.chars.len())).any(|i| super::names::ends_name(&run.text[run.bounds[i]..]));
    w.freq >= 100
        && !longer
        && lexicon::word(run.slice(k, k + 4)).is_none()
        && !numeral
        && !REDUPLICATING_VERBS.contains(&word)
        && run.chars[k] != run.chars[k + 1]
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doubled_char(s: &str, c: &str) -> bool {
        is_doubled_char(s, s.find(c).unwrap())
    }

    #[test]
    fn doubled_characters() {
        assert!(doubled_char("我局在在县委的领导下", "在在"));
        assert!(doubled_char("问题仍仍继续存在", "仍仍"));
        for (s, c) in [
            ("坚持共共建共治共享", "共共"),
            ("健康码码色异常", "码码"),
            ("由陈成成同志负责", "成成"),
            ("二〇〇八年", "〇〇"),
            ("我们常常深入基层", "常常"),
            ("现在在座的同志", "在在"),
            ("土地地上附着物", "地地"),
            ("三三两两", "三三"),
        ] {
            assert!(!doubled_char(s, c), "{s}");
        }
    }

    #[test]
    fn a_run_read_already_is_judged_as_the_text_around_a_place() {
        for text in
            ["我局在在县委的领导下", "加快园区园区建设", "现在在座的同志", "建设工程工程量清单", "开展开展专项行动"]
        {
            let runs = super::super::OwnedRuns::of(text);
            for run in runs.iter() {
                for k in 0..run.chars.len() {
                    let at = run.start + run.bounds[k];
                    assert_eq!(is_doubled_char_in(&run, k), is_doubled_char(text, at), "{text} {k}");
                    assert_eq!(is_doubled_word_in(&run, k), is_doubled_word(text, at), "{text} {k}");
                }
            }
        }
    }

    #[test]
    fn doubled_words() {
        assert!(is_doubled_word("加快园区园区建设", "加快".len()));
        assert!(is_doubled_word("开展开展专项行动", 0));
        assert!(!is_doubled_word("研究研究再说", 0));
        assert!(!is_doubled_word("一个一个地解决", 0));
        assert!(!is_doubled_word("建设工程工程量清单", "建设".len()));
        assert!(!is_doubled_word("现代农业园区园区南路", "现代农业".len()));
    }
}
