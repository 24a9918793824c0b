//! GW306 heading-level-skip: an outline level used without the level above it.

use crate::declare_rule;
use crate::document::Document;
use crate::rule::{Context, Rule, RuleMeta};
use crate::rules::common::outline_scopes;
use crate::rules::format::heading_marker::standard_marker;

declare_rule! {
    /// ## 作用
    /// 检查结构层次是否跳级：在“一、”之下直接用“1.”而没有“（一）”，或在“（一）”之下直接用
    /// “（1）”。
    ///
    /// ## 原因
    /// GB/T 9704—2012 7.3.3 规定结构层次序数“依次”可以用“一、”“（一）”“1.”“（1）”。
    /// 标准的措辞是“可以”，层次较少的公文跳过中间层次的做法也常见，所以本规则只作提示。
    /// 全文从较低层次开始（如只用“（一）”“（二）”），或全文都不用被跳过的层次，不报告；只在同一
    /// 篇文字中某处用了“（一）”、另一处却从“一、”直接跳到“1.”时提示。
    ///
    /// ## 示例
    /// ```text
    /// 平安市人民政府办公室关于做好防汛工作的通知
    ///
    /// 各县（市、区）人民政府：
    /// 　　一、加强监测预警
    /// 　　（一）加强会商研判。
    /// 　　二、做好应急准备
    /// 　　1.储备充足的防汛物资。
    /// ```
    ///
    /// ## 应改为
    /// ```text
    /// 平安市人民政府办公室关于做好防汛工作的通知
    ///
    /// 各县（市、区）人民政府：
    /// 　　一、加强监测预警
    /// 　　（一）加强会商研判。
    /// 　　二、做好应急准备
    /// 　　（一）储备充足的防汛物资。
    /// ```
    ///
    /// ## 依据
    /// GB/T 9704—2012 7.3.3。
    pub static HEADING_LEVEL_SKIP = {
        code: "GW306",
        name: "heading-level-skip",
        category: Format,
        severity: Info,
        fix: None,
        scope: AnyText,
        summary: "结构层次一般依次使用，不跳级",
        source: "GB/T 9704—2012 7.3.3",
    };
}

pub struct HeadingLevelSkip;

impl Rule for HeadingLevelSkip {
    fn meta(&self) -> &RuleMeta {
        &HEADING_LEVEL_SKIP
    }

    fn check(&self, doc: &Document, cx: &mut Context<'_>) {
        for scope in outline_scopes(doc) {
            // Only an inconsistency is worth a note: the skipped level is used elsewhere in the
            // same text. A document that never uses （一） may go from 一、 to 1. throughout.
            let used: Vec<u8> = scope.iter().filter_map(|p| p.heading.map(|h| h.level)).collect();
            let mut deepest = 0u8;
            for p in &scope {
                let Some(h) = p.heading else { continue };
                if deepest >= 1 && h.level >= deepest + 2 && used.contains(&(deepest + 1)) {
                    let want = standard_marker(deepest + 1, 1);
                    cx.report(
                        h.marker,
                        format!("层次跳级：此处为第{}层，上一层为第{deepest}层，中间缺少“{want}”这一层", h.level),
                    )
                    .with_label(format!("应先用“{want}”"));
                }
                deepest = h.level;
            }
        }
    }
}
