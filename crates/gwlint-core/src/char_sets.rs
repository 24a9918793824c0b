//! Small, fast sets and maps keyed by characters, for rules that probe every position of a
//! text (GW609): a character bitset, a Bloom filter of character pairs, and a hash map with the
//! FxHash function.

use std::collections::HashMap;

/// The multiply-rotate hash of rustc (FxHash): the keys are a few characters, hashed millions
/// of times per megabyte, and need no protection against collisions chosen by an attacker.
#[derive(Default, Clone, Copy)]
pub struct FxHasher(u64);

impl std::hash::Hasher for FxHasher {
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.write_u64(u64::from(b));
        }
    }

    fn write_u32(&mut self, n: u32) {
        self.write_u64(u64::from(n));
    }

    fn write_u64(&mut self, n: u64) {
        self.0 = (self.0.rotate_left(5) ^ n).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }

    fn write_usize(&mut self, n: usize) {
        self.write_u64(n as u64);
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

pub type FxMap<K, V> = HashMap<K, V, std::hash::BuildHasherDefault<FxHasher>>;
pub type FxSet<K> = std::collections::HashSet<K, std::hash::BuildHasherDefault<FxHasher>>;

/// A set of characters of the Basic Multilingual Plane (where the targets' characters are). An
/// array of fixed length: a character's word is in it without a check.
#[derive(Clone)]
pub struct CharSet(Box<[u64; 0x10000 / 64]>);

impl Default for CharSet {
    fn default() -> Self {
        CharSet(Box::new([0; 0x10000 / 64]))
    }
}

impl CharSet {
    pub fn insert(&mut self, c: char) {
        if let Ok(i) = u16::try_from(u32::from(c)) {
            self.0[usize::from(i) / 64] |= 1 << (i % 64);
        }
    }

    pub fn contains(&self, c: char) -> bool {
        u16::try_from(u32::from(c)).is_ok_and(|i| self.0[usize::from(i) / 64] & (1 << (i % 64)) != 0)
    }
}

/// A set of character pairs with false positives (one hash, 2^18 bits; an array of fixed length,
/// as [`CharSet`]).
#[derive(Clone)]
pub struct PairFilter(Box<[u64; (1 << 18) / 64]>);

impl Default for PairFilter {
    fn default() -> Self {
        PairFilter(Box::new([0; (1 << 18) / 64]))
    }
}

impl PairFilter {
    fn bit(a: char, b: char) -> usize {
        let h = (u64::from(a) << 32 | u64::from(b)).wrapping_mul(0x9e37_79b9_7f4a_7c15);
        (h >> (64 - 18)) as usize
    }

    pub fn insert(&mut self, a: char, b: char) {
        let i = Self::bit(a, b);
        self.0[i / 64] |= 1 << (i % 64);
    }

    pub fn may_contain(&self, a: char, b: char) -> bool {
        let i = Self::bit(a, b);
        self.0[i / 64] & (1 << (i % 64)) != 0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn char_set_holds_basic_plane_characters_only() {
        let mut s = CharSet::default();
        s.insert('既');
        s.insert('𠀀'); // outside the Basic Multilingual Plane: ignored
        assert!(s.contains('既'));
        assert!(!s.contains('继'));
        assert!(!s.contains('𠀀'));
    }

    #[test]
    fn pair_filter_has_no_false_negatives() {
        let mut f = PairFilter::default();
        let pairs: Vec<(char, char)> = "一如既往再接再厉".chars().zip("如既往再接再厉一".chars()).collect();
        for &(a, b) in &pairs {
            f.insert(a, b);
        }
        assert!(pairs.iter().all(|&(a, b)| f.may_contain(a, b)));
    }

    #[test]
    fn fx_map_is_a_hash_map() {
        let mut m: FxMap<[char; 4], u32> = FxMap::default();
        m.insert(['一', '如', '\0', '往'], 1);
        assert_eq!(m.get(&['一', '如', '\0', '往']), Some(&1));
        assert_eq!(m.get(&['一', '如', '既', '往']), None);
    }
}
