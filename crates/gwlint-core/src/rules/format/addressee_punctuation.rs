//! GW313 addressee-punctuation: the 主送机关 line separates organs with 顿号 and 逗号, not 分号.

use crate::declare_rule;
use crate::diagnostic::{Applicability, Fix};
use crate::document::{Document, Part};
use crate::rule::{Context, Rule, RuleMeta};
use crate::rules::common::chars_with_offsets;
use crate::span::Span;

declare_rule! {
    /// ## 作用
    /// 检查主送机关一行的标点：机关名称之间用顿号（同类机关）或逗号（不同类机关），不用分号；
    /// 末尾用全角冒号（半角冒号由 GW401 报告）。分号改为逗号是安全修复。
    ///
    /// ## 原因
    /// GB/T 9704—2012 7.3.2 规定主送机关编排于标题下空一行位置，居左顶格，回行时仍顶格，最后一个
    /// 机关名称后标全角冒号。实务中同类机关之间用顿号、不同类机关之间用逗号（如“各县（市、区）
    /// 人民政府，市政府各部门：”）。
    ///
    /// ## 示例
    /// ```text
    /// 平安市人民政府办公室关于做好防汛工作的通知
    ///
    /// 各县（市、区）人民政府；市政府各部门：
    /// 　　现就有关事项通知如下。
    /// ```
    ///
    /// ## 应改为
    /// ```text
    /// 平安市人民政府办公室关于做好防汛工作的通知
    ///
    /// 各县（市、区）人民政府，市政府各部门：
    /// 　　现就有关事项通知如下。
    /// ```
    ///
    /// ## 依据
    /// GB/T 9704—2012 7.3.2。
    pub static ADDRESSEE_PUNCTUATION = {
        code: "GW313",
        name: "addressee-punctuation",
        category: Format,
        severity: Warning,
        fix: Always,
        scope: Gongwen,
        summary: "主送机关之间用顿号或逗号，不用分号",
        source: "GB/T 9704—2012 7.3.2",
    };
}

pub struct AddresseePunctuation;

impl Rule for AddresseePunctuation {
    fn meta(&self) -> &RuleMeta {
        &ADDRESSEE_PUNCTUATION
    }

    fn check(&self, doc: &Document, cx: &mut Context<'_>) {
        for p in doc.parts(Part::Addressee) {
            for (i, c) in chars_with_offsets(doc, p).filter(|(_, c)| matches!(c, '；' | ';')) {
                let span = Span::new(i, i + c.len_utf8());
                cx.report(span, "主送机关之间不用分号，同类机关用顿号，不同类机关用逗号")
                    .with_label("应为“，”或“、”")
                    .with_fix(Fix::replace("改为“，”", Applicability::Safe, span, "，"));
            }
        }
    }
}
