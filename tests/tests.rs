//! Integration tests: one binary, one module per concern (ripgrep style).

mod annotate;
mod attacks;
mod cli;
mod corpus_findings;
mod docx;
mod facts;
mod fixer;
mod fixtures;
mod json_contract;
mod lexicon;
mod mcp;
mod pipeline;
mod python;
mod registry;
mod robustness;
mod rule_docs;
mod server;
mod support;
mod vscode;
mod web;
