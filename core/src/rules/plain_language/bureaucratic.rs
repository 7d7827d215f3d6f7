use crate::lang::{Lang, tr};
use crate::report::Severity;
use crate::rules::plain_language::{
    CustomTerm, TermMatch, TermSet, alternatives, builtin, match_case,
};
use crate::rules::{
    Account, CheckContext, Finding, Rule, RuleDef, SettingError, Title, documented_rule,
    rule_settings,
};
use crate::text::lexicon::Lexicon;

rule_settings! {
    /// Settings of `plain-language.bureaucratic`.
    #[schemars(rename = "PlainLanguageBureaucraticSettings")]
    pub struct Settings {
        /// Terms to add: `term`, `instead`, and optionally `suggest = true` (only if the
        /// alternative fits wherever the term stands) and `inflected = true`, e.g.
        /// `{ term = "Wertstoffinsel", instead = "Container" }`. An added term replaces a
        /// built-in entry of the same term.
        pub add: Option<Vec<CustomTerm>>,
        /// Built-in terms the city accepts, as listed in the lexicon (any case), e.g.
        /// `["gemäß", "Anschrift"]`; one that is not in the lexicon is an error, so a typo
        /// cannot keep a term.
        pub allow: Option<Vec<String>>,
    }
}

documented_rule! {
    /// ## What it checks
    /// Bureaucratic words and phrases (Amtsdeutsch) from a built-in lexicon of about 250
    /// entries, each with a plainer alternative: `zwecks` → `für`, `seitens` → `von`,
    /// `unverzüglich` → `sofort`, `fernmündlich` → `telefonisch`, `Lichtzeichenanlage` →
    /// `Ampel`, `in Kenntnis setzen` → `informieren`, `zur Kenntnis nehmen` → `lesen`,
    /// `Inanspruchnahme` → `Nutzung`. Inflected forms count (`diesbezügliche`,
    /// `Lichtzeichenanlagen`, `Antragstellerin`), however they are spelt (case, soft
    /// hyphens, look-alike letters). Links, mentions and quotations are skipped: a quoted
    /// title is not the city's own wording.
    ///
    /// The alternative is offered as a replacement only where it fits as written, in any
    /// sentence: `unverzügliche Räumung` → `sofortige Räumung`, `Fahrzeugführerin` →
    /// `Fahrerin`. Where it depends on the sentence — genitive prepositions (`zwecks der
    /// Anmeldung`), a change of gender (`das Postwertzeichen` → `die Briefmarke`), verb
    /// phrases that German word order splits (`setzen Sie uns in Kenntnis`) — the
    /// alternative is named in the help text instead.
    ///
    /// Passive voice is not checked: without a part-of-speech tagger `wird … gesperrt`
    /// cannot be told from `wird … gesund` reliably, and municipal notices use the plain
    /// passive well. The impersonal formulas (`es wird darauf hingewiesen`, `es wird
    /// gebeten`) are in the lexicon. Sentence length and nominal style are
    /// `readability.*`; abbreviations are `plain-language.abbreviations`.
    ///
    /// ## Why
    /// Moers' ten golden social-media rules: „Seien Sie verständlich! Beamtendeutsch ist
    /// tabu!“ (Arndt, Stadt Moers, KOMMUNAL 2015). A post is read in passing on a phone; a
    /// citizen who stumbles over `Inanspruchnahme` scrolls on. The Bundesverwaltungsamt's
    /// guide „Bürgernahe Verwaltungssprache“ recommends the same substitutions. Default
    /// severity `warning`: style, not law — but Moers calls it taboo, and every entry has a
    /// plainer word.
    ///
    /// ## Example
    /// `Bitte melden Sie Schäden unverzüglich fernmündlich.` → `sofort`, `telefonisch`.
    /// `Zwecks Terminvereinbarung …` → help: `für`, `zur` or `um … zu`.
    ///
    /// ## Configuration
    /// ```toml
    /// [rules."plain-language.bureaucratic"]
    /// severity = "info"
    /// allow = ["gemäß"]
    /// add = [{ term = "Wertstoffinsel", instead = "Container", suggest = true }]
    /// ```
    ///
    /// # Deutsch
    ///
    /// ## Was geprüft wird
    /// Amtsdeutsche Wörter und Wendungen aus einem eingebauten Wörterbuch mit etwa 250 Einträgen,
    /// jeder mit einer schlichteren Alternative: `zwecks` → `für`, `seitens` → `von`,
    /// `unverzüglich` → `sofort`, `fernmündlich` → `telefonisch`, `Lichtzeichenanlage` → `Ampel`,
    /// `in Kenntnis setzen` → `informieren`, `zur Kenntnis nehmen` → `lesen`, `Inanspruchnahme` →
    /// `Nutzung`. Gebeugte Formen zählen mit (`diesbezügliche`, `Lichtzeichenanlagen`,
    /// `Antragstellerin`), unabhängig davon, wie sie geschrieben sind (Groß- und Kleinschreibung,
    /// weiche Trennstriche, ähnlich aussehende Buchstaben). Links, Erwähnungen und Zitate werden
    /// übersprungen: Ein zitierter Titel ist nicht die eigene Formulierung der Stadt.
    ///
    /// Die Alternative wird nur dort als Ersetzung angeboten, wo sie so, wie sie geschrieben ist,
    /// in jeden Satz passt: `unverzügliche Räumung` → `sofortige Räumung`, `Fahrzeugführerin` →
    /// `Fahrerin`. Wo sie vom Satz abhängt – bei Präpositionen mit Genitiv (`zwecks der
    /// Anmeldung`), bei einem Wechsel des Genus (`das Postwertzeichen` → `die Briefmarke`), bei
    /// Verbgefügen, die die deutsche Wortstellung trennt (`setzen Sie uns in Kenntnis`) –, nennt
    /// stattdessen der Hilfetext die Alternative.
    ///
    /// Das Passiv wird nicht geprüft: Ohne Wortartenerkennung lässt sich `wird … gesperrt` nicht
    /// zuverlässig von `wird … gesund` unterscheiden, und amtliche Bekanntmachungen setzen das
    /// schlichte Passiv gut ein. Die unpersönlichen Formeln (`es wird darauf hingewiesen`, `es
    /// wird gebeten`) stehen im Wörterbuch. Satzlänge und Nominalstil sind Sache von
    /// `readability.*`, Abkürzungen von `plain-language.abbreviations`.
    ///
    /// ## Warum
    /// Die zehn goldenen Social-Media-Regeln aus Moers: „Seien Sie verständlich! Beamtendeutsch
    /// ist tabu!“ (Arndt, Stadt Moers, KOMMUNAL 2015). Ein Beitrag wird im Vorbeigehen auf dem
    /// Smartphone gelesen; wer über `Inanspruchnahme` stolpert, scrollt weiter. Der Leitfaden
    /// „Bürgernahe Verwaltungssprache“ des Bundesverwaltungsamts empfiehlt dieselben Ersetzungen.
    /// Voreingestellter Schweregrad `warning`: Stil, nicht Recht – aber Moers nennt es tabu, und
    /// jeder Eintrag hat ein schlichteres Wort.
    ///
    /// ## Beispiel
    /// `Bitte melden Sie Schäden unverzüglich fernmündlich.` → `sofort`, `telefonisch`. `Zwecks
    /// Terminvereinbarung …` → Hilfetext: `für`, `zur` oder `um … zu`.
    ///
    /// ## Einstellungen
    /// ```toml
    /// [rules."plain-language.bureaucratic"]
    /// severity = "info"
    /// allow = ["gemäß"]
    /// add = [{ term = "Wertstoffinsel", instead = "Container", suggest = true }]
    /// ```
    pub(crate) struct PlainLanguageBureaucratic {
        terms: TermSet,
    }
}

impl RuleDef for PlainLanguageBureaucratic {
    type Settings = Settings;
    const DEFAULT_SEVERITY: Severity = Severity::Warning;
    const DOCS: &'static str = Self::DOC_TEXT;
    const TITLE: Title = Title {
        de: "Amtsdeutsch",
        en: "Bureaucratic language",
    };

    fn compile(settings: &Settings, _: &Account) -> Result<Self, SettingError> {
        Ok(PlainLanguageBureaucratic {
            terms: TermSet::new(
                &builtin()?.bureaucratic,
                settings.add.as_ref(),
                settings.allow.as_ref(),
            )?,
        })
    }
}

impl Rule for PlainLanguageBureaucratic {
    fn lexicons(&self, _account: &Account) -> Vec<&Lexicon> {
        vec![self.terms.lexicon()]
    }

    fn check(&self, cx: &CheckContext<'_>, out: &mut Vec<Finding>) {
        for found in self.terms.find(cx.text) {
            let Some(written) = cx.text.text.get(found.span.clone()) else {
                continue;
            };
            out.push(finding(cx.lang, written, &found));
        }
    }
}

/// The replacement that fits as written, if the entry has one for this form.
fn replacement(found: &TermMatch<'_>) -> Option<String> {
    let entry = found.entry;
    if !entry.suggest {
        return None;
    }
    if found.ending.is_empty() {
        return Some(entry.instead.clone());
    }
    let stem = entry.inflects_as.as_ref()?;
    // `-e` nouns take `-n`, others `-en`: an ending carries over only within one class.
    if entry.ends_in_e() != stem.ends_with('e') {
        return None;
    }
    Some(format!("{stem}{}", found.ending))
}

fn finding(lang: Lang, written: &str, found: &TermMatch<'_>) -> Finding {
    let span = (found.span.start, found.span.end);
    match replacement(found) {
        Some(plain) => {
            let plain = match_case(written, &plain, found.entry.capitalised);
            Finding::new(
                tr!(lang,
                    de: "Amtsdeutsch `{written}`: Einfacher ist `{plain}`",
                    en: "officialese `{written}`: `{plain}` is plainer"),
                tr!(lang,
                    de: "„Beamtendeutsch ist tabu“ (Moers): `{plain}` sagt dasselbe, und alle verstehen es beim ersten Lesen",
                    en: "\"officialese is taboo\" (Moers): `{plain}` says the same and everyone gets it at first reading"),
            )
            .at(span.0, span.1)
            .suggest(plain, span.0, span.1)
        }
        None => {
            let options = alternatives(
                &found.entry.instead,
                match lang {
                    Lang::De => "oder",
                    Lang::En => "or",
                },
            );
            Finding::new(
                tr!(lang,
                    de: "Amtsdeutsch `{written}`: Einfacher ist {options}",
                    en: "officialese `{written}`: {options} is plainer"),
                tr!(lang,
                    de: "Den Satz einfacher fassen, etwa mit {options}; die passende Form hängt vom Satz ab",
                    en: "rephrase the sentence, e.g. with {options}; the fitting form depends on the sentence"),
            )
            .at(span.0, span.1)
        }
    }
}
