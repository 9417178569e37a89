//! The `gazex` binary: flags and wiring only (see `cli.rs`); the work is in
//! the library.

mod cli;

use std::fs::File;
use std::io::{self, BufWriter, Write};
use std::path::Path;
use std::process::ExitCode;
use std::time::Instant;

use anyhow::{Context, Result};
use clap::Parser;

use cli::{Cli, Command, ExtractArgs, StatsFormat};
use gazex::extract::{extract, Summary};
use gazex::gazetteer::Gazetteer;
use gazex::walk::{collect, DEFAULT_EXTENSIONS};
use gazex::{InputError, Matcher};

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Extract(args) => run_extract(args),
    };
    match result {
        Ok(code) => code,
        Err(err) => {
            eprintln!("gazex: error: {err:#}");
            ExitCode::from(2)
        }
    }
}

fn load_gazetteers(paths: &[std::path::PathBuf]) -> Result<Gazetteer> {
    let mut g = Gazetteer::new();
    for p in paths {
        g.add_path(p)
            .with_context(|| format!("cannot load gazetteer {}", p.display()))?;
    }
    for w in g.warnings() {
        eprintln!("gazex: warning: {w}");
    }
    if g.is_empty() {
        anyhow::bail!("the gazetteers hold no entity (looked in {paths:?})");
    }
    Ok(g)
}

fn run_extract(args: ExtractArgs) -> Result<ExitCode> {
    let mut pool = rayon::ThreadPoolBuilder::new();
    if let Some(n) = args.threads {
        anyhow::ensure!(n > 0, "--threads must be at least 1");
        pool = pool.num_threads(n);
    }
    let pool = pool.build().context("cannot start worker threads")?;

    let build_started = Instant::now();
    let gazetteer = load_gazetteers(&args.gazetteers)?;
    let matcher = Matcher::new(&gazetteer);
    let build_time = build_started.elapsed();

    let walked = collect(&args.paths, DEFAULT_EXTENSIONS);
    let mut error_sink: Box<dyn Write> = match &args.errors {
        Some(p) => Box::new(BufWriter::new(
            File::create(p).with_context(|| format!("cannot create {}", p.display()))?,
        )),
        None => Box::new(io::stderr()),
    };
    let mut report = |e: &InputError| {
        // Losing an error record must not stop the run.
        let _ = writeln!(error_sink, "{}", e.to_json());
    };
    for e in &walked.errors {
        report(e);
    }

    let summary = match &args.output {
        None => {
            let stdout = io::stdout();
            let mut out = BufWriter::with_capacity(1 << 16, stdout.lock());
            extract(&matcher, &walked.files, &pool, &mut out, &mut report)
                .context("cannot write to standard output")?
        }
        Some(path) => write_atomically(path, |out| {
            extract(&matcher, &walked.files, &pool, out, &mut report)
        })?,
    };
    drop(report);
    error_sink.flush().ok();

    let errors = summary.errors + walked.errors.len();
    if let Some(format) = args.stats {
        print_stats(format, &summary, errors, &matcher, build_time);
    }
    Ok(if errors > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

/// Writes through a temporary file beside `path`, renamed into place only
/// when `write` succeeds: an interrupted run leaves the old file untouched.
fn write_atomically<T>(
    path: &Path,
    write: impl FnOnce(&mut BufWriter<File>) -> io::Result<T>,
) -> Result<T> {
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    let tmp = tempfile::Builder::new()
        .prefix(".gazex-")
        .suffix(".tmp")
        .tempfile_in(dir)
        .with_context(|| format!("cannot create a temporary file in {}", dir.display()))?;
    let (file, tmp_path) = tmp.into_parts();
    let mut out = BufWriter::with_capacity(1 << 16, file);
    let value = write(&mut out).with_context(|| format!("cannot write {}", path.display()))?;
    let file = out
        .into_inner()
        .map_err(|e| e.into_error())
        .with_context(|| format!("cannot write {}", path.display()))?;
    file.sync_all()
        .with_context(|| format!("cannot write {}", path.display()))?;
    tmp_path
        .persist(path)
        .with_context(|| format!("cannot move the output into place at {}", path.display()))?;
    Ok(value)
}

fn print_stats(
    format: StatsFormat,
    s: &Summary,
    errors: usize,
    matcher: &Matcher,
    build: std::time::Duration,
) {
    let secs = s.elapsed.as_secs_f64().max(1e-9);
    let mb = s.bytes as f64 / 1e6;
    let b = matcher.stats();
    match format {
        StatsFormat::Text => eprintln!(
            "gazex: {} files, {:.2} MB, {} mentions, {} errors; gazetteer {} entities, {} patterns, \
             load+build {:.3} s; scan {:.3} s, {:.1} MB/s, {:.0} mentions/s",
            s.files,
            mb,
            s.mentions,
            errors,
            b.entities,
            b.patterns,
            build.as_secs_f64(),
            secs,
            mb / secs,
            s.mentions as f64 / secs
        ),
        StatsFormat::Json => eprintln!(
            "{}",
            serde_json::json!({
                "files": s.files,
                "bytes": s.bytes,
                "mentions": s.mentions,
                "errors": errors,
                "entities": b.entities,
                "patterns": b.patterns,
                "build_seconds": build.as_secs_f64(),
                "scan_seconds": secs,
                "mb_per_second": mb / secs,
                "mentions_per_second": s.mentions as f64 / secs,
            })
        ),
    }
}
