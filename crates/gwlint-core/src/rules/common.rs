//! Helpers shared by several rules.

use regex::Regex;
use std::borrow::Cow;
use std::collections::HashMap;
use std::sync::{LazyLock, OnceLock};

use crate::document::char_summary::{CharBit, CharSummary};
use crate::document::{Document, Genre, Paragraph, Part};
use crate::phrase_finder::PhraseFinder;
use crate::span::Span;
use crate::text::strip_spaces;

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
            let s = m.as_str().trim_end_matches([',', '.', ';', ':', '!', '?', ')', '\'']);
            Span::new(base + m.start(), base + m.start() + s.len())
        })
        .collect()
}

/// The title paragraphs of a document.
pub fn title_paragraphs(doc: &Document) -> Vec<&Paragraph> {
    doc.parts(Part::Title).collect()
}

/// The 正文 paragraphs.
pub fn body_paragraphs(doc: &Document) -> Vec<&Paragraph> {
    doc.parts(Part::Body).collect()
}

/// The last `n` 正文 paragraphs, where a 结束语 stands.
pub fn closing_paragraphs(doc: &Document, n: usize) -> Vec<&Paragraph> {
    let body = body_paragraphs(doc);
    body[body.len().saturating_sub(n)..].to_vec()
}

/// The title with its lines joined and spaces removed.
pub fn title_text(doc: &Document) -> std::borrow::Cow<'_, str> {
    doc.facts.title.as_deref().map(strip_spaces).unwrap_or_default()
}

/// Does the document answer a deputy's 建议/议案 or a 政协委员's 提案 (“关于对……第12号提案的
/// 答复”, “……建议的复函”)? By custom such an answer is addressed to the proposer.
pub fn answers_proposal(doc: &Document) -> bool {
    let title = title_text(doc);
    let answer = title.ends_with("答复") || matches!(doc.facts.genre, Some(Genre::Letter | Genre::Reply));
    answer && ["提案", "建议", "议案"].iter().any(|w| title.contains(w))
}

/// Spans of the requests (for approval, a grant, help or a reply) in `text` (absolute, starting
/// at `base`), as the request model reads them (`crate::requests`).
pub fn request_spans(text: &str, base: usize) -> Vec<Span> {
    crate::requests::requests(text, base).into_iter().map(|r| r.span).collect()
}

/// Fixed 结束语 and the 文种 they belong to.
pub const CLOSINGS: &[(&str, &[Genre])] = &[
    ("特此报告", &[Genre::Report]),
    ("特此通知", &[Genre::Circular]),
    ("特此通报", &[Genre::Bulletin]),
    ("特此通告", &[Genre::Notice]),
    ("特此公告", &[Genre::Announcement]),
    ("特此批复", &[Genre::Reply]),
    ("此复", &[Genre::Reply, Genre::Letter]),
    ("特此函告", &[Genre::Letter]),
    ("特此函复", &[Genre::Letter]),
    ("请予函复", &[Genre::Letter]),
    ("妥否，请批示", &[Genre::Request]),
    ("当否，请批示", &[Genre::Request]),
    ("妥否，请批复", &[Genre::Request]),
    ("当否，请批复", &[Genre::Request]),
];

/// The length of the longest formula of [`CLOSINGS`], in bytes.
const LONGEST_CLOSING: usize = {
    let (mut longest, mut i) = (0, 0);
    while i < CLOSINGS.len() {
        if CLOSINGS[i].0.len() > longest {
            longest = CLOSINGS[i].0.len();
        }
        i += 1;
    }
    longest
};

/// The fixed 结束语 a paragraph consists of, if any ("特此通知。").
pub fn closing_formula(content: &str) -> Option<(&'static str, &'static [Genre])> {
    let c = content.trim_end_matches(['。', '！', '.']);
    // Most paragraphs are longer than any formula.
    if c.len() > LONGEST_CLOSING {
        return None;
    }
    CLOSINGS.iter().find(|(f, _)| c == *f || c == f.replace('，', ",")).copied()
}

/// Outline items (paragraphs with a heading marker) of one numbering scope: the 正文, or one
/// appended 附件. Paragraphs inside a quotation that runs over several paragraphs (a 决定 quoting
/// amended clauses) are skipped: their numbers belong to the quoted text.
pub fn outline_scopes(doc: &Document) -> Vec<Vec<&Paragraph>> {
    let mut scopes: Vec<Vec<&Paragraph>> = Vec::new();
    let mut current: Vec<&Paragraph> = Vec::new();
    let mut scope_part = None;
    for p in &doc.paragraphs {
        let part = p.part;
        if !matches!(part, Part::Body | Part::Attachment) {
            continue;
        }
        // A new appended attachment ("附件2" alone on a line) starts a new scope.
        let new_attachment =
            part == Part::Attachment && doc.elements.attachments.iter().any(|a| a.first_paragraph == p.index);
        if scope_part != Some(part) || new_attachment {
            if !current.is_empty() {
                scopes.push(std::mem::take(&mut current));
            }
            scope_part = Some(part);
        }
        let inside_quote =
            doc.elements.quotations.contains(p.span.start) || doc.content(p).starts_with(['“', '"', '「']);
        // "1." in a table cell of a .docx is a list item of the table, not an outline number.
        let in_table = doc.format_of(p).is_some_and(|f| f.in_table);
        if p.heading.is_some() && !inside_quote && !in_table {
            current.push(p);
        }
    }
    if !current.is_empty() {
        scopes.push(current);
    }
    scopes
}

/// A string that paragraphs are searched for, with its character summary and searcher made
/// once: a paragraph whose summary lacks one of its characters is passed without a search.
pub struct Needle {
    text: &'static str,
    searcher: OnceLock<Searcher>,
}

/// What a needle is searched with, made on first use.
struct Searcher {
    text: &'static str,
    /// The place of the needle's rarest character: most paragraphs lack it, and one bit of the
    /// summary tells so before the whole summary is compared.
    probe: CharBit,
    needs: CharSummary,
    finder: memchr::memmem::Finder<'static>,
}

impl Searcher {
    fn new(text: &'static str) -> Self {
        // Rarest by the lexicon's count of each character in clean text (an ASCII character,
        // which the lexicon does not count, only if the needle has nothing else).
        let probe = text.chars().min_by_key(|&c| (c.is_ascii(), crate::lexicon::char_count(c))).unwrap_or('\0');
        let probe = CharBit::of(probe);
        Searcher { text, probe, needs: CharSummary::of(text), finder: memchr::memmem::Finder::new(text.as_bytes()) }
    }

    /// Whether a text whose summary is `summary` may hold the needle (false: it does not).
    #[inline]
    fn may_be_in(&self, summary: &CharSummary) -> bool {
        (self.text.is_empty() || summary.may_contain_bit(self.probe)) && summary.may_contain_every(self.needs)
    }

    /// Whether paragraph `p` of `doc`, whose summary is `summary`, holds the needle. A needle
    /// of one ASCII character is told by the summary alone.
    #[inline]
    fn in_summarised(&self, doc: &Document, p: &Paragraph, summary: &CharSummary) -> bool {
        let Searcher { text, finder, .. } = self;
        self.may_be_in(summary)
            && ((text.len() == 1 && text.is_ascii()) || finder.find(doc.content(p).as_bytes()).is_some())
    }
}

impl Needle {
    pub const fn new(text: &'static str) -> Self {
        Needle { text, searcher: OnceLock::new() }
    }

    /// Whether paragraph `p` of `doc` holds the needle.
    pub fn in_paragraph(&self, doc: &Document, p: &Paragraph) -> bool {
        self.searcher.get_or_init(|| Searcher::new(self.text)).in_summarised(doc, p, &doc.summary(p))
    }
}

/// A regex compiled only for a text that can match it: every match holds one of `needles`
/// (checked first, with a plain search), so a text without them never pays for compiling a
/// pattern that cannot match (compiling the rules' patterns is most of gwlint's start-up). With
/// no needles the pattern is compiled on first use for any text.
pub struct GatedRegex {
    needles: Cow<'static, [&'static str]>,
    pattern: &'static str,
    re: OnceLock<Regex>,
    /// The needles as searched for, made on first use.
    searchers: OnceLock<Vec<Searcher>>,
}

impl GatedRegex {
    /// `needles` must hold a string every match contains.
    pub const fn new(needles: &'static [&'static str], pattern: &'static str) -> Self {
        GatedRegex { needles: Cow::Borrowed(needles), pattern, re: OnceLock::new(), searchers: OnceLock::new() }
    }

    /// [`GatedRegex::new`] with needles worked out at run time (empty: not gated).
    pub fn with_needles(needles: Vec<&'static str>, pattern: &'static str) -> Self {
        GatedRegex { needles: Cow::Owned(needles), pattern, re: OnceLock::new(), searchers: OnceLock::new() }
    }

    /// How many matches the pattern has in `text`, each checked to hold one of the needles (the
    /// promise the gate rests on).
    #[cfg(test)]
    pub(crate) fn matches_holding_needles(&self, text: &str) -> usize {
        let matches: Vec<&str> = self.regex().find_iter(text).map(|m| m.as_str()).collect();
        for m in &matches {
            assert!(self.needles.iter().any(|n| m.contains(n)), "“{m}” holds no needle of {:?}", self.needles);
        }
        matches.len()
    }

    /// The regex, compiled on first use.
    pub(crate) fn regex(&self) -> &Regex {
        self.re.get_or_init(|| Regex::new(self.pattern).expect("pattern"))
    }

    /// Every match in every paragraph of `doc` (see [`paragraph_matches`]), searching only the
    /// paragraphs that hold one of the needles (asked of each paragraph's character summary
    /// first); the pattern is compiled when a paragraph first does.
    pub fn paragraph_matches<'a>(
        &'a self,
        doc: &'a Document,
    ) -> impl Iterator<Item = (&'a Paragraph, regex::Captures<'a>, Span)> + 'a {
        let needles = self.searchers.get_or_init(|| self.needles.iter().map(|n| Searcher::new(n)).collect());
        // A document whose paragraphs hold none of the needles between them has no paragraph
        // to search (most documents, for most patterns): told once, not paragraph by paragraph.
        let whole = doc.paragraphs_summary();
        let paragraphs: &[Paragraph] =
            if needles.is_empty() || needles.iter().any(|n| n.may_be_in(&whole)) { &doc.paragraphs } else { &[] };
        let summaries = doc.summaries();
        // Without needles, the whole text is searched first (see `MayMatch`); with them, the
        // needles tell most paragraphs apart more cheaply than a search of the text.
        let mut may_match = needles.is_empty().then(|| MayMatch::new(self.regex()));
        let paragraphs = if may_match.as_mut().is_some_and(|m| m.none_from(doc)) { &[] } else { paragraphs };
        paragraphs
            .iter()
            .filter(move |p| match &mut may_match {
                Some(may_match) => may_match.paragraph(doc, p),
                // Each paragraph's summary read where it is kept, not copied out.
                None => match summaries.get(p.index) {
                    Some(summary) => needles.iter().any(|n| n.in_summarised(doc, p, summary)),
                    None => needles.iter().any(|n| n.in_summarised(doc, p, &doc.summary(p))),
                },
            })
            .flat_map(move |p| matches_in_paragraph(doc, p, self.regex()))
    }
}

/// Every match of `re` in every paragraph (matches never cross a paragraph), with the
/// paragraph and the absolute span of the whole match.
pub fn paragraph_matches<'a>(
    doc: &'a Document,
    re: &'a Regex,
) -> impl Iterator<Item = (&'a Paragraph, regex::Captures<'a>, Span)> + 'a {
    let mut may_match = MayMatch::new(re);
    // A local pattern with no match in the text from the first paragraph on has none in any
    // paragraph (most patterns, in most documents): the paragraphs are not gone through.
    let paragraphs: &[Paragraph] = if may_match.none_from(doc) { &[] } else { &doc.paragraphs };
    paragraphs.iter().filter(move |p| may_match.paragraph(doc, p)).flat_map(move |p| matches_in_paragraph(doc, p, re))
}

/// Which paragraphs may hold a match of a pattern, told by searching the whole text: where a
/// pattern asserts nothing about what lies around a match ([`is_local`]), a match inside a
/// paragraph is a match of the whole text at the same place, so a paragraph before which no
/// match of the whole text starts holds none. Most patterns match in few documents: one
/// search of the text replaces a search (and its set-up) for every paragraph.
struct MayMatch<'r> {
    /// The pattern, if it is local (otherwise every paragraph may match).
    re: Option<&'r Regex>,
    /// The start of the first match of the whole text at or after `from` (none: no match
    /// starts there or later).
    next: Option<usize>,
    from: Option<usize>,
}

impl<'r> MayMatch<'r> {
    fn new(re: &'r Regex) -> Self {
        // A pattern that matches the empty string matches in an empty paragraph, where no match
        // of the whole text starts before the paragraph's end.
        let local = is_local(re.as_str()) && !re.is_match("");
        MayMatch { re: local.then_some(re), next: None, from: None }
    }

    /// Whether no paragraph of `doc` may hold a match: the pattern is local and the text has
    /// none from the first paragraph's start on. The search is the one [`MayMatch::paragraph`]
    /// makes for the first paragraph, made here and kept for it.
    fn none_from(&mut self, doc: &Document) -> bool {
        let (Some(re), Some(first)) = (self.re, doc.paragraphs.first()) else { return false };
        let start = first.span.clamp_to(&doc.text).start;
        self.next = re.find_at(&doc.text, start).map(|m| m.start());
        self.from = Some(start);
        self.next.is_none()
    }

    /// Whether paragraph `p` may hold a match (asked of the paragraphs in text order).
    fn paragraph(&mut self, doc: &Document, p: &Paragraph) -> bool {
        let Some(re) = self.re else { return true };
        let span = p.span.clamp_to(&doc.text);
        // The first match starting at or after the paragraph's start: the one found before
        // if it starts there or later and no match started between (none: none was found).
        let known = self.from.is_some_and(|from| from <= span.start && self.next.is_none_or(|n| n >= span.start));
        if !known {
            self.next = re.find_at(&doc.text, span.start).map(|m| m.start());
            self.from = Some(span.start);
        }
        self.next.is_some_and(|n| n < span.end)
    }
}

/// Whether `pattern` asserts nothing about the text around a match: no `^`, `$`, `\A`, `\z`
/// or word boundary. Told from the pattern's text alone: a `^` or `$` inside a class (`[$]`),
/// an escaped one or an escaped backslash before `b` counts as an assertion too, and such a
/// pattern is only searched paragraph by paragraph.
///
/// Read once over the pattern's bytes (asked for every document): a `^` right after `[` (a
/// negated class) is no assertion.
fn is_local(pattern: &str) -> bool {
    let bytes = pattern.as_bytes();
    !bytes.iter().enumerate().any(|(i, &b)| match b {
        b'^' => i == 0 || bytes[i - 1] != b'[',
        b'$' => true,
        b'\\' => matches!(bytes.get(i + 1), Some(b'b' | b'B' | b'A' | b'z' | b'<' | b'>')),
        _ => false,
    })
}

/// [`paragraph_matches`] over the paragraphs that pass `gate`, a cheap test every paragraph
/// with a match passes (an ASCII digit, a character the pattern needs), given the paragraph's
/// text and its character summary: the others are not searched, and the pattern is compiled
/// only when a paragraph passes (most documents have none for most gated patterns, and
/// compiling them is most of what a fresh process pays for a short document).
pub fn paragraph_matches_where<'a>(
    doc: &'a Document,
    re: &'a LazyLock<Regex>,
    gate: fn(&str, &CharSummary) -> bool,
) -> impl Iterator<Item = (&'a Paragraph, regex::Captures<'a>, Span)> + 'a {
    let summaries = doc.summaries();
    doc.paragraphs
        .iter()
        .filter(move |p| match summaries.get(p.index) {
            Some(summary) => gate(doc.content(p), summary),
            None => gate(doc.content(p), &doc.summary(p)),
        })
        .flat_map(move |p| matches_in_paragraph(doc, p, re))
}

/// Every match of `re` in paragraph `p`, with the absolute span of the whole match.
pub fn matches_in_paragraph<'a>(
    doc: &'a Document,
    p: &'a Paragraph,
    re: &'a Regex,
) -> impl Iterator<Item = (&'a Paragraph, regex::Captures<'a>, Span)> + 'a {
    // Most paragraphs hold no match: asking first needs no capture slots and stops at the
    // first match it sees.
    let content = doc.content(p);
    re.is_match(content).then(|| re.captures_iter(content)).into_iter().flatten().map(move |c| {
        let m = c.get(0).expect("whole match");
        let span = Span::new(p.span.start + m.start(), p.span.start + m.end());
        (p, c, span)
    })
}

/// Whether the mark at `mark` (a byte range of `text`) stands right after one of `before` and
/// right before one of `after` (an empty word: any neighbour): the gate of a pattern that needs a
/// word of each list around a mark too common to gate on (的).
pub fn words_around(text: &str, mark: std::ops::Range<usize>, before: &[&str], after: &[&str]) -> bool {
    let (head, tail) = (&text.as_bytes()[..mark.start], &text.as_bytes()[mark.end..]);
    // Compared from a byte the words differ most in (the last of their first or last
    // character) before the rest: most neighbours of the mark are no word of the lists.
    let starts = |w: &[u8]| {
        let k = w.len().min(3);
        w.is_empty() || (tail.len() >= w.len() && tail[k - 1] == w[k - 1] && tail[..w.len()] == *w)
    };
    let ends = |w: &[u8]| {
        w.is_empty()
            || (head.len() >= w.len() && head[head.len() - 1] == w[w.len() - 1] && head[head.len() - w.len()..] == *w)
    };
    after.iter().any(|a| starts(a.as_bytes())) && before.iter().any(|b| ends(b.as_bytes()))
}

/// Two lists of words a mark may stand between ([`words_around`]), with the bytes
/// `words_around` compares first gathered in sets: the last byte of each word of `before`, and
/// for `after` the byte at `min(len, 3)` of each word (the last of its first character). Most
/// neighbours of a mark have neither, and are passed with a test of a bit each.
pub struct WordsAround {
    before: &'static [&'static str],
    after: &'static [&'static str],
    /// None when `before` holds the empty word (any neighbour).
    before_last: Option<ByteSet>,
    /// For a byte place of 1, 2 and 3: the bytes there of the words of `after` compared from
    /// that place; None when `after` holds the empty word.
    after_first: Option<[ByteSet; 3]>,
}

/// A set of bytes.
#[derive(Clone, Copy)]
struct ByteSet([u64; 4]);

impl ByteSet {
    const EMPTY: ByteSet = ByteSet([0; 4]);

    const fn with(mut self, b: u8) -> ByteSet {
        self.0[(b >> 6) as usize] |= 1 << (b & 63);
        self
    }

    fn contains(&self, b: u8) -> bool {
        self.0[usize::from(b >> 6)] & (1 << (b & 63)) != 0
    }
}

impl WordsAround {
    pub const fn new(before: &'static [&'static str], after: &'static [&'static str]) -> WordsAround {
        let (mut before_last, mut after_first) = (Some(ByteSet::EMPTY), Some([ByteSet::EMPTY; 3]));
        let mut i = 0;
        while i < before.len() {
            let w = before[i].as_bytes();
            before_last = match (before_last, w.len()) {
                (_, 0) | (None, _) => None,
                (Some(set), len) => Some(set.with(w[len - 1])),
            };
            i += 1;
        }
        let mut i = 0;
        while i < after.len() {
            let w = after[i].as_bytes();
            after_first = match (after_first, w.len()) {
                (_, 0) | (None, _) => None,
                (Some(mut sets), len) => {
                    let k = if len < 3 { len } else { 3 };
                    sets[k - 1] = sets[k - 1].with(w[k - 1]);
                    Some(sets)
                }
            };
            i += 1;
        }
        WordsAround { before, after, before_last, after_first }
    }

    /// [`words_around`] of the two lists.
    pub fn around(&self, text: &str, mark: std::ops::Range<usize>) -> bool {
        let (head, tail) = (&text.as_bytes()[..mark.start], &text.as_bytes()[mark.end..]);
        self.before_last.is_none_or(|set| head.last().is_some_and(|&b| set.contains(b)))
            && self.after_first.is_none_or(|sets| sets.iter().zip(tail).any(|(set, &b)| set.contains(b)))
            && words_around(text, mark, self.before, self.after)
    }
}

/// Absolute span of a capture group of a match in paragraph `p`.
pub fn group_span(p: &Paragraph, m: regex::Match<'_>) -> Span {
    Span::new(p.span.start + m.start(), p.span.start + m.end())
}

/// Chars of a paragraph's content with their absolute byte offsets.
pub fn chars_with_offsets<'a>(doc: &'a Document, p: &Paragraph) -> impl Iterator<Item = (usize, char)> + 'a {
    let base = p.span.start;
    doc.content(p).char_indices().map(move |(i, c)| (base + i, c))
}

/// Whether `needle` (a finder of a whole character's or word's bytes) stands in `text` right after
/// a character for which `before` holds: what a gate asks before a pattern runs (an ASCII digit
/// before 千, a Chinese digit before 万). A search for the needle's bytes, where a search for one
/// Han character runs on its last byte, which most Han characters share; the finder is built
/// once by its caller (building one costs more than searching most paragraphs).
pub fn found_after(text: &str, needle: &memchr::memmem::Finder<'_>, before: impl Fn(char) -> bool) -> bool {
    needle.find_iter(text.as_bytes()).any(|i| text[..i].chars().next_back().is_some_and(&before))
}

/// The sentence of `text` around byte `at`: from after the last 。！？ or line break before it to
/// the next one.
pub fn sentence_around(text: &str, at: usize) -> &str {
    let ends = |c: char| matches!(c, '。' | '！' | '？' | '\n');
    let start = text[..at].char_indices().rev().find(|&(_, c)| ends(c)).map_or(0, |(i, c)| i + c.len_utf8());
    let end = text[at..].find(ends).map_or(text.len(), |i| at + i);
    &text[start..end]
}

/// The years written with four Arabic digits in `s` (2012年), not part of a longer number.
pub fn years_in(s: &str) -> Vec<u32> {
    let chars: Vec<char> = s.chars().collect();
    let mut out = Vec::new();
    for (i, w) in chars.windows(5).enumerate() {
        if w[4] == '年'
            && w[..4].iter().all(char::is_ascii_digit)
            && !chars.get(i.wrapping_sub(1)).is_some_and(char::is_ascii_digit)
        {
            out.push(w[..4].iter().collect::<String>().parse().unwrap_or(0));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_needle_is_found_in_the_paragraphs_that_hold_it() {
        use crate::document::SourceKind;
        static NEEDLE: Needle = Needle::new("其中");
        let text = "关于报送材料的通知\n\n各单位：\n共报送10份，其中3份退回。\n其他中期事项另行通知。\n";
        let doc = Document::from_text("t.txt", SourceKind::Txt, text).unwrap();
        let holding: Vec<&str> =
            doc.paragraphs.iter().filter(|p| NEEDLE.in_paragraph(&doc, p)).map(|p| doc.content(p)).collect();
        assert_eq!(holding, ["共报送10份，其中3份退回。"]);
        // A needle of one ASCII character is told by the summary alone.
        static ASCII: Needle = Needle::new("0");
        let holding: Vec<&str> =
            doc.paragraphs.iter().filter(|p| ASCII.in_paragraph(&doc, p)).map(|p| doc.content(p)).collect();
        assert_eq!(holding, ["共报送10份，其中3份退回。"]);
    }

    #[test]
    fn a_needle_is_found_exactly_where_a_search_finds_it() {
        // Needles of one to four characters cut from one document (Han, punctuation, digits,
        // Latin), searched for in the paragraphs of another and of itself.
        use crate::document::SourceKind;
        let texts = [
            include_str!("../../../../fixtures/documents/03_baogao_errors.txt"),
            include_str!("../../../../fixtures/documents/07_tongbao_errors.txt"),
        ];
        let docs: Vec<Document> =
            texts.iter().map(|t| Document::from_text("t.txt", SourceKind::Txt, t).unwrap()).collect();
        let chars: Vec<char> = texts[0].chars().filter(|c| !c.is_whitespace()).collect();
        let (mut found, mut searched) = (0, 0);
        for len in 1..=4 {
            for (k, window) in chars.windows(len).enumerate().step_by(7) {
                let mut needle: String = window.iter().collect();
                if k % 5 == 0 {
                    needle.push('䶵');
                }
                let needle = Needle::new(Box::leak(needle.into_boxed_str()));
                for doc in &docs {
                    for p in &doc.paragraphs {
                        let holds = doc.content(p).contains(needle.text);
                        assert_eq!(needle.in_paragraph(doc, p), holds, "{}", needle.text);
                        (found, searched) = (found + usize::from(holds), searched + 1);
                    }
                }
            }
        }
        assert_eq!((found, searched), (235, 3726));
    }

    #[test]
    fn a_pattern_with_an_assertion_is_not_local() {
        for local in [r"[，。、；：！？]{2,}", r"(、)\s*(等等|等|以及)", r"[^0-9]年", r"\.{3,}|…+"] {
            assert!(is_local(local), "{local}");
        }
        for asserting in [
            r"^第",
            r"(?:^|[。；])通过",
            r"年$",
            r"\bab",
            r"\Bab",
            r"\Aab",
            r"ab\z",
            r"[$]",
            r"\^",
            r"[[^^a]",
            r"\\b",
            r"a\<b\>",
        ] {
            assert!(!is_local(asserting), "{asserting}");
        }
    }

    /// Searching the whole text first passes over only paragraphs without a match: the
    /// matches are those of every paragraph searched, for patterns whose matches in the whole
    /// text run across the end of a paragraph (`\s` takes the line break), at a paragraph's
    /// first and last characters, in many paragraphs or none, with an assertion (searched
    /// paragraph by paragraph) and matching the empty string.
    #[test]
    fn a_local_pattern_finds_what_every_paragraph_searched_finds() {
        use crate::document::SourceKind;
        let mut texts: Vec<String> = [
            include_str!("../../../../fixtures/documents/03_baogao_errors.txt"),
            include_str!("../../../../fixtures/documents/07_tongbao_errors.txt"),
            include_str!("../../../../fixtures/documents/06_yijian.md"),
        ]
        .map(str::to_string)
        .to_vec();
        texts.push(
            "关于报送材料的通知\n\n各单位：\n、和、\n等，，\n本通知自印发之日起施行。。\n本报告、\n和\n".to_string(),
        );
        let patterns = [
            r"[，。、；：！？]{2,}",
            r"(、)\s*(等等|等|以及|和|及|或)",
            r"本(?P<g>决议|决定|通知|报告)(?P<next>.?)",
            r"\s+",
            r"[^。]{3}",
            r"无此词",
            r"(?:^|[。；])本",
            r"等*",
        ];
        let (mut found, mut passed_over) = (0, 0);
        for text in &texts {
            let doc = Document::from_text("t.txt", SourceKind::Txt, text).unwrap();
            for pattern in patterns {
                let re = Regex::new(pattern).unwrap();
                let spans = |it: &mut dyn Iterator<Item = (&Paragraph, regex::Captures<'_>, Span)>| {
                    it.map(|(_, _, s)| (s.start, s.end)).collect::<Vec<_>>()
                };
                let every = spans(&mut doc.paragraphs.iter().flat_map(|p| matches_in_paragraph(&doc, p, &re)));
                assert_eq!(spans(&mut paragraph_matches(&doc, &re)), every, "{pattern}");
                found += every.len();
                // A document passed over at once has no match in any paragraph.
                if MayMatch::new(&re).none_from(&doc) {
                    assert!(every.is_empty(), "{pattern}");
                    passed_over += 1;
                }
            }
        }
        assert!(found > 1000, "{found}");
        assert_eq!(passed_over, 13, "the documents without a match of a local pattern");
    }

    #[test]
    fn a_gated_pattern_finds_what_the_pattern_finds_in_every_paragraph() {
        use crate::document::SourceKind;
        static GATED: GatedRegex = GatedRegex::new(&["截止", "期限"], r"(截止|期限)[^，。]{0,6}(日|前)");
        static GATED_NONE: GatedRegex = GatedRegex::new(&["无此词"], r"无此词");
        // Both characters are in the document, each in another paragraph: the document passes,
        // no paragraph does.
        static GATED_SPLIT: GatedRegex = GatedRegex::new(&["止期"], r"止期");
        let text =
            "关于报送材料的通知\n\n各单位：\n请于截止3月15日前报送。\n报送期限为十个工作日。\n其他事项另行通知。\n";
        let doc = Document::from_text("t.txt", SourceKind::Txt, text).unwrap();
        let plain = Regex::new(GATED.pattern).unwrap();
        let spans = |it: &mut dyn Iterator<Item = (&Paragraph, regex::Captures<'_>, Span)>| {
            it.map(|(_, _, s)| doc.slice(s).to_string()).collect::<Vec<_>>()
        };
        let gated = spans(&mut GATED.paragraph_matches(&doc));
        assert_eq!(gated, spans(&mut paragraph_matches(&doc, &plain)));
        assert_eq!(gated, ["截止3月15日前", "期限为十个工作日"]);
        assert_eq!(GATED_NONE.paragraph_matches(&doc).count(), 0);
        assert!(!GATED_NONE.searchers.get().unwrap()[0].may_be_in(&doc.paragraphs_summary()));
        assert_eq!(GATED_SPLIT.paragraph_matches(&doc).count(), 0);
        assert!(GATED_SPLIT.searchers.get().unwrap()[0].may_be_in(&doc.paragraphs_summary()));
        // The pattern is compiled only once a paragraph holds a needle.
        assert!(GATED_NONE.re.get().is_none() && GATED_SPLIT.re.get().is_none() && GATED.re.get().is_some());
    }

    #[test]
    fn a_mark_between_words_of_two_lists() {
        let (before, after) = (&["认真", "积极"][..], &["落实", "推进"][..]);
        let around =
            |text: &str| text.match_indices('的').any(|(i, m)| words_around(text, i..i + m.len(), before, after));
        assert!(around("要认真的落实") && around("目的的积极的推进"));
        assert!(!around("认真的研究和的落实") && !around("的落实") && !around("认真的") && !around(""));
        // An empty word: any neighbour on that side.
        assert!(words_around("的看到", 0..3, &[""], &["看到"]) && !words_around("的看", 0..3, &[""], &["看到"]));
    }

    #[test]
    fn the_sets_of_first_bytes_pass_every_mark_between_words_of_the_lists() {
        // Words of one, two and three bytes and more, the empty word, and texts of every word of
        // one list beside every word of the other with a mark between, and beside others.
        const BEFORE: &[&str] = &["认真", "a", "ab", "扎扎实实", "积极"];
        const AFTER: &[&str] = &["落实", "x", "xy", "推进", "了"];
        const ANY: &[&str] = &[""];
        let others = ["", "的", "z", "zz", "实", "认", "落", "推", "。"];
        for (before, after) in [(BEFORE, AFTER), (ANY, AFTER), (BEFORE, ANY), (ANY, ANY)] {
            let gate = WordsAround::new(before, after);
            let lefts = before.iter().chain(&others);
            for left in lefts {
                for right in after.iter().chain(&others) {
                    let text = format!("{left}的{right}");
                    let mark = left.len()..left.len() + "的".len();
                    assert_eq!(gate.around(&text, mark.clone()), words_around(&text, mark, before, after), "{text}");
                }
            }
        }
    }

    #[test]
    fn urls_and_emails_without_trailing_marks() {
        let t = "详见http://www.gov.cn/a.htm,或发邮件至ban@gov.cn。";
        let spans = url_spans(t, 0);
        assert_eq!(&t[spans[0].start..spans[0].end], "http://www.gov.cn/a.htm");
        assert_eq!(&t[spans[1].start..spans[1].end], "ban@gov.cn");
    }
}

/// Where each of a list of strings occurs in a text, found in one pass over the text instead of
/// one pass per string: for each string, the starts `str::match_indices` would give for it
/// alone (left to right, an occurrence never overlapping the one before).
///
/// The lists are short (tens of names of organs or people): see [`PhraseFinder`].
pub struct Occurrences {
    /// The distinct patterns.
    finder: PhraseFinder,
    /// For each distinct pattern, its places in the list given.
    places: Vec<Vec<usize>>,
    count: usize,
}

impl Occurrences {
    /// The finder of `patterns` (none of them empty).
    pub fn new<P: AsRef<str>>(patterns: &[P]) -> Self {
        let mut distinct: Vec<&str> = Vec::new();
        let mut places: Vec<Vec<usize>> = Vec::new();
        let mut seen: HashMap<&str, usize> = HashMap::new();
        for (i, p) in patterns.iter().enumerate() {
            let k = *seen.entry(p.as_ref()).or_insert_with(|| {
                distinct.push(p.as_ref());
                places.push(Vec::new());
                distinct.len() - 1
            });
            places[k].push(i);
        }
        Occurrences { finder: PhraseFinder::new(distinct), places, count: patterns.len() }
    }

    /// For each pattern, in the order given, the byte offsets where it occurs in `text` (the
    /// reference [`Occurrences::in_document`] is tested against).
    #[cfg(test)]
    pub fn in_text(&self, text: &str) -> Vec<Vec<usize>> {
        // Every occurrence of every pattern, by pattern, left to right.
        let mut found: Vec<Vec<usize>> = vec![Vec::new(); self.finder.len()];
        self.finder.for_each(text, |k, start| found[k].push(start));
        self.places(found)
    }

    /// [`Occurrences::in_text`] of the text of `doc`, whose Han characters are read from the
    /// document's runs ([`PhraseFinder::for_each_in`]).
    pub fn in_document(&self, doc: &Document) -> Vec<Vec<usize>> {
        let mut found: Vec<Vec<usize>> = vec![Vec::new(); self.finder.len()];
        self.finder.for_each_in(&doc.text, doc.han_chars(), |k, start| found[k].push(start));
        self.places(found)
    }

    /// The occurrences of each pattern given every occurrence of each distinct pattern
    /// (`found`, each left to right).
    fn places(&self, found: Vec<Vec<usize>>) -> Vec<Vec<usize>> {
        let mut out: Vec<Vec<usize>> = vec![Vec::new(); self.count];
        for (k, (spans, places)) in found.into_iter().zip(&self.places).enumerate() {
            if spans.is_empty() {
                continue;
            }
            let len = self.finder.phrase(k).len();
            let mut free = 0;
            let mut starts = Vec::with_capacity(spans.len());
            for start in spans {
                if start >= free {
                    starts.push(start);
                    free = start + len;
                }
            }
            for &i in places {
                out[i] = starts.clone();
            }
        }
        out
    }
}

#[cfg(test)]
mod occurrences_tests {
    use super::Occurrences;

    #[test]
    fn every_pattern_is_found_as_match_indices_finds_it_alone() {
        let patterns = ["国务院", "国务院总理", "总理", "aa", "李强", "总理"];
        let text = "国务院总理李强，国务院；aaa总理aaaa李强";
        let found = Occurrences::new(&patterns).in_text(text);
        for (p, starts) in patterns.iter().zip(&found) {
            let want: Vec<usize> = text.match_indices(p).map(|(i, _)| i).collect();
            assert_eq!(starts, &want, "{p}");
        }
        assert_eq!(found[3].len(), 3);
        assert!(Occurrences::new::<&str>(&[]).in_text(text).is_empty());
        // Patterns of one character, patterns one the prefix of another, characters beyond
        // U+FFFF, a pattern at the very end.
        let patterns = ["王", "王某", "𠀀𠀁", "𠀀", "某某", "a", "ab", "b"];
        let text = "王某某王𠀀𠀁𠀀王某ab王";
        let found = Occurrences::new(&patterns).in_text(text);
        for (p, starts) in patterns.iter().zip(&found) {
            let want: Vec<usize> = text.match_indices(p).map(|(i, _)| i).collect();
            assert_eq!(starts, &want, "{p}");
        }
        assert_eq!(found.iter().map(Vec::len).collect::<Vec<_>>(), [4, 2, 1, 2, 1, 1, 1, 1]);
    }

    /// A document's occurrences, read from its runs of Han characters, are its text's: a short
    /// list (searched for in the text) and a list of more first characters than a packed search
    /// takes (read from the runs), with a name repeated and one that starts with a letter.
    #[test]
    fn a_documents_occurrences_are_its_texts() {
        let doc = crate::Document::from_text(
            "t.txt",
            crate::document::SourceKind::Txt,
            include_str!("../../../../fixtures/documents/03_baogao_errors.txt"),
        )
        .unwrap();
        let words = include_str!("../../../../rules/near-miss/words.txt");
        let mut long: Vec<&str> = words.lines().filter_map(|l| l.split('\t').next()).collect();
        long.extend(["经济", "X光", "经济"]);
        for patterns in [&["安全生产", "市政府", "我局", "安全生产"][..], &long] {
            let occurrences = Occurrences::new(patterns);
            let found = occurrences.in_document(&doc);
            assert_eq!(found, occurrences.in_text(&doc.text));
            let total: usize = found.iter().map(Vec::len).sum();
            assert_eq!(total, if patterns.len() == 4 { 15 } else { 8 });
        }
    }
}
