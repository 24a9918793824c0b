//! `gwlint.toml`: which rules run, at which severity, with which options and extra packs.
//! Every table rejects unknown keys, and errors point at the line.

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

use crate::diagnostic::Severity;

/// The whole configuration file.
#[derive(Debug, Clone, Default, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(title = "gwlint.toml", description = "gwlint 配置文件（公文检查工具）")]
pub struct Config {
    /// Another configuration file this one builds on (relative to this file); its settings
    /// apply unless this file sets them.
    #[schemars(description = "在另一个配置文件（相对于本文件的路径）的基础上修改；本文件未设置的项沿用它的设置")]
    pub extend: Option<String>,
    #[serde(default)]
    #[schemars(description = "规则的选择、级别和选项")]
    pub lint: LintConfig,
    #[serde(default)]
    #[schemars(description = "遍历目录时的文件范围")]
    pub files: FilesConfig,
    /// Who the drafting organ is and who stands above, below and beside it.
    #[schemars(description = "本机关的上下级关系，用于行文方向检查（GW207—GW209）；不配置则这些规则不运行")]
    pub organization: Option<OrgProfile>,
}

/// `[organization]`: the drafting organ's place in the hierarchy. Routing rules that need to
/// know who is a superior (请示 to a non-superior, 越级行文, 通知 to a superior) only run when
/// this is set.
#[derive(Debug, Clone, Default, Deserialize, PartialEq, Eq, schemars::JsonSchema)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct OrgProfile {
    /// The organ's own full name (and short names).
    #[serde(default)]
    #[schemars(description = "本机关的全称和规范简称")]
    pub name: Vec<String>,
    /// Direct superiors (the organs a 请示 or 报告 goes to).
    #[serde(default)]
    #[schemars(description = "直接上级机关（请示、报告的主送机关）")]
    pub superiors: Vec<String>,
    /// Organs above the direct superiors (writing to them skips a level).
    #[serde(default)]
    #[schemars(description = "直接上级之上的机关（主送它们即越级行文）")]
    pub higher: Vec<String>,
    /// Subordinate organs.
    #[serde(default)]
    #[schemars(description = "下级机关")]
    pub subordinates: Vec<String>,
    /// Organs of the same level, or not in the same line (函 goes to them).
    #[serde(default)]
    #[schemars(description = "同级或不相隶属的机关（用函行文）")]
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
#[derive(Debug, Clone, Default, Deserialize, schemars::JsonSchema)]
#[schemars(description = "[lint]：规则的选择、级别和选项")]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct LintConfig {
    /// Rules to enable: codes, prefixes ("GW4") or names. Default: all.
    #[schemars(description = "启用的规则：代码（GW401）、前缀（GW4）或名称；默认全部")]
    pub select: Option<Vec<String>>,
    /// Added to `select` (or to the default).
    #[serde(default)]
    #[schemars(description = "在 select 或默认之外再启用的规则")]
    pub extend_select: Vec<String>,
    #[serde(default)]
    #[schemars(description = "停用的规则：代码、前缀或名称")]
    pub ignore: Vec<String>,
    /// Lowest severity that makes the exit code 1.
    #[schemars(description = "达到该级别的问题使退出码为 1（默认 warning）")]
    pub fail_on: Option<Severity>,
    /// What kind of files are checked: "formal" (complete documents, every rule), "draft" (text
    /// drafts without 版头 and 版记 or final layout), "template" (templates with placeholders).
    #[schemars(description = "文件类型：formal 完整公文（全部规则）、draft 文字草稿、template 模板")]
    pub profile: Option<Profile>,
    /// Extra rule packs, relative to the configuration file.
    #[serde(default)]
    #[schemars(description = "额外的词表文件（相对于本配置文件），格式同 rules/typos.toml")]
    pub packs: Vec<String>,
    /// Severity per rule code or name.
    #[serde(default)]
    #[schemars(description = "按规则（代码或名称）调整级别")]
    pub severity: BTreeMap<String, Severity>,
    /// Options per rule code or name.
    #[serde(default)]
    #[schemars(with = "BTreeMap<String, BTreeMap<String, serde_json::Value>>")]
    #[schemars(description = "按规则（代码或名称）设置选项")]
    pub options: BTreeMap<String, toml::Table>,
    /// Rules to ignore in files matching a glob (relative to the configuration file).
    #[serde(default)]
    #[schemars(description = "按文件停用规则：键为相对于本配置文件的 glob，值为规则代码、前缀或名称")]
    pub per_file_ignores: BTreeMap<String, Vec<String>>,
}

/// Rule sets for the kinds of files people check.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize, schemars::JsonSchema)]
#[schemars(description = "文件类型")]
#[serde(rename_all = "kebab-case")]
pub enum Profile {
    /// Complete documents: every rule.
    #[schemars(description = "完整公文：全部规则")]
    Formal,
    /// Text drafts: no 签发人, 成文日期 or layout requirements yet.
    #[schemars(description = "文字草稿：不要求签发人、成文日期和 .docx 版式")]
    Draft,
    /// Templates: as drafts, and placeholders are expected.
    #[schemars(description = "模板：同文字草稿，且允许占位符")]
    Template,
}

impl Profile {
    pub fn parse(s: &str) -> Option<Profile> {
        match s {
            "formal" => Some(Profile::Formal),
            "draft" => Some(Profile::Draft),
            "template" => Some(Profile::Template),
            _ => None,
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Profile::Formal => "formal",
            Profile::Draft => "draft",
            Profile::Template => "template",
        }
    }
}

/// Load a configuration and the files it extends, nearest settings winning. `read` returns
/// the text of a path; paths in `extend` are relative to the file that names them.
pub fn load_with_extends(
    path: &std::path::Path,
    read: &dyn Fn(&std::path::Path) -> Result<String, String>,
) -> Result<Config, ConfigError> {
    let mut chain = Vec::new();
    let mut next = Some(path.to_path_buf());
    while let Some(p) = next.take() {
        if chain.iter().any(|(q, _): &(std::path::PathBuf, toml::Table)| q == &p) || chain.len() > 10 {
            return Err(ConfigError {
                path: p.display().to_string(), line: None, message: "extend 形成循环".into()
            });
        }
        let shown = p.display().to_string();
        let text = read(&p).map_err(|m| ConfigError { path: shown.clone(), line: None, message: m })?;
        // Validate each file on its own first, so errors point at the right file and line.
        let config = Config::from_toml(&shown, &text)?;
        let table: toml::Table = toml::from_str(&text).map_err(|e| ConfigError {
            path: shown.clone(),
            line: None,
            message: e.to_string(),
        })?;
        next = config.extend.as_ref().map(|e| p.parent().unwrap_or(std::path::Path::new(".")).join(e));
        chain.push((p, table));
    }
    let mut merged = toml::Table::new();
    for (_, table) in chain.into_iter().rev() {
        deep_merge(&mut merged, table);
    }
    merged.remove("extend");
    Config::deserialize(toml::Value::Table(merged)).map_err(|e| ConfigError {
        path: path.display().to_string(),
        line: None,
        message: translate(e.message().trim()),
    })
}

fn deep_merge(base: &mut toml::Table, over: toml::Table) {
    for (k, v) in over {
        match (base.get_mut(&k), v) {
            (Some(toml::Value::Table(b)), toml::Value::Table(o)) => deep_merge(b, o),
            (_, v) => {
                base.insert(k, v);
            }
        }
    }
}

/// `[files]`
#[derive(Debug, Clone, Default, Deserialize, schemars::JsonSchema)]
#[schemars(description = "[files]：遍历目录时的文件范围")]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct FilesConfig {
    /// Glob patterns of files and directories to skip when walking directories.
    #[serde(default)]
    #[schemars(description = "遍历目录时跳过的 glob")]
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
    /// The JSON schema of gwlint.toml, for editors (taplo, VS Code Even Better TOML).
    pub fn json_schema() -> String {
        let schema = schemars::schema_for!(Config);
        serde_json::to_string_pretty(&schema).unwrap_or_default() + "\n"
    }

    pub fn from_toml(path: &str, text: &str) -> Result<Config, ConfigError> {
        let config: Config = toml::from_str(text).map_err(|e| ConfigError {
            path: path.to_string(),
            line: e.span().map(|s| text[..s.start.min(text.len())].matches('\n').count() + 1),
            message: translate(e.message().trim()),
        })?;
        // Options a rule reads as data are checked here, so a mistake names the file and line.
        for key in ["GW617", "leader-post"] {
            if let Some(options) = config.lint.options.get(key) {
                crate::roster::user_roster(options).map_err(|m| ConfigError {
                    path: path.to_string(),
                    line: text.find("roster").map(|o| text[..o].matches('\n').count() + 1),
                    message: format!("[lint.options.{key}] {m}"),
                })?;
            }
        }
        Ok(config)
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
    fn a_malformed_roster_names_the_entry_and_line() {
        let ok = "[lint.options.GW617]\nroster = [{ name = \"张三\", post = \"市长\", from = \"2021-06-01\" }]\n";
        assert!(Config::from_toml("gwlint.toml", ok).is_ok());
        let bad = "[lint.options.GW617]\nroster = [{ name = \"张三\", post = \"市长\", from = \"2021-6-1x\" }]\n";
        let e = Config::from_toml("gwlint.toml", bad).unwrap_err();
        assert_eq!(e.line, Some(2));
        assert!(e.message.contains("roster 第1项：起始日期“2021-6-1x”不是YYYY-MM-DD"), "{}", e.message);
        let unknown = "[lint.options.GW617]\nroster = [{ nam = \"张三\", post = \"市长\", from = \"2021-06-01\" }]\n";
        assert!(Config::from_toml("gwlint.toml", unknown).is_err());
    }

    #[test]
    fn extend_merges_nearest_last() {
        let files: std::collections::HashMap<&str, &str> = [
            ("/a/gwlint.toml", "extend = \"../base.toml\"\n[lint]\nignore = [\"GW605\"]\n"),
            ("/a/../base.toml", "[lint]\nignore = [\"GW401\"]\nfail-on = \"error\"\nprofile = \"draft\"\n"),
        ]
        .into_iter()
        .collect();
        let read =
            |p: &std::path::Path| files.get(p.to_str().unwrap()).map(|s| s.to_string()).ok_or("missing".to_string());
        let c = load_with_extends(std::path::Path::new("/a/gwlint.toml"), &read).unwrap();
        assert_eq!(c.lint.ignore, vec!["GW605"]);
        assert_eq!(c.lint.fail_on, Some(Severity::Error));
        assert_eq!(c.lint.profile, Some(Profile::Draft));
        let looping: std::collections::HashMap<&str, &str> =
            [("/x.toml", "extend = \"y.toml\"\n"), ("/y.toml", "extend = \"x.toml\"\n")].into_iter().collect();
        let read =
            |p: &std::path::Path| looping.get(p.to_str().unwrap()).map(|s| s.to_string()).ok_or("missing".to_string());
        assert!(load_with_extends(std::path::Path::new("/x.toml"), &read).is_err());
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
