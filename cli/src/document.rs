//! The document findings are shown in: the draft file as it was read. For a text file that
//! is the draft text itself; for a JSON draft it is the JSON, where the text is a string
//! literal on one line with its escapes, so every position and fix is moved into it.

use std::borrow::Cow;
use std::ops::Range;

use freigabe::Span;
use freigabe::wire::{TextInSource, json_string_content};

/// A draft file and where its text lies in it.
pub struct Document<'a> {
    /// What the file holds.
    pub source: &'a str,
    /// Where the text is in a JSON file; `None` when the file is the text.
    text_in_source: Option<TextInSource>,
}

impl<'a> Document<'a> {
    /// The document `source` from which the draft `text` was read (`json`: as a JSON draft).
    pub fn new(source: &'a str, text: &'a str, json: bool) -> Document<'a> {
        match json
            .then(|| TextInSource::in_json_draft(source, text))
            .flatten()
        {
            Some(found) => Document {
                source,
                text_in_source: Some(found),
            },
            // A text file is the text (less the final line break); a JSON text that cannot
            // be placed (not expected) is shown by itself.
            None => Document {
                source: text,
                text_in_source: None,
            },
        }
    }

    /// The bytes of the document that hold `span` of the text.
    pub fn range(&self, span: &Span) -> Range<usize> {
        match &self.text_in_source {
            Some(found) => {
                let (start, end) = found.source_range(span.start, span.end);
                start..end
            }
            None => span.start..span.end,
        }
    }

    /// `span` of the text as a span of the document (line, column and offsets in it).
    pub fn span(&self, span: &Span) -> Span {
        match &self.text_in_source {
            Some(found) => found.source_span(self.source, span),
            None => *span,
        }
    }

    /// A replacement as the document must hold it: escaped inside a JSON string.
    pub fn replacement<'r>(&self, replacement: &'r str) -> Cow<'r, str> {
        if self.text_in_source.is_some() {
            Cow::Owned(json_string_content(replacement))
        } else {
            Cow::Borrowed(replacement)
        }
    }
}
