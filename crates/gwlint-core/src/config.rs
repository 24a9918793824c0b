//! `gwlint.toml`: which rules run, at which severity, with which options and extra packs.
//! Every table rejects unknown keys, and errors point at the line.

use serde::Deserialize;
use std::collections::BTreeMap;

use crate::diagnostic::Severity;

/// The whole configuration file.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Config {
    #[serde(default)]
    pub lint: LintConfig,
    #[serde(default)]
    pub files: FilesConfig,
}

/// `[lint]`
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct LintConfig {
    /// Rules to enable: codes, prefixes ("GW4") or names. Default: all.
    pub select: Option<Vec<String>>,
    /// Added to `select` (or to the default).
    #[serde(default)]
    pub extend_select: Vec<String>,
    #[serde(default)]
    pub ignore: Vec<String>,
    /// Lowest severity that makes the exit code 1.
    pub fail_on: Option<Severity>,
    /// Extra rule packs, relative to the configuration file.
    #[serde(default)]
    pub packs: Vec<String>,
    /// Severity per rule code or name.
    #[serde(default)]
    pub severity: BTreeMap<String, Severity>,
    /// Options per rule code or name.
    #[serde(default)]
    pub options: BTreeMap<String, toml::Table>,
}

/// `[files]`
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct FilesConfig {
    /// Glob patterns of files and directories to skip when walking directories.
    #[serde(default)]
    pub exclude: Vec<String>,
}

/// A configuration file that could not be read.
#[derive(Debug, Clone, thiserror::Error)]
#[error("{path}{}：{message}", line.map(|l| format!(" 第{l}行")).unwrap_or_default())]
pub struct ConfigError {
    pub path: String,
    pub line: Option<usize>,
    pub message: String,
}

impl Config {
    pub fn from_toml(path: &str, text: &str) -> Result<Config, ConfigError> {
        toml::from_str(text).map_err(|e| ConfigError {
            path: path.to_string(),
            line: e
                .span()
                .map(|s| text[..s.start.min(text.len())].matches('\n').count() + 1),
            message: translate(e.message().trim()),
        })
    }
}

fn translate(msg: &str) -> String {
    if let Some(rest) = msg.strip_prefix("unknown field ") {
        format!("未知的配置项 {rest}")
    } else if let Some(rest) = msg.strip_prefix("unknown variant ") {
        format!("无效的取值 {rest}")
    } else {
        msg.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_a_full_config() {
        let c = Config::from_toml(
            "gwlint.toml",
            "[lint]\nselect = [\"GW\"]\nignore = [\"GW601\"]\nfail-on = \"warning\"\n[lint.severity]\nGW401 = \"warning\"\n[lint.options.GW101]\nx = 1\n[files]\nexclude = [\"old/**\"]\n",
        )
        .unwrap();
        assert_eq!(c.lint.ignore, vec!["GW601"]);
        assert_eq!(c.lint.fail_on, Some(Severity::Warning));
        assert_eq!(c.lint.severity["GW401"], Severity::Warning);
        assert_eq!(c.files.exclude, vec!["old/**"]);
    }

    #[test]
    fn unknown_keys_point_at_the_line() {
        let e = Config::from_toml(
            "gwlint.toml",
            "[lint]\nselect = [\"GW\"]\nignor = [\"GW601\"]\n",
        )
        .unwrap_err();
        assert_eq!(e.line, Some(3));
        assert!(e.message.contains("ignor"), "{e}");
        let e = Config::from_toml("gwlint.toml", "[lint]\nfail-on = \"fatal\"\n").unwrap_err();
        assert_eq!(e.line, Some(2));
    }
}
