//! GW510 enumeration-count: “从四个方面” followed by a different number of 一是、二是 items.

use regex::Regex;
use std::sync::LazyLock;

use crate::declare_rule;
use crate::document::Document;
use crate::rule::{Context, Rule, RuleMeta};
use crate::rules::common::Needle;
use crate::span::Span;
use crate::text::chinese_number;

declare_rule! {
    /// ## 作用
    /// 检查先说“从四个方面”“三项措施”“以下两点”，随后用“一是、二是……”列举时，列举的项数是否
    /// 与所说的数目一致。列举可以在同一段内，也可以是紧接着的各段（每段以“一是”“二是”开头）。
    ///
    /// ## 原因
    /// 总说的数目和分说的条数不一致，是改稿时增删了条目而没有改总述，读者会以为漏了内容。
    ///
    /// ## 示例
    /// ```text
    /// 下一步，我们将从四个方面推进：一是压实责任；二是完善制度；三是强化督查。
    /// ```
    ///
    /// ## 应改为
    /// ```text
    /// 下一步，我们将从三个方面推进：一是压实责任；二是完善制度；三是强化督查。
    /// ```
    ///
    /// ## 依据
    /// 《党政机关公文处理工作条例》第二十条（四）（内容准确、结构严谨）。
    pub static ENUMERATION_COUNT = {
        code: "GW510",
        name: "enumeration-count",
        category: Number,
        severity: Warning,
        fix: None,
        scope: AnyText,
        summary: "总述的项数应与“一是、二是……”列举的项数一致",
        source: "《党政机关公文处理工作条例》第二十条（四）",
    };
}

/// A stated count: 四个方面, 三项措施, 两点, 五条.
static STATED: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?P<n>[两二三四五六七八九十]|[2-9])(?:个方面|方面|项|点|条)").unwrap());
/// An item: 一是, 二是 ….
static ITEM: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"(?P<n>[一二三四五六七八九十]{1,2})是").unwrap());

pub struct EnumerationCount;

fn count(s: &str) -> Option<u32> {
    if s == "两" {
        Some(2)
    } else if s.bytes().all(|b| b.is_ascii_digit()) {
        s.parse().ok()
    } else {
        chinese_number(s)
    }
}

/// The items 一是, 二是 … in order from `text` (absolute offsets from `base`): the longest run
/// that starts with 一是 and goes up by one.
fn items(text: &str, base: usize, out: &mut Vec<(u32, Span)>) {
    for c in ITEM.captures_iter(text) {
        let Some(n) = chinese_number(&c["n"]) else { continue };
        let m = c.get(0).expect("match");
        // 一是 only where an item can start: at the start or after punctuation.
        let before = text[..m.start()].chars().next_back();
        if before.is_some_and(|b| !"，。；：、！？\u{3000} （(".contains(b)) {
            continue;
        }
        let next = out.last().map_or(1, |(k, _)| k + 1);
        if n == next {
            out.push((n, Span::new(base + m.start(), base + m.end())));
        }
    }
}

/// What the first item of an enumeration starts with.
static FIRST_ITEM: Needle = Needle::new("一是");

impl Rule for EnumerationCount {
    fn meta(&self) -> &RuleMeta {
        &ENUMERATION_COUNT
    }

    fn check(&self, doc: &Document, cx: &mut Context<'_>) {
        let paras = &doc.paragraphs;
        for (i, p) in paras.iter().enumerate() {
            let content = doc.content(p);
            // (A paragraph without 一是 is not searched for it.)
            let first = if FIRST_ITEM.in_paragraph(doc, p) {
                ITEM.find_iter(content).find(|m| m.as_str() == "一是")
            } else {
                None
            };
            let Some(first) = first else {
                // The items may follow in the next paragraphs, each starting with 一是, 二是 …,
                // after a paragraph that ends with a colon (asked first: few do).
                if !content.trim_end().ends_with(['：', ':']) {
                    continue;
                }
                let Some(stated) = STATED.captures_iter(content).filter(|c| stands_alone(content, c)).last() else {
                    continue;
                };
                let tail = &content[stated.get(0).expect("match").end()..];
                if !tail.trim_end().ends_with(['：', ':'])
                    || tail.chars().count() > 40
                    || ["以下", "如下", "下列"].iter().any(|w| tail.contains(w))
                {
                    continue;
                }
                let mut found = Vec::new();
                for q in paras.iter().skip(i + 1) {
                    let c = doc.content(q).trim_start_matches(['\u{3000}', ' ']);
                    let before = found.len();
                    if c.starts_with(|ch: char| "一二三四五六七八九十".contains(ch)) {
                        let lead = q.span.start + (doc.content(q).len() - c.len());
                        items(&c[..c.find('是').map_or(0, |k| k + '是'.len_utf8())], lead, &mut found);
                    }
                    if found.len() == before {
                        break;
                    }
                }
                report(cx, p.span.start, &stated, &found);
                continue;
            };
            // The stated count closest before the first item, in the same sentence run.
            let head = &content[..first.start()];
            let Some(stated) = STATED.captures_iter(head).filter(|c| stands_alone(head, c)).last() else { continue };
            let gap = &head[stated.get(0).expect("match").end()..];
            // The items belong to the count when nothing else announces them in between (共48条，
            // 主要规定了以下内容：一是 … lists 以下内容, not 48条).
            if gap.contains(['。', '！', '？'])
                || gap.chars().count() > 40
                || ["以下", "如下", "下列"].iter().any(|w| gap.contains(w))
            {
                continue;
            }
            let mut found = Vec::new();
            items(&content[first.start()..], p.span.start + first.start(), &mut found);
            report(cx, p.span.start, &stated, &found);
        }
    }
}

/// Whether a stated count is a number of its own, not the end of a longer one (48条).
fn stands_alone(text: &str, c: &regex::Captures<'_>) -> bool {
    let start = c.get(0).expect("match").start();
    !text[..start]
        .chars()
        .next_back()
        .is_some_and(|b| b.is_ascii_digit() || "〇一二三四五六七八九十百千两第".contains(b))
}

fn report(cx: &mut Context<'_>, base: usize, stated: &regex::Captures<'_>, found: &[(u32, Span)]) {
    let Some(n) = count(&stated["n"]) else { return };
    let k = found.len() as u32;
    if k < 2 || k == n {
        return;
    }
    let m = stated.get(0).expect("match");
    let span = Span::new(base + m.start(), base + m.end());
    let diag = cx.report(span, format!("总述为“{}”，随后列举了{k}项", m.as_str()));
    diag.with_label(format!("列举了{k}项")).with_help("核对总述的数目和列举的条目，增删条目后要同时改总述。");
    if let Some((_, last)) = found.last() {
        diag.with_secondary(*last, "最后一项");
    }
}
