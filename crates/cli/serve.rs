//! `gwlint serve`: the web page (web/index.html) and its WebAssembly module, both inside the
//! binary, served over HTTP on 127.0.0.1 by default (an office can give `--host 0.0.0.0` to put
//! it on an intranet server). The page checks files in the browser; the server only hands out the
//! two files, and its Content-Security-Policy lets the page talk to no other host.

use std::io::{Read, Write};
use std::net::{TcpListener, TcpStream};
use std::time::Duration;

use crate::args::ServeArgs;

const PAGE: &str = include_str!("../../web/index.html");
static WASM: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/gwlint.wasm"));

/// The page may run its own script and WebAssembly and fetch from its own host, nothing else.
const POLICY: &str = "default-src 'none'; script-src 'unsafe-inline' 'wasm-unsafe-eval'; style-src 'unsafe-inline'; connect-src 'self'; img-src 'self' blob: data:; base-uri 'none'; form-action 'none'";

/// The largest request head read.
const MAX_HEAD: usize = 16 * 1024;

pub fn run(args: &ServeArgs) -> Result<u8, String> {
    if WASM.is_empty() {
        return Err("这个 gwlint 编译时没有生成网页版的检查模块：运行 rustup target add wasm32-unknown-unknown 后重新编译 gwlint".into());
    }
    let listener = TcpListener::bind((args.host.as_str(), args.port))
        .map_err(|e| format!("无法在 {}:{} 上提供服务：{e}", args.host, args.port))?;
    let addr = listener.local_addr().map_err(|e| e.to_string())?;
    {
        let mut out = std::io::stdout().lock();
        let _ = writeln!(out, "gwlint 网页版：http://{addr}/ （在浏览器中打开；按 Ctrl+C 停止）");
        let _ = out.flush();
    }
    for stream in listener.incoming() {
        let Ok(stream) = stream else { continue };
        std::thread::spawn(move || {
            let _ = respond(stream);
        });
    }
    Ok(crate::EXIT_CLEAN)
}

fn respond(mut stream: TcpStream) -> std::io::Result<()> {
    stream.set_read_timeout(Some(Duration::from_secs(10)))?;
    stream.set_write_timeout(Some(Duration::from_secs(60)))?;
    let mut head = Vec::new();
    let mut buf = [0u8; 2048];
    while !head.windows(4).any(|w| w == b"\r\n\r\n") && head.len() < MAX_HEAD {
        let n = stream.read(&mut buf)?;
        if n == 0 {
            break;
        }
        head.extend_from_slice(&buf[..n]);
    }
    let line = String::from_utf8_lossy(&head);
    let mut parts = line.split_whitespace();
    let (method, path) = (parts.next().unwrap_or(""), parts.next().unwrap_or(""));
    let path = path.split(['?', '#']).next().unwrap_or("");
    let (status, kind, body): (&str, &str, &[u8]) = match (method, path) {
        ("GET" | "HEAD", "/" | "/index.html") => ("200 OK", "text/html; charset=utf-8", PAGE.as_bytes()),
        ("GET" | "HEAD", "/gwlint.wasm") => ("200 OK", "application/wasm", WASM),
        ("GET" | "HEAD", _) => ("404 Not Found", "text/plain; charset=utf-8", "没有这个页面".as_bytes()),
        _ => ("405 Method Not Allowed", "text/plain; charset=utf-8", "只支持 GET".as_bytes()),
    };
    let header = format!(
        "HTTP/1.1 {status}\r\nContent-Type: {kind}\r\nContent-Length: {}\r\nCache-Control: no-cache\r\nX-Content-Type-Options: nosniff\r\nReferrer-Policy: no-referrer\r\nContent-Security-Policy: {POLICY}\r\nConnection: close\r\n\r\n",
        body.len()
    );
    stream.write_all(header.as_bytes())?;
    if method != "HEAD" {
        stream.write_all(body)?;
    }
    stream.flush()
}
