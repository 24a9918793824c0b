//! GW501 year-abbreviation: years are written in full (24年底 → 2024年底).

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
    /// 检查简写为两位的年份，如“24年底”“98年3月”“25年度”，应写全称“2024年底”。只在后面跟着
    /// 月份或“底”“初”“度”“上半年”等时报告，“用了24年时间”之类的时长不报告。补全年份需要确认
    /// 世纪，是需人工确认的修复。
    ///
    /// ## 原因
    /// GB/T 15835—2011 5.1.4 规定年份不能简写，“1998年”不写作“98年”。公文的日期必须明确无误。
    ///
    /// ## 示例
    /// ```text
    /// 力争24年底前完成改造，98年3月建成的泵站同步维修。
    /// ```
    ///
    /// ## 应改为
    /// ```text
    /// 力争2024年底前完成改造，1998年3月建成的泵站同步维修。
    /// ```
    ///
    /// ## 依据
    /// GB/T 15835—2011 5.1.4。
    pub static YEAR_ABBREVIATION = {
        code: "GW501",
        name: "year-abbreviation",
        category: Number,
        severity: Error,
        fix: Always,
        scope: AnyText,
        summary: "年份不简写",
        source: "GB/T 15835—2011 5.1.4",
    };
}

static SHORT_YEAR: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:^|[^0-9０-９.\-/〔\[（(第])(?P<yy>[0-9]{2})年(?:[1-9]月|1[0-2]月|度|底|初|末|上半年|下半年|第[一二三四]季度)")
        .unwrap()
});

pub struct YearAbbreviation;

impl Rule for YearAbbreviation {
    fn meta(&self) -> &RuleMeta {
        &YEAR_ABBREVIATION
    }

    fn check(&self, doc: &Document, cx: &mut Context<'_>) {
        // A short year is two ASCII digits before 年.
        let gate = |t: &str, s: &CharSummary| s.has_ascii_digit() && s.contains_char(t, '年');
        for (p, c, _) in paragraph_matches_where(doc, &SHORT_YEAR, gate) {
            let yy = c.name("yy").expect("group");
            let n: u32 = yy.as_str().parse().unwrap_or(0);
            let full = if n >= 50 { 1900 + n } else { 2000 + n };
            let span = group_span(p, yy);
            cx.report(span, format!("年份“{}年”应写全称", yy.as_str()))
                .with_label(format!("应为“{full}”"))
                .with_fix(Fix::replace(format!("改为“{full}”"), Applicability::Unsafe, span, &full.to_string()));
        }
    }
}
