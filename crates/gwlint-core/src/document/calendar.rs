//! Dates as drafters mention them in running text, whole or in part (2025年3月5日, 3月5日,
//! 2025年3月, 三月五日), with the weekday written after one (（星期三）) and the end of a range
//! that starts with one (3月5日至10日) — including dates that cannot exist (2月30日, 13月), which
//! the validity, weekday and range rules report. `facts::find_dates` reads only whole, valid
//! dates; this reads what the text claims.

use regex::Regex;
use serde::Serialize;
use std::sync::LazyLock;

use crate::span::Span;
use crate::text::{chinese_digits_value, chinese_number};

/// A date or part of one: at least two of year, month and day (a range's end may be a day alone).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct PartialDate {
    pub span: Span,
    pub year: Option<u32>,
    pub month: Option<u32>,
    pub day: Option<u32>,
}

/// A weekday written after a date: 1 is Monday, 7 is Sunday.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct WeekdayNote {
    pub span: Span,
    pub weekday: u32,
}

/// A date mentioned in the text, with what is written right after it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct DateMention {
    pub date: PartialDate,
    pub weekday: Option<WeekdayNote>,
    /// The other end of a range that starts here (至, 到, —, ～).
    pub range_end: Option<PartialDate>,
}

const NUM: &str = r"[0-9]{1,2}|[一二三四五六七八九十]{1,3}";
const YEAR: &str = r"[0-9]{4}|[〇零○一二三四五六七八九]{4}";

/// A year with its month (and day), or a month with its day. A year alone (2025年) is no
/// mention and is not matched: no mention starts inside a year and its 年 (it would need a 月
/// there), so the mentions are those of the pattern that matched it and dropped the match. Every
/// match holds exactly one 月 (no class of the pattern holds it), and that is what
/// [`mention_captures`] searches around.
static MENTION: LazyLock<Regex> = LazyLock::new(|| Regex::new(&mention_pattern(false)).unwrap());

/// The pattern of [`MENTION`]; with `bare_year`, the one that matched a year alone too (the
/// tests compare the two).
fn mention_pattern(bare_year: bool) -> String {
    let (open, close) = if bare_year { ("(?:", ")?") } else { ("", "") };
    format!(
        r"(?P<y>{YEAR}) ?年 ?{open}(?P<m>{NUM}) ?月 ?(?:(?P<d>{NUM}) ?[日号])?{close}|(?P<m2>{NUM}) ?月 ?(?P<d2>{NUM}) ?[日号]"
    )
}

/// The most bytes a match of [`MENTION`] starts before its 月: a year of four numerals, a
/// space, 年, a space, a month of three numerals and a space (a numeral is three bytes).
const BEFORE_MONTH: usize = 4 * 3 + 1 + 3 + 1 + 3 * 3 + 1;
/// The most bytes from the start of a match's 月 to its end: 月, a space, a day of three
/// numerals, a space and 日 or 号.
const AFTER_MONTH: usize = 3 + 1 + 3 * 3 + 1 + 3;

/// The matches of [`MENTION`] in `text`, in order, as a search of the whole text finds them.
/// The pattern starts with classes and has no literal the engine can look for first, so a search
/// read every byte of every paragraph with a 月; each match is searched for instead in a window
/// around the 月 it holds ([`crate::text::matches_around`]): every match holds one, within
/// [`BEFORE_MONTH`] bytes before it and [`AFTER_MONTH`] after, the pattern asserts nothing about
/// the text around a match, and every match at one start holds the same 月 (a year's four
/// characters and 年 hold none).
fn mention_captures(text: &str) -> Vec<regex::Captures<'_>> {
    let months: Vec<usize> = crate::text::month_places(text).collect();
    crate::text::matches_around(text, &months, BEFORE_MONTH, AFTER_MONTH, |window, at| {
        MENTION.captures_at(window, at).map(|c| {
            let end = c.get(0).expect("match").end();
            (c, end)
        })
    })
}
static WEEKDAY: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^[（(]?(?:星期|礼拜|周)(?P<w>[一二三四五六日天])[）)]?").unwrap());
/// The characters a match of [`WEEKDAY`] starts with: what follows a date is searched only when
/// it starts with one (most dates are followed by none, and a search sets up its captures).
const WEEKDAY_FIRSTS: [char; 5] = ['（', '(', '星', '礼', '周'];
/// The characters a match of [`RANGE_END`] starts with (see [`WEEKDAY_FIRSTS`]).
const RANGE_END_FIRSTS: [char; 8] = ['至', '到', '—', '－', '-', '–', '～', '~'];
static RANGE_END: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"^(?:至|到|—{{1,2}}|－|-|–|～|~)(?:(?P<y>{YEAR})年)?(?:(?P<m>{NUM})月)?(?:(?P<d>{NUM})[日号])?"
    ))
    .unwrap()
});

fn value(s: &str) -> Option<u32> {
    if s.bytes().all(|b| b.is_ascii_digit()) {
        s.parse().ok()
    } else {
        chinese_number(s).or_else(|| chinese_digits_value(s))
    }
}

fn part(c: &regex::Captures<'_>, name: &str) -> Option<u32> {
    c.name(name).and_then(|m| value(m.as_str()))
}

/// Every date mentioned in `text` (at least two of year, month and day), `base` added to spans.
pub fn mentions(text: &str, base: usize) -> Vec<DateMention> {
    mentions_of(text, base, mention_captures(text))
}

/// [`mentions`] read from `matches`, the matches of a mention's pattern in `text`.
fn mentions_of<'t>(
    text: &'t str,
    base: usize,
    matches: impl IntoIterator<Item = regex::Captures<'t>>,
) -> Vec<DateMention> {
    let mut out = Vec::new();
    for c in matches {
        let m = c.get(0).expect("match");
        let (y, mo, d) = (part(&c, "y"), part(&c, "m").or(part(&c, "m2")), part(&c, "d").or(part(&c, "d2")));
        // 2025年 alone is no date; a digit or numeral right before makes it part of another
        // number (12025年).
        let before = text[..m.start()].chars().next_back();
        let glued = before.is_some_and(|b| b.is_ascii_digit() || "〇零○一二三四五六七八九十百千万".contains(b));
        if mo.is_none() || glued {
            continue;
        }
        let date = PartialDate { span: Span::new(base + m.start(), base + m.end()), year: y, month: mo, day: d };
        let rest = &text[m.end()..];
        let weekday = rest.starts_with(WEEKDAY_FIRSTS).then(|| WEEKDAY.captures(rest)).flatten().and_then(|w| {
            let all = w.get(0).expect("match");
            let weekday = "一二三四五六".chars().position(|c| w["w"].starts_with(c)).map_or(7, |i| i as u32 + 1);
            (d.is_some()).then(|| WeekdayNote { span: Span::new(base + m.end(), base + m.end() + all.end()), weekday })
        });
        // A range may start after the weekday: 3月4日（星期二）至3月10日.
        let skip = weekday.map_or(0, |w| w.span.end - w.span.start);
        let (rest, at) = (&rest[skip..], m.end() + skip);
        let range_end = rest.starts_with(RANGE_END_FIRSTS).then(|| RANGE_END.captures(rest)).flatten().and_then(|r| {
            let all = r.get(0).expect("match");
            let (ry, rm, rd) = (part(&r, "y"), part(&r, "m"), part(&r, "d"));
            // The end names at least what the start's finest part is (a day for a day).
            let complete = if d.is_some() { rd.is_some() } else { rm.is_some() && rd.is_none() };
            let after = rest[all.end()..].chars().next();
            let glued = after.is_some_and(|a| a.is_ascii_digit() || a == '月' || a == '年');
            (complete && !glued).then(|| PartialDate {
                span: Span::new(base + at, base + at + all.end()),
                year: ry,
                month: rm,
                day: rd,
            })
        });
        out.push(DateMention { date, weekday, range_end });
    }
    out
}

/// Whether `year` is a leap year of the Gregorian calendar.
pub fn is_leap(year: u32) -> bool {
    (year.is_multiple_of(4) && !year.is_multiple_of(100)) || year.is_multiple_of(400)
}

/// Days in a month; without a year, February has 29 (some year has it).
pub fn days_in_month(year: Option<u32>, month: u32) -> u32 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if year.is_none_or(is_leap) => 29,
        2 => 28,
        _ => 0,
    }
}

/// The day of the week (1 Monday … 7 Sunday) of a valid date.
pub fn weekday(year: u32, month: u32, day: u32) -> u32 {
    // Days since 1970-01-01 (a Thursday), by the civil-from-days inverse.
    let (y, m) =
        if month <= 2 { (i64::from(year) - 1, i64::from(month) + 9) } else { (i64::from(year), i64::from(month) - 3) };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let doy = (153 * m + 2) / 5 + i64::from(day) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    let days = era * 146_097 + doe - 719_468;
    ((days + 3).rem_euclid(7) + 1) as u32
}

/// The Chinese name of a weekday (1 Monday … 7 Sunday).
pub fn weekday_name(weekday: u32) -> &'static str {
    ["星期一", "星期二", "星期三", "星期四", "星期五", "星期六", "星期日"][(weekday.clamp(1, 7) - 1) as usize]
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The patterns read after a date match only where the text starts with one of their first
    /// characters: before every character of the Basic Multilingual Plane, with text a match
    /// could go on with, a match starts with one of them (and one does for each of them).
    #[test]
    fn what_follows_a_date_matches_only_after_its_first_characters() {
        for (re, firsts, rests) in [
            (&*WEEKDAY, &WEEKDAY_FIRSTS[..], &["星期三）", "期三）", "三）", "拜一", "）"][..]),
            (&*RANGE_END, &RANGE_END_FIRSTS[..], &["3月5日", "—5日", "2025年1月", "日"][..]),
        ] {
            let mut starts = std::collections::BTreeSet::new();
            for c in (0..=0xFFFF).filter_map(char::from_u32) {
                for rest in rests {
                    if re.is_match(&format!("{c}{rest}")) {
                        assert!(firsts.contains(&c), "{c}{rest}");
                        starts.insert(c);
                    }
                }
            }
            assert_eq!(starts.len(), firsts.len(), "{starts:?}");
        }
    }

    fn read(text: &str) -> Vec<(Option<u32>, Option<u32>, Option<u32>)> {
        mentions(text, 0).iter().map(|m| (m.date.year, m.date.month, m.date.day)).collect()
    }

    #[test]
    fn reads_whole_and_partial_dates() {
        assert_eq!(read("于2025年3月5日前"), [(Some(2025), Some(3), Some(5))]);
        assert_eq!(read("3月5日召开"), [(None, Some(3), Some(5))]);
        assert_eq!(read("二〇二五年三月五日"), [(Some(2025), Some(3), Some(5))]);
        assert_eq!(read("2025年3月底"), [(Some(2025), Some(3), None)]);
        assert_eq!(read("2月30日"), [(None, Some(2), Some(30))]);
        assert!(read("2025年共有5日").is_empty());
        assert!(read("全年12个月").is_empty());
        assert!(read("第5日").is_empty());
    }

    /// The mentions read from windows around each 月 with the pattern that leaves a year alone
    /// unmatched are those read from a search of the whole text with the pattern that matched it:
    /// years, months and days of every form and spacing side by side, glued to other numbers,
    /// months close together (inside one another's windows, at their edges, one right after a
    /// match), months far apart, characters of one to four bytes around, and real documents.
    #[test]
    fn mentions_from_windows_around_each_month_are_the_whole_texts() {
        let bare = Regex::new(&mention_pattern(true)).unwrap();
        let whole = |text: &str| mentions_of(text, 0, bare.captures_iter(text));
        let mut texts: Vec<String> = [
            "2025年共有5日",
            "2025年1—3月",
            "12025年5月",
            "2025 年 3 月 5 日",
            "二〇二五年三月五日",
            "二〇二五五年三月",
            "一二三四年五月六日",
            "2025年，3月5日",
            "2025年 3月",
            "3月3月4日",
            "2025年2025年3月4日",
            "2025年十二月三十一日",
            "年3月5日",
            "2025年月5日",
            "月月月",
            "3月4日（星期二）至3月10日",
            "2025年3月28日至4日",
            "自2024年起，每年3月",
            "〇二五年三月",
            "3月5日3月6日3月7日",
            "于二〇二五 年 一二三 月 三十一 号前",
            "二〇二五年 十二 月 三十一 日",
            "𠀀3月5日",
            "a3月5日b",
            "1月",
        ]
        .map(String::from)
        .to_vec();
        let parts = [
            "",
            "2025年",
            "二〇二五年",
            "2025 年 ",
            "3月",
            "12 月",
            "十二月",
            "5日",
            "三十一号",
            " ",
            "，",
            "至",
            "（星期二）",
            "等",
            "𠀀",
            "x",
            "一二三",
            "20250",
        ];
        crate::document::each_triple(&parts, |a, b, c| texts.push(format!("{a}{b}{c}")));
        // Months at every distance from one another, around the window's bytes.
        for gap in 0..40 {
            let filler = "经".repeat(gap / 3) + &"1".repeat(gap % 3);
            texts.push(format!("2025年3月{filler}4月5日{filler}二〇二四年十月"));
            texts.push(format!("{filler}十二月三十一日{filler}3月"));
        }
        texts.extend(crate::document::sample_texts());
        let (mut found, mut matched) = (0, 0);
        for text in &texts {
            let now = mentions(text, 0);
            assert_eq!(now, whole(text), "{text}");
            found += now.len();
            // The matches themselves too (those a mention drops, a month of 一二三, still end
            // where the next search starts): the whole text's, less the years alone.
            let ranges: Vec<_> = mention_captures(text).iter().map(|c| c.get(0).unwrap().range()).collect();
            let bare_ranges: Vec<_> =
                bare.find_iter(text).filter(|m| m.as_str().contains('月')).map(|m| m.range()).collect();
            assert_eq!(ranges, bare_ranges, "{text}");
            matched += ranges.len();
        }
        assert_eq!((found, matched), (641, 738));
    }

    #[test]
    fn reads_weekdays_and_range_ends() {
        let m = mentions("3月4日（星期二）至3月10日", 0);
        assert_eq!(m[0].weekday.map(|w| w.weekday), Some(2));
        assert_eq!(m[0].range_end.map(|r| (r.month, r.day)), Some((Some(3), Some(10))));
        let m = mentions("2025年3月28日至4日", 0);
        assert_eq!(m[0].range_end.map(|r| (r.month, r.day)), Some((None, Some(4))));
        assert!(mentions("2025年1—3月", 0).iter().all(|m| m.range_end.is_none()));
    }

    #[test]
    fn knows_the_calendar() {
        assert_eq!(weekday(2025, 3, 4), 2);
        assert_eq!(weekday(2024, 2, 29), 4);
        assert_eq!(weekday(1970, 1, 1), 4);
        assert_eq!(weekday(2000, 1, 1), 6);
        assert_eq!(days_in_month(Some(2024), 2), 29);
        assert_eq!(days_in_month(Some(2023), 2), 28);
        assert_eq!(days_in_month(Some(1900), 2), 28);
        assert_eq!(days_in_month(None, 2), 29);
        assert_eq!(days_in_month(None, 13), 0);
    }
}
