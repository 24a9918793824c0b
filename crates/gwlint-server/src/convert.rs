//! A gwlint finding as an LSP diagnostic.

use gwlint_core::resolved::ResolvedDiagnostic;
use gwlint_core::Severity;
use lsp_types::{
    CodeDescription, Diagnostic, DiagnosticRelatedInformation, DiagnosticSeverity, Location, NumberOrString, Uri,
};
use serde_json::json;

use crate::position::LineIndex;

/// The diagnostic for a finding: code, severity (raised to error at or above the fail level),
/// message with the help line, the rule's page, its other locations, and in `data` the rule's
/// name, clause and fingerprint (the JSON contract's fields).
pub fn diagnostic(
    d: &ResolvedDiagnostic,
    lines: &LineIndex,
    uri: &Uri,
    fail_level: Option<Severity>,
    href: Option<Uri>,
) -> Diagnostic {
    let severity = match d.severity {
        s if fail_level.is_some_and(|f| s >= f) => DiagnosticSeverity::ERROR,
        Severity::Error => DiagnosticSeverity::ERROR,
        Severity::Warning => DiagnosticSeverity::WARNING,
        Severity::Info => DiagnosticSeverity::INFORMATION,
    };
    let mut message = d.message.clone();
    if let Some(help) = &d.help {
        message.push('\n');
        message.push_str(help);
    }
    let related: Vec<DiagnosticRelatedInformation> = d
        .related
        .iter()
        .map(|l| DiagnosticRelatedInformation {
            location: Location::new(uri.clone(), lines.range(l.range)),
            message: l.message.clone(),
        })
        .collect();
    Diagnostic {
        range: lines.range(d.range),
        severity: Some(severity),
        code: Some(NumberOrString::String(d.code.clone())),
        code_description: href.map(|href| CodeDescription { href }),
        source: Some("gwlint".into()),
        message,
        related_information: (!related.is_empty()).then_some(related),
        tags: None,
        data: Some(json!({ "name": d.name, "clause": d.source, "fingerprint": d.fingerprint })),
    }
}

/// A file gwlint could not read, as one diagnostic at its start.
pub fn unreadable(message: &str) -> Diagnostic {
    Diagnostic {
        severity: Some(DiagnosticSeverity::ERROR),
        source: Some("gwlint".into()),
        message: format!("gwlint 无法读取此文件：{message}"),
        ..Diagnostic::default()
    }
}
