//! The `gazex` binary: flags and wiring only (see `cli.rs`); the work is in
//! the library.

// Under rustdoc every warning is an error (see lib.rs).
#![cfg_attr(doc, deny(warnings))]

mod cli;
mod progress;

use std::fs::File;
use std::io::{self, BufWriter, IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

use anyhow::{Context, Result};
use clap::Parser;

use cli::{
    ByPeriod, Cli, Command, CompileArgs, EngineArgs, EvalArgs, ExtractArgs, GazetteerCommand,
    ImportArgs, ImportFormat, InputFormat, ListArgs, NamesArgs, OutputFormat, ReportArgs,
    StatsFormat,
};
use gazex::extract::Summary;
use gazex::extractor::Monitor;
use gazex::gazetteer::compiled::{self, Sources};
use gazex::gazetteer::load::{self, Notice};
use gazex::gazetteer::MergeReport;
use gazex::input::{decode::DecodeOptions, jsonl, Format, ReadOptions, Source};
use gazex::output::csv::CsvSink;
use gazex::output::jsonl::JsonlSink;
use gazex::output::sqlite::{IndexSummary, SqliteSink};
use gazex::output::{Fields, RecordOptions, Sink};
use gazex::walk::{collect, DEFAULT_EXTENSIONS};
use gazex::{Extractor, ExtractorBuilder, InputError};
use progress::Bar;

/// Set by SIGINT/SIGTERM; the pipeline stops between batches.
static STOP: AtomicBool = AtomicBool::new(false);

/// Exit status of an interrupted run.
const INTERRUPTED: u8 = 130;

/// The temporary file `-o` is being written through, if any: removed by a
/// second signal, which ends the run at once without unwinding.
static TEMP_OUTPUT: std::sync::Mutex<Option<PathBuf>> = std::sync::Mutex::new(None);

fn main() -> ExitCode {
    let cli = Cli::parse();
    // The first signal asks the run to stop cleanly (the temporary output
    // is removed, the previous output kept); a second one ends it at once.
    let _ = ctrlc::set_handler(|| {
        if STOP.swap(true, Ordering::SeqCst) {
            // The handler runs on a thread of its own, not in the signal.
            if let Ok(Some(tmp)) = TEMP_OUTPUT.lock().as_deref() {
                let _ = std::fs::remove_file(tmp);
            }
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
        Command::Gazetteer(GazetteerCommand::Compile(args)) => run_compile(args),
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

/// The extractor `-g`, `--no-merge` and `--threads` ask for, its notices
/// printed as they come.
fn extractor(engine: &EngineArgs) -> ExtractorBuilder {
    let mut b = Extractor::builder()
        .gazetteers(engine.gazetteers.iter().cloned())
        .no_merge(engine.no_merge)
        .on_notice(print_notice);
    if let Some(n) = engine.threads {
        b = b.threads(n);
    }
    b
}

/// Prints what loading gazetteers reports besides its result.
fn print_notice(n: Notice) {
    eprintln!("gazex: {n}");
}

fn run_import(args: ImportArgs) -> Result<ExitCode> {
    let format = match args.from {
        ImportFormat::OfacCsv => load::ImportFormat::OfacCsv,
        ImportFormat::Officials => load::ImportFormat::Officials,
        ImportFormat::UnSc => load::ImportFormat::UnSc,
    };
    let entities = load::import(format, &args.inputs, &mut print_notice)?;
    let write = |out: &mut dyn Write| -> io::Result<()> {
        gazex::gazetteer::native::write(&mut *out, &entities)
    };
    write_output(args.output.as_deref(), write)?;
    Ok(ExitCode::SUCCESS)
}

/// `gazex gazetteer names`: the common-name decision for each person's
/// name, as the resolver takes it.
fn run_names(args: NamesArgs) -> Result<ExitCode> {
    let matcher = load::load_engine(
        &args.engine.gazetteers,
        args.engine.no_merge,
        &mut print_notice,
    )?
    .matcher;
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

/// `gazex gazetteer compile`: builds the matcher of the lists `-g` names
/// (the bundled lists without any) and writes it as a compiled gazetteer.
fn run_compile(args: CompileArgs) -> Result<ExitCode> {
    let started = Instant::now();
    let (matcher, sources) = load::build_for_compile(
        &args.engine.gazetteers,
        args.engine.no_merge,
        &mut print_notice,
    )?;
    let bytes = compiled::write_file(&args.output, &matcher, &sources, true)
        .with_context(|| format!("cannot write {}", args.output.display()))?;
    let stats = matcher.stats();
    let lists = sources.lists.len();
    eprintln!(
        "gazex: compiled {} entities ({} patterns) from {lists} list{} into {} ({}) in {:.2} s",
        stats.entities,
        stats.patterns,
        if lists == 1 { "" } else { "s" },
        args.output.display(),
        compiled::size(bytes),
        started.elapsed().as_secs_f64()
    );
    std::mem::forget(matcher);
    Ok(ExitCode::SUCCESS)
}

/// `gazex gazetteer list`: each gazetteer file a run loads, where it comes
/// from, the date of its data, its licence and its entities by type; then
/// the total and what merging did.
fn run_list(args: ListArgs) -> Result<ExitCode> {
    let no_merge = args.engine.no_merge;
    let loaded = load::load(&args.engine.gazetteers, no_merge, &mut print_notice)?;
    // Display names by id, for --pairs (entities merged away have none).
    let mut names: std::collections::HashMap<String, String> = Default::default();
    let mut keep_names = |entities: &[gazex::gazetteer::Entity]| {
        if args.pairs {
            names.extend(entities.iter().map(|e| (e.id.clone(), e.name.clone())));
        }
    };
    let (sources, used, origin) = match loaded {
        load::Loaded::Compiled(path, c) => {
            keep_names(c.matcher.entities());
            let used = c.matcher.entities().len();
            let size = std::fs::metadata(&path).map_or(0, |m| m.len());
            let origin = format!(
                "compiled:  {} ({}, gazex {}, build {})",
                path.display(),
                compiled::size(size),
                compiled::GAZEX_VERSION,
                &compiled::build_id()[..8]
            );
            (c.sources, used, Some(origin))
        }
        load::Loaded::Bundled(b) => {
            keep_names(b.matcher.entities());
            let used = b.matcher.entities().len();
            (b.sources, used, Some(format!("cache:     {}", b.outcome)))
        }
        load::Loaded::Lists(mut g) => {
            let mut sources = Sources::describe(&g);
            sources.merge = (!no_merge).then(|| g.merge_same_people());
            keep_names(g.entities());
            (sources, g.len(), None)
        }
    };
    let mut out = BufWriter::new(io::stdout().lock());
    let files = sources.lists.len();
    for list in &sources.lists {
        let kinds: Vec<String> = list
            .counts
            .iter()
            .map(|(k, n)| format!("{n} {k}"))
            .collect();
        writeln!(out, "{}", list.name)?;
        writeln!(out, "  source:    {}", list.source)?;
        writeln!(
            out,
            "  entities:  {} ({})",
            list.entities(),
            kinds.join(", ")
        )?;
        match &list.info {
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
    let plural = if files == 1 { "" } else { "s" };
    write!(
        out,
        "total: {} entities in {files} file{plural}",
        sources.entities()
    )?;
    match &sources.merge {
        None => writeln!(out, "; not merged across lists (--no-merge)")?,
        Some(m) => writeln!(
            out,
            "; {} merged across lists ({} undecided, {} contradicting), \
             {used} entities used",
            m.merged,
            m.undecided.len(),
            m.conflicts.len(),
        )?,
    }
    if let Some(origin) = origin {
        writeln!(out, "{origin}")?;
    }
    if let (true, Some(m)) = (args.pairs, &sources.merge) {
        for group in &m.groups {
            writeln!(out, "merged\t{}", group.join("\t"))?;
        }
        let name = |id: &str| names.get(id).map_or("", String::as_str).to_string();
        for (decision, pairs) in [("undecided", &m.undecided), ("contradicting", &m.conflicts)] {
            for (a, b) in pairs {
                writeln!(out, "{decision}\t{a}\t{}\t{b}\t{}", name(a), name(b))?;
            }
        }
    }
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}

fn run_eval(args: EvalArgs) -> Result<ExitCode> {
    use gazex::eval::{read_jsonl, score, GoldMention, Predicted};
    let gold_text = std::fs::read_to_string(&args.gold)
        .with_context(|| format!("cannot read {}", args.gold.display()))?;
    let gold: Vec<GoldMention> = read_jsonl(&gold_text, &args.gold.display().to_string())?;
    let mut builder = extractor(&args.engine).min_confidence(args.dates.min_confidence);
    if let Some(date) = args.dates.date {
        builder = builder.date(date);
    }
    let extractor = builder.build()?;
    let walked = collect(&args.paths, DEFAULT_EXTENSIONS);
    let mut failed = walked.errors.len();
    for e in &walked.errors {
        eprintln!("{}", e.to_json());
    }
    let mut sink = JsonlSink::new(Vec::new());
    let sources: Vec<Source> = walked.files.iter().cloned().map(Source::Path).collect();
    let read = ReadOptions {
        fields: jsonl::Fields {
            date: args.dates.date_field.clone(),
            ..jsonl::Fields::default()
        },
        ..ReadOptions::default()
    };
    let monitor = Monitor {
        stop: Some(&STOP),
        progress: None,
    };
    extractor.run(&sources, read, &mut sink, monitor, &mut |e| {
        failed += 1;
        eprintln!("{}", e.to_json());
    })?;
    let matcher = extractor.matcher();
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
    let mut builder = extractor(&args.engine).min_confidence(args.dates.min_confidence);
    if let Some(date) = args.dates.date {
        builder = builder.date(date);
    }
    if let Some(n) = args.context {
        builder = builder.context(n);
    }
    if let Some(fields) = args.fields.as_deref() {
        let fields = Fields::parse(fields);
        if fields == Fields::Some(Vec::new()) {
            anyhow::bail!("--fields names no property (give names separated by commas, or `all`)");
        }
        builder = builder.fields(fields);
    }
    let extractor = builder.build()?;

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
        max_file: args.max_file_size,
        max_document: args.max_record_size,
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
        Bar::stderr(sources.len() as u64, if stdin { 0 } else { bytes })
    } else {
        Bar::hidden()
    };
    let monitor = Monitor {
        stop: Some(&STOP),
        progress: Some(&progress),
    };
    let mut error_log = ErrorLog {
        out: match &args.errors {
            Some(p) => {
                Box::new(File::create(p).with_context(|| format!("cannot create {}", p.display()))?)
            }
            None => Box::new(io::stderr()),
        },
        lost: 0,
        why: None,
    };
    let mut report = |e: &InputError| error_log.write(e);
    for e in &walked.errors {
        report(e);
    }

    let options = extractor.record_options().clone();
    let mut index = None;
    let summary = match (&args.db, &args.output) {
        (Some(db), _) => {
            let mut sink = SqliteSink::open(db, extractor.entities(), options, &args.paths)?;
            for e in &walked.errors {
                sink.failed(e);
            }
            let summary = extractor
                .run(&sources, read, &mut sink, monitor, &mut report)
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
                &extractor,
                &sources,
                read.clone(),
                monitor,
                &mut report,
            )
            .context("cannot write to standard output")?
        }
        (None, Some(path)) => write_atomically(path, |out| {
            write_records(
                args.format,
                options,
                out,
                &extractor,
                &sources,
                read.clone(),
                monitor,
                &mut report,
            )
        })?,
    };
    progress.finish();
    error_log.finish(args.errors.as_deref());

    let errors = summary.errors + walked.errors.len();
    if let Some(format) = args.stats {
        print_stats(format, &summary, errors, &extractor, index.as_ref());
    }
    // The process ends here: freeing half a million entities one by one
    // would only delay the exit.
    std::mem::forget(extractor);
    Ok(if errors > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

/// Where a run's error records go (standard error or `--errors FILE`),
/// and how many of them could not be written there.
///
/// Losing an error record must not stop the run, nor pass unnoticed: each
/// is written whole at once (no buffer holds records back, errors are few),
/// the records that fail are counted, and the count is told on standard
/// error at the end (a full disk under `--errors FILE`).
struct ErrorLog {
    out: Box<dyn Write>,
    lost: usize,
    /// Why the first lost record was lost.
    why: Option<io::Error>,
}

impl ErrorLog {
    fn write(&mut self, e: &InputError) {
        let line = format!("{}\n", e.to_json());
        if let Err(err) = self.out.write_all(line.as_bytes()) {
            self.lost += 1;
            self.why.get_or_insert(err);
        }
    }

    /// Tells on standard error how many records were lost, if any.
    fn finish(mut self, path: Option<&Path>) {
        if let Err(err) = self.out.flush() {
            self.why.get_or_insert(err);
        }
        if self.lost > 0 {
            let place = path.map_or("standard error".to_string(), |p| p.display().to_string());
            let why = self.why.map(|e| format!(": {e}")).unwrap_or_default();
            eprintln!(
                "gazex: {} error record(s) could not be written to {place}{why}",
                self.lost
            );
        }
    }
}

/// Extracts into a JSON Lines or CSV sink writing to `out`.
#[allow(clippy::too_many_arguments)]
fn write_records<W: Write + Sync>(
    format: OutputFormat,
    options: RecordOptions,
    out: W,
    extractor: &Extractor,
    sources: &[Source],
    read: ReadOptions,
    monitor: Monitor<'_>,
    report: &mut dyn FnMut(&InputError),
) -> io::Result<Summary> {
    match format {
        OutputFormat::Jsonl => extractor.run(
            sources,
            read,
            &mut JsonlSink::with_options(out, options),
            monitor,
            report,
        ),
        OutputFormat::Csv => extractor.run(
            sources,
            read,
            &mut CsvSink::new(out, options),
            monitor,
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
///
/// A `path` that cannot be a file (a folder) is refused before anything
/// is written. The file keeps the mode of the one it replaces; a new file
/// gets the usual mode (0666 less the umask), not a temporary file's 0600.
///
/// The temporary file is named `.gazex-PID-XXXXXX.tmp`: an error, a signal
/// or a second signal removes it; one left by a run that was killed
/// (`kill -9`, a crash) is removed by the next run writing into the same
/// folder, once no process of that id runs ([`remove_stale_temps`]).
fn write_atomically<T>(
    path: &Path,
    write: impl FnOnce(&mut BufWriter<File>) -> io::Result<T>,
) -> Result<T> {
    let old = std::fs::metadata(path).ok();
    if old.as_ref().is_some_and(|m| m.is_dir()) {
        anyhow::bail!("cannot write {}: it is a folder", path.display());
    }
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    remove_stale_temps(dir);
    let prefix = format!("{TEMP_PREFIX}{}-", std::process::id());
    let mut builder = tempfile::Builder::new();
    builder.prefix(&prefix).suffix(".tmp");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        // Created so, the umask applies as to any new file.
        builder.permissions(std::fs::Permissions::from_mode(0o666));
    }
    let tmp = builder
        .tempfile_in(dir)
        .with_context(|| format!("cannot create a temporary file in {}", dir.display()))?;
    if let Some(old) = &old {
        // Best effort: a file we may replace but not chmod keeps the new mode.
        let _ = tmp.as_file().set_permissions(old.permissions());
    }
    let track = |p: Option<&Path>| {
        if let Ok(mut t) = TEMP_OUTPUT.lock() {
            *t = p.map(Path::to_path_buf);
        }
    };
    track(Some(tmp.path()));
    let value = write_through(path, tmp, write);
    track(None);
    value
}

/// How the temporary files of `-o` begin, before the process id.
const TEMP_PREFIX: &str = ".gazex-";

/// Removes from `dir` the temporary files (`.gazex-PID-XXXXXX.tmp`) of
/// runs whose process no longer exists: what a killed run left behind.
/// Files of a run still going (another gazex writing into the same
/// folder) are left alone, and so is anything else.
fn remove_stale_temps(dir: &Path) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let name = entry.file_name();
        let Some(pid) = name
            .to_str()
            .and_then(|n| n.strip_prefix(TEMP_PREFIX)?.strip_suffix(".tmp"))
            .and_then(|rest| rest.split_once('-'))
            .and_then(|(pid, _)| pid.parse::<u32>().ok())
        else {
            continue;
        };
        if pid != std::process::id() && !process_exists(pid) {
            let _ = std::fs::remove_file(entry.path());
        }
    }
}

/// Whether a process `pid` exists (where this cannot be asked: yes, so
/// nothing is removed).
fn process_exists(pid: u32) -> bool {
    #[cfg(unix)]
    {
        let Ok(pid) = libc::pid_t::try_from(pid) else {
            return true;
        };
        // SAFETY: signal 0 only checks that the process exists.
        let r = unsafe { libc::kill(pid, 0) };
        r == 0 || io::Error::last_os_error().raw_os_error() != Some(libc::ESRCH)
    }
    #[cfg(not(unix))]
    {
        let _ = pid;
        true
    }
}

/// Writes `tmp` with `write` and renames it to `path`.
fn write_through<T>(
    path: &Path,
    tmp: tempfile::NamedTempFile,
    write: impl FnOnce(&mut BufWriter<File>) -> io::Result<T>,
) -> Result<T> {
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
    extractor: &Extractor,
    index: Option<&IndexSummary>,
) {
    let matcher = extractor.matcher();
    let build = extractor.build_time();
    let merge: Option<(&MergeReport, Option<Duration>)> = extractor
        .sources()
        .merge
        .as_ref()
        .map(|m| (m, extractor.merge_time()));
    let origin = extractor.origin();
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
                    "seconds": t.map(|t| t.as_secs_f64()),
                })),
                "gazetteer": origin.to_string(),
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
    if format == StatsFormat::Text {
        eprintln!("gazex: gazetteer: {origin}");
    }
    if let (StatsFormat::Text, Some((m, t))) = (format, merge) {
        eprintln!(
            "gazex: gazetteer: {} entities merged across lists ({} undecided); {}",
            m.merged,
            m.undecided.len(),
            match t {
                Some(t) => format!("merge {:.3} s", t.as_secs_f64()),
                None => "merged when compiled".to_string(),
            }
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
