//! Reading and checking every input, in parallel, with results in a deterministic order.

use std::collections::BTreeMap;
use std::io::Read;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{mpsc, Condvar, Mutex};

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

impl Input {
    /// The name an input is reported under.
    pub fn name(&self, args: &InputArgs) -> String {
        match self {
            Input::Stdin => args.stdin_filename.clone(),
            Input::File(path) => path.display().to_string(),
        }
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

/// Check all inputs in parallel and collect the results in input order (`--fix`, `--diff` and
/// `--baseline` need them all before anything is written).
pub fn run(ws: &Workspace, inputs: &[Input], args: &InputArgs) -> Vec<FileResult> {
    let mut results = Vec::with_capacity(inputs.len());
    stream(ws, inputs, args, |r| {
        results.push(r);
        None
    });
    results
}

/// How many inputs past the first one not yet handed on may be checked ahead, per thread: a
/// large or slow file holds back only this many finished results.
const AHEAD_PER_THREAD: usize = 4;

/// Check all inputs in parallel and hand each result to `each` in input order, as soon as it
/// and every input before it are done. The calling thread checks inputs too, with one helper
/// thread fewer than the threads asked for (one thread: no helper, and no result waits for a
/// thread to wake), and hands results on between its own. Inputs are taken in order, at most
/// [`AHEAD_PER_THREAD`] inputs per thread ahead of the first one not handed on, so the results
/// held at any time (each with its whole document) are bounded by the thread count, not by the
/// number of inputs.
///
/// `each` gives a result back when it is done with it (`None`: it keeps it). A result a helper
/// made is given back to that helper to be freed: the allocator's memory of each thread is
/// guarded by a lock, and a document freed by the thread that hands results on took the lock of
/// the helper's memory while the helper was allocating (thousands of waits on a run of the
/// corpus, a twentieth of the CPU time with two threads).
pub fn stream(
    ws: &Workspace,
    inputs: &[Input],
    args: &InputArgs,
    mut each: impl FnMut(FileResult) -> Option<FileResult>,
) {
    // Standard input cannot be read from a worker thread in a meaningful order; read it first.
    let mut stdin = inputs.contains(&Input::Stdin).then(|| lint(ws, &Input::Stdin, args));
    let mut take_stdin = |input: &Input| {
        let (path, report) = stdin
            .take()
            .unwrap_or_else(|| (args.stdin_filename.clone(), Err(Skipped::from("标准输入只能读取一次".to_string()))));
        result(input, path, report)
    };
    let threads = rayon::current_num_threads().clamp(1, inputs.len().max(1));
    let window = threads * AHEAD_PER_THREAD;
    let next = AtomicUsize::new(0);
    // The first input not yet handed on, which helpers wait on.
    let handed = (Mutex::new(Handed::default()), Condvar::new());
    // Set when the main thread stops taking results (it unwound), so no helper waits for ever.
    let stop = AtomicBool::new(false);
    // Each result with the helper that made it (`MAIN`: the calling thread).
    let (tx, rx) = mpsc::channel::<(usize, Made)>();
    // One input checked: a fault in a rule is reported as this input's failure and the run
    // goes on (an unwinding helper would leave the others waiting for its result).
    let check = |i: usize, input: &Input, by: usize| {
        let (path, report) = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| lint(ws, input, args)))
            .unwrap_or_else(|_| {
                let message = "检查此文件时 gwlint 内部出错（这是 gwlint 的缺陷，请报告）".to_string();
                (input.name(args), Err(Skipped::from(message)))
            });
        (i, Made { by, result: result(input, path, report) })
    };
    std::thread::scope(|scope| {
        // The results given back to each helper, to be freed there.
        let mut given_back: Vec<mpsc::Sender<FileResult>> = Vec::new();
        for helper in 0..threads - 1 {
            let tx = tx.clone();
            let (back_tx, back) = mpsc::channel::<FileResult>();
            given_back.push(back_tx);
            let (next, handed, stop, check) = (&next, &handed, &stop, &check);
            let work = move || {
                loop {
                    // Freed here, before the next input is read.
                    while back.try_recv().is_ok() {}
                    let i = next.fetch_add(1, Ordering::Relaxed);
                    let Some(input) = inputs.get(i) else { break };
                    if *input == Input::Stdin {
                        continue;
                    }
                    {
                        let (at, moved) = handed;
                        let mut state = at.lock().unwrap_or_else(|e| e.into_inner());
                        while i >= state.first + window && !stop.load(Ordering::Relaxed) {
                            state.waiting += 1;
                            state = moved.wait(state).unwrap_or_else(|e| e.into_inner());
                            state.waiting -= 1;
                        }
                    }
                    if stop.load(Ordering::Relaxed) || tx.send(check(i, input, helper)).is_err() {
                        break;
                    }
                }
                // The last results come back after the inputs run out: freed as they come,
                // until the calling thread is done handing on.
                drop(tx);
                for result in back {
                    drop(result);
                }
            };
            // The same stack as the rayon pool's threads: deeply nested documents recurse.
            std::thread::Builder::new()
                .stack_size(crate::STACK)
                .spawn_scoped(scope, work)
                .expect("a worker thread can be started");
        }
        drop(tx);
        let _release = Release { handed: &handed, stop: &stop };
        let mut pending: BTreeMap<usize, Made> = BTreeMap::new();
        let mut first = 0usize;
        let mut hand_on = |pending: &mut BTreeMap<usize, Made>, first: &mut usize| {
            let before = *first;
            while *first < inputs.len() {
                let made = if inputs[*first] == Input::Stdin {
                    Made { by: MAIN, result: take_stdin(&inputs[*first]) }
                } else if let Some(made) = pending.remove(first) {
                    made
                } else {
                    break;
                };
                // Given back to its helper (if that helper has stopped, it is freed here).
                if let (Some(done), Some(helper)) = (each(made.result), given_back.get(made.by)) {
                    let _ = helper.send(done);
                }
                *first += 1;
            }
            if *first != before {
                let (at, moved) = &handed;
                let mut state = at.lock().unwrap_or_else(|e| e.into_inner());
                state.first = *first;
                // Woken only if one waits (a wake is a system call, made for every input).
                if state.waiting > 0 {
                    moved.notify_all();
                }
            }
        };
        // The main thread's share: take inputs as the helpers do, handing on what is ready
        // between them (without waiting); an input past the window waits for the first one.
        loop {
            while let Ok((i, r)) = rx.try_recv() {
                pending.insert(i, r);
            }
            hand_on(&mut pending, &mut first);
            let i = next.fetch_add(1, Ordering::Relaxed);
            let Some(input) = inputs.get(i) else { break };
            if *input == Input::Stdin {
                continue;
            }
            while i >= first + window {
                let Ok((k, r)) = rx.recv() else { break };
                pending.insert(k, r);
                hand_on(&mut pending, &mut first);
            }
            let (i, r) = check(i, input, MAIN);
            pending.insert(i, r);
        }
        hand_on(&mut pending, &mut first);
        for (i, r) in rx {
            pending.insert(i, r);
            hand_on(&mut pending, &mut first);
        }
        // The helpers free what they were given back, then stop.
        drop(given_back);
    });
}

/// A result, with the helper thread that made it.
struct Made {
    by: usize,
    result: FileResult,
}

/// [`Made::by`] of a result the calling thread made.
const MAIN: usize = usize::MAX;

/// Where handing on stands: the first input not yet handed on, and how many helpers wait for it
/// to move on (the window ahead of it is full).
#[derive(Default)]
struct Handed {
    first: usize,
    waiting: usize,
}

/// Wakes the workers for good when the main thread is done taking results, normally or by
/// unwinding (a renderer's fault must not leave a worker waiting for room that never comes).
struct Release<'a> {
    handed: &'a (Mutex<Handed>, Condvar),
    stop: &'a AtomicBool,
}

impl Drop for Release<'_> {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::Relaxed);
        let (at, moved) = self.handed;
        let _held = at.lock().unwrap_or_else(|e| e.into_inner());
        moved.notify_all();
    }
}
