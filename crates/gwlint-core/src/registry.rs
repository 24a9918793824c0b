//! The set of known rules: built-in code rules, the packs shipped in `rules/`, and extra
//! packs from the user's configuration; plus `--select`/`--ignore` resolution.

use crate::pack::{DictRule, PackError};
use crate::rule::{Rule, RuleMeta};
use crate::selector::{Selector, Selectors, UnknownSelector};

// The packs shipped with gwlint (every `rules/*.toml`), embedded in the binary and parsed when it
// is built: `BUILTIN_PACKS` (path and text) and `BUILTIN_PACK_DATA` (the parsed values, as static
// strings the loaded packs borrow).
include!(concat!(env!("OUT_DIR"), "/builtin_packs.rs"));

pub struct Registry {
    rules: Vec<Box<dyn Rule>>,
}

#[derive(Debug, Clone, thiserror::Error)]
pub enum RegistryError {
    #[error(transparent)]
    Pack(#[from] PackError),
    #[error("{path}：规则代码 {code} 已被规则“{other}”使用")]
    DuplicateCode { path: String, code: String, other: String },
    #[error("规则 {code} 让位于不存在的规则 {target}")]
    UnknownDeferral { code: String, target: String },
}

impl Registry {
    /// Built-in rules and packs.
    pub fn builtin() -> Registry {
        let mut reg = Registry { rules: crate::rules::builtin() };
        // Read from TOML when gwlint was built (see `pack_file`), validated here like any pack
        // (their text borrowed, not copied); the test suite checks them, so a broken one is a bug.
        for ((path, text), data) in BUILTIN_PACKS.iter().zip(BUILTIN_PACK_DATA) {
            let pack = DictRule::from_static(path, data, text).unwrap_or_else(|e| panic!("built-in pack {path}: {e}"));
            reg.add(path, Box::new(pack)).unwrap_or_else(|e| panic!("{e}"));
        }
        reg.check_deferrals().unwrap_or_else(|e| panic!("{e}"));
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

    /// The pages of `docs/rules/` (file name, Markdown): one per rule, and `README.md`, the
    /// index. Generated from the rules' own docs (`gwlint-docs` writes them; a test checks the
    /// committed pages are current).
    pub fn doc_pages(&self) -> Vec<(String, String)> {
        let mut index = String::from(
            "# gwlint 规则\n\n由各规则代码中的文档生成（`cargo run -p gwlint-dev --bin gwlint-docs`），请勿手工修改。\n\n\
             | 代码 | 名称 | 类别 | 默认级别 | 修复 | 说明 |\n|---|---|---|---|---|---|\n",
        );
        let mut pages = Vec::new();
        for m in self.metas() {
            index.push_str(&format!(
                "| [{code}]({code}.md) | {} | {} | {} | {} | {} |\n",
                m.name,
                m.category.name_zh(),
                m.default_severity.label_zh(),
                m.fix.label_zh(),
                m.summary.replace('|', "\\|"),
                code = m.code,
            ));
            pages.push((format!("{}.md", m.code), m.doc_page()));
        }
        pages.push(("README.md".to_string(), index));
        pages
    }

    /// A rule by code (case-insensitive) or name.
    pub fn find(&self, key: &str) -> Option<&dyn Rule> {
        self.rules.iter().find(|r| r.meta().code.eq_ignore_ascii_case(key) || r.meta().name == key).map(|r| r.as_ref())
    }

    /// Does a selector name anything (a whole family always does)?
    pub fn selector_is_known(&self, sel: &Selector) -> bool {
        sel.is_family() || sel == &Selector::All || self.metas().any(|m| sel.matches(m))
    }

    /// Indices of the enabled rules. The most specific matching selector wins (a code beats
    /// a prefix, a longer prefix beats a shorter one); on a tie, ignore wins.
    pub fn resolve(&self, select: &Selectors, ignore: &Selectors) -> Result<Vec<usize>, UnknownSelector> {
        if let Some(unknown) =
            select.0.iter().chain(&ignore.0).filter(|s| !self.selector_is_known(s)).min_by_key(|s| s.to_string())
        {
            return Err(UnknownSelector(unknown.to_string()));
        }
        Ok(self
            .rules
            .iter()
            .enumerate()
            .filter(|(_, r)| match (select.best(r.meta()), ignore.best(r.meta())) {
                (Some(s), Some(i)) => s > i,
                (Some(_), None) => true,
                _ => false,
            })
            .map(|(i, _)| i)
            .collect())
    }

    /// Every deferral names a registered rule.
    fn check_deferrals(&self) -> Result<(), RegistryError> {
        for m in self.metas() {
            if let Some(missing) = m.defers_to.iter().find(|c| !self.metas().any(|o| o.code == **c)) {
                return Err(RegistryError::UnknownDeferral { code: m.code.to_string(), target: missing.to_string() });
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A built-in pack loaded from its compiled-in values (borrowing them) is the pack its TOML
    /// loads: the same rule, entries and phrases.
    #[test]
    fn built_in_packs_load_as_their_toml_does() {
        for ((path, text), data) in BUILTIN_PACKS.iter().zip(BUILTIN_PACK_DATA) {
            let compiled = DictRule::from_static(path, data, text).unwrap();
            let read = DictRule::from_toml(path, text).unwrap();
            let (a, b) = (compiled.meta(), read.meta());
            assert_eq!(
                (&a.code, &a.name, &a.summary, &a.source, &a.docs),
                (&b.code, &b.name, &b.summary, &b.source, &b.docs)
            );
            assert_eq!(
                (a.category, a.default_severity, a.fix, a.scope),
                (b.category, b.default_severity, b.fix, b.scope)
            );
            assert_eq!(compiled.len(), read.len(), "{path}");
            assert_eq!(compiled.phrases(), read.phrases(), "{path}");
        }
    }

    /// The values the build script compiled in are what reading the TOML at run time gives.
    #[test]
    fn built_in_packs_are_their_toml() {
        let files = builtin_pack_files();
        assert_eq!(files.len(), BUILTIN_PACKS.len());
        for ((path, text), file) in BUILTIN_PACKS.iter().zip(files) {
            let read: crate::pack_file::PackFile = toml::from_str(text).unwrap();
            assert!(read == file, "{path}: the compiled-in pack differs from its TOML");
        }
    }
}
