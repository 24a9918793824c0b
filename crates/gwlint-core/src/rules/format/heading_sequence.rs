//! GW305 heading-sequence: outline numbers run 1, 2, 3 … at every level without gaps or repeats.

use crate::declare_rule;
use crate::document::Document;
use crate::rule::{Context, Rule, RuleMeta};
use crate::rules::common::outline_scopes;
use crate::rules::format::heading_marker::standard_marker;

declare_rule! {
    /// ## 作用
    /// 检查同一层级的结构层次序数是否连续：“二、”之后是“三、”，“（一）”之后是“（二）”；
    /// 进入下一层时从“（一）”“1.”开始，或沿用全文连续编号（如国务院文件的“（一）”至“（二十七）”
    /// 跨“一、”“二、”连续编排）。冒号引出的新列表可以重新从1开始。报告跳号（“（一）”之后是“（三）”）、重号和倒退，并指出
    /// 此处应为哪个序数。正文和每个附件分别编号。
    ///
    /// ## 原因
    /// GB/T 9704—2012 7.3.3 规定结构层次序数依次标注。跳号、重号多因增删段落后没有重新编号，
    /// 会使引用（“本通知第三条”）指向错误的内容。
    ///
    /// ## 示例
    /// ```text
    /// 平安市人民政府办公室关于做好防汛工作的通知
    ///
    /// 各县（市、区）人民政府：
    /// 　　一、加强监测预警
    /// 　　（一）气象、水利部门要加强会商研判。
    /// 　　（三）各地要及时转移危险区域群众。
    /// ```
    ///
    /// ## 应改为
    /// ```text
    /// 平安市人民政府办公室关于做好防汛工作的通知
    ///
    /// 各县（市、区）人民政府：
    /// 　　一、加强监测预警
    /// 　　（一）气象、水利部门要加强会商研判。
    /// 　　（二）各地要及时转移危险区域群众。
    /// ```
    ///
    /// ## 依据
    /// GB/T 9704—2012 7.3.3。
    pub static HEADING_SEQUENCE = {
        code: "GW305",
        name: "heading-sequence",
        category: Format,
        severity: Error,
        fix: None,
        scope: AnyText,
        summary: "同一层级的序数应连续，不跳号、不重号",
        source: "GB/T 9704—2012 7.3.3",
    };
}

pub struct HeadingSequence;

impl Rule for HeadingSequence {
    fn meta(&self) -> &RuleMeta {
        &HEADING_SEQUENCE
    }

    fn check(&self, doc: &Document, cx: &mut Context<'_>) {
        for scope in outline_scopes(doc) {
            // `last` restarts under each new parent; `running` never does, because many documents
            // (国务院 意见 among them) number a level continuously across sections: 一、（一）（二）
            // 二、（三）（四）.
            let mut last: [Option<u32>; 5] = [None; 5];
            let mut running: [Option<u32>; 5] = [None; 5];
            for p in &scope {
                let Some(h) = p.heading else { continue };
                let level = h.level as usize;
                let n = h.number;
                let ok = match last[level] {
                    Some(prev) => n == prev + 1 || (n == 1 && starts_new_list(doc, p, h.level)),
                    None => n == 1 || running[level].is_some_and(|r| n == r + 1),
                } || follows_inline_item(doc, p, &h)
                    || restates_cited_article(doc, p, n);
                if !ok {
                    let expected = last[level].map_or(1, |x| x + 1);
                    let found = doc.slice(h.marker);
                    let want = standard_marker(h.level, expected);
                    let message = match last[level] {
                        Some(prev) if n <= prev => format!(
                            "层次序数重复或倒退：“{}”之后应为“{want}”，此处为“{found}”",
                            standard_marker(h.level, prev)
                        ),
                        Some(prev) => format!(
                            "层次序数不连续：“{}”之后应为“{want}”，此处为“{found}”",
                            standard_marker(h.level, prev)
                        ),
                        None => format!("本层序数应从“{want}”开始，此处为“{found}”"),
                    };
                    cx.report(h.marker, message).with_label(format!("应为“{want}”"));
                }
                last[level] = Some(n);
                running[level] = Some(n);
                for deeper in last.iter_mut().skip(level + 1) {
                    *deeper = None;
                }
            }
        }
    }
}

/// A list may start again at 1 after a lead-in paragraph ending with a colon ("注：",
/// "具体要求如下："), under an article (第五条 …), or — for the lower levels 1. and （1） —
/// after any paragraph of text: these are new lists, not restarts.
fn starts_new_list(doc: &Document, p: &crate::document::Paragraph, level: u8) -> bool {
    let Some(prev) = previous(doc, p) else { return false };
    let c = doc.content(prev);
    prev.heading.is_none() && (c.ends_with(['：', ':']) || ARTICLE.is_match(c) || level >= 3)
}

/// "注：1、坐标系统……" then "2、……": the predecessor stands inside one of the previous
/// paragraphs (a section title such as "第二节" may stand between).
fn follows_inline_item(doc: &Document, p: &crate::document::Paragraph, h: &crate::document::Heading) -> bool {
    let marker = doc.slice(h.marker);
    let digits: String = h.number.to_string();
    let Some(mark_pos) = marker.find(&digits) else { return false };
    let (open, close) = (&marker[..mark_pos], &marker[mark_pos + digits.len()..]);
    if h.number < 2 || open.len() + close.len() == 0 {
        return false;
    }
    let want = format!("{open}{}{close}", h.number - 1);
    let from = p.index.saturating_sub(3);
    doc.paragraphs[from..p.index].iter().any(|q| doc.content(q).contains(&want))
}

/// An item numbered after the article of another document it restates: “现对……39号文第三条
/// ……作进一步明确，并增加第五条，具体如下：” followed by “三、……” and “五、……”.
fn restates_cited_article(doc: &Document, p: &crate::document::Paragraph, n: u32) -> bool {
    let zh = crate::text::to_chinese_number(n);
    let cited = [format!("第{zh}条"), format!("第{zh}项"), format!("第{n}条"), format!("第{n}项")];
    let from = p.index.saturating_sub(10);
    doc.paragraphs[from..p.index]
        .iter()
        .filter(|q| q.heading.is_none())
        .any(|q| cited.iter().any(|c| doc.content(q).contains(c.as_str())))
}

fn previous<'a>(doc: &'a Document, p: &crate::document::Paragraph) -> Option<&'a crate::document::Paragraph> {
    p.index.checked_sub(1).and_then(|i| doc.paragraphs.get(i))
}

static ARTICLE: std::sync::LazyLock<regex::Regex> =
    std::sync::LazyLock::new(|| regex::Regex::new(r"^第[一二三四五六七八九十百零〇]+条").expect("regex"));
