//! GW104 title-nested-forwarding: 转发 titles nested level upon level.

use crate::declare_rule;
use crate::document::Document;
use crate::rule::{Context, Rule, RuleMeta};
use crate::rules::common::{title_paragraphs, title_text};
use crate::span::Span;

declare_rule! {
    /// ## 作用
    /// 检查转发、印发类标题是否层层套叠，如“关于转发市政府办公室关于转发省政府办公厅关于……的通知的
    /// 通知的通知”。
    ///
    /// ## 原因
    /// 层层转发时照搬上级标题，会使标题冗长难读。实务中转发标题只保留最初发文机关和原文事由，
    /// 写作“关于转发××关于……的通知”，不重复“转发”和“的通知”。
    ///
    /// ## 示例
    /// ```text
    /// 平安县人民政府办公室关于转发市政府办公室关于转发省政府办公厅关于加强防汛工作的通知的通知的通知
    ///
    /// 各乡镇人民政府：
    /// 　　现将文件转发给你们，请认真贯彻执行。
    /// ```
    ///
    /// ## 应改为
    /// ```text
    /// 平安县人民政府办公室关于转发省政府办公厅关于加强防汛工作的通知
    ///
    /// 各乡镇人民政府：
    /// 　　现将文件转发给你们，请认真贯彻执行。
    /// ```
    ///
    /// ## 依据
    /// 公文写作实务（转发标题不层层套转）；《党政机关公文处理工作条例》第九条（七）。
    pub static TITLE_NESTED_FORWARDING = {
        code: "GW104",
        name: "title-nested-forwarding",
        category: Structure,
        severity: Warning,
        fix: None,
        scope: Gongwen,
        summary: "转发标题不应层层套叠",
        source: "公文写作实务；《党政机关公文处理工作条例》第九条（七）",
    };
}

pub struct TitleNestedForwarding;

impl Rule for TitleNestedForwarding {
    fn meta(&self) -> &RuleMeta {
        &TITLE_NESTED_FORWARDING
    }

    fn check(&self, doc: &Document, cx: &mut Context<'_>) {
        let title = title_text(doc);
        let forwards = title.matches("转发").count() + title.matches("批转").count();
        let nested_tail = title.contains("的通知的通知的通知");
        if forwards < 2 && !nested_tail {
            return;
        }
        let paras = title_paragraphs(doc);
        let (Some(first), Some(last)) = (paras.first(), paras.last()) else {
            return;
        };
        cx.report(Span::new(first.span.start, last.span.end), format!("转发标题层层套叠（含{forwards}处“转发”）"))
            .with_label("标题套叠")
            .with_help("只保留最初发文机关和原文事由，如“关于转发××关于……的通知”。");
    }
}
