//! GW605 placeholders: XX, ×××, □□, 【单位名称】, (待定), TODO left in a draft.

use crate::declare_rule;
use crate::document::Document;
use crate::rule::{Context, Rule, RuleMeta};
use crate::rules::common::GatedRegex;

declare_rule! {
    /// ## 作用
    /// 检查草稿中遗留的占位符：“XX场”“×××家”“2025年2月XX日”“于X月X日”“X名”“X县府办发”
    /// “〔2024〕X号”“□□”“【单位名称】”“【待定】”“（待定）”
    /// “TODO”“此处填写”等。模板文件本来就有占位符，可在 gwlint.toml 中 `ignore = ["GW605"]`
    /// 关闭本规则。
    ///
    /// ## 原因
    /// 占位符说明内容还没有定稿。公文报送、印发前必须核实填写，漏改的“××”会直接出现在正式文件中。
    ///
    /// ## 示例
    /// ```text
    /// 全年共组织企业参加境外展会XX场，新增有进出口实绩企业×××家，截至2025年2月XX日。
    /// ```
    ///
    /// ## 应改为
    /// ```text
    /// 全年共组织企业参加境外展会42场，新增有进出口实绩企业136家，截至2025年2月10日。
    /// ```
    ///
    /// ## 依据
    /// 《党政机关公文处理工作条例》第十九条、第二十条（公文起草、审核要求内容准确）。
    pub static PLACEHOLDERS = {
        code: "GW605",
        name: "placeholders",
        category: Wording,
        severity: Warning,
        fix: None,
        scope: AnyText,
        summary: "草稿中遗留的占位符",
        source: "《党政机关公文处理工作条例》第十九条、第二十条",
        skip_in: [Template],
    };
}

static PLACEHOLDER: GatedRegex = GatedRegex::new(
    // A string of each alternative (the bracketed words whole, not 待 or 空 alone: those stand
    // in most paragraphs).
    &[
        "X",
        "x",
        "Ｘ",
        "ｘ",
        "×",
        "＊",
        "*",
        "□",
        "■",
        "【",
        "待定",
        "待补充",
        "待核实",
        "待确认",
        "空)",
        "空）",
        "TODO",
        "TBD",
        "填写",
    ],
    concat!(
        r"(?P<p>[XxＸｘ]{2,}|[×＊*]{2,}|[□■]{2,}|【[^】]{0,12}(?:名称|单位|姓名|日期|时间|金额|数量|待定|待补充|待核实|待确认|填写)】",
        r"|[（(](?:待定|待补充|待核实|待确认|空)[)）]|TODO|TBD|此处填写|请填写|待补充",
        // A single X for a number or a place: 于X月X日, 〔2024〕X号, X名, X县府办发.
        r"|[XxＸｘ](?:年|月|日|号|时|名|人|家|个|项|次|天|万元|元|亿元|[县市区乡镇]))",
    ),
);

pub struct Placeholders;

impl Rule for Placeholders {
    fn meta(&self) -> &RuleMeta {
        &PLACEHOLDERS
    }

    fn check(&self, doc: &Document, cx: &mut Context<'_>) {
        // A 发文字号 numbered with a placeholder (〔2024〕X号); one left blank (〔2024〕　号) is
        // how a draft waits for its number, and is not reported.
        if let Some(n) = doc.elements.doc_number.as_ref().filter(|n| !n.seq.is_empty() && n.seq_value.is_none()) {
            cx.report(n.seq, format!("发文字号的顺序号遗留了占位符“{}”", doc.slice(n.seq)))
                .with_label("待填写")
                .with_help("印发时填写顺序号；尚未编号的草稿可留空（〔2025〕　号）。");
        }
        for (p, c, _) in PLACEHOLDER.paragraph_matches(doc) {
            let m = c.name("p").expect("group");
            // After a Latin letter or a digit the marks belong to a code or a masked number.
            if doc.content(p)[..m.start()].ends_with(|ch: char| ch.is_ascii_alphanumeric()) {
                continue;
            }
            // XX followed by Latin letters or digits is a code or a size (XXL, XX1), and a run of
            // marks before digits masks a number (31010**********212), not a placeholder.
            // (Single X with its unit, X月, ends with the unit and is never such a code.)
            let unit_form = m.as_str().ends_with(crate::text::is_han);
            if !unit_form && doc.content(p)[m.end()..].starts_with(|ch: char| ch.is_ascii_alphanumeric()) {
                continue;
            }
            let span = crate::rules::common::group_span(p, m);
            // The 发文字号's own placeholder is reported above.
            if doc.elements.doc_number.as_ref().is_some_and(|n| n.seq.start >= span.start && n.seq.start < span.end) {
                continue;
            }
            cx.report(span, format!("草稿中遗留了占位符“{}”", m.as_str()))
                .with_label("待填写")
                .with_help("报送、印发前核实并填写；模板文件可在 gwlint.toml 中忽略本规则（ignore = [\"GW605\"]）。");
        }
    }
}

#[cfg(test)]
mod tests {
    use super::PLACEHOLDER;

    /// The needles are strings every match holds: a sentence for each alternative of the pattern
    /// is found, and each match holds a needle.
    #[test]
    fn every_match_holds_a_needle() {
        let texts = [
            "XX单位",
            "xx县",
            "ＸＸ局",
            "ｘｘ",
            "××公司",
            "＊＊项目",
            "**",
            "□□□",
            "■■",
            "【单位名称】",
            "【内容待定】",
            "【待定】",
            "【日期】",
            "【待核实】",
            "（待定）",
            "(待补充)",
            "（待核实）",
            "（待确认）",
            "（空）",
            "(空)",
            "TODO",
            "TBD",
            "此处填写",
            "请填写",
            "待补充",
            "于X月X日",
            "〔2024〕X号",
            "X名",
            "X县府办发",
        ];
        for text in texts {
            assert!(PLACEHOLDER.matches_holding_needles(text) > 0, "{text}");
        }
    }
}
