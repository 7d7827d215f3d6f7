use regex::Regex;

use crate::config::localized;
use crate::lang::tr;
use crate::report::Severity;
use crate::rules::privacy::{built_in_regex, in_entity};
use crate::rules::{
    Account, CheckContext, Finding, Rule, RuleDef, SettingError, Title, documented_rule,
    rule_settings,
};

/// A phone number as written in Germany: `+49 …`/`0049 …` (with an optional `(0)`), or a
/// national number starting with `0` and a non-zero digit, the area code possibly in
/// brackets; then groups of digits separated by one space, `/`, `-` or `–`. Which
/// candidates are numbers is decided in code (length, dates, labels before them).
const CANDIDATE_PATTERN: &str = r"(?x)
    (?:
        (?:\+|00)[1-9]\d{0,2}
        (?:[\ \t]?\(0\))?
        [\ \t/-]?
        \(?\d{1,5}\)?
      | \(0[1-9]\d{1,4}\)
      | 0[1-9]\d{1,4}
    )
    (?:
        (?:[\ \t]?[/\-–][\ \t]?|[\ \t])?
        \d+
    )+
";

/// Country code assumed for national numbers (`0…`) when comparing with the allowlist.
const HOME_COUNTRY: &str = "49";

/// Service numbers of businesses and hotlines (freephone, shared cost, premium, 115
/// authority line): never a citizen's own number.
const SERVICE_PREFIXES: &[&str] = &["800", "180", "900", "137", "138", "115", "116"];

/// Words that end in "nummer" but name a phone number.
const PHONE_LABELS: &[&str] = &[
    "tel",
    "telefon",
    "telefonnummer",
    "rufnummer",
    "ruf",
    "handy",
    "handynummer",
    "mobil",
    "mobilnummer",
    "fax",
    "faxnummer",
    "telefax",
    "durchwahl",
    "phone",
    "mobile",
];

rule_settings! {
    /// Settings of `privacy.phone`.
    #[schemars(rename = "PrivacyPhoneSettings")]
    pub struct Settings {
        /// Official numbers that may appear (switchboard, hotlines), in any common
        /// spelling (`"+49 5251 88-0"`, `"05251 880"`); compared digit by digit in
        /// international form. An entry ending in `*` allows every number that starts
        /// with it (`"+49 5251 88*"` allows every extension of the switchboard).
        pub allow: Option<Vec<String>>,
    }
}

documented_rule! {
    /// ## What it checks
    /// Phone numbers in German formats: `0176 12345678`, `+49 176 1234567`,
    /// `+49 (0) 5251 88-0`, `(05251) 88-0`, `05251/88-1234`, `0049 5251 881234`. A number
    /// needs a leading `0`, `00` or `+` and 7 to 15 digits, so dates (`04.05.2026`),
    /// times (`10:00–12:00`), postal codes (`33098 Paderborn`), years, amounts
    /// (`12,50 €`) and IBAN digit groups are not numbers. Digits after a label such as
    /// `Az.`, `Kundennummer` or `Kassenzeichen` are references (`privacy.case-reference`).
    /// Official contacts are not reported: service numbers (`0800`, `0180`, `0900`, `115`,
    /// `116 117`), switchboards (the extension a separate `0`, as in `Telefon
    /// 07577/930-0`, or the label `Zentrale`/`Vermittlung` just before the number) and the
    /// numbers in `allow`.
    ///
    /// ## Why
    /// A citizen's phone number is personal data, information relating to an identified or
    /// identifiable natural person (Art. 4 Nr. 1 DSGVO): publishing it on an official
    /// channel needs a legal basis the city does not have, and a post is copied before it
    /// can be deleted. A switchboard reaches an authority, not a person: authorities publish
    /// it to be reachable (§ 2 Abs. 1 EGovG and the states' e-government acts; § 3a Abs. 1
    /// VwVfG). Individual cases are not handled on social media (DStGB guidelines 2012
    /// § 1 Abs. 2); Kommune21's talk „Konsistent kommunizieren“ (Detlef Sander) names
    /// „Datenschutz“ as a requirement of municipal channels, and Bergedorf's Drs. 21-1344
    /// „Social Media im Bezirksamt Bergedorf“ (2022) asks to include „datenschutzrechtliche
    /// Fragen“. The default severity is
    /// `warning`, not `error`: posts often give an office's direct line, which is official
    /// but cannot be told from a private number by its form. Put the city's numbers in
    /// `allow` and raise the severity if you like.
    ///
    /// ## Example
    /// `Rückfragen bitte an Frau Müller, 0176 12345678.` → give the official number or
    /// the contact form.
    ///
    /// ## Configuration
    /// Off unless the policy sets `enabled = true` (the base policy does; city policies add
    /// their official numbers).
    /// ```toml
    /// [rules."privacy.phone"]
    /// allow = ["+49 5251 88-0", "+49 5251 88-11*"]
    /// ```
    ///
    /// # Deutsch
    ///
    /// ## Was geprüft wird
    /// Telefonnummern in deutschen Schreibweisen: `0176 12345678`, `+49 176 1234567`, `+49 (0)
    /// 5251 88-0`, `(05251) 88-0`, `05251/88-1234`, `0049 5251 881234`. Eine Nummer braucht eine
    /// führende `0`, `00` oder ein `+` und 7 bis 15 Ziffern, sodass Datumsangaben (`04.05.2026`),
    /// Uhrzeiten (`10:00–12:00`), Postleitzahlen (`33098 Paderborn`), Jahreszahlen, Beträge
    /// (`12,50 €`) und Zifferngruppen von IBANs keine Nummern sind. Ziffern nach einer
    /// Bezeichnung wie `Az.`, `Kundennummer` oder `Kassenzeichen` sind Aktenzeichen und ähnliche
    /// Angaben (`privacy.case-reference`). Dienstliche Kontakte werden nicht gemeldet:
    /// Servicenummern (`0800`, `0180`, `0900`, `115`, `116 117`), Telefonzentralen (die Durchwahl
    /// eine einzelne `0`, wie in `Telefon 07577/930-0`, oder die Bezeichnung
    /// `Zentrale`/`Vermittlung` direkt vor der Nummer) und die Nummern in `allow`.
    ///
    /// ## Warum
    /// Die Telefonnummer einer Bürgerin oder eines Bürgers ist ein personenbezogenes Datum, eine
    /// Information, die sich auf eine identifizierte oder identifizierbare natürliche Person
    /// bezieht (Art. 4 Nr. 1 DSGVO): Sie auf einem amtlichen Kanal zu veröffentlichen, erfordert
    /// eine Rechtsgrundlage, die die Stadt nicht hat, und ein Beitrag ist kopiert, bevor er
    /// gelöscht werden kann. Eine Telefonzentrale erreicht eine Behörde, keine Person: Behörden
    /// veröffentlichen sie, um erreichbar zu sein (§ 2 Abs. 1 EGovG und die E-Government-Gesetze
    /// der Länder; § 3a Abs. 1 VwVfG). Einzelfälle werden nicht in sozialen Medien bearbeitet
    /// (DStGB-Leitlinien 2012 § 1 Abs. 2); der Kommune21-Vortrag „Konsistent kommunizieren“
    /// (Detlef Sander) nennt „Datenschutz“ als Anforderung an kommunale Kanäle, und die
    /// Bergedorfer Drs. 21-1344 „Social Media im Bezirksamt Bergedorf“ (2022) verlangt,
    /// „datenschutzrechtliche Fragen“ einzubeziehen. Der voreingestellte Schweregrad ist
    /// `warning`, nicht `error`: Beiträge nennen oft die Durchwahl einer Dienststelle, die
    /// dienstlich ist, sich ihrer Form nach aber nicht von einer privaten Nummer unterscheiden
    /// lässt. Tragen Sie die Nummern der Stadt in `allow` ein und erhöhen Sie den Schweregrad,
    /// wenn Sie möchten.
    ///
    /// ## Beispiel
    /// `Rückfragen bitte an Frau Müller, 0176 12345678.` → Die dienstliche Nummer oder das
    /// Kontaktformular angeben.
    ///
    /// ## Einstellungen
    /// Ausgeschaltet, solange die Richtlinie nicht `enabled = true` setzt (die Basisrichtlinie
    /// tut das; die Richtlinien der Städte ergänzen ihre dienstlichen Nummern).
    /// ```toml
    /// [rules."privacy.phone"]
    /// allow = ["+49 5251 88-0", "+49 5251 88-11*"]
    /// ```
    pub(crate) struct PrivacyPhone {
        candidate: Regex,
        /// Digits in international form without `+`; `true` for a prefix entry.
        allow: Vec<(String, bool)>,
    }
}

impl RuleDef for PrivacyPhone {
    type Settings = Settings;
    const DEFAULT_SEVERITY: Severity = Severity::Warning;
    // Noisy without the city's allowlists and choices, so a policy opts in (base.toml does).
    const DEFAULT_ENABLED: bool = false;
    const DOCS: &'static str = Self::DOC_TEXT;
    const TITLE: Title = Title {
        de: "Telefonnummer",
        en: "Phone number",
    };

    fn compile(settings: &Settings, _: &Account) -> Result<Self, SettingError> {
        Self::from_settings(settings)
    }
}

impl PrivacyPhone {
    fn from_settings(settings: &Settings) -> Result<Self, SettingError> {
        let mut allow = Vec::new();
        for (index, written) in settings.allow.iter().flatten().enumerate() {
            let (number, prefix) = match written.trim().strip_suffix('*') {
                Some(number) => (number, true),
                None => (written.as_str(), false),
            };
            if let Some(stray) = stray_character(number) {
                return Err(SettingError {
                    key: "allow",
                    entry: Some(index),
                    message: localized!(
                        de: "`{written}` ist keine Telefonnummer: `{stray}` gehört nicht in eine Nummer (nur Ziffern, Leerzeichen, `+`, `-`, `/`, `(0)` und ein `*` am Ende)",
                        en: "`{written}` is not a phone number: `{stray}` does not belong in a number (only digits, spaces, `+`, `-`, `/`, `(0)` and a final `*`)",
                    ),
                });
            }
            match international_digits(number) {
                Some(digits) if digits.len() >= 4 => allow.push((digits, prefix)),
                _ => {
                    return Err(SettingError {
                        key: "allow",
                        entry: Some(index),
                        message: localized!(
                            de: "`{written}` ist keine Telefonnummer (z. B. `+49 5251 88-0` oder `05251 88-0`)",
                            en: "`{written}` is not a phone number (e.g. `+49 5251 88-0` or `05251 88-0`)",
                        ),
                    });
                }
            }
        }
        Ok(PrivacyPhone {
            candidate: built_in_regex(CANDIDATE_PATTERN)?,
            allow,
        })
    }

    /// Byte ranges of phone numbers in `text`, allowed ones included.
    fn numbers<'t>(&'t self, text: &'t str) -> impl Iterator<Item = (usize, usize)> + 't {
        self.candidate
            .find_iter(text)
            .filter(|found| is_phone_number(text, found.start(), found.end()))
            .map(|found| (found.start(), found.end()))
    }

    fn is_allowed(&self, written: &str) -> bool {
        let Some(digits) = international_digits(written) else {
            return false;
        };
        self.allow.iter().any(|(allowed, prefix)| {
            if *prefix {
                digits.starts_with(allowed.as_str())
            } else {
                digits == *allowed
            }
        })
    }
}

/// The first character of an allowlist entry that no written phone number has (a pattern
/// such as `88-[0-9]+` or an unclosed bracket), if any.
fn stray_character(number: &str) -> Option<char> {
    let mut open_bracket = false;
    for (at, c) in number.trim().char_indices() {
        match c {
            '0'..='9' | ' ' | '-' | '/' | '.' => {}
            '+' if at == 0 => {}
            '(' if !open_bracket => open_bracket = true,
            ')' if open_bracket => open_bracket = false,
            other => return Some(other),
        }
    }
    open_bracket.then_some('(')
}

/// The digits of a number in international form without `+` (`05251 88-0` →
/// `495251880`, `+49 (0) 5251 88-0` → `495251880`); `None` if it has no digits.
fn international_digits(written: &str) -> Option<String> {
    let written = written.trim();
    let without_trunk = written.replacen("(0)", "", 1);
    let digits: String = without_trunk.chars().filter(char::is_ascii_digit).collect();
    let international = if written.starts_with('+') {
        digits
    } else if let Some(rest) = digits.strip_prefix("00") {
        rest.to_owned()
    } else if let Some(rest) = digits.strip_prefix('0') {
        format!("{HOME_COUNTRY}{rest}")
    } else {
        digits
    };
    (!international.is_empty()).then_some(international)
}

/// Whether a candidate match is a phone number rather than a date, a reference, part of a
/// longer digit sequence or a service number.
fn is_phone_number(text: &str, start: usize, end: usize) -> bool {
    let written = text.get(start..end).unwrap_or_default();
    let before = text.get(..start).unwrap_or_default();
    let after = text.get(end..).unwrap_or_default();

    // Glued to a word or a number: `DE89 3704 0044 …`, `Nr.4711`, `1.0176`.
    let mut previous = before.chars().rev();
    let glued_before = match (previous.next(), previous.next()) {
        (Some(c), _) if c.is_alphanumeric() || c == '_' => true,
        (Some('.' | ',' | '/' | '-' | ':'), Some(d)) => d.is_ascii_digit(),
        _ => false,
    };
    let last_visible = before.trim_end_matches([' ', '\t']).chars().next_back();
    if glued_before || last_visible.is_some_and(|c| c.is_ascii_digit()) {
        return false;
    }
    let mut next = after.chars();
    let glued_after = match (next.next(), next.next()) {
        (Some(c), _) if c.is_alphanumeric() || c == '_' => true,
        (Some('.' | ',' | ':'), Some(d)) => d.is_ascii_digit(),
        _ => false,
    };
    if glued_after {
        return false;
    }

    let international = written.starts_with('+') || written.starts_with("00");
    let digits = written.chars().filter(char::is_ascii_digit).count();
    let plausible_length = if international {
        (8..=15).contains(&digits)
    } else {
        (7..=13).contains(&digits)
    };
    if !plausible_length || looks_like_date(written) || looks_like_number_of_year(written) {
        return false;
    }
    // A national area code has at least three digits with its `0` (`030`, `05251`).
    if !international {
        let first_group = written
            .trim_start_matches('(')
            .split(|c: char| !c.is_ascii_digit())
            .next()
            .unwrap_or_default();
        let unbroken = first_group.len() == digits;
        if first_group.len() < 3 && !unbroken {
            return false;
        }
    }
    if is_service_number(written) {
        return false;
    }
    !follows_reference_label(before)
}

/// Labels of a switchboard (`Zentrale: 07577 930-0`, `Telefonzentrale`, `Vermittlung`).
const SWITCHBOARD_LABELS: &[&str] = &["zentrale", "telefonzentrale", "vermittlung"];

/// How many words before a number a switchboard label may stand (`Zentrale: Tel. 0…`).
const SWITCHBOARD_LABEL_WINDOW: usize = 3;

/// Whether a number is an organisation's switchboard, not a person's line: its extension
/// is a separate `0` (`07577/930-0`, `+49 5251 88 0`) or a label such as `Zentrale` stands
/// just before it on the same line.
fn is_switchboard(text: &str, start: usize, end: usize) -> bool {
    let written = text.get(start..end).unwrap_or_default();
    let mut groups = written.rsplit(|c: char| !c.is_ascii_digit());
    let zero_extension = groups.next() == Some("0") && groups.any(|group| !group.is_empty());
    let line_before = text
        .get(..start)
        .unwrap_or_default()
        .rsplit('\n')
        .next()
        .unwrap_or_default()
        .to_lowercase();
    let labelled = line_before
        .split(|c: char| !c.is_alphabetic())
        .filter(|word| !word.is_empty())
        .rev()
        .take(SWITCHBOARD_LABEL_WINDOW)
        .any(|word| SWITCHBOARD_LABELS.contains(&word));
    zero_extension || labelled
}

/// `04/05/2026`, `4-5-26`: day, month and year.
fn looks_like_date(written: &str) -> bool {
    let groups: Vec<&str> = written
        .split(['/', '-', '–', ' '])
        .filter(|g| !g.is_empty())
        .collect();
    matches!(groups.as_slice(), [day, month, year]
        if day.len() <= 2 && month.len() <= 2 && matches!(year.len(), 2 | 4))
}

/// `0123/2026`: a council paper or file numbered within a year (`Vorlage 0123/2026`).
fn looks_like_number_of_year(written: &str) -> bool {
    let Some((number, year)) = written.split_once('/') else {
        return false;
    };
    let is_year = year.len() == 4 && (year.starts_with("19") || year.starts_with("20"));
    is_year
        && number.chars().all(|c| c.is_ascii_digit())
        && year.chars().all(|c| c.is_ascii_digit())
}

fn is_service_number(written: &str) -> bool {
    let Some(digits) = international_digits(written) else {
        return false;
    };
    digits
        .strip_prefix(HOME_COUNTRY)
        .is_some_and(|national| SERVICE_PREFIXES.iter().any(|p| national.starts_with(p)))
}

/// Whether the word before the number labels a reference (`Az.`, `Kundennummer`,
/// `Kassenzeichen`, `Nr.`) rather than a phone number (`Tel.`, `Tel.-Nr.`, `Rufnummer`).
fn follows_reference_label(before: &str) -> bool {
    let is_separator = |c: char| matches!(c, ' ' | '\t' | ':' | '.' | '#' | '-' | '–');
    let last_word = |text: &str| -> (String, usize) {
        let text = text.trim_end_matches(is_separator);
        let start = text
            .char_indices()
            .rev()
            .find(|(_, c)| !c.is_alphabetic())
            .map_or(0, |(index, c)| index + c.len_utf8());
        (text.get(start..).unwrap_or_default().to_lowercase(), start)
    };
    let (word, start) = last_word(before);
    if PHONE_LABELS.contains(&word.as_str()) {
        return false;
    }
    if matches!(word.as_str(), "nr" | "no" | "nummer") {
        // `Tel.-Nr.`, `Fax-Nr.`: the word before decides.
        let (label, _) = last_word(before.get(..start).unwrap_or_default());
        return !PHONE_LABELS.contains(&label.as_str());
    }
    word.ends_with("nummer")
        || word.ends_with("zeichen")
        || matches!(
            word.as_str(),
            "az" | "gz"
                | "iban"
                | "bic"
                | "blz"
                | "plz"
                | "konto"
                | "kto"
                | "id"
                | "postfach"
                | "vorlage"
                | "drucksache"
                | "beschluss"
                | "antrag"
        )
}

impl Rule for PrivacyPhone {
    fn check(&self, cx: &CheckContext<'_>, out: &mut Vec<Finding>) {
        let text = cx.text.text;
        for (start, end) in self.numbers(text) {
            let written = text.get(start..end).unwrap_or_default();
            if in_entity(cx.text, start, end)
                || self.is_allowed(written)
                || is_switchboard(text, start, end)
            {
                continue;
            }
            out.push(
                Finding::new(
                    tr!(cx.lang,
                        de: "Telefonnummer `{written}` im Beitrag",
                        en: "phone number `{written}` in the post"),
                    tr!(cx.lang,
                        de: "Keine privaten Nummern veröffentlichen; offizielle Nummern der Stadt in `allow` unter `[rules.\"privacy.phone\"]` eintragen",
                        en: "do not publish private numbers; list the city's official numbers in `allow` of `[rules.\"privacy.phone\"]`"),
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

    fn found(text: &str) -> Vec<&str> {
        let rule = PrivacyPhone::from_settings(&Settings::default()).unwrap();
        rule.numbers(text).map(|(s, e)| &text[s..e]).collect()
    }

    #[test]
    fn german_formats_are_found() {
        for number in [
            "0176 12345678",
            "01761234567",
            "+49 176 1234567",
            "+4917612345678",
            "+49 (0) 5251 88-0",
            "+49 (0)5251 881234",
            "(05251) 88-0",
            "05251/88-1234",
            "05251 / 88 - 1234",
            "0049 5251 881234",
            "030 12345678",
            "0228 12345",
        ] {
            let text = format!("Rückfragen: {number}.");
            assert_eq!(found(&text), [number], "{number}");
        }
    }

    #[test]
    fn dates_times_codes_amounts_and_references_are_not_numbers() {
        for text in [
            "Am 04.05.2026 von 10:00–12:00 Uhr",
            "Sprechstunde 08:00 - 12:00 Uhr",
            "Rathaus, Am Abdinghof 11, 33098 Paderborn",
            "Rathaus, 01067 Dresden",
            "Im Jahr 2026 kostet es 12,50 € oder 1.250.000 Euro",
            "Termin am 04/05/2026",
            "IBAN DE89 3704 0044 0532 0130 00",
            "IBAN DE89370400440532013000",
            "Az. 0123/2026-45",
            "Kundennummer 0815 4711 12",
            "Kassenzeichen: 0123-456-789",
            "Service: 0800 1234567 oder 115",
            "Patientenservice 116117",
            "Anteil 0,5 % bei 0.25 Punkten",
            "Die Sitzung beginnt um 17 Uhr, Vorlage 0123/2026.",
            "Drucksache 0815 4711 liegt aus",
        ] {
            assert!(found(text).is_empty(), "{text}: {:?}", found(text));
        }
    }

    #[test]
    fn labels_decide_between_phone_and_reference() {
        assert_eq!(found("Tel.-Nr. 05251 881234"), ["05251 881234"]);
        assert_eq!(found("Telefonnummer: 05251 881234"), ["05251 881234"]);
        assert!(found("Vorgangs-Nr. 05251 881234").is_empty());
    }

    // A town hall's switchboard (`Telefon 07577/930-0`) was reported as personal data.
    #[test]
    fn switchboards_are_official_contacts() {
        for text in [
            "Telefon 07577/930-0",
            "Tel. +49 5251 88 0",
            "Zentrale: 05251 881234",
            "Telefonzentrale Tel. 0228 12345",
        ] {
            let numbers = found(text);
            assert_eq!(numbers.len(), 1, "{text}");
            let start = text.find(numbers[0]).unwrap();
            assert!(
                is_switchboard(text, start, start + numbers[0].len()),
                "{text}"
            );
        }
        for text in [
            "Frau Müller, 0176 12345670",
            "Durchwahl 05251 88-1230",
            "Tel. 05251 8810",
        ] {
            let numbers = found(text);
            let start = text.find(numbers[0]).unwrap();
            assert!(
                !is_switchboard(text, start, start + numbers[0].len()),
                "{text}"
            );
        }
    }

    #[test]
    fn allowlist_entries_that_are_patterns_are_refused() {
        for (entry, stray) in [
            ("+49 (5251 88-[0-9]+", '['),
            ("+49 (5251 88-0", '('),
            ("05251 88-0**", '*'),
            ("05251 88 0 +", '+'),
            ("Rathaus 05251 88-0", 'R'),
        ] {
            let settings = Settings {
                allow: Some(vec![entry.into()]),
                ..Settings::default()
            };
            let error = PrivacyPhone::from_settings(&settings)
                .err()
                .unwrap_or_else(|| panic!("`{entry}` was accepted"));
            assert_eq!(error.key, "allow");
            assert!(
                error.message.de.contains(&format!("`{stray}`")),
                "{}",
                error.message.de
            );
        }
        for entry in [
            "+49 (0) 5251 88-0",
            "05251/88-11*",
            "0049 5251 88 0",
            "(05251) 88-1123",
        ] {
            let settings = Settings {
                allow: Some(vec![entry.into()]),
                ..Settings::default()
            };
            assert!(PrivacyPhone::from_settings(&settings).is_ok(), "{entry}");
        }
    }

    #[test]
    fn allowlist_compares_international_digits() {
        let rule = PrivacyPhone::from_settings(&Settings {
            allow: Some(vec!["+49 5251 88-0".into(), "05251 88-11*".into()]),
            ..Settings::default()
        })
        .unwrap();
        assert!(rule.is_allowed("05251 88-0"));
        assert!(rule.is_allowed("+49 (0) 5251 880"));
        assert!(rule.is_allowed("0049 5251 880"));
        assert!(rule.is_allowed("(05251) 88-1123"));
        assert!(!rule.is_allowed("05251 88-1234"));
        assert!(
            PrivacyPhone::from_settings(&Settings {
                allow: Some(vec!["Zentrale".into()]),
                ..Settings::default()
            })
            .is_err()
        );
    }
}
