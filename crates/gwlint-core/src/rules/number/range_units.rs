//! GW503 range-units: both ends of a range keep %, 万 and 亿 (20%～30%, 13万～17万元).

use crate::declare_rule;
use crate::diagnostic::{Applicability, Fix};
use crate::document::Document;
use crate::rule::{Context, Rule, RuleMeta};
use crate::rules::common::{group_span, GatedRegex};
use crate::span::Span;

declare_rule! {
    /// ## 作用
    /// 检查数值范围前一个数值是否省略了百分号或“万”“亿”：“20～30%”应为“20%～30%”，
    /// “13～17万元”应为“13万～17万元”。补上是安全修复。
    ///
    /// ## 原因
    /// GB/T 15835—2011 5.1.3 规定，用阿拉伯数字表示的数值范围，前后两个数值的百分号和“万”“亿”
    /// 不能省略，否则“20～30%”可以读作“20到0.3”。
    ///
    /// ## 示例
    /// ```text
    /// 增幅控制在20～30%，单项补助13～17万元，总投资9～16亿元。
    /// ```
    ///
    /// ## 应改为
    /// ```text
    /// 增幅控制在20%～30%，单项补助13万～17万元，总投资9亿～16亿元。
    /// ```
    ///
    /// ## 依据
    /// GB/T 15835—2011 5.1.3。
    pub static RANGE_UNITS = {
        code: "GW503",
        name: "range-units",
        category: Number,
        severity: Error,
        fix: Always,
        scope: AnyText,
        summary: "数值范围前后的百分号、万、亿不省略",
        source: "GB/T 15835—2011 5.1.3",
    };
}

static RANGE: GatedRegex = GatedRegex::new(
    &["%", "％", "万", "亿"],
    r"(?P<a>[0-9]+(?:\.[0-9]+)?)(?P<ua>[%％万亿]?)\s*[～~—\-－至到]\s*(?P<b>[0-9]+(?:\.[0-9]+)?)(?P<u>[%％]|万|亿)",
);

pub struct RangeUnits;

impl Rule for RangeUnits {
    fn meta(&self) -> &RuleMeta {
        &RANGE_UNITS
    }

    fn check(&self, doc: &Document, cx: &mut Context<'_>) {
        for (p, c, _) in RANGE.paragraph_matches(doc) {
            if !c["ua"].is_empty() {
                continue;
            }
            let unit = &c["u"];
            let a = c.name("a").expect("group");
            let at = group_span(p, a);
            let insert = Span::new(at.end, at.end);
            let what = if unit.contains(['%', '％']) { "百分号" } else { "单位" };
            cx.report(at, format!("数值范围“{}”中前一个数值的{what}“{unit}”不能省略", &c[0]))
                .with_label(format!("应为“{}{unit}”", a.as_str()))
                .with_fix(Fix::replace(format!("补上“{unit}”"), Applicability::Safe, insert, unit));
        }
    }
}
