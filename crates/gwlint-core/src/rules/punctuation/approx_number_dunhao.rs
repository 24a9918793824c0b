//! GW404 approx-number-dunhao: no 顿号 between two adjacent numbers of an estimate (七八周).

use regex::Regex;
use std::sync::LazyLock;

use crate::declare_rule;
use crate::diagnostic::{Applicability, Fix};
use crate::document::Document;
use crate::rule::{Context, Rule, RuleMeta};
use crate::rules::common::{group_span, paragraph_matches_where};
use crate::text::chinese_number;

declare_rule! {
    /// ## 作用
    /// 检查表示概数的两个相邻数字之间是否用了顿号，如“七、八周”“三、四天”“5、6个”。
    ///
    /// ## 原因
    /// GB/T 15834—2011 4.5.3.4 规定，相邻或相近两数字连用表示概数时不用顿号；GB/T 15835—2011
    /// 规定概数用汉字（“五六个”）。“二、三产业”“一、二等奖”是缩略形式，保留顿号，不报告；
    /// 三项以上的列举（7、8、9月）和用阿拉伯数字写的两个月份、日期（8、9月）是确指，也不报告。
    ///
    /// ## 示例
    /// ```text
    /// 部分学校的整改需要七、八周才能完成。
    /// ```
    ///
    /// ## 应改为
    /// ```text
    /// 部分学校的整改需要七八周才能完成。
    /// ```
    ///
    /// ## 依据
    /// GB/T 15834—2011 4.5.3.4；GB/T 15835—2011 4.2.2。
    pub static APPROX_NUMBER_DUNHAO = {
        code: "GW404",
        name: "approx-number-dunhao",
        category: Punctuation,
        severity: Warning,
        fix: Always,
        scope: AnyText,
        summary: "相邻两数字表示概数时不用顿号",
        source: "GB/T 15834—2011 4.5.3.4",
    };
}

static APPROX: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(concat!(
        r"(?P<a>[一二三四五六七八九]|[0-9])(?P<dun>、)(?P<b>[一二三四五六七八九十]|[0-9])",
        r"(?P<unit>个|天|年|月|日|次|人|名|位|条|家|项|岁|周|倍|种|批|所|万|千|百|十|公里|米|小时|分钟|元|辆|台|户|座|亩|吨)"
    ))
    .unwrap()
});

pub struct ApproxNumberDunhao;

impl Rule for ApproxNumberDunhao {
    fn meta(&self) -> &RuleMeta {
        &APPROX_NUMBER_DUNHAO
    }

    fn check(&self, doc: &Document, cx: &mut Context<'_>) {
        for (p, c, _) in paragraph_matches_where(doc, &APPROX, |t, s| s.contains_char(t, '、')) {
            let (a, b) = (&c["a"], &c["b"]);
            let value = |s: &str| s.parse::<u32>().ok().or_else(|| chinese_number(s));
            let (Some(x), Some(y)) = (value(a), value(b)) else { continue };
            let both_arabic = a.parse::<u32>().is_ok() && b.parse::<u32>().is_ok();
            if y != x + 1 || a.parse::<u32>().is_ok() != b.parse::<u32>().is_ok() {
                continue;
            }
            // A list of three or more (7、8、9月) enumerates; so do two months or days written in
            // digits (8、9月 is August and September: an estimate would be written 八九月).
            let content = doc.content(p);
            let whole = c.get(0).expect("match");
            let listed = content[..whole.start()].ends_with('、');
            if listed || (both_arabic && matches!(&c["unit"], "年" | "月" | "日")) {
                continue;
            }
            // Abbreviations keep the mark: 二、三产业, 一、二等奖, 三、四年级.
            let rest = &content[whole.end()..];
            if ["产业", "等奖", "年级", "类", "级", "线", "档"]
                .iter()
                .any(|w| rest.starts_with(w) || c["unit"].starts_with(w))
            {
                continue;
            }
            let dun = group_span(p, c.name("dun").expect("group"));
            let d = cx.report(dun, format!("“{a}、{b}”表示概数，两数之间不用顿号")).with_label("多余的顿号");
            if both_arabic {
                d.with_help(format!(
                    "概数一般用汉字，如“{}{}”。",
                    crate::text::to_chinese_number(x),
                    crate::text::to_chinese_number(y)
                ));
            } else {
                d.with_fix(Fix::replace("删除顿号", Applicability::Safe, dun, ""));
            }
        }
    }
}
