//! Outline numbers at the start of 正文 paragraphs: 一、 （一） 1. （1）, GB/T 9704—2012 §7.3.3.
//! Non-standard forms (一. （一）、 1、 (1)) are recognised too, with the level they stand for,
//! so that format rules can point at them.

use serde::Serialize;

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

/// The forms of an outline marker, in the order they are tried: an optional opening bracket,
/// a number (one to three Chinese numerals or one or two ASCII digits) and the mark after it.
struct Form {
    /// The opening brackets the form takes (empty: none).
    opens: &'static [char],
    chinese: bool,
    /// The marks after the number.
    closes: &'static [char],
    level: u8,
    style: MarkerStyle,
}

const FORMS: [Form; 8] = {
    use MarkerStyle::*;
    const fn f(opens: &'static [char], chinese: bool, closes: &'static [char], level: u8, style: MarkerStyle) -> Form {
        Form { opens, chinese, closes, level, style }
    }
    [
        // Standard forms first: 一、 （一） 1. （1）.
        f(&[], true, &['、'], 1, Standard),
        f(&['（'], true, &['）'], 2, Standard),
        f(&[], false, &['.'], 3, Standard),
        f(&['（'], false, &['）'], 4, Standard),
        // Non-standard forms of the same levels.
        f(&[], true, &['.', '．', '，', ',', '：', ':'], 1, Nonstandard),
        f(&['（', '('], true, &[')', '）'], 2, Nonstandard),
        f(&[], false, &['、', '．', '，', ','], 3, Nonstandard),
        f(&['（', '('], false, &[')', '）'], 4, Nonstandard),
    ]
};

/// The Chinese numerals of a marker.
fn is_numeral(c: char) -> bool {
    matches!(c, '一' | '二' | '三' | '四' | '五' | '六' | '七' | '八' | '九' | '十')
}

/// `content` (starting at `base`) after Markdown heading marks left in a .txt ("## 一、总体要求"):
/// they do not hide the number.
fn without_heading_marks(content: &str, base: usize) -> (&str, usize) {
    let hashes = content.len() - content.trim_start_matches('#').len();
    if hashes == 0 {
        return (content, base);
    }
    let rest = content[hashes..].trim_start();
    (rest, base + (content.len() - rest.len()))
}

/// Recognise the outline marker at the start of `content` (which starts at `base` in the text).
pub fn detect(content: &str, base: usize) -> Option<Heading> {
    let (content, base) = without_heading_marks(content, base);
    // Every form starts with a Chinese numeral, a bracket or an ASCII digit: any other first
    // character is no marker.
    let first = content.chars().next()?;
    if !(first.is_ascii_digit() || is_numeral(first) || first == '（' || first == '(') {
        return None;
    }
    // The number after an opening bracket (if any) is the whole run of numerals or digits
    // there: what follows it is no numeral, so a form whose mark follows a shorter run fails.
    let open = matches!(first, '（' | '(').then_some(first);
    let after_open = open.map_or(0, char::len_utf8);
    let run = |chinese: bool| {
        let digits = &content[after_open..];
        let len =
            digits.find(|c: char| if chinese { !is_numeral(c) } else { !c.is_ascii_digit() }).unwrap_or(digits.len());
        let count = if chinese { len / '一'.len_utf8() } else { len };
        (&digits[..len], count, digits[len..].chars().next())
    };
    let (chinese_run, ascii_run) = (run(true), run(false));
    for form in &FORMS {
        let (n, count, mark) = if form.chinese { chinese_run } else { ascii_run };
        let opened = match open {
            Some(o) => form.opens.contains(&o),
            None => form.opens.is_empty(),
        };
        let most = if form.chinese { 3 } else { 2 };
        let Some(mark) = mark.filter(|m| opened && (1..=most).contains(&count) && form.closes.contains(m)) else {
            continue;
        };
        let whole_end = after_open + n.len() + mark.len_utf8();
        let rest = &content[whole_end..];
        // "3.5亿元", "1.2万" are numbers, not outline markers; a bare marker with nothing after it
        // is not a heading either.
        if rest.is_empty() || (!form.chinese && rest.starts_with(|c: char| c.is_ascii_digit())) {
            return None;
        }
        let number = if form.chinese { chinese_number(n)? } else { n.parse().ok()? };
        let mut style = form.style;
        // "（一）、" carries an extra mark after a correct bracket.
        let mut end = whole_end;
        if form.level == 2 || form.level == 4 {
            if let Some(c) = rest.chars().next().filter(|c| matches!(c, '、' | '.' | '．' | '，')) {
                style = MarkerStyle::Nonstandard;
                end += c.len_utf8();
            }
        }
        return Some(Heading { level: form.level, number, marker: Span::new(base, base + end), style });
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use regex::Regex;

    const CN: &str = "[一二三四五六七八九十]{1,3}";

    /// The forms as the patterns they were first written as (the reference `detect` is tested
    /// against): the first pattern that matches decides.
    fn by_patterns(content: &str, base: usize) -> Option<Heading> {
        let (content, base) = without_heading_marks(content, base);
        if !content.starts_with(|c: char| c.is_ascii_digit() || "一二三四五六七八九十（(".contains(c)) {
            return None;
        }
        use MarkerStyle::*;
        static PATTERNS: std::sync::LazyLock<Vec<(Regex, u8, MarkerStyle, bool)>> = std::sync::LazyLock::new(|| {
            [
                (format!(r"^(?P<n>{CN})、"), 1, Standard, true),
                (format!(r"^（(?P<n>{CN})）"), 2, Standard, true),
                (r"^(?P<n>[0-9]{1,2})\.".to_string(), 3, Standard, false),
                (r"^（(?P<n>[0-9]{1,2})）".to_string(), 4, Standard, false),
                (format!(r"^(?P<n>{CN})[.．，,：:]"), 1, Nonstandard, true),
                (format!(r"^[（(](?P<n>{CN})[)）]"), 2, Nonstandard, true),
                (r"^(?P<n>[0-9]{1,2})[、．，,]".to_string(), 3, Nonstandard, false),
                (r"^[（(](?P<n>[0-9]{1,2})[)）]".to_string(), 4, Nonstandard, false),
            ]
            .into_iter()
            .map(|(re, level, style, chinese)| (Regex::new(&re).unwrap(), level, style, chinese))
            .collect()
        });
        for &(ref re, level, style, chinese) in PATTERNS.iter() {
            let Some(m) = re.captures(content) else { continue };
            let whole = m.get(0)?;
            let n = m.name("n")?.as_str();
            let rest = &content[whole.end()..];
            if rest.is_empty() || (!chinese && rest.starts_with(|c: char| c.is_ascii_digit())) {
                return None;
            }
            let number = if chinese { chinese_number(n)? } else { n.parse().ok()? };
            let (mut style, mut end) = (style, whole.end());
            if level == 2 || level == 4 {
                if let Some(c) = rest.chars().next().filter(|c| matches!(c, '、' | '.' | '．' | '，')) {
                    style = MarkerStyle::Nonstandard;
                    end += c.len_utf8();
                }
            }
            return Some(Heading { level, number, marker: Span::new(base, base + end), style });
        }
        None
    }

    /// Every string of up to four of the characters markers are made of (and some they are
    /// not), and of five after an opening bracket, is read as the patterns read it.
    #[test]
    fn markers_are_read_as_the_patterns_read_them() {
        let pieces = ["（", "(", "一", "十", "二", "1", "0", "、", ".", "，", "：", "）", ")", "字"];
        let marks = [",", "．", ":", "#", " ", "## 一、要求", "三十三、", "（四）、", "12.5亿", "100."];
        let mut texts = vec![String::new()];
        let mut all: Vec<String> = marks.iter().map(|m| m.to_string()).collect();
        for _ in 0..4 {
            texts = texts.iter().flat_map(|t| pieces.iter().chain(&marks).map(move |p| format!("{t}{p}"))).collect();
            all.extend(texts.iter().cloned());
        }
        all.extend(texts.iter().flat_map(|t| ["（", "("].map(|o| format!("{o}{t}"))));
        let mut headings = 0;
        for text in &all {
            let found = detect(text, 7);
            assert_eq!(found, by_patterns(text, 7), "{text}");
            headings += usize::from(found.is_some());
        }
        assert!(headings > 10_000, "{headings}");
    }

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
