//! The plain-text reader: normalise line endings, keep everything else.

use super::SourceMap;

/// `text` is `source` with CRLF and lone CR turned into LF.
pub fn to_plain(source: &str) -> (String, SourceMap) {
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn crlf_is_normalised_and_mapped() {
        let src = "标题\r\n正文，\r\n";
        let (text, map) = to_plain(src);
        assert_eq!(text, "标题\n正文，\n");
        let off = text.find('，').unwrap();
        assert_eq!(&src[map.to_source(off)..map.to_source(off) + 3], "，");
    }
}
