use crate::lang::tr;
use crate::report::Severity;
use crate::rules::approval::{Reason, Requirements};
use crate::rules::{
    Account, CheckContext, Finding, Rule, RuleDef, SettingError, Title, documented_rule,
    rule_settings,
};
use crate::text::lexicon::Lexicon;

rule_settings! {
    /// Settings of `approval.missing`.
    #[schemars(rename = "ApprovalMissingSettings")]
    pub struct Settings {}
}

documented_rule! {
    /// ## What it checks
    /// A draft that needs an approval and has none in `approvals`. A draft needs one when
    /// it carries a label of a `[[accounts.<id>.approval.require]]` entry, when its text
    /// names one of the entry's `topics` (the word is marked), or — if no entry applies —
    /// when the account sets `four-eyes = true`. One finding per entry that applies, naming
    /// who may approve (`approvers`: logins or `role:<name>`; none named: anyone but the
    /// author). Approvals that exist but do not count are reported by `approval.self`,
    /// `approval.wrong-role` and `approval.too-late`.
    ///
    /// ## Why
    /// Sander (Kommune21-Forum) lists the "Vieraugen-Prinzip" among the administration's
    /// requirements and asks "wer muss bei welchen Themen wen fragen — Freigabe". Tools
    /// used by administrations (Hootsuite, Sprout, Facelift) enforce such approval chains.
    ///
    /// ## Example
    /// A draft labelled `pressemitteilung` without `approvals`, while press releases need
    /// `role:pressestelle` → have the press office approve it before it is scheduled.
    ///
    /// ## Configuration
    /// ```toml
    /// [roles]
    /// pressestelle = ["sta13.presse", "sta13.online"]
    /// buergermeister = ["m.dreier"]
    ///
    /// [accounts.buergermeister.approval]
    /// four-eyes = false          # true: every post needs an approval
    /// approvers = ["role:pressestelle"]   # default for entries that name no one
    ///
    /// [[accounts.buergermeister.approval.require]]
    /// labels = ["pressemitteilung"]
    ///
    /// [[accounts.buergermeister.approval.require]]
    /// labels = ["krise"]
    /// topics = ["Haushalt*", "Personalie"]
    /// approvers = ["role:buergermeister"]
    /// ```
    ///
    /// # Deutsch
    ///
    /// ## Was geprüft wird
    /// Ein Entwurf, der eine Freigabe braucht und in `approvals` keine hat. Ein Entwurf braucht
    /// eine, wenn er ein Label eines Eintrags `[[accounts.<id>.approval.require]]` trägt, wenn
    /// sein Text eines der `topics` des Eintrags nennt (das Wort wird markiert) oder – wenn kein
    /// Eintrag zutrifft – wenn das Konto `four-eyes = true` setzt. Ein Befund je zutreffendem
    /// Eintrag, der nennt, wer freigeben darf (`approvers`: Logins oder `role:<name>`; ist
    /// niemand genannt: alle außer der Autorin oder dem Autor). Freigaben, die vorhanden sind,
    /// aber nicht zählen, melden `approval.self`, `approval.wrong-role` und
    /// `approval.too-late`.
    ///
    /// ## Warum
    /// Sander (Kommune21-Forum) zählt das „Vieraugen-Prinzip“ zu den Anforderungen der
    /// Verwaltung und fragt: „wer muss bei welchen Themen wen fragen — Freigabe“. Werkzeuge,
    /// die Verwaltungen einsetzen (Hootsuite, Sprout, Facelift), setzen solche Freigabeketten
    /// durch.
    ///
    /// ## Beispiel
    /// Ein Entwurf mit dem Label `pressemitteilung` ohne `approvals`, während
    /// Pressemitteilungen `role:pressestelle` brauchen → vor dem Einplanen von der Pressestelle
    /// freigeben lassen.
    ///
    /// ## Einstellungen
    /// ```toml
    /// [roles]
    /// pressestelle = ["sta13.presse", "sta13.online"]
    /// buergermeister = ["m.dreier"]
    ///
    /// [accounts.buergermeister.approval]
    /// four-eyes = false          # true: jeder Beitrag braucht eine Freigabe
    /// approvers = ["role:pressestelle"]   # Vorgabe für Einträge, die niemanden nennen
    ///
    /// [[accounts.buergermeister.approval.require]]
    /// labels = ["pressemitteilung"]
    ///
    /// [[accounts.buergermeister.approval.require]]
    /// labels = ["krise"]
    /// topics = ["Haushalt*", "Personalie"]
    /// approvers = ["role:buergermeister"]
    /// ```
    pub(crate) struct ApprovalMissing {
        requirements: Requirements,
    }
}

impl RuleDef for ApprovalMissing {
    type Settings = Settings;
    const DEFAULT_SEVERITY: Severity = Severity::Error;
    const DOCS: &'static str = Self::DOC_TEXT;
    const TITLE: Title = Title {
        de: "Fehlende Freigabe",
        en: "Missing approval",
    };

    fn compile(_: &Settings, account: &Account) -> Result<Self, SettingError> {
        Ok(ApprovalMissing {
            requirements: Requirements::compile(account)?,
        })
    }
}

impl Rule for ApprovalMissing {
    fn lexicons(&self, _account: &Account) -> Vec<&Lexicon> {
        self.requirements.lexicons()
    }

    fn check(&self, cx: &CheckContext<'_>, out: &mut Vec<Finding>) {
        if !cx.draft.approvals.is_empty() {
            return;
        }
        for need in self.requirements.needs(cx) {
            let reason = need.describe(cx);
            let who = need.who(cx.lang);
            let mut finding = Finding::new(
                tr!(cx.lang,
                    de: "Keine Freigabe: {reason} verlangt eine Freigabe durch {who}",
                    en: "no approval: {reason} needs an approval by {who}"),
                tr!(cx.lang,
                    de: "Vor der Veröffentlichung freigeben lassen (Vier-Augen-Prinzip) und die Freigabe in `approvals` mitsenden",
                    en: "have it approved before publication (four-eyes principle) and send the approval in `approvals`"),
            );
            if let Reason::Topic(span) = &need.reason {
                finding = finding.at(span.start, span.end);
            }
            out.push(finding);
        }
    }
}
