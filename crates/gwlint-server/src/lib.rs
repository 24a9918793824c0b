//! `gwlint server`: gwlint's language server over stdio (lsp-server and lsp-types, synchronous
//! like ruff's; gwlint has no async code).
//!
//! - Findings on open, change and save, with the rule's code, severity, message, a link to the
//!   rule's page (`codeDescription`) and the finding's other locations (`relatedInformation`).
//! - Positions in the encoding the client prefers: UTF-16 unless it offers UTF-8 or UTF-32.
//! - A quick fix per finding that has one (safe fixes preferred), "disable on this line" (a
//!   suppression comment above it) and "fix all safe" as the `source.fixAll.gwlint` action.
//! - Hover over a finding shows the rule's explanation (`gwlint explain`).
//! - Settings from the `gwlint.toml` the workspace layer finds from the client's root (loaded
//!   again when a configuration file changes), refined by the client's settings
//!   (initializationOptions or `workspace/didChangeConfiguration`, section `gwlint`).
//! - Markdown and plain text as edited; a .docx opened in the editor is read from disk and
//!   reported (diagnostics only: it is never edited).
//! - A burst of edits is read as a whole before anything is checked: each document is checked
//!   once, at its latest version.

// lsp_types::Uri caches its parsed parts inside; it compares, orders and hashes by its string,
// which never changes, so it is a sound map key (clippy cannot see that).
#![allow(clippy::mutable_key_type)]

mod actions;
mod convert;
mod position;
mod rule_docs;
mod session;
mod settings;
mod uri;

pub use settings::ClientSettings;

/// Serve on standard input and output until the client says `exit`.
pub fn run_stdio() -> Result<(), String> {
    let (connection, io) = lsp_server::Connection::stdio();
    let outcome = run(connection);
    io.join().map_err(|e| format!("语言服务器的输入输出线程出错：{e}"))?;
    outcome
}

/// Serve on a connection (stdio, or `Connection::memory()` in tests) until `exit`.
pub fn run(connection: lsp_server::Connection) -> Result<(), String> {
    session::Session::start(connection)?.serve()
}
