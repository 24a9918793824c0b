//! What characters a paragraph holds, summarised once, so that a rule asks "may this paragraph
//! hold 年 / 《 / a half-width comma / a full-width digit" with an AND instead of searching the
//! text:
//! - ASCII characters exactly, one bit each (a clear bit: absent; a set bit: present);
//! - the classes of [`Class`] exactly (full-width letters and digits, invisible characters,
//!   title marks, lookalike marks);
//! - every other character as one bit of a 512-bit signature (hashed): a clear bit means the
//!   character is absent; a set bit means it may be present (another character may share the
//!   bit), and the caller searches the text.

use crate::spelling::HanCharsReader;

/// The characters of one text: ASCII exactly, the [`Class`]es exactly, the rest hashed.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct CharSummary {
    ascii: u128,
    /// The signature of the other characters, in 64-bit words.
    hashed: [u64; HASHED_WORDS],
    classes: u8,
}

/// Bits of the signature of the characters above ASCII. A paragraph holds some hundred distinct
/// characters: of 128 bits more than half were set, and a needle of two characters it lacked
/// passed the signature about three times in ten (a search of the text each time); of 512, about
/// one in five bits is set, and such a needle passes about once in thirty.
const HASHED_BITS: u32 = 512;
const HASHED_WORDS: usize = HASHED_BITS as usize / 64;
// A character's bit is the top bits of a product ([`bit_index`]): a power of two, in whole words.
const _: () = assert!(HASHED_BITS.is_power_of_two() && HASHED_BITS >= 64);

/// A class of characters a summary tells exactly (no search needed to rule it in or out).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[repr(u8)]
pub enum Class {
    /// Full-width digits and Latin letters (０-９, Ａ-Ｚ, ａ-ｚ).
    FullwidthAlnum = 1,
    /// Characters above ASCII that are not seen on the page: C1 controls, the soft hyphen,
    /// zero-width and direction marks (U+200B–U+200F, U+202A–U+202E, U+2060–U+206F) and
    /// U+FEFF.
    Invisible = 2,
    /// Title marks: 《》〈〉.
    TitleMark = 4,
    /// Marks that look like the interpunct, the angle brackets or the multiplication sign but
    /// are not (•・‧∙⋅＜＞＊).
    Lookalike = 8,
}

impl Class {
    /// Every class.
    pub const ALL: [Class; 4] = [Class::FullwidthAlnum, Class::Invisible, Class::TitleMark, Class::Lookalike];

    /// The class of a character above ASCII, if it has one.
    fn of(c: char) -> Option<Class> {
        match c {
            '０'..='９' | 'Ａ'..='Ｚ' | 'ａ'..='ｚ' => Some(Class::FullwidthAlnum),
            '\u{80}'..='\u{9F}'
            | '\u{AD}'
            | '\u{200B}'..='\u{200F}'
            | '\u{202A}'..='\u{202E}'
            | '\u{2060}'..='\u{206F}'
            | '\u{FEFF}' => Some(Class::Invisible),
            '《' | '》' | '〈' | '〉' => Some(Class::TitleMark),
            '•' | '・' | '‧' | '∙' | '⋅' | '＜' | '＞' | '＊' => Some(Class::Lookalike),
            _ => None,
        }
    }
}

/// Characters no [`Class`] holds: the CJK ideographs and the blocks around them (most
/// characters of a Chinese text), passed with one comparison.
const UNCLASSED: std::ops::Range<char> = '\u{3100}'..'\u{FE00}';

/// The unified ideographs (U+4E00–U+9FFF): Han characters ([`crate::text::is_han`]) of no
/// [`Class`], told first.
const COMMON_IDEOGRAPHS: std::ops::RangeInclusive<char> = '\u{4E00}'..='\u{9FFF}';

/// The bit of a character above ASCII (its code point mixed by a multiplication; the top 9
/// bits): the word of the signature that holds it, and the bit in that word.
fn bit(c: char) -> (usize, u64) {
    let h = bit_index(c);
    ((h >> 6) as usize, 1 << (h & 63))
}

/// See [`bit`].
fn bit_index(c: char) -> u32 {
    u32::from(c).wrapping_mul(0x9E37_79B1) >> (32 - HASHED_BITS.trailing_zeros())
}

/// Where a character stands in every summary ([`CharSummary::may_contain_bit`]): a word of the
/// signature (after them, the lower and the upper half of the ASCII bits) and a bit of it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct CharBit {
    word: usize,
    mask: u64,
}

impl CharBit {
    pub fn of(c: char) -> Self {
        if c.is_ascii() {
            let u = c as usize;
            CharBit { word: HASHED_WORDS + u / 64, mask: 1 << (u % 64) }
        } else {
            let (word, mask) = bit(c);
            CharBit { word, mask }
        }
    }
}

impl CharSummary {
    /// The summary of `text`'s characters.
    pub fn of(text: &str) -> Self {
        Self::summarise(text, 0, None)
    }

    /// The summary of the ASCII characters for which `wanted` holds: what a rule that reports
    /// some ASCII marks asks of each paragraph's summary first (made once, kept in a static).
    pub fn of_ascii_where(wanted: impl Fn(char) -> bool) -> Self {
        Self::of(&(0u8..0x80).map(char::from).filter(|&c| wanted(c)).collect::<String>())
    }

    /// The summary of `text`'s characters, whose runs of Han characters `han` reads on the way
    /// (`text` starts at byte `at` of the text `han` reads, after what it read before; a run
    /// ends with `text`): the text is decoded once for both.
    pub fn of_reading(text: &str, at: usize, han: &mut HanCharsReader) -> Self {
        let summary = Self::summarise(text, at, Some(&mut *han));
        han.read_other(at + text.len());
        summary
    }

    /// The summary of `text`, which `han` (if given) reads too, `text` starting at byte `at` of
    /// its text.
    #[inline(always)]
    fn summarise(text: &str, at: usize, mut han: Option<&mut HanCharsReader>) -> Self {
        // In 64-bit halves: a shift of a u128 by a variable amount costs a branch.
        let (mut ascii, mut hashed, mut classes) = ([0u64; 2], [0u64; HASHED_WORDS], 0u8);
        for (i, c) in text.char_indices() {
            let u = u32::from(c);
            if COMMON_IDEOGRAPHS.contains(&c) {
                // Most characters of a Chinese text: no class, a Han character.
                let (word, mask) = bit(c);
                hashed[word] |= mask;
                if let Some(han) = han.as_deref_mut() {
                    han.read_han(at + i, c);
                }
            } else if u < 0x80 {
                ascii[(u >> 6) as usize] |= 1 << (u & 63);
                if let Some(han) = han.as_deref_mut() {
                    han.read_other(at + i);
                }
            } else {
                let (word, mask) = bit(c);
                hashed[word] |= mask;
                // Every classed character lies below the CJK blocks or in the last one.
                if !UNCLASSED.contains(&c) {
                    classes |= Class::of(c).map_or(0, |class| class as u8);
                }
                if let Some(han) = han.as_deref_mut() {
                    han.read(at + i, c);
                }
            }
        }
        let whole = |halves: [u64; 2]| u128::from(halves[0]) | u128::from(halves[1]) << 64;
        CharSummary { ascii: whole(ascii), hashed, classes }
    }

    /// The summary of two texts together: a character is ruled out of it only if it is ruled
    /// out of both (every bit is a character's or a class's, set by either text).
    pub fn union(self, other: CharSummary) -> CharSummary {
        let mut hashed = self.hashed;
        for (a, b) in hashed.iter_mut().zip(other.hashed) {
            *a |= b;
        }
        CharSummary { ascii: self.ascii | other.ascii, hashed, classes: self.classes | other.classes }
    }

    /// Whether the text may hold `c` (false: it does not; for an ASCII character, true: it
    /// does).
    pub fn may_contain(self, c: char) -> bool {
        if c.is_ascii() {
            self.ascii & (1 << (c as u32)) != 0
        } else {
            let (word, mask) = bit(c);
            self.hashed[word] & mask != 0
        }
    }

    /// [`CharSummary::may_contain`] of the character whose place `bit` is: a character asked of
    /// many summaries has its place worked out once.
    #[inline]
    pub fn may_contain_bit(&self, bit: CharBit) -> bool {
        let word = match self.hashed.get(bit.word) {
            Some(&word) => word,
            // The ASCII halves follow the signature's words.
            None => (self.ascii >> (64 * (bit.word - HASHED_WORDS))) as u64,
        };
        word & bit.mask != 0
    }

    /// Whether the text holds the ASCII character `c` (exact, no search).
    pub fn has_ascii(self, c: u8) -> bool {
        debug_assert!(c.is_ascii());
        self.ascii & (1 << c) != 0
    }

    /// Whether the text holds an ASCII digit (exact, no search).
    pub fn has_ascii_digit(self) -> bool {
        const DIGITS: u128 = 0x3FF << b'0';
        self.ascii & DIGITS != 0
    }

    /// Whether the text holds a character of `class` (exact, no search).
    pub fn has(self, class: Class) -> bool {
        self.classes & class as u8 != 0
    }

    /// Whether the text may hold every character summarised in `other` (the summary of a
    /// needle, made once for many texts; false: the text does not hold the needle).
    pub fn may_contain_every(self, other: CharSummary) -> bool {
        // Folded without stopping early: the words are compared side by side.
        let missing = self.hashed.iter().zip(&other.hashed).fold(0, |m, (a, b)| m | (b & !a));
        self.ascii & other.ascii == other.ascii && missing == 0
    }

    /// Whether the text may hold any character summarised in `other` (the summary of a set of
    /// characters; false: it holds none of them; true with only ASCII characters in `other`:
    /// it holds one).
    pub fn may_contain_any(self, other: CharSummary) -> bool {
        let shared = self.hashed.iter().zip(&other.hashed).fold(0, |m, (a, b)| m | (a & b));
        self.ascii & other.ascii != 0 || shared != 0
    }

    /// Whether the text holds `c` (the summary first, then a search of `text` unless the
    /// summary is exact for `c`).
    pub fn contains_char(self, text: &str, c: char) -> bool {
        self.may_contain(c) && (c.is_ascii() || text.contains(c))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_absent_character_is_told_and_a_present_one_never_missed() {
        let text = "截止2025年3月15日，共完成5项。";
        let s = CharSummary::of(text);
        for c in text.chars() {
            assert!(s.may_contain(c) && s.contains_char(text, c), "{c}");
        }
        let holds = |needle: &str| s.may_contain_every(CharSummary::of(needle)) && text.contains(needle);
        assert!(holds("截止") && holds("3月"));
        assert!(!holds("截至") && !s.contains_char(text, '《'));
        // Most characters a short text lacks are ruled out by the signature alone.
        let absent = "的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发".chars();
        let ruled_out = absent.clone().filter(|&c| !s.may_contain(c)).count();
        assert!(ruled_out * 10 >= absent.count() * 7, "{ruled_out}");
        assert_eq!(CharSummary::of(""), CharSummary::default());
        assert!(CharSummary::of("").may_contain_every(CharSummary::of("")));
    }

    #[test]
    fn the_union_of_two_summaries_is_the_summary_of_both_texts() {
        let texts = ["截止2025年3月15日，共完成5项。", "", "《通知》ＡＢ\u{200B}•", "abc 123", "国务院办公厅"];
        for a in texts {
            for b in texts {
                let both = CharSummary::of(&format!("{a}{b}"));
                assert_eq!(CharSummary::of(a).union(CharSummary::of(b)), both, "{a} + {b}");
            }
        }
        assert_eq!(CharSummary::default().union(CharSummary::default()), CharSummary::default());
    }

    #[test]
    fn ascii_and_classes_are_told_exactly() {
        // Every ASCII character and every character of a class, alone and among others.
        for b in 0u8..128 {
            let c = char::from(b);
            let text = format!("第{c}条");
            let s = CharSummary::of(&text);
            assert!(s.has_ascii(b) && s.may_contain(c) && s.contains_char(&text, c), "{b}");
            assert_eq!(s.has_ascii_digit(), c.is_ascii_digit(), "{b}");
            for other in (0u8..128).filter(|&o| o != b) {
                assert!(!s.has_ascii(other), "{b} {other}");
            }
        }
        // The summary tells every character's class (the search passes over the CJK blocks,
        // where no classed character is).
        for cp in 0x80u32..0x11_0000 {
            let Some(c) = char::from_u32(cp) else { continue };
            let s = CharSummary::of(&format!("一{c}二"));
            for class in Class::ALL {
                assert_eq!(s.has(class), Class::of(c) == Some(class), "{cp:X}");
            }
            assert!(s.ascii == 0 && s.may_contain(c), "{cp:X}");
        }
        for c in ['０', '９', 'Ａ', 'Ｚ', 'ａ', 'ｚ'] {
            assert_eq!(Class::of(c), Some(Class::FullwidthAlnum), "{c}");
        }
        for c in ['\u{85}', '\u{AD}', '\u{200B}', '\u{200D}', '\u{202E}', '\u{2060}', '\u{2069}', '\u{FEFF}'] {
            assert_eq!(Class::of(c), Some(Class::Invisible), "{:X}", c as u32);
        }
        for c in ['《', '》', '〈', '〉'] {
            assert_eq!(Class::of(c), Some(Class::TitleMark), "{c}");
        }
        for c in ['•', '・', '‧', '∙', '⋅', '＜', '＞', '＊'] {
            assert_eq!(Class::of(c), Some(Class::Lookalike), "{c}");
        }
        for c in ['＿', '：', '“', '—', '…', '\u{A0}', '\u{2014}', '\u{3000}', '年'] {
            assert_eq!(Class::of(c), None, "{:X}", c as u32);
        }
        let s = CharSummary::of("共5项（含２项）");
        assert!(s.has(Class::FullwidthAlnum) && !s.has(Class::Invisible) && s.has_ascii_digit());
    }

    /// A character's place, worked out once, asks what `may_contain` asks: every ASCII
    /// character, and characters of every plane, in summaries that hold them and that do not.
    #[test]
    fn a_characters_place_asks_what_the_character_asks() {
        let texts = ["", "截止2025年3月15日，共完成5项。", "abc~\u{7F}\0", "《条例》𠀀", "的一是在不了有和人这中大"];
        let summaries: Vec<CharSummary> = texts.iter().map(|t| CharSummary::of(t)).collect();
        let (mut asked, mut held) = (0, 0);
        for cp in (0u32..0x3000).chain(0x4E00..0x5200).chain(0x2_0000..0x2_0010) {
            let Some(c) = char::from_u32(cp) else { continue };
            let bit = CharBit::of(c);
            for s in &summaries {
                assert_eq!(s.may_contain_bit(bit), s.may_contain(c), "{cp:X}");
                asked += 1;
                held += usize::from(s.may_contain(c));
            }
        }
        assert_eq!((asked, held), (66_640, 707));
    }

    #[test]
    fn a_set_of_characters_is_ruled_in_when_any_is_present() {
        let set = CharSummary::of("《》<>*");
        assert!(CharSummary::of("学习《条例》").may_contain_any(set));
        assert!(CharSummary::of("3*4").may_contain_any(set));
        assert!(!CharSummary::of("3x4").may_contain_any(CharSummary::of("<>*")));
        assert!(!CharSummary::of("").may_contain_any(set));
        // Hashed characters: none of a short text's absent ones is missed, most are ruled out.
        let text = "截止2025年3月15日，共完成5项。";
        let s = CharSummary::of(text);
        for c in text.chars() {
            assert!(s.may_contain_any(CharSummary::of(&c.to_string())), "{c}");
        }
    }
}
