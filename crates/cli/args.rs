//! Command-line arguments (clap derive).

use clap::{Args, Parser, Subcommand, ValueEnum};
use std::path::PathBuf;

#[derive(Parser, Debug)]
#[command(
    name = "gwlint",
    version,
    about = "公文检查工具：按《党政机关公文处理工作条例》、GB/T 9704、GB/T 15834、GB/T 15835 检查公文草稿",
    long_about = None,
    propagate_version = true
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,

    /// 彩色输出
    #[arg(long, value_enum, default_value_t = ColorChoice::Auto, global = true)]
    pub color: ColorChoice,
}

#[derive(Subcommand, Debug)]
pub enum Command {
    /// 检查文件或目录（.txt、.md、.docx），报告问题
    Check(Box<CheckArgs>),
    /// 把检查结果作为 Word 批注写回 .docx 的副本（默认“原文件名-gwlint.docx”）；.txt、.md 写一个 HTML 报告（“原文件名-gwlint.html”）
    Annotate(AnnotateArgs),
    /// 启动网页版（默认 http://127.0.0.1:8419/）：在浏览器中拖入文件即可检查，文件不离开本机
    Serve(ServeArgs),
    /// 语言服务器（LSP，经标准输入输出）：供 VS Code、Neovim、Helix、Zed 等编辑器边写边查
    Server,
    /// MCP 服务器（经标准输入输出）：让 AI 助手检查、修复它起草的公文并查看规则说明
    Mcp,
    /// 显示文档被解析成的结构（版头、标题、主送机关、正文层次、署名、成文日期……）
    Inspect(InspectArgs),
    /// 列出全部规则
    Rules(RulesArgs),
    /// 显示一条规则的说明（作用、原因、示例、依据）
    Explain(ExplainArgs),
    /// 在当前目录写一个带注释的 gwlint.toml
    Init(InitArgs),
    /// 输出 gwlint.toml 的 JSON Schema（供编辑器补全和校验）
    ConfigSchema,
}

#[derive(Args, Debug)]
pub struct InitArgs {
    /// 覆盖已有的 gwlint.toml
    #[arg(long)]
    pub force: bool,
}

#[derive(Args, Debug, Clone, Default)]
pub struct ConfigArgs {
    /// 配置文件（默认：从当前目录向上查找 gwlint.toml）
    #[arg(long, value_name = "FILE")]
    pub config: Option<PathBuf>,

    /// 不读取任何配置文件
    #[arg(long, conflicts_with = "config")]
    pub no_config: bool,
}

#[derive(Args, Debug, Clone)]
pub struct InputArgs {
    /// 文本文件的编码（默认自动识别：UTF-8、UTF-16、GB18030/GBK），如 gbk、utf-8
    #[arg(long, value_name = "ENC")]
    pub encoding: Option<String>,

    /// 从标准输入读取（路径为 -）时使用的文件名，决定按 .txt 还是 .md 解析
    #[arg(long, value_name = "NAME", default_value = "stdin.txt")]
    pub stdin_filename: String,

    /// 单个文件的大小上限（字节）
    #[arg(long, value_name = "BYTES", default_value_t = gwlint_core::document::DEFAULT_MAX_BYTES)]
    pub max_file_size: usize,
}

#[derive(Args, Debug)]
pub struct CheckArgs {
    /// 要检查的文件或目录；- 表示标准输入
    #[arg(value_name = "PATHS", default_value = ".")]
    pub paths: Vec<PathBuf>,

    /// 输出格式
    #[arg(long, value_enum, default_value_t = Format::Human, env = "GWLINT_FORMAT")]
    pub format: Format,

    /// JSON 输出（json、json-lines）的格式版本：2 为文件坐标（默认），1 为旧格式（保留一个版本）；
    /// 也可用环境变量 GWLINT_JSON_VERSION 设置，供无法改动命令行的旧脚本使用
    #[arg(
        long,
        value_name = "N",
        default_value_t = 2,
        env = "GWLINT_JSON_VERSION",
        value_parser = clap::value_parser!(u32).range(1..=2)
    )]
    pub json_version: u32,

    /// 只启用这些规则（代码、前缀或名称，逗号分隔），如 GW1,GW401,common-typos
    #[arg(long, value_delimiter = ',', value_name = "RULES")]
    pub select: Option<Vec<String>>,

    /// 在已启用的规则之外再启用这些规则
    #[arg(long, value_delimiter = ',', value_name = "RULES")]
    pub extend_select: Vec<String>,

    /// 停用这些规则（代码、前缀或名称，逗号分隔）
    #[arg(long, value_delimiter = ',', value_name = "RULES")]
    pub ignore: Vec<String>,

    /// 达到该级别的问题使退出码为 1（默认 warning）
    #[arg(long, value_enum, value_name = "LEVEL")]
    pub fail_on: Option<FailOn>,

    /// 有问题也以退出码 0 结束
    #[arg(long)]
    pub exit_zero: bool,

    /// 检查的文件类型：formal（完整公文，全部规则）、draft（文字草稿：不要求签发人、成文日期和版式）、
    /// template（模板：同 draft，且允许占位符）
    #[arg(long, value_parser = ["formal", "draft", "template"], value_name = "PROFILE")]
    pub profile: Option<String>,

    /// 应用安全修复（全角标点、〔〕、日期写法等不改变意思的修改），写回原文件
    #[arg(long)]
    pub fix: bool,

    /// 同时应用需人工确认的修复（措辞替换等）；与 --fix 或 --diff 一起使用
    #[arg(long)]
    pub unsafe_fixes: bool,

    /// 只显示修复会带来的改动（统一差异格式），不修改文件
    #[arg(long, conflicts_with = "fix")]
    pub diff: bool,

    /// 把报告写入文件（默认写到标准输出）
    #[arg(short = 'o', long = "output-file", value_name = "FILE")]
    pub output: Option<PathBuf>,

    /// 在报告后列出各规则的问题数
    #[arg(long)]
    pub statistics: bool,

    /// 基线文件：不存在时记录当前全部问题并不报告；存在时只报告基线中没有的新问题
    #[arg(long, value_name = "FILE")]
    pub baseline: Option<PathBuf>,

    /// 用当前的问题重写基线文件
    #[arg(long, requires = "baseline")]
    pub update_baseline: bool,

    /// 从文件（- 表示标准输入）读取要检查的路径，每行一个
    #[arg(long, value_name = "FILE")]
    pub files_from: Option<PathBuf>,

    #[command(flatten)]
    pub config: ConfigArgs,

    #[command(flatten)]
    pub input: InputArgs,
}

#[derive(Args, Debug)]
pub struct InspectArgs {
    /// 要查看的文件；- 表示标准输入
    #[arg(value_name = "FILE")]
    pub path: PathBuf,

    /// 输出格式
    #[arg(long, value_enum, default_value_t = InspectFormat::Human)]
    pub format: InspectFormat,

    #[command(flatten)]
    pub input: InputArgs,
}

#[derive(Args, Debug)]
pub struct AnnotateArgs {
    /// 要检查的文件（.docx、.txt、.md）
    #[arg(value_name = "FILE")]
    pub path: PathBuf,

    /// 写出的文件（默认：与原文件同目录的“原文件名-gwlint.docx”或“原文件名-gwlint.html”）；不能是原文件
    #[arg(short, long, value_name = "OUT")]
    pub output: Option<PathBuf>,

    /// 同时把安全修复（全角标点、〔〕、日期写法等）写成修订（修订模式的删除和插入），在 Word 或 WPS 中逐条接受或拒绝
    #[arg(long)]
    pub fix_as_revisions: bool,

    /// 只启用这些规则（代码、前缀或名称，逗号分隔）
    #[arg(long, value_delimiter = ',', value_name = "RULES")]
    pub select: Option<Vec<String>>,

    /// 停用这些规则（代码、前缀或名称，逗号分隔）
    #[arg(long, value_delimiter = ',', value_name = "RULES")]
    pub ignore: Vec<String>,

    /// 检查的文件类型：formal、draft、template（同 check）
    #[arg(long, value_parser = ["formal", "draft", "template"], value_name = "PROFILE")]
    pub profile: Option<String>,

    #[command(flatten)]
    pub config: ConfigArgs,

    /// 单个文件的大小上限（字节）
    #[arg(long, value_name = "BYTES", default_value_t = gwlint_core::document::DEFAULT_MAX_BYTES)]
    pub max_file_size: usize,
}

#[derive(Args, Debug)]
pub struct ServeArgs {
    /// 端口（0 表示任选一个空闲端口）
    #[arg(long, default_value_t = 8419)]
    pub port: u16,

    /// 监听的地址；默认只供本机使用，0.0.0.0 供局域网访问
    #[arg(long, default_value = "127.0.0.1")]
    pub host: String,
}

#[derive(Args, Debug)]
pub struct RulesArgs {
    /// 输出格式
    #[arg(long, value_enum, default_value_t = InspectFormat::Human)]
    pub format: InspectFormat,

    #[command(flatten)]
    pub config: ConfigArgs,
}

#[derive(Args, Debug)]
pub struct ExplainArgs {
    /// 规则代码或名称，如 GW401 或 halfwidth-punctuation
    #[arg(value_name = "RULE")]
    pub rule: String,

    #[command(flatten)]
    pub config: ConfigArgs,
}

#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    /// 带源文上下文的可读输出
    Human,
    /// 每个问题一行：路径:行:列: 代码 [级别] 说明
    // The brackets are the help text's (clap shows the comment as written), not a link.
    #[allow(rustdoc::broken_intra_doc_links)]
    Concise,
    /// 机器可读 JSON（格式见 docs/json-output.md）
    Json,
    /// 每行一个问题的 JSON
    JsonLines,
    /// SARIF 2.1.0（代码扫描平台）
    Sarif,
    /// GitHub Actions 注释
    Github,
    /// GitLab Code Quality 报告
    Gitlab,
    /// JUnit XML
    Junit,
    /// Checkstyle XML
    Checkstyle,
}

#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum InspectFormat {
    Human,
    Json,
}

#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum FailOn {
    Error,
    Warning,
    Info,
}

#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum ColorChoice {
    Auto,
    Always,
    Never,
}
