//! `gwlint-bench`: throughput and memory of gwlint on the real 公文 corpus, side by side with
//! the floor (`cat | wc -m`: reading and decoding) and with autocorrect's lint mode.
//!
//! Usage: cargo run --release -p gwlint-dev --bin gwlint-bench -- [--corpus DIR] [--mb N]
//!        [--autocorrect PATH] [--against GWLINT] [--pairs N] [--scaling] [--docx-only]
//! Defaults: ../shared/corpus/gongwen, 10 MB, `autocorrect` from PATH or $AUTOCORRECT, 5 pairs.
//! Whole programs are measured paired: in each round every command runs once, in turn (A B A B
//! …), and the medians over the rounds are reported, with the median of the per-round ratios,
//! so a load on the shared machine weighs on both sides alike. gwlint and autocorrect both
//! write JSON. `--scaling` adds 1, 10 and 100 MB runs (CPU and peak RSS against input size);
//! `--docx-only` runs only the .docx section (a 100-page file, per process and per file in one
//! process, and the malformed files). `--against GWLINT` runs another gwlint binary (an earlier
//! build) in the same rounds over all the files, and prints this build's CPU time against it,
//! the median of the rounds' ratios: a change of a few percent, which the machine's drift
//! between two runs of the bench hides, is measured paired.
//! Results are printed as Markdown for BENCHMARKS.md. Not a test: timings on a shared
//! 2-core machine are noisy, so compare the ratios of one run.

use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode, Stdio};
use std::time::{Duration, Instant};

use gwlint_core::{Document, Linter, ParseOptions, Registry, Selection};

struct Args {
    corpus: PathBuf,
    mb: usize,
    autocorrect: Option<PathBuf>,
    /// Another gwlint binary to measure this one against, in the same rounds.
    against: Option<PathBuf>,
    pairs: usize,
    scaling: bool,
    docx_only: bool,
}

fn parse_args() -> Result<Args, String> {
    let mut a = Args {
        corpus: PathBuf::from("../shared/corpus/gongwen"),
        mb: 10,
        autocorrect: None,
        against: None,
        pairs: 5,
        scaling: false,
        docx_only: false,
    };
    let mut it = std::env::args().skip(1);
    while let Some(arg) = it.next() {
        match arg.as_str() {
            "--corpus" => a.corpus = it.next().ok_or("--corpus needs a directory")?.into(),
            "--mb" => a.mb = it.next().and_then(|s| s.parse().ok()).ok_or("--mb needs a number")?,
            "--autocorrect" => a.autocorrect = Some(it.next().ok_or("--autocorrect needs a path")?.into()),
            "--against" => a.against = Some(it.next().ok_or("--against needs a gwlint binary")?.into()),
            "--pairs" => {
                a.pairs = it.next().and_then(|s| s.parse().ok()).filter(|&n| n > 0).ok_or("--pairs needs a number")?
            }
            "--scaling" => a.scaling = true,
            "--docx-only" => a.docx_only = true,
            "--help" | "-h" => {
                println!("usage: gwlint-bench [--corpus DIR] [--mb N] [--autocorrect PATH] [--against GWLINT] [--pairs N] [--scaling] [--docx-only]");
                std::process::exit(0);
            }
            other => return Err(format!("unknown argument {other}")),
        }
    }
    if a.autocorrect.is_none() {
        a.autocorrect = std::env::var_os("AUTOCORRECT").map(PathBuf::from).or_else(|| which("autocorrect"));
    }
    Ok(a)
}

fn which(name: &str) -> Option<PathBuf> {
    std::env::var_os("PATH").and_then(|p| std::env::split_paths(&p).map(|d| d.join(name)).find(|p| p.is_file()))
}

fn txt_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(rd) = std::fs::read_dir(dir) else {
        return;
    };
    let mut entries: Vec<PathBuf> = rd.flatten().map(|e| e.path()).collect();
    entries.sort();
    for p in entries {
        if p.is_dir() {
            txt_files(&p, out);
        } else if p.extension().is_some_and(|e| e == "txt") {
            out.push(p);
        }
    }
}

/// CPU seconds (user + system) and peak RSS (KiB) of `who`.
fn rusage(who: libc::c_int) -> (f64, i64) {
    // SAFETY: getrusage only writes into the zeroed struct we pass.
    let mut ru: libc::rusage = unsafe { std::mem::zeroed() };
    unsafe { libc::getrusage(who, &mut ru) };
    let secs = |t: libc::timeval| t.tv_sec as f64 + t.tv_usec as f64 / 1e6;
    (secs(ru.ru_utime) + secs(ru.ru_stime), ru.ru_maxrss)
}

#[derive(Clone)]
struct Measure {
    wall: Duration,
    cpu: f64,
    peak_kib: i64,
}

/// Run a shell command in a fresh child of a helper process, so its rusage is its own.
fn measure_command(shell: &str) -> Result<Measure, String> {
    let exe = std::env::current_exe().map_err(|e| e.to_string())?;
    let t = Instant::now();
    let out = Command::new(exe)
        .env("GWLINT_BENCH_CHILD", shell)
        .stderr(Stdio::inherit())
        .output()
        .map_err(|e| e.to_string())?;
    let wall = t.elapsed();
    let s = String::from_utf8_lossy(&out.stdout);
    let mut parts = s.split_whitespace();
    let cpu = parts.next().and_then(|x| x.parse().ok()).ok_or(format!("could not run: {shell}"))?;
    let peak_kib = parts.next().and_then(|x| x.parse().ok()).unwrap_or(0);
    Ok(Measure { wall, cpu, peak_kib })
}

/// Helper mode: run the command, then print its CPU seconds and peak RSS.
fn child_mode(shell: &str) -> ExitCode {
    let status = Command::new("sh").arg("-c").arg(shell).stdout(Stdio::null()).stderr(Stdio::null()).status();
    if status.is_err() {
        return ExitCode::from(2);
    }
    let (cpu, peak) = rusage(libc::RUSAGE_CHILDREN);
    println!("{cpu} {peak}");
    ExitCode::SUCCESS
}

/// The gwlint binary built beside this one.
fn gwlint_beside() -> Option<PathBuf> {
    std::env::current_exe().ok().and_then(|p| p.parent().map(|p| p.join("gwlint"))).filter(|p| p.is_file())
}

fn mb(bytes: usize) -> f64 {
    bytes as f64 / 1_000_000.0
}

fn main() -> ExitCode {
    if let Ok(shell) = std::env::var("GWLINT_BENCH_CHILD") {
        return child_mode(&shell);
    }
    let args = match parse_args() {
        Ok(a) => a,
        Err(e) => {
            eprintln!("gwlint-bench: {e}");
            return ExitCode::from(2);
        }
    };
    if args.docx_only {
        let dir = std::env::temp_dir().join(format!("gwlint-bench-{}", std::process::id()));
        let _ = std::fs::create_dir_all(&dir);
        docx_section(&dir, gwlint_beside().as_deref());
        let _ = std::fs::remove_dir_all(&dir);
        return ExitCode::SUCCESS;
    }
    let mut files = Vec::new();
    txt_files(&args.corpus, &mut files);
    if files.is_empty() {
        eprintln!("gwlint-bench: no .txt files under {} (the shared corpus is not here?)", args.corpus.display());
        return ExitCode::from(2);
    }
    let originals: Vec<(String, Vec<u8>)> = files
        .iter()
        .map(|p| (p.file_name().unwrap().to_string_lossy().into_owned(), std::fs::read(p).unwrap_or_default()))
        .collect();
    let corpus_bytes: usize = originals.iter().map(|(_, b)| b.len()).sum();
    let target = args.mb * 1_000_000;
    let reps = target.div_ceil(corpus_bytes.max(1));
    let dir = std::env::temp_dir().join(format!("gwlint-bench-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("temp dir");
    let mut inputs: Vec<(String, &[u8])> = Vec::new();
    for r in 0..reps {
        for (name, bytes) in &originals {
            let n = format!("r{r:03}_{name}");
            std::fs::write(dir.join(&n), bytes).expect("write temp file");
            inputs.push((n, bytes));
        }
    }
    let total: usize = inputs.iter().map(|(_, b)| b.len()).sum();
    let chars: usize = inputs.iter().map(|(_, b)| String::from_utf8_lossy(b).chars().count()).sum();
    println!("## gwlint-bench\n");
    println!(
        "Corpus: {} files from {} repeated {reps}× = {} files, {:.1} MB, {:.1} M chars.\n",
        originals.len(),
        args.corpus.display(),
        inputs.len(),
        mb(total),
        chars as f64 / 1e6
    );

    // In-process, one thread: where the time goes.
    let opts = ParseOptions::default();
    let (cpu0, _) = rusage(libc::RUSAGE_SELF);
    let t = Instant::now();
    let mut docs: Vec<Document> = inputs.iter().filter_map(|(n, b)| Document::parse(n, b, &opts).ok()).collect();
    let parse_time = t.elapsed();
    let linter = Linter::with_defaults();
    let t = Instant::now();
    let mut findings = 0;
    for d in &mut docs {
        findings += linter.check(d).len();
        d.drop_caches();
    }
    let lint_time = t.elapsed();
    // The split into words that the spelling rules share, read once per document (inside
    // "all rules" above; the per-rule times below find it read).
    let t = Instant::now();
    for d in &docs {
        std::hint::black_box(d.han_runs().count());
    }
    let split_time = t.elapsed();
    let (cpu1, peak_self) = rusage(libc::RUSAGE_SELF);
    println!("### In process, one thread\n");
    println!("| stage | time | MB/s |\n|---|---|---|");
    let row = |name: &str, d: Duration| {
        println!("| {name} | {:.3} s | {:.1} |", d.as_secs_f64(), mb(total) / d.as_secs_f64())
    };
    row("decode + structure (Document::parse)", parse_time);
    row("all rules (Linter::check)", lint_time);
    row("of which: Han runs split into words (Document::han_runs, shared)", split_time);
    row("total", parse_time + lint_time);
    println!(
        "\n{findings} findings; CPU {:.3} s; peak RSS {:.1} MiB (all documents held in memory).\n",
        cpu1 - cpu0,
        peak_self as f64 / 1024.0
    );
    // What the structure pass leaves for every rule (the paragraphs' summaries) is read again
    // before the rules are timed alone: after `drop_caches` the first rule that asks for them
    // (GW308 in the registry's order) was charged with reading them for every document.
    for d in &docs {
        std::hint::black_box(d.summaries().len());
    }
    println!(
        "Per rule (each run alone over all documents, the paragraphs' summaries and the shared split already read):\n\n| rule | time | share of rule time |\n|---|---|---|"
    );
    let codes: Vec<String> = linter.registry().metas().map(|m| m.code.to_string()).collect();
    let mut per_rule = Vec::new();
    for code in &codes {
        let sel = Selection { select: Some(vec![code.clone()]), ..Default::default() };
        let l = Linter::new(Registry::builtin(), &sel).expect("rule");
        let t = Instant::now();
        for d in &docs {
            std::hint::black_box(l.check(d));
        }
        per_rule.push((code.clone(), t.elapsed()));
    }
    let sum: f64 = per_rule.iter().map(|(_, d)| d.as_secs_f64()).sum();
    for (code, d) in &per_rule {
        println!("| {code} | {:.3} s | {:.0}% |", d.as_secs_f64(), 100.0 * d.as_secs_f64() / sum.max(1e-9));
    }
    drop(docs);

    // Whole programs, measured as child processes, paired.
    let d = dir.display();
    let gwlint = gwlint_beside();
    let mut commands: Vec<(String, String)> =
        vec![("`cat FILES \\| wc -m` (floor)".into(), format!("cat {d}/*.txt | wc -m"))];
    // Where this build's two rows are (all threads, then one thread), if it was found.
    let own = gwlint.as_ref().map(|_| commands.len());
    if let Some(g) = &gwlint {
        commands.push((
            "gwlint check --format json".into(),
            format!("{} check --no-config --exit-zero --format json {d}", g.display()),
        ));
        commands.push((
            "gwlint check --format json (1 thread)".into(),
            format!("RAYON_NUM_THREADS=1 {} check --no-config --exit-zero --format json {d}", g.display()),
        ));
    } else {
        println!("(gwlint binary not found next to gwlint-bench: build it with cargo build --release)\n");
    }
    match &args.autocorrect {
        Some(ac) => commands
            .push(("autocorrect --lint --format json".into(), format!("{} --lint --format json {d}", ac.display()))),
        None => println!("(autocorrect not found: npm install autocorrect-node, then pass --autocorrect PATH)\n"),
    }
    // The other gwlint binary, if given, the same two ways: its rows follow, and this build's
    // are compared with them round by round.
    let against = match (&args.against, own) {
        (Some(other), Some(own)) => {
            let o = other.display();
            let first = commands.len();
            commands.push((
                format!("{o} check --format json"),
                format!("{o} check --no-config --exit-zero --format json {d}"),
            ));
            commands.push((
                format!("{o} check --format json (1 thread)"),
                format!("RAYON_NUM_THREADS=1 {o} check --no-config --exit-zero --format json {d}"),
            ));
            Some((own, first))
        }
        _ => None,
    };
    println!("\n### Whole programs over the same files, paired ({} rounds)\n", args.pairs);
    let runs = paired_table(&commands, args.pairs, Some(total));
    if let Some((own, first)) = against {
        println!(
            "\nThis build's CPU time against {}'s (median of the rounds' ratios): all threads {:.3}, one thread {:.3}.",
            args.against.as_ref().map(|p| p.display().to_string()).unwrap_or_default(),
            round_ratio(&runs[own], &runs[first]),
            round_ratio(&runs[own + 1], &runs[first + 1])
        );
    }

    // Start-up: one short file, many rounds.
    let tiny = dir.join("tiny.txt");
    if std::fs::write(&tiny, "关于开展检查的通知\n").is_ok() {
        let commands = one_file_commands(gwlint.as_deref(), args.autocorrect.as_deref(), &tiny, "", "one line");
        println!("\n### Start-up: a one-line file, paired ({} rounds)\n", args.pairs * 4);
        paired_table(&commands, args.pairs * 4, None);
    }
    // One real document of the corpus's median size, its own process each time: what an editor
    // check, a pre-commit hook or a per-file pipeline call costs (start-up and one document).
    let mut by_size: Vec<&(String, Vec<u8>)> = originals.iter().collect();
    by_size.sort_by_key(|(name, bytes)| (bytes.len(), name.clone()));
    if let Some((name, bytes)) = by_size.get(by_size.len() / 2) {
        let one = dir.join("median-document.txt");
        if std::fs::write(&one, bytes).is_ok() {
            let commands = one_file_commands(
                gwlint.as_deref(),
                args.autocorrect.as_deref(),
                &one,
                " --format json",
                "one document",
            );
            println!(
                "\n### One document of median size ({name}, {} bytes), a process each, paired ({} rounds)\n",
                bytes.len(),
                args.pairs * 4
            );
            paired_table(&commands, args.pairs * 4, None);
        }
    }
    if args.scaling {
        if let Some(g) = &gwlint {
            scaling_section(g, &originals);
        }
    }
    docx_section(&dir, gwlint.as_deref());
    let _ = std::fs::remove_dir_all(&dir);
    ExitCode::SUCCESS
}

/// gwlint and autocorrect (those found) on one file, each with `options` (" --format json", or
/// nothing), labelled with what the file is.
fn one_file_commands(
    gwlint: Option<&Path>,
    autocorrect: Option<&Path>,
    file: &Path,
    options: &str,
    what: &str,
) -> Vec<(String, String)> {
    let mut commands = Vec::new();
    if let Some(g) = gwlint {
        commands.push((
            format!("gwlint check{options} ({what})"),
            format!("{} check --no-config --exit-zero{options} {}", g.display(), file.display()),
        ));
    }
    if let Some(ac) = autocorrect {
        commands.push((
            format!("autocorrect --lint{options} ({what})"),
            format!("{} --lint{options} {}", ac.display(), file.display()),
        ));
    }
    commands
}

fn median(mut v: Vec<f64>) -> f64 {
    v.sort_by(f64::total_cmp);
    if v.is_empty() {
        return 0.0;
    }
    let m = v.len() / 2;
    if v.len() % 2 == 1 {
        v[m]
    } else {
        (v[m - 1] + v[m]) / 2.0
    }
}

/// The median over the rounds of the CPU time of `runs` against that of `base` in the same
/// round (rounds where either failed are left out).
fn round_ratio(runs: &[Option<Measure>], base: &[Option<Measure>]) -> f64 {
    median(runs.iter().zip(base).filter_map(|(m, b)| Some(m.as_ref()?.cpu / b.as_ref()?.cpu.max(1e-6))).collect())
}

/// Run the commands in turn, `rounds` times (A B C A B C …); print the medians per command and
/// the median over rounds of its CPU time against the first command's (or, when `bytes` is
/// None, against the first command's wall time). Returns each command's measures, round by
/// round (None: the run failed).
fn paired_table(commands: &[(String, String)], rounds: usize, bytes: Option<usize>) -> Vec<Vec<Option<Measure>>> {
    if commands.is_empty() {
        return Vec::new();
    }
    let mut by_round: Vec<Vec<Option<Measure>>> = commands.iter().map(|_| Vec::new()).collect();
    for _ in 0..rounds {
        for (i, (_, cmd)) in commands.iter().enumerate() {
            by_round[i].push(measure_command(cmd).ok());
        }
    }
    let runs: Vec<Vec<Measure>> = by_round.iter().map(|r| r.iter().flatten().cloned().collect()).collect();
    let first = commands[0].0.as_str();
    println!("| command | wall (median) | CPU (median) | MB per CPU-second | peak RSS (median) | ×{first} (median of rounds) |");
    println!("|---|---|---|---|---|---|");
    for (i, (name, _)) in commands.iter().enumerate() {
        let r = &runs[i];
        if r.is_empty() {
            println!("| {name} | failed | | | | |");
            continue;
        }
        let wall = median(r.iter().map(|m| m.wall.as_secs_f64()).collect());
        let cpu = median(r.iter().map(|m| m.cpu).collect());
        let peak = median(r.iter().map(|m| m.peak_kib as f64).collect()) / 1024.0;
        let ratio = median(
            r.iter()
                .zip(&runs[0])
                .map(|(m, f)| match bytes {
                    Some(_) => m.cpu / f.cpu.max(1e-6),
                    None => m.wall.as_secs_f64() / f.wall.as_secs_f64().max(1e-6),
                })
                .collect(),
        );
        let rate = bytes.map_or("—".to_string(), |b| format!("{:.1}", mb(b) / cpu.max(1e-6)));
        println!("| {name} | {wall:.3} s | {cpu:.3} s | {rate} | {peak:.1} MiB | {ratio:.2} |");
    }
    by_round
}

/// gwlint over 1, 10 and 100 MB of the corpus: CPU and peak RSS against the input size.
fn scaling_section(gwlint: &Path, originals: &[(String, Vec<u8>)]) {
    let corpus: usize = originals.iter().map(|(_, b)| b.len()).sum();
    println!(
        "\n### Scaling\n\n| input | files | wall | CPU | MB per CPU-second | peak RSS |\n|---|---|---|---|---|---|"
    );
    for size in [1usize, 10, 100] {
        let dir = std::env::temp_dir().join(format!("gwlint-bench-scale-{}-{size}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        if std::fs::create_dir_all(&dir).is_err() {
            return;
        }
        let (mut written, mut files) = (0, 0);
        'fill: for r in 0.. {
            for (name, bytes) in originals {
                if written >= size * 1_000_000 || corpus == 0 {
                    break 'fill;
                }
                let _ = std::fs::write(dir.join(format!("r{r:04}_{name}")), bytes);
                written += bytes.len();
                files += 1;
            }
        }
        let cmd = format!("{} check --no-config --exit-zero --format json {}", gwlint.display(), dir.display());
        if let Ok(m) = measure_command(&cmd) {
            println!(
                "| {:.1} MB | {files} | {:.2} s | {:.2} s | {:.1} | {:.1} MiB |",
                mb(written),
                m.wall.as_secs_f64(),
                m.cpu,
                mb(written) / m.cpu.max(1e-6),
                m.peak_kib as f64 / 1024.0
            );
        }
        let _ = std::fs::remove_dir_all(&dir);
    }
}

/// How many copies of the 100-page .docx one process reads for the per-file time.
const DOCX_COPIES: usize = 20;

/// A 100-page .docx (22 lines of 28 characters a page): gwlint against a plain text extractor.
fn docx_section(dir: &Path, gwlint: Option<&Path>) {
    use docx_rs::{Docx, Paragraph, Run, RunFonts, SpecialIndentType};
    let sentence =
        "为切实做好防汛工作，各地各部门要严格落实以行政首长负责制为核心的防汛责任制，加强监测预警，做好应急准备。";
    let mut docx = Docx::new().add_paragraph(
        Paragraph::new().add_run(
            Run::new()
                .add_text("平安市人民政府关于做好防汛工作的通知")
                .fonts(RunFonts::new().east_asia("方正小标宋简体"))
                .size(44),
        ),
    );
    let mut chars = 0;
    let mut n = 0;
    while chars < 100 * 22 * 28 {
        let text = format!("{sentence}{sentence}（第{n}段）");
        chars += text.chars().count();
        n += 1;
        docx = docx.add_paragraph(
            Paragraph::new()
                .add_run(Run::new().add_text(text).fonts(RunFonts::new().east_asia("仿宋_GB2312")).size(32))
                .indent(None, Some(SpecialIndentType::FirstLine(640)), None, None),
        );
    }
    let mut buf = std::io::Cursor::new(Vec::new());
    if docx.build().pack(&mut buf).is_err() {
        return;
    }
    let path = dir.join("hundred_pages.docx");
    let good = buf.into_inner();
    if std::fs::write(&path, &good).is_err() {
        return;
    }
    println!("\n### A 100-page .docx ({n} paragraphs, {chars} characters)\n");
    println!("| command | wall | CPU (user+sys) | peak RSS |\n|---|---|---|---|");
    // Per file in one process: the same file many times in one run (start-up spread over them),
    // one thread, so the CPU time divided by the copies is what one more such file costs.
    let copies = dir.join("hundred_pages_copies");
    let _ = std::fs::create_dir_all(&copies);
    for i in 0..DOCX_COPIES {
        let _ = std::fs::write(copies.join(format!("copy{i:02}.docx")), &good);
    }
    let mut commands = Vec::new();
    if let Some(g) = gwlint {
        commands.push((
            "gwlint check (all rules), one process a file".to_string(),
            format!("{} check --no-config --exit-zero {}", g.display(), path.display()),
        ));
        commands.push((
            format!("gwlint check (all rules), {DOCX_COPIES} copies in one process, one thread: per file"),
            format!("RAYON_NUM_THREADS=1 {} check --no-config --exit-zero {}", g.display(), copies.display()),
        ));
    }
    match which("docx2txt") {
        Some(d) => commands
            .push(("docx2txt (text extraction only, Python)".into(), format!("{} {}", d.display(), path.display()))),
        None => println!("(docx2txt not found: pip install docx2txt for the comparison)\n"),
    }
    for (name, cmd) in commands {
        if let Ok(m) = measure_command(&cmd) {
            let per = if name.ends_with("per file") { DOCX_COPIES as f64 } else { 1.0 };
            println!(
                "| {name} | {:.3} s | {:.3} s | {:.1} MiB |",
                m.wall.as_secs_f64() / per,
                m.cpu / per,
                m.peak_kib as f64 / 1024.0
            );
        }
    }
    if let Some(g) = gwlint {
        malformed_section(dir, g, &good);
    }
}

/// Broken .docx files must be rejected quickly with a message, never hang: time the whole
/// `gwlint check` process on each kind (the tests check the messages).
fn malformed_section(dir: &Path, gwlint: &Path, good: &[u8]) {
    use docx_rs::{Docx, Paragraph, Run, Table, TableCell, TableRow};
    let mut corrupt = good.to_vec();
    let mid = corrupt.len() / 3;
    for b in &mut corrupt[mid..mid + 64] {
        *b ^= 0x5A;
    }
    let mut nested = Table::new(vec![TableRow::new(vec![
        TableCell::new().add_paragraph(Paragraph::new().add_run(Run::new().add_text("最内层")))
    ])]);
    for _ in 0..300 {
        nested = Table::new(vec![TableRow::new(vec![TableCell::new().add_table(nested)])]);
    }
    let mut deep = std::io::Cursor::new(Vec::new());
    let deep = match Docx::new().add_table(nested).build().pack(&mut deep) {
        Ok(()) => deep.into_inner(),
        Err(_) => Vec::new(),
    };
    let cases: [(&str, Vec<u8>); 5] = [
        ("truncated (first half of the 100-page file)", good[..good.len() / 2].to_vec()),
        ("corrupt deflate (64 bytes flipped)", corrupt),
        ("tables nested 300 deep", deep),
        ("a text file renamed .docx", "这是一段文字".repeat(1000).into_bytes()),
        ("empty file", Vec::new()),
    ];
    println!("\n### Malformed .docx files: time to a clean error\n");
    println!("| file | wall | exit code 2 |\n|---|---|---|");
    for (i, (name, bytes)) in cases.iter().enumerate() {
        let path = dir.join(format!("malformed_{i}.docx"));
        if std::fs::write(&path, bytes).is_err() {
            continue;
        }
        let started = std::time::Instant::now();
        let status = std::process::Command::new(gwlint)
            .args(["check", "--no-config", "--format", "concise"])
            .arg(&path)
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .status();
        let wall = started.elapsed().as_secs_f64();
        let code = status.ok().and_then(|s| s.code()).map_or("-".to_string(), |c| c.to_string());
        println!("| {name} | {wall:.3} s | {code} |");
    }
}
