use crate::account::AccountKind;
use crate::lang::tr;
use crate::report::Severity;
use crate::rules::imprint::is_imprint;
use crate::rules::{
    Account, CheckContext, Finding, Rule, RuleDef, SettingError, Title, documented_rule,
    rule_settings,
};

rule_settings! {
    /// Settings of `imprint.private`.
    #[schemars(rename = "ImprintPrivateSettings")]
    pub struct Settings {}
}

documented_rule! {
    /// ## What it checks
    /// A private account links the organisation's official imprint — in the post (the link
    /// is marked) or on its profile as described in the policy. Official imprints are the
    /// policy's `imprint` and every official account's own.
    ///
    /// ## Why
    /// The imprint link is itself a marker of an official profile: a mayor's page was
    /// judged official because of a Rathaus photo, no private content and no private
    /// imprint (VG München M 7 E 15.136). Paderborn separates the official profiles from
    /// the mayor's private Instagram strictly: "klare thematische und redaktionelle
    /// Trennung" (Stadt Paderborn, Social-Media-Strategie 2021). A private account carrying
    /// the city's imprint blurs exactly that line.
    ///
    /// ## Example
    /// A post of `michael-dreier` (private) ending in `Impressum: paderborn.de/impressum`.
    ///
    /// ## Configuration
    /// ```toml
    /// [kinds.private.rules."imprint.private"]
    /// severity = "error"
    /// ```
    ///
    /// # Deutsch
    ///
    /// ## Was geprüft wird
    /// Ein privates Konto verlinkt das amtliche Impressum der Organisation – im Beitrag (der
    /// Link wird markiert) oder in seinem Profil, wie die Richtlinie es beschreibt. Amtliche
    /// Impressen sind das `imprint` der Richtlinie und das eigene jedes amtlichen Kontos.
    ///
    /// ## Warum
    /// Der Impressums-Link ist selbst ein Merkmal eines amtlichen Profils: Die Seite eines
    /// Bürgermeisters wurde als amtlich beurteilt wegen eines Rathausfotos, fehlender privater
    /// Inhalte und eines fehlenden privaten Impressums (VG München M 7 E 15.136). Paderborn
    /// trennt die amtlichen Profile streng vom privaten Instagram-Konto des Bürgermeisters:
    /// „klare thematische und redaktionelle Trennung“ (Stadt Paderborn,
    /// Social-Media-Strategie 2021). Ein privates Konto mit dem Impressum der Stadt verwischt
    /// genau diese Grenze.
    ///
    /// ## Beispiel
    /// Ein Beitrag von `michael-dreier` (privat), der mit `Impressum: paderborn.de/impressum`
    /// endet.
    ///
    /// ## Einstellungen
    /// ```toml
    /// [kinds.private.rules."imprint.private"]
    /// severity = "error"
    /// ```
    pub(crate) struct ImprintPrivate;
}

impl RuleDef for ImprintPrivate {
    type Settings = Settings;
    const DEFAULT_SEVERITY: Severity = Severity::Error;
    const DOCS: &'static str = Self::DOC_TEXT;
    const TITLE: Title = Title {
        de: "Amtliches Impressum auf privatem Konto",
        en: "Official imprint on a private account",
    };

    fn compile(_: &Settings, _: &Account) -> Result<Self, SettingError> {
        Ok(ImprintPrivate)
    }
}

impl Rule for ImprintPrivate {
    fn check(&self, cx: &CheckContext<'_>, out: &mut Vec<Finding>) {
        let account = cx.account;
        if account.kind != AccountKind::Private || account.official_imprints.is_empty() {
            return;
        }
        let id = &account.id;
        for link in &cx.text.links {
            let written = link.written;
            if is_imprint(link.url.as_ref(), &account.official_imprints) {
                out.push(
                    Finding::new(
                        tr!(cx.lang,
                            de: "Das private Konto `{id}` verlinkt das amtliche Impressum `{written}`",
                            en: "the private account `{id}` links the official imprint `{written}`"),
                        tr!(cx.lang,
                            de: "Den Link entfernen: Das amtliche Impressum macht ein Profil zum dienstlichen (VG München, M 7 E 15.136)",
                            en: "remove the link: the official imprint makes a profile an official one (VG München M 7 E 15.136)"),
                    )
                    .at(link.start, link.end)
                    .suggest("", link.start, link.end),
                );
            }
        }
        let on_profile = account
            .profile_links
            .iter()
            .find(|(_, url)| is_imprint(Some(url), &account.official_imprints));
        if let Some((label, url)) = on_profile {
            out.push(Finding::new(
                tr!(cx.lang,
                    de: "Das Profil des privaten Kontos `{id}` verlinkt das amtliche Impressum („{label}“: {url})",
                    en: "the profile of the private account `{id}` links the official imprint (\"{label}\": {url})"),
                tr!(cx.lang,
                    de: "Den Link aus dem Profil entfernen; ein privates Profil braucht ggf. ein eigenes Impressum",
                    en: "remove the link from the profile; a private profile may need its own imprint"),
            ));
        }
    }
}
