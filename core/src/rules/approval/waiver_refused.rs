use crate::lang::{Lang, tr};
use crate::report::Severity;
use crate::rules::{
    Account, CheckContext, Finding, Rule, RuleDef, SettingError, Title, documented_rule,
    rule_settings,
};

rule_settings! {
    /// Settings of `approval.waiver-refused`.
    #[schemars(rename = "ApprovalWaiverRefusedSettings")]
    pub struct Settings {}
}

documented_rule! {
    /// ## What it checks
    /// A waiver of the draft (`waivers`) that covers a finding but does not count under
    /// the policy's `[waivers]` table: the rule is `not-waivable`, the person is not among
    /// `allowed-by`, or — with `four-eyes = true` — the author waived a finding of their own
    /// draft (or the draft names no `author`). The finding keeps counting for the verdict;
    /// this finding, at the same place, says why the waiver does not. Once another waiver
    /// lets the finding stand, a refused one is harmless and not reported.
    ///
    /// ## Why
    /// An exception is a sign-off like an approval: the "Vieraugen-Prinzip" (Sander,
    /// Kommune21-Forum) needs two people, and approval tools used by administrations
    /// refuse an approval of one's own post (Hootsuite, Sprout, Facelift and Sprinklr
    /// approval workflows). Some findings, such as personal data of citizens, no one may
    /// let stand (Art. 6 DSGVO).
    ///
    /// ## Example
    /// `"author": "m.dreier"`, `"waivers": [{"rule": "address.informal", "reason": "Zitat",
    /// "by": "m.dreier"}]` under `four-eyes = true` → the informal address still counts;
    /// a second person waives it.
    ///
    /// ## Configuration
    /// ```toml
    /// [waivers]
    /// four-eyes = true                       # the author cannot waive own findings
    /// not-waivable = ["privacy.*", "imprint.private"]
    /// allowed-by = ["role:pressestelle"]     # default: anyone
    /// ```
    ///
    /// # Deutsch
    ///
    /// ## Was geprüft wird
    /// Eine Ausnahme des Entwurfs (`waivers`), die einen Befund abdeckt, aber nach der Tabelle
    /// `[waivers]` der Richtlinie nicht zählt: Die Regel steht unter `not-waivable`, die Person
    /// nicht unter `allowed-by`, oder – mit `four-eyes = true` – die Person, die den Entwurf
    /// geschrieben hat, hat einen eigenen Befund ausgenommen (oder der Entwurf nennt keinen
    /// `author`). Der Befund zählt weiter für das Ergebnis; dieser Befund sagt an derselben
    /// Stelle, warum die Ausnahme nicht zählt. Lässt eine andere Ausnahme den Befund stehen,
    /// ist eine abgelehnte harmlos und wird nicht gemeldet.
    ///
    /// ## Warum
    /// Eine Ausnahme ist eine Freigabe wie jede andere: Das „Vieraugen-Prinzip“ (Sander,
    /// Kommune21-Forum) braucht zwei Personen, und Freigabewerkzeuge, die Verwaltungen
    /// einsetzen, lehnen die Freigabe eines eigenen Beitrags ab (Freigabeabläufe von
    /// Hootsuite, Sprout, Facelift und Sprinklr). Manche Befunde, etwa personenbezogene Daten
    /// von Bürgerinnen und Bürgern, darf niemand stehen lassen (Art. 6 DSGVO).
    ///
    /// ## Beispiel
    /// `"author": "m.dreier"`, `"waivers": [{"rule": "address.informal", "reason": "Zitat",
    /// "by": "m.dreier"}]` unter `four-eyes = true` → die informelle Anrede zählt weiter; eine
    /// zweite Person erteilt die Ausnahme.
    ///
    /// ## Einstellungen
    /// ```toml
    /// [waivers]
    /// four-eyes = true                       # nicht durch die Verfasserin oder den Verfasser
    /// not-waivable = ["privacy.*", "imprint.private"]
    /// allowed-by = ["role:pressestelle"]     # ohne Angabe: alle
    /// ```
    pub(crate) struct ApprovalWaiverRefused;
}

impl RuleDef for ApprovalWaiverRefused {
    type Settings = Settings;
    const DEFAULT_SEVERITY: Severity = Severity::Warning;
    const DOCS: &'static str = Self::DOC_TEXT;
    const TITLE: Title = Title {
        de: "Ausnahme zählt nicht",
        en: "Waiver refused",
    };

    fn compile(_: &Settings, _: &Account) -> Result<Self, SettingError> {
        Ok(ApprovalWaiverRefused)
    }
}

impl Rule for ApprovalWaiverRefused {
    /// The engine reports refused waivers once every other rule has spoken
    /// ([`crate::waiver`]): they depend on the other findings.
    fn check(&self, _: &CheckContext<'_>, _: &mut Vec<Finding>) {}
}

/// Why a waiver does not count. Checked in this order, so each waiver has one reason.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Refusal {
    /// The policy lets no waiver stand for the finding's rule.
    NotWaivable,
    /// Four-eyes: the author waived a finding of their own draft.
    ByAuthor,
    /// Four-eyes: the draft names no author, so nobody can tell.
    NoAuthor,
    /// The person is not among `allowed-by` (quoted as written, for the message).
    NotAllowed { allowed: String },
}

/// The finding for a waiver by `by` that does not count, for `refusal`, about a finding of
/// `rule`.
pub(crate) fn finding(refusal: &Refusal, by: &str, rule: &str, lang: Lang) -> Finding {
    let by = by.trim();
    match refusal {
        Refusal::NotWaivable => Finding::new(
            tr!(lang,
                de: "Ausnahme durch `{by}` zählt nicht: Die Richtlinie lässt für `{rule}` keine Ausnahme zu",
                en: "waiver by `{by}` does not count: the policy allows no waiver for `{rule}`"),
            tr!(lang,
                de: "Den Befund beheben (`[waivers] not-waivable` der Richtlinie)",
                en: "fix the finding (the policy's `[waivers] not-waivable`)"),
        ),
        Refusal::ByAuthor => Finding::new(
            tr!(lang,
                de: "Ausnahme durch `{by}` zählt nicht: `{by}` hat den Beitrag selbst verfasst",
                en: "waiver by `{by}` does not count: `{by}` wrote the post"),
            tr!(lang,
                de: "Eine zweite Person erteilt die Ausnahme (Vier-Augen-Prinzip)",
                en: "a second person waives it (four-eyes principle)"),
        ),
        Refusal::NoAuthor => Finding::new(
            tr!(lang,
                de: "Ausnahme durch `{by}` zählt nicht: Ohne `author` ist das Vier-Augen-Prinzip nicht prüfbar",
                en: "waiver by `{by}` does not count: without `author` the four-eyes principle cannot be checked"),
            tr!(lang,
                de: "`author` im Entwurf angeben",
                en: "set `author` in the draft"),
        ),
        Refusal::NotAllowed { allowed } => Finding::new(
            tr!(lang,
                de: "Ausnahme durch `{by}` zählt nicht: `{by}` darf keine Ausnahmen erteilen",
                en: "waiver by `{by}` does not count: `{by}` may not waive findings"),
            tr!(lang,
                de: "Ausnahmen erteilen {allowed}",
                en: "findings are waived by {allowed}"),
        ),
    }
}
