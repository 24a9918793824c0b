//! Suppression comments in .txt and .md drafts:
//!
//! ```text
//! <!-- gwlint-disable GW201 -- 负责人直接交办 -->      from here …
//! <!-- gwlint-enable GW201 -->                        … to here
//! <!-- gwlint-disable-next-line GW204 -->              the next line only
//! <!-- gwlint-disable-file GW605 -->                   the whole file
//! ```
//!
//! Codes may be codes, prefixes or rule names, separated by commas or spaces; none means every
//! rule; the text after `--` is the reason. In .txt files the same words also work on a line of
//! their own starting with `//` or `#`. The comments are removed from the text the rules see, so
//! they never disturb structure detection.

use regex::Regex;
use std::sync::LazyLock;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DirectiveKind {
    Disable,
    Enable,
    NextLine,
    File,
}

/// One suppression comment.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Directive {
    pub kind: DirectiveKind,
    /// Codes, prefixes or names; empty means all rules.
    pub codes: Vec<String>,
    pub reason: Option<String>,
    /// 1-based line in the source file.
    pub line: usize,
}

static DIRECTIVE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"gwlint-(?P<kind>disable-next-line|disable-file|disable|enable)(?P<rest>[^\n]*?)(?:-->|$)").unwrap()
});
/// An HTML comment holding a directive, anywhere on a line.
static HTML_COMMENT: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"[ \t\u{3000}]*<!--\s*gwlint-[^\n]*?-->").unwrap());
/// A whole-line `//` or `#` comment holding a directive (.txt only).
static LINE_COMMENT: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^[ \t\u{3000}]*(?://|#)\s*gwlint-[^\n]*$").unwrap());

fn parse(comment: &str, line: usize) -> Option<Directive> {
    let c = DIRECTIVE.captures(comment)?;
    let kind = match &c["kind"] {
        "disable" => DirectiveKind::Disable,
        "enable" => DirectiveKind::Enable,
        "disable-next-line" => DirectiveKind::NextLine,
        _ => DirectiveKind::File,
    };
    let rest = c["rest"].trim().trim_end_matches("-->").trim();
    let (codes, reason) = match rest.split_once("--") {
        Some((a, b)) => (a, Some(b.trim().to_string()).filter(|r| !r.is_empty())),
        None => (rest, None),
    };
    let codes =
        codes.split([',', ' ', '，', '、']).map(str::trim).filter(|s| !s.is_empty()).map(String::from).collect();
    Some(Directive { kind, codes, reason, line })
}

/// Directives in a source, and the byte ranges of their comments to remove from the text
/// (`txt_lines`: also the `//` and `#` line comments of plain text).
pub fn find(source: &str, txt_lines: bool) -> (Vec<Directive>, Vec<std::ops::Range<usize>>) {
    let mut directives = Vec::new();
    let mut remove = Vec::new();
    if !source.contains("gwlint-") {
        return (directives, remove);
    }
    let mut start = 0;
    for (i, raw) in crate::text::lines_with_breaks(source).enumerate() {
        let line = raw.trim_end_matches(['\n', '\r']);
        if txt_lines && LINE_COMMENT.is_match(line) {
            if let Some(d) = parse(line, i + 1) {
                directives.push(d);
                remove.push(start..start + line.len());
            }
        } else {
            for m in HTML_COMMENT.find_iter(line) {
                if let Some(d) = parse(m.as_str(), i + 1) {
                    directives.push(d);
                    remove.push(start + m.start()..start + m.end());
                }
            }
        }
        start += raw.len();
    }
    (directives, remove)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_all_forms() {
        let src = "标题\n<!-- gwlint-disable GW201, GW202 -- 负责人直接交办 -->\n正文<!-- gwlint-disable-next-line GW4 -->\n// gwlint-disable-file placeholders\n# gwlint-enable\n";
        let (d, remove) = find(src, true);
        assert_eq!(d.len(), 4);
        assert_eq!(d[0].codes, vec!["GW201", "GW202"]);
        assert_eq!(d[0].reason.as_deref(), Some("负责人直接交办"));
        assert_eq!((d[1].kind, d[1].line), (DirectiveKind::NextLine, 3));
        assert_eq!(d[2].kind, DirectiveKind::File);
        assert_eq!((d[3].kind, d[3].codes.len()), (DirectiveKind::Enable, 0));
        assert_eq!(&src[remove[1].clone()], "<!-- gwlint-disable-next-line GW4 -->");
        let (md, _) = find(src, false);
        assert_eq!(md.len(), 2, "// and # lines are text in Markdown");
    }
}
