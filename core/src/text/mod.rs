//! Text layer: entity extraction (URLs, hashtags, mentions), offsets in every encoding.

pub mod extract;
pub(crate) mod fold;
pub(crate) mod graphemes;
pub(crate) mod lexicon;
pub(crate) mod links;
pub mod offsets;
// Sentences, words and syllables for the readability rules.
pub(crate) mod sentences;

use std::cell::OnceCell;
use std::ops::Range;

use crate::rules::address::grammar::Address;
use crate::rules::neutrality::Segments;
use extract::{Entity, EntityKind, Extractor};
use fold::Folded;

use crate::platform::counting::TextScan;

/// The draft text with its entities, extracted once per check and shared by all rules.
pub(crate) struct TextView<'a> {
    pub text: &'a str,
    pub entities: Vec<Entity>,
    /// The URL entities, parsed once for every rule that looks at hosts or targets.
    pub links: Vec<Link<'a>>,
    /// Quotations („…“, "…", »…«), where the city cites rather than speaks.
    pub quotes: Vec<Range<usize>>,
    /// The folded matching view, built on first use (not every policy needs it).
    folded: OnceCell<Folded>,
    /// Where in the folded view a lexicon term may start, found on first use and shared
    /// by every lexicon.
    term_starts: OnceCell<Vec<usize>>,
    /// Words and sentences, built on first use and shared by the readability rules.
    sentences: OnceCell<sentences::Segmentation>,
    /// URLs, emoji and remote mentions for the platform counters, extracted on first use;
    /// the emoji rules read the same emoji ranges.
    scan: TextScan<'a>,
    /// Words that address the reader, analysed on first use and shared by the four
    /// `address.*` rules.
    addresses: OnceCell<Vec<Address>>,
    /// Words with their sentence and clause, built on first use and shared by the
    /// `neutrality.*` rules.
    neutrality_segments: OnceCell<Segments>,
}

/// What kind of region of the text a position is in. Lexicon rules may treat them
/// differently: a quoted title is not the city addressing anyone.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Region {
    Plain,
    Quote,
    Hashtag,
    Mention,
    Url,
}

/// A URL in the text with its parsed form (`None` if it does not parse).
pub(crate) struct Link<'a> {
    pub start: usize,
    pub end: usize,
    pub written: &'a str,
    pub url: Option<url::Url>,
}

impl Link<'_> {
    /// The host, lowercase.
    pub fn host(&self) -> Option<&str> {
        self.url.as_ref().and_then(url::Url::host_str)
    }
}

impl<'a> TextView<'a> {
    pub fn new(text: &'a str, extractor: &'a Extractor) -> TextView<'a> {
        // The counters need the URLs before overlaps with hashtags and mentions are
        // removed: extracted once here, for both.
        let urls = extractor.urls(text);
        let entities = extractor.entities_with_urls(text, urls.clone());
        let links = entities
            .iter()
            .filter(|e| e.kind == EntityKind::Url)
            .map(|e| {
                let written = text.get(e.start..e.end).unwrap_or_default();
                Link {
                    start: e.start,
                    end: e.end,
                    written,
                    url: links::parse_link(written),
                }
            })
            .collect();
        TextView {
            text,
            quotes: find_quotes(text),
            entities,
            links,
            folded: OnceCell::new(),
            term_starts: OnceCell::new(),
            sentences: OnceCell::new(),
            scan: TextScan::with_urls(text, extractor, urls),
            addresses: OnceCell::new(),
            neutrality_segments: OnceCell::new(),
        }
    }

    /// Emoji sequences ([`Extractor::emoji_ranges`]), found once per check and shared with
    /// the platform counters.
    pub fn emoji(&self) -> &[Range<usize>] {
        self.scan.emoji()
    }

    /// The extraction results the platform counters share.
    pub fn scan(&self) -> &TextScan<'a> {
        &self.scan
    }

    /// The folded matching view (built once per check, on first use).
    pub fn folded(&self) -> &Folded {
        self.folded.get_or_init(|| Folded::new(self.text))
    }

    /// Byte offsets in [`TextView::folded`] where a lexicon term may start
    /// ([`lexicon::term_starts`]).
    pub fn term_starts(&self) -> &[usize] {
        self.term_starts
            .get_or_init(|| lexicon::term_starts(self.text, self.folded()))
    }

    /// Words and sentences of the text, skipping URLs, hashtags and mentions (built once per
    /// check, on first use).
    pub fn sentences(&self) -> &sentences::Segmentation {
        self.sentences
            .get_or_init(|| sentences::Segmentation::new(self.text, &self.entities))
    }

    /// The words that address the reader: `analyse` runs on the first call only.
    pub fn addresses(&self, analyse: impl FnOnce() -> Vec<Address>) -> &[Address] {
        self.addresses.get_or_init(analyse)
    }

    /// The neutrality rules' segments: `build` runs on the first call only.
    pub fn neutrality_segments(&self, build: impl FnOnce() -> Segments) -> &Segments {
        self.neutrality_segments.get_or_init(build)
    }

    /// The innermost known region at a byte offset.
    pub fn region_at(&self, offset: usize) -> Region {
        let entity = self
            .entities
            .iter()
            .find(|e| e.start <= offset && offset < e.end);
        match entity.map(|e| e.kind) {
            Some(EntityKind::Url) => Region::Url,
            Some(EntityKind::Hashtag) => Region::Hashtag,
            Some(EntityKind::Mention) => Region::Mention,
            None if self
                .quotes
                .iter()
                .any(|q| q.start <= offset && offset < q.end) =>
            {
                Region::Quote
            }
            None => Region::Plain,
        }
    }

    /// Whether a byte offset is inside a hashtag or mention (CamelCase word boundaries
    /// apply there).
    pub fn in_hashtag_or_mention(&self, offset: usize) -> bool {
        matches!(self.region_at(offset), Region::Hashtag | Region::Mention)
    }

    /// Entities of one kind, in text order.
    pub fn of_kind(&self, kind: EntityKind) -> impl Iterator<Item = &Entity> {
        self.entities.iter().filter(move |e| e.kind == kind)
    }

    /// The text of an entity (with its `#`/`@`).
    pub fn slice(&self, entity: &Entity) -> &'a str {
        self.text.get(entity.start..entity.end).unwrap_or_default()
    }
}

/// Longest quotation we pair up; beyond it an unmatched mark is more likely than a quote.
const MAX_QUOTE_BYTES: usize = 600;

/// Finds quotations: German „…“ and ‚…‘, »…« and «…», English “…”, and straight "…".
/// A quote does not span an empty line; unmatched marks are ignored.
fn find_quotes(text: &str) -> Vec<Range<usize>> {
    const PAIRS: [(char, &[char]); 6] = [
        ('„', &['“', '”']),
        ('‚', &['‘', '’']),
        ('»', &['«']),
        ('«', &['»']),
        ('“', &['”']),
        ('"', &['"']),
    ];
    let mut quotes = Vec::new();
    let mut position = 0;
    while let Some((offset, open)) = text[position..]
        .char_indices()
        .find(|(_, c)| PAIRS.iter().any(|(o, _)| o == c))
    {
        let start = position + offset;
        let body_start = start + open.len_utf8();
        position = body_start;
        let Some((_, closers)) = PAIRS.iter().find(|(o, _)| *o == open) else {
            continue;
        };
        let mut body_end = text.len().min(body_start + MAX_QUOTE_BYTES);
        while !text.is_char_boundary(body_end) {
            body_end -= 1;
        }
        let body = &text[body_start..body_end];
        let limit = body.find("\n\n").unwrap_or(body.len());
        let Some(close) = body[..limit].find(*closers) else {
            continue;
        };
        let closer_len = body[close..].chars().next().map_or(1, char::len_utf8);
        let end = body_start + close + closer_len;
        quotes.push(start..end);
        position = end;
    }
    quotes
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quotations_are_regions() {
        let text = "Der Film „Sie küssten und sie schlugen ihn“ läuft. Er sagte: \"Kommt vorbei\" und ging.";
        let quotes = find_quotes(text);
        assert_eq!(quotes.len(), 2);
        assert_eq!(
            &text[quotes[0].clone()],
            "„Sie küssten und sie schlugen ihn“"
        );
        assert_eq!(&text[quotes[1].clone()], "\"Kommt vorbei\"");
        assert!(find_quotes("ein „offenes Zitat ohne Ende").is_empty());
    }
}
