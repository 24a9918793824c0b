//! GW417 mixed-line-endings: a text file uses one kind of line break.

use crate::declare_rule;
use crate::document::{Document, SourceKind};
use crate::rule::{Context, Rule, RuleMeta};
use crate::span::Span;

declare_rule! {
    /// ## 作用
    /// 检查纯文本和 Markdown 文件是否混用了 Windows（CRLF）和 Unix（LF）两种换行符。混用多因
    /// 在不同系统的编辑器之间复制粘贴，会让比对和排版工具把一段当成两段。gwlint 修复其他问题时
    /// 保持每一行原有的换行符，不会替你统一。
    ///
    /// ## 原因
    /// 公文文字稿在多人、多系统之间流转，统一的换行符是文档流水线可靠处理的前提。
    ///
    /// ## 示例
    /// ```text
    /// （无法用文本示例展示：换行符不可见）
    /// ```
    ///
    /// ## 应改为
    /// ```text
    /// （在编辑器中统一换行符后保存）
    /// ```
    ///
    /// ## 依据
    /// gwlint 文档流水线约定。
    pub static MIXED_LINE_ENDINGS = {
        code: "GW417",
        name: "mixed-line-endings",
        category: Punctuation,
        severity: Info,
        fix: None,
        scope: AnyText,
        summary: "同一文件不混用 CRLF 和 LF 换行符",
        source: "gwlint 文档流水线约定",
    };
}

pub struct MixedLineEndings;

impl Rule for MixedLineEndings {
    fn meta(&self) -> &RuleMeta {
        &MIXED_LINE_ENDINGS
    }

    fn check(&self, doc: &Document, cx: &mut Context<'_>) {
        if doc.kind == SourceKind::Docx {
            return;
        }
        // Most files hold no carriage return at all: one byte search tells.
        let bytes = doc.source.as_bytes();
        if memchr::memchr(b'\r', bytes).is_none() {
            return;
        }
        let crlf = memchr::memmem::find_iter(bytes, b"\r\n").count();
        let lf = memchr::memchr_iter(b'\n', bytes).count() - crlf;
        if crlf == 0 || lf == 0 {
            return;
        }
        cx.report(Span::empty(0), format!("文件混用了两种换行符：{crlf} 行 CRLF（Windows），{lf} 行 LF（Unix）"))
            .with_label("换行符不统一");
    }
}
