//! GW408 range-connector: ranges use ～ or —, not "-" or a half-width "~".

use crate::declare_rule;
use crate::diagnostic::{Applicability, Fix};
use crate::document::Document;
use crate::rule::{Context, Rule, RuleMeta};
use crate::rules::common::{group_span, GatedRegex};

declare_rule! {
    /// ## 作用
    /// 检查表示起止、数值范围的连接号：年份、月份、钟点起止用一字线“—”（2021—2025年、7—8月、
    /// 8:00—18:00），数值范围用浪纹线“～”（5～10个工作日、20%～30%），不用西文连字符“-”或半角“~”。
    /// 半角“~”改为“～”是安全修复。
    ///
    /// 编号（表2-8、第3-1条）、电话号码、标准编号和日期写法（另由 GW302 检查）不报告。
    ///
    /// ## 原因
    /// GB/T 15834—2011 4.13.3 规定，标示时间、地域的起止用一字线，标示数值范围用浪纹线；连字符
    /// “-”用于化合物名称、门牌号码等，不表示范围。
    ///
    /// ## 示例
    /// ```text
    /// 实施期限为2021-2025年，一般在5-10个工作日内办结，补贴标准为3~5万元。
    /// 窗口每天8:00-18:00受理，不合格率控制在20%-30%以内。
    /// ```
    ///
    /// ## 应改为
    /// ```text
    /// 实施期限为2021—2025年，一般在5～10个工作日内办结，补贴标准为3万～5万元。
    /// 窗口每天8:00—18:00受理，不合格率控制在20%～30%以内。
    /// ```
    ///
    /// ## 依据
    /// GB/T 15834—2011 4.13.3；GB/T 15835—2011 5.1.3。
    pub static RANGE_CONNECTOR = {
        code: "GW408",
        name: "range-connector",
        category: Punctuation,
        severity: Warning,
        fix: Always,
        scope: AnyText,
        summary: "起止用“—”，数值范围用“～”，不用“-”“~”",
        source: "GB/T 15834—2011 4.13.3",
    };
}

static RANGE: GatedRegex = GatedRegex::new(
    &["-", "~"],
    concat!(
        r"(?P<before>[^0-9A-Za-z.\-/]|^)",
        r"(?:(?P<y1>[12][0-9]{3})(?P<ys>-|~)(?P<y2>[12][0-9]{3})年",
        r"|(?P<a>[0-9]+(?:\.[0-9]+)?)(?P<s>-|~)(?P<b>[0-9]+(?:\.[0-9]+)?)",
        r"(?P<unit>个|天|人|次|元|万元|亿元|万|亿|%|年|月|小时|分钟|公里|千米|米|吨|户|家|岁|倍|项|名|所|亩|平方米|公顷)",
        // Times of day (8:00-18:00) and percentages written out at both ends (20%-30%).
        r"|[0-9]{1,2}:[0-9]{2}(?P<ts>-|~)[0-9]{1,2}:[0-9]{2}",
        r"|[0-9]+(?:\.[0-9]+)?[%％](?P<ps>-|~)[0-9]+(?:\.[0-9]+)?[%％])"
    ),
);

pub struct RangeConnector;

impl Rule for RangeConnector {
    fn meta(&self) -> &RuleMeta {
        &RANGE_CONNECTOR
    }

    fn check(&self, doc: &Document, cx: &mut Context<'_>) {
        for (p, c, _) in RANGE.paragraph_matches(doc) {
            let before = c.name("before").map_or("", |m| m.as_str());
            // 表2-8, 图3-1, GB 3100-1993, 电话0123-8888: identifiers, not ranges.
            let head = &doc.content(p)[..c.name("before").map_or(0, |m| m.end())];
            if ["表", "图", "号", "室", "第", "附件", "电话", "GB", "T"].iter().any(|w| head.ends_with(w))
                || before == "-"
            {
                continue;
            }
            // “7-8月” is a span of months (July to August): a time, written with the 一字线 like
            // years; “3-5个月” is a duration, a numeric range.
            let month =
                |g: &str| c.name(g).and_then(|m| m.as_str().parse::<u32>().ok()).is_some_and(|v| (1..=12).contains(&v));
            let months = c.name("unit").is_some_and(|u| u.as_str() == "月") && month("a") && month("b");
            let (sep, right, what) = if let Some(ys) = c.name("ys") {
                (ys, "—", "年份起止应使用一字线“—”")
            } else if let Some(ts) = c.name("ts") {
                (ts, "—", "时间起止应使用一字线“—”")
            } else if let Some(ps) = c.name("ps") {
                (ps, "～", "数值范围应使用浪纹线“～”")
            } else if months {
                (c.name("s").expect("group"), "—", "月份起止应使用一字线“—”")
            } else {
                (c.name("s").expect("group"), "～", "数值范围应使用浪纹线“～”")
            };
            let span = group_span(p, sep);
            // Only the half-width "~" made full-width is safe: another mark is the writer's call.
            let applicability =
                if sep.as_str() == "~" && right == "～" { Applicability::Safe } else { Applicability::Unsafe };
            cx.report(span, format!("{what}，不用“{}”", sep.as_str()))
                .with_label(format!("应为“{right}”"))
                .with_fix(Fix::replace(format!("改为“{right}”"), applicability, span, right));
        }
    }
}
