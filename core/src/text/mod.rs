//! Text layer: entity extraction (URLs, hashtags, mentions), offsets in every encoding.

pub mod extract;
pub(crate) mod links;
pub mod offsets;

use extract::{Entity, EntityKind, Extractor};

/// The draft text with its entities, extracted once per check and shared by all rules.
pub(crate) struct TextView<'a> {
    pub text: &'a str,
    pub entities: Vec<Entity>,
    /// The URL entities, parsed once for every rule that looks at hosts or targets.
    pub links: Vec<Link<'a>>,
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
    pub fn new(text: &'a str, extractor: &Extractor) -> TextView<'a> {
        let entities = extractor.entities(text);
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
            entities,
            links,
        }
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
