//! The `gwlint` command: a thin layer over gwlint-core that walks paths, runs files in
//! parallel, renders reports and owns the exit codes (0 clean, 1 findings, 2 usage/config/input).

mod annotate;
mod args;
mod check;
mod fixing;
mod inspect;
mod output;
mod rules_cmd;
mod serve;
mod settings;
mod walk;

use clap::Parser;
use std::io::{self, IsTerminal, Write};
use std::process::ExitCode;

use args::{
    CheckArgs, Cli, ColorChoice, Command, ExplainArgs, Format, InitArgs, InspectArgs, InspectFormat, RulesArgs,
};

const EXIT_CLEAN: u8 = 0;
const EXIT_FINDINGS: u8 = 1;
const EXIT_ERROR: u8 = 2;

/// The stack every thread that reads documents gets: deeply nested documents recurse.
const STACK: usize = 8 << 20;

fn main() -> ExitCode {
    silence_docx_panics();
    // The command runs on a thread of its own with the same stack as the checking threads (a
    // main thread's stack is what the system gives: 1 MiB on Windows), since the main thread
    // checks inputs too. A panic unwinds out of `main` as it would have.
    let run = std::thread::Builder::new().name("gwlint".into()).stack_size(STACK).spawn(run);
    match run.map(std::thread::JoinHandle::join) {
        Ok(Ok(code)) => code,
        Ok(Err(panic)) => std::panic::resume_unwind(panic),
        // No thread to be had: run here.
        Err(_) => self::run(),
    }
}

fn run() -> ExitCode {
    let cli = Cli::parse();
    let _ = rayon::ThreadPoolBuilder::new().stack_size(STACK).build_global();
    let color = match cli.color {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none(),
    };
    let code = match cli.command {
        Command::Check(a) => check(*a, color),
        Command::Annotate(a) => annotate::run(&a).unwrap_or_else(|e| {
            error(e);
            EXIT_ERROR
        }),
        Command::Serve(a) => serve::run(&a).unwrap_or_else(|e| {
            error(e);
            EXIT_ERROR
        }),
        Command::Server => gwlint_server::run_stdio().map_or_else(
            |e| {
                error(e);
                EXIT_ERROR
            },
            |()| EXIT_CLEAN,
        ),
        Command::Mcp => gwlint_mcp::run_stdio().map_or_else(
            |e| {
                error(e);
                EXIT_ERROR
            },
            |()| EXIT_CLEAN,
        ),
        Command::Inspect(a) => inspect(a),
        Command::Rules(a) => rules(a),
        Command::Explain(a) => explain(a),
        Command::Init(a) => init(a),
        Command::ConfigSchema => {
            emit(|out| out.write_all(gwlint_core::Config::json_schema().as_bytes())).err().unwrap_or(EXIT_CLEAN)
        }
    };
    ExitCode::from(code)
}

/// docx-rs panics on some malformed files; gwlint catches those panics and reports the file in
/// Chinese, so the default hook's message for them is noise. Every other panic is still printed.
fn silence_docx_panics() {
    let default = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        let from_docx = info.location().is_some_and(|l| l.file().contains("docx-rs") || l.file().contains("docx_rs"));
        if !from_docx {
            default(info);
        }
    }));
}

/// Print an error line to stderr (never panics, even on a closed stderr).
fn error(msg: impl std::fmt::Display) {
    let _ = writeln!(io::stderr().lock(), "gwlint: 错误：{msg}");
}

/// Write a report to stdout; a closed pipe (`gwlint … | head`) ends quietly.
fn emit(f: impl FnOnce(&mut dyn Write) -> io::Result<()>) -> Result<(), u8> {
    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    match f(&mut out).and_then(|_| out.flush()) {
        Ok(()) => Ok(()),
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => Ok(()),
        Err(e) => {
            error(format!("无法写出结果：{e}"));
            Err(EXIT_ERROR)
        }
    }
}

fn check(args: CheckArgs, color: bool) -> u8 {
    // Kept until the process ends, not freed: the rules, packs and their automata are many small
    // allocations (freeing them was a tenth of a one-line check), and the system takes the
    // memory back at exit.
    let ws = match settings::workspace(&args) {
        Ok(w) => std::mem::ManuallyDrop::new(w),
        Err(e) => return fail(e),
    };
    let linter = ws.linter();
    let fail_on = ws.fail_on();
    let mut paths = args.paths.clone();
    if let Some(list) = &args.files_from {
        match read_file_list(list) {
            Ok(extra) => {
                // The list replaces the default "." when no path was given.
                if paths == [std::path::PathBuf::from(".")] {
                    paths.clear();
                }
                paths.extend(extra);
            }
            Err(e) => return fail(e),
        }
    }
    let walk::Collected { inputs, errors: walk_errors, legacy } = walk::collect(&paths, ws.excludes(), ws.root());
    for p in &legacy {
        let _ = writeln!(
            io::stderr().lock(),
            "gwlint: 提示：{}：gwlint 不读此格式，未检查（请在 Word 或 WPS 中“另存为” .docx）",
            p.display()
        );
    }
    // Paths that could not be used are reported like files that could not be read: on stderr
    // and in every machine report.
    let unusable = walk_errors.into_iter().map(|e| check::FileResult {
        input: walk::Input::File(e.path.clone().into()),
        path: e.path,
        ignored: Vec::new(),
        outcome: Err(e.message),
        fingerprint: None,
        notice: false,
    });
    let registry = linter.registry();
    let mut report = Report {
        renderer: output::renderer(args.format, color && args.output.is_none(), args.json_version, registry),
        tally: output::Tally::default(),
        failed_to_write: None,
        statistics_inline: args.statistics && matches!(args.format, Format::Human | Format::Concise),
    };

    let mut fix_errors = false;
    let rendered = if args.fix || args.diff || args.baseline.is_some() {
        // Fixing and baselines need every result before anything is written.
        let mut results = check::run(&ws, &inputs, &args.input);
        results.extend(unusable);
        if args.fix || args.diff {
            let min =
                if args.unsafe_fixes { gwlint_core::Applicability::Unsafe } else { gwlint_core::Applicability::Safe };
            let mut diff_out = Vec::new();
            let summary = match fixing::apply(&mut results, linter, ws.parse_options(), min, args.fix, &mut diff_out) {
                Ok(s) => s,
                Err(e) => return fail(format!("修复失败：{e}")),
            };
            for (path, e) in &summary.errors {
                error(format!("{path}：{e}"));
                fix_errors = true;
            }
            if args.diff {
                let written = emit(|out| out.write_all(&diff_out));
                let _ = writeln!(io::stderr().lock(), "{}", fixing::summary_line(&summary, true));
                return if written.is_err() || fix_errors {
                    EXIT_ERROR
                } else if summary.applied > 0 && !args.exit_zero {
                    EXIT_FINDINGS
                } else {
                    EXIT_CLEAN
                };
            }
            if let Some(text) = &summary.stdin_output {
                // Fixing standard input prints the fixed text, like formatters do.
                return match emit(|out| out.write_all(text.as_bytes())) {
                    Ok(()) => EXIT_CLEAN,
                    Err(code) => code,
                };
            }
            let _ = writeln!(io::stderr().lock(), "{}", fixing::summary_line(&summary, false));
        }
        if let Some(file) = &args.baseline {
            if let Err(e) = apply_baseline(file, args.update_baseline, &mut results) {
                return fail(e);
            }
        }
        write_report(&args.output, |out| {
            for r in results {
                report.take(out, r);
            }
            report.finish(out)
        })
    } else {
        // Each file's findings are written as soon as it and the files before it are checked,
        // and its document is dropped.
        write_report(&args.output, |out| {
            check::stream(&ws, &inputs, &args.input, |r| report.take(out, r));
            for r in unusable {
                report.take(out, r);
            }
            report.finish(out)
        })
    };
    if args.statistics && !report.statistics_inline {
        let _ = output::machine::statistics(&mut io::stderr().lock(), &report.tally);
    }
    let mut had_error = rendered.is_err() || fix_errors;
    for (path, msg, notice) in &report.tally.unchecked {
        if *notice {
            let _ = writeln!(io::stderr().lock(), "gwlint: 提示：{path}：{msg}，未检查");
        } else {
            error(format!("{path}：{msg}"));
            had_error = true;
        }
    }
    let failing = report.tally.worst.is_some_and(|worst| worst >= fail_on);
    if had_error {
        EXIT_ERROR
    } else if failing && !args.exit_zero {
        EXIT_FINDINGS
    } else {
        EXIT_CLEAN
    }
}

/// A report being written: each result is rendered as it arrives and then dropped.
struct Report<'a> {
    renderer: Box<dyn output::Renderer + 'a>,
    tally: output::Tally,
    /// The first error writing the report; nothing more is written after it.
    failed_to_write: Option<io::Error>,
    /// `--statistics` after a human or concise report (after a machine one, on stderr).
    statistics_inline: bool,
}

impl Report<'_> {
    /// Renders one result and gives it back, to be freed by the thread that made it (the lines
    /// its positions were read from were made here, and are freed here).
    fn take(&mut self, out: &mut dyn Write, mut r: check::FileResult) -> Option<check::FileResult> {
        self.tally.add(&r);
        if let (Ok((doc, diags)), None) = (&r.outcome, &self.failed_to_write) {
            if let Err(e) = self.renderer.file(out, &r.path, doc, diags) {
                self.failed_to_write = Some(e);
            }
        }
        if let Ok((doc, _)) = &mut r.outcome {
            doc.drop_positions();
        }
        Some(r)
    }

    fn finish(&mut self, out: &mut dyn Write) -> io::Result<()> {
        if let Some(e) = self.failed_to_write.take() {
            return Err(e);
        }
        self.renderer.finish(out, &self.tally)?;
        if self.statistics_inline {
            output::machine::statistics(out, &self.tally)?;
        }
        Ok(())
    }
}

/// Write a report to `--output` or to stdout.
fn write_report(
    output: &Option<std::path::PathBuf>,
    render: impl FnOnce(&mut dyn Write) -> io::Result<()>,
) -> Result<(), u8> {
    match output {
        Some(path) => std::fs::File::create(path)
            .map(io::BufWriter::new)
            .and_then(|mut f| render(&mut f).and_then(|_| f.flush()))
            .map_err(|e| {
                error(format!("{}：无法写入报告：{e}", path.display()));
                EXIT_ERROR
            }),
        None => emit(render),
    }
}

/// Filter the results through a baseline (or write it, with `--update-baseline`).
fn apply_baseline(file: &std::path::Path, update: bool, results: &mut [check::FileResult]) -> Result<(), String> {
    use gwlint_workspace::baseline;
    let files: Vec<baseline::Checked<'_>> = results
        .iter_mut()
        .filter_map(|r| match &mut r.outcome {
            Ok((doc, diags)) => Some((r.path.as_str(), &*doc, diags)),
            Err(_) => None,
        })
        .collect();
    match baseline::apply(file, update, files) {
        Ok(baseline::Outcome::Written(n)) => {
            let _ = writeln!(io::stderr().lock(), "已把当前的 {n} 个问题写入基线 {}，本次不报告。", file.display());
        }
        Ok(baseline::Outcome::Filtered(n, legacy)) => {
            if n > 0 {
                let _ = writeln!(io::stderr().lock(), "基线 {} 中记录的 {n} 个问题未报告。", file.display());
            }
            if legacy {
                let _ = writeln!(
                    io::stderr().lock(),
                    "基线 {} 是旧格式（version 1，其指纹随 Rust 版本可能变化）：请运行一次 --update-baseline 改写为新格式。",
                    file.display()
                );
            }
        }
        Err(e) => return Err(e.to_string()),
    }
    Ok(())
}

/// Paths, one per line, from a file or standard input ("-").
fn read_file_list(list: &std::path::Path) -> Result<Vec<std::path::PathBuf>, String> {
    let text = if list.as_os_str() == "-" {
        let mut s = String::new();
        std::io::Read::read_to_string(&mut io::stdin().lock(), &mut s).map_err(|e| format!("无法读取标准输入：{e}"))?;
        s
    } else {
        std::fs::read_to_string(list).map_err(|e| format!("{}：无法读取文件列表：{e}", list.display()))?
    };
    Ok(text.lines().map(str::trim).filter(|l| !l.is_empty()).map(std::path::PathBuf::from).collect())
}

fn fail(msg: String) -> u8 {
    error(msg);
    EXIT_ERROR
}

fn inspect(args: InspectArgs) -> u8 {
    let ws = match settings::reader(&args.input) {
        Ok(w) => w,
        Err(e) => return fail(e),
    };
    let input = if args.path.as_os_str() == "-" { walk::Input::Stdin } else { walk::Input::File(args.path.clone()) };
    let (path, doc) = check::read(&ws, &input, &args.input);
    let doc = match doc {
        Ok(d) => d,
        Err(e) => return fail(format!("{path}：{e}")),
    };
    let r = emit(|out| match args.format {
        InspectFormat::Human => inspect::render_human(out, &doc),
        InspectFormat::Json => inspect::render_json(out, &doc),
    });
    r.err().unwrap_or(EXIT_CLEAN)
}

fn rules(args: RulesArgs) -> u8 {
    let reg = match settings::registry(&args.config) {
        Ok(r) => r,
        Err(e) => return fail(e),
    };
    let r = emit(|out| match args.format {
        InspectFormat::Human => rules_cmd::list_human(out, &reg),
        InspectFormat::Json => rules_cmd::list_json(out, &reg),
    });
    r.err().unwrap_or(EXIT_CLEAN)
}

const STARTER_CONFIG: &str = include_str!("starter-gwlint.toml");

fn init(args: InitArgs) -> u8 {
    let path = std::path::Path::new(settings::CONFIG_NAME);
    if path.exists() && !args.force {
        return fail(format!("{} 已存在（用 --force 覆盖）", path.display()));
    }
    if let Err(e) = std::fs::write(path, STARTER_CONFIG) {
        return fail(format!("{}：无法写入：{e}", path.display()));
    }
    let _ = writeln!(io::stdout().lock(), "已写入 {}，按需修改。", path.display());
    EXIT_CLEAN
}

fn explain(args: ExplainArgs) -> u8 {
    let reg = match settings::registry(&args.config) {
        Ok(r) => r,
        Err(e) => return fail(e),
    };
    let Some(rule) = reg.find(&args.rule) else {
        return fail(format!("未知的规则“{}”（用 gwlint rules 查看全部规则）", args.rule));
    };
    let r = emit(|out| rules_cmd::explain(out, rule.meta()));
    r.err().unwrap_or(EXIT_CLEAN)
}
