//! `check --fix` and `check --diff`: apply fixes, write files safely, show diffs.

use std::io::{self, Write};
use std::path::Path;

use gwlint_core::fix::{encode, fix_document_ignoring};
use gwlint_core::{Applicability, Linter, SourceKind};

use crate::check::{fingerprint, FileResult};
use crate::walk::Input;

/// What fixing did, for the summary line.
#[derive(Default)]
pub struct FixSummary {
    pub applied: usize,
    pub skipped: usize,
    pub files: usize,
    /// Files that could not be written, with the reason.
    pub errors: Vec<(String, String)>,
    /// Fixed text for standard input (printed instead of a report).
    pub stdin_output: Option<String>,
}

const MAX_PASSES: usize = 8;

/// Apply fixes to every readable result; replace its diagnostics with what remains.
/// With `write == false` (`--diff`), print unified diffs to `out` instead of writing.
pub fn apply(
    results: &mut [FileResult],
    linter: &Linter,
    min: Applicability,
    write: bool,
    out: &mut (impl Write + ?Sized),
) -> io::Result<FixSummary> {
    let mut summary = FixSummary::default();
    for r in results.iter_mut() {
        let Ok((doc, diags)) = &mut r.outcome else { continue };
        if doc.kind == SourceKind::Docx {
            continue; // .docx is never rewritten: its fixes are display-only.
        }
        let fixed = match fix_document_ignoring(doc, linter, &r.ignored, min, MAX_PASSES) {
            Ok(f) => f,
            Err(e) => {
                summary.errors.push((r.path.clone(), format!("修复后的文本无法重新解析：{e}")));
                continue;
            }
        };
        summary.skipped += fixed.skipped;
        if fixed.applied == 0 {
            continue;
        }
        if !write {
            print_diff(out, &r.path, &doc.source, &fixed.source)?;
            summary.applied += fixed.applied;
            summary.files += 1;
            continue;
        }
        match &r.input {
            Input::Stdin => summary.stdin_output = Some(fixed.source.clone()),
            Input::File(path) => {
                let bytes = encode(&fixed.source, doc.encoding, doc.bom);
                if let Err(e) = write_atomically(path, &bytes, r.fingerprint) {
                    summary.errors.push((r.path.clone(), e));
                    continue;
                }
            }
        }
        summary.applied += fixed.applied;
        summary.files += 1;
        *diags = fixed.remaining;
        *doc = fixed.document;
    }
    Ok(summary)
}

fn print_diff(out: &mut (impl Write + ?Sized), path: &str, old: &str, new: &str) -> io::Result<()> {
    let diff = similar::TextDiff::from_lines(old, new);
    write!(out, "{}", diff.unified_diff().context_radius(1).header(&format!("a/{path}"), &format!("b/{path}")))
}

/// Write `bytes` over `path` through a temporary file in the same directory and a rename, keeping
/// the permissions; refuse when the file changed since it was read.
fn write_atomically(path: &Path, bytes: &[u8], expected: Option<u64>) -> Result<(), String> {
    let current = std::fs::read(path).map_err(|e| format!("无法重新读取文件：{e}"))?;
    if expected.is_some_and(|f| f != fingerprint(&current)) {
        return Err("文件在检查期间被修改，未写入修复".into());
    }
    let meta = std::fs::metadata(path).map_err(|e| e.to_string())?;
    let dir = path.parent().filter(|d| !d.as_os_str().is_empty()).unwrap_or(Path::new("."));
    let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    let tmp = dir.join(format!(".{name}.gwlint-{}.tmp", std::process::id()));
    let result = (|| -> io::Result<()> {
        let mut f = std::fs::File::create(&tmp)?;
        f.write_all(bytes)?;
        f.sync_all()?;
        std::fs::set_permissions(&tmp, meta.permissions())?;
        std::fs::rename(&tmp, path)
    })();
    result.map_err(|e| {
        let _ = std::fs::remove_file(&tmp);
        format!("无法写入修复：{e}")
    })
}

/// "已修复 3 处问题（2 个文件）" and friends.
pub fn summary_line(s: &FixSummary, diff: bool) -> String {
    let mut line = if diff {
        format!("可修复 {} 处问题（{} 个文件），使用 --fix 应用。", s.applied, s.files)
    } else {
        format!("已修复 {} 处问题（{} 个文件）。", s.applied, s.files)
    };
    if s.skipped > 0 {
        line.push_str(&format!("有 {} 处修复与其他修复重叠或无法在原文中定位，已跳过。", s.skipped));
    }
    line
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_file_changed_since_reading_is_not_overwritten() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("a.txt");
        std::fs::write(&p, "原文").unwrap();
        let read_fingerprint = fingerprint("原文".as_bytes());
        std::fs::write(&p, "别人刚改过").unwrap();
        let err = write_atomically(&p, "修复后".as_bytes(), Some(read_fingerprint)).unwrap_err();
        assert!(err.contains("被修改"), "{err}");
        assert_eq!(std::fs::read_to_string(&p).unwrap(), "别人刚改过");
        write_atomically(&p, "修复后".as_bytes(), Some(fingerprint("别人刚改过".as_bytes()))).unwrap();
        assert_eq!(std::fs::read_to_string(&p).unwrap(), "修复后");
    }
}
