//! `--format human`: miette's graphical reports over a windowed view of the source.
//!
//! miette prints whole lines and counts header columns in bytes; a 公文 paragraph is one
//! long line, so `Window` hands miette only ±24 characters around each span and reports the
//! character column of the window start (rust-stack.md §2.3.3).

use miette::{
    Diagnostic as MietteDiagnostic, GraphicalReportHandler, GraphicalTheme, LabeledSpan, MietteError,
    MietteSpanContents, SourceCode, SourceSpan, SpanContents,
};
use std::fmt;
use std::io::{self, Write};

use gwlint_core::{Applicability, Diagnostic, Document, Severity};

use super::{Renderer, Tally};

const RADIUS: usize = 24;

struct Window<'a> {
    doc: &'a Document,
}

impl<'a> Window<'a> {
    /// Move `from` back (or forward) by up to `n` chars, not past `limit`.
    fn back(&self, from: usize, limit: usize, n: usize) -> usize {
        let s = &self.doc.source[limit..from];
        s.char_indices().rev().nth(n.saturating_sub(1)).map_or(limit, |(i, _)| limit + i)
    }

    fn forward(&self, from: usize, limit: usize, n: usize) -> usize {
        let s = &self.doc.source[from..limit];
        s.char_indices().nth(n).map_or(limit, |(i, _)| from + i)
    }
}

impl SourceCode for Window<'_> {
    fn read_span<'b>(
        &'b self,
        span: &SourceSpan,
        before: usize,
        after: usize,
    ) -> Result<Box<dyn SpanContents<'b> + 'b>, MietteError> {
        let src = &self.doc.source;
        let start = src.floor_char_boundary(span.offset().min(src.len()));
        let end = src.ceil_char_boundary((span.offset() + span.len()).min(src.len())).max(start);
        let (a, b) = if before == 0 && after == 0 {
            (start, end)
        } else {
            let first = self.doc.source_line_range(start);
            let last = self.doc.source_line_range(end.saturating_sub(1).max(start));
            (self.back(start, first.start, RADIUS), self.forward(end, last.end, RADIUS))
        };
        let (line, column) = self.doc.source_position(a);
        let line_count = src[a..b].matches('\n').count() + 1;
        Ok(Box::new(MietteSpanContents::new_named(
            self.doc.path.clone(),
            &src.as_bytes()[a..b],
            (a, b - a).into(),
            line,
            column,
            line_count,
        )))
    }
}

struct Report<'a> {
    d: &'a Diagnostic,
    window: Window<'a>,
    help: Option<String>,
}

impl fmt::Debug for Report<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.d.message)
    }
}

impl fmt::Display for Report<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.d.message)
    }
}

impl std::error::Error for Report<'_> {}

impl MietteDiagnostic for Report<'_> {
    fn code<'b>(&'b self) -> Option<Box<dyn fmt::Display + 'b>> {
        Some(Box::new(format!("{} {}", self.d.code, self.d.name)))
    }

    fn severity(&self) -> Option<miette::Severity> {
        Some(match self.d.severity {
            Severity::Error => miette::Severity::Error,
            Severity::Warning => miette::Severity::Warning,
            Severity::Info => miette::Severity::Advice,
        })
    }

    fn help<'b>(&'b self) -> Option<Box<dyn fmt::Display + 'b>> {
        self.help.as_ref().map(|h| Box::new(h) as Box<dyn fmt::Display>)
    }

    fn source_code(&self) -> Option<&dyn SourceCode> {
        Some(&self.window)
    }

    fn labels(&self) -> Option<Box<dyn Iterator<Item = LabeledSpan> + '_>> {
        let doc = self.window.doc;
        let to_source = |s: gwlint_core::Span| {
            let a = doc.source_offset(s.start);
            let b = doc.source_offset(s.end).max(a);
            SourceSpan::from((a, b - a))
        };
        let primary = LabeledSpan::new_primary_with_span(self.d.label.clone(), to_source(self.d.span));
        let secondary =
            self.d.labels.iter().map(move |l| LabeledSpan::new_with_span(Some(l.message.clone()), to_source(l.span)));
        Some(Box::new(std::iter::once(primary).chain(secondary)))
    }
}

fn applicability_zh(a: Applicability) -> &'static str {
    match a {
        Applicability::Safe => "安全修复",
        Applicability::Unsafe => "需人工确认的修复",
        Applicability::DisplayOnly => "修改建议",
    }
}

/// miette's graphical report of each finding.
pub struct Human {
    handler: GraphicalReportHandler,
}

impl Human {
    pub fn new(color: bool) -> Human {
        let theme = if color { GraphicalTheme::unicode() } else { GraphicalTheme::unicode_nocolor() };
        Human {
            handler: GraphicalReportHandler::new_themed(theme).with_width(100).with_links(false).with_context_lines(1),
        }
    }
}

impl Renderer for Human {
    fn file(&mut self, out: &mut dyn Write, _path: &str, doc: &Document, diags: &[Diagnostic]) -> io::Result<()> {
        for d in diags {
            let mut help = d.help.clone();
            if let Some(fix) = &d.fix {
                let line = format!("{}：{}", applicability_zh(fix.applicability), fix.title);
                help = Some(match help {
                    Some(h) => format!("{h}\n{line}"),
                    None => line,
                });
            }
            if let Some(src) = &d.source {
                let line = format!("依据：{src}");
                help = Some(match help {
                    Some(h) => format!("{h}\n{line}"),
                    None => line,
                });
            }
            if doc.kind == gwlint_core::SourceKind::Docx {
                let line = format!("位置：{}", docx_location(doc, d));
                help = Some(match help {
                    Some(h) => format!("{line}\n{h}"),
                    None => line,
                });
            }
            let report = Report { d, window: Window { doc }, help };
            let mut s = String::new();
            self.handler.render_report(&mut s, &report).map_err(|_| io::Error::other("render failed"))?;
            out.write_all(s.as_bytes())?;
            writeln!(out)?;
        }
        Ok(())
    }

    fn finish(&mut self, out: &mut dyn Write, tally: &Tally) -> io::Result<()> {
        writeln!(out, "{}", summary_line(tally))
    }
}

/// "第3段（“为切实做好防汛…”）第12字": where a finding is in a Word document.
pub fn docx_location(doc: &Document, d: &Diagnostic) -> String {
    let pos = doc.position(d.span.start);
    let head: String = doc.source_line(pos.line).trim_start_matches(['\u{3000}', ' ']).chars().take(10).collect();
    format!("第{}段（“{head}…”）第{}字", pos.line, pos.column)
}

/// The closing line shared by the human and concise formats.
pub fn summary_line(tally: &Tally) -> String {
    let s = &tally.summary;
    let mut line = if s.total() == 0 {
        format!("检查了 {} 个文件，未发现问题。", s.files)
    } else {
        format!("检查了 {} 个文件：{} 个错误，{} 个警告，{} 个提示", s.files, s.error, s.warning, s.info)
    };
    if tally.safe_fixes > 0 {
        line.push_str(&format!("（其中 {} 处可安全自动修复）", tally.safe_fixes));
    }
    if s.total() > 0 {
        line.push('。');
    }
    if !tally.unchecked.is_empty() {
        line.push_str(&format!("另有 {} 个文件无法读取。", tally.unchecked.len()));
    }
    line
}
