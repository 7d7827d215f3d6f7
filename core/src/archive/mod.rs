//! Archives of published posts, read into drafts so `freigabe batch` (and anyone else) can
//! check what went out.
//!
//! Formats ([`ArchiveFormat`]):
//!
//! | format | file | what it carries |
//! |---|---|---|
//! | `facebook` | Meta "Download your information", `your_facebook_activity/posts/your_posts__check_ins__photos_and_videos_1.json` | text, time, shared links, photo/video files; alt texts unknown (`alt_text_unknown`: a photo's `description` is its caption, not alt text) |
//! | `instagram` | Meta "Download your information", `your_instagram_activity/content/posts_1.json` | caption, time, photo/video files; alt texts unknown (`alt_text_unknown`) |
//! | `x` | X archive `data/tweets.js` (`window.YTD.tweets.part0 = […]`) | text with `t.co` links expanded, time, media kinds, alt text where the archive has `ext_alt_text`; retweets are skipped |
//! | `mastodon` | Mastodon export `outbox.json` (ActivityStreams) | text from the HTML content, time, attachments with their alt texts (`name`); boosts and direct messages are skipped |
//! | `jsonl` | one draft per line (the draft contract) | everything a draft has |
//! | `csv` | a table with a header and a [`CsvColumns`] mapping | text, time, account, platforms, author, id |
//!
//! Meta writes every non-ASCII character of its JSON exports as UTF-8 bytes escaped one by
//! one (`"B\u00c3\u00bcrger"` for "Bürger"); the Facebook and Instagram readers repair that.
//!
//! A whole file that cannot be read is an [`ArchiveError`] that names what was expected; a
//! record that cannot be read is a [`RecordError`] in its place in [`Archive::records`],
//! and the records after it are read all the same.
//!
//! ```
//! use freigabe::archive::{self, ArchiveFormat, ArchiveOptions};
//!
//! let tweets = br#"window.YTD.tweets.part0 = [{"tweet": {"id_str": "1",
//!     "created_at": "Wed Oct 10 20:19:24 +0000 2018",
//!     "full_text": "Rat &amp; Verwaltung: https://t.co/abc",
//!     "entities": {"urls": [{"url": "https://t.co/abc", "expanded_url": "https://www.paderborn.de/rat"}]}}}]"#;
//! let archive = archive::read("tweets.js", tweets, &ArchiveOptions::default())?;
//! assert_eq!(archive.format, ArchiveFormat::X);
//! let post = archive.records[0].as_ref().map_err(|e| e.to_string())?;
//! assert_eq!(post.draft.text, "Rat & Verwaltung: https://www.paderborn.de/rat");
//! assert_eq!(post.draft.published_at.map(|t| t.to_string()).as_deref(), Some("2018-10-10T20:19:24Z"));
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

mod csv_table;
mod error;
mod facebook;
mod html;
mod instagram;
mod json;
mod jsonl;
mod mastodon;
mod mojibake;
mod x;

use std::fmt;
use std::io::{self, Read};
use std::ops::ControlFlow;
use std::str::FromStr;

use jiff::tz::TimeZone;

use crate::draft::{Draft, Media, MediaKind};
use crate::platform::Platform;
use crate::policy::{Localized, did_you_mean, localized};

pub use csv_table::CsvColumns;
pub use error::{ArchiveError, ArchiveErrorKind, RecordError, RecordErrorKind};

/// A kind of archive.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum ArchiveFormat {
    /// JSON Lines, one draft per line.
    Jsonl,
    /// A CSV table with a header.
    Csv,
    /// Facebook's "Download your information" posts JSON.
    Facebook,
    /// Instagram's "Download your information" posts JSON.
    Instagram,
    /// An X (Twitter) archive's `tweets.js`.
    X,
    /// A Mastodon export's `outbox.json`.
    Mastodon,
}

impl ArchiveFormat {
    /// Every format, in the order they are listed to users.
    pub const ALL: [ArchiveFormat; 6] = [
        ArchiveFormat::Jsonl,
        ArchiveFormat::Csv,
        ArchiveFormat::Facebook,
        ArchiveFormat::Instagram,
        ArchiveFormat::X,
        ArchiveFormat::Mastodon,
    ];

    /// The name used by `--input-format`.
    pub fn as_str(self) -> &'static str {
        match self {
            ArchiveFormat::Jsonl => "jsonl",
            ArchiveFormat::Csv => "csv",
            ArchiveFormat::Facebook => "facebook",
            ArchiveFormat::Instagram => "instagram",
            ArchiveFormat::X => "x",
            ArchiveFormat::Mastodon => "mastodon",
        }
    }

    /// The platform a platform export's posts went out on (`None` for JSONL and CSV, whose
    /// records name their platforms).
    pub fn platform(self) -> Option<Platform> {
        match self {
            ArchiveFormat::Facebook => Some(Platform::Facebook),
            ArchiveFormat::Instagram => Some(Platform::Instagram),
            ArchiveFormat::X => Some(Platform::X),
            ArchiveFormat::Mastodon => Some(Platform::Mastodon),
            ArchiveFormat::Jsonl | ArchiveFormat::Csv => None,
        }
    }

    /// What a file of this format looks like, for error messages.
    fn expected(self) -> Localized {
        let (de, en) = match self {
            ArchiveFormat::Jsonl => (
                "JSONL: ein Entwurf als JSON-Objekt pro Zeile",
                "JSONL: one draft as a JSON object per line",
            ),
            ArchiveFormat::Csv => (
                "CSV mit Kopfzeile und einer Spalte `text`",
                "CSV with a header and a `text` column",
            ),
            ArchiveFormat::Facebook => (
                "Facebook-Export (JSON-Liste von Beiträgen mit `timestamp` und `data`)",
                "Facebook export (JSON list of posts with `timestamp` and `data`)",
            ),
            ArchiveFormat::Instagram => (
                "Instagram-Export (JSON-Liste von Beiträgen mit `media`)",
                "Instagram export (JSON list of posts with `media`)",
            ),
            ArchiveFormat::X => (
                "X-Archiv `tweets.js` (window.YTD.tweets.part0 = […])",
                "X archive `tweets.js` (window.YTD.tweets.part0 = […])",
            ),
            ArchiveFormat::Mastodon => (
                "Mastodon `outbox.json` (ActivityStreams-Sammlung mit `orderedItems`)",
                "Mastodon `outbox.json` (ActivityStreams collection with `orderedItems`)",
            ),
        };
        Localized::new(de, en)
    }
}

impl fmt::Display for ArchiveFormat {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for ArchiveFormat {
    type Err = ArchiveError;

    fn from_str(name: &str) -> Result<ArchiveFormat, ArchiveError> {
        let lowered = name.trim().to_ascii_lowercase();
        if let Some(format) = ArchiveFormat::ALL
            .into_iter()
            .find(|format| format.as_str() == lowered)
        {
            return Ok(format);
        }
        let names = ArchiveFormat::ALL.map(ArchiveFormat::as_str);
        let help = match did_you_mean(&lowered, names) {
            Some(close) => localized!(de: "Meinten Sie `{close}`?", en: "did you mean `{close}`?"),
            None => {
                let list = names.join(", ");
                localized!(de: "Möglich sind: {list}", en: "possible values: {list}")
            }
        };
        Err(ArchiveError::new(
            ArchiveErrorKind::InvalidOption,
            localized!(
                de: "Unbekanntes Archivformat `{name}`",
                en: "unknown archive format `{name}`",
            ),
            help,
        ))
    }
}

/// How to read an archive.
#[derive(Debug, Clone, Default)]
pub struct ArchiveOptions {
    /// The format; `None` detects it with [`detect`].
    pub format: Option<ArchiveFormat>,
    /// Account for records that name none (platform exports never do).
    pub account: Option<String>,
    /// Platform for JSONL/CSV records that name none; platform exports imply theirs.
    pub platform: Option<Platform>,
    /// Which CSV columns hold what.
    pub columns: CsvColumns,
    /// Zone of CSV times without offset (`2026-05-04 10:00`); `None` means `Europe/Berlin`.
    pub time_zone: Option<TimeZone>,
}

/// Where a record is in its archive.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct RecordLocator {
    /// 1-based number of the record in source order (skipped records count too).
    pub record: usize,
    /// 1-based line the record starts on, where the format has lines.
    pub line: Option<usize>,
}

/// A published post read from an archive.
#[derive(Debug, Clone, PartialEq)]
pub struct ArchivedPost {
    /// Which record it was.
    pub locator: RecordLocator,
    /// The post as a draft: `published_at` set where the archive has it (always for
    /// platform exports), `id` the platform's id (tweet id, status URL, Meta time stamp).
    pub draft: Draft,
    /// What the reader noticed in the record and read all the same (a weekday that
    /// contradicts its date); `freigabe batch` writes them with the record's report.
    pub notes: Vec<RecordNote>,
}

/// Something wrong in a record that did not stop it from being read: the draft is what
/// the reader made of it, the note says what it decided and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RecordNote {
    /// What kind of irregularity.
    pub kind: RecordNoteKind,
    /// One line, what was found and what was read.
    pub message: Localized,
    /// What to do about it, if anything.
    pub help: Option<Localized>,
}

/// What kind of irregularity a [`RecordNote`] reports.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum RecordNoteKind {
    /// A time stamp names a weekday its date does not fall on; the date was read.
    WeekdayMismatch,
}

impl RecordNoteKind {
    /// A stable lowercase name, used by front ends in output rows.
    pub fn as_str(self) -> &'static str {
        match self {
            RecordNoteKind::WeekdayMismatch => "weekday-mismatch",
        }
    }
}

/// Why a record was left out without being an error.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum SkipReason {
    /// A retweet or boost: someone else's words, not the account's own post.
    Repost,
    /// A Mastodon direct message: not public, not a post of the account.
    Direct,
    /// Neither text nor media (a Facebook profile-picture update, a check-in).
    Empty,
    /// An activity that is not a post (a Mastodon `Like` or `Update`).
    NotAPost,
}

impl SkipReason {
    /// A stable lowercase name.
    pub fn as_str(self) -> &'static str {
        match self {
            SkipReason::Repost => "repost",
            SkipReason::Direct => "direct",
            SkipReason::Empty => "empty",
            SkipReason::NotAPost => "not-a-post",
        }
    }
}

/// A record that was left out on purpose.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SkippedRecord {
    /// Which record.
    pub locator: RecordLocator,
    /// Its platform id, if any.
    pub id: Option<String>,
    /// Why.
    pub reason: SkipReason,
}

/// The records of an archive, in source order.
#[derive(Debug, Clone, PartialEq)]
pub struct Archive {
    /// The format it was read as.
    pub format: ArchiveFormat,
    /// Every record that is a post, or why it could not be read.
    pub records: Vec<Result<ArchivedPost, RecordError>>,
    /// Records left out on purpose (reposts, direct messages, empty entries).
    pub skipped: Vec<SkippedRecord>,
}

impl IntoIterator for Archive {
    type Item = Result<ArchivedPost, RecordError>;
    type IntoIter = std::vec::IntoIter<Result<ArchivedPost, RecordError>>;

    fn into_iter(self) -> Self::IntoIter {
        self.records.into_iter()
    }
}

/// Recognises an archive by its content first (the `window.YTD.` prefix of X, the
/// `orderedItems` of a Mastodon outbox, the fields of Facebook and Instagram posts), then by
/// the file name (`.csv`, `.jsonl`, `.ndjson`). Text starting with `{` is JSON Lines only
/// when its first line is a whole JSON object. Anything else is an error naming each shape
/// tried and why it did not fit: a file is never guessed to be one big draft.
pub fn detect(file_name: &str, bytes: &[u8]) -> Result<ArchiveFormat, ArchiveError> {
    detect_beginning(file_name, strip_bom(bytes), true)
}

/// [`detect`] on the beginning of a file (`complete` when it is the whole file).
fn detect_beginning(
    file_name: &str,
    bytes: &[u8],
    complete: bool,
) -> Result<ArchiveFormat, ArchiveError> {
    let text = bytes.trim_ascii_start();
    if text.starts_with(b"window.YTD.") {
        return Ok(ArchiveFormat::X);
    }
    let extension = file_name
        .rsplit_once('.')
        .map(|(_, extension)| extension.to_ascii_lowercase());
    match extension.as_deref() {
        Some("csv" | "tsv") => return Ok(ArchiveFormat::Csv),
        Some("jsonl" | "ndjson") => return Ok(ArchiveFormat::Jsonl),
        _ => {}
    }
    let mismatch = match text.first() {
        Some(b'[') => match json::detect_array(file_name, text, complete) {
            Ok(format) => return Ok(format),
            Err(why) => Mismatch::List(why),
        },
        Some(b'{') => {
            let outbox = match mastodon::probe(text, complete) {
                Ok(()) => return Ok(ArchiveFormat::Mastodon),
                Err(why) => why,
            };
            match jsonl::probe(text) {
                Ok(()) => return Ok(ArchiveFormat::Jsonl),
                Err(lines) => Mismatch::Object { outbox, lines },
            }
        }
        _ => Mismatch::Neither,
    };
    Err(not_recognised(&mismatch))
}

/// Why a file fits none of the shapes, by what it starts with.
enum Mismatch {
    /// A JSON list: the same reason for every list format, or `None` when its first entry
    /// has none of their fields.
    List(Option<Localized>),
    /// A JSON object that is no outbox, and whose first line is no whole draft.
    Object { outbox: Localized, lines: Localized },
    /// Neither `[` nor `{`.
    Neither,
}

/// The error for a file of no known shape: each shape tried, and why it did not fit.
fn not_recognised(mismatch: &Mismatch) -> ArchiveError {
    let list_reason = |fields_de: &str, fields_en: &str| match mismatch {
        Mismatch::List(Some(why)) => why.clone(),
        Mismatch::List(None) => Localized::new(
            format!("der erste Eintrag der Liste hat kein {fields_de}"),
            format!("the list's first entry has no {fields_en}"),
        ),
        _ => Localized::new("keine JSON-Liste", "not a JSON list"),
    };
    let no_object = || Localized::new("kein JSON-Objekt", "not a JSON object");
    let x = match mismatch {
        Mismatch::List(_) => {
            list_reason("`tweet` und kein `full_text`", "`tweet` and no `full_text`")
        }
        _ => Localized::new(
            "beginnt nicht mit `window.YTD.` und ist keine JSON-Liste",
            "does not start with `window.YTD.` and is not a JSON list",
        ),
    };
    let (outbox, lines) = match mismatch {
        Mismatch::Object { outbox, lines } => (outbox.clone(), lines.clone()),
        _ => (no_object(), no_object()),
    };
    let tried = [
        (Localized::new("X-Archiv", "X archive"), x),
        (Localized::new("Mastodon-Outbox", "Mastodon outbox"), outbox),
        (
            Localized::new("Facebook-Export", "Facebook export"),
            list_reason(
                "`timestamp`, `data` oder `attachments`",
                "`timestamp`, `data` or `attachments`",
            ),
        ),
        (
            Localized::new("Instagram-Export", "Instagram export"),
            list_reason("`media`", "`media`"),
        ),
        (Localized::new("JSONL", "JSONL"), lines),
        (
            Localized::new("CSV", "CSV"),
            Localized::new(
                "nur am Dateinamen `.csv`/`.tsv` erkannt",
                "recognised by a `.csv`/`.tsv` file name only",
            ),
        ),
    ];
    let (mut de, mut en) = (Vec::new(), Vec::new());
    for (shape, why) in &tried {
        de.push(format!("{}: {}", shape.de, why.de));
        en.push(format!("{}: {}", shape.en, why.en));
    }
    ArchiveError::new(
        ArchiveErrorKind::UnknownFormat,
        Localized::new(
            format!("Archivformat nicht erkannt; versucht: {}", de.join("; ")),
            format!("archive format not recognised; tried: {}", en.join("; ")),
        ),
        Localized::new(
            "Das Format angeben (jsonl, csv, facebook, instagram, x, mastodon) oder die Datei mit `.jsonl`/`.csv` benennen",
            "name the format (jsonl, csv, facebook, instagram, x, mastodon), or name the file `.jsonl`/`.csv`",
        ),
    )
}

/// Reads an archive. `file_name` (a path or `-`) only serves detection; the bytes are the
/// whole file.
pub fn read(
    file_name: &str,
    bytes: &[u8],
    options: &ArchiveOptions,
) -> Result<Archive, ArchiveError> {
    let (mut records, mut skipped) = (Vec::new(), Vec::new());
    let format = read_stream(file_name, bytes, options, &mut |entry| {
        match entry {
            Entry::Record(record) => records.push(record),
            Entry::Skipped(skip) => skipped.push(skip),
        }
        ControlFlow::Continue(())
    })?;
    Ok(Archive {
        format,
        records,
        skipped,
    })
}

/// One thing a streaming read ([`read_stream`]) hands out, in source order.
// Nearly every entry is a record: boxing it would cost an allocation per record to save
// bytes on the rare skipped one.
#[allow(clippy::large_enum_variant)]
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub enum Entry {
    /// A post, or why a record could not be read.
    Record(Result<ArchivedPost, RecordError>),
    /// A record left out on purpose.
    Skipped(SkippedRecord),
}

/// Bytes of the beginning of an input that detection looks at. Smaller inputs are detected
/// exactly as [`detect`] does; of larger ones only the beginning is read (the first entry of
/// a list, the keys of an outbox up to `orderedItems`, the first line).
pub const DETECT_BYTES: usize = 1024 * 1024;

/// Reads an archive record by record from `input` and hands each record, in source order,
/// to `each`, which may stop the read with [`ControlFlow::Break`]. Memory stays bounded
/// whatever the size of the input: one record is held at a time (a JSON Lines line of at
/// most twice [`crate::MAX_DRAFT_BYTES`], a JSON export record of at most four times), plus
/// the first [`DETECT_BYTES`] for detection.
///
/// Records come as they are read: a problem of the whole file found in its middle (invalid
/// JSON, bytes that are not UTF-8) is returned after the records before it were handed out.
/// Returns the format read.
///
/// ```
/// use std::ops::ControlFlow;
/// use freigabe::archive::{self, ArchiveOptions, Entry};
///
/// let jsonl = "{\"text\": \"Guten Morgen!\"}\n{\"text\": 3}\n";
/// let mut rows = Vec::new();
/// archive::read_stream("posts.jsonl", jsonl.as_bytes(), &ArchiveOptions::default(), &mut |entry| {
///     if let Entry::Record(record) = entry {
///         rows.push(record.is_ok());
///     }
///     ControlFlow::Continue(())
/// })?;
/// assert_eq!(rows, [true, false]);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn read_stream(
    file_name: &str,
    mut input: impl Read,
    options: &ArchiveOptions,
    each: &mut dyn FnMut(Entry) -> ControlFlow<()>,
) -> Result<ArchiveFormat, ArchiveError> {
    let mut head = Vec::new();
    (&mut input)
        .take(DETECT_BYTES as u64)
        .read_to_end(&mut head)
        .map_err(|error| read_error(&error))?;
    let complete = head.len() < DETECT_BYTES;
    let bom = head.len() - strip_bom(&head).len();
    let format = match options.format {
        Some(format) => format,
        None => detect_beginning(file_name, &head[bom..], complete)?,
    };
    let start = bom + skipped_prefix(format, &head[bom..])?;
    let origin = json::Origin::after(&head[bom..start]);
    let json_starts_with = |open: u8| head[start..].trim_ascii_start().first() == Some(&open);
    let mut body = io::Cursor::new(&head[..]);
    body.set_position(start as u64);
    let body = body.chain(input);
    let mut records = Records::new(format, options, each);
    let shape = match format {
        ArchiveFormat::Jsonl => {
            jsonl::read(io::BufReader::with_capacity(64 * 1024, body), &mut records)?;
            return Ok(format);
        }
        ArchiveFormat::Csv => {
            csv_table::read(&head[start..], body, options, &mut records)?;
            return Ok(format);
        }
        ArchiveFormat::Mastodon => json::Shape::Outbox,
        ArchiveFormat::Facebook | ArchiveFormat::Instagram | ArchiveFormat::X => {
            if !json_starts_with(b'[') {
                return Err(wrong_shape(
                    format,
                    Localized::new("keine JSON-liste", "not a JSON list"),
                ));
            }
            json::Shape::List
        }
    };
    let record: fn(&json::Element<'_>, &mut Records<'_>) = match format {
        ArchiveFormat::Facebook => facebook::record,
        ArchiveFormat::Instagram => instagram::record,
        ArchiveFormat::X => x::record,
        _ => mastodon::record,
    };
    let has_items = json::stream(body, origin, format, shape, &mut |element| {
        record(element, &mut records);
        records.flow()
    })?;
    if shape == json::Shape::Outbox && !has_items {
        return Err(wrong_shape(
            format,
            Localized::new("kein `orderedItems`", "no `orderedItems`"),
        ));
    }
    Ok(format)
}

/// The error for a file that does not have the shape of the format it is read as.
fn wrong_shape(format: ArchiveFormat, found: Localized) -> ArchiveError {
    let expected = format.expected();
    ArchiveError::new(
        ArchiveErrorKind::UnknownFormat,
        Localized::new(
            format!("{}; erwartet: {}", found.de, expected.de),
            format!("{}; expected: {}", found.en, expected.en),
        ),
        Localized::new(
            "Das richtige Format angeben oder die richtige Datei des Exports wählen",
            "name the right format, or pick the right file of the export",
        ),
    )
}

/// Bytes before the records' JSON: X's assignment `window.YTD.tweets.part0 = `.
fn skipped_prefix(format: ArchiveFormat, head: &[u8]) -> Result<usize, ArchiveError> {
    if format != ArchiveFormat::X {
        return Ok(0);
    }
    x::assignment_len(head).ok_or_else(|| {
        wrong_shape(
            ArchiveFormat::X,
            Localized::new(
                "keine Zuweisung `window.YTD.… = […]`",
                "no assignment `window.YTD.… = […]`",
            ),
        )
    })
}

/// The error for an input that fails while it is read.
fn read_error(error: &io::Error) -> ArchiveError {
    ArchiveError {
        kind: ArchiveErrorKind::Read,
        message: localized!(
            de: "Das Archiv kann nicht weitergelesen werden: {error}",
            en: "cannot read the archive any further: {error}",
        ),
        help: None,
        position: None,
    }
}

/// The error for a record of a JSON export larger than `limit` bytes, starting on `line`.
fn record_too_large(line: usize, limit: usize) -> ArchiveError {
    ArchiveError {
        kind: ArchiveErrorKind::RecordTooLarge,
        message: localized!(
            de: "Der Eintrag ist größer als {limit} Bytes; das Lesen endet hier",
            en: "record is larger than {limit} bytes; reading stops here",
        ),
        help: Some(Localized::new(
            "Den Export unverändert verwenden: Ein Beitrag ist nie so groß",
            "use the export unchanged: no post is that large",
        )),
        position: Some((line, 1)),
    }
}

/// The error for the first byte of a JSON export that is not UTF-8, at `position`.
fn not_utf8(format: ArchiveFormat, position: (usize, usize)) -> ArchiveError {
    let expected = format.expected();
    ArchiveError {
        kind: ArchiveErrorKind::Syntax,
        message: Localized::new(
            "Das Archiv ist kein gültiges UTF-8",
            "archive is not valid UTF-8",
        ),
        help: Some(Localized::new(
            format!("Den Export unverändert verwenden ({})", expected.de),
            format!("use the export unchanged ({})", expected.en),
        )),
        position: Some(position),
    }
}

fn strip_bom(bytes: &[u8]) -> &[u8] {
    bytes.strip_prefix(b"\xef\xbb\xbf").unwrap_or(bytes)
}

/// An attachment known only by its file (Meta exports): kind from the extension, alt text
/// unknown (the exports do not record it, which is not the same as the post lacking it).
fn media_from_file(file: String) -> Media {
    Media {
        kind: media_kind_from_file(&file),
        alt_text: None,
        alt_text_unknown: true,
        credit: None,
        subtitles: None,
        file: Some(file),
    }
}

/// The kind of an attachment from its file name or URL (Meta exports name files only).
fn media_kind_from_file(file: &str) -> MediaKind {
    let path = file.split(['?', '#']).next().unwrap_or(file);
    let extension = path
        .rsplit_once('.')
        .map(|(_, extension)| extension.to_ascii_lowercase());
    match extension.as_deref() {
        Some("mp4" | "mov" | "m4v" | "webm" | "avi" | "mkv") => MediaKind::Video,
        Some("gif") => MediaKind::Gif,
        _ => MediaKind::Image,
    }
}

/// Hands records out in source order and fills in what the archive does not carry.
struct Records<'a> {
    format: ArchiveFormat,
    options: &'a ArchiveOptions,
    each: &'a mut dyn FnMut(Entry) -> ControlFlow<()>,
    /// `each` asked to stop; nothing more is handed out.
    stopped: bool,
}

impl<'a> Records<'a> {
    fn new(
        format: ArchiveFormat,
        options: &'a ArchiveOptions,
        each: &'a mut dyn FnMut(Entry) -> ControlFlow<()>,
    ) -> Records<'a> {
        Records {
            format,
            options,
            each,
            stopped: false,
        }
    }

    /// Whether the read goes on.
    fn flow(&self) -> ControlFlow<()> {
        if self.stopped {
            ControlFlow::Break(())
        } else {
            ControlFlow::Continue(())
        }
    }

    fn hand_out(&mut self, entry: Entry) {
        if !self.stopped {
            self.stopped = (self.each)(entry).is_break();
        }
    }

    /// A post: the account from the options where the record names none, the platform
    /// implied by the format or, for JSONL/CSV, from the options.
    fn post(&mut self, locator: RecordLocator, draft: Draft) {
        self.noted_post(locator, draft, Vec::new());
    }

    /// A post with what the reader noticed in it.
    fn noted_post(&mut self, locator: RecordLocator, mut draft: Draft, notes: Vec<RecordNote>) {
        if draft.account.is_none() {
            draft.account.clone_from(&self.options.account);
        }
        if draft.platforms.is_none() {
            draft.platforms = self
                .format
                .platform()
                .or(self.options.platform)
                .map(|platform| vec![platform]);
        }
        let checked = crate::wire::check_size(&draft)
            .map_err(|error| RecordError::from_input(locator, error).with_id(draft.id.clone()));
        self.hand_out(Entry::Record(checked.map(|()| ArchivedPost {
            locator,
            draft,
            notes,
        })));
    }

    fn error(&mut self, error: RecordError) {
        self.hand_out(Entry::Record(Err(error)));
    }

    fn skip(&mut self, locator: RecordLocator, id: Option<String>, reason: SkipReason) {
        self.hand_out(Entry::Skipped(SkippedRecord {
            locator,
            id,
            reason,
        }));
    }
}

/// Regression fixtures of `examples/archives/regressions/`, read as `freigabe batch` would.
#[cfg(test)]
pub(crate) mod regressions {
    use super::{Archive, ArchiveFormat, ArchiveOptions, read};

    /// The fixture `name`, format detected.
    pub(crate) fn read_fixture(name: &str) -> Archive {
        read_fixture_as(name, None)
    }

    /// The fixture `name` read as `format` (`None`: detected).
    pub(crate) fn read_fixture_as(name: &str, format: Option<ArchiveFormat>) -> Archive {
        let path = format!(
            "{}/../examples/archives/regressions/{name}",
            env!("CARGO_MANIFEST_DIR")
        );
        let bytes = std::fs::read(&path).unwrap();
        let options = ArchiveOptions {
            format,
            ..ArchiveOptions::default()
        };
        read(&path, &bytes, &options).unwrap()
    }

    /// The texts of its posts; a record error fails the test.
    pub(crate) fn texts(archive: &Archive) -> Vec<&str> {
        archive
            .records
            .iter()
            .map(|record| record.as_ref().unwrap().draft.text.as_str())
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lang::Lang;

    #[test]
    fn detects_by_content_before_name() {
        let cases: [(&str, &[u8], ArchiveFormat); 7] = [
            (
                "data/tweets.js",
                b"window.YTD.tweets.part0 = []",
                ArchiveFormat::X,
            ),
            (
                "export.json",
                br#"{"type": "OrderedCollection", "orderedItems": []}"#,
                ArchiveFormat::Mastodon,
            ),
            (
                "p.json",
                br#"[{"timestamp": 1, "data": []}]"#,
                ArchiveFormat::Facebook,
            ),
            (
                "p.json",
                br#"[{"media": [{"uri": "a.jpg"}]}]"#,
                ArchiveFormat::Instagram,
            ),
            ("posts.csv", b"text\nHallo", ArchiveFormat::Csv),
            (
                "-",
                b"{\"text\": \"a\"}\n{\"text\": \"b\"}",
                ArchiveFormat::Jsonl,
            ),
            ("posts.jsonl", b"", ArchiveFormat::Jsonl),
        ];
        for (name, bytes, expected) in cases {
            assert_eq!(detect(name, bytes).unwrap(), expected, "{name}");
        }
    }

    #[test]
    fn unknown_shape_names_each_shape_tried_and_why() {
        let error = detect("notes.txt", b"Liebe Leute, hallo").unwrap_err();
        assert_eq!(error.kind, ArchiveErrorKind::UnknownFormat);
        assert_eq!(
            error.message.get(Lang::De),
            "Archivformat nicht erkannt; versucht: X-Archiv: beginnt nicht mit `window.YTD.` und ist keine JSON-Liste; Mastodon-Outbox: kein JSON-Objekt; Facebook-Export: keine JSON-Liste; Instagram-Export: keine JSON-Liste; JSONL: kein JSON-Objekt; CSV: nur am Dateinamen `.csv`/`.tsv` erkannt"
        );
        let error = detect("x.json", br#"[{"foo": 1}]"#).unwrap_err();
        assert_eq!(
            error.message.get(Lang::En),
            "archive format not recognised; tried: X archive: the list's first entry has no `tweet` and no `full_text`; Mastodon outbox: not a JSON object; Facebook export: the list's first entry has no `timestamp`, `data` or `attachments`; Instagram export: the list's first entry has no `media`; JSONL: not a JSON object; CSV: recognised by a `.csv`/`.tsv` file name only"
        );
    }

    /// What broke: a pretty-printed or broken JSON object was taken for JSON Lines, and a
    /// single-line one for one draft ("too-large"); now detection says why it is neither.
    #[test]
    fn a_json_object_that_is_neither_outbox_nor_jsonl_is_not_guessed() {
        let pretty = b"{\n  \"type\": \"OrderedCollection\",\n  \"items\": []\n}";
        let error = detect("outbox.json", pretty).unwrap_err();
        let message = error.message.get(Lang::En);
        assert!(
            message.contains("Mastodon outbox: no `orderedItems`; "),
            "{message}"
        );
        assert!(
            message.contains("JSONL: the first line is not a whole JSON object ("),
            "{message}"
        );
        let broken = br#"{"orderedItems": [{"type": "Create"}"#;
        let message = detect("outbox.json", broken)
            .unwrap_err()
            .message
            .get(Lang::De)
            .to_owned();
        assert!(
            message.contains("Mastodon-Outbox: kein gültiges JSON-Objekt (Zeile 1: "),
            "{message}"
        );
        // One draft on one line is JSON Lines.
        assert_eq!(
            detect("-", br#"{"text": "Hallo"}"#).unwrap(),
            ArchiveFormat::Jsonl
        );
    }

    #[test]
    fn format_names_round_trip_and_typos_are_explained() {
        for format in ArchiveFormat::ALL {
            assert_eq!(format.as_str().parse::<ArchiveFormat>().unwrap(), format);
        }
        let error = "mastodn".parse::<ArchiveFormat>().unwrap_err();
        assert_eq!(
            error.help.unwrap().get(Lang::En),
            "did you mean `mastodon`?"
        );
    }

    #[test]
    fn a_json_export_that_is_not_utf8_is_located() {
        let options = ArchiveOptions {
            format: Some(ArchiveFormat::Facebook),
            ..ArchiveOptions::default()
        };
        let error = read("p.json", b"[\n  {\"a\": \"\xfc\"}]", &options).unwrap_err();
        assert_eq!(error.kind, ArchiveErrorKind::Syntax);
        assert_eq!(error.position, Some((2, 10)));
    }

    #[test]
    fn media_kind_follows_the_file_extension() {
        assert_eq!(media_kind_from_file("media/posts/1.jpg"), MediaKind::Image);
        assert_eq!(media_kind_from_file("media/reels/2.MP4"), MediaKind::Video);
        assert_eq!(media_kind_from_file("https://a/b.gif?x=1"), MediaKind::Gif);
    }
}
