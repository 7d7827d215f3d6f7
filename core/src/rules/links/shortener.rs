use crate::lang::tr;
use crate::report::Severity;
use crate::rules::links::{PolicyDomain, compile_domains, find_domain};
use crate::rules::{
    Account, CheckContext, Finding, Rule, RuleDef, SettingError, Title, documented_rule,
    rule_settings,
};

rule_settings! {
    /// Settings of `links.shortener`.
    #[schemars(rename = "LinksShortenerSettings")]
    pub struct Settings {
        /// Domains of URL shorteners (`bit.ly`, `tinyurl.com`…); subdomains match too.
        /// The base policy ships a list; without one the rule finds nothing.
        pub domains: Option<Vec<String>>,
    }
}

documented_rule! {
    /// ## What it checks
    /// A link through a URL shortener from the policy's list (`bit.ly`, `tinyurl.com`,
    /// `ow.ly`…). The link is marked.
    ///
    /// ## Why
    /// A shortened link hides where it leads: citizens cannot see that it goes to the
    /// city's own site, the target can change after approval, and the shortener tracks
    /// readers. Official channels aim at "Transparenz" (Stadt Paderborn,
    /// Social-Media-Strategie 2021) and "Kontrolle über die Außendarstellung" (Sander,
    /// Kommune21-Forum). Platforms shorten long links themselves (X counts every URL as 23
    /// characters).
    ///
    /// ## Example
    /// `Alle Infos: https://bit.ly/3xYz` → link the page directly.
    ///
    /// ## Configuration
    /// ```toml
    /// [rules."links.shortener"]
    /// domains = ["bit.ly", "tinyurl.com", "ow.ly"]
    /// ```
    ///
    /// # Deutsch
    ///
    /// ## Was geprüft wird
    /// Ein Link über einen URL-Kürzer aus der Liste der Richtlinie (`bit.ly`, `tinyurl.com`,
    /// `ow.ly` …). Der Link wird markiert.
    ///
    /// ## Warum
    /// Ein gekürzter Link verbirgt, wohin er führt: Bürgerinnen und Bürger sehen nicht, dass er
    /// auf die eigene Seite der Stadt geht, das Ziel kann sich nach der Freigabe ändern, und der
    /// Kürzungsdienst verfolgt, wer klickt. Amtliche Kanäle zielen auf „Transparenz“ (Stadt
    /// Paderborn, Social-Media-Strategie 2021) und „Kontrolle über die Außendarstellung“ (Sander,
    /// Kommune21-Forum). Die Plattformen kürzen lange Links selbst (X zählt jede URL als 23
    /// Zeichen).
    ///
    /// ## Beispiel
    /// `Alle Infos: https://bit.ly/3xYz` → Die Seite direkt verlinken.
    ///
    /// ## Einstellungen
    /// ```toml
    /// [rules."links.shortener"]
    /// domains = ["bit.ly", "tinyurl.com", "ow.ly"]
    /// ```
    pub(crate) struct LinksShortener {
        domains: Vec<PolicyDomain>,
    }
}

impl RuleDef for LinksShortener {
    type Settings = Settings;
    const DEFAULT_SEVERITY: Severity = Severity::Warning;
    const DOCS: &'static str = Self::DOC_TEXT;
    const TITLE: Title = Title {
        de: "Link über einen URL-Kürzer",
        en: "Link via a URL shortener",
    };

    fn compile(settings: &Settings, _: &Account) -> Result<Self, SettingError> {
        Ok(LinksShortener {
            domains: compile_domains(settings.domains.as_ref())?,
        })
    }
}

impl Rule for LinksShortener {
    fn check(&self, cx: &CheckContext<'_>, out: &mut Vec<Finding>) {
        if self.domains.is_empty() {
            return;
        }
        for link in &cx.text.links {
            let Some(host) = link.host() else {
                continue;
            };
            let Some(shortener) = find_domain(&self.domains, host).map(|d| &d.written) else {
                continue;
            };
            out.push(
                Finding::new(
                    tr!(cx.lang,
                        de: "Gekürzter Link über `{shortener}` verbirgt das Ziel",
                        en: "shortened link via `{shortener}` hides its target"),
                    tr!(cx.lang,
                        de: "Die Zieladresse direkt verlinken; die Plattformen kürzen lange Links selbst",
                        en: "link the target address directly; the platforms shorten long links themselves"),
                )
                .at(link.start, link.end),
            );
        }
    }
}
