//! Helpers for tests that compare a fast path with the slow one it replaces on generated input.

/// A pseudo-random source of indices (xorshift64 from `seed`, which must not be 0): each call
/// gives a number below its argument. The same seed gives the same sequence, so a test's
/// exact counts hold from run to run.
pub(crate) fn indices(seed: u64) -> impl FnMut(usize) -> usize {
    let mut state = seed;
    move |below: usize| {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        (state % below as u64) as usize
    }
}
