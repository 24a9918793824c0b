//! GW309 masthead-elements: 份号, 密级和保密期限, 紧急程度.

use regex::Regex;
use std::sync::LazyLock;

use crate::declare_rule;
use crate::diagnostic::{Applicability, Fix};
use crate::document::{Document, Part};
use crate::rule::{Context, Rule, RuleMeta};
use crate::span::Span;
use crate::text::chinese_number;

declare_rule! {
    /// ## 作用
    /// 检查版头的份号、密级和保密期限、紧急程度：份号用6位阿拉伯数字；密级与保密期限之间用“★”
    /// 隔开，期限用阿拉伯数字（如“机密★1年”）；紧急程度只标“特急”或“加急”。
    ///
    /// ## 原因
    /// GB/T 9704—2012 7.2.1 规定份号一般用6位3号阿拉伯数字；7.2.2 规定密级和保密期限一般用
    /// 3号黑体字，两者之间用“★”隔开；7.2.3 规定紧急程度标注“特急”“加急”（电报另有“特提”
    /// “平急”）。“紧急”“急件”不是规定的紧急程度。
    ///
    /// ## 示例
    /// ```text
    /// 000012
    /// 机密一年
    /// 紧急
    /// 平安市人民政府文件
    /// 平政发〔2025〕7号
    ///
    /// 平安市人民政府关于做好防汛工作的通知
    /// ```
    ///
    /// ## 应改为
    /// ```text
    /// 000012
    /// 机密★1年
    /// 特急
    /// 平安市人民政府文件
    /// 平政发〔2025〕7号
    ///
    /// 平安市人民政府关于做好防汛工作的通知
    /// ```
    ///
    /// ## 依据
    /// GB/T 9704—2012 7.2.1、7.2.2、7.2.3。
    pub static MASTHEAD_ELEMENTS = {
        code: "GW309",
        name: "masthead-elements",
        category: Format,
        severity: Error,
        fix: Sometimes,
        scope: Gongwen,
        summary: "份号、密级和保密期限、紧急程度的写法",
        source: "GB/T 9704—2012 7.2.1、7.2.2、7.2.3",
    };
}

static SECRECY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?P<lvl>绝密|机密|秘密)(?P<sp>\s*)(?P<star>★?)\s*(?P<term>[0-9]+|[一二三四五六七八九十]+)?\s*(?P<unit>年|个月|月)?$").unwrap()
});

pub struct MastheadElements;

impl Rule for MastheadElements {
    fn meta(&self) -> &RuleMeta {
        &MASTHEAD_ELEMENTS
    }

    fn check(&self, doc: &Document, cx: &mut Context<'_>) {
        for p in &doc.paragraphs {
            let c = doc.content(p);
            let at = |s: usize, e: usize| Span::new(p.span.start + s, p.span.start + e);
            match p.part {
                Part::CopyNumber if c.len() != 6 => {
                    cx.report(p.span, format!("份号一般用6位阿拉伯数字，此处为{}位", c.len())).with_label("份号位数");
                }
                Part::Urgency if matches!(c, "紧急" | "急件" | "急") => {
                    cx.report(p.span, format!("紧急程度应标注“特急”或“加急”，不能写“{c}”")).with_label("紧急程度");
                }
                Part::Secrecy => {
                    let Some(m) = SECRECY.captures(c) else { continue };
                    let Some(term) = m.name("term") else { continue };
                    if m["star"].is_empty() {
                        let lvl = m.name("lvl").expect("group");
                        let sp = m.name("sp").expect("group");
                        cx.report(at(0, term.end()), "密级和保密期限之间应用“★”隔开")
                            .with_label("缺少“★”")
                            .with_fix(Fix::replace("插入“★”", Applicability::Safe, at(lvl.end(), sp.end()), "★"));
                    }
                    if let Some(v) = chinese_number(term.as_str()) {
                        cx.report(at(term.start(), term.end()), "保密期限应使用阿拉伯数字").with_fix(Fix::replace(
                            format!("改为“{v}”"),
                            Applicability::Safe,
                            at(term.start(), term.end()),
                            &v.to_string(),
                        ));
                    }
                }
                _ => {}
            }
        }
    }
}
