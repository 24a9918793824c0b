//! GW402 paired-marks: “” ‘’ （） 《》 〈〉 【】 open and close in order.

use crate::declare_rule;
use crate::document::char_summary::{CharSummary, Class};
use crate::document::elements::QuoteKind;
use crate::document::{Document, Part};
use crate::rule::{Context, Rule, RuleMeta};
use crate::span::Span;
use std::sync::LazyLock;

declare_rule! {
    /// ## 作用
    /// 检查成对的标号是否配对、是否正确嵌套：引号“”‘’、括号（）〔〕【】、书名号《》〈〉。报告
    /// 缺少另一半的那个标号，而不是整行。
    ///
    /// 引号按全文配对：一段引文跨几个自然段（每段开头用前引号、只在最后一段末尾用后引号，或只在
    /// 首尾各用一次）不报告。括号、书名号按段配对，但跨行的标题、没写完一句就换行的段落合起来算。
    ///
    /// ## 原因
    /// GB/T 15834—2011 4.8、4.9、4.15 规定引号、括号、书名号成对使用。漏掉一半，读者分不清引文、
    /// 注释或书名到哪里结束。
    ///
    /// ## 示例
    /// ```text
    /// 排查中发现部分学校消防设施老化（主要集中在农村学校，已督促整改。
    /// 我们将继续做好“护校安园工作，确保师生安全。
    /// ```
    ///
    /// ## 应改为
    /// ```text
    /// 排查中发现部分学校消防设施老化（主要集中在农村学校），已督促整改。
    /// 我们将继续做好“护校安园”工作，确保师生安全。
    /// ```
    ///
    /// ## 依据
    /// GB/T 15834—2011 4.8、4.9、4.15。
    pub static PAIRED_MARKS = {
        code: "GW402",
        name: "paired-marks",
        category: Punctuation,
        severity: Error,
        fix: None,
        scope: AnyText,
        summary: "引号、括号、书名号应成对使用",
        source: "GB/T 15834—2011 4.8、4.9、4.15",
    };
}

const BRACKETS: &[(char, char, &str)] = &[
    ('（', '）', "括号"),
    ('《', '》', "书名号"),
    ('〈', '〉', "书名号"),
    ('【', '】', "方头括号"),
    ('〔', '〕', "六角括号"),
];

/// Whether `c` is one of [`BRACKETS`] (a `match`: asked of every character).
fn is_bracket(c: char) -> bool {
    matches!(c, '（' | '）' | '《' | '》' | '〈' | '〉' | '【' | '】' | '〔' | '〕')
}

/// The brackets of `text` with their offsets. Every one is a character of the CJK symbols block
/// (U+3008–U+3015, first byte E3) or of the full-width forms (U+FF08, U+FF09, first byte EF),
/// found without decoding the ideographs between them.
/// The summary of the brackets other than the title marks (which a summary tells exactly).
static BRACKETS_SUMMARY: LazyLock<CharSummary> = LazyLock::new(|| CharSummary::of("（）【】〔〕"));

fn brackets(text: &str) -> impl Iterator<Item = (usize, char)> + '_ {
    crate::text::chars_beginning_with(text, 0xE3, 0xEF).filter(|&(_, c)| is_bracket(c))
}

pub struct PairedMarks;

impl Rule for PairedMarks {
    fn meta(&self) -> &RuleMeta {
        &PAIRED_MARKS
    }

    fn check(&self, doc: &Document, cx: &mut Context<'_>) {
        // Each paragraph's brackets, read once for the units and the pairing (a paragraph
        // whose summary holds none is not read).
        let marks = Marks::of(doc);
        // Brackets pair within a unit: a paragraph, or lines that belong together (a title over
        // several lines, a line broken before the end of its sentence).
        let mut stack = Vec::new();
        for unit in units(doc, &marks) {
            scan(cx, marks.in_paragraphs(unit), BRACKETS, &mut stack);
        }
        // Quotations may run over several paragraphs, with or without the open-quote convention;
        // the structure pass has paired them (`Document::elements.quotations`).
        let quotes = &doc.elements.quotations;
        for q in quotes.all.iter().filter(|q| q.kind != QuoteKind::Book && q.close.is_none()) {
            let (open, close) = q.kind.marks();
            cx.report(q.open, format!("“{open}”缺少与之配对的“{close}”"))
                .with_label(format!("未闭合的{}", name(q.kind)));
        }
        for &(kind, at) in quotes.stray_closes.iter().filter(|(k, _)| *k != QuoteKind::Book) {
            let (open, close) = kind.marks();
            let n = name(kind);
            cx.report(at, format!("“{close}”缺少与之配对的“{open}”")).with_label(format!("多余的后{n}或缺少前{n}"));
        }
    }
}

fn name(kind: QuoteKind) -> &'static str {
    match kind {
        QuoteKind::Double => "引号",
        QuoteKind::Single => "单引号",
        QuoteKind::Book => "书名号",
    }
}

/// The brackets of every paragraph of a document with their offsets, in one list: a
/// paragraph's are `all[at[i]..at[i + 1]]` (a list for each paragraph was a dozen allocations a
/// document).
struct Marks {
    all: Vec<(usize, char)>,
    at: Vec<usize>,
}

impl Marks {
    /// The brackets of `doc`'s paragraphs (a paragraph whose summary holds none is not read).
    fn of(doc: &Document) -> Marks {
        let mut marks = Marks { all: Vec::new(), at: Vec::with_capacity(doc.paragraphs.len() + 1) };
        for p in &doc.paragraphs {
            marks.at.push(marks.all.len());
            let summary = doc.summary(p);
            if summary.has(Class::TitleMark) || summary.may_contain_any(*BRACKETS_SUMMARY) {
                marks.all.extend(brackets(doc.content(p)).map(|(i, c)| (p.span.start + i, c)));
            }
        }
        marks.at.push(marks.all.len());
        marks
    }

    /// The brackets of the paragraphs `paragraphs` (by index), in order.
    fn in_paragraphs(&self, paragraphs: std::ops::Range<usize>) -> &[(usize, char)] {
        &self.all[self.at[paragraphs.start]..self.at[paragraphs.end]]
    }
}

/// Report every mark of `pairs` in `chars` that has no partner; `stack` is emptied first (one
/// list serves every unit of a document).
fn scan(
    cx: &mut Context<'_>,
    chars: &[(usize, char)],
    pairs: &[(char, char, &'static str)],
    stack: &mut Vec<(char, usize)>,
) {
    stack.clear();
    for &(off, c) in chars {
        let at = Span::new(off, off + c.len_utf8());
        if let Some(&(_, _, _)) = pairs.iter().find(|(o, _, _)| *o == c) {
            stack.push((c, off));
            continue;
        }
        let Some(&(open, _, name)) = pairs.iter().find(|(_, cl, _)| *cl == c) else { continue };
        match stack.iter().rposition(|(o, _)| *o == open) {
            Some(k) => {
                // Marks opened inside and never closed are the unpaired ones.
                for &(inner, inner_off) in &stack[k + 1..] {
                    report_unclosed(cx, pairs, inner, inner_off);
                }
                stack.truncate(k);
            }
            None => {
                cx.report(at, format!("“{c}”缺少与之配对的“{open}”"))
                    .with_label(format!("多余的后{name}或缺少前{name}"));
            }
        }
    }
    for (c, off) in stack.drain(..) {
        report_unclosed(cx, pairs, c, off);
    }
}

fn report_unclosed(cx: &mut Context<'_>, pairs: &[(char, char, &'static str)], c: char, off: usize) {
    let Some(&(_, close, name)) = pairs.iter().find(|(o, _, _)| *o == c) else { return };
    let span = Span::new(off, off + c.len_utf8());
    cx.report(span, format!("“{c}”缺少与之配对的“{close}”")).with_label(format!("未闭合的{name}"));
}

/// Paragraphs grouped into units that brackets may span, as ranges of paragraph indices:
/// consecutive title (or 题注) lines, and a paragraph whose sentence runs on (it does not end with
/// a sentence mark) with the next one.
fn units(doc: &Document, marks: &Marks) -> Vec<std::ops::Range<usize>> {
    let mut out: Vec<std::ops::Range<usize>> = Vec::new();
    let mut joins_next = false;
    for p in &doc.paragraphs {
        match out.last_mut() {
            Some(unit) if joins_next => unit.end = p.index + 1,
            _ => out.push(p.index..p.index + 1),
        }
        let content = doc.content(p);
        let same_part_next = doc.paragraphs.get(p.index + 1).is_some_and(|n| n.part == p.part);
        let multi_line_title = matches!(p.part, Part::Title | Part::TitleNote) && same_part_next;
        // More brackets opened than closed (〈〉 aside), counted in one pass.
        let depth: isize = marks
            .in_paragraphs(p.index..p.index + 1)
            .iter()
            .map(|&(_, c)| match c {
                '（' | '《' | '〔' | '【' => 1,
                '）' | '》' | '〕' | '】' => -1,
                _ => 0,
            })
            .sum();
        let open_bracket = depth > 0;
        joins_next =
            multi_line_title || (open_bracket && same_part_next && !content.ends_with(['。', '！', '？', '；', '：']));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn is_bracket_is_the_marks_of_the_pairs() {
        let marks: String = BRACKETS.iter().flat_map(|&(o, c, _)| [o, c]).collect();
        for c in marks.chars().chain("（）()“”‘’[]{}〖〗，。的".chars()) {
            assert_eq!(is_bracket(c), marks.contains(c), "{c}");
        }
        // Every bracket starts with one of the two bytes the search looks for.
        for c in (0..0x11_0000).filter_map(char::from_u32).filter(|&c| is_bracket(c)) {
            assert!(matches!(c.to_string().as_bytes()[0], 0xE3 | 0xEF), "{c}");
            // And a paragraph holding it is read: its summary tells it.
            let summary = CharSummary::of(&c.to_string());
            assert!(summary.has(Class::TitleMark) || summary.may_contain_any(*BRACKETS_SUMMARY), "{c}");
        }
        let text = "关于《（试行）》〔2025〕【注】〈一〉ab，。的）";
        let want: Vec<(usize, char)> = text.char_indices().filter(|&(_, c)| is_bracket(c)).collect();
        assert_eq!(brackets(text).collect::<Vec<_>>(), want);
        assert_eq!(want.len(), 11);
    }
}
