//! The Zed extension: declares gwlint's language server for Markdown and plain text and starts
//! `gwlint server` — the program named in the `lsp.gwlint.binary` setting, else `gwlint` on the
//! worktree's PATH — with the `lsp.gwlint` initialization options and settings.

use zed_extension_api::{self as zed, settings::LspSettings, LanguageServerId, Result, Worktree};

struct Gwlint;

impl zed::Extension for Gwlint {
    fn new() -> Self {
        Gwlint
    }

    fn language_server_command(&mut self, _id: &LanguageServerId, worktree: &Worktree) -> Result<zed::Command> {
        let binary = LspSettings::for_worktree("gwlint", worktree).ok().and_then(|s| s.binary);
        let command =
            binary.as_ref().and_then(|b| b.path.clone()).or_else(|| worktree.which("gwlint")).ok_or_else(|| {
                "找不到 gwlint：请安装 gwlint，或在 lsp.gwlint.binary.path 中写明它的路径".to_string()
            })?;
        let args = binary.and_then(|b| b.arguments).unwrap_or_else(|| vec!["server".into()]);
        Ok(zed::Command { command, args, env: worktree.shell_env() })
    }

    fn language_server_initialization_options(
        &mut self,
        _id: &LanguageServerId,
        worktree: &Worktree,
    ) -> Result<Option<zed::serde_json::Value>> {
        Ok(LspSettings::for_worktree("gwlint", worktree).ok().and_then(|s| s.initialization_options))
    }

    fn language_server_workspace_configuration(
        &mut self,
        _id: &LanguageServerId,
        worktree: &Worktree,
    ) -> Result<Option<zed::serde_json::Value>> {
        let settings = LspSettings::for_worktree("gwlint", worktree).ok().and_then(|s| s.settings);
        Ok(settings.map(|s| zed::serde_json::json!({ "gwlint": s })))
    }
}

zed::register_extension!(Gwlint);
