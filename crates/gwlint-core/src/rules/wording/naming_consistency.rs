//! GW608 naming-consistency: one short name must not be introduced for two different full names.

use aho_corasick::{AhoCorasick, AhoCorasickKind};
use std::collections::HashMap;

use crate::declare_rule;
use crate::document::{Document, Part};
use crate::rule::{Context, Rule, RuleMeta};
use crate::span::Span;
use regex::Regex;
use std::sync::LazyLock;

declare_rule! {
    /// ## 作用
    /// 检查简称的引入：同一个简称用“（以下简称“××”）”引入了两次，却指向两个不同的全称；
    /// 或者文件、法规的书名号全称已经引入了简称，正文后面又写回全称（一个名称两种写法）。
    ///
    /// ## 原因
    /// 公文中机关、文件、事项的名称应前后一致：首次出现时写全称并注明简称，之后统一用简称。
    /// 同一简称指两个全称，读者无法判断后文的简称指哪一个。
    ///
    /// 写回全称检查书名号中的名称，以及以“委员会”“局”“厅”“办公室”等结尾的机关名称。机关名称的
    /// 起点从文字中判断不准（“会同平安市……”），所以后文的写法必须与引入处至少 8 个字完全一致，
    /// 且前面不接别的汉字：“省发展和改革委员会”不是“平安市发展和改革委员会”的重写。
    /// 简称“在引入之前就已使用”也不检查：“方案”“规划”这类简称本身是常用词，在标题和全称里早已
    /// 出现，逐字比对会在正确的公文上误报。
    ///
    /// ## 示例
    /// ```text
    /// 　　平安市发展和改革委员会（以下简称“市发展改革委”）负责统筹，平安市经济和信息化委员会（以下简称“市发展改革委”）负责配合。
    /// ```
    ///
    /// ## 应改为
    /// ```text
    /// 　　平安市发展和改革委员会（以下简称“市发展改革委”）负责统筹，平安市经济和信息化委员会（以下简称“市经济信息化委”）负责配合。
    /// ```
    ///
    /// ## 依据
    /// 公文写作实务（简称首次出现应有全称并注明简称）；《党政机关公文处理工作条例》第十九条。
    pub static NAMING_CONSISTENCY = {
        code: "GW608",
        name: "naming-consistency",
        category: Wording,
        severity: Warning,
        fix: None,
        scope: AnyText,
        summary: "简称引入后统一使用，同一简称不指两个全称",
        source: "公文写作实务；《党政机关公文处理工作条例》第十九条",
    };
}

/// The brackets with 以下 that open an introduction, as written.
const BRACKETS: [&str; 2] = ["（以下", "(以下"];

/// What introduces a short name, read from its opening bracket (one of [`BRACKETS`]):
/// "（以下简称“市发展改革委”）", "(以下简称《条例》)", "（以下称“两库”）". Compiled once a
/// document holds a bracket.
static INTRODUCTION: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^[（(]以下(?:简称|称)[为：:]?(?P<open>[“《]?)(?P<short>[^”》）)]{1,15})[”》]?[）)]").unwrap()
});

/// The full name right before the bracket: the name characters that stand there, as many as
/// there are (the text searched is cut to [`FULL_MAX_CHARS`] characters before the bracket; a
/// name of one character is none). Unbounded: a bounded run of these classes compiles slowly.
static FULL_NAME: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"[\p{Han}A-Za-z0-9《》“”]+$").unwrap());

/// The most characters of a full name read before the bracket.
const FULL_MAX_CHARS: usize = 40;

/// A short name introduced for a full one: `上海市住房和城乡建设管理委员会（以下简称“市住建委”）`.
struct Definition<'t> {
    /// From the full name's start to the closing bracket.
    whole: Span,
    full: &'t str,
    /// The mark that opens the short name, if any (“ or 《).
    open: &'t str,
    short: &'t str,
}

/// Every introduction of a short name in `text`, left to right, none overlapping another: at
/// each bracket that may open one, the introduction read from the bracket and the full name read
/// back from it (the longest run of name characters, at most [`FULL_MAX_CHARS`], after the
/// previous introduction). Searching back from the brackets instead of for the whole pattern
/// from every place: the run of name characters of up to forty makes that search slow.
fn definitions(text: &str) -> impl Iterator<Item = Definition<'_>> + '_ {
    // Where the last introduction ended (a full name starts there or later), and where the next
    // bracket is looked for.
    let (mut resume, mut scan) = (0, 0);
    let mut brackets = BRACKETS.map(|b| NextPlace::new(text, b));
    std::iter::from_fn(move || loop {
        let bracket = brackets.iter_mut().filter_map(|b| b.at_or_after(scan)).min()?;
        scan = bracket + text[bracket..].chars().next().map_or(1, char::len_utf8);
        let from =
            text[resume..bracket].char_indices().rev().nth(FULL_MAX_CHARS - 1).map_or(resume, |(i, _)| resume + i);
        let Some(full) = FULL_NAME.find(&text[from..bracket]).filter(|m| m.as_str().chars().nth(1).is_some()) else {
            continue;
        };
        let Some(c) = INTRODUCTION.captures(&text[bracket..]) else { continue };
        let (start, end) = (from + full.start(), bracket + c.get(0).expect("match").end());
        (resume, scan) = (end, end);
        let group = |name: &str| c.name(name).map_or("", |m| &text[bracket + m.start()..bracket + m.end()]);
        return Some(Definition {
            whole: Span::new(start, end),
            full: &text[start..bracket],
            open: group("open"),
            short: group("short"),
        });
    })
}

/// The next place of a string in a text at or after a position that only grows: found once and
/// kept until the position passes it, so that a text with thousands of introductions and none
/// of one bracket is not searched to its end for every introduction.
struct NextPlace<'t> {
    text: &'t str,
    needle: &'static str,
    /// The place last found; none after the last place.
    at: Option<usize>,
}

impl<'t> NextPlace<'t> {
    fn new(text: &'t str, needle: &'static str) -> Self {
        NextPlace { text, needle, at: memchr::memmem::find(text.as_bytes(), needle.as_bytes()) }
    }

    fn at_or_after(&mut self, pos: usize) -> Option<usize> {
        match self.at {
            Some(at) if at < pos => {
                self.at = memchr::memmem::find(&self.text.as_bytes()[pos..], self.needle.as_bytes()).map(|i| pos + i);
                self.at
            }
            at => at,
        }
    }
}

pub struct NamingConsistency;

impl Rule for NamingConsistency {
    fn meta(&self) -> &RuleMeta {
        &NAMING_CONSISTENCY
    }

    fn check(&self, doc: &Document, cx: &mut Context<'_>) {
        let mut defined: Vec<(String, String, Span)> = Vec::new();
        let mut by_short: HashMap<String, usize> = HashMap::new();
        let body = own_prose(doc);
        // What later text is searched for: a 《title》 or an organ name's ending, each with the
        // introductions that gave it a short name.
        let mut watches: Vec<Watch> = Vec::new();
        for d in definitions(&doc.text) {
            let short = d.short.trim().to_string();
            if short.chars().count() < 2 {
                continue;
            }
            let at = d.whole;
            let full = d.full.to_string();
            match by_short.get(&short).map(|&k| &defined[k]) {
                Some((_, first_full, first_at)) if !same_name(first_full, &full) => {
                    cx.report(at, format!("简称“{short}”前文已用于指“{}”，此处又指另一个名称", tail(first_full, 12)))
                        .with_label("重复引入的简称")
                        .with_secondary(*first_at, "第一次引入");
                }
                Some(_) => {}
                None => {
                    if inside(&body, at) {
                        watches.extend(Watch::title(&full, d.open, &short, at));
                        watches.extend(Watch::organ(&full, &short, at));
                    }
                    by_short.insert(short.clone(), defined.len());
                    defined.push((short, full, at));
                }
            }
        }
        report_full_names(doc, cx, &body, &watches);
    }
}

/// A full name to look for after its introduction.
struct Watch {
    /// The text searched for: the 《title》, or the last characters of an organ's name.
    pattern: String,
    kind: WatchKind,
    short: String,
    /// The introduction.
    at: Span,
}

enum WatchKind {
    /// A 《title》; the short name as shown (《简称》 or “简称”).
    Title { shown: String },
    /// An organ's name; the whole captured name.
    Organ { full: String },
}

/// Organ and title names are matched over at least this many characters.
const MIN_CHARS: usize = 8;

impl Watch {
    /// A 《title》 given a short name.
    fn title(full: &str, open: &str, short: &str, at: Span) -> Option<Watch> {
        let title =
            full.rfind('《').map(|i| &full[i..]).filter(|t| t.ends_with('》') && t.matches('《').count() == 1)?;
        let shown = if open == "《" { format!("《{short}》") } else { format!("“{short}”") };
        Some(Watch { pattern: title.to_string(), kind: WatchKind::Title { shown }, short: short.to_string(), at })
    }

    /// An organ's name (ending like one) given a short name.
    fn organ(full: &str, short: &str, at: Span) -> Option<Watch> {
        if full.contains('《') || !crate::document::elements::ends_like_organ(full) || full.chars().count() < MIN_CHARS
        {
            return None;
        }
        Some(Watch {
            pattern: tail(full, MIN_CHARS),
            kind: WatchKind::Organ { full: full.to_string() },
            short: short.to_string(),
            at,
        })
    }
}

/// Full names written again after their short names were introduced, found in one pass over
/// the text: each occurrence is judged against the nearest introduction before it.
fn report_full_names(doc: &Document, cx: &mut Context<'_>, body: &[Span], watches: &[Watch]) {
    if watches.is_empty() {
        return;
    }
    let mut patterns: Vec<&str> = watches.iter().map(|w| w.pattern.as_str()).collect();
    patterns.sort_unstable();
    patterns.dedup();
    // Introductions of each pattern, in text order.
    let mut by_pattern: Vec<Vec<&Watch>> = vec![Vec::new(); patterns.len()];
    for w in watches {
        let k = patterns.binary_search(&w.pattern.as_str()).expect("pattern listed");
        by_pattern[k].push(w);
    }
    // A handful of names searched once: the automaton a document needs is the one cheapest to
    // build (the default, a DFA, took most of the rule's time to build for one search).
    let Ok(ac) = AhoCorasick::builder().kind(Some(AhoCorasickKind::NoncontiguousNFA)).build(&patterns) else {
        return;
    };
    for m in ac.find_overlapping_iter(&doc.text) {
        let intros = &by_pattern[m.pattern().as_usize()];
        let k = intros.partition_point(|w| w.at.end <= m.start());
        let Some(w) = k.checked_sub(1).map(|k| intros[k]) else { continue };
        match &w.kind {
            WatchKind::Title { shown } => {
                let (start, end) = (m.start(), m.end());
                if redefined_at(doc, end) || !inside(body, Span::new(start, end)) {
                    continue;
                }
                cx.report(Span::new(start, end), format!("{}已简称为{shown}，此处仍写全称", w.pattern))
                    .with_label("全称")
                    .with_secondary(w.at, "在此引入简称");
            }
            WatchKind::Organ { full } => report_organ(doc, cx, body, full, w, m.end()),
        }
    }
}

/// Words after an organ's name that make it the name of another unit (…委员会办公室).
const SUBUNITS: &[&str] =
    &["办公室", "办公厅", "党组", "机关", "直属", "所属", "下属", "内设", "分会", "处", "科", "中心"];

/// An organ's full name written again in the document's own prose after its short name was
/// introduced. The capture may start with other words ("会同平安市…"), so a later occurrence
/// counts only when at least 8 characters before the ending agree and the text before them is
/// not another Han character (省发展和改革委员会 is another organ than 平安市发展和改革委员会).
fn report_organ(doc: &Document, cx: &mut Context<'_>, body: &[Span], full: &str, w: &Watch, end: usize) {
    // Extend the agreement leftwards as far as the full name goes.
    let before = &doc.text[..end];
    let agree = full.chars().rev().zip(before.chars().rev()).take_while(|(a, b)| a == b).count();
    let start = end - full.chars().rev().take(agree).map(char::len_utf8).sum::<usize>();
    let whole_name = agree == full.chars().count();
    let boundary = doc.text[..start].chars().next_back().is_none_or(|c| !crate::text::is_han(c));
    let subunit = SUBUNITS.iter().any(|u| doc.text[end..].starts_with(u));
    if !(whole_name || boundary) || subunit || redefined_at(doc, end) || !inside(body, Span::new(start, end)) {
        return;
    }
    let shown: String = doc.text[start..end].to_string();
    let short = &w.short;
    cx.report(Span::new(start, end), format!("“{shown}”已简称为“{short}”，此处仍写全称"))
        .with_label("全称")
        .with_help(format!("引入简称后，后文统一写“{short}”。"))
        .with_secondary(w.at, "在此引入简称");
}

/// The spans of the 正文 paragraphs in the document's own voice: paragraphs quoting other texts
/// (a 修改决定 quoting the articles it amends) carry their own short names.
fn own_prose(doc: &Document) -> Vec<Span> {
    doc.parts(Part::Body).filter(|p| !doc.content(p).starts_with('“')).map(|p| p.span).collect()
}

/// Is `s` inside one of the (sorted, disjoint) paragraph spans?
fn inside(spans: &[Span], s: Span) -> bool {
    let i = spans.partition_point(|b| b.start <= s.start);
    i > 0 && s.end <= spans[i - 1].end
}

/// Is the name ending at `end` followed by its own "（以下简称…）"?
fn redefined_at(doc: &Document, end: usize) -> bool {
    doc.text[end..].starts_with("（以下") || doc.text[end..].starts_with("(以下")
}

/// The full-name capture starts wherever the Han run starts, so it may carry leading words
/// ("会同平安市…", "由平安市…"); two captures name the same thing when they share a long tail.
fn same_name(a: &str, b: &str) -> bool {
    let common = a.chars().rev().zip(b.chars().rev()).take_while(|(x, y)| x == y).count();
    common >= 4 || common == a.chars().count() || common == b.chars().count()
}

/// The last `n` characters of a full-name capture (a dozen are enough to recognise it in a
/// message).
fn tail(full: &str, n: usize) -> String {
    let len = full.chars().count();
    full.chars().skip(len.saturating_sub(n)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn definitions_are_the_matches_of_the_whole_pattern() {
        // The pattern the two-part search stands for, searched over the whole text.
        let whole = regex::Regex::new(
            r"(?P<full>[\p{Han}A-Za-z0-9《》“”]{2,40})[（(]以下(?:简称|称)[为：:]?(?P<open>[“《]?)(?P<short>[^”》）)]{1,15})[”》]?[）)]",
        )
        .unwrap();
        let long = "长".repeat(50);
        let texts = [
            "上海市住房和城乡建设管理委员会（以下简称市住建委）负责。".to_string(),
            format!("{long}（以下简称长委）和{long}(以下称“短委”)。AB(以下简称B)"),
            "甲乙（以下简称）丙丁（以下简称（以下简称戊）己庚（以下简称辛）".to_string(),
            "《上海市城市更新条例》（以下称《条例》）（以下简称条例二）AB（以下简称CD）".to_string(),
            "没有简称的文本（以下各项）和（以下简称“甲”）（以下".to_string(),
            "条例（以下简称“条例”）条例（以下简称“规定”）".to_string(),
        ];
        for text in &texts {
            let expected: Vec<_> = whole
                .captures_iter(text)
                .map(|c| {
                    (c.get(0).unwrap().range(), c["full"].to_string(), c["open"].to_string(), c["short"].to_string())
                })
                .collect();
            let found: Vec<_> = definitions(text)
                .map(|d| (d.whole.start..d.whole.end, d.full.to_string(), d.open.to_string(), d.short.to_string()))
                .collect();
            assert_eq!(found, expected, "{text}");
        }
        assert_eq!(definitions(&texts[1]).count(), 3);
    }
}
