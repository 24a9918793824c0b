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
    /// Findings that only appeared after earlier fixes and were fixed too, per file.
    pub follow_ons: Vec<(String, gwlint_core::fix::FollowOn)>,
}

/// Apply fixes to every readable result; replace its diagnostics with what remains.
/// With `write == false` (`--diff`), print unified diffs to `out` instead of writing.
pub fn apply(
    results: &mut [FileResult],
    linter: &Linter,
    opts: &gwlint_core::ParseOptions,
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
        if !doc.round_trips {
            summary.errors.push((
                r.path.clone(),
                "文件中有无法按原编码原样写回的字节，未写入修复（可用 --diff 查看修改）".into(),
            ));
            continue;
        }
        let fixed = match fix_document_ignoring(doc, linter, &r.ignored, min, gwlint_workspace::FIX_PASSES) {
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
        if !gwlint_core::fix::reads_back(doc, &fixed.source, opts) {
            summary.errors.push((
                r.path.clone(),
                format!(
                    "修复后的文件将无法再按 {} 读取（编码是推测的），未写入修复：请用 --encoding 指定文件的编码后再运行 --fix",
                    doc.encoding
                ),
            ));
            continue;
        }
        summary.follow_ons.extend(fixed.follow_ons.iter().map(|f| (r.path.clone(), f.clone())));
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

/// Write `bytes` over `path` through a temporary file beside it and a rename, keeping its
/// permissions and owner. A symbolic link stays a link: the file it points to is fixed. A
/// read-only file, or one with several hard links (a rename would split them), is not written.
/// The file is refused when it changed since it was read, checked again just before the rename.
fn write_atomically(path: &Path, bytes: &[u8], expected: Option<u64>) -> Result<(), String> {
    let target = std::fs::canonicalize(path).map_err(|e| format!("无法定位文件：{e}"))?;
    let meta = std::fs::metadata(&target).map_err(|e| format!("无法读取文件属性：{e}"))?;
    if meta.permissions().readonly() {
        return Err("文件是只读的，未写入修复（取消只读后再运行 --fix，或用 --diff 查看修改）".into());
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        if meta.nlink() > 1 {
            return Err(format!(
                "文件有 {} 个硬链接，替换它会断开链接，未写入修复（可用 --diff 查看修改）",
                meta.nlink()
            ));
        }
    }
    let unchanged = || -> Result<(), String> {
        let current = std::fs::read(&target).map_err(|e| format!("无法重新读取文件：{e}"))?;
        if expected.is_some_and(|f| f != fingerprint(&current)) {
            return Err("文件在检查期间被修改，未写入修复".into());
        }
        Ok(())
    };
    unchanged()?;
    let (tmp, mut file) = create_temp_beside(&target).map_err(|e| format!("无法创建临时文件：{e}"))?;
    let result = (|| -> Result<(), String> {
        let io = |e: io::Error| format!("无法写入修复：{e}");
        file.write_all(bytes).map_err(io)?;
        file.sync_all().map_err(io)?;
        drop(file);
        std::fs::set_permissions(&tmp, meta.permissions()).map_err(io)?;
        keep_owner(&tmp, &meta)?;
        unchanged()?;
        std::fs::rename(&tmp, &target).map_err(io)
    })();
    if result.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    result
}

/// A new temporary file in the directory of `target`, with an unpredictable name, created
/// exclusively (an existing file or a planted symbolic link at that name is never opened).
pub fn create_temp_beside(target: &Path) -> io::Result<(std::path::PathBuf, std::fs::File)> {
    use std::hash::{BuildHasher, Hasher};
    let dir = target.parent().filter(|d| !d.as_os_str().is_empty()).unwrap_or(Path::new("."));
    let name = target.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    let mut last = io::Error::other("no attempt");
    for attempt in 0..16u32 {
        // RandomState is seeded from the operating system's randomness.
        let mut h = std::collections::hash_map::RandomState::new().build_hasher();
        h.write_u32(std::process::id());
        h.write_u32(attempt);
        let tmp = dir.join(format!(".{name}.gwlint-{:016x}.tmp", h.finish()));
        match std::fs::OpenOptions::new().write(true).create_new(true).open(&tmp) {
            Ok(f) => return Ok((tmp, f)),
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists => last = e,
            Err(e) => return Err(e),
        }
    }
    Err(last)
}

/// Give the temporary file the original's owner and group (when root fixes a user's file).
/// When that is not possible and the owner would change, the file is not written.
fn keep_owner(tmp: &Path, original: &std::fs::Metadata) -> Result<(), String> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        if std::os::unix::fs::chown(tmp, Some(original.uid()), Some(original.gid())).is_err() {
            let now = std::fs::metadata(tmp).map_err(|e| e.to_string())?;
            if now.uid() != original.uid() {
                return Err("无法保持文件的所有者，未写入修复".into());
            }
        }
    }
    let _ = (tmp, original);
    Ok(())
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
    if !s.follow_ons.is_empty() {
        line.push_str(&format!(
            "\n其中 {} 处是前面的修复带出的新问题（修复前的报告中没有），也已{}：",
            s.follow_ons.len(),
            if diff { "列入上面的修改" } else { "一并修复" }
        ));
        for (path, f) in &s.follow_ons {
            line.push_str(&format!("\n  {path}:{}: {} {}（“{}”）", f.line, f.code, f.message, f.flagged));
        }
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

    /// Run as root (as CI is) on a file another user owns: the fixed file keeps its owner.
    #[cfg(unix)]
    #[test]
    fn the_owner_is_kept() {
        use std::os::unix::fs::MetadataExt;
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("a.txt");
        std::fs::write(&p, "原文").unwrap();
        if std::os::unix::fs::chown(&p, Some(65534), Some(65534)).is_err() {
            return; // not root: a file of another user cannot be made here
        }
        write_atomically(&p, "修复后".as_bytes(), Some(fingerprint("原文".as_bytes()))).unwrap();
        let meta = std::fs::metadata(&p).unwrap();
        assert_eq!((meta.uid(), meta.gid()), (65534, 65534));
        assert_eq!(std::fs::read_to_string(&p).unwrap(), "修复后");
    }

    #[test]
    fn links_read_only_files_and_temp_names() {
        let dir = tempfile::tempdir().unwrap();
        let real = dir.path().join("real.txt");
        std::fs::write(&real, "原文").unwrap();
        // A symbolic link stays a link; the file it points to gets the fix.
        #[cfg(unix)]
        {
            let link = dir.path().join("link.txt");
            std::os::unix::fs::symlink(&real, &link).unwrap();
            write_atomically(&link, "修复后".as_bytes(), Some(fingerprint("原文".as_bytes()))).unwrap();
            assert!(std::fs::symlink_metadata(&link).unwrap().file_type().is_symlink());
            assert_eq!(std::fs::read_to_string(&real).unwrap(), "修复后");
            // Hard links are not split.
            let hard = dir.path().join("hard.txt");
            std::fs::hard_link(&real, &hard).unwrap();
            let err = write_atomically(&hard, "再修复".as_bytes(), None).unwrap_err();
            assert!(err.contains("硬链接"), "{err}");
            std::fs::remove_file(&hard).unwrap();
        }
        // A read-only file is left alone.
        let mut perms = std::fs::metadata(&real).unwrap().permissions();
        perms.set_readonly(true);
        std::fs::set_permissions(&real, perms.clone()).unwrap();
        let err = write_atomically(&real, "再修复".as_bytes(), None).unwrap_err();
        assert!(err.contains("只读"), "{err}");
        #[allow(clippy::permissions_set_readonly_false)]
        perms.set_readonly(false);
        std::fs::set_permissions(&real, perms).unwrap();
        // Temporary names differ every time and are created exclusively.
        let (a, _) = create_temp_beside(&real).unwrap();
        let (b, _) = create_temp_beside(&real).unwrap();
        assert_ne!(a, b);
        assert!(a.file_name().unwrap().to_string_lossy().starts_with(".real.txt.gwlint-"));
        // Nothing is left behind by a completed fix.
        std::fs::remove_file(&a).unwrap();
        std::fs::remove_file(&b).unwrap();
        write_atomically(&real, "第三次".as_bytes(), None).unwrap();
        let left: Vec<_> = std::fs::read_dir(dir.path()).unwrap().flatten().map(|e| e.file_name()).collect();
        assert!(left.iter().all(|n| !n.to_string_lossy().contains("gwlint-")), "{left:?}");
    }
}
