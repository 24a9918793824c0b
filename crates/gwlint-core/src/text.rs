//! Character classes and small text helpers shared by the readers and the rules.

/// CJK unified ideographs (all planes) and 〇. Asked of every character of a text: a
/// character below the ideographs (ASCII, Latin, the punctuation) is told by one comparison, a
/// common ideograph by two.
#[inline]
pub fn is_han(c: char) -> bool {
    let u = u32::from(c);
    if u < 0x3400 {
        return u == 0x3007;
    }
    if u <= 0x9FFF {
        // Extension A (3400–4DBF) and the unified ideographs (4E00–9FFF); between them the
        // Yijing hexagrams.
        return u >= 0x4E00 || u <= 0x4DBF;
    }
    if u < 0x2_0000 {
        return (0xF900..=0xFAFF).contains(&u);
    }
    matches!(u, 0x2_0000..=0x2_A6DF | 0x2_A700..=0x2_EBEF | 0x3_0000..=0x3_134F)
}

/// The characters of `text` whose UTF-8 encoding begins with byte `a` or `b` (each a first
/// byte, 0xC0 or above), with their offsets: found by a byte search instead of decoding every
/// character. Chinese punctuation begins with E2 (quotes, dashes, the ellipsis), E3 (、。《》〔〕)
/// or EF (full-width forms: ，（）：；！？); no ideograph does (they begin with E4–E9).
pub fn chars_beginning_with(text: &str, a: u8, b: u8) -> impl Iterator<Item = (usize, char)> + '_ {
    debug_assert!(a >= 0xC0 && b >= 0xC0, "first bytes only");
    memchr::memchr2_iter(a, b, text.as_bytes()).filter_map(move |i| text[i..].chars().next().map(|c| (i, c)))
}

/// The places of the enumeration comma 、 in `text`, searched for as its three bytes (a search
/// for the character stops at every byte like its last, which most Chinese characters hold),
/// with a searcher built once (building one cost more than searching most paragraphs).
pub fn dunhao_places(text: &str) -> impl Iterator<Item = usize> + '_ {
    static DUNHAO: std::sync::LazyLock<memchr::memmem::Finder<'static>> =
        std::sync::LazyLock::new(|| memchr::memmem::Finder::new("、".as_bytes()));
    DUNHAO.find_iter(text.as_bytes())
}

/// The places of 月 in `text`, searched for as its three bytes with a searcher built once: the
/// anchors of the date patterns' windows (`matches_around`).
pub fn month_places(text: &str) -> impl Iterator<Item = usize> + '_ {
    static MONTH: std::sync::LazyLock<memchr::memmem::Finder<'static>> =
        std::sync::LazyLock::new(|| memchr::memmem::Finder::new("月".as_bytes()));
    MONTH.find_iter(text.as_bytes())
}

/// The matches of a pattern in `text`, in order, as a search of the whole text finds them,
/// searched for only in windows around `anchors` (byte offsets, ascending): from `before` bytes
/// before an anchor (or the end of the match before) to `after` bytes after it, widened to cover
/// each anchor inside. `search(window, at)` is the pattern's search from `at` in `window` (a
/// prefix of `text`), giving what it found and where that match ends.
///
/// For a pattern that starts with a class the engine reads every byte of a text; around its
/// anchors it reads a few dozen. The windows find what the whole text's search finds when:
/// - every match holds an anchor, and one holding the anchor at `a` lies within
///   `a - before..a + after`;
/// - the pattern asserts nothing about the text around a match (no `^`, `$` or `\b`);
/// - every match the pattern can make at one start holds the same anchors, so a window cut
///   short hides no longer match behind a shorter one.
///
/// A match starts in a window or after it, and no match the text's search would find before it
/// starts between; a window holds the whole of every match whose anchors it holds.
pub(crate) fn matches_around<'t, T>(
    text: &'t str,
    anchors: &[usize],
    before: usize,
    after: usize,
    mut search: impl FnMut(&'t str, usize) -> Option<(T, usize)>,
) -> Vec<T> {
    let mut out = Vec::new();
    // Where the next match may start: the end of the last one.
    let mut from = 0;
    let mut i = 0;
    while let Some(&anchor) = anchors.get(i) {
        i += 1;
        // An anchor before the end of the last match is in no later one.
        if anchor < from {
            continue;
        }
        // The windows of the anchors inside this one's, as one.
        let mut end = anchor + after;
        while anchors.get(i).is_some_and(|&a| a < end) {
            end = anchors[i] + after;
            i += 1;
        }
        let window = &text[..text.ceil_char_boundary(end.min(text.len()))];
        let mut at = text.floor_char_boundary(anchor.saturating_sub(before)).max(from);
        while let Some((found, end)) = search(window, at) {
            at = end;
            from = end;
            out.push(found);
        }
    }
    out
}

/// Full-width (CJK) punctuation commonly found in 公文 text.
pub fn is_cjk_punct(c: char) -> bool {
    matches!(
        c,
        '，' | '。'
            | '、'
            | '；'
            | '：'
            | '？'
            | '！'
            | '“'
            | '”'
            | '‘'
            | '’'
            | '（'
            | '）'
            | '《'
            | '》'
            | '〈'
            | '〉'
            | '【'
            | '】'
            | '〔'
            | '〕'
            | '…'
            | '—'
            | '～'
            | '·'
            | '「'
            | '」'
            | '『'
            | '』'
    )
}

/// Whitespace used for indentation in 公文 drafts: ASCII space, tab, the ideographic space and
/// the no-break space (word processors insert it for runs of spaces).
pub fn is_indent_space(c: char) -> bool {
    matches!(c, ' ' | '\t' | '\u{3000}' | '\u{00A0}')
}

/// Remove all ASCII, ideographic and no-break spaces (titles are sometimes spaced out
/// character by character: "几 个 问 题 的 通 知").
pub fn strip_spaces(s: &str) -> std::borrow::Cow<'_, str> {
    // The text between the spaces is copied a stretch at a time, not pushed a character at a
    // time, and a text without a space (most are) is not copied: it is given back as it is. The
    // text is read by bytes: a space (`char::is_whitespace`) is an ASCII one or starts with one
    // of four lead bytes, and the characters of every other lead byte (every Han character) are
    // passed without decoding.
    let bytes = s.as_bytes();
    let mut out: Option<String> = None;
    let mut from = 0;
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        let len = utf8_len(b);
        let space = match b {
            b'\t'..=b'\r' | b' ' => true,
            0xC2 | 0xE1 | 0xE2 | 0xE3 => s[i..].chars().next().is_some_and(char::is_whitespace),
            _ => false,
        };
        if space {
            out.get_or_insert_with(|| String::with_capacity(s.len())).push_str(&s[from..i]);
            from = i + len;
        }
        i += len;
    }
    match out {
        Some(mut out) => {
            out.push_str(&s[from..]);
            std::borrow::Cow::Owned(out)
        }
        None => std::borrow::Cow::Borrowed(s),
    }
}

/// The length of the UTF-8 sequence a lead byte `b` starts (1 for any other byte: `strip_spaces`
/// reads a `str`, where every byte it stops at is a lead byte).
fn utf8_len(b: u8) -> usize {
    match b {
        0xF0..=0xFF => 4,
        0xE0..=0xEF => 3,
        0xC0..=0xDF => 2,
        _ => 1,
    }
}

/// Full-width ASCII forms (！ to ～: digits, letters, marks) turned into their half-width
/// forms; every other char is kept.
pub fn to_half_width(s: &str) -> String {
    s.chars()
        .map(|c| if ('！'..='～').contains(&c) { char::from_u32(c as u32 - 0xFEE0).unwrap_or(c) } else { c })
        .collect()
}

/// The lines of `s` with their line breaks (`\r\n`, a lone `\r` or `\n`, as
/// `span::line_break_len` defines them); the last line may have none.
pub fn lines_with_breaks(s: &str) -> impl Iterator<Item = &str> + '_ {
    let bytes = s.as_bytes();
    let mut start = 0;
    std::iter::from_fn(move || {
        if start >= bytes.len() {
            return None;
        }
        let mut i = start;
        while i < bytes.len() {
            let brk = crate::span::line_break_len(bytes, i);
            if brk > 0 {
                let line = &s[start..i + brk];
                start = i + brk;
                return Some(line);
            }
            i += 1;
        }
        let line = &s[start..];
        start = bytes.len();
        Some(line)
    })
}

/// Number of chars in `s`.
pub fn char_len(s: &str) -> usize {
    s.chars().count()
}

/// Value of a Chinese numeral between 一 and 九十九 (一, 十, 十二, 二十, 二十三). None otherwise.
pub fn chinese_number(s: &str) -> Option<u32> {
    fn digit(c: char) -> Option<u32> {
        "〇一二三四五六七八九".chars().position(|d| d == c).map(|p| p as u32)
    }
    // At most four characters are read (a text of four or more is none of the forms): no list
    // is made.
    let mut it = s.chars();
    let (a, b, c, d) = (it.next(), it.next(), it.next(), it.next());
    let chars: &[char] = match (a, b, c, d) {
        (_, _, _, Some(_)) => return None,
        (Some(a), Some(b), Some(c), None) => &[a, b, c],
        (Some(a), Some(b), None, _) => &[a, b],
        (Some(a), None, _, _) => &[a],
        _ => &[],
    };
    match chars {
        [c] if *c == '十' => Some(10),
        [c] => digit(*c).filter(|&d| d > 0),
        ['十', u] => digit(*u).filter(|&d| d > 0).map(|d| 10 + d),
        [t, '十'] => digit(*t).filter(|&d| d > 1).map(|d| d * 10),
        [t, '十', u] => {
            let t = digit(*t).filter(|&d| d > 1)?;
            let u = digit(*u).filter(|&d| d > 0)?;
            Some(t * 10 + u)
        }
        _ => None,
    }
}

/// A number from 1 to 99 in Chinese numerals (12 → 十二, 20 → 二十, 23 → 二十三).
pub fn to_chinese_number(n: u32) -> String {
    const D: [&str; 10] = ["〇", "一", "二", "三", "四", "五", "六", "七", "八", "九"];
    match n {
        0..=9 => D[n as usize].to_string(),
        10 => "十".to_string(),
        11..=19 => format!("十{}", D[(n % 10) as usize]),
        _ if n.is_multiple_of(10) && n < 100 => format!("{}十", D[(n / 10) as usize]),
        _ if n < 100 => format!("{}十{}", D[(n / 10) as usize], D[(n % 10) as usize]),
        _ => n.to_string(),
    }
}

/// Value of a Chinese-numeral year written digit by digit (二〇二四 → 2024); accepts the
/// common wrong zeros ○ O 0 零 so that rules can still read the date they flag.
pub fn chinese_digits_value(s: &str) -> Option<u32> {
    let mut v: u32 = 0;
    let mut n = 0;
    for c in s.chars() {
        let d = match c {
            '〇' | '○' | 'O' | 'Ｏ' | '0' | '零' => 0,
            _ => "〇一二三四五六七八九".chars().position(|d| d == c)? as u32,
        };
        v = v.checked_mul(10)?.checked_add(d)?;
        n += 1;
    }
    (n > 0).then_some(v)
}

/// Split `s` at any of `seps`, except inside brackets: "各县（市、区）人民政府、市直各部门"
/// splits into two organs, not three.
pub fn split_outside_brackets<'a>(s: &'a str, seps: &[char]) -> Vec<&'a str> {
    let mut out = Vec::new();
    let mut depth: i32 = 0;
    let mut start = 0;
    for (i, c) in s.char_indices() {
        match c {
            '（' | '(' | '《' | '“' | '〔' | '[' | '【' => depth += 1,
            '）' | ')' | '》' | '”' | '〕' | ']' | '】' => depth = (depth - 1).max(0),
            _ if depth == 0 && seps.contains(&c) => {
                out.push(&s[start..i]);
                start = i + c.len_utf8();
            }
            _ => {}
        }
    }
    out.push(&s[start..]);
    out
}

/// Text as XML (and HTML) character data or attribute value: `& < > " '` as entities.
pub fn xml_escape(s: &str) -> String {
    s.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;").replace('\'', "&apos;")
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The windows find what a search of the whole text finds for a pattern that meets their
    /// conditions (every match holds one x, at most three digits before it and one letter
    /// after), over every text of up to six characters of its alphabet; a window one byte short
    /// at either end misses matches.
    #[test]
    fn matches_around_anchors_are_the_whole_texts() {
        let re = regex::Regex::new("[0-9]{1,3}x[ab]?").unwrap();
        let around = |text: &str, before: usize, after: usize| {
            let anchors: Vec<usize> = text.match_indices('x').map(|(i, _)| i).collect();
            matches_around(text, &anchors, before, after, |w, at| re.find_at(w, at).map(|m| (m.range(), m.end())))
        };
        let alphabet = ['1', '2', 'x', 'a', '经'];
        let mut texts = vec![String::new()];
        for _ in 0..6 {
            let longer: Vec<String> =
                texts.iter().flat_map(|t| alphabet.iter().map(move |c| format!("{t}{c}"))).collect();
            texts.extend(longer);
            texts.sort();
            texts.dedup();
        }
        let (mut matched, mut short_before, mut short_after) = (0, false, false);
        for text in &texts {
            let all: Vec<_> = re.find_iter(text).map(|m| m.range()).collect();
            assert_eq!(around(text, 3, 2), all, "{text}");
            matched += all.len();
            short_before |= around(text, 2, 2) != all;
            short_after |= around(text, 3, 1) != all;
        }
        assert_eq!(matched, 7422);
        assert!(short_before && short_after);
    }

    #[test]
    fn the_places_of_the_dunhao_are_where_the_text_has_it() {
        // 丁 (E4 B8 81) and 、 (E3 80 81) end with the same byte; 、 at the start and the end.
        for text in ["、一、二丁、三、", "丁丁", "", "、", "甲、乙，丙、"] {
            let expected: Vec<usize> = text.match_indices('、').map(|(i, _)| i).collect();
            assert_eq!(dunhao_places(text).collect::<Vec<_>>(), expected, "{text}");
        }
    }

    /// [`is_han`] as the blocks are listed.
    fn is_han_by_blocks(c: char) -> bool {
        matches!(c,
            '\u{4E00}'..='\u{9FFF}'
            | '\u{3400}'..='\u{4DBF}'
            | '\u{20000}'..='\u{2A6DF}'
            | '\u{2A700}'..='\u{2EBEF}'
            | '\u{30000}'..='\u{3134F}'
            | '\u{F900}'..='\u{FAFF}'
            | '\u{3007}')
    }

    #[test]
    fn han_characters_are_those_of_the_blocks() {
        let mut han = 0;
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            assert_eq!(is_han(c), is_han_by_blocks(c), "U+{:04X}", u32::from(c));
            han += usize::from(is_han(c));
        }
        assert_eq!(han, 93_409);
    }

    #[test]
    fn spaces_of_every_kind_are_stripped() {
        for text in
            ["", "几 个 问 题 的 通 知", "\u{3000}关于\t加强\u{00A0}管理\r\n", "无空格", "  ", "a\u{2003}b\u{3000}"]
        {
            let expected: String = text.chars().filter(|c| !c.is_whitespace() && *c != '\u{3000}').collect();
            let stripped = strip_spaces(text);
            assert_eq!(stripped, expected, "{text:?}");
            // A text without a space is given back, not copied.
            assert_eq!(matches!(stripped, std::borrow::Cow::Borrowed(_)), expected == text, "{text:?}");
        }
        // Every space Unicode knows (U+3000 among them), between characters of every length.
        let spaces: Vec<char> = (0..=0x10FFFFu32).filter_map(char::from_u32).filter(|c| c.is_whitespace()).collect();
        assert_eq!(spaces.len(), 25);
        let text: String = spaces.iter().flat_map(|&c| [c, 'a', '关', 'é', '𠀀', '\u{3001}', '\u{2010}']).collect();
        let expected: String = text.chars().filter(|c| !c.is_whitespace()).collect();
        assert_eq!(strip_spaces(&text), expected);
    }

    #[test]
    fn chinese_numbers() {
        assert_eq!(chinese_number("一"), Some(1));
        assert_eq!(chinese_number("十"), Some(10));
        assert_eq!(chinese_number("十二"), Some(12));
        assert_eq!(chinese_number("二十"), Some(20));
        assert_eq!(chinese_number("二十七"), Some(27));
        assert_eq!(chinese_number("一十"), None);
        assert_eq!(chinese_number("〇"), None);
        // Four characters or none are no form; neither are three that are not 二十七's.
        for text in ["", "二十七八", "十十十十十", "一二三", "十二十"] {
            assert_eq!(chinese_number(text), None, "{text}");
        }
        assert_eq!(chinese_digits_value("二〇二四"), Some(2024));
        for n in 1..100 {
            assert_eq!(chinese_number(&to_chinese_number(n)), Some(n));
        }
        assert_eq!(chinese_digits_value("二○二○"), Some(2020));
    }

    #[test]
    fn splits_outside_brackets() {
        assert_eq!(
            split_outside_brackets("各县（市、区）人民政府，市直各部门", &['、', '，']),
            vec!["各县（市、区）人民政府", "市直各部门"]
        );
    }

    #[test]
    fn han_detection() {
        assert!(is_han('公'));
        assert!(is_han('𠮷'));
        assert!(!is_han('，'));
        assert!(!is_han('a'));
    }

    #[test]
    fn characters_beginning_with_a_byte_are_the_decoded_ones() {
        let text = "关于“（试行）”——《办法》、，…a‘b’〔2025〕。";
        for (a, b) in [(0xE2, 0xE3), (0xE3, 0xEF), (0xE2, 0xEF), (0xE4, 0xE5)] {
            let want: Vec<(usize, char)> = text
                .char_indices()
                .filter(|&(_, c)| matches!(c.to_string().as_bytes()[0], x if x == a || x == b))
                .collect();
            assert_eq!(chars_beginning_with(text, a, b).collect::<Vec<_>>(), want, "{a:X} {b:X}");
        }
        assert_eq!(chars_beginning_with(text, 0xE2, 0xE3).count(), 13);
    }
}
