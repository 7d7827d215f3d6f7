use crate::lang::tr;
use crate::report::Severity;
use crate::rules::address::grammar::{Form, Grammar};
use crate::rules::address::{
    example, form_name, grammar, possessive_replacement, required, written,
};
use crate::rules::{
    Account, CheckContext, Finding, Rule, RuleDef, SettingError, Title, documented_rule,
    rule_settings,
};

rule_settings! {
    /// Settings of `address.formal`.
    #[schemars(rename = "AddressFormalSettings")]
    pub struct Settings {}
}

documented_rule! {
    /// ## What it checks
    /// Formal address (`Sie`, `Ihnen`, `Ihr…`) in a post of an account that addresses its
    /// readers with "du" or "ihr" (`address = "du"` or `"ihr"` on the account). A capital
    /// `Sie` inside a sentence is formal; at the start of a sentence it counts only when
    /// its verb is a present plural (`Sie können…`) and nobody it could refer to stands
    /// in the sentence before (`Die Störche sind zurück. Sie brüten…` is *they*), never
    /// with a singular verb (`Sie ist…`) or in a report in the past (`Sie kamen zu
    /// Hunderten`). A formal `Sie` written in lower case (`Bitte füllen sie…`) counts
    /// too. Possessives get their counterpart as suggestion (`Ihre` → `deine`).
    ///
    /// ## Why
    /// Cities that chose "du" (Eislingen) or "ihr" (Frankfurt) for their channels want one
    /// voice; a formal sentence copied from a press release breaks it. The form is policy
    /// data, as Paderborn's "Ansprache: Sie" is (Stadt Paderborn, Social-Media-Strategie
    /// 2021).
    ///
    /// ## Example
    /// `Melden Sie sich bis Freitag an!` on a "du" account → `Melde dich bis Freitag an!`
    ///
    /// ## Configuration
    /// The form comes from the account; the rule only runs for "du" and "ihr" accounts.
    /// ```toml
    /// [accounts.jugend]
    /// address = "du"
    ///
    /// [rules."address.formal"]
    /// severity = "error"
    /// ```
    ///
    /// # Deutsch
    ///
    /// ## Was geprüft wird
    /// Förmliche Anrede (`Sie`, `Ihnen`, `Ihr…`) in einem Beitrag eines Kontos, das seine
    /// Leserinnen und Leser mit „du“ oder „ihr“ anspricht (`address = "du"` oder `"ihr"` beim
    /// Konto). Ein großgeschriebenes `Sie` im Satzinneren ist förmlich; am Satzanfang zählt es
    /// nur, wenn sein Verb im Präsens Plural steht (`Sie können…`) und im Satz davor niemand
    /// steht, auf den es sich beziehen könnte (`Die Störche sind zurück. Sie brüten…` meint
    /// *sie*, die Störche), nie mit einem Verb im Singular (`Sie ist…`) oder in einem Bericht in
    /// der Vergangenheit (`Sie kamen zu Hunderten`). Ein förmliches `Sie` in Kleinschreibung
    /// (`Bitte füllen sie…`) zählt ebenfalls. Possessivpronomen erhalten ihr Gegenstück als
    /// Vorschlag (`Ihre` → `deine`).
    ///
    /// ## Warum
    /// Städte, die für ihre Kanäle „du“ (Eislingen) oder „ihr“ (Frankfurt) gewählt haben,
    /// wollen mit einer Stimme sprechen; ein förmlicher Satz aus einer Pressemitteilung bricht
    /// sie. Die Form ist eine Angabe der Richtlinie, wie Paderborns „Ansprache: Sie“ (Stadt
    /// Paderborn, Social-Media-Strategie 2021).
    ///
    /// ## Beispiel
    /// `Melden Sie sich bis Freitag an!` auf einem Du-Konto → `Melde dich bis Freitag an!`
    ///
    /// ## Einstellungen
    /// Die Form kommt vom Konto; die Regel läuft nur für Du- und Ihr-Konten.
    /// ```toml
    /// [accounts.jugend]
    /// address = "du"
    ///
    /// [rules."address.formal"]
    /// severity = "error"
    /// ```
    pub(crate) struct AddressFormal {
        grammar: &'static Grammar,
        required: Option<Form>,
    }
}

impl RuleDef for AddressFormal {
    type Settings = Settings;
    const DEFAULT_SEVERITY: Severity = Severity::Warning;
    const DOCS: &'static str = Self::DOC_TEXT;
    const TITLE: Title = Title {
        de: "Förmliche Anrede",
        en: "Formal address",
    };

    fn compile(_: &Settings, account: &Account) -> Result<Self, SettingError> {
        Ok(AddressFormal {
            grammar: grammar(),
            required: account.address.map(required),
        })
    }
}

impl Rule for AddressFormal {
    fn check(&self, cx: &CheckContext<'_>, out: &mut Vec<Finding>) {
        let Some(required @ (Form::Du | Form::Ihr)) = self.required else {
            return;
        };
        let wanted = form_name(required);
        for address in self.grammar.analyse(cx) {
            if address.form != Form::Formal {
                continue;
            }
            let word = written(cx.text, address);
            let example = example(required, cx.lang);
            let mut finding = Finding::new(
                tr!(cx.lang,
                    de: "Formelle Anrede `{word}`: Dieses Konto spricht mit „{wanted}“ an",
                    en: "formal address `{word}`: this account uses „{wanted}“"),
                tr!(cx.lang,
                    de: "Leserinnen und Leser durchgehend mit „{wanted}“ ansprechen, {example}",
                    en: "address readers with „{wanted}“ throughout, {example}"),
            )
            .at(address.span.start, address.span.end);
            // Keep a capital at the start of a sentence (`Ihre Anmeldung` → `Deine`).
            let before = cx.text.text.get(..address.span.start).unwrap_or_default();
            let capital = before.trim_end().is_empty()
                || before.trim_end().ends_with(['.', '!', '?', ':', '\n']);
            if let Some(replacement) = possessive_replacement(&address.word, required, capital) {
                finding = finding.suggest(replacement, address.span.start, address.span.end);
            }
            out.push(finding);
        }
    }
}
