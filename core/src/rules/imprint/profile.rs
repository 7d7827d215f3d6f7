use crate::account::AccountKind;
use crate::lang::{Lang, tr};
use crate::report::Severity;
use crate::rules::{
    Account, CheckContext, Finding, Rule, RuleDef, SettingError, Title, documented_rule,
    rule_settings,
};
use crate::text::links::same_page;

/// The label courts expect; "Info" or "Kontakt" is not enough (LG Aschaffenburg 2 HK O 54/11).
const DEFAULT_LABELS: [&str; 2] = ["impressum", "imprint"];

rule_settings! {
    /// Settings of `imprint.profile`.
    #[schemars(rename = "ImprintProfileSettings")]
    pub struct Settings {
        /// Words one of which the link's visible label must contain (any case); default
        /// `["Impressum", "Imprint"]`.
        pub labels: Option<Vec<String>>,
    }
}

documented_rule! {
    /// ## What it checks
    /// For an official account, the profile as described in the policy
    /// (`[accounts.<id>.profile]`) must carry a link to the imprint whose visible label
    /// says "Impressum". Reported are: no imprint URL known for the account, no profile link
    /// to it, or a link to it under another label (e.g. "Info"). Not tied to a span: it is
    /// about the profile, and every check of the account reports it until the profile (and
    /// the policy describing it) is fixed.
    ///
    /// ## Why
    /// §5 DDG (formerly §5 TMG) and §18 MStV: provider details must be easy to recognise,
    /// directly reachable and always available; on social profiles a clearly labelled link
    /// "Impressum" to the website imprint suffices, one hidden under "Info" does not
    /// (LG Aschaffenburg 2 HK O 54/11; OLG Düsseldorf I-20 U 75/13). Paderborn's strategy
    /// names it for the official profiles: "Impressum — Verlinkung zum städtischen
    /// Impressum" (Stadt Paderborn, Social-Media-Strategie 2021).
    ///
    /// ## Example
    /// `links = [{ label = "Info", url = "https://www.paderborn.de/impressum" }]` → the label
    /// must say "Impressum".
    ///
    /// ## Configuration
    /// ```toml
    /// imprint = "https://www.paderborn.de/impressum"
    /// [accounts.buergermeister.profile]
    /// links = [{ label = "Impressum", url = "https://www.paderborn.de/impressum" }]
    /// ```
    ///
    /// # Deutsch
    ///
    /// ## Was geprüft wird
    /// Bei einem amtlichen Konto muss das Profil, wie die Richtlinie es beschreibt
    /// (`[accounts.<id>.profile]`), einen Link zum Impressum tragen, dessen sichtbare
    /// Beschriftung „Impressum“ lautet. Gemeldet wird: keine Impressums-URL für das Konto
    /// bekannt, kein Profil-Link dorthin oder ein Link dorthin unter einer anderen Beschriftung
    /// (z. B. „Info“). Nicht an eine Textstelle gebunden: Es geht um das Profil, und jede
    /// Prüfung des Kontos meldet es, bis das Profil (und die Richtlinie, die es beschreibt)
    /// berichtigt ist.
    ///
    /// ## Warum
    /// § 5 DDG (früher § 5 TMG) und § 18 MStV: Anbieterangaben müssen leicht erkennbar,
    /// unmittelbar erreichbar und ständig verfügbar sein; auf Profilen in sozialen Netzwerken
    /// genügt ein deutlich beschrifteter Link „Impressum“ zum Impressum der Website, einer unter
    /// „Info“ versteckter nicht (LG Aschaffenburg 2 HK O 54/11; OLG Düsseldorf I-20 U 75/13).
    /// Paderborns Strategie nennt ihn für die amtlichen Profile: „Impressum — Verlinkung zum
    /// städtischen Impressum“ (Stadt Paderborn, Social-Media-Strategie 2021).
    ///
    /// ## Beispiel
    /// `links = [{ label = "Info", url = "https://www.paderborn.de/impressum" }]` → die
    /// Beschriftung muss „Impressum“ lauten.
    ///
    /// ## Einstellungen
    /// ```toml
    /// imprint = "https://www.paderborn.de/impressum"
    /// [accounts.buergermeister.profile]
    /// links = [{ label = "Impressum", url = "https://www.paderborn.de/impressum" }]
    /// ```
    pub(crate) struct ImprintProfile {
        labels: Vec<String>,
    }
}

impl RuleDef for ImprintProfile {
    type Settings = Settings;
    const DEFAULT_SEVERITY: Severity = Severity::Error;
    const DOCS: &'static str = Self::DOC_TEXT;
    const TITLE: Title = Title {
        de: "Fehlendes Impressum im Profil",
        en: "Imprint missing from the profile",
    };

    fn compile(settings: &Settings, _: &Account) -> Result<Self, SettingError> {
        let labels = match &settings.labels {
            Some(labels) => labels.iter().map(|l| l.to_lowercase()).collect(),
            None => DEFAULT_LABELS.iter().map(|l| (*l).to_owned()).collect(),
        };
        Ok(ImprintProfile { labels })
    }
}

impl Rule for ImprintProfile {
    fn check(&self, _: &CheckContext<'_>, _: &mut Vec<Finding>) {
        // About the profile, not the draft: see `account_findings`.
    }

    fn account_findings(&self, account: &Account, lang: Lang) -> Option<Vec<Finding>> {
        Some(self.profile_finding(account, lang).into_iter().collect())
    }
}

impl ImprintProfile {
    fn profile_finding(&self, account: &Account, lang: Lang) -> Option<Finding> {
        if account.kind != AccountKind::Official {
            return None;
        }
        let id = &account.id;
        let Some(imprint) = &account.imprint else {
            return Some(Finding::new(
                tr!(lang,
                    de: "Für das offizielle Konto `{id}` ist kein Impressum hinterlegt",
                    en: "no imprint is configured for the official account `{id}`"),
                tr!(lang,
                    de: "`imprint = \"https://…/impressum\"` in der Richtlinie setzen (für die Organisation oder das Konto)",
                    en: "set `imprint = \"https://…/impressum\"` in the policy (for the organisation or the account)"),
            ));
        };
        let to_imprint: Vec<&str> = account
            .profile_links
            .iter()
            .filter(|(_, url)| same_page(url, imprint))
            .map(|(label, _)| label.as_str())
            .collect();
        let labelled = to_imprint.iter().any(|label| {
            self.labels
                .iter()
                .any(|want| label.to_lowercase().contains(want.as_str()))
        });
        if labelled {
            return None;
        }
        Some(match to_imprint.first() {
            None => Finding::new(
                tr!(lang,
                    de: "Das Profil von `{id}` verlinkt das Impressum {imprint} nicht",
                    en: "the profile of `{id}` does not link the imprint {imprint}"),
                tr!(lang,
                    de: "Im Profil einen Link mit der Beschriftung „Impressum“ auf {imprint} anlegen und in `[accounts.{id}.profile]` eintragen",
                    en: "add a link labelled \"Impressum\" to {imprint} on the profile and record it in `[accounts.{id}.profile]`"),
            ),
            Some(label) => Finding::new(
                tr!(lang,
                    de: "Das Impressum ist im Profil von `{id}` nur unter „{label}“ verlinkt",
                    en: "the imprint is linked on the profile of `{id}` only as \"{label}\""),
                tr!(lang,
                    de: "Den Link „Impressum“ nennen: Unter „Info“ o. Ä. ist er nicht leicht erkennbar (LG Aschaffenburg, 2 HK O 54/11)",
                    en: "label the link \"Impressum\": under \"Info\" or similar it is not easy to recognise (LG Aschaffenburg 2 HK O 54/11)"),
            ),
        })
    }
}

#[cfg(test)]
mod tests {
    use crate::{Draft, Engine, Lang, Policy};

    /// Worked out once when the engine is built, and again when its language changes.
    #[test]
    fn profile_finding_is_in_every_report_in_the_engine_language() {
        let policy = Policy::from_toml(
            "imprint = \"https://www.paderborn.de/impressum\"\n\
             [accounts.stadt]\nkind = \"official\"\nplatforms = [\"x\"]\n\
             profile.links = [{ label = \"Info\", url = \"https://www.paderborn.de/impressum\" }]\n",
        )
        .unwrap();
        let german = Engine::new(policy.clone()).unwrap();
        let english = Engine::new(policy).unwrap().with_lang(Lang::En);
        for text in ["Guten Morgen!", "Guten Abend!"] {
            let draft = Draft::new(text);
            let de = german.check(&draft, &[], None).unwrap();
            let en = english.check(&draft, &[], None).unwrap();
            let profile = |report: &crate::Report| {
                report
                    .diagnostics
                    .iter()
                    .filter(|d| d.rule == "imprint.profile")
                    .map(|d| d.message.clone())
                    .collect::<Vec<_>>()
            };
            assert_eq!(
                profile(&de),
                ["Das Impressum ist im Profil von `stadt` nur unter „Info“ verlinkt"]
            );
            assert_eq!(
                profile(&en),
                ["the imprint is linked on the profile of `stadt` only as \"Info\""]
            );
        }
    }
}
