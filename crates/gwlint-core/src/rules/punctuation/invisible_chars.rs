//! GW414 invisible-chars: zero-width and control characters, stray ` and \.

use crate::declare_rule;
use crate::diagnostic::{Applicability, Fix};
use crate::document::char_summary::{CharSummary, Class};
use crate::document::Document;
use crate::rule::{Context, Rule, RuleMeta};
use crate::span::Span;

declare_rule! {
    /// ## 作用
    /// 检查看不见的字符和误输入的符号：零宽空格（U+200B 等）、字间的字节顺序标记（U+FEFF）、
    /// 软连字符、控制字符，以及中文正文里孤立的“`”“\”。删除不可见字符是安全修复。
    ///
    /// ## 原因
    /// 不可见字符来自网页、即时通信软件和排版软件的复制粘贴，会使检索、比对、字数统计出错，
    /// 也会使“一样”的两个词在系统里不相等。反引号和反斜杠不是中文标点。
    ///
    /// ## 示例
    /// ```text
    /// 请各单位认真贯​彻落实\。
    /// ```
    ///
    /// ## 应改为
    /// ```text
    /// 请各单位认真贯彻落实。
    /// ```
    ///
    /// ## 依据
    /// GB/T 15834—2011 第4章（标点符号的种类）；《党政机关公文处理工作条例》第二十条（四）。
    pub static INVISIBLE_CHARS = {
        code: "GW414",
        name: "invisible-chars",
        category: Punctuation,
        severity: Error,
        fix: Sometimes,
        scope: AnyText,
        summary: "不用零宽字符、控制字符和误输入的符号",
        source: "GB/T 15834—2011 第4章",
    };
}

fn invisible_name(c: char) -> Option<&'static str> {
    Some(match c {
        '\u{200B}' => "零宽空格",
        '\u{200C}' | '\u{200D}' => "零宽连接符",
        '\u{2060}' => "零宽不换行符",
        '\u{FEFF}' => "字节顺序标记",
        '\u{00AD}' => "软连字符",
        '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' => "方向控制符",
        c if c.is_control() && c != '\t' && c != '\n' && c != '\r' => "控制字符",
        _ => return None,
    })
}

/// Whether `c` may be an invisible character or a stray mark: a quick range test that passes
/// the Han characters and Chinese punctuation, which are most of a text.
fn may_be_read(c: char) -> bool {
    let u = u32::from(c);
    u <= 0xAD || (0x2000..0x2070).contains(&u) || c == '\u{FEFF}'
}

pub struct InvisibleChars;

impl Rule for InvisibleChars {
    fn meta(&self) -> &RuleMeta {
        &INVISIBLE_CHARS
    }

    fn check(&self, doc: &Document, cx: &mut Context<'_>) {
        let text = doc.text.as_str();
        // A run of marks may go on past the stretch it starts in: the next stretch starts after it.
        let mut next_start = 0;
        for stretch in stretches_to_read(doc) {
            let start = stretch.start.max(next_start);
            if start < stretch.end {
                next_start = read_stretch(text, start..stretch.end, cx);
            }
        }
    }
}

/// The stretches of the text that may hold a character the rule reports, in order: the text
/// outside the paragraphs' contents (indentation, line breaks, blank lines: short), and the
/// contents of the paragraphs whose summary may hold one (few: the others are passed unread).
fn stretches_to_read(doc: &Document) -> Vec<std::ops::Range<usize>> {
    let ascii = *REPORTED_ASCII;
    let mut stretches = Vec::new();
    let mut from = 0;
    for p in &doc.paragraphs {
        if p.span.start > from {
            stretches.push(from..p.span.start);
        }
        let summary = doc.summary(p);
        if (summary.has(Class::Invisible) || summary.may_contain_any(ascii)) && p.span.end > from {
            stretches.push(from.max(p.span.start)..p.span.end);
        }
        from = from.max(p.span.end);
    }
    if doc.text.len() > from {
        stretches.push(from..doc.text.len());
    }
    stretches
}

/// The summary of the ASCII characters the rule reports (made once, asked of every paragraph).
static REPORTED_ASCII: std::sync::LazyLock<CharSummary> =
    std::sync::LazyLock::new(|| CharSummary::of_ascii_where(is_reported_ascii));

/// Whether the rule reports the ASCII character `c` (a control character or a stray mark).
fn is_reported_ascii(c: char) -> bool {
    invisible_name(c).is_some() || is_stray_mark(c)
}

/// Reports what `range` of `text` holds; returns where the reading stopped (past `range` when a
/// run of marks goes on beyond it).
fn read_stretch(text: &str, range: std::ops::Range<usize>, cx: &mut Context<'_>) -> usize {
    let mut stopped = range.end;
    let mut chars = text[range.clone()].char_indices().map(|(i, c)| (range.start + i, c)).peekable();
    while let Some((off, c)) = chars.next() {
        if !may_be_read(c) {
            continue;
        }
        if let Some(name) = invisible_name(c) {
            let span = Span::new(off, off + c.len_utf8());
            cx.report(span, format!("文中有看不见的{name}（U+{:04X}）", c as u32))
                .with_label(name)
                .with_fix(Fix::replace("删除", Applicability::Safe, span, ""));
        } else if is_stray_mark(c) {
            // A run of marks is one finding with one fix: deleting the marks one at a time
            // would leave the next one beside the Chinese text for another pass.
            let mut end = off + c.len_utf8();
            while let Some(&(next_off, next)) = chars.peek() {
                if !is_stray_mark(next) {
                    break;
                }
                end = next_off + next.len_utf8();
                chars.next();
            }
            // A run reaching the end of the stretch goes on in the text after it.
            if end == range.end {
                end += text[end..].bytes().take_while(|&b| is_stray_mark(char::from(b))).count();
                stopped = end;
            }
            if beside_chinese(text, off, end) {
                let span = Span::new(off, end);
                let run = &text[off..end];
                let message = match run.chars().count() {
                    n if n > 3 => format!("中文正文中有误输入的符号“{}…”（连续{n}个）", &run[..3]),
                    _ => format!("中文正文中有误输入的符号“{run}”"),
                };
                cx.report(span, message).with_label("误输入").with_fix(Fix::replace(
                    "删除",
                    Applicability::Unsafe,
                    span,
                    "",
                ));
            }
        }
    }
    stopped
}

fn is_stray_mark(c: char) -> bool {
    c == '`' || c == '\\'
}

/// Whether the text just before `start` or just after `end` is Chinese, looking past the
/// characters this rule deletes (invisible ones and other stray marks), so the judgement on a
/// mark is the same before and after a fix.
fn beside_chinese(text: &str, start: usize, end: usize) -> bool {
    let chinese = |x: Option<char>| x.is_some_and(|x| crate::text::is_han(x) || crate::text::is_cjk_punct(x));
    let kept = |c: &char| invisible_name(*c).is_none() && !is_stray_mark(*c);
    let prev = text[..start].chars().rev().find(kept);
    let next = text[end..].chars().find(kept);
    chinese(prev) || chinese(next)
}

#[cfg(test)]
mod may_be_read_tests {
    use super::*;

    #[test]
    fn every_character_read_passes_the_quick_test() {
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            if invisible_name(c).is_some() || is_stray_mark(c) {
                assert!(may_be_read(c), "U+{:04X}", u32::from(c));
            }
        }
    }
}

#[cfg(test)]
mod stretch_tests {
    use super::*;
    use crate::diagnostic::Severity;
    use crate::document::SourceKind;

    /// What the rule reports in `text`, read by stretches and read whole.
    fn both_ways(
        text: &str,
        kind: SourceKind,
    ) -> (Vec<crate::diagnostic::Diagnostic>, Vec<crate::diagnostic::Diagnostic>) {
        let doc = Document::from_text("t", kind, text).unwrap();
        let (mut by_stretches, mut whole) = (Vec::new(), Vec::new());
        InvisibleChars.check(&doc, &mut Context::new(&INVISIBLE_CHARS, Severity::Error, None, &mut by_stretches));
        let mut cx = Context::new(&INVISIBLE_CHARS, Severity::Error, None, &mut whole);
        read_stretch(&doc.text, 0..doc.text.len(), &mut cx);
        (by_stretches, whole)
    }

    #[test]
    fn reading_by_stretches_finds_what_reading_the_whole_text_finds() {
        let texts = [
            "请认真贯\u{200B}彻落实\\。",
            "\u{3000}\u{3000}\u{000B}正文第一段。\n\u{200B}\n\n　　第二段``` \n```第三段",
            "标题\n\n\u{FEFF}\u{3000}\u{3000}正文\u{0085}。\t\n  \u{000C}  \n末段\\\\",
            "一段\u{00AD}\r\n二段\u{202E}反向\u{2066}。\n``\n\\`\\",
            "# 标题\n\n正文 `代码` 与\u{200D}。\n\n- 列表\u{2060}项\n",
            "\u{0001}",
            "`",
        ];
        for text in texts {
            for kind in [SourceKind::Txt, SourceKind::Md] {
                let (by_stretches, whole) = both_ways(text, kind);
                assert_eq!(by_stretches, whole, "{text:?}");
            }
        }
        let (found, _) = both_ways(texts[1], SourceKind::Txt);
        assert!(found.len() >= 3, "{found:?}");
    }
}
