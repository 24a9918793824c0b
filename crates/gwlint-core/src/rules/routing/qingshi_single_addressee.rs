//! GW203 qingshi-single-addressee: a 请示 goes to one superior (no 多头请示).

use crate::declare_rule;
use crate::document::{Document, Genre, Part};
use crate::rule::{Context, Rule, RuleMeta};

declare_rule! {
    /// ## 作用
    /// 检查请示、报告（以及按请示、报告判断的申请、汇报等）是否主送了两个以上机关，如请示主送
    /// “市委、市政府：”（多头请示），报告主送“市人民政府、市安全生产委员会：”。
    ///
    /// ## 原因
    /// 《党政机关公文处理工作条例》第十五条（一）规定，向上级机关行文原则上主送一个上级机关，根据需要同时抄送
    /// 相关上级机关和同级机关。多头主送会使几个机关互相推诿或批复不一。受双重领导的机关，主送
    /// 主管机关，抄送另一机关。
    ///
    /// ## 示例
    /// ```text
    /// 平安市审计局关于开展市级部门预算执行审计的请示
    ///
    /// 市委、市政府：
    /// 　　妥否，请批示。
    /// ```
    ///
    /// ## 应改为
    /// ```text
    /// 平安市审计局关于开展市级部门预算执行审计的请示
    ///
    /// 市人民政府：
    /// 　　妥否，请批示。
    /// ```
    ///
    /// ## 依据
    /// 《党政机关公文处理工作条例》第十五条（一）。
    pub static QINGSHI_SINGLE_ADDRESSEE = {
        code: "GW203",
        name: "qingshi-single-addressee",
        category: Routing,
        severity: Warning,
        fix: None,
        scope: Gongwen,
        summary: "请示、报告原则上主送一个上级机关",
        source: "《党政机关公文处理工作条例》第十五条（一）",
    };
}

pub struct QingshiSingleAddressee;

impl Rule for QingshiSingleAddressee {
    fn meta(&self) -> &RuleMeta {
        &QINGSHI_SINGLE_ADDRESSEE
    }

    fn check(&self, doc: &Document, cx: &mut Context<'_>) {
        let Some(genre) = doc.facts.acts_as.filter(|g| matches!(g, Genre::Request | Genre::Report)) else {
            return;
        };
        if doc.facts.recipients.len() < 2 {
            return;
        }
        let Some(p) = doc.parts(Part::Addressee).next() else {
            return;
        };
        let what = if genre == Genre::Request { "（多头请示）" } else { "" };
        cx.report(p.span, format!("{}主送了{}个机关{what}", genre.as_str(), doc.facts.recipients.len()))
            .with_label("多个主送机关")
            .with_help(format!("{}原则上只主送一个上级机关，其他需要知悉的机关列入抄送。", genre.as_str()));
    }
}
