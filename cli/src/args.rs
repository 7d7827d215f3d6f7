//! Command-line arguments (clap derive).

use std::path::PathBuf;

use clap::builder::{PossibleValuesParser, TypedValueParser};
use clap::{Args, Parser, Subcommand, ValueEnum};
use freigabe::{Platform, Severity};

/// Checks social-media drafts of city administrations against a policy before publication.
#[derive(Debug, Parser)]
#[command(name = "freigabe", version, about, max_term_width = 100)]
pub struct Cli {
    /// Language of messages (default: `FREIGABE_LANG`, else German).
    #[arg(long, global = true, value_enum)]
    pub lang: Option<LangArg>,
    /// What to do.
    #[command(subcommand)]
    pub command: Command,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Check one draft (JSON, or plain text from a `.txt` file or with `--text`).
    Check(CheckArgs),
    /// Check every post of an archive (JSONL, CSV, platform exports); one JSON line per record.
    Batch(BatchArgs),
    /// Count a text the way a platform does, with its built-in limit.
    Count(CountArgs),
    /// Validate a policy or print its JSON Schema.
    #[command(subcommand)]
    Policy(PolicyCommand),
    /// Show the documentation of a rule; without a rule, list every rule.
    Explain(ExplainArgs),
    /// Quarterly report over published posts: weeks against the band, findings, response
    /// times; JSON or one self-contained HTML page.
    Report(ReportArgs),
}

/// Options shared by `check` and `batch`.
#[derive(Debug, Args)]
pub struct EngineArgs {
    /// The policy file (TOML).
    #[arg(long, value_name = "FILE")]
    pub policy: PathBuf,
    /// Earlier posts (JSON array or JSON Lines), for cadence rules.
    #[arg(long, value_name = "FILE")]
    pub history: Option<PathBuf>,
    /// Reference time of time-based rules (RFC 3339, e.g. `2026-05-04T10:00:00+02:00`).
    #[arg(long, value_name = "RFC3339")]
    pub now: Option<jiff::Timestamp>,
    /// Lowest severity that makes the exit code 1.
    #[arg(long, value_enum, default_value_t = FailOn::Error)]
    pub fail_on: FailOn,
}

/// `freigabe check`.
#[derive(Debug, Args)]
pub struct CheckArgs {
    /// Policy, history, reference time, failure threshold.
    #[command(flatten)]
    pub engine: EngineArgs,
    /// Account id from the policy (overrides the draft's `account`).
    #[arg(long, value_name = "ID")]
    pub account: Option<String>,
    /// Target platform, repeatable (overrides the draft's `platforms`).
    #[arg(long = "platform", value_name = "P", value_parser = platform_parser())]
    pub platforms: Vec<Platform>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = CheckFormat::Human)]
    pub format: CheckFormat,
    /// Read the draft as plain text even if it is not a `.txt` file (e.g. from stdin).
    #[arg(long)]
    pub text: bool,
    /// The draft file, or `-` for standard input.
    #[arg(value_name = "DRAFT")]
    pub draft: String,
}

/// `freigabe batch`.
#[derive(Debug, Args)]
pub struct BatchArgs {
    /// Policy, history, reference time, failure threshold.
    #[command(flatten)]
    pub engine: EngineArgs,
    /// Output format (one JSON object per line).
    #[arg(long, value_enum, default_value_t = BatchFormat::Jsonl)]
    pub format: BatchFormat,
    /// How to read the archive.
    #[command(flatten)]
    pub input: ArchiveArgs,
    /// No progress bar (it is shown on stderr only when stderr is a terminal).
    #[arg(long, short)]
    pub quiet: bool,
    /// The archive (JSONL, CSV, Facebook/Instagram export JSON, X `tweets.js`, Mastodon
    /// `outbox.json`), or `-` for standard input.
    #[arg(value_name = "ARCHIVE")]
    pub archive: String,
}

/// How to read an archive (`batch`).
#[derive(Debug, Args)]
pub struct ArchiveArgs {
    /// Archive format (default: detected from the content, then the file name).
    #[arg(long, value_name = "FORMAT", value_parser = archive_format_parser())]
    pub input_format: Option<freigabe::archive::ArchiveFormat>,
    /// Account id for records that name none (platform exports never do; default: the
    /// policy's default account).
    #[arg(long, value_name = "ID")]
    pub account: Option<String>,
    /// Platform for JSONL/CSV records that name none (exports imply theirs).
    #[arg(long, value_name = "P", value_parser = platform_parser())]
    pub platform: Option<Platform>,
    /// CSV columns: `field=header,…` for text, published_at, account, platforms, author, id
    /// (default: headers with those names).
    #[arg(long, value_name = "MAPPING")]
    pub columns: Option<String>,
    /// Time zone of CSV times without offset.
    #[arg(long, value_name = "IANA", default_value = "Europe/Berlin")]
    pub time_zone: String,
}

/// `freigabe report`.
#[derive(Debug, Args)]
pub struct ReportArgs {
    /// The policy file (TOML).
    #[arg(long, value_name = "FILE")]
    pub policy: PathBuf,
    /// The published posts (JSON Lines of drafts with `published_at`), or `-` for standard
    /// input.
    #[arg(long, value_name = "FILE")]
    pub archive: String,
    /// Comments and replies (JSON Lines), for response times.
    #[arg(long, value_name = "FILE")]
    pub comments: Option<String>,
    /// First day of the report (local date of each account).
    #[arg(long, value_name = "YYYY-MM-DD")]
    pub from: Option<jiff::civil::Date>,
    /// Last day of the report (inclusive).
    #[arg(long, value_name = "YYYY-MM-DD")]
    pub to: Option<jiff::civil::Date>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = ReportFormat::Html)]
    pub format: ReportFormat,
    /// Write the report to this file instead of standard output.
    #[arg(long, short, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// No progress bar (it is shown on stderr only when stderr is a terminal).
    #[arg(long, short)]
    pub quiet: bool,
}

/// Output format of `report`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ReportFormat {
    /// One self-contained HTML page with charts (inline CSS and SVG, no scripts).
    Html,
    /// The report as JSON (snake_case keys).
    Json,
}

/// `freigabe count`.
#[derive(Debug, Args)]
pub struct CountArgs {
    /// The platform whose counting and limit apply.
    #[arg(long, value_name = "P", value_parser = platform_parser())]
    pub platform: Platform,
    /// The text file, or `-` (default) for standard input.
    #[arg(value_name = "FILE", default_value = "-")]
    pub file: String,
}

/// `freigabe policy …`.
#[derive(Debug, Subcommand)]
pub enum PolicyCommand {
    /// Validate a policy file and everything it extends.
    Check {
        /// The policy file (TOML).
        #[arg(value_name = "FILE")]
        file: String,
    },
    /// Print the JSON Schema of the policy format.
    Schema,
}

/// `freigabe explain`.
#[derive(Debug, Args)]
pub struct ExplainArgs {
    /// The rule id, e.g. `length.limit`; without it every rule is listed.
    #[arg(value_name = "RULE", conflicts_with = "all")]
    pub rule: Option<String>,
    /// List every rule with its summary (the same as giving no rule).
    #[arg(long)]
    pub all: bool,
}

/// Message language.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum LangArg {
    /// German.
    De,
    /// English.
    En,
}

impl From<LangArg> for freigabe::Lang {
    fn from(lang: LangArg) -> freigabe::Lang {
        match lang {
            LangArg::De => freigabe::Lang::De,
            LangArg::En => freigabe::Lang::En,
        }
    }
}

/// Output format of `check`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum CheckFormat {
    /// Annotated text for people, like a compiler.
    Human,
    /// The report contract, one line.
    Json,
    /// SARIF 2.1.0 for code-scanning tools.
    Sarif,
}

/// Output format of `batch`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum BatchFormat {
    /// One JSON object per line.
    Jsonl,
}

/// Lowest severity that fails the run.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum FailOn {
    /// Only errors fail.
    Error,
    /// Warnings and errors fail.
    Warning,
    /// Any finding fails.
    Info,
}

impl From<FailOn> for Severity {
    fn from(fail_on: FailOn) -> Severity {
        match fail_on {
            FailOn::Error => Severity::Error,
            FailOn::Warning => Severity::Warning,
            FailOn::Info => Severity::Info,
        }
    }
}

/// Accepts exactly the archive format names, so clap lists them and suggests close ones.
fn archive_format_parser() -> impl TypedValueParser<Value = freigabe::archive::ArchiveFormat> {
    PossibleValuesParser::new(
        freigabe::archive::ArchiveFormat::ALL.map(freigabe::archive::ArchiveFormat::as_str),
    )
    .try_map(|name| name.parse::<freigabe::archive::ArchiveFormat>())
}

/// Accepts exactly the platform ids, so clap lists them and suggests close ones.
fn platform_parser() -> impl TypedValueParser<Value = Platform> {
    PossibleValuesParser::new(Platform::ALL.map(Platform::as_str)).try_map(|id| {
        // clap words its own errors in English.
        Platform::parse(&id).ok_or_else(|| {
            freigabe::wire::unknown_platform(&id)
                .message
                .en
                .into_string()
        })
    })
}
