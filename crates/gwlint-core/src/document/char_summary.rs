//! What characters a paragraph holds, summarised once: a 128-bit signature with one bit per
//! character (hashed), so that a rule asks "may this paragraph hold 年 / 《 / 截止" with one AND
//! instead of searching the text. A clear bit means the character is absent; a set bit means it
//! may be present (another character may share the bit), and the caller searches the text.

/// The characters of one text as a one-hash bit signature.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct CharSummary(u128);

/// The bit of a character (its code point mixed by a multiplication; the top 7 bits).
fn bit(c: char) -> u128 {
    1u128 << (u32::from(c).wrapping_mul(0x9E37_79B1) >> 25)
}

impl CharSummary {
    /// The summary of `text`'s characters.
    pub fn of(text: &str) -> Self {
        CharSummary(text.chars().fold(0, |bits, c| bits | bit(c)))
    }

    /// Whether the text may hold `c` (false: it does not).
    pub fn may_contain(self, c: char) -> bool {
        self.0 & bit(c) != 0
    }

    /// Whether the text may hold every character summarised in `other` (the summary of a
    /// needle, made once for many texts; false: the text does not hold the needle).
    pub fn may_contain_every(self, other: CharSummary) -> bool {
        self.0 & other.0 == other.0
    }

    /// Whether the text holds `c` (the summary first, then a search of `text`).
    pub fn contains_char(self, text: &str, c: char) -> bool {
        self.may_contain(c) && text.contains(c)
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
}
