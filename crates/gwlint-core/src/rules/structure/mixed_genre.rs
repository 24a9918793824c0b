//! GW102 mixed-genre: two 文种 fused into one (请示报告, 申请报告, 请示函).

use crate::declare_rule;
use crate::document::Document;
use crate::rule::{Context, Rule, RuleMeta};
use crate::rules::common::{title_paragraphs, title_text};
use crate::span::Span;

declare_rule! {
    /// ## 作用
    /// 检查标题是否把两个文种叠用或混用，如“请示报告”“报告请示”“申请报告”“请示函”。
    ///
    /// ## 原因
    /// 请示用于请求指示、批准，报告用于汇报工作、反映情况，两者用途不同，《党政机关公文处理工作条例》
    /// 第十五条还规定报告不得夹带请示事项。一份公文只能用一个文种。
    ///
    /// ## 示例
    /// ```text
    /// 平安市教育局关于增拨校舍维修经费的请示报告
    ///
    /// 市人民政府：
    /// 　　妥否，请批示。
    /// ```
    ///
    /// ## 应改为
    /// ```text
    /// 平安市教育局关于增拨校舍维修经费的请示
    ///
    /// 市人民政府：
    /// 　　妥否，请批示。
    /// ```
    ///
    /// ## 依据
    /// 《党政机关公文处理工作条例》第八条（十）（十一）、第十五条（四）。
    pub static MIXED_GENRE = {
        code: "GW102",
        name: "mixed-genre",
        category: Structure,
        severity: Error,
        fix: None,
        scope: Gongwen,
        summary: "标题不得叠用、混用文种",
        source: "《党政机关公文处理工作条例》第八条、第十五条（四）",
    };
}

/// Fused endings and the 文种 to keep.
const MIXED: &[(&str, &str)] = &[
    ("请示报告", "请求批准用“请示”，汇报工作用“报告”"),
    ("报告请示", "请求批准用“请示”，汇报工作用“报告”"),
    ("申请报告", "向上级请求批准应使用“请示”"),
    ("请示函", "向上级请求批准用“请示”，向不相隶属机关商洽用“函”"),
    ("报告函", "向上级汇报用“报告”，向不相隶属机关商洽用“函”"),
    ("请示的函", "向上级请求批准用“请示”，向不相隶属机关商洽用“函”"),
];

pub struct MixedGenre;

impl Rule for MixedGenre {
    fn meta(&self) -> &RuleMeta {
        &MIXED_GENRE
    }

    fn check(&self, doc: &Document, cx: &mut Context<'_>) {
        let title = title_text(doc);
        let Some((word, advice)) = MIXED.iter().find(|(w, _)| title.ends_with(w)) else {
            return;
        };
        let paras = title_paragraphs(doc);
        let Some(last) = paras.last() else { return };
        let content = doc.content(last);
        let span = content
            .rfind(word)
            .filter(|&i| i + word.len() == content.len())
            .map_or(last.span, |i| Span::new(last.span.start + i, last.span.end));
        cx.report(span, format!("标题叠用文种“{word}”，一份公文只能使用一个文种"))
            .with_label("文种混用")
            .with_help(format!("{advice}。"));
    }
}
