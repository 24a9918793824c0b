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

/// Whether `text` has a 、 between two numerals as [`APPROX`] reads them (一 to 九 or a digit
/// before it, 一 to 十 or a digit after it): what every match holds. Most 、 in a paragraph stand
/// between words, and after an outline number (一、总体要求) the next character is no numeral.
fn numeral_dunhao_numeral(text: &str) -> bool {
    let before =
        |c: char| c.is_ascii_digit() || matches!(c, '一' | '二' | '三' | '四' | '五' | '六' | '七' | '八' | '九');
    let after = |c: char| before(c) || c == '十';
    let mark = "、";
    crate::text::dunhao_places(text).any(|i| {
        text[..i].chars().next_back().is_some_and(before) && text[i + mark.len()..].chars().next().is_some_and(after)
    })
}

pub struct ApproxNumberDunhao;

impl Rule for ApproxNumberDunhao {
    fn meta(&self) -> &RuleMeta {
        &APPROX_NUMBER_DUNHAO
    }

    fn check(&self, doc: &Document, cx: &mut Context<'_>) {
        for (p, c, _) in paragraph_matches_where(doc, &APPROX, |t, s| s.may_contain('、') && numeral_dunhao_numeral(t))
        {
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_match_has_a_mark_between_numerals() {
        let texts = [
            "三、四天后",
            "7、8个",
            "一、总体要求",
            "二、三产业",
            "第一、二批",
            "5、6月",
            "十、十一",
            "九、十年",
            "共三、四十人",
            "一、二、三",
            "甲、乙两方",
            "、三个",
            "三、",
            "8、9、10月",
            "1、2个小时",
            "四、五十万元",
        ];
        let mut matched = 0;
        for text in texts.iter().filter(|t| APPROX.is_match(t)) {
            assert!(numeral_dunhao_numeral(text), "{text}");
            matched += 1;
        }
        assert_eq!(matched, 8);
        assert!(!numeral_dunhao_numeral("一、总体要求；二、主要任务") && !numeral_dunhao_numeral("甲、乙"));
        assert!(numeral_dunhao_numeral("三、四天") && numeral_dunhao_numeral("共7、8个"));
    }
}
