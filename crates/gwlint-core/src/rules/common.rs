//! Helpers shared by several rules.

use regex::Regex;
use std::sync::LazyLock;

use crate::document::{Document, Paragraph, Part};
use crate::span::Span;

static URL_OR_EMAIL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?:https?://|ftp://|www\.)[A-Za-z0-9\-._~:/?#\[\]@!$&'()*+,;=%]+|[A-Za-z0-9._%+\-]+@[A-Za-z0-9\-]+(?:\.[A-Za-z0-9\-]+)+")
        .unwrap()
});

/// Spans of URLs and e-mail addresses in `text` (trailing punctuation excluded), where
/// typography rules must not touch anything.
pub fn url_spans(text: &str, base: usize) -> Vec<Span> {
    URL_OR_EMAIL
        .find_iter(text)
        .map(|m| {
            let s = m
                .as_str()
                .trim_end_matches([',', '.', ';', ':', '!', '?', ')', '\'']);
            Span::new(base + m.start(), base + m.start() + s.len())
        })
        .collect()
}

/// The title paragraphs of a document.
pub fn title_paragraphs(doc: &Document) -> Vec<&Paragraph> {
    doc.parts(Part::Title).collect()
}

/// Chars of a paragraph's content with their absolute byte offsets.
pub fn chars_with_offsets<'a>(
    doc: &'a Document,
    p: &Paragraph,
) -> impl Iterator<Item = (usize, char)> + 'a {
    let base = p.span.start;
    doc.content(p)
        .char_indices()
        .map(move |(i, c)| (base + i, c))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn urls_and_emails_without_trailing_marks() {
        let t = "详见http://www.gov.cn/a.htm,或发邮件至ban@gov.cn。";
        let spans = url_spans(t, 0);
        assert_eq!(&t[spans[0].start..spans[0].end], "http://www.gov.cn/a.htm");
        assert_eq!(&t[spans[1].start..spans[1].end], "ban@gov.cn");
    }
}
