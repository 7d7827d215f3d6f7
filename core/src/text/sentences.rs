//! German sentence and word segmentation with a syllable counter, for the readability rules
//! and any other rule that needs sentences or words.
//!
//! Built for social-media posts of German administrations:
//!
//! * abbreviations (`z. B.`, `u. a.`, `Dr.`, `Str.`, `bzw.`), initials, ordinals and dates
//!   (`4. Mai`, `1. FC`, `04.05.2026`) and times (`10.30 Uhr`) do not end a sentence;
//! * `!`, `?`, `…` and a full stop end one unless the next word starts in lower case
//!   (`„Was tun?“, fragen sich viele`);
//! * a line break after a line without final punctuation ends a sentence (headlines,
//!   list items, a closing line before the hashtags), unless the line ends with a comma or
//!   the next line goes on in lower case;
//! * URLs, hashtags and mentions (the text's entities) are not words, and their dots end
//!   nothing; emoji and other symbols are not words either;
//! * numbers are words (a reader has to take them in) of one syllable.
//!
//! One pass over the text; the only allocations are the word and sentence lists.

use std::ops::Range;

use unicode_normalization::char::is_combining_mark;

use crate::text::extract::Entity;

/// A word: a run of letters and digits, with inner hyphens, dots, apostrophes and gender
/// signs (`Social-Media-Team`, `z.B`, `04.05.2026`, `Bürger*innen`) kept inside it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Word {
    /// Byte offset of the first character.
    pub start: usize,
    /// Byte offset one past the last character.
    pub end: usize,
    /// Syllables by [`count_syllables`].
    pub syllables: u32,
}

/// A sentence with at least one word.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Sentence {
    /// Byte offset of its first word, or of the quotes or brackets right before it.
    pub start: usize,
    /// Byte offset past its last word or its final punctuation (with closing quotes).
    pub end: usize,
    /// Indices of its words in [`Segmentation::words`].
    pub words: Range<usize>,
}

impl Sentence {
    /// Number of words.
    pub fn word_count(&self) -> usize {
        self.words.len()
    }
}

/// The words and sentences of a text.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct Segmentation {
    /// Every word, in text order.
    pub words: Vec<Word>,
    /// Every sentence, in text order; together they hold every word exactly once.
    pub sentences: Vec<Sentence>,
}

impl Segmentation {
    /// Segments `text`; `entities` (sorted by start, not overlapping, as the extractor
    /// returns them) are skipped.
    pub fn new(text: &str, entities: &[Entity]) -> Segmentation {
        let mut segmenter = Segmenter {
            text,
            entities,
            next_entity: 0,
            // A German word is about seven bytes with its space; avoids regrowing.
            words: Vec::with_capacity(text.len() / 7 + 1),
            sentences: Vec::new(),
            sentence_start: 0,
            last_visible: None,
        };
        segmenter.run();
        Segmentation {
            words: segmenter.words,
            sentences: segmenter.sentences,
        }
    }

    /// The words of one sentence.
    pub fn words_of(&self, sentence: &Sentence) -> &[Word] {
        self.words.get(sentence.words.clone()).unwrap_or_default()
    }

    /// Total syllables of all words.
    pub fn syllables(&self) -> u64 {
        self.words.iter().map(|w| u64::from(w.syllables)).sum()
    }
}

/// Stands for a URL, hashtag or mention as the last visible thing before a line break.
const ENTITY_MARK: char = '\u{FFFC}';

struct Segmenter<'t> {
    text: &'t str,
    entities: &'t [Entity],
    /// First entity that does not end before the current position.
    next_entity: usize,
    words: Vec<Word>,
    sentences: Vec<Sentence>,
    /// Index of the first word of the open sentence.
    sentence_start: usize,
    /// The last non-space character seen (outside entities), for the line-break rule.
    last_visible: Option<char>,
}

impl Segmenter<'_> {
    fn run(&mut self) {
        let text = self.text;
        let mut pos = 0;
        while let Some(c) = text.get(pos..).and_then(|rest| rest.chars().next()) {
            if let Some(end) = self.entity_covering(pos) {
                self.last_visible = Some(ENTITY_MARK);
                pos = end.max(pos + c.len_utf8());
            } else if is_word_char(c) {
                let end = self.scan_word(pos);
                let written = text.get(pos..end).unwrap_or_default();
                self.words.push(Word {
                    start: pos,
                    end,
                    syllables: count_syllables(written),
                });
                self.last_visible = written.chars().next_back();
                pos = end;
            } else if is_terminator(c) {
                let end = scan_cluster(text, pos);
                if self.cluster_ends_sentence(pos, end) {
                    self.close(end);
                }
                self.last_visible = Some(c);
                pos = end;
            } else if is_line_break(c) {
                let mut end = pos + c.len_utf8();
                if c == '\r' && text.as_bytes().get(end) == Some(&b'\n') {
                    end += 1;
                }
                if !self.line_continues(end) {
                    self.close(0);
                }
                self.last_visible = None;
                pos = end;
            } else {
                if !c.is_whitespace() {
                    self.last_visible = Some(c);
                }
                pos += c.len_utf8();
            }
        }
        self.close(0);
    }

    /// End of the entity that covers `pos`, if any.
    fn entity_covering(&mut self, pos: usize) -> Option<usize> {
        while self
            .entities
            .get(self.next_entity)
            .is_some_and(|e| e.end <= pos)
        {
            self.next_entity += 1;
        }
        self.entities
            .get(self.next_entity)
            .filter(|e| e.start <= pos)
            .map(|e| e.end)
    }

    /// Start of the next entity at or after `pos` (words stop there).
    fn next_entity_start(&self) -> usize {
        self.entities
            .get(self.next_entity)
            .map_or(self.text.len(), |e| e.start)
    }

    /// End of the word starting at `start`.
    fn scan_word(&self, start: usize) -> usize {
        let limit = self.next_entity_start();
        let text = self.text;
        let mut end = start;
        let mut previous = '\0';
        let mut chars = text[start..].char_indices().peekable();
        while let Some((offset, c)) = chars.next() {
            let at = start + offset;
            if at >= limit {
                break;
            }
            if is_word_char(c) {
                end = at + c.len_utf8();
                previous = c;
                continue;
            }
            let Some(&(next_offset, next)) = chars.peek() else {
                break;
            };
            let joins =
                start + next_offset < limit && is_word_char(next) && joins(previous, c, next);
            if !joins {
                break;
            }
        }
        end
    }

    /// Closes the open sentence (if it has words); it ends at its last word or at
    /// `punctuation_end`, whichever is later.
    fn close(&mut self, punctuation_end: usize) {
        let first = self.sentence_start;
        let (Some(first_word), Some(last_word)) = (self.words.get(first), self.words.last()) else {
            return;
        };
        self.sentences.push(Sentence {
            start: with_opening(self.text, first_word.start),
            end: last_word.end.max(punctuation_end),
            words: first..self.words.len(),
        });
        self.sentence_start = self.words.len();
    }

    /// Whether the punctuation in `start..end` (a cluster of `.!?…` with closing quotes)
    /// ends the open sentence.
    fn cluster_ends_sentence(&self, start: usize, end: usize) -> bool {
        let text = self.text;
        let Some((next, next_at)) = next_visible(text, end) else {
            return true;
        };
        if line_breaks(text, end, next_at) >= 2 {
            return true;
        }
        // German sentences start with a capital: `bzw. die`, `„Was tun?“, fragen viele`.
        if next.is_lowercase() || matches!(next, ',' | ';') {
            return false;
        }
        let cluster = &text[start..end];
        if cluster.trim_end_matches(is_closing) != "." {
            return true;
        }
        // A single full stop: after an abbreviation or an ordinal it ends nothing.
        let Some(word) = self
            .words
            .last()
            .filter(|w| w.end == start && self.words.len() > self.sentence_start)
        else {
            return true;
        };
        let written = &text[word.start..word.end];
        let next_word = leading_word(&text[next_at..]);
        if is_initial(written) || is_dotted_abbreviation(written) {
            return false;
        }
        if is_abbreviation(written) {
            return false;
        }
        if is_final_abbreviation(written) {
            return next.is_uppercase();
        }
        if let Some(last_group) = ordinal_digits(written) {
            if next.is_ascii_digit() || is_month(next_word) {
                return false;
            }
            if is_sentence_opener(next_word) {
                return true;
            }
            // `1. FC`, `3. Platz`, `100. Geburtstag`; a year (`2026.`) ends the sentence.
            return last_group > 3;
        }
        true
    }

    /// Whether the sentence goes on after the line break ending at `after`.
    fn line_continues(&self, after: usize) -> bool {
        let text = self.text;
        let Some((next, next_at)) = next_visible(text, after) else {
            return false;
        };
        // An empty line ends a paragraph.
        if line_breaks(text, after, next_at) > 0 {
            return false;
        }
        matches!(self.last_visible, Some(',' | ';' | '-' | '‐' | '–')) || next.is_lowercase()
    }
}

/// Letters, digits and combining marks (a decomposed `ü` stays one word).
fn is_word_char(c: char) -> bool {
    // No ASCII character is a combining mark: the table lookup is for the rest only.
    c.is_alphanumeric() || (!c.is_ascii() && is_combining_mark(c))
}

/// Invisible characters that may sit inside a word (soft hyphen, zero-width joiners).
fn is_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{AD}' | '\u{200B}' | '\u{200C}' | '\u{200D}' | '\u{2060}' | '\u{FEFF}'
    )
}

/// Whether `c` between `previous` and `next` (both word characters) keeps one word.
fn joins(previous: char, c: char, next: char) -> bool {
    match c {
        // Compounds, abbreviations without spaces, dates, times, gender forms, apostrophes,
        // `und/oder`, the medio point of Leichte Sprache (`Halte·stelle`).
        '-' | '‐' | '‑' | '.' | '\'' | '’' | '*' | '_' | '/' | '·' => true,
        // `10:30`, `1,5`; `Bürger:innen`.
        ':' => {
            (previous.is_ascii_digit() && next.is_ascii_digit())
                || (previous.is_alphabetic() && next.is_lowercase())
        }
        ',' => previous.is_ascii_digit() && next.is_ascii_digit(),
        _ => is_invisible(c),
    }
}

fn is_terminator(c: char) -> bool {
    matches!(c, '.' | '!' | '?' | '…' | '‼' | '⁇' | '⁈' | '⁉')
}

fn is_closing(c: char) -> bool {
    matches!(
        c,
        '"' | '\'' | '“' | '”' | '‘' | '’' | '«' | '»' | '‹' | '›' | ')' | ']'
    )
}

fn is_line_break(c: char) -> bool {
    matches!(
        c,
        '\n' | '\r' | '\u{0B}' | '\u{0C}' | '\u{85}' | '\u{2028}' | '\u{2029}'
    )
}

/// `start` moved back over opening quotes and brackets right before it (`„Was`).
fn with_opening(text: &str, start: usize) -> usize {
    let before = text.get(..start).unwrap_or_default();
    let kept = before.trim_end_matches(|c: char| {
        matches!(
            c,
            '„' | '"' | '‚' | '\'' | '»' | '«' | '“' | '‘' | '(' | '[' | '¿' | '¡'
        )
    });
    kept.len()
}

/// End of the punctuation cluster starting at `start`: `.`, `?!`, `...`, `!“`.
fn scan_cluster(text: &str, start: usize) -> usize {
    let mut end = start;
    let mut closing = false;
    for c in text[start..].chars() {
        if is_terminator(c) && !closing {
            end += c.len_utf8();
        } else if is_closing(c) {
            closing = true;
            end += c.len_utf8();
        } else {
            break;
        }
    }
    end
}

/// The next non-space character at or after `from` and its offset.
fn next_visible(text: &str, from: usize) -> Option<(char, usize)> {
    text.get(from..)?
        .char_indices()
        .find(|(_, c)| !c.is_whitespace() && !is_invisible(*c))
        .map(|(offset, c)| (c, from + offset))
}

/// Line breaks in `text[from..to]`, `\r\n` counted once.
fn line_breaks(text: &str, from: usize, to: usize) -> usize {
    let gap = text.get(from..to).unwrap_or_default();
    let mut chars = gap.chars().peekable();
    let mut count = 0;
    while let Some(c) = chars.next() {
        if c == '\r' && chars.peek() == Some(&'\n') {
            continue;
        }
        if is_line_break(c) {
            count += 1;
        }
    }
    count
}

/// The leading letters of `rest`.
fn leading_word(rest: &str) -> &str {
    let end = rest
        .char_indices()
        .find(|(_, c)| !c.is_alphabetic())
        .map_or(rest.len(), |(i, _)| i);
    &rest[..end]
}

/// A single letter: an initial or part of `z. B.`, `u. a.`, `d. h.`.
fn is_initial(word: &str) -> bool {
    let mut chars = word.chars();
    chars.next().is_some_and(char::is_alphabetic) && chars.next().is_none()
}

/// `z.B`, `u.a`, `d.h`, `i.d.R`: short letter groups joined by dots (not `paderborn.de`).
fn is_dotted_abbreviation(word: &str) -> bool {
    word.contains('.')
        && word.split('.').all(|part| {
            (1..=3).contains(&part.chars().count()) && part.chars().all(char::is_alphabetic)
        })
}

/// Lower-cases a short ASCII word into a buffer (abbreviations are short and ASCII).
fn ascii_lower(word: &str, buffer: &mut [u8; 8]) -> Option<usize> {
    if word.len() > buffer.len() || !word.is_ascii() {
        return None;
    }
    for (slot, byte) in buffer.iter_mut().zip(word.bytes()) {
        *slot = byte.to_ascii_lowercase();
    }
    Some(word.len())
}

/// Abbreviations that practically never end a sentence (compared in any case).
const ABBREVIATIONS: &[&[u8]] = &[
    b"abs", b"abt", b"allg", b"bspw", b"bzgl", b"bzw", b"ca", b"dipl", b"dr", b"dt", b"ehem",
    b"einschl", b"evtl", b"fa", b"geb", b"gem", b"ggf", b"hbf", b"hr", b"hrn", b"hrsg", b"inkl",
    b"ing", b"jh", b"jhd", b"kath", b"max", b"min", b"mind", b"mio", b"mrd", b"nr", b"pl", b"prof",
    b"sog", b"st", b"std", b"str", b"tel", b"tsd", b"usf", b"vgl", b"zzgl", b"jan", b"feb", b"apr",
    b"jun", b"jul", b"aug", b"sep", b"sept", b"okt", b"nov", b"dez",
];

/// Weekday abbreviations, only as written (`So.` is Sonntag, `so.` ends a sentence).
const WEEKDAYS: [&str; 7] = ["Mo", "Di", "Mi", "Do", "Fr", "Sa", "So"];

fn is_abbreviation(word: &str) -> bool {
    let mut buffer = [0u8; 8];
    // `Bahnhofstr.`, `Königstr.`: no German word ends in `str`.
    let street = word.len() > 3
        && word.is_char_boundary(word.len() - 3)
        && word[word.len() - 3..].eq_ignore_ascii_case("str");
    street
        || WEEKDAYS.contains(&word)
        || ascii_lower(word, &mut buffer).is_some_and(|len| ABBREVIATIONS.contains(&&buffer[..len]))
}

/// Abbreviations that often end a list and the sentence: `usw.`, `etc.`.
fn is_final_abbreviation(word: &str) -> bool {
    let mut buffer = [0u8; 8];
    ascii_lower(word, &mut buffer)
        .is_some_and(|len| matches!(&buffer[..len], b"usw" | b"etc" | b"ff"))
}

/// For a number such as `4`, `04.05` or `2026`: the digit count of its last group.
fn ordinal_digits(word: &str) -> Option<usize> {
    if !word.chars().all(|c| c.is_ascii_digit() || c == '.') {
        return None;
    }
    let last = word.rsplit('.').next().unwrap_or_default();
    (!last.is_empty()).then_some(last.len())
}

fn is_month(word: &str) -> bool {
    matches!(
        word,
        "Januar"
            | "Jänner"
            | "Februar"
            | "März"
            | "April"
            | "Mai"
            | "Juni"
            | "Juli"
            | "August"
            | "September"
            | "Oktober"
            | "November"
            | "Dezember"
            | "Jan"
            | "Feb"
            | "Mär"
            | "Apr"
            | "Jun"
            | "Jul"
            | "Aug"
            | "Sep"
            | "Sept"
            | "Okt"
            | "Nov"
            | "Dez"
    )
}

/// Capitalised function words that can open a sentence but never follow an ordinal
/// (`Einlass ab 18. Der Eintritt ist frei.`).
fn is_sentence_opener(word: &str) -> bool {
    matches!(
        word,
        "Der"
            | "Die"
            | "Das"
            | "Den"
            | "Dem"
            | "Des"
            | "Ein"
            | "Eine"
            | "Einen"
            | "Einem"
            | "Einer"
            | "Eines"
            | "Wir"
            | "Sie"
            | "Er"
            | "Es"
            | "Ich"
            | "Du"
            | "Ihr"
            | "Man"
            | "Bitte"
            | "Am"
            | "Im"
            | "Um"
            | "Ab"
            | "Bis"
            | "Mit"
            | "Von"
            | "Vom"
            | "Zum"
            | "Zur"
            | "In"
            | "An"
            | "Auf"
            | "Aus"
            | "Für"
            | "Bei"
            | "Beim"
            | "Nach"
            | "Seit"
            | "Vor"
            | "Über"
            | "Unter"
            | "Und"
            | "Aber"
            | "Oder"
            | "Denn"
            | "Doch"
            | "Dann"
            | "Danach"
            | "Damit"
            | "Dabei"
            | "Dazu"
            | "Deshalb"
            | "Daher"
            | "Auch"
            | "Hier"
            | "Dort"
            | "Da"
            | "Heute"
            | "Jetzt"
            | "So"
            | "Wer"
            | "Wie"
            | "Was"
            | "Wo"
            | "Wann"
            | "Warum"
            | "Wenn"
            | "Weil"
            | "Als"
            | "Alle"
            | "Alles"
            | "Diese"
            | "Dieser"
            | "Dieses"
            | "Unser"
            | "Unsere"
            | "Ihre"
            | "Mehr"
            | "Kein"
            | "Keine"
            | "Nur"
            | "Noch"
            | "Schon"
            | "Außerdem"
            | "Zudem"
            | "Anschließend"
    )
}

fn is_vowel(c: char) -> bool {
    matches!(
        c,
        'a' | 'e'
            | 'i'
            | 'o'
            | 'u'
            | 'y'
            | 'ä'
            | 'ö'
            | 'ü'
            | 'á'
            | 'à'
            | 'â'
            | 'é'
            | 'è'
            | 'ê'
            | 'ë'
            | 'í'
            | 'ì'
            | 'î'
            | 'ï'
            | 'ó'
            | 'ò'
            | 'ô'
            | 'ú'
            | 'ù'
            | 'û'
    )
}

/// Two vowels read as one syllable: diphthongs and long vowels.
fn is_one_sound(first: char, second: char) -> bool {
    matches!(
        (first, second),
        ('a', 'i' | 'y' | 'u' | 'a')
            | ('e', 'i' | 'y' | 'u' | 'e')
            | ('ä', 'u')
            | ('i', 'e')
            | ('o', 'o' | 'u')
    )
}

fn lower(c: char) -> char {
    // Every letter the counter looks at lower-cases to one character.
    c.to_lowercase().next().unwrap_or(c)
}

/// Syllables of a German word: groups of vowels (with umlauts and `y`), where the
/// diphthongs `ei ai au äu eu ie` (and `ey ay ee aa oo ou`) are one syllable and the `u`
/// of `qu` none. Word endings fix the frequent exceptions: `-ien` (Fe-ri-en), `-eum`/`-äum`
/// (Mu-se-um), `-een` (I-de-en), and silent final `e` in common English loans (`online`,
/// `Website`, `Service`, `Team`). Never less than 1, so numbers count as one syllable.
///
/// Like every rule-based counter it is an approximation: compounds across a vowel seam
/// (`Kita-Eltern` is fine, `Seeufer` is not) and rare loans may be off by one.
pub(crate) fn count_syllables(word: &str) -> u32 {
    let mut count: u32 = 0;
    // The previous vowel when the previous letter was one and may still pair.
    let mut pairable: Option<char> = None;
    let mut in_vowel_group = false;
    let mut previous = '\0';
    let mut loan_adjustment: u32 = 0;
    // The last six letters, for the endings.
    let mut tail = ['\0'; 6];
    let mut chars = word.chars();
    let mut first = true;
    while let Some(raw) = chars.next() {
        // ASCII first: most letters are, and the Unicode tables cost more than the rest.
        let letter = if raw.is_ascii() {
            raw.is_ascii_alphanumeric()
                .then(|| raw.to_ascii_lowercase())
        } else if is_combining_mark(raw) || is_invisible(raw) {
            continue;
        } else {
            raw.is_alphanumeric().then(|| lower(raw))
        };
        let Some(c) = letter else {
            // Hyphens and dots separate parts: `Kiwi-Eis` is not `ie`.
            pairable = None;
            in_vowel_group = false;
            previous = '\0';
            first = true;
            continue;
        };
        // Shifted by hand: `rotate_left` is an out-of-line call per letter.
        tail = [tail[1], tail[2], tail[3], tail[4], tail[5], c];
        if tail[2..] == ['t', 'e', 'a', 'm'] {
            loan_adjustment += 1;
        }
        // `qu` is /kv/; a `y` before a vowel at the start is /j/ (`Yoga`).
        let consonantal = (c == 'u' && previous == 'q')
            || (c == 'y' && first && chars.clone().next().is_some_and(|n| is_vowel(lower(n))));
        if !is_vowel(c) || consonantal {
            pairable = None;
            in_vowel_group = false;
        } else {
            match pairable {
                Some(before) if in_vowel_group && is_one_sound(before, c) => pairable = None,
                _ => {
                    count += 1;
                    pairable = Some(c);
                }
            }
            in_vowel_group = true;
        }
        previous = c;
        first = false;
    }
    let ends_with = |ending: [char; 3]| tail[3..] == ending;
    // Gate on the last letter: most words end in none of these.
    match tail[5] {
        'n' if (ends_with(['i', 'e', 'n']) && count >= 2) || ends_with(['e', 'e', 'n']) => {
            count += 1;
        }
        'm' if ends_with(['e', 'u', 'm']) || ends_with(['ä', 'u', 'm']) => count += 1,
        's' if tail[2..] == ['e', 'u', 'm', 's'] => count += 1,
        'e' if ["line", "site", "page", "vice", "fice"]
            .iter()
            .any(|ending| tail[2..].iter().copied().eq(ending.chars())) =>
        {
            loan_adjustment += 1;
        }
        _ => {}
    }
    count.saturating_sub(loan_adjustment).max(1)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::extract::EntityKind;

    /// Words of each sentence, as written.
    fn sentences(text: &str) -> Vec<Vec<&str>> {
        sentences_with(text, &[])
    }

    fn sentences_with<'t>(text: &'t str, entities: &[Entity]) -> Vec<Vec<&'t str>> {
        let segmentation = Segmentation::new(text, entities);
        segmentation
            .sentences
            .iter()
            .map(|s| {
                segmentation
                    .words_of(s)
                    .iter()
                    .map(|w| &text[w.start..w.end])
                    .collect()
            })
            .collect()
    }

    #[test]
    fn syllables_of_municipal_words() {
        for (word, expected) in [
            ("Bürgersprechstunde", 5), // Bür-ger-sprech-stun-de
            ("Verwaltung", 3),         // Ver-wal-tung
            ("Stadtverwaltung", 4),    // Stadt-ver-wal-tung
            ("Bürgermeister", 4),      // Bür-ger-meis-ter
            ("Abfallentsorgung", 5),   // Ab-fall-ent-sor-gung
            ("Feuerwehr", 3),          // Feu-er-wehr
            ("Eis", 1),
            ("Straße", 2),         // Stra-ße
            ("Gebäude", 3),        // Ge-bäu-de
            ("Libori", 3),         // Li-bo-ri
            ("Paderborn", 3),      // Pa-der-born
            ("Beamtendeutsch", 4), // Be-am-ten-deutsch
            ("Theater", 3),        // The-a-ter
            ("Information", 5),    // In-for-ma-ti-on
            ("Situation", 5),      // Si-tu-a-ti-on
            ("Qualität", 3),       // Qua-li-tät
            ("Quartier", 2),       // Quar-tier
            ("Ferien", 3),         // Fe-ri-en
            ("Familien", 4),       // Fa-mi-li-en
            ("Wien", 1),
            ("Museum", 3),      // Mu-se-um
            ("Jubiläum", 4),    // Ju-bi-lä-um
            ("Ideen", 3),       // I-de-en
            ("Idee", 2),        // I-dee
            ("Energie", 3),     // E-ner-gie
            ("Bayern", 2),      // Bay-ern
            ("Gymnasium", 4),   // Gym-na-si-um
            ("Yoga", 2),        // Yo-ga
            ("Tourismus", 3),   // Tou-ris-mus
            ("freie", 2),       // frei-e
            ("Bauarbeiten", 4), // Bau-ar-bei-ten
            ("online", 2),      // on-line
            ("Website", 2),     // Web-site
            ("Team", 1),
            ("Teamleitung", 3), // Team-lei-tung
            ("Café", 2),
            ("2026", 1),
            ("z", 1),
            ("STRASSE", 2),
            ("Kiwi-Eis", 3),
            ("Bu\u{308}rger", 2), // decomposed ü
        ] {
            assert_eq!(count_syllables(word), expected, "{word}");
        }
    }

    #[test]
    fn punctuation_and_line_breaks_end_sentences() {
        assert_eq!(
            sentences("Das Fest beginnt! Kommen Sie? Wir freuen uns… Bis bald."),
            [
                vec!["Das", "Fest", "beginnt"],
                vec!["Kommen", "Sie"],
                vec!["Wir", "freuen", "uns"],
                vec!["Bis", "bald"],
            ]
        );
        assert_eq!(
            sentences("Libori 2026\nDas Fest beginnt am Samstag\n\nKommen Sie vorbei"),
            [
                vec!["Libori", "2026"],
                vec!["Das", "Fest", "beginnt", "am", "Samstag"],
                vec!["Kommen", "Sie", "vorbei"],
            ]
        );
    }

    #[test]
    fn abbreviations_do_not_end_sentences() {
        assert_eq!(
            sentences(
                "Wir sammeln z. B. Glas, Papier u. a. Verpackungen. Dr. Meier ist ca. 10 Min. da."
            ),
            [
                vec![
                    "Wir",
                    "sammeln",
                    "z",
                    "B",
                    "Glas",
                    "Papier",
                    "u",
                    "a",
                    "Verpackungen"
                ],
                vec!["Dr", "Meier", "ist", "ca", "10", "Min", "da"],
            ]
        );
        assert_eq!(
            sentences(
                "Die Bahnhofstr. bzw. die Westernstr. ist gesperrt. Infos inkl. Plan folgen."
            ),
            [
                vec![
                    "Die",
                    "Bahnhofstr",
                    "bzw",
                    "die",
                    "Westernstr",
                    "ist",
                    "gesperrt"
                ],
                vec!["Infos", "inkl", "Plan", "folgen"],
            ]
        );
        assert_eq!(
            sentences("Am St. Martin ggf. Umzug, z.B. mit Laternen usw. Danach Essen."),
            [
                vec![
                    "Am", "St", "Martin", "ggf", "Umzug", "z.B", "mit", "Laternen", "usw"
                ],
                vec!["Danach", "Essen"],
            ]
        );
        // Weekday abbreviations only as written: `so.` is a word ending a sentence.
        assert_eq!(
            sentences("Geöffnet Fr. und Sa. ab 10 Uhr. Das bleibt so. Versprochen."),
            [
                vec!["Geöffnet", "Fr", "und", "Sa", "ab", "10", "Uhr"],
                vec!["Das", "bleibt", "so"],
                vec!["Versprochen"],
            ]
        );
    }

    #[test]
    fn ordinals_dates_and_times_do_not_end_sentences() {
        assert_eq!(
            sentences(
                "Am 4. Mai spielt der 1. FC um 10.30 Uhr. Anmeldung bis 04.05.2026. Danach nicht mehr."
            ),
            [
                vec![
                    "Am", "4", "Mai", "spielt", "der", "1", "FC", "um", "10.30", "Uhr"
                ],
                vec!["Anmeldung", "bis", "04.05.2026"],
                vec!["Danach", "nicht", "mehr"],
            ]
        );
        assert_eq!(
            sentences("Wir feiern den 100. Geburtstag. Einlass ab 18. Der Eintritt ist frei."),
            [
                vec!["Wir", "feiern", "den", "100", "Geburtstag"],
                vec!["Einlass", "ab", "18"],
                vec!["Der", "Eintritt", "ist", "frei"],
            ]
        );
        assert_eq!(
            sentences("Seit 2026. Im Mai 10:30 Uhr, am 4.5. um 1,5 km."),
            [
                vec!["Seit", "2026"],
                vec!["Im", "Mai", "10:30", "Uhr", "am", "4.5", "um", "1,5", "km"],
            ]
        );
    }

    #[test]
    fn lower_case_after_punctuation_continues_the_sentence() {
        assert_eq!(
            sentences("„Was tun?“, fragen sich viele. Und dann … kam der Regen."),
            [
                vec!["Was", "tun", "fragen", "sich", "viele"],
                vec!["Und", "dann", "kam", "der", "Regen"],
            ]
        );
    }

    #[test]
    fn wrapped_lines_and_commas_continue_the_sentence() {
        assert_eq!(
            sentences("Das Fest beginnt\num 10 Uhr, und zwar\nAm Rathaus\n- Ausweis\n- Foto"),
            [
                vec!["Das", "Fest", "beginnt", "um", "10", "Uhr", "und", "zwar"],
                vec!["Am", "Rathaus"],
                vec!["Ausweis"],
                vec!["Foto"],
            ]
        );
        assert_eq!(
            sentences("Liste:\r\nGlas\r\nPapier,\r\nMetall"),
            [vec!["Liste"], vec!["Glas"], vec!["Papier", "Metall"]]
        );
    }

    #[test]
    fn compounds_gender_forms_and_emoji() {
        assert_eq!(
            sentences("Liebe Bürger*innen und Bürger:innen 🎉 das Social-Media-Team geht's an! 👍🏽"),
            [vec![
                "Liebe",
                "Bürger*innen",
                "und",
                "Bürger:innen",
                "das",
                "Social-Media-Team",
                "geht's",
                "an"
            ]]
        );
        // Emoji alone on a line are no sentence; a line ending in an emoji ends one.
        assert_eq!(
            sentences("Wir freuen uns 😊\n🎉🎉\nDas Team"),
            [vec!["Wir", "freuen", "uns"], vec!["Das", "Team"]]
        );
    }

    #[test]
    fn entities_are_not_words_and_their_dots_end_nothing() {
        let text = "Infos: www.paderborn.de/libori. Mehr bei @stadt.pb #Libori";
        let entities = [
            Entity {
                kind: EntityKind::Url,
                start: 7,
                end: 30,
            },
            Entity {
                kind: EntityKind::Mention,
                start: 41,
                end: 47,
            },
            Entity {
                kind: EntityKind::Hashtag,
                start: 51,
                end: 58,
            },
        ];
        assert_eq!(&text[7..30], "www.paderborn.de/libori");
        assert_eq!(&text[41..47], "@stadt");
        assert_eq!(&text[51..58], "#Libori");
        assert_eq!(
            sentences_with(text, &entities),
            [vec!["Infos"], vec!["Mehr", "bei", "pb"]]
        );
        // Without the entities the URL would be words.
        assert_eq!(sentences(text)[0], ["Infos", "www.paderborn.de/libori"]);
    }

    #[test]
    fn sentence_spans_cover_words_and_final_punctuation() {
        let text = "  „Kommen Sie!“ Danach: Essen";
        let segmentation = Segmentation::new(text, &[]);
        let spans: Vec<&str> = segmentation
            .sentences
            .iter()
            .map(|s| &text[s.start..s.end])
            .collect();
        assert_eq!(spans, ["„Kommen Sie!“", "Danach: Essen"]);
        assert_eq!(segmentation.syllables(), 2 + 1 + 2 + 2);
    }

    proptest::proptest! {
        /// On any text: words lie on character boundaries in order, every word is in
        /// exactly one sentence, and a sentence's span covers its words.
        #[test]
        fn sentences_partition_the_words(text in "(\\PC|[ .!?…\n\r„“\"#@:-]|z\\. B\\.|4\\. Mai|Dr\\.){0,60}") {
            let segmentation = Segmentation::new(&text, &[]);
            let mut previous_end = 0;
            for word in &segmentation.words {
                proptest::prop_assert!(previous_end <= word.start && word.start < word.end);
                proptest::prop_assert!(text.get(word.start..word.end).is_some());
                proptest::prop_assert!(word.syllables >= 1);
                previous_end = word.end;
            }
            let mut next_word = 0;
            for sentence in &segmentation.sentences {
                proptest::prop_assert_eq!(sentence.words.start, next_word);
                proptest::prop_assert!(!sentence.words.is_empty());
                next_word = sentence.words.end;
                let words = segmentation.words_of(sentence);
                let (first, last) = (words[0], words[words.len() - 1]);
                proptest::prop_assert!(sentence.start <= first.start && last.end <= sentence.end);
                proptest::prop_assert!(text.get(sentence.start..sentence.end).is_some());
            }
            proptest::prop_assert_eq!(next_word, segmentation.words.len());
        }
    }

    #[test]
    fn empty_and_symbol_only_texts_have_no_sentences() {
        assert_eq!(Segmentation::new("", &[]), Segmentation::default());
        assert!(
            Segmentation::new(" 🎉 … !! \n -- ", &[])
                .sentences
                .is_empty()
        );
    }
}
