use crate::lang::tr;
use crate::report::Severity;
use crate::rules::{
    Account, CheckContext, Finding, Rule, RuleDef, SettingError, Title, documented_rule,
    rule_settings,
};

rule_settings! {
    /// Settings of `links.https`.
    #[schemars(rename = "LinksHttpsSettings")]
    pub struct Settings {}
}

documented_rule! {
    /// ## What it checks
    /// A link written with `http://`. The scheme is marked and `https://` suggested.
    /// Links without a scheme (`paderborn.de/libori`) are not flagged: platforms open them
    /// as `https://`.
    ///
    /// ## Why
    /// An administration's links must not send citizens over unencrypted connections, and
    /// browsers mark `http://` pages as "nicht sicher" — not the impression an official
    /// channel should give ("Rechtssicherheit? Datenschutz?", Sander, Kommune21-Forum).
    ///
    /// ## Example
    /// `http://www.paderborn.de/libori` → `https://www.paderborn.de/libori`.
    ///
    /// ## Configuration
    /// ```toml
    /// [rules."links.https"]
    /// severity = "error"
    /// ```
    ///
    /// # Deutsch
    ///
    /// ## Was geprüft wird
    /// Ein Link, der mit `http://` geschrieben ist. Das Schema wird markiert und `https://`
    /// vorgeschlagen. Links ohne Schema (`paderborn.de/libori`) werden nicht gemeldet: Die
    /// Plattformen öffnen sie als `https://`.
    ///
    /// ## Warum
    /// Die Links einer Verwaltung dürfen Bürgerinnen und Bürger nicht über unverschlüsselte
    /// Verbindungen schicken, und Browser kennzeichnen `http://`-Seiten als „nicht sicher“ –
    /// nicht der Eindruck, den ein amtlicher Kanal erwecken sollte („Rechtssicherheit?
    /// Datenschutz?“, Sander, Kommune21-Forum).
    ///
    /// ## Beispiel
    /// `http://www.paderborn.de/libori` → `https://www.paderborn.de/libori`.
    ///
    /// ## Einstellungen
    /// ```toml
    /// [rules."links.https"]
    /// severity = "error"
    /// ```
    pub(crate) struct LinksHttps;
}

impl RuleDef for LinksHttps {
    type Settings = Settings;
    const DEFAULT_SEVERITY: Severity = Severity::Warning;
    const DOCS: &'static str = Self::DOC_TEXT;
    const TITLE: Title = Title {
        de: "Link ohne HTTPS",
        en: "Link without HTTPS",
    };

    fn compile(_: &Settings, _: &Account) -> Result<Self, SettingError> {
        Ok(LinksHttps)
    }
}

impl Rule for LinksHttps {
    fn check(&self, cx: &CheckContext<'_>, out: &mut Vec<Finding>) {
        const SCHEME: &str = "http://";
        for link in &cx.text.links {
            let written = link.written;
            let insecure = written
                .get(..SCHEME.len())
                .is_some_and(|head| head.eq_ignore_ascii_case(SCHEME));
            if !insecure {
                continue;
            }
            let scheme_end = link.start + SCHEME.len();
            out.push(
                Finding::new(
                    tr!(cx.lang,
                        de: "Unverschlüsselter Link `{written}`",
                        en: "unencrypted link `{written}`"),
                    tr!(cx.lang,
                        de: "`https://` verwenden; die Seite vorher im Browser prüfen",
                        en: "use `https://`; check the page in a browser first"),
                )
                .at(link.start, link.end)
                .suggest("https://", link.start, scheme_end),
            );
        }
    }
}
