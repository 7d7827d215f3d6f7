use regex::Regex;

use crate::lang::tr;
use crate::report::Severity;
use crate::rules::links::{PolicyDomain, compile_domains, find_domain};
use crate::rules::privacy::{LazyRegex, built_in_regex, in_entity};
use crate::rules::{
    Account, CheckContext, Finding, Rule, RuleDef, SettingError, Title, documented_rule,
    rule_settings,
};
use crate::text::links::normalize_domain;
use crate::text::regex_classes::{LETTER, LETTER_CASE_VARIANTS, NUMBER_ANY_CASE, any_case};

/// An address with `@` or the German spam-proof spellings `(at)`, `[at]`, `(ät)`, `(@)`,
/// and `.` or `(punkt)`/`(dot)` between domain labels, in any case. Group `local` is the
/// part before the `@`, group `domain` the domain as written. `{alnum}` stands for letters and numbers in any case
/// (`(?i)[\p{L}\p{N}]`), `{letter}` for letters in any case, `{at}` for [`AT_WORDS`] and
/// `{spelled_dot}` for [`DOT_PATTERN`], both in any case.
///
/// The address ends where a word ends. That would be a `\b`, but a Unicode `\b` sends the
/// regex crate to its slow engines on any non-ASCII text; the pattern takes the following
/// non-word character (or the end) instead, which accepts exactly the same addresses, and
/// [`PrivacyEmail::addresses`] ends the match and goes on searching before that character.
const ADDRESS_PATTERN: &str = r"(?x)
    (?P<local> [{alnum}_%+-][{alnum}._%+-]* )
    (?: @ | \s?[(\[{]\s?(?: {at} | @ )\s?[)\]}]\s? )
    (?P<domain>
        [{alnum}](?:[{alnum}-]*[{alnum}])?
        (?: (?: \. | {spelled_dot} )
            [{alnum}](?:[{alnum}-]*[{alnum}])? )*
        (?: \. | {spelled_dot} )
        [{letter}]{2,}
    )
    (?: \W | \z )
";

/// `@` spelled out, in brackets.
const AT_WORDS: &str = "(?:at|ät)";

/// The spam-proof dot spellings inside a domain, matched in any case.
const DOT_PATTERN: &str = r"\s?[(\[]\s?(?:dot|punkt)\s?[)\]]\s?";

rule_settings! {
    /// Settings of `privacy.email`.
    #[schemars(rename = "PrivacyEmailSettings")]
    pub struct Settings {
        /// Domains whose addresses may appear (`"paderborn.de"`); subdomains are included.
        pub allow_domains: Option<Vec<String>>,
    }
}

documented_rule! {
    /// ## What it checks
    /// E-mail addresses of persons, also in the disguised spellings `name (at) domain.de`,
    /// `name(@)domain.de` and `name [at] domain [dot] de` (`[punkt]` too). Not reported
    /// are addresses whose domain is in `allow-domains` or below one
    /// (`allow-domains = ["paderborn.de"]` allows `k.schulz@stadtbibliothek.paderborn.de`)
    /// and function mailboxes at any domain, whose local part consists of role words
    /// rather than a name (`info@`, `presse@`, `poststelle@`, `buergerbuero@`,
    /// `bezirksamtsleitung@`). A named person's address (`m.mustermann@…`,
    /// `max.mustermann@…`, `rheker(@)…`) is reported unless its domain is allowed. An
    /// address inside a link (`…?to=a@b.de`) and a Mastodon handle
    /// (`@stadt@paderborn.social`) are not reported.
    ///
    /// ## Why
    /// An e-mail address that names a person is personal data: information relating to an
    /// identified or identifiable natural person (Art. 4 Nr. 1 DSGVO); a disguised spelling
    /// only keeps out spam robots, not readers. A function mailbox names an office, not a
    /// person, and authorities publish it because they must be reachable: § 2 Abs. 1 EGovG
    /// and the states' e-government acts oblige them to open an electronic access, which
    /// § 3a Abs. 1 VwVfG makes the way to them. Individual cases are
    /// not handled on social media (Deutscher Städte- und Gemeindebund, guidelines on
    /// social media 2012, § 1 Abs. 2); Kommune21's talk „Konsistent kommunizieren“ (Detlef
    /// Sander) names „Datenschutz“ as a requirement of municipal channels, and Bergedorf's
    /// Drs. 21-1344 „Social Media im Bezirksamt Bergedorf“ (2022) asks to include
    /// „datenschutzrechtliche Fragen“. The default severity is
    /// `warning` because a named address at a partner's domain (a school, the Stadtwerke)
    /// can be official too: list the city's domains.
    ///
    /// ## Example
    /// `Fragen an max.mustermann@gmail.com` → `Fragen an buergerbuero@paderborn.de`;
    /// `poststelle@kreis-paderborn.de` is fine.
    ///
    /// ## Configuration
    /// Off unless the policy sets `enabled = true` (the base policy does; city policies add
    /// their domains).
    /// ```toml
    /// [rules."privacy.email"]
    /// allow-domains = ["paderborn.de", "stadtwerke-paderborn.de"]
    /// ```
    ///
    /// # Deutsch
    ///
    /// ## Was geprüft wird
    /// E-Mail-Adressen von Personen, auch in den verschleierten Schreibweisen `name (at)
    /// domain.de`, `name(@)domain.de` und `name [at] domain [dot] de` (auch mit `[punkt]`). Nicht
    /// gemeldet werden Adressen, deren Domain in `allow-domains` steht oder darunter liegt
    /// (`allow-domains = ["paderborn.de"]` erlaubt `k.schulz@stadtbibliothek.paderborn.de`), und
    /// Funktionspostfächer bei jeder Domain, deren lokaler Teil aus Funktionsbezeichnungen statt
    /// aus einem Namen besteht (`info@`, `presse@`, `poststelle@`, `buergerbuero@`,
    /// `bezirksamtsleitung@`). Die Adresse einer namentlich genannten Person (`m.mustermann@…`,
    /// `max.mustermann@…`, `rheker(@)…`) wird gemeldet, es sei denn, ihre Domain ist erlaubt.
    /// Eine Adresse in einem Link (`…?to=a@b.de`) und ein Mastodon-Handle
    /// (`@stadt@paderborn.social`) werden nicht gemeldet.
    ///
    /// ## Warum
    /// Eine E-Mail-Adresse, die eine Person nennt, ist ein personenbezogenes Datum: eine
    /// Information, die sich auf eine identifizierte oder identifizierbare natürliche Person
    /// bezieht (Art. 4 Nr. 1 DSGVO); eine verschleierte Schreibweise hält nur Spam-Bots ab, keine
    /// Leserinnen und Leser. Ein Funktionspostfach nennt eine Dienststelle, keine Person, und
    /// Behörden veröffentlichen es, weil sie erreichbar sein müssen: § 2 Abs. 1 EGovG und die
    /// E-Government-Gesetze der Länder verpflichten sie, einen elektronischen Zugang zu eröffnen,
    /// den § 3a Abs. 1 VwVfG zum Weg zu ihnen macht. Einzelfälle werden nicht in sozialen Medien
    /// bearbeitet (Deutscher Städte- und Gemeindebund, Leitlinien zu sozialen Medien 2012, § 1
    /// Abs. 2); der Kommune21-Vortrag „Konsistent kommunizieren“ (Detlef Sander) nennt
    /// „Datenschutz“ als Anforderung an kommunale Kanäle, und die Bergedorfer Drs. 21-1344
    /// „Social Media im Bezirksamt Bergedorf“ (2022) verlangt, „datenschutzrechtliche Fragen“
    /// einzubeziehen. Der voreingestellte Schweregrad ist `warning`, weil eine namentliche
    /// Adresse bei der Domain eines Partners (einer Schule, der Stadtwerke) ebenfalls dienstlich
    /// sein kann: Tragen Sie die Domains der Stadt ein.
    ///
    /// ## Beispiel
    /// `Fragen an max.mustermann@gmail.com` → `Fragen an buergerbuero@paderborn.de`;
    /// `poststelle@kreis-paderborn.de` ist in Ordnung.
    ///
    /// ## Einstellungen
    /// Ausgeschaltet, solange die Richtlinie nicht `enabled = true` setzt (die Basisrichtlinie
    /// tut das; die Richtlinien der Städte ergänzen ihre Domains).
    /// ```toml
    /// [rules."privacy.email"]
    /// allow-domains = ["paderborn.de", "stadtwerke-paderborn.de"]
    /// ```
    pub(crate) struct PrivacyEmail {
        /// Compiled for the first draft with an `@` or a bracket.
        address: LazyRegex,
        dot: Regex,
        allow_domains: Vec<PolicyDomain>,
    }
}

impl RuleDef for PrivacyEmail {
    type Settings = Settings;
    const DEFAULT_SEVERITY: Severity = Severity::Warning;
    // Noisy without the city's allowlists and choices, so a policy opts in (base.toml does).
    const DEFAULT_ENABLED: bool = false;
    const DOCS: &'static str = Self::DOC_TEXT;
    const TITLE: Title = Title {
        de: "E-Mail-Adresse einer Person",
        en: "Personal e-mail address",
    };

    fn compile(settings: &Settings, _: &Account) -> Result<Self, SettingError> {
        Self::from_settings(settings)
    }
}

impl PrivacyEmail {
    fn from_settings(settings: &Settings) -> Result<Self, SettingError> {
        let allow_domains =
            compile_domains(settings.allow_domains.as_ref()).map_err(|error| SettingError {
                key: "allow-domains",
                ..error
            })?;
        let spelled_dot = any_case(DOT_PATTERN);
        let address = ADDRESS_PATTERN
            .replace("{at}", &any_case(AT_WORDS))
            .replace("{spelled_dot}", &spelled_dot)
            .replace("{letter}", &format!("{LETTER}{LETTER_CASE_VARIANTS}"))
            .replace(
                "{alnum}",
                &format!("{LETTER}{LETTER_CASE_VARIANTS}{NUMBER_ANY_CASE}"),
            );
        Ok(PrivacyEmail {
            address: LazyRegex::new(address),
            dot: built_in_regex(&spelled_dot)?,
            allow_domains,
        })
    }

    /// Addresses in `text`: byte range and whether the address is an official one (an
    /// allowed domain or a function mailbox).
    fn addresses<'t>(&'t self, text: &'t str) -> impl Iterator<Item = (usize, usize, bool)> + 't {
        // Every address has an `@` or a bracket of `(at)`: most posts need no search at all.
        let possible = text.contains(['@', '(', '[', '{']);
        let mut position = 0;
        std::iter::from_fn(move || {
            if !possible {
                return None;
            }
            let captures = self.address.get()?.captures_at(text, position)?;
            let whole = captures.get(0)?;
            let local = captures.name("local")?;
            let domain = captures.name("domain")?;
            // The address ends at its domain: the character after it only marked the end.
            let end = domain.end();
            position = end;
            Some((whole.start(), end, local.as_str(), domain.as_str()))
        })
        .filter_map(move |(whole_start, end, local, domain)| {
            let whole = text.get(whole_start..end)?;
            // A local part cannot start with a dot; `.info@…` after a full stop is `info@…`.
            let start = whole_start + (whole.len() - whole.trim_start_matches('.').len());
            if text.get(..start)?.ends_with(['@', '＠']) {
                return None; // Mastodon handle `@user@instance`
            }
            let official = is_function_mailbox(local) || self.domain_allowed(domain);
            Some((start, end, official))
        })
    }

    fn domain_allowed(&self, written: &str) -> bool {
        if self.allow_domains.is_empty() {
            return false;
        }
        let dotted = self.dot.replace_all(written, ".");
        normalize_domain(&dotted)
            .is_some_and(|ascii| find_domain(&self.allow_domains, &ascii).is_some())
    }
}

/// Local parts that name an office, a service or a channel, not a person (`info`,
/// `presse`, `poststelle`, `buergermeister`), folded to lower-case ASCII (`ü` → `ue`).
const ROLE_WORDS: &[&str] = &[
    "info",
    "kontakt",
    "presse",
    "post",
    "service",
    "zentrale",
    "verwaltung",
    "rathaus",
    "stadt",
    "gemeinde",
    "kreis",
    "bezirk",
    "sekretariat",
    "vorzimmer",
    "buergermeister",
    "buergermeisterin",
    "oberbuergermeister",
    "oberbuergermeisterin",
    "landrat",
    "landraetin",
    "redaktion",
    "webmaster",
    "socialmedia",
    "social",
    "media",
    "online",
    "datenschutz",
    "anmeldung",
    "anmeldungen",
    "termin",
    "termine",
    "mail",
    "email",
    "office",
    "kasse",
    "bibliothek",
    "ausleihe",
    "museum",
    "archiv",
    "vhs",
    "kita",
    "schule",
    "jugend",
    "senioren",
    "integration",
    "gleichstellung",
    "ehrenamt",
    "kultur",
    "sport",
    "tourismus",
    "wirtschaft",
    "umwelt",
    "abfall",
    "verkehr",
    "feuerwehr",
    "hotline",
    "support",
    "hilfe",
    "fragen",
    "ideen",
    "beschwerde",
    "beschwerden",
    "anregungen",
    "bewerbung",
    "bewerbungen",
    "karriere",
    "personal",
    "ausbildung",
    "vergabe",
    "steuern",
    "wahlen",
    "rat",
    "noreply",
    "no",
    "reply",
    "marketing",
    "veranstaltungen",
    "events",
    "oeffentlichkeitsarbeit",
];
/// Endings of compound role words (`bezirksamtsleitung`, `poststelle`, `buergerbuero`,
/// `stadtbibliothek`, `datenschutzbeauftragte`).
const ROLE_ENDINGS: &[&str] = &[
    "amt",
    "aemter",
    "amts",
    "leitung",
    "stelle",
    "buero",
    "service",
    "zentrale",
    "verwaltung",
    "sekretariat",
    "beauftragte",
    "beauftragter",
    "team",
    "redaktion",
    "referat",
    "abteilung",
    "bibliothek",
    "schule",
    "kasse",
    "archiv",
    "info",
    "presse",
    "kontakt",
    "dienst",
    "marketing",
    "beratung",
    "management",
    "planung",
];
/// Beginnings of compound role words (`infopoint`, `presseanfragen`, `kontaktformular`).
const ROLE_BEGINNINGS: &[&str] = &["info", "presse", "kontakt"];

/// Whether an address's local part names a function rather than a person: every word of
/// it is a role word (`bezirksamtsleitung`, `info`, `presse.stelle`, `buergerbuero`). An
/// initial (`m.mustermann`) or a name (`max.mustermann`, `rheker`) makes it personal.
fn is_function_mailbox(local: &str) -> bool {
    let folded = local
        .to_lowercase()
        .replace('ä', "ae")
        .replace('ö', "oe")
        .replace('ü', "ue")
        .replace('ß', "ss");
    let mut words = folded
        .split(|c: char| !c.is_ascii_alphabetic())
        .filter(|word| !word.is_empty())
        .peekable();
    words.peek().is_some()
        && words.all(|word| {
            ROLE_WORDS.contains(&word)
                || ROLE_ENDINGS.iter().any(|ending| word.ends_with(ending))
                || ROLE_BEGINNINGS
                    .iter()
                    .any(|beginning| word.len() > beginning.len() && word.starts_with(beginning))
        })
}

impl Rule for PrivacyEmail {
    fn check(&self, cx: &CheckContext<'_>, out: &mut Vec<Finding>) {
        let text = cx.text.text;
        for (start, end, official) in self.addresses(text) {
            if official || in_entity(cx.text, start, end) {
                continue;
            }
            let written = text.get(start..end).unwrap_or_default();
            out.push(
                Finding::new(
                    tr!(cx.lang,
                        de: "E-Mail-Adresse `{written}` im Beitrag",
                        en: "e-mail address `{written}` in the post"),
                    tr!(cx.lang,
                        de: "Keine privaten Adressen veröffentlichen; eine Funktionsadresse der Stadt nennen und ihre Domain in `allow-domains` eintragen",
                        en: "do not publish private addresses; give an official address of the city and list its domain in `allow-domains`"),
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

    // The patterns as first written, with the regex crate's Unicode classes and `(?i)`.
    #[test]
    fn patterns_are_the_same_as_with_unicode_classes_and_case_folding() {
        let rule = PrivacyEmail::from_settings(&Settings::default()).unwrap();
        assert_same_pattern(
            rule.address.as_str(),
            r"(?xi)
    (?P<local> [\p{L}\p{N}_%+-][\p{L}\p{N}._%+-]* )
    (?: @ | \s?[(\[{]\s?(?: (?:at|ät) | @ )\s?[)\]}]\s? )
    (?P<domain>
        [\p{L}\p{N}](?:[\p{L}\p{N}-]*[\p{L}\p{N}])?
        (?: (?: \. | \s?[(\[]\s?(?:dot|punkt)\s?[)\]]\s? )
            [\p{L}\p{N}](?:[\p{L}\p{N}-]*[\p{L}\p{N}])? )*
        (?: \. | \s?[(\[]\s?(?:dot|punkt)\s?[)\]]\s? )
        \p{L}{2,}
    )
    (?-i: \W | \z )
            ",
        );
        assert_same_pattern(
            rule.dot.as_str(),
            r"(?i)\s?[(\[]\s?(?:dot|punkt)\s?[)\]]\s?",
        );
    }

    fn found(text: &str) -> Vec<(&str, bool)> {
        let rule = PrivacyEmail::from_settings(&Settings {
            allow_domains: Some(vec!["paderborn.de".into()]),
            ..Settings::default()
        })
        .unwrap();
        rule.addresses(text)
            .map(|(s, e, allowed)| (&text[s..e], allowed))
            .collect()
    }

    #[test]
    fn addresses_and_spam_proof_spellings() {
        assert_eq!(
            found("Mail: max.mustermann@gmail.com."),
            [("max.mustermann@gmail.com", false)]
        );
        assert_eq!(
            found("info (at) paderborn.de"),
            [("info (at) paderborn.de", true)]
        );
        assert_eq!(
            found("m.meier[at]web[punkt]de"),
            [("m.meier[at]web[punkt]de", false)]
        );
        assert_eq!(
            found("bibliothek@stadtbibliothek.paderborn.de"),
            [("bibliothek@stadtbibliothek.paderborn.de", true)]
        );
        assert_eq!(
            found("jürgen@müller-bau.de"),
            [("jürgen@müller-bau.de", false)]
        );
    }

    // Function mailboxes of authorities were reported as personal data.
    #[test]
    fn function_mailboxes_are_official_contacts() {
        for address in [
            "bezirksamtsleitung@bergedorf.hamburg.de",
            "info@marienmuenster.de",
            "presse@kreis-hoexter.de",
            "buergerbuero@stadt.de",
            "poststelle@bezirksregierung.nrw.de",
            "Presse-Stelle@stadt.de",
            "datenschutzbeauftragte@kreis.de",
        ] {
            assert_eq!(found(address), [(address, true)], "{address}");
        }
        for address in [
            "m.mustermann@stadt.de",
            "max.mustermann@stadt.de",
            "rheker@stadt.de",
        ] {
            assert_eq!(found(address), [(address, false)], "{address}");
        }
    }

    // Disguised addresses with `(@)` were missed; `[at] … [dot]` and `(at)` are found too.
    #[test]
    fn disguised_addresses_are_found() {
        assert_eq!(
            found("Kontakt: rheker(@)marienmuenster.de."),
            [("rheker(@)marienmuenster.de", false)]
        );
        assert_eq!(
            found("name [at] stadt [dot] de"),
            [("name [at] stadt [dot] de", false)]
        );
        assert_eq!(found("name(at)stadt.de"), [("name(at)stadt.de", false)]);
        assert_eq!(
            found("info [@] marienmuenster.de"),
            [("info [@] marienmuenster.de", true)]
        );
    }

    #[test]
    fn handles_and_lookalike_domains_are_not_allowed_addresses() {
        assert!(found("Folgt @stadt@paderborn.social").is_empty());
        assert_eq!(
            found("m.meier@notpaderborn.de"),
            [("m.meier@notpaderborn.de", false)]
        );
        assert!(found("Wir sind @Stadt_PB und #Paderborn").is_empty());
    }
}
