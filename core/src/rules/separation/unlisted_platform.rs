use crate::lang::tr;
use crate::report::Severity;
use crate::rules::{
    Account, CheckContext, Finding, Rule, RuleDef, SettingError, Title, documented_rule,
    platform_name, rule_settings,
};

rule_settings! {
    /// Settings of `separation.unlisted-platform`.
    #[schemars(rename = "UnlistedPlatformSettings")]
    pub struct Settings {}
}

documented_rule! {
    /// ## What it checks
    /// The draft names a platform the account does not list in the policy. The draft is
    /// still checked for that platform (a city may cross-post); this note makes the
    /// cross-post visible to the approver.
    ///
    /// ## Why
    /// Each profile has its defined channels ("Plattform: Facebook / Instagram" for the
    /// official profile, "Instagram" for the private one, Stadt Paderborn,
    /// Social-Media-Strategie 2021); "wer darf welche Dienste bearbeiten" is a decision of
    /// the administration (Sander, Kommune21-Forum).
    ///
    /// ## Example
    /// `{"account": "michael-dreier", "platforms": ["facebook"]}` — the private account only
    /// lists Instagram.
    ///
    /// ## Configuration
    /// ```toml
    /// [kinds.private.rules."separation.unlisted-platform"]
    /// severity = "error"   # private profiles must not spread to other channels
    /// ```
    ///
    /// # Deutsch
    ///
    /// ## Was geprüft wird
    /// Der Entwurf nennt eine Plattform, die das Konto in der Richtlinie nicht aufführt. Der
    /// Entwurf wird trotzdem für diese Plattform geprüft (eine Stadt darf einen Beitrag auf
    /// weiteren Kanälen veröffentlichen); dieser Hinweis zeigt der Person, die freigibt, dass der
    /// Beitrag auch dort erscheint.
    ///
    /// ## Warum
    /// Jedes Profil hat seine festgelegten Kanäle („Plattform: Facebook / Instagram“ für das
    /// amtliche Profil, „Instagram“ für das private, Stadt Paderborn, Social-Media-Strategie
    /// 2021); „wer darf welche Dienste bearbeiten“ ist eine Entscheidung der Verwaltung (Sander,
    /// Kommune21-Forum).
    ///
    /// ## Beispiel
    /// `{"account": "michael-dreier", "platforms": ["facebook"]}` – das private Konto führt nur
    /// Instagram auf.
    ///
    /// ## Einstellungen
    /// ```toml
    /// [kinds.private.rules."separation.unlisted-platform"]
    /// severity = "error"   # private Profile dürfen sich nicht auf andere Kanäle ausbreiten
    /// ```
    pub(crate) struct UnlistedPlatform;
}

impl RuleDef for UnlistedPlatform {
    type Settings = Settings;
    const DEFAULT_SEVERITY: Severity = Severity::Info;
    const DOCS: &'static str = Self::DOC_TEXT;
    const TITLE: Title = Title {
        de: "Nicht vorgesehene Plattform",
        en: "Platform not listed for the account",
    };

    fn compile(_: &Settings, _: &Account) -> Result<Self, SettingError> {
        Ok(UnlistedPlatform)
    }
}

impl Rule for UnlistedPlatform {
    fn check(&self, cx: &CheckContext<'_>, out: &mut Vec<Finding>) {
        let id = &cx.account.id;
        for &platform in cx
            .platforms
            .iter()
            .filter(|p| !cx.account.platforms.contains(p))
        {
            // Only for a finding: most drafts go to the account's own platforms.
            let listed = cx
                .account
                .platforms
                .iter()
                .map(|p| p.as_str())
                .collect::<Vec<_>>()
                .join(", ");
            let name = platform_name(platform);
            let listed_names = cx
                .account
                .platforms
                .iter()
                .map(|&p| platform_name(p))
                .collect::<Vec<_>>()
                .join(", ");
            out.push(
                Finding::new(
                    tr!(cx.lang,
                        de: "Konto `{id}` ist nicht für {name} vorgesehen (nur {listed_names}); der Entwurf wird trotzdem geprüft",
                        en: "account `{id}` is not set up for {platform} (only {listed}); the draft is checked anyway"),
                    tr!(cx.lang,
                        de: "Prüfen, ob der Beitrag wirklich auf {name} erscheinen soll, oder die Plattform beim Konto eintragen",
                        en: "check that the post should really go to {platform}, or add the platform to the account"),
                )
                .on(platform),
            );
        }
    }
}
