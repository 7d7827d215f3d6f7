//! JSON arrays of records, each kept as its raw text with the line and column it starts on,
//! so a broken record is reported at its place and the records around it are still read.

use std::borrow::Cow;
use std::cell::Cell;
use std::fmt;
use std::io::Read;
use std::ops::ControlFlow;

use jiff::Timestamp;
use serde::Deserialize;
use serde::de::{
    DeserializeSeed, Deserializer, Error as _, IgnoredAny, MapAccess, SeqAccess, Visitor,
};
use serde_json::value::RawValue;

use super::{
    ArchiveError, ArchiveFormat, RecordError, RecordErrorKind, RecordLocator, not_utf8, read_error,
    record_too_large,
};
use crate::error::MAX_DRAFT_BYTES;
use crate::policy::{Localized, localized};
use crate::serde_errors::describe;

/// One record of a JSON array.
#[derive(Debug)]
pub(super) struct Element<'a> {
    /// The record's JSON text.
    pub raw: &'a str,
    pub locator: RecordLocator,
    /// 1-based line and column where the record starts.
    pub start: (usize, usize),
}

impl<'a> Element<'a> {
    /// Parses the record into the format's type; an error is located in the file.
    pub fn parse<T: Deserialize<'a>>(&self, format: ArchiveFormat) -> Result<T, RecordError> {
        serde_json::from_str(self.raw)
            .map_err(|e| RecordError::json(self.locator, &e, self.start, format_label(format)))
    }

    /// A value nested in this record (X's `{"tweet": {…}}`), as a record of its own place.
    pub fn nested(&self, inner: &'a RawValue) -> Element<'a> {
        let raw = inner.get();
        let offset = (raw.as_ptr() as usize)
            .saturating_sub(self.raw.as_ptr() as usize)
            .min(self.raw.len());
        let before = self.raw.get(..offset).unwrap_or_default();
        let start = match before.rsplit_once('\n') {
            None => (self.start.0, self.start.1 + before.chars().count()),
            Some((above, last_line)) => (
                self.start.0 + above.matches('\n').count() + 1,
                last_line.chars().count() + 1,
            ),
        };
        Element {
            raw,
            locator: self.locator,
            start,
        }
    }
}

impl Element<'_> {
    /// A time stamp in unix seconds (Meta exports), or an error at this record.
    pub fn unix_time(&self, seconds: i64, field: &str) -> Result<Timestamp, RecordError> {
        Timestamp::from_second(seconds).map_err(|_| {
            RecordError::new(
                self.locator,
                RecordErrorKind::InvalidTime,
                localized!(
                    de: "`{field}` {seconds} ist kein gültiger Zeitpunkt",
                    en: "`{field}` {seconds} is not a valid point in time",
                ),
                Localized::new(
                    "Erwartet: Sekunden seit 1970 (Unix-Zeit), wie der Export sie schreibt",
                    "expected: seconds since 1970 (unix time), as the export writes them",
                ),
            )
        })
    }
}

fn format_label(format: ArchiveFormat) -> &'static str {
    match format {
        ArchiveFormat::Facebook => "Facebook",
        ArchiveFormat::Instagram => "Instagram",
        ArchiveFormat::X => "X",
        ArchiveFormat::Mastodon => "Mastodon",
        ArchiveFormat::Jsonl | ArchiveFormat::Csv => "JSON",
    }
}

/// Where an export's JSON starts in its file (X's `window.YTD.tweets.part0 = ` comes first):
/// 1-based line and column of its first byte.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Origin {
    pub line: usize,
    pub column: usize,
}

impl Origin {
    /// JSON right after `prefix`.
    pub fn after(prefix: &[u8]) -> Origin {
        let prefix = String::from_utf8_lossy(prefix);
        let last_line = prefix.rsplit('\n').next().unwrap_or_default();
        Origin {
            line: prefix.matches('\n').count() + 1,
            column: last_line.chars().count() + 1,
        }
    }

    /// A position serde gives inside the JSON, as a position in the whole file.
    fn shift(self, (line, column): (usize, usize)) -> (usize, usize) {
        if line == 1 {
            (self.line, column + self.column - 1)
        } else {
            (line + self.line - 1, column)
        }
    }
}

/// Whether the records are the elements of a top-level list or of an outbox's `orderedItems`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Shape {
    List,
    Outbox,
}

/// Reads the records of a JSON export one at a time from `input` and hands each to `each`,
/// which may stop the read. Only one record is held at a time (at most
/// [`MAX_RECORD_BYTES`]), so an export of any size is read in bounded memory. Returns whether
/// an outbox had `orderedItems`. The file's syntax is checked as it is read: records before a
/// syntax error have been handed out when the error comes.
pub(super) fn stream(
    input: impl Read,
    origin: Origin,
    format: ArchiveFormat,
    shape: Shape,
    each: &mut dyn FnMut(&Element<'_>) -> ControlFlow<()>,
) -> Result<bool, ArchiveError> {
    let spot = Cell::new(Spot {
        line: origin.line,
        column: origin.column,
        ..Spot::default()
    });
    let mut deserializer = serde_json::Deserializer::from_reader(Tracked::new(input, &spot));
    let mut walk = Walk {
        spot: &spot,
        each,
        count: 0,
        stopped: false,
        has_items: false,
    };
    let walked = match shape {
        Shape::List => serde::Deserializer::deserialize_seq(&mut deserializer, &mut walk),
        Shape::Outbox => serde::Deserializer::deserialize_map(&mut deserializer, Outbox(&mut walk)),
    };
    if walk.stopped {
        return Ok(walk.has_items);
    }
    walked
        .and_then(|()| deserializer.end())
        .map_err(|error| stream_error(error, origin, format))?;
    Ok(walk.has_items)
}

/// Largest record of a JSON export read: four times a draft's text limit leaves room for the
/// markup around it (entities, attachments). A larger record stops the read; it is what
/// bounds the memory one record can take.
pub(super) const MAX_RECORD_BYTES: usize = 4 * MAX_DRAFT_BYTES;

/// The error of a streaming read: our reader's own (not UTF-8, a record too large, the input
/// failing) or serde's syntax error, moved into the whole file.
fn stream_error(error: serde_json::Error, origin: Origin, format: ArchiveFormat) -> ArchiveError {
    if !error.is_io() {
        let mut archive_error = ArchiveError::json(&error, &format.expected());
        archive_error.position = archive_error.position.map(|at| origin.shift(at));
        return archive_error;
    }
    let io_error = std::io::Error::from(error);
    match io_error
        .get_ref()
        .and_then(|inner| inner.downcast_ref::<Stop>())
    {
        Some(Stop::NotUtf8(position)) => not_utf8(format, *position),
        Some(Stop::TooLarge(line)) => record_too_large(*line, MAX_RECORD_BYTES),
        None => read_error(&io_error),
    }
}

/// What the reader under serde stops at.
#[derive(Debug)]
enum Stop {
    /// The first byte that is not UTF-8, at this line and column.
    NotUtf8((usize, usize)),
    /// A record starting on this line is larger than [`MAX_RECORD_BYTES`].
    TooLarge(usize),
}

impl fmt::Display for Stop {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Stop::NotUtf8((line, column)) => write!(f, "not UTF-8 at {line}:{column}"),
            Stop::TooLarge(line) => write!(f, "record at line {line} too large"),
        }
    }
}

impl std::error::Error for Stop {}

/// Where the reader is: the line and column of the next byte, of the last byte handed out,
/// and of the record being read.
#[derive(Debug, Clone, Copy, Default)]
struct Spot {
    line: usize,
    column: usize,
    last: (usize, usize),
    /// Bytes handed out.
    offset: usize,
    /// Offset and line of the record being read, if one is.
    record: Option<(usize, usize)>,
}

/// The bytes serde reads, with their positions counted and their UTF-8 checked on the way:
/// serde pulls one byte at a time, so the position of the last byte it took is the start of
/// the value it is about to read.
struct Tracked<'s, R> {
    inner: R,
    buffer: Box<[u8]>,
    /// Bytes in the buffer, bytes handed out, bytes known to be UTF-8.
    len: usize,
    pos: usize,
    valid: usize,
    eof: bool,
    /// The byte at `valid` is not UTF-8.
    broken: bool,
    spot: &'s Cell<Spot>,
}

impl<'s, R: Read> Tracked<'s, R> {
    fn new(inner: R, spot: &'s Cell<Spot>) -> Self {
        Tracked {
            inner,
            buffer: vec![0; 64 * 1024].into_boxed_slice(),
            len: 0,
            pos: 0,
            valid: 0,
            eof: false,
            broken: false,
            spot,
        }
    }

    /// Reads more, keeping an incomplete UTF-8 sequence at the end for the next bytes.
    fn refill(&mut self) -> std::io::Result<()> {
        self.buffer.copy_within(self.pos..self.len, 0);
        self.len -= self.pos;
        self.pos = 0;
        let read = loop {
            match self.inner.read(&mut self.buffer[self.len..]) {
                Ok(read) => break read,
                Err(error) if error.kind() == std::io::ErrorKind::Interrupted => {}
                Err(error) => return Err(error),
            }
        };
        self.len += read;
        self.eof = read == 0;
        match std::str::from_utf8(&self.buffer[..self.len]) {
            Ok(_) => self.valid = self.len,
            Err(error) => {
                self.valid = error.valid_up_to();
                self.broken = error.error_len().is_some() || self.eof;
            }
        }
        Ok(())
    }
}

impl<R: Read> Read for Tracked<'_, R> {
    fn read(&mut self, out: &mut [u8]) -> std::io::Result<usize> {
        loop {
            if self.pos < self.valid {
                let count = out.len().min(self.valid - self.pos);
                let bytes = &self.buffer[self.pos..self.pos + count];
                out[..count].copy_from_slice(bytes);
                self.pos += count;
                let mut spot = self.spot.get();
                for &byte in bytes {
                    spot.last = (spot.line, spot.column);
                    if byte == b'\n' {
                        spot.line += 1;
                        spot.column = 1;
                    } else if byte & 0xC0 != 0x80 {
                        spot.column += 1;
                    }
                }
                spot.offset += count;
                self.spot.set(spot);
                if let Some((start, line)) = spot.record
                    && spot.offset - start > MAX_RECORD_BYTES
                {
                    return Err(std::io::Error::other(Stop::TooLarge(line)));
                }
                return Ok(count);
            }
            if self.broken {
                let spot = self.spot.get();
                return Err(std::io::Error::new(
                    std::io::ErrorKind::InvalidData,
                    Stop::NotUtf8((spot.line, spot.column)),
                ));
            }
            if self.eof && self.pos == self.len {
                return Ok(0);
            }
            self.refill()?;
        }
    }
}

/// The state of a streaming read that serde's visitors share.
struct Walk<'w> {
    spot: &'w Cell<Spot>,
    each: &'w mut dyn FnMut(&Element<'_>) -> ControlFlow<()>,
    /// Records handed out.
    count: usize,
    /// `each` asked to stop.
    stopped: bool,
    /// An outbox's `orderedItems` was found.
    has_items: bool,
}

impl<'de> Visitor<'de> for &mut Walk<'_> {
    type Value = ();

    fn expecting(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        formatter.write_str("a sequence")
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
        while let Some((start, raw)) = seq.next_element_seed(RecordSeed(self.spot))? {
            self.count += 1;
            let element = Element {
                raw: raw.get(),
                locator: RecordLocator {
                    record: self.count,
                    line: Some(start.0),
                },
                start,
            };
            if (self.each)(&element).is_break() {
                self.stopped = true;
                return Err(A::Error::custom("stopped"));
            }
        }
        Ok(())
    }
}

impl<'de> DeserializeSeed<'de> for &mut Walk<'_> {
    type Value = ();

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<(), D::Error> {
        deserializer.deserialize_seq(self)
    }
}

/// One record's raw JSON and the line and column it starts on.
struct RecordSeed<'s>(&'s Cell<Spot>);

impl<'de> DeserializeSeed<'de> for RecordSeed<'_> {
    type Value = ((usize, usize), Box<RawValue>);

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Self::Value, D::Error> {
        // serde has taken the record's first byte to see what comes: it is the last one out.
        let mut spot = self.0.get();
        let start = spot.last;
        spot.record = Some((spot.offset.saturating_sub(1), start.0));
        self.0.set(spot);
        let raw = Box::<RawValue>::deserialize(deserializer)?;
        let mut spot = self.0.get();
        spot.record = None;
        self.0.set(spot);
        Ok((start, raw))
    }
}

/// What reading an outbox does with each `orderedItems` value.
pub(super) trait OrderedItems<'de> {
    fn read_items<A: MapAccess<'de>>(&mut self, map: &mut A) -> Result<(), A::Error>;
}

/// A Mastodon outbox's top level: each `orderedItems` value goes to the reader, the other
/// keys are skipped unread. Mastodon 4.2 and 4.3 write some keys twice (`"orderedItems":
/// []` before the real list, a second `@context`; mastodon#30587, mastodon#31091), so the
/// keys are not collected into a struct: the empty list adds nothing, and the records are
/// those of the list that has them.
pub(super) struct Outbox<R>(pub R);

impl<'de, R: OrderedItems<'de>> Visitor<'de> for Outbox<R> {
    type Value = ();

    fn expecting(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        formatter.write_str("a JSON object")
    }

    fn visit_map<A: MapAccess<'de>>(mut self, mut map: A) -> Result<(), A::Error> {
        while let Some(key) = map.next_key::<Cow<'de, str>>()? {
            if key == "orderedItems" {
                self.0.read_items(&mut map)?;
            } else {
                map.next_value::<IgnoredAny>()?;
            }
        }
        Ok(())
    }
}

/// The records of the outbox, walked one at a time.
impl<'de> OrderedItems<'de> for &mut Walk<'_> {
    fn read_items<A: MapAccess<'de>>(&mut self, map: &mut A) -> Result<(), A::Error> {
        self.has_items = true;
        map.next_value_seed(&mut **self)
    }
}

/// What a JSON array's first element says about the export it comes from. An empty list
/// is read by the file name (Instagram's `posts_1.json`), else as Facebook: no records
/// either way. `Err(Some(why))` when the text is no JSON list of objects, `Err(None)` when
/// its first entry has none of the fields of a list format.
///
/// `complete` says whether `text` is the whole file; of the beginning of a larger one only
/// the first entry is read.
pub(super) fn detect_array(
    file_name: &str,
    text: &[u8],
    complete: bool,
) -> Result<ArchiveFormat, Option<Localized>> {
    #[derive(Deserialize)]
    struct Fields {
        tweet: Option<IgnoredAny>,
        full_text: Option<IgnoredAny>,
        media: Option<IgnoredAny>,
        timestamp: Option<IgnoredAny>,
        data: Option<IgnoredAny>,
        attachments: Option<IgnoredAny>,
    }
    let first = if complete {
        serde_json::from_slice::<Vec<&RawValue>>(text).map(|items| items.first().copied())
    } else {
        first_entry(text)
    };
    let first = first.map_err(|error| {
        let described = describe(&error.to_string(), "JSON").message;
        let line = error.line();
        Some(Localized::new(
            format!("keine gültige JSON-Liste (Zeile {line}: {})", described.de),
            format!("not a valid JSON list (line {line}: {})", described.en),
        ))
    })?;
    let Some(first) = first else {
        let lowered = file_name.to_ascii_lowercase();
        return Ok(
            if lowered.contains("instagram") || lowered.ends_with("posts_1.json") {
                ArchiveFormat::Instagram
            } else {
                ArchiveFormat::Facebook
            },
        );
    };
    let fields: Fields = serde_json::from_str(first.get()).map_err(|_| {
        Some(Localized::new(
            "der erste Eintrag der Liste ist kein JSON-Objekt",
            "the list's first entry is not a JSON object",
        ))
    })?;
    if fields.tweet.is_some() || fields.full_text.is_some() {
        Ok(ArchiveFormat::X)
    } else if fields.timestamp.is_some() || fields.data.is_some() || fields.attachments.is_some() {
        Ok(ArchiveFormat::Facebook)
    } else if fields.media.is_some() {
        Ok(ArchiveFormat::Instagram)
    } else {
        Err(None)
    }
}

/// The first entry of the JSON list `text` begins with.
fn first_entry(text: &[u8]) -> Result<Option<&RawValue>, serde_json::Error> {
    let text = text.trim_ascii_start();
    let rest = text.strip_prefix(b"[").unwrap_or(text).trim_ascii_start();
    if rest.starts_with(b"]") {
        return Ok(None);
    }
    serde_json::Deserializer::from_slice(rest)
        .into_iter::<&RawValue>()
        .next()
        .transpose()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A record's raw text, number and start.
    type Found = (String, usize, (usize, usize));

    /// Each record's raw text and start, and the error of the read if any.
    fn streamed(
        text: &str,
        origin: Origin,
        shape: Shape,
    ) -> (Vec<Found>, Result<bool, ArchiveError>) {
        let mut found = Vec::new();
        let result = stream(
            text.as_bytes(),
            origin,
            ArchiveFormat::X,
            shape,
            &mut |element| {
                found.push((
                    element.raw.to_owned(),
                    element.locator.record,
                    element.start,
                ));
                ControlFlow::Continue(())
            },
        );
        (found, result)
    }

    #[test]
    fn records_know_the_line_and_column_they_start_on() {
        let whole = "x = [\n  {\"a\": 1},\n  {\"b\": 2}, {\"c\": 3}\n]";
        let origin = Origin::after(&whole.as_bytes()[..4]);
        let (found, result) = streamed(&whole[4..], origin, Shape::List);
        result.unwrap();
        let starts: Vec<_> = found.iter().map(|e| e.2).collect();
        assert_eq!(starts, [(2, 3), (3, 3), (3, 13)]);
        assert_eq!(found[2].0, "{\"c\": 3}");
        assert_eq!(found[2].1, 3);
    }

    #[test]
    fn syntax_errors_are_placed_in_the_whole_file() {
        let whole = "x = [{\"a\": }]";
        let origin = Origin::after(&whole.as_bytes()[..4]);
        let error = streamed(&whole[4..], origin, Shape::List).1.unwrap_err();
        assert_eq!(error.position, Some((1, 12)));
    }

    #[test]
    fn records_before_a_syntax_error_are_handed_out() {
        let (found, result) = streamed(
            "[{\"a\": \"ü\"},\n {\"b\" 2}]",
            Origin::after(b""),
            Shape::List,
        );
        assert_eq!(found.len(), 1);
        assert_eq!(result.unwrap_err().position, Some((2, 7)));
    }

    #[test]
    fn a_byte_that_is_not_utf8_stops_the_read_at_its_place() {
        let mut found = 0;
        let error = stream(
            &b"[{\"a\": 1},\n  {\"a\": \"\xfc\"}]"[..],
            Origin::after(b""),
            ArchiveFormat::Facebook,
            Shape::List,
            &mut |_| {
                found += 1;
                ControlFlow::Continue(())
            },
        )
        .unwrap_err();
        assert_eq!(found, 1);
        assert_eq!(error.position, Some((2, 10)));
    }

    #[test]
    fn an_outbox_hands_out_the_items_of_its_lists_only() {
        let outbox = "{\"@context\": [{\"x\": 1}], \"orderedItems\": [],\n\"orderedItems\": [{\"type\": \"Like\"}]}";
        let (found, result) = streamed(outbox, Origin::after(b""), Shape::Outbox);
        assert!(result.unwrap());
        assert_eq!(found, [("{\"type\": \"Like\"}".to_owned(), 1, (2, 18))]);
        assert!(
            !streamed("{\"type\": \"Person\"}", Origin::after(b""), Shape::Outbox)
                .1
                .unwrap()
        );
    }

    #[test]
    fn a_record_larger_than_the_cap_stops_the_read() {
        let big = format!(
            "[{{\"a\": 1}},\n{{\"a\": \"{}\"}}]",
            "x".repeat(MAX_RECORD_BYTES)
        );
        let (found, result) = streamed(&big, Origin::after(b""), Shape::List);
        assert_eq!(found.len(), 1);
        let error = result.unwrap_err();
        assert_eq!(error.position, Some((2, 1)));
    }

    #[test]
    fn stopping_ends_the_read_without_error() {
        let mut found = 0;
        let result = stream(
            &b"[1, 2, 3, {"[..],
            Origin::after(b""),
            ArchiveFormat::X,
            Shape::List,
            &mut |_| {
                found += 1;
                ControlFlow::Break(())
            },
        );
        assert!(result.is_ok());
        assert_eq!(found, 1);
    }

    #[test]
    fn the_first_entry_of_a_list_beginning() {
        let begun = b"[ {\"tweet\": {\"id\": 1}}, {\"tweet\": ";
        assert_eq!(detect_array("t.js", begun, false), Ok(ArchiveFormat::X));
        assert!(detect_array("t.js", begun, true).is_err());
        assert_eq!(
            detect_array("posts_1.json", b" [ ]", false),
            Ok(ArchiveFormat::Instagram)
        );
    }
}
