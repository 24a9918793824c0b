//! The binary form of the lexicon tables: written by the build script from `rules/lexicon/*.txt`
//! and read in place by the library (nothing is parsed when gwlint starts).
//!
//! Every table is a sorted array of little-endian `u64` keys beside arrays of values in the same
//! order, looked up by binary search.

/// The key of a word: FNV-1a over its UTF-8 bytes (collisions among the lexicon's 350k words are
/// checked for by the build script).
pub fn word_key(word: &str) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in word.bytes() {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    h
}

/// Bits of each one-bit filter (1 MiB).
pub const FILTER_BITS: usize = 1 << 23;

/// The filter bit of a word key.
pub fn filter_bit(key: u64) -> usize {
    ((key >> 17) as usize) & (FILTER_BITS - 1)
}

/// The bit of a word-prefix key in the prefix filter (mixed differently from `filter_bit`).
pub fn prefix_bit(key: u64) -> usize {
    (key.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> 40) as usize & (FILTER_BITS - 1)
}

/// The filter bit of an n-gram key (keys are characters, so they are mixed first).
pub fn ngram_bit(key: u64) -> usize {
    filter_bit(key.wrapping_mul(0x9E37_79B9_7F4A_7C15))
}

/// A filter with the given bits set.
pub fn filter_of(bits: impl Iterator<Item = usize>) -> Vec<u8> {
    let mut filter = vec![0u8; FILTER_BITS / 8];
    for bit in bits {
        filter[bit / 8] |= 1 << (bit % 8);
    }
    filter
}

/// Whether `bit` is set in `filter`.
pub fn filter_has(filter: &[u8], bit: usize) -> bool {
    filter[bit / 8] & (1 << (bit % 8)) != 0
}

/// The key of one character (a unigram) or two adjacent ones (a bigram).
pub fn ngram_key(a: char, b: Option<char>) -> u64 {
    match b {
        Some(b) => (u64::from(a) << 32) | u64::from(b),
        None => u64::from(a),
    }
}

/// jieba's part-of-speech tags, by their code in the table (anything else is code 0).
pub const TAGS: &[&str] = &[
    "", "n", "nr", "nrt", "nrfg", "ns", "nt", "nz", "v", "vn", "vd", "a", "ad", "an", "d", "i", "l", "j", "m", "t",
    "q", "r", "p", "c", "u", "f", "s", "b", "z", "zg", "ng", "vg", "ag", "e", "o", "y", "x",
];

pub fn tag_code(tag: &str) -> u8 {
    TAGS.iter().position(|t| *t == tag).map_or(0, |i| i as u8)
}

/// Lexicon words of three to six characters at least this frequent are looked for with one
/// character dropped (with the phrases of clean text).
pub const DROP_TARGET_FREQ: u32 = 100;

/// A dropped character and where it goes, as one value.
pub fn drop_value(c: char, at: usize) -> u32 {
    (u32::from(c) << 3) | (at as u32 & 7)
}

/// The character and position of a `drop_value`.
pub fn drop_parts(v: u32) -> (Option<char>, usize) {
    (char::from_u32(v >> 3), (v & 7) as usize)
}
