//! GW514 text-date-format: a date in running text written 2024年5月6日, not 2024/5/6, 2024.5.6,
//! 2024年05月06日 or 6月5号.

use crate::declare_rule;
use crate::diagnostic::{Applicability, Fix};
use crate::document::facts::DateStyle;
use crate::document::{Document, Part};
use crate::rule::{Context, Rule, RuleMeta};
use std::sync::LazyLock;

use regex::Regex;

use crate::document::char_summary::CharSummary;
use crate::rules::common::{found_after, group_span, paragraph_matches_where};

declare_rule! {
    /// ## 作用
    /// 检查正文、标题、附注、版记等处用阿拉伯数字写的日期（成文日期和印发日期由 GW302 检查）：
    /// - 年、月、日之间不用斜线或圆点分隔：“2024/8/1”“2024.6.15”应写作“2024年8月1日”“2024年6月15日”；
    /// - 用“年”“月”“日”写的日期，月、日不编虚位：“2024年05月12日”应写作“2024年5月12日”；
    /// - 日期的“日”不写作口语的“号”：“6月5号前报送”应写作“6月5日前报送”。
    ///
    /// 用短横线的“2024-8-1”“2024-08-01”是 GB/T 15835 允许的写法，不报告；汉字数字的日期
    /// （二〇二四年五月十二日）不报告。“号”后接“楼”“线”“院”等名称用字的（5月1号线）不是日期，不报告。
    ///
    /// ## 原因
    /// GB/T 15835—2011 5.1.4 规定年月日按“2008年8月8日”的形式书写，“年”“月”只可按 GB/T 7408
    /// 的扩展格式用短横线“-”替代，不用其他符号；GB/T 9704—2012 7.3.5.1 规定公文日期月、日不编虚位
    /// （1不编为01）。公文是书面语，日期用“日”，不用口语的“号”。
    ///
    /// ## 示例
    /// ```text
    /// 平安市应急管理局关于报送燃气泄漏事件处置情况的通知
    ///
    /// 各区应急管理局：
    /// 　　2024年05月12日18时许，城东街道发生燃气泄漏。
    /// 　　抽样检查自2024/8/1起开始，2024.6.15前完成备案，请于6月5号前报送处置情况。
    ///
    /// 平安市应急管理局
    /// 2024年5月20日
    /// ```
    ///
    /// ## 应改为
    /// ```text
    /// 平安市应急管理局关于报送燃气泄漏事件处置情况的通知
    ///
    /// 各区应急管理局：
    /// 　　2024年5月12日18时许，城东街道发生燃气泄漏。
    /// 　　抽样检查自2024年8月1日起开始，2024年6月15日前完成备案，请于6月5日前报送处置情况。
    ///
    /// 平安市应急管理局
    /// 2024年5月20日
    /// ```
    ///
    /// ## 依据
    /// GB/T 15835—2011 5.1.4；GB/T 9704—2012 7.3.5.1。
    pub static TEXT_DATE_FORMAT = {
        code: "GW514",
        name: "text-date-format",
        category: Number,
        severity: Warning,
        fix: Always,
        scope: Gongwen,
        summary: "正文中的日期写作“2024年5月6日”，不用“/”“.”分隔、不编虚位、不写“号”",
        source: "GB/T 15835—2011 5.1.4；GB/T 9704—2012 7.3.5.1",
    };
}

/// A month and day whose day is written 号 (6月5号, 2024年6月5号), not after a digit (a longer
/// number) and not before a character that makes 号 part of a name (5月1号线, 3月8号楼).
static DAY_AS_HAO: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:^|[^0-9])(?P<date>(?:[0-9]{4}年)?(?P<m>[0-9]{1,2})月(?P<d>[0-9]{1,2})(?P<hao>号))(?P<after>[楼线院馆门文令码机车台字房室厅位仓桥井站路街弄巷栋幢床铺窗柜库]?)")
        .unwrap()
});

/// Whether `text` has an ASCII digit right before a 号 and a 月 (what every [`DAY_AS_HAO`] match
/// holds): most 号 of 公文 text are of a 发文字号 (〔2024〕5号), in paragraphs with no 月.
fn has_digit_before_hao(text: &str, summary: &CharSummary) -> bool {
    static HAO: LazyLock<memchr::memmem::Finder<'static>> = LazyLock::new(|| memchr::memmem::Finder::new("号"));
    summary.may_contain('号')
        && summary.may_contain('月')
        && found_after(text, &HAO, |c| c.is_ascii_digit())
        && text.contains('月')
}

/// The parts whose dates GW302 checks (成文日期, 印发日期).
fn checked_by_date_format(part: Part) -> bool {
    matches!(part, Part::Date | Part::Printed)
}

pub struct TextDateFormat;

impl Rule for TextDateFormat {
    fn meta(&self) -> &RuleMeta {
        &TEXT_DATE_FORMAT
    }

    fn check(&self, doc: &Document, cx: &mut Context<'_>) {
        // The dates of the document (few), each with the part of its paragraph.
        let in_checked_part = |at: usize| doc.paragraph_at(at).is_some_and(|p| checked_by_date_format(p.part));
        for d in doc.elements.dates.iter().filter(|d| !in_checked_part(d.span.start)) {
            // A leading zero dropped changes nothing but the zero; a date read from numbers
            // and dots or slashes is one the writer should confirm (a code may look like one).
            let (message, applicability) = match d.value.style {
                DateStyle::Separated => match d.separator() {
                    // GB/T 7408's extended form (2024-08-01) is allowed.
                    Some('-' | '－') | None => continue,
                    Some(sep) => (format!("日期的年、月、日之间不用“{sep}”分隔"), Applicability::Unsafe),
                },
                DateStyle::Arabic if d.padded => ("日期的月、日不编虚位".to_string(), Applicability::Safe),
                DateStyle::Arabic | DateStyle::Chinese => continue,
            };
            let right = d.value.standard();
            cx.report(d.span, message).with_label(format!("应为“{right}”")).with_fix(Fix::replace(
                format!("改为“{right}”"),
                applicability,
                d.span,
                &right,
            ));
        }
        for (p, c, _) in paragraph_matches_where(doc, &DAY_AS_HAO, has_digit_before_hao) {
            if checked_by_date_format(p.part) || !c.name("after").is_some_and(|a| a.as_str().is_empty()) {
                continue;
            }
            let number = |g: &str| c.name(g).and_then(|m| m.as_str().parse::<u32>().ok()).unwrap_or(0);
            if !(1..=12).contains(&number("m")) || !(1..=31).contains(&number("d")) {
                continue;
            }
            let hao = c.name("hao").expect("group");
            let span = group_span(p, hao);
            cx.report(span, format!("日期“{}”的“日”不写作“号”", c.name("date").expect("group").as_str()))
                .with_label("应为“日”")
                .with_fix(Fix::replace("改为“日”", Applicability::Unsafe, span, "日"));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// What every match holds is what the gate asks for, and the pattern finds each form.
    #[test]
    fn every_match_passes_the_gate() {
        for text in ["6月5号前报送", "于2024年6月5号召开", "5月1号线"] {
            let summary = CharSummary::of(text);
            assert!(DAY_AS_HAO.is_match(text) && has_digit_before_hao(text, &summary), "{text}");
        }
        for text in ["〔2024〕5号", "6月5日", "五月五号", "5号楼"] {
            let summary = CharSummary::of(text);
            assert!(!DAY_AS_HAO.is_match(text) && !has_digit_before_hao(text, &summary), "{text}");
        }
    }
}
