//! Platforms, their limits (from a data table with source and date per value) and how they
//! count text.

#[path = "counting_stub.rs"]
pub mod counting;

use std::collections::BTreeMap;
use std::fmt;
use std::sync::OnceLock;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

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
}

/// The data table could not be read; only possible if the shipped file is broken.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("the built-in platform table is invalid: {0}")]
pub struct PlatformTableError(String);

const PLATFORM_TABLE: &str = include_str!("../../data/platforms.toml");

/// The built-in platform table, parsed once.
pub fn platform_table() -> Result<&'static BTreeMap<Platform, PlatformFacts>, PlatformTableError> {
    static TABLE: OnceLock<Result<BTreeMap<Platform, PlatformFacts>, PlatformTableError>> =
        OnceLock::new();
    TABLE
        .get_or_init(|| {
            let table: BTreeMap<Platform, PlatformFacts> = toml::from_str(PLATFORM_TABLE)
                .map_err(|e| PlatformTableError(e.message().to_owned()))?;
            match Platform::ALL.into_iter().find(|p| !table.contains_key(p)) {
                Some(missing) => Err(PlatformTableError(format!("`{missing}` is missing"))),
                None => Ok(table),
            }
        })
        .as_ref()
        .map_err(Clone::clone)
}

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
