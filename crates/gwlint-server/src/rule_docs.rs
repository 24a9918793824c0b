//! Links from a finding to its rule's page (`codeDescription`). With `docsUrl` set, the link
//! is `{docsUrl}/GW401.md` (a hosted copy of `docs/rules/`). Otherwise the server writes the
//! page of each rule it links to into its cache directory, once, and links to that file: the
//! link works offline in every editor, for built-in rules and a workspace's own packs alike.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use gwlint_core::RuleMeta;
use lsp_types::Uri;

pub struct RuleDocs {
    base: Option<String>,
    dir: Option<PathBuf>,
    /// The links of the pages written (or found current) since the rules were last loaded.
    written: BTreeMap<String, Option<Uri>>,
}

impl RuleDocs {
    /// Links to `base` when given, else to pages in `dir` (None: no links).
    pub fn new(base: Option<String>, dir: Option<PathBuf>) -> RuleDocs {
        let base = base.map(|b| b.trim_end_matches('/').to_string()).filter(|b| !b.is_empty());
        RuleDocs { base, dir, written: BTreeMap::new() }
    }

    /// The link for a rule, writing its page first when it is served from the cache.
    pub fn href(&mut self, meta: &RuleMeta) -> Option<Uri> {
        if let Some(base) = &self.base {
            return format!("{base}/{}.md", meta.code).parse().ok();
        }
        if let Some(uri) = self.written.get(meta.code.as_ref()) {
            return uri.clone();
        }
        let uri = self.dir.as_deref().and_then(|dir| write_page(dir, &meta.code, &meta.doc_page()));
        self.written.insert(meta.code.to_string(), uri.clone());
        uri
    }

    /// The rules were loaded again (a pack may document its rules differently now): pages are
    /// checked against the files once more when next linked.
    pub fn forget(&mut self) {
        self.written.clear();
    }
}

/// Write a page unless the file already holds it; its URI, or None if it cannot be written.
fn write_page(dir: &Path, code: &str, page: &str) -> Option<Uri> {
    let path = dir.join(format!("{code}.md"));
    if std::fs::read_to_string(&path).ok().as_deref() != Some(page) {
        std::fs::create_dir_all(dir).ok()?;
        // Written beside and renamed, so an editor never opens half a page.
        let partial = dir.join(format!(".{code}.md.{}", std::process::id()));
        std::fs::write(&partial, page).ok()?;
        std::fs::rename(&partial, &path).ok()?;
    }
    crate::uri::from_path(&path)
}

/// Where the pages go: the user's cache directory, one folder per gwlint version.
pub fn cache_dir() -> PathBuf {
    let base = std::env::var_os("XDG_CACHE_HOME")
        .map(PathBuf::from)
        .filter(|p| p.is_absolute())
        .or_else(|| std::env::var_os("LOCALAPPDATA").map(PathBuf::from))
        .or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".cache")))
        .unwrap_or_else(std::env::temp_dir);
    base.join("gwlint").join(env!("CARGO_PKG_VERSION")).join("rules")
}

#[cfg(test)]
mod tests {
    use super::*;
    use gwlint_core::Registry;

    #[test]
    fn pages_are_written_once_and_linked_or_linked_to_the_given_base() {
        let reg = Registry::builtin();
        let meta = reg.find("GW401").unwrap().meta();
        let dir = tempfile::tempdir().unwrap();
        let mut docs = RuleDocs::new(None, Some(dir.path().join("rules")));
        let uri = docs.href(meta).unwrap();
        let page = std::fs::read_to_string(dir.path().join("rules/GW401.md")).unwrap();
        assert_eq!(page, meta.doc_page());
        assert!(page.starts_with("# GW401 halfwidth-punctuation\n"), "{page}");
        assert_eq!(crate::uri::to_path(&uri), Some(dir.path().join("rules/GW401.md")));
        assert_eq!(docs.href(meta), Some(uri));

        let mut hosted = RuleDocs::new(Some("https://example.org/gwlint/rules/".into()), None);
        assert_eq!(hosted.href(meta).unwrap().as_str(), "https://example.org/gwlint/rules/GW401.md");
        assert_eq!(RuleDocs::new(None, None).href(meta), None);
    }
}
