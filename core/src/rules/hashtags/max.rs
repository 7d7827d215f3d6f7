use crate::lang::{plural, tr};
use crate::report::Severity;
use crate::rules::{
    Account, CheckContext, Finding, Rule, RuleDef, SettingError, Title, documented_rule,
    platform_name, rule_settings,
};
use crate::text::extract::EntityKind;

rule_settings! {
    /// Settings of `hashtags.max`. The maximum per platform is set under
    /// `[platform-settings.<platform>] hashtags = N`.
    #[schemars(rename = "HashtagsMaxSettings")]
    pub struct Settings {}
}

documented_rule! {
    /// ## What it checks
    /// The draft has more hashtags than a target platform accepts or recommends: Instagram 5
    /// (since 2025-12), Threads 1 topic tag, or whatever the policy sets per platform. The
    /// span runs from the first hashtag over the maximum to the last hashtag.
    ///
    /// ## Why
    /// One text goes to several channels ("Automatische Berücksichtigung der
    /// Kanalrestriktionen", Sander, Kommune21-Forum); Instagram drops or rejects captions
    /// over its hashtag cap (`core/data/platforms.toml`). Hashtag walls are also hard to
    /// follow with a screen reader (Bundesfachstelle Barrierefreiheit).
    ///
    /// ## Example
    /// `#Paderborn #Libori #Kultur #Sommer #Stadtfest #Kirmes` on Instagram: `#Kirmes` is the
    /// sixth and is marked.
    ///
    /// ## Configuration
    /// ```toml
    /// [platform-settings.instagram]
    /// hashtags = 3   # stricter than the platform
    /// ```
    ///
    /// # Deutsch
    ///
    /// ## Was geprüft wird
    /// Der Entwurf enthält mehr Hashtags, als eine Zielplattform annimmt oder empfiehlt:
    /// Instagram 5 (seit 2025-12), Threads 1 Themen-Tag oder so viele, wie die Richtlinie je
    /// Plattform festlegt. Die Markierung reicht vom ersten Hashtag über dem Höchstwert bis
    /// zum letzten Hashtag.
    ///
    /// ## Warum
    /// Ein Text geht in mehrere Kanäle („Automatische Berücksichtigung der
    /// Kanalrestriktionen“, Sander, Kommune21-Forum); Instagram lehnt Beschreibungen über
    /// seiner Hashtag-Grenze ab oder verwirft sie (`core/data/platforms.toml`).
    /// Hashtag-Wände sind außerdem mit einem Screenreader schwer zu verfolgen
    /// (Bundesfachstelle Barrierefreiheit).
    ///
    /// ## Beispiel
    /// `#Paderborn #Libori #Kultur #Sommer #Stadtfest #Kirmes` auf Instagram: `#Kirmes` ist
    /// der sechste und wird markiert.
    ///
    /// ## Einstellungen
    /// ```toml
    /// [platform-settings.instagram]
    /// hashtags = 3   # strenger als die Plattform
    /// ```
    pub(crate) struct HashtagsMax;
}

impl RuleDef for HashtagsMax {
    type Settings = Settings;
    const DEFAULT_SEVERITY: Severity = Severity::Error;
    const DOCS: &'static str = Self::DOC_TEXT;
    const TITLE: Title = Title {
        de: "Zu viele Hashtags",
        en: "Too many hashtags",
    };

    fn compile(_: &Settings, _: &Account) -> Result<Self, SettingError> {
        Ok(HashtagsMax)
    }
}

impl Rule for HashtagsMax {
    fn check(&self, cx: &CheckContext<'_>, out: &mut Vec<Finding>) {
        let hashtags: Vec<_> = cx.text.of_kind(EntityKind::Hashtag).collect();
        for &platform in cx.platforms {
            let Some(max) = cx
                .account
                .caps
                .get(&platform)
                .and_then(|caps| caps.hashtags)
            else {
                continue;
            };
            let count = hashtags.len();
            let (Some(first_over), Some(last)) = (
                usize::try_from(max).ok().and_then(|max| hashtags.get(max)),
                hashtags.last(),
            ) else {
                continue;
            };
            let over = count as u64 - max;
            let counted_noun = plural(count, "Hashtag", "Hashtags");
            let over_noun = plural(over, "Hashtag", "Hashtags");
            let name = platform_name(platform);
            out.push(
                Finding::new(
                    tr!(cx.lang,
                        de: "{count} {counted_noun}, {name} erlaubt höchstens {max}",
                        en: "{count} hashtags, {platform} allows at most {max}"),
                    tr!(cx.lang,
                        de: "{over} {over_noun} streichen; die wichtigsten zuerst nennen",
                        en: "remove {over} hashtag(s); put the important ones first"),
                )
                .on(platform)
                .at(first_over.start, last.end),
            );
        }
    }
}
