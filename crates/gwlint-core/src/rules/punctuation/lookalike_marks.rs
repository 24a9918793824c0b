//! GW419 lookalike-marks: characters that look like the right mark but are another one (• or ・
//! for the 间隔号 ·, <> or a second 《》 inside 《》 for 〈〉, x or * for ×).

use crate::declare_rule;
use crate::diagnostic::{Applicability, Fix};
use crate::document::char_summary::{CharSummary, Class};
use crate::document::Document;
use crate::rule::{Context, Rule, RuleMeta};
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

/// The characters the rule reads: the lookalikes of ·, 〈〉 and ×, and 《》 (for the depth
/// inside a title). A paragraph without one is passed at once.
const READ: &str = "•・‧∙⋅《》<＜>＞xX*＊";

/// Whether `c` is one of [`READ`].
fn is_read(c: char) -> bool {
    matches!(c, '•' | '・' | '‧' | '∙' | '⋅' | '《' | '》' | '<' | '＜' | '>' | '＞' | 'x' | 'X' | '*' | '＊')
}

pub struct LookalikeMarks;

impl Rule for LookalikeMarks {
    fn meta(&self) -> &RuleMeta {
        &LOOKALIKE_MARKS
    }

    fn check(&self, doc: &Document, cx: &mut Context<'_>) {
        // The ASCII characters read (made once); the others are of two classes the summary
        // tells.
        static ASCII: std::sync::LazyLock<CharSummary> =
            std::sync::LazyLock::new(|| CharSummary::of(&READ.chars().filter(char::is_ascii).collect::<String>()));
        let ascii = *ASCII;
        for p in &doc.paragraphs {
            let summary = doc.summary(p);
            if !(summary.may_contain_any(ascii) || summary.has(Class::TitleMark) || summary.has(Class::Lookalike)) {
                continue;
            }
            let content = doc.content(p);
            // Depth inside 《》, to find marks of an inner title.
            let mut depth = 0usize;
            // The two characters before the one read.
            let (mut prev, mut prev2): (Option<char>, Option<char>) = (None, None);
            for (i, c) in content.char_indices() {
                let (before, before2) = (prev, prev2);
                (prev, prev2) = (Some(c), before);
                if !is_read(c) {
                    continue;
                }
                let prev = before;
                let after = &content[i + c.len_utf8()..];
                let next = after.chars().next();
                let at = p.span.start + i;
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
                        let left = content[..i].chars().rev().find(|ch| *ch != ' ');
                        let right = after.chars().find(|ch| *ch != ' ');
                        let digit_left = left.is_some_and(|ch| ch.is_ascii_digit());
                        let digit_right = right.is_some_and(|ch| ch.is_ascii_digit());
                        let hex = prev == Some('0') && !before2.is_some_and(|ch| ch.is_ascii_alphanumeric());
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

#[cfg(test)]
mod tests {
    use super::{is_read, READ};
    use crate::document::char_summary::{CharSummary, Class};
    use crate::document::{Document, SourceKind};
    use crate::fix::apply_fixes;
    use crate::linter::{Linter, Selection};
    use crate::registry::Registry;
    use crate::Applicability;

    fn fixed(text: &str) -> String {
        let sel = Selection { select: Some(vec!["GW419".into()]), ..Default::default() };
        let linter = Linter::new(Registry::builtin(), &sel).unwrap();
        let doc = Document::from_text("t.txt", SourceKind::Txt, text).unwrap();
        apply_fixes(&doc.text, &linter.check(&doc), Applicability::Safe).text
    }

    #[test]
    fn multiplication_signs_between_digits_only() {
        assert_eq!(fixed("规格为3 x 4米，面积2＊3\n"), "规格为3 × 4米，面积2×3\n");
        // A hexadecimal number, a word and a code are left alone.
        for text in ["代码0x1F\n", "型号3xl\n", "执行1x\n", "x3\n"] {
            assert_eq!(fixed(text), text, "{text}");
        }
        assert_eq!(fixed("编号10x3\n"), "编号10×3\n");
    }

    #[test]
    fn marks_inside_a_title_and_between_han() {
        assert_eq!(fixed("根据《关于《防汛预案》的说明》\n"), "根据《关于〈防汛预案〉的说明》\n");
        assert_eq!(fixed("《关于<安全>的通知》，a<b\n"), "《关于〈安全〉的通知》，a<b\n");
        assert_eq!(fixed("阿卜杜拉•买买提，A•B\n"), "阿卜杜拉·买买提，A•B\n");
    }

    #[test]
    fn the_characters_read_are_the_set_paragraphs_are_asked_for() {
        let read: Vec<char> = (0..0x11_0000).filter_map(char::from_u32).filter(|&c| is_read(c)).collect();
        assert_eq!(read, {
            let mut r: Vec<char> = READ.chars().collect();
            r.sort_unstable();
            r
        });
        // What the summary is asked: the ASCII ones, and the classes of the others.
        for c in READ.chars().filter(|c| !c.is_ascii()) {
            let s = CharSummary::of(&c.to_string());
            assert!(s.has(Class::TitleMark) || s.has(Class::Lookalike), "{c}");
        }
    }
}
