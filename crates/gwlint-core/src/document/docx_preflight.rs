//! Checks a .docx before any reader sees it, and decides whether docx-rs may read it.
//!
//! docx-rs loops forever on an empty or wrong-root part, panics on a corrupt deflate stream,
//! overflows the stack on deeply nested tables, allocates whatever a zip header claims and takes
//! about 150 bytes of memory per byte of document.xml (rust-stack.md §2.1.3). So:
//!
//! - the file's signature is read first: an encrypted .docx (an OLE compound file), a .doc, a
//!   PDF, an RTF or an ODT renamed .docx gets a message that says what it is;
//! - every part is judged by its content, not its name: a part that starts like XML is inflated
//!   with a bound on the bytes actually produced (never the size its header claims), checked to
//!   be well formed, closed and not nested deeper than `MAX_DEPTH`;
//! - the parts docx-rs reads through the package's relationships must have the root element their
//!   relationship promises (a `styles` part is `<w:styles>` …);
//! - docx-rs then reads a clean copy of the package: the XML parts only (no images: gwlint needs no
//!   pixels), stored with their true sizes. When anything is wrong, or document.xml is too large
//!   for docx-rs's memory use, the text is read without docx-rs (the layout rules do not run) and
//!   the reason is given.

use quick_xml::events::Event;
use std::collections::HashMap;
use std::io::{Read, Write};

/// Limits that keep a hostile file from exhausting memory or time.
const MAX_PARTS: usize = 5_000;
const MAX_PART_BYTES: u64 = 48 * 1024 * 1024;
const MAX_TOTAL_BYTES: u64 = 64 * 1024 * 1024;
/// Inflation ratio above which a large XML part is a compression bomb (real XML: 5–20:1).
const MAX_RATIO: u64 = 200;
/// XML nesting depth. Real documents stay far below; ~30 nested tables reach it. It keeps
/// docx-rs's recursion well inside its thread's stack.
pub const MAX_DEPTH: usize = 128;
/// The largest document.xml handed to docx-rs (it needs about 150× this in memory); larger
/// documents are read as text only.
pub const MAX_DOCX_RS_DOCUMENT_BYTES: usize = 2 * 1024 * 1024;

/// What the readers get.
pub struct Parts {
    /// The main part (word/document.xml, or whatever the package's relationships name), checked.
    pub document_xml: Vec<u8>,
    /// A clean package for docx-rs, or why docx-rs must not read this file.
    pub for_docx_rs: Result<Vec<u8>, String>,
}

/// Why a .docx is rejected (Chinese, shown to drafters), or its parts.
pub fn preflight(bytes: &[u8]) -> Result<Parts, String> {
    if let Some(kind) = foreign_format(bytes) {
        return Err(kind);
    }
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes))
        .map_err(|_| "不是有效的 .docx 文件：zip 结构损坏或文件被截断".to_string())?;
    if zip.len() > MAX_PARTS {
        return Err(format!("文件包含 {} 个部件，超过上限 {MAX_PARTS}", zip.len()));
    }
    if zip
        .by_name("mimetype")
        .ok()
        .and_then(|mut f| read_bounded(&mut f, 200).ok())
        .is_some_and(|m| String::from_utf8_lossy(&m).contains("opendocument"))
    {
        return Err("这是 OpenDocument（.odt）文档：请在 WPS 或 Word 中“另存为” .docx 后再检查".into());
    }
    // The main part is the one the package's relationships name (Word opens that one, whatever
    // else is called document.xml).
    let main = zip
        .by_name("_rels/.rels")
        .ok()
        .and_then(|mut f| read_bounded(&mut f, 1024 * 1024).ok())
        .and_then(|rels| {
            relationships(&rels).into_iter().find(|(kind, _, external)| kind.ends_with("/officeDocument") && !external)
        })
        .map_or_else(|| "word/document.xml".to_string(), |(_, target, _)| resolve("", &target));
    let mut total = 0u64;
    // Each XML part with its root element, scanned once.
    let mut xml_parts: Vec<XmlPart> = Vec::new();
    let mut broken: Option<String> = None;
    for i in 0..zip.len() {
        let mut f = zip.by_index(i).map_err(|e| format!("zip 部件 {i} 无法读取：{e}"))?;
        let name = f.name().to_string();
        if f.is_dir() {
            continue;
        }
        // The first bytes say whether the part is XML; other parts (images, fonts, embedded
        // files) are never inflated further and never handed on.
        let mut head = Vec::with_capacity(64);
        (&mut f).take(64).read_to_end(&mut head).map_err(|e| format!("{name}：解压失败（{e}），文件已损坏"))?;
        if !looks_like_xml(&head) {
            continue;
        }
        let mut data = head;
        let limit = MAX_PART_BYTES.min(MAX_TOTAL_BYTES - total);
        (&mut f)
            .take((limit + 1).saturating_sub(data.len() as u64))
            .read_to_end(&mut data)
            .map_err(|e| format!("{name}：解压失败（{e}），文件已损坏"))?;
        if data.len() as u64 > limit {
            return Err(format!("{name}：解压后超过 {} MB，疑似压缩炸弹", limit / (1024 * 1024)));
        }
        let (size, compressed) = (data.len() as u64, f.compressed_size().max(1));
        if size > 1024 * 1024 && size / compressed > MAX_RATIO {
            return Err(format!("{name}：压缩比异常（{}:1），疑似压缩炸弹", size / compressed));
        }
        total += data.len() as u64;
        let scanned = scan_xml(&name, &data);
        if name == main {
            // The main part's text is read by an iterative pass: only a malformed main part is
            // fatal; one nested too deep for docx-rs is read as text only.
            scanned.clone()?;
        }
        let root = scanned.as_ref().map(|(r, _)| r.clone()).unwrap_or_default();
        match scanned.and_then(|s| limit_depth(&name, s)) {
            Ok(_) => xml_parts.push(XmlPart { name, data, root }),
            Err(why) => {
                broken.get_or_insert(why);
                if name == main {
                    xml_parts.push(XmlPart { name, data, root });
                }
            }
        }
    }
    let Some(k) = xml_parts.iter().position(|p| p.name == main) else {
        return Err(if zip.index_for_name(&main).is_some() {
            format!("正文部件 {main} 的内容不是 XML：文件已损坏或被改动")
        } else {
            format!("缺少正文部件 {main}：这不是 Word 文档（可能是改了扩展名的其他文件，如 .xlsx）")
        });
    };
    let document_xml = xml_parts[k].data.clone();
    let for_docx_rs = match broken {
        Some(why) => Err(why),
        None => check_relationships(&xml_parts, &main).and_then(|()| {
            if document_xml.len() > MAX_DOCX_RS_DOCUMENT_BYTES {
                Err(format!("文档正文部件较大（{:.1} MB）", document_xml.len() as f64 / 1048576.0))
            } else {
                repack(&xml_parts)
            }
        }),
    };
    Ok(Parts { document_xml, for_docx_rs })
}

/// Read at most `limit` bytes.
pub(crate) fn read_bounded(r: &mut impl Read, limit: u64) -> std::io::Result<Vec<u8>> {
    let mut out = Vec::new();
    r.take(limit).read_to_end(&mut out)?;
    Ok(out)
}

/// Files that are not a .docx package, by their first bytes.
fn foreign_format(bytes: &[u8]) -> Option<String> {
    if bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) {
        return Some(
            "这是加密的 Word 文档（设置了打开密码），或旧版 .doc/.wps 文件改了扩展名：请在 Word 或 WPS 中取消密码，或“另存为” .docx 后再检查"
                .into(),
        );
    }
    if bytes.starts_with(b"%PDF") {
        return Some("这是 PDF 文件：gwlint 不读 PDF，请用原稿（.docx 或 .txt）检查".into());
    }
    if bytes.starts_with(b"{\\rtf") {
        return Some("这是 RTF 文件：请在 Word 或 WPS 中“另存为” .docx 后再检查".into());
    }
    None
}

/// Does a part start like XML (after a byte-order mark and white space)?
fn looks_like_xml(head: &[u8]) -> bool {
    let head = head.strip_prefix(&[0xEF, 0xBB, 0xBF]).unwrap_or(head);
    head.iter().find(|b| !b.is_ascii_whitespace()) == Some(&b'<')
}

/// An XML part: its name, its bytes and the local name of its root element.
struct XmlPart {
    name: String,
    data: Vec<u8>,
    root: String,
}

/// The root of a scanned part, when it is not nested deeper than `MAX_DEPTH` (docx-rs recurses).
fn limit_depth(name: &str, (root, depth): (String, usize)) -> Result<String, String> {
    if depth > MAX_DEPTH {
        return Err(format!("{name}：XML 嵌套达 {depth} 层（上限 {MAX_DEPTH}），文件异常"));
    }
    Ok(root)
}

/// Well-formed, closed at the end and with a root element: its local name and the deepest
/// nesting. Iterative, so any depth is safe here.
fn scan_xml(name: &str, data: &[u8]) -> Result<(String, usize), String> {
    let mut reader = quick_xml::Reader::from_reader(data);
    let mut buf = Vec::new();
    let (mut depth, mut deepest) = (0usize, 0usize);
    let mut root = None;
    loop {
        let pos = reader.buffer_position();
        match reader.read_event_into(&mut buf) {
            Ok(Event::Start(e)) => {
                if root.is_none() {
                    root = Some(String::from_utf8_lossy(e.local_name().as_ref()).into_owned());
                }
                depth += 1;
                deepest = deepest.max(depth);
            }
            Ok(Event::Empty(e)) if root.is_none() => {
                root = Some(String::from_utf8_lossy(e.local_name().as_ref()).into_owned());
            }
            Ok(Event::End(_)) => depth = depth.saturating_sub(1),
            Ok(Event::Eof) => break,
            Ok(_) => {}
            Err(e) => return Err(format!("{name}：XML 格式错误（第 {pos} 字节）：{e}")),
        }
        buf.clear();
    }
    if depth != 0 {
        return Err(format!("{name}：XML 被截断（还有 {depth} 层元素未闭合）"));
    }
    Ok((root.ok_or_else(|| format!("{name}：部件为空，没有 XML 内容"))?, deepest))
}

/// The root element each relationship type promises, for the types docx-rs reads.
const EXPECTED_ROOTS: &[(&str, &str)] = &[
    ("/styles", "styles"),
    ("/numbering", "numbering"),
    ("/settings", "settings"),
    ("/webSettings", "webSettings"),
    ("/comments", "comments"),
    ("/commentsExtended", "commentsEx"),
    ("/header", "hdr"),
    ("/footer", "ftr"),
    ("/theme", "theme"),
    ("/officeDocument", "document"),
    ("/custom-properties", "Properties"),
];

/// The parts docx-rs reads: the package's content types and relationships, the main part's
/// relationships, and every part a relationship of a type it reads points to, with the root
/// element that type promises.
fn check_relationships(parts: &[XmlPart], main: &str) -> Result<(), String> {
    let by_name: HashMap<&str, &XmlPart> = parts.iter().map(|p| (p.name.as_str(), p)).collect();
    let expect = |name: &str, expected: &str| -> Result<(), String> {
        let part = by_name.get(name).ok_or_else(|| format!("缺少部件 {name} 或其内容不是 XML"))?;
        if part.root != expected {
            return Err(format!("{name}：根元素应为 {expected}，实为 {}", part.root));
        }
        Ok(())
    };
    expect("[Content_Types].xml", "Types")?;
    expect("_rels/.rels", "Relationships")?;
    // docx-rs reads the main part's relationships (word/_rels/document.xml.rels) by that name.
    let (dir, file) = main.rsplit_once('/').map_or(("", main), |(d, f)| (d, f));
    expect(
        &if dir.is_empty() { format!("_rels/{file}.rels") } else { format!("{dir}/_rels/{file}.rels") },
        "Relationships",
    )?;
    for part in parts.iter().filter(|p| p.name.ends_with(".rels")) {
        expect(&part.name, "Relationships")?;
        let dir = part.name.rsplit_once("_rels/").map_or("", |(d, _)| d);
        for (kind, target, external) in relationships(&part.data) {
            let Some(&(_, expected)) = EXPECTED_ROOTS.iter().find(|(suffix, _)| kind.ends_with(suffix)) else {
                continue;
            };
            if !external {
                expect(&resolve(dir, &target), expected)?;
            }
        }
    }
    Ok(())
}

/// (Type, Target, external) of every Relationship in a .rels part.
pub(crate) fn relationships(data: &[u8]) -> Vec<(String, String, bool)> {
    let mut reader = quick_xml::Reader::from_reader(data);
    let mut buf = Vec::new();
    let mut out = Vec::new();
    loop {
        match reader.read_event_into(&mut buf) {
            Ok(Event::Start(e) | Event::Empty(e)) if e.local_name().as_ref() == b"Relationship" => {
                let attr = |key: &[u8]| {
                    e.attributes()
                        .flatten()
                        .find(|a| a.key.local_name().as_ref() == key)
                        .map(|a| String::from_utf8_lossy(&a.value).into_owned())
                        .unwrap_or_default()
                };
                out.push((attr(b"Type"), attr(b"Target"), attr(b"TargetMode") == "External"));
            }
            Ok(Event::Eof) | Err(_) => break,
            _ => {}
        }
        buf.clear();
    }
    out
}

/// A relationship target relative to the directory of its source part ("word/"), or absolute.
pub(crate) fn resolve(dir: &str, target: &str) -> String {
    let joined = match target.strip_prefix('/') {
        Some(abs) => abs.to_string(),
        None => format!("{dir}{target}"),
    };
    let mut out: Vec<&str> = Vec::new();
    for seg in joined.split(['/', '\\']) {
        match seg {
            "" | "." => {}
            ".." => {
                out.pop();
            }
            s => out.push(s),
        }
    }
    out.join("/")
}

/// The XML parts in a new package with true sizes (stored, not compressed).
fn repack(parts: &[XmlPart]) -> Result<Vec<u8>, String> {
    let mut w = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let opts = zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
    for p in parts {
        w.start_file(p.name.as_str(), opts).map_err(|e| format!("无法重新打包（{e}）"))?;
        w.write_all(&p.data).map_err(|e| format!("无法重新打包（{e}）"))?;
    }
    w.finish().map(|c| c.into_inner()).map_err(|e| format!("无法重新打包（{e}）"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn root_of(name: &str, data: &[u8]) -> Result<String, String> {
        limit_depth(name, scan_xml(name, data)?)
    }

    #[test]
    fn roots_and_depth() {
        assert_eq!(root_of("a", b"<?xml version=\"1.0\"?><w:styles xmlns:w=\"x\"><a/></w:styles>").unwrap(), "styles");
        assert!(root_of("a", b"").unwrap_err().contains("部件为空"));
        assert!(root_of("a", b"<a><b>").unwrap_err().contains("截断"));
        let deep = "<a>".repeat(MAX_DEPTH + 1) + &"</a>".repeat(MAX_DEPTH + 1);
        assert!(root_of("a", deep.as_bytes()).unwrap_err().contains("嵌套"));
        assert_eq!(scan_xml("a", deep.as_bytes()).unwrap(), ("a".to_string(), MAX_DEPTH + 1));
    }

    #[test]
    fn relationship_targets_resolve() {
        assert_eq!(resolve("word/", "styles.xml"), "word/styles.xml");
        assert_eq!(resolve("word/", "../customXml/item1.xml"), "customXml/item1.xml");
        assert_eq!(resolve("", "/word/document.xml"), "word/document.xml");
    }

    #[test]
    fn foreign_formats_are_named() {
        assert!(foreign_format(&[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0]).unwrap().contains("加密"));
        assert!(foreign_format(b"%PDF-1.7").unwrap().contains("PDF"));
        assert!(foreign_format(b"{\\rtf1").unwrap().contains("RTF"));
        assert!(foreign_format(b"PK\x03\x04").is_none());
    }
}
