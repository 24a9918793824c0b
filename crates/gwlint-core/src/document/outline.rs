//! Outline numbers at the start of 正文 paragraphs: 一、 （一） 1. （1）, GB/T 9704—2012 §7.3.3.
//! Non-standard forms (一. （一）、 1、 (1)) are recognised too, with the level they stand for,
//! so that format rules can point at them.

use regex::Regex;
use serde::Serialize;
use std::sync::LazyLock;

use crate::span::Span;
use crate::text::chinese_number;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum MarkerStyle {
    /// Exactly the GB/T 9704 form.
    Standard,
    /// Recognisable, but with the wrong brackets or mark after the number.
    Nonstandard,
}

/// An outline number at the start of a paragraph.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct Heading {
    /// 1 = 一、  2 = （一）  3 = 1.  4 = （1）
    pub level: u8,
    /// The number itself (二 → 2).
    pub number: u32,
    /// The marker, e.g. "（二）", as an absolute span in `Document::text`.
    pub marker: Span,
    pub style: MarkerStyle,
}

const CN: &str = "[一二三四五六七八九十]{1,3}";

struct Pattern {
    re: Regex,
    level: u8,
    style: MarkerStyle,
    chinese: bool,
}

static PATTERNS: LazyLock<Vec<Pattern>> = LazyLock::new(|| {
    let p = |re: &str, level, style, chinese| Pattern {
        re: Regex::new(re).expect("outline pattern"),
        level,
        style,
        chinese,
    };
    use MarkerStyle::*;
    vec![
        // Standard forms first.
        p(&format!(r"^(?P<n>{CN})、"), 1, Standard, true),
        p(&format!(r"^（(?P<n>{CN})）"), 2, Standard, true),
        p(r"^(?P<n>[0-9]{1,2})\.", 3, Standard, false),
        p(r"^（(?P<n>[0-9]{1,2})）", 4, Standard, false),
        // Non-standard forms of the same levels.
        p(&format!(r"^(?P<n>{CN})[.．，,：:]"), 1, Nonstandard, true),
        p(&format!(r"^[（(](?P<n>{CN})[)）]"), 2, Nonstandard, true),
        p(r"^(?P<n>[0-9]{1,2})[、．，,]", 3, Nonstandard, false),
        p(r"^[（(](?P<n>[0-9]{1,2})[)）]", 4, Nonstandard, false),
    ]
});

/// Recognise the outline marker at the start of `content` (which starts at `base` in the text).
pub fn detect(content: &str, base: usize) -> Option<Heading> {
    // Markdown heading marks left in a .txt ("## 一、总体要求") do not hide the number.
    let hashes = content.len() - content.trim_start_matches('#').len();
    let (content, base) = if hashes > 0 {
        let rest = content[hashes..].trim_start();
        (rest, base + (content.len() - rest.len()))
    } else {
        (content, base)
    };
    // Every pattern starts with a Chinese numeral, a bracket or an ASCII digit: any other first
    // character is no marker, and no pattern need be tried.
    if !content.starts_with(|c: char| c.is_ascii_digit() || "一二三四五六七八九十（(".contains(c)) {
        return None;
    }
    for pat in PATTERNS.iter() {
        let Some(m) = pat.re.captures(content) else {
            continue;
        };
        let whole = m.get(0)?;
        let n = m.name("n")?.as_str();
        let rest = &content[whole.end()..];
        // "3.5亿元", "1.2万" are numbers, not outline markers; a bare marker with nothing after it
        // is not a heading either.
        if rest.is_empty() || (!pat.chinese && rest.starts_with(|c: char| c.is_ascii_digit())) {
            return None;
        }
        let number = if pat.chinese { chinese_number(n)? } else { n.parse().ok()? };
        let mut style = pat.style;
        // "（一）、" carries an extra mark after a correct bracket.
        let mut end = whole.end();
        if pat.level == 2 || pat.level == 4 {
            if let Some(c) = rest.chars().next().filter(|c| matches!(c, '、' | '.' | '．' | '，')) {
                style = MarkerStyle::Nonstandard;
                end += c.len_utf8();
            }
        }
        return Some(Heading { level: pat.level, number, marker: Span::new(base, base + end), style });
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lv(s: &str) -> Option<(u8, u32, MarkerStyle)> {
        detect(s, 0).map(|h| (h.level, h.number, h.style))
    }

    #[test]
    fn standard_markers() {
        use MarkerStyle::Standard as S;
        assert_eq!(lv("一、总体要求"), Some((1, 1, S)));
        assert_eq!(lv("十二、附则"), Some((1, 12, S)));
        assert_eq!(lv("（三）加强领导。"), Some((2, 3, S)));
        assert_eq!(lv("1.坚持安全第一"), Some((3, 1, S)));
        assert_eq!(lv("（12）其他事项"), Some((4, 12, S)));
        assert_eq!(lv("## 十三、强化智库"), Some((1, 13, S)));
        assert_eq!(detect("## 二、", 10), None);
        assert_eq!(detect("## 二、任务", 10).unwrap().marker, Span::new(13, 19));
    }

    #[test]
    fn nonstandard_markers_keep_their_level() {
        use MarkerStyle::Nonstandard as N;
        assert_eq!(lv("一.总体要求"), Some((1, 1, N)));
        assert_eq!(lv("(一)总体要求"), Some((2, 1, N)));
        assert_eq!(lv("（一）、总体要求"), Some((2, 1, N)));
        assert_eq!(lv("1、坚持"), Some((3, 1, N)));
        assert_eq!(lv("1．储备"), Some((3, 1, N)));
        assert_eq!(lv("(1)落实"), Some((4, 1, N)));
    }

    #[test]
    fn numbers_are_not_markers() {
        assert_eq!(lv("3.5亿元用于"), None);
        assert_eq!(lv("2024年"), None);
        assert_eq!(lv("一九九六年五月"), None);
        assert_eq!(lv("一、"), None);
    }
}
