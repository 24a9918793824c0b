//! GW109 missing-addressee: 请示, 报告, 通知, 批复 and 函 need a 主送机关.

use crate::declare_rule;
use crate::document::{Document, Genre, Part};
use crate::rule::{Context, Rule, RuleMeta};
use crate::rules::common::title_paragraphs;

declare_rule! {
    /// ## 作用
    /// 检查请示、报告、通知、批复、函是否写了主送机关。
    ///
    /// ## 原因
    /// 主送机关是公文的主要受理机关（《党政机关公文处理工作条例》第九条（八））。请示、报告要写明
    /// 受理的上级机关，批复要主送来文机关，函要写明商洽的机关，通知要写明执行或知悉的单位。
    /// 公告、通告、命令、纪要等公布性文种一般不写主送机关，不检查。
    ///
    /// ## 示例
    /// ```text
    /// 平安市交通运输局关于调整市区公交线网的请示
    ///
    /// 　　我局拟新开公交线路6条。
    /// 　　妥否，请批示。
    /// ```
    ///
    /// ## 应改为
    /// ```text
    /// 平安市交通运输局关于调整市区公交线网的请示
    ///
    /// 市人民政府：
    /// 　　我局拟新开公交线路6条。
    /// 　　妥否，请批示。
    /// ```
    ///
    /// ## 依据
    /// 《党政机关公文处理工作条例》第九条（八）。
    pub static MISSING_ADDRESSEE = {
        code: "GW109",
        name: "missing-addressee",
        category: Structure,
        severity: Warning,
        fix: None,
        scope: Gongwen,
        summary: "请示、报告、通知、批复、函应有主送机关",
        source: "《党政机关公文处理工作条例》第九条（八）",
    };
}

const NEEDS_ADDRESSEE: &[Genre] = &[Genre::Request, Genre::Report, Genre::Circular, Genre::Reply, Genre::Letter];

pub struct MissingAddressee;

impl Rule for MissingAddressee {
    fn meta(&self) -> &RuleMeta {
        &MISSING_ADDRESSEE
    }

    fn check(&self, doc: &Document, cx: &mut Context<'_>) {
        let Some(genre) = doc.facts.genre else { return };
        if !NEEDS_ADDRESSEE.contains(&genre) || doc.parts(Part::Addressee).next().is_some() {
            return;
        }
        // Only judge documents that have a body after the title (not a bare title or fragment).
        if doc.parts(Part::Body).next().is_none() {
            return;
        }
        let Some(last) = title_paragraphs(doc).last().copied() else {
            return;
        };
        cx.report(last.span, format!("{}缺少主送机关", genre.as_str()))
            .with_label("标题下应写主送机关")
            .with_help("在标题下一行顶格写主送机关，以全角冒号结尾，如“市人民政府：”。");
    }
}
