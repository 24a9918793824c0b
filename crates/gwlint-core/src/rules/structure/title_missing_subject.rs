//! GW103 title-missing-subject: a title that is only a 文种 (通知, ××局通知) without its 事由.

use crate::declare_rule;
use crate::document::Document;
use crate::rule::{Context, Rule, RuleMeta};
use crate::rules::common::{title_paragraphs, title_text};
use crate::span::Span;

declare_rule! {
    /// ## 作用
    /// 检查标题是否缺少事由，如标题只写“通知”“紧急通知”或“××局通知”。
    ///
    /// ## 原因
    /// 《党政机关公文处理工作条例》第九条规定，标题由发文机关名称、事由和文种组成。事由说明公文的
    /// 主要内容，一般以“关于……的”引出。只有文种的标题无法让收文机关了解公文内容。
    /// 命令（令）、公告、通告以及“××会议纪要”有固定写法，不检查。
    ///
    /// ## 示例
    /// ```text
    /// 通知
    ///
    /// 各科室：
    /// 　　定于3月5日召开全局干部大会。
    /// ```
    ///
    /// ## 应改为
    /// ```text
    /// 平安市统计局关于召开全局干部大会的通知
    ///
    /// 各科室：
    /// 　　定于3月5日召开全局干部大会。
    /// ```
    ///
    /// ## 依据
    /// 《党政机关公文处理工作条例》第九条（七）。
    pub static TITLE_MISSING_SUBJECT = {
        code: "GW103",
        name: "title-missing-subject",
        category: Structure,
        severity: Warning,
        fix: None,
        scope: Gongwen,
        summary: "标题应包含事由（关于……的）",
        source: "《党政机关公文处理工作条例》第九条（七）",
    };
}

/// 文种 whose titles legitimately have no "关于……的" (令, 公告, 通告, 公报, 纪要, 决议).
const FREE_FORM: &[&str] = &["令", "命令", "公告", "通告", "公报", "纪要", "决议"];

pub struct TitleMissingSubject;

impl Rule for TitleMissingSubject {
    fn meta(&self) -> &RuleMeta {
        &TITLE_MISSING_SUBJECT
    }

    fn check(&self, doc: &Document, cx: &mut Context<'_>) {
        let Some(genre) = doc.facts.genre else { return };
        let g = genre.as_str();
        if FREE_FORM.contains(&g) {
            return;
        }
        let title = title_text(doc);
        // Only the 文种, optionally qualified (紧急通知, 补充通知), optionally after an organ name:
        // no 关于, no 的, and short.
        let has_subject =
            title.contains("关于") || title.contains('的') || title.contains("转发") || title.contains("印发");
        let words = title.chars().count();
        if has_subject || words > 16 {
            return;
        }
        let paras = title_paragraphs(doc);
        let (Some(first), Some(last)) = (paras.first(), paras.last()) else {
            return;
        };
        cx.report(Span::new(first.span.start, last.span.end), "标题缺少事由，应写明“关于……的”主要内容")
            .with_label("缺少事由")
            .with_help(format!("标题由发文机关名称、事由和文种组成，如“××关于……的{g}”。"));
    }
}
