//! Word-in-context patterns shared by GW602 (context confusions) and GW610 (usage preferences):
//! a regex whose group `w` is the word to replace, the word that should stand there, and why.

use crate::diagnostic::{Applicability, Fix};
use crate::document::Document;
use crate::rule::Context;
use crate::rules::common::{group_span, GatedRegex};
use crate::text::is_han;

pub struct WordPattern {
    /// Gated on the literal words of group `w` (every match holds one), when it is plain words.
    re: GatedRegex,
    pub right: &'static str,
    pub why: &'static str,
}

impl WordPattern {
    /// A pattern; `re` must have a group named `w`.
    pub fn new(re: &'static str, right: &'static str, why: &'static str) -> WordPattern {
        WordPattern { re: GatedRegex::with_needles(literal_words(re), re), right, why }
    }
}

/// The alternatives of group `w` when it is nothing but Han words (`(?P<w>形式)`,
/// `(?P<w>做出|作出)`); empty otherwise.
fn literal_words(re: &'static str) -> Vec<&'static str> {
    let Some(start) = re.find("(?P<w>") else { return Vec::new() };
    let rest = &re[start + "(?P<w>".len()..];
    let group = &rest[..rest.find(')').unwrap_or(0)];
    if group.is_empty() || !group.chars().all(|c| is_han(c) || c == '|') || group.split('|').any(str::is_empty) {
        return Vec::new();
    }
    group.split('|').collect()
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
        for (p, c, _) in pat.re.paragraph_matches(doc) {
            let w = c.name("w").expect("group w");
            let span = group_span(p, w);
            cx.report(span, message(w.as_str(), pat.right))
                .with_label(format!("{verb}“{}”", pat.right))
                .with_help(format!("{}。", pat.why))
                .with_fix(Fix::replace(format!("改为“{}”", pat.right), Applicability::Unsafe, span, pat.right));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_words_of_group_w_gate_the_pattern() {
        assert_eq!(literal_words(r"(?:当前|目前)(?P<w>形式)"), ["形式"]);
        assert_eq!(literal_words(r"(?P<w>做出|作出)决定"), ["做出", "作出"]);
        assert!(literal_words(r"(?P<w>截[止至])").is_empty());
        assert!(literal_words(r"(?P<w>形式|)").is_empty());
        let p = WordPattern::new(r"(?:当前|目前)(?P<w>形式)", "形势", "");
        let count = |text: &str| {
            let doc = crate::document::Document::from_text("t.txt", crate::document::SourceKind::Txt, text).unwrap();
            p.re.paragraph_matches(&doc).count()
        };
        assert_eq!((count("当前经济运行平稳"), count("当前形式严峻")), (0, 1));
    }
}
