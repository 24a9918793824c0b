//! The runs of Han characters of a text, decoded once: their characters and offsets, all runs in
//! one set of lists. What reads a text's Han characters reads them from here, not from the
//! text again: the split and the pair counts ([`super::HanRuns`]) and the packs' phrases
//! ([`crate::phrase_finder::PhraseFinder::for_each_in`]).

use crate::text::is_han;

/// The maximal runs of Han characters ([`is_han`]) of a text.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct HanChars {
    /// Every run's characters, one run after another.
    pub(super) chars: Vec<char>,
    /// Every run's character offsets (in the run) and its length after them: a run of `n`
    /// characters has `n + 1` entries.
    pub(super) bounds: Vec<usize>,
    /// Each run: the byte of the text where it starts, and where its characters end in `chars`.
    pub(super) places: Vec<(usize, usize)>,
}

/// One run of [`HanChars`], as a view of the text it was read from.
#[derive(Clone, Copy, Debug)]
pub struct CharRun<'a> {
    /// Byte range in the text.
    pub start: usize,
    pub end: usize,
    pub chars: &'a [char],
    /// Byte offset (from `start`) of each character, and the run's length at the end.
    pub bounds: &'a [usize],
}

impl HanChars {
    /// The runs of `text`.
    pub fn read(text: &str) -> Self {
        let mut reader = HanCharsReader::for_text(text.len());
        for (i, c) in text.char_indices() {
            reader.read(i, c);
        }
        reader.finish(text.len())
    }

    /// The run of `chars`, whose offsets (and length after them) are `bounds`, as one run of its
    /// own text (starting at byte 0).
    pub(super) fn of_run(chars: &[char], bounds: &[usize]) -> Self {
        debug_assert_eq!(chars.len() + 1, bounds.len());
        HanChars { chars: chars.to_vec(), bounds: bounds.to_vec(), places: vec![(0, chars.len())] }
    }

    /// `text`, a run of Han characters starting at byte `start` of its text, as one run.
    pub(super) fn one(start: usize, text: &str) -> Self {
        let (chars, mut bounds): (Vec<char>, Vec<usize>) = text.char_indices().map(|(i, c)| (c, i)).unzip();
        bounds.push(text.len());
        let places = vec![(start, chars.len())];
        HanChars { chars, bounds, places }
    }

    /// How many Han characters the runs hold.
    pub fn char_count(&self) -> usize {
        self.chars.len()
    }

    /// How many times the runs hold `c`.
    pub fn occurrences(&self, c: char) -> usize {
        self.chars.iter().filter(|&&x| x == c).count()
    }

    /// The runs, in order.
    pub fn runs(&self) -> impl Iterator<Item = CharRun<'_>> + '_ {
        let mut char_at = 0;
        self.places.iter().enumerate().map(move |(k, &(start, end))| {
            // Run `k`'s bounds follow the `k` runs before it, each with one more than its
            // characters.
            let bounds = &self.bounds[char_at + k..=end + k];
            let run =
                CharRun { start, end: start + bounds[bounds.len() - 1], chars: &self.chars[char_at..end], bounds };
            char_at = end;
            run
        })
    }
}

/// Reads the runs of Han characters of a text one character at a time, in order: what a pass
/// over the text for another purpose reads them with (the paragraphs' character summaries,
/// [`crate::document::char_summary::CharSummary::of_reading`]), so that the text is decoded
/// once for both.
#[derive(Debug)]
pub struct HanCharsReader {
    runs: HanChars,
    /// Where the open run starts (a byte of the text), if one is open.
    open: Option<usize>,
}

impl HanCharsReader {
    /// A reader of a text of `len` bytes. A Han character is three or four bytes, and a run and
    /// what parts it from the next at least four: the length bounds the lists, which are sized
    /// once (a long text's lists grown by doubling left the allocator holding the smaller
    /// copies; capacity never written is not resident). The runs themselves are sized for a
    /// run every 32 bytes (a clause of 公文 text is some ten characters and a mark, 33 bytes).
    pub fn for_text(len: usize) -> Self {
        let runs = HanChars {
            chars: Vec::with_capacity(len / 3 + 1),
            bounds: Vec::with_capacity(len / 3 + len / 4 + 2),
            places: Vec::with_capacity(len / 32 + 1),
        };
        HanCharsReader { runs, open: None }
    }

    /// Reads character `c` at byte `i` of the text (after every character before it).
    #[inline(always)]
    pub fn read(&mut self, i: usize, c: char) {
        if is_han(c) {
            self.read_han(i, c);
        } else {
            self.read_other(i);
        }
    }

    /// Reads a Han character ([`is_han`]) at byte `i`.
    #[inline(always)]
    pub fn read_han(&mut self, i: usize, c: char) {
        let start = *self.open.get_or_insert(i);
        self.runs.chars.push(c);
        self.runs.bounds.push(i - start);
    }

    /// Reads a character that is no Han character at byte `i` (or the end of a stretch of the
    /// text read: a run does not go on past it).
    #[inline(always)]
    pub fn read_other(&mut self, i: usize) {
        if let Some(start) = self.open.take() {
            self.runs.bounds.push(i - start);
            self.runs.places.push((start, self.runs.chars.len()));
        }
    }

    /// The runs read, the text ending at byte `len`.
    pub fn finish(mut self, len: usize) -> HanChars {
        self.read_other(len);
        self.runs
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_runs_are_the_maximal_stretches_of_han_characters() {
        let text = "一、加强预算管理。Ab12各部门要认真贯彻落实，𠀀确保（2025年）经济社会发展！";
        let runs = HanChars::read(text);
        let expected: Vec<(usize, &str)> = {
            let mut out = Vec::new();
            let mut open: Option<usize> = None;
            for (i, c) in text.char_indices().chain([(text.len(), '.')]) {
                match (is_han(c), open) {
                    (true, None) => open = Some(i),
                    (false, Some(s)) => {
                        out.push((s, &text[s..i]));
                        open = None;
                    }
                    _ => {}
                }
            }
            out
        };
        assert_eq!(expected.len(), 6);
        let read: Vec<CharRun<'_>> = runs.runs().collect();
        assert_eq!(read.len(), expected.len());
        for (run, (start, stretch)) in read.iter().zip(&expected) {
            assert_eq!((run.start, &text[run.start..run.end]), (*start, *stretch));
            assert!(run.chars.iter().copied().eq(stretch.chars()));
            let bounds: Vec<usize> = stretch.char_indices().map(|(i, _)| i).chain([stretch.len()]).collect();
            assert_eq!(run.bounds, bounds.as_slice());
        }
        assert_eq!(runs.char_count(), expected.iter().map(|(_, s)| s.chars().count()).sum::<usize>());
        assert_eq!(runs.occurrences('发'), 1);
        // A text ending inside a run, one of no run, and one run read alone.
        assert_eq!(HanChars::read("ab结尾").runs().map(|r| (r.start, r.end)).collect::<Vec<_>>(), [(2, 8)]);
        assert_eq!(HanChars::read("abc，。").runs().count(), 0);
        let one = HanChars::one(5, "预算管理");
        let run = one.runs().next().unwrap();
        assert_eq!((run.start, run.end, run.chars.len(), run.bounds), (5, 17, 4, &[0, 3, 6, 9, 12][..]));
    }
}
