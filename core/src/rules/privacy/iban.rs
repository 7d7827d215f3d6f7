use crate::config::localized;
use crate::lang::tr;
use crate::report::Severity;
use crate::rules::privacy::in_entity;
use crate::rules::{
    Account, CheckContext, Finding, Rule, RuleDef, SettingError, Title, documented_rule,
    rule_settings,
};

/// IBAN length per country (ISO 13616 registry): the SEPA countries and neighbours a
/// German city's readers are likely to bank in.
#[rustfmt::skip]
const IBAN_LENGTHS: &[(&str, usize)] = &[
    ("AD", 24), ("AT", 20), ("BE", 16), ("BG", 22), ("CH", 21), ("CY", 28), ("CZ", 24),
    ("DE", 22), ("DK", 18), ("EE", 20), ("ES", 24), ("FI", 18), ("FO", 18), ("FR", 27),
    ("GB", 22), ("GI", 23), ("GL", 18), ("GR", 27), ("HR", 21), ("HU", 28), ("IE", 22),
    ("IS", 26), ("IT", 27), ("LI", 21), ("LT", 20), ("LU", 20), ("LV", 21), ("MC", 27),
    ("MT", 31), ("NL", 18), ("NO", 15), ("PL", 28), ("PT", 25), ("RO", 24), ("RS", 22),
    ("SE", 24), ("SI", 19), ("SK", 24), ("SM", 27), ("TR", 26), ("UA", 29), ("VA", 22),
    ("BA", 20), ("ME", 22), ("MK", 19), ("AL", 28), ("XK", 20),
];

rule_settings! {
    /// Settings of `privacy.iban`.
    #[schemars(rename = "PrivacyIbanSettings")]
    pub struct Settings {
        /// The organisation's own accounts that may appear (donation or fee accounts),
        /// with or without spaces.
        pub allow: Option<Vec<String>>,
    }
}

documented_rule! {
    /// ## What it checks
    /// IBANs, written with or without spaces (`DE89 3704 0044 0532 0130 00`,
    /// `DE89370400440532013000`), of the European countries and their neighbours, each
    /// with its own length. Only numbers with a valid ISO 7064 mod-97 checksum are
    /// reported; accounts in `allow` are fine.
    ///
    /// ## Why
    /// A bank account identifies its holder, which makes it personal data (Art. 4 Nr. 1
    /// DSGVO), and an individual case such as a refund or a fee is not handled on social
    /// media (DStGB guidelines 2012 § 1 Abs. 2); Kommune21's talk „Konsistent
    /// kommunizieren“ (Detlef Sander) names „Datenschutz“ as a requirement of municipal
    /// channels. A valid checksum makes a finding almost certain, so the
    /// default severity is `error`; the city's own donation and fee accounts go in `allow`.
    /// A string with a wrong checksum is not reported: it is either not an IBAN (a
    /// reference such as `AB12 …` that happens to start with two letters) or a typo no one
    /// can transfer money to, and reporting it would cost precision for little gain.
    ///
    /// ## Example
    /// `Die Erstattung geht an DE89 3704 0044 0532 0130 00.` → do not publish account
    /// details; settle the case by letter.
    ///
    /// ## Configuration
    /// ```toml
    /// [rules."privacy.iban"]
    /// allow = ["DE12 4725 0101 0000 0012 34"]   # Spendenkonto der Stadt
    /// ```
    ///
    /// # Deutsch
    ///
    /// ## Was geprüft wird
    /// IBANs der europäischen Länder und ihrer Nachbarn, mit oder ohne Leerzeichen geschrieben
    /// (`DE89 3704 0044 0532 0130 00`, `DE89370400440532013000`), jede mit der Länge ihres
    /// Landes. Gemeldet werden nur Nummern mit gültiger Prüfsumme nach ISO 7064 (Mod 97); Konten
    /// in `allow` sind in Ordnung.
    ///
    /// ## Warum
    /// Eine Bankverbindung identifiziert die Person, der das Konto gehört, und ist damit ein
    /// personenbezogenes Datum (Art. 4 Nr. 1 DSGVO), und ein Einzelfall wie eine Erstattung oder
    /// eine Gebühr wird nicht in sozialen Medien bearbeitet (DStGB-Leitlinien 2012 § 1 Abs. 2);
    /// der Kommune21-Vortrag „Konsistent kommunizieren“ (Detlef Sander) nennt „Datenschutz“ als
    /// Anforderung an kommunale Kanäle. Eine gültige Prüfsumme macht einen Befund nahezu sicher,
    /// daher ist der voreingestellte Schweregrad `error`; die eigenen Spenden- und Gebührenkonten
    /// der Stadt gehören in `allow`. Eine Zeichenfolge mit falscher Prüfsumme wird nicht
    /// gemeldet: Sie ist entweder keine IBAN (eine Kennung wie `AB12 …`, die zufällig mit zwei
    /// Buchstaben beginnt) oder ein Tippfehler, auf den niemand Geld überweisen kann, und sie zu
    /// melden, würde Genauigkeit kosten und wenig nützen.
    ///
    /// ## Beispiel
    /// `Die Erstattung geht an DE89 3704 0044 0532 0130 00.` → Keine Kontodaten veröffentlichen;
    /// den Fall per Brief klären.
    ///
    /// ## Einstellungen
    /// ```toml
    /// [rules."privacy.iban"]
    /// allow = ["DE12 4725 0101 0000 0012 34"]   # Spendenkonto der Stadt
    /// ```
    pub(crate) struct PrivacyIban {
        /// Upper case, without spaces.
        allow: Vec<String>,
    }
}

impl RuleDef for PrivacyIban {
    type Settings = Settings;
    const DEFAULT_SEVERITY: Severity = Severity::Error;
    const DOCS: &'static str = Self::DOC_TEXT;
    const TITLE: Title = Title {
        de: "Bankverbindung (IBAN)",
        en: "Bank account number (IBAN)",
    };

    fn compile(settings: &Settings, _: &Account) -> Result<Self, SettingError> {
        let mut allow = Vec::new();
        for (index, written) in settings.allow.iter().flatten().enumerate() {
            let compact: String = written
                .chars()
                .filter(|c| !c.is_whitespace())
                .flat_map(char::to_uppercase)
                .collect();
            if !checksum_valid(&compact) {
                return Err(SettingError {
                    key: "allow",
                    entry: Some(index),
                    message: localized!(
                        de: "`{written}` ist keine gültige IBAN (Prüfsumme falsch)",
                        en: "`{written}` is not a valid IBAN (wrong checksum)",
                    ),
                });
            }
            allow.push(compact);
        }
        Ok(PrivacyIban { allow })
    }
}

/// IBANs in `text` with a valid checksum: byte range and the compact form.
fn ibans(text: &str) -> impl Iterator<Item = (usize, usize, String)> + '_ {
    let bytes = text.as_bytes();
    (0..bytes.len().saturating_sub(3)).filter_map(move |start| {
        let head = bytes.get(start..start + 4)?;
        let starts_iban = head[0].is_ascii_uppercase()
            && head[1].is_ascii_uppercase()
            && head[2].is_ascii_digit()
            && head[3].is_ascii_digit();
        if !starts_iban {
            return None;
        }
        // At a word start only: `XDE89…` is something else.
        let glued = text
            .get(..start)?
            .chars()
            .next_back()
            .is_some_and(char::is_alphanumeric);
        if glued {
            return None;
        }
        let country = text.get(start..start + 2)?;
        let &(_, length) = IBAN_LENGTHS.iter().find(|(code, _)| *code == country)?;
        let (end, compact) = take_iban(text, start, length)?;
        checksum_valid(&compact).then_some((start, end, compact))
    })
}

/// Reads `length` alphanumerics from `start`, allowing one space between characters (print
/// groups of four, or any grouping), and requires the IBAN to end there.
fn take_iban(text: &str, start: usize, length: usize) -> Option<(usize, String)> {
    let mut compact = String::with_capacity(length);
    let mut end = start;
    let mut chars = text.get(start..)?.char_indices().peekable();
    while compact.len() < length {
        let (offset, c) = chars.next()?;
        if c.is_ascii_alphanumeric() {
            compact.push(c.to_ascii_uppercase());
            end = start + offset + 1;
        } else if c == ' ' || c == '\u{a0}' {
            // One space, followed by more of the IBAN.
            if !chars
                .peek()
                .is_some_and(|(_, next)| next.is_ascii_alphanumeric())
            {
                return None;
            }
        } else {
            return None;
        }
    }
    let glued_after = text
        .get(end..)?
        .chars()
        .next()
        .is_some_and(char::is_alphanumeric);
    (!glued_after).then_some((end, compact))
}

/// ISO 7064 mod 97-10: move the first four characters to the end, letters to 10–35, and
/// the number must leave 1 when divided by 97. Computed digit by digit (no big integers).
fn checksum_valid(compact: &str) -> bool {
    if compact.len() < 15 || compact.len() > 34 || !compact.is_ascii() {
        return false;
    }
    let (head, tail) = compact.split_at(4);
    let mut remainder: u32 = 0;
    for c in tail.chars().chain(head.chars()) {
        let Some(value) = c.to_digit(36) else {
            return false;
        };
        remainder = if value < 10 {
            (remainder * 10 + value) % 97
        } else {
            (remainder * 100 + value) % 97
        };
    }
    remainder == 1
}

impl Rule for PrivacyIban {
    fn check(&self, cx: &CheckContext<'_>, out: &mut Vec<Finding>) {
        let text = cx.text.text;
        for (start, end, compact) in ibans(text) {
            if self.allow.contains(&compact) || in_entity(cx.text, start, end) {
                continue;
            }
            let written = text.get(start..end).unwrap_or_default();
            out.push(
                Finding::new(
                    tr!(cx.lang,
                        de: "IBAN `{written}` im Beitrag",
                        en: "IBAN `{written}` in the post"),
                    tr!(cx.lang,
                        de: "Bankverbindungen von Bürgerinnen und Bürgern nicht veröffentlichen; Konten der Stadt in `allow` eintragen",
                        en: "do not publish citizens' bank details; list the city's accounts in `allow`"),
                )
                .at(start, end),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(text: &str) -> Vec<&str> {
        ibans(text).map(|(s, e, _)| &text[s..e]).collect()
    }

    #[test]
    fn checksum_accepts_valid_and_rejects_altered_ibans() {
        for valid in [
            "DE89370400440532013000",
            "GB82WEST12345698765432",
            "AT611904300234573201",
            "CH9300762011623852957",
            "NL91ABNA0417164300",
            "FR1420041010050500013M02606",
        ] {
            assert!(checksum_valid(valid), "{valid}");
        }
        for invalid in [
            "DE89370400440532013001",
            "DE98370400440532013000",
            "DE89",
            "",
        ] {
            assert!(!checksum_valid(invalid), "{invalid}");
        }
    }

    #[test]
    fn ibans_with_and_without_spaces() {
        assert_eq!(
            found("Konto: DE89 3704 0044 0532 0130 00 (Sparkasse)"),
            ["DE89 3704 0044 0532 0130 00"]
        );
        assert_eq!(
            found("IBAN DE89370400440532013000."),
            ["DE89370400440532013000"]
        );
        assert_eq!(
            found("AT61 1904 3002 3457 3201 und mehr"),
            ["AT61 1904 3002 3457 3201"]
        );
        assert!(found("DE89 3704 0044 0532 0130 01").is_empty());
        assert!(found("DE893704004405320130001").is_empty());
        assert!(found("Az. AB12 3456 und DE12").is_empty());
    }
}
