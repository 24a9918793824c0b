//! GW208 skip-level: with an organisation profile, no 越级行文.

use crate::config::Relation;
use crate::declare_rule;
use crate::document::Document;
use crate::rule::{Context, Rule, RuleMeta};

declare_rule! {
    /// ## 作用
    /// 根据 gwlint.toml 中 `[organization]` 的 `higher`（直接上级之上的机关），检查公文是否越过
    /// 直接上级机关主送更高层级的机关（越级行文）。
    ///
    /// 没有配置 `[organization]` 时本规则不运行。
    ///
    /// ## 原因
    /// 《党政机关公文处理工作条例》第十四条规定，行文关系根据隶属关系和职权范围确定，一般不得越级
    /// 行文；特殊情况需要越级行文的，应当同时抄送被越过的机关。特殊情况可用抑制注释说明。
    ///
    /// ## 配置示例
    /// ```toml
    /// [organization]
    /// superiors = ["市人民政府"]
    /// higher = ["省人民政府"]
    /// ```
    ///
    /// ## 示例
    /// ```text
    /// 平安市交通运输局关于建设城际快速通道的请示
    ///
    /// 省人民政府：
    /// 　　妥否，请批示。
    /// ```
    ///
    /// ## 应改为
    /// ```text
    /// 平安市交通运输局关于建设城际快速通道的请示
    ///
    /// 市人民政府：
    /// 　　妥否，请批示。
    /// ```
    ///
    /// ## 依据
    /// 《党政机关公文处理工作条例》第十四条。
    pub static SKIP_LEVEL = {
        code: "GW208",
        name: "skip-level",
        category: Routing,
        severity: Warning,
        fix: None,
        scope: Gongwen,
        summary: "一般不得越级行文（需配置 [organization]）",
        source: "《党政机关公文处理工作条例》第十四条",
    };
}

pub struct SkipLevel;

impl Rule for SkipLevel {
    fn meta(&self) -> &RuleMeta {
        &SKIP_LEVEL
    }

    fn check(&self, doc: &Document, cx: &mut Context<'_>) {
        let Some(org) = cx.org() else { return };
        let copied_to_skipped = doc.elements.copy_to.iter().any(|c| org.relation(&c.name) == Some(Relation::Superior));
        for organ in &doc.elements.addressees {
            if org.relation(&organ.name) != Some(Relation::Higher) || copied_to_skipped {
                continue;
            }
            cx.report(organ.span, format!("越级行文：主送“{}”越过了直接上级机关", organ.name))
                .with_label("越级")
                .with_help("一般应主送直接上级机关；确需越级行文的，应同时抄送被越过的机关。");
        }
    }
}
