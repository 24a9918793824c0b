//! GW413 fullwidth-alnum: digits and Latin letters are half-width (２０２４ → 2024).

use regex::Regex;
use std::sync::LazyLock;

use crate::declare_rule;
use crate::diagnostic::{Applicability, Fix};
use crate::document::char_summary::Class;
use crate::document::Document;
use crate::rule::{Context, Rule, RuleMeta};
use crate::rules::common::paragraph_matches_where;
use crate::text::to_half_width;

declare_rule! {
    /// ## 作用
    /// 检查全角的阿拉伯数字和拉丁字母（“２０２４年”“ＡＢＣ”），改为半角是安全修复。
    ///
    /// ## 原因
    /// GB/T 15835—2011 5.1.7.1 规定阿拉伯数字使用半角形式（正体二分字身）。全角数字在检索、
    /// 统计和排版时与半角数字不同，容易造成“2024年”查不到“２０２４年”。
    ///
    /// ## 示例
    /// ```text
    /// ２０２５年第一季度，全市完成投资１２．５亿元，新建ＡＩ应用场景８个。
    /// ```
    ///
    /// ## 应改为
    /// ```text
    /// 2025年第一季度，全市完成投资12.5亿元，新建AI应用场景8个。
    /// ```
    ///
    /// ## 依据
    /// GB/T 15835—2011 5.1.7.1。
    pub static FULLWIDTH_ALNUM = {
        code: "GW413",
        name: "fullwidth-alnum",
        category: Punctuation,
        severity: Error,
        fix: Always,
        scope: AnyText,
        summary: "数字、字母用半角",
        source: "GB/T 15835—2011 5.1.7.1",
        defers_to: ["GW301"],
    };
}

/// Full-width digits and letters, with a full-width decimal point between digits.
static FULLWIDTH: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"[０-９Ａ-Ｚａ-ｚ]+(?:[．][０-９]+)?").unwrap());

pub struct FullwidthAlnum;

impl Rule for FullwidthAlnum {
    fn meta(&self) -> &RuleMeta {
        &FULLWIDTH_ALNUM
    }

    fn check(&self, doc: &Document, cx: &mut Context<'_>) {
        for (_, _, span) in paragraph_matches_where(doc, &FULLWIDTH, |_, s| s.has(Class::FullwidthAlnum)) {
            let found = doc.slice(span);
            let right = to_half_width(found);
            cx.report(span, format!("全角字符“{found}”应改为半角“{right}”"))
                .with_label(format!("应为“{right}”"))
                .with_fix(Fix::replace(format!("改为“{right}”"), Applicability::Safe, span, &right));
        }
    }
}
