//! Reading and checking every input, in parallel, with results in a deterministic order.

use rayon::prelude::*;
use std::io::Read;

use gwlint_core::document::encoding_for_label;
use gwlint_core::{Diagnostic, Document, Linter, ParseOptions, ReadError};

use crate::args::InputArgs;
use crate::walk::Input;

/// The result for one input.
pub struct FileResult {
    pub path: String,
    pub input: Input,
    /// Rules ignored for this file by `per-file-ignores`.
    pub ignored: Vec<String>,
    pub outcome: Result<(Document, Vec<Diagnostic>), String>,
    /// Fingerprint of the bytes that were read, to detect a file changed before a fix is written.
    pub fingerprint: Option<u64>,
}

pub fn fingerprint(bytes: &[u8]) -> u64 {
    gwlint_core::fingerprint::of_bytes(bytes)
}

pub fn parse_options(args: &InputArgs) -> Result<ParseOptions, String> {
    let encoding = match &args.encoding {
        Some(label) => Some(
            encoding_for_label(label)
                .ok_or_else(|| format!("未知的编码“{label}”（可用 utf-8、gbk、gb18030、utf-16le 等）"))?,
        ),
        None => None,
    };
    Ok(ParseOptions { encoding, max_bytes: args.max_file_size })
}

/// Read an input into a document. Errors are Chinese messages without the path.
pub fn read(input: &Input, args: &InputArgs, opts: &ParseOptions) -> (String, Result<Document, String>) {
    let (path, doc, _) = read_with_fingerprint(input, args, opts);
    (path, doc)
}

type ReadResult = (String, Result<Document, String>, Option<u64>);

fn read_with_fingerprint(input: &Input, args: &InputArgs, opts: &ParseOptions) -> ReadResult {
    match input {
        Input::Stdin => {
            let name = args.stdin_filename.clone();
            let mut bytes = Vec::new();
            let r = std::io::stdin()
                .lock()
                .take(opts.max_bytes as u64 + 1)
                .read_to_end(&mut bytes)
                .map_err(|e| format!("无法读取标准输入：{e}"))
                .and_then(|_| Document::parse(&name, &bytes, opts).map_err(|e| e.to_string()));
            (name, r, None)
        }
        Input::File(path) => {
            let shown = path.display().to_string();
            match read_file(path, &shown, opts) {
                Ok((doc, print)) => (shown, Ok(doc), Some(print)),
                Err(e) => (shown, Err(e), None),
            }
        }
    }
}

fn read_file(path: &std::path::Path, shown: &str, opts: &ParseOptions) -> Result<(Document, u64), String> {
    // Reject unsupported kinds and huge files before reading a byte.
    Document::kind_for_path(shown).map_err(|e| e.to_string())?;
    let meta = std::fs::metadata(path).map_err(|e| format!("无法读取：{e}"))?;
    if meta.is_dir() {
        return Err("这是一个目录".into());
    }
    if meta.len() > opts.max_bytes as u64 {
        return Err(ReadError::TooLarge { size: meta.len() as usize, limit: opts.max_bytes }.to_string());
    }
    let bytes = std::fs::read(path).map_err(|e| format!("无法读取：{e}"))?;
    let doc = Document::parse(shown, &bytes, opts).map_err(|e| e.to_string())?;
    Ok((doc, fingerprint(&bytes)))
}

/// `per-file-ignores`: globs (relative to the configuration's directory) and the rules they ignore.
pub struct PerFileIgnores {
    root: std::path::PathBuf,
    globs: Vec<(globset::GlobMatcher, Vec<String>)>,
}

impl PerFileIgnores {
    pub fn new(
        root: &std::path::Path,
        table: &std::collections::BTreeMap<String, Vec<String>>,
    ) -> Result<Self, String> {
        let mut globs = Vec::new();
        for (pattern, codes) in table {
            let g =
                globset::Glob::new(pattern).map_err(|e| format!("per-file-ignores 中的模式“{pattern}”无效：{e}"))?;
            globs.push((g.compile_matcher(), codes.clone()));
        }
        Ok(PerFileIgnores { root: root.to_path_buf(), globs })
    }

    /// The rules ignored for a file.
    pub fn for_input(&self, input: &Input) -> Vec<String> {
        let Input::File(path) = input else { return Vec::new() };
        let abs = std::env::current_dir().map(|c| c.join(path)).unwrap_or_else(|_| path.clone());
        let rel = abs.strip_prefix(&self.root).unwrap_or(path).to_path_buf();
        let rel = rel.strip_prefix(".").unwrap_or(&rel);
        self.globs.iter().filter(|(g, _)| g.is_match(rel) || g.is_match(path)).flat_map(|(_, c)| c.clone()).collect()
    }
}

/// Check all inputs in parallel; the output order is the input order.
pub fn run(
    linter: &Linter,
    inputs: &[Input],
    args: &InputArgs,
    opts: &ParseOptions,
    ignores: &PerFileIgnores,
) -> Vec<FileResult> {
    // Standard input cannot be read from a worker thread in a meaningful order; read it first.
    let stdin_doc = inputs.contains(&Input::Stdin).then(|| read_with_fingerprint(&Input::Stdin, args, opts));
    inputs
        .par_iter()
        .map(|input| {
            let (path, doc, fingerprint) = match input {
                Input::Stdin => stdin_doc.clone().expect("read above"),
                _ => read_with_fingerprint(input, args, opts),
            };
            let ignored = ignores.for_input(input);
            let outcome = doc.map(|d| {
                let diags = linter.check_ignoring(&d, &ignored);
                (d, diags)
            });
            FileResult { path, input: input.clone(), ignored, outcome, fingerprint }
        })
        .collect()
}
