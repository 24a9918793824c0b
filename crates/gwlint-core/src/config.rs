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
    /// Who the drafting organ is and who stands above, below and beside it.
    pub organization: Option<OrgProfile>,
}

/// `[organization]`: the drafting organ's place in the hierarchy. Routing rules that need to
/// know who is a superior (请示 to a non-superior, 越级行文, 通知 to a superior) only run when
/// this is set.
#[derive(Debug, Clone, Default, Deserialize, PartialEq, Eq)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct OrgProfile {
    /// The organ's own full name (and short names).
    #[serde(default)]
    pub name: Vec<String>,
    /// Direct superiors (the organs a 请示 or 报告 goes to).
    #[serde(default)]
    pub superiors: Vec<String>,
    /// Organs above the direct superiors (writing to them skips a level).
    #[serde(default)]
    pub higher: Vec<String>,
    /// Subordinate organs.
    #[serde(default)]
    pub subordinates: Vec<String>,
    /// Organs of the same level, or not in the same line (函 goes to them).
    #[serde(default)]
    pub peers: Vec<String>,
}

/// Where an organ stands relative to the drafting organ.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Relation {
    Superior,
    Higher,
    Subordinate,
    Peer,
}

impl Relation {
    pub fn as_zh(self) -> &'static str {
        match self {
            Relation::Superior => "上级机关",
            Relation::Higher => "越级的上级机关",
            Relation::Subordinate => "下级机关",
            Relation::Peer => "同级或不相隶属机关",
        }
    }
}

impl OrgProfile {
    /// The relation of an organ named in a document, if the profile names it. Names match
    /// when equal after removing spaces, or when one contains the other (市政府 / 平安市人民政府
    /// do not match each other: list both forms if both are used).
    pub fn relation(&self, organ: &str) -> Option<Relation> {
        let o = crate::text::strip_spaces(organ);
        let hit = |list: &[String]| list.iter().any(|n| crate::text::strip_spaces(n) == o);
        if hit(&self.superiors) {
            Some(Relation::Superior)
        } else if hit(&self.higher) {
            Some(Relation::Higher)
        } else if hit(&self.subordinates) {
            Some(Relation::Subordinate)
        } else if hit(&self.peers) {
            Some(Relation::Peer)
        } else {
            None
        }
    }
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
    /// Rules to ignore in files matching a glob (relative to the configuration file).
    #[serde(default)]
    pub per_file_ignores: BTreeMap<String, Vec<String>>,
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
            line: e.span().map(|s| text[..s.start.min(text.len())].matches('\n').count() + 1),
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
    fn organization_profile() {
        let c = Config::from_toml(
            "gwlint.toml",
            "[organization]\nname = [\"平安市交通运输局\"]\nsuperiors = [\"市人民政府\"]\nhigher = [\"省交通运输厅\"]\nsubordinates = [\"各县（市、区）交通运输局\"]\npeers = [\"市财政局\"]\n",
        )
        .unwrap();
        let o = c.organization.unwrap();
        assert_eq!(o.relation("市人民政府"), Some(Relation::Superior));
        assert_eq!(o.relation("省交通运输厅"), Some(Relation::Higher));
        assert_eq!(o.relation("市财政局"), Some(Relation::Peer));
        assert_eq!(o.relation("市委"), None);
        assert!(Config::from_toml("g.toml", "[organization]\nboss = []\n").is_err());
    }

    #[test]
    fn unknown_keys_point_at_the_line() {
        let e = Config::from_toml("gwlint.toml", "[lint]\nselect = [\"GW\"]\nignor = [\"GW601\"]\n").unwrap_err();
        assert_eq!(e.line, Some(3));
        assert!(e.message.contains("ignor"), "{e}");
        let e = Config::from_toml("gwlint.toml", "[lint]\nfail-on = \"fatal\"\n").unwrap_err();
        assert_eq!(e.line, Some(2));
    }
}
