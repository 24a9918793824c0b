//! GW001 unused-suppression: a gwlint-disable comment that suppresses nothing.

use crate::declare_rule;
use crate::document::Document;
use crate::rule::{Context, Rule, RuleMeta};

declare_rule! {
    /// ## 作用
    /// 报告没有抑制任何问题的 gwlint-disable 注释（规则没有在该处报告问题，或代码写错了），
    /// 避免过时的抑制注释越积越多、掩盖以后真正的问题。
    ///
    /// 抑制注释的写法：`<!-- gwlint-disable GW204 -- 负责人直接交办 -->` 到
    /// `<!-- gwlint-enable GW204 -->` 之间的范围；`<!-- gwlint-disable-next-line GW204 -->` 只管下一行；
    /// `<!-- gwlint-disable-file GW605 -->` 管整个文件。不写代码表示所有规则；`--` 之后是理由。
    /// 纯文本文件中也可以写成单独一行的 `// gwlint-disable …` 或 `# gwlint-disable …`。
    /// 这些注释在检查前从文字中去掉，不影响结构识别。
    ///
    /// ## 原因
    /// ruff 的 RUF100、clippy 的 `#[expect]` 做同样的事：抑制必须有针对性，不再需要就删掉。
    ///
    /// ## 示例
    /// ```text
    /// <!-- gwlint-disable-next-line GW204 -- 负责人直接交办 -->
    /// 市人民政府：
    /// ```
    ///
    /// ## 应改为
    /// ```text
    /// 市人民政府：
    /// ```
    ///
    /// ## 依据
    /// gwlint 抑制注释的约定。
    pub static UNUSED_SUPPRESSION = {
        code: "GW001",
        name: "unused-suppression",
        category: Meta,
        severity: Warning,
        fix: None,
        scope: AnyText,
        summary: "未使用的 gwlint-disable 抑制注释",
        source: "gwlint 抑制注释的约定",
    };
}

/// The engine applies suppressions after every rule has run and reports the unused ones under
/// this rule's code (see `Linter::check`); the rule itself has nothing to check.
pub struct UnusedSuppression;

impl Rule for UnusedSuppression {
    fn meta(&self) -> &RuleMeta {
        &UNUSED_SUPPRESSION
    }

    fn check(&self, _doc: &Document, _cx: &mut Context<'_>) {}
}
