//! `--baseline FILE`: adopt gwlint on a legacy document set. The first run records today's
//! findings (file, rule and a fingerprint of the text around each finding, so edits elsewhere in
//! the file do not break it) and reports nothing; later runs report only findings not recorded.

use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use std::path::Path;

use gwlint_core::fingerprint::finding as fingerprint;
use gwlint_core::{Diagnostic, Document};

/// Version 2 fingerprints use the specified hash of `gwlint_core::fingerprint`, and paths are
/// relative to the baseline file. Version 1 files
/// (written with Rust's `DefaultHasher`) are still read, matched with that hash, and the user
/// is told to rewrite them once with `--update-baseline`.
const VERSION: u32 = 2;

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct BaselineFile {
    version: u32,
    findings: Vec<Entry>,
}

#[derive(Serialize, Deserialize, Clone, PartialEq, Eq, Hash)]
#[serde(deny_unknown_fields)]
struct Entry {
    path: String,
    code: String,
    fingerprint: String,
}

/// A checked file as the baseline sees it: its path as given, the document and its findings.
pub type Checked<'a> = (&'a str, &'a Document, &'a mut Vec<Diagnostic>);

/// Why a baseline could not be used. The message names the file.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{}：{message}", path.display())]
pub struct BaselineError {
    pub path: std::path::PathBuf,
    pub message: String,
}

/// A file's path as the baseline records it: relative to the baseline file's directory, with
/// `/` separators, whatever directory gwlint runs in and however the path was typed. Names that
/// are not files (standard input) stay as given.
fn baseline_path(typed: &str, base_dir: Option<&Path>) -> String {
    let (Some(base), Ok(file)) = (base_dir, std::fs::canonicalize(typed)) else { return typed.to_string() };
    let rel = file.strip_prefix(base).map(Path::to_path_buf).unwrap_or(file);
    rel.components().map(|c| c.as_os_str().to_string_lossy().into_owned()).collect::<Vec<_>>().join("/")
}

fn entries(files: &[Checked<'_>], base_dir: Option<&Path>) -> Vec<Entry> {
    let mut out = Vec::new();
    for (path, doc, diags) in files {
        let path = baseline_path(path, base_dir);
        for d in diags.iter() {
            out.push(Entry { path: path.clone(), code: d.code.to_string(), fingerprint: fingerprint(&path, doc, d) });
        }
    }
    out
}

/// What the baseline did, for the message on stderr.
pub enum Outcome {
    Written(usize),
    /// Findings dropped; true when the file is an old version that should be rewritten.
    Filtered(usize, bool),
}

/// Write the baseline (when missing or `update`), or drop the findings it records.
pub fn apply(path: &Path, update: bool, mut files: Vec<Checked<'_>>) -> Result<Outcome, BaselineError> {
    let err = |message: String| BaselineError { path: path.to_path_buf(), message };
    // The directory of the baseline file, resolved (it may not exist yet).
    let dir = path.parent().filter(|d| !d.as_os_str().is_empty()).unwrap_or(Path::new("."));
    let base_dir = std::fs::canonicalize(dir).ok();
    if update || !path.exists() {
        let findings = entries(&files, base_dir.as_deref());
        let n = findings.len();
        let text = serde_json::to_string_pretty(&BaselineFile { version: VERSION, findings })
            .map_err(|e| err(e.to_string()))?;
        std::fs::write(path, text + "\n").map_err(|e| err(format!("无法写入基线文件：{e}")))?;
        for (_, _, diags) in files.iter_mut() {
            diags.clear();
        }
        return Ok(Outcome::Written(n));
    }
    let text = std::fs::read_to_string(path).map_err(|e| err(format!("无法读取基线文件：{e}")))?;
    let base: BaselineFile = serde_json::from_str(&text).map_err(|e| err(format!("基线文件格式错误：{e}")))?;
    if base.version != 1 && base.version != VERSION {
        return Err(err(format!("基线文件版本 {} 无法识别（本版本 gwlint 写入版本 {VERSION}）", base.version)));
    }
    let legacy = base.version == 1;
    let print = |path: &str, doc: &Document, d: &Diagnostic| {
        if legacy {
            legacy_fingerprint(path, doc, d)
        } else {
            fingerprint(path, doc, d)
        }
    };
    // A multiset: two identical findings in the baseline cover two, not more.
    let mut remaining: HashMap<Entry, usize> = HashMap::new();
    for e in base.findings {
        *remaining.entry(e).or_default() += 1;
    }
    let mut filtered = 0;
    for (typed, doc, diags) in files.iter_mut() {
        let doc: &Document = doc;
        // Version 1 recorded paths as typed; version 2 relative to the baseline file.
        let path = if legacy { typed.to_string() } else { baseline_path(typed, base_dir.as_deref()) };
        diags.retain(|d| {
            let key = Entry { path: path.clone(), code: d.code.to_string(), fingerprint: print(&path, doc, d) };
            match remaining.get_mut(&key) {
                Some(n) if *n > 0 => {
                    *n -= 1;
                    filtered += 1;
                    false
                }
                _ => true,
            }
        });
    }
    Ok(Outcome::Filtered(filtered, legacy))
}

/// The fingerprint of version 1 baselines: Rust's `DefaultHasher` over the same fields, with the
/// context before the finding in reverse order. Only for reading old files.
fn legacy_fingerprint(path: &str, doc: &Document, d: &Diagnostic) -> String {
    use std::hash::{Hash, Hasher};
    let (before, found, after) = gwlint_core::fingerprint::context(doc, d);
    let before: String = before.chars().rev().collect();
    let mut h = std::collections::hash_map::DefaultHasher::new();
    (path, d.code.as_ref(), before, found, after).hash(&mut h);
    format!("{:016x}", h.finish())
}
