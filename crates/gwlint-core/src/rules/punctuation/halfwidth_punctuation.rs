//! GW401 halfwidth-punctuation: half-width , ; : ? ! ( ) . in Chinese text.

use crate::declare_rule;
use crate::diagnostic::{Applicability, Edit, Fix};
use crate::document::char_summary::CharSummary;
use crate::document::Document;
use crate::rule::{Context, Rule, RuleMeta};
use crate::rules::common::{chars_with_offsets, url_spans};
use crate::span::Span;
use crate::text::{is_cjk_punct, is_han};
use std::sync::LazyLock;

declare_rule! {
    /// ## 作用
    /// 检查中文语境中的半角标点（, ; : ? ! ( ) .），并改为对应的全角标点。
    ///
    /// ## 原因
    /// GB/T 15834—2011 规定的标点符号形式均为全角；公文标点应符合该标准（GB/T 9704—2012 第9章）。
    /// 从网页、PDF 或英文输入法录入的文字常混入半角标点。
    ///
    /// 以下情形不检查：小数和时刻（3.5、10:30）、数字分节（1,000）、网址和电子邮箱、
    /// 两侧都不是汉字的英文短语、层次序数“1.”。成对的半角括号一并改为全角。写法不规范的层次
    /// 序数（如“(一)”）由 GW304 报告和修复，本规则不重复报告。
    ///
    /// ## 示例
    /// ```text
    /// 经研究,决定如下:
    /// 一、加强领导(由分管领导牵头)
    /// ```
    ///
    /// ## 应改为
    /// ```text
    /// 经研究，决定如下：
    /// 一、加强领导（由分管领导牵头）
    /// ```
    ///
    /// ## 依据
    /// GB/T 15834—2011 第4章各标点的“形式”；GB/T 9704—2012 第9章。
    pub static HALFWIDTH_PUNCTUATION = {
        code: "GW401",
        name: "halfwidth-punctuation",
        category: Punctuation,
        severity: Error,
        fix: Always,
        scope: AnyText,
        summary: "中文语境应使用全角标点",
        source: "GB/T 15834—2011 第4章；GB/T 9704—2012 第9章",
    };
}

pub struct HalfwidthPunctuation;

/// Whether a mark [`full_width`] converts stands next to a character above ASCII. A mark is converted only in
/// Chinese context, which every test of [`in_chinese_context`] and
/// [`period_after_chinese_bracket`] reads from a neighbour above ASCII (a mark converted with its
/// pair or its run has a converted one beside such a neighbour): a paragraph without one is
/// passed unread (most of these marks in Chinese text stand between ASCII characters: 3.5,
/// 10:30, 1,000, (1)).
fn mark_beside_non_ascii(content: &str) -> bool {
    let b = content.as_bytes();
    b.iter().enumerate().any(|(i, &x)| {
        full_width(char::from(x)).is_some()
            && ((i > 0 && !b[i - 1].is_ascii()) || b.get(i + 1).is_some_and(|y| !y.is_ascii()))
    })
}

fn full_width(c: char) -> Option<(char, &'static str)> {
    Some(match c {
        ',' => ('，', "逗号"),
        ';' => ('；', "分号"),
        ':' => ('：', "冒号"),
        '?' => ('？', "问号"),
        '!' => ('！', "叹号"),
        '(' => ('（', "左括号"),
        ')' => ('）', "右括号"),
        '.' => ('。', "句号"),
        _ => return None,
    })
}

fn chinese(c: Option<char>) -> bool {
    c.is_some_and(|c| is_han(c) || is_cjk_punct(c))
}

fn han(c: Option<char>) -> bool {
    c.is_some_and(is_han)
}

/// Is the half-width mark at `i` in a Chinese context?
fn in_chinese_context(chars: &[(usize, char)], i: usize) -> bool {
    let c = chars[i].1;
    let prev = i.checked_sub(1).map(|j| chars[j].1);
    let next = chars.get(i + 1).map(|x| x.1);
    let digit = |x: Option<char>| x.is_some_and(|x| x.is_ascii_digit());
    match c {
        // A period ends a Chinese sentence only after a Han character; "1." and "3.5" stay.
        '.' => han(prev) && (next.is_none() || han(next) || next.is_some_and(char::is_whitespace)),
        // 10:30 and 1,000 are numbers.
        ':' | ',' if digit(prev) && digit(next) => false,
        '(' => chinese(prev) || han(next),
        ')' => han(prev) || chinese(next),
        _ => chinese(prev) || han(next),
    }
}

impl Rule for HalfwidthPunctuation {
    fn meta(&self) -> &RuleMeta {
        &HALFWIDTH_PUNCTUATION
    }

    fn check(&self, doc: &Document, cx: &mut Context<'_>) {
        // Every finding is a mark `full_width` converts (ASCII: the paragraph's summary tells
        // exactly).
        static MARKS: LazyLock<CharSummary> =
            LazyLock::new(|| CharSummary::of_ascii_where(|c| full_width(c).is_some()));
        // The lists of a paragraph, kept from one paragraph to the next (emptied for each).
        let (mut chars, mut flagged, mut done) = (Vec::new(), Vec::new(), Vec::new());
        let (mut partner, mut open) = (Vec::new(), Vec::new());
        for p in &doc.paragraphs {
            if !doc.summary(p).may_contain_any(*MARKS) {
                continue;
            }
            let content = doc.content(p);
            if !mark_beside_non_ascii(content) {
                continue;
            }
            chars.clear();
            chars.extend(chars_with_offsets(doc, p));
            let mut urls = url_spans(content, p.span.start);
            // A non-standard outline marker such as "(一)" is GW304's to report and fix.
            if let Some(h) = p.heading.filter(|h| h.style == crate::document::MarkerStyle::Nonstandard) {
                urls.push(h.marker);
            }
            let protected = |off: usize| urls.iter().any(|u| u.contains(off));
            flagged.clear();
            flagged.resize(chars.len(), false);
            for i in 0..chars.len() {
                let (off, c) = chars[i];
                flagged[i] = full_width(c).is_some()
                    && !protected(off)
                    && (in_chinese_context(&chars, i) || period_after_chinese_bracket(&chars, &flagged, i));
            }
            // A run of the same mark (“;;;”) is in the context its ends are in: all of it is
            // converted at once (GW409 then reports the repetition), so one fix pass suffices.
            let runs = |c: char| matches!(c, ',' | ';' | ':' | '?' | '!' | '(' | ')');
            for i in 1..chars.len() {
                if !flagged[i] && flagged[i - 1] && chars[i].1 == chars[i - 1].1 && runs(chars[i].1) {
                    flagged[i] = !protected(chars[i].0);
                }
            }
            for i in (0..chars.len().saturating_sub(1)).rev() {
                if !flagged[i] && flagged[i + 1] && chars[i].1 == chars[i + 1].1 && runs(chars[i].1) {
                    flagged[i] = !protected(chars[i].0);
                }
            }
            match_parens(&chars, &mut partner, &mut open);
            done.clear();
            done.resize(chars.len(), false);
            for i in 0..chars.len() {
                let (off, c) = chars[i];
                let Some((fw, name)) = full_width(c) else {
                    continue;
                };
                // A bracket pair is converted together, so the fix never leaves "（2025)".
                let pair = partner[i].filter(|&j| flagged[i] || flagged[j]);
                if done[i] || !(flagged[i] || pair.is_some()) {
                    continue;
                }
                done[i] = true;
                let span = Span::new(off, off + 1);
                let mut edits = vec![Edit::replace(span, fw.to_string())];
                let d = cx.report(span, format!("中文语境中使用了半角{name}“{c}”，应使用全角“{fw}”"));
                d.with_label(format!("应为“{fw}”"));
                if let Some(j) = pair {
                    done[j] = true;
                    let (joff, jc) = chars[j];
                    let (jfw, _) = full_width(jc).expect("bracket");
                    let jspan = Span::new(joff, joff + 1);
                    edits.push(Edit::replace(jspan, jfw.to_string()));
                    d.with_secondary(jspan, format!("与之配对的“{jc}”也应为“{jfw}”"));
                }
                d.with_fix(Fix::new(format!("改为全角“{fw}”"), Applicability::Safe, edits));
            }
        }
    }
}

/// "（共2156家）." or "……(共2156家)." : a period closing a Chinese sentence after a bracket or quote.
fn period_after_chinese_bracket(chars: &[(usize, char)], flagged: &[bool], i: usize) -> bool {
    let Some(j) = i.checked_sub(1) else {
        return false;
    };
    let prev = chars[j].1;
    let next = chars.get(i + 1).map(|x| x.1);
    chars[i].1 == '.'
        && (matches!(prev, '）' | '”' | '》' | '’') || (prev == ')' && flagged[j]))
        && (next.is_none() || han(next) || next.is_some_and(char::is_whitespace))
}

/// For each '(' its matching ')' (and vice versa), within one paragraph, in `partner` (emptied
/// first, as is `open`, the places of the '(' not yet closed: both lists serve every paragraph).
fn match_parens(chars: &[(usize, char)], partner: &mut Vec<Option<usize>>, open: &mut Vec<usize>) {
    partner.clear();
    partner.resize(chars.len(), None);
    open.clear();
    for (i, &(_, c)) in chars.iter().enumerate() {
        match c {
            '(' => open.push(i),
            ')' => {
                if let Some(j) = open.pop() {
                    partner[i] = Some(j);
                    partner[j] = Some(i);
                }
            }
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::document::{Document, SourceKind};
    use crate::fix::apply_fixes;
    use crate::linter::{Linter, Selection};
    use crate::registry::Registry;
    use crate::Applicability;

    fn fixed(text: &str) -> (usize, String) {
        let sel = Selection { select: Some(vec!["GW401".into()]), ..Default::default() };
        let linter = Linter::new(Registry::builtin(), &sel).unwrap();
        let doc = Document::from_text("t.txt", SourceKind::Txt, text).unwrap();
        let d = linter.check(&doc);
        (d.len(), apply_fixes(&doc.text, &d, Applicability::Safe).text)
    }

    #[test]
    fn converts_marks_in_chinese_text() {
        assert_eq!(fixed("经研究,决定如下:\n"), (2, "经研究，决定如下：\n".into()));
        assert_eq!(fixed("是否同意?请批示!\n"), (2, "是否同意？请批示！\n".into()));
        assert_eq!(fixed("平政办发(2025)7号\n"), (1, "平政办发（2025）7号\n".into()));
        assert_eq!(fixed("全部完成.\n"), (1, "全部完成。\n".into()));
        assert_eq!(fixed("开展整治(共排查企业2156家).\n"), (2, "开展整治（共排查企业2156家）。\n".into()));
        assert_eq!(fixed("满山遍野的;;;;荒坡\n"), (4, "满山遍野的；；；；荒坡\n".into()));
        assert_eq!(fixed("荒坡((((\n"), (4, "荒坡（（（（\n".into()));
    }

    #[test]
    fn leaves_numbers_urls_and_english_alone() {
        for t in [
            "会议于10:30开始，投资3.5亿元，共1,000人。\n",
            "详见http://www.gov.cn/zhengce/a.htm?id=1,2。\n",
            "1.坚持安全第一\n",
            "引用英文 Hello, world! 作为示例。\n",
            "联系邮箱：ban@example.gov.cn。\n",
        ] {
            assert_eq!(fixed(t).0, 0, "{t}");
        }
    }

    #[test]
    fn every_paragraph_with_a_finding_has_a_mark_beside_a_character_above_ascii() {
        let texts = [
            "会议于2025年3月15日召开,请各单位参加.",
            "（共2156家）.",
            "……(共2156家).",
            "经研究;;;决定如下:",
            "abc(中文)def",
            "详见(2025)第3号文件",
            "请于10:30前报送1,000份,谢谢!",
            "他说?对!",
            "第3.5节(a)规定 (一)",
            "http://example.cn/a,b 中文",
        ];
        let sel = Selection { select: Some(vec!["GW401".into()]), ..Default::default() };
        let linter = Linter::new(Registry::builtin(), &sel).unwrap();
        let mut found = 0;
        for text in texts {
            let doc = Document::from_text("t.txt", SourceKind::Txt, text).unwrap();
            for d in linter.check(&doc) {
                let p = doc.paragraphs.iter().find(|p| p.span.contains(d.span.start)).unwrap();
                assert!(super::mark_beside_non_ascii(doc.content(p)), "{text}");
                found += 1;
            }
        }
        assert!(found >= 10, "{found}");
        assert!(!super::mark_beside_non_ascii("共3.5万，10:30，1,000份，第 (1) 项"));
        assert!(super::mark_beside_non_ascii("见(1)"));
    }
}
