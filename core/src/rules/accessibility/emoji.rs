use std::ops::Range;

use crate::lang::{plural, tr};
use crate::report::Severity;
use crate::rules::{
    Account, CheckContext, Finding, Rule, RuleDef, SettingError, Title, documented_rule,
    rule_settings,
};
use crate::text::TextView;

/// A few emoji set the tone; more turn the post into a list of read-aloud names.
const DEFAULT_MAX: u32 = 3;

/// Words after which a sentence cannot end (articles, prepositions, conjunctions): an emoji
/// after them stands for or before a word, even when a capitalised noun follows.
const SENTENCE_CONTINUES_AFTER: &[&str] = &[
    "der", "die", "das", "den", "dem", "des", "ein", "eine", "einen", "einem", "einer", "eines",
    "am", "im", "ins", "an", "in", "zum", "zur", "vom", "von", "beim", "mit", "auf", "für", "bei",
    "nach", "aus", "über", "unter", "vor", "durch", "gegen", "ohne", "um", "zwischen", "und",
    "oder", "sowie", "aber", "unser", "unsere", "unseren", "unserem", "the", "a", "to", "of",
    "and", "or", "with", "for", "at", "on",
];

rule_settings! {
    /// Settings of `accessibility.emoji`.
    #[schemars(rename = "AccessibilityEmojiSettings")]
    pub struct Settings {
        /// Most emoji per post (default 3).
        pub max: Option<u32>,
        /// Whether emoji inside a sentence are reported (default `true`).
        pub inside_sentence: Option<bool>,
    }
}

documented_rule! {
    /// ## What it checks
    /// More than `max` emoji in a post (the span runs from the first emoji over the limit
    /// to the last), and emoji inside a sentence instead of at the end of a statement:
    /// between two words of one sentence ("Wir feiern 🎉 heute"), before a comma, or after
    /// an article or preposition ("am 🎡 Riesenrad"). Emoji at the end of a sentence or
    /// line, before a link, hashtag or mention ("Infos 👉 www.paderborn.de"), and at the
    /// start of a line (bullets: "📍 Rathausplatz") are fine. A sequence (flag, family,
    /// skin tone, keycap) counts as one emoji.
    ///
    /// ## Why
    /// Screen readers read every emoji by its name: "Wir feiern Party-Popper heute"
    /// breaks the sentence, and five emoji in a row become a list of names. The
    /// Bundesfachstelle Barrierefreiheit recommends few emoji, placed at the end of a
    /// statement (§12a Abs. 8 BGG).
    ///
    /// ## Example
    /// `Wir feiern 🎉 heute das Stadtfest.` → `Wir feiern heute das Stadtfest. 🎉`
    ///
    /// ## Configuration
    /// Off unless the policy sets `enabled = true` (the base policy does).
    /// ```toml
    /// [rules."accessibility.emoji"]
    /// max = 2
    /// inside-sentence = false
    /// ```
    ///
    /// # Deutsch
    ///
    /// ## Was geprüft wird
    /// Mehr als `max` Emoji in einem Beitrag (die Markierung reicht vom ersten Emoji über der
    /// Grenze bis zum letzten) und Emoji mitten im Satz statt am Ende einer Aussage: zwischen
    /// zwei Wörtern eines Satzes („Wir feiern 🎉 heute“), vor einem Komma oder nach einem
    /// Artikel oder einer Präposition („am 🎡 Riesenrad“). Emoji am Ende eines Satzes oder
    /// einer Zeile, vor einem Link, Hashtag oder einer Erwähnung („Infos 👉 www.paderborn.de“)
    /// und am Anfang einer Zeile (Aufzählungszeichen: „📍 Rathausplatz“) sind in Ordnung. Eine
    /// Folge (Flagge, Familie, Hautton, Tastenkappe) zählt als ein Emoji.
    ///
    /// ## Warum
    /// Screenreader lesen jedes Emoji mit seinem Namen vor: „Wir feiern Party-Popper heute“
    /// zerreißt den Satz, und fünf Emoji hintereinander werden zu einer Liste von Namen. Die
    /// Bundesfachstelle Barrierefreiheit empfiehlt wenige Emoji, gesetzt am Ende einer Aussage
    /// (§ 12a Abs. 8 BGG).
    ///
    /// ## Beispiel
    /// `Wir feiern 🎉 heute das Stadtfest.` → `Wir feiern heute das Stadtfest. 🎉`
    ///
    /// ## Einstellungen
    /// Aus, solange die Richtlinie nicht `enabled = true` setzt (die Basisrichtlinie tut es).
    /// ```toml
    /// [rules."accessibility.emoji"]
    /// max = 2
    /// inside-sentence = false
    /// ```
    pub(crate) struct AccessibilityEmoji {
        max: usize,
        inside_sentence: bool,
    }
}

impl RuleDef for AccessibilityEmoji {
    type Settings = Settings;
    const DEFAULT_SEVERITY: Severity = Severity::Warning;
    // Noisy without the city's allowlists and choices, so a policy opts in (base.toml does).
    const DEFAULT_ENABLED: bool = false;
    const DOCS: &'static str = Self::DOC_TEXT;
    const TITLE: Title = Title {
        de: "Zu viele oder störende Emojis",
        en: "Too many or disruptive emoji",
    };

    fn compile(settings: &Settings, _: &Account) -> Result<Self, SettingError> {
        Ok(AccessibilityEmoji {
            max: usize::try_from(settings.max.unwrap_or(DEFAULT_MAX)).unwrap_or(usize::MAX),
            inside_sentence: settings.inside_sentence.unwrap_or(true),
        })
    }
}

impl Rule for AccessibilityEmoji {
    fn check(&self, cx: &CheckContext<'_>, out: &mut Vec<Finding>) {
        let emoji = cx.text.emoji();
        let text = cx.text.text;
        if let (Some(first_extra), Some(last)) = (emoji.get(self.max), emoji.last()) {
            let count = emoji.len();
            let max = self.max;
            let emoji_noun = plural(count, "Emoji", "Emojis");
            out.push(
                Finding::new(
                    tr!(cx.lang,
                        de: "{count} {emoji_noun}, höchstens {max} sind gut lesbar",
                        en: "{count} emoji, at most {max} read well"),
                    tr!(cx.lang,
                        de: "Screenreader lesen jedes Emoji mit Namen vor; wenige wählen und ans Ende einer Aussage stellen",
                        en: "screen readers read every emoji by its name; keep a few and put them at the end of a statement"),
                )
                .at(first_extra.start, last.end),
            );
        }
        if !self.inside_sentence {
            return;
        }
        for run in runs(text, emoji) {
            if !inside_sentence(text, &run) || points_at_entity(cx.text, &run) {
                continue;
            }
            let written = text.get(run.clone()).unwrap_or_default();
            out.push(
                Finding::new(
                    tr!(cx.lang,
                        de: "Emoji `{written}` mitten im Satz",
                        en: "emoji `{written}` inside a sentence"),
                    tr!(cx.lang,
                        de: "Emoji ans Ende der Aussage stellen: Screenreader lesen es als Wort vor und unterbrechen den Satz („Wir feiern Party-Popper heute“)",
                        en: "put the emoji at the end of the statement: screen readers read it as a word and break the sentence (\"we celebrate party popper today\")"),
                )
                .at(run.start, run.end),
            );
        }
    }
}

/// Groups emoji that follow each other, with at most spaces between, into runs.
fn runs<'a>(text: &'a str, emoji: &'a [Range<usize>]) -> impl Iterator<Item = Range<usize>> + 'a {
    let mut index = 0;
    std::iter::from_fn(move || {
        let first = emoji.get(index)?;
        let mut run = first.clone();
        index += 1;
        while let Some(next) = emoji.get(index) {
            let gap = text.get(run.end..next.start).unwrap_or("\n");
            if !gap.chars().all(is_horizontal_space) {
                break;
            }
            run.end = next.end;
            index += 1;
        }
        Some(run)
    })
}

fn is_horizontal_space(c: char) -> bool {
    c.is_whitespace() && !matches!(c, '\n' | '\r' | '\u{2028}' | '\u{2029}')
}

/// Whether an emoji run sits between two parts of one sentence.
fn inside_sentence(text: &str, run: &Range<usize>) -> bool {
    let before = text
        .get(..run.start)
        .unwrap_or_default()
        .trim_end_matches(is_horizontal_space);
    let after = text
        .get(run.end..)
        .unwrap_or_default()
        .trim_start_matches(is_horizontal_space);
    let (Some(last), Some(next)) = (before.chars().next_back(), after.chars().next()) else {
        return false; // start or end of the text
    };
    if !(last.is_alphanumeric() || last == ',') {
        return false; // after a full stop, a line break, a bracket: a new statement
    }
    if next.is_lowercase() || next.is_ascii_digit() || matches!(next, ',' | ';') {
        return true;
    }
    // German capitalises nouns, so a capital after the emoji may still continue the
    // sentence; it certainly does after an article or preposition.
    next.is_uppercase() && ends_with_function_word(before)
}

/// `Infos 👉 www.paderborn.de`: an emoji pointing at a link, hashtag or mention ends the
/// statement; what follows is not read as part of the sentence.
fn points_at_entity(view: &TextView<'_>, run: &Range<usize>) -> bool {
    let after = view.text.get(run.end..).unwrap_or_default();
    let next = run.end + (after.len() - after.trim_start_matches(is_horizontal_space).len());
    view.entities.iter().any(|e| e.start == next)
}

fn ends_with_function_word(before: &str) -> bool {
    let word_start = before
        .char_indices()
        .rev()
        .find(|(_, c)| !c.is_alphabetic())
        .map_or(0, |(index, c)| index + c.len_utf8());
    let word = before.get(word_start..).unwrap_or_default();
    SENTENCE_CONTINUES_AFTER.iter().any(|candidate| {
        word.chars()
            .flat_map(char::to_lowercase)
            .eq(candidate.chars())
    })
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;
    use crate::text::extract::Extractor;

    fn inside(text: &str) -> Vec<&str> {
        let extractor = Extractor::new().unwrap();
        let emoji: Vec<Range<usize>> = extractor.emoji_ranges(text).collect();
        runs(text, &emoji)
            .filter(|run| inside_sentence(text, run))
            .map(|run| &text[run])
            .collect()
    }

    #[test]
    fn emoji_between_words_are_inside_a_sentence() {
        assert_eq!(inside("Wir feiern 🎉 heute das Stadtfest."), ["🎉"]);
        assert_eq!(inside("Wir sehen uns am 🎡 Riesenrad!"), ["🎡"]);
        assert_eq!(inside("Stadtfest 🎉, Kirmes und Feuerwerk."), ["🎉"]);
        assert_eq!(inside("Wir feiern 🎉 🎈 heute."), ["🎉 🎈"]);
    }

    #[test]
    fn emoji_at_statement_ends_and_as_bullets_are_fine() {
        assert!(inside("Heute ist Stadtfest! 🎉").is_empty());
        assert!(inside("Heute ist Stadtfest 🎉").is_empty());
        assert!(inside("Heute ist Stadtfest 🎉 Kommen Sie vorbei!").is_empty());
        assert!(inside("📍 Rathausplatz\n🕙 ab 10 Uhr").is_empty());
        assert!(inside("Programm:\n🎵 Musik 🎵\nab 18 Uhr").is_empty());
        assert!(inside("Stadtfest 🎉 #Paderborn").is_empty());
    }
}
