//! GW614 faulty-constructions: sentence patterns that are wrong by their form (原因是由于,
//! 大约……左右, 截止到……为止, 防止……不再发生, 通过……使…… with no subject).

use crate::declare_rule;
use crate::document::Document;
use crate::rule::{Context, Rule, RuleMeta};
use crate::rules::common::GatedRegex;

declare_rule! {
    /// ## 作用
    /// 检查几类从形式上就能确定的语病：
    /// - 句式杂糅：“原因是由于／因为……”“原因是……造成的”；
    /// - 语义重复：“大约／约……左右”“截止到……为止”“截至……为止”“目的是为了”“涉及到”“都均”；
    /// - 否定不当：“防止／避免／杜绝……不（再）发生”（意思说反了）；
    /// - 缺主语：句首“通过……，使（使得）……”。
    ///
    /// 只认这些确定的形式，引号、书名号内的文字不检查。
    ///
    /// ## 原因
    /// 公文要求“文字精炼，用语准确”（《党政机关公文处理工作条例》第十九条），这些句式或多余、或
    /// 把意思说反，审核时都会改。
    ///
    /// ## 示例
    /// ```text
    /// 事故的原因是由于操作不当造成的，截止到6月底为止，共排查隐患约300处左右，要防止类似事故不再发生。通过开展专项整治，使隐患得到消除。
    /// ```
    ///
    /// ## 应改为
    /// ```text
    /// 事故的原因是操作不当，截至6月底，共排查隐患约300处，要防止类似事故再次发生。通过开展专项整治，隐患得到消除。
    /// ```
    ///
    /// ## 依据
    /// 《党政机关公文处理工作条例》第十九条（五）；现代汉语语法规范（句式杂糅、成分残缺、否定不当）。
    pub static FAULTY_CONSTRUCTIONS = {
        code: "GW614",
        name: "faulty-constructions",
        category: Wording,
        severity: Warning,
        fix: None,
        scope: AnyText,
        summary: "确定形式的语病：原因是由于、大约……左右、截止到……为止、防止……不再发生",
        source: "《党政机关公文处理工作条例》第十九条（五）",
    };
}

/// A faulty pattern, what is wrong with it and how to say it.
struct Pattern {
    re: GatedRegex,
    message: &'static str,
    help: &'static str,
}

/// The patterns, each with the strings one of which every match holds (so a pattern is compiled
/// only for a text that can match it).
static PATTERNS: [Pattern; 9] = [
    Pattern {
        re: GatedRegex::new(&["原因是", "原因在于"], r"原因(?:是|在于)(?:由于|因为)"),
        message: "句式杂糅：“原因是”和“由于／因为”重复",
        help: "删去“由于”或“因为”：“原因是……”。",
    },
    Pattern {
        re: GatedRegex::new(&["原因是", "原因在于"], r"原因(?:是|在于)[^。；！？，]{1,30}(?:造成|引起|导致|所致)的"),
        message: "句式杂糅：“原因是……”和“……造成的”混用",
        help: "改为“原因是……”或“是由……造成的”。",
    },
    Pattern {
        re: GatedRegex::new(
            &["左右"],
            r"(?:大约|大概|约)[0-9０-９一二三四五六七八九十两百千万亿.．]+[^。；，、！？]{0,6}左右",
        ),
        message: "语义重复：“约”和“左右”都表示约数",
        help: "删去“约”或“左右”中的一个。",
    },
    Pattern {
        re: GatedRegex::new(&["为止"], r"截[止至]到?[^。；，！？]{1,20}为止"),
        message: "语义重复：“截至”已含“为止”的意思",
        help: "写作“截至……”，删去“为止”。",
    },
    Pattern {
        re: GatedRegex::new(&["目的是为了"], r"目的是为了"),
        message: "语义重复：“目的是”和“为了”重复",
        help: "写作“目的是……”或“为了……”。",
    },
    Pattern {
        re: GatedRegex::new(&["涉及到"], r"涉及到"),
        message: "语义重复：“涉及”已含“到”的意思",
        help: "写作“涉及”。",
    },
    Pattern {
        re: GatedRegex::new(&["都均", "均都"], r"都均|均都"),
        message: "语义重复：“都”和“均”重复",
        help: "删去其中一个。",
    },
    Pattern {
        re: GatedRegex::new(
            // What every match ends with: rarer than the verbs it starts with (防止, 避免 ...).
            &["不发生", "不出现", "不再发生", "不再出现"],
            r"(?:防止|避免|杜绝|严禁)[^。；，！？]{0,12}不(?:再)?(?:发生|出现)",
        ),
        message: "否定不当：“防止……不再发生”把意思说反了",
        help: "写作“防止……再次发生”或“确保……不再发生”。",
    },
    Pattern {
        re: GatedRegex::new(
            // Every match holds “，使”, rarer than 通过.
            &["，使"],
            r"(?:^|[。！？；])\s*通过[^。；！？，]{2,30}(?:，[^。；！？，]{2,30})?，(?:使得|使)",
        ),
        message: "缺主语：句首“通过……，使……”没有主语",
        help: "删去“通过”或“使”，让句子有主语：“通过……，××得到……”。",
    },
];

pub struct FaultyConstructions;

impl Rule for FaultyConstructions {
    fn meta(&self) -> &RuleMeta {
        &FAULTY_CONSTRUCTIONS
    }

    fn check(&self, doc: &Document, cx: &mut Context<'_>) {
        for pattern in &PATTERNS {
            for (_, _, span) in pattern.re.paragraph_matches(doc) {
                // The pattern's own text, without the sentence boundary it may start with.
                let text = doc.slice(span);
                let lead = text.len() - text.trim_start_matches(['。', '！', '？', '；', ' ', '\u{3000}']).len();
                let span = crate::span::Span::new(span.start + lead, span.end);
                if doc.elements.quotations.contains(span.start) {
                    continue;
                }
                cx.report(span, pattern.message).with_label("语病").with_help(pattern.help);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::PATTERNS;

    /// Each pattern's needles are strings every match holds: sentences written for each pattern,
    /// every form of its alternatives, are found and each match holds a needle.
    #[test]
    fn every_match_holds_a_needle() {
        let examples: [&[&str]; 9] = [
            &["事故的原因是由于管理不善。", "原因在于因为资金不足。"],
            &["原因是设备老化造成的。", "原因在于管理松散导致的。", "原因是雨水所致的"],
            &["大约50人左右参加。", "约三十家单位左右", "大概１０个左右"],
            &["截至到6月底为止", "截止2024年末为止"],
            &["目的是为了提高效率。"],
            &["涉及到多个部门。"],
            &["大家都均同意，各方均都认可。"],
            &["要防止此类事故不再发生。", "避免问题不出现", "杜绝违规行为不再出现", "严禁隐患不发生"],
            &["通过开展专项整治，使环境明显改善。", "会议召开。通过学习讨论，统一了思想，使得大家提高认识。"],
        ];
        for (pattern, texts) in PATTERNS.iter().zip(examples) {
            for text in texts {
                assert!(pattern.re.matches_holding_needles(text) > 0, "{text}");
            }
        }
    }
}
