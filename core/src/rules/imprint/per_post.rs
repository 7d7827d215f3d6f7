use crate::lang::tr;
use crate::platform::Platform;
use crate::report::Severity;
use crate::rules::imprint::is_imprint;
use crate::rules::{
    Account, CheckContext, Finding, Rule, RuleDef, SettingError, Title, documented_rule,
    platform_name, rule_settings,
};

rule_settings! {
    /// Settings of `imprint.per-post`.
    #[schemars(rename = "ImprintPerPostSettings")]
    pub struct Settings {
        /// Platforms on which every post must carry the imprint link itself (e.g. where the
        /// profile cannot show a labelled link). Empty by default: the profile link suffices.
        pub platforms: Option<Vec<Platform>>,
    }
}

documented_rule! {
    /// ## What it checks
    /// On the platforms listed in `platforms`, a post of an account with an imprint must
    /// contain a link to that imprint (written any way: with or without `https://`, `www.`,
    /// trailing slash). One finding per platform without the link.
    ///
    /// ## Why
    /// §5 DDG and §18 MStV require the imprint to be reachable "within two clicks"; where a
    /// platform's profile has no place for a labelled link, cities put it into each post.
    /// Paderborn: "Impressum — Verlinkung zum städtischen Impressum" (Stadt Paderborn,
    /// Social-Media-Strategie 2021).
    ///
    /// ## Example
    /// With `platforms = ["x"]`, an X post without `paderborn.de/impressum` is flagged.
    ///
    /// ## Configuration
    /// ```toml
    /// [kinds.official.rules."imprint.per-post"]
    /// platforms = ["x", "threads"]
    /// ```
    ///
    /// # Deutsch
    ///
    /// ## Was geprüft wird
    /// Auf den unter `platforms` genannten Plattformen muss ein Beitrag eines Kontos mit
    /// Impressum einen Link zu diesem Impressum enthalten (gleich wie geschrieben: mit oder ohne
    /// `https://`, `www.` und Schrägstrich am Ende). Ein Befund je Plattform ohne den Link.
    ///
    /// ## Warum
    /// § 5 DDG und § 18 MStV verlangen, dass das Impressum „mit zwei Klicks“ erreichbar ist; wo
    /// das Profil einer Plattform keinen Platz für einen beschrifteten Link bietet, setzen
    /// Städte ihn in jeden Beitrag. Paderborn: „Impressum — Verlinkung zum städtischen
    /// Impressum“ (Stadt Paderborn, Social-Media-Strategie 2021).
    ///
    /// ## Beispiel
    /// Mit `platforms = ["x"]` wird ein Beitrag auf X ohne `paderborn.de/impressum` markiert.
    ///
    /// ## Einstellungen
    /// ```toml
    /// [kinds.official.rules."imprint.per-post"]
    /// platforms = ["x", "threads"]
    /// ```
    pub(crate) struct ImprintPerPost {
        platforms: Vec<Platform>,
    }
}

impl RuleDef for ImprintPerPost {
    type Settings = Settings;
    const DEFAULT_SEVERITY: Severity = Severity::Error;
    const DOCS: &'static str = Self::DOC_TEXT;
    const TITLE: Title = Title {
        de: "Fehlendes Impressum im Beitrag",
        en: "Imprint missing from the post",
    };

    fn compile(settings: &Settings, _: &Account) -> Result<Self, SettingError> {
        Ok(ImprintPerPost {
            platforms: settings.platforms.clone().unwrap_or_default(),
        })
    }
}

impl Rule for ImprintPerPost {
    fn check(&self, cx: &CheckContext<'_>, out: &mut Vec<Finding>) {
        let Some(imprint) = &cx.account.imprint else {
            return;
        };
        let imprints = std::slice::from_ref(imprint);
        let present = cx
            .text
            .links
            .iter()
            .any(|link| is_imprint(link.url.as_ref(), imprints));
        if present {
            return;
        }
        for &platform in cx.platforms.iter().filter(|p| self.platforms.contains(p)) {
            let name = platform_name(platform);
            out.push(
                Finding::new(
                    tr!(cx.lang,
                        de: "Auf {name} muss jeder Beitrag das Impressum verlinken",
                        en: "on {platform} every post must link the imprint"),
                    tr!(cx.lang,
                        de: "Den Link {imprint} anfügen, z. B. „Impressum: {imprint}“",
                        en: "append the link {imprint}, e.g. \"Impressum: {imprint}\""),
                )
                .on(platform)
                .suggest(
                    format!("\n\nImpressum: {imprint}"),
                    cx.draft.text.len(),
                    cx.draft.text.len(),
                ),
            );
        }
    }
}
