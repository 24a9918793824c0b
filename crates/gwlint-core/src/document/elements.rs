//! Typed, positioned 公文 elements, read once by the structure pass: the 发文字号 with its
//! parts, 密级 and 保密期限, 紧急程度, 签发人, the dates, the organs of 主送/抄送/署名, the
//! 附件说明 and its items, the appended 附件, and the quotations of the whole text. Rules read
//! these fields instead of parsing the text again; every span is absolute in `Document::text`.
//!
//! Each grammar lives here once: the structure pass uses the same functions to recognise a
//! line (`DocNumber::parse(..).is_some()`) that rules read the fields of.

use regex::Regex;
use serde::Serialize;
use std::sync::LazyLock;

use super::calendar::{self, DateMention};
use super::char_summary::CharSummary;
use super::facts::{find_dates, may_hold_date, parse_date_line, DateValue, FoundDate};
use super::{Paragraph, Part};
use crate::span::Span;
use crate::text::{
    char_len, chinese_digits_value, chinese_number, split_outside_brackets, strip_spaces, to_half_width,
};

/// Every element found in a document.
#[derive(Clone, Debug, Default, Serialize)]
pub struct Elements {
    /// 份号 (its paragraph content).
    pub copy_number: Option<Span>,
    pub secrecy: Option<Secrecy>,
    pub urgency: Option<Urgency>,
    pub doc_number: Option<DocNumber>,
    pub signer: Option<Signer>,
    /// 成文日期.
    pub date: Option<DateElement>,
    /// Every full date written anywhere in the paragraphs (2025年3月5日, 二〇二五年三月五日,
    /// 2025-03-05), in text order.
    pub dates: Vec<DateElement>,
    /// Every date mentioned, whole or in part and whether or not it exists (3月5日, 2月30日),
    /// with the weekday and range end written after it, in text order.
    pub date_mentions: Vec<DateMention>,
    /// 印发机关和印发日期.
    pub printed: Option<Printed>,
    /// 主送机关, one entry per organ.
    pub addressees: Vec<Organ>,
    /// 抄送机关.
    pub copy_to: Vec<Organ>,
    /// 发文机关署名, one entry per line (joint documents sign with several organs).
    pub signature: Vec<Organ>,
    pub attachment_note: Option<AttachmentNote>,
    /// 附件 appended after the 主体, in order.
    pub attachments: Vec<Attachment>,
    pub quotations: Quotations,
}

// ---------------------------------------------------------------------------------------------
// 发文字号

/// 发文字号 in any bracket style: 机关代字, brackets around the year, 顺序号, 号 — each with its
/// span so a rule can point at the wrong part. 签发人 may share the line.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct DocNumber {
    /// The 字号 itself (without a 签发人 on the same line).
    pub span: Span,
    /// 机关代字: 平政办发.
    pub code: Span,
    pub open: Span,
    pub year: Span,
    /// The year as a number when it is written with digits (full- or half-width) or Chinese
    /// numerals; a two-digit year stays as written (25).
    pub year_value: Option<u32>,
    pub close: Span,
    /// “第” before the 顺序号.
    pub di: Option<Span>,
    /// 顺序号; empty (at the gap) when the 字号 is not yet numbered, or a placeholder (X, ××)
    /// that GW605 reports.
    pub seq: Span,
    pub seq_value: Option<u32>,
    /// “号”.
    pub hao: Option<Span>,
    /// Spaces between the parts (after the 代字, after the brackets, after the 顺序号).
    pub spaces: Vec<Span>,
}

/// The longest 机关代字 of a 发文字号, in characters.
const MAX_CODE_CHARS: usize = 20;

/// A 发文字号 line. The 机关代字 is read unbounded and its length checked after: a bounded run
/// of Han characters makes a pattern many times larger to compile, and the code is the run of
/// its characters up to the first space or bracket either way.
static DOC_NUMBER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(concat!(
        r"^(?P<code>\p{Han}[\p{Han}A-Za-z0-9]*?)(?P<sp1>\s*)(?P<open>[\[［【〔﹝〖（(「])\s*",
        r"(?P<year>[0-9０-９]{2,4}|[〇零○一二三四五六七八九]{4})\s*(?P<close>[\]］】〕﹞〗）)」])",
        r"(?P<sp2>\s*)(?P<di>第?)\s*(?P<seq>[0-9０-９]*|[XxＸ×*＊]{1,4})(?P<sp3>\s*)(?P<hao>号?)$"
    ))
    .unwrap()
});

/// Whether `line` ends as a 发文字号 read by [`DocNumber::parse`] must: with 号, or with a
/// character of its number (spaces after either). The pattern's match is the whole line and
/// ends with `(?P<seq>…)(?P<sp3>\s*)(?P<hao>号?)`, and a line whose number and 号 are both
/// empty is none: most lines asked (every line that may be a title) are told without the
/// pattern's search for its groups.
fn ends_like_doc_number(line: &str) -> bool {
    matches!(
        line.trim_end().chars().next_back(),
        Some('号' | '0'..='9' | '０'..='９' | 'X' | 'x' | 'Ｘ' | '×' | '*' | '＊')
    )
}

/// [`DOC_NUMBER`]'s match in `line`, if its 机关代字 is within [`MAX_CODE_CHARS`].
fn doc_number_captures(line: &str) -> Option<regex::Captures<'_>> {
    DOC_NUMBER.captures(line).filter(|c| c["code"].chars().count() <= MAX_CODE_CHARS)
}

impl DocNumber {
    /// Read a 发文字号 line (content starting at `base`). None when the line is not one. A
    /// 签发人 may follow on the same line (after any run of spaces); a 字号 not yet numbered
    /// (平应急〔2024〕　号, filled in when the document is issued) is read with an empty `seq`.
    pub fn parse(line: &str, base: usize) -> Option<DocNumber> {
        let line = match line.find("签发人") {
            Some(at) if at > 0 => {
                if char_len(&line[at..]) > 40 {
                    return None;
                }
                line[..at].trim_end()
            }
            _ => line,
        };
        if char_len(line) > 40 || !ends_like_doc_number(line) {
            return None;
        }
        let c = doc_number_captures(line)?;
        let numbered = c["seq"].chars().next().is_some_and(|ch| ch.is_ascii_digit() || ('０'..='９').contains(&ch));
        if c["seq"].is_empty() && c["hao"].is_empty() {
            return None;
        }
        let at = |name: &str| c.name(name).map(|m| Span::new(base + m.start(), base + m.end()));
        let nonempty = |name: &str| at(name).filter(|s| !s.is_empty());
        let year_text = to_half_width(&c["year"]);
        let year_value = if year_text.chars().all(|ch| ch.is_ascii_digit()) {
            year_text.parse().ok()
        } else {
            chinese_digits_value(&year_text)
        };
        let hao = nonempty("hao");
        let end = hao.or(at("seq")).map_or(base, |s| s.end);
        Some(DocNumber {
            span: Span::new(base, end),
            code: at("code")?,
            open: at("open")?,
            year: at("year")?,
            year_value,
            close: at("close")?,
            di: nonempty("di"),
            seq: at("seq")?,
            seq_value: to_half_width(&c["seq"]).parse().ok(),
            hao,
            // The gap left for the number of an unnumbered 字号 is not a stray space.
            spaces: ["sp1", "sp2", "sp3"]
                .iter()
                .take(if numbered { 3 } else { 1 })
                .filter_map(|n| nonempty(n))
                .collect(),
        })
    }
}

/// 令号: 第707号.
static ORDER_NUMBER: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"^第\s*[0-9]+\s*号$").unwrap());

/// Is the line a 令号 (第707号)?
pub fn is_order_number(line: &str) -> bool {
    ORDER_NUMBER.is_match(line)
}

// ---------------------------------------------------------------------------------------------
// 签发人

/// 签发人: on its own line or after the 发文字号 on the same line.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Signer {
    /// From “签发人” to the end of the line.
    pub span: Span,
    /// The names, one span each.
    pub names: Vec<Span>,
}

impl Signer {
    /// Read “签发人：张三 李四” starting somewhere in `line` (content starting at `base`).
    pub fn find(line: &str, base: usize) -> Option<Signer> {
        let start = line.find("签发人")?;
        let after = start + "签发人".len();
        let rest = &line[after..];
        let lead = rest.len() - rest.trim_start_matches([' ', '\u{3000}', '：', ':']).len();
        let mut names = Vec::new();
        let mut offset = after + lead;
        for part in line[offset..].split([' ', '\u{3000}', '、', '，', ',']) {
            if !part.is_empty() {
                names.push(Span::new(base + offset, base + offset + part.len()));
            }
            offset += part.len() + line[offset + part.len()..].chars().next().map_or(0, char::len_utf8);
        }
        Some(Signer { span: Span::new(base + start, base + line.len()), names })
    }
}

// ---------------------------------------------------------------------------------------------
// 密级和保密期限, 紧急程度

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum SecrecyLevel {
    /// 绝密
    TopSecret,
    /// 机密
    Secret,
    /// 秘密
    Confidential,
}

/// 密级和保密期限: 机密★1年.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Secrecy {
    pub span: Span,
    /// A “密级：” written before the level (the mark stands alone).
    pub label: Option<Span>,
    pub level: SecrecyLevel,
    pub level_span: Span,
    /// Spaces between the level and the ★ or the term.
    pub gap: Span,
    /// The separator: “★”, or a look-alike (☆, *) written instead.
    pub star: Option<Span>,
    /// 保密期限: the number (1, 一) …
    pub term: Option<Span>,
    /// … its value …
    pub term_value: Option<u32>,
    /// … and its unit (年, 个月, 月), or “长期”.
    pub unit: Option<Span>,
}

static SECRECY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(concat!(
        r"^(?P<label>密级\s*[：:]\s*)?(?P<lvl>绝密|机密|秘密)(?P<sp>\s*)(?P<star>[★☆*＊]?)\s*",
        r"(?:(?P<term>[0-9]+|[一二三四五六七八九十]+)\s*(?P<unit>年|个月|月)|(?P<long>长期))?$"
    ))
    .unwrap()
});

impl Secrecy {
    pub fn parse(line: &str, base: usize) -> Option<Secrecy> {
        let c = SECRECY.captures(line)?;
        // “长期” needs its ★ (机密★长期), and a ★ needs what it separates.
        let (long, star) = (c.name("long").is_some(), !c["star"].is_empty());
        if (long && !star) || (star && !long && c.name("term").is_none()) {
            return None;
        }
        let at = |m: regex::Match<'_>| Span::new(base + m.start(), base + m.end());
        let level = match &c["lvl"] {
            "绝密" => SecrecyLevel::TopSecret,
            "机密" => SecrecyLevel::Secret,
            _ => SecrecyLevel::Confidential,
        };
        let term = c.name("term");
        Some(Secrecy {
            span: Span::new(base, base + line.len()),
            label: c.name("label").map(at),
            level,
            level_span: at(c.name("lvl")?),
            gap: at(c.name("sp")?),
            star: c.name("star").filter(|m| !m.is_empty()).map(at),
            term: term.map(at),
            term_value: term.and_then(|t| t.as_str().parse().ok().or_else(|| chinese_number(t.as_str()))),
            unit: c.name("unit").or(c.name("long")).map(at),
        })
    }
}

/// 紧急程度.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Urgency {
    pub span: Span,
    /// The mark without a “紧急程度：” label: 特急, 加急, 急件 …
    pub mark: Span,
    /// A “紧急程度：” written before the mark.
    pub label: Option<Span>,
    /// Whether the mark is one of the two GB/T 9704 allows (特急, 加急).
    pub standard: bool,
}

static URGENCY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?P<label>紧急程度\s*[：:]\s*)?(?P<mark>特急件?|加急件?|特提|平急|急件|紧急)$").unwrap()
});

impl Urgency {
    pub fn parse(line: &str, base: usize) -> Option<Urgency> {
        let c = URGENCY.captures(line)?;
        let at = |m: regex::Match<'_>| Span::new(base + m.start(), base + m.end());
        let mark = c.name("mark")?;
        Some(Urgency {
            span: Span::new(base, base + line.len()),
            mark: at(mark),
            label: c.name("label").map(at),
            standard: matches!(mark.as_str(), "特急" | "加急"),
        })
    }
}

static COPY_NUMBER: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"^[0-9]{6}$").unwrap());

/// Is the line a 份号 (six digits)?
pub fn is_copy_number(line: &str) -> bool {
    COPY_NUMBER.is_match(line)
}

// ---------------------------------------------------------------------------------------------
// Dates

/// A date: its value, its written style (in `value.style`) and where it is written.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct DateElement {
    pub span: Span,
    pub value: DateValue,
    /// Written as on the page (2025年05月06日, 二〇二五年五月六日).
    pub written: String,
    /// Month or day with a leading zero (2025年03月05日).
    pub padded: bool,
    /// Spaces inside (2025 年 3 月 5 日).
    pub spaced: bool,
}

impl DateElement {
    /// A line that is only a date (any spaces allowed).
    pub fn parse_line(line: &str, base: usize) -> Option<DateElement> {
        let value = parse_date_line(line)?;
        let found = find_dates(line).into_iter().next();
        Some(DateElement {
            span: Span::new(base, base + line.len()),
            value,
            written: line.to_string(),
            padded: found.is_some_and(|d| d.padded),
            spaced: line.contains([' ', '\u{3000}']),
        })
    }

    /// The character between the year and the month of a separated date (2024/8/1: '/'), or
    /// None for a date written with 年月日.
    pub fn separator(&self) -> Option<char> {
        if self.value.style != super::facts::DateStyle::Separated {
            return None;
        }
        self.written.chars().find(|c| !c.is_ascii_digit())
    }

    fn found(line: &str, base: usize, d: &FoundDate) -> DateElement {
        DateElement {
            span: Span::new(base + d.start, base + d.end),
            value: d.value,
            written: line[d.start..d.end].into(),
            padded: d.padded,
            spaced: d.spaced,
        }
    }
}

impl Elements {
    /// The dates written inside a span (a paragraph), in order.
    pub fn dates_in(&self, span: Span) -> &[DateElement] {
        let a = self.dates.partition_point(|d| d.span.start < span.start);
        let b = self.dates.partition_point(|d| d.span.start < span.end);
        &self.dates[a..b.max(a)]
    }
}

/// 印发机关和印发日期: “平安市人民政府办公室 2025年5月6日印发”.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Printed {
    pub span: Span,
    /// The printing organ, if named before the date.
    pub organ: Option<Span>,
    pub date: DateElement,
}

static PRINTED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"([0-9]{4}\s*年\s*[0-9]{1,2}\s*月\s*[0-9]{1,2}\s*日|[0-9]{4}[-./][0-9]{1,2}[-./][0-9]{1,2})\s*印\s*发$")
        .unwrap()
});

impl Printed {
    /// Is the line a 印发 line?
    pub fn is_printed_line(line: &str) -> bool {
        PRINTED.is_match(Self::without_period(line))
    }

    /// Is the line a 印发 line whose 印发 was left out: an organ's name (up to 30 characters, no
    /// sentence mark), spaces and a date that ends the line (“××市××局办公室　　2024年3月8日”)?
    /// Read as one only under a 抄送 line (the structure pass asks), where nothing else stands.
    pub fn is_unmarked_printed_line(line: &str) -> bool {
        let Some(date) = find_dates(line).pop().filter(|d| d.end == line.len()) else { return false };
        let before = &line[..date.start];
        let organ = before.trim_end_matches([' ', '\u{3000}', '\t']);
        organ.len() < before.len()
            && !organ.is_empty()
            && organ.chars().count() <= 30
            && !organ.contains(['。', '，', '；', '：', ',', ';', ':'])
    }

    /// The line without a 句号 after its 印发 (a slip GW310 reports), where the rest is an organ
    /// and a date alone (no other mark, 40 characters at most besides the spaces that align it):
    /// a sentence of the 正文 that ends with “……印发。” is not a 印发 line.
    fn without_period(line: &str) -> &str {
        let short = |rest: &str| rest.chars().filter(|c| !c.is_whitespace()).count() <= 40;
        match line.strip_suffix(['。', '.']) {
            Some(rest) if !rest.contains(['，', '。', '；', ',', ';']) && short(rest) => rest,
            _ => line,
        }
    }

    pub fn parse(line: &str, base: usize) -> Option<Printed> {
        let m = PRINTED.find(Self::without_period(line))?;
        let found = find_dates(line).into_iter().rfind(|d| d.start >= m.start())?;
        let organ_text = line[..m.start()].trim_end_matches([' ', '\u{3000}']);
        Some(Printed {
            span: Span::new(base, base + line.len()),
            organ: (!organ_text.trim().is_empty()).then(|| Span::new(base, base + organ_text.len())),
            date: DateElement::found(line, base, &found),
        })
    }
}

// ---------------------------------------------------------------------------------------------
// Organs

/// One organ named in 主送, 抄送 or 署名.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Organ {
    pub span: Span,
    /// The name with spaces removed.
    pub name: String,
}

/// Organ names (机关、单位) end with one of these.
pub const ORGAN_ENDINGS: &[&str] = &[
    "委员会",
    "办公室",
    "办公厅",
    "领导小组",
    "人民政府",
    "人民法院",
    "人民检察院",
    "局",
    "厅",
    "部",
    "署",
    "委",
    "办",
    "院",
    "中心",
    "公司",
    "集团",
];

/// Does the name end like the name of an organ or unit (…局, …委员会, …公司)?
pub fn ends_like_organ(name: &str) -> bool {
    ORGAN_ENDINGS.iter().any(|e| name.ends_with(e))
}

/// A label written before the 主送机关 (报：, 呈：, 送：, 主送：): the byte length of it and the
/// spaces after it.
pub fn addressee_label(line: &str) -> Option<usize> {
    static LABEL: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"^(?:主送|呈报|报送|报|呈|送|致)\s*[：:]\s*").unwrap());
    LABEL.find(line).map(|m| m.end())
}

/// Separators between organs.
const ORGAN_SEPARATORS: &[char] = &['、', '，', ',', '；', ';'];

/// A segment that only names a kind of region (各省, 自治区) continues into the next one:
/// “各省、自治区、直辖市人民政府” is one organ, the governments of all three kinds.
fn is_region_kind(segment: &str) -> bool {
    let s = segment.trim_start_matches('各');
    matches!(
        s,
        "省" | "自治区"
            | "直辖市"
            | "计划单列市"
            | "市"
            | "县"
            | "区"
            | "自治州"
            | "州"
            | "盟"
            | "地区"
            | "乡"
            | "镇"
            | "街道"
    )
}

/// Split an organ list (content starting at `base`) into organs with their spans: not inside
/// brackets (各县（市、区）人民政府), and a region-kind list joined by 、 stays one organ.
pub fn split_organs(list: &str, base: usize) -> Vec<Organ> {
    let mut out: Vec<Organ> = Vec::new();
    let mut pending: Option<usize> = None;
    let mut offset = 0;
    for part in split_outside_brackets(list, ORGAN_SEPARATORS) {
        let start = offset;
        offset += part.len();
        let sep = list[offset..].chars().next();
        offset += sep.map_or(0, char::len_utf8);
        let from = pending.take().unwrap_or(start);
        if sep == Some('、') && is_region_kind(&strip_spaces(part)) {
            pending = Some(from);
            continue;
        }
        let text = &list[from..start + part.len()];
        let trimmed_start = text.len() - text.trim_start().len();
        let name = strip_spaces(text).into_owned();
        if !name.is_empty() {
            let s = base + from + trimmed_start;
            out.push(Organ { span: Span::new(s, base + from + text.trim_end().len()), name });
        }
    }
    if let Some(from) = pending {
        let text = &list[from..];
        let name = strip_spaces(text.trim_end_matches(ORGAN_SEPARATORS)).into_owned();
        if !name.is_empty() {
            out.push(Organ { span: Span::new(base + from, base + list.len()), name });
        }
    }
    out
}

// ---------------------------------------------------------------------------------------------
// 附件说明 and appended 附件

/// 附件说明: “附件：1.名称” and the items on the following lines.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct AttachmentNote {
    /// “附件” or “附”.
    pub word: Span,
    /// The colon after the word, if written.
    pub colon: Option<Span>,
    /// A Chinese numeral written between the word and the colon (附件一：).
    pub head_number: Option<Span>,
    /// The whole first paragraph.
    pub span: Span,
    /// Items with text, in order.
    pub items: Vec<AttachmentItem>,
}

/// One item of a 附件说明.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct AttachmentItem {
    /// The item text (number, name and any trailing mark), trailing spaces excluded.
    pub span: Span,
    pub number: Option<ItemNumber>,
    /// The name: without the number and without a trailing punctuation mark.
    pub name: Span,
    /// A punctuation mark after the name (名称后不加标点).
    pub trailing_mark: Option<Span>,
}

/// The number of an attachment item: 1. 1、 1． (1) （1）.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ItemNumber {
    /// The marker without the spaces after it.
    pub span: Span,
    pub value: u32,
    /// Written exactly as “1.”.
    pub standard: bool,
}

/// The first line of a 附件说明: 附件：… / 附件1：… / 附：…
static NOTE_START: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(附件\s*(?:[0-9]{0,2}|[一二三四五六七八九十]{1,2})\s*[：:]|附件\s*[0-9]{1,2}\s*[.．、]|附\s*[：:])")
        .unwrap()
});
/// “附件” (or “附”) and what follows it up to the first item.
static NOTE_HEAD: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?P<word>附件|附)\s*(?:(?P<number>[一二三四五六七八九十]{1,2})\s*)?(?P<colon>[：:]?)\s*").unwrap()
});
/// An item number at the start of an item.
static ITEM_NUMBER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:(?P<n>[0-9]{1,2})(?P<mark>[.．、，,])|[（(](?P<pn>[0-9]{1,2})[)）])\s*").unwrap()
});
/// A continuation line of a 附件说明 list: 2.名称
static NOTE_ITEM_LINE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^([0-9]{1,2}\s*[.．、,，]|[（(][0-9]{1,2}[)）])").unwrap());

impl AttachmentNote {
    /// Does a 附件说明 start on this line?
    pub fn starts(line: &str) -> bool {
        NOTE_START.is_match(line)
    }

    /// Is the line a 附件说明 head with nothing after it (“附件：”), the name following below?
    pub fn is_bare_head(line: &str) -> bool {
        NOTE_HEAD.find(line).is_some_and(|m| m.end() == line.len()) && Self::starts(line)
    }

    /// Can this line continue a 附件说明 list?
    pub fn continues(line: &str) -> bool {
        NOTE_ITEM_LINE.is_match(line) || (char_len(line) <= 60 && !line.contains('。'))
    }

    /// Read the note from its paragraphs (contents with their start offsets).
    pub fn parse(paras: &[(&str, usize)]) -> Option<AttachmentNote> {
        let &(first, base) = paras.first()?;
        let h = NOTE_HEAD.captures(first)?;
        let word = h.name("word")?;
        let colon = h.name("colon").filter(|m| !m.is_empty());
        let head_number = h.name("number").map(|m| Span::new(base + m.start(), base + m.end()));
        let head_end = h.get(0)?.end();
        let mut items = Vec::new();
        let lines = std::iter::once((&first[head_end..], base + head_end)).chain(paras[1..].iter().copied());
        for (text, at) in lines {
            let text = text.trim_end();
            if text.trim().is_empty() {
                continue;
            }
            items.push(AttachmentItem::parse(text, at));
        }
        Some(AttachmentNote {
            word: Span::new(base + word.start(), base + word.end()),
            colon: colon.map(|c| Span::new(base + c.start(), base + c.end())),
            head_number,
            span: Span::new(base, base + first.len()),
            items,
        })
    }
}

impl AttachmentItem {
    fn parse(text: &str, base: usize) -> AttachmentItem {
        let number = ITEM_NUMBER.captures(text).and_then(|n| {
            let all = n.get(0)?;
            let digits = n.name("n").or(n.name("pn"))?.as_str();
            let marker = all.as_str().trim_end();
            Some((
                ItemNumber {
                    span: Span::new(base, base + marker.len()),
                    value: digits.parse().ok()?,
                    standard: marker == format!("{digits}."),
                },
                all.end(),
            ))
        });
        let name_start = number.as_ref().map_or(0, |(_, end)| *end);
        let trailing = text.chars().last().filter(|c| matches!(c, '。' | '；' | '，' | '、' | '.' | ';' | ','));
        let name_end = text.len() - trailing.map_or(0, char::len_utf8);
        AttachmentItem {
            span: Span::new(base, base + text.len()),
            number: number.map(|(n, _)| n),
            name: Span::new(base + name_start.min(name_end), base + name_end),
            trailing_mark: trailing.map(|c| Span::new(base + text.len() - c.len_utf8(), base + text.len())),
        }
    }
}

/// An attachment appended after the 主体: “附件2” alone on a line, then its title and text.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Attachment {
    /// The “附件2” line.
    pub head: Span,
    pub number: Option<u32>,
    /// The title (the next line), if any.
    pub title: Option<Span>,
    /// Paragraph indices of the attachment, head included.
    pub first_paragraph: usize,
    pub last_paragraph: usize,
}

/// The first line of an appended attachment: 附件 / 附件2 / 附件二 / 附： alone on a line (also
/// letter-spaced: 附 件).
static ATTACHMENT_HEAD: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(附[ \u{3000}]*件|附)\s*(?P<n>[0-9]{1,2}|[一二三四五六七八九十]{1,3})?\s*[：:.．]?$").unwrap()
});

impl Attachment {
    /// The number on an attachment head line (Some(None) for “附件” without a number); None when
    /// the line is not an attachment head.
    pub fn head_number(line: &str) -> Option<Option<u32>> {
        // Every head starts with 附 (most lines of an attachment do not: they are not searched,
        // and no captures are made for them).
        if !line.starts_with('附') {
            return None;
        }
        let c = ATTACHMENT_HEAD.captures(line)?;
        Some(c.name("n").and_then(|n| n.as_str().parse().ok().or_else(|| chinese_number(n.as_str()))))
    }

    /// Is the head the short “附” (which also heads an appendix inside an attachment's text)?
    fn is_short_head(line: &str) -> bool {
        !strip_spaces(line).starts_with("附件")
    }

    pub fn is_head(line: &str) -> bool {
        line.starts_with('附') && ATTACHMENT_HEAD.is_match(line)
    }
}

// ---------------------------------------------------------------------------------------------
// Quotations

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum QuoteKind {
    /// “”
    Double,
    /// ‘’
    Single,
    /// 《》
    Book,
}

impl QuoteKind {
    pub fn marks(self) -> (char, char) {
        match self {
            QuoteKind::Double => ('“', '”'),
            QuoteKind::Single => ('‘', '’'),
            QuoteKind::Book => ('《', '》'),
        }
    }
}

/// One quotation: its opening mark and, when it is closed, its closing mark. A quotation of
/// several paragraphs may repeat “ at the start of each continued paragraph (GB/T 15834 4.8.3);
/// those marks are `continued`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Quotation {
    pub kind: QuoteKind,
    pub open: Span,
    pub close: Option<Span>,
    pub continued: Vec<Span>,
}

impl Quotation {
    /// The quoted text between the marks (to the end of the text when unclosed).
    pub fn inner(&self, text_len: usize) -> Span {
        Span::new(self.open.end, self.close.map_or(text_len, |c| c.start))
    }
}

/// Every quotation of a document, and the closing marks that close nothing.
#[derive(Clone, Debug, Default, Serialize)]
pub struct Quotations {
    /// In order of their opening marks.
    pub all: Vec<Quotation>,
    /// Closing marks with no opening mark (”, ’, 》).
    pub stray_closes: Vec<(QuoteKind, Span)>,
    /// The union of the insides of closed quotations, sorted, for `contains`.
    #[serde(skip)]
    inside: Vec<Span>,
    /// The same for book titles (《》) alone.
    #[serde(skip)]
    inside_books: Vec<Span>,
}

/// Is `offset` inside one of the sorted, disjoint spans?
fn within(spans: &[Span], offset: usize) -> bool {
    let i = spans.partition_point(|s| s.start <= offset);
    i > 0 && spans[i - 1].contains(offset)
}

/// The union of spans, sorted and merged.
fn union(mut spans: Vec<Span>) -> Vec<Span> {
    spans.sort();
    let mut out: Vec<Span> = Vec::with_capacity(spans.len());
    for s in spans {
        match out.last_mut() {
            Some(last) if s.start <= last.end => last.end = last.end.max(s.end),
            _ => out.push(s),
        }
    }
    out
}

impl Quotations {
    /// Is `offset` inside a closed quotation (between its marks)?
    pub fn contains(&self, offset: usize) -> bool {
        within(&self.inside, offset)
    }

    /// Is `offset` inside a closed book title (《》)?
    pub fn in_book_title(&self, offset: usize) -> bool {
        within(&self.inside_books, offset)
    }

    /// Find the quotations in the paragraphs of a text. “” and ‘’ may run over paragraphs; 《》
    /// pairs within a paragraph.
    pub fn scan(text: &str, paragraphs: &[Paragraph]) -> Quotations {
        let mut q = Quotations::default();
        let mut quote_stack: Vec<usize> = Vec::new(); // indices into q.all
        for p in paragraphs {
            let content = &text[p.span.start..p.span.end];
            let mut book_stack: Vec<usize> = Vec::new();
            // A “ that opens a paragraph while a quotation is open continues it.
            let continues = content.starts_with('“')
                && quote_stack.iter().any(|&k| q.all[k].kind == QuoteKind::Double && q.all[k].close.is_none());
            // Quotation marks begin with E2 (U+2018–U+201D), title marks with E3 (U+300A,
            // U+300B): the ideographs between them are not decoded.
            for (i, c) in crate::text::chars_beginning_with(content, 0xE2, 0xE3) {
                let kind = match c {
                    '“' | '”' => QuoteKind::Double,
                    '‘' | '’' => QuoteKind::Single,
                    '《' | '》' => QuoteKind::Book,
                    _ => continue,
                };
                let at = Span::new(p.span.start + i, p.span.start + i + c.len_utf8());
                let opening = matches!(c, '“' | '‘' | '《');
                if i == 0 && continues {
                    if let Some(&k) = quote_stack.iter().rev().find(|&&k| q.all[k].kind == QuoteKind::Double) {
                        q.all[k].continued.push(at);
                    }
                    continue;
                }
                let stack = if kind == QuoteKind::Book { &mut book_stack } else { &mut quote_stack };
                if opening {
                    stack.push(q.all.len());
                    q.all.push(Quotation { kind, open: at, close: None, continued: Vec::new() });
                    continue;
                }
                match stack.iter().rposition(|&k| q.all[k].kind == kind) {
                    // Marks opened inside and never closed stay unclosed.
                    Some(pos) => {
                        q.all[stack[pos]].close = Some(at);
                        stack.truncate(pos);
                    }
                    None => q.stray_closes.push((kind, at)),
                }
            }
        }
        let closed = || q.all.iter().filter(|x| x.close.is_some());
        q.inside = union(closed().map(|x| x.inner(text.len())).collect());
        q.inside_books = union(closed().filter(|x| x.kind == QuoteKind::Book).map(|x| x.inner(text.len())).collect());
        q
    }
}

// ---------------------------------------------------------------------------------------------
// Reading all elements once the parts are known

/// Read the elements of a document whose paragraphs have their parts; `summaries` are the
/// paragraphs' character summaries, in the same order.
pub fn read(text: &str, paragraphs: &[Paragraph], summaries: &[CharSummary]) -> Elements {
    let content = |p: &Paragraph| &text[p.span.start..p.span.end];
    // The paragraphs with their summaries: the date patterns run only on those that may hold a
    // full date, or name a month.
    let summarised = || paragraphs.iter().zip(summaries);
    let of = |part: Part| paragraphs.iter().filter(move |p| p.part == part);
    let mut e = Elements {
        copy_number: of(Part::CopyNumber).next().map(|p| p.span),
        secrecy: of(Part::Secrecy).find_map(|p| Secrecy::parse(content(p), p.span.start)),
        urgency: of(Part::Urgency).find_map(|p| Urgency::parse(content(p), p.span.start)),
        doc_number: of(Part::DocNumber).find_map(|p| DocNumber::parse(content(p), p.span.start)),
        signer: of(Part::Signer).chain(of(Part::DocNumber)).find_map(|p| Signer::find(content(p), p.span.start)),
        date: of(Part::Date).find_map(|p| DateElement::parse_line(content(p), p.span.start)),
        dates: summarised()
            .filter(|(_, s)| may_hold_date(**s))
            .flat_map(|(p, _)| {
                let c = content(p);
                find_dates(c).into_iter().map(move |d| DateElement::found(c, p.span.start, &d))
            })
            .collect(),
        date_mentions: summarised()
            .filter(|(_, s)| s.may_contain('月'))
            .flat_map(|(p, _)| calendar::mentions(content(p), p.span.start))
            .collect(),
        printed: of(Part::Printed).find_map(|p| Printed::parse(content(p), p.span.start)),
        addressees: of(Part::Addressee)
            .next()
            .map(|p| {
                let c = content(p);
                let label = addressee_label(c).unwrap_or(0);
                split_organs(c[label..].trim_end_matches(['：', ':', '。', '.']), p.span.start + label)
            })
            .unwrap_or_default(),
        copy_to: of(Part::CopyTo)
            .flat_map(|p| {
                let c = content(p);
                let base = c.find(['：', ':']).map_or(0, |i| i + c[i..].chars().next().map_or(0, char::len_utf8));
                let list = c[base..].trim_end_matches(['。', '.']);
                split_organs(list, p.span.start + base)
            })
            .collect(),
        signature: of(Part::Signature)
            .map(|p| Organ { span: p.span, name: strip_spaces(content(p)).into_owned() })
            .collect(),
        attachment_note: {
            let paras: Vec<(&str, usize)> = of(Part::AttachmentNote).map(|p| (content(p), p.span.start)).collect();
            AttachmentNote::parse(&paras)
        },
        attachments: Vec::new(),
        quotations: Quotations::scan(text, paragraphs),
    };
    let appended: Vec<&Paragraph> = of(Part::Attachment).collect();
    for (k, p) in appended.iter().enumerate() {
        let Some(number) = Attachment::head_number(content(p)) else { continue };
        // “附” alone heads an attachment only where the appended part begins; further down it
        // heads an appendix of the attachment's own text.
        if k > 0 && Attachment::is_short_head(content(p)) {
            continue;
        }
        if let Some(prev) = e.attachments.last_mut() {
            prev.last_paragraph = appended[k - 1].index;
        }
        e.attachments.push(Attachment {
            head: p.span,
            number,
            title: appended
                .get(k + 1)
                .filter(|t| t.index == p.index + 1 && !Attachment::is_head(content(t)))
                .map(|t| t.span),
            first_paragraph: p.index,
            last_paragraph: appended.last().map_or(p.index, |l| l.index),
        });
    }
    e
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_doc_number_pattern_reads_as_its_bounded_form() {
        let bounded = Regex::new(concat!(
            r"^(?P<code>\p{Han}[\p{Han}A-Za-z0-9]{0,19}?)(?P<sp1>\s*)(?P<open>[\[［【〔﹝〖（(「])\s*",
            r"(?P<year>[0-9０-９]{2,4}|[〇零○一二三四五六七八九]{4})\s*(?P<close>[\]］】〕﹞〗）)」])",
            r"(?P<sp2>\s*)(?P<di>第?)\s*(?P<seq>[0-9０-９]*|[XxＸ×*＊]{1,4})(?P<sp3>\s*)(?P<hao>号?)$"
        ))
        .unwrap();
        let code20 = "沪".repeat(20);
        let code21 = "沪".repeat(21);
        let lines = [
            "沪府发〔2024〕1号".to_string(),
            "国办函 〔2023〕 12 号".to_string(),
            "平应急〔2024〕　号".to_string(),
            format!("{code20}〔2024〕1号"),
            format!("{code21}〔2024〕1号"),
            format!("{code20}A〔2024〕1号"),
            "京政办发[2021]第3号".to_string(),
            "〔2024〕1号".to_string(),
            "沪府发（二〇二四）XX号".to_string(),
            "关于印发〔2024〕的通知".to_string(),
        ];
        for l in &lines {
            let groups = |c: Option<regex::Captures<'_>>| {
                c.map(|c| (0..c.len()).map(|k| c.get(k).map(|m| m.range())).collect::<Vec<_>>())
            };
            assert_eq!(groups(doc_number_captures(l)), groups(bounded.captures(l)), "{l}");
        }
    }

    fn slice(text: &str, s: Span) -> &str {
        &text[s.start..s.end]
    }

    /// Every line the pattern reads as a 发文字号 (its number or 号 not both empty) ends as
    /// `ends_like_doc_number` asks: codes, spaces, every bracket, years, 第, numbers of every
    /// kind, 号 and the spaces after, and the lines of real documents.
    #[test]
    fn every_doc_number_ends_as_one_must() {
        let mut lines: Vec<String> = Vec::new();
        for code in ["沪府发", "国办函", "A", "平应急"] {
            for (open, close) in [("〔", "〕"), ("(", ")"), ("［", "］"), ("「", "」"), ("【", "】")] {
                for year in ["2024", "２０２４", "二〇二四", "24"] {
                    for di in ["", "第", " 第 "] {
                        for seq in ["", "1", "１２", "X", "××", "＊", "x"] {
                            for hao in ["", "号", " 号"] {
                                for tail in ["", " ", "\u{3000}", "\t", "　 "] {
                                    lines.push(format!("{code} {open}{year}{close}{di}{seq}{hao}{tail}"));
                                }
                            }
                        }
                    }
                }
            }
        }
        for doc in [
            include_str!("../../../../fixtures/documents/01_tongzhi_formal_clean.txt"),
            include_str!("../../../../fixtures/documents/02_qingshi_clean.txt"),
            include_str!("../../../../fixtures/documents/07_tongbao_errors.txt"),
        ] {
            lines.extend(doc.lines().map(str::to_string));
        }
        let mut numbers = 0;
        for l in &lines {
            let read = doc_number_captures(l).is_some_and(|c| !(c["seq"].is_empty() && c["hao"].is_empty()));
            if read {
                assert!(ends_like_doc_number(l), "{l:?}");
                numbers += 1;
            }
            assert_eq!(DocNumber::parse(l, 0).is_some(), read && char_len(l) <= 40, "{l:?}");
        }
        assert_eq!(numbers, 7921);
    }

    #[test]
    fn doc_number_parts() {
        let l = "平政办发 （2025） 第 07号";
        let d = DocNumber::parse(l, 0).unwrap();
        assert_eq!(slice(l, d.code), "平政办发");
        assert_eq!((slice(l, d.open), slice(l, d.close)), ("（", "）"));
        assert_eq!((d.year_value, d.seq_value), (Some(2025), Some(7)));
        assert_eq!(slice(l, d.di.unwrap()), "第");
        assert_eq!(slice(l, d.hao.unwrap()), "号");
        assert_eq!(d.spaces.len(), 2);
        let l = "国发〔二〇一九〕５号　　签发人：张三";
        let d = DocNumber::parse(l, 10).unwrap();
        assert_eq!(d.year_value, Some(2019));
        assert_eq!(d.seq_value, Some(5));
        assert_eq!(d.span, Span::new(10, 10 + "国发〔二〇一九〕５号".len()));
        let s = Signer::find(l, 10).unwrap();
        assert_eq!(s.names.len(), 1);
        assert_eq!(slice(l, Span::new(s.names[0].start - 10, s.names[0].end - 10)), "张三");
        assert!(DocNumber::parse("关于做好防汛工作的通知", 0).is_none());
        let l = "平应急〔2024〕　号";
        let d = DocNumber::parse(l, 0).expect("a 字号 not yet numbered");
        assert!(d.seq.is_empty() && d.seq_value.is_none() && d.spaces.is_empty());
        assert!(DocNumber::parse("平应急〔2024〕", 0).is_none());
        let d = DocNumber::parse("岑卫〔2024〕X号", 0).expect("a placeholder number");
        assert_eq!((d.seq_value, d.seq.len()), (None, 1));
        let l = format!("云教〔2024〕18号{}签发人：何建明", " ".repeat(30));
        let d = DocNumber::parse(&l, 0).unwrap();
        assert_eq!(slice(&l, d.span), "云教〔2024〕18号");
        assert!(DocNumber::parse("云教〔2024〕18号签发人：何建明", 0).is_some());
    }

    #[test]
    fn signer_names() {
        let l = "签发人：张三　李四";
        let s = Signer::find(l, 0).unwrap();
        let names: Vec<&str> = s.names.iter().map(|n| slice(l, *n)).collect();
        assert_eq!(names, vec!["张三", "李四"]);
    }

    #[test]
    fn secrecy_parts() {
        let l = "机密 1年";
        let s = Secrecy::parse(l, 0).unwrap();
        assert_eq!((s.level, s.star, s.term_value), (SecrecyLevel::Secret, None, Some(1)));
        assert_eq!(slice(l, s.gap), " ");
        let s = Secrecy::parse("绝密★长期", 0).unwrap();
        assert_eq!(s.term, None);
        assert!(s.unit.is_some());
        assert_eq!(Secrecy::parse("秘密★三个月", 0).unwrap().term_value, Some(3));
        assert!(Secrecy::parse("机密文件", 0).is_none());
        assert!(Secrecy::parse("机密★", 0).is_none());
        assert!(Secrecy::parse("机密长期", 0).is_none());
        assert!(Secrecy::parse("秘密", 0).is_some());
    }

    #[test]
    fn compound_organs_stay_one() {
        let l = "各省、自治区、直辖市人民政府，国务院各部委、各直属机构";
        let names: Vec<String> = split_organs(l, 0).into_iter().map(|o| o.name).collect();
        assert_eq!(names, vec!["各省、自治区、直辖市人民政府", "国务院各部委", "各直属机构"]);
        let l = "各县（市、区）人民政府、市政府各部门";
        let organs = split_organs(l, 5);
        assert_eq!(organs[0].name, "各县（市、区）人民政府");
        assert_eq!(slice(l, Span::new(organs[1].span.start - 5, organs[1].span.end - 5)), "市政府各部门");
    }

    #[test]
    fn attachment_note_items() {
        let first = "附件：1.重点部位清单";
        let second = "2、责任人名单。";
        let n = AttachmentNote::parse(&[(first, 0), (second, 100)]).unwrap();
        assert!(n.colon.is_some());
        assert_eq!(n.items.len(), 2);
        assert_eq!(slice(first, n.items[0].name), "重点部位清单");
        let it = &n.items[1];
        let local = |s: Span| Span::new(s.start - 100, s.end - 100);
        assert_eq!(slice(second, local(it.name)), "责任人名单");
        assert!(!it.number.as_ref().unwrap().standard);
        assert_eq!(slice(second, local(it.trailing_mark.unwrap())), "。");
    }

    #[test]
    fn attachment_heads() {
        assert_eq!(Attachment::head_number("附件2"), Some(Some(2)));
        assert_eq!(Attachment::head_number("附件二："), Some(Some(2)));
        assert_eq!(Attachment::head_number("附件"), Some(None));
        assert_eq!(Attachment::head_number("附件：1.名单"), None);
    }

    fn paras(text: &str) -> Vec<Paragraph> {
        let mut out = Vec::new();
        let mut off = 0;
        for line in text.split('\n') {
            out.push(Paragraph {
                index: out.len(),
                line: Span::new(off, off + line.len()),
                text_line: out.len(),
                span: Span::new(off, off + line.len()),
                blank_before: false,
                part: Part::Body,
                heading: None,
            });
            off += line.len() + 1;
        }
        out
    }

    #[test]
    fn quotations_over_paragraphs() {
        let text = "决定如下：“一、第一条修改为：\n“二、第二条修改为‘乙’。”\n另见《条例》》和”。";
        let q = Quotations::scan(text, &paras(text));
        let double = &q.all[0];
        assert_eq!(double.kind, QuoteKind::Double);
        assert_eq!(double.continued.len(), 1);
        assert!(double.close.is_some());
        assert!(q.contains(text.find("第二条").unwrap()));
        assert!(q.contains(text.find('乙').unwrap()));
        assert!(!q.contains(text.find("另见").unwrap()));
        assert!(q.contains(text.find("条例").unwrap()));
        let strays: Vec<QuoteKind> = q.stray_closes.iter().map(|(k, _)| *k).collect();
        assert_eq!(strays, vec![QuoteKind::Book, QuoteKind::Double]);
    }
}
