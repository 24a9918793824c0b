//! Word-in-context patterns shared by GW602 (context confusions) and GW610 (usage preferences):
//! a regex whose group `w` is the word to replace, the word that should stand there, and why.

use regex::Regex;

use crate::diagnostic::{Applicability, Fix};
use crate::document::Document;
use crate::rule::Context;
use crate::rules::common::{group_span, paragraph_matches};

pub struct WordPattern {
    pub re: Regex,
    pub right: &'static str,
    pub why: &'static str,
}

impl WordPattern {
    /// A pattern; `re` must have a group named `w`.
    pub fn new(re: &str, right: &'static str, why: &'static str) -> WordPattern {
        WordPattern { re: Regex::new(re).expect("word pattern"), right, why }
    }
}

/// Report every match of every pattern with `message(written, right)`, the label
/// "{verb}“right”" ("应为" for errors, "宜为" for preferences) and an unsafe fix.
pub fn report_word_patterns(
    doc: &Document,
    cx: &mut Context<'_>,
    patterns: &[WordPattern],
    verb: &str,
    message: impl Fn(&str, &str) -> String,
) {
    for pat in patterns {
        for (p, c, _) in paragraph_matches(doc, &pat.re) {
            let w = c.name("w").expect("group w");
            let span = group_span(p, w);
            cx.report(span, message(w.as_str(), pat.right))
                .with_label(format!("{verb}“{}”", pat.right))
                .with_help(format!("{}。", pat.why))
                .with_fix(Fix::replace(format!("改为“{}”", pat.right), Applicability::Unsafe, span, pat.right));
        }
    }
}
