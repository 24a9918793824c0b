//! GW700 docx-read-note: a .docx could only be read as plain text.

use crate::declare_rule;
use crate::document::Document;
use crate::rule::{Context, Rule, RuleMeta};
use crate::span::Span;

declare_rule! {
    /// ## 作用
    /// 当 .docx 文件能通过结构检查、但排版信息无法完整解析时（如某个属性值写错），gwlint 改用纯文本
    /// 方式提取文字，文字类规则照常检查，版式规则（GW701 起）不运行。本规则提示这一情况。
    ///
    /// ## 原因
    /// 检查结果应当完整说明检查了什么、没检查什么：少了版式检查而不提示，用户会以为版式没有问题。
    ///
    /// ## 示例
    /// ```text
    /// （无法用文本示例展示：只在读取 .docx 时出现）
    /// ```
    ///
    /// ## 应改为
    /// ```text
    /// （在 Word 或 WPS 中打开后重新保存，通常即可完整解析）
    /// ```
    ///
    /// ## 依据
    /// gwlint 的读取说明（rust-stack.md §2.1.4）。
    pub static DOCX_READ_NOTE = {
        code: "GW700",
        name: "docx-read-note",
        category: Layout,
        severity: Info,
        fix: None,
        scope: AnyText,
        summary: "无法完整解析 .docx 时的提示（版式规则未运行）",
        source: "gwlint 读取说明",
        skip_in: [Draft, Template],
    };
}

pub struct DocxReadNote;

impl Rule for DocxReadNote {
    fn meta(&self) -> &RuleMeta {
        &DOCX_READ_NOTE
    }

    fn check(&self, doc: &Document, cx: &mut Context<'_>) {
        for note in &doc.notes {
            cx.report(Span::empty(0), note.clone()).with_label("仅检查了文字");
        }
    }
}
