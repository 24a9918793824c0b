//! GW207 direction-mismatch: with an organisation profile, the 文种 must fit the direction.

use crate::config::Relation;
use crate::declare_rule;
use crate::document::{Document, Genre};
use crate::relations::relation_to;
use crate::rule::{Context, Rule, RuleMeta};

declare_rule! {
    /// ## 作用
    /// 检查行文方向与文种是否相符：请示、报告（以及按请示、报告判断的申请、汇报等）只能主送上级
    /// 机关；通知等下行文不能主送上级机关。上下级关系按 gwlint.toml 中 `[organization]` 的配置判断；
    /// 没有配置时，只认名称本身看得出的关系：本地区的人民政府、党委是上级（平安市交通运输局 →
    /// 市政府），本系统的所、站、中心是下级，“各……”（各乡镇人民政府、各有关单位）是一组下级。
    ///
    /// ## 原因
    /// 《党政机关公文处理工作条例》第十四条至第十六条规定了向上级、向下级行文的规则：请示、报告
    /// 是上行文，应主送上级机关；向同级或不相隶属机关商洽工作、请求批准应使用函；向上级机关不得
    /// 使用通知等下行文。
    ///
    /// ## 配置示例
    /// ```toml
    /// [organization]
    /// superiors = ["市人民政府"]
    /// peers = ["市财政局"]
    /// ```
    ///
    /// ## 示例
    /// ```text
    /// 平安市交通运输局关于追加公交补贴资金的请示
    ///
    /// 市财政局：
    /// 　　妥否，请批示。
    /// ```
    ///
    /// ## 应改为
    /// ```text
    /// 平安市交通运输局关于商请追加公交补贴资金的函
    ///
    /// 市财政局：
    /// 　　请予函复。
    /// ```
    ///
    /// ## 依据
    /// 《党政机关公文处理工作条例》第十四条、第十五条、第十六条。
    pub static DIRECTION_MISMATCH = {
        code: "GW207",
        name: "direction-mismatch",
        category: Routing,
        severity: Warning,
        fix: None,
        scope: Gongwen,
        summary: "文种应与行文方向相符",
        source: "《党政机关公文处理工作条例》第十四条至第十六条",
    };
}

pub struct DirectionMismatch;

impl Rule for DirectionMismatch {
    fn meta(&self) -> &RuleMeta {
        &DIRECTION_MISMATCH
    }

    fn check(&self, doc: &Document, cx: &mut Context<'_>) {
        let Some(genre) = doc.facts.acts_as else { return };
        let (issuer, org) = (doc.facts.issuer.as_deref(), cx.org());
        for organ in &doc.elements.addressees {
            // Configured relations; without them, what the names show (县政府 above a 县's
            // department, a 所 or 站 of the issuer's field below it), and “各……” addressees,
            // which are always a group of subordinates.
            let Some(rel) = relation_to(issuer, &organ.name, org) else { continue };
            let advice = match (genre, rel) {
                (Genre::Request | Genre::Report, Relation::Subordinate) => {
                    format!("{}是上行文，不能主送下级机关；对下级部署工作应使用通知等下行文", genre.as_str())
                }
                (Genre::Request, Relation::Peer) => {
                    "请示只能主送上级机关；向同级或不相隶属机关请求批准应使用函".to_string()
                }
                (Genre::Report, Relation::Peer) => "报告只能主送上级机关；向同级机关通报情况可使用函".to_string(),
                (
                    Genre::Circular | Genre::Reply | Genre::Decision | Genre::Bulletin,
                    Relation::Superior | Relation::Higher,
                ) => {
                    format!("{}是下行文，不能主送上级机关；向上级汇报用报告，请求批准用请示", genre.as_str())
                }
                _ => continue,
            };
            cx.report(organ.span, format!("{}主送了{}“{}”", genre.as_str(), rel.as_zh(), organ.name))
                .with_label(rel.as_zh())
                .with_help(format!("{advice}。"));
        }
    }
}
