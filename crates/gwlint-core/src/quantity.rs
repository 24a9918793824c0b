//! Amounts written in running text: a number (12, 1,234, 3.5, 十二, 两) with an optional 万 or
//! 亿 and a unit (个, 家, 人, 万元, 公里), read so that amounts of one unit can be added and
//! compared (1.2万人 and 3000人 are both people).

use regex::Regex;
use std::sync::LazyLock;

use crate::text::chinese_number;

/// Units that count or measure things a total is split into. Longer units come first.
const UNITS: &str = "平方公里|平方米|公顷|公里|千米|立方米|千瓦|吨|亩|元|个|家|人|名|位|项|件|起|所|座|户|次|辆|台|套|批|处|条|篇|场|期|艘|架|栋|间|张|株|头|只|支|类|种|所";

static AMOUNT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?P<n>[0-9][0-9,，]*(?:\.[0-9]+)?|[一二三四五六七八九十两]{{1,3}})(?P<scale>万|亿)?(?P<unit>{UNITS})"
    ))
    .unwrap()
});

/// An amount found in a text: byte range, value in the unit's base (万 and 亿 multiplied out),
/// and the unit.
#[derive(Clone, Debug, PartialEq)]
pub struct Amount {
    pub start: usize,
    pub end: usize,
    pub value: f64,
    /// 万 or 亿 as written before the unit, or "".
    pub scale: &'static str,
    pub unit: String,
}

fn number(s: &str) -> Option<f64> {
    if s.starts_with(|c: char| c.is_ascii_digit()) {
        // 1,234 groups thousands; a comma after fewer or more than three digits is a list.
        let parts: Vec<&str> = s.split([',', '，']).collect();
        if parts.len() > 1 && parts[1..].iter().any(|p| p.split('.').next().map_or(0, str::len) != 3) {
            return None;
        }
        parts.concat().parse().ok()
    } else if s == "两" {
        Some(2.0)
    } else {
        chinese_number(s).map(f64::from)
    }
}

/// Every amount in `text`. A number glued to a digit or a decimal point before it is part of a
/// longer one and is skipped.
pub fn amounts(text: &str) -> Vec<Amount> {
    AMOUNT
        .captures_iter(text)
        .filter_map(|c| {
            let m = c.get(0)?;
            let before = text[..m.start()].chars().next_back();
            if before.is_some_and(|b| b.is_ascii_digit() || b == '.' || "一二三四五六七八九十百千万亿两第".contains(b))
            {
                return None;
            }
            let mut value = number(&c["n"])?;
            let scale = match c.name("scale").map(|s| s.as_str()) {
                Some("万") => "万",
                Some("亿") => "亿",
                _ => "",
            };
            value *= match scale {
                "万" => 1e4,
                "亿" => 1e8,
                _ => 1.0,
            };
            Some(Amount { start: m.start(), end: m.end(), value, scale, unit: c["unit"].to_string() })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_amounts_with_scales() {
        let a = amounts("共1.2万人，其中3,000人、五个、两项，第3个不算");
        let read: Vec<(f64, &str)> = a.iter().map(|a| (a.value, a.unit.as_str())).collect();
        assert_eq!(read, [(12000.0, "人"), (3000.0, "人"), (5.0, "个"), (2.0, "项")]);
    }
}
