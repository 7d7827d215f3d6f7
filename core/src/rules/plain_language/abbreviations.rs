use crate::lang::{Lang, tr};
use crate::report::Severity;
use crate::rules::plain_language::{CustomTerm, TermSet, alternatives, builtin, match_case};
use crate::rules::{
    Account, CheckContext, Finding, Rule, RuleDef, SettingError, Title, documented_rule,
    rule_settings,
};
use crate::text::lexicon::Lexicon;

rule_settings! {
    /// Settings of `plain-language.abbreviations`.
    #[schemars(rename = "PlainLanguageAbbreviationsSettings")]
    pub struct Settings {
        /// Abbreviations to add: `term`, `instead` (the written-out form) and optionally
        /// `suggest = true`, e.g. `{ term = "Tel.", instead = "Telefon", suggest = true }`.
        /// An added term replaces a built-in entry of the same term.
        pub add: Option<Vec<CustomTerm>>,
        /// Built-in abbreviations the city accepts, as listed (any case), e.g. `["ca."]`;
        /// one that is not in the list is an error, so a typo cannot keep a term.
        pub allow: Option<Vec<String>>,
    }
}

documented_rule! {
    /// ## What it checks
    /// Abbreviations in running text from a built-in list of about 40 (`bzw.`, `ggf.`,
    /// `usw.`, `ca.`, `z.B.`, `u.a.`, `d.h.`, `i.d.R.`, with or without spaces between the
    /// letters). The written-out form is offered as a replacement where it fits
    /// wherever the abbreviation stands (`z. B.` → `zum Beispiel`); where it does not
    /// (`sog.` → `sogenannte`/`sogenannten`, `u. a.` → `unter anderem` or `und andere`) it
    /// is named in the help text. A full stop that also ends the sentence is kept (`…,
    /// Obst usw.` → `…, Obst und so weiter.`). Where the written-out form is itself stiff
    /// (`gegebenenfalls`, `bezüglich`) the help names a plainer word.
    ///
    /// Conventional abbreviations of contact lines and dates (`Tel.`, `Nr.`, `Str.`,
    /// `Mo.–Fr.`) are not on the list: readers expect them and screen readers expand them.
    /// The abbreviation must carry its dots: `IV` is a numeral and `so` a word, not `i. V.`
    /// and `s. o.`. Links, mentions and quotations are skipped.
    ///
    /// This is its own rule, not part of `plain-language.bureaucratic`: the reason differs
    /// (accessibility rather than officialese), the fix is mechanical, and a city may well
    /// accept `z. B.` while banning `zwecks`.
    ///
    /// ## Why
    /// The Bundesfachstelle Barrierefreiheit recommends few abbreviations in accessible
    /// posts (§12a Abs. 8 BGG): screen readers read `z. B.` as „z Punkt b Punkt“, and
    /// people with little German stumble over them. Moers: „Seien Sie verständlich!“
    /// (Arndt, Stadt Moers, KOMMUNAL 2015). Default severity `info`: an abbreviation is a
    /// hurdle, not an error.
    ///
    /// ## Example
    /// `Bringen Sie ggf. Ihren Ausweis mit.` → `gegebenenfalls` (help: plainer `falls
    /// nötig`).
    ///
    /// ## Configuration
    /// ```toml
    /// [rules."plain-language.abbreviations"]
    /// allow = ["ca."]
    /// add = [{ term = "Tel.", instead = "Telefon", suggest = true }]
    /// ```
    ///
    /// # Deutsch
    ///
    /// ## Was geprüft wird
    /// Abkürzungen im Fließtext aus einer eingebauten Liste von etwa 40 (`bzw.`, `ggf.`, `usw.`,
    /// `ca.`, `z.B.`, `u.a.`, `d.h.`, `i.d.R.`, mit oder ohne Leerzeichen zwischen den
    /// Buchstaben). Die ausgeschriebene Form wird als Ersetzung angeboten, wenn sie an jeder
    /// Stelle passt, an der die Abkürzung stehen kann (`z. B.` → `zum Beispiel`); wenn nicht
    /// (`sog.` → `sogenannte`/`sogenannten`, `u. a.` → `unter anderem` oder `und andere`), nennt
    /// der Hilfetext sie. Ein Punkt, der zugleich den Satz beendet, bleibt erhalten (`…, Obst
    /// usw.` → `…, Obst und so weiter.`). Wo die ausgeschriebene Form selbst steif ist
    /// (`gegebenenfalls`, `bezüglich`), nennt der Hilfetext ein schlichteres Wort.
    ///
    /// Übliche Abkürzungen in Kontaktzeilen und Datumsangaben (`Tel.`, `Nr.`, `Str.`, `Mo.–Fr.`)
    /// stehen nicht auf der Liste: Leserinnen und Leser erwarten sie, und Screenreader sprechen
    /// sie aus. Die Abkürzung muss ihre Punkte tragen: `IV` ist eine römische Zahl und `so` ein
    /// Wort, nicht `i. V.` und `s. o.`. Links, Erwähnungen und Zitate werden übersprungen.
    ///
    /// Dies ist eine eigene Regel und nicht Teil von `plain-language.bureaucratic`: Der Grund ist
    /// ein anderer (Barrierefreiheit statt Amtsdeutsch), die Korrektur ist mechanisch, und eine
    /// Stadt kann `z. B.` durchaus zulassen, `zwecks` aber verbieten.
    ///
    /// ## Warum
    /// Die Bundesfachstelle Barrierefreiheit empfiehlt für barrierefreie Beiträge wenige
    /// Abkürzungen (§12a Abs. 8 BGG): Screenreader lesen `z. B.` als „z Punkt b Punkt“, und
    /// Menschen mit geringen Deutschkenntnissen stolpern darüber. Moers: „Seien Sie
    /// verständlich!“ (Arndt, Stadt Moers, KOMMUNAL 2015). Voreingestellter Schweregrad `info`:
    /// Eine Abkürzung ist eine Hürde, kein Fehler.
    ///
    /// ## Beispiel
    /// `Bringen Sie ggf. Ihren Ausweis mit.` → `gegebenenfalls` (Hilfetext: schlichter `falls
    /// nötig`).
    ///
    /// ## Einstellungen
    /// ```toml
    /// [rules."plain-language.abbreviations"]
    /// allow = ["ca."]
    /// add = [{ term = "Tel.", instead = "Telefon", suggest = true }]
    /// ```
    pub(crate) struct PlainLanguageAbbreviations {
        terms: TermSet,
    }
}

impl RuleDef for PlainLanguageAbbreviations {
    type Settings = Settings;
    const DEFAULT_SEVERITY: Severity = Severity::Info;
    const DOCS: &'static str = Self::DOC_TEXT;
    const TITLE: Title = Title {
        de: "Abkürzung im Fließtext",
        en: "Abbreviation in running text",
    };

    fn compile(settings: &Settings, _: &Account) -> Result<Self, SettingError> {
        Ok(PlainLanguageAbbreviations {
            terms: TermSet::new(
                &builtin()?.abbreviation,
                settings.add.as_ref(),
                settings.allow.as_ref(),
            )?,
        })
    }
}

impl Rule for PlainLanguageAbbreviations {
    fn lexicons(&self, _account: &Account) -> Vec<&Lexicon> {
        vec![self.terms.lexicon()]
    }

    fn check(&self, cx: &CheckContext<'_>, out: &mut Vec<Finding>) {
        let text = cx.text.text;
        for found in self.terms.find(cx.text) {
            // The matcher drops the final dot of `z. B.` with the spelt-out letters.
            let mut end = found.span.end;
            if text.get(end..).is_some_and(|rest| rest.starts_with('.')) {
                end += 1;
            }
            let start = found.span.start;
            let Some(written) = text.get(start..end) else {
                continue;
            };
            let entry = found.entry;
            if entry.dotted() && !written.contains('.') {
                // Without its dot it is a word or a numeral (`ca` in a name, `IV`).
                continue;
            }
            let or = match cx.lang {
                Lang::De => "oder",
                Lang::En => "or",
            };
            let options = alternatives(&entry.instead, or);
            let plainer = entry.plain.as_deref().map(|p| alternatives(p, or));
            let help = match (&plainer, cx.lang) {
                (Some(plainer), Lang::De) => format!(
                    "Ausgeschrieben: {options}, noch einfacher: {plainer}; Screenreader lesen Abkürzungen oft Buchstabe für Buchstabe vor"
                ),
                (Some(plainer), Lang::En) => format!(
                    "written out: {options}, plainer still: {plainer}; screen readers often spell abbreviations letter by letter"
                ),
                (None, _) => tr!(cx.lang,
                    de: "Ausgeschrieben: {options}; Screenreader lesen Abkürzungen oft Buchstabe für Buchstabe vor",
                    en: "written out: {options}; screen readers often spell abbreviations letter by letter"),
            };
            let mut finding = Finding::new(
                tr!(cx.lang,
                    de: "Abkürzung `{written}`: Besser ausschreiben",
                    en: "abbreviation `{written}`: write it out"),
                help,
            )
            .at(start, end);
            if entry.suggest {
                let mut replacement = match_case(written, &entry.instead, entry.capitalised);
                if dot_ends_sentence(&text[end..], entry.closing) {
                    replacement.push('.');
                }
                finding = finding.suggest(replacement, start, end);
            }
            out.push(finding);
        }
    }
}

/// Whether the abbreviation's dot also ends the sentence: at the end of the text or a
/// line, or — for abbreviations that close enumerations (`usw.`) — before a capital.
fn dot_ends_sentence(rest: &str, closing: bool) -> bool {
    let after_spaces = rest.trim_start_matches([' ', '\t', '\u{a0}']);
    match after_spaces.chars().next() {
        None | Some('\n' | '\r') => true,
        Some(next) => closing && rest.len() > after_spaces.len() && next.is_uppercase(),
    }
}
