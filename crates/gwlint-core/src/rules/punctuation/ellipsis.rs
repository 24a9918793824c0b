//! GW406 ellipsis: the 省略号 is "……", and it is not followed by 等.

use regex::Regex;
use std::sync::LazyLock;

use crate::declare_rule;
use crate::diagnostic::{Applicability, Fix};
use crate::document::char_summary::CharSummary;
use crate::document::Document;
use crate::rule::{Context, Rule, RuleMeta};
use crate::rules::common::paragraph_matches_where;
use crate::span::Span;

declare_rule! {
    /// ## 作用
    /// 检查省略号的写法：应为两个三连点“……”，不用“...”“。。。”“······”或单个“…”；省略号后
    /// 不再用“等”“等等”。改写省略号是安全修复。
    ///
    /// ## 原因
    /// GB/T 15834—2011 4.11 规定省略号的形式为“……”，占两个字的位置；附录 A.9.2 指出省略号和
    /// “等”“等等”不能同时使用，两者都表示列举未尽。
    ///
    /// ## 示例
    /// ```text
    /// 统筹资金、土地、人才...各类要素，加强交通、水利……等基础设施建设。
    /// ```
    ///
    /// ## 应改为
    /// ```text
    /// 统筹资金、土地、人才……各类要素，加强交通、水利等基础设施建设。
    /// ```
    ///
    /// ## 依据
    /// GB/T 15834—2011 4.11、附录 A.9.2。
    pub static ELLIPSIS = {
        code: "GW406",
        name: "ellipsis",
        category: Punctuation,
        severity: Error,
        fix: Always,
        scope: AnyText,
        summary: "省略号用“……”，其后不用“等”",
        source: "GB/T 15834—2011 4.11、附录A.9.2",
    };
}

/// Any run that means an ellipsis: ... …… … 。。。 ······ (and mixtures).
static RUN: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"\.{3,}|。{3,}|…+|[·・]{3,}").unwrap());

pub struct Ellipsis;

impl Rule for Ellipsis {
    fn meta(&self) -> &RuleMeta {
        &ELLIPSIS
    }

    fn check(&self, doc: &Document, cx: &mut Context<'_>) {
        // Every match holds one of these (。 alone is in nearly every paragraph: three of it).
        let gate = |t: &str, s: &CharSummary| {
            s.has_ascii(b'.') || s.may_contain('…') || s.may_contain('·') || s.may_contain('・') || t.contains("。。。")
        };
        for (p, _, span) in paragraph_matches_where(doc, &RUN, gate) {
            let found = doc.slice(span);
            if found != "……" {
                cx.report(span, format!("省略号应写作“……”，不能写作“{found}”"))
                    .with_label("应为“……”")
                    .with_fix(Fix::replace("改为“……”", Applicability::Safe, span, "……"));
            }
            let rest = &doc.content(p)[span.end - p.span.start..];
            let deng = if rest.starts_with("等等") {
                "等等"
            } else if rest.starts_with('等') {
                "等"
            } else {
                continue;
            };
            // "……等" is wrong, but "……等待" is a word.
            if deng == "等" && rest[3..].starts_with(['待', '候', '级', '同', '于']) {
                continue;
            }
            let d_span = Span::new(span.end, span.end + deng.len());
            cx.report(d_span, format!("省略号后不再用“{deng}”")).with_label("与省略号重复").with_fix(Fix::replace(
                format!("删除“{deng}”"),
                Applicability::Unsafe,
                d_span,
                "",
            ));
        }
    }
}
