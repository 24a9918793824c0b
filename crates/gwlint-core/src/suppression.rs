//! Suppression comments applied by the engine: which findings a `gwlint-disable` comment
//! covers, and which comments cover nothing (reported as GW001 when that rule is enabled).

use crate::document::suppress::{Directive, DirectiveKind};
use crate::selector::Selectors;

/// Does a directive name this rule? A directive without codes names every rule.
fn names(directive: &Directive, code: &str, name: &str) -> bool {
    directive.codes.is_empty() || Selectors::parse(&directive.codes).matches_code(code, name)
}

/// Is a finding of `code`/`name` on source `line` suppressed? Marks the directives that apply.
pub fn suppressed(directives: &[Directive], used: &mut [bool], code: &str, name: &str, line: usize) -> bool {
    let mut hit = false;
    for (i, d) in directives.iter().enumerate() {
        if !names(d, code, name) {
            continue;
        }
        let applies = match d.kind {
            DirectiveKind::File => true,
            DirectiveKind::NextLine => {
                line == d.line + 1 || (line == d.line + 2 && directives.iter().any(|e| e.line == d.line + 1))
            }
            DirectiveKind::Disable => {
                d.line < line
                    && !directives.iter().any(|e| {
                        e.kind == DirectiveKind::Enable && d.line < e.line && e.line <= line && names(e, code, name)
                    })
            }
            DirectiveKind::Enable => false,
        };
        if applies {
            used[i] = true;
            hit = true;
        }
    }
    hit
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(kind: DirectiveKind, codes: &[&str], line: usize) -> Directive {
        Directive { kind, codes: codes.iter().map(|s| s.to_string()).collect(), reason: None, line }
    }

    #[test]
    fn ranges_next_lines_and_files() {
        let ds = vec![
            d(DirectiveKind::Disable, &["GW4"], 2),
            d(DirectiveKind::Enable, &["GW4"], 5),
            d(DirectiveKind::NextLine, &["common-typos"], 7),
        ];
        let mut used = vec![false; 3];
        assert!(suppressed(&ds, &mut used, "GW401", "halfwidth-punctuation", 3));
        assert!(!suppressed(&ds, &mut used, "GW401", "halfwidth-punctuation", 6));
        assert!(!suppressed(&ds, &mut used, "GW501", "x", 3));
        assert!(suppressed(&ds, &mut used, "GW601", "common-typos", 8));
        assert_eq!(used, vec![true, false, true]);
        let file = vec![d(DirectiveKind::File, &[], 9)];
        assert!(suppressed(&file, &mut [false], "GW101", "title-genre", 1));
    }
}
