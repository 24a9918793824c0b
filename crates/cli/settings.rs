//! Finding and loading gwlint.toml, and turning it plus the command line into a `Linter`.

use std::path::{Path, PathBuf};

use gwlint_core::config::Config;
use gwlint_core::{Linter, Registry, Selection, Severity};

use crate::args::{CheckArgs, ConfigArgs, FailOn};

pub const CONFIG_NAME: &str = "gwlint.toml";

/// A loaded configuration and where it came from.
pub struct Loaded {
    pub config: Config,
    /// The directory the configuration's relative paths start from.
    pub root: PathBuf,
    pub path: Option<PathBuf>,
}

/// Search `start` and its parents for gwlint.toml.
pub fn find_config(start: &Path) -> Option<PathBuf> {
    start.ancestors().map(|d| d.join(CONFIG_NAME)).find(|p| p.is_file())
}

pub fn load(args: &ConfigArgs) -> Result<Loaded, String> {
    let cwd = std::env::current_dir().map_err(|e| format!("无法确定当前目录：{e}"))?;
    let path = if args.no_config {
        None
    } else if let Some(p) = &args.config {
        if !p.is_file() {
            return Err(format!("{}：配置文件不存在", p.display()));
        }
        Some(p.clone())
    } else {
        find_config(&cwd)
    };
    let Some(path) = path else {
        return Ok(Loaded { config: Config::default(), root: cwd, path: None });
    };
    let read = |p: &Path| std::fs::read_to_string(p).map_err(|e| format!("无法读取配置文件：{e}"));
    let config = gwlint_core::config::load_with_extends(&path, &read).map_err(|e| e.to_string())?;
    let root = path.parent().map(Path::to_path_buf).unwrap_or(cwd);
    Ok(Loaded { config, root, path: Some(path) })
}

/// The registry with the configuration's extra packs.
pub fn registry(loaded: &Loaded) -> Result<Registry, String> {
    let mut reg = Registry::builtin();
    for pack in &loaded.config.lint.packs {
        let p = loaded.root.join(pack);
        let text = std::fs::read_to_string(&p).map_err(|e| format!("{}：无法读取规则包：{e}", p.display()))?;
        reg.add_pack(&p.display().to_string(), &text).map_err(|e| e.to_string())?;
    }
    Ok(reg)
}

/// Build the linter for `gwlint check`: the command line refines the configuration.
pub fn linter(loaded: &Loaded, args: &CheckArgs) -> Result<Linter, String> {
    let mut sel = Selection::from(&loaded.config);
    if let Some(s) = &args.select {
        sel.select = Some(s.clone());
    }
    sel.extend_select.extend(args.extend_select.iter().cloned());
    sel.ignore.extend(args.ignore.iter().cloned());
    if let Some(p) = &args.profile {
        sel.profile =
            Some(gwlint_core::config::Profile::parse(p.as_str()).ok_or_else(|| format!("未知的 profile“{p}”"))?);
    }
    let where_ = loaded.path.as_ref().map(|p| format!("{}：", p.display())).unwrap_or_default();
    Linter::new(registry(loaded)?, &sel).map_err(|e| format!("{where_}{e}"))
}

/// The lowest severity that fails the run.
pub fn fail_on(loaded: &Loaded, args: &CheckArgs) -> Severity {
    match args.fail_on {
        Some(FailOn::Error) => Severity::Error,
        Some(FailOn::Warning) => Severity::Warning,
        Some(FailOn::Info) => Severity::Info,
        None => loaded.config.lint.fail_on.unwrap_or(Severity::Warning),
    }
}
