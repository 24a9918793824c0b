//! `gwlint inspect`: how a document was understood.

use serde::Serialize;
use std::io::{self, Write};

use gwlint_core::document::{DocClass, Heading};
use gwlint_core::Document;

#[derive(Serialize)]
pub struct InspectReport<'a> {
    pub version: u32,
    pub path: &'a str,
    pub kind: &'static str,
    pub encoding: &'static str,
    /// 公文 / 讲话稿 / 非公文 as "gongwen" / "speech" / "other".
    pub class: DocClass,
    /// 文种, e.g. "请示", or null.
    pub genre: Option<&'static str>,
    pub title: Option<&'a str>,
    pub direction: Option<&'static str>,
    pub doc_number: Option<&'a str>,
    pub recipients: &'a [String],
    pub issuer: Option<&'a str>,
    pub date: Option<&'a str>,
    pub date_iso: Option<String>,
    /// The standards the document is judged by: "current" or "before2012" (dated before
    /// 2012-07-01, GB/T 9704—1999).
    pub era: gwlint_core::document::facts::Era,
    pub attachments: &'a [String],
    pub copy_to: &'a [String],
    /// The typed 公文 elements (发文字号 parts, 签发人, 密级, dates, organs, 附件, quotations),
    /// every span given as a file range (see docs/json-output.md).
    pub elements: serde_json::Value,
    pub paragraphs: Vec<InspectParagraph<'a>>,
}

#[derive(Serialize)]
pub struct InspectParagraph<'a> {
    pub index: usize,
    /// 1-based line in the source file.
    pub line: usize,
    pub part: gwlint_core::Part,
    pub part_zh: &'static str,
    pub heading: Option<Heading>,
    pub text: &'a str,
}

pub fn report(doc: &Document) -> InspectReport<'_> {
    let f = &doc.facts;
    InspectReport {
        version: 1,
        path: &doc.path,
        kind: doc.kind.as_str(),
        encoding: doc.encoding,
        class: f.class,
        genre: f.genre.map(|g| g.as_str()),
        title: f.title.as_deref(),
        direction: f.direction.map(|d| d.as_str()),
        doc_number: f.doc_number.as_deref(),
        recipients: &f.recipients,
        issuer: f.issuer.as_deref(),
        date: f.date.as_deref(),
        date_iso: f.date_value.map(|d| d.iso()),
        era: f.era,
        attachments: &f.attachments,
        copy_to: &f.copy_to,
        elements: elements(doc),
        paragraphs: doc
            .paragraphs
            .iter()
            .map(|p| InspectParagraph {
                index: p.index,
                line: doc.position(p.span.start).line,
                part: p.part,
                part_zh: p.part.name_zh(),
                heading: p.heading,
                text: doc.content(p),
            })
            .collect(),
    }
}

/// The elements as JSON, with every span (`{"start": n, "end": n}` of the text) replaced by its
/// file range and the text it covers.
fn elements(doc: &Document) -> serde_json::Value {
    fn walk(v: &mut serde_json::Value, doc: &Document) {
        match v {
            serde_json::Value::Object(m) => {
                let span =
                    match (m.len(), m.get("start").and_then(|x| x.as_u64()), m.get("end").and_then(|x| x.as_u64())) {
                        (2, Some(a), Some(b)) => Some(gwlint_core::Span::new(a as usize, b as usize)),
                        _ => None,
                    };
                if let Some(span) = span {
                    let range = gwlint_core::resolved::FileRange::from(doc.source_range(span));
                    *v = serde_json::json!({ "range": range, "text": doc.slice(span) });
                    return;
                }
                m.values_mut().for_each(|x| walk(x, doc));
            }
            serde_json::Value::Array(a) => a.iter_mut().for_each(|x| walk(x, doc)),
            _ => {}
        }
    }
    let mut v = serde_json::to_value(&doc.elements).unwrap_or_default();
    walk(&mut v, doc);
    v
}

pub fn render_json(out: &mut (impl Write + ?Sized), doc: &Document) -> io::Result<()> {
    serde_json::to_writer_pretty(&mut *out, &report(doc)).map_err(io::Error::from)?;
    writeln!(out)
}

const LEVEL_ZH: [&str; 4] = ["一级", "二级", "三级", "四级"];

/// Pad a Chinese label to `width` display columns (CJK chars count two).
fn pad(s: &str, width: usize) -> String {
    let w: usize = s.chars().map(|c| if c.is_ascii() { 1 } else { 2 }).sum();
    format!("{s}{}", " ".repeat(width.saturating_sub(w)))
}

fn excerpt(s: &str, n: usize) -> String {
    let mut it = s.chars();
    let head: String = it.by_ref().take(n).collect();
    if it.next().is_some() {
        format!("{head}……")
    } else {
        head
    }
}

pub fn render_human(out: &mut (impl Write + ?Sized), doc: &Document) -> io::Result<()> {
    let r = report(doc);
    let none = "（无）";
    writeln!(out, "{}（{}，{}）", r.path, r.kind, r.encoding)?;
    writeln!(
        out,
        "类型：{}    文种：{}    行文方向：{}",
        doc.facts.class.as_zh(),
        r.genre.unwrap_or(none),
        r.direction.unwrap_or(none)
    )?;
    writeln!(out, "标题：{}", r.title.unwrap_or(none))?;
    writeln!(out, "发文字号：{}", r.doc_number.unwrap_or(none))?;
    let e = &doc.elements;
    if let Some(n) = &e.doc_number {
        let year = n.year_value.map_or_else(|| doc.slice(n.year).to_string(), |y| y.to_string());
        let seq = n.seq_value.map_or_else(|| doc.slice(n.seq).to_string(), |s| s.to_string());
        writeln!(out, "  机关代字：{}    年份：{year}    顺序号：{seq}", doc.slice(n.code))?;
    }
    if let Some(s) = &e.signer {
        let names: Vec<&str> = s.names.iter().map(|n| doc.slice(*n)).collect();
        writeln!(out, "签发人：{}", if names.is_empty() { none.to_string() } else { names.join("、") })?;
    }
    if let Some(s) = &e.secrecy {
        writeln!(out, "密级和保密期限：{}", doc.slice(s.span))?;
    }
    if let Some(u) = &e.urgency {
        writeln!(out, "紧急程度：{}", doc.slice(u.span))?;
    }
    let join = |v: &[String]| {
        if v.is_empty() {
            none.to_string()
        } else {
            v.join("、")
        }
    };
    writeln!(out, "主送机关：{}", join(r.recipients))?;
    writeln!(out, "发文机关：{}", r.issuer.unwrap_or(none))?;
    match (&r.date, &r.date_iso) {
        (Some(d), Some(iso)) => writeln!(out, "成文日期：{d}（{iso}）")?,
        _ => writeln!(out, "成文日期：{}", r.date.unwrap_or(none))?,
    }
    if r.era == gwlint_core::document::facts::Era::Before2012 {
        writeln!(out, "适用标准：{}（成文日期早于2012年7月1日）", r.era.layout_standard())?;
    }
    writeln!(out, "附件：{}", join(r.attachments))?;
    if !e.attachments.is_empty() {
        let heads: Vec<String> = e
            .attachments
            .iter()
            .map(|a| {
                // “附件：” and “附 件” are shown as 附件.
                let head: String =
                    doc.slice(a.head).chars().filter(|c| !c.is_whitespace() && !matches!(c, '：' | ':')).collect();
                a.title.map_or_else(|| head.clone(), |t| format!("{head}：{}", excerpt(doc.slice(t), 20)))
            })
            .collect();
        writeln!(out, "所附附件：{}", heads.join("；"))?;
    }
    if !r.copy_to.is_empty() {
        writeln!(out, "抄送：{}", join(r.copy_to))?;
    }
    if let Some(p) = &e.printed {
        writeln!(out, "印发：{}", doc.slice(p.span))?;
    }
    if !e.quotations.all.is_empty() {
        let open = e.quotations.all.iter().filter(|q| q.close.is_none()).count() + e.quotations.stray_closes.len();
        writeln!(
            out,
            "引号和书名号：{} 处{}",
            e.quotations.all.len(),
            if open > 0 { format!("（{open} 处不成对）") } else { String::new() }
        )?;
    }
    writeln!(out, "段落：")?;
    for p in &r.paragraphs {
        let level = p.heading.map_or("", |h| LEVEL_ZH[(h.level as usize).clamp(1, 4) - 1]);
        writeln!(out, "  {:>4}  {}{}  {}", p.line, pad(p.part_zh, 18), pad(level, 4), excerpt(p.text, 36))?;
    }
    Ok(())
}
