//! GW310 colophon: 版记 抄送 and 印发 lines.

use crate::declare_rule;
use crate::diagnostic::{Applicability, Fix};
use crate::document::{Document, Part};
use crate::rule::{Context, Rule, RuleMeta};
use crate::rules::common::chars_with_offsets;
use crate::span::Span;

declare_rule! {
    /// ## 作用
    /// 检查版记的写法：抄送机关写作“抄送：××，××。”，以全角冒号引出、末尾加句号，机关之间用
    /// 逗号或顿号分隔（不用分号），标识用“抄送”而不用旧时的“抄报”；印发机关和印发日期一行以“印发”
    /// 结尾，其后不加句号。
    ///
    /// ## 原因
    /// GB/T 9704—2012 7.4.2 规定，抄送机关名称后标全角冒号，抄送机关间用逗号隔开，回行时与冒号后的
    /// 首字对齐，最后一个抄送机关名称后标句号。7.4.3 规定印发日期后加“印发”二字。
    ///
    /// ## 示例
    /// ```text
    /// 平安市人民政府办公室关于做好防汛工作的通知
    ///
    /// 各县（市、区）人民政府：
    /// 　　现就有关事项通知如下。
    ///
    /// 平安市人民政府办公室
    /// 2025年5月6日
    /// 抄送：市委办公室；市人大常委会办公室
    /// ```
    ///
    /// ## 应改为
    /// ```text
    /// 平安市人民政府办公室关于做好防汛工作的通知
    ///
    /// 各县（市、区）人民政府：
    /// 　　现就有关事项通知如下。
    ///
    /// 平安市人民政府办公室
    /// 2025年5月6日
    /// 抄送：市委办公室，市人大常委会办公室。
    /// ```
    ///
    /// ## 依据
    /// GB/T 9704—2012 7.4.2、7.4.3。
    pub static COLOPHON = {
        code: "GW310",
        name: "colophon",
        category: Format,
        severity: Error,
        fix: Sometimes,
        scope: Gongwen,
        summary: "抄送机关后标全角冒号、以句号结尾；机关间不用分号，不用“抄报”；“印发”后不加句号",
        source: "GB/T 9704—2012 7.4.2、7.4.3",
    };
}

pub struct Colophon;

impl Rule for Colophon {
    fn meta(&self) -> &RuleMeta {
        &COLOPHON
    }

    fn check(&self, doc: &Document, cx: &mut Context<'_>) {
        for p in doc.parts(Part::CopyTo) {
            let c = doc.content(p);
            for (i, ch) in chars_with_offsets(doc, p).filter(|(_, ch)| matches!(ch, '；' | ';')) {
                let span = Span::new(i, i + ch.len_utf8());
                cx.report(span, "抄送机关之间应用逗号或顿号隔开，不用分号")
                    .with_label("应为“，”")
                    .with_fix(Fix::replace("改为“，”", Applicability::Safe, span, "，"));
            }
            // GB/T 9704—2012 names one list, 抄送, for every organ copied (above or below).
            if let Some(label) = c.strip_prefix("抄报").map(|_| Span::new(p.span.start, p.span.start + "抄报".len()))
            {
                cx.report(label, "版记中抄送机关用“抄送”标识，不用“抄报”")
                    .with_label("应为“抄送”")
                    .with_fix(Fix::replace("改为“抄送”", Applicability::Safe, label, "抄送"));
            }
            let last = c.chars().last();
            if last.is_some_and(|l| l != '。') {
                let end = Span::new(p.span.end, p.span.end);
                let d = cx.report(
                    Span::new(p.span.end - last.map_or(0, char::len_utf8), p.span.end),
                    "最后一个抄送机关名称后应标句号",
                );
                d.with_label("缺少句号");
                if let Some(l) = last.filter(|l| matches!(l, '，' | '、' | ',' | '.' | '；' | ';')) {
                    let span = Span::new(p.span.end - l.len_utf8(), p.span.end);
                    d.with_fix(Fix::replace("改为句号", Applicability::Safe, span, "。"));
                } else {
                    d.with_fix(Fix::replace("补上句号", Applicability::Safe, end, "。"));
                }
            }
        }
        // The 印发 line ends with 印发: no 句号 after it.
        for p in doc.parts(Part::Printed) {
            let c = doc.content(p);
            // 印发 may be spaced out (印　发).
            let compact = crate::text::strip_spaces(c);
            if !compact.trim_end_matches(['。', '.']).ends_with("印发") {
                let end = Span::new(p.span.end, p.span.end);
                let date = doc.elements.dates_in(p.span).last().map_or(p.span, |d| d.span);
                cx.report(date, "印发日期后应加“印发”二字").with_label("缺少“印发”").with_fix(Fix::replace(
                    "补上“印发”",
                    Applicability::Safe,
                    end,
                    "印发",
                ));
                continue;
            }
            if let Some(mark) = ['。', '.']
                .into_iter()
                .find(|&m| c.ends_with(m) && compact.strip_suffix(m).is_some_and(|b| b.ends_with("印发")))
            {
                let span = Span::new(p.span.end - mark.len_utf8(), p.span.end);
                cx.report(span, "印发日期后的“印发”二字后不加句号").with_label("多余的句号").with_fix(Fix::replace(
                    "删除句号",
                    Applicability::Safe,
                    span,
                    "",
                ));
            }
        }
    }
}
