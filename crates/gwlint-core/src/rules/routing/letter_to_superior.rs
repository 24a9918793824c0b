//! GW209 letter-to-superior: with an organisation profile, a 函 does not ask a superior for approval.

use crate::config::Relation;
use crate::declare_rule;
use crate::document::{Document, Genre, Part};
use crate::relations::relation_to;
use crate::rule::{Context, Rule, RuleMeta};
use crate::rules::common::{body_paragraphs, request_spans};
use crate::span::Span;

declare_rule! {
    /// ## 作用
    /// 检查是否用函向上级机关请求批准。上级机关按 gwlint.toml 中 `[organization]` 的配置判断；
    /// 没有配置时，只认名称本身看得出的上级：发文机关所在地区的人民政府或党委（平安市交通运输局
    /// 写给平安市人民政府、市政府、市委）。请求按请求模型读出（请予批准、恳请……拨付、请……审批）。
    ///
    /// ## 原因
    /// 函适用于不相隶属机关之间商洽工作、询问和答复问题、请求批准和答复审批事项（《党政机关公文
    /// 处理工作条例》第八条（十四））。向有隶属关系的上级机关请求批准，应当使用请示。
    ///
    /// ## 配置示例
    /// ```toml
    /// [organization]
    /// superiors = ["市人民政府"]
    /// ```
    ///
    /// ## 示例
    /// ```text
    /// 平安市交通运输局关于追加公交补贴资金的函
    ///
    /// 市人民政府：
    /// 　　恳请市政府批准追加公交补贴资金2000万元。
    /// 　　请予函复。
    /// ```
    ///
    /// ## 应改为
    /// ```text
    /// 平安市交通运输局关于追加公交补贴资金的请示
    ///
    /// 市人民政府：
    /// 　　拟追加公交补贴资金2000万元。
    /// 　　妥否，请批示。
    /// ```
    ///
    /// ## 依据
    /// 《党政机关公文处理工作条例》第八条（十四）、第十五条。
    pub static LETTER_TO_SUPERIOR = {
        code: "GW209",
        name: "letter-to-superior",
        category: Routing,
        severity: Warning,
        fix: None,
        scope: Gongwen,
        summary: "向上级请求批准应用请示而非函",
        source: "《党政机关公文处理工作条例》第八条（十四）、第十五条",
    };
}

pub struct LetterToSuperior;

impl Rule for LetterToSuperior {
    fn meta(&self) -> &RuleMeta {
        &LETTER_TO_SUPERIOR
    }

    fn check(&self, doc: &Document, cx: &mut Context<'_>) {
        if doc.facts.genre != Some(Genre::Letter) {
            return;
        }
        let issuer = doc.facts.issuer.as_deref();
        let to_superior = doc
            .facts
            .recipients
            .iter()
            .any(|r| matches!(relation_to(issuer, r, cx.org()), Some(Relation::Superior | Relation::Higher)));
        if !to_superior {
            return;
        }
        let Some(first_request) = body_paragraphs(doc)
            .into_iter()
            .find_map(|p| request_spans(doc.content(p), p.span.start).into_iter().next())
        else {
            return;
        };
        // The 文种 is what is wrong: the finding stands on the title's “函”, the request and the
        // superior beside it.
        let addressee = doc.parts(Part::Addressee).next().map(|p| p.span);
        let genre_word = doc.parts(Part::Title).last().and_then(|t| {
            let c = doc.content(t);
            c.ends_with('函').then(|| Span::new(t.span.end - '函'.len_utf8(), t.span.end))
        });
        let message = format!("用函向上级机关请求批准（“{}”），应使用请示", doc.slice(first_request));
        let d = match genre_word {
            Some(w) => {
                let d = cx.report(w, message).with_label("应为请示");
                d.with_secondary(first_request, "请求批准");
                d
            }
            None => cx.report(first_request, message).with_label("请求批准"),
        };
        if let Some(a) = addressee {
            d.with_secondary(a, "主送上级机关");
        }
        d.with_help("函用于不相隶属机关之间；向上级机关请求指示、批准应使用请示。");
    }
}
