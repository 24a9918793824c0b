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
        return strict(enc, body)
            .map(|text| Decoded { text, encoding: canonical_name(enc), bom: had_bom, guessed: false })
            .ok_or_else(|| ReadError::Undecodable {
                encoding: canonical_name(enc).to_string(),
                offset: first_bad_offset(enc, body),
            });
    }
    if let Some((enc, len)) = bom {
        let body = &bytes[len..];
        return strict(enc, body)
            .map(|text| Decoded { text, encoding: canonical_name(enc), bom: true, guessed: false })
            .ok_or_else(|| ReadError::Undecodable {
                encoding: canonical_name(enc).to_string(),
                offset: len + first_bad_offset(enc, body),
            });
    }
    if looks_binary(bytes) {
        return Err(ReadError::Binary);
    }
    if let Ok(s) = std::str::from_utf8(bytes) {
        // Short GBK text can be valid UTF-8 by accident ("通知" in GBK decodes to two
        // non-Han chars). Prefer GB18030 when UTF-8 yields no Han but GB18030 does.
        if s.is_ascii() || s.chars().any(is_typical_chinese_text) {
            return Ok(Decoded { text: s.to_string(), encoding: "UTF-8", bom: false, guessed: false });
        }
        if let Some(g) = strict(GB18030, bytes).filter(|g| has_han(g)) {
            return Ok(Decoded { text: g, encoding: "GB18030", bom: false, guessed: true });
        }
        return Ok(Decoded { text: s.to_string(), encoding: "UTF-8", bom: false, guessed: false });
    }
    if let Some(g) = strict(GB18030, bytes) {
        if has_han(&g) {
            return Ok(Decoded { text: g, encoding: "GB18030", bom: false, guessed: false });
        }
    }
    let mut det = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
    det.feed(bytes, true);
    let enc = det.guess(Some(b"cn"), chardetng::Utf8Detection::Allow);
    if let Some(text) = strict(enc, bytes) {
        if has_han(&text) {
            return Ok(Decoded { text, encoding: canonical_name(enc), bom: false, guessed: true });
        }
    }
    Err(ReadError::Undecodable { encoding: "UTF-8".into(), offset: utf8_error_offset(bytes) })
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
    let controls = head.iter().filter(|&&b| b < 0x20 && !matches!(b, b'\n' | b'\r' | b'\t' | 0x0c)).count();
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
    fn binary_and_empty_are_errors() {
        assert!(matches!(decode(b"PK\x03\x04\x00\x00", None), Err(ReadError::Binary)));
        assert!(matches!(decode(b"", None), Err(ReadError::Empty)));
    }

    #[test]
    fn forced_encoding_reports_the_bad_byte() {
        let err = decode(b"abc\xff\xfe", Some(UTF_8)).unwrap_err();
        assert!(matches!(err, ReadError::Undecodable { offset: 3, .. }), "{err:?}");
    }
}
