use crate::lang::{grouped, tr};
use crate::report::Severity;
use crate::rules::{
    Account, CheckContext, Finding, Rule, RuleDef, SettingError, Title, documented_rule,
    platform_name, rule_settings,
};
use crate::text::offsets::floor_grapheme;

rule_settings! {
    /// Settings of `length.fold`. The fold per platform is set under
    /// `[platform-settings.<platform>] fold = N`.
    #[schemars(rename = "LengthFoldSettings")]
    pub struct Settings {}
}

documented_rule! {
    /// ## What it checks
    /// The draft is longer than what a platform shows before it folds the text behind
    /// "Mehr anzeigen" (Facebook: about 477 characters). The span covers the folded part,
    /// so the editor shows what most readers will not see.
    ///
    /// ## Why
    /// "Kurz und knapp" is what users expect (Sander, Kommune21-Forum); the date, place and
    /// call to action belong before the fold. This is a note, not an error: long posts are
    /// allowed, but the approver should see where the fold falls.
    ///
    /// ## Example
    /// A 700-character Facebook post: everything after character 477 is marked.
    ///
    /// ## Configuration
    /// ```toml
    /// [platform-settings.facebook]
    /// fold = 400
    /// [rules."length.fold"]
    /// enabled = false   # long-form channel
    /// ```
    ///
    /// # Deutsch
    ///
    /// ## Was geprüft wird
    /// Der Entwurf ist länger als das, was eine Plattform zeigt, bevor sie den Text hinter „Mehr
    /// anzeigen“ einklappt (Facebook: etwa 477 Zeichen). Markiert wird der eingeklappte Teil,
    /// damit der Editor zeigt, was die meisten Leserinnen und Leser nicht sehen werden.
    ///
    /// ## Warum
    /// „Kurz und knapp“ erwarten die Nutzerinnen und Nutzer (Sander, Kommune21-Forum); Datum, Ort
    /// und Handlungsaufforderung gehören vor „Mehr anzeigen“. Dies ist ein Hinweis, kein Fehler:
    /// Lange Beiträge sind erlaubt, aber wer freigibt, soll sehen, wo der Text eingeklappt wird.
    ///
    /// ## Beispiel
    /// Ein Facebook-Beitrag mit 700 Zeichen: Alles nach Zeichen 477 wird markiert.
    ///
    /// ## Einstellungen
    /// ```toml
    /// [platform-settings.facebook]
    /// fold = 400
    /// [rules."length.fold"]
    /// enabled = false   # Kanal für lange Texte
    /// ```
    pub(crate) struct LengthFold;
}

impl RuleDef for LengthFold {
    type Settings = Settings;
    const DEFAULT_SEVERITY: Severity = Severity::Info;
    const DOCS: &'static str = Self::DOC_TEXT;
    const TITLE: Title = Title {
        de: "Länger als die Vorschau",
        en: "Longer than the preview",
    };

    fn compile(_: &Settings, _: &Account) -> Result<Self, SettingError> {
        Ok(LengthFold)
    }
}

impl Rule for LengthFold {
    fn check(&self, cx: &CheckContext<'_>, out: &mut Vec<Finding>) {
        let text = cx.draft.text.as_str();
        for &platform in cx.platforms {
            let Some(fold) = cx.account.caps.get(&platform).and_then(|caps| caps.fold) else {
                continue;
            };
            let Some((fold_start, _)) = usize::try_from(fold)
                .ok()
                .and_then(|n| text.char_indices().nth(n))
            else {
                continue;
            };
            // The fold hides whole characters as readers see them.
            let fold_start = floor_grapheme(text, fold_start);
            let visible = text[..fold_start].trim_end();
            if text[fold_start..].trim().is_empty() {
                continue;
            }
            let shown = grouped(visible.chars().count(), cx.lang);
            let fold = grouped(fold, cx.lang);
            let name = platform_name(platform);
            out.push(
                Finding::new(
                    tr!(cx.lang,
                        de: "{name} zeigt nur die ersten {fold} Zeichen, der Rest steht hinter „Mehr anzeigen“",
                        en: "{platform} shows only the first {fold} characters, the rest is behind \"See more\""),
                    tr!(cx.lang,
                        de: "Das Wichtige (was, wann, wo) in die ersten {shown} Zeichen ziehen",
                        en: "move what matters (what, when, where) into the first {shown} characters"),
                )
                .on(platform)
                .at(fold_start, text.len()),
            );
        }
    }
}
