//! The workspace layer every front end shares (the CLI today; the editor server and the Python
//! package next): find and load `gwlint.toml` (with `extend`), load the packs it names relative
//! to itself, build the configured `Linter`, apply per-file ignores and profiles, read files
//! safely, and resolve findings to file coordinates. Baselines live here too.
//!
//! ```no_run
//! use gwlint_workspace::{Overrides, Workspace};
//! let ws = Workspace::discover(std::path::Path::new("."), &Overrides::default()).unwrap();
//! let report = ws.lint_path(std::path::Path::new("草稿.txt")).unwrap();
//! for d in report.resolved() {
//!     println!("{}:{}:{} {} {}", d.path, d.range.start.line, d.range.start.column, d.code, d.message);
//! }
//! ```

pub mod baseline;
mod error;
mod per_file;

use std::path::{Path, PathBuf};

use gwlint_core::config::{Config, Profile};
use gwlint_core::document::encoding_for_label;
use gwlint_core::fix::FixedDocument;
use gwlint_core::resolved::ResolvedDiagnostic;
use gwlint_core::{
    Applicability, Diagnostic, Document, Linter, ParseOptions, ReadError, Registry, Selection, Severity,
};

pub use error::{LintError, WorkspaceError};
pub use per_file::PerFileIgnores;

/// How many times fixing re-reads a document and fixes what is left (as `check --fix`).
pub const FIX_PASSES: usize = 8;

/// The configuration file's name.
pub const CONFIG_NAME: &str = "gwlint.toml";

/// Where the configuration comes from.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub enum ConfigSource {
    /// Search the start directory and its parents for gwlint.toml (default).
    #[default]
    Discover,
    /// This file.
    File(PathBuf),
    /// No configuration: built-in defaults.
    None,
}

/// Settings given by the caller (command-line flags, editor settings) that refine the
/// configuration file.
#[derive(Clone, Debug, Default)]
pub struct Overrides {
    pub config: ConfigSource,
    /// Replaces `[lint] select`.
    pub select: Option<Vec<String>>,
    pub extend_select: Vec<String>,
    pub ignore: Vec<String>,
    /// `formal`, `draft` or `template`.
    pub profile: Option<String>,
    pub fail_on: Option<Severity>,
    /// Force a text encoding (`gbk`, `utf-8` …) instead of detecting it.
    pub encoding: Option<String>,
    /// Largest file accepted, in bytes.
    pub max_file_size: Option<usize>,
}

/// A loaded configuration, ready to lint files.
pub struct Workspace {
    config: Config,
    /// The directory the configuration's relative paths start from.
    root: PathBuf,
    config_path: Option<PathBuf>,
    linter: Linter,
    per_file: PerFileIgnores,
    parse: ParseOptions,
    fail_on: Severity,
}

/// One linted document and its findings.
pub struct FileReport {
    /// The path as given (or the stdin name).
    pub path: String,
    pub document: Document,
    pub diagnostics: Vec<Diagnostic>,
    /// Rules ignored for this file by per-file ignores.
    pub ignored: Vec<String>,
    /// Fingerprint of the bytes read, to detect a change before a fix is written back.
    pub fingerprint: u64,
}

impl FileReport {
    /// The findings in file coordinates (what JSON, SARIF and editors report).
    pub fn resolved(&self) -> Vec<ResolvedDiagnostic> {
        self.diagnostics.iter().map(|d| ResolvedDiagnostic::new(&self.path, &self.document, d)).collect()
    }
}

/// Search `start` and its parents for gwlint.toml.
pub fn find_config(start: &Path) -> Option<PathBuf> {
    start.ancestors().map(|d| d.join(CONFIG_NAME)).find(|p| p.is_file())
}

impl Workspace {
    /// Find the configuration for `start` (a directory: the project or the current directory),
    /// load it with the files it extends and the packs it names, and apply `overrides`.
    pub fn discover(start: &Path, overrides: &Overrides) -> Result<Workspace, WorkspaceError> {
        let path = match &overrides.config {
            ConfigSource::None => None,
            ConfigSource::File(p) if !p.is_file() => return Err(WorkspaceError::ConfigNotFound(p.clone())),
            ConfigSource::File(p) => Some(p.clone()),
            ConfigSource::Discover => find_config(start),
        };
        let (config, root) = match &path {
            None => (Config::default(), start.to_path_buf()),
            Some(p) => {
                let read = |p: &Path| std::fs::read_to_string(p).map_err(|e| format!("无法读取配置文件：{e}"));
                let config = gwlint_core::config::load_with_extends(p, &read)?;
                (config, p.parent().map_or_else(|| start.to_path_buf(), Path::to_path_buf))
            }
        };
        Workspace::from_config(config, root, path, overrides)
    }

    /// A workspace from a configuration already in memory (`root`: where its relative paths
    /// start).
    pub fn from_config(
        config: Config,
        root: PathBuf,
        config_path: Option<PathBuf>,
        overrides: &Overrides,
    ) -> Result<Workspace, WorkspaceError> {
        let registry = registry(&config, &root)?;
        let mut sel = Selection::from(&config);
        if let Some(s) = &overrides.select {
            sel.select = Some(s.clone());
        }
        sel.extend_select.extend(overrides.extend_select.iter().cloned());
        sel.ignore.extend(overrides.ignore.iter().cloned());
        if let Some(p) = &overrides.profile {
            sel.profile = Some(Profile::parse(p).ok_or_else(|| WorkspaceError::UnknownProfile(p.clone()))?);
        }
        let linter = Linter::new(registry, &sel)
            .map_err(|source| WorkspaceError::Selection { config: config_path.clone(), source })?;
        let per_file = PerFileIgnores::new(&root, &config.lint.per_file_ignores)?;
        let encoding = match &overrides.encoding {
            Some(label) => {
                Some(encoding_for_label(label).ok_or_else(|| WorkspaceError::UnknownEncoding(label.clone()))?)
            }
            None => None,
        };
        let parse = ParseOptions {
            encoding,
            max_bytes: overrides.max_file_size.unwrap_or(gwlint_core::document::DEFAULT_MAX_BYTES),
            docx_layout: true,
        };
        let fail_on = overrides.fail_on.or(config.lint.fail_on).unwrap_or(Severity::Warning);
        Ok(Workspace { config, root, config_path, linter, per_file, parse, fail_on })
    }

    pub fn config(&self) -> &Config {
        &self.config
    }

    /// The directory the configuration's relative paths (packs, per-file ignores, excludes)
    /// start from.
    pub fn root(&self) -> &Path {
        &self.root
    }

    /// The configuration file, if one was read.
    pub fn config_path(&self) -> Option<&Path> {
        self.config_path.as_deref()
    }

    pub fn linter(&self) -> &Linter {
        &self.linter
    }

    pub fn registry(&self) -> &Registry {
        self.linter.registry()
    }

    pub fn parse_options(&self) -> &ParseOptions {
        &self.parse
    }

    /// The lowest severity that fails a run.
    pub fn fail_on(&self) -> Severity {
        self.fail_on
    }

    /// Glob patterns of files to skip when walking directories.
    pub fn excludes(&self) -> &[String] {
        &self.config.files.exclude
    }

    /// The rules per-file ignores turn off for `path` (as given, relative to the current
    /// directory or absolute).
    pub fn ignored_for(&self, path: &Path) -> Vec<String> {
        self.per_file.for_path(path)
    }

    /// Read a file's bytes. Directories and files over the size limit are refused before a byte
    /// is read; the kind must be one gwlint reads.
    pub fn read_bytes_of(&self, path: &Path) -> Result<Vec<u8>, LintError> {
        Document::kind_for_path(&path.display().to_string()).map_err(LintError::Read)?;
        let meta = std::fs::metadata(path).map_err(|e| LintError::Io(e.to_string()))?;
        if meta.is_dir() {
            return Err(LintError::Directory);
        }
        if !meta.is_file() {
            // A FIFO blocks, a device never ends: only regular files are read.
            return Err(LintError::NotAFile);
        }
        if meta.len() > self.parse.max_bytes as u64 {
            return Err(LintError::Read(ReadError::TooLarge {
                size: meta.len() as usize,
                limit: self.parse.max_bytes,
            }));
        }
        // Read at most one byte over the limit, in case the file grew since its size was taken.
        let mut bytes = Vec::with_capacity(meta.len() as usize);
        std::fs::File::open(path)
            .and_then(|f| {
                std::io::Read::read_to_end(&mut std::io::Read::take(f, self.parse.max_bytes as u64 + 1), &mut bytes)
            })
            .map_err(|e| LintError::Io(e.to_string()))?;
        Ok(bytes)
    }

    /// Parse bytes into a document (the name's extension picks the reader).
    pub fn parse(&self, name: &str, bytes: &[u8]) -> Result<Document, LintError> {
        Document::parse(name, bytes, &self.parse).map_err(LintError::Read)
    }

    /// Read and lint a file.
    pub fn lint_path(&self, path: &Path) -> Result<FileReport, LintError> {
        let bytes = self.read_bytes_of(path)?;
        self.lint_bytes_ignoring(&path.display().to_string(), &bytes, self.ignored_for(path))
    }

    /// Lint a file's bytes under a name (the extension picks the reader; per-file ignores match
    /// the name).
    pub fn lint_bytes(&self, name: &str, bytes: &[u8]) -> Result<FileReport, LintError> {
        self.lint_bytes_ignoring(name, bytes, self.ignored_for(Path::new(name)))
    }

    /// Apply every fix at or above `min` to a text file's bytes until none applies, as
    /// `check --fix` does (the name's extension picks the reader; per-file ignores match it). A
    /// .docx is never rewritten: it is refused here, and `annotate` offers its fixes as
    /// revisions instead.
    pub fn fix_bytes(&self, name: &str, bytes: &[u8], min: Applicability) -> Result<FixedDocument, LintError> {
        let document = self.parse(name, bytes)?;
        if document.kind == gwlint_core::SourceKind::Docx {
            return Err(LintError::DocxNotRewritten);
        }
        gwlint_core::fix::fix_document_ignoring(
            &document,
            &self.linter,
            &self.ignored_for(Path::new(name)),
            min,
            FIX_PASSES,
        )
        .map_err(LintError::FixUnreadable)
    }

    fn lint_bytes_ignoring(&self, name: &str, bytes: &[u8], ignored: Vec<String>) -> Result<FileReport, LintError> {
        let mut document = self.parse(name, bytes)?;
        let diagnostics = self.linter.check_ignoring(&document, &ignored);
        document.drop_caches();
        Ok(FileReport {
            path: name.to_string(),
            document,
            diagnostics,
            ignored,
            fingerprint: gwlint_core::fingerprint::of_bytes(bytes),
        })
    }
}

/// The built-in rules and packs, and the configuration's extra packs (relative to `root`).
fn registry(config: &Config, root: &Path) -> Result<Registry, WorkspaceError> {
    let mut reg = Registry::builtin();
    for pack in &config.lint.packs {
        let p = root.join(pack);
        let text = std::fs::read_to_string(&p)
            .map_err(|e| WorkspaceError::Pack { path: p.clone(), message: e.to_string() })?;
        reg.add_pack(&p.display().to_string(), &text).map_err(WorkspaceError::Registry)?;
    }
    Ok(reg)
}

/// The registry a configuration gives (`gwlint rules`, `gwlint explain`).
pub fn registry_for(start: &Path, source: &ConfigSource) -> Result<Registry, WorkspaceError> {
    let overrides = Overrides { config: source.clone(), ..Overrides::default() };
    Ok(Workspace::discover(start, &overrides)?.linter.into_registry())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn discovers_config_packs_and_per_file_ignores() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        std::fs::create_dir_all(root.join("sub/模板")).unwrap();
        std::fs::write(
            root.join("base.toml"),
            "[lint]\nignore = [\"GW312\"]\nper-file-ignores = { \"sub/模板/**\" = [\"GW605\"] }\n",
        )
        .unwrap();
        std::fs::write(root.join(CONFIG_NAME), "extend = \"base.toml\"\n[lint]\npacks = [\"extra.toml\"]\n").unwrap();
        std::fs::write(
            root.join("extra.toml"),
            "[rule]\ncode = \"GW690\"\nname = \"house-style\"\ncategory = \"wording\"\nseverity = \"warning\"\nmessage = \"本单位用语：“{wrong}”应为“{right}”\"\nfix = \"unsafe\"\nsummary = \"本单位规范用语\"\ndocs = \"本单位用语\"\n\n[[entries]]\nwrong = \"某某词\"\nright = \"规范词\"\n",
        )
        .unwrap();
        let ws = Workspace::discover(&root.join("sub"), &Overrides::default()).unwrap();
        assert_eq!(ws.config_path(), Some(root.join(CONFIG_NAME).as_path()));
        assert!(ws.linter().enabled_codes().contains(&"GW690"));
        assert!(!ws.linter().enabled_codes().contains(&"GW312"));
        let text = "关于开展检查的通知\n\n各单位：\n　　某某词，共组织活动XX场。\n";
        std::fs::write(root.join("sub/模板/a.txt"), text).unwrap();
        let report = ws.lint_path(&root.join("sub/模板/a.txt")).unwrap();
        let codes: Vec<&str> = report.diagnostics.iter().map(|d| d.code.as_ref()).collect();
        assert_eq!(codes, vec!["GW690"]);
        assert_eq!(report.ignored, vec!["GW605"]);
        let report = ws.lint_bytes("b.txt", text.as_bytes()).unwrap();
        let codes: Vec<&str> = report.diagnostics.iter().map(|d| d.code.as_ref()).collect();
        assert_eq!(codes, vec!["GW690", "GW605"]);
        assert_eq!(report.resolved()[0].range.start.line, 4);
    }

    #[test]
    fn errors_are_typed_and_name_the_problem() {
        let dir = tempfile::tempdir().unwrap();
        let missing = dir.path().join("nope.toml");
        let e =
            Workspace::discover(dir.path(), &Overrides { config: ConfigSource::File(missing), ..Default::default() });
        assert!(matches!(e, Err(WorkspaceError::ConfigNotFound(_))));
        let o = Overrides { config: ConfigSource::None, select: Some(vec!["GW999".into()]), ..Default::default() };
        let e = Workspace::discover(dir.path(), &o).err().unwrap();
        assert!(matches!(e, WorkspaceError::Selection { .. }));
        assert!(e.to_string().contains("GW999"));
        let o = Overrides { config: ConfigSource::None, profile: Some("final".into()), ..Default::default() };
        assert!(matches!(Workspace::discover(dir.path(), &o), Err(WorkspaceError::UnknownProfile(_))));
        let ws =
            Workspace::discover(dir.path(), &Overrides { config: ConfigSource::None, ..Default::default() }).unwrap();
        assert!(matches!(ws.lint_path(dir.path()), Err(LintError::Read(_)) | Err(LintError::Directory)));
        assert!(matches!(ws.lint_bytes("a.txt", b""), Err(LintError::Read(ReadError::Empty))));
        assert!(matches!(ws.lint_bytes("a.doc", b"x"), Err(LintError::Read(ReadError::Legacy(_)))));
    }
}
