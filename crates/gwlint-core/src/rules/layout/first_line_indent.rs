//! GW705 first-line-indent: 正文 paragraphs start two characters in.

use crate::declare_rule;
use crate::document::{Document, Part};
use crate::rule::{Context, Rule, RuleMeta};
use crate::rules::layout::spec::{INDENT_CHARS, INDENT_TWIPS};
use crate::span::Span;

declare_rule! {
    /// ## 作用
    /// 检查 .docx 正文段落是否首行缩进两个字（缩进2字符，或三号字下约 640 缇 / 11.3 mm；段首用两个
    /// 全角空格缩进也算）。连续多段都没有缩进时只报告一次。表格中的文字不检查。
    ///
    /// ## 原因
    /// GB/T 9704—2012 7.3.3 规定正文每个自然段左空二字，回行顶格；层次标题同样左空二字。
    ///
    /// ## 示例
    /// ```text
    /// （版式规则只对 .docx 运行：例如正文段落首行没有缩进）
    /// ```
    ///
    /// ## 应改为
    /// ```text
    /// （段落格式：特殊缩进“首行缩进”2字符）
    /// ```
    ///
    /// ## 依据
    /// GB/T 9704—2012 7.3.3。
    pub static FIRST_LINE_INDENT = {
        code: "GW705",
        name: "first-line-indent",
        category: Layout,
        severity: Warning,
        fix: None,
        scope: Gongwen,
        summary: "正文段落首行缩进两个字",
        source: "GB/T 9704—2012 7.3.3",
        skip_in: [Draft, Template],
    };
}

pub struct FirstLineIndent;

impl Rule for FirstLineIndent {
    fn meta(&self) -> &RuleMeta {
        &FIRST_LINE_INDENT
    }

    fn check(&self, doc: &Document, cx: &mut Context<'_>) {
        let mut pending: Option<(Span, usize)> = None;
        for p in doc.parts(Part::Body) {
            let Some(fmt) = doc.format_of(p).filter(|f| !f.in_table) else { continue };
            let indented = fmt.first_line_chars.is_some_and(|c| INDENT_CHARS.contains(&c))
                || fmt.first_line_twips.is_some_and(|t| INDENT_TWIPS.contains(&t))
                || doc.text[p.line.start..].starts_with("\u{3000}\u{3000}");
            if indented {
                flush(cx, pending.take());
                continue;
            }
            pending = match pending {
                Some((span, n))
                    if doc.paragraphs.get(p.index.wrapping_sub(1)).is_some_and(|q| q.span.end == span.end) =>
                {
                    Some((Span::new(span.start, p.span.end), n + 1))
                }
                other => {
                    flush(cx, other);
                    Some((p.span, 1))
                }
            };
        }
        flush(cx, pending);
    }
}

fn flush(cx: &mut Context<'_>, pending: Option<(Span, usize)>) {
    if let Some((span, n)) = pending {
        let message = if n == 1 {
            "正文段落首行未缩进两个字".to_string()
        } else {
            format!("连续{n}个正文段落首行未缩进两个字")
        };
        cx.report(span, message).with_label("首行缩进").with_help("段落格式设为“首行缩进 2 字符”。");
    }
}
