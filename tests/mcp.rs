//! `gwlint mcp`: an MCP exchange over stdio with the built binary, as an assistant's client
//! makes it (newline-delimited JSON-RPC): initialize, list the tools, call each.

use std::io::{BufRead, BufReader, Write};
use std::process::{ChildStdin, ChildStdout, Command, Stdio};

use serde_json::{json, Value};

struct Client {
    stdin: ChildStdin,
    stdout: BufReader<ChildStdout>,
    next_id: i64,
}

impl Client {
    fn send(&mut self, message: Value) {
        writeln!(self.stdin, "{message}").unwrap();
        self.stdin.flush().unwrap();
    }

    fn request(&mut self, method: &str, params: Value) -> Value {
        self.next_id += 1;
        let id = self.next_id;
        self.send(json!({ "jsonrpc": "2.0", "id": id, "method": method, "params": params }));
        loop {
            let mut line = String::new();
            assert!(self.stdout.read_line(&mut line).unwrap() > 0, "the server closed its output");
            let m: Value = serde_json::from_str(&line).unwrap();
            if m["id"] == id {
                assert!(m.get("error").is_none(), "{m}");
                return m["result"].clone();
            }
        }
    }

    /// Call a tool; its structured content and whether it is an error.
    fn call(&mut self, tool: &str, arguments: Value) -> (Value, bool) {
        let r = self.request("tools/call", json!({ "name": tool, "arguments": arguments }));
        let error = r["isError"] == true;
        let content = if error { json!(r["content"][0]["text"]) } else { r["structuredContent"].clone() };
        (content, error)
    }
}

const DRAFT: &str = "平安市审计局关于开展审计的请示\n\n市政府：\n　　请予批准,妥否。\n";

fn codes(result: &Value) -> Vec<&str> {
    result["diagnostics"].as_array().unwrap().iter().map(|d| d["code"].as_str().unwrap()).collect()
}

#[test]
fn tools_are_listed_and_each_answers_over_stdio() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("请示.md"), DRAFT).unwrap();
    std::fs::copy("fixtures/docx/libreoffice/rich.docx", dir.path().join("通知.docx")).unwrap();
    let mut child = Command::new(env!("CARGO_BIN_EXE_gwlint"))
        .arg("mcp")
        .current_dir(dir.path())
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let mut c =
        Client { stdin: child.stdin.take().unwrap(), stdout: BufReader::new(child.stdout.take().unwrap()), next_id: 0 };
    let init = c.request(
        "initialize",
        json!({ "protocolVersion": "2025-06-18", "capabilities": {}, "clientInfo": { "name": "test", "version": "1" } }),
    );
    assert_eq!(init["serverInfo"]["name"], "gwlint");
    assert!(init["instructions"].as_str().unwrap().contains("lintText"));
    c.send(json!({ "jsonrpc": "2.0", "method": "notifications/initialized" }));

    let tools = c.request("tools/list", json!({}));
    let mut names: Vec<&str> = tools["tools"].as_array().unwrap().iter().map(|t| t["name"].as_str().unwrap()).collect();
    names.sort();
    assert_eq!(
        names,
        ["explainRule", "getLintFixedFileContent", "getLintFixedTextContent", "lintFile", "lintText", "listRules"]
    );
    let lint_text = tools["tools"].as_array().unwrap().iter().find(|t| t["name"] == "lintText").unwrap();
    assert_eq!(lint_text["inputSchema"]["required"], json!(["text"]));
    assert!(lint_text["outputSchema"]["properties"]["diagnostics"].is_object(), "{lint_text}");

    // lintText: the JSON contract's diagnostics, the same as `gwlint check --format json`.
    let (r, error) = c.call("lintText", json!({ "text": DRAFT }));
    assert!(!error);
    assert_eq!(r["path"], "草稿.txt");
    assert_eq!(r["class"], "gongwen");
    assert_eq!(r["genre"], "请示");
    let comma = r["diagnostics"].as_array().unwrap().iter().find(|d| d["code"] == "GW401").unwrap();
    assert_eq!(comma["range"]["start"]["line"], 4);
    assert_eq!(comma["fix"]["applicability"], "safe");
    let cli = Command::new(env!("CARGO_BIN_EXE_gwlint"))
        .args(["check", "--format", "json", "--exit-zero", "--stdin-filename", "草稿.txt", "-"])
        .current_dir(dir.path())
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .and_then(|mut p| {
            p.stdin.take().unwrap().write_all(DRAFT.as_bytes())?;
            p.wait_with_output()
        })
        .unwrap();
    let cli: Value = serde_json::from_slice(&cli.stdout).unwrap();
    assert_eq!(r["diagnostics"], cli["diagnostics"]);
    assert_eq!(r["summary"]["error"], cli["summary"]["error"]);

    // lintFile: Markdown by its name, and a Word file with its layout findings.
    let (r, _) = c.call("lintFile", json!({ "path": "请示.md" }));
    assert_eq!(r["path"], "请示.md");
    assert!(codes(&r).contains(&"GW401"));
    let (r, _) = c.call("lintFile", json!({ "path": dir.path().join("通知.docx") }));
    assert!(codes(&r).contains(&"GW701"), "{r}");

    // The fixed text and file content; the file itself is not written.
    let (r, _) = c.call("getLintFixedTextContent", json!({ "text": DRAFT, "filename": "草稿.md" }));
    assert_eq!(r["fixed_text"], DRAFT.replace(',', "，"));
    assert_eq!(r["applied"], 1);
    let remaining = r["remaining"].as_array().unwrap();
    assert!(!remaining.is_empty() && remaining.iter().all(|d| d["code"] != "GW401"), "{r}");
    let (r, _) = c.call("getLintFixedFileContent", json!({ "path": "请示.md" }));
    assert_eq!(r["fixed_text"], DRAFT.replace(',', "，"));
    assert_eq!(std::fs::read_to_string(dir.path().join("请示.md")).unwrap(), DRAFT);

    // explainRule by code or name; listRules.
    let (r, _) = c.call("explainRule", json!({ "rule": "halfwidth-punctuation" }));
    assert_eq!(r["code"], "GW401");
    assert!(r["explanation"].as_str().unwrap().contains("## 作用"));
    let (r, _) = c.call("listRules", json!({}));
    assert!(r["rules"].as_array().unwrap().iter().any(|x| x["code"] == "GW204"));

    // Errors are the tool's, named, and the server goes on.
    let (msg, error) = c.call("lintFile", json!({ "path": "没有.txt" }));
    assert!(error && msg.as_str().unwrap().starts_with("没有.txt："), "{msg}");
    let (msg, error) = c.call("getLintFixedFileContent", json!({ "path": "通知.docx" }));
    assert!(error && msg.as_str().unwrap().contains("annotate"), "{msg}");
    let (msg, error) = c.call("explainRule", json!({ "rule": "GW999" }));
    assert!(error && msg.as_str().unwrap().contains("GW999"), "{msg}");
    let (r, error) = c.call("lintText", json!({ "text": "" }));
    assert!(!error && r["diagnostics"] == json!([]), "{r}");

    drop(c);
    assert_eq!(child.wait().unwrap().code(), Some(0));
}
