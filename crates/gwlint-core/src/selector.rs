//! Rule selectors: the one way rules are named in `--select`/`--ignore`, `gwlint.toml`,
//! per-file ignores and suppression comments — a code (`GW401`), a code prefix (`GW4`, `GW`),
//! a rule name (`halfwidth-punctuation`) or `ALL`.

use std::fmt;

use crate::rule::RuleMeta;

/// One parsed selector.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum Selector {
    /// Every rule.
    All,
    /// A code or a prefix of codes, upper-cased (`GW401`, `GW4`).
    Code(String),
    /// A rule name (`halfwidth-punctuation`).
    Name(String),
}

/// Why a selector names nothing.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("未知的规则代码、前缀或名称：“{0}”（用 gwlint rules 查看全部规则）")]
pub struct UnknownSelector(pub String);

impl Selector {
    /// Read a selector as written. Codes are case-insensitive; names are not.
    pub fn parse(s: &str) -> Selector {
        let s = s.trim();
        let up = s.to_ascii_uppercase();
        if up == "ALL" {
            Selector::All
        } else if up.starts_with("GW") && up[2..].bytes().all(|b| b.is_ascii_digit()) {
            Selector::Code(up)
        } else {
            Selector::Name(s.to_string())
        }
    }

    /// Does it name this rule?
    pub fn matches(&self, meta: &RuleMeta) -> bool {
        self.matches_code(&meta.code, &meta.name)
    }

    /// Does it name the rule with this code and name?
    pub fn matches_code(&self, code: &str, name: &str) -> bool {
        match self {
            Selector::All => true,
            Selector::Code(c) => code.starts_with(c.as_str()),
            Selector::Name(n) => n == name,
        }
    }

    /// How specific it is: a whole code or a name beats a prefix, a longer prefix a shorter one.
    pub fn specificity(&self) -> usize {
        match self {
            Selector::All => 0,
            Selector::Code(c) if c.len() >= 5 => 100,
            Selector::Code(c) => c.len(),
            Selector::Name(_) => 100,
        }
    }

    /// Whole families (`GW`, `GW0` … `GW7`) are valid even before a family has rules.
    pub fn is_family(&self) -> bool {
        matches!(self, Selector::Code(c) if c == "GW" || (c.len() == 3 && matches!(c.as_bytes()[2], b'0'..=b'7')))
    }
}

impl fmt::Display for Selector {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Selector::All => f.write_str("ALL"),
            Selector::Code(c) => f.write_str(c),
            Selector::Name(n) => f.write_str(n),
        }
    }
}

/// A list of selectors (empty names nothing).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Selectors(pub Vec<Selector>);

impl Selectors {
    pub fn parse<S: AsRef<str>>(items: &[S]) -> Selectors {
        Selectors(items.iter().map(|s| Selector::parse(s.as_ref())).collect())
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// Does any selector name this rule?
    pub fn matches_code(&self, code: &str, name: &str) -> bool {
        self.0.iter().any(|s| s.matches_code(code, name))
    }

    /// The highest specificity among the selectors that name this rule.
    pub fn best(&self, meta: &RuleMeta) -> Option<usize> {
        self.0.iter().filter(|s| s.matches(meta)).map(Selector::specificity).max()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_codes_prefixes_and_names() {
        assert_eq!(Selector::parse("gw401"), Selector::Code("GW401".into()));
        assert_eq!(Selector::parse("GW4"), Selector::Code("GW4".into()));
        assert_eq!(Selector::parse("all"), Selector::All);
        assert_eq!(Selector::parse("common-typos"), Selector::Name("common-typos".into()));
        assert!(Selector::parse("GW4").matches_code("GW401", "x"));
        assert!(!Selector::parse("GW40").matches_code("GW411", "x"));
        assert!(Selector::parse("GW401").specificity() > Selector::parse("GW40").specificity());
        assert!(Selector::parse("GW7").is_family() && !Selector::parse("GW71").is_family());
    }
}
