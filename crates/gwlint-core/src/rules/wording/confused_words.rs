//! GW613 confused-words: a real word written for its look-alike (形式/形势, 有利/有力, 调解/调节),
//! read from the words around it.

use crate::declare_rule;
use crate::diagnostic::{Applicability, Fix};
use crate::document::Document;
use crate::rule::{Context, Rule, RuleMeta};
use crate::span::Span;
use crate::spelling::confused::{confused, runs_holding_pair_words, Confused};

declare_rule! {
    /// ## 作用
    /// 检查音近、形近而又都是词的误用：形式/形势、必需/必须、有利/有力、截至/截止、权利/权力、
    /// 反映/反应、启用/起用、以至/以致、调解/调节、检察/检查、考察/考查（制订/制定、界限/界线
    /// 由 GW610 按规范用法检查）。
    ///
    /// 不靠固定搭配表，而是看前后各三个词，以及紧挨着的前一个词和后一个词的词性：统计这两个词
    /// 在公开公文等干净文本中各自与哪些词同现、前后常接什么词性（“必须”后面常接动词、介词，
    /// “必需”后面常接“的”或位于句末），按上下文计算两种读法的可能性。只有另一个词的读法明显
    /// 更可能（相差 e^5 倍以上），并且至少有两条证据支持另一个词（其中至少一个是上下文中的词），
    /// 才报告；报告中列出这些证据。紧挨着的词的词性明显只配写出的词时（“所必须具有的”中“必须”
    /// 后接动词），即使周围的词更像另一个词（“所……的”常与“必需”同现），也不报告。
    ///
    /// ## 原因
    /// 这类错字本身是词，逐字检查发现不了，却会改变意思（“形势严峻”不是“形式严峻”）。
    ///
    /// ## 示例
    /// ```text
    /// 当前面临的形式较为严峻，我们将为项目建设提供有利保障。
    /// ```
    ///
    /// ## 应改为
    /// ```text
    /// 当前面临的形势较为严峻，我们将为项目建设提供有力保障。
    /// ```
    ///
    /// ## 依据
    /// 《党政机关公文处理工作条例》第二十条（四）；《现代汉语词典》（第7版）。
    pub static CONFUSED_WORDS = {
        code: "GW613",
        name: "confused-words",
        category: Wording,
        severity: Warning,
        fix: Always,
        scope: AnyText,
        summary: "音近形近的词误用（按上下文判断）",
        source: "《党政机关公文处理工作条例》第二十条（四）",
        defers_to: ["GW601", "GW602", "GW606", "GW609"],
    };
}

pub struct ConfusedWords;

impl Rule for ConfusedWords {
    fn meta(&self) -> &RuleMeta {
        &CONFUSED_WORDS
    }

    fn check(&self, doc: &Document, cx: &mut Context<'_>) {
        for run in runs_holding_pair_words(&doc.text, doc.han_runs()) {
            for c in confused(&run) {
                let span = Span::new(c.span.start, c.span.end);
                cx.report(span, format!("疑似误用：“{}”应为“{}”", c.written, c.right))
                    .with_label(format!("应为“{}”", c.right))
                    .with_help(help(&c))
                    .with_fix(Fix::replace(format!("改为“{}”", c.right), Applicability::Unsafe, span, c.right));
            }
        }
    }
}

/// Why the other word fits: the neighbours seen with it, and the classes of word it takes here.
fn help(c: &Confused) -> String {
    let mut out = format!("按上下文，这里更像“{}”：“{}”在公文中常与“{}”同现", c.right, c.right, c.support.join("”“"));
    if !c.classes.is_empty() {
        out.push_str("，且常");
        out.push_str(&c.classes.join("、"));
    }
    out.push('。');
    out
}
