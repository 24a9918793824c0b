//! GW205 signed-by-person: an upward document is signed by the organ, not by a leader.

use regex::Regex;
use std::sync::LazyLock;

use crate::declare_rule;
use crate::document::{Document, Genre, Part};
use crate::rule::{Context, Rule, RuleMeta};

declare_rule! {
    /// ## 作用
    /// 检查请示、报告（以及按请示、报告判断的申请、汇报等）的落款是否写成了负责人个人的职务和
    /// 姓名，如“主任　李华”“院长：周明”“负责人：张强”“县水利局局长　王立”“李华（主任）”，
    /// 或机关名称下一行另写“局长：某某”。
    ///
    /// ## 原因
    /// 请示、报告以机关名义行文，发文机关署名应当署发文机关全称或者规范化简称（《党政机关公文处理
    /// 工作条例》第九条（十一））。以负责人个人名义上报，不符合以机关名义行文的要求；签发人另在
    /// 版头“签发人”处标注。
    ///
    /// ## 示例
    /// ```text
    /// 平安市档案馆关于接收市直单位到期档案的请示
    ///
    /// 市人民政府：
    /// 　　妥否，请批示。
    ///
    /// 馆长：周明
    /// 2025年3月3日
    /// ```
    ///
    /// ## 应改为
    /// ```text
    /// 平安市档案馆关于接收市直单位到期档案的请示
    ///
    /// 市人民政府：
    /// 　　妥否，请批示。
    ///
    /// 平安市档案馆
    /// 2025年3月3日
    /// ```
    ///
    /// ## 依据
    /// 《党政机关公文处理工作条例》第九条（十一）、第十五条。
    pub static SIGNED_BY_PERSON = {
        code: "GW205",
        name: "signed-by-person",
        category: Routing,
        severity: Warning,
        fix: None,
        scope: Gongwen,
        summary: "请示、报告应以机关名义署名",
        source: "《党政机关公文处理工作条例》第九条（十一）、第十五条",
    };
}

/// "主任 李华", "院长：周明", "李华（主任）".
static PERSON_SIGNATURE: LazyLock<Regex> = LazyLock::new(|| {
    let post = r"(?:副?书记|副?市长|副?省长|副?县长|副?区长|副?局长|副?厅长|副?部长|副?主任|副?处长|副?科长|副?院长|副?校长|馆长|所长|站长|队长|董事长|总经理|负责人)";
    Regex::new(&format!(r"^(?:\p{{Han}}{{0,12}}?{post}[\s：:]*\p{{Han}}{{2,4}}|\p{{Han}}{{2,4}}\s*[（(]{post}[)）])$"))
        .unwrap()
});

pub struct SignedByPerson;

impl Rule for SignedByPerson {
    fn meta(&self) -> &RuleMeta {
        &SIGNED_BY_PERSON
    }

    fn check(&self, doc: &Document, cx: &mut Context<'_>) {
        if !matches!(doc.facts.acts_as, Some(Genre::Request | Genre::Report)) {
            return;
        }
        let Some(date) = doc.parts(Part::Date).next() else {
            return;
        };
        let before = &doc.paragraphs[date.index.saturating_sub(3)..date.index];
        for p in before {
            let c = doc.content(p).replace('\u{3000}', " ");
            if PERSON_SIGNATURE.is_match(c.trim()) {
                cx.report(p.span, "请示、报告以负责人个人名义署名，应署发文机关名称")
                    .with_label("个人署名")
                    .with_help("落款写发文机关全称或规范化简称；签发人在版头“签发人”处标注。");
            }
        }
    }
}
