//! GW206 upward-cc-subordinate: a 请示 or 报告 is not copied to subordinate organs.

use crate::config::Relation;
use crate::declare_rule;
use crate::document::{Document, Genre};
use crate::relations::relation_to;
use crate::rule::{Context, Rule, RuleMeta};

declare_rule! {
    /// ## 作用
    /// 检查请示、报告是否抄送了下级机关，如抄送“各县（市、区）人民政府”“所属各单位”，或发文机关
    /// 本系统的下级单位：同一领域的所、站、队、中心（县交通运输局抄送乡交通管理站，县水利局抄送
    /// 水库管理所），本校的二级学院，本集团的公司。配置了 `[organization]` 的，按配置的下级机关判断。
    ///
    /// ## 原因
    /// 《党政机关公文处理工作条例》第十五条（三）规定，下级机关的请示事项，如需以本机关名义向上级
    /// 请示，不得抄送下级机关；请示未经批准，抄送下级会造成工作被动。报告是上行文，同样不应抄送
    /// 下级机关。
    ///
    /// ## 示例
    /// ```text
    /// 平安市教育局关于增拨校舍维修经费的请示
    ///
    /// 市人民政府：
    /// 　　妥否，请批示。
    ///
    /// 平安市教育局
    /// 2025年3月3日
    /// 抄送：市财政局，各县（市、区）教育局。
    /// ```
    ///
    /// ## 应改为
    /// ```text
    /// 平安市教育局关于增拨校舍维修经费的请示
    ///
    /// 市人民政府：
    /// 　　妥否，请批示。
    ///
    /// 平安市教育局
    /// 2025年3月3日
    /// 抄送：市财政局。
    /// ```
    ///
    /// ## 依据
    /// 《党政机关公文处理工作条例》第十五条（三）。
    pub static UPWARD_CC_SUBORDINATE = {
        code: "GW206",
        name: "upward-cc-subordinate",
        category: Routing,
        severity: Warning,
        fix: None,
        scope: Gongwen,
        summary: "请示、报告不得抄送下级机关",
        source: "《党政机关公文处理工作条例》第十五条（三）",
    };
}

pub struct UpwardCcSubordinate;

impl Rule for UpwardCcSubordinate {
    fn meta(&self) -> &RuleMeta {
        &UPWARD_CC_SUBORDINATE
    }

    fn check(&self, doc: &Document, cx: &mut Context<'_>) {
        let Some(genre) = doc.facts.acts_as.filter(|g| matches!(g, Genre::Request | Genre::Report)) else {
            return;
        };
        let (issuer, org) = (doc.facts.issuer.as_deref(), cx.org());
        let below = |name: &str| relation_to(issuer, name, org) == Some(Relation::Subordinate);
        for organ in doc.elements.copy_to.iter().filter(|o| below(&o.name)) {
            cx.report(organ.span, format!("{}抄送了下级机关“{}”", genre.as_str(), organ.name))
                .with_label("下级机关")
                .with_help("请示、报告是上行文，只抄送相关上级机关和同级机关。");
        }
    }
}
