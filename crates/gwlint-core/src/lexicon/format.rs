//! The binary form of the lexicon tables: written by the build script from `rules/lexicon/*.txt`
//! and read in place by the library (nothing is parsed when gwlint starts).
//!
//! Every table is a sorted array of little-endian `u64` keys beside arrays of values in the same
//! order. A hashed table stores its keys mixed ([`mix`]) and sorted, with an index of offsets
//! (about one for every key, [`bucket_bits`]) by the top bits of the mixed key that narrows a
//! lookup to a key or two (a memory read or two instead of a binary search over the whole
//! table); a plain one (the confusion
//! index, read in key order) is searched whole.

/// The key of a word: FNV-1a over its UTF-8 bytes (collisions among the lexicon's 350k words are
/// checked for by the build script).
pub fn word_key(word: &str) -> u64 {
    extend_key(KEY_START, word)
}

/// The key of the empty string, which [`extend_key`] goes on from.
pub const KEY_START: u64 = 0xcbf2_9ce4_8422_2325;

/// The key of a string `more` longer than the one whose key is `key`: keys are built
/// incrementally, so a split extends a word a character at a time without hashing it again.
pub fn extend_key(key: u64, more: &str) -> u64 {
    more.bytes().fold(key, key_step)
}

/// One byte of FNV-1a: the step every key is built by.
#[inline(always)]
fn key_step(key: u64, byte: u8) -> u64 {
    (key ^ u64::from(byte)).wrapping_mul(0x0100_0000_01b3)
}

/// [`extend_key`] by the character `c` (its UTF-8 bytes, made without a buffer: a character
/// of the Basic Multilingual Plane from U+0800 on, every Han character of it, is three bytes).
#[inline]
pub fn extend_key_char(key: u64, c: char) -> u64 {
    let u = u32::from(c);
    if (0x800..=0xFFFF).contains(&u) {
        // The three bytes of U+0800..=U+FFFF: 1110xxxx 10xxxxxx 10xxxxxx (each fits a byte).
        let key = key_step(key, (0xE0 | u >> 12) as u8);
        let key = key_step(key, (0x80 | (u >> 6 & 0x3F)) as u8);
        key_step(key, (0x80 | (u & 0x3F)) as u8)
    } else {
        extend_key(key, c.encode_utf8(&mut [0u8; 4]))
    }
}

/// The key of a word with the character at `at` left open (标? for 标准): FNV-1a as
/// [`word_key`], with a byte no UTF-8 text holds in the open place.
pub fn wildcard_key(chars: &[char], at: usize) -> u64 {
    chars.iter().enumerate().fold(
        KEY_START,
        |h, (i, &c)| {
            if i == at {
                key_step(h, 0xFF)
            } else {
                extend_key_char(h, c)
            }
        },
    )
}

/// The least frequency (jieba's counts) of a word a swapped character may be read as.
pub const SWAP_TARGET_FREQ: u32 = 50;

/// The key of two readings (numbers of toneless syllables, `rules/lexicon/pinyin.txt`) in the
/// table of two-character words by their sound.
pub fn sound_key(first: u32, second: u32) -> u64 {
    (u64::from(first) << 32) | u64::from(second)
}

/// jieba's tags of function words: conjunctions, prepositions, adverbs (and adjectives used as
/// adverbs), pronouns, particles, locatives, numerals, measure words, time words, modal
/// particles, interjections and onomatopoeia.
pub const FUNCTION_TAGS: &[&str] = &["c", "p", "d", "ad", "r", "u", "f", "m", "q", "t", "y", "e", "o"];

/// Whether a word of this tag may be offered for a swapped character: not a function word and
/// not a person's name.
pub fn swap_target_tag(tag: &str) -> bool {
    !FUNCTION_TAGS.contains(&tag) && !matches!(tag, "nr" | "nrt" | "nrfg")
}

/// Bits of each one-bit filter (1 MiB).
pub const FILTER_BITS: usize = 1 << 23;

/// The filter bit of a word key.
pub fn filter_bit(key: u64) -> usize {
    ((key >> 17) as usize) & (FILTER_BITS - 1)
}

/// The filter bit of an n-gram key (keys are characters, so they are mixed first).
pub fn ngram_bit(key: u64) -> usize {
    filter_bit(mix(key))
}

/// A bijective mix of a key (multiplication by an odd constant), so that its top bits are
/// spread evenly whatever the key is made of.
pub fn mix(key: u64) -> u64 {
    key.wrapping_mul(0x9E37_79B9_7F4A_7C15)
}

/// Bits of the mixed key that choose a bucket of a hashed table's index: about one bucket for
/// every key, so that a lookup compares a key or two (a table of 350,000 pair counts read at
/// every character compared five with a fixed 65,536 buckets); at least [`MIN_BUCKET_BITS`].
pub fn bucket_bits(keys: usize) -> u32 {
    // The power of two at or above the number of keys, halved: one to two keys a bucket.
    let bits = usize::BITS - keys.saturating_sub(1).leading_zeros();
    bits.saturating_sub(1).clamp(MIN_BUCKET_BITS, MAX_BUCKET_BITS)
}

/// The fewest bits of a table's index (a small table's index stays small).
pub const MIN_BUCKET_BITS: u32 = 8;
/// The most bits of a table's index.
pub const MAX_BUCKET_BITS: u32 = 24;

/// The bucket of a stored (mixed) key in an index of `bits` bits.
pub fn bucket(stored: u64, bits: u32) -> usize {
    (stored >> (64 - bits)) as usize
}

/// The bits of an index as [`bucket_index`] wrote it (`2^bits + 1` offsets).
pub const fn index_bits(index: &[u8]) -> u32 {
    (index.len() / 4 - 1).trailing_zeros()
}

/// The index of sorted stored keys: for each of the [`bucket_bits`] buckets, the position of its
/// first key, then the number of keys (`2^bits + 1` little-endian `u32`s).
pub fn bucket_index(sorted: &[u64]) -> Vec<u8> {
    let bits = bucket_bits(sorted.len());
    let buckets = 1usize << bits;
    let mut out = Vec::with_capacity((buckets + 1) * 4);
    let mut at = 0usize;
    for b in 0..buckets {
        while at < sorted.len() && bucket(sorted[at], bits) < b {
            at += 1;
        }
        out.extend_from_slice(&(at as u32).to_le_bytes());
    }
    out.extend_from_slice(&(sorted.len() as u32).to_le_bytes());
    out
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

/// A filter of keys sized to them and read with one memory access a key: `u64` words (a power
/// of two of them, about sixteen bits a key), two bits of a key set in one word, both chosen by
/// the mixed key ([`mix`]). Small enough for a table of tens of thousands of keys to stay in
/// the processor's cache between lookups (the fixed [`FILTER_BITS`] filter is a mebibyte, and
/// each of its bits read at random costs a read of main memory).
pub fn blocked_filter_of(keys: &[u64]) -> Vec<u8> {
    let mut words = 1usize;
    while words * 64 < keys.len() * 16 {
        words *= 2;
    }
    assert!(words <= 1 << 24, "a blocked filter of at most 2^24 words");
    let mut filter = vec![0u64; words];
    for &key in keys {
        let (w, bits) = blocked_place(key, words);
        filter[w] |= bits;
    }
    filter.iter().flat_map(|w| w.to_le_bytes()).collect()
}

/// The word of a key in a blocked filter of `words` words, and its two bits there.
#[inline(always)]
fn blocked_place(key: u64, words: usize) -> (usize, u64) {
    let h = mix(key);
    let w = (h >> 40) as usize & (words - 1);
    (w, 1 << ((h >> 20) & 63) | 1 << ((h >> 26) & 63))
}

/// Whether `key` may be among the keys of the blocked filter `filter` ([`blocked_filter_of`]):
/// false is sure, true may be wrong.
#[inline(always)]
pub fn blocked_filter_has(filter: &[u8], key: u64) -> bool {
    let words = filter.len() / 8;
    let (w, bits) = blocked_place(key, words);
    let word = u64::from_le_bytes(filter[w * 8..w * 8 + 8].try_into().expect("8 bytes"));
    word & bits == bits
}

/// The key of one character (a unigram) or two adjacent ones (a bigram).
pub fn ngram_key(a: char, b: Option<char>) -> u64 {
    match b {
        Some(b) => (u64::from(a) << 32) | u64::from(b),
        None => u64::from(a),
    }
}

/// The key of two adjacent characters of the Basic Multilingual Plane in the slots of pair
/// counts ([`pair_slots`]): the first in the high half. Never 0 (the empty slot) for text: a
/// pair of U+0000 is never counted.
pub fn pair_slot_key(a: char, b: char) -> Option<u32> {
    let (a, b) = (u32::from(a), u32::from(b));
    (a <= 0xFFFF && b <= 0xFFFF && (a | b) != 0).then_some(a << 16 | b)
}

/// Where the search for a pair key starts in slots of `2^bits` (a multiplication by an odd
/// constant, the top bits).
pub fn pair_slot(key: u32, bits: u32) -> usize {
    (key.wrapping_mul(0x9E37_79B1) >> (32 - bits)) as usize
}

/// The pair counts of running text as open-addressed slots: each slot three little-endian
/// `u32`s, a pair's key, its value ([`pair_value`]: its count, marks and the words it starts;
/// key 0: an empty slot) and, for a pair a longer word starts with, where the trie of words goes
/// on after it ([`trie_base`]; 0 otherwise). Pairs are placed in the order given, each in the
/// first free slot from [`pair_slot`] on (wrapping), and a third of the slots or more are left
/// empty: the build script gives the commonest pairs first, so that they sit where their
/// searches start. A lookup reads one slot, most often, and a few beside it in the same cache
/// line: the sorted table with its bucket index read an index, a key and a value in three places
/// for each of the pairs of a text.
pub fn pair_slots(pairs: &[(u32, u32, u32)]) -> Vec<u8> {
    let mut bits = 4;
    while (1usize << bits) < pairs.len() + pairs.len() / 2 + 1 {
        bits += 1;
    }
    let mask = (1usize << bits) - 1;
    let mut slots = vec![[0u32; 3]; 1 << bits];
    for &(key, value, base) in pairs {
        assert_ne!(key, 0, "pair key 0 is the empty slot");
        let mut i = pair_slot(key, bits);
        while slots[i][0] != 0 {
            assert_ne!(slots[i][0], key, "a pair counted twice");
            i = (i + 1) & mask;
        }
        slots[i] = [key, value, base];
    }
    slots.iter().flatten().flat_map(|v| v.to_le_bytes()).collect()
}

/// Bytes of a pair slot ([`pair_slots`]).
pub const PAIR_SLOT_BYTES: usize = 12;

/// The bits of a pair slot's value that hold the pair's count (the counts of clean text stay
/// far below: the build script checks).
pub const PAIR_COUNT: u32 = (1 << 15) - 1;
/// The bit of a pair slot's value that marks the pair as attested for GW609 (the near-miss
/// words: `rules/near-miss/bigrams.txt`). One lookup of a pair of running text serves its
/// count, this mark and the split's first step ([`PAIR_WORD_SHIFT`], [`PAIR_LONGER`]).
pub const PAIR_ATTESTED: u32 = 1 << 15;
/// Where a pair slot's value holds the pair as a word of two characters: its frequency rank
/// plus one, in [`PAIR_WORD_BITS`] bits (0: the pair is no word).
pub const PAIR_WORD_SHIFT: u32 = 16;
pub const PAIR_WORD_BITS: u32 = 13;
/// The bit of a pair slot's value set when a word of three characters or more starts with the
/// pair (the split walks the trie of words from such a pair only).
pub const PAIR_LONGER: u32 = 1 << 29;
/// The bit every filled slot's value has: the word bits are the lexicon's (a value without it
/// is a pair with no slot, which says nothing of words).
pub const PAIR_KNOWN: u32 = 1 << 30;
/// The bit of a pair slot's value set when the pair stands inside a word of three characters or
/// more after the word's first character (as its second and third characters, or later ones):
/// a word that takes the pair's first character after its own first goes on over the pair only
/// if this is set, and the split's walk of the trie stops before a pair without it (its next
/// node would hold no word).
pub const PAIR_INNER: u32 = 1 << 31;

/// A pair slot's value: the pair's count, whether GW609 attests it, the frequency rank of the
/// pair as a two-character word (if it is one), whether a longer word starts with it and whether
/// it stands inside a longer word ([`PAIR_INNER`]).
pub fn pair_value(count: u32, attested: bool, word_rank: Option<u32>, longer: bool, inner: bool) -> u32 {
    assert!(count <= PAIR_COUNT, "a pair count above {PAIR_COUNT}: widen the slots' count");
    let word = word_rank.map_or(0, |r| r + 1);
    assert!(word < 1 << PAIR_WORD_BITS, "more word frequencies than a pair slot's rank holds");
    count
        | if attested { PAIR_ATTESTED } else { 0 }
        | word << PAIR_WORD_SHIFT
        | if longer { PAIR_LONGER } else { 0 }
        | if inner { PAIR_INNER } else { 0 }
        | PAIR_KNOWN
}

/// The value and trie base of the pair `key` in `slots` ([`pair_slots`]; 0 and 0: no slot).
#[inline(always)]
pub fn pair_slot_value(slots: &[u8], key: u32) -> (u32, u32) {
    let at = pair_slot_found(slots, key) * PAIR_SLOT_BYTES;
    let word = |at: usize| u32::from_le_bytes(slots[at..at + 4].try_into().expect("4 bytes"));
    (word(at + 4), word(at + 8))
}

/// The slot of `slots` ([`pair_slots`]) where the search for the pair `key` starts.
#[inline(always)]
pub fn pair_slot_first(slots: &[u8], key: u32) -> usize {
    pair_slot(key, (slots.len() / PAIR_SLOT_BYTES).trailing_zeros())
}

/// Where the search for the pair `key` in `slots` ends: the slot that holds it, or the empty
/// slot that shows it is not there (its value and base are 0).
#[inline(always)]
fn pair_slot_found(slots: &[u8], key: u32) -> usize {
    let mask = slots.len() / PAIR_SLOT_BYTES - 1;
    let mut i = pair_slot_first(slots, key);
    loop {
        let at = i * PAIR_SLOT_BYTES;
        let k = u32::from_le_bytes(slots[at..at + 4].try_into().expect("4 bytes"));
        if k == key || k == 0 {
            return i;
        }
        i = (i + 1) & mask;
    }
}

/// How many slots a search for the pair `key` reads in `slots` ([`pair_slots`]) before it ends.
#[cfg(test)]
pub fn pair_slot_reads(slots: &[u8], key: u32) -> usize {
    let len = slots.len() / PAIR_SLOT_BYTES;
    let start = pair_slot_first(slots, key);
    (pair_slot_found(slots, key).wrapping_sub(start) & (len - 1)) + 1
}

/// The unit of the trie of words (`yada`'s double array, whose bytes are `trie`) at `index`,
/// if the array has one. A unit is a little-endian `u32`: a node's label (its low byte), whether
/// a word ends there (bit 8), its offset (bits 10 and up, shifted left by 8 more when bit 9 is
/// set); a value's unit has bit 31 set and the value below.
#[inline(always)]
pub fn trie_unit(trie: &[u8], index: u32) -> Option<u32> {
    let i = index as usize * 4;
    trie.get(i..i + 4).map(|b| u32::from_le_bytes([b[0], b[1], b[2], b[3]]))
}

/// Where the children of the node at `index` with unit `unit` are: the child by byte `b` is the
/// unit at this XOR `b` (and the node's value, if a word ends there, at this XOR 0).
#[inline(always)]
pub fn trie_base(index: u32, unit: u32) -> u32 {
    ((unit >> 10) << ((unit & (1 << 9)) >> 6)) ^ index
}

/// The node after byte `b` from the node whose children are at `base` ([`trie_base`]): its
/// index and unit, if a word goes on with `b` (a unit whose label is not `b` is no child; a
/// value's unit matches no label).
#[inline(always)]
pub fn trie_child(trie: &[u8], base: u32, b: u8) -> Option<(u32, u32)> {
    let index = base ^ u32::from(b);
    trie_unit(trie, index).filter(|u| u & ((1 << 31) | 0xFF) == u32::from(b)).map(|u| (index, u))
}

/// The value (a word's frequency rank) of the node at `index` with unit `unit`, if a word ends
/// there.
#[inline(always)]
pub fn trie_value(trie: &[u8], index: u32, unit: u32) -> Option<u32> {
    if unit & (1 << 8) == 0 {
        return None;
    }
    trie_unit(trie, trie_base(index, unit)).map(|v| v & 0x7FFF_FFFF)
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

/// Pairs counted more than this many times are in the filter of pairs seen often
/// (`lexicon::may_be_seen_often`): a character put back in a gap seen once or more must be seen
/// more than fifteen times as often beside each of its neighbours.
pub const OFTEN_SEEN: u32 = 15;

/// The most a value of the characters left out at the end of a form ([`drop_end_value`]) holds
/// of the count of the pair they make with the form's last character: a count above it is kept
/// as it (the gap detector asks whether a pair is seen more than sixty times).
pub const DROP_END_COUNT: u32 = (1 << 11) - 1;

/// A character left out at the end of a form, and how often it is seen after the form's last
/// character (at most [`DROP_END_COUNT`]), as one value.
pub fn drop_end_value(c: char, count: u32) -> u32 {
    u32::from(c) | count.min(DROP_END_COUNT) << 21
}

/// The character and count of a [`drop_end_value`].
pub fn drop_end_parts(v: u32) -> (Option<char>, u32) {
    (char::from_u32(v & ((1 << 21) - 1)), v >> 21)
}

/// The trie of words reads a character as its code, a byte or two (see [`trie_code_bytes`]),
/// not as its three or four bytes of UTF-8: the commonest characters of the lexicon's words take
/// codes 1 to this, one byte each.
pub const TRIE_ONE_BYTE: u32 = 0x9F;
/// The largest code: two bytes, the first 0xA0 to 0xFE, the second 1 to 255.
pub const TRIE_MAX_CODE: u32 = TRIE_ONE_BYTE + 95 * 255;
/// What a character no word holds is read as: no code starts with it, so no word goes on.
pub const TRIE_NO_CODE: u8 = 0xFF;
/// The code points whose codes the dense table holds (the CJK blocks most text uses).
pub const TRIE_DENSE: std::ops::RangeInclusive<u32> = 0x3000..=0x9FFF;

/// A character's entry in the tables of trie codes: its code (16 bits) and, above it, the
/// frequency rank plus one of the character as a word of its own (0: it is no word), so that
/// the split reads a character's one-character word with its code.
pub fn trie_entry(code: u32, single_rank: Option<u32>) -> u32 {
    assert!(code <= TRIE_MAX_CODE && TRIE_MAX_CODE < 1 << 16);
    let single = single_rank.map_or(0, |r| r + 1);
    assert!(single < 1 << 16, "more word frequencies than a trie entry's rank holds");
    code | single << 16
}

/// Appends the trie's bytes for the character of code `code` (1 to [`TRIE_MAX_CODE`]; 0 for a
/// character no word holds). The bytes are a prefix-free code without NUL.
pub fn trie_code_bytes(code: u32, out: &mut Vec<u8>) {
    let (bytes, len) = trie_code(code);
    out.extend_from_slice(&bytes[..len]);
}

/// The trie's bytes for the character of code `code` (see [`trie_code_bytes`]): the first
/// `len` of the pair.
#[inline]
pub fn trie_code(code: u32) -> ([u8; 2], usize) {
    if code == 0 {
        ([TRIE_NO_CODE, 0], 1)
    } else if code <= TRIE_ONE_BYTE {
        ([code as u8, 0], 1)
    } else {
        let c = code - TRIE_ONE_BYTE - 1;
        ([0xA0 + (c / 255) as u8, 1 + (c % 255) as u8], 2)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A key extended by a character is the key extended by its UTF-8 bytes, in every plane and
    /// at the bounds of the encoded lengths.
    #[test]
    fn a_key_extended_by_a_character_is_extended_by_its_bytes() {
        let chars = ['a', '\u{7F}', '\u{80}', 'é', '\u{7FF}', '\u{800}', '一', '龥', '\u{FFFF}', '\u{10000}', '𠀀'];
        for c in chars {
            for key in [KEY_START, word_key("公文")] {
                assert_eq!(extend_key_char(key, c), extend_key(key, &c.to_string()), "{c:?}");
            }
        }
        let word: Vec<char> = "高质量发展".chars().collect();
        assert_eq!(word.iter().fold(KEY_START, |k, &c| extend_key_char(k, c)), word_key("高质量发展"));
    }
}
