//! GW502 year-zero: Chinese-numeral years use 〇 (二〇二四), not 0, O, ○ or 零.

use regex::Regex;
use std::sync::LazyLock;

use crate::declare_rule;
use crate::diagnostic::{Applicability, Fix};
use crate::document::{Document, Part};
use crate::rule::{Context, Rule, RuleMeta};
use crate::rules::common::paragraph_matches_where;
use crate::span::Span;

declare_rule! {
    /// ## 作用
    /// 检查汉字数字年份中的“零”：应写作“〇”（U+3007），不用阿拉伯数字“0”、字母“O”、几何符号
    /// “○”（U+25CB）或“零”，如“二〇二四年”。改为“〇”是安全修复。成文日期、印发日期另由 GW302
    /// 要求改用阿拉伯数字，本规则不重复报告。
    ///
    /// ## 原因
    /// GB/T 15835—2011 5.2.5 规定，编号和年份中的零用“〇”，计量时用“零”；“○”“O”“0”是外形
    /// 相近的其他字符，检索和转换时会出错。
    ///
    /// ## 示例
    /// ```text
    /// 《二○二四年度工作要点》和二0二五年计划已印发。
    /// ```
    ///
    /// ## 应改为
    /// ```text
    /// 《二〇二四年度工作要点》和二〇二五年计划已印发。
    /// ```
    ///
    /// ## 依据
    /// GB/T 15835—2011 5.2.5。
    pub static YEAR_ZERO = {
        code: "GW502",
        name: "year-zero",
        category: Number,
        severity: Warning,
        fix: Always,
        scope: AnyText,
        summary: "汉字年份中的零写作“〇”",
        source: "GB/T 15835—2011 5.2.5",
    };
}

static HAN_YEAR: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"[一二三四五六七八九〇零○OＯ0]{4}年").unwrap());

pub struct YearZero;

impl Rule for YearZero {
    fn meta(&self) -> &RuleMeta {
        &YEAR_ZERO
    }

    fn check(&self, doc: &Document, cx: &mut Context<'_>) {
        for (p, _, span) in paragraph_matches_where(doc, &HAN_YEAR, |t, s| s.contains_char(t, '年')) {
            if matches!(p.part, Part::Date | Part::Printed) {
                continue;
            }
            let year = doc.slice(span);
            // A real Chinese-numeral year: starts with 一 or 二 and has at least one digit besides zeros.
            if !year.starts_with(['一', '二']) {
                continue;
            }
            for (i, c) in year.char_indices().filter(|(_, c)| matches!(c, '零' | '○' | 'O' | 'Ｏ' | '0')) {
                let at = Span::new(span.start + i, span.start + i + c.len_utf8());
                cx.report(at, format!("年份中的零应写作“〇”，不用“{c}”"))
                    .with_label("应为“〇”")
                    .with_fix(Fix::replace("改为“〇”", Applicability::Safe, at, "〇"));
            }
        }
    }
}
