//! GW508 date-range-order: a range of dates whose end comes before its start.

use crate::declare_rule;
use crate::document::calendar::PartialDate;
use crate::document::Document;
use crate::rule::{Context, Rule, RuleMeta};

declare_rule! {
    /// ## 作用
    /// 检查日期范围是否倒置：终点早于起点，如“2025年3月5日至2025年2月1日”“3月20日至3月1日”
    /// “6月28日至5日”。终点省略年份而月份小于起点（“12月28日至1月5日”）是跨年，不报告；终点的
    /// 年、月省略时按起点补足。
    ///
    /// ## 原因
    /// 倒置的起止日期无法执行，多是月份或日子写错；活动、征求意见、公示的期限都可能因此出错。
    ///
    /// ## 示例
    /// ```text
    /// 公示期为2025年6月28日至5日，征求意见时间为3月20日至3月1日。
    /// ```
    ///
    /// ## 应改为
    /// ```text
    /// 公示期为2025年6月28日至7月5日，征求意见时间为3月1日至3月20日。
    /// ```
    ///
    /// ## 依据
    /// 《党政机关公文处理工作条例》第二十条（四）（内容准确）。
    pub static DATE_RANGE_ORDER = {
        code: "GW508",
        name: "date-range-order",
        category: Number,
        severity: Warning,
        fix: None,
        scope: AnyText,
        summary: "日期范围的终点不应早于起点",
        source: "《党政机关公文处理工作条例》第二十条（四）",
    };
}

pub struct DateRangeOrder;

/// The end of a range read against its start, or None when it cannot be compared or may cross
/// into the next year.
fn ends_before(start: &PartialDate, end: &PartialDate) -> Option<bool> {
    let key = |d: &PartialDate, y: Option<u32>, m: Option<u32>| Some((y?, m?, d.day.unwrap_or(0)));
    match (start.year, end.year) {
        (Some(_), Some(_)) => Some(key(end, end.year, end.month)? < key(start, start.year, start.month)?),
        // No year on the end: an earlier month is the next year (12月28日至1月5日).
        _ => {
            let end_month = end.month.or(start.month)?;
            let start_month = start.month?;
            if end_month < start_month {
                return None;
            }
            Some((end_month, end.day.unwrap_or(0)) < (start_month, start.day.unwrap_or(0)))
        }
    }
}

impl Rule for DateRangeOrder {
    fn meta(&self) -> &RuleMeta {
        &DATE_RANGE_ORDER
    }

    fn check(&self, doc: &Document, cx: &mut Context<'_>) {
        for m in &doc.elements.date_mentions {
            let Some(end) = &m.range_end else { continue };
            if ends_before(&m.date, end) == Some(true) {
                cx.report(end.span, "日期范围倒置：终点早于起点")
                    .with_label("终点")
                    .with_secondary(m.date.span, "起点")
                    .with_help("核对起止日期的月份和日子；跨月的终点要写明月份。");
            }
        }
    }
}
