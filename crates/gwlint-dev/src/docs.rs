//! `gwlint-docs`: write `docs/rules/` (one page per built-in rule and an index) from the rules'
//! own docs (run from the repository root). tests/rule_docs.rs checks the pages are current.

use std::path::Path;
use std::process::ExitCode;

fn main() -> ExitCode {
    let dir = Path::new("docs/rules");
    let pages = gwlint_core::Registry::builtin().doc_pages();
    let write = || -> std::io::Result<()> {
        if dir.exists() {
            std::fs::remove_dir_all(dir)?;
        }
        std::fs::create_dir_all(dir)?;
        for (name, text) in &pages {
            std::fs::write(dir.join(name), text)?;
        }
        Ok(())
    };
    match write() {
        Ok(()) => {
            println!("wrote {} pages to {}", pages.len(), dir.display());
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("gwlint-docs: {}: {e}", dir.display());
            ExitCode::from(2)
        }
    }
}
