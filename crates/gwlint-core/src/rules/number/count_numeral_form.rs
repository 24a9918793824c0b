//! GW515 count-numeral-form: counts in one sentence written in one form (137家 and 二百一十三处
//! → 213处).

use std::sync::LazyLock;

use regex::Regex;

use crate::declare_rule;
use crate::diagnostic::{Applicability, Fix};
use crate::document::char_summary::CharSummary;
use crate::document::Document;
use crate::rule::{Context, Rule, RuleMeta};
use crate::rules::common::{found_after, group_span, paragraph_matches_where, sentence_around};

declare_rule! {
    /// ## 作用
    /// 检查同一句中计数的数字形式是否一致：句中已用阿拉伯数字计数（137家、12.3万亩）时，
    /// 百位以上、有两位以上有效数字的汉字数字计数（二百一十三处、三千六百亩、一亿二千三百万元）
    /// 报告，并给出阿拉伯数字写法（213处、3600亩、1.23亿元）。
    ///
    /// 不报告：整百整千的汉字数字（一百名、五千元，写法可选）；相邻两数字连用的概数
    /// （四五十场、五六百万，按规定用汉字）；序数（第二百一十三条）；“几百”“数千”“上千”
    /// 等；以及全句都用汉字数字的写法（法律条文“处五千元以上二万元以下罚款”）。
    ///
    /// ## 原因
    /// GB/T 15835—2011 4.3 规定，在同一场合出现的数字，应遵循“同类别同形式”原则：两数字的
    /// 表达功能类别相同时，应选用相同的形式；4.1.1 规定用于计量的数字应采用阿拉伯数字。
    ///
    /// ## 示例
    /// ```text
    /// 平安市应急管理局关于安全生产暗访检查情况的通报
    ///
    /// 各区应急管理局：
    /// 　　本次共暗访生产经营单位137家，发现各类隐患问题二百一十三处，已全部交办整改。
    ///
    /// 平安市应急管理局
    /// 2024年5月20日
    /// ```
    ///
    /// ## 应改为
    /// ```text
    /// 平安市应急管理局关于安全生产暗访检查情况的通报
    ///
    /// 各区应急管理局：
    /// 　　本次共暗访生产经营单位137家，发现各类隐患问题213处，已全部交办整改。
    ///
    /// 平安市应急管理局
    /// 2024年5月20日
    /// ```
    ///
    /// ## 依据
    /// GB/T 15835—2011 4.3、4.1.1。
    pub static COUNT_NUMERAL_FORM = {
        code: "GW515",
        name: "count-numeral-form",
        category: Number,
        severity: Warning,
        fix: Always,
        scope: Gongwen,
        summary: "同一句中的计数用同一种数字形式，不一处阿拉伯数字一处汉字数字",
        source: "GB/T 15835—2011 4.3、4.1.1",
    };
}

/// The measure words and units a count ends with (longer ones first: 万元 before 万).
macro_rules! units {
    () => {
        "平方公里|平方米|立方米|万元|亿元|人次|户次|亩次|公里|千米|千克|公斤|千瓦|公顷|小时|分钟|\
         个|处|家|人|名|位|亩|元|吨|件|项|次|户|所|座|条|天|米|辆|台|套|张|册|份|批|起|只|头|株|\
         棵|间|栋|床|种|类|岁|篇|场|期|艘|架|部|支|本|箱|袋|万|亿"
    };
}

/// A count in Chinese numerals with a place word (百, 千, 万 or 亿) and its unit, not after a
/// numeral or a word that makes it an ordinal or a rough number (第, 几, 数, 上, 成).
static CHINESE_COUNT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(concat!(
        r"(?:^|[^第一二三四五六七八九十百千万亿零〇两几数上成])",
        r"(?P<n>[一二三四五六七八九两][一二三四五六七八九十百千万亿零〇两]*[百千万亿][一二三四五六七八九十百千万亿零〇两]*)",
        r"(?P<u>",
        units!(),
        r")"
    ))
    .unwrap()
});

/// Whether `text` has an ASCII digit (a count in Arabic digits is what a finding needs beside it)
/// and a place word (百, 千, 万, 亿) right after a Chinese digit or 十, what every [`CHINESE_COUNT`]
/// match holds: most 万 and 亿 of 公文 text follow Arabic digits (5万元), and the pattern is not
/// run on their paragraphs.
fn has_chinese_place(text: &str, summary: &CharSummary) -> bool {
    static PLACES: LazyLock<[(char, memchr::memmem::Finder<'static>); 4]> = LazyLock::new(|| {
        ['百', '千', '万', '亿']
            .map(|c| (c, memchr::memmem::Finder::new(c.encode_utf8(&mut [0; 4]).as_bytes()).into_owned()))
    });
    // The count is reported only beside one in Arabic digits.
    summary.has_ascii_digit()
        && PLACES
            .iter()
            .filter(|(c, _)| summary.may_contain(*c))
            .any(|(_, place)| found_after(text, place, |b| DIGITS.contains(b) || b == '十'))
}

/// A count in Arabic digits (137家, 12.3万亩), not part of a code or an ordinal (第5个).
static ARABIC_COUNT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(concat!(r"(?:^|[^0-9A-Za-z.第])[0-9]+(?:\.[0-9]+)?(?:万|亿)?(?:", units!(), ")")).unwrap()
});

const DIGITS: &str = "一二三四五六七八九两";

/// The value of a Chinese numeral with place words (二百一十三, 一亿二千三百万), or None if it is
/// not written as one (a place word twice in a section, a place word first).
fn chinese_value(n: &str) -> Option<u64> {
    let (mut total, mut section, mut digit) = (0u64, 0u64, None::<u64>);
    for c in n.chars() {
        if let Some(d) = DIGITS.chars().position(|x| x == c) {
            // 两 is 2.
            let d = if d == 9 { 2 } else { d as u64 + 1 };
            if digit.is_some() {
                return None;
            }
            digit = Some(d);
            continue;
        }
        match c {
            '零' | '〇' => {}
            '十' | '百' | '千' => {
                let place = match c {
                    '十' => 10,
                    '百' => 100,
                    _ => 1000,
                };
                section += digit.take().unwrap_or(1) * place;
            }
            '万' | '亿' => {
                let place = if c == '万' { 10_000 } else { 100_000_000 };
                let part = section + digit.take().unwrap_or(0);
                if part == 0 {
                    return None;
                }
                // 一亿二千三百万: the 万 section goes under the 亿 already counted.
                total = if total > 0 && place < 100_000_000 { total + part * place } else { (total + part) * place };
                section = 0;
            }
            _ => return None,
        }
    }
    Some(total + section + digit.unwrap_or(0))
}

/// The Arabic form of `value`, in the largest of 万 and 亿 the numeral `n` was written with
/// (一亿二千三百万 → 1.23亿, 三千六百 → 3600).
fn arabic_form(n: &str, value: u64) -> String {
    let (unit, place) = if n.contains('亿') {
        ("亿", 100_000_000u64)
    } else if n.contains('万') {
        ("万", 10_000)
    } else {
        return value.to_string();
    };
    let whole = value / place;
    let rest = value % place;
    if rest == 0 {
        return format!("{whole}{unit}");
    }
    let places = if place == 10_000 { 4 } else { 8 };
    let fraction = format!("{rest:0places$}");
    format!("{whole}.{}{unit}", fraction.trim_end_matches('0'))
}

/// Whether a numeral is a count worth writing in digits: two significant digits or more (not
/// 一百, 五千) and no two digits side by side (四五十 and 五六百 are rough numbers).
fn has_two_places(n: &str) -> bool {
    let chars: Vec<char> = n.chars().collect();
    let is_digit = |c: &char| DIGITS.contains(*c);
    chars.iter().filter(|c| is_digit(c)).count() >= 2 && !chars.windows(2).any(|w| is_digit(&w[0]) && is_digit(&w[1]))
}

pub struct CountNumeralForm;

impl Rule for CountNumeralForm {
    fn meta(&self) -> &RuleMeta {
        &COUNT_NUMERAL_FORM
    }

    fn check(&self, doc: &Document, cx: &mut Context<'_>) {
        for (p, c, _) in paragraph_matches_where(doc, &CHINESE_COUNT, has_chinese_place) {
            let n = c.name("n").expect("group");
            if !has_two_places(n.as_str()) {
                continue;
            }
            let Some(value) = chinese_value(n.as_str()) else { continue };
            let content = doc.content(p);
            let sentence = sentence_around(content, n.start());
            if !ARABIC_COUNT.is_match(sentence) {
                continue;
            }
            let right = arabic_form(n.as_str(), value);
            let span = group_span(p, n);
            let unit = c.name("u").expect("group").as_str();
            cx.report(span, format!("同一句中计数已用阿拉伯数字，“{}{unit}”宜写作“{right}{unit}”", n.as_str()))
                .with_label(format!("应为“{right}”"))
                .with_fix(Fix::replace(format!("改为“{right}”"), Applicability::Unsafe, span, &right));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chinese_numerals_are_read_and_written_in_digits() {
        for (n, value, arabic) in [
            ("二百一十三", 213, "213"),
            ("三千六百", 3600, "3600"),
            ("四百二十", 420, "420"),
            ("一亿二千三百万", 123_000_000, "1.23亿"),
            ("三万五千", 35_000, "3.5万"),
            ("两千零五", 2005, "2005"),
            ("十二万", 120_000, "12万"),
            ("一百零八", 108, "108"),
            ("二亿零五百万", 205_000_000, "2.05亿"),
        ] {
            assert_eq!(chinese_value(n), Some(value), "{n}");
            assert_eq!(arabic_form(n, value), arabic, "{n}");
        }
        for n in ["二三百", "万三"] {
            assert_eq!(chinese_value(n), None, "{n}");
        }
    }

    #[test]
    fn round_and_rough_numbers_are_not_counts_to_rewrite() {
        for n in ["二百一十三", "三千六百", "一亿二千三百万"] {
            assert!(has_two_places(n), "{n}");
        }
        for n in ["一百", "五千", "四五十", "五六百万", "一百四五十"] {
            assert!(!has_two_places(n), "{n}");
        }
    }

    /// What every match holds is what the gate asks for, and each form of count is found.
    #[test]
    fn every_match_passes_the_gate() {
        for text in ["二百一十三处", "三千六百亩", "一亿二千三百万元", "三十二万人", "一万二千元"]
        {
            // Beside a count in Arabic digits, which the gate asks for too.
            let text = format!("{text}，5家");
            assert!(CHINESE_COUNT.is_match(&text) && has_chinese_place(&text, &CharSummary::of(&text)), "{text}");
        }
        for text in ["5万元", "3千米", "百万", "上千家", "万一"] {
            let text = format!("{text}，5家");
            assert!(!has_chinese_place(&text, &CharSummary::of(&text)), "{text}");
        }
    }
}
