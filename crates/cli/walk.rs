//! Expanding the paths given on the command line into the files to check.

use std::path::{Path, PathBuf};

use gwlint_core::SourceKind;

/// One input: a file on disk or standard input.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub enum Input {
    File(PathBuf),
    Stdin,
}

/// A path that could not be used, with the reason (Chinese, shown to the user).
#[derive(Debug, Clone)]
pub struct WalkError {
    pub path: String,
    pub message: String,
}

/// Word's lock files (~$文件.docx) are not documents.
fn is_lock_file(name: &str) -> bool {
    name.starts_with("~$")
}

fn is_checked_extension(path: &Path) -> bool {
    matches!(SourceKind::from_path(&path.to_string_lossy()), Some(SourceKind::Txt | SourceKind::Md | SourceKind::Docx))
}

/// Expand `paths`: files are taken as given; directories are walked for .txt, .md and .docx files
/// (hidden files, ignored files and lock files skipped). Results are sorted and deduplicated.
pub fn collect(paths: &[PathBuf], exclude: &[String], root: &Path) -> Collected {
    let mut inputs = Vec::new();
    let mut errors = Vec::new();
    let mut legacy = Vec::new();
    let overrides = build_overrides(exclude, root);
    for p in paths {
        if p.as_os_str() == "-" {
            inputs.push(Input::Stdin);
            continue;
        }
        let shown = p.display().to_string();
        let meta = match std::fs::metadata(p) {
            Ok(m) => m,
            Err(e) => {
                let message = if e.kind() == std::io::ErrorKind::NotFound {
                    "文件或目录不存在".to_string()
                } else {
                    format!("无法访问：{e}")
                };
                errors.push(WalkError { path: shown, message });
                continue;
            }
        };
        if meta.is_file() {
            inputs.push(Input::File(p.clone()));
            continue;
        }
        if !meta.is_dir() {
            errors.push(WalkError { path: shown, message: not_a_file(&meta).into() });
            continue;
        }
        let before = inputs.len();
        let mut builder = ignore::WalkBuilder::new(p);
        builder.hidden(true).require_git(false).sort_by_file_name(|a, b| a.cmp(b));
        if let Some(o) = &overrides {
            builder.overrides(o.clone());
        }
        for entry in builder.build() {
            match entry {
                Ok(e) => {
                    let path = e.path();
                    let name = e.file_name().to_string_lossy();
                    let file = e.file_type().is_some_and(|t| t.is_file()) && !is_lock_file(&name);
                    if file && is_checked_extension(path) {
                        inputs.push(Input::File(path.to_path_buf()));
                    } else if file && is_legacy_extension(path) {
                        legacy.push(path.to_path_buf());
                    }
                }
                Err(err) => {
                    errors.push(WalkError { path: shown.clone(), message: format!("遍历目录出错：{err}") })
                }
            }
        }
        if inputs.len() == before && legacy.is_empty() {
            errors.push(WalkError {
                path: shown, message: "目录中没有可检查的文件（.txt、.md、.docx）".into()
            });
        }
    }
    // "./a.txt" and "a.txt" are the same file.
    for i in inputs.iter_mut() {
        if let Input::File(p) = i {
            if let Ok(rest) = p.strip_prefix(".") {
                if !rest.as_os_str().is_empty() {
                    *p = rest.to_path_buf();
                }
            }
        }
    }
    inputs.sort();
    inputs.dedup();
    legacy.sort();
    Collected { inputs, errors, legacy }
}

/// What the paths expand to.
pub struct Collected {
    pub inputs: Vec<Input>,
    pub errors: Vec<WalkError>,
    /// Files in the directories that gwlint cannot read but a drafter may expect to be checked
    /// (.doc, .wps, .pdf, .ofd, .rtf): listed, not silently skipped.
    pub legacy: Vec<PathBuf>,
}

fn is_legacy_extension(path: &Path) -> bool {
    let ext = path.extension().map(|e| e.to_string_lossy().to_ascii_lowercase()).unwrap_or_default();
    matches!(ext.as_str(), "doc" | "wps" | "pdf" | "ofd" | "rtf" | "odt")
}

/// What a path is when it is neither a file nor a directory.
pub fn not_a_file(meta: &std::fs::Metadata) -> &'static str {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        let t = meta.file_type();
        if t.is_fifo() {
            return "这是命名管道（FIFO），不是文件：gwlint 只读普通文件（用 - 从标准输入读取）";
        }
        if t.is_char_device() || t.is_block_device() {
            return "这是设备文件，不是普通文件：gwlint 只读普通文件";
        }
        if t.is_socket() {
            return "这是套接字，不是普通文件：gwlint 只读普通文件";
        }
    }
    let _ = meta;
    "不是普通文件：gwlint 只读普通文件"
}

fn build_overrides(exclude: &[String], root: &Path) -> Option<ignore::overrides::Override> {
    if exclude.is_empty() {
        return None;
    }
    let mut b = ignore::overrides::OverrideBuilder::new(root);
    for pat in exclude {
        // In an override, "!pattern" means "ignore what matches".
        let _ = b.add(&format!("!{pat}"));
    }
    b.build().ok()
}
