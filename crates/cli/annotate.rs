//! `gwlint annotate`: the findings as Word comments in a copy of the drafter's .docx, or, for a
//! .txt or .md draft, an HTML page beside it with the text and the findings explained.

use std::io::Write;
use std::path::{Path, PathBuf};

use gwlint_core::annotate::{annotate_docx, html_report, AnnotateOptions};

use crate::args::AnnotateArgs;
use crate::settings;

/// Check the file, write the annotated copy, say where it went. Errors name the file.
pub fn run(args: &AnnotateArgs) -> Result<u8, String> {
    let path = &args.path;
    let shown = path.display().to_string();
    let docx = shown.to_lowercase().ends_with(".docx");
    let output = args.output.clone().unwrap_or_else(|| default_output(path, if docx { "docx" } else { "html" }));
    if same_file(path, &output) {
        return Err(format!("{shown}：批注版不能覆盖原文件，请用 -o 指定另一个文件"));
    }
    let ws = settings::annotate_workspace(args)?;
    let bytes = ws.read_bytes_of(path).map_err(|e| format!("{shown}：{e}"))?;
    let report = ws.lint_bytes(&shown, &bytes).map_err(|e| format!("{shown}：{e}"))?;
    if !docx {
        if args.fix_as_revisions {
            return Err(format!("{shown}：修订只能写进 .docx；文本文件的安全修复请用 gwlint check --fix"));
        }
        let page = html_report(&report.document, &report.diagnostics, ws.registry());
        write_atomically(&output, page.as_bytes()).map_err(|e| format!("{}：无法写出（{e}）", output.display()))?;
        let _ = writeln!(
            std::io::stdout().lock(),
            "已写出 {}：{} 条问题，用浏览器打开查看",
            output.display(),
            report.diagnostics.len()
        );
        return Ok(crate::EXIT_CLEAN);
    }
    let options = AnnotateOptions { fix_as_revisions: args.fix_as_revisions };
    let annotated =
        annotate_docx(&bytes, &report.document, &report.diagnostics, options).map_err(|e| format!("{shown}：{e}"))?;
    write_atomically(&output, &annotated.bytes).map_err(|e| format!("{}：无法写出（{e}）", output.display()))?;
    let total = annotated.on_characters + annotated.on_paragraphs;
    let mut out = std::io::stdout().lock();
    let _ = writeln!(
        out,
        "已写出 {}：{total} 条批注（{} 条标在有问题的文字上，{} 条针对全文、标在相近的段落上）",
        output.display(),
        annotated.on_characters,
        annotated.on_paragraphs
    );
    if args.fix_as_revisions {
        let _ = write!(out, "{} 处安全修复已写成修订，可在 Word 或 WPS 的“审阅”中逐条接受或拒绝", annotated.revisions);
        let _ = if annotated.fixes_as_advice > 0 {
            writeln!(out, "；{} 处跨越格式不同的文字或与其他修复重叠，只写在批注中", annotated.fixes_as_advice)
        } else {
            writeln!(out)
        };
    }
    Ok(crate::EXIT_CLEAN)
}

/// 草稿.docx → 草稿-gwlint.docx (草稿.txt → 草稿-gwlint.html) beside it.
fn default_output(path: &Path, extension: &str) -> PathBuf {
    let stem = path.file_stem().map_or_else(|| "document".into(), |s| s.to_string_lossy().into_owned());
    path.with_file_name(format!("{stem}-gwlint.{extension}"))
}

fn same_file(a: &Path, b: &Path) -> bool {
    match (a.canonicalize(), b.canonicalize()) {
        (Ok(x), Ok(y)) => x == y,
        _ => a == b,
    }
}

/// Write through a temporary file in the same directory (unpredictably named, created
/// exclusively, as the fixer does), renamed into place: a failed write never leaves half a file.
fn write_atomically(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let (tmp, mut file) = crate::fixing::create_temp_beside(path)?;
    let result = file.write_all(bytes).and_then(|()| file.sync_all());
    drop(file);
    match result.and_then(|()| std::fs::rename(&tmp, path)) {
        Ok(()) => Ok(()),
        Err(e) => {
            let _ = std::fs::remove_file(&tmp);
            Err(e)
        }
    }
}
