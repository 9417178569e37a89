//! Command-line flags (clap). Only parsing lives here; `main.rs` wires the
//! flags to the library.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

/// Find mentions of sanctioned parties and officials in news text.
///
/// Exit status: 0 when every input was read, 1 when some inputs failed
/// (each reported on standard error or in --errors FILE; the others were
/// still processed), 2 on a usage or gazetteer error (nothing processed),
/// 130 when interrupted (SIGINT or SIGTERM; `-o FILE` is left untouched).
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
    /// The coverage index: which entities are mentioned in how many
    /// documents, how often, first and last seen.
    Report(ReportArgs),
    /// Work with gazetteers: list what is loaded, convert published lists
    /// to the native format, show the common-name decisions, compile them.
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
    /// and cabinets, CIA world leaders, current G20/ASEAN leaders); `--from
    /// un-sc consolidated.xml` reads the UN Security Council Consolidated
    /// List. What was read, joined and skipped is reported on standard
    /// error.
    Import(ImportArgs),
    /// Show, for each person's name, whether it is made only of common
    /// given names and surnames (and so needs the document to corroborate
    /// it) and why each word is common: `given`, `surname` (name
    /// frequencies in data/names/) or `listed` (borne by 40 listed
    /// persons). Tab-separated: entity_id, name, common|rare, words.
    Names(NamesArgs),
    /// Show the gazetteers a run loads (the bundled lists, or those -g
    /// names): each file, where it comes from (bundled in gazex, or its
    /// path), the date of its data and its licence (from the SOURCES.md
    /// table beside it, for a bundled list the one it was built with), and
    /// its entities by type; then the total and what merging the same
    /// person across lists did.
    List(ListArgs),
    /// Build the matcher of the gazetteers (-g, or the bundled lists) once
    /// and write it to FILE, to be loaded with `-g FILE` without rebuilding:
    /// the entities as merged, every name form, the word trie and every
    /// table the scan and the resolver use. The file is versioned and
    /// checked on every load; a file written by another gazex (version or
    /// build), truncated or corrupt is refused. Loaded alone, with the same
    /// --no-merge as here; the output is the same as with the lists.
    Compile(CompileArgs),
}

/// `gazex gazetteer compile`.
#[derive(Debug, Args)]
pub struct CompileArgs {
    #[command(flatten)]
    pub engine: EngineArgs,

    /// Where to write the compiled gazetteer (replaced only once complete;
    /// suggested extension: .gazex).
    #[arg(short, long, value_name = "FILE")]
    pub output: PathBuf,
}

/// `gazex gazetteer list`.
#[derive(Debug, Args)]
pub struct ListArgs {
    #[command(flatten)]
    pub engine: EngineArgs,

    /// After the summary, print every decision of the merge across lists,
    /// one per line, tab-separated: `merged` with the kept id and the ids
    /// merged into it, or `undecided` / `contradicting` with the two ids
    /// (first-loaded first) and their names, for a person to check.
    #[arg(long)]
    pub pairs: bool,
}

/// `gazex gazetteer names`.
#[derive(Debug, Args)]
pub struct NamesArgs {
    #[command(flatten)]
    pub engine: EngineArgs,

    /// Only these entities (repeatable).
    #[arg(long = "entity", value_name = "ID")]
    pub entities: Vec<String>,

    /// Only names made of common words.
    #[arg(long)]
    pub common: bool,
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

    #[command(flatten)]
    pub engine: EngineArgs,

    #[command(flatten)]
    pub dates: DateArgs,

    /// Also list every missed gold mention and every false mention.
    #[arg(long)]
    pub errors: bool,
}

/// The gazetteers and worker threads, for the commands that extract.
#[derive(Debug, Args)]
pub struct EngineArgs {
    /// Gazetteer file or folder (repeatable): native .jsonl or plain .txt
    /// lists; a folder loads the gazetteer files directly in it. Published
    /// lists load directly as `ofac-csv:DIR` (sdn.csv, alt.csv, add.csv),
    /// `officials:DIR` or `un-sc:FILE` (the UN consolidated list's XML). A compiled gazetteer (`gazex gazetteer compile`,
    /// recognized by its first bytes) is given alone. Without -g the lists
    /// bundled in gazex are used (the repository's gazetteers/ folder,
    /// built in; compiled on first use into the cache folder,
    /// $GAZEX_CACHE_DIR or ~/.cache/gazex); any -g replaces them:
    /// `-g bundled:` adds them all back, `-g bundled:NAME` one of them
    /// (`gazex gazetteer list` names them).
    #[arg(short, long = "gazetteer", value_name = "PATH")]
    pub gazetteers: Vec<PathBuf>,

    /// Worker threads (default: all cores). At most 4 per available core:
    /// a larger N is lowered to that, with a warning (the output is the
    /// same for any N).
    #[arg(short = 'j', long, value_name = "N")]
    pub threads: Option<usize>,

    /// Keep every entity as loaded: do not merge the same person across
    /// lists (by default an OFAC entry and an officials entry of one person,
    /// same names and date of birth or a shared Wikidata/bioguide id, become
    /// one entity keeping the first-loaded id, with `same_as` naming the
    /// other).
    #[arg(long)]
    pub no_merge: bool,
}

/// Document dates, for the commands that extract.
#[derive(Debug, Args)]
pub struct DateArgs {
    /// The date of every document that has none of its own (no date
    /// field, HTML metadata or dateline): YYYY, YYYY-MM or YYYY-MM-DD.
    /// Without it, such documents are dated the day of the run.
    #[arg(long, value_name = "DATE")]
    pub date: Option<gazex::date::DocDate>,

    /// JSON Lines: the field holding a record's date (a string YYYY,
    /// YYYY-MM or YYYY-MM-DD, optionally with an ISO time; any other value
    /// is ignored).
    #[arg(long, default_value = "date", value_name = "NAME")]
    pub date_field: String,

    /// Leave out mentions whose `confidence` is below X (0 to 1; 0 keeps
    /// every mention found). The default leaves out links that rest on a
    /// common name alone, a title the person never held, or a homonym
    /// nothing tells apart.
    #[arg(long, default_value_t = gazex::resolve::DEFAULT_MIN_CONFIDENCE, value_name = "X")]
    pub min_confidence: f32,
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
    /// The UN Security Council Consolidated List (consolidated.xml).
    UnSc,
}

/// `gazex extract`.
#[derive(Debug, Args)]
pub struct ExtractArgs {
    /// Files or folders to read, `-` for standard input (JSON Lines unless
    /// --input-format says otherwise). Folders are walked recursively for
    /// .txt, .md, .html, .htm and .jsonl files, each also as .gz; a file
    /// named directly is read whatever its extension.
    #[arg(default_value = "corpus")]
    pub paths: Vec<PathBuf>,

    /// The format of the inputs: by extension (`auto`: .html/.htm HTML,
    /// .jsonl JSON Lines, anything else text; `-` JSON Lines), or one for
    /// all.
    #[arg(long, value_enum, default_value = "auto", value_name = "FORMAT")]
    pub input_format: InputFormat,

    /// JSON Lines: the field holding a record's id (string or number).
    #[arg(long, default_value = "id", value_name = "NAME")]
    pub id_field: String,

    /// JSON Lines: the field holding a record's text.
    #[arg(long, default_value = "text", value_name = "NAME")]
    pub text_field: String,

    /// Decode text and HTML as this encoding (a WHATWG label: latin1,
    /// windows-1252, utf-16le, shift_jis, …) instead of detecting it. A
    /// byte-order mark still wins.
    #[arg(long, value_name = "LABEL")]
    pub encoding: Option<String>,

    /// No progress bar (it is shown only when standard error is a
    /// terminal anyway).
    #[arg(short, long)]
    pub quiet: bool,

    /// Read texts larger than BYTES in windows of about BYTES (default
    /// 16 MiB). For tests of the windowed reader.
    #[arg(long, value_name = "BYTES", hide = true)]
    pub window: Option<usize>,

    /// Read at most SIZE bytes of a file, decompressed (default 16G): the
    /// mentions of what was read are written, and the rest is reported as
    /// an error at the byte where reading stopped. SIZE is in bytes, or
    /// with K, M, G or T (powers of 1024); 0 for no limit. Standard input
    /// is not limited.
    #[arg(long, value_name = "SIZE", value_parser = parse_size, default_value = "16G")]
    pub max_file_size: u64,

    /// The largest HTML page or JSON Lines record read, decompressed
    /// (default 256M; SIZE as for --max-file-size, 0 for no limit). Each is
    /// held whole while it is read and matched in windows: about 0.35 GB
    /// plus 3 to 7 times its size at peak (a 128 MB page 0.74 GB, a 250 MB
    /// page 2 GB); a larger one is skipped with an error naming its file
    /// (and line).
    #[arg(long, value_name = "SIZE", value_parser = parse_size, default_value = "256M")]
    pub max_record_size: u64,

    #[command(flatten)]
    pub engine: EngineArgs,

    #[command(flatten)]
    pub dates: DateArgs,

    /// Write mentions to FILE instead of standard output. FILE is replaced
    /// only when the run completes, keeping its mode; a folder is refused
    /// at once.
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,

    /// Output format: one JSON object per line, or CSV with a header row
    /// (the same fields; lists joined with `;`).
    #[arg(long, value_enum, default_value = "jsonl")]
    pub format: OutputFormat,

    /// Index into the SQLite database FILE (created if needed) instead of
    /// writing records: documents, entities and mentions tables. Re-running
    /// into the same FILE skips unchanged documents, replaces the mentions
    /// of changed ones and flags documents gone from the given paths as
    /// deleted. Committed only when the run completes.
    #[arg(long, value_name = "FILE", conflicts_with_all = ["output", "format"])]
    pub db: Option<PathBuf>,

    /// Add a `context` object to each record: the text N characters each
    /// side of the mention, and the mention's character offsets in it.
    #[arg(long, value_name = "N")]
    pub context: Option<usize>,

    /// Add a `properties` object to each record with these entity
    /// properties (comma-separated, e.g. `dob,nationality,imo`; those the
    /// entity has), or `all`.
    #[arg(long, value_name = "NAMES")]
    pub fields: Option<String>,

    /// Write per-file error records (JSON lines) to FILE instead of
    /// standard error. Records that cannot be written (a full disk) are
    /// counted on standard error at the end.
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

/// A size in bytes for `--max-file-size` and `--max-record-size`: a
/// number, optionally followed by `K`, `M`, `G` or `T` (powers of 1024;
/// `KiB`, `MB`, `GB`… read the same); `0` is no limit (`u64::MAX`).
fn parse_size(s: &str) -> Result<u64, String> {
    let t = s.trim();
    let digits = t.find(|c: char| !c.is_ascii_digit()).unwrap_or(t.len());
    let (n, unit) = t.split_at(digits);
    let n: u64 = n
        .parse()
        .map_err(|_| format!("{s:?} is not a size (bytes, or a number with K, M, G or T)"))?;
    let shift = match unit
        .trim()
        .to_ascii_uppercase()
        .trim_end_matches(['B', 'I'])
    {
        "" => 0,
        "K" => 10,
        "M" => 20,
        "G" => 30,
        "T" => 40,
        _ => return Err(format!("{s:?}: the unit must be K, M, G or T")),
    };
    match n {
        0 => Ok(u64::MAX),
        n => n
            .checked_mul(1 << shift)
            .ok_or_else(|| format!("{s:?} is too large")),
    }
}

/// `--input-format`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum InputFormat {
    /// By extension.
    Auto,
    /// Plain text.
    Text,
    /// HTML pages (visible text).
    Html,
    /// JSON Lines, one document per line.
    Jsonl,
}

/// How `--stats` prints.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum StatsFormat {
    /// One line of text.
    Text,
    /// One JSON object.
    Json,
}

/// How `extract` writes mentions.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum OutputFormat {
    /// JSON Lines, one object per mention.
    Jsonl,
    /// CSV, one row per mention, with a header row.
    Csv,
}

/// `gazex report`.
#[derive(Debug, Args)]
#[command(group = clap::ArgGroup::new("source").required(true).args(["input", "db"]))]
pub struct ReportArgs {
    /// A JSON Lines output of `gazex extract` (`-` for standard input).
    #[arg(value_name = "FILE.jsonl")]
    pub input: Option<PathBuf>,

    /// An SQLite index written by `gazex extract --db`.
    #[arg(long, value_name = "FILE")]
    pub db: Option<PathBuf>,

    /// Count by the documents' dates instead: one row per period and
    /// entity (documents and mentions), with the period's documents in all.
    #[arg(long, value_enum, value_name = "PERIOD")]
    pub by: Option<ByPeriod>,

    /// Write CSV instead of an aligned table.
    #[arg(long)]
    pub csv: bool,

    /// Write to FILE instead of standard output.
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
}

/// `report --by`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum ByPeriod {
    /// By year (`YYYY`).
    Year,
    /// By month (`YYYY-MM`).
    Month,
}
