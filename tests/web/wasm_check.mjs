// Runs gwlint's WebAssembly module the way web/index.html does (the same exports, the same
// memory protocol) on each file given, and prints one JSON line per file: its findings' codes,
// or the error, and for a .docx the size of the annotated copy.
// usage: node wasm_check.mjs gwlint.wasm FILE...
import fs from "fs";
import path from "path";

const [wasmPath, ...files] = process.argv.slice(2);
const { instance } = await WebAssembly.instantiate(fs.readFileSync(wasmPath), {});
const gw = instance.exports;

function call(fn, name, bytes, ...rest) {
  const n = new TextEncoder().encode(name);
  const np = gw.gw_alloc(n.length), bp = gw.gw_alloc(bytes.length);
  new Uint8Array(gw.memory.buffer, np, n.length).set(n);
  new Uint8Array(gw.memory.buffer, bp, bytes.length).set(bytes);
  try {
    const r = gw[fn](np, n.length, bp, bytes.length, ...rest);
    return [r, new Uint8Array(gw.memory.buffer, gw.gw_result_ptr(), gw.gw_result_len()).slice()];
  } finally {
    gw.gw_free(np, n.length);
    gw.gw_free(bp, bytes.length);
  }
}

for (const file of files) {
  const name = path.basename(file);
  const bytes = new Uint8Array(fs.readFileSync(file));
  const [, out] = call("gw_check", name, bytes, 1);
  const result = JSON.parse(new TextDecoder().decode(out));
  const line = { file: name };
  if (result.error) {
    line.error = result.error;
  } else {
    line.codes = result.diagnostics.map((d) => d.code);
    // Each range indexes the text as JavaScript does (UTF-16).
    line.ranges_ok = result.diagnostics.every((d) => d.start <= d.end && d.end <= result.text.length);
  }
  if (name.endsWith(".docx") && !result.error) {
    const [ok, docx] = call("gw_annotate", name, bytes, 1, 1);
    line.annotated = ok ? docx.length : new TextDecoder().decode(docx);
    if (ok) fs.writeFileSync(path.join(process.env.OUT_DIR || ".", name.replace(/\.docx$/, "-web.docx")), docx);
  }
  console.log(JSON.stringify(line));
}
