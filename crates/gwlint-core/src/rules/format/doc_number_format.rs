//! GW301 doc-number-format: 发文字号 = 机关代字 + 〔年份〕 + 序号 + 号.

use crate::declare_rule;
use crate::diagnostic::{Applicability, Fix};
use crate::document::Document;
use crate::rule::{Context, Rule, RuleMeta};
use crate::span::Span;
use crate::text::to_half_width;

declare_rule! {
    /// ## 作用
    /// 检查发文字号的格式：机关代字、用六角括号“〔〕”括入的四位年份、不编虚位的序号和“号”字，
    /// 如“平政办发〔2025〕7号”。
    ///
    /// 报告的问题：年份用了方括号、圆括号、鱼尾号等（应为〔〕）；年份只写两位；序号前加“第”
    /// （命令（令）的令号“第×号”除外）；序号有前导零（虚位）；缺少“号”字；使用全角数字或含空格。
    /// 括号、虚位、全角数字、空格和缺少的“号”可安全自动修复。
    ///
    /// ## 原因
    /// GB/T 9704—2012 7.2.4 规定：发文字号由发文机关代字、年份、发文顺序号组成。年份、发文顺序号
    /// 用阿拉伯数字标注；年份应标全称，用六角括号“〔〕”括入；发文顺序号不加“第”字，不编虚位
    /// （即1不编为01），在阿拉伯数字后加“号”字。
    ///
    /// ## 示例
    /// ```text
    /// 平安市人民政府办公室关于做好防汛工作的通知
    /// 平政办发（2025）07号
    ///
    /// 各县（市、区）人民政府：
    /// 　　现就有关事项通知如下。
    /// ```
    ///
    /// ## 应改为
    /// ```text
    /// 平安市人民政府办公室关于做好防汛工作的通知
    /// 平政办发〔2025〕7号
    ///
    /// 各县（市、区）人民政府：
    /// 　　现就有关事项通知如下。
    /// ```
    ///
    /// ## 依据
    /// GB/T 9704—2012 7.2.4。
    pub static DOC_NUMBER_FORMAT = {
        code: "GW301",
        name: "doc-number-format",
        category: Format,
        severity: Error,
        fix: Sometimes,
        scope: Gongwen,
        summary: "发文字号应为“代字〔年份〕序号号”",
        source: "GB/T 9704—2012 7.2.4",
    };
}

pub struct DocNumberFormat;

/// Full-width digits in the year or the sequence number; `half` is the same number in half-width.
fn report_full_width(cx: &mut Context<'_>, span: Span, half: &str) {
    cx.report(span, "发文字号应使用半角阿拉伯数字").with_fix(Fix::replace(
        "改为半角数字",
        Applicability::Safe,
        span,
        half,
    ));
}

impl Rule for DocNumberFormat {
    fn meta(&self) -> &RuleMeta {
        &DOC_NUMBER_FORMAT
    }

    fn check(&self, doc: &Document, cx: &mut Context<'_>) {
        let Some(n) = &doc.elements.doc_number else { return };
        let text = |s: Span| doc.slice(s);
        let (open, close) = (text(n.open), text(n.close));
        if open != "〔" || close != "〕" {
            cx.report(n.open, format!("发文字号的年份应使用六角括号“〔〕”，不能用“{open}{close}”"))
                .with_label("应为“〔”")
                .with_secondary(n.close, "应为“〕”")
                .with_fix(Fix::new(
                    "改为六角括号〔〕",
                    Applicability::Safe,
                    vec![crate::Edit::replace(n.open, "〔"), crate::Edit::replace(n.close, "〕")],
                ));
        }
        let year = text(n.year);
        let y = to_half_width(year);
        if y.chars().count() == 2 {
            cx.report(n.year, "发文字号的年份应标全称（四位数字）").with_label("年份不全").with_fix(Fix::replace(
                format!("改为“20{y}”"),
                Applicability::Unsafe,
                n.year,
                &format!("20{y}"),
            ));
        } else if !y.chars().all(|ch| ch.is_ascii_digit()) {
            if let Some(v) = n.year_value {
                cx.report(n.year, "发文字号的年份应使用阿拉伯数字").with_fix(Fix::replace(
                    format!("改为“{v}”"),
                    Applicability::Safe,
                    n.year,
                    &v.to_string(),
                ));
            }
        } else if y != year {
            report_full_width(cx, n.year, &y);
        }
        if let Some(di) = n.di.filter(|_| !text(n.code).ends_with('令')) {
            cx.report(di, "发文字号的顺序号前不加“第”字").with_label("多余的“第”").with_fix(Fix::replace(
                "删除“第”",
                Applicability::Safe,
                di,
                "",
            ));
        }
        let seq = text(n.seq);
        let s = to_half_width(seq);
        let trimmed = s.trim_start_matches('0');
        if s.len() > 1 && s.starts_with('0') && !trimmed.is_empty() {
            cx.report(n.seq, format!("发文字号的顺序号不编虚位：“{seq}”应为“{trimmed}”"))
                .with_label("虚位")
                .with_fix(Fix::replace(format!("改为“{trimmed}”"), Applicability::Safe, n.seq, trimmed));
        } else if s != seq {
            report_full_width(cx, n.seq, &s);
        }
        for &sp in &n.spaces {
            cx.report(sp, "发文字号中不应有空格").with_label("空格").with_fix(Fix::replace(
                "删除空格",
                Applicability::Safe,
                sp,
                "",
            ));
        }
        if n.hao.is_none() {
            cx.report(n.seq, "发文字号的顺序号后应加“号”字").with_label("缺少“号”").with_fix(Fix::replace(
                "补上“号”",
                Applicability::Safe,
                Span::empty(n.seq.end),
                "号",
            ));
        }
    }
}
