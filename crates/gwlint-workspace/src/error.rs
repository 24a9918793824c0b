//! Typed errors of the workspace layer. Their messages are shown to drafters, so they are
//! Chinese and name the file and the problem.

use std::path::PathBuf;

use gwlint_core::config::ConfigError;
use gwlint_core::linter::SelectionError;
use gwlint_core::registry::RegistryError;
use gwlint_core::ReadError;

/// Why a workspace could not be set up.
#[derive(Debug, Clone, thiserror::Error)]
pub enum WorkspaceError {
    #[error("{}：配置文件不存在", .0.display())]
    ConfigNotFound(PathBuf),
    #[error(transparent)]
    Config(#[from] ConfigError),
    #[error("{}：无法读取规则包：{message}", path.display())]
    Pack { path: PathBuf, message: String },
    #[error(transparent)]
    Registry(RegistryError),
    #[error("{}{source}", config.as_ref().map(|p| format!("{}：", p.display())).unwrap_or_default())]
    Selection { config: Option<PathBuf>, source: SelectionError },
    #[error("per-file-ignores 中的模式“{pattern}”无效：{message}")]
    PerFileIgnore { pattern: String, message: String },
    #[error("未知的 profile“{0}”（可用 formal、draft、template）")]
    UnknownProfile(String),
    #[error("未知的编码“{0}”（可用 utf-8、gbk、gb18030、utf-16le 等）")]
    UnknownEncoding(String),
}

/// Why one file could not be linted (the message does not repeat the path).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum LintError {
    #[error(transparent)]
    Read(ReadError),
    #[error("这是一个目录")]
    Directory,
    #[error("不是普通文件（命名管道、设备或套接字）：gwlint 只读普通文件")]
    NotAFile,
    #[error("无法读取：{0}")]
    Io(String),
    #[error(".docx 不直接改写：请用 gwlint annotate --fix-as-revisions 得到修订形式的修复")]
    DocxNotRewritten,
    #[error("修复后的文本无法重新解析：{0}")]
    FixUnreadable(ReadError),
}

impl LintError {
    /// An empty or blank file: nothing to check, so no findings and no error (the command line
    /// mentions it; the editor, MCP and Python front ends report nothing).
    pub fn is_nothing_to_check(&self) -> bool {
        matches!(self, LintError::Read(ReadError::Empty | ReadError::Blank))
    }
}
