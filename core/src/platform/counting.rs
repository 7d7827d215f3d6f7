//! Per-platform length counting, with the position where a text overflows.
//!
//! | platform | method |
//! |---|---|
//! | X | [`CountMethod::Weighted`]: twitter-text `parseTweet` (NFC, URLs = 23, emoji = 2, weighted code points) |
//! | Mastodon | [`CountMethod::Graphemes`] with `url_length: Some(23)` and short remote mentions |
//! | Bluesky | [`CountMethod::Graphemes`] (300) **and** [`CountMethod::Utf8Bytes`] (3000): two counts |
//! | Threads | [`CountMethod::CharsWithEmojiAsBytes`] |
//! | Instagram, Facebook, LinkedIn | [`CountMethod::Chars`] |
//!
//! Limits and parameters come from the platform data table; nothing here
//! hard-codes a platform's numbers except the published twitter-text configs.
//!
//! Emoji are recognised with the Unicode emoji properties (`Extended_Pictographic`,
//! `Emoji`, `Emoji_Modifier`, `Regional_Indicator`) of the regex crate's Unicode
//! tables (written out at build time, `text::regex_classes`), grouped into keycap,
//! flag, tag, modifier and ZWJ sequences (see [`Extractor::emoji_ranges`]).
//! twitter-text itself uses the Twemoji parser, whose list is a snapshot of one
//! Unicode version; the property-based grammar gives the same result on every
//! conformance case, also recognises emoji newer than a given Twemoji release,
//! and needs no extra dependency.

use std::borrow::Cow;
use std::cell::OnceCell;
use std::fmt;
use std::ops::Range;

use serde::Deserialize;
use unicode_normalization::char::canonical_combining_class;
use unicode_normalization::{IsNormalized, UnicodeNormalization, is_nfc_quick};

pub use crate::text::extract::TextScan;
use crate::text::extract::{
    Entity, EntityKind, Extractor, ascii_run_end, is_invalid_char, utf16_len,
};
use crate::text::graphemes::{Run, grapheme_runs};

/// A range of code points with its own weight (twitter-text config `ranges`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
pub struct WeightRange {
    /// First code point of the range.
    pub start: u32,
    /// Last code point of the range (inclusive).
    pub end: u32,
    /// Weight of each code point in the range, before dividing by `scale`.
    pub weight: u32,
}

/// twitter-text weighting configuration (`config/v2.json`, `config/v3.json`).
///
/// The maximum length is not part of it: limits come from the platform table.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WeightedConfig {
    /// Divisor turning summed weights into the reported length.
    pub scale: u32,
    /// Weight of code points outside every range (and of each emoji).
    pub default_weight: u32,
    /// Whether emoji sequences count as one unit of `default_weight`.
    pub emoji_parsing: bool,
    /// Length every URL counts as, regardless of its own length.
    pub transformed_url_length: u32,
    /// Code point ranges with their own weight; the first matching range wins.
    pub ranges: Vec<WeightRange>,
}

/// A twitter-text config file could not be used.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ConfigError {
    /// The JSON is malformed or misses a field.
    Json(String),
    /// `scale` is zero, which would divide by zero.
    ZeroScale,
}

impl fmt::Display for ConfigError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Json(message) => write!(f, "invalid twitter-text config: {message}"),
            Self::ZeroScale => f.write_str("invalid twitter-text config: scale must not be 0"),
        }
    }
}

impl std::error::Error for ConfigError {}

/// The JSON shape of twitter-text's config files.
#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct ConfigFile {
    scale: u32,
    default_weight: u32,
    #[serde(default)]
    emoji_parsing_enabled: bool,
    #[serde(rename = "transformedURLLength")]
    transformed_url_length: u32,
    #[serde(default)]
    ranges: Vec<WeightRange>,
}

impl WeightedConfig {
    /// twitter-text `config/v3.json`: v2 plus emoji sequences counting 2.
    #[must_use]
    pub fn v3() -> Self {
        Self {
            emoji_parsing: true,
            ..Self::v2()
        }
    }

    /// twitter-text `config/v2.json`: CJK and most symbols count 2, Latin 1, URLs 23.
    #[must_use]
    pub fn v2() -> Self {
        let range = |start, end| WeightRange {
            start,
            end,
            weight: 100,
        };
        Self {
            scale: 100,
            default_weight: 200,
            emoji_parsing: false,
            transformed_url_length: 23,
            ranges: vec![
                range(0, 4351),
                range(8192, 8205),
                range(8208, 8223),
                range(8242, 8247),
            ],
        }
    }

    /// Reads a twitter-text config file (`version` and `maxWeightedTweetLength` are ignored).
    ///
    /// # Errors
    /// Returns an error if the JSON does not have the config's shape or `scale` is 0.
    pub fn from_json(json: &str) -> Result<Self, ConfigError> {
        let file: ConfigFile =
            serde_json::from_str(json).map_err(|error| ConfigError::Json(error.to_string()))?;
        if file.scale == 0 {
            return Err(ConfigError::ZeroScale);
        }
        Ok(Self {
            scale: file.scale,
            default_weight: file.default_weight,
            emoji_parsing: file.emoji_parsing_enabled,
            transformed_url_length: file.transformed_url_length,
            ranges: file.ranges,
        })
    }

    /// The weight every ASCII character has, if they all have the same (the first range
    /// that reaches into ASCII covers all of it, or none does).
    fn ascii_weight(&self) -> Option<u64> {
        match self.ranges.iter().find(|range| range.start <= 0x7F) {
            None => Some(u64::from(self.default_weight)),
            Some(range) if range.start == 0 && range.end >= 0x7F => Some(u64::from(range.weight)),
            Some(_) => None,
        }
    }

    fn weight_of(&self, character: char) -> u64 {
        let code_point = u32::from(character);
        let weight = self
            .ranges
            .iter()
            .find(|range| (range.start..=range.end).contains(&code_point))
            .map_or(self.default_weight, |range| range.weight);
        u64::from(weight)
    }
}

/// How a platform measures text. Parameters come from our platform data table, not literals here.
#[derive(Debug, Clone, PartialEq)]
pub enum CountMethod {
    /// X: twitter-text weighted length.
    Weighted(WeightedConfig),
    /// Extended grapheme clusters (Mastodon, Bluesky).
    Graphemes {
        /// Every URL with `http://`/`https://` counts this many graphemes
        /// (Mastodon: 23); `None` counts URLs as written. Scheme-less URLs
        /// count as written, as in Mastodon's server-side
        /// `StatusLengthValidator` (its web composer also shortens them, but
        /// the server is what accepts or rejects a post).
        url_length: Option<u32>,
        /// `@user@domain` counts as `@user` (Mastodon).
        short_remote_mentions: bool,
    },
    /// UTF-8 bytes (Bluesky's second limit).
    Utf8Bytes,
    /// Unicode scalar values, but each emoji sequence counts its UTF-8 bytes (Threads).
    CharsWithEmojiAsBytes,
    /// Unicode scalar values (Instagram, Facebook, LinkedIn).
    Chars,
}

/// Result of counting a text against a limit.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Count {
    /// Length in the platform's unit.
    pub length: u64,
    /// Byte offset (in the original text, on a char boundary) of the first
    /// character that no longer fits within the limit; `None` if all fit.
    pub overflow_start: Option<usize>,
    /// `false` for X texts that are blank or contain U+FFFE, U+FEFF or U+FFFF;
    /// always `true` for other methods (an empty post may carry media).
    pub valid_text: bool,
}

/// The fields of twitter-text `parseTweet`, plus where the text overflows.
///
/// Ranges are in UTF-16 code units of the original text with inclusive ends,
/// exactly as twitter-text reports them (including its approximation for
/// texts that NFC changes).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParsedTweet {
    /// Weighted length (summed weights divided by `scale`).
    pub weighted_length: u64,
    /// Within the limit, not empty, and without invalid characters.
    pub valid: bool,
    /// Weighted length per thousand of the limit, rounded down.
    pub permillage: u64,
    /// Always 0.
    pub display_range_start: usize,
    /// Last UTF-16 index of the text (0 for an empty text).
    pub display_range_end: usize,
    /// Always 0.
    pub valid_range_start: usize,
    /// Last UTF-16 index of the part that fits (twitter-text's arithmetic).
    pub valid_range_end: usize,
    /// Byte offset in the original text of the first character past the limit.
    pub overflow_start: Option<usize>,
    /// The text contains U+FFFE, U+FEFF or U+FFFF outside URLs and emoji.
    pub has_invalid_characters: bool,
}

/// Parses a post like twitter-text `parseTweet` with `config` and limit `max`.
#[must_use]
pub fn parse_x(
    text: &str,
    config: &WeightedConfig,
    max: u32,
    extractor: &Extractor,
) -> ParsedTweet {
    parse_weighted(&TextScan::new(text, extractor), config, u64::from(max))
}

/// Counts `text` the way `method` does and finds where it exceeds `limit`.
#[must_use]
pub fn count(text: &str, method: &CountMethod, limit: u64, extractor: &Extractor) -> Count {
    count_scanned(&TextScan::new(text, extractor), method, limit)
}

/// Like [`count`], reusing the extraction results in `scan` across platforms.
#[must_use]
pub fn count_scanned(scan: &TextScan<'_>, method: &CountMethod, limit: u64) -> Count {
    let text = scan.text;
    match method {
        CountMethod::Weighted(config) => {
            let parsed = parse_weighted(scan, config, limit);
            Count {
                length: parsed.weighted_length,
                overflow_start: parsed.overflow_start,
                // twitter-text's Java parser (used server-side) treats blank as empty.
                valid_text: !parsed.has_invalid_characters && !text.trim().is_empty(),
            }
        }
        CountMethod::Graphemes {
            url_length,
            short_remote_mentions,
        } => count_graphemes(scan, *url_length, *short_remote_mentions, limit),
        CountMethod::Utf8Bytes => count_bytes(text, limit),
        CountMethod::CharsWithEmojiAsBytes => count_chars_with_emoji_bytes(scan, limit),
        CountMethod::Chars => count_chars(text, limit),
    }
}

fn parse_weighted(scan: &TextScan<'_>, config: &WeightedConfig, max: u64) -> ParsedTweet {
    let text = scan.text;
    let normalized = NfcText::new(text);
    let normalized_text = normalized.text.as_ref();
    // Most posts are already NFC: then the shared scan of the original serves.
    let already_nfc = matches!(normalized.text, Cow::Borrowed(_));
    let urls: Cow<'_, [Entity]> = if already_nfc {
        Cow::Borrowed(scan.urls())
    } else {
        Cow::Owned(scan.extractor.urls(normalized_text))
    };
    let emoji: Cow<'_, [Range<usize>]> = match (config.emoji_parsing, already_nfc) {
        (false, _) => Cow::Owned(Vec::new()),
        (true, true) => Cow::Borrowed(scan.emoji()),
        (true, false) => Cow::Owned(scan.extractor.emoji_ranges(normalized_text).collect()),
    };
    let scale = u64::from(config.scale.max(1));
    let scaled_max = max.saturating_mul(scale);
    let url_weight = u64::from(config.transformed_url_length) * scale;
    let ascii_weight = config.ascii_weight();

    let mut next_url = urls.iter().peekable();
    let mut next_emoji = emoji.iter().peekable();
    let mut tally = Tally {
        scaled_max,
        weighted: 0,
        utf16_index: 0,
        valid_display_index: 0,
        all_valid: true,
        overflow_start: None,
    };
    let mut position = 0;
    while position < normalized_text.len() {
        while next_url.next_if(|url| url.start < position).is_some() {}
        while next_emoji.next_if(|range| range.start < position).is_some() {}
        // ASCII up to the next URL or emoji: one weight per byte, nothing to look up.
        let url_start = next_url
            .peek()
            .map_or(normalized_text.len(), |url| url.start);
        let emoji_start = next_emoji
            .peek()
            .map_or(normalized_text.len(), |range| range.start);
        let entity_start = url_start.min(emoji_start);
        let before_entity = normalized_text
            .as_bytes()
            .get(..entity_start)
            .unwrap_or_default();
        let run_end = ascii_run_end(before_entity, position);
        let ascii_run = normalized_text
            .as_bytes()
            .get(position..run_end)
            .unwrap_or_default();
        let run_len = ascii_run.len();
        if let Some(weight) = ascii_weight {
            tally.add_run(weight, run_len, |into| {
                normalized.original_offset(position + into)
            });
        } else {
            for (into, &byte) in ascii_run.iter().enumerate() {
                // No ASCII character is invalid.
                tally.add(config.weight_of(char::from(byte)), 1, true, || {
                    normalized.original_offset(position + into)
                });
            }
        }
        if run_end > position {
            position = run_end;
            continue;
        }
        let Some(character) = normalized_text[position..].chars().next() else {
            break;
        };
        let (end, weight) = if let Some(url) = next_url.next_if(|url| url.start == position) {
            (url.end, url_weight)
        } else if let Some(range) = next_emoji.next_if(|range| range.start == position) {
            (range.end, u64::from(config.default_weight))
        } else {
            (position + character.len_utf8(), config.weight_of(character))
        };
        // twitter-text checks only the last code unit it stepped onto.
        let (utf16_units, last) = if end == position + character.len_utf8() {
            // One character, most of the text: no need to re-read it.
            (character.len_utf16(), Some(character))
        } else {
            let unit = &normalized_text[position..end];
            (utf16_len(unit), unit.chars().next_back())
        };
        tally.add(
            weight,
            utf16_units,
            !last.is_some_and(is_invalid_char),
            || normalized.original_offset(position),
        );
        position = end;
    }
    let Tally {
        weighted,
        utf16_index,
        valid_display_index,
        all_valid,
        overflow_start,
        ..
    } = tally;

    let weighted_length = weighted / scale;
    let valid = all_valid && weighted > 0 && weighted <= scaled_max;
    // Same floating-point formula as twitter-text, so rounding agrees.
    let permillage = if max == 0 {
        0
    } else {
        ((weighted as f64 / scale as f64) / max as f64 * 1000.0).floor() as u64
    };
    // The units of an NFC text are the original's, so their code units are its length.
    let original_utf16 = if already_nfc {
        utf16_index
    } else {
        utf16_len(text)
    };
    let normalization_offset = original_utf16 as i64 - utf16_index as i64;
    let valid_range_end =
        usize::try_from(valid_display_index as i64 + normalization_offset).unwrap_or(0);
    ParsedTweet {
        weighted_length,
        valid,
        permillage,
        display_range_start: 0,
        display_range_end: original_utf16.saturating_sub(1),
        valid_range_start: 0,
        valid_range_end,
        overflow_start,
        has_invalid_characters: !all_valid,
    }
}

/// The running totals of [`parse_weighted`], kept as twitter-text keeps them.
struct Tally {
    scaled_max: u64,
    weighted: u64,
    utf16_index: usize,
    /// UTF-16 index of the last code unit within the limit while every unit was valid.
    valid_display_index: usize,
    all_valid: bool,
    /// Original byte offset of the first unit past the limit.
    overflow_start: Option<usize>,
}

impl Tally {
    /// Adds one unit (a character, URL or emoji) of `weight` and `utf16_units` code units;
    /// `start` gives its original offset, asked for only if it is the first past the limit.
    fn add(&mut self, weight: u64, utf16_units: usize, valid: bool, start: impl FnOnce() -> usize) {
        self.weighted += weight;
        self.utf16_index += utf16_units;
        self.all_valid &= valid;
        if self.weighted <= self.scaled_max {
            if self.all_valid {
                self.valid_display_index = self.utf16_index - 1;
            }
        } else if self.overflow_start.is_none() {
            self.overflow_start = Some(start());
        }
    }

    /// [`Tally::add`] for `count` valid units of one UTF-16 code unit and `weight` each
    /// (a run of ASCII) in one step; `start(k)` is the original offset of unit `k`.
    fn add_run(&mut self, weight: u64, count: usize, start: impl FnOnce(usize) -> usize) {
        if count == 0 {
            return;
        }
        let room = self.scaled_max.checked_sub(self.weighted);
        // How many of the units still fit: the weight only grows.
        let fitting = match room {
            None => 0,
            Some(_) if weight == 0 => count,
            Some(room) => usize::try_from(room / weight).map_or(count, |n| n.min(count)),
        };
        if fitting > 0 && self.all_valid {
            self.valid_display_index = self.utf16_index + fitting - 1;
        }
        if fitting < count && self.overflow_start.is_none() {
            self.overflow_start = Some(start(fitting));
        }
        self.weighted += weight * count as u64;
        self.utf16_index += count;
    }
}

/// A text in NFC with a way back to offsets in the original.
struct NfcText<'a> {
    text: Cow<'a, str>,
    original: &'a str,
    /// `(normalized start, original start)` of independently normalized segments, found
    /// when first asked (only a text that overflows needs them); empty when the original
    /// already was NFC.
    segments: OnceCell<Vec<(usize, usize)>>,
}

impl<'a> NfcText<'a> {
    fn new(original: &'a str) -> Self {
        let text = if is_nfc_quick_outside_ascii(original) {
            Cow::Borrowed(original)
        } else {
            Cow::Owned(nfc_outside_ascii(original))
        };
        Self {
            text,
            original,
            segments: OnceCell::new(),
        }
    }

    /// Splits the original where NFC starts afresh and normalizes each piece on its own.
    fn segments(&self) -> &[(usize, usize)] {
        self.segments.get_or_init(|| {
            let mut segments = Vec::new();
            if matches!(self.text, Cow::Borrowed(_)) {
                return segments;
            }
            let original = self.original;
            let mut normalized_len = 0;
            let mut segment_start = 0;
            for (offset, character) in original.char_indices() {
                if offset > segment_start && is_nfc_boundary_before(character) {
                    segments.push((normalized_len, segment_start));
                    normalized_len += original[segment_start..offset]
                        .nfc()
                        .map(char::len_utf8)
                        .sum::<usize>();
                    segment_start = offset;
                }
            }
            segments.push((normalized_len, segment_start));
            segments
        })
    }

    /// Original offset of the segment containing normalized offset `normalized`.
    fn original_offset(&self, normalized: usize) -> usize {
        let segments = self.segments();
        if segments.is_empty() {
            return normalized;
        }
        let index = segments
            .partition_point(|&(start, _)| start <= normalized)
            .saturating_sub(1);
        segments.get(index).map_or(0, |&(_, original)| original)
    }
}

/// `text` in NFC, normalizing only what may change: NFC starts afresh before every ASCII
/// character (see `is_nfc_boundary_before`), and a piece that is one ASCII character stays
/// as it is, so only each run of other characters, with the ASCII character before it
/// (`e` + U+0301 is `é`), goes through the normalizer.
fn nfc_outside_ascii(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut normalized = String::with_capacity(text.len());
    let mut position = 0;
    while position < text.len() {
        let other = ascii_run_end(bytes, position);
        let piece_start = if other > position { other - 1 } else { other };
        normalized.push_str(&text[position..piece_start]);
        let piece_end = text[other..]
            .find(|character: char| character.is_ascii())
            .map_or(text.len(), |offset| other + offset);
        normalized.extend(text[piece_start..piece_end].nfc());
        position = piece_end;
    }
    normalized
}

/// `is_nfc_quick(text) == Yes`, checking only the runs of characters outside ASCII: an
/// ASCII character is NFC and a starter, so the check starts afresh after one.
fn is_nfc_quick_outside_ascii(text: &str) -> bool {
    let bytes = text.as_bytes();
    let mut position = ascii_run_end(bytes, 0);
    while position < text.len() {
        let run = &text[position..];
        let run_len = run
            .find(|character: char| character.is_ascii())
            .unwrap_or(run.len());
        if is_nfc_quick(run[..run_len].chars()) != IsNormalized::Yes {
            return false;
        }
        position = ascii_run_end(bytes, position + run_len);
    }
    true
}

/// NFC never combines or reorders across a starter that cannot compose with
/// what precedes it, so text can be normalized piecewise at such characters.
fn is_nfc_boundary_before(character: char) -> bool {
    canonical_combining_class(character) == 0
        && is_nfc_quick(std::iter::once(character)) == IsNormalized::Yes
}

/// One piece of a text rewritten for counting.
struct Piece {
    /// Start in the rewritten text.
    rewritten: usize,
    /// Start in the original text.
    original: usize,
    /// Copied from the original (offsets inside map 1:1) or a placeholder.
    verbatim: bool,
}

fn count_graphemes(
    scan: &TextScan<'_>,
    url_length: Option<u32>,
    short_remote_mentions: bool,
    limit: u64,
) -> Count {
    let text = scan.text;
    let mut entities: Vec<(Entity, Option<usize>)> = Vec::new();
    if url_length.is_some() {
        let has_scheme = |url: &Entity| {
            let url_text = url.as_str(text).as_bytes();
            url_text
                .get(..7)
                .is_some_and(|p| p.eq_ignore_ascii_case(b"http://"))
                || url_text
                    .get(..8)
                    .is_some_and(|p| p.eq_ignore_ascii_case(b"https://"))
        };
        entities.extend(
            scan.urls()
                .iter()
                .filter(|url| has_scheme(url))
                .map(|url| (url.clone(), None)),
        );
    }
    if short_remote_mentions {
        entities.extend(
            scan.remote_mentions()
                .iter()
                .map(|(mention, user_end)| (mention.clone(), Some(*user_end))),
        );
    }
    if entities.is_empty() {
        return count_clusters(text, limit);
    }
    // Mastodon's `remove_overlapping_entities`: sorted by start, the earlier one wins.
    entities.sort_by_key(|(entity, _)| entity.start);
    let mut previous_end: Option<usize> = None;
    entities.retain(|(entity, _)| {
        let overlaps = previous_end.is_some_and(|end| end > entity.start);
        if !overlaps {
            previous_end = Some(entity.end);
        }
        !overlaps
    });

    let placeholder = "x".repeat(url_length.unwrap_or(0) as usize);
    let mut rewritten = String::with_capacity(text.len());
    let mut pieces = Vec::new();
    let mut copied_to = 0;
    for (entity, user_end) in &entities {
        pieces.push(Piece {
            rewritten: rewritten.len(),
            original: copied_to,
            verbatim: true,
        });
        rewritten.push_str(&text[copied_to..entity.start]);
        match (entity.kind, user_end) {
            (EntityKind::Mention, Some(user_end)) => {
                pieces.push(Piece {
                    rewritten: rewritten.len(),
                    original: entity.start,
                    verbatim: true,
                });
                rewritten.push_str(&text[entity.start..*user_end]);
            }
            _ => {
                pieces.push(Piece {
                    rewritten: rewritten.len(),
                    original: entity.start,
                    verbatim: false,
                });
                rewritten.push_str(&placeholder);
            }
        }
        copied_to = entity.end;
    }
    pieces.push(Piece {
        rewritten: rewritten.len(),
        original: copied_to,
        verbatim: true,
    });
    rewritten.push_str(&text[copied_to..]);

    let to_original = |offset: usize| {
        let index = pieces
            .partition_point(|piece| piece.rewritten <= offset)
            .saturating_sub(1);
        pieces.get(index).map_or(0, |piece| {
            if piece.verbatim {
                piece.original + (offset - piece.rewritten)
            } else {
                piece.original
            }
        })
    };
    let mut result = count_clusters(&rewritten, limit);
    result.overflow_start = result.overflow_start.map(to_original);
    result
}

fn count_bytes(text: &str, limit: u64) -> Count {
    // Summing the bytes of each character: the first one past the limit is the one that
    // holds byte `limit`.
    let overflow_start = usize::try_from(limit)
        .ok()
        .filter(|&limit| limit < text.len())
        .map(|limit| floor_char_boundary(text, limit));
    Count {
        length: text.len() as u64,
        overflow_start,
        valid_text: true,
    }
}

/// The largest character boundary at or before `index` (`index` < `text.len()`).
fn floor_char_boundary(text: &str, index: usize) -> usize {
    (0..=index)
        .rev()
        .find(|&i| text.is_char_boundary(i))
        .unwrap_or(0)
}

fn count_chars(text: &str, limit: u64) -> Count {
    // One unit per character: the first one past the limit is character number `limit`.
    let length = text.chars().count() as u64;
    let overflow_start = if length > limit {
        usize::try_from(limit)
            .ok()
            .and_then(|limit| text.char_indices().nth(limit))
            .map(|(offset, _)| offset)
    } else {
        None
    };
    Count {
        length,
        overflow_start,
        valid_text: true,
    }
}

fn count_chars_with_emoji_bytes(scan: &TextScan<'_>, limit: u64) -> Count {
    let text = scan.text;
    let mut emoji = scan.emoji().iter().cloned().peekable();
    let mut position = 0;
    let units = std::iter::from_fn(|| {
        let character = text[position..].chars().next()?;
        let start = position;
        if let Some(range) = emoji.next_if(|range| range.start == position) {
            position = range.end;
            Some((start, (range.end - range.start) as u64))
        } else {
            position += character.len_utf8();
            Some((start, 1))
        }
    });
    count_units(limit, units)
}

/// Grapheme clusters of `text` as units of one: [`count_units`] with a run of ASCII
/// clusters counted in one step.
fn count_clusters(text: &str, limit: u64) -> Count {
    let mut length: u64 = 0;
    let mut overflow_start = None;
    for run in grapheme_runs(text) {
        let (start, clusters) = match run {
            Run::Singles(start, singles) => (start, singles.len() as u64),
            Run::Cluster(start, _) => (start, 1),
        };
        if overflow_start.is_none() && length + clusters > limit {
            // Every cluster of a run is one byte: the first past the limit is this far in.
            overflow_start = usize::try_from(limit.saturating_sub(length))
                .ok()
                .map(|into| start + into);
        }
        length += clusters;
    }
    Count {
        length,
        overflow_start,
        valid_text: true,
    }
}

/// Sums `(offset, length)` units and records the offset of the first unit past `limit`.
fn count_units(limit: u64, units: impl IntoIterator<Item = (usize, u64)>) -> Count {
    let mut length: u64 = 0;
    let mut overflow_start = None;
    for (offset, unit_length) in units {
        length += unit_length;
        if overflow_start.is_none() && length > limit {
            overflow_start = Some(offset);
        }
    }
    Count {
        length,
        overflow_start,
        valid_text: true,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn extractor() -> Extractor {
        Extractor::new().unwrap()
    }

    fn mastodon() -> CountMethod {
        CountMethod::Graphemes {
            url_length: Some(23),
            short_remote_mentions: true,
        }
    }

    const BLUESKY_GRAPHEMES: CountMethod = CountMethod::Graphemes {
        url_length: None,
        short_remote_mentions: false,
    };

    const FAMILY: &str = "👨\u{200D}👩\u{200D}👧\u{200D}👦";

    #[test]
    fn utf16_len_is_that_of_encode_utf16() {
        for text in ["", "abc", "Grüße", "日本", FAMILY, "a\u{10FFFF}b\u{80}"] {
            assert_eq!(utf16_len(text), text.encode_utf16().count(), "{text}");
        }
    }

    // The whole text in NFC is its segments in NFC, one after the other.
    #[test]
    fn nfc_segments_add_up_to_the_whole() {
        for original in [
            "Cafe\u{301} am Rathausplatz, Me\u{308}hl, Grüße aus 日本",
            "e\u{301}\u{323}x\u{323}\u{301}",
            "\u{1100}\u{1161}\u{11A8} \u{1100}\u{1161}",
            "a\u{308}\u{301}b\u{30A}\u{30A}",
            "\u{212B}\u{2126} \u{F900}",
            "\u{301}a",
            "ab\u{301}c\u{327}\u{301}",
        ] {
            let nfc = NfcText::new(original);
            let segments = nfc.segments().to_vec();
            let mut pieces = String::new();
            for (index, &(normalized, start)) in segments.iter().enumerate() {
                assert_eq!(normalized, pieces.len(), "{original:?}");
                let end = segments.get(index + 1).map_or(original.len(), |s| s.1);
                pieces.extend(original[start..end].nfc());
            }
            assert_eq!(pieces, nfc.text, "{original:?}");
            assert_eq!(original.nfc().collect::<String>(), nfc.text, "{original:?}");
        }
    }

    // A run of ASCII counted in one step ends where adding one by one ends.
    #[test]
    fn overflow_inside_an_ascii_run() {
        let extractor = extractor();
        let config = WeightedConfig::v3();
        for limit in [0, 1, 5, 279, 280] {
            let text = format!("{}ä{}", "a".repeat(150), "b".repeat(200));
            let parsed = parse_x(&text, &config, limit, &extractor);
            let expected = text
                .char_indices()
                .nth(limit as usize)
                .map(|(offset, _)| offset);
            assert_eq!(parsed.overflow_start, expected, "{limit}");
            assert_eq!(parsed.weighted_length, 351);
        }
    }

    #[test]
    fn mastodon_url_counts_23() {
        let text = "Info: https://www.stadt-beispiel.de/rathaus/oeffnungszeiten-und-kontakt";
        let counted = count(text, &mastodon(), 500, &extractor());
        assert_eq!(counted.length, "Info: ".len() as u64 + 23);
        assert_eq!(counted.overflow_start, None);
    }

    #[test]
    fn mastodon_schemeless_url_counts_as_written() {
        let text = "Info: stadt-beispiel.de/rathaus";
        let counted = count(text, &mastodon(), 500, &extractor());
        assert_eq!(counted.length, text.chars().count() as u64);
    }

    #[test]
    fn mastodon_remote_mention_counts_user_part() {
        let text = "Hallo @presse@social.stadt-beispiel.de!";
        let counted = count(text, &mastodon(), 500, &extractor());
        assert_eq!(counted.length, "Hallo @presse!".len() as u64);
    }

    #[test]
    fn mastodon_overflow_inside_url_points_at_url_start() {
        let text = "ab https://example.com/very/long/path";
        let counted = count(text, &mastodon(), 10, &extractor());
        assert_eq!(counted.overflow_start, Some(3));
        let after_mention = "@a@example.com xyz";
        let counted = count(after_mention, &mastodon(), 3, &extractor());
        // "@a" + " " fit, "x" (original offset 15) does not.
        assert_eq!(counted.length, "@a xyz".len() as u64);
        assert_eq!(counted.overflow_start, Some(15));
    }

    #[test]
    fn bluesky_family_emoji_is_one_grapheme_and_25_bytes() {
        let extractor = extractor();
        assert_eq!(count(FAMILY, &BLUESKY_GRAPHEMES, 300, &extractor).length, 1);
        assert_eq!(
            count(FAMILY, &CountMethod::Utf8Bytes, 3000, &extractor).length,
            25
        );
    }

    #[test]
    fn bluesky_bytes_overflow_lands_on_char_boundary() {
        // "ä" is two bytes; a limit of 2 lets "aä" end at byte 3, so "ä" overflows.
        let counted = count("aäb", &CountMethod::Utf8Bytes, 2, &extractor());
        assert_eq!(counted.length, 4);
        assert_eq!(counted.overflow_start, Some(1));
    }

    #[test]
    fn threads_counts_emoji_as_bytes() {
        let text = format!("Hi {FAMILY}👍");
        let counted = count(
            &text,
            &CountMethod::CharsWithEmojiAsBytes,
            500,
            &extractor(),
        );
        assert_eq!(counted.length, 3 + 25 + 4);
        let counted = count(&text, &CountMethod::CharsWithEmojiAsBytes, 20, &extractor());
        assert_eq!(counted.overflow_start, Some(3));
    }

    proptest::proptest! {
        /// The closed forms of the character and byte counts sum units like the others.
        #[test]
        fn chars_and_bytes_match_summed_units(text in "\\PC{0,30}", limit in 0u64..100) {
            let chars = count_units(limit, text.char_indices().map(|(o, _)| (o, 1)));
            proptest::prop_assert_eq!(count_chars(&text, limit), chars);
            let bytes = count_units(
                limit,
                text.char_indices().map(|(o, c)| (o, c.len_utf8() as u64)),
            );
            proptest::prop_assert_eq!(count_bytes(&text, limit), bytes);
        }

        /// Counting ASCII runs in one step gives what one unit per cluster gives.
        #[test]
        fn clusters_match_summed_units(text in "([a-z \r\n]|\u{301}|👩|ä|\\PC){0,30}", limit in 0u64..40) {
            let units = crate::text::graphemes::grapheme_indices(&text).map(|(o, _)| (o, 1));
            proptest::prop_assert_eq!(count_clusters(&text, limit), count_units(limit, units));
        }
    }

    #[test]
    fn chars_count_scalar_values() {
        let text = "Grüße e\u{301}";
        let counted = count(text, &CountMethod::Chars, 7, &extractor());
        assert_eq!(counted.length, 8);
        // The eighth scalar value, the combining accent, does not fit.
        assert_eq!(counted.overflow_start, Some(text.len() - 2));
    }

    #[test]
    fn grapheme_overflow_after_emoji_combining_mark_and_crlf() {
        let extractor = extractor();
        let text = format!("{FAMILY}e\u{301}\r\nZ");
        let counted = count(&text, &BLUESKY_GRAPHEMES, 3, &extractor);
        assert_eq!(counted.length, 4);
        assert_eq!(counted.overflow_start, Some(text.len() - 1));
        let counted = count(&text, &BLUESKY_GRAPHEMES, 1, &extractor);
        assert_eq!(counted.overflow_start, Some(FAMILY.len()));
    }

    #[test]
    fn x_overflow_maps_back_through_nfc() {
        let extractor = extractor();
        let method = CountMethod::Weighted(WeightedConfig::v3());
        // NFC makes "e\u{301}" one character; it is the third and does not fit.
        let text = "ab\u{65}\u{301}c";
        let counted = count(text, &method, 2, &extractor);
        assert_eq!(counted.length, 4);
        assert_eq!(counted.overflow_start, Some(2));
        let counted = count(text, &method, 3, &extractor);
        assert_eq!(counted.overflow_start, Some(text.len() - 1));
    }

    #[test]
    fn x_overflow_after_emoji_and_url() {
        let extractor = extractor();
        let method = CountMethod::Weighted(WeightedConfig::v3());
        let text = "👍 https://example.com x";
        // Emoji 2, space 1, URL 23, space 1, "x" 1.
        assert_eq!(count(text, &method, 28, &extractor).overflow_start, None);
        assert_eq!(
            count(text, &method, 27, &extractor).overflow_start,
            Some(text.len() - 1)
        );
        assert_eq!(
            count(text, &method, 26, &extractor).overflow_start,
            Some(text.len() - 2)
        );
        assert_eq!(count(text, &method, 25, &extractor).overflow_start, Some(5));
        assert_eq!(count(text, &method, 1, &extractor).overflow_start, Some(0));
    }

    #[test]
    fn x_v2_counts_emoji_by_code_point() {
        let extractor = extractor();
        let v2 = count(
            FAMILY,
            &CountMethod::Weighted(WeightedConfig::v2()),
            280,
            &extractor,
        );
        let v3 = count(
            FAMILY,
            &CountMethod::Weighted(WeightedConfig::v3()),
            280,
            &extractor,
        );
        // Four people at 2 and three ZWJ at 1.
        assert_eq!(v2.length, 11);
        assert_eq!(v3.length, 2);
    }

    #[test]
    fn x_rejects_blank_and_invalid_characters() {
        let extractor = extractor();
        let method = CountMethod::Weighted(WeightedConfig::v3());
        assert!(!count("", &method, 280, &extractor).valid_text);
        assert!(!count("  \n", &method, 280, &extractor).valid_text);
        assert!(!count("a\u{FEFF}b", &method, 280, &extractor).valid_text);
        assert!(count("ok", &method, 280, &extractor).valid_text);
    }

    #[test]
    fn config_json_errors_are_reported() {
        assert!(matches!(
            WeightedConfig::from_json("{"),
            Err(ConfigError::Json(_))
        ));
        let zero = r#"{"scale":0,"defaultWeight":1,"transformedURLLength":23}"#;
        assert_eq!(WeightedConfig::from_json(zero), Err(ConfigError::ZeroScale));
    }
}
