//! GW409 duplicate-punctuation: doubled or clashing marks (，， 。。 ，。 ：。).

use regex::Regex;
use std::sync::LazyLock;

use crate::declare_rule;
use crate::diagnostic::{Applicability, Fix};
use crate::document::Document;
use crate::rule::{Context, Rule, RuleMeta};
use crate::rules::common::paragraph_matches;
use crate::span::Span;

declare_rule! {
    /// ## 作用
    /// 检查重复或冲突的点号：“，，”“。。”“、、”“；；”“：：”（删去重复的一个是安全修复），以及
    /// “，。”“。，”“：。”“；。”“，；”等两个不同点号连用（需人工判断保留哪一个）。“？！”“！？”
    /// 表示强烈的疑问或感叹，不报告；省略号“……”由 GW406 检查。
    ///
    /// ## 原因
    /// GB/T 15834—2011 规定每个点号表示一种停顿；同一位置连用两个点号，多是录入或修改时遗留的。
    ///
    /// ## 示例
    /// ```text
    /// 现将有关事项通知如下：：
    /// 各单位要高度重视，。
    /// ```
    ///
    /// ## 应改为
    /// ```text
    /// 现将有关事项通知如下：
    /// 各单位要高度重视。
    /// ```
    ///
    /// ## 依据
    /// GB/T 15834—2011 第4章。
    pub static DUPLICATE_PUNCTUATION = {
        code: "GW409",
        name: "duplicate-punctuation",
        category: Punctuation,
        severity: Error,
        fix: Sometimes,
        scope: AnyText,
        summary: "点号不重复、不冲突",
        source: "GB/T 15834—2011 第4章",
    };
}

static RUN: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"[，。、；：！？]{2,}").unwrap());

pub struct DuplicatePunctuation;

impl Rule for DuplicatePunctuation {
    fn meta(&self) -> &RuleMeta {
        &DUPLICATE_PUNCTUATION
    }

    fn check(&self, doc: &Document, cx: &mut Context<'_>) {
        for (_, _, span) in paragraph_matches(doc, &RUN) {
            let run = doc.slice(span);
            let chars: Vec<char> = run.chars().collect();
            // ？！ and ！？ (and their doubles) express strong feeling.
            if chars.iter().all(|c| matches!(c, '？' | '！')) {
                continue;
            }
            let first = chars[0];
            if chars.iter().all(|&c| c == first) {
                let keep = first.len_utf8();
                let dup = Span::new(span.start + keep, span.end);
                cx.report(span, format!("标点“{first}”重复")).with_label("重复的标点").with_fix(Fix::replace(
                    "删除重复的标点",
                    Applicability::Safe,
                    dup,
                    "",
                ));
            } else {
                cx.report(span, format!("点号“{run}”连用，只应保留一个")).with_label("冲突的点号");
            }
        }
    }
}
