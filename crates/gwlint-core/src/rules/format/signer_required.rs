//! GW311 signer-required: a formal 上行文 marks its 签发人.

use crate::declare_rule;
use crate::document::{Document, Genre, Part};
use crate::rule::{Context, Rule, RuleMeta};

declare_rule! {
    /// ## 作用
    /// 检查有发文字号的请示、报告等上行文是否在版头标注了签发人。
    ///
    /// ## 原因
    /// 《党政机关公文处理工作条例》第九条（六）规定，上行文应当标注签发人姓名；GB/T 9704—2012
    /// 7.2.5 规定签发人与发文字号同行编排。没有发文字号的草稿（尚未编号）不检查。
    ///
    /// ## 示例
    /// ```text
    /// 平安市交通运输局文件
    /// 平交发〔2025〕15号
    ///
    /// 平安市交通运输局关于调整市区公交线网的请示
    ///
    /// 市人民政府：
    /// 　　妥否，请批示。
    /// ```
    ///
    /// ## 应改为
    /// ```text
    /// 平安市交通运输局文件
    /// 平交发〔2025〕15号　　签发人：张伟
    ///
    /// 平安市交通运输局关于调整市区公交线网的请示
    ///
    /// 市人民政府：
    /// 　　妥否，请批示。
    /// ```
    ///
    /// ## 依据
    /// 《党政机关公文处理工作条例》第九条（六）；GB/T 9704—2012 7.2.5。
    pub static SIGNER_REQUIRED = {
        code: "GW311",
        name: "signer-required",
        category: Format,
        severity: Warning,
        fix: None,
        scope: Gongwen,
        summary: "上行文应标注签发人",
        source: "《党政机关公文处理工作条例》第九条（六）；GB/T 9704—2012 7.2.5",
        skip_in: [Draft, Template],
    };
}

pub struct SignerRequired;

impl Rule for SignerRequired {
    fn meta(&self) -> &RuleMeta {
        &SIGNER_REQUIRED
    }

    fn check(&self, doc: &Document, cx: &mut Context<'_>) {
        if !matches!(doc.facts.acts_as, Some(Genre::Request | Genre::Report)) {
            return;
        }
        let Some(number) = doc.parts(Part::DocNumber).next() else { return };
        if doc.elements.signer.is_none() {
            cx.report(number.span, "上行文应在发文字号同行标注签发人")
                .with_label("缺少签发人")
                .with_help("在发文字号右侧写“签发人：姓名”。");
        }
    }
}
