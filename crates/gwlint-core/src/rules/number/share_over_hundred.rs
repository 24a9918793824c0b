//! GW511 share-over-hundred: a share of a whole (占……的 N%, 占比 N%) above 100%.

use regex::Regex;
use std::sync::LazyLock;

use crate::declare_rule;
use crate::document::Document;
use crate::rule::{Context, Rule, RuleMeta};
use crate::rules::common::{group_span, paragraph_matches_where};

declare_rule! {
    /// ## 作用
    /// 检查表示部分占整体的比例是否超过100%：“占全市总量的120%”“占比105%”“比重为110%”。
    /// 完成率、增长率、“相当于……的120%”不是占比，可以超过100%，不检查。
    ///
    /// ## 原因
    /// 部分不会超过整体，占比超过100%必有一个数字或一个词用错了（多是把增长率、完成率写成了
    /// 占比）。
    ///
    /// ## 示例
    /// ```text
    /// 全市新能源汽车销量达12万辆，占全省总销量的120%。
    /// ```
    ///
    /// ## 应改为
    /// ```text
    /// 全市新能源汽车销量达12万辆，占全省总销量的12%。
    /// ```
    ///
    /// ## 依据
    /// 《党政机关公文处理工作条例》第二十条（四）（内容准确）。
    pub static SHARE_OVER_HUNDRED = {
        code: "GW511",
        name: "share-over-hundred",
        category: Number,
        severity: Warning,
        fix: None,
        scope: AnyText,
        summary: "占整体的比例不应超过100%",
        source: "《党政机关公文处理工作条例》第二十条（四）",
    };
}

/// 占……的 N%, 占比（为/达）N%, 比重（为/达）N%.
static SHARE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?:占[^，。；、％%0-9]{1,20}的|占比[为达是约近超]?|比重[为达是约近超]?)(?P<n>[0-9]+(?:\.[0-9]+)?)[%％]",
    )
    .unwrap()
});

pub struct ShareOverHundred;

impl Rule for ShareOverHundred {
    fn meta(&self) -> &RuleMeta {
        &SHARE_OVER_HUNDRED
    }

    fn check(&self, doc: &Document, cx: &mut Context<'_>) {
        for (p, c, _) in
            paragraph_matches_where(doc, &SHARE, |t, s| s.contains_char(t, '%') || s.contains_char(t, '％'))
        {
            let n = c.name("n").expect("group");
            let Ok(value) = n.as_str().parse::<f64>() else { continue };
            if value <= 100.0 {
                continue;
            }
            let span = group_span(p, n);
            cx.report(span, format!("部分占整体的比例为{}%，超过了100%", n.as_str()))
                .with_label("占比超过100%")
                .with_help("核对数字；若说的是增长率或完成率，改用“增长”“完成”等说法。");
        }
    }
}
