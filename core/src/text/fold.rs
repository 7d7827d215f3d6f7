//! The matching view: the draft text folded so that people cannot slip a word past a
//! lexicon by spelling it differently, with a map back to the original for spans.
//!
//! Folding, per grapheme cluster: drop zero-width characters, soft hyphens, bidi controls
//! and variation selectors; Unicode NFKC (fullwidth `ＣＤＵ`, ligatures, fake-bold
//! `𝐂𝐃𝐔` become plain letters); letters of other scripts that look like Latin ones become
//! Latin by the Unicode confusables data (`СDU`, `dᴜ`, `dυ`); digits and symbols between
//! letters are read as the letters they stand for (`d1ch`, `Grün€n`, `$PD`);
//! full case folding (`ẞ`/`ß` → `ss`); and runs of single letters joined by separators
//! collapse (`C D U`, `S.P.D.`, `A-f-D` → `cdu`, `spd`, `afd`). Every folded byte knows the
//! original byte range it came from, so findings point at what the author wrote.

use std::ops::Range;

use unicode_normalization::{IsNormalized, UnicodeNormalization, is_nfkc_quick};

use super::graphemes::{Run, grapheme_runs};

/// The folded text and, per folded byte, the original range it came from.
#[derive(Debug, Clone, Default)]
pub(crate) struct Folded {
    text: String,
    /// Original byte range per folded byte (parallel to `text`'s bytes).
    origin: Vec<(u32, u32)>,
}

impl Folded {
    /// Folds `original` for matching.
    pub fn new(original: &str) -> Folded {
        let mut folded = Folded {
            text: String::with_capacity(original.len()),
            origin: Vec::with_capacity(original.len()),
        };
        // Only the stretches around non-ASCII characters are segmented; the ASCII runs
        // between them fold byte by byte.
        for run in grapheme_runs(original) {
            match run {
                Run::Singles(start, singles) => folded.push_ascii(singles, start),
                Run::Cluster(start, cluster) => folded.fold_cluster(cluster, start),
            }
        }
        folded.read_symbols_as_letters();
        folded.collapse_spelled_out_letters();
        folded
    }

    /// `d1ch`, `Grün€n`, `$PD` → `dich`, `grünen`, `spd`: a digit or symbol that stands
    /// for a letter, where it sits between two letters (or, for `$` and `€`, opens a word
    /// before a letter). Numbers and prices stay (`A4`, `5 €`, `10$`).
    fn read_symbols_as_letters(&mut self) {
        // Find the replacements first: most drafts have digits (dates, times), but hardly
        // any between letters, and then nothing is copied. Only the bytes a symbol can
        // start with are looked at (`€` starts with 0xE2), not every character.
        let text = self.text.as_str();
        let mut replacements: Vec<(usize, usize, char)> = Vec::new();
        for (byte, &first) in text.as_bytes().iter().enumerate() {
            if !matches!(first, b'0' | b'1' | b'3' | b'4' | b'5' | b'7' | b'$' | 0xE2) {
                continue;
            }
            let Some(ch) = text.get(byte..).and_then(|rest| rest.chars().next()) else {
                continue;
            };
            let Some(letter) = letter_for_symbol(ch) else {
                continue;
            };
            let previous = text
                .get(..byte)
                .and_then(|before| before.chars().next_back());
            let next = text
                .get(byte + ch.len_utf8()..)
                .and_then(|after| after.chars().next());
            let opens_word =
                matches!(ch, '$' | '€') && !previous.is_some_and(char::is_alphanumeric);
            let after_letter = previous.is_some_and(char::is_alphabetic);
            let before_letter = next.is_some_and(char::is_alphabetic);
            if (after_letter || opens_word) && before_letter {
                replacements.push((byte, ch.len_utf8(), letter));
            }
        }
        if replacements.is_empty() {
            return;
        }
        let mut text = String::with_capacity(self.text.len());
        let mut origin = Vec::with_capacity(self.origin.len());
        let mut copied = 0;
        for (byte, len, letter) in replacements {
            text.push_str(&self.text[copied..byte]);
            origin.extend_from_slice(&self.origin[copied..byte]);
            text.push(letter);
            origin.push(self.origin[byte]);
            copied = byte + len;
        }
        text.push_str(&self.text[copied..]);
        origin.extend_from_slice(&self.origin[copied..]);
        self.text = text;
        self.origin = origin;
    }

    /// Folds ASCII characters that are one cluster each, starting at byte `start`.
    fn push_ascii(&mut self, singles: &str, start: usize) {
        let from = self.text.len();
        self.text.push_str(singles);
        if let Some(pushed) = self.text.get_mut(from..) {
            pushed.make_ascii_lowercase();
        }
        let first = to_u32(start);
        self.origin.extend((0..to_u32(singles.len())).map(|i| {
            (
                first.saturating_add(i),
                first.saturating_add(i).saturating_add(1),
            )
        }));
    }

    /// Folds one grapheme cluster that starts at byte `start` of the original.
    fn fold_cluster(&mut self, cluster: &str, start: usize) {
        let range = (to_u32(start), to_u32(start + cluster.len()));
        if cluster.is_ascii() {
            for byte in cluster.bytes() {
                self.push(char::from(byte.to_ascii_lowercase()), range);
            }
            return;
        }
        // Most clusters (umlauts, emoji) are already in NFKC; the quick check says so
        // without building the normalisation iterator.
        let normalized: &mut dyn Iterator<Item = char> =
            if is_nfkc_quick(cluster.chars()) == IsNormalized::Yes {
                &mut cluster.chars()
            } else {
                &mut cluster.nfkc()
            };
        for ch in normalized {
            if is_ignorable(ch) {
                continue;
            }
            let ch = confusable_to_latin(ch);
            if ch == 'ß' || ch == 'ẞ' {
                self.push('s', range);
                self.push('s', range);
                continue;
            }
            for lower in ch.to_lowercase() {
                self.push(lower, range);
            }
        }
    }

    /// The folded text.
    pub fn as_str(&self) -> &str {
        &self.text
    }

    /// The original byte range behind a folded byte range.
    pub fn original(&self, folded: Range<usize>) -> Range<usize> {
        let start = self.origin.get(folded.start).map_or(0, |o| o.0 as usize);
        let end = folded
            .end
            .checked_sub(1)
            .and_then(|last| self.origin.get(last))
            .map_or(start, |o| o.1 as usize);
        start..end.max(start)
    }

    /// Where the original character behind the folded byte at `folded` starts (as
    /// `original(folded..folded + 1).start`).
    pub fn original_start(&self, folded: usize) -> usize {
        self.origin.get(folded).map_or(0, |o| o.0 as usize)
    }

    fn push(&mut self, ch: char, origin: (u32, u32)) {
        self.text.push(ch);
        self.origin
            .extend(std::iter::repeat_n(origin, ch.len_utf8()));
    }

    /// `c d u`, `s.p.d.`, `a-f-d` → `cdu`, `spd`, `afd`: two or more single letters, each
    /// separated by one or two separator characters. A trailing `.` of the run goes too.
    fn collapse_spelled_out_letters(&mut self) {
        if has_spelled_out_letters(&self.text) {
            self.collapse_letter_runs();
        }
    }

    /// [`Folded::collapse_spelled_out_letters`] without the quick test; whether it changed
    /// anything.
    fn collapse_letter_runs(&mut self) -> bool {
        let chars: Vec<(usize, char)> = self.text.char_indices().collect();
        let is_single_letter = |i: usize| {
            chars.get(i).is_some_and(|&(_, c)| c.is_alphanumeric())
                && !i
                    .checked_sub(1)
                    .and_then(|p| chars.get(p))
                    .is_some_and(|&(_, c)| c.is_alphanumeric())
                && !chars.get(i + 1).is_some_and(|&(_, c)| c.is_alphanumeric())
        };
        let mut keep = vec![true; chars.len()];
        let mut changed = false;
        let mut i = 0;
        while i < chars.len() {
            if !is_single_letter(i) {
                i += 1;
                continue;
            }
            // Extend the run: letter (sep{1,2} letter)+
            let mut letters = vec![i];
            let mut j = i + 1;
            loop {
                let mut k = j;
                while k < chars.len() && k - j < 2 && is_separator(chars[k].1) {
                    k += 1;
                }
                if k > j && is_single_letter(k) {
                    letters.push(k);
                    j = k + 1;
                } else {
                    break;
                }
            }
            if letters.len() >= 2 {
                let (first, last) = (letters[0], letters[letters.len() - 1]);
                for (index, slot) in keep.iter_mut().enumerate().take(last + 1).skip(first) {
                    *slot = letters.contains(&index);
                }
                if chars.get(last + 1).is_some_and(|&(_, c)| c == '.') {
                    keep[last + 1] = false;
                }
                changed = true;
                i = last + 1;
            } else {
                i += 1;
            }
        }
        if !changed {
            return false;
        }
        let mut text = String::with_capacity(self.text.len());
        let mut origin = Vec::with_capacity(self.origin.len());
        // Kept characters are copied a run at a time.
        let mut run_start = None;
        for (byte, kept) in chars
            .iter()
            .map(|&(byte, _)| byte)
            .zip(keep.iter().copied())
        {
            match (kept, run_start) {
                (true, None) => run_start = Some(byte),
                (false, Some(from)) => {
                    text.push_str(&self.text[from..byte]);
                    origin.extend_from_slice(&self.origin[from..byte]);
                    run_start = None;
                }
                _ => {}
            }
        }
        if let Some(from) = run_start {
            text.push_str(&self.text[from..]);
            origin.extend_from_slice(&self.origin[from..]);
        }
        self.text = text;
        self.origin = origin;
        true
    }
}

/// Whether `collapse_spelled_out_letters` has anything to do: two single letters with one
/// or two separators between them. One pass without allocating, since most texts have none.
fn has_spelled_out_letters(text: &str) -> bool {
    let mut previous_alphanumeric = false;
    // Separators since the last single letter; `None` when something else came between.
    let mut separators_since_single: Option<usize> = None;
    let mut chars = text.chars();
    let Some(mut current) = chars.next() else {
        return false;
    };
    let mut current_alphanumeric = current.is_alphanumeric();
    loop {
        let next = chars.next();
        let next_alphanumeric = next.is_some_and(char::is_alphanumeric);
        if current_alphanumeric && !previous_alphanumeric && !next_alphanumeric {
            if matches!(separators_since_single, Some(1..=2)) {
                return true;
            }
            separators_since_single = Some(0);
        } else if is_separator(current) {
            separators_since_single = separators_since_single
                .map(|count| count + 1)
                .filter(|&count| count <= 2);
        } else {
            separators_since_single = None;
        }
        let Some(next) = next else {
            return false;
        };
        previous_alphanumeric = current_alphanumeric;
        (current, current_alphanumeric) = (next, next_alphanumeric);
    }
}

/// Characters that change nothing visible but split words for a naive matcher.
pub(crate) fn is_ignorable(ch: char) -> bool {
    matches!(ch,
        '\u{00AD}'                      // soft hyphen
        | '\u{034F}'                    // combining grapheme joiner
        | '\u{061C}'                    // Arabic letter mark
        | '\u{115F}' | '\u{1160}' | '\u{3164}' | '\u{FFA0}' // Hangul fillers
        | '\u{180E}'                    // Mongolian vowel separator
        | '\u{200B}'..='\u{200F}'       // zero-width space/joiners, LRM/RLM
        | '\u{202A}'..='\u{202E}'       // bidi embeddings and overrides
        | '\u{2060}'..='\u{2064}'       // word joiner, invisible operators
        | '\u{2066}'..='\u{2069}'       // bidi isolates
        | '\u{FE00}'..='\u{FE0F}'       // variation selectors
        | '\u{FEFF}'                    // byte order mark / ZWNBSP
        | '\u{E0100}'..='\u{E01EF}'     // variation selectors supplement
    )
}

/// The letter a digit or symbol stands for in spellings like `d1ch` and `Grün€n`.
fn letter_for_symbol(ch: char) -> Option<char> {
    match ch {
        '0' => Some('o'),
        '1' => Some('i'),
        '3' => Some('e'),
        '4' => Some('a'),
        '5' | '$' => Some('s'),
        '7' => Some('t'),
        '€' => Some('e'),
        _ => None,
    }
}

fn is_separator(ch: char) -> bool {
    matches!(
        ch,
        ' ' | '.' | '-' | '_' | '*' | '·' | '/' | '\u{00A0}' | '\u{2009}' | '\u{202F}' | '+' | '|'
    )
}

// Letters whose UTS #39 skeleton is one ASCII letter, generated by build.rs.
include!(concat!(env!("OUT_DIR"), "/confusables.rs"));

/// A letter of another script that looks like a Latin one (`с`, `υ`, `ᴜ` → `c`, `u`,
/// `u`), by the Unicode confusables data (UTS #39); other characters stay.
fn confusable_to_latin(ch: char) -> char {
    let code = u32::from(ch);
    if ch.is_ascii() {
        return ch;
    }
    match CONFUSABLE_LETTERS.binary_search_by_key(&code, |entry| entry >> 8) {
        Ok(index) => CONFUSABLE_LETTERS
            .get(index)
            .and_then(|entry| char::from_u32(entry & 0xFF))
            .unwrap_or(ch),
        Err(_) => ch,
    }
}

fn to_u32(offset: usize) -> u32 {
    u32::try_from(offset).unwrap_or(u32::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;
    use unicode_segmentation::UnicodeSegmentation;

    fn fold(text: &str) -> String {
        Folded::new(text).as_str().to_owned()
    }

    #[test]
    fn evasions_fold_to_the_plain_word() {
        for written in [
            "CDU",
            "C D U",
            "C.D.U.",
            "C-D-U",
            "ＣＤＵ",
            "𝐂𝐃𝐔",
            "С\u{200B}DU",
            "C\u{00AD}DU",
            "\u{202E}CDU",
        ] {
            assert_eq!(fold(written), "cdu", "{written:?}");
        }
        assert_eq!(fold("S.P.D.-Fraktion"), "spd-fraktion");
        assert_eq!(fold("dᴜ ᴄᴅᴜ dυ"), "du cdu du");
        assert_eq!(fold("d1ch Grün€n $PD"), "dich grünen spd");
        assert_eq!(fold("Straße GROẞ"), "strasse gross");
        assert_eq!(fold("Grünen"), "grünen");
        assert_eq!(fold("Gru\u{308}nen"), "grünen");
    }

    #[test]
    fn ordinary_text_keeps_its_words() {
        assert_eq!(fold("Am 4. Mai um 10 Uhr"), "am 4. mai um 10 uhr");
        assert_eq!(fold("z. B. heute"), "zb heute");
        assert_eq!(fold("A4, 5 €, 10$, B2B, 3D"), "a4, 5 €, 10$, b2b, 3d");
    }

    #[test]
    fn ascii_fast_path_gives_the_clusters_of_the_whole_text() {
        // Reference: every cluster of the whole text through the slow path.
        fn reference(text: &str) -> (String, Vec<(u32, u32)>) {
            let mut folded = Folded::default();
            for (start, cluster) in text.grapheme_indices(true) {
                folded.fold_cluster(cluster, start);
            }
            folded.read_symbols_as_letters();
            folded.collapse_spelled_out_letters();
            (folded.text, folded.origin)
        }
        let pieces = [
            "a",
            "B",
            " ",
            "\r",
            "\n",
            "\r\n",
            "\u{301}",
            "\u{200D}",
            "\u{FE0F}",
            "\u{20E3}",
            "\u{0600}",
            "\u{0903}",
            "क\u{94D}",
            "🇩🇪",
            "🇩",
            "👨",
            "\u{1F3FD}",
            "ü",
            "ẞ",
            "С",
            "\u{200B}",
            "ＣＤＵ",
            "각",
            "\u{1100}",
            "\u{1161}",
            ".",
            "#",
        ];
        for a in pieces {
            for b in pieces {
                for c in pieces {
                    let text = format!("{a}{b}{c}{a}");
                    let folded = Folded::new(&text);
                    assert_eq!((folded.text, folded.origin), reference(&text), "{text:?}");
                }
            }
        }
    }

    /// How `read_symbols_as_letters` rebuilt every text before it looked for replacements
    /// first.
    fn read_symbols_by_rebuilding(folded: &mut Folded) {
        let chars: Vec<(usize, char)> = folded.text.char_indices().collect();
        let is_letter = |index: Option<usize>| {
            index
                .and_then(|i| chars.get(i))
                .is_some_and(|&(_, c)| c.is_alphabetic())
        };
        let mut text = String::new();
        let mut origin = Vec::new();
        for (index, &(byte, ch)) in chars.iter().enumerate() {
            let before = index.checked_sub(1);
            let opens_word = matches!(ch, '$' | '€')
                && !before
                    .and_then(|i| chars.get(i))
                    .is_some_and(|&(_, c)| c.is_alphanumeric());
            let replacement = letter_for_symbol(ch)
                .filter(|_| (is_letter(before) || opens_word) && is_letter(Some(index + 1)));
            match replacement {
                Some(letter) => {
                    text.push(letter);
                    origin.push(folded.origin[byte]);
                }
                None => {
                    text.push(ch);
                    origin.extend_from_slice(&folded.origin[byte..byte + ch.len_utf8()]);
                }
            }
        }
        folded.text = text;
        folded.origin = origin;
    }

    proptest::proptest! {
        #[test]
        fn symbols_are_read_as_letters_as_by_rebuilding(
            text in "([ab1ä .\\-$€5,0]|ü|👩){0,16}"
        ) {
            let mut folded = Folded::default();
            for (start, cluster) in text.char_indices() {
                folded.text.push(cluster);
                folded.origin.extend(
                    std::iter::repeat_n((to_u32(start), to_u32(start + 1)), cluster.len_utf8()),
                );
            }
            let mut reference = folded.clone();
            read_symbols_by_rebuilding(&mut reference);
            folded.read_symbols_as_letters();
            proptest::prop_assert_eq!((folded.text, folded.origin), (reference.text, reference.origin));
        }

        #[test]
        fn quick_test_finds_every_spelled_out_run(
            text in "([ab1ä .\\-_,/·x]|ab|\u{00A0}|👩){0,16}"
        ) {
            let mut folded = Folded::new("");
            folded.text = text.clone();
            folded.origin = vec![(0, 0); text.len()];
            let changed = folded.collapse_letter_runs();
            proptest::prop_assert_eq!(has_spelled_out_letters(&text), changed);
        }
    }

    #[test]
    fn folded_ranges_map_back_to_what_was_written() {
        let text = "Die С D U-Fraktion";
        let folded = Folded::new(text);
        let at = folded.as_str().find("cdu").unwrap();
        let original = folded.original(at..at + 3);
        assert_eq!(&text[original], "С D U");
    }
}
