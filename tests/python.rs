//! The Python package: `scripts/test-python` builds the wheel with maturin, installs it into a
//! fresh virtual environment and runs pytest (the package against this binary's findings, its
//! errors, and the Dask example in local mode).

use std::process::Command;

#[test]
fn the_wheel_installs_and_its_tests_pass() {
    let venv = Command::new("python3").args(["-c", "import venv, ensurepip"]).output();
    if !venv.is_ok_and(|o| o.status.success()) {
        assert!(std::env::var_os("CI").is_none(), "CI installs python3-venv (.ci/run)");
        eprintln!("python3 with venv is not installed: the Python package is not tested here");
        return;
    }
    let out = Command::new("scripts/test-python").env("GWLINT_BIN", env!("CARGO_BIN_EXE_gwlint")).output().unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "{stdout}{}", String::from_utf8_lossy(&out.stderr));
    // Every test ran: none skipped for a missing package.
    assert!(stdout.contains("11 passed") && !stdout.contains("skipped"), "{stdout}");
}
