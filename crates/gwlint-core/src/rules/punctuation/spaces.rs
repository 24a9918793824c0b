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

/// Half-width or no-break spaces between CJK (or a digit next to CJK) on both sides: a match is
/// one character, the spaces and one character (no group: the spaces are the match without its
/// first and last character).
static SPACE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:[\p{Han}，。、；：？！”）》]|[0-9])[ \u{00A0}]+(?:[\p{Han}“（《，。、；：]|[0-9])").unwrap()
});

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
            // Every finding is a run of ASCII or no-break spaces (U+00A0 is C2 A0 in UTF-8): a
            // paragraph without the byte of either is passed with one search.
            if memchr::memchr2(b' ', 0xC2, content.as_bytes()).is_none() {
                continue;
            }
            // A letter-spaced heading or table header ("主 要 内 容", "国 务 院 工 作 规 则") is
            // layout, not a typing error.
            if LETTER_SPACED.is_match(content) || CHAPTER.is_match(content) {
                continue;
            }
            // A label padded for alignment before its colon: "主  任：", "召 集 人：".
            let label_end = content.find(['：', ':']).filter(|&i| content[..i].chars().count() <= 8).unwrap_or(0);
            // A clause number at the start: "5.1.2 省级人民政府……".
            let number_end = LEADING_NUMBER.find(content).map_or(0, |m| m.end());
            // A row of a list or table (姓名  职务) has no sentence marks; its gaps are columns.
            let table_row = !content.contains(['。', '，', '；', '！', '？']);
            let mut at = 0;
            // Overlapping: "情 况 说 明" has a space after every character.
            while let Some(m) = SPACE.find_at(content, at) {
                let before = m.as_str().chars().next().unwrap_or(' ');
                let after = m.as_str().chars().next_back().unwrap_or(' ');
                let sp = m.start() + before.len_utf8()..m.end() - after.len_utf8();
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
