//! GW302 date-format: 成文日期 and 印发日期 as 2024年3月5日.

use crate::declare_rule;
use crate::diagnostic::Severity;
use crate::diagnostic::{Applicability, Fix};
use crate::document::facts::{DateStyle, Era};
use crate::document::{Document, Part};
use crate::rule::{Context, Rule, RuleMeta};

declare_rule! {
    /// ## 作用
    /// 检查成文日期和印发日期的写法：用阿拉伯数字将年、月、日标全，月、日不编虚位，如
    /// “2025年3月5日”。汉字数字日期（二〇二五年三月五日）、“2025-03-05”“2025.3.5”“2025/3/5”
    /// 和“2025年03月05日”都会被报告，并给出正确写法作为安全修复。
    ///
    /// 按成文时施行的标准判断：成文日期早于2012年7月1日（GB/T 9704—2012施行之日）的公文，
    /// 按GB/T 9704—1999用汉字书写成文日期是对的，只给出提示说明。没有日期的草稿按现行标准判断。
    ///
    /// ## 原因
    /// GB/T 9704—2012 7.3.5.1 规定成文日期用阿拉伯数字将年、月、日标全，年份应标全称，月、日
    /// 不编虚位（即1不编为01）；7.4.3 对印发日期作同样规定。2012年以前的公文成文日期用汉字，
    /// 现行标准已改为阿拉伯数字。
    ///
    /// ## 示例
    /// ```text
    /// 平安市人民政府办公室关于做好防汛工作的通知
    ///
    /// 各县（市、区）人民政府：
    /// 　　现就有关事项通知如下。
    ///
    /// 平安市人民政府办公室
    /// 2025-05-06
    /// ```
    ///
    /// ## 应改为
    /// ```text
    /// 平安市人民政府办公室关于做好防汛工作的通知
    ///
    /// 各县（市、区）人民政府：
    /// 　　现就有关事项通知如下。
    ///
    /// 平安市人民政府办公室
    /// 2025年5月6日
    /// ```
    ///
    /// ## 依据
    /// GB/T 9704—2012 7.3.5.1、7.4.3。
    pub static DATE_FORMAT = {
        code: "GW302",
        name: "date-format",
        category: Format,
        severity: Error,
        fix: Always,
        scope: Gongwen,
        summary: "成文日期、印发日期用阿拉伯数字标全年月日，不编虚位",
        source: "GB/T 9704—2012 7.3.5.1、7.4.3",
    };
}

pub struct DateFormat;

impl Rule for DateFormat {
    fn meta(&self) -> &RuleMeta {
        &DATE_FORMAT
    }

    fn check(&self, doc: &Document, cx: &mut Context<'_>) {
        for p in doc.paragraphs.iter().filter(|p| matches!(p.part, Part::Date | Part::Printed)) {
            let what = if p.part == Part::Date { "成文日期" } else { "印发日期" };
            let dates = doc.elements.dates_in(p.span);
            // The 成文日期 line is only the date; the 印发 line ends with the date before 印发.
            let Some(d) = (if p.part == Part::Date { dates.first() } else { dates.last() }) else { continue };
            // GB/T 9704—1999 wrote the 成文日期 in Chinese numerals: right when it was issued.
            if p.part == Part::Date && d.value.style == DateStyle::Chinese && doc.facts.era == Era::Before2012 {
                let (y, m, dd) = Era::GBT9704_2012_IN_FORCE;
                cx.report(
                    d.span,
                    format!(
                        "成文日期用汉字书写，符合成文时施行的GB/T 9704—1999；现行GB/T 9704—2012（{y}年{m}月{dd}日起施行）要求用阿拉伯数字"
                    ),
                )
                .with_label("按成文时的标准判断")
                .severity = Severity::Info;
                continue;
            }
            let problem = match d.value.style {
                DateStyle::Chinese => Some(format!("{what}应使用阿拉伯数字")),
                DateStyle::Separated => {
                    Some(format!("{what}应写作“年月日”，不用“{}”分隔", d.separator().unwrap_or('-')))
                }
                DateStyle::Arabic if d.padded => Some(format!("{what}的月、日不编虚位")),
                DateStyle::Arabic if d.spaced => Some(format!("{what}中不应有空格")),
                DateStyle::Arabic => None,
            };
            let Some(message) = problem else { continue };
            let span = d.span;
            let right = d.value.standard();
            cx.report(span, message).with_label(format!("应为“{right}”")).with_fix(Fix::replace(
                format!("改为“{right}”"),
                Applicability::Safe,
                span,
                &right,
            ));
        }
    }
}
