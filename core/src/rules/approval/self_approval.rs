use crate::account::login_key;
use crate::lang::tr;
use crate::report::Severity;
use crate::rules::approval::{Flaw, Requirements, flawed, unmet};
use crate::rules::editors::author;
use crate::rules::{
    Account, CheckContext, Finding, Rule, RuleDef, SettingError, Title, documented_rule,
    rule_settings,
};
use crate::text::lexicon::Lexicon;

rule_settings! {
    /// Settings of `approval.self`.
    #[schemars(rename = "ApprovalSelfSettings")]
    pub struct Settings {}
}

documented_rule! {
    /// ## What it checks
    /// A draft that needs an approval (see `approval.missing`) and whose only approvals
    /// include one by its own `author`: that approval does not count. Logins are compared
    /// ignoring case. Once another approval fulfils the requirement, a self-approval is
    /// harmless and not reported. Without `author` the rule cannot tell
    /// (`editors.author-missing`).
    ///
    /// ## Why
    /// The "Vieraugen-Prinzip" (Sander, Kommune21-Forum) needs two people; approval tools
    /// used by administrations refuse an approval of one's own post (Hootsuite, Sprout,
    /// Facelift and Sprinklr approval workflows).
    ///
    /// ## Example
    /// `"author": "sta13.presse"`, `"approvals": [{"by": "sta13.presse", …}]` on a press
    /// release → a second person approves it.
    ///
    /// ## Configuration
    /// The account's `[approval]` table, see `approval.missing`.
    ///
    /// # Deutsch
    ///
    /// ## Was geprüft wird
    /// Ein Entwurf, der eine Freigabe braucht (siehe `approval.missing`) und dessen einzige
    /// Freigaben eine durch die Person einschließen, die ihn geschrieben hat (`author`): Diese
    /// Freigabe zählt nicht.
    /// Logins werden ohne Rücksicht auf Groß- und Kleinschreibung verglichen. Sobald eine
    /// andere Freigabe die Anforderung erfüllt, ist eine Selbstfreigabe harmlos und wird nicht
    /// gemeldet. Ohne `author` kann die Regel es nicht feststellen (`editors.author-missing`).
    ///
    /// ## Warum
    /// Das „Vieraugen-Prinzip“ (Sander, Kommune21-Forum) braucht zwei Personen;
    /// Freigabewerkzeuge, die Verwaltungen einsetzen, lehnen die Freigabe eines eigenen
    /// Beitrags ab (Freigabeabläufe von Hootsuite, Sprout, Facelift und Sprinklr).
    ///
    /// ## Beispiel
    /// `"author": "sta13.presse"`, `"approvals": [{"by": "sta13.presse", …}]` bei einer
    /// Pressemitteilung → eine zweite Person gibt sie frei.
    ///
    /// ## Einstellungen
    /// Die Tabelle `[approval]` des Kontos, siehe `approval.missing`.
    pub(crate) struct ApprovalSelf {
        requirements: Requirements,
    }
}

impl RuleDef for ApprovalSelf {
    type Settings = Settings;
    const DEFAULT_SEVERITY: Severity = Severity::Error;
    const DOCS: &'static str = Self::DOC_TEXT;
    const TITLE: Title = Title {
        de: "Selbstfreigabe",
        en: "Self-approval",
    };

    fn compile(_: &Settings, account: &Account) -> Result<Self, SettingError> {
        Ok(ApprovalSelf {
            requirements: Requirements::compile(account)?,
        })
    }
}

impl Rule for ApprovalSelf {
    fn lexicons(&self, _account: &Account) -> Vec<&Lexicon> {
        self.requirements.lexicons()
    }

    fn check(&self, cx: &CheckContext<'_>, out: &mut Vec<Finding>) {
        let Some(author) = author(cx).map(login_key) else {
            return;
        };
        // Most drafts have no self-approval: skip matching the requirements then.
        if !cx
            .draft
            .approvals
            .iter()
            .any(|a| login_key(&a.by) == author)
        {
            return;
        }
        let unmet = unmet(cx, self.requirements.needs(cx));
        for approval in flawed(cx, &unmet, Flaw::ByAuthor) {
            let by = approval.by.trim();
            out.push(Finding::new(
                tr!(cx.lang,
                    de: "Freigabe durch `{by}` zählt nicht: `{by}` hat den Beitrag selbst verfasst",
                    en: "approval by `{by}` does not count: `{by}` wrote the post"),
                tr!(cx.lang,
                    de: "Eine zweite Person gibt frei (Vier-Augen-Prinzip)",
                    en: "a second person approves it (four-eyes principle)"),
            ));
        }
    }
}
