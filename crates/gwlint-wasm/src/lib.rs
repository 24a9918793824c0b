//! gwlint for the browser: the web page hands a file's bytes to [`check`] and gets the findings
//! as JSON, and to [`annotate`] to get the .docx with its comments. On wasm32 the same functions
//! are exported with the C ABI (no generator needed): the page allocates with `gw_alloc`, calls
//! `gw_check` or `gw_annotate`, and reads the result through `gw_result_ptr`/`gw_result_len`.

use std::sync::LazyLock;

use gwlint_core::annotate::{annotate_docx, AnnotateOptions};
use gwlint_core::{Document, Linter, ParseOptions, Registry};
use serde_json::{json, Value};

static LINTER: LazyLock<Linter> = LazyLock::new(Linter::with_defaults);

/// The findings of a file as JSON: the text the findings point into, and for each finding its
/// rule, category, severity, message, help, fix, clause, 1-based line and column, and its range
/// in UTF-16 units of the text (what a JavaScript string indexes). A file gwlint cannot read
/// gives `{"error": "…"}` naming the problem. Without `layout` a .docx is read as text only (the
/// page's second try when docx-rs stopped the module on a file: a panic cannot be caught here).
pub fn check(name: &str, bytes: &[u8], layout: bool) -> String {
    let options = ParseOptions { docx_layout: layout, ..ParseOptions::default() };
    let doc = match Document::parse(name, bytes, &options) {
        Ok(d) => d,
        Err(e) => return json!({ "error": format!("{name}：{e}") }).to_string(),
    };
    let diagnostics = LINTER.check(&doc);
    let registry: &Registry = LINTER.registry();
    // UTF-16 offsets of every span edge, in one walk over the text (not one walk per finding).
    let mut edges: Vec<usize> = diagnostics.iter().flat_map(|d| [d.span.start, d.span.end]).collect();
    edges.sort_unstable();
    edges.dedup();
    let mut units = std::collections::HashMap::with_capacity(edges.len());
    let (mut byte, mut unit) = (0, 0);
    for edge in edges {
        let edge = edge.min(doc.text.len());
        unit += doc.text[byte..edge].encode_utf16().count();
        byte = edge;
        units.insert(edge, unit);
    }
    let utf16 = |offset: usize| units[&offset.min(doc.text.len())];
    let findings: Vec<Value> = diagnostics
        .iter()
        .map(|d| {
            let at = doc.position(d.span.start);
            json!({
                "code": d.code,
                "name": d.name,
                "category": registry.find(&d.code).map(|r| r.meta().category.name_zh()),
                "severity": d.severity.as_str(),
                "severity_zh": d.severity.label_zh(),
                "message": d.message,
                "help": d.help,
                "fix": d.fix.as_ref().map(|f| json!({ "title": f.title, "safe": f.safe_as_revision || f.applicability == gwlint_core::Applicability::Safe })),
                "source": d.source,
                "line": at.line,
                "column": at.column,
                "start": utf16(d.span.start),
                "end": utf16(d.span.end),
            })
        })
        .collect();
    json!({
        "file": name,
        "kind": doc.kind.as_str(),
        "genre": doc.facts.genre.map(|g| g.as_str()),
        "notes": doc.notes,
        "text": doc.text,
        "diagnostics": findings,
    })
    .to_string()
}

/// The .docx with a comment on each finding (and the safe fixes as tracked changes when
/// `revisions`), or why not.
pub fn annotate(name: &str, bytes: &[u8], revisions: bool, layout: bool) -> Result<Vec<u8>, String> {
    let options = ParseOptions { docx_layout: layout, ..ParseOptions::default() };
    let doc = Document::parse(name, bytes, &options).map_err(|e| format!("{name}：{e}"))?;
    let diagnostics = LINTER.check(&doc);
    annotate_docx(bytes, &doc, &diagnostics, AnnotateOptions { fix_as_revisions: revisions })
        .map(|a| a.bytes)
        .map_err(|e| format!("{name}：{e}"))
}

#[cfg(target_arch = "wasm32")]
mod exports {
    //! The C ABI the page calls. Memory handed in is allocated with `gw_alloc` and freed with
    //! `gw_free`; a call's result stays in `RESULT` until the next call.

    use std::cell::RefCell;

    thread_local! {
        static RESULT: RefCell<Vec<u8>> = const { RefCell::new(Vec::new()) };
    }

    /// A buffer of `len` bytes for the page to fill.
    #[no_mangle]
    pub extern "C" fn gw_alloc(len: usize) -> *mut u8 {
        let mut v = Vec::<u8>::with_capacity(len.max(1));
        let p = v.as_mut_ptr();
        std::mem::forget(v);
        p
    }

    /// Free a buffer from `gw_alloc`.
    ///
    /// # Safety
    /// `ptr` and `len` must be those of a `gw_alloc` call, freed once.
    #[no_mangle]
    pub unsafe extern "C" fn gw_free(ptr: *mut u8, len: usize) {
        drop(Vec::from_raw_parts(ptr, 0, len.max(1)));
    }

    unsafe fn input<'a>(ptr: *const u8, len: usize) -> &'a [u8] {
        if len == 0 {
            &[]
        } else {
            std::slice::from_raw_parts(ptr, len)
        }
    }

    fn set_result(bytes: Vec<u8>) {
        RESULT.with(|r| *r.borrow_mut() = bytes);
    }

    /// Check a file: the result is the JSON of [`crate::check`] (`layout` 0: text only).
    ///
    /// # Safety
    /// The pointers and lengths must describe buffers from `gw_alloc`.
    #[no_mangle]
    pub unsafe extern "C" fn gw_check(name: *const u8, name_len: usize, bytes: *const u8, len: usize, layout: u32) {
        let name = String::from_utf8_lossy(input(name, name_len)).into_owned();
        set_result(crate::check(&name, input(bytes, len), layout != 0).into_bytes());
    }

    /// Annotate a .docx: returns 1 and the .docx as the result, or 0 and the error message.
    ///
    /// # Safety
    /// The pointers and lengths must describe buffers from `gw_alloc`.
    #[no_mangle]
    pub unsafe extern "C" fn gw_annotate(
        name: *const u8,
        name_len: usize,
        bytes: *const u8,
        len: usize,
        revisions: u32,
        layout: u32,
    ) -> u32 {
        let name = String::from_utf8_lossy(input(name, name_len)).into_owned();
        match crate::annotate(&name, input(bytes, len), revisions != 0, layout != 0) {
            Ok(docx) => {
                set_result(docx);
                1
            }
            Err(e) => {
                set_result(e.into_bytes());
                0
            }
        }
    }

    #[no_mangle]
    pub extern "C" fn gw_result_ptr() -> *const u8 {
        RESULT.with(|r| r.borrow().as_ptr())
    }

    #[no_mangle]
    pub extern "C" fn gw_result_len() -> usize {
        RESULT.with(|r| r.borrow().len())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn findings_carry_utf16_ranges_into_the_text() {
        let text = "关于𠀀事项的请示\n\n王市长：\n　　请予批准,妥否。\n";
        let v: Value = serde_json::from_str(&check("请示.txt", text.as_bytes(), true)).unwrap();
        let shown = v["text"].as_str().unwrap();
        let units: Vec<u16> = shown.encode_utf16().collect();
        let comma = v["diagnostics"].as_array().unwrap().iter().find(|d| d["code"] == "GW401").expect("GW401");
        let (s, e) = (comma["start"].as_u64().unwrap() as usize, comma["end"].as_u64().unwrap() as usize);
        assert_eq!(String::from_utf16(&units[s..e]).unwrap(), ",");
        assert_eq!(comma["category"], "标点");
        assert_eq!(comma["fix"]["safe"], true);
        assert!(v["diagnostics"].as_array().unwrap().iter().any(|d| d["code"] == "GW204"));
    }

    #[test]
    fn unreadable_files_give_an_error_naming_them() {
        let v: Value = serde_json::from_str(&check("坏.docx", b"PK\x03\x04broken", true)).unwrap();
        assert!(v["error"].as_str().unwrap().starts_with("坏.docx："), "{v}");
        assert!(annotate("坏.docx", b"not a zip", false, true).unwrap_err().starts_with("坏.docx："));
    }

    #[test]
    fn a_docx_read_as_text_only_says_so_and_skips_the_layout_rules() {
        let bytes = include_bytes!("../../../fixtures/docx/libreoffice/styles_from_html.docx");
        let codes = |v: &Value| -> Vec<String> {
            v["diagnostics"].as_array().unwrap().iter().map(|d| d["code"].as_str().unwrap().to_string()).collect()
        };
        let full: Value = serde_json::from_str(&check("a.docx", bytes, true)).unwrap();
        assert!(codes(&full).iter().any(|c| c.starts_with("GW7")), "{:?}", codes(&full));
        let text_only: Value = serde_json::from_str(&check("a.docx", bytes, false)).unwrap();
        // Only GW700, which tells the drafter the layout was not checked.
        assert_eq!(codes(&text_only).iter().filter(|c| c.starts_with("GW7")).collect::<Vec<_>>(), vec!["GW700"]);
        assert!(text_only["notes"].to_string().contains("版式规则未运行"), "{}", text_only["notes"]);
        assert_eq!(full["text"], text_only["text"]);
        assert!(annotate("a.docx", bytes, true, false).is_ok());
    }
}
