//! GW201 qingshi-one-matter: a 请示 asks about one matter only.

use regex::Regex;
use std::sync::LazyLock;

use crate::declare_rule;
use crate::document::{Document, Genre};
use crate::requests::requests;
use crate::rule::{Context, Rule, RuleMeta};
use crate::rules::common::{body_paragraphs, title_paragraphs};
use crate::span::Span;
use crate::text::split_outside_brackets;

declare_rule! {
    /// ## 作用
    /// 检查请示（以及按请示判断的申请、请示报告）是否一文一事：标题用“和”“及”“与”“并”或顿号连接
    /// 两件不同的事项（如“设立专项资金和调整内设机构”“申请维修资金和增加编制”）；正文用“另外”
    /// “此外”另提一件拟办事项；请求中用“同时”“以及”“并”再提一项批准（“恳请批准实施某工程，
    /// 同时同意将项目纳入投资计划”“批准建设某中心，并核增编制12名”）；或请上级“一并”审批。
    /// 报告的是读出的那一处请求。
    ///
    /// ## 原因
    /// 《党政机关公文处理工作条例》第十五条（四）规定，请示应当一文一事。几件事放在一份请示里，
    /// 上级机关需要分送不同部门办理，容易延误，也无法分别批复。
    ///
    /// 同一件事的几个方面（如一个项目的资金分两期拨付、一次调整涉及线路和站点、一次批准的两个
    /// 对象“资金和人员”）是一件事，不报告；“请批准并予以支持”也是一件事。
    /// 本规则是启发式判断，级别为警告。
    ///
    /// ## 示例
    /// ```text
    /// 平安市科学技术局关于设立科技创新专项资金和调整内设机构的请示
    ///
    /// 市人民政府：
    /// 　　我局拟设立市级科技创新专项资金，每年安排5000万元。
    /// 　　妥否，请批示。
    /// ```
    ///
    /// ## 应改为
    /// ```text
    /// 平安市科学技术局关于设立科技创新专项资金的请示
    ///
    /// 市人民政府：
    /// 　　我局拟设立市级科技创新专项资金，每年安排5000万元。
    /// 　　妥否，请批示。
    /// ```
    ///
    /// ## 依据
    /// 《党政机关公文处理工作条例》第十五条（四）。
    pub static QINGSHI_ONE_MATTER = {
        code: "GW201",
        name: "qingshi-one-matter",
        category: Routing,
        severity: Warning,
        fix: None,
        scope: Gongwen,
        summary: "请示应当一文一事",
        source: "《党政机关公文处理工作条例》第十五条（四）",
    };
}

/// Verbs that start a matter to be approved.
static MATTER_VERB: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(concat!(
        "^(?:申请|请求)?(?:设立|调整|增加|增拨|追加|拨付|购置|建设|新建|改建|扩建|成立|撤销|合并|变更|",
        "举办|召开|实施|启动|解决|核定|划拨|补助|配备|招聘|引进|提高|延长|减免|免除|给予|表彰|命名|组建|",
        "修订|制定|出台|更名|设置|核增|借用|租用|出租|出让|收回|转让|采购|维修|改造|开展|安排|增设|保留|",
        "取消|批准|同意|下达|使用)"
    ))
    .unwrap()
});

/// A body paragraph that raises another matter: 另外，我局拟…
/// A sentence that opens another matter: 另外/此外 … 拟/申请/恳请 … (up to the end of the
/// sentence; 另 alone only before a comma: 另聘请 is not a matter).
static ANOTHER_MATTER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:^|[。；])(?:另外|此外|另[，,]|同时另)[，,]?[^。；]*?(?:拟|申请|请求|恳请|请予|特请|并请)").unwrap()
});

/// After a request's action, in the same clause: a second approval joined by 同时, 以及, 另外 or
/// 并 (“批准实施某工程，同时同意……”, “批准建设……，并核增编制”).
static SECOND_APPROVAL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(concat!(
        r"^[^。；]*?[，,]?(?:同时|以及|另外|此外|并)(?:请|恳请|请求)?",
        r"(?:同意|批准|核增|增加|拨付|增拨|追加|下达|审批|核拨|减免|免除|设立|增设|调整|核定)"
    ))
    .unwrap()
});

pub struct QingshiOneMatter;

impl Rule for QingshiOneMatter {
    fn meta(&self) -> &RuleMeta {
        &QINGSHI_ONE_MATTER
    }

    fn check(&self, doc: &Document, cx: &mut Context<'_>) {
        if doc.facts.acts_as != Some(Genre::Request) {
            return;
        }
        check_title(doc, cx);
        for p in body_paragraphs(doc) {
            if let Some(span) = second_matter(doc.content(p), p.span.start) {
                cx.report(span, format!("请示在正文中另提一件事项：“{}”，应当一文一事", doc.slice(span)))
                    .with_label("另一事项")
                    .with_help("不同事项应分别行文请示；如确属同一事项的组成部分，可忽略此提示。");
            }
        }
    }
}

/// Where a paragraph of a 请示 takes up a second matter (absolute span), if it does.
fn second_matter(c: &str, base: usize) -> Option<Span> {
    let at = |s: usize, e: usize| Span::new(base + s, base + e);
    if let Some(m) = ANOTHER_MATTER.find(c) {
        let start =
            m.start() + c[m.start()..].chars().next().filter(|ch| matches!(ch, '。' | '；')).map_or(0, char::len_utf8);
        return Some(at(start, m.end()));
    }
    for r in requests(c, base) {
        let (start, end) = (r.span.start - base, r.action.end - base);
        // “请一并予以审批”: the request gathers several matters.
        if c[start..end].contains("一并") {
            return Some(at(start, end));
        }
        if let Some(m) = SECOND_APPROVAL.find(&c[end..]) {
            return Some(at(start, end + m.end()));
        }
        // “恳请县政府领导出席会议并讲话，以及批准……”: something else is asked before the approval.
        let lead = c[r.marker.end - base..r.action.start - base].trim_end_matches(['，', ',']);
        if let Some(before) = ["以及", "同时", "另外", "此外"].iter().find_map(|w| lead.strip_suffix(w)) {
            if before.trim_end_matches(['，', ',']).chars().count() >= 4 {
                return Some(at(start, end));
            }
        }
    }
    None
}

fn check_title(doc: &Document, cx: &mut Context<'_>) {
    let paras = title_paragraphs(doc);
    let Some(last) = paras.last() else { return };
    // Work on the last title line that holds the subject, so spans stay exact.
    let Some(line) = paras.iter().rev().find(|p| doc.content(p).contains("关于")).or(Some(last)) else {
        return;
    };
    let content = doc.content(line);
    let start = content.find("关于").map_or(0, |i| i + "关于".len());
    let end =
        if line.index == last.index { content.rfind("的请示").unwrap_or(content.len()) } else { content.len() };
    if start >= end {
        return;
    }
    let subject = &content[start..end];
    let parts = split_outside_brackets(subject, &['和', '及', '与', '并', '、']);
    // Each part that starts with a verb of a matter, or asks for something itself (申请……资金).
    let matters = parts
        .iter()
        .map(|p| p.trim_start_matches(['以', '暨']))
        .filter(|p| {
            MATTER_VERB.is_match(p) || (p.starts_with("申请") || p.starts_with("请求")) && p.chars().count() > 3
        })
        .count();
    if matters >= 2 {
        let base = line.span.start + start;
        cx.report(Span::new(base, base + subject.len()), format!("请示标题包含{matters}件事项，应当一文一事"))
            .with_label("多个事项")
            .with_help("每件事项单独行文请示。");
    }
}
