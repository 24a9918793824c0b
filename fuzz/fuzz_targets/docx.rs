//! .docx bytes → parse → every rule → resolved diagnostics: never a panic, a hang or an abort.
#![no_main]

use gwlint_core::resolved::ResolvedDiagnostic;
use gwlint_core::{Document, Linter, ParseOptions};
use libfuzzer_sys::fuzz_target;
use std::sync::LazyLock;

static LINTER: LazyLock<Linter> = LazyLock::new(Linter::with_defaults);

fuzz_target!(|data: &[u8]| {
    let Ok(doc) = Document::parse("a.docx", data, &ParseOptions::default()) else { return };
    for d in LINTER.check(&doc) {
        let r = ResolvedDiagnostic::new("a.docx", &doc, &d);
        assert!(r.range.start <= r.range.end);
        if doc.docx_map.is_some() && !d.span.is_empty() {
            // Every finding in a paragraph has a place in document.xml.
            let _ = doc.docx_location(d.span.start);
        }
    }
});
