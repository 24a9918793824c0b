//! GW307 attachment-note: the 附件说明 line: 附件：1.名称 / 2.名称, no trailing punctuation.

use regex::Regex;
use std::sync::LazyLock;

use crate::declare_rule;
use crate::diagnostic::{Applicability, Fix};
use crate::document::{Document, Paragraph, Part};
use crate::rule::{Context, Rule, RuleMeta};
use crate::span::Span;

declare_rule! {
    /// ## 作用
    /// 检查附件说明的写法：“附件”后用全角冒号，再写附件名称；多个附件用“1.”“2.”标注顺序号；
    /// 附件名称后不加标点；只有一个附件时不编号。“附件如文”“附件3件”等没有写出附件名称的写法
    /// 也会报告。冒号、序号标点和名称后的标点可安全自动修复。
    ///
    /// ## 原因
    /// GB/T 9704—2012 7.3.4 规定：公文如有附件，在正文下空一行左空二字编排“附件”二字，后标全角
    /// 冒号和附件名称。如有多个附件，使用阿拉伯数字标注附件顺序号（如“附件：1.××××”）；附件
    /// 名称后不加标点符号。
    ///
    /// ## 示例
    /// ```text
    /// 平安市人民政府办公室关于做好防汛工作的通知
    ///
    /// 各县（市、区）人民政府：
    /// 　　现就有关事项通知如下。
    ///
    /// 　　附件：平安市2025年防汛重点部位清单。
    ///
    /// 平安市人民政府办公室
    /// 2025年5月6日
    /// ```
    ///
    /// ## 应改为
    /// ```text
    /// 平安市人民政府办公室关于做好防汛工作的通知
    ///
    /// 各县（市、区）人民政府：
    /// 　　现就有关事项通知如下。
    ///
    /// 　　附件：平安市2025年防汛重点部位清单
    ///
    /// 平安市人民政府办公室
    /// 2025年5月6日
    /// ```
    ///
    /// ## 依据
    /// GB/T 9704—2012 7.3.4。
    pub static ATTACHMENT_NOTE = {
        code: "GW307",
        name: "attachment-note",
        category: Format,
        severity: Error,
        fix: Sometimes,
        scope: Gongwen,
        summary: "附件说明应写作“附件：1.名称”，名称后不加标点",
        source: "GB/T 9704—2012 7.3.4",
    };
}

/// "附件" (or "附") and what follows it up to the name.
static HEAD: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"^(?P<word>附件|附)\s*(?P<colon>[：:]?)\s*").unwrap());
/// An item number at the start of an item: 1. 1、 1． (1) （1） ①.
static ITEM_NUMBER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:(?P<n>[0-9]{1,2})(?P<mark>[.．、，,])|[（(](?P<pn>[0-9]{1,2})[)）])\s*").unwrap()
});
static VAGUE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(?:如文|见附件|附后|[0-9一二三四五六七八九十]+\s*[件份个]|略)[。]?$").unwrap());

pub struct AttachmentNote;

struct Item<'a> {
    para: &'a Paragraph,
    /// Byte offset (within the paragraph content) where the item text starts.
    start: usize,
}

impl Rule for AttachmentNote {
    fn meta(&self) -> &RuleMeta {
        &ATTACHMENT_NOTE
    }

    fn check(&self, doc: &Document, cx: &mut Context<'_>) {
        let paras: Vec<&Paragraph> = doc.parts(Part::AttachmentNote).collect();
        let Some(first) = paras.first() else { return };
        let head_text = doc.content(first);
        let Some(h) = HEAD.captures(head_text) else { return };
        let head_end = h.get(0).expect("match").end();
        if h["colon"].is_empty() {
            let word_end = h.name("word").expect("group").end();
            let at = Span::new(first.span.start + word_end, first.span.start + word_end);
            cx.report(Span::new(first.span.start, first.span.start + word_end), "“附件”后应加全角冒号")
                .with_label("缺少冒号")
                .with_fix(Fix::replace("补上全角冒号", Applicability::Safe, at, "："));
        }
        let mut items = vec![Item { para: first, start: head_end }];
        items.extend(paras[1..].iter().map(|p| Item { para: p, start: 0 }));
        items.retain(|i| !doc.content(i.para)[i.start..].trim().is_empty());
        if items.is_empty() {
            cx.report(first.span, "附件说明没有写附件名称").with_label("缺少附件名称");
            return;
        }
        let numbered = items.iter().filter(|i| ITEM_NUMBER.is_match(&doc.content(i.para)[i.start..])).count();
        for (k, item) in items.iter().enumerate() {
            let text = &doc.content(item.para)[item.start..];
            let base = item.para.span.start + item.start;
            if VAGUE.is_match(text.trim()) {
                cx.report(Span::new(base, base + text.len()), format!("附件说明“{}”没有写出附件名称", text.trim()))
                    .with_label("应写附件名称")
                    .with_help("逐一写明附件名称，如“附件：1.××××”。");
                continue;
            }
            let num = ITEM_NUMBER.captures(text);
            if let Some(n) = &num {
                let all = n.get(0).expect("match");
                let digits = n.name("n").or(n.name("pn")).expect("number").as_str();
                let marker = all.as_str().trim_end();
                let right = format!("{digits}.");
                if marker != right && items.len() > 1 {
                    let span = Span::new(base, base + marker.len());
                    cx.report(span, format!("附件顺序号“{marker}”写法不规范，应为“{right}”"))
                        .with_label(format!("应为“{right}”"))
                        .with_fix(Fix::replace(format!("改为“{right}”"), Applicability::Safe, span, &right));
                }
            } else if items.len() > 1 && numbered > 0 || items.len() > 1 && k == 0 {
                cx.report(Span::new(base, base + text.len()), "有多个附件时应使用阿拉伯数字标注顺序号")
                    .with_label("缺少顺序号")
                    .with_help(format!("写作“{}.附件名称”。", k + 1));
            }
            if let Some(n) = num.as_ref().filter(|_| items.len() == 1) {
                let n = n.get(0).expect("match");
                let span = Span::new(base, base + n.as_str().len());
                cx.report(span, "只有一个附件时不编顺序号").with_label("多余的顺序号").with_fix(Fix::replace(
                    "删除顺序号",
                    Applicability::Safe,
                    span,
                    "",
                ));
            }
            let trimmed = text.trim_end();
            if let Some(last) =
                trimmed.chars().last().filter(|c| matches!(c, '。' | '；' | '，' | '、' | '.' | ';' | ','))
            {
                let at = base + trimmed.len() - last.len_utf8();
                let span = Span::new(at, at + last.len_utf8());
                cx.report(span, format!("附件名称后不加标点“{last}”")).with_label("多余的标点").with_fix(Fix::replace(
                    "删除标点",
                    Applicability::Safe,
                    span,
                    "",
                ));
            }
        }
    }
}
