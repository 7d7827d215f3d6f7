use crate::lang::{plural, tr};
use crate::report::Severity;
use crate::rules::approval::{Flaw, Requirements, deadline, flawed, local_time, unmet};
use crate::rules::{
    Account, CheckContext, Finding, Rule, RuleDef, SettingError, Title, documented_rule,
    rule_settings,
};
use crate::text::lexicon::Lexicon;

rule_settings! {
    /// Settings of `approval.too-late`.
    #[schemars(rename = "ApprovalTooLateSettings")]
    pub struct Settings {}
}

documented_rule! {
    /// ## What it checks
    /// A draft that needs an approval (see `approval.missing`) whose approvals by entitled
    /// people came too late: after `minutes-before` (default 5) minutes before
    /// `scheduled_at` — for an archived post, before `published_at`. An approval exactly at
    /// the deadline counts. Times are compared as instants, so a daylight-saving switch
    /// between approval and publication does not shift the deadline; messages show local
    /// times in the account's `time-zone`. Drafts without `scheduled_at` or `published_at`
    /// are not checked.
    ///
    /// ## Why
    /// An approval must be in before the post goes out, with time to stop it: approval
    /// tools require it some minutes before the scheduled time (Hootsuite's approval
    /// workflow: 5 minutes). Sander (Kommune21-Forum) asks for the
    /// "Vieraugen-Prinzip", "Zeit- /Schlagwortsteuerung" and "Dokumentation /
    /// Revisionssicherheit".
    ///
    /// ## Example
    /// Scheduled for 10:00, approved at 09:58 → get the approval by 09:55 or schedule the
    /// post later.
    ///
    /// ## Configuration
    /// ```toml
    /// [accounts.buergermeister.approval]
    /// minutes-before = 5
    /// ```
    ///
    /// # Deutsch
    ///
    /// ## Was geprüft wird
    /// Ein Entwurf, der eine Freigabe braucht (siehe `approval.missing`) und dessen Freigaben
    /// durch berechtigte Personen zu spät kamen: später als `minutes-before` (Vorgabe 5)
    /// Minuten vor `scheduled_at` – bei einem archivierten Beitrag vor `published_at`. Eine
    /// Freigabe genau zur Frist zählt. Zeiten werden als Zeitpunkte verglichen, sodass eine
    /// Umstellung auf Sommer- oder Winterzeit zwischen Freigabe und Veröffentlichung die Frist
    /// nicht verschiebt; die Meldungen zeigen Ortszeiten in der `time-zone` des Kontos.
    /// Entwürfe ohne `scheduled_at` oder `published_at` werden nicht geprüft.
    ///
    /// ## Warum
    /// Eine Freigabe muss vorliegen, bevor der Beitrag erscheint, mit Zeit, ihn noch
    /// aufzuhalten: Freigabewerkzeuge verlangen sie einige Minuten vor dem geplanten Zeitpunkt
    /// (Freigabeablauf von Hootsuite: 5 Minuten). Sander (Kommune21-Forum) fordert das
    /// „Vieraugen-Prinzip“, „Zeit- /Schlagwortsteuerung“ und „Dokumentation /
    /// Revisionssicherheit“.
    ///
    /// ## Beispiel
    /// Geplant für 10:00, freigegeben um 09:58 → die Freigabe bis 09:55 einholen oder den
    /// Beitrag später einplanen.
    ///
    /// ## Einstellungen
    /// ```toml
    /// [accounts.buergermeister.approval]
    /// minutes-before = 5
    /// ```
    pub(crate) struct ApprovalTooLate {
        requirements: Requirements,
    }
}

impl RuleDef for ApprovalTooLate {
    type Settings = Settings;
    const DEFAULT_SEVERITY: Severity = Severity::Error;
    const DOCS: &'static str = Self::DOC_TEXT;
    const TITLE: Title = Title {
        de: "Zu späte Freigabe",
        en: "Approval too late",
    };

    fn compile(_: &Settings, account: &Account) -> Result<Self, SettingError> {
        Ok(ApprovalTooLate {
            requirements: Requirements::compile(account)?,
        })
    }
}

impl Rule for ApprovalTooLate {
    fn lexicons(&self, _account: &Account) -> Vec<&Lexicon> {
        self.requirements.lexicons()
    }

    fn check(&self, cx: &CheckContext<'_>, out: &mut Vec<Finding>) {
        let Some(deadline) = deadline(cx) else {
            return;
        };
        // Most drafts are approved in time: skip matching the requirements then.
        if !cx.draft.approvals.iter().any(|a| a.at > deadline) {
            return;
        }
        let unmet = unmet(cx, self.requirements.needs(cx));
        let minutes = cx.account.approval.minutes_before;
        let minutes_noun = plural(minutes, "Minute", "Minuten");
        let due = local_time(cx, deadline);
        for approval in flawed(cx, &unmet, Flaw::TooLate) {
            let by = approval.by.trim();
            let at = local_time(cx, approval.at);
            out.push(Finding::new(
                tr!(cx.lang,
                    de: "Freigabe durch `{by}` um {at} kam zu spät: Nötig war sie bis {due}, {minutes} {minutes_noun} vor der Veröffentlichung",
                    en: "approval by `{by}` at {at} came too late: needed by {due}, {minutes} minutes before publication"),
                tr!(cx.lang,
                    de: "Die Freigabe früher einholen oder den Beitrag später einplanen",
                    en: "get the approval earlier or schedule the post later"),
            ));
        }
    }
}
