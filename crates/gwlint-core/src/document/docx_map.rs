//! The text of a .docx and where each character stands in `word/document.xml`, from one
//! quick-xml pass. Both reading paths (docx-rs with formatting, and the plain-text fallback when
//! docx-rs rejects a file) take their paragraphs from here, so “第N段” means the same paragraph
//! whichever path read the file, and a writer can put a Word comment on exactly the characters
//! of a finding.
//!
//! Reading order: body paragraphs in XML order (table cells in order), each followed by the
//! paragraphs of the text boxes anchored in it. A text box is stored twice in Word files (the
//! DrawingML shape in `mc:Choice` and a VML copy in `mc:Fallback`); only the first is read.
//! Only `w:t` text and `w:tab` inside runs count: deleted text (`w:delText`), field codes
//! (`w:instrText`) and tab-stop definitions do not.

use quick_xml::events::Event;
use serde::Serialize;

/// Where a piece of paragraph text comes from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct TextNode {
    /// Byte range in the paragraph's text.
    pub start: usize,
    pub end: usize,
    /// Ordinal of the `w:r` within its paragraph (nested runs of hyperlinks and insertions
    /// counted in XML order).
    pub run: usize,
    /// Ordinal of the node (`w:t` or `w:tab`) within the run.
    pub node: usize,
    /// Byte range in document.xml: the content of the `w:t` (entities and line breaks as
    /// written) or the whole `<w:tab/>`.
    pub raw: [usize; 2],
    /// A `<w:tab/>` (not text).
    pub tab: bool,
}

/// Where a run stands in document.xml, for a writer that splits it.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
pub struct RunRaw {
    /// Byte range of the whole `<w:r>…</w:r>`.
    pub start: usize,
    pub end: usize,
    /// Byte range of its `<w:rPr>…</w:rPr>`, if it has one.
    pub props: Option<[usize; 2]>,
}

/// One Word paragraph.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct DocxParagraph {
    /// Ordinal of this `w:p` among all `w:p` elements of document.xml in XML order (those of
    /// skipped fallback copies counted too).
    pub xml_index: usize,
    pub text: String,
    pub nodes: Vec<TextNode>,
    /// The paragraph's runs in document.xml, by ordinal (`TextNode::run`).
    pub runs: Vec<RunRaw>,
    pub in_table: bool,
    pub in_text_box: bool,
}

/// A character's place in document.xml.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct DocxLocation {
    /// Ordinal of the `w:p` in document.xml (XML order).
    pub paragraph: usize,
    pub run: usize,
    pub node: usize,
    /// Byte offset in the node's text (after entity decoding).
    pub offset: usize,
}

/// The paragraphs of a .docx in reading order.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct DocxMap {
    pub paragraphs: Vec<DocxParagraph>,
}

/// A paragraph being read, and the finished paragraphs of text boxes anchored in it.
struct Open {
    paragraph: DocxParagraph,
    followers: Vec<DocxParagraph>,
    runs: usize,
}

impl DocxMap {
    /// Read document.xml. Malformed XML ends the pass where it breaks (the preflight has already
    /// rejected files that are not well formed); what was read so far is kept.
    pub fn read(document_xml: &[u8]) -> DocxMap {
        let mut reader = quick_xml::Reader::from_reader(document_xml);
        let mut buf = Vec::new();
        let mut out = Vec::new();
        let mut stack: Vec<Open> = Vec::new();
        let mut xml_index = 0;
        let (mut tables, mut text_boxes, mut fallback, mut in_run, mut in_text) = (0usize, 0usize, 0usize, 0, false);
        let mut node_in_run = 0;
        // Where the current `w:t`'s content starts, and the current run's `w:rPr`.
        let (mut text_start, mut props_start) = (0usize, 0usize);
        loop {
            let before = reader.buffer_position() as usize;
            let event = match reader.read_event_into(&mut buf) {
                Ok(Event::Eof) | Err(_) => break,
                Ok(e) => e,
            };
            let after = reader.buffer_position() as usize;
            match event {
                // Inside a fallback copy nothing is read, but its paragraphs keep their XML ordinals.
                Event::Start(e) if fallback > 0 => match e.name().as_ref() {
                    b"mc:Fallback" => fallback += 1,
                    b"w:p" => xml_index += 1,
                    _ => {}
                },
                Event::Empty(e) if fallback > 0 && e.name().as_ref() == b"w:p" => xml_index += 1,
                Event::End(e) if fallback > 0 && e.name().as_ref() == b"mc:Fallback" => fallback -= 1,
                _ if fallback > 0 => {}
                Event::Start(e) => match e.name().as_ref() {
                    b"mc:Fallback" => fallback = 1,
                    b"w:p" => {
                        stack.push(Open {
                            paragraph: DocxParagraph {
                                xml_index,
                                text: String::new(),
                                nodes: Vec::new(),
                                runs: Vec::new(),
                                in_table: tables > 0,
                                in_text_box: text_boxes > 0,
                            },
                            followers: Vec::new(),
                            runs: 0,
                        });
                        xml_index += 1;
                    }
                    b"w:r" if !stack.is_empty() => {
                        in_run += 1;
                        node_in_run = 0;
                        if let Some(open) = stack.last_mut() {
                            open.paragraph.runs.push(RunRaw { start: before, end: before, props: None });
                        }
                    }
                    b"w:rPr" if in_run > 0 => props_start = before,
                    b"w:t" if in_run > 0 => {
                        in_text = true;
                        text_start = after;
                    }
                    b"w:tbl" => tables += 1,
                    b"w:txbxContent" => text_boxes += 1,
                    _ => {}
                },
                Event::Empty(e) => match e.name().as_ref() {
                    b"w:p" => {
                        let paragraph = DocxParagraph {
                            xml_index,
                            text: String::new(),
                            nodes: Vec::new(),
                            runs: Vec::new(),
                            in_table: tables > 0,
                            in_text_box: text_boxes > 0,
                        };
                        xml_index += 1;
                        finish(&mut stack, &mut out, paragraph, Vec::new());
                    }
                    b"w:tab" if in_run > 0 => push_text(&mut stack, "\t", &mut node_in_run, [before, after]),
                    b"w:rPr" if in_run > 0 => set_props(&mut stack, [before, after]),
                    b"w:t" if in_run > 0 => node_in_run += 1,
                    _ => {}
                },
                Event::Text(t) if in_text => {
                    if let Ok(s) = t.decode() {
                        push_text(&mut stack, &s, &mut node_in_run, [text_start, text_start]);
                    }
                }
                Event::GeneralRef(r) if in_text => {
                    if let Some(c) = entity_char(&r) {
                        push_text(&mut stack, c.encode_utf8(&mut [0; 4]), &mut node_in_run, [text_start, text_start]);
                    }
                }
                Event::End(e) => match e.name().as_ref() {
                    b"w:p" => {
                        if let Some(open) = stack.pop() {
                            finish(&mut stack, &mut out, open.paragraph, open.followers);
                        }
                    }
                    b"w:r" if in_run > 0 => {
                        in_run -= 1;
                        if let Some(open) = stack.last_mut() {
                            if let Some(run) = open.paragraph.runs.get_mut(open.runs) {
                                run.end = after;
                            }
                            open.runs += 1;
                        }
                    }
                    b"w:rPr" if in_run > 0 => set_props(&mut stack, [props_start, after]),
                    b"w:t" if in_text => {
                        in_text = false;
                        end_text(&mut stack, node_in_run, before);
                        node_in_run += 1;
                    }
                    b"w:tbl" => tables = tables.saturating_sub(1),
                    b"w:txbxContent" => text_boxes = text_boxes.saturating_sub(1),
                    _ => {}
                },
                _ => {}
            }
            buf.clear();
        }
        // Unclosed paragraphs of a truncated file: keep their text, outermost first.
        while let Some(open) = stack.pop() {
            finish(&mut stack, &mut out, open.paragraph, open.followers);
        }
        DocxMap { paragraphs: out }
    }

    /// The paragraph texts, in reading order.
    pub fn texts(&self) -> Vec<String> {
        self.paragraphs.iter().map(|p| p.text.clone()).collect()
    }

    /// Where byte `offset` of paragraph `index` (reading order) stands in document.xml.
    pub fn locate(&self, index: usize, offset: usize) -> Option<DocxLocation> {
        let p = self.paragraphs.get(index)?;
        let node = p.nodes.iter().find(|n| n.start <= offset && offset < n.end).or_else(|| {
            // The end of a paragraph: after its last character.
            p.nodes.last().filter(|n| n.end == offset)
        })?;
        Some(DocxLocation { paragraph: p.xml_index, run: node.run, node: node.node, offset: offset - node.start })
    }
}

/// The character an entity or character reference in text stands for (`&amp;`, `&#x4E2D;`):
/// the five XML entities and numeric references; anything else stands for nothing.
pub(crate) fn entity_char(r: &quick_xml::events::BytesRef<'_>) -> Option<char> {
    match r.resolve_char_ref() {
        Ok(Some(c)) => Some(c),
        _ => match r.decode().as_deref() {
            Ok("amp") => Some('&'),
            Ok("lt") => Some('<'),
            Ok("gt") => Some('>'),
            Ok("quot") => Some('"'),
            Ok("apos") => Some('\''),
            _ => None,
        },
    }
}

/// The current run's `w:rPr` (the run being read in the innermost open paragraph).
fn set_props(stack: &mut [Open], raw: [usize; 2]) {
    if let Some(open) = stack.last_mut() {
        if let Some(run) = open.paragraph.runs.get_mut(open.runs) {
            run.props = Some(raw);
        }
    }
}

/// A `w:t` of the current run ends at `end`: its node's raw range ends there.
fn end_text(stack: &mut [Open], node_in_run: usize, end: usize) {
    let Some(open) = stack.last_mut() else { return };
    let run = open.runs;
    if let Some(last) = open.paragraph.nodes.last_mut().filter(|n| n.run == run && n.node == node_in_run) {
        last.raw[1] = end;
    }
}

/// Append text to the innermost open paragraph, as a node of the current run. Consecutive text
/// events of one `w:t` (text split by entity references) extend the same node. `raw` is a
/// `w:tab`'s range, or the start of a `w:t`'s content (twice; its end comes with `</w:t>`).
fn push_text(stack: &mut [Open], s: &str, node_in_run: &mut usize, raw: [usize; 2]) {
    let whole_node = raw[1] > raw[0];
    let Some(open) = stack.last_mut() else { return };
    let p = &mut open.paragraph;
    let start = p.text.len();
    // A paragraph is one line of the document's text: line breaks inside `w:t` are dropped.
    p.text.extend(s.chars().filter(|c| !matches!(c, '\n' | '\r')));
    let (run, node) = (open.runs, *node_in_run);
    match p.nodes.last_mut() {
        Some(last) if !whole_node && last.run == run && last.node == node && last.end == start => {
            last.end = p.text.len()
        }
        _ => p.nodes.push(TextNode { start, end: p.text.len(), run, node, raw, tab: whole_node }),
    }
    if whole_node {
        *node_in_run += 1;
    }
}

/// A paragraph is finished: it goes after its anchor's text (as a follower) or, at the top
/// level, into the output followed by the paragraphs of its text boxes.
fn finish(stack: &mut [Open], out: &mut Vec<DocxParagraph>, paragraph: DocxParagraph, followers: Vec<DocxParagraph>) {
    match stack.last_mut() {
        Some(anchor) => {
            anchor.followers.push(paragraph);
            anchor.followers.extend(followers);
        }
        None => {
            out.push(paragraph);
            out.extend(followers);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const W: &str = r#"xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006""#;

    fn map(body: &str) -> DocxMap {
        DocxMap::read(format!("<w:document {W}><w:body>{body}</w:body></w:document>").as_bytes())
    }

    #[test]
    fn text_boxes_follow_their_anchor_once() {
        let boxed = "<w:p><w:r><w:t>框内</w:t></w:r></w:p>";
        let m = map(&format!(
            "<w:p><w:r><w:t>锚定段</w:t></w:r><w:r><mc:AlternateContent><mc:Choice><w:drawing><w:txbxContent>{boxed}</w:txbxContent></w:drawing></mc:Choice><mc:Fallback><w:pict><w:txbxContent>{boxed}</w:txbxContent></w:pict></mc:Fallback></mc:AlternateContent></w:r><w:r><w:t>后文</w:t></w:r></w:p><w:p><w:r><w:t>下一段</w:t></w:r></w:p>"
        ));
        assert_eq!(m.texts(), vec!["锚定段后文", "框内", "下一段"]);
        assert!(m.paragraphs[1].in_text_box);
        assert_eq!(m.paragraphs.iter().map(|p| p.xml_index).collect::<Vec<_>>(), vec![0, 1, 3]);
        // “后文” is the third run of the anchor paragraph.
        let at = m.locate(0, "锚定段".len()).unwrap();
        assert_eq!(at, DocxLocation { paragraph: 0, run: 2, node: 0, offset: 0 });
    }

    #[test]
    fn only_run_text_counts() {
        let m = map(concat!(
            r#"<w:p><w:pPr><w:tabs><w:tab w:val="left" w:pos="420"/></w:tabs></w:pPr>"#,
            "<w:r><w:t>A&amp;B&#x4E2D;</w:t><w:tab/><w:t xml:space=\"preserve\"> 文</w:t></w:r>",
            "<w:del><w:r><w:delText>删去</w:delText></w:r></w:del>",
            "<w:r><w:instrText> PAGE </w:instrText></w:r><w:r><w:t>字</w:t></w:r></w:p>",
            "<w:tbl><w:tr><w:tc><w:p><w:r><w:t>格</w:t></w:r></w:p></w:tc></w:tr></w:tbl><w:p/>"
        ));
        assert_eq!(m.texts(), vec!["A&B中\t 文字", "格", ""]);
        let p = &m.paragraphs[0];
        let nodes: Vec<(usize, usize)> = p.nodes.iter().map(|n| (n.run, n.node)).collect();
        assert_eq!(nodes, vec![(0, 0), (0, 1), (0, 2), (3, 0)]);
        assert_eq!(m.locate(0, "A&B中\t 文".len()).unwrap(), DocxLocation { paragraph: 0, run: 3, node: 0, offset: 0 });
        assert_eq!(m.locate(0, 2).unwrap().offset, 2, "inside the entity-split node");
        assert!(m.paragraphs[1].in_table);
    }

    #[test]
    fn truncated_xml_keeps_what_was_read() {
        let m = DocxMap::read(format!("<w:document {W}><w:body><w:p><w:r><w:t>半段").as_bytes());
        assert_eq!(m.texts(), vec!["半段"]);
    }
}
