//! Stable fingerprints of findings, for baselines and SARIF `partialFingerprints`.
//!
//! The hash is specified here, not borrowed from the standard library (whose `DefaultHasher`
//! may change between Rust releases and would silently invalidate every stored baseline):
//! 64-bit FNV-1a over the UTF-8 bytes of the fields, each field followed by the byte 0x1F (unit
//! separator), printed as 16 lowercase hex digits. The fields are the path as given, the rule
//! code, up to 12 characters before the finding on its line, the flagged text, and up to 12
//! characters after it on its line. The position is not hashed, so edits elsewhere in the file
//! keep the fingerprint.

use crate::diagnostic::Diagnostic;
use crate::document::Document;

const FNV_OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
const FNV_PRIME: u64 = 0x0000_0100_0000_01b3;

/// 64-bit FNV-1a of a sequence of fields, each terminated by 0x1F.
pub fn fnv1a64<'a>(fields: impl IntoIterator<Item = &'a [u8]>) -> u64 {
    let mut h = FNV_OFFSET;
    for field in fields {
        for &b in field.iter().chain(std::iter::once(&0x1F)) {
            h ^= u64::from(b);
            h = h.wrapping_mul(FNV_PRIME);
        }
    }
    h
}

/// Characters of context taken on each side of a finding.
const CONTEXT_CHARS: usize = 12;

/// The fingerprint of a finding: file, rule and the text around it on its line.
pub fn finding(path: &str, doc: &Document, d: &Diagnostic) -> String {
    let (before, found, after) = context(doc, d);
    let h = fnv1a64([path.as_bytes(), d.code.as_bytes(), before.as_bytes(), found.as_bytes(), after.as_bytes()]);
    format!("{h:016x}")
}

/// The text before (in reading order), at and after a finding, on its line only, so an edit in
/// a neighbouring paragraph changes nothing.
pub fn context<'a>(doc: &'a Document, d: &Diagnostic) -> (&'a str, &'a str, &'a str) {
    let text = doc.text.as_str();
    let start = d.span.start.min(text.len());
    let end = d.span.end.min(text.len());
    // Where the context starts and ends: the bytes of the characters taken, not copies of them.
    let from = text[..start]
        .char_indices()
        .rev()
        .take_while(|&(_, c)| c != '\n')
        .take(CONTEXT_CHARS)
        .last()
        .map_or(start, |(i, _)| i);
    let to = text[end..]
        .char_indices()
        .take_while(|&(_, c)| c != '\n')
        .take(CONTEXT_CHARS)
        .last()
        .map_or(end, |(i, c)| end + i + c.len_utf8());
    (&text[from..start], doc.slice(d.span), &text[end..to])
}

/// The fingerprint of an arbitrary byte string (files read, to detect a change before a fix is
/// written back). Never stored, so not FNV-1a: eight bytes a step (a byte a step cost as much
/// as reading a page of text does), each word mixed by a multiplication and a shift, the length
/// mixed in last.
pub fn of_bytes(bytes: &[u8]) -> u64 {
    const K: u64 = 0x9E37_79B9_7F4A_7C15;
    let step = |h: u64, word: u64| {
        let h = (h ^ word).wrapping_mul(K);
        h ^ (h >> 29)
    };
    let mut words = bytes.chunks_exact(8);
    let mut h = FNV_OFFSET;
    for w in &mut words {
        h = step(h, u64::from_le_bytes(w.try_into().expect("8 bytes")));
    }
    let mut last = [0u8; 8];
    last[..words.remainder().len()].copy_from_slice(words.remainder());
    h = step(h, u64::from_le_bytes(last));
    step(h, bytes.len() as u64)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Document, Linter, SourceKind};

    /// FNV-1a's published test vectors (without our separator) pin the algorithm itself.
    #[test]
    fn fnv1a_matches_the_reference() {
        let plain = |s: &[u8]| s.iter().fold(FNV_OFFSET, |h, &b| (h ^ u64::from(b)).wrapping_mul(FNV_PRIME));
        assert_eq!(plain(b""), 0xcbf29ce484222325);
        assert_eq!(plain(b"a"), 0xaf63dc4c8601ec8c);
        assert_eq!(plain(b"foobar"), 0x85944171f73967e8);
        assert_eq!(fnv1a64([&b"a"[..]]), plain(b"a\x1f"));
    }

    /// A change anywhere in a file, its length included, changes its fingerprint.
    #[test]
    fn a_changed_byte_string_has_another_fingerprint() {
        let text = "关于开展检查的请示\n市政府：\n经研究，拟开展检查。\n".as_bytes();
        let mut seen = std::collections::HashSet::new();
        assert!(seen.insert(of_bytes(text)));
        for i in 0..text.len() {
            let mut changed = text.to_vec();
            changed[i] ^= 1;
            assert!(seen.insert(of_bytes(&changed)), "byte {i}");
            assert!(seen.insert(of_bytes(&text[..i])), "the first {i} bytes");
        }
        assert!(seen.insert(of_bytes(&[text, &[0]].concat())), "a zero byte more");
        assert_eq!(of_bytes(text), of_bytes(text));
    }

    /// A known finding has a known fingerprint (computed independently with Python): a change
    /// here invalidates users' baselines.
    #[test]
    fn a_known_finding_keeps_its_fingerprint() {
        let doc =
            Document::from_text("a.txt", SourceKind::Txt, "关于开展检查的请示\n\n市政府：\n经研究,拟开展检查。\n")
                .unwrap();
        let d = Linter::with_defaults().check(&doc).into_iter().find(|d| d.code == "GW401").unwrap();
        let (before, found, after) = context(&doc, &d);
        assert_eq!((before, found, after), ("经研究", ",", "拟开展检查。"));
        assert_eq!(finding("a.txt", &doc, &d), "8b6a5e0ca0793c28");
    }

    /// The context is the characters a reading of them one by one takes: up to twelve on each
    /// side, on the finding's line, for every span of a text of short and long lines, empty
    /// ones and characters of one to four bytes.
    #[test]
    fn the_context_is_the_characters_around_on_the_line() {
        let text = "关于开展检查的请示\n\n短\n经研究,拟开展安全生产大检查并于2025年完成全部工作𠀀任务ab。\n末行";
        let doc = Document::from_text("a.txt", SourceKind::Txt, text).unwrap();
        let taken = |chars: &mut dyn Iterator<Item = char>| -> Vec<char> {
            chars.take_while(|&c| c != '\n').take(CONTEXT_CHARS).collect()
        };
        let bounds: Vec<usize> = doc.text.char_indices().map(|(i, _)| i).chain([doc.text.len()]).collect();
        let found = Linter::with_defaults().check(&doc).into_iter().next().expect("a finding");
        let mut spans = 0;
        for (k, &start) in bounds.iter().enumerate() {
            for &end in &bounds[k..(k + 3).min(bounds.len())] {
                let d = Diagnostic { span: crate::span::Span::new(start, end), ..found.clone() };
                let mut before = taken(&mut doc.text[..start].chars().rev());
                before.reverse();
                let after = taken(&mut doc.text[end..].chars());
                let (b, found, a) = context(&doc, &d);
                assert_eq!(
                    (b.chars().collect::<Vec<_>>(), found, a.chars().collect::<Vec<_>>()),
                    (before, &doc.text[start..end], after)
                );
                spans += 1;
            }
        }
        assert_eq!(spans, 3 * bounds.len() - 3);
    }
}
