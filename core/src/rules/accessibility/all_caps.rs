use std::ops::Range;

use unicode_normalization::char::is_combining_mark;

use crate::lang::tr;
use crate::report::Severity;
use crate::rules::{
    Account, CheckContext, Finding, Rule, RuleDef, SettingError, documented_rule, rule_settings,
};
use crate::text::TextView;

/// Shorter capitalised words are mostly acronyms (`DRK`, `NRW`, `EU`).
const DEFAULT_MIN_LETTERS: u32 = 4;

rule_settings! {
    /// Settings of `accessibility.all-caps`.
    #[schemars(rename = "AccessibilityAllCapsSettings")]
    pub struct Settings {
        /// Fewest letters of a word in capitals that is reported (default 4).
        pub min_letters: Option<u32>,
        /// Acronyms that are written in capitals (any case here; a plural `S` is allowed
        /// too: `KITA` allows `KITAS`). The base policy ships administrative ones.
        pub allow: Option<Vec<String>>,
    }
}

documented_rule! {
    /// ## What it checks
    /// Words written entirely in capitals with at least `min-letters` letters
    /// (`ACHTUNG`, `HEUTE GESCHLOSSEN`), outside URLs, mentions and hashtags. Acronyms in
    /// `allow` (`ÖPNV`, `DSGVO`, `WLAN` …) and Roman numerals are fine. Neighbouring words
    /// in capitals form one finding. Hashtags are the business of `hashtags.camel-case`.
    ///
    /// ## Why
    /// Text in capitals is harder to read, for people with dyslexia or low vision most of
    /// all, and screen readers spell unknown capitalised words letter by letter or read
    /// them with a shouting emphasis. The Bundesfachstelle Barrierefreiheit recommends few
    /// abbreviations and plain formatting (§12a(8) BGG; research notes "Accessibility").
    /// The default severity is `info` because administrative posts are full of acronyms the
    /// base list cannot know (`ISEK`, `KAoA`): add yours to `allow`.
    ///
    /// ## Example
    /// `ACHTUNG: Das Bürgerbüro bleibt HEUTE geschlossen.` → `Achtung: Das Bürgerbüro
    /// bleibt heute geschlossen.`
    ///
    /// ## Configuration
    /// Off unless the policy sets `enabled = true` (the base policy does, with a list of
    /// administrative acronyms).
    /// ```toml
    /// [rules."accessibility.all-caps"]
    /// min-letters = 5
    /// allow = ["ÖPNV", "DSGVO", "ISEK"]
    /// ```
    pub(crate) struct AccessibilityAllCaps {
        min_letters: usize,
        /// Upper case.
        allow: Vec<String>,
    }
}

impl RuleDef for AccessibilityAllCaps {
    type Settings = Settings;
    const DEFAULT_SEVERITY: Severity = Severity::Info;
    // Noisy without the city's allowlists and choices, so a policy opts in (base.toml does).
    const DEFAULT_ENABLED: bool = false;
    const DOCS: &'static str = Self::DOC_TEXT;

    fn compile(settings: &Settings, _: &Account) -> Result<Self, SettingError> {
        Ok(Self::from_settings(settings))
    }
}

impl AccessibilityAllCaps {
    fn from_settings(settings: &Settings) -> Self {
        let min_letters = settings.min_letters.unwrap_or(DEFAULT_MIN_LETTERS);
        AccessibilityAllCaps {
            min_letters: usize::try_from(min_letters).unwrap_or(usize::MAX).max(2),
            allow: settings
                .allow
                .iter()
                .flatten()
                .map(|word| word.trim().to_uppercase())
                .collect(),
        }
    }

    /// Whether a word (letters only) is written in capitals and is no known acronym.
    fn is_shouted(&self, word: &str) -> bool {
        let mut letters = 0;
        let mut has_upper = false;
        for c in word.chars() {
            // `ß` has no capital in common use: `STRAßE` is written in capitals.
            if c.is_lowercase() && c != 'ß' {
                return false;
            }
            has_upper |= c.is_uppercase();
            letters += usize::from(c.is_alphabetic());
        }
        if !has_upper || letters < self.min_letters || is_roman_numeral(word) {
            return false;
        }
        let singular = word.strip_suffix('S');
        !self
            .allow
            .iter()
            .any(|acronym| acronym == word || Some(acronym.as_str()) == singular)
    }

    /// Ranges of words in capitals, neighbours merged.
    fn shouted_runs(&self, view: &TextView<'_>) -> Vec<Range<usize>> {
        let text = view.text;
        let mut runs: Vec<Range<usize>> = Vec::new();
        for word in words(text) {
            let in_entity = view
                .entities
                .iter()
                .any(|e| e.start < word.end && word.start < e.end);
            if in_entity || !self.is_shouted(text.get(word.clone()).unwrap_or_default()) {
                continue;
            }
            if let Some(last) = runs.last_mut() {
                let gap = text.get(last.end..word.start).unwrap_or("\n");
                let same_phrase = !gap
                    .chars()
                    .any(|c| (c.is_lowercase() && c != 'ß') || matches!(c, '\n' | '\r'));
                if same_phrase {
                    last.end = word.end;
                    continue;
                }
            }
            runs.push(word);
        }
        runs
    }
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
                        de: "`{written}` ist in großbuchstaben geschrieben",
                        en: "`{written}` is written in capitals"),
                    tr!(cx.lang,
                        de: "in normaler schreibung hervorheben (durch wortwahl oder satzstellung): versalien sind schwer zu lesen und screenreader buchstabieren sie; abkürzungen in `allow` eintragen",
                        en: "emphasise with normal spelling (by wording or word order): capitals are hard to read and screen readers spell them out; add acronyms to `allow`"),
                )
                .at(run.start, run.end),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
        assert!(!rule.is_shouted("Achtung"));
        assert!(!rule.is_shouted("MMXXVI"));
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
