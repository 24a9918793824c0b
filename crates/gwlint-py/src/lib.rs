//! The `gwlint` Python package's native module (`gwlint._gwlint`), built by maturin as an abi3
//! wheel for Python 3.9+. A `Linter` is configured once (a gwlint.toml, a dict, or discovery) and
//! reused; checks run with the GIL released, so threads check documents in parallel. Results are
//! the JSON contract's diagnostics (docs/json-output.md, version 2) as dicts.

use std::path::{Path, PathBuf};

use gwlint_core::annotate::{annotate_docx, AnnotateOptions};
use gwlint_core::config::Config;
use gwlint_core::Applicability;
use gwlint_workspace::{ConfigSource, FileReport, LintError, Overrides, Workspace, WorkspaceError};
use pyo3::create_exception;
use pyo3::exceptions::PyException;
use pyo3::prelude::*;
use pyo3::types::{PyBytes, PyDict};

create_exception!(gwlint, GwlintError, PyException, "gwlint 的所有错误的基类。");
create_exception!(gwlint, ConfigError, GwlintError, "配置有误：gwlint.toml、配置字典、规则选择或 profile。");
create_exception!(
    gwlint,
    ReadError,
    GwlintError,
    "文档无法读取：无法解码的字节、损坏的 .docx、过大的文件、不支持的类型。"
);
create_exception!(gwlint, UnknownRuleError, GwlintError, "没有这个规则代码或名称。");

fn config_error(e: WorkspaceError) -> PyErr {
    ConfigError::new_err(e.to_string())
}

fn read_error(name: &str, e: LintError) -> PyErr {
    ReadError::new_err(format!("{name}：{e}"))
}

/// Parse a JSON text into Python objects (dicts, lists, str, int, bool, None).
fn from_json(py: Python<'_>, json: String) -> PyResult<Py<PyAny>> {
    Ok(py.import("json")?.call_method1("loads", (json,))?.unbind())
}

fn to_json(value: &impl serde::Serialize) -> PyResult<String> {
    serde_json::to_string(value).map_err(|e| GwlintError::new_err(e.to_string()))
}

/// A text (str, encoded as UTF-8) or the bytes of a file as stored (any encoding gwlint reads,
/// or a .docx).
fn source_bytes(source: &Bound<'_, PyAny>) -> PyResult<Vec<u8>> {
    if let Ok(text) = source.extract::<String>() {
        return Ok(text.into_bytes());
    }
    if let Ok(bytes) = source.cast::<PyBytes>() {
        return Ok(bytes.as_bytes().to_vec());
    }
    source
        .extract::<Vec<u8>>()
        .map_err(|_| pyo3::exceptions::PyTypeError::new_err("source 应为 str（文本）或 bytes（文件内容）"))
}

/// A configured linter. Build it once and reuse it: building loads the rules and the dictionaries.
#[pyclass(frozen, module = "gwlint")]
struct Linter {
    workspace: Workspace,
}

impl Linter {
    /// Run a check with the GIL released; an empty or blank text has nothing to report.
    fn report(
        py: Python<'_>,
        name: &str,
        check: impl FnOnce() -> Result<FileReport, LintError> + Send,
    ) -> PyResult<Option<FileReport>> {
        match py.detach(check) {
            Ok(report) => Ok(Some(report)),
            Err(e) if e.is_nothing_to_check() => Ok(None),
            Err(e) => Err(read_error(name, e)),
        }
    }

    fn findings(py: Python<'_>, report: Option<FileReport>) -> PyResult<Py<PyAny>> {
        let resolved = report.map(|r| r.resolved()).unwrap_or_default();
        from_json(py, to_json(&resolved)?)
    }
}

#[pymethods]
impl Linter {
    #[new]
    #[pyo3(signature = (config=None, *, root=None, select=None, extend_select=None, ignore=None, profile=None))]
    fn new(
        py: Python<'_>,
        config: Option<&Bound<'_, PyAny>>,
        root: Option<PathBuf>,
        select: Option<Vec<String>>,
        extend_select: Option<Vec<String>>,
        ignore: Option<Vec<String>>,
        profile: Option<String>,
    ) -> PyResult<Linter> {
        let root = match root {
            Some(r) => r,
            None => std::env::current_dir().map_err(|e| ConfigError::new_err(format!("无法读取当前目录：{e}")))?,
        };
        let mut overrides = Overrides {
            select,
            extend_select: extend_select.unwrap_or_default(),
            ignore: ignore.unwrap_or_default(),
            profile,
            ..Overrides::default()
        };
        let workspace = match config {
            None => Workspace::discover(&root, &overrides).map_err(config_error)?,
            Some(c) if c.is_instance_of::<PyDict>() => {
                let json: String = py.import("json")?.call_method1("dumps", (c,))?.extract()?;
                let config = config_from_json(&json)?;
                Workspace::from_config(config, root, None, &overrides).map_err(config_error)?
            }
            Some(c) => {
                let path: PathBuf = c.extract().map_err(|_| {
                    pyo3::exceptions::PyTypeError::new_err("config 应为 gwlint.toml 的路径、配置字典或 None")
                })?;
                overrides.config = ConfigSource::File(path);
                Workspace::discover(&root, &overrides).map_err(config_error)?
            }
        };
        Ok(Linter { workspace })
    }

    /// The configuration file in use (None: a dict or built-in defaults).
    #[getter]
    fn config_path(&self) -> Option<PathBuf> {
        self.workspace.config_path().map(Path::to_path_buf)
    }

    /// Check a text (str) or a file's bytes; `filename`'s extension picks the reader (.txt, .md,
    /// .docx) and per-file ignores match it. Returns the findings as dicts.
    #[pyo3(signature = (source, filename="草稿.txt"))]
    fn check(&self, py: Python<'_>, source: &Bound<'_, PyAny>, filename: &str) -> PyResult<Py<PyAny>> {
        let bytes = source_bytes(source)?;
        let report = Linter::report(py, filename, || self.workspace.lint_bytes(filename, &bytes))?;
        Linter::findings(py, report)
    }

    /// Read and check a file.
    fn check_file(&self, py: Python<'_>, path: PathBuf) -> PyResult<Py<PyAny>> {
        let name = path.display().to_string();
        let report = Linter::report(py, &name, || self.workspace.lint_path(&path))?;
        Linter::findings(py, report)
    }

    /// The text with every safe fix applied (with `unsafe_fixes`, the unsafe ones too), as
    /// `gwlint check --fix` writes it. A .docx is refused: use `annotate_docx`.
    #[pyo3(signature = (source, filename="草稿.txt", unsafe_fixes=false))]
    fn fix(&self, py: Python<'_>, source: &Bound<'_, PyAny>, filename: &str, unsafe_fixes: bool) -> PyResult<String> {
        let bytes = source_bytes(source)?;
        let min = if unsafe_fixes { Applicability::Unsafe } else { Applicability::Safe };
        match py.detach(|| self.workspace.fix_bytes(filename, &bytes, min)) {
            Ok(fixed) => Ok(fixed.source),
            Err(e) if e.is_nothing_to_check() => Ok(String::from_utf8_lossy(&bytes).into_owned()),
            Err(e) => Err(read_error(filename, e)),
        }
    }

    /// A copy of a .docx with a Word comment on each finding (and, with `fix_as_revisions`, the
    /// safe fixes as tracked changes), as `gwlint annotate` writes it.
    #[pyo3(signature = (data, fix_as_revisions=false, filename="草稿.docx"))]
    fn annotate_docx<'py>(
        &self,
        py: Python<'py>,
        data: &[u8],
        fix_as_revisions: bool,
        filename: &str,
    ) -> PyResult<Bound<'py, PyBytes>> {
        if !filename.to_lowercase().ends_with(".docx") {
            return Err(ReadError::new_err(format!("{filename}：批注只能写进 .docx")));
        }
        let annotated = py.detach(|| {
            let report = self.workspace.lint_bytes(filename, data).map_err(|e| format!("{filename}：{e}"))?;
            annotate_docx(data, &report.document, &report.diagnostics, AnnotateOptions { fix_as_revisions })
                .map_err(|e| format!("{filename}：{e}"))
        });
        annotated.map(|a| PyBytes::new(py, &a.bytes)).map_err(ReadError::new_err)
    }

    /// Every rule of this configuration, with whether it is enabled.
    fn rules(&self, py: Python<'_>) -> PyResult<Py<PyAny>> {
        let enabled = self.workspace.linter().enabled_codes();
        let rows: Vec<serde_json::Value> = self
            .workspace
            .registry()
            .metas()
            .map(|m| {
                let mut row = serde_json::to_value(m.row()).unwrap_or_default();
                row["enabled"] = enabled.contains(&m.code.as_ref()).into();
                row
            })
            .collect();
        from_json(py, to_json(&rows)?)
    }

    /// A rule's explanation (Markdown), as `gwlint explain` prints it.
    fn explain(&self, code: &str) -> PyResult<String> {
        self.workspace
            .registry()
            .find(code.trim())
            .map(|r| r.meta().explanation())
            .ok_or_else(|| UnknownRuleError::new_err(format!("没有规则“{code}”")))
    }

    fn __repr__(&self) -> String {
        match self.workspace.config_path() {
            Some(p) => format!("gwlint.Linter(config={:?})", p.display().to_string()),
            None => "gwlint.Linter()".to_string(),
        }
    }
}

/// A configuration given as a dict (the keys of gwlint.toml), checked as gwlint.toml is.
fn config_from_json(json: &str) -> PyResult<Config> {
    let value: serde_json::Value = serde_json::from_str(json).map_err(|e| ConfigError::new_err(e.to_string()))?;
    let text = toml::to_string(&value).map_err(|e| ConfigError::new_err(format!("配置字典无法写成 TOML：{e}")))?;
    // The TOML text is made here: its line numbers mean nothing to the caller.
    Config::from_toml("<配置字典>", &text).map_err(|e| ConfigError::new_err(format!("配置字典：{}", e.message)))
}

#[pymodule]
fn _gwlint(m: &Bound<'_, PyModule>) -> PyResult<()> {
    let py = m.py();
    m.add_class::<Linter>()?;
    m.add("GwlintError", py.get_type::<GwlintError>())?;
    m.add("ConfigError", py.get_type::<ConfigError>())?;
    m.add("ReadError", py.get_type::<ReadError>())?;
    m.add("UnknownRuleError", py.get_type::<UnknownRuleError>())?;
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    Ok(())
}
