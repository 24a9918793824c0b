//! Text and Markdown bytes → parse → every rule → resolved diagnostics (the JSON contract) →
//! fixes → re-parse, with the fixer's promises asserted. The first byte is a mode byte: bit 0
//! reads the rest as Markdown, bit 1 applies unsafe fixes too.
#![no_main]

use gwlint_core::fix::{encode, fix_document};
use gwlint_core::resolved::ResolvedDiagnostic;
use gwlint_core::{Applicability, Document, Linter, ParseOptions, Span};
use libfuzzer_sys::fuzz_target;
use std::sync::LazyLock;

static LINTER: LazyLock<Linter> = LazyLock::new(Linter::with_defaults);

fuzz_target!(|data: &[u8]| {
    let Some((&mode, bytes)) = data.split_first() else { return };
    let name = if mode & 1 == 1 { "a.md" } else { "a.txt" };
    let min = if mode & 2 == 2 { Applicability::Unsafe } else { Applicability::Safe };
    let Ok(doc) = Document::parse(name, bytes, &ParseOptions::default()) else { return };
    let diags = LINTER.check(&doc);
    for d in &diags {
        let r = ResolvedDiagnostic::new(name, &doc, d);
        assert!(r.range.start <= r.range.end);
        // Every range read back from the file's bytes is the text the rule flagged.
        if let (Some(a), Some(b)) = (r.range.start.byte, r.range.end.byte) {
            // The text has one line break (\n) where the file may have \r\n or \r.
            let decoded =
                gwlint_core::fix::decode_as(&bytes[a..b], doc.encoding).replace("\r\n", "\n").replace('\r', "\n");
            let plain = doc.source_edit(&gwlint_core::Edit { span: d.span, replacement: String::new() }).is_some();
            if plain || !d.span.is_empty() && !doc.slice(d.span).contains('\n') && name.ends_with(".txt") {
                assert_eq!(decoded, doc.slice(d.span), "range of {}", d.code);
            }
        }
        serde_json::to_string(&r).expect("serialisable");
    }
    let Ok(fixed) = fix_document(&doc, &LINTER, min, 8) else { return };
    // The first pass edits only inside what the report showed; anything else is announced.
    let allowed: Vec<Span> = diags
        .iter()
        .filter(|d| d.fix.as_ref().is_some_and(|f| f.applicability >= min))
        .flat_map(|d| std::iter::once(d.span).chain(d.fix.iter().flat_map(|f| f.edits.iter().map(|e| e.span))))
        .map(|s| Span::new(doc.source_offset(s.start), doc.source_offset(s.end)))
        .collect();
    let outside = fixed.changed.iter().any(|c| !allowed.iter().any(|s| s.start <= c.start && c.end <= s.end));
    assert!(!outside || !fixed.follow_ons.is_empty(), "an edit outside the report was not announced");
    // A file that does not round-trip (damaged bytes) is never written: no more promises apply.
    if !doc.round_trips {
        return;
    }
    // A fix that would change how the file is read (a guessed encoding) is never written.
    if !gwlint_core::fix::reads_back(&doc, &fixed.source, &ParseOptions::default()) {
        return;
    }
    // The fixed text is read back in the same encoding, and a second run changes nothing.
    let written = encode(&fixed.source, doc.encoding, doc.bom);
    let again = Document::parse(name, &written, &ParseOptions::default()).expect("fixed text reads");
    assert_eq!(again.encoding, doc.encoding);
    let twice = fix_document(&again, &LINTER, min, 8).expect("re-fix");
    assert_eq!(twice.applied, 0, "a second fix run changed the text");
});
