//! Generates the rule modules and the built-in rule list from the rule files themselves:
//! every `src/rules/<family>/<file>.rs` becomes `rules::<family>::<file>`, and every
//! `impl Rule for X` in those files is registered. Adding a rule touches only its own file (and
//! its fixtures); nothing is listed by hand.

use std::fmt::Write;
use std::path::Path;

fn main() {
    let rules = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/rules");
    println!("cargo::rerun-if-changed={}", rules.display());
    let mut families: Vec<_> =
        std::fs::read_dir(&rules).expect("src/rules").flatten().map(|e| e.path()).filter(|p| p.is_dir()).collect();
    families.sort();
    let mut modules = String::new();
    let mut list = Vec::new();
    for family in &families {
        println!("cargo::rerun-if-changed={}", family.display());
        let fam = family.file_name().unwrap().to_str().unwrap().to_string();
        let mut files: Vec<_> = std::fs::read_dir(family)
            .unwrap()
            .flatten()
            .map(|e| e.path())
            .filter(|p| p.extension().is_some_and(|e| e == "rs"))
            .collect();
        files.sort();
        writeln!(modules, "pub mod {fam} {{").unwrap();
        for file in files {
            println!("cargo::rerun-if-changed={}", file.display());
            let module = file.file_stem().unwrap().to_str().unwrap().to_string();
            writeln!(modules, "    #[path = {:?}]\n    pub mod {module};", file.display().to_string()).unwrap();
            let text = std::fs::read_to_string(&file).unwrap();
            for line in text.lines() {
                if let Some(rest) = line.trim().strip_prefix("impl Rule for ") {
                    let ty: String = rest.chars().take_while(|c| c.is_alphanumeric() || *c == '_').collect();
                    list.push(format!("{fam}::{module}::{ty}"));
                }
            }
        }
        writeln!(modules, "}}").unwrap();
    }
    writeln!(modules, "\n/// Every built-in code rule (generated from the rule files).").unwrap();
    writeln!(modules, "pub fn builtin() -> Vec<Box<dyn crate::rule::Rule>> {{\n    vec![").unwrap();
    for ty in &list {
        writeln!(modules, "        Box::new({ty}),").unwrap();
    }
    writeln!(modules, "    ]\n}}").unwrap();
    let out = Path::new(&std::env::var("OUT_DIR").unwrap()).join("rules.rs");
    std::fs::write(out, modules).unwrap();
}
