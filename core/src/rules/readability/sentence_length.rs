use crate::config::localized;
use crate::lang::tr;
use crate::report::Severity;
use crate::rules::{
    Account, CheckContext, Finding, Rule, RuleDef, SettingError, Title, documented_rule,
    rule_settings,
};

/// Longest sentence without a finding: the upper end of plain-language advice.
const DEFAULT_MAX_WORDS: u32 = 20;

rule_settings! {
    /// Settings of `readability.sentence-length`.
    #[schemars(rename = "ReadabilitySentenceLengthSettings")]
    pub struct Settings {
        /// Most words a sentence may have (default 20); URLs, hashtags and mentions are
        /// not counted.
        pub max_words: Option<u32>,
    }
}

documented_rule! {
    /// ## What it checks
    /// A sentence with more than `max-words` words. Each such sentence is marked. URLs,
    /// hashtags, mentions and emoji are not words; numbers and abbreviations are.
    /// Abbreviations (`z. B.`, `Dr.`, `Str.`), ordinals (`4. Mai`), dates and times do not
    /// end a sentence, and neither does `?` or `!` before a lower-case word (`„Was tun?“,
    /// fragen viele`). A line break after a line without final punctuation does: a
    /// headline or list item is a sentence of its own.
    ///
    /// ## Why
    /// "Seien Sie verständlich! Beamtendeutsch ist tabu!" (Arndt, Stadt Moers, KOMMUNAL
    /// 2015). Long, nested sentences are the first mark of administrative German.
    /// Plain-language guides give sentence lengths of at most 15 words (Einfache Sprache)
    /// and 18 to 20 words (general audiences); Leichte Sprache goes down to about 8. A post
    /// for all citizens is not Leichte Sprache, so the default is the upper end, 20: it
    /// marks sentences that carry two or three thoughts, not ordinary ones.
    ///
    /// ## Example
    /// "Die Stadtverwaltung weist darauf hin, dass die Anträge auf Förderung bis zum
    /// 30. Juni vollständig und mit allen erforderlichen Nachweisen beim Bürgerbüro
    /// eingereicht werden müssen." — 25 words. Better: "Bitte stellen Sie Ihren Antrag
    /// bis zum 30. Juni. Legen Sie alle Nachweise bei."
    ///
    /// ## Configuration
    /// Off unless the policy enables it; `policies/base.toml` does, so every city policy
    /// that extends it has the rule.
    /// ```toml
    /// [rules."readability.sentence-length"]
    /// enabled = true
    /// max-words = 15
    /// ```
    ///
    /// # Deutsch
    ///
    /// ## Was geprüft wird
    /// Ein Satz mit mehr als `max-words` Wörtern. Jeder solche Satz wird markiert. URLs,
    /// Hashtags, Erwähnungen und Emoji sind keine Wörter; Zahlen und Abkürzungen schon.
    /// Abkürzungen (`z. B.`, `Dr.`, `Str.`), Ordnungszahlen (`4. Mai`), Datumsangaben und
    /// Uhrzeiten beenden keinen Satz, ebenso wenig `?` oder `!` vor einem kleingeschriebenen Wort
    /// (`„Was tun?“, fragen viele`). Ein Zeilenumbruch nach einer Zeile ohne Satzzeichen am Ende
    /// beendet dagegen einen Satz: Eine Überschrift oder ein Listenpunkt ist ein eigener Satz.
    ///
    /// ## Warum
    /// „Seien Sie verständlich! Beamtendeutsch ist tabu!“ (Arndt, Stadt Moers, KOMMUNAL 2015).
    /// Lange, verschachtelte Sätze sind das erste Kennzeichen des Amtsdeutschs. Leitfäden für
    /// verständliche Sprache nennen Satzlängen von höchstens 15 Wörtern (Einfache Sprache) und 18
    /// bis 20 Wörtern (allgemeines Publikum); Leichte Sprache geht bis auf etwa 8 Wörter
    /// hinunter. Ein Beitrag für alle Bürgerinnen und Bürger ist keine Leichte Sprache, daher ist
    /// die Voreinstellung das obere Ende, 20: Sie markiert Sätze, die zwei oder drei Gedanken
    /// tragen, keine gewöhnlichen.
    ///
    /// ## Beispiel
    /// „Die Stadtverwaltung weist darauf hin, dass die Anträge auf Förderung bis zum 30. Juni
    /// vollständig und mit allen erforderlichen Nachweisen beim Bürgerbüro eingereicht werden
    /// müssen.“ – 25 Wörter. Besser: „Bitte stellen Sie Ihren Antrag bis zum 30. Juni. Legen Sie
    /// alle Nachweise bei.“
    ///
    /// ## Einstellungen
    /// Ausgeschaltet, solange die Richtlinie die Regel nicht einschaltet; `policies/base.toml`
    /// tut das, daher hat jede Richtlinie einer Stadt, die darauf aufbaut, die Regel.
    /// ```toml
    /// [rules."readability.sentence-length"]
    /// enabled = true
    /// max-words = 15
    /// ```
    pub(crate) struct ReadabilitySentenceLength {
        max_words: usize,
    }
}

impl RuleDef for ReadabilitySentenceLength {
    type Settings = Settings;
    const DEFAULT_SEVERITY: Severity = Severity::Warning;
    // Enabled by `policies/base.toml` (see `readability.flesch`).
    const DEFAULT_ENABLED: bool = false;
    const DOCS: &'static str = Self::DOC_TEXT;
    const TITLE: Title = Title {
        de: "Zu langer Satz",
        en: "Sentence too long",
    };

    fn compile(settings: &Settings, _: &Account) -> Result<Self, SettingError> {
        let max_words = settings.max_words.unwrap_or(DEFAULT_MAX_WORDS);
        if max_words == 0 {
            return Err(SettingError {
                key: "max-words",
                entry: None,
                message: localized!(
                    de: "Ein Satz braucht mindestens ein Wort: `max-words` muss 1 oder mehr sein",
                    en: "a sentence needs at least one word: `max-words` must be 1 or more",
                ),
            });
        }
        Ok(ReadabilitySentenceLength {
            max_words: usize::try_from(max_words).unwrap_or(usize::MAX),
        })
    }
}

impl Rule for ReadabilitySentenceLength {
    fn check(&self, cx: &CheckContext<'_>, out: &mut Vec<Finding>) {
        let segmentation = cx.text.sentences();
        let max = self.max_words;
        for sentence in &segmentation.sentences {
            let words = sentence.word_count();
            if words <= max {
                continue;
            }
            out.push(
                Finding::new(
                    tr!(cx.lang,
                        de: "Satz mit {words} Wörtern, empfohlen sind höchstens {max}",
                        en: "sentence of {words} words, at most {max} recommended"),
                    tr!(cx.lang,
                        de: "In kürzere Sätze teilen: ein Gedanke pro Satz",
                        en: "split it into shorter sentences: one thought per sentence"),
                )
                .at(sentence.start, sentence.end),
            );
        }
    }
}
