//! The VS Code extension: `scripts/package-vscode` builds a .vsix with vsce from npm, with the
//! gwlint program inside; the program taken out of the package answers as a language server,
//! and the extension's settings module passes its Node tests (run by the script).

use std::io::{Cursor, Read, Write};
use std::process::{Command, Stdio};

#[test]
fn the_extension_packages_with_the_program_inside_and_that_program_serves() {
    if Command::new("npm").arg("--version").output().is_err() {
        assert!(std::env::var_os("CI").is_none(), "CI installs node and npm (.ci/run)");
        eprintln!("npm is not installed: the extension is not packaged here");
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let vsix = dir.path().join("gwlint.vsix");
    let out = Command::new("scripts/package-vscode")
        .args(["--binary", env!("CARGO_BIN_EXE_gwlint"), "--out"])
        .arg(&vsix)
        .output()
        .unwrap();
    assert!(out.status.success(), "{}{}", String::from_utf8_lossy(&out.stdout), String::from_utf8_lossy(&out.stderr));

    let mut zip = zip::ZipArchive::new(Cursor::new(std::fs::read(&vsix).unwrap())).unwrap();
    let names: Vec<String> = zip.file_names().map(str::to_string).collect();
    for needed in [
        "extension/package.json",
        "extension/extension.js",
        "extension/settings.js",
        "extension/readme.md",
        "extension/node_modules/vscode-languageclient/node.js",
        "extension/bin/gwlint",
    ] {
        assert!(names.iter().any(|n| n == needed), "{needed} missing from {names:?}");
    }
    assert!(!names.iter().any(|n| n.starts_with("extension/test/") || n.contains("@vscode/vsce")), "{names:?}");
    let mut manifest = String::new();
    zip.by_name("extension/package.json").unwrap().read_to_string(&mut manifest).unwrap();
    let manifest: serde_json::Value = serde_json::from_str(&manifest).unwrap();
    assert_eq!(manifest["main"], "./extension.js");
    for setting in ["path", "profile", "failLevel"] {
        assert!(manifest["contributes"]["configuration"]["properties"][format!("gwlint.{setting}")].is_object());
    }
    let mut vsix_manifest = String::new();
    zip.by_name("extension.vsixmanifest").unwrap().read_to_string(&mut vsix_manifest).unwrap();
    assert!(
        vsix_manifest.contains("TargetPlatform=\"linux-x64\"")
            || !cfg!(all(target_os = "linux", target_arch = "x86_64"))
    );

    // The program in the package, unpacked with its mode, starts and answers `initialize`.
    let program = dir.path().join("gwlint");
    let mut entry = zip.by_name("extension/bin/gwlint").unwrap();
    let mode = entry.unix_mode();
    let mut bytes = Vec::new();
    entry.read_to_end(&mut bytes).unwrap();
    assert_eq!(bytes, std::fs::read(env!("CARGO_BIN_EXE_gwlint")).unwrap());
    std::fs::write(&program, bytes).unwrap();
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        assert_eq!(mode.map(|m| m & 0o111), Some(0o111), "the program is executable in the package");
        std::fs::set_permissions(&program, std::fs::Permissions::from_mode(0o755)).unwrap();
    }
    let mut child = Command::new(&program)
        .arg("server")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    for body in [
        r#"{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"capabilities":{}}}"#,
        r#"{"jsonrpc":"2.0","method":"initialized","params":{}}"#,
        r#"{"jsonrpc":"2.0","id":2,"method":"shutdown"}"#,
        r#"{"jsonrpc":"2.0","method":"exit"}"#,
    ] {
        write!(stdin, "Content-Length: {}\r\n\r\n{body}", body.len()).unwrap();
    }
    drop(stdin);
    let out = child.wait_with_output().unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains(r#""serverInfo":{"name":"gwlint""#), "{text}");
}
