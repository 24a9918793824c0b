//! GW502 year-zero: Chinese-numeral years use 〇 (二〇二四), not 0, O, ○ or 零.

use std::ops::Range;
use std::sync::LazyLock;

use crate::declare_rule;
use crate::diagnostic::{Applicability, Fix};
use crate::document::{Document, Part};
use crate::rule::{Context, Rule, RuleMeta};
use crate::span::Span;

declare_rule! {
    /// ## 作用
    /// 检查汉字数字年份中的“零”：应写作“〇”（U+3007），不用阿拉伯数字“0”、字母“O”、几何符号
    /// “○”（U+25CB）或“零”，如“二〇二四年”。改为“〇”是安全修复。成文日期、印发日期另由 GW302
    /// 要求改用阿拉伯数字，本规则不重复报告。
    ///
    /// ## 原因
    /// GB/T 15835—2011 5.2.5 规定，编号和年份中的零用“〇”，计量时用“零”；“○”“O”“0”是外形
    /// 相近的其他字符，检索和转换时会出错。
    ///
    /// ## 示例
    /// ```text
    /// 《二○二四年度工作要点》和二0二五年计划已印发。
    /// ```
    ///
    /// ## 应改为
    /// ```text
    /// 《二〇二四年度工作要点》和二〇二五年计划已印发。
    /// ```
    ///
    /// ## 依据
    /// GB/T 15835—2011 5.2.5。
    pub static YEAR_ZERO = {
        code: "GW502",
        name: "year-zero",
        category: Number,
        severity: Warning,
        fix: Always,
        scope: AnyText,
        summary: "汉字年份中的零写作“〇”",
        source: "GB/T 15835—2011 5.2.5",
    };
}

/// Whether `c` may stand in a year written in numerals: a digit, or a zero of any form.
fn year_char(c: char) -> bool {
    matches!(c, '一' | '二' | '三' | '四' | '五' | '六' | '七' | '八' | '九' | '〇' | '零' | '○' | 'O' | 'Ｏ' | '0')
}

/// The years of `text` written in numerals: four characters of [`year_char`] right before a 年
/// (byte ranges, 年 included). Each year ends at a 年 and the four characters before a 年 are one
/// or not, so the years are read from the places of 年 (searched for as its three bytes), not
/// by a pattern run over the whole paragraph; no 年 is a year character, so no two years share
/// a character, and these are the matches of `[一二三四五六七八九〇零○OＯ0]{4}年` in order.
fn han_years(text: &str) -> impl Iterator<Item = Range<usize>> + '_ {
    static NIAN: LazyLock<memchr::memmem::Finder<'static>> =
        LazyLock::new(|| memchr::memmem::Finder::new("年".as_bytes()));
    NIAN.find_iter(text.as_bytes()).filter_map(move |end| {
        let mut start = end;
        for _ in 0..4 {
            let c = text[..start].chars().next_back().filter(|&c| year_char(c))?;
            start -= c.len_utf8();
        }
        Some(start..end + "年".len())
    })
}

pub struct YearZero;

impl Rule for YearZero {
    fn meta(&self) -> &RuleMeta {
        &YEAR_ZERO
    }

    fn check(&self, doc: &Document, cx: &mut Context<'_>) {
        let summaries = doc.summaries();
        for p in &doc.paragraphs {
            if matches!(p.part, Part::Date | Part::Printed)
                || summaries.get(p.index).is_some_and(|s| !s.may_contain('年'))
            {
                continue;
            }
            let content = doc.content(p);
            for year in han_years(content) {
                let span = Span::new(p.span.start + year.start, p.span.start + year.end);
                let year = &content[year];
                // A real Chinese-numeral year: starts with 一 or 二 and has at least one digit besides zeros.
                if !year.starts_with(['一', '二']) {
                    continue;
                }
                for (i, c) in year.char_indices().filter(|(_, c)| matches!(c, '零' | '○' | 'O' | 'Ｏ' | '0')) {
                    let at = Span::new(span.start + i, span.start + i + c.len_utf8());
                    cx.report(at, format!("年份中的零应写作“〇”，不用“{c}”"))
                        .with_label("应为“〇”")
                        .with_fix(Fix::replace("改为“〇”", Applicability::Safe, at, "〇"));
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The years read from the places of 年 are the matches of the pattern that was searched for
    /// over the paragraphs: years of every form side by side, glued to longer runs of numerals,
    /// with a 年 inside, astral and ASCII characters around, and real documents.
    #[test]
    fn years_read_from_their_nian_are_the_pattern_matches() {
        let pattern = regex::Regex::new(r"[一二三四五六七八九〇零○OＯ0]{4}年").unwrap();
        let mut texts: Vec<String> = [
            "二〇二四年",
            "二0二五年计划",
            "《二○二四年度工作要点》",
            "二零二四年二〇二五年",
            "一二三四五年",
            "年年年",
            "二〇二年",
            "O2024年",
            "二〇二四年年",
            "〇〇〇〇年〇〇〇〇年",
            "𠀀二〇二四年",
            "2024年",
            "二〇二四 年",
            "二〇年二四年",
            "ＯＯＯＯ年",
            "三年行动",
            "二〇二四年1月",
            "x二〇二四年y",
        ]
        .iter()
        .map(|s| s.to_string())
        .collect();
        let forms = ["一", "二", "〇", "零", "○", "O", "Ｏ", "0", "十", "2", "年", "，"];
        crate::document::each_triple(&forms, |a, b, c| texts.push(format!("于二{a}{b}{c}年与{a}{b}{c}{a}{b}年")));
        for doc in crate::document::SAMPLE_DOCUMENTS {
            texts.extend(doc.lines().map(str::to_string));
        }
        let mut years = 0;
        for text in &texts {
            let read: Vec<Range<usize>> = han_years(text).collect();
            let matched: Vec<Range<usize>> = pattern.find_iter(text).map(|m| m.range()).collect();
            assert_eq!(read, matched, "{text}");
            years += read.len();
        }
        assert_eq!(years, 1037);
    }
}
