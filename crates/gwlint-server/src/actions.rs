//! Code actions on a document's latest findings: a quick fix per finding with a fix (safe ones
//! preferred), "disable on this line" (a suppression comment above the finding's line, in the
//! document's line endings), and "fix all safe" as `source.fixAll.gwlint` — the text
//! `check --fix` would write, as one edit over the part that changes.

use std::collections::{BTreeSet, HashMap};

use gwlint_core::resolved::ResolvedDiagnostic;
use gwlint_core::Applicability;
use lsp_types::{CodeAction, CodeActionKind, CodeActionOrCommand, Position, Range, TextEdit, Uri, WorkspaceEdit};

use crate::position::LineIndex;

/// The kind of the "fix all safe" action.
pub const FIX_ALL: CodeActionKind = CodeActionKind::new("source.fixAll.gwlint");

/// What the actions are computed from.
pub struct Request<'a> {
    pub uri: &'a Uri,
    pub text: &'a str,
    pub lines: &'a LineIndex<'a>,
    pub findings: &'a [ResolvedDiagnostic],
    /// The LSP diagnostics of `findings`, in the same order.
    pub diagnostics: &'a [lsp_types::Diagnostic],
    /// The lines asked about (0-based, inclusive).
    pub from_line: u32,
    pub to_line: u32,
    /// The kinds the client wants (None: all).
    pub only: Option<&'a [CodeActionKind]>,
}

impl Request<'_> {
    pub fn wants(&self, kind: &CodeActionKind) -> bool {
        self.only.is_none_or(|only| {
            only.iter().any(|o| kind.as_str() == o.as_str() || kind.as_str().starts_with(&format!("{}.", o.as_str())))
        })
    }

    fn edit(&self, edits: Vec<TextEdit>) -> WorkspaceEdit {
        WorkspaceEdit::new(HashMap::from([(self.uri.clone(), edits)]))
    }

    fn on_asked_lines(&self, d: &lsp_types::Diagnostic) -> bool {
        d.range.end.line >= self.from_line && d.range.start.line <= self.to_line
    }
}

/// The quick fixes and "disable on this line" actions for the findings on the asked lines.
pub fn quick_fixes(req: &Request) -> Vec<CodeActionOrCommand> {
    let mut out = Vec::new();
    if !req.wants(&CodeActionKind::QUICKFIX) {
        return out;
    }
    for (d, lsp) in req.findings.iter().zip(req.diagnostics) {
        if !req.on_asked_lines(lsp) {
            continue;
        }
        let Some(fix) = d.fix.as_ref().filter(|f| !f.edits.is_empty() && f.applicability != Applicability::DisplayOnly)
        else {
            continue;
        };
        let edits = fix.edits.iter().map(|e| TextEdit::new(req.lines.range(e.range), e.replacement.clone())).collect();
        out.push(CodeActionOrCommand::CodeAction(CodeAction {
            title: format!("{}（{}）", fix.title, d.code),
            kind: Some(CodeActionKind::QUICKFIX),
            diagnostics: Some(vec![lsp.clone()]),
            edit: Some(req.edit(edits)),
            is_preferred: Some(fix.applicability == Applicability::Safe),
            ..CodeAction::default()
        }));
    }
    let newline = if req.text.contains("\r\n") { "\r\n" } else { "\n" };
    let mut offered = BTreeSet::new();
    for (d, lsp) in req.findings.iter().zip(req.diagnostics) {
        let line = lsp.range.start.line;
        if !req.on_asked_lines(lsp) || !offered.insert((line, d.code.as_str())) {
            continue;
        }
        let at = Position::new(line, 0);
        let comment = format!("<!-- gwlint-disable-next-line {} -- 请写明理由 -->{newline}", d.code);
        out.push(CodeActionOrCommand::CodeAction(CodeAction {
            title: format!("gwlint：在这一行停用 {}（写抑制注释）", d.code),
            kind: Some(CodeActionKind::QUICKFIX),
            diagnostics: Some(vec![lsp.clone()]),
            edit: Some(req.edit(vec![TextEdit::new(Range::new(at, at), comment)])),
            ..CodeAction::default()
        }));
    }
    out
}

/// "Fix all safe": `fixed` is the text with every safe fix applied (None: nothing to fix). The
/// caller has checked that the client wants this kind.
pub fn fix_all(req: &Request, fixed: Option<(&str, usize)>) -> Option<CodeActionOrCommand> {
    let (fixed, applied) = fixed?;
    if fixed == req.text {
        return None;
    }
    let (start, end_old, end_new) = changed_region(req.text, fixed);
    let range = Range::new(req.lines.offset_position(start), req.lines.offset_position(end_old));
    Some(CodeActionOrCommand::CodeAction(CodeAction {
        title: format!("gwlint：应用全部安全修复（{applied} 处）"),
        kind: Some(FIX_ALL),
        edit: Some(req.edit(vec![TextEdit::new(range, fixed[start..end_new].to_string())])),
        ..CodeAction::default()
    }))
}

/// The byte range of `old` that differs from `new`: (start, end in old, end in new), on
/// character boundaries.
fn changed_region(old: &str, new: &str) -> (usize, usize, usize) {
    let prefix: usize = old.chars().zip(new.chars()).take_while(|(a, b)| a == b).map(|(a, _)| a.len_utf8()).sum();
    let suffix: usize = old[prefix..]
        .chars()
        .rev()
        .zip(new[prefix..].chars().rev())
        .take_while(|(a, b)| a == b)
        .map(|(a, _)| a.len_utf8())
        .sum();
    (prefix, old.len() - suffix, new.len() - suffix)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_changed_region_is_the_smallest_whole_character_range() {
        let (s, e, n) = changed_region("经研究,决定如下:\n一、", "经研究，决定如下：\n一、");
        assert_eq!((s, e, n), ("经研究".len(), "经研究,决定如下:".len(), "经研究，决定如下：".len()));
        // Shared characters at both ends of an insertion are not counted twice.
        assert_eq!(changed_region("的的", "的的的"), (6, 6, 9));
        assert_eq!(changed_region("同", "同"), (3, 3, 3));
    }
}
