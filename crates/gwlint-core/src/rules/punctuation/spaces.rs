//! GW412 spaces: no spaces inside Chinese text (the opposite of autocorrect's pangu spacing).

use regex::Regex;
use std::sync::LazyLock;

use crate::declare_rule;
use crate::diagnostic::{Applicability, Fix};
use crate::document::elements::ends_like_organ;
use crate::document::{Document, Part};
use crate::rule::{Context, Rule, RuleMeta};
use crate::span::Span;
use crate::text::is_han;

declare_rule! {
    /// ## 作用
    /// 检查中文正文里夹杂的空格：两个汉字之间、汉字与数字之间、汉字与中文标点之间的半角空格
    /// （常见于从 PDF 复制的文字，如“情 况”“2022 年 3 月”）。删除空格是安全修复。
    ///
    /// 与 autocorrect、zhlint 等工具相反，公文中汉字与数字之间不加空格（“2024年”，不是“2024 年”）。
    /// 段首缩进、英文词之间的空格、署名和名单中用于对齐的全角空格（“张　伟”）、为排版拉开字距的
    /// 标题和表头（“主 要 内 容”）、对齐用的标签（“召 集 人：”）、条款编号后的空格（“5.1.2 省级”）
    /// 章节标题中的空格（“第一章 总则”）、分隔行内编号条目的空格（“……（第102条） 2．……”）、
    /// 日期之后的空格（“2018年11月23日 北京市……通过”）、分隔同一行几个栏目的连续空格（“联系人：
    /// 张程        联系电话：……”）、书名号内照录的原文（“《中共中央 国务院关于……》”）、联合
    /// 发文机关名称之间的空格（“财政部 税务总局公告”）、名单中姓名与单位职务之间的空格（“组长：
    /// 周建国 市水务局副局长”“孔 聿 市堤防处处长”）、没有句读标点的表格行中的栏间空格，以及
    /// 待签发时留空的成文日期（“2025年3月　日”）不报告。
    ///
    /// ## 原因
    /// GB/T 15834—2011 5.1 规定标点符号的位置和占格；中文排版中字与字之间不留空格，公文的字距由
    /// 版式统一规定（GB/T 9704—2012 5.2.2 每行28个字）。多余的空格会造成字距不均、检索失败。
    ///
    /// ## 示例
    /// ```text
    /// 2022 年 3 月 8 日，江苏省镇江新区发生火灾，请各单位检查消防设施配备情 况。
    /// ```
    ///
    /// ## 应改为
    /// ```text
    /// 2022年3月8日，江苏省镇江新区发生火灾，请各单位检查消防设施配备情况。
    /// ```
    ///
    /// ## 依据
    /// GB/T 15834—2011 5.1；GB/T 9704—2012 5.2.2。
    pub static SPACES = {
        code: "GW412",
        name: "spaces",
        category: Punctuation,
        severity: Warning,
        fix: Always,
        scope: AnyText,
        summary: "中文正文中不加空格",
        source: "GB/T 15834—2011 5.1；GB/T 9704—2012 5.2.2",
    };
}

/// A run of half-width or no-break spaces between CJK (or a digit next to CJK) on both sides,
/// found from byte `from` of `content`: the character before the run, the run's byte range and
/// the character after it. What the pattern
/// `(?:[\p{Han}，。、；：？！”）》]|[0-9])[ \u{00A0}]+(?:[\p{Han}“（《，。、；：]|[0-9])` finds
/// from `from` (its leftmost match starts with the character before the first run whose
/// neighbours fit), read by a byte search for the spaces instead of a search of the whole
/// paragraph by the pattern: most paragraphs with a space hold few.
fn next_gap(content: &str, from: usize) -> Option<(char, std::ops::Range<usize>, char)> {
    let bytes = content.as_bytes();
    let is_space = |i: usize| match bytes.get(i) {
        Some(b' ') => Some(1),
        Some(0xC2) if bytes.get(i + 1) == Some(&0xA0) => Some(2),
        _ => None,
    };
    let mut i = from;
    loop {
        // ' ' and C2 (the first byte of U+00A0) are never inside another character's bytes.
        let start = i + memchr::memchr2(b' ', 0xC2, bytes.get(i..)?)?;
        let Some(len) = is_space(start) else {
            i = start + 1;
            continue;
        };
        let mut end = start + len;
        while let Some(len) = is_space(end) {
            end += len;
        }
        let before = content[..start].chars().next_back().filter(|c| start - c.len_utf8() >= from);
        let after = content[end..].chars().next();
        if let (Some(b), Some(a)) = (before, after) {
            let opens = b.is_ascii_digit() || "，。、；：？！”）》".contains(b) || is_script_han(b);
            if opens && (a.is_ascii_digit() || "“（《，。、；：".contains(a) || is_script_han(a)) {
                return Some((b, start..end, a));
            }
        }
        i = end;
    }
}

/// Whether `c` is of the Han script (`\p{Han}`, the pattern's class: with the radicals and 々,
/// and without the code points of the ideograph blocks not yet assigned), asked only of the
/// characters beside a run of spaces. The two blocks almost every ideograph of a text is in
/// are told without the pattern (every code point of them is assigned, and Han).
fn is_script_han(c: char) -> bool {
    static HAN: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"\A\p{Han}").unwrap());
    matches!(c, '\u{4E00}'..='\u{9FFF}' | '\u{3400}'..='\u{4DBF}') || HAN.is_match(c.encode_utf8(&mut [0; 4]))
}

static LETTER_SPACED: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(?:\p{Han}[ \u{3000}]+){1,}\p{Han}[：:]?$").unwrap());
/// Chapter and section headings keep a space after their number: "第一章 总则".
static CHAPTER: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^#*\s*第[一二三四五六七八九十百零〇0-9]+[章节编部分条]").unwrap());
/// What may follow a separating space: an inline list number ("） 2．分裂国家罪").
static LIST_NUMBER: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(?:[0-9]{1,3}[.．、]|[（(][0-9一二三四五六七八九十]{1,3}[)）])").unwrap());
/// A full date, then a space, then what happened on it ("2018年11月23日 北京市……通过").
static DATE_BEFORE: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"[0-9]{4}年[0-9]{1,2}月[0-9]{1,2}日$").unwrap());
static LEADING_NUMBER: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"^[0-9]+(?:\.[0-9]+)*\s+").unwrap());

pub struct Spaces;

impl Rule for Spaces {
    fn meta(&self) -> &RuleMeta {
        &SPACES
    }

    fn check(&self, doc: &Document, cx: &mut Context<'_>) {
        for p in doc
            .paragraphs
            .iter()
            .filter(|p| matches!(p.part, Part::Body | Part::Attachment | Part::Date | Part::AttachmentNote))
            // The blank of a 成文日期 whose day is filled in at signing (2025年3月　日) is no typo.
            .filter(|p| p.part != Part::Date || doc.elements.date.is_some())
        {
            let content = doc.content(p);
            // What the paragraph says of its gaps, read at its first gap between CJK (most
            // paragraphs have none: `next_gap`'s byte search for the spaces passes them).
            let mut layout: Option<Layout> = None;
            let mut at = 0;
            // Overlapping: "情 况 说 明" has a space after every character.
            while let Some((before, sp, after)) = next_gap(content, at) {
                let Layout { label_end, number_end, table_row } = match layout {
                    Some(layout) => layout,
                    None => {
                        // A letter-spaced heading or table header ("主 要 内 容", "国 务 院 工 作 规
                        // 则") is layout, not a typing error.
                        if LETTER_SPACED.is_match(content) || CHAPTER.is_match(content) {
                            break;
                        }
                        *layout.insert(Layout::of(content))
                    }
                };
                let spaces = &content[sp.clone()];
                at = sp.end;
                // Digits on both sides are two numbers ("1 2"), not Chinese text. Inside a quoted
                // title the original's spacing stays ("《中共中央 国务院关于……》").
                if (before.is_ascii_digit() && after.is_ascii_digit())
                    || doc.elements.quotations.in_book_title(p.span.start + sp.start)
                    || sp.end <= label_end
                    || sp.end <= number_end
                    || LIST_NUMBER.is_match(&content[sp.end..])
                    || DATE_BEFORE.is_match(&content[..sp.start])
                    || spaces.chars().count() >= 3
                    || (spaces.chars().count() >= 2 && (table_row || padded_name(content, sp.start, sp.end)))
                    || joins_organ_names(&content[..sp.start], &content[sp.end..])
                    || name_column(&content[..sp.start], &content[sp.end..])
                {
                    continue;
                }
                let span = Span::new(p.span.start + sp.start, p.span.start + sp.end);
                cx.report(span, "中文正文中不应有空格").with_label("多余的空格").with_fix(Fix::replace(
                    "删除空格",
                    Applicability::Safe,
                    span,
                    "",
                ));
            }
        }
    }
}

/// What a paragraph says of its gaps: where a label padded before its colon ends ("主  任：",
/// "召 集 人："), where a clause number at its start ends ("5.1.2 省级人民政府……"), and
/// whether it is a row of a list or table (姓名  职务: no sentence marks, its gaps are columns).
#[derive(Clone, Copy)]
struct Layout {
    label_end: usize,
    number_end: usize,
    table_row: bool,
}

impl Layout {
    fn of(content: &str) -> Layout {
        Layout {
            label_end: content.find(['：', ':']).filter(|&i| content[..i].chars().count() <= 8).unwrap_or(0),
            number_end: LEADING_NUMBER.find(content).map_or(0, |m| m.end()),
            table_row: !content.contains(['。', '，', '；', '！', '？']),
        }
    }
}

/// The last (or first) run of Han characters of a text.
fn last_han_run(s: &str) -> &str {
    let start = s.char_indices().rev().take_while(|(_, c)| is_han(*c)).last().map_or(s.len(), |(i, _)| i);
    &s[start..]
}

fn first_han_run(s: &str) -> &str {
    let end = s.char_indices().find(|(_, c)| !is_han(*c)).map_or(s.len(), |(i, _)| i);
    &s[..end]
}

/// A two-character name padded to the width of three in a list of names (“何  赟”, “朱  强”):
/// one Han character on each side of the gap, each standing alone.
fn padded_name(content: &str, gap_start: usize, gap_end: usize) -> bool {
    last_han_run(&content[..gap_start]).chars().count() == 1 && first_han_run(&content[gap_end..]).chars().count() == 1
}

/// Organ names of a joint document separated by a space, as in a cited joint 公告
/// (“财政部 税务总局公告2019年第1号”, “《中共中央 国务院关于……》”).
fn joins_organ_names(before: &str, after: &str) -> bool {
    let next = first_han_run(after);
    let names_organ = next.char_indices().skip(1).any(|(i, c)| ends_like_organ(&next[..i + c.len_utf8()]));
    ends_like_organ(last_han_run(before)) && names_organ
}

/// Words a position or title ends with (市水务局副局长, 高级工程师).
const POSITIONS: &[&str] = &[
    "长",
    "主任",
    "主席",
    "书记",
    "委员",
    "工程师",
    "经理",
    "会计师",
    "经济师",
    "教授",
    "研究员",
    "总监",
    "主管",
    "专员",
    "成员",
    "干部",
    "秘书",
    "助理",
    "负责人",
    "联络员",
];

/// The gap after a person's name at the start of a row of a personnel list (“组长：周建国 市水务局
/// 副局长”, “孔 聿 市堤防处处长”), where the name stands in a column before the unit or position.
fn name_column(before: &str, after: &str) -> bool {
    let segment = before.rsplit(['：', ':']).next().unwrap_or(before);
    let name: String = segment.chars().filter(|c| !c.is_whitespace()).collect();
    let n = name.chars().count();
    if n == 0 || n > 4 || !name.chars().all(is_han) {
        return false;
    }
    if n == 1 {
        // The first character of a two-character name spaced out to the width of three.
        return first_han_run(after).chars().count() == 1;
    }
    let cell = after.split(['；', ';', '，', ',', '。']).next().unwrap_or("").trim();
    POSITIONS.iter().any(|w| cell.ends_with(w))
        || cell.char_indices().skip(1).any(|(i, c)| ends_like_organ(&cell[..i + c.len_utf8()]))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The pattern [`next_gap`] reads without a regex.
    static GAP: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?:[\p{Han}，。、；：？！”）》]|[0-9])(?P<sp>[ \u{00A0}]+)(?:[\p{Han}“（《，。、；：]|[0-9])")
            .unwrap()
    });

    #[test]
    fn the_blocks_told_without_the_pattern_are_han_throughout() {
        for c in ('\u{3400}'..='\u{4DBF}').chain('\u{4E00}'..='\u{9FFF}') {
            assert!(GAP.is_match(&format!("{c} 1")), "U+{:04X}", u32::from(c));
        }
        // A code point of a Han block not yet assigned is not Han to the pattern.
        assert!(!is_script_han('\u{FA6E}') && is_script_han('﨑') && is_script_han('々'));
    }

    /// Every gap from every place, as the pattern finds it from there.
    #[test]
    fn gaps_are_what_the_pattern_finds() {
        // Han characters of every kind \p{Han} holds (is_han's, 々, 〇, a radical, a
        // compatibility ideograph, one beyond the Basic Multilingual Plane), the marks of both
        // sides and of neither, digits, Latin letters, every kind of space, and a two-byte
        // character whose first byte is the no-break space's.
        let pieces = [
            "中",
            "国",
            "々",
            "〇",
            "⺮",
            "﨑",
            "\u{FA6E}",
            "𠀀",
            "，",
            "。",
            "、",
            "；",
            "：",
            "？",
            "！",
            "”",
            "）",
            "》",
            "“",
            "（",
            "《",
            "·",
            "1",
            "9",
            "a",
            "Z",
            " ",
            "  ",
            "\u{00A0}",
            " \u{00A0} ",
            "\u{3000}",
            "\t",
            "é",
            "-",
        ];
        let mut next = crate::test_input::indices(0x9E37_79B9_7F4A_7C15);
        let mut gaps = 0;
        for _ in 0..20_000 {
            let text: String = (0..2 + next(10)).map(|_| pieces[next(pieces.len())]).collect();
            for from in (0..=text.len()).filter(|&i| text.is_char_boundary(i)) {
                // The gap, and where the whole match starts (the character before the spaces).
                let expected = GAP.captures_at(&text, from).map(|c| {
                    let (m, sp) = (c.get(0).unwrap(), c.name("sp").unwrap());
                    let before = text[..sp.start()].chars().next_back().unwrap();
                    let after = text[sp.end()..].chars().next().unwrap();
                    ((before, sp.range(), after), m.start())
                });
                let found = next_gap(&text, from).map(|(b, sp, a)| ((b, sp.clone(), a), sp.start - b.len_utf8()));
                assert_eq!(found, expected, "{text:?} from {from}");
                gaps += usize::from(found.is_some() && from == 0);
            }
        }
        assert_eq!(gaps, 3005);
    }
}
