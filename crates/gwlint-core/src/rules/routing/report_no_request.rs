//! GW202 report-no-request: a 报告 must not carry requests for approval.

use crate::declare_rule;
use crate::document::{Document, Era, Genre};
use crate::requests::{requests, RequestKind};
use crate::rule::{Context, Rule, RuleMeta};
use crate::rules::common::body_paragraphs;

declare_rule! {
    /// ## 作用
    /// 检查报告（以及汇报、情况说明等按报告判断的文稿）中是否夹带请示事项。请求按句读出：请求的
    /// 用语（请、恳请、特请、望、希望、盼、建议、特申请……）之后，在同一句里要求主送机关批准、
    /// 拨付、安排、给予支持、予以倾斜、协调解决、同意、核增等，或要求答复（盼复、请予答复）。例如
    /// “妥否，请批示”“恳请市财政给予200万元经费支持”“望市卫生健康委在资金安排上对我县予以倾斜”
    /// “建议上级从车购税资金中拨付补助资金”“请县政府研究解决”“特申请县财政增拨经费”“盼复”。
    /// 报告的是读出的那一处请求。
    ///
    /// ## 原因
    /// 《党政机关公文处理工作条例》第十五条（四）规定，除上级机关负责人直接交办的事项外，报告不得
    /// 夹带请示事项。报告是阅件，上级机关不作批复；夹带的请求得不到办理。需要批准的事项应另行请示。
    ///
    /// “以上报告如无不妥，请批转各地执行”请上级批准并转发，也是请示事项：呈转性报告是旧《办法》
    /// 时期的写法，现行条例下应以“意见”或“请示”行文；2012年7月1日以前成文的报告不按此报告。
    ///
    /// “请审阅”“请阅示”是请上级阅知，引用已有批准（“经市政府批准”“报经县政府同意”）、对下级的要求（“请各单位……”“建议各乡镇
    /// 充实队伍”）、下一步工作打算（“我们将协调有关部门解决”）、引号中的话也不是请求，这些都不
    /// 报告。
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
            for r in requests(c, p.span.start).into_iter().filter(|r| !doc.elements.quotations.contains(r.span.start)) {
                let span = r.span;
                if r.kind == RequestKind::Forward {
                    // The 呈转性报告 was the accepted form before the current 条例.
                    if doc.facts.era == Era::Before2012 {
                        continue;
                    }
                    cx.report(span, format!("报告中请求上级批转：“{}”", doc.slice(span)))
                        .with_label("请求批准并转发")
                        .with_help("请上级批准并转发是请示事项；呈转性报告是旧《办法》时期的写法，现应以“意见”上报并请批转，或另行请示。");
                    continue;
                }
                cx.report(span, format!("报告中夹带请示事项：“{}”", doc.slice(span)))
                    .with_label("请求批准的用语")
                    .with_help("报告只汇报工作、反映情况，不提请求；需要批准的事项应另行请示。如确为上级机关负责人直接交办的事项，可用抑制注释说明。");
            }
        }
    }
}
