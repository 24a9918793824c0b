//! `--format concise`: one line per finding, `path:line:col: CODE [级别] message`.

use std::io::{self, Write};

use super::{checked, location, Summary};
use crate::check::FileResult;

pub fn render(out: &mut (impl Write + ?Sized), results: &[FileResult]) -> io::Result<()> {
    for (path, doc, diags) in checked(results) {
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
    }
    let s = Summary::of(results);
    writeln!(out, "{}", super::human::summary_line(&s, results))
}
