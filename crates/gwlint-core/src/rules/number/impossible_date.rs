//! GW506 impossible-date: a date that does not exist (2月30日, 2023年2月29日, 13月, 4月31日).

use crate::declare_rule;
use crate::document::calendar::{days_in_month, PartialDate};
use crate::document::Document;
use crate::rule::{Context, Rule, RuleMeta};

declare_rule! {
    /// ## 作用
    /// 检查不存在的日期：月份不在1至12之间（13月），日子超过当月天数（4月31日、2月30日），
    /// 平年的2月29日（2023年2月29日）。没有写年份的“2月29日”不报告（闰年有这一天）。范围的
    /// 终点（“3月28日至31日”的“31日”）也检查。
    ///
    /// ## 原因
    /// 不存在的日期多是笔误或套用旧稿时改错了数字；写在时限、会议时间里，收文机关无法执行。
    ///
    /// ## 示例
    /// ```text
    /// 请于2025年2月30日前报送材料，会议定于4月31日召开。
    /// ```
    ///
    /// ## 应改为
    /// ```text
    /// 请于2025年2月28日前报送材料，会议定于4月30日召开。
    /// ```
    ///
    /// ## 依据
    /// 公历历法；《党政机关公文处理工作条例》第二十条（四）（内容准确）。
    pub static IMPOSSIBLE_DATE = {
        code: "GW506",
        name: "impossible-date",
        category: Number,
        severity: Error,
        fix: None,
        scope: AnyText,
        summary: "日期应真实存在（没有2月30日、4月31日、13月）",
        source: "《党政机关公文处理工作条例》第二十条（四）",
    };
}

pub struct ImpossibleDate;

/// What is wrong with a date, if anything.
fn problem(d: &PartialDate, year: Option<u32>) -> Option<String> {
    let month = d.month?;
    if !(1..=12).contains(&month) {
        return Some(format!("月份不存在：没有{month}月"));
    }
    let day = d.day?;
    let last = days_in_month(year, month);
    if day == 0 || day > last {
        let which = match year {
            Some(y) if month == 2 => format!("{y}年2月只有{last}天"),
            _ => format!("{month}月只有{last}天"),
        };
        return Some(format!("日期不存在：{which}，没有{month}月{day}日"));
    }
    None
}

impl Rule for ImpossibleDate {
    fn meta(&self) -> &RuleMeta {
        &IMPOSSIBLE_DATE
    }

    fn check(&self, doc: &Document, cx: &mut Context<'_>) {
        for m in &doc.elements.date_mentions {
            if let Some(message) = problem(&m.date, m.date.year) {
                cx.report(m.date.span, message).with_label("日期不存在");
            }
            if let Some(end) = &m.range_end {
                // The end takes the start's year and month where it leaves them out.
                let filled = PartialDate { month: end.month.or(m.date.month), year: end.year.or(m.date.year), ..*end };
                if let Some(message) = problem(&filled, filled.year) {
                    cx.report(end.span, message).with_label("日期不存在");
                }
            }
        }
    }
}
