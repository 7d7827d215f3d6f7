use crate::account::AccountKind;
use crate::lang::tr;
use crate::report::Severity;
use crate::rules::editors::author;
use crate::rules::{
    Account, CheckContext, Finding, Rule, RuleDef, SettingError, Title, documented_rule,
    rule_settings,
};

rule_settings! {
    /// Settings of `editors.not-editor`.
    #[schemars(rename = "EditorsNotEditorSettings")]
    pub struct Settings {}
}

documented_rule! {
    /// ## What it checks
    /// The draft's `author` is not among the `editors` of its official account. Editors are
    /// logins or roles (`role:pressestelle`, see `[roles]`); logins are compared ignoring
    /// case. An account without `editors` is not checked, nor is a draft without `author`
    /// (`editors.author-missing` reports that). Private accounts are checked by
    /// `editors.private-outsider` instead.
    ///
    /// ## Why
    /// Stadt Paderborn (Social-Media-Strategie 2021) names who edits the mayor's official
    /// profiles — "Redakteure: Michael Dreier, Mitarbeiter*innen StA 13" — and rules out
    /// "Administration durch außen". Sander (Kommune21-Forum) asks "wer darf welche Dienste
    /// bearbeiten" and for "Rechte auf Medien-Kanäle".
    ///
    /// ## Example
    /// A draft for `buergermeister` with `"author": "agentur.meyer"` while the editors are
    /// `m.dreier` and `role:pressestelle` → an editor writes or takes over the draft.
    ///
    /// ## Configuration
    /// ```toml
    /// [roles]
    /// pressestelle = ["sta13.presse", "sta13.online"]
    ///
    /// [accounts.buergermeister]
    /// editors = ["m.dreier", "role:pressestelle"]
    /// ```
    ///
    /// # Deutsch
    ///
    /// ## Was geprüft wird
    /// Wer den Entwurf geschrieben hat (`author`), gehört nicht zu den `editors` seines
    /// amtlichen Kontos.
    /// Redakteurinnen und Redakteure sind Logins oder Rollen (`role:pressestelle`, siehe
    /// `[roles]`); Logins werden ohne Rücksicht auf Groß- und Kleinschreibung verglichen. Ein
    /// Konto ohne `editors` wird nicht geprüft, ebenso wenig ein Entwurf ohne `author` (das
    /// meldet `editors.author-missing`). Private Konten prüft stattdessen
    /// `editors.private-outsider`.
    ///
    /// ## Warum
    /// Die Stadt Paderborn (Social-Media-Strategie 2021) nennt, wer die amtlichen Profile des
    /// Bürgermeisters bearbeitet – „Redakteure: Michael Dreier, Mitarbeiter*innen StA 13“ –,
    /// und schließt eine „Administration durch außen“ aus. Sander (Kommune21-Forum) fragt:
    /// „wer darf welche Dienste bearbeiten“, und fordert „Rechte auf Medien-Kanäle“.
    ///
    /// ## Beispiel
    /// Ein Entwurf für `buergermeister` mit `"author": "agentur.meyer"`, während die Redaktion
    /// aus `m.dreier` und `role:pressestelle` besteht → jemand aus der Redaktion schreibt den
    /// Entwurf oder übernimmt ihn.
    ///
    /// ## Einstellungen
    /// ```toml
    /// [roles]
    /// pressestelle = ["sta13.presse", "sta13.online"]
    ///
    /// [accounts.buergermeister]
    /// editors = ["m.dreier", "role:pressestelle"]
    /// ```
    pub(crate) struct EditorsNotEditor;
}

impl RuleDef for EditorsNotEditor {
    type Settings = Settings;
    const DEFAULT_SEVERITY: Severity = Severity::Error;
    const DOCS: &'static str = Self::DOC_TEXT;
    const TITLE: Title = Title {
        de: "Beitrag von außerhalb der Redaktion",
        en: "Author not among the editors",
    };

    fn compile(_: &Settings, _: &Account) -> Result<Self, SettingError> {
        Ok(EditorsNotEditor)
    }
}

impl Rule for EditorsNotEditor {
    fn check(&self, cx: &CheckContext<'_>, out: &mut Vec<Finding>) {
        let account = cx.account;
        if account.kind == AccountKind::Private || account.editors.is_empty() {
            return;
        }
        let Some(author) = author(cx) else {
            return;
        };
        if account.editors.contains(author) {
            return;
        }
        let id = &account.id;
        out.push(Finding::new(
            tr!(cx.lang,
                de: "`{author}` gehört nicht zur Redaktion des Kontos `{id}`",
                en: "`{author}` is not an editor of the account `{id}`"),
            tr!(cx.lang,
                de: "Beiträge schreiben nur die in `editors` genannten Personen (keine Administration von außen); eine Redakteurin oder ein Redakteur übernimmt den Entwurf",
                en: "only the people listed in `editors` write posts (no administration from outside); an editor takes over the draft"),
        ));
    }
}
