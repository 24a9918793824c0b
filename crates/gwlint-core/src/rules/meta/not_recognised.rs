//! GW002 not-recognised: say so when a text is not read as a 公文, and which checks did not run.

use crate::declare_rule;
use crate::document::{DocClass, Document};
use crate::rule::{Context, Rule, RuleMeta};
use crate::span::Span;

declare_rule! {
    /// ## 作用
    /// 文字没有被识别为公文时给出提示，说明找了什么、没找到什么，以及因此没有运行的检查：
    /// 没有找到标题，或标题不以文种结尾且没有发文字号、主送机关、成文日期等公文要素时，按非公文
    /// 处理；以“同志们：”称呼或标题以“讲话”等结尾的，按讲话稿处理。这两种情况下，文种、行文
    /// 规则和公文格式的检查都不运行，只检查标点、数字和用词。
    ///
    /// ## 原因
    /// 起草人需要知道一份草稿为什么“未发现问题”：是真的没有问题，还是 gwlint 没有把它当作公文来
    /// 检查。版头、标题写法不规范时，结构识别可能失败，这条提示指出应当检查的地方。
    ///
    /// ## 示例
    /// ```text
    /// 乡村振兴的几点思考
    ///
    /// 乡村振兴是一项系统工程，需要久久为功。
    /// ```
    ///
    /// ## 应改为
    /// ```text
    /// 平安县农业农村局关于推进乡村振兴工作的报告
    ///
    /// 平安县人民政府：
    /// 　　现将有关情况报告如下。
    /// ```
    ///
    /// ## 依据
    /// 《党政机关公文处理工作条例》第九条（公文要素）；gwlint 的结构识别。
    pub static NOT_RECOGNISED = {
        code: "GW002",
        name: "not-recognised",
        category: Meta,
        severity: Info,
        fix: None,
        scope: AnyText,
        summary: "未识别为公文时说明原因和未运行的检查",
        source: "《党政机关公文处理工作条例》第九条",
    };
}

pub struct NotRecognised;

impl Rule for NotRecognised {
    fn meta(&self) -> &RuleMeta {
        &NOT_RECOGNISED
    }

    fn check(&self, doc: &Document, cx: &mut Context<'_>) {
        let Some(first) = doc.paragraphs.first() else { return };
        let span = Span::new(first.span.start, first.span.end);
        let skipped = "文种、行文规则和公文格式的检查没有运行，只检查了标点、数字和用词";
        match doc.facts.class {
            DocClass::Gongwen => {}
            DocClass::Speech => {
                cx.report(span, format!("按讲话稿处理（有“同志们：”等称呼，或标题以“讲话”“发言”等结尾）；{skipped}"))
                    .with_label("讲话稿");
            }
            DocClass::Other => {
                let why = match doc.facts.title.as_deref() {
                    None => "没有找到标题（单独成行、以文种结尾或含“关于”的一行）".to_string(),
                    Some(t) if crate::document::structure::is_non_gongwen_report(t) => format!(
                        "标题“{t}”是调研报告、述职报告一类文稿，不是公文文种“报告”，也没有找到发文字号或主送机关"
                    ),
                    Some(t) => {
                        format!("标题“{t}”不以法定文种结尾，也没有找到发文字号、主送机关或“关于……”标题下的成文日期")
                    }
                };
                cx.report(span, format!("未识别为公文：{why}；{skipped}"))
                    .with_label("非公文")
                    .with_help("如果这是公文，请检查标题是否单独成行（发文机关＋关于＋事由＋文种），主送机关是否单独成行并以冒号结尾，发文字号是否写成“×××〔2025〕1号”。");
            }
        }
    }
}
