//! GW405 dunhao-between-quoted: no 顿号 between titles in 《》 or phrases in “”.

use regex::Regex;
use std::sync::LazyLock;

use crate::declare_rule;
use crate::diagnostic::{Applicability, Fix};
use crate::document::Document;
use crate::rule::{Context, Rule, RuleMeta};
use crate::rules::common::{group_span, paragraph_matches};

declare_rule! {
    /// ## 作用
    /// 检查并列的书名号之间、引号之间是否用了顿号，如“《意见》、《办法》”“‘放管服’、‘最多跑一次’”。
    ///
    /// ## 原因
    /// GB/T 15834—2011 4.5.3.5 规定，标有引号的并列成分之间、标有书名号的并列成分之间通常不用顿号；
    /// 若有其他成分插在并列的引号或书名号之间（如括注），宜用顿号。标准用的是“通常”，实际公文中
    /// 两种写法都有（不少国务院文件在并列的引号之间用顿号），所以本规则只作提示。
    ///
    /// ## 示例
    /// ```text
    /// 认真学习《条例》、《办法》和“放管服”、“最多跑一次”改革经验。
    /// ```
    ///
    /// ## 应改为
    /// ```text
    /// 认真学习《条例》《办法》和“放管服”“最多跑一次”改革经验。
    /// ```
    ///
    /// ## 依据
    /// GB/T 15834—2011 4.5.3.5。
    pub static DUNHAO_BETWEEN_QUOTED = {
        code: "GW405",
        name: "dunhao-between-quoted",
        category: Punctuation,
        severity: Info,
        fix: Always,
        scope: AnyText,
        summary: "并列的书名号、引号之间通常不用顿号",
        source: "GB/T 15834—2011 4.5.3.5",
    };
}

static BETWEEN: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"(?:》(、)《|”(、)“)").unwrap());

pub struct DunhaoBetweenQuoted;

impl Rule for DunhaoBetweenQuoted {
    fn meta(&self) -> &RuleMeta {
        &DUNHAO_BETWEEN_QUOTED
    }

    fn check(&self, doc: &Document, cx: &mut Context<'_>) {
        for (p, c, _) in paragraph_matches(doc, &BETWEEN) {
            let dun = group_span(p, c.get(1).or(c.get(2)).expect("one group"));
            cx.report(dun, "并列的书名号或引号之间不用顿号").with_label("多余的顿号").with_fix(Fix::replace(
                "删除顿号",
                Applicability::Safe,
                dun,
                "",
            ));
        }
    }
}
