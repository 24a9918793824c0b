//! GW416 ordinal-dunhao: 第一、 其一、 首先、 are followed by a comma.

use crate::declare_rule;
use crate::diagnostic::{Applicability, Fix};
use crate::document::char_summary::CharSummary;
use crate::document::Document;
use crate::rule::{Context, Rule, RuleMeta};
use crate::rules::common::{group_span, paragraph_matches_where};
use regex::Regex;
use std::sync::LazyLock;

declare_rule! {
    /// ## 作用
    /// 检查“第一”“其一”“首先”“其次”“最后”等序次语后是否误用顿号，应用逗号。改为逗号是安全
    /// 修复。汉字序数“一、”“二、”用作层次序数时后用顿号，不在此列。
    ///
    /// ## 原因
    /// GB/T 15834—2011 附录 B.3.1 规定，“第”“其”字头序次语和“首先”类序次语后用逗号，不用顿号。
    ///
    /// ## 示例
    /// ```text
    /// 第一、加强组织领导；第二、强化督促检查。
    /// ```
    ///
    /// ## 应改为
    /// ```text
    /// 第一，加强组织领导；第二，强化督促检查。
    /// ```
    ///
    /// ## 依据
    /// GB/T 15834—2011 附录 B.3.1。
    pub static ORDINAL_DUNHAO = {
        code: "GW416",
        name: "ordinal-dunhao",
        category: Punctuation,
        severity: Warning,
        fix: Always,
        scope: AnyText,
        summary: "“第一”“首先”类序次语后用逗号",
        source: "GB/T 15834—2011 附录B.3.1",
    };
}

static ORDINAL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:^|[。；：！？，\s])(?P<w>第[一二三四五六七八九十]{1,3}|其[一二三四五六七八九十]|首先|其次|再次|最后)(?P<d>、)")
        .expect("pattern")
});

/// Whether `c` is one of the numerals of the ordinals the pattern reads (一 to 十; compared
/// as characters, not searched for in a string of them).
fn is_numeral(c: char) -> bool {
    matches!(c, '一' | '二' | '三' | '四' | '五' | '六' | '七' | '八' | '九' | '十')
}

/// Whether `text` may hold a match of [`ORDINAL`]: a 、 right after 第 and one to three
/// numerals, 其 and one numeral, or 首先, 其次, 再次 or 最后 (every match ends so). The pattern
/// starts with a class and has no literal to look for first: gated on the 、 alone, it read
/// every byte of every paragraph with one (list items, and the headings 一、 二、 without 第).
fn may_hold_ordinal(text: &str, summary: &CharSummary) -> bool {
    summary.may_contain('、')
        && crate::text::dunhao_places(text).any(|at| {
            let before = &text[..at];
            // Every form ends in a numeral or in 先, 次 or 后 (most 、 follow neither: asked
            // first).
            if !before.chars().next_back().is_some_and(|c| is_numeral(c) || matches!(c, '先' | '次' | '后')) {
                return false;
            }
            let numerals = before.chars().rev().take_while(|&c| is_numeral(c)).count();
            let head = before[..before.len() - numerals * '一'.len_utf8()].chars().next_back();
            (1..=3).contains(&numerals) && head == Some('第')
                || numerals == 1 && head == Some('其')
                || ["首先", "其次", "再次", "最后"].iter().any(|w| before.ends_with(w))
        })
}

pub struct OrdinalDunhao;

impl Rule for OrdinalDunhao {
    fn meta(&self) -> &RuleMeta {
        &ORDINAL_DUNHAO
    }

    fn check(&self, doc: &Document, cx: &mut Context<'_>) {
        for (p, c, _) in paragraph_matches_where(doc, &ORDINAL, may_hold_ordinal) {
            let dun = group_span(p, c.name("d").expect("group"));
            cx.report(dun, format!("序次语“{}”后应用逗号，不用顿号", &c["w"]))
                .with_label("应为“，”")
                .with_fix(Fix::replace("改为“，”", Applicability::Safe, dun, "，"));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every text whose pattern matches passes the gate: lines built from the pieces a match and
    /// its neighbours are made of, every sequence of up to four of them.
    #[test]
    fn the_gate_passes_every_text_the_pattern_matches() {
        let pieces =
            ["第", "其", "一", "十", "二", "、", "首先", "其次", "最后", "再次", "，", "。", " ", "工作", "首"];
        let mut texts: Vec<String> = vec![String::new()];
        let (mut matched, mut passed_over) = (0, 0);
        for _ in 0..4 {
            texts = texts.iter().flat_map(|t| pieces.iter().map(move |p| format!("{t}{p}"))).collect();
            for t in &texts {
                let gate = may_hold_ordinal(t, &CharSummary::of(t));
                if ORDINAL.is_match(t) {
                    assert!(gate, "{t}");
                    matched += 1;
                } else if !gate {
                    passed_over += 1;
                }
            }
        }
        assert_eq!((matched, passed_over), (1_459, 51_237));
    }
}
