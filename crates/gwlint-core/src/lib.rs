//! gwlint-core: the 公文 document model, the rule engine and the rules.
//!
//! ```
//! use gwlint_core::{Document, Linter, SourceKind};
//! let doc = Document::from_text("a.txt", SourceKind::Txt, "关于开展安全检查的请示\n\n市政府：\n经研究,拟开展检查。\n").unwrap();
//! let diags = Linter::with_defaults().check(&doc);
//! assert!(diags.iter().any(|d| d.code == "GW401"));
//! ```
//!
//! The library does no file-system walking, threading or printing: the CLI does.

pub mod annotate;
pub mod char_sets;
pub mod config;
pub mod diagnostic;
pub mod document;
pub mod fingerprint;
pub mod fix;
pub mod lexicon;
pub mod linter;
pub mod pack;
mod pack_file;
pub mod pack_set;
pub mod phrase_finder;
pub mod quantity;
pub mod registry;
pub mod relations;
pub mod requests;
pub mod resolved;
pub mod roster;
pub mod rule;
mod rules;
mod scratch;
pub mod selector;
pub mod span;
pub mod spelling;
mod suppression;
#[cfg(test)]
mod test_input;
pub mod text;

pub use config::Config;
pub use diagnostic::{Applicability, Diagnostic, Edit, Fix, Label, Severity};
pub use document::{Document, ParseOptions, Part, ReadError, SourceKind};
pub use linter::{Linter, Selection};
pub use registry::Registry;
pub use rule::{Category, Rule, RuleMeta};
pub use span::{Position, Span};

/// For gwlint's own evaluation tools (`crates/gwlint-dev`), not a stable interface.
#[doc(hidden)]
pub mod dev {
    /// The GW609 tables, rebuilt with other attested pairs for the held-out estimate.
    pub use crate::rules::wording::near_miss_tables::Tables;
}
