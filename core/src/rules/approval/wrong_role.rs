use crate::lang::tr;
use crate::report::Severity;
use crate::rules::approval::{Flaw, Requirements, flawed, unmet};
use crate::rules::{
    Account, CheckContext, Finding, Rule, RuleDef, SettingError, Title, documented_rule,
    rule_settings,
};
use crate::text::lexicon::Lexicon;

rule_settings! {
    /// Settings of `approval.wrong-role`.
    #[schemars(rename = "ApprovalWrongRoleSettings")]
    pub struct Settings {}
}

documented_rule! {
    /// ## What it checks
    /// A draft that needs an approval (see `approval.missing`) whose approvals come only
    /// from people who may not give it: the requirement's `approvers` (logins or
    /// `role:<name>` from `[roles]`) do not include them. One finding per approval and
    /// requirement, naming who may approve. Requirements without approvers accept anyone
    /// but the author, so they never raise this.
    ///
    /// ## Why
    /// Sander (Kommune21-Forum): "wer muss bei welchen Themen wen fragen — Freigabe"; a
    /// press release approved by a colleague outside the press office has not been through
    /// the press office.
    ///
    /// ## Example
    /// A draft labelled `krise` approved by `sta13.online` while crisis posts need
    /// `role:buergermeister` → ask the mayor.
    ///
    /// ## Configuration
    /// The account's `[approval]` table and `[roles]`, see `approval.missing`.
    ///
    /// # Deutsch
    ///
    /// ## Was geprüft wird
    /// Ein Entwurf, der eine Freigabe braucht (siehe `approval.missing`) und dessen Freigaben
    /// nur von Personen stammen, die sie nicht erteilen dürfen: Die `approvers` der Anforderung
    /// (Logins oder `role:<name>` aus `[roles]`) schließen sie nicht ein. Ein Befund je
    /// Freigabe und Anforderung, der nennt, wer freigeben darf. Anforderungen ohne `approvers`
    /// nehmen alle außer der Autorin oder dem Autor an und lösen diese Regel daher nie aus.
    ///
    /// ## Warum
    /// Sander (Kommune21-Forum): „wer muss bei welchen Themen wen fragen — Freigabe“; eine
    /// Pressemitteilung, die eine Kollegin oder ein Kollege außerhalb der Pressestelle
    /// freigegeben hat, ist nicht durch die Pressestelle gegangen.
    ///
    /// ## Beispiel
    /// Ein Entwurf mit dem Label `krise`, freigegeben von `sta13.online`, während
    /// Krisenbeiträge `role:buergermeister` brauchen → den Bürgermeister fragen.
    ///
    /// ## Einstellungen
    /// Die Tabelle `[approval]` des Kontos und `[roles]`, siehe `approval.missing`.
    pub(crate) struct ApprovalWrongRole {
        requirements: Requirements,
    }
}

impl RuleDef for ApprovalWrongRole {
    type Settings = Settings;
    const DEFAULT_SEVERITY: Severity = Severity::Error;
    const DOCS: &'static str = Self::DOC_TEXT;
    const TITLE: Title = Title {
        de: "Freigabe ohne Berechtigung",
        en: "Approval by someone not entitled",
    };

    fn compile(_: &Settings, account: &Account) -> Result<Self, SettingError> {
        Ok(ApprovalWrongRole {
            requirements: Requirements::compile(account)?,
        })
    }
}

impl Rule for ApprovalWrongRole {
    fn lexicons(&self, _account: &Account) -> Vec<&Lexicon> {
        self.requirements.lexicons()
    }

    fn check(&self, cx: &CheckContext<'_>, out: &mut Vec<Finding>) {
        if cx.draft.approvals.is_empty() {
            return;
        }
        for need in unmet(cx, self.requirements.needs(cx)) {
            let reason = need.describe(cx);
            let who = need.who(cx.lang);
            for approval in flawed(cx, std::slice::from_ref(&need), Flaw::NotApprover) {
                let by = approval.by.trim();
                out.push(Finding::new(
                    tr!(cx.lang,
                        de: "Freigabe durch `{by}` zählt nicht für {reason}: Freigabe nur durch {who}",
                        en: "approval by `{by}` does not count for {reason}: only {who} may approve"),
                    tr!(cx.lang,
                        de: "Die Freigabe bei einer berechtigten Person einholen (wer bei welchen Themen wen fragen muss, legt die Richtlinie fest)",
                        en: "get the approval from someone entitled to give it (who must ask whom on which topics)"),
                ));
            }
        }
    }
}
