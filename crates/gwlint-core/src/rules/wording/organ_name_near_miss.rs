//! GW619 organ-name-near-miss: a national organ's name written with one character changed,
//! dropped or added (生态环镜部, 国家卫生健委员会).

use crate::declare_rule;
use crate::diagnostic::{Applicability, Fix};
use crate::document::Document;
use crate::roster::{national_organs_version, NATIONAL_ORGANS};
use crate::rule::{Context, Rule, RuleMeta};
use crate::span::Span;

declare_rule! {
    /// ## 作用
    /// 检查国务院组成部门、直属机构和国家局等现行机构名称（四个字以上）的误写：中间错一个字
    /// （生态环镜部）、漏一个字（国家卫生健委员会）或多一个字。省去“和”字是规范简称（住房城乡
    /// 建设部、人力资源社会保障部），不报告。名称首尾的字不同的（生态环境局、
    /// 自然资源厅是地方机构）、前面是地名的（××市国家税务局是2018年前的地方机构）、书名号中的
    /// 文件标题不报告；成文日期在2023年3月机构改革之前的不检查。机构表是版本化的数据
    /// （rules/facts/national-organs.tsv，2026-11-30 版）。
    ///
    /// ## 原因
    /// 机构名称写错是公文审核的常见差错，逐字检查的错别字规则不认识完整的机构名称。
    ///
    /// ## 示例
    /// ```text
    /// 请生态环镜部、国家卫生健委员会派员参加。
    /// ```
    ///
    /// ## 应改为
    /// ```text
    /// 请生态环境部、国家卫生健康委员会派员参加。
    /// ```
    ///
    /// ## 依据
    /// 《国务院关于机构设置的通知》（国发〔2023〕5号）；《国务院关于部委管理的国家局设置的通知》
    /// （国发〔2023〕6号）。
    pub static ORGAN_NAME_NEAR_MISS = {
        code: "GW619",
        name: "organ-name-near-miss",
        category: Wording,
        severity: Warning,
        fix: Always,
        scope: AnyText,
        summary: "国家机构名称不应错字、漏字、多字（机构表 2026-11-30）",
        source: "国发〔2023〕5号、国发〔2023〕6号",
    };
}

/// The 2023 reform, before which the table's names were not all in use.
const TABLE_FROM: (u32, u32, u32) = (2023, 3, 10);

pub struct OrganNameNearMiss;

/// Whether `written` is `name` with one inner character changed, dropped or added.
fn near_miss(written: &[char], name: &[char]) -> bool {
    let (w, n) = (written.len(), name.len());
    if written.first() != name.first() || written.last() != name.last() {
        return false;
    }
    match w as isize - n as isize {
        0 => written.iter().zip(name).filter(|(a, b)| a != b).count() == 1,
        // 和 left out is the standard short form (住房城乡建设部, 人力资源社会保障部).
        -1 => (1..n - 1).any(|k| name[k] != '和' && written[..k] == name[..k] && written[k..] == name[k + 1..]),
        1 => (1..w - 1).any(|k| written[..k] == name[..k] && written[k + 1..] == name[k..]),
        _ => false,
    }
}

impl Rule for OrganNameNearMiss {
    fn meta(&self) -> &RuleMeta {
        &ORGAN_NAME_NEAR_MISS
    }

    fn check(&self, doc: &Document, cx: &mut Context<'_>) {
        if doc.elements.date.as_ref().is_some_and(|d| d.value.ordinal() < TABLE_FROM) {
            return;
        }
        let names: Vec<Vec<char>> = NATIONAL_ORGANS.iter().map(|n| n.chars().collect()).collect();
        for p in &doc.paragraphs {
            let text = doc.content(p);
            let chars: Vec<(usize, char)> = text.char_indices().collect();
            let plain: Vec<char> = chars.iter().map(|c| c.1).collect();
            let mut next_free = 0;
            for i in 0..plain.len() {
                if i < next_free {
                    continue;
                }
                // A place right before makes it a local organ (平安市国家税务局 before 2018).
                if i > 0 && "省市县区州盟旗".contains(plain[i - 1]) {
                    continue;
                }
                'names: for (name, full) in names.iter().zip(NATIONAL_ORGANS.iter()) {
                    if plain[i] != name[0] {
                        continue;
                    }
                    for len in [name.len(), name.len() - 1, name.len() + 1] {
                        let Some(window) = plain.get(i..i + len) else { continue };
                        if window == name.as_slice() {
                            next_free = i + len;
                            break 'names;
                        }
                        if !near_miss(window, name) || names.iter().any(|n| n.as_slice() == window) {
                            continue;
                        }
                        let start = p.span.start + chars[i].0;
                        let end = p.span.start + chars.get(i + len).map_or(text.len(), |c| c.0);
                        let span = Span::new(start, end);
                        if doc.elements.quotations.in_book_title(start) {
                            continue;
                        }
                        let written: String = window.iter().collect();
                        cx.report(span, format!("机构名称疑有误：“{written}”应为“{full}”"))
                            .with_label(format!("应为“{full}”"))
                            .with_help(format!(
                                "依据：rules/facts/national-organs.tsv（{}版）。",
                                national_organs_version()
                            ))
                            .with_fix(Fix::replace(format!("改为“{full}”"), Applicability::Unsafe, span, full));
                        next_free = i + len;
                        break 'names;
                    }
                }
            }
        }
    }
}
