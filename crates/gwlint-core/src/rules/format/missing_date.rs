//! GW312 missing-date: a complete 公文 ends with its 成文日期.

use crate::declare_rule;
use crate::document::{Document, Genre, Part};
use crate::rule::{Context, Rule, RuleMeta};
use crate::rules::common::body_paragraphs;

declare_rule! {
    /// ## 作用
    /// 检查写了主送机关的公文是否在正文（或附件说明、署名）之后写了成文日期。
    ///
    /// ## 原因
    /// 《党政机关公文处理工作条例》第九条（十二）规定成文日期是公文的组成部分，署会议讨论通过或者
    /// 发文机关负责人签发的日期；GB/T 9704—2012 7.3.5 规定其位置在署名之下。纪要、命令（令）等
    /// 格式特殊的文种、以题注写明通过日期的决定和决议不检查。网页转载的公文常省去落款，结构识别也
    /// 可能认不出少见的日期写法，所以本规则只作提示。
    ///
    /// ## 示例
    /// ```text
    /// 平安市交通运输局关于调整市区公交线网的请示
    ///
    /// 市人民政府：
    /// 　　妥否，请批示。
    ///
    /// 平安市交通运输局
    /// ```
    ///
    /// ## 应改为
    /// ```text
    /// 平安市交通运输局关于调整市区公交线网的请示
    ///
    /// 市人民政府：
    /// 　　妥否，请批示。
    ///
    /// 平安市交通运输局
    /// 2025年3月3日
    /// ```
    ///
    /// ## 依据
    /// 《党政机关公文处理工作条例》第九条（十二）；GB/T 9704—2012 7.3.5。
    pub static MISSING_DATE = {
        code: "GW312",
        name: "missing-date",
        category: Format,
        severity: Info,
        fix: None,
        scope: Gongwen,
        summary: "公文应写明成文日期",
        source: "《党政机关公文处理工作条例》第九条（十二）；GB/T 9704—2012 7.3.5",
        skip_in: [Draft, Template],
    };
}

pub struct MissingDate;

impl Rule for MissingDate {
    fn meta(&self) -> &RuleMeta {
        &MISSING_DATE
    }

    fn check(&self, doc: &Document, cx: &mut Context<'_>) {
        if matches!(doc.facts.genre, Some(Genre::Minutes | Genre::Order) | None) || doc.facts.date.is_some() {
            return;
        }
        if doc.parts(Part::Addressee).next().is_none() || doc.parts(Part::TitleNote).next().is_some() {
            return;
        }
        let Some(last) = body_paragraphs(doc).last().copied() else { return };
        cx.report(last.span, "公文缺少成文日期")
            .with_label("正文之后应有署名和成文日期")
            .with_help("在署名下一行写成文日期，如“2025年3月3日”。");
    }
}
