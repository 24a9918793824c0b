//! GW706 page-number: a page number "— 1 —" in the footer.

use crate::declare_rule;
use crate::document::Document;
use crate::rule::{Context, Rule, RuleMeta};
use crate::span::Span;

declare_rule! {
    /// ## 作用
    /// 检查 .docx 是否在页脚设置了页码，页码是否写作“— 1 —”（数字左右各一条一字线）。
    ///
    /// ## 原因
    /// GB/T 9704—2012 7.5 规定：页码一般用4号半角宋体阿拉伯数字，编排在公文版心下边缘之下，数字
    /// 左右各放一条一字线；单页码居右空一字，双页码居左空一字。标准用“一般”，不少单位的非正式
    /// 文稿页码居中，所以本规则只作提示。
    ///
    /// ## 示例
    /// ```text
    /// （版式规则只对 .docx 运行：例如页脚没有页码，或页码写作“第1页”）
    /// ```
    ///
    /// ## 应改为
    /// ```text
    /// （页脚插入页码，写作“— 1 —”）
    /// ```
    ///
    /// ## 依据
    /// GB/T 9704—2012 7.5。
    pub static PAGE_NUMBER = {
        code: "GW706",
        name: "page-number",
        category: Layout,
        severity: Info,
        fix: None,
        scope: Gongwen,
        summary: "页脚页码写作“— 1 —”",
        source: "GB/T 9704—2012 7.5",
        skip_in: [Draft, Template],
    };
}

pub struct PageNumber;

impl Rule for PageNumber {
    fn meta(&self) -> &RuleMeta {
        &PAGE_NUMBER
    }

    fn check(&self, doc: &Document, cx: &mut Context<'_>) {
        let Some(format) = doc.format.as_ref() else { return };
        let at = doc.paragraphs.first().map_or(Span::empty(0), |p| p.span);
        match format.footer.as_ref().filter(|f| f.page_field) {
            None => {
                cx.report(at, "页脚没有设置页码").with_label("页码").with_help("在页脚插入页码，写作“— 1 —”。");
            }
            Some(f) => {
                let t: String = f.text.chars().filter(|c| !c.is_whitespace()).collect();
                let dashed =
                    t.starts_with('—') && t.ends_with('—') && t.trim_matches('—').chars().all(|c| c.is_ascii_digit());
                if !dashed {
                    cx.report(at, format!("页码写作“{}”，应写作“— 1 —”", f.text.trim())).with_label("页码格式");
                }
            }
        }
    }
}
