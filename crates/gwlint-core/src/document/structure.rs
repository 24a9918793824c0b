//! Structure recognition: assigns every paragraph its 公文 part and derives the facts.
//!
//! The order of a 公文 (GB/T 9704—2012 §7) is fixed: 版头 (份号, 密级, 紧急程度, 发文机关标志,
//! 发文字号, 签发人), 标题, 主送机关, 正文, 附件说明, 署名, 成文日期, 附注, 附件, 版记 (抄送, 印发).
//! Texts copied from web pages move the 发文字号 under the title and drop the 版头 and 版记,
//! so the recogniser works in three passes: the head (版头, 标题, 主送) from the top, the
//! 版记 from the bottom, then the end of the 主体 (成文日期 and what hangs around it).

use regex::Regex;
use std::sync::LazyLock;

use super::char_summary::CharSummary;
use super::elements::{self, is_copy_number, is_order_number, Attachment, AttachmentNote, DocNumber, Elements};
use super::elements::{Printed, Secrecy, Urgency};
use super::facts::{is_unfilled_date_line, parse_date_line, DocClass, Era, Facts, Genre, NonGenreWord};
use super::{outline, Document, Paragraph, Part};
use crate::span::Span;
use crate::text::{char_len, is_indent_space, strip_spaces};

/// The date a dated 题注 starts with, after an optional opening bracket (see [`is_title_note`]).
static NOTE_DATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^[（(]?(?:[0-9]{4}|[〇零○一二三四五六七八九]{4})年[0-9一二三四五六七八九十]{1,3}月[0-9一二三四五六七八九十]{1,3}日")
        .unwrap()
});
/// What a salutation line ends with (before a comma or exclamation mark and a colon).
const SALUTATIONS: &[&str] = &[
    "同志们",
    "朋友们",
    "女士们",
    "先生们",
    "同学们",
    "代表们",
    "各位领导",
    "各位来宾",
    "各位代表",
    "各位委员",
    "各位同志",
    "各位嘉宾",
    "各位专家",
];
/// The kinds of 报告 that are not the 公文 报告 (调研报告, 述职报告 …): the words before 报告.
const NON_GONGWEN_REPORTS: &[&str] =
    &["调研", "调查", "述职", "述廉", "述责", "考察", "研究", "评估", "分析", "可行性研究"];
static COPY_TO: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"^(抄送|抄报|分送)\s*[：:]").unwrap());
/// What the title of a speech ends with.
const SPEECH_TITLES: &[&str] = &["讲话", "发言", "致辞", "讲话稿", "发言稿", "主持词", "讲话提纲"];
/// The acts a 题注 ends with (before a closing bracket); a dated one may end with 会议.
const NOTE_ACTS: &[&str] = &["通过", "施行", "公布", "批准", "发布", "修正", "修订"];

/// Whether `l` (one line, spaces removed) is a 题注 under a title: “（2025年1月6日……会议通过）”
/// (up to 200 characters and an act in brackets), “2021年3月1日 最高人民法院审判委员会第1833次
/// 会议通过”, “2021年4月22日 施行”, or a meeting line of a joint judicial interpretation
/// (“2018年7月30日 最高人民法院审判委员会第1745次会议”): a date, up to 80 characters without
/// 。, an act or 会议, and an optional closing bracket. Read by hand: the pattern with `.{0,200}`
/// took 12.6 M instructions to compile, where a fresh process checks a page of 公文 in about
/// 86 M (a test compares the two).
fn is_title_note(l: &str) -> bool {
    bracketed_note(l) || dated_note(l)
}

/// “（……通过）”: an optional opening bracket, up to 200 characters, an act, a closing bracket.
fn bracketed_note(l: &str) -> bool {
    let Some(body) = l.strip_suffix(['）', ')']) else { return false };
    NOTE_ACTS.iter().filter_map(|act| body.strip_suffix(act)).any(|before| {
        let n = before.chars().count();
        !before.contains('\n') && (n <= 200 || (n == 201 && before.starts_with(['（', '('])))
    })
}

/// A date at the start (after an optional opening bracket), up to 80 characters without 。, an
/// act or 会议, an optional closing bracket.
fn dated_note(l: &str) -> bool {
    let t = l.strip_suffix(['）', ')']).unwrap_or(l);
    let Some(before) = NOTE_ACTS.iter().chain(&["会议"]).find_map(|e| t.strip_suffix(e)) else { return false };
    let Some(date) = NOTE_DATE.find(l) else { return false };
    // The date ends with 日, which no act does: what lies between them, if anything.
    let Some(middle) = before.get(date.end()..) else { return false };
    !middle.contains('。') && middle.chars().count() <= 80
}

/// Whether `title` ends as the title of a speech does.
fn is_speech_title(title: &str) -> bool {
    SPEECH_TITLES.iter().any(|t| title.ends_with(t))
}

/// Split the text into paragraphs (non-empty lines) and recognise the structure.
pub fn analyse(doc: &mut Document) {
    let mut paragraphs = split_paragraphs(&doc.text);
    let contents: Vec<&str> = paragraphs.iter().map(|p| &doc.text[p.span.start..p.span.end]).collect();
    let layout = recognise(&contents, &paragraphs);
    for (p, part) in paragraphs.iter_mut().zip(&layout.parts) {
        p.part = *part;
        if matches!(part, Part::Body | Part::Attachment) {
            p.heading = outline::detect(&doc.text[p.span.start..p.span.end], p.span.start);
        }
    }
    // What each paragraph holds, made here for the elements' gates and kept for the rules.
    // The Han characters' runs are read in the same pass: no run goes past a paragraph, and
    // what lies outside the paragraphs (line breaks, blank lines, the spaces around a line)
    // holds none.
    let mut han = crate::spelling::HanCharsReader::for_text(doc.text.len());
    let summaries: Vec<CharSummary> =
        paragraphs.iter().zip(&contents).map(|(p, c)| CharSummary::of_reading(c, p.span.start, &mut han)).collect();
    let han = han.finish(doc.text.len());
    let elements = elements::read(&doc.text, &paragraphs, &summaries);
    doc.facts = derive_facts(&doc.text, &contents, &layout, &elements);
    doc.elements = elements;
    doc.paragraphs = paragraphs;
    doc.summaries = std::sync::OnceLock::from(summaries);
    doc.han_chars = std::sync::OnceLock::from(han);
}

fn split_paragraphs(text: &str) -> Vec<Paragraph> {
    let mut out = Vec::new();
    let mut offset = 0;
    let mut blank_before = false;
    for (text_line, line) in text.split('\n').enumerate() {
        let start = offset;
        offset += line.len() + 1;
        let lead = line.len() - line.trim_start_matches(is_indent_space).len();
        let content = line[lead..].trim_end_matches(|c: char| c.is_whitespace() || c == '\u{3000}');
        if content.is_empty() {
            blank_before = true;
            continue;
        }
        out.push(Paragraph {
            index: out.len(),
            line: Span::new(start, start + line.len()),
            text_line,
            span: Span::new(start + lead, start + lead + content.len()),
            blank_before: blank_before && !out.is_empty(),
            part: Part::Body,
            heading: None,
        });
        blank_before = false;
    }
    out
}

struct Layout {
    parts: Vec<Part>,
    class: DocClass,
}

fn recognise(lines: &[&str], paras: &[Paragraph]) -> Layout {
    let n = lines.len();
    let mut parts = vec![Part::Body; n];
    let mut i = 0;

    // 版头: 份号, 密级, 紧急程度, 发文机关标志, 发文字号, 签发人 — in any order, at the top.
    while i < n && i < 10 {
        let l = lines[i];
        let part = if is_copy_number(l) {
            Part::CopyNumber
        } else if Secrecy::parse(l, 0).is_some() {
            Part::Secrecy
        } else if Urgency::parse(l, 0).is_some() {
            Part::Urgency
        } else if is_doc_number(l) {
            Part::DocNumber
        } else if l.starts_with("签发人") {
            Part::Signer
        } else if is_issuer_mark(l, lines.get(i + 1).copied(), paras.get(i + 1).is_some_and(|p| p.blank_before))
            || joint_issuer_mark(lines, i)
        {
            Part::IssuerMark
        } else {
            break;
        };
        parts[i] = part;
        i += 1;
    }

    // 标题: up to five lines whose joined text ends with a 文种 (or a word used as one).
    let mut title = None;
    if i < n {
        if let Some(end) = title_end(lines, paras, i) {
            title = Some((i, end));
            for p in &mut parts[i..=end] {
                *p = Part::Title;
            }
            i = end + 1;
        }
    }

    // Under the title: 题注, a 发文字号 or 令号 (web copies put it here) and 签发人.
    while i < n {
        let l = lines[i];
        if let Some(k) = title.and_then(|_| bracketed_note_end(lines, i)) {
            for p in &mut parts[i..=k] {
                *p = Part::TitleNote;
            }
            i = k + 1;
            continue;
        }
        let part = if title.is_some() && is_title_note(&strip_spaces(l)) {
            Part::TitleNote
        } else if is_doc_number(l) || is_order_number(l) {
            Part::DocNumber
        } else if l.starts_with("签发人") {
            Part::Signer
        } else {
            break;
        };
        parts[i] = part;
        i += 1;
    }

    // A speech names its date and speaker between the title and the 称呼 (同志们：).
    if title.is_some() {
        if let Some(k) = (i..n.min(i + 4)).find(|&k| is_salutation(lines[k])) {
            for p in &mut parts[i..k] {
                *p = Part::TitleNote;
            }
            i = k;
        }
    }

    // 主送机关 or a speech's 称呼.
    let mut class_hint = None;
    if i < n {
        if is_salutation(lines[i]) {
            parts[i] = Part::Salutation;
            class_hint = Some(DocClass::Speech);
            i += 1;
        } else if is_addressee(lines[i]) {
            parts[i] = Part::Addressee;
            i += 1;
        }
    }
    let body_start = i;

    // 版记 from the bottom: 抄送 and 印发 lines.
    let mut end = n;
    while end > body_start {
        let l = lines[end - 1];
        if COPY_TO.is_match(l) {
            parts[end - 1] = Part::CopyTo;
        } else if Printed::is_printed_line(l)
            || (end == n
                && end - 1 > body_start
                && COPY_TO.is_match(lines[end - 2])
                && Printed::is_unmarked_printed_line(l))
        {
            // The last line under a 抄送 line, an organ and a date, is the 印发 line without its
            // 印发 (GW310 reports it).
            parts[end - 1] = Part::Printed;
        } else {
            break;
        }
        end -= 1;
    }

    // 成文日期, and around it 署名, 附件说明, 附注 and the appended 附件.
    if let Some(date) = find_date(lines, paras, body_start, end) {
        parts[date] = Part::Date;
        let mut k = date + 1;
        while k < end && !Attachment::is_head(lines[k]) && is_annotation(lines[k]) {
            parts[k] = Part::Annotation;
            k += 1;
        }
        for p in &mut parts[k..end] {
            *p = Part::Attachment;
        }
        let sig_start = signature_start(lines, body_start, date);
        for p in &mut parts[sig_start..date] {
            *p = Part::Signature;
        }
        if let Some((a, b)) = attachment_note_lines(lines, body_start, sig_start) {
            for p in &mut parts[a..b] {
                *p = Part::AttachmentNote;
            }
        }
    } else if let Some((a, b)) = attachment_note_lines(lines, body_start, end) {
        for p in &mut parts[a..b] {
            *p = Part::AttachmentNote;
        }
    }

    let class = classify(lines, &parts, title, class_hint);
    Layout { parts, class }
}

/// Is the title that of a 调研报告, 述职报告 or another report that is not the 公文 报告?
pub fn is_non_gongwen_report(title: &str) -> bool {
    strip_spaces(title).strip_suffix("报告").is_some_and(|t| NON_GONGWEN_REPORTS.iter().any(|w| t.ends_with(w)))
}

/// A 题注 in brackets broken over two or three lines (“（2025年1月6日……会议通过，” /
/// “自2025年2月1日起施行）”): the index of its last line.
fn bracketed_note_end(lines: &[&str], start: usize) -> Option<usize> {
    let first = lines[start].trim();
    if !first.starts_with(['（', '(']) || first.ends_with(['）', ')']) {
        return None;
    }
    let mut joined = strip_spaces(first).into_owned();
    for (k, l) in lines.iter().enumerate().skip(start + 1).take(2) {
        joined.push_str(&strip_spaces(l));
        if l.trim_end().ends_with(['）', ')']) {
            return is_title_note(&joined).then_some(k);
        }
    }
    None
}

fn is_doc_number(l: &str) -> bool {
    DocNumber::parse(l, 0).is_some()
}

/// 发文机关标志: "××市人民政府文件", an organ name standing right above the 发文字号, or an
/// organ name set apart by a blank line above a title that reads as one on its own (a 版头
/// without 文件; an organ name right above "关于……" with no blank line is the title's first line).
fn is_issuer_mark(l: &str, next: Option<&str>, blank_after: bool) -> bool {
    let plain = strip_spaces(l);
    if !is_name_line(&plain) || plain.contains("关于") {
        return false;
    }
    // A title right above the 字号 (“对……提案的答复”) is not an organ's name.
    let organ = elements::ends_like_organ(&plain) || !plain.contains('的');
    let organ_above_title = blank_after
        && elements::ends_like_organ(&plain)
        && next.is_some_and(|t| {
            let t = strip_spaces(t);
            t.starts_with("关于") || (t.contains("关于") && Genre::from_title(&t).is_some())
        });
    plain.ends_with("文件") || (organ && next.is_some_and(is_doc_number)) || organ_above_title
}

/// A joint 发文机关标志: organ names on lines of their own above the line that ends with “文件”
/// (中共平安市委办公室 / 平安市人民政府办公室 / 文件).
fn joint_issuer_mark(lines: &[&str], i: usize) -> bool {
    let organ = |l: &str| {
        let plain = strip_spaces(l);
        is_name_line(&plain) && elements::ends_like_organ(&plain)
    };
    organ(lines[i])
        && (i + 1..lines.len().min(i + 4))
            .take_while(|&k| organ(lines[k]) || strip_spaces(lines[k]).ends_with("文件"))
            .any(|k| strip_spaces(lines[k]).ends_with("文件"))
}

/// A line short enough and without the punctuation of a sentence, as a name on a line of its own.
fn is_name_line(plain: &str) -> bool {
    char_len(plain) <= 30 && !has_sentence_punct(plain)
}

fn has_sentence_punct(s: &str) -> bool {
    s.contains(['。', '，', '；', '：', ':', '！', '？', ',', ';'])
}

/// Index of the last title line, if a title starts at `start`.
fn title_end(lines: &[&str], paras: &[Paragraph], start: usize) -> Option<usize> {
    let titleish = |l: &str| {
        // A title wrongly ending with a mark ("……的通知。") is still a title.
        let core = l.trim_end_matches(['。', '；', '：', ':', '，', '！', '？', '.']);
        let punct_ok = core.len() == l.len() || Genre::from_title(core).is_some();
        char_len(l) <= 80 && punct_ok && !core.contains('。') && !is_doc_number(l) && !is_date_line(l)
    };
    let mut joined = String::new();
    let limit = (start + 5).min(lines.len());
    for k in start..limit {
        if !titleish(lines[k]) || (k > start && paras[k].blank_before) {
            break;
        }
        joined.push_str(&strip_spaces(lines[k]));
        if ends_like_title(&joined) {
            // A title split before its last "的通知" ("…的通知" / "的通知").
            let mut end = k;
            while end + 1 < limit && titleish(lines[end + 1]) && lines[end + 1].starts_with('的') {
                joined.push_str(&strip_spaces(lines[end + 1]));
                if !ends_like_title(&joined) {
                    break;
                }
                end += 1;
            }
            return Some(end);
        }
    }
    // No 文种: the lines above a 发文字号 or 主送机关 are the title when they read like one.
    for k in start..limit.min(start + 3) {
        if !titleish(lines[k]) || (k > start && paras[k].blank_before) {
            break;
        }
        if lines.get(k + 1).is_some_and(|l| is_doc_number(l) || is_addressee(l) || is_salutation(l)) {
            return Some(k);
        }
    }
    let first = lines[start];
    let next = lines.get(start + 1).copied();
    let looks_like_title = titleish(first)
        && char_len(first) <= 50
        && outline::detect(first, 0).is_none()
        && (first.contains("关于")
            || next.is_some_and(|l| is_addressee(l) || is_salutation(l) || is_doc_number(l))
            || paras.get(start + 1).is_some_and(|p| p.blank_before));
    looks_like_title.then_some(start)
}

fn ends_like_title(joined: &str) -> bool {
    let joined = joined.trim_end_matches(['。', '；', '：', ':', '，', '！', '？', '.']);
    Genre::from_title(joined).is_some()
        || NonGenreWord::ending(joined).is_some()
        || joined.ends_with("答复")
        || is_speech_title(joined)
}

fn is_salutation(l: &str) -> bool {
    // A salutation, then at most a comma or exclamation mark, then at most a colon.
    let t = l.strip_suffix(['：', ':']).unwrap_or(l);
    let t = t.strip_suffix(['，', ',', '！', '!']).unwrap_or(t);
    char_len(l) <= 30 && SALUTATIONS.iter().any(|s| t.ends_with(s))
}

/// 主送机关: a short line ending with a colon that is not a sentence, or one written with a
/// label (“报：县政府”, “呈：”, “主送：”).
fn is_addressee(l: &str) -> bool {
    let labelled = elements::addressee_label(l).is_some_and(|n| n < l.len())
        && char_len(l) <= 60
        && !l.contains(['。', '！', '？', '，']);
    labelled
        || (l.ends_with('：') || l.ends_with(':'))
        && char_len(l) <= 200
        && !l.contains(['。', '！', '？'])
        // A semicolon between organs is a punctuation error (GW313), not a sentence.
        && (!l.contains(['；', ';']) || char_len(l) <= 60)
        && !l.contains("如下")
        && !leads_in(l)
        && outline::detect(l, 0).is_none()
        && !AttachmentNote::starts(l)
        && !l.starts_with("抄送")
}

/// Whether a line ending with a colon leads in to what follows rather than naming organs: a
/// clause closed by 的 (有下列情形之一的，应当追究责任：), a list announced (采取下列措施：), or a
/// subject and its 是/为 (主要职责是：, 范围一般为：). A 主送 line lists organs and has none of
/// these.
fn leads_in(l: &str) -> bool {
    let body = l.trim_end_matches(['：', ':']);
    l.contains("的，") || l.contains("下列") || body.ends_with(['是', '为'])
}

/// A line that is only a date, or a 成文日期 with its day left blank for signing.
fn is_date_line(l: &str) -> bool {
    char_len(l) <= 24 && (parse_date_line(l).is_some() || is_unfilled_date_line(l))
}

/// The 成文日期: the first date-only line followed by nothing but 附注 lines, then the end of
/// the document, an appended attachment ("附件2" alone on a line), or — right under a 署名 — the
/// text the document issues, which web copies of 印发/转发 notices append unmarked: after a blank
/// line, or starting with its own title.
fn find_date(lines: &[&str], paras: &[Paragraph], from: usize, end: usize) -> Option<usize> {
    (from..end).find(|&j| {
        if !is_date_line(lines[j]) {
            return false;
        }
        let mut k = j + 1;
        while k < end && k - j <= 3 && is_annotation(lines[k]) && !Attachment::is_head(lines[k]) {
            k += 1;
        }
        let sig = signature_start(lines, from, j);
        let signed = j > from && sig < j;
        // A 附件说明 right above the 署名 closes the 主体 whatever follows the date.
        let noted = signed && attachment_note_lines(lines, from, sig).is_some();
        k == end
            || Attachment::is_head(lines[k])
            || noted
            || (signed && (paras[k].blank_before || reads_as_issued_title(lines[k], lines.get(k + 1).copied())))
    })
}

/// The title of a text appended under the 成文日期: a short line without sentence punctuation
/// or a heading number, followed by more text (《》 around it are allowed).
fn reads_as_issued_title(l: &str, next: Option<&str>) -> bool {
    let plain = strip_spaces(l);
    (4..=50).contains(&char_len(&plain))
        && !has_sentence_punct(&plain)
        && !plain.contains(['、', '“', '”'])
        && outline::detect(&plain, 0).is_none()
        && !is_date_line(&plain)
        && next.is_some()
}

/// 附注: a parenthesised line (（此件公开发布）, （联系人：…）) or a contact line.
fn is_annotation(l: &str) -> bool {
    let l = l.trim();
    // Either bracket style at either end: “（联系人：……)” mixes them, and is still a 附注.
    (l.starts_with(['（', '(']) && l.ends_with(['）', ')'])) || l.starts_with("联系人") || l.starts_with("联系电话")
}

/// First line of the 发文机关署名 above the 成文日期 (== `date` when there is none).
fn signature_start(lines: &[&str], from: usize, date: usize) -> usize {
    let mut s = date;
    while s > from && date - s < 4 {
        let l = strip_spaces(lines[s - 1]);
        let organ_like = (2..=30).contains(&char_len(&l))
            && !l.contains(['。', '，', '；', '：', ':', '！', '？', '、', '“', '”', '《', '》', ','])
            && outline::detect(&l, 0).is_none()
            && !AttachmentNote::starts(&l)
            && !is_date_line(&l)
            && !l.chars().next().is_some_and(|c| c.is_ascii_digit());
        // The line under a lone “附件：” is the attachment's name, not a 署名.
        let names_attachment = s >= from + 2 && AttachmentNote::is_bare_head(lines[s - 2]);
        if !organ_like || names_attachment {
            break;
        }
        s -= 1;
    }
    s
}

/// The lines of the 附件说明 just above `until`: from its first line to `until`, or to the
/// contact lines (联系人, 联系电话) some documents put between it and the 署名.
fn attachment_note_lines(lines: &[&str], from: usize, until: usize) -> Option<(usize, usize)> {
    let window = until.saturating_sub(15).max(from);
    let contact_from = (window..until).rev().take_while(|&k| is_contact_line(lines[k])).last().unwrap_or(until);
    (window..contact_from)
        .find(|&a| {
            AttachmentNote::starts(lines[a]) && lines[a + 1..contact_from].iter().all(|l| AttachmentNote::continues(l))
        })
        .map(|a| (a, contact_from))
}

/// A line giving a contact: 联系人：…, 联系电话：…, 传真：….
fn is_contact_line(line: &str) -> bool {
    let l = line.trim_start_matches([' ', '\u{3000}']);
    ["联系人", "联系电话", "联系方式", "电话", "传真", "电子邮箱", "邮箱"].iter().any(|w| l.starts_with(w))
}

fn classify(lines: &[&str], parts: &[Part], title: Option<(usize, usize)>, hint: Option<DocClass>) -> DocClass {
    let title_text: String =
        title.map(|(a, b)| lines[a..=b].iter().map(|l| strip_spaces(l)).collect()).unwrap_or_default();
    let speech = hint == Some(DocClass::Speech)
        || is_speech_title(&title_text)
        || lines.iter().take(8).any(|l| is_salutation(l));
    if speech {
        return DocClass::Speech;
    }
    let has = |p: Part| parts.contains(&p);
    // A 调研报告 or 述职报告 is a report of another kind, not the 公文 报告: its title alone does
    // not make the text a 公文 (a 字号 or 主送机关 still does).
    let genre = Genre::from_title(&title_text).is_some() && !is_non_gongwen_report(&title_text);
    let formal_marks = has(Part::DocNumber) || has(Part::Addressee) || has(Part::IssuerMark);
    let closed = has(Part::Date) && title_text.contains("关于");
    if title.is_some() && (genre || formal_marks || closed) {
        DocClass::Gongwen
    } else {
        DocClass::Other
    }
}

/// The facts: plain views of the elements (names as strings), plus what is derived from the
/// title (文种, 行文方向, 发文机关).
fn derive_facts(text: &str, lines: &[&str], layout: &Layout, e: &Elements) -> Facts {
    let of = |part: Part| lines.iter().zip(&layout.parts).filter(move |(_, p)| **p == part).map(|(l, _)| *l);
    let at = |span: crate::span::Span| text[span.start..span.end].to_string();
    let title: Option<String> = {
        let t: Vec<&str> = of(Part::Title).collect();
        (!t.is_empty()).then(|| t.iter().map(|l| l.trim()).collect::<String>())
    };
    let genre = title.as_deref().and_then(Genre::from_title).or_else(|| {
        let n = e.doc_number.as_ref()?;
        title.as_ref()?;
        Genre::from_doc_number_code(&text[n.code.start..n.code.end])
    });
    let names = |organs: &[elements::Organ]| organs.iter().map(|o| o.name.clone()).collect::<Vec<_>>();
    let issuer = title
        .as_deref()
        .and_then(|t| t.split_once("关于").map(|(a, _)| strip_spaces(a).into_owned()))
        .map(|a| ["转发", "批转", "印发"].iter().fold(a, |a, w| a.split(w).next().unwrap_or_default().to_string()))
        .filter(|a| !a.is_empty())
        .or_else(|| (!e.signature.is_empty()).then(|| names(&e.signature).join("、")))
        .or_else(|| of(Part::IssuerMark).next().map(|m| strip_spaces(m).trim_end_matches("文件").to_string()));
    // A 令号 (第707号) has no parts; it is shown as written.
    let doc_number =
        e.doc_number.as_ref().map(|d| at(d.span)).or_else(|| of(Part::DocNumber).next().map(str::to_string));
    let attachments = e
        .attachment_note
        .iter()
        .flat_map(|n| &n.items)
        .map(|i| at(i.name).trim().to_string())
        .filter(|s| !s.is_empty())
        .collect();
    let acts_as = title.as_deref().and_then(Genre::acted_by_title).or(genre);
    Facts {
        class: layout.class,
        direction: genre.map(|g| g.default_direction()),
        acts_as,
        title,
        genre,
        doc_number,
        recipients: names(&e.addressees),
        issuer,
        // A date with its day left blank (2025年3月　日) is shown as written, without a value.
        date: e.date.as_ref().map(|d| d.written.clone()).or_else(|| of(Part::Date).next().map(str::to_string)),
        date_value: e.date.as_ref().map(|d| d.value),
        attachments,
        copy_to: names(&e.copy_to),
        era: Era::of(e.date.as_ref().map(|d| d.value).or_else(|| e.printed.as_ref().map(|p| p.date.value))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::{Document, Part, SourceKind};

    /// The line tests that stand for patterns give what the patterns give.
    #[test]
    fn line_tests_answer_as_their_patterns() {
        let salutation = Regex::new(
            r"(同志们|朋友们|女士们|先生们|同学们|代表们|各位(领导|来宾|代表|委员|同志|嘉宾|专家))[，,！!]?[：:]?$",
        )
        .unwrap();
        let non_gongwen = Regex::new(r"(调研|调查|述职|述廉|述责|考察|研究|评估|分析|可行性研究)报告$").unwrap();
        let speech = Regex::new(r"(讲话|发言|致辞|讲话稿|发言稿|主持词|讲话提纲)$").unwrap();
        let title_note = title_note_pattern();
        let lines = [
            "同志们：",
            "同志们，",
            "同志们！：",
            "同志们，，",
            "同志们：：",
            "各位领导、各位来宾：",
            "各位：",
            "各位专家！",
            "亲爱的朋友们",
            "们：",
            "同志们：好",
            "关于开展专题调研的报告",
            "2024年度述职报告",
            "可行性研究报告",
            "工作报告",
            "调研报告书",
            "报告",
            "在全市工作会议上的讲话",
            "讲话提纲",
            "主持词：",
            "发言人",
            "（2024年3月1日市人民代表大会常务委员会第十次会议通过）",
            "2021年4月22日 施行",
            "自公布之日起施行）",
            "（会议）",
            "通过",
            "沪府发〔2024〕1号",
            "（二〇二四年五月六日发布）",
            "",
        ];
        for l in lines {
            assert_eq!(is_salutation(l), char_len(l) <= 30 && salutation.is_match(l), "{l}");
            assert_eq!(is_non_gongwen_report(l), non_gongwen.is_match(&strip_spaces(l)), "{l}");
            assert_eq!(is_speech_title(l), speech.is_match(l), "{l}");
            let l = strip_spaces(l);
            assert_eq!(is_title_note(&l), title_note.is_match(&l), "{l}");
        }
    }

    /// The pattern [`is_title_note`] reads by hand.
    fn title_note_pattern() -> Regex {
        Regex::new(concat!(
            r"^[（(]?(?:.{0,200}(?:通过|施行|公布|批准|发布|修正|修订)[）)]|",
            r"(?:[0-9]{4}|[〇零○一二三四五六七八九]{4})年[0-9一二三四五六七八九十]{1,3}月[0-9一二三四五六七八九十]{1,3}日",
            r"[^。]{0,80}(?:通过|施行|公布|批准|发布|修正|修订|会议)[）)]?)$"
        ))
        .unwrap()
    }

    /// Every line built from the pieces a 题注 is made of (and pieces near them) is a 题注 by
    /// hand exactly when the pattern says so.
    #[test]
    fn title_notes_are_read_as_the_pattern_reads_them() {
        let pattern = title_note_pattern();
        let opens = ["", "（", "(", "（（", "）"];
        let dates = [
            "",
            "2021年3月1日",
            "二〇二一年三月一日",
            "2021年十二月31日",
            "21年3月1日",
            "2021年1234月1日",
            "2021年3月",
            "2021年3月1日2021年3月1日",
        ];
        let fill = |n: usize, c: char| std::iter::repeat_n(c, n).collect::<String>();
        let mut middles: Vec<String> = [0, 1, 79, 80, 81, 199, 200, 201, 202].iter().map(|&n| fill(n, '审')).collect();
        middles.extend(["会议", "。", "第十次会议。", "（", "日", "通过", "\n"].map(String::from));
        middles.push(fill(79, '审') + "。");
        let acts = ["", "通过", "施行", "会议", "修订", "会", "过", "会议通过", "通过会议"];
        let closes = ["", "）", ")", "））", "）。", "。"];
        let mut n = 0;
        for open in opens {
            for date in dates {
                for middle in &middles {
                    for act in acts {
                        for close in closes {
                            let l = format!("{open}{date}{middle}{act}{close}");
                            assert_eq!(is_title_note(&l), pattern.is_match(&l), "{l}");
                            n += usize::from(pattern.is_match(&l));
                        }
                    }
                }
            }
        }
        assert_eq!(n, 5060, "lines that are notes");
    }

    /// The part of every paragraph, in order.
    fn parts(text: &str) -> Vec<Part> {
        let doc = Document::from_text("t.txt", SourceKind::Txt, text).unwrap();
        doc.paragraphs.iter().map(|p| p.part).collect()
    }

    #[test]
    fn formal_document_with_masthead_and_colophon() {
        let text = "000001\n机密★1年\n特急\n平安市人民政府文件\n平政发〔2025〕7号\n\n平安市人民政府关于做好\n2025年防汛工作的通知\n\n各县（市、区）人民政府，市政府各部门：\n　　为做好防汛工作，现通知如下。\n　　一、压实责任\n　　附件：1.重点部位清单\n　　　　　2.责任人名单\n\n平安市人民政府\n2025年5月6日\n（此件公开发布）\n附件1\n重点部位清单\n抄送：市委办公室。\n平安市人民政府办公室 2025年5月6日印发\n";
        let got = parts(text);
        use Part::*;
        assert_eq!(
            got,
            vec![
                CopyNumber,
                Secrecy,
                Urgency,
                IssuerMark,
                DocNumber,
                Title,
                Title,
                Addressee,
                Body,
                Body,
                AttachmentNote,
                AttachmentNote,
                Signature,
                Date,
                Annotation,
                Attachment,
                Attachment,
                CopyTo,
                Printed
            ]
        );
        let doc = Document::from_text("t.txt", SourceKind::Txt, text).unwrap();
        let f = &doc.facts;
        assert_eq!(f.title.as_deref(), Some("平安市人民政府关于做好2025年防汛工作的通知"));
        assert_eq!(f.genre.map(|g| g.as_str()), Some("通知"));
        assert_eq!(f.issuer.as_deref(), Some("平安市人民政府"));
        assert_eq!(f.recipients, vec!["各县（市、区）人民政府", "市政府各部门"]);
        assert_eq!(f.attachments, vec!["重点部位清单", "责任人名单"]);
        assert_eq!(f.copy_to, vec!["市委办公室"]);
        assert_eq!(f.date_value.unwrap().iso(), "2025-05-06");
        assert_eq!(doc.paragraphs[9].heading.unwrap().level, 1);
    }

    #[test]
    fn web_copy_with_number_under_the_title() {
        let text = "国务院关于在市场监管领域全面推行\n部门联合“双随机、一公开”监管的意见\n国发〔2019〕5号\n\n各省、自治区、直辖市人民政府：\n正文。\n国务院\n2019年1月27日\n（此件公开发布）\n";
        let got = parts(text);
        use Part::*;
        assert_eq!(got, vec![Title, Title, DocNumber, Addressee, Body, Signature, Date, Annotation]);
    }

    #[test]
    fn a_line_that_leads_in_is_no_addressee() {
        use Part::*;
        for line in [
            "有下列情形之一的，应当追究责任：",
            "县级以上地方人民政府应当立即启动应急响应，采取下列措施：",
            "中央生态环境保护督察办公室的职责是：",
            "个别谈话和征求意见的范围一般为：",
        ] {
            assert_ne!(parts(&format!("{line}\n正文。\n"))[0], Addressee, "{line}");
        }
        for line in [
            "各省、自治区、直辖市人民政府，国务院各部委、各直属机构：",
            "广东省人民政府、科技部：",
            "市政府各委、办、局：",
        ] {
            assert_eq!(parts(&format!("关于做好防汛工作的通知\n{line}\n正文。\n"))[1], Addressee, "{line}");
        }
    }

    #[test]
    fn speech_is_not_a_gongwen() {
        let text = "在全市安全生产工作会议上的讲话\n（2025年3月5日）\n同志们：\n今天我们召开会议。\n";
        let doc = Document::from_text("t.txt", SourceKind::Txt, text).unwrap();
        assert_eq!(doc.facts.class, crate::document::DocClass::Speech);
        assert_eq!(doc.facts.genre, None);
    }

    #[test]
    fn article_is_other() {
        let text = "乡村振兴的几点思考\n\n乡村振兴是一项系统工程，需要久久为功。\n我们要坚持规划先行。\n";
        let doc = Document::from_text("t.txt", SourceKind::Txt, text).unwrap();
        assert_eq!(doc.facts.class, crate::document::DocClass::Other);
    }

    #[test]
    fn draft_without_genre_is_still_a_gongwen() {
        let text = "关于2025年防汛工作的安排\n\n各乡镇人民政府：\n　　现将有关事项安排如下。\n\n平安县人民政府\n2025年4月1日\n";
        let doc = Document::from_text("t.txt", SourceKind::Txt, text).unwrap();
        assert_eq!(doc.facts.class, crate::document::DocClass::Gongwen);
        assert_eq!(doc.facts.genre, None);
        assert_eq!(doc.facts.title.as_deref(), Some("关于2025年防汛工作的安排"));
    }

    #[test]
    fn masthead_with_signer_far_right_and_unnumbered_doc_number() {
        let text = format!(
            "密级：秘密\n平安县交通运输局\n\n平交〔2024〕　号{}签发人：李明\n\n平安县交通运输局关于申请农村公路养护资金的请示\n\n平安县人民政府：\n　　现申请补助资金。\n　　妥否，请批示。\n\n平安县交通运输局\n2024年6月　日\n",
            " ".repeat(34)
        );
        let got = parts(&text);
        use Part::*;
        assert_eq!(got, vec![Secrecy, IssuerMark, DocNumber, Title, Addressee, Body, Body, Signature, Date]);
        let doc = Document::from_text("t.txt", SourceKind::Txt, &text).unwrap();
        assert_eq!(doc.facts.genre.map(|g| g.as_str()), Some("请示"));
        assert_eq!(doc.facts.date.as_deref(), Some("2024年6月　日"));
        assert_eq!(doc.facts.date_value, None);
        assert!(doc.elements.signer.is_some());
    }

    #[test]
    fn addressee_written_with_a_label() {
        let text = "平安县农业农村局关于申请资金的请示\n\n报：县政府李县长\n　　现申请资金。\n　　妥否，请批示。\n";
        let got = parts(text);
        use Part::*;
        assert_eq!(got, vec![Title, Addressee, Body, Body]);
        let doc = Document::from_text("t.txt", SourceKind::Txt, text).unwrap();
        assert_eq!(doc.facts.recipients, vec!["县政府李县长"]);
    }

    #[test]
    fn joint_masthead_over_several_lines() {
        let text = "中共平安市委办公室\n平安市人民政府办公室\n文件\n\n平委办发〔2025〕3号\n\n中共平安市委办公室　平安市人民政府办公室\n关于做好春节期间有关工作的通知\n\n各县（市、区）委和人民政府：\n　　现就有关事项通知如下。\n";
        let got = parts(text);
        use Part::*;
        assert_eq!(got, vec![IssuerMark, IssuerMark, IssuerMark, DocNumber, Title, Title, Addressee, Body]);
    }

    #[test]
    fn organ_masthead_without_wenjian_above_a_blank_line() {
        let text = "平安市教育局\n\n平安市教育局关于开展校园安全检查的通知\n\n各县（市、区）教育局：\n　　现就有关事项通知如下。\n";
        let got = parts(text);
        use Part::*;
        assert_eq!(got, vec![IssuerMark, Title, Addressee, Body]);
        // Without the blank line the organ name is the title's first line.
        let text = "平安市教育局\n关于开展校园安全检查的通知\n各县（市、区）教育局：\n正文。\n";
        let got = parts(text);
        assert_eq!(got, vec![Title, Title, Addressee, Body]);
    }

    #[test]
    fn attachment_note_above_contact_lines() {
        let text = "平安市应急管理局关于开展汛前检查的通知\n各区应急管理局：\n　　请于5月10日前报送。\n　　附件：1.汛前安全检查表\n　　　　　2.责任人名单\n　　联系人：张三，联系电话：12345678。\n平安市应急管理局\n2025年4月8日\n";
        let got = parts(text);
        use Part::*;
        assert_eq!(got, vec![Title, Addressee, Body, AttachmentNote, AttachmentNote, Body, Signature, Date]);
    }

    #[test]
    fn attachment_name_under_a_bare_attachment_head() {
        let text = "平安市应急管理局关于开展汛前检查的通知\n各区应急管理局：\n　　请于5月10日前报送。\n\n　　附件：\n　　汛前安全检查表\n\n平安市应急管理局\n2025年4月　日\n";
        let got = parts(text);
        use Part::*;
        assert_eq!(got, vec![Title, Addressee, Body, AttachmentNote, AttachmentNote, Signature, Date]);
        let doc = Document::from_text("t.txt", SourceKind::Txt, text).unwrap();
        assert_eq!(doc.facts.attachments, vec!["汛前安全检查表"]);
    }

    #[test]
    fn issued_text_right_under_the_date() {
        let text = "平安市人民政府办公室关于印发《平安市应急物资储备管理办法》的通知\n各县（市、区）人民政府：\n　　现印发给你们，请认真贯彻执行。\n　　附件：平安市应急物资储备管理办法\n平安市人民政府办公室\n2025年3月5日\n平安市应急物资储备管理办法\n第一章　总则\n　　第一条　为规范管理，制定本办法。\n　　1.生活类物资；\n　　2.救援类物资。\n";
        let got = parts(text);
        use Part::*;
        assert_eq!(
            got,
            vec![
                Title,
                Addressee,
                Body,
                AttachmentNote,
                Signature,
                Date,
                Attachment,
                Attachment,
                Attachment,
                Attachment,
                Attachment
            ]
        );
        let doc = Document::from_text("t.txt", SourceKind::Txt, text).unwrap();
        assert_eq!(doc.facts.attachments, vec!["平安市应急物资储备管理办法"]);
        // Issued text that starts with its numbered items, no title: the 附件说明 above the
        // 署名 still closes the 主体, so the items are not read as attachment names.
        let text = "平安市人民政府办公室关于印发重点工作清单的通知\n各县（市、区）人民政府：\n　　现印发给你们。\n　　附件：重点工作清单\n平安市人民政府办公室\n2025年3月5日\n1.完成老旧小区改造；\n2.开展安全生产检查；\n3.推进乡村振兴。\n";
        let got = parts(text);
        assert_eq!(
            got,
            vec![Title, Addressee, Body, AttachmentNote, Signature, Date, Attachment, Attachment, Attachment]
        );
        let doc = Document::from_text("t.txt", SourceKind::Txt, text).unwrap();
        assert_eq!(doc.facts.attachments, vec!["重点工作清单"]);
    }

    #[test]
    fn title_notes_of_judicial_documents_before_the_addressee() {
        let text = "最高人民法院关于审理某类案件适用法律问题的批复\n（2025年1月6日最高人民法院审判委员会第1900次会议通过，自2025年2月1日起施行）\n法释〔2025〕1号\n平安省高级人民法院：\n　　你院请示收悉。\n";
        let got = parts(text);
        use Part::*;
        assert_eq!(got, vec![Title, TitleNote, DocNumber, Addressee, Body]);
        let text = "最高人民法院、最高人民检察院关于修改某解释的决定\n2018年7月30日 最高人民法院审判委员会第1745次会议\n2018年10月19日 最高人民检察院第十三届检察委员会第七次会议\n2018年12月1日 施行\n根据司法实践情况，现决定修改。\n";
        let got = parts(text);
        assert_eq!(got, vec![Title, TitleNote, TitleNote, TitleNote, Body]);
        // A bracketed 题注 broken over two lines, the 字号 above the title.
        let text = "法释〔2025〕1号\n最高人民法院关于某问题的批复\n（2025年1月6日最高人民法院审判委员会第1900次会议通过，\n自2025年2月1日起施行）\n平安省高级人民法院：\n　　你院请示收悉。\n　　此复。\n";
        let got = parts(text);
        assert_eq!(got, vec![DocNumber, Title, TitleNote, TitleNote, Addressee, Body, Body]);
    }

    #[test]
    fn genre_of_an_answer_from_the_doc_number() {
        let text = "对市政协十四届三次会议第0123号提案的答复\n平市交函〔2025〕45号\n张明委员：\n　　现答复如下。\n平安市交通运输局\n2025年6月20日\n";
        let doc = Document::from_text("t.txt", SourceKind::Txt, text).unwrap();
        assert_eq!(doc.facts.class, crate::document::DocClass::Gongwen);
        assert_eq!(doc.facts.title.as_deref(), Some("对市政协十四届三次会议第0123号提案的答复"));
        assert_eq!(doc.facts.genre.map(|g| g.as_str()), Some("函"));
    }

    #[test]
    fn era_follows_the_date() {
        use crate::document::facts::Era;
        let era = |date: &str| {
            let text = format!("平安市人民政府关于某事的通知\n各区政府：\n正文。\n平安市人民政府\n{date}\n");
            Document::from_text("t.txt", SourceKind::Txt, &text).unwrap().facts.era
        };
        assert_eq!(era("二〇一二年六月三十日"), Era::Before2012);
        assert_eq!(era("2012年7月1日"), Era::Current);
        assert_eq!(era("2025年3月　日"), Era::Current);
    }
}
