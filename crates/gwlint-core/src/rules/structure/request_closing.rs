//! GW106 request-closing: a 请示 must end by asking for approval or instructions.

use crate::declare_rule;
use crate::document::{Document, Genre};
use crate::rule::{Context, Rule, RuleMeta};
use crate::rules::common::{closing_paragraphs, request_spans};

declare_rule! {
    /// ## 作用
    /// 检查请示（以及按请示判断的申请、请示报告）是否有明确的请求性结束语，如“妥否，请批示。”
    /// “当否，请批复。”“以上请示，请予审批。”。末尾几段里按请求模型读出的任何请求都算（“恳请县
    /// 政府予以批准”“请予核拨”“盼复”）。
    ///
    /// ## 原因
    /// 请示用于向上级机关请求指示、批准（《党政机关公文处理工作条例》第八条（十一））。没有明确的
    /// 请求，上级机关无法判断要批什么。呈转性请示以“以上意见如无不妥，请批转……执行”结尾，也是请求。
    ///
    /// ## 示例
    /// ```text
    /// 平安市交通运输局关于调整市区公交线网的请示
    ///
    /// 市人民政府：
    /// 　　我局拟新开公交线路6条、调整线路11条。
    /// 　　以上是我局的有关情况。
    ///
    /// 平安市交通运输局
    /// 2025年3月3日
    /// ```
    ///
    /// ## 应改为
    /// ```text
    /// 平安市交通运输局关于调整市区公交线网的请示
    ///
    /// 市人民政府：
    /// 　　我局拟新开公交线路6条、调整线路11条。
    /// 　　妥否，请批示。
    ///
    /// 平安市交通运输局
    /// 2025年3月3日
    /// ```
    ///
    /// ## 依据
    /// 《党政机关公文处理工作条例》第八条（十一）；结束语写法为公文写作实务。
    pub static REQUEST_CLOSING = {
        code: "GW106",
        name: "request-closing",
        category: Structure,
        severity: Warning,
        fix: None,
        scope: Gongwen,
        summary: "请示应有请求性结束语",
        source: "《党政机关公文处理工作条例》第八条（十一）",
    };
}

/// Other ways a 请示 legitimately closes with a request.
const OTHER_REQUESTS: &[&str] =
    &["请批转", "如无不妥", "请予审定", "请予批准", "以上请示", "请予审批", "请审定", "请指示", "请批示", "请研究"];

pub struct RequestClosing;

impl Rule for RequestClosing {
    fn meta(&self) -> &RuleMeta {
        &REQUEST_CLOSING
    }

    fn check(&self, doc: &Document, cx: &mut Context<'_>) {
        if doc.facts.acts_as != Some(Genre::Request) {
            return;
        }
        let closing = closing_paragraphs(doc, 3);
        let Some(last) = closing.last() else { return };
        let asks = closing.iter().any(|p| {
            let c = doc.content(p);
            !request_spans(c, 0).is_empty() || OTHER_REQUESTS.iter().any(|r| c.contains(r))
        });
        if !asks {
            cx.report(last.span, "请示缺少请求性结束语")
                .with_label("此处应提出明确请求")
                .with_help("在正文末尾写明请求，如“妥否，请批示。”“当否，请批复。”“以上请示，请予审批。”。");
        }
    }
}
