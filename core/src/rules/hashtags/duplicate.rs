use unicode_normalization::UnicodeNormalization;

use crate::lang::tr;
use crate::report::Severity;
use crate::rules::{
    Account, CheckContext, Finding, Rule, RuleDef, SettingError, Title, documented_rule,
    rule_settings,
};
use crate::text::extract::EntityKind;

rule_settings! {
    /// Settings of `hashtags.duplicate`.
    #[schemars(rename = "HashtagsDuplicateSettings")]
    pub struct Settings {}
}

documented_rule! {
    /// ## What it checks
    /// The same hashtag appears more than once (ignoring letter case: `#Libori` and
    /// `#libori` are one tag; also the full-width `＃` and decomposed umlauts). Each repetition is marked, with the suggestion to remove it.
    ///
    /// ## Why
    /// A repeated tag adds nothing for search, costs characters on every channel and is
    /// read out twice by screen readers ("wenige Hashtags", Bundesfachstelle
    /// Barrierefreiheit; "Kurz und knapp", Sander, Kommune21-Forum).
    ///
    /// ## Example
    /// `#Libori startet! … #libori` — the second `#libori` is marked.
    ///
    /// ## Configuration
    /// ```toml
    /// [rules."hashtags.duplicate"]
    /// severity = "info"
    /// ```
    ///
    /// # Deutsch
    ///
    /// ## Was geprüft wird
    /// Derselbe Hashtag kommt mehr als einmal vor (ohne Rücksicht auf Groß- und Kleinschreibung:
    /// `#Libori` und `#libori` sind ein Tag; ebenso das vollbreite `＃` und zerlegte Umlaute).
    /// Jede Wiederholung wird markiert, mit dem Vorschlag, sie zu entfernen.
    ///
    /// ## Warum
    /// Ein wiederholter Tag bringt für die Suche nichts, kostet auf jedem Kanal Zeichen und wird
    /// von Screenreadern zweimal vorgelesen („wenige Hashtags“, Bundesfachstelle
    /// Barrierefreiheit; „Kurz und knapp“, Sander, Kommune21-Forum).
    ///
    /// ## Beispiel
    /// `#Libori startet! … #libori` – das zweite `#libori` wird markiert.
    ///
    /// ## Einstellungen
    /// ```toml
    /// [rules."hashtags.duplicate"]
    /// severity = "info"
    /// ```
    pub(crate) struct HashtagsDuplicate;
}

impl RuleDef for HashtagsDuplicate {
    type Settings = Settings;
    const DEFAULT_SEVERITY: Severity = Severity::Warning;
    const DOCS: &'static str = Self::DOC_TEXT;
    const TITLE: Title = Title {
        de: "Doppelter Hashtag",
        en: "Duplicate hashtag",
    };

    fn compile(_: &Settings, _: &Account) -> Result<Self, SettingError> {
        Ok(HashtagsDuplicate)
    }
}

impl Rule for HashtagsDuplicate {
    fn check(&self, cx: &CheckContext<'_>, out: &mut Vec<Finding>) {
        let mut seen: Vec<(String, &str)> = Vec::new();
        for hashtag in cx.text.of_kind(EntityKind::Hashtag) {
            let written = cx.text.slice(hashtag);
            let folded = tag_key(written);
            match seen.iter().find(|(key, _)| *key == folded) {
                Some((_, first)) => {
                    let first = *first;
                    out.push(
                        Finding::new(
                            tr!(cx.lang,
                                de: "Hashtag `{written}` steht schon vorher (`{first}`)",
                                en: "hashtag `{written}` already appears earlier (`{first}`)"),
                            tr!(cx.lang,
                                de: "Die Wiederholung entfernen",
                                en: "remove the repetition"),
                        )
                        .at(hashtag.start, hashtag.end)
                        .suggest("", hashtag.start, hashtag.end),
                    );
                }
                None => seen.push((folded, written)),
            }
        }
    }
}

/// What makes two hashtags the same tag: the name without `#`/`＃`, NFC-normalised (a
/// decomposed `ö` is the same letter) and lowercased.
fn tag_key(written: &str) -> String {
    written
        .trim_start_matches(['#', '＃'])
        .nfc()
        .collect::<String>()
        .to_lowercase()
}
