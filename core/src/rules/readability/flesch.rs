use crate::config::localized;
use crate::lang::decimal;
use crate::lang::tr;
use crate::report::Severity;
use crate::rules::readability::{flesch_amstad, flesch_band};
use crate::rules::{
    Account, CheckContext, Finding, Rule, RuleDef, SettingError, Title, documented_rule,
    rule_settings,
};

/// Lowest acceptable score: the lower edge of "mittelschwer" in Flesch's table.
const DEFAULT_MIN: f64 = 50.0;
/// Shorter posts are not scored: one long compound would swing the score too far.
const DEFAULT_MIN_WORDS: u32 = 30;

rule_settings! {
    /// Settings of `readability.flesch`.
    #[schemars(rename = "ReadabilityFleschSettings")]
    pub struct Settings {
        /// Lowest acceptable Flesch–Amstad score, 0–100 (default 50): below 50 a text is
        /// "schwer" (difficult) in Flesch's table.
        pub min: Option<f64>,
        /// Posts with fewer words (URLs, hashtags and mentions not counted) are not scored
        /// (default 30).
        pub min_words: Option<u32>,
    }
}

documented_rule! {
    /// ## What it checks
    /// The Flesch reading ease for German of the whole post, by Amstad's formula
    /// `180 − ASL − 58.5 × ASW` (ASL: words per sentence, ASW: syllables per word). A post
    /// scoring below `min` is reported with its score and band; posts with fewer than
    /// `min-words` words are not scored.
    ///
    /// Bands (Flesch's table): below 30 sehr schwer, 30–50 schwer, 50–60 mittelschwer,
    /// 60–70 mittel, 70–80 mittelleicht, 80–90 leicht, from 90 sehr leicht. Scores can
    /// leave 0–100 (very long sentences go below 0) and are shown as computed.
    ///
    /// Words are counted without URLs, hashtags and mentions; numbers count as one
    /// syllable; abbreviations such as `z. B.`, ordinals (`4. Mai`) and times (`10.30 Uhr`)
    /// do not end sentences; a line without final punctuation (a headline, a list item)
    /// is a sentence of its own. Syllables are counted by rule (vowel groups, diphthongs
    /// `ei ai au äu eu ie` as one), which is right for nearly all German words.
    ///
    /// ## Why
    /// "Seien Sie verständlich! Beamtendeutsch ist tabu!" (Arndt, Stadt Moers, KOMMUNAL
    /// 2015, the golden rules for municipal social media). Amstad's adaptation of Flesch to
    /// German (1978) uses 58.5 where the English formula has 84.6, because German words are
    /// longer; some public code wrongly uses 58.8. LanguageTool's `GermanReadabilityRule`
    /// uses the same formula.
    ///
    /// Why a minimum length: the score is an average. In a 10-word post replacing one
    /// two-syllable word by `Bürgersprechstunde` (5) lowers the score by about 18 points; in a
    /// 30-word post by under 6. Short posts are better served by
    /// `readability.sentence-length` and `readability.nominal-style`.
    ///
    /// Why 50: posts address all citizens, not specialists; below 50 a text reads like
    /// specialist or academic prose. Cities aiming at plain language can raise it to 60.
    ///
    /// ## Example
    /// "Nach erfolgter Prüfung der eingereichten Unterlagen durch die zuständige
    /// Fachabteilung der Stadtverwaltung erfolgt die Bewilligung der beantragten Förderung
    /// …" — 31 words in one sentence, 2.45 syllables per word: score 6 (sehr schwer).
    ///
    /// ## Configuration
    /// Off unless the policy enables it; `policies/base.toml` does, so every city policy
    /// that extends it has the rule.
    /// ```toml
    /// [rules."readability.flesch"]
    /// enabled = true
    /// min = 60
    /// min-words = 40
    /// ```
    ///
    /// # Deutsch
    ///
    /// ## Was geprüft wird
    /// Die Lesbarkeit des ganzen Beitrags nach dem Flesch-Index für Deutsch, berechnet mit
    /// Amstads Formel `180 − ASL − 58.5 × ASW` (ASL: Wörter pro Satz, ASW: Silben pro Wort). Ein
    /// Beitrag, dessen Wert unter `min` liegt, wird mit Wert und Stufe gemeldet; Beiträge mit
    /// weniger als `min-words` Wörtern werden nicht bewertet.
    ///
    /// Stufen (nach Fleschs Tabelle): unter 30 sehr schwer, 30–50 schwer, 50–60 mittelschwer,
    /// 60–70 mittel, 70–80 mittelleicht, 80–90 leicht, ab 90 sehr leicht. Werte können den
    /// Bereich 0–100 verlassen (sehr lange Sätze führen unter 0) und werden so gezeigt, wie sie
    /// berechnet sind.
    ///
    /// Wörter werden ohne URLs, Hashtags und Erwähnungen gezählt; Zahlen zählen als eine Silbe;
    /// Abkürzungen wie `z. B.`, Ordnungszahlen (`4. Mai`) und Uhrzeiten (`10.30 Uhr`) beenden
    /// keinen Satz; eine Zeile ohne Satzzeichen am Ende (eine Überschrift, ein Listenpunkt) ist
    /// ein eigener Satz. Silben werden nach Regeln gezählt (Vokalgruppen, die Diphthonge `ei ai
    /// au äu eu ie` als eine Silbe), was für fast alle deutschen Wörter stimmt.
    ///
    /// ## Warum
    /// „Seien Sie verständlich! Beamtendeutsch ist tabu!“ (Arndt, Stadt Moers, KOMMUNAL 2015, die
    /// goldenen Regeln für kommunale soziale Medien). Amstads Anpassung der Flesch-Formel an das
    /// Deutsche (1978) verwendet 58,5, wo die englische Formel 84,6 hat, weil deutsche Wörter
    /// länger sind; manche öffentlich verfügbare Software verwendet fälschlich 58,8. Die
    /// `GermanReadabilityRule` von LanguageTool verwendet dieselbe Formel.
    ///
    /// Warum eine Mindestlänge: Der Wert ist ein Durchschnitt. Ersetzt man in einem Beitrag mit
    /// 10 Wörtern ein zweisilbiges Wort durch `Bürgersprechstunde` (5 Silben), sinkt der Wert um
    /// etwa 18 Punkte, in einem Beitrag mit 30 Wörtern um weniger als 6. Kurzen Beiträgen helfen
    /// `readability.sentence-length` und `readability.nominal-style` besser.
    ///
    /// Warum 50: Beiträge richten sich an alle Bürgerinnen und Bürger, nicht an Fachleute; unter
    /// 50 liest sich ein Text wie Fach- oder Wissenschaftsprosa. Städte, die besonders
    /// verständliche Sprache anstreben, können den Wert auf 60 anheben.
    ///
    /// ## Beispiel
    /// „Nach erfolgter Prüfung der eingereichten Unterlagen durch die zuständige Fachabteilung
    /// der Stadtverwaltung erfolgt die Bewilligung der beantragten Förderung …“ – 31 Wörter in
    /// einem Satz, 2,45 Silben pro Wort: Wert 6 (sehr schwer).
    ///
    /// ## Einstellungen
    /// Ausgeschaltet, solange die Richtlinie die Regel nicht einschaltet; `policies/base.toml`
    /// tut das, daher hat jede Richtlinie einer Stadt, die darauf aufbaut, die Regel.
    /// ```toml
    /// [rules."readability.flesch"]
    /// enabled = true
    /// min = 60
    /// min-words = 40
    /// ```
    pub(crate) struct ReadabilityFlesch {
        min: f64,
        min_words: usize,
    }
}

impl RuleDef for ReadabilityFlesch {
    type Settings = Settings;
    const DEFAULT_SEVERITY: Severity = Severity::Warning;
    // Enabled by `policies/base.toml`: a style rule a city opts into, and a default-on rule
    // would add findings to every long text of every other rule's test cases.
    const DEFAULT_ENABLED: bool = false;
    const DOCS: &'static str = Self::DOC_TEXT;
    const TITLE: Title = Title {
        de: "Geringe Lesbarkeit (Flesch)",
        en: "Low reading ease (Flesch)",
    };

    fn compile(settings: &Settings, _: &Account) -> Result<Self, SettingError> {
        let min = settings.min.unwrap_or(DEFAULT_MIN);
        if !(0.0..=100.0).contains(&min) {
            return Err(SettingError {
                key: "min",
                entry: None,
                message: localized!(
                    de: "`{min}` liegt nicht zwischen 0 und 100",
                    en: "`{min}` is not between 0 and 100",
                ),
            });
        }
        let min_words = settings.min_words.unwrap_or(DEFAULT_MIN_WORDS);
        Ok(ReadabilityFlesch {
            min,
            min_words: usize::try_from(min_words).unwrap_or(usize::MAX),
        })
    }
}

impl Rule for ReadabilityFlesch {
    fn check(&self, cx: &CheckContext<'_>, out: &mut Vec<Finding>) {
        let segmentation = cx.text.sentences();
        let words = segmentation.words.len();
        if words < self.min_words.max(1) {
            return;
        }
        let sentences = segmentation.sentences.len();
        let Some(score) = flesch_amstad(words, sentences, segmentation.syllables()) else {
            return;
        };
        if score >= self.min {
            return;
        }
        let lang = cx.lang;
        let shown = decimal(score, 0, lang);
        let band = flesch_band(score, lang);
        let min = decimal(self.min, 1, lang);
        let per_sentence = decimal(words as f64 / sentences as f64, 1, lang);
        let per_word = decimal(segmentation.syllables() as f64 / words as f64, 2, lang);
        out.push(Finding::new(
            tr!(lang,
                de: "Lesbarkeit {shown} nach Flesch ({band}), erwartet sind mindestens {min}",
                en: "flesch reading ease {shown} ({band}), at least {min} expected"),
            tr!(lang,
                de: "Kürzere Sätze und kürzere Wörter: im Schnitt {per_sentence} Wörter pro Satz und {per_word} Silben pro Wort",
                en: "use shorter sentences and shorter words: on average {per_sentence} words per sentence and {per_word} syllables per word"),
        ));
    }
}
