//! Turning the bytes of a text file into a `String`: BOM sniffing, UTF-8, GB18030/GBK and
//! UTF-16, with a clear error for binary data and undecodable bytes.

use encoding_rs::{Encoding, GB18030, UTF_16BE, UTF_16LE, UTF_8};

use super::ReadError;

/// The result of decoding: the text and the encoding that was used.
#[derive(Clone, Debug)]
pub struct Decoded {
    pub text: String,
    /// Canonical name, e.g. "UTF-8", "GB18030", "UTF-16LE".
    pub encoding: &'static str,
    pub bom: bool,
    /// True when the bytes were valid in more than one candidate encoding and the choice was a guess.
    pub guessed: bool,
    /// Bytes that are not valid in the encoding (a damaged UTF-8 file): each was read as U+FFFD.
    pub invalid: Vec<InvalidBytes>,
}

/// A run of bytes the encoding cannot decode, read as one U+FFFD.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct InvalidBytes {
    /// Byte offset of the U+FFFD in the decoded text.
    pub text_offset: usize,
    /// Byte offset in the file, and the bytes.
    pub file_offset: usize,
    pub bytes: Vec<u8>,
}

impl Decoded {
    pub fn new(text: String, encoding: &'static str, bom: bool, guessed: bool) -> Decoded {
        Decoded { text, encoding, bom, guessed, invalid: Vec::new() }
    }
}

/// Look up an encoding label given on the command line (`--encoding gbk`).
pub fn encoding_for_label(label: &str) -> Option<&'static Encoding> {
    let l = label.trim().to_ascii_lowercase();
    match l.as_str() {
        "gbk" | "gb2312" | "gb18030" | "cp936" => Some(GB18030),
        "utf8" | "utf-8" => Some(UTF_8),
        "utf16" | "utf-16" | "utf-16le" | "utf16le" => Some(UTF_16LE),
        "utf-16be" | "utf16be" => Some(UTF_16BE),
        _ => Encoding::for_label(l.as_bytes()),
    }
}

/// The encoding a `Document::encoding` name stands for (the inverse of `canonical_name`).
pub fn encoding_named(name: &str) -> &'static Encoding {
    Encoding::for_label(name.as_bytes()).unwrap_or(GB18030)
}

fn canonical_name(enc: &'static Encoding) -> &'static str {
    if enc == GB18030 || enc == encoding_rs::GBK {
        "GB18030"
    } else {
        enc.name()
    }
}

/// Decode `bytes`. With `forced`, only that encoding is tried.
pub fn decode(bytes: &[u8], forced: Option<&'static Encoding>) -> Result<Decoded, ReadError> {
    if bytes.is_empty() {
        return Err(ReadError::Empty);
    }
    let bom = Encoding::for_bom(bytes);
    if let Some(enc) = forced {
        let (body, had_bom) = match bom {
            Some((b, len)) if b == enc => (&bytes[len..], true),
            _ => (bytes, false),
        };
        return strict(enc, body).map(|text| Decoded::new(text, canonical_name(enc), had_bom, false)).ok_or_else(
            || ReadError::Undecodable {
                encoding: canonical_name(enc).to_string(),
                offset: first_bad_offset(enc, body),
            },
        );
    }
    if let Some((enc, len)) = bom {
        let body = &bytes[len..];
        return strict(enc, body).map(|text| Decoded::new(text, canonical_name(enc), true, false)).ok_or_else(|| {
            ReadError::Undecodable {
                encoding: canonical_name(enc).to_string(),
                offset: len + first_bad_offset(enc, body),
            }
        });
    }
    if looks_binary(bytes) {
        return Err(ReadError::Binary);
    }
    // Validated by encoding_rs (several times faster than `str::from_utf8` on Chinese text).
    if let Some(s) = UTF_8.decode_without_bom_handling_and_without_replacement(bytes) {
        // Short GBK text can be valid UTF-8 by accident ("通知" in GBK decodes to two
        // non-Han chars). Prefer GB18030 when UTF-8 yields no Han but GB18030 does.
        if s.is_ascii() || s.chars().any(is_typical_chinese_text) {
            return Ok(Decoded::new(s.into_owned(), "UTF-8", false, false));
        }
        if let Some(g) = strict(GB18030, bytes).filter(|g| has_han(g)) {
            return Ok(Decoded::new(g, "GB18030", false, true));
        }
        return Ok(Decoded::new(s.into_owned(), "UTF-8", false, false));
    }
    if let Some(g) = strict(GB18030, bytes) {
        if has_han(&g) {
            return Ok(Decoded::new(g, "GB18030", false, false));
        }
    }
    let mut det = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
    det.feed(bytes, true);
    let enc = det.guess(Some(b"cn"), chardetng::Utf8Detection::Allow);
    if let Some(text) = strict(enc, bytes) {
        if has_han(&text) {
            return Ok(Decoded::new(text, canonical_name(enc), false, true));
        }
    }
    // Mostly UTF-8 with a few damaged bytes: read it, and report the bytes as findings.
    if let Some(d) = lossy_utf8(bytes) {
        return Ok(d);
    }
    Err(ReadError::Undecodable { encoding: "UTF-8".into(), offset: utf8_error_offset(bytes) })
}

/// At most this many damaged runs, and at most one per this many valid characters, make a file
/// a damaged UTF-8 file rather than another encoding.
const MAX_INVALID_RUNS: usize = 64;
const MIN_CHARS_PER_INVALID_RUN: usize = 10;

/// Decode UTF-8 with each invalid run read as U+FFFD, when the file holds real multi-byte UTF-8
/// text and only a few invalid runs.
fn lossy_utf8(bytes: &[u8]) -> Option<Decoded> {
    let mut text = String::with_capacity(bytes.len());
    let mut invalid = Vec::new();
    let mut rest = bytes;
    let mut offset = 0;
    loop {
        match std::str::from_utf8(rest) {
            Ok(s) => {
                text.push_str(s);
                break;
            }
            Err(e) => {
                let (good, bad) = rest.split_at(e.valid_up_to());
                text.push_str(std::str::from_utf8(good).ok()?);
                let n = e.error_len().unwrap_or(bad.len());
                invalid.push(InvalidBytes {
                    text_offset: text.len(),
                    file_offset: offset + good.len(),
                    bytes: bad[..n].to_vec(),
                });
                text.push('\u{FFFD}');
                offset += good.len() + n;
                rest = &bad[n..];
                if invalid.len() > MAX_INVALID_RUNS {
                    return None;
                }
            }
        }
    }
    let chars = text.chars().count();
    let multibyte = text.chars().filter(|c| c.len_utf8() > 1 && *c != '\u{FFFD}').count();
    (multibyte * 4 >= chars.min(400) && chars >= invalid.len() * MIN_CHARS_PER_INVALID_RUN && has_han(&text))
        .then_some(Decoded { text, encoding: "UTF-8", bom: false, guessed: false, invalid })
}

fn strict(enc: &'static Encoding, bytes: &[u8]) -> Option<String> {
    enc.decode_without_bom_handling_and_without_replacement(bytes).map(|c| c.into_owned())
}

fn first_bad_offset(enc: &'static Encoding, bytes: &[u8]) -> usize {
    if enc == UTF_8 {
        return utf8_error_offset(bytes);
    }
    let mut decoder = enc.new_decoder_without_bom_handling();
    let mut out = String::with_capacity(bytes.len() * 3);
    let (result, read) = decoder.decode_to_string_without_replacement(bytes, &mut out, true);
    match result {
        encoding_rs::DecoderResult::Malformed(len, _) => read.saturating_sub(len as usize),
        _ => read,
    }
}

fn utf8_error_offset(bytes: &[u8]) -> usize {
    match std::str::from_utf8(bytes) {
        Ok(_) => bytes.len(),
        Err(e) => e.valid_up_to(),
    }
}

/// NUL bytes or many control characters in the first 8 KiB mean this is not text.
fn looks_binary(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(8192)];
    if head.contains(&0) {
        return true;
    }
    // Counted without a branch per byte, in bytes of 255 at most (the compiler makes it a vector
    // loop): a control byte counts one, less one for those text holds (line breaks, tabs, form
    // feeds).
    let controls: usize = head
        .chunks(255)
        .map(|chunk| {
            let count = chunk
                .iter()
                .fold(0u8, |n, &b| n + (u8::from(b < 0x20) - u8::from(matches!(b, b'\n' | b'\r' | b'\t' | 0x0c))));
            usize::from(count)
        })
        .sum();
    controls * 20 > head.len()
}

/// Characters that real Chinese UTF-8 text contains and GBK bytes misread as UTF-8 do not:
/// Han, CJK punctuation (U+3000–U+303F), full-width forms and general punctuation (“” ……), and
/// the replacement character U+FFFD: a UTF-8 file that holds it was damaged once and is still
/// UTF-8 (its bytes EF BF BD read as GBK are the mojibake “锟斤拷”). This keeps the detection
/// stable on the fixer's own output.
fn is_typical_chinese_text(c: char) -> bool {
    crate::text::is_han(c)
        || matches!(c, '\u{3000}'..='\u{303F}' | '\u{FF00}'..='\u{FFEF}' | '\u{2000}'..='\u{206F}' | '\u{FFFD}')
}

pub(crate) fn has_han(s: &str) -> bool {
    s.chars().any(crate::text::is_han)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn detects_gbk_and_utf8() {
        let (gbk, _, _) = GB18030.encode("关于做好2024年度安全生产工作的通知");
        let d = decode(&gbk, None).unwrap();
        assert_eq!(d.encoding, "GB18030");
        assert_eq!(d.text, "关于做好2024年度安全生产工作的通知");
        let d = decode("通知".as_bytes(), None).unwrap();
        assert_eq!(d.encoding, "UTF-8");
    }

    #[test]
    fn short_gbk_that_is_valid_utf8_is_read_as_gbk() {
        let (gbk, _, _) = GB18030.encode("通知");
        assert!(std::str::from_utf8(&gbk).is_ok());
        let d = decode(&gbk, None).unwrap();
        assert_eq!(d.text, "通知");
        assert!(d.guessed);
    }

    #[test]
    fn replacement_characters_keep_a_file_utf8() {
        let d = decode("Draft notes \u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD} recovered.\n".as_bytes(), None).unwrap();
        assert_eq!(d.encoding, "UTF-8");
    }

    #[test]
    fn utf16_with_bom() {
        let mut bytes = vec![0xFF, 0xFE];
        for u in "请示".encode_utf16() {
            bytes.extend_from_slice(&u.to_le_bytes());
        }
        let d = decode(&bytes, None).unwrap();
        assert_eq!((d.text.as_str(), d.encoding, d.bom), ("请示", "UTF-16LE", true));
    }

    #[test]
    fn utf8_bom_is_removed() {
        let d = decode("\u{feff}通知".as_bytes(), None).unwrap();
        assert_eq!((d.text.as_str(), d.bom), ("通知", true));
    }

    #[test]
    fn a_damaged_utf8_file_is_read_with_its_bad_bytes_marked() {
        let mut bytes =
            "关于开展安全检查的通知：经研究，决定在全市范围内开展安全生产大检查，请各单位认真组织".as_bytes().to_vec();
        bytes.insert(12, 0xFF);
        let d = decode(&bytes, None).unwrap();
        assert_eq!(d.encoding, "UTF-8");
        assert_eq!(d.invalid.len(), 1);
        assert_eq!((d.invalid[0].file_offset, d.invalid[0].bytes.as_slice()), (12, &[0xFF][..]));
        assert_eq!(&d.text[d.invalid[0].text_offset..d.invalid[0].text_offset + 3], "\u{FFFD}");
        // Mostly garbage stays an error.
        assert!(decode(&[0xC3, 0x28, 0xFF, 0xFE, 0x41, 0x80, 0x81], None).is_err());
    }

    #[test]
    fn binary_and_empty_are_errors() {
        assert!(matches!(decode(b"PK\x03\x04\x00\x00", None), Err(ReadError::Binary)));
        assert!(matches!(decode(b"", None), Err(ReadError::Empty)));
    }

    #[test]
    fn control_bytes_beyond_one_in_twenty_of_the_head_make_a_file_binary() {
        // Line breaks, tabs and form feeds are text, however many.
        assert!(!looks_binary("第一条\r\n\t\x0c".repeat(2000).as_bytes()));
        // 10,000 bytes, of which the first 8,192 are read: more than one in twenty of them
        // (409.6) another control byte is binary; those after them do not count.
        let with_controls = |count: usize| {
            let mut bytes = vec![b'a'; 10_000];
            (0..count).for_each(|k| bytes[k * 19] = 0x01);
            (8_200..10_000).for_each(|k| bytes[k] = 0x1B);
            bytes
        };
        assert!(!looks_binary(&with_controls(409)));
        assert!(looks_binary(&with_controls(410)));
        assert!(matches!(decode(&with_controls(410), None), Err(ReadError::Binary)));
    }

    #[test]
    fn forced_encoding_reports_the_bad_byte() {
        let err = decode(b"abc\xff\xfe", Some(UTF_8)).unwrap_err();
        assert!(matches!(err, ReadError::Undecodable { offset: 3, .. }), "{err:?}");
    }
}
