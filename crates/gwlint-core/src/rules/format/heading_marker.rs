//! GW304 heading-marker: the marks of the outline numbers 一、 （一） 1. （1）.

use crate::declare_rule;
use crate::diagnostic::{Applicability, Fix};
use crate::document::{Document, MarkerStyle};
use crate::rule::{Context, Rule, RuleMeta};
use crate::text::to_chinese_number;

declare_rule! {
    /// ## 作用
    /// 检查结构层次序数的写法：第一层“一、”，第二层“（一）”，第三层“1.”，第四层“（1）”。
    /// 报告“一.”“一，”“(一)”（半角括号）“（一）、”（括号后加顿号）“1、”“1．”（全角点）“(1)”
    /// 等写法，并以安全修复改为标准写法。
    ///
    /// ## 原因
    /// GB/T 9704—2012 7.3.3 规定，文中结构层次序数依次可以用“一、”“（一）”“1.”“（1）”标注。
    /// 序数后的标点和括号有固定写法：汉字序数后用顿号，带括号的序数后不再加标点，阿拉伯数字序数
    /// 后用下脚点“.”（半角）。
    ///
    /// ## 示例
    /// ```text
    /// 平安市人民政府办公室关于做好防汛工作的通知
    ///
    /// 各县（市、区）人民政府：
    /// 　　一.压实防汛责任
    /// 　　（一）、落实责任制。
    /// 　　1、储备充足的防汛物资。
    /// ```
    ///
    /// ## 应改为
    /// ```text
    /// 平安市人民政府办公室关于做好防汛工作的通知
    ///
    /// 各县（市、区）人民政府：
    /// 　　一、压实防汛责任
    /// 　　（一）落实责任制。
    /// 　　1.储备充足的防汛物资。
    /// ```
    ///
    /// ## 依据
    /// GB/T 9704—2012 7.3.3。
    pub static HEADING_MARKER = {
        code: "GW304",
        name: "heading-marker",
        category: Format,
        severity: Error,
        fix: Always,
        scope: AnyText,
        summary: "层次序数应写作“一、”“（一）”“1.”“（1）”",
        source: "GB/T 9704—2012 7.3.3",
    };
}

/// The standard marker of a level and number.
pub fn standard_marker(level: u8, number: u32) -> String {
    match level {
        1 => format!("{}、", to_chinese_number(number)),
        2 => format!("（{}）", to_chinese_number(number)),
        3 => format!("{number}."),
        _ => format!("（{number}）"),
    }
}

pub struct HeadingMarker;

impl Rule for HeadingMarker {
    fn meta(&self) -> &RuleMeta {
        &HEADING_MARKER
    }

    fn check(&self, doc: &Document, cx: &mut Context<'_>) {
        // Every marker, quoted or not: a wrong mark is wrong wherever it stands.
        for p in &doc.paragraphs {
            let Some(h) = p.heading.filter(|h| h.style == MarkerStyle::Nonstandard) else { continue };
            let found = doc.slice(h.marker);
            let right = standard_marker(h.level, h.number);
            let level = ["一", "二", "三", "四"][(h.level as usize).clamp(1, 4) - 1];
            cx.report(h.marker, format!("第{level}层序数“{found}”写法不规范，应为“{right}”"))
                .with_label(format!("应为“{right}”"))
                .with_fix(Fix::replace(format!("改为“{right}”"), Applicability::Safe, h.marker, &right));
        }
    }
}
