use std::ops::Range;

use unicode_normalization::char::is_combining_mark;

use super::capitalised_names::CAPITALISED_NAMES;
use crate::lang::tr;
use crate::report::Severity;
use crate::rules::{
    Account, CheckContext, Finding, Rule, RuleDef, SettingError, Title, documented_rule,
    rule_settings,
};
use crate::text::TextView;

/// A single word in capitals of up to four letters is a name or an acronym (`WELT`, `BILD`,
/// `ADAC`, `ZDF`, `ÖPNV`), not shouting; `min-letters` can only raise this.
const SHORTEST_SHOUTED_WORD: u32 = 5;

rule_settings! {
    /// Settings of `accessibility.all-caps`.
    #[schemars(rename = "AccessibilityAllCapsSettings")]
    pub struct Settings {
        /// Fewest letters of the longest unknown word in a run of capitals for the run to
        /// be reported (default and least 5: shorter words are names and acronyms).
        pub min_letters: Option<u32>,
        /// Names and acronyms that are written in capitals, in addition to the built-in
        /// ones (any case here; a plural `S` is allowed too: `KITA` allows `KITAS`). The
        /// base policy ships administrative ones.
        pub allow: Option<Vec<String>>,
    }
}

documented_rule! {
    /// ## What it checks
    /// Shouting: runs of words written entirely in capitals (`BITTE JETZT ANMELDEN`,
    /// `ACHTUNG: STRASSE GESPERRT`, a single `ACHTUNG`), outside URLs, mentions and
    /// hashtags. Neighbouring words in capitals in one sentence form one run and one
    /// finding. A run counts
    /// when one of its words has at least `min-letters` letters (5) and is no name: a
    /// single word in capitals of up to four letters (`WELT`, `BILD`, `ADAC`, `ZDF`,
    /// `ÖPNV`) never counts, and neither do names their owners write in capitals
    /// (`SPIEGEL`, `LINKE`, `FREIE WÄHLER`, `DSGVO`; the built-in list names its sources),
    /// the names in `allow` and Roman numerals. Mixed spellings (`KiTa`, `BAföG`) are not
    /// capitals. Hashtags are the business of `hashtags.camel-case`.
    ///
    /// ## Why
    /// Running text in capitals is harder to read, for people with dyslexia or low vision
    /// most of all, and screen readers read it with a shouting emphasis or spell it letter
    /// by letter. The Bundesfachstelle Barrierefreiheit recommends plain formatting and few
    /// abbreviations (§ 12a Abs. 8 BGG). A name or an acronym in its own spelling is read
    /// as a name: flagging `WELT` or `ADAC` teaches editors to ignore the rule. The default
    /// severity is `info`, because a city's own long acronyms (`DEHOGA`, `UNESCO` are
    /// built in, `KOMPASS` is not) need adding to `allow`.
    ///
    /// ## Example
    /// `ACHTUNG: STRASSE GESPERRT` → `Achtung: Straße gesperrt`. `Laut WELT und SPIEGEL
    /// hilft das DRK.` is fine.
    ///
    /// ## Configuration
    /// Off unless the policy sets `enabled = true` (the base policy does, with a list of
    /// administrative acronyms).
    /// ```toml
    /// [rules."accessibility.all-caps"]
    /// min-letters = 6
    /// allow = ["KOMPASS", "ISEK"]
    /// ```
    ///
    /// # Deutsch
    ///
    /// ## Was geprüft wird
    /// Schreien: Folgen von Wörtern ganz in Großbuchstaben (`BITTE JETZT ANMELDEN`,
    /// `ACHTUNG: STRASSE GESPERRT`, ein einzelnes `ACHTUNG`) außerhalb von URLs, Erwähnungen und
    /// Hashtags. Benachbarte Wörter in Großbuchstaben in einem Satz bilden eine Folge und einen
    /// Befund. Eine Folge zählt, wenn eines ihrer Wörter mindestens `min-letters` Buchstaben
    /// (5) hat und kein Name ist: Ein einzelnes Wort in Großbuchstaben mit bis zu vier
    /// Buchstaben (`WELT`, `BILD`, `ADAC`, `ZDF`, `ÖPNV`) zählt nie, ebenso wenig Namen, die
    /// ihre Träger in Großbuchstaben schreiben (`SPIEGEL`, `LINKE`, `FREIE WÄHLER`, `DSGVO`;
    /// die eingebaute Liste nennt ihre Quellen), die Namen in `allow` und römische Zahlen.
    /// Gemischte Schreibungen (`KiTa`, `BAföG`) gelten nicht als Großbuchstaben. Hashtags sind
    /// Sache von `hashtags.camel-case`.
    ///
    /// ## Warum
    /// Fließtext in Großbuchstaben ist schwerer zu lesen, vor allem für Menschen mit
    /// Legasthenie oder Sehbehinderung, und Screenreader lesen ihn mit schreiender Betonung
    /// oder buchstabieren ihn. Die Bundesfachstelle Barrierefreiheit empfiehlt schlichte
    /// Formatierung und wenige Abkürzungen (§ 12a Abs. 8 BGG). Ein Name oder ein Akronym in
    /// seiner eigenen Schreibung wird als Name gelesen: Wer `WELT` oder `ADAC` markiert, bringt
    /// der Redaktion bei, die Regel zu übergehen. Die voreingestellte Schwere ist `info`, weil
    /// die eigenen langen Akronyme einer Stadt (`DEHOGA` und `UNESCO` sind eingebaut, `KOMPASS`
    /// nicht) erst in `allow` aufgenommen werden müssen.
    ///
    /// ## Beispiel
    /// `ACHTUNG: STRASSE GESPERRT` → `Achtung: Straße gesperrt`. `Laut WELT und SPIEGEL hilft
    /// das DRK.` ist in Ordnung.
    ///
    /// ## Einstellungen
    /// Aus, solange die Richtlinie nicht `enabled = true` setzt (die Basisrichtlinie tut es, mit
    /// einer Liste von Verwaltungsakronymen).
    /// ```toml
    /// [rules."accessibility.all-caps"]
    /// min-letters = 6
    /// allow = ["KOMPASS", "ISEK"]
    /// ```
    pub(crate) struct AccessibilityAllCaps {
        min_letters: usize,
        /// Upper case: the built-in names and the policy's `allow`.
        allow: Vec<String>,
    }
}

impl RuleDef for AccessibilityAllCaps {
    type Settings = Settings;
    const DEFAULT_SEVERITY: Severity = Severity::Info;
    // Noisy without the city's allowlists and choices, so a policy opts in (base.toml does).
    const DEFAULT_ENABLED: bool = false;
    const DOCS: &'static str = Self::DOC_TEXT;
    const TITLE: Title = Title {
        de: "Text in Großbuchstaben",
        en: "Text in capitals",
    };

    fn compile(settings: &Settings, _: &Account) -> Result<Self, SettingError> {
        Ok(Self::from_settings(settings))
    }
}

impl AccessibilityAllCaps {
    fn from_settings(settings: &Settings) -> Self {
        let min_letters = settings
            .min_letters
            .unwrap_or(SHORTEST_SHOUTED_WORD)
            .max(SHORTEST_SHOUTED_WORD);
        let built_in = CAPITALISED_NAMES.iter().map(|name| (*name).to_owned());
        let from_policy = settings
            .allow
            .iter()
            .flatten()
            .map(|word| word.trim().to_uppercase());
        AccessibilityAllCaps {
            min_letters: usize::try_from(min_letters).unwrap_or(usize::MAX),
            allow: built_in.chain(from_policy).collect(),
        }
    }

    /// Whether a word (letters only) is long enough to shout, written in capitals and no
    /// known name or acronym.
    fn is_shouted(&self, word: &str) -> bool {
        is_capitalised(word)
            && word.chars().filter(|c| c.is_alphabetic()).count() >= self.min_letters
            && !self.is_name(word)
    }

    /// A name written in capitals: built in or in `allow` (also with a plural `S`), or a
    /// Roman numeral.
    fn is_name(&self, word: &str) -> bool {
        let singular = word.strip_suffix('S');
        is_roman_numeral(word)
            || self
                .allow
                .iter()
                .any(|name| name == word || Some(name.as_str()) == singular)
    }

    /// Ranges of runs of words in capitals that shout: neighbours merged, and a run kept
    /// only when one of its words is shouted (long and no name).
    fn shouted_runs(&self, view: &TextView<'_>) -> Vec<Range<usize>> {
        let text = view.text;
        // A run and whether one of its words shouts.
        let mut runs: Vec<(Range<usize>, bool)> = Vec::new();
        for word in words(text) {
            let in_entity = view
                .entities
                .iter()
                .any(|e| e.start < word.end && word.start < e.end);
            let written = text.get(word.clone()).unwrap_or_default();
            if in_entity || !is_capitalised(written) {
                continue;
            }
            let shouted = self.is_shouted(written);
            if let Some((last, last_shouted)) = runs.last_mut() {
                let gap = text.get(last.end..word.start).unwrap_or("\n");
                // A sentence end parts runs: `DRK! ACHTUNG` is a name and a shout.
                let same_phrase = !gap.chars().any(|c| {
                    (c.is_lowercase() && c != 'ß') || matches!(c, '\n' | '\r' | '.' | '!' | '?')
                });
                if same_phrase {
                    last.end = word.end;
                    *last_shouted |= shouted;
                    continue;
                }
            }
            runs.push((word, shouted));
        }
        runs.into_iter()
            .filter_map(|(run, shouted)| shouted.then_some(run))
            .collect()
    }
}

/// Whether a word (letters only) is written in capitals. `ß` has no capital in common use:
/// `STRAßE` is written in capitals.
fn is_capitalised(word: &str) -> bool {
    word.chars().any(char::is_uppercase) && !word.chars().any(|c| c.is_lowercase() && c != 'ß')
}

/// Maximal runs of letters (with their combining accents).
fn words(text: &str) -> impl Iterator<Item = Range<usize>> + '_ {
    let mut chars = text.char_indices().peekable();
    std::iter::from_fn(move || {
        let (start, first) = chars.find(|&(_, c)| c.is_alphabetic())?;
        let mut end = start + first.len_utf8();
        while let Some(&(index, c)) = chars.peek() {
            if !(c.is_alphabetic() || is_combining_mark(c)) {
                break;
            }
            end = index + c.len_utf8();
            chars.next();
        }
        Some(start..end)
    })
}

/// `XVIII`, `MMXXVI`: a valid Roman numeral (Papst Leo XIV, Karl IV).
fn is_roman_numeral(word: &str) -> bool {
    const VALUES: [(&str, u32); 13] = [
        ("M", 1000),
        ("CM", 900),
        ("D", 500),
        ("CD", 400),
        ("C", 100),
        ("XC", 90),
        ("L", 50),
        ("XL", 40),
        ("X", 10),
        ("IX", 9),
        ("V", 5),
        ("IV", 4),
        ("I", 1),
    ];
    // Parse greedily and accept only the canonical spelling (repeat at most three times).
    let mut rest = word;
    let mut repeats = 0;
    let mut last = "";
    for (symbol, _) in VALUES {
        while let Some(after) = rest.strip_prefix(symbol) {
            repeats = if symbol == last { repeats + 1 } else { 1 };
            let repeatable = symbol.len() == 1 && !matches!(symbol, "V" | "L" | "D");
            if repeats > if repeatable { 3 } else { 1 } {
                return false;
            }
            last = symbol;
            rest = after;
        }
    }
    rest.is_empty() && !word.is_empty()
}

impl Rule for AccessibilityAllCaps {
    fn check(&self, cx: &CheckContext<'_>, out: &mut Vec<Finding>) {
        for run in self.shouted_runs(cx.text) {
            let written = cx.text.text.get(run.clone()).unwrap_or_default();
            out.push(
                Finding::new(
                    tr!(cx.lang,
                        de: "`{written}` ist in Großbuchstaben geschrieben",
                        en: "`{written}` is written in capitals"),
                    tr!(cx.lang,
                        de: "In normaler Schreibung hervorheben (durch Wortwahl oder Satzstellung): Versalien sind schwer zu lesen und Screenreader buchstabieren sie; Namen und Abkürzungen in `allow` eintragen",
                        en: "emphasise with normal spelling (by wording or word order): capitals are hard to read and screen readers spell them out; add names and acronyms to `allow`"),
                )
                .at(run.start, run.end),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;
    use crate::text::extract::Extractor;

    fn rule() -> AccessibilityAllCaps {
        AccessibilityAllCaps::from_settings(&Settings {
            allow: Some(vec!["ÖPNV".into(), "Kita".into(), "DSGVO".into()]),
            ..Settings::default()
        })
    }

    #[test]
    fn shouting_is_found_acronyms_are_not() {
        let rule = rule();
        assert!(rule.is_shouted("ACHTUNG"));
        assert!(rule.is_shouted("STRAßE"));
        assert!(rule.is_shouted("ÄNDERUNG"));
        assert!(!rule.is_shouted("ÖPNV"));
        assert!(!rule.is_shouted("KITAS"));
        assert!(!rule.is_shouted("DRK"));
        assert!(!rule.is_shouted("SPIEGEL"));
        assert!(!rule.is_shouted("UNESCO"));
        assert!(!rule.is_shouted("Achtung"));
        assert!(!rule.is_shouted("MMXXVI"));
    }

    fn runs(text: &str) -> Vec<&str> {
        let extractor = Extractor::new().unwrap();
        let view = TextView::new(text, &extractor);
        rule()
            .shouted_runs(&view)
            .into_iter()
            .map(|run| &text[run])
            .collect()
    }

    // Real posts quoting newspapers were flagged for `WELT`, `SPIEGEL`, `BILD`.
    #[test]
    fn newspaper_and_party_names_in_capitals_are_no_shouting() {
        assert!(
            runs("Laut WELT, SPIEGEL und BILD; die LINKE und FREIE WÄHLER stimmten zu.").is_empty()
        );
        assert!(runs("Wie DER SPIEGEL berichtet, tagt BÜNDNIS 90/DIE GRÜNEN.").is_empty());
    }

    // Acronyms of four letters and fewer were flagged when not in the policy's list.
    #[test]
    fn single_short_words_in_capitals_never_count() {
        let text = "ADAC, TAZ, FAZ, ZDF, ARD, NDR, WDR, DFB, THW, DRK, AWO, VHS, IHK, HWK, AOK, ÖPNV und die KiTa.";
        assert!(runs(text).is_empty());
        let tight = AccessibilityAllCaps::from_settings(&Settings {
            min_letters: Some(2),
            ..Settings::default()
        });
        assert!(!tight.is_shouted("BILD"), "min-letters cannot go below 5");
        assert!(tight.is_shouted("HEUTE"));
    }

    #[test]
    fn runs_of_shouted_words_are_found_with_their_short_words() {
        assert_eq!(runs("BITTE JETZT ANMELDEN!"), ["BITTE JETZT ANMELDEN"]);
        assert_eq!(
            runs("ACHTUNG: STRASSE GESPERRT wegen Bauarbeiten."),
            ["ACHTUNG: STRASSE GESPERRT"]
        );
        assert_eq!(runs("HEUTE BEIM DRK spenden."), ["HEUTE BEIM DRK"]);
        assert_eq!(runs("Das Bürgerbüro bleibt HEUTE zu."), ["HEUTE"]);
        assert_eq!(runs("LINKE SPUR GESPERRT"), ["LINKE SPUR GESPERRT"]);
        assert_eq!(
            runs("Beim DRK! ACHTUNG: STRASSE GESPERRT."),
            ["ACHTUNG: STRASSE GESPERRT"]
        );
    }

    #[test]
    fn roman_numerals_are_canonical_only() {
        for numeral in ["XIV", "XVIII", "MMXXVI", "IV", "MCMXC"] {
            assert!(is_roman_numeral(numeral), "{numeral}");
        }
        for word in ["MILD", "DILL", "IIII", "VV", "CIVIL", ""] {
            assert!(!is_roman_numeral(word), "{word}");
        }
    }
}
