//! GW411 heading-end: a standalone 一、 heading carries no 句号, and a standalone heading no 冒号
//! where the headings beside it have none.

use crate::declare_rule;
use crate::diagnostic::{Applicability, Fix};
use crate::document::outline::Heading;
use crate::document::{Document, Paragraph};
use crate::rule::{Context, Rule, RuleMeta};
use crate::span::Span;

declare_rule! {
    /// ## 作用
    /// 检查单独成行的第一层标题（“一、总体要求”）末尾是否加了句号。删除句号是安全修复。
    ///
    /// 只有下面跟着正文或下级标题的才算标题；“十一、将第六条修改为第十一条。”之后紧接“十二、”
    /// 的是编号的句子，不报告。第二层以下标题后接正文时（“（一）加强组织领导。各地要……”），标题末尾用句号与正文隔开，
    /// 这是公文的通行写法，不报告。
    ///
    /// 也检查单独成行的各层标题末尾的冒号（“二、工作要求：”）：同一层的其他标题末尾不加标点时，
    /// 加了冒号的标题报告。同层标题都以冒号结尾的，是引出下文的编号句子（“一、第二条修改为：”），
    /// 不报告；带逗号、超过20字或以“如下”“以下”“下列”“包括”“为”等引出下文的，是句子，不报告。
    ///
    /// ## 原因
    /// 标题末尾一般不用标点（GB/T 15834—2011 附录 B.4）；GB/T 9704—2012 的公文示例中，单独成行
    /// 的层次标题不加句号。
    ///
    /// ## 示例
    /// ```text
    /// 平安市人民政府办公室关于做好防汛工作的通知
    ///
    /// 各县（市、区）人民政府：
    /// 　　一、压实防汛责任。
    /// 　　各地要严格落实防汛责任制。
    /// 　　二、工作要求：
    /// 　　各地要加强监测预警。
    /// ```
    ///
    /// ## 应改为
    /// ```text
    /// 平安市人民政府办公室关于做好防汛工作的通知
    ///
    /// 各县（市、区）人民政府：
    /// 　　一、压实防汛责任
    /// 　　各地要严格落实防汛责任制。
    /// 　　二、工作要求
    /// 　　各地要加强监测预警。
    /// ```
    ///
    /// ## 依据
    /// GB/T 15834—2011 附录 B.4；GB/T 9704—2012 7.3.3。
    pub static HEADING_END = {
        code: "GW411",
        name: "heading-end",
        category: Punctuation,
        severity: Warning,
        fix: Always,
        scope: AnyText,
        summary: "单独成行的一级标题末尾不用句号，标题末尾不用冒号",
        source: "GB/T 15834—2011 附录B.4；GB/T 9704—2012 7.3.3",
    };
}

pub struct HeadingEnd;

impl Rule for HeadingEnd {
    fn meta(&self) -> &RuleMeta {
        &HEADING_END
    }

    fn check(&self, doc: &Document, cx: &mut Context<'_>) {
        colon_ends(doc, cx);
        // When one "一、……。" is directly followed by the next "二、", the items are numbered
        // sentences (a 决定 listing amendments), and none of them is a heading.
        let level_one = |i: usize| doc.paragraphs.get(i).and_then(|p| p.heading).is_some_and(|h| h.level == 1);
        let sentence_list = doc
            .paragraphs
            .iter()
            .any(|p| level_one(p.index) && doc.content(p).ends_with('。') && level_one(p.index + 1));
        if sentence_list {
            return;
        }
        for p in &doc.paragraphs {
            let Some(h) = p.heading.filter(|h| h.level == 1) else { continue };
            let c = doc.content(p);
            let title = &c[h.marker.end - p.span.start..];
            // One short phrase ending with 。 and no other sentence mark: a heading, not a sentence.
            let Some(body) = title.strip_suffix('。') else { continue };
            if body.chars().count() > 20 || body.contains(['。', '，', '；', '：', '！', '？']) {
                continue;
            }
            // A section title has its section under it; "十一、将第六条修改为第十一条。" followed by
            // "十二、……" is a numbered sentence, not a heading.
            // Nor is the last item, followed only by the 结束语 (特此通知。) or the end of the
            // 正文: "三、请各区于6月底前报送工作总结。" is a numbered request.
            let next = doc.paragraphs.get(p.index + 1).filter(|n| n.part == p.part);
            let titles_a_section = next.is_some_and(|n| {
                n.heading.is_none_or(|nh| nh.level > 1)
                    && crate::rules::common::closing_formula(doc.content(n)).is_none()
            });
            if !titles_a_section || body.starts_with('请') {
                continue;
            }
            let span = Span::new(p.span.end - '。'.len_utf8(), p.span.end);
            cx.report(span, "单独成行的一级标题末尾不用句号").with_label("多余的句号").with_fix(Fix::replace(
                "删除句号",
                Applicability::Safe,
                span,
                "",
            ));
        }
    }
}

/// The words a clause that introduces what follows ends with (具体要求如下：, 主要包括：,
/// 修改为：) or holds (下列, 以下): a sentence, not a heading.
const INTRODUCING_ENDS: [&str; 5] = ["如下", "包括", "为", "是指", "具备"];
const INTRODUCING_WORDS: [&str; 2] = ["以下", "下列"];

/// A heading's title (the text after its marker) if it is one short phrase with no sentence
/// mark inside: the title of a section rather than a sentence with a number.
fn short_title<'a>(doc: &'a Document, p: &Paragraph, h: &Heading) -> Option<&'a str> {
    let title = &doc.content(p)[h.marker.end - p.span.start..];
    let body = title.strip_suffix(['：', '。']).unwrap_or(title);
    let short = !body.is_empty() && body.chars().count() <= 20;
    (short && !body.contains(['。', '，', '；', '：', '！', '？', ',', ';', ':'])).then_some(title)
}

/// Reports the standalone headings that end with a 冒号 where another heading of their level
/// (in the same part) ends with no mark and no more of the level end with one: where every
/// heading of a level ends with 冒号, the items are clauses that introduce what follows
/// (一、第二条修改为：).
fn colon_ends(doc: &Document, cx: &mut Context<'_>) {
    // Most documents have no heading that ends with a 冒号: their headings are not read again.
    let ends_with_colon = |p: &Paragraph| p.heading.is_some() && doc.content(p).ends_with('：');
    if !doc.paragraphs.iter().any(ends_with_colon) {
        return;
    }
    let headings: Vec<(&Paragraph, Heading, &str)> = doc
        .paragraphs
        .iter()
        .filter_map(|p| p.heading.and_then(|h| short_title(doc, p, &h).map(|t| (p, h, t))))
        .collect();
    // A title that ends with no 点号 (a closing quote or bracket may end it).
    let bare = |t: &str| !t.ends_with(['。', '：', '；', '，', '、', '！', '？', ':', ';', ',', '.']);
    for (p, h, title) in &headings {
        let Some(body) = title.strip_suffix('：') else { continue };
        if INTRODUCING_ENDS.iter().any(|w| body.ends_with(w)) || INTRODUCING_WORDS.iter().any(|w| body.contains(w)) {
            continue;
        }
        let level = headings.iter().filter(|(q, g, _)| g.level == h.level && q.part == p.part);
        let (colons, bares) =
            level.fold((0, 0), |(c, b), (_, _, t)| (c + usize::from(t.ends_with('：')), b + usize::from(bare(t))));
        // The heading heads a section: something of its part follows it.
        let heads_a_section = doc.paragraphs.get(p.index + 1).is_some_and(|n| n.part == p.part);
        if bares == 0 || colons > bares || !heads_a_section {
            continue;
        }
        let span = Span::new(p.span.end - '：'.len_utf8(), p.span.end);
        cx.report(span, "单独成行的标题末尾不用冒号").with_label("多余的冒号").with_fix(Fix::replace(
            "删除冒号",
            Applicability::Unsafe,
            span,
            "",
        ));
    }
}
