//! One finding of the JSON report (contract v2) written straight into the spool's element: the
//! bytes serde_json's pretty printer writes for a [`ResolvedDiagnostic`] at its depth in the
//! report (two spaces a level), without going through serde.
//!
//! A finding is some forty lines of JSON, most of them a key and a short value: serde writes
//! each line in half a dozen calls (the new line, the indentation, the key escaped as a string,
//! the colon, the value, the end of the value), and the report's findings were some 4% of a run
//! over the corpus. Here a line is its key's bytes, with the new line and the colon, and its
//! value. The test below holds this writer to serde's output for every finding of every document
//! fixture and for strings of every character that needs escaping; a field added to
//! `ResolvedDiagnostic` without being added here fails it.

use gwlint_core::resolved::{FileEdit, FilePosition, FileRange, ResolvedDiagnostic, ResolvedFix, ResolvedLabel};

use super::spool::write_indent;

/// Writes `d` as the JSON value that stands at `depth` levels of indentation (its first line
/// already indented by the caller), as serde_json's pretty printer writes it there.
pub fn write(out: &mut Vec<u8>, d: &ResolvedDiagnostic, depth: usize) {
    // Most findings take one to two kilobytes: room made once.
    out.reserve(2048);
    let mut w = Writer { out, depth, empty: true };
    w.open(b'{');
    w.key("\"path\": ");
    w.string(&d.path);
    w.key("\"code\": ");
    w.string(&d.code);
    w.key("\"name\": ");
    w.string(&d.name);
    w.key("\"severity\": ");
    w.string(d.severity.as_str());
    w.key("\"message\": ");
    w.string(&d.message);
    w.key("\"label\": ");
    w.optional(d.label.as_deref(), Writer::string);
    w.key("\"help\": ");
    w.optional(d.help.as_deref(), Writer::string);
    w.key("\"source\": ");
    w.optional(d.source.as_deref(), Writer::string);
    w.key("\"range\": ");
    w.range(&d.range);
    w.key("\"related\": ");
    w.array(&d.related, Writer::label);
    w.key("\"fingerprint\": ");
    w.string(&d.fingerprint);
    w.key("\"fix\": ");
    w.optional(d.fix.as_ref(), Writer::fix);
    w.close(b'}');
}

/// The JSON text being written and the depth of the line being written.
struct Writer<'a> {
    out: &'a mut Vec<u8>,
    depth: usize,
    /// Whether the object or array open last holds nothing yet: its first line has no comma
    /// before it, and it closes on the same line (`[]`, `{}`).
    empty: bool,
}

impl Writer<'_> {
    /// An object or array opens: what follows is a level deeper.
    fn open(&mut self, mark: u8) {
        self.out.push(mark);
        self.depth += 1;
        self.empty = true;
    }

    /// An object or array closes, on a line of its own if it holds anything. It is a value of
    /// the one around it, which held something before it opened (the key or line it follows).
    fn close(&mut self, mark: u8) {
        self.depth -= 1;
        if !self.empty {
            self.break_line(false);
        }
        self.out.push(mark);
        self.empty = false;
    }

    /// The start of a line inside the object or array open last: after its first, a comma ends
    /// the line before.
    fn line(&mut self) {
        self.break_line(!self.empty);
        self.empty = false;
    }

    /// A new line and the indentation, after a comma if `comma`: one copy, cut from a run of
    /// them (past 31 levels, the indentation written on its own).
    fn break_line(&mut self, comma: bool) {
        const LINE: &[u8; 66] = b",\n                                                                ";
        let from = usize::from(!comma);
        match LINE.get(from..2 + 2 * self.depth) {
            Some(line) => self.out.extend_from_slice(line),
            None => {
                self.out.extend_from_slice(&LINE[from..2]);
                write_indent(self.out, self.depth).expect("memory is written without failing");
            }
        }
    }

    /// A key of an object, on its line: `key` is the field name quoted, with the colon and the
    /// space after it (no character of the name needs escaping).
    fn key(&mut self, key: &str) {
        debug_assert!(
            key.starts_with('"') && key.ends_with("\": ") && !key[1..key.len() - 3].bytes().any(needs_escape)
        );
        self.line();
        self.out.extend_from_slice(key.as_bytes());
    }

    /// A JSON string, escaped as serde_json escapes it: `"` and `\`, the control characters
    /// below U+0020 (those with a short escape by it, the others as `\u00xx`); nothing else.
    fn string(&mut self, s: &str) {
        self.out.push(b'"');
        let bytes = s.as_bytes();
        if !bytes.iter().any(|&b| needs_escape(b)) {
            self.out.extend_from_slice(bytes);
        } else {
            let mut from = 0;
            for (i, &b) in bytes.iter().enumerate() {
                if !needs_escape(b) {
                    continue;
                }
                self.out.extend_from_slice(&bytes[from..i]);
                from = i + 1;
                match b {
                    b'"' => self.out.extend_from_slice(b"\\\""),
                    b'\\' => self.out.extend_from_slice(b"\\\\"),
                    b'\n' => self.out.extend_from_slice(b"\\n"),
                    b'\r' => self.out.extend_from_slice(b"\\r"),
                    b'\t' => self.out.extend_from_slice(b"\\t"),
                    0x08 => self.out.extend_from_slice(b"\\b"),
                    0x0C => self.out.extend_from_slice(b"\\f"),
                    _ => {
                        const HEX: &[u8; 16] = b"0123456789abcdef";
                        self.out.extend_from_slice(b"\\u00");
                        self.out.extend_from_slice(&[HEX[usize::from(b >> 4)], HEX[usize::from(b & 0xF)]]);
                    }
                }
            }
            self.out.extend_from_slice(&bytes[from..]);
        }
        self.out.push(b'"');
    }

    /// `value` written by `write`, or `null`.
    fn optional<T>(&mut self, value: Option<T>, write: impl FnOnce(&mut Self, T)) {
        match value {
            Some(v) => write(self, v),
            None => self.out.extend_from_slice(b"null"),
        }
    }

    /// A whole number in decimal.
    fn number(&mut self, n: usize) {
        let mut digits = [0u8; 20];
        let mut at = digits.len();
        let mut n = n;
        loop {
            at -= 1;
            digits[at] = b'0' + (n % 10) as u8;
            n /= 10;
            if n == 0 {
                break;
            }
        }
        self.out.extend_from_slice(&digits[at..]);
    }

    /// An array of `items`, each written by `item`.
    fn array<T>(&mut self, items: &[T], item: fn(&mut Self, &T)) {
        self.open(b'[');
        for x in items {
            self.line();
            item(self, x);
        }
        self.close(b']');
    }

    fn position(&mut self, p: &FilePosition) {
        self.open(b'{');
        self.key("\"line\": ");
        self.number(p.line);
        self.key("\"column\": ");
        self.number(p.column);
        self.key("\"utf16_column\": ");
        self.number(p.utf16_column);
        self.key("\"byte\": ");
        self.optional(p.byte, Writer::number);
        self.close(b'}');
    }

    fn range(&mut self, r: &FileRange) {
        self.open(b'{');
        self.key("\"start\": ");
        self.position(&r.start);
        self.key("\"end\": ");
        self.position(&r.end);
        self.close(b'}');
    }

    fn label(&mut self, l: &ResolvedLabel) {
        self.open(b'{');
        self.key("\"message\": ");
        self.string(&l.message);
        self.key("\"range\": ");
        self.range(&l.range);
        self.close(b'}');
    }

    fn edit(&mut self, e: &FileEdit) {
        self.open(b'{');
        self.key("\"range\": ");
        self.range(&e.range);
        self.key("\"replacement\": ");
        self.string(&e.replacement);
        self.close(b'}');
    }

    fn fix(&mut self, f: &ResolvedFix) {
        self.open(b'{');
        self.key("\"applicability\": ");
        self.string(f.applicability.as_str());
        self.key("\"title\": ");
        self.string(&f.title);
        self.key("\"edits\": ");
        self.array(&f.edits, Writer::edit);
        self.close(b'}');
    }
}

/// Whether serde_json writes byte `b` of a string escaped.
fn needs_escape(b: u8) -> bool {
    b < 0x20 || b == b'"' || b == b'\\'
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::output::spool::Spool;
    use gwlint_core::diagnostic::{Applicability, Severity};
    use gwlint_core::{Document, Linter, ParseOptions};

    /// The spooled array of `findings` at `depth`, written by serde and by [`write`].
    fn both(findings: &[ResolvedDiagnostic], depth: usize) -> (String, String) {
        let (mut by_serde, mut by_writer) = (Spool::at_depth(depth), Spool::at_depth(depth));
        for d in findings {
            by_serde.push(d).unwrap();
            by_writer
                .push_written(|out, depth| {
                    write(out, d, depth);
                    Ok(())
                })
                .unwrap();
        }
        let (mut a, mut b) = (Vec::new(), Vec::new());
        by_serde.drain_into(&mut a).unwrap();
        by_writer.drain_into(&mut b).unwrap();
        (String::from_utf8(a).unwrap(), String::from_utf8(b).unwrap())
    }

    #[test]
    fn every_finding_of_the_document_fixtures_is_written_as_serde_writes_it() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures");
        let linter = Linter::with_defaults();
        let (mut files, mut findings) = (0, Vec::new());
        let mut stack = vec![dir];
        while let Some(dir) = stack.pop() {
            for entry in std::fs::read_dir(&dir).unwrap() {
                let path = entry.unwrap().path();
                if path.is_dir() {
                    stack.push(path);
                    continue;
                }
                let name = path.to_string_lossy().into_owned();
                let Ok(doc) = Document::parse(&name, &std::fs::read(&path).unwrap(), &ParseOptions::default()) else {
                    continue;
                };
                files += 1;
                findings.extend(linter.check(&doc).iter().map(|d| ResolvedDiagnostic::new(&name, &doc, d)));
            }
        }
        assert!(files > 200 && findings.len() > 500, "{files} files, {} findings", findings.len());
        // Every shape: labels and none, fixes with edits, without and none, .docx positions
        // without a byte.
        assert!(findings.iter().any(|d| !d.related.is_empty()) && findings.iter().any(|d| d.related.is_empty()));
        assert!(findings.iter().any(|d| d.fix.as_ref().is_some_and(|f| f.edits.len() > 1)));
        assert!(findings.iter().any(|d| d.fix.is_none()) && findings.iter().any(|d| d.range.start.byte.is_none()));
        let (by_serde, by_writer) = both(&findings, 2);
        assert!(by_serde == by_writer, "the writer and serde differ");
    }

    #[test]
    fn strings_are_escaped_as_serde_escapes_them() {
        let position = |line, byte| FilePosition { line, column: 10, utf16_column: 9, byte };
        let range = FileRange { start: position(1, Some(0)), end: position(usize::MAX, None) };
        // Every ASCII character, and characters around them that serde leaves as they are.
        let every: String =
            (0u8..0x80).map(char::from).chain(['\u{7f}', '\u{80}', '“', '、', '\u{2028}', '😀']).collect();
        let finding = |text: &str| ResolvedDiagnostic {
            path: text.to_string(),
            code: "GW000".to_string(),
            name: text.to_string(),
            severity: Severity::Info,
            message: text.to_string(),
            label: Some(text.to_string()),
            help: None,
            source: Some(String::new()),
            range,
            related: vec![ResolvedLabel { message: text.to_string(), range }],
            fingerprint: text.to_string(),
            fix: Some(ResolvedFix {
                applicability: Applicability::Safe,
                title: text.to_string(),
                edits: vec![FileEdit { range, replacement: text.to_string() }],
            }),
        };
        let mut findings: Vec<ResolvedDiagnostic> =
            ["", "\"", "\\", "a\"b\\c\u{0}\u{1f}\n\r\t\u{8}\u{c}d", "公文", &every]
                .iter()
                .map(|t| finding(t))
                .collect();
        // The shapes the fixtures may lack: a display-only fix without edits, no fix, no label.
        let mut bare = finding("公文");
        bare.fix.as_mut().unwrap().edits.clear();
        bare.fix.as_mut().unwrap().applicability = Applicability::DisplayOnly;
        findings.push(bare.clone());
        (bare.fix, bare.label, bare.related, bare.severity) = (None, None, Vec::new(), Severity::Error);
        findings.push(bare);
        let (by_serde, by_writer) = both(&findings, 2);
        assert_eq!(by_serde, by_writer);
        assert!(by_writer.contains(r#"\u0000"#) && by_writer.contains(r#"\u001f"#) && by_writer.contains("\u{7f}"));
        // Deeper than the run of spaces a line is cut from (31 levels).
        let (by_serde, by_writer) = both(&findings[..1], 40);
        assert_eq!(by_serde, by_writer);
    }
}
