//! GW403 dunhao-before-conjunction: no 顿号 before 等, 和, 与, 及, 或.

use regex::Regex;
use std::sync::LazyLock;

use crate::declare_rule;
use crate::diagnostic::{Applicability, Fix};
use crate::document::Document;
use crate::rule::{Context, Rule, RuleMeta};
use crate::rules::common::{group_span, paragraph_matches};

declare_rule! {
    /// ## 作用
    /// 检查顿号是否用在了“等”“等等”或连词“和”“及”“以及”“或”之前，如“培训机构、等”
    /// “人员、车辆、和设备”。删除多余的顿号是安全修复。
    ///
    /// ## 原因
    /// 顿号用于并列词语之间（GB/T 15834—2011 4.5）。“等”“等等”紧接在最后一项之后表示列举未尽，
    /// 前面不加顿号（附录 B.1.2）；用连词连接最后一项时，连词本身起连接作用，前面也不加顿号。
    /// “与”常引出并列的介词短语（“与经济利益脱钩、与责任挂钩”），“等级”“及时”等是词，都不报告。
    ///
    /// ## 示例
    /// ```text
    /// 全市中小学校、幼儿园、培训机构、等均纳入排查范围。
    /// 对人员、车辆、和设备进行检查。
    /// ```
    ///
    /// ## 应改为
    /// ```text
    /// 全市中小学校、幼儿园、培训机构等均纳入排查范围。
    /// 对人员、车辆和设备进行检查。
    /// ```
    ///
    /// ## 依据
    /// GB/T 15834—2011 4.5、附录 B.1.2。
    pub static DUNHAO_BEFORE_CONJUNCTION = {
        code: "GW403",
        name: "dunhao-before-conjunction",
        category: Punctuation,
        severity: Error,
        fix: Always,
        scope: AnyText,
        summary: "“等”和连词前不用顿号",
        source: "GB/T 15834—2011 4.5、附录B.1.2",
    };
}

static DUNHAO_CONJ: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"(、)\s*(等等|等|以及|和|及|或)").unwrap());

pub struct DunhaoBeforeConjunction;

impl Rule for DunhaoBeforeConjunction {
    fn meta(&self) -> &RuleMeta {
        &DUNHAO_BEFORE_CONJUNCTION
    }

    fn check(&self, doc: &Document, cx: &mut Context<'_>) {
        for (p, c, _) in paragraph_matches(doc, &DUNHAO_CONJ) {
            let word = &c[2];
            // "、与会人员" "、和平路" "、或然" "、及时": the word is the start of the next item.
            let rest = &doc.content(p)[c.get(0).expect("match").end()..];
            if starts_another_word(word, rest) {
                continue;
            }
            let dun = group_span(p, c.get(1).expect("group"));
            cx.report(dun, format!("“{word}”前不用顿号")).with_label("多余的顿号").with_fix(Fix::replace(
                "删除顿号",
                Applicability::Safe,
                dun,
                "",
            ));
        }
    }
}

/// Is `word` + the next characters really a different word (与会, 和平, 及时, 或者是)?
fn starts_another_word(word: &str, rest: &str) -> bool {
    let next = rest.chars().next();
    match word {
        // 等级, 等次, 等奖, 等额, 等同, 等待 …; and 等 as an item itself, a verb in a list of
        // one-character words followed by another 顿号 (克服“拖、等、靠、要”).
        "等" => next.is_some_and(|n| "级次奖额同待候于量高价比距效值腰边号外、".contains(n)),
        "和" => next.is_some_and(|n| "平谐睦美解".contains(n)),
        "及" => next.is_some_and(|n| "时早格".contains(n)),
        "或" => next.is_some_and(|n| "然许".contains(n)),
        _ => false,
    }
}
