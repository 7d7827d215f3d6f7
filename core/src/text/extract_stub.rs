//! Temporary stand-in until the twitter-text extractor lands.
#![allow(missing_docs, dead_code)]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum EntityKind {
    Url,
    Hashtag,
    Mention,
}
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entity {
    pub kind: EntityKind,
    pub start: usize,
    pub end: usize,
}
#[derive(Debug)]
pub struct ExtractorError;
impl std::fmt::Display for ExtractorError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("x")
    }
}
impl std::error::Error for ExtractorError {}
pub struct Extractor;
impl Extractor {
    pub fn new() -> Result<Self, ExtractorError> {
        Ok(Extractor)
    }
    pub fn entities(&self, text: &str) -> Vec<Entity> {
        let mut out = Vec::new();
        let mut offset = 0;
        for word in text.split(' ') {
            let kind = if word.starts_with("https://") || word.starts_with("http://") {
                Some(EntityKind::Url)
            } else if word.starts_with('#') {
                Some(EntityKind::Hashtag)
            } else if word.starts_with('@') {
                Some(EntityKind::Mention)
            } else {
                None
            };
            if let Some(kind) = kind {
                out.push(Entity {
                    kind,
                    start: offset,
                    end: offset + word.len(),
                });
            }
            offset += word.len() + 1;
        }
        out
    }
}
