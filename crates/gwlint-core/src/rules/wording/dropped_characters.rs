//! GW612 dropped-characters: a word or a 公文 phrase with one character left out (经济社发展,
//! 绩效考, 乡村振战略), found from the lexicon and the phrases of clean text.

use crate::declare_rule;
use crate::diagnostic::{Applicability, Fix};
use crate::document::Document;
use crate::rule::{Context, Rule, RuleMeta};
use crate::span::Span;
use crate::spelling::dropped::{dropped, may_find};
use crate::spelling::names::{is_person_name, Names};

declare_rule! {
    /// ## 作用
    /// 检查漏字：常用词（三到六字）或公文常用短语少写了一个字，如“经济社发展”（经济社会发展）、
    /// “压实主体任”（主体责任）、“全面推进乡村振战略”（乡村振兴战略）。
    ///
    /// 依据是词表（jieba 词典）和从公开公文等干净文本中统计出的常用短语：补上一个字后是常用的
    /// 词或短语，写出的字串本身不成词，缺口两边的字在干净文本中很少相连、而补上的字与两边都
    /// 常相连时，才报告。文中多次出现的写法、“简称”引出的写法、主送机关中的写法和地名都不报告。
    ///
    /// ## 原因
    /// 漏字多是修改时误删留下的，会改变或破坏原意。
    ///
    /// ## 示例
    /// ```text
    /// 各街道要统筹推进经济社发展，压实安全生产主体任。
    /// ```
    ///
    /// ## 应改为
    /// ```text
    /// 各街道要统筹推进经济社会发展，压实安全生产主体责任。
    /// ```
    ///
    /// ## 依据
    /// 《党政机关公文处理工作条例》第二十条（四）。
    pub static DROPPED_CHARACTERS = {
        code: "GW612",
        name: "dropped-characters",
        category: Wording,
        severity: Warning,
        fix: Always,
        scope: AnyText,
        summary: "常用词和公文短语中的漏字",
        source: "《党政机关公文处理工作条例》第二十条（四）",
        defers_to: ["GW601", "GW606", "GW609", "GW611"],
    };
}

pub struct DroppedCharacters;

impl Rule for DroppedCharacters {
    fn meta(&self) -> &RuleMeta {
        &DROPPED_CHARACTERS
    }

    fn check(&self, doc: &Document, cx: &mut Context<'_>) {
        let names = Names::of(doc);
        for run in doc.han_runs().filter(|r| may_find(r) && !is_person_name(r)) {
            for d in dropped(&run, &|form| names.protects(form)) {
                let span = Span::new(d.span.start, d.span.end);
                cx.report(span, format!("疑似漏字：“{}”应为“{}”", d.written, d.right))
                    .with_label(format!("疑漏“{}”字", d.missing))
                    .with_help(format!("“{}”不成词，疑为“{}”漏写了“{}”。", d.written, d.right, d.missing))
                    .with_fix(Fix::replace(format!("改为“{}”", d.right), Applicability::Unsafe, span, &d.right));
            }
        }
    }
}
