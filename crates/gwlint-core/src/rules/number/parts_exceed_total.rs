//! GW509 parts-exceed-total: the parts listed under 其中 add up to more than the stated total.

use regex::Regex;
use std::sync::LazyLock;

use crate::declare_rule;
use crate::document::Document;
use crate::quantity::{amounts, Amount};
use crate::rule::{Context, Rule, RuleMeta};
use crate::rules::common::Needle;
use crate::span::Span;
use crate::text::is_han;

declare_rule! {
    /// ## 作用
    /// 检查“共／合计／总计……，其中……”中各分项之和是否超过总数（同一计量单位，“万”“亿”折算后
    /// 比较）。只比较互不重叠的分项：名称有共同的类别字（省级、市级、县级；农用地、建设用地）或用
    /// “分别为”列出的；“其中党员60人、女性50人”这类可以交叉的属性不比较。括号内的细项（“含耕地
    /// ……”）和“增加”“减少”“同比”后的变化量不算分项。分项之和少于总数不报告（“其中”可以只列一部分）。
    ///
    /// ## 原因
    /// 数字前后矛盾是公文审核的重点：分项超过总数，必有一个数字错了。
    ///
    /// ## 示例
    /// ```text
    /// 全市共建成服务站120个，其中省级示范站30个、市级示范站50个、县级示范站60个。
    /// ```
    ///
    /// ## 应改为
    /// ```text
    /// 全市共建成服务站140个，其中省级示范站30个、市级示范站50个、县级示范站60个。
    /// ```
    ///
    /// ## 依据
    /// 《党政机关公文处理工作条例》第二十条（四）（内容准确）。
    pub static PARTS_EXCEED_TOTAL = {
        code: "GW509",
        name: "parts-exceed-total",
        category: Number,
        severity: Warning,
        fix: None,
        scope: AnyText,
        summary: "“其中”所列分项之和不应超过总数",
        source: "《党政机关公文处理工作条例》第二十条（四）",
    };
}

/// A total: 共, 合计, 总计, 累计, 总数 and a few words (共建成服务站) before the amount — not 公共,
/// 共享, 共同 and other words that only contain 共.
static TOTAL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:^|[^公])(?:共(?:[^享同性识产青和，。；、：][^，。；、：]{0,9})?|(?:合计|总计|累计|总数|总量)[^，。；、：]{0,9})$").unwrap()
});
/// Words right before an amount that make it a change or a comparison, not a part.
static CHANGE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?:增|减|降|升|提高|超|比|较|多|少|同比|环比|约|近|第|每)[了出达到为]?$").unwrap());

pub struct PartsExceedTotal;

/// The label of a part: the Han characters between the previous separator and the amount, less
/// a verb before the number (省级示范站 in “省级示范站30个”).
fn label(text: &str, end: usize) -> String {
    let before = &text[..end];
    let start = before
        .rfind(['、', '，', '；', '：', '。'])
        .map_or(0, |i| i + before[i..].chars().next().map_or(1, char::len_utf8));
    let start = before[start..].rfind("其中").map_or(start, |i| start + i + "其中".len());
    let l: String = before[start..].chars().filter(|&c| is_han(c)).collect();
    l.trim_end_matches(['有', '为', '达', '是', '计']).to_string()
}

/// Whether the labels name parts that cannot overlap: all share a last character (省级/市级,
/// 农用地/建设用地), or the list says 分别.
fn disjoint(labels: &[String], sentence_after: &str) -> bool {
    if sentence_after.contains("分别") {
        return true;
    }
    let last: Vec<Option<char>> = labels.iter().map(|l| l.chars().last()).collect();
    labels.len() >= 2
        && last[0].is_some()
        && last.iter().all(|c| *c == last[0])
        && labels.iter().all(|l| l.chars().count() >= 2)
}

/// Byte ranges inside brackets.
fn in_brackets(text: &str, at: usize) -> bool {
    let mut depth = 0i32;
    for (i, c) in text.char_indices() {
        if i >= at {
            break;
        }
        match c {
            '（' | '(' => depth += 1,
            '）' | ')' => depth -= 1,
            _ => {}
        }
    }
    depth > 0
}

fn check_sentence(sentence: &str, base: usize, cx: &mut Context<'_>) {
    let Some(which) = sentence.find("其中") else { return };
    let found = amounts(sentence);
    let Some(total) = found.iter().rev().find(|a| a.end <= which && TOTAL.is_match(&sentence[..a.start])) else {
        return;
    };
    let after = &sentence[which..];
    // Parts run to the next total in the sentence.
    let stop = found
        .iter()
        .find(|a| a.start > which && TOTAL.is_match(&sentence[..a.start]))
        .map_or(sentence.len(), |a| a.start);
    let parts: Vec<&Amount> = found
        .iter()
        .filter(|a| a.start > which && a.end <= stop && a.unit == total.unit)
        .filter(|a| !CHANGE.is_match(&sentence[..a.start]) && !in_brackets(sentence, a.start))
        .collect();
    if parts.len() < 2 {
        return;
    }
    let labels: Vec<String> = parts.iter().map(|a| label(sentence, a.start)).collect();
    if !disjoint(&labels, after) {
        return;
    }
    let sum: f64 = parts.iter().map(|a| a.value).sum();
    if sum <= total.value * (1.0 + 1e-9) + 1e-9 {
        return;
    }
    // In the scale the total is written in (1.3亿元, not 130000000元).
    let divisor = match total.scale {
        "亿" => 1e8,
        "万" => 1e4,
        _ => 1.0,
    };
    let show = |v: f64| {
        let v = (v / divisor * 1e6).round() / 1e6;
        format!("{v}{}", total.scale)
    };
    let total_span = Span::new(base + total.start, base + total.end);
    let diag = cx.report(
        total_span,
        format!("“其中”各分项之和（{}{}）超过总数（{}{}）", show(sum), total.unit, show(total.value), total.unit),
    );
    diag.with_label("总数").with_help("核对总数和各分项的数字。");
    for p in &parts {
        diag.with_secondary(Span::new(base + p.start, base + p.end), "分项");
    }
}

/// Where a sentence names its parts.
static OF_WHICH: Needle = Needle::new("其中");

impl Rule for PartsExceedTotal {
    fn meta(&self) -> &RuleMeta {
        &PARTS_EXCEED_TOTAL
    }

    fn check(&self, doc: &Document, cx: &mut Context<'_>) {
        for p in &doc.paragraphs {
            let content = doc.content(p);
            // A sentence is read only from its 其中 (which no sentence end splits): a paragraph
            // without one is passed with one search.
            if !OF_WHICH.in_paragraph(doc, p) {
                continue;
            }
            let mut start = 0;
            for (i, c) in content.char_indices().filter(|(_, c)| matches!(c, '。' | '！' | '？')) {
                check_sentence(&content[start..i], p.span.start + start, cx);
                start = i + c.len_utf8();
            }
            check_sentence(&content[start..], p.span.start + start, cx);
        }
    }
}
