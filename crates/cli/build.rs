//! Builds the web page's WebAssembly module (crates/gwlint-wasm for wasm32-unknown-unknown) so
//! that `gwlint serve` carries it inside the binary. Without that target installed the binary
//! still builds, and `gwlint serve` says how to get the page (`rustup target add
//! wasm32-unknown-unknown`, then build again).

use std::path::PathBuf;
use std::process::Command;

fn main() {
    for dir in ["crates/gwlint-core/src", "crates/gwlint-wasm/src", "rules", "web"] {
        println!("cargo:rerun-if-changed={dir}");
    }
    println!("cargo:rerun-if-env-changed=GWLINT_NO_WEB");
    let out = PathBuf::from(std::env::var_os("OUT_DIR").expect("OUT_DIR"));
    let dest = out.join("gwlint.wasm");
    let built = if std::env::var_os("GWLINT_NO_WEB").is_some() { None } else { build_wasm(&out) };
    match built {
        Some(wasm) => {
            std::fs::copy(&wasm, &dest).expect("copy gwlint.wasm");
        }
        None => {
            println!(
                "cargo:warning=gwlint serve: the web page's WebAssembly module was not built (rustup target add wasm32-unknown-unknown, then build again)"
            );
            std::fs::write(&dest, b"").expect("write an empty gwlint.wasm");
        }
    }
}

/// `cargo build -p gwlint-wasm --release --target wasm32-unknown-unknown` in a target directory
/// of its own (the outer build holds the main one), without debug info.
fn build_wasm(out: &std::path::Path) -> Option<PathBuf> {
    let cargo = std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into());
    let target_dir = out.join("wasm-target");
    let status = Command::new(cargo)
        .args(["build", "--quiet", "-p", "gwlint-wasm", "--release", "--target", "wasm32-unknown-unknown"])
        .arg("--target-dir")
        .arg(&target_dir)
        .env("CARGO_PROFILE_RELEASE_DEBUG", "false")
        .env("CARGO_PROFILE_RELEASE_STRIP", "true")
        // Flags and wrappers of the outer build (clippy, coverage) are not for this one.
        .env_remove("RUSTFLAGS")
        .env_remove("CARGO_ENCODED_RUSTFLAGS")
        .env_remove("RUSTC_WORKSPACE_WRAPPER")
        .env_remove("RUSTC_WRAPPER")
        .status()
        .ok()?;
    let wasm = target_dir.join("wasm32-unknown-unknown/release/gwlint_wasm.wasm");
    (status.success() && wasm.is_file()).then_some(wasm)
}
