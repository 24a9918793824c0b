//! The tools.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use gwlint_core::document::DocClass;
use gwlint_core::resolved::ResolvedDiagnostic;
use gwlint_core::{Applicability, Severity};
use gwlint_workspace::{FileReport, LintError, Overrides, Workspace};
use rmcp::handler::server::router::tool::ToolRouter;
use rmcp::handler::server::wrapper::{Json, Parameters};
use rmcp::model::{Implementation, ServerCapabilities, ServerConfig};
use rmcp::{tool, tool_handler, tool_router, ServerHandler};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// The MCP server: one loaded workspace, shared by every call.
#[derive(Clone)]
pub struct Gwlint {
    workspace: Arc<Workspace>,
    /// Where relative file paths start.
    base: PathBuf,
    tool_router: ToolRouter<Self>,
}

#[derive(Debug, Deserialize, JsonSchema)]
pub struct LintTextParams {
    /// 要检查的文稿全文。
    pub text: String,
    /// 文件名，其扩展名决定读法：.md 按 Markdown，其他按纯文本（默认“草稿.txt”）。
    #[serde(default)]
    pub filename: Option<String>,
}

#[derive(Debug, Deserialize, JsonSchema)]
pub struct FileParams {
    /// 文件路径（.txt、.md、.docx），相对路径从服务启动的目录算起。
    pub path: String,
}

#[derive(Debug, Deserialize, JsonSchema)]
pub struct ExplainParams {
    /// 规则代码或名称，如 GW401 或 halfwidth-punctuation。
    pub rule: String,
}

/// Findings in one document.
#[derive(Debug, Serialize, JsonSchema)]
pub struct LintResult {
    pub path: String,
    /// "gongwen", "speech" or "other": structural and routing rules only judge 公文.
    pub class: DocClass,
    /// The 文种 read from the title, if any.
    pub genre: Option<String>,
    /// The findings, as in the JSON contract (version 2).
    pub diagnostics: Vec<ResolvedDiagnostic>,
    pub summary: Summary,
}

/// Counts per severity.
#[derive(Debug, Default, Serialize, JsonSchema)]
pub struct Summary {
    pub error: usize,
    pub warning: usize,
    pub info: usize,
}

/// A text with its safe fixes applied.
#[derive(Debug, Serialize, JsonSchema)]
pub struct FixResult {
    pub path: String,
    /// The whole text after the fixes (the file is not written).
    pub fixed_text: String,
    /// How many fixes were applied.
    pub applied: usize,
    /// What is left to do by hand, in the fixed text's coordinates.
    pub remaining: Vec<ResolvedDiagnostic>,
}

/// One rule.
#[derive(Debug, Serialize, JsonSchema)]
pub struct RuleInfo {
    pub code: String,
    pub name: String,
    pub category: String,
    pub severity: Severity,
    pub summary: String,
    /// The clause the rule enforces.
    pub source: String,
}

#[derive(Debug, Serialize, JsonSchema)]
pub struct Explanation {
    #[serde(flatten)]
    pub rule: RuleInfo,
    /// The rule's documentation (Markdown, as `gwlint explain`).
    pub explanation: String,
}

#[derive(Debug, Serialize, JsonSchema)]
pub struct RuleList {
    /// The rules enabled by the configuration.
    pub rules: Vec<RuleInfo>,
}

impl Gwlint {
    /// The server for a directory: the gwlint.toml found from it (or built-in defaults).
    pub fn discover(start: &Path) -> Result<Gwlint, String> {
        let workspace = Workspace::discover(start, &Overrides::default()).map_err(|e| e.to_string())?;
        Ok(Gwlint::new(workspace, start.to_path_buf()))
    }

    pub fn new(workspace: Workspace, base: PathBuf) -> Gwlint {
        Gwlint { workspace: Arc::new(workspace), base, tool_router: Self::tool_router() }
    }

    fn path(&self, given: &str) -> PathBuf {
        let p = Path::new(given);
        if p.is_absolute() {
            p.to_path_buf()
        } else {
            self.base.join(p)
        }
    }

    fn read(&self, given: &str) -> Result<(PathBuf, Vec<u8>), String> {
        let path = self.path(given);
        let bytes = self.workspace.read_bytes_of(&path).map_err(|e| format!("{given}：{e}"))?;
        Ok((path, bytes))
    }

    fn info(&self, meta: &gwlint_core::RuleMeta) -> RuleInfo {
        RuleInfo {
            code: meta.code.to_string(),
            name: meta.name.to_string(),
            category: meta.category.name_zh().to_string(),
            severity: meta.default_severity,
            summary: meta.summary.to_string(),
            source: meta.source.to_string(),
        }
    }

    fn fix(&self, name: &str, shown: &str, bytes: &[u8]) -> Result<FixResult, String> {
        let fixed = self.workspace.fix_bytes(name, bytes, Applicability::Safe).map_err(|e| format!("{shown}：{e}"))?;
        let remaining = fixed.remaining.iter().map(|d| ResolvedDiagnostic::new(shown, &fixed.document, d)).collect();
        Ok(FixResult { path: shown.to_string(), fixed_text: fixed.source, applied: fixed.applied, remaining })
    }
}

/// A report in the tool's shape; an empty or blank text is a clean one.
fn lint_result(shown: &str, outcome: Result<FileReport, LintError>) -> Result<LintResult, String> {
    let report = match outcome {
        Ok(r) => r,
        Err(e) if e.is_nothing_to_check() => {
            return Ok(LintResult {
                path: shown.to_string(),
                class: DocClass::Other,
                genre: None,
                diagnostics: Vec::new(),
                summary: Summary::default(),
            })
        }
        Err(e) => return Err(format!("{shown}：{e}")),
    };
    let mut diagnostics = report.resolved();
    for d in &mut diagnostics {
        d.path = shown.to_string();
    }
    let mut summary = Summary::default();
    for d in &diagnostics {
        match d.severity {
            Severity::Error => summary.error += 1,
            Severity::Warning => summary.warning += 1,
            Severity::Info => summary.info += 1,
        }
    }
    Ok(LintResult {
        path: shown.to_string(),
        class: report.document.facts.class,
        genre: report.document.facts.genre.map(|g| g.as_str().to_string()),
        diagnostics,
        summary,
    })
}

#[tool_router]
impl Gwlint {
    /// Lint a text.
    #[tool(
        name = "lintText",
        description = "按党政机关公文的规范（《党政机关公文处理工作条例》、GB/T 9704、GB/T 15834、GB/T 15835、错别字与规范用语）检查一段文稿，返回问题列表（规则代码、级别、说明、位置、修复建议）。"
    )]
    pub fn lint_text(&self, Parameters(p): Parameters<LintTextParams>) -> Result<Json<LintResult>, String> {
        let name = p.filename.unwrap_or_else(|| "草稿.txt".into());
        lint_result(&name, self.workspace.lint_bytes(&name, p.text.as_bytes())).map(Json)
    }

    /// Lint a file.
    #[tool(name = "lintFile", description = "检查一个文件（.txt、.md、.docx）是否符合公文规范，返回问题列表。")]
    pub fn lint_file(&self, Parameters(p): Parameters<FileParams>) -> Result<Json<LintResult>, String> {
        let path = self.path(&p.path);
        lint_result(&p.path, self.workspace.lint_path(&path)).map(Json)
    }

    /// A text with its safe fixes applied.
    #[tool(
        name = "getLintFixedTextContent",
        description = "返回应用了全部安全修复（如半角标点改全角）后的文稿全文，以及仍需人工处理的问题。"
    )]
    pub fn fixed_text(&self, Parameters(p): Parameters<LintTextParams>) -> Result<Json<FixResult>, String> {
        let name = p.filename.unwrap_or_else(|| "草稿.txt".into());
        self.fix(&name, &name, p.text.as_bytes()).map(Json)
    }

    /// A file's content with its safe fixes applied (the file is not written).
    #[tool(
        name = "getLintFixedFileContent",
        description = "返回一个 .txt 或 .md 文件应用全部安全修复后的全文（不改写文件），以及仍需人工处理的问题。.docx 请用 gwlint annotate --fix-as-revisions。"
    )]
    pub fn fixed_file(&self, Parameters(p): Parameters<FileParams>) -> Result<Json<FixResult>, String> {
        let (path, bytes) = self.read(&p.path)?;
        self.fix(&path.display().to_string(), &p.path, &bytes).map(Json)
    }

    /// Explain a rule.
    #[tool(name = "explainRule", description = "说明一条规则：检查什么、为什么、示例与依据。")]
    pub fn explain_rule(&self, Parameters(p): Parameters<ExplainParams>) -> Result<Json<Explanation>, String> {
        let rule = self
            .workspace
            .registry()
            .find(p.rule.trim())
            .ok_or_else(|| format!("没有规则“{}”（可用 listRules 查看全部规则）", p.rule))?;
        let meta = rule.meta();
        Ok(Json(Explanation { rule: self.info(meta), explanation: meta.explanation() }))
    }

    /// The enabled rules.
    #[tool(name = "listRules", description = "列出当前配置启用的全部规则（代码、名称、类别、默认级别、摘要、依据）。")]
    pub fn list_rules(&self) -> Json<RuleList> {
        let enabled = self.workspace.linter().enabled_codes();
        let rules = self
            .workspace
            .registry()
            .metas()
            .filter(|m| enabled.contains(&m.code.as_ref()))
            .map(|m| self.info(m))
            .collect();
        Json(RuleList { rules })
    }
}

#[tool_handler(router = self.tool_router)]
impl ServerHandler for Gwlint {
    fn get_info(&self) -> ServerConfig {
        ServerConfig::new(ServerCapabilities::builder().enable_tools().build())
            .with_server_info(Implementation::new("gwlint", env!("CARGO_PKG_VERSION")).with_title("gwlint 公文检查"))
            .with_instructions(
                "gwlint 检查党政机关公文草稿。起草或修改公文后，用 lintText 检查全文（Markdown 请给 filename 以 .md 结尾），\
                 用 getLintFixedTextContent 取得应用安全修复后的全文，其余问题按 message 与 help 修改；\
                 不明白某条规则时用 explainRule。",
            )
    }
}
