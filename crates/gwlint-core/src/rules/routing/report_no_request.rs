//! GW202 report-no-request: a 报告 must not carry requests for approval.

use crate::declare_rule;
use crate::document::{Document, Genre};
use crate::rule::{Context, Rule, RuleMeta};
use crate::rules::common::{body_paragraphs, request_spans};

declare_rule! {
    /// ## 作用
    /// 检查报告中是否夹带请示事项：“请批准”“请审批”“妥否，请批示”“恳请……拨付”等请求上级批准的
    /// 用语。
    ///
    /// ## 原因
    /// 《党政机关公文处理工作条例》第十五条（四）规定，除上级机关负责人直接交办的事项外，报告不得
    /// 夹带请示事项。报告是阅件，上级机关不作批复；夹带的请求得不到办理。需要批准的事项应另行请示。
    ///
    /// “请审阅”“请阅示”是请上级阅知，“以上报告如无不妥，请批转……”是呈转性报告的惯用结语，
    /// 引用已有批准（如“经市政府批准”）也不是请求，这些都不报告。
    ///
    /// ## 示例
    /// ```text
    /// 平安市生态环境局关于第一季度大气污染防治工作情况的报告
    ///
    /// 市人民政府：
    /// 　　为此，请市政府批准我局增加3名专项执法人员编制。
    /// 　　特此报告。
    /// ```
    ///
    /// ## 应改为
    /// ```text
    /// 平安市生态环境局关于第一季度大气污染防治工作情况的报告
    ///
    /// 市人民政府：
    /// 　　下一步，我局将持续推进重点行业深度治理。
    /// 　　特此报告。
    /// ```
    ///
    /// ## 依据
    /// 《党政机关公文处理工作条例》第十五条（四）。
    pub static REPORT_NO_REQUEST = {
        code: "GW202",
        name: "report-no-request",
        category: Routing,
        severity: Error,
        fix: None,
        scope: Gongwen,
        summary: "报告不得夹带请示事项",
        source: "《党政机关公文处理工作条例》第十五条（四）",
    };
}

pub struct ReportNoRequest;

impl Rule for ReportNoRequest {
    fn meta(&self) -> &RuleMeta {
        &REPORT_NO_REQUEST
    }

    fn check(&self, doc: &Document, cx: &mut Context<'_>) {
        if doc.facts.acts_as != Some(Genre::Report) {
            return;
        }
        for p in body_paragraphs(doc) {
            let c = doc.content(p);
            // Quoted words (“”, 《》) are not the writer's own request.
            for span in
                request_spans(c, p.span.start).into_iter().filter(|s| !doc.elements.quotations.contains(s.start))
            {
                cx.report(span, format!("报告中夹带请示事项：“{}”", doc.slice(span)))
                    .with_label("请求批准的用语")
                    .with_help("报告只汇报工作、反映情况，不提请求；需要批准的事项应另行请示。如确为上级机关负责人直接交办的事项，可用抑制注释说明。");
            }
        }
    }
}
