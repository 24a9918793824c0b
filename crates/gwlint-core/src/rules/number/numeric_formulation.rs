//! GW513 numeric-formulation: a fixed formulation with a number written with the wrong number
//! (三位一体总体布局, 两不愁两保障, 增强“四个意识”、坚定“三个自信”、做到“两个维护”).

use crate::declare_rule;
use crate::diagnostic::{Applicability, Fix};
use crate::document::char_summary::CharSummary;
use crate::document::Document;
use crate::roster::{formulations_version, Formulation, Piece, FORMULATIONS};
use crate::rule::{Context, Rule, RuleMeta};
use crate::span::Span;
use std::sync::LazyLock;

declare_rule! {
    /// ## 作用
    /// 检查带数字的固定提法中的数字：“五位一体”总体布局、“四个全面”战略布局、“两个一百年”奋斗
    /// 目标、“两个确立”的决定性意义、增强“四个意识”、坚定“四个自信”、做到“两个维护”、“两不愁
    /// 三保障”、“三去一降一补”、“三会一课”等。只检查有固定搭配的说法（“增强三个意识”可能是本单位
    /// 的提法，不检查；“四个意识”“四个自信”“两个维护”连用时才检查）；成文日期在提法确定之前的
    /// 公文不检查（此前有“三个自信”“四位一体”的提法），书名号中的文件标题不检查。提法表是版本化
    /// 的数据（rules/facts/numeric-formulations.tsv，2026-11-30 版），每条写明出处。
    ///
    /// ## 原因
    /// 固定提法是中央文件确定的表述，不能随意改动；数字写错是政治性差错，审核时必查。
    ///
    /// ## 示例
    /// ```text
    /// 统筹推进“四位一体”总体布局，增强“四个意识”、坚定“三个自信”、做到“两个维护”，确保实现“两不愁两保障”。
    /// ```
    ///
    /// ## 应改为
    /// ```text
    /// 统筹推进“五位一体”总体布局，增强“四个意识”、坚定“四个自信”、做到“两个维护”，确保实现“两不愁三保障”。
    /// ```
    ///
    /// ## 依据
    /// 党的十八大以来中央文件和党的代表大会报告中的规范提法（出处逐条见 rules/facts/numeric-formulations.tsv）。
    pub static NUMERIC_FORMULATION = {
        code: "GW513",
        name: "numeric-formulation",
        category: Number,
        severity: Warning,
        fix: Always,
        scope: AnyText,
        summary: "带数字的固定提法数字不能写错（提法表 2026-11-30）",
        source: "中央文件和党的代表大会报告的规范提法",
    };
}

/// The most characters a template's `…` stands for.
const MAX_GAP: usize = 8;
/// Quotation marks around the parts of a formulation (“四个意识”), skipped when matching.
fn is_quote(c: char) -> bool {
    matches!(c, '“' | '”' | '‘' | '’' | '"' | '\'' | '「' | '」' | '『' | '』')
}
/// Characters a gap does not run across: the end of a sentence.
fn ends_sentence(c: char) -> bool {
    matches!(c, '。' | '！' | '？' | '；' | '!' | '?' | ';')
}
/// The numerals of a slot ([`crate::roster::NUMERALS`], asked at every place a formulation may start).
fn is_numeral(c: char) -> bool {
    matches!(c, '一' | '二' | '两' | '三' | '四' | '五' | '六' | '七' | '八' | '九' | '十')
}

/// Where a template matched: the end and the position of each numeral slot.
struct Match {
    end: usize,
    slots: Vec<usize>,
}

/// Matches `template[k..]` at `text[at..]`; quotation marks may stand before any piece after the
/// first.
fn match_from(text: &[char], at: usize, template: &[Piece], k: usize, slots: &mut Vec<usize>) -> Option<usize> {
    let Some(piece) = template.get(k) else { return Some(at) };
    let mut at = at;
    if k > 0 {
        while text.get(at).is_some_and(|c| is_quote(*c)) {
            at += 1;
        }
    }
    match *piece {
        Piece::Char(c) => (text.get(at) == Some(&c)).then_some(())?,
        Piece::Numeral => {
            (text.get(at).is_some_and(|c| is_numeral(*c))).then_some(())?;
            slots.push(at);
        }
        Piece::Gap => {
            for gap in 0..=MAX_GAP {
                if gap > 0 && text.get(at + gap - 1).is_none_or(|c| ends_sentence(*c)) {
                    return None;
                }
                let kept = slots.len();
                if let Some(end) = match_from(text, at + gap, template, k + 1, slots) {
                    return Some(end);
                }
                slots.truncate(kept);
            }
            return None;
        }
    }
    match_from(text, at + 1, template, k + 1, slots)
}

/// The template matched at `text[start..]`, not as the tail of a longer number (十三个代表).
fn match_at(text: &[char], start: usize, f: &Formulation) -> Option<Match> {
    if f.template.first() == Some(&Piece::Numeral)
        && start > 0
        && (is_numeral(text[start - 1]) || text[start - 1].is_ascii_digit())
    {
        return None;
    }
    let mut slots = Vec::new();
    let end = match_from(text, start, &f.template, 0, &mut slots)?;
    Some(Match { end, slots })
}

/// `text[from..to]` without quotation marks, with the numerals at `slots` replaced by `numerals`.
fn shown(text: &[char], from: usize, to: usize, slots: &[usize], numerals: Option<&[char]>) -> String {
    (from..to)
        .filter(|i| !is_quote(text[*i]))
        .map(|i| match (numerals, slots.iter().position(|s| *s == i)) {
            (Some(n), Some(k)) => n[k],
            _ => text[i],
        })
        .collect()
}

/// The characters a formulation is written with (its numerals and gaps aside).
fn characters(f: &Formulation) -> String {
    f.template
        .iter()
        .filter_map(|piece| match piece {
            Piece::Char(c) => Some(*c),
            _ => None,
        })
        .collect()
}

/// Each formulation with the characters it is written with (each once, the rarest in clean
/// text first: a paragraph without the formulation is told by the first search that fails)
/// and their summary, made once.
static PREPARED: LazyLock<Vec<(&'static Formulation, Vec<char>, CharSummary)>> = LazyLock::new(|| {
    FORMULATIONS
        .iter()
        .map(|f| {
            let chars = characters(f);
            let summary = CharSummary::of(&chars);
            let mut chars: Vec<char> = chars.chars().collect();
            chars.sort_by_key(|&c| (crate::lexicon::char_count(c), c));
            chars.dedup();
            (f, chars, summary)
        })
        .collect()
});

pub struct NumericFormulation;

impl Rule for NumericFormulation {
    fn meta(&self) -> &RuleMeta {
        &NUMERIC_FORMULATION
    }

    fn check(&self, doc: &Document, cx: &mut Context<'_>) {
        let dated = doc.elements.date.as_ref().map(|d| d.value.ordinal());
        // The formulations fixed by the document's date (all of them for an undated one) whose
        // characters the paragraphs may hold between them: most documents have none of the 20.
        let whole = doc.paragraphs_summary();
        let formulations: Vec<&(&Formulation, Vec<char>, CharSummary)> = PREPARED
            .iter()
            .filter(|(f, _, needs)| {
                let in_force = match (f.since, dated) {
                    (Some(since), Some(day)) => day >= since,
                    _ => true,
                };
                in_force && whole.may_contain_every(*needs)
            })
            .collect();
        if formulations.is_empty() {
            return;
        }
        let mut found: Vec<&Formulation> = Vec::new();
        for p in &doc.paragraphs {
            let (content, summary) = (doc.content(p), doc.summary(p));
            // A formulation can only match a paragraph holding each of its characters: most
            // paragraphs hold none of the 20 (the summaries tell most of them at once), and the
            // search with gaps is not tried there.
            found.clear();
            found.extend(
                formulations
                    .iter()
                    .filter(|(_, chars, needs)| {
                        summary.may_contain_every(*needs) && chars.iter().all(|&c| summary.contains_char(content, c))
                    })
                    .map(|(f, _, _)| *f),
            );
            if found.is_empty() {
                continue;
            }
            let offsets: Vec<usize> = content.char_indices().map(|(i, _)| i).chain([content.len()]).collect();
            let text: Vec<char> = content.chars().collect();
            // Numerals already reported: a formulation inside a longer one is reported once.
            let mut reported: Vec<usize> = Vec::new();
            for start in 0..text.len() {
                for f in &found {
                    let Some(m) = match_at(&text, start, f) else { continue };
                    let wrong: Vec<usize> =
                        (0..m.slots.len()).filter(|k| text[m.slots[*k]] != f.numerals[*k]).collect();
                    if wrong.is_empty() || wrong.iter().any(|k| reported.contains(&m.slots[*k])) {
                        continue;
                    }
                    let at = |i: usize| p.span.start + offsets[i];
                    if doc.elements.quotations.in_book_title(at(start)) {
                        continue;
                    }
                    let (first, last) = (m.slots[wrong[0]], m.slots[*wrong.last().unwrap_or(&wrong[0])]);
                    let span = Span::new(at(first), at(last + 1));
                    let written = shown(&text, start, m.end, &m.slots, None);
                    let right = shown(&text, start, m.end, &m.slots, Some(&f.numerals));
                    // The replacement keeps every character but the numerals, quotation marks too.
                    let replacement: String = (first..=last)
                        .map(|i| m.slots.iter().position(|s| *s == i).map_or(text[i], |k| f.numerals[k]))
                        .collect();
                    cx.report(span, format!("固定提法的数字有误：“{written}”应为“{right}”"))
                        .with_label(format!("应为“{right}”"))
                        .with_help(format!(
                            "依据：rules/facts/numeric-formulations.tsv（{}版），各条提法的出处见表中。",
                            formulations_version()
                        ))
                        .with_fix(Fix::replace(format!("改为“{right}”"), Applicability::Unsafe, span, &replacement));
                    reported.extend(wrong.iter().map(|k| m.slots[*k]));
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_numerals_of_a_slot_are_those_of_the_roster() {
        let numerals: Vec<char> = ('\0'..='\u{FFFF}').filter(|&c| is_numeral(c)).collect();
        assert_eq!(numerals, {
            let mut n: Vec<char> = crate::roster::NUMERALS.chars().collect();
            n.sort();
            n
        });
    }
}
