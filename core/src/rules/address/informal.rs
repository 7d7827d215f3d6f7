use crate::lang::tr;
use crate::report::Severity;
use crate::rules::address::grammar::{Form, Grammar, Marker};
use crate::rules::address::{
    capitalise, example, form_name, grammar, possessive_replacement, required, written,
};
use crate::rules::{
    Account, CheckContext, Finding, Rule, RuleDef, SettingError, Title, documented_rule,
    rule_settings,
};

rule_settings! {
    /// Settings of `address.informal`.
    #[schemars(rename = "AddressInformalSettings")]
    pub struct Settings {
        /// Also flag imperatives without pronoun (`Macht mit!`, `Komm vorbei!`); default
        /// `true`.
        pub imperatives: Option<bool>,
    }
}

documented_rule! {
    /// ## What it checks
    /// Informal address in a post of an account whose policy requires another form
    /// (`address = "sie"`, `"du"` or `"ihr"` on the account). For a "Sie" account: the
    /// pronouns and possessives `du`, `dich`, `dir`, `dein…`, `euch`, `euer`/`eure…`,
    /// `ihr` as plural *you* (`ihr seid`, `habt ihr`, `wenn ihr Fragen habt`) and
    /// imperatives without pronoun (`Macht mit!`, `Schaut vorbei!`, `Komm vorbei!`). For a
    /// "du" account the plural forms, for an "ihr" account the singular ones. Each word is
    /// marked; possessives get their counterpart as suggestion (`deine` → `Ihre`).
    ///
    /// `ihr` as *her*/*their* (`Die Kinder stellten ihr Projekt vor`, `Die Stadt
    /// gratuliert ihr`), the sign-off `Ihr Bürgermeister`, questions with a verb first
    /// (`Kommt die Müllabfuhr?`), quotations (`„Kommt ein Vogel geflogen“`), hashtags and
    /// links are not address; a quotation that opens its line and stands alone is the
    /// post's own slogan and counts (`„Eure Stimme. Eure Zukunft.“ – die Stadt lädt…`),
    /// unless a verb of saying attributes it (`„Gebt euren Kindern Zeit“, rät die
    /// Leiterin`).
    /// Nor are the verb-first sentences of real posts that are no order: the first person
    /// with `ich` dropped (`Freue mich auf…`, `Habe heute…`, `Wünsche allen…`, `Drücke
    /// Daumen`), a verb after an adverbial opening (`Am Mittwoch, 08.10.2025, findet um
    /// 17 Uhr … statt`) or a quoted name (`„Sälzer Lagune“ öffnet…`), conditions (`Steigt
    /// die Inzidenz über 100, darf…`), impersonal and reflexive forms (`Bleibt zu
    /// hoffen`, `Stellt sich die Frage`), answers (`Stimmt.`), wishes (`Möge 2021…`) and
    /// chat words (`lach`, `vllt`). An `-e` form (`Entdecke…`) is an order only with an
    /// object, a particle or an exclamation. The words are matched on the folded text, so zero-width
    /// characters, look-alike letters, fake bold and spaced letters (`d u`) do not hide
    /// them.
    ///
    /// ## Why
    /// Paderborn's strategy for the mayor's profiles fixes "Ansprache: Sie" (Stadt
    /// Paderborn, Social-Media-Strategie 2021); Moers' golden rules address readers with
    /// "Sie" throughout (Arndt, Stadt Moers, KOMMUNAL 2015). Other cities deliberately use
    /// "du" or "ihr", so the form is policy data and the check works in every direction
    /// (Eislingen writes „du“, Frankfurt „ihr“). LanguageTool's `DU_DICH`, `IHR_EUCH` and
    /// `SIE_ANREDE` rules check consistency, not a required form.
    ///
    /// ## Example
    /// `Macht mit beim Stadtputz und bringt eure Nachbarn mit!` on a "Sie" account →
    /// `Machen Sie mit beim Stadtputz und bringen Sie Ihre Nachbarn mit!`
    ///
    /// ## Configuration
    /// The form comes from the account; the rule only runs for accounts that set one.
    /// ```toml
    /// [accounts.buergermeister]
    /// address = "sie"
    ///
    /// [rules."address.informal"]
    /// imperatives = false   # flag pronouns only
    /// ```
    ///
    /// # Deutsch
    ///
    /// ## Was geprüft wird
    /// Vertrauliche Anrede in einem Beitrag eines Kontos, dessen Richtlinie eine andere Form
    /// verlangt (`address = "sie"`, `"du"` oder `"ihr"` beim Konto). Bei einem Sie-Konto: die
    /// Pronomen und Possessivpronomen `du`, `dich`, `dir`, `dein…`, `euch`, `euer`/`eure…`,
    /// `ihr` als Anrede im Plural (`ihr seid`, `habt ihr`, `wenn ihr Fragen habt`) und
    /// Imperative ohne Pronomen (`Macht mit!`, `Schaut vorbei!`, `Komm vorbei!`). Bei einem
    /// Du-Konto die Formen im Plural, bei einem Ihr-Konto die im Singular. Jedes Wort wird
    /// markiert; Possessivpronomen erhalten ihr Gegenstück als Vorschlag (`deine` → `Ihre`).
    ///
    /// Keine Anrede sind `ihr` im Sinne von *ihr* als Dativ oder Possessiv der dritten Person
    /// (`Die Kinder stellten ihr Projekt vor`, `Die Stadt gratuliert ihr`), die Grußformel
    /// `Ihr Bürgermeister`, Fragen mit dem Verb an erster Stelle (`Kommt die Müllabfuhr?`),
    /// Zitate (`„Kommt ein Vogel geflogen“`), Hashtags und Links; ein Zitat, das seine Zeile
    /// eröffnet und für sich steht, ist das eigene Motto des Beitrags und zählt (`„Eure Stimme.
    /// Eure Zukunft.“ – die Stadt lädt…`), außer ein Verb des Sagens schreibt es jemandem zu
    /// (`„Gebt euren Kindern Zeit“, rät die Leiterin`). Ebenso wenig die Sätze echter
    /// Beiträge mit dem Verb an erster Stelle, die keine Aufforderung sind: die erste Person
    /// ohne `ich` (`Freue mich auf…`, `Habe heute…`, `Wünsche allen…`, `Drücke Daumen`), ein
    /// Verb nach einer adverbialen Eröffnung (`Am Mittwoch, 08.10.2025, findet um 17 Uhr …
    /// statt`) oder einem Namen in Anführungszeichen (`„Sälzer Lagune“ öffnet…`), Bedingungen
    /// (`Steigt die Inzidenz über 100, darf…`), unpersönliche und reflexive Formen (`Bleibt zu
    /// hoffen`, `Stellt sich die Frage`), Antworten (`Stimmt.`), Wünsche (`Möge 2021…`) und
    /// Chatwörter (`lach`, `vllt`). Eine Form auf `-e` (`Entdecke…`) ist nur mit einem Objekt,
    /// einer Partikel oder einem Ausrufezeichen eine Aufforderung. Die Wörter werden im
    /// vereinheitlichten Text gesucht, sodass Zeichen ohne Breite, ähnlich aussehende
    /// Buchstaben, Scheinfettschrift und gesperrte Buchstaben (`d u`) sie nicht verbergen.
    ///
    /// ## Warum
    /// Paderborns Strategie für die Profile des Bürgermeisters legt „Ansprache: Sie“ fest
    /// (Stadt Paderborn, Social-Media-Strategie 2021); die goldenen Regeln aus Moers sprechen
    /// Leserinnen und Leser durchgehend mit „Sie“ an (Arndt, Stadt Moers, KOMMUNAL 2015).
    /// Andere Städte verwenden bewusst „du“ oder „ihr“; deshalb ist die Form eine Angabe der
    /// Richtlinie, und die Prüfung wirkt in jede Richtung (Eislingen schreibt „du“, Frankfurt
    /// „ihr“). Die LanguageTool-Regeln `DU_DICH`, `IHR_EUCH` und `SIE_ANREDE` prüfen die
    /// Einheitlichkeit, keine vorgeschriebene Form.
    ///
    /// ## Beispiel
    /// `Macht mit beim Stadtputz und bringt eure Nachbarn mit!` auf einem Sie-Konto →
    /// `Machen Sie mit beim Stadtputz und bringen Sie Ihre Nachbarn mit!`
    ///
    /// ## Einstellungen
    /// Die Form kommt vom Konto; die Regel läuft nur für Konten, die eine festlegen.
    /// ```toml
    /// [accounts.buergermeister]
    /// address = "sie"
    ///
    /// [rules."address.informal"]
    /// imperatives = false   # nur Pronomen markieren
    /// ```
    pub(crate) struct AddressInformal {
        grammar: &'static Grammar,
        required: Option<Form>,
        imperatives: bool,
    }
}

impl RuleDef for AddressInformal {
    type Settings = Settings;
    const DEFAULT_SEVERITY: Severity = Severity::Warning;
    const DOCS: &'static str = Self::DOC_TEXT;
    const TITLE: Title = Title {
        de: "Informelle Anrede",
        en: "Informal address",
    };

    fn compile(settings: &Settings, account: &Account) -> Result<Self, SettingError> {
        Ok(AddressInformal {
            grammar: grammar(),
            required: account.address.map(required),
            imperatives: settings.imperatives.unwrap_or(true),
        })
    }
}

impl Rule for AddressInformal {
    fn check(&self, cx: &CheckContext<'_>, out: &mut Vec<Finding>) {
        let Some(required) = self.required else {
            return;
        };
        let wanted = form_name(required);
        for address in self.grammar.analyse(cx) {
            let wrong = match required {
                Form::Formal => address.form != Form::Formal,
                Form::Du => address.form == Form::Ihr,
                Form::Ihr => address.form == Form::Du,
            };
            if !wrong || (address.marker == Marker::Imperative && !self.imperatives) {
                continue;
            }
            let word = written(cx.text, address);
            let form = form_name(address.form);
            // German writes the form as a capitalised compound: „Du-Form“.
            let form_noun = capitalise(form);
            let message = match (address.marker, required) {
                (Marker::Imperative, Form::Formal) => tr!(cx.lang,
                    de: "Informelle Aufforderung `{word}` ({form_noun}-Form): Dieses Konto siezt",
                    en: "informal imperative `{word}` ({form} form): this account uses „Sie“"),
                (_, Form::Formal) => tr!(cx.lang,
                    de: "Informelle Anrede `{word}` ({form_noun}-Form): Dieses Konto siezt",
                    en: "informal address `{word}` ({form} form): this account uses „Sie“"),
                _ => tr!(cx.lang,
                    de: "Anrede `{word}` in der {form_noun}-Form: Dieses Konto spricht mit „{wanted}“ an",
                    en: "address `{word}` in the {form} form: this account uses „{wanted}“"),
            };
            let example = example(required, cx.lang);
            let help = tr!(cx.lang,
                de: "Leserinnen und Leser durchgehend mit „{wanted}“ ansprechen, {example}",
                en: "address readers with „{wanted}“ throughout, {example}");
            let capital = word
                .chars()
                .find(|c| c.is_alphabetic())
                .is_some_and(char::is_uppercase);
            let mut finding = Finding::new(message, help).at(address.span.start, address.span.end);
            if let Some(replacement) = possessive_replacement(&address.word, required, capital) {
                finding = finding.suggest(replacement, address.span.start, address.span.end);
            }
            out.push(finding);
        }
    }
}
