//! Rewriting a .docx package: the parts gwlint changes (the main part, the comments part, the
//! relationships and content types when a comments part is added) are written anew; every other
//! part is copied as it was stored, compressed bytes and all.

use std::collections::BTreeMap;
use std::io::{Cursor, Write};

use crate::document::docx_preflight::{read_bounded, relationships, resolve};

/// The largest part read into memory (the preflight's bound).
const MAX_PART_BYTES: u64 = 48 * 1024 * 1024;

const COMMENTS_TYPE: &str = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments";
const COMMENTS_CONTENT_TYPE: &str = "application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml";
pub const W_NS: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

/// An opened package and the names of the parts gwlint reads or writes.
pub struct Package<'a> {
    bytes: &'a [u8],
    /// The main part (word/document.xml or what the relationships name).
    pub main: String,
    /// Its relationships part (word/_rels/document.xml.rels).
    pub main_rels: String,
    /// The comments part the main part's relationships name, if any.
    pub comments: Option<String>,
}

impl<'a> Package<'a> {
    pub fn open(bytes: &'a [u8]) -> Result<Package<'a>, String> {
        let mut zip = archive(bytes)?;
        let main = read(&mut zip, "_rels/.rels")
            .ok()
            .and_then(|rels| {
                relationships(&rels)
                    .into_iter()
                    .find(|(kind, _, external)| kind.ends_with("/officeDocument") && !external)
            })
            .map_or_else(|| "word/document.xml".to_string(), |(_, target, _)| resolve("", &target));
        let (dir, file) = main.rsplit_once('/').map_or(("", main.as_str()), |(d, f)| (d, f));
        let dir = if dir.is_empty() { String::new() } else { format!("{dir}/") };
        let main_rels = format!("{dir}_rels/{file}.rels");
        let comments = read(&mut zip, &main_rels).ok().and_then(|rels| {
            relationships(&rels)
                .into_iter()
                .find(|(kind, _, external)| kind == COMMENTS_TYPE && !external)
                .map(|(_, target, _)| resolve(&dir, &target))
        });
        Ok(Package { bytes, main, main_rels, comments })
    }

    /// A part's bytes.
    pub fn part(&self, name: &str) -> Result<Vec<u8>, String> {
        read(&mut archive(self.bytes)?, name)
    }

    /// Whether the package has a part of this name.
    pub fn has(&self, name: &str) -> bool {
        archive(self.bytes).is_ok_and(|z| z.index_for_name(name).is_some())
    }

    /// The package with `changed` parts replaced or added; the others copied as stored.
    pub fn rewrite(&self, changed: &BTreeMap<String, Vec<u8>>) -> Result<Vec<u8>, String> {
        let mut zip = archive(self.bytes)?;
        let mut w = zip::ZipWriter::new(Cursor::new(Vec::new()));
        let opts = zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Deflated);
        let fail = |e: &dyn std::fmt::Display| format!("无法写出 .docx（{e}）");
        let mut written = Vec::new();
        for i in 0..zip.len() {
            let f = zip.by_index_raw(i).map_err(|e| fail(&e))?;
            let name = f.name().to_string();
            match changed.get(&name) {
                Some(data) => {
                    drop(f);
                    w.start_file(name.as_str(), opts).map_err(|e| fail(&e))?;
                    w.write_all(data).map_err(|e| fail(&e))?;
                }
                None => w.raw_copy_file(f).map_err(|e| fail(&e))?,
            }
            written.push(name);
        }
        for (name, data) in changed {
            if !written.contains(name) {
                w.start_file(name.as_str(), opts).map_err(|e| fail(&e))?;
                w.write_all(data).map_err(|e| fail(&e))?;
            }
        }
        Ok(w.finish().map_err(|e| fail(&e))?.into_inner())
    }
}

fn archive(bytes: &[u8]) -> Result<zip::ZipArchive<Cursor<&[u8]>>, String> {
    zip::ZipArchive::new(Cursor::new(bytes)).map_err(|_| "不是有效的 .docx 文件：zip 结构损坏或文件被截断".to_string())
}

fn read(zip: &mut zip::ZipArchive<Cursor<&[u8]>>, name: &str) -> Result<Vec<u8>, String> {
    let mut f = zip.by_name(name).map_err(|_| format!(".docx 中没有部件 {name}"))?;
    let data = read_bounded(&mut f, MAX_PART_BYTES + 1).map_err(|e| format!("部件 {name} 无法读取：{e}"))?;
    if data.len() as u64 > MAX_PART_BYTES {
        return Err(format!("部件 {name} 超过 {} MB", MAX_PART_BYTES >> 20));
    }
    Ok(data)
}

/// The relationships part with a comments relationship added (a new part when there was none).
pub fn add_comments_relationship(rels: Option<&[u8]>, target: &str) -> Vec<u8> {
    let text = rels.map(String::from_utf8_lossy).unwrap_or_default();
    let mut n = 1;
    while text.contains(&format!("Id=\"rIdGwlint{n}\"")) {
        n += 1;
    }
    let rel = format!("<Relationship Id=\"rIdGwlint{n}\" Type=\"{COMMENTS_TYPE}\" Target=\"{target}\"/>");
    insert_before_root_end(&text, &rel).unwrap_or_else(|| {
        format!(
            "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">{rel}</Relationships>"
        )
    })
    .into_bytes()
}

/// [Content_Types].xml with an override for a new comments part.
pub fn add_comments_content_type(types: &[u8], part: &str) -> Result<Vec<u8>, String> {
    let text = String::from_utf8_lossy(types);
    let entry = format!("<Override PartName=\"/{part}\" ContentType=\"{COMMENTS_CONTENT_TYPE}\"/>");
    insert_before_root_end(&text, &entry)
        .map(String::into_bytes)
        .ok_or_else(|| "[Content_Types].xml 无法读取".to_string())
}

/// `text` with `insert` put before the root element's end tag.
pub fn insert_before_root_end(text: &str, insert: &str) -> Option<String> {
    let end = text.rfind("</")?;
    Some(format!("{}{insert}{}", &text[..end], &text[end..]))
}
