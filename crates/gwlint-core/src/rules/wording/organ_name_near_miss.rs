//! GW619 organ-name-near-miss: a national or local organ's name written with one character
//! changed, dropped or added (生态环镜部, 国家卫生健委员会, 市应急管里局).

use std::collections::HashMap;
use std::sync::LazyLock;

use crate::declare_rule;
use crate::diagnostic::{Applicability, Fix};
use crate::document::Document;
use crate::roster::{local_organs_version, national_organs_version, LOCAL_ORGANS, NATIONAL_ORGANS};
use crate::rule::{Context, Rule, RuleMeta};
use crate::span::Span;

declare_rule! {
    /// ## 作用
    /// 检查国务院组成部门、直属机构和国家局等现行机构名称（四个字以上）和地方政府工作部门的
    /// 统一名称（五个字以上：自然资源厅、生态环境局、应急管理局、市场监督管理局等）的误写：中间
    /// 错一个字（生态环镜部、市应急管里局）、漏一个字（国家卫生健委员会）或多一个字。省去“和”字
    /// 是规范简称（住房城乡建设部、人力资源社会保障局），××分局是派出机构，都不报告。名称首尾的字
    /// 不同的（生态环境局与生态环境部是不同的机构）、国家机构名称前面是地名的（××市国家税务局是
    /// 2018年前的地方机构）、书名号中的文件标题不报告；成文日期在2023年3月机构改革之前的不检查。
    /// 机构表是版本化的数据（rules/facts/national-organs.tsv、rules/facts/local-organs.tsv，
    /// 2026-11-30 版）。
    ///
    /// ## 原因
    /// 机构名称写错是公文审核的常见差错，逐字检查的错别字规则不认识完整的机构名称。
    ///
    /// ## 示例
    /// ```text
    /// 请生态环镜部、国家卫生健委员会和市应急管里局派员参加。
    /// ```
    ///
    /// ## 应改为
    /// ```text
    /// 请生态环境部、国家卫生健康委员会和市应急管理局派员参加。
    /// ```
    ///
    /// ## 依据
    /// 《国务院关于机构设置的通知》（国发〔2023〕5号）；《国务院关于部委管理的国家局设置的通知》
    /// （国发〔2023〕6号）；2018年《深化党和国家机构改革方案》和各省（自治区、直辖市）机构改革方案。
    pub static ORGAN_NAME_NEAR_MISS = {
        code: "GW619",
        name: "organ-name-near-miss",
        category: Wording,
        severity: Warning,
        fix: Always,
        scope: AnyText,
        summary: "国家机构和地方政府工作部门名称不应错字、漏字、多字（机构表 2026-11-30）",
        source: "国发〔2023〕5号、国发〔2023〕6号；地方机构改革方案（2018年）",
    };
}

/// The 2023 reform, before which the table's names were not all in use.
const TABLE_FROM: (u32, u32, u32) = (2023, 3, 10);

/// Every name checked, built once: (characters, name, national). A place right before a
/// national name makes it a local organ of before 2018 (平安市国家税务局); a local name usually
/// follows one (市应急管理局).
/// The organ names (characters, the name, whether national), with the names starting with each
/// character, so a paragraph is read once instead of once per name.
struct Names {
    list: Vec<(Vec<char>, &'static str, bool)>,
    by_first: HashMap<char, Vec<usize>>,
}

impl Names {
    /// The names starting with `c`, in the order of the tables.
    fn starting_with(&self, c: char) -> impl Iterator<Item = &(Vec<char>, &'static str, bool)> {
        self.by_first.get(&c).into_iter().flatten().map(|&j| &self.list[j])
    }
}

static NAMES: LazyLock<Names> = LazyLock::new(|| {
    let list: Vec<(Vec<char>, &'static str, bool)> = NATIONAL_ORGANS
        .iter()
        .map(|n| (n, true))
        .chain(LOCAL_ORGANS.iter().map(|n| (n, false)))
        .map(|(n, national)| (n.chars().collect(), n.as_str(), national))
        .collect();
    let mut by_first: HashMap<char, Vec<usize>> = HashMap::new();
    for (j, (name, _, _)) in list.iter().enumerate() {
        if let Some(&c) = name.first() {
            by_first.entry(c).or_default().push(j);
        }
    }
    Names { list, by_first }
});

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
        // 分 before the last character is a branch (生态环境分局, 市场监督管理分局); the name
        // itself after its first character is the name after a place (市市场监督管理局).
        1 => {
            written[1..] != *name
                && (1..w - 1).any(|k| {
                    written[..k] == name[..k] && written[k + 1..] == name[k..] && !(written[k] == '分' && k == w - 2)
                })
        }
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
        let names = &*NAMES;
        for p in &doc.paragraphs {
            let text = doc.content(p);
            let chars: Vec<(usize, char)> = text.char_indices().collect();
            let plain: Vec<char> = chars.iter().map(|c| c.1).collect();
            let mut next_free = 0;
            for i in 0..plain.len() {
                if i < next_free {
                    continue;
                }
                let after_place = i > 0 && "省市县区州盟旗".contains(plain[i - 1]);
                'names: for (name, full, national) in names.starting_with(plain[i]) {
                    if *national && after_place {
                        continue;
                    }
                    for len in [name.len(), name.len() - 1, name.len() + 1] {
                        let Some(window) = plain.get(i..i + len) else { continue };
                        if window == name.as_slice() {
                            next_free = i + len;
                            break 'names;
                        }
                        if !near_miss(window, name) || names.list.iter().any(|n| n.0.as_slice() == window) {
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
                            .with_help(if *national {
                                format!("依据：rules/facts/national-organs.tsv（{}版）。", national_organs_version())
                            } else {
                                format!("依据：rules/facts/local-organs.tsv（{}版）。", local_organs_version())
                            })
                            .with_fix(Fix::replace(format!("改为“{full}”"), Applicability::Unsafe, span, full));
                        next_free = i + len;
                        break 'names;
                    }
                }
            }
        }
    }
}
