//! Offsets in every encoding a caller may index strings with.
//!
//! Rules work in UTF-8 byte ranges; the report converts them once, in core, into char
//! (Python), UTF-16 (JavaScript, CodeMirror) and line/column positions, so no binding
//! re-locates findings by searching the text again (the bug class Vale keeps fixing).

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// A region of the draft text in all offset encodings.
///
/// `start`/`end` are UTF-8 byte offsets, `*_char` Unicode scalar offsets, `*_utf16` UTF-16
/// code-unit offsets; `line` and `column` (1-based, column in characters) locate `start`,
/// `end_line` and `end_column` locate `end` (for SARIF regions and editor ranges).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
pub struct Span {
    /// UTF-8 byte offset of the first byte.
    pub start: usize,
    /// UTF-8 byte offset one past the last byte.
    pub end: usize,
    /// Unicode scalar offset of the start (Python `str` index).
    pub start_char: usize,
    /// Unicode scalar offset of the end.
    pub end_char: usize,
    /// UTF-16 code-unit offset of the start (JavaScript string index).
    pub start_utf16: usize,
    /// UTF-16 code-unit offset of the end.
    pub end_utf16: usize,
    /// 1-based line of the start; `\n`, `\r\n` and a lone `\r` end a line.
    pub line: usize,
    /// 1-based column of the start, counted in characters.
    pub column: usize,
    /// 1-based line of the end.
    pub end_line: usize,
    /// 1-based column of the end, counted in characters (one past the last character).
    pub end_column: usize,
}

impl Span {
    /// The span of the byte range `start..end` of `text` (clamped to char boundaries), for
    /// front ends that locate ranges of their own.
    pub fn locate(text: &str, start: usize, end: usize) -> Span {
        let range = [(start, end)];
        let mut spans = spans_for(text, &range);
        spans.pop().unwrap_or_default()
    }
}

/// One position in every encoding.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
struct Position {
    char: usize,
    utf16: usize,
    line: usize,
    column: usize,
}

/// Converts many byte ranges of one text into [`Span`]s with a single sweep over the text.
///
/// Offsets are clamped to the text and moved back to the previous char boundary, so a
/// buggy range can never produce a span that slices a character.
pub(crate) fn spans_for(text: &str, ranges: &[(usize, usize)]) -> Vec<Span> {
    let mut wanted: Vec<usize> = ranges
        .iter()
        .flat_map(|&(start, end)| [floor_boundary(text, start), floor_boundary(text, end)])
        .collect();
    wanted.sort_unstable();
    wanted.dedup();

    let mut positions = Vec::with_capacity(wanted.len());
    let mut pos = Position {
        line: 1,
        column: 1,
        ..Position::default()
    };
    let mut previous_was_cr = false;
    let mut byte = 0;
    for &offset in &wanted {
        advance(
            &mut pos,
            &mut previous_was_cr,
            text.get(byte..offset).unwrap_or_default(),
        );
        positions.push(pos);
        byte = offset;
    }

    let at = |offset: usize| -> (usize, Position) {
        let offset = floor_boundary(text, offset);
        let index = wanted.partition_point(|&w| w < offset);
        (offset, positions.get(index).copied().unwrap_or(pos))
    };
    ranges
        .iter()
        .map(|&(start, end)| {
            let (start, s) = at(start);
            let (end, e) = at(end.max(start));
            Span {
                start,
                end,
                start_char: s.char,
                end_char: e.char,
                start_utf16: s.utf16,
                end_utf16: e.utf16,
                line: s.line,
                column: s.column,
                end_line: e.line,
                end_column: e.column,
            }
        })
        .collect()
}

/// Moves `pos` over `segment`; `previous_was_cr` says whether the character before it
/// was a `\r` (then a `\n` does not end another line).
fn advance(pos: &mut Position, previous_was_cr: &mut bool, segment: &str) {
    let bytes = segment.as_bytes();
    // Most of a draft: ASCII without line breaks, one character, UTF-16 unit and column
    // per byte, counted without a step per character.
    if segment.is_ascii() && !bytes.contains(&b'\n') && !bytes.contains(&b'\r') {
        pos.char += bytes.len();
        pos.utf16 += bytes.len();
        pos.column += bytes.len();
        if !bytes.is_empty() {
            *previous_was_cr = false;
        }
        return;
    }
    for ch in segment.chars() {
        pos.char += 1;
        pos.utf16 += ch.len_utf16();
        match ch {
            '\n' if *previous_was_cr => {} // the `\r` already ended the line
            '\n' | '\r' => {
                pos.line += 1;
                pos.column = 1;
            }
            _ => pos.column += 1,
        }
        *previous_was_cr = ch == '\r';
    }
}

/// The largest char boundary at or before `offset`, clamped to the text length.
pub(crate) fn floor_boundary(text: &str, offset: usize) -> usize {
    let mut offset = offset.min(text.len());
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    offset
}

/// The start of the grapheme cluster that contains `offset`, so that a span never starts
/// inside an emoji sequence, a flag or a letter with combining marks.
pub(crate) fn floor_grapheme(text: &str, offset: usize) -> usize {
    use unicode_segmentation::GraphemeCursor;
    let offset = floor_boundary(text, offset);
    let mut cursor = GraphemeCursor::new(offset, text.len(), true);
    match cursor.is_boundary(text, 0) {
        Ok(true) => offset,
        _ => cursor.prev_boundary(text, 0).ok().flatten().unwrap_or(0),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn reference(text: &str, start: usize, end: usize) -> Span {
        let (line, column) = line_column(text, start);
        let (end_line, end_column) = line_column(text, end);
        Span {
            start,
            end,
            start_char: text[..start].chars().count(),
            end_char: text[..end].chars().count(),
            start_utf16: text[..start].encode_utf16().count(),
            end_utf16: text[..end].encode_utf16().count(),
            line,
            column,
            end_line,
            end_column,
        }
    }

    fn line_column(text: &str, start: usize) -> (usize, usize) {
        let before = &text[..start];
        let mut line = 1;
        let mut line_start = 0;
        let bytes = before.as_bytes();
        let mut i = 0;
        while i < bytes.len() {
            if bytes[i] == b'\r' && bytes.get(i + 1) == Some(&b'\n') {
                i += 2;
                line += 1;
                line_start = i;
            } else if bytes[i] == b'\n' || bytes[i] == b'\r' {
                i += 1;
                line += 1;
                line_start = i;
            } else {
                i += 1;
            }
        }
        // A `\r` right before `start` whose `\n` starts at `start` already ended the line.
        (line, text[line_start..start].chars().count() + 1)
    }

    #[test]
    fn emoji_and_combining_marks() {
        let text = "Hallo 👨‍👩‍👧 du\r\nzweite e\u{301} Zeile 🇩🇪!";
        let du = text.find("du").unwrap();
        let zeile = text.find("Zeile").unwrap();
        let spans = spans_for(text, &[(du, du + 2), (zeile, text.len())]);
        assert_eq!(spans[0], reference(text, du, du + 2));
        assert_eq!(spans[0].start_char, 12);
        assert_eq!(spans[0].start_utf16, 15);
        assert_eq!(spans[1].line, 2);
        assert_eq!(spans[1].column, 11);
        assert_eq!(spans[1], reference(text, zeile, text.len()));
    }

    #[test]
    fn grapheme_floor_keeps_emoji_sequences_whole() {
        let text = "a👩‍👩‍👧b🇩🇪e\u{301}";
        let family = 1;
        let inside_family = text.find('\u{200d}').unwrap() + 3;
        assert_eq!(floor_grapheme(text, inside_family), family);
        let flag = text.find('🇩').unwrap();
        assert_eq!(floor_grapheme(text, flag + 4), flag);
        assert_eq!(floor_grapheme(text, text.len() - 2), text.len() - 3);
        assert_eq!(floor_grapheme(text, 0), 0);
        assert_eq!(floor_grapheme(text, text.len()), text.len());
    }

    #[test]
    fn offsets_inside_a_character_move_back_to_its_start() {
        let text = "ä🙂";
        let spans = spans_for(text, &[(1, 4)]);
        assert_eq!((spans[0].start, spans[0].end), (0, 2));
    }

    proptest! {
        #[test]
        fn encodings_agree(text in "(\\PC|\r\n|\r|\n|\u{200d}|\u{301}|🇩🇪|👩‍👩‍👧‍👦|[a-z .]{1,8}){0,40}", a in any::<prop::sample::Index>(), b in any::<prop::sample::Index>()) {
            let bounds: Vec<usize> = text.char_indices().map(|(i, _)| i).chain([text.len()]).collect();
            let (x, y) = (bounds[a.index(bounds.len())], bounds[b.index(bounds.len())]);
            let (start, end) = (x.min(y), x.max(y));
            let span = spans_for(&text, &[(start, end)])[0];
            prop_assert!(text.is_char_boundary(span.start) && text.is_char_boundary(span.end));
            prop_assert_eq!(span, reference(&text, start, end));
        }

        #[test]
        fn any_byte_offset_lands_on_a_boundary(text in "\\PC{0,30}", start in 0usize..200, len in 0usize..200) {
            let span = spans_for(&text, &[(start, start + len)])[0];
            prop_assert!(text.is_char_boundary(span.start) && text.is_char_boundary(span.end));
            prop_assert!(span.start <= span.end && span.end <= text.len());
        }
    }
}
