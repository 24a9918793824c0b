//! Built-in code rules, one per file, grouped by family. Data rules live in `rules/*.toml`.

pub mod common;
pub mod punctuation;
pub mod structure;

use crate::rule::Rule;

/// Every built-in code rule. `tests/registry.rs` checks each file under `rules/` is listed.
pub fn builtin() -> Vec<Box<dyn Rule>> {
    vec![
        Box::new(structure::title_genre::TitleGenre),
        Box::new(punctuation::halfwidth_punctuation::HalfwidthPunctuation),
    ]
}
