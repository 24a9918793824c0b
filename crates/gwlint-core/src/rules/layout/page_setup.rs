//! GW701 page-setup: A4 paper and the GB/T 9704 margins.

use crate::declare_rule;
use crate::document::Document;
use crate::rule::{Context, Rule, RuleMeta};
use crate::rules::layout::spec::{mm, Length, MARGINS, PAGE_HEIGHT, PAGE_WIDTH};
use crate::span::Span;

declare_rule! {
    /// ## 作用
    /// 检查 .docx 的纸张和页边距：A4 纸（210 mm × 297 mm），天头（上边距）37 mm、订口（左边距）
    /// 28 mm，版心 156 mm × 225 mm（下边距 35 mm、右边距 26 mm），允许 ±1 mm 误差。报告找到的数值
    /// 和应有的数值，如“上边距 30.0 mm（应为 37 mm）”。
    ///
    /// ## 原因
    /// GB/T 9704—2012 5.1、5.2.1 规定了公文用纸和版心尺寸。页边距不对，打印装订后版面偏移，与
    /// 同级机关的公文格式不一致。
    ///
    /// ## 示例
    /// ```text
    /// （版式规则只对 .docx 运行：例如上边距设为 25.4 mm 的 Word 默认页面）
    /// ```
    ///
    /// ## 应改为
    /// ```text
    /// （页面设置：A4，上 37 mm、下 35 mm、左 28 mm、右 26 mm）
    /// ```
    ///
    /// ## 依据
    /// GB/T 9704—2012 5.1、5.2.1。
    pub static PAGE_SETUP = {
        code: "GW701",
        name: "page-setup",
        category: Layout,
        severity: Warning,
        fix: None,
        scope: Gongwen,
        summary: "A4 纸，天头37 mm、订口28 mm，版心156 mm×225 mm",
        source: "GB/T 9704—2012 5.1、5.2.1",
        skip_in: [Draft, Template],
    };
}

pub struct PageSetup;

fn check_length(cx: &mut Context<'_>, at: Span, spec: &Length, twips: i64) {
    let found = mm(twips);
    if (found - spec.mm).abs() > spec.tolerance_mm {
        cx.report(at, format!("{}为 {found:.1} mm（应为 {} mm）", spec.what, spec.mm))
            .with_label("页面设置")
            .with_help(format!("依据 {}。", spec.clause));
    }
}

impl Rule for PageSetup {
    fn meta(&self) -> &RuleMeta {
        &PAGE_SETUP
    }

    fn check(&self, doc: &Document, cx: &mut Context<'_>) {
        let Some(page) = doc.format.as_ref().and_then(|f| f.page.as_ref()) else { return };
        let at = doc.paragraphs.first().map_or(Span::empty(0), |p| p.span);
        check_length(cx, at, &PAGE_WIDTH, page.width);
        check_length(cx, at, &PAGE_HEIGHT, page.height);
        for (spec, value) in MARGINS.iter().zip([page.top, page.bottom, page.left, page.right]) {
            check_length(cx, at, spec, value);
        }
    }
}
