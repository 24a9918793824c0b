//! GW609 near-miss-words: a 成语 or a long 公文 word with one character swapped for one that
//! sounds or looks like it (一如继往, 再接再励, 公平竟争).

use crate::declare_rule;
use crate::diagnostic::{Applicability, Fix};
use crate::document::Document;
use crate::rule::{Context, Rule, RuleMeta};
use crate::rules::wording::near_miss_tables::{Tables, WordKind};
use crate::span::Span;

declare_rule! {
    /// ## 作用
    /// 检查成语和四字以上公文常用词中的音近、形近错字：“一如继往”应为“一如既往”，“再接再励”
    /// 应为“再接再厉”，“公平竟争”应为“公平竞争”。词对表（GW601、GW606）只收录列出的错误写法；
    /// 本规则对约 7,900 条成语和 3,900 条公文词语逐字比对，能发现词表里没有的错法。词典本身收作
    /// 成语的写法是并存的异形（“坚忍不拔”与“坚韧不拔”），不报告。
    ///
    /// ## 原因
    /// 成语和固定词语的用字是定型的，错一个字就是错别字。为了不误报，只有同时满足以下条件才报告：
    /// 被替换的字与原字音近或形近；这串字本身不是成语或公文词语；替换产生了在约 125 万字正确文本
    /// （公文、人民日报、学习强国等）中从未出现过的相邻字组合（复合词要求新组合全部未出现，
    /// 因此“保健制度”不会被当成“保险制度”的错字）；替换发生在词首或词尾时，这个字不能与词外
    /// 相邻的字组成见过的组合（“哈尔滨师范大学”不是“哈尔滨市”的错字）；数字之间的替换（一分为三）
    /// 不算错字。建议的修改需人工确认。
    ///
    /// ## 示例
    /// ```text
    /// 营造公平竟争的市场环境，改善生态坏境，两者千丝万屡、密不可分。
    /// ```
    ///
    /// ## 应改为
    /// ```text
    /// 营造公平竞争的市场环境，改善生态环境，两者千丝万缕、密不可分。
    /// ```
    ///
    /// ## 依据
    /// 《现代汉语词典》（第7版）；《党政机关公文处理工作条例》第二十条（四）。
    pub static NEAR_MISS_WORDS = {
        code: "GW609",
        name: "near-miss-words",
        category: Wording,
        severity: Warning,
        fix: Always,
        scope: AnyText,
        summary: "成语和公文常用词中的音近、形近错字",
        source: "《现代汉语词典》（第7版）",
        defers_to: ["GW601", "GW602", "GW606"],
    };
}

/// The least lexicon frequency of a written 成语 accepted as a variant (jieba lists a few typos
/// as rare phrases: 再接再励 3).
const ACCEPTED_FREQ: u32 = 10;

pub struct NearMissWords;

impl Rule for NearMissWords {
    fn meta(&self) -> &RuleMeta {
        &NEAR_MISS_WORDS
    }

    fn check(&self, doc: &Document, cx: &mut Context<'_>) {
        // A written form the lexicon itself lists as a 成语 or fixed phrase (坚忍不拔 beside
        // 坚韧不拔) is an accepted variant, not a near miss.
        let accepted = |w: &str| {
            crate::lexicon::word(w)
                .is_some_and(|x| x.kind == crate::lexicon::WordKind::Idiom && x.freq >= ACCEPTED_FREQ)
        };
        let mut found = Vec::new();
        for run in doc.han_runs() {
            Tables::builtin().scan_run(&doc.text, &run, &mut found);
        }
        for m in found.into_iter().filter(|m| !accepted(&m.wrong)) {
            let span = Span::new(m.start, m.end);
            let what = match m.kind {
                WordKind::Idiom => "成语",
                _ => "公文常用词",
            };
            cx.report(span, format!("疑似错别字：“{}”应为“{}”", m.wrong, m.right))
                .with_label(format!("应为“{}”", m.right))
                .with_help(format!(
                    "“{}”是{what}，其中的“{}”误写成了音近或形近的“{}”。",
                    m.right, m.expected, m.written
                ))
                .with_fix(Fix::replace(format!("改为“{}”", m.right), Applicability::Unsafe, span, &m.right));
        }
    }
}
