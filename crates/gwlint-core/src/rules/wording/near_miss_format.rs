//! GW609's data as the build script compiles it and the rule reads it: the lines of
//! `rules/near-miss/`, which of its words are targets, and the keys of the compiled four-character
//! forms. The build script includes this file, so that both read the lists the same way.

/// Data lines: `key<TAB>value`, comments starting with '#'. (The library reads the lists only in
/// its tests, against what the build script compiled.)
#[cfg_attr(not(test), allow(dead_code))]
pub fn data_lines(text: &str) -> impl Iterator<Item = (&str, &str)> {
    text.lines().filter(|l| !l.starts_with('#') && !l.trim().is_empty()).filter_map(|l| l.split_once('\t'))
}

/// The targets of a word list, in its order: the words flagged `I` (a 成语) or `C` (a 公文
/// compound) of four or more characters, each with its flag. The other words are only known.
#[cfg_attr(not(test), allow(dead_code))]
pub fn targets(words: &str) -> impl Iterator<Item = (&str, char)> {
    data_lines(words).filter_map(|(word, flag)| match flag.trim() {
        "I" if word.chars().count() >= 4 => Some((word, 'I')),
        "C" if word.chars().count() >= 4 => Some((word, 'C')),
        _ => None,
    })
}

/// A four-character form as the compiled forms order it: the characters, most significant
/// first ('\0' at the open place).
pub fn form_key(chars: [char; 4]) -> u128 {
    chars.iter().fold(0u128, |k, &c| (k << 32) | u128::from(u32::from(c)))
}

/// Bits of the filter of the compiled forms (2^20: 128 KiB, about one bit in twenty set).
pub const MASKED_FILTER_BITS: u32 = 20;

/// The filter bit of a form.
pub fn masked_bit(form: u128) -> usize {
    let h = ((form as u64) ^ ((form >> 64) as u64).rotate_left(29)).wrapping_mul(0x9E37_79B9_7F4A_7C15);
    (h >> (64 - MASKED_FILTER_BITS)) as usize
}

/// The characters below U+10000 each bucket table has a start for (and one past the last).
pub const BUCKET_CHARS: usize = 0x1_0000;
