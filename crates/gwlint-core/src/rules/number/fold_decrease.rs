//! GW512 fold-decrease: a decrease given as a multiple (下降了一倍, 减少三倍).

use regex::Regex;
use std::sync::LazyLock;

use crate::declare_rule;
use crate::document::Document;
use crate::rule::{Context, Rule, RuleMeta};
use crate::rules::common::paragraph_matches_where;

declare_rule! {
    /// ## 作用
    /// 检查用倍数表示减少的写法：“下降了一倍”“减少三倍”“降低2倍”“缩小一倍”。倍数只用于增加
    /// （“增长了一倍”是对的）；减少应当用分数或百分数（“下降了50%”“减少了一半”）。
    ///
    /// ## 原因
    /// “倍”是跟原数相等的数，只能用于增加：减少一倍就是减到零，“减少三倍”没有意义。编辑出版的
    /// 通行规范要求减少用分数或百分数表示。
    ///
    /// ## 示例
    /// ```text
    /// 全年事故起数比上年下降了一倍，检查费用减少三倍。
    /// ```
    ///
    /// ## 应改为
    /// ```text
    /// 全年事故起数比上年下降了50%，检查费用减少了75%。
    /// ```
    ///
    /// ## 依据
    /// 《现代汉语词典》（第7版）“倍”；编辑出版通行规范（减少不用倍数）。
    pub static FOLD_DECREASE = {
        code: "GW512",
        name: "fold-decrease",
        category: Number,
        severity: Warning,
        fix: None,
        scope: AnyText,
        summary: "减少不用倍数表示（不写“下降了一倍”）",
        source: "《现代汉语词典》（第7版）“倍”；编辑出版通行规范",
    };
}

static FOLD_DECREASE_RE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:下降|减少|降低|缩小|缩减|压缩|减小|减低)了?(?:[0-9]+(?:\.[0-9]+)?|[一二三四五六七八九十两几]+)倍")
        .unwrap()
});

pub struct FoldDecrease;

impl Rule for FoldDecrease {
    fn meta(&self) -> &RuleMeta {
        &FOLD_DECREASE
    }

    fn check(&self, doc: &Document, cx: &mut Context<'_>) {
        for (_, _, span) in paragraph_matches_where(doc, &FOLD_DECREASE_RE, |t, s| s.contains_char(t, '倍')) {
            cx.report(span, format!("“{}”：减少不能用倍数表示", doc.slice(span)))
                .with_label("减少不用倍数")
                .with_help("改用百分数或分数，如“下降了50%”“减少了一半”“减少到原来的四分之一”。");
        }
    }
}
