//! Text layer: entity extraction (URLs, hashtags, mentions), offsets in every encoding.

#[path = "extract_stub.rs"]
pub mod extract;
pub mod offsets;

use extract::{Entity, EntityKind, Extractor};

/// The draft text with its entities, extracted once per check and shared by all rules.
pub(crate) struct TextView<'a> {
    pub text: &'a str,
    pub entities: Vec<Entity>,
}

impl<'a> TextView<'a> {
    pub fn new(text: &'a str, extractor: &Extractor) -> TextView<'a> {
        TextView {
            text,
            entities: extractor.entities(text),
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
