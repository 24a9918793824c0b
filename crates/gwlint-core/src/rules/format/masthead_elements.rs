//! GW309 masthead-elements: 份号, 密级和保密期限, 紧急程度.

use crate::declare_rule;
use crate::diagnostic::{Applicability, Fix};
use crate::document::elements::Urgency;
use crate::document::Document;
use crate::rule::{Context, Rule, RuleMeta};
use crate::span::Span;

declare_rule! {
    /// ## 作用
    /// 检查版头的份号、密级和保密期限、紧急程度：份号用6位阿拉伯数字；密级与保密期限之间用“★”
    /// 隔开（不用“*”“☆”），期限用阿拉伯数字（如“机密★1年”）；紧急程度只标“特急”或“加急”；
    /// 两者都直接标注，不写“密级：”“紧急程度：”字样。
    ///
    /// ## 原因
    /// GB/T 9704—2012 7.2.1 规定份号一般用6位3号阿拉伯数字；7.2.2 规定密级和保密期限一般用
    /// 3号黑体字，两者之间用“★”隔开；7.2.3 规定紧急程度标注“特急”“加急”（电报另有“特提”
    /// “平急”）。“紧急”“急件”“特急件”不是规定的紧急程度。
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

pub struct MastheadElements;

impl Rule for MastheadElements {
    fn meta(&self) -> &RuleMeta {
        &MASTHEAD_ELEMENTS
    }

    fn check(&self, doc: &Document, cx: &mut Context<'_>) {
        let e = &doc.elements;
        if let Some(n) = e.copy_number.filter(|n| n.len() != 6) {
            cx.report(n, format!("份号一般用6位阿拉伯数字，此处为{}位", n.len())).with_label("份号位数");
        }
        if let Some(u) = &e.urgency {
            check_urgency(doc, cx, u);
        }
        let Some(s) = &e.secrecy else { return };
        if let Some(label) = s.label {
            report_label(cx, label, "密级");
        }
        if let Some(star) = s.star.filter(|&st| doc.slice(st) != "★") {
            cx.report(star, format!("密级和保密期限之间应用“★”隔开，不用“{}”", doc.slice(star)))
                .with_label("应为“★”")
                .with_fix(Fix::replace("改为“★”", Applicability::Safe, star, "★"));
        }
        let Some(term) = s.term else { return };
        if s.star.is_none() {
            cx.report(Span::new(s.span.start, term.end), "密级和保密期限之间应用“★”隔开")
                .with_label("缺少“★”")
                .with_fix(Fix::replace("插入“★”", Applicability::Safe, Span::new(s.level_span.end, s.gap.end), "★"));
        }
        if let Some(v) = s.term_value.filter(|_| !doc.slice(term).starts_with(|c: char| c.is_ascii_digit())) {
            cx.report(term, "保密期限应使用阿拉伯数字").with_fix(Fix::replace(
                format!("改为“{v}”"),
                Applicability::Safe,
                term,
                &v.to_string(),
            ));
        }
    }
}

fn check_urgency(doc: &Document, cx: &mut Context<'_>, u: &Urgency) {
    if let Some(label) = u.label {
        report_label(cx, label, "紧急程度");
    }
    let mark = doc.slice(u.mark);
    if let Some(standard) = mark.strip_suffix('件').filter(|m| matches!(*m, "特急" | "加急")) {
        cx.report(u.mark, format!("紧急程度应标注“{standard}”，不能写“{mark}”"))
            .with_label("紧急程度")
            .with_fix(Fix::replace(format!("改为“{standard}”"), Applicability::Safe, u.mark, standard));
    } else if matches!(mark, "紧急" | "急件") {
        cx.report(u.mark, format!("紧急程度应标注“特急”或“加急”，不能写“{mark}”")).with_label("紧急程度");
    }
}

/// A “密级：” or “紧急程度：” written before the mark, which stands alone.
fn report_label(cx: &mut Context<'_>, label: Span, what: &str) {
    cx.report(label, format!("{what}直接标注，不写“{what}：”字样")).with_label("多余的字样").with_fix(Fix::replace(
        format!("删除“{what}：”"),
        Applicability::Safe,
        label,
        "",
    ));
}
