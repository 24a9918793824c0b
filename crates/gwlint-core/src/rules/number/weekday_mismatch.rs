//! GW507 weekday-mismatch: a weekday written after a date that falls on another day of the week.

use crate::declare_rule;
use crate::diagnostic::{Applicability, Fix};
use crate::document::calendar::{days_in_month, weekday, weekday_name, DateMention};
use crate::document::Document;
use crate::rule::{Context, Rule, RuleMeta};

declare_rule! {
    /// ## 作用
    /// 检查日期后括注的星期是否与日期相符，如“2025年3月4日（星期五）”而这一天是星期二。日期
    /// 没有写年份时，按成文日期（没有成文日期时按发文字号）的年份推算；这一年不符而相邻年份相符
    /// （年底的文件写次年1月的日期）时不报告；推算不出年份时不检查。
    ///
    /// ## 原因
    /// 会议通知、值班安排中日期和星期都要写对；两者不一致，收文机关无从判断以哪个为准。
    ///
    /// ## 示例
    /// ```text
    /// 会议定于2025年3月4日（星期五）上午9时召开。
    /// ```
    ///
    /// ## 应改为
    /// ```text
    /// 会议定于2025年3月4日（星期二）上午9时召开。
    /// ```
    ///
    /// ## 依据
    /// 公历历法；《党政机关公文处理工作条例》第二十条（四）（内容准确）。
    pub static WEEKDAY_MISMATCH = {
        code: "GW507",
        name: "weekday-mismatch",
        category: Number,
        severity: Warning,
        fix: Sometimes,
        scope: AnyText,
        summary: "日期后的星期应与日期相符",
        source: "《党政机关公文处理工作条例》第二十条（四）",
    };
}

pub struct WeekdayMismatch;

/// The weekday of a mention in `year`, if the date exists then.
fn weekday_in(m: &DateMention, year: u32) -> Option<u32> {
    let (month, day) = (m.date.month?, m.date.day?);
    ((1..=12).contains(&month) && (1..=days_in_month(Some(year), month)).contains(&day))
        .then(|| weekday(year, month, day))
}

/// The weekday note as written (（星期五）, 周五) with its day replaced by `weekday`'s.
fn with_weekday(written: &str, weekday: u32) -> String {
    let day = weekday_name(weekday).chars().last().unwrap_or('一');
    let mut replaced = false;
    written
        .chars()
        .map(|c| {
            if !replaced && "一二三四五六日天".contains(c) {
                replaced = true;
                day
            } else {
                c
            }
        })
        .collect()
}

impl Rule for WeekdayMismatch {
    fn meta(&self) -> &RuleMeta {
        &WEEKDAY_MISMATCH
    }

    fn check(&self, doc: &Document, cx: &mut Context<'_>) {
        let doc_year = doc
            .elements
            .date
            .as_ref()
            .map(|d| d.value.year)
            .or_else(|| doc.elements.doc_number.as_ref().and_then(|n| n.year_value).filter(|&y| y >= 1900));
        for m in &doc.elements.date_mentions {
            let Some(note) = m.weekday else { continue };
            let (year, explicit) = match (m.date.year, doc_year) {
                (Some(y), _) => (y, true),
                (None, Some(y)) => (y, false),
                (None, None) => continue,
            };
            let Some(actual) = weekday_in(m, year) else { continue };
            if actual == note.weekday {
                continue;
            }
            // A date without its year may belong to the year before or after the document's.
            if !explicit && [year - 1, year + 1].iter().any(|&y| weekday_in(m, y) == Some(note.weekday)) {
                continue;
            }
            let (month, day) = (m.date.month.unwrap_or(0), m.date.day.unwrap_or(0));
            let replacement = with_weekday(doc.slice(note.span), actual);
            let basis = if explicit { String::new() } else { format!("（按文件的年份推算为{year}年）") };
            cx.report(
                note.span,
                format!(
                    "{year}年{month}月{day}日是{}，不是{}{basis}",
                    weekday_name(actual),
                    weekday_name(note.weekday)
                ),
            )
            .with_label(format!("应为{}", weekday_name(actual)))
            .with_secondary(m.date.span, "日期")
            .with_help("核对日期和星期哪个是对的，再统一。")
            .with_fix(Fix::replace(
                format!("改为“{replacement}”"),
                Applicability::Unsafe,
                note.span,
                &replacement,
            ));
        }
    }
}
