//! Checks a .docx before docx-rs sees it. docx-rs loops forever on truncated XML, panics on a
//! corrupt deflate stream and overflows the stack on deeply nested tables (rust-stack.md §2.1.3);
//! this pass reads every part and checks it is well-formed first, within size limits.

use quick_xml::events::Event;
use std::io::Read;

/// Limits that keep a hostile file from exhausting memory or time.
const MAX_PARTS: usize = 5_000;
const MAX_PART_BYTES: u64 = 64 * 1024 * 1024;
const MAX_TOTAL_BYTES: u64 = 256 * 1024 * 1024;
const MAX_RATIO: u64 = 200;
/// XML nesting depth. Real documents stay far below; ~30 nested tables reach it. It keeps
/// docx-rs's recursion well inside a 2 MiB thread stack.
pub const MAX_DEPTH: usize = 128;

/// The parts a reader needs, already decompressed and checked.
pub struct Parts {
    pub document_xml: Vec<u8>,
}

/// Why a .docx is rejected (Chinese, shown to drafters).
pub fn preflight(bytes: &[u8]) -> Result<Parts, String> {
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes))
        .map_err(|_| "不是有效的 .docx 文件：zip 结构损坏或文件被截断".to_string())?;
    if zip.len() > MAX_PARTS {
        return Err(format!("文件包含 {} 个部件，超过上限 {MAX_PARTS}", zip.len()));
    }
    if zip.index_for_name("word/document.xml").is_none() {
        return Err("缺少 word/document.xml：这不是 Word 文档（可能是改了扩展名的其他文件，如 .xlsx）".into());
    }
    let mut total = 0u64;
    let mut document_xml = Vec::new();
    for i in 0..zip.len() {
        let mut f = zip.by_index(i).map_err(|e| format!("zip 部件 {i} 无法读取：{e}"))?;
        let name = f.name().to_string();
        let (size, compressed) = (f.size(), f.compressed_size());
        total += size;
        if size > MAX_PART_BYTES || total > MAX_TOTAL_BYTES {
            return Err(format!("{name}：解压后过大（{size} 字节），疑似压缩炸弹"));
        }
        if size > 1024 * 1024 && compressed > 0 && size / compressed > MAX_RATIO {
            return Err(format!("{name}：压缩比异常（{}:1），疑似压缩炸弹", size / compressed));
        }
        if !(name.ends_with(".xml") || name.ends_with(".rels")) {
            continue;
        }
        let mut data = Vec::with_capacity(size as usize);
        (&mut f)
            .take(MAX_PART_BYTES + 1)
            .read_to_end(&mut data)
            .map_err(|e| format!("{name}：解压失败（{e}），文件已损坏"))?;
        check_xml(&name, &data)?;
        if name == "word/document.xml" {
            document_xml = data;
        }
    }
    Ok(Parts { document_xml })
}

/// Well-formed, closed at the end, and not nested deeper than `MAX_DEPTH`.
fn check_xml(name: &str, data: &[u8]) -> Result<(), String> {
    let mut reader = quick_xml::Reader::from_reader(data);
    let mut buf = Vec::new();
    let mut depth = 0usize;
    loop {
        let pos = reader.buffer_position();
        match reader.read_event_into(&mut buf) {
            Ok(Event::Start(_)) => {
                depth += 1;
                if depth > MAX_DEPTH {
                    return Err(format!("{name}：XML 嵌套超过 {MAX_DEPTH} 层（第 {pos} 字节），文件异常"));
                }
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
    Ok(())
}
