//! Platforms, their limits (from a data table with source and date per value) and how they
//! count text.

pub mod counting;

use std::collections::BTreeMap;
use std::fmt;
use std::sync::OnceLock;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::config::read::{policy_enum, policy_struct};
use crate::text::extract::Extractor;
use crate::text::offsets::floor_grapheme;
use counting::{CountMethod, TextScan, WeightedConfig, count_scanned};

/// A social-media platform a draft can be published to.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "lowercase")]
#[non_exhaustive]
pub enum Platform {
    /// X (formerly Twitter).
    X,
    /// Mastodon (any server; limits may be overridden per policy).
    Mastodon,
    /// Bluesky.
    Bluesky,
    /// Threads.
    Threads,
    /// Instagram.
    Instagram,
    /// Facebook.
    Facebook,
    /// LinkedIn.
    Linkedin,
}

impl Platform {
    /// Every platform, in report order.
    pub const ALL: [Platform; 7] = [
        Platform::X,
        Platform::Mastodon,
        Platform::Bluesky,
        Platform::Threads,
        Platform::Instagram,
        Platform::Facebook,
        Platform::Linkedin,
    ];

    /// The lowercase id used in drafts, policies and reports.
    pub fn as_str(self) -> &'static str {
        match self {
            Platform::X => "x",
            Platform::Mastodon => "mastodon",
            Platform::Bluesky => "bluesky",
            Platform::Threads => "threads",
            Platform::Instagram => "instagram",
            Platform::Facebook => "facebook",
            Platform::Linkedin => "linkedin",
        }
    }

    /// Parses a platform id.
    pub fn parse(id: &str) -> Option<Platform> {
        Platform::ALL.into_iter().find(|p| p.as_str() == id)
    }

    /// This platform's facts from the data table.
    pub fn facts(self) -> Option<&'static PlatformFacts> {
        platform_table().ok()?.get(&self)
    }
}

impl fmt::Display for Platform {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Length of the text on one platform, with where it overflows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct PlatformMeasure {
    /// Length in the platform's unit.
    pub length: u64,
    /// Effective limit.
    pub limit: u64,
    /// Byte offset of the first character past the limit.
    pub overflow_start: Option<usize>,
    /// UTF-8 length and byte limit, for platforms with a second cap (Bluesky).
    pub bytes: Option<(u64, u64)>,
    /// Whether the platform would accept the characters at all (X rejects U+FFFE…).
    pub valid_text: bool,
}

/// Limits of one platform; unset values come from the built-in platform table.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct PlatformSettings {
    /// Text limit in the platform's counting unit.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub limit: Option<u32>,
    /// Limit in UTF-8 bytes (Bluesky).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub byte_limit: Option<u32>,
    /// Characters each URL counts as (X, Mastodon: 23).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url_length: Option<u32>,
    /// Maximum hashtags per post.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hashtags: Option<u32>,
    /// Maximum links per post.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub links: Option<u32>,
    /// Characters shown before the platform folds the text ("see more").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fold: Option<u32>,
    /// Maximum alt-text length.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub alt_text: Option<u32>,
}
policy_struct!(merge PlatformSettings {
    limit,
    byte_limit,
    url_length,
    hashtags,
    links,
    fold,
    alt_text
});

/// A number from the platform table with its provenance.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct Sourced {
    /// The value.
    pub value: u64,
    /// Where it comes from.
    pub source: String,
    /// When it was last checked (`YYYY-MM`).
    pub as_of: String,
}
crate::config::read::policy_struct!(Sourced {
    value: required,
    source: required,
    as_of: required,
});

/// The way a platform counts text, as named in the data table.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Counting {
    /// twitter-text v3 weighted length.
    XWeighted,
    /// Grapheme clusters (Mastodon, Bluesky).
    Graphemes,
    /// Characters, emoji counted by their UTF-8 length (Threads).
    CharsEmojiAsBytes,
    /// Unicode characters.
    Chars,
}

/// What the data table says about one platform.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct PlatformFacts {
    /// Display name.
    pub name: String,
    /// How text is counted.
    pub counting: Counting,
    /// Text limit in the counting unit.
    pub limit: Sourced,
    /// Second limit in UTF-8 bytes (Bluesky).
    pub byte_limit: Option<Sourced>,
    /// Characters a URL counts as, whatever its length.
    pub url_length: Option<Sourced>,
    /// Maximum alt-text length of an image.
    pub alt_text: Option<Sourced>,
    /// Maximum hashtags the platform accepts or recommends.
    pub hashtags: Option<Sourced>,
    /// Maximum links per post.
    pub links: Option<Sourced>,
    /// Characters shown before the platform folds the text ("see more").
    pub fold: Option<Sourced>,
}
crate::config::read::policy_struct!(PlatformFacts {
    name: required,
    counting: required,
    limit: required,
    byte_limit,
    url_length,
    alt_text,
    hashtags,
    links,
    fold,
});

/// The data table could not be read; only possible if the shipped file is broken.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlatformTableError(String);

impl fmt::Display for PlatformTableError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "the built-in platform table is invalid: {}", self.0)
    }
}

impl std::error::Error for PlatformTableError {}

const PLATFORM_TABLE: &str = include_str!("../../data/platforms.toml");

/// The built-in platform table, parsed once.
pub fn platform_table() -> Result<&'static BTreeMap<Platform, PlatformFacts>, PlatformTableError> {
    static TABLE: OnceLock<Result<BTreeMap<Platform, PlatformFacts>, PlatformTableError>> =
        OnceLock::new();
    TABLE
        .get_or_init(|| {
            let table: BTreeMap<Platform, PlatformFacts> = crate::config::de::read(PLATFORM_TABLE)
                .map_err(|e| PlatformTableError(e.message))?;
            match Platform::ALL.into_iter().find(|p| !table.contains_key(p)) {
                Some(missing) => Err(PlatformTableError(format!("`{missing}` is missing"))),
                None => Ok(table),
            }
        })
        .as_ref()
        .map_err(Clone::clone)
}

/// Effective caps of one platform: the table's values with policy overrides applied.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct PlatformCaps {
    pub counting: Counting,
    pub limit: u64,
    pub byte_limit: Option<u64>,
    pub url_length: Option<u64>,
    pub hashtags: Option<u64>,
    pub links: Option<u64>,
    pub fold: Option<u64>,
    #[allow(dead_code)] // used by the accessibility rules
    pub alt_text: Option<u64>,
}

impl PlatformCaps {
    /// The table's values.
    pub fn from_facts(facts: &PlatformFacts) -> PlatformCaps {
        let value = |fact: &Option<Sourced>| fact.as_ref().map(|f| f.value);
        PlatformCaps {
            counting: facts.counting,
            limit: facts.limit.value,
            byte_limit: value(&facts.byte_limit),
            url_length: value(&facts.url_length),
            hashtags: value(&facts.hashtags),
            links: value(&facts.links),
            fold: value(&facts.fold),
            alt_text: value(&facts.alt_text),
        }
    }

    /// Applies a policy's overrides.
    pub fn with_overrides(mut self, settings: &PlatformSettings) -> PlatformCaps {
        let set = |target: &mut Option<u64>, own: Option<u32>| {
            if let Some(own) = own {
                *target = Some(u64::from(own));
            }
        };
        if let Some(limit) = settings.limit {
            self.limit = u64::from(limit);
        }
        set(&mut self.byte_limit, settings.byte_limit);
        set(&mut self.url_length, settings.url_length);
        set(&mut self.hashtags, settings.hashtags);
        set(&mut self.links, settings.links);
        set(&mut self.fold, settings.fold);
        set(&mut self.alt_text, settings.alt_text);
        self
    }
}

/// How one platform counts text, with its limits; built once per account.
pub(crate) struct Counter {
    method: CountMethod,
    limit: u64,
    byte_limit: Option<u64>,
}

impl Counter {
    pub fn new(platform: Platform, caps: &PlatformCaps) -> Counter {
        let url_length = caps.url_length.and_then(|u| u32::try_from(u).ok());
        let method = match caps.counting {
            Counting::XWeighted => {
                let mut config = WeightedConfig::v3();
                if let Some(url_length) = url_length {
                    config.transformed_url_length = url_length;
                }
                CountMethod::Weighted(config)
            }
            Counting::Graphemes => CountMethod::Graphemes {
                url_length,
                short_remote_mentions: platform == Platform::Mastodon,
            },
            Counting::CharsEmojiAsBytes => CountMethod::CharsWithEmojiAsBytes,
            Counting::Chars => CountMethod::Chars,
        };
        Counter {
            method,
            limit: caps.limit,
            byte_limit: caps.byte_limit,
        }
    }
}

/// Measures a text for one platform.
pub(crate) fn measure(scan: &TextScan<'_>, counter: &Counter) -> PlatformMeasure {
    let text = scan.text();
    let main = count_scanned(scan, &counter.method, counter.limit);
    let bytes = counter
        .byte_limit
        .map(|limit| (count_scanned(scan, &CountMethod::Utf8Bytes, limit), limit));
    let byte_overflow = bytes.as_ref().and_then(|(b, _)| b.overflow_start);
    PlatformMeasure {
        length: main.length,
        limit: counter.limit,
        // Whichever cap is hit first is where the text stops fitting; a character that does
        // not fit takes its whole grapheme cluster with it (no half emoji in the highlight).
        overflow_start: match (main.overflow_start, byte_overflow) {
            (Some(a), Some(b)) => Some(a.min(b)),
            (a, b) => a.or(b),
        }
        .map(|start| floor_grapheme(text, start)),
        bytes: bytes.map(|(b, limit)| (b.length, limit)),
        valid_text: main.valid_text,
    }
}

/// Measures the part of `text` from byte `start` on (X leaves a reply's leading mentions
/// uncounted); the overflow is placed in the whole text.
pub(crate) fn measure_after(
    text: &str,
    start: usize,
    extractor: &Extractor,
    counter: &Counter,
) -> PlatformMeasure {
    let counted = text.get(start..).unwrap_or_default();
    let mut measured = measure(&TextScan::new(counted, extractor), counter);
    measured.overflow_start = measured.overflow_start.map(|offset| offset + start);
    measured
}

/// Length of a text on one platform with the built-in limits, as `freigabe count` prints.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct TextCount {
    /// The platform.
    pub platform: Platform,
    /// Length in the platform's unit.
    pub length: u64,
    /// The platform's limit.
    pub limit: u64,
    /// Whether the platform would accept the text (within every limit, no invalid characters).
    pub valid: bool,
}

/// Counts a text the way `platform` does, with the built-in limits (no policy needed).
pub fn count_text(platform: Platform, text: &str) -> Result<TextCount, PlatformTableError> {
    static EXTRACTOR: OnceLock<Result<Extractor, String>> = OnceLock::new();
    let extractor = EXTRACTOR
        .get_or_init(|| Extractor::new().map_err(|e| e.to_string()))
        .as_ref()
        .map_err(|e| PlatformTableError(e.clone()))?;
    // Built once: a count of a short text costs less than building its counter.
    static COUNTERS: OnceLock<Result<BTreeMap<Platform, Counter>, PlatformTableError>> =
        OnceLock::new();
    let counters = COUNTERS
        .get_or_init(|| {
            Ok(platform_table()?
                .iter()
                .map(|(&platform, facts)| {
                    let counter = Counter::new(platform, &PlatformCaps::from_facts(facts));
                    (platform, counter)
                })
                .collect())
        })
        .as_ref()
        .map_err(Clone::clone)?;
    let counter = counters
        .get(&platform)
        .ok_or_else(|| PlatformTableError(format!("`{platform}` is missing")))?;
    let m = measure(&TextScan::new(text, extractor), counter);
    let bytes_fit = m.bytes.is_none_or(|(bytes, limit)| bytes <= limit);
    Ok(TextCount {
        platform,
        length: m.length,
        limit: m.limit,
        valid: m.valid_text && m.length <= m.limit && bytes_fit,
    })
}

policy_enum!(Platform {
    "x" => X,
    "mastodon" => Mastodon,
    "bluesky" => Bluesky,
    "threads" => Threads,
    "instagram" => Instagram,
    "facebook" => Facebook,
    "linkedin" => Linkedin,
});
policy_enum!(Counting {
    "x-weighted" => XWeighted,
    "graphemes" => Graphemes,
    "chars-emoji-as-bytes" => CharsEmojiAsBytes,
    "chars" => Chars,
});

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table_covers_every_platform_with_sources() {
        let table = platform_table().unwrap();
        for platform in Platform::ALL {
            let facts = &table[&platform];
            assert!(facts.limit.value > 0, "{platform}");
            assert!(!facts.limit.source.is_empty() && facts.limit.as_of.len() == 7);
        }
        assert_eq!(table[&Platform::X].limit.value, 280);
        assert_eq!(
            table[&Platform::Instagram].hashtags.as_ref().unwrap().value,
            5
        );
        assert_eq!(
            table[&Platform::Bluesky].byte_limit.as_ref().unwrap().value,
            3000
        );
    }

    #[test]
    fn ids_round_trip() {
        for platform in Platform::ALL {
            assert_eq!(Platform::parse(platform.as_str()), Some(platform));
        }
    }
}
