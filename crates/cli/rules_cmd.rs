//! `gwlint rules` and `gwlint explain`.

use std::io::{self, Write};

use gwlint_core::{Registry, RuleMeta};

pub fn list_json(out: &mut (impl Write + ?Sized), reg: &Registry) -> io::Result<()> {
    let rows: Vec<_> = reg.metas().map(RuleMeta::row).collect();
    serde_json::to_writer_pretty(&mut *out, &rows).map_err(io::Error::from)?;
    writeln!(out)
}

/// Pad to a display width (CJK characters take two columns).
fn pad(s: &str, width: usize) -> String {
    let w: usize = s.chars().map(|c| if c.is_ascii() { 1 } else { 2 }).sum();
    format!("{s}{}", " ".repeat(width.saturating_sub(w)))
}

pub fn list_human(out: &mut (impl Write + ?Sized), reg: &Registry) -> io::Result<()> {
    let width = reg.metas().map(|m| m.name.len()).max().unwrap_or(0);
    for m in reg.metas() {
        writeln!(
            out,
            "{}  {:width$}  {}  {}  {}",
            m.code,
            m.name,
            m.default_severity.label_zh(),
            pad(m.fix.label_zh(), 10),
            m.summary,
        )?;
    }
    writeln!(out, "\n共 {} 条规则。用 gwlint explain <代码> 查看说明。", reg.metas().count())
}

pub fn explain(out: &mut (impl Write + ?Sized), m: &RuleMeta) -> io::Result<()> {
    write!(out, "{}", m.explanation())
}
