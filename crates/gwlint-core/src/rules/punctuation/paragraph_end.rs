//! GW410 paragraph-end: a paragraph does not end with a comma or 顿号.

use crate::declare_rule;
use crate::document::{Document, Part};
use crate::rule::{Context, Rule, RuleMeta};
use crate::span::Span;

declare_rule! {
    /// ## 作用
    /// 检查正文段落是否以逗号、顿号结尾。逗号、顿号表示句内停顿，段落末尾应是句号、问号、叹号
    /// （或引出下文的冒号、分项列举的分号）。常见原因是句子被硬回车断成了两段，或删改后遗留。
    ///
    /// ## 原因
    /// GB/T 15834—2011 4.1、4.4、4.5 规定逗号、顿号用于句内停顿。
    ///
    /// ## 示例
    /// ```text
    /// 平安市人民政府办公室关于做好防汛工作的通知
    ///
    /// 各县（市、区）人民政府：
    /// 　　各地要加强监测预警，
    /// 　　及时发布预警信息。
    /// ```
    ///
    /// ## 应改为
    /// ```text
    /// 平安市人民政府办公室关于做好防汛工作的通知
    ///
    /// 各县（市、区）人民政府：
    /// 　　各地要加强监测预警，及时发布预警信息。
    /// ```
    ///
    /// ## 依据
    /// GB/T 15834—2011 4.1、4.4、4.5。
    pub static PARAGRAPH_END = {
        code: "GW410",
        name: "paragraph-end",
        category: Punctuation,
        severity: Warning,
        fix: None,
        scope: AnyText,
        summary: "段落末尾不用逗号、顿号",
        source: "GB/T 15834—2011 4.1、4.4、4.5",
    };
}

pub struct ParagraphEnd;

impl Rule for ParagraphEnd {
    fn meta(&self) -> &RuleMeta {
        &PARAGRAPH_END
    }

    fn check(&self, doc: &Document, cx: &mut Context<'_>) {
        for p in doc.parts(Part::Body) {
            let c = doc.content(p);
            let Some(last) = c.chars().last().filter(|l| matches!(l, '，' | '、' | ',')) else { continue };
            let span = Span::new(p.span.end - last.len_utf8(), p.span.end);
            cx.report(span, format!("段落以“{last}”结尾"))
                .with_label("段末的逗号")
                .with_help("核对是否误按了回车把一句话断成两段。");
        }
    }
}
