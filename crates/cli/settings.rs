//! The command line as workspace overrides: gwlint-workspace finds and loads gwlint.toml, its
//! packs and per-file ignores; the flags refine it.

use std::path::PathBuf;

use gwlint_core::Registry;
use gwlint_workspace::{ConfigSource, Overrides, Workspace};

use crate::args::{AnnotateArgs, CheckArgs, ConfigArgs, FailOn, InputArgs};

pub use gwlint_workspace::CONFIG_NAME;

fn source(args: &ConfigArgs) -> ConfigSource {
    if args.no_config {
        ConfigSource::None
    } else if let Some(p) = &args.config {
        ConfigSource::File(p.clone())
    } else {
        ConfigSource::Discover
    }
}

fn cwd() -> Result<PathBuf, String> {
    std::env::current_dir().map_err(|e| format!("无法确定当前目录：{e}"))
}

/// The workspace for `gwlint check`: configuration found from the current directory, then the
/// command line on top.
pub fn workspace(args: &CheckArgs) -> Result<Workspace, String> {
    let overrides = Overrides {
        config: source(&args.config),
        select: args.select.clone(),
        extend_select: args.extend_select.clone(),
        ignore: args.ignore.clone(),
        profile: args.profile.clone(),
        fail_on: args.fail_on.map(|f| match f {
            FailOn::Error => gwlint_core::Severity::Error,
            FailOn::Warning => gwlint_core::Severity::Warning,
            FailOn::Info => gwlint_core::Severity::Info,
        }),
        encoding: args.input.encoding.clone(),
        max_file_size: Some(args.input.max_file_size),
    };
    Workspace::discover(&cwd()?, &overrides).map_err(|e| e.to_string())
}

/// The workspace for `gwlint annotate`: configuration as for `check`, then the command line.
pub fn annotate_workspace(args: &AnnotateArgs) -> Result<Workspace, String> {
    let overrides = Overrides {
        config: source(&args.config),
        select: args.select.clone(),
        ignore: args.ignore.clone(),
        profile: args.profile.clone(),
        max_file_size: Some(args.max_file_size),
        ..Overrides::default()
    };
    Workspace::discover(&cwd()?, &overrides).map_err(|e| e.to_string())
}

/// A workspace without configuration, for reading one file (`gwlint inspect`).
pub fn reader(input: &InputArgs) -> Result<Workspace, String> {
    let overrides = Overrides {
        config: ConfigSource::None,
        encoding: input.encoding.clone(),
        max_file_size: Some(input.max_file_size),
        ..Overrides::default()
    };
    Workspace::discover(&cwd()?, &overrides).map_err(|e| e.to_string())
}

/// The registry with the configuration's extra packs (`gwlint rules`, `gwlint explain`).
pub fn registry(args: &ConfigArgs) -> Result<Registry, String> {
    gwlint_workspace::registry_for(&cwd()?, &source(args)).map_err(|e| e.to_string())
}
