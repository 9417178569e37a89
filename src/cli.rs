//! Command-line flags (clap). Only parsing lives here; `main.rs` wires the
//! flags to the library.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

/// Find mentions of sanctioned parties and officials in news text.
///
/// Exit status: 0 when every input was read, 1 when some inputs failed
/// (each reported on standard error or in --errors FILE; the others were
/// still processed), 2 on a usage or gazetteer error (nothing processed).
#[derive(Debug, Parser)]
#[command(name = "gazex", version, about, long_about)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Find mentions in files and folders; write one JSON line per mention.
    Extract(ExtractArgs),
    /// Score extraction against gold mentions: precision, recall, F1.
    Eval(EvalArgs),
    /// Work with gazetteers: convert published lists to the native format.
    #[command(subcommand)]
    Gazetteer(GazetteerCommand),
}

#[derive(Debug, Subcommand)]
pub enum GazetteerCommand {
    /// Convert a published list to native JSON Lines.
    ///
    /// `--from ofac-csv sdn.csv [alt.csv] [add.csv]` (or a folder holding
    /// them) reads OFAC's legacy CSV files; `--from officials DIR` reads the
    /// officials data folders (US Congress and executive, Wikidata leaders
    /// and cabinets, CIA world leaders, current G20/ASEAN leaders). What was
    /// read, joined and skipped is reported on standard error.
    Import(ImportArgs),
}

/// `gazex eval`.
#[derive(Debug, Args)]
pub struct EvalArgs {
    /// Gold mentions (JSON Lines: doc, start, end, text, entity,
    /// entity_type, names, form).
    #[arg(long, value_name = "FILE")]
    pub gold: PathBuf,

    /// Files or folders to extract from (default: corpus/).
    #[arg(default_value = "corpus")]
    pub paths: Vec<PathBuf>,

    /// Gazetteers, as for `extract`.
    #[arg(
        short,
        long = "gazetteer",
        value_name = "PATH",
        default_value = "gazetteers"
    )]
    pub gazetteers: Vec<PathBuf>,

    /// Also list every missed gold mention and every false mention.
    #[arg(long)]
    pub errors: bool,

    /// Worker threads (default: all cores).
    #[arg(short = 'j', long, value_name = "N")]
    pub threads: Option<usize>,
}

/// `gazex gazetteer import`.
#[derive(Debug, Args)]
pub struct ImportArgs {
    /// The source format.
    #[arg(long, value_enum)]
    pub from: ImportFormat,

    /// The source files or folder.
    #[arg(required = true)]
    pub inputs: Vec<PathBuf>,

    /// Where to write the native gazetteer (default: standard output).
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
}

/// Formats `gazetteer import` reads.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum ImportFormat {
    /// OFAC SDN legacy CSV (sdn.csv, alt.csv, add.csv).
    OfacCsv,
    /// The officials data folders.
    Officials,
}

/// `gazex extract`.
#[derive(Debug, Args)]
pub struct ExtractArgs {
    /// Files or folders to read. Folders are walked recursively for .txt
    /// and .md files; a file named directly is read whatever its extension.
    #[arg(default_value = "corpus")]
    pub paths: Vec<PathBuf>,

    /// Gazetteer file or folder (repeatable): native .jsonl or plain .txt
    /// lists; a folder loads the gazetteer files directly in it. Published
    /// lists load directly as `ofac-csv:DIR` (sdn.csv, alt.csv, add.csv) or
    /// `officials:DIR`.
    #[arg(
        short,
        long = "gazetteer",
        value_name = "PATH",
        default_value = "gazetteers"
    )]
    pub gazetteers: Vec<PathBuf>,

    /// Write mentions to FILE instead of standard output. FILE is replaced
    /// only when the run completes.
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,

    /// Worker threads (default: all cores).
    #[arg(short = 'j', long, value_name = "N")]
    pub threads: Option<usize>,

    /// Write per-file error records (JSON lines) to FILE instead of
    /// standard error.
    #[arg(long, value_name = "FILE")]
    pub errors: Option<PathBuf>,

    /// Print run statistics to standard error at the end.
    #[arg(long, value_name = "FORMAT", num_args = 0..=1, default_missing_value = "text")]
    pub stats: Option<StatsFormat>,

    /// Process only shard K of N (0 <= K < N) of the input files, for
    /// running N copies side by side (indexed jobs, job arrays). A file's
    /// shard is a fixed hash of its path relative to the folder given, so
    /// the N shards' outputs together are the unsharded run's, each mention
    /// once, and adding files never moves others between shards.
    #[arg(long, value_name = "K/N")]
    pub shard: Option<gazex::shard::Shard>,
}

/// How `--stats` prints.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum StatsFormat {
    /// One line of text.
    Text,
    /// One JSON object.
    Json,
}
