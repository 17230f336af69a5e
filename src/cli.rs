//! Command-line arguments (clap) and their validation into library configs.
//! Every range and combination is checked here, once; the library then only
//! sees valid values.

use std::num::NonZeroUsize;
use std::path::PathBuf;

use anyhow::bail;
use clap::{Args, Parser, Subcommand, ValueEnum};

use wirediff::copies::{Kind, Measure};
use wirediff::dedup::DedupConfig;
use wirediff::ingest::{DuplicateIds, FieldMap, IngestConfig, InputFormat};
use wirediff::published::DateOrder;
use wirediff::shingle::Shingling;
use wirediff::sketch::Kernel;
use wirediff::stories::StoriesConfig;

/// Find wire copies, group reports of one story, and compare what each
/// source includes or leaves out.
///
/// Exit status: 0 success; 1 success, but some input records were malformed
/// and skipped (each is reported on stderr as `path:line: problem`; with
/// --duplicate-ids skip, so is a repeated article id); 2 fatal error (bad
/// arguments, unreadable or unknown input, a repeated article id, a malformed
/// record with --strict, a failed write).
#[derive(Debug, Parser)]
#[command(name = "wirediff", version, about, max_term_width = 100)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Compare sources story by story: which facts each includes, leaves out
    /// or reports differently, who each quotes, and what each reprint of a
    /// wire story changed.
    Compare(CompareArgs),
    /// Find near-duplicate copies (wire stories reprinted with edits).
    Dedup(DedupArgs),
    /// Extract facts (counts of people, quotes, dates, places) per article,
    /// each with its evidence span and rule, as JSON Lines: an `article`
    /// record per article, then a `summary`.
    Facts(FactsArgs),
    /// List who is quoted in each article: speaker, cue and content, one
    /// JSON object per quote.
    Quotes(QuotesArgs),
    /// Group reports of the same event into stories (JSON Lines: story,
    /// article and summary records).
    Stories(StoriesArgs),
    /// Score a stage against gold labels.
    #[command(subcommand)]
    Eval(EvalCommand),
}

#[derive(Debug, Subcommand)]
pub enum EvalCommand {
    /// Score story grouping against a gold `id<TAB>story` file (with a
    /// header line): adjusted Rand index, pairwise and B-cubed
    /// precision/recall/F1, as one JSON object.
    Stories(EvalStoriesArgs),
}

/// Options of the story grouping.
#[derive(Debug, Args)]
pub struct StoryOptions {
    /// Average-linkage threshold (0..=1): mean similarity two clusters need
    /// to merge.
    #[arg(long, default_value_t = StoriesConfig::default().threshold, value_name = "T")]
    pub threshold: f64,

    /// Days apart beyond which two reports join only when they share two
    /// anchors (rare names of the event's people and places, not officials
    /// or the city); event days come from `published`, else the inferred
    /// date, else dates the text mentions. 0 turns the time rule off.
    #[arg(long, default_value_t = 7, value_name = "DAYS")]
    pub window: u32,

    /// Treat every article as its own copy group (skip the dedup stage).
    #[arg(long)]
    pub no_copies: bool,
}

#[derive(Debug, Args)]
pub struct StoriesArgs {
    #[command(flatten)]
    pub input: InputArgs,

    #[command(flatten)]
    pub options: StoryOptions,

    /// Write output to FILE (atomically) instead of stdout.
    #[arg(long, short, value_name = "FILE")]
    pub output: Option<PathBuf>,

    /// Output format: JSON Lines records, a table for people, or Parquet
    /// (the article records). Default: parquet when --output ends in
    /// .parquet, jsonl otherwise.
    #[arg(long, value_enum)]
    pub format: Option<OutputFormat>,
}

#[derive(Debug, Args)]
pub struct EvalStoriesArgs {
    /// Gold labels: `id<TAB>story` lines after a header `id<TAB>story`.
    #[arg(long, value_name = "TSV")]
    pub gold: PathBuf,

    #[command(flatten)]
    pub input: InputArgs,

    #[command(flatten)]
    pub options: StoryOptions,
}

impl StoryOptions {
    /// The validated story configuration.
    pub fn config(&self) -> anyhow::Result<StoriesConfig> {
        if !(0.0..=1.0).contains(&self.threshold) || self.threshold.is_nan() {
            return Err(wirediff::Error::Threshold(self.threshold).into());
        }
        Ok(StoriesConfig {
            threshold: self.threshold,
            window_days: (self.window > 0).then_some(self.window),
            ..StoriesConfig::default()
        })
    }
}

#[derive(Debug, Args)]
pub struct CompareArgs {
    #[command(flatten)]
    pub input: InputArgs,

    /// Write output to FILE (atomically) instead of stdout.
    #[arg(long, short, value_name = "FILE")]
    pub output: Option<PathBuf>,

    /// Output format (default: terminal on a terminal, jsonl otherwise).
    #[arg(long, value_enum)]
    pub format: Option<CompareFormat>,

    /// Also write the HTML report to FILE (atomically): one self-contained
    /// page (no network requests) with a searchable story list and, per
    /// story, the fact x source matrix with each cell's evidence, the
    /// missing-from and conflict lists, who each source quotes, and a
    /// side-by-side diff of each reprint against its origin. The --format
    /// output is still written to stdout (or --output).
    #[arg(long, value_name = "FILE")]
    pub html: Option<PathBuf>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum CompareFormat {
    /// The fact x source matrix for people.
    Terminal,
    /// JSON Lines (schema version 1) with evidence spans.
    Jsonl,
}

#[derive(Debug, Args)]
pub struct FactsArgs {
    #[command(flatten)]
    pub input: InputArgs,

    /// Write here instead of stdout.
    #[arg(long, short, value_name = "FILE")]
    pub output: Option<PathBuf>,

    /// Output format: JSON Lines records, or Parquet (one row per fact).
    /// Default: parquet when --output ends in .parquet, jsonl otherwise.
    #[arg(long, value_enum)]
    pub format: Option<FactsFormat>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum FactsFormat {
    Jsonl,
    Parquet,
}

/// Whether `output` names a Parquet file (so the format defaults to it).
pub fn is_parquet_path(output: Option<&std::path::Path>) -> bool {
    output
        .and_then(|p| p.extension())
        .is_some_and(|e| e.eq_ignore_ascii_case("parquet"))
}

impl FactsArgs {
    /// The output format, from --format or the output's name.
    pub fn format(&self) -> FactsFormat {
        self.format
            .unwrap_or(if is_parquet_path(self.output.as_deref()) {
                FactsFormat::Parquet
            } else {
                FactsFormat::Jsonl
            })
    }
}

/// The output format, from --format or the output's name.
pub fn output_format(
    format: Option<OutputFormat>,
    output: Option<&std::path::Path>,
) -> OutputFormat {
    format.unwrap_or(if is_parquet_path(output) {
        OutputFormat::Parquet
    } else {
        OutputFormat::Jsonl
    })
}

#[derive(Debug, Args)]
pub struct QuotesArgs {
    #[command(flatten)]
    pub input: InputArgs,

    /// Write output to FILE (atomically) instead of stdout.
    #[arg(long, short, value_name = "FILE")]
    pub output: Option<PathBuf>,
}

/// Options shared by every command that reads articles.
#[derive(Debug, Args)]
pub struct InputArgs {
    /// Input files or directories (walked recursively, sorted), or - for
    /// stdin. Formats by extension: .jsonl/.ndjson, .csv, .txt, .html/.htm
    /// (one web page), .warc (a crawl), each optionally .gz, and .parquet.
    #[arg(required = true, value_name = "INPUT")]
    pub inputs: Vec<PathBuf>,

    /// Read every input as this format, whatever its name.
    #[arg(long, value_enum, value_name = "FORMAT")]
    pub input_format: Option<InputFormatArg>,

    /// Map an article field to the input's field name, e.g.
    /// `--field text=content --field source=publisher --field published=date`.
    /// Fields: id, source, published, title, text, url, html (a web page
    /// read for its text when a record has no text).
    #[arg(long = "field", value_name = "FIELD=NAME")]
    pub fields: Vec<String>,

    /// Stop at the first malformed record (exit 2) instead of skipping it.
    #[arg(long)]
    pub strict: bool,

    /// A second article with an id already seen: a fatal error (exit 2), or
    /// `skip` it as a malformed record (reported with both places; the
    /// first is kept).
    #[arg(long, value_enum, value_name = "WHAT", default_value = "error")]
    pub duplicate_ids: DuplicateIdsArg,

    /// How to read all-numeric dates that are valid both ways, such as
    /// 03/04/2023, in `published` and in the text: dmy (3 April) or mdy
    /// (March 4). By default such a value is a warning and counts as
    /// unknown; 14/03/2023 and 03/14/2023 are read either way.
    #[arg(long, value_enum, value_name = "ORDER")]
    pub date_order: Option<DateOrderArg>,

    /// Worker threads (default: one per core).
    #[arg(long, value_name = "N")]
    pub threads: Option<NonZeroUsize>,

    /// No progress bar.
    #[arg(long, short)]
    pub quiet: bool,
}

#[derive(Clone, Copy, Debug, ValueEnum)]
pub enum DateOrderArg {
    /// Day, month, year.
    Dmy,
    /// Month, day, year.
    Mdy,
}

#[derive(Clone, Copy, Debug, ValueEnum)]
pub enum DuplicateIdsArg {
    Error,
    Skip,
}

#[derive(Clone, Copy, Debug, ValueEnum)]
pub enum InputFormatArg {
    Jsonl,
    Csv,
    Txt,
    Html,
    Warc,
    Parquet,
}

#[derive(Debug, Args)]
pub struct DedupArgs {
    #[command(flatten)]
    pub input: InputArgs,

    /// Write output to FILE (atomically) instead of stdout.
    #[arg(long, short, value_name = "FILE")]
    pub output: Option<PathBuf>,

    /// Output format: JSON Lines records, a table for people, or Parquet
    /// (the article records). Default: parquet when --output ends in
    /// .parquet, jsonl otherwise.
    #[arg(long, value_enum)]
    pub format: Option<OutputFormat>,

    /// What to write: the copy groups; the deduplicated corpus (the
    /// input's records, JSON Lines, without the copies named by --drop); or
    /// every copy pair (JSON Lines), inside a group or across two.
    #[arg(long, value_enum, default_value_t = Emit::Groups)]
    pub emit: Emit,

    /// With --emit unique, which copies to leave out: duplicate
    /// (near-complete copies, the default), reuse (partial copies), both
    /// (`--drop duplicate,reuse`), or none. Origins and articles without
    /// copies are always kept.
    #[arg(
        long,
        value_enum,
        value_delimiter = ',',
        default_value = "duplicate",
        value_name = "KIND"
    )]
    pub drop: Vec<DropArg>,

    /// Measure that decides copies: containment |A∩B|/min(|A|,|B|), the
    /// share of the shorter text found in the other, finds reprints that
    /// were trimmed, added to or partly reused; jaccard |A∩B|/|A∪B| only
    /// near-complete copies.
    #[arg(long, value_enum, default_value_t = MeasureArg::Containment)]
    pub measure: MeasureArg,

    /// Least similarity (0..=1) for two articles to be copies. The default,
    /// 0.5, finds texts at least half of whose shingles come from another.
    #[arg(long, default_value_t = 0.5, value_name = "T")]
    pub threshold: f64,

    /// Least containment (0..=1) of a duplicate (a near-complete copy);
    /// lesser copies are reuse.
    #[arg(long, default_value_t = 0.8, value_name = "T")]
    pub duplicate_threshold: f64,

    /// Compare texts with their site furniture (lines an outlet repeats on
    /// three or more of its different pages) left in.
    #[arg(long)]
    pub keep_furniture: bool,

    /// Shingle size: words (or characters with --char-shingles).
    #[arg(long, default_value_t = NonZeroUsize::new(5).expect("5 is not zero"), value_name = "K")]
    pub shingle_size: NonZeroUsize,

    /// Shingle characters instead of words.
    #[arg(long)]
    pub char_shingles: bool,

    /// MinHash permutations (a multiple of 32).
    #[arg(long, default_value_t = 128, value_name = "N")]
    pub permutations: usize,

    /// Seed of the MinHash permutations.
    #[arg(long, default_value_t = 1)]
    pub seed: u64,

    /// MinHash implementation: ours (vectorized), or the minhash-rs crate
    /// (slower; needs 128 permutations).
    #[arg(long, value_enum, default_value_t = KernelArg::Simd)]
    pub kernel: KernelArg,

    /// Memory (MiB) the first pass may use to keep shingles; a larger input
    /// is read a second time instead, for exact verification.
    #[arg(long, default_value_t = 1024, value_name = "MIB")]
    pub shingle_cache_mb: usize,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum OutputFormat {
    Jsonl,
    Table,
    Parquet,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum Emit {
    Groups,
    Unique,
    Pairs,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum DropArg {
    Duplicate,
    Reuse,
    None,
}

#[derive(Clone, Copy, Debug, ValueEnum)]
pub enum MeasureArg {
    Containment,
    Jaccard,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum KernelArg {
    Simd,
    MinhashRs,
}

impl InputArgs {
    /// The validated ingest configuration.
    pub fn config(&self) -> anyhow::Result<IngestConfig> {
        let mut fields = FieldMap::default();
        for mapping in &self.fields {
            fields.set(mapping)?;
        }
        Ok(IngestConfig {
            fields,
            format: self.input_format.map(|f| match f {
                InputFormatArg::Jsonl => InputFormat::Jsonl,
                InputFormatArg::Csv => InputFormat::Csv,
                InputFormatArg::Txt => InputFormat::Text,
                InputFormatArg::Html => InputFormat::Html,
                InputFormatArg::Warc => InputFormat::Warc,
                InputFormatArg::Parquet => InputFormat::Parquet,
            }),
            strict: self.strict,
            duplicate_ids: match self.duplicate_ids {
                DuplicateIdsArg::Error => DuplicateIds::Error,
                DuplicateIdsArg::Skip => DuplicateIds::Skip,
            },
            date_order: match self.date_order {
                None => DateOrder::Unknown,
                Some(DateOrderArg::Dmy) => DateOrder::DayFirst,
                Some(DateOrderArg::Mdy) => DateOrder::MonthFirst,
            },
        })
    }
}

impl DedupArgs {
    /// The kinds of copies `--emit unique` leaves out.
    pub fn dropped(&self) -> Vec<Kind> {
        let mut kinds: Vec<Kind> = self
            .drop
            .iter()
            .filter_map(|d| match d {
                DropArg::Duplicate => Some(Kind::Duplicate),
                DropArg::Reuse => Some(Kind::Reuse),
                DropArg::None => None,
            })
            .collect();
        kinds.sort_unstable();
        kinds.dedup();
        kinds
    }

    /// The validated copy-job configuration.
    pub fn config(&self) -> anyhow::Result<DedupConfig> {
        if self.drop.contains(&DropArg::None) && self.drop.len() > 1 {
            bail!("--drop none cannot be combined with other kinds");
        }
        match (self.emit, self.format) {
            (Emit::Unique, Some(OutputFormat::Table)) => bail!(
                "--emit unique writes JSON Lines or Parquet; it cannot be combined with --format table"
            ),
            // The format an `-o x.parquet` implies counts too: pairs are
            // never written as JSON Lines into a `.parquet` file.
            (Emit::Pairs, format) => match output_format(format, self.output.as_deref()) {
                OutputFormat::Jsonl => {}
                OutputFormat::Table => bail!(
                    "--emit pairs writes JSON Lines; it cannot be combined with --format table"
                ),
                OutputFormat::Parquet => bail!(
                    "--emit pairs writes JSON Lines; it cannot be written as Parquet \
                     (--format parquet or an -o path ending in .parquet)"
                ),
            },
            _ => {}
        }
        let config = DedupConfig {
            shingling: if self.char_shingles {
                Shingling::Chars(self.shingle_size)
            } else {
                Shingling::Words(self.shingle_size)
            },
            permutations: self.permutations,
            seed: self.seed,
            measure: match self.measure {
                MeasureArg::Containment => Measure::Containment,
                MeasureArg::Jaccard => Measure::Jaccard,
            },
            threshold: self.threshold,
            duplicate: self.duplicate_threshold,
            furniture: !self.keep_furniture,
            kernel: match self.kernel {
                KernelArg::Simd => Kernel::Simd,
                KernelArg::MinhashRs => Kernel::MinhashRs,
            },
            shingle_cache_bytes: self.shingle_cache_mb.saturating_mul(1 << 20),
            ..DedupConfig::default()
        };
        config.check()?;
        Ok(config)
    }
}
