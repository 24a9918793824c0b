//! GW105 title-punctuation: sentence punctuation inside or at the end of a title.

use crate::declare_rule;
use crate::diagnostic::{Applicability, Fix};
use crate::document::Document;
use crate::rule::{Context, Rule, RuleMeta};
use crate::rules::common::{chars_with_offsets, title_paragraphs};
use crate::span::Span;

declare_rule! {
    /// ## 作用
    /// 检查标题中是否使用了句号、逗号、分号、冒号、问号、叹号，以及标题末尾是否带标点。
    ///
    /// ## 原因
    /// 标题末尾一般不用标点（GB/T 15834—2011 附录 B.4）。公文标题中除书名号、引号、顿号、括号、
    /// 连接号等必要标点外，一般不用其他标点；句读标点会把标题断成句子。
    ///
    /// ## 示例
    /// ```text
    /// 平安市财政局关于做好2025年预算编制工作，加强绩效管理的通知。
    ///
    /// 各县（市、区）财政局：
    /// 　　现就有关事项通知如下。
    /// ```
    ///
    /// ## 应改为
    /// ```text
    /// 平安市财政局关于做好2025年预算编制和绩效管理工作的通知
    ///
    /// 各县（市、区）财政局：
    /// 　　现就有关事项通知如下。
    /// ```
    ///
    /// ## 依据
    /// GB/T 15834—2011 附录 B.4；GB/T 9704—2012 7.3.1。
    pub static TITLE_PUNCTUATION = {
        code: "GW105",
        name: "title-punctuation",
        category: Structure,
        severity: Warning,
        fix: Sometimes,
        scope: Gongwen,
        summary: "标题中一般不用句读标点，末尾不用标点",
        source: "GB/T 15834—2011 附录B.4；GB/T 9704—2012 7.3.1",
    };
}

const SENTENCE_MARKS: &[char] = &['。', '，', '；', '：', '？', '！', ',', ';', ':', '?', '!'];

pub struct TitlePunctuation;

impl Rule for TitlePunctuation {
    fn meta(&self) -> &RuleMeta {
        &TITLE_PUNCTUATION
    }

    fn check(&self, doc: &Document, cx: &mut Context<'_>) {
        let paras = title_paragraphs(doc);
        let Some(last) = paras.last() else { return };
        let title_end = last.span.end;
        for p in &paras {
            // Marks inside 《》 or “” belong to a quoted title and are not the title's own.
            for (i, c) in chars_with_offsets(doc, p) {
                if !SENTENCE_MARKS.contains(&c) || doc.elements.quotations.contains(i) {
                    continue;
                }
                let span = Span::new(i, i + c.len_utf8());
                if span.end == title_end {
                    cx.report(span, format!("标题末尾不用标点“{c}”")).with_label("多余的标点").with_fix(Fix::replace(
                        "删除标题末尾的标点",
                        Applicability::Safe,
                        span,
                        "",
                    ));
                } else {
                    cx.report(span, format!("标题中使用了标点“{c}”，公文标题一般不用句读标点"))
                        .with_label("标题中的标点")
                        .with_help("改写标题，用“和”“及”或顿号连接并列事项。");
                }
            }
        }
    }
}
