use crate::lang::tr;
use crate::report::Severity;
use crate::rules::address::grammar::{Form, Grammar, Marker};
use crate::rules::address::{capitalise, grammar, required, written};
use crate::rules::{
    Account, CheckContext, Finding, Rule, RuleDef, SettingError, Title, documented_rule,
    rule_settings,
};

rule_settings! {
    /// Settings of `address.lowercase-sie`.
    #[schemars(rename = "AddressLowercaseSieSettings")]
    pub struct Settings {}
}

documented_rule! {
    /// ## What it checks
    /// Formal address written in lower case: `sie`, `ihnen`, `ihr`/`ihre…` where they
    /// address the reader. That is certain in an imperative (`Bitte füllen sie das
    /// Formular aus`, `Kommen sie vorbei!`) and after a formal `Sie` in the same sentence
    /// (`Bringen Sie ihren Ausweis mit`). Otherwise nobody to refer to is not enough —
    /// real posts name their third parties anywhere — and the word counts only when
    /// nobody it could refer to stands in the two sentences before it *and* the clause
    /// speaks to the reader: the city asking, inviting or thanking (`Wir bitten sie um
    /// Verständnis`, `ich lade sie herzlich ein`, `Danke, dass sie mitgemacht haben`), a
    /// formula (`Vielen Dank für ihr Verständnis`), a service verb (`Hier finden sie…`)
    /// or a question put to them (`Was wollen sie hören?`); there only people named
    /// before, not any noun, can be who is meant (`Für Rückfragen stehen wir ihnen zur
    /// Verfügung`). Two kinds of writing speak to one person throughout: a text that
    /// has already addressed the reader with a capital `Sie` (`Bitte bringen Sie den
    /// Antrag mit. … sobald ihre Unterlagen geprüft sind`), and a reply that opens with
    /// @mentions, where the writer says `ich`, asks, or puts the verb first (`@x Ich
    /// denke, sie verkennen die Lage`, `@x Stehen sie auch dahinter?`) — unless people
    /// who could be *they* were named, or another `sie` is *she*/*they* by its verb.
    /// Not flagged: *she*/*they*/*her* (`Morgen kommt sie ins Rathaus`, `Die Kinder
    /// stellten ihr Projekt vor`, `Renate Künast hat ihr Buch vorgestellt`,
    /// `#Bundeswehr sagt, sie sei…`, `Dann laufen sie.`, `sollten sie ihre Pflichten
    /// nicht einhalten`), wishes about others (`Sollen sie doch ihre Sachen packen`),
    /// `let us` (`Nennen wir sie beim Namen`), a part of a group (`Wie viele von ihnen…`),
    /// relative clauses (`…, über die sie berichten`) and a main clause after a
    /// subordinate one (`Wenn die Partei nicht einlenkt, werden sie verlieren`). People
    /// greeted at the start (`Liebe Bürgerinnen und Bürger, …`) are the readers, not a
    /// third party. The capitalised word is suggested.
    ///
    /// ## Why
    /// In lower case the formal address reads as *she* or *they*: `wir informieren sie`
    /// says the city informs some third party. Paderborn's profiles address readers with
    /// "Sie" (Stadt Paderborn, Social-Media-Strategie 2021), and the capital is what makes
    /// it address (LanguageTool rule `SIE_GROSS`).
    ///
    /// ## Example
    /// `Bitte füllen sie das Formular aus.` → `Bitte füllen Sie das Formular aus.`
    ///
    /// ## Configuration
    /// Runs for "Sie" accounts and accounts without a required form ("du"/"ihr" accounts
    /// get `address.formal` instead).
    /// ```toml
    /// [rules."address.lowercase-sie"]
    /// severity = "error"
    /// ```
    ///
    /// # Deutsch
    ///
    /// ## Was geprüft wird
    /// Förmliche Anrede in Kleinschreibung: `sie`, `ihnen`, `ihr`/`ihre…`, wo sie die Leserin
    /// oder den Leser ansprechen. Sicher ist das in einem Imperativ (`Bitte füllen sie das
    /// Formular aus`, `Kommen sie vorbei!`) und nach einem förmlichen `Sie` im selben Satz
    /// (`Bringen Sie ihren Ausweis mit`). Sonst genügt es nicht, dass niemand da ist, auf den
    /// sich das Wort beziehen könnte – echte Beiträge nennen ihre Dritten an beliebiger Stelle
    /// –, und das Wort zählt nur, wenn in den zwei Sätzen davor niemand steht, auf den es sich
    /// beziehen könnte, *und* der Satzteil sich an die Leserschaft wendet: die Stadt bittet,
    /// lädt ein oder dankt (`Wir bitten sie um Verständnis`, `ich lade sie herzlich ein`,
    /// `Danke, dass sie mitgemacht haben`), eine Formel (`Vielen Dank für ihr Verständnis`),
    /// ein Verb des Angebots (`Hier finden sie…`) oder eine an sie gerichtete Frage (`Was
    /// wollen sie hören?`); dort können nur zuvor genannte Personen gemeint sein, nicht
    /// beliebige Substantive (`Für Rückfragen stehen wir ihnen zur Verfügung`). Zwei Arten zu
    /// schreiben sprechen durchgehend eine Person an: ein Text, der die Leserin oder den Leser
    /// schon mit großgeschriebenem `Sie` angesprochen hat (`Bitte bringen Sie den Antrag mit. …
    /// sobald ihre Unterlagen geprüft sind`), und eine Antwort, die mit @-Erwähnungen beginnt
    /// und in der die schreibende Person `ich` sagt, fragt oder das Verb voranstellt (`@x Ich
    /// denke, sie verkennen die Lage`, `@x Stehen sie auch dahinter?`) – außer es wurden
    /// Personen genannt, die *sie* sein könnten, oder ein anderes `sie` ist nach seinem Verb
    /// die dritte Person. Nicht markiert wird die dritte Person (`Morgen kommt sie ins
    /// Rathaus`, `Die Kinder stellten ihr Projekt vor`, `Renate Künast hat ihr Buch
    /// vorgestellt`, `#Bundeswehr sagt, sie sei…`, `Dann laufen sie.`, `sollten sie ihre
    /// Pflichten nicht einhalten`), Wünsche über andere (`Sollen sie doch ihre Sachen packen`),
    /// die Aufforderung an uns selbst (`Nennen wir sie beim Namen`), ein Teil einer Gruppe
    /// (`Wie viele von ihnen…`), Relativsätze (`…, über die sie berichten`) und ein Hauptsatz
    /// nach einem Nebensatz (`Wenn die Partei nicht einlenkt, werden sie verlieren`). Wer am
    /// Anfang begrüßt wird (`Liebe Bürgerinnen und Bürger, …`), ist die Leserschaft, keine
    /// dritte Partei. Vorgeschlagen wird das großgeschriebene Wort.
    ///
    /// ## Warum
    /// In Kleinschreibung liest sich die förmliche Anrede als dritte Person: `wir informieren
    /// sie` sagt, dass die Stadt irgendwelche Dritten informiert. Paderborns Profile sprechen
    /// Leserinnen und Leser mit „Sie“ an (Stadt Paderborn, Social-Media-Strategie 2021), und
    /// erst der Großbuchstabe macht daraus eine Anrede (LanguageTool-Regel `SIE_GROSS`).
    ///
    /// ## Beispiel
    /// `Bitte füllen sie das Formular aus.` → `Bitte füllen Sie das Formular aus.`
    ///
    /// ## Einstellungen
    /// Läuft für Sie-Konten und für Konten ohne vorgeschriebene Form (Du- und Ihr-Konten
    /// erhalten stattdessen `address.formal`).
    /// ```toml
    /// [rules."address.lowercase-sie"]
    /// severity = "error"
    /// ```
    pub(crate) struct AddressLowercaseSie {
        grammar: &'static Grammar,
        required: Option<Form>,
    }
}

impl RuleDef for AddressLowercaseSie {
    type Settings = Settings;
    const DEFAULT_SEVERITY: Severity = Severity::Warning;
    const DOCS: &'static str = Self::DOC_TEXT;
    const TITLE: Title = Title {
        de: "Kleingeschriebenes „sie“ als Anrede",
        en: "Formal address in lower case",
    };

    fn compile(_: &Settings, account: &Account) -> Result<Self, SettingError> {
        Ok(AddressLowercaseSie {
            grammar: grammar(),
            required: account.address.map(required),
        })
    }
}

impl Rule for AddressLowercaseSie {
    fn check(&self, cx: &CheckContext<'_>, out: &mut Vec<Finding>) {
        if matches!(self.required, Some(Form::Du | Form::Ihr)) {
            return;
        }
        for address in self.grammar.analyse(cx) {
            if address.marker != Marker::Lowercase {
                continue;
            }
            let word = written(cx.text, address);
            let capitalised = capitalise(&address.word);
            out.push(
                Finding::new(
                    tr!(cx.lang,
                        de: "`{word}` als Anrede wird großgeschrieben: `{capitalised}`",
                        en: "`{word}` as formal address is capitalised: `{capitalised}`"),
                    tr!(cx.lang,
                        de: "Kleingeschrieben meint das Wort Dritte („sie“ im Sinne von „die Leute“), nicht die Leserin oder den Leser",
                        en: "in lower case the word means a third person (she, they), not the reader"),
                )
                .at(address.span.start, address.span.end)
                .suggest(capitalised, address.span.start, address.span.end),
            );
        }
    }
}
