//! GW110 genre-self-reference: the body calls the document by another 文种 than its title's
//! (本决定 in a 通报, 现通知如下 in a 函).

use regex::Regex;
use std::sync::LazyLock;

use crate::declare_rule;
use crate::diagnostic::{Applicability, Fix};
use crate::document::{Document, Genre};
use crate::rule::{Context, Rule, RuleMeta};
use crate::rules::common::{body_paragraphs, group_span, paragraph_matches, title_text};

declare_rule! {
    /// ## 作用
    /// 检查正文用“本+文种”指称本文时是否与标题的文种一致：通报里写“本决定”、意见里写“本通知”、
    /// 函里写“现通知如下”，多是套用其他文种的旧稿没有改全。印发、转发、批转类通知不检查（正文中的
    /// “本办法”“本意见”指所印发、转发的文件）；书名号、引号内的文字不检查；“本报告期”“本决定书”
    /// 这类词不是指称本文。
    ///
    /// ## 原因
    /// 文种决定公文的性质和效力（《党政机关公文处理工作条例》第八条）。正文自称的文种与标题不一致，
    /// 收文机关无法确定文件的性质，也说明文稿没有核对。
    ///
    /// ## 示例
    /// ```text
    /// 平安市人民政府关于表彰2024年度安全生产先进单位的通报
    ///
    /// 各县（市、区）人民政府：
    /// 　　本决定自印发之日起施行。
    ///
    /// 平安市人民政府
    /// 2025年3月5日
    /// ```
    ///
    /// ## 应改为
    /// ```text
    /// 平安市人民政府关于表彰2024年度安全生产先进单位的通报
    ///
    /// 各县（市、区）人民政府：
    /// 　　本通报自印发之日起施行。
    ///
    /// 平安市人民政府
    /// 2025年3月5日
    /// ```
    ///
    /// ## 依据
    /// 《党政机关公文处理工作条例》第八条。
    pub static GENRE_SELF_REFERENCE = {
        code: "GW110",
        name: "genre-self-reference",
        category: Structure,
        severity: Warning,
        fix: Sometimes,
        scope: Gongwen,
        summary: "正文指称本文的文种应与标题一致（通报中不写“本决定”）",
        source: "《党政机关公文处理工作条例》第八条",
    };
}

/// 本 + a 文种, not followed by a character that makes another word (本报告期, 本决定书, 本意见稿).
static SELF_REFERENCE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"本(?P<g>决议|决定|公报|公告|通告|意见|通知|通报|报告|请示|批复|纪要|函)(?P<next>.?)").unwrap()
});
/// 现（将有关事项）通知如下 and its kin: the verb names the 文种 the text acts as.
static ANNOUNCING: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"现(?:将[^，。；]{0,20})?(?P<g>通知|函告|通告|公告)如下").unwrap());
/// Characters that turn 本 + 文种 into another word.
const NOT_THE_DOCUMENT: &str = "期书单表人稿栏件数";

pub struct GenreSelfReference;

/// The 文种 a word names.
fn genre_of(word: &str) -> Option<Genre> {
    match word {
        "函告" => Some(Genre::Letter),
        _ => Genre::from_title(word),
    }
}

impl Rule for GenreSelfReference {
    fn meta(&self) -> &RuleMeta {
        &GENRE_SELF_REFERENCE
    }

    fn check(&self, doc: &Document, cx: &mut Context<'_>) {
        let Some(genre) = doc.facts.genre else { return };
        let title = title_text(doc);
        // 印发、转发、批转 notices carry another text whose words name that text.
        if ["印发", "转发", "批转", "颁布", "发布", "公布"].iter().any(|w| title.contains(w)) {
            return;
        }
        let body: Vec<_> = body_paragraphs(doc).into_iter().map(|p| p.index).collect();
        for (p, c, span) in paragraph_matches(doc, &SELF_REFERENCE) {
            if !body.contains(&p.index) || doc.elements.quotations.contains(span.start) {
                continue;
            }
            if c.name("next").is_some_and(|n| NOT_THE_DOCUMENT.contains(n.as_str())) {
                continue;
            }
            let g = c.name("g").expect("group");
            let Some(named) = genre_of(g.as_str()).filter(|&n| n != genre) else { continue };
            let at = group_span(p, g);
            // The title's 文种 as one word (a 复函 is a 函).
            let right = genre.as_str();
            cx.report(at, format!("标题的文种是“{right}”，正文却自称“本{}”", named.as_str()))
                .with_label(format!("应为“本{right}”"))
                .with_help("核对文种：标题和正文应一致；如果正文说的是另一份文件，写明其名称。")
                .with_fix(Fix::replace(format!("改为“本{right}”"), Applicability::Unsafe, at, right));
        }
        for (p, c, _) in paragraph_matches(doc, &ANNOUNCING) {
            let g = c.name("g").expect("group");
            let at = group_span(p, g);
            if !body.contains(&p.index) || doc.elements.quotations.contains(at.start) {
                continue;
            }
            let Some(named) = genre_of(g.as_str()).filter(|&n| n != genre) else { continue };
            cx.report(at, format!("{}中写“{}如下”，这是{}的用语", genre.as_str(), g.as_str(), named.as_str()))
                .with_label("与文种不符")
                .with_help(match genre {
                    Genre::Letter => "函一般写“现将有关事项函告如下”。",
                    Genre::Circular => "通知一般写“现将有关事项通知如下”。",
                    Genre::Notice => "通告一般写“现将有关事项通告如下”。",
                    Genre::Announcement => "公告一般写“现将有关事项公告如下”。",
                    _ => "按标题的文种改写。",
                });
        }
    }
}
