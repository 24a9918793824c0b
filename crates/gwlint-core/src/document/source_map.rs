//! Mapping byte offsets of `Document::text` back to byte offsets of `Document::source`.

/// Piecewise-linear map: each anchor says "text offset `t` is source offset `s`", and the
/// bytes after an anchor map one to one until the next anchor.
#[derive(Clone, Debug, Default)]
pub struct SourceMap {
    anchors: Vec<(usize, usize)>,
}

impl SourceMap {
    pub fn identity() -> Self {
        SourceMap { anchors: vec![(0, 0)] }
    }

    /// Record that text offset `text` corresponds to source offset `source`.
    pub fn push(&mut self, text: usize, source: usize) {
        if let Some(&(t, s)) = self.anchors.last() {
            if text - t == source.wrapping_sub(s) {
                return; // still linear: no new anchor needed
            }
            if t == text {
                self.anchors.pop();
            }
        }
        self.anchors.push((text, source));
    }

    /// The text offset of a source offset. A source offset inside removed bytes (markup, a
    /// suppression comment, the second byte of a CRLF) maps to where the text continues.
    pub fn to_text(&self, source: usize) -> usize {
        let i = self.anchors.partition_point(|&(_, s)| s <= source);
        match i.checked_sub(1).and_then(|k| self.anchors.get(k)) {
            Some(&(t, s)) => {
                let t = t + (source - s);
                self.anchors.get(i).map_or(t, |&(next, _)| t.min(next))
            }
            None => source,
        }
    }

    /// The source offset of the end of a range ending at text offset `offset`: the end of the
    /// text before it, even when removed bytes (markup) follow in the source.
    pub fn to_source_end(&self, offset: usize) -> usize {
        let i = self.anchors.partition_point(|&(t, _)| t < offset);
        match i.checked_sub(1).and_then(|i| self.anchors.get(i)) {
            Some(&(t, s)) => s + (offset - t),
            None => offset,
        }
    }

    pub fn to_source(&self, offset: usize) -> usize {
        let i = self.anchors.partition_point(|&(t, _)| t <= offset);
        match i.checked_sub(1).and_then(|i| self.anchors.get(i)) {
            Some(&(t, s)) => s + (offset - t),
            None => offset,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn maps_through_anchors() {
        let mut m = SourceMap::default();
        m.push(0, 0);
        m.push(5, 6); // one byte removed before text offset 5
        m.push(9, 10);
        assert_eq!(m.to_source(3), 3);
        assert_eq!(m.to_source(5), 6);
        assert_eq!(m.to_source(7), 8);
        assert_eq!(m.anchors.len(), 2);
        assert_eq!(m.to_text(3), 3);
        assert_eq!(m.to_text(5), 5); // the removed byte maps to where the text continues
        assert_eq!(m.to_text(6), 5);
        assert_eq!(m.to_text(8), 7);
        for t in 0..12 {
            assert_eq!(m.to_text(m.to_source(t)), t);
        }
        // A range ending where a byte was removed ends before that byte.
        assert_eq!(m.to_source_end(5), 5);
        assert_eq!(m.to_source(5), 6);
        assert_eq!(m.to_source_end(7), 8);
    }
}
