//! GW707 closing-placement: 发文机关署名 and 成文日期 stand on the right, not at the left margin.

use crate::declare_rule;
use crate::document::{Document, Part};
use crate::rule::{Context, Rule, RuleMeta};
use crate::rules::layout::spec::{CLOSING_MIN_LEADING_SPACES, CLOSING_MIN_LEFT_CHARS, CLOSING_MIN_LEFT_TWIPS};

declare_rule! {
    /// ## 作用
    /// 检查 .docx 中发文机关署名和成文日期是否排在右侧：段落右对齐或居中、左缩进约十个字以上，
    /// 或段首有空格，都算排在右侧；顶格排在左边则报告。表格和文本框中的文字不检查。
    ///
    /// ## 原因
    /// GB/T 9704—2012 7.3.5 规定：成文日期一般右空四字编排，发文机关署名以成文日期为准居中编排；
    /// 不加盖印章的公文，署名右空二字、日期在署名下右移二字。署名和日期顶格排在左侧不符合任何一种情形。
    ///
    /// ## 示例
    /// ```text
    /// （版式规则只对 .docx 运行：例如“平安市人民政府”“2025年5月6日”两段左对齐、无缩进）
    /// ```
    ///
    /// ## 应改为
    /// ```text
    /// （两段设为右对齐并右缩进四个字，或用空格、左缩进把它们排到右侧）
    /// ```
    ///
    /// ## 依据
    /// GB/T 9704—2012 7.3.5。
    pub static CLOSING_PLACEMENT = {
        code: "GW707",
        name: "closing-placement",
        category: Layout,
        severity: Warning,
        fix: None,
        scope: Gongwen,
        summary: "发文机关署名和成文日期排在右侧",
        source: "GB/T 9704—2012 7.3.5",
        skip_in: [Draft, Template],
    };
}

pub struct ClosingPlacement;

impl Rule for ClosingPlacement {
    fn meta(&self) -> &RuleMeta {
        &CLOSING_PLACEMENT
    }

    fn check(&self, doc: &Document, cx: &mut Context<'_>) {
        for (part, what) in [(Part::Signature, "发文机关署名"), (Part::Date, "成文日期")] {
            for p in doc.parts(part) {
                let Some(fmt) = doc.format_of(p).filter(|f| !f.in_table) else { continue };
                let aligned = fmt.alignment.as_deref().is_some_and(|a| matches!(a, "right" | "end" | "center"));
                let indented = fmt.left_twips.is_some_and(|t| t >= CLOSING_MIN_LEFT_TWIPS)
                    || fmt.left_chars.is_some_and(|c| c >= CLOSING_MIN_LEFT_CHARS);
                let line = &doc.text[p.line.start..p.line.end];
                let spaces = line.chars().take_while(|&c| crate::text::is_indent_space(c)).count();
                if aligned || indented || spaces >= CLOSING_MIN_LEADING_SPACES {
                    continue;
                }
                cx.report(p.span, format!("{what}顶格排在左侧（应排在右侧，成文日期右空四字）"))
                    .with_label(what)
                    .with_help("段落设为右对齐并右缩进四个字（或按 7.3.5 的其他情形编排）。");
            }
        }
    }
}
