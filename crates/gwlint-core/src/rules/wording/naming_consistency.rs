//! GW608 naming-consistency: one short name must not be introduced for two different full names.

use regex::Regex;
use std::sync::LazyLock;

use crate::declare_rule;
use crate::document::{Document, Part};
use crate::rule::{Context, Rule, RuleMeta};
use crate::span::Span;

declare_rule! {
    /// ## 作用
    /// 检查简称的引入：同一个简称用“（以下简称“××”）”引入了两次，却指向两个不同的全称；
    /// 或者文件、法规的书名号全称已经引入了简称，正文后面又写回全称（一个名称两种写法）。
    ///
    /// ## 原因
    /// 公文中机关、文件、事项的名称应前后一致：首次出现时写全称并注明简称，之后统一用简称。
    /// 同一简称指两个全称，读者无法判断后文的简称指哪一个。
    ///
    /// 写回全称只检查书名号中的名称（边界明确）；机关名称的全称边界无法从文字中可靠判断，不检查。
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

/// "（以下简称“市发展改革委”）", "(以下简称《条例》)", "（以下称“两库”）".
static DEFINITION: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?P<full>[\p{Han}A-Za-z0-9《》“”]{2,40})[（(]以下(?:简称|称)[为：:]?(?P<open>[“《]?)(?P<short>[^”》）)]{1,15})[”》]?[）)]").unwrap()
});

pub struct NamingConsistency;

impl Rule for NamingConsistency {
    fn meta(&self) -> &RuleMeta {
        &NAMING_CONSISTENCY
    }

    fn check(&self, doc: &Document, cx: &mut Context<'_>) {
        let mut defined: Vec<(String, String, Span)> = Vec::new();
        for c in DEFINITION.captures_iter(&doc.text) {
            let short = c["short"].trim().to_string();
            if short.chars().count() < 2 {
                continue;
            }
            let whole = c.get(0).expect("match");
            let at = Span::new(whole.start(), whole.end());
            let full = c["full"].to_string();
            match defined.iter().find(|(s, _, _)| *s == short) {
                Some((_, first_full, first_at)) if !same_name(first_full, &full) => {
                    cx.report(at, format!("简称“{short}”前文已用于指“{}”，此处又指另一个名称", tail(first_full)))
                        .with_label("重复引入的简称")
                        .with_secondary(*first_at, "第一次引入");
                }
                Some(_) => {}
                None => {
                    report_full_name_after_short(doc, cx, &full, &c["open"], &short, at);
                    defined.push((short, full, at));
                }
            }
        }
    }
}

/// A 《title》 given a short name, written out in full again later in the 正文.
fn report_full_name_after_short(doc: &Document, cx: &mut Context<'_>, full: &str, open: &str, short: &str, at: Span) {
    let Some(title) =
        full.rfind('《').map(|i| &full[i..]).filter(|t| t.ends_with('》') && t.matches('《').count() == 1)
    else {
        return;
    };
    let shown = if open == "《" { format!("《{short}》") } else { format!("“{short}”") };
    // Paragraphs quoting other texts (a 修改决定 quoting the articles it amends) carry their own
    // short names; only the document's own prose counts.
    let body: Vec<Span> = doc.parts(Part::Body).filter(|p| !doc.content(p).starts_with('“')).map(|p| p.span).collect();
    if !body.iter().any(|b| b.start <= at.start && at.end <= b.end) {
        return;
    }
    for (i, _) in doc.text[at.end..].match_indices(title) {
        let start = at.end + i;
        let end = start + title.len();
        let redefined = doc.text[end..].starts_with("（以下") || doc.text[end..].starts_with("(以下");
        if redefined || !body.iter().any(|b| b.start <= start && end <= b.end) {
            continue;
        }
        cx.report(Span::new(start, end), format!("{title}已简称为{shown}，此处仍写全称"))
            .with_label("全称")
            .with_secondary(at, "在此引入简称");
    }
}

/// The full-name capture starts wherever the Han run starts, so it may carry leading words
/// ("会同平安市…", "由平安市…"); two captures name the same thing when they share a long tail.
fn same_name(a: &str, b: &str) -> bool {
    let common = a.chars().rev().zip(b.chars().rev()).take_while(|(x, y)| x == y).count();
    common >= 4 || common == a.chars().count() || common == b.chars().count()
}

/// The last dozen characters of a full-name capture, enough to recognise it in a message.
fn tail(full: &str) -> String {
    let n = full.chars().count();
    full.chars().skip(n.saturating_sub(12)).collect()
}
