//! The plain-text reader: normalise line endings, keep everything else.

use super::SourceMap;

/// `text` is `source` with CRLF and lone CR turned into LF, and the `remove` ranges (suppression
/// comments) taken out.
pub fn to_plain(source: &str, remove: &[std::ops::Range<usize>]) -> (String, SourceMap) {
    if !remove.is_empty() {
        return without(source, remove);
    }
    let mut map = SourceMap::identity();
    if !source.contains('\r') {
        return (source.to_string(), map);
    }
    let mut text = String::with_capacity(source.len());
    let bytes = source.as_bytes();
    let mut last = 0;
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'\r' {
            text.push_str(&source[last..i]);
            text.push('\n');
            let skip = if bytes.get(i + 1) == Some(&b'\n') { 2 } else { 1 };
            i += skip;
            last = i;
            map.push(text.len(), i);
        } else {
            i += 1;
        }
    }
    text.push_str(&source[last..]);
    (text, map)
}

/// The general path: copy everything but the removed ranges, normalising line endings.
fn without(source: &str, remove: &[std::ops::Range<usize>]) -> (String, SourceMap) {
    let mut text = String::with_capacity(source.len());
    let mut map = SourceMap::default();
    map.push(0, 0);
    let bytes = source.as_bytes();
    let mut i = 0;
    let mut r = remove.iter().peekable();
    while i < bytes.len() {
        if let Some(range) = r.peek() {
            if i >= range.start {
                i = i.max(range.end);
                r.next();
                map.push(text.len(), i);
                continue;
            }
        }
        if bytes[i] == b'\r' {
            text.push('\n');
            i += if bytes.get(i + 1) == Some(&b'\n') { 2 } else { 1 };
            map.push(text.len(), i);
            continue;
        }
        let ch = source[i..].chars().next().expect("char boundary");
        text.push(ch);
        i += ch.len_utf8();
    }
    (text, map)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn crlf_is_normalised_and_mapped() {
        let src = "标题\r\n正文，\r\n";
        let (text, map) = to_plain(src, &[]);
        assert_eq!(text, "标题\n正文，\n");
        let off = text.find('，').unwrap();
        assert_eq!(&src[map.to_source(off)..map.to_source(off) + 3], "，");
    }

    #[test]
    fn removed_comments_keep_positions() {
        let src = "标题\r\n// gwlint-disable GW401\r\n正文,内容\r\n";
        let start = src.find("//").unwrap();
        let end = src[start..].find('\r').unwrap() + start;
        let remove = vec![std::ops::Range { start, end }];
        let (text, map) = to_plain(src, &remove);
        assert_eq!(text, "标题\n\n正文,内容\n");
        let off = text.find(',').unwrap();
        assert_eq!(&src[map.to_source(off)..map.to_source(off) + 1], ",");
    }
}
