//! GW407 dash: the 破折号 is "——", not "--" or a single "—" between words.

use crate::declare_rule;
use crate::diagnostic::{Applicability, Fix};
use crate::document::Document;
use crate::rule::{Context, Rule, RuleMeta};
use crate::rules::common::GatedRegex;

declare_rule! {
    /// ## 作用
    /// 检查破折号的写法：应为两个字长的“——”，不用两个连字符“--”“－－”。
    ///
    /// ## 原因
    /// GB/T 15834—2011 4.10 规定破折号的形式为“——”，占两个字的位置。“--”是西文打字的习惯。
    /// 单个一字线“—”是连接号（如“2021—2025年”），不报告。
    ///
    /// ## 示例
    /// ```text
    /// 落实“三项制度”--即行政执法公示制度、执法全过程记录制度和重大执法决定法制审核制度。
    /// ```
    ///
    /// ## 应改为
    /// ```text
    /// 落实“三项制度”——即行政执法公示制度、执法全过程记录制度和重大执法决定法制审核制度。
    /// ```
    ///
    /// ## 依据
    /// GB/T 15834—2011 4.10。
    pub static DASH = {
        code: "GW407",
        name: "dash",
        category: Punctuation,
        severity: Error,
        fix: Always,
        scope: AnyText,
        summary: "破折号用“——”，不用“--”",
        source: "GB/T 15834—2011 4.10",
    };
}

/// Two or more hyphens or full-width hyphens between Chinese text.
static DOUBLE_HYPHEN: GatedRegex = GatedRegex::new(
    &["--", "－－", "———", "──"],
    r"(?:[\p{Han}”）》]|^)(?P<d>-{2,}|－{2,}|—{3,}|─{2,})(?:[\p{Han}“（《]|$)",
);

pub struct Dash;

impl Rule for Dash {
    fn meta(&self) -> &RuleMeta {
        &DASH
    }

    fn check(&self, doc: &Document, cx: &mut Context<'_>) {
        for (p, c, _) in DOUBLE_HYPHEN.paragraph_matches(doc) {
            let d = c.name("d").expect("group");
            let span = crate::rules::common::group_span(p, d);
            cx.report(span, format!("破折号应写作“——”，不能写作“{}”", d.as_str()))
                .with_label("应为“——”")
                .with_fix(Fix::replace("改为“——”", Applicability::Safe, span, "——"));
        }
    }
}
