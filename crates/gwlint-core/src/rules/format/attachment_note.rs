//! GW307 attachment-note: the 附件说明 line: 附件：1.名称 / 2.名称, no trailing punctuation.

use regex::Regex;
use std::sync::LazyLock;

use crate::declare_rule;
use crate::diagnostic::{Applicability, Fix};
use crate::document::facts::Era;
use crate::document::Document;
use crate::rule::{Context, Rule, RuleMeta};
use crate::span::Span;

declare_rule! {
    /// ## 作用
    /// 检查附件说明的写法：“附件”后用全角冒号，再写附件名称；多个附件用“1.”“2.”标注顺序号；
    /// 附件名称后不加标点；只有一个附件时不编号；顺序号不写成“附件一：”。“附件如文”“附件3件”等
    /// 没有写出附件名称的写法也会报告，只写一个“附”字（附：名单）的也报告（成文日期早于
    /// 2012年7月1日的公文不报告这一项）。冒号、序号标点和名称后的标点可安全自动修复。
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

static VAGUE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(?:如文|见附件|附后|[0-9一二三四五六七八九十]+\s*[件份个]|略)[。]?$").unwrap());

pub struct AttachmentNote;

impl Rule for AttachmentNote {
    fn meta(&self) -> &RuleMeta {
        &ATTACHMENT_NOTE
    }

    fn check(&self, doc: &Document, cx: &mut Context<'_>) {
        let Some(note) = &doc.elements.attachment_note else { return };
        // The note is headed by the word 附件: 附 alone (附：名单) is how an appended list was
        // once marked. Judged by GB/T 9704—2012 for documents issued under it (or undated).
        if doc.slice(note.word) == "附" && doc.facts.era != Era::Before2012 {
            cx.report(note.word, "附件说明用“附件”二字标识，不写作“附”")
                .with_label("应为“附件”")
                .with_fix(Fix::replace("改为“附件”", Applicability::Unsafe, note.word, "附件"));
        }
        if note.colon.is_none() {
            cx.report(Span::new(note.span.start, note.word.end), "“附件”后应加全角冒号")
                .with_label("缺少冒号")
                .with_fix(Fix::replace("补上全角冒号", Applicability::Safe, Span::empty(note.word.end), "："));
        }
        if let Some(n) = note.head_number {
            cx.report(n, format!("附件说明不写作“附件{}：”，顺序号用阿拉伯数字写在冒号后", doc.slice(n)))
                .with_label("顺序号位置和写法不规范")
                .with_help("一个附件写作“附件：名称”，多个附件写作“附件：1.名称”。");
        }
        let items = &note.items;
        if items.is_empty() {
            cx.report(note.span, "附件说明没有写附件名称").with_label("缺少附件名称");
            return;
        }
        let numbered = items.iter().filter(|i| i.number.is_some()).count();
        for (k, item) in items.iter().enumerate() {
            let text = doc.slice(item.span);
            if VAGUE.is_match(text.trim()) {
                cx.report(item.span, format!("附件说明“{}”没有写出附件名称", text.trim()))
                    .with_label("应写附件名称")
                    .with_help("逐一写明附件名称，如“附件：1.××××”。");
                continue;
            }
            match &item.number {
                Some(n) if !n.standard && items.len() > 1 => {
                    let marker = doc.slice(n.span);
                    let digits: String = marker.chars().filter(char::is_ascii_digit).collect();
                    let right = format!("{digits}.");
                    cx.report(n.span, format!("附件顺序号“{marker}”写法不规范，应为“{right}”"))
                        .with_label(format!("应为“{right}”"))
                        .with_fix(Fix::replace(format!("改为“{right}”"), Applicability::Safe, n.span, &right));
                }
                Some(_) => {}
                None if items.len() > 1 && (numbered > 0 || k == 0) => {
                    cx.report(item.span, "有多个附件时应使用阿拉伯数字标注顺序号")
                        .with_label("缺少顺序号")
                        .with_help(format!("写作“{}.附件名称”。", k + 1));
                }
                None => {}
            }
            if let Some(n) = item.number.as_ref().filter(|_| items.len() == 1) {
                // The number and the spaces after it.
                let span = Span::new(n.span.start, item.name.start);
                cx.report(span, "只有一个附件时不编顺序号").with_label("多余的顺序号").with_fix(Fix::replace(
                    "删除顺序号",
                    Applicability::Safe,
                    span,
                    "",
                ));
            }
            if let Some(mark) = item.trailing_mark {
                let last = doc.slice(mark);
                cx.report(mark, format!("附件名称后不加标点“{last}”")).with_label("多余的标点").with_fix(Fix::replace(
                    "删除标点",
                    Applicability::Safe,
                    mark,
                    "",
                ));
            }
        }
    }
}
