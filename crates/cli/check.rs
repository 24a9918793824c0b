//! Reading and checking every input, in parallel, with results in a deterministic order.

use rayon::prelude::*;
use std::io::Read;

use gwlint_core::ReadError;
use gwlint_core::{Diagnostic, Document};
use gwlint_workspace::{FileReport, LintError, Workspace};

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
    /// The input was not checked for a reason that is no failure (an empty file): the message
    /// in `outcome` is a notice, not an error.
    pub notice: bool,
}

pub fn fingerprint(bytes: &[u8]) -> u64 {
    gwlint_core::fingerprint::of_bytes(bytes)
}

/// Why an input was not checked: a Chinese message without the path, and whether it is only a
/// notice (an empty file is nothing to check, not a failure).
pub struct Skipped {
    pub message: String,
    pub notice: bool,
}

impl From<LintError> for Skipped {
    fn from(e: LintError) -> Self {
        let notice = e.is_nothing_to_check();
        let mut message = e.to_string();
        if matches!(e, LintError::Read(ReadError::TooLarge { .. })) {
            message.push_str("（可用 --max-file-size 调整上限）");
        }
        Skipped { message, notice }
    }
}

impl From<String> for Skipped {
    fn from(message: String) -> Self {
        Skipped { message, notice: false }
    }
}

/// Read and lint one input.
pub fn lint(ws: &Workspace, input: &Input, args: &InputArgs) -> (String, Result<FileReport, Skipped>) {
    match input {
        Input::Stdin => {
            let name = args.stdin_filename.clone();
            let r = read_stdin(ws)
                .map_err(Skipped::from)
                .and_then(|bytes| ws.lint_bytes(&name, &bytes).map_err(Skipped::from));
            (name, r)
        }
        Input::File(path) => (path.display().to_string(), ws.lint_path(path).map_err(Skipped::from)),
    }
}

/// Read one input into a document without linting it (`gwlint inspect`).
pub fn read(ws: &Workspace, input: &Input, args: &InputArgs) -> (String, Result<Document, String>) {
    match input {
        Input::Stdin => {
            let name = args.stdin_filename.clone();
            let r = read_stdin(ws).and_then(|bytes| ws.parse(&name, &bytes).map_err(|e| e.to_string()));
            (name, r)
        }
        Input::File(path) => {
            let name = path.display().to_string();
            let r = ws.read_bytes_of(path).and_then(|b| ws.parse(&name, &b)).map_err(|e| e.to_string());
            (name, r)
        }
    }
}

/// Standard input, up to one byte over the size limit (so the reader reports it as too large).
fn read_stdin(ws: &Workspace) -> Result<Vec<u8>, String> {
    let mut bytes = Vec::new();
    let limit = ws.parse_options().max_bytes as u64 + 1;
    std::io::stdin().lock().take(limit).read_to_end(&mut bytes).map_err(|e| format!("无法读取标准输入：{e}"))?;
    Ok(bytes)
}

fn result(input: &Input, path: String, report: Result<FileReport, Skipped>) -> FileResult {
    match report {
        Ok(r) => FileResult {
            path,
            input: input.clone(),
            ignored: r.ignored,
            fingerprint: matches!(input, Input::File(_)).then_some(r.fingerprint),
            outcome: Ok((r.document, r.diagnostics)),
            notice: false,
        },
        Err(e) => FileResult {
            path,
            input: input.clone(),
            ignored: Vec::new(),
            outcome: Err(e.message),
            fingerprint: None,
            notice: e.notice,
        },
    }
}

/// Check all inputs in parallel; the output order is the input order.
pub fn run(ws: &Workspace, inputs: &[Input], args: &InputArgs) -> Vec<FileResult> {
    // Standard input cannot be read from a worker thread in a meaningful order; read it first.
    let mut stdin = inputs.contains(&Input::Stdin).then(|| lint(ws, &Input::Stdin, args));
    let mut results: Vec<Option<FileResult>> = inputs
        .par_iter()
        .map(|input| match input {
            Input::Stdin => None,
            _ => {
                let (path, report) = lint(ws, input, args);
                Some(result(input, path, report))
            }
        })
        .collect();
    for (slot, input) in results.iter_mut().zip(inputs) {
        if slot.is_none() {
            let (path, report) = stdin.take().unwrap_or_else(|| {
                (args.stdin_filename.clone(), Err(Skipped::from("标准输入只能读取一次".to_string())))
            });
            *slot = Some(result(input, path, report));
        }
    }
    results.into_iter().flatten().collect()
}
