use crate::lang::tr;
use crate::report::Severity;
use crate::rules::editors::author;
use crate::rules::{
    Account, CheckContext, Finding, Rule, RuleDef, SettingError, Title, documented_rule,
    rule_settings,
};

rule_settings! {
    /// Settings of `editors.author-missing`.
    #[schemars(rename = "EditorsAuthorMissingSettings")]
    pub struct Settings {}
}

documented_rule! {
    /// ## What it checks
    /// A draft without `author` (or a blank one) for an account that lists `editors`:
    /// whether an editor wrote it cannot be checked, and neither can a self-approval
    /// (`approval.self`). Accounts without `editors` are not checked.
    ///
    /// ## Why
    /// Stadt Paderborn (Social-Media-Strategie 2021) restricts who edits each profile
    /// ("Redakteure", "keine Administration durch außen"); Sander (Kommune21-Forum) asks
    /// for "Dokumentation / Revisionssicherheit": an audit-proof record says who wrote a
    /// post.
    ///
    /// ## Example
    /// `{"text": "…", "account": "buergermeister"}` → send `"author": "sta13.presse"`.
    ///
    /// ## Configuration
    /// Off unless the policy sets `enabled = true`: plain-text checks (the CLI's `.txt`
    /// drafts, a browser editor) never carry an author, and an info on each of them would
    /// teach people to skip findings. Turn it on once the CMS or management tool sends
    /// `author`; `severity = "warning"` makes it stricter.
    /// ```toml
    /// [rules."editors.author-missing"]
    /// enabled = true
    /// severity = "info"
    /// ```
    ///
    /// # Deutsch
    ///
    /// ## Was geprüft wird
    /// Ein Entwurf ohne `author` (oder mit einem leeren) für ein Konto, das `editors` aufführt:
    /// Ob ihn jemand aus der Redaktion geschrieben hat, lässt sich nicht prüfen, ebenso wenig
    /// eine Selbstfreigabe (`approval.self`). Konten ohne `editors` werden nicht geprüft.
    ///
    /// ## Warum
    /// Die Stadt Paderborn (Social-Media-Strategie 2021) beschränkt, wer welches Profil
    /// bearbeitet („Redakteure“, „keine Administration durch außen“); Sander (Kommune21-Forum)
    /// fordert „Dokumentation / Revisionssicherheit“: Eine revisionssichere Aufzeichnung sagt,
    /// wer einen Beitrag geschrieben hat.
    ///
    /// ## Beispiel
    /// `{"text": "…", "account": "buergermeister"}` → `"author": "sta13.presse"` mitsenden.
    ///
    /// ## Einstellungen
    /// Aus, solange die Richtlinie nicht `enabled = true` setzt: Prüfungen reinen Texts (die
    /// `.txt`-Entwürfe der Kommandozeile, ein Editor im Browser) tragen nie eine Autorin oder
    /// einen Autor, und ein Hinweis bei jeder von ihnen würde lehren, Befunde zu übergehen.
    /// Schalten Sie die Regel ein, sobald das CMS oder das Redaktionswerkzeug `author` sendet;
    /// `severity = "warning"` macht sie strenger.
    /// ```toml
    /// [rules."editors.author-missing"]
    /// enabled = true
    /// severity = "info"
    /// ```
    pub(crate) struct EditorsAuthorMissing;
}

impl RuleDef for EditorsAuthorMissing {
    type Settings = Settings;
    const DEFAULT_SEVERITY: Severity = Severity::Info;
    const DEFAULT_ENABLED: bool = false;
    const DOCS: &'static str = Self::DOC_TEXT;
    const TITLE: Title = Title {
        de: "Fehlende Autorenangabe",
        en: "Missing author",
    };

    fn compile(_: &Settings, _: &Account) -> Result<Self, SettingError> {
        Ok(EditorsAuthorMissing)
    }
}

impl Rule for EditorsAuthorMissing {
    fn check(&self, cx: &CheckContext<'_>, out: &mut Vec<Finding>) {
        if cx.account.editors.is_empty() || author(cx).is_some() {
            return;
        }
        let id = &cx.account.id;
        out.push(Finding::new(
            tr!(cx.lang,
                de: "Der Entwurf nennt keinen `author`: Ob er von der Redaktion des Kontos `{id}` kommt, ist nicht prüfbar",
                en: "the draft names no `author`: whether it comes from an editor of `{id}` cannot be checked"),
            tr!(cx.lang,
                de: "`author` mit dem Login der verfassenden Person senden",
                en: "send `author` with the login of the person who wrote it"),
        ));
    }
}
