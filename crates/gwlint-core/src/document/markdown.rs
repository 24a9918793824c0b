//! The Markdown reader. 公文 structure is line based (署名 and 成文日期 are separate lines,
//! an indented paragraph is prose, not code), so the text keeps the source's lines and
//! pulldown-cmark is used only to find which bytes are markup: emphasis and heading markers,
//! link destinations, HTML, escapes and fenced code are removed; list numbers are kept.

use pulldown_cmark::{CodeBlockKind, Event, Options, Parser, Tag, TagEnd};

use super::SourceMap;

pub fn to_plain(source: &str) -> (String, SourceMap) {
    let keep = kept_bytes(source);
    let mut text = String::with_capacity(source.len());
    let mut map = SourceMap::default();
    map.push(0, 0);
    let mut line_start = 0;
    for line in crate::text::lines_with_breaks(source) {
        let content_end = line_start + line.trim_end_matches(['\n', '\r']).len();
        let mut i = line_start;
        while i < content_end {
            if !keep[i] {
                i += 1;
                continue;
            }
            let run_start = i;
            while i < content_end && keep[i] {
                i += 1;
            }
            map.push(text.len(), run_start);
            text.push_str(&source[run_start..i]);
        }
        if content_end < line_start + line.len() {
            map.push(text.len(), content_end);
            text.push('\n');
        }
        line_start += line.len();
    }
    (text, map)
}

/// Which source bytes are document text (as opposed to Markdown syntax).
fn kept_bytes(source: &str) -> Vec<bool> {
    let mut keep = vec![false; source.len()];
    let mut in_fenced = false;
    let mut lists: Vec<bool> = Vec::new(); // true = ordered
    for (event, range) in Parser::new_ext(source, Options::empty()).into_offset_iter() {
        match event {
            Event::Start(Tag::CodeBlock(CodeBlockKind::Fenced(_))) => in_fenced = true,
            Event::End(TagEnd::CodeBlock) => in_fenced = false,
            Event::Start(Tag::List(start)) => lists.push(start.is_some()),
            Event::End(TagEnd::List(_)) => {
                lists.pop();
            }
            Event::Start(Tag::Item) if lists.last() == Some(&true) => {
                // Keep the "1." of an ordered list: in a 公文 it is an outline number.
                let marker = &source[range.clone()];
                let digits = marker.bytes().take_while(u8::is_ascii_digit).count();
                let end = (range.start + digits + 1).min(range.end);
                keep[range.start..end].iter_mut().for_each(|k| *k = true);
            }
            Event::Text(_) | Event::Code(_) if !in_fenced => {
                keep[range].iter_mut().for_each(|k| *k = true);
            }
            _ => {}
        }
    }
    keep
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn indented_paragraphs_stay_prose_and_markup_goes() {
        let src = "# 关于做好安全生产工作的通知\n\n各区人民政府：\n    为切实做好**安全**生产工作，现通知如下。\n1. 坚持安全第一\n```\ncode\n```\n<!-- 注释 -->\n";
        let (text, map) = to_plain(src);
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(lines[0], "关于做好安全生产工作的通知");
        assert_eq!(lines[3], "为切实做好安全生产工作，现通知如下。");
        assert_eq!(lines[4], "1.坚持安全第一");
        assert!(!text.contains("code"));
        assert!(!text.contains("注释"));
        let off = text.find("生产工作，").unwrap();
        assert_eq!(&src[map.to_source(off)..map.to_source(off) + 6], "生产");
    }

    #[test]
    fn a_lone_cr_ends_a_line() {
        let src = "标题\r正文,内容\r";
        let (text, map) = to_plain(src);
        assert_eq!(text, "标题\n正文,内容\n");
        let off = text.find(',').unwrap();
        assert_eq!(&src[map.to_source(off)..map.to_source(off) + 1], ",");
    }

    #[test]
    fn setext_underline_and_escapes_are_removed() {
        let (text, _) = to_plain("一、总体要求\n---\n落实\\*责任\n");
        assert_eq!(text, "一、总体要求\n\n落实*责任\n");
    }
}
