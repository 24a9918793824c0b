//! A readable report for a .txt or .md draft: one self-contained HTML page (no script, no request
//! to any host) with the text, each finding highlighted where it is and numbered, and the list of
//! findings grouped by severity with their explanation and fix. Opens in any browser and prints.

use crate::diagnostic::{Diagnostic, Severity};
use crate::document::Document;
use crate::registry::Registry;

use crate::text::xml_escape as escape;

/// The page for `doc` and its findings; `registry` gives each rule's category.
pub fn html_report(doc: &Document, diagnostics: &[Diagnostic], registry: &Registry) -> String {
    let mut out = String::with_capacity(doc.text.len() * 3 + diagnostics.len() * 400);
    let title = escape(&doc.path);
    let count = |s: Severity| diagnostics.iter().filter(|d| d.severity == s).count();
    out.push_str(&format!(
        "<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>gwlint 检查结果：{title}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n<header>\n<h1>gwlint 检查结果</h1>\n<p class=\"file\">{title}</p>\n<p class=\"summary\">{} 个错误，{} 个警告，{} 个提示</p>\n</header>\n",
        count(Severity::Error),
        count(Severity::Warning),
        count(Severity::Info)
    ));
    out.push_str("<main>\n<section class=\"text\">\n<h2>原文</h2>\n");
    text_with_marks(&mut out, doc, diagnostics);
    out.push_str("</section>\n<section class=\"findings\">\n<h2>问题清单</h2>\n");
    if diagnostics.is_empty() {
        out.push_str("<p>未发现问题。</p>\n");
    }
    for severity in [Severity::Error, Severity::Warning, Severity::Info] {
        let of: Vec<(usize, &Diagnostic)> =
            diagnostics.iter().enumerate().filter(|(_, d)| d.severity == severity).collect();
        if of.is_empty() {
            continue;
        }
        out.push_str(&format!("<h3>{}（{}）</h3>\n<ol class=\"list\">\n", severity.label_zh(), of.len()));
        for (k, d) in of {
            finding(&mut out, doc, registry, k, d);
        }
        out.push_str("</ol>\n");
    }
    out.push_str("</section>\n</main>\n<footer>由 gwlint 生成；全部检查在本机完成。</footer>\n</body>\n</html>\n");
    out
}

/// The text, paragraph by paragraph, with each finding's characters marked and its number
/// after them; a finding on no character gets its number where it stands.
fn text_with_marks(out: &mut String, doc: &Document, diagnostics: &[Diagnostic]) {
    let text = &doc.text;
    // Every offset where a mark opens or closes, and what is there.
    // Line breaks at the very end open no paragraph.
    let body_end = text.trim_end_matches(['\n', '\r']).len();
    let mut cuts: Vec<usize> = vec![0, body_end, text.len()];
    for d in diagnostics {
        cuts.push(d.span.start.min(text.len()));
        cuts.push(d.span.end.min(text.len()));
    }
    cuts.retain(|c| text.is_char_boundary(*c));
    cuts.sort_unstable();
    cuts.dedup();
    out.push_str("<p>");
    for w in cuts.windows(2) {
        let (a, b) = (w[0], w[1]);
        // Numbers of the findings that end here, or that sit on no character here.
        for (k, d) in diagnostics.iter().enumerate() {
            if d.span.end == a && a < text.len() {
                out.push_str(&reference(k, d));
            }
        }
        if a >= body_end {
            continue;
        }
        let covering: Vec<&Diagnostic> = diagnostics.iter().filter(|d| d.span.start <= a && b <= d.span.end).collect();
        let piece = &text[a..b];
        let mut lines = piece.split('\n').peekable();
        while let Some(line) = lines.next() {
            match covering.iter().map(|d| d.severity).max() {
                Some(s) if !line.is_empty() => {
                    out.push_str(&format!("<mark class=\"{}\">{}</mark>", s.as_str(), escape(line)))
                }
                _ => out.push_str(&escape(line)),
            }
            if lines.peek().is_some() {
                out.push_str("</p>\n<p>");
            }
        }
    }
    // Findings that end with the text.
    for (k, d) in diagnostics.iter().enumerate() {
        if d.span.end >= text.len() {
            out.push_str(&reference(k, d));
        }
    }
    out.push_str("</p>\n");
}

/// The number of finding `k`, linking to its entry in the list.
fn reference(k: usize, d: &Diagnostic) -> String {
    format!("<a class=\"ref {}\" id=\"at{k}\" href=\"#f{k}\">{}</a>", d.severity.as_str(), k + 1)
}

fn finding(out: &mut String, doc: &Document, registry: &Registry, k: usize, d: &Diagnostic) {
    let at = doc.position(d.span.start);
    let category = registry.find(&d.code).map_or("", |r| r.meta().category.name_zh());
    out.push_str(&format!(
        "<li id=\"f{k}\" value=\"{}\"><p class=\"head\"><a href=\"#at{k}\">第{}行第{}字</a> <span class=\"code\">{} {}</span> <span class=\"cat\">{category}</span></p>\n<p class=\"msg\">{}</p>\n",
        k + 1,
        at.line,
        at.column,
        escape(&d.code),
        escape(&d.name),
        escape(&d.message)
    ));
    if let Some(help) = &d.help {
        out.push_str(&format!("<p class=\"help\">说明：{}</p>\n", escape(help)));
    }
    if let Some(fix) = &d.fix {
        out.push_str(&format!("<p class=\"fix\">建议：{}</p>\n", escape(&fix.title)));
    }
    if let Some(source) = &d.source {
        out.push_str(&format!("<p class=\"source\">依据：{}</p>\n", escape(source)));
    }
    out.push_str("</li>\n");
}

const STYLE: &str = "body{font-family:\"Noto Serif CJK SC\",\"Source Han Serif SC\",\"SimSun\",serif;margin:0;color:#222;background:#fafafa;font-size:18px;line-height:1.8}\
header,main,footer{max-width:60em;margin:0 auto;padding:0 1em}\
h1{font-size:1.5em;margin:.8em 0 .2em}.file{color:#555;margin:0}.summary{font-weight:bold}\
.text{background:#fff;border:1px solid #ddd;padding:.5em 1.5em}.text p{margin:.2em 0;white-space:pre-wrap}\
mark{padding:0 .05em;border-bottom:2px solid}mark.error{background:#fde2e1;border-color:#c0392b}\
mark.warning{background:#fff3cd;border-color:#d4a017}mark.info{background:#e3f0fb;border-color:#2e86c1}\
a.ref{font-size:.7em;vertical-align:super;text-decoration:none;margin:0 .1em;padding:0 .25em;border-radius:.5em;color:#fff}\
a.ref.error{background:#c0392b}a.ref.warning{background:#b8860b}a.ref.info{background:#2e86c1}\
.list li{margin:.6em 0}.list p{margin:0}.head .code{font-family:monospace;color:#555}.cat{color:#777;font-size:.9em}\
.msg{font-weight:bold}.help,.fix,.source{color:#444;font-size:.95em}\
footer{color:#777;font-size:.9em;margin:2em auto}\
@media print{body{background:#fff;font-size:12pt}a.ref{color:#000;border:1px solid #000}}";
