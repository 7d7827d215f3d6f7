//! Temporary stand-in until the platform counters land.
#![allow(missing_docs, dead_code)]
use crate::text::extract::Extractor;
#[derive(Debug, Clone, PartialEq)]
pub struct WeightedConfig {
    pub transformed_url_length: u32,
}
impl WeightedConfig {
    pub fn v3() -> Self {
        WeightedConfig {
            transformed_url_length: 23,
        }
    }
}
#[derive(Debug, Clone, PartialEq)]
pub enum CountMethod {
    Weighted(WeightedConfig),
    Graphemes {
        url_length: Option<u32>,
        short_remote_mentions: bool,
    },
    Utf8Bytes,
    CharsWithEmojiAsBytes,
    Chars,
}
pub struct Count {
    pub length: u64,
    pub overflow_start: Option<usize>,
    pub valid_text: bool,
}
pub fn count(text: &str, _method: &CountMethod, limit: u64, _extractor: &Extractor) -> Count {
    let length = text.chars().count() as u64;
    Count {
        length,
        overflow_start: text.char_indices().nth(limit as usize).map(|(i, _)| i),
        valid_text: true,
    }
}
