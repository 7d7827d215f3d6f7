use crate::account::{AccountKind, login_key};
use crate::lang::tr;
use crate::report::Severity;
use crate::rules::editors::author;
use crate::rules::{
    Account, CheckContext, Finding, Rule, RuleDef, SettingError, Title, documented_rule,
    rule_settings,
};

rule_settings! {
    /// Settings of `editors.private-outsider`.
    #[schemars(rename = "EditorsPrivateOutsiderSettings")]
    pub struct Settings {}
}

documented_rule! {
    /// ## What it checks
    /// A draft for a private account whose `author` is not the account's owner. A private
    /// account's `editors` are its owner's own logins. When the author edits one of the
    /// organisation's official accounts (e.g. the press office), the message says so:
    /// staff must not run a private profile. An account without `editors` is not checked,
    /// nor is a draft without `author` (`editors.author-missing` reports that).
    ///
    /// ## Why
    /// Stadt Paderborn (Social-Media-Strategie 2021): the private Instagram profile is run
    /// "in Eigenregie, kein Zugriff / Redaktion durch außen", "ausschließlich mit privaten
    /// Themen durch Herrn Dreier selbst bespielt", with "eine klare … redaktionelle
    /// Trennung" from the official profiles. If the press office posts there, the
    /// administration's resources serve a private (and, before elections, a campaigning)
    /// channel.
    ///
    /// ## Example
    /// A draft for `michael-dreier` (private) with `"author": "sta13.presse"` → the owner
    /// writes and posts it himself.
    ///
    /// ## Configuration
    /// ```toml
    /// [accounts.michael-dreier]
    /// kind = "private"
    /// editors = ["m.dreier"]
    /// ```
    ///
    /// # Deutsch
    ///
    /// ## Was geprüft wird
    /// Ein Entwurf für ein privates Konto, dessen `author` nicht die Inhaberin oder der Inhaber
    /// des Kontos ist. Die `editors` eines privaten Kontos sind die eigenen Logins der
    /// Inhaberin oder des Inhabers. Bearbeitet die Autorin oder der Autor eines der amtlichen
    /// Konten der Organisation (z. B. die Pressestelle), sagt die Meldung das: Beschäftigte
    /// dürfen kein privates Profil betreuen. Ein Konto ohne `editors` wird nicht geprüft,
    /// ebenso wenig ein Entwurf ohne `author` (das meldet `editors.author-missing`).
    ///
    /// ## Warum
    /// Stadt Paderborn (Social-Media-Strategie 2021): Das private Instagram-Profil wird „in
    /// Eigenregie, kein Zugriff / Redaktion durch außen“ geführt, „ausschließlich mit privaten
    /// Themen durch Herrn Dreier selbst bespielt“; von den amtlichen Profilen trennt es „eine
    /// klare … redaktionelle Trennung“. Veröffentlicht die Pressestelle dort, dienen Mittel
    /// der Verwaltung einem privaten (und vor Wahlen einem werbenden) Kanal.
    ///
    /// ## Beispiel
    /// Ein Entwurf für `michael-dreier` (privat) mit `"author": "sta13.presse"` → der Inhaber
    /// schreibt und veröffentlicht ihn selbst.
    ///
    /// ## Einstellungen
    /// ```toml
    /// [accounts.michael-dreier]
    /// kind = "private"
    /// editors = ["m.dreier"]
    /// ```
    pub(crate) struct EditorsPrivateOutsider;
}

impl RuleDef for EditorsPrivateOutsider {
    type Settings = Settings;
    const DEFAULT_SEVERITY: Severity = Severity::Error;
    const DOCS: &'static str = Self::DOC_TEXT;
    const TITLE: Title = Title {
        de: "Fremder Beitrag auf privatem Konto",
        en: "Someone else's post on a private account",
    };

    fn compile(_: &Settings, _: &Account) -> Result<Self, SettingError> {
        Ok(EditorsPrivateOutsider)
    }
}

impl Rule for EditorsPrivateOutsider {
    fn check(&self, cx: &CheckContext<'_>, out: &mut Vec<Finding>) {
        let account = cx.account;
        if account.kind != AccountKind::Private || account.editors.is_empty() {
            return;
        }
        let Some(author) = author(cx) else {
            return;
        };
        if account.editors.contains(author) {
            return;
        }
        let id = &account.id;
        let is_official_staff = account
            .official_editors
            .binary_search(&login_key(author))
            .is_ok();
        let message = if is_official_staff {
            tr!(cx.lang,
                de: "`{author}` pflegt ein dienstliches Konto und schreibt für das private Profil `{id}`",
                en: "`{author}` edits an official account and writes for the private profile `{id}`")
        } else {
            tr!(cx.lang,
                de: "`{author}` ist nicht Inhaber des privaten Profils `{id}`",
                en: "`{author}` is not the owner of the private profile `{id}`")
        };
        out.push(Finding::new(
            message,
            tr!(cx.lang,
                de: "Ein privates Profil pflegt nur sein Inhaber selbst (kein Zugriff, keine Redaktion von außen, auch nicht durch die Pressestelle)",
                en: "only its owner runs a private profile (no access and no editing from outside, the press office included)"),
        ));
    }
}
