//! Facts derived from the structure: 文种, 行文方向, 主送机关, 发文机关, 成文日期, 附件.

use regex::Regex;
use serde::{Serialize, Serializer};
use std::fmt;
use std::sync::LazyLock;

use crate::text::{chinese_digits_value, chinese_number, strip_spaces};

/// The 15 legal 文种 of 《党政机关公文处理工作条例》第八条.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Genre {
    Resolution,   // 决议
    Decision,     // 决定
    Order,        // 命令（令）
    Communique,   // 公报
    Announcement, // 公告
    Notice,       // 通告
    Opinion,      // 意见
    Circular,     // 通知
    Bulletin,     // 通报
    Report,       // 报告
    Request,      // 请示
    Reply,        // 批复
    Motion,       // 议案
    Letter,       // 函
    Minutes,      // 纪要
}

/// Suffixes in the order they must be tried (longer words before their tails: 命令 before 令).
const GENRE_SUFFIXES: &[(&str, Genre)] = &[
    ("决议", Genre::Resolution),
    ("决定", Genre::Decision),
    ("命令", Genre::Order),
    ("公报", Genre::Communique),
    ("公告", Genre::Announcement),
    ("通告", Genre::Notice),
    ("意见", Genre::Opinion),
    ("通知", Genre::Circular),
    ("通报", Genre::Bulletin),
    ("报告", Genre::Report),
    ("请示", Genre::Request),
    ("批复", Genre::Reply),
    ("议案", Genre::Motion),
    ("纪要", Genre::Minutes),
    ("令", Genre::Order),
    ("函", Genre::Letter),
];

impl Genre {
    pub const ALL: [Genre; 15] = [
        Genre::Resolution,
        Genre::Decision,
        Genre::Order,
        Genre::Communique,
        Genre::Announcement,
        Genre::Notice,
        Genre::Opinion,
        Genre::Circular,
        Genre::Bulletin,
        Genre::Report,
        Genre::Request,
        Genre::Reply,
        Genre::Motion,
        Genre::Letter,
        Genre::Minutes,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Genre::Resolution => "决议",
            Genre::Decision => "决定",
            Genre::Order => "命令",
            Genre::Communique => "公报",
            Genre::Announcement => "公告",
            Genre::Notice => "通告",
            Genre::Opinion => "意见",
            Genre::Circular => "通知",
            Genre::Bulletin => "通报",
            Genre::Report => "报告",
            Genre::Request => "请示",
            Genre::Reply => "批复",
            Genre::Motion => "议案",
            Genre::Letter => "函",
            Genre::Minutes => "纪要",
        }
    }

    /// The 文种 a title ends with, if any (spaces inside the title are ignored).
    pub fn from_title(title: &str) -> Option<Genre> {
        let t = trimmed_title(title);
        let t: &str = &t;
        // A date or 字号 in brackets after the title (web pages print “……的通知（2022年11月7日）”)
        // is a note on the title, not part of it.
        let t = match t.rfind(['（', '(']) {
            Some(i) if t.ends_with(['）', ')']) => {
                let inner = t[i..].trim_start_matches(['（', '(']).trim_end_matches(['）', ')']);
                let noted = parse_date_line(inner).is_some() || super::elements::DocNumber::parse(inner, 0).is_some();
                if noted {
                    &t[..i]
                } else {
                    t
                }
            }
            _ => t,
        };
        GENRE_SUFFIXES.iter().find(|(s, _)| t.ends_with(s)).map(|&(_, g)| g)
    }

    /// The 文种 a 发文字号's 机关代字 shows: …函 (国办函, 沪府函) numbers letters and …复 (苏政复)
    /// numbers replies. Read only when the title names no 文种 (a “……提案的答复”).
    pub fn from_doc_number_code(code: &str) -> Option<Genre> {
        let code = strip_spaces(code);
        if code.ends_with('函') {
            Some(Genre::Letter)
        } else if code.ends_with('复') {
            Some(Genre::Reply)
        } else {
            None
        }
    }

    /// Default 行文方向 of the 文种 (practice; the 条例 assigns none).
    pub fn default_direction(self) -> Direction {
        match self {
            Genre::Request | Genre::Report | Genre::Motion => Direction::Upward,
            Genre::Letter => Direction::Parallel,
            Genre::Announcement | Genre::Notice | Genre::Communique => Direction::Public,
            _ => Direction::Downward,
        }
    }
}

/// A word drafters end a title with as if it were a 文种.
pub struct NonGenreWord {
    pub word: &'static str,
    /// The 文种 a text so titled behaves as for the 行文规则 (a 申请 asks, a 汇报 reports).
    pub acts_as: Option<Genre>,
    /// What to use instead.
    pub advice: &'static str,
}

/// Words drafters use as if they were 文种, with the 文种 the text behaves as and what to use
/// instead. GW101 reports them; the structure pass reads a line ending with one as a title.
pub const NON_GENRE_WORDS: &[NonGenreWord] = &[
    NonGenreWord {
        word: "汇报", acts_as: Some(Genre::Report), advice: "向上级汇报工作、反映情况应使用“报告”"
    },
    NonGenreWord {
        word: "总结",
        acts_as: Some(Genre::Report),
        advice: "向上级报送工作总结应使用“报告”，印发总结可用“关于印发……的通知”",
    },
    NonGenreWord {
        word: "申请",
        acts_as: Some(Genre::Request),
        advice: "向上级请求批准应使用“请示”，向不相隶属机关请求批准应使用“函”",
    },
    NonGenreWord {
        word: "请求", acts_as: Some(Genre::Request), advice: "向上级请求指示、批准应使用“请示”"
    },
    NonGenreWord {
        word: "报批", acts_as: Some(Genre::Request), advice: "向上级请求批准应使用“请示”"
    },
    NonGenreWord {
        word: "计划", acts_as: None, advice: "印发计划应使用“关于印发……计划的通知”"
    },
    NonGenreWord {
        word: "方案", acts_as: None, advice: "印发方案应使用“关于印发……方案的通知”"
    },
    NonGenreWord {
        word: "办法", acts_as: None, advice: "印发办法应使用“关于印发……办法的通知”"
    },
    NonGenreWord {
        word: "规定", acts_as: None, advice: "印发规定应使用“关于印发……规定的通知”"
    },
    NonGenreWord {
        word: "细则", acts_as: None, advice: "印发细则应使用“关于印发……细则的通知”"
    },
    NonGenreWord {
        word: "要点", acts_as: None, advice: "印发工作要点应使用“关于印发……要点的通知”"
    },
    NonGenreWord {
        word: "安排",
        acts_as: None,
        advice: "印发工作安排应使用“关于印发……安排的通知”，或直接用“通知”部署",
    },
    NonGenreWord {
        word: "说明",
        acts_as: Some(Genre::Report),
        advice: "向上级说明情况应使用“报告”，向不相隶属机关说明应使用“函”",
    },
    NonGenreWord { word: "建议", acts_as: None, advice: "提出见解和处理办法应使用“意见”" },
    NonGenreWord {
        word: "倡议书", acts_as: None, advice: "倡议书不是公文文种；以机关名义发布应使用“通知”或“意见”"
    },
    NonGenreWord {
        word: "简报", acts_as: None, advice: "简报不是公文文种，不应编发字号作为公文办理"
    },
];

impl NonGenreWord {
    /// The word a title (spaces removed) ends with, if any.
    pub fn ending(title: &str) -> Option<&'static NonGenreWord> {
        NON_GENRE_WORDS.iter().find(|w| title.ends_with(w.word))
    }
}

impl Genre {
    /// The 文种 a title behaves as for the 行文规则 (see `Facts::acts_as`): a 请示报告 or 申请报告
    /// asks like a 请示 (GW102 reports the doubled 文种), a 申请 like a 请示, a 汇报 like a 报告.
    pub fn acted_by_title(title: &str) -> Option<Genre> {
        let t = trimmed_title(title);
        const ASKING_REPORTS: &[&str] = &["请示报告", "申请报告", "报告请示"];
        if ASKING_REPORTS.iter().any(|w| t.ends_with(w)) {
            return Some(Genre::Request);
        }
        match NonGenreWord::ending(&t) {
            Some(w) if w.acts_as.is_some() => w.acts_as,
            _ => Genre::from_title(&t),
        }
    }
}

/// A title without spaces and without a punctuation mark wrongly put at its end (“……的通知。”).
fn trimmed_title(title: &str) -> std::borrow::Cow<'_, str> {
    const MARKS: [char; 8] = ['。', '.', '；', ';', '，', ',', '：', ':'];
    match strip_spaces(title) {
        std::borrow::Cow::Borrowed(t) => std::borrow::Cow::Borrowed(t.trim_end_matches(MARKS)),
        std::borrow::Cow::Owned(mut t) => {
            t.truncate(t.trim_end_matches(MARKS).len());
            std::borrow::Cow::Owned(t)
        }
    }
}

impl fmt::Display for Genre {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl Serialize for Genre {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

/// 行文方向.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Direction {
    Upward,
    Downward,
    Parallel,
    Public,
}

impl Direction {
    pub fn as_str(self) -> &'static str {
        match self {
            Direction::Upward => "上行文",
            Direction::Downward => "下行文",
            Direction::Parallel => "平行文",
            Direction::Public => "公布性",
        }
    }
}

impl Serialize for Direction {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

/// What kind of text this is. Structural and routing rules only judge 公文.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, schemars::JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum DocClass {
    /// A 公文 (or a draft of one).
    Gongwen,
    /// A 讲话稿 / 发言稿 (opens with 同志们： or is titled …的讲话).
    Speech,
    /// Any other text (an article, a fragment).
    #[default]
    Other,
}

impl DocClass {
    pub fn as_zh(self) -> &'static str {
        match self {
            DocClass::Gongwen => "公文",
            DocClass::Speech => "讲话稿",
            DocClass::Other => "非公文",
        }
    }
}

/// How a date is written.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum DateStyle {
    /// 2024年3月5日 (possibly with leading zeros).
    Arabic,
    /// 二〇二四年三月五日
    Chinese,
    /// 2024-03-05, 2024.3.5, 2024/3/5
    Separated,
}

/// A calendar date read from the text.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct DateValue {
    pub year: u32,
    pub month: u32,
    pub day: u32,
    pub style: DateStyle,
}

impl DateValue {
    pub fn iso(&self) -> String {
        format!("{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }

    fn valid(self) -> Option<Self> {
        ((1900..=2200).contains(&self.year) && (1..=12).contains(&self.month) && (1..=31).contains(&self.day))
            .then_some(self)
    }
}

/// “2025年3月5日”, and a year cut to two digits (“24年9月3日”, read as 2024; GW501 reports it).
static DATE_ARABIC: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^([0-9]{4}|[0-9]{2})年([0-9]{1,2})月([0-9]{1,2})日$").unwrap());
static DATE_CHINESE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^([〇零○OＯ0一二三四五六七八九]{4})年([一二三四五六七八九十]{1,3})月([一二三四五六七八九十]{1,3})日$")
        .unwrap()
});
static DATE_SEPARATED: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^([0-9]{4})[./\-－／]([0-9]{1,2})[./\-－／]([0-9]{1,2})$").unwrap());

/// A date found inside running text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct FoundDate {
    /// Byte range in the searched text.
    pub start: usize,
    pub end: usize,
    pub value: DateValue,
    /// Month or day written with a leading zero (2024年03月05日).
    pub padded: bool,
    /// Spaces inside the date (2022 年 3 月 9 日).
    pub spaced: bool,
}

/// A full date in one of three forms (2024年3月5日, 二〇二四年三月五日, 2024.3.5), without
/// groups: [`read_date`] reads the numbers from the match.
static DATE_ANYWHERE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(concat!(
        r"[0-9]{4} ?年 ?[0-9]{1,2} ?月 ?[0-9]{1,2} ?日",
        r"|[〇零○OＯ0一二三四五六七八九]{4}年[一二三四五六七八九十]{1,3}月[一二三四五六七八九十]{1,3}日",
        r"|[0-9]{4}[./\-－／][0-9]{1,2}[./\-－／][0-9]{1,2}",
    ))
    .unwrap()
});

/// Whether a text with this summary may hold a full date ([`find_dates`]): 年, 月 and 日, or an
/// ASCII digit and a separator of the separated form.
pub fn may_hold_date(s: super::char_summary::CharSummary) -> bool {
    (s.may_contain('年') && s.may_contain('月') && s.may_contain('日'))
        || (s.has_ascii_digit()
            && (b"./-".iter().any(|&b| s.has_ascii(b)) || s.may_contain('－') || s.may_contain('／')))
}

/// The most bytes a match of [`DATE_ANYWHERE`] starts before its anchor ([`date_anchors`]):
/// four numerals (a zero of three bytes, Ｏ, among them), 年 and a month of three numerals
/// before a 月.
const BEFORE_ANCHOR: usize = 4 * 3 + 3 + 3 * 3;
/// The most bytes from the start of a match's anchor to its end: 月, a day of three numerals and
/// 日 (the separated form runs ten bytes from its first separator).
const AFTER_ANCHOR: usize = 3 + 3 * 3 + 3;

/// Where the matches of [`DATE_ANYWHERE`] in `text` hold their anchor, in order: the 月 of the
/// first two forms, and the first separator of the third, which follows four ASCII digits (the
/// second follows one or two digits and a separator).
fn date_anchors(text: &str) -> Vec<usize> {
    let bytes = text.as_bytes();
    let after_year = |at: usize| at >= 4 && bytes[at - 4..at].iter().all(u8::is_ascii_digit);
    let mut anchors: Vec<usize> = crate::text::month_places(text).collect();
    anchors.extend(memchr::memchr3_iter(b'.', b'/', b'-', bytes).filter(|&at| after_year(at)));
    // － and ／ (U+FF0D, U+FF0F): EF BC 8D and EF BC 8F.
    anchors.extend(
        memchr::memchr_iter(0xEF, bytes)
            .filter(|&at| matches!(bytes.get(at + 1..at + 3), Some([0xBC, 0x8D | 0x8F])) && after_year(at)),
    );
    anchors.sort_unstable();
    anchors
}

/// Every full date (year, month and day) in `text`, in any form.
pub fn find_dates(text: &str) -> Vec<FoundDate> {
    // Every form holds 年 or ASCII digits: a text with neither has no date (the pattern is not
    // run).
    if !text.contains('年') && !text.bytes().any(|b| b.is_ascii_digit()) {
        return Vec::new();
    }
    // The pattern starts with classes, and a search of the text read every byte of it: each
    // match is searched for in a window around its anchor instead
    // ([`crate::text::matches_around`]). Every match holds one anchor of `date_anchors` within
    // BEFORE_ANCHOR bytes before it and AFTER_ANCHOR after, and every match at one start holds
    // the same (the three forms differ by their fifth character: a space or 年 with ASCII digits
    // after, 年 with numerals after, a separator).
    let matches = crate::text::matches_around(text, &date_anchors(text), BEFORE_ANCHOR, AFTER_ANCHOR, |window, at| {
        DATE_ANYWHERE.find_at(window, at).map(|m| (m, m.end()))
    });
    dates_of(text, matches)
}

/// The dates of `text` read from `matches`, the matches of [`DATE_ANYWHERE`] in it.
fn dates_of<'t>(text: &'t str, matches: impl IntoIterator<Item = regex::Match<'t>>) -> Vec<FoundDate> {
    let mut out = Vec::new();
    // The matches are found without capture groups (the cost of a capture is most of the cost
    // of a date): the form and its numbers are read from the matched text ([`read_date`]).
    for m in matches {
        let Some((value, padded)) = read_date(m.as_str()) else { continue };
        // 2024.3.5 must not be part of a longer number or version (1.2024.3.5, 2024.3.51).
        if value.style == DateStyle::Separated {
            let before = text[..m.start()].chars().next_back();
            let after = text[m.end()..].chars().next();
            if before.is_some_and(|b| b.is_ascii_digit() || b == '.')
                || after.is_some_and(|a| a.is_ascii_digit() || a == '.')
            {
                continue;
            }
        }
        if let Some(value) = value.valid() {
            out.push(FoundDate { start: m.start(), end: m.end(), value, padded, spaced: m.as_str().contains(' ') });
        }
    }
    out
}

/// The value of a match of [`DATE_ANYWHERE`] and whether its month or day has a leading zero.
/// The three forms are told apart by the match itself: the separated form has no 年; in the
/// other two, the month after 年 is written in ASCII digits (after an optional space) or in
/// Chinese numerals (no space).
fn read_date(date: &str) -> Option<(DateValue, bool)> {
    let arabic = |style| {
        let mut numbers = date.split(|c: char| !c.is_ascii_digit()).filter(|n| !n.is_empty());
        let (y, mo, d) = (numbers.next()?, numbers.next()?, numbers.next()?);
        let v = DateValue { year: num(y), month: num(mo), day: num(d), style };
        Some((v, mo.starts_with('0') || d.starts_with('0')))
    };
    let Some((year, rest)) = date.split_once('年') else { return arabic(DateStyle::Separated) };
    if rest.trim_start_matches(' ').starts_with(|c: char| c.is_ascii_digit()) {
        return arabic(DateStyle::Arabic);
    }
    let (month, rest) = rest.split_once('月')?;
    let day = rest.strip_suffix('日')?;
    let v = DateValue {
        year: chinese_digits_value(year).unwrap_or(0),
        month: chinese_number(month).unwrap_or(0),
        day: chinese_number(day).unwrap_or(0),
        style: DateStyle::Chinese,
    };
    Some((v, false))
}

fn num(s: &str) -> u32 {
    s.parse().unwrap_or(0)
}

impl DateValue {
    /// The GB/T 9704 form: 2024年3月5日.
    pub fn standard(&self) -> String {
        format!("{}年{}月{}日", self.year, self.month, self.day)
    }

    pub fn ordinal(&self) -> (u32, u32, u32) {
        (self.year, self.month, self.day)
    }
}

/// Parse a line that is only a date (spaces ignored), in any of the forms drafters use.
/// A 成文日期 whose day (or month and day) is left blank to be filled in when the document is
/// signed: “2025年3月　日”, “2025年　月　日”, “二〇二五年三月　日”.
static DATE_UNFILLED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(concat!(
        r"^(?:[0-9]{4}|[〇零○一二三四五六七八九]{4})\s*年",
        r"(?:\s*(?:[0-9]{1,2}|[一二三四五六七八九十]{1,3})\s*月|\s+月)\s+日$"
    ))
    .unwrap()
});

/// Is the line a 成文日期 with its day left blank for signing?
pub fn is_unfilled_date_line(s: &str) -> bool {
    // The form ends with 日 (the pattern is not run on other lines).
    s.trim_end().ends_with('日') && DATE_UNFILLED.is_match(s.trim())
}

pub fn parse_date_line(s: &str) -> Option<DateValue> {
    // Every form ends with 日 or a digit: another line is no date (and is not copied without
    // its spaces to be asked).
    if !s.trim_end().ends_with(|c: char| c == '日' || c.is_ascii_digit()) {
        return None;
    }
    let s = strip_spaces(s);
    if let Some(c) = DATE_ARABIC.captures(&s) {
        let year: u32 = c[1].parse().ok()?;
        return DateValue {
            year: if c[1].len() == 2 { 2000 + year } else { year },
            month: c[2].parse().ok()?,
            day: c[3].parse().ok()?,
            style: DateStyle::Arabic,
        }
        .valid();
    }
    if let Some(c) = DATE_CHINESE.captures(&s) {
        return DateValue {
            year: chinese_digits_value(&c[1])?,
            month: chinese_number(&c[2])?,
            day: chinese_number(&c[3])?,
            style: DateStyle::Chinese,
        }
        .valid();
    }
    if let Some(c) = DATE_SEPARATED.captures(&s) {
        return DateValue {
            year: c[1].parse().ok()?,
            month: c[2].parse().ok()?,
            day: c[3].parse().ok()?,
            style: DateStyle::Separated,
        }
        .valid();
    }
    None
}

/// The editions of the standards a document is judged by: those in force at its date.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Era {
    /// GB/T 9704—2012 and GB/T 15834—2011: documents dated from 2012-07-01, and drafts with no
    /// date.
    #[default]
    Current,
    /// GB/T 9704—1999 and GB/T 15834—1995: documents dated before 2012-07-01, when GB/T
    /// 9704—2012 took effect. The 1999 layout standard wrote the 成文日期 in Chinese numerals
    /// (二〇〇四年十月十五日).
    Before2012,
}

impl Era {
    /// The day GB/T 9704—2012 took effect.
    pub const GBT9704_2012_IN_FORCE: (u32, u32, u32) = (2012, 7, 1);

    /// The era of a document dated `date` (today's standards when there is no date).
    pub fn of(date: Option<DateValue>) -> Era {
        match date {
            Some(d) if d.ordinal() < Self::GBT9704_2012_IN_FORCE => Era::Before2012,
            _ => Era::Current,
        }
    }

    /// The layout standard of the era, as cited in messages.
    pub fn layout_standard(self) -> &'static str {
        match self {
            Era::Current => "GB/T 9704—2012",
            Era::Before2012 => "GB/T 9704—1999",
        }
    }
}

/// Everything derived from the structure, shown by `gwlint inspect` and used by rules.
#[derive(Clone, Debug, Default, Serialize)]
pub struct Facts {
    /// 公文, 讲话稿 or other text.
    pub class: DocClass,
    /// The title, its lines joined.
    pub title: Option<String>,
    /// 文种 from the title, e.g. "请示"; when the title names none, from the 发文字号's
    /// 机关代字 (国办函 → 函).
    pub genre: Option<Genre>,
    /// 行文方向 implied by the 文种.
    pub direction: Option<Direction>,
    /// The 文种 the text behaves as, which the 行文规则 judge: the title's 文种, except where the
    /// title ends with a word that is not one or with two (GW101/GW102 report those): 申请,
    /// 请求, 报批, 请示报告 and 申请报告 ask for approval and are judged as a 请示; 汇报, 情况说明,
    /// 说明 and 总结 report and are judged as a 报告.
    pub acts_as: Option<Genre>,
    /// 发文字号 (or 令号).
    pub doc_number: Option<String>,
    /// 主送机关, one entry per organ.
    pub recipients: Vec<String>,
    /// 发文机关: from the title, else the 署名, else the 发文机关标志.
    pub issuer: Option<String>,
    /// 成文日期 as written.
    pub date: Option<String>,
    /// 成文日期 as a value.
    pub date_value: Option<DateValue>,
    /// Attachment names from the 附件说明.
    pub attachments: Vec<String>,
    /// 抄送机关.
    pub copy_to: Vec<String>,
    /// The standards the document is judged by, from its 成文日期 (or, without one, its 印发日期).
    pub era: Era,
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The dates found in windows around their anchors are those a search of the whole text
    /// finds: the three forms side by side and glued to one another, with spaces, numerals and
    /// zeros of every kind, separators of both widths after runs of digits of every length,
    /// anchors at every distance from one another, and real documents.
    #[test]
    fn dates_found_around_their_anchors_are_the_whole_texts() {
        let whole = |text: &str| dates_of(text, DATE_ANYWHERE.find_iter(text));
        let mut texts: Vec<String> = [
            "2024年3月5日",
            "2024 年 3 月 5 日",
            "二〇二四年十二月三十一日",
            "OＯ0〇年一二三月一二三日",
            "2024.3.5",
            "2024－12－31",
            "2024／1／2",
            "于〇〇〇〇年一二三月一日前",
            "12024.3.5",
            "2024.3.51",
            "1.2024.3.5",
            "2024.3.5.6",
            "2024-03-05",
            "2024年3月5日2024.3.5",
            "2024.3.2024年3月5日",
            "二〇二四年三月2024年3月5日",
            "月月",
            "2024..3.5",
            "2024.2024.3.5",
            "于2024年3月5日至2025年4月6日",
            "2024年3月",
            "３月５日",
            "20242024年3月5日",
        ]
        .map(String::from)
        .to_vec();
        let parts = [
            "",
            "2024",
            "二〇二四",
            "年",
            " 年 ",
            "3",
            "十二",
            "月",
            " 月 ",
            "5日",
            "三十一日",
            ".",
            "－",
            "／",
            "-",
            "/",
            "12",
            "〇",
            "，",
            "𠀀",
        ];
        crate::document::each_triple(&parts, |a, b, c| {
            texts.push(format!("{a}{b}{c}"));
            texts.push(format!("2024{a}3{b}5{c}"));
        });
        for gap in 0..30 {
            let filler = "经".repeat(gap / 3) + &"1".repeat(gap % 3);
            texts.push(format!("2024年3月5日{filler}2024.3.5{filler}二〇二四年三月五日{filler}2025－1－2"));
        }
        texts.extend(crate::document::sample_texts());
        let (mut found, mut matched) = (0, 0);
        for text in &texts {
            let now = find_dates(text);
            assert_eq!(now, whole(text), "{text}");
            found += now.len();
            let around: Vec<_> =
                crate::text::matches_around(text, &date_anchors(text), BEFORE_ANCHOR, AFTER_ANCHOR, |w, at| {
                    DATE_ANYWHERE.find_at(w, at).map(|m| (m.range(), m.end()))
                });
            let all: Vec<_> = DATE_ANYWHERE.find_iter(text).map(|m| m.range()).collect();
            assert_eq!(around, all, "{text}");
            matched += all.len();
        }
        assert_eq!((found, matched), (476, 653));
    }

    #[test]
    fn a_text_with_a_full_date_may_hold_one_by_its_summary() {
        use crate::document::char_summary::CharSummary;
        for text in [
            "于2024年3月5日印发",
            "二〇二四年三月五日",
            "2024 年 3 月 5 日",
            "2024.3.5",
            "2024-03-05",
            "2024/3/5",
            "2024－3－5",
            "2024／3／5",
            "日期：2024.03.05。",
        ] {
            assert!(!find_dates(text).is_empty(), "{text}");
            assert!(may_hold_date(CharSummary::of(text)), "{text}");
        }
        for text in ["2024年3月", "三月五日", "第3条", "共计100元", "年度工作要点"] {
            assert!(find_dates(text).is_empty() && !may_hold_date(CharSummary::of(text)), "{text}");
        }
    }

    #[test]
    fn genre_from_title() {
        assert_eq!(Genre::from_title("关于调整市区公交线网的请示"), Some(Genre::Request));
        assert_eq!(Genre::from_title("国务院办公厅关于黄金经济政策有关问题的复函"), Some(Genre::Letter));
        assert_eq!(Genre::from_title("国 家 粮 食 应 急 预 案 的 函"), Some(Genre::Letter));
        assert_eq!(Genre::from_title("中华人民共和国国务院令"), Some(Genre::Order));
        assert_eq!(Genre::from_title("第一季度工作会议纪要"), Some(Genre::Minutes));
        assert_eq!(Genre::from_title("关于2025年防汛工作的安排"), None);
        assert_eq!(Genre::from_title("关于增加编制的请示报告"), Some(Genre::Report));
    }

    /// `find_dates` as it was written with capture groups: the reference the reading of the
    /// matched text is compared with.
    fn find_dates_by_captures(text: &str) -> Vec<FoundDate> {
        static GROUPS: LazyLock<Regex> = LazyLock::new(|| {
            Regex::new(concat!(
                r"(?P<ay>[0-9]{4}) ?年 ?(?P<am>[0-9]{1,2}) ?月 ?(?P<ad>[0-9]{1,2}) ?日",
                r"|(?P<cy>[〇零○OＯ0一二三四五六七八九]{4})年(?P<cm>[一二三四五六七八九十]{1,3})月(?P<cd>[一二三四五六七八九十]{1,3})日",
                r"|(?P<sy>[0-9]{4})(?P<sep>[./\-－／])(?P<sm>[0-9]{1,2})[./\-－／](?P<sd>[0-9]{1,2})",
            ))
            .unwrap()
        });
        let mut out = Vec::new();
        for c in GROUPS.captures_iter(text) {
            let m = c.get(0).unwrap();
            if c.name("sy").is_some() {
                let before = text[..m.start()].chars().next_back();
                let after = text[m.end()..].chars().next();
                if before.is_some_and(|b| b.is_ascii_digit() || b == '.')
                    || after.is_some_and(|a| a.is_ascii_digit() || a == '.')
                {
                    continue;
                }
            }
            let group = |name: &str| c.name(name).map(|g| g.as_str());
            let arabic = |y: &str, mo: &str, d: &str, style| {
                let v = DateValue { year: num(y), month: num(mo), day: num(d), style };
                (v, mo.starts_with('0') || d.starts_with('0'))
            };
            let (value, padded) = match (group("ay"), group("cy"), group("sy")) {
                (Some(y), _, _) => arabic(y, group("am").unwrap(), group("ad").unwrap(), DateStyle::Arabic),
                (_, Some(y), _) => {
                    let v = DateValue {
                        year: chinese_digits_value(y).unwrap_or(0),
                        month: chinese_number(group("cm").unwrap()).unwrap_or(0),
                        day: chinese_number(group("cd").unwrap()).unwrap_or(0),
                        style: DateStyle::Chinese,
                    };
                    (v, false)
                }
                (_, _, Some(y)) => arabic(y, group("sm").unwrap(), group("sd").unwrap(), DateStyle::Separated),
                _ => unreachable!("one form matches"),
            };
            if let Some(value) = value.valid() {
                out.push(FoundDate { start: m.start(), end: m.end(), value, padded, spaced: m.as_str().contains(' ') });
            }
        }
        out
    }

    #[test]
    fn dates_read_from_the_match_are_the_dates_its_groups_give() {
        // Dates of every form made from parts valid and not (ASCII and Chinese digits, 〇 and its
        // lookalikes, leading zeros, spaces, every separator, mixed separators), between
        // neighbours that make some of them part of a longer number; then the fixtures.
        let years =
            ["2024", "1999", "0000", "202", "20245", "二〇二四", "二0二四", "二O二四", "二○二四", "二零二四", "二〇二"];
        let months = ["3", "03", "12", "13", "0", "003", "三", "十", "十二", "十三", "〇"];
        let days = ["5", "05", "29", "30", "31", "32", "五", "二十九", "三十", "三十一", "三十二", "十"];
        let marks = [("年", "月", "日"), (" 年 ", " 月 ", " 日"), ("年 ", "月", " 日"), ("年", " 月", "日")];
        let separators = [".", "-", "/", "－", "／", "年", "。"];
        let around = ["", "", "于", "1.", ".", "9", "，", "版本", "日", "年", " "];
        let mut next = crate::test_input::indices(0x2545_F491_4F6C_DD1D);
        let mut texts: Vec<String> = Vec::new();
        for k in 0..30_000 {
            let (y, mo, d) = (years[next(years.len())], months[next(months.len())], days[next(days.len())]);
            let date = if k % 2 == 0 {
                let (a, b, c) = marks[next(marks.len())];
                format!("{y}{a}{mo}{b}{d}{c}")
            } else {
                let (a, b) = (separators[next(separators.len())], separators[next(separators.len())]);
                format!("{y}{a}{mo}{b}{d}")
            };
            texts.push(format!("{}{date}{}", around[next(around.len())], around[next(around.len())]));
        }
        for entry in std::fs::read_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/../../fixtures/documents")).unwrap() {
            if let Ok(text) = std::fs::read_to_string(entry.unwrap().path()) {
                texts.push(text);
            }
        }
        let mut found = [0; 3];
        for text in &texts {
            let dates = find_dates(text);
            assert_eq!(dates, find_dates_by_captures(text), "{text}");
            for d in dates {
                found[d.value.style as usize] += 1;
            }
        }
        assert_eq!(found, [297, 201, 80]);
    }

    #[test]
    fn finds_dates_in_text() {
        let t = "请于2025年03月10日前报送，二〇二四年三月五日、2024-3-5和版本1.2024.3.5。";
        let d = find_dates(t);
        assert_eq!(d.len(), 3);
        assert!(d[0].padded);
        assert_eq!(d[1].value.style, DateStyle::Chinese);
        assert_eq!(d[2].value.standard(), "2024年3月5日");
        assert_eq!(&t[d[0].start..d[0].end], "2025年03月10日");
    }

    #[test]
    fn dates_in_all_forms() {
        let d = parse_date_line("2025年3月18日").unwrap();
        assert_eq!((d.iso(), d.style), ("2025-03-18".into(), DateStyle::Arabic));
        let d = parse_date_line("二〇〇四年十月十五日").unwrap();
        assert_eq!((d.iso(), d.style), ("2004-10-15".into(), DateStyle::Chinese));
        let d = parse_date_line("二○二○年十一月六日").unwrap();
        assert_eq!(d.iso(), "2020-11-06");
        let d = parse_date_line("2022 年 3 月 9 日").unwrap();
        assert_eq!(d.iso(), "2022-03-09");
        let d = parse_date_line("2025-05-06").unwrap();
        assert_eq!(d.style, DateStyle::Separated);
        assert!(parse_date_line("2025年13月1日").is_none());
        assert_eq!(parse_date_line("24年9月3日").unwrap().iso(), "2024-09-03");
        for l in ["2025年3月　日", "2025年 3 月  日", "2025年　月　日", "二〇二五年三月　日"] {
            assert!(is_unfilled_date_line(l), "{l}");
        }
        for l in ["2025年3月日", "2025年3月", "2025年3月5日", "3月　日"] {
            assert!(!is_unfilled_date_line(l), "{l}");
        }
        assert!(parse_date_line("2019年7月25日 上海市第十五届人民代表大会常务委员会第十四次会议通过").is_none());
    }
}
