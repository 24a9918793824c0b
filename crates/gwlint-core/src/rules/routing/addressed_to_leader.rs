//! GW204 addressed-to-leader: documents go to organs, not to leaders personally.

use regex::Regex;
use std::sync::LazyLock;

use crate::declare_rule;
use crate::document::Document;
use crate::rule::{Context, Rule, RuleMeta};

declare_rule! {
    /// ## 作用
    /// 检查主送机关是否写成了领导者个人，如“王市长：”“刘书记、王市长：”“陈刚同志：”“尊敬的
    /// 刘市长：”“报：县政府李县长”“呈张局长阅示：”。
    /// 答复人大代表建议、政协委员提案的答复或复函按惯例主送提出人，不检查。
    ///
    /// ## 原因
    /// 《党政机关公文处理工作条例》第十五条（五）规定，除上级机关负责人直接交办事项外，不得以本机关
    /// 名义向上级机关负责人报送公文；公文应当主送机关。上级机关负责人直接交办的事项，可在该行用
    /// 抑制注释说明理由。
    ///
    /// ## 示例
    /// ```text
    /// 平安市审计局关于开展市级部门预算执行审计的请示
    ///
    /// 刘书记、王市长：
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
    /// 《党政机关公文处理工作条例》第十五条（五）。
    pub static ADDRESSED_TO_LEADER = {
        code: "GW204",
        name: "addressed-to-leader",
        category: Routing,
        severity: Warning,
        fix: None,
        scope: Gongwen,
        summary: "公文不得主送领导者个人",
        source: "《党政机关公文处理工作条例》第十五条（五）",
    };
}

/// A person: a name or surname followed by a post or 同志 (王市长, 陈刚同志, 市委刘书记).
static LEADER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(concat!(
        r"^\p{Han}{0,8}?\p{Han}{1,3}(?:副?书记|副?市长|副?省长|副?县长|副?区长|副?镇长|副?乡长|副?局长|副?厅长|",
        r"副?部长|副?主任|副?处长|副?科长|副?院长|副?校长|董事长|总经理|秘书长|副?主席|同志)$"
    ))
    .unwrap()
});

/// Words of submission around a leader's name: 呈……阅示, 报……审阅, ……亲启.
static SUBMITTED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:呈报|呈送|报送|呈|报|送|致)|(?:阅示|阅批|批示|审阅|审批|阅处|亲启|钧鉴|阅)$").unwrap()
});

pub struct AddressedToLeader;

impl Rule for AddressedToLeader {
    fn meta(&self) -> &RuleMeta {
        &ADDRESSED_TO_LEADER
    }

    fn check(&self, doc: &Document, cx: &mut Context<'_>) {
        if crate::rules::common::answers_proposal(doc) {
            return;
        }
        for organ in &doc.elements.addressees {
            let name = organ.name.as_str();
            // “呈张局长阅示”: the leader without the words of submission around the name.
            let bare = SUBMITTED.replace_all(name, "");
            if bare.chars().count() <= 12 && LEADER.is_match(&bare) {
                cx.report(organ.span, format!("公文主送了领导者个人“{name}”，应主送机关"))
                    .with_label("领导者个人")
                    .with_help("公文应主送机关；除上级机关负责人直接交办的事项外，不得以本机关名义向上级机关负责人报送公文。直接交办的，可用抑制注释说明。");
            }
        }
    }
}
