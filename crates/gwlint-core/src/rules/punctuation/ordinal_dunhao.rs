//! GW416 ordinal-dunhao: 第一、 其一、 首先、 are followed by a comma.

use crate::declare_rule;
use crate::diagnostic::{Applicability, Fix};
use crate::document::Document;
use crate::rule::{Context, Rule, RuleMeta};
use crate::rules::common::{group_span, GatedRegex};

declare_rule! {
    /// ## 作用
    /// 检查“第一”“其一”“首先”“其次”“最后”等序次语后是否误用顿号，应用逗号。改为逗号是安全
    /// 修复。汉字序数“一、”“二、”用作层次序数时后用顿号，不在此列。
    ///
    /// ## 原因
    /// GB/T 15834—2011 附录 B.3.1 规定，“第”“其”字头序次语和“首先”类序次语后用逗号，不用顿号。
    ///
    /// ## 示例
    /// ```text
    /// 第一、加强组织领导；第二、强化督促检查。
    /// ```
    ///
    /// ## 应改为
    /// ```text
    /// 第一，加强组织领导；第二，强化督促检查。
    /// ```
    ///
    /// ## 依据
    /// GB/T 15834—2011 附录 B.3.1。
    pub static ORDINAL_DUNHAO = {
        code: "GW416",
        name: "ordinal-dunhao",
        category: Punctuation,
        severity: Warning,
        fix: Always,
        scope: AnyText,
        summary: "“第一”“首先”类序次语后用逗号",
        source: "GB/T 15834—2011 附录B.3.1",
    };
}

static ORDINAL: GatedRegex = GatedRegex::new(
    &["、"],
    r"(?:^|[。；：！？，\s])(?P<w>第[一二三四五六七八九十]{1,3}|其[一二三四五六七八九十]|首先|其次|再次|最后)(?P<d>、)",
);

pub struct OrdinalDunhao;

impl Rule for OrdinalDunhao {
    fn meta(&self) -> &RuleMeta {
        &ORDINAL_DUNHAO
    }

    fn check(&self, doc: &Document, cx: &mut Context<'_>) {
        for (p, c, _) in ORDINAL.paragraph_matches(doc) {
            let dun = group_span(p, c.name("d").expect("group"));
            cx.report(dun, format!("序次语“{}”后应用逗号，不用顿号", &c["w"]))
                .with_label("应为“，”")
                .with_fix(Fix::replace("改为“，”", Applicability::Safe, dun, "，"));
        }
    }
}
