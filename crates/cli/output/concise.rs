//! `--format concise`: one line per finding, `path:line:col: CODE [级别] message`.

use std::io::{self, Write};

use gwlint_core::{Diagnostic, Document};

use super::{location, Renderer, Tally};

pub struct Concise;

impl Renderer for Concise {
    fn file(&mut self, out: &mut dyn Write, path: &str, doc: &Document, diags: &[Diagnostic]) -> io::Result<()> {
        for d in diags {
            let (start, _) = location(doc, d);
            writeln!(
                out,
                "{path}:{}:{}: {} [{}] {}",
                start.line,
                start.column,
                d.code,
                d.severity.label_zh(),
                d.message
            )?;
        }
        Ok(())
    }

    fn finish(&mut self, out: &mut dyn Write, tally: &Tally) -> io::Result<()> {
        writeln!(out, "{}", super::human::summary_line(tally))
    }
}
