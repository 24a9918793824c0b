//! GW201 qingshi-one-matter: a 请示 asks about one matter only.

use regex::Regex;
use std::sync::LazyLock;

use crate::declare_rule;
use crate::document::{Document, Genre};
use crate::rule::{Context, Rule, RuleMeta};
use crate::rules::common::{body_paragraphs, title_paragraphs};
use crate::span::Span;
use crate::text::split_outside_brackets;

declare_rule! {
    /// ## 作用
    /// 检查请示是否一文一事：标题用“和”“及”“与”“并”或顿号连接两件不同的事项（如“设立专项资金和
    /// 调整内设机构”），或正文用“另外”“此外”另提一件拟办事项。
    ///
    /// ## 原因
    /// 《党政机关公文处理工作条例》第十五条（四）规定，请示应当一文一事。几件事放在一份请示里，
    /// 上级机关需要分送不同部门办理，容易延误，也无法分别批复。
    ///
    /// 同一件事的几个方面（如一个项目的资金分两期拨付、一次调整涉及线路和站点）是一件事，不报告。
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
static ANOTHER_MATTER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:另外|此外|另|同时另)[，,]?(?:\p{Han}|[，,]){0,30}?(?:拟|申请|请求|恳请|请予)").unwrap()
});

pub struct QingshiOneMatter;

impl Rule for QingshiOneMatter {
    fn meta(&self) -> &RuleMeta {
        &QINGSHI_ONE_MATTER
    }

    fn check(&self, doc: &Document, cx: &mut Context<'_>) {
        if doc.facts.genre != Some(Genre::Request) {
            return;
        }
        check_title(doc, cx);
        for p in body_paragraphs(doc) {
            let c = doc.content(p);
            if let Some(m) = ANOTHER_MATTER.find(c) {
                cx.report(Span::new(p.span.start, p.span.start + m.end()), "请示在正文中另提一件事项，应当一文一事")
                    .with_label("另一事项")
                    .with_help("不同事项应分别行文请示；如确属同一事项的组成部分，可忽略此提示。");
            }
        }
    }
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
    let matters = parts.iter().filter(|p| MATTER_VERB.is_match(p.trim_start_matches(['以', '暨']))).count();
    if matters >= 2 {
        let base = line.span.start + start;
        cx.report(Span::new(base, base + subject.len()), format!("请示标题包含{matters}件事项，应当一文一事"))
            .with_label("多个事项")
            .with_help("每件事项单独行文请示。");
    }
}
