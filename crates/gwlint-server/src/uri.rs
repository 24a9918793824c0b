//! file:// URIs: the local path of a document, the name that picks its reader, and the URI of a
//! local file (the rule pages).

use std::path::{Path, PathBuf};

use lsp_types::Uri;

/// The local path of a `file:` URI (`file:///home/a.md`, `file:///C:/a.md`), percent-decoded.
pub fn to_path(uri: &Uri) -> Option<PathBuf> {
    let rest = uri.as_str().strip_prefix("file://")?;
    let path = percent_decode(rest.split(['?', '#']).next().unwrap_or(rest));
    // A Windows drive: file:///C:/x → C:/x.
    let path = match path.as_bytes() {
        [b'/', d, b':', ..] if d.is_ascii_alphabetic() && cfg!(windows) => path[1..].to_string(),
        _ => path,
    };
    Some(PathBuf::from(path))
}

/// The file name a URI ends in; its extension picks the reader (.md, .txt, .docx). A name
/// without one (an untitled buffer) is read as plain text.
pub fn file_name(uri: &Uri) -> String {
    let path = uri.as_str().split(['?', '#']).next().unwrap_or_default();
    let name = percent_decode(path.rsplit(['/', ':']).next().unwrap_or_default());
    if name.contains('.') {
        name
    } else if name.is_empty() {
        "未命名.txt".to_string()
    } else {
        format!("{name}.txt")
    }
}

/// The name a document is linted under: its local path (per-file ignores match it), or for a
/// buffer without one (`untitled:`) the end of its URI.
pub fn document_name(uri: &Uri) -> String {
    to_path(uri).map_or_else(|| file_name(uri), |p| p.display().to_string())
}

/// The `file:` URI of a local path.
pub fn from_path(path: &Path) -> Option<Uri> {
    let text = path.to_str()?.replace('\\', "/");
    let mut out = String::from("file://");
    if !text.starts_with('/') {
        out.push('/');
    }
    for b in text.bytes() {
        if b.is_ascii_alphanumeric() || b"/-._~:".contains(&b) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out.parse().ok()
}

fn percent_decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            if let Some(b) = s.get(i + 1..i + 3).and_then(|h| u8::from_str_radix(h, 16).ok()) {
                out.push(b);
                i += 3;
                continue;
            }
        }
        out.push(bytes[i]);
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn uri(s: &str) -> Uri {
        s.parse().unwrap()
    }

    #[test]
    fn paths_and_names_of_file_uris() {
        let u = uri("file:///home/%E5%8A%9E%E5%85%AC%E5%AE%A4/%E8%AF%B7%E7%A4%BA%20v2.md");
        assert_eq!(to_path(&u), Some(PathBuf::from("/home/办公室/请示 v2.md")));
        assert_eq!(file_name(&u), "请示 v2.md");
        assert_eq!(file_name(&uri("untitled:Untitled-1")), "Untitled-1.txt");
        assert_eq!(to_path(&uri("untitled:Untitled-1")), None);
        assert_eq!(file_name(&uri("file:///tmp/%E9%80%9A%E7%9F%A5.docx")), "通知.docx");
        // A stray percent sign is kept as it is.
        assert_eq!(file_name(&uri("file:///tmp/100%25.txt")), "100%.txt");
    }

    #[test]
    fn a_local_path_round_trips_through_its_uri() {
        let p = Path::new("/缓存/gwlint 0.1/GW401.md");
        let u = from_path(p).unwrap();
        assert_eq!(u.as_str(), "file:///%E7%BC%93%E5%AD%98/gwlint%200.1/GW401.md");
        assert_eq!(to_path(&u).as_deref(), Some(p));
    }
}
