//! GW415 straight-quotes: Chinese text uses “” and ‘’, not " and '.

use crate::declare_rule;
use crate::diagnostic::{Applicability, Edit, Fix};
use crate::document::Document;
use crate::rule::{Context, Rule, RuleMeta};
use crate::span::Span;
use crate::text::{is_cjk_punct, is_han};

declare_rule! {
    /// ## 作用
    /// 检查中文里的直引号（"" ''），改为弯引号“”‘’。段内直引号成对出现时，按先左后右改写是安全
    /// 修复；不成对时只报告。
    ///
    /// ## 原因
    /// GB/T 15834—2011 4.8 规定中文引号的形式为“”和‘’。直引号是西文打字机的符号。
    ///
    /// ## 示例
    /// ```text
    /// 全面推行"一网通办"改革。
    /// ```
    ///
    /// ## 应改为
    /// ```text
    /// 全面推行“一网通办”改革。
    /// ```
    ///
    /// ## 依据
    /// GB/T 15834—2011 4.8。
    pub static STRAIGHT_QUOTES = {
        code: "GW415",
        name: "straight-quotes",
        category: Punctuation,
        severity: Error,
        fix: Sometimes,
        scope: AnyText,
        summary: "中文引号用“”‘’，不用直引号",
        source: "GB/T 15834—2011 4.8",
    };
}

pub struct StraightQuotes;

impl Rule for StraightQuotes {
    fn meta(&self) -> &RuleMeta {
        &STRAIGHT_QUOTES
    }

    fn check(&self, doc: &Document, cx: &mut Context<'_>) {
        for p in &doc.paragraphs {
            let content = doc.content(p);
            for (quote, open, close) in [('"', '“', '”'), ('\'', '‘', '’')] {
                if !doc.summary(p).may_contain(quote) {
                    continue;
                }
                let positions: Vec<usize> = content.match_indices(quote).map(|(i, _)| i).collect();
                if positions.is_empty() {
                    continue;
                }
                let chinese = |c: Option<char>| c.is_some_and(|c| is_han(c) || is_cjk_punct(c));
                let in_chinese = positions
                    .iter()
                    .any(|&i| chinese(content[..i].chars().next_back()) || chinese(content[i + 1..].chars().next()));
                if !in_chinese {
                    continue; // English text keeps its quotes.
                }
                let spans: Vec<Span> =
                    positions.iter().map(|&i| Span::new(p.span.start + i, p.span.start + i + 1)).collect();
                let d = cx
                    .report(spans[0], format!("中文中使用了直引号“{quote}”，应使用“{open}{close}”"))
                    .with_label("直引号");
                for s in &spans[1..] {
                    d.with_secondary(*s, "直引号");
                }
                if spans.len().is_multiple_of(2) {
                    let edits = spans
                        .iter()
                        .enumerate()
                        .map(|(k, s)| Edit::replace(*s, if k.is_multiple_of(2) { open } else { close }.to_string()))
                        .collect();
                    d.with_fix(Fix::new(format!("改为“{open}{close}”"), Applicability::Safe, edits));
                }
            }
        }
    }
}
