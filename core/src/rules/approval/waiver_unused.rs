use crate::lang::{Lang, tr};
use crate::report::Severity;
use crate::rules::{
    Account, CheckContext, Finding, Rule, RuleDef, SettingError, Title, documented_rule,
    rule_settings,
};

rule_settings! {
    /// Settings of `approval.waiver-unused`.
    #[schemars(rename = "ApprovalWaiverUnusedSettings")]
    pub struct Settings {}
}

documented_rule! {
    /// ## What it checks
    /// A waiver of the draft (`waivers`) that covers no finding: its rule reports nothing
    /// in this draft, or its `words` are not in the text (or no finding of the rule lies on
    /// them). Like an unused `# noqa` (ruff's `RUF100`), such a waiver is left over from an
    /// earlier version of the text and would silently let a future finding stand.
    ///
    /// ## Why
    /// An exception is given for one finding someone looked at (Sander, Kommune21-Forum:
    /// "wer muss bei welchen Themen wen fragen — Freigabe"); one that covers nothing was
    /// given for a text that no longer exists.
    ///
    /// ## Example
    /// `"waivers": [{"rule": "address.informal", "words": "duzt euch", …}]` on a text
    /// without „duzt euch“ → remove the waiver or correct its `words`.
    ///
    /// ## Configuration
    /// Only the common settings; e.g. `[rules."approval.waiver-unused"] severity =
    /// "warning"` to insist on clean waivers.
    ///
    /// # Deutsch
    ///
    /// ## Was geprüft wird
    /// Eine Ausnahme des Entwurfs (`waivers`), die keinen Befund abdeckt: Ihre Regel meldet in
    /// diesem Entwurf nichts, oder ihre `words` stehen nicht im Text (oder kein Befund der
    /// Regel liegt auf ihnen). Wie ein überflüssiges `# noqa` (`RUF100` von ruff) stammt
    /// eine solche Ausnahme aus einer früheren Fassung des Textes und würde einen künftigen
    /// Befund stillschweigend stehen lassen.
    ///
    /// ## Warum
    /// Eine Ausnahme gilt einem Befund, den sich jemand angesehen hat (Sander,
    /// Kommune21-Forum: „wer muss bei welchen Themen wen fragen — Freigabe“); eine, die nichts
    /// abdeckt, wurde für einen Text erteilt, den es nicht mehr gibt.
    ///
    /// ## Beispiel
    /// `"waivers": [{"rule": "address.informal", "words": "duzt euch", …}]` bei einem Text
    /// ohne „duzt euch“ → die Ausnahme entfernen oder ihre `words` berichtigen.
    ///
    /// ## Einstellungen
    /// Nur die gemeinsamen Einstellungen, z. B. `[rules."approval.waiver-unused"] severity =
    /// "warning"`, um auf aufgeräumten Ausnahmen zu bestehen.
    pub(crate) struct ApprovalWaiverUnused;
}

impl RuleDef for ApprovalWaiverUnused {
    type Settings = Settings;
    const DEFAULT_SEVERITY: Severity = Severity::Info;
    const DOCS: &'static str = Self::DOC_TEXT;
    const TITLE: Title = Title {
        de: "Ausnahme ohne Befund",
        en: "Unused waiver",
    };

    fn compile(_: &Settings, _: &Account) -> Result<Self, SettingError> {
        Ok(ApprovalWaiverUnused)
    }
}

impl Rule for ApprovalWaiverUnused {
    /// The engine reports unused waivers once every other rule has spoken
    /// ([`crate::waiver`]): they depend on the other findings.
    fn check(&self, _: &CheckContext<'_>, _: &mut Vec<Finding>) {}
}

/// The finding for a waiver of `rule` that covers nothing; `missing_words` when its
/// `words` are not in the text.
pub(crate) fn finding(rule: &str, missing_words: Option<&str>, lang: Lang) -> Finding {
    let message = match missing_words {
        Some(words) => tr!(lang,
            de: "Ausnahme für `{rule}` ohne Befund: `{words}` steht nicht im Text",
            en: "waiver for `{rule}` is unused: `{words}` is not in the text"),
        None if rule.ends_with(".*") => tr!(lang,
            de: "Ausnahme für `{rule}` ohne Befund: Keine dieser Regeln meldet hier etwas",
            en: "waiver for `{rule}` is unused: none of these rules reports anything here"),
        None => tr!(lang,
            de: "Ausnahme für `{rule}` ohne Befund: Die Regel meldet hier nichts",
            en: "waiver for `{rule}` is unused: the rule reports nothing here"),
    };
    Finding::new(
        message,
        tr!(lang,
            de: "Die Ausnahme entfernen oder ihre `words` berichtigen",
            en: "remove the waiver or correct its `words`"),
    )
}
