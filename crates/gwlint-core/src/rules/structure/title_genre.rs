//! GW101 title-genre: the title must end with one of the 15 legal 文种.

use crate::declare_rule;
use crate::document::facts::NonGenreWord;
use crate::document::{Document, Genre};
use crate::rule::{Context, Rule, RuleMeta};
use crate::rules::common::title_paragraphs;
use crate::span::Span;
use crate::text::strip_spaces;

declare_rule! {
    /// ## 作用
    /// 检查公文标题是否以法定文种结尾。
    ///
    /// ## 原因
    /// 《党政机关公文处理工作条例》第八条规定公文种类为决议、决定、命令（令）、公报、公告、通告、
    /// 意见、通知、通报、报告、请示、批复、议案、函、纪要15种；第九条规定标题由发文机关名称、
    /// 事由和文种组成。“汇报”“申请”“方案”“安排”等不是法定文种，不能作为标题的文种。
    ///
    /// 讲话稿、文章等非公文不检查此项。对人大代表建议、政协委员提案的“答复”（如“对……第×号建议的
    /// 答复”）是办理建议提案的既定文书形式，不作为错误。
    ///
    /// ## 示例
    /// ```text
    /// 平安市水利局关于2025年防汛工作的安排
    ///
    /// 各县（市、区）水利局：
    /// 　　现将2025年防汛工作安排如下。
    /// ```
    ///
    /// ## 应改为
    /// ```text
    /// 平安市水利局关于印发2025年防汛工作安排的通知
    ///
    /// 各县（市、区）水利局：
    /// 　　现将2025年防汛工作安排印发给你们，请认真贯彻执行。
    /// ```
    ///
    /// ## 依据
    /// 《党政机关公文处理工作条例》第八条、第九条（七）。
    pub static TITLE_GENRE = {
        code: "GW101",
        name: "title-genre",
        category: Structure,
        severity: Error,
        fix: None,
        scope: Gongwen,
        summary: "标题须以法定文种结尾",
        source: "《党政机关公文处理工作条例》第八条、第九条（七）",
    };
}

pub struct TitleGenre;

impl Rule for TitleGenre {
    fn meta(&self) -> &RuleMeta {
        &TITLE_GENRE
    }

    fn check(&self, doc: &Document, cx: &mut Context<'_>) {
        if doc.facts.title.as_deref().and_then(Genre::from_title).is_some() {
            return;
        }
        // Replies to deputies' suggestions and proposals (…建议的答复) are an established form.
        if doc.facts.title.as_deref().is_some_and(|t| strip_spaces(t).ends_with("答复")) {
            return;
        }
        let title = title_paragraphs(doc);
        let Some(last) = title.last() else { return };
        let text = doc.content(last);
        let joined = doc.facts.title.as_deref().map(strip_spaces).unwrap_or_default();
        let full = Span::new(title[0].span.start, last.span.end);
        match NonGenreWord::ending(&joined) {
            Some(&NonGenreWord { word, advice, .. }) => {
                let span = text
                    .rfind(word)
                    .filter(|&i| i + word.len() == text.len())
                    .map_or(last.span, |i| Span::new(last.span.start + i, last.span.end));
                cx.report(span, format!("“{word}”不是法定文种，标题应以法定文种结尾"))
                    .with_label("非法定文种")
                    .with_help(format!("{advice}。"))
                    .with_secondary(full, "标题");
            }
            None => {
                cx.report(last.span, "标题未以法定文种结尾")
                    .with_label("缺少文种")
                    .with_help("标题由发文机关名称、事由和文种组成，文种应为决议、决定、命令（令）、公报、公告、通告、意见、通知、通报、报告、请示、批复、议案、函、纪要之一。");
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::document::{Document, SourceKind};
    use crate::linter::{Linter, Selection};
    use crate::registry::Registry;

    fn codes(text: &str) -> Vec<String> {
        let sel = Selection { select: Some(vec!["GW101".into()]), ..Default::default() };
        let linter = Linter::new(Registry::builtin(), &sel).unwrap();
        let doc = Document::from_text("t.txt", SourceKind::Txt, text).unwrap();
        linter.check(&doc).into_iter().map(|d| d.message).collect()
    }

    #[test]
    fn non_genre_word_is_named() {
        let m = codes("关于第一季度工作情况的汇报\n\n市政府：\n现将情况汇报如下。\n");
        assert_eq!(m, vec!["“汇报”不是法定文种，标题应以法定文种结尾"]);
    }

    #[test]
    fn legal_genres_and_speeches_pass() {
        assert!(codes("关于调整公交线网的请示\n\n市人民政府：\n妥否，请批示。\n").is_empty());
        assert!(codes("在全市工作会议上的讲话\n同志们：\n今天开会。\n").is_empty());
        assert!(codes("乡村振兴的几点思考\n\n乡村振兴是系统工程。\n").is_empty());
    }
}
