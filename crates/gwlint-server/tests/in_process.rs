//! The language server in process, over `Connection::memory()`: a client that sends what an
//! editor sends and reads every message back.

use std::path::Path;
use std::thread::JoinHandle;

use lsp_server::{Connection, Message, Notification, Request, RequestId, Response};
use serde_json::{json, Value};

struct Client {
    conn: Connection,
    server: Option<JoinHandle<Result<(), String>>>,
    next_id: i32,
    /// Messages read while waiting for something else.
    seen: Vec<Message>,
}

impl Client {
    fn start(root: &Path, capabilities: Value, options: Value) -> (Client, Value) {
        let (server, client) = Connection::memory();
        let handle = std::thread::spawn(move || gwlint_server::run(server));
        let mut c = Client { conn: client, server: Some(handle), next_id: 0, seen: Vec::new() };
        let init = c.request(
            "initialize",
            json!({ "processId": null, "rootUri": uri(root), "capabilities": capabilities, "initializationOptions": options }),
        );
        c.notify("initialized", json!({}));
        (c, init)
    }

    fn notify(&self, method: &str, params: Value) {
        self.conn.sender.send(Message::Notification(Notification::new(method.into(), params))).unwrap();
    }

    fn request(&mut self, method: &str, params: Value) -> Value {
        self.next_id += 1;
        let id = RequestId::from(self.next_id);
        self.conn.sender.send(Message::Request(Request::new(id.clone(), method.into(), params))).unwrap();
        loop {
            match self.next() {
                Message::Response(r) if r.id == id => return r.response_result.expect("an answer, not an error"),
                other => self.seen.push(other),
            }
        }
    }

    fn next(&self) -> Message {
        self.conn.receiver.recv_timeout(std::time::Duration::from_secs(60)).expect("the server answers")
    }

    /// The next message matching `pick`, among those seen or still to come.
    fn wait(&mut self, pick: impl Fn(&Message) -> bool) -> Message {
        if let Some(i) = self.seen.iter().position(&pick) {
            return self.seen.remove(i);
        }
        loop {
            let m = self.next();
            if pick(&m) {
                return m;
            }
            self.seen.push(m);
        }
    }

    /// The next diagnostics published for `uri`.
    fn diagnostics(&mut self, uri: &str) -> Vec<Value> {
        let m = self.wait(|m| {
            matches!(m, Message::Notification(n) if n.method == "textDocument/publishDiagnostics" && n.params["uri"] == uri)
        });
        let Message::Notification(n) = m else { unreachable!() };
        n.params["diagnostics"].as_array().unwrap().clone()
    }

    fn open(&mut self, uri: &str, text: &str) -> Vec<Value> {
        self.notify(
            "textDocument/didOpen",
            json!({ "textDocument": { "uri": uri, "languageId": "markdown", "version": 1, "text": text } }),
        );
        self.diagnostics(uri)
    }

    fn stop(mut self) {
        assert_eq!(self.request("shutdown", Value::Null), Value::Null);
        self.notify("exit", Value::Null);
        self.server.take().unwrap().join().unwrap().unwrap();
    }
}

fn uri(path: &Path) -> String {
    let mut out = String::from("file://");
    for b in path.to_str().unwrap().bytes() {
        if b.is_ascii_alphanumeric() || b"/-._".contains(&b) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

fn codes(found: &[Value]) -> Vec<&str> {
    found.iter().map(|d| d["code"].as_str().unwrap_or("")).collect()
}

/// Apply text edits (positions in UTF-8 bytes) to a text.
fn apply_utf8(text: &str, edits: &[Value]) -> String {
    let starts: Vec<usize> = std::iter::once(0).chain(text.match_indices('\n').map(|(i, _)| i + 1)).collect();
    let offset = |p: &Value| starts[p["line"].as_u64().unwrap() as usize] + p["character"].as_u64().unwrap() as usize;
    let mut edits: Vec<(usize, usize, &str)> = edits
        .iter()
        .map(|e| (offset(&e["range"]["start"]), offset(&e["range"]["end"]), e["newText"].as_str().unwrap()))
        .collect();
    edits.sort();
    let mut out = text.to_string();
    for (s, e, t) in edits.into_iter().rev() {
        out.replace_range(s..e, t);
    }
    out
}

const REQUEST: &str = "平安市审计局关于开展审计的请示\r\n\r\n市政府：\r\n　　𠀀请予批准,妥否。\r\n";

#[test]
fn utf8_positions_in_a_crlf_markdown_file_rule_links_hover_and_fix_all() {
    let dir = tempfile::tempdir().unwrap();
    let caps = json!({
        "general": { "positionEncodings": ["utf-16", "utf-8"] },
        "workspace": { "didChangeWatchedFiles": { "dynamicRegistration": true } },
    });
    let (mut c, init) = Client::start(dir.path(), caps, json!({ "docsUrl": "https://example.org/gwlint/rules/" }));
    assert_eq!(init["capabilities"]["positionEncoding"], "utf-8");
    assert_eq!(init["capabilities"]["hoverProvider"], true);
    // The server asks to be told when a configuration file or a Word file changes.
    let Message::Request(reg) = c.wait(|m| matches!(m, Message::Request(r) if r.method == "client/registerCapability"))
    else {
        unreachable!()
    };
    let globs: Vec<&str> = reg.params["registrations"][0]["registerOptions"]["watchers"]
        .as_array()
        .unwrap()
        .iter()
        .map(|w| w["globPattern"].as_str().unwrap())
        .collect();
    assert_eq!(globs, ["**/*.toml", "**/*.docx"]);
    c.conn.sender.send(Message::Response(Response::new_ok(reg.id, Value::Null))).unwrap();

    let doc = uri(&dir.path().join("请示.md"));
    let found = c.open(&doc, REQUEST);
    let comma = found.iter().find(|d| d["code"] == "GW401").expect("GW401");
    let bytes_before = "　　𠀀请予批准".len();
    assert_eq!(comma["range"]["start"], json!({ "line": 3, "character": bytes_before }));
    assert_eq!(comma["range"]["end"], json!({ "line": 3, "character": bytes_before + 1 }));
    assert_eq!(comma["codeDescription"]["href"], "https://example.org/gwlint/rules/GW401.md");
    assert_eq!(comma["source"], "gwlint");
    assert_eq!(comma["data"]["name"], "halfwidth-punctuation");
    // The 请示 addressed to no one above it is fine; addressing it to 市政府 raises no GW204.
    assert!(!codes(&found).contains(&"GW204"), "{found:?}");

    // Hover on the comma: the finding and its rule's explanation.
    let hover = c.request(
        "textDocument/hover",
        json!({ "textDocument": { "uri": doc }, "position": { "line": 3, "character": bytes_before } }),
    );
    let text = hover["contents"]["value"].as_str().unwrap();
    assert!(text.starts_with("**GW401 halfwidth-punctuation**："), "{text}");
    assert!(text.contains("## 作用"), "{text}");
    assert_eq!(
        c.request(
            "textDocument/hover",
            json!({ "textDocument": { "uri": doc }, "position": { "line": 0, "character": 0 } })
        ),
        Value::Null
    );

    // Only "fix all" asked for: one action, the text check --fix writes, CRLF kept.
    let actions = c.request(
        "textDocument/codeAction",
        json!({ "textDocument": { "uri": doc }, "range": comma["range"], "context": { "diagnostics": [], "only": ["source.fixAll"] } }),
    );
    let actions = actions.as_array().unwrap();
    assert_eq!(actions.len(), 1, "{actions:?}");
    assert_eq!(actions[0]["kind"], "source.fixAll.gwlint");
    let fixed = apply_utf8(REQUEST, actions[0]["edit"]["changes"][&doc].as_array().unwrap());
    assert_eq!(fixed, REQUEST.replace(',', "，"));

    // Quick fixes only: the comma's fix (preferred) and "disable on this line", nothing else.
    let quick = c.request(
        "textDocument/codeAction",
        json!({ "textDocument": { "uri": doc }, "range": comma["range"], "context": { "diagnostics": [], "only": ["quickfix"] } }),
    );
    let titles: Vec<&str> = quick.as_array().unwrap().iter().map(|a| a["title"].as_str().unwrap()).collect();
    assert!(titles.iter().all(|t| t.contains("GW")), "{titles:?}");
    assert!(quick.as_array().unwrap().iter().any(|a| a["isPreferred"] == true));
    assert!(titles.contains(&"gwlint：在这一行停用 GW401（写抑制注释）"), "{titles:?}");
    let disable =
        quick.as_array().unwrap().iter().find(|a| a["title"].as_str().unwrap().contains("停用 GW401")).unwrap();
    assert!(disable["edit"]["changes"][&doc][0]["newText"].as_str().unwrap().ends_with("-->\r\n"));
    c.stop();
}

#[test]
fn configuration_files_and_editor_settings_are_reloaded() {
    let dir = tempfile::tempdir().unwrap();
    let (mut c, _) = Client::start(dir.path(), json!({}), Value::Null);
    let doc = uri(&dir.path().join("请示.txt"));
    assert!(codes(&c.open(&doc, REQUEST)).contains(&"GW401"));

    // gwlint.toml appears: the workspace is loaded again and the document checked again.
    std::fs::write(dir.path().join("gwlint.toml"), "[lint]\nignore = [\"GW401\"]\n").unwrap();
    let changed = json!({ "changes": [{ "uri": uri(&dir.path().join("gwlint.toml")), "type": 1 }] });
    c.notify("workspace/didChangeWatchedFiles", changed.clone());
    assert!(!codes(&c.diagnostics(&doc)).contains(&"GW401"));

    // A broken gwlint.toml: the drafter is told, and built-in defaults apply meanwhile.
    std::fs::write(dir.path().join("gwlint.toml"), "[lint\n").unwrap();
    c.notify("workspace/didChangeWatchedFiles", changed);
    let Message::Notification(shown) =
        c.wait(|m| matches!(m, Message::Notification(n) if n.method == "window/showMessage"))
    else {
        unreachable!()
    };
    assert_eq!(shown.params["type"], 1);
    let message = shown.params["message"].as_str().unwrap();
    assert!(message.contains("gwlint.toml") && message.contains("暂按内置默认设置检查"), "{message}");
    let found = c.diagnostics(&doc);
    assert!(codes(&found).contains(&"GW401"));
    assert!(found.iter().any(|d| d["severity"] != 1), "some findings are not errors: {found:?}");
    std::fs::remove_file(dir.path().join("gwlint.toml")).unwrap();

    // Editor settings sent with the notice: one rule ignored, everything at info level or
    // above shown as an error.
    c.notify(
        "workspace/didChangeConfiguration",
        json!({ "settings": { "gwlint": { "ignore": ["GW401"], "failLevel": "info" } } }),
    );
    let found = c.diagnostics(&doc);
    assert!(!found.is_empty() && !codes(&found).contains(&"GW401"), "{found:?}");
    assert!(found.iter().all(|d| d["severity"] == 1), "{found:?}");

    // A bad setting is named, and the earlier settings stay.
    c.notify("workspace/didChangeConfiguration", json!({ "settings": { "gwlint": { "failLevel": "fatal" } } }));
    let Message::Notification(shown) =
        c.wait(|m| matches!(m, Message::Notification(n) if n.method == "window/showMessage"))
    else {
        unreachable!()
    };
    assert!(shown.params["message"].as_str().unwrap().contains("gwlint 设置有误"));
    c.stop();
}

#[test]
fn settings_are_asked_for_when_the_client_only_says_they_changed() {
    let dir = tempfile::tempdir().unwrap();
    let (mut c, _) = Client::start(dir.path(), json!({ "workspace": { "configuration": true } }), Value::Null);
    let Message::Request(ask) = c.wait(|m| matches!(m, Message::Request(r) if r.method == "workspace/configuration"))
    else {
        unreachable!()
    };
    assert_eq!(ask.params["items"][0]["section"], "gwlint");
    c.conn.sender.send(Message::Response(Response::new_ok(ask.id, json!([{ "select": ["GW401"] }])))).unwrap();
    let doc = uri(&dir.path().join("请示.txt"));
    let found = c.open(&doc, REQUEST);
    assert_eq!(codes(&found), ["GW401"]);

    c.notify("workspace/didChangeConfiguration", json!({ "settings": null }));
    let Message::Request(ask) = c.wait(|m| matches!(m, Message::Request(r) if r.method == "workspace/configuration"))
    else {
        unreachable!()
    };
    c.conn.sender.send(Message::Response(Response::new_ok(ask.id, json!([{ "select": ["GW204"] }])))).unwrap();
    let found = c.diagnostics(&doc);
    assert!(found.is_empty(), "{found:?}");
    c.stop();
}

#[test]
fn a_word_file_is_read_from_disk_and_never_edited() {
    let dir = tempfile::tempdir().unwrap();
    let fixture = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../fixtures/docx/libreoffice/rich.docx");
    std::fs::copy(&fixture, dir.path().join("通知.docx")).unwrap();
    std::fs::write(dir.path().join("坏.docx"), b"PK\x03\x04 not really a zip").unwrap();
    let (mut c, _) = Client::start(dir.path(), json!({}), Value::Null);

    let doc = uri(&dir.path().join("通知.docx"));
    // The editor sends whatever it shows for a binary file; the server reads the file itself.
    let found = c.open(&doc, "PK\u{3}\u{4}…");
    let comma = found.iter().find(|d| d["code"] == "GW401").expect("GW401 in rich.docx");
    assert_eq!(comma["range"]["start"], json!({ "line": 3, "character": 19 }));
    assert!(codes(&found).contains(&"GW701"), "layout rules run: {found:?}");
    let actions = c.request(
        "textDocument/codeAction",
        json!({ "textDocument": { "uri": doc }, "range": comma["range"], "context": { "diagnostics": [] } }),
    );
    assert_eq!(actions, json!([]));

    let broken = uri(&dir.path().join("坏.docx"));
    let found = c.open(&broken, "");
    assert_eq!(found.len(), 1, "{found:?}");
    assert!(found[0]["message"].as_str().unwrap().starts_with("gwlint 无法读取此文件："), "{found:?}");
    c.stop();
}

/// A client may send `shutdown` and `exit` together and close the connection: the server ends
/// cleanly (it had waited for an `exit` it had already read, and failed when the channel closed).
#[test]
fn shutdown_and_exit_sent_together_end_the_session_cleanly() {
    let dir = tempfile::tempdir().unwrap();
    let (client, _) = Client::start(dir.path(), json!({}), json!({}));
    let Client { conn, server, .. } = client;
    let shutdown = Request::new(RequestId::from(99), "shutdown".into(), Value::Null);
    conn.sender.send(Message::Request(shutdown)).unwrap();
    conn.sender.send(Message::Notification(Notification::new("exit".into(), Value::Null))).unwrap();
    drop(conn);
    assert_eq!(server.unwrap().join().unwrap(), Ok(()));
}
