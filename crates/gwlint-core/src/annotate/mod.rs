//! The findings put back into the drafter's own .docx as Word comments (批注) on exactly the
//! characters of each finding, and (when asked) the safe fixes as tracked changes (修订) the
//! drafter accepts or rejects. The package is patched, not rebuilt: document.xml gets the comment
//! ranges and revisions as a byte patch, the comments part gets the comments (appended after the
//! drafter's own, if any), and every other part is copied as it was stored. Findings that belong
//! to no characters (a missing 主送机关, the page layout) are put on the nearest paragraph with
//! text.

mod document_patch;
mod html;
mod package;

use std::collections::BTreeMap;

use crate::diagnostic::Diagnostic;
use crate::document::docx_map::DocxMap;
use crate::document::Document;
use crate::text::xml_escape as escape;
pub use document_patch::commented_text;
use document_patch::{patch, CommentRange, Replacement};
pub use html::html_report;
use package::{add_comments_content_type, add_comments_relationship, insert_before_root_end, Package, W_NS};

/// The author written on every comment.
pub const AUTHOR: &str = "gwlint";

/// An annotated package and what was put where.
#[derive(Debug)]
pub struct Annotated {
    pub bytes: Vec<u8>,
    /// Comments on the characters of their finding.
    pub on_characters: usize,
    /// Comments on a whole paragraph (findings that belong to no characters).
    pub on_paragraphs: usize,
    /// Safe fixes written as tracked changes.
    pub revisions: usize,
    /// Safe fixes left as advice in their comment (an edit across runs, or overlapping another).
    pub fixes_as_advice: usize,
}

/// What to put in the copy.
#[derive(Clone, Copy, Debug, Default)]
pub struct AnnotateOptions {
    /// The safe fixes as tracked changes (修订), besides the comments.
    pub fix_as_revisions: bool,
}

/// The .docx `bytes` (read into `doc`) with a comment for each finding.
pub fn annotate_docx(
    bytes: &[u8],
    doc: &Document,
    diagnostics: &[Diagnostic],
    options: AnnotateOptions,
) -> Result<Annotated, String> {
    let package = Package::open(bytes)?;
    let xml = package.part(&package.main)?;
    let map = DocxMap::read(&xml);
    if doc.docx_map.as_ref().is_some_and(|m| m.texts() != map.texts()) {
        return Err("文档内容与检查时读到的不一致".into());
    }
    let existing = package.comments.as_ref().map(|name| package.part(name)).transpose()?;
    let first_id = next_id(existing.as_deref().unwrap_or(b"")).max(next_id(&xml));

    let mut ranges = Vec::new();
    // Each comment's id, and whether it is on its finding's own characters.
    let mut placed: Vec<(u32, bool)> = Vec::new();
    let mut comments = String::new();
    for (k, d) in diagnostics.iter().enumerate() {
        let id = first_id + k as u32;
        let Some((range, exact)) = range_of(doc, &map, d, id) else { continue };
        ranges.push(range);
        placed.push((id, exact));
        comments.push_str(&comment_xml(id, d, exact));
    }
    let mut next = first_id + diagnostics.len() as u32;
    // Each safe fix's edits, as replacements tagged with the fix they belong to.
    let mut replacements: Vec<(usize, Replacement)> = Vec::new();
    let mut safe_fixes = 0usize;
    if options.fix_as_revisions {
        for (k, d) in diagnostics.iter().enumerate() {
            let Some(fix) = d.fix.as_ref().filter(|f| f.safe_as_revision) else { continue };
            safe_fixes += 1;
            for e in &fix.edits {
                let Some(p) = doc.paragraph_at(e.span.start).filter(|p| e.span.end <= p.line.end) else {
                    // An edit across paragraphs: the whole fix stays advice.
                    replacements.retain(|(f, _)| *f != k);
                    break;
                };
                next += 2;
                replacements.push((
                    k,
                    Replacement {
                        paragraph: p.text_line,
                        start: e.span.start - p.line.start,
                        end: e.span.end - p.line.start,
                        text: e.replacement.clone(),
                        ids: (next - 2, next - 1),
                    },
                ));
            }
        }
    }
    // A fix is written whole or not at all: a trial patch finds the edits that cannot be placed
    // (across runs, overlapping another), and their fixes are left out.
    let trial = patch(&xml, &map, &[], &replacements.iter().map(|(_, r)| r.clone()).collect::<Vec<_>>());
    let failed: Vec<usize> =
        (0..replacements.len()).filter(|i| !trial.replaced.contains(i)).map(|i| replacements[i].0).collect();
    replacements.retain(|(f, _)| !failed.contains(f));
    let written: Vec<Replacement> = replacements.iter().map(|(_, r)| r.clone()).collect();
    let patched = patch(&xml, &map, &ranges, &written);
    if !patched.unplaced.is_empty() {
        // Ranges that found no character have no comment either.
        comments = remove_comments(&comments, &patched.unplaced);
        placed.retain(|(id, _)| !patched.unplaced.contains(id));
    }
    let on_characters = placed.iter().filter(|p| p.1).count();
    let on_paragraphs = placed.len() - on_characters;
    let mut revised: Vec<usize> = patched.replaced.iter().map(|i| replacements[*i].0).collect();
    revised.dedup();
    let revisions = revised.len();

    let mut changed = BTreeMap::new();
    changed.insert(package.main.clone(), patched.xml);
    match (&package.comments, existing) {
        (Some(name), Some(old)) => {
            let text = String::from_utf8_lossy(&old);
            let merged = insert_before_root_end(&text, &comments).ok_or("批注部件无法读取")?;
            changed.insert(name.clone(), merged.into_bytes());
        }
        _ => {
            let dir = package.main.rsplit_once('/').map_or("", |(d, _)| d);
            let mut name = if dir.is_empty() { "comments.xml".to_string() } else { format!("{dir}/comments.xml") };
            if package.has(&name) {
                name = name.replace("comments.xml", "gwlint-comments.xml");
            }
            let target = name.rsplit_once('/').map_or(name.as_str(), |(_, f)| f).to_string();
            let rels = package.part(&package.main_rels).ok();
            changed.insert(package.main_rels.clone(), add_comments_relationship(rels.as_deref(), &target));
            let types = package.part("[Content_Types].xml")?;
            changed.insert("[Content_Types].xml".into(), add_comments_content_type(&types, &name)?);
            changed.insert(
                name,
                format!(
                    "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<w:comments xmlns:w=\"{W_NS}\">{comments}</w:comments>"
                )
                .into_bytes(),
            );
        }
    }
    Ok(Annotated {
        bytes: package.rewrite(&changed)?,
        on_characters,
        on_paragraphs,
        revisions,
        fixes_as_advice: safe_fixes.saturating_sub(revisions),
    })
}

/// The comment range of a finding: its characters within its paragraph, or (for a finding on no
/// character) the whole of the nearest paragraph with text. The bool says which.
fn range_of(doc: &Document, map: &DocxMap, d: &Diagnostic, id: u32) -> Option<(CommentRange, bool)> {
    if let Some(p) = doc.paragraph_at(d.span.start) {
        let start = d.span.start - p.line.start;
        let end = d.span.end.min(p.line.end).saturating_sub(p.line.start);
        if end > start && map.paragraphs.get(p.text_line).is_some_and(|m| m.text.len() >= end) {
            return Some((CommentRange { id, paragraph: p.text_line, start, end }, true));
        }
    }
    // The nearest paragraph with text at or after the finding, else before it.
    let line = doc.paragraph_at(d.span.start).map_or(0, |p| p.text_line);
    let has_text = |i: &usize| map.paragraphs[*i].text.chars().any(|c| !c.is_whitespace());
    let near = (line..map.paragraphs.len())
        .find(has_text)
        .or_else(|| (0..line.min(map.paragraphs.len())).rev().find(has_text))?;
    let len = map.paragraphs[near].text.len();
    Some((CommentRange { id, paragraph: near, start: 0, end: len }, false))
}

/// One `w:comment`: the message, the rule, the help, the fix and the clause, one paragraph each.
fn comment_xml(id: u32, d: &Diagnostic, exact: bool) -> String {
    let mut lines = Vec::new();
    lines.push(if exact {
        d.message.clone()
    } else {
        format!("（本条针对全文，不针对这段文字）{}", d.message)
    });
    lines.push(format!("{} {}（{}）", d.code, d.name, d.severity.label_zh()));
    if let Some(help) = &d.help {
        lines.push(format!("说明：{help}"));
    }
    if let Some(fix) = &d.fix {
        lines.push(format!("建议：{}", fix.title));
    }
    if let Some(source) = &d.source {
        lines.push(format!("依据：{source}"));
    }
    let body: String = lines
        .iter()
        .map(|l| format!("<w:p><w:r><w:t xml:space=\"preserve\">{}</w:t></w:r></w:p>", escape(l)))
        .collect();
    format!("<w:comment xmlns:w=\"{W_NS}\" w:id=\"{id}\" w:author=\"{AUTHOR}\" w:initials=\"GW\">{body}</w:comment>")
}

fn remove_comments(comments: &str, ids: &[u32]) -> String {
    comments
        .split_inclusive("</w:comment>")
        .filter(|c| !ids.iter().any(|id| c.contains(&format!(" w:id=\"{id}\" "))))
        .collect()
}

/// One more than the largest `w:id` in a part (0 when there is none).
fn next_id(xml: &[u8]) -> u32 {
    let text = String::from_utf8_lossy(xml);
    text.match_indices("w:id=\"")
        .filter_map(|(i, m)| {
            let rest = &text[i + m.len()..];
            rest[..rest.find('"')?].parse::<u32>().ok()
        })
        .max()
        .map_or(0, |m| m.saturating_add(1))
}
