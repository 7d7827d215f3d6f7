//! Words and clauses of the folded text, for the separation rules that look at who speaks
//! (`ich`, `meine Frau`) rather than at single words.
//!
//! Words are runs of letters and digits in the folded view, so `F\u{200B}rau` and `Ｆｒａｕ`
//! are the word `frau`; each word keeps its original byte range for spans. A clause ends
//! at punctuation, a line break or a symbol such as an emoji: German marks subordinate
//! clauses with commas, so "ich freue mich, dass in den Ferien …" puts `Ferien` in a clause
//! without `ich`.

use std::ops::Range;

use crate::text::fold::Folded;

/// A word of the folded text.
pub(super) struct Word {
    /// Byte range in the folded text.
    pub folded: Range<usize>,
    /// Byte range in the original text.
    pub original: Range<usize>,
    /// Index of the clause the word belongs to.
    pub clause: usize,
}

/// The words of one draft, in text order.
pub(super) struct Words<'a> {
    folded: &'a Folded,
    list: Vec<Word>,
}

/// First-person singular pronouns: the speaker takes part (`ich war joggen`).
const FIRST_PERSON: [&str; 3] = ["ich", "mich", "mir"];

/// First-person possessive determiners, singular and plural, with the colloquial `unsre`.
pub(super) const POSSESSIVES_SINGULAR: [&str; 7] = [
    "mein", "meine", "meinem", "meinen", "meiner", "meines", "meins",
];
pub(super) const POSSESSIVES_PLURAL: [&str; 10] = [
    "unser", "unsere", "unserem", "unseren", "unserer", "unseres", "unsre", "unsrem", "unsren",
    "unsrer",
];
/// The forms of `unser-` that can go with a plural noun (`unsere Kinder`, `unseren
/// Vereinen`); `unser`, `unserem` and `unseres` are singular only (`unser Enkel Paul`).
pub(super) const POSSESSIVES_PLURAL_NOUN: [&str; 6] =
    ["unsere", "unseren", "unserer", "unsre", "unsren", "unsrer"];

impl<'a> Words<'a> {
    /// Splits the folded text into words and clauses.
    pub fn new(folded: &'a Folded) -> Words<'a> {
        let text = folded.as_str();
        let mut list = Vec::new();
        let mut clause = 0;
        let mut word_start: Option<usize> = None;
        let mut gap_start = 0;
        let mut previous_is_number = false;
        let flush = |list: &mut Vec<Word>, start: usize, end: usize, clause: usize| {
            list.push(Word {
                folded: start..end,
                original: folded.original(start..end),
                clause,
            });
        };
        for (offset, ch) in text.char_indices() {
            if ch.is_alphanumeric() {
                if word_start.is_none() {
                    if ends_clause(&text[gap_start..offset], previous_is_number) {
                        clause += 1;
                    }
                    word_start = Some(offset);
                }
                continue;
            }
            if let Some(start) = word_start.take() {
                previous_is_number = text[start..offset].chars().all(|c| c.is_ascii_digit());
                flush(&mut list, start, offset, clause);
                gap_start = offset;
            }
        }
        if let Some(start) = word_start {
            flush(&mut list, start, text.len(), clause);
        }
        Words { folded, list }
    }

    /// A word by index.
    pub fn get(&self, index: usize) -> Option<&Word> {
        self.list.get(index)
    }

    /// The folded text of a word.
    pub fn text(&self, index: usize) -> &str {
        self.list
            .get(index)
            .and_then(|w| self.folded.as_str().get(w.folded.clone()))
            .unwrap_or_default()
    }

    /// The folded text between a word and the one before it (empty for the first word's
    /// leading text up to the start).
    pub fn gap_before(&self, index: usize) -> &str {
        let Some(word) = self.list.get(index) else {
            return "";
        };
        let start = index
            .checked_sub(1)
            .and_then(|p| self.list.get(p))
            .map_or(0, |p| p.folded.end);
        self.folded
            .as_str()
            .get(start..word.folded.start)
            .unwrap_or_default()
    }

    /// Whether two neighbouring words are in the same phrase: only spaces between them.
    pub fn adjacent(&self, index: usize) -> bool {
        index > 0 && self.gap_before(index).chars().all(char::is_whitespace)
    }

    /// The word that contains an original byte offset.
    pub fn index_at(&self, original: usize) -> Option<usize> {
        let after = self.list.partition_point(|w| w.original.start <= original);
        let index = after.checked_sub(1)?;
        let word = self.list.get(index)?;
        (original < word.original.end).then_some(index)
    }

    /// The folded text of a word before an original byte offset inside it: `mein` for the
    /// match `Urlaub` in `#MeinUrlaub`.
    pub fn prefix_before(&self, index: usize, original: usize) -> &str {
        let Some(word) = self.list.get(index) else {
            return "";
        };
        let text = self.folded.as_str();
        let mut end = word.folded.start;
        for (offset, _) in text
            .get(word.folded.clone())
            .unwrap_or_default()
            .char_indices()
        {
            let at = word.folded.start + offset;
            if self.folded.original(at..at + 1).start >= original {
                break;
            }
            end = at + 1;
            while !text.is_char_boundary(end) {
                end += 1;
            }
        }
        text.get(word.folded.start..end).unwrap_or_default()
    }

    /// Indices of the words of a clause.
    pub fn clause(&self, clause: usize) -> impl Iterator<Item = usize> + '_ {
        let start = self.list.partition_point(|w| w.clause < clause);
        (start..self.list.len()).take_while(move |&i| self.list[i].clause == clause)
    }

    /// Whether the speaker takes part in a clause (`ich`, `mich`, `mir`).
    pub fn clause_has_first_person(&self, clause: usize) -> bool {
        self.clause(clause)
            .any(|i| FIRST_PERSON.contains(&self.text(i)))
    }

    /// Whether a clause has a first-person pronoun or possessive (`in meiner Funktion`).
    pub fn clause_has_speaker(&self, clause: usize) -> bool {
        self.clause(clause).any(|i| {
            let word = self.text(i);
            FIRST_PERSON.contains(&word) || POSSESSIVES_SINGULAR.contains(&word)
        })
    }
}

/// Whether the text between two words ends a clause. Spaces, hyphens (compounds), slashes,
/// `&`, apostrophes, the `#`/`@` of tags and gender signs keep it going; so does a colon,
/// which in posts mostly follows a headline (`Kurze Auszeit am Meer: ich tanke Kraft`); a
/// full stop after a number is an ordinal (`60. Geburtstag`).
fn ends_clause(gap: &str, after_number: bool) -> bool {
    gap.chars().any(|c| match c {
        '.' => !after_number,
        '\n' | '\r' => true,
        c if c.is_whitespace() => false,
        '-' | '/' | '&' | '\'' | '’' | '#' | '@' | '_' | '*' | ':' => false,
        _ => true,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn clauses(text: &str) -> Vec<Vec<String>> {
        let folded = Folded::new(text);
        let words = Words::new(&folded);
        let last = words.list.last().map_or(0, |w| w.clause);
        (0..=last)
            .map(|c| words.clause(c).map(|i| words.text(i).to_owned()).collect())
            .filter(|c: &Vec<String>| !c.is_empty())
            .collect()
    }

    #[test]
    fn commas_and_emoji_end_clauses_but_ordinals_and_hyphens_do_not() {
        assert_eq!(
            clauses("Ich freue mich, dass in den Ferien 🌞 viele Kita-Kinder kommen"),
            [
                vec!["ich", "freue", "mich"],
                vec!["dass", "in", "den", "ferien"],
                vec!["viele", "kita", "kinder", "kommen"],
            ]
        );
        assert_eq!(
            clauses("Zu meinem 60. Geburtstag"),
            [vec!["zu", "meinem", "60", "geburtstag"]]
        );
    }

    #[test]
    fn words_map_back_to_the_original() {
        let text = "Meine F\u{200B}rau und #MeinUrlaub";
        let folded = Folded::new(text);
        let words = Words::new(&folded);
        let frau = words.index_at(text.find('F').unwrap()).unwrap();
        assert_eq!(words.text(frau), "frau");
        assert_eq!(
            &text[words.get(frau).unwrap().original.clone()],
            "F\u{200B}rau"
        );
        assert!(words.adjacent(frau));
        let urlaub = text.find("Urlaub").unwrap();
        let tag = words.index_at(urlaub).unwrap();
        assert_eq!(words.prefix_before(tag, urlaub), "mein");
    }
}
