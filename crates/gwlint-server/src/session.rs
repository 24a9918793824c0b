//! The server's state and its message loop.

use std::cell::OnceCell;
use std::collections::{BTreeMap, BTreeSet};
use std::path::PathBuf;

use gwlint_core::resolved::ResolvedDiagnostic;
use gwlint_core::{Applicability, SourceKind};
use gwlint_workspace::{ConfigSource, LintError, Overrides, Workspace};
use lsp_server::{Connection, ErrorCode, Message, Notification, Request, RequestId, Response};
use lsp_types::notification::{
    DidChangeConfiguration, DidChangeTextDocument, DidChangeWatchedFiles, DidCloseTextDocument, DidOpenTextDocument,
    DidSaveTextDocument, Exit, Notification as _, PublishDiagnostics, ShowMessage,
};
use lsp_types::request::{
    CodeActionRequest, HoverRequest, RegisterCapability, Request as _, Shutdown, WorkspaceConfiguration,
};
use lsp_types::{
    CodeActionKind, CodeActionOptions, CodeActionParams, CodeActionProviderCapability, ConfigurationItem,
    ConfigurationParams, DidChangeWatchedFilesRegistrationOptions, FileSystemWatcher, GlobPattern, Hover,
    HoverContents, HoverParams, HoverProviderCapability, InitializeParams, InitializeResult, MarkupContent, MarkupKind,
    MessageType, PublishDiagnosticsParams, Registration, RegistrationParams, SaveOptions, ServerCapabilities,
    ServerInfo, ShowMessageParams, TextDocumentSyncCapability, TextDocumentSyncKind, TextDocumentSyncOptions,
    TextDocumentSyncSaveOptions, Uri,
};
use serde_json::Value;

use crate::actions::{self, FIX_ALL};
use crate::convert;
use crate::position::{Encoding, LineIndex};
use crate::rule_docs::{self, RuleDocs};
use crate::settings::ClientSettings;
use crate::uri;

/// An open document and its latest findings.
struct Open {
    /// The text as the editor holds it; for a .docx, its paragraphs one per line as read from
    /// disk (the editor shows the file's bytes, which are never edited).
    text: String,
    version: Option<i32>,
    read_only: bool,
    findings: Vec<ResolvedDiagnostic>,
    diagnostics: Vec<lsp_types::Diagnostic>,
    /// What "fix all" gives for this text (the fixed text and how many fixes), worked out on the
    /// first request that wants it: editors ask for code actions at every cursor move.
    fixed_all: OnceCell<Option<(String, usize)>>,
}

pub struct Session {
    conn: Connection,
    encoding: Encoding,
    root: PathBuf,
    settings: ClientSettings,
    workspace: Workspace,
    rule_docs: RuleDocs,
    docs: BTreeMap<Uri, Open>,
    /// The client can be asked for its `gwlint` settings, and told which files to watch.
    can_pull_settings: bool,
    can_watch: bool,
    next_id: i32,
    settings_request: Option<RequestId>,
}

impl Session {
    /// The initialize handshake: negotiate positions, read the root and the settings, load the
    /// workspace.
    pub fn start(conn: Connection) -> Result<Session, String> {
        let (id, params) = conn.initialize_start().map_err(|e| format!("语言服务器初始化失败：{e}"))?;
        let params: InitializeParams =
            serde_json::from_value(params).map_err(|e| format!("语言服务器初始化失败：{e}"))?;
        let encoding =
            Encoding::negotiate(params.capabilities.general.as_ref().and_then(|g| g.position_encodings.as_deref()));
        #[allow(deprecated)]
        let root = params
            .workspace_folders
            .as_ref()
            .and_then(|f| f.first())
            .and_then(|f| uri::to_path(&f.uri))
            .or_else(|| params.root_uri.as_ref().and_then(uri::to_path))
            .or_else(|| params.root_path.as_ref().map(PathBuf::from))
            .or_else(|| std::env::current_dir().ok())
            .unwrap_or_default();
        let workspace_caps = params.capabilities.workspace.as_ref();
        let can_pull_settings = workspace_caps.and_then(|w| w.configuration).unwrap_or(false);
        let can_watch = workspace_caps
            .and_then(|w| w.did_change_watched_files.as_ref())
            .and_then(|w| w.dynamic_registration)
            .unwrap_or(false);
        let (settings, settings_error) =
            match ClientSettings::from_value(params.initialization_options.as_ref().unwrap_or(&Value::Null)) {
                Ok(s) => (s, None),
                Err(e) => (ClientSettings::default(), Some(e)),
            };
        let result = InitializeResult {
            capabilities: ServerCapabilities {
                position_encoding: Some(encoding.kind()),
                text_document_sync: Some(TextDocumentSyncCapability::Options(TextDocumentSyncOptions {
                    open_close: Some(true),
                    change: Some(TextDocumentSyncKind::FULL),
                    save: Some(TextDocumentSyncSaveOptions::SaveOptions(SaveOptions { include_text: Some(false) })),
                    ..TextDocumentSyncOptions::default()
                })),
                code_action_provider: Some(CodeActionProviderCapability::Options(CodeActionOptions {
                    code_action_kinds: Some(vec![CodeActionKind::QUICKFIX, FIX_ALL]),
                    ..CodeActionOptions::default()
                })),
                hover_provider: Some(HoverProviderCapability::Simple(true)),
                ..ServerCapabilities::default()
            },
            server_info: Some(ServerInfo { name: "gwlint".into(), version: Some(env!("CARGO_PKG_VERSION").into()) }),
        };
        let result = serde_json::to_value(result).map_err(|e| e.to_string())?;
        conn.initialize_finish(id, result).map_err(|e| format!("语言服务器初始化失败：{e}"))?;
        let rule_docs = RuleDocs::new(settings.docs_url.clone(), Some(rule_docs::cache_dir()));
        let mut session = Session {
            conn,
            encoding,
            workspace: Workspace::discover(&root, &Overrides { config: ConfigSource::None, ..Overrides::default() })
                .map_err(|e| e.to_string())?,
            root,
            settings,
            rule_docs,
            docs: BTreeMap::new(),
            can_pull_settings,
            can_watch,
            next_id: 0,
            settings_request: None,
        };
        if let Some(e) = settings_error {
            session.show(MessageType::ERROR, e);
        }
        session.reload();
        // initialize_finish has read the client's `initialized`: the server may now ask it.
        session.watch_configuration();
        session.pull_settings();
        Ok(session)
    }

    /// Handle messages until `exit`. Everything already waiting is read before any document is
    /// checked, so a burst of edits costs one check of the latest text.
    pub fn serve(mut self) -> Result<(), String> {
        loop {
            let Ok(first) = self.conn.receiver.recv() else { return Ok(()) };
            let mut batch = vec![first];
            while let Ok(m) = self.conn.receiver.try_recv() {
                batch.push(m);
            }
            let mut dirty = BTreeSet::new();
            let mut batch = batch.into_iter();
            while let Some(message) = batch.next() {
                match message {
                    Message::Request(req) => {
                        if req.method == Shutdown::METHOD {
                            return self.shut_down(req, batch);
                        }
                        // A request is answered from the findings of the latest text.
                        for uri in std::mem::take(&mut dirty) {
                            self.check(&uri);
                        }
                        self.request(req);
                    }
                    Message::Notification(n) => self.notification(n, &mut dirty),
                    Message::Response(r) => self.response(r, &mut dirty),
                }
            }
            for uri in dirty {
                self.check(&uri);
            }
        }
    }

    /// Answers `shutdown` and waits for `exit`, which may already be among the messages read
    /// with it (a client sends the two together): lsp-server's `handle_shutdown` waited on the
    /// channel only, and failed when the client then closed it. A client that goes away after
    /// `shutdown` ends the session as `exit` would.
    fn shut_down(&self, req: Request, mut read: impl Iterator<Item = Message>) -> Result<(), String> {
        let _ = self.conn.sender.send(Response::new_ok(req.id, ()).into());
        let is_exit = |m: &Message| matches!(m, Message::Notification(n) if n.method == Exit::METHOD);
        if read.any(|m| is_exit(&m)) {
            return Ok(());
        }
        loop {
            match self.conn.receiver.recv_timeout(std::time::Duration::from_secs(30)) {
                Ok(m) if is_exit(&m) => return Ok(()),
                Ok(_) => {}
                Err(e) if e.is_disconnected() => return Ok(()),
                Err(_) => return Err("关闭后 30 秒内未收到 exit 通知".to_string()),
            }
        }
    }

    fn notification(&mut self, n: Notification, dirty: &mut BTreeSet<Uri>) {
        match n.method.as_str() {
            DidOpenTextDocument::METHOD => {
                let Ok(p) = serde_json::from_value::<lsp_types::DidOpenTextDocumentParams>(n.params) else { return };
                let read_only = uri::file_name(&p.text_document.uri).to_lowercase().ends_with(".docx");
                let open = Open {
                    text: if read_only { String::new() } else { p.text_document.text },
                    version: Some(p.text_document.version),
                    read_only,
                    findings: Vec::new(),
                    diagnostics: Vec::new(),
                    fixed_all: OnceCell::new(),
                };
                self.docs.insert(p.text_document.uri.clone(), open);
                dirty.insert(p.text_document.uri);
            }
            DidChangeTextDocument::METHOD => {
                let Ok(p) = serde_json::from_value::<lsp_types::DidChangeTextDocumentParams>(n.params) else { return };
                let Some(doc) = self.docs.get_mut(&p.text_document.uri) else { return };
                // Full synchronisation: the last change holds the whole text.
                if let Some(change) = p.content_changes.into_iter().last() {
                    if !doc.read_only {
                        doc.text = change.text;
                    }
                    doc.version = Some(p.text_document.version);
                    dirty.insert(p.text_document.uri);
                }
            }
            DidSaveTextDocument::METHOD => {
                if let Ok(p) = serde_json::from_value::<lsp_types::DidSaveTextDocumentParams>(n.params) {
                    dirty.insert(p.text_document.uri);
                }
            }
            DidCloseTextDocument::METHOD => {
                if let Ok(p) = serde_json::from_value::<lsp_types::DidCloseTextDocumentParams>(n.params) {
                    self.docs.remove(&p.text_document.uri);
                    dirty.remove(&p.text_document.uri);
                    self.publish(p.text_document.uri, None, Vec::new());
                }
            }
            DidChangeWatchedFiles::METHOD => {
                let Ok(p) = serde_json::from_value::<lsp_types::DidChangeWatchedFilesParams>(n.params) else { return };
                if p.changes.iter().any(|c| c.uri.as_str().to_lowercase().ends_with(".toml")) {
                    // gwlint.toml or a pack it names changed: load again, check everything open.
                    self.reload();
                    dirty.extend(self.docs.keys().cloned());
                }
                // A .docx open in the editor was saved by Word: read it again.
                dirty.extend(p.changes.into_iter().map(|c| c.uri).filter(|u| self.docs.contains_key(u)));
            }
            DidChangeConfiguration::METHOD => {
                let settings = n.params.get("settings").cloned().unwrap_or(Value::Null);
                let empty = settings.is_null() || settings.as_object().is_some_and(|o| o.is_empty());
                if empty && self.can_pull_settings {
                    // The client sends no values with the notice: ask for them.
                    self.pull_settings();
                    return;
                }
                self.apply_settings(&settings);
                dirty.extend(self.docs.keys().cloned());
            }
            _ => {}
        }
    }

    fn response(&mut self, r: Response, dirty: &mut BTreeSet<Uri>) {
        if self.settings_request.as_ref() != Some(&r.id) {
            return;
        }
        self.settings_request = None;
        if let Some(section) = r.response_result.as_ref().ok().and_then(|v| v.get(0)) {
            self.apply_settings(section);
            dirty.extend(self.docs.keys().cloned());
        }
    }

    fn apply_settings(&mut self, value: &Value) {
        match ClientSettings::from_value(value) {
            Ok(settings) => {
                if settings.docs_url != self.settings.docs_url {
                    self.rule_docs = RuleDocs::new(settings.docs_url.clone(), Some(rule_docs::cache_dir()));
                }
                self.settings = settings;
                self.reload();
            }
            Err(e) => self.show(MessageType::ERROR, e),
        }
    }

    /// Load the configuration again. A broken gwlint.toml is reported and built-in defaults are
    /// used until it is fixed, so the drafter is never left without findings.
    fn reload(&mut self) {
        self.rule_docs.forget();
        match Workspace::discover(&self.root, &self.settings.overrides(&self.root)) {
            Ok(ws) => self.workspace = ws,
            Err(e) => {
                self.show(MessageType::ERROR, format!("{e}（暂按内置默认设置检查）"));
                let defaults = Overrides { config: ConfigSource::None, ..Overrides::default() };
                if let Ok(ws) = Workspace::discover(&self.root, &defaults) {
                    self.workspace = ws;
                }
            }
        }
    }

    fn request(&mut self, req: Request) {
        let response = match req.method.as_str() {
            CodeActionRequest::METHOD => match serde_json::from_value::<CodeActionParams>(req.params) {
                Ok(p) => Response::new_ok(req.id, self.code_actions(&p)),
                Err(e) => Response::new_err(req.id, ErrorCode::InvalidParams as i32, e.to_string()),
            },
            HoverRequest::METHOD => match serde_json::from_value::<HoverParams>(req.params) {
                Ok(p) => Response::new_ok(req.id, self.hover(&p)),
                Err(e) => Response::new_err(req.id, ErrorCode::InvalidParams as i32, e.to_string()),
            },
            _ => Response::new_err(req.id, ErrorCode::MethodNotFound as i32, format!("gwlint 不处理 {}", req.method)),
        };
        let _ = self.conn.sender.send(Message::Response(response));
    }

    /// Lint a document's latest text (a .docx: the file on disk) and publish its findings.
    fn check(&mut self, uri: &Uri) {
        let path = uri::to_path(uri);
        let name = uri::document_name(uri);
        let Some(doc) = self.docs.get(uri) else { return };
        let outcome = if doc.read_only {
            match &path {
                Some(p) => self.workspace.read_bytes_of(p).and_then(|b| self.workspace.lint_bytes(&name, &b)),
                None => Err(LintError::Io("不是本地文件".into())),
            }
        } else {
            self.workspace.lint_bytes(&name, doc.text.as_bytes())
        };
        let (text, findings, unreadable) = match outcome {
            Ok(report) => {
                let text =
                    if report.document.kind == SourceKind::Docx { report.document.text.clone() } else { String::new() };
                (text, report.resolved(), None)
            }
            // An empty or blank file has nothing to report.
            Err(e) if e.is_nothing_to_check() => (String::new(), Vec::new(), None),
            Err(e) => (String::new(), Vec::new(), Some(e.to_string())),
        };
        let doc = self.docs.get_mut(uri).expect("checked above");
        if doc.read_only {
            doc.text = text;
        }
        let lines = LineIndex::new(&doc.text, self.encoding);
        let registry = self.workspace.registry();
        let fail_level = self.settings.fail_level;
        doc.diagnostics = findings
            .iter()
            .map(|d| {
                let href = registry.find(&d.code).and_then(|r| self.rule_docs.href(r.meta()));
                convert::diagnostic(d, &lines, uri, fail_level, href)
            })
            .collect();
        doc.findings = findings;
        doc.fixed_all = OnceCell::new();
        let mut diagnostics = doc.diagnostics.clone();
        diagnostics.extend(unreadable.as_deref().map(convert::unreadable));
        let version = doc.version;
        self.publish(uri.clone(), version, diagnostics);
    }

    fn publish(&self, uri: Uri, version: Option<i32>, diagnostics: Vec<lsp_types::Diagnostic>) {
        let params = PublishDiagnosticsParams { uri, diagnostics, version };
        self.notify(PublishDiagnostics::METHOD, params);
    }

    fn code_actions(&self, p: &CodeActionParams) -> Value {
        let Some(doc) = self.docs.get(&p.text_document.uri).filter(|d| !d.read_only) else {
            return Value::Array(Vec::new());
        };
        let lines = LineIndex::new(&doc.text, self.encoding);
        let req = actions::Request {
            uri: &p.text_document.uri,
            text: &doc.text,
            lines: &lines,
            findings: &doc.findings,
            diagnostics: &doc.diagnostics,
            from_line: p.range.start.line,
            to_line: p.range.end.line,
            only: p.context.only.as_deref(),
        };
        let mut out = actions::quick_fixes(&req);
        let has_safe = doc
            .findings
            .iter()
            .any(|d| d.fix.as_ref().is_some_and(|f| f.applicability == Applicability::Safe && !f.edits.is_empty()));
        if has_safe && req.wants(&FIX_ALL) {
            let fixed = doc.fixed_all.get_or_init(|| {
                let name = uri::document_name(&p.text_document.uri);
                let fixed = self.workspace.fix_bytes(&name, doc.text.as_bytes(), Applicability::Safe).ok()?;
                Some((fixed.source, fixed.applied))
            });
            out.extend(actions::fix_all(&req, fixed.as_ref().map(|(text, n)| (text.as_str(), *n))));
        }
        serde_json::to_value(out).unwrap_or_default()
    }

    /// The findings under the cursor, each with its rule's explanation.
    fn hover(&self, p: &HoverParams) -> Value {
        let at = p.text_document_position_params.position;
        let Some(doc) = self.docs.get(&p.text_document_position_params.text_document.uri) else { return Value::Null };
        let registry = self.workspace.registry();
        // The narrowest finding first: it is the one the cursor is most likely about.
        let mut under: Vec<(&ResolvedDiagnostic, &lsp_types::Diagnostic)> = doc
            .findings
            .iter()
            .zip(&doc.diagnostics)
            .filter(|(_, lsp)| lsp.range.start <= at && at <= lsp.range.end)
            .collect();
        under.sort_by_key(|(_, lsp)| {
            let r = lsp.range;
            (r.end.line - r.start.line, r.end.character.abs_diff(r.start.character))
        });
        let range = under.first().map(|(_, lsp)| lsp.range);
        let parts: Vec<String> = under
            .iter()
            .map(|(d, _)| {
                let mut part = format!("**{} {}**：{}", d.code, d.name, d.message);
                if let Some(help) = &d.help {
                    part.push_str(&format!("\n\n{help}"));
                }
                if let Some(rule) = registry.find(&d.code) {
                    part.push_str(&format!("\n\n{}", rule.meta().docs_text()));
                }
                part
            })
            .collect();
        if parts.is_empty() {
            return Value::Null;
        }
        let hover = Hover {
            contents: HoverContents::Markup(MarkupContent {
                kind: MarkupKind::Markdown,
                value: parts.join("\n\n---\n\n"),
            }),
            range,
        };
        serde_json::to_value(hover).unwrap_or_default()
    }

    /// Ask the client to tell us when configuration files (gwlint.toml, the packs it names) or
    /// Word files change on disk.
    fn watch_configuration(&mut self) {
        if !self.can_watch {
            return;
        }
        let watchers = ["**/*.toml", "**/*.docx"]
            .iter()
            .map(|g| FileSystemWatcher { glob_pattern: GlobPattern::String(g.to_string()), kind: None })
            .collect();
        let options = DidChangeWatchedFilesRegistrationOptions { watchers };
        let params = RegistrationParams {
            registrations: vec![Registration {
                id: "gwlint-watch".into(),
                method: DidChangeWatchedFiles::METHOD.into(),
                register_options: serde_json::to_value(options).ok(),
            }],
        };
        self.send_request(RegisterCapability::METHOD, params);
    }

    /// Ask the client for its `gwlint` settings (answered in `response`).
    fn pull_settings(&mut self) {
        if !self.can_pull_settings {
            return;
        }
        let scope = uri::from_path(&self.root);
        let params =
            ConfigurationParams { items: vec![ConfigurationItem { scope_uri: scope, section: Some("gwlint".into()) }] };
        self.settings_request = Some(self.send_request(WorkspaceConfiguration::METHOD, params));
    }

    fn send_request(&mut self, method: &str, params: impl serde::Serialize) -> RequestId {
        self.next_id += 1;
        let id = RequestId::from(format!("gwlint-{}", self.next_id));
        let req = Request::new(id.clone(), method.into(), params);
        let _ = self.conn.sender.send(Message::Request(req));
        id
    }

    fn notify(&self, method: &str, params: impl serde::Serialize) {
        let _ = self.conn.sender.send(Message::Notification(Notification::new(method.into(), params)));
    }

    fn show(&self, typ: MessageType, message: String) {
        self.notify(ShowMessage::METHOD, ShowMessageParams { typ, message: format!("gwlint：{message}") });
    }
}
