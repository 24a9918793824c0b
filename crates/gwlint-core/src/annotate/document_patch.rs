//! Comments and tracked changes put into document.xml as a byte patch: `w:commentRangeStart`
//! before the first character of a finding, `w:commentRangeEnd` and the run holding
//! `w:commentReference` after its last; a replacement as `w:del` (the old text as `w:delText`)
//! and `w:ins` by author gwlint. Every byte of document.xml outside the insertion points stays as
//! it was; a run is split where a range or a replacement starts or ends inside it (each part
//! repeats the run's `w:rPr`, so the text keeps its formatting).

use super::AUTHOR;
use crate::document::docx_map::{entity_char, DocxMap, DocxParagraph, TextNode};
use crate::text::xml_escape as escape;

/// A comment's range: paragraph (reading order) and byte offsets in its text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct CommentRange {
    pub id: u32,
    pub paragraph: usize,
    pub start: usize,
    pub end: usize,
}

/// A tracked replacement of `start..end` of a paragraph's text (an insertion when empty) by
/// `text`; `ids` are the `w:del` and `w:ins` ids.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Replacement {
    pub paragraph: usize,
    pub start: usize,
    pub end: usize,
    pub text: String,
    pub ids: (u32, u32),
}

/// What the patch did: the document, the comments that found no character, the replacements
/// written (indices into the list given).
pub struct Patched {
    pub xml: Vec<u8>,
    pub unplaced: Vec<u32>,
    pub replaced: Vec<usize>,
}

/// What is inserted at one point, in this order when several meet.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum Mark {
    // Ends sort before starts at the same point: one range closes before the next opens; a
    // replacement comes after both, inside the ranges that start there.
    End(u32),
    Start(u32),
    Replace(usize),
}

/// How the point stands in the XML.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Place {
    /// Between runs (before `<w:r>` or after `</w:r>`): the marks go in as they are.
    Between,
    /// Inside the text of a `w:t` of run `run`: the run is closed and reopened around the marks.
    InText { paragraph: usize, run: usize },
    /// Between two child elements of run `run` (before or after a `<w:tab/>`).
    InRun { paragraph: usize, run: usize },
}

struct Cut {
    at: usize,
    place: Place,
    mark: Mark,
}

/// A replacement placed: the raw bytes it removes and what replaces them.
struct Placed {
    to: usize,
    markup: String,
}

/// document.xml with the comment ranges marked and the replacements written as tracked changes.
/// A range on no character (an empty paragraph) is left out; a replacement is written only when
/// it lies inside one `w:t` and does not overlap one written before it.
pub fn patch(xml: &[u8], map: &DocxMap, ranges: &[CommentRange], replacements: &[Replacement]) -> Patched {
    let mut cuts = Vec::new();
    let mut placed: Vec<Option<Placed>> = Vec::new();
    let mut taken: Vec<(usize, usize)> = Vec::new();
    for (k, r) in replacements.iter().enumerate() {
        let spot = map.paragraphs.get(r.paragraph).and_then(|p| replacement_spot(xml, map, r.paragraph, p, r));
        match spot {
            Some((from, to, place, markup)) if !taken.iter().any(|&(a, b)| from < b && a < to || from == a) => {
                taken.push((from, to));
                cuts.push(Cut { at: from, place, mark: Mark::Replace(k) });
                placed.push(Some(Placed { to, markup }));
            }
            _ => placed.push(None),
        }
    }
    let mut unplaced = Vec::new();
    for r in ranges {
        let Some(p) = map.paragraphs.get(r.paragraph).filter(|_| r.end > r.start) else {
            unplaced.push(r.id);
            continue;
        };
        let start = start_point(xml, p, r.paragraph, r.start);
        let end = end_point(xml, p, r.paragraph, r.end);
        match (start, end) {
            (Some((at, place)), Some((end_at, end_place))) => {
                // A range edge inside replaced text moves out to the replacement's edge.
                let (at, place) = clamp(at, place, &taken, false);
                let (end_at, end_place) = clamp(end_at, end_place, &taken, true);
                cuts.push(Cut { at, place, mark: Mark::Start(r.id) });
                cuts.push(Cut { at: end_at, place: end_place, mark: Mark::End(r.id) });
            }
            _ => unplaced.push(r.id),
        }
    }
    cuts.sort_by_key(|c| (c.at, c.mark));
    let mut out = Vec::with_capacity(xml.len() + cuts.len() * 200);
    let mut copied = 0;
    let mut i = 0;
    while i < cuts.len() {
        let (at, place) = (cuts[i].at, cuts[i].place);
        if let Mark::Replace(k) = cuts[i].mark {
            if let Some(p) = &placed[k] {
                out.extend_from_slice(&xml[copied..at]);
                out.extend_from_slice(p.markup.as_bytes());
                copied = p.to;
            }
            i += 1;
            continue;
        }
        let mut j = i;
        let mut marks = String::new();
        while j < cuts.len() && cuts[j].at == at && cuts[j].place == place && !matches!(cuts[j].mark, Mark::Replace(_))
        {
            marks.push_str(&markup(cuts[j].mark));
            j += 1;
        }
        out.extend_from_slice(&xml[copied..at.max(copied)]);
        copied = copied.max(at);
        match place {
            Place::Between => out.extend_from_slice(marks.as_bytes()),
            Place::InText { paragraph, run } => {
                out.extend_from_slice(b"</w:t></w:r>");
                out.extend_from_slice(marks.as_bytes());
                out.extend_from_slice(b"<w:r>");
                out.extend_from_slice(props(xml, map, paragraph, run));
                out.extend_from_slice(b"<w:t xml:space=\"preserve\">");
            }
            Place::InRun { paragraph, run } => {
                out.extend_from_slice(b"</w:r>");
                out.extend_from_slice(marks.as_bytes());
                out.extend_from_slice(b"<w:r>");
                out.extend_from_slice(props(xml, map, paragraph, run));
            }
        }
        i = j;
    }
    out.extend_from_slice(&xml[copied..]);
    let replaced = placed.iter().enumerate().filter(|(_, p)| p.is_some()).map(|(k, _)| k).collect();
    Patched { xml: out, unplaced, replaced }
}

/// A range edge strictly inside replaced bytes goes to the start (a start) or the end (an end) of
/// the replacement.
fn clamp(at: usize, place: Place, taken: &[(usize, usize)], end: bool) -> (usize, Place) {
    match taken.iter().find(|&&(a, b)| a < at && at < b) {
        Some(&(a, b)) => (if end { b } else { a }, place),
        None => (at, place),
    }
}

/// Where a replacement goes: the raw bytes it takes out of a `w:t` and the markup that stands
/// for them (the run closed, the deletion and the insertion, the run reopened).
fn replacement_spot(
    xml: &[u8],
    map: &DocxMap,
    index: usize,
    p: &DocxParagraph,
    r: &Replacement,
) -> Option<(usize, usize, Place, String)> {
    let n = p
        .nodes
        .iter()
        .find(|n| !n.tab && n.start <= r.start && r.end <= n.end && (r.start < n.end || r.start == r.end))?;
    if r.end < r.start || (r.start == r.end && r.text.is_empty()) {
        return None;
    }
    let from = raw_offset(xml, n, r.start - n.start)?;
    let to = raw_offset(xml, n, r.end - n.start)?;
    let props = String::from_utf8_lossy(self::props(xml, map, index, n.run)).into_owned();
    let old = p.text.get(r.start..r.end)?;
    let mut m = String::from("</w:t></w:r>");
    if !old.is_empty() {
        m.push_str(&format!(
            "<w:del w:id=\"{}\" w:author=\"{AUTHOR}\"><w:r>{props}<w:delText xml:space=\"preserve\">{}</w:delText></w:r></w:del>",
            r.ids.0,
            escape(old)
        ));
    }
    if !r.text.is_empty() {
        m.push_str(&format!(
            "<w:ins w:id=\"{}\" w:author=\"{AUTHOR}\"><w:r>{props}<w:t xml:space=\"preserve\">{}</w:t></w:r></w:ins>",
            r.ids.1,
            escape(&r.text)
        ));
    }
    m.push_str(&format!("<w:r>{props}<w:t xml:space=\"preserve\">"));
    Some((from, to, Place::InText { paragraph: index, run: n.run }, m))
}

/// The text each comment range of document.xml covers, by comment id (tabs as `\t`): what a
/// reader of the annotated file sees highlighted.
pub fn commented_text(xml: &[u8]) -> std::collections::BTreeMap<u32, String> {
    use quick_xml::events::Event;
    let mut reader = quick_xml::Reader::from_reader(xml);
    let mut buf = Vec::new();
    let (mut open, mut in_t) = (Vec::<u32>::new(), false);
    let mut out = std::collections::BTreeMap::new();
    let id_of = |e: &quick_xml::events::BytesStart<'_>| {
        e.attributes()
            .flatten()
            .find(|a| a.key.as_ref() == b"w:id")
            .and_then(|a| std::str::from_utf8(&a.value).ok()?.parse::<u32>().ok())
    };
    let push = |open: &[u32], s: &str, out: &mut std::collections::BTreeMap<u32, String>| {
        for id in open {
            out.entry(*id).or_default().push_str(s);
        }
    };
    loop {
        match reader.read_event_into(&mut buf) {
            Ok(Event::Eof) | Err(_) => break,
            Ok(Event::Empty(e)) => match e.name().as_ref() {
                b"w:commentRangeStart" => {
                    if let Some(id) = id_of(&e) {
                        out.entry(id).or_default();
                        open.push(id);
                    }
                }
                b"w:commentRangeEnd" => {
                    let id = id_of(&e);
                    open.retain(|o| Some(*o) != id);
                }
                b"w:tab" => push(&open, "\t", &mut out),
                _ => {}
            },
            Ok(Event::Start(e)) if e.name().as_ref() == b"w:t" => in_t = true,
            Ok(Event::End(e)) if e.name().as_ref() == b"w:t" => in_t = false,
            Ok(Event::Text(t)) if in_t => push(&open, &t.decode().unwrap_or_default(), &mut out),
            Ok(Event::GeneralRef(r)) if in_t => {
                if let Some(c) = entity_char(&r) {
                    push(&open, c.encode_utf8(&mut [0; 4]), &mut out);
                }
            }
            _ => {}
        }
        buf.clear();
    }
    out
}

fn markup(mark: Mark) -> String {
    match mark {
        Mark::Start(id) => format!("<w:commentRangeStart w:id=\"{id}\"/>"),
        Mark::End(id) => {
            format!("<w:commentRangeEnd w:id=\"{id}\"/><w:r><w:commentReference w:id=\"{id}\"/></w:r>")
        }
        Mark::Replace(_) => String::new(),
    }
}

/// The raw `w:rPr` of a run, or nothing.
fn props<'a>(xml: &'a [u8], map: &DocxMap, paragraph: usize, run: usize) -> &'a [u8] {
    map.paragraphs
        .get(paragraph)
        .and_then(|p| p.runs.get(run))
        .and_then(|r| r.props)
        .and_then(|[a, b]| xml.get(a..b))
        .unwrap_or(b"")
}

/// Where a range starting at byte `offset` of the paragraph's text begins.
fn start_point(xml: &[u8], p: &DocxParagraph, index: usize, offset: usize) -> Option<(usize, Place)> {
    let (k, n) = p.nodes.iter().enumerate().find(|(_, n)| n.start <= offset && offset < n.end)?;
    let first_of_run = k == 0 || p.nodes[k - 1].run != n.run;
    if offset == n.start && first_of_run {
        return Some((p.runs.get(n.run)?.start, Place::Between));
    }
    if n.tab {
        return Some((n.raw[0], Place::InRun { paragraph: index, run: n.run }));
    }
    Some((raw_offset(xml, n, offset - n.start)?, Place::InText { paragraph: index, run: n.run }))
}

/// Where a range ending at byte `offset` (exclusive) of the paragraph's text ends.
fn end_point(xml: &[u8], p: &DocxParagraph, index: usize, offset: usize) -> Option<(usize, Place)> {
    let (k, n) = p.nodes.iter().enumerate().find(|(_, n)| n.start < offset && offset <= n.end)?;
    let last_of_run = p.nodes.get(k + 1).is_none_or(|next| next.run != n.run);
    if offset == n.end && last_of_run {
        return Some((p.runs.get(n.run)?.end, Place::Between));
    }
    if n.tab {
        return Some((n.raw[1], Place::InRun { paragraph: index, run: n.run }));
    }
    Some((raw_offset(xml, n, offset - n.start)?, Place::InText { paragraph: index, run: n.run }))
}

/// The byte in document.xml where `decoded` bytes of a `w:t`'s text have gone by: entities
/// count as the character they stand for, line breaks (dropped from the text) as nothing.
fn raw_offset(xml: &[u8], n: &TextNode, decoded: usize) -> Option<usize> {
    let raw = std::str::from_utf8(xml.get(n.raw[0]..n.raw[1])?).ok()?;
    let mut seen = 0;
    let mut chars = raw.char_indices().peekable();
    while let Some(&(i, c)) = chars.peek() {
        if seen >= decoded {
            return Some(n.raw[0] + i);
        }
        if c == '&' {
            let len = raw[i..].find(';')? + 1;
            seen += decoded_len(&raw[i..i + len]);
            while chars.peek().is_some_and(|&(j, _)| j < i + len) {
                chars.next();
            }
            continue;
        }
        if !matches!(c, '\n' | '\r') {
            seen += c.len_utf8();
        }
        chars.next();
    }
    (seen >= decoded).then_some(n.raw[1])
}

/// The UTF-8 length of the character an entity reference stands for.
fn decoded_len(entity: &str) -> usize {
    let body = &entity[1..entity.len() - 1];
    let code = if let Some(hex) = body.strip_prefix("#x").or_else(|| body.strip_prefix("#X")) {
        u32::from_str_radix(hex, 16).ok()
    } else if let Some(dec) = body.strip_prefix('#') {
        dec.parse().ok()
    } else {
        return 1; // amp, lt, gt, quot, apos
    };
    code.and_then(char::from_u32).map_or(0, char::len_utf8)
}

#[cfg(test)]
mod tests {
    use super::*;

    const W: &str = r#"xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main""#;

    fn doc(body: &str) -> Vec<u8> {
        format!("<w:document {W}><w:body>{body}</w:body></w:document>").into_bytes()
    }

    fn commented(xml: &[u8], id: u32) -> String {
        super::commented_text(xml).remove(&id).unwrap_or_default()
    }

    /// Patch `body` with ranges given as (paragraph, text before, text inside).
    fn marked(body: &str, ranges: &[(usize, &str, &str)]) -> Vec<u8> {
        let xml = doc(body);
        let map = DocxMap::read(&xml);
        let ranges: Vec<CommentRange> = ranges
            .iter()
            .enumerate()
            .map(|(i, (p, before, inside))| CommentRange {
                id: i as u32 + 7,
                paragraph: *p,
                start: before.len(),
                end: before.len() + inside.len(),
            })
            .collect();
        let patched = patch(&xml, &map, &ranges, &[]);
        let (out, unplaced) = (patched.xml, patched.unplaced);
        assert!(unplaced.is_empty());
        // The text is unchanged, paragraph for paragraph.
        assert_eq!(DocxMap::read(&out).texts(), map.texts());
        out
    }

    #[test]
    fn a_range_inside_a_run_splits_it_and_keeps_its_formatting() {
        let body = r#"<w:p><w:r w:rsidR="1"><w:rPr><w:b/></w:rPr><w:t>请各单位于5月底前报送。</w:t></w:r></w:p>"#;
        let out = marked(body, &[(0, "请各单位于", "5月底前")]);
        assert_eq!(commented(&out, 7), "5月底前");
        let text = String::from_utf8(out).unwrap();
        assert_eq!(text.matches("<w:rPr><w:b/></w:rPr>").count(), 3, "{text}");
        assert!(text.contains(r#"<w:commentRangeEnd w:id="7"/><w:r><w:commentReference w:id="7"/></w:r>"#));
    }

    #[test]
    fn ranges_across_runs_entities_and_tabs() {
        let body = concat!(
            r#"<w:p><w:r><w:t>A&amp;B</w:t><w:tab/><w:t xml:space="preserve">甲乙</w:t></w:r>"#,
            r#"<w:hyperlink><w:r><w:t>丙丁</w:t></w:r></w:hyperlink></w:p><w:p><w:r><w:t>第二段</w:t></w:r></w:p>"#
        );
        let out = marked(
            body,
            &[
                (0, "A&", "B\t甲"),
                (0, "A&B\t甲", "乙丙"),
                (0, "", "A&B\t甲乙丙丁"),
                (1, "第二", "段"),
                (0, "A&B", "\t"),
            ],
        );
        assert_eq!(commented(&out, 7), "B\t甲");
        assert_eq!(commented(&out, 8), "乙丙");
        assert_eq!(commented(&out, 9), "A&B\t甲乙丙丁");
        assert_eq!(commented(&out, 10), "段");
        assert_eq!(commented(&out, 11), "\t");
    }

    #[test]
    fn empty_ranges_and_empty_paragraphs_are_not_placed() {
        let xml = doc("<w:p/><w:p><w:r><w:t>字</w:t></w:r></w:p>");
        let map = DocxMap::read(&xml);
        let ranges = [
            CommentRange { id: 1, paragraph: 0, start: 0, end: 0 },
            CommentRange { id: 2, paragraph: 1, start: 0, end: 0 },
            CommentRange { id: 3, paragraph: 5, start: 0, end: 1 },
        ];
        let patched = patch(&xml, &map, &ranges, &[]);
        assert_eq!(patched.unplaced, vec![1, 2, 3]);
        assert_eq!(patched.xml, xml);
    }

    #[test]
    fn a_replacement_is_a_deletion_and_an_insertion_in_the_run_s_formatting() {
        let xml = doc(r#"<w:p><w:r><w:rPr><w:i/></w:rPr><w:t>甲,乙&amp;丙</w:t></w:r></w:p>"#);
        let map = DocxMap::read(&xml);
        let comma = "甲".len();
        let replace = |start: usize, end: usize, text: &str, id: u32| Replacement {
            paragraph: 0,
            start,
            end,
            text: text.into(),
            ids: (id, id + 1),
        };
        let replacements = [
            replace(comma, comma + 1, "，", 20),
            // Overlaps the first: left out.
            replace(comma, comma + 1, "、", 22),
            // After an entity: the raw offset counts &amp; as one character.
            replace("甲,乙&".len(), "甲,乙&丙".len(), "", 24),
        ];
        let range = CommentRange { id: 3, paragraph: 0, start: 0, end: "甲,".len() };
        let p = patch(&xml, &map, &[range], &replacements);
        assert_eq!(p.replaced, vec![0, 2]);
        let text = String::from_utf8(p.xml.clone()).unwrap();
        assert!(text.contains(r#"<w:del w:id="20" w:author="gwlint"><w:r><w:rPr><w:i/></w:rPr><w:delText xml:space="preserve">,</w:delText></w:r></w:del><w:ins w:id="21" w:author="gwlint"><w:r><w:rPr><w:i/></w:rPr><w:t xml:space="preserve">，</w:t></w:r></w:ins>"#), "{text}");
        assert!(text.contains(r#"<w:delText xml:space="preserve">丙</w:delText>"#), "{text}");
        // Accepted (what Word shows, and what gwlint reads), and the comment around the change.
        assert_eq!(DocxMap::read(&p.xml).texts(), vec!["甲，乙&"]);
        assert_eq!(commented(&p.xml, 3), "甲，");
    }
}
