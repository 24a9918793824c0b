//! GW504 mixed-numerals: an Arabic number is not mixed with 千, 百 or 几 (3千 → 3000, 10几 → 十几).

use regex::Regex;
use std::sync::LazyLock;

use crate::declare_rule;
use crate::document::Document;
use crate::rule::{Context, Rule, RuleMeta};
use crate::rules::common::{found_after, paragraph_matches_where};

declare_rule! {
    /// ## 作用
    /// 检查阿拉伯数字与“千”“百”或“几”混写的数：“3千人”应为“3000人”或“三千人”，“1百零8”应为
    /// “108”，“10几个”应为“十几个”，“几10人”应为“几十人”。“万”“亿”可以与阿拉伯数字连用
    /// （“3万人”“1.2亿元”），“千米”“千克”“千瓦”“百分点”等单位不报告。
    ///
    /// ## 原因
    /// GB/T 15835—2011 5.3 规定，阿拉伯数字不能与除“万”“亿”以外的汉字数字连用；4.2.2 规定含
    /// “几”的概数用汉字。
    ///
    /// ## 示例
    /// ```text
    /// 全市有3千余名志愿者参加，组织了10几场活动。
    /// ```
    ///
    /// ## 应改为
    /// ```text
    /// 全市有3000余名志愿者参加，组织了十几场活动。
    /// ```
    ///
    /// ## 依据
    /// GB/T 15835—2011 4.2.2、5.3。
    pub static MIXED_NUMERALS = {
        code: "GW504",
        name: "mixed-numerals",
        category: Number,
        severity: Error,
        fix: None,
        scope: AnyText,
        summary: "阿拉伯数字不与“千”“百”“几”混写",
        source: "GB/T 15835—2011 4.2.2、5.3",
    };
}

static MIXED: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"[0-9]+(?:\.[0-9]+)?[千百]|[0-9]+几|几[0-9]+").unwrap());

/// Units that start with 千 or 百 and may follow an Arabic number.
const UNITS: &[&str] =
    &["千米", "千克", "千瓦", "千帕", "千伏", "千焦", "千字", "千赫", "百分点", "百分比", "百分之", "千分之", "百帕"];

/// Whether `text` has an ASCII digit right before 千 or 百, or beside 几 (what every [`MIXED`]
/// match holds): found with a byte search for each character, where most paragraphs have digits.
fn has_digit_beside_numeral(text: &str) -> bool {
    // The searchers are built once: building one cost more than searching most paragraphs.
    static NUMERALS: LazyLock<[memchr::memmem::Finder<'static>; 3]> =
        LazyLock::new(|| ["千", "百", "几"].map(|n| memchr::memmem::Finder::new(n.as_bytes())));
    let [thousand, hundred, some] = &*NUMERALS;
    let bytes = text.as_bytes();
    let digit = |i: Option<usize>| i.and_then(|i| bytes.get(i)).is_some_and(u8::is_ascii_digit);
    [thousand, hundred].iter().any(|n| found_after(text, n, |c| c.is_ascii_digit()))
        || some.find_iter(bytes).any(|i| digit(i.checked_sub(1)) || digit(Some(i + "几".len())))
}

pub struct MixedNumerals;

impl Rule for MixedNumerals {
    fn meta(&self) -> &RuleMeta {
        &MIXED_NUMERALS
    }

    fn check(&self, doc: &Document, cx: &mut Context<'_>) {
        for (_, _, span) in
            paragraph_matches_where(doc, &MIXED, |t, s| s.has_ascii_digit() && has_digit_beside_numeral(t))
        {
            let found = doc.slice(span);
            let after_digits = &doc.text[span.end - found.chars().last().map_or(0, char::len_utf8)..];
            if found.ends_with(['千', '百']) && UNITS.iter().any(|u| after_digits.starts_with(u)) {
                continue;
            }
            let message = if found.contains('几') {
                format!("“{found}”中阿拉伯数字与“几”混写，含“几”的概数应全用汉字")
            } else {
                format!("“{found}”中阿拉伯数字与“千”“百”混写，应全用阿拉伯数字或全用汉字")
            };
            cx.report(span, message).with_label("数字混写");
        }
    }
}

#[cfg(test)]
mod gate_tests {
    use super::*;

    #[test]
    fn a_digit_beside_the_numeral_is_what_a_match_needs() {
        for text in ["3千人", "1.5百万", "20几个", "几10人", "第12百"] {
            assert!(has_digit_beside_numeral(text) && MIXED.is_match(text), "{text}");
        }
        for text in ["三千人", "3 千人", "几个", "千10", "百分之5", "２千人"] {
            assert!(!has_digit_beside_numeral(text) && !MIXED.is_match(text), "{text}");
        }
    }
}
