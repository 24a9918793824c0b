//! Text a report can only write at its end (a JSON array that comes after the inputs that could
//! not be read, JUnit test cases after their totals), kept in memory while it is small and in a
//! temporary file once it is not, so a report over a whole archive does not hold its findings
//! in memory.

use std::fs::File;
use std::io::{self, Seek, Write};
use std::path::PathBuf;
use std::sync::atomic::{AtomicUsize, Ordering};

/// Bytes kept in memory before they move to a temporary file.
const IN_MEMORY: usize = 4 << 20;

/// Bytes written now and read back once, at the end of a report.
#[derive(Debug, Default)]
pub struct Store {
    memory: Vec<u8>,
    file: Option<TempFile>,
    len: u64,
}

#[derive(Debug)]
struct TempFile {
    file: File,
    path: PathBuf,
}

impl Drop for TempFile {
    fn drop(&mut self) {
        let _ = std::fs::remove_file(&self.path);
    }
}

/// A new file in the temporary directory, removed when dropped (`None` when none can be made:
/// the bytes then stay in memory).
fn temp_file() -> Option<TempFile> {
    static COUNT: AtomicUsize = AtomicUsize::new(0);
    let dir = std::env::temp_dir();
    for _ in 0..16 {
        let n = COUNT.fetch_add(1, Ordering::Relaxed);
        let path = dir.join(format!("gwlint-spool-{}-{n}", std::process::id()));
        if let Ok(file) = File::options().read(true).write(true).create_new(true).open(&path) {
            // On Unix the name goes at once (the open file stays usable), so a run that is
            // killed leaves nothing behind; elsewhere it goes when the spool is dropped.
            #[cfg(unix)]
            let _ = std::fs::remove_file(&path);
            return Some(TempFile { file, path });
        }
    }
    None
}

impl Store {
    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// Write everything stored to `out`, and empty the store.
    pub fn drain_into(&mut self, out: &mut dyn Write) -> io::Result<()> {
        if let Some(mut t) = self.file.take() {
            t.file.write_all(&self.memory)?;
            t.file.rewind()?;
            io::copy(&mut &t.file, out)?;
        } else {
            out.write_all(&self.memory)?;
        }
        self.memory = Vec::new();
        self.len = 0;
        Ok(())
    }
}

impl Write for Store {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.memory.extend_from_slice(buf);
        self.len += buf.len() as u64;
        if self.memory.len() >= IN_MEMORY {
            if self.file.is_none() {
                self.file = temp_file();
            }
            if let Some(t) = &mut self.file {
                t.file.write_all(&self.memory)?;
                self.memory.clear();
            }
        }
        Ok(buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}

/// A JSON array written an element at a time, pretty-printed as `serde_json::to_writer_pretty`
/// prints it at its depth in the report (two spaces a level).
#[derive(Debug)]
pub struct Spool {
    store: Store,
    depth: usize,
    /// The element being written (kept for the next one).
    element: Vec<u8>,
}

impl Spool {
    /// An array whose elements stand at `depth` levels of indentation.
    pub fn at_depth(depth: usize) -> Spool {
        Spool { store: Store::default(), depth, element: Vec::new() }
    }

    pub fn push(&mut self, value: &impl serde::Serialize) -> io::Result<()> {
        self.push_written(|element, depth| {
            let mut ser = serde_json::Serializer::with_formatter(element, Pretty::at_depth(depth));
            value.serialize(&mut ser).map_err(io::Error::from)
        })
    }

    /// [`Spool::push`] of an element that `write` writes itself, given the element's bytes so
    /// far (its first line indented) and its depth: it must write what serde_json's pretty
    /// printer would there.
    pub fn push_written(&mut self, write: impl FnOnce(&mut Vec<u8>, usize) -> io::Result<()>) -> io::Result<()> {
        self.element.clear();
        self.element.extend_from_slice(if self.store.is_empty() { b"\n" } else { b",\n" });
        write_indent(&mut self.element, self.depth)?;
        write(&mut self.element, self.depth)?;
        self.store.write_all(&self.element)
    }

    /// Write the array to `out`, and empty the spool.
    pub fn drain_into(&mut self, out: &mut dyn Write) -> io::Result<()> {
        if self.store.is_empty() {
            return out.write_all(b"[]");
        }
        out.write_all(b"[")?;
        self.store.drain_into(out)?;
        write!(out, "\n{}]", "  ".repeat(self.depth.saturating_sub(1)))
    }
}

/// serde_json's `PrettyFormatter` with two spaces a level, starting at a depth, writing a new
/// line and its indentation at once (it writes the indentation a level at a time, and the
/// spool indented every line of an element a second time).
struct Pretty {
    current_indent: usize,
    has_value: bool,
}

/// `levels` levels of two-space indentation.
pub(super) fn write_indent<W: ?Sized + Write>(writer: &mut W, levels: usize) -> io::Result<()> {
    const SPACES: &[u8; 64] = b"                                                                ";
    let mut n = 2 * levels;
    while n > 0 {
        let k = n.min(SPACES.len());
        writer.write_all(&SPACES[..k])?;
        n -= k;
    }
    Ok(())
}

impl Pretty {
    fn at_depth(depth: usize) -> Self {
        Pretty { current_indent: depth, has_value: false }
    }

    /// An array or object opens (`mark`): one level deeper, no value yet.
    fn open<W: ?Sized + Write>(&mut self, writer: &mut W, mark: &[u8]) -> io::Result<()> {
        self.current_indent += 1;
        self.has_value = false;
        writer.write_all(mark)
    }

    /// An array or object closes (`mark`), on a line of its own when it holds a value.
    fn close<W: ?Sized + Write>(&mut self, writer: &mut W, mark: &[u8]) -> io::Result<()> {
        self.current_indent -= 1;
        if self.has_value {
            writer.write_all(b"\n")?;
            write_indent(writer, self.current_indent)?;
        }
        writer.write_all(mark)
    }

    /// An element or a key starts a line of its own.
    fn new_line<W: ?Sized + Write>(&mut self, writer: &mut W, first: bool) -> io::Result<()> {
        writer.write_all(if first { b"\n" } else { b",\n" })?;
        write_indent(writer, self.current_indent)
    }
}

impl serde_json::ser::Formatter for Pretty {
    fn begin_array<W: ?Sized + Write>(&mut self, writer: &mut W) -> io::Result<()> {
        self.open(writer, b"[")
    }

    fn end_array<W: ?Sized + Write>(&mut self, writer: &mut W) -> io::Result<()> {
        self.close(writer, b"]")
    }

    fn begin_array_value<W: ?Sized + Write>(&mut self, writer: &mut W, first: bool) -> io::Result<()> {
        self.new_line(writer, first)
    }

    fn end_array_value<W: ?Sized + Write>(&mut self, _writer: &mut W) -> io::Result<()> {
        self.has_value = true;
        Ok(())
    }

    fn begin_object<W: ?Sized + Write>(&mut self, writer: &mut W) -> io::Result<()> {
        self.open(writer, b"{")
    }

    fn end_object<W: ?Sized + Write>(&mut self, writer: &mut W) -> io::Result<()> {
        self.close(writer, b"}")
    }

    fn begin_object_key<W: ?Sized + Write>(&mut self, writer: &mut W, first: bool) -> io::Result<()> {
        self.new_line(writer, first)
    }

    fn begin_object_value<W: ?Sized + Write>(&mut self, writer: &mut W) -> io::Result<()> {
        writer.write_all(b": ")
    }

    fn end_object_value<W: ?Sized + Write>(&mut self, _writer: &mut W) -> io::Result<()> {
        self.has_value = true;
        Ok(())
    }
}

/// What stands in the report for a spooled array until it is written: a number no count in a
/// report has.
const MARK: &str = "-0.0009999999999999119";

/// The value to put in a report's field for a spooled array.
pub fn placeholder() -> Box<serde_json::value::RawValue> {
    serde_json::value::RawValue::from_string(MARK.to_string()).expect("a JSON number")
}

/// Write `frame` (a report pretty-printed with [`placeholder`] in the fields `arrays` name) to
/// `out` with each spooled array in its field. A field is found by its line — a new line, the
/// indentation, the key and the mark — which no JSON string can hold (its new lines are escaped).
pub fn write_with_arrays(
    out: &mut dyn Write,
    frame: &impl serde::Serialize,
    arrays: &mut [(&str, &mut Spool)],
) -> io::Result<()> {
    let text = serde_json::to_string_pretty(frame).map_err(io::Error::from)?;
    let mut cuts: Vec<(usize, usize, usize)> = Vec::new();
    for (i, (key, spool)) in arrays.iter().enumerate() {
        let line = format!("\n{}\"{key}\": ", "  ".repeat(spool.depth.saturating_sub(1)));
        let at = text
            .match_indices(&format!("{line}{MARK}"))
            .map(|(at, _)| at + line.len())
            .next()
            .ok_or_else(|| io::Error::other(format!("no place for the array {key} in the report")))?;
        cuts.push((at, at + MARK.len(), i));
    }
    cuts.sort_unstable();
    let mut from = 0;
    for (start, end, i) in cuts {
        out.write_all(&text.as_bytes()[from..start])?;
        arrays[i].1.drain_into(out)?;
        from = end;
    }
    out.write_all(&text.as_bytes()[from..])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(serde::Serialize)]
    struct Report<T> {
        version: u32,
        items: T,
        after: Vec<String>,
    }

    fn items() -> Vec<serde_json::Value> {
        // Deeper than the formatter's run of spaces (32 levels), empty and nested containers.
        let deep = (0..40).fold(serde_json::json!([]), |v, i| serde_json::json!({ "k": [v, i, {}] }));
        vec![
            serde_json::json!({"a": 1, "b": [1, 2], "c": "x\ny"}),
            serde_json::json!({"d": {}}),
            serde_json::json!([[], [{}], [[1], {"e": []}]]),
            deep,
        ]
    }

    #[test]
    fn a_spooled_array_prints_as_the_whole_report_would() {
        // A string after the array that holds the mark cannot be taken for its place.
        let after = vec![format!("\"items\": {MARK}"), format!("\n  \"items\": {MARK}")];
        for items in [items(), Vec::new()] {
            let whole =
                serde_json::to_string_pretty(&Report { version: 2, items: &items, after: after.clone() }).unwrap();
            let mut spool = Spool::at_depth(2);
            for item in &items {
                spool.push(item).unwrap();
            }
            let mut out = Vec::new();
            let frame = Report { version: 2, items: placeholder(), after: after.clone() };
            write_with_arrays(&mut out, &frame, &mut [("items", &mut spool)]).unwrap();
            assert_eq!(String::from_utf8(out).unwrap(), whole);
        }
    }

    #[test]
    fn a_large_spool_moves_to_a_file_and_reads_back_whole() {
        let mut spool = Spool::at_depth(1);
        let many: Vec<serde_json::Value> =
            (0..40_000).map(|i| serde_json::json!({"n": i, "text": "公文".repeat(20)})).collect();
        for v in &many {
            spool.push(v).unwrap();
        }
        assert!(spool.store.file.is_some(), "past {IN_MEMORY} bytes the spool is a file");
        let path = spool.store.file.as_ref().unwrap().path.clone();
        let mut out = Vec::new();
        spool.drain_into(&mut out).unwrap();
        assert_eq!(String::from_utf8(out).unwrap(), serde_json::to_string_pretty(&many).unwrap());
        assert!(!path.exists(), "the temporary file is removed once read");
    }
}
