//! GW308 attachment-consistency: 附件说明, the appended 附件 and references to 附件N agree.

use regex::Regex;
use std::sync::LazyLock;

use crate::declare_rule;
use crate::document::Document;
use crate::rule::{Context, Rule, RuleMeta};
use crate::rules::common::{body_paragraphs, group_span, Needle};
use crate::span::Span;
use crate::text::strip_spaces;

declare_rule! {
    /// ## 作用
    /// 检查附件说明与正文后所附附件是否一致：附件数量、顺序号和名称；正文中提到的“附件N”是否
    /// 存在；正文引用附件而全文没有附件说明和附件；正文用“附件三”而附件说明用阿拉伯数字编号；
    /// 正文中“《名称》（见附件2）”的名称与附件说明第2项不一致。
    ///
    /// ## 原因
    /// GB/T 9704—2012 7.3.4、8 规定，附件的顺序号和名称应与附件说明一致。附件说明写了3个附件而只
    /// 附了2个，或名称前后不一，收文机关无法核对；正文引用不存在的附件，说明附件有遗漏或编号错了。
    ///
    /// ## 示例
    /// ```text
    /// 平安市人民政府办公室关于做好防汛工作的通知
    ///
    /// 各县（市、区）人民政府：
    /// 　　重点部位名单详见附件3。
    ///
    /// 　　附件：1.防汛重点部位清单
    /// 　　　　　2.防汛责任人名单
    ///
    /// 平安市人民政府办公室
    /// 2025年5月6日
    /// ```
    ///
    /// ## 应改为
    /// ```text
    /// 平安市人民政府办公室关于做好防汛工作的通知
    ///
    /// 各县（市、区）人民政府：
    /// 　　重点部位名单详见附件1。
    ///
    /// 　　附件：1.防汛重点部位清单
    /// 　　　　　2.防汛责任人名单
    ///
    /// 平安市人民政府办公室
    /// 2025年5月6日
    /// ```
    ///
    /// ## 依据
    /// GB/T 9704—2012 7.3.4、第8章。
    pub static ATTACHMENT_CONSISTENCY = {
        code: "GW308",
        name: "attachment-consistency",
        category: Format,
        severity: Warning,
        fix: None,
        scope: Gongwen,
        summary: "附件说明应与所附附件、正文引用一致",
        source: "GB/T 9704—2012 7.3.4、第8章",
    };
}

/// 附件2, 附件三 (a Chinese numeral only before punctuation or a word that ends the reference:
/// 附件一并报送 is not one).
static REFERENCE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"附件(?:(?P<n>[0-9]{1,2})|(?P<cn>[一二三四五六七八九十]{1,3})(?P<after>.?))").unwrap()
});
/// A cited attachment without a number: 见附件, 详见附件.
static BARE_REFERENCE: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"(?:见|详见|参见|如)附件").unwrap());
/// A title cited with its attachment: 《……》（见附件2）, 《……》（附件2）; titles of at most
/// [`MAX_CITED_TITLE`] characters ([`cited_titles`]).
static CITED_TITLE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"《(?P<title>[^《》]{2,})》[（(](?:详见|见)?附件(?P<n>[0-9]{1,2})[)）]").unwrap());
/// The longest title read as cited, in characters.
const MAX_CITED_TITLE: usize = 60;

/// The titles `text` cites with their attachments. The length is checked after the match: a
/// bounded run of a class compiles many times larger, and a title is the text between its marks
/// either way (no other match can start inside one, which holds no 《).
fn cited_titles(text: &str) -> impl Iterator<Item = regex::Captures<'_>> {
    CITED_TITLE.captures_iter(text).filter(|m| m["title"].chars().count() <= MAX_CITED_TITLE)
}
/// A trailing note in brackets: "（共130项）".
static TRAILING_NOTE: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"[（(][^（()）]*[)）]$").unwrap());

pub struct AttachmentConsistency;

fn normalise(name: &str) -> String {
    let s = strip_spaces(name);
    // “修改后的《……规定》” names the amended text by its title.
    let s = DESCRIBED_TITLE.replace(&s, "《");
    let s = s.trim_matches(['。', '；']);
    // 《》 and the 〈〉 that stand for them inside another title name the same thing.
    TRAILING_NOTE.replace(s, "").replace(['《', '》', '〈', '〉'], "")
}

/// Words before a quoted title in a 附件说明 that describe the attachment rather than name it.
static DESCRIBED_TITLE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(?:修改后的|修订后的|新修订的|调整后的|更新后的)《").unwrap());

/// An appended title may run over several lines: the first line is then a prefix of the name.
fn same_name(title: &str, noted: &str) -> bool {
    let (t, n) = (normalise(title), normalise(noted));
    !t.is_empty() && (n.starts_with(&t) || t.starts_with(&n))
}

impl Rule for AttachmentConsistency {
    fn meta(&self) -> &RuleMeta {
        &ATTACHMENT_CONSISTENCY
    }

    fn check(&self, doc: &Document, cx: &mut Context<'_>) {
        let noted = &doc.facts.attachments;
        let note_span = doc.elements.attachment_note.as_ref().map(|n| n.span);
        // Appended attachments: "附件N" alone on a line, the next line is the title.
        let heads: Vec<(Span, Option<usize>, &str)> = doc
            .elements
            .attachments
            .iter()
            .map(|a| (a.head, a.number.map(|n| n as usize), a.title.map_or("", |t| doc.slice(t))))
            .collect();
        if !noted.is_empty() && !heads.is_empty() {
            if heads.len() != noted.len() {
                let d =
                    cx.report(heads[0].0, format!("附件说明列了{}个附件，正文后附了{}个", noted.len(), heads.len()));
                d.with_label("附件数量不一致");
                if let Some(s) = note_span {
                    d.with_secondary(s, "附件说明");
                }
            }
            for (k, &(head, number, title)) in heads.iter().enumerate() {
                if noted.len() > 1 && number.is_some_and(|n| n != k + 1) {
                    cx.report(head, format!("附件顺序号应为“附件{}”", k + 1)).with_label("顺序号不符");
                }
                if let Some(name) = noted.get(k) {
                    if !title.is_empty() && !same_name(title, name) {
                        let d = cx.report(head, format!("附件标题“{title}”与附件说明中的名称“{name}”不一致"));
                        d.with_label("名称不一致");
                        if let Some(s) = note_span {
                            d.with_secondary(s, "附件说明");
                        }
                    }
                }
            }
        }
        let count = if noted.is_empty() { heads.len() } else { noted.len() };
        // Every reference holds 附件: the patterns are asked only of the paragraphs that do.
        static ATTACHMENT: Needle = Needle::new("附件");
        let body: Vec<_> = body_paragraphs(doc).into_iter().filter(|p| ATTACHMENT.in_paragraph(doc, p)).collect();
        if count == 0 {
            // The body cites attachments the document does not have.
            let cited = body.iter().find_map(|p| {
                let c = doc.content(p);
                let m = REFERENCE.captures_iter(c).find(|m| m.name("n").is_some()).map(|m| m.get(0).expect("match"));
                m.or_else(|| BARE_REFERENCE.find(c)).map(|m| group_span(p, m))
            });
            if let Some(span) = cited {
                cx.report(span, "正文提到附件，但没有附件说明，也没有所附附件")
                    .with_label("附件缺失")
                    .with_help("在正文之下、署名之前加附件说明（“附件：1.名称”），并附上附件。");
            }
            return;
        }
        // Does the 附件说明 number its items with Arabic numerals (1. 2.)?
        let arabic_note =
            doc.elements.attachment_note.as_ref().is_some_and(|n| n.items.iter().any(|i| i.number.is_some()));
        for p in body {
            let c = doc.content(p);
            for m in REFERENCE.captures_iter(c) {
                let g = m.get(0).expect("match");
                let (n, chinese) = match (m.name("n"), m.name("cn")) {
                    (Some(d), _) => (d.as_str().parse().unwrap_or(0), false),
                    (None, Some(cn)) => {
                        let after = m.name("after").map_or("", |a| a.as_str());
                        if !(after.is_empty() || "，。；、）)的中所列和及与".contains(after)) {
                            continue;
                        }
                        (crate::text::chinese_number(cn.as_str()).unwrap_or(0) as usize, true)
                    }
                    _ => continue,
                };
                let span = group_span(p, g);
                let span = if chinese && m.name("after").is_some_and(|a| !a.as_str().is_empty()) {
                    Span::new(span.start, span.end - m["after"].len())
                } else {
                    span
                };
                if n > count {
                    cx.report(span, format!("正文提到“附件{n}”，但只有{count}个附件")).with_label("不存在的附件");
                } else if chinese && arabic_note {
                    cx.report(span, format!("附件顺序号用阿拉伯数字，应为“附件{n}”，与附件说明的编号一致"))
                        .with_label("编号写法不一致");
                }
            }
            for m in cited_titles(c) {
                let n: usize = m["n"].parse().unwrap_or(0);
                let Some(name) = noted.get(n.wrapping_sub(1)) else { continue };
                let title = &m["title"];
                let (t, a) = (normalise(title), normalise(name));
                if t.is_empty() || a.contains(&t) || t.contains(&a) {
                    continue;
                }
                let d = cx.report(
                    group_span(p, m.get(0).expect("match")),
                    format!("正文所称附件{n}“{title}”与附件说明第{n}项“{name}”不一致"),
                );
                d.with_label("名称不一致");
                if let Some(s) = note_span {
                    d.with_secondary(s, "附件说明");
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cited_titles_are_what_the_bounded_pattern_finds() {
        let bounded = Regex::new(r"《(?P<title>[^《》]{2,60})》[（(](?:详见|见)?附件(?P<n>[0-9]{1,2})[)）]").unwrap();
        let long = "长".repeat(61);
        let sixty = "长".repeat(60);
        let texts = [
            "按《实施方案》（见附件1）和《考核办法》（附件2）执行。".to_string(),
            format!("《{long}》（见附件1）及《短标题》（详见附件2）"),
            format!("《{sixty}》（附件3）"),
            "《甲》（附件1）《〈乙〉丙》（附件2）".to_string(),
            "《方案》(见附件12)".to_string(),
            "没有引用".to_string(),
        ];
        for t in &texts {
            let spans = |it: &mut dyn Iterator<Item = regex::Captures<'_>>| {
                it.map(|m| (m.get(0).unwrap().range(), m["title"].to_string(), m["n"].to_string())).collect::<Vec<_>>()
            };
            assert_eq!(spans(&mut cited_titles(t)), spans(&mut bounded.captures_iter(t)), "{t}");
        }
    }
}
