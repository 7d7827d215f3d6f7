use crate::config::localized;
use crate::lang::decimal;
use crate::lang::tr;
use crate::report::Severity;
use crate::rules::readability::{nominal_stem, verb_for};
use crate::rules::{
    Account, CheckContext, Finding, Rule, RuleDef, SettingError, Title, documented_rule,
    rule_settings,
};
use crate::text::sentences::Sentence;

/// Nominalisations in one sentence from which it may be nominal style.
const DEFAULT_MIN_COUNT: u32 = 3;
/// Share of the sentence's words that must be nominalisations.
const DEFAULT_MIN_SHARE: f64 = 0.2;

rule_settings! {
    /// Settings of `readability.nominal-style`.
    #[schemars(rename = "ReadabilityNominalStyleSettings")]
    pub struct Settings {
        /// Fewest nominalisations in a sentence to report it (default 3).
        pub min_count: Option<u32>,
        /// Smallest share of the sentence's words, 0–1, that must be nominalisations
        /// (default 0.2, one word in five).
        pub min_share: Option<f64>,
    }
}

documented_rule! {
    /// ## What it checks
    /// Nominal style: a sentence in which at least `min-count` words, and at least
    /// `min-share` of all its words, are nominalisations — capitalised words ending in
    /// `-ung`, `-heit`, `-keit`, `-tion`, `-sion`, `-ität`, `-ismus`, `-nis` or `-schaft`
    /// (and plurals). The densest such sentence of the post is marked, once per post.
    ///
    /// Concrete `-ung` nouns (`Zeitung`, `Wohnung`) count too: what makes a sentence hard
    /// is the density of nouns, not one noun. A single `Anmeldung` never triggers the
    /// rule; "Nach Prüfung der Unterlagen erfolgt die Bewilligung der Förderung" does.
    /// Stems without a vowel (`Sprung`, `Schwung`), `Region`, `Million` and `Tennis` are
    /// not nominalisations.
    ///
    /// ## Why
    /// "Seien Sie verständlich! Beamtendeutsch ist tabu!" (Arndt, Stadt Moers, KOMMUNAL
    /// 2015). The "Ungitis" is the best-known trait of administrative German: actions
    /// turned into nouns, chained with genitives ("nach Ausfüllung und Rücksendung des
    /// Antrags"). Verbs name who does what and are easier to read; guides on bürgernahe
    /// Verwaltungssprache put "Verben statt Substantive" first.
    ///
    /// The thresholds keep normal posts quiet: "Die Stadt lädt zur Eröffnung der
    /// Ausstellung ein" has two nominalisations; "Die Stadtverwaltung lädt alle
    /// Bürgerinnen und Bürger herzlich zur Eröffnung der neuen Ausstellung im Rathaus ein"
    /// has three in 16 words (19 %). A sentence needs three, and one word in five, to be
    /// reported; a long sentence dilutes its nouns with articles and prepositions, so the
    /// share is not set higher.
    ///
    /// ## Example
    /// "Nach Prüfung der Unterlagen erfolgt die Bewilligung der Förderung durch die
    /// Verwaltung." — 4 nominalisations in 12 words. Better: "Wir prüfen Ihre Unterlagen
    /// und bewilligen dann die Förderung."
    ///
    /// ## Configuration
    /// Off unless the policy enables it; `policies/base.toml` does, so every city policy
    /// that extends it has the rule.
    /// ```toml
    /// [rules."readability.nominal-style"]
    /// enabled = true
    /// min-count = 2
    /// min-share = 0.15
    /// ```
    ///
    /// # Deutsch
    ///
    /// ## Was geprüft wird
    /// Nominalstil: ein Satz, in dem mindestens `min-count` Wörter und mindestens der Anteil
    /// `min-share` aller seiner Wörter Nominalisierungen sind – großgeschriebene Wörter auf
    /// `-ung`, `-heit`, `-keit`, `-tion`, `-sion`, `-ität`, `-ismus`, `-nis` oder `-schaft` (und
    /// ihre Pluralformen). Der dichteste solche Satz des Beitrags wird markiert, einmal je
    /// Beitrag.
    ///
    /// Konkrete Substantive auf `-ung` (`Zeitung`, `Wohnung`) zählen mit: Was einen Satz schwer
    /// macht, ist die Dichte der Substantive, nicht ein einzelnes Substantiv. Eine einzelne
    /// `Anmeldung` löst die Regel nie aus; „Nach Prüfung der Unterlagen erfolgt die Bewilligung
    /// der Förderung“ schon. Stämme ohne Vokal (`Sprung`, `Schwung`), `Region`, `Million` und
    /// `Tennis` sind keine Nominalisierungen.
    ///
    /// ## Warum
    /// „Seien Sie verständlich! Beamtendeutsch ist tabu!“ (Arndt, Stadt Moers, KOMMUNAL 2015).
    /// Die „Ungitis“ ist das bekannteste Merkmal des Amtsdeutschs: Handlungen, zu Substantiven
    /// gemacht und mit Genitiven verkettet („nach Ausfüllung und Rücksendung des Antrags“).
    /// Verben sagen, wer was tut, und sind leichter zu lesen; Leitfäden zur bürgernahen
    /// Verwaltungssprache stellen „Verben statt Substantive“ an die erste Stelle.
    ///
    /// Die Schwellen lassen gewöhnliche Beiträge in Ruhe: „Die Stadt lädt zur Eröffnung der
    /// Ausstellung ein“ hat zwei Nominalisierungen; „Die Stadtverwaltung lädt alle Bürgerinnen
    /// und Bürger herzlich zur Eröffnung der neuen Ausstellung im Rathaus ein“ hat drei in 16
    /// Wörtern (19 %). Ein Satz braucht drei davon, und jedes fünfte Wort muss eine sein, damit
    /// er gemeldet wird; ein langer Satz verdünnt seine Substantive mit Artikeln und
    /// Präpositionen, daher ist der Anteil nicht höher angesetzt.
    ///
    /// ## Beispiel
    /// „Nach Prüfung der Unterlagen erfolgt die Bewilligung der Förderung durch die Verwaltung.“
    /// – 4 Nominalisierungen in 12 Wörtern. Besser: „Wir prüfen Ihre Unterlagen und bewilligen
    /// dann die Förderung.“
    ///
    /// ## Einstellungen
    /// Ausgeschaltet, solange die Richtlinie die Regel nicht einschaltet; `policies/base.toml`
    /// tut das, daher hat jede Richtlinie einer Stadt, die darauf aufbaut, die Regel.
    /// ```toml
    /// [rules."readability.nominal-style"]
    /// enabled = true
    /// min-count = 2
    /// min-share = 0.15
    /// ```
    pub(crate) struct ReadabilityNominalStyle {
        min_count: usize,
        min_share: f64,
    }
}

impl RuleDef for ReadabilityNominalStyle {
    type Settings = Settings;
    const DEFAULT_SEVERITY: Severity = Severity::Info;
    // Enabled by `policies/base.toml` (see `readability.flesch`).
    const DEFAULT_ENABLED: bool = false;
    const DOCS: &'static str = Self::DOC_TEXT;
    const TITLE: Title = Title {
        de: "Nominalstil",
        en: "Nominal style",
    };

    fn compile(settings: &Settings, _: &Account) -> Result<Self, SettingError> {
        let min_share = settings.min_share.unwrap_or(DEFAULT_MIN_SHARE);
        if !(0.0..=1.0).contains(&min_share) {
            return Err(SettingError {
                key: "min-share",
                entry: None,
                message: localized!(
                    de: "`{min_share}` ist kein Anteil zwischen 0 und 1",
                    en: "`{min_share}` is not a share between 0 and 1",
                ),
            });
        }
        let min_count = settings.min_count.unwrap_or(DEFAULT_MIN_COUNT).max(1);
        Ok(ReadabilityNominalStyle {
            min_count: usize::try_from(min_count).unwrap_or(usize::MAX),
            min_share,
        })
    }
}

impl Rule for ReadabilityNominalStyle {
    fn check(&self, cx: &CheckContext<'_>, out: &mut Vec<Finding>) {
        let text = cx.text.text;
        let segmentation = cx.text.sentences();
        let nominal_count = |sentence: &Sentence| {
            segmentation
                .words_of(sentence)
                .iter()
                .filter(|w| nominal_stem(&text[w.start..w.end]).is_some())
                .count()
        };
        // The densest qualifying sentence: most nominalisations, then highest share.
        let mut worst: Option<(&Sentence, usize, f64)> = None;
        for sentence in &segmentation.sentences {
            let count = nominal_count(sentence);
            if count < self.min_count {
                continue;
            }
            let share = count as f64 / sentence.word_count() as f64;
            if share < self.min_share {
                continue;
            }
            let denser = worst.is_none_or(|(_, worst_count, worst_share)| {
                (count, share) > (worst_count, worst_share)
            });
            if denser {
                worst = Some((sentence, count, share));
            }
        }
        let Some((sentence, count, _)) = worst else {
            return;
        };
        let nouns: Vec<&str> = segmentation
            .words_of(sentence)
            .iter()
            .map(|w| &text[w.start..w.end])
            .filter(|word| nominal_stem(word).is_some())
            .collect();
        let words = sentence.word_count();
        let listed = nouns
            .iter()
            .map(|noun| format!("`{noun}`"))
            .collect::<Vec<_>>()
            .join(", ");
        // The shortest `-ung` noun is the least likely to be a compound (`Stadtverwaltung`).
        let example = nouns
            .iter()
            .filter_map(|noun| verb_for(noun).map(|verb| (*noun, verb)))
            .min_by_key(|(noun, _)| noun.len());
        let lang = cx.lang;
        let share = decimal(100.0 * count as f64 / words as f64, 0, lang);
        let help = match example {
            Some((noun, verb)) => tr!(lang,
                de: "Verben statt Substantive, z. B. „{verb}“ statt „{noun}“: sagen, wer was tut",
                en: "use verbs instead of nouns, e.g. „{verb}“ instead of „{noun}“: say who does what"),
            None => tr!(lang,
                de: "Verben statt Substantive: „wenn wir die Unterlagen geprüft haben“ statt „nach Prüfung der Unterlagen“",
                en: "use verbs instead of nouns: „once we have checked the documents“ rather than „after the checking of the documents“"),
        };
        out.push(
            Finding::new(
                tr!(lang,
                    de: "Nominalstil: {count} von {words} Wörtern sind Substantivierungen ({share} %): {listed}",
                    en: "nominal style: {count} of {words} words are nominalisations ({share}%): {listed}"),
                help,
            )
            .at(sentence.start, sentence.end),
        );
    }
}
