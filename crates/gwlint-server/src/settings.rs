//! The client's settings for gwlint (VS Code's `gwlint.*`, Neovim's `settings.gwlint`), from
//! initializationOptions or `workspace/didChangeConfiguration`. They refine the gwlint.toml the
//! workspace layer finds, as the command line's flags do.

use std::path::{Path, PathBuf};

use gwlint_core::Severity;
use gwlint_workspace::{ConfigSource, Overrides};
use serde::Deserialize;

/// Editor settings; every field is optional.
#[derive(Clone, Debug, Default, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct ClientSettings {
    /// A configuration file to use instead of discovering gwlint.toml (relative to the root).
    pub config_path: Option<String>,
    /// `formal`, `draft` or `template` (as `--profile`).
    pub profile: Option<String>,
    /// Replaces `[lint] select`.
    pub select: Option<Vec<String>>,
    pub extend_select: Vec<String>,
    pub ignore: Vec<String>,
    /// Findings at or above this severity are shown as errors: what would fail the pipeline
    /// (`--fail-on`) is red in the editor too.
    pub fail_level: Option<Severity>,
    /// Where rule pages live (`{docsUrl}/GW401.md`), instead of the pages the server writes to
    /// its cache directory.
    pub docs_url: Option<String>,
}

impl ClientSettings {
    /// Read settings sent by a client: either `{ "gwlint": { … } }` or the section itself.
    /// Unknown keys are ignored; a malformed value gives the error to show.
    pub fn from_value(value: &serde_json::Value) -> Result<ClientSettings, String> {
        if value.is_null() {
            return Ok(ClientSettings::default());
        }
        let section = value.get("gwlint").unwrap_or(value);
        serde_json::from_value(section.clone()).map_err(|e| format!("gwlint 设置有误：{e}"))
    }

    /// The overrides for the workspace layer; a relative `configPath` is relative to `root`.
    pub fn overrides(&self, root: &Path) -> Overrides {
        let config = match &self.config_path {
            Some(p) if !p.trim().is_empty() => {
                let p = PathBuf::from(p);
                ConfigSource::File(if p.is_absolute() { p } else { root.join(p) })
            }
            _ => ConfigSource::Discover,
        };
        Overrides {
            config,
            select: self.select.clone(),
            extend_select: self.extend_select.clone(),
            ignore: self.ignore.clone(),
            profile: self.profile.clone().filter(|p| !p.is_empty()),
            fail_on: self.fail_level,
            ..Overrides::default()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn settings_in_their_section_or_alone_and_a_bad_value_named() {
        let s = ClientSettings::from_value(
            &json!({ "gwlint": { "profile": "draft", "failLevel": "warning", "other": 1 } }),
        )
        .unwrap();
        assert_eq!(s.profile.as_deref(), Some("draft"));
        assert_eq!(s.fail_level, Some(Severity::Warning));
        assert_eq!(ClientSettings::from_value(&json!({ "ignore": ["GW605"] })).unwrap().ignore, ["GW605"]);
        assert_eq!(ClientSettings::from_value(&json!(null)).unwrap(), ClientSettings::default());
        let e = ClientSettings::from_value(&json!({ "failLevel": "fatal" })).unwrap_err();
        assert!(e.starts_with("gwlint 设置有误"), "{e}");
        let o = ClientSettings { config_path: Some("conf/gw.toml".into()), ..ClientSettings::default() }
            .overrides(Path::new("/项目"));
        assert_eq!(o.config, ConfigSource::File(PathBuf::from("/项目/conf/gw.toml")));
    }
}
