//! Where a draft's text lies in the JSON document it was read from.
//!
//! Reports locate findings in the draft text. A front end that shows a JSON file (the CLI's
//! `--> file.json:2:58`, SARIF for code-scanning tools) needs positions in the file instead:
//! the text is a string literal there, moved by the keys before it and lengthened by its
//! escapes (`\n`, `\"`, `\u00fc`). A fix applied to the file must also write its replacement
//! escaped, or it breaks the JSON.

use serde::Deserialize;
use serde_json::value::RawValue;

use crate::text::offsets::{Span, spans_for};

/// The `text` string of a JSON draft, mapped to the bytes of the document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TextInSource {
    /// For every byte offset of the text (and its end), the byte offset in the document of
    /// the character written there: the character itself or its escape.
    source_offsets: Vec<usize>,
}

/// Just the `text` member of a draft, as written.
#[derive(Deserialize)]
struct TextMember<'a> {
    #[serde(borrow)]
    text: &'a RawValue,
}

impl TextInSource {
    /// Finds the `text` member of the JSON object `source` whose value is `text`. `None`
    /// when `source` is not such an object (then the text has no place in the document).
    pub fn in_json_draft(source: &str, text: &str) -> Option<TextInSource> {
        let member: TextMember<'_> = serde_json::from_str(source).ok()?;
        let literal = member.text.get();
        // A borrowed raw value is a slice of `source`: its address gives its offset.
        let offset = (literal.as_ptr() as usize).checked_sub(source.as_ptr() as usize)?;
        let (decoded, source_offsets) = decode_string(literal, offset)?;
        (decoded == text).then_some(TextInSource { source_offsets })
    }

    /// The byte range of the document that holds `text[start..end]`, escapes included.
    pub fn source_range(&self, start: usize, end: usize) -> (usize, usize) {
        let at = |offset: usize| {
            self.source_offsets
                .get(offset)
                .or(self.source_offsets.last())
                .copied()
                .unwrap_or(0)
        };
        (at(start), at(end.max(start)))
    }

    /// `span` of the text as a span of the document `source`.
    pub fn source_span(&self, source: &str, span: &Span) -> Span {
        let range = self.source_range(span.start, span.end);
        spans_for(source, &[range])
            .into_iter()
            .next()
            .unwrap_or(*span)
    }
}

/// `text` as the content of a JSON string literal, without the quotes: what a fix writes
/// into a JSON document.
pub fn json_string_content(text: &str) -> String {
    let quoted = serde_json::Value::from(text).to_string();
    quoted
        .strip_prefix('"')
        .and_then(|rest| rest.strip_suffix('"'))
        .unwrap_or(&quoted)
        .to_owned()
}

/// Decodes the JSON string literal `literal` (with its quotes) found at byte `offset` of
/// its document: the string and, per byte of it and its end, the document offset.
fn decode_string(literal: &str, offset: usize) -> Option<(String, Vec<usize>)> {
    let inner = literal.strip_prefix('"')?.strip_suffix('"')?;
    let base = offset + 1;
    let mut decoded = String::with_capacity(inner.len());
    let mut origins = Vec::with_capacity(inner.len() + 1);
    let mut chars = inner.char_indices().peekable();
    while let Some((at, c)) = chars.next() {
        let ch = if c == '\\' {
            let (_, escape) = chars.next()?;
            match escape {
                '"' | '\\' | '/' => escape,
                'b' => '\u{8}',
                'f' => '\u{c}',
                'n' => '\n',
                'r' => '\r',
                't' => '\t',
                'u' => {
                    let unit = hex_unit(&mut chars)?;
                    if (0xD800..0xDC00).contains(&unit) {
                        // A surrogate pair: `\uD83D\uDE00` is one character.
                        let (_, '\\') = chars.next()? else {
                            return None;
                        };
                        let (_, 'u') = chars.next()? else {
                            return None;
                        };
                        let low = hex_unit(&mut chars)?;
                        char::decode_utf16([unit, low]).next()?.ok()?
                    } else {
                        char::from_u32(u32::from(unit))?
                    }
                }
                _ => return None,
            }
        } else {
            c
        };
        decoded.push(ch);
        origins.extend(std::iter::repeat_n(base + at, ch.len_utf8()));
    }
    origins.push(base + inner.len());
    Some((decoded, origins))
}

/// Four hex digits of a `\u` escape.
fn hex_unit(chars: &mut impl Iterator<Item = (usize, char)>) -> Option<u16> {
    let mut unit: u16 = 0;
    for _ in 0..4 {
        let (_, digit) = chars.next()?;
        unit = unit * 16 + u16::try_from(digit.to_digit(16)?).ok()?;
    }
    Some(unit)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn located(source: &str) -> (String, TextInSource) {
        let draft = crate::wire::parse_draft(source).expect("draft");
        let found = TextInSource::in_json_draft(source, &draft.text).expect("text located");
        (draft.text, found)
    }

    #[test]
    fn plain_text_is_shifted_by_what_comes_before_it() {
        let source = "{\n  \"account\": \"stadt\",\n  \"text\": \"Hallo Welt\"\n}";
        let (text, found) = located(source);
        let (start, end) = found.source_range(6, text.len());
        assert_eq!(&source[start..end], "Welt");
        let span = found.source_span(source, &crate::Span::locate(&text, 6, 10));
        assert_eq!((span.line, span.column, span.end_column), (3, 18, 22));
    }

    #[test]
    fn escapes_are_counted_in_the_document() {
        let source = r#"{"text": "Zeile\n\"Zitat\" \u00fcber \ud83d\ude00 Ende"}"#;
        let (text, found) = located(source);
        assert_eq!(text, "Zeile\n\"Zitat\" über 😀 Ende");
        for word in ["Zitat", "über", "😀", "Ende", "\n"] {
            let start = text.find(word).expect("word");
            let (s, e) = found.source_range(start, start + word.len());
            let written = &source[s..e];
            let decoded: String = serde_json::from_str(&format!("\"{written}\"")).expect("json");
            assert_eq!(decoded, word, "{written}");
        }
    }

    #[test]
    fn a_fix_written_escaped_keeps_the_document_valid() {
        let source = r#"{"text": "Sag \"du\" zu mir", "platforms": ["x"]}"#;
        let (text, found) = located(source);
        let start = text.find("du").expect("word");
        let (s, e) = found.source_range(start, start + 2);
        let replacement = "„Sie“\n\"ok\"";
        let fixed = format!(
            "{}{}{}",
            &source[..s],
            json_string_content(replacement),
            &source[e..]
        );
        let draft = crate::wire::parse_draft(&fixed).expect("still a draft");
        assert_eq!(draft.text, format!("Sag \"{replacement}\" zu mir"));
    }

    #[test]
    fn a_text_that_is_not_the_documents_text_has_no_place() {
        assert!(TextInSource::in_json_draft(r#"{"text": "a"}"#, "b").is_none());
        assert!(TextInSource::in_json_draft("plain text", "plain text").is_none());
    }
}
