use std::ops::Range;

use regex::Regex;

use crate::config::localized;
use crate::lang::tr;
use crate::report::Severity;
use crate::rules::privacy::{LazyRegex, built_in_regex, in_entity};
use crate::rules::{
    Account, CheckContext, Finding, Rule, RuleDef, SettingError, Title, documented_rule,
    rule_settings,
};
use crate::text::regex_classes::{LETTER, LETTER_CASE_VARIANTS, UPPERCASE_LETTER, any_case};

/// Labels that introduce the reference of one person's file, `-Nr.` forms included; matched
/// in any case (see [`any_case`]), like the policy's own labels.
const LABELS: &str = r"aktenzeichen|geschäftszeichen|kassenzeichen|buchungszeichen|steuer-?id(?:entifikationsnummer)?|identifikationsnummer|(?:kunden|vorgangs|steuer|antrags|fall|bescheid|versicherten|sozialversicherungs|mitglieds|vertrags|personalausweis|ausweis|zähler|rechnungs|bearbeitungs|referenz|ticket)(?:nummer|-?nr\.?)";

/// The reference itself: up to four tokens of capitals, digits and `./-`, the last with a
/// digit (`4 K 123/25`, `III-2/2026`, `0815-4711`). Lower-case words end it. `{upper}`
/// stands for the capitals `\p{Lu}` ([`UPPERCASE_LETTER`]).
const REFERENCE: &str =
    r"(?P<reference>(?:[{upper}\d][{upper}\d./\-]*[\ \t]){0,3}[{upper}\d./\-]*\d[{upper}\d./\-]*)";

/// What may stand between a label and its reference: `:`, `Nr.`, `#`; matched in any case.
const BETWEEN: &str = r"[\ \t]*[:#]?[\ \t]*(?:(?:nr|nummer)\.?[\ \t]*:?[\ \t]*)?";

/// Notices of one person (`Bescheid`, `Mahnung`), matched in any case.
const NOTICE_WORDS: &str = "(?:bescheid|mahnung)";

/// A notice (`Wohngeldbescheid`, `Mahnungen`) followed by its number, with (`marker`) or
/// without a label. `{word}` stands for the notice word with the letters before it and its
/// endings, `{marker}` for [`NOTICE_MARKERS`], both in any case.
const NOTICE: &str =
    r"(?P<notice>\b{word}\b)[\ \t]*(?P<marker>(?:{marker}\.?[\ \t]*:?|[:#])[\ \t]*)?";

/// The labels of a notice's number, matched in any case.
const NOTICE_MARKERS: &str = "(?:nr|nummer|az|aktenzeichen)";

rule_settings! {
    /// Settings of `privacy.case-reference`.
    #[schemars(rename = "PrivacyCaseReferenceSettings")]
    pub struct Settings {
        /// More labels that introduce a case reference (any case), e.g.
        /// `["Hundesteuermarke", "Grabnummer"]`.
        pub labels: Option<Vec<String>>,
    }
}

documented_rule! {
    /// ## What it checks
    /// References to one person's file: a label such as `Aktenzeichen`, `Az.`, `Gz.`,
    /// `Kassenzeichen`, `Kundennummer`, `Vorgangsnummer`, `Steuernummer`, `Steuer-ID`
    /// followed by a reference with digits (`Aktenzeichen 4 K 123/25`), and a notice such as a
    /// `Wohngeldbescheid`, `Steuerbescheid` or `Mahnung` followed by its number
    /// (`Bescheid Nr. 2026-0815`, `Gebührenbescheid 2026-004711`). A year, a range of years
    /// or a date after a notice is not a number: "Die Grundsteuerbescheide 2025 werden
    /// verschickt" is general information.
    ///
    /// ## Why
    /// Individual citizens' cases are not handled on social media (DStGB guidelines 2012
    /// § 1 Abs. 2); cities' netiquettes name a Wohngeldbescheid or the Hundesteuer as
    /// examples. A reference in a post ties it to one person's file, which makes it
    /// personal data (Art. 4 Nr. 1 DSGVO), and shows that a case is being discussed in
    /// public; Kommune21's talk „Konsistent kommunizieren“ (Detlef Sander) names
    /// „Datenschutz“ as a requirement of municipal channels. The default severity is
    /// `warning`: public notices (planning procedures) sometimes cite an Aktenzeichen on
    /// purpose.
    ///
    /// ## Example
    /// `Ihr Wohngeldbescheid Nr. 2026-0815 wird korrigiert.` → answer by private message
    /// or letter and refer to the responsible office in the post.
    ///
    /// ## Configuration
    /// Off unless the policy sets `enabled = true` (the base policy does).
    /// ```toml
    /// [rules."privacy.case-reference"]
    /// labels = ["Hundesteuermarke", "Grabnummer"]
    /// ```
    ///
    /// # Deutsch
    ///
    /// ## Was geprüft wird
    /// Verweise auf die Akte einer einzelnen Person: eine Bezeichnung wie `Aktenzeichen`, `Az.`,
    /// `Gz.`, `Kassenzeichen`, `Kundennummer`, `Vorgangsnummer`, `Steuernummer`, `Steuer-ID`,
    /// gefolgt von einer Angabe mit Ziffern (`Aktenzeichen 4 K 123/25`), und ein Bescheid wie ein
    /// `Wohngeldbescheid`, ein `Steuerbescheid` oder eine `Mahnung`, gefolgt von seiner Nummer
    /// (`Bescheid Nr. 2026-0815`, `Gebührenbescheid 2026-004711`). Ein Jahr, ein Zeitraum von
    /// Jahren oder ein Datum nach einem Bescheid ist keine Nummer: „Die Grundsteuerbescheide 2025
    /// werden verschickt“ ist eine allgemeine Information.
    ///
    /// ## Warum
    /// Anliegen einzelner Bürgerinnen und Bürger werden nicht in sozialen Medien bearbeitet
    /// (DStGB-Leitlinien 2012 § 1 Abs. 2); die Netiquetten von Städten nennen einen
    /// Wohngeldbescheid oder die Hundesteuer als Beispiele. Ein Aktenzeichen in einem Beitrag
    /// verweist auf die Akte einer Person und ist damit ein personenbezogenes Datum (Art. 4 Nr. 1
    /// DSGVO); zudem zeigt es, dass ein Fall öffentlich besprochen wird; der Kommune21-Vortrag
    /// „Konsistent kommunizieren“ (Detlef Sander) nennt „Datenschutz“ als Anforderung an
    /// kommunale Kanäle. Der voreingestellte Schweregrad ist `warning`: Öffentliche
    /// Bekanntmachungen (Planverfahren) nennen manchmal bewusst ein Aktenzeichen.
    ///
    /// ## Beispiel
    /// `Ihr Wohngeldbescheid Nr. 2026-0815 wird korrigiert.` → Per Direktnachricht oder Brief
    /// antworten und im Beitrag auf das zuständige Amt verweisen.
    ///
    /// ## Einstellungen
    /// Ausgeschaltet, solange die Richtlinie nicht `enabled = true` setzt (die Basisrichtlinie
    /// tut das).
    /// ```toml
    /// [rules."privacy.case-reference"]
    /// labels = ["Hundesteuermarke", "Grabnummer"]
    /// ```
    pub(crate) struct PrivacyCaseReference {
        /// Compiled for the first line the prefilter picks: most drafts have none.
        labelled: LazyRegex,
        notice: LazyRegex,
        /// The labels and notice words alone, without `\b`: a cheap pass that finds the
        /// lines where `labelled` or `notice` can match at all.
        prefilter: Regex,
    }
}

impl RuleDef for PrivacyCaseReference {
    type Settings = Settings;
    const DEFAULT_SEVERITY: Severity = Severity::Warning;
    // Noisy without the city's allowlists and choices, so a policy opts in (base.toml does).
    const DEFAULT_ENABLED: bool = false;
    const DOCS: &'static str = Self::DOC_TEXT;
    const TITLE: Title = Title {
        de: "Aktenzeichen einer Person",
        en: "Personal file reference",
    };

    fn compile(settings: &Settings, _: &Account) -> Result<Self, SettingError> {
        Self::from_settings(settings)
    }
}

impl PrivacyCaseReference {
    fn from_settings(settings: &Settings) -> Result<Self, SettingError> {
        let mut extra = String::new();
        for (index, label) in settings.labels.iter().flatten().enumerate() {
            let label = label.trim();
            if label.is_empty() || label.chars().any(char::is_whitespace) {
                return Err(SettingError {
                    key: "labels",
                    entry: Some(index),
                    message: localized!(
                        de: "`{label}` ist kein einzelnes Wort",
                        en: "`{label}` is not a single word",
                    ),
                });
            }
            extra.push('|');
            extra.push_str(&regex::escape(label));
        }
        let labels = any_case(&format!("{LABELS}{extra}"));
        let notice_words = any_case(NOTICE_WORDS);
        let reference = REFERENCE.replace("{upper}", &UPPERCASE_LETTER.to_string());
        let labelled = format!(
            r"(?P<label>\b(?:{labels})|\bA[zZ]\b\.?|\bG[zZ]\b\.?){}{reference}",
            any_case(BETWEEN)
        );
        // `(?i:\p{L}*(?:bescheid|mahnung)(?:e|es|s|en)?)`
        let notice_word = format!(
            "[{LETTER}{LETTER_CASE_VARIANTS}]*{notice_words}{}",
            any_case("(?:e|es|s|en)?")
        );
        let notice = NOTICE
            .replace("{marker}", &any_case(NOTICE_MARKERS))
            .replace("{word}", &notice_word);
        // Every match starts with a label or contains a notice word, so a line without one
        // of them has no match.
        let prefilter = format!(r"(?:{labels})|A[zZ]|G[zZ]|{notice_words}");
        Ok(PrivacyCaseReference {
            labelled: LazyRegex::new(labelled),
            notice: LazyRegex::new(format!("{notice}{reference}")),
            prefilter: built_in_regex(&prefilter)?,
        })
    }

    /// Byte ranges of case references, from the label to the end of the reference.
    fn references<'t>(&'t self, text: &'t str) -> impl Iterator<Item = (usize, usize)> + 't {
        let mut found: Vec<(usize, usize)> = Vec::new();
        // The Unicode `\b` of the full patterns makes the regex crate fall back to its slow
        // engines on any non-ASCII text, so they only run on lines the prefilter picked. No
        // match crosses a line (labels are single words, the rest allows only spaces and
        // tabs), and `\n` and the text's ends are the same non-word context for `\b`.
        for line in self.candidate_lines(text) {
            let offset = line.start;
            let line = text.get(line).unwrap_or_default();
            found.extend(
                self.labelled_in(line)
                    .map(|(s, e)| (s + offset, e + offset)),
            );
            found.extend(self.notices_in(line).map(|(s, e)| (s + offset, e + offset)));
        }
        // A notice with a label (`Bescheid Az. …`) is found twice: keep the outer one.
        found.sort_unstable_by_key(|&(start, end)| (start, std::cmp::Reverse(end)));
        let mut last_end = 0;
        found.into_iter().filter(move |&(start, end)| {
            let new = start >= last_end;
            last_end = last_end.max(end);
            new
        })
    }
}

impl PrivacyCaseReference {
    /// Byte ranges of the lines that contain a label or a notice word, in text order.
    fn candidate_lines<'t>(&'t self, text: &'t str) -> impl Iterator<Item = Range<usize>> + 't {
        let mut position = 0;
        std::iter::from_fn(move || {
            let hit = self.prefilter.find_at(text, position)?;
            let start = text[..hit.start()].rfind('\n').map_or(0, |i| i + 1);
            let end = text[hit.end()..]
                .find('\n')
                .map_or(text.len(), |i| hit.end() + i);
            position = end;
            Some(start..end)
        })
    }

    /// Labelled references in `text` (one line).
    fn labelled_in<'t>(&'t self, text: &'t str) -> impl Iterator<Item = (usize, usize)> + 't {
        self.labelled.captures_iter(text).filter_map(|captures| {
            let start = captures.get(0)?.start();
            let reference = captures.name("reference")?;
            let end = trimmed_end(reference.as_str(), reference.start());
            let digits = count_digits(text.get(reference.start()..end)?);
            (digits >= 2).then_some((start, end))
        })
    }

    /// Notices with a number in `text` (one line).
    fn notices_in<'t>(&'t self, text: &'t str) -> impl Iterator<Item = (usize, usize)> + 't {
        self.notice.captures_iter(text).filter_map(|captures| {
            let start = captures.get(0)?.start();
            let reference = captures.name("reference")?;
            let end = trimmed_end(reference.as_str(), reference.start());
            let written = text.get(reference.start()..end)?;
            let labelled = captures.name("marker").is_some();
            let number = if labelled {
                count_digits(written) >= 2
            } else {
                count_digits(written) >= 5 && !is_date_or_years(written)
            };
            number.then_some((start, end))
        })
    }
}

/// End of a reference without trailing punctuation (`4711.` at the end of a sentence).
fn trimmed_end(reference: &str, start: usize) -> usize {
    start + reference.trim_end_matches(['.', '/', '-', ' ', '\t']).len()
}

fn count_digits(text: &str) -> usize {
    text.chars().filter(char::is_ascii_digit).count()
}

/// `12.03.2026`, `2025/2026`, `2025–2026`: dates and years are no file numbers.
fn is_date_or_years(written: &str) -> bool {
    let groups: Vec<&str> = written.split(['.', '/', '-', '–']).collect();
    let is_year = |g: &str| g.len() == 4 && (g.starts_with("19") || g.starts_with("20"));
    match groups.as_slice() {
        [day, month, year] => day.len() <= 2 && month.len() <= 2 && matches!(year.len(), 2 | 4),
        [first, second] => is_year(first) && (is_year(second) || second.len() == 2),
        _ => false,
    }
}

impl Rule for PrivacyCaseReference {
    fn check(&self, cx: &CheckContext<'_>, out: &mut Vec<Finding>) {
        let text = cx.text.text;
        for (start, end) in self.references(text) {
            if in_entity(cx.text, start, end) {
                continue;
            }
            let written = text.get(start..end).unwrap_or_default();
            out.push(
                Finding::new(
                    tr!(cx.lang,
                        de: "`{written}` verweist auf die Akte eines Einzelfalls",
                        en: "`{written}` refers to the file of an individual case"),
                    tr!(cx.lang,
                        de: "Einzelfälle nicht öffentlich behandeln (DStGB-Leitfaden § 1 Abs. 2): per Nachricht oder Brief antworten und im Beitrag nur auf die zuständige Stelle verweisen",
                        en: "do not handle individual cases in public (DStGB guidelines §1(2)): answer by message or letter and only name the responsible office in the post"),
                )
                .at(start, end),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;
    use crate::text::regex_classes::tests::assert_same_pattern;

    fn found(text: &str) -> Vec<&str> {
        let rule = PrivacyCaseReference::from_settings(&Settings {
            labels: Some(vec!["Hundesteuermarke".into()]),
            ..Settings::default()
        })
        .unwrap();
        rule.references(text).map(|(s, e)| &text[s..e]).collect()
    }

    // The patterns as first written, with the regex crate's Unicode classes and `(?i)`.
    #[test]
    fn patterns_are_the_same_as_with_unicode_classes_and_case_folding() {
        let rule = PrivacyCaseReference::from_settings(&Settings {
            labels: Some(vec!["Hundesteuermarke".into(), "Grab-Nr.".into()]),
            ..Settings::default()
        })
        .unwrap();
        let extra = r"|Hundesteuermarke|Grab\-Nr\.";
        let reference = r"(?P<reference>(?:[\p{Lu}\d][\p{Lu}\d./\-]*[\ \t]){0,3}[\p{Lu}\d./\-]*\d[\p{Lu}\d./\-]*)";
        let between = r"[\ \t]*[:#]?[\ \t]*(?:(?i:nr|nummer)\.?[\ \t]*:?[\ \t]*)?";
        let notice = r"(?P<notice>\b(?i:\p{L}*(?:bescheid|mahnung)(?:e|es|s|en)?)\b)[\ \t]*(?P<marker>(?:(?i:nr|nummer|az|aktenzeichen)\.?[\ \t]*:?|[:#])[\ \t]*)?";
        assert_same_pattern(
            rule.labelled.as_str(),
            &format!(
                r"(?P<label>\b(?i:{LABELS}{extra})|\bA[zZ]\b\.?|\bG[zZ]\b\.?){between}{reference}"
            ),
        );
        assert_same_pattern(rule.notice.as_str(), &format!("{notice}{reference}"));
        assert_same_pattern(
            rule.prefilter.as_str(),
            &format!(r"(?i:{LABELS}{extra})|A[zZ]|G[zZ]|(?i:bescheid|mahnung)"),
        );
    }

    #[test]
    fn labelled_references_are_found() {
        assert_eq!(
            found("Ihr Aktenzeichen: 4 K 123/25. Danke"),
            ["Aktenzeichen: 4 K 123/25"]
        );
        assert_eq!(found("Az. 61.26.01-123/2026"), ["Az. 61.26.01-123/2026"]);
        assert_eq!(found("Kundennummer 0815 4711"), ["Kundennummer 0815 4711"]);
        assert_eq!(
            found("Vorgangs-Nr.: 2026-4711"),
            ["Vorgangs-Nr.: 2026-4711"]
        );
        assert_eq!(
            found("Hundesteuermarke Nr. 123"),
            ["Hundesteuermarke Nr. 123"]
        );
    }

    #[test]
    fn notices_need_a_number_that_is_no_date_or_year() {
        assert_eq!(
            found("Ihr Wohngeldbescheid Nr. 2026-0815"),
            ["Wohngeldbescheid Nr. 2026-0815"]
        );
        assert_eq!(
            found("Gebührenbescheid 2026-004711 ist"),
            ["Gebührenbescheid 2026-004711"]
        );
        assert_eq!(found("Bescheid Az. 4711/26"), ["Bescheid Az. 4711/26"]);
        assert!(found("Die Grundsteuerbescheide 2025 werden verschickt").is_empty());
        assert!(found("Grundsteuerbescheide 2025/2026 kommen").is_empty());
        assert!(found("Ihr Bescheid vom 12.03.2026").is_empty());
        assert!(found("Steuerbescheid 12.03.2026").is_empty());
    }

    #[test]
    fn labels_without_reference_are_fine() {
        assert!(found("Bitte geben Sie Ihr Aktenzeichen an.").is_empty());
        assert!(found("Aktenzeichen XY ungelöst läuft heute").is_empty());
        assert!(found("Die Hundesteuer ist am 15.05. fällig").is_empty());
        assert!(found("AZ Kurier berichtet").is_empty());
    }
}
