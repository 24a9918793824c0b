//! The set of known rules: built-in code rules, the packs shipped in `rules/`, and extra
//! packs from the user's configuration; plus `--select`/`--ignore` resolution.

use std::collections::HashSet;

use crate::pack::{DictRule, PackError};
use crate::rule::{Rule, RuleMeta};

/// Packs shipped with gwlint, embedded in the binary. `tests` check that every file in
/// `rules/` is listed here.
pub const BUILTIN_PACKS: &[(&str, &str)] = &[
    ("rules/typos.toml", include_str!("../../../rules/typos.toml")),
    ("rules/typo-pairs.toml", include_str!("../../../rules/typo-pairs.toml")),
    ("rules/standard-wording.toml", include_str!("../../../rules/standard-wording.toml")),
];

pub struct Registry {
    rules: Vec<Box<dyn Rule>>,
}

#[derive(Debug, Clone, thiserror::Error)]
pub enum RegistryError {
    #[error(transparent)]
    Pack(#[from] PackError),
    #[error("{path}：规则代码 {code} 已被规则“{other}”使用")]
    DuplicateCode { path: String, code: String, other: String },
}

impl Registry {
    /// Built-in rules and packs.
    pub fn builtin() -> Registry {
        let mut reg = Registry { rules: crate::rules::builtin() };
        for (path, text) in BUILTIN_PACKS {
            // Built-in packs are validated by the test suite; a broken one is a bug.
            let pack = DictRule::from_toml(path, text).unwrap_or_else(|e| panic!("built-in pack {path}: {e}"));
            reg.add(path, Box::new(pack)).unwrap_or_else(|e| panic!("{e}"));
        }
        reg
    }

    /// Add a rule (an extra pack); its code and name must be new.
    pub fn add(&mut self, path: &str, rule: Box<dyn Rule>) -> Result<(), RegistryError> {
        let m = rule.meta();
        if let Some(other) = self.rules.iter().find(|r| r.meta().code == m.code || r.meta().name == m.name) {
            return Err(RegistryError::DuplicateCode {
                path: path.to_string(),
                code: m.code.to_string(),
                other: other.meta().name.to_string(),
            });
        }
        self.rules.push(rule);
        self.rules.sort_by(|a, b| a.meta().code.cmp(&b.meta().code));
        Ok(())
    }

    /// Load and add a pack from TOML text.
    pub fn add_pack(&mut self, path: &str, text: &str) -> Result<(), RegistryError> {
        let pack = DictRule::from_toml(path, text)?;
        self.add(path, Box::new(pack))
    }

    pub fn rules(&self) -> &[Box<dyn Rule>] {
        &self.rules
    }

    pub fn metas(&self) -> impl Iterator<Item = &RuleMeta> {
        self.rules.iter().map(|r| r.meta())
    }

    /// A rule by code (case-insensitive) or name.
    pub fn find(&self, key: &str) -> Option<&dyn Rule> {
        self.rules.iter().find(|r| r.meta().code.eq_ignore_ascii_case(key) || r.meta().name == key).map(|r| r.as_ref())
    }

    /// Does a selector (code, code prefix such as "GW4", or rule name) name anything?
    pub fn selector_is_known(&self, sel: &str) -> bool {
        let s = sel.to_ascii_uppercase();
        if s == "ALL" || is_category_prefix(&s) {
            return true;
        }
        self.metas().any(|m| m.code.starts_with(&s) || m.name == sel)
    }

    /// Indices of the enabled rules. The most specific matching selector wins (a code beats
    /// a prefix, a longer prefix beats a shorter one); on a tie, ignore wins.
    pub fn resolve(&self, select: &[String], ignore: &[String]) -> Result<Vec<usize>, String> {
        let unknown: Vec<&String> = select
            .iter()
            .chain(ignore)
            .filter(|s| !self.selector_is_known(s))
            .collect::<HashSet<_>>()
            .into_iter()
            .collect();
        if let Some(u) = unknown.iter().min() {
            return Err(format!("未知的规则代码、前缀或名称：“{u}”（用 gwlint rules 查看全部规则）"));
        }
        let specificity = |sel: &str, m: &RuleMeta| -> Option<usize> {
            let s = sel.to_ascii_uppercase();
            if s == "ALL" {
                Some(0)
            } else if m.name == sel || m.code == s.as_str() {
                Some(100)
            } else if m.code.starts_with(&s) {
                Some(s.len())
            } else {
                None
            }
        };
        let mut enabled = Vec::new();
        for (i, r) in self.rules.iter().enumerate() {
            let m = r.meta();
            let best_sel = select.iter().filter_map(|s| specificity(s, m)).max();
            let best_ign = ignore.iter().filter_map(|s| specificity(s, m)).max();
            let on = match (best_sel, best_ign) {
                (Some(s), Some(i)) => s > i,
                (Some(_), None) => true,
                _ => false,
            };
            if on {
                enabled.push(i);
            }
        }
        Ok(enabled)
    }
}

/// "GW", "GW0" … "GW7": whole families, valid even before a family has rules.
fn is_category_prefix(s: &str) -> bool {
    s == "GW" || (s.len() == 3 && s.starts_with("GW") && matches!(s.as_bytes()[2], b'0'..=b'7'))
}
