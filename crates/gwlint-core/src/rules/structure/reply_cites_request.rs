//! GW108 reply-cites-request: a 批复 opens by citing the 请示 it answers.

use crate::declare_rule;
use crate::document::{Document, Genre};
use crate::rule::{Context, Rule, RuleMeta};
use crate::rules::common::body_paragraphs;

declare_rule! {
    /// ## 作用
    /// 检查批复开头是否引述来文：写明所答复请示的标题（《关于……的请示》）和发文字号，并以“收悉”
    /// 承接。
    ///
    /// ## 原因
    /// 批复用于答复下级机关请示事项（《党政机关公文处理工作条例》第八条（十二））。引述来文标题和
    /// 字号，收文机关才能对应到自己的请示；这是批复的惯用写法。少数批复答复的不是请示（如依法律
    /// 授权作出），所以本规则只作提示。
    ///
    /// ## 示例
    /// ```text
    /// 平安市人民政府关于同意设立平安市青少年科技馆的批复
    ///
    /// 市教育局：
    /// 　　你局的请示收到了。同意设立平安市青少年科技馆。
    /// 　　此复。
    /// ```
    ///
    /// ## 应改为
    /// ```text
    /// 平安市人民政府关于同意设立平安市青少年科技馆的批复
    ///
    /// 市教育局：
    /// 　　你局《关于设立平安市青少年科技馆的请示》（平教〔2025〕9号）收悉。经研究，同意设立平安市青少年科技馆。
    /// 　　此复。
    /// ```
    ///
    /// ## 依据
    /// 《党政机关公文处理工作条例》第八条（十二）；引述写法为公文写作实务。
    pub static REPLY_CITES_REQUEST = {
        code: "GW108",
        name: "reply-cites-request",
        category: Structure,
        severity: Info,
        fix: None,
        scope: Gongwen,
        summary: "批复应引述来文标题、发文字号并写“收悉”",
        source: "《党政机关公文处理工作条例》第八条（十二）",
    };
}

pub struct ReplyCitesRequest;

impl Rule for ReplyCitesRequest {
    fn meta(&self) -> &RuleMeta {
        &REPLY_CITES_REQUEST
    }

    fn check(&self, doc: &Document, cx: &mut Context<'_>) {
        if doc.facts.genre != Some(Genre::Reply) {
            return;
        }
        let Some(first) = body_paragraphs(doc).into_iter().next() else {
            return;
        };
        let c = doc.content(first);
        if !c.contains("收悉") {
            cx.report(first.span, "批复开头未引述来文并写“收悉”")
                .with_label("应引述来文")
                .with_help("如“你局《关于……的请示》（×发〔2025〕12号）收悉。”");
        } else if !c.contains('《') && !c.contains('〔') && !c.contains("请示") {
            cx.report(first.span, "批复引述来文时未写明来文标题或发文字号")
                .with_label("应写明来文标题和字号")
                .with_help("如“你局《关于……的请示》（×发〔2025〕12号）收悉。”");
        }
    }
}
