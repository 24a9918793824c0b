//! GW107 closing-genre-mismatch: a 结束语 that belongs to another 文种 (特此报告 in a 通知).

use crate::declare_rule;
use crate::document::Document;
use crate::rule::{Context, Rule, RuleMeta};
use crate::rules::common::{closing_formula, closing_paragraphs};

declare_rule! {
    /// ## 作用
    /// 检查结束语是否与文种相符：通知以“特此报告”收尾、函以“妥否，请批示”收尾、批复以“特此通知”
    /// 收尾等，都是把别的文种的结束语用错了地方。
    ///
    /// ## 原因
    /// 各文种有惯用的结束语：报告用“特此报告”，通知用“特此通知”，通报用“特此通报”，批复用
    /// “此复”“特此批复”，函用“特此函告”“请予函复”，请示用“妥否，请批示”等。结束语与文种不符，
    /// 往往说明文种用错，或是套用旧稿没有改全。
    ///
    /// ## 示例
    /// ```text
    /// 平安市人民政府办公室关于开展安全生产大检查的通知
    ///
    /// 各县（市、区）人民政府：
    /// 　　请各地于5月底前完成检查。
    /// 　　特此报告。
    /// ```
    ///
    /// ## 应改为
    /// ```text
    /// 平安市人民政府办公室关于开展安全生产大检查的通知
    ///
    /// 各县（市、区）人民政府：
    /// 　　请各地于5月底前完成检查。
    /// 　　特此通知。
    /// ```
    ///
    /// ## 依据
    /// 公文写作实务（各文种结束语）；《党政机关公文处理工作条例》第八条。
    pub static CLOSING_GENRE_MISMATCH = {
        code: "GW107",
        name: "closing-genre-mismatch",
        category: Structure,
        severity: Warning,
        fix: None,
        scope: Gongwen,
        summary: "结束语应与文种相符",
        source: "公文写作实务；《党政机关公文处理工作条例》第八条",
    };
}

pub struct ClosingGenreMismatch;

impl Rule for ClosingGenreMismatch {
    fn meta(&self) -> &RuleMeta {
        &CLOSING_GENRE_MISMATCH
    }

    fn check(&self, doc: &Document, cx: &mut Context<'_>) {
        let Some(genre) = doc.facts.acts_as else { return };
        for p in closing_paragraphs(doc, 3) {
            let Some((formula, genres)) = closing_formula(doc.content(p)) else {
                continue;
            };
            if genres.contains(&genre) {
                continue;
            }
            let belongs: Vec<&str> = genres.iter().map(|g| g.as_str()).collect();
            cx.report(p.span, format!("{}使用了{}的结束语“{formula}”", genre.as_str(), belongs.join("、")))
                .with_label("结束语与文种不符")
                .with_help(format!("核对文种；{}", usual_closing(genre.as_str())));
        }
    }
}

fn usual_closing(genre: &str) -> String {
    let usual = match genre {
        "报告" => "报告一般以“特此报告。”结尾，不提请求",
        "通知" => "通知一般以“特此通知。”结尾（可省略）",
        "通报" => "通报一般以“特此通报。”结尾",
        "请示" => "请示一般以“妥否，请批示。”等请求性用语结尾",
        "批复" => "批复一般以“此复。”或“特此批复。”结尾",
        "函" => "函一般以“特此函告。”“请予函复。”或“特此函复。”结尾",
        "通告" => "通告一般以“特此通告。”结尾",
        "公告" => "公告一般以“特此公告。”结尾",
        _ => "该文种没有固定结束语，可不写",
    };
    format!("{usual}。")
}
