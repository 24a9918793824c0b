//! GW505 digit-grouping: one way of grouping long numbers in a document (1,200 or 1200).

use regex::Regex;
use std::sync::LazyLock;

use crate::declare_rule;
use crate::document::Document;
use crate::rule::{Context, Rule, RuleMeta};
use crate::rules::common::paragraph_matches_where;

declare_rule! {
    /// ## 作用
    /// 检查同一文件中四位以上的数字是否有的用千分位逗号（12,500）、有的不用（12500），并指出占少数
    /// 的写法。年份、编号、电话号码不计。
    ///
    /// ## 原因
    /// GB/T 15835—2011 5.1.1 规定多位数可以用半角逗号或四分之一汉字空分节，也可以不分节，但同一
    /// 文件中应统一（4.3 同类别同形式）。
    ///
    /// ## 示例
    /// ```text
    /// 全市签订责任书1,200份，排查企业15000家，整改隐患3,600处。
    /// ```
    ///
    /// ## 应改为
    /// ```text
    /// 全市签订责任书1200份，排查企业15000家，整改隐患3600处。
    /// ```
    ///
    /// ## 依据
    /// GB/T 15835—2011 4.3、5.1.1。
    pub static DIGIT_GROUPING = {
        code: "GW505",
        name: "digit-grouping",
        category: Number,
        severity: Info,
        fix: None,
        scope: AnyText,
        summary: "同一文件中多位数的分节方式统一",
        source: "GB/T 15835—2011 4.3、5.1.1",
    };
}

static GROUPED: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?:^|[^0-9.,\-])([0-9]{1,3}(?:,[0-9]{3})+)(?:[^0-9,]|$)").unwrap());
/// Five digits or more not followed by 年 and not part of a code (no letters, hyphens or 〔〕 around).
static PLAIN: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:^|[^0-9.,\-A-Za-z〔\[（(])([0-9]{5,9})(?:[^0-9.,\-A-Za-z年号〕\]）)]|$)").unwrap()
});

/// Whether `text` has a comma between two ASCII digits (what every [`GROUPED`] match holds).
fn has_digit_comma_digit(text: &str) -> bool {
    let bytes = text.as_bytes();
    memchr::memchr_iter(b',', bytes)
        .any(|i| i > 0 && bytes[i - 1].is_ascii_digit() && bytes.get(i + 1).is_some_and(u8::is_ascii_digit))
}

pub struct DigitGrouping;

impl Rule for DigitGrouping {
    fn meta(&self) -> &RuleMeta {
        &DIGIT_GROUPING
    }

    fn check(&self, doc: &Document, cx: &mut Context<'_>) {
        // Grouped numbers first: most documents have none, and then need not be read for plain
        // ones. Only a paragraph with a comma between two digits can hold one.
        let grouped: Vec<_> = paragraph_matches_where(doc, &GROUPED, |t, s| {
            s.has_ascii(b',') && s.has_ascii_digit() && has_digit_comma_digit(t)
        })
        .map(|(p, c, _)| crate::rules::common::group_span(p, c.get(1).expect("group")))
        .collect();
        if grouped.is_empty() {
            return;
        }
        let plain: Vec<_> = paragraph_matches_where(doc, &PLAIN, |_, s| s.has_ascii_digit())
            .map(|(p, c, _)| crate::rules::common::group_span(p, c.get(1).expect("group")))
            .collect();
        if plain.is_empty() {
            return;
        }
        let (minority, other, how) = if grouped.len() <= plain.len() {
            (&grouped, plain.len(), "不分节")
        } else {
            (&plain, grouped.len(), "用千分位逗号分节")
        };
        for span in minority {
            cx.report(*span, format!("多位数的分节方式与全文不一致（全文另有{other}处{how}）")).with_label("分节方式");
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_comma_between_digits_is_what_a_grouped_number_needs() {
        for text in ["共1,234元", "1,000", "投资12,345,678元，其中"] {
            assert!(has_digit_comma_digit(text) && GROUPED.is_match(text), "{text}");
        }
        for text in ["1, 2", "a,1", "1,", ",1", "１,２３４", "共12345元"] {
            assert!(!has_digit_comma_digit(text) && !GROUPED.is_match(text), "{text}");
        }
    }
}
