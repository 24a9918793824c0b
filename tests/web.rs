//! `gwlint serve` and the web page's WebAssembly module: the server hands out the page and the
//! module (and nothing else, under a policy that lets the page reach no other host); the module,
//! run the way the page runs it, finds what the command line finds.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::process::{Child, Command, Stdio};

use crate::support::{fixture, gwlint, json_lines, root, stdout};

/// A running `gwlint serve --port 0`, stopped when dropped.
struct Server {
    child: Child,
    addr: String,
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// The server, or the error the binary gives when it was built without the WebAssembly target.
fn serve() -> Result<Server, String> {
    let mut child = Command::new(env!("CARGO_BIN_EXE_gwlint"))
        .args(["serve", "--port", "0"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn gwlint serve");
    let mut first = String::new();
    BufReader::new(child.stdout.take().unwrap()).read_line(&mut first).unwrap();
    if first.is_empty() {
        let mut err = String::new();
        child.stderr.take().unwrap().read_to_string(&mut err).unwrap();
        assert_eq!(child.wait().unwrap().code(), Some(2));
        return Err(err);
    }
    let addr = first.split("http://").nth(1).and_then(|s| s.split('/').next()).expect("address").to_string();
    Ok(Server { child, addr })
}

/// (status line, headers, body) of one request.
fn request(addr: &str, method: &str, path: &str) -> (String, String, Vec<u8>) {
    let mut s = TcpStream::connect(addr).unwrap();
    write!(s, "{method} {path} HTTP/1.1\r\nHost: {addr}\r\n\r\n").unwrap();
    let mut all = Vec::new();
    s.read_to_end(&mut all).unwrap();
    let split = all.windows(4).position(|w| w == b"\r\n\r\n").unwrap();
    let head = String::from_utf8_lossy(&all[..split]).into_owned();
    let (status, headers) = head.split_once("\r\n").unwrap();
    (status.to_string(), headers.to_string(), all[split + 4..].to_vec())
}

fn built_with_web() -> bool {
    std::env::var_os("CI").is_some() || serve().is_ok()
}

#[test]
fn the_server_hands_out_the_page_and_the_module_and_nothing_else() {
    let server = match serve() {
        Ok(s) => s,
        Err(err) => {
            assert!(std::env::var_os("CI").is_none(), "CI builds the web module: {err}");
            assert!(err.contains("rustup target add wasm32-unknown-unknown"), "{err}");
            return;
        }
    };
    let (status, headers, page) = request(&server.addr, "GET", "/");
    assert_eq!(status, "HTTP/1.1 200 OK");
    assert!(headers.contains("Content-Type: text/html; charset=utf-8"));
    assert!(headers.contains("Content-Security-Policy: default-src 'none';") && headers.contains("connect-src 'self'"));
    let page = String::from_utf8(page).unwrap();
    assert_eq!(page, std::fs::read_to_string(root().join("web/index.html")).unwrap());
    // The page asks for nothing but its own module.
    assert!(!page.contains("http://") && !page.contains("https://") && page.contains("fetch(\"gwlint.wasm\")"));

    let (status, headers, wasm) = request(&server.addr, "GET", "/gwlint.wasm");
    assert_eq!(status, "HTTP/1.1 200 OK");
    assert!(headers.contains("Content-Type: application/wasm"));
    assert!(wasm.starts_with(b"\0asm"));
    let (_, headers, body) = request(&server.addr, "HEAD", "/gwlint.wasm");
    assert!(body.is_empty() && headers.contains(&format!("Content-Length: {}", wasm.len())));

    assert_eq!(request(&server.addr, "GET", "/../Cargo.toml").0, "HTTP/1.1 404 Not Found");
    assert_eq!(request(&server.addr, "POST", "/").0, "HTTP/1.1 405 Method Not Allowed");
}

#[test]
fn the_module_finds_what_the_command_line_finds() {
    if !built_with_web() {
        return; // checked by the test above: the binary says how to build the page
    }
    let node = Command::new("node").arg("--version").output();
    if node.is_err() {
        assert!(std::env::var_os("CI").is_none(), "CI installs node (.ci/run)");
        eprintln!("node is not installed: the module is not run here");
        return;
    }
    let server = serve().unwrap();
    let dir = tempfile::tempdir().unwrap();
    let wasm = dir.path().join("gwlint.wasm");
    std::fs::write(&wasm, request(&server.addr, "GET", "/gwlint.wasm").2).unwrap();

    let mut files: Vec<std::path::PathBuf> =
        std::fs::read_dir(fixture("documents")).unwrap().map(|e| e.unwrap().path()).filter(|p| p.is_file()).collect();
    files.extend(["docx/libreoffice/good.docx", "docx/libreoffice/styles_from_html.docx"].map(fixture));
    files.push(fixture("attacks/docx/HANG_empty_styles_xml.docx"));
    files.sort();
    let out = Command::new("node")
        .arg(root().join("tests/web/wasm_check.mjs"))
        .arg(&wasm)
        .args(&files)
        .env("OUT_DIR", dir.path())
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let lines = json_lines(&out);
    assert_eq!(lines.len(), files.len());
    for (file, line) in files.iter().zip(&lines) {
        let cli = gwlint(&["check", "--format", "json", "--exit-zero", "--no-config", file.to_str().unwrap()]);
        let report: serde_json::Value = serde_json::from_str(&stdout(&cli)).unwrap();
        let mut cli_codes: Vec<String> =
            report["diagnostics"].as_array().unwrap().iter().map(|d| d["code"].as_str().unwrap().to_string()).collect();
        cli_codes.sort();
        let name = file.display();
        match line.get("error") {
            Some(err) => assert!(!report["errors"].as_array().unwrap().is_empty(), "{name}: {err} in the page only"),
            None => {
                let mut codes: Vec<String> =
                    line["codes"].as_array().unwrap().iter().map(|c| c.as_str().unwrap().to_string()).collect();
                codes.sort();
                assert_eq!(codes, cli_codes, "{name}: the page and the command line agree");
                assert_eq!(line["ranges_ok"], true, "{name}");
            }
        }
        if let Some(size) = line.get("annotated") {
            assert!(size.as_u64().is_some(), "{name}: {size}");
        }
    }
    // The copy the page downloads is a .docx gwlint reads again, with its comments.
    let copy = dir.path().join("styles_from_html-web.docx");
    let again = gwlint(&["check", "--format", "json", "--exit-zero", "--no-config", copy.to_str().unwrap()]);
    assert_eq!(again.status.code(), Some(0), "{}", stdout(&again));
    let mut zip = zip::ZipArchive::new(std::fs::File::open(&copy).unwrap()).unwrap();
    let mut comments = String::new();
    zip.by_name("word/comments.xml").unwrap().read_to_string(&mut comments).unwrap();
    assert!(comments.contains("w:author=\"gwlint\""));
}

#[test]
fn the_page_in_a_headless_browser_marks_what_the_command_line_finds() {
    if !built_with_web() {
        return;
    }
    let chromium = std::env::var("GWLINT_CHROMIUM").unwrap_or_else(|_| "/usr/bin/chromium".into());
    let playwright = root().join("tests/browser/node_modules/playwright-core");
    let have_node = Command::new("node").arg("--version").output().is_ok();
    if !(have_node && playwright.is_dir() && std::path::Path::new(&chromium).is_file()) {
        assert!(std::env::var_os("CI").is_none(), "CI installs node, chromium and playwright-core (.ci/run)");
        eprintln!("node, {chromium} or tests/browser/node_modules missing: the page was not driven in a browser");
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let files = [
        fixture("documents/03_baogao_errors.txt"),
        fixture("docx/libreoffice/styles_from_html.docx"),
        fixture("documents/06_yijian.md"),
        fixture("documents/07_tongbao_errors.txt"),
    ];
    let out = Command::new("node")
        .arg(root().join("tests/browser/page.mjs"))
        .arg(env!("CARGO_BIN_EXE_gwlint"))
        .arg(&chromium)
        .arg(dir.path())
        .args(&files)
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let lines = json_lines(&out);
    assert_eq!(lines.len(), files.len() + 1, "{lines:?}");
    for (file, line) in files.iter().zip(&lines) {
        let cli = gwlint(&["check", "--format", "json", "--exit-zero", "--no-config", file.to_str().unwrap()]);
        let report: serde_json::Value = serde_json::from_str(&stdout(&cli)).unwrap();
        let count = report["diagnostics"].as_array().unwrap().len() as u64;
        assert_eq!(line["refs"], count, "{}: numbers in the text", file.display());
        assert_eq!(line["items"], count, "{}: items in the list", file.display());
        if let Some(saved) = line["download"].as_str() {
            let again = gwlint(&["check", "--format", "json", "--exit-zero", "--no-config", saved]);
            assert_eq!(again.status.code(), Some(0));
            let mut zip = zip::ZipArchive::new(std::fs::File::open(saved).unwrap()).unwrap();
            let mut comments = String::new();
            zip.by_name("word/comments.xml").unwrap().read_to_string(&mut comments).unwrap();
            assert_eq!(comments.matches("w:author=\"gwlint\"").count() as u64, count);
        }
    }
    assert_eq!(lines[1]["how"], "drop", "the second file was dropped on the page");
    // No request left the page's origin.
    assert_eq!(lines.last().unwrap()["foreign"], serde_json::json!([]));
}
