//! `gwlint server`: a language server over stdio (lsp-server, synchronous like ruff's). Findings on
//! open, change and save, in the position encoding the client prefers (UTF-16 unless it offers
//! UTF-8 or UTF-32), with the rule's code, severity, message and clause; a quick fix for each
//! finding that has one (safe fixes preferred), "disable on this line" (a suppression comment
//! above it) and "fix all safe" as a source action. Settings
//! come from the gwlint.toml the workspace layer finds from the client's root. A burst of edits
//! is read as a whole before anything is checked: each document is checked once, at its latest
//! version.

use std::collections::{BTreeMap, BTreeSet};
use std::path::PathBuf;

use gwlint_core::resolved::{FilePosition, ResolvedDiagnostic};
use gwlint_core::{Applicability, Severity};
use gwlint_workspace::{ConfigSource, Overrides, Workspace};
use lsp_server::{Connection, Message, Notification, Request, Response};
use serde_json::{json, Value};

/// How positions are counted on the wire.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Encoding {
    Utf8,
    Utf16,
    Utf32,
}

struct Open {
    text: String,
    version: Option<i64>,
    findings: Vec<ResolvedDiagnostic>,
}

struct Server {
    conn: Connection,
    encoding: Encoding,
    root: Option<PathBuf>,
    workspace: Workspace,
    docs: BTreeMap<String, Open>,
}

pub fn run() -> Result<u8, String> {
    let (conn, io) = Connection::stdio();
    let (id, params) = conn.initialize_start().map_err(|e| format!("语言服务器初始化失败：{e}"))?;
    let offered: Vec<String> = params["capabilities"]["general"]["positionEncodings"]
        .as_array()
        .map(|a| a.iter().filter_map(|v| v.as_str().map(str::to_string)).collect())
        .unwrap_or_default();
    let encoding = if offered.iter().any(|e| e == "utf-8") {
        Encoding::Utf8
    } else if offered.iter().any(|e| e == "utf-32") {
        Encoding::Utf32
    } else {
        Encoding::Utf16
    };
    let root = params["rootUri"]
        .as_str()
        .or_else(|| params["workspaceFolders"][0]["uri"].as_str())
        .and_then(file_path)
        .or_else(|| params["rootPath"].as_str().map(PathBuf::from));
    let workspace = load(root.as_ref())?;
    let result = json!({
        "capabilities": {
            "positionEncoding": match encoding { Encoding::Utf8 => "utf-8", Encoding::Utf16 => "utf-16", Encoding::Utf32 => "utf-32" },
            "textDocumentSync": { "openClose": true, "change": 1, "save": { "includeText": false } },
            "codeActionProvider": { "codeActionKinds": ["quickfix", "source.fixAll.gwlint"] },
        },
        "serverInfo": { "name": "gwlint", "version": env!("CARGO_PKG_VERSION") },
    });
    conn.initialize_finish(id, result).map_err(|e| format!("语言服务器初始化失败：{e}"))?;
    let mut server = Server { conn, encoding, root, workspace, docs: BTreeMap::new() };
    let outcome = server.serve();
    drop(server);
    let _ = io.join();
    outcome
}

/// The workspace configuration found from the client's root (or built-in defaults).
fn load(root: Option<&PathBuf>) -> Result<Workspace, String> {
    let start = root.cloned().or_else(|| std::env::current_dir().ok()).unwrap_or_default();
    Workspace::discover(&start, &Overrides { config: ConfigSource::Discover, ..Overrides::default() })
        .map_err(|e| e.to_string())
}

impl Server {
    fn serve(&mut self) -> Result<u8, String> {
        loop {
            let Ok(first) = self.conn.receiver.recv() else { return Ok(crate::EXIT_CLEAN) };
            // Everything already waiting is read before checking: a burst of edits is one check.
            let mut batch = vec![first];
            while let Ok(m) = self.conn.receiver.try_recv() {
                batch.push(m);
            }
            let mut dirty: BTreeSet<String> = BTreeSet::new();
            for msg in batch {
                match msg {
                    Message::Request(req) => {
                        if self.conn.handle_shutdown(&req).map_err(|e| e.to_string())? {
                            return Ok(crate::EXIT_CLEAN);
                        }
                        // Answer with the findings of the latest text.
                        for uri in std::mem::take(&mut dirty) {
                            self.check(&uri);
                        }
                        self.request(req);
                    }
                    Message::Notification(n) => self.notification(n, &mut dirty),
                    Message::Response(_) => {}
                }
            }
            for uri in dirty {
                self.check(&uri);
            }
        }
    }

    fn notification(&mut self, n: Notification, dirty: &mut BTreeSet<String>) {
        let uri = n.params["textDocument"]["uri"].as_str().unwrap_or_default().to_string();
        match n.method.as_str() {
            "textDocument/didOpen" => {
                let text = n.params["textDocument"]["text"].as_str().unwrap_or_default().to_string();
                let version = n.params["textDocument"]["version"].as_i64();
                self.docs.insert(uri.clone(), Open { text, version, findings: Vec::new() });
                dirty.insert(uri);
            }
            "textDocument/didChange" => {
                // Full synchronisation: the last change holds the whole text.
                if let (Some(doc), Some(text)) = (
                    self.docs.get_mut(&uri),
                    n.params["contentChanges"].as_array().and_then(|c| c.last()).and_then(|c| c["text"].as_str()),
                ) {
                    doc.text = text.to_string();
                    doc.version = n.params["textDocument"]["version"].as_i64();
                    dirty.insert(uri);
                }
            }
            "textDocument/didSave" => {
                dirty.insert(uri);
            }
            "textDocument/didClose" => {
                self.docs.remove(&uri);
                dirty.remove(&uri);
                self.publish(&uri, None, Vec::new());
            }
            "workspace/didChangeWatchedFiles" | "workspace/didChangeConfiguration" => {
                // gwlint.toml may have changed: load it again and check everything open.
                if let Ok(ws) = load(self.root.as_ref()) {
                    self.workspace = ws;
                }
                dirty.extend(self.docs.keys().cloned());
            }
            _ => {}
        }
    }

    fn request(&mut self, req: Request) {
        let result = match req.method.as_str() {
            "textDocument/codeAction" => Ok(self.code_actions(&req.params)),
            _ => Err(Response::new_err(req.id.clone(), -32601, format!("gwlint 不处理 {}", req.method))),
        };
        let response = match result {
            Ok(value) => Response::new_ok(req.id, value),
            Err(e) => e,
        };
        let _ = self.conn.sender.send(Message::Response(response));
    }

    /// Lint the document's latest text and publish its findings.
    fn check(&mut self, uri: &str) {
        let Some(doc) = self.docs.get_mut(uri) else { return };
        let name = file_name(uri);
        let findings = match self.workspace.lint_bytes(&name, doc.text.as_bytes()) {
            Ok(report) => report.resolved(),
            Err(_) => Vec::new(),
        };
        let text = doc.text.clone();
        doc.findings = findings;
        let version = doc.version;
        let diagnostics: Vec<Value> =
            doc.findings.iter().map(|d| lsp_diagnostic(self.encoding, uri, &text, d)).collect();
        self.publish(uri, version, diagnostics);
    }

    /// Publish a document's findings, with the version of the text they are about.
    fn publish(&self, uri: &str, version: Option<i64>, diagnostics: Vec<Value>) {
        let mut params = json!({ "uri": uri, "diagnostics": diagnostics });
        if let Some(v) = version {
            params["version"] = json!(v);
        }
        let _ = self
            .conn
            .sender
            .send(Message::Notification(Notification::new("textDocument/publishDiagnostics".into(), params)));
    }

    /// A quick fix for each finding with a fix in the requested range, and "fix all safe".
    fn code_actions(&self, params: &Value) -> Value {
        let uri = params["textDocument"]["uri"].as_str().unwrap_or_default();
        let Some(doc) = self.docs.get(uri) else { return json!([]) };
        let line = |p: &Value| p["line"].as_u64().unwrap_or(0) as usize;
        let (from, to) = (line(&params["range"]["start"]), line(&params["range"]["end"]));
        let mut actions = Vec::new();
        let mut safe = Vec::new();
        // "Disable on this line": a suppression comment above the finding's line, one per rule.
        let newline = if doc.text.contains("\r\n") { "\r\n" } else { "\n" };
        let mut offered = BTreeSet::new();
        for d in doc.findings.iter().filter(|d| (from..=to).contains(&(d.range.start.line - 1))) {
            if !offered.insert((d.range.start.line, d.code.clone())) {
                continue;
            }
            let at = json!({ "line": d.range.start.line - 1, "character": 0 });
            let comment = format!("<!-- gwlint-disable-next-line {} -- 请写明理由 -->{newline}", d.code);
            actions.push(json!({
                "title": format!("gwlint：在这一行停用 {}（写抑制注释）", d.code),
                "kind": "quickfix",
                "diagnostics": [lsp_diagnostic(self.encoding, uri, &doc.text, d)],
                "edit": { "changes": { uri: [{ "range": { "start": at, "end": at }, "newText": comment }] } },
            }));
        }
        for d in &doc.findings {
            let Some(fix) = d.fix.as_ref().filter(|f| !f.edits.is_empty()) else { continue };
            let edits: Vec<Value> = fix.edits.iter().map(|e| json!({ "range": range(self.encoding, &doc.text, e.range.start, e.range.end), "newText": e.replacement })).collect();
            if fix.applicability == Applicability::Safe {
                safe.extend(fix.edits.iter().map(|e| (e.range.start, e.range.end, e.replacement.clone())));
            }
            let (first, last) = (d.range.start.line - 1, d.range.end.line - 1);
            if last < from || first > to {
                continue;
            }
            actions.push(json!({
                "title": format!("{}（{}）", fix.title, d.code),
                "kind": "quickfix",
                "diagnostics": [lsp_diagnostic(self.encoding, uri, &doc.text, d)],
                "isPreferred": fix.applicability == Applicability::Safe,
                "edit": { "changes": { uri: edits } },
            }));
        }
        // Fix all safe: non-overlapping edits, in order.
        safe.sort_by_key(|e| (e.0, e.1));
        let mut kept: Vec<(FilePosition, FilePosition, String)> = Vec::new();
        for e in safe {
            if kept.last().is_none_or(|k| k.1 <= e.0) {
                kept.push(e);
            }
        }
        if !kept.is_empty() {
            let edits: Vec<Value> = kept
                .iter()
                .map(|(s, e, t)| json!({ "range": range(self.encoding, &doc.text, *s, *e), "newText": t }))
                .collect();
            actions.push(json!({
                "title": format!("gwlint：应用全部安全修复（{} 处）", kept.len()),
                "kind": "source.fixAll.gwlint",
                "edit": { "changes": { uri: edits } },
            }));
        }
        Value::Array(actions)
    }
}

/// A finding as an LSP diagnostic.
fn lsp_diagnostic(encoding: Encoding, uri: &str, text: &str, d: &ResolvedDiagnostic) -> Value {
    let severity = match d.severity {
        Severity::Error => 1,
        Severity::Warning => 2,
        Severity::Info => 3,
    };
    let mut message = d.message.clone();
    if let Some(help) = &d.help {
        message.push('\n');
        message.push_str(help);
    }
    let related: Vec<Value> = d
        .related
        .iter()
        .map(|l| json!({ "location": { "uri": uri, "range": range(encoding, text, l.range.start, l.range.end) }, "message": l.message }))
        .collect();
    json!({
        "range": range(encoding, text, d.range.start, d.range.end),
        "severity": severity,
        "code": d.code,
        "source": "gwlint",
        "message": message,
        "data": { "name": d.name, "clause": d.source },
        "relatedInformation": related,
    })
}

/// An LSP range from file positions, counted in the negotiated encoding.
fn range(encoding: Encoding, text: &str, start: FilePosition, end: FilePosition) -> Value {
    json!({ "start": position(encoding, text, start), "end": position(encoding, text, end) })
}

fn position(encoding: Encoding, text: &str, p: FilePosition) -> Value {
    let line = p.line.saturating_sub(1);
    let character = match encoding {
        Encoding::Utf16 => p.utf16_column.saturating_sub(1),
        Encoding::Utf32 => p.column.saturating_sub(1),
        Encoding::Utf8 => {
            // The byte offset of the character column in that line.
            let line_text = text.split('\n').nth(line).unwrap_or("");
            line_text.chars().take(p.column.saturating_sub(1)).map(char::len_utf8).sum()
        }
    };
    json!({ "line": line, "character": character })
}

/// The file name a URI ends in (its extension picks the reader: .md, .txt).
fn file_name(uri: &str) -> String {
    let last = uri.rsplit('/').next().unwrap_or("document.txt");
    let name = percent_decode(last);
    if name.contains('.') {
        name
    } else {
        format!("{name}.txt")
    }
}

/// The local path of a file:// URI.
fn file_path(uri: &str) -> Option<PathBuf> {
    uri.strip_prefix("file://").map(|p| PathBuf::from(percent_decode(p)))
}

fn percent_decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' && i + 2 < bytes.len() {
            if let Ok(b) = u8::from_str_radix(&s[i + 1..i + 3], 16) {
                out.push(b);
                i += 3;
                continue;
            }
        }
        out.push(bytes[i]);
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}
