use crate::lang::tr;
use crate::report::Severity;
use crate::rules::links::{PolicyDomain, compile_domains, find_domain};
use crate::rules::{
    Account, CheckContext, Finding, Rule, RuleDef, SettingError, Title, documented_rule,
    rule_settings,
};

rule_settings! {
    /// Settings of `links.allowed-domains`.
    #[schemars(rename = "LinksAllowedDomainsSettings")]
    pub struct Settings {
        /// Domains links may point to; subdomains are included (`paderborn.de` allows
        /// `www.paderborn.de`). Without a list the rule finds nothing.
        pub domains: Option<Vec<String>>,
    }
}

documented_rule! {
    /// ## What it checks
    /// A link to a domain that is not on the account's list of allowed domains. Useful for
    /// accounts that should only link the city's own pages and a few partners.
    ///
    /// ## Why
    /// "Kontrolle über die Außendarstellung" and "Prüfung der Postings" (Sander,
    /// Kommune21-Forum): an official profile is a "Zubringer-Kanal für das Portal" and
    /// should send citizens to pages the city answers for.
    ///
    /// ## Example
    /// With `domains = ["paderborn.de"]`, `https://example.com/aktion` is marked.
    ///
    /// ## Configuration
    /// ```toml
    /// [accounts.buergermeister.rules."links.allowed-domains"]
    /// enabled = true
    /// domains = ["paderborn.de", "libori.de"]
    /// ```
    ///
    /// # Deutsch
    ///
    /// ## Was geprüft wird
    /// Ein Link auf eine Domain, die nicht auf der Liste der erlaubten Domains des Kontos steht.
    /// Nützlich für Konten, die nur die eigenen Seiten der Stadt und einige Partner verlinken
    /// sollen.
    ///
    /// ## Warum
    /// „Kontrolle über die Außendarstellung“ und „Prüfung der Postings“ (Sander,
    /// Kommune21-Forum): Ein amtliches Profil ist ein „Zubringer-Kanal für das Portal“ und soll
    /// Bürgerinnen und Bürger auf Seiten schicken, für die die Stadt einsteht.
    ///
    /// ## Beispiel
    /// Mit `domains = ["paderborn.de"]` wird `https://example.com/aktion` markiert.
    ///
    /// ## Einstellungen
    /// ```toml
    /// [accounts.buergermeister.rules."links.allowed-domains"]
    /// enabled = true
    /// domains = ["paderborn.de", "libori.de"]
    /// ```
    pub(crate) struct LinksAllowedDomains {
        domains: Vec<PolicyDomain>,
    }
}

impl RuleDef for LinksAllowedDomains {
    type Settings = Settings;
    const DEFAULT_SEVERITY: Severity = Severity::Warning;
    const DOCS: &'static str = Self::DOC_TEXT;
    const TITLE: Title = Title {
        de: "Link auf nicht freigegebene Domain",
        en: "Link to a domain not allowed",
    };

    fn compile(settings: &Settings, _: &Account) -> Result<Self, SettingError> {
        Ok(LinksAllowedDomains {
            domains: compile_domains(settings.domains.as_ref())?,
        })
    }
}

impl Rule for LinksAllowedDomains {
    fn check(&self, cx: &CheckContext<'_>, out: &mut Vec<Finding>) {
        if self.domains.is_empty() {
            return;
        }
        for link in &cx.text.links {
            let Some(host) = link.host() else {
                continue;
            };
            if find_domain(&self.domains, host).is_some() {
                continue;
            }
            let allowed = self
                .domains
                .iter()
                .map(|d| d.written.as_str())
                .collect::<Vec<_>>()
                .join(", ");
            out.push(
                Finding::new(
                    tr!(cx.lang,
                        de: "Link auf `{host}`, das nicht zu den erlaubten Domains gehört",
                        en: "link to `{host}`, which is not an allowed domain"),
                    tr!(cx.lang,
                        de: "Nur auf {allowed} verlinken oder die Domain in die Richtlinie aufnehmen",
                        en: "link only to {allowed} or add the domain to the policy"),
                )
                .at(link.start, link.end),
            );
        }
    }
}
