//! `gwlint server`: a real LSP exchange over stdio with the built binary.

use std::io::{BufRead, BufReader, Read, Write};
use std::process::{ChildStdin, ChildStdout, Command, Stdio};

use serde_json::{json, Value};

struct Client {
    stdin: ChildStdin,
    stdout: BufReader<ChildStdout>,
    next_id: i64,
}

impl Client {
    fn send(&mut self, message: Value) {
        let body = message.to_string();
        write!(self.stdin, "Content-Length: {}\r\n\r\n{body}", body.len()).unwrap();
        self.stdin.flush().unwrap();
    }

    fn notify(&mut self, method: &str, params: Value) {
        self.send(json!({ "jsonrpc": "2.0", "method": method, "params": params }));
    }

    fn request(&mut self, method: &str, params: Value) -> Value {
        self.next_id += 1;
        let id = self.next_id;
        self.send(json!({ "jsonrpc": "2.0", "id": id, "method": method, "params": params }));
        loop {
            let m = self.receive();
            if m["id"] == id {
                return m["result"].clone();
            }
        }
    }

    fn receive(&mut self) -> Value {
        let mut length = 0;
        loop {
            let mut line = String::new();
            self.stdout.read_line(&mut line).unwrap();
            let line = line.trim_end();
            if line.is_empty() {
                break;
            }
            if let Some(n) = line.strip_prefix("Content-Length: ") {
                length = n.parse().unwrap();
            }
        }
        let mut body = vec![0; length];
        self.stdout.read_exact(&mut body).unwrap();
        serde_json::from_slice(&body).unwrap()
    }

    /// The diagnostics published for `uri` at `version`, and how many publications came first.
    fn diagnostics(&mut self, uri: &str, version: i64) -> (Vec<Value>, usize) {
        let mut earlier = 0;
        loop {
            let m = self.receive();
            if m["method"] == "textDocument/publishDiagnostics" && m["params"]["uri"] == uri {
                if m["params"]["version"] == version {
                    return (m["params"]["diagnostics"].as_array().unwrap().clone(), earlier);
                }
                earlier += 1;
            }
        }
    }
}

#[test]
fn diagnostics_in_utf16_fixes_and_a_clean_shutdown_over_stdio() {
    let dir = tempfile::tempdir().unwrap();
    let cache = tempfile::tempdir().unwrap();
    let mut child = Command::new(env!("CARGO_BIN_EXE_gwlint"))
        .arg("server")
        .current_dir(dir.path())
        .env("XDG_CACHE_HOME", cache.path())
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let mut c =
        Client { stdin: child.stdin.take().unwrap(), stdout: BufReader::new(child.stdout.take().unwrap()), next_id: 0 };
    let root = format!("file://{}", dir.path().display());
    let init = c.request(
        "initialize",
        json!({ "processId": null, "rootUri": root, "capabilities": { "general": { "positionEncodings": ["utf-16"] } } }),
    );
    assert_eq!(init["capabilities"]["positionEncoding"], "utf-16");
    c.notify("initialized", json!({}));

    // 𠀀 is outside the BMP: two UTF-16 units before the comma on its line.
    let uri = format!("{root}/%E8%AF%B7%E7%A4%BA.txt");
    let text = "平安市审计局关于开展审计的请示\n\n王市长：\n　　𠀀请予批准,妥否。\n";
    c.notify(
        "textDocument/didOpen",
        json!({ "textDocument": { "uri": uri, "languageId": "plaintext", "version": 1, "text": text } }),
    );
    let (found, _) = c.diagnostics(&uri, 1);
    let comma = found.iter().find(|d| d["code"] == "GW401").expect("GW401");
    let units_before = "　　𠀀请予批准".encode_utf16().count();
    assert_eq!(comma["range"]["start"], json!({ "line": 3, "character": units_before }));
    assert_eq!(comma["range"]["end"], json!({ "line": 3, "character": units_before + 1 }));
    assert_eq!(comma["severity"], 1);
    assert!(found.iter().any(|d| d["code"] == "GW204"), "addressed to a leader");
    // The rule's page, written once to the cache directory, is the finding's link.
    let href = comma["codeDescription"]["href"].as_str().unwrap();
    let page = cache.path().join(format!("gwlint/{}/rules/GW401.md", env!("CARGO_PKG_VERSION")));
    assert_eq!(href, format!("file://{}", page.display()));
    assert!(std::fs::read_to_string(&page).unwrap().starts_with("# GW401 halfwidth-punctuation\n"));

    // A burst of edits, ending in a CRLF text with the comma fixed: the latest is checked, and
    // not every version of the burst is (how many the server sees at once depends on timing).
    for v in 2..6 {
        let t = if v == 5 {
            text.replace(',', "，").replace('\n', "\r\n")
        } else {
            text.replace("批准", &"批准".repeat(v))
        };
        c.notify(
            "textDocument/didChange",
            json!({ "textDocument": { "uri": uri, "version": v }, "contentChanges": [{ "text": t }] }),
        );
    }
    let (after, earlier) = c.diagnostics(&uri, 5);
    assert!(earlier <= 3, "{earlier} publications before the latest");
    assert!(!after.iter().any(|d| d["code"] == "GW401"), "{after:?}");
    assert!(after.iter().any(|d| d["code"] == "GW204"));

    // Back to the comma: a preferred quick fix and the fix-all action.
    c.notify(
        "textDocument/didChange",
        json!({ "textDocument": { "uri": uri, "version": 6 }, "contentChanges": [{ "text": text }] }),
    );
    let _ = c.diagnostics(&uri, 6);
    let actions = c.request(
        "textDocument/codeAction",
        json!({ "textDocument": { "uri": uri }, "range": comma["range"], "context": { "diagnostics": [] } }),
    );
    let actions = actions.as_array().unwrap();
    let title = |a: &Value| a["title"].as_str().unwrap().to_string();
    let quick = actions
        .iter()
        .find(|a| a["kind"] == "quickfix" && title(a).contains("GW401") && !title(a).contains("停用"))
        .unwrap();
    assert_eq!(quick["isPreferred"], true);
    let edits = &quick["edit"]["changes"][&uri];
    assert_eq!(edits[0]["newText"], "，");
    assert_eq!(edits[0]["range"], comma["range"]);
    assert!(actions.iter().any(|a| a["kind"] == "source.fixAll.gwlint"));

    // "Disable on this line" writes a suppression comment above the addressee; applied, the
    // finding is gone and the comment is used (no GW001).
    let to_leader = found.iter().find(|d| d["code"] == "GW204").unwrap();
    let actions = c.request(
        "textDocument/codeAction",
        json!({ "textDocument": { "uri": uri }, "range": to_leader["range"], "context": { "diagnostics": [] } }),
    );
    let disable =
        actions.as_array().unwrap().iter().find(|a| a["title"].as_str().unwrap().contains("停用 GW204")).unwrap();
    let edit = &disable["edit"]["changes"][&uri][0];
    assert_eq!(edit["range"]["start"], json!({ "line": 2, "character": 0 }));
    let inserted = edit["newText"].as_str().unwrap();
    let mut lines: Vec<&str> = text.split_inclusive('\n').collect();
    lines.insert(2, inserted);
    let suppressed: String = lines.concat();
    c.notify(
        "textDocument/didChange",
        json!({ "textDocument": { "uri": uri, "version": 7 }, "contentChanges": [{ "text": suppressed }] }),
    );
    let (now, _) = c.diagnostics(&uri, 7);
    assert!(!now.iter().any(|d| d["code"] == "GW204" || d["code"] == "GW001"), "{now:?}");

    // gwlint.toml written beside the document: the client reports the change, the findings
    // follow the new configuration.
    std::fs::write(dir.path().join("gwlint.toml"), "[lint]\nignore = [\"GW204\"]\n").unwrap();
    c.notify(
        "workspace/didChangeWatchedFiles",
        json!({ "changes": [{ "uri": format!("{root}/gwlint.toml"), "type": 1 }] }),
    );
    c.notify(
        "textDocument/didChange",
        json!({ "textDocument": { "uri": uri, "version": 8 }, "contentChanges": [{ "text": text }] }),
    );
    let (now, _) = c.diagnostics(&uri, 8);
    assert!(now.iter().any(|d| d["code"] == "GW401") && !now.iter().any(|d| d["code"] == "GW204"), "{now:?}");

    assert_eq!(c.request("shutdown", json!(null)), Value::Null);
    c.notify("exit", json!(null));
    assert_eq!(child.wait().unwrap().code(), Some(0));
}
