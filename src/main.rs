//! The `gazex` binary: flags and wiring only (see `cli.rs`); the work is in
//! the library.

// Under rustdoc every warning is an error (see lib.rs).
#![cfg_attr(doc, deny(warnings))]

mod cli;

use std::fs::File;
use std::io::{self, BufWriter, IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Instant;

use anyhow::{Context, Result};
use clap::Parser;

use cli::{
    ByPeriod, Cli, Command, EvalArgs, ExtractArgs, GazetteerCommand, ImportArgs, ImportFormat,
    InputFormat, ListArgs, NamesArgs, OutputFormat, ReportArgs, StatsFormat,
};
use gazex::extract::{extract_sources, Options, Summary};
use gazex::gazetteer::{bundled, Gazetteer, MergeReport};
use gazex::input::{decode::DecodeOptions, jsonl, Format, ReadOptions, Source};
use gazex::output::csv::CsvSink;
use gazex::output::jsonl::JsonlSink;
use gazex::output::sqlite::{IndexSummary, SqliteSink};
use gazex::output::{Fields, RecordOptions, Sink};
use gazex::progress::Progress;
use gazex::walk::{collect, DEFAULT_EXTENSIONS};
use gazex::{InputError, Matcher};

/// Set by SIGINT/SIGTERM; the pipeline stops between batches.
static STOP: AtomicBool = AtomicBool::new(false);

/// Exit status of an interrupted run.
const INTERRUPTED: u8 = 130;

fn main() -> ExitCode {
    let cli = Cli::parse();
    // The first signal asks the run to stop cleanly (the temporary output
    // is removed, the previous output kept); a second one ends it at once.
    let _ = ctrlc::set_handler(|| {
        if STOP.swap(true, Ordering::SeqCst) {
            std::process::exit(INTERRUPTED.into());
        }
    });
    let result = match cli.command {
        Command::Extract(args) => run_extract(args),
        Command::Eval(args) => run_eval(args),
        Command::Report(args) => run_report(args),
        Command::Gazetteer(GazetteerCommand::Import(args)) => run_import(args),
        Command::Gazetteer(GazetteerCommand::Names(args)) => run_names(args),
        Command::Gazetteer(GazetteerCommand::List(args)) => run_list(args),
    };
    match result {
        Ok(code) => code,
        Err(_) if STOP.load(Ordering::SeqCst) => {
            eprintln!("gazex: interrupted");
            ExitCode::from(INTERRUPTED)
        }
        Err(err) => {
            eprintln!("gazex: error: {err:#}");
            ExitCode::from(2)
        }
    }
}

/// Imports a published list (`FORMAT` with its input paths), reporting on
/// standard error what was read.
fn import(format: ImportFormat, inputs: &[PathBuf]) -> Result<Vec<gazex::gazetteer::Entity>> {
    use gazex::gazetteer::{ofac, officials};
    let (entities, report) = match format {
        ImportFormat::OfacCsv => {
            let imported = match inputs {
                [dir] if dir.is_dir() => ofac::import_dir(dir)?,
                [sdn, rest @ ..] if rest.len() <= 2 => ofac::import(
                    sdn,
                    rest.first().map(PathBuf::as_path),
                    rest.get(1).map(PathBuf::as_path),
                )?,
                _ => anyhow::bail!(
                    "--from ofac-csv takes a folder, or sdn.csv [alt.csv] [add.csv] in that order"
                ),
            };
            (imported.entities, imported.report)
        }
        ImportFormat::Officials => match inputs {
            [dir] => officials::import_all(dir)?,
            _ => anyhow::bail!("--from officials takes one folder"),
        },
    };
    eprintln!("gazex: imported {} entities\n{report}", entities.len());
    Ok(entities)
}

fn run_import(args: ImportArgs) -> Result<ExitCode> {
    let entities = import(args.from, &args.inputs)?;
    let write = |out: &mut dyn Write| -> io::Result<()> {
        gazex::gazetteer::native::write(&mut *out, &entities)
    };
    write_output(args.output.as_deref(), write)?;
    Ok(ExitCode::SUCCESS)
}

/// `gazex gazetteer names`: the common-name decision for each person's
/// name, as the resolver takes it.
fn run_names(args: NamesArgs) -> Result<ExitCode> {
    let loaded = load_gazetteers(&args.engine.gazetteers, args.engine.no_merge)?;
    let matcher = Matcher::from_gazetteer(loaded.gazetteer);
    let mut out = BufWriter::new(io::stdout().lock());
    writeln!(out, "entity_id\tname\tdecision\twords")?;
    for (i, e) in matcher.entities().iter().enumerate() {
        if e.kind != gazex::gazetteer::EntityType::Person
            || !(args.entities.is_empty() || args.entities.contains(&e.id))
        {
            continue;
        }
        for (name, words) in matcher.name_commonness(i as u32) {
            let common = !words.is_empty() && words.iter().all(|(_, why)| why.is_some());
            if args.common && !common {
                continue;
            }
            let words: Vec<String> = words
                .iter()
                .map(|(w, why)| format!("{w}:{}", why.map_or("rare", |c| c.as_str())))
                .collect();
            let decision = if common { "common" } else { "rare" };
            writeln!(out, "{}\t{name}\t{decision}\t{}", e.id, words.join(" "))?;
        }
    }
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}

/// Gazetteers as loaded for a run, and what merging did.
struct Loaded {
    gazetteer: Gazetteer,
    /// `None` with `--no-merge`.
    merge: Option<MergeReport>,
    merge_time: std::time::Duration,
}

/// Loads every `-g` path in the order given, then merges the same person
/// across them (unless `no_merge`): bundled lists and user lists alike.
fn load_gazetteers(paths: &[PathBuf], no_merge: bool) -> Result<Loaded> {
    let mut g = load_unmerged(paths)?;
    let started = Instant::now();
    let merge = (!no_merge).then(|| g.merge_same_people());
    Ok(Loaded {
        gazetteer: g,
        merge,
        merge_time: started.elapsed(),
    })
}

/// Loads every `-g` path in the order given; without any, the lists
/// bundled in gazex. `bundled:` names them all, `bundled:NAME` one.
fn load_unmerged(paths: &[PathBuf]) -> Result<Gazetteer> {
    let mut g = Gazetteer::new();
    if paths.is_empty() {
        g.add_bundled()?;
    }
    for p in paths {
        let spec = p.to_string_lossy();
        if let Some(name) = spec.strip_prefix(bundled::PREFIX) {
            if name.is_empty() {
                g.add_bundled()?;
            } else {
                let list = bundled::get(name).with_context(|| {
                    let names: Vec<&str> = bundled::lists().map(|b| b.name()).collect();
                    format!(
                        "-g {spec}: no bundled list is named {name:?} (the bundled lists: {})",
                        names.join(", ")
                    )
                })?;
                g.add_bundled_list(list)?;
            }
            continue;
        }
        let published = [
            ("ofac-csv:", ImportFormat::OfacCsv),
            ("officials:", ImportFormat::Officials),
        ]
        .into_iter()
        .find_map(|(prefix, f)| {
            spec.strip_prefix(prefix)
                .map(|rest| (f, PathBuf::from(rest)))
        });
        match published {
            Some((format, dir)) => {
                for (i, e) in import(format, std::slice::from_ref(&dir))?
                    .into_iter()
                    .enumerate()
                {
                    g.push(
                        e,
                        gazex::gazetteer::Origin {
                            path: dir.clone(),
                            line: i as u64 + 1,
                        },
                    );
                }
            }
            // (The error names the file, the line and what went wrong.)
            None => g.add_path(p)?,
        }
    }
    for w in g.warnings() {
        eprintln!("gazex: warning: {w}");
    }
    if g.is_empty() {
        anyhow::bail!("the gazetteers hold no entity (looked in {paths:?})");
    }
    Ok(g)
}

/// `gazex gazetteer list`: each gazetteer file a run loads, where it comes
/// from, the date of its data, its licence and its entities by type; then
/// the total and what merging did.
fn run_list(args: ListArgs) -> Result<ExitCode> {
    let mut g = load_unmerged(&args.engine.gazetteers)?;
    let mut out = BufWriter::new(io::stdout().lock());
    let size = |bytes: u64| match bytes {
        0..10_000 => format!("{bytes} bytes"),
        10_000..1_000_000 => format!("{:.0} kB", bytes as f64 / 1e3),
        _ => format!("{:.1} MB", bytes as f64 / 1e6),
    };
    let counts = g.counts_by_origin();
    let files = counts.len();
    for (path, by_type) in counts {
        let spec = path.to_string_lossy();
        let (name, source, info) = match spec.strip_prefix(bundled::PREFIX).and_then(bundled::get) {
            Some(b) => (
                b.name().to_string(),
                format!(
                    "bundled in gazex ({} compressed; {} as gazetteers/{} when built)",
                    size(b.compressed_len() as u64),
                    size(b.len()),
                    b.name()
                ),
                b.info()
                    .map(|i| (i, "gazetteers/SOURCES.md, bundled with it".to_string())),
            ),
            None => {
                let meta = std::fs::metadata(path).ok();
                let modified = meta
                    .as_ref()
                    .and_then(|m| m.modified().ok())
                    .and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok())
                    .map(|d| gazex::date::DocDate::from_unix_days((d.as_secs() / 86_400) as i64));
                let mut source = path.display().to_string();
                match (meta.filter(|m| m.is_file()), modified) {
                    (Some(m), Some(day)) => {
                        source += &format!(" ({}, modified {day})", size(m.len()))
                    }
                    (_, Some(day)) => source += &format!(" (modified {day})"),
                    _ => {}
                }
                (path.display().to_string(), source, sources_beside(path))
            }
        };
        let total: usize = by_type.values().sum();
        let kinds: Vec<String> = by_type.iter().map(|(k, n)| format!("{n} {k}")).collect();
        writeln!(out, "{name}")?;
        writeln!(out, "  source:    {source}")?;
        writeln!(out, "  entities:  {total} ({})", kinds.join(", "))?;
        match info {
            Some((info, from)) => {
                writeln!(out, "  data of:   {}", info.date)?;
                writeln!(out, "  licence:   {}", info.license)?;
                if !info.converted_from.is_empty() {
                    writeln!(out, "  from:      {}", info.converted_from)?;
                }
                writeln!(out, "  stated in: {from}")?;
            }
            None => {
                writeln!(
                    out,
                    "  data of:   not stated (no row for it in a SOURCES.md beside it)"
                )?;
                writeln!(out, "  licence:   not stated")?;
            }
        }
        writeln!(out)?;
    }
    let loaded = g.len();
    let plural = if files == 1 { "" } else { "s" };
    write!(out, "total: {loaded} entities in {files} file{plural}")?;
    if args.engine.no_merge {
        writeln!(out, "; not merged across lists (--no-merge)")?;
    } else {
        let m = g.merge_same_people();
        writeln!(
            out,
            "; {} merged across lists ({} undecided, {} with different dates of birth), \
             {} entities used",
            m.merged,
            m.undecided.len(),
            m.conflicts.len(),
            g.len()
        )?;
    }
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}

/// The row for the file `path` in the `SOURCES.md` of its folder, and that
/// file's path.
fn sources_beside(path: &Path) -> Option<(bundled::SourceInfo, String)> {
    let name = path.file_name()?.to_str()?;
    let md = path.parent()?.join("SOURCES.md");
    let text = std::fs::read_to_string(&md).ok()?;
    bundled::SourceInfo::find(&text, name).map(|info| (info, md.display().to_string()))
}

/// Worker threads per available core at most: more only wait their turn
/// (the output is the same for any number), and `-j 100000` would start a
/// hundred thousand threads.
const THREADS_PER_CORE: usize = 4;

fn thread_pool(threads: Option<usize>) -> Result<rayon::ThreadPool> {
    let mut pool = rayon::ThreadPoolBuilder::new();
    if let Some(n) = threads {
        anyhow::ensure!(n > 0, "--threads must be at least 1");
        let cores = std::thread::available_parallelism().map_or(1, usize::from);
        let max = THREADS_PER_CORE * cores;
        if n > max {
            eprintln!(
                "gazex: --threads {n} is more than {THREADS_PER_CORE} per core ({cores} available); \
                 using {max}"
            );
        }
        pool = pool.num_threads(n.min(max));
    }
    pool.build().context("cannot start worker threads")
}

fn run_eval(args: EvalArgs) -> Result<ExitCode> {
    use gazex::eval::{read_jsonl, score, GoldMention, Predicted};
    let pool = thread_pool(args.engine.threads)?;
    let gold_text = std::fs::read_to_string(&args.gold)
        .with_context(|| format!("cannot read {}", args.gold.display()))?;
    let gold: Vec<GoldMention> = read_jsonl(&gold_text, &args.gold.display().to_string())?;
    let loaded = load_gazetteers(&args.engine.gazetteers, args.engine.no_merge)?;
    let matcher = Matcher::from_gazetteer(loaded.gazetteer);
    let walked = collect(&args.paths, DEFAULT_EXTENSIONS);
    let mut failed = walked.errors.len();
    for e in &walked.errors {
        eprintln!("{}", e.to_json());
    }
    let mut sink = JsonlSink::new(Vec::new());
    let sources: Vec<Source> = walked.files.iter().cloned().map(Source::Path).collect();
    let opts = Options {
        read: ReadOptions {
            fields: jsonl::Fields {
                date: args.dates.date_field.clone(),
                ..jsonl::Fields::default()
            },
            date: args.dates.date,
            ..ReadOptions::default()
        },
        stop: Some(&STOP),
        min_confidence: Some(args.dates.min_confidence),
        ..Options::default()
    };
    extract_sources(&matcher, &sources, &opts, &pool, &mut sink, &mut |e| {
        failed += 1;
        eprintln!("{}", e.to_json());
    })?;
    let buf = sink.into_inner();
    let predicted: Vec<Predicted> = read_jsonl(std::str::from_utf8(&buf)?, "extraction output")?;
    // Every name of a predicted entity may agree with the gold's names.
    let mut names: std::collections::HashMap<String, Vec<String>> = Default::default();
    for e in matcher.entities() {
        names
            .entry(e.name.clone())
            .or_default()
            .extend(e.aliases.iter().map(|a| a.name.clone()));
    }
    let report = score(&gold, &predicted, &names);
    let mut out = io::stdout().lock();
    let line = |out: &mut dyn Write, label: &str, c: &gazex::eval::Counts| {
        writeln!(
            out,
            "{label:<14} {:>6} {:>6} {:>6}   P {:.3}  R {:.3}  F1 {:.3}",
            c.correct,
            c.predicted,
            c.gold,
            c.precision(),
            c.recall(),
            c.f1()
        )
    };
    writeln!(
        out,
        "{:<14} {:>6} {:>6} {:>6}",
        "", "correct", "pred", "gold"
    )?;
    line(&mut out, "overall", &report.overall)?;
    writeln!(
        out,
        "by gold form (pred = correct predictions of that form):"
    )?;
    for (form, c) in &report.by_form {
        line(&mut out, &format!("  {form}"), c)?;
    }
    writeln!(out, "by match kind (precision only):")?;
    for (kind, c) in &report.by_match {
        writeln!(
            out,
            "  {kind:<12} {:>6} {:>6}          P {:.3}",
            c.correct,
            c.predicted,
            c.precision()
        )?;
    }
    if args.errors {
        writeln!(out, "missed ({}):", report.misses.len())?;
        for g in &report.misses {
            writeln!(
                out,
                "  {} {}..{} {:?} {} [{}]",
                g.doc, g.start, g.end, g.text, g.entity, g.form
            )?;
        }
        writeln!(out, "false mentions ({}):", report.false_mentions.len())?;
        for p in &report.false_mentions {
            writeln!(
                out,
                "  {} {}..{} {:?} {} [{}]",
                p.doc, p.start, p.end, p.text, p.entity_name, p.kind
            )?;
        }
    }
    Ok(if failed > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

fn run_extract(args: ExtractArgs) -> Result<ExitCode> {
    // Shards split files; every shard would read standard input whole.
    anyhow::ensure!(
        args.shard.is_none() || !args.paths.iter().any(|p| p.as_os_str() == "-"),
        "--shard splits input files and cannot split standard input (-)"
    );
    let pool = thread_pool(args.engine.threads)?;

    let build_started = Instant::now();
    let (_, loaded) = pool.install(|| {
        rayon::join(gazex::names::preload, || {
            load_gazetteers(&args.engine.gazetteers, args.engine.no_merge)
        })
    });
    let Loaded {
        gazetteer,
        merge,
        merge_time,
    } = loaded?;
    let matcher = Matcher::from_gazetteer(gazetteer);
    let build_time = build_started.elapsed();

    let read = ReadOptions {
        format: match args.input_format {
            InputFormat::Auto => Format::Auto,
            InputFormat::Text => Format::Text,
            InputFormat::Html => Format::Html,
            InputFormat::Jsonl => Format::Jsonl,
        },
        decode: match &args.encoding {
            None => DecodeOptions::default(),
            Some(label) => DecodeOptions::with_label(label)
                .with_context(|| format!("--encoding {label:?} names no known encoding"))?,
        },
        fields: jsonl::Fields {
            id: args.id_field.clone(),
            text: args.text_field.clone(),
            date: args.dates.date_field.clone(),
        },
        date: args.dates.date,
        ..ReadOptions::default()
    };
    let read = match args.window {
        Some(w) => ReadOptions {
            window: w,
            overlap: (w / 4).clamp(64, 64 << 10),
            ..read
        },
        None => read,
    };
    let stdin = args.paths.iter().any(|p| p.as_os_str() == "-");
    let paths: Vec<PathBuf> = args
        .paths
        .iter()
        .filter(|p| p.as_os_str() != "-")
        .cloned()
        .collect();
    let mut walked = collect(&paths, DEFAULT_EXTENSIONS);
    if let Some(shard) = args.shard {
        walked.files = shard.select(&paths, walked.files);
    }
    let mut sources: Vec<Source> = walked.files.iter().cloned().map(Source::Path).collect();
    if stdin {
        sources.push(Source::Stdin);
    }
    let progress = if !args.quiet && io::stderr().is_terminal() {
        let bytes = walked
            .files
            .iter()
            .filter_map(|f| std::fs::metadata(f).ok())
            .map(|m| m.len())
            .sum();
        Progress::stderr(sources.len() as u64, if stdin { 0 } else { bytes })
    } else {
        Progress::hidden()
    };
    let opts = Options {
        read,
        stop: Some(&STOP),
        progress: Some(&progress),
        run_date: None,
        min_confidence: Some(args.dates.min_confidence),
    };
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

    let options = RecordOptions {
        context: args.context,
        fields: args.fields.as_deref().map_or(Fields::None, Fields::parse),
    };
    if options.fields == Fields::Some(Vec::new()) {
        anyhow::bail!("--fields names no property (give names separated by commas, or `all`)");
    }
    let mut index = None;
    let summary = match (&args.db, &args.output) {
        (Some(db), _) => {
            let mut sink = SqliteSink::open(db, matcher.entities(), options, &args.paths)?;
            for e in &walked.errors {
                sink.failed(e);
            }
            let summary = extract_sources(&matcher, &sources, &opts, &pool, &mut sink, &mut report)
                .with_context(|| format!("cannot write the index {}", db.display()))?;
            index = Some(sink.summary().clone());
            summary
        }
        (None, None) => {
            let out = BufWriter::with_capacity(1 << 16, io::stdout());
            write_records(
                args.format,
                options,
                out,
                &matcher,
                &sources,
                &opts,
                &pool,
                &mut report,
            )
            .context("cannot write to standard output")?
        }
        (None, Some(path)) => write_atomically(path, |out| {
            write_records(
                args.format,
                options,
                out,
                &matcher,
                &sources,
                &opts,
                &pool,
                &mut report,
            )
        })?,
    };
    progress.finish();
    error_sink.flush().ok();

    let errors = summary.errors + walked.errors.len();
    if let Some(format) = args.stats {
        print_stats(
            format,
            &summary,
            errors,
            &matcher,
            build_time,
            index.as_ref(),
            merge.as_ref().map(|m| (m, merge_time)),
        );
    }
    // The process ends here: freeing half a million entities one by one
    // would only delay the exit.
    std::mem::forget(matcher);
    Ok(if errors > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

/// Extracts into a JSON Lines or CSV sink writing to `out`.
#[allow(clippy::too_many_arguments)]
fn write_records<W: Write + Sync>(
    format: OutputFormat,
    options: RecordOptions,
    out: W,
    matcher: &Matcher,
    sources: &[Source],
    opts: &Options<'_>,
    pool: &rayon::ThreadPool,
    report: &mut dyn FnMut(&InputError),
) -> io::Result<Summary> {
    match format {
        OutputFormat::Jsonl => extract_sources(
            matcher,
            sources,
            opts,
            pool,
            &mut JsonlSink::with_options(out, options),
            report,
        ),
        OutputFormat::Csv => extract_sources(
            matcher,
            sources,
            opts,
            pool,
            &mut CsvSink::new(out, options),
            report,
        ),
    }
}

fn run_report(args: ReportArgs) -> Result<ExitCode> {
    use gazex::report::{from_db, from_jsonl};
    if let Some(by) = args.by {
        return run_timeline(&args, by);
    }
    let coverage = match (&args.db, &args.input) {
        (Some(db), _) => from_db(db)?,
        (None, Some(p)) if p.as_os_str() == "-" => {
            from_jsonl(io::stdin().lock(), "standard input")?
        }
        (None, Some(p)) => {
            let file = File::open(p).with_context(|| format!("cannot open {}", p.display()))?;
            from_jsonl(io::BufReader::new(file), &p.display().to_string())?
        }
        (None, None) => anyhow::bail!("give a JSON Lines file or --db FILE"),
    };
    let write = |out: &mut dyn Write| -> io::Result<()> {
        if args.csv {
            coverage.write_csv(out)
        } else {
            coverage.write_table(out)
        }
    };
    write_output(args.output.as_deref(), write)?;
    Ok(ExitCode::SUCCESS)
}

/// `gazex report --by`: coverage by period.
fn run_timeline(args: &ReportArgs, by: ByPeriod) -> Result<ExitCode> {
    use gazex::report::{timeline_from_db, timeline_from_jsonl, Period};
    let period = match by {
        ByPeriod::Year => Period::Year,
        ByPeriod::Month => Period::Month,
    };
    let timeline = match (&args.db, &args.input) {
        (Some(db), _) => timeline_from_db(db, period)?,
        (None, Some(p)) if p.as_os_str() == "-" => {
            timeline_from_jsonl(io::stdin().lock(), "standard input", period)?
        }
        (None, Some(p)) => {
            let file = File::open(p).with_context(|| format!("cannot open {}", p.display()))?;
            timeline_from_jsonl(io::BufReader::new(file), &p.display().to_string(), period)?
        }
        (None, None) => anyhow::bail!("give a JSON Lines file or --db FILE"),
    };
    write_output(args.output.as_deref(), |out: &mut dyn Write| {
        if args.csv {
            timeline.write_csv(out)
        } else {
            timeline.write_table(out)
        }
    })?;
    Ok(ExitCode::SUCCESS)
}

/// Runs `write` on `path` (atomically, see [`write_atomically`]) or, without
/// a path, on standard output.
fn write_output(
    path: Option<&Path>,
    write: impl FnOnce(&mut dyn Write) -> io::Result<()>,
) -> Result<()> {
    match path {
        None => {
            let mut out = BufWriter::new(io::stdout().lock());
            write(&mut out).context("cannot write to standard output")?;
            out.flush()?;
        }
        Some(path) => write_atomically(path, |out| write(out))?,
    }
    Ok(())
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
    index: Option<&IndexSummary>,
    merge: Option<(&MergeReport, std::time::Duration)>,
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
                "merge": merge.map(|(m, t)| serde_json::json!({
                    "merged": m.merged,
                    "undecided": m.undecided.len(),
                    "conflicts": m.conflicts.len(),
                    "seconds": t.as_secs_f64(),
                })),
                "index": index.map(|i| serde_json::json!({
                    "new": i.new,
                    "changed": i.changed,
                    "unchanged": i.unchanged,
                    "deleted": i.deleted,
                    "failed": i.failed,
                    "mentions_written": i.mentions_written,
                    "gazetteer_changed": i.gazetteer_changed,
                })),
            })
        ),
    }
    if let (StatsFormat::Text, Some((m, t))) = (format, merge) {
        eprintln!(
            "gazex: gazetteer: {} entities merged across lists ({} undecided); merge {:.3} s",
            m.merged,
            m.undecided.len(),
            t.as_secs_f64()
        );
    }
    if let (StatsFormat::Text, Some(i)) = (format, index) {
        eprintln!(
            "gazex: index: {} new, {} changed, {} unchanged, {} deleted, {} failed documents; \
             {} mentions written{}",
            i.new,
            i.changed,
            i.unchanged,
            i.deleted,
            i.failed,
            i.mentions_written,
            if i.gazetteer_changed {
                "; gazetteers changed, all re-scanned"
            } else {
                ""
            }
        );
    }
}
