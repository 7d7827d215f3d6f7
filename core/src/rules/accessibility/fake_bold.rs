use std::ops::Range;

use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

use crate::lang::tr;
use crate::report::Severity;
use crate::rules::{
    Account, CheckContext, Finding, Rule, RuleDef, SettingError, Title, documented_rule,
    rule_settings,
};

rule_settings! {
    /// Settings of `accessibility.fake-bold`.
    #[schemars(rename = "AccessibilityFakeBoldSettings")]
    pub struct Settings {}
}

documented_rule! {
    /// ## What it checks
    /// Letters and digits from the Unicode block "Mathematical Alphanumeric Symbols"
    /// (U+1D400–U+1D7FF) used as bold, italic, script or monospace text (`𝐖𝐢𝐜𝐡𝐭𝐢𝐠`,
    /// `𝘏𝘦𝘶𝘵𝘦`). One finding per run of such characters (words of one run may be separated
    /// by spaces and punctuation), with the plain letters as suggestion. Letter-like
    /// symbols that fill gaps of the block (`ℎ`, `ℬ`) and combining accents are part of a
    /// run.
    ///
    /// ## Why
    /// These characters are mathematical symbols, not letters: screen readers read them
    /// one by one as "mathematical bold capital W …" or skip them, search and translation
    /// do not find the words. The Bundesfachstelle Barrierefreiheit warns against this
    /// fake formatting (§12a Abs. 8 BGG).
    ///
    /// ## Example
    /// `𝐖𝐢𝐜𝐡𝐭𝐢𝐠: Straßensperrung` → `Wichtig: Straßensperrung`
    ///
    /// ## Configuration
    /// Nothing beyond the common keys:
    /// ```toml
    /// [rules."accessibility.fake-bold"]
    /// severity = "error"
    /// ```
    ///
    /// # Deutsch
    ///
    /// ## Was geprüft wird
    /// Buchstaben und Ziffern aus dem Unicode-Block „Mathematical Alphanumeric Symbols“
    /// (U+1D400–U+1D7FF), als fetter, kursiver, Schreib- oder Schreibmaschinentext verwendet
    /// (`𝐖𝐢𝐜𝐡𝐭𝐢𝐠`, `𝘏𝘦𝘶𝘵𝘦`). Ein Befund je Folge solcher Zeichen (die Wörter einer Folge dürfen
    /// durch Leer- und Satzzeichen getrennt sein), mit den gewöhnlichen Buchstaben als
    /// Vorschlag. Buchstabenähnliche Symbole, die Lücken des Blocks füllen (`ℎ`, `ℬ`), und
    /// kombinierende Akzente gehören zur Folge.
    ///
    /// ## Warum
    /// Diese Zeichen sind mathematische Symbole, keine Buchstaben: Screenreader lesen sie
    /// einzeln als „mathematisches fettes großes W …“ vor oder überspringen sie, Suche und
    /// Übersetzung finden die Wörter nicht. Die Bundesfachstelle Barrierefreiheit warnt vor
    /// dieser Scheinformatierung (§ 12a Abs. 8 BGG).
    ///
    /// ## Beispiel
    /// `𝐖𝐢𝐜𝐡𝐭𝐢𝐠: Straßensperrung` → `Wichtig: Straßensperrung`
    ///
    /// ## Einstellungen
    /// Nichts über die gemeinsamen Schlüssel hinaus:
    /// ```toml
    /// [rules."accessibility.fake-bold"]
    /// severity = "error"
    /// ```
    pub(crate) struct AccessibilityFakeBold {}
}

impl RuleDef for AccessibilityFakeBold {
    type Settings = Settings;
    const DEFAULT_SEVERITY: Severity = Severity::Warning;
    const DOCS: &'static str = Self::DOC_TEXT;
    const TITLE: Title = Title {
        de: "Unicode-Schmuckschrift",
        en: "Fancy Unicode lettering",
    };

    fn compile(_: &Settings, _: &Account) -> Result<Self, SettingError> {
        Ok(AccessibilityFakeBold {})
    }
}

impl Rule for AccessibilityFakeBold {
    fn check(&self, cx: &CheckContext<'_>, out: &mut Vec<Finding>) {
        for run in fake_runs(cx.text.text) {
            let written = cx.text.text.get(run.clone()).unwrap_or_default();
            let plain = plain_letters(written);
            out.push(
                Finding::new(
                    tr!(cx.lang,
                        de: "`{written}` ist aus mathematischen Sonderzeichen gesetzt, nicht aus Buchstaben",
                        en: "`{written}` is set in mathematical symbols, not letters"),
                    tr!(cx.lang,
                        de: "Normale Buchstaben schreiben (`{plain}`): Screenreader lesen diese Zeichen einzeln als Symbole vor oder gar nicht",
                        en: "write plain letters (`{plain}`): screen readers read these characters one by one as symbols, or not at all"),
                )
                .at(run.start, run.end)
                .suggest(plain, run.start, run.end),
            );
        }
    }
}

/// Mathematical Alphanumeric Symbols.
fn is_math_alphanumeric(c: char) -> bool {
    ('\u{1D400}'..='\u{1D7FF}').contains(&c)
}

/// Letter-like symbols that stand in for the block's holes (italic `ℎ` is U+210E, not
/// U+1D455) or are mixed with it.
fn is_letterlike_letter(c: char) -> bool {
    ('\u{2100}'..='\u{214F}').contains(&c) && c.is_alphabetic()
}

/// Runs of fake letters: each starts and ends with a symbol of the block (or an accent on
/// one); spaces and punctuation between two symbols belong to the run, plain letters and
/// line breaks end it.
fn fake_runs(text: &str) -> impl Iterator<Item = Range<usize>> + '_ {
    let mut chars = text.char_indices().peekable();
    std::iter::from_fn(move || {
        let (start, first) = chars.find(|&(_, c)| is_math_alphanumeric(c))?;
        let mut end = start + first.len_utf8();
        while let Some(&(index, c)) = chars.peek() {
            let continues = is_math_alphanumeric(c) || is_letterlike_letter(c);
            if continues || (is_combining_mark(c) && index == end) {
                end = index + c.len_utf8();
            } else if c.is_alphabetic() || matches!(c, '\n' | '\r' | '\u{2028}' | '\u{2029}') {
                break;
            } else if !(c.is_whitespace() || c.is_ascii_punctuation() || c.is_ascii_digit()) {
                break; // emoji, symbols: the formatted phrase is over
            }
            chars.next();
        }
        Some(start..end)
    })
}

/// The plain text: compatibility-decomposed fake letters (`𝐖` → `W`), everything else
/// as written, then composed again so that `𝐮` + U+0308 becomes `ü`.
fn plain_letters(written: &str) -> String {
    let mut plain = String::with_capacity(written.len());
    for c in written.chars() {
        if is_math_alphanumeric(c) || is_letterlike_letter(c) {
            plain.extend(std::iter::once(c).nfkc());
        } else {
            plain.push(c);
        }
    }
    plain.nfc().collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn runs(text: &str) -> Vec<&str> {
        fake_runs(text).map(|run| &text[run]).collect()
    }

    #[test]
    fn runs_cover_words_of_one_phrase() {
        assert_eq!(runs("𝐖𝐢𝐜𝐡𝐭𝐢𝐠𝐞 𝐈𝐧𝐟𝐨: heute"), ["𝐖𝐢𝐜𝐡𝐭𝐢𝐠𝐞 𝐈𝐧𝐟𝐨"]);
        assert_eq!(runs("𝑊𝑒𝑖ℎ𝑛𝑎𝑐ℎ𝑡𝑒𝑛 ist da"), ["𝑊𝑒𝑖ℎ𝑛𝑎𝑐ℎ𝑡𝑒𝑛"]);
        assert_eq!(runs("𝐀𝐛 und 𝐁𝐢𝐬"), ["𝐀𝐛", "𝐁𝐢𝐬"]);
        assert_eq!(runs("𝐀𝐛\n𝐁𝐢𝐬"), ["𝐀𝐛", "𝐁𝐢𝐬"]);
        assert!(runs("Wichtig: ganz normal, ℃ und № 5").is_empty());
    }

    #[test]
    fn plain_letters_recompose_umlauts() {
        assert_eq!(plain_letters("𝐖𝐢𝐜𝐡𝐭𝐢𝐠𝐞 𝐈𝐧𝐟𝐨"), "Wichtige Info");
        assert_eq!(plain_letters("𝐊𝐮\u{308}𝐫𝐛𝐢𝐬"), "Kürbis");
        assert_eq!(plain_letters("𝑊𝑒𝑖ℎ𝑛𝑎𝑐ℎ𝑡𝑒𝑛"), "Weihnachten");
        assert_eq!(plain_letters("𝟐𝟎𝟐𝟔 … 𝙼𝚘𝚗𝚘"), "2026 … Mono");
    }
}
