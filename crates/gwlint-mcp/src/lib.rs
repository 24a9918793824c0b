//! `gwlint mcp`: an MCP server over stdio (rmcp, the official Rust SDK) so that an AI assistant
//! can lint what it drafts. The tools follow textlint's MCP server: lint a text, lint a file,
//! the text or file content with safe fixes applied, plus the explanation and the list of rules.
//! Results carry the JSON contract's diagnostics (docs/json-output.md, version 2) as structured
//! content. Settings come from the gwlint.toml found from the directory the server starts in.

mod tools;

pub use tools::Gwlint;

/// Serve on standard input and output until the client closes them.
pub fn run_stdio() -> Result<(), String> {
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .map_err(|e| format!("无法启动 MCP 服务：{e}"))?;
    runtime.block_on(async {
        let start = std::env::current_dir().map_err(|e| format!("无法读取当前目录：{e}"))?;
        let server = Gwlint::discover(&start)?;
        let service = rmcp::ServiceExt::serve(server, rmcp::transport::stdio())
            .await
            .map_err(|e| format!("MCP 初始化失败：{e}"))?;
        service.waiting().await.map_err(|e| format!("MCP 服务异常结束：{e}"))?;
        Ok(())
    })
}
