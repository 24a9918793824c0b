//! GW419 lookalike-marks: characters that look like the right mark but are another one (• or ・
//! for the 间隔号 ·, <> or a second 《》 inside 《》 for 〈〉, x or * for ×).

use crate::declare_rule;
use crate::diagnostic::{Applicability, Fix};
use crate::document::Document;
use crate::rule::{Context, Rule, RuleMeta};
use crate::rules::common::chars_with_offsets;
use crate::span::Span;
use crate::text::is_han;

declare_rule! {
    /// ## 作用
    /// 检查外形相近、实为其他字符的符号：
    /// - 间隔号写成“•”（U+2022）、“・”（U+30FB）、“‧”“∙”“⋅”，应为“·”（两个汉字之间，如外国人名、
    ///   “一二·九”）；
    /// - 书名号内再用书名号时，里层写成“<>”“＜＞”或“《》”，应为单书名号“〈〉”；
    /// - 两个数字之间的乘号写成字母“x”“X”或“*”，应为“×”（“3×4米”）；“0x1F”这类十六进制数不算。
    ///
    /// 改为正确的符号是安全修复。
    ///
    /// ## 原因
    /// GB/T 15834—2011 规定了间隔号和书名号的形式（4.15、4.14.3.2）；这些相近字符来自输入法和
    /// 网页，排版、检索和转换时会出错。
    ///
    /// ## 示例
    /// ```text
    /// 根据《关于<加强安全生产>的通知》，阿卜杜拉•买买提同志负责，展板规格为3x4米。
    /// ```
    ///
    /// ## 应改为
    /// ```text
    /// 根据《关于〈加强安全生产〉的通知》，阿卜杜拉·买买提同志负责，展板规格为3×4米。
    /// ```
    ///
    /// ## 依据
    /// GB/T 15834—2011 4.14.3.2、4.15；GB/T 15835—2011。
    pub static LOOKALIKE_MARKS = {
        code: "GW419",
        name: "lookalike-marks",
        category: Punctuation,
        severity: Error,
        fix: Always,
        scope: AnyText,
        summary: "不用外形相近的其他字符（•、・代间隔号，<>代〈〉，x代×）",
        source: "GB/T 15834—2011 4.14.3.2、4.15",
    };
}

pub struct LookalikeMarks;

impl Rule for LookalikeMarks {
    fn meta(&self) -> &RuleMeta {
        &LOOKALIKE_MARKS
    }

    fn check(&self, doc: &Document, cx: &mut Context<'_>) {
        for p in &doc.paragraphs {
            let chars: Vec<(usize, char)> = chars_with_offsets(doc, p).collect();
            // Depth inside 《》, to find marks of an inner title.
            let mut depth = 0usize;
            for (i, &(at, c)) in chars.iter().enumerate() {
                let prev = i.checked_sub(1).map(|j| chars[j].1);
                let next = chars.get(i + 1).map(|x| x.1);
                let span = Span::new(at, at + c.len_utf8());
                let mut report = |what: String, right: &str| {
                    cx.report(span, what).with_label(format!("应为“{right}”")).with_fix(Fix::replace(
                        format!("改为“{right}”"),
                        Applicability::Safe,
                        span,
                        right,
                    ));
                };
                match c {
                    '•' | '・' | '‧' | '∙' | '⋅' if prev.is_some_and(is_han) && next.is_some_and(is_han) => {
                        report(format!("间隔号应为“·”，不用“{c}”"), "·");
                    }
                    '《' => {
                        if depth > 0 {
                            report("书名号内的书名号应为单书名号“〈”".into(), "〈");
                        }
                        depth += 1;
                    }
                    '》' => {
                        depth = depth.saturating_sub(1);
                        if depth > 0 {
                            report("书名号内的书名号应为单书名号“〉”".into(), "〉");
                        }
                    }
                    '<' | '＜' if depth > 0 => report(format!("书名号内的书名号应为单书名号“〈”，不用“{c}”"), "〈"),
                    '>' | '＞' if depth > 0 => report(format!("书名号内的书名号应为单书名号“〉”，不用“{c}”"), "〉"),
                    'x' | 'X' | '*' | '＊' => {
                        // A digit on each side, spaces allowed; not 0x1F.
                        let left = chars[..i].iter().rev().map(|x| x.1).find(|ch| *ch != ' ');
                        let right = chars[i + 1..].iter().map(|x| x.1).find(|ch| *ch != ' ');
                        let digit_left = left.is_some_and(|ch| ch.is_ascii_digit());
                        let digit_right = right.is_some_and(|ch| ch.is_ascii_digit());
                        let hex = prev == Some('0')
                            && !chars[..i.saturating_sub(1)].last().is_some_and(|x| x.1.is_ascii_alphanumeric());
                        let in_word = prev.is_some_and(|ch| ch.is_ascii_alphabetic())
                            || next.is_some_and(|ch| ch.is_ascii_alphabetic());
                        if digit_left && digit_right && !hex && !in_word {
                            report(format!("乘号应为“×”，不用“{c}”"), "×");
                        }
                    }
                    _ => {}
                }
            }
        }
    }
}
