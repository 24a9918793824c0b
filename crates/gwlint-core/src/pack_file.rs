//! The shape of a pack file (`rules/*.toml`), shared with the build script: the built-in packs
//! are read from TOML when gwlint is built and compiled in as values of these types
//! (`builtin_packs.rs` in OUT_DIR), so nothing is parsed at start-up; packs named in a
//! configuration are read at run time into the same types.

use serde::Deserialize;

#[derive(Debug, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PackFile {
    #[serde(default)]
    pub allow: Vec<String>,
    pub rule: RuleDef,
    #[serde(default)]
    pub entries: Vec<EntryDef>,
}

#[derive(Debug, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RuleDef {
    pub code: String,
    pub name: String,
    pub category: String,
    pub severity: String,
    /// Template with {wrong}, {right} and {note}.
    pub message: String,
    /// "safe", "unsafe" or "none": the applicability of the entries' fixes.
    pub fix: String,
    pub summary: String,
    #[serde(default)]
    pub source: String,
    pub docs: String,
    /// Leave the titles of other documents quoted in 《》 as written (they are cited verbatim).
    #[serde(default)]
    pub skip_book_titles: bool,
    /// Leave text in quotation marks alone (“严禁出现‘……’等错误提法” quotes the wrong form).
    #[serde(default)]
    pub skip_quotations: bool,
}

#[derive(Debug, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EntryDef {
    pub wrong: String,
    #[serde(default)]
    pub right: Option<String>,
    #[serde(default)]
    pub note: Option<String>,
    /// Overrides the pack's fix applicability for this entry.
    #[serde(default)]
    pub fix: Option<String>,
}

/// A built-in pack as the build script compiles it in: the values of a [`PackFile`] as static
/// strings.
pub struct StaticPack {
    pub allow: &'static [&'static str],
    /// code, name, category, severity, message, fix, summary, source, docs.
    pub rule: [&'static str; 9],
    pub skip_book_titles: bool,
    pub skip_quotations: bool,
    pub entries: &'static [StaticEntry],
}

/// An entry of a built-in pack: wrong, right, note, fix.
pub type StaticEntry = (&'static str, Option<&'static str>, Option<&'static str>, Option<&'static str>);

impl StaticPack {
    #[cfg(test)]
    pub fn to_file(&self) -> PackFile {
        let [code, name, category, severity, message, fix, summary, source, docs] = self.rule.map(String::from);
        PackFile {
            allow: self.allow.iter().map(|a| a.to_string()).collect(),
            rule: RuleDef {
                code,
                name,
                category,
                severity,
                message,
                fix,
                summary,
                source,
                docs,
                skip_book_titles: self.skip_book_titles,
                skip_quotations: self.skip_quotations,
            },
            entries: self
                .entries
                .iter()
                .map(|&(wrong, right, note, fix)| EntryDef {
                    wrong: wrong.to_string(),
                    right: right.map(String::from),
                    note: note.map(String::from),
                    fix: fix.map(String::from),
                })
                .collect(),
        }
    }
}
