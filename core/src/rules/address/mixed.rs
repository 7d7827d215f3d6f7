use crate::lang::tr;
use crate::report::Severity;
use crate::rules::address::grammar::{Form, Grammar};
use crate::rules::address::{form_name, grammar, written};
use crate::rules::{
    Account, CheckContext, Finding, Rule, RuleDef, SettingError, Title, documented_rule,
    rule_settings,
};

rule_settings! {
    /// Settings of `address.mixed`.
    #[schemars(rename = "AddressMixedSettings")]
    pub struct Settings {}
}

documented_rule! {
    /// ## What it checks
    /// A post that addresses its readers both formally (`Sie`, `Ihnen`, `Ihr…`) and
    /// informally (`du`, `euch`, `Macht mit!`), for accounts whose policy sets no
    /// `address`. The first word in the form that came second is marked. Accounts with a
    /// required form get `address.informal` or `address.formal` for every word instead.
    ///
    /// ## Why
    /// A post that switches between "Sie" and "du" reads as copied together and unsure
    /// whom it speaks to; Paderborn fixes one form per profile ("Ansprache: Sie",
    /// Stadt Paderborn, Social-Media-Strategie 2021); LanguageTool's rule
    /// `DE_DU_UPPER_LOWER` checks the same consistency.
    ///
    /// ## Example
    /// `Kommen Sie zum Stadtfest und bringt eure Kinder mit!` → one form throughout.
    ///
    /// ## Configuration
    /// ```toml
    /// [rules."address.mixed"]
    /// severity = "info"
    /// ```
    ///
    /// # Deutsch
    ///
    /// ## Was geprüft wird
    /// Ein Beitrag, der seine Leserinnen und Leser sowohl förmlich (`Sie`, `Ihnen`, `Ihr…`) als
    /// auch vertraulich (`du`, `euch`, `Macht mit!`) anspricht, bei Konten, deren Richtlinie
    /// kein `address` festlegt. Markiert wird das erste Wort in der Form, die als zweite kam.
    /// Konten mit einer vorgeschriebenen Form erhalten stattdessen `address.informal` oder
    /// `address.formal` für jedes Wort.
    ///
    /// ## Warum
    /// Ein Beitrag, der zwischen „Sie“ und „du“ wechselt, wirkt zusammenkopiert und unsicher,
    /// wen er anspricht; Paderborn legt je Profil eine Form fest („Ansprache: Sie“, Stadt
    /// Paderborn, Social-Media-Strategie 2021); die LanguageTool-Regel `DE_DU_UPPER_LOWER`
    /// prüft dieselbe Einheitlichkeit.
    ///
    /// ## Beispiel
    /// `Kommen Sie zum Stadtfest und bringt eure Kinder mit!` → durchgehend eine Form.
    ///
    /// ## Einstellungen
    /// ```toml
    /// [rules."address.mixed"]
    /// severity = "info"
    /// ```
    pub(crate) struct AddressMixed {
        grammar: &'static Grammar,
        applies: bool,
    }
}

impl RuleDef for AddressMixed {
    type Settings = Settings;
    const DEFAULT_SEVERITY: Severity = Severity::Warning;
    const DOCS: &'static str = Self::DOC_TEXT;
    const TITLE: Title = Title {
        de: "Gemischte Anrede",
        en: "Mixed forms of address",
    };

    fn compile(_: &Settings, account: &Account) -> Result<Self, SettingError> {
        Ok(AddressMixed {
            grammar: grammar(),
            applies: account.address.is_none(),
        })
    }
}

impl Rule for AddressMixed {
    fn check(&self, cx: &CheckContext<'_>, out: &mut Vec<Finding>) {
        if !self.applies {
            return;
        }
        let addresses = self.grammar.analyse(cx);
        let first_formal = addresses.iter().find(|a| a.form == Form::Formal);
        let first_informal = addresses.iter().find(|a| a.form != Form::Formal);
        let (Some(formal), Some(informal)) = (first_formal, first_informal) else {
            return;
        };
        let (first, second) = if formal.span.start < informal.span.start {
            (formal, informal)
        } else {
            (informal, formal)
        };
        let first_word = written(cx.text, first);
        let second_word = written(cx.text, second);
        let first_form = form_name(first.form);
        let second_form = form_name(second.form);
        out.push(
            Finding::new(
                tr!(cx.lang,
                    de: "Gemischte Anrede: `{second_word}` ({second_form}) nach `{first_word}` ({first_form})",
                    en: "mixed address: `{second_word}` ({second_form}) after `{first_word}` ({first_form})"),
                tr!(cx.lang,
                    de: "Eine Anrede durchhalten; die Richtlinie kann sie je Konto mit `address = \"sie\"`, `\"du\"` oder `\"ihr\"` festlegen",
                    en: "keep to one form; the policy can fix it per account with `address = \"sie\"`, `\"du\"` or `\"ihr\"`"),
            )
            .at(second.span.start, second.span.end),
        );
    }
}
