//! `per-file-ignores`: globs relative to the configuration's directory, and the rules they turn
//! off for the files they match.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use crate::WorkspaceError;

pub struct PerFileIgnores {
    root: PathBuf,
    globs: Vec<(globset::GlobMatcher, Vec<String>)>,
}

impl PerFileIgnores {
    pub fn new(root: &Path, table: &BTreeMap<String, Vec<String>>) -> Result<Self, WorkspaceError> {
        let mut globs = Vec::new();
        for (pattern, codes) in table {
            let g = globset::Glob::new(pattern)
                .map_err(|e| WorkspaceError::PerFileIgnore { pattern: pattern.clone(), message: e.to_string() })?;
            globs.push((g.compile_matcher(), codes.clone()));
        }
        Ok(PerFileIgnores { root: root.to_path_buf(), globs })
    }

    /// The rules ignored for a path (relative to the current directory, or absolute): a glob
    /// matches the path relative to the configuration's directory, or the path as given.
    pub fn for_path(&self, path: &Path) -> Vec<String> {
        if self.globs.is_empty() {
            return Vec::new();
        }
        let abs = std::env::current_dir().map(|c| c.join(path)).unwrap_or_else(|_| path.to_path_buf());
        let rel = abs.strip_prefix(&self.root).unwrap_or(path).to_path_buf();
        let rel = rel.strip_prefix(".").unwrap_or(&rel);
        self.globs.iter().filter(|(g, _)| g.is_match(rel) || g.is_match(path)).flat_map(|(_, c)| c.clone()).collect()
    }
}
