use crate::lang::{plural, tr};
use crate::report::Severity;
use crate::rules::{
    Account, CheckContext, Finding, Rule, RuleDef, SettingError, Title, documented_rule,
    platform_name, rule_settings,
};

rule_settings! {
    /// Settings of `links.max`. The maximum per platform is set under
    /// `[platform-settings.<platform>] links = N`.
    #[schemars(rename = "LinksMaxSettings")]
    pub struct Settings {}
}

documented_rule! {
    /// ## What it checks
    /// The draft has more links than a target platform accepts: Threads rejects posts with
    /// more than 5 links (since 2025-12-22), or whatever the policy sets per platform. The
    /// span runs from the first link over the maximum to the last link.
    ///
    /// ## Why
    /// "Automatische Berücksichtigung der Kanalrestriktionen" (Sander, Kommune21-Forum): a
    /// post the platform rejects does not go out at the approved time. Limits:
    /// `core/data/platforms.toml`.
    ///
    /// ## Example
    /// Six links in a Threads post: the sixth is marked.
    ///
    /// ## Configuration
    /// ```toml
    /// [platform-settings.facebook]
    /// links = 2
    /// ```
    ///
    /// # Deutsch
    ///
    /// ## Was geprüft wird
    /// Der Entwurf enthält mehr Links, als eine Zielplattform annimmt: Threads lehnt Beiträge mit
    /// mehr als 5 Links ab (seit dem 22.12.2025), und die Richtlinie kann je Plattform eine
    /// eigene Höchstzahl festlegen. Die Markierung reicht vom ersten Link über der Höchstzahl bis
    /// zum letzten Link.
    ///
    /// ## Warum
    /// „Automatische Berücksichtigung der Kanalrestriktionen“ (Sander, Kommune21-Forum): Ein
    /// Beitrag, den die Plattform ablehnt, erscheint nicht zum freigegebenen Zeitpunkt. Grenzen:
    /// `core/data/platforms.toml`.
    ///
    /// ## Beispiel
    /// Sechs Links in einem Threads-Beitrag: Der sechste wird markiert.
    ///
    /// ## Einstellungen
    /// ```toml
    /// [platform-settings.facebook]
    /// links = 2
    /// ```
    pub(crate) struct LinksMax;
}

impl RuleDef for LinksMax {
    type Settings = Settings;
    const DEFAULT_SEVERITY: Severity = Severity::Error;
    const DOCS: &'static str = Self::DOC_TEXT;
    const TITLE: Title = Title {
        de: "Zu viele Links",
        en: "Too many links",
    };

    fn compile(_: &Settings, _: &Account) -> Result<Self, SettingError> {
        Ok(LinksMax)
    }
}

impl Rule for LinksMax {
    fn check(&self, cx: &CheckContext<'_>, out: &mut Vec<Finding>) {
        let links = &cx.text.links;
        for &platform in cx.platforms {
            let Some(max) = cx.account.caps.get(&platform).and_then(|caps| caps.links) else {
                continue;
            };
            let (Some(first_over), Some(last)) = (
                usize::try_from(max).ok().and_then(|max| links.get(max)),
                links.last(),
            ) else {
                continue;
            };
            let count = links.len();
            let over = count as u64 - max;
            let counted_noun = plural(count, "Link", "Links");
            let over_noun = plural(over, "Link", "Links");
            let name = platform_name(platform);
            out.push(
                Finding::new(
                    tr!(cx.lang,
                        de: "{count} {counted_noun}, {name} erlaubt höchstens {max}",
                        en: "{count} links, {platform} allows at most {max}"),
                    tr!(cx.lang,
                        de: "{over} {over_noun} streichen oder auf eine Sammelseite verlinken",
                        en: "remove {over} link(s) or link one overview page"),
                )
                .on(platform)
                .at(first_over.start, last.end),
            );
        }
    }
}
