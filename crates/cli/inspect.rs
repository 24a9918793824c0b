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
    pub attachments: &'a [String],
    pub copy_to: &'a [String],
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
        attachments: &f.attachments,
        copy_to: &f.copy_to,
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

pub fn render_json(out: &mut (impl Write + ?Sized), doc: &Document) -> io::Result<()> {
    serde_json::to_writer_pretty(&mut *out, &report(doc)).map_err(io::Error::other)?;
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
    writeln!(out, "附件：{}", join(r.attachments))?;
    if !r.copy_to.is_empty() {
        writeln!(out, "抄送：{}", join(r.copy_to))?;
    }
    writeln!(out, "段落：")?;
    for p in &r.paragraphs {
        let level = p.heading.map_or("", |h| LEVEL_ZH[(h.level as usize).clamp(1, 4) - 1]);
        writeln!(out, "  {:>4}  {}{}  {}", p.line, pad(p.part_zh, 18), pad(level, 4), excerpt(p.text, 36))?;
    }
    Ok(())
}
